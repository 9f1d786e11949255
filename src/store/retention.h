// Retention of traveller and booking data: depersonalised after a period
// (default 6 months), deleted after a longer one (default 5 years).
//
// What is traveller and booking data here, and what happens to it:
//  - kept passenger messages (table manifests): the raw PAXLST/PNRGOV bytes
//    are masked in place (travel/message_mask.h: names, contacts, payment,
//    documents, free text) so the message still parses and rules can still
//    be tested on it; counted from received_at;
//  - alerts raised on travellers (source screening, booth or manifest): the
//    subject as screened (subject_json), the name screened (subject_name),
//    the summary with its names, the traveller's side of the kept match
//    explanation (query name, query tokens and their Latin forms, evidence
//    values but dob, nationality and gender, its summary; the listed side
//    and the scores kept), the justification and every event's detail, and
//    what was shared of them with partners, are masked; a subject_id that
//    is not an opaque "traveller:<hash>" key becomes "depersonalised:<alert
//    id>"; counted from raised_at. Alerts on held subjects (monitoring) are
//    not traveller data and are left alone;
//  - the personal query details in the audit trail: the details of the
//    records on the objects in AuditObjectsToMask() (screenings, the booth,
//    /match, manifests, cases, alerts on travellers, network readings, queue
//    readings, whose query may search a name) lose every string value but
//    those of non-identifying keys (hits, decision, flight, nationality,
//    date of birth, ...); masked through audit.h's MaskAuditDetails so the
//    chain still verifies; counted from the record's time.
// Depersonalising seals the original first (vault.h), in the same
// transaction, so it can be unmasked under four eyes (unmask.h) until the
// deletion period; deletion removes the manifest and alert rows (with the
// alert's events, shares and remembered false positive) and the sealed
// originals (of audit details too: the masked audit record itself stays
// until the audit retention period ends) for good.
//
// Audit records are kept for their own period (default 5 years), apart from
// the data they describe: a run prunes the records older than that through
// audit.h's PruneAudit (a prefix of the chain, replaced by a chained anchor
// so the rest still verifies; a broken chain is not pruned, since that would
// hide the tampering: the run does the rest and ends 'failed' naming the
// break). The cut-off is never later than the run's start on the clock (to
// the millisecond), whatever `now` says, so a run only prunes records that
// exist, never its own (so with `now` ahead of the clock each run prunes
// the records of the runs before it). The sealed originals of pruned
// records go in the same run.
//
// A run works in batches, each one transaction that also appends its
// 'erasure' audit record (object "retention:manifests", "retention:alerts",
// "retention:audit"; masked audit details are vouched for by the
// kAuditMaskObject record MaskAuditDetails appends): killed at any point,
// the database holds whole batches only, and the next run picks up what is
// left. Running twice does nothing the second time. Runs are recorded in
// retention_runs (with a heartbeat; a 'running' run whose heartbeat is
// older than ten minutes is marked 'interrupted' by the next run; one asked
// to stop between batches ends 'stopped', one that hit an error 'failed'),
// the latest RetentionOptions::keep_runs of them: each run deletes the rows
// of older runs when it starts (what each batch did stays in its erasure
// record in the audit log, for the audit period).
//
// Errors: InvalidArgument for bad options (a period that does not parse,
// depersonalisation after deletion, a malformed --now, keep_runs out of
// range) and for a vault key that is not the one the sealed originals were
// sealed with, or missing while originals are sealed (the deletions, which need no key, are done
// first; the run is recorded 'failed'); IOError for the database. A
// message that cannot be read as EDIFACT at all is not an error: its whole
// raw content is sealed and replaced by nothing (counted as `unreadable`).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"
#include "store/vault.h"

