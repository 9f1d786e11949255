// ParseMappedTable (lists/list_file.h): a national list kept as CSV or JSON
// lines, read through a column mapping (JSON) that says which column holds
// which field. The mapping format is documented in docs/LISTS.md.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "lists/csv.h"
#include "lists/field_util.h"
#include "lists/list_file.h"
#include "model/country.h"

namespace hudud::lists {
namespace {

using nlohmann::json;

// What a mapping may say.
struct Mapping {
  std::string list_id;
  char delimiter = ',';
  std::string date_order = "ymd";  // or "dmy": how dates like 02/03/1980 read
  std::string id, name, kind, dob, nationality, gender, program, reference, listed_on, comments;
  std::string place_of_birth, original_script;
  std::vector<std::string> given, family, patronymic;
  std::string aliases, low_aliases;
  std::string separator = ";";
  std::map<std::string, std::string> kind_values;
  std::string default_kind = "person";
  struct Doc {
    std::string type, number, country;
  };
  std::vector<Doc> documents;
  std::vector<std::string> address;
  std::string address_country;
};

Result<Mapping> ParseMapping(std::string_view text, const std::string& name) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::InvalidArgument(name + ": the mapping is not a JSON object");
  }
  Mapping m;
  auto str = [&](const char* key, std::string* out) -> Status {
    if (!j.contains(key)) return Status::Ok();
    if (!j[key].is_string())
      return Status::InvalidArgument(name + ": \"" + key + "\" must be a string");
    *out = j[key].get<std::string>();
    return Status::Ok();
  };
  auto strs = [&](const char* key, std::vector<std::string>* out) -> Status {
    if (!j.contains(key)) return Status::Ok();
    if (j[key].is_string()) {
      out->push_back(j[key].get<std::string>());
      return Status::Ok();
    }
    if (!j[key].is_array())
      return Status::InvalidArgument(name + ": \"" + key + "\" must be a string or a list");
    for (const json& v : j[key]) {
      if (!v.is_string())
        return Status::InvalidArgument(name + ": \"" + key + "\" must list strings");
      out->push_back(v.get<std::string>());
    }
    return Status::Ok();
  };
  static const std::set<std::string> kKeys = {
      "list_id",   "delimiter",       "date_order",  "id",          "name",
      "given",     "family",          "patronymic",  "aliases",     "low_aliases",
      "separator", "original_script", "kind",        "kind_values", "default_kind",
      "dob",       "place_of_birth",  "nationality", "gender",      "documents",
      "address",   "address_country", "program",     "reference",   "listed_on",
      "comments"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!kKeys.count(it.key())) {
      return Status::InvalidArgument(name + ": unknown mapping key \"" + it.key() + "\"");
    }
  }
  std::string delimiter;
  for (auto [key, out] : std::initializer_list<std::pair<const char*, std::string*>>{
           {"list_id", &m.list_id},
           {"date_order", &m.date_order},
           {"id", &m.id},
           {"name", &m.name},
           {"aliases", &m.aliases},
           {"low_aliases", &m.low_aliases},
           {"separator", &m.separator},
           {"original_script", &m.original_script},
           {"kind", &m.kind},
           {"default_kind", &m.default_kind},
           {"dob", &m.dob},
           {"place_of_birth", &m.place_of_birth},
           {"nationality", &m.nationality},
           {"gender", &m.gender},
           {"address_country", &m.address_country},
           {"program", &m.program},
           {"reference", &m.reference},
           {"listed_on", &m.listed_on},
           {"comments", &m.comments},
           {"delimiter", &delimiter}}) {
    HUDUD_RETURN_IF_ERROR(str(key, out));
  }
  HUDUD_RETURN_IF_ERROR(strs("given", &m.given));
  HUDUD_RETURN_IF_ERROR(strs("family", &m.family));
  HUDUD_RETURN_IF_ERROR(strs("patronymic", &m.patronymic));
  HUDUD_RETURN_IF_ERROR(strs("address", &m.address));
  if (delimiter == "\\t" || delimiter == "tab") delimiter = "\t";
  if (!delimiter.empty()) {
    if (delimiter.size() != 1)
      return Status::InvalidArgument(name + ": \"delimiter\" must be one character");
    m.delimiter = delimiter[0];
  }
  if (m.date_order != "ymd" && m.date_order != "dmy") {
    return Status::InvalidArgument(name + ": \"date_order\" must be \"ymd\" or \"dmy\"");
  }
  if (j.contains("kind_values")) {
    if (!j["kind_values"].is_object())
      return Status::InvalidArgument(name + ": \"kind_values\" must be an object");
    for (auto it = j["kind_values"].begin(); it != j["kind_values"].end(); ++it) {
      if (!it->is_string() || !model::ParseEntityKind(it->get<std::string>())) {
        return Status::InvalidArgument(name + ": kind_values[\"" + it.key() +
                                       "\"] must be person, organization, vessel or aircraft");
      }
      m.kind_values[it.key()] = it->get<std::string>();
    }
  }
  if (!model::ParseEntityKind(m.default_kind)) {
    return Status::InvalidArgument(
        name + ": \"default_kind\" must be person, organization, vessel or aircraft");
  }
  if (j.contains("documents")) {
    if (!j["documents"].is_array())
      return Status::InvalidArgument(name + ": \"documents\" must be a list");
    for (const json& d : j["documents"]) {
      if (!d.is_object() || !d.contains("number") || !d["number"].is_string()) {
        return Status::InvalidArgument(name + ": each of \"documents\" needs a \"number\" column");
      }
      Mapping::Doc doc;
      doc.number = d["number"].get<std::string>();
      if (d.contains("type") && d["type"].is_string()) doc.type = d["type"].get<std::string>();
      if (d.contains("country") && d["country"].is_string())
        doc.country = d["country"].get<std::string>();
      for (auto it = d.begin(); it != d.end(); ++it) {
        if (it.key() != "number" && it.key() != "type" && it.key() != "country") {
          return Status::InvalidArgument(name + ": unknown key \"" + it.key() +
                                         "\" in \"documents\"");
        }
      }
      m.documents.push_back(doc);
    }
  }
  if (m.list_id.empty()) return Status::InvalidArgument(name + ": the mapping needs \"list_id\"");
  if (m.id.empty()) return Status::InvalidArgument(name + ": the mapping needs the \"id\" column");
  if (m.name.empty() && m.given.empty() && m.family.empty()) {
    return Status::InvalidArgument(name +
                                   ": the mapping needs a \"name\" column (or given/family)");
  }
  return m;
}

