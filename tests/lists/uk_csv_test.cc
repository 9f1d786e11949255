// Pins ParseUkCsv (lists/uk_csv.cc, with the shared row builder in
// lists/uk_record.cc). The fixtures tests/data/lists/uk-sanctions-list-sample.csv
// (FCDO UK Sanctions List) and uk-conlist-sample.csv (legacy OFSI ConList) were
// written for hudud from the published column lists of those files; no sample
// of the real files was at hand (tests/data/lists/README.md). Every record is
// pinned in every field; columns are found by name; dates, multi-value cells
// and name types are tried in every form; malformed input is an error naming
// the file, the line, the column and the record.
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

using model::DateOfBirth;
using model::Entity;
using model::NameKind;
using testing::EntityText;

const char kFcdo[] = HUDUD_TESTDATA_DIR "/lists/uk-sanctions-list-sample.csv";
const char kConList[] = HUDUD_TESTDATA_DIR "/lists/uk-conlist-sample.csv";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A small FCDO-style file: the header, then `rows` (each a CSV line).
std::string Fcdo(const std::vector<std::string>& rows,
                 const std::string& header =
                     "Unique ID,Name 6,Name 1,Name Type,Alias Strength,"
                     "Entity Type,D.O.B.,Nationality(/ies),Date Designated") {
  std::string out = "Report Date: 01-Jan-2026\n" + header + "\n";
  for (const std::string& r : rows) out += r + "\n";
  return out;
}

std::vector<Entity> Parse(const std::string& csv) {
  Result<ParsedList> r = ParseUkCsv(csv, "uk.csv");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r->entities : std::vector<Entity>{};
}

void ExpectFixture(const char* path, const char* generated_at,
                   const std::vector<std::pair<const char*, const char*>>& want) {
  Result<ParsedList> r = ReadListFile(path, "auto");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, "uk-csv");
  EXPECT_EQ(r->list_id, "uk");
  EXPECT_EQ(r->generated_at, generated_at);
  EXPECT_EQ(DetectListFormat(ReadFile(path), path), "uk-csv");
  ASSERT_EQ(r->entities.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(r->entities[i].id, want[i].first);
    EXPECT_EQ(EntityText(r->entities[i]), want[i].second);
  }
}

