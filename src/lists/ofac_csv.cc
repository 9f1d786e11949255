// ParseOfacCsv (lists/list_file.h): OFAC's legacy CSV set. sdn.csv holds
// one row per listed party; add.csv, alt.csv and sdn_comments.csv hang
// addresses, aliases and remark continuations off its ent_num.
//
// Choices the format leaves open:
// - No header rows; "-0-" (usually "-0- ") is null. A last line holding
//   only the DOS end-of-file mark (0x1A) is not a row.
// - SDN_Type "individual", "vessel", "aircraft"; blank or null is an
//   organisation.
// - Remarks are cut at 1,000 characters, mid-word; sdn_comments.csv holds
//   the rest, so the two are joined with no separator before parsing.
// - The Title field is kept in Entity::titles as written (OFAC puts both
//   honorifics and positions there).
// - Vessels: the call sign is a Document ("Call Sign"), the flag a
//   nationality (the vessel's state); type, tonnage, GRT and owner are
//   appended to Entity::comments after the remarks.
// - An add.csv row with every field null is OFAC's "no address": skipped.
// - A row of any file naming an ent_num that sdn.csv lacks is an error:
//   the set is inconsistent (mixed dates), and guessing would hide it.
//   Malformed content is Status::Corruption, as for the other list files.
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

#include "lists/csv.h"
#include "lists/field_util.h"
#include "lists/list_file.h"
#include "lists/ofac_remarks.h"
#include "model/country.h"

namespace hudud::lists {
namespace {

constexpr size_t kSdnFields = 12, kAddFields = 6, kAltFields = 5, kCommentFields = 2;

using Row = std::vector<std::string>;

std::string Value(const std::string& field) {
  std::string v = TrimCopy(field);
  return v == "-0-" ? std::string() : v;
}

bool IsNumber(const std::string& s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The DOS end-of-file mark OFAC leaves after the last row.
bool IsEndMark(const Row& row) {
  return row.size() == 1 && (row[0] == "\x1a" || Value(row[0]).empty());
}

model::EntityKind KindOf(const std::string& sdn_type) {
  const std::string t = AsciiLower(sdn_type);
  if (t == "individual") return model::EntityKind::kPerson;
  if (t == "vessel") return model::EntityKind::kVessel;
  if (t == "aircraft") return model::EntityKind::kAircraft;
  return model::EntityKind::kOrganization;
}

// "SDGT] [IRGC": several programs in one field.
std::vector<std::string> Programs(const std::string& field) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < field.size()) {
    size_t end = field.find("] [", start);
    if (end == std::string::npos) end = field.size();
    std::string p = field.substr(start, end - start);
    while (!p.empty() && (p.front() == '[' || p.front() == ' ')) p.erase(p.begin());
    while (!p.empty() && (p.back() == ']' || p.back() == ' ')) p.pop_back();
    if (!p.empty()) out.push_back(p);
    start = end + 3;
  }
  return out;
}

class OfacCsvParser {
 public:
  explicit OfacCsvParser(const OfacCsvSet& set) : set_(set) {
    list_.list_id = "ofac-sdn";
    list_.format = "ofac-csv";
  }

  Result<ParsedList> Parse() {
    HUDUD_RETURN_IF_ERROR(
        ForEachRow(set_.sdn, Name(set_.sdn_name, "sdn.csv"), kSdnFields, &OfacCsvParser::SdnRow));
    HUDUD_RETURN_IF_ERROR(ForEachRow(set_.comments, Name(set_.comments_name, "sdn_comments.csv"),
                                     kCommentFields, &OfacCsvParser::CommentRow));
    HUDUD_RETURN_IF_ERROR(
        ForEachRow(set_.alt, Name(set_.alt_name, "alt.csv"), kAltFields, &OfacCsvParser::AltRow));
    HUDUD_RETURN_IF_ERROR(
        ForEachRow(set_.add, Name(set_.add_name, "add.csv"), kAddFields, &OfacCsvParser::AddRow));
    for (size_t i = 0; i < list_.entities.size(); ++i) {
      model::Entity& e = list_.entities[i];
      const std::string remarks = TrimCopy(remarks_[i]);
      ApplyOfacRemarks(remarks, &e);
      e.comments = remarks;
      if (!vessel_[i].empty()) e.comments += (e.comments.empty() ? "" : "\n") + vessel_[i];
    }
    return std::move(list_);
  }

 private:
  using RowFn = Status (OfacCsvParser::*)(const Row&, const std::string& ent,
                                          const std::string& at);

  static std::string Name(const std::string& given, const char* fallback) {
    return given.empty() ? fallback : given;
  }

  // Reads every row of one file of the set, checking the field count and
  // the ent_num, and hands it on with "file, line N" for messages.
  Status ForEachRow(std::string_view content, const std::string& name, size_t fields, RowFn fn) {
    CsvReader reader(content, name);
    Row row;
    while (reader.Next(&row)) {
      if (IsEndMark(row)) continue;
      const std::string at = name + ", line " + std::to_string(reader.line());
      if (row.size() != fields) {
        return Status::Corruption(at + ": " + std::to_string(row.size()) + " fields, expected " +
                                  std::to_string(fields));
      }
      const std::string ent = Value(row[0]);
      if (!IsNumber(ent)) {
        return Status::Corruption(at + ": ent_num \"" + row[0] + "\" is not a number");
      }
      HUDUD_RETURN_IF_ERROR((this->*fn)(row, ent, at));
    }
    // The reader's own errors (quoting, UTF-8) are malformed content too.
    if (!reader.status().ok()) return Status::Corruption(reader.status().message());
    return Status::Ok();
  }

