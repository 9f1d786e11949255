// Internal to lists/: building UK sanctions list entities from rows of
// named fields. The FCDO CSV (one row per name), the OFSI ConList CSV and
// both XML forms all come down to such rows, so one builder makes the same
// person the same entity whichever file it came from.
#pragma once

#include <map>
#include <string>
#include <unordered_map>

#include "base/status.h"
#include "lists/list_file.h"

namespace hudud::lists {

// Field keys are canonical: lower-case letters and digits only, with the
// FCDO and OFSI spellings mapped to one ("uniqueid", "name1".."name6",
// "nametype", "aliasstrength", "dob", "nationality", ... see uk_record.cc).
using UkFields = std::unordered_map<std::string, std::string>;

// The canonical key of a column header ("Nationality(/ies)" -> "nationality",
// "Alias Quality" -> "aliasstrength"), or "" for columns hudud does not use.
std::string UkFieldKey(std::string_view header);

class UkListBuilder {
 public:
  UkListBuilder(std::string format, std::string source)
      : format_(std::move(format)), source_(std::move(source)) {}
  // Adds one row; `where` ("file, line 12") prefixes errors.
  Status AddRow(const UkFields& row, const std::string& where);
  ParsedList Finish();

 private:
  std::string format_, source_;
  std::map<std::string, size_t> index_;
  std::vector<model::Entity> entities_;
};

}  // namespace hudud::lists
