// Pins what store/cases.cc keeps of the match: a raised alert stores the
// explanation (as JSON), the name screened and the listed name; Get gives
// them back as stored, Find (the queue) the names without the explanation; an alert raised without
// them (as before they were kept) reads back empty; the queue filters by a piece of either name (as
// stored, or folded: case, accents and punctuation aside) and by kept manifest, and counts what it
// filters.
#include "store/cases.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "retention_data.h"
#include "store_fixture.h"

namespace hudud::store {
namespace {

using testing::SqlValue;

// An explanation as match::ExplanationJsonText writes it.
constexpr const char* kExplanation =
    R"({"query_name":"Dilshod Rakhimov","listed_name":"RAHIMOV DILSHOD KARIMOVICH",)"
    R"("listed_name_kind":"primary","name_score":0.9312,"tokens":[{"query_token":"rakhimov",)"
    R"("listed_token":"rahimov","query_latin":"rakhimov","listed_latin":"rahimov",)"
    R"("how":"skeleton","similarity":0.93,"weight":0.61}],"evidence":[{"field":"dob",)"
    R"("query_value":"1985-03-17","listed_value":"1985-03-17","verdict":"agrees",)"
    R"("delta":0.06}],"summary":"name 0.93 ('rakhimov'~'rahimov' skeleton); dob agrees +0.06"})";

NewAlert Traveller(const std::string& key, const std::string& subject_name,
                   const std::string& listed_name, int64_t manifest_id = 0) {
  NewAlert a;
  a.subject_id = "traveller:" + key;
  a.subject_key = "traveller:" + key + "-full";
  a.subject_hash = key;
  a.entity_id = "un:" + key;
  a.list_id = "un";
  a.entity_hash = "e-" + key;
  a.score = 0.9;
  a.summary = "name 0.90";
  a.trigger = "screening";
  a.source = manifest_id != 0 ? "manifest" : "screening";
  a.manifest_id = manifest_id;
  a.subject_name = subject_name;
  a.listed_name = listed_name;
  a.explanation_json = kExplanation;
  return a;
}

class CasesTest : public StoreFixture {
 protected:
  std::vector<int64_t> Raise(const std::vector<NewAlert>& alerts) {
    Result<std::vector<RaiseResult>> r = Cases(*store_).Raise(alerts);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<int64_t> ids;
    if (r.ok()) {
      for (const RaiseResult& x : *r) ids.push_back(x.alert_id);
    }
    return ids;
  }

  // The ids the queue gives for a name, newest first, and checks the total.
  std::vector<int64_t> Named(const std::string& name, int64_t manifest_id = 0) {
    AlertQuery q;
    q.name = name;
    q.manifest_id = manifest_id;
    Result<AlertPage> page = Cases(*store_).Find(q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<int64_t> ids;
    if (!page.ok()) return ids;
    for (const Alert& a : page->alerts) ids.push_back(a.id);
    EXPECT_EQ(page->total, static_cast<int64_t>(ids.size())) << name;
    return ids;
  }
};

TEST_F(CasesTest, ARaisedAlertKeepsTheExplanationAndTheNames) {
  std::vector<int64_t> ids =
      Raise({Traveller("a1", "Dilshod Rakhimov", "RAHIMOV DILSHOD KARIMOVICH")});
  ASSERT_EQ(ids.size(), 1u);
  Result<Alert> a = Cases(*store_).Get(ids[0]);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->explanation_json, kExplanation);
  EXPECT_EQ(a->subject_name, "Dilshod Rakhimov");
  EXPECT_EQ(a->listed_name, "RAHIMOV DILSHOD KARIMOVICH");
  // Stored as given, in their own columns.
  EXPECT_EQ(SqlValue(path_, "SELECT subject_name || ' ~ ' || listed_name FROM alerts"),
            "Dilshod Rakhimov ~ RAHIMOV DILSHOD KARIMOVICH");
  EXPECT_EQ(SqlValue(path_, "SELECT explanation FROM alerts"), kExplanation);