// One row per name, several names per Unique ID; every field of every record.
TEST(UkCsvTest, FcdoFixtureIsDetectedAndReadWhole) {
  ExpectFixture(
      kFcdo, "10-Mar-2026",
      {
          {"uk:AQD0104",
           "id: uk:AQD0104\n"
           "list: uk\n"
           "source_id: AQD0104\n"
           "reference: QDi.006\n"
           "kind: person\n"
           "name: primary \"Ayman Muhammad Rabi AL-ZAWAHIRI\" given=Ayman other=Muhammad "
           "other=Rabi family=AL-ZAWAHIRI\n"
           "name: original-script \"أيمن محمد ربيع الظواهري\" (Arabic, Arabic)\n"
           "name: good-alias \"Ayman AL-ZAWAHARI\" given=Ayman family=AL-ZAWAHARI (primary name "
           "variation)\n"
           "name: good-alias \"Aiman Muhammad AL-ZAWAHIRI\" given=Aiman other=Muhammad "
           "family=AL-ZAWAHIRI\n"
           "name: low-alias \"Abu Fatima\" given=Abu Fatima\n"
           "name: low-alias \"Abu Muhammad\" given=Abu Muhammad\n"
           "dob: exact 1951-06-19\n"
           "pob: city=Giza | country=Egypt | code=EG\n"
           "nationality: Egypt [EG]\n"
           "gender: male\n"
           "document: Passport \"1084010\" Egyptian [EG] (Egyptian passport)\n"
           "document: Passport \"19820215\" Egyptian [EG] (Egyptian passport, issued in Cairo)\n"
           "address: street=Border region | city=Khost | country=Afghanistan | code=AF\n"
           "title: Dr\n"
           "designation: Leader of Al-Qaida\n"
           "program: ISIL (Da'esh) and Al-Qaida\n"
           "list_type: ISIL (Da'esh) and Al-Qaida\n"
           "listed_on: 2001-01-25\n"
           "last_updated: 2026-02-01\n"
           "comments: Leader of Al-Qaida.\n"
           "UN listing date 25/01/2001, amended 2010, 2020.\n"
           "Designation source: UN\n"
           "Sanctions imposed: Asset freeze; Arms embargo; Travel ban\n"
           "OFSI Group ID: 6896\n"},
          {"uk:RUS1234",
           "id: uk:RUS1234\n"
           "list: uk\n"
           "source_id: RUS1234\n"
           "kind: person\n"
           "name: primary \"Igor Ivanovich PETROV\" given=Igor other=Ivanovich family=PETROV\n"
           "name: original-script \"Игорь Иванович ПЕТРОВ\" (Cyrillic, Russian)\n"
           "name: good-alias \"Igor Ivanovich PIETROV\" given=Igor other=Ivanovich family=PIETROV "
           "(primary name variation)\n"
           "dob: exact 1968\n"
           "dob: exact 1969-02-01\n"
           "pob: city=Leningrad | country=Russia | code=RU\n"
           "nationality: Russia [RU]\n"
           "gender: male\n"
           "document: Passport \"721234567\" Russian Federation [RU] (Russian Federation passport, "
           "issued 20/01/2015)\n"
           "document: National Identification Number \"4509123456\" Russian [RU] (Russian internal "
           "passport)\n"
           "address: street=Okhotny Ryad 1 | city=Moscow | zip=103265 | country=Russia | code=RU\n"
           "address: street=Rublyovskoye Shosse 10, Barvikha | city=Moscow | zip=143083 | "
           "country=Russia | code=RU\n"
           "designation: Member of the State Duma\n"
           "program: Russia\n"
           "list_type: Russia\n"
           "listed_on: 2022-03-15\n"
           "last_updated: 2025-03-15\n"
           "comments: UK Statement of Reasons: Igor Ivanovich PETROV is a member of the State Duma "
           "who voted in favour of the \"treaties\" of friendship with the so-called republics, "
           "and so supported policies that destabilise Ukraine.\n"
           "Designation source: UK\n"
           "Sanctions imposed: Asset freeze; Trust services sanctions; Travel Ban\n"
           "OFSI Group ID: 15000\n"},
          {"uk:RUS2001",
           "id: uk:RUS2001\n"
           "list: uk\n"
           "source_id: RUS2001\n"
           "kind: organization\n"
           "name: primary \"NORDSTAR TRADING LLC\" whole=NORDSTAR TRADING LLC\n"
           "name: original-script \"ООО НОРДСТАР ТРЕЙДИНГ\" (Cyrillic, Russian)\n"
           "name: good-alias \"OOO NORDSTAR TREIDING\" whole=OOO NORDSTAR TREIDING\n"
           "document: Business Registration Number \"1187746123456\"\n"
           "address: street=Presnenskaya Naberezhnaya 12, Floor 45 | city=Moscow | zip=123317 | "
           "country=Russia | code=RU\n"
           "program: Russia\n"
           "list_type: Russia\n"
           "listed_on: 2023-02-24\n"
           "last_updated: 2024-05-02\n"
           "comments: UK Statement of Reasons: NORDSTAR TRADING LLC is involved in obtaining a "
           "benefit from or supporting the Government of Russia by carrying on business in a "
           "sector of strategic significance.\n"
           "Designation source: UK\n"
           "Sanctions imposed: Asset freeze\n"
           "OFSI Group ID: 15100\n"
           "Type of entity: Limited Liability Company\n"
           "Parent company: Nordstar Holding JSC\n"
           "Subsidiaries: Nordstar Shipping LLC; Nordstar Marine Ltd\n"
           "Phone: +7 495 123 45 67\n"
           "Email: info@nordstar-trading.example\n"
           "Website: www.nordstar-trading.example\n"},
          {"uk:RUS5678",
           "id: uk:RUS5678\n"
           "list: uk\n"
           "source_id: RUS5678\n"
           "kind: vessel\n"
           "name: primary \"SUN FLOWER\" whole=SUN FLOWER\n"
           "name: good-alias \"SUNFLOWER I\" whole=SUNFLOWER I\n"
           "document: IMO \"9187629\"\n"
           "program: Russia\n"
           "list_type: Russia\n"
           "listed_on: 2024-06-20\n"
           "last_updated: 2024-06-20\n"
           "comments: UK Statement of Reasons: The SUN FLOWER has been involved in the carriage of "
           "Russian crude oil.\n"
           "Designation source: UK\n"
           "Sanctions imposed: Specified ship\n"
           "OFSI Group ID: 15500\n"
           "Current owner/operator: Nordstar Shipping LLC\n"
           "Previous owner/operator: Ocean Star Marine Inc\n"
           "Current believed flag: Cameroon\n"
           "Previous flags: Panama; Liberia\n"
           "Type of ship: Crude oil tanker\n"
           "Tonnage: 81,479\n"
           "Length: 274\n"
           "Year built: 2000\n"},
      });
}