  Status Find(const std::string& ent, const std::string& at, size_t* index) const {
    auto it = by_ent_.find(ent);
    if (it == by_ent_.end()) {
      return Status::Corruption(at + ": ent_num " + ent + " is not in " +
                                Name(set_.sdn_name, "sdn.csv"));
    }
    *index = it->second;
    return Status::Ok();
  }

  // ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
  // Tonnage, GRT, Vess_flag, Vess_owner, Remarks.
  Status SdnRow(const Row& row, const std::string& ent, const std::string& at) {
    if (by_ent_.count(ent)) {
      return Status::Corruption(at + ": ent_num " + ent + " appears twice");
    }
    model::Entity e;
    e.source_id = ent;
    e.id = "ofac-sdn:" + ent;
    e.list_id = "ofac-sdn";
    e.kind = KindOf(Value(row[2]));
    model::Name primary;
    primary.full = Value(row[1]);
    if (primary.full.empty()) return Status::Corruption(at + ": SDN_Name is empty");
    if (e.kind == model::EntityKind::kPerson) SetOfacNameParts(&primary);
    e.names.push_back(std::move(primary));
    e.list_types = Programs(Value(row[3]));
    for (const std::string& p : e.list_types) e.program += (e.program.empty() ? "" : "; ") + p;
    if (std::string title = Value(row[4]); !title.empty()) e.titles.push_back(title);
    // As the XML forms' vesselInfo: a "Call Sign" document and a flag
    // state ("None Identified" is none).
    model::Document call_sign, flag;
    call_sign.type = "Vessel Call Sign";
    call_sign.number = Value(row[5]);
    flag.type = "Vessel Flag";
    flag.number = Value(row[9]);
    ApplyOfacTypedFact(call_sign, &e);
    ApplyOfacTypedFact(flag, &e);
    std::string vessel;
    const char* const labels[] = {"Vessel Type", "Tonnage", "GRT", "Vessel Flag", "Vessel Owner"};
    for (size_t k = 0; k < 5; ++k) {
      std::string v = Value(row[6 + k]);
      if (!v.empty()) vessel += (vessel.empty() ? "" : "; ") + std::string(labels[k]) + ": " + v;
    }
    // Raw, not trimmed: a remark cut at a space continues after it.
    remarks_.push_back(Value(row[11]).empty() ? std::string() : row[11]);
    vessel_.push_back(std::move(vessel));
    by_ent_.emplace(ent, list_.entities.size());
    list_.entities.push_back(std::move(e));
    return Status::Ok();
  }

  // ent_num, the rest of the remarks.
  Status CommentRow(const Row& row, const std::string& ent, const std::string& at) {
    size_t i = 0;
    HUDUD_RETURN_IF_ERROR(Find(ent, at, &i));
    if (!Value(row[1]).empty()) remarks_[i] += row[1];
    return Status::Ok();
  }

  // ent_num, alt_num, alt_type (aka, fka, nka), alt_name, alt_remarks.
  Status AltRow(const Row& row, const std::string& ent, const std::string& at) {
    size_t i = 0;
    HUDUD_RETURN_IF_ERROR(Find(ent, at, &i));
    model::Entity& e = list_.entities[i];
    model::Name n;
    n.full = Value(row[3]);
    if (n.full.empty()) return Status::Corruption(at + ": alt_name is empty");
    const std::string type = AsciiLower(Value(row[2]));
    n.kind = type == "fka" ? model::NameKind::kFormerName : model::NameKind::kGoodAlias;
    if (type == "nka") n.note = "now known as";
    if (std::string r = Value(row[4]); !r.empty()) n.note += (n.note.empty() ? "" : "; ") + r;
    if (e.kind == model::EntityKind::kPerson) SetOfacNameParts(&n);
    e.names.push_back(std::move(n));
    return Status::Ok();
  }

  // ent_num, Add_num, Address, City/State/Province/Postal Code, Country,
  // Add_remarks.
  Status AddRow(const Row& row, const std::string& ent, const std::string& at) {
    size_t i = 0;
    HUDUD_RETURN_IF_ERROR(Find(ent, at, &i));
    model::Place p;
    p.street = Value(row[2]);
    p.city = Value(row[3]);
    p.country = Value(row[4]);
    p.country_code = model::ResolveCountryCode(p.country);
    p.note = Value(row[5]);
    if (p.street.empty() && p.city.empty() && p.country.empty() && p.note.empty()) {
      return Status::Ok();
    }
    list_.entities[i].addresses.push_back(std::move(p));
    return Status::Ok();
  }

  const OfacCsvSet& set_;
  ParsedList list_;
  std::unordered_map<std::string, size_t> by_ent_;
  std::vector<std::string> remarks_;  // by entity index, joined with sdn_comments.csv
  std::vector<std::string> vessel_;   // by entity index: the vessel fields, for comments
};

}  // namespace

Result<ParsedList> ParseOfacCsv(const OfacCsvSet& set) {
  try {
    return OfacCsvParser(set).Parse();
  } catch (const std::exception& e) {
    // Only allocation failure can throw here; keep it inside the library.
    return Status::Internal(set.sdn_name + ": " + e.what());
  }
}

}  // namespace hudud::lists
