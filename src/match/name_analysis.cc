// Name analysis: words -> romanised tokens with roles. The word tables are
// written in the scripts the words occur in and romanised at start-up with the
// same Romanize() the names go through, so the tables and the names can never
// disagree about a spelling.
#include "match/name_analysis.h"

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "text/normalize.h"
#include "text/romanize.h"
#include "text/skeleton.h"

namespace hudud::match {
namespace {

// Articles written as their own word (al-Baghdadi, el Masri, ul Haq).
constexpr std::array kArticles = {"al", "el", "ul", "il", "ol"};
// Sun-letter assimilated articles (ar-Rahman, as-Sayed): an article only
// when the next word starts with the same consonant(s).
constexpr std::array kAssimilatedArticles = {"ar",  "as", "at", "az", "an", "ad", "ash", "ath",
                                             "adh", "ad", "er", "es", "et", "ez", "en",  "ed",
                                             "ur",  "us", "ut", "uz", "un", "ud", "ush"};

struct ParticleEntry {
  const char* form;
  const char* canonical;
};
// Genealogical and nobiliary particles, in every script they occur in.
constexpr ParticleEntry kParticles[] = {
    {"bin", "bin"},
    {"ibn", "bin"},
    {"ben", "bin"},
    {"bn", "bin"},
    {"بن", "bin"},
    {"ابن", "bin"},
    {"бин", "bin"},
    {"ибн", "bin"},
    {"бен", "bin"},
    {"bint", "bint"},
    {"binti", "bint"},
    {"binte", "bint"},
    {"bte", "bint"},
    {"بنت", "bint"},
    {"abu", "abu"},
    {"abou", "abu"},
    {"abo", "abu"},
    {"abul", "abu"},
    {"ابو", "abu"},
    {"أبو", "abu"},
    {"абу", "abu"},
    {"umm", "umm"},
    {"um", "umm"},
    {"oum", "umm"},
    {"ام", "umm"},
    {"أم", "umm"},
    {"умм", "umm"},
    {"ould", "ould"},
    {"ag", "ag"},
    {"wuld", "ould"},
    {"ولد", "ould"},
    {"van", "van"},
    {"von", "von"},
    {"de", "de"},
    {"der", "der"},
    {"den", "den"},
    {"da", "da"},
    {"di", "di"},
    {"du", "du"},
    {"la", "la"},
    {"le", "le"},
    {"dos", "dos"},
    {"das", "das"},
    {"del", "del"},
    {"della", "della"},
    {"do", "do"},
    {"ter", "ter"},
    {"zu", "zu"},
    {"y", "y"},
    {"al", "al"},
    {"ال", "al"},
    // Words that join parts of organisation names.
    {"the", "the"},
    {"of", "of"},
    {"and", "and"},
    {"for", "for"},
    {"et", "and"},
    {"und", "and"},
    {"и", "and"},
    {"wa", "and"},
    {"و", "and"},
};

// Titles and forms of address, not part of the name.
constexpr const char* kHonorifics[] = {
    "sheikh",    "shaikh",  "shaykh",  "sheik",   "cheikh",    "sheykh",  "شيخ",     "شیخ",
    "шейх",      "шайх",    "mullah",  "mulla",   "molla",     "mollah",  "ملا",     "мулла",
    "molvi",     "maulvi",  "mawlawi", "moulavi", "maulawi",   "mawlavi", "مولوي",   "مولوی",
    "маулави",   "мавлави", "maulana", "moulana", "mawlana",   "مولانا",  "мавлоно", "haji",
    "hajji",     "hadji",   "hadj",    "hajj",    "alhaji",    "alhajji", "alhaj",   "حاج",
    "حاجي",      "حاجی",    "хаджи",   "ходжи",   "ҳоҷӣ",      "mufti",   "مفتي",    "мулло",
    "ишан",      "eshon",   "dr",      "doctor",  "mr",        "mrs",     "ms",      "miss",
    "mme",       "mlle",    "sir",     "prof",    "professor", "gen",     "general", "col",
    "colonel",   "maj",     "major",   "capt",    "captain",   "lt",      "sgt",     "brig",
    "brigadier", "eng",     "engr",    "د",       "دكتور",     "д-р",
};

struct LegalEntry {
  const char* form;
  const char* klass;
};
// Legal forms of organisations, by class, so that "LLC" and "ООО" agree.
constexpr LegalEntry kLegalForms[] = {
    {"llc", "llc"},
    {"ltd", "llc"},
    {"limited", "llc"},
    {"ооо", "llc"},
    {"тов", "llc"},
    {"gmbh", "llc"},
    {"sarl", "llc"},
    {"srl", "llc"},
    {"bv", "llc"},
    {"pvt", "llc"},
    {"pty", "llc"},
    {"ltda", "llc"},
    {"bhd", "llc"},
    {"sdn", "llc"},
    {"kft", "llc"},
    {"jsc", "jsc"},
    {"ojsc", "jsc"},
    {"cjsc", "jsc"},
    {"pjsc", "jsc"},
    {"ао", "jsc"},
    {"оао", "jsc"},
    {"зао", "jsc"},
    {"пао", "jsc"},
    {"sa", "jsc"},
    {"ag", "jsc"},
    {"spa", "jsc"},
    {"nv", "jsc"},
    {"plc", "jsc"},
    {"inc", "jsc"},
    {"incorporated", "jsc"},
    {"corp", "jsc"},
    {"corporation", "jsc"},
    {"co", "company"},
    {"company", "company"},
    {"cie", "company"},
    {"compagnie", "company"},
    {"компания", "company"},
    {"kompaniya", "company"},
    {"شركة", "company"},
    {"شرکت", "company"},
    {"sirketi", "company"},
    {"sherkat", "company"},
    {"sharikat", "company"},
    {"est", "est"},
    {"establishment", "est"},
    {"etablissement", "est"},
    {"مؤسسة", "est"},
    {"موسسه", "est"},
    {"muassasa", "est"},
    {"fze", "fze"},
    {"fzco", "fze"},
    {"fzc", "fze"},
    {"fzllc", "fze"},
};

// "abd" compounds: "Abdul Rahman", "Abd al-Rahman", "Abdel Kader".
constexpr std::array kAbdPrefixes = {"abd",  "abdul", "abdel",  "abdal", "abdol", "abdil",
                                     "abdu", "abdou", "abdoul", "abdur", "abdus", "abed"};

std::string RomanizeWord(std::string_view word) {
  std::string latin;
  for (const std::string& w : text::SplitWords(text::FoldText(word))) {
    latin += text::Romanize(text::RepairLookalikes(w)).latin;
  }
  return latin;
}

struct Tables {
  std::unordered_map<std::string, std::string> particles;  // latin -> canonical
  std::unordered_set<std::string> honorifics;              // latin
  std::unordered_map<std::string, std::string> legal;      // latin -> class
  std::unordered_set<std::string> abd_prefixes;
};

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    for (const auto& p : kParticles) t->particles.emplace(RomanizeWord(p.form), p.canonical);
    for (const char* h : kHonorifics) t->honorifics.insert(RomanizeWord(h));
    for (const auto& l : kLegalForms) t->legal.emplace(RomanizeWord(l.form), l.klass);
    for (const char* a : kAbdPrefixes) t->abd_prefixes.insert(a);
    t->particles.erase("");
    t->honorifics.erase("");
    t->legal.erase("");
    return t;
  }();
  return *tables;
}

