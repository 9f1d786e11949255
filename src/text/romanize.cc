// Romanisation of folded name tokens to lower-case ASCII.
//
// Arabic-script, Cyrillic and Greek go through our own code-point tables,
// because name romanisation conventions (ш -> sh, ث -> th, ҷ -> j) differ from
// ICU's scholarly transliterators and because these tables are ~10x faster.
// Latin letters with diacritics use a table built once from Unicode
// decompositions plus a few letters that have none (ß ø ł ı đ þ æ œ ə).
// Any word with a letter outside those tables goes, whole, through ICU's
// "Any-Latin; Latin-ASCII" (Han, Hangul, Kana, Devanagari, Thai, Hebrew,
// Armenian, Georgian ...).
//
// Rules chosen where the contract leaves room (tests pin them):
//  Arabic script
//   - Every alef form (ا أ إ آ ٱ) is "a": the vowel it carries is unknown
//     without harakat and the cost layer treats vowel-for-vowel as cheap.
//   - ع (ayn) and ء (hamza) are dropped, except that a word-initial ayn
//     (also after the article) reads "a" when no vowel follows it: "علي" ->
//     "ali", "عبد" -> "abd", "عيسى" -> "isa"; ؤ -> "u", ئ -> "i".
//   - ة (ta marbuta) and ۃ -> "a" ("فاطمة" -> "fatma"); ى (alef maqsura) is
//     "a" at the end of a word ("موسى" -> "musa") and read as ي elsewhere.
//   - و is a consonant when word-initial, before a long vowel letter
//     (ا آ ى ي ی: "مروان" -> "mrwan") or after a non-initial bare alef and not
//     final ("داود" -> "dawd"); otherwise it is the long vowel "u" ("محمود" ->
//     "mhmud"). The consonant is "w", or "v" in a word with a letter only
//     Persian/Urdu/Pashto use (پ چ ژ گ ک ی ...: "پرویز" -> "prviz"), where
//     و is pronounced v.
//   - ي / ی (and non-final ى) follow the same rule with "y" / "i":
//     "يوسف" -> "yusf", "زياد" -> "zyad", "حسين" -> "hsin".
//   - "Word-initial" also means right after a leading article ال, which stays
//     in the output as "al" ("الوليد" -> "alwlid").
//   - Persian/Urdu: ه, ھ, ہ -> "h"; ۀ and ە (Kurdish ae) -> "e"; ے -> "e";
//     ژ -> "zh"; چ -> "ch"; گ -> "g"; ک -> "k"; ڤ -> "v"; retroflex ٹ ڈ ڑ ->
//     t d r; ں -> "n". Arabic-Indic and Persian digits -> 0-9.
//  Cyrillic
//   - Russian table as in BGN/PCGN simplified: х -> kh, ц -> ts, щ -> shch,
//     й/ы -> y, ъ/ь dropped, е/ё -> e (no "ye" after vowels), ю -> yu, я -> ya.
//   - и is always "i" (Ukrainian reads it "y"; the language of a single word
//     is unknown, and the skeleton/cost layer treats i/y as cheap), Ukrainian
//     г stays "g" for the same reason; і i, ї yi, є ye, ґ g.
//   - Central Asian letters: ҷ j, ҳ h, ӣ i, ӯ u, ғ gh, қ q, ә a, ө o, ү u,
//     ұ u, ң ng, һ h; Serbian/Macedonian ђ dj, ј j, љ lj, њ nj, ћ c, џ dzh,
//     ѓ g, ќ k, ѕ dz; Belarusian/Uzbek ў u.
//  Greek (approximate ELOT 743 / common passport usage)
//   - θ th, χ ch, ψ ps, ξ x, φ f, β v, η i, ω o, υ y; αυ/ευ/ηυ -> av/ev/iv,
//     ου -> ou; word-initial μπ -> b, ντ -> d, γκ -> g; γ before γ ξ χ -> n.
//     "Αλέξης Τσίπρας" -> "alexis tsipras".
#include "text/romanize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/skeleton.h"
#include "text/unicode_util.h"

