// UkListBuilder and the UK field names (lists/uk_record.h).
//
// Choices the UK formats leave open (the same for every UK file, so the
// same designation gives the same entity from any of them):
// - Name parts: Name 1 is kGiven and Name 6 kFamily; Name 2..5 are kOther,
//   because the list uses them for second given names, patronymics and
//   nasab chains alike. An entity's or ship's single name part is kWhole.
// - "Primary Name Variation" is a good alias (noted so), unless its alias
//   strength says low. A second, different "Primary Name" becomes a good
//   alias; a name repeated with a stronger kind keeps the stronger kind.
//   With no primary name the first good alias stands in for it. Names come
//   out as primary, original-script, then the rest in file order.
// - Cells listing several values ("(1) 123 (2) 456", or separated by ';',
//   '|' or line breaks) are split; dates of birth also on ','. A
//   nationality with a comma is split only when every piece names a
//   country ("Korea, North" stays one).
// - Dates are "dd/mm/yyyy" with 00 for an unknown day or month, ISO dates,
//   or ISO date-times; dates of birth may also be "circa 1970" or a range
//   ("1968-1970", "1968 to 1970", "between 1968 and 1970"). Anything else
//   is an error naming the row and field, never dropped. listed_on is the
//   earliest of Date Designated / Listed On.
// - Address Line 1..5 are the street, Address Line 6 the town.
// - A document's issuing state is the first country its details name
//   ("Egyptian passport" -> EG).
// - What the model has no field for (statement of reasons, designation
//   source, sanctions imposed, OFSI group id, contact details, company and
//   ship facts) goes to comments: Other Information first, then one
//   "Label: value; value" line per kind of fact, in a fixed order.
#include "lists/uk_record.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <tuple>

#include "lists/field_util.h"
#include "model/country.h"
#include "model/date.h"

namespace hudud::lists {
namespace {

using model::DateOfBirth;
using model::NameKind;
using model::NamePartRole;
using model::PartialDate;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Lower-case ASCII letters and digits only: "Nationality(/ies)" -> "nationalityies".
std::string Canon(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || IsDigit(c)) {
      out.push_back(c);
    }
  }
  return out;
}

// Trimmed, every run of white space one space.
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

// Free text keeps its line breaks, as "\n" whatever the file used.
std::string CleanText(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '\r') out.push_back(c);
  }
  return TrimCopy(out);
}

// "(1) a (2) b", "a; b", "a|b", "a\nb" -> {"a", "b"}. A "(n)" is a
// separator only at the start or after white space, so "Unit(2)" stays whole.
std::vector<std::string> SplitListed(std::string_view cell, std::string_view seps = ";|\n") {
  std::string t;
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '(' && (i == 0 || IsSpace(cell[i - 1]))) {
      size_t j = i + 1;
      while (j < cell.size() && j - i <= 3 && IsDigit(cell[j])) ++j;
      if (j > i + 1 && j < cell.size() && cell[j] == ')') {
        t.push_back(seps[0]);
        i = j;
        continue;
      }
    }
    t.push_back(cell[i]);
  }
  std::vector<std::string> out;
  for (const std::string& piece : SplitAny(t, seps)) {
    std::string v = Collapse(piece);
    if (!v.empty()) out.push_back(std::move(v));
  }
  return out;
}

// Country fields written as "not given" rather than left empty.
bool MeansNotGiven(std::string_view text) {
  const std::string t = Canon(text);
  return t == "na" || t == "unknown" || t == "notknown" || t == "notavailable" || t == "none";
}

std::string CountryCode(const std::string& text) {
  if (text.empty() || MeansNotGiven(text)) return "";
  return model::ResolveCountryCode(text);
}

// The date part of "2020-12-31T00:00:00" or "31/12/2020 00:00:00".
std::string_view DatePart(std::string_view s) {
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) return s.substr(0, 10);
  return s;
}

std::optional<PartialDate> ParseUkDate(std::string_view s) {
  return ParseDayFirstDate(DatePart(TrimCopy(s)));
}

bool IsYear(std::string_view s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), IsDigit);
}

