// Private helpers shared by the text/*.cc files (not part of the library's
// interface): code-point iteration and the mapping from ICU scripts to ours.
#pragma once

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/normalize.h"

namespace hudud::text::internal {

// Our Script for one code point; kUnknown for Common/Inherited (digits,
// punctuation, combining marks shared between scripts).
inline Script ScriptOf(UChar32 c) {
  if (c < 0x80) {
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? Script::kLatin : Script::kUnknown;
  }
  // The blocks of the scripts we romanise with our own tables, without the
  // ICU lookup (their letters are all of that script).
  if (c >= 0x0400 && c < 0x0530) return Script::kCyrillic;
  if ((c >= 0x0621 && c < 0x064B) || (c >= 0x066E && c < 0x06D4)) return Script::kArabic;
  if (c >= 0x00C0 && c < 0x0250 && c != 0x00D7 && c != 0x00F7) return Script::kLatin;
  UErrorCode ec = U_ZERO_ERROR;
  switch (uscript_getScript(c, &ec)) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_INVALID_CODE:
      return Script::kUnknown;
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    case USCRIPT_GREEK:
      return Script::kGreek;
    case USCRIPT_HEBREW:
      return Script::kHebrew;
    case USCRIPT_ARMENIAN:
      return Script::kArmenian;
    case USCRIPT_GEORGIAN:
      return Script::kGeorgian;
    case USCRIPT_HAN:
      return Script::kHan;
    case USCRIPT_HANGUL:
      return Script::kHangul;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
      return Script::kKana;
    case USCRIPT_DEVANAGARI:
      return Script::kDevanagari;
    case USCRIPT_THAI:
      return Script::kThai;
    default:
      return Script::kOther;
  }
}

inline bool IsLetter(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_L_MASK) != 0; }

constexpr size_t kScriptCount = static_cast<size_t>(Script::kOther) + 1;

// Counts letters per script; the winner is the most frequent, ties going to
// the lower enum value (Latin before Cyrillic before Arabic ...) so the
// result is deterministic.
class ScriptCounter {
 public:
  void Add(UChar32 c) {
    // Common letters skip the ICU property lookups.
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++counts_[static_cast<size_t>(Script::kLatin)];
      return;
    }
    if ((c >= 0x0400 && c < 0x0482) || (c >= 0x048A && c < 0x0530)) {
      ++counts_[static_cast<size_t>(Script::kCyrillic)];
      return;
    }
    if (!IsLetter(c)) return;
    Script s = ScriptOf(c);
    if (s != Script::kUnknown) ++counts_[static_cast<size_t>(s)];
  }
  Script Winner() const {
    size_t best = 0;
    for (size_t i = 1; i < kScriptCount; ++i) {
      if (counts_[i] > counts_[best]) best = i;
    }
    return counts_[best] == 0 ? Script::kUnknown : static_cast<Script>(best);
  }

 private:
  std::array<uint32_t, kScriptCount> counts_{};
};

// The code points of a UTF-8 string, held on the stack for the usual short
// name token so the hot path does not allocate. Invalid bytes are skipped.
class CodePoints {
 public:
  explicit CodePoints(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    UChar32* out = inline_.data();
    if (s.size() > inline_.size()) {
      heap_.resize(s.size());
      out = heap_.data();
    }
    int32_t i = 0;
    while (i < n) {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c >= 0) out[size_++] = c;
    }
    data_ = out;
  }
  CodePoints(const CodePoints&) = delete;
  CodePoints& operator=(const CodePoints&) = delete;

  size_t size() const { return size_; }
  UChar32 operator[](size_t i) const { return data_[i]; }
  // The code point at i, or 0 outside the string (simplifies context rules).
  UChar32 At(ptrdiff_t i) const {
    return (i < 0 || static_cast<size_t>(i) >= size_) ? 0 : data_[i];
  }

 private:
  std::array<UChar32, 64> inline_;
  std::vector<UChar32> heap_;
  UChar32* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace hudud::text::internal
