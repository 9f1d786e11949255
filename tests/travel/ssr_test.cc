// Pins the SSR free-text readers (travel/ssr.cc): DOCS, DOCO, DOCA and INFT
// as carriers write them (with or without the leading slash, a status left in
// front, empty fields, two-letter country codes, four-digit years), the
// problems they report field by field, PNR names with titles, the sensitive
// codes and AIRIMP e-mail addresses.
#include "travel/ssr.h"

#include <gtest/gtest.h>

#include <string>

namespace hudud::travel {
namespace {

using model::Gender;
using model::PartialDate;

ParseOptions Options() {
  ParseOptions o;
  o.today = {2026, 3, 1};
  return o;
}

TEST(SsrDocsTest, ReadsEveryFieldWithLeadingSlash) {
  Result<DocsSsr> d =
      ParseDocs("/P/GBR/123456789/GBR/12JUL64/M/23AUG29/RUITER/MICHAEL/JOHN/H", Options());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->document_type, "P");
  EXPECT_EQ(d->issuing_country, "GBR");
  EXPECT_EQ(d->number, "123456789");
  EXPECT_EQ(d->nationality, "GBR");
  EXPECT_EQ(d->birth_date.raw, "12JUL64");
  EXPECT_EQ(d->birth_date.date, (PartialDate{1964, 7, 12}));
  EXPECT_EQ(d->gender, "M");
  EXPECT_EQ(d->gender_value, Gender::kMale);
  EXPECT_FALSE(d->infant);
  EXPECT_EQ(d->expiry.date, (PartialDate{2029, 8, 23}));
  EXPECT_EQ(d->surname, "RUITER");
  EXPECT_EQ(d->given, "MICHAEL");
  EXPECT_EQ(d->middle, "JOHN");
  EXPECT_TRUE(d->multi_passenger_holder);
  EXPECT_TRUE(d->problems.empty());
}

TEST(SsrDocsTest, ReadsWithoutLeadingSlash) {
  Result<DocsSsr> d =
      ParseDocs("P/KWT/K01234567/KWT/12JUL74/F/23AUG27/AL HASHIMI/NOURA", Options());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->document_type, "P");
  EXPECT_EQ(d->number, "K01234567");
  EXPECT_EQ(d->gender_value, Gender::kFemale);
  EXPECT_EQ(d->surname, "AL HASHIMI");
  EXPECT_EQ(d->given, "NOURA");
  EXPECT_FALSE(d->multi_passenger_holder);
}

TEST(SsrDocsTest, SecureFlightStyleEmptyFields) {
  Result<DocsSsr> d = ParseDocs("////14JUL71/M//AVDIU/ILIR", Options());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->document_type, "");
  EXPECT_EQ(d->number, "");
  EXPECT_EQ(d->nationality, "");
  EXPECT_EQ(d->birth_date.date, (PartialDate{1971, 7, 14}));
  EXPECT_EQ(d->gender, "M");
  EXPECT_TRUE(d->expiry.raw.empty());
  EXPECT_TRUE(d->expiry.empty());
  EXPECT_EQ(d->surname, "AVDIU");
  EXPECT_EQ(d->given, "ILIR");
  EXPECT_TRUE(d->problems.empty());
}

TEST(SsrDocsTest, EmptyDateFieldsWithLeadingSlash) {
  Result<DocsSsr> d = ParseDocs("/P/GBR/123456789/GBR////RUITER/MICHAEL", Options());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->document_type, "P");
  EXPECT_EQ(d->number, "123456789");
  EXPECT_TRUE(d->birth_date.empty());
  EXPECT_EQ(d->surname, "RUITER");
}

TEST(SsrDocsTest, TwoLetterCountryCodesKeptAsSent) {
  Result<DocsSsr> d = ParseDocs("/P/DE/C01X00T47/DE/12AUG83/F/31OCT27/MUSTERMANN/ERIKA", Options());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->issuing_country, "DE");
  EXPECT_EQ(d->nationality, "DE");
  Result<DocsSsr> g = ParseDocs("/P/GB/533401987/GB/14APR84/F/02SEP30/SMITH-JONES/EMMA", Options());
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->issuing_country, "GB");
}

TEST(SsrDocsTest, FourDigitYears) {
  Result<DocsSsr> d =
      ParseDocs("/P/TJK/400123456/TJK/05MAY1990/M/04MAY2030/RAHIMOV/DILSHOD", Options());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->birth_date.date, (PartialDate{1990, 5, 5}));
  EXPECT_EQ(d->expiry.date, (PartialDate{2030, 5, 4}));
  // With four digits an old birth year needs no century rule.
  Result<DocsSsr> old = ParseDocs("/P/IRN/X1/IRN/01JAN1919/F//KARIMI/ZAHRA", Options());
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->birth_date.date, (PartialDate{1919, 1, 1}));
}

