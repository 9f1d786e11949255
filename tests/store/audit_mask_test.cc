// Pins the masking of audit details (store/audit.h "Masking"): masked v2
// and legacy v1 records keep the chain verifiable, the erasure record
// vouches for exactly what was masked, and altering a masked record,
// removing its mark or forging one is detected; signatures made before the
// masking still verify, signing and pruning go on working.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "retention_data.h"
#include "store/audit.h"
#include "store_fixture.h"

namespace hudud::store {
namespace {

using testing::Sql;
using testing::SqlValue;

class AuditMaskTest : public StoreFixture {
 protected:
  std::vector<int64_t> Append(int n, const std::string& object = "screening") {
    std::vector<AuditEntry> batch;
    for (int i = 0; i < n; ++i) {
      AuditEntry e;
      e.actor = "amina";
      e.role = "analyst";
      e.purpose = "border-control";
      e.object = object;
      e.detail = R"({"query":{"names":["Traveller )" + std::to_string(i) + R"("]}})";
      batch.push_back(e);
    }
    Result<std::vector<int64_t>> seqs = AppendAudit(*store_, batch);
    EXPECT_TRUE(seqs.ok()) << seqs.status().ToString();
    return seqs.ok() ? *seqs : std::vector<int64_t>();
  }

  Result<int64_t> Mask(const std::vector<int64_t>& seqs) {
    std::vector<AuditDetailMask> masks;
    for (int64_t s : seqs) masks.push_back({s, R"({"query":{"names":["[masked]"]}})"});
    AuditEntry e;
    e.actor = "hudud-retention";
    e.purpose = "retention";
    e.detail = R"({"reason":"test"})";
    return MaskAuditDetails(*store_, masks, e);
  }

  AuditVerification Verify() {
    Result<AuditVerification> v = VerifyAudit(*store_);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : AuditVerification{};
  }

  // A v1 record as hudud wrote them before schema 7, appended raw.
  void AppendV1(int64_t seq, const std::string& detail) {
    AuditRecord r;
    r.seq = seq;
    r.at = "2026-01-0" + std::to_string(seq) + "T00:00:00.000Z";
    r.actor = "karim";
    r.role = "border-officer";
    r.purpose = "border-control";
    r.action = AuditAction::kConsultation;
    r.object = "mrz";
    r.detail = detail;
    r.prev_hash =
        seq == 1
            ? std::string(64, '0')
            : SqlValue(path_, "SELECT hash FROM audit_log WHERE seq = " + std::to_string(seq - 1));
    r.hash = AuditRecordHash(r);  // detail_hash "": the v1 formula
    Sql(path_,
        "INSERT INTO audit_log (seq, at, actor, role, purpose, action, object, detail, "
        "prev_hash, hash) VALUES (" +
            std::to_string(seq) + ", '" + r.at +
            "', 'karim', 'border-officer', "
            "'border-control', 'consultation', 'mrz', '" +
            detail + "', '" + r.prev_hash + "', '" + r.hash + "')");
  }
};

TEST_F(AuditMaskTest, MaskedRecordsStillVerify) {
  Append(6);
  Result<int64_t> e = Mask({2, 4, 5});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(*e, 7);
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.masked, 3);
  EXPECT_EQ(v.records, 7);
  EXPECT_EQ(SqlValue(path_, "SELECT detail FROM audit_log WHERE seq = 4"),
            R"({"query":{"names":["[masked]"]}})");
  EXPECT_EQ(SqlValue(path_, "SELECT masked_by FROM audit_log WHERE seq = 4"), "7");
  const std::string erasure = SqlValue(path_, "SELECT detail FROM audit_log WHERE seq = 7");
  EXPECT_NE(erasure.find(R"("reason":"test")"), std::string::npos) << erasure;
  EXPECT_NE(erasure.find(R"("masked":{"records":3,"from_seq":2,"to_seq":5,"digest":")"),
            std::string::npos)
      << erasure;
  EXPECT_EQ(SqlValue(path_, "SELECT object || ' ' || action FROM audit_log WHERE seq = 7"),
            "audit_log:details erasure");
  // Reading gives the masked detail and the mark.
  AuditFilter f;
  f.after_seq = 3;
  f.limit = 1;
  f.newest_first = false;
  Result<std::vector<AuditRecord>> r = ReadAudit(*store_, f);
  ASSERT_TRUE(r.ok() && r->size() == 1);
  EXPECT_EQ(r->front().masked_by, 7);
  EXPECT_EQ(r->front().hash, AuditRecordHash(r->front()));
}

TEST_F(AuditMaskTest, AlteringAMaskedRecordIsDetected) {
  Append(6);
  ASSERT_TRUE(Mask({2, 4}).ok());
  ASSERT_TRUE(Verify().ok);
  Sql(path_, "UPDATE audit_log SET detail = '{\"query\":\"edited\"}' WHERE seq = 4");
  AuditVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 7);
  EXPECT_NE(v.problem.find("does not match records 2 to 4"), std::string::npos) << v.problem;
}

