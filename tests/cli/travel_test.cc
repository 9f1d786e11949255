// The traveller commands end to end: `manifest screen` on a PAXLST flight
// against the bundled UN list (watchlist hits, a companion, a stolen and an
// expired passport, an active rule), `documents import`, `rules` with four
// eyes and testing against kept flights, `mrz check` at the booth.
#include <nlohmann/json.hpp>

#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(HUDUD_TESTDATA_DIR) + "/travel/" + name;
}

nlohmann::json TravellerNamed(const nlohmann::json& j, const std::string& name) {
  for (const auto& t : j["travellers"]) {
    if (t["name"] == name) return t;
  }
  ADD_FAILURE() << "no traveller " << name;
  return {};
}

bool HasReason(const nlohmann::json& t, const std::string& code) {
  for (const auto& r : t["reasons"]) {
    if (r["code"] == code) return true;
  }
  return false;
}

// A database with the UN list, a stolen-document register and one rule.
std::string PreparedDb(const std::string& name) {
  const std::string db = Scratch().path() + "/" + name + ".db";
  EXPECT_EQ(RunHudud({"lists", "import", UnListPath(), "--db", db}).exit_code, 0);
  const std::string reg = Scratch().path() + "/sltd.csv";
  WriteFile(reg,
            "number,country,type,status,reported_on,reference\n"
            "X 987-654-32,IRN,P,stolen,2024-09-01,SLTD-2024-77\n"
            "ZZ0000001,Germany,,lost,,\n");
  RunResult imp = RunHudud(
      {"documents", "import", reg, "--source", "interpol-sltd", "--db", db, "--user", "amina"});
  EXPECT_EQ(imp.exit_code, 0) << imp.err;
  EXPECT_NE(imp.out.find("2 documents"), std::string::npos) << imp.out;
  return db;
}

