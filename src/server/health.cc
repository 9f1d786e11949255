// GET /healthz (alive), /readyz (the index is built), /metrics
// (Prometheus; admins only: operational data is still data) and
// /v1/openapi.json (the API described, public).
#include "api/output.h"
#include "server/endpoints.h"
#include "server/openapi.h"
#include "server/problem.h"

namespace hudud::server {

void RegisterHealth(httplib::Server& http, Service& service) {
  http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{\"status\":\"ok\"}\n", "application/json");
  });
  http.Get("/readyz", [&service](const httplib::Request& req, httplib::Response& res) {
    if (!service.ready()) {
      SendProblem(res, MakeProblem("unavailable", "the screening index is not built yet"),
                  req.path);
      return;
    }
    res.set_content(
        api::DumpJson(api::Json{{"status", "ready"}, {"entities", service.screener()->size()}}) +
            "\n",
        "application/json");
  });
  http.Get("/metrics", [&service](const httplib::Request& req, httplib::Response& res) {
    if (!service.Admit(req, res, store::Permission::kUsersManage, false)) return;
    res.set_content(service.metrics().Render(service.MetricsText()), "text/plain; version=0.0.4");
  });
  http.Get("/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(OpenApiDocument()), "application/json");
  });
}

}  // namespace hudud::server
