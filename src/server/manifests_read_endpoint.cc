// The passenger messages kept: GET /v1/manifests (the flights, without the
// travellers, with when each was depersonalised: metadata, but it still
// tells who travelled when, so a purpose is needed) and GET
// /v1/manifests/{id} (the flight screened again now, against today's lists,
// rules and register, in the shape POST /v1/manifests answers). An analyst
// reads every flight; a border officer only the flights they sent, and
// without the listed files.
#include <chrono>
#include <string>
#include <vector>

#include "api/manifest_json.h"
#include "api/output.h"
#include "screening/loaders.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/manifests.h"
#include "targeting/flight_screening.h"
#include "travel/passenger_message.h"

namespace hudud::server {
namespace {

api::Json InfoJson(const store::StoredManifest& m) {
  return api::Json{
      {"id", m.id},
      {"format", m.format},
      {"flight", m.flight},
      {"departure", m.departure},
      {"travellers", m.travellers},
      {"received_at", m.received_at},
      {"received_by", m.received_by},
      // When retention masked the kept message; null before.
      {"depersonalised_at",
       m.depersonalised_at.empty() ? api::Json(nullptr) : api::Json(m.depersonalised_at)}};
}

void List(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kManifestsRead, true);
  if (!caller) return;
  std::optional<std::string> from = DateParam(req, res, "from");
  if (!from) return;
  std::optional<std::string> to = DateParam(req, res, "to");
  if (!to) return;
  std::optional<int64_t> limit = IntParam(req, res, "limit", 100, 1, 1000);
  if (!limit) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<std::vector<store::StoredManifest>> kept =
      store::LoadManifests(*db, *from, *to, /*with_raw=*/false);
  if (!kept.ok()) {
    SendStatusProblem(req, res, kept.status());
    return;
  }
  api::Json out = api::Json::array();
  api::Json ids = api::Json::array();
  for (const store::StoredManifest& m : *kept) {
    if (out.size() == static_cast<size_t>(*limit)) break;
    out.push_back(InfoJson(m));
    ids.push_back(m.id);
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "manifests",
              api::Json{{"from", *from}, {"to", *to}, {"manifests", std::move(ids)}}, req, res)) {
    return;
  }
  SendJson(res, api::Json{{"manifests", std::move(out)},
                          {"total", kept->size()},
                          {"truncated", kept->size() > static_cast<size_t>(*limit)}});
}

void Show(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kManifestsUpload, true);
  if (!caller) return;
  const std::string text = req.matches.size() > 1 ? req.matches[1].str() : "";
  bool digits = !text.empty() && text.size() <= 18;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  if (!digits) {
    SendProblem(res, MakeProblem("invalid-request", "'" + text + "' is not a manifest id"),
                req.path);
    return;
  }
  const int64_t id = std::stoll(text);
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  // Find the flight, then read its bytes with the others of its day only.
  Result<std::vector<store::StoredManifest>> all = store::LoadManifests(*db, "", "", false);
  if (!all.ok()) {
    SendStatusProblem(req, res, all.status());
    return;
  }
  const store::StoredManifest* info = nullptr;
  for (const store::StoredManifest& m : *all) {
    if (m.id == id) info = &m;
  }
  if (info == nullptr) {
    SendProblem(res, MakeProblem("not-found", "no manifest " + text), req.path);
    return;
  }
  if (!store::Allows(caller->principal.role, store::Permission::kManifestsRead) &&
      info->received_by != caller->principal.user) {
    const std::string detail = "the " + std::string(store::ToString(caller->principal.role)) +
                               " role may read only the manifests its user sent";
    (void)service.Audit(*caller, store::AuditAction::kAccessDenied, req.method + " " + req.path,
                        api::DumpJson(api::Json{{"problem", "forbidden"}, {"detail", detail}}));
    SendProblem(res, MakeProblem("forbidden", detail), req.path);
    return;
  }
  Result<std::vector<store::StoredManifest>> day =
      store::LoadManifests(*db, info->departure, info->departure, /*with_raw=*/true);
  if (!day.ok()) {
    SendStatusProblem(req, res, day.status());
    return;
  }
  const store::StoredManifest* kept = nullptr;
  for (const store::StoredManifest& m : *day) {
    if (m.id == id) kept = &m;
  }
  if (kept == nullptr) {
    SendProblem(res, MakeProblem("not-found", "no manifest " + text), req.path);
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  Result<travel::Manifest> manifest = travel::ParsePassengerMessage(kept->raw, kept->format);
  if (!manifest.ok()) {
    SendProblem(
        res,
        MakeProblem("conflict", "the kept message no longer reads: " + manifest.status().message()),
        req.path);
    return;
  }
  const double parse_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  Result<std::vector<targeting::TargetingRule>> rules = screening::LoadActiveRules(*db);
  if (!rules.ok()) {
    SendStatusProblem(req, res, rules.status());
    return;
  }
  const auto screen_start = std::chrono::steady_clock::now();
  const ScreenerSnapshot screener = service.screener();
  // Re-screened now: hits a person cleared since do not refer.
  const auto cleared = service.ClearedHits();
  targeting::ScreeningOptions options;
  options.cleared = cleared.get();
  Result<targeting::FlightScreening> result =
      targeting::ScreenFlight(*manifest, *screener, *service.ReportedDocuments(), *rules, options);
  if (!result.ok()) {
    SendStatusProblem(req, res, result.status());
    return;
  }
  const double screen_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - screen_start)
          .count();
  api::Json referred = api::Json::array();
  for (const auto& ts : result->travellers) {
    if (ts.decision == targeting::Decision::kRefer) {
      referred.push_back(manifest->travellers[ts.traveller].name.Full());
    }
  }
  std::optional<int64_t> seq =
      Record(service, *caller, store::AuditAction::kConsultation, "manifest:" + text,
             api::Json{{"rescreened", kept->flight}, {"referred", std::move(referred)}}, req, res);
  if (!seq) return;
  const bool detail = store::Allows(caller->principal.role, store::Permission::kScreenDetail);
  api::Json out = api::ManifestScreeningJson(*manifest, *result, detail, parse_ms, screen_ms);
  out["manifest"] = id;
  out["reference"] = "HUD-" + std::to_string(*seq);
  out["received_at"] = kept->received_at;
  out["received_by"] = kept->received_by;
  SendJson(res, out);
}

}  // namespace

void RegisterManifestsRead(httplib::Server& http, Service& service) {
  http.Get("/v1/manifests", [&service](const httplib::Request& req, httplib::Response& res) {
    List(service, req, res);
  });
  http.Get(
      R"(/v1/manifests/([^/]+))",
      [&service](const httplib::Request& req, httplib::Response& res) { Show(service, req, res); });
}

}  // namespace hudud::server
