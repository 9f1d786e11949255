// Text helpers of the message readers (travel/message_text.h).
#include "travel/message_text.h"

#include <charconv>

namespace hudud::travel {

std::string Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::optional<int> ParseCount(std::string_view text) {
  std::string s = Trim(text);
  size_t zeros = 0;
  while (zeros + 1 < s.size() && s[zeros] == '0') ++zeros;
  std::string_view digits = std::string_view(s).substr(zeros);
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  for (char c : digits) {
    if (!IsDigit(c)) return std::nullopt;
  }
  int v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

std::string Shown(std::string_view s) {
  if (s.size() <= 40) return "'" + std::string(s) + "'";
  size_t cut = 40;  // not inside a UTF-8 sequence
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(s.substr(0, cut)) + "...'";
}

}  // namespace hudud::travel
