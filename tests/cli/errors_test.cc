// Bad input ends with exactly one line on stderr naming the problem and a
// non-zero exit: 2 for usage errors, 1 for runtime failures. Never a crash.
#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

void ExpectError(const RunResult& r, int exit_code, const std::string& mentions) {
  EXPECT_EQ(r.exit_code, exit_code) << r.err;
  EXPECT_TRUE(IsOneLine(r.err)) << "stderr: [" << r.err << "]";
  EXPECT_NE(r.err.find(mentions), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(ErrorsTest, UnknownFlag) {
  ExpectError(RunHudud({"screen", "--name", "Ali", "--bogus"}), 2, "--bogus");
}

TEST(ErrorsTest, NoCommand) {
  RunResult r = RunHudud({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(IsOneLine(r.err)) << r.err;
}

TEST(ErrorsTest, UnknownCommand) { ExpectError(RunHudud({"frobnicate"}), 2, "frobnicate"); }

TEST(ErrorsTest, ImportMissingFile) {
  ExpectError(RunHudud({"lists", "import", "no-such-list.xml", "--db", "x.db"}), 1,
              "no-such-list.xml");
}

TEST(ErrorsTest, ImportUnknownFormat) {
  RunResult r = RunHudud({"lists", "import", UnListPath(), "--format", "pdf", "--db", "x.db"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(IsOneLine(r.err)) << r.err;
  // A generic table needs its column mapping.
  r = RunHudud({"lists", "import", UnListPath(), "--format", "csv", "--db", "x.db"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--mapping"), std::string::npos) << r.err;
}

TEST(ErrorsTest, ImportMalformedFile) {
  WriteFile(Scratch().path() + "/broken.xml", "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>");
  RunResult r = RunHudud({"lists", "import", "broken.xml", "--db", "broken.db"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(IsOneLine(r.err)) << r.err;
  EXPECT_NE(r.err.find("broken.xml"), std::string::npos) << r.err;
}

TEST(ErrorsTest, MissingName) { ExpectError(RunHudud({"screen", "--db", UnDb()}), 2, "--name"); }

TEST(ErrorsTest, EmptyName) {
  ExpectError(RunHudud({"screen", "--db", UnDb(), "--name", "  "}), 2, "empty --name");
}

TEST(ErrorsTest, BadDob) {
  ExpectError(RunHudud({"screen", "--db", UnDb(), "--name", "Ali Hassan", "--dob", "1975-13-45"}),
              2, "--dob");
  ExpectError(RunHudud({"screen", "--db", UnDb(), "--name", "Ali Hassan", "--dob", "yesterday"}), 2,
              "yesterday");
}

TEST(ErrorsTest, BadGenderTypeThresholdLimit) {
  ExpectError(RunHudud({"screen", "--db", UnDb(), "--name", "Ali", "--gender", "x"}), 2,
              "--gender");
  ExpectError(RunHudud({"screen", "--db", UnDb(), "--name", "Ali", "--type", "ship"}), 2, "--type");
  ExpectError(RunHudud({"screen", "--db", UnDb(), "--name", "Ali", "--threshold", "1.5"}), 2,
              "--threshold");
  ExpectError(RunHudud({"screen", "--db", UnDb(), "--name", "Ali", "--limit", "0"}), 2, "--limit");
  ExpectError(RunHudud({"screen", "--db", UnDb(), "--name", "Ali", "--limit", "many"}), 2,
              "--limit");
}

TEST(ErrorsTest, UnquotedNameIsNotSilentlySplit) {
  RunResult r = RunHudud({"screen", "--db", UnDb(), "--name", "Ali", "Hassan"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(IsOneLine(r.err)) << r.err;
  EXPECT_NE(r.err.find("Hassan"), std::string::npos) << r.err;
}

TEST(ErrorsTest, MissingDatabase) {
  ExpectError(RunHudud({"screen", "--db", "nowhere.db", "--name", "Ali"}), 1, "nowhere.db");
  EXPECT_FALSE(std::filesystem::exists(Scratch().path() + "/nowhere.db"));
}

TEST(ErrorsTest, BatchMissingFile) {
  ExpectError(RunHudud({"screen", "--db", UnDb(), "--batch", "no-such-batch.jsonl"}), 1,
              "no-such-batch.jsonl");
}

TEST(ErrorsTest, BatchWithNameConflicts) {
  ExpectError(RunHudud({"screen", "--db", UnDb(), "--batch", "-", "--name", "Ali"}), 2, "--batch");
}

TEST(ErrorsTest, CompareMissingSecondName) {
  ExpectError(RunHudud({"compare", "Ali"}), 2, "NAME_B");
}

TEST(ErrorsTest, HelpSucceeds) {
  RunResult r = RunHudud({"screen", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--name"), std::string::npos);
}

}  // namespace
}  // namespace hudud::cli::testing
