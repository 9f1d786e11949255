// The register of lost, stolen and revoked travel documents: POST
// /v1/documents?source=NAME (a CSV as `hudud documents import` reads it;
// it replaces that source's previous content, and the booth and manifest
// screening see it from the next request on) and GET /v1/documents (the
// sources, and a page of the records).
#include <regex>
#include <string>
#include <vector>

#include "api/documents_io.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/documents.h"

namespace hudud::server {
namespace {

bool ValidSource(const std::string& s) {
  static const std::regex kSource("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  return std::regex_match(s, kSource);
}

void Import(Service& service, const httplib::Request& req, httplib::Response& res,
            const Caller& caller, const std::string& body) {
  const std::string source = req.get_param_value("source");
  if (!ValidSource(source)) {
    SendProblem(res,
                MakeProblem("invalid-request",
                            "give ?source=NAME, the register's name (letters, digits, '.', '_' "
                            "and '-', at most 64): an import replaces that register's content"),
                req.path);
    return;
  }
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  if (!type.empty() && type != "text/csv" && type != "text/plain" &&
      type != "text/tab-separated-values") {
    SendProblem(res,
                MakeProblem("unsupported-media-type", "Content-Type is '" +
                                                          req.get_header_value("Content-Type") +
                                                          "'; send the register as text/csv"),
                req.path);
    return;
  }
  Result<std::vector<store::LostDocument>> records =
      api::ParseDocumentRegister(body, "request body");
  if (!records.ok()) {
    SendProblem(res, MakeProblem("invalid-request", records.status().message()), req.path);
    return;
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::DocumentImportSummary> s = store::ImportLostDocuments(
      *db, source, *records, store::Sha256Hex(body), caller.principal.user);
  if (!s.ok()) {
    SendStatusProblem(req, res, s.status());
    return;
  }
  // The booth and manifest screening read the register again at once.
  service.RefreshReportedDocuments();
  if (!Record(service, caller, store::AuditAction::kCollection, "documents:" + source,
              api::Json{{"documents", s->count},
                        {"added", s->added},
                        {"removed", s->removed},
                        {"unchanged", s->unchanged}},
              req, res)) {
    return;
  }
  SendJson(res, api::DocumentImportJson(*s));
}

void List(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kDocumentsWrite, true);
  if (!caller) return;
  const std::string source = req.get_param_value("source");
  std::optional<int64_t> limit = IntParam(req, res, "limit", 100, 1, 1000);
  if (!limit) return;
  std::optional<int64_t> after = IntParam(req, res, "after", 0, 0, INT64_MAX);
  if (!after) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<std::vector<store::DocumentSource>> sources = store::DocumentSources(*db);
  if (!sources.ok()) {
    SendStatusProblem(req, res, sources.status());
    return;
  }
  api::Json srcs = api::Json::array();
  bool known = source.empty();
  for (const auto& s : *sources) {
    if (!source.empty() && s.source != source) continue;
    known = true;
    srcs.push_back(api::DocumentSourceJson(s));
  }
  if (!known) {
    SendProblem(res, MakeProblem("not-found", "no document register '" + source + "'"), req.path);
    return;
  }
  Result<std::vector<store::LostDocument>> all = store::LoadLostDocuments(*db);
  if (!all.ok()) {
    SendStatusProblem(req, res, all.status());
    return;
  }
  // `after` is how many records of the selection earlier pages showed.
  api::Json page = api::Json::array();
  size_t seen = 0;
  bool more = false;
  for (const store::LostDocument& d : *all) {
    if (!source.empty() && d.source != source) continue;
    if (seen++ < static_cast<size_t>(*after)) continue;
    if (page.size() == static_cast<size_t>(*limit)) {
      more = true;
      break;
    }
    page.push_back(api::LostDocumentJson(d));
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation,
              source.empty() ? "documents" : "documents:" + source,
              api::Json{{"after", *after}, {"documents", page.size()}}, req, res)) {
    return;
  }
  api::Json next = more ? api::Json(*after + static_cast<int64_t>(page.size())) : nullptr;
  SendJson(res, api::Json{{"sources", std::move(srcs)},
                          {"documents", std::move(page)},
                          {"next", std::move(next)}});
}

}  // namespace

void RegisterDocuments(httplib::Server& http, Service& service) {
  PostUpload(http, service, "/v1/documents", store::Permission::kDocumentsWrite,
             [&service](const httplib::Request& req, httplib::Response& res, const Caller& caller,
                        const std::string& body) { Import(service, req, res, caller, body); });
  http.Get("/v1/documents", [&service](const httplib::Request& req, httplib::Response& res) {
    List(service, req, res);
  });
}

}  // namespace hudud::server
