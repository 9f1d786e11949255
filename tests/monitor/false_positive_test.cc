// Pins the triage of alerts raised by monitoring (store/cases.h) on the
// real UN list: a decision needs a justification; an adverse outcome needs
// a confirmed decision; a false positive is remembered for that subject and
// that entry, so re-screening raises no new alert for the pair until the
// subject's data or the entry changes; reopening forgets it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "lists/list_file.h"
#include "monitor/rescreen.h"
#include "store/access.h"
#include "store/cases.h"
#include "store/monitoring.h"
#include "store/store.h"

namespace hudud::monitor {
namespace {

const char kUnFile[] = HUDUD_DATA_DIR "/lists/un-consolidated-2026-02-27.xml";

class FalsePositiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("hudud-fp-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    std::filesystem::remove(path_);
    Result<lists::ParsedList> un = lists::ReadListFile(kUnFile, "auto");
    ASSERT_TRUE(un.ok()) << un.status().message();
    list_ = std::move(*un);
    Result<std::unique_ptr<store::Store>> s = store::Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->ImportList(list_, "v1", "sha-v1").ok());
    ASSERT_TRUE(store::AddUser(*store_, "root", store::Role::kAdmin, "", "", "", "").ok());
    ASSERT_TRUE(store::AddUser(*store_, "amina", store::Role::kAnalyst, "", "", "", "root").ok());
    ASSERT_TRUE(
        store::AddUser(*store_, "olim", store::Role::kBorderOfficer, "", "", "", "root").ok());
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  // A customer with the name of the first listed person and nothing else
  // known: a hit a person has to look at.
  store::Subject Namesake() const {
    store::Subject s;
    s.id = "cust-001";
    s.names = {list_.entities[0].names[0].full};
    return s;
  }

  int64_t OpenAlertOn(const std::string& subject_id) {
    store::AlertQuery q;
    q.status = "open";
    q.subject_id = subject_id;
    Result<store::AlertPage> page = store::Cases(*store_).Find(q);
    EXPECT_TRUE(page.ok()) << page.status().message();
    return page.ok() && !page->alerts.empty() ? page->alerts.front().id : 0;
  }

  std::string path_;
  lists::ParsedList list_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(FalsePositiveTest, DecisionsNeedAJustificationAndOutcomesAConfirmation) {
  store::Monitoring m(*store_);
  ASSERT_TRUE(m.PutSubjects({Namesake()}, "test").ok());
  ASSERT_TRUE(RescreenAll(*store_, "subject-import").ok());
  const int64_t id = OpenAlertOn("cust-001");
  ASSERT_NE(id, 0);
  store::Cases cases(*store_);

  // Assignment only to someone who may decide alerts.
  EXPECT_FALSE(cases.Assign(id, "olim", "amina").ok());
  EXPECT_FALSE(cases.Assign(id, "nobody", "amina").ok());
  Result<store::Alert> assigned = cases.Assign(id, "amina", "amina");
  ASSERT_TRUE(assigned.ok()) << assigned.status().message();
  EXPECT_EQ(assigned->assignee, "amina");
  ASSERT_TRUE(cases.Comment(id, "Ожидаем копию паспорта от банка.", "amina").ok());
  EXPECT_FALSE(cases.Comment(id, "  \n", "amina").ok());

  // No adverse outcome before a person confirmed the match.
  Result<store::Alert> early =
      cases.RecordOutcome(id, store::Outcome::kFreezeReport, "freeze the account now", "amina");
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.status().message().find("confirmed decision"), std::string::npos);

  // A decision without a real justification is refused and changes nothing.
  EXPECT_FALSE(cases.Decide(id, store::Decision::kConfirmed, "", "amina").ok());
  EXPECT_FALSE(cases.Decide(id, store::Decision::kConfirmed, "yes", "amina").ok());
  EXPECT_EQ(cases.Get(id)->status, "open");

  // Inconclusive keeps it in the queue; confirmed closes it.
  Result<store::Alert> unsure = cases.Decide(id, store::Decision::kInconclusive,
                                             "date of birth unknown, asked the bank", "amina");
  ASSERT_TRUE(unsure.ok()) << unsure.status().message();
  EXPECT_EQ(unsure->status, "open");
  EXPECT_EQ(unsure->decision, "inconclusive");
  Result<store::Alert> sure = cases.Decide(id, store::Decision::kConfirmed,
                                           "passport copy matches the listed document", "amina");
  ASSERT_TRUE(sure.ok()) << sure.status().message();
  EXPECT_EQ(sure->status, "closed");
  EXPECT_EQ(sure->decided_by, "amina");
  EXPECT_FALSE(
      cases.Decide(id, store::Decision::kFalsePositive, "changed my mind entirely", "amina").ok());
  Result<store::Alert> out = cases.RecordOutcome(id, store::Outcome::kFreezeReport,
                                                 "report FR-2026-17 sent to the FIU", "amina");
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->outcome, "freeze-report");

  // The whole history, in order, with who did what.
  Result<std::vector<store::AlertEvent>> events = cases.Events(id);
  ASSERT_TRUE(events.ok());
  std::vector<std::string> actions;
  for (const auto& e : *events) actions.push_back(e.action);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"assigned", "comment", "decided", "decided", "outcome"}));
  EXPECT_EQ((*events)[1].detail, "Ожидаем копию паспорта от банка.");
  EXPECT_EQ(cases.Get(999999).status().code(), Status::Code::kNotFound);
}