// The legacy ConList: "Last Updated,<date>" before the header, grouped by Group ID.
TEST(UkCsvTest, ConListFixtureIsDetectedAndReadWhole) {
  ExpectFixture(
      kConList, "04/06/2024",
      {
          {"uk:9040",
           "id: uk:9040\n"
           "list: uk\n"
           "source_id: 9040\n"
           "kind: person\n"
           "name: primary \"Sirajuddin Jallaloudine HAQQANI\" given=Sirajuddin other=Jallaloudine "
           "family=HAQQANI\n"
           "name: original-script \"سراج الدین حقانی\" (Arabic, Pashto)\n"
           "name: good-alias \"Siraj HAQQANI\" given=Siraj family=HAQQANI\n"
           "name: low-alias \"Khalifa\" given=Khalifa\n"
           "dob: exact 1977\n"
           "dob: exact 1978\n"
           "pob: city=Danda, Miramshah, North Waziristan | country=Pakistan | code=PK\n"
           "nationality: Afghan [AF]\n"
           "address: street=Kela Neighbourhood | city=Miramshah | country=Pakistan | code=PK\n"
           "title: Maulavi\n"
           "designation: Na'ib Amir (Deputy Commander)\n"
           "program: Afghanistan\n"
           "list_type: Afghanistan\n"
           "listed_on: 2007-03-13\n"
           "last_updated: 2024-06-04\n"
           "comments: Son of Jalaluddin Haqqani.\n"
           "Leads the Haqqani Network.\n"},
          {"uk:6923",
           "id: uk:6923\n"
           "list: uk\n"
           "source_id: 6923\n"
           "kind: organization\n"
           "name: primary \"AL-RASHID TRUST\" whole=AL-RASHID TRUST\n"
           "name: original-script \"مؤسسة الرشيد\" (Arabic, Arabic)\n"
           "name: good-alias \"AL RASHEED TRUST\" whole=AL RASHEED TRUST\n"
           "name: good-alias \"AL-RASHEED TRUST\" whole=AL-RASHEED TRUST (primary name variation)\n"
           "address: street=Kitab Ghar, Darul Ifta Wal Irshad, Nazimabad No. 4 | city=Karachi | "
           "country=Pakistan | code=PK\n"
           "address: street=Jamia Maajid, Sulalman Park, Melgium Pura | city=Lahore | "
           "country=Pakistan | code=PK\n"
           "program: ISIL (Da'esh) and Al-Qaida\n"
           "list_type: ISIL (Da'esh) and Al-Qaida\n"
           "listed_on: 2001-10-06\n"
           "last_updated: 2023-02-01\n"
           "comments: Headquarters in Pakistan. Operations in Afghanistan.\n"},
          {"uk:13400",
           "id: uk:13400\n"
           "list: uk\n"
           "source_id: 13400\n"
           "kind: person\n"
           "name: primary \"Chol Su PAK\" given=Chol Su family=PAK\n"
           "name: original-script \"박철수\" (Hangul, Korean)\n"
           "name: good-alias \"Chol-su PAK\" given=Chol-su family=PAK\n"
           "dob: exact 1965-08-15\n"
           "nationality: Korea, North [KP]\n"
           "document: Passport \"745310010\" North Korean [KP] (North Korean passport, expires "
           "2020)\n"
           "document: Passport \"836410051\" DPRK [KP] (DPRK diplomatic passport)\n"
           "address: street=Office 12, Building 3 | city=Damascus | country=Syria | code=SY\n"
           "designation: Representative of Korea Mining Development Trading Corporation\n"
           "program: Democratic People's Republic of Korea\n"
           "list_type: Democratic People's Republic of Korea\n"
           "listed_on: 2016-06-02\n"
           "last_updated: 2022-02-10\n"},
      });
}