bool Before(const PartialDate& a, const PartialDate& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

// A date of birth as the UK lists write it; nullopt when it is none.
// `*reversed` is set for a range that ends before it starts.
std::optional<DateOfBirth> ParseUkDob(const std::string& text, bool* reversed) {
  *reversed = false;
  DateOfBirth d;
  std::string rest = Collapse(text);
  const std::string lower = AsciiLower(rest);
  for (const char* prefix :
       {"approximately ", "approx. ", "approx ", "circa ", "about ", "ca. ", "c. ", "c."}) {
    const std::string_view p(prefix);
    if (lower.rfind(p, 0) == 0) {
      d.kind = DateOfBirth::Kind::kApproximate;
      rest = TrimCopy(rest.substr(p.size()));
      break;
    }
  }
  // Ranges: "between A and B", "A to B", "A - B", and "1968-1970" (years
  // only, so an ISO date is never read as a range).
  std::string from, to;
  const std::string l = AsciiLower(rest);
  if (l.rfind("between ", 0) == 0 && l.find(" and ") != std::string::npos) {
    size_t and_at = l.find(" and ");
    from = rest.substr(8, and_at - 8);
    to = rest.substr(and_at + 5);
  } else if (size_t at = l.find(" to "); at != std::string::npos) {
    from = rest.substr(0, at);
    to = rest.substr(at + 4);
  } else if (size_t dash = rest.find(" - "); dash != std::string::npos) {
    from = rest.substr(0, dash);
    to = rest.substr(dash + 3);
  } else if (rest.size() == 9 && rest[4] == '-' && IsYear(rest.substr(0, 4)) &&
             IsYear(rest.substr(5))) {
    from = rest.substr(0, 4);
    to = rest.substr(5);
  }
  if (!from.empty() || !to.empty()) {
    std::optional<PartialDate> f = ParseUkDate(from), t = ParseUkDate(to);
    if (!f || !t || f->empty() || t->empty()) return std::nullopt;
    d.kind = DateOfBirth::Kind::kBetween;
    d.from = *f;
    d.to = *t;
    *reversed = Before(d.to, d.from);
    return d;
  }
  std::optional<PartialDate> date = ParseUkDate(rest);
  if (!date || date->empty()) return std::nullopt;
  d.from = *date;
  return d;
}

// The country a document's details name: the first run of one to three
// words that resolves, longest first at each word. Single words of three
// letters or fewer are skipped: "in", "no" and "ID" are country codes too.
std::pair<std::string, std::string> CountryIn(const std::string& text) {
  const std::vector<std::string> words = SplitAny(text, " ,.;:()/");
  for (size_t i = 0; i < words.size(); ++i) {
    for (size_t n = std::min<size_t>(3, words.size() - i); n >= 1; --n) {
      if (n == 1 && words[i].size() <= 3) continue;
      std::string phrase;
      for (size_t k = i; k < i + n; ++k) phrase += (phrase.empty() ? "" : " ") + words[k];
      if (std::string code = model::ResolveCountryCode(phrase); !code.empty()) {
        return {phrase, code};
      }
    }
  }
  return {"", ""};
}

// Nationalities in one value: split on the usual separators, then on
// commas and slashes only when every piece names a country.
std::vector<std::string> SplitNationalities(const std::string& cell) {
  std::vector<std::string> out;
  for (std::string& piece : SplitListed(cell)) {
    if (piece.find_first_of(",/") != std::string::npos && CountryCode(piece).empty()) {
      std::vector<std::string> sub = SplitAny(piece, ",/");
      bool all = !sub.empty();
      for (const std::string& s : sub) all = all && !CountryCode(s).empty();
      if (all) {
        for (std::string& s : sub) out.push_back(Collapse(s));
        continue;
      }
    }
    out.push_back(std::move(piece));
  }
  return out;
}

template <typename T>
bool Contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

int Rank(NameKind k) {
  switch (k) {
    case NameKind::kPrimary:
      return 4;
    case NameKind::kGoodAlias:
      return 3;
    case NameKind::kFormerName:
      return 2;
    case NameKind::kLowAlias:
      return 1;
    case NameKind::kOriginalScript:
      return 0;
  }
  return 0;
}

bool HasPrimary(const model::Entity& e) {
  for (const model::Name& n : e.names) {
    if (n.kind == NameKind::kPrimary) return true;
  }
  return false;
}

// Comment lines by label, in the order they are rendered. Index 0 (Other
// Information) is written without a label.
struct NoteLabel {
  const char* key;
  const char* label;
};
constexpr NoteLabel kNoteLabels[] = {
    {"other", ""},
    {"reasons", "UK Statement of Reasons"},
    {"source", "Designation source"},
    {"sanctions", "Sanctions imposed"},
    {"groupid", "OFSI Group ID"},
    {"typeofentity", "Type of entity"},
    {"parentcompany", "Parent company"},
    {"subsidiaries", "Subsidiaries"},
    {"phone", "Phone"},
    {"email", "Email"},
    {"website", "Website"},
    {"currentowner", "Current owner/operator"},
    {"previousowner", "Previous owner/operator"},
    {"currentflag", "Current believed flag"},
    {"previousflags", "Previous flags"},
    {"shiptype", "Type of ship"},
    {"tonnage", "Tonnage"},
    {"length", "Length"},
    {"yearbuilt", "Year built"},
};

int NoteIndex(const std::string& key) {
  for (size_t i = 0; i < std::size(kNoteLabels); ++i) {
    if (key == kNoteLabels[i].key) return static_cast<int>(i);
  }
  return -1;
}

void AddDocument(model::Entity& e, model::Document d) {
  for (model::Document& o : e.documents) {
    if (o.type == d.type && o.number == d.number) {
      if (o.note.empty() && !d.note.empty()) o = std::move(d);  // a later row said more
      return;
    }
  }
  e.documents.push_back(std::move(d));
}

void AddPlace(std::vector<model::Place>& places, model::Place p) {
  if (p.street.empty() && p.city.empty() && p.zip.empty() && p.country.empty()) return;
  p.country_code = CountryCode(p.country);
  for (const model::Place& o : places) {
    if (o.street == p.street && o.city == p.city && o.zip == p.zip && o.country == p.country) {
      return;
    }
  }
  places.push_back(std::move(p));
}

// Several documents in one pair of cells: numbers and details are paired in
// order; when the counts differ, one number takes the whole details text,
// and details left over go to the last number.
void AddDocumentCells(const UkValue& numbers, const UkValue& details,
                      std::vector<UkDocument>* out) {
  std::vector<std::string> nums = SplitListed(numbers.text);
  std::vector<std::string> infos = SplitListed(details.text);
  if (nums.size() <= 1 && infos.size() > 1) infos = {Collapse(details.text)};
  const size_t n = std::max(nums.size(), infos.size());
  for (size_t k = 0; k < n; ++k) {
    UkDocument d;
    d.number = numbers;
    d.number.text = k < nums.size() ? nums[k] : "";
    if (k < infos.size()) d.info = infos[k];
    if (k + 1 == nums.size() && infos.size() > nums.size()) {
      for (size_t j = k + 1; j < infos.size(); ++j) d.info += "; " + infos[j];
      out->push_back(std::move(d));
      return;
    }
    out->push_back(std::move(d));
  }
}

}  // namespace

