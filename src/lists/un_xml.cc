// Parser for the UN Security Council Consolidated List XML (ParseUnXml in
// lists/list_file.h): every INDIVIDUAL and ENTITY becomes a model::Entity.
//
// Choices the format leaves open:
// - Name parts: FIRST_NAME is kGiven (for an ENTITY it is the whole name,
//   kWhole); SECOND_NAME..FOURTH_NAME are kOther, because the list uses them
//   for family names, patronymics, nasab chains and, for Korean names, the
//   given name after a family name in FIRST_NAME, so any finer role would be
//   wrong for a large share of records.
// - An alias's own DATE_OF_BIRTH / CITY_OF_BIRTH / COUNTRY_OF_BIRTH are kept
//   as extra dates and places of birth of the entity, noted "alias: <name>",
//   because they are facts about the listed person a screener must see.
// - Empty elements (<ALIAS_NAME/>, <INDIVIDUAL_DOCUMENT/>, an address with
//   only <COUNTRY/>, a date of birth with only an empty <TYPE_OF_DATE/>) are
//   placeholders of the UN export and are skipped.
// - A date of birth given only as a NOTE that is itself a date ("Nov. 1973")
//   gets that date; the note is kept.
// - Dates carry XML Schema time-zone suffixes ("2015-04-07-04:00"); they
//   are dropped. Anything that is not a date is an error, never dropped.
// - Values meaning "not available" ("na") are kept as written but not
//   resolved to a country ("NA" would otherwise be Namibia).
#include <algorithm>
#include <exception>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lists/field_util.h"
#include "lists/list_file.h"
#include "model/country.h"
#include "model/date.h"

namespace hudud::lists {
namespace {

using model::DateOfBirth;
using model::Entity;
using model::Name;
using model::NameKind;
using model::NamePart;
using model::NamePartRole;
using model::PartialDate;
using model::Place;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Trims and turns every run of whitespace (the export wraps long values
// over lines) into one space.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Multi-line text keeps its line breaks, as "\n" whatever the file used
// (the parser does not normalise line ends; see UnParser::Parse).
std::string WithoutCarriageReturns(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c != '\r') out.push_back(c);
  }
  return out;
}

// Country fields the UN fills with "not available" rather than leaving empty.
bool MeansNotGiven(const std::string& text) {
  const std::string t = AsciiLower(text);
  return t == "na" || t == "n/a" || t == "n.a." || t == "unknown" || t == "not known" ||
         t == "not available";
}

std::string CountryCode(const std::string& text) {
  if (text.empty() || MeansNotGiven(text)) return "";
  return model::ResolveCountryCode(text);
}

// A date as the UN export writes it. XML Schema dates may carry a time or a
// time zone ("2015-04-07-04:00", "2015-04-07Z", "2015-04-07T00:00:00"),
// which a calendar date of listing or birth does not need.
std::optional<PartialDate> ParseXsDate(std::string_view s) {
  if (s.size() > 10 && s[4] == '-' && s[7] == '-' &&
      (s[10] == 'Z' || s[10] == '+' || s[10] == '-' || s[10] == 'T')) {
    s = s.substr(0, 10);
  }
  return model::ParsePartialDate(s);
}

class UnParser {
 public:
  UnParser(std::string_view xml, std::string_view source)
      : xml_(xml), source_(source), lines_(xml) {}

  Result<ParsedList> Parse() {
    pugi::xml_document doc;
    // No parse_eol: it would shift node offsets on CRLF files, and the line
    // numbers in our errors come from those offsets.
    const unsigned options = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_wconv_attribute;
    pugi::xml_parse_result loaded =
        doc.load_buffer(xml_.data(), xml_.size(), options, pugi::encoding_auto);
    if (!loaded) {
      return Status::Corruption(Where(loaded.offset) + "malformed XML: " + loaded.description());
    }
    pugi::xml_node root = doc.document_element();
    if (std::string_view(root.name()) != "CONSOLIDATED_LIST") {
      return Status::Corruption(At(root) + "root element is <" + root.name() +
                                ">, expected <CONSOLIDATED_LIST>");
    }
    ParsedList list;
    list.list_id = "un";
    list.format = "un-xml";
    list.generated_at = Trim(root.attribute("dateGenerated").value());
    for (pugi::xml_node group : root.children("INDIVIDUALS")) {
      for (pugi::xml_node rec : group.children("INDIVIDUAL")) {
        HUDUD_RETURN_IF_ERROR(ParseRecord(rec, model::EntityKind::kPerson, list));
      }
    }
    for (pugi::xml_node group : root.children("ENTITIES")) {
      for (pugi::xml_node rec : group.children("ENTITY")) {
        HUDUD_RETURN_IF_ERROR(ParseRecord(rec, model::EntityKind::kOrganization, list));
      }
    }
    return list;
  }

