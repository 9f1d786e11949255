// The subcommands of the `hudud` binary. Each Add* function declares its
// flags on a CLI11 subcommand and returns the function main() runs when that
// subcommand was chosen; the function returns the process exit code and
// never throws.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace hudud::cli {

using CommandRunner = std::function<int()>;

// hudud lists import FILE [--format auto|un-xml] [--db PATH] [--json]
CommandRunner AddListsImportCommand(CLI::App& import);

// hudud screen --name NAME... | --batch FILE|-  (see screen.cc)
CommandRunner AddScreenCommand(CLI::App& screen);

// hudud compare NAME_A NAME_B | --batch FILE|-  (see compare.cc)
CommandRunner AddCompareCommand(CLI::App& compare);

// hudud demo [--db PATH] [--data DIR]
CommandRunner AddDemoCommand(CLI::App& demo);

}  // namespace hudud::cli