// Every column the mapping names, to check against the file's header.
std::vector<std::string> Columns(const Mapping& m) {
  std::vector<std::string> out;
  for (const std::string* c :
       {&m.id, &m.name, &m.kind, &m.dob, &m.nationality, &m.gender, &m.program, &m.reference,
        &m.listed_on, &m.comments, &m.place_of_birth, &m.original_script, &m.aliases,
        &m.low_aliases, &m.address_country}) {
    if (!c->empty()) out.push_back(*c);
  }
  for (const auto* v : {&m.given, &m.family, &m.patronymic, &m.address}) {
    for (const std::string& c : *v) out.push_back(c);
  }
  for (const Mapping::Doc& d : m.documents) {
    out.push_back(d.number);
    if (!d.country.empty()) out.push_back(d.country);
  }
  return out;
}

Result<model::PartialDate> Date(const std::string& v, const Mapping& m, const std::string& where,
                                const std::string& field) {
  std::optional<model::PartialDate> d =
      m.date_order == "dmy" ? ParseDayFirstDate(v) : model::ParsePartialDate(v);
  if (!d) {
    return Status::InvalidArgument(where + ": field " + field + ": invalid date \"" + v +
                                   "\" (expected " +
                                   (m.date_order == "dmy" ? "DD/MM/YYYY" : "YYYY-MM-DD") + ")");
  }
  return *d;
}

using Row = std::unordered_map<std::string, std::string>;

