// The endpoints that wrap what the CLI and the store do: list versions,
// diffs, entries and imports (the screening index swapped without a
// restart), national designations with four eyes, held subjects, the
// lost/stolen register, targeting rules and the flights kept. For each: the
// happy path on real data, every role against every route, the purpose,
// the audit record, and a problem+json 4xx for bad input.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <thread>
#include <tuple>

#include "api/json.h"
#include "lists/list_file.h"
#include "server/server.h"
#include "store/access.h"
#include "store/audit.h"
#include "store/store.h"
#include "travel/mrz.h"

namespace hudud::server {
namespace {

using api::Json;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string UnXml() {
  return ReadFile(std::string(HUDUD_DATA_DIR) + "/lists/un-consolidated-2026-02-27.xml");
}
std::string FtmSample() {
  return ReadFile(std::string(HUDUD_TESTDATA_DIR) + "/lists/ftm-sample.jsonl");
}
std::string Flight() {
  return ReadFile(std::string(HUDUD_TESTDATA_DIR) + "/travel/cli/xx101-seven.edi");
}

// The UN list with one more individual, named in Latin and Cyrillic script.
std::string UnXmlWithNewEntry() {
  std::string xml = UnXml();
  const std::string entry =
      "    <INDIVIDUAL>\n"
      "      <DATAID>99999001</DATAID>\n"
      "      <VERSIONNUM>1</VERSIONNUM>\n"
      "      <FIRST_NAME>RUSTAM</FIRST_NAME>\n"
      "      <SECOND_NAME>NAZAROV</SECOND_NAME>\n"
      "      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>\n"
      "      <REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>\n"
      "      <LISTED_ON>2026-03-01</LISTED_ON>\n"
      "      <NAME_ORIGINAL_SCRIPT>Рустам Назаров</NAME_ORIGINAL_SCRIPT>\n"
      "      <INDIVIDUAL_DATE_OF_BIRTH>\n"
      "        <TYPE_OF_DATE>EXACT</TYPE_OF_DATE>\n"
      "        <DATE>1988-02-14</DATE>\n"
      "      </INDIVIDUAL_DATE_OF_BIRTH>\n"
      "    </INDIVIDUAL>\n";
  const size_t at = xml.find("<INDIVIDUALS>\n");
  xml.insert(at + std::string("<INDIVIDUALS>\n").size(), entry);
  return xml;
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

// Every role, with a user holding it and a purpose the role may give.
struct RoleUser {
  store::Role role;
  std::string user, purpose;
};
const std::vector<RoleUser>& RoleUsers() {
  static const std::vector<RoleUser> kUsers = {
      {store::Role::kAdmin, "root", "retention"},
      {store::Role::kListManager, "lena", "list-management"},
      {store::Role::kAnalyst, "amina", "ct-investigation"},
      {store::Role::kBorderOfficer, "omar", "border-control"},
      {store::Role::kAuditor, "dpo", "audit"},
      {store::Role::kPartner, "interpol", "international-cooperation"},
  };
  return kUsers;
}

class ServiceEndpointsTest : public ::testing::Test {
 protected:
  // A fresh database and server for every test, so tests do not depend on
  // one another's imports.
  void SetUp() override {
    db_ = (std::filesystem::temp_directory_path() /
           ("hudud-endpoints-" + std::to_string(getpid()) + ".db"))
              .string();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + s);
    auto store = store::Store::Open(db_);
    ASSERT_TRUE(store.ok());
    auto un = lists::ReadListFile(
        std::string(HUDUD_DATA_DIR) + "/lists/un-consolidated-2026-02-27.xml", "un-xml");
    ASSERT_TRUE(un.ok());
    ASSERT_TRUE((*store)->ImportList(*un, "test", store::Sha256Hex(UnXml())).ok());
    ASSERT_TRUE(store::AddUser(**store, "root", store::Role::kAdmin, "", "", "", "").ok());
    const std::vector<std::tuple<std::string, store::Role, std::string>> users = {
        {"lena", store::Role::kListManager, ""},   {"lara", store::Role::kListManager, ""},
        {"amina", store::Role::kAnalyst, ""},      {"karim", store::Role::kAnalyst, ""},
        {"omar", store::Role::kBorderOfficer, ""}, {"nadia", store::Role::kBorderOfficer, ""},
        {"dpo", store::Role::kAuditor, ""},        {"interpol", store::Role::kPartner, "interpol"}};
    for (const auto& [name, role, partner] : users) {
      auto u = store::AddUser(**store, name, role, "", "", partner, "root");
      ASSERT_TRUE(u.ok()) << u.status().ToString();
    }
    for (const auto& [name, role, partner] : users) tokens_[name] = Token(**store, name);
    tokens_["root"] = Token(**store, "root");
    store->reset();

    ServerOptions o;
    o.db = db_;
    o.listen = "127.0.0.1:0";
    o.max_body_bytes = 64 * 1024;
    o.max_import_bytes = 8 << 20;
    // The register must be seen at once after an import through the
    // server, however long the refresh interval.
    o.register_refresh_seconds = 3600;
    auto srv = Server::Create(o);
    ASSERT_TRUE(srv.ok()) << srv.status().ToString();
    server_ = srv->release();
    thread_ = new std::thread([] { (void)server_->Run(); });
    httplib::Client c("127.0.0.1", server_->port());
    for (int i = 0; i < 100 && !c.Get("/healthz"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  void TearDown() override {
    if (server_ == nullptr) return;
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    server_ = nullptr;
    thread_ = nullptr;
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + s);
  }

  static std::string Token(store::Store& store, const std::string& user) {
    auto t = store::CreateToken(store, user, "test", "", "root");
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? t->value : "";
  }

  static httplib::Headers Headers(const std::string& user, const std::string& purpose) {
    httplib::Headers h;
    if (!user.empty()) h.emplace("Authorization", "Bearer " + tokens_[user]);
    if (!purpose.empty()) h.emplace("X-Purpose", purpose);
    return h;
  }

  static httplib::Result Get(const std::string& path, const std::string& user,
                             const std::string& purpose) {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(120, 0);
    return c.Get(path.c_str(), Headers(user, purpose));
  }

  static httplib::Result Post(const std::string& path, const std::string& body,
                              const std::string& user, const std::string& purpose,
                              const std::string& type = "application/json") {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(120, 0);
    c.set_write_timeout(120, 0);
    return c.Post(path.c_str(), Headers(user, purpose), body, type.c_str());
  }

  static Json Body(const httplib::Result& r) {
    return r ? Json::parse(r->body, nullptr, false) : Json();
  }

  static void ExpectProblem(const httplib::Result& r, int status, const std::string& code) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json") << r->body;
    Json j = Body(r);
    EXPECT_EQ(j["type"], "/v1/problems/" + code) << r->body;
    EXPECT_EQ(j["status"], status);
  }

  // The ids of the entities an analyst's screening of `name` matched.
  static std::vector<std::string> Matches(const std::string& name) {
    auto r = Post("/v1/screen", Json{{"name", name}}.dump(), "amina", "ct-investigation");
    std::vector<std::string> ids;
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
    if (!r || r->status != 200) return ids;
    const Json j = Body(r);
    for (const auto& m : j["matches"]) ids.push_back(m["entity_id"].get<std::string>());
    return ids;
  }

  static bool Has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  }

  // The audit records with this action on this object.
  static std::vector<store::AuditRecord> Records(store::AuditAction action,
                                                 const std::string& object) {
    auto store = store::Store::Open(db_);
    EXPECT_TRUE(store.ok());
    store::AuditFilter f;
    f.action = action;
    f.object_prefix = object;
    f.limit = 10000;
    auto records = store::ReadAudit(**store, f);
    EXPECT_TRUE(records.ok());
    return records.ok() ? *records : std::vector<store::AuditRecord>();
  }

  static std::string db_;
  static Server* server_;
  static std::thread* thread_;
  static std::map<std::string, std::string> tokens_;
};

std::string ServiceEndpointsTest::db_;
Server* ServiceEndpointsTest::server_ = nullptr;
std::thread* ServiceEndpointsTest::thread_ = nullptr;
std::map<std::string, std::string> ServiceEndpointsTest::tokens_;

// ---- Every role against every route.

struct RouteCase {
  std::string method, path, body, type;
  std::set<store::Role> allowed;
};

TEST_F(ServiceEndpointsTest, EveryRoleAgainstEveryRoute) {
  using store::Role;
  const std::set<Role> readers = {Role::kListManager, Role::kAnalyst, Role::kAuditor};
  const std::set<Role> managers = {Role::kListManager};
  const std::set<Role> proposers = {Role::kListManager, Role::kAnalyst};
  const std::set<Role> analysts = {Role::kAnalyst};
  const std::set<Role> travel = {Role::kAnalyst, Role::kBorderOfficer};
  const std::string json = "application/json";
  const std::vector<RouteCase> cases = {
      {"GET", "/v1/lists/un/versions", "", "", readers},
      {"GET", "/v1/lists/un/diff", "", "", readers},
      {"GET", "/v1/lists/un/entities/111923", "", "", readers},
      {"POST", "/v1/lists/un/import", "not a list", "application/xml", managers},
      {"GET", "/v1/designations", "", "", proposers},
      {"GET", "/v1/designations/999999", "", "", proposers},
      {"POST", "/v1/designations", "{}", json, proposers},
      {"POST", "/v1/designations/999999/approve", "", json, managers},
      {"POST", "/v1/designations/999999/reject", R"({"note":"no"})", json, managers},
      {"POST", "/v1/designations/999999/publish", "", json, managers},
      {"GET", "/v1/designations/export?list=un&format=csv", "", "", managers},
      {"POST", "/v1/subjects", "", "text/csv", managers},
      {"GET", "/v1/subjects", "", "", analysts},
      {"GET", "/v1/subjects/nobody", "", "", analysts},
      {"POST", "/v1/documents?source=sltd", "", "text/csv", managers},
      {"GET", "/v1/documents", "", "", managers},
      {"GET", "/v1/rules", "", "", analysts},
      {"GET", "/v1/rules/fields", "", "", analysts},
      {"GET", "/v1/rules/none", "", "", analysts},
      {"POST", "/v1/rules", "{}", json, analysts},
      {"POST", "/v1/rules/none/test", "", json, analysts},
      {"POST", "/v1/rules/none/activate", "", json, analysts},
      {"POST", "/v1/rules/none/retire", "", json, analysts},
      {"GET", "/v1/manifests", "", "", analysts},
      {"GET", "/v1/manifests/999999", "", "", travel},
  };
  for (const RouteCase& c : cases) {
    const std::string what = c.method + " " + c.path;
    // Nobody without credentials.
    auto anon = c.method == "GET" ? Get(c.path, "", "list-management")
                                  : Post(c.path, c.body, "", "list-management", c.type);
    ExpectProblem(anon, 401, "unauthenticated");
    for (const RoleUser& u : RoleUsers()) {
      auto r = c.method == "GET" ? Get(c.path, u.user, u.purpose)
                                 : Post(c.path, c.body, u.user, u.purpose, c.type);
      ASSERT_TRUE(r) << what;
      const std::string who = what + " as " + std::string(store::ToString(u.role));
      if (c.allowed.count(u.role)) {
        EXPECT_NE(r->status, 401) << who << ": " << r->body;
        EXPECT_NE(r->status, 403) << who << ": " << r->body;
        EXPECT_LT(r->status, 500) << who << ": " << r->body;
      } else {
        EXPECT_EQ(r->status, 403) << who << ": " << r->body;
        EXPECT_EQ(Body(r)["type"], "/v1/problems/forbidden") << who;
      }
    }
  }
  // Refusals are in the trail.
  EXPECT_FALSE(Records(store::AuditAction::kAccessDenied, "POST /v1/lists/un/import").empty());
}

TEST_F(ServiceEndpointsTest, PersonalDataNeedsAPurpose) {
  ExpectProblem(Get("/v1/lists/un/entities/111923", "amina", ""), 400, "purpose-required");
  ExpectProblem(Get("/v1/lists/un/diff", "amina", ""), 400, "purpose-required");
  ExpectProblem(Post("/v1/lists/un/import", UnXml(), "lena", "", "application/xml"), 400,
                "purpose-required");
  ExpectProblem(Get("/v1/designations", "amina", ""), 400, "purpose-required");
  ExpectProblem(Post("/v1/designations", "{}", "amina", ""), 400, "purpose-required");
  ExpectProblem(Get("/v1/designations/export?list=un&format=csv", "lena", ""), 400,
                "purpose-required");
  ExpectProblem(Post("/v1/subjects", "id,name\n1,x\n", "lena", "", "text/csv"), 400,
                "purpose-required");
  ExpectProblem(Get("/v1/subjects", "amina", ""), 400, "purpose-required");
  ExpectProblem(Post("/v1/documents?source=s", "number,country\n1,DE\n", "lena", "", "text/csv"),
                400, "purpose-required");
  ExpectProblem(Get("/v1/documents", "lena", ""), 400, "purpose-required");
  ExpectProblem(Post("/v1/rules/none/test", "", "amina", ""), 400, "purpose-required");
  ExpectProblem(Get("/v1/manifests", "amina", ""), 400, "purpose-required");
  ExpectProblem(Get("/v1/manifests/1", "omar", ""), 400, "purpose-required");
  ExpectProblem(Get("/v1/lists/un/entities/111923", "amina", "curiosity"), 400, "unknown-purpose");
  // Metadata and rules name nobody.
  auto versions = Get("/v1/lists/un/versions", "dpo", "");
  ASSERT_TRUE(versions);
  EXPECT_EQ(versions->status, 200) << versions->body;
  auto rules = Get("/v1/rules", "amina", "");
  ASSERT_TRUE(rules);
  EXPECT_EQ(rules->status, 200) << rules->body;
}

// ---- Lists.

TEST_F(ServiceEndpointsTest, ListVersionsAndAPublishedEntry) {
  auto v = Get("/v1/lists/un/versions", "dpo", "");
  ASSERT_TRUE(v);
  ASSERT_EQ(v->status, 200) << v->body;
  Json j = Body(v);
  EXPECT_EQ(j["list"], "un");
  ASSERT_EQ(j["versions"].size(), 1u);
  EXPECT_EQ(j["versions"][0]["entities"], 1003);
  EXPECT_TRUE(j["versions"][0]["active"].get<bool>());
  ExpectProblem(Get("/v1/lists/nope/versions", "dpo", ""), 404, "not-found");
  ExpectProblem(Get("/v1/lists/UN%20X/versions", "dpo", ""), 400, "invalid-request");

  // An entry, by the list's own id or the whole id.
  for (const char* id : {"111923", "un:111923"}) {
    auto e = Get(std::string("/v1/lists/un/entities/") + id, "dpo", "redress");
    ASSERT_TRUE(e);
    ASSERT_EQ(e->status, 200) << e->body;
    Json je = Body(e);
    EXPECT_EQ(je["entity"]["id"], "un:111923");
    EXPECT_EQ(je["version"], j["versions"][0]["version"]);
    bool zawahiri = false;
    for (const auto& n : je["entity"]["names"]) {
      zawahiri = zawahiri || n["full"].get<std::string>().find("ZAWAHIRI") != std::string::npos;
    }
    EXPECT_TRUE(zawahiri) << e->body;
  }
  EXPECT_FALSE(Records(store::AuditAction::kConsultation, "entity:un:111923").empty());
  ExpectProblem(Get("/v1/lists/un/entities/99999999", "dpo", "redress"), 404, "not-found");
  ExpectProblem(Get("/v1/lists/un/entities/eu:1", "dpo", "redress"), 404, "not-found");
  // Path traversal never leaves the route (or gets past it).
  for (const char* p :
       {"/v1/lists/un/entities/../../etc/passwd", "/v1/lists/un/entities/..%2F..%2Fetc%2Fpasswd",
        "/v1/lists/un/entities/%2e%2e", "/v1/lists/..%2F..%2Fetc/entities/x",
        "/v1/lists/un/entities/%FF%FE", "/v1/lists/%FF/versions"}) {
    auto r = Get(p, "dpo", "redress");
    ASSERT_TRUE(r) << p;
    EXPECT_GE(r->status, 400) << p;
    EXPECT_LT(r->status, 500) << p;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json") << p;
  }
}

TEST_F(ServiceEndpointsTest, ImportMakesScreeningSeeTheNewEntityWithoutRestart) {
  // Held subjects first, so the import re-screens them.
  auto subjects = Post("/v1/subjects", "id,name,dob,nationality\nC-9,Абдулло Раҳимов,1979-06,TJ\n",
                       "lena", "list-management", "text/csv");
  ASSERT_TRUE(subjects);
  ASSERT_EQ(subjects->status, 200) << subjects->body;

  EXPECT_FALSE(Has(Matches("Абдулло Раҳимов"), "opensanctions:NK-rahimov"));
  auto r = Post("/v1/lists/opensanctions/import?format=ftm-json", FtmSample(), "lena",
                "list-management", "application/x-ndjson");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json j = Body(r);
  EXPECT_EQ(j["list"], "opensanctions");
  EXPECT_EQ(j["format"], "ftm-json");
  EXPECT_FALSE(j["unchanged"].get<bool>());
  EXPECT_GT(j["added"].get<int>(), 0);
  EXPECT_EQ(j["index_entities"].get<int>(), 1003 + j["entities"].get<int>());
  ASSERT_TRUE(j.contains("rescreen")) << r->body;
  EXPECT_GE(j["rescreen"]["alerts_raised"].get<int>(), 1) << r->body;
  // The very next request screens against the new version.
  EXPECT_TRUE(Has(Matches("Абдулло Раҳимов"), "opensanctions:NK-rahimov"));
  EXPECT_TRUE(Has(Matches("أبو بكر البغدادي"), "opensanctions:NK-abu-1"));
  EXPECT_FALSE(Records(store::AuditAction::kCollection, "list:opensanctions").empty());
  EXPECT_FALSE(Records(store::AuditAction::kCombination, "subjects").empty());

  // The same file again changes nothing.
  auto again = Post("/v1/lists/opensanctions/import", FtmSample(), "lena", "list-management",
                    "application/x-ndjson");
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_TRUE(Body(again)["unchanged"].get<bool>());
  EXPECT_EQ(Body(again)["version"], j["version"]);
  auto versions = Get("/v1/lists/opensanctions/versions", "lena", "");
  ASSERT_TRUE(versions);
  EXPECT_EQ(Body(versions)["versions"].size(), 1u);
}

TEST_F(ServiceEndpointsTest, ABigListImportAndItsDiff) {
  // 2 MB: above the request limit (64 KiB here), within the import limit.
  const std::string xml = UnXmlWithNewEntry();
  ASSERT_GT(xml.size(), 64u * 1024);
  EXPECT_TRUE(Matches("Рустам Назаров").empty());
  auto r = Post("/v1/lists/un/import", xml, "lena", "list-management", "application/xml");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json j = Body(r);
  EXPECT_EQ(j["added"], 1);
  EXPECT_EQ(j["entities"], 1004);
  EXPECT_TRUE(Has(Matches("Рустам Назаров"), "un:99999001"));
  EXPECT_TRUE(Has(Matches("Rustam Nazarov"), "un:99999001"));

  // The diff, in the shape of `hudud lists diff --json`.
  auto d = Get("/v1/lists/un/diff", "amina", "ct-investigation");
  ASSERT_TRUE(d);
  ASSERT_EQ(d->status, 200) << d->body;
  Json jd = Body(d);
  EXPECT_EQ(jd["list"], "un");
  EXPECT_EQ(jd["to"], j["version"]);
  EXPECT_EQ(jd["from"], j["previous_version"]);
  EXPECT_EQ(jd["added"], Json::array({"un:99999001"}));
  EXPECT_TRUE(jd["removed"].empty());
  EXPECT_TRUE(jd["changed"].is_array());
  auto back = Get("/v1/lists/un/diff?from=" + std::to_string(j["version"].get<int>()) +
                      "&to=" + std::to_string(j["previous_version"].get<int>()),
                  "amina", "ct-investigation");
  ASSERT_TRUE(back);
  ASSERT_EQ(back->status, 200) << back->body;
  EXPECT_EQ(Body(back)["removed"], Json::array({"un:99999001"}));
  ExpectProblem(Get("/v1/lists/un/diff?from=abc", "amina", "ct-investigation"), 400,
                "invalid-request");
  ExpectProblem(Get("/v1/lists/un/diff?from=-1", "amina", "ct-investigation"), 400,
                "invalid-request");
  ExpectProblem(Get("/v1/lists/un/diff?from=99999", "amina", "ct-investigation"), 400,
                "invalid-request");
  // An entry as a given version published it: the new entry is in the new
  // version and in no earlier one (a diff's removed entries open this way).
  const std::string to = std::to_string(j["version"].get<int>());
  const std::string from = std::to_string(j["previous_version"].get<int>());
  auto in_new = Get("/v1/lists/un/entities/99999001?version=" + to, "amina", "ct-investigation");
  ASSERT_TRUE(in_new);
  ASSERT_EQ(in_new->status, 200) << in_new->body;
  EXPECT_EQ(Body(in_new)["version"].get<int>(), j["version"].get<int>());
  ExpectProblem(Get("/v1/lists/un/entities/99999001?version=" + from, "amina", "ct-investigation"),
                404, "not-found");
  auto old = Get("/v1/lists/un/entities/111923?version=" + from, "amina", "ct-investigation");
  ASSERT_TRUE(old);
  ASSERT_EQ(old->status, 200) << old->body;
  EXPECT_EQ(Body(old)["version"].get<int>(), j["previous_version"].get<int>());
  ExpectProblem(Get("/v1/lists/un/entities/111923?version=99999", "amina", "ct-investigation"), 404,
                "not-found");
  ExpectProblem(Get("/v1/lists/un/entities/111923?version=x", "amina", "ct-investigation"), 400,
                "invalid-request");
  auto versions = Get("/v1/lists/un/versions", "amina", "");
  ASSERT_TRUE(versions);
  EXPECT_EQ(Body(versions)["versions"].size(), 2u);
  EXPECT_TRUE(Body(versions)["versions"][0]["active"].get<bool>());
}

TEST_F(ServiceEndpointsTest, AMalformedListLeavesThePreviousVersionActive) {
  const std::string broken = UnXml().substr(0, 5000) + "<<<";
  auto r = Post("/v1/lists/un/import", broken, "lena", "list-management", "application/xml");
  ExpectProblem(r, 400, "invalid-request");
  const std::string detail = Body(r)["detail"];
  EXPECT_NE(detail.find("line"), std::string::npos) << detail;
  EXPECT_NE(detail.find("request body"), std::string::npos) << detail;
  auto bad_utf8 = Post("/v1/lists/opensanctions/import?format=ftm-json",
                       "{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"name\": "
                       "[\"\xff\xfe\"]}}\n",
                       "lena", "list-management", "application/x-ndjson");
  ExpectProblem(bad_utf8, 400, "invalid-request");
  ExpectProblem(Post("/v1/lists/un/import", "hello", "lena", "list-management", "application/xml"),
                400, "invalid-request");
  ExpectProblem(Post("/v1/lists/un/import", "", "lena", "list-management", "application/xml"), 400,
                "invalid-request");
  ExpectProblem(
      Post("/v1/lists/un/import?format=pdf", UnXml(), "lena", "list-management", "application/xml"),
      400, "invalid-request");
  ExpectProblem(
      Post("/v1/lists/kw/import?format=csv", "a,b\n", "lena", "list-management", "text/csv"), 400,
      "invalid-request");
  // A list others publish is not replaced by another's file.
  ExpectProblem(
      Post("/v1/lists/eu/import", FtmSample(), "lena", "list-management", "application/x-ndjson"),
      400, "invalid-request");
  auto versions = Get("/v1/lists/un/versions", "lena", "");
  ASSERT_TRUE(versions);
  ASSERT_EQ(Body(versions)["versions"].size(), 1u);
  EXPECT_EQ(Body(versions)["versions"][0]["entities"], 1003);
  auto lists = Get("/v1/lists", "lena", "");
  EXPECT_EQ(Body(lists)["lists"].size(), 1u) << lists->body;
  EXPECT_EQ(Matches("Ayman al-Zawahiri").at(0), "un:111923");
}

TEST_F(ServiceEndpointsTest, ImportBodiesAreReadOnlyForThoseAllowedAndWithinTheLimit) {
  // Larger than the import limit (8 MiB here): refused before it is read.
  const std::string huge(9 << 20, 'x');
  ExpectProblem(Post("/v1/lists/un/import", huge, "lena", "list-management", "application/xml"),
                413, "body-too-large");
  // A 2 MB list from someone who may not import it: refused, not read.
  ExpectProblem(Post("/v1/lists/un/import", UnXml(), "", "list-management", "application/xml"), 401,
                "unauthenticated");
  ExpectProblem(
      Post("/v1/lists/un/import", UnXml(), "amina", "ct-investigation", "application/xml"), 403,
      "forbidden");
  // Other routes keep the request limit.
  ExpectProblem(Post("/v1/rules", std::string(100 * 1024, ' '), "amina", ""), 413,
                "body-too-large");
  ExpectProblem(Post("/v1/designations", std::string(100 * 1024, ' '), "amina", "ct-investigation"),
                413, "body-too-large");
}

TEST_F(ServiceEndpointsTest, ARefusedUploadLeavesTheConnectionUsable) {
  // The refused body is read and dropped, never taken for the next request.
  httplib::Client c("127.0.0.1", server_->port());
  c.set_keep_alive(true);
  auto refused = c.Post("/v1/lists/un/import", Headers("amina", "ct-investigation"), UnXml(),
                        "application/xml");
  ExpectProblem(refused, 403, "forbidden");
  auto next = c.Get("/v1/lists/un/versions", Headers("amina", ""));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200) << next->body;
  // A body refused before it is read closes the connection after the answer.
  auto big =
      c.Post("/v1/rules", Headers("amina", ""), std::string(100 * 1024, ' '), "application/json");
  ExpectProblem(big, 413, "body-too-large");
  EXPECT_EQ(big->get_header_value("Connection"), "close");
  auto after = c.Get("/v1/rules", Headers("amina", ""));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200) << after->body;
}

