// Pins model/country.h: names in English, French, Russian, Arabic and
// Persian, the UN's long forms, codes (alpha-2, alpha-3, ICAO 9303), English
// nationality adjectives, and the normalisation of case, accents and
// punctuation.
#include "model/country.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace hudud::model {
namespace {

struct Case {
  const char* text;
  const char* code;
};

void ExpectAll(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(ResolveCountryCode(c.text), c.code) << "for \"" << c.text << "\"";
  }
}

TEST(ResolveCountryCodeTest, EnglishNames) {
  ExpectAll({{"Iraq", "IQ"},
             {"Afghanistan", "AF"},
             {"Germany", "DE"},
             {"Pakistan", "PK"},
             {"Yemen", "YE"},
             {"Somalia", "SO"},
             {"Bosnia and Herzegovina", "BA"},
             {"Trinidad and Tobago", "TT"},
             {"Guinea-Bissau", "GW"},
             {"Guinea", "GN"},
             {"Niger", "NE"},
             {"Nigeria", "NG"},
             {"South Sudan", "SS"},
             {"Sudan", "SD"},
             {"North Korea", "KP"},
             {"South Korea", "KR"},
             {"Czech Republic", "CZ"},
             {"Ivory Coast", "CI"},
             {"British Virgin Islands", "VG"},
             {"Marshall Islands", "MH"}});
}

TEST(ResolveCountryCodeTest, UnOfficialLongForms) {
  ExpectAll({{"Iran (Islamic Republic of)", "IR"},
             {"Syrian Arab Republic", "SY"},
             {"Russian Federation", "RU"},
             {"Democratic People's Republic of Korea", "KP"},
             {"Republic of Korea", "KR"},
             {"United Republic of Tanzania", "TZ"},
             {"Viet Nam", "VN"},
             {"Lao People's Democratic Republic", "LA"},
             {"Bolivia (Plurinational State of)", "BO"},
             {"Venezuela (Bolivarian Republic of)", "VE"},
             {"Democratic Republic of the Congo", "CD"},
             {"Congo", "CG"},
             {"Türkiye", "TR"},
             {"Turkey", "TR"},
             {"United Kingdom of Great Britain and Northern Ireland", "GB"},
             {"United States of America", "US"},
             {"State of Palestine", "PS"},
             {"Libya", "LY"},
             {"Côte d'Ivoire", "CI"},
             {"China, Hong Kong Special Administrative Region", "HK"},
             {"Netherlands (Kingdom of the)", "NL"},
             {"Republic of Moldova", "MD"},
             {"Korea, Democratic People's Republic of", "KP"}});
}

TEST(ResolveCountryCodeTest, FrenchRussianArabicPersianSpanishGerman) {
  ExpectAll({{"Irak", "IQ"},
             {"Allemagne", "DE"},
             {"Syrie", "SY"},
             {"Russie", "RU"},
             {"République arabe syrienne", "SY"},
             {"République démocratique du Congo", "CD"},
             {"Corée du Nord", "KP"},
             {"Ирак", "IQ"},
             {"Россия", "RU"},
             {"Афганистан", "AF"},
             {"Российская Федерация", "RU"},
             {"Сирийская Арабская Республика", "SY"},
             {"العراق", "IQ"},
             {"أفغانستان", "AF"},
             {"سوريا", "SY"},
             {"الاتحاد الروسي", "RU"},
             {"الجمهورية العربية السورية", "SY"},
             {"إيران", "IR"},
             {"ایران", "IR"},
             {"افغانستان", "AF"},
             {"Alemania", "DE"},
             {"Deutschland", "DE"},
             {"Vereinigtes Königreich", "GB"}});
}

TEST(ResolveCountryCodeTest, Codes) {
  ExpectAll({{"IQ", "IQ"},
             {"iq", "IQ"},
             {"IRQ", "IQ"},
             {"irq", "IQ"},
             {"DEU", "DE"},
             {"GBR", "GB"},
             {"USA", "US"},
             {"PRK", "KP"},
             {"SYR", "SY"},
             {"RUS", "RU"}});
}

TEST(ResolveCountryCodeTest, IcaoDocumentCodes) {
  ExpectAll({{"D", "DE"}, {"GBD", "GB"}, {"GBN", "GB"}, {"GBO", "GB"}, {"GBS", "GB"}});
  // Not states: UN officials, refugees, stateless persons.
  for (const char* code : {"UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX"}) {
    EXPECT_EQ(ResolveCountryCode(code), "") << code;
  }
}

TEST(ResolveCountryCodeTest, NationalityAdjectives) {
  ExpectAll({{"Iraqi", "IQ"},    {"Afghan", "AF"},   {"Syrian", "SY"},  {"Pakistani", "PK"},
             {"Yemeni", "YE"},   {"Somali", "SO"},   {"Russian", "RU"}, {"Tajik", "TJ"},
             {"Egyptian", "EG"}, {"Tunisian", "TN"}, {"Libyan", "LY"},  {"Saudi", "SA"},
             {"Moroccan", "MA"}, {"Algerian", "DZ"}, {"Iranian", "IR"}, {"North Korean", "KP"},
             {"British", "GB"},  {"German", "DE"},   {"French", "FR"},  {"Filipino", "PH"}});
}

