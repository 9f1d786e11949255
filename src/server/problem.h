// Errors of the HTTP API as RFC 9457 problem details
// (application/problem+json), each with a stable type a client can switch
// on: "/v1/problems/<code>".
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

#include "api/json.h"
#include "base/status.h"

namespace hudud::server {

struct Problem {
  int status = 500;
  std::string code;    // "unauthenticated", "purpose-required", "invalid-json" ...
  std::string title;   // the same for every problem of this code
  std::string detail;  // this occurrence
};

// The problem of a well-known code with its status and title (see
// problem.cc for the table); `detail` says what happened this time.
Problem MakeProblem(std::string_view code, std::string detail);

// {"type":"/v1/problems/<code>","title","status","detail","instance"}.
api::Json ProblemJson(const Problem& problem, std::string_view instance);

// Writes `problem` as the response.
void SendProblem(httplib::Response& response, const Problem& problem, std::string_view instance);

// The codes and titles, for the OpenAPI document and tests.
struct ProblemType {
  std::string_view code;
  int status;
  std::string_view title;
};
const std::vector<ProblemType>& ProblemTypes();

}  // namespace hudud::server
