// What the endpoints share: optional JSON bodies, unknown keys, library
// errors as problems, the per-request database, recorded accesses, query
// parameters (server/endpoints.h).
#include <cstdint>
#include <regex>
#include <string>

#include "api/lists_json.h"
#include "api/output.h"
#include "model/date.h"
#include "server/endpoints.h"
#include "server/problem.h"

namespace hudud::server {

bool ParseOptionalJsonBody(const httplib::Request& request, httplib::Response& response,
                           api::Json* body) {
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    *body = api::Json::object();
    return true;
  }
  return ParseJsonBody(request, response, body);
}

bool CheckKnownKeys(const api::Json& body, std::initializer_list<std::string_view> known,
                    const httplib::Request& request, httplib::Response& response) {
  for (auto it = body.begin(); it != body.end(); ++it) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == it.key();
    if (!ok) {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      SendProblem(response,
                  MakeProblem("invalid-request", "unknown field '" + it.key() + "' (known: " +
                                                     (list.empty() ? "none" : list) + ")"),
                  request.path);
      return false;
    }
  }
  return true;
}

void SendStatusProblem(const httplib::Request& request, httplib::Response& response,
                       const Status& status) {
  const std::string& m = status.message();
  const char* code = "internal";
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
    case Status::Code::kCorruption:
    case Status::Code::kUnsupported:
      if (status.code() == Status::Code::kInvalidArgument && m.rfind("four eyes", 0) == 0) {
        code = "four-eyes";
      } else if (status.code() == Status::Code::kInvalidArgument &&
                 (m.find(" already ") != std::string::npos ||
                  m.find("no longer applies") != std::string::npos ||
                  m.rfind("nothing to publish", 0) == 0)) {
        code = "conflict";
      } else {
        code = "invalid-request";
      }
      break;
    case Status::Code::kNotFound:
      code = "not-found";
      break;
    case Status::Code::kIOError:
      code = "unavailable";
      break;
    default:
      break;
  }
  SendProblem(response, MakeProblem(code, m.empty() ? status.ToString() : m), request.path);
}

std::unique_ptr<store::Store> OpenStoreFor(Service& service, const httplib::Request& request,
                                           httplib::Response& response) {
  Result<std::unique_ptr<store::Store>> db = service.OpenStore();
  if (!db.ok()) {
    SendProblem(response, MakeProblem("unavailable", db.status().message()), request.path);
    return nullptr;
  }
  return std::move(*db);
}

std::optional<int64_t> Record(Service& service, const Caller& caller, store::AuditAction action,
                              std::string object, const api::Json& detail,
                              const httplib::Request& request, httplib::Response& response) {
  Result<int64_t> seq = service.Audit(caller, action, std::move(object), api::DumpJson(detail));
  if (!seq.ok()) {
    SendProblem(response, MakeProblem("internal", "the access could not be recorded"),
                request.path);
    return std::nullopt;
  }
  return *seq;
}

std::optional<int64_t> IntParam(const httplib::Request& request, httplib::Response& response,
                                const std::string& name, int64_t fallback, int64_t min,
                                int64_t max) {
  if (!request.has_param(name)) return fallback;
  const std::string v = request.get_param_value(name);
  try {
    size_t used = 0;
    const long long n = std::stoll(v, &used);
    if (used == v.size() && n >= min && n <= max) return static_cast<int64_t>(n);
  } catch (const std::exception&) {
  }
  SendProblem(
      response,
      MakeProblem("invalid-request", name + " must be an integer from " + std::to_string(min) +
                                         " to " + std::to_string(max) + ", got '" + v + "'"),
      request.path);
  return std::nullopt;
}

bool StringField(const api::Json& body, const char* key, bool required, std::string* out,
                 const httplib::Request& request, httplib::Response& response) {
  const bool absent = !body.contains(key) || body[key].is_null();
  if (absent && !required) return true;
  if (absent || !body[key].is_string()) {
    SendProblem(response,
                MakeProblem("invalid-request",
                            std::string("\"") + key + "\"" +
                                (absent ? " is required (a string)" : " must be a string")),
                request.path);
    return false;
  }
  *out = body[key].get<std::string>();
  return true;
}

int64_t PathId(const httplib::Request& request) {
  if (request.matches.size() < 2) return 0;
  try {
    return std::stoll(request.matches[1].str());
  } catch (const std::exception&) {
    return 0;
  }
}

