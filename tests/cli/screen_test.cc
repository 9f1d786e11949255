// `hudud screen`: single queries (text and JSON) and batch mode against the
// bundled UN list. Expected ids are the list's DATAIDs ("un:<DATAID>").
#include <nlohmann/json.hpp>

#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

// QDi.006 AIMAN MUHAMMED RABI AL-ZAWAHIRI, original script أيمن محمد ربيع الظواهري.
constexpr const char* kZawahiri = "un:111923";
// IQi.001 SADDAM HUSSEIN AL-TIKRITI, original script صدام حسين التكريتي.
constexpr const char* kSaddam = "un:6908048";

nlohmann::json ScreenJson(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"screen", "--db", UnDb(), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = RunHudud(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
}

TEST(ScreenTest, FindsListedPersonByArabicScriptName) {
  nlohmann::json j = ScreenJson({"--name", "أيمن محمد ربيع الظواهري"});
  ASSERT_FALSE(j.is_discarded());
  ASSERT_FALSE(j["matches"].empty()) << j.dump();
  EXPECT_EQ(j["matches"][0]["entity_id"], kZawahiri) << j.dump();
  EXPECT_EQ(j["matches"][0]["list"], "un");
}

TEST(ScreenTest, FindsListedPersonByVariantSpelling) {
  nlohmann::json j =
      ScreenJson({"--name", "Ayman Muhammad Rabi al-Zawahiri", "--dob", "1951-06-19"});
  ASSERT_FALSE(j.is_discarded());
  ASSERT_FALSE(j["matches"].empty()) << j.dump();
  EXPECT_EQ(j["matches"][0]["entity_id"], kZawahiri) << j.dump();
}

TEST(ScreenTest, FindsListedPersonByTransliteration) {
  nlohmann::json j = ScreenJson({"--name", "Saddam Husayn al-Tikriti", "--dob", "1937-04-28"});
  ASSERT_FALSE(j.is_discarded());
  ASSERT_FALSE(j["matches"].empty()) << j.dump();
  EXPECT_EQ(j["matches"][0]["entity_id"], kSaddam) << j.dump();
}

TEST(ScreenTest, JsonCarriesQueryAndFullExplanation) {
  nlohmann::json j = ScreenJson({"--name", "أيمن محمد ربيع الظواهري", "--name", "Ayman al-Zawahiri",
                                 "--dob", "1951-06-19", "--nationality", "EG", "--limit", "3"});
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["query"]["names"].size(), 2u);
  EXPECT_EQ(j["query"]["dob"], "1951-06-19");
  EXPECT_EQ(j["query"]["limit"], 3);
  ASSERT_FALSE(j["matches"].empty());
  EXPECT_LE(j["matches"].size(), 3u);
  const nlohmann::json& m = j["matches"][0];
  for (const char* key :
       {"entity_id", "list", "score", "matched_name", "name_kind", "explanation"}) {
    EXPECT_TRUE(m.contains(key)) << key;
  }
  const nlohmann::json& e = m["explanation"];
  for (const char* key : {"query_name", "listed_name", "listed_name_kind", "name_score", "tokens",
                          "evidence", "summary"}) {
    EXPECT_TRUE(e.contains(key)) << key;
  }
  EXPECT_FALSE(e["tokens"].empty());
  EXPECT_GE(m["score"].get<double>(), 0.8);
  EXPECT_LE(m["score"].get<double>(), 1.0);
}

