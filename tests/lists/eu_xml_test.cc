// Pins ParseEuXml (lists/eu_xml.cc). The fixture tests/data/lists/eu-fsf-sample.xml
// was written for hudud from the published schema of the EU Financial Sanctions
// Files XML (xmlFullSanctionsList_1_1); no sample of the real file was at hand
// (tests/data/lists/README.md). Every record is pinned in every field, the
// fixture is cross-checked against an independent walk of its XML, dates are
// tried in every form the schema allows, and malformed input is an error naming
// the file, the line, the element and the record.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "entity_text.h"
#include "lists/list_file.h"
#include "model/country.h"
#include "model/entity.h"

namespace hudud::lists {
namespace {

using model::DateOfBirth;
using model::Entity;
using model::NameKind;
using testing::EntityText;

const char kFixture[] = HUDUD_TESTDATA_DIR "/lists/eu-fsf-sample.xml";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// One <sanctionEntity> inside a minimal <export>.
std::string Export(const std::string& body) {
  return "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\">\n<sanctionEntity "
         "logicalId=\"1\" euReferenceNumber=\"EU.1.1\">\n<subjectType code=\"person\"/>\n"
         "<nameAlias wholeName=\"John Doe\" strong=\"true\"/>\n" +
         body + "\n</sanctionEntity>\n</export>\n";
}

Entity ParseOne(const std::string& xml) {
  Result<ParsedList> r = ParseEuXml(xml, "eu.xml");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok() || r->entities.size() != 1) {
    ADD_FAILURE() << "expected one entity";
    return {};
  }
  return r->entities[0];
}

TEST(EuXmlTest, FixtureIsDetectedAndReadWhole) {
  Result<ParsedList> r = ReadListFile(kFixture, "auto");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, "eu-xml");
  EXPECT_EQ(r->list_id, "eu");
  EXPECT_EQ(r->generated_at, "2026-03-10T17:02:11.251+01:00");
  EXPECT_EQ(r->files, std::vector<std::string>{kFixture});
  EXPECT_EQ(DetectListFormat(ReadFile(kFixture), kFixture), "eu-xml");

