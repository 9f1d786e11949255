// Pins store/retention.cc, store/vault.cc and the masking of audit details
// (store/audit.cc): after the depersonalisation period no name, card,
// document number, phone, e-mail or free text of the kept messages, the
// traveller alerts or the audit trail's screening details is left anywhere
// in the database, the masked messages still parse, the originals open with
// the vault key only, the audit chain verifies and counts what is masked;
// running again changes nothing; after the deletion period the rows and the
// sealed originals are gone; audit records are pruned after their own
// period (never a broken chain), and the run history is bounded; batches
// stop and resume.
#include "store/retention.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "retention_data.h"
#include "store/audit.h"
#include "store/manifests.h"
#include "store/vault.h"
#include "store_fixture.h"
#include "travel/passenger_message.h"
#include "travel/paxlst.h"
#include "travel/pnrgov.h"

namespace hudud::store {
namespace {

using testing::Everything;
using testing::Sql;
using testing::SqlValue;

class RetentionTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    key_path_ = path_ + ".vault-key";
    std::filesystem::remove(key_path_);
    Result<Vault> v = Vault::LoadOrCreate(key_path_);
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    vault_ = std::make_unique<Vault>(*v);
  }
  void TearDown() override {
    StoreFixture::TearDown();
    std::filesystem::remove(key_path_);
  }

  // Messages and alerts from 2025-01-05 and the audit trail of now.
  void Populate() {
    ids_ = testing::KeepFixtures(*store_, "2025-01-05T10:00:00Z");
    testing::RaiseAlerts(path_, "2025-01-05T11:00:00Z");
    testing::AuditScreenings(*store_);
  }

  RetentionReport Run(const std::string& now, int batch = 200) {
    RetentionOptions o;
    o.now = now;
    o.batch_size = batch;
    Result<RetentionReport> r = RunRetention(*store_, *vault_, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : RetentionReport{};
  }

  AuditVerification Verify() {
    Result<AuditVerification> v = VerifyAudit(*store_);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : AuditVerification{};
  }

  std::string Raw(int64_t id) {
    Result<std::vector<StoredManifest>> all = LoadManifests(*store_, "", "", true);
    EXPECT_TRUE(all.ok());
    for (const StoredManifest& m : *all) {
      if (m.id == id) return m.raw;
    }
    return "";
  }

  std::string key_path_;
  std::unique_ptr<Vault> vault_;
  std::vector<int64_t> ids_;
};

// A date far enough ahead that the audit records appended now are past the
// depersonalisation period but not the deletion period.
constexpr const char* kAfterSixMonths = "2030-01-01";

TEST(RetentionPeriodTest, ParsesAndCountsBack) {
  Result<RetentionPeriod> p = ParseRetentionPeriod("6m");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->months, 6);
  EXPECT_EQ(ParseRetentionPeriod("180d")->days, 180);
  EXPECT_EQ(ParseRetentionPeriod("2w")->days, 14);
  EXPECT_EQ(ParseRetentionPeriod("1y6m")->ToString(), "1y6m");
  EXPECT_EQ(ParseRetentionPeriod("5Y")->years, 5);
  for (const char* bad : {"", "6", "m", "6x", "0d", "6m1y", "1.5y", "-1d", "999999d"}) {
    EXPECT_FALSE(ParseRetentionPeriod(bad).ok()) << bad;
  }
  EXPECT_EQ(*RetentionCutoff("2026-08-31", *ParseRetentionPeriod("6m")), "2026-02-28T00:00:00");
  EXPECT_EQ(*RetentionCutoff("2024-08-31T12:30:00Z", *ParseRetentionPeriod("6m")),
            "2024-02-29T12:30:00");
  EXPECT_EQ(*RetentionCutoff("2026-03-10", *ParseRetentionPeriod("5y")), "2021-03-10T00:00:00");
  EXPECT_EQ(*RetentionCutoff("2026-03-10", *ParseRetentionPeriod("10d")), "2026-02-28T00:00:00");
  EXPECT_EQ(*RetentionCutoff("2026-01-15", *ParseRetentionPeriod("1y1m")), "2024-12-15T00:00:00");
  EXPECT_FALSE(RetentionCutoff("2026-13-01", *ParseRetentionPeriod("1d")).ok());
  EXPECT_FALSE(RetentionCutoff("yesterday", *ParseRetentionPeriod("1d")).ok());
}

