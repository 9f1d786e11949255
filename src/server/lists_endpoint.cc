// The watchlists: GET /v1/lists (each list with its active version, as
// `hudud lists show --json` gives them), GET /v1/lists/{list}/versions, GET
// /v1/lists/{list}/diff (`hudud lists diff --json`), GET
// /v1/lists/{list}/entities/{id} (an entry as published) and POST
// /v1/lists/{list}/import (`hudud lists import`: one transaction, the
// screening index rebuilt and swapped, held subjects re-screened).
#include <algorithm>
#include <cstdint>
#include <exception>
#include <set>
#include <string>

#include "api/lists_json.h"
#include "api/output.h"
#include "lists/list_file.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "store/entity_json.h"

namespace hudud::server {
namespace {

// How errors name the uploaded file.
constexpr char kBodyName[] = "request body";

// The list named in the path, answered 400 when it cannot be a list id.
std::optional<std::string> PathList(const httplib::Request& req, httplib::Response& res) {
  std::string list = req.matches.size() > 1 ? req.matches[1].str() : "";
  if (!ValidListId(list)) {
    SendProblem(res,
                MakeProblem("invalid-request", "'" + list +
                                                   "' is not a list id (lower-case letters, "
                                                   "digits, '.', '_' and '-', at most 64)"),
                req.path);
    return std::nullopt;
  }
  return list;
}

// The list's current state, or nullopt after answering 404 (or 5xx).
std::optional<store::ListInfo> FindList(store::Store& db, const std::string& list,
                                        const httplib::Request& req, httplib::Response& res) {
  Result<std::vector<store::ListInfo>> lists = db.Lists();
  if (!lists.ok()) {
    SendStatusProblem(req, res, lists.status());
    return std::nullopt;
  }
  for (const store::ListInfo& l : *lists) {
    if (l.list_id == list) return l;
  }
  SendProblem(res, MakeProblem("not-found", "no list '" + list + "'"), req.path);
  return std::nullopt;
}

void Show(Service& service, const httplib::Request& req, httplib::Response& res) {
  // List metadata names no person: no purpose needed.
  if (!service.Admit(req, res, store::Permission::kListsRead, false)) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<std::vector<store::ListInfo>> lists = db->Lists();
  if (!lists.ok()) {
    SendStatusProblem(req, res, lists.status());
    return;
  }
  api::Json out = api::Json::array();
  for (const store::ListInfo& l : *lists) {
    api::Json active = nullptr;
    if (l.active.id != 0) {
      active = api::Json{{"version", l.active.id},
                         {"format", l.active.format},
                         {"sha256", l.active.sha256},
                         {"generated_at", l.active.generated_at},
                         {"imported_at", l.active.imported_at},
                         {"entities", l.active.entities}};
    }
    out.push_back(api::Json{{"list", l.list_id}, {"versions", l.versions}, {"active", active}});
  }
  SendJson(res, api::Json{{"lists", std::move(out)}});
}

void Versions(Service& service, const httplib::Request& req, httplib::Response& res) {
  // Versions and their counts name no person: no purpose needed.
  if (!service.Admit(req, res, store::Permission::kListsRead, false)) return;
  std::optional<std::string> list = PathList(req, res);
  if (!list) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db || !FindList(*db, *list, req, res)) return;
  Result<std::vector<store::ListVersion>> versions = db->ListVersions();
  if (!versions.ok()) {
    SendStatusProblem(req, res, versions.status());
    return;
  }
  api::Json out = api::Json::array();
  for (const store::ListVersion& v : *versions) {
    if (v.list_id == *list) out.push_back(api::ListVersionJson(v));
  }
  SendJson(res, api::Json{{"list", *list}, {"versions", std::move(out)}});
}

void Diff(Service& service, const httplib::Request& req, httplib::Response& res) {
  // The ids of entries added and removed say who was listed or delisted.
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kListsRead, true);
  if (!caller) return;
  std::optional<std::string> list = PathList(req, res);
  if (!list) return;
  std::optional<int64_t> from = IntParam(req, res, "from", 0, 0, INT64_MAX);
  if (!from) return;
  std::optional<int64_t> to = IntParam(req, res, "to", 0, 0, INT64_MAX);
  if (!to) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db || !FindList(*db, *list, req, res)) return;
  Result<store::ListDiff> diff = db->Diff(*list, *from, *to);
  if (!diff.ok()) {
    SendStatusProblem(req, res, diff.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "list:" + *list,
              api::Json{{"diff", {{"from", diff->from}, {"to", diff->to}}},
                        {"added", diff->added.size()},
                        {"changed", diff->changed.size()},
                        {"removed", diff->removed.size()}},
              req, res)) {
    return;
  }
  SendJson(res, api::DiffJson(*diff));
}