Status AddRow(const Mapping& m, const Row& row, const std::string& where, ParsedList* list,
              std::unordered_map<std::string, size_t>* index) {
  auto get = [&row](const std::string& col) -> std::string {
    if (col.empty()) return "";
    auto it = row.find(col);
    return it == row.end() ? "" : TrimCopy(it->second);
  };
  const std::string id = get(m.id);
  if (id.empty()) return Status::InvalidArgument(where + ": field " + m.id + " (id) is empty");
  auto [it, fresh] = index->emplace(id, list->entities.size());
  if (fresh) {
    model::Entity e;
    e.source_id = id;
    e.list_id = m.list_id;
    e.id = m.list_id + ":" + id;
    std::string k = get(m.kind);
    auto mapped = m.kind_values.find(k);
    std::string kind = mapped != m.kind_values.end() ? mapped->second
                       : k.empty()                   ? m.default_kind
                                                     : k;
    std::optional<model::EntityKind> parsed = model::ParseEntityKind(kind);
    if (!parsed)
      return Status::InvalidArgument(where + ": field " + m.kind + ": unknown kind \"" + k + "\"");
    e.kind = *parsed;
    list->entities.push_back(std::move(e));
  }
  model::Entity& e = list->entities[it->second];
  // The name: a whole-name column, or parts.
  model::Name n;
  n.full = get(m.name);
  for (const auto& [cols, role] :
       std::initializer_list<std::pair<const std::vector<std::string>*, model::NamePartRole>>{
           {&m.given, model::NamePartRole::kGiven},
           {&m.patronymic, model::NamePartRole::kPatronymic},
           {&m.family, model::NamePartRole::kFamily}}) {
    for (const std::string& c : *cols) {
      std::string v = get(c);
      if (!v.empty()) n.parts.push_back({role, v});
    }
  }
  if (n.full.empty()) {
    for (const model::NamePart& p : n.parts) n.full += (n.full.empty() ? "" : " ") + p.text;
  }
  if (n.full.empty()) return Status::InvalidArgument(where + ": the name is empty");
  bool dup = false;
  for (const model::Name& o : e.names) dup |= o.full == n.full;
  if (!dup) {
    n.kind = e.names.empty() ? model::NameKind::kPrimary : model::NameKind::kGoodAlias;
    if (HasNonLatinLetters(n.full) && !e.names.empty()) n.kind = model::NameKind::kOriginalScript;
    e.names.push_back(std::move(n));
  }
  for (const std::string& a : SplitAny(get(m.original_script), m.separator)) {
    AddName(&e, a, model::NameKind::kOriginalScript);
  }
  for (const std::string& a : SplitAny(get(m.aliases), m.separator)) {
    AddName(&e, a,
            HasNonLatinLetters(a) ? model::NameKind::kOriginalScript : model::NameKind::kGoodAlias);
  }
  for (const std::string& a : SplitAny(get(m.low_aliases), m.separator)) {
    AddName(&e, a, model::NameKind::kLowAlias);
  }
  for (const std::string& v : SplitAny(get(m.dob), m.separator)) {
    Result<model::PartialDate> d = Date(v, m, where, m.dob);
    if (!d.ok()) return d.status();
    bool seen = false;
    for (const model::DateOfBirth& o : e.dates_of_birth) seen |= o.from == *d;
    if (!seen) {
      model::DateOfBirth dob;
      dob.from = *d;
      e.dates_of_birth.push_back(dob);
    }
  }
  if (std::string pob = get(m.place_of_birth); !pob.empty()) {
    model::Place p;
    std::vector<std::string> parts = SplitAny(pob, ",");
    p.country_code = parts.empty() ? "" : model::ResolveCountryCode(parts.back());
    if (!p.country_code.empty()) {
      p.country = parts.back();
      parts.pop_back();
    }
    for (const std::string& s : parts) p.city += (p.city.empty() ? "" : ", ") + s;
    e.places_of_birth.push_back(p);
  }
  for (const std::string& v : SplitAny(get(m.nationality), m.separator)) AddNationality(&e, v);
  if (std::string g = get(m.gender); !g.empty()) {
    std::optional<model::Gender> parsed = model::ParseGender(g);
    if (!parsed)
      return Status::InvalidArgument(where + ": field " + m.gender + ": unknown gender \"" + g +
                                     "\"");
    e.gender = *parsed;
  }
  for (const Mapping::Doc& dm : m.documents) {
    for (const std::string& num : SplitAny(get(dm.number), m.separator)) {
      model::Document d;
      d.type = dm.type.empty() ? "Identity document" : dm.type;
      d.number = num;
      d.issuing_country = get(dm.country);
      d.country_code = model::ResolveCountryCode(d.issuing_country);
      bool seen = false;
      for (const model::Document& o : e.documents) seen |= o.number == num;
      if (!seen) e.documents.push_back(d);
    }
  }
  if (!m.address.empty()) {
    model::Place a;
    for (const std::string& c : m.address) {
      std::string v = get(c);
      if (!v.empty()) a.street += (a.street.empty() ? "" : ", ") + v;
    }
    a.country = get(m.address_country);
    a.country_code = model::ResolveCountryCode(a.country);
    if (!a.street.empty() || !a.country.empty()) e.addresses.push_back(a);
  }
  if (e.program.empty()) e.program = get(m.program);
  if (e.reference.empty()) e.reference = get(m.reference);
  if (std::string v = get(m.listed_on); !v.empty() && e.listed_on.empty()) {
    Result<model::PartialDate> d = Date(v, m, where, m.listed_on);
    if (!d.ok()) return d.status();
    e.listed_on = d->ToString();
  }
  if (std::string c = get(m.comments); !c.empty() && e.comments.find(c) == std::string::npos) {
    e.comments += (e.comments.empty() ? "" : "\n") + c;
  }
  return Status::Ok();
}

}  // namespace

