// Synthetic watchlists: name pools from the vendored CSV files, assembled by
// country convention into model::Entity records. See watchlist_generator.h.
#include "watchlist_generator.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "bench_util.h"

namespace hudud::bench {
namespace {

#include "arabic_names.inc"

// ---------------------------------------------------------------- CSV ----

std::vector<std::vector<std::string>> ReadCsv(const std::string& path, Status* status) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::vector<std::string>> rows;
  if (!in) {
    *status = Status::IOError("cannot open " + path);
    return rows;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// ---------------------------------------------------- text utilities ----

std::string Trim(std::string s) {
  // Also drops no-break spaces (C2 A0) that some CSV cells carry.
  auto is_space = [&](size_t i) {
    return s[i] == ' ' || s[i] == '\t' ||
           (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0');
  };
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  while (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') s.resize(s.size() - 2);
  size_t b = 0;
  while (b < s.size() && is_space(b)) b += (s[b] == '\xC2') ? 2 : 1;
  return s.substr(b);
}

bool IsCyrillic(char32_t c) { return c >= 0x400 && c <= 0x4FF; }

bool HasCyrillic(const std::string& s) {
  for (char32_t c : Utf8Decode(s))
    if (IsCyrillic(c)) return true;
  return false;
}

// True when the text has letters outside Latin (ignoring marks and punctuation).
bool HasNonLatin(const std::string& s) {
  for (char32_t c : Utf8Decode(s)) {
    if (c < 0x250) continue;
    if (c >= 0x300 && c <= 0x36F) continue;    // combining marks
    if (c >= 0x1E00 && c <= 0x1EFF) continue;  // Latin extended additional
    if (c >= 0x2000 && c <= 0x206F) continue;  // punctuation, ZWNJ
    return true;
  }
  return false;
}

bool IsAsciiLatin(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

char32_t CyrLower(char32_t c) {
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x460 && c <= 0x4FF && (c % 2 == 0)) return c + 1;  // paired letters
  return c;
}

bool CyrIsVowel(char32_t c) {
  c = CyrLower(c);
  static const std::u32string kVowels = U"аеёиоуыэюяіїєәөұүі";
  return kVowels.find(c) != std::u32string::npos;
}

std::string CapitalizeAscii(std::string s) {
  bool start = true;
  for (char& c : s) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = (c == ' ' || c == '-');
  }
  return s;
}

std::string RemoveStress(const std::string& s) {
  std::u32string u = Utf8Decode(s);
  std::u32string out;
  for (char32_t c : u)
    if (c != 0x301 && c != 0x300 && c != 0x358) out += c;
  return Utf8Encode(out);
}

// Latin-ASCII for Latin letters only; built once (ICU transliterators are not
// cheap to create and this runs only while loading the tables).
std::string LatinAscii(const std::string& s) {
  static std::mutex mu;
  static icu::Transliterator* t = [] {
    UErrorCode st = U_ZERO_ERROR;
    return icu::Transliterator::createInstance("[[:Latin:][:Mn:][:Zs:]] Latin-ASCII",
                                               UTRANS_FORWARD, st);
  }();
  if (t == nullptr) return s;
  std::lock_guard<std::mutex> lock(mu);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// ------------------------------------------------------ name sources ----

std::vector<std::string> SplitVariants(const char* s) {
  std::vector<std::string> out;
  std::string cur;
  for (const char* p = s; *p; ++p) {
    if (*p == '|') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += *p;
    }
  }
  out.push_back(cur);
  return out;
}

NameForm FromScriptName(const ScriptName& n) {
  NameForm f;
  auto v = SplitVariants(n.latin);
  f.latin = v[0];
  f.variants.assign(v.begin() + 1, v.end());
  f.local = n.local;
  f.male = !(n.kind == 'f' || n.kind == 'r');
  f.article = n.kind == 'n';
  return f;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

void AddCyrillicVariants(NameForm* f) {
  for (int scheme = 0; scheme < 3; ++scheme) {
    std::string v = RomanizeCyrillic(f->local, scheme);
    if (v != f->latin && std::find(f->variants.begin(), f->variants.end(), v) == f->variants.end())
      f->variants.push_back(v);
  }
}

NameForm MakeCyrillicForm(const std::string& local, bool male) {
  NameForm f;
  f.local = local;
  f.latin = RomanizeCyrillic(local, 0);
  f.male = male;
  AddCyrillicVariants(&f);
  return f;
}

// Appends `f` unless a form with the same Latin spelling is already there.
void AddUnique(std::vector<NameForm>* pool, NameForm f) {
  if (f.latin.empty()) return;
  std::string key = Lower(f.latin);
  for (const NameForm& g : *pool)
    if (Lower(g.latin) == key) return;
  pool->push_back(std::move(f));
}

// Russian patronymic from a Cyrillic male given name.
std::string CyrPatronymic(const std::string& father, bool male) {
  std::u32string u = Utf8Decode(father);
  if (u.empty()) return father;
  char32_t last = CyrLower(u.back());
  if (last == U'й' || last == U'ь') {
    u.pop_back();
    u += male ? U"евич" : U"евна";
  } else if (last == U'а' || last == U'я') {
    u.pop_back();
    u += male ? U"ич" : U"ична";
  } else if (last == U'и' || last == U'е' || last == U'о' || last == U'у') {
    u += male ? U"евич" : U"евна";
  } else {
    u += male ? U"ович" : U"овна";
  }
  return Utf8Encode(u);
}

// Russian-style surname from a Cyrillic given name (Ivan -> Ivanov).
std::string CyrSurnameFromGiven(const std::string& given) {
  std::u32string u = Utf8Decode(given);
  if (u.empty()) return given;
  char32_t last = CyrLower(u.back());
  if (last == U'й' || last == U'ь') {
    u.pop_back();
    u += U"ев";
  } else if (last == U'а' || last == U'я') {
    u.pop_back();
    u += U"ин";
  } else if (CyrIsVowel(last)) {
    u += U"ев";
  } else {
    u += U"ов";
  }
  return Utf8Encode(u);
}

// Feminine form of a Russian surname.
std::string CyrFeminine(const std::string& surname) {
  std::u32string u = Utf8Decode(surname);
  auto ends = [&](std::u32string_view s) {
    return u.size() >= s.size() && u.compare(u.size() - s.size(), s.size(), s) == 0;
  };
  if (ends(U"ов") || ends(U"ев") || ends(U"ёв") || ends(U"ин") || ends(U"ын")) {
    u += U"а";
  } else if (ends(U"ский") || ends(U"цкий")) {
    u.resize(u.size() - 2);
    u += U"ая";
  }
  return Utf8Encode(u);
}

// Blends two names at syllable boundaries ("Smith" + "Johnson" -> "Smitson"),
// for the long tail of rare surnames. Works on code points of any alphabet
// whose vowels `is_vowel` recognises.
template <typename IsVowel>
std::u32string Blend(const std::u32string& a, const std::u32string& b, IsVowel is_vowel) {
  size_t i = 0;
  while (i < a.size() && !is_vowel(a[i])) ++i;
  while (i < a.size() && is_vowel(a[i])) ++i;
  if (i < a.size()) ++i;  // one consonant
  size_t j = b.size();
  while (j > 0 && !is_vowel(b[j - 1])) --j;
  while (j > 0 && is_vowel(b[j - 1])) --j;
  if (j > 0) --j;  // the consonant before the last vowel run
  if (i < 2 || j == 0) return U"";
  std::u32string out = a.substr(0, i);
  std::u32string tail = b.substr(j);
  if (!out.empty() && !tail.empty() && out.back() == tail.front()) tail.erase(0, 1);
  out += tail;
  return out;
}

bool LatinVowel(char32_t c) {
  c = (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Adds `count` blended surnames to `pool` (deterministic in the pool contents).
void AddSyntheticTail(std::vector<NameForm>* pool, size_t count, uint64_t salt) {
  const size_t n = pool->size();
  if (n < 3) return;
  std::mt19937_64 rng(salt);
  std::set<std::string> seen;
  for (const NameForm& f : *pool) seen.insert(Lower(f.latin));
  const bool cyrillic = !(*pool)[0].local.empty() && HasCyrillic((*pool)[0].local);
  for (size_t tries = 0; tries < count * 6 && pool->size() < n + count; ++tries) {
    const NameForm& a = (*pool)[rng() % n];
    const NameForm& b = (*pool)[rng() % n];
    auto plain = [](const std::string& s) { return s.find_first_of(" -'") == std::string::npos; };
    if (&a == &b || !plain(a.latin) || !plain(b.latin)) continue;
    NameForm f;
    if (cyrillic && !a.local.empty() && !b.local.empty() && HasCyrillic(a.local) &&
        HasCyrillic(b.local)) {
      std::u32string blended =
          Blend(Utf8Decode(a.local), Utf8Decode(b.local), [](char32_t c) { return CyrIsVowel(c); });
      if (blended.size() < 4) continue;
      f = MakeCyrillicForm(Utf8Encode(blended), true);
    } else {
      std::u32string blended = Blend(Utf8Decode(a.latin), Utf8Decode(b.latin), LatinVowel);
      if (blended.size() < 4) continue;
      f.latin = Utf8Encode(blended);
    }
    if (!seen.insert(Lower(f.latin)).second) continue;
    pool->push_back(std::move(f));
  }
}

const std::set<std::string>& ArabCountries() {
  static const std::set<std::string> k = {"AE", "SA", "IQ", "KW", "JO", "LB", "LY",
                                          "DZ", "MA", "TN", "EG", "SY", "YE", "SD"};
  return k;
}

NameConvention ConventionOf(const std::string& c) {
  static const std::set<std::string> kHispanic = {"ES", "MX", "AR", "CL", "CO", "PE", "VE", "BO",
                                                  "EC", "PY", "UY", "SV", "PA", "PR", "GQ"};
  if (ArabCountries().count(c)) return NameConvention::kArabic;
  if (c == "IR" || c == "AF") return NameConvention::kPersian;
  if (c == "PK" || c == "BD") return NameConvention::kSouthAsian;
  if (c == "RU") return NameConvention::kEastSlavic;
  if (c == "KZ" || c == "KG" || c == "TJ") return NameConvention::kCentralAsian;
  if (c == "CN" || c == "TW") return NameConvention::kChinese;
  if (c == "KR") return NameConvention::kKorean;
  if (c == "JP") return NameConvention::kJapanese;
  if (c == "GR" || c == "CY") return NameConvention::kGreek;
  if (kHispanic.count(c)) return NameConvention::kHispanic;
  return NameConvention::kWestern;
}

// Where a country without surname data borrows them.
std::string SurnameDonor(const std::string& c) {
  static const std::map<std::string, std::string> k = {
      {"AD", "ES"}, {"AW", "NL"}, {"GG", "GB"}, {"GI", "GB"}, {"IM", "GB"}, {"JE", "GB"},
      {"JM", "GB"}, {"ZA", "GB"}, {"GL", "DK"}, {"HT", "FR"}, {"MC", "FR"}, {"LI", "CH"},
      {"SM", "IT"}, {"CY", "GR"}, {"BO", "MX"}, {"EC", "MX"}, {"PA", "MX"}, {"PR", "MX"},
      {"UY", "AR"}, {"VE", "CO"}, {"GQ", "ES"}};
  auto it = k.find(c);
  return it == k.end() ? "" : it->second;
}

double CountryWeight(const std::string& c, NameConvention conv) {
  if (c == "RU") return 8;
  if (conv == NameConvention::kArabic) return 3;
  if (c == "IR") return 4;
  if (c == "AF" || c == "PK" || c == "CN") return 3;
  if (c == "UA" || c == "BY") return 2;
  if (conv == NameConvention::kCentralAsian) return 1.5;
  return 1;
}

}  // namespace

// ------------------------------------------------------ public helpers ----

std::string DefaultDataDir() {
#ifdef HUDUD_DATA_DIR
  return HUDUD_DATA_DIR;
#else
  return "data";
#endif
}

std::string StripMarks(const std::string& text) { return RemoveStress(LatinAscii(text)); }

std::string RomanizeCyrillic(const std::string& text, int scheme) {
  struct Row {
    char32_t c;
    const char* r[3];
  };
  static const Row kTable[] = {
      {U'а', {"a", "a", "a"}},
      {U'б', {"b", "b", "b"}},
      {U'в', {"v", "v", "w"}},
      {U'г', {"g", "g", "g"}},
      {U'д', {"d", "d", "d"}},
      {U'е', {"e", "e", "e"}},
      {U'ё', {"yo", "e", "jo"}},
      {U'ж', {"zh", "zh", "sch"}},
      {U'з', {"z", "z", "s"}},
      {U'и', {"i", "i", "i"}},
      {U'й', {"y", "i", "j"}},
      {U'к', {"k", "k", "k"}},
      {U'л', {"l", "l", "l"}},
      {U'м', {"m", "m", "m"}},
      {U'н', {"n", "n", "n"}},
      {U'о', {"o", "o", "o"}},
      {U'п', {"p", "p", "p"}},
      {U'р', {"r", "r", "r"}},
      {U'с', {"s", "s", "s"}},
      {U'т', {"t", "t", "t"}},
      {U'у', {"u", "u", "u"}},
      {U'ф', {"f", "f", "f"}},
      {U'х', {"kh", "kh", "ch"}},
      {U'ц', {"ts", "ts", "z"}},
      {U'ч', {"ch", "ch", "tsch"}},
      {U'ш', {"sh", "sh", "sch"}},
      {U'щ', {"shch", "shch", "schtsch"}},
      {U'ъ', {"", "ie", ""}},
      {U'ы', {"y", "y", "y"}},
      {U'ь', {"", "", ""}},
      {U'э', {"e", "e", "e"}},
      {U'ю', {"yu", "iu", "ju"}},
      {U'я', {"ya", "ia", "ja"}},
      {U'і', {"i", "i", "i"}},
      {U'ї', {"yi", "i", "ji"}},
      {U'є', {"ye", "ie", "je"}},
      {U'ґ', {"g", "g", "g"}},
      {U'ў', {"w", "u", "w"}},
      {U'ә', {"a", "a", "ae"}},
      {U'ғ', {"gh", "g", "gh"}},
      {U'қ', {"q", "k", "k"}},
      {U'ң', {"ng", "n", "ng"}},
      {U'ө', {"o", "o", "oe"}},
      {U'ұ', {"u", "u", "u"}},
      {U'ү', {"u", "u", "ue"}},
      {U'һ', {"h", "h", "h"}},
      {U'ј', {"j", "j", "j"}},
      {U'љ', {"lj", "lj", "lj"}},
      {U'њ', {"nj", "nj", "nj"}},
      {U'ћ', {"c", "c", "tsch"}},
      {U'џ', {"dz", "dz", "dsch"}},
      {U'ђ', {"dj", "dj", "dj"}},
      {U'ѓ', {"gj", "gj", "gj"}},
      {U'ќ', {"kj", "kj", "kj"}},
      {U'ѕ', {"dz", "dz", "dz"}},
  };
  static const std::unordered_map<char32_t, std::array<const char*, 3>> kMap = [] {
    std::unordered_map<char32_t, std::array<const char*, 3>> m;
    for (const Row& r : kTable) m[r.c] = {r.r[0], r.r[1], r.r[2]};
    return m;
  }();
  scheme = std::clamp(scheme, 0, 2);
  std::string out;
  for (char32_t c : Utf8Decode(text)) {
    if (c == 0x301 || c == 0x300) continue;
    char32_t l = CyrLower(c);
    auto it = kMap.find(l);
    if (it != kMap.end()) {
      out += it->second[scheme];
    } else if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else {
      out += Utf8Encode(std::u32string(1, c));
    }
  }
  return CapitalizeAscii(out);
}

std::string JoinName(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

namespace {

// Lower-case tokens of a name for keys: ASCII folded, other bytes kept,
// particles dropped.
std::vector<std::string> KeyTokens(const std::string& name) {
  static const std::set<std::string> kParticles = {"al", "el", "bin", "ibn", "bint", "ben", "abu",
                                                   "de", "la", "del", "van", "von",  "der"};
  std::vector<std::string> toks;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && !kParticles.count(cur)) toks.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == ' ' || c == '-' || c == ',' || c == '.' || c == '\'' || c == '"' || c == '(' ||
        c == ')') {
      flush();
    } else if (c >= 'A' && c <= 'Z') {
      cur += static_cast<char>(c + 32);
    } else {
      cur += static_cast<char>(c);
    }
  }
  flush();
  return toks;
}

std::string Skeleton(const std::string& tok) {
  if (!IsAsciiLatin(tok)) return tok;
  std::string s;
  for (size_t i = 0; i < tok.size(); ++i) {
    char c = tok[i];
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w') {
      if (i == 0) s += 'a';  // keep that the word starts with a vowel
      continue;
    }
    if (c == 'h' && i > 0) continue;  // kh/h, sh/s, th/t
    if (c == 'q' || c == 'c') c = 'k';
    if (c == 'j') c = 'g';
    if (c == 'z') c = 's';
    if (c == 'v') c = 'b';
    if (!s.empty() && s.back() == c) continue;
    s += c;
  }
  return s;
}

}  // namespace

std::string NameKey(const std::string& name) {
  std::vector<std::string> t = KeyTokens(name);
  std::sort(t.begin(), t.end());
  return JoinName(t);
}

std::string SkeletonKey(const std::string& name) {
  std::vector<std::string> t = KeyTokens(name);
  for (std::string& s : t) s = Skeleton(s);
  std::sort(t.begin(), t.end());
  return JoinName(t);
}

ZipfPicker::ZipfPicker(size_t n, double s) {
  cdf_.resize(n);
  double sum = 0;
  for (size_t i = 0; i < n; ++i) {
    sum += 1.0 / std::pow(static_cast<double>(i + 1), s);
    cdf_[i] = sum;
  }
  for (double& d : cdf_) d /= sum;
}

size_t ZipfPicker::Pick(std::mt19937_64& rng) const {
  double u = std::uniform_real_distribution<double>(0, 1)(rng);
  size_t i = std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin();
  return std::min(i, cdf_.size() - 1);
}

int NameData::Find(const std::string& code) const {
  for (size_t i = 0; i < countries_.size(); ++i)
    if (countries_[i].code == code) return static_cast<int>(i);
  return -1;
}

// --------------------------------------------------------------- Load ----

Result<std::shared_ptr<const NameData>> NameData::Load(const std::string& data_dir) {
  Status st;
  auto fore = ReadCsv(data_dir + "/names/common-forenames-by-country.csv", &st);
  if (!st.ok()) return st;
  auto sur = ReadCsv(data_dir + "/names/common-surnames-by-country.csv", &st);
  if (!st.ok()) return st;
  if (fore.size() < 100 || sur.size() < 100) return Status::Corruption("name tables too small");

  // Forenames: Country(0) Gender(9) Localized(10) Romanized(11) NameGroup(8).
  // Rows of one name group are readings/spellings of the same name.
  std::map<std::string, std::vector<NameForm>> male, female, family;
  std::vector<std::string> order;  // countries in file order
  auto note_country = [&](const std::string& c) {
    if (std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
  };
  auto make_form = [](const std::string& localized, const std::string& romanized) {
    NameForm f;
    std::string loc = RemoveStress(Trim(localized));
    std::string rom = Trim(romanized);
    if (HasNonLatin(loc)) {
      f.local = loc;
      if (HasCyrillic(loc)) {
        f.latin = RomanizeCyrillic(loc, 0);
        AddCyrillicVariants(&f);
        std::string csv = StripMarks(rom);
        if (!rom.empty() && !HasNonLatin(rom) && csv != f.latin &&
            std::find(f.variants.begin(), f.variants.end(), csv) == f.variants.end())
          f.variants.push_back(csv);
      } else if (!rom.empty() && !HasNonLatin(rom)) {
        f.latin = StripMarks(rom);
      }
    } else {
      f.latin = StripMarks(rom.empty() ? loc : rom);
    }
    if (f.latin.find('-') != std::string::npos) {
      std::string joined = f.latin;
      joined.erase(std::remove(joined.begin(), joined.end(), '-'), joined.end());
      f.variants.push_back(CapitalizeAscii(Lower(joined)));
    }
    return f;
  };
  {
    std::string last_group;
    for (size_t i = 1; i < fore.size(); ++i) {
      const auto& r = fore[i];
      if (r.size() < 12) continue;
      const std::string& c = r[0];
      note_country(c);
      NameForm f = make_form(r[10], r[11]);
      if (f.latin.empty()) continue;
      f.male = r[9] != "F";
      auto& pool = f.male ? male[c] : female[c];
      const std::string group = c + "|" + r[8];
      if (group == last_group && !pool.empty()) {
        NameForm& g = pool.back();
        if (Lower(f.latin) != Lower(g.latin)) g.variants.push_back(f.latin);
        if (g.local.empty()) g.local = f.local;
        continue;
      }
      last_group = group;
      AddUnique(&pool, std::move(f));
    }
  }
  {
    // Surnames: Country(0) Rank(1) Name Group(3) Localized(4) Romanized(5);
    // rows of one name group are spellings of one name.
    std::string last;
    for (size_t i = 1; i < sur.size(); ++i) {
      const auto& r = sur[i];
      if (r.size() < 6) continue;
      const std::string& c = r[0];
      note_country(c);
      NameForm f = make_form(r[4], r[5]);
      if (f.latin.empty() && !f.local.empty() && HasCyrillic(f.local))
        f = MakeCyrillicForm(f.local, true);
      auto& pool = family[c];
      const std::string key = c + "|" + r[3];
      if (key == last && !pool.empty()) {
        NameForm& g = pool.back();
        if (!f.latin.empty() && Lower(f.latin) != Lower(g.latin)) g.variants.push_back(f.latin);
        if (g.local.empty()) g.local = f.local;
        continue;
      }
      last = key;
      if (f.latin.empty()) continue;
      AddUnique(&pool, std::move(f));
    }
  }

  // Built-in Arabic / Persian / South Asian tables.
  std::vector<NameForm> ar_m, ar_f, ar_n, fa_p, fa_m, fa_f, sa_k;
  for (const ScriptName& s : kScriptNames) {
    NameForm f = FromScriptName(s);
    switch (s.kind) {
      case 'm':
        ar_m.push_back(f);
        break;
      case 'f':
        ar_f.push_back(f);
        break;
      case 'n':
        ar_n.push_back(f);
        break;
      case 'p':
        fa_p.push_back(f);
        break;
      case 'q':
        fa_m.push_back(f);
        break;
      case 'r':
        fa_f.push_back(f);
        break;
      default:
        sa_k.push_back(f);
        break;
    }
  }
  // Gives CSV forenames the script forms and spellings of the built-in table.
  auto enrich = [](std::vector<NameForm>* pool, const std::vector<NameForm>& table) {
    for (NameForm& f : *pool) {
      const std::string key = Lower(f.latin);
      for (const NameForm& t : table) {
        bool hit = Lower(t.latin) == key;
        for (const std::string& v : t.variants) hit = hit || Lower(v) == key;
        if (!hit) continue;
        if (f.local.empty()) f.local = t.local;
        std::vector<std::string> vs = t.variants;
        vs.insert(vs.begin(), t.latin);
        for (const std::string& v : vs)
          if (Lower(v) != key &&
              std::find(f.variants.begin(), f.variants.end(), v) == f.variants.end())
            f.variants.push_back(v);
        break;
      }
    }
    for (const NameForm& t : table) AddUnique(pool, t);
  };
  for (const std::string& c : ArabCountries()) note_country(c);
  note_country("AF");

  NameData data;
  for (const std::string& c : order) {
    CountryPool p;
    p.code = c;
    p.convention = ConventionOf(c);
    p.male = male[c];
    p.female = female[c];
    switch (p.convention) {
      case NameConvention::kArabic:
        enrich(&p.male, ar_m);
        enrich(&p.female, ar_f);
        p.family = ar_n;
        for (const NameForm& m : ar_m) AddUnique(&p.family, m);
        break;
      case NameConvention::kPersian: {
        enrich(&p.male, fa_m);
        enrich(&p.female, fa_f);
        p.family = fa_p;
        // Persian family names from given names: -i, -zadeh, -pour.
        for (const NameForm& m : fa_m) {
          NameForm z;
          z.latin = m.latin + "zadeh";
          z.local = m.local + "\u200Cزاده";
          z.variants = {m.latin + "-Zadeh", m.latin + "zade"};
          AddUnique(&p.family, z);
          NameForm q;
          q.latin = m.latin + "pour";
          q.local = m.local + "\u200Cپور";
          q.variants = {m.latin + "pur", m.latin + "-Pour"};
          AddUnique(&p.family, q);
        }
        break;
      }
      case NameConvention::kSouthAsian:
        enrich(&p.male, ar_m);
        enrich(&p.female, ar_f);
        p.family = sa_k;
        break;
      case NameConvention::kEastSlavic:
      case NameConvention::kCentralAsian: {
        // Prefer the Cyrillic rows: the original script and our romanisations.
        auto cyr_first = [](std::vector<NameForm>* pool) {
          std::stable_partition(pool->begin(), pool->end(),
                                [](const NameForm& f) { return HasCyrillic(f.local); });
        };
        cyr_first(&p.male);
        cyr_first(&p.female);
        p.family = family[c];
        if (c == "KG") p.family = family["KZ"];
        for (const NameForm& m : p.male) {
          if (!HasCyrillic(m.local)) continue;
          AddUnique(&p.family, MakeCyrillicForm(CyrSurnameFromGiven(m.local), true));
        }
        if (c == "TJ") {
          for (const NameForm& m : p.male) {
            NameForm f;
            f.latin = m.latin + "ov";
            f.variants = {m.latin + "zoda", m.latin + "ev"};
            AddUnique(&p.family, f);
          }
        }
        break;
      }
      default: {
        p.family = family[c];
        if (p.family.empty()) {
          std::string donor = SurnameDonor(c);
          if (!donor.empty()) p.family = family[donor];
        }
        break;
      }
    }
    if (p.male.empty() || p.family.empty()) continue;
    if (p.female.empty()) p.female = p.male;
    // The long tail of rarer surnames, blended from the real ones (not for
    // scripts we cannot blend and romanise: Han, Hangul, Arabic).
    if (p.convention != NameConvention::kChinese && p.convention != NameConvention::kKorean &&
        p.convention != NameConvention::kJapanese && p.convention != NameConvention::kArabic &&
        p.convention != NameConvention::kPersian) {
      uint64_t salt = std::hash<std::string>()(c) ^ 0x9E3779B97F4A7C15ULL;
      AddSyntheticTail(&p.family, p.family.size() * 10, salt);
    }
    p.weight = CountryWeight(c, p.convention);
    data.countries_.push_back(std::move(p));
  }
  return std::shared_ptr<const NameData>(std::make_shared<NameData>(std::move(data)));
}

// ----------------------------------------------------------- Generate ----

namespace {

using model::NamePartRole;

struct Token {
  NameForm form;
  NamePartRole role;
  std::string particle;  // "al-", "bin", "bint", "" ...
};

bool Chance(std::mt19937_64& rng, double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

template <typename T>
const T& PickOne(std::mt19937_64& rng, const std::vector<T>& v) {
  return v[rng() % v.size()];
}

std::string LatinToken(const Token& t) {
  if (t.particle.empty()) return t.form.latin;
  if (t.particle.back() == '-') return t.particle + t.form.latin;
  return t.particle + " " + t.form.latin;
}

// The Latin full name for a spelling choice per token (-1: primary spelling).
std::string LatinName(const std::vector<Token>& toks, const std::vector<int>& spelling) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < toks.size(); ++i) {
    Token t = toks[i];
    if (!spelling.empty() && spelling[i] >= 0 &&
        spelling[i] < static_cast<int>(t.form.variants.size()))
      t.form.latin = t.form.variants[spelling[i]];
    parts.push_back(LatinToken(t));
  }
  return JoinName(parts);
}

}  // namespace

// The name in its original script, by the country's convention; "" if some
// token has no original-script form.
std::string LocalName(const std::vector<NameForm>& tokens, const std::vector<uint8_t>& roles,
                      const std::vector<std::string>& particles, NameConvention conv,
                      bool family_first) {
  for (const NameForm& f : tokens)
    if (f.local.empty()) return "";
  std::vector<std::string> parts;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string p = i < particles.size() ? particles[i] : "";
    std::string w = tokens[i].local;
    if (p == "al-" || p == "el-") w = "ال" + w;
    if (p == "bin" || p == "ibn") parts.push_back("بن");
    if (p == "bint") parts.push_back("بنت");
    parts.push_back(w);
  }
  if (conv == NameConvention::kChinese || conv == NameConvention::kKorean ||
      conv == NameConvention::kJapanese) {
    // Written family name first, without spaces.
    std::string family, given;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (static_cast<NamePartRole>(roles[i]) == NamePartRole::kFamily) {
        family += parts[i];
      } else {
        given += parts[i];
      }
    }
    return family + given;
  }
  if (family_first &&
      (conv == NameConvention::kEastSlavic || conv == NameConvention::kCentralAsian)) {
    // Фамилия Имя Отчество.
    std::vector<std::string> reordered;
    for (size_t i = 0; i < tokens.size(); ++i)
      if (static_cast<NamePartRole>(roles[i]) == NamePartRole::kFamily)
        reordered.push_back(parts[i]);
    for (size_t i = 0; i < tokens.size(); ++i)
      if (static_cast<NamePartRole>(roles[i]) != NamePartRole::kFamily)
        reordered.push_back(parts[i]);
    return JoinName(reordered);
  }
  return JoinName(parts);
}

namespace {

// Zipf pickers per name pool, built on first use.
class Pickers {
 public:
  explicit Pickers(double s) : s_(s) {}
  const NameForm& Pick(const std::vector<NameForm>& pool, std::mt19937_64& rng) {
    auto it = cache_.find(&pool);
    if (it == cache_.end()) it = cache_.emplace(&pool, ZipfPicker(pool.size(), s_)).first;
    return pool[it->second.Pick(rng)];
  }

