// `hudud lists import`: importing the bundled UN list, the summary it
// prints, re-import of the same file, and the JSON summary.
#include <nlohmann/json.hpp>

#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

TEST(ListsImportTest, ImportsUnListAndPrintsSummary) {
  std::string db = Scratch().path() + "/import.db";
  RunResult r = RunHudud({"lists", "import", UnListPath(), "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("list 'un'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("entities"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("added"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;

  // The same bytes again: nothing changes and the summary says so.
  RunResult again = RunHudud({"lists", "import", UnListPath(), "--db", db});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("unchanged"), std::string::npos) << again.out;
}

TEST(ListsImportTest, JsonSummaryCountsEveryEntry) {
  std::string db = Scratch().path() + "/import-json.db";
  RunResult r =
      RunHudud({"lists", "import", UnListPath(), "--format", "un-xml", "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["list"], "un");
  // data/README.md: 730 individuals and 273 entities.
  EXPECT_EQ(j["entities"], 1003);
  EXPECT_EQ(j["added"], 1003);
  EXPECT_EQ(j["unchanged"], false);
  EXPECT_EQ(j["sha256"].get<std::string>().size(), 64u);
}

TEST(ListsImportTest, DatabaseDefaultsToHududDbVariable) {
  std::string db = Scratch().path() + "/from-env.db";
  RunResult r = RunHudud({"lists", "import", UnListPath()}, "", {"HUDUD_DB=" + db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(db));
}

TEST(ListsImportTest, DatabaseDefaultsToHududDbInWorkingDirectory) {
  RunResult r = RunHudud({"lists", "import", UnListPath()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(Scratch().path() + "/hudud.db"));
}

}  // namespace
}  // namespace hudud::cli::testing
