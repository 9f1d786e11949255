// `hudud alerts` and `hudud redress` from the command line: a held customer
// hits the UN list; an analyst takes the alert, decides it a false positive
// with a justification (refused without one), a re-screen raises nothing
// new for the pair; a redress request on a confirmed alert is cleared by
// the data-protection officer and the alert becomes a false positive.
#include <nlohmann/json.hpp>

#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

TEST(AlertsCliTest, TriageAndRedressFromTheCommandLine) {
  const std::string db = Scratch().path() + "/alerts-cli.db";
  const std::string subjects = Scratch().path() + "/alerts-customers.csv";
  WriteFile(subjects,
            "id,name,aliases,dob,nationality\n"
            "k1,Ayman al-Zawahiri,,,\n"
            "k2,أيمن الظواهري,,,\n");
  ASSERT_EQ(RunHudud({"lists", "import", UnListPath(), "--db", db}).exit_code, 0);
  ASSERT_EQ(
      RunHudud({"users", "add", "root", "--role", "admin", "--no-password", "--db", db}).exit_code,
      0);
  ASSERT_EQ(RunHudud({"users", "add", "amina", "--role", "analyst", "--no-password", "--actor",
                      "root", "--db", db})
                .exit_code,
            0);
  ASSERT_EQ(RunHudud({"subjects", "import", subjects, "--db", db}).exit_code, 0);

  RunResult list = RunHudud({"alerts", "list", "--status", "open", "--db", db, "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  nlohmann::json open = nlohmann::json::parse(list.out);
  ASSERT_EQ(open.size(), 2u) << list.out;
  const std::string k1 = std::to_string(open[1]["id"].get<int64_t>());
  const std::string k2 = std::to_string(open[0]["id"].get<int64_t>());

  EXPECT_EQ(
      RunHudud({"alerts", "assign", k1, "--to", "amina", "--actor", "amina", "--db", db}).exit_code,
      0);
  RunResult no_reason = RunHudud({"alerts", "decide", k1, "--decision", "false-positive",
                                  "--justification", "no", "--actor", "amina", "--db", db});
  EXPECT_EQ(no_reason.exit_code, 2);
  EXPECT_NE(no_reason.err.find("justification"), std::string::npos) << no_reason.err;
  RunResult fp = RunHudud({"alerts", "decide", k1, "--decision", "false-positive",
                           "--justification", "customer since 1999, born 1985 per KYC file",
                           "--actor", "amina", "--db", db, "--json"});
  ASSERT_EQ(fp.exit_code, 0) << fp.err;
  EXPECT_EQ(nlohmann::json::parse(fp.out)["decision"], "false-positive");

  // The re-screen raises nothing new for the cleared pair.
  ASSERT_EQ(RunHudud({"subjects", "rescreen", "--db", db}).exit_code, 0);
  RunResult after = RunHudud({"alerts", "list", "--subject", "k1", "--db", db, "--json"});
  EXPECT_EQ(nlohmann::json::parse(after.out).size(), 1u) << after.out;

  // An outcome needs a confirmed decision.
  RunResult outcome = RunHudud({"alerts", "outcome", k2, "--outcome", "freeze-report", "--detail",
                                "freeze the account today", "--actor", "amina", "--db", db});
  EXPECT_EQ(outcome.exit_code, 2);
  ASSERT_EQ(RunHudud({"alerts", "decide", k2, "--decision", "confirmed", "--justification",
                      "KYC documents match the listed person", "--actor", "amina", "--db", db})
                .exit_code,
            0);

  // Redress: the person says they are not the listed one; cleared.
  RunResult filed = RunHudud({"redress", "file", "--requester", "أيمن عبد الله", "--description",
                              "My account was frozen; I am not the listed man.", "--alert", k2,
                              "--actor", "dpo", "--db", db, "--json"});
  ASSERT_EQ(filed.exit_code, 0) << filed.err;
  const std::string ref = nlohmann::json::parse(filed.out)["reference"];
  ASSERT_EQ(RunHudud({"redress", "review", ref, "--actor", "dpo", "--db", db}).exit_code, 0);
  RunResult cleared =
      RunHudud({"redress", "resolve", ref, "--state", "cleared", "--outcome",
                "identity documents show another man born 1984", "--actor", "dpo", "--db", db});
  ASSERT_EQ(cleared.exit_code, 0) << cleared.err;
  RunResult shown = RunHudud({"alerts", "show", k2, "--db", db, "--json"});
  nlohmann::json s = nlohmann::json::parse(shown.out);
  EXPECT_EQ(s["decision"], "false-positive");
  EXPECT_NE(s["justification"].get<std::string>().find(ref), std::string::npos);
  RunResult history = RunHudud({"redress", "show", ref, "--db", db});
  EXPECT_NE(history.out.find("cleared"), std::string::npos) << history.out;
}

}  // namespace
}  // namespace hudud::cli::testing