TEST(UkCsvTest, ColumnsAreFoundByNameNotPosition) {
  const std::string a = Fcdo({"X1,DOE,John,Primary Name,,Individual,01/02/1970,Iraq,03/04/2020",
                              "X1,DOE,Johnny,Alias,Low quality,Individual,01/02/1970,Iraq,"
                              "03/04/2020"});
  // The same rows with the columns in another order, a column hudud does not
  // know, another spelling of the type column and no Name 1..5 for the alias.
  const std::string b =
      "Report Date: 01-Jan-2026\n"
      "Nationality(/ies),Something New,Date Designated,D.O.B.,Alias Strength,Designation Type,"
      "Name Type,Name 1,Name 6,Unique ID\n"
      "Iraq,x,03/04/2020,01/02/1970,,Individual,Primary Name,John,DOE,X1\n"
      "Iraq,y,03/04/2020,01/02/1970,Low quality,Individual,Alias,Johnny,DOE,X1\n";
  std::vector<Entity> ea = Parse(a), eb = Parse(b);
  ASSERT_EQ(ea.size(), 1u);
  ASSERT_EQ(eb.size(), 1u);
  EXPECT_EQ(EntityText(ea[0]), EntityText(eb[0]));
  EXPECT_EQ(EntityText(ea[0]),
            "id: uk:X1\nlist: uk\nsource_id: X1\nkind: person\n"
            "name: primary \"John DOE\" given=John family=DOE\n"
            "name: low-alias \"Johnny DOE\" given=Johnny family=DOE\n"
            "dob: exact 1970-02-01\nnationality: Iraq [IQ]\nlisted_on: 2020-04-03\n");
  // A header in upper case with extra spaces is the same header.
  const std::string c = "UNIQUE  ID , NAME 6 ,Name type\nX2,ACME,Primary Name\n";
  std::vector<Entity> ec = Parse(c);
  ASSERT_EQ(ec.size(), 1u);
  EXPECT_EQ(ec[0].names[0].full, "ACME");
}

TEST(UkCsvTest, RowsAreGroupedByIdInOrderOfFirstAppearance) {
  std::vector<Entity> es =
      Parse(Fcdo({"B,BEE,Bob,Primary Name,,Individual,,,", "A,AY,Ann,Primary Name,,Individual,,,",
                  "B,BEE,Bobby,Alias,Good quality,Individual,,,", "",
                  ",,,,,,,,",  // blank and empty rows are skipped
                  "A,AY,Anne,Alias,,Individual,,,"}));
  ASSERT_EQ(es.size(), 2u);
  EXPECT_EQ(es[0].id, "uk:B");
  EXPECT_EQ(es[0].names.size(), 2u);
  EXPECT_EQ(es[0].names[1].full, "Bobby BEE");
  EXPECT_EQ(es[1].id, "uk:A");
  EXPECT_EQ(es[1].names[1].full, "Anne AY");
  EXPECT_EQ(es[1].names[1].kind, NameKind::kGoodAlias);  // no strength: good
}