TEST(SsrDocsTest, TwoDigitBirthYearNeverInTheFuture) {
  // 01FEB26 is before 2026-03-01; 02MAR26 would be after it, so 1926.
  Result<DocsSsr> a = ParseDocs("/P/KWT/1/KWT/01FEB26/MI//AL HASHIMI/SARA", Options());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->birth_date.date.year, 2026);
  Result<DocsSsr> b = ParseDocs("/P/KWT/1/KWT/02MAR26/M//AL HASHIMI/OMAR", Options());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->birth_date.date.year, 1926);
}

TEST(SsrDocsTest, BadDatesAreProblemsWithTheRawValueKept) {
  Result<DocsSsr> d = ParseDocs("/P/PAK/AB1234567/PAK/31FEB85/M/30XYZ27/QURESHI/IMRAN", Options());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->problems.size(), 2u);
  EXPECT_EQ(d->problems[0].field, "date of birth");
  EXPECT_NE(d->problems[0].message.find("31FEB85"), std::string::npos);
  EXPECT_EQ(d->problems[1].field, "expiry date");
  EXPECT_EQ(d->birth_date.raw, "31FEB85");
  EXPECT_TRUE(d->birth_date.empty());
  EXPECT_EQ(d->expiry.raw, "30XYZ27");
  EXPECT_EQ(d->surname, "QURESHI");  // the rest is still read
}

TEST(SsrDocsTest, FutureFourDigitBirthDateIsAProblem) {
  Result<DocsSsr> d = ParseDocs("/P/GBR/1/GBR/01JAN2031/M//DOE/JOHN", Options());
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->problems.size(), 1u);
  EXPECT_EQ(d->problems[0].field, "date of birth");
  EXPECT_TRUE(d->birth_date.empty());
}

TEST(SsrDocsTest, BadGenderIsAProblem) {
  Result<DocsSsr> d = ParseDocs("/P/PAK/1/PAK/07JUL77/Q/12DEC28/KHAN/YOUSUF", Options());
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->problems.size(), 1u);
  EXPECT_EQ(d->problems[0].field, "gender");
  EXPECT_EQ(d->gender, "Q");
  EXPECT_EQ(d->gender_value, Gender::kUnknown);
}

TEST(SsrDocsTest, InfantGendersAndUndisclosed) {
  for (const char* g : {"MI", "FI"}) {
    Result<DocsSsr> d = ParseDocs(
        std::string("/P/UZB/FA7/UZB/03AUG24/") + g + "/02AUG29/ABDULLAEV/TIMUR", Options());
    ASSERT_TRUE(d.ok());
    EXPECT_TRUE(d->infant) << g;
  }
  for (const char* g : {"U", "X"}) {
    Result<DocsSsr> d =
        ParseDocs(std::string("/P/NZL/1/NZL/03AUG94/") + g + "/02AUG29/GREY/SAM", Options());
    ASSERT_TRUE(d.ok());
    EXPECT_TRUE(d->problems.empty()) << g;
    EXPECT_EQ(d->gender_value, Gender::kUnknown);
    EXPECT_FALSE(d->infant);
  }
}

TEST(SsrDocsTest, StatusAndCodeInFrontAreSkipped) {
  for (const char* text : {"HK1/P/RUS/751234567/RUS/30JAN88/F/11OCT31/IVANOVA/IRINA",
                           "DOCS HK1/P/RUS/751234567/RUS/30JAN88/F/11OCT31/IVANOVA/IRINA"}) {
    Result<DocsSsr> d = ParseDocs(text, Options());
    ASSERT_TRUE(d.ok()) << text;
    EXPECT_EQ(d->document_type, "P") << text;
    EXPECT_EQ(d->number, "751234567") << text;
    EXPECT_EQ(d->given, "IRINA") << text;
  }
}

TEST(SsrDocsTest, NameSpacesSqueezed) {
  Result<DocsSsr> d = ParseDocs("/P/GBR/1/GBR/01JAN20/FI/01JAN30/BEL T/SOP  HY OLIVIA", Options());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->surname, "BEL T");
  EXPECT_EQ(d->given, "SOP HY OLIVIA");
}

