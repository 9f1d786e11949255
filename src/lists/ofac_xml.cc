// ParseOfacXml (lists/list_file.h): OFAC's SDN list as XML, in the classic
// form (<sdnList> with one <sdnEntry> per party and its aka, id, address,
// nationality, citizenship, date- and place-of-birth lists) and the
// Advanced form (<Sanctions> with DistinctParties whose names, features and
// documents refer to reference-value tables by id).
#include <pugixml.hpp>
#include <string>
#include <unordered_map>

#include "lists/field_util.h"
#include "lists/list_file.h"
#include "lists/ofac_remarks.h"
#include "model/country.h"

namespace hudud::lists {
namespace {

std::string Child(pugi::xml_node n, const char* name) {
  return TrimCopy(n.child(name).text().get());
}

// "Last, First" as the CSV writes it, so both forms give the same names.
std::string PersonName(pugi::xml_node n) {
  std::string last = Child(n, "lastName"), first = Child(n, "firstName");
  if (first.empty()) return last;
  if (last.empty()) return first;
  return last + ", " + first;
}

Result<ParsedList> ParseClassic(pugi::xml_node root, std::string_view xml, const std::string& src) {
  auto at = [&](pugi::xml_node n) {
    return src + ", line " + std::to_string(LineAt(xml, n.offset_debug())) + ": ";
  };
  ParsedList list;
  list.list_id = "ofac-sdn";
  list.format = "ofac-xml";
  list.generated_at = Child(root.child("publshInformation"), "Publish_Date");
  std::unordered_map<std::string, bool> seen;
  for (pugi::xml_node s : root.children("sdnEntry")) {
    model::Entity e;
    e.source_id = Child(s, "uid");
    if (e.source_id.empty()) return Status::InvalidArgument(at(s) + "<sdnEntry> without <uid>");
    if (!seen.emplace(e.source_id, true).second) {
      return Status::InvalidArgument(at(s) + "uid " + e.source_id + " appears twice");
    }
    e.id = "ofac-sdn:" + e.source_id;
    e.list_id = "ofac-sdn";
    std::string type = Child(s, "sdnType");
    e.kind = type == "Individual" ? model::EntityKind::kPerson
             : type == "Vessel"   ? model::EntityKind::kVessel
             : type == "Aircraft" ? model::EntityKind::kAircraft
                                  : model::EntityKind::kOrganization;
    const bool person = e.kind == model::EntityKind::kPerson;
    model::Name primary;
    primary.full = person ? PersonName(s) : Child(s, "lastName");
    if (primary.full.empty())
      return Status::InvalidArgument(at(s) + "sdnEntry " + e.source_id + " has no name");
    if (person) SetOfacNameParts(&primary);
    e.names.push_back(primary);
    if (std::string t = Child(s, "title"); !t.empty()) e.titles.push_back(t);
    for (pugi::xml_node p : s.child("programList").children("program")) {
      std::string v = TrimCopy(p.text().get());
      if (v.empty()) continue;
      e.list_types.push_back(v);
      e.program += (e.program.empty() ? "" : "; ") + v;
    }
    for (pugi::xml_node a : s.child("akaList").children("aka")) {
      model::Name n;
      n.full = person ? PersonName(a) : Child(a, "lastName");
      if (n.full.empty()) continue;
      std::string t = Child(a, "type"), category = Child(a, "category");
      n.kind = t == "f.k.a."        ? model::NameKind::kFormerName
               : category == "weak" ? model::NameKind::kLowAlias
                                    : model::NameKind::kGoodAlias;
      if (person) SetOfacNameParts(&n);
      e.names.push_back(n);
    }
    for (pugi::xml_node i : s.child("idList").children("id")) {
      model::Document d;
      d.type = Child(i, "idType");
      d.number = Child(i, "idNumber");
      d.issuing_country = Child(i, "idCountry");
      d.country_code = model::ResolveCountryCode(d.issuing_country);
      d.issue_date = Child(i, "issueDate");
      if (std::string x = Child(i, "expirationDate"); !x.empty()) d.note = "expires " + x;
      if (d.number.empty()) continue;
      e.documents.push_back(d);
    }
    for (pugi::xml_node a : s.child("addressList").children("address")) {
      model::Place p;
      for (const char* k : {"address1", "address2", "address3"}) {
        std::string v = Child(a, k);
        if (!v.empty()) p.street += (p.street.empty() ? "" : ", ") + v;
      }
      p.city = Child(a, "city");
      p.state = Child(a, "stateOrProvince");
      p.zip = Child(a, "postalCode");
      p.country = Child(a, "country");
      p.country_code = model::ResolveCountryCode(p.country);
      if (!p.street.empty() || !p.city.empty() || !p.country.empty()) e.addresses.push_back(p);
    }
    for (const char* group : {"nationalityList", "citizenshipList"}) {
      for (pugi::xml_node n : s.child(group).children()) AddNationality(&e, Child(n, "country"));
    }
    for (pugi::xml_node d : s.child("dateOfBirthList").children("dateOfBirthItem")) {
      std::string text = Child(d, "dateOfBirth");
      model::DateOfBirth dob;
      if (!ParseOfacDate(text, &dob)) {
        return Status::InvalidArgument(at(d) + "sdnEntry " + e.source_id +
                                       ": invalid dateOfBirth \"" + text + "\"");
      }
      e.dates_of_birth.push_back(dob);
    }
    for (pugi::xml_node p : s.child("placeOfBirthList").children("placeOfBirthItem")) {
      std::string text = Child(p, "placeOfBirth");
      if (text.empty()) continue;
      model::Place place;
      size_t comma = text.rfind(',');
      std::string last = TrimCopy(comma == std::string::npos ? text : text.substr(comma + 1));
      place.country_code = model::ResolveCountryCode(last);
      if (!place.country_code.empty()) {
        place.country = last;
        place.city = comma == std::string::npos ? "" : TrimCopy(text.substr(0, comma));
      } else {
        place.city = text;
      }
      e.places_of_birth.push_back(place);
    }
    if (pugi::xml_node v = s.child("vesselInfo")) {
      if (std::string cs = Child(v, "callSign"); !cs.empty()) {
        model::Document d;
        d.type = "Call Sign";
        d.number = cs;
        e.documents.push_back(d);
      }
      if (std::string flag = Child(v, "vesselFlag"); !flag.empty()) AddNationality(&e, flag);
      std::string info;
      for (const char* k : {"vesselType", "tonnage", "grossRegisteredTonnage", "vesselOwner"}) {
        std::string x = Child(v, k);
        if (!x.empty()) info += (info.empty() ? "" : "; ") + std::string(k) + " " + x;
      }
      if (!info.empty()) e.designations.push_back(info);
    }
    // Remarks may still hold facts the structured lists leave out.
    e.comments = Child(s, "remarks");
    if (!e.comments.empty()) {
      model::Entity from_remarks;
      from_remarks.kind = e.kind;
      ApplyOfacRemarks(e.comments, &from_remarks);
      for (model::Name& n : from_remarks.names) AddName(&e, n.full, n.kind);
      if (e.gender == model::Gender::kUnknown) e.gender = from_remarks.gender;
    }
    list.entities.push_back(std::move(e));
  }
  return list;
}

}  // namespace

Result<ParsedList> ParseOfacXml(std::string_view xml, std::string_view source_name) {
  const std::string src(source_name);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return Status::InvalidArgument(src + ", line " + std::to_string(LineAt(xml, parsed.offset)) +
                                   ": malformed XML: " + parsed.description());
  }
  if (pugi::xml_node root = doc.child("sdnList")) return ParseClassic(root, xml, src);
  if (doc.child("Sanctions")) {
    return Status::Unsupported(src +
                               ": OFAC Advanced XML (<Sanctions>) is not read yet; use "
                               "sdn.xml or the CSV set (sdn.csv)");
  }
  return Status::InvalidArgument(src + ": no <sdnList> root (not an OFAC SDN XML file)");
}

}  // namespace hudud::lists