namespace hudud::text {
namespace {

using internal::CodePoints;

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// ---------------------------------------------------------------- Arabic ---

constexpr UChar32 kAlef = 0x0627;
constexpr UChar32 kLam = 0x0644;
constexpr UChar32 kAyn = 0x0639;
constexpr UChar32 kWaw = 0x0648;
constexpr UChar32 kYeh = 0x064A;
constexpr UChar32 kFarsiYeh = 0x06CC;
constexpr UChar32 kAlefMaqsura = 0x0649;

// Context-free part of the Arabic-script table, U+0600..U+06FF. nullptr means
// "not a letter we know" (the word then goes to ICU if it is a letter); ""
// means "known and silent".
constexpr std::string_view kDigits[10] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

constexpr std::array<std::string_view, 0x100> MakeArabicTable() {
  std::array<std::string_view, 0x100> t{};
  auto set = [&t](UChar32 c, std::string_view s) { t[static_cast<size_t>(c - 0x0600)] = s; };
  set(0x0621, "");                              // ء hamza
  set(0x0622, "a");                             // آ alef madda
  set(0x0623, "a");                             // أ alef hamza above
  set(0x0624, "u");                             // ؤ waw hamza
  set(0x0625, "a");                             // إ alef hamza below
  set(0x0626, "i");                             // ئ yeh hamza
  set(0x0627, "a");                             // ا
  set(0x0628, "b");                             // ب
  set(0x0629, "a");                             // ة ta marbuta
  set(0x062A, "t");                             // ت
  set(0x062B, "th");                            // ث
  set(0x062C, "j");                             // ج
  set(0x062D, "h");                             // ح
  set(0x062E, "kh");                            // خ
  set(0x062F, "d");                             // د
  set(0x0630, "dh");                            // ذ
  set(0x0631, "r");                             // ر
  set(0x0632, "z");                             // ز
  set(0x0633, "s");                             // س
  set(0x0634, "sh");                            // ش
  set(0x0635, "s");                             // ص
  set(0x0636, "d");                             // ض
  set(0x0637, "t");                             // ط
  set(0x0638, "z");                             // ظ
  set(0x0639, "");                              // ع ayn
  set(0x063A, "gh");                            // غ
  set(0x063B, "k");                             // ػ keheh (old Persian)
  set(0x063C, "k");                             // ؼ
  set(0x063D, "y");                             // ؽ
  set(0x063E, "y");                             // ؾ
  set(0x063F, "y");                             // ؿ
  set(0x0641, "f");                             // ف
  set(0x0642, "q");                             // ق
  set(0x0643, "k");                             // ك
  set(0x0644, "l");                             // ل
  set(0x0645, "m");                             // م
  set(0x0646, "n");                             // ن
  set(0x0647, "h");                             // ه
  set(0x0648, "u");                             // و (context rule in ArabicLetter)
  set(0x0649, "a");                             // ى (context rule)
  set(0x064A, "i");                             // ي (context rule)
  for (UChar32 c = 0x0660; c <= 0x0669; ++c) {  // Arabic-Indic digits
    set(c, kDigits[c - 0x0660]);
  }
  set(0x066E, "b");  // ٮ dotless beh
  set(0x066F, "q");  // ٯ dotless qaf
  set(0x0671, "a");  // ٱ alef wasla
  set(0x0672, "a");
  set(0x0673, "a");
  set(0x0675, "a");
  set(0x0676, "u");
  set(0x0677, "u");
  set(0x0678, "i");
  set(0x0679, "t");   // ٹ Urdu tteh
  set(0x067A, "th");  // ٺ Sindhi
  set(0x067B, "b");   // ٻ Sindhi
  set(0x067C, "t");   // ټ Pashto
  set(0x067D, "t");
  set(0x067E, "p");   // پ
  set(0x067F, "th");  // ٿ Sindhi
  set(0x0680, "bh");  // ڀ Sindhi
  set(0x0681, "dz");  // ځ Pashto
  set(0x0682, "kh");
  set(0x0683, "n");   // ڃ Sindhi
  set(0x0684, "j");   // ڄ Sindhi
  set(0x0685, "ts");  // څ Pashto
  set(0x0686, "ch");  // چ
  set(0x0687, "ch");  // ڇ Sindhi
  set(0x0688, "d");   // ڈ Urdu ddal
  set(0x0689, "d");   // ډ Pashto
  set(0x068A, "d");
  set(0x068B, "d");
  set(0x068C, "dh");
  set(0x068D, "d");
  set(0x068E, "d");
  set(0x068F, "d");
  set(0x0690, "d");
  set(0x0691, "r");  // ڑ Urdu rreh
  set(0x0692, "r");
  set(0x0693, "r");  // ړ Pashto
  set(0x0694, "r");
  set(0x0695, "r");   // ڕ Kurdish
  set(0x0696, "zh");  // ږ Pashto
  set(0x0697, "z");
  set(0x0698, "zh");  // ژ
  set(0x0699, "r");
  set(0x069A, "sh");  // ښ Pashto
  set(0x069B, "s");
  set(0x069C, "sh");
  set(0x069D, "s");
  set(0x069E, "s");
  set(0x069F, "t");
  set(0x06A0, "gh");
  set(0x06A1, "f");
  set(0x06A2, "f");
  set(0x06A3, "f");
  set(0x06A4, "v");  // ڤ
  set(0x06A5, "f");
  set(0x06A6, "ph");  // ڦ Sindhi
  set(0x06A7, "q");
  set(0x06A8, "q");
  set(0x06A9, "k");  // ک keheh
  set(0x06AA, "k");  // ڪ
  set(0x06AB, "g");  // ګ Pashto
  set(0x06AC, "k");
  set(0x06AD, "ng");  // ڭ Uyghur
  set(0x06AE, "k");
  set(0x06AF, "g");  // گ
  set(0x06B0, "g");
  set(0x06B1, "ng");  // ڱ Sindhi
  set(0x06B2, "g");
  set(0x06B3, "g");  // ڳ
  set(0x06B4, "g");
  set(0x06B5, "l");  // ڵ Kurdish
  set(0x06B6, "l");
  set(0x06B7, "l");
  set(0x06B8, "l");
  set(0x06B9, "n");
  set(0x06BA, "n");  // ں noon ghunna
  set(0x06BB, "n");  // ڻ
  set(0x06BC, "n");  // ڼ Pashto
  set(0x06BD, "n");
  set(0x06BE, "h");  // ھ heh doachashmee
  set(0x06BF, "ch");
  set(0x06C0, "e");  // ۀ heh with yeh (Persian ezafe)
  set(0x06C1, "h");  // ہ heh goal
  set(0x06C2, "h");
  set(0x06C3, "a");  // ۃ Urdu ta marbuta
  set(0x06C4, "o");
  set(0x06C5, "o");  // ۅ Kyrgyz oe
  set(0x06C6, "o");  // ۆ Kurdish o
  set(0x06C7, "u");  // ۇ Uyghur u
  set(0x06C8, "u");  // ۈ
  set(0x06C9, "u");  // ۉ Kazakh
  set(0x06CA, "w");
  set(0x06CB, "v");  // ۋ Uyghur ve
  set(0x06CC, "i");  // ی Farsi yeh (context rule)
  set(0x06CD, "i");  // ۍ Pashto
  set(0x06CE, "e");  // ێ Kurdish
  set(0x06CF, "w");
  set(0x06D0, "e");  // ې Pashto/Uyghur
  set(0x06D1, "y");
  set(0x06D2, "e");                             // ے yeh barree
  set(0x06D3, "e");                             // ۓ
  set(0x06D5, "e");                             // ە ae (Kurdish, Uyghur)
  for (UChar32 c = 0x06F0; c <= 0x06F9; ++c) {  // Persian digits
    set(c, kDigits[c - 0x06F0]);
  }
  return t;
}
constexpr std::array<std::string_view, 0x100> kArabic = MakeArabicTable();

// Letters that Arabic does not use but Persian, Urdu or Pashto do; the Farsi
// yeh ی and keheh ک are what a Persian keyboard types for ي and ك.
bool IsPersianLetter(UChar32 c) {
  switch (c) {
    case 0x067E:
    case 0x0686:
    case 0x0698:
    case 0x06AF:
    case 0x06A9:
    case 0x06CC:
    case 0x06C0:
    case 0x06D2:
    case 0x0679:
    case 0x0688:
    case 0x0691:
    case 0x06BA:
    case 0x06BE:
    case 0x06C1:
      return true;
    default:
      return false;
  }
}

bool IsArabicYeh(UChar32 c) { return c == kYeh || c == kFarsiYeh || c == kAlefMaqsura; }

// Long-vowel letters that make a preceding و / ي a consonant (w / y).
bool IsArabicVowelLetter(UChar32 c) {
  return c == kAlef || c == 0x0622 || IsArabicYeh(c) || c == kWaw;
}

// Word-initial, counting a leading article ال as not part of the word.
bool IsArabicWordStart(const CodePoints& cps, size_t i) {
  return i == 0 || (i == 2 && cps[0] == kAlef && cps[1] == kLam);
}

// The romanisation of the Arabic-script letter at i, with the و / ي / ى rules.
// `persian`: the word has letters only Persian/Urdu/Pashto use, where a
// consonantal و is "v" ("پرویز" -> "prviz", "موسوی" -> "musvi").
std::string_view ArabicLetter(const CodePoints& cps, size_t i, bool persian) {
  const UChar32 c = cps[i];
  const bool is_waw = c == kWaw;
  if (is_waw || IsArabicYeh(c)) {
    const bool last = i + 1 == cps.size();
    if (c == kAlefMaqsura && last) return "a";
    const UChar32 next = cps.At(static_cast<ptrdiff_t>(i) + 1);
    const UChar32 prev = cps.At(static_cast<ptrdiff_t>(i) - 1);
    const bool consonant = IsArabicWordStart(cps, i) || (IsArabicVowelLetter(next) && next != c) ||
                           (is_waw && next == kWaw) ||  // "طاووس": the first of two waws
                           (prev == kAlef && !last && !IsArabicWordStart(cps, i - 1));
    if (is_waw) return consonant ? (persian ? "v" : "w") : "u";
    return consonant ? "y" : "i";
  }
  return kArabic[static_cast<size_t>(c - 0x0600)];
}

// -------------------------------------------------------------- Cyrillic ---

constexpr std::array<std::string_view, 0x130> MakeCyrillicTable() {
  std::array<std::string_view, 0x130> t{};
  auto set = [&t](UChar32 c, std::string_view s) { t[static_cast<size_t>(c - 0x0400)] = s; };
  // Russian.
  const std::string_view kRussian[32] = {
      "a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "y",    "k", "l", "m", "n", "o",  "p",
      "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya"};
  for (UChar32 c = 0x0430; c <= 0x044F; ++c) set(c, kRussian[c - 0x0430]);
  // U+0450..U+045F: Ukrainian, Belarusian, Serbian, Macedonian.
  set(0x0450, "e");    // ѐ
  set(0x0451, "e");    // ё
  set(0x0452, "dj");   // ђ
  set(0x0453, "g");    // ѓ
  set(0x0454, "ye");   // є
  set(0x0455, "dz");   // ѕ
  set(0x0456, "i");    // і
  set(0x0457, "yi");   // ї
  set(0x0458, "j");    // ј
  set(0x0459, "lj");   // љ
  set(0x045A, "nj");   // њ
  set(0x045B, "c");    // ћ
  set(0x045C, "k");    // ќ
  set(0x045D, "i");    // ѝ
  set(0x045E, "u");    // ў
  set(0x045F, "dzh");  // џ
  // Historic letters still seen in old documents.
  set(0x0461, "o");   // ѡ
  set(0x0463, "e");   // ѣ
  set(0x0467, "ya");  // ѧ
  set(0x046B, "u");   // ѫ
  set(0x0473, "f");   // ѳ
  set(0x0475, "i");   // ѵ
  // Extended Cyrillic: Tajik, Kazakh, Uzbek, Kyrgyz, Tatar, Bashkir,
  // Mongolian, Abkhaz, Chuvash.
  set(0x0491, "g");   // ґ
  set(0x0493, "gh");  // ғ
  set(0x0495, "gh");  // ҕ
  set(0x0497, "zh");  // җ
  set(0x0499, "z");   // ҙ
  set(0x049B, "q");   // қ
  set(0x049D, "k");   // ҝ
  set(0x049F, "k");   // ҟ
  set(0x04A1, "q");   // ҡ
  set(0x04A3, "ng");  // ң
  set(0x04A5, "ng");  // ҥ
  set(0x04A7, "p");   // ҧ
  set(0x04A9, "gh");  // ҩ
  set(0x04AB, "s");   // ҫ
  set(0x04AD, "t");   // ҭ
  set(0x04AF, "u");   // ү
  set(0x04B1, "u");   // ұ
  set(0x04B3, "h");   // ҳ
  set(0x04B5, "ts");  // ҵ
  set(0x04B7, "j");   // ҷ
  set(0x04B9, "ch");  // ҹ
  set(0x04BB, "h");   // һ
  set(0x04BD, "ch");  // ҽ
  set(0x04BF, "ch");  // ҿ
  set(0x04C2, "zh");  // ӂ
  set(0x04C4, "q");   // ӄ
  set(0x04C6, "l");   // ӆ
  set(0x04C8, "ng");  // ӈ
  set(0x04CA, "n");   // ӊ
  set(0x04CC, "ch");  // ӌ
  set(0x04CE, "m");   // ӎ
  set(0x04CF, "");    // ӏ palochka (marks ejectives)
  set(0x04D1, "a");   // ӑ
  set(0x04D3, "a");   // ӓ
  set(0x04D5, "ae");  // ӕ
  set(0x04D7, "e");   // ӗ
  set(0x04D9, "a");   // ә
  set(0x04DB, "a");   // ӛ
  set(0x04DD, "zh");  // ӝ
  set(0x04DF, "z");   // ӟ
  set(0x04E1, "dz");  // ӡ
  set(0x04E3, "i");   // ӣ
  set(0x04E5, "i");   // ӥ
  set(0x04E7, "o");   // ӧ
  set(0x04E9, "o");   // ө
  set(0x04EB, "o");   // ӫ
  set(0x04ED, "e");   // ӭ
  set(0x04EF, "u");   // ӯ
  set(0x04F1, "u");   // ӱ
  set(0x04F3, "u");   // ӳ
  set(0x04F5, "ch");  // ӵ
  set(0x04F7, "g");   // ӷ
  set(0x04F9, "y");   // ӹ
  set(0x04FB, "gh");  // ӻ
  set(0x04FD, "kh");  // ӽ
  set(0x04FF, "kh");  // ӿ
  set(0x0501, "d");   // ԁ
  set(0x0511, "e");   // ԑ
  set(0x051B, "q");   // ԛ
  set(0x051D, "w");   // ԝ
  // Upper case copies lower case, so the hot path needs no u_tolower (input
  // is folded anyway; this only makes unfolded input work too).
  auto copy = [&t](UChar32 upper, UChar32 lower) {
    t[static_cast<size_t>(upper - 0x0400)] = t[static_cast<size_t>(lower - 0x0400)];
  };
  for (UChar32 c = 0x0400; c < 0x0410; ++c) copy(c, c + 0x50);
  for (UChar32 c = 0x0410; c < 0x0430; ++c) copy(c, c + 0x20);
  for (UChar32 c = 0x0460; c < 0x0482; c += 2) copy(c, c + 1);
  for (UChar32 c = 0x048A; c < 0x04C0; c += 2) copy(c, c + 1);
  copy(0x04C0, 0x04CF);
  for (UChar32 c = 0x04C1; c < 0x04CF; c += 2) copy(c, c + 1);
  for (UChar32 c = 0x04D0; c < 0x0530; c += 2) copy(c, c + 1);
  return t;
}
constexpr std::array<std::string_view, 0x130> kCyrillic = MakeCyrillicTable();

// ----------------------------------------------------------------- Greek ---

// Lower-case, unaccented form of a Greek letter for the table and for the
// context rules; the diaeresis is kept (ϊ ϋ) because it blocks digraphs.
UChar32 GreekPlain(UChar32 c);

const char* GreekTable(UChar32 c) {
  switch (c) {
    case 0x03B1:
      return "a";  // α
    case 0x03B2:
      return "v";  // β
    case 0x03B3:
      return "g";  // γ
    case 0x03B4:
      return "d";  // δ
    case 0x03B5:
      return "e";  // ε
    case 0x03B6:
      return "z";  // ζ
    case 0x03B7:
      return "i";  // η
    case 0x03B8:
      return "th";  // θ
    case 0x03B9:
      return "i";  // ι
    case 0x03BA:
      return "k";  // κ
    case 0x03BB:
      return "l";  // λ
    case 0x03BC:
      return "m";  // μ
    case 0x03BD:
      return "n";  // ν
    case 0x03BE:
      return "x";  // ξ
    case 0x03BF:
      return "o";  // ο
    case 0x03C0:
      return "p";  // π
    case 0x03C1:
      return "r";  // ρ
    case 0x03C2:
      return "s";  // ς
    case 0x03C3:
      return "s";  // σ
    case 0x03C4:
      return "t";  // τ
    case 0x03C5:
      return "y";  // υ
    case 0x03C6:
      return "f";  // φ
    case 0x03C7:
      return "ch";  // χ
    case 0x03C8:
      return "ps";  // ψ
    case 0x03C9:
      return "o";  // ω
    case 0x03CA:
      return "i";  // ϊ
    case 0x03CB:
      return "y";  // ϋ
    case 0x03DD:
      return "w";  // ϝ digamma
    case 0x03F3:
      return "j";  // ϳ yot
    default:
      return nullptr;
  }
}

// Appends the Greek letter at i; returns how many code points it consumed
// (2 for the word-initial digraphs μπ ντ γκ), 0 if it is not a Greek letter
// we know.
size_t AppendGreek(const CodePoints& cps, size_t i, std::string* out) {
  const UChar32 c = GreekPlain(cps[i]);
  const UChar32 next = GreekPlain(cps.At(static_cast<ptrdiff_t>(i) + 1));
  const UChar32 prev = i > 0 ? GreekPlain(cps[i - 1]) : 0;
  const bool initial = i == 0;
  if (initial) {
    char digraph = 0;
    if (c == 0x03BC && next == 0x03C0) digraph = 'b';  // μπ
    if (c == 0x03BD && next == 0x03C4) digraph = 'd';  // ντ
    if (c == 0x03B3 && next == 0x03BA) digraph = 'g';  // γκ
    if (digraph != 0) {
      out->push_back(digraph);
      return 2;
    }
  }
  if (c == 0x03B3 && (next == 0x03B3 || next == 0x03BE || next == 0x03C7)) {
    out->push_back('n');  // γγ ng, γξ nx, γχ nch
    return 1;
  }
  if (c == 0x03C5) {  // υ after a vowel
    char vowel = 0;
    if (prev == 0x03B1 || prev == 0x03B5 || prev == 0x03B7) vowel = 'v';
    if (prev == 0x03BF) vowel = 'u';
    if (vowel != 0) {
      out->push_back(vowel);
      return 1;
    }
  }
  const char* s = GreekTable(c);
  if (s == nullptr) return 0;
  out->append(s);
  return 1;
}

// ----------------------------------------------------------------- Latin ---

// Base letters by code point for U+00C0..U+02AF and U+1E00..U+1EFF, built
// once from NFD decompositions (é -> e, ş -> s, ễ -> e) plus the letters that
// have no decomposition. An empty entry means "not a Latin letter we know".
class LatinTable {
 public:
  static const LatinTable& Get() {
    static const LatinTable table;
    return table;
  }
  // nullptr if unknown.
  const char* Lookup(UChar32 c) const {
    size_t idx;
    if (c >= 0x00C0 && c < 0x02B0) {
      idx = static_cast<size_t>(c - 0x00C0);
    } else if (c >= 0x1E00 && c < 0x1F00) {
      idx = kLowSize + static_cast<size_t>(c - 0x1E00);
    } else {
      return nullptr;
    }
    return entries_[idx][0] == 0 && !silent_[idx] ? nullptr : entries_[idx].data();
  }

