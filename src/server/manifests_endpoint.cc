// POST /v1/manifests: a carrier's or a PIU's PAXLST or PNRGOV message, sent
// as the raw EDIFACT bytes (parts of a split message concatenated), parsed,
// every traveller screened (watchlists, documents, active rules,
// companions) and kept as received but for its sensitive special-service
// requests (meal, medical: travel/message_mask.h); the answer is the
// manifest JSON of `hudud manifest screen --json`, without the listed files
// for a border officer. The upload is recorded as a collection, its
// screening as a consultation.
#include <chrono>

#include "api/manifest_json.h"
#include "api/output.h"
#include "screening/loaders.h"
#include "screening/review.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/manifests.h"
#include "targeting/flight_screening.h"
#include "travel/message_mask.h"
#include "travel/passenger_message.h"

namespace hudud::server {
namespace {

void Upload(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kManifestsUpload, true);
  if (!caller) return;
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "auto";
  if (format != "auto" && format != "paxlst" && format != "pnrgov") {
    SendProblem(res, MakeProblem("invalid-request", "format must be auto, paxlst or pnrgov"),
                req.path);
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  Result<travel::Manifest> manifest = travel::ParsePassengerMessage(req.body, format);
  if (!manifest.ok()) {
    SendProblem(res, MakeProblem("invalid-request", manifest.status().message()), req.path);
    return;
  }
  const double parse_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  Result<std::unique_ptr<store::Store>> db = service.OpenStore();
  if (!db.ok()) {
    SendProblem(res, MakeProblem("unavailable", db.status().message()), req.path);
    return;
  }
  Result<std::vector<targeting::TargetingRule>> rules = screening::LoadActiveRules(**db);
  if (!rules.ok()) {
    SendProblem(res, MakeProblem("internal", rules.status().message()), req.path);
    return;
  }
  const auto screen_start = std::chrono::steady_clock::now();
  const ScreenerSnapshot screener = service.screener();
  const auto cleared = service.ClearedHits();
  targeting::ScreeningOptions options;
  options.cleared = cleared.get();
  Result<targeting::FlightScreening> result =
      targeting::ScreenFlight(*manifest, screener, *service.ReportedDocuments(), *rules, options);
  if (!result.ok()) {
    SendProblem(res, MakeProblem("internal", result.status().message()), req.path);
    return;
  }
  const double screen_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - screen_start)
          .count();
  // Kept without the sensitive requests (meal, medical): deleted on receipt
  // in the bytes too, not only in what was read. The digest is of the bytes
  // as received, so the same message sent again is kept once.
  Result<travel::SensitiveRequestsRemoved> kept = travel::RemoveSensitiveRequests(req.body);
  if (!kept.ok()) {
    SendProblem(
        res, MakeProblem("internal", "the message could not be kept: " + kept.status().message()),
        req.path);
    return;
  }
  store::StoredManifest sm;
  sm.format = std::string(travel::ToString(manifest->format));
  sm.flight = api::DescribeFlight(*manifest);
  sm.departure = api::DepartureDate(*manifest);
  sm.travellers = static_cast<int>(manifest->travellers.size());
  sm.sha256 = store::Sha256Hex(req.body);
  sm.received_by = caller->principal.user;
  sm.raw = std::move(kept->bytes);
  Result<int64_t> id = store::SaveManifest(**db, sm);
  if (!id.ok()) {
    SendProblem(res, MakeProblem("internal", id.status().message()), req.path);
    return;
  }
  const std::string object = "manifest:" + std::to_string(*id);
  api::Json referred = api::Json::array();
  for (const auto& ts : result->travellers) {
    if (ts.decision == targeting::Decision::kRefer) {
      referred.push_back(manifest->travellers[ts.traveller].name.Full());
    }
  }
  Result<int64_t> collected = service.Audit(
      *caller, store::AuditAction::kCollection, object,
      api::DumpJson(
          api::Json{{"flight", sm.flight}, {"travellers", sm.travellers}, {"sha256", sm.sha256}}));
  Result<int64_t> consulted =
      collected.ok() ? service.Audit(*caller, store::AuditAction::kConsultation, object,
                                     api::DumpJson(api::Json{{"referred", referred}}))
                     : collected;
  if (!consulted.ok()) {
    SendProblem(res, MakeProblem("internal", "the access could not be recorded"), req.path);
    return;
  }
  const std::string reference = "HUD-" + std::to_string(*consulted);
  // Every watchlist hit goes to the analysts' queue under the flight's
  // reference; a refer is a referral for review, and the review is theirs.
  std::vector<screening::ScreenedPerson> people;
  for (const auto& ts : result->travellers) {
    if (ts.hits.empty()) continue;
    api::Json subject = api::QueryJson(ts.query);
    subject["flight"] = sm.flight;
    subject["traveller"] = ts.traveller;
    people.push_back({ts.query, api::DumpJson(subject), ts.hits});
  }
  Result<std::vector<std::vector<int64_t>>> raised =
      screening::RaiseAlerts(**db, screener, {"manifest", reference, sm.flight, *id}, people);
  if (!raised.ok()) {
    SendProblem(res, MakeProblem("internal", raised.status().message()), req.path);
    return;
  }
  const bool detail = store::Allows(caller->principal.role, store::Permission::kScreenDetail);
  api::Json out = api::ManifestScreeningJson(*manifest, *result, detail, parse_ms, screen_ms);
  out["manifest"] = *id;
  out["reference"] = reference;
  size_t alerts = 0;
  for (const auto& ids : *raised) alerts += ids.size();
  out["alerts"] = alerts;
  res.set_content(api::DumpJson(out) + "\n", "application/json");
}

}  // namespace

void RegisterManifests(httplib::Server& http, Service& service) {
  http.Post("/v1/manifests", [&service](const httplib::Request& req, httplib::Response& res) {
    Upload(service, req, res);
  });
}

}  // namespace hudud::server
