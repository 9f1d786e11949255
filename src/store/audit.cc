// The hash-chained audit log (store/audit.h): appending in batches,
// reading with filters, verifying the chain and its signatures, signing the
// head, pruning behind an anchor, and the signing key file.
#include "store/audit.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lists/csv.h"
#include "store/db.h"

namespace hudud::store {
namespace {

constexpr std::string_view kRecordTag = "hudud.audit.v1";
constexpr std::string_view kRecordTagV2 = "hudud.audit.v2";
constexpr std::string_view kHeadTag = "hudud.audit.head.v1";
constexpr std::string_view kChainStart =
    "0000000000000000000000000000000000000000000000000000000000000000";
constexpr size_t kHashHex = 2 * crypto_hash_sha256_BYTES;
constexpr size_t kPublicKeyHex = 2 * crypto_sign_PUBLICKEYBYTES;
constexpr size_t kSecretKeyHex = 2 * crypto_sign_SECRETKEYBYTES;
constexpr size_t kSignatureHex = 2 * crypto_sign_BYTES;
static_assert(crypto_sign_SECRETKEYBYTES == 64, "AuditSigningKey holds a 64-byte secret key");

constexpr std::string_view kActionNames[] = {
    "collection", "consultation", "change",  "disclosure",    "combination",
    "unmasking",  "erasure",      "sign-in", "access-denied",
};

void InitSodium() {
  static const int kInit = sodium_init();
  (void)kInit;
}

// The canonical encoding of audit.h: each field as its length (8 bytes,
// big-endian) then its bytes, so no two field lists encode alike.
void AppendField(std::string* out, std::string_view field) {
  const uint64_t n = field.size();
  for (int shift = 56; shift >= 0; shift -= 8) out->push_back(static_cast<char>(n >> shift));
  out->append(field);
}

// SHA-256 of the canonical encoding, fed field by field: the verifier
// hashes 10^6 records without building a string for each.
class CanonicalHash {
 public:
  CanonicalHash() { crypto_hash_sha256_init(&state_); }
  void Field(std::string_view field) {
    unsigned char len[8];
    const uint64_t n = field.size();
    for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(n >> (56 - 8 * i));
    crypto_hash_sha256_update(&state_, len, sizeof len);
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(field.data()),
                              field.size());
  }
  // Lower-case hex into `hex` (kHashHex digits and a NUL).
  void Finish(char (&hex)[kHashHex + 1]) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_, digest);
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  }

 private:
  crypto_hash_sha256_state state_;
};

struct RecordView {
  int64_t seq = 0;
  std::string_view at, actor, role, purpose, action, object, detail, prev_hash, hash;
  std::string_view detail_hash;  // v2 records; "" for v1
  int64_t masked_by = 0;
};

RecordView ViewOf(const AuditRecord& r) {
  return RecordView{
      r.seq,    r.at,     r.actor,     r.role, r.purpose,     AuditActionName(r.action),
      r.object, r.detail, r.prev_hash, r.hash, r.detail_hash, r.masked_by};
}

std::string SeqText(int64_t seq) {
  char buf[24];
  const int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(seq));
  return std::string(buf, static_cast<size_t>(n));
}

// v1 hashes the detail itself; v2 its SHA-256 (detail_hash), so the detail
// can be masked while the hash still checks.
void HashRecord(const RecordView& r, char (&hex)[kHashHex + 1]) {
  InitSodium();
  CanonicalHash h;
  const bool v2 = !r.detail_hash.empty();
  h.Field(v2 ? kRecordTagV2 : kRecordTag);
  h.Field(SeqText(r.seq));
  for (std::string_view f : {r.at, r.actor, r.role, r.purpose, r.action, r.object,
                             v2 ? r.detail_hash : r.detail, r.prev_hash}) {
    h.Field(f);
  }
  h.Finish(hex);
}

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256HexOf(std::string_view bytes) {
  InitSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[kHashHex + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, kHashHex);
}

// What a masking erasure record vouches for, per masked record: every
// stored field as it now stands, the masked detail included.
void AddMaskedRecord(CanonicalHash* h, const RecordView& r) {
  h->Field(SeqText(r.seq));
  for (std::string_view f : {r.at, r.actor, r.role, r.purpose, r.action, r.object, r.detail,
                             r.detail_hash, r.prev_hash, r.hash}) {
    h->Field(f);
  }
}

// What a head signature signs.
std::string HeadMessage(int64_t seq, std::string_view hash, std::string_view at) {
  std::string m;
  AppendField(&m, kHeadTag);
  AppendField(&m, std::to_string(seq));
  AppendField(&m, hash);
  AppendField(&m, at);
  return m;
}

// Decodes exactly `n` bytes of hex; false for anything else.
bool FromHex(std::string_view hex, unsigned char* out, size_t n) {
  if (hex.size() != 2 * n) return false;
  size_t len = 0;
  return sodium_hex2bin(out, n, hex.data(), hex.size(), nullptr, &len, nullptr) == 0 && len == n;
}

bool IsLowerHex(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool SignatureVerifies(std::string_view public_key_hex, std::string_view signature_hex,
                       const std::string& message) {
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
  if (!FromHex(public_key_hex, pk, sizeof pk) || !FromHex(signature_hex, sig, sizeof sig)) {
    return false;
  }
  InitSodium();
  return crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), pk) == 0;
}

std::string FormatUtc(std::chrono::system_clock::time_point t, int year_offset) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  tm.tm_year -= year_offset;
  if (year_offset != 0 && tm.tm_mon == 1 && tm.tm_mday == 29) {
    const int y = tm.tm_year + 1900;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (!leap) tm.tm_mday = 28;
  }
  char buf[40];
  const int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                              tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                              tm.tm_sec, static_cast<int>(ms % 1000));
  return std::string(buf, static_cast<size_t>(n));
}

std::string UtcNowMillis() { return FormatUtc(std::chrono::system_clock::now(), 0); }

