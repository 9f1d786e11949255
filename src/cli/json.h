// The CLI's name for the JSON type of the shared API contract (api/json.h).
#pragma once

#include "api/json.h"

namespace hudud::cli {

using api::Json;

}  // namespace hudud::cli
