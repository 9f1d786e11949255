// SSR free-text layouts (DOCS, DOCO, DOCA, INFT), PNR names with titles, the
// sensitive SSR codes.
#include "travel/ssr.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <tuple>

#include "travel/travel_dates.h"

namespace hudud::travel {
namespace {

constexpr size_t kMaxFields = 24;  // DOCS has 11; anything beyond is ignored

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string UpperCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Upper(c);
  return out;
}

// Trimmed, runs of whitespace squeezed to one space (line-break artefacts).
std::string Squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : Trim(s)) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string_view> SplitSlash(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (out.size() + 1 < kMaxFields) {
    const size_t slash = s.find('/', start);
    if (slash == std::string_view::npos) break;
    out.push_back(s.substr(start, slash - start));
    start = slash + 1;
  }
  out.push_back(s.substr(start));  // the rest (no further split past kMaxFields)
  for (auto& f : out) f = Trim(f);
  return out;
}

// The shape of DDMMMYY / DDMMMYYYY, valid or not: used to align fields, so a
// bad date still sits where a date belongs (and is then reported).
bool DateShaped(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && i < 2 && IsDigit(s[i])) ++i;
  if (i == 0 || i + 3 > s.size()) return false;
  for (size_t k = i; k < i + 3; ++k) {
    if (!IsAlpha(s[k])) return false;
  }
  const size_t year = s.size() - (i + 3);
  if (year != 2 && year != 4) return false;
  for (size_t k = i + 3; k < s.size(); ++k) {
    if (!IsDigit(s[k])) return false;
  }
  return true;
}

// "HK1", "KK", "HK12": an AIRIMP status (and number in party) some senders
// leave in front of the free text.
bool StatusShaped(std::string_view s) {
  if (s.size() < 2 || s.size() > 5 || !IsAlpha(s[0]) || !IsAlpha(s[1])) return false;
  for (size_t k = 2; k < s.size(); ++k) {
    if (!IsDigit(s[k])) return false;
  }
  return true;
}

bool IsGenderCode(std::string_view g) {
  const std::string u = UpperCopy(g);
  return u == "M" || u == "F" || u == "MI" || u == "FI" || u == "U" || u == "X";
}

bool ShortAlpha(std::string_view s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return false;
  return std::all_of(s.begin(), s.end(), IsAlpha);
}

// Drops a leading "CODE" word ("DOCS HK1/P/...") so the fields start cleanly.
std::string_view DropCode(std::string_view text, std::string_view code) {
  if (text.size() >= code.size() && UpperCopy(text.substr(0, code.size())) == code &&
      (text.size() == code.size() || text[code.size()] == ' ' || text[code.size()] == '/')) {
    text.remove_prefix(code.size());
    text = Trim(text);
  }
  return text;
}

Status CheckLength(std::string_view text, const char* what) {
  if (Trim(text).empty()) return Status::InvalidArgument(std::string(what) + ": empty free text");
  if (text.size() > kMaxSsrFreeText) {
    return Status::InvalidArgument(std::string(what) + ": free text longer than " +
                                   std::to_string(kMaxSsrFreeText) + " bytes");
  }
  return Status::Ok();
}

// The field at `k` once the fields start at `offset`; "" past the end.
struct Fields {
  std::vector<std::string_view> all;
  size_t offset = 0;
  std::string_view at(size_t k) const {
    return offset + k < all.size() ? all[offset + k] : std::string_view();
  }
  size_t count() const { return all.size() > offset ? all.size() - offset : 0; }
};

// Candidate first fields: 0, and 1 when field 0 is empty (a leading "/") or an
// AIRIMP status. `score` rates an alignment; ties go to skipping a leading "/".
template <typename Score>
Fields Align(std::string_view text, Score score) {
  Fields f;
  f.all = SplitSlash(text);
  const bool can_skip = f.all.size() > 1 && (f.all[0].empty() || StatusShaped(f.all[0]));
  if (!can_skip) return f;
  Fields skip = f;
  skip.offset = 1;
  if (score(skip) >= score(f)) return skip;
  return f;
}

