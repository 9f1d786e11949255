// ParseOfacXml (lists/list_file.h): OFAC's SDN list as XML, in the classic
// form (sdn.xml: <sdnList> with one <sdnEntry> per party and its aka, id,
// address, nationality, citizenship, date- and place-of-birth lists) and
// the Advanced form (SDN_ADVANCED.XML: <Sanctions> whose DistinctParties
// name their features, documents and locations by id, and whose
// ReferenceValueSets say what every type id means).
//
// Choices the formats leave open:
// - Both forms give the entity the CSV set gives (ofac_csv.cc): names as
//   "SURNAME, Given" with family/given parts, weak a.k.a. as kLowAlias,
//   f.k.a. as kFormerName, the same document types ("IMO" for a vessel's
//   IMO number), vessel facts in comments. What the forms share with the
//   remarks goes through lists/ofac_remarks.h.
// - sdn.xml lists some non-identity facts as <id> (Website, Linked To,
//   sanctions information, Gender); they go where the remarks' words would
//   (gender, nationality, comments), not into documents.
// - sdn.xml <remarks> may still state facts the lists leave out: those
//   not already there are added (a date of birth only when the entry has
//   none).
// - Advanced XML: the type ids are looked up by name in the file's own
//   ReferenceValueSets (never hard-coded), and an id the file does not
//   define is an error. Date periods become the partial date they span
//   ("1962-01-01".."1962-12-31" is 1962). Features the model has no place
//   for (Website, Organization Established Date, ...) and the profile
//   relationships ("Linked To: ...") go to comments as "<type> <value>".
// - Dates that are not dates are errors naming the line, never dropped.
#include <algorithm>
#include <cctype>
#include <exception>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lists/csv.h"
#include "lists/field_util.h"
#include "lists/list_file.h"
#include "lists/ofac_remarks.h"
#include "model/country.h"

namespace hudud::lists {
namespace {

using model::DateOfBirth;
using model::PartialDate;

// Trims and turns every run of white space (and CRs: the parser keeps
// line ends as written so offsets stay true) into one space.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Text(pugi::xml_node n) { return Collapse(n.text().get()); }
std::string Child(pugi::xml_node n, const char* name) { return Text(n.child(name)); }

void Append(std::string* to, const std::string& text, const char* sep) {
  if (text.empty()) return;
  if (!to->empty()) *to += sep;
  *to += text;
}

// Adds names only the remarks or the second source give, keeping the
// stronger kind a name already has.
void MergeFacts(const model::Entity& from, model::Entity* e) {
  for (const model::Name& n : from.names) {
    bool have = false;
    for (const model::Name& m : e->names) have = have || m.full == n.full;
    if (!have) e->names.push_back(n);
  }
  if (e->dates_of_birth.empty()) e->dates_of_birth = from.dates_of_birth;
  if (e->places_of_birth.empty()) e->places_of_birth = from.places_of_birth;
  for (const model::Nationality& n : from.nationalities) {
    AddNationality(e, n.text, n.country_code);
  }
  if (e->gender == model::Gender::kUnknown) e->gender = from.gender;
  for (const model::Document& d : from.documents) {
    bool have = false;
    for (const model::Document& m : e->documents) have = have || m.number == d.number;
    if (!have) e->documents.push_back(d);
  }
}

// Shared by both forms: the file, line numbers and the list being built.
class XmlSource {
 public:
  XmlSource(std::string_view xml, std::string_view source) : xml_(xml), source_(source) {}

  std::string Where(ptrdiff_t offset) const {
    if (offset < 0) return source_ + ", unknown line: ";
    return source_ + ", line " + std::to_string(LineAt(xml_, offset)) + ": ";
  }
  std::string At(pugi::xml_node n) const { return Where(n.offset_debug()); }
  Status Error(pugi::xml_node n, const std::string& what) const {
    return Status::Corruption(At(n) + what);
  }

  // A new entity with its id checked: present, and not seen before.
  Status NewEntity(pugi::xml_node at, const std::string& id, const char* what, model::Entity* e) {
    if (id.empty()) return Error(at, std::string("<") + at.name() + "> without " + what);
    if (!seen_.insert(id).second) return Error(at, std::string(what) + " " + id + " appears twice");
    e->source_id = id;
    e->id = "ofac-sdn:" + id;
    e->list_id = "ofac-sdn";
    return Status::Ok();
  }