// Checks an ISO 8601 date or date-time in UTC ("2026", "2026-03",
// "2026-03-01", "2026-03-01T14:05", "2026-03-01T14:05:09.5Z") and returns
// it without a final 'Z', ready to compare with stored times as text
// (every stored time is UTC). nullopt when malformed.
std::optional<std::string> TimeBound(std::string_view s) {
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
  if (!s.empty() && s.back() == 'Z') s.remove_suffix(1);
  size_t core = s.size();
  if (core > kShape.size()) {
    if (s[kShape.size()] != '.' || s.size() == kShape.size() + 1) return std::nullopt;
    for (size_t i = kShape.size() + 1; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
    }
    core = kShape.size();
  }
  if (core != 4 && core != 7 && core != 10 && core != 16 && core != 19) return std::nullopt;
  for (size_t i = 0; i < core; ++i) {
    const bool digit = s[i] >= '0' && s[i] <= '9';
    if (kShape[i] == 'd' ? !digit : s[i] != kShape[i]) return std::nullopt;
  }
  const auto num = [&](size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); };
  if (core >= 7 && (num(5) < 1 || num(5) > 12)) return std::nullopt;
  if (core >= 10 && (num(8) < 1 || num(8) > 31)) return std::nullopt;
  if (core >= 16 && (num(11) > 23 || num(14) > 59)) return std::nullopt;
  if (core >= 19 && num(17) > 60) return std::nullopt;
  return std::string(s);
}

struct Head {
  int64_t seq = 0;
  std::string at;
  std::string hash{kChainStart};
};

Result<Head> ReadHead(Store::Impl& impl) {
  Result<Stmt> q = impl.Prepare("SELECT seq, at, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!q.ok()) return q.status();
  Result<bool> row = impl.Step(*q, "reading the audit log's head");
  if (!row.ok()) return row.status();
  Head h;
  if (*row) {
    h.seq = sqlite3_column_int64(q->get(), 0);
    h.at = ColumnText(q->get(), 1);
    h.hash = ColumnText(q->get(), 2);
  }
  return h;
}

Status CheckEntry(const AuditEntry& e, size_t index) {
  const std::string where = "audit entry " + std::to_string(index) + ": ";
  if (Blank(e.actor)) return Status::InvalidArgument(where + "actor is required (who acted?)");
  if (Blank(e.purpose)) {
    return Status::InvalidArgument(where + "purpose is required (why was the data used?)");
  }
  if (Blank(e.object)) return Status::InvalidArgument(where + "object is required (what data?)");
  const auto action = static_cast<size_t>(e.action);
  if (action >= std::size(kActionNames)) {
    return Status::InvalidArgument(where + "action " + std::to_string(action) + " is not one of " +
                                   AuditActionNames());
  }
  if (e.action == AuditAction::kErasure && e.object == kAuditLogObject) {
    return Status::InvalidArgument(where + "erasure of " + std::string(kAuditLogObject) +
                                   " is recorded by the audit prune alone");
  }
  if (e.action == AuditAction::kErasure && e.object == kAuditMaskObject) {
    return Status::InvalidArgument(where + "erasure of " + std::string(kAuditMaskObject) +
                                   " is recorded by the masking of audit details alone");
  }
  const std::pair<const char*, const std::string*> fields[] = {
      {"actor", &e.actor},   {"role", &e.role},     {"purpose", &e.purpose},
      {"object", &e.object}, {"detail", &e.detail},
  };
  for (const auto& [name, value] : fields) {
    if (!lists::IsValidUtf8(*value))
      return Status::InvalidArgument(where + name + " is not valid UTF-8");
  }
  return Status::Ok();
}

// Appends inside the caller's write transaction.
Result<std::vector<int64_t>> AppendLocked(Store::Impl& impl,
                                          const std::vector<AuditEntry>& entries) {
  Result<Head> head = ReadHead(impl);
  if (!head.ok()) return head.status();
  // Times never go backwards along the chain, even when the clock does:
  // filters and pruning by time then cut the chain at one place.
  std::string at = UtcNowMillis();
  if (at < head->at) at = head->at;
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO audit_log (seq, at, actor, role, purpose, action, object, detail, prev_hash, "
      "hash, detail_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  std::vector<int64_t> seqs;
  seqs.reserve(entries.size());
  int64_t seq = head->seq;
  std::string prev = head->hash;
  char hash[kHashHex + 1];
  for (const AuditEntry& e : entries) {
    ++seq;
    const std::string_view action = AuditActionName(e.action);
    const std::string detail_hash = Sha256HexOf(e.detail);
    HashRecord(RecordView{seq,
                          at,
                          e.actor,
                          e.role,
                          e.purpose,
                          action,
                          e.object,
                          e.detail,
                          prev,
                          {},
                          detail_hash,
                          0},
               hash);
    sqlite3_bind_int64(ins->get(), 1, seq);
    BindText(*ins, 2, at);
    BindText(*ins, 3, e.actor);
    BindText(*ins, 4, e.role);
    BindText(*ins, 5, e.purpose);
    BindText(*ins, 6, action);
    BindText(*ins, 7, e.object);
    BindText(*ins, 8, e.detail);
    BindText(*ins, 9, prev);
    BindText(*ins, 10, std::string_view(hash, kHashHex));
    BindText(*ins, 11, detail_hash);
    HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "appending audit record " + std::to_string(seq)));
    prev.assign(hash, kHashHex);
    seqs.push_back(seq);
  }
  return seqs;
}

// The prune anchor of audit.h, parsed from an erasure record's detail.
struct Anchor {
  int64_t seq = 0;  // the erasure record
  int64_t pruned_through = 0;
  std::string pruned_hash;
};

std::string AnchorDetail(const std::string& before, int64_t records, int64_t through,
                         const std::string& hash) {
  nlohmann::ordered_json j{{"before", before},
                           {"records", records},
                           {"pruned_through_seq", through},
                           {"pruned_through_hash", hash}};
  return j.dump();
}

