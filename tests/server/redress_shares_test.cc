// Redress and disclosure through the HTTP API: a person wrongly stopped
// files a request; the data-protection officer reviews and clears it, which
// makes the alerts it names false positives so the person is not stopped
// again; a confirmed match (and only that) is disclosed to a partner
// organisation, which sees only its own disclosures, until revoked.
#include <gtest/gtest.h>

#include <string>

#include "live_server.h"

namespace hudud::server {
namespace {

using api::Json;

class RedressSharesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { live_ = new LiveServer("redress"); }
  static void TearDownTestSuite() { delete live_; }

  // The officer screens `query`; returns the ids of the alerts raised.
  static std::vector<int64_t> Refer(const std::string& query) {
    auto r = live_->Post("/v1/screen", query, "omar", "border-control");
    EXPECT_TRUE(r && r->status == 200);
    Json j = LiveServer::Body(r);
    EXPECT_EQ(j["decision"], "refer") << j.dump();
    auto q = live_->Get("/v1/alerts?case=" + j["reference"].get<std::string>(), "amina",
                        "ct-investigation");
    std::vector<int64_t> ids;
    EXPECT_EQ(q->status, 200) << q->body << j.dump();
    const Json page = LiveServer::Body(q);
    for (const auto& a : page["alerts"]) ids.push_back(a["id"]);
    return ids;
  }

  static LiveServer* live_;
};

LiveServer* RedressSharesTest::live_ = nullptr;

TEST_F(RedressSharesTest, AClearedRedressRequestStopsTheStops) {
  // A Tajik traveller whose name the engine matches to a listed person.
  const std::string query = R"({"name":"Айман аз-Завоҳирӣ","nationality":"TJ","gender":"male"})";
  std::vector<int64_t> alerts = Refer(query);
  ASSERT_FALSE(alerts.empty());
  // An analyst, in a hurry, confirms it.
  auto confirmed = live_->Post("/v1/alerts/" + std::to_string(alerts[0]) + "/decide",
                               R"({"decision":"confirmed","justification":"name matches the )"
                               R"(listed person closely"})",
                               "amina", "ct-investigation");
  ASSERT_TRUE(confirmed && confirmed->status == 200) << confirmed->body;

  Json body = {{"requester", "Айман Назаров"},
               {"contact", "+992 93 555 0101"},
               {"description", "Stopped at the border twice; I am not the listed person."},
               {"alerts", alerts}};
  auto filed = live_->Post("/v1/redress", body.dump(), "dpo", "redress");
  ASSERT_TRUE(filed);
  ASSERT_EQ(filed->status, 201) << filed->body;
  const std::string ref = LiveServer::Body(filed)["reference"];
  EXPECT_EQ(ref.rfind("RDR-", 0), 0u);

  // Not resolvable before review; review, then clear.
  auto early = live_->Post("/v1/redress/" + ref + "/resolve",
                           R"({"state":"cleared","outcome":"not the same person at all"})", "dpo",
                           "redress");
  ASSERT_TRUE(early);
  EXPECT_EQ(early->status, 400) << early->body;
  auto review = live_->Post("/v1/redress/" + ref + "/review",
                            R"({"note":"passport copy received"})", "dpo", "redress");
  ASSERT_TRUE(review && review->status == 200) << review->body;
  EXPECT_EQ(LiveServer::Body(review)["handler"], "dpo");
  auto cleared = live_->Post(
      "/v1/redress/" + ref + "/resolve",
      R"({"state":"cleared","outcome":"born 1988 in Khujand; biometrics differ from the entry"})",
      "dpo", "redress");
  ASSERT_TRUE(cleared);
  ASSERT_EQ(cleared->status, 200) << cleared->body;
  EXPECT_EQ(LiveServer::Body(cleared)["state"], "cleared");

  // The alert is now a remembered false positive: the same data passes.
  auto a = live_->Get("/v1/alerts/" + std::to_string(alerts[0]), "amina", "ct-investigation");
  EXPECT_EQ(LiveServer::Body(a)["decision"], "false-positive");
  auto again = live_->Post("/v1/screen", query, "omar", "border-control");
  ASSERT_TRUE(again);
  EXPECT_EQ(LiveServer::Body(again)["decision"], "clear") << again->body;

  // The history says who did what; a resolved request stays resolved.
  auto shown = live_->Get("/v1/redress/" + ref, "dpo", "redress");
  ASSERT_TRUE(shown && shown->status == 200);
  EXPECT_EQ(LiveServer::Body(shown)["events"].size(), 3u);
  LiveServer::ExpectProblem(
      live_->Post("/v1/redress/" + ref + "/resolve",
                  R"({"state":"upheld","outcome":"changing the outcome afterwards"})", "dpo",
                  "redress"),
      409, "conflict");

  // Only the DPO handles redress.
  for (const std::string user : {"root", "lena", "amina", "omar", "bank"}) {
    auto r = live_->Get("/v1/redress", user, "redress");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << user;
  }
  LiveServer::ExpectProblem(live_->Post("/v1/redress", R"({"requester":"X"})", "dpo", "redress"),
                            400, "invalid-request");
  LiveServer::ExpectProblem(
      live_->Post("/v1/redress",
                  R"({"requester":"X","description":"a long enough story","alerts":["one"]})",
                  "dpo", "redress"),
      400, "invalid-request");
  LiveServer::ExpectProblem(live_->Get("/v1/redress/RDR-999999", "dpo", "redress"), 404,
                            "not-found");
}