int DateScore(std::string_view s, int good, int bad) {
  if (s.empty()) return 0;
  return DateShaped(s) ? good : bad;
}

model::PartialDate Reference(const ParseOptions& options) {
  return options.today.full() ? options.today : TodayUtc();
}

bool After(const model::PartialDate& a, const model::PartialDate& b) {
  return std::tie(a.year, a.month, a.day) > std::tie(b.year, b.month, b.day);
}

// Reads a DDMMMYY field; an unreadable value is kept raw and reported.
DateTime ReadDate(std::string_view raw, DateRole role, const ParseOptions& options,
                  const char* field, std::vector<SsrProblem>* problems) {
  DateTime out;
  out.raw = std::string(raw);
  if (raw.empty()) return out;
  const std::optional<model::PartialDate> d = ParseDdMmmYy(raw, role, options.today);
  if (!d) {
    problems->push_back({field, "'" + out.raw + "' is not a DDMMMYY date"});
    return out;
  }
  if (role == DateRole::kBirth && After(*d, Reference(options))) {
    problems->push_back({field, "'" + out.raw + "' is in the future"});
    return out;
  }
  out.date = *d;
  return out;
}

bool IsFlag(std::string_view s, char flag) { return s.size() == 1 && Upper(s[0]) == flag; }

// Titles that may end a PNR given name, as a word of their own.
constexpr std::array<std::string_view, 16> kWordTitles = {
    "MR",   "MRS", "MS",   "MISS", "MSTR", "DR",  "PROF", "REV",
    "CAPT", "SIR", "LADY", "MME",  "MLLE", "CHD", "INF",  "MSS"};
// Titles that carriers also run into the name ("CHARLESMR"); longest first.
// DR is not among them: "ALEXANDR", "ISKANDR" are names.
constexpr std::array<std::string_view, 7> kRunInTitles = {"MSTR", "MISS", "MRS", "CHD",
                                                          "INF",  "MR",   "MS"};
// Given names that end like a run-in title but are not one.
constexpr std::array<std::string_view, 4> kNotRunIn = {"WILLIAMS", "ADAMS", "ABRAHAMS", "SIMMS"};

bool IsWordTitle(std::string_view t) {
  const std::string u = UpperCopy(t);
  return std::find(kWordTitles.begin(), kWordTitles.end(), u) != kWordTitles.end();
}

// Splits a run-in title off `word` ("CHARLESMR" -> "CHARLES", "MR").
bool SplitRunIn(std::string* word, std::string* title) {
  const std::string u = UpperCopy(*word);
  if (std::find(kNotRunIn.begin(), kNotRunIn.end(), u) != kNotRunIn.end()) return false;
  for (std::string_view t : kRunInTitles) {
    if (u.size() < t.size() + 3 || u.compare(u.size() - t.size(), t.size(), t) != 0) continue;
    const std::string rest = word->substr(0, word->size() - t.size());
    if (!std::all_of(rest.begin(), rest.end(), IsAlpha)) return false;
    *title = std::string(t);
    *word = rest;
    return true;
  }
  return false;
}

}  // namespace

PersonName ParsePnrName(std::string_view surname, std::string_view given_with_title) {
  PersonName name;
  name.surname = Squeeze(surname);
  std::vector<std::string> words;
  const std::string given = Squeeze(given_with_title);
  size_t start = 0;
  while (start < given.size()) {
    size_t space = given.find(' ', start);
    if (space == std::string::npos) space = given.size();
    words.push_back(given.substr(start, space - start));
    start = space + 1;
  }
  // At most two trailing word titles ("JOHN MSTR CHD"), kept in their order.
  std::vector<std::string> titles;
  while (!words.empty() && titles.size() < 2 && IsWordTitle(words.back())) {
    titles.insert(titles.begin(), words.back());
    words.pop_back();
  }
  if (titles.empty() && !words.empty()) {
    std::string title;
    if (SplitRunIn(&words.back(), &title)) titles.push_back(title);
  }
  for (size_t i = 0; i < titles.size(); ++i) {
    if (i) name.title += ' ';
    name.title += titles[i];
  }
  name.given = std::move(words);
  return name;
}

