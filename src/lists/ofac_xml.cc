// ParseOfacXml (lists/list_file.h). Placeholder until the parser lands.
#include "lists/list_file.h"
namespace hudud::lists {
Result<ParsedList> ParseOfacXml(std::string_view, std::string_view source_name) {
  return Status::Unsupported(std::string(source_name) + ": the ofac-xml format is not implemented yet");
}
}  // namespace hudud::lists
