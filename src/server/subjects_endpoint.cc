// The subjects an agency holds for ongoing monitoring: POST /v1/subjects
// (a CSV with a header or JSON lines, as `hudud subjects import` reads
// them; stored and screened at once), GET /v1/subjects (a page of them, in
// the order first stored) and GET /v1/subjects/{id}.
#include <string>
#include <vector>

#include "api/subjects_io.h"
#include "monitor/rescreen.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/monitoring.h"

namespace hudud::server {
namespace {

// The subjects file format the Content-Type says: "csv", "jsonl", "auto"
// (text/plain or none), or "" for a type we do not read.
std::string FormatOf(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  if (type.empty() || type == "text/plain") return "auto";
  if (type == "text/csv") return "csv";
  if (type == "application/x-ndjson" || type == "application/jsonl" ||
      type == "application/jsonlines" || type == "application/json-lines" ||
      type == "application/json") {
    return "jsonl";
  }
  return "";
}

void Import(Service& service, const httplib::Request& req, httplib::Response& res,
            const Caller& caller, const std::string& body) {
  const std::string format = FormatOf(req);
  if (format.empty()) {
    SendProblem(res,
                MakeProblem("unsupported-media-type",
                            "Content-Type is '" + req.get_header_value("Content-Type") +
                                "'; send text/csv (a header row, then one subject a row) or "
                                "application/x-ndjson (one JSON object a line)"),
                req.path);
    return;
  }
  Result<std::vector<store::Subject>> subjects = api::ParseSubjects(body, format, "request body");
  if (!subjects.ok()) {
    SendProblem(res, MakeProblem("invalid-request", subjects.status().message()), req.path);
    return;
  }
  if (subjects->empty()) {
    SendProblem(res, MakeProblem("invalid-request", "the body holds no subject"), req.path);
    return;
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::Monitoring monitoring(*db);
  Result<store::SubjectImport> put =
      monitoring.PutSubjects(*subjects, "api upload by " + caller.principal.user);
  if (!put.ok()) {
    SendStatusProblem(req, res, put.status());
    return;
  }
  // Screened now against every active entry, as the CLI does; unchanged
  // subjects only re-find alerts that are already open.
  Result<monitor::RescreenReport> report =
      monitor::RescreenSubjects(*db, *subjects, "subject-import");
  if (!Record(service, caller, store::AuditAction::kCollection, "subjects",
              api::Json{{"subjects", subjects->size()},
                        {"added", put->added},
                        {"changed", put->changed},
                        {"unchanged", put->unchanged}},
              req, res)) {
    return;
  }
  if (!report.ok()) {
    SendProblem(res,
                MakeProblem("internal", "subjects stored, but screening them failed: " +
                                            report.status().message()),
                req.path);
    return;
  }
  if (!Record(service, caller, store::AuditAction::kCombination, "subjects",
              api::Json{{"screened", subjects->size()},
                        {"hits", report->hits},
                        {"alerts_raised", report->alerts_raised}},
              req, res)) {
    return;
  }
  SendJson(res, api::SubjectsImportJson(subjects->size(), *put, *report));
}

void List(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kSubjectsRead, true);
  if (!caller) return;
  std::optional<int64_t> limit = IntParam(req, res, "limit", 100, 1, 1000);
  if (!limit) return;
  const std::string after = req.get_param_value("after");
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::Monitoring monitoring(*db);
  Result<std::vector<store::Subject>> all = monitoring.LoadSubjects();
  if (!all.ok()) {
    SendStatusProblem(req, res, all.status());
    return;
  }
  size_t start = 0;
  if (!after.empty()) {
    while (start < all->size() && (*all)[start].id != after) ++start;
    if (start == all->size()) {
      SendProblem(res,
                  MakeProblem("invalid-request",
                              "after must be the id of a held subject (the \"next\" of the "
                              "previous page)"),
                  req.path);
      return;
    }
    ++start;
  }
  const size_t end = std::min(all->size(), start + static_cast<size_t>(*limit));
  api::Json page = api::Json::array();
  for (size_t i = start; i < end; ++i) page.push_back(api::SubjectJson((*all)[i]));
  api::Json next = end < all->size() && end > start ? api::Json((*all)[end - 1].id) : nullptr;
  if (!Record(service, *caller, store::AuditAction::kConsultation, "subjects",
              api::Json{{"after", after}, {"subjects", end - start}}, req, res)) {
    return;
  }
  SendJson(
      res,
      api::Json{{"subjects", std::move(page)}, {"total", all->size()}, {"next", std::move(next)}});
}

void Show(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kSubjectsRead, true);
  if (!caller) return;
  const std::string id = req.matches.size() > 1 ? req.matches[1].str() : "";
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  store::Monitoring monitoring(*db);
  Result<std::vector<store::Subject>> all = monitoring.LoadSubjects();
  if (!all.ok()) {
    SendStatusProblem(req, res, all.status());
    return;
  }
  for (const store::Subject& s : *all) {
    if (s.id != id) continue;
    if (!Record(service, *caller, store::AuditAction::kConsultation, "subject:" + id,
                api::Json::object(), req, res)) {
      return;
    }
    SendJson(res, api::SubjectJson(s));
    return;
  }
  SendProblem(res, MakeProblem("not-found", "no held subject '" + id + "'"), req.path);
}

}  // namespace

void RegisterSubjects(httplib::Server& http, Service& service) {
  PostUpload(http, service, "/v1/subjects", store::Permission::kSubjectsWrite,
             [&service](const httplib::Request& req, httplib::Response& res, const Caller& caller,
                        const std::string& body) { Import(service, req, res, caller, body); });
  http.Get("/v1/subjects", [&service](const httplib::Request& req, httplib::Response& res) {
    List(service, req, res);
  });
  http.Get(
      R"(/v1/subjects/([^/]+))",
      [&service](const httplib::Request& req, httplib::Response& res) { Show(service, req, res); });
}

}  // namespace hudud::server