// ---- Designations.

TEST_F(ServiceEndpointsTest, DesignationsWithFourEyesThenPublishedAndScreened) {
  const Json proposal = {{"list", "kw-national"},
                         {"name", "عبد الله محمد الأنصاري"},
                         {"aliases", {"Abdullah Mohammed al-Ansari", "Abu Omar"}},
                         {"dob", "1980-04-02"},
                         {"nationality", "Kuwait"},
                         {"documents", {"K1234567:KW"}},
                         {"reasons", "Financing of terrorism"},
                         {"evidence", {"FIU 2026/311"}}};
  auto p = Post("/v1/designations", proposal.dump(), "amina", "ct-investigation");
  ASSERT_TRUE(p);
  ASSERT_EQ(p->status, 201) << p->body;
  Json jp = Body(p);
  EXPECT_EQ(jp["state"], "proposed");
  EXPECT_EQ(jp["action"], "designate");
  EXPECT_EQ(jp["entity_id"], "kw-national:1");
  EXPECT_EQ(jp["name"], "عبد الله محمد الأنصاري");
  EXPECT_EQ(jp["proposed_by"], "amina");
  const std::string id = std::to_string(jp["id"].get<int>());

  auto list = Get("/v1/designations?state=proposed", "lena", "list-management");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  ASSERT_EQ(Body(list)["proposals"].size(), 1u);
  EXPECT_EQ(Body(list)["proposals"][0]["id"], jp["id"]);
  ExpectProblem(Get("/v1/designations?state=pending", "lena", "list-management"), 400,
                "invalid-request");

  // A list manager's own proposal needs another's approval.
  auto own = Post("/v1/designations",
                  Json{{"list", "kw-national"},
                       {"name", "Фаррух Шарипов"},
                       {"dob", "1990"},
                       {"reasons", "Recruitment"}}
                      .dump(),
                  "lena", "list-management");
  ASSERT_TRUE(own);
  ASSERT_EQ(own->status, 201) << own->body;
  const std::string own_id = std::to_string(Body(own)["id"].get<int>());
  ExpectProblem(Post("/v1/designations/" + own_id + "/approve", "", "lena", "list-management"), 403,
                "four-eyes");
  ExpectProblem(Post("/v1/designations/" + own_id + "/reject", "{}", "lara", "list-management"),
                400, "invalid-request");
  auto rejected = Post("/v1/designations/" + own_id + "/reject",
                       R"({"note":"evidence insufficient"})", "lara", "list-management");
  ASSERT_TRUE(rejected);
  ASSERT_EQ(rejected->status, 200) << rejected->body;
  EXPECT_EQ(Body(rejected)["state"], "rejected");
  ExpectProblem(Post("/v1/designations/" + own_id + "/publish", "", "lara", "list-management"), 409,
                "conflict");

  // Not yet published: not screened.
  EXPECT_FALSE(Has(Matches("Abdullah Mohammed al-Ansari"), "kw-national:1"));
  ExpectProblem(Post("/v1/designations/" + id + "/publish", "", "lena", "list-management"), 409,
                "conflict");
  auto approved = Post("/v1/designations/" + id + "/approve", R"({"note":"checked"})", "lena",
                       "list-management");
  ASSERT_TRUE(approved);
  ASSERT_EQ(approved->status, 200) << approved->body;
  EXPECT_EQ(Body(approved)["state"], "approved");
  EXPECT_EQ(Body(approved)["decided_by"], "lena");
  ExpectProblem(Post("/v1/designations/" + id + "/approve", "", "lara", "list-management"), 409,
                "conflict");

  auto pub = Post("/v1/designations/" + id + "/publish", "", "lena", "list-management");
  ASSERT_TRUE(pub);
  ASSERT_EQ(pub->status, 200) << pub->body;
  Json jpub = Body(pub);
  EXPECT_EQ(jpub["list"], "kw-national");
  EXPECT_EQ(jpub["added_ids"], Json::array({"kw-national:1"}));
  EXPECT_EQ(jpub["proposals"], Json::array({jp["id"]}));
  EXPECT_EQ(jpub["index_entities"], 1004);
  // Screening uses the published version at once, in either script.
  EXPECT_TRUE(Has(Matches("Abdullah Mohammed al-Ansari"), "kw-national:1"));
  EXPECT_TRUE(Has(Matches("عبد الله الأنصاري"), "kw-national:1"));

  auto show = Get("/v1/designations/" + id, "amina", "ct-investigation");
  ASSERT_TRUE(show);
  ASSERT_EQ(show->status, 200) << show->body;
  Json js = Body(show);
  EXPECT_EQ(js["state"], "published");
  ASSERT_EQ(js["events"].size(), 3u);
  EXPECT_EQ(js["events"][0]["action"], "proposed");
  EXPECT_EQ(js["events"][1]["action"], "approved");
  EXPECT_EQ(js["events"][2]["action"], "published");
  EXPECT_EQ(js["entity"]["id"], "kw-national:1");
  EXPECT_FALSE(Records(store::AuditAction::kChange, "designation:" + id).empty());

  // Amend and delist name a published entry; one pending proposal per entry.
  auto amend = Post("/v1/designations",
                    Json{{"action", "amend"},
                         {"entity_id", "kw-national:1"},
                         {"name", "عبد الله محمد الأنصاري"},
                         {"dob", "1980-04-03"},
                         {"reasons", "Date of birth corrected"}}
                        .dump(),
                    "amina", "ct-investigation");
  ASSERT_TRUE(amend);
  ASSERT_EQ(amend->status, 201) << amend->body;
  EXPECT_EQ(Body(amend)["action"], "amend");
  ExpectProblem(
      Post("/v1/designations",
           Json{{"action", "delist"}, {"entity_id", "kw-national:1"}, {"reasons", "Deceased"}}
               .dump(),
           "amina", "ct-investigation"),
      409, "conflict");
  ExpectProblem(
      Post("/v1/designations",
           Json{{"action", "delist"}, {"entity_id", "kw-national:77"}, {"reasons", "x"}}.dump(),
           "amina", "ct-investigation"),
      400, "invalid-request");

  // Exported for partners: a disclosure.
  auto xml = Get("/v1/designations/export?list=kw-national&format=xml", "lena", "list-management");
  ASSERT_TRUE(xml);
  ASSERT_EQ(xml->status, 200) << xml->body;
  EXPECT_NE(xml->get_header_value("Content-Type").find("xml"), std::string::npos);
  EXPECT_NE(xml->body.find("الأنصاري"), std::string::npos);
  EXPECT_NE(xml->body.find("<CONSOLIDATED_LIST"), std::string::npos);
  auto ftm = Get("/v1/designations/export?list=kw-national&format=ftm", "lena", "list-management");
  ASSERT_TRUE(ftm);
  ASSERT_EQ(ftm->status, 200);
  EXPECT_NE(ftm->body.find("\"schema\""), std::string::npos);
  auto csv = Get("/v1/designations/export?list=kw-national&format=csv", "lena", "list-management");
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200);
  EXPECT_NE(csv->body.find("kw-national:1"), std::string::npos);
  EXPECT_FALSE(Records(store::AuditAction::kDisclosure, "list:kw-national").empty());
  ExpectProblem(
      Get("/v1/designations/export?list=kw-national&format=pdf", "lena", "list-management"), 400,
      "invalid-request");
  ExpectProblem(Get("/v1/designations/export?list=nope&format=xml", "lena", "list-management"), 404,
                "not-found");
  ExpectProblem(Get("/v1/designations/export?list=kw-national&format=xml&version=1", "lena",
                    "list-management"),
                400, "invalid-request");  // version 1 is the UN list's
}

