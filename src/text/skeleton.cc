// Consonant skeletons and edit distances for romanised name tokens. All three
// functions run in the inner loop of candidate scoring, so none allocates on
// the heap for tokens up to 64 bytes (beyond the returned string).
#include "text/skeleton.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

namespace hudud::text {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }
bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Multi-letter rewrites, tried in this order at every position (longest
// first, so "shch" wins over "sh" and "sch" over "ch"):
//   shch -> S   Russian щ romanised "shch" is one sibilant
//   tsch -> S   German "Tschechow"
//   sch  -> S   German "Schmidt" = Russian "Шмидт" (shmidt)
//   tch  -> S   French "Tchernov" = "Chernov"
//   dzh  -> j   Russian "Джамал" (dzhamal) = "Jamal"
//   kh   -> h   Arabic خ is "kh", but Russian writes Arabic ح and ه as х
//               ("Мухаммад" -> mukhammad = Muhammad), so kh and h share a class
//   sh   -> S
//   ch   -> S   English/French ch and Russian ч are all sibilants here
//   gh   -> j   Arabic غ: Arabic spells foreign g with غ ("غريغ" Greg,
//               "فاغنر" Wagner) and Russian writes غ as г ("Гани" Ghani), so
//               gh joins the g/j class (measured on the vendored corpora:
//               +4 to +8 points of equal skeletons over a separate class)
//   th   -> s   Arabic ث: Uthman / Usman / Osman (Russian writes с)
//   dh   -> z   Arabic ذ: Dhahabi / Zahabi
//   ph   -> f
//   zh   -> j   Persian ژ, Russian ж: Zhukov / Jukov
//   dj   -> j   French North-African "Djamel"
//   dz   -> j   only before a vowel or y: Russian дз for Japanese j
//               ("Фудзита" fudzita = Fujita); a final "dz"/"ds" stays a
//               plural-like cluster ("blidz" = "blades")
//   ck   -> k
struct Rewrite {
  const char* from;
  unsigned char len;
  char to;
};
constexpr Rewrite kRewrites[] = {
    {"shch", 4, 'S'}, {"tsch", 4, 'S'}, {"sch", 3, 'S'}, {"tch", 3, 'S'},
    {"dzh", 3, 'j'},  {"kh", 2, 'h'},   {"sh", 2, 'S'},  {"ch", 2, 'S'},
    {"gh", 2, 'j'},   {"th", 2, 's'},   {"dh", 2, 'z'},  {"ph", 2, 'f'},
    {"zh", 2, 'j'},   {"dj", 2, 'j'},   {"dz", 2, 'j'},  {"ck", 2, 'k'},
};

// Single letters after the rewrites:
//   a e i o u -> dropped (vowels are what transliterations disagree on most,
//                and abjad scripts do not write short ones)
//   y w       -> kept when they are the first letter ("Yusuf", "Walid");
//                elsewhere they are semi-vowels and dropped: "Husayn" =
//                "Hussein", "Marwan" = "مروان" however و is read, "Tawfiq" =
//                "Toufic" (measured: +3 points of equal skeletons on the
//                Arabic corpora; costs ~0.5 point on Russian)
//   q c       -> k      Qasim / Kasim, Carlos / Karlos
//   g         -> j      Egyptian Gamal = Jamal
//   v         -> w      Vladimir / Wladimir; a v is a consonant everywhere
//                       ("Ivanov" -> "wnw"), while an inner w is a vowel,
//                       so Polish "Iwanow" ("n") is not equal to it
//   p         -> b      Arabic has no p ("Pakistan" / "باكستان")
//   x         -> k s    Alexander = Aleksandr
//   h         -> h, except a final lone h, which is dropped (Abdullah /
//                Abdulla, Fatimah / Fatima)
//   other letters and digits stay as they are; other bytes are ignored.
// Then equal adjacent symbols collapse, also across a dropped vowel:
// Arabic writes a doubled consonant once ("ممدوح" mmduh -> "md") and Latin
// "Mamdouh" must give the same ("md").
bool VowelOrY(char c) { return IsLatinVowel(c) || c == 'y'; }

}  // namespace

