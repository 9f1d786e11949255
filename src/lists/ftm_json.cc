// ParseFtmJson (lists/list_file.h): OpenSanctions FollowTheMoney entities,
// one JSON object per line (or delta lines {"op", "entity"}). Target
// schemata become entities; Sanction, Identification, Passport and Address
// entities are folded into the entity they refer to.
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>

#include "lists/list_file.h"
#include "model/country.h"
#include "model/date.h"

namespace hudud::lists {
namespace {

using nlohmann::json;

struct Record {
  std::string id, schema;
  json props;
  size_t line = 0;
};

std::optional<model::EntityKind> TargetKind(const std::string& schema) {
  if (schema == "Person") return model::EntityKind::kPerson;
  if (schema == "Organization" || schema == "Company" || schema == "LegalEntity" ||
      schema == "PublicBody")
    return model::EntityKind::kOrganization;
  if (schema == "Vessel") return model::EntityKind::kVessel;
  if (schema == "Airplane") return model::EntityKind::kAircraft;
  return std::nullopt;
}

// FtM schemata that carry no name to screen, folded or skipped.
bool IsKnownOther(const std::string& schema) {
  static const std::set<std::string> kOther = {
      "Sanction",  "Identification", "Passport",     "Address",    "Ownership",      "Directorship",
      "Family",    "Associate",      "Membership",   "Employment", "Representation", "UnknownLink",
      "Occupancy", "Position",       "CryptoWallet", "Security",   "BankAccount",    "Note",
      "Article",   "Document",       "Succession",   "Debt",       "Payment",        "Contract",
      "Event",     "Thing",          "Asset",        "Person",     "Organization"};
  return kOther.count(schema) > 0;
}

std::vector<std::string> Strings(const json& props, const char* key) {
  std::vector<std::string> out;
  auto it = props.find(key);
  if (it == props.end() || !it->is_array()) return out;
  for (const json& v : *it) {
    if (v.is_string() && !v.get_ref<const std::string&>().empty())
      out.push_back(v.get<std::string>());
  }
  return out;
}

std::string First(const json& props, const char* key) {
  std::vector<std::string> v = Strings(props, key);
  return v.empty() ? "" : v[0];
}

// Lower-case ISO codes ("ir"), OpenSanctions codes ("suhh") and names.
model::Nationality Country(const std::string& value) {
  model::Nationality n;
  n.text = value;
  n.country_code = model::ResolveCountryCode(value);
  return n;
}

void AddName(model::Entity& e, const std::string& full, model::NameKind kind) {
  for (const model::Name& n : e.names) {
    if (n.full == full) return;
  }
  model::Name n;
  n.full = full;
  n.kind = kind;
  e.names.push_back(std::move(n));
}

}  // namespace

Result<ParsedList> ParseFtmJson(std::string_view jsonl, std::string_view source_name) {
  const std::string src(source_name);
  std::map<std::string, Record> records;  // by id
  std::vector<std::string> order;         // first appearance
  size_t line_no = 0;
  size_t start = 0;
  while (start < jsonl.size()) {
    size_t end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    std::string_view line = jsonl.substr(start, end - start);
    start = end + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty()) continue;
    const std::string at = src + ", line " + std::to_string(line_no);
    json obj = json::parse(line.begin(), line.end(), nullptr, false);
    if (obj.is_discarded()) return Status::InvalidArgument(at + ": not valid JSON");
    if (!obj.is_object()) return Status::InvalidArgument(at + ": expected a JSON object");
    std::string op = "ADD";
    if (obj.contains("op")) {
      if (!obj["op"].is_string()) return Status::InvalidArgument(at + ": \"op\" must be a string");
      op = obj["op"].get<std::string>();
      if (op != "ADD" && op != "MOD" && op != "DEL") {
        return Status::InvalidArgument(at + ": unknown op \"" + op + "\" (expected ADD, MOD, DEL)");
      }
      if (!obj.contains("entity") || !obj["entity"].is_object()) {
        return Status::InvalidArgument(at + ": a delta line needs an \"entity\" object");
      }
      obj = obj["entity"];
    }
    if (!obj.contains("id") || !obj["id"].is_string() || obj["id"].get<std::string>().empty()) {
      return Status::InvalidArgument(at + ": entity without an \"id\"");
    }
    Record r;
    r.id = obj["id"].get<std::string>();
    r.line = line_no;
    if (op == "DEL") {
      records.erase(r.id);
      continue;
    }
    if (!obj.contains("schema") || !obj["schema"].is_string()) {
      return Status::InvalidArgument(at + ": entity " + r.id + " without a \"schema\"");
    }
    r.schema = obj["schema"].get<std::string>();
    if (!TargetKind(r.schema) && !IsKnownOther(r.schema)) {
      return Status::InvalidArgument(at + ": unknown FtM schema \"" + r.schema + "\"");
    }
    r.props = obj.contains("properties") ? obj["properties"] : json::object();
    if (!r.props.is_object()) {
      return Status::InvalidArgument(at + ": \"properties\" of " + r.id + " must be an object");
    }
    for (auto it = r.props.begin(); it != r.props.end(); ++it) {
      if (!it->is_array()) {
        return Status::InvalidArgument(at + ": property \"" + it.key() + "\" of " + r.id +
                                       " must be a list of values");
      }
    }
    if (!records.count(r.id)) order.push_back(r.id);
    records[r.id] = std::move(r);
  }

