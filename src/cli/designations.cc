// `hudud designations ...`: placeholder until the workflow lands.
#include "cli/cli_util.h"
#include "cli/commands.h"

namespace hudud::cli {

CommandRunner AddDesignationsCommand(CLI::App& designations) {
  (void)designations;
  return [] { return Fail(kExitRuntime, "designations: not implemented yet"); };
}

}  // namespace hudud::cli
