// Shared helpers of the hudud CLI: error lines, input reading, ordered
// parallel execution.
#include "cli/cli_util.h"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <thread>

namespace hudud::cli {

namespace {

// One line on stderr: control characters would break log parsers that read
// one problem per line.
std::string OneLine(std::string_view message) {
  std::string line(message);
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return line;
}

}  // namespace

int Fail(int exit_code, std::string_view message) {
  std::fflush(stdout);
  std::string line = "hudud: error: " + OneLine(message) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  return exit_code;
}

int FailStatus(const Status& status, std::string_view context) {
  std::string message =
      context.empty() ? status.message() : std::string(context) + ": " + status.message();
  if (message.empty()) message = status.ToString();
  int code = status.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitRuntime;
  return Fail(code, message);
}

void Warn(std::string_view message) {
  std::string line = "hudud: warning: " + OneLine(message) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

std::string ResolveDbPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("HUDUD_DB");
  if (env != nullptr && *env != '\0') return env;
  return "hudud.db";
}

Result<std::string> ResolveUser(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("HUDUD_USER"); env != nullptr && *env != '\0') {
    return std::string(env);
  }
  return Status::InvalidArgument("who is acting? give --user NAME or set HUDUD_USER");
}

Status ReadAll(const std::string& path, std::string* out) {
  out->clear();
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    if (std::cin.bad()) return Status::IOError("cannot read standard input");
    *out = std::move(buffer).str();
    return Status::Ok();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IOError(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  }
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IOError(fmt::format("cannot read '{}'", path));
  return Status::Ok();
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string_view Trim(std::string_view s) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool WriteStdout(std::string_view data) {
  if (!data.empty() && std::fwrite(data.data(), 1, data.size(), stdout) != data.size())
    return false;
  return std::fflush(stdout) == 0;
}

int ResolveThreads(int requested) {
  // Beyond a few hundred threads nothing gets faster, only memory grows.
  constexpr int kMaxThreads = 256;
  if (requested > 0) return std::min(requested, kMaxThreads);
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

void ParallelFor(size_t n, int threads, const std::function<void(size_t, size_t)>& fn) {
  if (n == 0) return;
  size_t workers = std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), n);
  if (workers <= 1) {
    fn(0, n);
    return;
  }
  // About eight chunks per worker evens out lines that cost more than others
  // (long names, many candidates) without contending on the counter.
  size_t chunk = std::clamp<size_t>(n / (workers * 8), 1, 256);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (;;) {
      size_t begin = next.fetch_add(chunk, std::memory_order_relaxed);
      if (begin >= n) return;
      fn(begin, std::min(n, begin + chunk));
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t i = 0; i + 1 < workers; ++i) {
    // When the system refuses another thread, the ones started (and this
    // one) still finish all chunks: fewer threads, same result.
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace hudud::cli
