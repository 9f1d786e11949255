// ParseOfacCsv (lists/list_file.h): OFAC's legacy CSV set. sdn.csv holds one
// row per listed party; add.csv, alt.csv and sdn_comments.csv hang
// addresses, aliases and remark continuations off its ent_num. No header
// rows; "-0-" is null.
#include <cctype>
#include <string>
#include <unordered_map>

#include "lists/csv.h"
#include "lists/list_file.h"
#include "lists/ofac_remarks.h"
#include "model/country.h"

namespace hudud::lists {
namespace {

constexpr size_t kSdnFields = 12, kAddFields = 6, kAltFields = 5, kCommentFields = 2;

std::string Value(const std::string& field) {
  size_t a = 0, b = field.size();
  while (a < b && std::isspace(static_cast<unsigned char>(field[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(field[b - 1]))) --b;
  std::string v = field.substr(a, b - a);
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
bool IsEndMark(const std::vector<std::string>& row) {
  return row.size() == 1 && (row[0] == "\x1a" || Value(row[0]).empty());
}

// Reads every row of one file of the set, checking the field count and the
// ent_num, and calls fn(row, line).
template <typename Fn>
Status ForEachRow(std::string_view content, const std::string& name, size_t fields, Fn&& fn) {
  CsvReader reader(content, name);
  std::vector<std::string> row;
  while (reader.Next(&row)) {
    if (IsEndMark(row)) continue;
    const std::string at = name + ", line " + std::to_string(reader.line());
    if (row.size() != fields) {
      return Status::InvalidArgument(at + ": " + std::to_string(row.size()) + " fields, expected " +
                                     std::to_string(fields));
    }
    const std::string ent = Value(row[0]);
    if (!IsNumber(ent)) {
      return Status::InvalidArgument(at + ": ent_num \"" + row[0] + "\" is not a number");
    }
    HUDUD_RETURN_IF_ERROR(fn(row, ent, at));
  }
  return reader.status();
}

model::EntityKind KindOf(const std::string& sdn_type) {
  std::string t;
  for (char c : sdn_type) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "individual") return model::EntityKind::kPerson;
  if (t == "vessel") return model::EntityKind::kVessel;
  if (t == "aircraft") return model::EntityKind::kAircraft;
  return model::EntityKind::kOrganization;
}

}  // namespace

Result<ParsedList> ParseOfacCsv(const OfacCsvSet& set) {
  ParsedList list;
  list.list_id = "ofac-sdn";
  list.format = "ofac-csv";
  std::unordered_map<std::string, size_t> by_ent;
  std::vector<std::string> remarks;

  HUDUD_RETURN_IF_ERROR(
      ForEachRow(set.sdn, set.sdn_name, kSdnFields,
                 [&](const std::vector<std::string>& row, const std::string& ent,
                     const std::string& at) -> Status {
                   if (by_ent.count(ent)) {
                     return Status::InvalidArgument(at + ": ent_num " + ent + " appears twice");
                   }
                   model::Entity e;
                   e.source_id = ent;
                   e.id = "ofac-sdn:" + ent;
                   e.list_id = "ofac-sdn";
                   e.kind = KindOf(Value(row[2]));
                   model::Name primary;
                   primary.full = Value(row[1]);
                   if (primary.full.empty())
                     return Status::InvalidArgument(at + ": SDN_Name is empty");
                   if (e.kind == model::EntityKind::kPerson) SetOfacNameParts(&primary);
                   e.names.push_back(std::move(primary));
                   // "SDGT] [IRGC": several programs in one field.
                   std::string programs = Value(row[3]);
                   size_t start = 0;
                   while (start < programs.size()) {
                     size_t end = programs.find("] [", start);
                     if (end == std::string::npos) end = programs.size();
                     std::string p = programs.substr(start, end - start);
                     while (!p.empty() && (p.front() == '[' || p.front() == ' '))
                       p.erase(p.begin());
                     while (!p.empty() && (p.back() == ']' || p.back() == ' ')) p.pop_back();
                     if (!p.empty()) e.list_types.push_back(p);
                     start = end + 3;
                   }
                   for (const std::string& p : e.list_types)
                     e.program += (e.program.empty() ? "" : "; ") + p;
                   if (std::string title = Value(row[4]); !title.empty()) e.titles.push_back(title);
                   // Vessels: the call sign identifies; the flag is the vessel's state.
                   if (std::string call_sign = Value(row[5]); !call_sign.empty()) {
                     model::Document d;
                     d.type = "Call Sign";
                     d.number = call_sign;
                     e.documents.push_back(d);
                   }
                   std::string vessel;
                   const char* labels[] = {"Vessel Type", "Tonnage", "GRT", "Flag", "Owner"};
                   for (int k = 0; k < 5; ++k) {
                     std::string v = Value(row[6 + k]);
                     if (v.empty()) continue;
                     vessel += (vessel.empty() ? "" : "; ") + std::string(labels[k]) + " " + v;
                     if (k == 3) e.nationalities.push_back({v, model::ResolveCountryCode(v)});
                   }
                   if (!vessel.empty()) e.designations.push_back(vessel);
                   remarks.push_back(Value(row[11]));
                   by_ent.emplace(ent, list.entities.size());
                   list.entities.push_back(std::move(e));
                   return Status::Ok();
                 }));
  auto find = [&](const std::string& ent, const std::string& at, const char* file,
                  size_t* index) -> Status {
    auto it = by_ent.find(ent);
    if (it == by_ent.end()) {
      return Status::InvalidArgument(at + ": ent_num " + ent + " is not in sdn.csv (" + file +
                                     " row for an unknown entry)");
    }
    *index = it->second;
    return Status::Ok();
  };
  HUDUD_RETURN_IF_ERROR(ForEachRow(set.comments, set.comments_name, kCommentFields,
                                   [&](const std::vector<std::string>& row, const std::string& ent,
                                       const std::string& at) -> Status {
                                     size_t i = 0;
                                     HUDUD_RETURN_IF_ERROR(find(ent, at, "sdn_comments.csv", &i));
                                     // The continuation of a remark cut at the field's length: no
                                     // separator.
                                     std::string more = row[1];
                                     while (!more.empty() &&
                                            std::isspace(static_cast<unsigned char>(more.back())))
                                       more.pop_back();
                                     remarks[i] += more;
                                     return Status::Ok();
                                   }));
  HUDUD_RETURN_IF_ERROR(ForEachRow(
      set.alt, set.alt_name, kAltFields,
      [&](const std::vector<std::string>& row, const std::string& ent,
          const std::string& at) -> Status {
        size_t i = 0;
        HUDUD_RETURN_IF_ERROR(find(ent, at, "alt.csv", &i));
        model::Entity& e = list.entities[i];
        model::Name n;
        n.full = Value(row[3]);
        if (n.full.empty()) return Status::InvalidArgument(at + ": alt_name is empty");
        std::string type = Value(row[2]);
        for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        n.kind = type == "fka" ? model::NameKind::kFormerName : model::NameKind::kGoodAlias;
        if (type == "nka") n.note = "now known as";
        if (std::string r = Value(row[4]); !r.empty()) {
          n.note += (n.note.empty() ? "" : "; ") + r;
        }
        if (e.kind == model::EntityKind::kPerson) SetOfacNameParts(&n);
        e.names.push_back(std::move(n));
        return Status::Ok();
      }));
  HUDUD_RETURN_IF_ERROR(
      ForEachRow(set.add, set.add_name, kAddFields,
                 [&](const std::vector<std::string>& row, const std::string& ent,
                     const std::string& at) -> Status {
                   size_t i = 0;
                   HUDUD_RETURN_IF_ERROR(find(ent, at, "add.csv", &i));
                   model::Place p;
                   p.street = Value(row[2]);
                   p.city = Value(row[3]);
                   p.country = Value(row[4]);
                   p.country_code = model::ResolveCountryCode(p.country);
                   p.note = Value(row[5]);
                   if (p.street.empty() && p.city.empty() && p.country.empty() && p.note.empty()) {
                     return Status::Ok();  // OFAC writes an all-null row for "no address"
                   }
                   list.entities[i].addresses.push_back(std::move(p));
                   return Status::Ok();
                 }));
  for (size_t i = 0; i < list.entities.size(); ++i) {
    model::Entity& e = list.entities[i];
    ApplyOfacRemarks(remarks[i], &e);
    e.comments = remarks[i];
  }
  return list;
}

}  // namespace hudud::lists
