// POST /v1/match/{dataset} (and /match/{dataset}): the request and response
// shapes of OpenSanctions yente's /match, so that clients written for yente
// work against hudud unchanged. Queries are FollowTheMoney entities
// ({"schema": "Person", "properties": {"name": [...], "birthDate": [...]}})
// keyed by the client's names; `limit`, `threshold` and `cutoff` come as
// query parameters (yente's way) or in the body. Results carry the listed
// entity as FtM with its score, so /match needs the match-detail permission.
#include <set>
#include <string>

#include "api/output.h"
#include "api/alerts_json.h"
#include "server/endpoints.h"
#include "server/problem.h"

namespace hudud::server {
namespace {

std::optional<model::EntityKind> KindOf(const std::string& schema, bool* known) {
  *known = true;
  if (schema == "Person") return model::EntityKind::kPerson;
  if (schema == "Organization" || schema == "Company" || schema == "PublicBody") {
    return model::EntityKind::kOrganization;
  }
  if (schema == "Vessel") return model::EntityKind::kVessel;
  if (schema == "Airplane") return model::EntityKind::kAircraft;
  if (schema == "LegalEntity" || schema == "Thing") return std::nullopt;
  *known = false;
  return std::nullopt;
}

// The property's values as strings (FtM values are lists; a lone string is
// accepted too). Fails on other types.
Result<std::vector<std::string>> Values(const api::Json& v, const std::string& where) {
  std::vector<std::string> out;
  if (v.is_string()) {
    out.push_back(v.get<std::string>());
  } else if (v.is_array()) {
    for (const auto& x : v) {
      if (!x.is_string()) return Status::InvalidArgument(where + ": values must be strings");
      out.push_back(x.get<std::string>());
    }
  } else {
    return Status::InvalidArgument(where + ": must be a list of strings");
  }
  return out;
}

const std::set<std::string>& KnownProperties() {
  // Properties that take part in matching; other FtM properties are
  // accepted (clients send whole entities) and ignored.
  static const std::set<std::string> kUsed = {
      "name",         "alias",     "weakAlias",      "previousName", "firstName",
      "lastName",     "birthDate", "nationality",    "citizenship",  "country",
      "jurisdiction", "idNumber",  "passportNumber", "taxNumber",    "registrationNumber",
      "imoNumber",    "gender",    "middleName",     "fatherName",   "secondName"};
  return kUsed;
}

Result<match::Query> ToQuery(const api::Json& entity, const std::string& where, double cutoff,
                             int limit) {
  if (!entity.is_object()) return Status::InvalidArgument(where + ": must be an object");
  match::Query q;
  q.threshold = cutoff;
  q.limit = limit;
  const std::string schema = entity.value("schema", std::string());
  bool known = false;
  q.kind = KindOf(schema, &known);
  if (!known) {
    return Status::InvalidArgument(where + ".schema: '" + schema +
                                   "' is not a schema hudud matches (Person, Organization, "
                                   "Company, LegalEntity, Vessel, Airplane)");
  }
  if (!entity.contains("properties") || !entity["properties"].is_object()) {
    return Status::InvalidArgument(where + ".properties: required, an object");
  }
  std::string first, middle, last;
  for (auto it = entity["properties"].begin(); it != entity["properties"].end(); ++it) {
    const std::string key = it.key();
    Result<std::vector<std::string>> vals = Values(*it, where + ".properties." + key);
    if (!vals.ok()) return vals.status();
    if (!KnownProperties().count(key) || vals->empty()) continue;
    const std::string& v0 = vals->front();
    if (key == "name" || key == "alias" || key == "weakAlias" || key == "previousName") {
      for (auto& v : *vals) q.names.push_back(v);
    } else if (key == "firstName") {
      first = v0;
    } else if (key == "middleName" || key == "secondName" || key == "fatherName") {
      middle += (middle.empty() ? "" : " ") + v0;
    } else if (key == "lastName") {
      last = v0;
    } else if (key == "birthDate") {
      for (const auto& v : *vals) {
        if (std::optional<model::PartialDate> d = model::ParsePartialDate(v)) {
          q.dob = *d;
          break;
        }
      }
    } else if (key == "nationality" || key == "citizenship" || key == "country" ||
               key == "jurisdiction") {
      if (q.nationality.empty()) q.nationality = v0;
    } else if (key == "gender") {
      q.gender = model::ParseGender(v0);
    } else {
      if (q.document.empty()) q.document = v0;
    }
  }
  if (std::string parts =
          first + (middle.empty() ? "" : " " + middle) + (last.empty() ? "" : " " + last);
      !first.empty() || !last.empty()) {
    q.names.push_back(parts);
  }
  if (q.names.empty()) {
    return Status::InvalidArgument(where +
                                   ".properties: a name (name, alias, firstName/"
                                   "lastName) is required");
  }
  return q;
}

Result<double> NumberParam(const httplib::Request& req, const api::Json& body,
                           const std::string& name, double fallback) {
  if (req.has_param(name)) {
    try {
      size_t used = 0;
      const std::string v = req.get_param_value(name);
      double d = std::stod(v, &used);
      if (used != v.size()) throw std::invalid_argument(v);
      return d;
    } catch (const std::exception&) {
      return Status::InvalidArgument("query parameter " + name + " must be a number");
    }
  }
  if (body.contains(name)) {
    if (!body[name].is_number()) return Status::InvalidArgument(name + " must be a number");
    return body[name].get<double>();
  }
  return fallback;
}

void Match(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kScreenDetail, true);
  if (!caller) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  for (auto it = body.begin(); it != body.end(); ++it) {
    static const std::set<std::string> kBodyKeys = {"queries", "weights", "config",   "threshold",
                                                    "limit",   "cutoff",  "algorithm"};
    if (!kBodyKeys.count(it.key())) {
      SendProblem(res, MakeProblem("invalid-request", "unknown field '" + it.key() + "'"),
                  req.path);
      return;
    }
  }
  Result<double> threshold = NumberParam(req, body, "threshold", match::kDefaultThreshold);
  Result<double> cutoff = NumberParam(req, body, "cutoff", 0.5);
  Result<double> limit = NumberParam(req, body, "limit", 5);
  for (const Result<double>* r : {&threshold, &cutoff, &limit}) {
    if (!r->ok()) {
      SendProblem(res, MakeProblem("invalid-request", r->status().message()), req.path);
      return;
    }
  }
  if (*threshold < 0 || *threshold > 1 || *cutoff < 0 || *cutoff > 1 || *limit < 1 ||
      *limit > 500) {
    SendProblem(
        res,
        MakeProblem("invalid-request", "threshold and cutoff must be in [0, 1], limit in [1, 500]"),
        req.path);
    return;
  }
  if (!body.contains("queries") || !body["queries"].is_object() || body["queries"].empty()) {
    SendProblem(
        res,
        MakeProblem("invalid-request", "\"queries\" must be an object of named FtM query entities"),
        req.path);
    return;
  }
  if (body["queries"].size() > service.options().max_batch) {
    SendProblem(res, MakeProblem("batch-too-large", "too many queries"), req.path);
    return;
  }
  std::vector<std::pair<std::string, match::Query>> queries;
  for (auto it = body["queries"].begin(); it != body["queries"].end(); ++it) {
    Result<match::Query> q = ToQuery(*it, "queries." + it.key(), *cutoff, static_cast<int>(*limit));
    if (!q.ok()) {
      SendProblem(res, MakeProblem("invalid-query", q.status().message()), req.path);
      return;
    }
    queries.emplace_back(it.key(), std::move(*q));
  }
  const std::string dataset = req.matches.size() > 1 ? req.matches[1].str() : "default";
  api::Json responses = api::Json::object();
  // One index for the whole request: hits name entities by their index in it.
  const ScreenerSnapshot screener = service.screener();
  for (auto& [key, q] : queries) {
    Result<std::vector<match::Hit>> hits = screener->Screen(q);
    if (!hits.ok()) {
      SendProblem(res,
                  MakeProblem("invalid-query", "queries." + key + ": " + hits.status().message()),
                  req.path);
      return;
    }
    api::Json ids = api::Json::array();
    for (const auto& h : *hits) ids.push_back(h.entity_id);
    Result<int64_t> seq =
        service.Audit(*caller, store::AuditAction::kConsultation, "match:" + dataset,
                      api::DumpJson(api::Json{{"query", api::QueryJson(q)}, {"hits", ids}}));
    if (!seq.ok()) {
      SendProblem(res, MakeProblem("internal", "the access could not be recorded"), req.path);
      return;
    }
    api::Json results = api::Json::array();
    for (const auto& h : *hits) {
      const model::Entity& e = screener->entity(h.entity_index);
      api::Json r = api::FtmEntityJson(e);
      r["caption"] = e.names.empty() ? h.entity_id : e.names.front().full;
      r["datasets"] = api::Json::array({e.list_id});
      r["referents"] = api::Json::array();
      r["target"] = true;
      r["score"] = api::RoundScore(h.score);
      r["match"] = h.score >= *threshold;
      r["features"] = api::Json{{"name_score", api::RoundScore(h.explanation.name_score)}};
      r["explanation"] = api::ExplanationJson(h.explanation);
      results.push_back(std::move(r));
    }
    const size_t n = results.size();
    responses[key] = api::Json{{"status", 200},
                               {"results", std::move(results)},
                               {"total", {{"value", n}, {"relation", "eq"}}},
                               {"query", body["queries"][key]},
                               {"reference", "HUD-" + std::to_string(*seq)}};
  }
  api::Json out = {{"responses", std::move(responses)},
                   {"matcher",
                    {{"name", "hudud"},
                     {"description",
                      "multilingual name alignment with date of birth, nationality, gender and "
                      "document evidence"}}},
                   {"limit", static_cast<int>(*limit)}};
  res.set_content(api::DumpJson(out) + "\n", "application/json");
}

}  // namespace

void RegisterMatch(httplib::Server& http, Service& service) {
  auto handler = [&service](const httplib::Request& req, httplib::Response& res) {
    Match(service, req, res);
  };
  http.Post(R"(/v1/match/([A-Za-z0-9_.-]{1,64}))", handler);
  http.Post(R"(/match/([A-Za-z0-9_.-]{1,64}))", handler);
}

}  // namespace hudud::server