TEST_F(ServiceEndpointsTest, BadDesignationRequestsAreProblems) {
  const std::string p = "ct-investigation";
  ExpectProblem(Post("/v1/designations", "{\"list\": ", "amina", p), 400, "invalid-json");
  ExpectProblem(Post("/v1/designations", "{\"name\":\"\xff\xfe\"}", "amina", p), 400,
                "invalid-json");
  ExpectProblem(Post("/v1/designations", "[1]", "amina", p), 400, "invalid-request");
  ExpectProblem(Post("/v1/designations", R"({"list":"kw","name":"x","reasons":"y"})", "amina", p,
                     "text/plain"),
                415, "unsupported-media-type");
  ExpectProblem(Post("/v1/designations", R"({"list":"kw","nmae":"x","reasons":"y"})", "amina", p),
                400, "invalid-request");
  ExpectProblem(Post("/v1/designations", R"({"list":"kw","name":5,"reasons":"y"})", "amina", p),
                400, "invalid-request");
  ExpectProblem(Post("/v1/designations", R"({"list":"kw","name":"x","reasons":["y"]})", "amina", p),
                400, "invalid-request");
  ExpectProblem(Post("/v1/designations", R"({"list":"kw","name":"x","reasons":"y","evidence":[1]})",
                     "amina", p),
                400, "invalid-request");
  ExpectProblem(Post("/v1/designations", R"({"list":"kw","name":"x"})", "amina", p), 400,
                "invalid-request");
  ExpectProblem(Post("/v1/designations",
                     R"({"list":"kw","name":"x","reasons":"y","dob":"1980-13"})", "amina", p),
                400, "invalid-request");
  ExpectProblem(
      Post("/v1/designations", R"({"action":"destroy","list":"kw","reasons":"y"})", "amina", p),
      400, "invalid-request");
  ExpectProblem(
      Post("/v1/designations",
           R"({"list":"kw","reasons":"y","entity":{"names":[{"full":"x"}],"nmae":1}})", "amina", p),
      400, "invalid-request");
  ExpectProblem(Post("/v1/designations", R"({"list":"kw","reasons":"y","entity":"x"})", "amina", p),
                400, "invalid-request");
  ExpectProblem(Post("/v1/designations", R"({"list":"../../etc/passwd","name":"x","reasons":"y"})",
                     "amina", p),
                400, "invalid-request");
  // Lists others publish are not kept here.
  ExpectProblem(Post("/v1/designations", R"({"list":"un","name":"x y","reasons":"y"})", "amina", p),
                400, "invalid-request");
  // A full record in the stored form is accepted.
  auto full = Post("/v1/designations",
                   R"({"list":"kw","reasons":"y","entity":{"kind":"organization",)"
                   R"("names":[{"full":"شركة النور للتجارة"}]}})",
                   "amina", p);
  ASSERT_TRUE(full);
  EXPECT_EQ(full->status, 201) << full->body;
  ExpectProblem(Get("/v1/designations/abc", "amina", p), 400, "invalid-request");
  ExpectProblem(Get("/v1/designations/0", "amina", p), 400, "invalid-request");
  ExpectProblem(Get("/v1/designations/424242", "amina", p), 404, "not-found");
  for (const char* path :
       {"/v1/designations/../../etc/passwd", "/v1/designations/..%2F..%2Fetc%2Fpasswd/approve"}) {
    auto r = Post(path, "", "lena", "list-management");
    ASSERT_TRUE(r);
    EXPECT_GE(r->status, 400) << path;
    EXPECT_LT(r->status, 500) << path;
  }
  ExpectProblem(Post("/v1/designations/1/approve", R"({"note":5})", "lena", "list-management"), 400,
                "invalid-request");
  ExpectProblem(Post("/v1/designations/1/approve", R"({"nope":"x"})", "lena", "list-management"),
                400, "invalid-request");
}

