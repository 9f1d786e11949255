// What screening travellers needs from the database besides the lists: the
// lost and stolen documents register and the active targeting rules, read
// from the store into the in-memory forms the targeting library uses. Shared
// by the CLI and the HTTP service.
#pragma once

#include <vector>

#include "base/status.h"
#include "store/store.h"
#include "targeting/documents.h"
#include "targeting/flight_screening.h"

namespace hudud::screening {

// The register of lost and stolen documents held in `store`.
Result<targeting::ReportedDocumentIndex> LoadReportedDocuments(store::Store& store);

// The active version of every targeting rule, parsed. Corruption when an
// active rule no longer parses.
Result<std::vector<targeting::TargetingRule>> LoadActiveRules(store::Store& store);

}  // namespace hudud::screening