std::string UkFieldKey(std::string_view name) {
  static const std::map<std::string, std::string, std::less<>> kKeys = {
      {"uniqueid", "uniqueid"},
      {"groupid", "groupid"},
      {"ofsigroupid", "groupid"},
      {"unreferencenumber", "unreference"},
      {"name1", "name1"},
      {"name2", "name2"},
      {"name3", "name3"},
      {"name4", "name4"},
      {"name5", "name5"},
      {"name6", "name6"},
      {"nametype", "nametype"},
      {"aliastype", "nametype"},
      {"aliasstrength", "aliasstrength"},
      {"aliasquality", "aliasstrength"},
      {"title", "title"},
      {"namenonlatinscript", "nonlatin"},
      {"nonlatinscripttype", "nonlatinscript"},
      {"nonlatinscriptlanguage", "nonlatinlanguage"},
      {"regimename", "regime"},
      {"regime", "regime"},
      {"entitytype", "type"},
      {"designationtype", "type"},
      {"individualentityship", "type"},
      {"grouptype", "type"},
      {"grouptypedescription", "type"},
      {"designationsource", "source"},
      {"sanctionsimposed", "sanctions"},
      {"otherinformation", "other"},
      {"ukstatementofreasons", "reasons"},
      {"statementofreasons", "reasons"},
      {"addressline1", "address1"},
      {"addressline2", "address2"},
      {"addressline3", "address3"},
      {"addressline4", "address4"},
      {"addressline5", "address5"},
      {"addressline6", "address6"},
      {"address1", "address1"},
      {"address2", "address2"},
      {"address3", "address3"},
      {"address4", "address4"},
      {"address5", "address5"},
      {"address6", "address6"},
      {"addresspostalcode", "postcode"},
      {"postzipcode", "postcode"},
      {"postcode", "postcode"},
      {"addresscountry", "country"},
      {"country", "country"},
      {"phonenumber", "phone"},
      {"website", "website"},
      {"websiteaddress", "website"},
      {"emailaddress", "email"},
      {"datedesignated", "designated"},
      {"uksanctionslistdatedesignated", "designated"},
      {"listedon", "listedon"},
      {"datelisted", "listedon"},
      {"lastupdated", "lastupdated"},
      {"dob", "dob"},
      {"nationalityies", "nationality"},
      {"nationality", "nationality"},
      {"nationalidentifiernumber", "nationalid"},
      {"nationalidentificationnumber", "nationalid"},
      {"ninumber", "nationalid"},
      {"nationalidentifieradditionalinformation", "nationaliddetails"},
      {"nationalidentificationdetails", "nationaliddetails"},
      {"nidetails", "nationaliddetails"},
      {"passportnumber", "passport"},
      {"passportadditionalinformation", "passportdetails"},
      {"passportdetails", "passportdetails"},
      {"position", "position"},
      {"gender", "gender"},
      {"townofbirth", "townofbirth"},
      {"countryofbirth", "countryofbirth"},
      {"typeofentity", "typeofentity"},
      {"subsidiaries", "subsidiaries"},
      {"subsidiary", "subsidiaries"},
      {"parentcompany", "parentcompany"},
      {"businessregistrationnumbers", "registration"},
      {"businessregistrationnumber", "registration"},
      {"imonumber", "imo"},
      {"currentowneroperators", "currentowner"},
      {"currentowneroperator", "currentowner"},
      {"previousowneroperators", "previousowner"},
      {"previousowneroperator", "previousowner"},
      {"currentbelievedflagofship", "currentflag"},
      {"previousflags", "previousflags"},
      {"previousflag", "previousflags"},
      {"typeofship", "shiptype"},
      {"tonnageofship", "tonnage"},
      {"lengthofship", "length"},
      {"yearbuilt", "yearbuilt"},
      {"hullidentificationnumberhin", "hin"},
      {"hullidentificationnumber", "hin"},
  };
  auto it = kKeys.find(Canon(name));
  return it == kKeys.end() ? "" : it->second;
}

