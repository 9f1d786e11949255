// The CLI's names for the shared query validation (api/query_input.h): a
// query means the same from flags, batch lines and HTTP bodies.
#pragma once

#include "api/query_input.h"
#include "cli/json.h"

namespace hudud::cli {

using api::BuildQuery;
using api::FieldNaming;
using api::ParseQueryLine;
using api::QueryFields;
using api::QueryLine;
using api::ValidateLimit;
using api::ValidateThreshold;

}  // namespace hudud::cli