 private:
  static constexpr size_t kLowSize = 0x02B0 - 0x00C0;
  static constexpr size_t kSize = kLowSize + 0x100;

  LatinTable() {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
    auto fill = [&](UChar32 c, size_t idx) {
      if (const char* special = Special(c)) {
        std::strncpy(entries_[idx].data(), special, entries_[idx].size() - 1);
        silent_[idx] = special[0] == 0;
        return;
      }
      if (U_FAILURE(ec) || nfd == nullptr) return;
      icu::UnicodeString d;
      if (!nfd->getDecomposition(c, d) || d.length() == 0) return;
      const UChar32 base = u_tolower(d.char32At(0));
      if (base >= 'a' && base <= 'z') entries_[idx][0] = static_cast<char>(base);
    };
    for (UChar32 c = 0x00C0; c < 0x02B0; ++c) fill(c, static_cast<size_t>(c - 0x00C0));
    for (UChar32 c = 0x1E00; c < 0x1F00; ++c) fill(c, kLowSize + static_cast<size_t>(c - 0x1E00));
  }

  // Letters without a canonical decomposition to an ASCII base.
  static const char* Special(UChar32 c) {
    switch (u_tolower(c)) {
      case 0x00DF:
        return "ss";  // ß (NFKC_Casefold already gives "ss")
      case 0x00E6:
        return "ae";  // æ
      case 0x00F0:
        return "d";  // ð
      case 0x00F8:
        return "o";  // ø
      case 0x00FE:
        return "th";  // þ
      case 0x0111:
        return "d";  // đ
      case 0x0127:
        return "h";  // ħ
      case 0x0131:
        return "i";  // ı dotless i
      case 0x0138:
        return "k";  // ĸ
      case 0x0140:
        return "l";  // ŀ
      case 0x0142:
        return "l";  // ł
      case 0x014B:
        return "ng";  // ŋ
      case 0x0153:
        return "oe";  // œ
      case 0x0167:
        return "t";  // ŧ
      case 0x017F:
        return "s";  // ſ
      case 0x0180:
        return "b";  // ƀ
      case 0x0183:
        return "b";  // ƃ
      case 0x0188:
        return "c";  // ƈ
      case 0x0192:
        return "f";  // ƒ
      case 0x0199:
        return "k";  // ƙ Hausa
      case 0x019A:
        return "l";  // ƚ
      case 0x019E:
        return "n";  // ƞ
      case 0x01A5:
        return "p";  // ƥ
      case 0x01AB:
        return "t";  // ƫ
      case 0x01AD:
        return "t";  // ƭ
      case 0x01B4:
        return "y";  // ƴ
      case 0x01B6:
        return "z";  // ƶ
      case 0x01B9:
        return "zh";  // ƹ
      case 0x01DD:
        return "e";  // ǝ turned e
      case 0x01E5:
        return "g";  // ǥ
      case 0x0223:
        return "ou";  // ȣ
      case 0x0225:
        return "z";  // ȥ
      case 0x0234:
        return "l";  // ȴ
      case 0x0235:
        return "n";  // ȵ
      case 0x0236:
        return "t";  // ȶ
      case 0x0237:
        return "j";  // ȷ
      case 0x023C:
        return "c";  // ȼ
      case 0x023F:
        return "s";  // ȿ
      case 0x0240:
        return "z";  // ɀ
      case 0x0242:
        return "";  // ɂ glottal stop
      case 0x0247:
        return "e";  // ɇ
      case 0x0249:
        return "j";  // ɉ
      case 0x024B:
        return "q";  // ɋ
      case 0x024D:
        return "r";  // ɍ
      case 0x024F:
        return "y";  // ɏ
      case 0x0250:
        return "a";  // ɐ
      case 0x0251:
        return "a";  // ɑ
      case 0x0252:
        return "o";  // ɒ
      case 0x0253:
        return "b";  // ɓ Hausa/Fula
      case 0x0254:
        return "o";  // ɔ
      case 0x0256:
        return "d";  // ɖ
      case 0x0257:
        return "d";  // ɗ
      case 0x0258:
        return "e";  // ɘ
      case 0x0259:
        return "a";  // ə schwa (Azerbaijani)
      case 0x025B:
        return "e";  // ɛ
      case 0x025F:
        return "j";  // ɟ
      case 0x0260:
        return "g";  // ɠ
      case 0x0261:
        return "g";  // ɡ
      case 0x0263:
        return "g";  // ɣ (Berber)
      case 0x0265:
        return "h";  // ɥ
      case 0x0266:
        return "h";  // ɦ
      case 0x0268:
        return "i";  // ɨ
      case 0x0269:
        return "i";  // ɩ
      case 0x026A:
        return "i";  // ɪ
      case 0x026B:
        return "l";  // ɫ
      case 0x026C:
        return "l";  // ɬ
      case 0x026D:
        return "l";  // ɭ
      case 0x026F:
        return "m";  // ɯ
      case 0x0271:
        return "m";  // ɱ
      case 0x0272:
        return "ny";  // ɲ
      case 0x0273:
        return "n";  // ɳ
      case 0x0274:
        return "n";  // ɴ
      case 0x0275:
        return "o";  // ɵ
      case 0x0278:
        return "f";  // ɸ
      case 0x0279:
        return "r";  // ɹ
      case 0x027C:
        return "r";  // ɼ
      case 0x027D:
        return "r";  // ɽ
      case 0x027E:
        return "r";  // ɾ
      case 0x0280:
        return "r";  // ʀ
      case 0x0282:
        return "s";  // ʂ
      case 0x0283:
        return "sh";  // ʃ
      case 0x0288:
        return "t";  // ʈ
      case 0x0289:
        return "u";  // ʉ
      case 0x028B:
        return "v";  // ʋ
      case 0x028C:
        return "v";  // ʌ
      case 0x028F:
        return "y";  // ʏ
      case 0x0290:
        return "z";  // ʐ
      case 0x0291:
        return "z";  // ʑ
      case 0x0292:
        return "zh";  // ʒ ezh
      case 0x0294:
        return "";  // ʔ glottal stop
      case 0x0295:
        return "";  // ʕ
      case 0x0299:
        return "b";  // ʙ
      case 0x029C:
        return "h";  // ʜ
      case 0x029D:
        return "j";  // ʝ
      case 0x029F:
        return "l";  // ʟ
      case 0x02A0:
        return "q";  // ʠ
      case 0x1E9E:
        return "ss";  // ẞ
      default:
        return nullptr;
    }
  }

