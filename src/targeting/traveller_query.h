// What of a traveller record is asked of the watchlists: every name the
// record gives (booking and document), date of birth, nationality, gender
// and the main travel document.
#pragma once

#include "match/screener.h"
#include "travel/manifest.h"

namespace hudud::targeting {

// The query for `traveller`: names from the message (NAD/TIF) and from each
// document that names its holder differently, deduplicated; the passport
// (else the first document) with its issuing state. `threshold` and `limit`
// as for any screening query. The query has no name when the record has
// none; Screen then reports an error, which the caller turns into a finding.
match::Query TravellerQuery(const travel::Traveller& traveller, double threshold, int limit);

}  // namespace hudud::targeting
