// Pins ParseUkXml (lists/uk_xml.cc, with the shared row builder in
// lists/uk_record.cc). The fixtures tests/data/lists/uk-sanctions-list-sample.xml
// (FCDO UK Sanctions List XML) and uk-conlist-sample.xml (legacy OFSI XML) were
// written for hudud from the published layouts of those files; no sample of
// the real files was at hand (tests/data/lists/README.md). They hold the same
// designations as the CSV fixtures, and every entity must come out equal in
// every field from the XML and from the CSV (uk_csv_test.cc pins the CSV
// ones field by field). Malformed input is an error naming the file, the
// line and the element.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "entity_text.h"
#include "lists/list_file.h"
#include "model/entity.h"

namespace hudud::lists {
namespace {

using model::Entity;
using testing::EntityText;

const char kFcdoXml[] = HUDUD_TESTDATA_DIR "/lists/uk-sanctions-list-sample.xml";
const char kFcdoCsv[] = HUDUD_TESTDATA_DIR "/lists/uk-sanctions-list-sample.csv";
const char kOfsiXml[] = HUDUD_TESTDATA_DIR "/lists/uk-conlist-sample.xml";
const char kOfsiCsv[] = HUDUD_TESTDATA_DIR "/lists/uk-conlist-sample.csv";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Entity> Parse(const std::string& xml) {
  Result<ParsedList> r = ParseUkXml(xml, "uk.xml");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r->entities : std::vector<Entity>{};
}

void ExpectSameAsCsv(const char* xml_path, const char* csv_path, size_t count) {
  Result<ParsedList> xml = ReadListFile(xml_path, "auto");
  ASSERT_TRUE(xml.ok()) << xml.status().ToString();
  EXPECT_EQ(xml->format, "uk-xml");
  EXPECT_EQ(xml->list_id, "uk");
  EXPECT_EQ(DetectListFormat(ReadFile(xml_path), xml_path), "uk-xml");
  Result<ParsedList> csv = ReadListFile(csv_path, "uk-csv");
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  ASSERT_EQ(xml->entities.size(), count);
  ASSERT_EQ(csv->entities.size(), count);
  for (size_t i = 0; i < count; ++i) {
    SCOPED_TRACE(csv->entities[i].id);
    EXPECT_EQ(EntityText(xml->entities[i]), EntityText(csv->entities[i]));
  }
}

TEST(UkXmlTest, FcdoXmlGivesTheSameEntitiesAsTheCsv) {
  ExpectSameAsCsv(kFcdoXml, kFcdoCsv, 4);
  Result<ParsedList> r = ParseUkXml(ReadFile(kFcdoXml), kFcdoXml);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->generated_at, "2026-03-10T09:00:00");
  // A few fields named here too, so this test says what it pins.
  const Entity& z = r->entities[0];
  EXPECT_EQ(z.id, "uk:AQD0104");
  EXPECT_EQ(z.names.size(), 6u);
  EXPECT_EQ(z.names[1].full, "أيمن محمد ربيع الظواهري");
  EXPECT_EQ(z.documents.size(), 2u);
  const Entity& ship = r->entities[3];
  EXPECT_EQ(ship.kind, model::EntityKind::kVessel);
  ASSERT_EQ(ship.documents.size(), 1u);
  EXPECT_EQ(ship.documents[0].type, "IMO");
  EXPECT_EQ(ship.documents[0].number, "9187629");
  const Entity& p = r->entities[1];
  ASSERT_EQ(p.dates_of_birth.size(), 2u);
  EXPECT_EQ(p.dates_of_birth[0].ToString(), "1968");
  EXPECT_EQ(p.dates_of_birth[1].ToString(), "1969-02-01");
  EXPECT_EQ(p.addresses.size(), 2u);
}

TEST(UkXmlTest, OfsiXmlGivesTheSameEntitiesAsTheConListCsv) {
  ExpectSameAsCsv(kOfsiXml, kOfsiCsv, 3);
  Result<ParsedList> r = ParseUkXml(ReadFile(kOfsiXml), kOfsiXml);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->generated_at, "");  // the OFSI XML states none
  EXPECT_EQ(r->entities[0].id, "uk:9040");
  EXPECT_EQ(r->entities[0].names.size(), 4u);
}

