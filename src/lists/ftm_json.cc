// ParseFtmJson (lists/list_file.h): OpenSanctions FollowTheMoney entities,
// one JSON object per line, and the delta lines {"op": ..., "entity": ...}.
// Target schemata become entities; Sanction, Identification, Passport and
// Address entities are folded into the target they reference.
//
// Choices the format leaves open:
// - Lines without "op" that repeat an id are fragments of one entity (as
//   `ftm aggregate` merges them): their values are pooled. "ADD" and "MOD"
//   replace an entity, "DEL" removes it; a DEL of an id the file never had
//   (a delta against an earlier version) changes nothing.
// - An entity with "target": false (a company a listed person owns, a
//   relative) is not itself listed and is skipped; without "target" it is kept.
// - Helpers reach their target by its id or by one of its "referents".
//   Other known schemata (Ownership, Family, Article, ...) carry no name to
//   screen and are skipped; a schema FtM does not have is an error.
// - "name": the first value is the primary name, the others good aliases.
//   firstName, secondName, middleName, fatherName and lastName are the
//   parts of the first name that contains them all (the primary name's
//   text when there is no "name"; a name of their own when none does).
// - A person's "country" says where it is active or lives, not its
//   nationality (a nationality conflict lowers a match score): it becomes a
//   country-only address unless an address, a place of birth or a
//   nationality already names that country. For organisations, vessels and
//   aircraft, country, jurisdiction, mainCountry and flag are the nationality.
// - Identifier properties (passportNumber, innCode, imoNumber, ...) become
//   documents typed with the property name; a Passport or Identification
//   entity with the same number replaces such a bare document.
// - The programs of the entity and of its Sanctions, joined with "; ", are
//   the program; list_types lists them one by one, then the topics.
//   References (unscId, authorityId) are joined the same way; listed_on is
//   the earliest listing date.
// - Country values are codes: an entity's text is the English name of the
//   code ("iq" -> "Iraq"); OpenSanctions codes that are no ISO code stay
//   as they are ("suhh" -> "SUHH").
// - A value FtM cannot hold (a date that is not ISO, a property that is not
//   a list of strings) is an error naming the line and the property.
#include <algorithm>
#include <exception>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "lists/field_util.h"
#include "lists/ftm_model.h"
#include "lists/json_lines.h"
#include "lists/list_file.h"
#include "model/country.h"
#include "model/date.h"

namespace hudud::lists {
namespace {

using model::Entity;
using model::NameKind;
using model::NamePartRole;
using model::Place;
using nlohmann::json;
using Props = std::map<std::string, std::vector<std::string>>;

struct Record {
  std::string id;
  std::string schema;
  std::string caption;
  std::string last_change;
  Props props;
  std::vector<std::string> referents;
  bool target = true;
  size_t line = 0;
};

bool IsHelper(std::string_view schema) {
  return schema == "Sanction" || schema == "Identification" || schema == "Passport" ||
         schema == "Address";
}

const std::vector<std::string>& Values(const Props& p, const std::string& key) {
  static const std::vector<std::string> kNone;
  auto it = p.find(key);
  return it == p.end() ? kNone : it->second;
}

std::string First(const Props& p, const std::string& key) {
  const std::vector<std::string>& v = Values(p, key);
  return v.empty() ? "" : v[0];
}

void AddUnique(std::vector<std::string>* out, const std::string& v) {
  if (!v.empty() && std::find(out->begin(), out->end(), v) == out->end()) out->push_back(v);
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// The text an entity shows for an FtM country code.
std::string CountryText(const std::string& value, const std::string& code) {
  std::string name = code.size() == 2 ? model::CountryName(code) : "";
  return name.empty() ? value : name;
}

// "Mosul, Iraq": a trailing piece that names a country is the country, the
// rest goes to `rest` (city for a place of birth, street for an address).
Place TextPlace(const std::string& text, std::string Place::*rest) {
  Place p;
  std::string head = text;
  if (size_t comma = text.rfind(','); comma != std::string::npos) {
    std::string tail = TrimCopy(std::string_view(text).substr(comma + 1));
    std::string code = model::ResolveCountryCode(tail);
    if (!code.empty()) {
      p.country = tail;
      p.country_code = code;
      head = TrimCopy(std::string_view(text).substr(0, comma));
    }
  } else if (std::string code = model::ResolveCountryCode(text); !code.empty()) {
    p.country = text;
    p.country_code = code;
    head.clear();
  }
  p.*rest = head;
  return p;
}

// "street, city, state, zip, country": the one-line form of a place.
std::string PlaceLine(const Place& p) {
  std::string out;
  for (const std::string* part : {&p.street, &p.city, &p.state, &p.zip, &p.country}) {
    if (!part->empty()) out += (out.empty() ? "" : ", ") + *part;
  }
  return out;
}

// Document numbers compare without case, spaces or punctuation.
std::string NumberKey(const std::string& number) {
  std::string out;
  for (char c : number) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c & 0x80)) out.push_back(c);
  }
  return out;
}