namespace hudud::store {

// A retention period in calendar units: "6m", "180d", "5y", "1y6m", "2w".
struct RetentionPeriod {
  int years = 0, months = 0, days = 0;
  // "5y", "6m", "180d", "1y6m" (units y, m, w, d in that order).
  std::string ToString() const;
};

// Parses a period; InvalidArgument naming the accepted forms otherwise. A
// period of zero is refused.
Result<RetentionPeriod> ParseRetentionPeriod(std::string_view text);

// `now` (ISO 8601 date or date-time, UTC) minus `period`, as
// "YYYY-MM-DDTHH:MM:SS" (the end of a month clamps: 31 August minus 6
// months is 28/29 February). InvalidArgument for a malformed `now`.
Result<std::string> RetentionCutoff(std::string_view now, const RetentionPeriod& period);

struct RetentionOptions {
  RetentionPeriod depersonalise_after{0, 6, 0};
  RetentionPeriod delete_after{5, 0, 0};
  // Audit records older than this are pruned (counted from `now`, but never
  // past the clock: see above).
  RetentionPeriod audit_keep{5, 0, 0};
  // The runs kept in retention_runs, this one included (1..1000000).
  int keep_runs = 1000;
  // The time the periods are counted back from: "" = now; else "YYYY-MM-DD"
  // (midnight UTC) or a date-time. For tests and for catching up.
  std::string now;
  int batch_size = 200;                   // objects per transaction (1..10000)
  std::string actor = "hudud-retention";  // who the erasure records name
  std::string role;                       // the actor's role, when a user
  std::string trigger = "cli";            // cli, schedule, api
};

// What one store went through.
struct RetentionCounts {
  int64_t depersonalised = 0;
  int64_t deleted = 0;
  int64_t unreadable = 0;  // manifests that could not be read as EDIFACT: emptied
};

struct RetentionReport {
  int64_t run_id = 0;
  std::string now, depersonalise_before, delete_before;
  std::string depersonalise_after, delete_after;  // the periods, as given
  std::string audit_keep;                         // the audit period, as given
  std::string audit_before;  // audit records before this are pruned (clamped to the clock)
  RetentionCounts manifests, alerts, audit;  // audit.deleted: sealed audit details deleted
  int64_t audit_pruned = 0;                  // audit records pruned (the anchor not counted)
  int64_t runs_pruned = 0;                   // rows of older runs deleted from retention_runs
  int64_t batches = 0;
  int64_t audit_scanned = 0;  // audit records looked at
  bool complete = true;       // false when stopped before the end (should_stop)
  double seconds = 0;
};

// Called between batches; true stops the run (the report says complete =
// false); the batches done stay done.
using RetentionStop = std::function<bool()>;

// The report as a JSON object (the CLI's --json, the API, retention_runs).
std::string RetentionReportJson(const RetentionReport& report);

// Where a run gets the vault key: called at most once, when the run first
// needs it (an original to seal, or sealed originals to check the key
// against), so a run with nothing to seal makes no key file
// (LoadOrCreateVault in vault.h is the usual source).
using VaultSource = std::function<Result<Vault>()>;

// Deletes what is past `delete_after`, prunes the audit records past
// `audit_keep`, then depersonalises what is past `depersonalise_after`,
// sealing originals with the vault.
Result<RetentionReport> RunRetention(Store& store, const VaultSource& vault,
                                     const RetentionOptions& options,
                                     const RetentionStop& should_stop = nullptr);
Result<RetentionReport> RunRetention(Store& store, const Vault& vault,
                                     const RetentionOptions& options,
                                     const RetentionStop& should_stop = nullptr);

// The audit objects whose details are personal query details: exact names
// and prefixes (those ending in ':').
const std::vector<std::string>& AuditObjectsToMask();

// A JSON text with every string value masked ("[masked]") except under the
// non-identifying keys (hits, entity_id, list_id, decision, flight,
// travellers, nationality, gender, dob, type, score, ...) and those naming
// staff (actor, assignee, approved_by, ...: the accountability); numbers,
// booleans and structure kept. Text that is not JSON is masked whole. Used for alert
// subjects, shares and audit details.
std::string MaskJsonText(std::string_view text);

// The masking marker that replaces a masked string.
inline constexpr std::string_view kMasked = "[masked]";

struct RetentionRun {
  int64_t id = 0;
  std::string trigger, actor, started_at, heartbeat_at, finished_at, state, now;
  std::string depersonalise_before, delete_before;
  std::string report;  // JSON
  std::string error;
};

// What is due now under `options` (nothing is changed), and the last runs.
struct RetentionStatus {
  std::string now, depersonalise_before, delete_before;
  std::string audit_before;  // as a run now would prune (clamped to the clock)
  int64_t manifests_to_depersonalise = 0, manifests_to_delete = 0;
  int64_t alerts_to_depersonalise = 0, alerts_to_delete = 0;
  int64_t audit_to_scan = 0;   // audit records old enough not yet looked at
  int64_t audit_to_prune = 0;  // audit records past the audit period
  int64_t manifests_depersonalised = 0, alerts_depersonalised = 0, audit_masked = 0;
  int64_t sealed = 0;              // sealed originals kept
  std::vector<RetentionRun> runs;  // the latest first
};

Result<RetentionStatus> ReadRetentionStatus(Store& store, const RetentionOptions& options,
                                            int runs = 10);

// Records a run that failed before or outside RunRetention (the scheduler
// in the server, when the vault key cannot be read): state 'failed'; the
// rows of runs beyond options.keep_runs are deleted with it.
Status RecordFailedRetentionRun(Store& store, const RetentionOptions& options,
                                const std::string& error);

}  // namespace hudud::store
