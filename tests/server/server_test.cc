// The HTTP API end to end on a loopback port: closed by default (401),
// roles (an analyst sees matches, a border officer clear/refer and a
// reference, an auditor no screening), purpose on every personal-data
// request, every access in the audit chain, yente-shaped /match, and a
// problem+json 4xx for every kind of bad input.
#include "server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "api/json.h"
#include "lists/list_file.h"
#include "store/access.h"
#include "store/audit.h"
#include "store/documents.h"
#include "store/store.h"
#include "travel/mrz.h"

namespace hudud::server {
namespace {

using api::Json;

constexpr char kKarimPassword[] = "Samarkand-Bukhara-1499!";

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = (std::filesystem::temp_directory_path() /
           ("hudud-server-" + std::to_string(getpid()) + ".db"))
              .string();
    std::filesystem::remove(db_);
    auto store = store::Store::Open(db_);
    ASSERT_TRUE(store.ok());
    auto un = lists::ReadListFile(
        std::string(HUDUD_DATA_DIR) + "/lists/un-consolidated-2026-02-27.xml", "un-xml");
    ASSERT_TRUE(un.ok());
    ASSERT_TRUE((*store)->ImportList(*un, "test", "sha-un").ok());
    ASSERT_TRUE(store::AddUser(**store, "root", store::Role::kAdmin, "", "", "", "").ok());
    for (auto [name, role] :
         std::vector<std::pair<std::string, store::Role>>{{"amina", store::Role::kAnalyst},
                                                          {"omar", store::Role::kBorderOfficer},
                                                          {"dpo", store::Role::kAuditor}}) {
      ASSERT_TRUE(store::AddUser(**store, name, role, "", "", "", "root").ok());
      auto t = store::CreateToken(**store, name, "test", "", "root");
      ASSERT_TRUE(t.ok()) << t.status().ToString();
      tokens_[name] = t->value;
    }
    ASSERT_TRUE(
        store::AddUser(**store, "karim", store::Role::kAnalyst, kKarimPassword, "", "", "root")
            .ok());
    auto t = store::CreateToken(**store, "root", "test", "", "root");
    ASSERT_TRUE(t.ok());
    tokens_["root"] = t->value;
    store->reset();

    ServerOptions o;
    o.db = db_;
    o.listen = "127.0.0.1:0";
    o.max_body_bytes = 64 * 1024;
    o.max_batch = 5;
    o.register_refresh_seconds = 0;  // a register import is seen by the next request
    auto srv = Server::Create(o);
    ASSERT_TRUE(srv.ok()) << srv.status().ToString();
    server_ = srv->release();
    thread_ = new std::thread([] { (void)server_->Run(); });
    // Wait until it answers.
    httplib::Client c("127.0.0.1", server_->port());
    for (int i = 0; i < 100 && !c.Get("/healthz"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + s);
  }

  static httplib::Result Post(const std::string& path, const std::string& body,
                              const std::string& user, const std::string& purpose,
                              const std::string& type = "application/json") {
    httplib::Client c("127.0.0.1", server_->port());
    httplib::Headers h;
    if (!user.empty()) h.emplace("Authorization", "Bearer " + tokens_[user]);
    if (!purpose.empty()) h.emplace("X-Purpose", purpose);
    return c.Post(path.c_str(), h, body, type.c_str());
  }

  static Json Body(const httplib::Result& r) { return Json::parse(r->body, nullptr, false); }

  static void ExpectProblem(const httplib::Result& r, int status, const std::string& code) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    Json j = Body(r);
    EXPECT_EQ(j["type"], "/v1/problems/" + code) << r->body;
    EXPECT_EQ(j["status"], status);
  }

  static std::string db_;
  static Server* server_;
  static std::thread* thread_;
  static std::map<std::string, std::string> tokens_;
};

std::string ServerTest::db_;
Server* ServerTest::server_ = nullptr;
std::thread* ServerTest::thread_ = nullptr;
std::map<std::string, std::string> ServerTest::tokens_;

