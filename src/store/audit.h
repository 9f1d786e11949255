// The tamper-evident audit log: an append-only record of who collected,
// consulted, changed, disclosed, combined, unmasked or erased what, when,
// in which role and for what purpose, each record chained to the one before
// by a SHA-256 hash, the chain head signed from time to time (ed25519), and
// a verifier that says where the chain was altered, cut or reordered.
//
// The chain. Records are numbered 1, 2, ... (seq, never reused). Each
// record's hash is the lower-case hex SHA-256 of its canonical encoding:
// for each of the strings
//   "hudud.audit.v2", seq (decimal), at, actor, role, purpose, action,
//   object, detail_hash, prev_hash
// its byte length as 8 bytes big-endian followed by its UTF-8 bytes, where
// detail_hash is the lower-case hex SHA-256 of the detail as appended (kept
// in its own column); the verifier also checks that hash against the detail
// while the detail is not masked. Records appended before schema 7 (v1,
// detail_hash "") keep their formula: "hudud.audit.v1", ... object,
// detail, prev_hash. The first record's prev_hash is 64 '0's; every other
// record's prev_hash is the hash of the record before it.
// AuditRecordHash() computes it, so an auditor can re-implement the check
// without hudud.
//
// Masking. Retention depersonalises the personal details of old records
// (MaskAuditDetails): the detail is replaced, the record's masked_by names
// the erasure record (object kAuditMaskObject) appended in the same
// transaction, and that record's detail vouches for what was masked:
//   {"masked":{"records":N,"from_seq":A,"to_seq":B,"digest":D}, ...}
// where D is the SHA-256, fed as above, of every masked record in seq
// order as it stands after masking (seq, at, actor, role, purpose, action,
// object, masked detail, detail_hash, prev_hash, hash). A masked v2 record
// still checks against its own hash (which never covered the detail
// itself); a masked v1 record's hash can no longer be recomputed and is
// vouched for by its erasure record alone. So altering a masked record, or
// removing its mark, breaks the erasure record's digest; the hashes
// themselves never change, and signatures made before the masking still
// verify. The original details are sealed elsewhere (vault.h), never here.
//
// What the chain shows. Changing any field of a record (its seq included)
// breaks its own hash ("altered"); deleting one breaks the numbering
// ("removed"); moving or inserting one whose own hash was recomputed breaks
// the next record's prev_hash ("reordered or inserted"). The hash has no
// key: someone who can write the database can recompute every later hash
// and produce a consistent chain, and can cut records off the end. That is
// what the signatures are for.
//
// Signatures. SignAuditHead signs, with ed25519, the canonical encoding (as
// above) of "hudud.audit.head.v1", the head's seq, its hash and the time of
// signing, and stores the signature with the public key beside it
// (audit_signatures). VerifyAudit checks every signature; rewriting or
// re-hashing records up to a signed one makes that signature fail, and a
// signature whose record is gone shows the log was truncated. Records after
// the last signature can be truncated undetected: sign often (the service
// signs periodically) and compare `signed_through` with the last value you
// saw. Without an expected public key the stored keys are trusted, and
// someone with write access could re-sign with a key of their own: pass the
// key you know (VerifyAudit's `public_key_hex`, `hudud audit verify --key`).
//
// Retention. Audit records are kept 5 years by default, apart from the data
// they describe: erasing a subject or a manifest does not erase the audit
// records about it, and pruning the audit log is separate from data
// retention. PruneAudit removes the oldest records (a prefix of the chain)
// and, in the same transaction, appends an erasure record on object
// "audit_log" whose detail is the prune anchor:
//   {"before":CUTOFF,"records":N,"pruned_through_seq":K,"pruned_through_hash":H}
// so the first remaining record (seq K+1) must have prev_hash H. VerifyAudit
// accepts a chain that starts after the latest anchor; the anchor is itself
// a chained record, so altering it is detected like any other change. An
// anchor after the last signature is only as trustworthy as any unsigned
// record: sign the head after pruning (`hudud audit prune --key`).
//
// Concurrency. Appends take the write lock first (BEGIN IMMEDIATE) and read
// the head inside the transaction, so several connections (threads or
// processes) appending at once produce one chain. Verification and reading
// run in one read transaction and see a consistent snapshot while appends go
// on. As for every Store, one Store object per thread.
//
// Errors: InvalidArgument naming the problem for the caller's input,
// NotFound for an empty log to sign, IOError for database and file failures.
// A broken chain is not an error: VerifyAudit returns ok = false.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

// What was done to the data. The first seven are the accountability
// categories of the service; the last two record the access layer's own
// events.
enum class AuditAction {
  kCollection,    // data taken in: a list, a manifest, subjects
  kConsultation,  // data looked at: a search, a screening, a listing
  kChange,        // data or configuration changed: a rule, a designation, a user
  kDisclosure,    // data given to someone outside: an export, a partner response
  kCombination,   // data sets joined: co-travellers, a re-screen against lists
  kUnmasking,     // masked data shown in clear
  kErasure,       // data deleted: retention, a court order, an audit prune
  kSignIn,        // a user signed in (or a token was used for the first time)
  kAccessDenied,  // a request refused by the access rules
};

