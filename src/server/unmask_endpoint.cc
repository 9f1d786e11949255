// Four-eyes unmasking over HTTP (store/unmask.h) and the notifications of
// the caller's role (store/notifications.h): an analyst asks, the
// data-protection officer (auditor) approves or rejects, the analyst reads
// the original while the approval lasts and for the purpose approved. The
// store records each step in the audit trail and notifies the DPO's role.
#include <string>

#include "api/output.h"
#include "api/retention_json.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "server/retention.h"
#include "store/access.h"
#include "store/notifications.h"
#include "store/unmask.h"

namespace hudud::server {
namespace {

// Listing and showing: the DPO sees every request, an analyst their own.
std::optional<Caller> AdmitReader(Service& service, const httplib::Request& req,
                                  httplib::Response& res) {
  Result<store::Principal> who = service.Identify(req);
  const store::Permission p =
      who.ok() && store::Allows(who->role, store::Permission::kUnmaskApprove)
          ? store::Permission::kUnmaskApprove
          : store::Permission::kUnmaskRequest;
  return service.Admit(req, res, p, true);
}

bool SeesAll(const Caller& c) {
  return store::Allows(c.principal.role, store::Permission::kUnmaskApprove);
}

void Create(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kUnmaskRequest, true);
  if (!caller) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  if (!CheckKnownKeys(body, {"object", "reason"}, req, res)) return;
  for (const char* key : {"object", "reason"}) {
    if (!body.contains(key) || !body[key].is_string()) {
      SendProblem(res,
                  MakeProblem("invalid-request",
                              std::string("\"") + key +
                                  "\" is required: {\"object\": \"manifest:<id>\"|\"alert:<id>\"|"
                                  "\"audit:<seq>\", \"reason\": \"...\"}"),
                  req.path);
      return;
    }
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::UnmaskRequest> r = store::RequestUnmask(*db, body["object"].get<std::string>(),
                                                        body["reason"].get<std::string>(),
                                                        caller->purpose, caller->principal.user);
  if (!r.ok()) {
    if (r.status().message().find("is not depersonalised") != std::string::npos) {
      SendProblem(res, MakeProblem("conflict", r.status().message()), req.path);
    } else {
      SendStatusProblem(req, res, r.status());
    }
    return;
  }
  SendJson(res, api::UnmaskRequestJson(*r), 201);
}

void List(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = AdmitReader(service, req, res);
  if (!caller) return;
  store::UnmaskFilter f;
  f.state = req.get_param_value("state");
  f.object = req.get_param_value("object");
  f.requested_by = SeesAll(*caller) ? req.get_param_value("requested_by") : caller->principal.user;
  std::optional<int64_t> limit = IntParam(req, res, "limit", 100, 1, 1000);
  if (!limit) return;
  f.limit = *limit;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<std::vector<store::UnmaskRequest>> rs = store::ListUnmaskRequests(*db, f);
  if (!rs.ok()) {
    SendStatusProblem(req, res, rs.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "unmask-requests",
              api::Json{{"state", f.state},
                        {"object", f.object},
                        {"requested_by", f.requested_by},
                        {"records", rs->size()}},
              req, res)) {
    return;
  }
  api::Json arr = api::Json::array();
  for (const auto& r : *rs) arr.push_back(api::UnmaskRequestJson(r));
  SendJson(res, api::Json{{"requests", std::move(arr)}});
}

void Show(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = AdmitReader(service, req, res);
  if (!caller) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::UnmaskRequest> r = store::GetUnmaskRequest(*db, PathId(req));
  if (!r.ok()) {
    SendStatusProblem(req, res, r.status());
    return;
  }
  if (!SeesAll(*caller) && r->requested_by != caller->principal.user) {
    SendProblem(res,
                MakeProblem("forbidden",
                            "unmasking request " + std::to_string(r->id) + " is another user's"),
                req.path);
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation,
              "unmask-request:" + std::to_string(r->id), api::Json::object(), req, res)) {
    return;
  }
  SendJson(res, api::UnmaskRequestJson(*r));
}

void Decide(Service& service, const httplib::Request& req, httplib::Response& res, bool approve) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kUnmaskApprove, true);
  if (!caller) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  if (!CheckKnownKeys(body,
                      approve ? std::initializer_list<std::string_view>{"note", "valid_for_seconds"}
                              : std::initializer_list<std::string_view>{"note"},
                      req, res)) {
    return;
  }
  if (!body.contains("note") || !body["note"].is_string()) {
    SendProblem(res, MakeProblem("invalid-request", "\"note\" is required: why you decided so"),
                req.path);
    return;
  }
  std::chrono::seconds validity = store::kUnmaskValidity;
  if (body.contains("valid_for_seconds")) {
    if (!body["valid_for_seconds"].is_number_integer()) {
      SendProblem(res, MakeProblem("invalid-request", "\"valid_for_seconds\" must be an integer"),
                  req.path);
      return;
    }
    validity = std::chrono::seconds(body["valid_for_seconds"].get<int64_t>());
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::UnmaskRequest> r = store::DecideUnmask(
      *db, PathId(req), approve, body["note"].get<std::string>(), caller->principal.user, validity);
  if (!r.ok()) {
    SendStatusProblem(req, res, r.status());
    return;
  }
  SendJson(res, api::UnmaskRequestJson(*r));
}