std::optional<Anchor> ParseAnchor(int64_t seq, std::string_view detail) {
  nlohmann::json j = nlohmann::json::parse(detail, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  auto through = j.find("pruned_through_seq");
  auto hash = j.find("pruned_through_hash");
  if (through == j.end() || hash == j.end() || !through->is_number_integer() ||
      !hash->is_string()) {
    return std::nullopt;
  }
  Anchor a;
  a.seq = seq;
  a.pruned_through = through->get<int64_t>();
  a.pruned_hash = hash->get<std::string>();
  if (a.pruned_through < 1 || !IsLowerHex(a.pruned_hash, kHashHex)) return std::nullopt;
  return a;
}

constexpr const char* kRecordColumns =
    "seq, at, actor, role, purpose, action, object, detail, prev_hash, hash, detail_hash, "
    "masked_by";

RecordView ViewRow(sqlite3_stmt* s) {
  return RecordView{sqlite3_column_int64(s, 0), ColumnText(s, 1),  ColumnText(s, 2),
                    ColumnText(s, 3),           ColumnText(s, 4),  ColumnText(s, 5),
                    ColumnText(s, 6),           ColumnText(s, 7),  ColumnText(s, 8),
                    ColumnText(s, 9),           ColumnText(s, 10), sqlite3_column_int64(s, 11)};
}

// What a masking erasure record's detail says it masked (audit.h).
struct MaskAttestation {
  int64_t records = 0, from_seq = 0, to_seq = 0;
  std::string digest;
};

std::optional<MaskAttestation> ParseMaskAttestation(std::string_view detail) {
  nlohmann::json j = nlohmann::json::parse(detail, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  auto m = j.find("masked");
  if (m == j.end() || !m->is_object()) return std::nullopt;
  MaskAttestation a;
  for (auto [key, slot] : {std::pair<const char*, int64_t*>{"records", &a.records},
                           {"from_seq", &a.from_seq},
                           {"to_seq", &a.to_seq}}) {
    auto v = m->find(key);
    if (v == m->end() || !v->is_number_integer()) return std::nullopt;
    *slot = v->get<int64_t>();
  }
  auto d = m->find("digest");
  if (d == m->end() || !d->is_string()) return std::nullopt;
  a.digest = d->get<std::string>();
  if (a.records < 1 || a.from_seq < 1 || a.to_seq < a.from_seq || !IsLowerHex(a.digest, kHashHex))
    return std::nullopt;
  return a;
}

std::string Short(std::string_view hex) { return std::string(hex.substr(0, 16)) + "…"; }

std::string Range(int64_t from, int64_t to) {
  return from == to ? "record " + std::to_string(from)
                    : "records " + std::to_string(from) + " to " + std::to_string(to);
}

// The chain walk behind VerifyAudit, SignAuditHead and PruneAudit. With
// `from_seq` > 0 it starts at that record, which must be signed: its
// signature stands in for the records before it (signing checks only what
// was appended since the last signature).
class ChainWalk {
 public:
  ChainWalk(Store::Impl& impl, std::string expected_key)
      : impl_(impl), expected_key_(std::move(expected_key)) {}

  Result<AuditVerification> Run(int64_t from_seq) {
    from_seq_ = from_seq;
    Status st = from_seq > 0 ? Status::Ok() : CheckStart();
    if (!st.ok()) return st;
    if (v_.ok) HUDUD_RETURN_IF_ERROR(Walk());
    if (v_.ok) HUDUD_RETURN_IF_ERROR(CheckOrphanSignatures());
    if (v_.ok && from_seq == 0 && !expected_key_.empty() && v_.records > 0 && v_.signatures == 0) {
      Fail(0,
           "no signature with the expected key: nothing shows the records were not rewritten "
           "(hudud audit sign)");
    }
    return v_;
  }

 private:
  void Fail(int64_t seq, std::string problem) {
    v_.ok = false;
    v_.first_bad_seq = seq;
    v_.problem = std::move(problem);
  }

  // Where the chain must start: seq 1 after 64 zeros, or the record after
  // the latest prune anchor after the pruned record's hash.
  Status CheckStart() {
    Result<Stmt> first = impl_.Prepare("SELECT seq FROM audit_log ORDER BY seq LIMIT 1");
    if (!first.ok()) return first.status();
    Result<bool> row = impl_.Step(*first, "reading the audit log");
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();  // empty: only orphan signatures can be wrong
    const int64_t f = sqlite3_column_int64(first->get(), 0);
    v_.first_seq = f;
    if (f == 1) return Status::Ok();
    if (f < 1) {
      Fail(f, "record " + std::to_string(f) + ": sequence numbers start at 1 (inserted)");
      return Status::Ok();
    }
    Result<Stmt> q = impl_.Prepare(std::string("SELECT ") + kRecordColumns +
                                   " FROM audit_log WHERE action = 'erasure' AND object = ? "
                                   "ORDER BY seq DESC LIMIT 1");
    if (!q.ok()) return q.status();
    BindText(*q, 1, kAuditLogObject);
    row = impl_.Step(*q, "reading the audit log's prune anchor");
    if (!row.ok()) return row.status();
    if (!*row) {
      Fail(1, Range(1, f - 1) + " missing before record " + std::to_string(f) +
                  " (removed; no prune anchor accounts for them)");
      return Status::Ok();
    }
    // The anchor is checked before it is trusted; the walk checks it again
    // in its place in the chain.
    const RecordView a = ViewRow(q->get());
    char hash[kHashHex + 1];
    HashRecord(a, hash);
    if (a.hash != std::string_view(hash, kHashHex) ||
        (!a.detail_hash.empty() && Sha256HexOf(a.detail) != a.detail_hash)) {
      Fail(a.seq,
           "record " + std::to_string(a.seq) + ": hash does not match its content (altered)");
      return Status::Ok();
    }
    std::optional<Anchor> anchor = ParseAnchor(a.seq, a.detail);
    if (!anchor) {
      Fail(a.seq,
           "record " + std::to_string(a.seq) + ": the prune anchor in its detail is unreadable");
      return Status::Ok();
    }
    const int64_t k = anchor->pruned_through;
    if (f > k + 1) {
      Fail(k + 1, Range(k + 1, f - 1) + " missing before record " + std::to_string(f) +
                      " (removed; the prune in record " + std::to_string(a.seq) +
                      " removed records through " + std::to_string(k) + ")");
    } else if (f <= k) {
      Fail(f, "record " + std::to_string(f) + ": the prune in record " + std::to_string(a.seq) +
                  " removed records through " + std::to_string(k) +
                  ", yet this one is there (inserted)");
    }
    anchor_ = std::move(*anchor);
    v_.pruned_through = k;
    return Status::Ok();
  }

  Status Walk() {
    std::string sql = std::string("SELECT a.seq, a.at, a.actor, a.role, a.purpose, a.action, ") +
                      "a.object, a.detail, a.prev_hash, a.hash, a.detail_hash, a.masked_by, " +
                      "s.at, s.public_key, s.signature " +
                      "FROM audit_log a LEFT JOIN audit_signatures s ON s.seq = a.seq " +
                      (from_seq_ > 0 ? "WHERE a.seq >= ? " : "") + "ORDER BY a.seq";
    Result<Stmt> q = impl_.Prepare(sql);
    if (!q.ok()) return q.status();
    if (from_seq_ > 0) sqlite3_bind_int64(q->get(), 1, from_seq_);
    std::string prev_hash = anchor_ ? anchor_->pruned_hash : std::string(kChainStart);
    int64_t prev_seq = anchor_ ? anchor_->pruned_through : 0;
    int64_t last_signed = prev_seq;
    bool first = true;
    char hash[kHashHex + 1];
    for (;;) {
      Result<bool> row = impl_.Step(*q, "reading the audit log");
      if (!row.ok()) return row.status();
      if (!*row) break;
      sqlite3_stmt* s = q->get();
      const RecordView r = ViewRow(s);
      const std::string n = std::to_string(r.seq);
      if (first && from_seq_ > 0) {
        if (r.seq != from_seq_) {
          Fail(from_seq_,
               "record " + std::to_string(from_seq_) + " is signed but missing (removed)");
          return Status::Ok();
        }
        prev_seq = r.seq - 1;  // the signature below vouches for what came before
      } else if (r.seq != prev_seq + 1) {
        Fail(prev_seq + 1, Range(prev_seq + 1, r.seq - 1) + " missing between " +
                               std::to_string(prev_seq) + " and " + n + " (removed)");
        return Status::Ok();
      }
      // A masked v1 record's hash covered the detail that is gone: the
      // erasure record that masked it vouches for it instead (below).
      const bool masked = r.masked_by != 0;
      if (!(masked && r.detail_hash.empty())) {
        HashRecord(r, hash);
        if (r.hash != std::string_view(hash, kHashHex)) {
          Fail(r.seq, "record " + n + ": hash does not match its content (altered)");
          return Status::Ok();
        }
      }
      if (!masked && !r.detail_hash.empty() && Sha256HexOf(r.detail) != r.detail_hash) {
        Fail(r.seq, "record " + n + ": hash does not match its content (altered)");
        return Status::Ok();
      }
      if (masked) {
        if (r.masked_by <= r.seq) {
          Fail(r.seq, "record " + n + ": marked as masked by record " +
                          std::to_string(r.masked_by) + ", which is not after it (altered)");
          return Status::Ok();
        }
        Pending& p = pending_[r.masked_by];
        if (p.count == 0) p.first = r.seq;
        ++p.count;
        AddMaskedRecord(&p.hash, r);
        ++v_.masked;
      }
      if (r.action == "erasure" && r.object == kAuditMaskObject) {
        CheckMasking(r);
        if (!v_.ok) return Status::Ok();
      }
      if (!(first && from_seq_ > 0) && r.prev_hash != prev_hash) {
        if (first && anchor_) {
          Fail(r.seq, "record " + n + ": previous hash is not the hash of pruned record " +
                          std::to_string(anchor_->pruned_through) +
                          " kept by the prune anchor in record " + std::to_string(anchor_->seq) +
                          " (records removed or replaced)");
        } else if (first) {
          Fail(r.seq,
               "record " + n + ": previous hash is not the chain start (inserted or altered)");
        } else {
          Fail(r.seq, "record " + n + ": previous hash is not record " + std::to_string(prev_seq) +
                          "'s hash (reordered or inserted)");
        }
        return Status::Ok();
      }
      if (sqlite3_column_type(s, 12) != SQLITE_NULL) {
        ++v_.signatures;
        const std::string_view sig_at = ColumnText(s, 12), key = ColumnText(s, 13),
                               sig = ColumnText(s, 14);
        if (!expected_key_.empty() && key != expected_key_) {
          Fail(r.seq, "signature of record " + n + " was made with another key (" + Short(key) +
                          ") than the expected one (" + Short(expected_key_) + ")");
          return Status::Ok();
        }
        if (!SignatureVerifies(key, sig, HeadMessage(r.seq, r.hash, sig_at))) {
          Fail(r.seq, "signature of record " + n +
                          " does not verify: " + Range(last_signed + 1, r.seq) +
                          " were altered and re-hashed, or the signature was altered");
          return Status::Ok();
        }
        v_.signed_through = r.seq;
        last_signed = r.seq;
      } else if (first && from_seq_ > 0) {
        return Status::Internal("audit walk from record " + n + ", which is not signed");
      }
      if (first && v_.first_seq == 0) v_.first_seq = r.seq;
      first = false;
      prev_seq = r.seq;
      prev_hash.assign(r.hash);
      v_.last_seq = r.seq;
      ++v_.records;
    }
    if (first && from_seq_ > 0) {
      Fail(from_seq_, "record " + std::to_string(from_seq_) + " is signed but missing (truncated)");
      return Status::Ok();
    }
    if (!pending_.empty()) {
      // Masked records whose erasure record is missing or is no masking record.
      int64_t seq = 0, by = 0;
      for (const auto& [masked_by, p] : pending_) {
        if (seq == 0 || p.first < seq) {
          seq = p.first;
          by = masked_by;
        }
      }
      Fail(seq, "record " + std::to_string(seq) + ": marked as masked by record " +
                    std::to_string(by) + ", which records no such masking (altered)");
    }
    return Status::Ok();
  }

  // A masking erasure record: the records it masked must be, field for
  // field, what its detail vouches for. Masked records already pruned, or
  // before the start of a walk from a signature, cannot be checked here.
  void CheckMasking(const RecordView& e) {
    const std::string n = std::to_string(e.seq);
    std::optional<MaskAttestation> a = ParseMaskAttestation(e.detail);
    if (!a) {
      Fail(e.seq, "record " + n + ": the masking in its detail is unreadable");
      return;
    }
    auto it = pending_.find(e.seq);
    Pending p = it == pending_.end() ? Pending() : it->second;
    if (it != pending_.end()) pending_.erase(it);
    if ((anchor_ && a->from_seq <= anchor_->pruned_through) ||
        (from_seq_ > 0 && a->from_seq < from_seq_)) {
      return;
    }
    char digest[kHashHex + 1];
    p.hash.Finish(digest);
    if (p.count != a->records || a->digest != std::string_view(digest, kHashHex)) {
      Fail(e.seq, "record " + n + ": the masking it records does not match " +
                      Range(a->from_seq, a->to_seq) +
                      " as they stand (a masked record was altered, or its mark removed)");
    }
  }

  // A signature whose record is gone: the tail was cut off (or records
  // before the anchor came back as signatures only).
  Status CheckOrphanSignatures() {
    Result<Stmt> q = impl_.Prepare(
        "SELECT s.seq FROM audit_signatures s "
        "WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.seq = s.seq) ORDER BY s.seq LIMIT 1");
    if (!q.ok()) return q.status();
    Result<bool> row = impl_.Step(*q, "reading the audit signatures");
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    const int64_t s = sqlite3_column_int64(q->get(), 0);
    if (s > v_.last_seq) {
      Fail(v_.last_seq + 1, "record " + std::to_string(s) + " is signed but missing: " +
                                (v_.last_seq == 0 ? std::string("every record was removed")
                                                  : "records after " + std::to_string(v_.last_seq) +
                                                        " were removed") +
                                " (truncated)");
    } else {
      Fail(s, "signature of record " + std::to_string(s) + " refers to a missing record (removed)");
    }
    return Status::Ok();
  }

  // The masked records seen, by the erasure record that masked them.
  struct Pending {
    int64_t count = 0, first = 0;
    CanonicalHash hash;
  };

  Store::Impl& impl_;
  std::string expected_key_;
  int64_t from_seq_ = 0;
  std::optional<Anchor> anchor_;
  std::map<int64_t, Pending> pending_;
  AuditVerification v_;
};

}  // namespace

std::string_view AuditActionName(AuditAction action) {
  const auto i = static_cast<size_t>(action);
  return i < std::size(kActionNames) ? kActionNames[i] : std::string_view("unknown");
}

std::optional<AuditAction> ParseAuditAction(std::string_view name) {
  for (size_t i = 0; i < std::size(kActionNames); ++i) {
    if (kActionNames[i] == name) return static_cast<AuditAction>(i);
  }
  return std::nullopt;
}

std::string AuditActionNames() {
  std::string out;
  for (std::string_view n : kActionNames) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::string AuditRecordHash(const AuditRecord& record) {
  char hash[kHashHex + 1];
  HashRecord(ViewOf(record), hash);
  return std::string(hash, kHashHex);
}

std::string AuditYearsAgo(int years) { return FormatUtc(std::chrono::system_clock::now(), years); }

Result<std::vector<int64_t>> AppendAudit(Store& store, const std::vector<AuditEntry>& entries) {
  for (size_t i = 0; i < entries.size(); ++i) HUDUD_RETURN_IF_ERROR(CheckEntry(entries[i], i));
  if (entries.empty()) return std::vector<int64_t>();
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<std::vector<int64_t>> seqs = AppendLocked(impl, entries);
  if (!seqs.ok()) return seqs.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return seqs;
}

Result<std::vector<AuditRecord>> ReadAudit(Store& store, const AuditFilter& filter) {
  if (filter.limit < 0) return Status::InvalidArgument("limit must not be negative");
  std::optional<std::string> from, to;
  if (!filter.from.empty() && !(from = TimeBound(filter.from))) {
    return Status::InvalidArgument("from '" + filter.from +
                                   "' is not an ISO 8601 date or date-time (2026-03-01T14:05)");
  }
  if (!filter.to.empty() && !(to = TimeBound(filter.to))) {
    return Status::InvalidArgument("to '" + filter.to +
                                   "' is not an ISO 8601 date or date-time (2026-03-01T14:05)");
  }
  // '~' sorts after every character of a time: "to" covers all it names.
  if (to) *to += '~';
  std::string sql = std::string("SELECT ") + kRecordColumns + " FROM audit_log WHERE 1";
  std::vector<std::string> texts;
  // Each condition's '#' becomes the number of its parameter (a condition
  // may use it twice).
  const auto text = [&](std::string_view condition, std::string value) {
    const std::string number = "?" + std::to_string(texts.size() + 1);
    for (char c : condition) {
      if (c == '#') {
        sql += number;
      } else {
        sql += c;
      }
    }
    texts.push_back(std::move(value));
  };
  if (!filter.actor.empty()) text(" AND actor = #", filter.actor);
  if (filter.action) text(" AND action = #", std::string(AuditActionName(*filter.action)));
  if (!filter.object_prefix.empty()) {
    // substr, not LIKE: an object may hold '%' or '_'.
    text(" AND substr(object, 1, length(#)) = #", filter.object_prefix);
  }
  if (!filter.purpose.empty()) text(" AND purpose = #", filter.purpose);
  if (from) text(" AND at >= #", *from);
  if (to) text(" AND at < #", *to);
  if (filter.after_seq > 0) sql += " AND seq > " + std::to_string(filter.after_seq);
  if (filter.before_seq > 0) sql += " AND seq < " + std::to_string(filter.before_seq);
  sql += filter.newest_first ? " ORDER BY seq DESC" : " ORDER BY seq";
  if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(sql);
  if (!q.ok()) return q.status();
  for (size_t i = 0; i < texts.size(); ++i) BindText(*q, static_cast<int>(i + 1), texts[i]);
  std::vector<AuditRecord> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading the audit log");
    if (!row.ok()) return row.status();
    if (!*row) break;
    const RecordView v = ViewRow(q->get());
    std::optional<AuditAction> action = ParseAuditAction(v.action);
    if (!action) {
      return Status::Corruption(impl.path + ": audit record " + std::to_string(v.seq) +
                                ": unknown action '" + std::string(v.action) + "'");
    }
    AuditRecord r;
    r.seq = v.seq;
    r.at = v.at;
    r.actor = v.actor;
    r.role = v.role;
    r.purpose = v.purpose;
    r.action = *action;
    r.object = v.object;
    r.detail = v.detail;
    r.prev_hash = v.prev_hash;
    r.hash = v.hash;
    r.detail_hash = v.detail_hash;
    r.masked_by = v.masked_by;
    out.push_back(std::move(r));
  }
  return out;
}

Result<AuditVerification> VerifyAudit(Store& store, const std::string& public_key_hex) {
  if (!public_key_hex.empty() && !IsLowerHex(public_key_hex, kPublicKeyHex)) {
    return Status::InvalidArgument("public key must be " + std::to_string(kPublicKeyHex) +
                                   " lower-case hex digits");
  }
  Store::Impl& impl = *store.impl();
  // One read transaction: a consistent snapshot while others append.
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/false));
  ChainWalk walk(impl, public_key_hex);
  Result<AuditVerification> v = walk.Run(0);
  if (!v.ok()) return v.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return v;
}

