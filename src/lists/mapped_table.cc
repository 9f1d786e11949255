// ParseMappedTable (lists/list_file.h). Placeholder until the parser lands.
#include "lists/list_file.h"
namespace hudud::lists {
Result<ParsedList> ParseMappedTable(std::string_view, std::string_view source_name,
                                    std::string_view, std::string_view, bool) {
  return Status::Unsupported(std::string(source_name) + ": mapped tables are not implemented yet");
}
}  // namespace hudud::lists
