// ApplyOfacRemarks and friends (lists/ofac_remarks.h).
#include "lists/ofac_remarks.h"

#include <cctype>
#include <optional>

#include "model/country.h"

namespace hudud::lists {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '.'))
    s.remove_prefix(1);
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '.'))
    s.remove_suffix(1);
  return s;
}

bool StartsWithWord(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(word[i])))
      return false;
  }
  return s.size() == word.size() || s[word.size()] == ' ' || s[word.size()] == ':' ||
         word.back() == ' ' || word.back() == '.';
}

bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// Splits remarks into clauses on ';' outside quotes and parentheses.
std::vector<std::string_view> Clauses(std::string_view s) {
  std::vector<std::string_view> out;
  int paren = 0;
  bool quote = false;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // An apostrophe inside a word ("O'Brien") is not a quote.
    if (c == '\'' && (i == 0 || !std::isalpha(static_cast<unsigned char>(s[i - 1])) || quote))
      quote = !quote;
    if (!quote) {
      if (c == '(') ++paren;
      if (c == ')' && paren > 0) --paren;
    }
    if (c == ';' && paren == 0 && !quote) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

// The country in "Caracas, Venezuela": the last comma-separated part.
model::Place ParsePlace(std::string_view text) {
  model::Place p;
  text = Trim(text);
  size_t comma = text.rfind(',');
  std::string_view last = comma == std::string_view::npos ? text : Trim(text.substr(comma + 1));
  std::string code = model::ResolveCountryCode(last);
  if (!code.empty()) {
    p.country = std::string(last);
    p.country_code = code;
    if (comma != std::string_view::npos) p.city = std::string(Trim(text.substr(0, comma)));
  } else {
    p.city = std::string(text);
  }
  return p;
}

// Clauses that are about the record, not about the person's identity.
bool IsNarrative(std::string_view c) {
  for (std::string_view w : {"Linked To",
                             "Additional Sanctions Information",
                             "Transactions Prohibited",
                             "Secondary sanctions risk",
                             "Executive Order",
                             "Email",
                             "Website",
                             "Telephone",
                             "Phone",
                             "Fax",
                             "Organization",
                             "Organization Established Date",
                             "Organization Type",
                             "CAATSA",
                             "Target Type",
                             "IFCA Determination",
                             "Listing Date",
                             "Effective Date",
                             "Subject to",
                             "Nationality of Registration",
                             "Location",
                             "Member",
                             "Title",
                             "Digital Currency Address",
                             "Other Vessel",
                             "Vessel Year of Build",
                             "Vessel Flag",
                             "Aircraft Manufacture Date",
                             "Aircraft Model",
                             "Aircraft Operator",
                             "Aircraft Manufacturer",
                             "Aircraft Tail Number",
                             "Previous Aircraft Tail Number",
                             "Aircraft Mode S Transponder Code"}) {
    if (StartsWithWord(c, w)) return true;
  }
  return false;
}

// "Passport A12345 (Iran) expires 21 Apr 2020" -> Document. The type is the
// words before the first word with a digit (dropping a trailing "No."/"#"),
// the number runs to the parenthesis or to "issued"/"expires".
std::optional<model::Document> ParseDocument(std::string_view c) {
  if (!HasDigit(c)) return std::nullopt;
  model::Document d;
  std::string_view rest = c;
  // Split off a parenthesised country and "issued ... / expires ..." notes.
  size_t paren = rest.find('(');
  std::string_view tail;
  if (paren != std::string_view::npos) {
    size_t close = rest.find(')', paren);
    std::string_view inside = rest.substr(
        paren + 1, close == std::string_view::npos ? std::string_view::npos : close - paren - 1);
    std::string code = model::ResolveCountryCode(Trim(inside));
    if (!code.empty()) {
      d.issuing_country = std::string(Trim(inside));
      d.country_code = code;
      tail = close == std::string_view::npos ? std::string_view() : rest.substr(close + 1);
      rest = rest.substr(0, paren);
    }
  }
  for (std::string_view kw : {" issued ", " expires ", " Issue Date ", " Expire Date "}) {
    size_t at = rest.find(kw);
    if (at != std::string_view::npos) {
      tail = rest.substr(at);
      rest = rest.substr(0, at);
    }
  }
  rest = Trim(rest);
  // Type: leading words without digits.
  size_t pos = 0;
  size_t type_end = 0;
  while (pos < rest.size()) {
    size_t sp = rest.find(' ', pos);
    std::string_view word = rest.substr(pos, sp == std::string_view::npos ? sp : sp - pos);
    if (HasDigit(word)) break;
    type_end = sp == std::string_view::npos ? rest.size() : sp;
    pos = sp == std::string_view::npos ? rest.size() : sp + 1;
  }
  std::string_view type = Trim(rest.substr(0, type_end));
  std::string_view number = Trim(rest.substr(std::min(pos, rest.size())));
  if (type.empty() || number.empty()) return std::nullopt;
  d.type = std::string(type);
  d.number = std::string(number);
  d.note = std::string(Trim(tail));
  return d;
}

}  // namespace

