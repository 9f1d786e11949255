// The JSON type of the CLI and the HTTP API: nlohmann's ordered_json, so output objects keep
// the key order they are built in ("entity_id" first, "explanation" last)
// and read the way the documentation shows them.
#pragma once

#include <nlohmann/json.hpp>

namespace hudud::api {

using Json = nlohmann::ordered_json;

}  // namespace hudud::api