AuditSigningKey AuditSigningKey::Generate() {
  InitSodium();
  AuditSigningKey key;
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_keypair(pk, key.secret_.data());
  char hex[kPublicKeyHex + 1];
  sodium_bin2hex(hex, sizeof hex, pk, sizeof pk);
  key.public_hex_.assign(hex, kPublicKeyHex);
  return key;
}

Result<AuditSigningKey> AuditSigningKey::FromSecretHex(std::string_view hex) {
  InitSodium();
  AuditSigningKey key;
  if (!FromHex(hex, key.secret_.data(), key.secret_.size())) {
    return Status::InvalidArgument("a signing key is " + std::to_string(kSecretKeyHex) +
                                   " hex digits");
  }
  // The secret key is seed then public key; both halves must agree.
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, key.secret_.data());
  const bool agree = sodium_memcmp(sk, key.secret_.data(), sizeof sk) == 0;
  sodium_memzero(sk, sizeof sk);
  if (!agree) {
    return Status::InvalidArgument("the signing key's public half does not match its seed");
  }
  char out[kPublicKeyHex + 1];
  sodium_bin2hex(out, sizeof out, pk, sizeof pk);
  key.public_hex_.assign(out, kPublicKeyHex);
  return key;
}

AuditSigningKey::~AuditSigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

