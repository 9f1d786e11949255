// What `manifest screen`, `mrz check` and `rules test` share: reading
// passenger-message files and rendering reasons (the register and the
// rules are loaded by screening/loaders.h).
#pragma once

#include <string>
#include <vector>

#include "api/manifest_json.h"
#include "base/status.h"
#include "cli/json.h"
#include "screening/loaders.h"
#include "store/store.h"
#include "targeting/documents.h"
#include "targeting/flight_screening.h"
#include "travel/manifest.h"

namespace hudud::cli {

using api::BookingOf;
using api::DepartureDate;
using api::DescribeFlight;
using api::Dob;
using api::DocumentJson;
using api::FindingJson;
using api::FlightJson;
using api::MainDocument;
using api::ReasonJson;
using screening::LoadActiveRules;
using screening::LoadReportedDocuments;

// Reads `paths` (message parts of one flight may come in several files) and
// returns their bytes joined, each part on its own line.
Result<std::string> ReadMessageFiles(const std::vector<std::string>& paths);

// "  refer  watchlist: ..." lines, each prefixed with `indent`.
void AppendReasonsText(const std::vector<targeting::Reason>& reasons, const std::string& indent,
                       std::string* out);

}  // namespace hudud::cli
