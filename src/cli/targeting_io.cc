// Shared loading and rendering for the traveller commands (cli/targeting_io.h).
#include "cli/targeting_io.h"

#include "cli/cli_util.h"

namespace hudud::cli {

Result<std::string> ReadMessageFiles(const std::vector<std::string>& paths) {
  std::string all;
  for (const std::string& path : paths) {
    std::string bytes;
    HUDUD_RETURN_IF_ERROR(ReadAll(path, &bytes));
    if (!all.empty()) all += '\n';
    all += bytes;
  }
  return all;
}

void AppendReasonsText(const std::vector<targeting::Reason>& reasons, const std::string& indent,
                       std::string* out) {
  for (const targeting::Reason& r : reasons) {
    *out += indent + (r.refer ? "! " : "- ") + r.code + ": " + r.detail + "\n";
  }
}

}  // namespace hudud::cli