// ---- Subjects.

TEST_F(ServiceEndpointsTest, SubjectsImportedScreenedAndPaged) {
  const std::string csv =
      "id,name,aliases,dob,nationality\n"
      "C-001,أيمن الظواهري,,1951-06-19,EG\n"
      "C-002,Olivia Smith-Jones,,,\n"
      "C-003,Абдулло Раҳимов,Abdullo Rakhimov,1979-06,TJ\n";
  auto r = Post("/v1/subjects", csv, "lena", "sanctions-compliance", "text/csv");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json j = Body(r);
  EXPECT_EQ(j["subjects"], 3);
  EXPECT_EQ(j["added"], 3);
  EXPECT_GE(j["hits"].get<int>(), 1);
  EXPECT_GE(j["alerts_raised"].get<int>(), 1);
  EXPECT_FALSE(Records(store::AuditAction::kCollection, "subjects").empty());

  auto jl = Post("/v1/subjects",
                 R"({"id":"C-004","names":["Ivan Petrov","Иван Петров"]})"
                 "\n",
                 "lena", "sanctions-compliance", "application/x-ndjson");
  ASSERT_TRUE(jl);
  ASSERT_EQ(jl->status, 200) << jl->body;
  EXPECT_EQ(Body(jl)["added"], 1);
  auto same = Post("/v1/subjects", csv, "lena", "sanctions-compliance", "text/csv; charset=utf-8");
  ASSERT_TRUE(same);
  EXPECT_EQ(Body(same)["unchanged"], 3) << same->body;

  auto page1 = Get("/v1/subjects?limit=2", "amina", "fiu-analysis");
  ASSERT_TRUE(page1);
  ASSERT_EQ(page1->status, 200) << page1->body;
  Json p1 = Body(page1);
  ASSERT_EQ(p1["subjects"].size(), 2u);
  EXPECT_EQ(p1["subjects"][0]["id"], "C-001");
  EXPECT_EQ(p1["subjects"][0]["names"][0], "أيمن الظواهري");
  EXPECT_EQ(p1["total"], 4);
  EXPECT_EQ(p1["next"], "C-002");
  auto page2 = Get("/v1/subjects?limit=2&after=C-002", "amina", "fiu-analysis");
  ASSERT_TRUE(page2);
  Json p2 = Body(page2);
  ASSERT_EQ(p2["subjects"].size(), 2u) << page2->body;
  EXPECT_EQ(p2["subjects"][0]["id"], "C-003");
  EXPECT_EQ(p2["subjects"][1]["names"][1], "Иван Петров");
  EXPECT_TRUE(p2["next"].is_null());

  auto one = Get("/v1/subjects/C-003", "amina", "fiu-analysis");
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  EXPECT_EQ(Body(one)["names"][0], "Абдулло Раҳимов");
  EXPECT_EQ(Body(one)["dob"], "1979-06");
  EXPECT_FALSE(Records(store::AuditAction::kConsultation, "subject:C-003").empty());
  ExpectProblem(Get("/v1/subjects/C-999", "amina", "fiu-analysis"), 404, "not-found");
  ExpectProblem(Get("/v1/subjects?after=nobody", "amina", "fiu-analysis"), 400, "invalid-request");
  ExpectProblem(Get("/v1/subjects?limit=0", "amina", "fiu-analysis"), 400, "invalid-request");
  ExpectProblem(Get("/v1/subjects?limit=ten", "amina", "fiu-analysis"), 400, "invalid-request");
  for (const char* path : {"/v1/subjects/../../etc/passwd", "/v1/subjects/..%2F..%2Fetc%2Fpasswd",
                           "/v1/subjects/%FF"}) {
    auto t = Get(path, "amina", "fiu-analysis");
    ASSERT_TRUE(t);
    EXPECT_GE(t->status, 400) << path;
    EXPECT_LT(t->status, 500) << path;
  }
}

