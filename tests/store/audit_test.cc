// Pins store/audit.cc: the hash-chained audit log appends in batches and
// reads back with filters; VerifyAudit finds altered, removed, reordered and
// inserted records, a truncated tail, altered signatures and foreign keys,
// and says where; pruning keeps the rest verifiable behind its anchor;
// concurrent writers make one chain; 10^5 records verify quickly.
#include "store/audit.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "store/store.h"

namespace hudud::store {
namespace {

std::string TempPath(const std::string& what) {
  return (std::filesystem::temp_directory_path() /
          ("hudud-audit-" + std::to_string(getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() + what))
      .string();
}

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempPath(".db");
    Reset();
  }
  // A fresh, empty database.
  void Reset() {
    store_.reset();
    Remove();
    Result<std::unique_ptr<Store>> s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  static AuditEntry Entry(int i, AuditAction action = AuditAction::kConsultation) {
    AuditEntry e;
    e.actor = i % 2 ? "amina" : "karim";
    e.role = i % 2 ? "analyst" : "border-officer";
    e.purpose = i % 3 ? "border-control" : "ct-investigation";
    e.action = action;
    e.object = "subject:c" + std::to_string(i);
    e.detail = R"({"query":"name )" + std::to_string(i) + R"("})";
    return e;
  }

  // Appends records Entry(first) .. Entry(first + n - 1) in one batch.
  std::vector<int64_t> Append(int first, int n) {
    std::vector<AuditEntry> batch;
    for (int i = first; i < first + n; ++i) batch.push_back(Entry(i));
    Result<std::vector<int64_t>> seqs = AppendAudit(*store_, batch);
    EXPECT_TRUE(seqs.ok()) << seqs.status().ToString();
    return seqs.ok() ? *seqs : std::vector<int64_t>();
  }

  AuditVerification Verify(const std::string& key = "") {
    Result<AuditVerification> v = VerifyAudit(*store_, key);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : AuditVerification{};
  }

  AuditRecord Record(int64_t seq) {
    AuditFilter f;
    f.after_seq = seq - 1;
    f.limit = 1;
    f.newest_first = false;
    Result<std::vector<AuditRecord>> r = ReadAudit(*store_, f);
    EXPECT_TRUE(r.ok() && r->size() == 1 && r->front().seq == seq) << "record " << seq;
    return r.ok() && !r->empty() ? r->front() : AuditRecord{};
  }

  // Raw SQL on the database file, as someone bypassing hudud would.
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK)
        << (err ? err : "") << " in " << sql;
    sqlite3_free(err);
    sqlite3_close(db);
  }

  // Writes `r` as it is (replacing any record with its seq).
  void WriteRaw(const AuditRecord& r) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db,
                                 "INSERT OR REPLACE INTO audit_log (seq, at, actor, role, purpose, "
                                 "action, object, detail, prev_hash, hash, detail_hash, masked_by) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 -1, &s, nullptr),
              SQLITE_OK);
    sqlite3_bind_int64(s, 1, r.seq);
    const std::string action(AuditActionName(r.action));
    int i = 2;
    for (const std::string* v : {&r.at, &r.actor, &r.role, &r.purpose, &action, &r.object,
                                 &r.detail, &r.prev_hash, &r.hash, &r.detail_hash}) {
      sqlite3_bind_text(s, i++, v->c_str(), -1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_int64(s, i, r.masked_by);
    EXPECT_EQ(sqlite3_step(s), SQLITE_DONE) << sqlite3_errmsg(db);
    sqlite3_finalize(s);
    sqlite3_close(db);
  }

  // What a forger who knows the formula does after changing a record: the
  // detail's hash (v2) and the record's hash recomputed.
  static void Rehash(AuditRecord& r) {
    if (!r.detail_hash.empty()) r.detail_hash = Sha256Hex(r.detail);
    r.hash = AuditRecordHash(r);
  }

  // Signs the head with a key kept in the test's temporary directory.
  AuditSigningKey Key(const std::string& name = "a") {
    const std::string file = TempPath("-" + name + ".key");
    keys_.push_back(file);
    Result<AuditSigningKey> k = LoadOrCreateSigningKey(file);
    EXPECT_TRUE(k.ok()) << k.status().ToString();
    return *k;
  }
  void Sign(const AuditSigningKey& key) {
    Result<AuditSignature> s = SignAuditHead(*store_, key);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
  }

  ~AuditTest() override {
    for (const std::string& k : keys_) std::filesystem::remove(k);
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  std::vector<std::string> keys_;
};

void ExpectBroken(const AuditVerification& v, int64_t seq, const std::string& words) {
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, seq) << v.problem;
  EXPECT_NE(v.problem.find(words), std::string::npos) << v.problem;
}

