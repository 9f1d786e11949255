// Alerts and cases through the HTTP API: a border officer's refer becomes
// an alert under the screening's reference; an analyst triages it (assign,
// comment, decide with a justification; an outcome only once confirmed);
// a cleared false positive lets the same traveller through until their data
// changes; the officer follows the case without seeing the file; the queue
// shows the names side by side and an alert the match explanation kept
// when it was raised (null on an alert from before); every role is checked
// on every route; bad input is a 4xx problem.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "live_server.h"
#include "store/cases.h"

namespace hudud::server {
namespace {

using api::Json;

class AlertsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { live_ = new LiveServer("alerts"); }
  static void TearDownTestSuite() { delete live_; }

  // A border officer screens `body`; returns the answer.
  static Json Screen(const std::string& body) {
    auto r = live_->Post("/v1/screen", body, "omar", "border-control");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    return LiveServer::Body(r);
  }

  static Json AlertsOfCase(const std::string& ref) {
    auto r = live_->Get("/v1/alerts?case=" + ref, "amina", "ct-investigation");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    return LiveServer::Body(r);
  }

  static LiveServer* live_;
};

LiveServer* AlertsTest::live_ = nullptr;

TEST_F(AlertsTest, ARefererBecomesAnAlertTheAnalystDecides) {
  const std::string query = R"({"name":"أيمن الظواهري","dob":"1951-06-19"})";
  Json officer = Screen(query);
  ASSERT_EQ(officer["decision"], "refer");
  EXPECT_EQ(officer["alerts"], 1);
  const std::string ref = officer["reference"];
  EXPECT_EQ(officer.dump().find("un:111923"), std::string::npos);  // no listed file

  Json queue = AlertsOfCase(ref);
  ASSERT_EQ(queue["alerts"].size(), 1u) << queue.dump();
  Json alert = queue["alerts"][0];
  EXPECT_EQ(alert["entity_id"], "un:111923");
  EXPECT_EQ(alert["source"], "screening");
  EXPECT_EQ(alert["status"], "open");
  EXPECT_EQ(alert["subject"]["names"][0], "أيمن الظواهري");
  const std::string id = std::to_string(alert["id"].get<int64_t>());

  // The officer follows the case, not the file.
  auto c = live_->Get("/v1/cases/" + ref, "omar", "border-control");
  ASSERT_TRUE(c);
  ASSERT_EQ(c->status, 200) << c->body;
  EXPECT_EQ(LiveServer::Body(c)["state"], "under-review");
  EXPECT_EQ(c->body.find("111923"), std::string::npos);

  // The alert beside the listed entry, with its history.
  auto shown = live_->Get("/v1/alerts/" + id, "amina", "ct-investigation");
  ASSERT_TRUE(shown);
  ASSERT_EQ(shown->status, 200) << shown->body;
  Json s = LiveServer::Body(shown);
  EXPECT_EQ(s["entity"]["id"], "un-111923");  // FtM ids: no colon
  EXPECT_EQ(s["entity"]["schema"], "Person");

  auto assigned = live_->Post("/v1/alerts/" + id + "/assign", "{}", "amina", "ct-investigation");
  ASSERT_TRUE(assigned);
  ASSERT_EQ(assigned->status, 200) << assigned->body;
  EXPECT_EQ(LiveServer::Body(assigned)["assignee"], "amina");
  LiveServer::ExpectProblem(live_->Post("/v1/alerts/" + id + "/assign", R"({"assignee":"omar"})",
                                        "amina", "ct-investigation"),
                            400, "invalid-request");
  auto commented =
      live_->Post("/v1/alerts/" + id + "/comment",
                  R"({"text":"المطابقة مع وثيقة السفر قيد التحقق"})", "amina", "ct-investigation");
  ASSERT_TRUE(commented);
  EXPECT_EQ(commented->status, 200) << commented->body;

  // No adverse outcome, and no decision, without a person's reasons.
  LiveServer::ExpectProblem(
      live_->Post("/v1/alerts/" + id + "/outcome",
                  R"({"outcome":"deny-boarding","detail":"notice sent to the carrier"})", "amina",
                  "ct-investigation"),
      409, "conflict");
  LiveServer::ExpectProblem(
      live_->Post("/v1/alerts/" + id + "/decide", R"({"decision":"confirmed","justification":""})",
                  "amina", "ct-investigation"),
      400, "invalid-request");
  auto decided = live_->Post(
      "/v1/alerts/" + id + "/decide",
      R"({"decision":"confirmed","justification":"name, date of birth and nationality agree"})",
      "amina", "ct-investigation");
  ASSERT_TRUE(decided);
  ASSERT_EQ(decided->status, 200) << decided->body;
  EXPECT_EQ(LiveServer::Body(decided)["status"], "closed");
  EXPECT_EQ(LiveServer::Body(decided)["decided_by"], "amina");
  LiveServer::ExpectProblem(
      live_->Post("/v1/alerts/" + id + "/decide",
                  R"({"decision":"false-positive","justification":"second thoughts, really"})",
                  "amina", "ct-investigation"),
      409, "conflict");
  auto outcome =
      live_->Post("/v1/alerts/" + id + "/outcome",
                  R"({"outcome":"refer","detail":"referred to the CT unit, file CT-2026-311"})",
                  "amina", "ct-investigation");
  ASSERT_TRUE(outcome);
  ASSERT_EQ(outcome->status, 200) << outcome->body;
  EXPECT_EQ(LiveServer::Body(outcome)["outcome"], "refer");

  Json after = LiveServer::Body(live_->Get("/v1/cases/" + ref, "omar", "border-control"));
  EXPECT_EQ(after["state"], "decided");
  EXPECT_EQ(after["confirmed"], 1);

  // Every step is in the audit trail, with the purpose.
  auto trail = live_->Get("/v1/audit?object=alert:" + id, "dpo", "audit");
  ASSERT_TRUE(trail);
  ASSERT_EQ(trail->status, 200) << trail->body;
  Json records = LiveServer::Body(trail)["records"];
  int changes = 0;
  for (const auto& r : records) {
    if (r["action"] == "change") ++changes;
    EXPECT_EQ(r["purpose"], "ct-investigation");
  }
  EXPECT_EQ(changes, 4);  // assign, comment, decide, outcome
}

TEST_F(AlertsTest, AClearedFalsePositiveLetsTheSameTravellerThrough) {
  // A namesake with another date of birth and nationality still scores
  // above the threshold on the name alone; a person checks and clears it.
  const std::string query = R"({"name":"Ayman al-Zawahiri","nationality":"Egypt","gender":"male"})";
  Json first = Screen(query);
  ASSERT_EQ(first["decision"], "refer") << first.dump();
  Json queue = AlertsOfCase(first["reference"]);
  ASSERT_GE(queue["alerts"].size(), 1u);
  for (const auto& a : queue["alerts"]) {
    auto r = live_->Post("/v1/alerts/" + std::to_string(a["id"].get<int64_t>()) + "/decide",
                         R"({"decision":"false-positive","justification":"passport photo and )"
                         R"(biometrics checked at secondary: a different man"})",
                         "karim", "border-control");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
  }

  // The same traveller again: clear, and no new alert.
  Json again = Screen(query);
  EXPECT_EQ(again["decision"], "clear") << again.dump();
  EXPECT_FALSE(again.contains("alerts"));
  EXPECT_EQ(AlertsOfCase(again["reference"])["alerts"].size(), 0u);
  // The analyst sees the hit set aside and by which decision.
  auto analyst = live_->Post("/v1/screen", query, "amina", "ct-investigation");
  ASSERT_TRUE(analyst);
  Json a = LiveServer::Body(analyst);
  EXPECT_EQ(a["decision"], "clear");
  ASSERT_GE(a["cleared"].size(), 1u);
  EXPECT_EQ(a["cleared"][0]["cleared_by_alert"], queue["alerts"][0]["id"]);

  // Other data (a date of birth now known): a new case for a person to see.
  Json changed = Screen(R"({"name":"Ayman al-Zawahiri","nationality":"Egypt","gender":"male",)"
                        R"("dob":"1951"})");
  EXPECT_EQ(changed["decision"], "refer");
  EXPECT_EQ(changed["alerts"], 1);
}