TEST(SsrDocsTest, TooFewFieldsFailNamingThem) {
  Result<DocsSsr> d = ParseDocs("/P/PAK/AB7654321/PAK", Options());
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("too few"), std::string::npos);
  EXPECT_NE(d.status().message().find("surname"), std::string::npos);
}

TEST(SsrDocsTest, EmptyOrOverlongTextFails) {
  EXPECT_FALSE(ParseDocs("", Options()).ok());
  EXPECT_FALSE(ParseDocs("   ", Options()).ok());
  const std::string longer(kMaxSsrFreeText + 1, '/');
  Result<DocsSsr> d = ParseDocs(longer, Options());
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("longer"), std::string::npos);
}

TEST(SsrDocoTest, VisaWithBirthPlace) {
  Result<DocoSsr> d = ParseDoco("DUSHANBE TJ/V/K7512093/ALMATY/10JAN25/US", Options());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->birth_place, "DUSHANBE TJ");
  EXPECT_EQ(d->document_type, "V");
  EXPECT_EQ(d->number, "K7512093");
  EXPECT_EQ(d->issue_place, "ALMATY");
  EXPECT_EQ(d->issued.date, (PartialDate{2025, 1, 10}));
  EXPECT_EQ(d->applicable_country, "US");
  EXPECT_FALSE(d->infant);
}

TEST(SsrDocoTest, EmptyBirthPlaceWithAndWithoutLeadingSlash) {
  for (const char* text :
       {"/V/8675309/OTHER PLACE/22DEC06/LI", "//V/8675309/OTHER PLACE/22DEC06/LI"}) {
    Result<DocoSsr> d = ParseDoco(text, Options());
    ASSERT_TRUE(d.ok()) << text;
    EXPECT_EQ(d->birth_place, "") << text;
    EXPECT_EQ(d->document_type, "V") << text;
    EXPECT_EQ(d->number, "8675309") << text;
    EXPECT_EQ(d->issued.date, (PartialDate{2006, 12, 22})) << text;
    EXPECT_EQ(d->applicable_country, "LI") << text;
  }
}

TEST(SsrDocoTest, InfantFlagAndBadIssueDate) {
  Result<DocoSsr> d = ParseDoco("/V/123/KABUL/31APR24/DE/I", Options());
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->infant);
  ASSERT_EQ(d->problems.size(), 1u);
  EXPECT_EQ(d->problems[0].field, "issue date");
  EXPECT_EQ(d->issued.raw, "31APR24");
}

TEST(SsrDocoTest, TooFewFields) {
  Result<DocoSsr> d = ParseDoco("/V", Options());
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("DOCO"), std::string::npos);
}

TEST(SsrDocaTest, ResidenceAndDestination) {
  Result<DocaSsr> r = ParseDoca("/R/KWT/BLOCK 3 STREET 12/KUWAIT CITY//13001", Options());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->address_type, "R");
  EXPECT_EQ(r->country, "KWT");
  EXPECT_EQ(r->street, "BLOCK 3 STREET 12");
  EXPECT_EQ(r->city, "KUWAIT CITY");
  EXPECT_EQ(r->region, "");
  EXPECT_EQ(r->postcode, "13001");
  EXPECT_TRUE(r->problems.empty());
  Result<DocaSsr> d = ParseDoca("D/USA/1200 PEACHTREE ST NE/ATLANTA/GA/30309/I", Options());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->address_type, "D");
  EXPECT_EQ(d->region, "GA");
  EXPECT_TRUE(d->infant);
}

TEST(SsrDocaTest, UnknownTypeIsAProblemAndTooFewFieldsFail) {
  Result<DocaSsr> d = ParseDoca("/X/USA/1 MAIN ST/BOSTON/MA/02108", Options());
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->problems.size(), 1u);
  EXPECT_EQ(d->problems[0].field, "address type");
  EXPECT_EQ(d->address_type, "X");
  EXPECT_FALSE(ParseDoca("/R", Options()).ok());
}

TEST(SsrInftTest, NameTitleAndBirthDate) {
  Result<InftSsr> i = ParseInft("NAZARI/YASMIN MISS 12JAN25", Options());
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  EXPECT_EQ(i->name.surname, "NAZARI");
  ASSERT_EQ(i->name.given.size(), 1u);
  EXPECT_EQ(i->name.given[0], "YASMIN");
  EXPECT_EQ(i->name.title, "MISS");
  EXPECT_EQ(i->birth_date.date, (PartialDate{2025, 1, 12}));
  Result<InftSsr> slash = ParseInft("HK1/BELT/SOPHY/12MAR23", Options());
  ASSERT_TRUE(slash.ok());
  EXPECT_EQ(slash->name.surname, "BELT");
  EXPECT_EQ(slash->birth_date.date, (PartialDate{2023, 3, 12}));
}

