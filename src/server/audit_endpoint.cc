// GET /v1/audit (the trail, filtered) and GET /v1/audit/verify (the chain
// checked): for the auditor / data-protection officer. Reading the trail is
// itself recorded, since the trail holds who looked up whom.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "api/output.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/audit.h"

namespace hudud::server {
namespace {

api::Json RecordJson(const store::AuditRecord& r) {
  return api::Json{
      {"seq", r.seq},         {"at", r.at},
      {"actor", r.actor},     {"role", r.role},
      {"purpose", r.purpose}, {"action", std::string(store::AuditActionName(r.action))},
      {"object", r.object},   {"detail", r.detail},
      {"hash", r.hash},       {"masked", r.masked_by != 0}};
}

void List(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kAuditRead, true);
  if (!caller) return;
  store::AuditFilter f;
  f.actor = req.get_param_value("actor");
  f.object_prefix = req.get_param_value("object");
  f.purpose = req.get_param_value("for_purpose");
  f.from = req.get_param_value("from");
  f.to = req.get_param_value("to");
  if (req.has_param("action")) {
    f.action = store::ParseAuditAction(req.get_param_value("action"));
    if (!f.action) {
      SendProblem(
          res,
          MakeProblem("invalid-request", "action must be one of: " + store::AuditActionNames()),
          req.path);
      return;
    }
  }
  std::optional<int64_t> after = IntParam(req, res, "after", 0, 0, INT64_MAX);
  if (!after) return;
  std::optional<int64_t> before = IntParam(req, res, "before", 0, 0, INT64_MAX);
  if (!before) return;
  std::optional<int64_t> limit = IntParam(req, res, "limit", 100, 0, INT64_MAX);
  if (!limit) return;
  f.after_seq = *after;
  // Newest first: a page's last seq is where the next, older page begins.
  f.before_seq = *before;
  f.limit = *limit == 0 ? 100 : std::min<int64_t>(*limit, 10000);
  Result<std::unique_ptr<store::Store>> db = service.OpenStore();
  if (!db.ok()) {
    SendProblem(res, MakeProblem("unavailable", db.status().message()), req.path);
    return;
  }
  Result<std::vector<store::AuditRecord>> records = store::ReadAudit(**db, f);
  if (!records.ok()) {
    const bool user_error = records.status().code() == Status::Code::kInvalidArgument;
    SendProblem(
        res, MakeProblem(user_error ? "invalid-request" : "internal", records.status().message()),
        req.path);
    return;
  }
  Result<int64_t> seq =
      service.Audit(*caller, store::AuditAction::kConsultation, std::string(store::kAuditLogObject),
                    api::DumpJson(api::Json{{"query", req.params.empty() ? "" : req.target},
                                            {"records", records->size()}}));
  if (!seq.ok()) {
    SendProblem(res, MakeProblem("internal", "the access could not be recorded"), req.path);
    return;
  }
  api::Json out = api::Json::array();
  for (const auto& r : *records) out.push_back(RecordJson(r));
  res.set_content(api::DumpJson(api::Json{{"records", std::move(out)}}) + "\n", "application/json");
}

void Verify(Service& service, const httplib::Request& req, httplib::Response& res) {
  // The verdict holds no personal data: no purpose needed.
  if (!service.Admit(req, res, store::Permission::kAuditRead, false)) return;
  Result<std::unique_ptr<store::Store>> db = service.OpenStore();
  if (!db.ok()) {
    SendProblem(res, MakeProblem("unavailable", db.status().message()), req.path);
    return;
  }
  Result<store::AuditVerification> v = store::VerifyAudit(**db);
  if (!v.ok()) {
    SendProblem(res, MakeProblem("internal", v.status().message()), req.path);
    return;
  }
  res.set_content(api::DumpJson(api::Json{{"ok", v->ok},
                                          {"records", v->records},
                                          {"first_seq", v->first_seq},
                                          {"last_seq", v->last_seq},
                                          {"first_bad_seq", v->first_bad_seq},
                                          {"problem", v->problem},
                                          {"signatures", v->signatures},
                                          {"signed_through", v->signed_through},
                                          {"pruned_through", v->pruned_through},
                                          {"masked", v->masked}}) +
                      "\n",
                  "application/json");
}

}  // namespace

void RegisterAudit(httplib::Server& http, Service& service) {
  http.Get("/v1/audit", [&service](const httplib::Request& req, httplib::Response& res) {
    List(service, req, res);
  });
  http.Get("/v1/audit/verify", [&service](const httplib::Request& req, httplib::Response& res) {
    Verify(service, req, res);
  });
}

}  // namespace hudud::server
