// Who travels with whom: the links between travellers of one message that
// share a booking, a phone number, an e-mail address or a payment card.
// Used to flag the companions of a traveller who hit a watchlist.
#pragma once

#include <string>
#include <vector>

#include "travel/manifest.h"

namespace hudud::targeting {

struct CoTravelLink {
  size_t other = 0;   // index of the other traveller in Manifest::travellers
  std::string via;    // "booking", "phone", "email", "card"
  std::string value;  // what they share, as shown to an analyst (cards masked)
};

// For each traveller, the links to every other traveller, by kind of
// shared value. Phone numbers compare on their last 9 digits, e-mail
// addresses case-insensitively, cards on the full number when sent
// unmasked, else on vendor, last four digits and expiry.
std::vector<std::vector<CoTravelLink>> FindCoTravellers(const travel::Manifest& manifest);

}  // namespace hudud::targeting
