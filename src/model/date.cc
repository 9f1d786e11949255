// Parsing and printing of partial dates and dates of birth (model/date.h).
#include "model/date.h"

#include <array>
#include <cstdio>
#include <vector>

namespace hudud::model {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Reads exactly the whole of `s` as a decimal number of min..max digits.
std::optional<int> Digits(std::string_view s, size_t min_len, size_t max_len) {
  if (s.size() < min_len || s.size() > max_len) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && IsLeapYear(y)) ? 29 : kDays[static_cast<size_t>(m - 1)];
}

// Validates and builds; month/day 0 mean unknown (a day needs a month).
std::optional<PartialDate> Make(int y, int m, int d) {
  if (y < 1 || y > 9999) return std::nullopt;
  if (m < 0 || m > 12 || d < 0) return std::nullopt;
  if (m == 0 && d != 0) return std::nullopt;
  if (m != 0 && d > DaysInMonth(y, m)) return std::nullopt;
  PartialDate p;
  p.year = static_cast<int16_t>(y);
  p.month = static_cast<int8_t>(m);
  p.day = static_cast<int8_t>(d);
  return p;
}

// English month names: full, three-letter, "Sept", each optionally followed
// by a dot ("Nov. 1973" is how the UN list writes notes).
int MonthFromName(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return 0;
  std::string w;
  for (char c : word) w.push_back(Lower(c));
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (w == kNames[i] || w == kNames[i].substr(0, 3)) return static_cast<int>(i) + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
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

// "DD/MM/YYYY" or "DD.MM.YYYY" (day and month may have one digit).
std::optional<PartialDate> ParseDayFirst(std::string_view s, char sep) {
  size_t a = s.find(sep);
  if (a == std::string_view::npos) return std::nullopt;
  size_t b = s.find(sep, a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  auto d = Digits(s.substr(0, a), 1, 2);
  auto m = Digits(s.substr(a + 1, b - a - 1), 1, 2);
  auto y = Digits(s.substr(b + 1), 4, 4);
  if (!d || !m || !y || *d == 0 || *m == 0) return std::nullopt;
  return Make(*y, *m, *d);
}

// "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYYMMDD".
std::optional<PartialDate> ParseIso(std::string_view s) {
  if (s.size() == 4) {
    auto y = Digits(s, 4, 4);
    return y ? Make(*y, 0, 0) : std::nullopt;
  }
  if (s.size() == 8 && s.find('-') == std::string_view::npos) {
    auto y = Digits(s.substr(0, 4), 4, 4);
    auto m = Digits(s.substr(4, 2), 2, 2);
    auto d = Digits(s.substr(6, 2), 2, 2);
    if (!y || !m || !d || *m == 0 || *d == 0) return std::nullopt;
    return Make(*y, *m, *d);
  }
  if ((s.size() == 7 || s.size() == 10) && s[4] == '-') {
    auto y = Digits(s.substr(0, 4), 4, 4);
    auto m = Digits(s.substr(5, 2), 2, 2);
    if (!y || !m || *m == 0) return std::nullopt;
    if (s.size() == 7) return Make(*y, *m, 0);
    if (s[7] != '-') return std::nullopt;
    auto d = Digits(s.substr(8, 2), 2, 2);
    if (!d || *d == 0) return std::nullopt;
    return Make(*y, *m, *d);
  }
  return std::nullopt;
}

// "DD Mon YYYY" or "Mon YYYY".
std::optional<PartialDate> ParseWords(std::string_view s) {
  std::vector<std::string_view> w = SplitSpaces(s);
  if (w.size() == 2) {
    int m = MonthFromName(w[0]);
    auto y = Digits(w[1], 4, 4);
    if (m == 0 || !y) return std::nullopt;
    return Make(*y, m, 0);
  }
  if (w.size() == 3) {
    auto d = Digits(w[0], 1, 2);
    int m = MonthFromName(w[1]);
    auto y = Digits(w[2], 4, 4);
    if (!d || *d == 0 || m == 0 || !y) return std::nullopt;
    return Make(*y, m, *d);
  }
  return std::nullopt;
}

}  // namespace

std::string PartialDate::ToString() const {
  if (empty()) return "";
  char buf[32];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

std::optional<PartialDate> ParsePartialDate(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty()) return std::nullopt;
  if (IsDigit(s.front()) && s.find(' ') == std::string_view::npos) {
    if (s.find('/') != std::string_view::npos) return ParseDayFirst(s, '/');
    if (s.find('.') != std::string_view::npos) return ParseDayFirst(s, '.');
    return ParseIso(s);
  }
  return ParseWords(s);
}

std::string DateOfBirth::ToString() const {
  switch (kind) {
    case Kind::kExact:
      return from.ToString();
    case Kind::kApproximate:
      return from.empty() ? "" : "circa " + from.ToString();
    case Kind::kBetween:
      if (from.empty() && to.empty()) return "";
      return from.ToString() + ".." + to.ToString();
  }
  return "";
}

std::string_view ToString(DateOfBirth::Kind kind) {
  switch (kind) {
    case DateOfBirth::Kind::kExact:
      return "exact";
    case DateOfBirth::Kind::kApproximate:
      return "approximate";
    case DateOfBirth::Kind::kBetween:
      return "between";
  }
  return "exact";
}

}  // namespace hudud::model