void Entity(Service& service, const httplib::Request& req, httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kListsRead, true);
  if (!caller) return;
  std::optional<std::string> list = PathList(req, res);
  if (!list) return;
  // The entity's id as the list gives it ("6908555") or whole ("un:6908555").
  std::string id = req.matches.size() > 2 ? req.matches[2].str() : "";
  if (id.find(':') == std::string::npos) id = *list + ":" + id;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  std::optional<store::ListInfo> info = FindList(*db, *list, req, res);
  if (!info) return;
  // ?version= reads an entry as an earlier version published it (a diff's
  // removed entries); by default the active version.
  std::optional<int64_t> asked = IntParam(req, res, "version", 0, 0, INT64_MAX);
  if (!asked) return;
  int64_t version = info->active.id;
  if (*asked != 0) {
    Result<std::vector<store::ListVersion>> versions = db->ListVersions();
    if (!versions.ok()) {
      SendStatusProblem(req, res, versions.status());
      return;
    }
    const bool of_list = std::any_of(versions->begin(), versions->end(), [&](const auto& v) {
      return v.id == *asked && v.list_id == *list;
    });
    if (!of_list) {
      SendProblem(
          res,
          MakeProblem("not-found", "list '" + *list + "' has no version " + std::to_string(*asked)),
          req.path);
      return;
    }
    version = *asked;
  }
  const model::Entity* found = nullptr;
  Result<std::vector<model::Entity>> entities = std::vector<model::Entity>();
  if (version != 0 && id.rfind(*list + ":", 0) == 0) {
    entities = db->LoadVersionEntities(version);
    if (!entities.ok()) {
      SendStatusProblem(req, res, entities.status());
      return;
    }
    for (const model::Entity& e : *entities) {
      if (e.id == id) found = &e;
    }
  }
  if (found == nullptr) {
    SendProblem(res,
                MakeProblem("not-found", "no entry '" + id + "' in " +
                                             (*asked != 0 ? "version " + std::to_string(version)
                                                          : std::string("the active version")) +
                                             " of list '" + *list + "'"),
                req.path);
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "entity:" + id,
              api::Json{{"list", *list}, {"version", version}}, req, res)) {
    return;
  }
  SendJson(res,
           api::Json{{"list", *list},
                     {"version", version},
                     {"entity", api::Json::parse(store::EntityToJson(*found), nullptr, false)}});
}

// The uploaded bytes as `format` ("auto" detects it). The OFAC CSV set's
// companion files cannot come with one body: sdn.csv is read alone.
Result<lists::ParsedList> ParseListBody(const std::string& body, std::string format,
                                        const std::string& list) {
  try {
    if (format == "auto") {
      // The name helps recognise OFAC's headerless sdn.csv under ofac-sdn.
      format = lists::DetectListFormat(std::string_view(body).substr(0, 64 * 1024), list + ".csv");
      if (format.empty()) {
        return Status::InvalidArgument(
            std::string(kBodyName) +
            ": unrecognised list format (give ?format=un-xml, ofac-csv, ofac-xml, eu-xml, "
            "uk-csv, uk-xml or ftm-json)");
      }
    }
    if (format == "un-xml") return lists::ParseUnXml(body, kBodyName);
    if (format == "ofac-xml") return lists::ParseOfacXml(body, kBodyName);
    if (format == "eu-xml") return lists::ParseEuXml(body, kBodyName);
    if (format == "uk-csv") return lists::ParseUkCsv(body, kBodyName);
    if (format == "uk-xml") return lists::ParseUkXml(body, kBodyName);
    if (format == "ftm-json") return lists::ParseFtmJson(body, kBodyName);
    if (format == "ofac-csv") {
      lists::OfacCsvSet set;
      set.sdn = body;
      set.sdn_name = kBodyName;
      return lists::ParseOfacCsv(set);
    }
    return Status::InvalidArgument("format " + format +
                                   " needs a column mapping: import it with hudud lists import "
                                   "--mapping (docs/LISTS.md)");
  } catch (const std::exception& e) {
    return Status::IOError(std::string(kBodyName) + ": " + e.what());
  }
}

