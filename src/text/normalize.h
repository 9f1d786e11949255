// Unicode normalisation of names: NFKC, case folding, removal of combining
// marks, punctuation to spaces, look-alike repair, and script detection.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hudud::text {

enum class Script : uint8_t {
  kUnknown,
  kLatin,
  kCyrillic,
  kArabic,
  kGreek,
  kHebrew,
  kArmenian,
  kGeorgian,
  kHan,
  kHangul,
  kKana,
  kDevanagari,
  kThai,
  kOther,
};
std::string_view ToString(Script s);  // "latin", "cyrillic", "arabic", ...

// True for scripts that normally omit short vowels (Arabic incl. Persian and
// Urdu letters, Hebrew): their romanisations are consonant skeletons.
bool IsAbjad(Script s);

// NFKC, full case folding (default-ignorables such as ZWNJ and soft hyphen
// vanish), combining marks removed (also Arabic harakat, Hebrew niqqud and
// tatweel; precomposed letters such as é, й, أ stay whole and Romanize reduces
// them; in Indic and Southeast Asian scripts, Devanagari ... Thai, Khmer, the
// marks are vowel signs and are kept), every character that is neither a
// letter nor a digit becomes a space, except apostrophes and similar
// (’ ‘ ʼ ʻ ʹ ʾ ʿ ´ ` ' and the Hebrew geresh) which are removed ("Qa'ida" ->
// "qaida"); runs of spaces collapse; no leading/trailing space. Never fails:
// invalid UTF-8 bytes are dropped.
std::string FoldText(std::string_view utf8);

// Splits folded text on spaces.
std::vector<std::string> SplitWords(std::string_view folded);

// Repairs look-alike letters in one folded word: a word that is mostly
// Cyrillic with Latin look-alikes (Latin "a","o","e","p","c","x"...) gets them
// replaced by the Cyrillic letters, and vice versa. Words of one script are
// returned unchanged. "Mostly" counts first the letters that have no
// look-alike in the other script; if neither side has such a letter the word
// becomes Latin; otherwise a tie goes by all letters, and a full tie is left
// alone.
// Letters without a look-alike stay as they are ("иванov" -> "иваноv").
std::string RepairLookalikes(std::string_view word);

// The dominant script of a folded word (digits and marks are ignored; ties go
// to the script listed first in the enum; kUnknown if there is no letter).
Script DetectScript(std::string_view word);

}  // namespace hudud::text