std::string ConsonantSkeleton(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  // Position of the last letter/digit: a lone 'h' there is dropped.
  size_t last = in.size();
  for (size_t k = in.size(); k > 0; --k) {
    if (IsAlnum(Lower(in[k - 1]))) {
      last = k - 1;
      break;
    }
  }
  auto emit = [&out](char sym) {
    if (out.empty() || out.back() != sym) out.push_back(sym);
  };
  bool first = true;
  size_t i = 0;
  while (i < in.size()) {
    const char c = Lower(in[i]);
    if (!IsAlnum(c)) {
      ++i;
      continue;
    }
    const bool leading = first;
    first = false;
    bool rewritten = false;
    for (const Rewrite& r : kRewrites) {
      if (r.from[0] != c || i + r.len > in.size()) continue;
      bool match = true;
      for (size_t k = 1; k < r.len; ++k) {
        if (Lower(in[i + k]) != r.from[k]) {
          match = false;
          break;
        }
      }
      if (match && r.to == 'j' && r.from[1] == 'z' && r.len == 2) {
        match = i + 2 < in.size() && VowelOrY(Lower(in[i + 2]));  // dz + vowel
      }
      if (match) {
        emit(r.to);
        i += r.len;
        rewritten = true;
        break;
      }
    }
    if (rewritten) continue;
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
        break;
      case 'y':
      case 'w':
        if (leading) emit(c);
        break;
      case 'q':
      case 'c':
        emit('k');
        break;
      case 'g':
        emit('j');
        break;
      case 'v':
        emit('w');
        break;
      case 'p':
        emit('b');
        break;
      case 'x':
        emit('k');
        emit('s');
        break;
      case 'h':
        if (i != last) emit('h');
        break;
      default:
        emit(c);
        break;
    }
    ++i;
  }
  return out;
}

namespace {

// Rows of a dynamic-programming table: on the stack for short strings.
template <typename T>
class Rows {
 public:
  explicit Rows(size_t width) {
    if (width * 3 <= inline_.size()) {
      data_ = inline_.data();
    } else {
      heap_.resize(width * 3);
      data_ = heap_.data();
    }
    width_ = width;
  }
  T* Row(int r) { return data_ + static_cast<size_t>(r) * width_; }

 private:
  std::array<T, 3 * 65> inline_;
  std::vector<T> heap_;
  T* data_;
  size_t width_;
};

}  // namespace