TEST_F(ServiceEndpointsTest, BadSubjectFilesNameTheLine) {
  const std::string p = "sanctions-compliance";
  auto unknown = Post("/v1/subjects", "id,nom\n1,x\n", "lena", p, "text/csv");
  ExpectProblem(unknown, 400, "invalid-request");
  EXPECT_NE(Body(unknown)["detail"].get<std::string>().find("line 1"), std::string::npos);
  auto dob = Post("/v1/subjects", "id,name,dob\n1,Ali Hassan,1980-13-45\n", "lena", p, "text/csv");
  ExpectProblem(dob, 400, "invalid-request");
  EXPECT_NE(Body(dob)["detail"].get<std::string>().find("line 2"), std::string::npos);
  ExpectProblem(Post("/v1/subjects", "id,name\n1,\xff\xfe\n", "lena", p, "text/csv"), 400,
                "invalid-request");
  ExpectProblem(Post("/v1/subjects", "id,name\n1,a b\n1,c d\n", "lena", p, "text/csv"), 400,
                "invalid-request");
  ExpectProblem(Post("/v1/subjects", "{\"id\":1,\"name\":", "lena", p, "application/x-ndjson"), 400,
                "invalid-request");
  ExpectProblem(
      Post("/v1/subjects", R"({"id":"1","name":["x"]})", "lena", p, "application/x-ndjson"), 400,
      "invalid-request");
  ExpectProblem(Post("/v1/subjects", "<subjects/>", "lena", p, "application/xml"), 415,
                "unsupported-media-type");
  ExpectProblem(Post("/v1/subjects", "", "lena", p, "text/csv"), 400, "invalid-request");
  auto none = Get("/v1/subjects", "amina", "fiu-analysis");
  ASSERT_TRUE(none);
  EXPECT_EQ(Body(none)["total"], 0);  // nothing was stored
}