std::string AuditSigningKey::secret_key_hex() const {
  char hex[kSecretKeyHex + 1];
  sodium_bin2hex(hex, sizeof hex, secret_.data(), secret_.size());
  std::string out(hex, kSecretKeyHex);
  sodium_memzero(hex, sizeof hex);
  return out;
}

std::string AuditSigningKey::SignHex(std::string_view message) const {
  InitSodium();
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), secret_.data());
  char hex[kSignatureHex + 1];
  sodium_bin2hex(hex, sizeof hex, sig, sizeof sig);
  return std::string(hex, kSignatureHex);
}

namespace {

std::string Trimmed(std::string s) {
  const size_t end = s.find_last_not_of(" \t\r\n");
  s.erase(end == std::string::npos ? 0 : end + 1);
  s.erase(0, s.find_first_not_of(" \t\r\n") == std::string::npos ? s.size()
                                                                 : s.find_first_not_of(" \t\r\n"));
  return s;
}

Status ErrnoError(const std::string& path, const char* what) {
  return Status::IOError(path + ": " + what + ": " + std::strerror(errno));
}

// Reads the file open at `fd` (closing it); with `private_only`, refuses a
// file that group or others can read.
Result<std::string> ReadKeyFile(int fd, const std::string& path, bool private_only) {
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    Status s = ErrnoError(path, "cannot read the key file");
    close(fd);
    return s;
  }
  if (private_only && (st.st_mode & 077) != 0) {
    close(fd);
    return Status::InvalidArgument(path + ": the signing key is readable by others (chmod 600 " +
                                   path + ")");
  }
  std::string text;
  char buf[512];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status s = ErrnoError(path, "cannot read the key file");
      close(fd);
      return s;
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > 4096) break;  // a key file is one line
  }
  sodium_memzero(buf, sizeof buf);
  close(fd);
  return Trimmed(std::move(text));
}

}  // namespace

