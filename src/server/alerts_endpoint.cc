// Alerts and cases: GET /v1/alerts (the queue, filtered and paged, with the
// names side by side), GET /v1/alerts/{id} (the subject beside the listed
// entry, the match explanation kept when it was raised, the history),
// POST /v1/alerts/{id}/assign, /comment, /decide, /outcome, /reopen (the
// analyst's triage; an outcome only after a confirmed decision), and GET
// /v1/cases/{reference} (what became of a referral, for whoever screened:
// its state, not the listed file). Alerts are about people: every request
// carries a purpose and is recorded.
#include <string>

#include "api/alerts_json.h"
#include "api/subjects_io.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/cases.h"
#include "store/monitoring.h"

namespace hudud::server {
namespace {

void List(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kAlertsRead, true);
  if (!caller) return;
  static const char* kKnown[] = {"status", "list",    "source",  "assignee",   "decision",
                                 "flight", "case",    "subject", "min_score",  "from",
                                 "to",     "before",  "limit",   "unassigned", "purpose",
                                 "q",      "manifest"};
  for (const auto& [key, value] : req.params) {
    bool known = false;
    for (const char* k : kKnown) known = known || key == k;
    if (!known) {
      SendProblem(res, MakeProblem("invalid-request", "unknown parameter '" + key + "'"), req.path);
      return;
    }
  }
  store::AlertQuery q;
  q.status = req.get_param_value("status");
  if (!q.status.empty() && q.status != "open" && q.status != "closed") {
    SendProblem(res, MakeProblem("invalid-request", "status must be open or closed"), req.path);
    return;
  }
  q.list_id = req.get_param_value("list");
  q.source = req.get_param_value("source");
  q.assignee = req.get_param_value("assignee");
  q.decision = req.get_param_value("decision");
  if (!q.decision.empty() && !store::ParseDecision(q.decision).ok()) {
    SendProblem(res,
                MakeProblem("invalid-request", store::ParseDecision(q.decision).status().message()),
                req.path);
    return;
  }
  q.flight = req.get_param_value("flight");
  q.case_ref = req.get_param_value("case");
  q.subject_id = req.get_param_value("subject");
  q.name = req.get_param_value("q");
  if (q.name.size() > 200) {
    SendProblem(res, MakeProblem("invalid-request", "q is longer than 200 bytes"), req.path);
    return;
  }
  std::optional<int64_t> manifest = IntParam(req, res, "manifest", 0, 1, INT64_MAX);
  if (!manifest) return;
  q.manifest_id = *manifest;
  const std::string unassigned = req.get_param_value("unassigned");
  if (!unassigned.empty() && unassigned != "true" && unassigned != "false") {
    SendProblem(res, MakeProblem("invalid-request", "unassigned must be true or false"), req.path);
    return;
  }
  q.unassigned = unassigned == "true";
  if (req.has_param("min_score")) {
    const std::string s = req.get_param_value("min_score");
    char* end = nullptr;
    q.min_score = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !(q.min_score >= 0 && q.min_score <= 1)) {
      SendProblem(res, MakeProblem("invalid-request", "min_score must be a number in [0, 1]"),
                  req.path);
      return;
    }
  }
  std::optional<std::string> from = DateParam(req, res, "from");
  if (!from) return;
  std::optional<std::string> to = DateParam(req, res, "to");
  if (!to) return;
  q.raised_from = *from;
  q.raised_to = *to;
  std::optional<int64_t> before = IntParam(req, res, "before", 0, 0, INT64_MAX);
  if (!before) return;
  std::optional<int64_t> limit = IntParam(req, res, "limit", 50, 1, 1000);
  if (!limit) return;
  q.before_id = *before;
  q.limit = *limit;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::AlertPage> page = store::Cases(*db).Find(q);
  if (!page.ok()) {
    SendStatusProblem(req, res, page.status());
    return;
  }
  api::Json ids = api::Json::array();
  api::Json alerts = api::Json::array();
  for (const store::Alert& a : page->alerts) {
    ids.push_back(a.id);
    alerts.push_back(api::AlertJson(a));
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "alerts",
              api::Json{{"query", req.params.empty() ? "" : req.target}, {"alerts", ids}}, req,
              res)) {
    return;
  }
  SendJson(res, api::Json{{"alerts", std::move(alerts)},
                          {"total", page->total},
                          {"next", page->next == 0 ? api::Json(nullptr) : api::Json(page->next)}});
}

