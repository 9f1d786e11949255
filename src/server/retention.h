// Retention inside `hudud serve`: the scheduled run (a background thread
// that runs store/retention.h's RunRetention every
// ServerOptions::retention_interval_seconds, the first time at start-up, and
// stops between batches on shutdown; with the periods of the options:
// depersonalise_after, delete_after and audit_keep, the audit log's own),
// the endpoints that run it and report on it (retention_endpoint.cc), and
// the four-eyes unmasking endpoints (unmask_endpoint.cc), which open sealed
// originals with the same vault key.
//
// One run at a time per server: a run asked for while another is going is
// refused (409). A scheduled run that fails is recorded in retention_runs
// ('failed') and the admin role is notified; the server goes on.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/status.h"
#include "server/service.h"
#include "store/retention.h"
#include "store/vault.h"

namespace hudud::server {

class RetentionService {
 public:
  // Checks the periods in `service.options()` (InvalidArgument naming the
  // option otherwise); does not start the schedule.
  static Result<std::unique_ptr<RetentionService>> Create(Service& service);
  ~RetentionService();  // stops the schedule

  // Starts the scheduled runs when the interval is above 0.
  void Start();
  // Asks a run in progress to stop after its batch and joins the thread.
  // Idempotent; thread-safe.
  void Stop();

  // Runs now, as `actor` in `role` ("schedule" runs name the service),
  // unless a run is in progress (then nullopt).
  std::optional<Result<store::RetentionReport>> RunNow(const std::string& actor,
                                                       const std::string& role,
                                                       const std::string& trigger);

  // The options a run uses (periods, batch size), for the status.
  store::RetentionOptions Policy() const { return policy_; }

  // The vault key, from the file in the options ("<db>.vault-key" by
  // default); a run creates it when it first has something to seal.
  Result<store::Vault> LoadVault() const;

  // How many scheduled runs have finished (for tests).
  int scheduled_runs() const;

 private:
  explicit RetentionService(Service& service) : service_(service) {}
  void Loop();

  Service& service_;
  store::RetentionOptions policy_;
  std::string vault_path_;
  std::mutex run_mu_;  // one run at a time
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  int scheduled_runs_ = 0;
  std::thread thread_;
};

// POST /v1/retention/run (admin: kRetentionRun, purpose retention) and GET
// /v1/retention/status (admin; no personal data) (retention_endpoint.cc).
void RegisterRetention(httplib::Server& http, Service& service, RetentionService& retention);

// POST /v1/unmask-requests, GET /v1/unmask-requests, GET
// /v1/unmask-requests/{id}, POST /v1/unmask-requests/{id}/approve and
// /reject, GET /v1/unmask-requests/{id}/data, GET /v1/notifications, POST
// /v1/notifications/{id}/read (unmask_endpoint.cc).
void RegisterUnmask(httplib::Server& http, Service& service, RetentionService& retention);

}  // namespace hudud::server
