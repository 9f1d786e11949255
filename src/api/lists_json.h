// The JSON of list imports, versions, differences and re-screens, as
// `hudud lists import/diff --json` print them and the HTTP API answers
// them; and a list version written out for partners (`hudud lists export`,
// GET /v1/designations/export).
#pragma once

#include <cstdint>
#include <string>

#include "api/json.h"
#include "base/status.h"
#include "monitor/rescreen.h"
#include "store/store.h"

namespace hudud::api {

// {"list","version","previous_version","format","generated_at","sha256",
//  "entities","names","documents","unchanged","added","changed","removed",
//  "names_added","names_removed","documents_added","documents_removed"}.
Json ImportSummaryJson(const store::ImportSummary& summary);

// {"mode","subjects","entities","subjects_screened_in_full","hits",
//  "alerts_raised","alerts_closed","seconds"}.
Json RescreenJson(const monitor::RescreenReport& report);

// {"list","from","to","added":[ids],"removed":[ids],"changed":[{"id","fields"}]}.
Json DiffJson(const store::ListDiff& diff);

// {"version","format","source","sha256","generated_at","imported_at",
//  "entities","names","documents","active"}.
Json ListVersionJson(const store::ListVersion& version);

// Version `version` (0 = the active one) of list `list_id` written as
// `format`: "ftm-json" (FollowTheMoney JSON lines), "xml" (the UN
// vocabulary) or "csv". InvalidArgument for an unknown list or format, or
// a version of another list.
Result<std::string> ExportListVersion(store::Store& store, const std::string& list_id,
                                      int64_t version, const std::string& format);

}  // namespace hudud::api