TEST(ResolveCountryCodeTest, IgnoresCaseAccentsPunctuationSpacesAndLeadingThe) {
  ExpectAll({{"  iraq  ", "IQ"},
             {"IRAQ", "IQ"},
             {"cote divoire", "CI"},
             {"COTE D IVOIRE", "CI"},
             {"Côte d’Ivoire", "CI"},
             {"turkiye", "TR"},
             {"TURKIYE", "TR"},
             {"iran islamic republic of", "IR"},
             {"syrian   arab\trepublic", "SY"},
             {"The Gambia", "GM"},
             {"the Netherlands", "NL"},
             {"Guinea Bissau", "GW"},
             {"democratic peoples republic of korea", "KP"},
             {"St. Kitts & Nevis", "KN"},
             {"Saint Kitts and Nevis", "KN"},
             {"Bosnia & Herzegovina", "BA"}});
}

TEST(ResolveCountryCodeTest, UnknownTextIsEmpty) {
  for (const char* text : {"", "   ", "the", "Atlantis", "former Soviet Union", "xyz123", "---"}) {
    EXPECT_EQ(ResolveCountryCode(text), "") << text;
  }
}

TEST(ResolveCountryCodeTest, KosovoUsesUserAssignedXK) {
  EXPECT_EQ(ResolveCountryCode("Kosovo"), "XK");
  EXPECT_EQ(ResolveCountryCode("RKS"), "XK");
}

// Every country value of the vendored UN list (NATIONALITY, COUNTRY,
// ISSUING_COUNTRY, COUNTRY_OF_ISSUE, COUNTRY_OF_BIRTH) except "former Soviet
// Union" (no current state) and "na" (not available).
TEST(ResolveCountryCodeTest, EveryCountryOfTheUnList) {
  ExpectAll({{"Afghanistan", "AF"},
             {"Albania", "AL"},
             {"Algeria", "DZ"},
             {"Bangladesh", "BD"},
             {"Belgium", "BE"},
             {"Bosnia and Herzegovina", "BA"},
             {"British Virgin Islands", "VG"},
             {"Central African Republic", "CF"},
             {"Chad", "TD"},
             {"China", "CN"},
             {"China, Hong Kong Special Administrative Region", "HK"},
             {"Comoros", "KM"},
             {"Congo", "CG"},
             {"Democratic People's Republic of Korea", "KP"},
             {"Democratic Republic of the Congo", "CD"},
             {"Egypt", "EG"},
             {"Eritrea", "ER"},
             {"Ethiopia", "ET"},
             {"France", "FR"},
             {"Gabon", "GA"},
             {"Georgia", "GE"},
             {"Germany", "DE"},
             {"Guinea-Bissau", "GW"},
             {"Haiti", "HT"},
             {"India", "IN"},
             {"Indonesia", "ID"},
             {"Iran (Islamic Republic of)", "IR"},
             {"Iraq", "IQ"},
             {"Italy", "IT"},
             {"Jordan", "JO"},
             {"Kenya", "KE"},
             {"Kuwait", "KW"},
             {"Lebanon", "LB"},
             {"Libya", "LY"},
             {"Liechtenstein", "LI"},
             {"Malaysia", "MY"},
             {"Mali", "ML"},
             {"Marshall Islands", "MH"},
             {"Mauritania", "MR"},
             {"Morocco", "MA"},
             {"Myanmar", "MM"},
             {"Netherlands", "NL"},
             {"Niger", "NE"},
             {"Nigeria", "NG"},
             {"Norway", "NO"},
             {"Oman", "OM"},
             {"Pakistan", "PK"},
             {"Panama", "PA"},
             {"Philippines", "PH"},
             {"Qatar", "QA"},
             {"Russian Federation", "RU"},
             {"Rwanda", "RW"},
             {"Saudi Arabia", "SA"},
             {"Senegal", "SN"},
             {"Singapore", "SG"},
             {"Somalia", "SO"},
             {"South Sudan", "SS"},
             {"State of Palestine", "PS"},
             {"Sudan", "SD"},
             {"Sweden", "SE"},
             {"Switzerland", "CH"},
             {"Syrian Arab Republic", "SY"},
             {"Tajikistan", "TJ"},
             {"Trinidad and Tobago", "TT"},
             {"Tunisia", "TN"},
             {"Turkey", "TR"},
             {"Türkiye", "TR"},
             {"Uganda", "UG"},
             {"United Arab Emirates", "AE"},
             {"United Kingdom of Great Britain and Northern Ireland", "GB"},
             {"United Republic of Tanzania", "TZ"},
             {"United States of America", "US"},
             {"Uzbekistan", "UZ"},
             {"Viet Nam", "VN"},
             {"Yemen", "YE"}});
}

TEST(CountryNameTest, EnglishShortName) {
  EXPECT_EQ(CountryName("IQ"), "Iraq");
  EXPECT_EQ(CountryName("iq"), "Iraq");
  EXPECT_EQ(CountryName("DE"), "Germany");
  EXPECT_EQ(CountryName("ZZ"), "");
  EXPECT_EQ(CountryName(""), "");
  EXPECT_EQ(CountryName("IRQ"), "");
  // Every name maps back to its code.
  for (const char* code :
       {"IQ", "AF", "SY", "RU", "KP", "KR", "CD", "CG", "TR", "GB", "US", "PS"}) {
    EXPECT_EQ(ResolveCountryCode(CountryName(code)), code) << code << " " << CountryName(code);
  }
}

TEST(ResolveCountryCodeTest, ThreadSafeFirstUse) {
  // Several threads race to build the tables; all must see the same answer.
  std::vector<std::thread> threads;
  std::vector<std::string> results(8);
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back(
        [&results, i] { results[i] = ResolveCountryCode("Syrian Arab Republic"); });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& r : results) EXPECT_EQ(r, "SY");
}

}  // namespace
}  // namespace hudud::model