 private:
  std::string Where(ptrdiff_t offset) const {
    // pugixml gives no offset (-1) only for nodes it did not read from the
    // buffer, which parsed documents do not have; say so rather than lie.
    if (offset < 0) return source_ + ", unknown line: ";
    return source_ + ", line " + std::to_string(lines_.LineOf(offset)) + ": ";
  }
  std::string At(pugi::xml_node node) const { return Where(node.offset_debug()); }

  static std::string Text(pugi::xml_node parent, const char* child) {
    return Collapse(parent.child(child).text().get());
  }

  // An error about `field` (a child of `parent`, or `parent` itself).
  Status FieldError(pugi::xml_node parent, const char* field, const std::string& what) const {
    pugi::xml_node at = parent.child(field);
    if (!at) at = parent;
    return Status::Corruption(At(at) + "field " + field + " in <" + parent.name() + "> of record " +
                              record_id_ + ": " + what);
  }

  // Parses a date field; empty text is no date.
  Status DateField(pugi::xml_node parent, const char* field, PartialDate* out) const {
    std::string text = Text(parent, field);
    *out = PartialDate{};
    if (text.empty()) return Status::Ok();
    std::optional<PartialDate> d = ParseXsDate(text);
    if (!d) return FieldError(parent, field, "invalid date \"" + text + "\"");
    *out = *d;
    return Status::Ok();
  }

  Status ParseRecord(pugi::xml_node rec, model::EntityKind kind, ParsedList& list) {
    const std::string dataid = Text(rec, "DATAID");
    if (dataid.empty()) {
      return Status::Corruption(At(rec) + "<" + rec.name() + "> without DATAID");
    }
    record_id_ = dataid;
    const size_t line = lines_.LineOf(std::max<ptrdiff_t>(rec.offset_debug(), 0));
    auto [seen, fresh] = seen_lines_.emplace(dataid, line);
    if (!fresh) {
      return Status::Corruption(At(rec) + "<" + rec.name() + "> with DATAID " + dataid +
                                " already used on line " + std::to_string(seen->second));
    }

    Entity e;
    e.list_id = "un";
    e.source_id = dataid;
    e.id = "un:" + dataid;
    e.kind = kind;
    e.version = Text(rec, "VERSIONNUM");
    e.reference = Text(rec, "REFERENCE_NUMBER");
    e.program = Text(rec, "UN_LIST_TYPE");
    e.comments = Trim(WithoutCarriageReturns(rec.child("COMMENTS1").text().get()));
    if (auto g = model::ParseGender(Text(rec, "GENDER"))) e.gender = *g;

    PartialDate listed;
    HUDUD_RETURN_IF_ERROR(DateField(rec, "LISTED_ON", &listed));
    e.listed_on = listed.ToString();

    AddPrimaryName(rec, kind, e);
    if (std::string original = Text(rec, "NAME_ORIGINAL_SCRIPT"); !original.empty()) {
      Name n;
      n.full = std::move(original);
      n.kind = NameKind::kOriginalScript;
      e.names.push_back(std::move(n));
    }

    e.titles = Values(rec, "TITLE");
    e.designations = Values(rec, "DESIGNATION");
    e.list_types = Values(rec, "LIST_TYPE");
    for (std::string& text : Values(rec, "NATIONALITY")) {
      model::Nationality nat;
      nat.country_code = CountryCode(text);
      nat.text = std::move(text);
      e.nationalities.push_back(std::move(nat));
    }
    for (pugi::xml_node group : rec.children("LAST_DAY_UPDATED")) {
      for (pugi::xml_node v : group.children("VALUE")) {
        HUDUD_RETURN_IF_ERROR(AddUpdated(group, v, e));
      }
    }

    const char* alias_tag =
        kind == model::EntityKind::kPerson ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
    // Dates and places of birth given with aliases go after the record's
    // own, which are the list's main statement.
    std::vector<DateOfBirth> alias_dobs;
    std::vector<Place> alias_pobs;
    for (pugi::xml_node a : rec.children(alias_tag)) {
      HUDUD_RETURN_IF_ERROR(AddAlias(a, e, alias_dobs, alias_pobs));
    }
    const char* address_tag =
        kind == model::EntityKind::kPerson ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS";
    for (pugi::xml_node a : rec.children(address_tag)) {
      if (auto p = ReadPlace(a)) e.addresses.push_back(std::move(*p));
    }
    for (pugi::xml_node d : rec.children("INDIVIDUAL_DATE_OF_BIRTH")) {
      HUDUD_RETURN_IF_ERROR(AddDateOfBirth(d, e));
    }
    for (pugi::xml_node p : rec.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
      if (auto place = ReadPlace(p)) e.places_of_birth.push_back(std::move(*place));
    }
    for (DateOfBirth& d : alias_dobs) e.dates_of_birth.push_back(std::move(d));
    for (Place& p : alias_pobs) e.places_of_birth.push_back(std::move(p));
    for (pugi::xml_node d : rec.children("INDIVIDUAL_DOCUMENT")) {
      HUDUD_RETURN_IF_ERROR(AddDocument(d, e));
    }
    list.entities.push_back(std::move(e));
    return Status::Ok();
  }