void Data(Service& service, RetentionService& retention, const httplib::Request& req,
          httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kUnmaskRequest, true);
  if (!caller) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::UnmaskRequest> r = store::GetUnmaskRequest(*db, PathId(req));
  if (!r.ok()) {
    SendStatusProblem(req, res, r.status());
    return;
  }
  // Purpose limitation: the original serves the purpose it was approved for.
  if (r->requested_by == caller->principal.user && r->purpose != caller->purpose) {
    SendProblem(res,
                MakeProblem("forbidden", "unmasking request " + std::to_string(r->id) +
                                             " was approved for the purpose " + r->purpose +
                                             ", not " + caller->purpose),
                req.path);
    return;
  }
  Result<store::Vault> vault = retention.LoadVault();
  if (!vault.ok()) {
    SendProblem(res, MakeProblem("unavailable", "the vault key cannot be read"), req.path);
    return;
  }
  Result<store::UnmaskedData> d = store::ReadUnmasked(*db, *vault, r->id, caller->principal.user);
  if (!d.ok()) {
    // Not the requester, not approved, expired: refusals, not mistakes.
    if (d.status().code() == Status::Code::kInvalidArgument) {
      SendProblem(res, MakeProblem("forbidden", d.status().message()), req.path);
    } else {
      SendStatusProblem(req, res, d.status());
    }
    return;
  }
  SendJson(res, api::UnmaskedDataJson(*d));
}

void Notifications(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<store::Principal> who = service.Authenticate(req, res);
  if (!who) return;
  store::NotificationFilter f;
  f.role = std::string(store::ToString(who->role));
  const std::string unread = req.get_param_value("unread");
  if (!unread.empty() && unread != "true" && unread != "false") {
    SendProblem(res, MakeProblem("invalid-request", "unread must be true or false"), req.path);
    return;
  }
  f.unread_only = unread == "true";
  std::optional<int64_t> after = IntParam(req, res, "after", 0, 0, INT64_MAX);
  if (!after) return;
  std::optional<int64_t> limit = IntParam(req, res, "limit", 100, 1, 1000);
  if (!limit) return;
  f.after_id = *after;
  f.limit = *limit;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<std::vector<store::Notification>> ns = store::ListNotifications(*db, f);
  if (!ns.ok()) {
    SendStatusProblem(req, res, ns.status());
    return;
  }
  api::Json arr = api::Json::array();
  for (const auto& n : *ns) arr.push_back(api::NotificationJson(n));
  SendJson(res, api::Json{{"role", f.role}, {"notifications", std::move(arr)}});
}

void MarkRead(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<store::Principal> who = service.Authenticate(req, res);
  if (!who) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::Notification> n = store::MarkNotificationRead(
      *db, PathId(req), std::string(store::ToString(who->role)), who->user);
  if (!n.ok()) {
    SendStatusProblem(req, res, n.status());
    return;
  }
  SendJson(res, api::NotificationJson(*n));
}

}  // namespace

void RegisterUnmask(httplib::Server& http, Service& service, RetentionService& retention) {
  http.Post("/v1/unmask-requests", [&service](const httplib::Request& req, httplib::Response& res) {
    Create(service, req, res);
  });
  http.Get("/v1/unmask-requests", [&service](const httplib::Request& req, httplib::Response& res) {
    List(service, req, res);
  });
  http.Get(
      R"(/v1/unmask-requests/(\d{1,18}))",
      [&service](const httplib::Request& req, httplib::Response& res) { Show(service, req, res); });
  http.Post(R"(/v1/unmask-requests/(\d{1,18})/approve)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              Decide(service, req, res, true);
            });
  http.Post(R"(/v1/unmask-requests/(\d{1,18})/reject)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              Decide(service, req, res, false);
            });
  http.Get(R"(/v1/unmask-requests/(\d{1,18})/data)",
           [&service, &retention](const httplib::Request& req, httplib::Response& res) {
             Data(service, retention, req, res);
           });
  http.Get("/v1/notifications", [&service](const httplib::Request& req, httplib::Response& res) {
    Notifications(service, req, res);
  });
  http.Post(R"(/v1/notifications/(\d{1,18})/read)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              MarkRead(service, req, res);
            });
}

}  // namespace hudud::server
