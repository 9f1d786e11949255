// The CLI's names for the shared rendering of queries, hits and
// explanations (api/output.h): the CLI and the HTTP API print the same shapes.
#pragma once

#include "api/output.h"
#include "cli/json.h"

namespace hudud::cli {

using api::AppendExplanationText;
using api::AppendHitText;
using api::DescribeQuery;
using api::DumpJson;
using api::ExplanationJson;
using api::FormatScore;
using api::FormatThreshold;
using api::HitJson;
using api::QueryJson;
using api::RoundScore;

}  // namespace hudud::cli