Result<AuditSigningKey> LoadOrCreateSigningKey(const std::string& path) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      Result<std::string> text = ReadKeyFile(fd, path, /*private_only=*/true);
      if (!text.ok()) return text.status();
      Result<AuditSigningKey> key = AuditSigningKey::FromSecretHex(*text);
      sodium_memzero(text->data(), text->size());
      if (!key.ok()) return Status::InvalidArgument(path + ": " + key.status().message());
      return key;
    }
    if (errno != ENOENT) return ErrnoError(path, "cannot open the signing key");
    // O_EXCL: when two processes create the key at once, one wins and the
    // other reads its key on the next attempt.
    const int out = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
      if (errno == EEXIST) continue;
      return ErrnoError(path, "cannot create the signing key");
    }
    AuditSigningKey key = AuditSigningKey::Generate();
    std::string text = key.secret_key_hex() + "\n";
    const bool written =
        write(out, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        fsync(out) == 0;
    Status failed = written ? Status::Ok() : ErrnoError(path, "cannot write the signing key");
    sodium_memzero(text.data(), text.size());
    close(out);
    if (!written) {
      unlink(path.c_str());
      return failed;
    }
    return key;
  }
  return Status::IOError(path + ": the signing key file appeared and vanished; try again");
}

Result<std::string> LoadAuditPublicKey(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError(path, "cannot open the key file");
  Result<std::string> text = ReadKeyFile(fd, path, /*private_only=*/false);
  if (!text.ok()) return text.status();
  std::string hex = std::move(*text);
  for (char& c : hex) c = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
  if (IsLowerHex(hex, kPublicKeyHex)) return hex;
  if (hex.size() == kSecretKeyHex) {
    Result<AuditSigningKey> key = AuditSigningKey::FromSecretHex(hex);
    sodium_memzero(hex.data(), hex.size());
    if (!key.ok()) return Status::InvalidArgument(path + ": " + key.status().message());
    return key->public_key_hex();
  }
  return Status::InvalidArgument(path + ": expected a public key (" +
                                 std::to_string(kPublicKeyHex) + " hex digits) or a signing key (" +
                                 std::to_string(kSecretKeyHex) + ")");
}

