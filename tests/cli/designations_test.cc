// `hudud designations`: a national designation from proposal to screening,
// through four eyes, then its delisting; self-approval is refused with exit
// code 2 and a message saying why.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

TEST(DesignationsCliTest, ProposeApprovePublishScreenDelist) {
  const std::string db = Scratch().path() + "/national.db";
  RunResult p = RunHudud({"designations",  "propose",
                          "--list",        "kw-national",
                          "--name",        "عبد الله محمد الأنصاري",
                          "--alias",       "Abdullah Mohammed al-Ansari",
                          "--dob",         "1980-04-02",
                          "--nationality", "Kuwait",
                          "--document",    "123456789:KW",
                          "--reason",      "Financing of terrorism",
                          "--evidence",    "FIU report 2026/311",
                          "--db",          db,
                          "--json"},
                         "", {"HUDUD_USER=alice"});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  nlohmann::json proposal = nlohmann::json::parse(p.out);
  EXPECT_EQ(proposal["entity_id"], "kw-national:1");
  EXPECT_EQ(proposal["proposed_by"], "alice");

  RunResult self = RunHudud({"designations", "approve", "1", "--db", db}, "", {"HUDUD_USER=alice"});
  EXPECT_EQ(self.exit_code, 2);
  EXPECT_NE(self.err.find("four eyes"), std::string::npos) << self.err;
  RunResult nobody = RunHudud({"designations", "approve", "1", "--db", db});
  EXPECT_EQ(nobody.exit_code, 2);
  EXPECT_NE(nobody.err.find("--user"), std::string::npos) << nobody.err;

  ASSERT_EQ(RunHudud({"designations", "approve", "1", "--user", "bob", "--db", db}).exit_code, 0);
  RunResult pub = RunHudud(
      {"designations", "publish", "--list", "kw-national", "--user", "bob", "--db", db, "--json"});
  ASSERT_EQ(pub.exit_code, 0) << pub.err;
  EXPECT_EQ(nlohmann::json::parse(pub.out)["added"], 1);

  RunResult screen = RunHudud({"screen", "--name", "Abdallah Muhammad al-Ansari", "--db", db});
  ASSERT_EQ(screen.exit_code, 0) << screen.err;
  EXPECT_NE(screen.out.find("kw-national:1"), std::string::npos) << screen.out;

  ASSERT_EQ(RunHudud({"designations", "delist", "kw-national:1", "--reason", "court annulled",
                      "--user", "carol", "--db", db})
                .exit_code,
            0);
  ASSERT_EQ(RunHudud({"designations", "approve", "2", "--user", "bob", "--db", db}).exit_code, 0);
  ASSERT_EQ(
      RunHudud({"designations", "publish", "--list", "kw-national", "--user", "bob", "--db", db})
          .exit_code,
      0);
  RunResult show = RunHudud({"designations", "show", "2", "--db", db, "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  nlohmann::json s = nlohmann::json::parse(show.out);
  EXPECT_EQ(s["state"], "published");
  ASSERT_EQ(s["events"].size(), 3u);
  EXPECT_EQ(s["events"][0]["actor"], "carol");
  EXPECT_EQ(s["events"][1]["actor"], "bob");

  RunResult diff = RunHudud({"lists", "diff", "kw-national", "--db", db, "--json"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_EQ(nlohmann::json::parse(diff.out)["removed"], nlohmann::json::array({"kw-national:1"}));
}

// The text output an officer reads, and every refusal: one line on stderr,
// exit code 2 for the user's mistakes, no database created by a usage error.
TEST(DesignationsCliTest, AmendRejectAndRefusals) {
  const std::string db = Scratch().path() + "/national-text.db";
  const std::vector<std::string> alice = {"HUDUD_USER=alice"};
  RunResult nobody = RunHudud(
      {"designations", "propose", "--list", "kw", "--name", "X", "--reason", "r", "--db", db});
  EXPECT_EQ(nobody.exit_code, 2);
  EXPECT_TRUE(IsOneLine(nobody.err)) << nobody.err;
  EXPECT_FALSE(std::filesystem::exists(db));
  RunResult both = RunHudud({"designations", "propose", "--list", "kw", "--entity", "e.json",
                             "--name", "X", "--reason", "r", "--db", db},
                            "", alice);
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("--entity excludes --name"), std::string::npos) << both.err;

  RunResult p =
      RunHudud({"designations", "propose", "--list", "kw", "--name", "Абдулло Раҳимов", "--reason",
                "Recruitment for a designated group", "--evidence", "case 4/2026", "--db", db},
               "", alice);
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_NE(p.out.find("#1 designate kw:1 \"Абдулло Раҳимов\" on kw: proposed (by alice"),
            std::string::npos)
      << p.out;
  RunResult early = RunHudud({"designations", "publish", "--list", "kw", "--db", db}, "", alice);
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_NE(early.err.find("nothing to publish"), std::string::npos) << early.err;

  ASSERT_EQ(RunHudud({"designations", "approve", "1", "--user", "bob", "--db", db}).exit_code, 0);
  RunResult twice = RunHudud({"designations", "approve", "1", "--user", "carol", "--db", db});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("already approved by bob"), std::string::npos) << twice.err;
  RunResult pub = RunHudud({"designations", "publish", "--list", "kw", "--db", db}, "", alice);
  ASSERT_EQ(pub.exit_code, 0) << pub.err;
  EXPECT_NE(
      pub.out.find("published list 'kw' version 1: 1 entries (1 added, 0 changed, 0 removed)"),
      std::string::npos)
      << pub.out;
  EXPECT_NE(pub.out.find("  added   kw:1\n"), std::string::npos) << pub.out;

  RunResult unknown = RunHudud(
      {"designations", "amend", "kw:7", "--name", "X", "--reason", "r", "--db", db}, "", alice);
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("kw:7 is not a published entry"), std::string::npos) << unknown.err;
  RunResult listed =
      RunHudud({"designations", "delist", "un:1", "--reason", "r", "--db", db}, "", alice);
  EXPECT_EQ(listed.exit_code, 2);

  // An amendment through a full record in a file.
  WriteFile(Scratch().path() + "/amended.json",
            R"({"kind":"person","names":[{"full":"Абдулло Раҳимов"},)"
            R"({"full":"Abdullo Rakhimov","kind":"good-alias"}],"nationalities":[{"text":"TJ"}]})");
  ASSERT_EQ(RunHudud({"designations", "amend", "kw:1", "--entity",
                      Scratch().path() + "/amended.json", "--reason",
                      "Latin spelling seen on a "
                      "passport",
                      "--db", db},
                     "", alice)
                .exit_code,
            0);
  RunResult other = RunHudud({"designations", "propose", "--list", "kw", "--name", "محمدرضا حسینی",
                              "--reason", "r", "--db", db},
                             "", alice);
  ASSERT_EQ(other.exit_code, 0) << other.err;
  RunResult no_note = RunHudud({"designations", "reject", "3", "--user", "bob", "--db", db});
  EXPECT_EQ(no_note.exit_code, 2);  // a rejection says why
  ASSERT_EQ(RunHudud({"designations", "reject", "3", "--user", "bob", "--note",
                      "insufficient evidence", "--db", db})
                .exit_code,
            0);
  ASSERT_EQ(RunHudud({"designations", "approve", "2", "--user", "bob", "--db", db}).exit_code, 0);
  pub = RunHudud({"designations", "publish", "--list", "kw", "--user", "bob", "--db", db});
  ASSERT_EQ(pub.exit_code, 0) << pub.err;
  EXPECT_NE(pub.out.find("version 2: 1 entries (0 added, 1 changed, 0 removed)"), std::string::npos)
      << pub.out;
  EXPECT_NE(pub.out.find("  changed kw:1\n"), std::string::npos) << pub.out;

  RunResult list = RunHudud({"designations", "list", "--state", "rejected", "--db", db});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(Lines(list.out).size(), 1u) << list.out;
  EXPECT_NE(list.out.find("#3 designate kw:2"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("rejected by bob"), std::string::npos) << list.out;
  RunResult show = RunHudud({"designations", "show", "2", "--db", db});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("reasons: Latin spelling seen on a passport"), std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("proposed by alice"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("approved by bob"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("published by bob: version 2"), std::string::npos) << show.out;
  RunResult missing = RunHudud({"designations", "show", "99", "--db", db});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_TRUE(IsOneLine(missing.err)) << missing.err;
}

}  // namespace
}  // namespace hudud::cli::testing
