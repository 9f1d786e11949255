// Targeting rules, as `hudud rules` keeps them: GET /v1/rules (the active
// ones; ?all=true every version), GET /v1/rules/fields, GET
// /v1/rules/{name} (versions and history), POST /v1/rules (a new draft
// version), POST /v1/rules/{name}/test (against the flights kept: personal
// data, so a purpose and a record), POST /v1/rules/{name}/activate and
// /retire (four eyes: never the version one wrote). Rules name no person:
// reading and changing them needs no purpose, but every change is recorded.
#include <string>
#include <vector>

#include "api/rules_json.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/rules.h"
#include "travel/rules.h"

namespace hudud::server {
namespace {

std::string PathName(const httplib::Request& req) {
  return req.matches.size() > 1 ? req.matches[1].str() : "";
}

void List(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.Admit(req, res, store::Permission::kRulesWrite, false)) return;
  const std::string all = req.get_param_value("all");
  if (!all.empty() && all != "true" && all != "false") {
    SendProblem(res, MakeProblem("invalid-request", "all must be true or false"), req.path);
    return;
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::RuleBook book(*db);
  Result<std::vector<store::RuleVersion>> vs = all == "true" ? book.Versions("") : book.Active();
  if (!vs.ok()) {
    SendStatusProblem(req, res, vs.status());
    return;
  }
  api::Json out = api::Json::array();
  for (const auto& v : *vs) out.push_back(api::RuleVersionJson(v));
  SendJson(res, api::Json{{"rules", std::move(out)}});
}

void Fields(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.Admit(req, res, store::Permission::kRulesWrite, false)) return;
  SendJson(res, api::Json{{"fields", api::RuleFieldsJson()}});
}

void Show(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.Admit(req, res, store::Permission::kRulesWrite, false)) return;
  const std::string name = PathName(req);
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::RuleBook book(*db);
  Result<std::vector<store::RuleVersion>> vs = book.Versions(name);
  if (!vs.ok()) {
    SendStatusProblem(req, res, vs.status());
    return;
  }
  if (vs->empty()) {
    SendProblem(res, MakeProblem("not-found", "no rule '" + name + "'"), req.path);
    return;
  }
  Result<std::vector<store::RuleEvent>> events = book.Events(name);
  if (!events.ok()) {
    SendStatusProblem(req, res, events.status());
    return;
  }
  SendJson(res, api::RuleHistoryJson(name, *vs, *events));
}

// body["version"]: a positive integer, or 0 (the latest) when absent.
bool VersionOf(const api::Json& body, int* version, const httplib::Request& req,
               httplib::Response& res) {
  *version = 0;
  if (!body.contains("version") || body["version"].is_null()) return true;
  const api::Json& v = body["version"];
  if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > 1000000) {
    SendProblem(res, MakeProblem("invalid-request", "\"version\" must be a positive integer"),
                req.path);
    return false;
  }
  *version = v.get<int>();
  return true;
}

void Save(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kRulesWrite, false);
  if (!caller) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body) ||
      !CheckKnownKeys(body, {"name", "expression", "justification", "owner"}, req, res)) {
    return;
  }
  std::string name, expression, justification, owner;
  if (!StringField(body, "name", true, &name, req, res) ||
      !StringField(body, "expression", true, &expression, req, res) ||
      !StringField(body, "justification", true, &justification, req, res) ||
      !StringField(body, "owner", true, &owner, req, res)) {
    return;
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::RuleBook book(*db);
  Result<store::RuleVersion> v =
      book.Save(name, expression, justification, owner, caller->principal.user);
  if (!v.ok()) {
    SendStatusProblem(req, res, v.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kChange, "rule:" + v->name,
              api::Json{{"saved", v->version}, {"expression", v->expression}}, req, res)) {
    return;
  }
  SendJson(res, api::RuleVersionJson(*v), 201);
}

