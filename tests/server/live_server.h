// Test fixture: a real `hudud serve` on a loopback port over a fresh
// database holding the bundled UN list and one user (with an API token) per
// role, for tests that drive the HTTP API end to end.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "api/json.h"
#include "lists/list_file.h"
#include "server/server.h"
#include "store/access.h"
#include "store/store.h"

namespace hudud::server {

class LiveServer {
 public:
  // Users: root (admin), lena (list manager), amina and karim (analysts),
  // omar (border officer), dpo (auditor), bank (partner "bank-a").
  explicit LiveServer(const std::string& name, const ServerOptions& base = {}) {
    db_ = (std::filesystem::temp_directory_path() /
           ("hudud-live-" + name + "-" + std::to_string(getpid()) + ".db"))
              .string();
    Remove();
    auto store = store::Store::Open(db_);
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return;
    auto un = lists::ReadListFile(
        std::string(HUDUD_DATA_DIR) + "/lists/un-consolidated-2026-02-27.xml", "un-xml");
    EXPECT_TRUE(un.ok());
    EXPECT_TRUE((*store)->ImportList(*un, "test", "sha-un").ok());
    EXPECT_TRUE(store::AddUser(**store, "root", store::Role::kAdmin, "", "", "", "").ok());
    const std::pair<const char*, store::Role> users[] = {
        {"lena", store::Role::kListManager}, {"amina", store::Role::kAnalyst},
        {"karim", store::Role::kAnalyst},    {"omar", store::Role::kBorderOfficer},
        {"dpo", store::Role::kAuditor},      {"bank", store::Role::kPartner}};
    for (auto [user, role] : users) {
      EXPECT_TRUE(store::AddUser(**store, user, role, "", "",
                                 role == store::Role::kPartner ? "bank-a" : "", "root")
                      .ok());
    }
    for (const char* user : {"root", "lena", "amina", "karim", "omar", "dpo", "bank"}) {
      auto t = store::CreateToken(**store, user, "test", "", "root");
      EXPECT_TRUE(t.ok());
      if (t.ok()) tokens_[user] = t->value;
    }
    store->reset();
    ServerOptions o = base;
    o.db = db_;
    o.listen = "127.0.0.1:0";
    o.register_refresh_seconds = 0;
    auto srv = Server::Create(o);
    EXPECT_TRUE(srv.ok()) << srv.status().ToString();
    if (!srv.ok()) return;
    server_ = std::move(*srv);
    thread_ = std::thread([this] { (void)server_->Run(); });
    httplib::Client c("127.0.0.1", server_->port());
    for (int i = 0; i < 200 && !c.Get("/healthz"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~LiveServer() {
    Stop();
    Remove();
  }

  // Stops the server (as on SIGTERM); the database stays until destruction.
  void Stop() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    server_.reset();
  }

  const std::string& db() const { return db_; }
  int port() const { return server_->port(); }

  httplib::Result Send(const std::string& method, const std::string& path, const std::string& body,
                       const std::string& user, const std::string& purpose,
                       const std::string& type = "application/json") const {
    httplib::Client c("127.0.0.1", server_->port());
    httplib::Headers h;
    if (!user.empty()) h.emplace("Authorization", "Bearer " + tokens_.at(user));
    if (!purpose.empty()) h.emplace("X-Purpose", purpose);
    if (method == "GET") return c.Get(path.c_str(), h);
    if (method == "DELETE") return c.Delete(path.c_str(), h, body, type.c_str());
    if (method == "PUT") return c.Put(path.c_str(), h, body, type.c_str());
    return c.Post(path.c_str(), h, body, type.c_str());
  }
  httplib::Result Get(const std::string& path, const std::string& user,
                      const std::string& purpose) const {
    return Send("GET", path, "", user, purpose);
  }
  httplib::Result Post(const std::string& path, const std::string& body, const std::string& user,
                       const std::string& purpose,
                       const std::string& type = "application/json") const {
    return Send("POST", path, body, user, purpose, type);
  }

  static api::Json Body(const httplib::Result& r) {
    return r ? api::Json::parse(r->body, nullptr, false) : api::Json();
  }

  static void ExpectProblem(const httplib::Result& r, int status, const std::string& code) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(Body(r)["type"], "/v1/problems/" + code) << r->body;
  }

 private:
  void Remove() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + s);
  }
  std::string db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::map<std::string, std::string> tokens_;
};

}  // namespace hudud::server
