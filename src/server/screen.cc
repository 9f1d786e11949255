// POST /v1/screen (one query) and POST /v1/screen/batch: the same query
// shape as `hudud screen --batch` lines. An analyst gets the hits with
// their explanations; a border officer gets clear or refer and a reference
// to the recorded screening, never the listed person's file.
#include <set>
#include <string>

#include "api/output.h"
#include "api/query_input.h"
#include "screening/review.h"
#include "server/endpoints.h"
#include "server/problem.h"

namespace hudud::server {
namespace {

const std::set<std::string>& QueryKeys() {
  static const std::set<std::string> kKeys = {"id",          "name",      "names",       "dob",
                                              "nationality", "doc",       "doc_country", "gender",
                                              "type",        "threshold", "limit"};
  return kKeys;
}

// Validates one query object; unknown keys and wrong types are errors here
// (the CLI's batch reader tolerates extra keys, an API client must not
// believe a misspelt field was used).
Result<api::QueryLine> ParseQuery(const api::Json& q, const std::string& where) {
  if (!q.is_object()) return Status::InvalidArgument(where + ": a query must be a JSON object");
  for (auto it = q.begin(); it != q.end(); ++it) {
    if (!QueryKeys().count(it.key())) {
      return Status::InvalidArgument(where + ": unknown field '" + it.key() +
                                     "' (known: id, name, names, dob, nationality, doc, "
                                     "doc_country, gender, type, threshold, limit)");
    }
  }
  api::Json id;
  return api::ParseQueryLine(q.dump(), match::kDefaultThreshold, 10, &id);
}

struct Screened {
  api::Json json;
  bool refer = false;
};

// The database, opened on first need: most screenings hit nothing and
// never touch it.
class LazyStore {
 public:
  explicit LazyStore(const Service& service) : service_(service) {}
  Result<store::Store*> Get() {
    if (!store_) {
      Result<std::unique_ptr<store::Store>> db = service_.OpenStore();
      if (!db.ok()) return db.status();
      store_ = std::move(*db);
    }
    return store_.get();
  }

