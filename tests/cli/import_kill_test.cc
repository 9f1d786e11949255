// A killed import (SIGKILL in the middle of storing a big list) leaves the
// previous version active and the database valid: nothing half-imported is
// ever visible, and the next import works.
#include <signal.h>
#include <sqlite3.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "hudud_runner.h"

namespace hudud::cli::testing {
namespace {

TEST(ImportKillTest, KilledImportLeavesThePreviousVersionActive) {
  const std::string db = Scratch().path() + "/killed.db";
  const std::string big = Scratch().path() + "/big-un.xml";
  WriteFile(big, BigList(40));
  ASSERT_EQ(RunHudud({"lists", "import", UnListPath(), "--db", db}).exit_code, 0);

  // Kill the import once it has written a good part of the new version
  // (the write-ahead log grows past 4 MB), retrying with a later kill if
  // a fast machine finished first.
  bool killed_mid_import = false;
  for (int attempt = 0; attempt < 3 && !killed_mid_import; ++attempt) {
    std::string argv0 = HUDUD_BINARY, a1 = "lists", a2 = "import", db_flag = "--db";
    std::string file = big, dbp = db;
    char* argv[] = {argv0.data(),   a1.data(),  a2.data(), file.data(),
                    db_flag.data(), dbp.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, HUDUD_BINARY, &actions, nullptr, argv, environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    bool exited = false;
    while (std::chrono::steady_clock::now() < deadline) {
      std::error_code ec;
      auto size = std::filesystem::file_size(db + "-wal", ec);
      if (!ec && size > (4u << 20) * static_cast<unsigned>(attempt + 1)) break;
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (exited) {
      // It finished before we could kill it: undo by importing v1 again
      // would make a new version; start from a fresh database instead.
      std::filesystem::remove(db);
      std::filesystem::remove(db + "-wal");
      std::filesystem::remove(db + "-shm");
      ASSERT_EQ(RunHudud({"lists", "import", UnListPath(), "--db", db}).exit_code, 0);
      continue;
    }
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status));
    killed_mid_import = true;
  }
  ASSERT_TRUE(killed_mid_import) << "the import always finished before the kill";

  EXPECT_EQ(IntegrityCheck(db), "ok");
  RunResult show = RunHudud({"lists", "show", "--db", db, "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  nlohmann::json j = nlohmann::json::parse(show.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["versions"], 1);
  EXPECT_EQ(j[0]["entities"], 1003);
  RunResult screen = RunHudud({"screen", "--name", "Ayman al-Zawahiri", "--db", db});
  EXPECT_EQ(screen.exit_code, 0) << screen.err;
  EXPECT_NE(screen.out.find("un:"), std::string::npos);

  // And the database takes the next import.
  RunResult again = RunHudud({"lists", "import", big, "--db", db, "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["entities"], 1003 + 40 * 730);
}

}  // namespace
}  // namespace hudud::cli::testing