// ---- Documents.

TEST_F(ServiceEndpointsTest, ARegisterImportIsSeenAtOnce) {
  const std::string mrz =
      Json{{"lines", Td3("D<<", "MUELLER<<JONAS", "C01X00T47", "800101", 'M', "300101")}}.dump();
  auto before = Post("/v1/mrz", mrz, "omar", "border-control");
  ASSERT_TRUE(before);
  ASSERT_EQ(before->status, 200) << before->body;
  EXPECT_EQ(Body(before)["decision"], "clear");

  const std::string csv =
      "number,country,type,status,reported_on,reference\n"
      "C01X00T47,DEU,P,stolen,2026-01-01,S-9\n"
      "AB 123 456,Kuwait,P,lost,2026-02-01,S-10\n";
  auto r = Post("/v1/documents?source=sltd", csv, "lena", "list-management", "text/csv");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["documents"], 2);
  EXPECT_EQ(Body(r)["added"], 2);
  // The register refresh interval is an hour here: the import is seen anyway.
  auto after = Post("/v1/mrz", mrz, "omar", "border-control");
  ASSERT_TRUE(after);
  ASSERT_EQ(after->status, 200) << after->body;
  EXPECT_EQ(Body(after)["decision"], "refer");
  EXPECT_EQ(Body(after)["reasons"][0]["code"], "lost-stolen");
  EXPECT_FALSE(Records(store::AuditAction::kCollection, "documents:sltd").empty());

  auto again = Post("/v1/documents?source=sltd", csv, "lena", "list-management", "text/csv");
  ASSERT_TRUE(again);
  EXPECT_TRUE(Body(again)["unchanged"].get<bool>());

  auto list = Get("/v1/documents?source=sltd&limit=1", "lena", "list-management");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  Json j = Body(list);
  ASSERT_EQ(j["sources"].size(), 1u);
  EXPECT_EQ(j["sources"][0]["documents"], 2);
  EXPECT_EQ(j["sources"][0]["imported_by"], "lena");
  ASSERT_EQ(j["documents"].size(), 1u);
  EXPECT_EQ(j["next"], 1);
  auto rest = Get("/v1/documents?source=sltd&after=1", "lena", "list-management");
  ASSERT_TRUE(rest);
  Json jr = Body(rest);
  ASSERT_EQ(jr["documents"].size(), 1u);
  EXPECT_TRUE(jr["next"].is_null());
  std::set<std::string> numbers = {j["documents"][0]["number"].get<std::string>(),
                                   jr["documents"][0]["number"].get<std::string>()};
  EXPECT_EQ(numbers, (std::set<std::string>{"C01X00T47", "AB123456"}));
  ExpectProblem(Get("/v1/documents?source=nope", "lena", "list-management"), 404, "not-found");
  ExpectProblem(Get("/v1/documents?limit=-1", "lena", "list-management"), 400, "invalid-request");
}

