// DisplayLatin (text/display_latin.h): a lexicon of common names over the
// rule-based romaniser.
#include "text/display_latin.h"

#include <unordered_map>
#include <vector>

#include "text/normalize.h"
#include "text/romanize.h"

namespace hudud::text {
namespace {

struct LexiconEntry {
  const char* localised;
  const char* latin;
};

constexpr LexiconEntry kLexicon[] = {
#include "text/display_latin_data.inc"
};

// Folded word -> usual spelling, folded the way queries are.
const std::unordered_map<std::string, std::string>& Lexicon() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string, std::string>();
    for (const LexiconEntry& e : kLexicon) {
      const std::string folded = FoldText(e.localised);
      if (folded.find(' ') == std::string::npos) m->emplace(folded, e.latin);
    }
    return m;
  }();
  return *map;
}

constexpr std::string_view kArabicArticle = "\xD8\xA7\xD9\x84";  // ال

// Name elements whose spelling is fixed by usage rather than by letters:
// particles (as name_analysis knows them) and the theophoric elements that
// the article rule would split wrongly (الله is not al- + lh).
constexpr LexiconEntry kElements[] = {
    {"بن", "bin"},       {"بنت", "bint"},         {"ابن", "ibn"},           {"ابو", "Abu"},
    {"ابي", "Abi"},      {"ام", "Umm"},           {"عبد", "Abd"},           {"الله", "Allah"},
    {"الدين", "al-Din"}, {"عبدالله", "Abdullah"}, {"عبد الله", "Abdullah"},
};

const std::unordered_map<std::string, std::string>& Elements() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string, std::string>();
    for (const LexiconEntry& e : kElements) m->emplace(FoldText(e.localised), e.latin);
    return m;
  }();
  return *map;
}

void Capitalise(std::string& s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
}

// The usual spelling of a whole word, or null when no table knows it.
const std::string* Known(const std::string& word) {
  if (auto el = Elements().find(word); el != Elements().end()) return &el->second;
  if (auto it = Lexicon().find(word); it != Lexicon().end()) return &it->second;
  return nullptr;
}

std::string RomaniseWord(const std::string& word) {
  if (const std::string* known = Known(word)) return *known;
  std::string latin = Romanize(word).latin;
  Capitalise(latin);
  return latin;
}

// An Arabic word written with the article joined to it (الظواهري).
bool HasArabicArticle(const std::string& word) {
  return word.size() > kArabicArticle.size() + 2 &&
         word.compare(0, kArabicArticle.size(), kArabicArticle) == 0 &&
         DetectScript(word) == Script::kArabic;
}

}  // namespace

std::string DisplayLatin(std::string_view name) {
  std::string out;
  const std::vector<std::string> words = SplitWords(FoldText(name));
  for (size_t i = 0; i < words.size(); ++i) {
    // Two-word elements first ("عبد الله" is one name, Abdullah).
    if (i + 1 < words.size()) {
      auto pair = Elements().find(words[i] + " " + words[i + 1]);
      if (pair != Elements().end()) {
        if (!out.empty()) out += ' ';
        out += pair->second;
        ++i;
        continue;
      }
    }
    const std::string word = RepairLookalikes(words[i]);
    // A known word keeps its spelling, article and all (التكريتي -> al-Tikriti);
    // otherwise the article, joined in writing, is written apart.
    const std::string latin = !Known(word) && HasArabicArticle(word)
                                  ? "al-" + RomaniseWord(word.substr(kArabicArticle.size()))
                                  : RomaniseWord(word);
    if (latin.empty()) continue;
    if (!out.empty()) out += ' ';
    out += latin;
  }
  return out;
}

}  // namespace hudud::text
