// Pins store/unmask.cc and store/notifications.cc: unmasking a
// depersonalised object needs a request by an analyst and the decision of
// the data-protection officer, never on their own request; the requester,
// and only they, read the original, only after approval and before it
// expires; every read is an 'unmasking' audit record; the DPO's role is
// notified of the request, the decision and each use.
#include "store/unmask.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "retention_data.h"
#include "store/access.h"
#include "store/audit.h"
#include "store/notifications.h"
#include "store/retention.h"
#include "store/vault.h"
#include "store_fixture.h"

namespace hudud::store {
namespace {

using testing::Sql;
using testing::SqlValue;

class UnmaskTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    ASSERT_TRUE(AddUser(*store_, "root", Role::kAdmin, "", "", "", "").ok());
    for (auto [name, role] :
         std::vector<std::pair<const char*, Role>>{{"amina", Role::kAnalyst},
                                                   {"karim", Role::kAnalyst},
                                                   {"dpo", Role::kAuditor},
                                                   {"omar", Role::kBorderOfficer}}) {
      ASSERT_TRUE(AddUser(*store_, name, role, "", "", "", "root").ok());
    }
    Result<Vault> v = Vault::FromHex(std::string(64, '7'));
    ASSERT_TRUE(v.ok());
    vault_ = std::make_unique<Vault>(*v);
    ids_ = testing::KeepFixtures(*store_, "2025-01-05T10:00:00Z");
    testing::RaiseAlerts(path_, "2025-01-05T11:00:00Z");
    RetentionOptions o;
    o.now = "2026-01-01";
    ASSERT_TRUE(RunRetention(*store_, *vault_, o).ok());
  }

  std::vector<Notification> DpoNotifications() {
    NotificationFilter f;
    f.role = "auditor";
    Result<std::vector<Notification>> n = ListNotifications(*store_, f);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    return n.ok() ? *n : std::vector<Notification>{};
  }

  Result<UnmaskRequest> Ask(const std::string& object = "manifest:1",
                            const std::string& actor = "amina") {
    return RequestUnmask(*store_, object, "Case 2026/311: the traveller's documents",
                         "ct-investigation", actor);
  }

  std::unique_ptr<Vault> vault_;
  std::vector<int64_t> ids_;
};

TEST_F(UnmaskTest, FourEyesThenTheRequesterReadsTheOriginal) {
  Result<UnmaskRequest> r = Ask();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->state, "pending");
  EXPECT_EQ(r->requested_by, "amina");
  std::vector<Notification> n = DpoNotifications();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, "unmask-requested");
  EXPECT_EQ(n[0].object, "unmask-request:1");
  EXPECT_NE(n[0].text.find("amina asks to unmask manifest:1 for ct-investigation"),
            std::string::npos)
      << n[0].text;

  // Not yet decided: nothing to read.
  Result<UnmaskedData> early = ReadUnmasked(*store_, *vault_, r->id, "amina");
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.status().message().find("pending"), std::string::npos);

  // Another analyst may not decide; the DPO does, with a note.
  Result<UnmaskRequest> by_analyst = DecideUnmask(*store_, r->id, true, "ok", "karim");
  ASSERT_FALSE(by_analyst.ok());
  EXPECT_NE(by_analyst.status().message().find("may not unmask-approve"), std::string::npos)
      << by_analyst.status().message();
  EXPECT_FALSE(DecideUnmask(*store_, r->id, true, "  ", "dpo").ok());
  Result<UnmaskRequest> approved = DecideUnmask(*store_, r->id, true, "proportionate", "dpo");
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_EQ(approved->state, "approved");
  EXPECT_EQ(approved->decided_by, "dpo");
  EXPECT_FALSE(approved->expires_at.empty());
  EXPECT_FALSE(DecideUnmask(*store_, r->id, false, "changed my mind", "dpo").ok());
  n = DpoNotifications();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, "unmask-approved");

  // Only the requester reads it.
  for (const char* other : {"karim", "dpo", "omar", "root", "nobody"}) {
    EXPECT_FALSE(ReadUnmasked(*store_, *vault_, r->id, other).ok()) << other;
  }
  Result<UnmaskedData> data = ReadUnmasked(*store_, *vault_, r->id, "amina");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->kind, "manifest");
  EXPECT_EQ(data->format, "paxlst");
  EXPECT_EQ(data->original, testing::TravelFixture("retention/paxlst-unow-names.edi"));
  ASSERT_TRUE(ReadUnmasked(*store_, *vault_, r->id, "amina").ok());

  // Each read: an unmasking record on the object, and the DPO told.
  AuditFilter f;
  f.action = AuditAction::kUnmasking;
  Result<std::vector<AuditRecord>> reads = ReadAudit(*store_, f);
  ASSERT_TRUE(reads.ok());
  ASSERT_EQ(reads->size(), 2u);
  EXPECT_EQ(reads->front().object, "manifest:1");
  EXPECT_EQ(reads->front().actor, "amina");
  EXPECT_EQ(reads->front().purpose, "ct-investigation");
  n = DpoNotifications();
  ASSERT_EQ(n.size(), 4u);
  EXPECT_EQ(n[0].kind, "unmask-used");
  EXPECT_EQ(n[1].kind, "unmask-used");
  // The request and the decision are audited too, and the chain holds.
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM audit_log WHERE object = 'unmask-request:1'"),
            "2");
  Result<AuditVerification> v = VerifyAudit(*store_);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
}

