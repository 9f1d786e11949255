// FoldText, SplitWords, RepairLookalikes and DetectScript: the first step of
// every name comparison, run once per query token, so the common pure-ASCII
// case never touches ICU.
#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <string>

#include "text/unicode_util.h"

namespace hudud::text {
namespace {

using internal::CodePoints;

// Apostrophe-like characters are deleted rather than turned into spaces, so
// "Qa'ida", "Qaʼida", "Qa`ida" all give "qaida". U+02B9..U+02BF are the
// modifier letters used for the soft sign (ʹ) and for ayn/hamza (ʿ ʾ) in
// scholarly romanisation; U+05F3 is the Hebrew geresh. U+00B4 (acute accent)
// must be removed before NFKC, which rewrites it to a space plus a combining
// acute.
bool IsApostropheSlow(UChar32 c) {
  switch (c) {
    case 0x0027:
    case 0x0060:
    case 0x00B4:
    case 0x02B9:
    case 0x02BA:
    case 0x02BB:
    case 0x02BC:
    case 0x02BD:
    case 0x02BE:
    case 0x02BF:
    case 0x05F3:
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
    case 0xFF07:
    case 0xFF40:
      return true;
    default:
      return false;
  }
}

bool MarksAreLetters(UChar32 c);

inline bool IsApostrophe(UChar32 c) {
  return c == 0x27 || c == 0x60 || (c >= 0xB4 && IsApostropheSlow(c));
}

constexpr UChar32 kTatweel = 0x0640;

enum class CharClass { kKeep, kDrop, kBreak };

// Letters of the scripts seen most often, by range, before asking ICU.
inline CharClass Classify(UChar32 c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return CharClass::kKeep;
    return c == 0x27 || c == 0x60 ? CharClass::kDrop : CharClass::kBreak;
  }
  if ((c >= 0x0400 && c < 0x0482) || (c >= 0x048A && c < 0x0530) ||
      (c >= 0x00DF && c < 0x0250 && c != 0x00F7) || (c >= 0x0621 && c < 0x0640) ||
      (c >= 0x0641 && c < 0x064B) || (c >= 0x0671 && c < 0x06D4) || (c >= 0x03AC && c < 0x03CF)) {
    return CharClass::kKeep;
  }
  if (c == kTatweel || (c >= 0x064B && c < 0x0660) || IsApostrophe(c)) return CharClass::kDrop;
  const uint32_t gc = U_GET_GC_MASK(c);
  if (gc & U_GC_M_MASK) return MarksAreLetters(c) ? CharClass::kKeep : CharClass::kDrop;
  if (gc & (U_GC_L_MASK | U_GC_ND_MASK)) return CharClass::kKeep;
  return CharClass::kBreak;
}

// In the Indic and Southeast Asian scripts the combining marks are vowel
// signs and viramas: dropping them would turn "सिंह" (Singh) into "सह". They
// are kept there (ICU's Any-Latin needs them); everywhere else marks are
// accents, harakat or niqqud and are removed.
bool MarksAreLetters(UChar32 c) {
  UErrorCode ec = U_ZERO_ERROR;
  switch (uscript_getScript(c, &ec)) {
    case USCRIPT_DEVANAGARI:
    case USCRIPT_BENGALI:
    case USCRIPT_GURMUKHI:
    case USCRIPT_GUJARATI:
    case USCRIPT_ORIYA:
    case USCRIPT_TAMIL:
    case USCRIPT_TELUGU:
    case USCRIPT_KANNADA:
    case USCRIPT_MALAYALAM:
    case USCRIPT_SINHALA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_TIBETAN:
    case USCRIPT_MYANMAR:
    case USCRIPT_KHMER:
      return true;
    default:
      return false;
  }
}

// NFKC + full case folding + removal of default-ignorables (ZWNJ, ZWJ, soft
// hyphen, bidi marks) in one ICU call. The instance is immutable and shared.
const icu::Normalizer2* NfkcCasefold() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(ec);
    return U_SUCCESS(ec) ? n : nullptr;
  }();
  return instance;
}

// Appends with the "space only between words" rule.
class WordWriter {
 public:
  explicit WordWriter(std::string* out) : out_(out) {}
  void Break() { pending_space_ = true; }
  void Append(const char* p, size_t n) {
    if (pending_space_ && !out_->empty()) out_->push_back(' ');
    pending_space_ = false;
    out_->append(p, n);
  }
  void Append(char c) { Append(&c, 1); }

