// `hudud serve` killed with SIGKILL under load: the database opens, the
// audit chain verifies, and every screening the server answered (its
// reference HUD-<seq>) and every alert decision it acknowledged is there:
// no acknowledged write lost.
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "hudud_runner.h"
#include "lists/list_file.h"
#include "store/audit.h"
#include "store/cases.h"
#include "store/store.h"

namespace hudud::cli::testing {
namespace {

TEST(ServeKillTest, SigkillUnderLoadLosesNoAcknowledgedAuditRecord) {
  const std::string db = Scratch().path() + "/kill-serve.db";
  ASSERT_EQ(RunHudud({"lists", "import", UnListPath(), "--db", db}).exit_code, 0);
  const std::string token = UserWithToken(db, "amina", "analyst");
  ASSERT_FALSE(token.empty());

  const std::string err = Scratch().path() + "/serve.err";
  pid_t pid = SpawnHudud({"serve", "--db", db, "--listen", "127.0.0.1:0"}, err);
  ASSERT_GT(pid, 0);
  const int port = ServerPort(err);
  ASSERT_GT(port, 0) << ReadFile(err);

  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<int64_t> acknowledged;
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      const httplib::Headers h = {{"Authorization", "Bearer " + token},
                                  {"X-Purpose", "ct-investigation"}};
      for (int i = 0; !stop; ++i) {
        const std::string body =
            "{\"name\":\"Ivan Petrov " + std::to_string(c) + "-" + std::to_string(i) + "\"}";
        auto r = client.Post("/v1/screen", h, body, "application/json");
        if (!r) continue;  // the server is gone: not acknowledged
        if (r->status != 200) continue;
        nlohmann::json j = nlohmann::json::parse(r->body, nullptr, false);
        if (!j.is_object() || !j.contains("reference")) continue;
        const std::string ref = j["reference"];
        std::lock_guard<std::mutex> lock(mu);
        acknowledged.push_back(std::stoll(ref.substr(4)));
      }
    });
  }
  // Let it answer for a while, then kill it mid-flight.
  for (int i = 0; i < 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::lock_guard<std::mutex> lock(mu);
    if (acknowledged.size() > 300) break;
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  stop = true;
  for (auto& t : clients) t.join();
  ASSERT_FALSE(acknowledged.empty());
  std::printf("[ killed   ] after %zu acknowledged screenings\n", acknowledged.size());

  auto store = store::Store::Open(db);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto v = store::VerifyAudit(**store);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_TRUE(v->ok) << v->problem;
  store::AuditFilter f;
  f.actor = "amina";
  auto records = store::ReadAudit(**store, f);
  ASSERT_TRUE(records.ok());
  std::set<int64_t> present;
  for (const auto& r : *records) present.insert(r.seq);
  for (int64_t seq : acknowledged) EXPECT_TRUE(present.count(seq)) << "HUD-" << seq << " lost";
  EXPECT_GE(present.size(), acknowledged.size());
}

// Analysts deciding alerts through the server when it is killed: every
// decision it acknowledged is in the database with its false-positive
// memory and its audit record; the database and the chain are valid.
TEST(ServeKillTest, SigkillDuringAlertDecisionsLosesNoAcknowledgedDecision) {
  const std::string db = Scratch().path() + "/kill-decide.db";
  ASSERT_EQ(RunHudud({"lists", "import", UnListPath(), "--db", db}).exit_code, 0);
  // Held customers named as listed people: an open alert each.
  Result<lists::ParsedList> un = lists::ReadListFile(UnListPath(), "auto");
  ASSERT_TRUE(un.ok());
  std::string csv = "id,name\n";
  for (size_t i = 0; i < un->entities.size() && i < 400; ++i) {
    std::string name = un->entities[i].names[0].full;
    if (name.find_first_of(",\"") != std::string::npos) continue;
    csv += "c" + std::to_string(i) + "," + name + "\n";
  }
  const std::string subjects = Scratch().path() + "/kill-decide.csv";
  WriteFile(subjects, csv);
  ASSERT_EQ(RunHudud({"subjects", "import", subjects, "--db", db}).exit_code, 0);
  const std::string token = UserWithToken(db, "amina", "analyst");
  ASSERT_FALSE(token.empty());
  std::vector<int64_t> open;
  {
    auto store = store::Store::Open(db);
    ASSERT_TRUE(store.ok());
    store::AlertQuery q;
    q.status = "open";
    q.limit = 0;
    auto page = store::Cases(**store).Find(q);
    ASSERT_TRUE(page.ok());
    for (const auto& a : page->alerts) open.push_back(a.id);
  }
  ASSERT_GT(open.size(), 200u);

  const std::string err = Scratch().path() + "/serve-decide.err";
  pid_t pid = SpawnHudud({"serve", "--db", db, "--listen", "127.0.0.1:0"}, err);
  ASSERT_GT(pid, 0);
  const int port = ServerPort(err);
  ASSERT_GT(port, 0) << ReadFile(err);
  std::atomic<bool> stop{false};
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::vector<int64_t> acknowledged;
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      const httplib::Headers h = {{"Authorization", "Bearer " + token},
                                  {"X-Purpose", "sanctions-compliance"}};
      while (!stop) {
        const size_t i = next++;
        if (i >= open.size()) break;
        const std::string path = "/v1/alerts/" + std::to_string(open[i]) + "/decide";
        auto r = client.Post(path, h,
                             R"({"decision":"false-positive","justification":"KYC file shows )"
                             R"(another date of birth"})",
                             "application/json");
        if (r && r->status == 200) {
          std::lock_guard<std::mutex> lock(mu);
          acknowledged.push_back(open[i]);
        }
      }
    });
  }
  for (int i = 0; i < 500; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::lock_guard<std::mutex> lock(mu);
    if (acknowledged.size() > open.size() / 3) break;
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  stop = true;
  for (auto& t : clients) t.join();
  ASSERT_FALSE(acknowledged.empty());
  std::printf("[ killed   ] after %zu acknowledged decisions of %zu\n", acknowledged.size(),
              open.size());

  auto store = store::Store::Open(db);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto v = store::VerifyAudit(**store);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_TRUE(v->ok) << v->problem;
  store::AuditFilter f;
  f.actor = "amina";
  auto records = store::ReadAudit(**store, f);
  ASSERT_TRUE(records.ok());
  std::set<std::string> recorded;
  for (const auto& r : *records) recorded.insert(r.object);
  store::Cases cases(**store);
  for (int64_t id : acknowledged) {
    auto a = cases.Get(id);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->decision, "false-positive") << "alert " << id << " lost its decision";
    auto fp = cases.RememberedFalsePositive(a->subject_key, a->list_id, a->entity_id);
    ASSERT_TRUE(fp.ok());
    EXPECT_TRUE(fp->has_value()) << "alert " << id << " lost its false-positive memory";
    EXPECT_TRUE(recorded.count("alert:" + std::to_string(id))) << "alert " << id << " unrecorded";
  }
}

