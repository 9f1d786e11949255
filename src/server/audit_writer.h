// Group commit of audit records: every request that touches personal data
// appends a record and is answered only once it is durable, yet thousands
// of requests a second cannot each pay a SQLite commit. Requests queue their
// records; one writer thread appends whatever is queued as one transaction
// and wakes the requests it carried.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "base/status.h"
#include "store/audit.h"
#include "store/store.h"

namespace hudud::server {

class AuditWriter {
 public:
  // Appends through `store`, which it uses alone.
  explicit AuditWriter(std::unique_ptr<store::Store> store);
  ~AuditWriter();  // writes what is queued, then stops
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Queues `entry` and waits until it is committed; returns its seq. An
  // error when the append failed: the caller must not answer as if the
  // access had been recorded.
  Result<int64_t> Append(store::AuditEntry entry);

  uint64_t batches() const;  // transactions committed, for metrics

 private:
  struct Pending;
  void Loop();

  std::unique_ptr<store::Store> store_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Pending*> queue_;
  bool stop_ = false;
  uint64_t batches_ = 0;
  std::thread thread_;
};

}  // namespace hudud::server