  ParsedList list;
  list.list_id = "opensanctions";
  list.format = "ftm-json";
  std::unordered_map<std::string, size_t> index;
  for (const std::string& id : order) {
    auto it = records.find(id);
    if (it == records.end()) continue;  // deleted
    const Record& r = it->second;
    std::optional<model::EntityKind> kind = TargetKind(r.schema);
    if (!kind) continue;
    const json& p = r.props;
    model::Entity e;
    e.source_id = r.id;
    e.id = "opensanctions:" + r.id;
    e.list_id = "opensanctions";
    e.kind = *kind;
    std::vector<std::string> names = Strings(p, "name");
    if (names.empty()) {
      // A person may be named only by its parts.
      std::string joined;
      for (const char* k : {"firstName", "secondName", "middleName", "fatherName", "lastName"}) {
        for (const std::string& v : Strings(p, k)) joined += (joined.empty() ? "" : " ") + v;
      }
      if (!joined.empty()) names.push_back(joined);
    }
    if (names.empty()) {
      return Status::InvalidArgument(src + ", line " + std::to_string(r.line) + ": " + r.schema +
                                     " " + r.id + " has no name");
    }
    for (size_t i = 0; i < names.size(); ++i) {
      AddName(e, names[i], i == 0 ? model::NameKind::kPrimary : model::NameKind::kGoodAlias);
    }
    model::Name& primary = e.names[0];
    for (const auto& [key, role] :
         std::initializer_list<std::pair<const char*, model::NamePartRole>>{
             {"firstName", model::NamePartRole::kGiven},
             {"middleName", model::NamePartRole::kMiddle},
             {"secondName", model::NamePartRole::kMiddle},
             {"fatherName", model::NamePartRole::kPatronymic},
             {"lastName", model::NamePartRole::kFamily}}) {
      for (const std::string& v : Strings(p, key)) primary.parts.push_back({role, v});
    }
    for (const std::string& v : Strings(p, "alias")) AddName(e, v, model::NameKind::kGoodAlias);
    for (const std::string& v : Strings(p, "weakAlias")) AddName(e, v, model::NameKind::kLowAlias);
    for (const std::string& v : Strings(p, "previousName")) {
      AddName(e, v, model::NameKind::kFormerName);
    }
    for (const std::string& v : Strings(p, "birthDate")) {
      std::optional<model::PartialDate> d = model::ParsePartialDate(v.substr(0, 10));
      if (!d) {
        return Status::InvalidArgument(src + ", line " + std::to_string(r.line) + ": " + r.id +
                                       " birthDate \"" + v + "\" is not an ISO date");
      }
      model::DateOfBirth dob;
      dob.from = *d;
      e.dates_of_birth.push_back(dob);
    }
    for (const char* k : {"birthPlace", "birthCountry"}) {
      for (const std::string& v : Strings(p, k)) {
        model::Place place;
        place.city = v;
        place.country_code = model::ResolveCountryCode(v);
        if (!place.country_code.empty()) place.country = v, place.city.clear();
        e.places_of_birth.push_back(place);
      }
    }
    for (const char* k : {"nationality", "citizenship", "country", "jurisdiction", "flag"}) {
      for (const std::string& v : Strings(p, k)) e.nationalities.push_back(Country(v));
    }
    if (auto g = model::ParseGender(First(p, "gender"))) e.gender = *g;
    for (const char* k : {"passportNumber", "idNumber", "taxNumber", "registrationNumber",
                          "innCode", "ogrnCode", "imoNumber", "vatCode", "leiCode", "swiftBic",
                          "socialSecurityNumber", "callSign", "mmsi", "registrationNumber"}) {
      for (const std::string& v : Strings(p, k)) {
        model::Document d;
        d.type = k;
        d.number = v;
        bool dup = false;
        for (const model::Document& o : e.documents) dup |= o.number == v && o.type == d.type;
        if (!dup) e.documents.push_back(d);
      }
    }
    for (const std::string& v : Strings(p, "address")) {
      model::Place a;
      a.street = v;
      e.addresses.push_back(a);
    }
    e.titles = Strings(p, "title");
    e.designations = Strings(p, "position");
    e.program = First(p, "program");
    std::string notes;
    for (const std::string& v : Strings(p, "notes")) notes += (notes.empty() ? "" : "\n") + v;
    e.comments = notes;
    index.emplace(r.id, list.entities.size());
    list.entities.push_back(std::move(e));
  }
  // Address entities are referenced from the targets' addressEntity.
  std::unordered_map<std::string, std::vector<size_t>> address_refs;
  for (const auto& [id, t] : index) {
    for (const std::string& ref : Strings(records[id].props, "addressEntity")) {
      address_refs[ref].push_back(t);
    }
  }
  // Fold the helper entities into the targets they name.
  for (const std::string& id : order) {
    auto it = records.find(id);
    if (it == records.end()) continue;
    const Record& r = it->second;
    const json& p = r.props;
    auto target = [&](const char* key) -> model::Entity* {
      for (const std::string& ref : Strings(p, key)) {
        auto t = index.find(ref);
        if (t != index.end()) return &list.entities[t->second];
      }
      return nullptr;
    };
    if (r.schema == "Sanction") {
      model::Entity* e = target("entity");
      if (!e) continue;
      if (e->program.empty()) e->program = First(p, "program");
      if (e->reference.empty()) {
        e->reference = First(p, "unscId").empty() ? First(p, "authorityId") : First(p, "unscId");
      }
      std::string listed = First(p, "listingDate");
      if (listed.empty()) listed = First(p, "startDate");
      if (e->listed_on.empty() && !listed.empty()) e->listed_on = listed.substr(0, 10);
    } else if (r.schema == "Identification" || r.schema == "Passport") {
      model::Entity* e = target("holder");
      if (!e) continue;
      model::Document d;
      d.number = First(p, "number");
      if (d.number.empty()) continue;
      d.type = First(p, "type");
      if (d.type.empty()) d.type = r.schema;
      d.issuing_country = First(p, "country");
      d.country_code = model::ResolveCountryCode(d.issuing_country);
      d.issue_date = First(p, "startDate");
      d.note = First(p, "summary");
      e->documents.push_back(d);
    } else if (r.schema == "Address") {
      auto refs = address_refs.find(r.id);
      if (refs == address_refs.end()) continue;
      std::string full = First(p, "full");
      model::Place a;
      a.street = full.empty() ? First(p, "street") : full;
      a.city = First(p, "city");
      a.zip = First(p, "postalCode");
      a.country = First(p, "country");
      a.country_code = model::ResolveCountryCode(a.country);
      for (size_t t : refs->second) list.entities[t].addresses.push_back(a);
    }
  }
  return list;
}

}  // namespace hudud::lists
