// Dates as lists and travel documents give them: possibly partial (year only,
// year and month), approximate, or a range of years.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hudud::model {

// A calendar date where month and day may be unknown (0).
struct PartialDate {
  int16_t year = 0;  // 0 = unknown
  int8_t month = 0;  // 1..12, 0 = unknown
  int8_t day = 0;    // 1..31, 0 = unknown

  bool empty() const { return year == 0; }
  bool full() const { return year != 0 && month != 0 && day != 0; }
  // "1971", "1971-05", "1971-05-03"; "" when empty.
  std::string ToString() const;
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYYMMDD", "DD/MM/YYYY", "DD.MM.YYYY",
// "DD Mon YYYY" / "Mon YYYY" (English month names), with surrounding spaces.
// Returns nullopt for anything else, or for an impossible date (month 13,
// 31 February), so callers can report the field.
std::optional<PartialDate> ParsePartialDate(std::string_view text);

struct DateOfBirth {
  enum class Kind : uint8_t {
    kExact,        // `from` holds the date (possibly partial)
    kApproximate,  // around `from` (UN "APPROXIMATELY")
    kBetween,      // a range: `from`..`to` (UN "BETWEEN", FROM_YEAR..TO_YEAR)
  };
  Kind kind = Kind::kExact;
  PartialDate from;
  PartialDate to;  // only for kBetween
  std::string note;

  // "1971-05-03", "circa 1971", "1968..1971".
  std::string ToString() const;
};

std::string_view ToString(DateOfBirth::Kind kind);  // "exact", "approximate", "between"

}  // namespace hudud::model
