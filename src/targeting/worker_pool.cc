// The shared screening thread pool (targeting/worker_pool.h).
#include "targeting/worker_pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace hudud::targeting {
namespace {

class Pool {
 public:
  static Pool& Shared() {
    // Leaked on purpose: workers may still be parked at exit, and joining
    // them from a static destructor would race with other statics.
    static Pool* pool = new Pool();
    return *pool;
  }

  void Run(size_t n, size_t threads, const std::function<void(size_t)>& fn) {
    std::lock_guard<std::mutex> serial(run_mu_);
    Grow(threads - 1);
    {
      std::lock_guard<std::mutex> lock(mu_);
      fn_ = &fn;
      n_ = n;
      next_.store(0);
      helpers_wanted_ = threads - 1;
      helpers_done_ = 0;
      ++generation_;
    }
    wake_.notify_all();
    Work();
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [&] { return helpers_done_ == helpers_wanted_; });
    fn_ = nullptr;
  }

 private:
  void Grow(size_t wanted) {
    wanted = std::min<size_t>(wanted, 63);
    while (workers_ < wanted) {
      std::thread(&Pool::Loop, this, workers_).detach();
      ++workers_;
    }
  }

  void Work() {
    for (size_t i; (i = next_.fetch_add(1)) < n_;) (*fn_)(i);
  }

  void Loop(size_t id) {
    uint64_t seen = 0;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        wake_.wait(lock, [&] { return generation_ != seen; });
        seen = generation_;
        if (id >= helpers_wanted_) continue;  // not needed for this job
      }
      Work();
      {
        std::lock_guard<std::mutex> lock(mu_);
        ++helpers_done_;
      }
      done_.notify_one();
    }
  }

  std::mutex run_mu_;  // one job at a time
  std::mutex mu_;
  std::condition_variable wake_, done_;
  const std::function<void(size_t)>* fn_ = nullptr;
  size_t n_ = 0;
  std::atomic<size_t> next_{0};
  size_t helpers_wanted_ = 0, helpers_done_ = 0;
  uint64_t generation_ = 0;
  size_t workers_ = 0;  // guarded by run_mu_
};

}  // namespace

void ParallelFor(size_t n, size_t threads, const std::function<void(size_t)>& fn) {
  if (n == 0) return;
  threads = std::max<size_t>(1, std::min(threads, n));
  if (threads == 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  Pool::Shared().Run(n, std::min<size_t>(threads, 64), fn);
}

}  // namespace hudud::targeting
