// The good-practices library over HTTP (store/practices.h): reading and
// searching for any signed-in user without a purpose (the articles name
// nobody), writing for list managers (practices-write), each write recorded
// in the audit trail as a change.
#include <cstdint>
#include <optional>
#include <string>

#include "server/endpoints.h"
#include "server/problem.h"
#include "store/practices.h"

namespace hudud::server {
namespace {

// An article; with its body, or (in lists) a summary of it instead.
api::Json PracticeJson(const store::Practice& p, bool with_body) {
  api::Json j = {{"id", p.id},
                 {"group", p.group},
                 {"title", p.title},
                 {"region", p.region},
                 {"topic", p.topic},
                 {"language", p.language},
                 {"source", p.source},
                 {"created_by", p.created_by},
                 {"created_at", p.created_at},
                 {"updated_at", p.updated_at}};
  if (with_body) {
    j["body"] = p.body;
  } else {
    j["summary"] = store::PracticeSummary(p.body);
  }
  return j;
}

// The article with "translations": [{id, language, title}] of its group.
void SendArticle(store::Store& db, const store::Practice& p, const httplib::Request& req,
                 httplib::Response& res, int status) {
  Result<std::vector<store::PracticeTranslation>> ts =
      store::PracticeTranslations(db, p.group, p.id);
  if (!ts.ok()) {
    SendStatusProblem(req, res, ts.status());
    return;
  }
  api::Json arr = api::Json::array();
  for (const store::PracticeTranslation& t : *ts) {
    arr.push_back(api::Json{{"id", t.id}, {"language", t.language}, {"title", t.title}});
  }
  api::Json j = PracticeJson(p, true);
  j["translations"] = std::move(arr);
  SendJson(res, j, status);
}

void List(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.Authenticate(req, res)) return;
  store::PracticeFilter f;
  f.query = req.get_param_value("q");
  f.language = req.get_param_value("language");
  f.region = req.get_param_value("region");
  f.topic = req.get_param_value("topic");
  std::optional<int64_t> limit = IntParam(req, res, "limit", 50, 1, 200);
  if (!limit) return;
  std::optional<int64_t> after = IntParam(req, res, "after", 0, 0, INT64_MAX);
  if (!after) return;
  f.limit = *limit;
  f.after = *after;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::PracticePage> page = store::SearchPractices(*db, f);
  if (!page.ok()) {
    SendStatusProblem(req, res, page.status());
    return;
  }
  api::Json arr = api::Json::array();
  for (const store::Practice& p : page->practices) arr.push_back(PracticeJson(p, false));
  SendJson(res, api::Json{{"practices", std::move(arr)},
                          {"total", page->total},
                          {"next", page->next > 0 ? api::Json(page->next) : api::Json(nullptr)},
                          {"regions", page->regions},
                          {"topics", page->topics}});
}

void Show(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!service.Authenticate(req, res)) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::Practice> p = store::GetPractice(*db, PathId(req));
  if (!p.ok()) {
    SendStatusProblem(req, res, p.status());
    return;
  }
  SendArticle(*db, *p, req, res, 200);
}

// The article in the body: title, body, language, region and topic
// required; source and group optional.
bool ReadInput(const httplib::Request& req, httplib::Response& res, store::PracticeInput* in) {
  api::Json body;
  if (!ParseJsonBody(req, res, &body) ||
      !CheckKnownKeys(body, {"group", "language", "region", "topic", "title", "source", "body"},
                      req, res)) {
    return false;
  }
  return StringField(body, "title", true, &in->title, req, res) &&
         StringField(body, "body", true, &in->body, req, res) &&
         StringField(body, "language", true, &in->language, req, res) &&
         StringField(body, "region", true, &in->region, req, res) &&
         StringField(body, "topic", true, &in->topic, req, res) &&
         StringField(body, "source", false, &in->source, req, res) &&
         StringField(body, "group", false, &in->group, req, res);
}

// POST (no `id`) adds an article, PUT replaces article `id`'s fields.
void Write(Service& service, const httplib::Request& req, httplib::Response& res,
           std::optional<int64_t> id) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kPracticesWrite, false);
  if (!caller) return;
  store::PracticeInput in;
  if (!ReadInput(req, res, &in)) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::Practice> p = id ? store::UpdatePractice(*db, *id, in)
                                 : store::AddPractice(*db, in, caller->principal.user);
  if (!p.ok()) {
    SendStatusProblem(req, res, p.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kChange, "practice:" + std::to_string(p->id),
              api::Json{{"action", id ? "edit" : "add"},
                        {"group", p->group},
                        {"language", p->language},
                        {"title", p->title}},
              req, res)) {
    return;
  }
  SendArticle(*db, *p, req, res, id ? 200 : 201);
}

}  // namespace

void RegisterPractices(httplib::Server& http, Service& service) {
  http.Get("/v1/practices", [&service](const httplib::Request& req, httplib::Response& res) {
    List(service, req, res);
  });
  http.Post("/v1/practices", [&service](const httplib::Request& req, httplib::Response& res) {
    Write(service, req, res, std::nullopt);
  });
  http.Get(
      R"(/v1/practices/(\d{1,18}))",
      [&service](const httplib::Request& req, httplib::Response& res) { Show(service, req, res); });
  http.Put(R"(/v1/practices/(\d{1,18}))",
           [&service](const httplib::Request& req, httplib::Response& res) {
             Write(service, req, res, PathId(req));
           });
}

}  // namespace hudud::server