void Import(Service& service, const httplib::Request& req, httplib::Response& res,
            const Caller& caller, const std::string& body) {
  std::optional<std::string> list = PathList(req, res);
  if (!list) return;
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "auto";
  bool known = format == "auto";
  for (const std::string& f : lists::ListFormats()) known = known || f == format;
  if (!known || format == "csv" || format == "json") {
    SendProblem(res,
                MakeProblem("invalid-request",
                            "format must be auto, un-xml, ofac-csv, ofac-xml, eu-xml, uk-csv, "
                            "uk-xml or ftm-json" +
                                std::string(format == "csv" || format == "json"
                                                ? " (a csv or json list needs a column mapping: "
                                                  "import it with hudud lists import --mapping)"
                                                : "")),
                req.path);
    return;
  }
  if (body.empty()) {
    SendProblem(res, MakeProblem("invalid-request", "the body must be the list file"), req.path);
    return;
  }
  Result<lists::ParsedList> parsed = ParseListBody(body, format, *list);
  if (!parsed.ok()) {
    // Nothing was written: the previous version stays active.
    const bool failed = parsed.status().code() == Status::Code::kIOError;
    SendProblem(res,
                MakeProblem(failed ? "internal" : "invalid-request", parsed.status().message()),
                req.path);
    return;
  }
  if (parsed->list_id != *list) {
    // The lists others publish keep their own ids: a UN file sent to the EU
    // list would replace the EU list with the UN's.
    static const std::set<std::string> kPublished = {"un", "ofac-sdn", "eu", "uk", "opensanctions"};
    if (kPublished.count(*list) != 0) {
      SendProblem(res,
                  MakeProblem("invalid-request", "the body is a " + parsed->format + " list ('" +
                                                     parsed->list_id + "'), not list '" + *list +
                                                     "'; send it to /v1/lists/" + parsed->list_id +
                                                     "/import"),
                  req.path);
      return;
    }
    parsed->list_id = *list;
    for (model::Entity& e : parsed->entities) {
      e.list_id = *list;
      e.id = *list + ":" + e.source_id;
    }
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::ImportSummary> summary =
      db->ImportList(*parsed, "api upload by " + caller.principal.user, store::Sha256Hex(body));
  if (!summary.ok()) {
    SendStatusProblem(req, res, summary.status());
    return;
  }
  // Screening sees the new version from the next request on, whatever follows.
  ListChangeEffects effects = ApplyListChange(service, *db, *summary);
  if (!Record(service, caller, store::AuditAction::kCollection, "list:" + *list,
              api::Json{{"version", summary->version.id},
                        {"sha256", summary->version.sha256},
                        {"unchanged", summary->unchanged},
                        {"added", summary->added},
                        {"changed", summary->changed},
                        {"removed", summary->removed}},
              req, res)) {
    return;
  }
  api::Json out = api::ImportSummaryJson(*summary);
  if (!RecordListChange(service, caller, *summary, std::move(effects), &out, req, res)) return;
  SendJson(res, out);
}

}  // namespace

void RegisterLists(httplib::Server& http, Service& service) {
  http.Get("/v1/lists", [&service](const httplib::Request& req, httplib::Response& res) {
    Show(service, req, res);
  });
  http.Get(R"(/v1/lists/([^/]+)/versions)",
           [&service](const httplib::Request& req, httplib::Response& res) {
             Versions(service, req, res);
           });
  http.Get(
      R"(/v1/lists/([^/]+)/diff)",
      [&service](const httplib::Request& req, httplib::Response& res) { Diff(service, req, res); });
  http.Get(R"(/v1/lists/([^/]+)/entities/([^/]+))",
           [&service](const httplib::Request& req, httplib::Response& res) {
             Entity(service, req, res);
           });
  PostUpload(http, service, R"(/v1/lists/([^/]+)/import)", store::Permission::kListsWrite,
             [&service](const httplib::Request& req, httplib::Response& res, const Caller& caller,
                        const std::string& body) { Import(service, req, res, caller, body); });
}

}  // namespace hudud::server