 private:
  std::string* out_;
  bool pending_space_ = false;
};

std::string FoldAscii(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  WordWriter w(&out);
  for (char ch : in) {
    if (ch >= 'a' && ch <= 'z') {
      w.Append(ch);
    } else if (ch >= 'A' && ch <= 'Z') {
      w.Append(static_cast<char>(ch + ('a' - 'A')));
    } else if (ch >= '0' && ch <= '9') {
      w.Append(ch);
    } else if (ch != '\'' && ch != '`') {
      w.Break();
    }
  }
  return out;
}

}  // namespace

std::string_view ToString(Script s) {
  switch (s) {
    case Script::kUnknown:
      return "unknown";
    case Script::kLatin:
      return "latin";
    case Script::kCyrillic:
      return "cyrillic";
    case Script::kArabic:
      return "arabic";
    case Script::kGreek:
      return "greek";
    case Script::kHebrew:
      return "hebrew";
    case Script::kArmenian:
      return "armenian";
    case Script::kGeorgian:
      return "georgian";
    case Script::kHan:
      return "han";
    case Script::kHangul:
      return "hangul";
    case Script::kKana:
      return "kana";
    case Script::kDevanagari:
      return "devanagari";
    case Script::kThai:
      return "thai";
    case Script::kOther:
      return "other";
  }
  return "unknown";
}

bool IsAbjad(Script s) { return s == Script::kArabic || s == Script::kHebrew; }

std::string FoldText(std::string_view in) {
  bool ascii = true;
  for (char ch : in) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return FoldAscii(in);

  // Pass 1: drop invalid UTF-8 (ICU would pass it through) and apostrophes;
  // copies only when there is something to drop.
  std::string clean;
  std::string_view src = in;
  {
    const auto* p = reinterpret_cast<const uint8_t*>(in.data());
    const int32_t n = static_cast<int32_t>(in.size());
    int32_t i = 0;
    bool copying = false;
    while (i < n) {
      const int32_t start = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      const bool drop = c < 0 || IsApostrophe(c);
      if (drop && !copying) {
        clean.reserve(in.size());
        clean.assign(in.data(), static_cast<size_t>(start));
        copying = true;
      }
      if (copying && !drop) clean.append(in.data() + start, static_cast<size_t>(i - start));
    }
    if (copying) src = clean;
  }

  // Pass 2: NFKC_Casefold.
  std::string norm;
  const icu::Normalizer2* nfkc = NfkcCasefold();
  if (nfkc != nullptr) {
    UErrorCode ec = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&norm, static_cast<int32_t>(src.size()));
    nfkc->normalizeUTF8(0, icu::StringPiece(src.data(), static_cast<int32_t>(src.size())), sink,
                        nullptr, ec);
    if (U_FAILURE(ec)) norm = std::string(src);
  } else {
    norm = std::string(src);
  }

  // Pass 3: keep letters and digits, drop marks and tatweel, the rest breaks
  // words.
  std::string out;
  out.reserve(norm.size());
  WordWriter w(&out);
  const auto* p = reinterpret_cast<const uint8_t*>(norm.data());
  const int32_t n = static_cast<int32_t>(norm.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    switch (Classify(c)) {
      case CharClass::kKeep:
        w.Append(norm.data() + start, static_cast<size_t>(i - start));
        break;
      case CharClass::kDrop:
        break;
      case CharClass::kBreak:
        w.Break();
        break;
    }
  }
  return out;
}

std::vector<std::string> SplitWords(std::string_view folded) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ') ++j;
    if (j > i) words.emplace_back(folded.substr(i, j - i));
    i = j;
  }
  return words;
}