  std::array<std::array<char, 4>, kSize> entries_{};
  std::array<bool, kSize> silent_{};
};

UChar32 GreekPlain(UChar32 c) {
  if (c == 0) return 0;
  c = u_tolower(c);
  if (c >= 0x1F00 && c < 0x2000) {  // polytonic: strip breathings and accents
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
    icu::UnicodeString d;
    if (U_SUCCESS(ec) && nfd->getDecomposition(c, d) && d.length() > 0) {
      const UChar32 base = u_tolower(d.char32At(0));
      // A diaeresis in the decomposition keeps the letter a separate vowel.
      const bool diaeresis = d.indexOf(static_cast<char16_t>(0x0308)) >= 0;
      if (diaeresis && base == 0x03B9) return 0x03CA;
      if (diaeresis && base == 0x03C5) return 0x03CB;
      c = base;
    }
  }
  switch (c) {
    case 0x03AC:
      return 0x03B1;  // ά
    case 0x03AD:
      return 0x03B5;  // έ
    case 0x03AE:
      return 0x03B7;  // ή
    case 0x03AF:
      return 0x03B9;  // ί
    case 0x03CC:
      return 0x03BF;  // ό
    case 0x03CD:
      return 0x03C5;  // ύ
    case 0x03CE:
      return 0x03C9;  // ώ
    case 0x0390:
      return 0x03CA;  // ΐ
    case 0x03B0:
      return 0x03CB;  // ΰ
    default:
      return c;
  }
}

// ------------------------------------------------------------------- ICU ---

// ICU transliterators are not thread-safe, so each thread clones its own
// from a prototype built once per script. Prototypes are never destroyed:
// threads may clone from them until process exit. One script's rules
// ("Han-Latin") build far faster than "Any-Latin", which compiles them all;
// words mixing scripts (Japanese kanji and kana) still use "Any-Latin".
constexpr int kAnyScript = -1;

icu::Transliterator* ThreadTransliterator(int script) {
  thread_local std::unordered_map<int, std::unique_ptr<icu::Transliterator>> local;
  auto it = local.find(script);
  if (it != local.end()) return it->second.get();
  static std::mutex mu;
  static auto* prototypes = new std::unordered_map<int, icu::Transliterator*>;
  icu::Transliterator* prototype = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto p = prototypes->find(script);
    if (p == prototypes->end()) {
      std::string id =
          script == kAnyScript
              ? "Any-Latin"
              : std::string(uscript_getName(static_cast<UScriptCode>(script))) + "-Latin";
      UErrorCode ec = U_ZERO_ERROR;
      icu::Transliterator* t = icu::Transliterator::createInstance(
          icu::UnicodeString::fromUTF8(id + "; Latin-ASCII"), UTRANS_FORWARD, ec);
      if (U_FAILURE(ec)) {
        delete t;
        t = nullptr;
      }
      p = prototypes->emplace(script, t).first;
    }
    prototype = p->second;
  }
  if (prototype == nullptr) {
    // No transliterator for this script alone: fall back to every script.
    return script == kAnyScript ? nullptr : ThreadTransliterator(kAnyScript);
  }
  return local.emplace(script, std::unique_ptr<icu::Transliterator>(prototype->clone()))
      .first->second.get();
}

// The one script of a word's letters, or kAnyScript when they mix scripts.
int WordScript(std::string_view word) {
  int script = kAnyScript;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(word.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    if (c < 0) continue;
    UErrorCode ec = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &ec);
    if (U_FAILURE(ec) || sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED) continue;
    if (script == kAnyScript) {
      script = sc;
    } else if (script != sc) {
      return kAnyScript;
    }
  }
  return script;
}

