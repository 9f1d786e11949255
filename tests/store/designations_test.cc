// Pins store/designations.cc: the four-eyes designation workflow of a
// national list: propose, approve by another user, publish as a version
// that screening loads; amend; delist; reject; self-approval and double
// decisions refused; a failed publication changes nothing; every step in
// the history with who and when.
#include "store/designations.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.h"

namespace hudud::store {
namespace {

class DesignationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("hudud-desig-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    std::filesystem::remove(path_);
    Result<std::unique_ptr<Store>> s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  static model::Entity Person(const std::string& name, const std::string& alias = "") {
    model::Entity e;
    e.kind = model::EntityKind::kPerson;
    model::Name n;
    n.full = name;
    e.names.push_back(n);
    if (!alias.empty()) {
      n.full = alias;
      n.kind = model::NameKind::kGoodAlias;
      e.names.push_back(n);
    }
    return e;
  }

  std::vector<std::string> ActiveIds() {
    Result<std::vector<model::Entity>> all = store_->LoadActiveEntities();
    EXPECT_TRUE(all.ok());
    std::vector<std::string> ids;
    for (const auto& e : *all) ids.push_back(e.id);
    return ids;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(DesignationsTest, ProposeApprovePublishMakesAVersionScreeningLoads) {
  DesignationRegistry r(*store_);
  Result<Proposal> p = r.ProposeDesignation(
      "kw", Person("عبد الله محمد الأنصاري", "Abdullah Mohammed al-Ansari"),
      "Financing of terrorism", {"FIU report 2026/311", "court case 77/2026"}, "alice");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->entity_id, "kw:1");
  EXPECT_EQ(p->state, "proposed");
  EXPECT_EQ(p->evidence.size(), 2u);
  EXPECT_FALSE(p->entity.listed_on.empty());

  // Four eyes.
  Result<Proposal> self = r.Approve(p->id, "alice", "");
  ASSERT_FALSE(self.ok());
  EXPECT_NE(self.status().message().find("four eyes"), std::string::npos);
  EXPECT_FALSE(r.Publish("kw", "alice").ok());  // nothing approved yet
  EXPECT_TRUE(ActiveIds().empty());

  Result<Proposal> ok = r.Approve(p->id, "bob", "checked");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->state, "approved");
  EXPECT_EQ(ok->decided_by, "bob");
  EXPECT_FALSE(r.Approve(p->id, "carol", "").ok());  // decided already

  Result<ImportSummary> s = r.Publish("kw", "bob");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->added, 1);
  EXPECT_EQ(ActiveIds(), std::vector<std::string>{"kw:1"});
  Result<Proposal> after = r.Get(p->id);
  EXPECT_EQ(after->state, "published");
  EXPECT_EQ(after->published_version, s->version.id);

  Result<std::vector<ProposalEvent>> ev = r.Events(p->id);
  ASSERT_TRUE(ev.ok());
  ASSERT_EQ(ev->size(), 3u);
  EXPECT_EQ((*ev)[0].action, "proposed");
  EXPECT_EQ((*ev)[0].actor, "alice");
  EXPECT_EQ((*ev)[1].action, "approved");
  EXPECT_EQ((*ev)[1].actor, "bob");
  EXPECT_EQ((*ev)[2].action, "published");
  EXPECT_FALSE((*ev)[2].at.empty());
}

TEST_F(DesignationsTest, AmendDelistRejectAndTheirChecks) {
  DesignationRegistry r(*store_);
  Result<Proposal> a = r.ProposeDesignation("kw", Person("Абдулло Раҳимов"), "r", {}, "alice");
  Result<Proposal> b = r.ProposeDesignation("kw", Person("Jamshid Rahimov"), "r", {}, "alice");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(b->entity_id, "kw:2");
  ASSERT_TRUE(r.Approve(a->id, "bob", "").ok());
  ASSERT_TRUE(r.Approve(b->id, "bob", "").ok());
  ASSERT_TRUE(r.Publish("kw", "bob").ok());

  // Not listed, or listed already: refused.
  EXPECT_FALSE(r.ProposeAmendment("kw:9", Person("X"), "r", {}, "alice").ok());
  EXPECT_FALSE(r.ProposeDelisting("kw:9", "r", {}, "alice").ok());
  model::Entity dup = Person("Jamshid Rahimov");
  dup.source_id = "2";
  EXPECT_FALSE(r.ProposeDesignation("kw", dup, "r", {}, "alice").ok());
  EXPECT_FALSE(r.ProposeDesignation("kw", Person("X"), "", {}, "alice").ok());  // no reasons
  EXPECT_FALSE(r.ProposeDesignation("kw", Person("X"), "r", {}, "").ok());      // no actor

  Result<Proposal> amend = r.ProposeAmendment("kw:1", Person("Абдулло Раҳимов", "Abdullo Rakhimov"),
                                              "alias", {}, "carol");
  ASSERT_TRUE(amend.ok()) << amend.status().message();
  // One pending proposal per entry.
  EXPECT_FALSE(r.ProposeDelisting("kw:1", "r", {}, "alice").ok());
  Result<Proposal> delist = r.ProposeDelisting("kw:2", "court ruling", {"ruling 5/2026"}, "carol");
  ASSERT_TRUE(delist.ok());
  Result<Proposal> extra = r.ProposeDesignation("kw", Person("Olivier Martin"), "r", {}, "carol");
  ASSERT_TRUE(extra.ok());
  EXPECT_FALSE(r.Reject(extra->id, "alice", "").ok());  // a rejection says why
  ASSERT_TRUE(r.Reject(extra->id, "alice", "insufficient evidence").ok());
  ASSERT_TRUE(r.Approve(amend->id, "alice", "").ok());
  ASSERT_TRUE(r.Approve(delist->id, "alice", "").ok());

  Result<ImportSummary> s = r.Publish("kw", "alice");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->changed, 1);
  EXPECT_EQ(s->removed, 1);
  EXPECT_EQ(s->added, 0);
  EXPECT_EQ(ActiveIds(), std::vector<std::string>{"kw:1"});
  Result<std::vector<model::Entity>> all = store_->LoadActiveEntities();
  ASSERT_EQ((*all)[0].names.size(), 2u);
  EXPECT_EQ(r.Get(extra->id)->state, "rejected");
}

TEST_F(DesignationsTest, AFailedPublicationChangesNothing) {
  DesignationRegistry r(*store_);
  Result<Proposal> p = r.ProposeDesignation("kw", Person("Hamid al-Ansari"), "r", {}, "alice");
  ASSERT_TRUE(r.Approve(p->id, "bob", "").ok());
  // Make the last step of publishing (marking the proposals published)
  // fail, after the new version has been written inside the transaction.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TRIGGER fail_publish BEFORE UPDATE ON designation_proposals "
                         "WHEN NEW.state = 'published' BEGIN SELECT RAISE(ABORT, 'injected'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  Result<ImportSummary> s = r.Publish("kw", "bob");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("injected"), std::string::npos) << s.status().message();
  EXPECT_EQ(r.Get(p->id)->state, "approved");
  EXPECT_TRUE(ActiveIds().empty());
  Result<std::vector<ListVersion>> versions = store_->ListVersions();
  EXPECT_TRUE(versions->empty());

  ASSERT_EQ(sqlite3_exec(db, "DROP TRIGGER fail_publish", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  ASSERT_TRUE(r.Publish("kw", "bob").ok());
  EXPECT_EQ(ActiveIds(), std::vector<std::string>{"kw:1"});
}

}  // namespace
}  // namespace hudud::store
