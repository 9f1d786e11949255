// Small helpers every subcommand of the `hudud` binary shares: exit codes,
// one-line error reporting, the database path default, reading input lines
// and running work on several threads while keeping input order.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace hudud::cli {

// Exit codes are part of the contract other tools rely on.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRuntime = 1;  // a file, the database or the engine failed
inline constexpr int kExitUsage = 2;    // the command line or the query is wrong

// Prints "hudud: error: <message>" as exactly one line on stderr (newlines in
// the message become spaces, so callers parsing stderr see one line per
// problem) and returns `exit_code`.
int Fail(int exit_code, std::string_view message);

// Reports a non-OK status from a library: InvalidArgument is the user's
// fault (usage), anything else is a runtime failure.
int FailStatus(const Status& status, std::string_view context = {});

// Prints a one-line warning on stderr.
void Warn(std::string_view message);

// The database to use: `flag` when given, else $HUDUD_DB, else ./hudud.db.
std::string ResolveDbPath(const std::string& flag);

// The acting user: `flag` when given, else $HUDUD_USER; InvalidArgument
// ("who is acting? ...") when neither is set.
Result<std::string> ResolveUser(const std::string& flag);

// Reads the whole of `path` ("-" = stdin) into `out`.
Status ReadAll(const std::string& path, std::string* out);

// Splits `text` into lines without their "\n" or "\r\n". A final line
// without a newline counts; the empty piece after a trailing newline does not.
std::vector<std::string_view> SplitLines(std::string_view text);

// `s` without leading and trailing ASCII white space.
std::string_view Trim(std::string_view s);

// Writes `data` to stdout in one call and flushes. Returns false when the
// write failed (a closed pipe, a full disk).
bool WriteStdout(std::string_view data);

// The thread count to use: `requested` when > 0 (at most 256), else the
// hardware threads.
int ResolveThreads(int requested);

// Calls fn(begin, end) over [0, n) in chunks on up to `threads` threads.
// Chunks are small enough to balance uneven work and large enough to keep
// the shared counter cold. `fn` must not throw.
void ParallelFor(size_t n, int threads, const std::function<void(size_t, size_t)>& fn);

}  // namespace hudud::cli