bool IsSensitiveSsrCode(std::string_view code) {
  const std::string u = UpperCopy(Trim(code));
  if (u.size() == 4 && u[2] == 'M' && u[3] == 'L') return true;  // every meal code
  static constexpr std::array<std::string_view, 21> kMedical = {
      "MEDA", "MEQT", "WCHR", "WCHS", "WCHC", "WCBD", "WCBW", "WCMP", "WCLB", "WCOB", "BLND",
      "DEAF", "DPNA", "OXYG", "POXY", "STCR", "LEGL", "LEGR", "PPOC", "ESAN", "SVAN"};
  return std::find(kMedical.begin(), kMedical.end(), u) != kMedical.end();
}

std::string AirimpEmail(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '/' && next == '/') {
      out += '@';
      ++i;
    } else if (c == '.' && next == '.') {
      out += '_';
      ++i;
    } else if (c == '.' && next == '/') {
      out += '-';
      ++i;
    } else {
      out += c;
    }
  }
  if (out.find('@') == std::string::npos) {
    const std::string u = UpperCopy(out);
    const size_t at = u.find(".AT.");
    if (at != std::string::npos) out.replace(at, 4, "@");
  }
  return out;
}

Result<DocsSsr> ParseDocs(std::string_view free_text, const ParseOptions& options) {
  HUDUD_RETURN_IF_ERROR(CheckLength(free_text, "SSR DOCS"));
  const std::string_view text = DropCode(Trim(free_text), "DOCS");
  const Fields f = Align(text, [](const Fields& c) {
    int s = DateScore(c.at(4), 3, -2) + DateScore(c.at(6), 1, -1);
    if (!c.at(5).empty()) s += IsGenderCode(c.at(5)) ? 2 : -2;
    if (!c.at(0).empty() && !ShortAlpha(c.at(0), 2)) s -= 1;
    return s;
  });
  if (f.count() < 8) {
    return Status::InvalidArgument(
        "SSR DOCS: " + std::to_string(f.count()) +
        " fields, too few (type/issuing state/number/nationality/date of birth/gender/expiry "
        "date/surname at least)");
  }
  DocsSsr d;
  d.document_type = UpperCopy(f.at(0));
  d.issuing_country = std::string(f.at(1));
  d.number = std::string(f.at(2));
  d.nationality = std::string(f.at(3));
  d.birth_date = ReadDate(f.at(4), DateRole::kBirth, options, "date of birth", &d.problems);
  d.gender = UpperCopy(f.at(5));
  if (!d.gender.empty()) {
    if (!IsGenderCode(d.gender)) {
      d.problems.push_back({"gender", "'" + d.gender + "' is not M, F, MI, FI, U or X"});
    } else {
      d.infant = d.gender == "MI" || d.gender == "FI";
      if (d.gender[0] == 'M') d.gender_value = model::Gender::kMale;
      if (d.gender[0] == 'F') d.gender_value = model::Gender::kFemale;
    }
  }
  d.expiry = ReadDate(f.at(6), DateRole::kExpiry, options, "expiry date", &d.problems);
  d.surname = Squeeze(f.at(7));
  d.given = Squeeze(f.at(8));
  d.middle = Squeeze(f.at(9));
  d.multi_passenger_holder = IsFlag(f.at(10), 'H');
  return d;
}

