// The audit group-commit writer (server/audit_writer.h).
#include "server/audit_writer.h"

namespace hudud::server {

struct AuditWriter::Pending {
  store::AuditEntry entry;
  bool done = false;
  Status status;
  int64_t seq = 0;
  std::condition_variable cv;
};

AuditWriter::AuditWriter(std::unique_ptr<store::Store> store)
    : store_(std::move(store)), thread_(&AuditWriter::Loop, this) {}

AuditWriter::~AuditWriter() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

Result<int64_t> AuditWriter::Append(store::AuditEntry entry) {
  Pending p;
  p.entry = std::move(entry);
  std::unique_lock<std::mutex> lock(mu_);
  if (stop_) return Status::Internal("the audit writer has stopped");
  queue_.push_back(&p);
  wake_.notify_one();
  p.cv.wait(lock, [&] { return p.done; });
  if (!p.status.ok()) return p.status;
  return p.seq;
}

uint64_t AuditWriter::batches() const {
  std::lock_guard<std::mutex> lock(mu_);
  return batches_;
}

void AuditWriter::Loop() {
  for (;;) {
    std::vector<Pending*> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty() && stop_) return;
      // Everything queued goes in one transaction; while it commits, the
      // next batch gathers.
      while (!queue_.empty() && batch.size() < 4096) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    std::vector<store::AuditEntry> entries;
    entries.reserve(batch.size());
    for (Pending* p : batch) entries.push_back(p->entry);
    Result<std::vector<int64_t>> seqs = store::AppendAudit(*store_, entries);
    if (!seqs.ok() && batch.size() > 1 && seqs.status().code() == Status::Code::kInvalidArgument) {
      // One bad entry must not fail the others: append them one by one.
      for (Pending* p : batch) {
        Result<std::vector<int64_t>> one = store::AppendAudit(*store_, {p->entry});
        std::lock_guard<std::mutex> lock(mu_);
        p->status = one.ok() ? Status::Ok() : one.status();
        if (one.ok()) p->seq = one->front();
        p->done = true;
        p->cv.notify_one();
      }
      continue;
    }
    std::lock_guard<std::mutex> lock(mu_);
    ++batches_;
    for (size_t i = 0; i < batch.size(); ++i) {
      Pending* p = batch[i];
      p->status = seqs.ok() ? Status::Ok() : seqs.status();
      if (seqs.ok()) p->seq = (*seqs)[i];
      p->done = true;
      p->cv.notify_one();
    }
  }
}

}  // namespace hudud::server