TEST_F(RetentionTest, DepersonalisesEveryStore) {
  Populate();
  const std::string before = Everything(path_);
  for (const auto* list :
       {&testing::PaxlstValues(), &testing::PnrgovValues(), &testing::AlertAndAuditValues()}) {
    for (const std::string& v : *list) ASSERT_NE(before.find(v), std::string::npos) << v;
  }

  // Within six months nothing happens.
  RetentionReport early = Run("2025-06-01");
  EXPECT_EQ(early.manifests.depersonalised, 0);
  EXPECT_EQ(early.alerts.depersonalised, 0);
  EXPECT_TRUE(early.complete);

  RetentionReport r = Run(kAfterSixMonths);
  EXPECT_EQ(r.manifests.depersonalised, 2);
  EXPECT_EQ(r.manifests.deleted, 0);
  EXPECT_EQ(r.alerts.depersonalised, 2);  // not the held subject's
  EXPECT_EQ(r.audit.depersonalised, 3);   // screening, mrz, manifest consultation
  EXPECT_EQ(r.manifests.unreadable, 0);
  EXPECT_EQ(r.depersonalise_before, "2029-07-01T00:00:00");
  EXPECT_EQ(r.delete_before, "2025-01-01T00:00:00");

  const std::string after = Everything(path_);
  for (const auto* list :
       {&testing::PaxlstValues(), &testing::PnrgovValues(), &testing::AlertAndAuditValues()}) {
    for (const std::string& v : *list) {
      EXPECT_EQ(after.find(v), std::string::npos) << "'" << v << "' is still in the database";
    }
  }
  // The held subject's alert and the subject's audit record are not traveller data.
  EXPECT_NE(after.find("Held Subject"), std::string::npos);

  // The masked messages still parse, with the same travellers.
  Result<travel::Manifest> pax = travel::ParsePassengerMessage(Raw(ids_[0]), "auto");
  ASSERT_TRUE(pax.ok()) << pax.status().ToString();
  EXPECT_EQ(pax->travellers.size(), 3u);
  EXPECT_EQ(pax->flights[0].Id(), "XX777");
  Result<travel::Manifest> pnr = travel::ParsePassengerMessage(Raw(ids_[1]), "auto");
  ASSERT_TRUE(pnr.ok()) << pnr.status().ToString();
  EXPECT_EQ(pnr->travellers.size(), 2u);

  // Alerts: masked subject and summary, the score and the listed entry kept.
  EXPECT_EQ(SqlValue(path_, "SELECT summary FROM alerts WHERE id = 1"), "[masked]");
  EXPECT_EQ(SqlValue(path_, "SELECT subject_id FROM alerts WHERE id = 1"), "depersonalised:1");
  EXPECT_EQ(SqlValue(path_, "SELECT subject_id FROM alerts WHERE id = 2"), "traveller:0123abcd");
  EXPECT_EQ(
      SqlValue(path_, "SELECT subject_json FROM alerts WHERE id = 1"),
      R"({"names":["[masked]","[masked]"],"dob":"1985-03-17","nationality":"TJ","doc":"[masked]"})");
  EXPECT_EQ(SqlValue(path_, "SELECT entity_id || ' ' || score FROM alerts WHERE id = 1"),
            "QDi.001 0.91");
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM alerts WHERE depersonalised_at <> ''"), "2");
  // The name screened and the traveller's side of the explanation masked;
  // the listed name, the listed side and the scores kept.
  EXPECT_EQ(SqlValue(path_, "SELECT subject_name FROM alerts WHERE id = 1"), "[masked]");
  EXPECT_EQ(SqlValue(path_, "SELECT listed_name FROM alerts WHERE id = 1"),
            "RAHIMOV DILSHOD KARIMOVICH");
  EXPECT_EQ(SqlValue(path_, "SELECT explanation FROM alerts WHERE id = 1"),
            testing::MaskedTravellerExplanation());
  EXPECT_EQ(SqlValue(path_, "SELECT subject_name FROM alerts WHERE id = 2"), "[masked]");
  EXPECT_EQ(
      SqlValue(path_, "SELECT explanation FROM alerts WHERE id = 2"),
      R"({"query_name":"[masked]","tokens":[{"query_token":"[masked]","listed_token":"AL-SABAH",)"
      R"("query_latin":"[masked]","listed_latin":"alsabah"}],"evidence":[{"field":"gender",)"
      R"("query_value":"female","listed_value":"female"}],"summary":"[masked]"})");
  // A held subject's alert is not traveller data: as it was.
  EXPECT_EQ(SqlValue(path_, "SELECT subject_name || ' ~ ' || explanation FROM alerts WHERE id = 3"),
            R"(Held Subject ~ {"query_name":"Held Subject","summary":"Held Subject"})");

  // The audit chain verifies and says how much is masked; the masking is an
  // erasure record, and so is each batch.
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.masked, 3);
  EXPECT_EQ(SqlValue(path_,
                     "SELECT count(*) FROM audit_log WHERE action = 'erasure' AND "
                     "object = 'audit_log:details'"),
            "1");
  EXPECT_EQ(SqlValue(path_,
                     "SELECT count(*) FROM audit_log WHERE action = 'erasure' AND object "
                     "IN ('retention:manifests', 'retention:alerts')"),
            "2");
  const std::string screening =
      SqlValue(path_, "SELECT detail FROM audit_log WHERE object = 'screening'");
  EXPECT_EQ(
      screening,
      R"({"query":{"names":["[masked]"],"dob":"1974-07-12","doc":"[masked]","nationality":"KW","threshold":0.8,"limit":10},"hits":["QDi.001"]})");

  // The originals, sealed, open with the key.
  Result<std::string> original = vault_->Open(*store_, "manifest:" + std::to_string(ids_[0]));
  ASSERT_TRUE(original.ok()) << original.status().ToString();
  EXPECT_EQ(*original, testing::TravelFixture("retention/paxlst-unow-names.edi"));
  Result<std::string> alert = vault_->Open(*store_, "alert:1");
  ASSERT_TRUE(alert.ok());
  EXPECT_NE(alert->find("Dilshod Rahimov"), std::string::npos);
  EXPECT_NE(alert->find("employer"), std::string::npos);
  EXPECT_NE(alert->find(R"("subject_name":"Dilshod Rahimov")"), std::string::npos) << *alert;
  EXPECT_NE(alert->find("Рахимофф"), std::string::npos);
  EXPECT_NE(alert->find("rakhimoff"), std::string::npos);
  Result<std::string> detail = vault_->Open(*store_, "audit:1");
  ASSERT_TRUE(detail.ok());
  EXPECT_NE(detail->find("Ahmed Al-Hashimi"), std::string::npos);
  // ... and the detail is the one the chain hashed.
  EXPECT_EQ(Sha256Hex(*detail), SqlValue(path_, "SELECT detail_hash FROM audit_log WHERE seq = 1"));
}

