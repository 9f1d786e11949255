// The date layouts of passenger messages and travel documents, each with its
// century rule: PAXLST and MRZ write YYMMDD, PNRGOV DDMMYY, SSR DOCS DDMMMYY.
// A two-digit year is ambiguous; which century is meant depends on what the
// date is (a birth date lies in the past, an expiry date near the future).
#pragma once

#include <optional>
#include <string_view>

#include "model/date.h"

namespace hudud::travel {

enum class DateRole {
  kBirth,   // not after `today`: 850317 -> 1985, 240101 -> 2024 if that is not in the future
  kExpiry,  // the century putting it closest to `today`, at most 50 years ahead
  kEvent,   // flights, bookings, issue dates: the century putting it closest to `today`
};

// Today's date in UTC.
model::PartialDate TodayUtc();

// The century for a two-digit year `yy` given the role. `today` must be full.
int ResolveCentury(int yy, int month, int day, DateRole role, const model::PartialDate& today);

// "YYMMDD" (digits only, surrounding spaces ignored). nullopt when not a real date.
std::optional<model::PartialDate> ParseYyMmDd(std::string_view text, DateRole role,
                                              const model::PartialDate& today);
// "DDMMYY".
std::optional<model::PartialDate> ParseDdMmYy(std::string_view text, DateRole role,
                                              const model::PartialDate& today);
// "DDMMMYY" with an English month abbreviation ("17MAR85"), any case; also
// "DDMMMYYYY".
std::optional<model::PartialDate> ParseDdMmmYy(std::string_view text, DateRole role,
                                               const model::PartialDate& today);
// "HHMM" -> minutes after midnight; nullopt when not a valid time.
std::optional<int> ParseHhMm(std::string_view text);

// Whole years between `birth` and `on` (both full dates), or -1.
int AgeOn(const model::PartialDate& birth, const model::PartialDate& on);

// Days from `a` to `b` (full dates), negative when b is before a.
int DaysBetween(const model::PartialDate& a, const model::PartialDate& b);

}  // namespace hudud::travel
