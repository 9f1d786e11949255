// ParseUkCsv (lists/list_file.h): the FCDO UK Sanctions List CSV and the
// legacy OFSI Consolidated List CSV. Both have a line or two before the
// header ("Report Date: ...", "Last Updated,..."), one row per name, and
// the person's other facts repeated on every row; columns are found by
// their header, never by position.
#include <algorithm>

#include "lists/csv.h"
#include "lists/field_util.h"
#include "lists/list_file.h"
#include "lists/uk_record.h"

namespace hudud::lists {

Result<ParsedList> ParseUkCsv(std::string_view csv, std::string_view source_name) {
  const std::string src(source_name);
  CsvReader reader(csv, src);
  std::vector<std::string> row;
  std::vector<std::string> keys;
  size_t header_line = 0;
  std::string generated;
  while (reader.Next(&row)) {
    bool has_name6 = false;
    for (const std::string& c : row) has_name6 |= UkFieldKey(c) == "name6";
    if (has_name6) {
      for (const std::string& c : row) keys.push_back(UkFieldKey(c));
      header_line = reader.line();
      break;
    }
    // "Report Date: 06-Jun-2024" or "Last Updated,04/06/2024" before the header.
    if (!row.empty() && generated.empty()) {
      std::string first = TrimCopy(row[0]);
      if (first.rfind("Report Date:", 0) == 0) generated = TrimCopy(first.substr(12));
      if (first == "Last Updated" && row.size() > 1) generated = TrimCopy(row[1]);
    }
    if (reader.line() > 5) break;
  }
  HUDUD_RETURN_IF_ERROR(reader.status());
  if (keys.empty()) {
    return Status::InvalidArgument(src +
                                   ": no header row with a \"Name 6\" column in the first "
                                   "lines (not a UK sanctions list CSV)");
  }
  bool has_id = false;
  for (const std::string& k : keys) has_id |= k == "uniqueid" || k == "groupid";
  if (!has_id) {
    return Status::InvalidArgument(src + ", line " + std::to_string(header_line) +
                                   ": the header has neither \"Unique ID\" nor \"Group ID\"");
  }
  const bool fcdo = std::find(keys.begin(), keys.end(), "uniqueid") != keys.end();
  UkListBuilder builder("uk-csv", src);
  while (reader.Next(&row)) {
    const std::string where = src + ", line " + std::to_string(reader.line());
    if (row.size() != keys.size()) {
      return Status::InvalidArgument(where + ": " + std::to_string(row.size()) +
                                     " fields, the header has " + std::to_string(keys.size()));
    }
    UkFields f;
    for (size_t i = 0; i < row.size(); ++i) {
      if (!keys[i].empty() && !row[i].empty()) f[keys[i]] = row[i];
    }
    // The FCDO file names the OFSI group too; its own id is Unique ID.
    if (fcdo && f.count("uniqueid") == 0) {
      return Status::InvalidArgument(where + ": Unique ID is empty");
    }
    if (fcdo) f.erase("groupid");
    HUDUD_RETURN_IF_ERROR(builder.AddRow(f, where));
  }
  HUDUD_RETURN_IF_ERROR(reader.status());
  ParsedList list = builder.Finish();
  list.generated_at = generated;
  return list;
}

}  // namespace hudud::lists
