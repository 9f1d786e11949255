// The problem types of the HTTP API (server/problem.h).
#include "server/problem.h"

#include "api/output.h"

namespace hudud::server {

const std::vector<ProblemType>& ProblemTypes() {
  static const std::vector<ProblemType> kTypes = {
      {"invalid-json", 400, "The body is not valid JSON"},
      {"invalid-request", 400, "The request is not valid"},
      {"invalid-query", 400, "The screening query is not valid"},
      {"purpose-required", 400, "A purpose is required"},
      {"unknown-purpose", 400, "The purpose is not one of the configured purposes"},
      {"unauthenticated", 401, "Authentication is required"},
      {"forbidden", 403, "Your role does not allow this"},
      {"four-eyes", 403, "Another user must do this (four eyes)"},
      {"not-found", 404, "No such resource"},
      {"method-not-allowed", 405, "Method not allowed"},
      {"conflict", 409, "The request conflicts with the current state"},
      {"length-required", 411, "A body must be sent with its Content-Length"},
      {"body-too-large", 413, "The body is too large"},
      {"batch-too-large", 413, "Too many queries in one batch"},
      {"unsupported-media-type", 415, "The body's media type is not accepted here"},
      {"too-many-attempts", 429, "Too many failed sign-ins; try again later"},
      {"internal", 500, "Internal error"},
      {"unavailable", 503, "The service is not ready"},
  };
  return kTypes;
}

Problem MakeProblem(std::string_view code, std::string detail) {
  for (const ProblemType& t : ProblemTypes()) {
    if (t.code == code)
      return Problem{t.status, std::string(t.code), std::string(t.title), std::move(detail)};
  }
  return Problem{500, "internal", "Internal error", std::move(detail)};
}

api::Json ProblemJson(const Problem& p, std::string_view instance) {
  api::Json j = api::Json::object();
  j["type"] = "/v1/problems/" + p.code;
  j["title"] = p.title;
  j["status"] = p.status;
  j["detail"] = p.detail;
  j["instance"] = std::string(instance);
  return j;
}

void SendProblem(httplib::Response& response, const Problem& problem, std::string_view instance) {
  response.status = problem.status;
  response.set_content(api::DumpJson(ProblemJson(problem, instance)) + "\n",
                       "application/problem+json");
}

}  // namespace hudud::server