  // Every field of every record, as read from the fixture.
  const std::pair<const char*, const char*> kWant[] = {
      {"eu:13",
       "id: eu:13\n"
       "list: eu\n"
       "source_id: 13\n"
       "reference: EU.27.28\n"
       "kind: person\n"
       "name: primary \"Saddam Hussein Al-Tikriti\" given=Saddam family=Hussein Al-Tikriti\n"
       "name: original-script \"صدام حسين التكريتي\" (language: AR)\n"
       "name: low-alias \"Abu Ali\"\n"
       "dob: exact 1937-04-28\n"
       "pob: city=al-Awja, near Tikrit | country=IRAQ | code=IQ\n"
       "nationality: IRAQ [IQ]\n"
       "gender: male\n"
       "designation: Former President of Iraq\n"
       "program: IRQ\n"
       "list_type: IRQ\n"
       "listed_on: 2003-07-08\n"
       "last_updated: 2004-04-13\n"
       "comments: Former President of Iraq.\n"
       "Regulations: 1210/2003 (OJ L169) (2003-07-08); 686/2004 (OJ L106) (2004-04-13)\n"},
      {"eu:5001",
       "id: eu:5001\n"
       "list: eu\n"
       "source_id: 5001\n"
       "reference: EU.7364.15\n"
       "kind: person\n"
       "name: primary \"Igor Ivanovich PETROV\" given=Igor middle=Ivanovich family=Petrov "
       "(language: EN)\n"
       "name: original-script \"Игорь Иванович ПЕТРОВ\" given=Игорь middle=Иванович family=Петров "
       "(language: RU)\n"
       "name: original-script \"Игор Иванович Петров\" (language: BG)\n"
       "name: low-alias \"Igor Petrov\" given=Igor family=Petrov (Name used in business "
       "dealings.)\n"
       "dob: approximate circa 1968\n"
       "dob: between 1966..1969\n"
       "dob: exact 1967-03\n"
       "pob: city=Leningrad (now Saint Petersburg) | country=RUSSIAN FEDERATION | code=RU\n"
       "nationality: RUSSIAN FEDERATION [RU]\n"
       "gender: male\n"
       "document: National passport / passport \"721234567\" RUSSIAN FEDERATION [RU] issued "
       "2015-01-20 (known expired; issued by FMS 77001; valid to 2025-01-20; Biometric)\n"
       "document: National identification card / id \"4509 123456\" RUSSIAN FEDERATION [RU] (name "
       "on document: ПЕТРОВ ИГОРЬ ИВАНОВИЧ; region: Moscow)\n"
       "address: street=Okhotny Ryad 1 | city=Moscow | zip=103265 | country=RUSSIAN FEDERATION | "
       "code=RU\n"
       "title: General\n"
       "designation: Member of the State Duma\n"
       "designation: Депутат Государственной Думы\n"
       "program: UKR\n"
       "list_type: UKR\n"
       "listed_on: 2022-02-23\n"
       "comments: Regulations: 2022/260 (OJ L42I) (2022-02-23)\n"
       "Citizenship: Possibly also Ukrainian\n"},
      {"eu:7001",
       "id: eu:7001\n"
       "list: eu\n"
       "source_id: 7001\n"
       "reference: EU.3.11\n"
       "kind: organization\n"
       "name: primary \"Al-Rashid Trust\" (language: EN)\n"
       "name: original-script \"مؤسسة الرشيد\" (language: AR)\n"
       "name: good-alias \"Al Rasheed Trust\"\n"
       "name: good-alias \"Aid Organization of the Ulema\"\n"
       "document: Registration Number / regnumber \"KHI-4411-96\" PAKISTAN [PK]\n"
       "address: street=Kitab Ghar, Darul Ifta Wal Irshad, Nazimabad No. 4 | city=Karachi | "
       "state=Sindh | country=PAKISTAN | code=PK | note=as at listing time\n"
       "address: street=Jamia Maajid, Sulalman Park, Melgium Pura | city=Lahore | country=PAKISTAN "
       "| code=PK | note=PO Box 1234\n"
       "program: TAQA\n"
       "list_type: TAQA\n"
       "listed_on: 2001-10-19\n"
       "last_updated: 2002-05-29\n"
       "comments: UN reference: QDe.005\n"
       "Closed in Pakistan in February 2002, but continued activities under other names.\n"
       "Regulations: 2062/2001 (OJ L277) (2001-10-19); 881/2002 (OJ L139) (2002-05-29)\n"},
      {"eu:8801",
       "id: eu:8801\n"
       "list: eu\n"
       "source_id: 8801\n"
       "reference: EU.3951.36\n"
       "kind: person\n"
       "name: primary \"Asma Al-Assad\" given=Asma family=Al-Assad (language: EN)\n"
       "name: original-script \"أسماء الأسد\" (language: AR)\n"
       "name: good-alias \"Asma Fawaz Al-Akhras\" given=Asma middle=Fawaz family=Al-Akhras\n"
       "dob: exact 1975-08-11\n"
       "pob: city=London | country=UNITED KINGDOM | code=GB\n"
       "nationality: UNITED KINGDOM [GB]\n"
       "nationality: SYRIAN ARAB REPUBLIC [SY]\n"
       "gender: female\n"
       "designation: Wife of President Bashar Al-Assad\n"
       "program: SYR\n"
       "list_type: SYR\n"
       "listed_on: 2012-03-24\n"
       "comments: Close personal ties to and integral to the Syrian regime.\n"
       "Regulations: 266/2012 (OJ L87) (2012-03-24)\n"},
      {"eu:9001",
       "id: eu:9001\n"
       "list: eu\n"
       "source_id: 9001\n"
       "reference: EU.8810.22\n"
       "kind: person\n"
       "name: primary \"Ahmad Hasan Al-Khatib\" given=Ahmad middle=Hasan family=Al-Khatib\n"
       "name: low-alias \"أحمد حسن الخطيب\" (language: AR)\n"
       "dob: between 1960..1960\n"
       "dob: exact  (day 12, month 5, year unknown; Year of birth not known)\n"
       "pob: state=Hama Governorate | country=SYRIAN ARAB REPUBLIC | code=SY\n"
       "nationality: Syria [SY]\n"
       "gender: male\n"
       "document: Diplomatic passport / passport \"D0034567\" SYRIAN ARAB REPUBLIC [SY] "
       "(diplomatic; valid from 2010-01-01; number as written: د٠٠٣٤٥٦٧)\n"
       "address: city=Military base near Hama | country=SYRIAN ARAB REPUBLIC | code=SY\n"
       "title: Brigadier General\n"
       "designation: Brigadier General\n"
       "program: SYR\n"
       "list_type: SYR\n"
       "listed_on: 2014-11-07\n"
       "last_updated: 2014-11-08\n"
       "last_updated: 2016-05-28\n"
       "comments: Commander in the Syrian Arab Army\n"
       "Regulations: 1195/2014 (OJ L319) (2014-11-08); 2016/840 (OJ L141) (2016-05-28)\n"},
  };
  ASSERT_EQ(r->entities.size(), std::size(kWant));
  for (size_t i = 0; i < std::size(kWant); ++i) {
    EXPECT_EQ(r->entities[i].id, kWant[i].first);
    EXPECT_EQ(EntityText(r->entities[i]), kWant[i].second);
  }
}

