// `hudud retention` and `hudud unmask` end to end: messages kept by
// `manifest screen` are depersonalised by `retention run` (nothing of the
// fixtures' names, cards, documents, phones, e-mails or free text left in
// the database file), rules still test on them, the run is idempotent and
// reports per store; unmasking takes an analyst's request and the DPO's
// approval (never by the requester), and only the requester reads the
// original; deletion after the deletion period; audit records pruned after
// theirs with the chain still verifying; meal and medical requests deleted
// on receipt from the kept message; bad options are refused.
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "hudud_runner.h"
#include "store/store.h"

namespace hudud::cli::testing {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(HUDUD_TESTDATA_DIR) + "/travel/" + name;
}

// A copy of the UN database with users and both retention fixtures kept.
std::string PreparedDb(const std::string& name) {
  const std::string db = Scratch().path() + "/" + name + ".db";
  std::filesystem::copy_file(UnDb(), db, std::filesystem::copy_options::overwrite_existing);
  EXPECT_EQ(
      RunHudud({"users", "add", "root", "--role", "admin", "--no-password", "--db", db}).exit_code,
      0);
  for (auto [user, role] : std::vector<std::pair<std::string, std::string>>{
           {"amina", "analyst"}, {"karim", "analyst"}, {"dpo", "auditor"}}) {
    RunResult r = RunHudud(
        {"users", "add", user, "--role", role, "--no-password", "--db", db, "--actor", "root"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  for (const char* f : {"retention/paxlst-unow-names.edi", "retention/pnrgov-cards-names.edi"}) {
    RunResult r = RunHudud({"manifest", "screen", Fixture(f), "--db", db, "--user", "omar"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  return db;
}

// Every kept message's bytes.
std::string Raws(const std::string& db) {
  std::string out;
  sqlite3* h = nullptr;
  if (sqlite3_open(db.c_str(), &h) != SQLITE_OK) return out;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(h, "SELECT raw FROM manifests", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    const void* b = sqlite3_column_blob(s, 0);
    if (b != nullptr) out.append(static_cast<const char*>(b), sqlite3_column_bytes(s, 0));
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

// The first column of every row of `sql`, one a line.
std::string Text(const std::string& db, const std::string& sql) {
  std::string out;
  sqlite3* h = nullptr;
  if (sqlite3_open(db.c_str(), &h) != SQLITE_OK) return out;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(s, 0);
    out += (t == nullptr ? "" : reinterpret_cast<const char*>(t)) + std::string("\n");
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

int64_t Count(const std::string& db, const std::string& sql) {
  const std::string t = Text(db, sql);
  return t.empty() ? -1 : std::stoll(t);
}

std::string DbBytes(const std::string& db) {
  std::string all = ReadFile(db);
  all += ReadFile(db + "-wal");
  return all;
}

const std::vector<std::string>& OriginalValues() {
  static const std::vector<std::string> kValues = {
      "الهاشمي",          "أحمد",        "РАХИМОВ",      "ДИЛШОД",        "CONNOR",
      "K01234567",        "PA9876543",   "96550012345",  "AHMED.HASHIMI", "TRAVELLING TO VISIT",
      "الصباح",           "فاطمة",       "ИВАНОВА",      "P77123456",     "4111111111111111",
      "5500005555555559", "96599887766", "BAKER STREET", "KHALID",        "VGB123456"};
  return kValues;
}

// Seven months from now, as YYYY-MM-DD: what is kept today is then past
// its six months.
std::string LaterDate(int days = 214) {
  const std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}
const std::string kLater = LaterDate();

TEST(RetentionCli, RunDepersonalisesAndIsIdempotent) {
  const std::string db = PreparedDb("retention-run");
  const std::string before = DbBytes(db);
  for (const std::string& v : OriginalValues()) ASSERT_NE(before.find(v), std::string::npos) << v;
  // The kosher meal and the wheelchair were deleted on receipt.
  for (const char* v : {"KNEE SURGERY", "NO PORK", "KSML", "WCHR"}) {
    EXPECT_EQ(before.find(v), std::string::npos) << v;
  }

  RunResult status = RunHudud({"retention", "status", "--db", db, "--now", kLater});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("2 manifests and 0 alerts to depersonalise"), std::string::npos)
      << status.out;

  RunResult run = RunHudud(
      {"retention", "run", "--db", db, "--now", kLater, "--delete-after", "20y", "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["manifests"]["depersonalised"], 2);
  EXPECT_EQ(j["manifests"]["deleted"], 0);
  EXPECT_EQ(j["complete"], true);
  EXPECT_EQ(j["vault_key"], db + ".vault-key");
  EXPECT_NE(run.err.find("created the vault key"), std::string::npos) << run.err;
  EXPECT_EQ(std::filesystem::status(db + ".vault-key").permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  // Nowhere in the file (names that are also in the UN list aside), nor in
  // any kept message.
  const std::string after = DbBytes(db);
  const std::string un = ReadFile(UnDb());
  const std::string raws = Raws(db);
  for (const std::string& v : OriginalValues()) {
    if (un.find(v) == std::string::npos) {
      EXPECT_EQ(after.find(v), std::string::npos) << "'" << v << "' is still in the database file";
    }
    EXPECT_EQ(raws.find(v), std::string::npos) << "'" << v << "' is still in a kept message";
  }
  RunResult verify = RunHudud({"audit", "verify", "--db", db});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;

  // Rules still test on the kept flights, and see no names.
  RunResult save =
      RunHudud({"rules", "save", "tj", "--when", "traveller.nationality = TJ", "--justification",
                "route review (test)", "--owner", "PIU", "--db", db, "--user", "amina"});
  ASSERT_EQ(save.exit_code, 0) << save.err;
  RunResult test = RunHudud({"rules", "test", "tj", "--db", db});
  ASSERT_EQ(test.exit_code, 0) << test.err;
  EXPECT_NE(test.out.find("would have hit 1 of 5 travellers on 1 of 2 kept flights"),
            std::string::npos)
      << test.out;
  EXPECT_EQ(test.out.find("RAHIMOV"), std::string::npos) << test.out;
  EXPECT_EQ(test.out.find("РАХИМОВ"), std::string::npos) << test.out;

  // Again: nothing to do.
  RunResult again =
      RunHudud({"retention", "run", "--db", db, "--now", kLater, "--delete-after", "20y"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("manifests  depersonalised 0, deleted 0"), std::string::npos)
      << again.out;
  EXPECT_EQ(again.err.find("created"), std::string::npos) << again.err;

  RunResult js = RunHudud({"retention", "status", "--db", db, "--json"});
  ASSERT_EQ(js.exit_code, 0) << js.err;
  nlohmann::json st = nlohmann::json::parse(js.out);
  EXPECT_EQ(st["done"]["manifests_depersonalised"], 2);
  EXPECT_EQ(st["sealed"], 2);
  ASSERT_EQ(st["runs"].size(), 2u);
  EXPECT_EQ(st["runs"][0]["state"], "complete");
}

TEST(RetentionCli, FourEyesUnmaskingThenDeletion) {
  const std::string db = PreparedDb("unmask");
  ASSERT_EQ(RunHudud({"retention", "run", "--db", db, "--now", kLater, "--delete-after", "20y"})
                .exit_code,
            0);
  auto as = [&](const std::string& user, std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db, "--actor", user});
    return RunHudud(args);
  };
  RunResult req = as("amina", {"unmask", "request", "manifest:1", "--reason",
                               "Case 2026/311 needs the passenger's name", "--purpose",
                               "ct-investigation", "--json"});
  ASSERT_EQ(req.exit_code, 0) << req.err;
  EXPECT_EQ(nlohmann::json::parse(req.out)["state"], "pending");

  // A purpose the analyst's role may not use, and a bad object.
  EXPECT_EQ(as("amina", {"unmask", "request", "manifest:1", "--reason", "long enough reason",
                         "--purpose", "audit"})
                .exit_code,
            2);
  EXPECT_EQ(as("amina", {"unmask", "request", "passport:1", "--reason", "long enough reason",
                         "--purpose", "ct-investigation"})
                .exit_code,
            2);

  // The analyst cannot approve (nor anyone their own request); the DPO can.
  RunResult own = as("amina", {"unmask", "approve", "1", "--note", "fine"});
  EXPECT_EQ(own.exit_code, 2);
  EXPECT_NE(own.err.find("may not unmask-approve"), std::string::npos) << own.err;
  RunResult early = as("amina", {"unmask", "read", "1"});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_NE(early.err.find("pending"), std::string::npos) << early.err;
  RunResult ok =
      as("dpo", {"unmask", "approve", "1", "--note", "proportionate", "--valid-for", "1h"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("[approved]"), std::string::npos) << ok.out;

  // Only the requester reads it.
  RunResult other = as("karim", {"unmask", "read", "1"});
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("only amina"), std::string::npos) << other.err;
  RunResult read = as("amina", {"unmask", "read", "1"});
  ASSERT_EQ(read.exit_code, 0) << read.err;
  EXPECT_EQ(read.out, ReadFile(Fixture("retention/paxlst-unow-names.edi")));
  RunResult read_json = as("amina", {"unmask", "read", "1", "--json"});
  ASSERT_EQ(read_json.exit_code, 0) << read_json.err;
  EXPECT_EQ(nlohmann::json::parse(read_json.out)["format"], "paxlst");

  // The DPO was told of the request, the decision and both reads.
  RunResult notes = as("dpo", {"unmask", "notifications", "--json"});
  ASSERT_EQ(notes.exit_code, 0) << notes.err;
  nlohmann::json n = nlohmann::json::parse(notes.out)["notifications"];
  ASSERT_EQ(n.size(), 4u) << notes.out;
  EXPECT_EQ(n[0]["kind"], "unmask-used");
  EXPECT_EQ(n[1]["kind"], "unmask-used");
  EXPECT_EQ(n[2]["kind"], "unmask-approved");
  EXPECT_EQ(n[3]["kind"], "unmask-requested");
  EXPECT_EQ(as("dpo", {"unmask", "notifications", "--read", "1"}).exit_code, 0);
  RunResult unread = as("dpo", {"unmask", "notifications", "--unread", "--json"});
  EXPECT_EQ(nlohmann::json::parse(unread.out)["notifications"].size(), 3u);
  EXPECT_NE(as("amina", {"unmask", "notifications"}).out.find("no notifications"),
            std::string::npos);

  // Lists: the analyst's own, everything for the DPO.
  ASSERT_EQ(as("karim", {"unmask", "request", "manifest:2", "--reason", "A second case, 2026/400",
                         "--purpose", "ct-investigation"})
                .exit_code,
            0);
  RunResult mine = as("amina", {"unmask", "list", "--json"});
  EXPECT_EQ(nlohmann::json::parse(mine.out)["requests"].size(), 1u);
  RunResult all = as("dpo", {"unmask", "list", "--json"});
  EXPECT_EQ(nlohmann::json::parse(all.out)["requests"].size(), 2u);
  EXPECT_EQ(as("amina", {"unmask", "show", "2"}).exit_code, 2);
  EXPECT_EQ(as("dpo", {"unmask", "show", "2"}).exit_code, 0);
  EXPECT_EQ(as("dpo", {"unmask", "reject", "2", "--note", "not needed"}).exit_code, 0);
  EXPECT_EQ(as("dpo", {"unmask", "reject", "2", "--note", "again"}).exit_code, 2);

  // Every read is an unmasking record; the chain verifies.
  RunResult trail = RunHudud({"audit", "list", "--action", "unmasking", "--json", "--db", db});
  ASSERT_EQ(trail.exit_code, 0) << trail.err;
  EXPECT_EQ(nlohmann::json::parse(trail.out).size(), 2u) << trail.out;
  EXPECT_EQ(RunHudud({"audit", "verify", "--db", db}).exit_code, 0);

  // After the deletion period: gone, for the requester too.
  RunResult del = RunHudud({"retention", "run", "--db", db, "--now", LaterDate(365 * 6), "--json"});
  ASSERT_EQ(del.exit_code, 0) << del.err;
  EXPECT_EQ(nlohmann::json::parse(del.out)["manifests"]["deleted"], 2);
  RunResult gone = as("amina", {"unmask", "read", "1"});
  EXPECT_EQ(gone.exit_code, 1);
  EXPECT_NE(gone.err.find("deleted"), std::string::npos) << gone.err;
}

TEST(RetentionCli, BadInputIsRefused) {
  const std::string db = PreparedDb("retention-bad");
  auto run = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"retention", "run", "--db", db};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunHudud(args);
  };
  RunResult period = run({"--depersonalise-after", "6x"});
  EXPECT_EQ(period.exit_code, 2);
  EXPECT_TRUE(IsOneLine(period.err)) << period.err;
  EXPECT_NE(period.err.find("--depersonalise-after"), std::string::npos) << period.err;
  EXPECT_EQ(run({"--delete-after", "0d"}).exit_code, 2);
  EXPECT_EQ(run({"--depersonalise-after", "6y"}).exit_code, 2);
  EXPECT_EQ(run({"--now", "tomorrow"}).exit_code, 2);
  EXPECT_EQ(run({"--batch-size", "0"}).exit_code, 2);
  RunResult missing = RunHudud({"retention", "run", "--db", Scratch().path() + "/no-such.db"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(Scratch().path() + "/no-such.db"));

  // A lost vault key is not silently replaced: the originals would be lost.
  ASSERT_EQ(run({"--now", kLater, "--delete-after", "20y"}).exit_code, 0);
  std::filesystem::rename(db + ".vault-key", db + ".vault-key.bak");
  RunResult lost = run({"--now", LaterDate(400), "--delete-after", "20y"});
  EXPECT_EQ(lost.exit_code, 2);
  EXPECT_NE(lost.err.find("restore the key file"), std::string::npos) << lost.err;
  EXPECT_FALSE(std::filesystem::exists(db + ".vault-key"));
  std::filesystem::rename(db + ".vault-key.bak", db + ".vault-key");
  EXPECT_EQ(run({"--now", LaterDate(400), "--delete-after", "20y"}).exit_code, 0);
  EXPECT_EQ(RunHudud({"unmask", "frobnicate"}).exit_code, 2);
}

TEST(RetentionCli, SensitiveRequestsAreDeletedOnReceipt) {
  const std::string db = Scratch().path() + "/on-receipt.db";
  std::filesystem::copy_file(UnDb(), db, std::filesystem::copy_options::overwrite_existing);
  const std::string fixture = Fixture("retention/pnrgov-meal-medical.edi");
  RunResult first =
      RunHudud({"manifest", "screen", fixture, "--db", db, "--json", "--user", "omar"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  nlohmann::json j = nlohmann::json::parse(first.out);
  EXPECT_EQ(j["summary"]["sensitive_deleted"], 3);
  RunResult text = RunHudud({"manifest", "screen", fixture, "--db", db, "--user", "omar"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("3 sensitive items (meal, medical) deleted on receipt"),
            std::string::npos)
      << text.out;

  // Kept once (the digest is of the bytes as received), without the codes
  // or their free text; the DOCS and the SEAT are there as sent.
  EXPECT_EQ(Count(db, "SELECT count(*) FROM manifests"), 1);
  EXPECT_EQ(Text(db, "SELECT sha256 FROM manifests"), store::Sha256Hex(ReadFile(fixture)) + "\n");
  const std::string raw = Raws(db);
  for (const char* gone :
       {"MOML", "WCHC", "HALAL", "ALCOHOL", "DIABETIC", "INSULIN", "PARAPLEGIC", "AISLE CHAIR"}) {
    EXPECT_EQ(raw.find(gone), std::string::npos) << gone << " kept:\n" << raw;
  }
  for (const char* kept : {"SSR+XXML:HK:1:KU:::KWI:CDG:XA'", "SSR+MEDA:HK:1:KU:::KWI:CDG:XB'",
                           "SSR+MEDA:HK:1:KU:::KWI:CDG:XC+::2'",
                           "/P/SWE/91234567/SWE/12FEB85/F/01MAR31/LINDQVIST/ASTRID",
                           "SSR+SEAT:HK:2:KU:::KWI:CDG+14A::1+14B::2'"}) {
    EXPECT_NE(raw.find(kept), std::string::npos) << kept << " lost:\n" << raw;
  }
  // The kept message reads into the same travellers, and still counts the
  // deleted requests.
  const std::string kept_file = Scratch().path() + "/kept.edi";
  WriteFile(kept_file, raw);
  RunResult again = RunHudud({"manifest", "screen", kept_file, "--db", db, "--json", "--no-keep"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  nlohmann::json k = nlohmann::json::parse(again.out);
  EXPECT_EQ(k["travellers"], j["travellers"]);
  EXPECT_EQ(k["summary"]["sensitive_deleted"], 3);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM manifests"), 1);
}

TEST(RetentionCli, AuditRecordsArePrunedAfterTheirPeriodAndTheChainStillVerifies) {
  const std::string db = PreparedDb("audit-prune");
  const int64_t records = Count(db, "SELECT count(*) FROM audit_log");
  ASSERT_GT(records, 0);
  const std::string far = LaterDate(365 * 10);
  // (A moment on: the cut-off is the run's start, to the millisecond.)
  std::this_thread::sleep_for(std::chrono::milliseconds(20));

  RunResult status = RunHudud({"retention", "status", "--db", db, "--now", far, "--json"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  nlohmann::json st = nlohmann::json::parse(status.out);
  EXPECT_EQ(st["due"]["audit_to_prune"], records);

  // Kept longer: nothing pruned (the messages are depersonalised).
  RunResult keep = RunHudud({"retention", "run", "--db", db, "--now", far, "--audit-keep", "20y",
                             "--delete-after", "20y", "--json"});
  ASSERT_EQ(keep.exit_code, 0) << keep.err;
  EXPECT_EQ(nlohmann::json::parse(keep.out)["audit"]["pruned"], 0);
  EXPECT_EQ(Count(db, "SELECT min(seq) FROM audit_log"), 1);

  // Ten years on, with the default five: every record before the run goes,
  // behind an anchor; the run's own records stay.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const int64_t head = Count(db, "SELECT max(seq) FROM audit_log");
  RunResult run = RunHudud({"retention", "run", "--db", db, "--now", far, "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["audit_keep"], "5y");
  EXPECT_EQ(j["audit"]["pruned"], head);
  EXPECT_LT(j["audit_before"].get<std::string>(), LaterDate(1)) << "a cut-off past the clock";
  EXPECT_EQ(j["manifests"]["deleted"], 2);
  EXPECT_EQ(Count(db, "SELECT min(seq) FROM audit_log"), head + 1);
  EXPECT_EQ(Count(db,
                  "SELECT count(*) FROM audit_log WHERE object = 'audit_log' AND "
                  "action = 'erasure' AND purpose = 'retention'"),
            1);

  RunResult verify = RunHudud({"audit", "verify", "--db", db, "--json"});
  ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  nlohmann::json v = nlohmann::json::parse(verify.out);
  EXPECT_EQ(v["ok"], true);
  EXPECT_EQ(v["pruned_through"], head);

  RunResult text = RunHudud({"retention", "run", "--db", db, "--now", far});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  // (The last run's records, before this one: pruned in turn.)
  EXPECT_NE(text.out.find(" appended before "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("(kept 5y)"), std::string::npos) << text.out;
  EXPECT_EQ(RunHudud({"audit", "verify", "--db", db}).exit_code, 0);

  RunResult bad = RunHudud({"retention", "run", "--db", db, "--audit-keep", "0d"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--audit-keep"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace hudud::cli::testing