UkRow UkRowFromFields(std::string where, std::string id,
                      const std::vector<std::pair<std::string, UkValue>>& fields) {
  UkRow row;
  row.where = std::move(where);
  row.id = std::move(id);
  UkName name;
  UkNonLatinName non_latin;
  UkAddress address;
  UkValue passport, passport_info, national_id, national_id_info, town, country_of_birth;
  for (const auto& [key, v] : fields) {
    if (key.size() == 5 && key.rfind("name", 0) == 0 && key[4] >= '1' && key[4] <= '6') {
      name.parts[key[4] - '1'] = v.text;
    } else if (key.size() == 8 && key.rfind("address", 0) == 0 && key[7] >= '1' && key[7] <= '6') {
      address.lines[key[7] - '1'] = v.text;
    } else if (key == "nametype") {
      name.type = v;
    } else if (key == "aliasstrength") {
      name.strength = v;
    } else if (key == "nonlatin") {
      non_latin.text = v.text;
    } else if (key == "nonlatinscript") {
      non_latin.script = v.text;
    } else if (key == "nonlatinlanguage") {
      non_latin.language = v.text;
    } else if (key == "postcode") {
      address.postcode = v.text;
    } else if (key == "country") {
      address.country = v.text;
    } else if (key == "passport") {
      passport = v;
    } else if (key == "passportdetails") {
      passport_info = v;
    } else if (key == "nationalid") {
      national_id = v;
    } else if (key == "nationaliddetails") {
      national_id_info = v;
    } else if (key == "townofbirth") {
      town = v;
    } else if (key == "countryofbirth") {
      country_of_birth = v;
    } else {
      row.fields.emplace_back(key, v);
    }
  }
  row.names.push_back(std::move(name));
  for (std::string& text : SplitListed(non_latin.text)) {
    row.non_latin_names.push_back({std::move(text), non_latin.script, non_latin.language});
  }
  row.addresses.push_back(std::move(address));
  AddDocumentCells(passport, passport_info, &row.passports);
  AddDocumentCells(national_id, national_id_info, &row.national_ids);
  std::vector<std::string> towns = SplitListed(town.text);
  std::vector<std::string> countries = SplitListed(country_of_birth.text);
  for (size_t k = 0; k < std::max(towns.size(), countries.size()); ++k) {
    row.births.push_back(
        {k < towns.size() ? towns[k] : "", k < countries.size() ? countries[k] : ""});
  }
  return row;
}

