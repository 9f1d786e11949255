// Reading watchlist files into the entity model. One entry point detects the
// format; each format has its own parser file (un_xml.cc, ...).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/entity.h"

namespace hudud::lists {

struct ParsedList {
  std::string list_id;       // "un", ...
  std::string format;        // "un-xml", ...
  std::string generated_at;  // as the file states it (UN dateGenerated), or ""
  std::vector<model::Entity> entities;
};

// Parses the UN Security Council Consolidated List XML held in `xml`.
// `source_name` (usually the file path) prefixes every error message, which
// also names the line and the element: "un.xml, line 412: <INDIVIDUAL>
// without DATAID". Every individual and entity, every name part, alias (with
// its quality), original-script name, date of birth (EXACT, APPROXIMATELY,
// BETWEEN, year only), place of birth, nationality, document, address,
// title, designation, list type, reference number, listed-on date and
// comment is kept. Entity ids are "un:<DATAID>".
Result<ParsedList> ParseUnXml(std::string_view xml, std::string_view source_name);

// Reads `path` and parses it as `format` ("auto" detects from content;
// supported: "un-xml"). An unknown format, unreadable file or malformed
// content is an error naming the file.
Result<ParsedList> ReadListFile(const std::string& path, std::string_view format);

}  // namespace hudud::lists
