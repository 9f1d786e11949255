// The booth: one travel document read at primary inspection (its MRZ),
// checked and its holder screened, answering "clear" or "refer" within a
// millisecond. Same reasons and decisions as a flight's screening.
#pragma once

#include <vector>

#include "base/status.h"
#include "match/screener.h"
#include "targeting/documents.h"
#include "targeting/flight_screening.h"
#include "travel/mrz.h"

namespace hudud::targeting {

struct BoothScreening {
  Decision decision = Decision::kClear;
  std::vector<Reason> reasons;
  std::vector<match::Hit> hits;
  std::vector<ClearedHit> cleared;  // hits already cleared as false positives
  std::vector<DocumentFinding> documents;
  match::Query query;  // what was asked of the watchlists
};

// Refers on: a failed check digit, an expired document (on `today`), a
// document in the lost and stolen register, a watchlist hit. A possibly
// truncated name, OCR corrections and unknown codes are noted without
// referring. `today` empty = today (UTC). A null `screener` checks the
// document only: the holder is not screened.
Result<BoothScreening> ScreenMrz(const travel::Mrz& mrz, const match::Screener* screener,
                                 const ReportedDocumentIndex& reported,
                                 const ScreeningOptions& options = {});

}  // namespace hudud::targeting
