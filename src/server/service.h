// What every endpoint of the HTTP API shares: the screening engine, the
// database, who is calling and why, and the audit trail. Endpoints ask
// Admit() first: it authenticates the request, checks the caller's role
// allows the permission, requires a purpose for personal data, and refuses
// with a problem+json answer (recording the refusal) otherwise.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "match/screener.h"
#include "screening/review.h"
#include "server/audit_writer.h"
#include "server/metrics.h"
#include "server/stamped_cache.h"
#include "store/access.h"
#include "store/purposes.h"
#include "store/store.h"
#include "targeting/documents.h"

namespace hudud::server {

struct ServerOptions {
  std::string db = "hudud.db";
  std::string listen = "127.0.0.1:8080";  // ADDR:PORT; port 0 = any free port
  std::string tls_cert, tls_key;          // both or neither
  std::string purposes_file;              // "" = the built-in purposes
  size_t max_body_bytes = 1 << 20;        // larger bodies: 413
  // Bodies of the upload routes (list files, held subjects, the documents
  // register), kept only for an admitted caller: larger ones, 413.
  size_t max_import_bytes = size_t{256} << 20;
  size_t max_batch = 1000;           // queries per batch request
  int request_timeout_seconds = 10;  // reading a request
  int threads = 0;                   // 0 = 64 (one per keep-alive connection)
  int register_refresh_seconds = 5;  // how stale the lost/stolen register may be
  // Retention (server/retention.h): the scheduled run and the vault key.
  int retention_interval_seconds = 3600;  // 0 = no scheduled run
  std::string depersonalise_after = "6m";
  std::string delete_after = "5y";
  std::string audit_keep = "5y";  // audit records older than this are pruned
  std::string vault_key;          // "" = "<db>.vault-key"
  // The audit chain head signed periodically (server/audit_signer.h).
  std::string audit_key;                 // ed25519 key file; "" = no signing
  int audit_sign_interval_seconds = 60;  // and once more on shutdown
  // The web console's build served at "/" (server/console.h); "" = none:
  // "/" then says how to build it. `hudud serve` fills it (--web).
  std::string web_root;
  // The agency's own airports (IATA codes, upper case): a kept flight
  // arriving at one is arriving, one leaving from one departing (the
  // indicators); empty = not told apart.
  std::vector<std::string> home_airports;
};

// The caller of an admitted request.
struct Caller {
  store::Principal principal;
  std::string purpose;  // "" for requests that touch no personal data
};

// The screening index as one request sees it. A rebuild (after a list
// import or a publication through the server) swaps in a new index;
// requests holding the old one finish on it. It converts to the index for
// code that passes it on by reference: the snapshot then lives until the
// end of that full expression, so keep a named snapshot when the index is
// used in more than one statement (a hit's entity_index belongs to the
// index that produced it).
class ScreenerSnapshot : public std::shared_ptr<const match::Screener> {
 public:
  explicit ScreenerSnapshot(std::shared_ptr<const match::Screener> index)
      : std::shared_ptr<const match::Screener>(std::move(index)) {}
  operator const match::Screener&() const { return **this; }  // NOLINT: by design
};

class Service {
 public:
  // Opens the database and builds the screening index from its active
  // lists. An error when the database is missing or holds no list.
  static Result<std::unique_ptr<Service>> Open(const ServerOptions& options);
  ~Service();

  // Admits the request or answers it with a problem and returns nullopt:
  // 401 without valid credentials (Authorization: Bearer <token>, or the
  // console's session cookie), 403 when the role lacks `permission`, 400
  // when `personal_data` and the purpose (X-Purpose header or ?purpose=) is
  // missing or not configured for the role. Refusals are audited.
  std::optional<Caller> Admit(const httplib::Request& request, httplib::Response& response,
                              store::Permission permission, bool personal_data);

  // Who sent the request (token or session cookie), without any permission
  // check; a refusal when the credentials are missing or invalid.
  Result<store::Principal> Identify(const httplib::Request& request);

  // As Identify, but a refusal is answered: 401 with WWW-Authenticate (503
  // when the credential store failed), and nullopt returned. Admit starts
  // here; routes open to every signed-in user end here.
  std::optional<store::Principal> Authenticate(const httplib::Request& request,
                                               httplib::Response& response);

  // Forgets the verified credentials kept in memory (after a sign-out or a
  // change of users and tokens made through the server).
  void InvalidateCredentials();

  // Records an access and waits until the record is durable; returns its
  // seq. The caller answers 500 when this fails: no unrecorded access.
  Result<int64_t> Audit(const Caller& caller, store::AuditAction action, std::string object,
                        std::string detail);

  // A database connection of the caller's own (a Store is not shared
  // between threads), for endpoints that read or write the database.
  Result<std::unique_ptr<store::Store>> OpenStore() const;

  // The lost and stolen documents register, re-read when an import changed
  // it (checked at most every options().register_refresh_seconds), so a
  // newly reported document is caught
  // without a restart.
  std::shared_ptr<const targeting::ReportedDocumentIndex> ReportedDocuments();

  // The current screening index, held for as long as the snapshot lives.
  ScreenerSnapshot screener() const;
  // Rebuilds the index from the database's active lists and swaps it in;
  // returns its entity count. Rebuilds run one at a time, each reading the
  // database after the previous one, so the last reflects the latest
  // import. On error the current index stays.
  Result<size_t> RebuildScreener();
  // The next ReportedDocuments() re-reads the register (after an import
  // made through the server, which must be seen at once).
  void RefreshReportedDocuments();

  // The false positives people cleared, in memory, re-read when they
  // changed (checked at most every options().register_refresh_seconds, and
  // at once after ForgetClearedHits(): a decision through the server).
  std::shared_ptr<const screening::FalsePositiveMemory> ClearedHits();
  void ForgetClearedHits();
  const ServerOptions& options() const { return options_; }
  Metrics& metrics() { return metrics_; }
  const store::PurposeList& purposes() const { return purposes_; }
  bool ready() const { return ready_.load(); }
  std::string MetricsText() const;

 private:
  Service() = default;
  ServerOptions options_;
  mutable std::mutex screener_mu_;  // guards screener_ (the pointer, not the index)
  std::shared_ptr<const match::Screener> screener_;
  std::mutex rebuild_mu_;  // one rebuild at a time
  std::unique_ptr<store::Store> auth_store_;
  std::unique_ptr<store::Authenticator> authenticator_;
  std::unique_ptr<AuditWriter> audit_;
  store::PurposeList purposes_;
  Metrics metrics_;
  std::atomic<bool> ready_{false};
  std::unique_ptr<StampedCache<targeting::ReportedDocumentIndex>> reported_;
  std::unique_ptr<StampedCache<screening::FalsePositiveMemory>> cleared_;
};

// The purpose a request gives: the X-Purpose header, else ?purpose=.
std::string RequestPurpose(const httplib::Request& request);

}  // namespace hudud::server
