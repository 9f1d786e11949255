// `hudud designations`: a national designation from proposal to screening,
// through four eyes, then its delisting; self-approval is refused with exit
// code 2 and a message saying why.
#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace hudud::cli::testing