TEST_F(FalsePositiveTest, AFalsePositiveIsNotRaisedAgainUntilTheDataChanges) {
  store::Monitoring m(*store_);
  ASSERT_TRUE(m.PutSubjects({Namesake()}, "test").ok());
  ASSERT_TRUE(RescreenAll(*store_, "subject-import").ok());
  const int64_t id = OpenAlertOn("cust-001");
  ASSERT_NE(id, 0);
  const store::Alert first = *store::Cases(*store_).Get(id);
  EXPECT_FALSE(first.subject_hash.empty());
  EXPECT_FALSE(first.entity_hash.empty());
  ASSERT_TRUE(store::Cases(*store_)
                  .Decide(id, store::Decision::kFalsePositive,
                          "customer born 1990 per ID card, listed person decades earlier", "amina")
                  .ok());

  // Re-screening the same data raises nothing for the pair.
  Result<RescreenReport> again = RescreenAll(*store_, "rescreen");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(OpenAlertOn("cust-001"), 0);
  Result<std::optional<store::FalsePositive>> fp = store::Cases(*store_).RememberedFalsePositive(
      "subject:cust-001", first.list_id, first.entity_id);
  ASSERT_TRUE(fp.ok() && fp->has_value());
  EXPECT_EQ((*fp)->decided_by, "amina");

  // The subject's data changes: the pair is new again.
  store::Subject changed = Namesake();
  changed.names.push_back("Abu Omar");  // the bank learnt a second name
  ASSERT_TRUE(m.PutSubjects({changed}, "test").ok());
  ASSERT_TRUE(RescreenAll(*store_, "rescreen").ok());
  const int64_t second = OpenAlertOn("cust-001");
  ASSERT_NE(second, 0);
  EXPECT_NE(second, id);
  ASSERT_TRUE(store::Cases(*store_)
                  .Decide(second, store::Decision::kFalsePositive,
                          "second name checked, still a different person", "amina")
                  .ok());
  ASSERT_TRUE(RescreenAll(*store_, "rescreen").ok());
  EXPECT_EQ(OpenAlertOn("cust-001"), 0);

  // The entry changes (a new alias in the next list version): new again.
  lists::ParsedList v2 = list_;
  v2.generated_at = "2026-03-15";
  model::Name alias;
  alias.full = "Abu Hafs al-Kuwaiti";
  alias.kind = model::NameKind::kGoodAlias;
  v2.entities[0].names.push_back(alias);
  Result<store::ImportSummary> imported = store_->ImportList(v2, "v2", "sha-v2");
  ASSERT_TRUE(imported.ok());
  ASSERT_TRUE(RescreenAll(*store_, "rescreen").ok());
  EXPECT_NE(OpenAlertOn("cust-001"), 0);
}

TEST_F(FalsePositiveTest, ReopeningForgetsTheFalsePositive) {
  store::Monitoring m(*store_);
  ASSERT_TRUE(m.PutSubjects({Namesake()}, "test").ok());
  ASSERT_TRUE(RescreenAll(*store_, "subject-import").ok());
  const int64_t id = OpenAlertOn("cust-001");
  ASSERT_NE(id, 0);
  store::Cases cases(*store_);
  ASSERT_TRUE(
      cases.Decide(id, store::Decision::kFalsePositive, "different person, checked", "amina").ok());
  EXPECT_FALSE(cases.Reopen(id, "", "amina").ok());
  Result<store::Alert> reopened =
      cases.Reopen(id, "bank sent a new passport copy matching the entry", "amina");
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  EXPECT_EQ(reopened->status, "open");
  EXPECT_EQ(reopened->decision, "");
  const store::Alert a = *cases.Get(id);
  Result<std::optional<store::FalsePositive>> fp =
      cases.RememberedFalsePositive("subject:cust-001", a.list_id, a.entity_id);
  ASSERT_TRUE(fp.ok());
  EXPECT_FALSE(fp->has_value());
}

TEST_F(FalsePositiveTest, TheQueueFiltersAndPages) {
  std::vector<store::Subject> subjects;
  for (size_t i = 0; i < 40 && i < list_.entities.size(); ++i) {
    store::Subject s;
    s.id = "c" + std::to_string(i);
    s.names = {list_.entities[i].names[0].full};
    subjects.push_back(s);
  }
  ASSERT_TRUE(store::Monitoring(*store_).PutSubjects(subjects, "test").ok());
  ASSERT_TRUE(RescreenAll(*store_, "subject-import").ok());
  store::Cases cases(*store_);
  store::AlertQuery q;
  q.limit = 7;
  Result<store::AlertPage> page = cases.Find(q);
  ASSERT_TRUE(page.ok());
  const int64_t total = page->total;
  ASSERT_GT(total, 20);
  int64_t seen = 0, last = INT64_MAX;
  while (true) {
    for (const store::Alert& a : page->alerts) {
      EXPECT_LT(a.id, last);  // newest first, no repeats
      last = a.id;
      ++seen;
    }
    if (page->next == 0) break;
    q.before_id = page->next;
    page = cases.Find(q);
    ASSERT_TRUE(page.ok());
  }
  EXPECT_EQ(seen, total);

  const int64_t one = cases.Find({})->alerts.front().id;
  ASSERT_TRUE(cases.Assign(one, "amina", "amina").ok());
  store::AlertQuery mine;
  mine.assignee = "amina";
  EXPECT_EQ(cases.Find(mine)->total, 1);
  store::AlertQuery nobody;
  nobody.unassigned = true;
  EXPECT_EQ(cases.Find(nobody)->total, total - 1);
  store::AlertQuery high;
  high.min_score = 2.0;
  EXPECT_EQ(cases.Find(high)->total, 0);
  store::AlertQuery bad;
  bad.limit = 5000;
  EXPECT_FALSE(cases.Find(bad).ok());
}

}  // namespace
}  // namespace hudud::monitor