TEST_F(AuditTest, AppendsAndReadsBack) {
  std::vector<int64_t> seqs = Append(1, 3);
  EXPECT_EQ(seqs, (std::vector<int64_t>{1, 2, 3}));

  Result<std::vector<AuditRecord>> all = ReadAudit(*store_, AuditFilter{});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].seq, 3);  // newest first
  const AuditRecord& first = (*all)[2];
  EXPECT_EQ(first.actor, "amina");
  EXPECT_EQ(first.role, "analyst");
  EXPECT_EQ(first.purpose, "border-control");
  EXPECT_EQ(first.action, AuditAction::kConsultation);
  EXPECT_EQ(first.object, "subject:c1");
  EXPECT_EQ(first.detail, R"({"query":"name 1"})");
  EXPECT_EQ(first.prev_hash, std::string(64, '0'));
  EXPECT_EQ(first.at.size(), 24u) << first.at;  // 2026-03-01T12:00:00.123Z
  EXPECT_EQ(first.at.back(), 'Z');
  for (const AuditRecord& r : *all) EXPECT_EQ(r.hash, AuditRecordHash(r));
  EXPECT_EQ((*all)[1].prev_hash, (*all)[2].hash);
  EXPECT_EQ((*all)[0].prev_hash, (*all)[1].hash);

  // The canonical encoding is as audit.h documents it: each field's length
  // as 8 bytes big-endian, then its bytes; v2 hashes the detail's SHA-256.
  EXPECT_EQ(first.detail_hash, Sha256Hex(first.detail));
  EXPECT_EQ(first.masked_by, 0);
  std::string canonical;
  for (const std::string& f : {std::string("hudud.audit.v2"), std::string("1"), first.at,
                               first.actor, first.role, first.purpose, std::string("consultation"),
                               first.object, first.detail_hash, first.prev_hash}) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      canonical.push_back(static_cast<char>(static_cast<uint64_t>(f.size()) >> shift));
    }
    canonical += f;
  }
  EXPECT_EQ(Sha256Hex(canonical), first.hash);
}

TEST_F(AuditTest, ActionNamesRoundTrip) {
  for (AuditAction a :
       {AuditAction::kCollection, AuditAction::kConsultation, AuditAction::kChange,
        AuditAction::kDisclosure, AuditAction::kCombination, AuditAction::kUnmasking,
        AuditAction::kErasure, AuditAction::kSignIn, AuditAction::kAccessDenied}) {
    EXPECT_EQ(ParseAuditAction(AuditActionName(a)), a);
  }
  EXPECT_EQ(AuditActionName(AuditAction::kUnmasking), "unmasking");
  EXPECT_FALSE(ParseAuditAction("Consultation").has_value());
  EXPECT_NE(AuditActionNames().find("collection, consultation"), std::string::npos);
}

TEST_F(AuditTest, BatchesContinueTheChain) {
  EXPECT_EQ(Append(1, 4), (std::vector<int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(Append(5, 2), (std::vector<int64_t>{5, 6}));
  Result<std::vector<int64_t>> none = AppendAudit(*store_, {});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(Record(5).prev_hash, Record(4).hash);
  EXPECT_LE(Record(4).at, Record(5).at);
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.records, 6);
  EXPECT_EQ(v.first_seq, 1);
  EXPECT_EQ(v.last_seq, 6);
}

TEST_F(AuditTest, RefusesInvalidEntriesAndWritesNothingOfTheBatch) {
  AuditEntry no_purpose = Entry(2);
  no_purpose.purpose = " ";
  Result<std::vector<int64_t>> r = AppendAudit(*store_, {Entry(1), no_purpose});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("audit entry 1: purpose"), std::string::npos)
      << r.status().message();

  AuditEntry no_actor = Entry(1), no_object = Entry(1), bad_utf8 = Entry(1), bad_action = Entry(1),
             anchor = Entry(1, AuditAction::kErasure);
  no_actor.actor.clear();
  no_object.object.clear();
  bad_utf8.detail = "caf\xC3";
  bad_action.action = static_cast<AuditAction>(99);
  anchor.object = "audit_log";
  const std::pair<AuditEntry, std::string> cases[] = {{no_actor, "actor"},
                                                      {no_object, "object"},
                                                      {bad_utf8, "detail is not valid UTF-8"},
                                                      {bad_action, "action 99"},
                                                      {anchor, "audit prune"}};
  for (const auto& [entry, words] : cases) {
    Result<std::vector<int64_t>> bad = AppendAudit(*store_, {entry});
    ASSERT_FALSE(bad.ok()) << words;
    EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(bad.status().message().find(words), std::string::npos) << bad.status().message();
  }
  EXPECT_TRUE(ReadAudit(*store_, AuditFilter{})->empty());

  // Role and detail may be empty; any script is fine.
  AuditEntry minimal = Entry(1);
  minimal.role.clear();
  minimal.detail.clear();
  minimal.object = "subject:عبد الله";
  EXPECT_TRUE(AppendAudit(*store_, {minimal}).ok());
}

