// Country name and code resolution (model/country.h): one lookup table from
// normalised names, codes and nationality adjectives to ISO alpha-2, built
// once from ICU's region data plus hand tables for what ICU does not know
// (UN official long forms, ISO "Name, Republic of" forms, ICAO 9303 codes,
// English nationality adjectives).
#include "model/country.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace hudud::model {
namespace {

// Apostrophes and the Arabic tatweel (-1: dropped, so "People's" =
// "Peoples"), and Arabic-script letters writers interchange.
UChar32 UnifyLetter(UChar32 c) {
  if (c == 0x0027 || c == 0x0060 || c == 0x00B4 || c == 0x02BB || c == 0x02BC || c == 0x2018 ||
      c == 0x2019 || c == 0x0640) {
    return -1;
  }
  if (c == 0x06CC || c == 0x0649) return 0x064A;  // Persian yeh, alef maksura -> yeh
  if (c == 0x06A9) return 0x0643;                 // Persian kaf -> kaf
  if (c == 0x0629) return 0x0647;                 // teh marbuta -> heh
  return c;
}

// Folds case, strips accents and marks, drops punctuation, symbols and
// spaces (after dropping a leading "the"), so "The Côte d’Ivoire", "cote
// divoire" and "COTE D IVOIRE" meet. Arabic-script letters that writers
// interchange are unified (UnifyLetter) because Arabic and Persian spellings
// of the same country differ only in them.
std::string NormalizeKey(std::string_view text) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status)) {
    decomposed = nfkd->normalize(in, status);
  }
  if (U_FAILURE(status)) decomposed = in;
  decomposed.foldCase();

  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) continue;
    c = UnifyLetter(c);
    if (c < 0) continue;
    if (c == '&') {  // "Bosnia & Herzegovina" (ICU) = "Bosnia and Herzegovina" (UN)
      if (!out.isEmpty()) out.append(static_cast<UChar>(' '));
      out.append(icu::UnicodeString(u"and"));
      pending_space = true;
      continue;
    }
    if (u_isalnum(c)) {
      if (pending_space && !out.isEmpty()) out.append(static_cast<UChar>(' '));
      pending_space = false;
      out.append(c);
    } else {
      pending_space = true;  // spaces, punctuation, symbols all separate words
    }
  }
  std::string folded;
  out.toUTF8String(folded);
  // Word-level: "St. Kitts" = "Saint Kitts"; a leading "the" is dropped.
  // Words are then joined without spaces, since writers split and join
  // names differently ("Guinea Bissau", "d'Ivoire" vs "D Ivoire").
  std::string key;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string_view word(folded.data() + start, end - start);
    start = end + 1;
    if (key.empty() && word == "the") continue;
    if (word == "st") word = "saint";
    key += word;  // joined without spaces: "Cote D Ivoire" = "Côte d'Ivoire"
  }
  return key;
}

struct HandEntry {
  const char* alpha2;
  const char* name;
};

