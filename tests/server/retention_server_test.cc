// Retention and four-eyes unmasking over HTTP: every role against every
// new route (POST /v1/retention/run, GET /v1/retention/status, the
// unmasking requests, their decision and data, the notifications), the
// purpose rules, the problems for bad input, what is recorded in the audit
// chain, and the retention run the server schedules itself; meal and
// medical requests deleted from an uploaded message before it is kept, and
// the flights list saying which kept messages are depersonalised.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <thread>

#include "../store/retention_data.h"
#include "live_server.h"
#include "store/audit.h"
#include "store/store.h"
#include "travel/passenger_message.h"

namespace hudud::server {
namespace {

using api::Json;

const char* const kRoles[] = {"root", "lena", "amina", "omar", "dpo", "bank"};

// `days` from now as a UTC date-time.
std::string DaysFromNow(int days) {
  const std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Both retention fixtures kept and traveller alerts raised 200 days ago:
// past the six months.
void KeepOldTravellerData(const std::string& db) {
  auto store = store::Store::Open(db);
  ASSERT_TRUE(store.ok());
  store::testing::KeepFixtures(**store, DaysFromNow(-200));
  store::testing::RaiseAlerts(db, DaysFromNow(-200));
}

void RemoveVaultKey(const std::string& db) { std::filesystem::remove(db + ".vault-key"); }

ServerOptions NoSchedule() {
  ServerOptions o;
  o.retention_interval_seconds = 0;
  return o;
}

class RetentionServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    live_ = new LiveServer("retention", NoSchedule());
    KeepOldTravellerData(live_->db());
  }
  static void TearDownTestSuite() {
    RemoveVaultKey(live_->db());
    delete live_;
  }
  // Runs retention through the API once for the suite.
  static void Depersonalised() {
    if (ran_) return;
    auto r = live_->Post("/v1/retention/run", "", "root", "retention");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    ran_ = true;
  }
  static LiveServer* live_;
  static bool ran_;
};
LiveServer* RetentionServerTest::live_ = nullptr;
bool RetentionServerTest::ran_ = false;

TEST_F(RetentionServerTest, OnlyTheAdminRunsRetentionAndItIsAudited) {
  for (const char* user : kRoles) {
    if (std::string(user) == "root") continue;
    LiveServer::ExpectProblem(live_->Post("/v1/retention/run", "", user, "retention"), 403,
                              "forbidden");
    LiveServer::ExpectProblem(live_->Get("/v1/retention/status", user, ""), 403, "forbidden");
  }
  LiveServer::ExpectProblem(live_->Post("/v1/retention/run", "", "", "retention"), 401,
                            "unauthenticated");
  LiveServer::ExpectProblem(live_->Post("/v1/retention/run", "", "root", ""), 400,
                            "purpose-required");
  LiveServer::ExpectProblem(live_->Post("/v1/retention/run", "", "root", "ct-investigation"), 400,
                            "unknown-purpose");
  LiveServer::ExpectProblem(
      live_->Post("/v1/retention/run", R"({"now":"2030-01-01"})", "root", "retention"), 400,
      "invalid-request");

  auto before = live_->Get("/v1/retention/status", "root", "");
  ASSERT_TRUE(before);
  ASSERT_EQ(before->status, 200) << before->body;
  Json st = LiveServer::Body(before);
  EXPECT_EQ(st["due"]["manifests_to_depersonalise"], 2);
  EXPECT_EQ(st["due"]["alerts_to_depersonalise"], 2);
  EXPECT_EQ(st["schedule"]["interval_seconds"], 0);
  EXPECT_EQ(st["schedule"]["depersonalise_after"], "6m");

  Depersonalised();
  auto after = live_->Get("/v1/retention/status", "root", "");
  Json done = LiveServer::Body(after);
  EXPECT_EQ(done["due"]["manifests_to_depersonalise"], 0);
  EXPECT_EQ(done["done"]["manifests_depersonalised"], 2);
  EXPECT_EQ(done["done"]["alerts_depersonalised"], 2);
  ASSERT_FALSE(done["runs"].empty());
  EXPECT_EQ(done["runs"][0]["trigger"], "api");
  EXPECT_EQ(done["runs"][0]["actor"], "root");
  EXPECT_EQ(done["runs"][0]["state"], "complete");

  // Nothing of the traveller data is left; the run is in the trail,
  // each batch's erasure record names the admin; the chain verifies.
  const std::string all = store::testing::Everything(live_->db());
  for (const std::string& v : store::testing::PnrgovValues()) {
    EXPECT_EQ(all.find(v), std::string::npos) << v;
  }
  auto store = store::Store::Open(live_->db());
  ASSERT_TRUE(store.ok());
  store::AuditFilter f;
  f.object_prefix = "retention:";
  auto records = store::ReadAudit(**store, f);
  ASSERT_TRUE(records.ok());
  bool run = false, batch = false;
  for (const auto& r : *records) {
    run = run || (r.object == "retention:run" && r.actor == "root" && r.purpose == "retention");
    batch = batch || (r.object == "retention:manifests" && r.actor == "root" &&
                      r.action == store::AuditAction::kErasure);
  }
  EXPECT_TRUE(run);
  EXPECT_TRUE(batch);
  auto verify = live_->Get("/v1/audit/verify", "dpo", "");
  ASSERT_TRUE(verify);
  EXPECT_EQ(LiveServer::Body(verify)["ok"], true) << verify->body;
  EXPECT_TRUE(LiveServer::Body(verify).contains("masked"));
}

TEST_F(RetentionServerTest, FourEyesUnmaskingForEveryRole) {
  Depersonalised();
  // Who may ask: analysts only, with a purpose.
  const std::string ask = R"({"object":"manifest:1","reason":"Case 2026/311 needs the names"})";
  for (const char* user : {"root", "lena", "omar", "dpo", "bank"}) {
    LiveServer::ExpectProblem(live_->Post("/v1/unmask-requests", ask, user, "ct-investigation"),
                              403, "forbidden");
  }
  LiveServer::ExpectProblem(live_->Post("/v1/unmask-requests", ask, "amina", ""), 400,
                            "purpose-required");
  auto created = live_->Post("/v1/unmask-requests", ask, "amina", "ct-investigation");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  Json req = LiveServer::Body(created);
  EXPECT_EQ(req["state"], "pending");
  EXPECT_EQ(req["purpose"], "ct-investigation");
  const std::string id = std::to_string(req["id"].get<int64_t>());
  const std::string base = "/v1/unmask-requests/" + id;

  // The DPO is told.
  auto notes = live_->Get("/v1/notifications", "dpo", "");
  ASSERT_TRUE(notes);
  ASSERT_EQ(notes->status, 200);
  Json n = LiveServer::Body(notes)["notifications"];
  ASSERT_FALSE(n.empty());
  EXPECT_EQ(n[0]["kind"], "unmask-requested");

  // Reading it: the requester and the DPO; another analyst not; others no role.
  EXPECT_EQ(live_->Get(base, "amina", "ct-investigation")->status, 200);
  EXPECT_EQ(live_->Get(base, "dpo", "data-protection")->status, 200);
  LiveServer::ExpectProblem(live_->Get(base, "karim", "ct-investigation"), 403, "forbidden");
  for (const char* user : {"root", "lena", "omar", "bank"}) {
    LiveServer::ExpectProblem(live_->Get(base, user, "border-control"), 403, "forbidden");
    LiveServer::ExpectProblem(live_->Get("/v1/unmask-requests", user, "border-control"), 403,
                              "forbidden");
  }
  auto mine = live_->Get("/v1/unmask-requests", "karim", "ct-investigation");
  ASSERT_TRUE(mine);
  EXPECT_TRUE(LiveServer::Body(mine)["requests"].empty()) << mine->body;
  auto all = live_->Get("/v1/unmask-requests?state=pending", "dpo", "data-protection");
  EXPECT_FALSE(LiveServer::Body(all)["requests"].empty());

  // No data before the decision.
  LiveServer::ExpectProblem(live_->Get(base + "/data", "amina", "ct-investigation"), 403,
                            "forbidden");
  // Deciding: the DPO only, with a note.
  const std::string ok = R"({"note":"proportionate for case 2026/311"})";
  for (const char* user : {"root", "lena", "amina", "karim", "omar", "bank"}) {
    LiveServer::ExpectProblem(live_->Post(base + "/approve", ok, user, "ct-investigation"), 403,
                              "forbidden");
  }
  LiveServer::ExpectProblem(live_->Post(base + "/approve", "{}", "dpo", "data-protection"), 400,
                            "invalid-request");
  auto approved = live_->Post(base + "/approve", ok, "dpo", "data-protection");
  ASSERT_TRUE(approved);
  ASSERT_EQ(approved->status, 200) << approved->body;
  EXPECT_EQ(LiveServer::Body(approved)["state"], "approved");
  LiveServer::ExpectProblem(
      live_->Post(base + "/reject", R"({"note":"no"})", "dpo", "data-protection"), 409, "conflict");

  // The data: the requester, for the purpose approved.
  LiveServer::ExpectProblem(live_->Get(base + "/data", "amina", "border-control"), 403,
                            "forbidden");
  LiveServer::ExpectProblem(live_->Get(base + "/data", "karim", "ct-investigation"), 403,
                            "forbidden");
  for (const char* user : {"root", "lena", "omar", "dpo", "bank"}) {
    LiveServer::ExpectProblem(live_->Get(base + "/data", user, "data-protection"), 403,
                              "forbidden");
  }
  auto data = live_->Get(base + "/data", "amina", "ct-investigation");
  ASSERT_TRUE(data);
  ASSERT_EQ(data->status, 200) << data->body;
  Json d = LiveServer::Body(data);
  EXPECT_EQ(d["kind"], "manifest");
  EXPECT_EQ(d["raw"], store::testing::TravelFixture("retention/paxlst-unow-names.edi"));

  // The DPO was told of the decision and the use; the read is audited.
  n = LiveServer::Body(live_->Get("/v1/notifications?unread=true", "dpo", ""))["notifications"];
  ASSERT_GE(n.size(), 3u);
  EXPECT_EQ(n[0]["kind"], "unmask-used");
  EXPECT_EQ(n[1]["kind"], "unmask-approved");
  auto marked = live_->Post(
      "/v1/notifications/" + std::to_string(n[0]["id"].get<int64_t>()) + "/read", "", "dpo", "");
  ASSERT_TRUE(marked);
  EXPECT_EQ(marked->status, 200) << marked->body;
  EXPECT_EQ(LiveServer::Body(marked)["read_by"], "dpo");
  LiveServer::ExpectProblem(
      live_->Post("/v1/notifications/" + std::to_string(n[1]["id"].get<int64_t>()) + "/read", "",
                  "amina", ""),
      404, "not-found");
  auto store = store::Store::Open(live_->db());
  ASSERT_TRUE(store.ok());
  store::AuditFilter f;
  f.action = store::AuditAction::kUnmasking;
  auto reads = store::ReadAudit(**store, f);
  ASSERT_TRUE(reads.ok());
  ASSERT_EQ(reads->size(), 1u);
  EXPECT_EQ(reads->front().actor, "amina");
  EXPECT_EQ(reads->front().object, "manifest:1");
}

TEST_F(RetentionServerTest, ADepersonalisedAlertIsMaskedAndUnmaskingGivesItsMatchBack) {
  Depersonalised();
  // The queue and the alert: the traveller's name and side of the match
  // masked, the listed side kept.
  auto queue = live_->Get("/v1/alerts?case=HUD-7", "amina", "ct-investigation");
  ASSERT_TRUE(queue);
  ASSERT_EQ(queue->status, 200) << queue->body;
  Json item = LiveServer::Body(queue)["alerts"][0];
  EXPECT_EQ(item["subject_name"], "[masked]");
  EXPECT_EQ(item["listed_name"], "RAHIMOV DILSHOD KARIMOVICH");
  auto shown = live_->Get("/v1/alerts/1", "amina", "ct-investigation");
  ASSERT_TRUE(shown);
  ASSERT_EQ(shown->status, 200) << shown->body;
  Json e = LiveServer::Body(shown)["explanation"];
  ASSERT_TRUE(e.is_object()) << shown->body;
  EXPECT_EQ(e, Json::parse(store::testing::MaskedTravellerExplanation()));
  for (const std::string& v : store::testing::AlertAndAuditValues()) {
    EXPECT_EQ(shown->body.find(v), std::string::npos) << v;
  }

  // Under four eyes, the original comes back with its name and explanation.
  auto created =
      live_->Post("/v1/unmask-requests",
                  R"({"object":"alert:1","reason":"Case 2026/311: who was matched, and how"})",
                  "amina", "ct-investigation");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string base =
      "/v1/unmask-requests/" + std::to_string(LiveServer::Body(created)["id"].get<int64_t>());
  auto approved = live_->Post(base + "/approve", R"({"note":"proportionate for case 2026/311"})",
                              "dpo", "data-protection");
  ASSERT_TRUE(approved);
  ASSERT_EQ(approved->status, 200) << approved->body;
  auto data = live_->Get(base + "/data", "amina", "ct-investigation");
  ASSERT_TRUE(data);
  ASSERT_EQ(data->status, 200) << data->body;
  Json original = LiveServer::Body(data)["alert"];
  EXPECT_EQ(original["subject_name"], "Dilshod Rahimov");
  EXPECT_EQ(original["explanation"], Json::parse(store::testing::TravellerExplanation()));
  EXPECT_EQ(original["explanation"]["tokens"][1]["query_token"], "Рахимофф");
}

TEST_F(RetentionServerTest, NotificationsForEveryRoleAndNoneWithoutCredentials) {
  for (const char* user : kRoles) {
    auto r = live_->Get("/v1/notifications", user, "");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << user << ": " << r->body;
  }
  LiveServer::ExpectProblem(live_->Get("/v1/notifications", "", ""), 401, "unauthenticated");
  LiveServer::ExpectProblem(live_->Get("/v1/notifications?unread=maybe", "dpo", ""), 400,
                            "invalid-request");
}

TEST_F(RetentionServerTest, FourEyesIsEnforcedBelowTheRoles) {
  Depersonalised();
  // A request standing in the DPO's own name (written by another program,
  // or a role changed since) cannot be decided by them.
  store::testing::Sql(live_->db(),
                      "INSERT INTO unmask_requests (object, reason, purpose, requested_by, "
                      "requested_at, state) VALUES ('alert:1', 'my own look at it', "
                      "'data-protection', 'dpo', '2026-01-01T00:00:00Z', 'pending')");
  const std::string id =
      store::testing::SqlValue(live_->db(), "SELECT max(id) FROM unmask_requests");
  LiveServer::ExpectProblem(live_->Post("/v1/unmask-requests/" + id + "/approve",
                                        R"({"note":"fine"})", "dpo", "data-protection"),
                            403, "four-eyes");
}

TEST_F(RetentionServerTest, BadInputGetsAProblem) {
  Depersonalised();
  auto post = [&](const std::string& body) {
    return live_->Post("/v1/unmask-requests", body, "amina", "ct-investigation");
  };
  LiveServer::ExpectProblem(post("{"), 400, "invalid-json");
  LiveServer::ExpectProblem(post(R"({"object":"manifest:1"})"), 400, "invalid-request");
  LiveServer::ExpectProblem(post(R"({"object":"manifest:1","reason":"x","extra":1})"), 400,
                            "invalid-request");
  LiveServer::ExpectProblem(post(R"({"object":"manifest:1","reason":"short"})"), 400,
                            "invalid-request");
  LiveServer::ExpectProblem(
      post(R"({"object":"../../etc/passwd","reason":"a long enough reason"})"), 400,
      "invalid-request");
  LiveServer::ExpectProblem(
      post(R"({"object":"manifest:1 OR 1=1","reason":"a long enough reason"})"), 400,
      "invalid-request");
  LiveServer::ExpectProblem(post(R"({"object":"manifest:999","reason":"a long enough reason"})"),
                            404, "not-found");
  LiveServer::ExpectProblem(post(R"({"object":"alert:3","reason":"a held subject's alert"})"), 409,
                            "conflict");
  LiveServer::ExpectProblem(post(R"({"object":7,"reason":"a long enough reason"})"), 400,
                            "invalid-request");
  LiveServer::ExpectProblem(live_->Get("/v1/unmask-requests/999999", "dpo", "data-protection"), 404,
                            "not-found");
  LiveServer::ExpectProblem(live_->Get("/v1/unmask-requests?limit=0", "dpo", "data-protection"),
                            400, "invalid-request");
  LiveServer::ExpectProblem(
      live_->Post("/v1/unmask-requests/1/approve", R"({"note":"ok","valid_for_seconds":"soon"})",
                  "dpo", "data-protection"),
      400, "invalid-request");
}

// Meal and medical requests deleted on receipt, in the kept bytes too; the
// flights list says which kept messages are depersonalised.
TEST_F(RetentionServerTest, SensitiveRequestsAreDeletedOnUploadAndTheListShowsTheMasked) {
  Depersonalised();
  const std::string fixture = store::testing::TravelFixture("retention/pnrgov-meal-medical.edi");
  ASSERT_FALSE(fixture.empty());
  auto up = live_->Post("/v1/manifests", fixture, "omar", "border-control", "application/edifact");
  ASSERT_TRUE(up);
  ASSERT_EQ(up->status, 200) << up->body;
  const Json u = LiveServer::Body(up);
  EXPECT_EQ(u["summary"]["sensitive_deleted"], 3);
  const int64_t id = u["manifest"].get<int64_t>();
  const std::string where = " FROM manifests WHERE id = " + std::to_string(id);

  // Kept without the codes or their free text, the rest as sent; the digest
  // is of the bytes received, so sending them again keeps nothing new.
  const std::string raw = store::testing::SqlValue(live_->db(), "SELECT raw" + where);
  for (const char* gone :
       {"MOML", "WCHC", "HALAL", "ALCOHOL", "DIABETIC", "INSULIN", "PARAPLEGIC", "AISLE CHAIR"}) {
    EXPECT_EQ(raw.find(gone), std::string::npos) << gone << " kept:\n" << raw;
  }
  for (const char* kept :
       {"SSR+XXML:HK:1:KU:::KWI:CDG:XA'", "SSR+MEDA:HK:1:KU:::KWI:CDG:XB'",
        "SSR+MEDA:HK:1:KU:::KWI:CDG:XC+::2'", "TIF+LINDQVIST:I+ASTRID MS:A:1'"}) {
    EXPECT_NE(raw.find(kept), std::string::npos) << kept << " lost:\n" << raw;
  }
  EXPECT_EQ(store::testing::SqlValue(live_->db(), "SELECT sha256" + where),
            store::Sha256Hex(fixture));
  auto again =
      live_->Post("/v1/manifests", fixture, "omar", "border-control", "application/edifact");
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(LiveServer::Body(again)["manifest"], id);
  EXPECT_EQ(
      store::testing::SqlValue(live_->db(), "SELECT count(*) FROM manifests WHERE sha256 = '" +
                                                store::Sha256Hex(fixture) + "'"),
      "1");

  // The kept message reads into the same travellers, the deleted requests
  // still counted.
  Result<travel::Manifest> sent = travel::ParsePassengerMessage(fixture, "auto");
  Result<travel::Manifest> kept = travel::ParsePassengerMessage(raw, "auto");
  ASSERT_TRUE(sent.ok());
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  EXPECT_EQ(kept->sensitive_deleted, 3);
  ASSERT_EQ(kept->travellers.size(), sent->travellers.size());
  for (size_t t = 0; t < sent->travellers.size(); ++t) {
    const travel::Traveller& a = sent->travellers[t];
    const travel::Traveller& b = kept->travellers[t];
    EXPECT_EQ(b.name.Full(), a.name.Full());
    EXPECT_EQ(b.birth_date.raw, a.birth_date.raw);
    EXPECT_EQ(b.services, a.services);
    EXPECT_EQ(b.seat, a.seat);
    ASSERT_EQ(b.documents.size(), a.documents.size());
    for (size_t d = 0; d < a.documents.size(); ++d) {
      EXPECT_EQ(b.documents[d].number, a.documents[d].number);
    }
    EXPECT_EQ(b.findings.size(), a.findings.size());
  }
  auto shown = live_->Get("/v1/manifests/" + std::to_string(id), "amina", "ct-investigation");
  ASSERT_TRUE(shown);
  ASSERT_EQ(shown->status, 200) << shown->body;
  const Json s = LiveServer::Body(shown);
  EXPECT_EQ(s["summary"]["sensitive_deleted"], 3);
  ASSERT_EQ(s["travellers"].size(), u["travellers"].size());
  for (size_t t = 0; t < u["travellers"].size(); ++t) {
    EXPECT_EQ(s["travellers"][t]["name"], u["travellers"][t]["name"]);
  }

  // The flights: the two depersonalised by the run say when, the new one null.
  auto list = live_->Get("/v1/manifests", "amina", "ct-investigation");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  int masked = 0, clear = 0;
  const Json flights = LiveServer::Body(list);
  for (const Json& m : flights["manifests"]) {
    ASSERT_TRUE(m.contains("depersonalised_at")) << m.dump();
    if (m["id"] == id) {
      EXPECT_TRUE(m["depersonalised_at"].is_null()) << m.dump();
      ++clear;
    } else if (m["id"] == 1 || m["id"] == 2) {
      ASSERT_TRUE(m["depersonalised_at"].is_string()) << m.dump();
      EXPECT_EQ(m["depersonalised_at"].get<std::string>().substr(0, 4),
                DaysFromNow(0).substr(0, 4));
      ++masked;
    }
  }
  EXPECT_EQ(masked, 2) << list->body;
  EXPECT_EQ(clear, 1) << list->body;
}

TEST(RetentionScheduleTest, TheServerRunsRetentionItselfAndStopsOnShutdown) {
  ServerOptions o;
  o.retention_interval_seconds = 1;
  auto live = std::make_unique<LiveServer>("retention-schedule", o);
  const std::string db = live->db();
  KeepOldTravellerData(db);  // after the first run at start: the next tick takes it
  std::string done;
  for (int i = 0; i < 100 && done != "2"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    done = store::testing::SqlValue(db,
                                    "SELECT count(*) FROM manifests WHERE depersonalised_at <> ''");
  }
  EXPECT_EQ(done, "2");
  EXPECT_EQ(
      store::testing::SqlValue(db, "SELECT count(*) FROM alerts WHERE depersonalised_at <> ''"),
      "2");
  EXPECT_EQ(store::testing::SqlValue(db,
                                     "SELECT actor || ' ' || trigger FROM retention_runs "
                                     "WHERE state = 'complete' ORDER BY id DESC LIMIT 1"),
            "hudud-retention schedule");
  EXPECT_TRUE(std::filesystem::exists(db + ".vault-key"));
  const auto stop = std::chrono::steady_clock::now();
  live.reset();  // Stop(): the schedule's thread joins
  EXPECT_LT(std::chrono::steady_clock::now() - stop, std::chrono::seconds(5));
  RemoveVaultKey(db);
}

}  // namespace
}  // namespace hudud::server