Status UkListBuilder::SetKind(const UkValue& v, Pending& p) {
  const std::string t = Canon(v.text);
  if (t.empty()) return Status::Ok();
  model::EntityKind kind;
  if (t == "individual" || t == "person") {
    kind = model::EntityKind::kPerson;
  } else if (t == "entity" || t == "organisation" || t == "organization" || t == "company") {
    kind = model::EntityKind::kOrganization;
  } else if (t == "ship" || t == "vessel") {
    kind = model::EntityKind::kVessel;
  } else {
    return Status::Corruption(v.where + ": field " + v.label + " of record " + p.entity.source_id +
                              ": unknown designation type \"" + v.text + "\"");
  }
  if (p.entity.kind == model::EntityKind::kUnknown) {
    p.entity.kind = kind;
    p.kind_text = v.text;
  } else if (p.entity.kind != kind) {
    return Status::Corruption(v.where + ": field " + v.label + " of record " + p.entity.source_id +
                              ": \"" + v.text + "\", but the record is \"" + p.kind_text +
                              "\" at " + p.where);
  }
  return Status::Ok();
}

Status UkListBuilder::AddName(const UkName& n, Pending& p) {
  model::Entity& e = p.entity;
  model::Name name;
  size_t count = 0;
  for (const std::string& part : n.parts) count += Collapse(part).empty() ? 0 : 1;
  if (count == 0) return Status::Ok();  // a row that carries no name
  const bool person = e.kind == model::EntityKind::kPerson || e.kind == model::EntityKind::kUnknown;
  for (int k = 0; k < 6; ++k) {
    std::string text = Collapse(n.parts[k]);
    if (text.empty()) continue;
    NamePartRole role = NamePartRole::kOther;
    if (!person) {
      role = count == 1 ? NamePartRole::kWhole : NamePartRole::kOther;
    } else if (k == 0) {
      role = NamePartRole::kGiven;
    } else if (k == 5) {
      role = NamePartRole::kFamily;
    }
    name.full += (name.full.empty() ? "" : " ") + text;
    name.parts.push_back({role, std::move(text)});
  }

  const std::string type = Canon(n.type.text);
  bool alias = false;
  if (type == "primaryname" || type == "primary") {
    name.kind = NameKind::kPrimary;
  } else if (type == "primarynamevariation" || type == "variation") {
    alias = true;
    name.note = "primary name variation";
  } else if (type.empty() || type == "alias" || type == "aka" || type == "nka") {
    alias = true;
  } else if (type == "fka" || type == "formername" || type == "formerlyknownas") {
    name.kind = NameKind::kFormerName;
  } else {
    return Status::Corruption(n.type.where + ": field " + n.type.label + " of record " +
                              e.source_id + ": unknown name type \"" + n.type.text + "\"");
  }
  if (alias) {
    const std::string s = Canon(n.strength.text);
    if (s.empty() || s == "good" || s == "goodquality" || s == "high" || s == "highquality" ||
        s == "strong") {
      name.kind = NameKind::kGoodAlias;
    } else if (s == "low" || s == "lowquality" || s == "weak") {
      name.kind = NameKind::kLowAlias;
    } else {
      return Status::Corruption(n.strength.where + ": field " + n.strength.label + " of record " +
                                e.source_id + ": unknown alias strength \"" + n.strength.text +
                                "\"");
    }
  }
  if (name.kind == NameKind::kPrimary && HasPrimary(e)) {
    // Only one primary name; a differing second one is still a strong name.
    bool same = false;
    for (const model::Name& o : e.names)
      same |= o.kind == NameKind::kPrimary && o.full == name.full;
    if (!same) name.kind = NameKind::kGoodAlias;
  }
  for (model::Name& o : e.names) {
    if (o.full != name.full) continue;
    if (o.kind != NameKind::kOriginalScript && Rank(name.kind) > Rank(o.kind)) {
      o.kind = name.kind;
      o.parts = std::move(name.parts);
      o.note = std::move(name.note);
    }
    return Status::Ok();
  }
  e.names.push_back(std::move(name));
  return Status::Ok();
}