TEST_F(ServiceEndpointsTest, BadRegistersAreProblems) {
  const std::string p = "list-management";
  const std::string ok = "number,country\nX1,DE\n";
  ExpectProblem(Post("/v1/documents", ok, "lena", p, "text/csv"), 400, "invalid-request");
  ExpectProblem(Post("/v1/documents?source=../../etc/passwd", ok, "lena", p, "text/csv"), 400,
                "invalid-request");
  ExpectProblem(Post("/v1/documents?source=s", ok, "lena", p, "application/json"), 415,
                "unsupported-media-type");
  auto column = Post("/v1/documents?source=s", "numero,country\nX1,DE\n", "lena", p, "text/csv");
  ExpectProblem(column, 400, "invalid-request");
  EXPECT_NE(Body(column)["detail"].get<std::string>().find("line 1"), std::string::npos);
  auto state =
      Post("/v1/documents?source=s", "number,country\nX1,Atlantis\n", "lena", p, "text/csv");
  ExpectProblem(state, 400, "invalid-request");
  EXPECT_NE(Body(state)["detail"].get<std::string>().find("line 2"), std::string::npos);
  ExpectProblem(Post("/v1/documents?source=s", "number,country\n\xff,DE\n", "lena", p, "text/csv"),
                400, "invalid-request");
  ExpectProblem(Post("/v1/documents?source=s", "", "lena", p, "text/csv"), 400, "invalid-request");
}

// ---- Rules.

TEST_F(ServiceEndpointsTest, RulesSavedTestedAndActivatedByAnother) {
  // A flight to test against.
  auto flight = Post("/v1/manifests", Flight(), "omar", "border-control", "application/edifact");
  ASSERT_TRUE(flight);
  ASSERT_EQ(flight->status, 200) << flight->body;

  const Json rule = {{"name", "eg-tj-nationals"},
                     {"expression", "traveller.nationality in (EG, TJ)"},
                     {"justification", "Routes used by facilitators (PIU assessment 2026/4)"},
                     {"owner", "PIU targeting unit"}};
  auto saved = Post("/v1/rules", rule.dump(), "amina", "");
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->status, 201) << saved->body;
  EXPECT_EQ(Body(saved)["version"], 1);
  EXPECT_EQ(Body(saved)["state"], "draft");
  EXPECT_EQ(Body(saved)["created_by"], "amina");
  EXPECT_FALSE(Records(store::AuditAction::kChange, "rule:eg-tj-nationals").empty());

  auto test = Post("/v1/rules/eg-tj-nationals/test", "", "amina", "border-control");
  ASSERT_TRUE(test);
  ASSERT_EQ(test->status, 200) << test->body;
  Json jt = Body(test);
  EXPECT_EQ(jt["rule"], "eg-tj-nationals v1 [draft]");
  EXPECT_EQ(jt["flights"], 1);
  EXPECT_EQ(jt["travellers"], 7);
  EXPECT_EQ(jt["hits"], 3);
  EXPECT_EQ(jt["flights_hit"], 1);
  ASSERT_EQ(jt["results"][0]["hits"].size(), 3u);
  EXPECT_NE(jt["results"][0]["hits"][0]["explanation"].get<std::string>().find("nationality"),
            std::string::npos);
  EXPECT_FALSE(Records(store::AuditAction::kConsultation, "manifests").empty());
  // The same answer as `hudud rules test --json`.
  if (std::filesystem::exists(HUDUD_BINARY)) {
    const std::string cmd = std::string(HUDUD_BINARY) + " rules test eg-tj-nationals --json --db " +
                            db_ + " 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    EXPECT_EQ(pclose(pipe), 0) << out;
    EXPECT_EQ(Json::parse(out, nullptr, false), jt);
  }
  auto none =
      Post("/v1/rules/eg-tj-nationals/test", R"({"from":"2030-01-01"})", "amina", "border-control");
  ASSERT_TRUE(none);
  ASSERT_EQ(none->status, 200) << none->body;
  EXPECT_EQ(Body(none)["flights"], 0);
  ExpectProblem(
      Post("/v1/rules/eg-tj-nationals/test", R"({"from":"yesterday"})", "amina", "border-control"),
      400, "invalid-request");
  ExpectProblem(
      Post("/v1/rules/eg-tj-nationals/test", R"({"version":"1"})", "amina", "border-control"), 400,
      "invalid-request");
  ExpectProblem(
      Post("/v1/rules/eg-tj-nationals/test", R"({"version":7})", "amina", "border-control"), 404,
      "not-found");

  // Four eyes.
  ExpectProblem(Post("/v1/rules/eg-tj-nationals/activate", "", "amina", ""), 403, "four-eyes");
  auto active = Post("/v1/rules/eg-tj-nationals/activate", R"({"version":1})", "karim", "");
  ASSERT_TRUE(active);
  ASSERT_EQ(active->status, 200) << active->body;
  EXPECT_EQ(Body(active)["state"], "active");
  EXPECT_EQ(Body(active)["activated_by"], "karim");
  ExpectProblem(Post("/v1/rules/eg-tj-nationals/activate", "", "karim", ""), 409, "conflict");

  auto listed = Get("/v1/rules", "amina", "");
  ASSERT_TRUE(listed);
  ASSERT_EQ(Body(listed)["rules"].size(), 1u);
  auto show = Get("/v1/rules/eg-tj-nationals", "amina", "");
  ASSERT_TRUE(show);
  ASSERT_EQ(show->status, 200) << show->body;
  EXPECT_EQ(Body(show)["name"], "eg-tj-nationals");
  EXPECT_EQ(Body(show)["history"].size(), 2u);
  auto fields = Get("/v1/rules/fields", "amina", "");
  ASSERT_TRUE(fields);
  bool age = false;
  const Json jf = Body(fields);
  for (const auto& f : jf["fields"]) age = age || f["name"] == "age";
  EXPECT_TRUE(age);

  auto retired = Post("/v1/rules/eg-tj-nationals/retire", "", "amina", "");
  ASSERT_TRUE(retired);
  ASSERT_EQ(retired->status, 200) << retired->body;
  EXPECT_EQ(Body(retired)["state"], "retired");
  ExpectProblem(Post("/v1/rules/eg-tj-nationals/retire", "", "amina", ""), 409, "conflict");
  auto all = Get("/v1/rules?all=true", "amina", "");
  ASSERT_TRUE(all);
  EXPECT_EQ(Body(all)["rules"].size(), 1u);
  EXPECT_TRUE(Body(Get("/v1/rules", "amina", ""))["rules"].empty());
  ExpectProblem(Get("/v1/rules?all=maybe", "amina", ""), 400, "invalid-request");
}

TEST_F(ServiceEndpointsTest, BadRulesAreRefusedWithTheReason) {
  auto sensitive = Post("/v1/rules",
                        Json{{"name", "r1"},
                             {"expression", "traveller.religion = \"x\""},
                             {"justification", "j"},
                             {"owner", "o"}}
                            .dump(),
                        "amina", "");
  ExpectProblem(sensitive, 400, "invalid-request");
  EXPECT_NE(Body(sensitive)["detail"].get<std::string>().find("religion"), std::string::npos);
  auto parse = Post("/v1/rules",
                    Json{{"name", "r1"},
                         {"expression", "age between 30 and"},
                         {"justification", "j"},
                         {"owner", "o"}}
                        .dump(),
                    "amina", "");
  ExpectProblem(parse, 400, "invalid-request");
  EXPECT_NE(Body(parse)["detail"].get<std::string>().find("column"), std::string::npos);
  ExpectProblem(Post("/v1/rules", R"({"name":"r1","expression":"age < 18"})", "amina", ""), 400,
                "invalid-request");
  ExpectProblem(
      Post("/v1/rules", R"({"name":5,"expression":"age < 18","justification":"j","owner":"o"})",
           "amina", ""),
      400, "invalid-request");
  ExpectProblem(Post("/v1/rules",
                     R"({"name":"r1","expression":"age < 18","justification":"j","owner":"o",)"
                     R"("state":"active"})",
                     "amina", ""),
                400, "invalid-request");
  ExpectProblem(Post("/v1/rules",
                     Json{{"name", "../../etc/passwd"},
                          {"expression", "age < 18"},
                          {"justification", "j"},
                          {"owner", "o"}}
                         .dump(),
                     "amina", ""),
                400, "invalid-request");
  ExpectProblem(Post("/v1/rules", "{\"name\":\"\xff\"}", "amina", ""), 400, "invalid-json");
  ExpectProblem(Post("/v1/rules", "{", "amina", ""), 400, "invalid-json");
  ExpectProblem(Get("/v1/rules/nothing", "amina", ""), 404, "not-found");
  ExpectProblem(Post("/v1/rules/nothing/activate", "", "karim", ""), 404, "not-found");
  ExpectProblem(Post("/v1/rules/nothing/activate", "{\"version\":", "karim", ""), 400,
                "invalid-json");
  for (const char* path : {"/v1/rules/..%2F..%2Fetc%2Fpasswd", "/v1/rules/%FF%FE"}) {
    auto traversal = Get(path, "amina", "");
    ASSERT_TRUE(traversal);
    EXPECT_GE(traversal->status, 400) << path;
    EXPECT_LT(traversal->status, 500) << path;
    EXPECT_EQ(traversal->get_header_value("Content-Type"), "application/problem+json") << path;
  }
}