TEST_F(AuditTest, FiltersAndOrder) {
  Append(1, 6);
  AuditEntry change = Entry(7, AuditAction::kChange);
  change.object = "rule:one-way_cash%";
  ASSERT_TRUE(AppendAudit(*store_, {change}).ok());
  const auto seqs = [&](const AuditFilter& f) {
    std::vector<int64_t> out;
    Result<std::vector<AuditRecord>> r = ReadAudit(*store_, f);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (r.ok()) {
      for (const AuditRecord& rec : *r) out.push_back(rec.seq);
    }
    return out;
  };
  AuditFilter f;
  f.actor = "amina";
  EXPECT_EQ(seqs(f), (std::vector<int64_t>{7, 5, 3, 1}));
  f = {};
  f.action = AuditAction::kChange;
  EXPECT_EQ(seqs(f), (std::vector<int64_t>{7}));
  f = {};
  f.object_prefix = "subject:";
  f.newest_first = false;
  f.limit = 3;
  EXPECT_EQ(seqs(f), (std::vector<int64_t>{1, 2, 3}));
  f.after_seq = 3;
  EXPECT_EQ(seqs(f), (std::vector<int64_t>{4, 5, 6}));
  f = {};
  f.object_prefix = "rule:one-way_";  // '_' is not a wildcard
  EXPECT_EQ(seqs(f), (std::vector<int64_t>{7}));
  f.object_prefix = "rule:one-way-";
  EXPECT_TRUE(seqs(f).empty());
  f = {};
  f.purpose = "ct-investigation";
  EXPECT_EQ(seqs(f), (std::vector<int64_t>{6, 3}));
  f = {};
  f.before_seq = 3;
  EXPECT_EQ(seqs(f), (std::vector<int64_t>{2, 1}));

  // Times: inclusive at both ends; "to" covers all it names.
  const std::string at = Record(1).at;  // every record of this test shares the day
  f = {};
  f.from = at.substr(0, 10);
  f.to = at.substr(0, 10);
  EXPECT_EQ(seqs(f).size(), 7u);
  f.from = at;
  f.to = at.substr(0, 19) + "Z";
  EXPECT_GE(seqs(f).size(), 1u);
  f.from = "2000-01-01";
  f.to = "2000-12-31";
  EXPECT_TRUE(seqs(f).empty());
  for (const char* bad : {"yesterday", "2026-13-01", "2026-03-01 12:00", "2026-03-01T25:00"}) {
    f = {};
    f.from = bad;
    EXPECT_EQ(ReadAudit(*store_, f).status().code(), Status::Code::kInvalidArgument) << bad;
  }
  f = {};
  f.limit = -1;
  EXPECT_EQ(ReadAudit(*store_, f).status().code(), Status::Code::kInvalidArgument);
}

