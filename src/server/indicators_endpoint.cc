// GET /v1/indicators: the dashboard's indicators (store/indicators.h) over
// a range of days, by day, week or month, as JSON or as CSV for a
// spreadsheet. Counts and durations that name nobody: no purpose, and the
// admin and the auditor see them too. Travellers are told apart as
// arriving or departing by the server's --home-airports.
#include <string>

#include "api/indicators_json.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/indicators.h"

namespace hudud::server {
namespace {

void Invalid(const httplib::Request& req, httplib::Response& res, const std::string& detail) {
  SendProblem(res, MakeProblem("invalid-request", detail), req.path);
}

void Indicators(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kIndicatorsRead, false);
  if (!caller) return;
  store::IndicatorsQuery query;
  std::optional<std::string> from = DateParam(req, res, "from");
  if (!from) return;
  std::optional<std::string> to = DateParam(req, res, "to");
  if (!to) return;
  query.from = *from;
  query.to = *to;
  if (req.has_param("bucket")) {
    Result<store::IndicatorBucket> bucket =
        store::ParseIndicatorBucket(req.get_param_value("bucket"));
    if (!bucket.ok()) {
      Invalid(req, res, bucket.status().message());
      return;
    }
    query.bucket = *bucket;
  }
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format != "json" && format != "csv") {
    Invalid(req, res, "format must be json or csv, got '" + format.substr(0, 40) + "'");
    return;
  }
  const ServerOptions& o = service.options();
  query.home_airports = o.home_airports;
  // The periods were checked when the server started (RetentionService).
  Result<store::RetentionPeriod> dep = store::ParseRetentionPeriod(o.depersonalise_after);
  Result<store::RetentionPeriod> del = store::ParseRetentionPeriod(o.delete_after);
  Result<store::RetentionPeriod> keep = store::ParseRetentionPeriod(o.audit_keep);
  if (dep.ok()) query.retention.depersonalise_after = *dep;
  if (del.ok()) query.retention.delete_after = *del;
  if (keep.ok()) query.retention.audit_keep = *keep;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::Indicators> indicators = store::ComputeIndicators(*db, query);
  if (!indicators.ok()) {
    SendStatusProblem(req, res, indicators.status());
    return;
  }
  if (format == "csv") {
    res.set_header("Content-Disposition", "attachment; filename=\"indicators-" + indicators->from +
                                              "-" + indicators->to + ".csv\"");
    res.set_content(api::IndicatorsCsv(*indicators), "text/csv; charset=utf-8");
    return;
  }
  SendJson(res, api::IndicatorsJson(*indicators));
}

}  // namespace

void RegisterIndicators(httplib::Server& http, Service& service) {
  http.Get("/v1/indicators", [&service](const httplib::Request& req, httplib::Response& res) {
    Indicators(service, req, res);
  });
}

}  // namespace hudud::server