TEST(UkCsvTest, DatesOfBirthInEveryForm) {
  struct Case {
    const char* cell;
    std::vector<std::string> want;  // DateOfBirth::ToString() of each, in order
    DateOfBirth::Kind kind;         // of the first
  } cases[] = {
      {"19/06/1951", {"1951-06-19"}, DateOfBirth::Kind::kExact},
      {"00/00/1970", {"1970"}, DateOfBirth::Kind::kExact},
      {"00/05/1970", {"1970-05"}, DateOfBirth::Kind::kExact},
      {"1970", {"1970"}, DateOfBirth::Kind::kExact},
      {"1970-05-03", {"1970-05-03"}, DateOfBirth::Kind::kExact},
      {"1970-05-03T00:00:00", {"1970-05-03"}, DateOfBirth::Kind::kExact},
      {"03.05.1970", {"1970-05-03"}, DateOfBirth::Kind::kExact},
      {"circa 1970", {"circa 1970"}, DateOfBirth::Kind::kApproximate},
      {"c. 00/00/1970", {"circa 1970"}, DateOfBirth::Kind::kApproximate},
      {"Approximately 1970", {"circa 1970"}, DateOfBirth::Kind::kApproximate},
      {"1968-1970", {"1968..1970"}, DateOfBirth::Kind::kBetween},
      {"1968 to 1970", {"1968..1970"}, DateOfBirth::Kind::kBetween},
      {"between 1968 and 1970", {"1968..1970"}, DateOfBirth::Kind::kBetween},
      {"01/01/1968 - 31/12/1970", {"1968-01-01..1970-12-31"}, DateOfBirth::Kind::kBetween},
      {"00/00/1968|01/02/1969", {"1968", "1969-02-01"}, DateOfBirth::Kind::kExact},
      {"00/00/1968; 01/02/1969", {"1968", "1969-02-01"}, DateOfBirth::Kind::kExact},
      {"\"00/00/1968, 01/02/1969\"", {"1968", "1969-02-01"}, DateOfBirth::Kind::kExact},
      {"\"00/00/1968\n01/02/1969\"", {"1968", "1969-02-01"}, DateOfBirth::Kind::kExact},
      {"(1) 00/00/1968 (2) 01/02/1969", {"1968", "1969-02-01"}, DateOfBirth::Kind::kExact},
      {"1970|1970|00/00/1970", {"1970"}, DateOfBirth::Kind::kExact},  // kept once
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.cell);
    std::vector<Entity> es =
        Parse(Fcdo({std::string("X,DOE,John,Primary Name,,Individual,") + c.cell + ",,"}));
    ASSERT_EQ(es.size(), 1u);
    std::vector<std::string> got;
    for (const DateOfBirth& d : es[0].dates_of_birth) got.push_back(d.ToString());
    EXPECT_EQ(got, c.want);
    if (!es[0].dates_of_birth.empty()) {
      EXPECT_EQ(es[0].dates_of_birth[0].kind, c.kind);
    }
  }
}

TEST(UkCsvTest, SeveralValuesInOneCell) {
  const std::string header =
      "Unique ID,Name 6,Name Type,Nationality(/ies),Passport Number,"
      "Passport Additional Information,Position,Title,Town of Birth,Country of Birth";
  std::vector<Entity> es = Parse(Fcdo(
      {"X,DOE,Primary Name,\"(1) Afghan (2) Pakistani\",\"(1) A1 (2) B2\","
       "\"(1) Afghan passport (2) Issued in Pakistan, expired 2010\",Minister|Governor,Mullah;Haji,"
       "Kabul,Afghanistan",
       "X,DOE,Alias,\"Korea, North\",A1,Afghan passport,,,,", "X,DOE,Alias,\"Iraq, Syria\",,,,,,",
       "X,DOE,Alias,Iraq/Jordan,C3,\"Issued 2001; expired 2006\",,,,"},
      header));
  ASSERT_EQ(es.size(), 1u);
  const Entity& e = es[0];
  std::vector<std::string> nats;
  for (const model::Nationality& n : e.nationalities) nats.push_back(n.text + "=" + n.country_code);
  EXPECT_EQ(nats, (std::vector<std::string>{"Afghan=AF", "Pakistani=PK", "Korea, North=KP",
                                            "Iraq=IQ", "Syria=SY", "Jordan=JO"}));
  ASSERT_EQ(e.documents.size(), 3u);
  EXPECT_EQ(e.documents[0].number, "A1");
  EXPECT_EQ(e.documents[0].note, "Afghan passport");
  EXPECT_EQ(e.documents[0].country_code, "AF");
  EXPECT_EQ(e.documents[1].number, "B2");
  EXPECT_EQ(e.documents[1].note, "Issued in Pakistan, expired 2010");
  EXPECT_EQ(e.documents[1].issuing_country, "Pakistan");
  EXPECT_EQ(e.documents[1].country_code, "PK");
  // One number with details that contain a separator keeps them whole.
  EXPECT_EQ(e.documents[2].number, "C3");
  EXPECT_EQ(e.documents[2].note, "Issued 2001; expired 2006");
  EXPECT_EQ(e.documents[2].country_code, "");
  EXPECT_EQ(e.designations, (std::vector<std::string>{"Minister", "Governor"}));
  EXPECT_EQ(e.titles, (std::vector<std::string>{"Mullah", "Haji"}));
  ASSERT_EQ(e.places_of_birth.size(), 1u);
  EXPECT_EQ(e.places_of_birth[0].country_code, "AF");
}

