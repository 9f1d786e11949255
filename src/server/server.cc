// The HTTP server: routes, limits, problem+json for every error, JSON
// access logs and metrics (server/server.h).
#include "server/server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "api/output.h"
#include "server/endpoints.h"
#include "server/problem.h"

namespace hudud::server {
namespace {

thread_local std::chrono::steady_clock::time_point request_start;

// The route a path belongs to, for metrics labels (bounded set).
std::string RouteOf(const std::string& path) {
  static const char* kRoutes[] = {"/healthz",         "/readyz",    "/metrics",
                                  "/v1/openapi.json", "/v1/screen", "/v1/screen/batch"};
  for (const char* r : kRoutes) {
    if (path == r) return r;
  }
  if (path.rfind("/v1/match/", 0) == 0) return "/v1/match/{dataset}";
  if (path.rfind("/match/", 0) == 0) return "/match/{dataset}";
  return "other";
}

std::string Escape(const std::string& s) { return api::DumpJson(api::Json(s)); }

}  // namespace

struct Server::Impl {
  std::unique_ptr<Service> service;
  std::unique_ptr<httplib::Server> http;
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
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(options.request_timeout_seconds, 0);
  http.set_write_timeout(options.request_timeout_seconds, 0);
  http.set_keep_alive_max_count(1000);
  // Without it, small JSON answers wait for the client's delayed ACK (40 ms).
  http.set_tcp_nodelay(true);

  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_start = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Every error the library answers itself (404, 413, 400) gets a problem body.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
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

  impl->port =
      port == 0 ? http.bind_to_any_port(host) : (http.bind_to_port(host, port) ? port : -1);
  if (impl->port < 0) {
    return Status::IOError("cannot listen on " + options.listen);
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  if (!impl_->http->listen_after_bind()) return Status::IOError("the server socket failed");
  return Status::Ok();
}

void Server::Stop() { impl_->http->stop(); }

}  // namespace hudud::server
