// The JSON of a screened passenger message, as `hudud manifest screen
// --json` prints it and POST /v1/manifests answers it (docs/TRAVEL.md):
// {"format", "flights", "travellers": [{role, name, document, dob,
// nationality, booking, decision, reasons, hits, rules, companions,
// findings}], "summary", "warnings"}.
#pragma once

#include <string>

#include "api/json.h"
#include "targeting/flight_screening.h"
#include "travel/manifest.h"

namespace hudud::api {

// The whole answer. Without `with_detail` (a border officer's view) the
// watchlist hits are left out and a watchlist reason says only that there
// is a possible match.
Json ManifestScreeningJson(const travel::Manifest& manifest,
                           const targeting::FlightScreening& screening, bool with_detail,
                           double parse_ms, double screen_ms);

Json ReasonJson(const targeting::Reason& reason);
Json DocumentJson(const travel::TravelDocument& document);
Json FlightJson(const travel::FlightLeg& leg);
Json FindingJson(const travel::Finding& finding);

// "XX101 DYU-KWI 2024-11-04" for a manifest's first flight ("" when none).
std::string DescribeFlight(const travel::Manifest& manifest);
// The first flight's departure as "YYYY-MM-DD", "" when unknown.
std::string DepartureDate(const travel::Manifest& manifest);
// The traveller's date of birth as read, "" when none.
std::string Dob(const travel::Traveller& traveller);
// The passport, else the first document; nullptr when none.
const travel::TravelDocument* MainDocument(const travel::Traveller& traveller);
// The booking locator of the traveller ("" when none).
std::string BookingOf(const travel::Manifest& manifest, const travel::Traveller& traveller);

}  // namespace hudud::api