// An independent walk of the fixture with pugixml: every alias name, every
// citizenship, every document number and every address of the XML is in
// the entity.
TEST(EuXmlTest, EveryValueOfTheXmlIsKept) {
  const std::string xml = ReadFile(kFixture);
  pugi::xml_document dom;
  ASSERT_TRUE(dom.load_string(xml.c_str()));
  Result<ParsedList> r = ParseEuXml(xml, kFixture);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  size_t i = 0;
  for (pugi::xml_node s : dom.child("export").children("sanctionEntity")) {
    ASSERT_LT(i, r->entities.size());
    const Entity& e = r->entities[i++];
    SCOPED_TRACE(e.id);
    EXPECT_EQ(e.id, std::string("eu:") + s.attribute("logicalId").value());
    EXPECT_EQ(e.reference, s.attribute("euReferenceNumber").value());
    std::set<std::string> names, want_names;
    for (const model::Name& n : e.names) names.insert(n.full);
    for (pugi::xml_node a : s.children("nameAlias")) {
      std::string whole = a.attribute("wholeName").value();
      if (whole.empty()) {
        whole =
            std::string(a.attribute("firstName").value()) + " " + a.attribute("lastName").value();
      }
      want_names.insert(whole);
    }
    EXPECT_EQ(names, want_names);
    std::set<std::string> codes, want_codes;
    for (const model::Nationality& n : e.nationalities) codes.insert(n.country_code);
    for (pugi::xml_node c : s.children("citizenship")) {
      const std::string code = c.attribute("countryIso2Code").value();
      if (code == "00") continue;  // UNKNOWN
      want_codes.insert(code.empty()
                            ? model::ResolveCountryCode(c.attribute("countryDescription").value())
                            : code);
    }
    EXPECT_EQ(codes, want_codes);
    std::set<std::string> docs, want_docs;
    for (const model::Document& d : e.documents) docs.insert(d.number);
    for (pugi::xml_node d : s.children("identification")) {
      const std::string latin = d.attribute("latinNumber").value();
      want_docs.insert(latin.empty() ? d.attribute("number").value() : latin);
    }
    EXPECT_EQ(docs, want_docs);
    size_t addresses = 0;
    for (pugi::xml_node a : s.children("address")) {
      addresses += std::string(a.attribute("countryIso2Code").value()) != "00";
    }
    EXPECT_EQ(e.addresses.size(), addresses);
    size_t dobs = 0;
    for (pugi::xml_node b : s.children("birthdate")) {
      bool any = false;
      for (const char* a :
           {"birthdate", "year", "yearRangeFrom", "yearRangeTo", "dayOfMonth", "monthOfYear"}) {
        const std::string v = b.attribute(a).value();
        any |= !v.empty() && v != "0";
      }
      dobs += any;
    }
    EXPECT_EQ(e.dates_of_birth.size(), dobs);
  }
  EXPECT_EQ(i, r->entities.size());
}