TEST_F(RedressSharesTest, OnlyConfirmedMatchesAreDisclosedAndOnlyToTheirPartner) {
  std::vector<int64_t> alerts = Refer(R"({"name":"Ayman Sabawi Ibrahim al-Tikriti"})");
  ASSERT_FALSE(alerts.empty());
  const std::string a = "/v1/alerts/" + std::to_string(alerts[0]);
  const std::string share =
      R"({"partner":"bank-a","reason":"account holder match, FIU request 44"})";
  // Undecided: not disclosed.
  LiveServer::ExpectProblem(live_->Post(a + "/share", share, "amina", "international-cooperation"),
                            400, "invalid-request");
  auto decided = live_->Post(
      a + "/decide", R"({"decision":"confirmed","justification":"documents match the entry"})",
      "amina", "ct-investigation");
  ASSERT_TRUE(decided && decided->status == 200);
  LiveServer::ExpectProblem(
      live_->Post(a + "/share", R"({"partner":"bank-z","reason":"no such partner exists"})",
                  "amina", "international-cooperation"),
      400, "invalid-request");
  auto shared = live_->Post(a + "/share", share, "amina", "international-cooperation");
  ASSERT_TRUE(shared);
  ASSERT_EQ(shared->status, 201) << shared->body;
  const int64_t id = LiveServer::Body(shared)["id"];

  // The partner sees the disclosure, and nothing else of ours.
  auto seen = live_->Get("/v1/shared", "bank", "international-cooperation");
  ASSERT_TRUE(seen);
  ASSERT_EQ(seen->status, 200) << seen->body;
  Json s = LiveServer::Body(seen)["shared"];
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0]["view"]["decision"], "confirmed");
  EXPECT_FALSE(s[0].contains("shared_by"));
  for (const std::string path : {"/v1/alerts", a.c_str(), "/v1/lists"}) {
    auto r = live_->Get(path, "bank", "international-cooperation");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << path;
  }
  auto screen = live_->Post("/v1/screen", R"({"name":"x"})", "bank", "international-cooperation");
  EXPECT_EQ(screen->status, 403);
  // Only partners read /v1/shared.
  auto analyst = live_->Get("/v1/shared", "amina", "international-cooperation");
  EXPECT_EQ(analyst->status, 403);

  // Revoked: gone from the partner's view; the disclosure is in the trail.
  auto revoked = live_->Post("/v1/shares/" + std::to_string(id) + "/revoke", "", "amina",
                             "international-cooperation");
  ASSERT_TRUE(revoked && revoked->status == 200) << revoked->body;
  EXPECT_EQ(
      LiveServer::Body(live_->Get("/v1/shared", "bank", "international-cooperation"))["shared"]
          .size(),
      0u);
  auto trail = live_->Get("/v1/audit?action=disclosure", "dpo", "audit");
  ASSERT_TRUE(trail && trail->status == 200) << trail->body;
  EXPECT_GE(LiveServer::Body(trail)["records"].size(), 1u);
}

}  // namespace
}  // namespace hudud::server