TEST(UkXmlTest, OfsiNamespacesAndDateTimes) {
  // The OFSI file puts its rows in a default namespace and may write
  // dates as date-times; a prefixed namespace reads the same.
  const std::string plain =
      "<ArrayOfFinancialSanctionsTarget xmlns=\"http://schemas.hmtreasury.gov.uk/ofsi/\">"
      "<FinancialSanctionsTarget><Name6>DOE</Name6><Name1>John</Name1><DOB>1970-05-03T00:00:00</"
      "DOB><AliasType>Primary name</AliasType><GroupTypeDescription>Individual</"
      "GroupTypeDescription><DateListed>2001-02-03T00:00:00</DateListed><GroupID>42</GroupID>"
      "</FinancialSanctionsTarget></ArrayOfFinancialSanctionsTarget>";
  const std::string prefixed =
      "<o:ArrayOfFinancialSanctionsTarget xmlns:o=\"urn:x\"><o:FinancialSanctionsTarget>"
      "<o:Name6>DOE</o:Name6><o:Name1>John</o:Name1><o:DOB>03/05/1970</o:DOB>"
      "<o:AliasType>Primary name</o:AliasType><o:GroupTypeDescription>Individual</"
      "o:GroupTypeDescription><o:DateListed>03/02/2001</o:DateListed><o:GroupID>42</o:GroupID>"
      "</o:FinancialSanctionsTarget></o:ArrayOfFinancialSanctionsTarget>";
  std::vector<Entity> a = Parse(plain), b = Parse(prefixed);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(EntityText(a[0]), EntityText(b[0]));
  EXPECT_EQ(EntityText(a[0]),
            "id: uk:42\nlist: uk\nsource_id: 42\nkind: person\n"
            "name: primary \"John DOE\" given=John family=DOE\n"
            "dob: exact 1970-05-03\nlisted_on: 2001-02-03\n");
}