// "collection", "consultation", "change", "disclosure", "combination",
// "unmasking", "erasure", "sign-in", "access-denied".
std::string_view AuditActionName(AuditAction action);
// The action named `name` (as above); nullopt for anything else.
std::optional<AuditAction> ParseAuditAction(std::string_view name);
// The names above joined by ", ", for messages.
std::string AuditActionNames();

// The object of PruneAudit's erasure records (the prune anchors). AppendAudit
// refuses an erasure on this object: only PruneAudit writes anchors.
inline constexpr std::string_view kAuditLogObject = "audit_log";
// The object of MaskAuditDetails' erasure records; refused by AppendAudit
// likewise.
inline constexpr std::string_view kAuditMaskObject = "audit_log:details";

// One record as the caller gives it. actor, purpose and object are required;
// every field must be valid UTF-8.
struct AuditEntry {
  std::string actor;    // the user name, or the service for its own work
  std::string role;     // the actor's role when acting ("analyst", "auditor"); may be empty
  std::string purpose;  // why: "border check", "case 2026/311", "retention"
  AuditAction action = AuditAction::kConsultation;
  std::string object;  // what: "manifest:12", "subject:c1", "list:un", "query"
  std::string detail;  // free text, by convention a JSON object; may be empty
};

// A stored record.
struct AuditRecord : AuditEntry {
  int64_t seq = 0;
  std::string at;           // when appended, UTC "YYYY-MM-DDTHH:MM:SS.mmmZ", never decreasing
  std::string prev_hash;    // 64 hex digits
  std::string hash;         // 64 hex digits
  std::string detail_hash;  // v2: SHA-256 of the detail as appended (64 hex); "" for v1
  int64_t masked_by = 0;    // the erasure record that masked the detail; 0 = not masked
};

// The hash `record` should have (the canonical encoding above), from its
// seq, at, actor, role, purpose, action, object, prev_hash and detail_hash
// (v2) or detail (v1, detail_hash "").
std::string AuditRecordHash(const AuditRecord& record);

// Appends `entries` in order as one transaction (group commit: the service
// batches the records of many requests) and returns their seqs. Every entry
// is checked before anything is written; InvalidArgument names the entry
// (0-based) and the field. Call outside any transaction or inside a write
// transaction of this Store.
Result<std::vector<int64_t>> AppendAudit(Store& store, const std::vector<AuditEntry>& entries);

// Which records ReadAudit returns. Empty strings and zeros do not filter.
struct AuditFilter {
  std::string actor;                  // exact
  std::optional<AuditAction> action;  // exact
  std::string object_prefix;          // "subject:" = every subject, "subject:c1" also "subject:c10"
  std::string purpose;                // exact
  // ISO 8601 dates or date-times in UTC ("2026-03-01", "2026-03-01T14:05");
  // both inclusive: to = "2026-03-01" includes all of that day.
  std::string from, to;
  int64_t after_seq = 0;   // only records with seq > after_seq
  int64_t before_seq = 0;  // only records with seq < before_seq
  int64_t limit = 0;       // at most this many; 0 = all
  bool newest_first = true;
};

// The records matching `filter`, newest (highest seq) first unless
// filter.newest_first is false. InvalidArgument for a malformed from/to or a
// negative limit; Corruption for a stored action this version does not know.
Result<std::vector<AuditRecord>> ReadAudit(Store& store, const AuditFilter& filter);

// What VerifyAudit found.
struct AuditVerification {
  bool ok = true;
  int64_t records = 0;         // records checked (all of them when ok)
  int64_t first_seq = 0;       // the first record kept (1, or after a prune anchor)
  int64_t last_seq = 0;        // the head
  int64_t first_bad_seq = 0;   // where the chain breaks (a missing seq when records were removed)
  std::string problem;         // "record 17: hash does not match its content (altered)"
  int64_t signatures = 0;      // signatures checked
  int64_t signed_through = 0;  // the highest seq whose signature verified; 0 = none
  int64_t pruned_through = 0;  // records up to this seq were pruned (the anchor); 0 = none
  int64_t masked = 0;          // records checked whose detail is masked (depersonalised)
};

// Walks the whole chain in seq order, in constant memory, and checks every
// record's hash (and, unless masked, its detail against detail_hash), its
// link to the record before, the numbering, the prune anchor, every masking
// erasure record against the records it masked, and every signature (ed25519, against the public
// key stored with it). When `public_key_hex` is given (64 hex digits; InvalidArgument otherwise)
// every signature must also be made with that key, and a non-empty log must have at least one.
// Stops at the first problem. An empty log with no signatures is valid.
Result<AuditVerification> VerifyAudit(Store& store, const std::string& public_key_hex = "");