Status UkListBuilder::AddField(const std::string& key, const UkValue& v, Pending& p) {
  model::Entity& e = p.entity;
  auto error = [&](const std::string& what) {
    return Status::Corruption(v.where + ": field " + v.label + " of record " + e.source_id + ": " +
                              what);
  };
  if (key == "unreference") {
    if (e.reference.empty()) e.reference = Collapse(v.text);
  } else if (key == "regime") {
    std::string regime = Collapse(v.text);
    if (regime.empty()) return Status::Ok();
    if (e.program.empty()) e.program = regime;
    if (!Contains(e.list_types, regime)) e.list_types.push_back(std::move(regime));
  } else if (key == "title") {
    for (std::string& t : SplitListed(v.text)) {
      if (!Contains(e.titles, t)) e.titles.push_back(std::move(t));
    }
  } else if (key == "position") {
    for (std::string& t : SplitListed(v.text)) {
      if (!Contains(e.designations, t)) e.designations.push_back(std::move(t));
    }
  } else if (key == "gender") {
    if (e.gender != model::Gender::kUnknown) return Status::Ok();
    if (auto g = model::ParseGender(Collapse(v.text))) e.gender = *g;
  } else if (key == "designated" || key == "listedon" || key == "lastupdated") {
    const std::string text = Collapse(v.text);
    if (text.empty()) return Status::Ok();
    std::optional<PartialDate> d = ParseUkDate(text);
    if (!d || d->empty()) return error("invalid date \"" + text + "\"");
    const std::string iso = d->ToString();
    if (key == "lastupdated") {
      if (!Contains(e.last_updated, iso)) e.last_updated.push_back(iso);
    } else if (e.listed_on.empty() || iso < e.listed_on) {
      e.listed_on = iso;
    }
  } else if (key == "dob") {
    for (const std::string& text : SplitListed(v.text, ";|\n,")) {
      bool reversed = false;
      std::optional<DateOfBirth> d = ParseUkDob(text, &reversed);
      if (!d) return error("invalid date of birth \"" + text + "\"");
      if (reversed) {
        return error("range \"" + text + "\" ends (" + d->to.ToString() + ") before it starts (" +
                     d->from.ToString() + ")");
      }
      bool seen = false;
      for (const DateOfBirth& o : e.dates_of_birth) {
        seen |= o.kind == d->kind && o.from == d->from && o.to == d->to;
      }
      if (!seen) e.dates_of_birth.push_back(std::move(*d));
    }
  } else if (key == "nationality") {
    for (const std::string& text : SplitNationalities(v.text)) {
      std::string code = CountryCode(text);
      bool seen = false;
      for (const model::Nationality& o : e.nationalities) {
        seen |= code.empty() ? o.text == text : o.country_code == code;
      }
      if (!seen) e.nationalities.push_back({text, std::move(code)});
    }
  } else if (key == "imo" || key == "registration" || key == "hin") {
    for (std::string& number : SplitListed(v.text)) {
      model::Document d;
      if (key == "imo") {
        d.type = "IMO";
        // The type says IMO; "IMO 9187629" and "9187629" are one number.
        if (Canon(number).rfind("imo", 0) == 0) number = TrimCopy(number.substr(3));
      } else {
        d.type = key == "hin" ? "Hull Identification Number" : "Business Registration Number";
      }
      d.number = std::move(number);
      AddDocument(e, std::move(d));
    }
  } else if (int at = NoteIndex(key); at >= 0) {
    if (key == "groupid" && Collapse(v.text) == e.source_id) return Status::Ok();  // the id
    std::vector<std::string> values;
    if (at <= 1) {
      values.push_back(CleanText(v.text));  // free text: never split
    } else {
      values = SplitListed(v.text);
    }
    std::vector<std::string>& slot = p.notes[at];
    for (std::string& t : values) {
      if (!t.empty() && !Contains(slot, t)) slot.push_back(std::move(t));
    }
  }
  // Other keys (the ids, and columns hudud does not read) carry nothing more.
  return Status::Ok();
}

