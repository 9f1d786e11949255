// The refusal of rules that touch the special categories of personal data
// (EU PNR Directive art. 6(4)): the words, in English, French, Arabic and
// Russian, and the meal and medical service codes that name or reveal race or
// ethnic origin, political opinions, religion or belief, trade-union
// membership, health, sex life or sexual orientation.
//
// The lists err on the side of refusing: an analyst whose harmless rule is
// refused rewords it; a rule that targets people for their faith must never be
// saved. Words are compared after text::FoldText (case, accents of combining
// marks, Arabic harakat); a trailing '*' marks a stem matched as a prefix.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/country.h"
#include "text/normalize.h"
#include "travel/rule_internal.h"

namespace hudud::travel {
namespace {

using SC = SensitiveCategory;

struct Term {
  std::string_view word;  // folded; "stem*" matches any word starting with "stem"
  SC category;
};

// Stems are chosen so that they match no field name, keyword or common code,
// and no place or agency name we could think of: "islam" is exact because of
// Islamabad, "christ..." is spelled out because of Christchurch, "church"
// because of Churchill, "caste" because of Castellon.
constexpr Term kTerms[] = {
    // Religion or belief.
    {"religio*", SC::kReligionOrBelief},  // religion, religious
    {"faith", SC::kReligionOrBelief},
    {"faiths", SC::kReligionOrBelief},
    {"belief", SC::kReligionOrBelief},
    {"beliefs", SC::kReligionOrBelief},
    {"creed", SC::kReligionOrBelief},
    {"worship*", SC::kReligionOrBelief},
    {"denomination*", SC::kReligionOrBelief},
    {"sect", SC::kReligionOrBelief},
    {"sects", SC::kReligionOrBelief},
    {"sectarian*", SC::kReligionOrBelief},
    {"church", SC::kReligionOrBelief},
    {"churches", SC::kReligionOrBelief},
    {"mosque*", SC::kReligionOrBelief},
    {"synagogue*", SC::kReligionOrBelief},
    {"muslim*", SC::kReligionOrBelief},
    {"moslem*", SC::kReligionOrBelief},
    {"islam", SC::kReligionOrBelief},
    {"islamic", SC::kReligionOrBelief},
    {"islamist*", SC::kReligionOrBelief},
    {"christian", SC::kReligionOrBelief},
    {"christians", SC::kReligionOrBelief},
    {"christianity", SC::kReligionOrBelief},
    {"catholic*", SC::kReligionOrBelief},
    {"protestant*", SC::kReligionOrBelief},
    {"evangelic*", SC::kReligionOrBelief},
    {"orthodox", SC::kReligionOrBelief},
    {"jew", SC::kReligionOrBelief},
    {"jews", SC::kReligionOrBelief},
    {"jewish", SC::kReligionOrBelief},
    {"judaism", SC::kReligionOrBelief},
    {"hindu", SC::kReligionOrBelief},
    {"hindus", SC::kReligionOrBelief},
    {"hinduism", SC::kReligionOrBelief},
    {"buddhis*", SC::kReligionOrBelief},
    {"sikh", SC::kReligionOrBelief},
    {"sikhs", SC::kReligionOrBelief},
    {"sikhism", SC::kReligionOrBelief},
    {"atheis*", SC::kReligionOrBelief},
    {"agnostic*", SC::kReligionOrBelief},
    {"sunni*", SC::kReligionOrBelief},
    {"shia", SC::kReligionOrBelief},
    {"shiite*", SC::kReligionOrBelief},
    {"alawit*", SC::kReligionOrBelief},
    {"ahmadi", SC::kReligionOrBelief},
    {"ahmadiyya", SC::kReligionOrBelief},
    {"yazidi*", SC::kReligionOrBelief},
    {"mormon*", SC::kReligionOrBelief},
    {"halal", SC::kReligionOrBelief},
    {"kosher", SC::kReligionOrBelief},
    {"hajj", SC::kReligionOrBelief},
    {"hajji", SC::kReligionOrBelief},
    {"umrah", SC::kReligionOrBelief},
    {"pilgrim*", SC::kReligionOrBelief},
    {"prayer*", SC::kReligionOrBelief},
    {"ramadan", SC::kReligionOrBelief},
    {"quran", SC::kReligionOrBelief},
    {"koran", SC::kReligionOrBelief},
    {"bible", SC::kReligionOrBelief},
    {"croyance*", SC::kReligionOrBelief},
    {"culte", SC::kReligionOrBelief},
    {"musulman*", SC::kReligionOrBelief},
    {"chrétien*", SC::kReligionOrBelief},
    {"chretien*", SC::kReligionOrBelief},
    {"juif", SC::kReligionOrBelief},
    {"juifs", SC::kReligionOrBelief},
    {"juive*", SC::kReligionOrBelief},
    {"catholique*", SC::kReligionOrBelief},
    {"mosquée*", SC::kReligionOrBelief},
    {"mosquee*", SC::kReligionOrBelief},
    {"église*", SC::kReligionOrBelief},
    {"eglise*", SC::kReligionOrBelief},
    {"pèlerin*", SC::kReligionOrBelief},
    {"pelerin*", SC::kReligionOrBelief},
    {"دين", SC::kReligionOrBelief},
    {"ديانة", SC::kReligionOrBelief},
    {"ديني", SC::kReligionOrBelief},
    {"دينية", SC::kReligionOrBelief},
    {"مسلم", SC::kReligionOrBelief},
    {"مسلمة", SC::kReligionOrBelief},
    {"مسلمون", SC::kReligionOrBelief},
    {"مسيحي", SC::kReligionOrBelief},
    {"مسيحية", SC::kReligionOrBelief},
    {"يهودي", SC::kReligionOrBelief},
    {"يهودية", SC::kReligionOrBelief},
    {"مذهب", SC::kReligionOrBelief},
    {"طائفة", SC::kReligionOrBelief},
    {"طائفي", SC::kReligionOrBelief},
    {"سني", SC::kReligionOrBelief},
    {"شيعي", SC::kReligionOrBelief},
    {"شيعة", SC::kReligionOrBelief},
    {"حج", SC::kReligionOrBelief},
    {"عمرة", SC::kReligionOrBelief},
    {"حلال", SC::kReligionOrBelief},
    {"إسلام", SC::kReligionOrBelief},
    {"اسلام", SC::kReligionOrBelief},
    {"إسلامي", SC::kReligionOrBelief},
    {"اسلامي", SC::kReligionOrBelief},
    {"مسجد", SC::kReligionOrBelief},
    {"كنيسة", SC::kReligionOrBelief},
    {"صلاة", SC::kReligionOrBelief},
    {"религи*", SC::kReligionOrBelief},
    {"вероисповедан*", SC::kReligionOrBelief},
    {"вера", SC::kReligionOrBelief},
    {"веры", SC::kReligionOrBelief},
    {"мусульман*", SC::kReligionOrBelief},
    {"христиан*", SC::kReligionOrBelief},
    {"иудей*", SC::kReligionOrBelief},
    {"ислам", SC::kReligionOrBelief},
    {"исламск*", SC::kReligionOrBelief},
    {"православн*", SC::kReligionOrBelief},
    {"католи*", SC::kReligionOrBelief},
    {"конфесси*", SC::kReligionOrBelief},
    {"мечет*", SC::kReligionOrBelief},
    {"церк*", SC::kReligionOrBelief},
    // Race or ethnic origin.
    {"race", SC::kRaceOrEthnicOrigin},
    {"races", SC::kRaceOrEthnicOrigin},
    {"racial*", SC::kRaceOrEthnicOrigin},
    {"ethni*", SC::kRaceOrEthnicOrigin},  // ethnic, ethnicity; French ethnie, ethnique
    {"tribe", SC::kRaceOrEthnicOrigin},
    {"tribes", SC::kRaceOrEthnicOrigin},
    {"tribal*", SC::kRaceOrEthnicOrigin},
    {"tribu", SC::kRaceOrEthnicOrigin},
    {"tribus", SC::kRaceOrEthnicOrigin},
    {"clan", SC::kRaceOrEthnicOrigin},
    {"clans", SC::kRaceOrEthnicOrigin},
    {"caste", SC::kRaceOrEthnicOrigin},
    {"castes", SC::kRaceOrEthnicOrigin},
    {"skin", SC::kRaceOrEthnicOrigin},
    {"complexion", SC::kRaceOrEthnicOrigin},
    {"ancestry", SC::kRaceOrEthnicOrigin},
    {"peau", SC::kRaceOrEthnicOrigin},
    {"kurd", SC::kRaceOrEthnicOrigin},
    {"kurds", SC::kRaceOrEthnicOrigin},
    {"kurdish", SC::kRaceOrEthnicOrigin},
    {"pashtun*", SC::kRaceOrEthnicOrigin},
    {"hazara*", SC::kRaceOrEthnicOrigin},
    {"uyghur*", SC::kRaceOrEthnicOrigin},
    {"uighur*", SC::kRaceOrEthnicOrigin},
    {"baloch*", SC::kRaceOrEthnicOrigin},
    {"baluch*", SC::kRaceOrEthnicOrigin},
    {"romani", SC::kRaceOrEthnicOrigin},
    {"gypsy", SC::kRaceOrEthnicOrigin},
    {"gypsies", SC::kRaceOrEthnicOrigin},
    {"berber*", SC::kRaceOrEthnicOrigin},
    {"amazigh", SC::kRaceOrEthnicOrigin},
    {"tuareg*", SC::kRaceOrEthnicOrigin},
    {"fulani", SC::kRaceOrEthnicOrigin},
    {"rohingya*", SC::kRaceOrEthnicOrigin},
    {"chechen*", SC::kRaceOrEthnicOrigin},
    {"bedouin*", SC::kRaceOrEthnicOrigin},
    {"negro", SC::kRaceOrEthnicOrigin},
    {"caucasian*", SC::kRaceOrEthnicOrigin},
    {"hispanic*", SC::kRaceOrEthnicOrigin},
    {"latino*", SC::kRaceOrEthnicOrigin},
    {"عرق", SC::kRaceOrEthnicOrigin},
    {"عرقي", SC::kRaceOrEthnicOrigin},
    {"عرقية", SC::kRaceOrEthnicOrigin},
    {"إثني", SC::kRaceOrEthnicOrigin},
    {"اثني", SC::kRaceOrEthnicOrigin},
    {"إثنية", SC::kRaceOrEthnicOrigin},
    {"اثنية", SC::kRaceOrEthnicOrigin},
    {"قبيلة", SC::kRaceOrEthnicOrigin},
    {"قبلي", SC::kRaceOrEthnicOrigin},
    {"كردي", SC::kRaceOrEthnicOrigin},
    {"أكراد", SC::kRaceOrEthnicOrigin},
    {"اكراد", SC::kRaceOrEthnicOrigin},
    {"раса", SC::kRaceOrEthnicOrigin},
    {"расы", SC::kRaceOrEthnicOrigin},
    {"расов*", SC::kRaceOrEthnicOrigin},
    {"этни*", SC::kRaceOrEthnicOrigin},
    {"этнос", SC::kRaceOrEthnicOrigin},
    // Russian "национальность" is ethnicity; citizenship is "гражданство".
    {"национальност*", SC::kRaceOrEthnicOrigin},
    {"племя", SC::kRaceOrEthnicOrigin},
    {"племен*", SC::kRaceOrEthnicOrigin},
    // Political opinions.
    {"politic*", SC::kPoliticalOpinions},  // political, politics, politician
    {"politique*", SC::kPoliticalOpinions},
    {"ideolog*", SC::kPoliticalOpinions},
    {"idéolog*", SC::kPoliticalOpinions},
    {"opinion", SC::kPoliticalOpinions},
    {"opinions", SC::kPoliticalOpinions},
    {"partisan*", SC::kPoliticalOpinions},
    {"vote", SC::kPoliticalOpinions},
    {"voter*", SC::kPoliticalOpinions},
    {"voting", SC::kPoliticalOpinions},
    {"election*", SC::kPoliticalOpinions},
    {"communis*", SC::kPoliticalOpinions},
    {"socialis*", SC::kPoliticalOpinions},
    {"marxis*", SC::kPoliticalOpinions},
    {"anarchis*", SC::kPoliticalOpinions},
    {"zionis*", SC::kPoliticalOpinions},
    {"leftist*", SC::kPoliticalOpinions},
    {"opposition", SC::kPoliticalOpinions},
    {"dissident*", SC::kPoliticalOpinions},
    {"activist*", SC::kPoliticalOpinions},
    {"protester*", SC::kPoliticalOpinions},
    {"protestor*", SC::kPoliticalOpinions},
    {"demonstrator*", SC::kPoliticalOpinions},
    {"سياسي", SC::kPoliticalOpinions},
    {"سياسية", SC::kPoliticalOpinions},
    {"سياسة", SC::kPoliticalOpinions},
    {"حزب", SC::kPoliticalOpinions},
    {"حزبي", SC::kPoliticalOpinions},
    {"رأي", SC::kPoliticalOpinions},
    {"راي", SC::kPoliticalOpinions},
    {"معارضة", SC::kPoliticalOpinions},
    {"أيديولوجيا", SC::kPoliticalOpinions},
    {"ايديولوجيا", SC::kPoliticalOpinions},
    {"полити*", SC::kPoliticalOpinions},
    {"партия", SC::kPoliticalOpinions},
    {"партии", SC::kPoliticalOpinions},
    {"оппозици*", SC::kPoliticalOpinions},
    {"убеждени*", SC::kPoliticalOpinions},
    {"идеолог*", SC::kPoliticalOpinions},
    // Trade-union membership ("trade union" as two words: kPairs).
    {"tradeunion*", SC::kTradeUnionMembership},
    {"unionist*", SC::kTradeUnionMembership},
    {"unionism", SC::kTradeUnionMembership},
    {"syndicat", SC::kTradeUnionMembership},
    {"syndicats", SC::kTradeUnionMembership},
    {"syndical*", SC::kTradeUnionMembership},
    {"نقابة", SC::kTradeUnionMembership},
    {"نقابي", SC::kTradeUnionMembership},
    {"نقابات", SC::kTradeUnionMembership},
    {"профсоюз*", SC::kTradeUnionMembership},
    // Health.
    {"health*", SC::kHealth},
    {"medic*", SC::kHealth},  // medical, medicine, medication
    {"médic*", SC::kHealth},
    {"disease*", SC::kHealth},
    {"illness*", SC::kHealth},
    {"sick*", SC::kHealth},
    {"disab*", SC::kHealth},
    {"handicap*", SC::kHealth},
    {"wheelchair*", SC::kHealth},
    {"pregnan*", SC::kHealth},
    {"hiv", SC::kHealth},
    {"diagnos*", SC::kHealth},
    {"patient*", SC::kHealth},
    {"hospital*", SC::kHealth},
    {"blind", SC::kHealth},
    {"blindness", SC::kHealth},
    {"deaf*", SC::kHealth},
    {"mental*", SC::kHealth},
    {"psychiatr*", SC::kHealth},
    {"psycholog*", SC::kHealth},
    {"diabet*", SC::kHealth},
    {"oxygen", SC::kHealth},
    {"stretcher*", SC::kHealth},
    {"allerg*", SC::kHealth},
    {"covid*", SC::kHealth},
    {"vaccin*", SC::kHealth},
    {"therap*", SC::kHealth},
    {"cancer", SC::kHealth},
    {"tuberculosis", SC::kHealth},
    {"epilep*", SC::kHealth},
    {"dementia", SC::kHealth},
    {"autis*", SC::kHealth},
    {"meal", SC::kHealth},  // meal preferences reveal health or religion
    {"meals", SC::kHealth},
    {"diet", SC::kHealth},
    {"dietary", SC::kHealth},
    {"santé", SC::kHealth},
    {"sante", SC::kHealth},
    {"maladi*", SC::kHealth},
    {"enceinte", SC::kHealth},
    {"grossesse", SC::kHealth},
    {"aveugle*", SC::kHealth},
    {"sourd", SC::kHealth},
    {"sourde", SC::kHealth},
    {"fauteuil", SC::kHealth},
    {"صحة", SC::kHealth},
    {"صحي", SC::kHealth},
    {"صحية", SC::kHealth},
    {"طبي", SC::kHealth},
    {"طبية", SC::kHealth},
    {"مرض", SC::kHealth},
    {"مريض", SC::kHealth},
    {"أمراض", SC::kHealth},
    {"امراض", SC::kHealth},
    {"إعاقة", SC::kHealth},
    {"اعاقة", SC::kHealth},
    {"معاق", SC::kHealth},
    {"علاج", SC::kHealth},
    {"здоров*", SC::kHealth},
    {"медицин*", SC::kHealth},
    {"болезн*", SC::kHealth},
    {"болен", SC::kHealth},
    {"инвалид*", SC::kHealth},
    {"беременн*", SC::kHealth},
    {"диагноз*", SC::kHealth},
    // Sex life or sexual orientation ("sex life": kPairs). "sex" alone is the
    // document's sex marker, a legitimate API field (traveller.gender).
    {"sexual*", SC::kSexLifeOrOrientation},
    {"orientation*", SC::kSexLifeOrOrientation},
    {"gay", SC::kSexLifeOrOrientation},
    {"gays", SC::kSexLifeOrOrientation},
    {"lesbian*", SC::kSexLifeOrOrientation},
    {"homosexu*", SC::kSexLifeOrOrientation},
    {"bisexu*", SC::kSexLifeOrOrientation},
    {"heterosexu*", SC::kSexLifeOrOrientation},
    {"transgender*", SC::kSexLifeOrOrientation},
    {"transsexu*", SC::kSexLifeOrOrientation},
    {"intersex*", SC::kSexLifeOrOrientation},
    {"lgbt*", SC::kSexLifeOrOrientation},
    {"queer", SC::kSexLifeOrOrientation},
    {"sexuel*", SC::kSexLifeOrOrientation},
    {"جنسي", SC::kSexLifeOrOrientation},  // not جنسية, which is "nationality"
    {"مثلي", SC::kSexLifeOrOrientation},
    {"مثلية", SC::kSexLifeOrOrientation},
    {"ميول", SC::kSexLifeOrOrientation},
    {"شذوذ", SC::kSexLifeOrOrientation},
    {"сексуальн*", SC::kSexLifeOrOrientation},
    {"ориентаци*", SC::kSexLifeOrOrientation},
    {"гомосексу*", SC::kSexLifeOrOrientation},
    {"гей", SC::kSexLifeOrOrientation},
    {"геи", SC::kSexLifeOrOrientation},
};

struct Pair {
  std::string_view first, second;
  SC category;
};

constexpr Pair kPairs[] = {
    {"trade", "union", SC::kTradeUnionMembership},
    {"trade", "unions", SC::kTradeUnionMembership},
    {"labor", "union", SC::kTradeUnionMembership},
    {"labor", "unions", SC::kTradeUnionMembership},
    {"labour", "union", SC::kTradeUnionMembership},
    {"labour", "unions", SC::kTradeUnionMembership},
    {"union", "member", SC::kTradeUnionMembership},
    {"union", "membership", SC::kTradeUnionMembership},
    {"sex", "life", SC::kSexLifeOrOrientation},
    {"vie", "sexuelle", SC::kSexLifeOrOrientation},
};

struct Code {
  std::string_view code;
  SC category;
  std::string_view meaning;
};

// Special service codes that reveal religion or health (AIRIMP / IATA RP
// 1830). Meal codes not listed here (any four letters ending in ML) are
// refused as meal preferences.
constexpr Code kCodes[] = {
    {"MOML", SC::kReligionOrBelief, "Muslim meal"},
    {"KSML", SC::kReligionOrBelief, "kosher meal"},
    {"HNML", SC::kReligionOrBelief, "Hindu meal"},
    {"VJML", SC::kReligionOrBelief, "Jain vegetarian meal"},
    {"AVML", SC::kReligionOrBelief, "Asian (Hindu) vegetarian meal"},
    {"VGML", SC::kReligionOrBelief, "vegan meal"},
    {"VLML", SC::kReligionOrBelief, "vegetarian lacto-ovo meal"},
    {"VOML", SC::kReligionOrBelief, "vegetarian oriental meal"},
    {"RVML", SC::kReligionOrBelief, "raw vegetarian meal"},
    {"DBML", SC::kHealth, "diabetic meal"},
    {"GFML", SC::kHealth, "gluten-free meal"},
    {"LSML", SC::kHealth, "low-salt meal"},
    {"LFML", SC::kHealth, "low-fat meal"},
    {"BLML", SC::kHealth, "bland meal"},
    {"NLML", SC::kHealth, "low-lactose meal"},
    {"LCML", SC::kHealth, "low-calorie meal"},
    {"PRML", SC::kHealth, "low-purine meal"},
    {"LPML", SC::kHealth, "low-protein meal"},
    {"HFML", SC::kHealth, "high-fibre meal"},
    {"MEDA", SC::kHealth, "medical case"},
    {"WCHR", SC::kHealth, "wheelchair"},
    {"WCHS", SC::kHealth, "wheelchair (steps)"},
    {"WCHC", SC::kHealth, "wheelchair (cabin seat)"},
    {"WCBD", SC::kHealth, "wheelchair (dry battery)"},
    {"WCBW", SC::kHealth, "wheelchair (wet battery)"},
    {"WCMP", SC::kHealth, "wheelchair (manual)"},
    {"WCLB", SC::kHealth, "wheelchair (lithium battery)"},
    {"WCOB", SC::kHealth, "on-board wheelchair"},
    {"BLND", SC::kHealth, "blind passenger"},
    {"DEAF", SC::kHealth, "deaf passenger"},
    {"DPNA", SC::kHealth, "disabled passenger needing assistance"},
    {"OXYG", SC::kHealth, "oxygen"},
    {"STCR", SC::kHealth, "stretcher"},
    {"MAAS", SC::kHealth, "meet and assist"},
    {"PPOC", SC::kHealth, "portable oxygen concentrator"},
    {"POCS", SC::kHealth, "portable oxygen concentrator"},
    {"ESAN", SC::kHealth, "emotional support animal"},
    {"SVAN", SC::kHealth, "service animal"},
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

const Term* MatchTerm(std::string_view word) {
  for (const Term& t : kTerms) {
    if (t.word.back() == '*') {
      const std::string_view stem = t.word.substr(0, t.word.size() - 1);
      if (StartsWith(word, stem)) return &t;
    } else if (word == t.word) {
      return &t;
    }
  }
  return nullptr;
}

// Also tries an Arabic word without its article ("الدين" -> "دين").
const Term* MatchWord(std::string_view word) {
  if (const Term* t = MatchTerm(word)) return t;
  constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
  if (StartsWith(word, kArticle) && word.size() >= kArticle.size() + 4) {
    return MatchTerm(word.substr(kArticle.size()));
  }
  return nullptr;
}

std::optional<Code> MatchCode(std::string_view part) {
  if (part.size() != 4) return std::nullopt;
  std::string upper;
  for (char c : part) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return std::nullopt;
    upper += static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
  }
  for (const Code& c : kCodes) {
    if (c.code == upper) return c;
  }
  if (upper.ends_with("ML") && upper != "HTML") {
    return Code{"", SC::kHealth, "special meal code (meal preferences reveal health or religion)"};
  }
  return std::nullopt;
}

// A piece of rule text: a bare run of characters or a quoted string's content.
struct Chunk {
  std::string_view text;
  size_t offset;  // where it starts in the rule (the quote for strings)
  bool quoted;
};

std::vector<Chunk> Chunks(std::string_view text) {
  std::vector<Chunk> out;
  size_t i = 0;
  auto separator = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(' || c == ')' || c == ',' ||
           c == '=' || c == '!' || c == '<' || c == '>';
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < text.size() && text[j] != c) j += text[j] == '\\' ? 2 : 1;
      const size_t end = std::min(j, text.size());
      out.push_back({text.substr(i + 1, end - (i + 1)), i, true});
      i = end + 1;
    } else if (separator(c)) {
      ++i;
    } else {
      size_t j = i;
      while (j < text.size() && !separator(text[j]) && text[j] != '"' && text[j] != '\'') ++j;
      out.push_back({text.substr(i, j - i), i, false});
      i = j;
    }
  }
  return out;
}

