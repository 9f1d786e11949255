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

void Capitalise(std::string& s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
}

std::string RomaniseWord(const std::string& word) {
  auto it = Lexicon().find(word);
  if (it != Lexicon().end()) return it->second;
  std::string latin = Romanize(word).latin;
  Capitalise(latin);
  return latin;
}

constexpr std::string_view kArabicArticle = "\xD8\xA7\xD9\x84";  // ال

}  // namespace

std::string DisplayLatin(std::string_view name) {
  std::string out;
  for (const std::string& raw : SplitWords(FoldText(name))) {
    const std::string word = RepairLookalikes(raw);
    std::string latin;
    const Script script = DetectScript(word);
    if (script == Script::kLatin || script == Script::kUnknown) {
      latin = Romanize(word).latin;
      Capitalise(latin);
    } else if (script == Script::kArabic && word.size() > kArabicArticle.size() + 2 &&
               word.compare(0, kArabicArticle.size(), kArabicArticle) == 0) {
      // The article is written joined to the word; the usual spelling has it apart.
      latin = "al-" + RomaniseWord(word.substr(kArabicArticle.size()));
    } else {
      latin = RomaniseWord(word);
    }
    if (latin.empty()) continue;
    if (!out.empty()) out += ' ';
    out += latin;
  }
  return out;
}

}  // namespace hudud::text
