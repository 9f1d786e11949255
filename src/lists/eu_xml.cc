// Parser for the EU consolidated financial sanctions list XML
// (xmlFullSanctionsList_1_1; ParseEuXml in lists/list_file.h): every
// <sanctionEntity> becomes a model::Entity.
//
// Choices the format leaves open:
// - The primary name is the first strong Latin-script alias in English (or
//   with no language), else the first Latin-script alias, else the first
//   alias; the others follow in file order. An alias in a non-Latin script
//   (Arabic, Cyrillic, Greek, ...) is kOriginalScript, strong="false" is
//   kLowAlias (weakness wins over script: it is what a match on it is
//   worth). The same name repeated for other languages is kept once, with
//   the stronger kind. firstName is kGiven, middleName kMiddle, lastName
//   kFamily; the note is the alias's language (and its remark).
// - Gender, function (-> designations) and title come from the aliases.
// - Dates of birth: birthdate, else year (with monthOfYear and dayOfMonth
//   when given), else yearRangeFrom..yearRangeTo (kBetween; an open end is
//   the one year given); circa="true" makes a date kApproximate. A
//   calendarType other than GREGORIAN and the element's remark go to the
//   note. The city, region, place and country of the same element are a
//   place of birth.
// - countryIso2Code "00" and countryDescription "UNKNOWN" mean no country.
// - listed_on is the earliest of designationDate and the regulations'
//   publicationDate; the later publication dates (amendments) are
//   last_updated. program is the first regulation's programme; list_types
//   every programme.
// - comments: the UN reference (unitedNationId), designationDetails, the
//   record's remarks, the regulations' numbers and titles, and remarks of
//   citizenships (which have no note of their own).
// - A document's number is the one written, or its latinNumber when the
//   number is in another script (the Latin one is what a travel document's
//   machine-readable zone carries); the other goes to the note, with the
//   flags (diplomatic, known expired, ...), issuing body, validity, name on
//   document, region and remark.
// - Dates that are not dates, a year range that ends before it starts, an
//   unknown subjectType and a missing or repeated logicalId are errors
//   naming the line, the element and the record, never dropped.
#include <algorithm>
#include <exception>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "lists/csv.h"
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
using model::NamePartRole;
using model::PartialDate;
using model::Place;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Trims and turns every run of white space into one space.
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

// Multi-line text keeps its line breaks, as "\n" whatever the file used.
std::string CleanText(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '\r') out.push_back(c);
  }
  return TrimCopy(out);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string_view LocalName(pugi::xml_node n) {
  std::string_view name = n.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Element children of `n` with local name `local` (a namespace prefix, if
// the file uses one, is ignored).
std::vector<pugi::xml_node> Children(pugi::xml_node n, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) out.push_back(c);
  }
  return out;
}

std::string Attr(pugi::xml_node n, const char* name) { return Collapse(n.attribute(name).value()); }

bool IsTrue(pugi::xml_node n, const char* name) { return AsciiLower(Attr(n, name)) == "true"; }

// The text of every <remark> child, joined.
std::string Remarks(pugi::xml_node n) {
  std::string out;
  for (pugi::xml_node r : Children(n, "remark")) {
    std::string text = CleanText(r.text().get());
    if (!text.empty()) out += (out.empty() ? "" : "\n") + text;
  }
  return out;
}

void AppendNote(std::string* note, const std::string& part) {
  if (!part.empty()) *note += (note->empty() ? "" : "; ") + part;
}

// "UNKNOWN" (with code "00") is how the export says "no country".
bool MeansNoCountry(std::string_view text) {
  const std::string t = AsciiLower(text);
  return t.empty() || t == "unknown" || t == "00" || t == "na" || t == "n/a";
}

// The country of an element: its description as written and its ISO code
// (the file's own code when it is one, else resolved from the text).
std::pair<std::string, std::string> CountryOf(pugi::xml_node n) {
  std::string text = Attr(n, "countryDescription");
  std::string code = Upper(Attr(n, "countryIso2Code"));
  if (MeansNoCountry(text)) text.clear();
  const bool letters =
      code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
  if (!letters) code = text.empty() ? "" : model::ResolveCountryCode(text);
  return {text, code};
}