// A list manager's import through the server when the server is killed:
// the database is sound, the list's active version is the old one or the
// whole new one (never a part), the audit chain verifies, and the server
// started again answers with the list intact.
TEST(ServeKillTest, SigkillDuringAListImportLeavesTheListWholeOrAsItWas) {
  const std::string db = Scratch().path() + "/kill-import-serve.db";
  ASSERT_EQ(RunHudud({"lists", "import", UnListPath(), "--db", db}).exit_code, 0);
  const std::string token = UserWithToken(db, "lena", "list-manager");
  ASSERT_FALSE(token.empty());
  const std::string big = BigList(40);

  const std::string err = Scratch().path() + "/serve-import.err";
  pid_t pid = SpawnHudud({"serve", "--db", db, "--listen", "127.0.0.1:0"}, err);
  ASSERT_GT(pid, 0);
  const int port = ServerPort(err);
  ASSERT_GT(port, 0) << ReadFile(err);
  std::thread upload([&] {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(120, 0);
    const httplib::Headers h = {{"Authorization", "Bearer " + token},
                                {"X-Purpose", "list-management"}};
    (void)client.Post("/v1/lists/un/import?format=un-xml", h, big, "application/xml");
  });
  // Kill once the new version is being written (the write-ahead log grows).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::error_code ec;
    if (std::filesystem::file_size(db + "-wal", ec) > (4u << 20) && !ec) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  upload.join();

  EXPECT_EQ(IntegrityCheck(db), "ok");
  {
    auto store = store::Store::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto lists = (*store)->Lists();
    ASSERT_TRUE(lists.ok());
    ASSERT_EQ(lists->size(), 1u);
    const int64_t entities = (*lists)[0].active.entities;
    auto loaded = (*store)->LoadActiveEntities();
    ASSERT_TRUE(loaded.ok());
    // Whole: what the version says it holds is what it holds.
    EXPECT_EQ(static_cast<int64_t>(loaded->size()), entities);
    std::printf("[ killed   ] import through the server; active version holds %lld entities\n",
                static_cast<long long>(entities));
    auto v = store::VerifyAudit(**store);
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_TRUE(v->ok) << v->problem;
  }
  // Started again, it serves the list it has.
  const std::string err2 = Scratch().path() + "/serve-import-2.err";
  pid = SpawnHudud({"serve", "--db", db, "--listen", "127.0.0.1:0"}, err2);
  ASSERT_GT(pid, 0);
  const int port2 = ServerPort(err2);
  ASSERT_GT(port2, 0) << ReadFile(err2);
  httplib::Client client("127.0.0.1", port2);
  auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200) << ready->body;
  kill(pid, SIGTERM);
  waitpid(pid, &status, 0);
}

TEST(ServeKillTest, SigtermStopsGracefully) {
  const std::string err = Scratch().path() + "/serve-term.err";
  pid_t pid = SpawnHudud({"serve", "--db", UnDb(), "--listen", "127.0.0.1:0"}, err);
  ASSERT_GT(pid, 0);
  const int port = ServerPort(err);
  ASSERT_GT(port, 0) << ReadFile(err);
  httplib::Client client("127.0.0.1", port);
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  ASSERT_EQ(kill(pid, SIGTERM), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_NE(ReadFile(err).find("\"event\":\"stopped\""), std::string::npos) << ReadFile(err);
}

}  // namespace
}  // namespace hudud::cli::testing