TEST_F(RetentionTest, NothingLeftInTheFileBytes) {
  Populate();
  Run(kAfterSixMonths);
  store_.reset();  // closes the connection: the WAL is checkpointed
  std::string bytes;
  for (const char* suffix : {"", "-wal"}) {
    bytes += testing::ReadBytes(path_ + suffix);
  }
  ASSERT_GT(bytes.size(), 4096u);
  for (const auto* list :
       {&testing::PaxlstValues(), &testing::PnrgovValues(), &testing::AlertAndAuditValues()}) {
    for (const std::string& v : *list) {
      EXPECT_EQ(bytes.find(v), std::string::npos) << "'" << v << "' is still in the file";
    }
  }
}

TEST_F(RetentionTest, AuditOfAHeldSubjectsAlertIsNotTravellerData) {
  testing::RaiseAlerts(path_, "2025-01-05T11:00:00Z");
  std::vector<AuditEntry> entries;
  for (const char* object : {"alert:1", "alert:3"}) {
    AuditEntry e;
    e.actor = "amina";
    e.purpose = "ct-investigation";
    e.action = AuditAction::kChange;
    e.object = object;
    e.detail = R"({"decision":"inconclusive","justification":"Dilshod Rahimov's brother"})";
    entries.push_back(e);
  }
  ASSERT_TRUE(AppendAudit(*store_, entries).ok());
  RetentionReport r = Run(kAfterSixMonths);
  EXPECT_EQ(r.audit.depersonalised, 1);
  EXPECT_EQ(SqlValue(path_, "SELECT detail FROM audit_log WHERE object = 'alert:1'"),
            R"({"decision":"inconclusive","justification":"[masked]"})");
  EXPECT_NE(
      SqlValue(path_, "SELECT detail FROM audit_log WHERE object = 'alert:3'").find("Rahimov"),
      std::string::npos);
  EXPECT_TRUE(Verify().ok);
}

