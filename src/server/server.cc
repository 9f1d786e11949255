// The HTTP server: routes, limits, problem+json for every error, JSON
// access logs and metrics (server/server.h).
#include "server/server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "api/output.h"
#include "server/audit_signer.h"
#include "server/console.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "server/retention.h"

namespace hudud::server {
namespace {

thread_local std::chrono::steady_clock::time_point request_start;

// Whether `path` is an instance of `route`.
bool RouteMatches(std::string_view route, std::string_view path) {
  while (!route.empty() && !path.empty()) {
    if (route.front() != '/' || path.front() != '/') return false;
    route.remove_prefix(1);
    path.remove_prefix(1);
    const size_t r = std::min(route.find('/'), route.size());
    const size_t p = std::min(path.find('/'), path.size());
    const std::string_view seg = route.substr(0, r);
    const bool any = seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
    if (any ? p == 0 : seg != path.substr(0, p)) return false;
    route.remove_prefix(r);
    path.remove_prefix(p);
  }
  return route.empty() && path.empty();
}

// The route a path belongs to, for metrics labels.
std::string RouteOf(const std::string& path) {
  for (std::string_view r : Routes()) {
    if (RouteMatches(r, path)) return std::string(r);
  }
  return "other";
}

// Whether the request goes to a route whose body is a file (PostUpload):
// those take up to max_import_bytes.
bool UploadRoute(const httplib::Request& req) {
  return req.method == "POST" && (RouteMatches("/v1/lists/{list}/import", req.path) ||
                                  req.path == "/v1/subjects" || req.path == "/v1/documents");
}

// Answers before the body is read; the unread body makes the connection
// unusable, so it is closed.
httplib::Server::HandlerResponse Refuse(httplib::Response& res) {
  CloseAfterAnswer(res);
  return httplib::Server::HandlerResponse::Handled;
}

std::string Escape(const std::string& s) { return api::DumpJson(api::Json(s)); }

}  // namespace

// Literal routes come before the patterns that also match them (RouteOf
// takes the first).
const std::vector<std::string_view>& Routes() {
  static const std::vector<std::string_view> kRoutes = {
      "/healthz",
      "/readyz",
      "/metrics",
      "/v1/openapi.json",
      "/v1/screen",
      "/v1/screen/batch",
      "/v1/match/{dataset}",
      "/match/{dataset}",
      "/v1/mrz",
      "/v1/session",
      "/v1/audit",
      "/v1/audit/verify",
      "/v1/manifests",
      "/v1/manifests/{id}",
      "/v1/lists",
      "/v1/lists/{list}/versions",
      "/v1/lists/{list}/diff",
      "/v1/lists/{list}/entities/{id}",
      "/v1/lists/{list}/import",
      "/v1/designations",
      "/v1/designations/export",
      "/v1/designations/{id}",
      "/v1/designations/{id}/approve",
      "/v1/designations/{id}/reject",
      "/v1/designations/{id}/publish",
      "/v1/subjects",
      "/v1/subjects/{id}",
      "/v1/documents",
      "/v1/rules",
      "/v1/rules/fields",
      "/v1/rules/{name}",
      "/v1/rules/{name}/test",
      "/v1/rules/{name}/activate",
      "/v1/rules/{name}/retire",
      "/v1/alerts",
      "/v1/alerts/{id}",
      "/v1/alerts/{id}/assign",
      "/v1/alerts/{id}/comment",
      "/v1/alerts/{id}/decide",
      "/v1/alerts/{id}/outcome",
      "/v1/alerts/{id}/reopen",
      "/v1/cases/{reference}",
      "/v1/alerts/{id}/share",
      "/v1/alerts/{id}/shares",
      "/v1/shares/{id}/revoke",
      "/v1/shared",
      "/v1/network",
      "/v1/indicators",
      "/v1/redress",
      "/v1/redress/{reference}",
      "/v1/redress/{reference}/review",
      "/v1/redress/{reference}/resolve",
      "/v1/retention/run",
      "/v1/retention/status",
      "/v1/unmask-requests",
      "/v1/unmask-requests/{id}",
      "/v1/unmask-requests/{id}/approve",
      "/v1/unmask-requests/{id}/reject",
      "/v1/unmask-requests/{id}/data",
      "/v1/notifications",
      "/v1/notifications/{id}/read",
      "/v1/transliterate",
      "/v1/me",
      "/v1/me/preferences",
      "/v1/practices",
      "/v1/practices/{id}",
  };
  return kRoutes;
}

struct Server::Impl {
  std::unique_ptr<Service> service;
  std::unique_ptr<httplib::Server> http;
  std::unique_ptr<RetentionService> retention;  // before service goes
  std::unique_ptr<AuditSigner> signer;          // null without --audit-key
  int port = 0;
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  const size_t colon = options.listen.rfind(':');
  if (colon == std::string::npos) {
    return Status::InvalidArgument("--listen must be ADDR:PORT, got '" + options.listen + "'");
  }
  const std::string host = options.listen.substr(0, colon);
  int port = -1;
  try {
    port = std::stoi(options.listen.substr(colon + 1));
  } catch (const std::exception&) {
  }
  if (port < 0 || port > 65535) {
    return Status::InvalidArgument("--listen port must be 0..65535, got '" +
                                   options.listen.substr(colon + 1) + "'");
  }
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return Status::InvalidArgument("--tls-cert and --tls-key go together");
  }
  Result<std::unique_ptr<Service>> service = Service::Open(options);
  if (!service.ok()) return service.status();