TEST_F(ServerTest, HealthAndOpenApiArePublic) {
  httplib::Client c("127.0.0.1", server_->port());
  auto h = c.Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  auto ready = c.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(Body(ready)["entities"], 1003);
  auto doc = c.Get("/v1/openapi.json");
  ASSERT_TRUE(doc);
  Json j = Body(doc);
  EXPECT_EQ(j["openapi"], "3.1.0");
  EXPECT_TRUE(j["paths"].contains("/v1/screen"));
  EXPECT_TRUE(j["paths"].contains("/v1/match/{dataset}"));
}

TEST_F(ServerTest, NothingPersonalWithoutCredentials) {
  ExpectProblem(Post("/v1/screen", R"({"name":"Ayman al-Zawahiri"})", "", "border-control"), 401,
                "unauthenticated");
  httplib::Client c("127.0.0.1", server_->port());
  auto bad = c.Post("/v1/screen", {{"Authorization", "Bearer hud_000000000000_00"}},
                    R"({"name":"x"})", "application/json");
  ExpectProblem(bad, 401, "unauthenticated");
  auto metrics = c.Get("/metrics");
  ExpectProblem(metrics, 401, "unauthenticated");
}

TEST_F(ServerTest, PurposeIsRequiredAndMustBeConfigured) {
  ExpectProblem(Post("/v1/screen", R"({"name":"Ayman al-Zawahiri"})", "amina", ""), 400,
                "purpose-required");
  ExpectProblem(Post("/v1/screen", R"({"name":"Ayman al-Zawahiri"})", "amina", "curiosity"), 400,
                "unknown-purpose");
}

TEST_F(ServerTest, AnalystSeesMatchesBorderOfficerOnlyTheDecision) {
  auto a = Post("/v1/screen", R"({"name":"أيمن الظواهري","dob":"1951-06-19"})", "amina",
                "ct-investigation");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->status, 200) << a->body;
  Json ja = Body(a);
  EXPECT_EQ(ja["decision"], "refer");
  ASSERT_FALSE(ja["matches"].empty());
  EXPECT_EQ(ja["matches"][0]["entity_id"], "un:111923");
  EXPECT_TRUE(ja["matches"][0].contains("explanation"));

  auto o = Post("/v1/screen", R"({"name":"Ayman al-Zawahiri"})", "omar", "border-control");
  ASSERT_TRUE(o);
  ASSERT_EQ(o->status, 200) << o->body;
  Json jo = Body(o);
  EXPECT_EQ(jo["decision"], "refer");
  EXPECT_EQ(jo["reference"].get<std::string>().rfind("HUD-", 0), 0u);
  EXPECT_FALSE(jo.contains("matches"));
  EXPECT_FALSE(jo.contains("query"));

  auto clear = Post("/v1/screen", R"({"name":"Olivia Smith-Jones"})", "omar", "border-control");
  EXPECT_EQ(Body(clear)["decision"], "clear");
}

TEST_F(ServerTest, AuditorMayNotScreen) {
  ExpectProblem(Post("/v1/screen", R"({"name":"x y"})", "dpo", "audit"), 403, "forbidden");
  ExpectProblem(Post("/v1/match/default", R"({"queries":{}})", "omar", "border-control"), 403,
                "forbidden");
}

