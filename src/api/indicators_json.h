// The dashboard's indicators (store/indicators.h) in the shapes the HTTP API
// answers: JSON, and CSV with one row per period for a spreadsheet.
#pragma once

#include <string>

#include "api/json.h"
#include "store/indicators.h"

namespace hudud::api {

// {"from", "to", "bucket",
//  "series": [{"period", "manifests", "travellers_declared",
//              "travellers_screened", "arriving", "departing", "alerts_raised",
//              "confirmed", "false_positive", "inconclusive",
//              "outcomes": {"refer", "deny-boarding", "freeze-report"},
//              "median_handling_hours"}],
//  "coverage": {"travellers_declared", "travellers_screened", "ratio",
//               "arriving", "departing"},
//  "by_list": [{"list", "alerts", "confirmed", "false_positive",
//               "inconclusive", "open", "false_positive_rate"}],
//  "designations": [{"list", "version", "generated_at", "imported_at",
//                    "rescreened_at", "hours_to_import", "seconds_to_rescreen",
//                    "alerts_raised"}],
//  "handling": {"median_hours", "p90_hours", "open", "oldest_open_hours"},
//  "retention": {"last_run_at", "last_run_ok", "due_now", "compliant"}}
// Unknown values (no home airports, nothing decided, no run yet) are null.
Json IndicatorsJson(const store::Indicators& indicators);

// The series as CSV (RFC 4180, CRLF line ends): the header
// period,manifests,travellers_declared,travellers_screened,arriving,
// departing,alerts_raised,confirmed,false_positive,inconclusive,
// outcome_refer,outcome_deny_boarding,outcome_freeze_report,
// median_handling_hours
// then one row per period, in order; null values are empty fields.
std::string IndicatorsCsv(const store::Indicators& indicators);

}  // namespace hudud::api
