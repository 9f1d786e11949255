// POST /v1/transliterate {"names": [...]}: the Latin form the console shows
// beside each name written in another script (text/display_latin.h). Any
// signed-in user; nothing is stored, looked up or recorded: the names come
// from screens the caller already reads.
#include "api/output.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "text/display_latin.h"

namespace hudud::server {
namespace {

constexpr size_t kMaxNames = 500;
constexpr size_t kMaxNameBytes = 1000;

void Transliterate(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.Authenticate(req, res)) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  if (!CheckKnownKeys(body, {"names"}, req, res)) return;
  const auto names = body.find("names");
  if (names == body.end() || !names->is_array()) {
    SendProblem(res, MakeProblem("invalid-request", "names must be an array of strings"), req.path);
    return;
  }
  if (names->size() > kMaxNames) {
    SendProblem(res,
                MakeProblem("invalid-request", "at most " + std::to_string(kMaxNames) +
                                                   " names, got " + std::to_string(names->size())),
                req.path);
    return;
  }
  api::Json latin = api::Json::array();
  for (size_t i = 0; i < names->size(); ++i) {
    const api::Json& name = (*names)[i];
    if (!name.is_string() || name.get_ref<const std::string&>().size() > kMaxNameBytes) {
      SendProblem(res,
                  MakeProblem("invalid-request", "names[" + std::to_string(i) +
                                                     "] must be a string of at most " +
                                                     std::to_string(kMaxNameBytes) + " bytes"),
                  req.path);
      return;
    }
    latin.push_back(text::DisplayLatin(name.get_ref<const std::string&>()));
  }
  SendJson(res, api::Json{{"latin", std::move(latin)}});
}

}  // namespace

void RegisterTransliterate(httplib::Server& http, Service& service) {
  http.Post("/v1/transliterate", [&service](const httplib::Request& req, httplib::Response& res) {
    Transliterate(service, req, res);
  });
}

}  // namespace hudud::server