TEST_F(UnmaskTest, AnAlertsOriginalGivesBackTheNameAndTheExplanation) {
  ASSERT_EQ(SqlValue(path_, "SELECT subject_name FROM alerts WHERE id = 1"), "[masked]");
  Result<UnmaskRequest> r = Ask("alert:1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(DecideUnmask(*store_, r->id, true, "proportionate", "dpo").ok());
  Result<UnmaskedData> data = ReadUnmasked(*store_, *vault_, r->id, "amina");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->kind, "alert");
  nlohmann::json original = nlohmann::json::parse(data->original, nullptr, false);
  ASSERT_TRUE(original.is_object()) << data->original;
  EXPECT_EQ(original["subject_name"], "Dilshod Rahimov");
  EXPECT_EQ(original["explanation"], testing::TravellerExplanation());
  EXPECT_EQ(original["subject_id"], "Dilshod Rahimov");
  // The alert itself stays masked.
  EXPECT_EQ(SqlValue(path_, "SELECT explanation FROM alerts WHERE id = 1"),
            testing::MaskedTravellerExplanation());
}

TEST_F(UnmaskTest, NeverOnesOwnRequest) {
  // No role may both ask and approve; a request written in the DPO's name
  // (another program, a changed role) is still refused to them.
  Sql(path_,
      "INSERT INTO unmask_requests (object, reason, purpose, requested_by, requested_at, state) "
      "VALUES ('alert:1', 'looking at my own case', 'audit', 'dpo', '2026-01-01T00:00:00Z', "
      "'pending')");
  Result<UnmaskRequest> own = DecideUnmask(*store_, 1, true, "fine", "dpo");
  ASSERT_FALSE(own.ok());
  EXPECT_NE(own.status().message().find("four eyes"), std::string::npos) << own.status().message();
  // The DPO cannot ask either.
  Result<UnmaskRequest> asked = Ask("manifest:1", "dpo");
  ASSERT_FALSE(asked.ok());
  EXPECT_NE(asked.status().message().find("may not unmask-request"), std::string::npos);
  EXPECT_FALSE(Ask("manifest:1", "omar").ok());
  EXPECT_FALSE(Ask("manifest:1", "root").ok());
}

TEST_F(UnmaskTest, RejectedAndExpiredApprovalsGiveNothing) {
  Result<UnmaskRequest> r = Ask("alert:1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(DecideUnmask(*store_, r->id, false, "not proportionate", "dpo").ok());
  Result<UnmaskedData> rejected = ReadUnmasked(*store_, *vault_, r->id, "amina");
  ASSERT_FALSE(rejected.ok());
  EXPECT_NE(rejected.status().message().find("rejected"), std::string::npos);
  EXPECT_EQ(DpoNotifications()[0].kind, "unmask-rejected");

  Result<UnmaskRequest> again = Ask("alert:1");
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(
      DecideUnmask(*store_, again->id, true, "briefly", "dpo", std::chrono::seconds(1)).ok());
  Result<UnmaskedData> in_time = ReadUnmasked(*store_, *vault_, again->id, "amina");
  ASSERT_TRUE(in_time.ok()) << in_time.status().ToString();
  EXPECT_EQ(in_time->kind, "alert");
  EXPECT_NE(in_time->original.find("Dilshod Rahimov"), std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  Result<UnmaskedData> late = ReadUnmasked(*store_, *vault_, again->id, "amina");
  ASSERT_FALSE(late.ok());
  EXPECT_NE(late.status().message().find("expired"), std::string::npos);
}

TEST_F(UnmaskTest, OnlyDepersonalisedObjectsThatStillExist) {
  EXPECT_EQ(Ask("alert:3").status().code(), Status::Code::kInvalidArgument);  // monitoring
  EXPECT_EQ(Ask("manifest:99").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(Ask("subject:c1").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Ask("manifest:x").status().code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(RequestUnmask(*store_, "manifest:1", "too short", "ct-investigation", "amina").ok());
  EXPECT_FALSE(RequestUnmask(*store_, "manifest:1", "a long enough reason", "", "amina").ok());

  // Approved, then deleted by retention: gone.
  Result<UnmaskRequest> r = Ask("manifest:2");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(DecideUnmask(*store_, r->id, true, "ok", "dpo").ok());
  RetentionOptions o;
  o.now = "2030-02-01";
  ASSERT_TRUE(RunRetention(*store_, *vault_, o).ok());
  Result<UnmaskedData> gone = ReadUnmasked(*store_, *vault_, r->id, "amina");
  EXPECT_EQ(gone.status().code(), Status::Code::kNotFound) << gone.status().ToString();
}

TEST_F(UnmaskTest, ListsAndNotificationsAreRead) {
  ASSERT_TRUE(Ask("manifest:1").ok());
  ASSERT_TRUE(Ask("alert:2", "karim").ok());
  UnmaskFilter f;
  f.requested_by = "karim";
  Result<std::vector<UnmaskRequest>> mine = ListUnmaskRequests(*store_, f);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front().object, "alert:2");
  Result<std::vector<UnmaskRequest>> all = ListUnmaskRequests(*store_, UnmaskFilter{});
  ASSERT_EQ(all->size(), 2u);
  f = UnmaskFilter();
  f.state = "bogus";
  EXPECT_FALSE(ListUnmaskRequests(*store_, f).ok());

  std::vector<Notification> n = DpoNotifications();
  ASSERT_EQ(n.size(), 2u);
  Result<Notification> read = MarkNotificationRead(*store_, n[0].id, "auditor", "dpo");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->read_by, "dpo");
  EXPECT_EQ(MarkNotificationRead(*store_, n[0].id, "analyst", "amina").status().code(),
            Status::Code::kNotFound);
  NotificationFilter unread;
  unread.role = "auditor";
  unread.unread_only = true;
  EXPECT_EQ(ListNotifications(*store_, unread)->size(), 1u);
  unread.role = "analyst";
  EXPECT_TRUE(ListNotifications(*store_, unread)->empty());
}

}  // namespace
}  // namespace hudud::store