TEST_F(ServerTest, EveryScreeningAndRefusalIsInTheAuditChain) {
  auto r = Post("/v1/screen", R"({"name":"Floribert Ngabu Njabu"})", "amina", "ct-investigation");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const std::string ref = Body(r)["reference"];
  const int64_t seq = std::stoll(ref.substr(4));
  auto store = store::Store::Open(db_);
  ASSERT_TRUE(store.ok());
  store::AuditFilter f;
  f.limit = 1000;
  auto records = store::ReadAudit(**store, f);
  ASSERT_TRUE(records.ok());
  bool found = false;
  for (const auto& rec : *records) {
    if (rec.seq == seq) {
      found = true;
      EXPECT_EQ(rec.actor, "amina");
      EXPECT_EQ(rec.role, "analyst");
      EXPECT_EQ(rec.purpose, "ct-investigation");
      EXPECT_NE(rec.detail.find("un:6908012"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
  ExpectProblem(Post("/v1/screen", R"({"name":"x"})", "dpo", "audit"), 403, "forbidden");
  auto v = store::VerifyAudit(**store);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
  records = store::ReadAudit(**store, f);
  bool denied = false;
  for (const auto& rec : *records)
    denied = denied || (rec.actor == "dpo" && rec.action == store::AuditAction::kAccessDenied);
  EXPECT_TRUE(denied);
}

TEST_F(ServerTest, YenteShapedMatch) {
  const std::string body = R"({
    "queries": {
      "q1": {"schema": "Person",
             "properties": {"name": ["Ayman al-Zawahiri"], "birthDate": ["1951-06-19"],
                            "nationality": ["eg"]}},
      "q2": {"schema": "Person", "properties": {"firstName": ["Olivia"], "lastName": ["Smith-Jones"]}}
    }})";
  auto r = Post("/v1/match/default?threshold=0.8&limit=3", body, "amina", "sanctions-compliance");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json j = Body(r);
  ASSERT_TRUE(j["responses"].contains("q1"));
  Json q1 = j["responses"]["q1"];
  EXPECT_EQ(q1["status"], 200);
  ASSERT_FALSE(q1["results"].empty());
  Json top = q1["results"][0];
  EXPECT_EQ(top["id"], "un-111923");
  EXPECT_EQ(top["schema"], "Person");
  EXPECT_TRUE(top["properties"]["name"].is_array());
  EXPECT_TRUE(top["match"].get<bool>());
  EXPECT_GE(top["score"].get<double>(), 0.8);
  EXPECT_EQ(q1["total"]["relation"], "eq");
  EXPECT_EQ(j["limit"], 3);
  EXPECT_TRUE(j["responses"]["q2"]["results"].empty() ||
              !j["responses"]["q2"]["results"][0]["match"].get<bool>());
  // yente's own path, for clients configured with yente's base URL.
  auto same = Post("/match/default", body, "amina", "sanctions-compliance");
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 200);
  ExpectProblem(Post("/v1/match/default", R"({"queries":{"q":{"schema":"Ship","properties":{}}}})",
                     "amina", "sanctions-compliance"),
                400, "invalid-query");
}

TEST_F(ServerTest, BadInputGetsAProblemNeverACrash) {
  ExpectProblem(Post("/v1/screen", "{\"name\": ", "amina", "ct-investigation"), 400,
                "invalid-json");
  ExpectProblem(Post("/v1/screen", R"({"name": 5})", "amina", "ct-investigation"), 400,
                "invalid-query");
  ExpectProblem(Post("/v1/screen", R"({"name":"x","nmae":"y"})", "amina", "ct-investigation"), 400,
                "invalid-query");
  ExpectProblem(Post("/v1/screen", "[1,2]", "amina", "ct-investigation"), 400, "invalid-request");
  ExpectProblem(Post("/v1/screen", "{\"name\":\"\xff\xfe\"}", "amina", "ct-investigation"), 400,
                "invalid-json");
  ExpectProblem(Post("/v1/screen", R"({"name":"x"})", "amina", "ct-investigation", "text/plain"),
                415, "unsupported-media-type");
  ExpectProblem(Post("/v1/screen", std::string(100 * 1024, ' '), "amina", "ct-investigation"), 413,
                "body-too-large");
  ExpectProblem(
      Post(
          "/v1/screen/batch",
          R"({"queries":[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"},{"name":"e"},{"name":"f"}]})",
          "amina", "ct-investigation"),
      413, "batch-too-large");
  // Injection-looking text is just a name.
  auto sql = Post("/v1/screen", R"({"name":"Robert'); DROP TABLE users;--"})", "amina",
                  "ct-investigation");
  ASSERT_TRUE(sql);
  EXPECT_EQ(sql->status, 200);
  httplib::Client c("127.0.0.1", server_->port());
  auto traversal = c.Get("/v1/../../etc/passwd");
  ASSERT_TRUE(traversal);
  EXPECT_GE(traversal->status, 400);
  EXPECT_LT(traversal->status, 500);
  auto unknown = c.Get("/v1/nothing-here");
  ExpectProblem(unknown, 404, "not-found");
}