TEST(ScreenTest, TextOutputShowsHitAndExplanation) {
  RunResult r = RunHudud({"screen", "--db", UnDb(), "--name", "أيمن محمد ربيع الظواهري"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(kZawahiri), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("score"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tokens:"), std::string::npos) << r.out;
}

TEST(ScreenTest, NoHitsIsSaidAndSucceeds) {
  RunResult r = RunHudud({"screen", "--db", UnDb(), "--name", "Zqxwv Plmokn"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("No hits"), std::string::npos) << r.out;

  RunResult j = RunHudud({"screen", "--db", UnDb(), "--name", "Zqxwv Plmokn", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_TRUE(nlohmann::json::parse(j.out)["matches"].empty());
}

TEST(ScreenTest, BatchKeepsOrderAndReportsBadLines) {
  std::string input =
      "{\"id\":\"a\",\"name\":\"أيمن محمد ربيع الظواهري\"}\n"
      "{\"id\":\"b\",\"name\": oops}\n"
      "{\"id\":\"c\",\"dob\":\"1950\"}\n"
      "{\"id\":\"d\",\"name\":\"Saddam Hussein\",\"dob\":\"1937-02-30\"}\n"
      "\n"
      "{\"id\":7,\"names\":[\"Saddam Husayn al-Tikriti\"],\"dob\":\"1937-04-28\",\"limit\":2}\n"
      "{\"id\":\"e\",\"name\":\"   \"}\n";
  WriteFile(Scratch().path() + "/batch.jsonl", input);
  RunResult r = RunHudud({"screen", "--db", UnDb(), "--batch", "batch.jsonl", "--threads", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 6u) << r.out;  // the blank line gets no result
  std::vector<nlohmann::json> j;
  for (const std::string& line : lines) j.push_back(nlohmann::json::parse(line));

  EXPECT_EQ(j[0]["id"], "a");
  ASSERT_FALSE(j[0]["matches"].empty());
  EXPECT_EQ(j[0]["matches"][0]["entity_id"], kZawahiri);
  for (const char* key : {"entity_id", "list", "score", "matched_name", "explanation"}) {
    EXPECT_TRUE(j[0]["matches"][0].contains(key)) << key;
  }

  EXPECT_EQ(j[1]["id"], nullptr);  // invalid JSON: the id cannot be read
  EXPECT_EQ(j[1]["line"], 2);
  EXPECT_NE(j[1]["error"].get<std::string>().find("JSON"), std::string::npos);

  EXPECT_EQ(j[2]["id"], "c");
  EXPECT_EQ(j[2]["line"], 3);
  EXPECT_NE(j[2]["error"].get<std::string>().find("name"), std::string::npos);

  EXPECT_EQ(j[3]["id"], "d");
  EXPECT_EQ(j[3]["line"], 4);
  EXPECT_NE(j[3]["error"].get<std::string>().find("dob"), std::string::npos);

  EXPECT_EQ(j[4]["id"], 7);
  ASSERT_FALSE(j[4]["matches"].empty());
  EXPECT_LE(j[4]["matches"].size(), 2u);
  EXPECT_EQ(j[4]["matches"][0]["entity_id"], kSaddam);

  EXPECT_EQ(j[5]["id"], "e");
  EXPECT_EQ(j[5]["line"], 7);
  EXPECT_NE(j[5]["error"].get<std::string>().find("name"), std::string::npos);
}

TEST(ScreenTest, BatchFromStdinPreservesOrderAcrossThreads) {
  const std::vector<std::string> names = {"Ayman al-Zawahiri", "John Smith", "Saddam Hussein",
                                          "Mokhtar Belmokhtar", "Maria Garcia"};
  std::string input;
  constexpr int kLines = 300;
  for (int i = 0; i < kLines; ++i) {
    input += "{\"id\":" + std::to_string(i) + ",\"name\":\"" + names[i % names.size()] + "\"}\n";
  }
  RunResult r = RunHudud({"screen", "--db", UnDb(), "--batch", "-", "--threads", "4"}, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), static_cast<size_t>(kLines));
  for (int i = 0; i < kLines; ++i) {
    nlohmann::json j = nlohmann::json::parse(lines[i]);
    ASSERT_EQ(j["id"], i) << lines[i];
    EXPECT_TRUE(j.contains("matches")) << lines[i];
  }
  // Same query, same answer, whatever thread screened it.
  EXPECT_EQ(nlohmann::json::parse(lines[0])["matches"], nlohmann::json::parse(lines[5])["matches"]);
}

TEST(ScreenTest, BatchUsesThresholdAndLimitDefaults) {
  std::string input =
      "{\"id\":1,\"name\":\"Mohammed\"}\n{\"id\":2,\"name\":\"Mohammed\",\"limit\":1}\n";
  RunResult r = RunHudud(
      {"screen", "--db", UnDb(), "--batch", "-", "--threshold", "0.3", "--limit", "4"}, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  nlohmann::json first = nlohmann::json::parse(lines[0]);
  nlohmann::json second = nlohmann::json::parse(lines[1]);
  EXPECT_LE(first["matches"].size(), 4u);
  EXPECT_LE(second["matches"].size(), 1u);
  for (const nlohmann::json& m : first["matches"]) EXPECT_GE(m["score"].get<double>(), 0.3);
}

}  // namespace
}  // namespace hudud::cli::testing
