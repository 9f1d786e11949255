// The scheduled retention run and POST /v1/retention/run, GET
// /v1/retention/status (server/retention.h).
#include <cstdio>

#include "api/output.h"
#include "api/retention_json.h"
#include "server/endpoints.h"
#include "server/problem.h"
#include "server/retention.h"
#include "store/notifications.h"

namespace hudud::server {
namespace {

// The actor the scheduled runs' erasure records name.
constexpr const char* kScheduleActor = "hudud-retention";

void Log(const std::string& json) { std::fprintf(stderr, "%s\n", json.c_str()); }

}  // namespace

Result<std::unique_ptr<RetentionService>> RetentionService::Create(Service& service) {
  const ServerOptions& o = service.options();
  std::unique_ptr<RetentionService> r(new RetentionService(service));
  Result<store::RetentionPeriod> dep = store::ParseRetentionPeriod(o.depersonalise_after);
  if (!dep.ok()) return Status::InvalidArgument("--depersonalise-after: " + dep.status().message());
  Result<store::RetentionPeriod> del = store::ParseRetentionPeriod(o.delete_after);
  if (!del.ok()) return Status::InvalidArgument("--delete-after: " + del.status().message());
  Result<store::RetentionPeriod> audit = store::ParseRetentionPeriod(o.audit_keep);
  if (!audit.ok()) return Status::InvalidArgument("--audit-keep: " + audit.status().message());
  if (o.retention_interval_seconds < 0) {
    return Status::InvalidArgument("--retention-interval must be 0 (off) or more seconds");
  }
  r->policy_.depersonalise_after = *dep;
  r->policy_.delete_after = *del;
  r->policy_.audit_keep = *audit;
  // Smaller batches than the CLI's: each holds the write lock that request
  // handlers wait for.
  r->policy_.batch_size = 100;
  Result<std::string> cut_dep = store::RetentionCutoff("", *dep);
  Result<std::string> cut_del = store::RetentionCutoff("", *del);
  if (cut_dep.ok() && cut_del.ok() && *cut_dep < *cut_del) {
    return Status::InvalidArgument("--depersonalise-after " + o.depersonalise_after +
                                   " is longer than --delete-after " + o.delete_after);
  }
  r->vault_path_ = o.vault_key.empty() ? store::DefaultVaultKeyPath(o.db) : o.vault_key;
  return r;
}

RetentionService::~RetentionService() { Stop(); }

void RetentionService::Start() {
  if (service_.options().retention_interval_seconds <= 0 || thread_.joinable()) return;
  thread_ = std::thread([this] { Loop(); });
}

void RetentionService::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int RetentionService::scheduled_runs() const {
  std::lock_guard<std::mutex> lock(mu_);
  return scheduled_runs_;
}

Result<store::Vault> RetentionService::LoadVault() const { return store::Vault::Load(vault_path_); }

std::optional<Result<store::RetentionReport>> RetentionService::RunNow(const std::string& actor,
                                                                       const std::string& role,
                                                                       const std::string& trigger) {
  std::unique_lock<std::mutex> running(run_mu_, std::try_to_lock);
  if (!running.owns_lock()) return std::nullopt;
  store::RetentionOptions o = policy_;
  o.actor = actor;
  o.role = role;
  o.trigger = trigger;
  Result<std::unique_ptr<store::Store>> db = service_.OpenStore();
  if (!db.ok()) return Result<store::RetentionReport>(db.status());
  store::Store& store = **db;
  // The key is read (or made) only when the run has something to seal.
  const store::VaultSource vault = [&]() -> Result<store::Vault> {
    Result<store::Vault> v = store::LoadOrCreateVault(store, vault_path_);
    if (v.ok() && v->created()) {
      Log(api::DumpJson(api::Json{{"event", "vault-key-created"}, {"path", vault_path_}}));
    }
    return v;
  };
  return store::RunRetention(store, vault, o, [this] {
    std::lock_guard<std::mutex> lock(mu_);
    return stopping_;
  });
}

void RetentionService::Loop() {
  const auto interval = std::chrono::seconds(service_.options().retention_interval_seconds);
  for (;;) {
    std::optional<Result<store::RetentionReport>> r = RunNow(kScheduleActor, "", "schedule");
    if (r && r->ok()) {
      const store::RetentionReport& rep = **r;
      Log(api::DumpJson(api::Json{{"event", "retention"},
                                  {"run", rep.run_id},
                                  {"complete", rep.complete},
                                  {"manifests_depersonalised", rep.manifests.depersonalised},
                                  {"manifests_deleted", rep.manifests.deleted},
                                  {"alerts_depersonalised", rep.alerts.depersonalised},
                                  {"alerts_deleted", rep.alerts.deleted},
                                  {"audit_depersonalised", rep.audit.depersonalised},
                                  {"audit_pruned", rep.audit_pruned},
                                  {"seconds", rep.seconds}}));
    } else if (r) {
      const std::string error = r->status().message();
      Log(api::DumpJson(api::Json{{"event", "retention-failed"}, {"error", error}}));
      Result<std::unique_ptr<store::Store>> db = service_.OpenStore();
      if (db.ok()) {
        (void)store::Notify(**db, "admin", "retention-failed", "retention",
                            "the scheduled retention run failed: " + error);
      }
    }
    std::unique_lock<std::mutex> lock(mu_);
    if (r) ++scheduled_runs_;
    cv_.notify_all();
    if (cv_.wait_for(lock, interval, [this] { return stopping_; })) return;
  }
}

namespace {

void Run(Service& service, RetentionService& retention, const httplib::Request& req,
         httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kRetentionRun, true);
  if (!caller) return;
  api::Json body;
  if (!ParseOptionalJsonBody(req, res, &body)) return;
  if (!CheckKnownKeys(body, {}, req, res)) return;
  std::optional<Result<store::RetentionReport>> r = retention.RunNow(
      caller->principal.user, std::string(store::ToString(caller->principal.role)), "api");
  if (!r) {
    SendProblem(res, MakeProblem("conflict", "a retention run is in progress; try again later"),
                req.path);
    return;
  }
  if (!r->ok()) {
    SendStatusProblem(req, res, r->status());
    return;
  }
  api::Json report = api::RetentionReportJson(**r);
  if (!Record(service, *caller, store::AuditAction::kErasure, "retention:run",
              api::Json{{"run", (*r)->run_id},
                        {"manifests", report["manifests"]},
                        {"alerts", report["alerts"]},
                        {"audit", report["audit"]}},
              req, res)) {
    return;
  }
  SendJson(res, report);
}

void StatusOf(Service& service, RetentionService& retention, const httplib::Request& req,
              httplib::Response& res) {
  // Counts and dates only: no personal data, no purpose needed.
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kRetentionRun, false);
  if (!caller) return;
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Result<store::RetentionStatus> st = store::ReadRetentionStatus(*db, retention.Policy());
  if (!st.ok()) {
    SendStatusProblem(req, res, st.status());
    return;
  }
  if (!Record(service, *caller, store::AuditAction::kConsultation, "retention:status",
              api::Json::object(), req, res)) {
    return;
  }
  api::Json out = api::RetentionStatusJson(*st);
  out["schedule"] = {{"interval_seconds", service.options().retention_interval_seconds},
                     {"depersonalise_after", retention.Policy().depersonalise_after.ToString()},
                     {"delete_after", retention.Policy().delete_after.ToString()},
                     {"audit_keep", retention.Policy().audit_keep.ToString()}};
  SendJson(res, out);
}

}  // namespace

void RegisterRetention(httplib::Server& http, Service& service, RetentionService& retention) {
  http.Post("/v1/retention/run",
            [&service, &retention](const httplib::Request& req, httplib::Response& res) {
              Run(service, retention, req, res);
            });
  http.Get("/v1/retention/status",
           [&service, &retention](const httplib::Request& req, httplib::Response& res) {
             StatusOf(service, retention, req, res);
           });
}

}  // namespace hudud::server