// Names ICU's region data lacks: the UN's official long forms (as the UN
// Consolidated List and UN documents write them, in English, French,
// Russian and Arabic), ISO 3166 "Name, Republic of" forms, and variants
// found on lists and travel documents. These win over ICU names.
constexpr HandEntry kNames[] = {
    {"IR", "Iran (Islamic Republic of)"},
    {"IR", "Iran, Islamic Republic of"},
    {"IR", "Islamic Republic of Iran"},
    {"IR", "Persia"},
    {"IR", "Iran (République islamique d')"},
    {"IR", "Иран (Исламская Республика)"},
    {"IR", "Исламская Республика Иран"},
    {"IR", "جمهورية إيران الإسلامية"},
    {"IR", "جمهوری اسلامی ایران"},
    {"SY", "Syrian Arab Republic"},
    {"SY", "République arabe syrienne"},
    {"SY", "Сирийская Арабская Республика"},
    {"SY", "الجمهورية العربية السورية"},
    {"RU", "Russian Federation"},
    {"RU", "Fédération de Russie"},
    {"RU", "Российская Федерация"},
    {"RU", "الاتحاد الروسي"},
    {"RU", "روسيا الاتحادية"},
    {"KP", "Democratic People's Republic of Korea"},
    {"KP", "Korea, Democratic People's Republic of"},
    {"KP", "Korea (the Democratic People's Republic of)"},
    {"KP", "DPRK"},
    {"KP", "République populaire démocratique de Corée"},
    {"KP", "Корейская Народно-Демократическая Республика"},
    {"KP", "КНДР"},
    {"KP", "جمهورية كوريا الشعبية الديمقراطية"},
    {"KR", "Republic of Korea"},
    {"KR", "Korea, Republic of"},
    {"KR", "Korea (the Republic of)"},
    {"KR", "République de Corée"},
    {"KR", "Республика Корея"},
    {"KR", "جمهورية كوريا"},
    {"TZ", "United Republic of Tanzania"},
    {"TZ", "Tanzania, United Republic of"},
    {"TZ", "République-Unie de Tanzanie"},
    {"TZ", "Объединенная Республика Танзания"},
    {"TZ", "جمهورية تنزانيا المتحدة"},
    {"VN", "Viet Nam"},
    {"VN", "Вьетнам"},
    {"LA", "Lao People's Democratic Republic"},
    {"LA", "Lao PDR"},
    {"LA", "République démocratique populaire lao"},
    {"LA", "Лаосская Народно-Демократическая Республика"},
    {"LA", "جمهورية لاو الديمقراطية الشعبية"},
    {"BO", "Bolivia (Plurinational State of)"},
    {"BO", "Bolivia, Plurinational State of"},
    {"BO", "Bolivie (État plurinational de)"},
    {"BO", "Боливия (Многонациональное Государство)"},
    {"VE", "Venezuela (Bolivarian Republic of)"},
    {"VE", "Venezuela, Bolivarian Republic of"},
    {"VE", "Venezuela (République bolivarienne du)"},
    {"VE", "Венесуэла (Боливарианская Республика)"},
    {"CD", "Democratic Republic of the Congo"},
    {"CD", "Congo, The Democratic Republic of the"},
    {"CD", "Congo (the Democratic Republic of the)"},
    {"CD", "DR Congo"},
    {"CD", "DRC"},
    {"CD", "Zaire"},
    {"CD", "République démocratique du Congo"},
    {"CD", "RDC"},
    {"CD", "Демократическая Республика Конго"},
    {"CD", "جمهورية الكونغو الديمقراطية"},
    {"CG", "Congo"},
    {"CG", "Republic of the Congo"},
    {"CG", "Congo-Brazzaville"},
    {"CG", "Конго"},
    {"CG", "الكونغو"},
    {"TR", "Türkiye"},
    {"TR", "Turkey"},
    {"TR", "Turquie"},
    {"TR", "Турция"},
    {"TR", "تركيا"},
    {"GB", "United Kingdom of Great Britain and Northern Ireland"},
    {"GB", "United Kingdom"},
    {"GB", "Great Britain"},
    {"GB", "Britain"},
    {"GB", "England"},
    {"GB", "Scotland"},
    {"GB", "Wales"},
    {"GB", "Northern Ireland"},
    {"GB", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"},
    {"GB", "Соединенное Королевство Великобритании и Северной Ирландии"},
    {"GB", "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية"},
    {"US", "United States of America"},
    {"US", "United States"},
    {"US", "USA"},
    {"US", "U.S.A."},
    {"US", "America"},
    {"US", "États-Unis d'Amérique"},
    {"US", "Соединенные Штаты Америки"},
    {"US", "الولايات المتحدة الأمريكية"},
    {"PS", "State of Palestine"},
    {"PS", "Palestine, State of"},
    {"PS", "Palestine"},
    {"PS", "Occupied Palestinian Territory"},
    {"PS", "État de Palestine"},
    {"PS", "Государство Палестина"},
    {"PS", "دولة فلسطين"},
    {"LY", "Libya"},
    {"LY", "Libyan Arab Jamahiriya"},
    {"LY", "Libye"},
    {"LY", "Ливия"},
    {"LY", "ليبيا"},
    {"CI", "Côte d'Ivoire"},
    {"CI", "Ivory Coast"},
    {"HK", "China, Hong Kong Special Administrative Region"},
    {"HK", "Hong Kong"},
    {"HK", "Hong Kong, China"},
    {"HK", "Hong Kong SAR"},
    {"MO", "China, Macao Special Administrative Region"},
    {"MO", "Macau"},
    {"TW", "Taiwan, Province of China"},
    {"TW", "Taiwan Province of China"},
    {"VG", "British Virgin Islands"},
    {"VG", "Virgin Islands, British"},
    {"VG", "Virgin Islands (British)"},
    {"VI", "United States Virgin Islands"},
    {"VI", "Virgin Islands, U.S."},
    {"MD", "Republic of Moldova"},
    {"MD", "Moldova, Republic of"},
    {"FM", "Micronesia (Federated States of)"},
    {"FM", "Micronesia, Federated States of"},
    {"MK", "North Macedonia"},
    {"MK", "The former Yugoslav Republic of Macedonia"},
    {"MK", "Macedonia, the former Yugoslav Republic of"},
    {"MK", "Macedonia"},
    {"NL", "Netherlands (Kingdom of the)"},
    {"NL", "Kingdom of the Netherlands"},
    {"NL", "Holland"},
    {"CZ", "Czechia"},
    {"CZ", "Czech Republic"},
    {"SZ", "Eswatini"},
    {"SZ", "Swaziland"},
    {"CV", "Cabo Verde"},
    {"CV", "Cape Verde"},
    {"MM", "Myanmar"},
    {"MM", "Burma"},
    {"TL", "Timor-Leste"},
    {"TL", "East Timor"},
    {"VA", "Holy See"},
    {"VA", "Holy See (Vatican City State)"},
    {"VA", "Vatican"},
    {"BN", "Brunei Darussalam"},
    {"KN", "Saint Kitts and Nevis"},
    {"LC", "Saint Lucia"},
    {"VC", "Saint Vincent and the Grenadines"},
    {"ST", "Sao Tome and Principe"},
    {"GM", "Gambia (Republic of The)"},
    {"GM", "Gambia"},
    {"BS", "Bahamas"},
    {"SA", "Kingdom of Saudi Arabia"},
    {"SA", "KSA"},
    {"AE", "UAE"},
    {"AE", "U.A.E."},
    {"AF", "Islamic Republic of Afghanistan"},
    {"AF", "Islamic Emirate of Afghanistan"},
    {"BA", "Bosnia-Herzegovina"},
    {"XK", "Kosovo"},
    {"XK", "Kosova"},
    {"XK", "Republic of Kosovo"},
};

// English nationality adjectives (and a few nouns) as lists write them in
// nationality fields. Ambiguous ones ("Congolese", "Korean", "Guinean"
// for Guinea-Bissau vs Guinea) are left out or take the obvious reading.
constexpr HandEntry kAdjectives[] = {
    {"AF", "Afghan"},         {"AF", "Afghani"},        {"AL", "Albanian"},
    {"DZ", "Algerian"},       {"AO", "Angolan"},        {"AR", "Argentine"},
    {"AR", "Argentinian"},    {"AM", "Armenian"},       {"AU", "Australian"},
    {"AT", "Austrian"},       {"AZ", "Azerbaijani"},    {"AZ", "Azeri"},
    {"BH", "Bahraini"},       {"BD", "Bangladeshi"},    {"BY", "Belarusian"},
    {"BE", "Belgian"},        {"BJ", "Beninese"},       {"BA", "Bosnian"},
    {"BR", "Brazilian"},      {"GB", "British"},        {"BG", "Bulgarian"},
    {"BF", "Burkinabe"},      {"BI", "Burundian"},      {"KH", "Cambodian"},
    {"CM", "Cameroonian"},    {"CA", "Canadian"},       {"CF", "Central African"},
    {"TD", "Chadian"},        {"CL", "Chilean"},        {"CN", "Chinese"},
    {"CO", "Colombian"},      {"KM", "Comorian"},       {"HR", "Croatian"},
    {"CU", "Cuban"},          {"CY", "Cypriot"},        {"CZ", "Czech"},
    {"DK", "Danish"},         {"DJ", "Djiboutian"},     {"DO", "Dominican"},
    {"NL", "Dutch"},          {"EC", "Ecuadorian"},     {"EG", "Egyptian"},
    {"ER", "Eritrean"},       {"EE", "Estonian"},       {"ET", "Ethiopian"},
    {"FI", "Finnish"},        {"FR", "French"},         {"GA", "Gabonese"},
    {"GM", "Gambian"},        {"GE", "Georgian"},       {"DE", "German"},
    {"GH", "Ghanaian"},       {"GR", "Greek"},          {"GN", "Guinean"},
    {"GW", "Bissau-Guinean"}, {"HT", "Haitian"},        {"HU", "Hungarian"},
    {"IN", "Indian"},         {"ID", "Indonesian"},     {"IR", "Iranian"},
    {"IQ", "Iraqi"},          {"IE", "Irish"},          {"IL", "Israeli"},
    {"IT", "Italian"},        {"CI", "Ivorian"},        {"JM", "Jamaican"},
    {"JP", "Japanese"},       {"JO", "Jordanian"},      {"KZ", "Kazakh"},
    {"KZ", "Kazakhstani"},    {"KE", "Kenyan"},         {"KW", "Kuwaiti"},
    {"KG", "Kyrgyz"},         {"KG", "Kirghiz"},        {"LA", "Lao"},
    {"LA", "Laotian"},        {"LV", "Latvian"},        {"LB", "Lebanese"},
    {"LR", "Liberian"},       {"LY", "Libyan"},         {"LT", "Lithuanian"},
    {"MG", "Malagasy"},       {"MW", "Malawian"},       {"MY", "Malaysian"},
    {"MV", "Maldivian"},      {"ML", "Malian"},         {"MR", "Mauritanian"},
    {"MX", "Mexican"},        {"MD", "Moldovan"},       {"MN", "Mongolian"},
    {"ME", "Montenegrin"},    {"MA", "Moroccan"},       {"MZ", "Mozambican"},
    {"MM", "Burmese"},        {"NA", "Namibian"},       {"NP", "Nepalese"},
    {"NP", "Nepali"},         {"NZ", "New Zealander"},  {"NI", "Nicaraguan"},
    {"NE", "Nigerien"},       {"NG", "Nigerian"},       {"KP", "North Korean"},
    {"MK", "Macedonian"},     {"NO", "Norwegian"},      {"OM", "Omani"},
    {"PK", "Pakistani"},      {"PS", "Palestinian"},    {"PA", "Panamanian"},
    {"PE", "Peruvian"},       {"PH", "Filipino"},       {"PH", "Philippine"},
    {"PL", "Polish"},         {"PT", "Portuguese"},     {"QA", "Qatari"},
    {"RO", "Romanian"},       {"RU", "Russian"},        {"RW", "Rwandan"},
    {"SA", "Saudi"},          {"SA", "Saudi Arabian"},  {"SN", "Senegalese"},
    {"RS", "Serbian"},        {"SL", "Sierra Leonean"}, {"SG", "Singaporean"},
    {"SK", "Slovak"},         {"SI", "Slovenian"},      {"SO", "Somali"},
    {"SO", "Somalian"},       {"ZA", "South African"},  {"KR", "South Korean"},
    {"SS", "South Sudanese"}, {"ES", "Spanish"},        {"LK", "Sri Lankan"},
    {"SD", "Sudanese"},       {"SE", "Swedish"},        {"CH", "Swiss"},
    {"SY", "Syrian"},         {"TW", "Taiwanese"},      {"TJ", "Tajik"},
    {"TJ", "Tajikistani"},    {"TZ", "Tanzanian"},      {"TH", "Thai"},
    {"TG", "Togolese"},       {"TT", "Trinidadian"},    {"TN", "Tunisian"},
    {"TR", "Turkish"},        {"TM", "Turkmen"},        {"UG", "Ugandan"},
    {"UA", "Ukrainian"},      {"AE", "Emirati"},        {"US", "American"},
    {"UY", "Uruguayan"},      {"UZ", "Uzbek"},          {"UZ", "Uzbekistani"},
    {"VE", "Venezuelan"},     {"VN", "Vietnamese"},     {"YE", "Yemeni"},
    {"YE", "Yemenite"},       {"ZM", "Zambian"},        {"ZW", "Zimbabwean"},
    {"XK", "Kosovar"},
};

// ICAO 9303 codes that are not the ISO alpha-3 code of the state. Codes
// that name no state (UN officials, refugees, stateless persons, EU
// documents, Interpol, Kosovo's UNMIK documents) resolve to "".
constexpr HandEntry kIcaoCodes[] = {
    {"DE", "D"},   {"GB", "GBD"}, {"GB", "GBN"}, {"GB", "GBO"}, {"GB", "GBS"}, {"GB", "GBP"},
    {"XK", "RKS"}, {"XK", "XKX"}, {"", "UNO"},   {"", "UNA"},   {"", "UNK"},   {"", "XXA"},
    {"", "XXB"},   {"", "XXC"},   {"", "XXX"},   {"", "EUE"},   {"", "XPO"},   {"", "XOM"},
    {"", "XBA"},   {"", "XIM"},   {"", "XCC"},   {"", "XCE"},   {"", "XCO"},   {"", "XEC"},
    {"", "XES"},   {"", "XMP"},   {"", "XDC"},   {"", "XCX"},
};

struct Tables {
  std::unordered_map<std::string, std::string>
      by_key;  // normalised text -> alpha-2 ("" = no state)
  std::unordered_map<std::string, std::string> english;  // alpha-2 -> English name
};

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Adds ICU names of one locale. A key two countries share in ICU's data is
// ambiguous and is dropped unless a hand table decides it later.
void AddIcuNames(const char* lang, const std::unordered_set<std::string>& codes,
                 std::unordered_map<std::string, std::string>& names,
                 std::unordered_set<std::string>& ambiguous) {
  auto add = [&](const std::string& code, const icu::UnicodeString& name) {
    std::string key = NormalizeKey(ToUtf8(name));
    if (key.empty() || ambiguous.count(key)) return;
    auto [it, inserted] = names.emplace(key, code);
    if (!inserted && it->second != code) {
      ambiguous.insert(key);
      names.erase(it);
    }
  };
  const icu::Locale display(lang);
  for (const std::string& code : codes) {
    icu::UnicodeString name;
    icu::Locale("", code.c_str()).getDisplayCountry(display, name);
    add(code, name);
  }
  // CLDR's alternative forms ("Ivory Coast", "Czech Republic", "UK").
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle =
      ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region", lang, &status);
  if (U_FAILURE(status)) {
    ures_close(bundle);
    return;
  }
  for (const char* table : {"Countries%variant", "Countries%short"}) {
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle* res = ures_getByKey(bundle, table, nullptr, &st);
    while (U_SUCCESS(st) && ures_hasNext(res)) {
      int32_t len = 0;
      const char* code = nullptr;
      const UChar* value = ures_getNextString(res, &len, &code, &st);
      if (U_FAILURE(st) || code == nullptr || !codes.count(code)) continue;
      add(code, icu::UnicodeString(value, len));
    }
    ures_close(res);
  }
  ures_close(bundle);
}

Tables* BuildTables() {
  auto* t = new Tables;
  std::unordered_set<std::string> codes;
  for (const char* const* c = uloc_getISOCountries(); c != nullptr && *c != nullptr; ++c) {
    codes.insert(*c);
  }
  const icu::Locale english("en");
  for (const std::string& code : codes) {
    icu::UnicodeString name;
    icu::Locale("", code.c_str()).getDisplayCountry(english, name);
    t->english[code] = ToUtf8(name);
  }

  // Lowest precedence first; later layers overwrite earlier ones.
  std::unordered_map<std::string, std::string> icu_names;
  std::unordered_set<std::string> ambiguous;
  for (const char* lang : {"en", "fr", "ru", "ar", "fa", "es", "de"}) {
    AddIcuNames(lang, codes, icu_names, ambiguous);
  }
  t->by_key = std::move(icu_names);
  for (const HandEntry& e : kAdjectives) t->by_key[NormalizeKey(e.name)] = e.alpha2;
  for (const HandEntry& e : kNames) t->by_key[NormalizeKey(e.name)] = e.alpha2;
  // Codes last: a two- or three-letter key is a code before it is anything else.
  for (const std::string& code : codes) {
    t->by_key[NormalizeKey(code)] = code;
    const char* alpha3 = icu::Locale("", code.c_str()).getISO3Country();
    if (alpha3 != nullptr && alpha3[0] != '\0') t->by_key[NormalizeKey(alpha3)] = code;
  }
  for (const HandEntry& e : kIcaoCodes) t->by_key[NormalizeKey(e.name)] = e.alpha2;
  return t;
}

const Tables& GetTables() {
  // Built once, thread-safe (magic static); never destroyed so lookups from
  // other static destructors stay valid.
  static const Tables* const tables = BuildTables();
  return *tables;
}

}  // namespace

std::string ResolveCountryCode(std::string_view text) {
  const std::string key = NormalizeKey(text);
  if (key.empty()) return "";
  const Tables& t = GetTables();
  auto it = t.by_key.find(key);
  if (it != t.by_key.end()) return it->second;
  // Lists invert names for sorting: "Korea, North", "Congo, Democratic
  // Republic of the", "Iran, Islamic Republic of". Try the natural order.
  size_t comma = text.rfind(',');
  if (comma != std::string_view::npos && comma + 1 < text.size()) {
    std::string natural =
        std::string(text.substr(comma + 1)) + " " + std::string(text.substr(0, comma));
    it = t.by_key.find(NormalizeKey(natural));
    if (it != t.by_key.end()) return it->second;
  }
  return "";
}

std::string CountryName(std::string_view alpha2) {
  if (alpha2.size() != 2) return "";
  std::string code(alpha2);
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  const Tables& t = GetTables();
  auto it = t.english.find(code);
  return it == t.english.end() ? "" : it->second;
}

}  // namespace hudud::model