std::optional<std::string> DateParam(const httplib::Request& request, httplib::Response& response,
                                     const std::string& name) {
  if (!request.has_param(name)) return std::string();
  const std::string v = request.get_param_value(name);
  std::optional<model::PartialDate> d = model::ParsePartialDate(v);
  if (v.size() != 10 || v[4] != '-' || v[7] != '-' || !d) {
    SendProblem(
        response,
        MakeProblem("invalid-request", name + " must be a date YYYY-MM-DD, got '" + v + "'"),
        request.path);
    return std::nullopt;
  }
  return v;
}

ListChangeEffects ApplyListChange(Service& service, store::Store& db,
                                  const store::ImportSummary& summary) {
  ListChangeEffects out;
  if (!summary.unchanged) {
    Result<size_t> rebuilt = service.RebuildScreener();
    if (!rebuilt.ok()) {
      out.warnings.push_back(
          "the list version is active, but the screening index could not be "
          "rebuilt: " +
          rebuilt.status().message());
    }
  }
  Result<monitor::RescreenReport> rescreen = monitor::RescreenAfterChange(db, summary);
  if (rescreen.ok()) {
    out.rescreen = std::move(*rescreen);
  } else {
    out.warnings.push_back(
        "the list version is active, but re-screening the held subjects "
        "failed: " +
        rescreen.status().message() + " (run hudud subjects rescreen)");
  }
  return out;
}

bool RecordListChange(Service& service, const Caller& caller, const store::ImportSummary& summary,
                      ListChangeEffects effects, api::Json* out, const httplib::Request& request,
                      httplib::Response& response) {
  if (effects.rescreen) {
    const monitor::RescreenReport& r = *effects.rescreen;
    // Held subjects screened against a list: two data sets joined.
    if (r.subjects > 0 && r.mode != "none" &&
        !Record(service, caller, store::AuditAction::kCombination, "subjects",
                api::Json{{"rescreen", "list:" + summary.version.list_id},
                          {"version", summary.version.id},
                          {"hits", r.hits},
                          {"alerts_raised", r.alerts_raised},
                          {"alerts_closed", r.alerts_closed}},
                request, response)) {
      return false;
    }
    (*out)["rescreen"] = api::RescreenJson(r);
  }
  (*out)["index_entities"] = service.screener()->size();
  if (!effects.warnings.empty()) (*out)["warnings"] = std::move(effects.warnings);
  return true;
}

void CloseAfterAnswer(httplib::Response& response) {
  // cpp-httplib keeps a connection open after any answer, and closes it
  // only when writing the answer fails: the answer is written by a content
  // provider that then reports a failure.
  auto body = std::make_shared<std::string>(std::move(response.body));
  const std::string type = response.get_header_value("Content-Type");
  response.body.clear();
  response.headers.erase("Content-Type");
  response.set_header("Connection", "close");
  response.set_content_provider(body->size(), type.empty() ? "application/problem+json" : type,
                                [body](size_t offset, size_t length, httplib::DataSink& sink) {
                                  sink.write(body->data() + offset, length);
                                  return false;
                                });
}

void PostUpload(httplib::Server& http, Service& service, const std::string& pattern,
                store::Permission permission, UploadHandler handler) {
  http.Post(pattern, [&service, permission, handler = std::move(handler)](
                         const httplib::Request& req, httplib::Response& res,
                         const httplib::ContentReader& reader) {
    std::optional<Caller> caller = service.Admit(req, res, permission, true);
    const size_t limit = service.options().max_import_bytes;
    std::string body;
    size_t seen = 0;
    const int refused_status = res.status;
    // A refused caller's body is read and dropped (the library holds a body
    // with a Content-Length to the limit; a chunked one is held here).
    const bool read = reader([&](const char* data, size_t n) {
      seen += n;
      if (seen > limit) return false;
      if (caller) body.append(data, n);
      return true;
    });
    if (!caller) {
      res.status = refused_status;  // the library may have set its own
      if (!read) CloseAfterAnswer(res);
      return;
    }
    if (!read) {
      const bool too_large = seen > limit || res.status == 413;
      SendProblem(res,
                  too_large ? MakeProblem("body-too-large", "at most " + std::to_string(limit) +
                                                                " bytes on this route")
                            : MakeProblem("invalid-request", "the body could not be read"),
                  req.path);
      CloseAfterAnswer(res);
      return;
    }
    handler(req, res, *caller, body);
  });
}

bool ValidListId(const std::string& id) {
  static const std::regex kId("[a-z0-9][a-z0-9._-]{0,63}");
  return std::regex_match(id, kId);
}

void SendJson(httplib::Response& response, const api::Json& json, int status) {
  response.status = status;
  response.set_content(api::DumpJson(json) + "\n", "application/json");
}

}  // namespace hudud::server