int BoundedEditDistance(std::string_view a, std::string_view b, int max_distance) {
  if (max_distance < 0) max_distance = 0;
  const int big = max_distance + 1;
  if (a.size() < b.size()) std::swap(a, b);  // b is the shorter: narrower rows
  const int la = static_cast<int>(a.size());
  const int lb = static_cast<int>(b.size());
  if (la - lb > max_distance) return big;
  if (lb == 0) return la;

  Rows<int> rows(static_cast<size_t>(lb) + 1);
  int* prev2 = rows.Row(0);
  int* prev = rows.Row(1);
  int* cur = rows.Row(2);
  for (int j = 0; j <= lb; ++j) {
    prev[j] = std::min(j, big);
    prev2[j] = big;
    cur[j] = big;
  }
  for (int i = 1; i <= la; ++i) {
    // Only cells within max_distance of the diagonal can stay <= max.
    const int lo = std::max(1, i - max_distance);
    const int hi = std::min(lb, i + max_distance);
    cur[0] = std::min(i, big);
    if (lo > 1) cur[lo - 1] = big;
    int row_min = lo == 1 ? cur[0] : big;
    const char ai = a[static_cast<size_t>(i - 1)];
    for (int j = lo; j <= hi; ++j) {
      const char bj = b[static_cast<size_t>(j - 1)];
      int v = std::min(prev[j] + 1, cur[j - 1] + 1);
      v = std::min(v, prev[j - 1] + (ai == bj ? 0 : 1));
      if (i > 1 && j > 1 && ai == b[static_cast<size_t>(j - 2)] &&
          a[static_cast<size_t>(i - 2)] == bj) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      v = std::min(v, big);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (hi < lb) cur[hi + 1] = big;
    if (row_min > max_distance) return big;  // every path already costs more
    int* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return std::min(prev[lb], big);
}

namespace {

constexpr double kVowelSub = 0.3;
constexpr double kVowelIndel = 0.5;
constexpr double kAbjadVowelIndel = 0.15;
constexpr double kDoubledOrDigraphH = 0.3;
constexpr double kConfusable = 0.6;
constexpr double kOther = 1.0;
constexpr double kTransposition = 1.0;

bool Confusable(char x, char y) {
  if (x > y) std::swap(x, y);
  switch (x) {
    case 'c':
      return y == 'k';
    case 'k':
      return y == 'q';
    case 's':
      return y == 'z';
    case 'i':
      return y == 'y';
    case 'j':
      return y == 'y';
    case 'v':
      return y == 'w';
    case 'f':
      return y == 'p';
    case 'd':
      return y == 't';
    default:
      return false;
  }
}

double SubCost(char x, char y) {
  if (x == y) return 0.0;
  if (IsLatinVowel(x) && IsLatinVowel(y)) return kVowelSub;
  if (Confusable(x, y)) return kConfusable;
  return kOther;
}

// The cost of inserting or deleting s[i]; it depends only on s, so the
// distance is symmetric. When several rules apply the cheapest wins
// (a doubled vowel in an abjad comparison costs 0.15).
double IndelCost(std::string_view s, size_t i, bool abjad) {
  const char c = s[i];
  double cost = kOther;
  if (IsLatinVowel(c)) cost = abjad ? kAbjadVowelIndel : kVowelIndel;
  const bool doubled = (i > 0 && s[i - 1] == c) || (i + 1 < s.size() && s[i + 1] == c);
  if (doubled) cost = std::min(cost, kDoubledOrDigraphH);
  if (c == 'h' && i > 0) {
    switch (s[i - 1]) {  // the h of kh sh ch gh th dh zh ph
      case 'k':
      case 's':
      case 'c':
      case 'g':
      case 't':
      case 'd':
      case 'z':
      case 'p':
        cost = std::min(cost, kDoubledOrDigraphH);
        break;
      default:
        break;
    }
  }
  return cost;
}

}  // namespace

double TransliterationCost(std::string_view a, std::string_view b, bool abjad) {
  const size_t la = a.size();
  const size_t lb = b.size();
  Rows<double> rows(lb + 1);
  double* prev2 = rows.Row(0);
  double* prev = rows.Row(1);
  double* cur = rows.Row(2);
  // The insertion cost of each letter of b is the same in every row.
  std::array<double, 65> ins_inline;
  std::vector<double> ins_heap;
  double* ins = ins_inline.data();
  if (lb + 1 > ins_inline.size()) {
    ins_heap.resize(lb + 1);
    ins = ins_heap.data();
  }
  prev[0] = 0.0;
  for (size_t j = 1; j <= lb; ++j) {
    ins[j] = IndelCost(b, j - 1, abjad);
    prev[j] = prev[j - 1] + ins[j];
  }
  for (size_t i = 1; i <= la; ++i) {
    const double del = IndelCost(a, i - 1, abjad);
    cur[0] = prev[0] + del;
    const char ai = a[i - 1];
    for (size_t j = 1; j <= lb; ++j) {
      const char bj = b[j - 1];
      double v = prev[j - 1] + SubCost(ai, bj);
      v = std::min(v, prev[j] + del);
      v = std::min(v, cur[j - 1] + ins[j]);
      if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == bj && ai != bj) {
        v = std::min(v, prev2[j - 2] + kTransposition);
      }
      cur[j] = v;
    }
    double* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb];
}

}  // namespace hudud::text
