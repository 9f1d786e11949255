// A process-wide pool of screening threads that outlive one flight: the
// screener keeps per-thread memos of analysed tokens, which a thread made
// for one flight and then destroyed would build again for the next.
#pragma once

#include <cstddef>
#include <functional>

namespace hudud::targeting {

// Runs fn(i) for every i in [0, n) on up to `threads` threads, the calling
// thread included, and returns when all are done. Threads beyond the first
// come from a shared pool started on first use (at most 63 of them).
// `fn` must not throw. Concurrent calls are served one after the other.
void ParallelFor(size_t n, size_t threads, const std::function<void(size_t)>& fn);

}  // namespace hudud::targeting