  // The non-empty <VALUE>s of every <group> child of `rec`, in order.
  static std::vector<std::string> Values(pugi::xml_node rec, const char* group) {
    std::vector<std::string> out;
    for (pugi::xml_node g : rec.children(group)) {
      for (pugi::xml_node v : g.children("VALUE")) {
        std::string text = Collapse(v.text().get());
        if (!text.empty()) out.push_back(std::move(text));
      }
    }
    return out;
  }

  Status AddUpdated(pugi::xml_node group, pugi::xml_node v, Entity& e) const {
    std::string text = Collapse(v.text().get());
    if (text.empty()) return Status::Ok();  // the export leaves empty <VALUE/>s
    std::optional<PartialDate> d = ParseXsDate(text);
    if (!d) {
      return Status::Corruption(At(v) + "field VALUE in <" + group.name() + "> of record " +
                                record_id_ + ": invalid date \"" + text + "\"");
    }
    e.last_updated.push_back(d->ToString());
    return Status::Ok();
  }

  static void AddPrimaryName(pugi::xml_node rec, model::EntityKind kind, Entity& e) {
    Name n;
    n.kind = NameKind::kPrimary;
    static constexpr const char* kFields[] = {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME",
                                              "FOURTH_NAME"};
    for (const char* field : kFields) {
      std::string text = Text(rec, field);
      if (text.empty()) continue;
      NamePart part;
      if (field == kFields[0]) {
        part.role =
            kind == model::EntityKind::kPerson ? NamePartRole::kGiven : NamePartRole::kWhole;
      } else {
        part.role = NamePartRole::kOther;
      }
      if (!n.full.empty()) n.full.push_back(' ');
      n.full += text;
      part.text = std::move(text);
      n.parts.push_back(std::move(part));
    }
    // A record without any name part keeps no primary name rather than an
    // empty one; its aliases still identify it.
    if (!n.full.empty()) e.names.insert(e.names.begin(), std::move(n));
  }

  Status AddAlias(pugi::xml_node a, Entity& e, std::vector<DateOfBirth>& dobs,
                  std::vector<Place>& pobs) const {
    const std::string name = Text(a, "ALIAS_NAME");
    const std::string quality = Text(a, "QUALITY");
    if (!name.empty()) {
      Name n;
      const std::string q = AsciiLower(quality);
      if (q.empty() || q == "good" || q == "a.k.a." || q == "aka") {
        n.kind = NameKind::kGoodAlias;
      } else if (q == "low") {
        n.kind = NameKind::kLowAlias;
      } else if (q == "f.k.a." || q == "fka") {
        n.kind = NameKind::kFormerName;
      } else {
        return FieldError(a, "QUALITY", "unknown alias quality \"" + quality + "\"");
      }
      n.full = name;
      n.note = Text(a, "NOTE");
      e.names.push_back(std::move(n));
    }
    const std::string note = name.empty() ? "alias" : "alias: " + name;
    PartialDate dob;
    HUDUD_RETURN_IF_ERROR(DateField(a, "DATE_OF_BIRTH", &dob));
    if (!dob.empty()) {
      DateOfBirth d;
      d.kind = DateOfBirth::Kind::kExact;
      d.from = dob;
      d.note = note;
      dobs.push_back(std::move(d));
    }
    Place pob;
    pob.city = Text(a, "CITY_OF_BIRTH");
    pob.country = Text(a, "COUNTRY_OF_BIRTH");
    if (!pob.city.empty() || !pob.country.empty()) {
      pob.country_code = CountryCode(pob.country);
      pob.note = note;
      pobs.push_back(std::move(pob));
    }
    return Status::Ok();
  }

  static std::optional<Place> ReadPlace(pugi::xml_node n) {
    Place p;
    p.street = Text(n, "STREET");
    p.city = Text(n, "CITY");
    p.state = Text(n, "STATE_PROVINCE");
    p.zip = Text(n, "ZIP_CODE");
    p.country = Text(n, "COUNTRY");
    p.note = Text(n, "NOTE");
    if (p.street.empty() && p.city.empty() && p.state.empty() && p.zip.empty() &&
        p.country.empty() && p.note.empty()) {
      return std::nullopt;
    }
    p.country_code = CountryCode(p.country);
    return p;
  }