TEST_F(ServerTest, BatchAnswersInOrder) {
  auto r = Post(
      "/v1/screen/batch",
      R"({"queries":[{"id":1,"name":"Olivia Smith-Jones"},{"id":"b","name":"Ayman al-Zawahiri"}]})",
      "amina", "ct-investigation");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json j = Body(r);
  ASSERT_EQ(j["results"].size(), 2u);
  EXPECT_EQ(j["results"][0]["id"], 1);
  EXPECT_EQ(j["results"][0]["decision"], "clear");
  EXPECT_EQ(j["results"][1]["id"], "b");
  EXPECT_EQ(j["results"][1]["decision"], "refer");
}

TEST_F(ServerTest, AuditorReadsAndVerifiesTheTrailAndIsRecordedDoingSo) {
  ASSERT_EQ(Post("/v1/screen", R"({"name":"Ivan Petrov"})", "omar", "border-control")->status, 200);
  httplib::Client c("127.0.0.1", server_->port());
  const httplib::Headers dpo = {{"Authorization", "Bearer " + tokens_["dpo"]}};
  auto list = c.Get("/v1/audit?purpose=audit&actor=omar&action=consultation&limit=5", dpo);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  Json j = Body(list);
  ASSERT_FALSE(j["records"].empty());
  for (const auto& r : j["records"]) {
    EXPECT_EQ(r["actor"], "omar");
    EXPECT_EQ(r["action"], "consultation");
    EXPECT_EQ(r["hash"].get<std::string>().size(), 64u);
  }
  auto mine = c.Get("/v1/audit?purpose=audit&actor=dpo&object=audit_log", dpo);
  ASSERT_TRUE(mine);
  EXPECT_FALSE(Body(mine)["records"].empty()) << mine->body;  // reading was recorded
  ExpectProblem(c.Get("/v1/audit", dpo), 400, "purpose-required");
  ExpectProblem(c.Get("/v1/audit?purpose=audit&action=peeking", dpo), 400, "invalid-request");
  ExpectProblem(c.Get("/v1/audit?purpose=audit&limit=-3", dpo), 400, "invalid-request");
  ExpectProblem(c.Get("/v1/audit?purpose=ct-investigation",
                      {{"Authorization", "Bearer " + tokens_["amina"]}}),
                403, "forbidden");
  auto v = c.Get("/v1/audit/verify", dpo);
  ASSERT_TRUE(v);
  ASSERT_EQ(v->status, 200);
  EXPECT_TRUE(Body(v)["ok"].get<bool>()) << v->body;
  EXPECT_GT(Body(v)["records"].get<int>(), 0);
}