// XML Schema dates may carry a time or a time zone ("2003-07-08+02:00",
// "2003-07-08T00:00:00"); a calendar date does not need them.
std::optional<PartialDate> ParseXsDate(std::string_view s) {
  if (s.size() > 10 && s[4] == '-' && s[7] == '-' &&
      (s[10] == 'Z' || s[10] == '+' || s[10] == '-' || s[10] == 'T')) {
    s = s.substr(0, 10);
  }
  return model::ParsePartialDate(s);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool Before(const PartialDate& a, const PartialDate& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

template <typename T>
bool Contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

class EuParser {
 public:
  EuParser(std::string_view xml, std::string_view source)
      : xml_(xml), source_(source), lines_(xml) {}

  Result<ParsedList> Parse() {
    // Bytes that are not UTF-8 would travel into names; refuse them here
    // (UTF-16 files, with their byte-order mark, are converted by pugixml).
    const bool utf16 = xml_.size() >= 2 && ((xml_[0] == '\xFF' && xml_[1] == '\xFE') ||
                                            (xml_[0] == '\xFE' && xml_[1] == '\xFF'));
    size_t bad = 0;
    if (!utf16 && !IsValidUtf8(xml_, &bad)) {
      return Status::Corruption(Where(static_cast<ptrdiff_t>(bad)) + "invalid UTF-8");
    }
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
    if (LocalName(root) != "export") {
      return Status::Corruption(At(root) + "root element is <" + root.name() +
                                ">, expected <export>");
    }
    ParsedList list;
    list.list_id = "eu";
    list.format = "eu-xml";
    list.generated_at = Attr(root, "generationDate");
    for (pugi::xml_node rec : Children(root, "sanctionEntity")) {
      HUDUD_RETURN_IF_ERROR(ParseRecord(rec, list));
    }
    return list;
  }

 private:
  std::string Where(ptrdiff_t offset) const {
    if (offset < 0) return source_ + ", unknown line: ";
    return source_ + ", line " + std::to_string(lines_.LineOf(offset)) + ": ";
  }
  std::string At(pugi::xml_node n) const { return Where(n.offset_debug()); }

  // An error about attribute `attr` of element `n` in the current record.
  Status AttrError(pugi::xml_node n, const char* attr, const std::string& what) const {
    return Status::Corruption(At(n) + "attribute " + attr + " of <" + std::string(LocalName(n)) +
                              "> in record " + record_id_ + ": " + what);
  }

  // A date attribute; empty is no date.
  Status DateAttr(pugi::xml_node n, const char* attr, PartialDate* out) const {
    *out = PartialDate{};
    const std::string text = Attr(n, attr);
    if (text.empty()) return Status::Ok();
    std::optional<PartialDate> d = ParseXsDate(text);
    if (!d) return AttrError(n, attr, "invalid date \"" + text + "\"");
    *out = *d;
    return Status::Ok();
  }

  // A date attribute kept as its ISO text ("" when empty).
  Status IsoDateAttr(pugi::xml_node n, const char* attr, std::string* out) const {
    PartialDate d;
    HUDUD_RETURN_IF_ERROR(DateAttr(n, attr, &d));
    *out = d.ToString();
    return Status::Ok();
  }

  Status ParseRecord(pugi::xml_node rec, ParsedList& list) {
    const std::string id = Attr(rec, "logicalId");
    if (id.empty()) return Status::Corruption(At(rec) + "<sanctionEntity> without logicalId");
    record_id_ = id;
    auto [seen, fresh] = seen_.emplace(id, rec.offset_debug());
    if (!fresh) {
      return Status::Corruption(At(rec) + "<sanctionEntity> with logicalId " + id +
                                " already used on line " +
                                std::to_string(lines_.LineOf(seen->second)));
    }
    Entity e;
    e.list_id = "eu";
    e.source_id = id;
    e.id = "eu:" + id;
    e.reference = Attr(rec, "euReferenceNumber");
    HUDUD_RETURN_IF_ERROR(SetKind(rec, e));

    std::string comments;
    if (std::string un = Attr(rec, "unitedNationId"); !un.empty()) {
      comments = "UN reference: " + un;
    }
    if (std::string details = CleanText(rec.attribute("designationDetails").value());
        !details.empty()) {
      comments += (comments.empty() ? "" : "\n") + details;
    }
    if (std::string remarks = Remarks(rec); !remarks.empty()) {
      comments += (comments.empty() ? "" : "\n") + remarks;
    }

    std::vector<std::string> dates;  // ISO dates of designation and publications
    std::string designated;
    HUDUD_RETURN_IF_ERROR(IsoDateAttr(rec, "designationDate", &designated));
    if (!designated.empty()) dates.push_back(designated);
    std::vector<std::string> regulations;
    for (pugi::xml_node r : Children(rec, "regulation")) {
      std::string published;
      HUDUD_RETURN_IF_ERROR(IsoDateAttr(r, "publicationDate", &published));
      std::string entry;
      HUDUD_RETURN_IF_ERROR(IsoDateAttr(r, "entryIntoForceDate", &entry));
      if (!published.empty()) dates.push_back(published);
      const std::string programme = Attr(r, "programme");
      if (!programme.empty()) {
        if (e.program.empty()) e.program = programme;
        if (!Contains(e.list_types, programme)) e.list_types.push_back(programme);
      }
      if (std::string title = Attr(r, "numberTitle"); !title.empty()) {
        if (!published.empty()) title += " (" + published + ")";
        if (!Contains(regulations, title)) regulations.push_back(title);
      }
    }
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    if (!dates.empty()) {
      e.listed_on = dates.front();
      e.last_updated.assign(dates.begin() + 1, dates.end());
    }
    if (!regulations.empty()) {
      std::string line = "Regulations:";
      for (size_t i = 0; i < regulations.size(); ++i) line += (i ? "; " : " ") + regulations[i];
      comments += (comments.empty() ? "" : "\n") + line;
    }

    AddNames(rec, e);
    for (pugi::xml_node c : Children(rec, "citizenship")) {
      auto [text, code] = CountryOf(c);
      if (std::string remark = Remarks(c); !remark.empty()) {
        comments += (comments.empty() ? "" : "\n") + std::string("Citizenship") +
                    (text.empty() ? "" : " (" + text + ")") + ": " + remark;
      }
      if (text.empty() && code.empty()) continue;
      bool dup = false;
      for (const model::Nationality& n : e.nationalities) {
        dup |= code.empty() ? n.text == text : n.country_code == code;
      }
      if (!dup) e.nationalities.push_back({text.empty() ? code : text, code});
    }
    for (pugi::xml_node b : Children(rec, "birthdate")) {
      HUDUD_RETURN_IF_ERROR(AddBirth(b, e));
    }
    for (pugi::xml_node i : Children(rec, "identification")) {
      HUDUD_RETURN_IF_ERROR(AddDocument(i, e));
    }
    for (pugi::xml_node a : Children(rec, "address")) AddAddress(a, e);
    e.comments = std::move(comments);
    list.entities.push_back(std::move(e));
    return Status::Ok();
  }

  Status SetKind(pugi::xml_node rec, Entity& e) const {
    std::vector<pugi::xml_node> subject = Children(rec, "subjectType");
    if (subject.empty()) return Status::Ok();  // kUnknown
    const std::string code = Attr(subject[0], "code");
    const std::string t = AsciiLower(code);
    if (t == "person") {
      e.kind = model::EntityKind::kPerson;
    } else if (t == "enterprise") {
      e.kind = model::EntityKind::kOrganization;
    } else if (auto k = model::ParseEntityKind(t)) {
      e.kind = *k;
    } else if (!t.empty()) {
      return AttrError(subject[0], "code", "unknown subject type \"" + code + "\"");
    }
    return Status::Ok();
  }

  static int Rank(NameKind k) {
    switch (k) {
      case NameKind::kPrimary:
        return 3;
      case NameKind::kGoodAlias:
        return 2;
      case NameKind::kOriginalScript:
        return 1;
      default:
        return 0;
    }
  }

  static void AddNames(pugi::xml_node rec, Entity& e) {
    struct Alias {
      pugi::xml_node node;
      Name name;
      bool strong = true;
      bool latin = true;
      std::string language;
    };
    std::vector<Alias> aliases;
    for (pugi::xml_node a : Children(rec, "nameAlias")) {
      Alias alias;
      alias.node = a;
      Name& n = alias.name;
      static constexpr std::pair<const char*, NamePartRole> kParts[] = {
          {"firstName", NamePartRole::kGiven},
          {"middleName", NamePartRole::kMiddle},
          {"lastName", NamePartRole::kFamily}};
      std::string joined;
      for (const auto& [attr, role] : kParts) {
        std::string text = Attr(a, attr);
        if (text.empty()) continue;
        joined += (joined.empty() ? "" : " ") + text;
        n.parts.push_back({role, std::move(text)});
      }
      n.full = Attr(a, "wholeName");
      if (n.full.empty()) n.full = joined;
      if (std::string g = Attr(a, "gender"); !g.empty() && e.gender == model::Gender::kUnknown) {
        if (auto parsed = model::ParseGender(g)) e.gender = *parsed;
      }
      if (std::string f = Attr(a, "function"); !f.empty() && !Contains(e.designations, f)) {
        e.designations.push_back(f);
      }
      if (std::string t = Attr(a, "title"); !t.empty() && !Contains(e.titles, t)) {
        e.titles.push_back(t);
      }
      if (n.full.empty()) continue;
      alias.language = Upper(Attr(a, "nameLanguage"));
      alias.strong = AsciiLower(Attr(a, "strong")) != "false";
      alias.latin = !HasNonLatinLetters(n.full);
      if (!alias.language.empty()) n.note = "language: " + alias.language;
      AppendNote(&n.note, Remarks(a));
      n.kind = !alias.strong ? NameKind::kLowAlias
               : alias.latin ? NameKind::kGoodAlias
                             : NameKind::kOriginalScript;
      aliases.push_back(std::move(alias));
    }
    if (aliases.empty()) return;
    // The primary name: see the file comment.
    size_t primary = aliases.size();
    for (size_t i = 0; i < aliases.size() && primary == aliases.size(); ++i) {
      const Alias& a = aliases[i];
      if (a.strong && a.latin && (a.language.empty() || a.language == "EN")) primary = i;
    }
    for (size_t i = 0; i < aliases.size() && primary == aliases.size(); ++i) {
      if (aliases[i].latin) primary = i;
    }
    if (primary == aliases.size()) primary = 0;
    aliases[primary].name.kind = NameKind::kPrimary;
    std::rotate(aliases.begin(), aliases.begin() + static_cast<ptrdiff_t>(primary),
                aliases.begin() + static_cast<ptrdiff_t>(primary) + 1);
    for (Alias& a : aliases) {
      bool dup = false;
      for (Name& o : e.names) {
        if (o.full != a.name.full) continue;
        dup = true;
        if (Rank(a.name.kind) > Rank(o.kind) && o.kind != NameKind::kPrimary) {
          o.kind = a.name.kind;
        }
        if (o.parts.empty()) o.parts = a.name.parts;
        break;
      }
      if (!dup) e.names.push_back(std::move(a.name));
    }
    // As the UN and UK lists come out: primary, original script, the rest.
    auto order = [](const Name& n) {
      return n.kind == NameKind::kPrimary ? 0 : n.kind == NameKind::kOriginalScript ? 1 : 2;
    };
    std::stable_sort(e.names.begin(), e.names.end(),
                     [&](const Name& a, const Name& b) { return order(a) < order(b); });
  }

  // One number attribute; "" when empty, an error when not a number.
  Status NumberAttr(pugi::xml_node n, const char* attr, std::string* out) const {
    *out = Attr(n, attr);
    if (!out->empty() && !AllDigits(*out)) {
      return AttrError(n, attr, "not a number: \"" + *out + "\"");
    }
    if (!out->empty()) {
      // "0" is how an unset day or month is sometimes written.
      const size_t nz = out->find_first_not_of('0');
      *out = nz == std::string::npos ? "" : out->substr(nz);
    }
    return Status::Ok();
  }

  Status AddBirth(pugi::xml_node b, Entity& e) const {
    DateOfBirth d;
    PartialDate full;
    HUDUD_RETURN_IF_ERROR(DateAttr(b, "birthdate", &full));
    std::string year, month, day, from, to;
    HUDUD_RETURN_IF_ERROR(NumberAttr(b, "year", &year));
    HUDUD_RETURN_IF_ERROR(NumberAttr(b, "monthOfYear", &month));
    HUDUD_RETURN_IF_ERROR(NumberAttr(b, "dayOfMonth", &day));
    HUDUD_RETURN_IF_ERROR(NumberAttr(b, "yearRangeFrom", &from));
    HUDUD_RETURN_IF_ERROR(NumberAttr(b, "yearRangeTo", &to));
    const std::string calendar = Attr(b, "calendarType");
    if (!calendar.empty() && AsciiLower(calendar) != "gregorian") d.note = "calendar: " + calendar;

    auto year_of = [&](const std::string& text, const char* attr, PartialDate* out) -> Status {
      std::optional<PartialDate> p = model::ParsePartialDate(text);
      if (!p || text.size() != 4) return AttrError(b, attr, "invalid year \"" + text + "\"");
      *out = *p;
      return Status::Ok();
    };
    if (!full.empty()) {
      d.from = full;
    } else if (!year.empty()) {
      std::string iso = year;
      if (!month.empty()) {
        iso += (month.size() == 1 ? "-0" : "-") + month;
        if (!day.empty()) iso += (day.size() == 1 ? "-0" : "-") + day;
      }
      std::optional<PartialDate> p = model::ParsePartialDate(iso);
      if (!p || year.size() != 4) {
        return AttrError(b, "year",
                         "invalid date (year " + year + ", month " + month + ", day " + day + ")");
      }
      d.from = *p;
    } else if (!from.empty() || !to.empty()) {
      // A range is a range whatever circa says; an open end is the one year given.
      d.kind = DateOfBirth::Kind::kBetween;
      HUDUD_RETURN_IF_ERROR(year_of(from.empty() ? to : from, "yearRangeFrom", &d.from));
      HUDUD_RETURN_IF_ERROR(year_of(to.empty() ? from : to, "yearRangeTo", &d.to));
      if (Before(d.to, d.from)) {
        return AttrError(
            b, "yearRangeTo",
            "range ends (" + d.to.ToString() + ") before it starts (" + d.from.ToString() + ")");
      }
    } else if (!month.empty() || !day.empty()) {
      // Day and month without a year: no date, but not nothing.
      AppendNote(&d.note, "day " + (day.empty() ? "?" : day) + ", month " +
                              (month.empty() ? "?" : month) + ", year unknown");
    }
    AppendNote(&d.note, Remarks(b));
    if (d.kind == DateOfBirth::Kind::kExact && IsTrue(b, "circa")) {
      d.kind = DateOfBirth::Kind::kApproximate;
    }
    if (!d.from.empty() || !d.note.empty()) e.dates_of_birth.push_back(std::move(d));

    Place pob;
    pob.city = Attr(b, "city");
    pob.state = Attr(b, "region");
    pob.zip = Attr(b, "zipCode");
    std::tie(pob.country, pob.country_code) = CountryOf(b);
    const std::string place = Attr(b, "place");
    if (pob.city.empty()) {
      pob.city = place;
    } else {
      pob.note = place;
    }
    AddPlace(e.places_of_birth, std::move(pob));
    return Status::Ok();
  }

  static void AddPlace(std::vector<Place>& places, Place p) {
    if (p.street.empty() && p.city.empty() && p.state.empty() && p.zip.empty() &&
        p.country.empty() && p.country_code.empty() && p.note.empty()) {
      return;
    }
    for (const Place& o : places) {
      if (o.street == p.street && o.city == p.city && o.state == p.state && o.zip == p.zip &&
          o.country == p.country && o.country_code == p.country_code && o.note == p.note) {
        return;
      }
    }
    places.push_back(std::move(p));
  }

  Status AddDocument(pugi::xml_node i, Entity& e) const {
    model::Document d;
    const std::string written = Attr(i, "number");
    const std::string latin = Attr(i, "latinNumber");
    // Travel documents carry the Latin number in their machine-readable
    // zone, so it is the one to match; the number as written goes to the note.
    const bool use_latin = !latin.empty() && (written.empty() || HasNonLatinLetters(written));
    d.number = use_latin ? latin : written;
    d.type2 = Attr(i, "identificationTypeCode");
    d.type = Attr(i, "identificationTypeDescription");
    if (d.type.empty()) d.type = d.type2;
    std::tie(d.issuing_country, d.country_code) = CountryOf(i);
    HUDUD_RETURN_IF_ERROR(IsoDateAttr(i, "issuedDate", &d.issue_date));
    std::string valid_from, valid_to;
    HUDUD_RETURN_IF_ERROR(IsoDateAttr(i, "validFrom", &valid_from));
    HUDUD_RETURN_IF_ERROR(IsoDateAttr(i, "validTo", &valid_to));
    static constexpr std::pair<const char*, const char*> kFlags[] = {
        {"diplomatic", "diplomatic"},
        {"knownExpired", "known expired"},
        {"knownFalse", "known false"},
        {"reportedLost", "reported lost"},
        {"revokedByIssuer", "revoked by issuer"}};
    for (const auto& [attr, words] : kFlags) {
      if (IsTrue(i, attr)) AppendNote(&d.note, words);
    }
    if (std::string by = Attr(i, "issuedBy"); !by.empty()) AppendNote(&d.note, "issued by " + by);
    if (!valid_from.empty()) AppendNote(&d.note, "valid from " + valid_from);
    if (!valid_to.empty()) AppendNote(&d.note, "valid to " + valid_to);
    if (std::string on = Attr(i, "nameOnDocument"); !on.empty()) {
      AppendNote(&d.note, "name on document: " + on);
    }
    if (use_latin && !written.empty()) {
      AppendNote(&d.note, "number as written: " + written);
    } else if (!latin.empty() && latin != d.number) {
      AppendNote(&d.note, "Latin number: " + latin);
    }
    if (std::string region = Attr(i, "region"); !region.empty()) {
      AppendNote(&d.note, "region: " + region);
    }
    AppendNote(&d.note, Remarks(i));
    if (d.number.empty() && d.issuing_country.empty() && d.issue_date.empty() && d.note.empty()) {
      return Status::Ok();  // a type alone says nothing about the person
    }
    e.documents.push_back(std::move(d));
    return Status::Ok();
  }

  static void AddAddress(pugi::xml_node a, Entity& e) {
    Place p;
    p.street = Attr(a, "street");
    p.city = Attr(a, "city");
    p.state = Attr(a, "region");
    p.zip = Attr(a, "zipCode");
    std::tie(p.country, p.country_code) = CountryOf(a);
    const std::string place = Attr(a, "place");
    if (p.city.empty()) {
      p.city = place;
    } else {
      AppendNote(&p.note, place);
    }
    if (std::string box = Attr(a, "poBox"); !box.empty()) AppendNote(&p.note, "PO Box " + box);
    if (std::string contact = Attr(a, "contactInfo"); !contact.empty()) {
      AppendNote(&p.note, contact);
    }
    for (pugi::xml_node c : Children(a, "contactInfo")) {
      std::string key = Attr(c, "key"), value = Attr(c, "value");
      if (!value.empty()) AppendNote(&p.note, key.empty() ? value : key + ": " + value);
    }
    AppendNote(&p.note, Remarks(a));
    const bool has_content = !p.street.empty() || !p.city.empty() || !p.state.empty() ||
                             !p.zip.empty() || !p.country.empty() || !p.country_code.empty() ||
                             !p.note.empty();
    if (!has_content) return;  // the export's empty "UNKNOWN" address
    if (IsTrue(a, "asAtListingTime")) AppendNote(&p.note, "as at listing time");
    AddPlace(e.addresses, std::move(p));
  }

  std::string_view xml_;
  std::string source_;
  LineIndex lines_;
  std::string record_id_;                            // logicalId being parsed
  std::unordered_map<std::string, ptrdiff_t> seen_;  // logicalId -> offset
};

}  // namespace

Result<ParsedList> ParseEuXml(std::string_view xml, std::string_view source_name) {
  try {
    EuParser parser(xml, source_name);
    return parser.Parse();
  } catch (const std::exception& e) {
    // Only allocation failure can throw here; keep it inside the library.
    return Status::Internal(std::string(source_name) + ": " + e.what());
  }
}

}  // namespace hudud::lists
