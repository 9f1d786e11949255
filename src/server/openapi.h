// The OpenAPI 3.1 document of the HTTP API. Kept in the repository as
// docs/openapi.json and compiled in, so the served document is the one
// reviewed with the code.
#pragma once

#include <string_view>

namespace hudud::server {

std::string_view OpenApiDocument();

}  // namespace hudud::server
