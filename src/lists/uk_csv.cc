// ParseUkCsv (lists/list_file.h): the FCDO "UK Sanctions List" CSV and the
// legacy OFSI Consolidated List ("ConList") CSV, read into UK rows for the
// builder every UK form shares (lists/uk_record.h).
//
// Choices the formats leave open:
// - Up to ten lines may come before the header ("Report Date: 10-Mar-2026",
//   "Last Updated,04/06/2024"); the first of them that states a date is the
//   list's generated_at, as written. The header is the first row naming an
//   id column or a name column.
// - Columns are found by their header name, never by position; unknown
//   columns are ignored and missing ones are empty. A file whose header
//   lacks the id ("Unique ID", or "Group ID" for the ConList) or "Name 6"
//   is an error naming what is missing.
// - With a "Unique ID" column the file is the FCDO list and that is the id
//   (its "OFSI Group ID" goes to comments); otherwise "Group ID" is.
// - A row with fewer fields than the header, or with more that are not
//   empty, is an error: it is what a broken quote or a lost line looks like.
//   Rows whose every field is empty are skipped.
#include <exception>
#include <string>
#include <vector>

#include "lists/csv.h"
#include "lists/field_util.h"
#include "lists/list_file.h"
#include "lists/uk_record.h"

namespace hudud::lists {
namespace {

constexpr size_t kMaxLinesBeforeHeader = 10;

bool IsNameKey(const std::string& key) {
  return key.size() == 5 && key.rfind("name", 0) == 0 && key[4] >= '1' && key[4] <= '6';
}

class UkCsvParser {
 public:
  UkCsvParser(std::string_view csv, std::string_view source)
      : source_(source), reader_(csv, source) {}

  Result<ParsedList> Parse() {
    HUDUD_RETURN_IF_ERROR(ReadHeader());
    UkListBuilder builder("uk-csv");
    std::vector<std::string> cells;
    while (reader_.Next(&cells)) {
      const std::string where = source_ + ", line " + std::to_string(reader_.line());
      bool any = false;
      for (const std::string& c : cells) any = any || !TrimCopy(c).empty();
      if (!any) continue;
      bool extra = false;
      for (size_t i = keys_.size(); i < cells.size(); ++i)
        extra = extra || !TrimCopy(cells[i]).empty();
      if (cells.size() < keys_.size() || extra) {
        return Status::Corruption(
            where + ": " + std::to_string(cells.size()) + " fields, but the header on line " +
            std::to_string(header_line_) + " has " + std::to_string(keys_.size()));
      }
      const std::string id = TrimCopy(cells[id_column_]);
      if (id.empty()) {
        return Status::Corruption(where + ": \"" + labels_[id_column_] + "\" is empty");
      }
      std::vector<std::pair<std::string, UkValue>> fields;
      for (size_t i = 0; i < keys_.size(); ++i) {
        if (keys_[i].empty() || TrimCopy(cells[i]).empty()) continue;
        fields.emplace_back(keys_[i], UkValue{cells[i], "\"" + labels_[i] + "\"", where});
      }
      HUDUD_RETURN_IF_ERROR(builder.Add(UkRowFromFields(where, id, fields)));
    }
    HUDUD_RETURN_IF_ERROR(reader_.status());
    ParsedList list = builder.Finish();
    list.generated_at = generated_at_;
    return list;
  }

 private:
  Status ReadHeader() {
    std::vector<std::string> cells;
    while (reader_.Next(&cells)) {
      bool id = false, name = false;
      for (const std::string& c : cells) {
        const std::string key = UkFieldKey(c);
        id = id || key == "uniqueid" || key == "groupid";
        name = name || IsNameKey(key);
      }
      if (id || name) return TakeHeader(cells);
      if (reader_.line() > kMaxLinesBeforeHeader) break;
      NoteDate(cells);
    }
    HUDUD_RETURN_IF_ERROR(reader_.status());
    return Status::Corruption(source_ +
                              ": no header row with \"Unique ID\" (or \"Group ID\") and " +
                              "\"Name 6\" in the first " + std::to_string(kMaxLinesBeforeHeader) +
                              " lines (not a UK sanctions list CSV)");
  }

  // "Report Date: 10-Mar-2026" or "Last Updated,04/06/2024" before the header.
  void NoteDate(const std::vector<std::string>& cells) {
    if (!generated_at_.empty() || cells.empty()) return;
    const std::string first = TrimCopy(cells[0]);
    const size_t colon = first.find(':');
    if (colon != std::string::npos && TrimCopy(first.substr(colon + 1)).size() > 0) {
      generated_at_ = TrimCopy(first.substr(colon + 1));
    } else if (cells.size() > 1) {
      generated_at_ = TrimCopy(cells[1]);
    }
  }

  Status TakeHeader(const std::vector<std::string>& cells) {
    header_line_ = reader_.line();
    size_t unique_id = cells.size(), group_id = cells.size();
    bool name6 = false;
    for (size_t i = 0; i < cells.size(); ++i) {
      labels_.push_back(TrimCopy(cells[i]));
      keys_.push_back(UkFieldKey(cells[i]));
      if (keys_[i] == "uniqueid" && unique_id == cells.size()) unique_id = i;
      // The FCDO file's "OFSI Group ID" has the same key; it is the id only
      // when there is no Unique ID.
      if (keys_[i] == "groupid" && group_id == cells.size()) group_id = i;
      name6 = name6 || keys_[i] == "name6";
    }
    id_column_ = unique_id < cells.size() ? unique_id : group_id;
    std::string missing;
    if (id_column_ == cells.size()) missing = "\"Unique ID\" (or \"Group ID\") column";
    if (!name6) missing += std::string(missing.empty() ? "" : " and no ") + "\"Name 6\" column";
    if (!missing.empty()) {
      return Status::Corruption(source_ + ", line " + std::to_string(header_line_) +
                                ": the header has no " + missing);
    }
    return Status::Ok();
  }

  std::string source_;
  CsvReader reader_;
  std::string generated_at_;
  size_t header_line_ = 0;
  size_t id_column_ = 0;
  std::vector<std::string> keys_;    // canonical key per column ("" = not read)
  std::vector<std::string> labels_;  // the header as written, for messages
};

}  // namespace

Result<ParsedList> ParseUkCsv(std::string_view csv, std::string_view source_name) {
  try {
    UkCsvParser parser(csv, source_name);
    return parser.Parse();
  } catch (const std::exception& e) {
    // Only allocation failure can throw here; keep it inside the library.
    return Status::Internal(std::string(source_name) + ": " + e.what());
  }
}

}  // namespace hudud::lists
