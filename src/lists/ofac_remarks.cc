// Reading OFAC's free-text remarks and the dates, places, names and
// numbers they share with the XML forms (lists/ofac_remarks.h).
#include "lists/ofac_remarks.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "lists/field_util.h"
#include "model/country.h"

namespace hudud::lists {
namespace {

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// White space, and the colon OFAC sometimes writes after a label.
std::string_view TrimValue(std::string_view s) {
  s = TrimSpace(s);
  while (!s.empty() && s.front() == ':') s = TrimSpace(s.substr(1));
  return s;
}

// Dates and places end a sentence with a period the value does not have.
std::string_view TrimPeriod(std::string_view s) {
  s = TrimSpace(s);
  while (!s.empty() && s.back() == '.') s = TrimSpace(s.substr(0, s.size() - 1));
  return s;
}

bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// `s` starts with `word` (any case) followed by the end, a space or a colon.
bool StartsWithWord(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(word[i])))
      return false;
  }
  if (s.size() == word.size() || word.back() == '.') return true;
  const char next = s[word.size()];
  return IsSpace(next) || next == ':';
}

// Splits remarks into clauses on ';' outside parentheses. Quotes are not
// tracked: OFAC writes the ayn as an apostrophe inside quoted aliases
// ("a.k.a. 'ABU 'ABDALLAH'"), so quote pairs do not balance.
std::vector<std::string_view> Clauses(std::string_view s) {
  std::vector<std::string_view> out;
  int paren = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++paren;
    if (s[i] == ')' && paren > 0) --paren;
    if (s[i] == ';' && paren == 0) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string Join(const std::vector<std::string_view>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// A type word with its punctuation stripped, lower case: "No." -> "no".
std::string Bare(std::string_view w) {
  while (!w.empty() && (w.front() == '(' || w.front() == '\'')) w.remove_prefix(1);
  while (!w.empty() && (w.back() == '.' || w.back() == ':' || w.back() == ',' || w.back() == ')'))
    w.remove_suffix(1);
  return AsciiLower(w);
}

// Words that make a clause with a digit an identity number.
bool IsNumberWord(const std::string& w) {
  static const char* const kWords[] = {
      "passport", "no",         "nr",         "num",         "number",
      "numbers",  "#",          "id",         "ids",         "identification",
      "identity", "identifier", "cedula",     "ssn",         "nit",
      "rfc",      "curp",       "ruc",        "r.u.c",       "cuit",
      "c.u.i.t",  "c.u.i.p",    "d.n.i",      "dni",         "nie",
      "nif",      "cif",        "rif",        "rut",         "cpf",
      "cnpj",     "license",    "licence",    "certificate", "registration",
      "registry", "register",   "card",       "mmsi",        "imo",
      "fein",     "ein",        "tin",        "v.a.t",       "vat",
      "tax",      "permit",     "code",       "bik",         "inn",
      "kpp",      "ogrn",       "okpo",       "swift",       "swift/bic",
      "bic",      "iban",       "lei",        "folio",       "matricula",
      "cartilla", "document",   "serial",     "msn",         "sign",
      "duns",     "d-u-n-s",    "credential", "visa",        "r.f.c",
      "c.u.r.p",  "n.i.t",      "r.i.f",      "c.i",         "c.c"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// A passport or register series written apart from its digits ("Passport
// RL 1794375", "Registration ID HRB 26136", "V.A.T. Number BG 121024920",
// "Passport TR-P 614166"): short capitals after a word that names a number
// belong to the number, unless they name one themselves ("Tax ID No. RIF").
bool IsSeries(std::string_view w) {
  if (w.empty() || w.size() > 4 || IsNumberWord(Bare(w))) return false;
  bool letter = false;
  for (char c : w) {
    if ((c < 'A' || c > 'Z') && c != '-') return false;
    letter = letter || c != '-';
  }
  return letter;
}

// Clauses about the record or about contact points, not identity
// numbers, even when they have a digit and a word like "Number".
bool IsNarrative(std::string_view c) {
  for (std::string_view w :
       {"Linked To", "Additional Sanctions Information", "Transactions Prohibited",
        "Secondary sanctions risk", "Executive Order", "Email", "Website", "Telephone", "Phone",
        "Fax", "Digital Currency Address", "CAATSA", "IFCA", "Listing Date", "Effective Date",
        "Target Type", "Organization Established Date", "Organization Type", "Former Vessel",
        "Vessel Year of Build", "Aircraft Manufacture Date", "Aircraft Model", "Aircraft Operator",
        "Subject to", "Location",
        // Telegraph codes of a Chinese name, not an identity number.
        "Chinese Commercial Code"}) {
    if (StartsWithWord(c, w)) return true;
  }
  return false;
}

// Where a document's number ends and what OFAC says about its dates
// begins ("... issued 14 Dec 2005 expires 13 Dec 2010").
size_t DateTail(std::string_view s) {
  size_t best = std::string_view::npos;
  const std::string lower = AsciiLower(s);
  for (std::string_view kw : {" issued", " expires", " issue date", " expire date",
                              " expiration date", " expiry date", " valid until"}) {
    size_t at = lower.find(kw);
    if (at != std::string::npos && at < best) best = at;
  }
  return best;
}

// "Passport A12345 (Iran) issued 2015 expires 2020" -> Document; nullopt
// when the clause is not an identity number (see ApplyOfacRemarks).
std::optional<model::Document> ParseDocument(std::string_view c) {
  if (!HasDigit(c) || c.front() == '(') return std::nullopt;
  model::Document d;
  // The first parenthesised country is the issuer; it leaves the text.
  std::string text(c);
  for (size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1)) {
    size_t close = text.find(')', open);
    if (close == std::string::npos) break;
    std::string_view inside = TrimSpace(std::string_view(text).substr(open + 1, close - open - 1));
    std::string code = model::ResolveCountryCode(inside);
    if (code.empty()) continue;
    d.issuing_country = std::string(inside);
    d.country_code = code;
    text = std::string(TrimSpace(std::string_view(text).substr(0, open))) + " " +
           std::string(TrimSpace(std::string_view(text).substr(close + 1)));
    break;
  }
  std::string_view head = TrimSpace(text);
  std::string_view tail;
  if (size_t at = DateTail(head); at != std::string_view::npos) {
    tail = TrimSpace(head.substr(at));
    head = TrimSpace(head.substr(0, at));
  }
  std::vector<std::string_view> words = Words(head);
  // The type runs to the first word with a digit; a parenthesis in it
  // ("Aircraft Construction Number (also called L/N or S/N) 8401") stays.
  size_t k = 0;
  int paren = 0;
  for (; k < words.size(); ++k) {
    for (char ch : words[k]) paren += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    if (paren <= 0 && HasDigit(words[k])) break;
    if (paren < 0) paren = 0;
  }
  if (k == 0 || k == words.size()) return std::nullopt;
  size_t type_end = k;
  if (type_end >= 2 && IsSeries(words[type_end - 1]) && IsNumberWord(Bare(words[type_end - 2]))) {
    --type_end;
  }
  bool numbered = !d.country_code.empty();
  for (size_t i = 0; i < type_end && !numbered; ++i) numbered = IsNumberWord(Bare(words[i]));
  // "... Date 17 Dec 2016" is a date, whatever else the clause says.
  if (!numbered || Bare(words[type_end - 1]) == "date") return std::nullopt;
  d.type = Join(words, 0, type_end);
  while (!d.type.empty() && d.type.back() == ':') d.type.pop_back();
  std::string number = Join(words, type_end, words.size());
  // A parenthesis after the number qualifies it; it is a note.
  if (size_t p = number.find(" ("); p != std::string::npos) {
    d.note = number.substr(p + 1);
    number.resize(p);
  }
  while (!number.empty() && (number.back() == ',' || number.back() == ':')) number.pop_back();
  d.number = number;
  if (d.number.empty()) return std::nullopt;
  // "issued 14 Dec 2005 expires 13 Dec 2010": the issue date has a field.
  if (!tail.empty()) {
    std::string rest(tail);
    std::string_view after = tail.substr(std::min<size_t>(6, tail.size()));
    if (StartsWithWord(tail, "issued") && !StartsWithWord(TrimSpace(after), "by")) {
      size_t next = DateTail(after);
      d.issue_date = std::string(TrimValue(after.substr(0, next)));
      rest = next == std::string_view::npos ? "" : std::string(TrimSpace(after.substr(next)));
    }
    if (!rest.empty()) d.note = d.note.empty() ? rest : d.note + "; " + rest;
  }
  NormalizeOfacDocument(&d);
  return d;
}

void AddLowName(model::Entity* e, std::string_view text, model::NameKind kind) {
  for (const model::Name& n : e->names) {
    if (n.full == text) return;  // alt.csv or the XML already has it, as a stronger name
  }
  model::Name n;
  n.full = std::string(text);
  n.kind = kind;
  n.note = "from remarks";
  if (e->kind == model::EntityKind::kPerson) SetOfacNameParts(&n);
  e->names.push_back(std::move(n));
}

bool ParseRange(std::string_view a, std::string_view b, model::DateOfBirth* d) {
  auto from = model::ParsePartialDate(TrimPeriod(a));
  auto to = model::ParsePartialDate(TrimPeriod(b));
  if (!from || !to) return false;
  d->kind = model::DateOfBirth::Kind::kBetween;
  d->from = *from;
  d->to = *to;
  return true;
}

// "None Identified", "Unknown": OFAC's way of saying there is no value.
bool IsNoValue(std::string_view v) {
  const std::string l = AsciiLower(TrimSpace(v));
  return l.empty() || l == "unknown" || l.rfind("none", 0) == 0;
}

// "Other Vessel Call Sign X", "Other Vessel Flag X", "Nationality of
// Registration X" (also "Vessel Call Sign", "Vessel Flag" as the XML types
// say): a call sign or the state of a vessel or organisation. False when
// `c` is none of these.
bool ApplyVesselFact(std::string_view c, model::Entity* e) {
  static const struct {
    std::string_view label;
    bool call_sign;
  } kFacts[] = {{"Other Vessel Call Sign", true},
                {"Vessel Call Sign", true},
                {"Other Vessel Flag", false},
                {"Vessel Flag", false},
                {"Nationality of Registration", false}};
  for (const auto& f : kFacts) {
    if (!StartsWithWord(c, f.label)) continue;
    std::string value(TrimValue(c.substr(f.label.size())));
    if (IsNoValue(value)) return true;
    if (!f.call_sign) {
      AddNationality(e, value);
      return true;
    }
    for (const model::Document& d : e->documents) {
      if (d.type == "Call Sign" && d.number == value) return true;
    }
    model::Document d;
    d.type = "Call Sign";
    d.number = value;
    if (f.label.front() == 'O') d.note = "other call sign";
    e->documents.push_back(std::move(d));
    return true;
  }
  return false;
}

}  // namespace

bool ApplyOfacTypedFact(const model::Document& fact, model::Entity* e) {
  const std::string type = TrimCopy(fact.type);
  const std::string clause = type + " " + TrimCopy(fact.number);
  if (StartsWithWord(type, "Gender")) {
    if (auto g = model::ParseGender(TrimValue(fact.number))) e->gender = *g;
    return true;
  }
  if (ApplyVesselFact(clause, e)) return true;
  std::vector<std::string_view> words = Words(type);
  if (IsNarrative(clause) || (!words.empty() && Bare(words.back()) == "date")) return false;
  if (TrimCopy(fact.number).empty()) return true;  // a type with no number: nothing to keep
  model::Document d = fact;
  d.type = type;
  d.number = TrimCopy(fact.number);
  NormalizeOfacDocument(&d);
  e->documents.push_back(std::move(d));
  return true;
}

bool ParseOfacDate(std::string_view text, model::DateOfBirth* out) {
  text = TrimPeriod(text);
  model::DateOfBirth d;
  for (std::string_view w : {"circa", "approximately", "approx.", "about"}) {
    if (StartsWithWord(text, w)) {
      d.kind = model::DateOfBirth::Kind::kApproximate;
      text = TrimSpace(text.substr(w.size()));
      break;
    }
  }
  if (StartsWithWord(text, "between")) {
    std::string_view rest = TrimSpace(text.substr(7));
    size_t and_at = AsciiLower(rest).find(" and ");
    if (and_at == std::string_view::npos ||
        !ParseRange(rest.substr(0, and_at), rest.substr(and_at + 5), &d))
      return false;
    *out = d;
    return true;
  }
  // "1979-1982": a range of years (a lone "1979-05" is a month).
  if (text.size() == 9 && text[4] == '-' && HasDigit(text.substr(0, 4)) &&
      HasDigit(text.substr(5))) {
    auto a = model::ParsePartialDate(text.substr(0, 4));
    auto b = model::ParsePartialDate(text.substr(5));
    if (a && b && a->month == 0 && b->month == 0 && b->year >= a->year) {
      d.kind = model::DateOfBirth::Kind::kBetween;
      d.from = *a;
      d.to = *b;
      *out = d;
      return true;
    }
  }
  if (size_t to = AsciiLower(text).find(" to "); to != std::string_view::npos) {
    if (!ParseRange(text.substr(0, to), text.substr(to + 4), &d)) return false;
    *out = d;
    return true;
  }
  auto a = model::ParsePartialDate(text);
  if (!a) return false;
  d.from = *a;
  *out = d;
  return true;
}

model::Place ParseOfacPlace(std::string_view text) {
  model::Place p;
  text = TrimPeriod(text);
  size_t comma = text.rfind(',');
  std::string_view last =
      comma == std::string_view::npos ? text : TrimSpace(text.substr(comma + 1));
  std::string code = model::ResolveCountryCode(last);
  if (!code.empty()) {
    p.country = std::string(last);
    p.country_code = code;
    if (comma != std::string_view::npos) p.city = std::string(TrimSpace(text.substr(0, comma)));
  } else {
    p.city = std::string(text);
  }
  return p;
}

void SetOfacNameParts(model::Name* name) {
  std::string_view full = name->full;
  size_t comma = full.find(',');
  if (comma == std::string_view::npos) return;
  std::string_view family = TrimSpace(full.substr(0, comma));
  std::string_view given = TrimSpace(full.substr(comma + 1));
  if (family.empty() || given.empty()) return;
  name->parts = {{model::NamePartRole::kFamily, std::string(family)},
                 {model::NamePartRole::kGiven, std::string(given)}};
}

void NormalizeOfacDocument(model::Document* d) {
  std::string_view n = TrimSpace(d->number);
  if (n.size() > 4 && n.substr(0, 4) == "IMO " && HasDigit(n.substr(4))) {
    d->type = TrimCopy(d->type + " IMO");
    d->number = std::string(TrimSpace(n.substr(4)));
  }
  if (d->type == "Vessel Registration Identification IMO") d->type = "IMO";
  if (d->country_code.empty() && !d->issuing_country.empty()) {
    d->country_code = model::ResolveCountryCode(d->issuing_country);
  }
}

RemarksLoss ApplyOfacRemarks(std::string_view remarks, model::Entity* e) {
  RemarksLoss loss;
  // The period that ends the remarks ends the last clause, not its value.
  remarks = TrimSpace(remarks);
  if (!remarks.empty() && remarks.back() == '.') remarks.remove_suffix(1);
  for (std::string_view raw : Clauses(remarks)) {
    std::string_view c = TrimSpace(raw);
    if (StartsWithWord(c, "alt.")) c = TrimSpace(c.substr(4));
    if (c.empty()) continue;
    if (StartsWithWord(c, "DOB")) {
      model::DateOfBirth d;
      if (ParseOfacDate(TrimValue(c.substr(3)), &d)) {
        e->dates_of_birth.push_back(d);
      } else {
        ++loss.unread_dobs;
      }
    } else if (StartsWithWord(c, "POB")) {
      model::Place p = ParseOfacPlace(TrimValue(c.substr(3)));
      if (!p.city.empty() || !p.country.empty()) e->places_of_birth.push_back(std::move(p));
    } else if (ApplyVesselFact(c, e)) {
      continue;
    } else if (StartsWithWord(c, "nationality") || StartsWithWord(c, "citizen") ||
               StartsWithWord(c, "citizenship")) {
      const size_t value = c.find_first_of(" :");
      if (value != std::string_view::npos && !IsNoValue(TrimValue(c.substr(value)))) {
        AddNationality(e, std::string(TrimValue(c.substr(value))));
      }
    } else if (StartsWithWord(c, "Gender")) {
      if (auto g = model::ParseGender(TrimValue(c.substr(6)))) e->gender = *g;
    } else if (StartsWithWord(c, "a.k.a.") || StartsWithWord(c, "f.k.a.") ||
               StartsWithWord(c, "n.k.a.")) {
      const bool former = c[0] == 'f' || c[0] == 'F';
      std::string_view v = TrimSpace(c.substr(6));
      // One pair of quotes wraps the alias; others are the ayn ("'ABD").
      if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') v = v.substr(1, v.size() - 2);
      v = TrimSpace(v);
      if (!v.empty()) {
        AddLowName(e, v, former ? model::NameKind::kFormerName : model::NameKind::kLowAlias);
      }
    } else if (!IsNarrative(c)) {
      if (std::optional<model::Document> d = ParseDocument(c)) e->documents.push_back(*d);
    }
  }
  return loss;
}

}  // namespace hudud::lists
