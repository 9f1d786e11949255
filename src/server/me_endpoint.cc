// GET /v1/me and PUT /v1/me/preferences: the caller's own account as the
// console needs it (who they are, what their role may do, the purposes they
// may give, the language they chose). Any signed-in user; no purpose, and
// nothing recorded: it is the caller's own account data.
#include <optional>
#include <string>

#include "api/output.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/preferences.h"
#include "store/purposes.h"

namespace hudud::server {
namespace {

// {"user", "role", "organisation", "permissions", "purposes", "language"}.
api::Json MeJson(const Service& service, const store::Principal& who,
                 const std::optional<std::string>& language) {
  api::Json permissions = api::Json::array();
  for (store::Permission p : store::PermissionsOf(who.role)) {
    permissions.push_back(std::string(store::ToString(p)));
  }
  api::Json purposes = api::Json::array();
  for (const store::Purpose& p : service.purposes()) {
    if (!store::CheckPurpose(service.purposes(), p.code, who.role).ok()) continue;
    purposes.push_back(api::Json{{"code", p.code}, {"description", p.description}});
  }
  return api::Json{
      {"user", who.user},
      {"role", std::string(store::ToString(who.role))},
      {"organisation", who.partner.empty() ? api::Json(nullptr) : api::Json(who.partner)},
      {"permissions", std::move(permissions)},
      {"purposes", std::move(purposes)},
      {"language", language ? api::Json(*language) : api::Json(nullptr)},
  };
}

void Show(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<store::Principal> who = service.Authenticate(req, res);
  if (!who) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<std::optional<std::string>> language = store::UserLanguage(*db, who->user);
  if (!language.ok()) {
    SendStatusProblem(req, res, language.status());
    return;
  }
  SendJson(res, MeJson(service, *who, *language));
}

// {"language": "ar"|"en"|"ru"|"fr"|null}; an absent field is left as it is.
void SetPreferences(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<store::Principal> who = service.Authenticate(req, res);
  if (!who) return;
  api::Json body;
  if (!ParseOptionalJsonBody(req, res, &body) || !CheckKnownKeys(body, {"language"}, req, res)) {
    return;
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  if (body.contains("language")) {
    const api::Json& l = body["language"];
    if (!l.is_null() && !(l.is_string() && store::IsConsoleLanguage(l.get<std::string>()))) {
      SendProblem(res,
                  MakeProblem("invalid-request", "language must be one of " +
                                                     store::ConsoleLanguageNames() +
                                                     " or null, got " + api::DumpJson(l)),
                  req.path);
      return;
    }
    Status st = store::SetUserLanguage(
        *db, who->user, l.is_null() ? std::nullopt : std::optional(l.get<std::string>()));
    if (!st.ok()) {
      SendStatusProblem(req, res, st);
      return;
    }
  }
  Result<std::optional<std::string>> language = store::UserLanguage(*db, who->user);
  if (!language.ok()) {
    SendStatusProblem(req, res, language.status());
    return;
  }
  SendJson(res, MeJson(service, *who, *language));
}

}  // namespace

void RegisterMe(httplib::Server& http, Service& service) {
  http.Get("/v1/me", [&service](const httplib::Request& req, httplib::Response& res) {
    Show(service, req, res);
  });
  http.Put("/v1/me/preferences", [&service](const httplib::Request& req, httplib::Response& res) {
    SetPreferences(service, req, res);
  });
}

}  // namespace hudud::server