Result<AuditSignature> SignAuditHead(Store& store, const AuditSigningKey& key) {
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Head> head = ReadHead(impl);
  if (!head.ok()) return head.status();
  if (head->seq == 0) return Status::NotFound("the audit log is empty: nothing to sign");

  Result<Stmt> existing =
      impl.Prepare("SELECT at, public_key, signature FROM audit_signatures WHERE seq = ?");
  if (!existing.ok()) return existing.status();
  sqlite3_bind_int64(existing->get(), 1, head->seq);
  Result<bool> row = impl.Step(*existing, "reading the audit signatures");
  if (!row.ok()) return row.status();
  if (*row) {
    AuditSignature s{head->seq,
                     head->hash,
                     std::string(ColumnText(existing->get(), 0)),
                     std::string(ColumnText(existing->get(), 1)),
                     std::string(ColumnText(existing->get(), 2)),
                     true};
    if (s.public_key != key.public_key_hex()) {
      return Status::InvalidArgument("audit record " + std::to_string(head->seq) +
                                     " is already signed with another key (" + Short(s.public_key) +
                                     "); record the key change in the log, then sign the new head");
    }
    return s;
  }

  // A signature vouches for everything before it: check what was appended
  // since the last one (or everything, the first time) before signing.
  Result<Stmt> last = impl.Prepare("SELECT max(seq) FROM audit_signatures");
  if (!last.ok()) return last.status();
  row = impl.Step(*last, "reading the audit signatures");
  if (!row.ok()) return row.status();
  const int64_t from = sqlite3_column_int64(last->get(), 0);  // NULL reads as 0
  ChainWalk walk(impl, "");
  Result<AuditVerification> v = walk.Run(from);
  if (!v.ok()) return v.status();
  if (!v->ok) {
    return Status::Corruption(impl.path + ": not signing: the audit chain is broken: " +
                              v->problem + " (hudud audit verify)");
  }

  AuditSignature s;
  s.seq = head->seq;
  s.hash = head->hash;
  s.at = UtcNowMillis();
  s.public_key = key.public_key_hex();
  s.signature = key.SignHex(HeadMessage(s.seq, s.hash, s.at));
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO audit_signatures (seq, at, public_key, signature) VALUES (?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  sqlite3_bind_int64(ins->get(), 1, s.seq);
  BindText(*ins, 2, s.at);
  BindText(*ins, 3, s.public_key);
  BindText(*ins, 4, s.signature);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "storing the audit signature"));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return s;
}

Result<std::vector<AuditSignature>> ReadAuditSignatures(Store& store) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT s.seq, COALESCE(a.hash, ''), s.at, s.public_key, s.signature "
      "FROM audit_signatures s LEFT JOIN audit_log a ON a.seq = s.seq ORDER BY s.seq");
  if (!q.ok()) return q.status();
  std::vector<AuditSignature> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading the audit signatures");
    if (!row.ok()) return row.status();
    if (!*row) break;
    sqlite3_stmt* s = q->get();
    out.push_back(AuditSignature{sqlite3_column_int64(s, 0), std::string(ColumnText(s, 1)),
                                 std::string(ColumnText(s, 2)), std::string(ColumnText(s, 3)),
                                 std::string(ColumnText(s, 4)), false});
  }
  return out;
}