void Show(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kAlertsRead, true);
  if (!caller) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::Cases cases(*db);
  const int64_t id = PathId(req);
  Result<store::Alert> a = cases.Get(id);
  if (!a.ok()) {
    SendStatusProblem(req, res, a.status());
    return;
  }
  api::Json out = api::AlertJson(*a);
  // A held subject is shown as held now; a traveller as screened then.
  if (a->source == "monitoring") {
    Result<store::Subject> s = store::Monitoring(*db).GetSubject(a->subject_id);
    if (s.ok()) out["subject"] = api::SubjectJson(*s);
  }
  // The match as it was when raised; null on alerts raised before it was kept.
  out["explanation"] = api::AlertExplanationJson(*a);
  Result<std::optional<model::Entity>> entity = cases.ActiveEntity(a->list_id, a->entity_id);
  if (!entity.ok()) {
    SendStatusProblem(req, res, entity.status());
    return;
  }
  out["entity"] = nullptr;
  if (entity->has_value()) {
    out["entity"] = api::FtmEntityJson(**entity);
  }
  Result<std::vector<store::AlertEvent>> events = cases.Events(id);
  if (!events.ok()) {
    SendStatusProblem(req, res, events.status());
    return;
  }
  out["events"] = api::AlertEventsJson(*events);
  if (!Record(service, *caller, store::AuditAction::kConsultation, "alert:" + std::to_string(id),
              api::Json{{"subject", a->subject_id}, {"entity", a->entity_id}}, req, res)) {
    return;
  }
  SendJson(res, out);
}

// The triage actions: each reads a JSON body with known keys, changes the
// alert, records the change and answers the alert as it now is.
enum class Action { kAssign, kComment, kDecide, kOutcome, kReopen };

void Change(Service& service, Action action, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kAlertsDecide, true);
  if (!caller) return;
  api::Json body;
  if (!ParseOptionalJsonBody(req, res, &body)) return;
  const std::string& actor = caller->principal.user;
  const int64_t id = PathId(req);
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::Cases cases(*db);
  Result<store::Alert> result = Status::Internal("no action");
  api::Json detail;
  switch (action) {
    case Action::kAssign: {
      if (!CheckKnownKeys(body, {"assignee"}, req, res)) return;
      // No assignee: the caller takes it; "" or null puts it back in the queue.
      std::string assignee = actor;
      if (body.contains("assignee")) {
        assignee.clear();
        if (!StringField(body, "assignee", false, &assignee, req, res)) return;
      }
      result = cases.Assign(id, assignee, actor);
      detail = {{"action", "assign"}, {"assignee", assignee}};
      break;
    }
    case Action::kComment: {
      if (!CheckKnownKeys(body, {"text"}, req, res)) return;
      std::string text;
      if (!StringField(body, "text", false, &text, req, res)) return;
      Status st = cases.Comment(id, text, actor);
      result = st.ok() ? cases.Get(id) : Result<store::Alert>(st);
      detail = {{"action", "comment"}};
      break;
    }
    case Action::kDecide: {
      if (!CheckKnownKeys(body, {"decision", "justification"}, req, res)) return;
      std::string decision, justification;
      if (!StringField(body, "decision", false, &decision, req, res)) return;
      if (!StringField(body, "justification", false, &justification, req, res)) return;
      Result<store::Decision> d = store::ParseDecision(decision);
      if (!d.ok()) {
        SendProblem(res, MakeProblem("invalid-request", d.status().message()), req.path);
        return;
      }
      result = cases.Decide(id, *d, justification, actor);
      detail = {{"action", "decide"}, {"decision", decision}};
      break;
    }
    case Action::kOutcome: {
      if (!CheckKnownKeys(body, {"outcome", "detail"}, req, res)) return;
      std::string outcome, text;
      if (!StringField(body, "outcome", false, &outcome, req, res)) return;
      if (!StringField(body, "detail", false, &text, req, res)) return;
      Result<store::Outcome> o = store::ParseOutcome(outcome);
      if (!o.ok()) {
        SendProblem(res, MakeProblem("invalid-request", o.status().message()), req.path);
        return;
      }
      Result<store::Alert> current = cases.Get(id);
      if (current.ok() && current->decision != "confirmed") {
        // Not a malformed request: the alert is not (yet) in a state that allows it.
        SendProblem(res,
                    MakeProblem("conflict", "alert " + std::to_string(id) +
                                                " has no confirmed decision: an adverse outcome "
                                                "needs a person's confirmation first"),
                    req.path);
        return;
      }
      result = cases.RecordOutcome(id, *o, text, actor);
      detail = {{"action", "outcome"}, {"outcome", outcome}};
      break;
    }
    case Action::kReopen: {
      if (!CheckKnownKeys(body, {"reason"}, req, res)) return;
      std::string reason;
      if (!StringField(body, "reason", false, &reason, req, res)) return;
      result = cases.Reopen(id, reason, actor);
      detail = {{"action", "reopen"}};
      break;
    }
  }
  if (!result.ok()) {
    SendStatusProblem(req, res, result.status());
    return;
  }
  // A decision may add or remove a remembered false positive.
  if (action == Action::kDecide || action == Action::kReopen) service.ForgetClearedHits();
  if (!Record(service, *caller, store::AuditAction::kChange, "alert:" + std::to_string(id), detail,
              req, res)) {
    return;
  }
  SendJson(res, api::AlertJson(*result));
}

