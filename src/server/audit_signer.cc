// Periodic signing of the audit chain head (server/audit_signer.h).
#include "server/audit_signer.h"

#include <chrono>
#include <cstdio>

#include "api/json.h"
#include "api/output.h"
#include "store/notifications.h"

namespace hudud::server {

Result<std::unique_ptr<AuditSigner>> AuditSigner::Create(Service& service) {
  const std::string& path = service.options().audit_key;
  if (path.empty()) return std::unique_ptr<AuditSigner>();
  if (service.options().audit_sign_interval_seconds < 1) {
    return Status::InvalidArgument("--audit-sign-interval must be at least 1 second");
  }
  Result<store::AuditSigningKey> key = store::LoadOrCreateSigningKey(path);
  if (!key.ok()) return key.status();
  return std::unique_ptr<AuditSigner>(new AuditSigner(service, std::move(*key)));
}

AuditSigner::~AuditSigner() { Stop(); }

void AuditSigner::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (thread_.joinable() || stopped_) return;
  thread_ = std::thread([this] { Loop(); });
}

void AuditSigner::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopped_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  // The last records of the run, signed before the process ends.
  (void)SignNow();
  std::lock_guard<std::mutex> lock(mu_);
  stopped_ = true;
}

Result<int64_t> AuditSigner::SignNow() {
  Result<std::unique_ptr<store::Store>> db = service_.OpenStore();
  if (!db.ok()) return db.status();
  Result<store::AuditSignature> s = store::SignAuditHead(**db, key_);
  if (!s.ok()) {
    if (s.status().code() == Status::Code::kNotFound) return int64_t{0};  // an empty trail
    std::fprintf(
        stderr, "%s\n",
        api::DumpJson(api::Json{{"event", "audit-sign-failed"}, {"error", s.status().message()}})
            .c_str());
    if (s.status().code() == Status::Code::kCorruption) {
      (void)store::Notify(**db, std::string(store::ToString(store::Role::kAuditor)),
                          "audit-chain-broken", "audit_log",
                          "signing the audit chain head failed: " + s.status().message());
    }
    return s.status();
  }
  return s->seq;
}

void AuditSigner::Loop() {
  const auto interval = std::chrono::seconds(service_.options().audit_sign_interval_seconds);
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, interval, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    (void)SignNow();
    lock.lock();
  }
}

}  // namespace hudud::server