namespace {

// Look-alike pairs between lower-case Latin and lower-case Cyrillic. Input is
// case-folded, so a Latin "H" typed into an upper-case Cyrillic name arrives
// as "h"; watchlist names are very often all capitals, so the upper-case-only
// pairs (B/В, H/Н, K/К, M/М, T/Т) are included as well as the true lower-case
// homoglyphs (a/а, c/с, e/е, o/о, p/р, x/х, y/у, i/і, j/ј, s/ѕ, ë/ё, ï/ї).
// They are applied only to words that already mix the two scripts, so a
// genuine Latin "kot" or Cyrillic "кот" is never touched. One-way extras:
// Cyrillic һ (shha) -> h, ӏ (palochka) -> l, ԁ -> d, ԛ -> q, ԝ -> w become Latin
// in a Latin word, but Latin h, l, d, q, w are not turned into them.
struct Pair {
  UChar32 latin;
  UChar32 cyrillic;
};
constexpr Pair kLatinToCyrillic[] = {
    {'a', 0x0430}, {'b', 0x0432},    {'c', 0x0441}, {'e', 0x0435}, {0x00EB, 0x0451}, {'h', 0x043D},
    {'i', 0x0456}, {0x00EF, 0x0457}, {'j', 0x0458}, {'k', 0x043A}, {'m', 0x043C},    {'o', 0x043E},
    {'p', 0x0440}, {'s', 0x0455},    {'t', 0x0442}, {'x', 0x0445}, {'y', 0x0443},
};
constexpr Pair kCyrillicToLatinExtra[] = {
    {'h', 0x04BB}, {'l', 0x04CF}, {'d', 0x0501}, {'q', 0x051B}, {'w', 0x051D},
};

UChar32 LatinLookalikeOf(UChar32 cyr) {
  for (const Pair& p : kLatinToCyrillic) {
    if (p.cyrillic == cyr) return p.latin;
  }
  for (const Pair& p : kCyrillicToLatinExtra) {
    if (p.cyrillic == cyr) return p.latin;
  }
  return 0;
}

UChar32 CyrillicLookalikeOf(UChar32 lat) {
  for (const Pair& p : kLatinToCyrillic) {
    if (p.latin == lat) return p.cyrillic;
  }
  return 0;
}

}  // namespace

std::string RepairLookalikes(std::string_view word) {
  // Quick reject on bytes: a word needs a Latin letter (ASCII, or a lead byte
  // of U+00C0..U+027F) and a Cyrillic one (lead bytes of U+0400..U+052F).
  bool has_latin = false, has_cyrillic = false;
  for (char ch : word) {
    const auto b = static_cast<unsigned char>(ch);
    has_latin |= (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
    has_latin |= b >= 0xC3 && b <= 0xC9;
    has_cyrillic |= b >= 0xD0 && b <= 0xD4;
  }
  if (!has_latin || !has_cyrillic) return std::string(word);

  CodePoints cps(word);
  // Letters without a look-alike in the other script ("anchors") are the
  // strong evidence of what the word is; the total count breaks ties.
  int latin = 0, cyrillic = 0, latin_anchor = 0, cyrillic_anchor = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    const UChar32 c = cps[i];
    if (!internal::IsLetter(c)) continue;
    const Script s = internal::ScriptOf(c);
    if (s == Script::kLatin) {
      ++latin;
      if (CyrillicLookalikeOf(c) == 0) ++latin_anchor;
    } else if (s == Script::kCyrillic) {
      ++cyrillic;
      if (LatinLookalikeOf(c) == 0) ++cyrillic_anchor;
    }
  }
  if (latin == 0 || cyrillic == 0) return std::string(word);
  bool to_latin;
  if (latin_anchor != cyrillic_anchor) {
    to_latin = latin_anchor > cyrillic_anchor;
  } else if (latin_anchor == 0) {
    // Every letter has a twin ("оsаmа" with Cyrillic о, а): read it as Latin,
    // the script that such mixed spellings imitate in screening data, and the
    // one where the word romanises to itself.
    to_latin = true;
  } else if (latin != cyrillic) {
    to_latin = latin > cyrillic;
  } else {
    return std::string(word);  // no way to tell which script was meant
  }

  std::string out;
  out.reserve(word.size() + 8);
  for (size_t i = 0; i < cps.size(); ++i) {
    UChar32 c = cps[i];
    const Script s = internal::ScriptOf(c);
    if (to_latin && s == Script::kCyrillic) {
      if (UChar32 l = LatinLookalikeOf(c)) c = l;
    } else if (!to_latin && s == Script::kLatin) {
      if (UChar32 k = CyrillicLookalikeOf(c)) c = k;
    }
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, c, err);
    if (!err) out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

Script DetectScript(std::string_view word) {
  internal::ScriptCounter counter;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0) counter.Add(c);
  }
  return counter.Winner();
}

}  // namespace hudud::text
