// The indicators as JSON and CSV (api/indicators_json.h).
#include "api/indicators_json.h"

#include <cstdio>
#include <optional>

namespace hudud::api {
namespace {

template <typename T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// A double in CSV: as JSON writes it (shortest round-trip form).
std::string CsvNumber(const std::optional<double>& v) { return v ? Json(*v).dump() : ""; }

std::string CsvCount(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }

}  // namespace

Json IndicatorsJson(const store::Indicators& in) {
  Json series = Json::array();
  for (const store::PeriodIndicators& p : in.series) {
    series.push_back(Json{{"period", p.period},
                          {"manifests", p.manifests},
                          {"travellers_declared", p.travellers_declared},
                          {"travellers_screened", p.travellers_screened},
                          {"arriving", OrNull(p.arriving)},
                          {"departing", OrNull(p.departing)},
                          {"alerts_raised", p.alerts_raised},
                          {"confirmed", p.confirmed},
                          {"false_positive", p.false_positive},
                          {"inconclusive", p.inconclusive},
                          {"outcomes", Json{{"refer", p.refer},
                                            {"deny-boarding", p.deny_boarding},
                                            {"freeze-report", p.freeze_report}}},
                          {"median_handling_hours", OrNull(p.median_handling_hours)}});
  }
  Json by_list = Json::array();
  for (const store::ListIndicators& l : in.by_list) {
    by_list.push_back(Json{{"list", l.list},
                           {"alerts", l.alerts},
                           {"confirmed", l.confirmed},
                           {"false_positive", l.false_positive},
                           {"inconclusive", l.inconclusive},
                           {"open", l.open},
                           {"false_positive_rate", OrNull(l.false_positive_rate)}});
  }
  Json designations = Json::array();
  for (const store::DesignationIndicators& d : in.designations) {
    designations.push_back(Json{{"list", d.list},
                                {"version", d.version},
                                {"generated_at", d.generated_at},
                                {"imported_at", d.imported_at},
                                {"rescreened_at", OrNull(d.rescreened_at)},
                                {"hours_to_import", OrNull(d.hours_to_import)},
                                {"seconds_to_rescreen", OrNull(d.seconds_to_rescreen)},
                                {"alerts_raised", d.alerts_raised}});
  }
  return Json{{"from", in.from},
              {"to", in.to},
              {"bucket", std::string(store::ToString(in.bucket))},
              {"series", std::move(series)},
              {"coverage", Json{{"travellers_declared", in.coverage.travellers_declared},
                                {"travellers_screened", in.coverage.travellers_screened},
                                {"ratio", OrNull(in.coverage.ratio)},
                                {"arriving", OrNull(in.coverage.arriving)},
                                {"departing", OrNull(in.coverage.departing)}}},
              {"by_list", std::move(by_list)},
              {"designations", std::move(designations)},
              {"handling", Json{{"median_hours", OrNull(in.handling.median_hours)},
                                {"p90_hours", OrNull(in.handling.p90_hours)},
                                {"open", in.handling.open},
                                {"oldest_open_hours", OrNull(in.handling.oldest_open_hours)}}},
              {"retention", Json{{"last_run_at", OrNull(in.retention.last_run_at)},
                                 {"last_run_ok", OrNull(in.retention.last_run_ok)},
                                 {"due_now", in.retention.due_now},
                                 {"compliant", in.retention.compliant}}}};
}

std::string IndicatorsCsv(const store::Indicators& in) {
  // Every field is a date, a number or empty: nothing needs quoting.
  std::string out =
      "period,manifests,travellers_declared,travellers_screened,arriving,departing,"
      "alerts_raised,confirmed,false_positive,inconclusive,outcome_refer,"
      "outcome_deny_boarding,outcome_freeze_report,median_handling_hours\r\n";
  for (const store::PeriodIndicators& p : in.series) {
    out += p.period + "," + std::to_string(p.manifests) + "," +
           std::to_string(p.travellers_declared) + "," + std::to_string(p.travellers_screened) +
           "," + CsvCount(p.arriving) + "," + CsvCount(p.departing) + "," +
           std::to_string(p.alerts_raised) + "," + std::to_string(p.confirmed) + "," +
           std::to_string(p.false_positive) + "," + std::to_string(p.inconclusive) + "," +
           std::to_string(p.refer) + "," + std::to_string(p.deny_boarding) + "," +
           std::to_string(p.freeze_report) + "," + CsvNumber(p.median_handling_hours) + "\r\n";
  }
  return out;
}

}  // namespace hudud::api