TEST_F(AuditTest, SignedChainVerifies) {
  AuditVerification empty = Verify();
  EXPECT_TRUE(empty.ok);
  EXPECT_EQ(empty.records, 0);
  EXPECT_EQ(SignAuditHead(*store_, Key()).status().code(), Status::Code::kNotFound);

  Append(1, 30);
  const AuditSigningKey key = Key();
  Sign(key);
  Append(31, 20);
  Sign(key);
  Append(51, 5);
  AuditVerification v = Verify(key.public_key_hex());
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.records, 55);
  EXPECT_EQ(v.signatures, 2);
  EXPECT_EQ(v.signed_through, 50);
  EXPECT_EQ(v.last_seq, 55);

  Result<std::vector<AuditSignature>> sigs = ReadAuditSignatures(*store_);
  ASSERT_TRUE(sigs.ok());
  ASSERT_EQ(sigs->size(), 2u);
  EXPECT_EQ((*sigs)[0].seq, 30);
  EXPECT_EQ((*sigs)[0].hash, Record(30).hash);
  EXPECT_EQ((*sigs)[1].public_key, key.public_key_hex());
  EXPECT_EQ((*sigs)[1].signature.size(), 128u);

  // Signing an already signed head changes nothing; another key is refused.
  Append(56, 1);
  Sign(key);
  Result<AuditSignature> again = SignAuditHead(*store_, key);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_signed);
  EXPECT_EQ(SignAuditHead(*store_, Key("b")).status().code(), Status::Code::kInvalidArgument);

  // A malformed expected key is the caller's mistake.
  EXPECT_EQ(VerifyAudit(*store_, "abc").status().code(), Status::Code::kInvalidArgument);
}

TEST_F(AuditTest, DetectsAnAlteredField) {
  Append(1, 20);
  Sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 12");
  ExpectBroken(Verify(), 12, "record 12: hash does not match its content (altered)");

  // Every field is covered, the seq and the previous hash included.
  for (const char* column : {"at", "role", "purpose", "action", "object", "detail", "hash"}) {
    Reset();
    Append(1, 20);
    Sql(std::string("UPDATE audit_log SET ") + column + " = " + column + " || 'x' WHERE seq = 7");
    ExpectBroken(Verify(), 7, "altered");
  }
}

TEST_F(AuditTest, DetectsARemovedRecord) {
  Append(1, 20);
  Sql("DELETE FROM audit_log WHERE seq = 9");
  ExpectBroken(Verify(), 9, "record 9 missing between 8 and 10 (removed)");
  Sql("DELETE FROM audit_log WHERE seq IN (10, 11)");
  ExpectBroken(Verify(), 9, "records 9 to 11 missing between 8 and 12 (removed)");
  Sql("DELETE FROM audit_log WHERE seq <= 3");
  ExpectBroken(Verify(), 1, "records 1 to 3 missing before record 4");
}

TEST_F(AuditTest, DetectsReorderedRecords) {
  Append(1, 20);
  // Swapping two records' contents (their seqs stay) breaks their hashes.
  Sql("UPDATE audit_log SET seq = -5 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 6; "
      "UPDATE audit_log SET seq = 6 WHERE seq = -5");
  ExpectBroken(Verify(), 5, "record 5: hash does not match");

  // Moved and re-hashed so each looks whole on its own: the links break.
  Reset();
  Append(1, 20);
  AuditRecord a = Record(5), b = Record(6);
  std::swap(a.seq, b.seq);
  Rehash(a);
  Rehash(b);
  WriteRaw(a);
  WriteRaw(b);
  ExpectBroken(Verify(), 5,
               "record 5: previous hash is not record 4's hash (reordered or inserted)");
}

TEST_F(AuditTest, DetectsInsertedRecords) {
  Append(1, 20);
  // Replaced by a forgery that hashes correctly and links to record 9.
  AuditRecord forged = Record(10);
  forged.actor = "nobody";
  Rehash(forged);
  WriteRaw(forged);
  ExpectBroken(Verify(), 11, "record 11: previous hash is not record 10's hash");

  // Appended at the end with a made-up link.
  Reset();
  Append(1, 20);
  AuditRecord extra = Record(20);
  extra.seq = 21;
  extra.prev_hash = std::string(64, 'a');
  Rehash(extra);
  WriteRaw(extra);
  ExpectBroken(Verify(), 21, "record 21: previous hash is not record 20's hash");

  // Pushed in before the first record.
  Reset();
  Append(1, 3);
  AuditRecord zero = Record(1);
  zero.seq = 0;
  Rehash(zero);
  WriteRaw(zero);
  ExpectBroken(Verify(), 0, "sequence numbers start at 1");
}

