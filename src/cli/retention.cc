// `hudud retention run|status`: depersonalise traveller and booking data
// past its depersonalisation period, delete it past its deletion period and
// prune the audit records past theirs (store/retention.h), sealing the
// originals with the vault key (store/vault.h); or say what is due and what
// the last runs did.
#include "store/retention.h"

#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "api/retention_json.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "store/vault.h"

namespace hudud::cli {
namespace {

struct Options {
  std::string db;
  std::string vault_key;
  std::string depersonalise_after = "6m";
  std::string delete_after = "5y";
  std::string audit_keep = "5y";
  std::string now;
  int batch_size = 200;
  std::string actor;
  bool json = false;
};

int Print(const std::string& out) {
  if (!WriteStdout(out)) return Fail(kExitRuntime, "cannot write to stdout");
  return kExitOk;
}

// A typo in --db must not create an empty database (and a vault key beside it).
Result<std::unique_ptr<store::Store>> OpenExisting(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound(fmt::format("database '{}' does not exist", path));
  }
  return store::Store::Open(path);
}

Result<store::RetentionOptions> Policy(const Options& o) {
  store::RetentionOptions r;
  Result<store::RetentionPeriod> dep = store::ParseRetentionPeriod(o.depersonalise_after);
  if (!dep.ok()) return Status::InvalidArgument("--depersonalise-after: " + dep.status().message());
  Result<store::RetentionPeriod> del = store::ParseRetentionPeriod(o.delete_after);
  if (!del.ok()) return Status::InvalidArgument("--delete-after: " + del.status().message());
  Result<store::RetentionPeriod> audit = store::ParseRetentionPeriod(o.audit_keep);
  if (!audit.ok()) return Status::InvalidArgument("--audit-keep: " + audit.status().message());
  r.depersonalise_after = *dep;
  r.delete_after = *del;
  r.audit_keep = *audit;
  r.now = o.now;
  r.batch_size = o.batch_size;
  r.trigger = "cli";
  if (!o.actor.empty()) {
    r.actor = o.actor;
  } else if (Result<std::string> user = ResolveUser(""); user.ok()) {
    r.actor = *user;
  }
  return r;
}

std::string CountsLine(const char* store, const store::RetentionCounts& c) {
  std::string line =
      fmt::format("  {:<10} depersonalised {}, deleted {}", store, c.depersonalised, c.deleted);
  if (c.unreadable > 0) {
    line += fmt::format(" ({} unreadable as EDIFACT: emptied, the original sealed)", c.unreadable);
  }
  return line + "\n";
}

int RunRun(const Options& o) {
  Result<store::RetentionOptions> policy = Policy(o);
  if (!policy.ok()) return FailStatus(policy.status());
  const std::string path = ResolveDbPath(o.db);
  Result<std::unique_ptr<store::Store>> db = OpenExisting(path);
  if (!db.ok()) return FailStatus(db.status());
  const std::string key = o.vault_key.empty() ? store::DefaultVaultKeyPath(path) : o.vault_key;
  // The key is read (or made) only when the run has something to seal.
  std::string key_id;
  store::Store& store = **db;
  const store::VaultSource vault = [&]() -> Result<store::Vault> {
    Result<store::Vault> v = store::LoadOrCreateVault(store, key);
    if (v.ok() && v->created()) {
      Warn(
          fmt::format("created the vault key {} (mode 600): keep it apart from the database "
                      "and back it up; without it the sealed originals cannot be unmasked",
                      key));
    }
    if (v.ok()) key_id = v->key_id();
    return v;
  };
  Result<store::RetentionReport> r = store::RunRetention(store, vault, *policy);
  if (!r.ok()) return FailStatus(r.status());
  if (o.json) {
    Json j = api::RetentionReportJson(*r);
    j["vault_key"] = key;
    j["vault_key_id"] = key_id;
    return Print(DumpJson(j) + "\n");
  }
  std::string out = fmt::format(
      "retention run {}: depersonalised what was received before {} ({} ago), deleted what was "
      "received before {} ({} ago)\n",
      r->run_id, r->depersonalise_before, r->depersonalise_after, r->delete_before,
      r->delete_after);
  out += CountsLine("manifests", r->manifests);
  out += CountsLine("alerts", r->alerts);
  out += fmt::format(
      "  {:<10} depersonalised {} detail{} (of {} record{} looked at), deleted {} sealed "
      "detail{}\n",
      "audit", r->audit.depersonalised, r->audit.depersonalised == 1 ? "" : "s", r->audit_scanned,
      r->audit_scanned == 1 ? "" : "s", r->audit.deleted, r->audit.deleted == 1 ? "" : "s");
  out +=
      fmt::format("  {:<10} pruned {} record{} appended before {} (kept {})\n", "", r->audit_pruned,
                  r->audit_pruned == 1 ? "" : "s", r->audit_before, r->audit_keep);
  if (r->runs_pruned > 0) {
    out += fmt::format("  {} older run{} dropped from the run history\n", r->runs_pruned,
                       r->runs_pruned == 1 ? "" : "s");
  }
  if (!key_id.empty())
    out += fmt::format("  originals sealed with vault key {} ({})\n", key_id, key);
  out += fmt::format("  {} batch{} in {:.2f} s\n", r->batches, r->batches == 1 ? "" : "es",
                     r->seconds);
  return Print(out);
}

int RunStatus(const Options& o) {
  Result<store::RetentionOptions> policy = Policy(o);
  if (!policy.ok()) return FailStatus(policy.status());
  Result<std::unique_ptr<store::Store>> db = OpenExisting(ResolveDbPath(o.db));
  if (!db.ok()) return FailStatus(db.status());
  Result<store::RetentionStatus> s = store::ReadRetentionStatus(**db, *policy);
  if (!s.ok()) return FailStatus(s.status());
  if (o.json) return Print(DumpJson(api::RetentionStatusJson(*s)) + "\n");
  std::string out = fmt::format(
      "due now ({}): {} manifest{} and {} alert{} to depersonalise (received before {}), {} "
      "manifest{} and {} alert{} to delete (before {}), {} audit record{} to look at, {} to "
      "prune (before {})\n",
      s->now, s->manifests_to_depersonalise, s->manifests_to_depersonalise == 1 ? "" : "s",
      s->alerts_to_depersonalise, s->alerts_to_depersonalise == 1 ? "" : "s",
      s->depersonalise_before, s->manifests_to_delete, s->manifests_to_delete == 1 ? "" : "s",
      s->alerts_to_delete, s->alerts_to_delete == 1 ? "" : "s", s->delete_before, s->audit_to_scan,
      s->audit_to_scan == 1 ? "" : "s", s->audit_to_prune, s->audit_before);
  out += fmt::format(
      "done: {} manifests and {} alerts depersonalised, {} audit details masked, {} originals "
      "sealed\n",
      s->manifests_depersonalised, s->alerts_depersonalised, s->audit_masked, s->sealed);
  if (s->runs.empty()) out += "no retention run yet (hudud retention run)\n";
  for (const store::RetentionRun& r : s->runs) {
    out += fmt::format("run {} [{}] {} by {} ({}), started {}{}{}\n", r.id, r.state, r.trigger,
                       r.actor, r.now, r.started_at,
                       r.finished_at.empty() ? "" : ", finished " + r.finished_at,
                       r.error.empty() ? "" : ": " + r.error);
  }
  return Print(out);
}

}  // namespace

