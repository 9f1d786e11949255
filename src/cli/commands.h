// The subcommands of the `hudud` binary. Each Add* function declares its
// flags on a CLI11 subcommand and returns the function main() runs when that
// subcommand was chosen; the function returns the process exit code and
// never throws.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace hudud::cli {

using CommandRunner = std::function<int()>;

// hudud lists import FILE [--format F] [--list-id ID] [--mapping FILE] [--db PATH] [--json]
CommandRunner AddListsImportCommand(CLI::App& import);

// hudud lists show [--json]; hudud lists diff LIST [--from V] [--to V] [--json];
// hudud lists export LIST --format ftm-json|xml|csv [--out FILE]  (lists_versions.cc)
CommandRunner AddListsShowCommand(CLI::App& show);
CommandRunner AddListsDiffCommand(CLI::App& diff);
CommandRunner AddListsExportCommand(CLI::App& exp);

// hudud designations propose|amend|delist|approve|reject|publish|list|show (designations.cc)
CommandRunner AddDesignationsCommand(CLI::App& designations);

// hudud subjects import FILE; hudud subjects rescreen (monitoring.cc); hudud alerts
// list|show|assign|comment|decide|outcome|reopen (alerts.cc)
CommandRunner AddSubjectsCommand(CLI::App& subjects);
CommandRunner AddAlertsCommand(CLI::App& alerts);
// hudud redress file|list|show|review|resolve (redress.cc)
CommandRunner AddRedressCommand(CLI::App& redress);

// hudud manifest screen FILE... (manifest.cc); hudud mrz check LINES... (mrz.cc);
// hudud documents import|list (documents.cc); hudud rules save|test|activate|
// retire|list|show|fields (rules.cc)
CommandRunner AddManifestCommand(CLI::App& manifest);
CommandRunner AddMrzCommand(CLI::App& mrz);
CommandRunner AddDocumentsCommand(CLI::App& documents);
CommandRunner AddRulesCommand(CLI::App& rules);

// hudud audit verify|list|sign|prune (audit.cc)
CommandRunner AddAuditCommand(CLI::App& audit);

// hudud users add|list|disable|passwd; hudud tokens create|list|revoke (users.cc)
CommandRunner AddUsersCommand(CLI::App& users);
CommandRunner AddTokensCommand(CLI::App& tokens);

// hudud retention run|status (retention.cc); hudud unmask request|approve|reject|read|
// list|show|notifications (unmask.cc)
CommandRunner AddRetentionCommand(CLI::App& retention);
CommandRunner AddUnmaskCommand(CLI::App& unmask);

// hudud serve [--db PATH] [--listen ADDR:PORT] [--tls-cert F --tls-key F] (serve.cc)
CommandRunner AddServeCommand(CLI::App& serve);

// hudud screen --name NAME... | --batch FILE|-  (see screen.cc)
CommandRunner AddScreenCommand(CLI::App& screen);

// hudud compare NAME_A NAME_B | --batch FILE|-  (see compare.cc)
CommandRunner AddCompareCommand(CLI::App& compare);

// hudud demo [--db PATH] [--data DIR]
CommandRunner AddDemoCommand(CLI::App& demo);

}  // namespace hudud::cli
