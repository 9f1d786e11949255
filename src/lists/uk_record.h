// Internal to lists/: the UK sanctions list's designations as rows of named
// values, and the one builder that turns rows into entities. The FCDO CSV
// (one row per name), the OFSI ConList CSV, the FCDO XML (one element per
// designation) and the OFSI XML (one element per name) all come down to
// such rows, so the same designation gives the same entity from any UK file.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "lists/list_file.h"
#include "model/entity.h"

namespace hudud::lists {

// A value as written, with the column or element it came from ("D.O.B",
// "<DOB>") and where it is ("uk.csv, line 12"), so an error names all three.
struct UkValue {
  std::string text;
  std::string label;
  std::string where;
};

struct UkName {
  std::string parts[6];  // Name 1..Name 6 (Name 6 is the surname, or an entity's name)
  UkValue type;          // Name Type / Alias Type: "Primary Name", "Alias", ...
  UkValue strength;      // Alias Strength / Alias Quality: "Good quality", "Low quality"
};

struct UkNonLatinName {
  std::string text;
  std::string script;    // Non-Latin Script Type ("Arabic", "Cyrillic")
  std::string language;  // Non-Latin Script Language
};

struct UkAddress {
  std::string lines[6];  // Address Line 1..6
  std::string postcode;
  std::string country;
};

struct UkDocument {
  UkValue number;
  std::string info;  // "... Additional Information" / "... Details"
};

struct UkBirthPlace {
  std::string town;
  std::string country;
};

// Everything one row or element says about one designation.
struct UkRow {
  std::string where;  // the row or element, for messages about the record
  std::string id;     // Unique ID (FCDO) or Group ID (OFSI), trimmed
  std::vector<UkName> names;
  std::vector<UkNonLatinName> non_latin_names;
  std::vector<UkAddress> addresses;
  std::vector<UkDocument> passports;
  std::vector<UkDocument> national_ids;
  std::vector<UkBirthPlace> births;
  // Every other value by canonical key (UkFieldKey), in the order written.
  std::vector<std::pair<std::string, UkValue>> fields;
};

// The canonical key of a column header or element name: the FCDO CSV, OFSI
// CSV and both XML spellings of a field map to one ("D.O.B", "DOB" -> "dob";
// "Alias Quality", "AliasStrength" -> "aliasstrength"; "Nationality(/ies)"
// -> "nationality"). "" for names hudud does not read.
std::string UkFieldKey(std::string_view name);

// A row from the (key, value) fields of a flat record: a CSV row or an OFSI
// XML <FinancialSanctionsTarget>. Name parts, address lines, documents and
// their details, and town and country of birth are grouped; a cell listing
// several documents ("(1) 123 (2) 456") is split and paired with its details.
UkRow UkRowFromFields(std::string where, std::string id,
                      const std::vector<std::pair<std::string, UkValue>>& fields);

// Merges rows into entities, one per id, in the order ids first appear.
// Repeated facts (every FCDO CSV row repeats the person's) are kept once.
class UkListBuilder {
 public:
  explicit UkListBuilder(std::string format) : format_(std::move(format)) {}

  // Adds a row; an unknown name type or alias strength, a date that is not
  // a date or a record that changes kind is an error naming the row.
  Status Add(const UkRow& row);
  ParsedList Finish();

 private:
  struct Pending {
    model::Entity entity;
    std::string where;      // of the row that opened the record
    std::string kind_text;  // as written, for a conflicting row's message
    // Comment values by the label's place in the rendered comments.
    std::map<int, std::vector<std::string>> notes;
  };

  Status AddName(const UkName& name, Pending& p);
  Status AddField(const std::string& key, const UkValue& v, Pending& p);
  Status SetKind(const UkValue& v, Pending& p);

  std::string format_;
  std::map<std::string, size_t> index_;  // id -> position in pending_
  std::vector<Pending> pending_;
};

}  // namespace hudud::lists
