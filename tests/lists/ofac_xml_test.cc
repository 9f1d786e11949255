// Pins ParseOfacXml (lists/ofac_xml.cc) on a fixture written from OFAC's
// sdn.xsd (tests/data/lists/README.md): its entries that mirror records of
// the real CSV set come out with the same names, dates and documents.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "lists/list_file.h"

namespace hudud::lists {
namespace {

std::map<std::string, model::Entity> ById(const ParsedList& l) {
  std::map<std::string, model::Entity> out;
  for (const model::Entity& e : l.entities) out[e.id] = e;
  return out;
}

std::set<std::pair<std::string, model::NameKind>> Names(const model::Entity& e) {
  std::set<std::pair<std::string, model::NameKind>> out;
  for (const model::Name& n : e.names) out.insert({n.full, n.kind});
  return out;
}

TEST(OfacXmlTest, ClassicSdnXmlMatchesTheCsvSet) {
  Result<ParsedList> xml = ReadListFile(HUDUD_TESTDATA_DIR "/lists/ofac-sdn-sample.xml", "auto");
  ASSERT_TRUE(xml.ok()) << xml.status().message();
  EXPECT_EQ(xml->format, "ofac-xml");
  EXPECT_EQ(xml->generated_at, "11/20/2025");
  Result<ParsedList> csv = ReadListFile(HUDUD_DATA_DIR "/lists/ofac-2025/sdn.csv", "auto");
  ASSERT_TRUE(csv.ok());
  auto x = ById(*xml);
  auto c = ById(*csv);
  ASSERT_EQ(x.size(), 3u);
  for (const char* id : {"ofac-sdn:306", "ofac-sdn:2676"}) {
    EXPECT_EQ(Names(x[id]), Names(c[id])) << id;
    EXPECT_EQ(x[id].kind, c[id].kind);
    EXPECT_EQ(x[id].program, c[id].program);
    ASSERT_EQ(x[id].dates_of_birth.size(), c[id].dates_of_birth.size());
    for (size_t i = 0; i < x[id].dates_of_birth.size(); ++i) {
      EXPECT_EQ(x[id].dates_of_birth[i].from, c[id].dates_of_birth[i].from);
    }
    std::set<std::string> dx, dc;
    for (const auto& d : x[id].documents) dx.insert(d.number);
    for (const auto& d : c[id].documents) dc.insert(d.number);
    EXPECT_EQ(dx, dc) << id;
  }
  const model::Entity& z = x["ofac-sdn:2676"];
  EXPECT_EQ(z.places_of_birth[0].country_code, "EG");
  EXPECT_EQ(z.documents[0].country_code, "EG");
  EXPECT_EQ(z.names[0].parts.size(), 2u);
  const model::Entity& ship = x["ofac-sdn:9001"];
  EXPECT_EQ(ship.kind, model::EntityKind::kVessel);
  EXPECT_EQ(ship.nationalities[0].country_code, "KP");
  EXPECT_EQ(ship.documents.size(), 2u);  // IMO and call sign
}

TEST(OfacXmlTest, ErrorsNameTheLine) {
  Result<ParsedList> r =
      ParseOfacXml("<sdnList>\n<sdnEntry><lastName>X</lastName></sdnEntry></sdnList>", "sdn.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("sdn.xml, line 2"), std::string::npos)
      << r.status().message();
  r = ParseOfacXml(
      "<sdnList><sdnEntry><uid>1</uid><lastName>X</lastName><sdnType>Individual</sdnType>\n"
      "<dateOfBirthList><dateOfBirthItem><dateOfBirth>31 Feb 1970</dateOfBirth></dateOfBirthItem>"
      "</dateOfBirthList></sdnEntry></sdnList>",
      "sdn.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("dateOfBirth"), std::string::npos) << r.status().message();
  r = ParseOfacXml("<sdnList><sdnEntry>", "sdn.xml");
  ASSERT_FALSE(r.ok());
  r = ParseOfacXml("<Sanctions><DistinctParties/></Sanctions>", "adv.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("Advanced"), std::string::npos);
}

}  // namespace
}  // namespace hudud::lists