TEST_F(AlertsTest, TheQueueShowsTheNamesAndAnAlertItsExplanation) {
  // A traveller at the border, and a held subject imported by the bank.
  Json officer = Screen(R"({"name":"Aiman al-Zawahri","dob":"1951-06-19"})");
  ASSERT_EQ(officer["decision"], "refer") << officer.dump();
  auto imported = live_->Post("/v1/subjects", "id,name,dob\ncust-9,Ayman Al Zawahiry,1951-06-19\n",
                              "lena", "sanctions-compliance", "text/csv");
  ASSERT_TRUE(imported);
  ASSERT_EQ(imported->status, 200) << imported->body;
  ASSERT_GE(LiveServer::Body(imported)["alerts_raised"].get<int>(), 1) << imported->body;

  // Each one's alert on al-Zawahiri's entry.
  auto on_entry = [](const Json& page) {
    for (const Json& a : page["alerts"]) {
      if (a["entity_id"] == "un:111923") return a;
    }
    ADD_FAILURE() << "no alert on un:111923 in " << page.dump();
    return Json::object();
  };
  Json traveller = on_entry(AlertsOfCase(officer["reference"]));
  auto held_page = live_->Get("/v1/alerts?subject=cust-9", "amina", "ct-investigation");
  ASSERT_TRUE(held_page);
  ASSERT_EQ(held_page->status, 200) << held_page->body;
  Json held = on_entry(LiveServer::Body(held_page));
  ASSERT_FALSE(traveller.empty());
  ASSERT_FALSE(held.empty());
  EXPECT_EQ(traveller["subject_name"], "Aiman al-Zawahri");
  EXPECT_EQ(held["subject_name"], "Ayman Al Zawahiry");
  EXPECT_TRUE(held["subject"].is_null());  // a held subject's data is read when shown
  for (const Json& a : {traveller, held}) {
    EXPECT_EQ(a["entity_id"], "un:111923") << a.dump();
    EXPECT_FALSE(a["listed_name"].get<std::string>().empty()) << a.dump();
    EXPECT_FALSE(a.contains("explanation"));  // the queue stays light
  }

  // Each alert with the explanation it was raised with.
  for (const Json& a : {traveller, held}) {
    auto shown = live_->Get("/v1/alerts/" + std::to_string(a["id"].get<int64_t>()), "amina",
                            "ct-investigation");
    ASSERT_TRUE(shown);
    ASSERT_EQ(shown->status, 200) << shown->body;
    Json s = LiveServer::Body(shown);
    EXPECT_EQ(s["subject_name"], a["subject_name"]);
    const Json& e = s["explanation"];
    ASSERT_TRUE(e.is_object()) << shown->body;
    EXPECT_EQ(e["query_name"], a["subject_name"]);
    EXPECT_EQ(e["listed_name"], a["listed_name"]);
    EXPECT_EQ(e["summary"], a["summary"]);
    ASSERT_GE(e["tokens"].size(), 2u) << e.dump();
    EXPECT_TRUE(e["tokens"][0].contains("query_latin"));
    EXPECT_TRUE(e["tokens"][0].contains("how"));
    bool dob = false;
    for (const Json& ev : e["evidence"]) {
      if (ev["field"] == "dob") dob = ev["verdict"] == "agrees" && ev["delta"].get<double>() > 0;
    }
    EXPECT_TRUE(dob) << e.dump();
  }

  // The queue by a piece of either name, in any case or script.
  auto total = [](const std::string& path) {
    auto r = live_->Get(path, "amina", "ct-investigation");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    return LiveServer::Body(r)["total"].get<int>();
  };
  EXPECT_GE(total("/v1/alerts?q=zawahr"), 1);                      // the traveller's
  EXPECT_GE(total("/v1/alerts?q=ZAWAHIRY&source=monitoring"), 1);  // the held subject's
  EXPECT_EQ(total("/v1/alerts?q=al%20zawahiry&subject=cust-9"), total("/v1/alerts?subject=cust-9"));
  EXPECT_EQ(total("/v1/alerts?q=nobody-by-this-name"), 0);

  // The officer's view of the case names no one.
  auto c =
      live_->Get("/v1/cases/" + officer["reference"].get<std::string>(), "omar", "border-control");
  ASSERT_TRUE(c);
  ASSERT_EQ(c->status, 200) << c->body;
  for (const char* hidden :
       {"subject_name", "listed_name", "explanation", "Zawahri", "ZAWAHIRI", "111923"}) {
    EXPECT_EQ(c->body.find(hidden), std::string::npos) << hidden << " in " << c->body;
  }
}

