// ParseOfacCsv (lists/list_file.h). Placeholder until the parser lands.
#include "lists/list_file.h"
namespace hudud::lists {
Result<ParsedList> ParseOfacCsv(const OfacCsvSet& set) {
  return Status::Unsupported(set.sdn_name + ": the ofac-csv format is not implemented yet");
}
}  // namespace hudud::lists
