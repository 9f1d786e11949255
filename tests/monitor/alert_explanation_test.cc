// Pins what an alert raised by monitoring keeps of the match (rescreen.cc
// into store/cases.h), on the real UN list: the explanation as the engine
// gave it (tokens aligned and the evidence with their contributions, the
// same JSON a screening answers), the held subject's primary name and the
// listed name it matched; and the queue finds it by a piece of either name.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "lists/list_file.h"
#include "match/explanation_json.h"
#include "monitor/rescreen.h"
#include "store/cases.h"
#include "store/monitoring.h"
#include "store/store.h"

namespace hudud::monitor {
namespace {

const char kUnFile[] = HUDUD_DATA_DIR "/lists/un-consolidated-2026-02-27.xml";
const char kZawahiri[] = "un:111923";

class AlertExplanationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("hudud-explain-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    std::filesystem::remove(path_);
    Result<lists::ParsedList> un = lists::ReadListFile(kUnFile, "auto");
    ASSERT_TRUE(un.ok()) << un.status().message();
    Result<std::unique_ptr<store::Store>> s = store::Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->ImportList(*un, "v1", "sha-v1").ok());
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  // A customer spelled otherwise than the list, with an alias, a date of
  // birth and a nationality: tokens to align and evidence to weigh.
  static store::Subject Customer() {
    store::Subject s;
    s.id = "cust-77";
    s.names = {"Aiman al-Zawahri", "Dr. Ayman"};
    s.dob = "1951-06-19";
    s.nationality = "EG";
    return s;
  }

  // The subject's alert on the entry, as the store gives one alert back
  // (the queue's alerts come without their explanations).
  store::Alert AlertOn(const std::string& subject_id, const std::string& entity_id) {
    store::AlertQuery q;
    q.subject_id = subject_id;
    Result<store::AlertPage> page = store::Cases(*store_).Find(q);
    EXPECT_TRUE(page.ok()) << page.status().message();
    if (page.ok()) {
      for (const store::Alert& a : page->alerts) {
        if (a.entity_id != entity_id) continue;
        Result<store::Alert> full = store::Cases(*store_).Get(a.id);
        EXPECT_TRUE(full.ok()) << full.status().message();
        return full.ok() ? *full : a;
      }
    }
    ADD_FAILURE() << "no alert of " << subject_id << " on " << entity_id;
    return {};
  }

  std::string path_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(AlertExplanationTest, AHeldSubjectsAlertKeepsTheMatchAsRaised) {
  ASSERT_TRUE(store::Monitoring(*store_).PutSubjects({Customer()}, "test").ok());
  Result<RescreenReport> r = RescreenAll(*store_, "subject-import");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_GE(r->alerts_raised, 1);
  const store::Alert a = AlertOn("cust-77", kZawahiri);
  EXPECT_EQ(a.source, "monitoring");
  EXPECT_EQ(a.subject_json, "");  // a held subject is shown as held now
  EXPECT_EQ(a.subject_name, "Aiman al-Zawahri");

  nlohmann::json e = nlohmann::json::parse(a.explanation_json, nullptr, false);
  ASSERT_TRUE(e.is_object()) << a.explanation_json;
  for (const char* key : {"query_name", "listed_name", "listed_name_kind", "name_score", "tokens",
                          "evidence", "summary"}) {
    EXPECT_TRUE(e.contains(key)) << key;
  }
  EXPECT_EQ(a.listed_name, e["listed_name"]);
  EXPECT_FALSE(a.listed_name.empty());
  EXPECT_EQ(e["summary"], a.summary);
  EXPECT_GT(e["name_score"].get<double>(), 0.5);
  ASSERT_GE(e["tokens"].size(), 2u) << e.dump();
  int matched = 0;
  for (const auto& t : e["tokens"]) {
    for (const char* key : {"query_token", "listed_token", "query_latin", "listed_latin", "how",
                            "similarity", "weight"}) {
      EXPECT_TRUE(t.contains(key)) << key << " in " << t.dump();
    }
    if (!t["query_token"].get<std::string>().empty() &&
        !t["listed_token"].get<std::string>().empty()) {
      ++matched;
    }
  }
  EXPECT_GE(matched, 2) << e.dump();
  bool dob = false;
  for (const auto& ev : e["evidence"]) {
    for (const char* key : {"field", "query_value", "listed_value", "verdict", "delta"}) {
      EXPECT_TRUE(ev.contains(key)) << key << " in " << ev.dump();
    }
    if (ev["field"] == "dob") {
      dob = true;
      EXPECT_EQ(ev["query_value"], "1951-06-19");
      EXPECT_EQ(ev["verdict"], "agrees");
      EXPECT_GT(ev["delta"].get<double>(), 0);
    }
  }
  EXPECT_TRUE(dob) << e.dump();

  // What a screening of the same subject answers, byte for byte.
  Result<match::Query> q = SubjectQuery(Customer(), match::kDefaultThreshold);
  ASSERT_TRUE(q.ok());
  Result<std::vector<model::Entity>> entities = store_->LoadActiveEntities();
  ASSERT_TRUE(entities.ok());
  Result<std::unique_ptr<match::Screener>> screener = match::Screener::Build(std::move(*entities));
  ASSERT_TRUE(screener.ok());
  Result<std::vector<match::Hit>> hits = (*screener)->Screen(*q);
  ASSERT_TRUE(hits.ok());
  bool same = false;
  for (const match::Hit& h : *hits) {
    if (h.entity_id != kZawahiri) continue;
    same = match::ExplanationJsonText(h.explanation) == a.explanation_json;
  }
  EXPECT_TRUE(same);
}

TEST_F(AlertExplanationTest, TheQueueFindsItByAPieceOfEitherName) {
  ASSERT_TRUE(store::Monitoring(*store_).PutSubjects({Customer()}, "test").ok());
  ASSERT_TRUE(RescreenAll(*store_, "subject-import").ok());
  const store::Alert a = AlertOn("cust-77", kZawahiri);
  // The subject's "Aiman al-Zawahri", the listed "Ayman Al-Zawahari".
  ASSERT_EQ(a.listed_name, "Ayman Al-Zawahari");
  for (const std::string name : {"al-zawahri", "AIMAN", "ZAWAHARI", "ayman al zawahari"}) {
    store::AlertQuery q;
    q.name = name;
    Result<store::AlertPage> page = store::Cases(*store_).Find(q);
    ASSERT_TRUE(page.ok()) << page.status().message();
    bool found = false;
    for (const store::Alert& x : page->alerts) found = found || x.id == a.id;
    EXPECT_TRUE(found) << name << " in " << a.subject_name << " / " << a.listed_name;
  }
}

}  // namespace
}  // namespace hudud::monitor
