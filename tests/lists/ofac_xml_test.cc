// Pins ParseOfacXml (lists/ofac_xml.cc) on two fixtures written for hudud
// from OFAC's published schemas, since no real copy was at hand
// (tests/data/lists/ofac-sdn-sample.xml from sdn.xsd, and
// ofac-sdn-advanced-sample.xml from the Advanced XML schema). Their
// parties mirror real records of the vendored CSV set, so the test holds
// each form to what ParseOfacCsv gives for the same record; malformed
// input is an error naming the line.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lists/list_file.h"

namespace hudud::lists {
namespace {

using model::DateOfBirth;
using model::Entity;
using model::EntityKind;
using model::NameKind;

const char kClassic[] = HUDUD_TESTDATA_DIR "/lists/ofac-sdn-sample.xml";
const char kAdvanced[] = HUDUD_TESTDATA_DIR "/lists/ofac-sdn-advanced-sample.xml";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, Entity> ById(const ParsedList& l) {
  std::map<std::string, Entity> out;
  for (const Entity& e : l.entities) out[e.id] = e;
  return out;
}

const std::map<std::string, Entity>& Csv() {
  static const std::map<std::string, Entity> csv = [] {
    Result<ParsedList> r = ReadListFile(HUDUD_DATA_DIR "/lists/ofac-2025/sdn.csv", "auto");
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? ById(*r) : std::map<std::string, Entity>{};
  }();
  return csv;
}

std::set<std::pair<std::string, NameKind>> Names(const Entity& e) {
  std::set<std::pair<std::string, NameKind>> out;
  for (const model::Name& n : e.names) out.insert({n.full, n.kind});
  return out;
}

std::set<std::string> Documents(const Entity& e) {
  std::set<std::string> out;
  for (const model::Document& d : e.documents) {
    out.insert(d.type + "|" + d.number + "|" + d.country_code);
  }
  return out;
}

std::vector<std::string> Dates(const Entity& e) {
  std::vector<std::string> out;
  for (const DateOfBirth& d : e.dates_of_birth) out.push_back(d.ToString());
  return out;
}

std::set<std::string> Nationalities(const Entity& e) {
  std::set<std::string> out;
  for (const model::Nationality& n : e.nationalities) out.insert(n.country_code);
  return out;
}

template <typename T>
bool Subset(const std::set<T>& a, const std::set<T>& b) {
  for (const T& x : a) {
    if (!b.count(x)) return false;
  }
  return true;
}

// What both forms must agree on for one record; `whole` when the fixture
// carries all of the record's names and documents, else a part of them.
void ExpectSameAsCsv(const Entity& x, const std::string& id, bool whole) {
  ASSERT_TRUE(Csv().count(id)) << id;
  const Entity& c = Csv().at(id);
  EXPECT_EQ(x.id, id);
  EXPECT_EQ(x.source_id, c.source_id);
  EXPECT_EQ(x.kind, c.kind) << id;
  EXPECT_EQ(x.program, c.program) << id;
  EXPECT_EQ(x.list_types, c.list_types) << id;
  ASSERT_FALSE(x.names.empty());
  EXPECT_EQ(x.names[0].full, c.names[0].full) << id;
  EXPECT_EQ(x.names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(x.names[0].parts.empty(), c.names[0].parts.empty()) << id;
  if (whole) {
    EXPECT_EQ(Names(x), Names(c)) << id;
    EXPECT_EQ(Documents(x), Documents(c)) << id;
  } else {
    EXPECT_TRUE(Subset(Names(x), Names(c))) << id;
    EXPECT_TRUE(Subset(Documents(x), Documents(c))) << id;
  }
  EXPECT_EQ(Dates(x), Dates(c)) << id;
  EXPECT_EQ(Nationalities(x), Nationalities(c)) << id;
  EXPECT_EQ(x.gender, c.gender) << id;
  ASSERT_EQ(x.places_of_birth.size(), c.places_of_birth.size()) << id;
  for (size_t i = 0; i < x.places_of_birth.size(); ++i) {
    EXPECT_EQ(x.places_of_birth[i].city, c.places_of_birth[i].city);
    EXPECT_EQ(x.places_of_birth[i].country_code, c.places_of_birth[i].country_code);
  }
  if (!x.addresses.empty()) {
    ASSERT_FALSE(c.addresses.empty()) << id;
    EXPECT_EQ(x.addresses[0].street, c.addresses[0].street) << id;
    EXPECT_EQ(x.addresses[0].country_code, c.addresses[0].country_code) << id;
  }
}

TEST(OfacXmlTest, ClassicSdnXmlGivesWhatTheCsvSetGives) {
  Result<ParsedList> xml = ReadListFile(kClassic, "auto");
  ASSERT_TRUE(xml.ok()) << xml.status().message();
  EXPECT_EQ(xml->format, "ofac-xml");
  EXPECT_EQ(xml->list_id, "ofac-sdn");
  EXPECT_EQ(xml->generated_at, "11/20/2025");
  auto x = ById(*xml);
  ASSERT_EQ(x.size(), 4u);
  for (const char* id : {"ofac-sdn:306", "ofac-sdn:2676", "ofac-sdn:12625", "ofac-sdn:15036"}) {
    ExpectSameAsCsv(x[id], id, /*whole=*/true);
  }
  // The address fields sdn.xml has and the CSV has not.
  const Entity& k = x["ofac-sdn:12625"];
  ASSERT_EQ(k.addresses.size(), 1u);
  EXPECT_EQ(k.addresses[0].city, "Dubai");
  EXPECT_EQ(k.addresses[0].zip, "31672");
  EXPECT_EQ(k.addresses[0].country_code, "AE");
  EXPECT_NE(k.comments.find("Linked To: THIEVES-IN-LAW"), std::string::npos);
  // Non-identity <id>s are comments, as they are in the CSV's remarks.
  const Entity& ship = x["ofac-sdn:15036"];
  for (const char* fact : {"Former Vessel Flag Malta", "Additional Sanctions Information",
                           "Vessel Type: Crude/Oil Products Tanker", "GRT: 56,068"}) {
    EXPECT_NE(ship.comments.find(fact), std::string::npos) << fact;
  }
  EXPECT_EQ(x["ofac-sdn:2676"].titles,
            (std::vector<std::string>{"Operational and Military Leader of JIHAD GROUP"}));
}

TEST(OfacXmlTest, AdvancedXmlGivesWhatTheCsvSetGives) {
  Result<ParsedList> xml = ReadListFile(kAdvanced, "auto");
  ASSERT_TRUE(xml.ok()) << xml.status().message();
  EXPECT_EQ(xml->format, "ofac-xml");
  EXPECT_EQ(xml->generated_at, "2025-11-20");
  auto x = ById(*xml);
  ASSERT_EQ(x.size(), 4u);
  ExpectSameAsCsv(x["ofac-sdn:306"], "ofac-sdn:306", /*whole=*/true);
  ExpectSameAsCsv(x["ofac-sdn:12625"], "ofac-sdn:12625", /*whole=*/false);
  ExpectSameAsCsv(x["ofac-sdn:15036"], "ofac-sdn:15036", /*whole=*/false);
  ExpectSameAsCsv(x["ofac-sdn:23223"], "ofac-sdn:23223", /*whole=*/false);

  const Entity& k = x["ofac-sdn:12625"];
  // Name parts by type: "Last Name", "First Name", "Middle Name".
  ASSERT_EQ(k.names[0].parts.size(), 3u);
  EXPECT_EQ(k.names[0].parts[0].role, model::NamePartRole::kFamily);
  EXPECT_EQ(k.names[0].parts[0].text, "KOLBAYEV");
  EXPECT_EQ(k.names[0].parts[1].role, model::NamePartRole::kGiven);
  EXPECT_EQ(k.names[0].parts[2].role, model::NamePartRole::kMiddle);
  EXPECT_TRUE(Names(k).count({"KAMCHI BISHKEKSKIY", NameKind::kLowAlias}));
  EXPECT_EQ(k.listed_on, "2011-12-20");
  for (const model::Document& d : k.documents) {
    if (d.number == "AC732709") {
      EXPECT_EQ(d.note, "expires 2020-05-01");
    }
  }
  ASSERT_EQ(k.addresses.size(), 1u);
  EXPECT_EQ(k.addresses[0].city, "Dubai");
  EXPECT_EQ(k.addresses[0].zip, "31672");
  // Profile relationships read as the CSV's remarks say them.
  EXPECT_NE(k.comments.find("Linked To: THIEVES-IN-LAW"), std::string::npos) << k.comments;

  const Entity& ship = x["ofac-sdn:15036"];
  EXPECT_EQ(Documents(ship),
            (std::set<std::string>{"Call Sign|T2EU4|", "IMO|9187629|", "MMSI|572469210|"}));
  for (const char* fact : {"Former Vessel Flag Malta", "Vessel Type: Crude/Oil Products Tanker",
                           "Additional Sanctions Information - Subject to Secondary Sanctions"}) {
    EXPECT_NE(ship.comments.find(fact), std::string::npos) << fact << " in " << ship.comments;
  }
  EXPECT_EQ(x["ofac-sdn:306"].listed_on, "1986-01-01");
}

// A minimal Advanced XML around one party's features, for the date forms.
std::string AdvancedWith(const std::string& feature_body) {
  return R"(<Sanctions><ReferenceValueSets>
<AliasTypeValues><AliasType ID="1">Name</AliasType></AliasTypeValues>
<FeatureTypeValues><FeatureType ID="8">Birthdate</FeatureType></FeatureTypeValues>
<NamePartTypeValues><NamePartType ID="1">Entity Name</NamePartType></NamePartTypeValues>
<PartySubTypeValues><PartySubType ID="4" PartyTypeID="1">Unknown</PartySubType>
</PartySubTypeValues>
<PartyTypeValues><PartyType ID="1">Individual</PartyType></PartyTypeValues>
</ReferenceValueSets><DistinctParties><DistinctParty FixedRef="7">
<Profile ID="7" PartySubTypeID="4"><Identity ID="1">
<Alias AliasTypeID="1" Primary="true"><DocumentedName><DocumentedNamePart>
<NamePartValue NamePartGroupID="1">X</NamePartValue></DocumentedNamePart></DocumentedName></Alias>
<NamePartGroups><MasterNamePartGroup><NamePartGroup ID="1" NamePartTypeID="1"/>
</MasterNamePartGroup></NamePartGroups></Identity>
)" + feature_body +
         "\n</Profile></DistinctParty></DistinctParties></Sanctions>";
}

std::string Birthdate(const char* approximate, const char* from, const char* to) {
  auto ymd = [](const char* d) {
    int y = 0, m = 0, day = 0;
    std::sscanf(d, "%d-%d-%d", &y, &m, &day);
    return "<Year>" + std::to_string(y) + "</Year><Month>" + std::to_string(m) + "</Month><Day>" +
           std::to_string(day) + "</Day>";
  };
  return std::string(
             R"(<Feature FeatureTypeID="8"><FeatureVersion><DatePeriod><Start Approximate=")") +
         approximate + "\"><From>" + ymd(from) + "</From><To>" + ymd(from) +
         "</To></Start><End><From>" + ymd(to) + "</From><To>" + ymd(to) +
         "</To></End></DatePeriod></FeatureVersion></Feature>";
}

TEST(OfacXmlTest, AdvancedDatePeriodsAreThePartialDatesTheySpan) {
  struct Case {
    const char* approximate;
    const char* from;
    const char* to;
    const char* expected;
  } cases[] = {
      {"false", "1962-11-23", "1962-11-23", "1962-11-23"},
      {"false", "1962-01-01", "1962-12-31", "1962"},
      {"false", "1962-02-01", "1962-02-28", "1962-02"},
      {"true", "1962-01-01", "1962-12-31", "circa 1962"},
      {"false", "1960-01-01", "1962-12-31", "1960..1962"},
      {"false", "1946-09-26", "1946-12-07", "1946-09-26..1946-12-07"},
  };
  for (const Case& c : cases) {
    Result<ParsedList> r =
        ParseOfacXml(AdvancedWith(Birthdate(c.approximate, c.from, c.to)), "adv.xml");
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->entities.size(), 1u);
    EXPECT_EQ(Dates(r->entities[0]), (std::vector<std::string>{c.expected})) << c.from;
    EXPECT_EQ(r->entities[0].kind, EntityKind::kPerson);
  }
  Result<ParsedList> bad =
      ParseOfacXml(AdvancedWith(Birthdate("false", "1962-02-30", "1962-02-30")), "adv.xml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("adv.xml, line 14: <From> is not a date"),
            std::string::npos)
      << bad.status().message();
}

std::string MessageOf(const std::string& xml) {
  Result<ParsedList> r = ParseOfacXml(xml, "sdn.xml");
  return r.ok() ? "ok" : r.status().message();
}

TEST(OfacXmlTest, ErrorsNameTheLine) {
  struct Case {
    std::string xml;
    const char* expected;
  } cases[] = {
      {"<sdnList>\n<sdnEntry><lastName>X</lastName></sdnEntry></sdnList>",
       "sdn.xml, line 2: <sdnEntry> without uid"},
      {"<sdnList>\n<sdnEntry><uid>1</uid><lastName>X</lastName></sdnEntry>\n"
       "<sdnEntry><uid>1</uid><lastName>Y</lastName></sdnEntry></sdnList>",
       "sdn.xml, line 3: uid 1 appears twice"},
      {"<sdnList><sdnEntry><uid>1</uid><sdnType>Individual</sdnType>\n</sdnEntry></sdnList>",
       "sdn.xml, line 1: sdnEntry 1 has no name"},
      {"<sdnList><sdnEntry><uid>1</uid><lastName>X</lastName><sdnType>Individual</sdnType>\n"
       "<dateOfBirthList><dateOfBirthItem>\n<dateOfBirth>31 Feb 1970</dateOfBirth>"
       "</dateOfBirthItem></dateOfBirthList></sdnEntry></sdnList>",
       "sdn.xml, line 3: sdnEntry 1: invalid dateOfBirth \"31 Feb 1970\""},
      // CRLF line ends count as one line each.
      {"<sdnList>\r\n<sdnEntry>\r\n<uid>1</uid>\r\n</sdnEntry>\r\n</sdnList>",
       "sdn.xml, line 2: sdnEntry 1 has no name"},
      {"<sdnList>\n<sdnEntry>\n</sdnList>", "sdn.xml, line 3: malformed XML"},
      {"<sdnList>\n<sdnEntry><uid>1</uid><lastName>CAF\xC9</lastName></sdnEntry></sdnList>",
       "sdn.xml, line 2: invalid UTF-8"},
      {"<CONSOLIDATED_LIST/>", "expected <sdnList>"},
      {"<Sanctions><DistinctParties>\n<DistinctParty/></DistinctParties></Sanctions>",
       "sdn.xml, line 2: <DistinctParty> without FixedRef"},
      {"<Sanctions><DistinctParties>\n<DistinctParty FixedRef=\"5\"><Profile ID=\"5\" "
       "PartySubTypeID=\"9\"/></DistinctParty></DistinctParties></Sanctions>",
       "sdn.xml, line 2: <Profile> PartySubTypeID \"9\" is not a PartySubType"},
      {AdvancedWith("<Feature FeatureTypeID=\"99\"/>"),
       "sdn.xml, line 14: <Feature> FeatureTypeID \"99\" is not a FeatureType"},
      {"<Sanctions><IDRegDocuments>\n<IDRegDocument IdentityID=\"4\"/></IDRegDocuments>"
       "<DistinctParties/></Sanctions>",
       "sdn.xml, line 2: <IDRegDocument> IDRegDocTypeID \"\" is not a IDRegDocType"},
      {AdvancedWith("<Feature FeatureTypeID=\"8\"><FeatureVersion>"
                    "<VersionLocation LocationID=\"3\"/></FeatureVersion></Feature>"),
       "LocationID \"3\" is not a <Location>"},
  };
  for (const Case& c : cases) {
    const std::string message = MessageOf(c.xml);
    EXPECT_NE(message.find(c.expected), std::string::npos)
        << "expected \"" << c.expected << "\", got \"" << message << "\"";
  }
  // A document of no party, in the fixture otherwise good.
  std::string orphan = ReadFile(kAdvanced);
  const size_t at = orphan.find("IdentityID=\"7003\"");
  ASSERT_NE(at, std::string::npos);
  orphan.replace(at, std::string("IdentityID=\"7003\"").size(), "IdentityID=\"7999\"");
  EXPECT_NE(MessageOf(orphan).find("IdentityID \"7999\" is not the Identity of a DistinctParty"),
            std::string::npos)
      << MessageOf(orphan);
  EXPECT_EQ(ParseOfacXml("<CONSOLIDATED_LIST/>", "x.xml").status().code(),
            Status::Code::kCorruption);
}

TEST(OfacXmlTest, NeverCrashesOnDamagedInput) {
  // Both fixtures cut and with bytes changed at random (seeded).
  std::mt19937 rng(20251120);
  for (const char* path : {kClassic, kAdvanced}) {
    const std::string xml = ReadFile(path);
    ASSERT_FALSE(xml.empty()) << path;
    for (int i = 0; i < 300; ++i) {
      std::string damaged = xml.substr(0, rng() % xml.size());
      if (i % 3 == 0) damaged = xml;
      for (int k = 0; k < 4 && !damaged.empty(); ++k) {
        damaged[rng() % damaged.size()] = static_cast<char>(rng() % 256);
      }
      Result<ParsedList> r = ParseOfacXml(damaged, path);
      if (!r.ok()) {
        EXPECT_FALSE(r.status().message().empty());
      }
    }
  }
}

}  // namespace
}  // namespace hudud::lists