// ---- The flights kept.

TEST_F(ServiceEndpointsTest, KeptFlightsListedAndScreenedAgain) {
  auto sent = Post("/v1/manifests", Flight(), "omar", "border-control", "application/edifact");
  ASSERT_TRUE(sent);
  ASSERT_EQ(sent->status, 200) << sent->body;
  const int id = Body(sent)["manifest"];

  auto list = Get("/v1/manifests", "amina", "border-control");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  Json j = Body(list);
  ASSERT_EQ(j["manifests"].size(), 1u);
  EXPECT_EQ(j["manifests"][0]["id"], id);
  EXPECT_EQ(j["manifests"][0]["format"], "paxlst");
  EXPECT_EQ(j["manifests"][0]["travellers"], 7);
  EXPECT_EQ(j["manifests"][0]["received_by"], "omar");
  EXPECT_NE(j["manifests"][0]["flight"].get<std::string>().find("XX101"), std::string::npos);
  const std::string day = j["manifests"][0]["departure"];
  auto in_range = Get("/v1/manifests?from=" + day + "&to=" + day, "amina", "border-control");
  EXPECT_EQ(Body(in_range)["manifests"].size(), 1u);
  auto out_of_range = Get("/v1/manifests?from=2099-01-01", "amina", "border-control");
  EXPECT_TRUE(Body(out_of_range)["manifests"].empty());
  ExpectProblem(Get("/v1/manifests?from=2024-13-01", "amina", "border-control"), 400,
                "invalid-request");
  ExpectProblem(Get("/v1/manifests?to=tomorrow", "amina", "border-control"), 400,
                "invalid-request");
  ExpectProblem(Get("/v1/manifests?limit=0", "amina", "border-control"), 400, "invalid-request");

  // Screened again now, in the shape POST /v1/manifests answers.
  auto a = Get("/v1/manifests/" + std::to_string(id), "amina", "ct-investigation");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->status, 200) << a->body;
  Json ja = Body(a);
  EXPECT_EQ(ja["manifest"], id);
  EXPECT_EQ(ja["format"], "paxlst");
  ASSERT_EQ(ja["travellers"].size(), 7u);
  EXPECT_EQ(ja["summary"]["refer"], 4);
  EXPECT_EQ(ja["reference"].get<std::string>().rfind("HUD-", 0), 0u);
  bool found = false;
  for (const auto& t : ja["travellers"]) {
    if (t["name"] == "AYMAN AL-ZAWAHIRI") {
      found = true;
      EXPECT_EQ(t["hits"][0]["entity_id"], "un:111923");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_FALSE(
      Records(store::AuditAction::kConsultation, "manifest:" + std::to_string(id)).empty());

  // The officer who sent it sees the decisions, not the listed files.
  auto o = Get("/v1/manifests/" + std::to_string(id), "omar", "border-control");
  ASSERT_TRUE(o);
  ASSERT_EQ(o->status, 200) << o->body;
  EXPECT_EQ(Body(o)["summary"]["refer"], 4);
  EXPECT_EQ(o->body.find("un:111923"), std::string::npos);
  // Another officer does not read it.
  ExpectProblem(Get("/v1/manifests/" + std::to_string(id), "nadia", "border-control"), 403,
                "forbidden");
  ExpectProblem(Get("/v1/manifests/424242", "amina", "border-control"), 404, "not-found");
  ExpectProblem(Get("/v1/manifests/abc", "amina", "border-control"), 400, "invalid-request");
  auto traversal = Get("/v1/manifests/..%2F..%2Fetc%2Fpasswd", "amina", "border-control");
  ASSERT_TRUE(traversal);
  EXPECT_GE(traversal->status, 400);
  EXPECT_LT(traversal->status, 500);
}

// ---- The API document.

TEST_F(ServiceEndpointsTest, TheApiDocumentDescribesEveryRoute) {
  auto doc = Get("/v1/openapi.json", "", "");
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->status, 200);
  Json j = Body(doc);
  ASSERT_FALSE(j.is_discarded()) << "docs/openapi.json is not valid JSON";
  EXPECT_EQ(j["openapi"], "3.1.0");
  const std::vector<std::pair<std::string, std::string>> routes = {
      {"/v1/lists/{list}/versions", "get"},
      {"/v1/lists/{list}/diff", "get"},
      {"/v1/lists/{list}/entities/{id}", "get"},
      {"/v1/lists/{list}/import", "post"},
      {"/v1/designations", "get"},
      {"/v1/designations", "post"},
      {"/v1/designations/{id}", "get"},
      {"/v1/designations/{id}/approve", "post"},
      {"/v1/designations/{id}/reject", "post"},
      {"/v1/designations/{id}/publish", "post"},
      {"/v1/designations/export", "get"},
      {"/v1/subjects", "post"},
      {"/v1/subjects", "get"},
      {"/v1/subjects/{id}", "get"},
      {"/v1/documents", "post"},
      {"/v1/documents", "get"},
      {"/v1/rules", "get"},
      {"/v1/rules", "post"},
      {"/v1/rules/fields", "get"},
      {"/v1/rules/{name}", "get"},
      {"/v1/rules/{name}/test", "post"},
      {"/v1/rules/{name}/activate", "post"},
      {"/v1/rules/{name}/retire", "post"},
      {"/v1/manifests", "get"},
      {"/v1/manifests/{id}", "get"},
  };
  std::set<std::string> permissions;
  for (store::Permission p : store::AllPermissions()) permissions.insert(std::string(ToString(p)));
  for (const auto& [path, method] : routes) {
    ASSERT_TRUE(j["paths"].contains(path)) << path;
    ASSERT_TRUE(j["paths"][path].contains(method)) << method << " " << path;
    const Json& op = j["paths"][path][method];
    EXPECT_TRUE(op.contains("summary")) << path;
    ASSERT_TRUE(op.contains("x-hudud-permission")) << path;
    EXPECT_TRUE(permissions.count(op["x-hudud-permission"])) << path;
    EXPECT_TRUE(op["responses"].contains("403")) << method << " " << path;
    // Every path parameter is declared.
    for (size_t b = path.find('{'); b != std::string::npos; b = path.find('{', b + 1)) {
      const std::string name = path.substr(b + 1, path.find('}', b) - b - 1);
      bool declared = false;
      for (const auto& prm : op.value("parameters", Json::array())) {
        declared = declared || (prm.value("in", "") == "path" && prm.value("name", "") == name);
      }
      EXPECT_TRUE(declared) << name << " in " << method << " " << path;
    }
  }
}

}  // namespace
}  // namespace hudud::server