 private:
  const Service& service_;
  std::unique_ptr<store::Store> store_;
};

Result<Screened> ScreenOne(Service& service, const Caller& caller, const api::QueryLine& line,
                           LazyStore& db) {
  const ScreenerSnapshot screener = service.screener();
  Result<std::vector<match::Hit>> hits = screener->Screen(line.query);
  if (!hits.ok()) return hits.status();
  std::vector<targeting::ClearedHit> cleared;
  targeting::SetAsideCleared(line.query, service.ClearedHits().get(), &*hits, &cleared);
  Screened out;
  out.refer = !hits->empty();
  // What the trail keeps: who asked what, for which purpose, and what came back.
  api::Json detail = {{"query", api::QueryJson(line.query)}};
  api::Json ids = api::Json::array();
  for (const auto& h : *hits) ids.push_back(h.entity_id);
  detail["hits"] = std::move(ids);
  if (!cleared.empty()) {
    api::Json c = api::Json::array();
    for (const auto& h : cleared) c.push_back(h.hit.entity_id);
    detail["cleared"] = std::move(c);
  }
  Result<int64_t> seq =
      service.Audit(caller, store::AuditAction::kConsultation, "screening", api::DumpJson(detail));
  if (!seq.ok()) return seq.status();
  const std::string reference = "HUD-" + std::to_string(*seq);
  const bool detail_allowed =
      store::Allows(caller.principal.role, store::Permission::kScreenDetail);
  // Whoever may not see the match cannot review it: the hit goes to the
  // analysts' queue under this screening's reference.
  std::vector<int64_t> alert_ids;
  if (out.refer && !detail_allowed) {
    Result<store::Store*> store = db.Get();
    if (!store.ok()) return store.status();
    screening::ScreenedPerson person{line.query, api::DumpJson(api::QueryJson(line.query)), *hits};
    Result<std::vector<std::vector<int64_t>>> raised =
        screening::RaiseAlerts(**store, screener, {"screening", reference, "", 0}, {person});
    if (!raised.ok()) return raised.status();
    alert_ids = std::move(raised->front());
  }
  api::Json j = api::Json::object();
  if (!line.id.is_null()) j["id"] = line.id;
  j["decision"] = out.refer ? "refer" : "clear";
  j["reference"] = reference;
  if (detail_allowed) {
    j["query"] = api::QueryJson(line.query);
    api::Json matches = api::Json::array();
    for (const auto& h : *hits) matches.push_back(api::HitJson(h, /*with_name_kind=*/true));
    j["matches"] = std::move(matches);
    api::Json c = api::Json::array();
    for (const auto& h : cleared) {
      api::Json m = api::HitJson(h.hit, /*with_name_kind=*/true);
      m["cleared_by_alert"] = h.alert;
      c.push_back(std::move(m));
    }
    j["cleared"] = std::move(c);
  } else if (!alert_ids.empty()) {
    j["alerts"] = alert_ids.size();
  }
  out.json = std::move(j);
  return out;
}

void Single(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kScreen, true);
  if (!caller) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  Result<api::QueryLine> line = ParseQuery(body, "body");
  if (!line.ok()) {
    SendProblem(res, MakeProblem("invalid-query", line.status().message()), req.path);
    return;
  }
  LazyStore db(service);
  Result<Screened> s = ScreenOne(service, *caller, *line, db);
  if (!s.ok()) {
    const bool user_error = s.status().code() == Status::Code::kInvalidArgument;
    SendProblem(res, MakeProblem(user_error ? "invalid-query" : "internal", s.status().message()),
                req.path);
    return;
  }
  res.set_content(api::DumpJson(s->json) + "\n", "application/json");
}

void Batch(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kScreen, true);
  if (!caller) return;
  api::Json body;
  if (!ParseJsonBody(req, res, &body)) return;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() != "queries") {
      SendProblem(res,
                  MakeProblem("invalid-request",
                              "unknown field '" + it.key() + "' (a batch is {\"queries\": [...]})"),
                  req.path);
      return;
    }
  }
  const api::Json& queries = body.contains("queries") ? body["queries"] : api::Json();
  if (!queries.is_array()) {
    SendProblem(res, MakeProblem("invalid-request", "\"queries\" must be an array of queries"),
                req.path);
    return;
  }
  if (queries.size() > service.options().max_batch) {
    SendProblem(res,
                MakeProblem("batch-too-large",
                            "at most " + std::to_string(service.options().max_batch) +
                                " queries per batch, got " + std::to_string(queries.size())),
                req.path);
    return;
  }
  // Every query is checked before any is screened: a bad one fails the
  // batch with its index, and nothing is recorded as consulted.
  std::vector<api::QueryLine> lines;
  for (size_t i = 0; i < queries.size(); ++i) {
    Result<api::QueryLine> line = ParseQuery(queries[i], "queries[" + std::to_string(i) + "]");
    if (!line.ok()) {
      SendProblem(res, MakeProblem("invalid-query", line.status().message()), req.path);
      return;
    }
    lines.push_back(std::move(*line));
  }
  api::Json results = api::Json::array();
  LazyStore db(service);
  for (const api::QueryLine& line : lines) {
    Result<Screened> s = ScreenOne(service, *caller, line, db);
    if (!s.ok()) {
      SendProblem(res, MakeProblem("internal", s.status().message()), req.path);
      return;
    }
    results.push_back(std::move(s->json));
  }
  res.set_content(api::DumpJson(api::Json{{"results", std::move(results)}}) + "\n",
                  "application/json");
}

}  // namespace

bool ParseJsonBody(const httplib::Request& request, httplib::Response& response, api::Json* body) {
  const std::string type = request.get_header_value("Content-Type");
  if (!type.empty() && type.find("application/json") == std::string::npos) {
    SendProblem(response,
                MakeProblem("unsupported-media-type",
                            "Content-Type is '" + type + "', expected application/json"),
                request.path);
    return false;
  }
  api::Json parsed = api::Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    SendProblem(response,
                MakeProblem("invalid-json", "the body is not valid JSON (or not valid UTF-8)"),
                request.path);
    return false;
  }
  if (!parsed.is_object()) {
    SendProblem(response, MakeProblem("invalid-request", "the body must be a JSON object"),
                request.path);
    return false;
  }
  *body = std::move(parsed);
  return true;
}

void RegisterScreen(httplib::Server& http, Service& service) {
  http.Post("/v1/screen", [&service](const httplib::Request& req, httplib::Response& res) {
    Single(service, req, res);
  });
  http.Post("/v1/screen/batch", [&service](const httplib::Request& req, httplib::Response& res) {
    Batch(service, req, res);
  });
}

}  // namespace hudud::server