Result<DocoSsr> ParseDoco(std::string_view free_text, const ParseOptions& options) {
  HUDUD_RETURN_IF_ERROR(CheckLength(free_text, "SSR DOCO"));
  const std::string_view text = DropCode(Trim(free_text), "DOCO");
  const Fields f = Align(text, [](const Fields& c) {
    int s = DateScore(c.at(4), 3, -2);
    if (!c.at(1).empty()) s += ShortAlpha(c.at(1), 2) ? 1 : -1;
    if (!c.at(5).empty()) s += ShortAlpha(c.at(5), 3) ? 1 : -1;
    if (!c.at(6).empty() && !IsFlag(c.at(6), 'I')) s -= 2;
    return s;
  });
  if (f.count() < 3) {
    return Status::InvalidArgument("SSR DOCO: " + std::to_string(f.count()) +
                                   " fields, too few (birth place/type/number at least)");
  }
  DocoSsr d;
  d.birth_place = Squeeze(f.at(0));
  d.document_type = UpperCopy(f.at(1));
  d.number = std::string(f.at(2));
  d.issue_place = Squeeze(f.at(3));
  d.issued = ReadDate(f.at(4), DateRole::kBirth, options, "issue date", &d.problems);
  d.applicable_country = std::string(f.at(5));
  d.infant = IsFlag(f.at(6), 'I');
  return d;
}

Result<DocaSsr> ParseDoca(std::string_view free_text, const ParseOptions& options) {
  (void)options;  // no dates in DOCA; kept for a uniform signature
  HUDUD_RETURN_IF_ERROR(CheckLength(free_text, "SSR DOCA"));
  const std::string_view text = DropCode(Trim(free_text), "DOCA");
  auto is_type = [](std::string_view s) { return IsFlag(s, 'R') || IsFlag(s, 'D'); };
  const Fields f = Align(text, [&](const Fields& c) {
    int s = is_type(c.at(0)) ? 2 : 0;
    if (!c.at(1).empty()) s += ShortAlpha(c.at(1), 3) ? 1 : -1;
    return s;
  });
  if (f.count() < 2) {
    return Status::InvalidArgument("SSR DOCA: " + std::to_string(f.count()) +
                                   " fields, too few (type/country at least)");
  }
  DocaSsr d;
  d.address_type = UpperCopy(f.at(0));
  if (!is_type(d.address_type)) {
    d.problems.push_back(
        {"address type", "'" + d.address_type + "' is not R (residence) or D (destination)"});
  }
  d.country = std::string(f.at(1));
  d.street = Squeeze(f.at(2));
  d.city = Squeeze(f.at(3));
  d.region = Squeeze(f.at(4));
  d.postcode = Squeeze(f.at(5));
  d.infant = IsFlag(f.at(6), 'I');
  return d;
}

Result<InftSsr> ParseInft(std::string_view free_text, const ParseOptions& options) {
  HUDUD_RETURN_IF_ERROR(CheckLength(free_text, "SSR INFT"));
  std::string_view text = DropCode(Trim(free_text), "INFT");
  while (!text.empty() && text.front() == '/') text.remove_prefix(1);
  // A leading status with its number ("HK1/", "HK1 ") is not part of the name.
  const size_t first_end = text.find_first_of(" /");
  if (first_end != std::string_view::npos && first_end > 2 &&
      StatusShaped(text.substr(0, first_end))) {
    text = Trim(text.substr(first_end + 1));
  }
  InftSsr inft;
  // The birth date is the last word (after a space or a slash) shaped like one.
  const size_t cut = text.find_last_of(" /");
  if (cut != std::string_view::npos && DateShaped(Trim(text.substr(cut + 1)))) {
    inft.birth_date = ReadDate(Trim(text.substr(cut + 1)), DateRole::kBirth, options,
                               "date of birth", &inft.problems);
    text = Trim(text.substr(0, cut));
  } else if (DateShaped(text)) {
    return Status::InvalidArgument("SSR INFT: a birth date but no name");
  }
  while (!text.empty() && text.back() == '/') text.remove_suffix(1);
  const size_t slash = text.find('/');
  std::string given;
  std::string_view surname = text;
  if (slash != std::string_view::npos) {
    surname = text.substr(0, slash);
    given = std::string(text.substr(slash + 1));
    std::replace(given.begin(), given.end(), '/', ' ');
  }
  inft.name = ParsePnrName(surname, given);
  if (inft.name.empty()) return Status::InvalidArgument("SSR INFT: names no infant");
  return inft;
}

}  // namespace hudud::travel
