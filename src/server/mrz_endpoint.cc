// POST /v1/mrz: the booth. {"lines": ["P<UTO...", "L898902C3..."]} is read
// as an ICAO 9303 MRZ, every check digit validated, expiry and the lost and
// stolen register checked, the holder screened; the answer is clear or
// refer. A border officer sees the document checks and that there is a
// possible watchlist match, never whom it matches; an analyst also gets the
// hits.
#include "api/output.h"
#include "screening/review.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "targeting/booth.h"
#include "travel/mrz.h"
#include "travel/travel_dates.h"

namespace hudud::server {
namespace {

void Check(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kScreen, true);
  if (!caller) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  std::vector<std::string> lines;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() != "lines") {
      SendProblem(res,
                  MakeProblem("invalid-request",
                              "unknown field '" + it.key() + "' (expected {\"lines\": [...]})"),
                  req.path);
      return;
    }
  }
  if (!body.contains("lines") || !body["lines"].is_array() || body["lines"].size() > 3) {
    SendProblem(res, MakeProblem("invalid-request", "\"lines\" must be 2 or 3 strings"), req.path);
    return;
  }
  for (const auto& l : body["lines"]) {
    if (!l.is_string()) {
      SendProblem(res, MakeProblem("invalid-request", "\"lines\" must be strings"), req.path);
      return;
    }
    lines.push_back(l.get<std::string>());
  }
  Result<travel::Mrz> mrz = travel::ParseMrz(lines);
  if (!mrz.ok()) {
    SendProblem(res, MakeProblem("invalid-query", "MRZ: " + mrz.status().message()), req.path);
    return;
  }
  const ScreenerSnapshot screener = service.screener();
  const auto cleared = service.ClearedHits();
  targeting::ScreeningOptions options;
  options.cleared = cleared.get();
  Result<targeting::BoothScreening> booth =
      targeting::ScreenMrz(*mrz, screener.get(), *service.ReportedDocuments(), options);
  if (!booth.ok()) {
    SendProblem(res, MakeProblem("internal", booth.status().message()), req.path);
    return;
  }
  api::Json ids = api::Json::array();
  for (const auto& h : booth->hits) ids.push_back(h.entity_id);
  Result<int64_t> seq = service.Audit(
      *caller, store::AuditAction::kConsultation, "mrz",
      api::DumpJson(api::Json{{"query", api::QueryJson(booth->query)},
                              {"document", mrz->document_number},
                              {"decision", std::string(targeting::ToString(booth->decision))},
                              {"hits", ids}}));
  if (!seq.ok()) {
    SendProblem(res, MakeProblem("internal", "the access could not be recorded"), req.path);
    return;
  }
  const std::string reference = "HUD-" + std::to_string(*seq);
  // A hit at the booth is a referral: it goes to the analysts' queue under
  // this check's reference, whoever asked.
  api::Json alert_ids = api::Json::array();
  if (!booth->hits.empty()) {
    Result<std::unique_ptr<store::Store>> db = service.OpenStore();
    if (!db.ok()) {
      SendProblem(res, MakeProblem("unavailable", db.status().message()), req.path);
      return;
    }
    api::Json subject = api::QueryJson(booth->query);
    Result<std::vector<std::vector<int64_t>>> raised =
        screening::RaiseAlerts(**db, screener, {"booth", reference, "", 0},
                               {{booth->query, api::DumpJson(subject), booth->hits}});
    if (!raised.ok()) {
      SendProblem(res, MakeProblem("internal", raised.status().message()), req.path);
      return;
    }
    for (int64_t id : raised->front()) alert_ids.push_back(id);
  }
  const bool detail = store::Allows(caller->principal.role, store::Permission::kScreenDetail);
  api::Json checks = api::Json::array();
  for (const auto& c : mrz->checks) {
    checks.push_back(api::Json{{"field", c.field}, {"ok", c.ok}});
  }
  api::Json reasons = api::Json::array();
  for (const auto& r : booth->reasons) {
    std::string text = r.detail;
    if (r.code == "watchlist" && !detail) text = "possible watchlist match: refer for review";
    if (r.code == "cleared" && !detail) text = "a possible match was reviewed and cleared before";
    reasons.push_back(api::Json{{"code", r.code}, {"detail", text}, {"refer", r.refer}});
  }
  std::optional<bool> expired = mrz->IsExpired(travel::TodayUtc());
  api::Json out = {{"decision", std::string(targeting::ToString(booth->decision))},
                   {"reference", reference},
                   {"document",
                    {{"format", std::string(travel::ToString(mrz->format))},
                     {"code", mrz->document_code},
                     {"issuing_state", mrz->issuing_state},
                     {"number", mrz->document_number},
                     {"expiry", mrz->expiry_date ? mrz->expiry_date->ToString() : ""},
                     {"expired", expired ? api::Json(*expired) : api::Json(nullptr)},
                     {"valid", mrz->valid()},
                     {"checks", std::move(checks)}}},
                   {"reasons", std::move(reasons)}};
  if (detail) {
    api::Json matches = api::Json::array();
    for (const auto& h : booth->hits) matches.push_back(api::HitJson(h, true));
    out["query"] = api::QueryJson(booth->query);
    out["matches"] = std::move(matches);
    out["alerts"] = std::move(alert_ids);
  }
  res.set_content(api::DumpJson(out) + "\n", "application/json");
}

}  // namespace

void RegisterMrz(httplib::Server& http, Service& service) {
  http.Post("/v1/mrz", [&service](const httplib::Request& req, httplib::Response& res) {
    Check(service, req, res);
  });
}

}  // namespace hudud::server
