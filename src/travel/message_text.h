// Small text helpers the passenger-message readers share: trimming,
// upper-casing codes, counts, and quoting sent values in messages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hudud::travel {

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `s` without leading and trailing spaces, tabs and line breaks.
std::string Trim(std::string_view s);
// ASCII letters upper-cased; other bytes as they are.
std::string Upper(std::string_view s);
// A non-negative count of at most 9 significant digits, surrounding spaces
// and leading zeros allowed ("0000152" is 152); nullopt otherwise.
std::optional<int> ParseCount(std::string_view text);
// `s` quoted for a message, cut after 40 bytes (at a UTF-8 boundary) so
// hostile input cannot bloat warnings: "'O NEIL'", "'AAAA...'".
std::string Shown(std::string_view s);

}  // namespace hudud::travel