  Status AddDateOfBirth(pugi::xml_node n, Entity& e) const {
    DateOfBirth d;
    PartialDate date, year, from, to;
    HUDUD_RETURN_IF_ERROR(DateField(n, "DATE", &date));
    HUDUD_RETURN_IF_ERROR(DateField(n, "YEAR", &year));
    HUDUD_RETURN_IF_ERROR(DateField(n, "FROM_YEAR", &from));
    HUDUD_RETURN_IF_ERROR(DateField(n, "TO_YEAR", &to));
    d.note = Text(n, "NOTE");
    if (date.empty() && year.empty() && from.empty() && to.empty() && d.note.empty()) {
      return Status::Ok();  // the export's empty placeholder
    }
    const std::string type = Text(n, "TYPE_OF_DATE");
    const std::string t = AsciiLower(type);
    if (t.empty() || t == "exact") {
      d.kind = DateOfBirth::Kind::kExact;
    } else if (t == "approximately") {
      d.kind = DateOfBirth::Kind::kApproximate;
    } else if (t == "between") {
      d.kind = DateOfBirth::Kind::kBetween;
    } else {
      return FieldError(n, "TYPE_OF_DATE", "unknown type of date \"" + type + "\"");
    }
    if (!from.empty() || !to.empty()) {
      // A range is a range whatever TYPE_OF_DATE says; an open end means
      // the one year given.
      d.kind = DateOfBirth::Kind::kBetween;
      d.from = from.empty() ? to : from;
      d.to = to.empty() ? from : to;
      auto key = [](const PartialDate& p) { return std::make_tuple(p.year, p.month, p.day); };
      if (key(d.from) > key(d.to)) {
        return FieldError(
            n, "TO_YEAR",
            "range ends (" + d.to.ToString() + ") before it starts (" + d.from.ToString() + ")");
      }
    } else {
      d.from = date.empty() ? year : date;
      if (d.kind == DateOfBirth::Kind::kBetween) d.to = d.from;
    }
    if (d.from.empty() && !d.note.empty()) {
      if (auto from_note = model::ParsePartialDate(d.note)) {
        d.from = *from_note;
        if (d.kind == DateOfBirth::Kind::kBetween) d.to = d.from;
      }
    }
    e.dates_of_birth.push_back(std::move(d));
    return Status::Ok();
  }

  Status AddDocument(pugi::xml_node n, Entity& e) const {
    model::Document doc;
    doc.type = Text(n, "TYPE_OF_DOCUMENT");
    doc.type2 = Text(n, "TYPE_OF_DOCUMENT2");
    doc.number = Text(n, "NUMBER");
    doc.issue_city = Text(n, "CITY_OF_ISSUE");
    doc.note = Text(n, "NOTE");
    doc.issue_date = Text(n, "DATE_OF_ISSUE");
    const std::string issuing = Text(n, "ISSUING_COUNTRY");
    const std::string country_of_issue = Text(n, "COUNTRY_OF_ISSUE");
    if (doc.type.empty() && doc.type2.empty() && doc.number.empty() && doc.issue_city.empty() &&
        doc.note.empty() && doc.issue_date.empty() && issuing.empty() && country_of_issue.empty()) {
      return Status::Ok();  // <INDIVIDUAL_DOCUMENT/>
    }
    PartialDate issued;
    HUDUD_RETURN_IF_ERROR(DateField(n, "DATE_OF_ISSUE", &issued));
    // ISSUING_COUNTRY is the state; COUNTRY_OF_ISSUE is where it was handed
    // out and usually the same. When only one is given it is the state;
    // when they differ the place goes into the note so it is not lost.
    doc.issuing_country = issuing.empty() ? country_of_issue : issuing;
    if (!issuing.empty() && !country_of_issue.empty() && country_of_issue != issuing) {
      doc.note += (doc.note.empty() ? "" : "; ") + std::string("issued in ") + country_of_issue;
    }
    doc.country_code = CountryCode(doc.issuing_country);
    e.documents.push_back(std::move(doc));
    return Status::Ok();
  }

  std::string_view xml_;
  std::string source_;
  LineIndex lines_;
  std::string record_id_;                               // DATAID of the record being parsed
  std::unordered_map<std::string, size_t> seen_lines_;  // DATAID -> line of its record
};

}  // namespace

Result<ParsedList> ParseUnXml(std::string_view xml, std::string_view source_name) {
  try {
    UnParser parser(xml, source_name);
    return parser.Parse();
  } catch (const std::exception& e) {
    // Only allocation failure can throw here; keep it inside the library.
    return Status::Internal(std::string(source_name) + ": " + e.what());
  }
}

}  // namespace hudud::lists