TEST(TravelCli, ManifestScreenReferesWithReasonsAndSummary) {
  const std::string db = PreparedDb("manifest");
  RunResult save =
      RunHudud({"rules", "save", "tj-under-45", "--when", "traveller.nationality = TJ and age < 45",
                "--justification", "FTF returnees route (test)", "--owner", "PIU", "--db", db,
                "--user", "amina"});
  ASSERT_EQ(save.exit_code, 0) << save.err;
  ASSERT_EQ(RunHudud({"rules", "activate", "tj-under-45", "--db", db, "--user", "karim"}).exit_code,
            0);

  RunResult r =
      RunHudud({"manifest", "screen", Fixture("cli/xx101-seven.edi"), "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["format"], "paxlst");
  ASSERT_EQ(j["flights"].size(), 1u);
  EXPECT_EQ(j["flights"][0]["flight"], "XX101");
  EXPECT_EQ(j["flights"][0]["origin"], "DYU");
  ASSERT_EQ(j["travellers"].size(), 7u);

  nlohmann::json ayman = TravellerNamed(j, "AYMAN AL-ZAWAHIRI");
  EXPECT_EQ(ayman["decision"], "refer");
  ASSERT_FALSE(ayman["hits"].empty());
  EXPECT_EQ(ayman["hits"][0]["entity_id"], "un:111923");
  EXPECT_EQ(ayman["dob"], "1951-06-19");
  EXPECT_EQ(ayman["booking"], "ZW1951");
  EXPECT_EQ(ayman["role"], "passenger");

  nlohmann::json umayma = TravellerNamed(j, "UMAYMA AL-ZAWAHIRI");
  EXPECT_EQ(umayma["decision"], "refer");
  EXPECT_TRUE(umayma["hits"].empty());
  EXPECT_TRUE(HasReason(umayma, "co-traveller"));
  EXPECT_EQ(umayma["companions"][0]["via"], "booking");

  nlohmann::json floribert = TravellerNamed(j, "FLORIBERT NGABU NJABU");
  EXPECT_EQ(floribert["hits"][0]["entity_id"], "un:6908012");

  nlohmann::json fatemeh = TravellerNamed(j, "FATEMEH KARIMI");
  EXPECT_EQ(fatemeh["decision"], "refer");
  EXPECT_TRUE(HasReason(fatemeh, "lost-stolen"));

  nlohmann::json irina = TravellerNamed(j, "IRINA IVANOVA");
  EXPECT_TRUE(HasReason(irina, "expired"));

  nlohmann::json dilshod = TravellerNamed(j, "DILSHOD RAHIMOV");
  EXPECT_EQ(dilshod["decision"], "refer");
  ASSERT_EQ(dilshod["rules"].size(), 1u);
  EXPECT_EQ(dilshod["rules"][0]["rule"], "tj-under-45");

  nlohmann::json olivia = TravellerNamed(j, "OLIVIA SMITH-JONES");
  EXPECT_EQ(olivia["decision"], "clear");
  EXPECT_TRUE(olivia["reasons"].empty());

  EXPECT_EQ(j["summary"]["travellers"], 7);
  EXPECT_EQ(j["summary"]["refer"], 6);
  EXPECT_EQ(j["summary"]["clear"], 1);
  EXPECT_EQ(j["summary"]["declared_passengers"], 7);
  EXPECT_TRUE(j["warnings"].empty()) << j["warnings"].dump();

  RunResult text = RunHudud({"manifest", "screen", Fixture("cli/xx101-seven.edi"), "--db", db});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("REFER  passenger          AYMAN AL-ZAWAHIRI"), std::string::npos);
  EXPECT_NE(text.out.find("clear  passenger          OLIVIA SMITH-JONES"), std::string::npos);
  EXPECT_NE(text.out.find("7 travellers (7 passengers, 0 crew), 6 refer, 1 clear"),
            std::string::npos)
      << text.out;
}

TEST(TravelCli, RulesNeedFourEyesAndAreTestedAgainstKeptFlights) {
  const std::string db = PreparedDb("rules");
  ASSERT_EQ(RunHudud({"manifest", "screen", Fixture("cli/xx101-seven.edi"), "--db", db}).exit_code,
            0);
  RunResult save = RunHudud(
      {"rules", "save", "women-from-dyu", "--when", "traveller.gender = F and flight.origin = DYU",
       "--justification", "test", "--owner", "PIU", "--db", db},
      "", {"HUDUD_USER=amina"});
  ASSERT_EQ(save.exit_code, 0) << save.err;
  RunResult self =
      RunHudud({"rules", "activate", "women-from-dyu", "--db", db}, "", {"HUDUD_USER=amina"});
  EXPECT_EQ(self.exit_code, 2);
  EXPECT_NE(self.err.find("four eyes"), std::string::npos) << self.err;

  RunResult test = RunHudud({"rules", "test", "women-from-dyu", "--db", db, "--json"});
  ASSERT_EQ(test.exit_code, 0) << test.err;
  nlohmann::json t = nlohmann::json::parse(test.out);
  EXPECT_EQ(t["flights"], 1);
  EXPECT_EQ(t["travellers"], 7);
  EXPECT_EQ(t["hits"], 4);  // Umayma, Fatemeh, Irina, Olivia
  EXPECT_EQ(t["flights_hit"], 1);

  RunResult sensitive =
      RunHudud({"rules", "save", "bad", "--when", "traveller.services in (MOML)", "--justification",
                "x", "--owner", "PIU", "--db", db, "--user", "amina"});
  EXPECT_EQ(sensitive.exit_code, 2);
  EXPECT_NE(sensitive.err.find("religion"), std::string::npos) << sensitive.err;

  RunResult show = RunHudud({"rules", "show", "women-from-dyu", "--db", db, "--json"});
  ASSERT_EQ(show.exit_code, 0);
  nlohmann::json s = nlohmann::json::parse(show.out);
  EXPECT_EQ(s["versions"][0]["state"], "draft");
  EXPECT_EQ(s["history"][0]["actor"], "amina");
}

TEST(TravelCli, DocumentRegisterErrorsNameLineAndField) {
  const std::string db = Scratch().path() + "/docs.db";
  const std::string bad = Scratch().path() + "/bad-register.csv";
  WriteFile(bad, "number,country\nAB123,IRN\nCD456,Narnia\n");
  RunResult r = RunHudud({"documents", "import", bad, "--db", db, "--user", "amina"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("line 3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("country"), std::string::npos) << r.err;
  WriteFile(bad, "number,nation\nAB123,IRN\n");
  r = RunHudud({"documents", "import", bad, "--db", db, "--user", "amina"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown column \"nation\""), std::string::npos) << r.err;
  WriteFile(bad, "number,country\n,IRN\n");
  r = RunHudud({"documents", "import", bad, "--db", db, "--user", "amina"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("line 2, field number"), std::string::npos) << r.err;
  RunResult list = RunHudud({"documents", "list", "--db", db});
  EXPECT_NE(list.out.find("No lost or stolen document register"), std::string::npos);
}

TEST(TravelCli, NotAPassengerMessageIsRefused) {
  const std::string f = Scratch().path() + "/not-a-message.txt";
  WriteFile(f, "hello, this is not EDIFACT\n");
  RunResult r = RunHudud({"manifest", "screen", f, "--db", UnDb()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(IsOneLine(r.err));
  EXPECT_NE(r.err.find("not a passenger message"), std::string::npos) << r.err;
}

TEST(TravelCli, MrzCheckAtTheBooth) {
  const std::string l1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
  const std::string l2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
  RunResult ok =
      RunHudud({"mrz", "check", l1, l2, "--no-screen", "--today", "2010-01-01", "--json"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  nlohmann::json j = nlohmann::json::parse(ok.out);
  EXPECT_EQ(j["format"], "TD3");
  EXPECT_EQ(j["surname"], "ERIKSSON");
  EXPECT_EQ(j["given_names"], "ANNA MARIA");
  EXPECT_EQ(j["valid"], true);
  EXPECT_EQ(j["expired"], false);
  EXPECT_EQ(j["decision"], "clear");
  EXPECT_EQ(j["checks"].size(), 5u);

  std::string bad2 = l2;
  bad2[19] = '3';  // date of birth check digit
  RunResult bad = RunHudud({"mrz", "check", l1, bad2, "--no-screen", "--today", "2010-01-01"});
  ASSERT_EQ(bad.exit_code, 0) << bad.err;
  EXPECT_NE(bad.out.find("birth_date FAILED (found 3, expected 2)"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("REFER"), std::string::npos);

  // Today, the specimen has long expired; with the UN list loaded the holder is screened.
  RunResult expired = RunHudud({"mrz", "check", l1, l2, "--db", UnDb(), "--json"});
  ASSERT_EQ(expired.exit_code, 0) << expired.err;
  nlohmann::json e = nlohmann::json::parse(expired.out);
  EXPECT_EQ(e["expired"], true);
  EXPECT_EQ(e["decision"], "refer");
  EXPECT_EQ(e["screened"], true);

  RunResult junk = RunHudud({"mrz", "check", "P<UTO#", l2, "--no-screen"});
  EXPECT_EQ(junk.exit_code, 2);
  EXPECT_NE(junk.err.find("line 1"), std::string::npos) << junk.err;
}

}  // namespace
}  // namespace hudud::cli::testing