Result<ParsedList> ParseMappedTable(std::string_view content, std::string_view source_name,
                                    std::string_view mapping_json, std::string_view mapping_name,
                                    bool json_lines) {
  const std::string src(source_name);
  Result<Mapping> m = ParseMapping(mapping_json, std::string(mapping_name));
  if (!m.ok()) return m.status();
  ParsedList list;
  list.list_id = m->list_id;
  list.format = json_lines ? "json" : "csv";
  std::unordered_map<std::string, size_t> index;
  const std::vector<std::string> columns = Columns(*m);
  if (json_lines) {
    if (!IsValidUtf8(content)) return Status::InvalidArgument(src + ": not UTF-8 text");
    size_t start = 0, line = 0;
    while (start < content.size()) {
      size_t end = content.find('\n', start);
      if (end == std::string_view::npos) end = content.size();
      std::string_view text = content.substr(start, end - start);
      start = end + 1;
      ++line;
      const std::string where = src + ", line " + std::to_string(line);
      if (TrimCopy(text).empty()) continue;
      json j = json::parse(text.begin(), text.end(), nullptr, false);
      if (j.is_discarded() || !j.is_object())
        return Status::InvalidArgument(where + ": not a JSON object");
      Row row;
      for (auto it = j.begin(); it != j.end(); ++it) {
        if (it->is_string()) {
          row[it.key()] = it->get<std::string>();
        } else if (it->is_number()) {
          row[it.key()] = it->dump();
        } else if (it->is_array()) {
          std::string joined;
          for (const json& v : *it) {
            if (v.is_string())
              joined += (joined.empty() ? "" : m->separator) + v.get<std::string>();
          }
          row[it.key()] = joined;
        }
      }
      HUDUD_RETURN_IF_ERROR(AddRow(*m, row, where, &list, &index));
    }
    return list;
  }
  CsvReader reader(content, src, m->delimiter);
  std::vector<std::string> header, fields;
  if (!reader.Next(&header)) {
    HUDUD_RETURN_IF_ERROR(reader.status());
    return Status::InvalidArgument(src + ": empty file (expected a header row)");
  }
  for (std::string& h : header) h = TrimCopy(h);
  for (const std::string& c : columns) {
    if (std::find(header.begin(), header.end(), c) == header.end()) {
      return Status::InvalidArgument(src + ", line 1: the mapping's column \"" + c +
                                     "\" is not in the header");
    }
  }
  while (reader.Next(&fields)) {
    const std::string where = src + ", line " + std::to_string(reader.line());
    if (fields.size() != header.size()) {
      return Status::InvalidArgument(where + ": " + std::to_string(fields.size()) +
                                     " fields, the header has " + std::to_string(header.size()));
    }
    Row row;
    for (size_t i = 0; i < header.size(); ++i) row[header[i]] = fields[i];
    HUDUD_RETURN_IF_ERROR(AddRow(*m, row, where, &list, &index));
  }
  HUDUD_RETURN_IF_ERROR(reader.status());
  return list;
}

}  // namespace hudud::lists