TEST_F(AlertsTest, AnAlertFromBeforeExplanationsWereKeptAnswersNull) {
  int64_t id = 0;
  {
    auto store = store::Store::Open(live_->db());
    ASSERT_TRUE(store.ok());
    store::NewAlert old;  // no explanation nor names, as alerts raised before
    old.subject_id = "legacy-1";
    old.entity_id = "un:111923";
    old.list_id = "un";
    old.score = 0.9;
    old.summary = "name 0.90";
    old.trigger = "rescreen";
    auto raised = store::Cases(**store).Raise({old});
    ASSERT_TRUE(raised.ok()) << raised.status().ToString();
    id = (*raised)[0].alert_id;
  }
  auto shown = live_->Get("/v1/alerts/" + std::to_string(id), "amina", "ct-investigation");
  ASSERT_TRUE(shown);
  ASSERT_EQ(shown->status, 200) << shown->body;
  Json s = LiveServer::Body(shown);
  ASSERT_TRUE(s.contains("explanation"));
  EXPECT_TRUE(s["explanation"].is_null()) << shown->body;
  EXPECT_EQ(s["subject_name"], "");
  EXPECT_EQ(s["listed_name"], "");
  EXPECT_EQ(s["summary"], "name 0.90");
  auto queue = live_->Get("/v1/alerts?subject=legacy-1", "amina", "ct-investigation");
  ASSERT_TRUE(queue);
  Json item = LiveServer::Body(queue)["alerts"][0];
  EXPECT_EQ(item["subject_name"], "");
  EXPECT_EQ(item["listed_name"], "");
}

