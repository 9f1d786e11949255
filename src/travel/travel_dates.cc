// Century rules and fixed-width date layouts of travel messages.
#include "travel/travel_dates.h"

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <string>

namespace hudud::travel {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

// Days since 1970-01-01 (civil calendar), for full dates.
long DayNumber(int y, int m, int d) {
  return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d))
      .time_since_epoch()
      .count();
}

std::optional<model::PartialDate> Make(int yy, int mm, int dd, DateRole role,
                                       const model::PartialDate& today) {
  if (mm < 1 || mm > 12 || dd < 1) return std::nullopt;
  const int year = ResolveCentury(yy, mm, dd, role, today) + yy;
  if (dd > DaysInMonth(year, mm)) return std::nullopt;
  return model::PartialDate{static_cast<int16_t>(year), static_cast<int8_t>(mm),
                            static_cast<int8_t>(dd)};
}

model::PartialDate Reference(const model::PartialDate& today) {
  return today.full() ? today : TodayUtc();
}

}  // namespace

model::PartialDate TodayUtc() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd(now);
  return model::PartialDate{static_cast<int16_t>(static_cast<int>(ymd.year())),
                            static_cast<int8_t>(static_cast<unsigned>(ymd.month())),
                            static_cast<int8_t>(static_cast<unsigned>(ymd.day()))};
}

int ResolveCentury(int yy, int month, int day, DateRole role, const model::PartialDate& today) {
  const model::PartialDate ref = Reference(today);
  const int century = ref.year / 100 * 100;
  auto key = [](int y, int m, int d) { return y * 10000 + m * 100 + d; };
  const int ref_key = key(ref.year, ref.month, ref.day);
  switch (role) {
    case DateRole::kBirth: {
      // The latest century that does not put the birth in the future.
      const int y = century + yy;
      return key(y, month, day) > ref_key ? century - 100 : century;
    }
    case DateRole::kExpiry: {
      // Documents are valid for at most a few decades: ahead up to 50 years,
      // otherwise it expired in the past.
      const int y = century + yy;
      if (y > ref.year + 50) return century - 100;
      if (y < ref.year - 50) return century + 100;
      return century;
    }
    case DateRole::kEvent: {
      int best = century;
      for (int c : {century - 100, century + 100}) {
        if (std::abs(c + yy - ref.year) < std::abs(best + yy - ref.year)) best = c;
      }
      return best;
    }
  }
  return century;
}

std::optional<model::PartialDate> ParseYyMmDd(std::string_view text, DateRole role,
                                              const model::PartialDate& today) {
  text = Trim(text);
  int yy, mm, dd;
  if (text.size() != 6 || !Digits(text, 0, 2, &yy) || !Digits(text, 2, 2, &mm) ||
      !Digits(text, 4, 2, &dd)) {
    return std::nullopt;
  }
  return Make(yy, mm, dd, role, today);
}

std::optional<model::PartialDate> ParseDdMmYy(std::string_view text, DateRole role,
                                              const model::PartialDate& today) {
  text = Trim(text);
  int yy, mm, dd;
  if (text.size() != 6 || !Digits(text, 0, 2, &dd) || !Digits(text, 2, 2, &mm) ||
      !Digits(text, 4, 2, &yy)) {
    return std::nullopt;
  }
  return Make(yy, mm, dd, role, today);
}

std::optional<model::PartialDate> ParseDdMmmYy(std::string_view text, DateRole role,
                                               const model::PartialDate& today) {
  text = Trim(text);
  int dd;
  // "5MAR85" / "17MAR85" / "5MAR1985" / "17MAR1985"
  if (text.size() < 6 || text.size() > 9) return std::nullopt;
  const size_t day_len = text.size() % 2 == 0 ? 1 : 2;
  if (!Digits(text, 0, day_len, &dd) || text.size() < day_len + 5) return std::nullopt;
  static constexpr const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                            "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  std::string mon(text.substr(day_len, 3));
  for (char& c : mon) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  int mm = 0;
  for (int i = 0; i < 12; ++i) {
    if (mon == kMonths[i]) mm = i + 1;
  }
  if (mm == 0) return std::nullopt;
  const std::string_view year = text.substr(day_len + 3);
  int y;
  if (year.size() == 2 && Digits(year, 0, 2, &y)) return Make(y, mm, dd, role, today);
  if (year.size() == 4 && Digits(year, 0, 4, &y)) {
    if (y < 1800 || dd > DaysInMonth(y, mm) || dd < 1) return std::nullopt;
    return model::PartialDate{static_cast<int16_t>(y), static_cast<int8_t>(mm),
                              static_cast<int8_t>(dd)};
  }
  return std::nullopt;
}

std::optional<int> ParseHhMm(std::string_view text) {
  text = Trim(text);
  int hh, mm;
  if (text.size() != 4 || !Digits(text, 0, 2, &hh) || !Digits(text, 2, 2, &mm) || hh > 24 ||
      mm > 59 || (hh == 24 && mm != 0)) {
    return std::nullopt;
  }
  return hh * 60 + mm;
}

int AgeOn(const model::PartialDate& birth, const model::PartialDate& on) {
  if (birth.year == 0 || on.year == 0) return -1;
  int age = on.year - birth.year;
  if (birth.month && on.month &&
      (on.month < birth.month || (on.month == birth.month && birth.day && on.day < birth.day))) {
    --age;
  }
  return age;
}

int DaysBetween(const model::PartialDate& a, const model::PartialDate& b) {
  if (!a.full() || !b.full()) return 0;
  return static_cast<int>(DayNumber(b.year, b.month, b.day) - DayNumber(a.year, a.month, a.day));
}

}  // namespace hudud::travel
