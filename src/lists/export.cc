// Writers (lists/export.h): FollowTheMoney JSON lines, UN-style XML, CSV.
#include "lists/export.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

namespace hudud::lists {
namespace {

using nlohmann::json;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string FtmSchema(model::EntityKind kind) {
  switch (kind) {
    case model::EntityKind::kPerson:
      return "Person";
    case model::EntityKind::kOrganization:
      return "Organization";
    case model::EntityKind::kVessel:
      return "Vessel";
    case model::EntityKind::kAircraft:
      return "Airplane";
    default:
      return "LegalEntity";
  }
}

// "<list>-<source id>": FtM ids are free text, but ':' reads badly in URLs.
std::string FtmId(const model::Entity& e) {
  return (e.list_id.empty() ? std::string("x") : e.list_id) + "-" +
         (e.source_id.empty() ? e.id : e.source_id);
}

void Add(json& props, const char* key, const std::string& value) {
  if (value.empty()) return;
  json& arr = props[key];
  if (!arr.is_array()) arr = json::array();
  for (const auto& v : arr) {
    if (v == value) return;
  }
  arr.push_back(value);
}

std::string PlaceText(const model::Place& p) {
  std::string out;
  for (const std::string* part : {&p.street, &p.city, &p.state, &p.zip, &p.country}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ", ";
    out += *part;
  }
  return out;
}

std::string DobText(const model::DateOfBirth& d) {
  if (d.kind == model::DateOfBirth::Kind::kApproximate) return "circa " + d.from.ToString();
  if (d.kind == model::DateOfBirth::Kind::kBetween) {
    return d.from.ToString() + ".." + d.to.ToString();
  }
  return d.from.ToString();
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void Text(pugi::xml_node parent, const char* name, const std::string& value) {
  if (value.empty()) return;
  parent.append_child(name).text().set(value.c_str());
}

void Values(pugi::xml_node parent, const char* group, const std::vector<std::string>& values) {
  if (values.empty()) return;
  pugi::xml_node g = parent.append_child(group);
  for (const std::string& v : values) g.append_child("VALUE").text().set(v.c_str());
}

void PlaceXml(pugi::xml_node n, const model::Place& p, bool birth) {
  Text(n, "STREET", p.street);
  Text(n, "CITY", p.city);
  Text(n, "STATE_PROVINCE", p.state);
  if (!birth) Text(n, "ZIP_CODE", p.zip);
  Text(n, "COUNTRY", p.country.empty() ? p.country_code : p.country);
  Text(n, "NOTE", p.note);
}

}  // namespace

std::string WriteFtmJson(const std::vector<model::Entity>& entities) {
  std::string out;
  for (const model::Entity& e : entities) {
    const std::string id = FtmId(e);
    json props = json::object();
    for (const model::Name& n : e.names) {
      switch (n.kind) {
        case model::NameKind::kPrimary:
          Add(props, "name", n.full);
          for (const model::NamePart& part : n.parts) {
            if (part.role == model::NamePartRole::kGiven) Add(props, "firstName", part.text);
            if (part.role == model::NamePartRole::kFamily) Add(props, "lastName", part.text);
            if (part.role == model::NamePartRole::kPatronymic) Add(props, "fatherName", part.text);
            if (part.role == model::NamePartRole::kMiddle) Add(props, "middleName", part.text);
          }
          break;
        case model::NameKind::kGoodAlias:
        case model::NameKind::kOriginalScript:
          Add(props, "alias", n.full);
          break;
        case model::NameKind::kLowAlias:
          Add(props, "weakAlias", n.full);
          break;
        case model::NameKind::kFormerName:
          Add(props, "previousName", n.full);
          break;
      }
    }
    if (!props.contains("name") && !e.names.empty()) Add(props, "name", e.names[0].full);
    for (const model::DateOfBirth& d : e.dates_of_birth) {
      Add(props, "birthDate", d.from.ToString());
      if (d.kind == model::DateOfBirth::Kind::kBetween) Add(props, "birthDate", d.to.ToString());
    }
    for (const model::Place& p : e.places_of_birth) Add(props, "birthPlace", PlaceText(p));
    const bool person = e.kind == model::EntityKind::kPerson;
    // FtM countries are codes: a text no code was found for ("na" = not
    // available in the UN list) cannot be carried.
    for (const model::Nationality& n : e.nationalities) {
      if (!n.country_code.empty())
        Add(props, person ? "nationality" : "country", Lower(n.country_code));
    }
    if (e.gender != model::Gender::kUnknown)
      Add(props, "gender", std::string(model::ToString(e.gender)));
    for (const model::Place& p : e.addresses) Add(props, "address", PlaceText(p));
    for (const std::string& t : e.titles) Add(props, "title", t);
    for (const std::string& d : e.designations) Add(props, "position", d);
    Add(props, "program", e.program);
    Add(props, "notes", e.comments);
    Add(props, "topics", "sanction");
    json entity = {{"id", id},
                   {"schema", FtmSchema(e.kind)},
                   {"caption", e.names.empty() ? id : e.names[0].full},
                   {"properties", props},
                   {"datasets", json::array({e.list_id})},
                   {"target", true}};
    out += entity.dump(-1, ' ', false, json::error_handler_t::replace);
    out += '\n';

    int k = 0;
    for (const model::Document& d : e.documents) {
      const bool passport = Lower(d.type).find("passport") != std::string::npos;
      json dp = json::object();
      Add(dp, "holder", id);
      Add(dp, "number", d.number);
      Add(dp, "type", d.type);
      Add(dp, "country", d.country_code.empty() ? d.issuing_country : Lower(d.country_code));
      Add(dp, "startDate", d.issue_date);
      Add(dp, "summary", d.note);
      json doc = {{"id", id + "-doc-" + std::to_string(++k)},
                  {"schema", passport ? "Passport" : "Identification"},
                  {"properties", dp}};
      out += doc.dump(-1, ' ', false, json::error_handler_t::replace);
      out += '\n';
    }
    json sp = json::object();
    Add(sp, "entity", id);
    Add(sp, "authority", e.list_id);
    Add(sp, "authorityId", e.reference);
    Add(sp, "program", e.program);
    Add(sp, "listingDate", e.listed_on);
    json sanction = {{"id", id + "-sanction"}, {"schema", "Sanction"}, {"properties", sp}};
    out += sanction.dump(-1, ' ', false, json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

std::string WriteListXml(const ParsedList& list) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = doc.append_child("CONSOLIDATED_LIST");
  root.append_attribute("dateGenerated") = list.generated_at.c_str();
  pugi::xml_node individuals = root.append_child("INDIVIDUALS");
  pugi::xml_node entities = root.append_child("ENTITIES");
  for (const model::Entity& e : list.entities) {
    const bool person = e.kind == model::EntityKind::kPerson;
    pugi::xml_node r =
        (person ? individuals : entities).append_child(person ? "INDIVIDUAL" : "ENTITY");
    Text(r, "DATAID", e.source_id.empty() ? e.id : e.source_id);
    Text(r, "VERSIONNUM", e.version.empty() ? "1" : e.version);
    // The primary name: its parts when there are at most four, else whole.
    const model::Name* primary = nullptr;
    for (const model::Name& n : e.names) {
      if (n.kind == model::NameKind::kPrimary) {
        primary = &n;
        break;
      }
    }
    if (primary != nullptr) {
      static constexpr const char* kFields[] = {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME",
                                                "FOURTH_NAME"};
      std::string joined;
      for (const model::NamePart& p : primary->parts)
        joined += (joined.empty() ? "" : " ") + p.text;
      if (!primary->parts.empty() && primary->parts.size() <= 4 && joined == primary->full) {
        for (size_t i = 0; i < primary->parts.size(); ++i)
          Text(r, kFields[i], primary->parts[i].text);
      } else {
        Text(r, "FIRST_NAME", primary->full);
      }
    }
    Text(r, "UN_LIST_TYPE", e.program);
    Text(r, "REFERENCE_NUMBER", e.reference);
    Text(r, "LISTED_ON", e.listed_on);
    if (e.gender != model::Gender::kUnknown) {
      Text(r, "GENDER", e.gender == model::Gender::kMale ? "Male" : "Female");
    }
    Text(r, "COMMENTS1", e.comments);
    for (const model::Name& n : e.names) {
      if (n.kind == model::NameKind::kOriginalScript) {
        Text(r, "NAME_ORIGINAL_SCRIPT", n.full);
        break;
      }
    }
    Values(r, "TITLE", e.titles);
    Values(r, "DESIGNATION", e.designations);
    std::vector<std::string> nats;
    for (const model::Nationality& n : e.nationalities)
      nats.push_back(n.text.empty() ? n.country_code : n.text);
    Values(r, "NATIONALITY", nats);
    Values(r, "LIST_TYPE", e.list_types);
    Values(r, "LAST_DAY_UPDATED", e.last_updated);
    bool original_written = false;
    for (const model::Name& n : e.names) {
      if (&n == primary) continue;
      if (n.kind == model::NameKind::kOriginalScript && !original_written) {
        original_written = true;
        continue;
      }
      pugi::xml_node a = r.append_child(person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS");
      Text(a, "QUALITY",
           n.kind == model::NameKind::kLowAlias     ? "Low"
           : n.kind == model::NameKind::kFormerName ? "f.k.a."
                                                    : "Good");
      Text(a, "ALIAS_NAME", n.full);
      Text(a, "NOTE", n.note);
    }
    for (const model::Place& p : e.addresses) {
      PlaceXml(r.append_child(person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS"), p, false);
    }
    for (const model::DateOfBirth& d : e.dates_of_birth) {
      pugi::xml_node n = r.append_child("INDIVIDUAL_DATE_OF_BIRTH");
      if (d.kind == model::DateOfBirth::Kind::kBetween) {
        Text(n, "TYPE_OF_DATE", "BETWEEN");
        if (!d.from.empty()) Text(n, "FROM_YEAR", std::to_string(d.from.year));
        if (!d.to.empty()) Text(n, "TO_YEAR", std::to_string(d.to.year));
      } else {
        Text(n, "TYPE_OF_DATE",
             d.kind == model::DateOfBirth::Kind::kApproximate ? "APPROXIMATELY" : "EXACT");
        if (d.from.full()) {
          Text(n, "DATE", d.from.ToString());
        } else if (!d.from.empty()) {
          Text(n, "YEAR", std::to_string(d.from.year));
        }
      }
      Text(n, "NOTE", d.note);
    }
    for (const model::Place& p : e.places_of_birth) {
      PlaceXml(r.append_child("INDIVIDUAL_PLACE_OF_BIRTH"), p, true);
    }
    for (const model::Document& d : e.documents) {
      pugi::xml_node n = r.append_child("INDIVIDUAL_DOCUMENT");
      Text(n, "TYPE_OF_DOCUMENT", d.type);
      Text(n, "TYPE_OF_DOCUMENT2", d.type2);
      Text(n, "NUMBER", d.number);
      Text(n, "ISSUING_COUNTRY", d.issuing_country.empty() ? d.country_code : d.issuing_country);
      Text(n, "DATE_OF_ISSUE", d.issue_date);
      Text(n, "CITY_OF_ISSUE", d.issue_city);
      Text(n, "NOTE", d.note);
    }
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

std::string WriteListCsv(const std::vector<model::Entity>& entities) {
  std::string out =
      "id,kind,name,aliases,dates_of_birth,nationalities,documents,program,reference,listed_on\r\n";
  for (const model::Entity& e : entities) {
    std::string aliases, dobs, nats, docs;
    auto join = [](std::string* s, const std::string& v) {
      if (v.empty()) return;
      if (!s->empty()) *s += " | ";
      *s += v;
    };
    for (size_t i = 1; i < e.names.size(); ++i) join(&aliases, e.names[i].full);
    for (const model::DateOfBirth& d : e.dates_of_birth) join(&dobs, DobText(d));
    for (const model::Nationality& n : e.nationalities) {
      join(&nats, n.country_code.empty() ? n.text : n.country_code);
    }
    for (const model::Document& d : e.documents) {
      join(&docs, d.type + " " + d.number +
                      (d.country_code.empty() ? std::string() : " (" + d.country_code + ")"));
    }
    const std::string fields[] = {e.id,
                                  std::string(model::ToString(e.kind)),
                                  e.names.empty() ? "" : e.names[0].full,
                                  aliases,
                                  dobs,
                                  nats,
                                  docs,
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