TEST_F(RetentionTest, RunningAgainChangesNothing) {
  Populate();
  Run(kAfterSixMonths);
  const std::string manifests = SqlValue(path_, "SELECT group_concat(hex(raw)) FROM manifests");
  const std::string audit_count = SqlValue(path_, "SELECT count(*) FROM audit_log");
  RetentionReport again = Run(kAfterSixMonths);
  EXPECT_EQ(again.manifests.depersonalised, 0);
  EXPECT_EQ(again.alerts.depersonalised, 0);
  EXPECT_EQ(again.audit.depersonalised, 0);
  EXPECT_EQ(again.manifests.deleted, 0);
  EXPECT_EQ(SqlValue(path_, "SELECT group_concat(hex(raw)) FROM manifests"), manifests);
  // No batch, no erasure record: the audit log is as it was.
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM audit_log"), audit_count);
  EXPECT_TRUE(Verify().ok);
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM retention_runs WHERE state = 'complete'"), "2");
}

TEST_F(RetentionTest, DeletesAfterTheDeletionPeriod) {
  Populate();
  Run(kAfterSixMonths);
  ASSERT_EQ(SqlValue(path_, "SELECT count(*) FROM sealed_originals"), "7");
  // Five years after the messages, but the audit records (of now) are not
  // that old: their sealed details stay.
  RetentionReport r = Run("2030-01-06");
  EXPECT_EQ(r.manifests.deleted, 2);
  EXPECT_EQ(r.alerts.deleted, 2);
  EXPECT_EQ(r.audit.deleted, 0);
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM manifests"), "0");
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM alerts"), "1");  // the held subject's
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM alert_events"), "0");
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM shares"), "0");
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM sealed_originals"), "3");
  EXPECT_EQ(vault_->Open(*store_, "manifest:1").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(vault_->Open(*store_, "alert:1").status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(vault_->Open(*store_, "audit:1").ok());
  // The masked audit records stay until their own period ends, and verify.
  AuditVerification masked = Verify();
  EXPECT_TRUE(masked.ok) << masked.problem;
  EXPECT_EQ(masked.masked, 3);
  // Five years after the audit records too: pruned behind an anchor, their
  // sealed details deleted.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the records are of the past
  RetentionReport later = Run("2099-01-01");
  EXPECT_EQ(later.audit.deleted, 3);
  EXPECT_GT(later.audit_pruned, 0);
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM sealed_originals"), "0");
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.masked, 0);
  EXPECT_GT(v.pruned_through, 0);
  // Deleted data stays deleted: nothing of it anywhere.
  const std::string all = Everything(path_);
  for (const std::string& value : testing::PaxlstValues()) {
    EXPECT_EQ(all.find(value), std::string::npos) << value;
  }
}

TEST_F(RetentionTest, DeletingWithoutDepersonalisingFirstLeavesNothing) {
  Populate();
  RetentionReport r = Run("2031-01-01");  // past both periods at once for the messages
  EXPECT_EQ(r.manifests.deleted, 2);
  EXPECT_EQ(r.manifests.depersonalised, 0);
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM manifests"), "0");
  EXPECT_TRUE(Verify().ok);
}

TEST_F(RetentionTest, BatchesStopAndResume) {
  for (int i = 0; i < 7; ++i) {
    StoredManifest m;
    m.raw = testing::TravelFixture("retention/paxlst-unow-names.edi");
    m.raw.replace(m.raw.find("XX7770105"), 9, "XX777010" + std::to_string(i));
    m.format = "paxlst";
    m.flight = "XX777";
    m.sha256 = Sha256Hex(m.raw);
    m.received_at = "2025-01-05T10:00:00Z";
    ASSERT_TRUE(SaveManifest(*store_, m).ok());
  }
  RetentionOptions o;
  o.now = kAfterSixMonths;
  o.batch_size = 2;
  // Asked before every batch: three deletion steps and the audit prune find
  // nothing, the key is checked, then two batches of two messages run.
  int calls = 0;
  Result<RetentionReport> stopped = RunRetention(*store_, *vault_, o, [&] { return ++calls > 7; });
  ASSERT_TRUE(stopped.ok()) << stopped.status().ToString();
  EXPECT_FALSE(stopped->complete);
  EXPECT_EQ(SqlValue(path_, "SELECT state FROM retention_runs ORDER BY id DESC"), "stopped");
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM manifests WHERE depersonalised_at <> ''"), "4");
  EXPECT_TRUE(Verify().ok);
  Result<RetentionReport> rest = RunRetention(*store_, *vault_, o);
  ASSERT_TRUE(rest.ok());
  EXPECT_TRUE(rest->complete);
  EXPECT_EQ(rest->manifests.depersonalised, 3);
  EXPECT_GE(rest->batches, 2);
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM manifests WHERE depersonalised_at = ''"), "0");
}

TEST_F(RetentionTest, UnreadableMessageIsEmptiedAndSealed) {
  StoredManifest m;
  m.raw = "not edifact: ALI HASSAN 4111111111111111";
  m.format = "paxlst";
  m.sha256 = Sha256Hex(m.raw);
  m.received_at = "2025-01-05T10:00:00Z";
  ASSERT_TRUE(SaveManifest(*store_, m).ok());
  RetentionReport r = Run(kAfterSixMonths);
  EXPECT_EQ(r.manifests.depersonalised, 1);
  EXPECT_EQ(r.manifests.unreadable, 1);
  EXPECT_EQ(SqlValue(path_, "SELECT length(raw) FROM manifests"), "0");
  EXPECT_EQ(*vault_->Open(*store_, "manifest:1"), m.raw);
}

TEST_F(RetentionTest, RefusesBadOptionsAndAnotherVaultKey) {
  Populate();
  RetentionOptions o;
  o.depersonalise_after = *ParseRetentionPeriod("6y");
  Result<RetentionReport> r = RunRetention(*store_, *vault_, o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("depersonalise sooner"), std::string::npos);
  o = RetentionOptions();
  o.now = "2025-02-30";
  EXPECT_EQ(RunRetention(*store_, *vault_, o).status().code(), Status::Code::kInvalidArgument);
  o.now = kAfterSixMonths;
  o.batch_size = 0;
  EXPECT_FALSE(RunRetention(*store_, *vault_, o).ok());

  o.batch_size = 200;
  ASSERT_TRUE(RunRetention(*store_, *vault_, o).ok());
  // A fresh key (the old file lost or not given) is refused: it could
  // never open what is sealed.
  Result<Vault> other = Vault::FromHex(std::string(64, 'a'));
  ASSERT_TRUE(other.ok());
  Result<RetentionReport> wrong = RunRetention(*store_, *other, o);
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("sealed with vault key " + vault_->key_id()),
            std::string::npos)
      << wrong.status().message();
  EXPECT_EQ(other->Open(*store_, "manifest:1").status().code(), Status::Code::kInvalidArgument);
}