  Result<AlertPage> page = Cases(*store_).Find(AlertQuery{});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->alerts.size(), 1u);
  // The queue leaves the explanation out (several kB an alert); Get has it.
  EXPECT_EQ(page->alerts[0].explanation_json, "");
  EXPECT_EQ(page->alerts[0].subject_name, "Dilshod Rakhimov");
  EXPECT_EQ(page->alerts[0].listed_name, "RAHIMOV DILSHOD KARIMOVICH");

  // The same pair again joins the open alert and changes nothing of it.
  NewAlert again = Traveller("a1", "Someone Else", "OTHER");
  again.explanation_json = "{}";
  EXPECT_EQ(Raise({again}), ids);
  EXPECT_EQ(Cases(*store_).Get(ids[0])->subject_name, "Dilshod Rakhimov");
}

TEST_F(CasesTest, AnAlertRaisedWithoutThemReadsEmpty) {
  // As the alerts raised before the columns existed (their default).
  testing::Sql(path_,
               "INSERT INTO alerts (subject_id, entity_id, list_id, version_id, score, summary, "
               "status, trigger, designated_at, imported_at, raised_at) VALUES ('c17', 'un:1', "
               "'un', 1, 0.85, 'old', 'open', 'rescreen', '', '', '2025-01-05T11:00:00Z')");
  Result<Alert> a = Cases(*store_).Get(1);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->explanation_json, "");
  EXPECT_EQ(a->subject_name, "");
  EXPECT_EQ(a->listed_name, "");
  EXPECT_EQ(a->summary, "old");
}

TEST_F(CasesTest, TheQueueFindsAPieceOfEitherName) {
  const std::vector<int64_t> ids = Raise({
      Traveller("a1", "Dilshod Rakhimov", "RAHIMOV DILSHOD KARIMOVICH"),
      Traveller("a2", "Айман аз-Завахири", "AL-ZAWĀHIRĪ, Ayman", 7),
      Traveller("a3", "Seán O'Brien", "O'BRIEN SEAN", 7),
      Traveller("a4", "100% Trading_Co", "HUNDRED PERCENT TRADING", 8),
  });
  ASSERT_EQ(ids.size(), 4u);
  // As stored, ASCII case aside.
  EXPECT_EQ(Named("rakhimov"), std::vector<int64_t>{ids[0]});
  EXPECT_EQ(Named("KARIMOV"), std::vector<int64_t>{ids[0]});
  // Folded: Cyrillic case, accents, apostrophes and hyphens aside.
  EXPECT_EQ(Named("ЗАВАХИРИ"), std::vector<int64_t>{ids[1]});
  EXPECT_EQ(Named("zawahiri"), std::vector<int64_t>{ids[1]});
  EXPECT_EQ(Named("al zawahiri"), std::vector<int64_t>{ids[1]});
  EXPECT_EQ(Named("sean obrien"), std::vector<int64_t>{ids[2]});
  // LIKE's own characters are themselves.
  EXPECT_EQ(Named("100%"), std::vector<int64_t>{ids[3]});
  EXPECT_EQ(Named("%"), std::vector<int64_t>{ids[3]});
  EXPECT_EQ(Named("g_co"), std::vector<int64_t>{ids[3]});
  EXPECT_TRUE(Named("_x").empty());
  EXPECT_EQ(Named("'"), (std::vector<int64_t>{ids[2]}));
  // Nothing: no match, and SQL is a value like any other.
  EXPECT_TRUE(Named("petrov").empty());
  EXPECT_TRUE(Named("x' OR 1=1 --").empty());
  // By kept manifest, alone and with a name; newest first.
  EXPECT_EQ(Named("", 7), (std::vector<int64_t>{ids[2], ids[1]}));
  EXPECT_EQ(Named("o'brien", 7), std::vector<int64_t>{ids[2]});
  EXPECT_TRUE(Named("rakhimov", 7).empty());
  EXPECT_EQ(Named("").size(), 4u);
}

}  // namespace
}  // namespace hudud::store
