// Test helper: runs the built `hudud` binary (HUDUD_BINARY) as a child
// process in a private temporary directory, feeding stdin and capturing
// stdout, stderr and the exit code. Also imports the bundled UN list once
// per test process, since CTest runs every test in a process of its own.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

extern char** environ;

namespace hudud::cli::testing {

struct RunResult {
  int exit_code = -1;  // -1 when the child did not exit normally (a crash)
  std::string out;
  std::string err;
};

// A directory under $TMPDIR removed when the process ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "hudud-cli-XXXXXX").string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (::mkdtemp(buf.data()) != nullptr) path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline TempDir& Scratch() {
  static TempDir dir;
  return dir;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

// Runs hudud with `args` in the scratch directory. `env` entries
// ("HUDUD_DB=...") are added to the environment, from which HUDUD_DB is
// otherwise removed so the developer's own database is never touched.
inline RunResult RunHudud(const std::vector<std::string>& args, const std::string& stdin_text = "",
                          const std::vector<std::string>& env = {}) {
  static int counter = 0;
  const std::string dir = Scratch().path();
  const std::string base = dir + "/run" + std::to_string(++counter);
  WriteFile(base + ".in", stdin_text);

  std::vector<std::string> argv_s = {HUDUD_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_s;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::string_view(*e).rfind("HUDUD_DB=", 0) != 0) env_s.emplace_back(*e);
  }
  env_s.insert(env_s.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (std::string& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, (base + ".in").c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, (base + ".out").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, (base + ".err").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());

  RunResult result;
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    result.err = "posix_spawn failed";
    return result;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  result.out = ReadFile(base + ".out");
  result.err = ReadFile(base + ".err");
  return result;
}

inline std::string UnListPath() {
  return std::string(HUDUD_DATA_DIR) + "/lists/un-consolidated-2026-02-27.xml";
}

// A database holding the bundled UN list, imported once per test process.
inline const std::string& UnDb() {
  static const std::string db = [] {
    std::string path = Scratch().path() + "/un.db";
    RunResult r = RunHudud({"lists", "import", UnListPath(), "--db", path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return path;
  }();
  return db;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// True when `text` is exactly one line ending in a newline.
inline bool IsOneLine(const std::string& text) {
  return !text.empty() && text.back() == '\n' && text.find('\n') == text.size() - 1;
}

// The bundled UN list repeated `copies` times under new DATAIDs.
inline std::string BigList(int copies) {
  const std::string xml = ReadFile(UnListPath());
  const size_t ind_a = xml.find("<INDIVIDUALS>") + 13, ind_b = xml.find("</INDIVIDUALS>");
  const std::string individuals = xml.substr(ind_a, ind_b - ind_a);
  std::string out = xml.substr(0, ind_b);
  for (int k = 0; k < copies; ++k) {
    std::string copy = individuals;
    const std::string tag = "<DATAID>";
    for (size_t p = copy.find(tag); p != std::string::npos; p = copy.find(tag, p + 1)) {
      copy.insert(p + tag.size(), "copy" + std::to_string(k) + "-");
    }
    out += copy;
  }
  out += xml.substr(ind_b);
  return out;
}

inline std::string IntegrityCheck(const std::string& db_path) {
  sqlite3* db = nullptr;
  std::string result = "cannot open";
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
      result = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return result;
}

// In `db`, the first admin (root) and `user` with `role`, and an API token
// for `user`: the token's value, "" (after a test failure) when a step failed.
inline std::string UserWithToken(const std::string& db, const std::string& user,
                                 const std::string& role) {
  RunResult root =
      RunHudud({"users", "add", "root", "--role", "admin", "--no-password", "--db", db});
  EXPECT_EQ(root.exit_code, 0) << root.err;
  RunResult add = RunHudud(
      {"users", "add", user, "--role", role, "--no-password", "--db", db, "--actor", "root"});
  EXPECT_EQ(add.exit_code, 0) << add.err;
  RunResult tok = RunHudud({"tokens", "create", "--user", user, "--db", db, "--actor", "root"});
  EXPECT_EQ(tok.exit_code, 0) << tok.err;
  if (root.exit_code != 0 || add.exit_code != 0 || tok.exit_code != 0) return "";
  std::string token = tok.out;
  while (!token.empty() && (token.back() == '\n' || token.back() == ' ')) token.pop_back();
  return token;
}

// Starts `hudud ARGS...` in the background, its stdout to /dev/null and its
// stderr to `err_path`; the pid, or -1.
inline pid_t SpawnHudud(const std::vector<std::string>& args, const std::string& err_path) {
  std::vector<std::string> argv_s = {HUDUD_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

// The port a `hudud serve` started with --listen ADDR:0 logged on stderr
// (`err_path`), waiting up to 6 s for it; -1 when it never did.
inline int ServerPort(const std::string& err_path) {
  for (int i = 0; i < 300; ++i) {
    const std::string log = ReadFile(err_path);
    const size_t at = log.find("\"port\":");
    if (at != std::string::npos) return std::atoi(log.c_str() + at + 7);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

}  // namespace hudud::cli::testing
