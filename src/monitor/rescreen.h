// Ongoing monitoring of held subjects (bank customers, travellers with
// upcoming trips, visa applicants): when a list changes, re-screen them
// against what changed, raise alerts for new hits and close the alerts of
// delisted entries, so sanctions apply "without delay" (FATF R.6).
//
// A delta re-screen finds exactly the hits a full re-screen would find
// that are not already open alerts: it screens every subject against the
// added and changed entries, plus the unchanged entries whose token weights
// moved with the list's statistics (match::WeightShift), and screens the few
// subjects whose own tokens' weights moved against everything.
//
// Each alert keeps what the reviewer needs without screening again: the
// hit's explanation (match/explanation_json.h), the subject's primary name
// and the listed name it matched (store::NewAlert).
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"
#include "match/screener.h"
#include "store/monitoring.h"
#include "store/store.h"

namespace hudud::monitor {

struct RescreenOptions {
  double threshold = match::kDefaultThreshold;  // alerts for hits scoring at least this
  int threads = 0;                              // 0 = every hardware thread
};

struct RescreenReport {
  std::string mode;           // "delta", "full" or "none" (nothing changed)
  int64_t subjects = 0;       // held subjects
  int64_t entities = 0;       // entities screened against (all, or the delta)
  int64_t subjects_full = 0;  // delta mode: subjects screened against everything
  int64_t hits = 0;           // hits at or above the threshold
  int64_t alerts_raised = 0;  // new open alerts (hits without one already)
  int64_t alerts_closed = 0;  // alerts closed because their entry was delisted
  double seconds = 0;         // from start to the last alert stored
};

// The query a held subject stands for. InvalidArgument naming the subject
// and the field for a bad date of birth, gender or kind.
Result<match::Query> SubjectQuery(const store::Subject& subject, double threshold);

// After an import or a publication changed one list (`summary`, as
// Store::ImportList returned it): closes the alerts on removed entries and
// raises alerts for the held subjects that now hit an added or changed entry.
Result<RescreenReport> RescreenAfterChange(store::Store& store, const store::ImportSummary& summary,
                                           const RescreenOptions& options = {});

// Every held subject against every active entity; raises alerts for hits
// that have none open. `trigger` is recorded on the alerts ("rescreen").
Result<RescreenReport> RescreenAll(store::Store& store, const std::string& trigger,
                                   const RescreenOptions& options = {});

// The same for `subjects` only (already stored, e.g. just imported:
// trigger "subject-import"), without reading them back from the store.
Result<RescreenReport> RescreenSubjects(store::Store& store,
                                        const std::vector<store::Subject>& subjects,
                                        const std::string& trigger,
                                        const RescreenOptions& options = {});

}  // namespace hudud::monitor
