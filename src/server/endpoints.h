// The routes of the HTTP API, one file per endpoint (OSRM style). Each
// Register* adds its routes to `http`; handlers answer JSON or
// problem+json and never throw.
#pragma once

#include <httplib.h>

#include "api/json.h"
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

// GET /v1/lists (lists_endpoint.cc).
void RegisterLists(httplib::Server& http, Service& service);

// Parses the request body as a JSON object; answers 415/400 and returns
// false otherwise.
bool ParseJsonBody(const httplib::Request& request, httplib::Response& response, api::Json* body);

}  // namespace hudud::server