 private:
  std::string_view xml_;
  std::string source_;
  std::unordered_set<std::string> seen_;
};

// ---- The classic sdn.xml.

model::Document Fact(std::string type, std::string value) {
  model::Document d;
  d.type = std::move(type);
  d.number = std::move(value);
  return d;
}

// "Last, First" as the CSV writes it, so both forms give the same names.
std::string LastFirst(pugi::xml_node n) {
  std::string last = Child(n, "lastName"), first = Child(n, "firstName");
  if (first.empty()) return last;
  if (last.empty()) return first;
  return last + ", " + first;
}

model::EntityKind KindOf(const std::string& sdn_type) {
  const std::string t = AsciiLower(sdn_type);
  if (t == "individual") return model::EntityKind::kPerson;
  if (t == "vessel") return model::EntityKind::kVessel;
  if (t == "aircraft") return model::EntityKind::kAircraft;
  return model::EntityKind::kOrganization;
}

Status ParseSdnEntry(XmlSource& src, pugi::xml_node s, ParsedList* list) {
  model::Entity e;
  HUDUD_RETURN_IF_ERROR(src.NewEntity(s, Child(s, "uid"), "uid", &e));
  e.kind = KindOf(Child(s, "sdnType"));
  const bool person = e.kind == model::EntityKind::kPerson;
  model::Name primary;
  primary.full = LastFirst(s);
  if (primary.full.empty()) return src.Error(s, "sdnEntry " + e.source_id + " has no name");
  if (person) SetOfacNameParts(&primary);
  e.names.push_back(std::move(primary));
  if (std::string t = Child(s, "title"); !t.empty()) e.titles.push_back(t);
  for (pugi::xml_node p : s.child("programList").children("program")) {
    std::string v = Text(p);
    if (v.empty()) continue;
    e.list_types.push_back(v);
    Append(&e.program, v, "; ");
  }
  for (pugi::xml_node a : s.child("akaList").children("aka")) {
    model::Name n;
    n.full = LastFirst(a);
    if (n.full.empty()) continue;
    const std::string type = AsciiLower(Child(a, "type"));
    n.kind = type == "f.k.a."                             ? model::NameKind::kFormerName
             : AsciiLower(Child(a, "category")) == "weak" ? model::NameKind::kLowAlias
                                                          : model::NameKind::kGoodAlias;
    if (type == "n.k.a.") n.note = "now known as";
    if (person) SetOfacNameParts(&n);
    e.names.push_back(std::move(n));
  }
  std::string facts;  // <id>s that are not documents, for comments
  for (pugi::xml_node i : s.child("idList").children("id")) {
    model::Document d;
    d.type = Child(i, "idType");
    d.number = Child(i, "idNumber");
    d.issuing_country = Child(i, "idCountry");
    d.issue_date = Child(i, "issueDate");
    if (std::string x = Child(i, "expirationDate"); !x.empty()) d.note = "expires " + x;
    if (d.type.empty() && d.number.empty()) continue;
    if (!ApplyOfacTypedFact(d, &e)) Append(&facts, TrimCopy(d.type + " " + d.number), "; ");
  }
  for (pugi::xml_node a : s.child("addressList").children("address")) {
    model::Place p;
    for (const char* k : {"address1", "address2", "address3"}) Append(&p.street, Child(a, k), ", ");
    p.city = Child(a, "city");
    p.state = Child(a, "stateOrProvince");
    p.zip = Child(a, "postalCode");
    p.country = Child(a, "country");
    p.country_code = model::ResolveCountryCode(p.country);
    if (!p.street.empty() || !p.city.empty() || !p.state.empty() || !p.zip.empty() ||
        !p.country.empty()) {
      e.addresses.push_back(std::move(p));
    }
  }
  for (const char* group : {"nationalityList", "citizenshipList"}) {
    for (pugi::xml_node n : s.child(group).children()) AddNationality(&e, Child(n, "country"));
  }
  for (pugi::xml_node d : s.child("dateOfBirthList").children("dateOfBirthItem")) {
    const std::string text = Child(d, "dateOfBirth");
    if (text.empty()) continue;
    DateOfBirth dob;
    if (!ParseOfacDate(text, &dob)) {
      return src.Error(d.child("dateOfBirth"),
                       "sdnEntry " + e.source_id + ": invalid dateOfBirth \"" + text + "\"");
    }
    e.dates_of_birth.push_back(dob);
  }
  for (pugi::xml_node p : s.child("placeOfBirthList").children("placeOfBirthItem")) {
    const std::string text = Child(p, "placeOfBirth");
    if (!text.empty()) e.places_of_birth.push_back(ParseOfacPlace(text));
  }
  std::string vessel;
  if (pugi::xml_node v = s.child("vesselInfo")) {
    ApplyOfacTypedFact(Fact("Vessel Call Sign", Child(v, "callSign")), &e);
    ApplyOfacTypedFact(Fact("Vessel Flag", Child(v, "vesselFlag")), &e);
    const std::pair<const char*, const char*> fields[] = {{"vesselType", "Vessel Type"},
                                                          {"tonnage", "Tonnage"},
                                                          {"grossRegisteredTonnage", "GRT"},
                                                          {"vesselFlag", "Vessel Flag"},
                                                          {"vesselOwner", "Vessel Owner"}};
    for (const auto& [element, label] : fields) {
      if (std::string x = Child(v, element); !x.empty()) {
        Append(&vessel, std::string(label) + ": " + x, "; ");
      }
    }
  }
  const std::string remarks = Child(s, "remarks");
  if (!remarks.empty()) {
    model::Entity from_remarks;
    from_remarks.kind = e.kind;
    ApplyOfacRemarks(remarks, &from_remarks);
    MergeFacts(from_remarks, &e);
  }
  Append(&e.comments, remarks, "\n");
  Append(&e.comments, facts, "\n");
  Append(&e.comments, vessel, "\n");
  list->entities.push_back(std::move(e));
  return Status::Ok();
}

Result<ParsedList> ParseClassic(XmlSource& src, pugi::xml_node root) {
  ParsedList list;
  list.list_id = "ofac-sdn";
  list.format = "ofac-xml";
  list.generated_at = Child(root.child("publshInformation"), "Publish_Date");
  for (pugi::xml_node s : root.children("sdnEntry")) {
    HUDUD_RETURN_IF_ERROR(ParseSdnEntry(src, s, &list));
  }
  return list;
}

// ---- The Advanced XML.

// The vessel features the CSV has fields for, under the CSV's labels (so
// both forms write the same comments); nullptr for others.
const char* VesselLabel(const std::string& lower_type) {
  if (lower_type == "vessel type") return "Vessel Type";
  if (lower_type == "vessel tonnage") return "Tonnage";
  if (lower_type == "vessel gross registered tonnage") return "GRT";
  if (lower_type == "vessel owner") return "Vessel Owner";
  return nullptr;
}

int Int(pugi::xml_node n) {
  const std::string t = Text(n);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (t.empty() || t.size() > 4 || !std::all_of(t.begin(), t.end(), digit)) return -1;
  return std::stoi(t);
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

class AdvancedParser {
 public:
  AdvancedParser(XmlSource& src, pugi::xml_node root) : src_(src), root_(root) {}

  Result<ParsedList> Parse() {
    list_.list_id = "ofac-sdn";
    list_.format = "ofac-xml";
    if (pugi::xml_node d = root_.child("DateOfIssue")) {
      std::optional<PartialDate> date;
      HUDUD_RETURN_IF_ERROR(Date(d, &date));
      if (date) list_.generated_at = date->ToString();
    }
    for (pugi::xml_node set : root_.child("ReferenceValueSets").children()) {
      for (pugi::xml_node v : set.children()) {
        refs_[std::string(v.name()) + "#" + v.attribute("ID").value()] = v;
      }
    }
    for (pugi::xml_node l : root_.child("Locations").children("Location")) {
      HUDUD_RETURN_IF_ERROR(ReadLocation(l));
    }
    for (pugi::xml_node d : root_.child("IDRegDocuments").children("IDRegDocument")) {
      HUDUD_RETURN_IF_ERROR(ReadDocument(d));
    }
    for (pugi::xml_node p : root_.child("DistinctParties").children("DistinctParty")) {
      HUDUD_RETURN_IF_ERROR(ReadParty(p));
    }
    // A document of no party's identity: the file is inconsistent.
    for (pugi::xml_node d : root_.child("IDRegDocuments").children("IDRegDocument")) {
      const std::string identity = d.attribute("IdentityID").value();
      if (!identities_.count(identity)) {
        return src_.Error(d, "<IDRegDocument> IdentityID \"" + identity +
                                 "\" is not the Identity of a DistinctParty");
      }
    }
    for (pugi::xml_node s : root_.child("SanctionsEntries").children("SanctionsEntry")) {
      HUDUD_RETURN_IF_ERROR(ReadSanctionsEntry(s));
    }
    for (pugi::xml_node r : root_.child("ProfileRelationships").children("ProfileRelationship")) {
      HUDUD_RETURN_IF_ERROR(ReadRelationship(r));
    }
    for (size_t i = 0; i < list_.entities.size(); ++i) {
      model::Entity& e = list_.entities[i];
      Append(&e.comments, facts_[i], "\n");
      Append(&e.comments, vessel_[i], "\n");
    }
    return std::move(list_);
  }

 private:
  // The reference value `kind` (AliasType, FeatureType, ...) that attribute
  // `attr` of `n` names; an id the file does not define is an error.
  Status Ref(pugi::xml_node n, const char* attr, const char* kind, pugi::xml_node* out) const {
    const std::string id = n.attribute(attr).value();
    auto it = refs_.find(std::string(kind) + "#" + id);
    if (it == refs_.end()) {
      return src_.Error(n, std::string("<") + n.name() + "> " + attr + " \"" + id + "\" is not a " +
                               kind + " in ReferenceValueSets");
    }
    *out = it->second;
    return Status::Ok();
  }
  Status RefText(pugi::xml_node n, const char* attr, const char* kind, std::string* out) const {
    pugi::xml_node v;
    HUDUD_RETURN_IF_ERROR(Ref(n, attr, kind, &v));
    *out = Text(v);
    return Status::Ok();
  }

  // <Year>, <Month>, <Day> children: a (partial) date, or none when empty.
  Status Date(pugi::xml_node n, std::optional<PartialDate>* out) const {
    *out = std::nullopt;
    const int y = Int(n.child("Year")), m = Int(n.child("Month")), d = Int(n.child("Day"));
    if (!n.child("Year")) return Status::Ok();
    const bool bad_month = n.child("Month") && (m < 1 || m > 12);
    if (y < 1 || bad_month ||
        (n.child("Day") &&
         (!n.child("Month") || d < 1 || (m >= 1 && m <= 12 && d > DaysIn(y, m))))) {
      return src_.Error(n, std::string("<") + n.name() + "> is not a date (Year " +
                               Child(n, "Year") + ", Month " + Child(n, "Month") + ", Day " +
                               Child(n, "Day") + ")");
    }
    PartialDate p;
    p.year = static_cast<int16_t>(y);
    p.month = static_cast<int8_t>(std::max(m, 0));
    p.day = static_cast<int8_t>(std::max(d, 0));
    *out = p;
    return Status::Ok();
  }

  // A <DatePeriod> (Start and End, each From..To) as the date it spans:
  // one day, a month or a year when it covers exactly that, else a range;
  // "Approximate" on either end makes it circa.
  Status Period(pugi::xml_node period, DateOfBirth* out) const {
    pugi::xml_node start = period.child("Start"), end = period.child("End");
    pugi::xml_node a_node = start.child("From") ? start.child("From") : start;
    pugi::xml_node b_node = end.child("To") ? end.child("To") : end;
    if (!end) b_node = start.child("To") ? start.child("To") : a_node;
    std::optional<PartialDate> a, b;
    HUDUD_RETURN_IF_ERROR(Date(a_node, &a));
    HUDUD_RETURN_IF_ERROR(Date(b_node, &b));
    if (!a && !b) return src_.Error(period, "<DatePeriod> without a date");
    if (!a) a = b;
    if (!b) b = a;
    DateOfBirth d;
    if (a->year == b->year && a->month == 1 && a->day == 1 && b->month == 12 && b->day == 31) {
      d.from = {a->year, 0, 0};
    } else if (a->year == b->year && a->month == b->month && a->month != 0 && a->day == 1 &&
               b->day == DaysIn(b->year, b->month)) {
      d.from = {a->year, a->month, 0};
    } else if (*a == *b) {
      d.from = *a;
    } else {
      d.kind = DateOfBirth::Kind::kBetween;
      const bool whole_years = a->month == 1 && a->day == 1 && b->month == 12 && b->day == 31;
      d.from = whole_years ? PartialDate{a->year, 0, 0} : *a;
      d.to = whole_years ? PartialDate{b->year, 0, 0} : *b;
    }
    const auto approximate = [](pugi::xml_node n) {
      return std::string_view(n.attribute("Approximate").value()) == "true";
    };
    if (d.kind == DateOfBirth::Kind::kExact && (approximate(start) || approximate(end))) {
      d.kind = DateOfBirth::Kind::kApproximate;
    }
    *out = d;
    return Status::Ok();
  }

  Status ReadLocation(pugi::xml_node l) {
    model::Place p;
    for (pugi::xml_node part : l.children("LocationPart")) {
      std::string type;
      HUDUD_RETURN_IF_ERROR(RefText(part, "LocPartTypeID", "LocPartType", &type));
      // The primary value when several spellings are given.
      pugi::xml_node value = part.find_child_by_attribute("LocationPartValue", "Primary", "true");
      if (!value) value = part.child("LocationPartValue");
      const std::string v = Child(value, "Value");
      const std::string t = AsciiLower(type);
      if (t.rfind("address", 0) == 0) {
        Append(&p.street, v, ", ");
      } else if (t == "city") {
        p.city = v;
      } else if (t == "state/province" || t == "region") {
        Append(&p.state, v, ", ");
      } else if (t == "postal code") {
        p.zip = v;
      } else {
        Append(&p.note, v, ", ");
      }
    }
    if (pugi::xml_node c = l.child("LocationCountry")) {
      pugi::xml_node country;
      HUDUD_RETURN_IF_ERROR(Ref(c, "CountryID", "Country", &country));
      p.country = Text(country);
      p.country_code = country.attribute("ISO2").value();
      if (p.country_code.empty() || p.country_code == "-") {
        p.country_code = model::ResolveCountryCode(p.country);
      }
    }
    locations_[l.attribute("ID").value()] = p;
    return Status::Ok();
  }

  Status Location(pugi::xml_node ref, model::Place* out) const {
    auto it = locations_.find(ref.attribute("LocationID").value());
    if (it == locations_.end()) {
      return src_.Error(ref, std::string("LocationID \"") + ref.attribute("LocationID").value() +
                                 "\" is not a <Location> of the file");
    }
    *out = it->second;
    return Status::Ok();
  }

  Status ReadDocument(pugi::xml_node n) {
    model::Document d;
    HUDUD_RETURN_IF_ERROR(RefText(n, "IDRegDocTypeID", "IDRegDocType", &d.type));
    d.number = Child(n, "IDRegistrationNo");
    if (n.attribute("IssuedBy-CountryID")) {
      pugi::xml_node country;
      HUDUD_RETURN_IF_ERROR(Ref(n, "IssuedBy-CountryID", "Country", &country));
      d.issuing_country = Text(country);
      d.country_code = country.attribute("ISO2").value();
    }
    for (pugi::xml_node date : n.children("DocumentDate")) {
      std::string type;
      HUDUD_RETURN_IF_ERROR(RefText(date, "IDRegDocDateTypeID", "IDRegDocDateType", &type));
      DateOfBirth when;
      HUDUD_RETURN_IF_ERROR(Period(date.child("DatePeriod"), &when));
      if (AsciiLower(type).find("issue") != std::string::npos) {
        d.issue_date = when.ToString();
      } else {
        Append(&d.note,
               AsciiLower(type).find("expir") != std::string::npos ? "expires " + when.ToString()
                                                                   : type + " " + when.ToString(),
               "; ");
      }
    }
    Append(&d.note, Child(n, "IssuingAuthority"), "; ");
    Append(&d.note, Child(n, "Comment"), "; ");
    docs_[n.attribute("IdentityID").value()].push_back(std::move(d));
    return Status::Ok();
  }

  // The parts of one DocumentedName as a name: persons as "FAMILY, Given
  // Middle" with parts (the CSV form), others in the order written.
  Status Name(pugi::xml_node dn, const std::unordered_map<std::string, std::string>& groups,
              bool person, model::Name* out) const {
    std::vector<model::NamePart> parts;
    for (pugi::xml_node np : dn.children("DocumentedNamePart")) {
      pugi::xml_node v = np.child("NamePartValue");
      auto it = groups.find(v.attribute("NamePartGroupID").value());
      if (it == groups.end()) {
        return src_.Error(v, std::string("NamePartGroupID \"") +
                                 v.attribute("NamePartGroupID").value() +
                                 "\" is not a NamePartGroup of the identity");
      }
      const std::string t = AsciiLower(it->second);
      model::NamePart p;
      p.text = Text(v);
      p.role = t == "last name" || t == "maiden name" ? model::NamePartRole::kFamily
               : t == "first name"                    ? model::NamePartRole::kGiven
               : t == "middle name"                   ? model::NamePartRole::kMiddle
               : t == "patronymic"                    ? model::NamePartRole::kPatronymic
               : t.find("name") != std::string::npos && t.find("nick") == std::string::npos
                   ? model::NamePartRole::kWhole
                   : model::NamePartRole::kOther;
      if (!p.text.empty()) parts.push_back(std::move(p));
    }
    std::string family;
    std::vector<model::NamePart> others;
    for (const model::NamePart& p : parts) {
      if (p.role == model::NamePartRole::kFamily) {
        Append(&family, p.text, " ");
      } else {
        others.push_back(p);
      }
    }
    if (person && !family.empty() && !others.empty()) {
      // Given before middle before patronymic, as the CSV writes them;
      // the file's order among equals.
      const auto rank = [](model::NamePartRole r) {
        switch (r) {
          case model::NamePartRole::kGiven:
            return 0;
          case model::NamePartRole::kMiddle:
            return 1;
          case model::NamePartRole::kPatronymic:
            return 2;
          default:
            return 3;
        }
      };
      std::stable_sort(others.begin(), others.end(),
                       [&](const auto& x, const auto& y) { return rank(x.role) < rank(y.role); });
      std::string rest;
      for (const model::NamePart& p : others) Append(&rest, p.text, " ");
      out->full = family + ", " + rest;
      out->parts = {{model::NamePartRole::kFamily, family}};
      out->parts.insert(out->parts.end(), others.begin(), others.end());
    } else {
      for (const model::NamePart& p : parts) Append(&out->full, p.text, " ");
      if (person && parts.size() > 1) out->parts = parts;
    }
    return Status::Ok();
  }

  Status ReadIdentity(pugi::xml_node identity, model::Entity* e) {
    std::unordered_map<std::string, std::string> groups;  // NamePartGroup ID -> type
    for (pugi::xml_node m : identity.child("NamePartGroups").children("MasterNamePartGroup")) {
      for (pugi::xml_node g : m.children("NamePartGroup")) {
        HUDUD_RETURN_IF_ERROR(
            RefText(g, "NamePartTypeID", "NamePartType", &groups[g.attribute("ID").value()]));
      }
    }
    const bool person = e->kind == model::EntityKind::kPerson;
    for (pugi::xml_node alias : identity.children("Alias")) {
      std::string type;
      HUDUD_RETURN_IF_ERROR(RefText(alias, "AliasTypeID", "AliasType", &type));
      type = AsciiLower(type);
      const bool primary = std::string_view(alias.attribute("Primary").value()) == "true" &&
                           std::string_view(identity.attribute("Primary").value()) != "false";
      for (pugi::xml_node dn : alias.children("DocumentedName")) {
        model::Name n;
        HUDUD_RETURN_IF_ERROR(Name(dn, groups, person, &n));
        if (n.full.empty()) continue;
        n.kind = primary                                   ? model::NameKind::kPrimary
                 : type == "f.k.a."                        ? model::NameKind::kFormerName
                 : alias.attribute("LowQuality").as_bool() ? model::NameKind::kLowAlias
                                                           : model::NameKind::kGoodAlias;
        if (type == "n.k.a.") n.note = "now known as";
        // A second spelling of the name in another script.
        if (HasNonLatinLetters(n.full)) n.kind = model::NameKind::kOriginalScript;
        bool have = false;
        for (const model::Name& m : e->names) have = have || m.full == n.full;
        if (have) continue;
        // The designated name first, as the other forms have it.
        if (n.kind == model::NameKind::kPrimary) {
          e->names.insert(e->names.begin(), std::move(n));
        } else {
          e->names.push_back(std::move(n));
        }
      }
    }
    identities_.insert(identity.attribute("ID").value());
    for (const model::Document& doc : docs_[identity.attribute("ID").value()]) {
      if (!ApplyOfacTypedFact(doc, e)) {
        Append(&facts_.back(), TrimCopy(doc.type + " " + doc.number), "; ");
      }
    }
    return Status::Ok();
  }

  Status ReadFeature(pugi::xml_node f, model::Entity* e) {
    std::string type;
    HUDUD_RETURN_IF_ERROR(RefText(f, "FeatureTypeID", "FeatureType", &type));
    const std::string t = AsciiLower(type);
    for (pugi::xml_node v : f.children("FeatureVersion")) {
      // The value is a date period, a location, a looked-up or a free text.
      std::string text;
      std::optional<model::Place> place;
      if (pugi::xml_node p = v.child("DatePeriod")) {
        DateOfBirth d;
        HUDUD_RETURN_IF_ERROR(Period(p, &d));
        if (t == "birthdate") {
          e->dates_of_birth.push_back(d);
          continue;
        }
        text = d.ToString();
      } else if (pugi::xml_node l = v.child("VersionLocation")) {
        place.emplace();
        HUDUD_RETURN_IF_ERROR(Location(l, &*place));
        std::string parts;
        for (const std::string* s : {&place->street, &place->city, &place->state, &place->zip,
                                     &place->note, &place->country}) {
          Append(&parts, *s, ", ");
        }
        text = parts;
      } else if (pugi::xml_node d = v.child("VersionDetail")) {
        if (d.attribute("DetailReferenceID")) {
          HUDUD_RETURN_IF_ERROR(RefText(d, "DetailReferenceID", "DetailReference", &text));
        } else {
          text = Text(d);
        }
      }
      if (text.empty()) continue;
      if (t == "birthdate") {
        DateOfBirth d;
        if (!ParseOfacDate(text, &d)) return src_.Error(v, "invalid Birthdate \"" + text + "\"");
        e->dates_of_birth.push_back(d);
      } else if (t == "place of birth") {
        e->places_of_birth.push_back(place ? *place : ParseOfacPlace(text));
      } else if (t == "nationality country" || t == "citizenship country" ||
                 t == "nationality of registration" || t == "vessel flag" ||
                 t == "other vessel flag") {
        if (place && !place->country.empty()) {
          AddNationality(e, place->country, place->country_code);
        } else {
          AddNationality(e, text);
        }
        if (t == "vessel flag") Append(&vessel_.back(), "Vessel Flag: " + text, "; ");
      } else if (t == "location" || t == "address") {
        if (place) e->addresses.push_back(*place);
      } else if (t == "title") {
        e->titles.push_back(text);
      } else if (const char* label = VesselLabel(t)) {
        Append(&vessel_.back(), std::string(label) + ": " + text, "; ");
      } else {
        // Read as the same words in the CSV remarks are (gender, call
        // signs, aircraft numbers land in their fields) and kept as text,
        // as the remarks are.
        const std::string clause = type + " " + text;
        ApplyOfacRemarks(clause, e);
        Append(&facts_.back(), clause, "; ");
      }
    }
    return Status::Ok();
  }

  Status ReadParty(pugi::xml_node party) {
    model::Entity e;
    HUDUD_RETURN_IF_ERROR(
        src_.NewEntity(party, party.attribute("FixedRef").value(), "FixedRef", &e));
    pugi::xml_node profile = party.child("Profile");
    if (!profile) return src_.Error(party, "DistinctParty " + e.source_id + " has no <Profile>");
    pugi::xml_node subtype, type;
    HUDUD_RETURN_IF_ERROR(Ref(profile, "PartySubTypeID", "PartySubType", &subtype));
    HUDUD_RETURN_IF_ERROR(Ref(subtype, "PartyTypeID", "PartyType", &type));
    const std::string sub = AsciiLower(Text(subtype)), kind = AsciiLower(Text(type));
    e.kind = sub == "vessel"        ? model::EntityKind::kVessel
             : sub == "aircraft"    ? model::EntityKind::kAircraft
             : kind == "individual" ? model::EntityKind::kPerson
                                    : model::EntityKind::kOrganization;
    facts_.emplace_back();
    vessel_.emplace_back();
    e.comments = Child(party, "Comment");
    for (pugi::xml_node identity : profile.children("Identity")) {
      HUDUD_RETURN_IF_ERROR(ReadIdentity(identity, &e));
    }
    if (e.names.empty()) return src_.Error(party, "DistinctParty " + e.source_id + " has no name");
    for (pugi::xml_node f : profile.children("Feature")) {
      HUDUD_RETURN_IF_ERROR(ReadFeature(f, &e));
    }
    by_profile_[profile.attribute("ID").value()] = list_.entities.size();
    list_.entities.push_back(std::move(e));
    return Status::Ok();
  }

  Status Profile(pugi::xml_node n, const char* attr, size_t* index) const {
    auto it = by_profile_.find(n.attribute(attr).value());
    if (it == by_profile_.end()) {
      return src_.Error(n, std::string(attr) + " \"" + n.attribute(attr).value() +
                               "\" is not the Profile of a DistinctParty");
    }
    *index = it->second;
    return Status::Ok();
  }

  // The program (SanctionsMeasure of type "Program") and the listing date.
  Status ReadSanctionsEntry(pugi::xml_node s) {
    size_t i = 0;
    HUDUD_RETURN_IF_ERROR(Profile(s, "ProfileID", &i));
    model::Entity& e = list_.entities[i];
    for (pugi::xml_node ev : s.children("EntryEvent")) {
      std::optional<PartialDate> d;
      HUDUD_RETURN_IF_ERROR(Date(ev.child("Date"), &d));
      if (d && d->full() && (e.listed_on.empty() || d->ToString() < e.listed_on)) {
        e.listed_on = d->ToString();
      }
    }
    for (pugi::xml_node m : s.children("SanctionsMeasure")) {
      std::string type;
      HUDUD_RETURN_IF_ERROR(RefText(m, "SanctionsTypeID", "SanctionsType", &type));
      const std::string program = Child(m, "Comment");
      if (AsciiLower(type) != "program" || program.empty()) continue;
      if (std::find(e.list_types.begin(), e.list_types.end(), program) != e.list_types.end()) {
        continue;
      }
      e.list_types.push_back(program);
      Append(&e.program, program, "; ");
    }
    return Status::Ok();
  }

  // "Linked To: <the other party's name>", as the CSV remarks say it.
  Status ReadRelationship(pugi::xml_node r) {
    size_t from = 0, to = 0;
    HUDUD_RETURN_IF_ERROR(Profile(r, "From-ProfileID", &from));
    HUDUD_RETURN_IF_ERROR(Profile(r, "To-ProfileID", &to));
    std::string type;
    HUDUD_RETURN_IF_ERROR(RefText(r, "RelationTypeID", "RelationType", &type));
    Append(&facts_[from], type + ": " + list_.entities[to].names[0].full, "; ");
    return Status::Ok();
  }

  XmlSource& src_;
  pugi::xml_node root_;
  ParsedList list_;
  std::unordered_map<std::string, pugi::xml_node> refs_;  // "<kind>#<ID>" -> value
  std::unordered_map<std::string, model::Place> locations_;
  std::unordered_map<std::string, std::vector<model::Document>> docs_;  // by IdentityID
  std::unordered_set<std::string> identities_;                          // Identity IDs read
  std::unordered_map<std::string, size_t> by_profile_;  // Profile ID -> entity index
  std::vector<std::string> facts_;                      // by entity index: features kept as text
  std::vector<std::string> vessel_;                     // by entity index: vessel facts
};

Result<ParsedList> Parse(std::string_view xml, std::string_view source_name) {
  XmlSource src(xml, source_name);
  size_t bad = 0;
  if (!IsValidUtf8(xml, &bad)) {
    return Status::Corruption(src.Where(static_cast<ptrdiff_t>(bad)) + "invalid UTF-8 at byte " +
                              std::to_string(bad));
  }
  pugi::xml_document doc;
  // No parse_eol: it would shift node offsets on CRLF files, and the line
  // numbers in our errors come from those offsets (Collapse drops the CRs).
  const unsigned options = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_wconv_attribute;
  pugi::xml_parse_result loaded =
      doc.load_buffer(xml.data(), xml.size(), options, pugi::encoding_utf8);
  if (!loaded) {
    return Status::Corruption(src.Where(loaded.offset) + "malformed XML: " + loaded.description());
  }
  pugi::xml_node root = doc.document_element();
  const std::string_view name = root.name();
  if (name == "sdnList") return ParseClassic(src, root);
  if (name == "Sanctions") return AdvancedParser(src, root).Parse();
  return Status::Corruption(src.At(root) + "root element is <" + std::string(name) +
                            ">, expected <sdnList> (sdn.xml) or <Sanctions> (SDN_ADVANCED.XML)");
}

}  // namespace

Result<ParsedList> ParseOfacXml(std::string_view xml, std::string_view source_name) {
  try {
    return Parse(xml, source_name);
  } catch (const std::exception& e) {
    // Only allocation failure can throw here; keep it inside the library.
    return Status::Internal(std::string(source_name) + ": " + e.what());
  }
}

}  // namespace hudud::lists
