// The shared state and the admission of requests (server/service.h).
#include "server/service.h"

#include <fmt/core.h>

#include <filesystem>
#include <utility>

#include "api/output.h"
#include "screening/loaders.h"
#include "server/problem.h"
#include "store/cases.h"
#include "store/documents.h"

namespace hudud::server {
namespace {

// The session cookie of the console.
constexpr std::string_view kSessionCookie = "hudud_session";

std::string CookieValue(const httplib::Request& request, std::string_view name) {
  const std::string cookies = request.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < cookies.size()) {
    size_t end = cookies.find(';', pos);
    if (end == std::string::npos) end = cookies.size();
    std::string_view part(cookies.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return "";
}

}  // namespace

std::string RequestPurpose(const httplib::Request& request) {
  std::string p = request.get_header_value("X-Purpose");
  if (p.empty() && request.has_param("purpose")) p = request.get_param_value("purpose");
  return p;
}

namespace {

// Changes whenever an import changed the register.
Result<std::string> RegisterStamp(store::Store& db) {
  Result<std::vector<store::DocumentSource>> sources = store::DocumentSources(db);
  if (!sources.ok()) return sources.status();
  std::string stamp;
  for (const auto& s : *sources) stamp += s.source + "|" + s.sha256 + ";";
  return stamp;
}

}  // namespace

Result<std::unique_ptr<Service>> Service::Open(const ServerOptions& options) {
  std::error_code ec;
  if (!std::filesystem::exists(options.db, ec)) {
    return Status::NotFound("database '" + options.db +
                            "' does not exist; import a list first: hudud lists import FILE "
                            "--db " +
                            options.db);
  }
  std::unique_ptr<Service> s(new Service());
  s->options_ = options;
  s->reported_ = std::make_unique<StampedCache<targeting::ReportedDocumentIndex>>(
      RegisterStamp, screening::LoadReportedDocuments);
  s->cleared_ = std::make_unique<StampedCache<screening::FalsePositiveMemory>>(
      [](store::Store& db) { return store::Cases(db).FalsePositivesStamp(); },
      screening::FalsePositiveMemory::Load);
  Result<store::PurposeList> purposes = store::LoadPurposes(options.purposes_file);
  if (!purposes.ok()) return purposes.status();
  s->purposes_ = std::move(*purposes);

  Result<std::unique_ptr<store::Store>> db = store::Store::Open(options.db);
  if (!db.ok()) return db.status();
  Result<std::vector<model::Entity>> entities = (*db)->LoadActiveEntities();
  if (!entities.ok()) return entities.status();
  if (entities->empty()) {
    return Status::NotFound("database '" + options.db + "' holds no active list; import one first");
  }
  Result<std::unique_ptr<match::Screener>> screener = match::Screener::Build(std::move(*entities));
  if (!screener.ok()) return screener.status();
  s->screener_ = std::shared_ptr<const match::Screener>(std::move(*screener));

  Result<std::unique_ptr<store::Store>> auth = store::Store::Open(options.db);
  if (!auth.ok()) return auth.status();
  s->auth_store_ = std::move(*auth);
  s->authenticator_ = std::make_unique<store::Authenticator>(*s->auth_store_);
  Result<std::unique_ptr<store::Store>> audit = store::Store::Open(options.db);
  if (!audit.ok()) return audit.status();
  s->audit_ = std::make_unique<AuditWriter>(std::move(*audit));
  s->ready_ = true;
  return s;
}

Service::~Service() = default;

ScreenerSnapshot Service::screener() const {
  std::lock_guard<std::mutex> lock(screener_mu_);
  return ScreenerSnapshot(screener_);
}

Result<size_t> Service::RebuildScreener() {
  std::lock_guard<std::mutex> rebuild(rebuild_mu_);
  Result<std::unique_ptr<store::Store>> db = OpenStore();
  if (!db.ok()) return db.status();
  Result<std::vector<model::Entity>> entities = (*db)->LoadActiveEntities();
  if (!entities.ok()) return entities.status();
  if (entities->empty()) return Status::NotFound("the database holds no active list");
  Result<std::unique_ptr<match::Screener>> built = match::Screener::Build(std::move(*entities));
  if (!built.ok()) return built.status();
  std::shared_ptr<const match::Screener> next(std::move(*built));
  const size_t size = next->size();
  std::shared_ptr<const match::Screener> old;
  {
    std::lock_guard<std::mutex> lock(screener_mu_);
    old = std::exchange(screener_, std::move(next));
  }
  return size;  // `old` is freed here, outside the lock, unless a request still holds it
}

Result<store::Principal> Service::Identify(const httplib::Request& request) {
  const std::string auth = request.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    return authenticator_->AuthenticateToken(std::string_view(auth).substr(7));
  }
  if (std::string cookie = CookieValue(request, kSessionCookie); !cookie.empty()) {
    return authenticator_->AuthenticateSession(cookie);
  }
  return Status::InvalidArgument("no credentials");
}

void Service::InvalidateCredentials() { authenticator_->Invalidate(); }

std::optional<store::Principal> Service::Authenticate(const httplib::Request& request,
                                                      httplib::Response& response) {
  Result<store::Principal> who = Identify(request);
  if (who.ok()) return std::move(*who);
  if (who.status().code() == Status::Code::kIOError) {
    SendProblem(response, MakeProblem("unavailable", "the credential store is unavailable"),
                request.path);
    return std::nullopt;
  }
  response.set_header("WWW-Authenticate", "Bearer realm=\"hudud\"");
  SendProblem(response,
              MakeProblem("unauthenticated",
                          request.get_header_value("Authorization").empty()
                              ? "send Authorization: Bearer <token> (hudud tokens create) or "
                                "sign in to the console"
                              : "the credentials were refused"),
              request.path);
  return std::nullopt;
}

std::optional<Caller> Service::Admit(const httplib::Request& request, httplib::Response& response,
                                     store::Permission permission, bool personal_data) {
  std::optional<store::Principal> who = Authenticate(request, response);
  if (!who) return std::nullopt;
  Caller caller{std::move(*who), RequestPurpose(request)};
  auto refuse = [&](const Problem& p) {
    // A refusal is an access attempt too: it goes in the trail.
    store::AuditEntry e;
    e.actor = caller.principal.user;
    e.role = std::string(store::ToString(caller.principal.role));
    e.purpose = caller.purpose.empty() ? "(none)" : caller.purpose;
    e.action = store::AuditAction::kAccessDenied;
    e.object = request.method + " " + request.path;
    e.detail = api::DumpJson(api::Json{{"problem", p.code}, {"detail", p.detail}});
    (void)audit_->Append(std::move(e));
    SendProblem(response, p, request.path);
    return std::nullopt;
  };
  if (!store::Allows(caller.principal.role, permission)) {
    return refuse(MakeProblem(
        "forbidden", fmt::format("the {} role may not {}", store::ToString(caller.principal.role),
                                 store::ToString(permission))));
  }
  if (personal_data) {
    Status st = store::CheckPurpose(purposes_, caller.purpose, caller.principal.role);
    if (!st.ok()) {
      return refuse(MakeProblem(caller.purpose.empty() ? "purpose-required" : "unknown-purpose",
                                st.message() + " (send it as the X-Purpose header or ?purpose=)"));
    }
  }
  return caller;
}

Result<int64_t> Service::Audit(const Caller& caller, store::AuditAction action, std::string object,
                               std::string detail) {
  store::AuditEntry e;
  e.actor = caller.principal.user;
  e.role = std::string(store::ToString(caller.principal.role));
  e.purpose = caller.purpose.empty() ? "(none)" : caller.purpose;
  e.action = action;
  e.object = std::move(object);
  e.detail = std::move(detail);
  return audit_->Append(std::move(e));
}

std::shared_ptr<const targeting::ReportedDocumentIndex> Service::ReportedDocuments() {
  return reported_->Get([this] { return OpenStore(); },
                        std::chrono::seconds(options_.register_refresh_seconds));
}

void Service::RefreshReportedDocuments() { reported_->Invalidate(); }

std::shared_ptr<const screening::FalsePositiveMemory> Service::ClearedHits() {
  // Before any memory is read, none: every hit refers, which errs on the
  // side of review.
  return cleared_->Get([this] { return OpenStore(); },
                       std::chrono::seconds(options_.register_refresh_seconds));
}

void Service::ForgetClearedHits() { cleared_->Invalidate(); }

Result<std::unique_ptr<store::Store>> Service::OpenStore() const {
  return store::Store::Open(options_.db);
}

std::string Service::MetricsText() const {
  const match::Screener::Stats st = screener()->stats();
  return fmt::format(
      "# HELP hudud_listed_entities Entities in the screening index.\n"
      "# TYPE hudud_listed_entities gauge\nhudud_listed_entities {}\n"
      "# HELP hudud_listed_names Names in the screening index.\n"
      "# TYPE hudud_listed_names gauge\nhudud_listed_names {}\n"
      "# HELP hudud_audit_batches_total Audit transactions committed.\n"
      "# TYPE hudud_audit_batches_total counter\nhudud_audit_batches_total {}\n",
      st.entities, st.names, audit_->batches());
}

}  // namespace hudud::server