TEST(UkCsvTest, NameTypesAndStrengths) {
  const std::string header = "Group ID,Name 6,Name 1,Alias Type,Alias Quality,Group Type";
  std::vector<Entity> es =
      Parse(Fcdo({"7,SMITH,Jo,AKA,Good quality,Individual", "7,SMITH,John,Primary name,,Individual",
                  "7,SMYTH,John,Primary name variation,,Individual",
                  "7,SMITH,Joe,AKA,Low quality,Individual", "7,SMITHE,J,FKA,,Individual",
                  "7,SMITH,John,AKA,Low quality,Individual",  // repeat
                  "7,SMITH,Jo,AKA,Low quality,Individual",    // weaker repeat
                  "7,SMITT,Jon,Primary name,,Individual"},    // second primary
                 header));
  ASSERT_EQ(es.size(), 1u);
  std::vector<std::string> got;
  for (const model::Name& n : es[0].names) {
    got.push_back(std::string(model::ToString(n.kind)) + " " + n.full);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"primary John SMITH", "good-alias Jo SMITH",
                                           "good-alias John SMYTH", "low-alias Joe SMITH",
                                           "former J SMITHE", "good-alias Jon SMITT"}));
  EXPECT_EQ(es[0].names[2].note, "primary name variation");

  // Without a "Primary name" row the first good alias stands in.
  es = Parse(Fcdo({"8,LOW,A,AKA,Low quality,Entity", "8,CORP,B,AKA,,Entity"}, header));
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].names[0].full, "B CORP");
  EXPECT_EQ(es[0].names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(es[0].names[0].parts[0].role, model::NamePartRole::kOther);  // an entity, two parts
  EXPECT_EQ(es[0].kind, model::EntityKind::kOrganization);
}

