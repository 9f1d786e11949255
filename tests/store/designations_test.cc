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
#include <regex>

#include "store/store.h"
#include "store_fixture.h"

namespace hudud::store {
namespace {

class DesignationsTest : public StoreFixture {
 protected:
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

  int64_t ActiveVersion(const std::string& list_id) {
    Result<std::vector<ListInfo>> lists = store_->Lists();
    EXPECT_TRUE(lists.ok());
    for (const ListInfo& l : *lists) {
      if (l.list_id == list_id) return l.active.id;
    }
    return 0;
  }
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

TEST_F(DesignationsTest, EventsRecordWhoAndWhen) {
  DesignationRegistry r(*store_);
  Result<Proposal> p =
      r.ProposeDesignation("kw", Person("محمدرضا حسینی", "Mohammadreza Hosseini"),
                           "Procurement for a designated network", {"case 12/2026"}, "alice");
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_TRUE(r.Approve(p->id, "bob", "evidence reviewed").ok());
  ASSERT_TRUE(r.Publish("kw", "carol").ok());
  Result<std::vector<ProposalEvent>> ev = r.Events(p->id);
  ASSERT_TRUE(ev.ok());
  ASSERT_EQ(ev->size(), 3u);
  const std::vector<std::string> actors = {"alice", "bob", "carol"};
  const std::regex iso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
  for (size_t i = 0; i < ev->size(); ++i) {
    EXPECT_EQ((*ev)[i].proposal_id, p->id);
    EXPECT_EQ((*ev)[i].actor, actors[i]);
    EXPECT_TRUE(std::regex_match((*ev)[i].at, iso)) << (*ev)[i].at;
  }
  EXPECT_EQ((*ev)[1].detail, "evidence reviewed");
  Result<Proposal> after = r.Get(p->id);
  EXPECT_TRUE(std::regex_match(after->proposed_at, iso));
  EXPECT_TRUE(std::regex_match(after->decided_at, iso));
  EXPECT_TRUE(std::regex_match(after->published_at, iso));
  EXPECT_EQ(after->decision_note, "evidence reviewed");
  EXPECT_EQ(after->entity.names[0].full, "محمدرضا حسینی");

  // The published version: content-addressed, named after the process.
  Result<std::vector<ListVersion>> versions = store_->ListVersions();
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].format, "national");
  EXPECT_EQ((*versions)[0].source, "designations:kw");
  EXPECT_EQ((*versions)[0].sha256.size(), 64u);
}

TEST_F(DesignationsTest, DecisionsAreFinalExceptWithdrawingAnUnpublishedApproval) {
  DesignationRegistry r(*store_);
  Result<Proposal> p = r.ProposeDesignation("kw", Person("Абдулло Раҳимов"), "r", {}, "alice");
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(r.Approve(p->id, "", "").ok());  // no actor
  EXPECT_FALSE(r.Approve(p->id + 1, "bob", "").ok());
  EXPECT_EQ(r.Get(p->id + 1).status().code(), Status::Code::kNotFound);
  ASSERT_TRUE(r.Approve(p->id, "bob", "").ok());
  Result<Proposal> twice = r.Approve(p->id, "carol", "");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("already approved by bob"), std::string::npos)
      << twice.status().message();
  // Withdrawn before publication; then nothing is left to publish.
  ASSERT_TRUE(r.Reject(p->id, "alice", "new evidence exonerates").ok());
  EXPECT_FALSE(r.Approve(p->id, "bob", "").ok());
  Result<ImportSummary> none = r.Publish("kw", "bob");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("nothing to publish"), std::string::npos);
  EXPECT_FALSE(r.Publish("kw", "").ok());

  Result<Proposal> q = r.ProposeDesignation("kw", Person("Абдулло Раҳимов"), "r", {}, "alice");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->entity_id, "kw:2");  // numbers are never reused
  ASSERT_TRUE(r.Approve(q->id, "bob", "").ok());
  ASSERT_TRUE(r.Publish("kw", "bob").ok());
  EXPECT_FALSE(r.Reject(q->id, "bob", "too late").ok());  // published
  Result<std::vector<Proposal>> published = r.Proposals("kw", "published");
  ASSERT_EQ(published->size(), 1u);
  EXPECT_EQ(r.Proposals("", "rejected")->size(), 1u);
  EXPECT_EQ(r.Proposals("other", "")->size(), 0u);
}

TEST_F(DesignationsTest, OnlyNationalListsAreManaged) {
  // A list maintained by others is refused: a local change would vanish at
  // its next import.
  lists::ParsedList un;
  un.list_id = "un";
  un.format = "un-xml";
  model::Entity listed = Person("Ayman al-Zawahiri");
  listed.id = "un:6908555";
  listed.list_id = "un";
  listed.source_id = "6908555";
  un.entities.push_back(listed);
  ASSERT_TRUE(store_->ImportList(un, "un.xml", "0123").ok());
  DesignationRegistry r(*store_);
  Result<Proposal> p = r.ProposeDelisting("un:6908555", "r", {}, "alice");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("not a national list"), std::string::npos)
      << p.status().message();
  EXPECT_FALSE(r.ProposeAmendment("un:6908555", Person("X"), "r", {}, "alice").ok());
  EXPECT_FALSE(r.ProposeDesignation("un", Person("X"), "r", {}, "alice").ok());

  // A national list brought in from its spreadsheet is kept here from then
  // on; its own ids stay, new entries are numbered.
  lists::ParsedList kw;
  kw.list_id = "kw";
  kw.format = "csv";
  model::Entity a = Person("عبد الله محمد");
  a.id = "kw:KW-001";
  a.list_id = "kw";
  a.source_id = "KW-001";
  model::Entity b = Person("Hamid al-Ansari");
  b.id = "kw:KW-002";
  b.list_id = "kw";
  b.source_id = "KW-002";
  kw.entities = {a, b};
  ASSERT_TRUE(store_->ImportList(kw, "kw.csv", "4567").ok());
  Result<Proposal> d = r.ProposeDelisting("kw:KW-002", "deceased", {"certificate 9/2026"}, "alice");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->entity.names[0].full, "Hamid al-Ansari");  // the record delisted
  Result<Proposal> n = r.ProposeDesignation("kw", Person("Абдулло Раҳимов"), "r", {}, "alice");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->entity_id, "kw:1");
  ASSERT_TRUE(r.Approve(d->id, "bob", "").ok());
  ASSERT_TRUE(r.Approve(n->id, "bob", "").ok());

  // The spreadsheet is imported again without KW-002: the approved
  // delisting no longer applies and stops the publication, which changes
  // nothing, until it is withdrawn.
  kw.entities = {a};
  Result<ImportSummary> reimport = store_->ImportList(kw, "kw.csv", "89ab");
  ASSERT_TRUE(reimport.ok());
  const int64_t active = reimport->version.id;
  Result<ImportSummary> stale = r.Publish("kw", "bob");
  ASSERT_FALSE(stale.ok());
  EXPECT_NE(stale.status().message().find("proposal " + std::to_string(d->id)), std::string::npos)
      << stale.status().message();
  EXPECT_EQ(r.Get(n->id)->state, "approved");
  EXPECT_EQ(ActiveVersion("kw"), active);
  ASSERT_TRUE(r.Reject(d->id, "bob", "already removed by the re-import").ok());
  Result<ImportSummary> s = r.Publish("kw", "bob");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->added_ids, std::vector<std::string>{"kw:1"});
  EXPECT_EQ(s->removed, 0);
}

}  // namespace
}  // namespace hudud::store
