// The routes of the HTTP API, one file per endpoint (OSRM style). Each
// Register* adds its routes to `http`; handlers answer JSON or
// problem+json and never throw.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "api/json.h"
#include "monitor/rescreen.h"
#include "server/service.h"

namespace hudud::server {

// GET /healthz, /readyz, /metrics, /v1/openapi.json (health.cc): public.
void RegisterHealth(httplib::Server& http, Service& service);

// POST /v1/screen and /v1/screen/batch (screen.cc).
void RegisterScreen(httplib::Server& http, Service& service);

// POST /v1/match/{dataset} and /match/{dataset}: yente's /match request and
// response shapes (match.cc).
void RegisterMatch(httplib::Server& http, Service& service);

// GET /v1/audit and /v1/audit/verify (audit_endpoint.cc): the auditor's.
void RegisterAudit(httplib::Server& http, Service& service);

// POST /v1/mrz: the booth (mrz_endpoint.cc).
void RegisterMrz(httplib::Server& http, Service& service);

// POST /v1/manifests: a PAXLST/PNRGOV message screened and kept
// (manifests_endpoint.cc).
void RegisterManifests(httplib::Server& http, Service& service);

// POST and DELETE /v1/session: the console's sign-in and sign-out
// (session_endpoint.cc); public (it is how one gets credentials).
void RegisterSession(httplib::Server& http, Service& service);

// GET /v1/lists, GET /v1/lists/{list}/versions, /diff, /entities/{id};
// POST /v1/lists/{list}/import (lists_endpoint.cc).
void RegisterLists(httplib::Server& http, Service& service);

// GET and POST /v1/designations, GET /v1/designations/{id}, POST
// /v1/designations/{id}/approve, /reject, /publish, GET
// /v1/designations/export (designations_endpoint.cc).
void RegisterDesignations(httplib::Server& http, Service& service);

// POST and GET /v1/subjects, GET /v1/subjects/{id} (subjects_endpoint.cc).
void RegisterSubjects(httplib::Server& http, Service& service);

// POST and GET /v1/documents: the lost/stolen register (documents_endpoint.cc).
void RegisterDocuments(httplib::Server& http, Service& service);

// GET and POST /v1/rules, GET /v1/rules/fields, GET /v1/rules/{name}, POST
// /v1/rules/{name}/test, /activate, /retire (rules_endpoint.cc).
void RegisterRules(httplib::Server& http, Service& service);

// GET /v1/manifests and /v1/manifests/{id}: the flights kept
// (manifests_read_endpoint.cc).
void RegisterManifestsRead(httplib::Server& http, Service& service);

// GET /v1/alerts, /v1/alerts/{id}, POST /v1/alerts/{id}/assign, /comment,
// /decide, /outcome, /reopen, GET /v1/cases/{reference} (alerts_endpoint.cc).
void RegisterAlerts(httplib::Server& http, Service& service);

// POST /v1/redress, GET /v1/redress, /v1/redress/{reference}, POST
// /v1/redress/{reference}/review and /resolve (redress_endpoint.cc).
void RegisterRedress(httplib::Server& http, Service& service);

// POST /v1/alerts/{id}/share, GET /v1/alerts/{id}/shares, POST
// /v1/shares/{id}/revoke, GET /v1/shared (shares_endpoint.cc).
void RegisterShares(httplib::Server& http, Service& service);

// GET /v1/network: the network of travellers, bookings, contacts, cards,
// flights, documents, alerts, list entries and held subjects around one
// node, as JSON or GraphML (network_endpoint.cc); manifests-read, with a
// purpose, recorded as a combination.
void RegisterNetwork(httplib::Server& http, Service& service);

// GET /v1/indicators: the dashboard's counts and durations by day, week or
// month, as JSON or CSV (indicators_endpoint.cc); indicators-read, no
// purpose (they name nobody).
void RegisterIndicators(httplib::Server& http, Service& service);

// POST /v1/transliterate: the Latin form shown beside names in other
// scripts (transliterate_endpoint.cc); any signed-in user.
void RegisterTransliterate(httplib::Server& http, Service& service);

// GET /v1/me: the caller's account (role, organisation, permissions, the
// purposes they may give, language) and PUT /v1/me/preferences
// {"language"} (me_endpoint.cc); any signed-in user, no purpose.
void RegisterMe(httplib::Server& http, Service& service);

// GET /v1/practices (search, filters, pages) and /v1/practices/{id} (with
// its translations): any signed-in user, no purpose; POST /v1/practices
// and PUT /v1/practices/{id}: practices-write, recorded as changes
// (practices_endpoint.cc).
void RegisterPractices(httplib::Server& http, Service& service);

// Parses the request body as a JSON object; answers 415/400 and returns
// false otherwise.
bool ParseJsonBody(const httplib::Request& request, httplib::Response& response, api::Json* body);

// ---- Shared by the endpoints (endpoint_util.cc).

// As ParseJsonBody, but an empty body is an empty object (for POSTs whose
// fields are all optional).
bool ParseOptionalJsonBody(const httplib::Request& request, httplib::Response& response,
                           api::Json* body);

// Answers 400 naming the first key of `body` not in `known` and returns
// false; a misspelt field is an error, not silently ignored.
bool CheckKnownKeys(const api::Json& body, std::initializer_list<std::string_view> known,
                    const httplib::Request& request, httplib::Response& response);

// Answers the problem a library status stands for: InvalidArgument 400
// invalid-request, except a four-eyes refusal (403 four-eyes) and a
// request that conflicts with the state of things (already done, no longer
// applicable, nothing to do: 409 conflict); NotFound 404; IOError 503;
// anything else 500.
void SendStatusProblem(const httplib::Request& request, httplib::Response& response,
                       const Status& status);

// A database connection for this request, or nullptr after answering 503.
std::unique_ptr<store::Store> OpenStoreFor(Service& service, const httplib::Request& request,
                                           httplib::Response& response);

// Records the access (Service::Audit); answers 500 and returns nullopt when
// it could not be recorded: nothing is answered unrecorded.
std::optional<int64_t> Record(Service& service, const Caller& caller, store::AuditAction action,
                              std::string object, const api::Json& detail,
                              const httplib::Request& request, httplib::Response& response);

// ?name= as an integer in [min, max]; `fallback` when absent. Answers 400
// and returns nullopt for anything else.
std::optional<int64_t> IntParam(const httplib::Request& request, httplib::Response& response,
                                const std::string& name, int64_t fallback, int64_t min,
                                int64_t max);

// body[key] as a string into `out`. Absent or null: left as it is when not
// `required`, else a 400 ("\"key\" is required (a string)"); another type
// is a 400 ("\"key\" must be a string"); false after a 400.
bool StringField(const api::Json& body, const char* key, bool required, std::string* out,
                 const httplib::Request& request, httplib::Response& response);

// The numeric id a route's pattern captured first (the pattern admits at
// most 18 digits); 0 when there is none.
int64_t PathId(const httplib::Request& request);

// ?name= as a date "YYYY-MM-DD" ("" when absent). Answers 400 and returns
// nullopt for anything else.
std::optional<std::string> DateParam(const httplib::Request& request, httplib::Response& response,
                                     const std::string& name);

// What follows a new list version made through the server (an import, a
// publication of designations): the screening index rebuilt and swapped
// (when the content changed), the held subjects re-screened against the
// change. Failures do not undo the version; they become warnings.
struct ListChangeEffects {
  std::optional<monitor::RescreenReport> rescreen;
  api::Json warnings = api::Json::array();
};
ListChangeEffects ApplyListChange(Service& service, store::Store& db,
                                  const store::ImportSummary& summary);

// Records the re-screen of held subjects as a combination (when it screened
// any) and adds "rescreen", "index_entities" and "warnings" to `out`.
// Returns false after answering 500 when the record failed.
bool RecordListChange(Service& service, const Caller& caller, const store::ImportSummary& summary,
                      ListChangeEffects effects, api::Json* out, const httplib::Request& request,
                      httplib::Response& response);

// Makes the library close the connection once the answer already in
// `response` has been sent: for answers given without reading the whole
// body, whose rest would otherwise be read as the next request.
void CloseAfterAnswer(httplib::Response& response);

// A route whose body is a file (a list, held subjects, the documents
// register): up to ServerOptions::max_import_bytes, where every other
// route takes max_body_bytes. The caller is admitted (`permission`, with a
// purpose) before the body is read; a refused caller's body is read and
// dropped, never kept, so the answer reaches the client.
using UploadHandler = std::function<void(const httplib::Request&, httplib::Response&, const Caller&,
                                         const std::string& body)>;
void PostUpload(httplib::Server& http, Service& service, const std::string& pattern,
                store::Permission permission, UploadHandler handler);

// A list id as lists are named: "un", "ofac-sdn", "kw-national" (lower-case
// letters, digits, '.', '_' and '-', at most 64).
bool ValidListId(const std::string& id);

// Answers `json` with `status` (200 by default).
void SendJson(httplib::Response& response, const api::Json& json, int status = 200);

}  // namespace hudud::server