void Test(Service& service, const httplib::Request& req, httplib::Response& res) {
  // The hits name travellers of the flights kept.
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kRulesWrite, true);
  if (!caller) return;
  const std::string name = PathName(req);
  api::Json body;
  if (!ParseOptionalJsonBody(req, res, &body) ||
      !CheckKnownKeys(body, {"version", "from", "to"}, req, res)) {
    return;
  }
  int version = 0;
  if (!VersionOf(body, &version, req, res)) return;
  std::string range[2];
  const char* keys[2] = {"from", "to"};
  for (int i = 0; i < 2; ++i) {
    if (!body.contains(keys[i]) || body[keys[i]].is_null()) continue;
    const api::Json& d = body[keys[i]];
    const std::string s = d.is_string() ? d.get<std::string>() : "";
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
      SendProblem(res,
                  MakeProblem("invalid-request",
                              std::string("\"") + keys[i] + "\" must be a date YYYY-MM-DD"),
                  req.path);
      return;
    }
    range[i] = s;
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::RuleBook book(*db);
  Result<store::RuleVersion> v = book.Get(name, version);
  if (!v.ok()) {
    SendStatusProblem(req, res, v.status());
    return;
  }
  Result<travel::RuleExpression> rule = travel::RuleExpression::Parse(v->expression);
  if (!rule.ok()) {
    SendProblem(
        res,
        MakeProblem("conflict", "rule '" + name + "' version " + std::to_string(v->version) +
                                    " no longer parses: " + rule.status().message()),
        req.path);
    return;
  }
  Result<api::RuleTest> test = api::TestRule(*db, *rule, range[0], range[1]);
  if (!test.ok()) {
    SendStatusProblem(req, res, test.status());
    return;
  }
  api::Json manifests = api::Json::array();
  for (const api::RuleTestFlight& f : test->flights) {
    if (!f.hits.empty()) manifests.push_back(f.manifest);
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "manifests",
              api::Json{{"rule_test", name + " v" + std::to_string(v->version)},
                        {"flights", test->flights.size()},
                        {"hits", test->hits},
                        {"manifests_hit", std::move(manifests)}},
              req, res)) {
    return;
  }
  const std::string label = name + " v" + std::to_string(v->version) + " [" + v->state + "]";
  SendJson(res, api::RuleTestJson(label, v->expression, *test));
}

void Activate(Service& service, const httplib::Request& req, httplib::Response& res,
              bool activate) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kRulesActivate, false);
  if (!caller) return;
  const std::string name = PathName(req);
  api::Json body;
  if (!ParseOptionalJsonBody(req, res, &body) ||
      !CheckKnownKeys(body,
                      activate ? std::initializer_list<std::string_view>{"version"}
                               : std::initializer_list<std::string_view>{},
                      req, res)) {
    return;
  }
  int version = 0;
  if (!VersionOf(body, &version, req, res)) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::RuleBook book(*db);
  Result<std::vector<store::RuleVersion>> existing = book.Versions(name);
  if (!existing.ok()) {
    SendStatusProblem(req, res, existing.status());
    return;
  }
  if (existing->empty()) {
    SendProblem(res, MakeProblem("not-found", "no rule '" + name + "'"), req.path);
    return;
  }
  Result<store::RuleVersion> v = activate ? book.Activate(name, version, caller->principal.user)
                                          : book.Retire(name, caller->principal.user);
  if (!v.ok()) {
    if (!activate && v.status().code() == Status::Code::kNotFound) {
      // The rule exists; nothing of it is active.
      SendProblem(res, MakeProblem("conflict", v.status().message()), req.path);
    } else {
      SendStatusProblem(req, res, v.status());
    }
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kChange, "rule:" + name,
              api::Json{{activate ? "activated" : "retired", v->version}}, req, res)) {
    return;
  }
  SendJson(res, api::RuleVersionJson(*v));
}

}  // namespace

void RegisterRules(httplib::Server& http, Service& service) {
  using Handler = void (*)(Service&, const httplib::Request&, httplib::Response&);
  auto route = [&service](Handler h) {
    return [&service, h](const httplib::Request& req, httplib::Response& res) {
      h(service, req, res);
    };
  };
  http.Get("/v1/rules", route(List));
  http.Post("/v1/rules", route(Save));
  http.Get("/v1/rules/fields", route(Fields));  // before {name}
  http.Get(R"(/v1/rules/([^/]+))", route(Show));
  http.Post(R"(/v1/rules/([^/]+)/test)", route(Test));
  http.Post(R"(/v1/rules/([^/]+)/activate)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              Activate(service, req, res, true);
            });
  http.Post(R"(/v1/rules/([^/]+)/retire)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              Activate(service, req, res, false);
            });
}

}  // namespace hudud::server
