// `hudud audit ...`: the tamper-evident audit log (store/audit.h). verify
// walks the hash chain and its signatures and says where it breaks (exit
// 1); list shows records with filters; sign signs the chain head with a key
// file; prune removes records past retention behind an anchor, recording
// itself. Reading the log is the auditor's own work and is not recorded,
// except `list --user U`, which records the listing as a consultation by U.
#include "store/audit.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"

namespace hudud::cli {
namespace {

struct Options {
  std::string db;
  bool json = false;
  // verify
  std::string key_file, public_key;
  // list
  std::string actor, action, object, purpose, from, to;
  int64_t after = 0;
  int64_t limit = 100;
  bool oldest_first = false;
  // list, prune
  std::string user;
  // prune
  std::string before;
  std::string why;
};

int Print(const std::string& out) {
  if (!WriteStdout(out)) return Fail(kExitRuntime, "cannot write to stdout");
  return kExitOk;
}

// Store::Open would create an empty database, whose empty log verifies:
// a typo in --db must not read as "valid".
Result<std::unique_ptr<store::Store>> OpenExisting(const Options& o) {
  const std::string path = ResolveDbPath(o.db);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound(fmt::format("database '{}' does not exist", path));
  }
  return store::Store::Open(path);
}

Json RecordJson(const store::AuditRecord& r) {
  return Json{{"seq", r.seq},
              {"at", r.at},
              {"actor", r.actor},
              {"role", r.role},
              {"purpose", r.purpose},
              {"action", std::string(store::AuditActionName(r.action))},
              {"object", r.object},
              {"detail", r.detail},
              {"prev_hash", r.prev_hash},
              {"hash", r.hash},
              {"detail_hash", r.detail_hash},
              {"masked_by", r.masked_by}};
}

std::string RecordText(const store::AuditRecord& r) {
  std::string who = r.actor + (r.role.empty() ? "" : " (" + r.role + ")");
  std::string out = fmt::format("{:>7}  {}  {:<13} {}  by {} for \"{}\"", r.seq, r.at,
                                store::AuditActionName(r.action), r.object, who, r.purpose);
  if (!r.detail.empty()) out += "  " + r.detail;
  return out + "\n";
}

int RunVerify(const Options& o) {
  if (!o.key_file.empty() && !o.public_key.empty()) {
    return Fail(kExitUsage, "give --key or --public-key, not both");
  }
  std::string expected = o.public_key;
  for (char& c : expected) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!o.key_file.empty()) {
    Result<std::string> key = store::LoadAuditPublicKey(o.key_file);
    if (!key.ok()) return FailStatus(key.status());
    expected = *key;
  }
  Result<std::unique_ptr<store::Store>> db = OpenExisting(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<store::AuditVerification> v = store::VerifyAudit(**db, expected);
  if (!v.ok()) return FailStatus(v.status());
  if (o.json) {
    Json j{{"ok", v->ok},
           {"records", v->records},
           {"first_seq", v->first_seq},
           {"last_seq", v->last_seq},
           {"signatures", v->signatures},
           {"signed_through", v->signed_through},
           {"pruned_through", v->pruned_through},
           {"masked", v->masked},
           {"first_bad_seq", v->first_bad_seq},
           {"problem", v->problem},
           {"public_key", expected}};
    const int printed = Print(DumpJson(j) + "\n");
    return printed != kExitOk ? printed : v->ok ? kExitOk : kExitRuntime;
  }
  if (!v->ok) {
    std::string out = "audit chain NOT VERIFIED: " + v->problem + "\n";
    if (v->first_bad_seq != 0) {
      // The problem usually starts "record N: "; say it once.
      const std::string prefix = fmt::format("record {}: ", v->first_bad_seq);
      const std::string_view rest =
          std::string_view(v->problem).substr(v->problem.rfind(prefix, 0) == 0 ? prefix.size() : 0);
      out = fmt::format("audit chain BROKEN at record {}: {}\n", v->first_bad_seq, rest);
    }
    const int printed = Print(out);
    return printed != kExitOk ? printed : kExitRuntime;
  }
  std::string out = fmt::format("audit chain valid: {} record{}, signed through seq {}\n",
                                v->records, v->records == 1 ? "" : "s", v->signed_through);
  if (v->pruned_through > 0) {
    out += fmt::format("  records up to {} were pruned (retention); the rest start at {}\n",
                       v->pruned_through, v->first_seq);
  }
  if (v->masked > 0) {
    out += fmt::format(
        "  {} record{} masked (depersonalised by retention; each vouched for by its erasure "
        "record)\n",
        v->masked, v->masked == 1 ? "" : "s");
  }
  if (v->records > 0 && v->signed_through < v->last_seq) {
    const int64_t first_unsigned = std::max(v->signed_through + 1, v->first_seq);
    out += fmt::format(
        "  {}, after the last signature, could be removed undetected (hudud audit sign --key "
        "FILE)\n",
        first_unsigned == v->last_seq
            ? fmt::format("record {}", v->last_seq)
            : fmt::format("records {} to {}", first_unsigned, v->last_seq));
  }
  if (expected.empty() && v->signatures > 0) {
    out +=
        "  signatures checked against the keys stored with them; pass --key or --public-key "
        "to check the key too\n";
  }
  return Print(out);
}

int RunList(const Options& o) {
  if (o.limit < 0) return Fail(kExitUsage, "--limit must not be negative");
  store::AuditFilter f;
  f.actor = o.actor;
  if (!o.action.empty()) {
    f.action = store::ParseAuditAction(o.action);
    if (!f.action) {
      return Fail(kExitUsage, fmt::format("unknown action '{}' (expected one of: {})", o.action,
                                          store::AuditActionNames()));
    }
  }
  f.object_prefix = o.object;
  f.purpose = o.purpose;
  f.from = o.from;
  f.to = o.to;
  f.after_seq = o.after;
  f.limit = o.limit;
  f.newest_first = !o.oldest_first;
  Result<std::unique_ptr<store::Store>> db = OpenExisting(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<std::vector<store::AuditRecord>> records = store::ReadAudit(**db, f);
  if (!records.ok()) return FailStatus(records.status());

  if (!o.user.empty()) {
    // Recorded before anything is shown: when the record cannot be
    // written, nothing is shown.
    Json filters = Json::object();
    for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"actor", &o.actor},
                                      {"action", &o.action},
                                      {"object", &o.object},
                                      {"purpose", &o.purpose},
                                      {"from", &o.from},
                                      {"to", &o.to}}) {
      if (!value->empty()) filters[name] = *value;
    }
    if (o.after > 0) filters["after"] = o.after;
    store::AuditEntry e;
    e.actor = o.user;
    e.purpose = o.why.empty() ? "audit" : o.why;
    e.action = store::AuditAction::kConsultation;
    e.object = std::string(store::kAuditLogObject);
    e.detail = DumpJson(Json{{"filters", std::move(filters)}, {"records", records->size()}});
    Result<std::vector<int64_t>> seq = store::AppendAudit(**db, {e});
    if (!seq.ok()) return FailStatus(seq.status(), "recording the consultation");
  }

  if (o.json) {
    Json arr = Json::array();
    for (const store::AuditRecord& r : *records) arr.push_back(RecordJson(r));
    return Print(DumpJson(arr) + "\n");
  }
  if (records->empty()) return Print("No audit records match.\n");
  std::string out;
  for (const store::AuditRecord& r : *records) out += RecordText(r);
  if (o.limit > 0 && static_cast<int64_t>(records->size()) == o.limit) {
    out += fmt::format("({} shown; --limit N or --limit 0 for more)\n", o.limit);
  }
  return Print(out);
}