TEST_F(RetentionTest, VaultKeyFileIsPrivateAndSealsAreBoundToTheirObject) {
  struct stat st {};
  ASSERT_EQ(stat(key_path_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Result<Vault> again = Vault::LoadOrCreate(key_path_);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created());
  EXPECT_EQ(again->key_id(), vault_->key_id());
  chmod(key_path_.c_str(), 0644);
  EXPECT_EQ(Vault::Load(key_path_).status().code(), Status::Code::kInvalidArgument);
  chmod(key_path_.c_str(), 0600);
  EXPECT_EQ(Vault::Load(key_path_ + ".missing").status().code(), Status::Code::kNotFound);

  Populate();
  Run(kAfterSixMonths);
  // A sealed original moved to another object does not open.
  Sql(path_,
      "UPDATE sealed_originals SET nonce = (SELECT nonce FROM sealed_originals WHERE object = "
      "'alert:1'), ciphertext = (SELECT ciphertext FROM sealed_originals WHERE object = "
      "'alert:1') WHERE object = 'alert:2'");
  EXPECT_EQ(vault_->Open(*store_, "alert:2").status().code(), Status::Code::kCorruption);
}

TEST_F(RetentionTest, NoKeyFileUntilAnOriginalIsSealed) {
  const std::string key = path_ + ".lazy-key";
  std::filesystem::remove(key);
  const VaultSource source = [&] { return LoadOrCreateVault(*store_, key); };
  RetentionOptions o;
  o.now = kAfterSixMonths;
  ASSERT_TRUE(RunRetention(*store_, source, o).ok());
  EXPECT_FALSE(std::filesystem::exists(key));  // nothing was due
  Populate();
  ASSERT_TRUE(RunRetention(*store_, source, o).ok());
  EXPECT_TRUE(std::filesystem::exists(key));
  // Lost while originals are sealed: refused, and no new key is made.
  std::filesystem::remove(key);
  Result<Vault> lost = LoadOrCreateVault(*store_, key);
  ASSERT_FALSE(lost.ok());
  EXPECT_NE(lost.status().message().find("restore the key file"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(key));
  EXPECT_FALSE(RunRetention(*store_, source, o).ok());
  EXPECT_EQ(SqlValue(path_, "SELECT state FROM retention_runs ORDER BY id DESC LIMIT 1"), "failed");
  // Deletion needs no key: it still happens on time.
  o.now = "2031-01-01";
  EXPECT_FALSE(RunRetention(*store_, source, o).ok());
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM manifests"), "0");
  EXPECT_FALSE(std::filesystem::exists(key));
}

TEST_F(RetentionTest, StatusSaysWhatIsDue) {
  Populate();
  RetentionOptions o;
  o.now = kAfterSixMonths;
  Result<RetentionStatus> st = ReadRetentionStatus(*store_, o);
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->manifests_to_depersonalise, 2);
  EXPECT_EQ(st->alerts_to_depersonalise, 2);
  EXPECT_EQ(st->audit_to_scan, 5);
  EXPECT_EQ(st->audit_to_prune, 0);
  EXPECT_EQ(st->audit_before, "2025-01-01T00:00:00");
  EXPECT_TRUE(st->runs.empty());
  RetentionOptions far = o;
  far.now = "2099-01-01";
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the records are of the past
  Result<RetentionStatus> later = ReadRetentionStatus(*store_, far);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->audit_to_prune, 5);
  EXPECT_LT(later->audit_before, "2094");  // never past the clock
  Run(kAfterSixMonths);
  st = ReadRetentionStatus(*store_, o);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->manifests_to_depersonalise, 0);
  EXPECT_EQ(st->manifests_depersonalised, 2);
  EXPECT_EQ(st->audit_masked, 3);
  EXPECT_EQ(st->sealed, 7);
  ASSERT_EQ(st->runs.size(), 1u);
  EXPECT_EQ(st->runs[0].state, "complete");
  EXPECT_NE(st->runs[0].report.find("\"depersonalised\":2"), std::string::npos);
}