// A target while helpers are folded into it.
struct Target {
  Entity e;
  std::vector<model::Document> property_docs;  // from passportNumber, innCode, ...
  std::vector<model::Document> helper_docs;    // from Passport / Identification entities
  std::vector<std::string> address_texts;      // "address" values
  std::vector<std::string> address_refs;       // "addressEntity" ids
  std::vector<std::pair<std::string, std::string>> countries;  // a person's: value, code
  std::vector<std::string> programs, topics, references, listed, reasons;
};

class FtmParser {
 public:
  FtmParser(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  Result<ParsedList> Parse() {
    JsonLinesReader reader(text_, source_);
    json value;
    while (reader.Next(&value)) {
      HUDUD_RETURN_IF_ERROR(ReadLine(value, reader.line()));
    }
    HUDUD_RETURN_IF_ERROR(reader.status());

    for (const std::string& id : order_) {
      auto it = records_.find(id);
      if (it == records_.end()) continue;  // deleted
      const Record& r = it->second;
      if (!ftm::TargetKind(r.schema) || !r.target) continue;
      HUDUD_RETURN_IF_ERROR(AddTarget(r));
    }
    std::unordered_map<std::string, const Record*> addresses;
    for (const std::string& id : order_) {
      auto it = records_.find(id);
      if (it == records_.end()) continue;
      const Record& r = it->second;
      if (r.schema == "Sanction") {
        HUDUD_RETURN_IF_ERROR(FoldSanction(r));
      } else if (r.schema == "Identification" || r.schema == "Passport") {
        HUDUD_RETURN_IF_ERROR(FoldDocument(r));
      } else if (r.schema == "Address") {
        addresses.emplace(r.id, &r);
      }
    }

    ParsedList list;
    list.list_id = "opensanctions";
    list.format = "ftm-json";
    list.entities.reserve(targets_.size());
    for (Target& t : targets_) {
      for (const std::string& ref : t.address_refs) {
        auto a = addresses.find(ref);
        if (a != addresses.end()) AddAddressEntity(*a->second, t);
      }
      list.entities.push_back(Finish(t));
    }
    return list;
  }

 private:
  Status Error(size_t line, const std::string& what) const {
    return Status::Corruption(source_ + ", line " + std::to_string(line) + ": " + what);
  }

  // ---- Reading lines into records.

  Status ReadLine(const json& value, size_t line) {
    if (!value.is_object()) {
      return Error(line, std::string("expected a JSON object, found ") + value.type_name());
    }
    const json* entity = &value;
    std::string op;
    if (auto it = value.find("op"); it != value.end()) {
      if (it->is_string()) op = it->get<std::string>();
      if (op != "ADD" && op != "MOD" && op != "DEL") {
        return Error(line, "\"op\" must be \"ADD\", \"MOD\" or \"DEL\", found " + it->dump());
      }
      auto e = value.find("entity");
      if (e == value.end() || !e->is_object()) {
        return Error(line, "a delta line (\"op\": \"" + op + "\") needs an \"entity\" object");
      }
      entity = &*e;
    }
    Record r;
    r.line = line;
    HUDUD_RETURN_IF_ERROR(ReadRecord(*entity, op != "DEL", r));
    if (op == "DEL") {
      records_.erase(r.id);
      return Status::Ok();
    }
    if (!ftm::IsKnownSchema(r.schema)) {
      return Error(line, "entity " + r.id + " has schema \"" + r.schema +
                             "\", which FollowTheMoney does not have");
    }
    if (!ftm::TargetKind(r.schema) && !IsHelper(r.schema)) return Status::Ok();
    if (in_order_.insert(r.id).second) order_.push_back(r.id);
    auto it = records_.find(r.id);
    if (it == records_.end() || !op.empty()) {
      records_[r.id] = std::move(r);
      return Status::Ok();
    }
    return Merge(it->second, std::move(r));
  }

  Status ReadRecord(const json& obj, bool need_schema, Record& r) const {
    auto id = obj.find("id");
    if (id == obj.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
      return Error(r.line, "entity without an \"id\"");
    }
    r.id = id->get<std::string>();
    if (auto s = obj.find("schema"); s != obj.end()) {
      if (!s->is_string()) return Error(r.line, "\"schema\" of " + r.id + " is not a string");
      r.schema = s->get<std::string>();
    } else if (need_schema) {
      return Error(r.line, "entity " + r.id + " without a \"schema\"");
    }
    if (auto c = obj.find("caption"); c != obj.end() && c->is_string()) {
      r.caption = TrimCopy(c->get_ref<const std::string&>());
    }
    if (auto t = obj.find("target"); t != obj.end() && !t->is_null()) {
      if (!t->is_boolean()) return Error(r.line, "\"target\" of " + r.id + " is not true or false");
      r.target = t->get<bool>();
    }
    if (auto refs = obj.find("referents"); refs != obj.end() && !refs->is_null()) {
      HUDUD_RETURN_IF_ERROR(Strings(*refs, r, "referents", true, &r.referents));
    }
    if (auto lc = obj.find("last_change"); lc != obj.end() && !lc->is_null()) {
      if (!lc->is_string()) return Error(r.line, "\"last_change\" of " + r.id + " is not a string");
      r.last_change = lc->get<std::string>();
    }
    auto props = obj.find("properties");
    if (props == obj.end() || props->is_null()) return Status::Ok();
    if (!props->is_object())
      return Error(r.line, "\"properties\" of " + r.id + " is not an object");
    for (auto it = props->begin(); it != props->end(); ++it) {
      std::vector<std::string>& values = r.props[it.key()];
      // A name may repeat a part ("Mehdi Ben Mohamed Ben Mohamed").
      const bool parts = it.key() == "firstName" || it.key() == "secondName" ||
                         it.key() == "middleName" || it.key() == "fatherName" ||
                         it.key() == "lastName";
      HUDUD_RETURN_IF_ERROR(
          Strings(it.value(), r, "property \"" + it.key() + "\"", !parts, &values));
    }
    return Status::Ok();
  }

  // A list of strings (trimmed, empty ones dropped, repeats too if `unique`).
  Status Strings(const json& v, const Record& r, const std::string& what, bool unique,
                 std::vector<std::string>* out) const {
    if (!v.is_array()) return Error(r.line, what + " of " + r.id + " is not a list of strings");
    for (const json& s : v) {
      if (!s.is_string()) return Error(r.line, what + " of " + r.id + " is not a list of strings");
      std::string text = TrimCopy(s.get_ref<const std::string&>());
      if (unique) {
        AddUnique(out, text);
      } else if (!text.empty()) {
        out->push_back(std::move(text));
      }
    }
    return Status::Ok();
  }

  // Pools a fragment into the record with the same id. A fragment may make
  // a LegalEntity a Person or an Organization a Company, as FtM allows.
  Status Merge(Record& into, Record r) const {
    if (r.schema != into.schema) {
      if (ftm::IsSchemaOrChild(r.schema, into.schema)) {
        into.schema = r.schema;
      } else if (!ftm::IsSchemaOrChild(into.schema, r.schema)) {
        return Error(r.line, "entity " + r.id + " is a " + r.schema + " here but a " + into.schema +
                                 " on line " + std::to_string(into.line));
      }
    }
    for (auto& [key, values] : r.props) {
      for (std::string& v : values) AddUnique(&into.props[key], v);
    }
    for (std::string& ref : r.referents) AddUnique(&into.referents, ref);
    if (into.caption.empty()) into.caption = r.caption;
    into.target = into.target || r.target;
    into.last_change = std::max(into.last_change, r.last_change);
    return Status::Ok();
  }

  // ---- Targets.

  Status Date(const Record& r, const std::string& prop, const std::string& value,
              model::PartialDate* out) const {
    std::optional<model::PartialDate> d = ftm::ParseDate(value);
    if (!d) {
      return Error(r.line, "property \"" + prop + "\" of " + r.id + ": \"" + value +
                               "\" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    *out = *d;
    return Status::Ok();
  }

  Status AddTarget(const Record& r) {
    const Props& p = r.props;
    Target t;
    Entity& e = t.e;
    e.list_id = "opensanctions";
    e.source_id = r.id;
    e.id = "opensanctions:" + r.id;
    e.kind = *ftm::TargetKind(r.schema);
    const bool person = e.kind == model::EntityKind::kPerson;

    static const std::pair<const char*, NamePartRole> kParts[] = {
        {"firstName", NamePartRole::kGiven},
        {"secondName", NamePartRole::kOther},
        {"middleName", NamePartRole::kMiddle},
        {"fatherName", NamePartRole::kPatronymic},
        {"lastName", NamePartRole::kFamily}};
    std::vector<model::NamePart> parts;
    std::string joined;
    for (const auto& [key, role] : kParts) {
      for (const std::string& v : Values(p, key)) {
        parts.push_back({role, v});
        joined += (joined.empty() ? "" : " ") + v;
      }
    }
    const std::vector<std::string>& names = Values(p, "name");
    model::Name primary;
    primary.full = !names.empty() ? names[0] : !joined.empty() ? joined : r.caption;
    if (primary.full.empty()) return Error(r.line, r.schema + " " + r.id + " has no name");
    primary.kind = NameKind::kPrimary;
    e.names.push_back(std::move(primary));
    for (size_t i = 1; i < names.size(); ++i) AddName(&e, names[i], NameKind::kGoodAlias);
    for (const std::string& v : Values(p, "alias")) AddName(&e, v, NameKind::kGoodAlias);
    for (const std::string& v : Values(p, "weakAlias")) AddName(&e, v, NameKind::kLowAlias);
    for (const std::string& v : Values(p, "previousName")) AddName(&e, v, NameKind::kFormerName);
    AttachParts(std::move(parts), joined, e);

    for (const std::string& v : Values(p, "birthDate")) {
      model::DateOfBirth dob;
      HUDUD_RETURN_IF_ERROR(Date(r, "birthDate", v, &dob.from));
      bool seen = false;
      for (const model::DateOfBirth& o : e.dates_of_birth) seen = seen || o.from == dob.from;
      if (!seen) e.dates_of_birth.push_back(dob);
    }
    AddPlacesOfBirth(p, e);

    for (const char* key : {"nationality", "citizenship"}) {
      for (const std::string& v : Values(p, key)) {
        const std::string code = ftm::CountryCode(v);
        AddNationality(&e, CountryText(v, code), code);
      }
    }
    for (const char* key : {"country", "mainCountry", "jurisdiction", "flag"}) {
      for (const std::string& v : Values(p, key)) {
        const std::string code = ftm::CountryCode(v);
        if (person) {
          t.countries.emplace_back(v, code);
        } else {
          AddNationality(&e, CountryText(v, code), code);
        }
      }
    }
    if (auto g = model::ParseGender(First(p, "gender"))) e.gender = *g;

    for (const auto& [key, values] : p) {
      if (!ftm::IsAnyIdentifierProperty(key)) continue;
      for (const std::string& v : values) {
        model::Document d;
        d.type = key;
        d.number = v;
        t.property_docs.push_back(std::move(d));
      }
    }
    t.address_texts = Values(p, "address");
    t.address_refs = Values(p, "addressEntity");
    e.titles = Values(p, "title");
    e.designations = Values(p, "position");
    t.programs = Values(p, "program");
    t.topics = Values(p, "topics");
    e.comments = Join(Values(p, "notes"), "\n");
    for (const std::string& v : Values(p, "modifiedAt")) {
      model::PartialDate d;
      HUDUD_RETURN_IF_ERROR(Date(r, "modifiedAt", v, &d));
      AddUnique(&e.last_updated, d.ToString());
    }
    if (e.last_updated.empty() && !r.last_change.empty()) {
      model::PartialDate d;
      HUDUD_RETURN_IF_ERROR(Date(r, "last_change", r.last_change, &d));
      e.last_updated.push_back(d.ToString());
    }

    const size_t at = targets_.size();
    index_[r.id] = at;
    for (const std::string& ref : r.referents) index_.emplace(ref, at);
    targets_.push_back(std::move(t));
    return Status::Ok();
  }

  // The parts belong to the first name that contains each of them (the
  // primary name, or a nom de guerre's real name among the aliases); when
  // none does, they spell a name of their own.
  static void AttachParts(std::vector<model::NamePart> parts, const std::string& joined,
                          Entity& e) {
    if (parts.empty()) return;
    for (model::Name& n : e.names) {
      bool all = true;
      for (const model::NamePart& part : parts) {
        all = all && n.full.find(part.text) != std::string::npos;
      }
      if (all) {
        n.parts = std::move(parts);
        return;
      }
    }
    model::Name n;
    n.full = joined;
    n.kind = NameKind::kGoodAlias;
    n.parts = std::move(parts);
    e.names.push_back(std::move(n));
  }

  // birthPlace is free text, birthCountry a code. One of each describe one
  // place; otherwise each country not named by a place is a place of its own.
  static void AddPlacesOfBirth(const Props& p, Entity& e) {
    for (const std::string& v : Values(p, "birthPlace")) {
      e.places_of_birth.push_back(TextPlace(v, &Place::city));
    }
    const std::vector<std::string>& countries = Values(p, "birthCountry");
    const bool pair = countries.size() == 1 && e.places_of_birth.size() == 1 &&
                      e.places_of_birth[0].country_code.empty();
    for (const std::string& v : countries) {
      const std::string code = ftm::CountryCode(v);
      bool named = false;
      for (const Place& place : e.places_of_birth) named = named || place.country_code == code;
      if (named && !code.empty()) continue;
      Place* place = pair ? &e.places_of_birth[0] : &e.places_of_birth.emplace_back();
      place->country = CountryText(v, code);
      place->country_code = code;
    }
  }

  // The targets a helper's `key` property references.
  std::vector<Target*> Referenced(const Record& r, const std::string& key) {
    std::vector<Target*> out;
    for (const std::string& ref : Values(r.props, key)) {
      auto it = index_.find(ref);
      if (it == index_.end()) continue;  // a helper of an entity that is not listed
      Target* t = &targets_[it->second];
      if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
  }

  // ---- Helpers.

  Status FoldSanction(const Record& r) {
    const Props& p = r.props;
    std::string listed;
    for (const char* key : {"listingDate", "startDate"}) {
      if (!listed.empty()) break;
      for (const std::string& v : Values(p, key)) {
        model::PartialDate d;
        HUDUD_RETURN_IF_ERROR(Date(r, key, v, &d));
        if (listed.empty() || d.ToString() < listed) listed = d.ToString();
      }
    }
    for (Target* t : Referenced(r, "entity")) {
      for (const std::string& v : Values(p, "program")) AddUnique(&t->programs, v);
      for (const char* key : {"unscId", "authorityId"}) {
        for (const std::string& v : Values(p, key)) AddUnique(&t->references, v);
      }
      AddUnique(&t->listed, listed);
      for (const std::string& v : Values(p, "reason")) AddUnique(&t->reasons, v);
    }
    return Status::Ok();
  }

  Status FoldDocument(const Record& r) {
    const Props& p = r.props;
    model::Document d;
    d.number = First(p, "number");
    if (d.number.empty()) d.number = First(p, "passportNumber");
    d.type = First(p, "type");
    const std::string country = First(p, "country");
    d.country_code = ftm::CountryCode(country);
    d.issuing_country = CountryText(country, d.country_code);
    if (std::string issued = First(p, "startDate"); !issued.empty()) {
      model::PartialDate date;
      HUDUD_RETURN_IF_ERROR(Date(r, "startDate", issued, &date));
      d.issue_date = date.ToString();
    }
    d.note = First(p, "summary");
    if (d.note.empty()) d.note = First(p, "description");
    if (d.number.empty() && d.type.empty() && country.empty()) return Status::Ok();
    if (d.type.empty()) d.type = r.schema;
    for (Target* t : Referenced(r, "holder")) t->helper_docs.push_back(d);
    return Status::Ok();
  }

  static void AddAddressEntity(const Record& r, Target& t) {
    const Props& p = r.props;
    Place a;
    a.street = First(p, "street");
    if (std::string street2 = First(p, "street2"); !street2.empty()) {
      a.street += (a.street.empty() ? "" : ", ") + street2;
    }
    a.city = First(p, "city");
    a.state = First(p, "state");
    if (a.state.empty()) a.state = First(p, "region");
    a.zip = First(p, "postalCode");
    const std::string country = First(p, "country");
    a.country_code = ftm::CountryCode(country);
    a.country = CountryText(country, a.country_code);
    a.note = First(p, "summary");
    if (std::string remarks = First(p, "remarks"); !remarks.empty()) {
      a.note += (a.note.empty() ? "" : "; ") + remarks;
    }
    const std::string full = First(p, "full");
    if (a.street.empty() && a.city.empty() && a.state.empty() && a.zip.empty() && country.empty()) {
      // Only the one-line form: keep it whole, as written.
      a.street = full;
    }
    if (PlaceLine(a).empty() && a.note.empty()) return;
    // The target's "address" values usually repeat the entity's full text.
    auto& texts = t.address_texts;
    texts.erase(
        std::remove_if(texts.begin(), texts.end(),
                       [&](const std::string& s) { return s == full || s == PlaceLine(a); }),
        texts.end());
    t.e.addresses.push_back(std::move(a));
  }

  // ---- The finished entity.

  static Entity Finish(Target& t) {
    Entity& e = t.e;
    for (const std::string& text : t.address_texts) {
      e.addresses.push_back(TextPlace(text, &Place::street));
    }
    for (const auto& [value, code] : t.countries) {
      bool named = false;
      for (const auto* places : {&e.addresses, &e.places_of_birth}) {
        for (const Place& place : *places) {
          named = named || (code.empty() ? place.country == value : place.country_code == code);
        }
      }
      for (const model::Nationality& n : e.nationalities) {
        named = named || (code.empty() ? n.text == value : n.country_code == code);
      }
      if (named) continue;
      Place place;
      place.country_code = code;
      place.country = CountryText(value, code);
      e.addresses.push_back(std::move(place));
    }

    std::unordered_set<std::string> numbers;
    for (const model::Document& d : t.helper_docs) numbers.insert(NumberKey(d.number));
    e.documents = std::move(t.helper_docs);
    for (model::Document& d : t.property_docs) {
      if (!numbers.count(NumberKey(d.number))) e.documents.push_back(std::move(d));
    }

    e.program = Join(t.programs, "; ");
    e.list_types = t.programs;
    for (const std::string& topic : t.topics) AddUnique(&e.list_types, topic);
    e.reference = Join(t.references, "; ");
    if (!t.listed.empty()) e.listed_on = *std::min_element(t.listed.begin(), t.listed.end());
    for (const std::string& reason : t.reasons) {
      if (e.comments.find(reason) == std::string::npos) {
        e.comments += (e.comments.empty() ? "" : "\n") + reason;
      }
    }
    return std::move(e);
  }

  std::string_view text_;
  std::string source_;
  std::unordered_map<std::string, Record> records_;
  std::vector<std::string> order_;  // ids by first appearance
  std::unordered_set<std::string> in_order_;
  std::vector<Target> targets_;
  std::unordered_map<std::string, size_t> index_;  // target id or referent -> targets_
};

}  // namespace

Result<ParsedList> ParseFtmJson(std::string_view jsonl, std::string_view source_name) {
  try {
    FtmParser parser(jsonl, source_name);
    return parser.Parse();
  } catch (const std::exception& e) {
    // Only allocation failure can get here; keep it inside the library.
    return Status::Internal(std::string(source_name) + ": " + e.what());
  }
}

}  // namespace hudud::lists