bool IsArticle(const std::string& latin, const std::string* next) {
  for (const char* a : kArticles) {
    if (latin == a) return true;
  }
  if (next == nullptr) return false;
  for (const char* a : kAssimilatedArticles) {
    if (latin != a) continue;
    std::string_view cons(latin);
    cons.remove_prefix(1);
    if (std::string_view(*next).substr(0, cons.size()) == cons) return true;
  }
  return false;
}

// The stem of a one-word abd compound: "abdulrahman" -> "rahman",
// "abdelkader" -> "kader", Arabic "abdalrhmn" -> "rhmn"; "" if `latin` is not one.
std::string AbdCompoundStem(const std::string& latin) {
  if (latin.size() < 6 || latin.compare(0, 3, "abd") != 0) return "";
  std::string_view rest(latin);
  rest.remove_prefix(3);
  size_t v = 0;
  while (v < rest.size() && v < 2 && text::IsLatinVowel(rest[v])) ++v;
  if (v > 0 && v + 1 < rest.size()) {
    std::string_view after = rest.substr(v);
    if (after[0] == 'l') {
      rest = after.substr(1);  // the article: abd-ul-, abd-el-, abd-al-
    } else if (after.size() > 1 && after[0] == after[1]) {
      rest = after.substr(1);  // assimilated article: abd-ur-rahman
    }
  }
  if (rest.size() < 2) return "";
  return std::string(rest);
}

NameToken MakeToken(std::string original, std::string latin, const text::Romanized& r) {
  NameToken t;
  t.original = std::move(original);
  t.latin = std::move(latin);
  t.skeleton = text::ConsonantSkeleton(t.latin);
  t.abjad = r.abjad;
  t.cross_script = r.script != text::Script::kLatin && r.script != text::Script::kUnknown;
  return t;
}

std::string ReorderSurnameFirst(std::string_view name) {
  size_t comma = name.find(',');
  if (comma == std::string_view::npos || name.find(',', comma + 1) != std::string_view::npos) {
    return std::string(name);
  }
  std::string_view family = name.substr(0, comma);
  std::string_view given = name.substr(comma + 1);
  if (family.find_first_not_of(" \t") == std::string_view::npos ||
      given.find_first_not_of(" \t") == std::string_view::npos) {
    return std::string(name);
  }
  return std::string(given) + " " + std::string(family);
}

}  // namespace

