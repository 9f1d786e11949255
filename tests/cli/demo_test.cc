// `hudud demo`: the main job on bundled data runs end to end and shows both
// hits (listed people written in other scripts and spellings) and clear
// results (ordinary people).
#include <regex>

#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

TEST(DemoTest, ScreensSamplePeopleAndSummarises) {
  RunResult r = RunHudud({"demo", "--db", "demo.db", "--data", HUDUD_DATA_DIR});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      r.out, m,
      std::regex("summary: screened (\\d+) people against (\\d+) listed entries .*: (\\d+) with "
                 "hits, (\\d+) clear; listed people found as top hit: (\\d+)/(\\d+)")))
      << r.out;
  EXPECT_EQ(std::stoi(m[1]), 22);
  EXPECT_EQ(std::stoi(m[2]), 1003);
  EXPECT_GE(std::stoi(m[3]), 1);  // some hits
  EXPECT_GE(std::stoi(m[4]), 1);  // some clear
  EXPECT_EQ(std::stoi(m[6]), 10);
  // Most listed people must be found even though none is written as listed.
  EXPECT_GE(std::stoi(m[5]), 8) << r.out;
  EXPECT_NE(r.out.find("tokens:"), std::string::npos);
  EXPECT_NE(r.out.find("CLEAR"), std::string::npos);
}

TEST(DemoTest, DefaultDataDirIsCompiledIn) {
  RunResult r = RunHudud({"demo", "--db", "demo-default.db"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("summary:"), std::string::npos);
}

TEST(DemoTest, MissingDataDirFails) {
  RunResult r = RunHudud({"demo", "--db", "demo-missing.db", "--data", "no-such-dir"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(IsOneLine(r.err)) << r.err;
  EXPECT_NE(r.err.find("no-such-dir"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace hudud::cli::testing