Result<AuditPruneResult> PruneAudit(Store& store, const std::string& before_iso,
                                    const std::string& actor, const std::string& role,
                                    const std::string& purpose) {
  if (Blank(actor)) return Status::InvalidArgument("no user given (who prunes the audit log?)");
  const std::string given = before_iso.empty() ? AuditYearsAgo(5) : before_iso;
  std::optional<std::string> before = TimeBound(given);
  if (!before || before->size() < 10) {
    return Status::InvalidArgument("prune cut-off '" + given +
                                   "' is not an ISO 8601 date or date-time (2021-03-01)");
  }
  const std::string now = UtcNowMillis();
  if (*before > now) {
    return Status::InvalidArgument("prune cut-off '" + given + "' is in the future");
  }
  AuditEntry erasure;
  erasure.actor = actor;
  erasure.role = role;
  erasure.purpose = purpose.empty() ? "retention" : purpose;
  erasure.action = AuditAction::kErasure;
  erasure.object = std::string(kAuditLogObject);
  for (const std::string* f : {&erasure.actor, &erasure.role, &erasure.purpose}) {
    if (!lists::IsValidUtf8(*f)) {
      return Status::InvalidArgument("audit prune: user, role and purpose must be valid UTF-8");
    }
  }

  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  // Pruning must not launder tampering: the chain as it stands must verify.
  ChainWalk walk(impl, "");
  Result<AuditVerification> v = walk.Run(0);
  if (!v.ok()) return v.status();
  if (!v->ok) {
    return Status::Corruption(impl.path + ": not pruning: the audit chain is broken: " +
                              v->problem + " (hudud audit verify)");
  }
  AuditPruneResult result;
  result.before = given;
  if (v->records == 0) return result;

  // A prefix only: up to the first record at or after the cut-off.
  Result<Stmt> cut = impl.Prepare("SELECT seq FROM audit_log WHERE at >= ? ORDER BY seq LIMIT 1");
  if (!cut.ok()) return cut.status();
  BindText(*cut, 1, *before);
  Result<bool> row = impl.Step(*cut, "finding the audit prune cut-off");
  if (!row.ok()) return row.status();
  const int64_t through = *row ? sqlite3_column_int64(cut->get(), 0) - 1 : v->last_seq;
  if (through < v->first_seq) return result;  // nothing that old

  Result<Stmt> hash = impl.Prepare("SELECT hash FROM audit_log WHERE seq = ?");
  if (!hash.ok()) return hash.status();
  sqlite3_bind_int64(hash->get(), 1, through);
  row = impl.Step(*hash, "reading the last pruned audit record");
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("audit record " + std::to_string(through) + " vanished");
  const std::string through_hash(ColumnText(hash->get(), 0));
  const int64_t count = through - v->first_seq + 1;  // the chain verified: no gaps

  // The anchor first, so the head survives even when every record goes.
  erasure.detail = AnchorDetail(given, count, through, through_hash);
  Result<std::vector<int64_t>> anchor = AppendLocked(impl, {erasure});
  if (!anchor.ok()) return anchor.status();
  for (const char* sql :
       {"DELETE FROM audit_signatures WHERE seq <= ?", "DELETE FROM audit_log WHERE seq <= ?"}) {
    Result<Stmt> del = impl.Prepare(sql);
    if (!del.ok()) return del.status();
    sqlite3_bind_int64(del->get(), 1, through);
    HUDUD_RETURN_IF_ERROR(impl.Run(*del, "pruning the audit log"));
  }
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  result.pruned = count;
  result.pruned_through_seq = through;
  result.anchor_seq = anchor->front();
  return result;
}

}  // namespace hudud::store

namespace hudud::store {

Result<int64_t> MaskAuditDetails(Store& store, const std::vector<AuditDetailMask>& masks,
                                 const AuditEntry& erasure_in) {
  if (masks.empty()) return Status::InvalidArgument("audit masking: no records to mask");
  std::vector<AuditDetailMask> sorted = masks;
  std::sort(sorted.begin(), sorted.end(),
            [](const AuditDetailMask& a, const AuditDetailMask& b) { return a.seq < b.seq; });
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0 && sorted[i].seq == sorted[i - 1].seq) {
      return Status::InvalidArgument("audit masking: record " + std::to_string(sorted[i].seq) +
                                     " given twice");
    }
    if (!lists::IsValidUtf8(sorted[i].masked_detail)) {
      return Status::InvalidArgument("audit masking: the masked detail of record " +
                                     std::to_string(sorted[i].seq) + " is not valid UTF-8");
    }
  }
  nlohmann::ordered_json detail = nlohmann::ordered_json::object();
  if (!erasure_in.detail.empty()) {
    detail = nlohmann::ordered_json::parse(erasure_in.detail, nullptr, false);
    if (!detail.is_object()) {
      return Status::InvalidArgument("audit masking: the erasure detail must be a JSON object");
    }
  }
  AuditEntry erasure = erasure_in;
  erasure.action = AuditAction::kErasure;
  erasure.object = "(checked)";  // CheckEntry refuses the real object to everyone else
  HUDUD_RETURN_IF_ERROR(CheckEntry(erasure, 0));
  erasure.object = std::string(kAuditMaskObject);

  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Stmt> q =
      impl.Prepare(std::string("SELECT ") + kRecordColumns + " FROM audit_log WHERE seq = ?");
  if (!q.ok()) return q.status();
  CanonicalHash digest;
  for (const AuditDetailMask& m : sorted) {
    sqlite3_bind_int64(q->get(), 1, m.seq);
    Result<bool> row = impl.Step(*q, "reading audit record " + std::to_string(m.seq));
    if (!row.ok()) return row.status();
    if (!*row) {
      return Status::InvalidArgument("audit masking: no audit record " + std::to_string(m.seq));
    }
    RecordView r = ViewRow(q->get());
    if (r.masked_by != 0) {
      return Status::InvalidArgument("audit masking: record " + std::to_string(m.seq) +
                                     " is already masked (by record " +
                                     std::to_string(r.masked_by) + ")");
    }
    if (r.action == "erasure" && (r.object == kAuditLogObject || r.object == kAuditMaskObject)) {
      return Status::InvalidArgument("audit masking: record " + std::to_string(m.seq) +
                                     " is the audit log's own erasure record");
    }
    r.detail = m.masked_detail;
    AddMaskedRecord(&digest, r);
    sqlite3_reset(q->get());
  }
  char hex[kHashHex + 1];
  digest.Finish(hex);
  detail["masked"] = nlohmann::ordered_json{{"records", sorted.size()},
                                            {"from_seq", sorted.front().seq},
                                            {"to_seq", sorted.back().seq},
                                            {"digest", std::string(hex, kHashHex)}};
  erasure.detail = detail.dump();
  Result<std::vector<int64_t>> seq = AppendLocked(impl, {erasure});
  if (!seq.ok()) return seq.status();
  Result<Stmt> upd = impl.Prepare("UPDATE audit_log SET detail = ?, masked_by = ? WHERE seq = ?");
  if (!upd.ok()) return upd.status();
  for (const AuditDetailMask& m : sorted) {
    BindText(*upd, 1, m.masked_detail);
    sqlite3_bind_int64(upd->get(), 2, seq->front());
    sqlite3_bind_int64(upd->get(), 3, m.seq);
    HUDUD_RETURN_IF_ERROR(impl.Run(*upd, "masking audit record " + std::to_string(m.seq)));
  }
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return seq->front();
}

}  // namespace hudud::store
