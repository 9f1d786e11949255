// What `manifest screen`, `mrz check` and `rules test` share: reading
// passenger-message files and rendering reasons (the register and the
// rules are loaded by screening/loaders.h).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "cli/json.h"
#include "screening/loaders.h"
#include "store/store.h"
#include "targeting/documents.h"
#include "targeting/flight_screening.h"
#include "travel/manifest.h"

namespace hudud::cli {

using screening::LoadActiveRules;
using screening::LoadReportedDocuments;

// Reads `paths` (message parts of one flight may come in several files) and
// returns their bytes joined, each part on its own line.
Result<std::string> ReadMessageFiles(const std::vector<std::string>& paths);

// "XX101 DYU-KWI 2024-11-04" for a manifest's first flight ("" when none).
std::string DescribeFlight(const travel::Manifest& manifest);
// The first flight's departure as "YYYY-MM-DD", "" when unknown.
std::string DepartureDate(const travel::Manifest& manifest);

Json ReasonJson(const targeting::Reason& reason);
Json DocumentJson(const travel::TravelDocument& document);
Json FlightJson(const travel::FlightLeg& leg);
Json FindingJson(const travel::Finding& finding);

// "  refer  watchlist: ..." lines, each prefixed with `indent`.
void AppendReasonsText(const std::vector<targeting::Reason>& reasons, const std::string& indent,
                       std::string* out);

}  // namespace hudud::cli
