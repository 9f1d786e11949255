// `hudud subjects ...` and `hudud alerts ...`: placeholder until monitoring lands.
#include "cli/cli_util.h"
#include "cli/commands.h"

namespace hudud::cli {

CommandRunner AddSubjectsCommand(CLI::App& subjects) {
  (void)subjects;
  return [] { return Fail(kExitRuntime, "subjects: not implemented yet"); };
}
CommandRunner AddAlertsCommand(CLI::App& alerts) {
  (void)alerts;
  return [] { return Fail(kExitRuntime, "alerts: not implemented yet"); };
}

}  // namespace hudud::cli
