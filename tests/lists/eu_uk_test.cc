// Pins ParseEuXml, ParseUkCsv and ParseUkXml (lists/eu_xml.cc, uk_csv.cc,
// uk_xml.cc, uk_record.cc) on fixtures written from the published schemas
// (tests/data/lists/README.md; no real sample was at hand): every record
// and field, dates in every form, the same UK designation equal from CSV and
// XML, format detection, and errors naming file and line.
#include <gtest/gtest.h>

#include <map>

#include "lists/list_file.h"

namespace hudud::lists {
namespace {

std::string Fixture(const char* name) { return std::string(HUDUD_TESTDATA_DIR "/lists/") + name; }

std::map<std::string, model::Entity> Read(const char* name, const char* format) {
  Result<ParsedList> l = ReadListFile(Fixture(name), "auto");
  EXPECT_TRUE(l.ok()) << l.status().message();
  std::map<std::string, model::Entity> out;
  if (!l.ok()) return out;
  EXPECT_EQ(l->format, format);
  for (const model::Entity& e : l->entities) out[e.id] = e;
  return out;
}

TEST(EuXmlTest, ReadsEveryRecordAndField) {
  auto eu = Read("eu-fsf-sample.xml", "eu-xml");
  ASSERT_EQ(eu.size(), 3u);
  const model::Entity& saddam = eu["eu:13"];
  EXPECT_EQ(saddam.kind, model::EntityKind::kPerson);
  EXPECT_EQ(saddam.reference, "EU.27.28");
  EXPECT_EQ(saddam.program, "IRQ");
  EXPECT_EQ(saddam.listed_on, "2003-07-08");
  ASSERT_EQ(saddam.names.size(), 3u);
  EXPECT_EQ(saddam.names[0].full, "Saddam Hussein Al-Tikriti");
  EXPECT_EQ(saddam.names[0].kind, model::NameKind::kPrimary);
  EXPECT_EQ(saddam.names[0].parts.size(), 2u);
  EXPECT_EQ(saddam.names[1].kind, model::NameKind::kOriginalScript);
  EXPECT_EQ(saddam.names[2].kind, model::NameKind::kLowAlias);
  EXPECT_EQ(saddam.gender, model::Gender::kMale);
  EXPECT_EQ(saddam.nationalities[0].country_code, "IQ");
  EXPECT_EQ(saddam.dates_of_birth[0].from.ToString(), "1937-04-28");
  EXPECT_EQ(saddam.places_of_birth[0].country_code, "IQ");
  EXPECT_EQ(saddam.designations[0], "Former President of Iraq");
  EXPECT_NE(saddam.comments.find("IQi.001"), std::string::npos);

  const model::Entity& petrov = eu["eu:5001"];
  EXPECT_EQ(petrov.names[1].full, "Игорь Иванович Петров");
  EXPECT_EQ(petrov.names[1].kind, model::NameKind::kOriginalScript);
  ASSERT_EQ(petrov.dates_of_birth.size(), 2u);
  EXPECT_EQ(petrov.dates_of_birth[0].kind, model::DateOfBirth::Kind::kApproximate);
  EXPECT_EQ(petrov.dates_of_birth[0].from.ToString(), "1968");
  EXPECT_EQ(petrov.dates_of_birth[1].kind, model::DateOfBirth::Kind::kBetween);
  EXPECT_EQ(petrov.dates_of_birth[1].to.year, 1969);
  EXPECT_TRUE(petrov.places_of_birth.empty());  // "00 UNKNOWN" is no place
  ASSERT_EQ(petrov.documents.size(), 1u);
  EXPECT_EQ(petrov.documents[0].number, "721234567");
  EXPECT_EQ(petrov.documents[0].country_code, "RU");
  EXPECT_EQ(petrov.addresses[0].city, "Moscow");

  const model::Entity& trust = eu["eu:7001"];
  EXPECT_EQ(trust.kind, model::EntityKind::kOrganization);
  EXPECT_EQ(trust.names[1].full, "مؤسسة الرشيد");
  EXPECT_EQ(trust.addresses[0].country_code, "PK");
}

TEST(UkTest, FcdoCsvRowsBecomeOneEntityPerUniqueId) {
  auto uk = Read("uk-sanctions-list-sample.csv", "uk-csv");
  ASSERT_EQ(uk.size(), 3u);
  const model::Entity& z = uk["uk:AQD0104"];
  EXPECT_EQ(z.kind, model::EntityKind::kPerson);
  ASSERT_EQ(z.names.size(), 4u);
  EXPECT_EQ(z.names[0].full, "Ayman Muhammad Rabi AL-ZAWAHIRI");
  EXPECT_EQ(z.names[0].kind, model::NameKind::kPrimary);
  EXPECT_EQ(z.names[0].parts.back().role, model::NamePartRole::kFamily);
  std::map<std::string, model::NameKind> kinds;
  for (const model::Name& n : z.names) kinds[n.full] = n.kind;
  EXPECT_EQ(kinds["Aiman AL-ZAWAHIRI"], model::NameKind::kGoodAlias);
  EXPECT_EQ(kinds["Abu Fatima"], model::NameKind::kLowAlias);
  EXPECT_EQ(kinds["أيمن محمد ربيع الظواهري"], model::NameKind::kOriginalScript);
  EXPECT_EQ(z.reference, "QDi.001");
  EXPECT_EQ(z.listed_on, "2001-01-25");
  ASSERT_EQ(z.dates_of_birth.size(), 1u);  // repeated on every row, kept once
  EXPECT_EQ(z.dates_of_birth[0].from.ToString(), "1951-06-19");
  EXPECT_EQ(z.nationalities[0].country_code, "EG");
  ASSERT_EQ(z.documents.size(), 1u);
  EXPECT_EQ(z.documents[0].number, "1084010");
  EXPECT_EQ(z.documents[0].country_code, "EG");
  EXPECT_EQ(z.places_of_birth[0].city, "Giza");
  EXPECT_EQ(z.titles[0], "Dr");

  const model::Entity& p = uk["uk:RUS1234"];
  ASSERT_EQ(p.dates_of_birth.size(), 2u);
  EXPECT_EQ(p.dates_of_birth[0].from.ToString(), "1968");  // 00/00/1968
  EXPECT_EQ(p.dates_of_birth[1].from.ToString(), "1969-02-01");
  EXPECT_EQ(p.addresses[0].city, "Moscow");
  EXPECT_EQ(uk["uk:RUS5678"].kind, model::EntityKind::kVessel);
  EXPECT_EQ(uk["uk:RUS5678"].documents[0].type, "IMO");
}

TEST(UkTest, TheSameDesignationIsEqualFromCsvAndXml) {
  auto csv = Read("uk-sanctions-list-sample.csv", "uk-csv");
  auto xml = Read("uk-sanctions-list-sample.xml", "uk-xml");
  ASSERT_EQ(xml.size(), 2u);
  for (const char* id : {"uk:AQD0104", "uk:RUS5678"}) {
    const model::Entity& a = csv[id];
    const model::Entity& b = xml[id];
    EXPECT_EQ(a.kind, b.kind) << id;
    ASSERT_EQ(a.names.size(), b.names.size()) << id;
    for (size_t i = 0; i < a.names.size(); ++i) {
      EXPECT_EQ(a.names[i].full, b.names[i].full) << id;
      EXPECT_EQ(a.names[i].kind, b.names[i].kind) << id;
    }
    ASSERT_EQ(a.dates_of_birth.size(), b.dates_of_birth.size());
    for (size_t i = 0; i < a.dates_of_birth.size(); ++i) {
      EXPECT_EQ(a.dates_of_birth[i].from, b.dates_of_birth[i].from);
    }
    ASSERT_EQ(a.documents.size(), b.documents.size()) << id;
    for (size_t i = 0; i < a.documents.size(); ++i) {
      EXPECT_EQ(a.documents[i].number, b.documents[i].number);
      EXPECT_EQ(a.documents[i].country_code, b.documents[i].country_code);
    }
    EXPECT_EQ(a.nationalities.size(), b.nationalities.size());
    EXPECT_EQ(a.reference, b.reference);
    EXPECT_EQ(a.listed_on, b.listed_on);
    EXPECT_EQ(a.program, b.program);
    EXPECT_EQ(a.gender, b.gender);
    EXPECT_EQ(a.titles, b.titles);
  }
}

TEST(UkTest, LegacyConListGroupsByGroupId) {
  auto uk = Read("uk-conlist-sample.csv", "uk-csv");
  ASSERT_EQ(uk.size(), 1u);
  const model::Entity& h = uk["uk:9040"];
  EXPECT_EQ(h.names[0].full, "Sirajuddin HAQQANI");
  EXPECT_EQ(h.names.size(), 3u);
  EXPECT_EQ(h.dates_of_birth[0].from.ToString(), "1977");
  EXPECT_EQ(h.listed_on, "2007-03-13");
  EXPECT_EQ(h.nationalities[0].country_code, "AF");
}

TEST(EuUkTest, MalformedInputNamesFileAndLine) {
  Result<ParsedList> r = ParseEuXml(
      "<export>\n<sanctionEntity logicalId=\"1\">\n<nameAlias wholeName=\"A\"", "eu.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("eu.xml, line"), std::string::npos) << r.status().message();
  r = ParseEuXml(
      "<export>\n<sanctionEntity>\n<nameAlias wholeName=\"A\"/></sanctionEntity></export>",
      "eu.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos) << r.status().message();
  r = ParseEuXml(
      "<export><sanctionEntity logicalId=\"1\"><nameAlias wholeName=\"A\"/>\n<birthdate "
      "birthdate=\"1999-13-45\"/></sanctionEntity></export>",
      "eu.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos) << r.status().message();

  const std::string header = "Unique ID,Name 6,Name 1,Name type,D.O.B\n";
  r = ParseUkCsv(header + "A1,SMITH,John,Primary Name,31/02/1970\n", "uk.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("uk.csv, line 2"), std::string::npos) << r.status().message();
  r = ParseUkCsv(header + ",SMITH,John,Primary Name,\n", "uk.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("Unique ID"), std::string::npos);
  r = ParseUkCsv("Name 1,Name 2\nA,B\n", "uk.csv");
  ASSERT_FALSE(r.ok());
  r = ParseUkXml("<Designations><Designation><Names/></Designation></Designations>", "uk.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("UniqueID"), std::string::npos);
  r = ParseUkXml("<Designations><Designation>", "uk.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("uk.xml, line 1"), std::string::npos);
}

}  // namespace
}  // namespace hudud::lists
