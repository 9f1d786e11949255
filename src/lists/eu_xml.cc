// ParseEuXml (lists/list_file.h). Placeholder until the parser lands.
#include "lists/list_file.h"
namespace hudud::lists {
Result<ParsedList> ParseEuXml(std::string_view, std::string_view source_name) {
  return Status::Unsupported(std::string(source_name) + ": the eu-xml format is not implemented yet");
}
}  // namespace hudud::lists