TEST(EuXmlTest, DatesOfBirthInEveryForm) {
  struct Case {
    const char* attrs;
    DateOfBirth::Kind kind;
    const char* text;  // DateOfBirth::ToString()
  } cases[] = {
      {"birthdate=\"1971-05-03\"", DateOfBirth::Kind::kExact, "1971-05-03"},
      {"birthdate=\"1971-05-03+02:00\"", DateOfBirth::Kind::kExact, "1971-05-03"},
      {"birthdate=\"1971-05-03\" circa=\"true\"", DateOfBirth::Kind::kApproximate,
       "circa 1971-05-03"},
      {"year=\"1971\"", DateOfBirth::Kind::kExact, "1971"},
      {"year=\"1971\" monthOfYear=\"5\"", DateOfBirth::Kind::kExact, "1971-05"},
      {"year=\"1971\" monthOfYear=\"5\" dayOfMonth=\"3\"", DateOfBirth::Kind::kExact, "1971-05-03"},
      {"year=\"1971\" monthOfYear=\"0\" dayOfMonth=\"0\"", DateOfBirth::Kind::kExact, "1971"},
      {"year=\"1971\" circa=\"true\"", DateOfBirth::Kind::kApproximate, "circa 1971"},
      {"yearRangeFrom=\"1966\" yearRangeTo=\"1969\"", DateOfBirth::Kind::kBetween, "1966..1969"},
      // circa on a range changes nothing: a range is already approximate.
      {"yearRangeFrom=\"1966\" yearRangeTo=\"1969\" circa=\"true\"", DateOfBirth::Kind::kBetween,
       "1966..1969"},
      {"yearRangeFrom=\"1966\"", DateOfBirth::Kind::kBetween, "1966..1966"},
      {"yearRangeTo=\"1969\"", DateOfBirth::Kind::kBetween, "1969..1969"},
      // The full date wins over its own parts.
      {"birthdate=\"1971-05-03\" year=\"1971\" monthOfYear=\"5\" dayOfMonth=\"3\"",
       DateOfBirth::Kind::kExact, "1971-05-03"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.attrs);
    Entity e = ParseOne(Export(std::string("<birthdate ") + c.attrs + "/>"));
    ASSERT_EQ(e.dates_of_birth.size(), 1u);
    EXPECT_EQ(e.dates_of_birth[0].kind, c.kind);
    EXPECT_EQ(e.dates_of_birth[0].ToString(), c.text);
    EXPECT_TRUE(e.places_of_birth.empty());
  }
  // Day and month without a year, and another calendar, are kept in the note.
  Entity e =
      ParseOne(Export("<birthdate dayOfMonth=\"12\" monthOfYear=\"5\"/>\n"
                      "<birthdate year=\"1390\" calendarType=\"ISLAMIC\" countryIso2Code=\"00\" "
                      "countryDescription=\"UNKNOWN\"><remark>Hijri</remark></birthdate>"));
  ASSERT_EQ(e.dates_of_birth.size(), 2u);
  EXPECT_TRUE(e.dates_of_birth[0].from.empty());
  EXPECT_EQ(e.dates_of_birth[0].note, "day 12, month 5, year unknown");
  EXPECT_EQ(e.dates_of_birth[1].ToString(), "1390");
  EXPECT_EQ(e.dates_of_birth[1].note, "calendar: ISLAMIC; Hijri");
  EXPECT_TRUE(e.places_of_birth.empty());  // "00"/"UNKNOWN" is no place
  // A birthdate element with only a place is a place of birth, not a date.
  e = ParseOne(Export("<birthdate city=\"Homs\" countryIso2Code=\"SY\"/>"));
  EXPECT_TRUE(e.dates_of_birth.empty());
  ASSERT_EQ(e.places_of_birth.size(), 1u);
  EXPECT_EQ(e.places_of_birth[0].city, "Homs");
  EXPECT_EQ(e.places_of_birth[0].country_code, "SY");
}

