// Writers (lists/export.h). Placeholder until they land.
#include "lists/export.h"
namespace hudud::lists {
std::string WriteFtmJson(const std::vector<model::Entity>&) { return ""; }
std::string WriteListXml(const ParsedList&) { return ""; }
std::string WriteListCsv(const std::vector<model::Entity>&) { return ""; }
}  // namespace hudud::lists
