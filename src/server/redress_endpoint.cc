// Redress: POST /v1/redress (record a person's request), GET /v1/redress
// (?state=, ?limit=), GET /v1/redress/{reference} (with its history), POST
// /v1/redress/{reference}/review and /resolve (cleared, upheld, rejected;
// cleared makes the alerts it names false positives). The data-protection
// officer's work: personal data, so a purpose and a record every time.
#include <string>
#include <vector>

#include "api/alerts_json.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/redress.h"

namespace hudud::server {
namespace {

void File(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kRedressHandle, true);
  if (!caller) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  if (!CheckKnownKeys(body, {"requester", "contact", "description", "alerts"}, req, res)) return;
  std::string requester, contact, description;
  if (!StringField(body, "requester", true, &requester, req, res)) return;
  if (!StringField(body, "contact", false, &contact, req, res)) return;
  if (!StringField(body, "description", true, &description, req, res)) return;
  std::vector<int64_t> alerts;
  if (body.contains("alerts")) {
    if (!body["alerts"].is_array()) {
      SendProblem(res, MakeProblem("invalid-request", "\"alerts\" must be an array of alert ids"),
                  req.path);
      return;
    }
    for (const auto& a : body["alerts"]) {
      if (!a.is_number_integer() || a.get<int64_t>() <= 0) {
        SendProblem(res, MakeProblem("invalid-request", "\"alerts\" must hold positive integers"),
                    req.path);
        return;
      }
      alerts.push_back(a.get<int64_t>());
    }
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::RedressRequest> r =
      store::Redress(*db).File(requester, contact, description, alerts, caller->principal.user);
  if (!r.ok()) {
    SendStatusProblem(req, res, r.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kCollection, "redress:" + r->reference,
              api::Json{{"alerts", alerts}}, req, res)) {
    return;
  }
  SendJson(res, api::RedressJson(*r), 201);
}

void List(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kRedressHandle, true);
  if (!caller) return;
  const std::string state = req.get_param_value("state");
  static const char* kStates[] = {"", "received", "under-review", "cleared", "upheld", "rejected"};
  bool known = false;
  for (const char* s : kStates) known = known || state == s;
  if (!known) {
    SendProblem(res,
                MakeProblem("invalid-request",
                            "state must be received, under-review, cleared, upheld or rejected"),
                req.path);
    return;
  }
  std::optional<int64_t> limit = IntParam(req, res, "limit", 100, 1, 1000);
  if (!limit) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<std::vector<store::RedressRequest>> all = store::Redress(*db).List(state, *limit);
  if (!all.ok()) {
    SendStatusProblem(req, res, all.status());
    return;
  }
  api::Json out = api::Json::array();
  api::Json refs = api::Json::array();
  for (const auto& r : *all) {
    out.push_back(api::RedressJson(r));
    refs.push_back(r.reference);
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "redress",
              api::Json{{"requests", refs}}, req, res)) {
    return;
  }
  SendJson(res, api::Json{{"requests", std::move(out)}});
}

void Show(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kRedressHandle, true);
  if (!caller) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::Redress redress(*db);
  Result<store::RedressRequest> r = redress.Get(req.matches[1].str());
  if (!r.ok()) {
    SendStatusProblem(req, res, r.status());
    return;
  }
  Result<std::vector<store::RedressEvent>> events = redress.Events(r->id);
  if (!events.ok()) {
    SendStatusProblem(req, res, events.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "redress:" + r->reference,
              api::Json::object(), req, res)) {
    return;
  }
  api::Json out = api::RedressJson(*r);
  out["events"] = api::RedressEventsJson(*events);
  SendJson(res, out);
}

void Step(Service& service, bool resolve, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kRedressHandle, true);
  if (!caller) return;
  api::Json body;
  if (!ParseOptionalJsonBody(req, res, &body)) return;
  std::string state, text;
  if (resolve) {
    if (!CheckKnownKeys(body, {"state", "outcome"}, req, res)) return;
    if (!StringField(body, "state", true, &state, req, res)) return;
    if (!StringField(body, "outcome", true, &text, req, res)) return;
  } else {
    if (!CheckKnownKeys(body, {"note"}, req, res)) return;
    if (!StringField(body, "note", false, &text, req, res)) return;
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::Redress redress(*db);
  Result<store::RedressRequest> r = redress.Get(req.matches[1].str());
  if (r.ok()) {
    r = resolve ? redress.Resolve(r->id, state, text, caller->principal.user)
                : redress.Review(r->id, text, caller->principal.user);
  }
  if (!r.ok()) {
    SendStatusProblem(req, res, r.status());
    return;
  }
  if (resolve && state == "cleared") service.ForgetClearedHits();
  if (!Record(service, *caller, store::AuditAction::kChange, "redress:" + r->reference,
              api::Json{{"state", r->state}, {"alerts", r->alert_ids}}, req, res)) {
    return;
  }
  SendJson(res, api::RedressJson(*r));
}

}  // namespace

void RegisterRedress(httplib::Server& http, Service& service) {
  http.Post("/v1/redress", [&service](const httplib::Request& req, httplib::Response& res) {
    File(service, req, res);
  });
  http.Get("/v1/redress", [&service](const httplib::Request& req, httplib::Response& res) {
    List(service, req, res);
  });
  http.Get(
      R"(/v1/redress/((?:RDR-)?\d{1,18}))",
      [&service](const httplib::Request& req, httplib::Response& res) { Show(service, req, res); });
  http.Post(R"(/v1/redress/((?:RDR-)?\d{1,18})/review)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              Step(service, false, req, res);
            });
  http.Post(R"(/v1/redress/((?:RDR-)?\d{1,18})/resolve)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              Step(service, true, req, res);
            });
}

}  // namespace hudud::server
