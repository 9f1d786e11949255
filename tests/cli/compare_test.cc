// `hudud compare`: one pair (score, JSON explanation) and batch mode (one
// score a line, "nan" for a bad line, input order kept).
#include <nlohmann/json.hpp>
#include <regex>

#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

double Score(const std::string& a, const std::string& b) {
  RunResult r = RunHudud({"compare", a, b});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::regex_match(r.out, std::regex("[01]\\.[0-9]{4}\n"))) << r.out;
  return std::stod(r.out);
}

TEST(CompareTest, ScoresKnownPairs) {
  EXPECT_GE(Score("Ayman al-Zawahiri", "Ayman al-Zawahiri"), 0.99);
  EXPECT_GE(Score("Mohammed", "Muhammad"), 0.8);
  EXPECT_GE(Score("أيمن الظواهري", "Ayman al-Zawahiri"), 0.8);
  EXPECT_GE(Score("Умаров Доку", "Doku Umarov"), 0.8);
  EXPECT_LT(Score("John Smith", "Ayman al-Zawahiri"), 0.5);
}

TEST(CompareTest, JsonHasScoreAndExplanation) {
  RunResult r = RunHudud({"compare", "Mokhtar Belmokhtar", "Mukhtar Bilmukhtar", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["type"], "person");
  EXPECT_GE(j["score"].get<double>(), 0.7);
  EXPECT_TRUE(j["explanation"].contains("tokens"));
  EXPECT_TRUE(j["explanation"].contains("summary"));
}

TEST(CompareTest, OrganizationType) {
  RunResult r = RunHudud({"compare", "Al Bashair Trading Co. Limited",
                          "AL-BASHAIR TRADING COMPANY, LTD", "--type", "organization"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(std::stod(r.out), 0.8);
}

TEST(CompareTest, BatchPrintsOneLinePerInputLineInOrder) {
  std::string input =
      "Mohammed\tMuhammad\n"
      "John Smith\tAyman al-Zawahiri\n"
      "only one field\n"
      "Korea Kwangson Banking Corp\tKOREA KWANGSON BANKING CORPORATION\torganization\n"
      "a\tb\tspaceship\n"
      "Mohammed\tMuhammad\n";
  RunResult r = RunHudud({"compare", "--batch", "-", "--threads", "2"}, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 6u) << r.out;
  EXPECT_GE(std::stod(lines[0]), 0.8);
  EXPECT_LT(std::stod(lines[1]), 0.5);
  EXPECT_EQ(lines[2], "nan");
  EXPECT_GE(std::stod(lines[3]), 0.8);
  EXPECT_EQ(lines[4], "nan");
  EXPECT_EQ(lines[5], lines[0]);
  // Each bad line is named on stderr, one line each.
  std::vector<std::string> errors = Lines(r.err);
  ASSERT_EQ(errors.size(), 2u) << r.err;
  EXPECT_NE(errors[0].find("line 3"), std::string::npos);
  EXPECT_NE(errors[1].find("line 5"), std::string::npos);
}

TEST(CompareTest, BatchMissingFileFails) {
  RunResult r = RunHudud({"compare", "--batch", "no-such-pairs.tsv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(IsOneLine(r.err)) << r.err;
  EXPECT_NE(r.err.find("no-such-pairs.tsv"), std::string::npos);
}

}  // namespace
}  // namespace hudud::cli::testing