 private:
  double s_;
  std::unordered_map<const void*, ZipfPicker> cache_;
};

std::vector<Token> MakePersonTokens(const CountryPool& p, bool male, Pickers& pickers,
                                    std::mt19937_64& rng) {
  auto pick = [&](const std::vector<NameForm>& pool) -> const NameForm& {
    return pickers.Pick(pool, rng);
  };
  const std::vector<NameForm>& given_pool = male ? p.male : p.female;
  std::vector<Token> t;
  switch (p.convention) {
    case NameConvention::kArabic: {
      t.push_back({pick(given_pool), NamePartRole::kGiven, ""});
      std::string link =
          Chance(rng, 0.15) ? (male ? (Chance(rng, 0.5) ? "bin" : "ibn") : "bint") : "";
      t.push_back({pick(p.male), NamePartRole::kPatronymic, link});
      if (Chance(rng, 0.35)) t.push_back({pick(p.male), NamePartRole::kMiddle, ""});
      const NameForm& fam = pick(p.family);
      std::string art =
          fam.article ? (Chance(rng, 0.8) ? "al-" : (Chance(rng, 0.5) ? "el-" : "")) : "";
      t.push_back({fam, NamePartRole::kFamily, art});
      break;
    }
    case NameConvention::kEastSlavic:
    case NameConvention::kCentralAsian: {
      const NameForm& given = pick(given_pool);
      const NameForm& father = pick(p.male);
      NameForm fam = pick(p.family);
      t.push_back({given, NamePartRole::kGiven, ""});
      if (!father.local.empty() && HasCyrillic(father.local)) {
        t.push_back({MakeCyrillicForm(CyrPatronymic(father.local, male), male),
                     NamePartRole::kPatronymic, ""});
      } else if (Chance(rng, 0.5)) {
        NameForm pat;
        pat.latin = father.latin + (male ? "ovich" : "ovna");
        t.push_back({pat, NamePartRole::kPatronymic, ""});
      }
      if (!male) {
        if (!fam.local.empty() && HasCyrillic(fam.local)) {
          fam = MakeCyrillicForm(CyrFeminine(fam.local), false);
        } else if (fam.latin.size() > 2 &&
                   (fam.latin.ends_with("ov") || fam.latin.ends_with("ev"))) {
          fam.latin += "a";
          fam.variants.clear();
        }
      }
      t.push_back({fam, NamePartRole::kFamily, ""});
      break;
    }
    case NameConvention::kChinese:
    case NameConvention::kKorean:
      t.push_back({pick(p.family), NamePartRole::kFamily, ""});
      t.push_back({pick(given_pool), NamePartRole::kGiven, ""});
      break;
    case NameConvention::kHispanic:
      t.push_back({pick(given_pool), NamePartRole::kGiven, ""});
      if (Chance(rng, 0.3)) t.push_back({pick(given_pool), NamePartRole::kMiddle, ""});
      t.push_back({pick(p.family), NamePartRole::kFamily, ""});
      if (Chance(rng, 0.8)) t.push_back({pick(p.family), NamePartRole::kFamily, ""});
      break;
    case NameConvention::kSouthAsian:
      if (male && Chance(rng, 0.2)) t.push_back({p.male[0], NamePartRole::kGiven, ""});
      t.push_back({pick(given_pool), NamePartRole::kGiven, ""});
      t.push_back({pick(p.family), NamePartRole::kFamily, ""});
      break;
    case NameConvention::kPersian:
    case NameConvention::kJapanese:
    case NameConvention::kGreek:
      t.push_back({pick(given_pool), NamePartRole::kGiven, ""});
      t.push_back({pick(p.family), NamePartRole::kFamily, ""});
      break;
    case NameConvention::kWestern:
      t.push_back({pick(given_pool), NamePartRole::kGiven, ""});
      if (Chance(rng, 0.3)) t.push_back({pick(given_pool), NamePartRole::kMiddle, ""});
      t.push_back({pick(p.family), NamePartRole::kFamily, ""});
      break;
  }
  // Avoid the same word twice in a row ("Ali Ali") -- it happens, but rarely.
  for (size_t i = 1; i < t.size(); ++i)
    if (t[i].form.latin == t[i - 1].form.latin && t[i].role != NamePartRole::kFamily &&
        given_pool.size() > 1)
      t[i].form = given_pool[(rng() % (given_pool.size() - 1)) + 1];
  return t;
}

model::PartialDate RandomDate(std::mt19937_64& rng, int y0, int y1) {
  model::PartialDate d;
  d.year = static_cast<int16_t>(y0 + static_cast<int>(rng() % (y1 - y0 + 1)));
  d.month = static_cast<int8_t>(1 + rng() % 12);
  d.day = static_cast<int8_t>(1 + rng() % 28);
  return d;
}

std::string PassportNumber(std::mt19937_64& rng, const std::string& country) {
  std::string s;
  s += static_cast<char>('A' + rng() % 26);
  if (country == "RU" || country == "IR" || Chance(rng, 0.4)) {
    s.clear();
  }
  int digits = 7 + static_cast<int>(rng() % 3);
  for (int i = 0; i < digits; ++i) s += static_cast<char>('0' + rng() % 10);
  return s;
}

// ---------------------------------------------------------- orgs ----

struct OrgWords {
  std::vector<std::string> brand = {
      "Global",  "United",   "International", "Eastern",  "Northern", "Golden",    "Crescent",
      "Star",    "Silver",   "Oasis",         "Falcon",   "Delta",    "Atlas",     "Phoenix",
      "Orient",  "Pioneer",  "Summit",        "Horizon",  "Liberty",  "Royal",     "Pacific",
      "Baltic",  "Caspian",  "Nile",          "Gulf",     "Sahara",   "Ural",      "Alpine",
      "Zenith",  "Meridian", "Apex",          "Vector",   "Triton",   "Neptune",   "Aurora",
      "Emerald", "Sapphire", "Cedar",         "Palm",     "Trident",  "Sirius",    "Polaris",
      "Granite", "Harbor",   "Keystone",      "Mercury",  "Obsidian", "Onyx",      "Sterling",
      "Titan",   "Vanguard", "Westbridge",    "Blue Sea", "Red Sea",  "Black Sea", "Silk Road"};
  std::vector<std::string> industry = {"Trading",
                                       "Shipping",
                                       "Logistics",
                                       "Petroleum",
                                       "Energy",
                                       "Construction",
                                       "Import Export",
                                       "Investment",
                                       "Holding",
                                       "Exchange",
                                       "Maritime",
                                       "Engineering",
                                       "Textiles",
                                       "Electronics",
                                       "Technologies",
                                       "Chemicals",
                                       "Metals",
                                       "Minerals",
                                       "Agricultural",
                                       "Pharmaceutical",
                                       "Financial Services",
                                       "Aviation",
                                       "Industrial",
                                       "General Trading",
                                       "Real Estate",
                                       "Security Services",
                                       "Telecom",
                                       "Tankers",
                                       "Mining",
                                       "Defense Systems"};
  // Arabic brands and industries: Latin with the Arabic script.
  std::vector<std::pair<std::string, std::string>> ar_brand = {
      {"Noor", "النور"},     {"Amal", "الأمل"},   {"Baraka", "البركة"}, {"Salam", "السلام"},
      {"Nasr", "النصر"},     {"Fajr", "الفجر"},   {"Hilal", "الهلال"},  {"Rawabi", "الروابي"},
      {"Khaleej", "الخليج"}, {"Wafa", "الوفاء"},  {"Sharq", "الشرق"},   {"Rayan", "الريان"},
      {"Amana", "الأمانة"},  {"Furat", "الفرات"}, {"Dijla", "دجلة"},    {"Sham", "الشام"}};
  std::vector<std::pair<std::string, std::string>> ar_industry = {
      {"Trading", "للتجارة"},       {"General Trading", "للتجارة العامة"},
      {"Shipping", "للنقل البحري"}, {"Investment", "للاستثمار"},
      {"Contracting", "للمقاولات"}, {"Exchange", "للصرافة"},
      {"Petroleum", "للنفط"},       {"Money Transfer", "للحوالات المالية"}};
  std::vector<std::pair<std::string, std::string>> ru_brand = {
      {"Vostok", "Восток"},     {"Sibir", "Сибирь"},      {"Alfa", "Альфа"},
      {"Granit", "Гранит"},     {"Ural", "Урал"},         {"Stroyinvest", "Стройинвест"},
      {"Neftegaz", "Нефтегаз"}, {"Tranzit", "Транзит"},   {"Progress", "Прогресс"},
      {"Energiya", "Энергия"},  {"Meridian", "Меридиан"}, {"Baltika", "Балтика"},
      {"Sever", "Север"},       {"Kristall", "Кристалл"}, {"Impuls", "Импульс"},
      {"Almaz", "Алмаз"},       {"Avangard", "Авангард"}, {"Tekhnopark", "Технопарк"},
      {"Promtekh", "Промтех"},  {"Volga", "Волга"},       {"Soyuz", "Союз"},
      {"Zenit", "Зенит"},       {"Atlant", "Атлант"},     {"Orion", "Орион"}};
};

const OrgWords& Words() {
  static const OrgWords w;
  return w;
}

std::vector<model::Name> MakeOrgNames(const CountryPool& p, Pickers& pickers,
                                      std::mt19937_64& rng) {
  const OrgWords& w = Words();
  std::vector<model::Name> names;
  auto add = [&](std::string full, model::NameKind kind) {
    for (const model::Name& n : names)
      if (n.full == full) return;
    model::Name n;
    n.full = std::move(full);
    n.kind = kind;
    names.push_back(std::move(n));
  };
  auto brand = [&] { return PickOne(rng, w.brand); };
  const std::string& c = p.code;
  int extra = static_cast<int>(rng() % 4);  // aliases wanted
  if (p.convention == NameConvention::kArabic && Chance(rng, 0.6)) {
    auto b = PickOne(rng, w.ar_brand);
    auto ind = PickOne(rng, w.ar_industry);
    std::string second = Chance(rng, 0.4) ? " " + brand() : "";
    add("Al-" + b.first + second + " " + ind.first + " Company", model::NameKind::kPrimary);
    if (extra-- > 0) add("شركة " + b.second + " " + ind.second, model::NameKind::kOriginalScript);
    if (extra-- > 0)
      add("Al " + b.first + second + " " + ind.first + " Co. LLC", model::NameKind::kGoodAlias);
    if (extra-- > 0)
      add("Sharikat al-" + b.first + " lil-" + Lower(ind.first), model::NameKind::kGoodAlias);
    return names;
  }
  if (p.convention == NameConvention::kEastSlavic && Chance(rng, 0.7)) {
    auto b = PickOne(rng, w.ru_brand);
    auto b2 = PickOne(rng, w.ru_brand);
    bool two = Chance(rng, 0.4) && b2.first != b.first;
    std::string lat = b.first + (two ? "-" + b2.first : "");
    std::string loc = b.second + (two ? "-" + b2.second : "");
    bool ooo = Chance(rng, 0.7);
    add(std::string(ooo ? "Limited Liability Company" : "Joint Stock Company") + " \"" + lat + "\"",
        model::NameKind::kPrimary);
    if (extra-- > 0)
      add(std::string(ooo ? "ООО" : "АО") + " «" + loc + "»", model::NameKind::kOriginalScript);
    if (extra-- > 0) add(std::string(ooo ? "OOO " : "AO ") + lat, model::NameKind::kGoodAlias);
    if (extra-- > 0) add(lat + (ooo ? " LLC" : " JSC"), model::NameKind::kGoodAlias);
    return names;
  }
  std::string stem;
  double r = std::uniform_real_distribution<double>(0, 1)(rng);
  if (r < 0.35) {
    stem = brand() + " " + PickOne(rng, w.industry);
  } else if (r < 0.65) {
    std::string b1 = brand(), b2 = brand();
    if (b2 == b1) b2 = "Trans";
    stem = b1 + " " + b2 + " " + PickOne(rng, w.industry);
  } else {
    const NameForm& fam = pickers.Pick(p.family, rng);
    std::string f = fam.article ? "Al-" + fam.latin : fam.latin;
    stem = f + (Chance(rng, 0.3) ? " & Sons " : " ") + PickOne(rng, w.industry);
  }
  std::vector<std::string> forms;
  if (c == "DE" || c == "AT" || c == "CH" || c == "LI") {
    forms = {"GmbH", "AG", "GmbH & Co. KG"};
  } else if (c == "GB" || c == "IE" || c == "JE" || c == "GG" || c == "IM" || c == "GI") {
    forms = {"Ltd", "Limited", "PLC"};
  } else if (c == "US" || c == "CA") {
    forms = {"LLC", "Inc.", "Corp."};
  } else if (c == "FR" || c == "BE" || c == "LU" || c == "MC") {
    forms = {"SARL", "SA", "SAS"};
  } else if (c == "TR") {
    forms = {"A.S.", "Ltd. Sti."};
  } else if (c == "CN" || c == "TW" || c == "JP" || c == "KR") {
    forms = {"Co., Ltd.", "Company Limited", "Group Co., Ltd."};
  } else if (p.convention == NameConvention::kArabic) {
    forms = {"LLC", "FZE", "FZCO", "Trading Company"};
  } else if (p.convention == NameConvention::kPersian) {
    forms = {"Company", "Co.", "Trading Company"};
  } else if (p.convention == NameConvention::kHispanic) {
    forms = {"S.A.", "S.A. de C.V.", "S.L."};
  } else {
    forms = {"Ltd", "LLC", "Company", "Trading Company"};
  }
  size_t fi = rng() % forms.size();
  add(stem + " " + forms[fi], model::NameKind::kPrimary);
  if (extra-- > 0) add(stem, model::NameKind::kGoodAlias);  // without the legal form
  if (extra-- > 0 && forms.size() > 1)
    add(stem + " " + forms[(fi + 1) % forms.size()], model::NameKind::kGoodAlias);
  if (extra-- > 0)
    add(brand() + " " + PickOne(rng, w.industry) + " " + forms[fi], model::NameKind::kFormerName);
  return names;
}

}  // namespace

std::vector<model::Name> MakeOrganizationNames(const CountryPool& pool, double zipf_exponent,
                                               std::mt19937_64& rng) {
  Pickers pickers(zipf_exponent);
  return MakeOrgNames(pool, pickers, rng);
}

Watchlist GenerateWatchlist(const NameData& data, const WatchlistOptions& options) {
  Watchlist out;
  out.entities.reserve(options.entities);
  out.persons.reserve(options.entities);
  std::mt19937_64 rng(options.seed * 0x2545F4914F6CDD1DULL + 17);
  const auto& countries = data.countries();
  std::vector<double> weights;
  for (const CountryPool& p : countries) weights.push_back(p.weight);
  std::discrete_distribution<size_t> pick_country(weights.begin(), weights.end());
  const int digits = 7;
  Pickers pickers(options.zipf_exponent);

  for (size_t n = 0; n < options.entities; ++n) {
    model::Entity e;
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%0*zu", digits, n + 1);
    e.source_id = buf;
    e.list_id = "synthetic";
    e.id = "synthetic:" + e.source_id;
    e.program = "SYNTH";
    const size_t ci = pick_country(rng);
    const CountryPool& p = countries[ci];
    GeneratedPerson gp;
    gp.country = static_cast<int>(ci);

    if (Chance(rng, options.organization_share)) {
      e.kind = model::EntityKind::kOrganization;
      e.names = MakeOrgNames(p, pickers, rng);
      model::Place addr;
      addr.country_code = p.code;
      addr.country = p.code;
      e.addresses.push_back(addr);
      e.reference = "SYO." + e.source_id;
      out.entities.push_back(std::move(e));
      gp.country = static_cast<int>(ci);
      out.persons.push_back(std::move(gp));
      continue;
    }

    e.kind = model::EntityKind::kPerson;
    e.reference = "SYI." + e.source_id;
    const bool male = Chance(rng, 0.8);
    e.gender = Chance(rng, 0.7) ? (male ? model::Gender::kMale : model::Gender::kFemale)
                                : model::Gender::kUnknown;
    std::vector<Token> toks = MakePersonTokens(p, male, pickers, rng);
    for (const Token& t : toks) {
      gp.tokens.push_back(t.form);
      gp.roles.push_back(static_cast<uint8_t>(t.role));
      gp.particles.push_back(t.particle);
    }
    const NameConvention conv = p.convention;
    const bool family_first_local = Chance(rng, 0.5);
    const std::string local =
        LocalName(gp.tokens, gp.roles, gp.particles, conv, family_first_local);
    gp.local_primary = !local.empty() && Chance(rng, 0.1);

    auto add = [&](std::string full, model::NameKind kind) {
      if (full.empty()) return;
      for (const model::Name& nm : e.names)
        if (nm.full == full) return;
      model::Name nm;
      nm.full = std::move(full);
      nm.kind = kind;
      e.names.push_back(std::move(nm));
    };
    if (gp.local_primary) {
      add(local, model::NameKind::kPrimary);
    } else {
      add(LatinName(toks, {}), model::NameKind::kPrimary);
      if (Chance(rng, 0.5)) {
        for (const Token& t : toks) {
          model::NamePart part;
          part.role = t.role;
          part.text = LatinToken(t);
          e.names[0].parts.push_back(part);
        }
      }
    }
    // Aliases: 0..4, from the kinds that apply to this name.
    static const double kAliasCount[] = {0.25, 0.30, 0.25, 0.12, 0.08};
    std::discrete_distribution<int> count_dist(std::begin(kAliasCount), std::end(kAliasCount));
    int want = count_dist(rng);
    std::vector<int> kinds = {0, 1, 2, 3, 4};
    std::shuffle(kinds.begin(), kinds.end(), rng);
    if (!local.empty() && !gp.local_primary && Chance(rng, 0.7)) {
      add(local, model::NameKind::kOriginalScript);
      --want;
    }
    for (int k : kinds) {
      if (want <= 0) break;
      const size_t before = e.names.size();
      switch (k) {
        case 0: {  // another romanisation
          std::vector<int> sp(toks.size(), -1);
          bool any = false;
          for (size_t i = 0; i < toks.size(); ++i)
            if (!toks[i].form.variants.empty() && Chance(rng, 0.6)) {
              sp[i] = static_cast<int>(rng() % toks[i].form.variants.size());
              any = true;
            }
          if (any) add(LatinName(toks, sp), model::NameKind::kGoodAlias);
          break;
        }
        case 1: {  // family name first
          if (gp.local_primary || toks.size() < 2) break;
          std::vector<Token> r;
          for (const Token& t : toks)
            if (t.role == NamePartRole::kFamily) r.push_back(t);
          for (const Token& t : toks)
            if (t.role != NamePartRole::kFamily) r.push_back(t);
          if (conv == NameConvention::kChinese || conv == NameConvention::kKorean) {
            std::reverse(r.begin(), r.end());
          }
          add(LatinName(r, {}), model::NameKind::kGoodAlias);
          break;
        }
        case 2: {  // without the middle / father's name
          if (toks.size() < 3) break;
          std::vector<Token> r;
          for (size_t i = 0; i < toks.size(); ++i)
            if (i == 0 || i + 1 == toks.size() || toks[i].role == NamePartRole::kFamily)
              r.push_back(toks[i]);
          add(LatinName(r, {}), model::NameKind::kGoodAlias);
          break;
        }
        case 3: {  // particles (Arabic): al- dropped or bin added
          if (conv != NameConvention::kArabic) break;
          std::vector<Token> r = toks;
          if (!r.back().particle.empty()) {
            r.back().particle.clear();
          } else if (r.back().form.article) {
            r.back().particle = "al-";
          } else if (r.size() > 1 && r[1].particle.empty()) {
            r[1].particle = male ? "bin" : "bint";
          }
          add(LatinName(r, {}), model::NameKind::kGoodAlias);
          break;
        }
        case 4: {  // a kunya or nickname: weak
          if (conv == NameConvention::kArabic && male) {
            add("Abu " + PickOne(rng, p.male).latin, model::NameKind::kLowAlias);
          } else if (conv == NameConvention::kEastSlavic || conv == NameConvention::kWestern) {
            add(toks.front().form.latin + " " + toks.back().form.latin.substr(0, 1) + ".",
                model::NameKind::kLowAlias);
          }
          break;
        }
      }
      if (e.names.size() > before) --want;
    }

    // Dates of birth.
    if (Chance(rng, 0.75)) {
      model::DateOfBirth dob;
      double r = std::uniform_real_distribution<double>(0, 1)(rng);
      dob.from = RandomDate(rng, 1940, 2003);
      if (r < 0.6) {
        dob.kind = model::DateOfBirth::Kind::kExact;
      } else if (r < 0.8) {
        dob.kind = model::DateOfBirth::Kind::kExact;
        dob.from.month = 0;
        dob.from.day = 0;
      } else if (r < 0.9) {
        dob.kind = model::DateOfBirth::Kind::kApproximate;
        dob.from.month = 0;
        dob.from.day = 0;
      } else {
        dob.kind = model::DateOfBirth::Kind::kBetween;
        dob.from.month = 0;
        dob.from.day = 0;
        dob.to = dob.from;
        dob.to.year = static_cast<int16_t>(dob.from.year + 1 + rng() % 4);
      }
      e.dates_of_birth.push_back(dob);
      if (Chance(rng, 0.1)) {
        model::DateOfBirth alt;
        alt.from = RandomDate(rng, dob.from.year - 1, dob.from.year + 1);
        e.dates_of_birth.push_back(alt);
      }
    }
    if (Chance(rng, 0.9)) {
      e.nationalities.push_back({p.code, p.code});
      if (Chance(rng, 0.08)) {
        const std::string& other = countries[pick_country(rng)].code;
        if (other != p.code) e.nationalities.push_back({other, other});
      }
    }
    if (Chance(rng, 0.3)) {
      model::Document d;
      d.type = "Passport";
      d.number = PassportNumber(rng, p.code);
      d.issuing_country = p.code;
      d.country_code = p.code;
      e.documents.push_back(d);
    }
    out.entities.push_back(std::move(e));
    out.persons.push_back(std::move(gp));
  }
  return out;
}

}  // namespace hudud::bench