// What became of a referral: enough for the officer who screened to know
// whether it is still under review and how it ended, nothing of the file.
void Case(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kScreen, true);
  if (!caller) return;
  const std::string ref = req.matches[1].str();
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::AlertQuery q;
  q.case_ref = ref;
  q.limit = 0;
  Result<store::AlertPage> page = store::Cases(*db).Find(q);
  if (!page.ok()) {
    SendStatusProblem(req, res, page.status());
    return;
  }
  if (page->alerts.empty()) {
    SendProblem(res, MakeProblem("not-found", "no alert under case " + ref), req.path);
    return;
  }
  int open = 0, confirmed = 0, false_positive = 0, inconclusive = 0, closed_otherwise = 0;
  api::Json outcomes = api::Json::array();
  for (const store::Alert& a : page->alerts) {
    if (a.status == "open") ++open;
    if (a.decision == "confirmed") ++confirmed;
    if (a.decision == "false-positive") ++false_positive;
    if (a.decision == "inconclusive") ++inconclusive;
    if (a.status == "closed" && a.decision.empty()) ++closed_otherwise;
    if (!a.outcome.empty()) outcomes.push_back(a.outcome);
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "case:" + ref, api::Json{}, req,
              res)) {
    return;
  }
  SendJson(res, api::Json{{"case", ref},
                          {"state", open > 0 ? "under-review" : "decided"},
                          {"alerts", page->alerts.size()},
                          {"open", open},
                          {"confirmed", confirmed},
                          {"false_positive", false_positive},
                          {"inconclusive", inconclusive},
                          {"closed_by_delisting", closed_otherwise},
                          {"outcomes", std::move(outcomes)}});
}

}  // namespace

void RegisterAlerts(httplib::Server& http, Service& service) {
  auto change = [&service](Action action) {
    return [&service, action](const httplib::Request& req, httplib::Response& res) {
      Change(service, action, req, res);
    };
  };
  http.Get("/v1/alerts", [&service](const httplib::Request& req, httplib::Response& res) {
    List(service, req, res);
  });
  http.Get(
      R"(/v1/alerts/(\d{1,18}))",
      [&service](const httplib::Request& req, httplib::Response& res) { Show(service, req, res); });
  http.Post(R"(/v1/alerts/(\d{1,18})/assign)", change(Action::kAssign));
  http.Post(R"(/v1/alerts/(\d{1,18})/comment)", change(Action::kComment));
  http.Post(R"(/v1/alerts/(\d{1,18})/decide)", change(Action::kDecide));
  http.Post(R"(/v1/alerts/(\d{1,18})/outcome)", change(Action::kOutcome));
  http.Post(R"(/v1/alerts/(\d{1,18})/reopen)", change(Action::kReopen));
  http.Get(
      R"(/v1/cases/(HUD-\d{1,18}))",
      [&service](const httplib::Request& req, httplib::Response& res) { Case(service, req, res); });
}

}  // namespace hudud::server