CommandRunner AddRetentionCommand(CLI::App& retention) {
  auto o = std::make_shared<Options>();
  retention.require_subcommand(1);
  CLI::App* run = retention.add_subcommand(
      "run", "Depersonalise traveller data past its period and delete what is past deletion");
  run->add_option("--vault-key", o->vault_key,
                  "The vault key file sealing the originals (default: <db>.vault-key, created "
                  "mode 600 when absent)");
  run->add_option("--batch-size", o->batch_size, "Objects per transaction (default 200)");
  run->add_option("--actor", o->actor,
                  "Who the erasure records name (default: $HUDUD_USER, else hudud-retention)");
  CLI::App* status = retention.add_subcommand(
      "status", "What is due for depersonalisation and deletion, and the last runs");
  for (CLI::App* a : {run, status}) {
    a->add_option("--depersonalise-after", o->depersonalise_after,
                  "Depersonalise after this period: 6m, 180d, 1y6m (default 6m)");
    a->add_option("--delete-after", o->delete_after, "Delete after this period (default 5y)");
    a->add_option("--audit-keep", o->audit_keep,
                  "Prune audit records older than this, apart from the data they describe "
                  "(default 5y)");
    a->add_option("--now", o->now,
                  "Count the periods back from this UTC date (YYYY-MM-DD), not today: for tests");
    a->add_flag("--json", o->json, "JSON instead of text");
    a->add_option("--db", o->db, "Database (default: $HUDUD_DB or ./hudud.db)");
  }
  return [=]() {
    if (*run) return RunRun(*o);
    if (*status) return RunStatus(*o);
    return Fail(kExitUsage, "no retention command");
  };
}

}  // namespace hudud::cli