  auto impl = std::make_unique<Impl>();
  impl->service = std::move(*service);
  if (!options.tls_cert.empty()) {
    impl->http =
        std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
    if (!impl->http->is_valid()) {
      return Status::InvalidArgument("cannot use the TLS certificate or key (" + options.tls_cert +
                                     ", " + options.tls_key + ")");
    }
  } else {
    impl->http = std::make_unique<httplib::Server>();
  }
  httplib::Server& http = *impl->http;
  Service& svc = *impl->service;
  // A keep-alive connection holds its thread for as long as it is open, so
  // the pool is sized for connections, not for cores.
  const size_t threads = options.threads > 0 ? static_cast<size_t>(options.threads) : 64;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // The library's limit is the larger one; the pre-routing handler holds
  // every other route to max_body_bytes.
  http.set_payload_max_length(std::max(options.max_body_bytes, options.max_import_bytes));
  http.set_read_timeout(options.request_timeout_seconds, 0);
  http.set_write_timeout(options.request_timeout_seconds, 0);
  http.set_keep_alive_max_count(1000);
  // Without it, small JSON answers wait for the client's delayed ACK (40 ms).
  http.set_tcp_nodelay(true);

  http.set_pre_routing_handler([options](const httplib::Request& req, httplib::Response& res) {
    request_start = std::chrono::steady_clock::now();
    // Upload routes hold their bodies to max_import_bytes themselves.
    if (UploadRoute(req)) return httplib::Server::HandlerResponse::Unhandled;
    if (req.has_header("Content-Length")) {
      const std::string length = req.get_header_value("Content-Length");
      char* end = nullptr;
      const unsigned long long n = std::strtoull(length.c_str(), &end, 10);
      if (end != nullptr && *end == '\0' && n > options.max_body_bytes) {
        SendProblem(
            res,
            MakeProblem("body-too-large", "at most " + std::to_string(options.max_body_bytes) +
                                              " bytes, got " + length),
            req.path);
        return Refuse(res);
      }
    } else if (req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos) {
      // A chunked body is not held to any limit by the library.
      SendProblem(res, MakeProblem("length-required", "send the body with a Content-Length"),
                  req.path);
      return Refuse(res);
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Every error the library answers itself (404, 413, 400) gets a problem body.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty() || res.content_provider_) return;
    const char* code = res.status == 404   ? "not-found"
                       : res.status == 413 ? "body-too-large"
                       : res.status == 405 ? "method-not-allowed"
                       : res.status >= 500 ? "internal"
                                           : "invalid-request";
    SendProblem(res, MakeProblem(code, "HTTP " + std::to_string(res.status)), req.path);
  });
  http.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        SendProblem(res, MakeProblem("internal", "the request failed; it was logged"), req.path);
      });
  http.set_logger([&svc](const httplib::Request& req, const httplib::Response& res) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - request_start).count();
    const std::string route = RouteOf(req.path);
    svc.metrics().Observe(route, res.status, seconds);
    // Structured, and free of personal data: no bodies, no query strings.
    std::fprintf(stderr,
                 "{\"event\":\"request\",\"method\":%s,\"route\":%s,\"status\":%d,\"ms\":%.3f,"
                 "\"remote\":%s}\n",
                 Escape(req.method).c_str(), Escape(route).c_str(), res.status, seconds * 1000,
                 Escape(req.remote_addr).c_str());
  });

  RegisterHealth(http, svc);
  RegisterScreen(http, svc);
  RegisterMatch(http, svc);
  RegisterAudit(http, svc);
  RegisterLists(http, svc);
  RegisterMrz(http, svc);
  RegisterManifests(http, svc);
  RegisterSession(http, svc);
  RegisterDesignations(http, svc);
  RegisterSubjects(http, svc);
  RegisterDocuments(http, svc);
  RegisterRules(http, svc);
  RegisterManifestsRead(http, svc);
  RegisterAlerts(http, svc);
  RegisterRedress(http, svc);
  RegisterShares(http, svc);
  RegisterNetwork(http, svc);
  RegisterIndicators(http, svc);
  RegisterTransliterate(http, svc);
  RegisterMe(http, svc);
  RegisterPractices(http, svc);
  Result<std::unique_ptr<RetentionService>> retention = RetentionService::Create(svc);
  if (!retention.ok()) return retention.status();
  impl->retention = std::move(*retention);
  RegisterRetention(http, svc, *impl->retention);
  RegisterUnmask(http, svc, *impl->retention);
  // The console's files at "/": after the API's routes (it leaves their
  // paths alone in any case).
  RegisterConsole(http, options.web_root);
  Result<std::unique_ptr<AuditSigner>> signer = AuditSigner::Create(svc);
  if (!signer.ok()) return signer.status();
  impl->signer = std::move(*signer);

  impl->port =
      port == 0 ? http.bind_to_any_port(host) : (http.bind_to_port(host, port) ? port : -1);
  if (impl->port < 0) {
    return Status::IOError("cannot listen on " + options.listen);
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  impl_->retention->Start();  // the scheduled retention runs, when an interval is set
  if (impl_->signer) impl_->signer->Start();
  const bool served = impl_->http->listen_after_bind();
  // Every answered request's record is durable by now: sign through it.
  if (impl_->signer) impl_->signer->Stop();
  if (!served) return Status::IOError("the server socket failed");
  return Status::Ok();
}

void Server::Stop() {
  impl_->retention->Stop();  // a run in progress ends after its batch
  impl_->http->stop();
}

}  // namespace hudud::server
