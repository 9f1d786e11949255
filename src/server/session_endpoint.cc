// The console's sign-in: POST /v1/session {"user", "password"} checks the
// password (argon2id), opens a session and sets it as an HttpOnly,
// SameSite=Strict cookie (Secure under TLS); DELETE /v1/session ends it.
// A failed sign-in is recorded, without the password.
#include <chrono>
#include <map>
#include <mutex>

#include "api/output.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/access.h"

namespace hudud::server {
namespace {

// Failed sign-ins per user name and per client address: after
// kMaxFailuresPerUser (or kMaxFailuresPerAddress: a whole office may sign in
// from one address) within kWindow, further attempts are refused for the
// rest of the window without checking the password, so passwords cannot be
// guessed at speed.
constexpr int kMaxFailuresPerUser = 5;
constexpr int kMaxFailuresPerAddress = 50;
constexpr std::chrono::minutes kWindow{15};

class SignInThrottle {
 public:
  bool Blocked(const std::string& key, int max_failures) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = failures_.find(key);
    if (it == failures_.end()) return false;
    if (std::chrono::steady_clock::now() - it->second.first > kWindow) {
      failures_.erase(it);
      return false;
    }
    return it->second.second >= max_failures;
  }
  void Failed(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto& [since, count] = failures_[key];
    if (count == 0 || std::chrono::steady_clock::now() - since > kWindow) {
      since = std::chrono::steady_clock::now();
      count = 0;
    }
    ++count;
    if (failures_.size() > 100000) failures_.clear();  // bounded memory under a flood
  }
  void Succeeded(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    failures_.erase(key);
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::pair<std::chrono::steady_clock::time_point, int>> failures_;
};

SignInThrottle& Throttle() {
  static SignInThrottle* throttle = new SignInThrottle();
  return *throttle;
}

std::string CookieHeader(const std::string& value, int64_t max_age, bool secure) {
  return "hudud_session=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

void SignIn(Service& service, const httplib::Request& req, httplib::Response& res) {
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() != "user" && it.key() != "password") {
      SendProblem(res, MakeProblem("invalid-request", "unknown field '" + it.key() + "'"),
                  req.path);
      return;
    }
  }
  if (!body.contains("user") || !body["user"].is_string() || !body.contains("password") ||
      !body["password"].is_string()) {
    SendProblem(res, MakeProblem("invalid-request", "give \"user\" and \"password\" as strings"),
                req.path);
    return;
  }
  const std::string user = body["user"];
  const std::string user_key = "user:" + user, addr_key = "addr:" + req.remote_addr;
  if (Throttle().Blocked(user_key, kMaxFailuresPerUser) ||
      Throttle().Blocked(addr_key, kMaxFailuresPerAddress)) {
    SendProblem(res, MakeProblem("too-many-attempts", "too many failed sign-ins; wait 15 minutes"),
                req.path);
    return;
  }
  Result<std::unique_ptr<store::Store>> db = service.OpenStore();
  if (!db.ok()) {
    SendProblem(res, MakeProblem("unavailable", db.status().message()), req.path);
    return;
  }
  Result<store::User> who = store::CheckPassword(**db, user, body["password"]);
  if (!who.ok()) {
    if (who.status().code() == Status::Code::kIOError) {
      SendProblem(res, MakeProblem("unavailable", "the credential store is unavailable"), req.path);
      return;
    }
    Throttle().Failed(user_key);
    Throttle().Failed(addr_key);
    store::AuditEntry e;
    e.actor = user.empty() ? "(none)" : user.substr(0, 64);
    e.purpose = "sign-in";
    e.action = store::AuditAction::kAccessDenied;
    e.object = "session";
    e.detail = api::DumpJson(api::Json{{"problem", "sign-in refused"}});
    (void)store::AppendAudit(**db, {e});
    SendProblem(res, MakeProblem("unauthenticated", "the user name or password is wrong"),
                req.path);
    return;
  }
  Throttle().Succeeded(user_key);
  Result<store::IssuedCredential> session = store::CreateSession(**db, who->name);
  if (!session.ok()) {
    SendProblem(res, MakeProblem("internal", session.status().message()), req.path);
    return;
  }
  const bool secure = !service.options().tls_cert.empty();
  res.set_header(
      "Set-Cookie",
      CookieHeader(session->value, std::chrono::seconds(store::kDefaultSessionLifetime).count(),
                   secure));
  res.set_content(api::DumpJson(api::Json{{"user", who->name},
                                          {"role", std::string(store::ToString(who->role))},
                                          {"expires_at", session->expires_at}}) +
                      "\n",
                  "application/json");
}

void SignOut(Service& service, const httplib::Request& req, httplib::Response& res) {
  Result<store::Principal> who = service.Identify(req);
  if (!who.ok() || who->via.rfind("session:", 0) != 0) {
    SendProblem(res, MakeProblem("unauthenticated", "no session to end"), req.path);
    return;
  }
  Result<std::unique_ptr<store::Store>> db = service.OpenStore();
  if (!db.ok()) {
    SendProblem(res, MakeProblem("unavailable", db.status().message()), req.path);
    return;
  }
  Status st = store::RevokeSession(**db, who->via.substr(8));
  if (!st.ok()) {
    SendProblem(res, MakeProblem("internal", st.message()), req.path);
    return;
  }
  service.InvalidateCredentials();
  res.set_header("Set-Cookie", CookieHeader("", 0, !service.options().tls_cert.empty()));
  res.set_content("{\"signed_out\":true}\n", "application/json");
}

}  // namespace

void RegisterSession(httplib::Server& http, Service& service) {
  http.Post("/v1/session", [&service](const httplib::Request& req, httplib::Response& res) {
    SignIn(service, req, res);
  });
  http.Delete("/v1/session", [&service](const httplib::Request& req, httplib::Response& res) {
    SignOut(service, req, res);
  });
}

}  // namespace hudud::server