TEST_F(AuditTest, RehashingEverythingIsCaughtBySignatures) {
  Append(1, 10);
  const AuditSigningKey key = Key();
  Sign(key);
  Append(11, 10);
  Sign(key);
  // Record 14 altered and every later hash recomputed: a consistent chain,
  // but not the one signed at 20.
  std::string prev = Record(13).hash;
  for (int64_t seq = 14; seq <= 20; ++seq) {
    AuditRecord r = Record(seq);
    if (seq == 14) r.purpose = "curiosity";
    r.prev_hash = prev;
    Rehash(r);
    prev = r.hash;
    WriteRaw(r);
  }
  ExpectBroken(Verify(), 20,
               "signature of record 20 does not verify: records 11 to 20 were altered and "
               "re-hashed");
}

TEST_F(AuditTest, DetectsATruncatedTailUpToTheLastSignature) {
  Append(1, 20);
  const AuditSigningKey key = Key();
  Sign(key);
  Append(21, 5);
  // Records after the last signature can go undetected (audit.h says so).
  Sql("DELETE FROM audit_log WHERE seq > 20");
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.signed_through, 20);
  EXPECT_EQ(v.last_seq, 20);
  // Cutting into the signed part cannot.
  Sql("DELETE FROM audit_log WHERE seq > 14");
  ExpectBroken(Verify(), 15, "record 20 is signed but missing: records after 14 were removed");
  Sql("DELETE FROM audit_log");
  ExpectBroken(Verify(), 1, "every record was removed");
}

TEST_F(AuditTest, DetectsAnAlteredSignatureAndAnotherKey) {
  Append(1, 10);
  const AuditSigningKey key = Key(), other = Key("other");
  Sign(key);
  EXPECT_TRUE(Verify(key.public_key_hex()).ok);
  ExpectBroken(Verify(other.public_key_hex()), 10,
               "signature of record 10 was made with another key");

  Sql("UPDATE audit_signatures SET signature = (CASE WHEN substr(signature, 1, 1) = '0' THEN '1' "
      "ELSE '0' END) || substr(signature, 2) WHERE seq = 10");
  ExpectBroken(Verify(), 10, "signature of record 10 does not verify");

  // A signature by someone else's key, stored with that key: valid on its
  // own, refused when the auditor's key is given.
  Sql("DELETE FROM audit_signatures");
  Sign(other);
  EXPECT_TRUE(Verify().ok);
  ExpectBroken(Verify(key.public_key_hex()), 10, "another key");

  // With an expected key, an unsigned log is not verified.
  Sql("DELETE FROM audit_signatures");
  AuditVerification unsigned_log = Verify(key.public_key_hex());
  EXPECT_FALSE(unsigned_log.ok);
  EXPECT_NE(unsigned_log.problem.find("no signature"), std::string::npos);
}

TEST_F(AuditTest, SigningRefusesABrokenChain) {
  Append(1, 10);
  const AuditSigningKey key = Key();
  Sign(key);
  Append(11, 5);
  Sql("UPDATE audit_log SET detail = '{}' WHERE seq = 12");
  Result<AuditSignature> s = SignAuditHead(*store_, key);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kCorruption);
  EXPECT_NE(s.status().message().find("record 12"), std::string::npos) << s.status().message();
}

TEST_F(AuditTest, PruneKeepsTheRestVerifiable) {
  const AuditSigningKey key = Key();
  Append(1, 5);
  Sign(key);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Append(6, 5);
  Sign(key);
  const std::string cutoff = Record(6).at;

  Result<AuditPruneResult> nothing = PruneAudit(*store_, "2000-01-01", "dpo", "auditor");
  ASSERT_TRUE(nothing.ok()) << nothing.status().ToString();
  EXPECT_EQ(nothing->pruned, 0);
  EXPECT_EQ(Verify().last_seq, 10);  // nothing written

  Result<AuditPruneResult> p = PruneAudit(*store_, cutoff, "dpo", "auditor");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->pruned, 5);
  EXPECT_EQ(p->pruned_through_seq, 5);
  EXPECT_EQ(p->anchor_seq, 11);
  const AuditRecord anchor = Record(11);
  EXPECT_EQ(anchor.action, AuditAction::kErasure);
  EXPECT_EQ(anchor.object, "audit_log");
  EXPECT_EQ(anchor.purpose, "retention");
  EXPECT_EQ(anchor.actor, "dpo");
  EXPECT_NE(anchor.detail.find("\"pruned_through_seq\":5"), std::string::npos) << anchor.detail;

  AuditVerification v = Verify(key.public_key_hex());
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.first_seq, 6);
  EXPECT_EQ(v.pruned_through, 5);
  EXPECT_EQ(v.records, 6);
  EXPECT_EQ(v.signatures, 1);  // the one of record 5 went with it
  EXPECT_EQ(v.signed_through, 10);
  Sign(key);
  Append(12, 3);
  EXPECT_TRUE(Verify(key.public_key_hex()).ok);

  // Pruning again, past the first anchor: the newest anchor counts.
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Append(15, 2);
  Result<AuditPruneResult> p2 = PruneAudit(*store_, Record(15).at, "dpo", "auditor");
  ASSERT_TRUE(p2.ok()) << p2.status().ToString();
  EXPECT_EQ(p2->pruned, 9);  // 6 .. 14, the first anchor included
  v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.first_seq, 15);
  EXPECT_EQ(v.pruned_through, 14);
}

