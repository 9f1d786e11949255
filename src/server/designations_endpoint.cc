// The national designation process over HTTP, as `hudud designations`
// runs it: GET /v1/designations (proposals, newest first), GET
// /v1/designations/{id} (with its history), POST /v1/designations
// (propose to designate, amend or delist), POST /v1/designations/{id}/
// approve and /reject (four eyes: never one's own proposal), POST
// /v1/designations/{id}/publish (every approved change of the proposal's
// list becomes one new list version: the screening index is rebuilt and
// the held subjects re-screened) and GET /v1/designations/export (a list
// version for partners).
#include <string>
#include <vector>

#include "api/designations_json.h"
#include "api/lists_json.h"
#include "api/output.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/designations.h"
#include "store/entity_json.h"

namespace hudud::server {
namespace {

// body[key] as an array of strings.
bool GetStrings(const api::Json& body, const char* key, std::vector<std::string>* out,
                const httplib::Request& req, httplib::Response& res) {
  if (!body.contains(key) || body[key].is_null()) return true;
  const api::Json& v = body[key];
  bool ok = v.is_array();
  for (size_t i = 0; ok && i < v.size(); ++i) ok = v[i].is_string();
  if (!ok) {
    SendProblem(
        res,
        MakeProblem("invalid-request", std::string("\"") + key + "\" must be an array of strings"),
        req.path);
    return false;
  }
  for (const api::Json& s : v) out->push_back(s.get<std::string>());
  return true;
}

// The proposal number in the path, or nullopt after a 400.
std::optional<int64_t> PathId(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches.size() > 1 ? req.matches[1].str() : "";
  bool digits = !id.empty() && id.size() <= 18;
  for (char c : id) digits = digits && c >= '0' && c <= '9';
  if (!digits || std::stoll(id) == 0) {
    SendProblem(res, MakeProblem("invalid-request", "'" + id + "' is not a proposal number"),
                req.path);
    return std::nullopt;
  }
  return std::stoll(id);
}

void List(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller =
      service.Admit(req, res, store::Permission::kDesignationsPropose, true);
  if (!caller) return;
  const std::string list = req.get_param_value("list");
  const std::string state = req.get_param_value("state");
  if (!state.empty() && state != "proposed" && state != "approved" && state != "rejected" &&
      state != "published") {
    SendProblem(
        res,
        MakeProblem("invalid-request", "state must be proposed, approved, rejected or published"),
        req.path);
    return;
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::DesignationRegistry registry(*db);
  Result<std::vector<store::Proposal>> all = registry.Proposals(list, state);
  if (!all.ok()) {
    SendStatusProblem(req, res, all.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "designations",
              api::Json{{"list", list}, {"state", state}, {"proposals", all->size()}}, req, res)) {
    return;
  }
  api::Json out = api::Json::array();
  for (const store::Proposal& p : *all) out.push_back(api::ProposalJson(p));
  SendJson(res, api::Json{{"proposals", std::move(out)}});
}

void Show(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller =
      service.Admit(req, res, store::Permission::kDesignationsPropose, true);
  if (!caller) return;
  std::optional<int64_t> id = PathId(req, res);
  if (!id) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::DesignationRegistry registry(*db);
  Result<store::Proposal> p = registry.Get(*id);
  if (!p.ok()) {
    SendStatusProblem(req, res, p.status());
    return;
  }
  Result<std::vector<store::ProposalEvent>> events = registry.Events(*id);
  if (!events.ok()) {
    SendStatusProblem(req, res, events.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation,
              "designation:" + std::to_string(*id), api::Json{{"entity_id", p->entity_id}}, req,
              res)) {
    return;
  }
  SendJson(res, api::ProposalDetailJson(*p, *events));
}

void Propose(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller =
      service.Admit(req, res, store::Permission::kDesignationsPropose, true);
  if (!caller) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  if (!CheckKnownKeys(body,
                      {"action", "list", "entity_id", "entity", "name", "kind", "aliases", "dob",
                       "nationality", "documents", "program", "reasons", "evidence"},
                      req, res)) {
    return;
  }
  std::string action = "designate", list, entity_id, reasons;
  api::EntityFields fields;
  std::vector<std::string> evidence;
  if (!StringField(body, "action", false, &action, req, res) ||
      !StringField(body, "list", false, &list, req, res) ||
      !StringField(body, "entity_id", false, &entity_id, req, res) ||
      !StringField(body, "reasons", false, &reasons, req, res) ||
      !StringField(body, "name", false, &fields.name, req, res) ||
      !StringField(body, "kind", false, &fields.kind, req, res) ||
      !StringField(body, "dob", false, &fields.dob, req, res) ||
      !StringField(body, "nationality", false, &fields.nationality, req, res) ||
      !StringField(body, "program", false, &fields.program, req, res) ||
      !GetStrings(body, "aliases", &fields.aliases, req, res) ||
      !GetStrings(body, "documents", &fields.documents, req, res) ||
      !GetStrings(body, "evidence", &evidence, req, res)) {
    return;
  }
  if (action == "add") action = "designate";
  auto bad = [&](const std::string& detail) {
    SendProblem(res, MakeProblem("invalid-request", detail), req.path);
  };
  if (action != "designate" && action != "amend" && action != "delist") {
    return bad("action must be designate (or add), amend or delist");
  }
  if (reasons.find_first_not_of(" \t\r\n") == std::string::npos) {
    return bad("\"reasons\" is required: the statement of reasons");
  }
  const bool has_fields = body.contains("name") || body.contains("kind") ||
                          body.contains("aliases") || body.contains("dob") ||
                          body.contains("nationality") || body.contains("documents") ||
                          body.contains("program");
  const bool has_entity = body.contains("entity") && !body["entity"].is_null();
  if (action == "designate" ? list.empty() || !entity_id.empty()
                            : entity_id.empty() || !list.empty()) {
    return bad(action == "designate"
                   ? "a designation names its \"list\" (and no \"entity_id\")"
                   : std::string(action == "amend" ? "an amendment" : "a delisting") +
                         " names the \"entity_id\" of a published entry (no \"list\")");
  }
  if (action == "designate" && !ValidListId(list)) {
    return bad("'" + list +
               "' is not a list id (lower-case letters, digits, '.', '_' and '-', at most 64)");
  }
  if (has_entity && has_fields) {
    return bad(
        "give either a full \"entity\" record or the short fields (name, dob, ...), "
        "not both");
  }
  model::Entity entity;
  if (action == "delist") {
    if (has_entity || has_fields) return bad("a delisting takes no record, only the entity_id");
  } else if (has_entity) {
    if (!body["entity"].is_object()) return bad("\"entity\" must be an object (a stored record)");
    // The stored form's fields; a misspelt one would be silently dropped.
    if (!CheckKnownKeys(body["entity"],
                        {"id",         "list_id",   "source_id",    "reference",     "kind",
                         "names",      "dob",       "pob",          "nationalities", "gender",
                         "documents",  "addresses", "titles",       "designations",  "program",
                         "list_types", "listed_on", "last_updated", "version",       "comments"},
                        req, res)) {
      return;
    }
    Result<model::Entity> e = store::EntityFromJson(body["entity"].dump());
    if (!e.ok()) return bad("entity: " + e.status().message());
    entity = std::move(*e);
  } else {
    Result<model::Entity> e = api::EntityFromFields(fields, api::FieldNaming::kJson);
    if (!e.ok()) return bad(e.status().message());
    entity = std::move(*e);
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::DesignationRegistry registry(*db);
  const std::string& user = caller->principal.user;
  Result<store::Proposal> p =
      action == "designate"
          ? registry.ProposeDesignation(list, std::move(entity), reasons, evidence, user)
      : action == "amend"
          ? registry.ProposeAmendment(entity_id, std::move(entity), reasons, evidence, user)
          : registry.ProposeDelisting(entity_id, reasons, evidence, user);
  if (!p.ok()) {
    SendStatusProblem(req, res, p.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kChange, "designation:" + std::to_string(p->id),
              api::Json{{"proposed", p->action}, {"entity_id", p->entity_id}, {"list", p->list_id}},
              req, res)) {
    return;
  }
  SendJson(res, api::ProposalJson(*p), 201);
}

void Decide(Service& service, const httplib::Request& req, httplib::Response& res, bool approve) {
  std::optional<Caller> caller =
      service.Admit(req, res, store::Permission::kDesignationsDecide, true);
  if (!caller) return;
  std::optional<int64_t> id = PathId(req, res);
  if (!id) return;
  api::Json body;
  if (!ParseOptionalJsonBody(req, res, &body) || !CheckKnownKeys(body, {"note"}, req, res)) return;
  std::string note;
  if (!StringField(body, "note", false, &note, req, res)) return;
  if (!approve && note.find_first_not_of(" \t\r\n") == std::string::npos) {
    SendProblem(res, MakeProblem("invalid-request", "a rejection needs a \"note\" saying why"),
                req.path);
    return;
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::DesignationRegistry registry(*db);
  Result<store::Proposal> p = approve ? registry.Approve(*id, caller->principal.user, note)
                                      : registry.Reject(*id, caller->principal.user, note);
  if (!p.ok()) {
    SendStatusProblem(req, res, p.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kChange, "designation:" + std::to_string(*id),
              api::Json{{approve ? "approved" : "rejected", p->entity_id}, {"note", note}}, req,
              res)) {
    return;
  }
  SendJson(res, api::ProposalJson(*p));
}

void Publish(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller =
      service.Admit(req, res, store::Permission::kDesignationsDecide, true);
  if (!caller) return;
  std::optional<int64_t> id = PathId(req, res);
  if (!id) return;
  api::Json body;
  if (!ParseOptionalJsonBody(req, res, &body) || !CheckKnownKeys(body, {}, req, res)) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::DesignationRegistry registry(*db);
  Result<store::Proposal> p = registry.Get(*id);
  if (!p.ok()) {
    SendStatusProblem(req, res, p.status());
    return;
  }
  if (p->state != "approved") {
    SendProblem(res,
                MakeProblem("conflict", "proposal " + std::to_string(*id) + " is " + p->state +
                                            "; only an approved proposal is published"),
                req.path);
    return;
  }
  // Publishing is per list: every approved change of the list goes out.
  Result<std::vector<store::Proposal>> approved = registry.Proposals(p->list_id, "approved");
  if (!approved.ok()) {
    SendStatusProblem(req, res, approved.status());
    return;
  }
  Result<store::ImportSummary> summary = registry.Publish(p->list_id, caller->principal.user);
  if (!summary.ok()) {
    SendStatusProblem(req, res, summary.status());
    return;
  }
  // Screening sees the new version from the next request on, whatever follows.
  ListChangeEffects effects = ApplyListChange(service, *db, *summary);
  api::Json published = api::Json::array();
  for (const store::Proposal& a : *approved) published.push_back(a.id);
  if (!Record(service, *caller, store::AuditAction::kChange, "list:" + p->list_id,
              api::Json{{"published", published},
                        {"version", summary->version.id},
                        {"added", summary->added_ids},
                        {"changed", summary->changed_ids},
                        {"removed", summary->removed_ids}},
              req, res)) {
    return;
  }
  api::Json out = api::PublishJson(*summary, effects.rescreen ? &*effects.rescreen : nullptr);
  out["proposals"] = std::move(published);
  if (!RecordListChange(service, *caller, *summary, std::move(effects), &out, req, res)) return;
  SendJson(res, out);
}

void Export(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kListsWrite, true);
  if (!caller) return;
  const std::string list = req.get_param_value("list");
  std::string format = req.get_param_value("format");
  if (format == "ftm") format = "ftm-json";
  if (list.empty() || (format != "xml" && format != "ftm-json" && format != "csv")) {
    SendProblem(res,
                MakeProblem("invalid-request",
                            "give ?list=ID&format=xml|ftm|csv (and optionally &version=N)"),
                req.path);
    return;
  }
  std::optional<int64_t> version = IntParam(req, res, "version", 0, 0, INT64_MAX);
  if (!version) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<std::vector<store::ListInfo>> lists = db->Lists();
  if (!lists.ok()) {
    SendStatusProblem(req, res, lists.status());
    return;
  }
  int64_t active = -1;
  for (const store::ListInfo& l : *lists) {
    if (l.list_id == list) active = l.active.id;
  }
  if (active < 0) {
    SendProblem(res, MakeProblem("not-found", "no list '" + list + "'"), req.path);
    return;
  }
  const int64_t v = *version != 0 ? *version : active;
  Result<std::string> data = api::ExportListVersion(*db, list, v, format);
  if (!data.ok()) {
    SendStatusProblem(req, res, data.status());
    return;
  }
  // Handing a list out is a disclosure.
  if (!Record(service, *caller, store::AuditAction::kDisclosure, "list:" + list,
              api::Json{{"export", format}, {"version", v}, {"bytes", data->size()}}, req, res)) {
    return;
  }
  const std::string ext = format == "ftm-json" ? "jsonl" : format;
  res.set_header("Content-Disposition",
                 "attachment; filename=\"" + list + "-v" + std::to_string(v) + "." + ext + "\"");
  res.set_content(*data, format == "xml"   ? "application/xml; charset=utf-8"
                         : format == "csv" ? "text/csv; charset=utf-8"
                                           : "application/x-ndjson");
}

}  // namespace

void RegisterDesignations(httplib::Server& http, Service& service) {
  using Handler = void (*)(Service&, const httplib::Request&, httplib::Response&);
  auto route = [&service](Handler h) {
    return [&service, h](const httplib::Request& req, httplib::Response& res) {
      h(service, req, res);
    };
  };
  http.Get("/v1/designations", route(List));
  http.Post("/v1/designations", route(Propose));
  http.Get("/v1/designations/export", route(Export));  // before {id}
  http.Get(R"(/v1/designations/([^/]+))", route(Show));
  http.Post(R"(/v1/designations/([^/]+)/approve)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              Decide(service, req, res, true);
            });
  http.Post(R"(/v1/designations/([^/]+)/reject)",
            [&service](const httplib::Request& req, httplib::Response& res) {
              Decide(service, req, res, false);
            });
  http.Post(R"(/v1/designations/([^/]+)/publish)", route(Publish));
}

}  // namespace hudud::server
