// Disclosure to partners: POST /v1/alerts/{id}/share (an analyst gives a
// confirmed match's view to a partner organisation, with a reason), POST
// /v1/shares/{id}/revoke, GET /v1/alerts/{id}/shares (what was given to
// whom), and GET /v1/shared: a partner sees only what was disclosed to its
// own organisation, never our alerts, lists or screening. Each disclosure
// is recorded as such in the audit trail.
#include <string>

#include "api/alerts_json.h"
#include "api/output.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/cases.h"
#include "store/shares.h"

namespace hudud::server {
namespace {

// What a partner gets of an alert: the person as screened, the entry, the
// decision and when; not our notes, assignees or history.
api::Json DisclosedView(const store::Alert& a) {
  api::Json subject = api::Json::parse(a.subject_json, nullptr, /*allow_exceptions=*/false);
  if (subject.is_discarded()) subject = nullptr;
  return api::Json{
      {"case", a.case_ref},
      {"subject", std::move(subject)},
      {"subject_id", a.source == "monitoring" ? api::Json(a.subject_id) : api::Json(nullptr)},
      {"list", a.list_id},
      {"entity_id", a.entity_id},
      {"decision", a.decision},
      {"decided_at", a.decided_at},
      {"flight", a.flight}};
}

void Share(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kShare, true);
  if (!caller) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  if (!CheckKnownKeys(body, {"partner", "reason"}, req, res)) return;
  std::string partner, reason;
  if (!StringField(body, "partner", true, &partner, req, res)) return;
  if (!StringField(body, "reason", true, &reason, req, res)) return;
  const int64_t id = PathId(req);
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::Alert> alert = store::Cases(*db).Get(id);
  if (!alert.ok()) {
    SendStatusProblem(req, res, alert.status());
    return;
  }
  Result<store::Share> s = store::Shares(*db).Disclose(
      id, partner, api::DumpJson(DisclosedView(*alert)), reason, caller->principal.user);
  if (!s.ok()) {
    SendStatusProblem(req, res, s.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kDisclosure, "alert:" + std::to_string(id),
              api::Json{{"partner", partner}, {"share", s->id}}, req, res)) {
    return;
  }
  SendJson(res, api::ShareJson(*s), 201);
}

void OfAlert(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kShare, true);
  if (!caller) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  const int64_t id = PathId(req);
  Result<store::Alert> alert = store::Cases(*db).Get(id);
  if (!alert.ok()) {
    SendStatusProblem(req, res, alert.status());
    return;
  }
  Result<std::vector<store::Share>> all = store::Shares(*db).OfAlert(id);
  if (!all.ok()) {
    SendStatusProblem(req, res, all.status());
    return;
  }
  api::Json out = api::Json::array();
  for (const auto& s : *all) out.push_back(api::ShareJson(s));
  if (!Record(service, *caller, store::AuditAction::kConsultation,
              "alert:" + std::to_string(id) + "/shares", api::Json::object(), req, res)) {
    return;
  }
  SendJson(res, api::Json{{"shares", std::move(out)}});
}

void Revoke(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kShare, true);
  if (!caller) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::Share> s = store::Shares(*db).Revoke(PathId(req), caller->principal.user);
  if (!s.ok()) {
    SendStatusProblem(req, res, s.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kChange, "share:" + std::to_string(s->id),
              api::Json{{"revoked", true}, {"partner", s->partner}}, req, res)) {
    return;
  }
  SendJson(res, api::ShareJson(*s));
}

void Shared(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kSharedRead, true);
  if (!caller) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<std::vector<store::Share>> all = store::Shares(*db).ForPartner(caller->principal.partner);
  if (!all.ok()) {
    SendStatusProblem(req, res, all.status());
    return;
  }
  api::Json out = api::Json::array();
  api::Json ids = api::Json::array();
  for (const auto& s : *all) {
    // The partner sees the disclosure, not who on our side made it.
    api::Json j = api::ShareJson(s);
    j.erase("shared_by");
    out.push_back(std::move(j));
    ids.push_back(s.id);
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation,
              "shared:" + caller->principal.partner, api::Json{{"shares", ids}}, req, res)) {
    return;
  }
  SendJson(res, api::Json{{"shared", std::move(out)}});
}

}  // namespace

void RegisterShares(httplib::Server& http, Service& service) {
  http.Post(R"(/v1/alerts/(\d{1,18})/share)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              Share(service, req, res);
            });
  http.Get(R"(/v1/alerts/(\d{1,18})/shares)",
           [&service](const httplib::Request& req, httplib::Response& res) {
             OfAlert(service, req, res);
           });
  http.Post(R"(/v1/shares/(\d{1,18})/revoke)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              Revoke(service, req, res);
            });
  http.Get("/v1/shared", [&service](const httplib::Request& req, httplib::Response& res) {
    Shared(service, req, res);
  });
}

}  // namespace hudud::server
