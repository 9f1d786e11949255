// Shared readers of the list parsers (lists/field_util.h).
#include "lists/field_util.h"

#include <algorithm>
#include <cctype>

#include "model/country.h"

namespace hudud::lists {

std::string TrimCopy(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> SplitAny(std::string_view s, std::string_view seps) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || seps.find(s[i]) != std::string_view::npos) {
      std::string piece = TrimCopy(s.substr(start, i - start));
      if (!piece.empty()) out.push_back(std::move(piece));
      start = i + 1;
    }
  }
  return out;
}

std::optional<model::PartialDate> ParseDayFirstDate(std::string_view s) {
  std::string t = TrimCopy(s);
  if (t.size() == 10 && (t[2] == '/' || t[2] == '-' || t[2] == '.') && t[5] == t[2]) {
    auto num = [&t](size_t a, size_t n) -> int {
      int v = 0;
      for (size_t i = a; i < a + n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(t[i]))) return -1;
        v = v * 10 + (t[i] - '0');
      }
      return v;
    };
    int d = num(0, 2), m = num(3, 2), y = num(6, 4);
    if (d < 0 || m < 0 || y <= 0) return std::nullopt;
    // Zeros mean unknown: 00/00/1970 is the year 1970.
    std::string iso = std::to_string(y);
    if (m > 0) {
      iso += (m < 10 ? "-0" : "-") + std::to_string(m);
      if (d > 0) iso += (d < 10 ? "-0" : "-") + std::to_string(d);
    } else if (d > 0) {
      return std::nullopt;
    }
    return model::ParsePartialDate(iso);
  }
  return model::ParsePartialDate(t);
}

bool HasNonLatinLetters(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    uint32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    // Latin-1, Latin Extended A/B, IPA and combining marks end at U+036F;
    // Latin Extended Additional (U+1E00-1EFF) is Latin too.
    if (cp >= 0x370 && !(cp >= 0x1E00 && cp <= 0x1EFF) && !(cp >= 0x2000 && cp <= 0x206F)) {
      return true;
    }
    i += static_cast<size_t>(len);
  }
  return false;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

LineIndex::LineIndex(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') newlines_.push_back(i);
  }
}

size_t LineIndex::LineOf(ptrdiff_t offset) const {
  if (offset < 0) return 0;
  auto it = std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<size_t>(offset));
  return static_cast<size_t>(it - newlines_.begin()) + 1;
}

size_t LineAt(std::string_view text, ptrdiff_t offset) {
  if (offset < 0) return 0;
  size_t end = std::min(text.size(), static_cast<size_t>(offset));
  return 1 + static_cast<size_t>(
                 std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(end), '\n'));
}

void AddNationality(model::Entity* e, const std::string& text, const std::string& code) {
  if (text.empty() && code.empty()) return;
  std::string c = code.empty() ? model::ResolveCountryCode(text) : code;
  for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (const model::Nationality& n : e->nationalities) {
    if ((!c.empty() && n.country_code == c) || (c.empty() && n.text == text)) return;
  }
  e->nationalities.push_back({text.empty() ? c : text, c});
}

void AddName(model::Entity* e, const std::string& full, model::NameKind kind) {
  if (full.empty()) return;
  for (const model::Name& n : e->names) {
    if (n.full == full) return;
  }
  model::Name n;
  n.full = full;
  n.kind = kind;
  e->names.push_back(std::move(n));
}

}  // namespace hudud::lists