Status UkListBuilder::Add(const UkRow& row) {
  if (row.id.empty()) return Status::Corruption(row.where + ": record without an id");
  auto [it, fresh] = index_.emplace(row.id, pending_.size());
  if (fresh) {
    Pending p;
    p.entity.source_id = row.id;
    p.entity.id = "uk:" + row.id;
    p.entity.list_id = "uk";
    p.where = row.where;
    pending_.push_back(std::move(p));
  }
  Pending& p = pending_[it->second];
  model::Entity& e = p.entity;
  // The kind first: it decides the roles of name parts.
  for (const auto& [key, v] : row.fields) {
    if (key == "type") HUDUD_RETURN_IF_ERROR(SetKind(v, p));
  }
  for (const UkName& n : row.names) HUDUD_RETURN_IF_ERROR(AddName(n, p));
  for (const UkNonLatinName& n : row.non_latin_names) {
    std::string text = Collapse(n.text);
    if (text.empty()) continue;
    bool seen = false;
    for (const model::Name& o : e.names) seen |= o.full == text;
    if (seen) continue;
    model::Name name;
    name.full = std::move(text);
    name.kind = NameKind::kOriginalScript;
    const std::string script = Collapse(n.script), language = Collapse(n.language);
    name.note = script + (!script.empty() && !language.empty() ? ", " : "") + language;
    e.names.push_back(std::move(name));
  }
  for (const auto& [key, v] : row.fields) {
    if (key != "type") HUDUD_RETURN_IF_ERROR(AddField(key, v, p));
  }
  for (const UkAddress& a : row.addresses) {
    model::Place place;
    for (int k = 0; k < 5; ++k) {
      std::string line = Collapse(a.lines[k]);
      if (!line.empty()) place.street += (place.street.empty() ? "" : ", ") + line;
    }
    place.city = Collapse(a.lines[5]);
    place.zip = Collapse(a.postcode);
    place.country = Collapse(a.country);
    AddPlace(e.addresses, std::move(place));
  }
  for (const UkBirthPlace& b : row.births) {
    model::Place place;
    place.city = Collapse(b.town);
    place.country = Collapse(b.country);
    AddPlace(e.places_of_birth, std::move(place));
  }
  for (const auto* docs : {&row.passports, &row.national_ids}) {
    for (const UkDocument& in : *docs) {
      model::Document d;
      d.type = docs == &row.passports ? "Passport" : "National Identification Number";
      d.number = Collapse(in.number.text);
      d.note = Collapse(in.info);
      if (d.number.empty() && d.note.empty()) continue;
      std::tie(d.issuing_country, d.country_code) = CountryIn(d.note);
      AddDocument(e, std::move(d));
    }
  }
  return Status::Ok();
}

ParsedList UkListBuilder::Finish() {
  ParsedList list;
  list.list_id = "uk";
  list.format = format_;
  for (Pending& p : pending_) {
    model::Entity& e = p.entity;
    if (!HasPrimary(e)) {
      for (model::Name& n : e.names) {
        if (n.kind == NameKind::kGoodAlias) {
          n.kind = NameKind::kPrimary;
          break;
        }
      }
    }
    auto order = [](const model::Name& n) {
      return n.kind == NameKind::kPrimary ? 0 : n.kind == NameKind::kOriginalScript ? 1 : 2;
    };
    std::stable_sort(
        e.names.begin(), e.names.end(),
        [&](const model::Name& a, const model::Name& b) { return order(a) < order(b); });
    std::sort(e.last_updated.begin(), e.last_updated.end());
    std::string comments;
    for (const auto& [at, values] : p.notes) {
      if (values.empty()) continue;
      std::string line;
      if (at == 0) {
        for (const std::string& v : values) line += (line.empty() ? "" : "\n") + v;
      } else {
        line = std::string(kNoteLabels[at].label) + ":";
        for (size_t k = 0; k < values.size(); ++k) line += (k ? "; " : " ") + values[k];
      }
      comments += (comments.empty() ? "" : "\n") + line;
    }
    e.comments = std::move(comments);
    list.entities.push_back(std::move(e));
  }
  pending_.clear();
  index_.clear();
  return list;
}

}  // namespace hudud::lists