// An ed25519 key pair for signing the chain head. The secret key is wiped
// from memory when the object is destroyed.
class AuditSigningKey {
 public:
  // A fresh random key pair.
  static AuditSigningKey Generate();
  // From libsodium's 64-byte secret key (seed then public key) as 128 hex
  // digits; InvalidArgument when malformed or when the public half does not
  // belong to the seed.
  static Result<AuditSigningKey> FromSecretHex(std::string_view hex);

  AuditSigningKey(const AuditSigningKey& other) = default;
  AuditSigningKey& operator=(const AuditSigningKey& other) = default;
  ~AuditSigningKey();

  const std::string& public_key_hex() const { return public_hex_; }
  std::string secret_key_hex() const;
  // The detached ed25519 signature of `message`, as 128 hex digits.
  std::string SignHex(std::string_view message) const;

 private:
  AuditSigningKey() = default;
  std::array<unsigned char, 64> secret_{};
  std::string public_hex_;
};

// Reads the signing key kept at `path` (its secret key as 128 hex digits and
// a newline), or creates one there, readable by its owner only (0600), when
// no file exists. InvalidArgument when the file is malformed or readable by
// group or others (chmod 600 it); IOError when it cannot be read or written.
Result<AuditSigningKey> LoadOrCreateSigningKey(const std::string& path);

// The public key, as 64 hex digits, from a file holding either a public key
// (64 hex digits) or a signing key (128): what an auditor verifies with.
Result<std::string> LoadAuditPublicKey(const std::string& path);

struct AuditSignature {
  int64_t seq = 0;              // the record signed: the head when signing
  std::string hash;             // its hash
  std::string at;               // when signed
  std::string public_key;       // 64 hex digits
  std::string signature;        // 128 hex digits
  bool already_signed = false;  // the head had been signed with this key before; nothing written
};

// Signs the current head of the chain with `key` and stores the signature,
// after checking the records appended since the last signature (all of them
// the first time): Corruption, and nothing signed, when they do not verify.
// When the head is already signed with this key, returns that signature
// (already_signed); when it is signed with another key, InvalidArgument (a
// key rotation should itself be recorded in the log first, giving a new head
// to sign). NotFound when the log is empty.
Result<AuditSignature> SignAuditHead(Store& store, const AuditSigningKey& key);

// The signatures stored, oldest first.
Result<std::vector<AuditSignature>> ReadAuditSignatures(Store& store);

struct AuditPruneResult {
  int64_t pruned = 0;              // records removed; 0 = nothing was older (nothing written)
  std::string before;              // the cut-off used
  int64_t pruned_through_seq = 0;  // the last record removed
  int64_t anchor_seq = 0;          // the erasure record carrying the anchor
};

// Removes the records appended before `before_iso` (an ISO 8601 date or
// date-time; "" = five years ago) and their signatures, and appends the
// erasure record that anchors the rest (see above), made by `actor` in
// `role` for `purpose` ("" = "retention"). Only a prefix of the chain is
// removed: it stops at the first record at or after the cut-off. The
// anchor itself is never pruned, so the log always keeps its head. The
// whole chain is verified first, under the write lock, and a broken chain is
// not pruned (Corruption): pruning would hide the tampering.
// InvalidArgument for no actor, a malformed cut-off or one in the future.
Result<AuditPruneResult> PruneAudit(Store& store, const std::string& before_iso,
                                    const std::string& actor, const std::string& role = "",
                                    const std::string& purpose = "");

// Now minus `years` years, UTC, as "YYYY-MM-DDTHH:MM:SS.mmmZ" (29 February
// becomes 28 February). The default prune cut-off is AuditYearsAgo(5).
std::string AuditYearsAgo(int years);

// One record's detail to mask.
struct AuditDetailMask {
  int64_t seq = 0;
  std::string masked_detail;  // what replaces the detail (valid UTF-8)
};

// Masks the details of `masks` (distinct seqs, any order) and appends the
// erasure record that vouches for them (see "Masking" above), made by
// `erasure.actor`/role/purpose on object kAuditMaskObject (erasure.action
// and object are set here); its detail is erasure.detail (a JSON object, or
// empty) with the "masked" attestation added. Returns the erasure record's
// seq. Refused (InvalidArgument, nothing written) for no masks, a record that
// does not exist, is already masked, or is itself an erasure of the audit
// log (prune anchors and masking records stay readable). Call outside any
// transaction or inside a write transaction of this Store: the masking, the
// sealing of the originals the caller does, and the erasure record commit
// together.
Result<int64_t> MaskAuditDetails(Store& store, const std::vector<AuditDetailMask>& masks,
                                 const AuditEntry& erasure);

}  // namespace hudud::store