TEST(UkXmlTest, FcdoUnknownElementsAreIgnoredAndDateGeneratedMayBeAnAttribute) {
  Result<ParsedList> r = ParseUkXml(
      "<Designations DateGenerated=\"2026-01-01\"><Designation><UniqueID>Q1</UniqueID>"
      "<SomethingNew><Deep>x</Deep></SomethingNew>"
      "<Names><Name><Name6>ACME</Name6><NameType>Primary Name</NameType><Extra>y</Extra></Name>"
      "</Names><IndividualEntityShip>Entity</IndividualEntityShip></Designation></Designations>",
      "uk.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->generated_at, "2026-01-01");
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(EntityText(r->entities[0]),
            "id: uk:Q1\nlist: uk\nsource_id: Q1\nkind: organization\n"
            "name: primary \"ACME\" whole=ACME\n");
  EXPECT_TRUE(Parse("<Designations/>").empty());
}

TEST(UkXmlTest, ErrorsNameFileLineAndElement) {
  struct Case {
    const char* name;
    std::string xml;
    const char* want;
  } cases[] = {
      {"bad xml", "<Designations>\n<Designation>\n<UniqueID>A</UniqueID\n</Designation>",
       "uk.xml, line 4: malformed XML: "},
      {"empty", "", "uk.xml, line 1: malformed XML: "},
      {"wrong root", "<?xml version=\"1.0\"?>\n<export/>",
       "uk.xml, line 2: root element is <export>, expected <Designations> or "
       "<ArrayOfFinancialSanctionsTarget>"},
      {"no UniqueID",
       "<Designations>\n<Designation><UniqueID>A</UniqueID></Designation>\n<Designation>\n"
       "<Names/></Designation>\n</Designations>",
       "uk.xml, line 3: <Designation> without <UniqueID>"},
      {"empty UniqueID",
       "<Designations>\n\n<Designation><UniqueID> </UniqueID></Designation></Designations>",
       "uk.xml, line 3: <Designation> without <UniqueID>"},
      {"repeated UniqueID",
       "<Designations>\n<Designation><UniqueID>A</UniqueID></Designation>\n"
       "<Designation><UniqueID>A</UniqueID></Designation>\n</Designations>",
       "uk.xml, line 3: <Designation> with UniqueID A already used on line 2"},
      {"no GroupID",
       "<ArrayOfFinancialSanctionsTarget>\n<FinancialSanctionsTarget><Name6>X</Name6>"
       "</FinancialSanctionsTarget>\n</ArrayOfFinancialSanctionsTarget>",
       "uk.xml, line 2: <FinancialSanctionsTarget> without <GroupID>"},
      {"bad DOB",
       "<Designations>\n<Designation>\n<UniqueID>A</UniqueID>\n<IndividualDetails><Individual>\n"
       "<DOBs>\n<DOB>19/06/1951</DOB>\n<DOB>31/06/1951</DOB>\n</DOBs></Individual>"
       "</IndividualDetails></Designation></Designations>",
       "uk.xml, line 7: field <DOB> of record A: invalid date of birth \"31/06/1951\""},
      {"bad DateDesignated",
       "<Designations>\n<Designation>\n<UniqueID>A</UniqueID>\n\n<DateDesignated>2020/01/01"
       "</DateDesignated></Designation></Designations>",
       "uk.xml, line 5: field <DateDesignated> of record A: invalid date \"2020/01/01\""},
      {"bad OFSI DOB",
       "<ArrayOfFinancialSanctionsTarget>\n<FinancialSanctionsTarget>\n<GroupID>7</GroupID>\n"
       "<DOB>00/13/1970</DOB>\n</FinancialSanctionsTarget></ArrayOfFinancialSanctionsTarget>",
       "uk.xml, line 4: field <DOB> of record 7: invalid date of birth \"00/13/1970\""},
      {"unknown NameType",
       "<Designations>\n<Designation>\n<UniqueID>A</UniqueID>\n<Names>\n<Name><Name6>X</Name6>\n"
       "<NameType>Handle</NameType></Name></Names></Designation></Designations>",
       "uk.xml, line 6: field <NameType> of record A: unknown name type \"Handle\""},
      {"unknown AliasStrength",
       "<Designations>\n<Designation>\n<UniqueID>A</UniqueID>\n<Names>\n<Name><Name6>X</Name6>"
       "<NameType>Alias</NameType>\n<AliasStrength>So-so</AliasStrength></Name></Names>"
       "</Designation></Designations>",
       "uk.xml, line 6: field <AliasStrength> of record A: unknown alias strength \"So-so\""},
      {"invalid UTF-8", "<Designations>\n<Designation>\n<UniqueID>\xC3\x28</UniqueID>",
       "uk.xml, line 3: invalid UTF-8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<ParsedList> r = ParseUkXml(c.xml, "uk.xml");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
    EXPECT_NE(r.status().message().find(c.want), std::string::npos) << r.status().message();
  }
}

TEST(UkXmlTest, DeepNestingIsAnErrorNotACrash) {
  std::string xml = "<Designations><Designation><UniqueID>A</UniqueID>";
  for (int i = 0; i < 100000; ++i) xml += "<G>";
  Result<ParsedList> r = ParseUkXml(xml, "deep.xml");  // unclosed: malformed
  ASSERT_FALSE(r.ok());
  for (int i = 0; i < 100000; ++i) xml += "</G>";
  xml += "</Designation></Designations>";
  r = ParseUkXml(xml, "deep.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("deep.xml, line 1: <G> nested more than 32 elements deep"),
            std::string::npos)
      << r.status().message();
  std::string ofsi =
      "<ArrayOfFinancialSanctionsTarget><FinancialSanctionsTarget><GroupID>1</GroupID>";
  for (int i = 0; i < 100000; ++i) ofsi += "<G>";
  for (int i = 0; i < 100000; ++i) ofsi += "</G>";
  ofsi += "</FinancialSanctionsTarget></ArrayOfFinancialSanctionsTarget>";
  r = ParseUkXml(ofsi, "deep.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("nested more than 32"), std::string::npos);
}

TEST(UkXmlTest, ErrorInTheFixtureNamesItsLine) {
  std::string xml = ReadFile(kFcdoXml);
  const std::string needle = "<DOB>01/02/1969</DOB>";
  const size_t at = xml.find(needle);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, needle.size(), "<DOB>29/02/1969</DOB>");
  const size_t line =
      static_cast<size_t>(std::count(xml.begin(), xml.begin() + static_cast<ptrdiff_t>(at), '\n')) +
      1;
  Result<ParsedList> r = ParseUkXml(xml, "uk.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("uk.xml, line " + std::to_string(line) +
                                      ": field <DOB> of record RUS1234"),
            std::string::npos)
      << r.status().message();
}

TEST(UkXmlTest, NeverCrashesOnTruncatedOrMangledInput) {
  for (const char* path : {kFcdoXml, kOfsiXml}) {
    const std::string xml = ReadFile(path);
    for (size_t n = 0; n <= xml.size(); n += 11) {
      Result<ParsedList> r = ParseUkXml(std::string_view(xml).substr(0, n), "cut.xml");
      if (!r.ok()) {
        EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
      }
    }
  }
  const std::string small =
      "<Designations><Designation><UniqueID>A</UniqueID><Names><Name><Name1>J</Name1>"
      "<Name6>D</Name6><NameType>Alias</NameType></Name></Names><IndividualDetails><Individual>"
      "<DOBs><DOB>00/00/1970</DOB></DOBs><PassportDetails><PassportDetail><PassportNumber>1"
      "</PassportNumber></PassportDetail></PassportDetails></Individual></IndividualDetails>"
      "</Designation></Designations>";
  for (size_t i = 0; i < small.size(); ++i) {
    for (char c : {'\0', '<', '>', '&', '/', '\xff', '0', 'x'}) {
      std::string m = small;
      m[i] = c;
      Result<ParsedList> r = ParseUkXml(m, "mangled.xml");
      if (!r.ok()) {
        EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
      }
    }
  }
}

}  // namespace
}  // namespace hudud::lists
