// Indicators for the console's dashboard, from hudud's own records: how many
// travellers the carriers declared and how many were screened, the alerts
// raised and how people decided them, how long that took, how soon list
// versions were imported and held subjects re-screened, and whether
// retention is keeping up. Counts and durations only: no name, document,
// booking, subject or entry id is in any of it.
//
// Periods. `from`..`to` are days (UTC, inclusive), cut into buckets: a day,
// an ISO week (labelled by its Monday) or a calendar month (labelled by its
// first day); every bucket in the range is in `series`, empty ones too, and
// the first and last may be partly outside the range (only records inside
// it count).
//
// What is counted where:
//  - a kept message counts in the bucket of its flight's departure date
//    (its receipt date when the message gave none): `manifests`,
//    `travellers_screened` (every traveller read from it: each was screened
//    on receipt), `travellers_declared` (the message's own totals, PAXLST
//    CNT+42 passengers plus CNT+41 crew, each replaced by the travellers
//    read when not sent; PNRGOV declares no traveller total: the travellers
//    read), `arriving` / `departing` (the travellers screened on flights
//    whose last arrival airport / first departure airport is a home
//    airport; nullopt without home airports);
//  - an alert counts in `alerts_raised` in the bucket of its raised_at; its
//    current decision (confirmed, false-positive, inconclusive) and outcome
//    in the bucket of its decided_at; `median_handling_hours` is over the
//    alerts decided in the bucket (raised to decided);
//  - `by_list`: the alerts raised in the range, by list, with their
//    current state; false_positive_rate = false positives / (confirmed +
//    false positives), nullopt without either;
//  - `designations`: the list versions imported in the range: the list's
//    own publication date, the import, when held subjects were re-screened
//    for it (the server's audit record of that re-screen, else the alerts
//    it raised; nullopt when unknown) and the alerts it raised;
//  - `handling`: median and 90th percentile (nearest rank) of the hours
//    from raised to decided over the alerts decided in the range; the
//    alerts open now and how old the oldest is;
//  - `retention`: the last run, and what is due now under `retention` that
//    no run has processed (messages and traveller alerts to depersonalise
//    or delete, audit records to prune); compliant when nothing is due.
//
// Work: SQL aggregates over the indexed tables; the kept PAXLST messages of
// the range are read one at a time for their control totals. Nothing is
// loaded whole into memory.
//
// Errors: InvalidArgument for a malformed date or `to` before `from`;
// IOError for the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/retention.h"
#include "store/store.h"

namespace hudud::store {

enum class IndicatorBucket { kDay, kWeek, kMonth };
std::string_view ToString(IndicatorBucket bucket);  // "day", "week", "month"
// The inverse; InvalidArgument naming the buckets otherwise.
Result<IndicatorBucket> ParseIndicatorBucket(std::string_view text);

struct IndicatorsQuery {
  // "YYYY-MM-DD", inclusive. "" = the defaults: `to` today (UTC, of `now`),
  // `from` 29 days before `to` (30 days).
  std::string from, to;
  IndicatorBucket bucket = IndicatorBucket::kDay;
  // IATA codes of the agency's own airports; empty = arriving and departing
  // are not known.
  std::vector<std::string> home_airports;
  RetentionOptions retention;  // the periods due_now is counted with
  std::string now;             // "" = the clock; else an ISO date-time (for tests)
};

struct PeriodIndicators {
  std::string period;  // the bucket's first day
  int64_t manifests = 0, travellers_declared = 0, travellers_screened = 0;
  std::optional<int64_t> arriving, departing;
  int64_t alerts_raised = 0, confirmed = 0, false_positive = 0, inconclusive = 0;
  int64_t refer = 0, deny_boarding = 0, freeze_report = 0;  // outcomes
  std::optional<double> median_handling_hours;
};

struct ListIndicators {
  std::string list;
  int64_t alerts = 0, confirmed = 0, false_positive = 0, inconclusive = 0, open = 0;
  std::optional<double> false_positive_rate;
};

struct DesignationIndicators {
  std::string list;
  int64_t version = 0;
  std::string generated_at, imported_at;
  std::optional<std::string> rescreened_at;
  std::optional<double> hours_to_import, seconds_to_rescreen;
  int64_t alerts_raised = 0;
};

struct Indicators {
  std::string from, to;
  IndicatorBucket bucket = IndicatorBucket::kDay;
  std::vector<PeriodIndicators> series;
  struct {
    int64_t travellers_declared = 0, travellers_screened = 0;
    std::optional<double> ratio;  // screened / declared; nullopt when nothing was declared
    std::optional<int64_t> arriving, departing;
  } coverage;
  std::vector<ListIndicators> by_list;              // by list id
  std::vector<DesignationIndicators> designations;  // by import time
  struct {
    std::optional<double> median_hours, p90_hours;
    int64_t open = 0;
    std::optional<double> oldest_open_hours;
  } handling;
  struct {
    std::optional<std::string> last_run_at;  // when the last run finished (or started)
    std::optional<bool> last_run_ok;         // it completed
    int64_t due_now = 0;
    bool compliant = true;
  } retention;
};

// At most this many days in a range.
inline constexpr int kMaxIndicatorDays = 3660;

Result<Indicators> ComputeIndicators(Store& store, const IndicatorsQuery& query);

}  // namespace hudud::store