TEST(EuXmlTest, PrimaryNameAndKinds) {
  // The first alias is in Arabic and the second weak: the strong English one is primary.
  Result<ParsedList> r = ParseEuXml(
      "<export><sanctionEntity logicalId=\"7\">"
      "<nameAlias wholeName=\"محمد\" nameLanguage=\"AR\" strong=\"true\"/>"
      "<nameAlias wholeName=\"Abu M\" strong=\"false\"/>"
      "<nameAlias wholeName=\"Muhammad Ali\" nameLanguage=\"FR\" strong=\"true\"/>"
      "<nameAlias wholeName=\"Mohammed Ali\" nameLanguage=\"EN\" strong=\"true\"/>"
      "<nameAlias wholeName=\"Abu M\" strong=\"true\"/>"
      "<nameAlias firstName=\"Mo\" lastName=\"Ali\" wholeName=\"\" nameLanguage=\"EN\"/>"
      "</sanctionEntity></export>",
      "eu.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Entity& e = r->entities[0];
  EXPECT_EQ(e.kind, model::EntityKind::kUnknown);  // no subjectType
  ASSERT_EQ(e.names.size(), 5u);
  EXPECT_EQ(e.names[0].full, "Mohammed Ali");
  EXPECT_EQ(e.names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e.names[1].full, "محمد");
  EXPECT_EQ(e.names[1].kind, NameKind::kOriginalScript);
  EXPECT_EQ(e.names[2].full, "Abu M");
  EXPECT_EQ(e.names[2].kind, NameKind::kGoodAlias);  // repeated as strong: the stronger kind
  EXPECT_EQ(e.names[3].full, "Muhammad Ali");
  EXPECT_EQ(e.names[3].note, "language: FR");
  EXPECT_EQ(e.names[4].full, "Mo Ali");  // built from its parts
  ASSERT_EQ(e.names[4].parts.size(), 2u);

  // Only non-Latin names: the first is primary.
  r = ParseEuXml(
      "<export><sanctionEntity logicalId=\"8\"><nameAlias wholeName=\"Иван\"/>"
      "<nameAlias wholeName=\"Іван\"/></sanctionEntity></export>",
      "eu.xml");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->entities[0].names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(r->entities[0].names[1].kind, NameKind::kOriginalScript);

  // No alias at all: kept, without names, as the UN parser keeps such records.
  r = ParseEuXml("<export><sanctionEntity logicalId=\"9\"/></export>", "eu.xml");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->entities[0].names.empty());
}

TEST(EuXmlTest, NamespacePrefixAndEmptyList) {
  Result<ParsedList> r = ParseEuXml(
      "<fsd:export xmlns:fsd=\"http://eu.europa.ec/fpi/fsd/export\" generationDate=\"2026-01-01\">"
      "<fsd:sanctionEntity logicalId=\"3\"><fsd:subjectType code=\"enterprise\"/>"
      "<fsd:nameAlias wholeName=\"ACME\"/></fsd:sanctionEntity></fsd:export>",
      "eu.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].kind, model::EntityKind::kOrganization);
  EXPECT_EQ(r->entities[0].names[0].full, "ACME");
  r = ParseEuXml("<export/>", "eu.xml");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->entities.empty());
}

