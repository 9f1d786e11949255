// `hudud lists show`, `hudud lists diff` and `hudud lists export` on a real
// pair of versions: the bundled UN list, and a copy edited the way a list
// update edits it (an entry added, one amended, one delisted).
#include <nlohmann/json.hpp>

#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

// The UN list with: a new individual first; the first <INDIVIDUAL>
// removed; the first FIRST_NAME of the file's second individual changed.
std::string EditedUnList() {
  std::string xml = ReadFile(UnListPath());
  size_t first = xml.find("<INDIVIDUAL>");
  size_t first_end = xml.find("</INDIVIDUAL>", first) + std::string("</INDIVIDUAL>").size();
  xml.erase(first, first_end - first);
  size_t second = xml.find("<INDIVIDUAL>");
  size_t name = xml.find("<FIRST_NAME>", second) + std::string("<FIRST_NAME>").size();
  xml.insert(name, "ZZ");
  const std::string added =
      "<INDIVIDUAL><DATAID>99999001</DATAID><VERSIONNUM>1</VERSIONNUM>"
      "<FIRST_NAME>JAMSHID</FIRST_NAME><SECOND_NAME>RAHIMOV</SECOND_NAME>"
      "<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>"
      "<LISTED_ON>2026-11-20</LISTED_ON><NAME_ORIGINAL_SCRIPT>Ҷамшед Раҳимов</NAME_ORIGINAL_SCRIPT>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1985</YEAR>"
      "</INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>";
  xml.insert(xml.find("<INDIVIDUALS>") + std::string("<INDIVIDUALS>").size(), added);
  return xml;
}

// The DATAID of the n-th (0-based) <INDIVIDUAL> of the bundled list.
std::string IndividualId(size_t n) {
  std::string xml = ReadFile(UnListPath());
  size_t pos = 0;
  for (size_t i = 0; i <= n; ++i) pos = xml.find("<INDIVIDUAL>", pos + 1);
  size_t a = xml.find("<DATAID>", pos) + 8;
  return "un:" + xml.substr(a, xml.find("</DATAID>", a) - a);
}

class ListsVersionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Scratch().path() + "/versions-" +
          ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    edited_ = Scratch().path() + "/un-edited.xml";
    WriteFile(edited_, EditedUnList());
    ASSERT_EQ(RunHudud({"lists", "import", UnListPath(), "--db", db_}).exit_code, 0);
    RunResult r = RunHudud({"lists", "import", edited_, "--db", db_, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    second_ = nlohmann::json::parse(r.out);
  }
  std::string db_, edited_;
  nlohmann::json second_;
};

TEST_F(ListsVersionsTest, ImportSummaryCountsEntitiesNamesAndDocuments) {
  EXPECT_EQ(second_["added"], 1);
  EXPECT_EQ(second_["changed"], 1);
  EXPECT_EQ(second_["removed"], 1);
  EXPECT_EQ(second_["previous_version"], 1);
  // The new entry's Latin and Cyrillic names, the amended name in and out.
  EXPECT_GE(second_["names_added"].get<int>(), 3);
  EXPECT_GE(second_["names_removed"].get<int>(), 2);
}

TEST_F(ListsVersionsTest, DiffJsonNamesAddedRemovedAndChangedFields) {
  RunResult r = RunHudud({"lists", "diff", "un", "--db", db_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["list"], "un");
  EXPECT_EQ(j["from"], 1);
  EXPECT_EQ(j["to"], 2);
  EXPECT_EQ(j["added"], nlohmann::json::array({"un:99999001"}));
  EXPECT_EQ(j["removed"], nlohmann::json::array({IndividualId(0)}));
  ASSERT_EQ(j["changed"].size(), 1u);
  EXPECT_EQ(j["changed"][0]["id"], IndividualId(1));
  EXPECT_EQ(j["changed"][0]["fields"], nlohmann::json::array({"names"}));

  // Reversed, the same change seen backwards.
  RunResult back =
      RunHudud({"lists", "diff", "un", "--from", "2", "--to", "1", "--db", db_, "--json"});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  nlohmann::json b = nlohmann::json::parse(back.out);
  EXPECT_EQ(b["added"], j["removed"]);
  EXPECT_EQ(b["removed"], j["added"]);
}

TEST_F(ListsVersionsTest, DiffTextAndErrors) {
  RunResult r = RunHudud({"lists", "diff", "un", "--db", db_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 added, 1 changed, 1 removed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+ un:99999001"), std::string::npos) << r.out;

  RunResult unknown = RunHudud({"lists", "diff", "eu", "--db", db_});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown list"), std::string::npos) << unknown.err;
  RunResult bad = RunHudud({"lists", "diff", "un", "--from", "7", "--db", db_});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("version 7"), std::string::npos) << bad.err;
  RunResult first = RunHudud({"lists", "diff", "un", "--to", "1", "--db", db_});
  EXPECT_EQ(first.exit_code, 2);
  EXPECT_NE(first.err.find("no version before"), std::string::npos) << first.err;
}

TEST_F(ListsVersionsTest, ShowListsActiveVersionWithCounts) {
  RunResult r = RunHudud({"lists", "show", "--db", db_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["list"], "un");
  EXPECT_EQ(j[0]["active_version"], 2);
  EXPECT_EQ(j[0]["versions"], 2);
  EXPECT_EQ(j[0]["entities"], 1003);
  RunResult text = RunHudud({"lists", "show", "--db", db_});
  EXPECT_NE(text.out.find("un: version 2 of 2"), std::string::npos) << text.out;
}

TEST_F(ListsVersionsTest, ExportedXmlReimportsAsTheSameContent) {
  const std::string out = Scratch().path() + "/un-export.xml";
  RunResult r = RunHudud({"lists", "export", "un", "--format", "xml", "--out", out, "--db", db_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string db2 = Scratch().path() + "/reimport.db";
  RunResult imp = RunHudud({"lists", "import", out, "--db", db2, "--json"});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  EXPECT_EQ(nlohmann::json::parse(imp.out)["entities"], 1003);
  RunResult unknown = RunHudud({"lists", "export", "nope", "--format", "csv", "--db", db_});
  EXPECT_EQ(unknown.exit_code, 2);
}

}  // namespace
}  // namespace hudud::cli::testing