TEST_F(ServerTest, ListsAreShownToThoseWhoReadThem) {
  httplib::Client c("127.0.0.1", server_->port());
  auto r = c.Get("/v1/lists", {{"Authorization", "Bearer " + tokens_["amina"]}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json j = Body(r);
  ASSERT_EQ(j["lists"].size(), 1u);
  EXPECT_EQ(j["lists"][0]["list"], "un");
  EXPECT_EQ(j["lists"][0]["active"]["entities"], 1003);
  ExpectProblem(c.Get("/v1/lists", {{"Authorization", "Bearer " + tokens_["omar"]}}), 403,
                "forbidden");
}

// A TD3 MRZ with valid check digits.
std::vector<std::string> Td3(const std::string& state, const std::string& name,
                             const std::string& number, const std::string& dob, char sex,
                             const std::string& expiry) {
  std::string l1 = "P<" + state + name;
  l1.resize(44, '<');
  std::string num = number;
  num.resize(9, '<');
  std::string l2 = num + travel::MrzCheckDigit(num) + state + dob + travel::MrzCheckDigit(dob) +
                   sex + expiry + travel::MrzCheckDigit(expiry) + std::string(14, '<') + '<';
  l2 += travel::MrzCheckDigit(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22));
  return {l1, l2};
}

std::string MrzBody(const std::vector<std::string>& lines) { return Json{{"lines", lines}}.dump(); }

TEST_F(ServerTest, BoothAnswersTheOfficerWithoutTheListedFile) {
  const std::string body =
      MrzBody(Td3("EGY", "AL<ZAWAHIRI<<AYMAN", "A01234567", "510619", 'M', "300101"));
  auto o = Post("/v1/mrz", body, "omar", "border-control");
  ASSERT_TRUE(o);
  ASSERT_EQ(o->status, 200) << o->body;
  Json jo = Body(o);
  EXPECT_EQ(jo["decision"], "refer");
  EXPECT_TRUE(jo["document"]["valid"].get<bool>());
  EXPECT_FALSE(jo.contains("matches"));
  EXPECT_EQ(o->body.find("un:111923"), std::string::npos);
  auto a = Post("/v1/mrz", body, "amina", "ct-investigation");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->status, 200);
  EXPECT_EQ(Body(a)["matches"][0]["entity_id"], "un:111923");

  auto bad = Td3("UTO", "ERIKSSON<<ANNA<MARIA", "L898902C3", "740812", 'F', "300415");
  bad[1][9] = bad[1][9] == '1' ? '2' : '1';
  auto b = Post("/v1/mrz", MrzBody(bad), "omar", "border-control");
  ASSERT_TRUE(b);
  EXPECT_EQ(Body(b)["decision"], "refer");
  EXPECT_FALSE(Body(b)["document"]["valid"].get<bool>());
  ExpectProblem(Post("/v1/mrz", R"({"lines":["P<UTO#"]})", "omar", "border-control"), 400,
                "invalid-query");
  ExpectProblem(Post("/v1/mrz", R"({"lines":"P<UTO"})", "omar", "border-control"), 400,
                "invalid-request");
}

TEST_F(ServerTest, BoothCatchesADocumentReportedStolen) {
  {
    auto store = store::Store::Open(db_);
    ASSERT_TRUE(store.ok());
    std::vector<store::LostDocument> docs = {
        {"C01X00T47", "DE", "P", "stolen", "2026-01-01", "S-9", "C01X00T47", "", 2}};
    ASSERT_TRUE(store::ImportLostDocuments(**store, "sltd", docs, "h-sltd", "root").ok());
  }
  auto r =
      Post("/v1/mrz", MrzBody(Td3("D<<", "MUELLER<<JONAS", "C01X00T47", "800101", 'M', "300101")),
           "omar", "border-control");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json j = Body(r);
  EXPECT_EQ(j["decision"], "refer");
  EXPECT_EQ(j["reasons"][0]["code"], "lost-stolen");
}

std::string Flight() {
  std::ifstream in(std::string(HUDUD_TESTDATA_DIR) + "/travel/cli/xx101-seven.edi",
                   std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_F(ServerTest, ManifestUploadScreensEveryTravellerAndKeepsTheMessage) {
  auto o = Post("/v1/manifests", Flight(), "omar", "border-control", "application/edifact");
  ASSERT_TRUE(o);
  ASSERT_EQ(o->status, 200) << o->body;
  Json jo = Body(o);
  EXPECT_EQ(jo["format"], "paxlst");
  ASSERT_EQ(jo["travellers"].size(), 7u);
  EXPECT_EQ(jo["summary"]["refer"], 4);
  EXPECT_EQ(o->body.find("un:111923"), std::string::npos);  // an officer gets no listed file
  EXPECT_GT(jo["manifest"].get<int>(), 0);

  auto a = Post("/v1/manifests", Flight(), "amina", "ct-investigation", "application/edifact");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->status, 200);
  Json ja = Body(a);
  EXPECT_EQ(ja["manifest"], jo["manifest"]);  // the same bytes are kept once
  bool found = false;
  for (const auto& t : ja["travellers"]) {
    if (t["name"] == "AYMAN AL-ZAWAHIRI") {
      found = true;
      EXPECT_EQ(t["hits"][0]["entity_id"], "un:111923");
    }
  }
  EXPECT_TRUE(found);
  ExpectProblem(Post("/v1/manifests", "not EDIFACT", "omar", "border-control", "text/plain"), 400,
                "invalid-request");
  ExpectProblem(Post("/v1/manifests", Flight(), "dpo", "audit", "application/edifact"), 403,
                "forbidden");
}

TEST_F(ServerTest, ConsoleSignInSetsASessionCookieAndSignOutEndsIt) {
  httplib::Client c("127.0.0.1", server_->port());
  auto wrong = c.Post("/v1/session", R"({"user":"karim","password":"guess-guess-guess"})",
                      "application/json");
  ExpectProblem(wrong, 401, "unauthenticated");
  auto ok = c.Post("/v1/session", Json{{"user", "karim"}, {"password", kKarimPassword}}.dump(),
                   "application/json");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(Body(ok)["role"], "analyst");
  const std::string cookie = ok->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  const std::string value = cookie.substr(0, cookie.find(';'));
  ASSERT_EQ(value.rfind("hudud_session=hus_", 0), 0u) << value;
  const httplib::Headers with_cookie = {{"Cookie", value}, {"X-Purpose", "ct-investigation"}};
  auto screened =
      c.Post("/v1/screen", with_cookie, R"({"name":"Ivan Petrov"})", "application/json");
  ASSERT_TRUE(screened);
  EXPECT_EQ(screened->status, 200) << screened->body;
  auto out = c.Delete("/v1/session", with_cookie);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 200) << out->body;
  auto after = c.Post("/v1/screen", with_cookie, R"({"name":"Ivan Petrov"})", "application/json");
  ExpectProblem(after, 401, "unauthenticated");
  ExpectProblem(c.Post("/v1/session", R"({"user":"karim"})", "application/json"), 400,
                "invalid-request");
}

TEST_F(ServerTest, RepeatedFailedSignInsAreThrottled) {
  ASSERT_TRUE([] {
    auto store = store::Store::Open(db_);
    return store.ok() && store::AddUser(**store, "target", store::Role::kAnalyst,
                                        "Pamir-Highway-4655m", "", "", "root")
                             .ok();
  }());
  httplib::Client c("127.0.0.1", server_->port());
  for (int i = 0; i < 5; ++i) {
    ExpectProblem(c.Post("/v1/session", R"({"user":"target","password":"wrong-wrong-wrong"})",
                         "application/json"),
                  401, "unauthenticated");
  }
  // Even the right password is refused now: guessing cannot go on.
  ExpectProblem(c.Post("/v1/session", R"({"user":"target","password":"Pamir-Highway-4655m"})",
                       "application/json"),
                429, "too-many-attempts");
}

TEST_F(ServerTest, MetricsForAdminsOnly) {
  httplib::Client c("127.0.0.1", server_->port());
  auto m = c.Get("/metrics", {{"Authorization", "Bearer " + tokens_["root"]}});
  ASSERT_TRUE(m);
  ASSERT_EQ(m->status, 200);
  EXPECT_NE(m->body.find("hudud_http_requests_total"), std::string::npos);
  EXPECT_NE(m->body.find("hudud_listed_entities 1003"), std::string::npos);
  auto denied = c.Get("/metrics", {{"Authorization", "Bearer " + tokens_["amina"]}});
  ExpectProblem(denied, 403, "forbidden");
}

}  // namespace
}  // namespace hudud::server