TEST_F(AuditTest, PruneAnchorTamperingIsDetected) {
  Append(1, 5);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Append(6, 5);
  ASSERT_TRUE(PruneAudit(*store_, Record(6).at, "dpo").ok());
  ASSERT_TRUE(Verify().ok);

  // The anchor's detail edited to hide that record 6 was removed too.
  Sql("DELETE FROM audit_log WHERE seq = 6");
  ExpectBroken(Verify(), 6, "record 6 missing before record 7");
  Sql("UPDATE audit_log SET detail = replace(detail, '\"pruned_through_seq\":5', "
      "'\"pruned_through_seq\":6') WHERE seq = 11");
  ExpectBroken(Verify(), 11, "record 11: hash does not match its content (altered)");

  // The anchor deleted: nothing accounts for the missing records.
  Reset();
  Append(1, 5);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Append(6, 5);
  ASSERT_TRUE(PruneAudit(*store_, Record(6).at, "dpo").ok());
  Sql("DELETE FROM audit_log WHERE seq = 11");
  ExpectBroken(Verify(), 1, "no prune anchor accounts for them");

  // A re-hashed anchor pointing elsewhere no longer matches record 6.
  Reset();
  Append(1, 5);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Append(6, 5);
  ASSERT_TRUE(PruneAudit(*store_, Record(6).at, "dpo").ok());
  AuditRecord anchor = Record(11);
  const size_t h = anchor.detail.find("pruned_through_hash\":\"") + 22;
  anchor.detail[h] = anchor.detail[h] == 'a' ? 'b' : 'a';
  Rehash(anchor);
  WriteRaw(anchor);
  ExpectBroken(Verify(), 6, "record 6: previous hash is not the hash of pruned record 5");
}

TEST_F(AuditTest, PruneEverythingKeepsTheAnchorAsHead) {
  Append(1, 4);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Result<AuditPruneResult> p = PruneAudit(*store_, AuditYearsAgo(0), "dpo");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->pruned, 4);
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.records, 1);
  EXPECT_EQ(v.first_seq, 5);
  EXPECT_EQ(Append(6, 2), (std::vector<int64_t>{6, 7}));
  EXPECT_TRUE(Verify().ok);
}

