// What turns a screening at the border (one query, a document at the booth,
// a flight's travellers) into work for a person: every hit becomes an alert
// in the analysts' queue under the screening's case reference, and a hit a
// person already cleared as a false positive for that traveller neither
// refers nor raises an alert again, until the traveller's data or the
// listed entry changes.
//
// A traveller has no id of ours: the false-positive memory knows them by
// TravellerKey, a hash of the data they were screened with.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "match/screener.h"
#include "store/store.h"
#include "targeting/flight_screening.h"

namespace hudud::screening {

// store::SubjectDataHash of the query's data.
std::string TravellerHash(const match::Query& query);
// "traveller:<TravellerHash>".
std::string TravellerKey(const match::Query& query);

// The false positives that still hold, in memory, as targeting asks for
// them. Immutable once loaded; safe to share between threads.
class FalsePositiveMemory : public targeting::ClearedHits {
 public:
  // A memory that clears nothing.
  FalsePositiveMemory() = default;
  static Result<FalsePositiveMemory> Load(store::Store& store);
  int64_t ClearedBy(const match::Query& query, const match::Hit& hit) const override;
  size_t size() const { return alerts_.size(); }

 private:
  // subject_key + '\n' + list_id + '\n' + entity_id -> the deciding alert.
  std::unordered_map<std::string, int64_t> alerts_;
};

// One person screened and what the watchlists said (hits not cleared).
struct ScreenedPerson {
  match::Query query;
  std::string subject_json;  // what the reviewer sees: a JSON object
  std::vector<match::Hit> hits;
};

struct ReviewContext {
  std::string source;    // "screening", "booth", "manifest"
  std::string case_ref;  // "HUD-<n>": the screening's reference
  std::string flight;    // "" when not a flight
  int64_t manifest_id = 0;
};

// Raises an alert for every hit of every person, in one transaction, each
// keeping the hit's explanation, the person's first query name and the
// listed name it matched; the result holds, per person and hit, the alert a
// person will review (a new one, or the pair's alert already open; 0 when
// the memory suppressed it).
Result<std::vector<std::vector<int64_t>>> RaiseAlerts(store::Store& store,
                                                      const match::Screener& screener,
                                                      const ReviewContext& context,
                                                      const std::vector<ScreenedPerson>& people);

}  // namespace hudud::screening