SensitiveFinding Found(std::string_view rule, const Chunk& chunk, SC category, std::string why) {
  SensitiveFinding f;
  f.category = category;
  f.token = std::string(chunk.text);
  f.why = std::move(why);
  rule_internal::LineColumn(rule, chunk.offset, &f.line, &f.column);
  return f;
}

}  // namespace

std::string_view ToString(SensitiveCategory category) {
  switch (category) {
    case SC::kRaceOrEthnicOrigin:
      return "race or ethnic origin";
    case SC::kPoliticalOpinions:
      return "political opinions";
    case SC::kReligionOrBelief:
      return "religion or belief";
    case SC::kTradeUnionMembership:
      return "trade-union membership";
    case SC::kHealth:
      return "health";
    case SC::kSexLifeOrOrientation:
      return "sex life or sexual orientation";
  }
  return "health";
}

std::optional<SensitiveFinding> FindSensitiveAttribute(std::string_view rule_text) {
  if (rule_text.size() > kMaxRuleLength) rule_text = rule_text.substr(0, kMaxRuleLength);
  struct Word {
    std::string folded;
    size_t chunk;
  };
  const std::vector<Chunk> chunks = Chunks(rule_text);
  std::vector<Word> words;
  for (size_t ci = 0; ci < chunks.size(); ++ci) {
    const Chunk& chunk = chunks[ci];
    // A country's name is a legitimate value even when it has a word of the
    // lists in it ("Islamic Republic of Iran").
    if (chunk.text.size() > 3 && !model::ResolveCountryCode(chunk.text).empty()) continue;
    // Codes first: "MOML", "traveller.services=WCHR", "KSML,VGML".
    size_t start = 0;
    for (size_t i = 0; i <= chunk.text.size(); ++i) {
      const bool alnum = i < chunk.text.size() && ((chunk.text[i] >= 'A' && chunk.text[i] <= 'Z') ||
                                                   (chunk.text[i] >= 'a' && chunk.text[i] <= 'z') ||
                                                   (chunk.text[i] >= '0' && chunk.text[i] <= '9'));
      if (alnum) continue;
      if (std::optional<Code> code = MatchCode(chunk.text.substr(start, i - start))) {
        std::string why = std::string(chunk.text.substr(start, i - start));
        why += " is a special service code: ";
        why += code->meaning;
        return Found(rule_text, chunk, code->category, std::move(why));
      }
      start = i + 1;
    }
    for (std::string& w : text::SplitWords(text::FoldText(chunk.text))) {
      words.push_back({std::move(w), ci});
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (const Term* t = MatchWord(words[i].folded)) {
      return Found(rule_text, chunks[words[i].chunk], t->category,
                   "'" + words[i].folded + "' is a word for " + std::string(ToString(t->category)));
    }
    if (i + 1 < words.size()) {
      for (const Pair& p : kPairs) {
        if (words[i].folded == p.first && words[i + 1].folded == p.second) {
          return Found(rule_text, chunks[words[i].chunk], p.category,
                       "'" + words[i].folded + " " + words[i + 1].folded + "' is a phrase for " +
                           std::string(ToString(p.category)));
        }
      }
    }
  }
  return std::nullopt;
}

Status CheckNoSensitiveAttributes(std::string_view rule_text) {
  std::optional<SensitiveFinding> f = FindSensitiveAttribute(rule_text);
  if (!f) return Status::Ok();
  std::string where = f->line > 1 ? "line " + std::to_string(f->line) + ", " : "";
  where += "column " + std::to_string(f->column);
  return Status::InvalidArgument(
      where + ": refused, the rule touches " + std::string(ToString(f->category)) + " ('" +
      f->token + "': " + f->why +
      "); targeting criteria may never be based on race or ethnic origin, political opinions, "
      "religion or belief, trade-union membership, health, sex life or sexual orientation "
      "(EU PNR Directive 2016/681 art. 6(4))");
}

}  // namespace hudud::travel