TEST_F(RetentionTest, AStaleRunningRunIsMarkedInterrupted) {
  Sql(path_,
      "INSERT INTO retention_runs (trigger, actor, started_at, heartbeat_at, state, now, "
      "depersonalise_before, delete_before) VALUES ('cli', 'x', '2020-01-01T00:00:00Z', "
      "'2020-01-01T00:00:00Z', 'running', '', '', '')");
  Run(kAfterSixMonths);
  EXPECT_EQ(SqlValue(path_, "SELECT state FROM retention_runs WHERE id = 1"), "interrupted");
}

TEST_F(RetentionTest, AuditRecordsArePrunedAfterTheirOwnPeriod) {
  Populate();
  const std::string records = SqlValue(path_, "SELECT count(*) FROM audit_log");
  // Within the audit period (five years from a 2030 "now" counts back to
  // 2025): nothing pruned.
  RetentionReport early = Run(kAfterSixMonths);
  EXPECT_EQ(early.audit_pruned, 0);
  EXPECT_EQ(early.audit_keep, "5y");
  EXPECT_EQ(early.audit_before, "2025-01-01T00:00:00");
  const std::string json = RetentionReportJson(early);
  EXPECT_NE(json.find("\"pruned\":0"), std::string::npos) << json;
  EXPECT_NE(json.find("\"audit_keep\":\"5y\""), std::string::npos) << json;

  // A longer period kept: nothing either, however far ahead.
  RetentionOptions keep;
  keep.now = "2099-01-01";
  keep.audit_keep = *ParseRetentionPeriod("100y");
  keep.delete_after = *ParseRetentionPeriod("100y");
  Result<RetentionReport> kept = RunRetention(*store_, *vault_, keep);
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  EXPECT_EQ(kept->audit_pruned, 0);
  EXPECT_EQ(kept->audit_before, "1999-01-01T00:00:00");

  // Far ahead: every record before the run goes (the cut-off is the clock,
  // not 2094), the anchor and this run's own records stay, and the rest
  // verifies.
  // (A moment later: the cut-off is the run's start, to the millisecond.)
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const int64_t head = std::stoll(SqlValue(path_, "SELECT max(seq) FROM audit_log"));
  RetentionReport far = Run("2099-01-01");
  EXPECT_EQ(far.audit_pruned, head);
  EXPECT_GT(far.audit_pruned, std::stoll(records));
  EXPECT_LT(far.audit_before, "2094");
  EXPECT_EQ(far.manifests.deleted, 2);
  EXPECT_EQ(SqlValue(path_, "SELECT min(seq) FROM audit_log"), std::to_string(head + 1));
  EXPECT_EQ(SqlValue(path_,
                     "SELECT actor || ' ' || purpose || ' ' || action FROM audit_log "
                     "WHERE object = 'audit_log'"),
            "hudud-retention retention erasure");
  EXPECT_NE(SqlValue(path_, "SELECT count(*) FROM audit_log WHERE object = 'retention:manifests'"),
            "0");
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.pruned_through, head);
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM sealed_originals"), "0");
  // Again: the anchor and the last run's records are now before this run's
  // start, so they go in turn, behind a new anchor; the chain verifies.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const int64_t head2 = std::stoll(SqlValue(path_, "SELECT max(seq) FROM audit_log"));
  RetentionReport again = Run("2099-01-01");
  EXPECT_EQ(again.audit_pruned, head2 - head);
  AuditVerification v2 = Verify();
  EXPECT_TRUE(v2.ok) << v2.problem;
  EXPECT_EQ(v2.pruned_through, head2);
}

