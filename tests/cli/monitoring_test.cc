// `hudud subjects import`, the re-screen a list import triggers, and
// `hudud alerts list`: a bank's customers screened at import, an update of
// the UN list raising an alert for the one who was just designated, and
// delisting closing it.
#include <nlohmann/json.hpp>

#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

const char kSubjectsCsv[] =
    "id,name,aliases,dob,nationality\n"
    "c1,Ayman al-Zawahiri,,1951-06-19,Egypt\n"
    "c2,Jamshid Rakhimov,Джамшид Рахимов,1985,TJ\n"
    "c3,Мария Иванова,,1990-02-03,RU\n"
    "c4,فاطمة الزهراء,,,\n";

std::string AddedPerson() {
  return "<INDIVIDUAL><DATAID>99999001</DATAID><VERSIONNUM>1</VERSIONNUM>"
         "<FIRST_NAME>JAMSHID</FIRST_NAME><SECOND_NAME>RAHIMOV</SECOND_NAME>"
         "<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>"
         "<LISTED_ON>2026-11-20</LISTED_ON>"
         "<NAME_ORIGINAL_SCRIPT>Ҷамшед Раҳимов</NAME_ORIGINAL_SCRIPT>"
         "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1985</YEAR>"
         "</INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>";
}

TEST(MonitoringTest, ListChangeRaisesAlertsAndDelistingClosesThem) {
  const std::string db = Scratch().path() + "/monitor.db";
  const std::string subjects = Scratch().path() + "/customers.csv";
  WriteFile(subjects, kSubjectsCsv);
  ASSERT_EQ(RunHudud({"lists", "import", UnListPath(), "--db", db}).exit_code, 0);

  RunResult imp = RunHudud({"subjects", "import", subjects, "--db", db, "--json"});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  nlohmann::json j = nlohmann::json::parse(imp.out);
  EXPECT_EQ(j["added"], 4);
  EXPECT_EQ(j["alerts_raised"], 1);  // al-Zawahiri, at once

  // The UN adds Jamshid Rahimov: the import re-screens and raises one alert.
  std::string xml = ReadFile(UnListPath());
  xml.insert(xml.find("<INDIVIDUALS>") + 13, AddedPerson());
  const std::string v2 = Scratch().path() + "/un-v2.xml";
  WriteFile(v2, xml);
  RunResult up = RunHudud({"lists", "import", v2, "--db", db, "--json"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  nlohmann::json u = nlohmann::json::parse(up.out);
  EXPECT_EQ(u["rescreen"]["alerts_raised"], 1);
  EXPECT_EQ(u["rescreen"]["subjects"], 4);
  RunResult text_import = RunHudud({"lists", "import", UnListPath(), "--db", db});
  // Back to the first file: the new entry is delisted and its alert closed.
  EXPECT_NE(text_import.out.find("1 closed"), std::string::npos) << text_import.out;

  RunResult alerts = RunHudud({"alerts", "list", "--db", db, "--json"});
  ASSERT_EQ(alerts.exit_code, 0) << alerts.err;
  nlohmann::json a = nlohmann::json::parse(alerts.out);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0]["subject_id"], "c2");
  EXPECT_EQ(a[0]["entity_id"], "un:99999001");
  EXPECT_EQ(a[0]["trigger"], "list-change");
  EXPECT_EQ(a[0]["designated_at"], "2026-11-20");
  EXPECT_EQ(a[0]["status"], "closed");
  EXPECT_NE(a[0]["closed_reason"].get<std::string>().find("delisted"), std::string::npos);
  EXPECT_EQ(a[1]["subject_id"], "c1");
  EXPECT_EQ(a[1]["status"], "open");

  RunResult open = RunHudud({"alerts", "list", "--status", "open", "--db", db});
  ASSERT_EQ(open.exit_code, 0);
  EXPECT_NE(open.out.find("subject c1"), std::string::npos) << open.out;
  EXPECT_EQ(open.out.find("subject c2"), std::string::npos) << open.out;
}

TEST(MonitoringTest, BadSubjectFilesNameFileLineAndField) {
  const std::string db = Scratch().path() + "/monitor-bad.db";
  const std::string f = Scratch().path() + "/bad.csv";
  WriteFile(f, "id,name,dob\nc1,Ali Hassan,1975-13-01\n");
  RunResult r = RunHudud({"subjects", "import", f, "--db", db});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.csv, line 2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("dob"), std::string::npos) << r.err;

  WriteFile(f, "id,name,shoe_size\nc1,Ali Hassan,44\n");
  r = RunHudud({"subjects", "import", f, "--db", db});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("shoe_size"), std::string::npos) << r.err;

  const std::string jl = Scratch().path() + "/bad.jsonl";
  WriteFile(jl, "{\"id\": \"a\", \"name\": \"Ali\"}\n{\"id\": \"b\", \"name\": 7}\n");
  r = RunHudud({"subjects", "import", jl, "--db", db});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.jsonl, line 2"), std::string::npos) << r.err;

  WriteFile(f, "id,name\nc1,Ali Hassan\nc1,Omar Hassan\n");
  r = RunHudud({"subjects", "import", f, "--db", db});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("twice"), std::string::npos) << r.err;
}

TEST(MonitoringTest, JsonLinesSubjectsAndFullRescreen) {
  const std::string db = Scratch().path() + "/monitor-jl.db";
  ASSERT_EQ(RunHudud({"lists", "import", UnListPath(), "--db", db}).exit_code, 0);
  const std::string jl = Scratch().path() + "/travellers.jsonl";
  WriteFile(jl,
            "{\"id\": 17, \"names\": [\"أيمن الظواهري\"], \"nationality\": \"مصر\"}\n"
            "{\"id\": \"t2\", \"name\": \"Olivier Martin\", \"dob\": \"1980\", "
            "\"booking\": \"ABC123\"}\n");
  RunResult r = RunHudud({"subjects", "import", jl, "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["alerts_raised"], 1);
  RunResult again = RunHudud({"subjects", "rescreen", "--db", db, "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  nlohmann::json j = nlohmann::json::parse(again.out);
  EXPECT_EQ(j["subjects"], 2);
  EXPECT_EQ(j["hits"], 1);
  EXPECT_EQ(j["alerts_raised"], 0);  // already open
}

}  // namespace
}  // namespace hudud::cli::testing