bool ParseOfacDate(std::string_view text, model::DateOfBirth* out) {
  text = Trim(text);
  model::DateOfBirth d;
  if (StartsWithWord(text, "circa")) {
    d.kind = model::DateOfBirth::Kind::kApproximate;
    text = Trim(text.substr(5));
  } else if (StartsWithWord(text, "approximately")) {
    d.kind = model::DateOfBirth::Kind::kApproximate;
    text = Trim(text.substr(13));
  }
  if (StartsWithWord(text, "between")) {
    text = Trim(text.substr(7));
    size_t and_at = text.find(" and ");
    if (and_at == std::string_view::npos) return false;
    auto a = model::ParsePartialDate(Trim(text.substr(0, and_at)));
    auto b = model::ParsePartialDate(Trim(text.substr(and_at + 5)));
    if (!a || !b) return false;
    d.kind = model::DateOfBirth::Kind::kBetween;
    d.from = *a;
    d.to = *b;
    *out = d;
    return true;
  }
  // "1979-1982": a range of years.
  if (text.size() == 9 && text[4] == '-' && HasDigit(text.substr(0, 4))) {
    auto a = model::ParsePartialDate(text.substr(0, 4));
    auto b = model::ParsePartialDate(text.substr(5));
    if (a && b && a->month == 0 && b->month == 0) {
      d.kind = model::DateOfBirth::Kind::kBetween;
      d.from = *a;
      d.to = *b;
      *out = d;
      return true;
    }
  }
  size_t to = text.find(" to ");
  if (to != std::string_view::npos) {
    auto a = model::ParsePartialDate(Trim(text.substr(0, to)));
    auto b = model::ParsePartialDate(Trim(text.substr(to + 4)));
    if (!a || !b) return false;
    d.kind = model::DateOfBirth::Kind::kBetween;
    d.from = *a;
    d.to = *b;
    *out = d;
    return true;
  }
  auto a = model::ParsePartialDate(text);
  if (!a) return false;
  d.from = *a;
  *out = d;
  return true;
}

void SetOfacNameParts(model::Name* name) {
  std::string_view full = name->full;
  size_t comma = full.find(',');
  if (comma == std::string_view::npos) return;
  std::string_view family = Trim(full.substr(0, comma));
  std::string_view given = Trim(full.substr(comma + 1));
  if (family.empty() || given.empty()) return;
  name->parts = {{model::NamePartRole::kFamily, std::string(family)},
                 {model::NamePartRole::kGiven, std::string(given)}};
}

int ApplyOfacRemarks(std::string_view remarks, model::Entity* e) {
  int unread_dobs = 0;
  for (std::string_view raw : Clauses(remarks)) {
    std::string_view c = Trim(raw);
    if (StartsWithWord(c, "alt.")) c = Trim(c.substr(4));
    if (c.empty()) continue;
    if (StartsWithWord(c, "DOB")) {
      model::DateOfBirth d;
      if (ParseOfacDate(c.substr(3), &d)) {
        e->dates_of_birth.push_back(d);
      } else {
        ++unread_dobs;
      }
      continue;
    }
    if (StartsWithWord(c, "POB")) {
      model::Place p = ParsePlace(c.substr(3));
      if (!p.city.empty() || !p.country.empty()) e->places_of_birth.push_back(std::move(p));
      continue;
    }
    if (StartsWithWord(c, "nationality") || StartsWithWord(c, "citizen")) {
      std::string_view v =
          Trim(c.substr(c.find(' ') == std::string_view::npos ? c.size() : c.find(' ')));
      if (!v.empty()) {
        e->nationalities.push_back({std::string(v), model::ResolveCountryCode(v)});
      }
      continue;
    }
    if (StartsWithWord(c, "Gender")) {
      if (auto g = model::ParseGender(Trim(c.substr(6)))) e->gender = *g;
      continue;
    }
    if (StartsWithWord(c, "a.k.a.") || StartsWithWord(c, "f.k.a.") || StartsWithWord(c, "n.k.a.")) {
      const bool former = c[0] == 'f' || c[0] == 'F';
      std::string_view v = Trim(c.substr(6));
      if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') v = v.substr(1, v.size() - 2);
      v = Trim(v);
      if (v.empty()) continue;
      model::Name n;
      n.full = std::string(v);
      n.kind = former ? model::NameKind::kFormerName : model::NameKind::kLowAlias;
      n.note = "from remarks";
      if (e->kind == model::EntityKind::kPerson) SetOfacNameParts(&n);
      e->names.push_back(std::move(n));
      continue;
    }
    if (IsNarrative(c)) continue;
    if (std::optional<model::Document> d = ParseDocument(c)) e->documents.push_back(*d);
  }
  return unread_dobs;
}

}  // namespace hudud::lists