TEST(EuXmlTest, ErrorsNameFileLineElementAndRecord) {
  struct Case {
    const char* name;
    std::string xml;
    const char* want;
  } cases[] = {
      {"bad xml", "<export>\n<sanctionEntity logicalId=\"1\">\n<nameAlias wholeName=\"A\"\n",
       "eu.xml, line 3: malformed XML: "},
      {"empty", "", "eu.xml, line 1: malformed XML: "},
      {"wrong root", "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST/>\n",
       "eu.xml, line 2: root element is <CONSOLIDATED_LIST>, expected <export>"},
      {"no logicalId",
       "<export>\n<sanctionEntity logicalId=\"1\"/>\n\n<sanctionEntity/>\n</export>",
       "eu.xml, line 4: <sanctionEntity> without logicalId"},
      {"repeated logicalId",
       "<export>\n<sanctionEntity logicalId=\"1\"/>\n<sanctionEntity logicalId=\"1\"/>\n</export>",
       "eu.xml, line 3: <sanctionEntity> with logicalId 1 already used on line 2"},
      {"bad birthdate", Export("<birthdate birthdate=\"1999-13-45\"/>"),
       "eu.xml, line 5: attribute birthdate of <birthdate> in record 1: invalid date "
       "\"1999-13-45\""},
      {"31 February", Export("<birthdate year=\"1970\" monthOfYear=\"2\" dayOfMonth=\"31\"/>"),
       "eu.xml, line 5: attribute year of <birthdate> in record 1: invalid date (year 1970, "
       "month 2, day 31)"},
      {"year not a number", Export("<birthdate year=\"19x0\"/>"),
       "eu.xml, line 5: attribute year of <birthdate> in record 1: not a number: \"19x0\""},
      {"short year", Export("<birthdate yearRangeFrom=\"196\"/>"),
       "eu.xml, line 5: attribute yearRangeFrom of <birthdate> in record 1: invalid year "
       "\"196\""},
      {"reversed range", Export("<birthdate yearRangeFrom=\"1970\" yearRangeTo=\"1960\"/>"),
       "eu.xml, line 5: attribute yearRangeTo of <birthdate> in record 1: range ends (1960) "
       "before it starts (1970)"},
      {"bad publicationDate", Export("<regulation publicationDate=\"2003-02-30\"/>"),
       "eu.xml, line 5: attribute publicationDate of <regulation> in record 1: invalid date "
       "\"2003-02-30\""},
      {"bad designationDate",
       "<export>\n<sanctionEntity logicalId=\"4\" designationDate=\"2001-02-30\"/>\n</export>",
       "eu.xml, line 2: attribute designationDate of <sanctionEntity> in record 4: invalid date"},
      {"bad issuedDate", Export("<identification number=\"1\" issuedDate=\"yesterday\"/>"),
       "eu.xml, line 5: attribute issuedDate of <identification> in record 1: invalid date "
       "\"yesterday\""},
      {"bad validTo", Export("<identification number=\"1\" validTo=\"2020-00-01\"/>"),
       "eu.xml, line 5: attribute validTo of <identification> in record 1: invalid date"},
      {"unknown subject type",
       "<export>\n<sanctionEntity logicalId=\"5\">\n<subjectType code=\"planet\"/>\n"
       "</sanctionEntity>\n</export>",
       "eu.xml, line 3: attribute code of <subjectType> in record 5: unknown subject type "
       "\"planet\""},
      {"invalid UTF-8",
       "<export>\n<sanctionEntity logicalId=\"1\">\n<nameAlias wholeName=\"\xC3\x28\"/>",
       "eu.xml, line 3: invalid UTF-8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<ParsedList> r = ParseEuXml(c.xml, "eu.xml");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
    EXPECT_NE(r.status().message().find(c.want), std::string::npos) << r.status().message();
  }
}

TEST(EuXmlTest, LineNumbersCountCrLfLines) {
  std::string xml = Export("<birthdate birthdate=\"1999-02-29\"/>");
  std::string crlf;
  for (char c : xml) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Result<ParsedList> r = ParseEuXml(crlf, "crlf.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("crlf.xml, line 5: attribute birthdate"), std::string::npos)
      << r.status().message();
}

TEST(EuXmlTest, ErrorInTheFixtureNamesItsLine) {
  std::string xml = ReadFile(kFixture);
  const std::string needle = "birthdate=\"1975-08-11\"";
  const size_t at = xml.find(needle);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, needle.size(), "birthdate=\"1975-08-32\"");
  const size_t line =
      static_cast<size_t>(std::count(xml.begin(), xml.begin() + static_cast<ptrdiff_t>(at), '\n')) +
      1;
  Result<ParsedList> r = ParseEuXml(xml, "eu.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("eu.xml, line " + std::to_string(line) +
                                      ": attribute birthdate of <birthdate> in record 8801"),
            std::string::npos)
      << r.status().message();
}

TEST(EuXmlTest, NeverCrashesOnTruncatedOrMangledInput) {
  const std::string xml = ReadFile(kFixture);
  for (size_t n = 0; n <= xml.size(); n += 7) {
    Result<ParsedList> r = ParseEuXml(std::string_view(xml).substr(0, n), "cut.xml");
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
    }
  }
  const std::string small = Export(
      "<birthdate year=\"1971\" yearRangeFrom=\"1970\" yearRangeTo=\"1972\" circa=\"true\"/>"
      "<identification number=\"X1\" latinNumber=\"X1\" issuedDate=\"2001-01-01\"/>"
      "<address city=\"A\" countryIso2Code=\"IQ\"/><citizenship countryIso2Code=\"IQ\"/>");
  for (size_t i = 0; i < small.size(); ++i) {
    for (char c : {'\0', '<', '>', '&', '"', '\xff', '0', 'x'}) {
      std::string m = small;
      m[i] = c;
      Result<ParsedList> r = ParseEuXml(m, "mangled.xml");
      if (!r.ok()) {
        EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
      }
    }
  }
}

}  // namespace
}  // namespace hudud::lists
