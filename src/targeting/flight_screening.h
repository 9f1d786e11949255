// Screening a flight's or a booking push's travellers before departure or
// arrival: each against the watchlists, its documents against the lost and
// stolen register and their expiry, the agency's active targeting rules,
// and its companions. The answer per traveller is "clear" or "refer" (to
// secondary inspection, for a person to review) with every reason.
//
// Nothing here decides more than that: a refer is a referral for human
// review, never an automatic adverse decision.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "match/screener.h"
#include "model/date.h"
#include "targeting/co_travel.h"
#include "targeting/documents.h"
#include "travel/manifest.h"
#include "travel/rules.h"

namespace hudud::targeting {

// An active rule as screening uses it.
struct TargetingRule {
  std::string name;
  int version = 0;
  travel::RuleExpression expression;
};

// Hits a person already reviewed and found to be false positives for this
// traveller: they are reported but no longer refer. Implementations must
// be safe to call from several threads.
class ClearedHits {
 public:
  virtual ~ClearedHits() = default;
  // The alert whose false-positive decision covers `hit` for the person
  // `query` describes, or 0.
  virtual int64_t ClearedBy(const match::Query& query, const match::Hit& hit) const = 0;
};

struct ScreeningOptions {
  double threshold = match::kDefaultThreshold;
  int limit = 5;                         // watchlist hits kept per traveller
  model::PartialDate today;              // empty = today (UTC): for dates without a flight
  int threads = 0;                       // 0 = the machine's cores
  const ClearedHits* cleared = nullptr;  // none: every hit refers
};

// A watchlist hit a person already cleared as a false positive.
struct ClearedHit {
  match::Hit hit;
  int64_t alert = 0;  // the alert that recorded the decision
};

enum class Decision { kClear, kRefer };
std::string_view ToString(Decision decision);  // "clear", "refer"

// Why a traveller is referred (or, with refer = false, what was noticed).
struct Reason {
  // "watchlist", "lost-stolen", "expired", "expires-during-travel",
  // "rule", "co-traveller", "check-digit", "data" (a bad field),
  // "cleared" (a hit a person found a false positive; never refers)
  std::string code;
  std::string detail;
  bool refer = true;
};

struct RuleHit {
  std::string name;
  int version = 0;
  std::vector<travel::ConditionResult> conditions;
  std::string explanation;
};

struct TravellerScreening {
  size_t traveller = 0;  // index into Manifest::travellers
  Decision decision = Decision::kClear;
  std::vector<Reason> reasons;
  std::vector<match::Hit> hits;     // watchlist hits, best first
  std::vector<ClearedHit> cleared;  // hits already cleared as false positives
  match::Query query;               // what was asked of the watchlists
  std::vector<DocumentFinding> documents;
  std::vector<RuleHit> rules;
  std::vector<CoTravelLink> companions;  // links to travellers who hit a watchlist
};

struct FlightScreening {
  std::vector<TravellerScreening> travellers;  // one per Manifest::travellers, same order
  size_t referred = 0, watchlist_hits = 0, rule_hits = 0, document_hits = 0;
};

// Screens every traveller of `manifest`. Fails only when the screener
// fails on a well-formed query (an internal error); a traveller without a
// usable name is screened by document and rules and gets a "data" reason.
Result<FlightScreening> ScreenFlight(const travel::Manifest& manifest,
                                     const match::Screener& screener,
                                     const ReportedDocumentIndex& reported,
                                     const std::vector<TargetingRule>& rules,
                                     const ScreeningOptions& options = {});

// Moves the hits `cleared` covers for `query` from `hits` to `out`.
void SetAsideCleared(const match::Query& query, const ClearedHits* cleared,
                     std::vector<match::Hit>* hits, std::vector<ClearedHit>* out);
// "un:QDi.123 cleared as a false positive (alert 17)".
std::string ClearedReason(const ClearedHit& cleared);

// The first departure date of the journey `traveller` is on and the last
// date of its itinerary (empty when the message gives none).
void TravelDates(const travel::Manifest& manifest, size_t traveller, model::PartialDate* start,
                 model::PartialDate* end);

}  // namespace hudud::targeting
