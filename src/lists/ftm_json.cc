// ParseFtmJson (lists/list_file.h). Placeholder until the parser lands.
#include "lists/list_file.h"
namespace hudud::lists {
Result<ParsedList> ParseFtmJson(std::string_view, std::string_view source_name) {
  return Status::Unsupported(std::string(source_name) + ": the ftm-json format is not implemented yet");
}
}  // namespace hudud::lists