std::string IcuRomanize(std::string_view word) {
  std::string out;
  icu::Transliterator* t = ThreadTransliterator(WordScript(word));
  if (t == nullptr) return out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  t->transliterate(u);
  std::string raw;
  u.toUTF8String(raw);
  out.reserve(raw.size());
  for (char ch : raw) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + ('a' - 'A'));
    if (IsAsciiAlnum(ch)) out.push_back(ch);
  }
  return out;
}

// Appends the table romanisation of cps[i]; returns the number of code points
// consumed, or 0 if the letter needs ICU.
size_t AppendTable(const CodePoints& cps, size_t i, bool persian, std::string* out) {
  UChar32 c = cps[i];
  if (c < 0x80) {
    const char ch = static_cast<char>(c);
    if (IsAsciiAlnum(ch)) {
      out->push_back(ch);
    } else if (ch >= 'A' && ch <= 'Z') {
      out->push_back(static_cast<char>(ch + ('a' - 'A')));
    }
    return 1;
  }
  if (c >= 0x0600 && c < 0x0700) {
    const std::string_view s = ArabicLetter(cps, i, persian);
    if (s.data() != nullptr) {
      out->append(s);
      return 1;
    }
  } else if (c >= 0x0400 && c < 0x0530) {
    const std::string_view s = kCyrillic[static_cast<size_t>(c - 0x0400)];
    if (s.data() != nullptr) {
      out->append(s);
      return 1;
    }
  } else if ((c >= 0x0370 && c < 0x0400) || (c >= 0x1F00 && c < 0x2000)) {
    if (size_t used = AppendGreek(cps, i, out)) return used;
  } else if (const char* s = LatinTable::Get().Lookup(c)) {
    out->append(s);
    return 1;
  }
  const uint32_t gc = U_GET_GC_MASK(c);
  if (gc & U_GC_ND_MASK) {  // any decimal digit
    const int32_t v = u_charDigitValue(c);
    if (v >= 0 && v <= 9) out->push_back(static_cast<char>('0' + v));
    return 1;
  }
  if (gc & (U_GC_L_MASK | U_GC_M_MASK)) return 0;  // a letter for ICU
  return 1;                                        // stray symbol: ignore
}

}  // namespace