TEST_F(AlertsTest, AFlightsHitsAreAlertsUnderItsReference) {
  std::ifstream in(std::string(HUDUD_TESTDATA_DIR) + "/travel/cli/xx101-seven.edi",
                   std::ios::binary);
  const std::string flight((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto r = live_->Post("/v1/manifests", flight, "omar", "border-control", "application/edifact");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json m = LiveServer::Body(r);
  ASSERT_GE(m["alerts"].get<int>(), 1);
  Json queue = AlertsOfCase(m["reference"]);
  ASSERT_EQ(queue["alerts"].size(), m["alerts"].get<size_t>());
  for (const auto& a : queue["alerts"]) {
    EXPECT_EQ(a["source"], "manifest");
    EXPECT_EQ(a["manifest"], m["manifest"]);
    EXPECT_FALSE(a["flight"].get<std::string>().empty());
    // The traveller's name as screened beside the listed name.
    EXPECT_FALSE(a["subject_name"].get<std::string>().empty()) << a.dump();
    EXPECT_FALSE(a["listed_name"].get<std::string>().empty()) << a.dump();
  }
  // The alerts of the kept manifest, and of none other.
  auto by_manifest =
      live_->Get("/v1/alerts?manifest=" + std::to_string(m["manifest"].get<int64_t>()), "amina",
                 "ct-investigation");
  ASSERT_TRUE(by_manifest);
  ASSERT_EQ(by_manifest->status, 200) << by_manifest->body;
  EXPECT_EQ(LiveServer::Body(by_manifest)["total"], queue["alerts"].size());
  auto none = live_->Get("/v1/alerts?manifest=999999", "amina", "ct-investigation");
  ASSERT_TRUE(none);
  EXPECT_EQ(LiveServer::Body(none)["total"], 0);
  auto by_flight = live_->Get(
      "/v1/alerts?flight=" + httplib::detail::encode_query_param(queue["alerts"][0]["flight"]),
      "amina", "ct-investigation");
  ASSERT_TRUE(by_flight);
  EXPECT_GE(LiveServer::Body(by_flight)["total"].get<int>(), 1);
}

TEST_F(AlertsTest, EveryRoleOnEveryRoute) {
  Json officer = Screen(R"({"name":"Ayman Sabawi Ibrahim al-Tikriti"})");
  ASSERT_EQ(officer["decision"], "refer");
  const int64_t id = AlertsOfCase(officer["reference"])["alerts"][0]["id"];
  const std::string a = "/v1/alerts/" + std::to_string(id);
  struct Route {
    std::string method, path, body;
    std::set<std::string> allowed;
  };
  const std::vector<Route> routes = {
      {"GET", "/v1/alerts", "", {"amina", "karim"}},
      {"GET", a, "", {"amina", "karim"}},
      {"POST", a + "/comment", R"({"text":"role check"})", {"amina", "karim"}},
      {"POST", a + "/assign", R"({"assignee":""})", {"amina", "karim"}},
      {"GET",
       "/v1/cases/" + officer["reference"].get<std::string>(),
       "",
       {"amina", "karim", "omar"}},
  };
  for (const Route& r : routes) {
    for (const std::string user : {"root", "lena", "amina", "karim", "omar", "dpo", "bank"}) {
      const std::string purpose = user == "omar" ? "border-control" : "international-cooperation";
      auto res = live_->Send(r.method, r.path, r.body, user, purpose);
      ASSERT_TRUE(res);
      const bool allowed = r.allowed.count(user) > 0;
      if (allowed) {
        EXPECT_EQ(res->status, 200)
            << r.method << " " << r.path << " as " << user << ": " << res->body;
      } else {
        EXPECT_EQ(res->status, 403)
            << r.method << " " << r.path << " as " << user << ": " << res->body;
      }
    }
    // Without credentials: 401; without a purpose: 400.
    auto anon = live_->Send(r.method, r.path, r.body, "", "");
    ASSERT_TRUE(anon);
    EXPECT_EQ(anon->status, 401) << r.path;
    LiveServer::ExpectProblem(live_->Send(r.method, r.path, r.body, "amina", ""), 400,
                              "purpose-required");
  }
}

TEST_F(AlertsTest, BadInputIsAProblemNeverACrash) {
  Json officer = Screen(R"({"name":"Abu Zayd Umar Dorda"})");
  Json queue = AlertsOfCase(officer["reference"]);
  ASSERT_GE(queue["alerts"].size(), 1u) << officer.dump();
  const std::string a = "/v1/alerts/" + std::to_string(queue["alerts"][0]["id"].get<int64_t>());
  const std::string p = "ct-investigation";
  LiveServer::ExpectProblem(live_->Post(a + "/decide", "{not json", "amina", p), 400,
                            "invalid-json");
  LiveServer::ExpectProblem(live_->Post(a + "/decide",
                                        R"({"decision":"maybe","justification":)"
                                        R"("it could be anyone at all"})",
                                        "amina", p),
                            400, "invalid-request");
  LiveServer::ExpectProblem(
      live_->Post(a + "/decide", R"({"decision":"confirmed","justificaton":"typo in the key"})",
                  "amina", p),
      400, "invalid-request");
  LiveServer::ExpectProblem(
      live_->Post(a + "/decide", R"({"decision":7,"justification":"wrong type for decision"})",
                  "amina", p),
      400, "invalid-request");
  LiveServer::ExpectProblem(live_->Post(a + "/comment", "{\"text\":\"\xff\xfe\"}", "amina", p), 400,
                            "invalid-json");
  LiveServer::ExpectProblem(live_->Get("/v1/alerts/999999999", "amina", p), 404, "not-found");
  LiveServer::ExpectProblem(live_->Get("/v1/alerts/1'%20OR%201=1", "amina", p), 404, "not-found");
  LiveServer::ExpectProblem(live_->Get("/v1/alerts/..%2F..%2Fetc%2Fpasswd", "amina", p), 404,
                            "not-found");
  LiveServer::ExpectProblem(live_->Get("/v1/alerts?limit=0", "amina", p), 400, "invalid-request");
  LiveServer::ExpectProblem(live_->Get("/v1/alerts?status=pending", "amina", p), 400,
                            "invalid-request");
  LiveServer::ExpectProblem(live_->Get("/v1/alerts?colour=red", "amina", p), 400,
                            "invalid-request");
  LiveServer::ExpectProblem(live_->Get("/v1/alerts?manifest=abc", "amina", p), 400,
                            "invalid-request");
  LiveServer::ExpectProblem(live_->Get("/v1/alerts?manifest=0", "amina", p), 400,
                            "invalid-request");
  LiveServer::ExpectProblem(live_->Get("/v1/alerts?q=" + std::string(201, 'a'), "amina", p), 400,
                            "invalid-request");
  // A name search is a value too; LIKE's own characters are themselves.
  for (const char* q : {"x%27%20OR%201%3D1--", "%25", "_", "%5C"}) {
    auto r = live_->Get(std::string("/v1/alerts?q=") + q, "amina", p);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << q << ": " << r->body;
    EXPECT_EQ(LiveServer::Body(r)["total"], 0) << q;
  }
  // SQL in a filter is a value like any other: nothing matches, nothing breaks.
  auto sql = live_->Get("/v1/alerts?subject=x%27%3B%20DROP%20TABLE%20alerts%3B--", "amina", p);
  ASSERT_TRUE(sql);
  EXPECT_EQ(sql->status, 200) << sql->body;
  EXPECT_EQ(LiveServer::Body(sql)["total"], 0);
  EXPECT_EQ(AlertsOfCase(officer["reference"])["alerts"].size(), queue["alerts"].size());
}

}  // namespace
}  // namespace hudud::server