TEST(UkCsvTest, ErrorsNameFileLineColumnAndRecord) {
  struct Case {
    const char* name;
    std::string csv;
    const char* want;
  } cases[] = {
      {"empty Unique ID", Fcdo({"A,DOE,John,Primary Name,,Individual,,,", ",DOE,J,Alias,,,,,"}),
       "uk.csv, line 4: \"Unique ID\" is empty"},
      {"empty Group ID", "Last Updated,01/01/2020\nName 6,Group ID\nDOE,1\nDOE, \n",
       "uk.csv, line 4: \"Group ID\" is empty"},
      {"no id column", "Report Date: x\nName 6,Name 1\nDOE,John\n",
       "uk.csv, line 2: the header has no \"Unique ID\" (or \"Group ID\") column"},
      {"no Name 6 column", "Unique ID,Name 1\nA,John\n",
       "uk.csv, line 1: the header has no \"Name 6\" column"},
      {"neither", "Name 1,Unique ID2\n",
       "uk.csv, line 1: the header has no \"Unique ID\" (or \"Group ID\") column and no \"Name 6\" "
       "column"},
      {"no header at all", "a,b\nc,d\n", "uk.csv: no header row with \"Unique ID\""},
      {"empty file", "", "uk.csv: no header row"},
      {"bad DOB", Fcdo({"A,DOE,John,Primary Name,,Individual,31/02/1970,,"}),
       "uk.csv, line 3: field \"D.O.B.\" of record A: invalid date of birth \"31/02/1970\""},
      {"bad DOB among several", Fcdo({"A,DOE,John,Primary Name,,Individual,00/00/1970|1970-13,,"}),
       "uk.csv, line 3: field \"D.O.B.\" of record A: invalid date of birth \"1970-13\""},
      {"day without month", Fcdo({"A,DOE,John,Primary Name,,Individual,12/00/1970,,"}),
       "invalid date of birth \"12/00/1970\""},
      {"reversed range", Fcdo({"A,DOE,John,Primary Name,,Individual,1970-1960,,"}),
       "uk.csv, line 3: field \"D.O.B.\" of record A: range \"1970-1960\" ends (1960) before it "
       "starts (1970)"},
      {"bad Date Designated", Fcdo({"A,DOE,John,Primary Name,,Individual,,,2020-02-30"}),
       "uk.csv, line 3: field \"Date Designated\" of record A: invalid date \"2020-02-30\""},
      {"bad Last Updated", "Unique ID,Name 6,Last Updated\nA,DOE,soon\n",
       "uk.csv, line 2: field \"Last Updated\" of record A: invalid date \"soon\""},
      {"unknown name type", Fcdo({"A,DOE,John,Nickname,,Individual,,,"}),
       "uk.csv, line 3: field \"Name Type\" of record A: unknown name type \"Nickname\""},
      {"unknown strength", Fcdo({"A,DOE,John,Alias,Medium,Individual,,,"}),
       "uk.csv, line 3: field \"Alias Strength\" of record A: unknown alias strength \"Medium\""},
      {"unknown type", Fcdo({"A,DOE,John,Primary Name,,Aircraft,,,"}),
       "uk.csv, line 3: field \"Entity Type\" of record A: unknown designation type \"Aircraft\""},
      {"changing type",
       Fcdo({"A,DOE,John,Primary Name,,Individual,,,", "A,DOE CORP,,Alias,,Entity,,,"}),
       "uk.csv, line 4: field \"Entity Type\" of record A: \"Entity\", but the record is "
       "\"Individual\" at uk.csv, line 3"},
      {"short row", Fcdo({"A,DOE,John,Primary Name,,Individual,,"}),
       "uk.csv, line 3: 8 fields, but the header on line 2 has 9"},
      {"long row", Fcdo({"A,DOE,John,Primary Name,,Individual,,,,extra"}),
       "uk.csv, line 3: 10 fields, but the header on line 2 has 9"},
      {"unterminated quote", Fcdo({"A,DOE,\"John,Primary Name,,Individual,,,"}), "uk.csv, line 3"},
      {"invalid UTF-8", Fcdo({"A,DO\xC3\x28,John,Primary Name,,Individual,,,"}), "uk.csv, line 3"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<ParsedList> r = ParseUkCsv(c.csv, "uk.csv");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find(c.want), std::string::npos) << r.status().message();
  }
  // Trailing empty fields beyond the header are not an error.
  EXPECT_EQ(Parse(Fcdo({"A,DOE,John,Primary Name,,Individual,,,,,"})).size(), 1u);
}

TEST(UkCsvTest, ErrorInTheFixtureNamesItsLine) {
  std::string csv = ReadFile(kConList);
  const std::string needle = "00/00/1978";
  const size_t at = csv.find(needle);
  ASSERT_NE(at, std::string::npos);
  csv.replace(at, needle.size(), "00/00/19x8");
  const size_t line =
      static_cast<size_t>(std::count(csv.begin(), csv.begin() + static_cast<ptrdiff_t>(at), '\n')) +
      1;
  Result<ParsedList> r = ParseUkCsv(csv, "conlist.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("conlist.csv, line " + std::to_string(line) +
                                      ": field \"DOB\" of record 9040"),
            std::string::npos)
      << r.status().message();
}

TEST(UkCsvTest, NeverCrashesOnTruncatedOrMangledInput) {
  const std::string csv = ReadFile(kFcdo);
  for (size_t n = 0; n <= csv.size(); n += 5) {
    Result<ParsedList> r = ParseUkCsv(std::string_view(csv).substr(0, n), "cut.csv");
    (void)r;
  }
  const std::string small =
      Fcdo({"A,DOE,John,Primary Name,,Individual,\"(1) 1970 (2) circa "
            "1971\",\"Iraq, Syria\",01/02/2003"});
  for (size_t i = 0; i < small.size(); ++i) {
    for (char c : {'\0', ',', '"', '\n', '\xff', '0', '(', '|'}) {
      std::string m = small;
      m[i] = c;
      Result<ParsedList> r = ParseUkCsv(m, "mangled.csv");
      (void)r;
    }
  }
}

}  // namespace
}  // namespace hudud::lists
