// The chain head of the audit trail signed from time to time inside
// `hudud serve` (store/audit.h's SignAuditHead with an ed25519 key kept in a
// file), so that records cannot be removed from the end of the trail
// unnoticed for longer than one interval. Off unless a key file is given.
//
// A background thread signs every ServerOptions::audit_sign_interval_seconds
// when records were appended since the last signature, and once more on
// shutdown, after the requests in flight were answered. A signature that
// fails (the records since the last one do not verify: someone altered
// them) is logged as a JSON line on stderr and notified to the auditor role;
// the server goes on.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "base/status.h"
#include "server/service.h"
#include "store/audit.h"

namespace hudud::server {

class AuditSigner {
 public:
  // Loads (or creates, 0600) the key in service.options().audit_key; nullptr
  // when none is configured. InvalidArgument / IOError for a bad key file.
  static Result<std::unique_ptr<AuditSigner>> Create(Service& service);
  ~AuditSigner();  // stops

  void Start();
  // Signs a last time and joins the thread. Idempotent; thread-safe.
  void Stop();
  // Signs the head now when it moved; the seq signed through (0: nothing yet).
  Result<int64_t> SignNow();

  const std::string& public_key_hex() const { return key_.public_key_hex(); }

 private:
  AuditSigner(Service& service, store::AuditSigningKey key)
      : service_(service), key_(std::move(key)) {}
  void Loop();

  Service& service_;
  store::AuditSigningKey key_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool stopped_ = false;
  std::thread thread_;
};

}  // namespace hudud::server