Json SignatureJson(const store::AuditSignature& s, bool key_created) {
  return Json{{"seq", s.seq},
              {"hash", s.hash},
              {"at", s.at},
              {"public_key", s.public_key},
              {"signature", s.signature},
              {"already_signed", s.already_signed},
              {"key_created", key_created}};
}

// Signs the head with the key at `key_file` (created when absent); the
// message lines are appended to `text`.
Result<store::AuditSignature> Sign(store::Store& db, const std::string& key_file, bool* created,
                                   std::string* text) {
  std::error_code ec;
  *created = !std::filesystem::exists(key_file, ec);
  Result<store::AuditSigningKey> key = store::LoadOrCreateSigningKey(key_file);
  if (!key.ok()) return key.status();
  if (*created) {
    *text += fmt::format("created signing key {}; public key {} (give it to the auditors)\n",
                         key_file, key->public_key_hex());
  }
  Result<store::AuditSignature> s = store::SignAuditHead(db, *key);
  if (!s.ok()) return s.status();
  *text +=
      s->already_signed
          ? fmt::format("audit record {} was already signed with this key ({})\n", s->seq, s->at)
          : fmt::format("signed audit record {} (hash {}) with key {}\n", s->seq,
                        s->hash.substr(0, 16), s->public_key);
  return s;
}