TEST_F(AuditMaskTest, RemovingTheMarkIsDetected) {
  Append(6);
  ASSERT_TRUE(Mask({2, 4}).ok());
  Sql(path_, "UPDATE audit_log SET masked_by = 0 WHERE seq = 4");
  AuditVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 4);
  EXPECT_NE(v.problem.find("record 4: hash does not match its content (altered)"),
            std::string::npos)
      << v.problem;
}

TEST_F(AuditMaskTest, AForgedMarkIsDetected) {
  Append(6);
  ASSERT_TRUE(Mask({2}).ok());
  // A mark hiding an edit of an unmasked record, pointing at the erasure record.
  Sql(path_, "UPDATE audit_log SET detail = '{}', masked_by = 7 WHERE seq = 3");
  AuditVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 7);
  // ... or at a record that masked nothing.
  Sql(path_, "UPDATE audit_log SET masked_by = 6 WHERE seq = 3");
  v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 3);
  EXPECT_NE(v.problem.find("which records no such masking"), std::string::npos) << v.problem;
  // ... or at an earlier one.
  Sql(path_, "UPDATE audit_log SET masked_by = 1 WHERE seq = 3");
  v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.problem.find("which is not after it"), std::string::npos) << v.problem;
}

TEST_F(AuditMaskTest, LegacyV1RecordsVerifyAndMask) {
  AppendV1(1, R"({"query":{"names":["Old Record One"]}})");
  AppendV1(2, R"({"query":{"names":["Old Record Two"]}})");
  Append(2);  // v2 records after them
  AuditVerification v = Verify();
  ASSERT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(SqlValue(path_, "SELECT detail_hash FROM audit_log WHERE seq = 1"), "");
  // An unmasked v1 record's detail is still covered by its hash.
  Sql(path_, "UPDATE audit_log SET detail = '{}' WHERE seq = 2");
  EXPECT_FALSE(Verify().ok);
  Sql(path_,
      "UPDATE audit_log SET detail = '{\"query\":{\"names\":[\"Old Record Two\"]}}' "
      "WHERE seq = 2");
  ASSERT_TRUE(Verify().ok);

  ASSERT_TRUE(Mask({1, 2, 3}).ok());
  v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.masked, 3);
  // A masked v1 record's other fields are vouched for by the erasure record.
  Sql(path_, "UPDATE audit_log SET actor = 'someone' WHERE seq = 1");
  v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 5);
}

TEST_F(AuditMaskTest, SignaturesSigningAndPruningGoOn) {
  Append(4);
  const AuditSigningKey key = AuditSigningKey::Generate();
  ASSERT_TRUE(SignAuditHead(*store_, key).ok());
  ASSERT_TRUE(Mask({1, 2}).ok());
  Append(2);
  // The signature of record 4, made before the masking, still verifies;
  // signing walks from it across the masking record.
  Result<AuditSignature> s = SignAuditHead(*store_, key);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.signatures, 2);
  EXPECT_EQ(v.masked, 2);
}

TEST_F(AuditMaskTest, PruneAcrossAMasking) {
  Append(3);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Append(2);
  ASSERT_TRUE(Mask({1, 2, 4}).ok());  // record 6
  const std::string cut = SqlValue(path_, "SELECT at FROM audit_log WHERE seq = 4");
  Result<AuditPruneResult> p = PruneAudit(*store_, cut, "dpo");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->pruned, 3);
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.masked, 1);
  EXPECT_EQ(v.pruned_through, 3);
}

TEST_F(AuditMaskTest, RefusesWhatCannotBeMasked) {
  Append(3);
  EXPECT_FALSE(Mask({}).ok());
  EXPECT_FALSE(Mask({9}).ok());
  EXPECT_FALSE(Mask({1, 1}).ok());
  ASSERT_TRUE(Mask({1}).ok());
  Result<int64_t> twice = Mask({1});
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("already masked"), std::string::npos);
  // The masking record itself and prune anchors stay readable.
  EXPECT_FALSE(Mask({4}).ok());
  // Nobody else writes masking records.
  AuditEntry forged;
  forged.actor = "amina";
  forged.purpose = "x";
  forged.action = AuditAction::kErasure;
  forged.object = std::string(kAuditMaskObject);
  EXPECT_EQ(AppendAudit(*store_, {forged}).status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Verify().ok);
}

}  // namespace
}  // namespace hudud::store