std::string_view ToString(TokenRole role) {
  switch (role) {
    case TokenRole::kName:
      return "name";
    case TokenRole::kParticle:
      return "particle";
    case TokenRole::kHonorific:
      return "honorific";
    case TokenRole::kLegalForm:
      return "legal-form";
    case TokenRole::kInitial:
      return "initial";
    case TokenRole::kNumber:
      return "number";
  }
  return "name";
}

NameToken JoinTokens(const NameToken& a, const NameToken& b) {
  NameToken t;
  t.original = a.original + " " + b.original;
  t.latin = a.latin + b.latin;
  t.skeleton = text::ConsonantSkeleton(t.latin);
  t.abjad = a.abjad || b.abjad;
  t.cross_script = a.cross_script || b.cross_script;
  return t;
}

AnalyzedName AnalyzeName(std::string_view name, model::EntityKind kind) {
  const Tables& tables = GetTables();
  AnalyzedName out;
  out.original = std::string(name);
  const bool person = kind == model::EntityKind::kPerson || kind == model::EntityKind::kUnknown;
  std::string ordered = person ? ReorderSurnameFirst(name) : std::string(name);

  // 1. Words -> romanised tokens; the Arabic article written inside a word
  //    (الرحمن) becomes its own token, as it is when written in Latin.
  std::vector<NameToken> raw;
  for (const std::string& word : text::SplitWords(text::FoldText(ordered))) {
    std::string repaired = text::RepairLookalikes(word);
    text::Romanized r = text::Romanize(repaired);
    if (r.latin.empty()) continue;
    // Only a bare alef + lam is the article; أل and إل begin names (Ilyushin).
    constexpr std::string_view kArticle = "\u0627\u0644";
    if (r.script == text::Script::kArabic && r.latin.size() >= 5 &&
        r.latin.compare(0, 2, "al") == 0 &&
        std::string_view(repaired).substr(0, kArticle.size()) == kArticle &&
        AbdCompoundStem(r.latin).empty()) {
      raw.push_back(MakeToken("ال", "al", r));
      std::string rest = repaired.substr(kArticle.size());
      raw.push_back(MakeToken(rest, r.latin.substr(2), r));
      continue;
    }
    raw.push_back(MakeToken(std::move(repaired), std::move(r.latin), r));
  }

  // 2. Roles, articles and abd compounds.
  for (size_t i = 0; i < raw.size(); ++i) {
    NameToken& t = raw[i];
    const std::string* next = i + 1 < raw.size() ? &raw[i + 1].latin : nullptr;

    if (tables.abd_prefixes.count(t.latin) && i + 1 < raw.size()) {
      size_t j = i + 1;
      if (j + 1 < raw.size() && IsArticle(raw[j].latin, &raw[j + 1].latin)) ++j;
      const NameToken& stem = raw[j];
      if (stem.latin.size() >= 2 && !tables.particles.count(stem.latin)) {
        NameToken joined = t;
        for (size_t k = i + 1; k <= j; ++k) joined.original += " " + raw[k].original;
        joined.latin = "abd" + stem.latin;
        joined.skeleton = text::ConsonantSkeleton(joined.latin);
        joined.abjad = t.abjad || stem.abjad;
        joined.cross_script = t.cross_script || stem.cross_script;
        out.tokens.push_back(std::move(joined));
        i = j;
        continue;
      }
    }
    if (std::string stem = AbdCompoundStem(t.latin); !stem.empty()) {
      t.latin = "abd" + stem;
      t.skeleton = text::ConsonantSkeleton(t.latin);
      out.tokens.push_back(std::move(t));
      continue;
    }
    if (raw.size() > 1 && IsArticle(t.latin, next)) {
      t.latin = "al";
      t.skeleton = text::ConsonantSkeleton(t.latin);
      t.role = TokenRole::kParticle;
      out.tokens.push_back(std::move(t));
      continue;
    }
    if (kind != model::EntityKind::kPerson) {
      if (auto it = tables.legal.find(t.latin); it != tables.legal.end() && raw.size() > 1) {
        t.latin = it->second;
        t.skeleton = it->second;
        t.role = TokenRole::kLegalForm;
        out.tokens.push_back(std::move(t));
        continue;
      }
    }
    if (raw.size() > 1) {
      // "Ben" opening a name is a given name, not "son of".
      auto p = tables.particles.find(t.latin);
      if (p != tables.particles.end() && !(i == 0 && p->second == "bin" && t.latin == "ben")) {
        t.latin = p->second;
        t.skeleton = text::ConsonantSkeleton(t.latin);
        t.role = TokenRole::kParticle;
        out.tokens.push_back(std::move(t));
        continue;
      }
      if (tables.honorifics.count(t.latin)) {
        t.role = TokenRole::kHonorific;
        out.tokens.push_back(std::move(t));
        continue;
      }
    }
    bool digits = t.latin.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      t.role = TokenRole::kNumber;
    } else if (t.latin.size() == 1 && !t.cross_script) {
      t.role = TokenRole::kInitial;
    }
    out.tokens.push_back(std::move(t));
  }
  return out;
}

}  // namespace hudud::match
