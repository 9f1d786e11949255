// `hudud retention run` killed with SIGKILL midway through a database of
// many kept messages: the database passes PRAGMA integrity_check, the
// audit chain verifies, no message is half done (each is either masked and
// sealed or untouched), and the next run finishes the job. Also times a
// whole run.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "hudud_runner.h"
#include "store/audit.h"
#include "store/store.h"

namespace hudud::cli::testing {
namespace {

constexpr int kMessages = 4000;

// Seven months from now, as YYYY-MM-DD: the audit records appended today
// are then past their six months.
std::string LaterDate(int days = 214) {
  const std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

int64_t Count(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
  sqlite3_busy_timeout(h, 2000);
  sqlite3_stmt* s = nullptr;
  int64_t n = -1;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW) {
    n = sqlite3_column_int64(s, 0);
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return n;
}

std::string Text(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string out;
  if (sqlite3_open(db.c_str(), &h) != SQLITE_OK) return out;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK) {
    while (sqlite3_step(s) == SQLITE_ROW) {
      out += reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
      out += '\n';
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

// kMessages variants of the PNRGOV fixture kept a year ago, written in one
// transaction, plus audit records to mask.
void Fill(const std::string& db) {
  {
    Result<std::unique_ptr<store::Store>> s = store::Store::Open(db);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    std::vector<store::AuditEntry> entries;
    for (int i = 0; i < 500; ++i) {
      store::AuditEntry e;
      e.actor = "amina";
      e.purpose = "border-control";
      e.object = "screening";
      e.detail = R"({"query":{"names":["Traveller )" + std::to_string(i) + R"("]},"hits":[]})";
      entries.push_back(e);
    }
    ASSERT_TRUE(store::AppendAudit(**s, entries).ok());
  }
  const std::string fixture =
      ReadFile(std::string(HUDUD_TESTDATA_DIR) + "/travel/retention/pnrgov-cards-names.edi");
  ASSERT_FALSE(fixture.empty());
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_stmt* ins = nullptr;
  // Received yesterday: depersonalised seven months on, deleted six years on.
  const std::string received = LaterDate(-1) + "T10:00:00Z";
  ASSERT_EQ(sqlite3_prepare_v2(h,
                               "INSERT INTO manifests (format, flight, departure, travellers, "
                               "sha256, received_at, received_by, raw) VALUES ('pnrgov', 'KU101 "
                               "KWI-LHR', '2025-01-06', 2, ?3, ?4, 'omar', ?5)",
                               -1, &ins, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(ins, 4, received.c_str(), -1, SQLITE_TRANSIENT);
  for (int i = 0; i < kMessages; ++i) {
    std::string raw = fixture;
    const std::string locator = "W" + std::to_string(100000 + i);
    raw.replace(raw.find("W9TQ7Z"), 6, locator);
    const std::string sha = "sha-" + std::to_string(i);
    sqlite3_bind_text(ins, 3, sha.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(ins, 5, raw.data(), static_cast<int>(raw.size()), SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(ins), SQLITE_DONE) << sqlite3_errmsg(h);
    sqlite3_reset(ins);  // keeps ?4
  }
  sqlite3_finalize(ins);
  ASSERT_EQ(sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(h);
}

void ExpectSound(const std::string& db) {
  EXPECT_EQ(Text(db, "PRAGMA integrity_check"), "ok\n");
  auto store = store::Store::Open(db);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto v = store::VerifyAudit(**store);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_TRUE(v->ok) << v->problem;
  // Whole batches only: every masked message has its sealed original and
  // its erasure record, and no untouched message has either.
  EXPECT_EQ(Count(db,
                  "SELECT count(*) FROM manifests m WHERE depersonalised_at <> '' AND NOT "
                  "EXISTS (SELECT 1 FROM sealed_originals s WHERE s.object = 'manifest:' || "
                  "m.id)"),
            0);
  EXPECT_EQ(Count(db,
                  "SELECT count(*) FROM manifests m WHERE depersonalised_at = '' AND "
                  "EXISTS (SELECT 1 FROM sealed_originals s WHERE s.object = 'manifest:' || "
                  "m.id)"),
            0);
  EXPECT_EQ(Count(db,
                  "SELECT count(*) FROM manifests WHERE depersonalised_at = '' AND "
                  "instr(raw, '4111111111111111') = 0"),
            0);
}

TEST(RetentionKillTest, SigkillMidwayLeavesAValidDatabaseAndTheNextRunFinishes) {
  const std::string db = Scratch().path() + "/kill-retention.db";
  Fill(db);
  ASSERT_EQ(Count(db, "SELECT count(*) FROM manifests"), kMessages);

  const std::string err = Scratch().path() + "/retention-kill.err";
  pid_t pid =
      SpawnHudud({"retention", "run", "--db", db, "--now", LaterDate(), "--batch-size", "20"}, err);
  ASSERT_GT(pid, 0);
  int64_t done = 0;
  for (int i = 0; i < 2000 && done < 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    done = Count(db, "SELECT count(*) FROM manifests WHERE depersonalised_at <> ''");
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run ended before it was killed: " << ReadFile(err);
  const int64_t masked = Count(db, "SELECT count(*) FROM manifests WHERE depersonalised_at <> ''");
  std::printf("[ killed   ] after %lld of %d messages depersonalised\n",
              static_cast<long long>(masked), kMessages);
  EXPECT_GT(masked, 0);
  EXPECT_LT(masked, kMessages) << "killed too late to be midway";
  EXPECT_EQ(masked % 20, 0) << "a batch was half done";
  ExpectSound(db);
  EXPECT_EQ(Text(db, "SELECT state FROM retention_runs"), "running\n");

  // The next run picks up what is left.
  const auto start = std::chrono::steady_clock::now();
  RunResult again = RunHudud({"retention", "run", "--db", db, "--now", LaterDate(), "--json"});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  nlohmann::json j = nlohmann::json::parse(again.out);
  EXPECT_EQ(j["manifests"]["depersonalised"], kMessages - masked);
  EXPECT_EQ(j["complete"], true);
  std::printf("[ resumed  ] %lld messages depersonalised in %.2f s (the whole process)\n",
              static_cast<long long>(kMessages - masked), seconds);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM manifests WHERE depersonalised_at = ''"), 0);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM audit_log WHERE masked_by <> 0"), 500);
  ExpectSound(db);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM manifests WHERE instr(raw, '4111111111111111') > 0"),
            0);
}

// The same with the run the server schedules: `hudud serve` killed while
// its retention thread works through the messages.
TEST(RetentionKillTest, ServerKilledDuringItsScheduledRun) {
  const std::string db = Scratch().path() + "/kill-serve-retention.db";
  std::filesystem::copy_file(UnDb(), db, std::filesystem::copy_options::overwrite_existing);
  Fill(db);
  const std::string err = Scratch().path() + "/serve-retention-kill.err";
  // The server counts its periods from now: a 1-day period makes yesterday's
  // messages due.
  pid_t pid = SpawnHudud({"serve", "--db", db, "--listen", "127.0.0.1:0", "--retention-interval",
                          "1", "--depersonalise-after", "1d"},
                         err);
  ASSERT_GT(pid, 0);
  int64_t done = 0;
  for (int i = 0; i < 5000 && done < 300; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    done = Count(db, "SELECT count(*) FROM manifests WHERE depersonalised_at <> ''");
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  const int64_t masked = Count(db, "SELECT count(*) FROM manifests WHERE depersonalised_at <> ''");
  std::printf("[ killed   ] serve after %lld of %d messages depersonalised\n",
              static_cast<long long>(masked), kMessages);
  EXPECT_GT(masked, 0) << ReadFile(err);
  EXPECT_LT(masked, kMessages) << "killed too late to be midway";
  ExpectSound(db);
  RunResult again =
      RunHudud({"retention", "run", "--db", db, "--depersonalise-after", "1d", "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["manifests"]["depersonalised"], kMessages - masked);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM manifests WHERE depersonalised_at = ''"), 0);
  ExpectSound(db);
}

TEST(RetentionKillTest, TimesAWholeRun) {
  const std::string db = Scratch().path() + "/time-retention.db";
  Fill(db);
  const auto start = std::chrono::steady_clock::now();
  RunResult r = RunHudud({"retention", "run", "--db", db, "--now", LaterDate(), "--json"});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["manifests"]["depersonalised"], kMessages);
  EXPECT_EQ(j["audit"]["depersonalised"], 500);
  std::printf(
      "[ timed    ] %d PNRGOV messages (%zu bytes each) and 500 audit details "
      "depersonalised in %.2f s (run %.2f s)\n",
      kMessages,
      ReadFile(std::string(HUDUD_TESTDATA_DIR) + "/travel/retention/pnrgov-cards-names.edi").size(),
      seconds, j["seconds"].get<double>());
  // Deleting them all five years on.
  const auto del_start = std::chrono::steady_clock::now();
  RunResult del = RunHudud({"retention", "run", "--db", db, "--now", LaterDate(365 * 6), "--json"});
  ASSERT_EQ(del.exit_code, 0) << del.err;
  EXPECT_EQ(nlohmann::json::parse(del.out)["manifests"]["deleted"], kMessages);
  std::printf("[ timed    ] %d messages and their sealed originals deleted in %.2f s\n", kMessages,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - del_start).count());
  ExpectSound(db);
}

}  // namespace
}  // namespace hudud::cli::testing