int RunSign(const Options& o) {
  Result<std::unique_ptr<store::Store>> db = OpenExisting(o);
  if (!db.ok()) return FailStatus(db.status());
  bool created = false;
  std::string text;
  Result<store::AuditSignature> s = Sign(**db, o.key_file, &created, &text);
  if (!s.ok()) return FailStatus(s.status());
  if (o.json) return Print(DumpJson(SignatureJson(*s, created)) + "\n");
  return Print(text);
}

int RunPrune(const Options& o) {
  Result<std::string> user = ResolveUser(o.user);
  if (!user.ok()) return Fail(kExitUsage, user.status().message());
  Result<std::unique_ptr<store::Store>> db = OpenExisting(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<store::AuditPruneResult> r = store::PruneAudit(**db, o.before, *user, "", o.why);
  if (!r.ok()) return FailStatus(r.status());
  std::string text =
      r->pruned == 0
          ? fmt::format("no audit records before {}; nothing pruned\n", r->before)
          : fmt::format(
                "pruned {} audit records appended before {} (through record {}); record {} "
                "anchors the rest\n",
                r->pruned, r->before, r->pruned_through_seq, r->anchor_seq);
  Json j{{"pruned", r->pruned},
         {"before", r->before},
         {"pruned_through_seq", r->pruned_through_seq},
         {"anchor_seq", r->anchor_seq}};
  if (!o.key_file.empty() && r->pruned > 0) {
    bool created = false;
    Result<store::AuditSignature> s = Sign(**db, o.key_file, &created, &text);
    if (!s.ok()) return FailStatus(s.status(), "pruned, but signing the new head failed");
    j["signature"] = SignatureJson(*s, created);
  }
  if (o.json) return Print(DumpJson(j) + "\n");
  return Print(text);
}

}  // namespace

CommandRunner AddAuditCommand(CLI::App& audit) {
  auto o = std::make_shared<Options>();
  audit.require_subcommand(1);
  CLI::App* verify = audit.add_subcommand(
      "verify", "Check the hash chain and its signatures; exit 1 and say where when broken");
  verify->add_option("--key", o->key_file,
                     "The expected key: a public key file (or the signing key file)");
  verify->add_option("--public-key", o->public_key, "The expected public key, as 64 hex digits");
  CLI::App* list = audit.add_subcommand("list", "Show audit records, newest first");
  list->add_option("--actor", o->actor, "Only this user's records");
  list->add_option("--action", o->action, "Only this action (" + store::AuditActionNames() + ")");
  list->add_option("--object", o->object, "Only objects starting with this (subject:, list:un)");
  list->add_option("--purpose", o->purpose, "Only records with this purpose");
  list->add_option("--from", o->from, "From this UTC date or date-time (inclusive)");
  list->add_option("--to", o->to, "To this UTC date or date-time (inclusive)");
  list->add_option("--after", o->after, "Only records after this seq");
  list->add_option("--limit", o->limit, "At most N records (default 100; 0 = all)");
  list->add_flag("--oldest-first", o->oldest_first, "Oldest first");
  list->add_option("--user", o->user, "Record this listing as a consultation by USER");
  CLI::App* sign = audit.add_subcommand(
      "sign", "Sign the chain head (the key file is created, mode 600, when absent)");
  sign->add_option("--key", o->key_file, "The signing key file")->required();
  CLI::App* prune = audit.add_subcommand(
      "prune", "Remove audit records past retention (default: older than 5 years)");
  prune->add_option("--before", o->before, "Cut-off: UTC date or date-time (default: 5 years ago)");
  prune->add_option("--user", o->user, "The acting user (default: $HUDUD_USER)");
  prune->add_option("--key", o->key_file, "Sign the new head with this key file afterwards");
  for (CLI::App* a : {list, prune}) {
    a->add_option("--why", o->why,
                  a == list ? "The purpose recorded with --user (default: audit)"
                            : "The purpose recorded (default: retention)");
  }
  for (CLI::App* a : {verify, list, sign, prune}) {
    a->add_flag("--json", o->json, "JSON instead of text");
    a->add_option("--db", o->db, "Database (default: $HUDUD_DB or ./hudud.db)");
  }
  return [=]() {
    if (*verify) return RunVerify(*o);
    if (*list) return RunList(*o);
    if (*sign) return RunSign(*o);
    if (*prune) return RunPrune(*o);
    return Fail(kExitUsage, "no audit command");
  };
}

}  // namespace hudud::cli
