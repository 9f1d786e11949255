// `hudud lists show|diff|export`: placeholder.
#include "cli/cli_util.h"
#include "cli/commands.h"

namespace hudud::cli {

CommandRunner AddListsShowCommand(CLI::App&) {
  return [] { return Fail(kExitRuntime, "not implemented yet"); };
}
CommandRunner AddListsDiffCommand(CLI::App&) {
  return [] { return Fail(kExitRuntime, "not implemented yet"); };
}
CommandRunner AddListsExportCommand(CLI::App&) {
  return [] { return Fail(kExitRuntime, "not implemented yet"); };
}

}  // namespace hudud::cli