TEST_F(RetentionTest, ABrokenAuditChainIsNotPrunedButTheRestIsDone) {
  Populate();
  Sql(path_, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 1");
  RetentionOptions o;
  o.now = "2099-01-01";
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the records are of the past
  Result<RetentionReport> r = RunRetention(*store_, *vault_, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("not pruning"), std::string::npos) << r.status().message();
  // The data past its periods is gone all the same; the audit log is not cut.
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM manifests"), "0");
  EXPECT_EQ(SqlValue(path_, "SELECT min(seq) FROM audit_log"), "1");
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM audit_log WHERE object = 'audit_log'"), "0");
  EXPECT_EQ(SqlValue(path_, "SELECT state FROM retention_runs ORDER BY id DESC LIMIT 1"), "failed");
  EXPECT_NE(SqlValue(path_, "SELECT error FROM retention_runs ORDER BY id DESC LIMIT 1")
                .find("audit chain is broken"),
            std::string::npos);
}

TEST_F(RetentionTest, TheRunHistoryIsBounded) {
  RetentionOptions o;
  o.now = kAfterSixMonths;
  o.keep_runs = 3;
  std::vector<int64_t> pruned;
  for (int i = 0; i < 5; ++i) {
    Result<RetentionReport> r = RunRetention(*store_, *vault_, o);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    pruned.push_back(r->runs_pruned);
  }
  EXPECT_EQ(pruned, (std::vector<int64_t>{0, 0, 0, 1, 1}));
  EXPECT_EQ(SqlValue(path_, "SELECT group_concat(id) FROM retention_runs ORDER BY id"), "3,4,5");
  EXPECT_NE(
      SqlValue(path_, "SELECT report FROM retention_runs WHERE id = 5").find("\"runs_pruned\":1"),
      std::string::npos);
  // A failed run recorded outside RunRetention counts too.
  ASSERT_TRUE(RecordFailedRetentionRun(*store_, o, "the vault key could not be read").ok());
  EXPECT_EQ(SqlValue(path_, "SELECT group_concat(id) FROM retention_runs ORDER BY id"), "4,5,6");
  // The default keeps the last 1000; nonsense is refused.
  EXPECT_EQ(RetentionOptions().keep_runs, 1000);
  o.keep_runs = 0;
  EXPECT_EQ(RunRetention(*store_, *vault_, o).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(SqlValue(path_, "SELECT count(*) FROM retention_runs"), "3");
}

}  // namespace
}  // namespace hudud::store