TEST(SsrInftTest, BadDateIsAProblemAndNoNameFails) {
  Result<InftSsr> i = ParseInft("NAZARI/YASMIN 32JAN25", Options());
  ASSERT_TRUE(i.ok());
  ASSERT_EQ(i->problems.size(), 1u);
  EXPECT_EQ(i->problems[0].field, "date of birth");
  EXPECT_FALSE(ParseInft("12JAN25", Options()).ok());
  EXPECT_FALSE(ParseInft("", Options()).ok());
}

TEST(SsrNameTest, TitlesStrippedOnlyAtTheEnd) {
  PersonName a = ParsePnrName("AL HASHIMI", "AHMED MR");
  EXPECT_EQ(a.surname, "AL HASHIMI");
  EXPECT_EQ(a.given, (std::vector<std::string>{"AHMED"}));
  EXPECT_EQ(a.title, "MR");
  PersonName run = ParsePnrName("LOBB", "CHARLESMR");
  EXPECT_EQ(run.given, (std::vector<std::string>{"CHARLES"}));
  EXPECT_EQ(run.title, "MR");
  EXPECT_EQ(ParsePnrName("LOBB", "MOLLYMRS").given, (std::vector<std::string>{"MOLLY"}));
  EXPECT_EQ(ParsePnrName("IVANOVA", "IRINAMS").title, "MS");
  EXPECT_EQ(ParsePnrName("SMITH-JONES", "OLIVIA MISS").title, "MISS");
  EXPECT_EQ(ParsePnrName("OMAROV", "ALIMSTR").given, (std::vector<std::string>{"ALI"}));
  EXPECT_EQ(ParsePnrName("X", "MARY ANN MRS").given, (std::vector<std::string>{"MARY", "ANN"}));
  PersonName two = ParsePnrName("OMAROV", "ALI MSTR CHD");
  EXPECT_EQ(two.given, (std::vector<std::string>{"ALI"}));
  EXPECT_EQ(two.title, "MSTR CHD");
  EXPECT_EQ(ParsePnrName("SMITH", "JOHN DR").title, "DR");
}

TEST(SsrNameTest, NamesThatEndLikeTitlesAreKept) {
  // Arabic, Russian and English given names ending in MR, DR, MS.
  for (const char* given : {"AMR", "NIMR", "ALEXANDR", "ISKANDR", "WILLIAMS", "ADAMS"}) {
    PersonName n = ParsePnrName("X", given);
    ASSERT_EQ(n.given.size(), 1u) << given;
    EXPECT_EQ(n.given[0], given);
    EXPECT_EQ(n.title, "") << given;
  }
  // A title in the middle stays: only the end is looked at.
  EXPECT_EQ(ParsePnrName("X", "MR JOHN").given, (std::vector<std::string>{"MR", "JOHN"}));
}

TEST(SsrSensitiveTest, MealAndMedicalCodes) {
  for (const char* code :
       {"MOML", "KSML", "HNML", "VGML", "AVML", "VLML", "HFML", "DBML", "GFML", "LSML", "NLML",
        "LCML", "SFML", "FPML", "CHML", "BLML", "RVML", "VJML", "VOML", "ORML", "PRML", "SPML",
        "moml", "MEDA", "WCHR", "WCHS", "WCHC", "BLND", "DEAF", "DPNA", "OXYG", "STCR", "MEQT"}) {
    EXPECT_TRUE(IsSensitiveSsrCode(code)) << code;
  }
  for (const char* code : {"DOCS", "DOCO", "DOCA", "FOID", "CTCE", "CTCM", "INFT", "CHLD", "UMNR",
                           "SEAT", "FQTV", "TKNE", "PETC", "GRPS", ""}) {
    EXPECT_FALSE(IsSensitiveSsrCode(code)) << code;
  }
}

TEST(SsrEmailTest, AirimpEncodings) {
  EXPECT_EQ(AirimpEmail("MOLLY..LOBB//GMAIL.COM"), "MOLLY_LOBB@GMAIL.COM");
  EXPECT_EQ(AirimpEmail("J./SMITH//EXAMPLE.CO.UK"), "J-SMITH@EXAMPLE.CO.UK");
  EXPECT_EQ(AirimpEmail("IRINA.AT.MAIL.RU"), "IRINA@MAIL.RU");
  EXPECT_EQ(AirimpEmail("plain@example.com"), "plain@example.com");
}

}  // namespace
}  // namespace hudud::travel