Romanized Romanize(std::string_view word) {
  Romanized r;
  bool ascii = true;
  for (char ch : word) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    r.latin.reserve(word.size());
    bool letter = false;
    for (char ch : word) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + ('a' - 'A'));
      if (IsAsciiAlnum(ch)) {
        r.latin.push_back(ch);
        letter |= ch >= 'a';
      }
    }
    r.script = letter ? Script::kLatin : Script::kUnknown;
    return r;
  }

  CodePoints cps(word);
  internal::ScriptCounter counter;
  bool persian = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    counter.Add(cps[i]);
    persian |= IsPersianLetter(cps[i]);
  }
  r.script = counter.Winner();
  r.abjad = IsAbjad(r.script);

  r.latin.reserve(word.size() + 8);
  size_t ayn_at = std::string::npos;  // where a word-initial ayn's sound goes
  for (size_t i = 0; i < cps.size();) {
    if (cps[i] == kAyn && IsArabicWordStart(cps, i)) ayn_at = r.latin.size();
    const size_t used = AppendTable(cps, i, persian, &r.latin);
    if (used == 0) {
      r.latin = IcuRomanize(word);
      return r;
    }
    i += used;
  }
  // A word-initial ayn is silent but carries a vowel onset in names (Omar,
  // Ali, Abd): "a", unless the next letter is already read as a vowel.
  if (ayn_at != std::string::npos && ayn_at < r.latin.size() && !IsLatinVowel(r.latin[ayn_at])) {
    r.latin.insert(r.latin.begin() + static_cast<std::ptrdiff_t>(ayn_at), 'a');
  }
  return r;
}

}  // namespace hudud::text
