// `hudud audit`: verify exits 0 on an untouched log and 1 naming the record
// after tampering through sqlite3; list shows records (JSON too) and records
// itself only with --user; sign creates its key file; prune records itself
// and leaves a log that verifies.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "hudud_runner.h"
#include "store/audit.h"
#include "store/store.h"

namespace hudud::cli::testing {
namespace {

// A database holding `n` audit records, written through the library as the
// service would.
std::string AuditDb(const std::string& name, int n) {
  const std::string path = Scratch().path() + "/" + name + ".db";
  Result<std::unique_ptr<store::Store>> s = store::Store::Open(path);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return path;
  std::vector<store::AuditEntry> batch;
  for (int i = 1; i <= n; ++i) {
    store::AuditEntry e;
    e.actor = i % 2 ? "amina" : "karim";
    e.role = "analyst";
    e.purpose = "border-control";
    e.action = i % 5 ? store::AuditAction::kConsultation : store::AuditAction::kChange;
    e.object = "subject:c" + std::to_string(i);
    e.detail = R"({"n":)" + std::to_string(i) + "}";
    batch.push_back(e);
  }
  EXPECT_TRUE(store::AppendAudit(**s, batch).ok());
  return path;
}

void Sql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

bool Has(const std::string& text, const std::string& words) {
  return text.find(words) != std::string::npos;
}

TEST(AuditCliTest, VerifiesSignsAndListsAnUntouchedLog) {
  const std::string db = AuditDb("untouched", 20);
  const std::string key = Scratch().path() + "/audit.key";

  RunResult v = RunHudud({"audit", "verify", "--db", db});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_TRUE(Has(v.out, "audit chain valid: 20 records, signed through seq 0")) << v.out;
  EXPECT_TRUE(Has(v.out, "records 1 to 20, after the last signature")) << v.out;

  RunResult sign = RunHudud({"audit", "sign", "--key", key, "--db", db});
  ASSERT_EQ(sign.exit_code, 0) << sign.err;
  EXPECT_TRUE(Has(sign.out, "created signing key")) << sign.out;
  EXPECT_TRUE(Has(sign.out, "signed audit record 20")) << sign.out;
  EXPECT_EQ(std::filesystem::status(key).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  v = RunHudud({"audit", "verify", "--db", db, "--key", key});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_EQ(v.out, "audit chain valid: 20 records, signed through seq 20\n");
  v = RunHudud({"audit", "verify", "--db", db, "--json"});
  ASSERT_EQ(v.exit_code, 0) << v.err;
  nlohmann::json j = nlohmann::json::parse(v.out);
  EXPECT_EQ(j["ok"], true);
  EXPECT_EQ(j["records"], 20);
  EXPECT_EQ(j["signed_through"], 20);

  RunResult list = RunHudud({"audit", "list", "--db", db, "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  nlohmann::json records = nlohmann::json::parse(list.out);
  ASSERT_EQ(records.size(), 20u);
  EXPECT_EQ(records[0]["seq"], 20);  // newest first
  EXPECT_EQ(records[19]["actor"], "amina");
  EXPECT_EQ(records[19]["action"], "consultation");
  EXPECT_EQ(records[19]["object"], "subject:c1");
  EXPECT_EQ(records[19]["purpose"], "border-control");
  EXPECT_EQ(records[19]["prev_hash"], std::string(64, '0'));
  EXPECT_EQ(records[18]["prev_hash"], records[19]["hash"]);

  list = RunHudud({"audit", "list", "--db", db, "--action", "change", "--oldest-first"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  std::vector<std::string> lines = Lines(list.out);
  ASSERT_EQ(lines.size(), 4u) << list.out;  // 5, 10, 15, 20
  EXPECT_TRUE(Has(lines[0], "subject:c5")) << lines[0];
  EXPECT_TRUE(Has(lines[0], "change")) << lines[0];

  // Listing is not recorded unless a user is named.
  EXPECT_TRUE(Has(RunHudud({"audit", "verify", "--db", db}).out, "20 records"));
  list = RunHudud({"audit", "list", "--db", db, "--actor", "karim", "--limit", "2", "--user",
                   "auditor1", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(nlohmann::json::parse(list.out).size(), 2u);
  list = RunHudud({"audit", "list", "--db", db, "--limit", "1", "--json"});
  nlohmann::json last = nlohmann::json::parse(list.out)[0];
  EXPECT_EQ(last["seq"], 21);
  EXPECT_EQ(last["actor"], "auditor1");
  EXPECT_EQ(last["action"], "consultation");
  EXPECT_EQ(last["object"], "audit_log");
  EXPECT_TRUE(Has(last["detail"].get<std::string>(), R"("actor":"karim")")) << last["detail"];
  v = RunHudud({"audit", "verify", "--db", db, "--key", key});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_TRUE(Has(v.out, "record 21, after the last signature")) << v.out;
}

TEST(AuditCliTest, TamperingExitsOneNamingTheRecord) {
  const std::string db = AuditDb("tampered", 12);
  Sql(db, "UPDATE audit_log SET purpose = 'curiosity' WHERE seq = 7");
  RunResult v = RunHudud({"audit", "verify", "--db", db});
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_EQ(v.out, "audit chain BROKEN at record 7: hash does not match its content (altered)\n");
  v = RunHudud({"audit", "verify", "--db", db, "--json"});
  EXPECT_EQ(v.exit_code, 1);
  nlohmann::json j = nlohmann::json::parse(v.out);
  EXPECT_EQ(j["ok"], false);
  EXPECT_EQ(j["first_bad_seq"], 7);

  const std::string gap = AuditDb("gap", 12);
  Sql(gap, "DELETE FROM audit_log WHERE seq = 4");
  v = RunHudud({"audit", "verify", "--db", gap});
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_EQ(v.out, "audit chain BROKEN at record 4: record 4 missing between 3 and 5 (removed)\n");

  // Signing refuses to vouch for a broken chain.
  RunResult sign =
      RunHudud({"audit", "sign", "--key", Scratch().path() + "/tampered.key", "--db", db});
  EXPECT_EQ(sign.exit_code, 1);
  EXPECT_TRUE(Has(sign.err, "record 7")) << sign.err;
}

TEST(AuditCliTest, PruneRecordsItselfAndTheRestVerifies) {
  const std::string db = AuditDb("prune", 8);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const std::string cutoff = store::AuditYearsAgo(0);
  RunResult p = RunHudud({"audit", "prune", "--before", cutoff, "--user", "dpo", "--key",
                          Scratch().path() + "/prune.key", "--db", db});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_TRUE(Has(p.out, "pruned 8 audit records")) << p.out;
  EXPECT_TRUE(Has(p.out, "record 9 anchors the rest")) << p.out;
  EXPECT_TRUE(Has(p.out, "signed audit record 9")) << p.out;
  RunResult v = RunHudud({"audit", "verify", "--db", db});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_TRUE(Has(v.out, "audit chain valid: 1 record, signed through seq 9")) << v.out;
  EXPECT_TRUE(Has(v.out, "records up to 8 were pruned")) << v.out;
  RunResult list = RunHudud({"audit", "list", "--db", db, "--action", "erasure", "--json"});
  nlohmann::json j = nlohmann::json::parse(list.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["actor"], "dpo");
  EXPECT_EQ(j[0]["purpose"], "retention");

  // The default keeps five years: nothing to prune, nothing written.
  p = RunHudud({"audit", "prune", "--db", db}, "", {"HUDUD_USER=dpo"});
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_TRUE(Has(p.out, "nothing pruned")) << p.out;
}

TEST(AuditCliTest, UsageErrors) {
  const std::string db = AuditDb("usage", 3);
  const auto code = [&](const std::vector<std::string>& args) {
    RunResult r = RunHudud(args);
    EXPECT_TRUE(IsOneLine(r.err)) << r.err;
    return r.exit_code;
  };
  EXPECT_EQ(code({"audit", "list", "--db", db, "--action", "peeking"}), 2);
  EXPECT_EQ(code({"audit", "list", "--db", db, "--from", "last week"}), 2);
  EXPECT_EQ(code({"audit", "verify", "--db", db, "--public-key", "abc"}), 2);
  EXPECT_EQ(
      code({"audit", "verify", "--db", db, "--public-key", std::string(64, 'a'), "--key", "k"}), 2);
  EXPECT_EQ(code({"audit", "prune", "--db", db}), 2);  // who?
  EXPECT_EQ(code({"audit", "sign", "--db", db}), 2);   // --key is required
  EXPECT_EQ(code({"audit", "frobnicate"}), 2);
  // A missing database is not an empty, valid log.
  EXPECT_EQ(code({"audit", "verify", "--db", Scratch().path() + "/absent.db"}), 1);
}

}  // namespace
}  // namespace hudud::cli::testing
