// Writers (lists/export.h): entities out as FollowTheMoney JSON lines, as an
// XML in the UN Consolidated List's vocabulary, and as flat CSV.
#include "lists/export.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lists/csv.h"
#include "lists/field_util.h"
#include "lists/ftm_model.h"

namespace hudud::lists {
namespace {

using model::DateOfBirth;
using model::Entity;
using model::EntityKind;
using model::NameKind;
using model::NamePartRole;
using model::Place;
using ordered_json = nlohmann::ordered_json;

// `s` with each byte that is not part of valid UTF-8 replaced by U+FFFD, so
// a reader that checks the encoding (CsvReader does) can read what we write.
std::string ValidUtf8(const std::string& s) {
  size_t bad = 0;
  if (IsValidUtf8(s, &bad)) return s;
  std::string out;
  std::string_view rest = s;
  while (!IsValidUtf8(rest, &bad)) {
    out.append(rest.substr(0, bad));
    out += "\xEF\xBF\xBD";
    rest.remove_prefix(bad + 1);
  }
  out.append(rest);
  return out;
}

// "street, city, state, zip, country": a place on one line.
std::string PlaceLine(const Place& p) {
  std::string out;
  for (const std::string* part : {&p.street, &p.city, &p.state, &p.zip, &p.country}) {
    if (!part->empty()) out += (out.empty() ? "" : ", ") + *part;
  }
  return out;
}

// The primary name: the first kPrimary, else nullptr.
const model::Name* PrimaryName(const Entity& e) {
  for (const model::Name& n : e.names) {
    if (n.kind == NameKind::kPrimary && !n.full.empty()) return &n;
  }
  return nullptr;
}

// The name a format that needs one shows first: the primary name, else the
// first name there is.
const model::Name* FirstName(const Entity& e) {
  if (const model::Name* p = PrimaryName(e)) return p;
  for (const model::Name& n : e.names) {
    if (!n.full.empty()) return &n;
  }
  return nullptr;
}

// ---- FollowTheMoney.

const char* FtmSchema(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return "Person";
    case EntityKind::kOrganization:
      return "Organization";
    case EntityKind::kVessel:
      return "Vessel";
    case EntityKind::kAircraft:
      return "Airplane";
    case EntityKind::kUnknown:
      break;
  }
  return "LegalEntity";
}

// Appends `value` to the property unless empty or already there.
void Add(ordered_json& props, const char* key, const std::string& value) {
  if (value.empty()) return;
  ordered_json& values = props[key];
  if (!values.is_array()) values = ordered_json::array();
  for (const ordered_json& v : values) {
    if (v.get_ref<const std::string&>() == value) return;
  }
  values.push_back(value);
}

// Name parts keep repeats ("Ali Ali"), so they are appended as they are.
void AddPart(ordered_json& props, const char* key, const std::string& value) {
  if (value.empty()) return;
  ordered_json& values = props[key];
  if (!values.is_array()) values = ordered_json::array();
  values.push_back(value);
}

// FtM dates are ISO; a range of years is every year in it (a screener then
// compares a query's year with each), up to 20 years, else its two ends.
std::vector<std::string> FtmBirthDates(const DateOfBirth& d) {
  std::vector<std::string> out;
  if (d.from.empty()) return out;
  out.push_back(d.from.ToString());
  if (d.kind != DateOfBirth::Kind::kBetween || d.to.empty() || d.to == d.from) return out;
  const bool years = d.from.month == 0 && d.to.month == 0;
  if (years && d.to.year > d.from.year && d.to.year - d.from.year <= 20) {
    for (int y = d.from.year + 1; y < d.to.year; ++y) out.push_back(std::to_string(y));
  }
  out.push_back(d.to.ToString());
  return out;
}

// The FtM property a document's number goes to on its holder: the type when
// it is an identifier property of the schema (a document read from FtM),
// else passportNumber or the schema's general number.
std::string IdentifierProperty(const char* schema, const model::Document& d) {
  if (ftm::IsIdentifierProperty(schema, d.type)) return d.type;
  const bool passport = AsciiLower(d.type).find("passport") != std::string::npos;
  if (passport && ftm::IsIdentifierProperty(schema, "passportNumber")) return "passportNumber";
  if (ftm::IsIdentifierProperty(schema, "idNumber")) return "idNumber";
  return "registrationNumber";  // Vessel, Airplane
}

// `text` when it is an FtM date, else "" (ParseFtmJson refuses other dates).
std::string FtmDate(const std::string& text) {
  std::optional<model::PartialDate> d = ftm::ParseDate(text);
  return d ? d->ToString() : "";
}

std::string Dump(const ordered_json& j) {
  // Invalid UTF-8 cannot come from the parsers; replace rather than throw.
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

class FtmWriter {
 public:
  std::string Write(const std::vector<Entity>& entities) {
    for (const Entity& e : entities) WriteEntity(e);
    return std::move(out_);
  }

 private:
  // "<list_id>-<source_id>", made a valid FtM id, unique in this output.
  std::string IdFor(const Entity& e) {
    std::string base = ftm::CleanId((e.list_id.empty() ? "" : e.list_id + "-") +
                                    (e.source_id.empty() ? e.id : e.source_id));
    std::string id = base;
    for (int n = 2; !used_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    return id;
  }

  void WriteEntity(const Entity& e) {
    const std::string id = IdFor(e);
    const char* schema = FtmSchema(e.kind);
    const bool person = e.kind == EntityKind::kPerson;
    ordered_json props = ordered_json::object();

    const model::Name* primary = FirstName(e);  // FtM requires a name
    if (primary != nullptr) Add(props, "name", primary->full);
    for (const model::Name& n : e.names) {
      if (&n == primary) continue;
      switch (n.kind) {
        case NameKind::kPrimary:
          Add(props, "name", n.full);
          break;
        case NameKind::kGoodAlias:
        case NameKind::kOriginalScript:
          Add(props, "alias", n.full);
          break;
        case NameKind::kLowAlias:
          Add(props, "weakAlias", n.full);
          break;
        case NameKind::kFormerName:
          Add(props, "previousName", n.full);
          break;
      }
    }
    // FtM has one set of name parts: the primary name's, else the first
    // name that has parts.
    const model::Name* with_parts = primary;
    if (with_parts == nullptr || with_parts->parts.empty()) {
      for (const model::Name& n : e.names) {
        if (!n.parts.empty()) {
          with_parts = &n;
          break;
        }
      }
    }
    if (person && with_parts != nullptr) {
      for (const model::NamePart& part : with_parts->parts) {
        switch (part.role) {
          case NamePartRole::kGiven:
            AddPart(props, "firstName", part.text);
            break;
          case NamePartRole::kOther:
            AddPart(props, "secondName", part.text);
            break;
          case NamePartRole::kMiddle:
            AddPart(props, "middleName", part.text);
            break;
          case NamePartRole::kPatronymic:
            AddPart(props, "fatherName", part.text);
            break;
          case NamePartRole::kFamily:
            AddPart(props, "lastName", part.text);
            break;
          case NamePartRole::kWhole:
            break;  // the name itself
        }
      }
    }
    if (person) {
      for (const DateOfBirth& d : e.dates_of_birth) {
        for (const std::string& date : FtmBirthDates(d)) Add(props, "birthDate", date);
      }
      for (const Place& p : e.places_of_birth) {
        Place local = p;
        local.country.clear();  // the country goes as a code
        Add(props, "birthPlace", PlaceLine(local.country_code.empty() ? p : local));
        Add(props, "birthCountry", AsciiLower(p.country_code));
      }
    }
    // FtM countries are codes; a nationality no code was found for cannot go.
    const char* country_key = person                          ? "nationality"
                              : e.kind == EntityKind::kVessel ? "flag"
                                                              : "country";
    for (const model::Nationality& n : e.nationalities)
      Add(props, country_key, AsciiLower(n.country_code));
    if (person && e.gender != model::Gender::kUnknown) {
      Add(props, "gender", std::string(model::ToString(e.gender)));
    }
    for (const model::Document& d : e.documents) {
      Add(props, IdentifierProperty(schema, d).c_str(), d.number);
    }
    for (const Place& p : e.addresses) Add(props, "address", PlaceLine(p));
    for (size_t i = 0; i < e.addresses.size(); ++i) {
      Add(props, "addressEntity", id + "-addr-" + std::to_string(i + 1));
    }
    if (person) {
      for (const std::string& t : e.titles) Add(props, "title", t);
      for (const std::string& d : e.designations) Add(props, "position", d);
    }
    Add(props, "program", e.program);
    Add(props, "notes", e.comments);
    Add(props, "topics", "sanction");
    for (const std::string& t : e.list_types) {
      if (ftm::IsTopic(t)) Add(props, "topics", t);
    }
    for (const std::string& d : e.last_updated) Add(props, "modifiedAt", FtmDate(d));

    ordered_json entity = ordered_json::object();
    entity["id"] = id;
    entity["schema"] = schema;
    entity["caption"] = primary != nullptr ? primary->full : id;
    entity["properties"] = std::move(props);
    entity["datasets"] = ordered_json::array({e.list_id.empty() ? "hudud" : e.list_id});
    entity["target"] = true;
    out_ += Dump(entity);

    int k = 0;
    for (const model::Document& d : e.documents) WriteDocument(id, schema, d, ++k);
    for (size_t i = 0; i < e.addresses.size(); ++i) WriteAddress(id, e.addresses[i], i + 1);
    WriteSanction(id, e);
  }

  void WriteDocument(const std::string& holder, const char* schema, const model::Document& d,
                     int k) {
    // FtM requires a number; a bare number read from an FtM identifier
    // property is already on the holder.
    if (d.number.empty()) return;
    if (d.type == IdentifierProperty(schema, d) && d.country_code.empty() && d.issue_date.empty() &&
        d.note.empty()) {
      return;
    }
    const bool passport = AsciiLower(d.type).find("passport") != std::string::npos;
    ordered_json p = ordered_json::object();
    Add(p, "holder", holder);
    Add(p, "number", d.number);
    Add(p, "type", d.type);
    Add(p, "country", AsciiLower(d.country_code));
    std::string summary = d.note;
    if (!d.issue_date.empty()) {
      if (std::optional<model::PartialDate> issued = ftm::ParseDate(d.issue_date)) {
        Add(p, "startDate", issued->ToString());
      } else {
        summary += (summary.empty() ? "" : "; ") + ("issued " + d.issue_date);
      }
    }
    Add(p, "summary", summary);
    ordered_json doc = ordered_json::object();
    doc["id"] = holder + "-doc-" + std::to_string(k);
    doc["schema"] = passport ? "Passport" : "Identification";
    doc["properties"] = std::move(p);
    out_ += Dump(doc);
  }

  void WriteAddress(const std::string& owner, const Place& a, size_t k) {
    ordered_json p = ordered_json::object();
    Add(p, "full", PlaceLine(a));
    Add(p, "street", a.street);
    Add(p, "city", a.city);
    Add(p, "state", a.state);
    Add(p, "postalCode", a.zip);
    Add(p, "country", AsciiLower(a.country_code));
    Add(p, "summary", a.note);
    ordered_json address = ordered_json::object();
    address["id"] = owner + "-addr-" + std::to_string(k);
    address["schema"] = "Address";
    address["properties"] = std::move(p);
    out_ += Dump(address);
  }

  void WriteSanction(const std::string& id, const Entity& e) {
    ordered_json p = ordered_json::object();
    Add(p, "entity", id);
    Add(p, "authority", e.list_id);
    Add(p, "authorityId", e.reference);
    Add(p, "program", e.program);
    Add(p, "listingDate", FtmDate(e.listed_on));
    ordered_json sanction = ordered_json::object();
    sanction["id"] = id + "-sanction";
    sanction["schema"] = "Sanction";
    sanction["properties"] = std::move(p);
    out_ += Dump(sanction);
  }

  std::string out_;
  std::set<std::string> used_;
};

// ---- UN-style XML.

// XML 1.0 cannot hold most control characters, even escaped; the list
// parsers never produce them, but stored text is not ours to trust.
std::string XmlSafe(const std::string& text) {
  const std::string s = ValidUtf8(text);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    out.push_back(c);
  }
  return out;
}

// True when ParseUnXml reads `s` as a date.
bool IsDate(const std::string& s) { return model::ParsePartialDate(s).has_value(); }

void Text(pugi::xml_node parent, const char* name, const std::string& value) {
  if (value.empty()) return;
  parent.append_child(name).text().set(XmlSafe(value).c_str());
}

void Values(pugi::xml_node parent, const char* group, const std::vector<std::string>& values) {
  if (values.empty()) return;
  pugi::xml_node g = parent.append_child(group);
  for (const std::string& v : values) Text(g, "VALUE", v);
}

void PlaceXml(pugi::xml_node n, const Place& p) {
  Text(n, "STREET", p.street);
  Text(n, "CITY", p.city);
  Text(n, "STATE_PROVINCE", p.state);
  Text(n, "ZIP_CODE", p.zip);
  Text(n, "COUNTRY", p.country.empty() ? p.country_code : p.country);
  Text(n, "NOTE", p.note);
}

void DateOfBirthXml(pugi::xml_node n, const DateOfBirth& d) {
  // A year alone goes in YEAR, anything longer in DATE (the UN writes
  // full dates there; ParseUnXml reads partial ones back the same).
  auto date = [&n](const model::PartialDate& p) {
    if (p.empty()) return;
    Text(n, p.month == 0 ? "YEAR" : "DATE", p.ToString());
  };
  switch (d.kind) {
    case DateOfBirth::Kind::kBetween:
      Text(n, "TYPE_OF_DATE", "BETWEEN");
      if (!d.from.empty()) Text(n, "FROM_YEAR", d.from.ToString());
      if (!d.to.empty()) Text(n, "TO_YEAR", d.to.ToString());
      break;
    case DateOfBirth::Kind::kApproximate:
      Text(n, "TYPE_OF_DATE", "APPROXIMATELY");
      date(d.from);
      break;
    case DateOfBirth::Kind::kExact:
      Text(n, "TYPE_OF_DATE", "EXACT");
      date(d.from);
      break;
  }
  Text(n, "NOTE", d.note);
}

void RecordXml(pugi::xml_node r, const Entity& e) {
  const bool person = e.kind == EntityKind::kPerson;
  Text(r, "DATAID", !e.source_id.empty() ? e.source_id : !e.id.empty() ? e.id : "unknown");
  Text(r, "VERSIONNUM", e.version.empty() ? "1" : e.version);
  const model::Name* primary = PrimaryName(e);
  if (primary != nullptr) {
    // Up to four parts that spell the name go in FIRST_NAME..FOURTH_NAME;
    // otherwise the whole name is FIRST_NAME.
    static constexpr const char* kFields[] = {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME",
                                              "FOURTH_NAME"};
    std::string joined;
    for (const model::NamePart& p : primary->parts) joined += (joined.empty() ? "" : " ") + p.text;
    if (!primary->parts.empty() && primary->parts.size() <= 4 && joined == primary->full) {
      for (size_t i = 0; i < primary->parts.size(); ++i) {
        Text(r, kFields[i], primary->parts[i].text);
      }
    } else {
      Text(r, "FIRST_NAME", primary->full);
    }
  }
  Text(r, "UN_LIST_TYPE", e.program);
  Text(r, "REFERENCE_NUMBER", e.reference);
  Text(r, "LISTED_ON", IsDate(e.listed_on) ? e.listed_on : "");
  if (e.gender != model::Gender::kUnknown) {
    Text(r, "GENDER", e.gender == model::Gender::kMale ? "Male" : "Female");
  }
  Text(r, "COMMENTS1", e.comments);
  const model::Name* original = nullptr;
  for (const model::Name& n : e.names) {
    if (n.kind == NameKind::kOriginalScript) {
      original = &n;
      break;
    }
  }
  if (original != nullptr) Text(r, "NAME_ORIGINAL_SCRIPT", original->full);
  Values(r, "TITLE", e.titles);
  Values(r, "DESIGNATION", e.designations);
  std::vector<std::string> nationalities;
  for (const model::Nationality& n : e.nationalities) {
    nationalities.push_back(n.text.empty() ? n.country_code : n.text);
  }
  Values(r, "NATIONALITY", nationalities);
  Values(r, "LIST_TYPE", e.list_types);
  std::vector<std::string> updated;
  for (const std::string& d : e.last_updated) {
    if (IsDate(d)) updated.push_back(d);
  }
  Values(r, "LAST_DAY_UPDATED", updated);
  for (const model::Name& n : e.names) {
    if (&n == primary || &n == original || n.full.empty()) continue;
    pugi::xml_node a = r.append_child(person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS");
    Text(a, "QUALITY",
         n.kind == NameKind::kLowAlias     ? "Low"
         : n.kind == NameKind::kFormerName ? "f.k.a."
                                           : "Good");
    Text(a, "ALIAS_NAME", n.full);
    Text(a, "NOTE", n.note);
  }
  for (const Place& p : e.addresses) {
    PlaceXml(r.append_child(person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS"), p);
  }
  // Dates and places of birth the UN gave with an alias were read as the
  // entity's own, noted "alias: <name>"; they go back as the entity's own
  // with that note, which reads back to the same values.
  for (const DateOfBirth& d : e.dates_of_birth) {
    DateOfBirthXml(r.append_child("INDIVIDUAL_DATE_OF_BIRTH"), d);
  }
  for (const Place& p : e.places_of_birth) {
    PlaceXml(r.append_child("INDIVIDUAL_PLACE_OF_BIRTH"), p);
  }
  for (const model::Document& d : e.documents) {
    pugi::xml_node n = r.append_child("INDIVIDUAL_DOCUMENT");
    Text(n, "TYPE_OF_DOCUMENT", d.type);
    Text(n, "TYPE_OF_DOCUMENT2", d.type2);
    Text(n, "NUMBER", d.number);
    Text(n, "ISSUING_COUNTRY", d.issuing_country.empty() ? d.country_code : d.issuing_country);
    // ParseUnXml reads DATE_OF_ISSUE as a date; an issue date another list
    // wrote as free text goes in the note rather than make the file unreadable.
    const bool dated = d.issue_date.empty() || IsDate(d.issue_date);
    Text(n, "DATE_OF_ISSUE", dated ? d.issue_date : "");
    Text(n, "CITY_OF_ISSUE", d.issue_city);
    Text(n, "NOTE",
         dated ? d.note : d.note + (d.note.empty() ? "" : "; ") + "issued " + d.issue_date);
  }
}

// ---- CSV.

std::string CsvField(const std::string& text) {
  std::string s = ValidUtf8(text);
  s.erase(std::remove(s.begin(), s.end(), '\0'), s.end());  // CsvReader refuses NUL
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void Join(std::string* out, const std::string& v) {
  if (v.empty()) return;
  if (!out->empty()) *out += " | ";
  *out += v;
}

}  // namespace

std::string WriteFtmJson(const std::vector<Entity>& entities) {
  FtmWriter writer;
  return writer.Write(entities);
}

std::string WriteListXml(const ParsedList& list) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = doc.append_child("CONSOLIDATED_LIST");
  if (!list.generated_at.empty()) {
    root.append_attribute("dateGenerated") = XmlSafe(list.generated_at).c_str();
  }
  pugi::xml_node individuals = root.append_child("INDIVIDUALS");
  pugi::xml_node entities = root.append_child("ENTITIES");
  for (const Entity& e : list.entities) {
    if (e.kind == EntityKind::kPerson) {
      RecordXml(individuals.append_child("INDIVIDUAL"), e);
    } else {
      RecordXml(entities.append_child("ENTITY"), e);
    }
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

std::string WriteListCsv(const std::vector<Entity>& entities) {
  std::string out =
      "id,kind,name,aliases,dates_of_birth,nationalities,documents,program,reference,listed_on\r\n";
  for (const Entity& e : entities) {
    const model::Name* primary = FirstName(e);
    std::string aliases, dobs, nationalities, documents;
    for (const model::Name& n : e.names) {
      if (&n != primary) Join(&aliases, n.full);
    }
    for (const DateOfBirth& d : e.dates_of_birth) Join(&dobs, d.ToString());
    for (const model::Nationality& n : e.nationalities) {
      Join(&nationalities, n.country_code.empty() ? n.text : n.country_code);
    }
    for (const model::Document& d : e.documents) {
      std::string text = d.type;
      if (!d.number.empty()) text += (text.empty() ? "" : " ") + d.number;
      if (!d.country_code.empty()) text += " (" + d.country_code + ")";
      Join(&documents, text);
    }
    const std::string fields[] = {e.id,
                                  std::string(model::ToString(e.kind)),
                                  primary != nullptr ? primary->full : "",
                                  aliases,
                                  dobs,
                                  nationalities,
                                  documents,
                                  e.program,
                                  e.reference,
                                  e.listed_on};
    bool first = true;
    for (const std::string& f : fields) {
      if (!first) out += ',';
      first = false;
      out += CsvField(f);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace hudud::lists
