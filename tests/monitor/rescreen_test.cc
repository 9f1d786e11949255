// Pins monitor/rescreen.cc: after a real list change (the UN list with
// entries added, amended and delisted, including additions whose common
// tokens move other entries' weights), the delta re-screen raises exactly
// the alerts a full re-screen raises; delisting closes the alerts it
// caused; subjects with bad fields are refused naming the field.
#include "monitor/rescreen.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>
#include <tuple>

#include "lists/list_file.h"
#include "store/monitoring.h"
#include "store/store.h"

namespace hudud::monitor {
namespace {

const char kUnFile[] = HUDUD_DATA_DIR "/lists/un-consolidated-2026-02-27.xml";

class RescreenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("hudud-rescreen-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Result<lists::ParsedList> un = lists::ReadListFile(kUnFile, "auto");
    ASSERT_TRUE(un.ok()) << un.status().message();
    v1_ = std::move(*un);
    v2_ = MakeSecondVersion(v1_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The edits a real list update makes: additions (two of them namesakes
  // of listed people, so shared tokens grow more frequent), an amended
  // name, a new alias, and delistings.
  static lists::ParsedList MakeSecondVersion(const lists::ParsedList& v1) {
    lists::ParsedList v2 = v1;
    v2.generated_at = "2026-03-15";
    auto add_person = [&v2](const std::string& source_id, const std::string& name,
                            const std::string& dob) {
      model::Entity e;
      e.source_id = source_id;
      e.id = "un:" + source_id;
      e.list_id = "un";
      e.kind = model::EntityKind::kPerson;
      e.listed_on = "2026-03-14";
      model::Name n;
      n.full = name;
      e.names.push_back(n);
      model::DateOfBirth d;
      d.from = *model::ParsePartialDate(dob);
      e.dates_of_birth.push_back(d);
      v2.entities.push_back(e);
    };
    add_person("99000001", "Abdul Rahman Yasin al-Tikriti", "1960");
    add_person("99000002", "Jamshid Rahimov", "1985-04-12");
    add_person("99000003", "Абдулло Раҳимов", "1979");
    add_person("99000004", "محمد عبد الله الأنصاري", "1975");
    for (int k = 0; k < 30; ++k) {
      // Namesakes that make "Rahimov" and "Ansari" commoner in the list.
      add_person("9900010" + std::to_string(k), k % 2 ? "Rustam Rahimov" : "Hamid al-Ansari",
                 std::to_string(1950 + k));
    }
    // Amend: a changed spelling of the 10th entity's primary name, and an
    // alias for the 20th.
    v2.entities[10].names[0].full += " Jr";
    model::Name alias;
    alias.full = "Abu Yusuf al-Kuwaiti";
    alias.kind = model::NameKind::kGoodAlias;
    v2.entities[20].names.push_back(alias);
    // Delist the 5th and 6th.
    v2.entities.erase(v2.entities.begin() + 5, v2.entities.begin() + 7);
    return v2;
  }

  // Held subjects: names close to listed and to added entries, in several
  // scripts, plus people who are not listed.
  std::vector<store::Subject> Subjects() const {
    std::vector<store::Subject> out;
    auto add = [&out](const std::string& name, const std::string& dob = "") {
      store::Subject s;
      s.id = "c" + std::to_string(out.size() + 1);
      s.names = {name};
      s.dob = dob;
      out.push_back(s);
    };
    // Every 7th listed primary name, as written.
    for (size_t i = 0; i < v1_.entities.size(); i += 7) {
      if (!v1_.entities[i].names.empty()) add(v1_.entities[i].names[0].full);
    }
    // The delisted ones and the amended one.
    for (size_t i : {5, 6, 10, 20}) add(v1_.entities[i].names[0].full);
    add("Abdulrahman Yasin al-Tikriti", "1960");
    add("Jamshid Rakhimov");
    add("Абдулло Рахимов");
    add("Abdullo Rahimov", "1979");
    add("Mohammed Abdullah al-Ansari");
    add("Rustam Rakhimov");
    add("Hamid Ansari");
    add("Abu Yusuf al-Kuwaiti");
    add("Mohammed Ali Hassan");
    add("John Smith", "1970");
    add("Мария Иванова");
    add("فاطمة الزهراء");
    return out;
  }

  std::unique_ptr<store::Store> Open(const std::string& name) {
    Result<std::unique_ptr<store::Store>> s = store::Store::Open((dir_ / name).string());
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(*s) : nullptr;
  }

  using Pair = std::tuple<std::string, std::string, double>;
  static std::set<Pair> Raised(store::Store& s, const std::string& trigger) {
    store::Monitoring m(s);
    Result<std::vector<store::Alert>> alerts = m.Alerts({});
    EXPECT_TRUE(alerts.ok());
    std::set<Pair> out;
    for (const store::Alert& a : *alerts) {
      if (a.trigger == trigger) out.insert({a.subject_id, a.entity_id, a.score});
    }
    return out;
  }

  std::filesystem::path dir_;
  lists::ParsedList v1_, v2_;
};

TEST_F(RescreenTest, DeltaRaisesExactlyTheAlertsOfAFullRescreen) {
  auto delta_db = Open("delta.db");
  auto full_db = Open("full.db");
  ASSERT_TRUE(delta_db && full_db);
  for (store::Store* s : {delta_db.get(), full_db.get()}) {
    ASSERT_TRUE(s->ImportList(v1_, "v1", "sha-v1").ok());
    store::Monitoring m(*s);
    ASSERT_TRUE(m.PutSubjects(Subjects(), "test").ok());
    Result<RescreenReport> first = RescreenAll(*s, "subject-import");
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_GT(first->alerts_raised, 20);
  }
  Result<store::ImportSummary> a = delta_db->ImportList(v2_, "v2", "sha-v2");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->added, 34);
  EXPECT_EQ(a->changed, 2);
  EXPECT_EQ(a->removed, 2);
  Result<RescreenReport> delta = RescreenAfterChange(*delta_db, *a);
  ASSERT_TRUE(delta.ok()) << delta.status().message();
  EXPECT_EQ(delta->mode, "delta");
  // The added and amended entries at least; on a list this small most
  // token weights move with the name count, so the delta is most of it.
  EXPECT_GE(delta->entities, 36);
  EXPECT_LE(delta->entities, static_cast<int64_t>(v2_.entities.size()));

  ASSERT_TRUE(full_db->ImportList(v2_, "v2", "sha-v2").ok());
  Result<RescreenReport> full = RescreenAll(*full_db, "rescreen");
  ASSERT_TRUE(full.ok());

  std::set<Pair> from_delta = Raised(*delta_db, "list-change");
  std::set<Pair> from_full = Raised(*full_db, "rescreen");
  EXPECT_EQ(from_delta, from_full);
  EXPECT_EQ(delta->alerts_raised, full->alerts_raised);
  // The additions were found, in Latin and Cyrillic.
  std::set<std::string> hit_entities;
  for (const auto& [subject, entity, score] : from_delta) hit_entities.insert(entity);
  EXPECT_TRUE(hit_entities.count("un:99000001"));
  EXPECT_TRUE(hit_entities.count("un:99000003"));
  EXPECT_TRUE(hit_entities.count("un:99000004"));
}

TEST_F(RescreenTest, DelistingClosesTheAlertsItCaused) {
  auto db = Open("close.db");
  ASSERT_TRUE(db->ImportList(v1_, "v1", "sha-v1").ok());
  store::Monitoring m(*db);
  ASSERT_TRUE(m.PutSubjects(Subjects(), "test").ok());
  ASSERT_TRUE(RescreenAll(*db, "subject-import").ok());
  const std::string gone = v1_.entities[5].id;
  store::AlertFilter open;
  open.status = "open";
  size_t on_gone = 0;
  Result<std::vector<store::Alert>> before = m.Alerts(open);
  ASSERT_TRUE(before.ok());
  for (const store::Alert& al : *before) on_gone += al.entity_id == gone;
  ASSERT_GE(on_gone, 1u);

  Result<store::ImportSummary> s = db->ImportList(v2_, "v2", "sha-v2");
  ASSERT_TRUE(s.ok());
  Result<RescreenReport> r = RescreenAfterChange(*db, *s);
  ASSERT_TRUE(r.ok());
  EXPECT_GE(r->alerts_closed, 1);
  Result<std::vector<store::Alert>> after = m.Alerts({});
  ASSERT_TRUE(after.ok());
  for (const store::Alert& al : *after) {
    if (al.entity_id != gone) continue;
    EXPECT_EQ(al.status, "closed");
    EXPECT_NE(al.closed_reason.find("delisted"), std::string::npos);
    EXPECT_FALSE(al.closed_at.empty());
  }
}

TEST_F(RescreenTest, AlertsRecordDesignationImportAndAlertTimes) {
  auto db = Open("times.db");
  ASSERT_TRUE(db->ImportList(v1_, "v1", "sha-v1").ok());
  store::Monitoring m(*db);
  ASSERT_TRUE(m.PutSubjects(Subjects(), "test").ok());
  Result<store::ImportSummary> s = db->ImportList(v2_, "v2", "sha-v2");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(RescreenAfterChange(*db, *s).ok());
  bool found = false;
  Result<std::vector<store::Alert>> alerts = m.Alerts({});
  ASSERT_TRUE(alerts.ok());
  for (const store::Alert& a : *alerts) {
    if (a.entity_id != "un:99000002") continue;
    found = true;
    EXPECT_EQ(a.designated_at, "2026-03-14");
    EXPECT_EQ(a.imported_at, s->version.imported_at);
    EXPECT_GE(a.raised_at, a.imported_at);
    EXPECT_EQ(a.version_id, s->version.id);
    EXPECT_EQ(a.trigger, "list-change");
  }
  EXPECT_TRUE(found);
}

TEST_F(RescreenTest, UnchangedImportRescreensNothing) {
  auto db = Open("same.db");
  ASSERT_TRUE(db->ImportList(v1_, "v1", "sha-v1").ok());
  Result<store::ImportSummary> again = db->ImportList(v1_, "v1", "sha-v1");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->unchanged);
  Result<RescreenReport> r = RescreenAfterChange(*db, *again);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->mode, "none");
}

TEST(SubjectQueryTest, BadFieldsAreNamed) {
  store::Subject s;
  s.id = "c9";
  s.names = {"Ali Hassan"};
  s.dob = "1975-13-01";
  Result<match::Query> q = SubjectQuery(s, 0.8);
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("c9"), std::string::npos);
  EXPECT_NE(q.status().message().find("dob"), std::string::npos);
  s.dob = "1975";
  s.gender = "x";
  q = SubjectQuery(s, 0.8);
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("gender"), std::string::npos);
  s.gender = "F";
  q = SubjectQuery(s, 0.8);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->dob->year, 1975);
  s.names = {};
  EXPECT_FALSE(SubjectQuery(s, 0.8).ok());
}

}  // namespace
}  // namespace hudud::monitor
