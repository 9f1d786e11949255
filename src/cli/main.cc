// The `hudud` command: builds the command line, dispatches to one
// subcommand, and turns every failure into a one-line message on stderr and
// an exit code (0 ok, 1 runtime failure, 2 usage error). Nothing escapes
// main as an exception.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "cli/cli_util.h"
#include "cli/commands.h"

namespace {

bool IsFlag(const char* arg) { return arg[0] == '-'; }

// CLI11 reports "hudud frobnicate" as "A subcommand is required", which
// does not name the problem; check the command words ourselves first.
// Returns "" when they are fine.
std::string CheckCommandWords(int argc, char** argv) {
  if (argc < 2 || IsFlag(argv[1])) return "";
  std::string_view command = argv[1];
  if (command == "lists") {
    std::string_view sub = argc < 3 ? "" : argv[2];
    if (argc < 3 || IsFlag(argv[2]) || sub == "import" || sub == "show" || sub == "diff" ||
        sub == "export")
      return "";
    return "unknown command 'lists " + std::string(sub) +
           "' (expected: lists import, lists show, lists diff or lists export)";
  }
  if (command == "screen" || command == "compare" || command == "demo" ||
      command == "designations" || command == "subjects" || command == "alerts" ||
      command == "manifest" || command == "mrz" || command == "documents" || command == "rules" ||
      command == "audit" || command == "users" || command == "tokens" || command == "serve" ||
      command == "retention" || command == "unmask" || command == "redress")
    return "";
  return "unknown command '" + std::string(command) +
         "' (expected: lists, screen, compare, designations, subjects, alerts, manifest, mrz, "
         "documents, rules, audit, users, tokens, retention, unmask, redress, serve or demo)";
}

// "hudud screen --help" for errors after a known command word.
std::string HelpHint(int argc, char** argv) {
  if (argc >= 3 && std::string_view(argv[1]) == "lists" && !IsFlag(argv[2])) {
    return " (see hudud lists " + std::string(argv[2]) + " --help)";
  }
  if (argc >= 2 && !IsFlag(argv[1]) && CheckCommandWords(argc, argv).empty()) {
    return " (see hudud " + std::string(argv[1]) + " --help)";
  }
  return " (see hudud --help)";
}

int Run(int argc, char** argv) {
  CLI::App app{"hudud: screen travellers, customers and payments against watchlists"};
  app.set_version_flag("--version", "hudud 0.1.0");
  app.require_subcommand(1);

  CLI::App* lists = app.add_subcommand("lists", "Manage watchlists");
  lists->require_subcommand(1);
  CLI::App* import = lists->add_subcommand("import", "Import a watchlist file as a new version");
  hudud::cli::CommandRunner run_import = hudud::cli::AddListsImportCommand(*import);
  CLI::App* show = lists->add_subcommand("show", "Show the lists with their active version");
  hudud::cli::CommandRunner run_show = hudud::cli::AddListsShowCommand(*show);
  CLI::App* diff = lists->add_subcommand("diff", "What changed between two versions of a list");
  hudud::cli::CommandRunner run_diff = hudud::cli::AddListsDiffCommand(*diff);
  CLI::App* exp = lists->add_subcommand("export", "Write a list out as FtM JSON, XML or CSV");
  hudud::cli::CommandRunner run_export = hudud::cli::AddListsExportCommand(*exp);

  CLI::App* designations = app.add_subcommand(
      "designations", "The national designation process (propose, approve, publish, delist)");
  hudud::cli::CommandRunner run_designations = hudud::cli::AddDesignationsCommand(*designations);

  CLI::App* subjects =
      app.add_subcommand("subjects", "Subjects held for ongoing monitoring (import, rescreen)");
  hudud::cli::CommandRunner run_subjects = hudud::cli::AddSubjectsCommand(*subjects);
  CLI::App* alerts =
      app.add_subcommand("alerts", "The alert queue and its triage (list, show, decide ...)");
  hudud::cli::CommandRunner run_alerts = hudud::cli::AddAlertsCommand(*alerts);
  CLI::App* redress = app.add_subcommand(
      "redress", "A person's requests to be cleared of a wrong match (file, review, resolve)");
  hudud::cli::CommandRunner run_redress = hudud::cli::AddRedressCommand(*redress);

  CLI::App* manifest =
      app.add_subcommand("manifest", "Screen the travellers of a PAXLST or PNRGOV message");
  hudud::cli::CommandRunner run_manifest = hudud::cli::AddManifestCommand(*manifest);
  CLI::App* mrz = app.add_subcommand("mrz", "Check a travel document's MRZ and screen its holder");
  hudud::cli::CommandRunner run_mrz = hudud::cli::AddMrzCommand(*mrz);
  CLI::App* documents =
      app.add_subcommand("documents", "The register of lost, stolen and revoked documents");
  hudud::cli::CommandRunner run_documents = hudud::cli::AddDocumentsCommand(*documents);
  CLI::App* rules = app.add_subcommand("rules", "Targeting rules (save, test, activate, retire)");
  hudud::cli::CommandRunner run_rules = hudud::cli::AddRulesCommand(*rules);
  CLI::App* audit =
      app.add_subcommand("audit", "The tamper-evident audit log (verify, list, sign, prune)");
  hudud::cli::CommandRunner run_audit = hudud::cli::AddAuditCommand(*audit);
  CLI::App* users =
      app.add_subcommand("users", "Users of the service (add, list, disable, passwd)");
  hudud::cli::CommandRunner run_users = hudud::cli::AddUsersCommand(*users);
  CLI::App* tokens =
      app.add_subcommand("tokens", "API tokens of the service (create, list, revoke)");
  hudud::cli::CommandRunner run_tokens = hudud::cli::AddTokensCommand(*tokens);

  CLI::App* retention = app.add_subcommand(
      "retention", "Depersonalise and delete traveller data on schedule (run, status)");
  hudud::cli::CommandRunner run_retention = hudud::cli::AddRetentionCommand(*retention);
  CLI::App* unmask = app.add_subcommand(
      "unmask", "See depersonalised data again under four eyes (request, approve, read, ...)");
  hudud::cli::CommandRunner run_unmask = hudud::cli::AddUnmaskCommand(*unmask);

  CLI::App* serve = app.add_subcommand("serve", "Run the HTTP API");
  hudud::cli::CommandRunner run_serve = hudud::cli::AddServeCommand(*serve);

  CLI::App* screen = app.add_subcommand("screen", "Screen a name (or a batch) against the lists");
  hudud::cli::CommandRunner run_screen = hudud::cli::AddScreenCommand(*screen);

  CLI::App* compare = app.add_subcommand("compare", "Score the similarity of two names");
  hudud::cli::CommandRunner run_compare = hudud::cli::AddCompareCommand(*compare);

  CLI::App* demo =
      app.add_subcommand("demo", "Import the bundled UN list and screen the sample people");
  hudud::cli::CommandRunner run_demo = hudud::cli::AddDemoCommand(*demo);

  if (std::string problem = CheckCommandWords(argc, argv); !problem.empty()) {
    return hudud::cli::Fail(hudud::cli::kExitUsage, problem + " (see hudud --help)");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return hudud::cli::kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::fputs(app.help("", CLI::AppFormatMode::All).c_str(), stdout);
    return hudud::cli::kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::fputs((std::string(e.what()) + "\n").c_str(), stdout);
    return hudud::cli::kExitOk;
  } catch (const CLI::ParseError& e) {
    return hudud::cli::Fail(hudud::cli::kExitUsage, std::string(e.what()) + HelpHint(argc, argv));
  }

  if (*import) return run_import();
  if (*show) return run_show();
  if (*diff) return run_diff();
  if (*exp) return run_export();
  if (*designations) return run_designations();
  if (*subjects) return run_subjects();
  if (*alerts) return run_alerts();
  if (*redress) return run_redress();
  if (*manifest) return run_manifest();
  if (*mrz) return run_mrz();
  if (*documents) return run_documents();
  if (*rules) return run_rules();
  if (*audit) return run_audit();
  if (*users) return run_users();
  if (*tokens) return run_tokens();
  if (*retention) return run_retention();
  if (*unmask) return run_unmask();
  if (*serve) return run_serve();
  if (*screen) return run_screen();
  if (*compare) return run_compare();
  if (*demo) return run_demo();
  return hudud::cli::Fail(hudud::cli::kExitUsage, "no command given (see hudud --help)");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    return hudud::cli::Fail(hudud::cli::kExitRuntime, std::string("internal error: ") + e.what());
  } catch (...) {
    return hudud::cli::Fail(hudud::cli::kExitRuntime, "internal error");
  }
}
