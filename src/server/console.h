// The web console's files served by `hudud serve` at "/" (console.cc): the
// output of the console's Vite build, a directory holding index.html and
// assets/. These are not API routes: they are not in Routes() nor in the
// API document, need no credentials (the console signs in through the API),
// and the request metrics count them as "other".
//
// What is answered, to GET and HEAD:
//   - a file of the build, read when asked for (a rebuild needs no restart):
//     under /assets/ (names carry a content hash) with "Cache-Control:
//     public, max-age=31536000, immutable", anything else with "no-cache";
//   - index.html with "no-cache" for "/" and for every other path without a
//     file extension that is not the API's (/v1/, /match/, /healthz,
//     /readyz, /metrics), so a reload of /alerts/12 opens the console there;
//   - 404 problem+json for a missing file with an extension or under
//     /assets/, and for every path when the console is not built (saying
//     how to build it); 400 for a path with a ".." segment or a control
//     character, and nothing outside the directory is ever read (symbolic
//     links included).
// The API's paths never reach these handlers: an unknown /v1/ path still
// answers a JSON problem. Every console answer carries a Content-Security-
// Policy ('self' only, no framing), X-Content-Type-Options: nosniff and
// Referrer-Policy: no-referrer.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

namespace hudud::server {

// How to build the console, for messages.
inline constexpr std::string_view kConsoleBuildCommand =
    "npm --prefix web install && npm --prefix web run build";

// Where the console is when `hudud serve` is not told (--web): $HUDUD_WEB
// when set; else <the running executable's directory>/../web/dist when it
// holds index.html (build/hudud and the console's web/dist in a checkout);
// else /usr/share/hudud/web when it holds index.html; else "" (none).
std::string DefaultWebRoot();

// Whether `web_root` holds a build (its index.html).
bool ConsoleBuilt(const std::string& web_root);

// Serves the console in `web_root` ("" = not built) as described above.
// Register it after the API's routes.
void RegisterConsole(httplib::Server& http, const std::string& web_root);

}  // namespace hudud::server