TEST_F(AuditTest, PruneRefusesBadInputAndABrokenChain) {
  Append(1, 5);
  EXPECT_EQ(PruneAudit(*store_, "", "").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(PruneAudit(*store_, "last year", "dpo").status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(PruneAudit(*store_, "2026", "dpo").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(PruneAudit(*store_, "2999-01-01", "dpo").status().code(),
            Status::Code::kInvalidArgument);
  // The default cut-off is five years ago: nothing that old here.
  Result<AuditPruneResult> p = PruneAudit(*store_, "", "dpo");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->pruned, 0);
  EXPECT_EQ(p->before.substr(0, 4), std::to_string(std::stoi(Record(1).at.substr(0, 4)) - 5));

  // Pruning must not launder tampering.
  Sql("UPDATE audit_log SET actor = 'x' WHERE seq = 2");
  Result<AuditPruneResult> broken = PruneAudit(*store_, AuditYearsAgo(0), "dpo");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().code(), Status::Code::kCorruption);
  EXPECT_EQ(Verify().first_bad_seq, 2);
}

TEST_F(AuditTest, ConcurrentWritersMakeOneChain) {
  constexpr int kThreads = 4, kBatches = 50, kBatch = 5;
  std::vector<std::thread> threads;
  std::vector<std::string> errors(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Result<std::unique_ptr<Store>> s = Store::Open(path_);
      if (!s.ok()) {
        errors[t] = s.status().ToString();
        return;
      }
      for (int b = 0; b < kBatches; ++b) {
        std::vector<AuditEntry> batch;
        for (int i = 0; i < kBatch; ++i) {
          AuditEntry e = Entry(i);
          e.actor = "writer" + std::to_string(t);
          batch.push_back(e);
        }
        Result<std::vector<int64_t>> seqs = AppendAudit(**s, batch);
        if (!seqs.ok()) {
          errors[t] = seqs.status().ToString();
          return;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& e : errors) EXPECT_EQ(e, "");
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.records, kThreads * kBatches * kBatch);
  EXPECT_EQ(v.last_seq, kThreads * kBatches * kBatch);
  // Each batch stayed together.
  AuditFilter f;
  f.newest_first = false;
  Result<std::vector<AuditRecord>> all = ReadAudit(*store_, f);
  ASSERT_TRUE(all.ok());
  for (size_t i = 0; i < all->size(); i += kBatch) {
    for (size_t j = 1; j < kBatch; ++j) EXPECT_EQ((*all)[i + j].actor, (*all)[i].actor);
  }
}

TEST_F(AuditTest, SigningKeyFile) {
  const std::string file = TempPath(".key");
  keys_.push_back(file);
  Result<AuditSigningKey> created = LoadOrCreateSigningKey(file);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  struct stat st {};
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(created->public_key_hex().size(), 64u);
  Result<AuditSigningKey> again = LoadOrCreateSigningKey(file);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->public_key_hex(), created->public_key_hex());
  EXPECT_EQ(again->secret_key_hex(), created->secret_key_hex());

  // An auditor verifies with the public key, from a file of either kind.
  Result<std::string> pub = LoadAuditPublicKey(file);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  EXPECT_EQ(*pub, created->public_key_hex());
  const std::string pub_file = TempPath(".pub");
  keys_.push_back(pub_file);
  std::ofstream(pub_file) << created->public_key_hex() << "\n";
  EXPECT_EQ(*LoadAuditPublicKey(pub_file), created->public_key_hex());

  // A key others can read is refused, like ssh does.
  chmod(file.c_str(), 0644);
  Result<AuditSigningKey> shared = LoadOrCreateSigningKey(file);
  ASSERT_FALSE(shared.ok());
  EXPECT_NE(shared.status().message().find("chmod 600"), std::string::npos);

  // Malformed: wrong length, and halves that do not belong together.
  chmod(file.c_str(), 0600);
  std::string hex = created->secret_key_hex();
  hex[100] = hex[100] == 'a' ? 'b' : 'a';
  std::ofstream(file, std::ios::trunc) << hex;
  EXPECT_EQ(LoadOrCreateSigningKey(file).status().code(), Status::Code::kInvalidArgument);
  std::ofstream(file, std::ios::trunc) << "abcd";
  EXPECT_EQ(LoadOrCreateSigningKey(file).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(LoadAuditPublicKey(file).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(LoadAuditPublicKey(file + ".absent").status().code(), Status::Code::kIOError);
  EXPECT_EQ(AuditSigningKey::FromSecretHex("zz").status().code(), Status::Code::kInvalidArgument);
}

TEST_F(AuditTest, VerifiesAHundredThousandRecordsQuickly) {
  constexpr int kRecords = 100000, kBatch = 1000;
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < kRecords; i += kBatch) {
    if (Append(i, kBatch).size() != static_cast<size_t>(kBatch)) return;
  }
  const auto t1 = std::chrono::steady_clock::now();
  const AuditSigningKey key = Key();
  Sign(key);
  const auto t2 = std::chrono::steady_clock::now();
  AuditVerification v = Verify(key.public_key_hex());
  const auto t3 = std::chrono::steady_clock::now();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.records, kRecords);
  const auto ms = [](auto d) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  };
  std::cout << "[ timing   ] append " << kRecords << " records in batches of " << kBatch << ": "
            << ms(t1 - t0) << " ms; first signature (checks the whole chain): " << ms(t2 - t1)
            << " ms; verify: " << ms(t3 - t2) << " ms\n";
}

}  // namespace
}  // namespace hudud::store
