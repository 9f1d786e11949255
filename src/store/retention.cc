// Depersonalisation and deletion on schedule (store/retention.h).
#include "store/retention.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/audit.h"
#include "store/db.h"
#include "travel/message_mask.h"

namespace hudud::store {
namespace {

using Json = nlohmann::ordered_json;

// Alerts raised on travellers, as opposed to held subjects.
constexpr const char* kTravellerSources = "('screening', 'booth', 'manifest')";

// Keys whose values identify no one: kept when a JSON detail is masked. A
// date of birth is kept as in the masked messages (the rule field `age`).
const std::set<std::string, std::less<>>& KeptKeys() {
  // Staff (approved_by, assignee, ...) are kept: they are the accountability.
  static constexpr std::string_view kList =
      "action actor alert approved_by arrival assignee birth_date carrier case_ref code count "
      "decided_by decision departure destination dob doc_country entity_id entity_ids "
      "expires_at expiry flight format gender hits issuing_country kind limit list list_id "
      "manifest nationality origin outcome problem records reference refer request requested "
      "requested_by role score sha256 source status threshold travellers trigger type "
      "version_id";
  static const std::set<std::string, std::less<>> kKeys = [] {
    std::set<std::string, std::less<>> keys;
    for (size_t start = 0; start < kList.size();) {
      const size_t end = std::min(kList.find(' ', start), kList.size());
      keys.emplace(kList.substr(start, end - start));
      start = end + 1;
    }
    return keys;
  }();
  return kKeys;
}

void MaskJson(Json& j) {
  if (j.is_string()) {
    if (!j.get_ref<const std::string&>().empty()) j = std::string(kMasked);
  } else if (j.is_array()) {
    for (Json& e : j) MaskJson(e);
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!KeptKeys().count(it.key())) MaskJson(it.value());
    }
  }
}

std::string Masked(std::string_view text) {
  return text.empty() ? std::string() : std::string(kMasked);
}

// An alert's kept match explanation (match/explanation_json.h's shape) with
// the traveller's parts masked: the query name, every query token and its
// Latin form, the query's side of the evidence (but for the fields kept in
// the masked subject too: dob, nationality, gender) and the summary, which
// quotes the tokens. The listed side, the scores and the structure are
// kept. Text that is not a JSON object is masked whole.
std::string MaskExplanationText(std::string_view text) {
  if (text.empty()) return std::string();
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::string(kMasked);
  auto mask = [](Json& object, const char* key) {
    if (object.is_object() && object.contains(key)) MaskJson(object[key]);
  };
  mask(j, "query_name");
  mask(j, "summary");
  if (j.contains("tokens") && j["tokens"].is_array()) {
    for (Json& t : j["tokens"]) {
      mask(t, "query_token");
      mask(t, "query_latin");
    }
  }
  if (j.contains("evidence") && j["evidence"].is_array()) {
    for (Json& e : j["evidence"]) {
      const bool kept = e.is_object() && e.contains("field") && e["field"].is_string() &&
                        KeptKeys().count(e["field"].get_ref<const std::string&>()) > 0;
      if (!kept) mask(e, "query_value");
    }
  }
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// ---------------------------------------------------------------------------
// Time.

struct CivilTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

std::optional<CivilTime> ParseTime(std::string_view s) {
  auto digits = [&](size_t at, size_t n) -> std::optional<int> {
    if (at + n > s.size()) return std::nullopt;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  if (!s.empty() && s.back() == 'Z') s.remove_suffix(1);
  if (s.size() > 19 && s[19] == '.') s = s.substr(0, 19);
  if (s.size() != 10 && s.size() != 16 && s.size() != 19) return std::nullopt;
  if (s[4] != '-' || s[7] != '-') return std::nullopt;
  CivilTime t;
  auto y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2);
  if (!y || !mo || !d) return std::nullopt;
  t.year = *y;
  t.month = *mo;
  t.day = *d;
  if (s.size() >= 16) {
    if (s[10] != 'T' || s[13] != ':') return std::nullopt;
    auto h = digits(11, 2), mi = digits(14, 2);
    if (!h || !mi || *h > 23 || *mi > 59) return std::nullopt;
    t.hour = *h;
    t.minute = *mi;
  }
  if (s.size() == 19) {
    if (s[16] != ':') return std::nullopt;
    auto sec = digits(17, 2);
    if (!sec || *sec > 59) return std::nullopt;
    t.second = *sec;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(t.year),
                                        std::chrono::month(static_cast<unsigned>(t.month)),
                                        std::chrono::day(static_cast<unsigned>(t.day))};
  if (!ymd.ok() || t.year < 1970) return std::nullopt;
  return t;
}

std::string FormatTime(const CivilTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return buf;
}

CivilTime NowUtc(std::chrono::seconds back = std::chrono::seconds(0)) {
  const std::time_t now = std::time(nullptr) - back.count();
  std::tm tm{};
  gmtime_r(&now, &tm);
  return CivilTime{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
}

Result<std::string> ResolveNow(std::string_view now) {
  if (now.empty()) return FormatTime(NowUtc());
  std::optional<CivilTime> t = ParseTime(now);
  if (!t) {
    return Status::InvalidArgument("--now '" + std::string(now) +
                                   "' is not a date (YYYY-MM-DD) or date-time "
                                   "(YYYY-MM-DDTHH:MM:SS) in UTC");
  }
  return FormatTime(*t);
}

}  // namespace

std::string RetentionPeriod::ToString() const {
  std::string out;
  if (years) out += std::to_string(years) + "y";
  if (months) out += std::to_string(months) + "m";
  if (days) out += std::to_string(days) + "d";
  return out.empty() ? "0d" : out;
}

Result<RetentionPeriod> ParseRetentionPeriod(std::string_view text) {
  const std::string shown(text);
  auto bad = [&] {
    return Status::InvalidArgument("retention period '" + shown +
                                   "' is not a count and a unit: 5y, 6m, 180d, 2w or 1y6m "
                                   "(y years, m months, w weeks, d days)");
  };
  RetentionPeriod p;
  if (text.empty()) return bad();
  const std::string_view order = "ymwd";
  size_t last_unit = 0;
  bool any = false;
  size_t i = 0;
  while (i < text.size()) {
    int64_t n = 0;
    size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      n = n * 10 + (text[i] - '0');
      ++i;
      if (++digits > 5) return bad();
    }
    if (digits == 0 || i >= text.size()) return bad();
    const char unit = static_cast<char>(text[i] | 0x20);
    const size_t rank = order.find(unit);
    if (rank == std::string_view::npos || (any && rank <= last_unit)) return bad();
    last_unit = rank;
    any = true;
    ++i;
    switch (unit) {
      case 'y':
        p.years = static_cast<int>(n);
        break;
      case 'm':
        p.months = static_cast<int>(n);
        break;
      case 'w':
        p.days += static_cast<int>(7 * n);
        break;
      default:
        p.days += static_cast<int>(n);
    }
  }
  if (p.years == 0 && p.months == 0 && p.days == 0) {
    return Status::InvalidArgument("retention period '" + shown + "' is zero");
  }
  if (p.years > 200 || p.days > 200 * 366) return bad();
  return p;
}

Result<std::string> RetentionCutoff(std::string_view now, const RetentionPeriod& period) {
  Result<std::string> resolved = ResolveNow(now);
  if (!resolved.ok()) return resolved.status();
  CivilTime t = *ParseTime(*resolved);
  using namespace std::chrono;
  int months = t.year * 12 + (t.month - 1) - period.years * 12 - period.months;
  const int year = months / 12;
  const unsigned month = static_cast<unsigned>(months % 12 + 1);
  const year_month_day_last last{std::chrono::year(year),
                                 month_day_last(std::chrono::month(month))};
  const unsigned day = std::min(static_cast<unsigned>(t.day), unsigned(last.day()));
  sys_days d = sys_days(year_month_day{std::chrono::year(year), std::chrono::month(month),
                                       std::chrono::day(day)}) -
               std::chrono::days(period.days);
  const year_month_day ymd(d);
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(unsigned(ymd.month()));
  t.day = static_cast<int>(unsigned(ymd.day()));
  return FormatTime(t);
}

const std::vector<std::string>& AuditObjectsToMask() {
  static const std::vector<std::string> kObjects = {
      "screening", "mrz", "match:", "manifest:", "alert:", "case:", "network", "alerts"};
  return kObjects;
}

std::string MaskJsonText(std::string_view text) {
  if (text.empty()) return std::string();
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::string(kMasked);
  MaskJson(j);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

namespace {

bool IsAuditObjectToMask(std::string_view object) {
  for (const std::string& o : AuditObjectsToMask()) {
    if (o.back() == ':' ? object.substr(0, o.size()) == o : object == o) return true;
  }
  return false;
}

std::string CountsJsonText(const RetentionCounts& c) {
  return Json{
      {"depersonalised", c.depersonalised}, {"deleted", c.deleted}, {"unreadable", c.unreadable}}
      .dump();
}

Json CountsJson(const RetentionCounts& c) { return Json::parse(CountsJsonText(c)); }

Json ReportJson(const RetentionReport& r) {
  return Json{{"run", r.run_id},
              {"now", r.now},
              {"depersonalise_after", r.depersonalise_after},
              {"delete_after", r.delete_after},
              {"depersonalise_before", r.depersonalise_before},
              {"delete_before", r.delete_before},
              {"manifests", CountsJson(r.manifests)},
              {"alerts", CountsJson(r.alerts)},
              {"audit_keep", r.audit_keep},
              {"audit_before", r.audit_before},
              {"audit",
               {{"depersonalised", r.audit.depersonalised},
                {"deleted", r.audit.deleted},
                {"scanned", r.audit_scanned},
                {"pruned", r.audit_pruned}}},
              {"runs_pruned", r.runs_pruned},
              {"batches", r.batches},
              {"complete", r.complete},
              {"seconds", r.seconds}};
}

// Where the audit records end that a run at `now` prunes: `now` minus the
// audit period, but never later than the clock, to the millisecond as the
// records' times are (the records a run may prune exist already; its own
// erasure records come after).
Result<std::string> AuditCutoff(const std::string& now, const RetentionPeriod& keep) {
  Result<std::string> cut = RetentionCutoff(now, keep);
  if (!cut.ok()) return cut.status();
  return std::min(*cut, AuditYearsAgo(0));
}

Status CheckKeepRuns(int keep) {
  if (keep < 1 || keep > 1000000) {
    return Status::InvalidArgument("the runs to keep must be 1 to 1000000, got " +
                                   std::to_string(keep));
  }
  return Status::Ok();
}

// Deletes the rows of the runs before the latest `keep` (the run `latest`
// counted); returns how many.
Result<int64_t> PruneRuns(Store::Impl& impl, int64_t latest, int keep) {
  Result<Stmt> del = impl.Prepare("DELETE FROM retention_runs WHERE id <= ?");
  if (!del.ok()) return del.status();
  sqlite3_bind_int64(del->get(), 1, latest - keep);
  HUDUD_RETURN_IF_ERROR(impl.Run(*del, "pruning the retention run history"));
  return static_cast<int64_t>(sqlite3_changes(impl.db));
}

// One run: the batches, each in its own transaction.
class Runner {
 public:
  Runner(Store& store, const VaultSource& vault, const RetentionOptions& o)
      : store_(store), impl_(*store.impl()), source_(vault), o_(o) {}

  Result<RetentionReport> Run(const RetentionStop& should_stop) {
    const auto started = std::chrono::steady_clock::now();
    HUDUD_RETURN_IF_ERROR(Prepare());
    Status st = Batches(should_stop);
    r_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    HUDUD_RETURN_IF_ERROR(Finish(st));
    if (!st.ok()) return st;
    return r_;
  }

 private:
  Status Prepare() {
    if (o_.batch_size < 1 || o_.batch_size > 10000) {
      return Status::InvalidArgument("batch size must be 1 to 10000, got " +
                                     std::to_string(o_.batch_size));
    }
    if (Blank(o_.actor)) return Status::InvalidArgument("no actor for the retention run");
    HUDUD_RETURN_IF_ERROR(CheckKeepRuns(o_.keep_runs));
    Result<std::string> now = ResolveNow(o_.now);
    if (!now.ok()) return now.status();
    Result<std::string> dep = RetentionCutoff(*now, o_.depersonalise_after);
    if (!dep.ok()) return dep.status();
    Result<std::string> del = RetentionCutoff(*now, o_.delete_after);
    if (!del.ok()) return del.status();
    if (*dep < *del) {
      return Status::InvalidArgument("depersonalisation after " +
                                     o_.depersonalise_after.ToString() +
                                     " comes after deletion after " + o_.delete_after.ToString() +
                                     ": depersonalise sooner than delete");
    }
    r_.now = *now;
    r_.depersonalise_before = *dep;
    r_.delete_before = *del;
    r_.depersonalise_after = o_.depersonalise_after.ToString();
    r_.delete_after = o_.delete_after.ToString();
    Result<std::string> audit = AuditCutoff(*now, o_.audit_keep);
    if (!audit.ok()) return audit.status();
    r_.audit_keep = o_.audit_keep.ToString();
    r_.audit_before = *audit;

    // What is masked or deleted is overwritten in the file, not only
    // unlinked from the b-tree (the pages are checkpointed out of the WAL
    // at the end of the run).
    HUDUD_RETURN_IF_ERROR(impl_.Exec("PRAGMA secure_delete = ON"));

    Transaction tx(&impl_);
    HUDUD_RETURN_IF_ERROR(tx.Begin(true));
    const std::string stale = FormatTime(NowUtc(std::chrono::minutes(10)));
    const std::string at = UtcNowIso8601();
    Result<Stmt> mark = impl_.Prepare(
        "UPDATE retention_runs SET state = 'interrupted', finished_at = ?1 "
        "WHERE state = 'running' AND heartbeat_at < ?2");
    if (!mark.ok()) return mark.status();
    BindText(*mark, 1, at);
    BindText(*mark, 2, stale);
    HUDUD_RETURN_IF_ERROR(impl_.Run(*mark, "marking interrupted retention runs"));
    Result<Stmt> ins = impl_.Prepare(
        "INSERT INTO retention_runs (trigger, actor, started_at, heartbeat_at, state, now, "
        "depersonalise_before, delete_before) VALUES (?, ?, ?, ?, 'running', ?, ?, ?)");
    if (!ins.ok()) return ins.status();
    BindText(*ins, 1, o_.trigger);
    BindText(*ins, 2, o_.actor);
    BindText(*ins, 3, at);
    BindText(*ins, 4, at);
    BindText(*ins, 5, r_.now);
    BindText(*ins, 6, r_.depersonalise_before);
    BindText(*ins, 7, r_.delete_before);
    HUDUD_RETURN_IF_ERROR(impl_.Run(*ins, "recording the retention run"));
    r_.run_id = sqlite3_last_insert_rowid(impl_.db);
    // A bounded history: the scheduled runs would add a row an hour forever.
    Result<int64_t> pruned = PruneRuns(impl_, r_.run_id, o_.keep_runs);
    if (!pruned.ok()) return pruned.status();
    r_.runs_pruned = *pruned;
    return tx.Commit();
  }

  // A key other than the one in use would seal new originals that the
  // old ones' key cannot open, and could open none of the old.
  Status CheckVaultKey() {
    Result<bool> any = Exists("SELECT 1 FROM sealed_originals LIMIT 1");
    if (!any.ok()) return any.status();
    if (!*any) return Status::Ok();
    Result<const Vault*> vault = TheVault();
    if (!vault.ok()) return vault.status();
    Result<SealedCount> sealed = CountSealed(store_, **vault);
    if (!sealed.ok()) return sealed.status();
    if (sealed->other_key > 0) {
      return Status::InvalidArgument(
          std::to_string(sealed->other_key) + " sealed original(s) were sealed with vault key " +
          sealed->other_key_id + ", and the key given is " + (*vault)->key_id() +
          ": give the vault key file in use (--vault-key); a new key would make them "
          "unreadable");
    }
    return Status::Ok();
  }

  Result<bool> CheckKeyStep() {
    HUDUD_RETURN_IF_ERROR(CheckVaultKey());
    return false;
  }

  // The vault, fetched from the source the first time it is needed.
  Result<const Vault*> TheVault() {
    if (!vault_) {
      if (!source_) return Status::Internal("retention run without a vault");
      Result<Vault> v = source_();
      if (!v.ok()) return v.status();
      vault_ = std::make_unique<Vault>(std::move(*v));
    }
    return vault_.get();
  }

  Status Seal(const std::string& object, std::string_view original) {
    Result<const Vault*> vault = TheVault();
    if (!vault.ok()) return vault.status();
    return (*vault)->Seal(store_, object, original);
  }

  Result<bool> Exists(const char* sql) {
    Result<Stmt> q = impl_.Prepare(sql);
    if (!q.ok()) return q.status();
    return impl_.Step(*q, "reading the sealed originals");
  }

  Status Finish(const Status& outcome) {
    const char* state = !outcome.ok() ? "failed" : r_.complete ? "complete" : "stopped";
    Result<Stmt> upd = impl_.Prepare(
        "UPDATE retention_runs SET state = ?, finished_at = ?, heartbeat_at = ?, report = ?, "
        "error = ? WHERE id = ?");
    if (!upd.ok()) return upd.status();
    const std::string at = UtcNowIso8601();
    const std::string report = ReportJson(r_).dump();
    BindText(*upd, 1, state);
    BindText(*upd, 2, at);
    BindText(*upd, 3, at);
    BindText(*upd, 4, report);
    BindText(*upd, 5, outcome.message());
    sqlite3_bind_int64(upd->get(), 6, r_.run_id);
    HUDUD_RETURN_IF_ERROR(impl_.Run(*upd, "recording the end of the retention run"));
    if (r_.batches > 0) {
      // Best effort: copies the overwritten pages into the database file and
      // empties the WAL, which still holds the old page images. Busy
      // readers make it a partial checkpoint; the next run tries again.
      sqlite3_wal_checkpoint_v2(impl_.db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    }
    return Status::Ok();
  }

  // Every kind of batch in turn, each until nothing is left. Deletion needs
  // no key, so a lost or wrong vault key stops only the depersonalisation.
  Status Batches(const RetentionStop& should_stop) {
    using Step = Result<bool> (Runner::*)();
    const Step steps[] = {&Runner::DeleteManifests,     &Runner::DeleteAlerts,
                          &Runner::PruneAuditLog,       &Runner::DeleteAuditOriginals,
                          &Runner::CheckKeyStep,        &Runner::DepersonaliseManifests,
                          &Runner::DepersonaliseAlerts, &Runner::DepersonaliseAudit};
    for (Step step : steps) {
      for (;;) {
        if (should_stop && should_stop()) {
          r_.complete = false;
          return deferred_;
        }
        Result<bool> more = (this->*step)();
        if (!more.ok()) return more.status();
        if (!*more) break;
      }
    }
    return deferred_;
  }

  // In the batch's transaction: its erasure record and the run's heartbeat.
  Status Record(const std::string& object, Json detail) {
    detail["run"] = r_.run_id;
    AuditEntry e;
    e.actor = o_.actor;
    e.role = o_.role;
    e.purpose = "retention";
    e.action = AuditAction::kErasure;
    e.object = object;
    e.detail = detail.dump();
    Result<std::vector<int64_t>> seq = AppendAudit(store_, {e});
    if (!seq.ok()) return seq.status();
    return Heartbeat();
  }

  Status Heartbeat() {
    ++r_.batches;
    Result<Stmt> upd =
        impl_.Prepare("UPDATE retention_runs SET heartbeat_at = ?, report = ? WHERE id = ?");
    if (!upd.ok()) return upd.status();
    const std::string at = UtcNowIso8601();
    const std::string report = ReportJson(r_).dump();
    BindText(*upd, 1, at);
    BindText(*upd, 2, report);
    sqlite3_bind_int64(upd->get(), 3, r_.run_id);
    return impl_.Run(*upd, "recording retention progress");
  }

  Result<std::vector<int64_t>> Ids(const std::string& sql, const std::string& cutoff) {
    Result<Stmt> q = impl_.Prepare(sql);
    if (!q.ok()) return q.status();
    BindText(*q, 1, cutoff);
    sqlite3_bind_int(q->get(), 2, o_.batch_size);
    std::vector<int64_t> ids;
    for (;;) {
      Result<bool> row = impl_.Step(*q, "finding data past its retention period");
      if (!row.ok()) return row.status();
      if (!*row) break;
      ids.push_back(sqlite3_column_int64(q->get(), 0));
    }
    return ids;
  }

  Status RunWithId(const char* sql, int64_t id, const std::string& what) {
    Result<Stmt> s = impl_.Prepare(sql);
    if (!s.ok()) return s.status();
    sqlite3_bind_int64(s->get(), 1, id);
    return impl_.Run(*s, what);
  }

  // --- deletion -------------------------------------------------------------

  Result<bool> DeleteManifests() {
    Transaction tx(&impl_);
    HUDUD_RETURN_IF_ERROR(tx.Begin(true));
    Result<std::vector<int64_t>> ids = Ids(
        "SELECT id FROM manifests WHERE received_at < ?1 ORDER BY id LIMIT ?2", r_.delete_before);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) return false;
    for (int64_t id : *ids) {
      HUDUD_RETURN_IF_ERROR(RunWithId("DELETE FROM manifests WHERE id = ?", id,
                                      "deleting manifest " + std::to_string(id)));
      HUDUD_RETURN_IF_ERROR(DeleteSealed(store_, "manifest:" + std::to_string(id)));
    }
    r_.manifests.deleted += static_cast<int64_t>(ids->size());
    HUDUD_RETURN_IF_ERROR(
        Record("retention:manifests", Json{{"deleted", *ids}, {"before", r_.delete_before}}));
    HUDUD_RETURN_IF_ERROR(tx.Commit());
    return ids->size() == static_cast<size_t>(o_.batch_size);
  }

  Result<bool> DeleteAlerts() {
    Transaction tx(&impl_);
    HUDUD_RETURN_IF_ERROR(tx.Begin(true));
    Result<std::vector<int64_t>> ids =
        Ids(std::string("SELECT id FROM alerts WHERE raised_at < ?1 AND source IN ") +
                kTravellerSources + " ORDER BY id LIMIT ?2",
            r_.delete_before);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) return false;
    for (int64_t id : *ids) {
      const std::string what = "deleting alert " + std::to_string(id);
      for (const char* sql :
           {"DELETE FROM alert_events WHERE alert_id = ?", "DELETE FROM shares WHERE alert_id = ?",
            "DELETE FROM false_positives WHERE alert_id = ?", "DELETE FROM alerts WHERE id = ?"}) {
        HUDUD_RETURN_IF_ERROR(RunWithId(sql, id, what));
      }
      HUDUD_RETURN_IF_ERROR(DeleteSealed(store_, "alert:" + std::to_string(id)));
    }
    r_.alerts.deleted += static_cast<int64_t>(ids->size());
    HUDUD_RETURN_IF_ERROR(
        Record("retention:alerts", Json{{"deleted", *ids}, {"before", r_.delete_before}}));
    HUDUD_RETURN_IF_ERROR(tx.Commit());
    return ids->size() == static_cast<size_t>(o_.batch_size);
  }

  // The audit records past the audit period: a prefix of the chain, cut in
  // one transaction by PruneAudit (which verifies the chain first and
  // appends the anchor, an erasure record on "audit_log"). A broken chain
  // is not pruned; the rest of the run goes on, and the run fails at the end
  // naming the break.
  Result<bool> PruneAuditLog() {
    Result<Stmt> q = impl_.Prepare("SELECT at FROM audit_log ORDER BY seq LIMIT 1");
    if (!q.ok()) return q.status();
    Result<bool> row = impl_.Step(*q, "reading the oldest audit record");
    if (!row.ok()) return row.status();
    if (!*row || std::string(ColumnText(q->get(), 0)) >= r_.audit_before) return false;
    sqlite3_reset(q->get());
    Result<AuditPruneResult> p =
        PruneAudit(store_, r_.audit_before, o_.actor, o_.role, "retention");
    if (!p.ok()) {
      if (p.status().code() != Status::Code::kCorruption) return p.status();
      deferred_ = p.status();
      return false;
    }
    if (p->pruned == 0) return false;
    r_.audit_pruned += p->pruned;
    HUDUD_RETURN_IF_ERROR(Heartbeat());
    return false;
  }

  // The sealed original details of audit records past the deletion period
  // (or pruned already); the masked records stay until the audit period ends.
  Result<bool> DeleteAuditOriginals() {
    Transaction tx(&impl_);
    HUDUD_RETURN_IF_ERROR(tx.Begin(true));
    Result<Stmt> q = impl_.Prepare(
        "SELECT s.object FROM sealed_originals s "
        "LEFT JOIN audit_log a ON a.seq = CAST(substr(s.object, 7) AS INTEGER) "
        "WHERE s.object >= 'audit:' AND s.object < 'audit;' AND (a.seq IS NULL OR a.at < ?1) "
        "LIMIT ?2");
    if (!q.ok()) return q.status();
    BindText(*q, 1, r_.delete_before);
    sqlite3_bind_int(q->get(), 2, o_.batch_size);
    std::vector<std::string> objects;
    for (;;) {
      Result<bool> row = impl_.Step(*q, "finding sealed audit details past retention");
      if (!row.ok()) return row.status();
      if (!*row) break;
      objects.emplace_back(ColumnText(q->get(), 0));
    }
    sqlite3_reset(q->get());
    if (objects.empty()) return false;
    for (const std::string& o : objects) HUDUD_RETURN_IF_ERROR(DeleteSealed(store_, o));
    r_.audit.deleted += static_cast<int64_t>(objects.size());
    HUDUD_RETURN_IF_ERROR(Record(
        "retention:audit", Json{{"deleted_originals", objects}, {"before", r_.delete_before}}));
    HUDUD_RETURN_IF_ERROR(tx.Commit());
    return objects.size() == static_cast<size_t>(o_.batch_size);
  }

  // --- depersonalisation ----------------------------------------------------

  Result<bool> DepersonaliseManifests() {
    Transaction tx(&impl_);
    HUDUD_RETURN_IF_ERROR(tx.Begin(true));
    Result<Stmt> q = impl_.Prepare(
        "SELECT id, raw FROM manifests WHERE depersonalised_at = '' AND received_at < ?1 "
        "ORDER BY id LIMIT ?2");
    if (!q.ok()) return q.status();
    BindText(*q, 1, r_.depersonalise_before);
    sqlite3_bind_int(q->get(), 2, o_.batch_size);
    // Read first, then write: the update changes the index the query walks.
    std::vector<std::pair<int64_t, std::string>> rows;
    for (;;) {
      Result<bool> row = impl_.Step(*q, "reading manifests to depersonalise");
      if (!row.ok()) return row.status();
      if (!*row) break;
      const void* blob = sqlite3_column_blob(q->get(), 1);
      rows.emplace_back(sqlite3_column_int64(q->get(), 0),
                        blob == nullptr
                            ? std::string()
                            : std::string(static_cast<const char*>(blob),
                                          static_cast<size_t>(sqlite3_column_bytes(q->get(), 1))));
    }
    Result<Stmt> upd =
        impl_.Prepare("UPDATE manifests SET raw = ?, depersonalised_at = ? WHERE id = ?");
    if (!upd.ok()) return upd.status();
    const std::string at = UtcNowIso8601();
    std::vector<int64_t> ids, unreadable;
    for (const auto& [id, raw] : rows) {
      Result<travel::MaskedMessage> masked = travel::MaskPassengerMessage(raw);
      // Unreadable as EDIFACT: all of it is treated as personal data.
      const std::string replacement = masked.ok() ? masked->bytes : std::string();
      if (!masked.ok()) unreadable.push_back(id);
      HUDUD_RETURN_IF_ERROR(Seal("manifest:" + std::to_string(id), raw));
      sqlite3_bind_blob64(upd->get(), 1, replacement.data(), replacement.size(), SQLITE_TRANSIENT);
      BindText(*upd, 2, at);
      sqlite3_bind_int64(upd->get(), 3, id);
      HUDUD_RETURN_IF_ERROR(impl_.Run(*upd, "depersonalising manifest " + std::to_string(id)));
      ids.push_back(id);
    }
    if (ids.empty()) return false;
    r_.manifests.depersonalised += static_cast<int64_t>(ids.size());
    r_.manifests.unreadable += static_cast<int64_t>(unreadable.size());
    Json detail{{"depersonalised", ids}, {"before", r_.depersonalise_before}};
    if (!unreadable.empty()) detail["unreadable"] = unreadable;
    HUDUD_RETURN_IF_ERROR(Record("retention:manifests", std::move(detail)));
    HUDUD_RETURN_IF_ERROR(tx.Commit());
    return ids.size() == static_cast<size_t>(o_.batch_size);
  }

  Result<bool> DepersonaliseAlerts() {
    Transaction tx(&impl_);
    HUDUD_RETURN_IF_ERROR(tx.Begin(true));
    Result<std::vector<int64_t>> ids =
        Ids(std::string("SELECT id FROM alerts WHERE depersonalised_at = '' AND raised_at < ?1 AND "
                        "source IN ") +
                kTravellerSources + " ORDER BY id LIMIT ?2",
            r_.depersonalise_before);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) return false;
    const std::string at = UtcNowIso8601();
    for (int64_t id : *ids) HUDUD_RETURN_IF_ERROR(DepersonaliseAlert(id, at));
    r_.alerts.depersonalised += static_cast<int64_t>(ids->size());
    HUDUD_RETURN_IF_ERROR(Record(
        "retention:alerts", Json{{"depersonalised", *ids}, {"before", r_.depersonalise_before}}));
    HUDUD_RETURN_IF_ERROR(tx.Commit());
    return ids->size() == static_cast<size_t>(o_.batch_size);
  }

  // Rows (id, text) of a child table of one alert.
  Result<std::vector<std::pair<int64_t, std::string>>> Children(const char* sql, int64_t alert) {
    Result<Stmt> q = impl_.Prepare(sql);
    if (!q.ok()) return q.status();
    sqlite3_bind_int64(q->get(), 1, alert);
    std::vector<std::pair<int64_t, std::string>> out;
    for (;;) {
      Result<bool> row = impl_.Step(*q, "reading alert " + std::to_string(alert));
      if (!row.ok()) return row.status();
      if (!*row) break;
      out.emplace_back(sqlite3_column_int64(q->get(), 0), std::string(ColumnText(q->get(), 1)));
    }
    return out;
  }

  Status DepersonaliseAlert(int64_t id, const std::string& at) {
    const std::string object = "alert:" + std::to_string(id);
    Result<Stmt> q = impl_.Prepare(
        "SELECT subject_id, subject_json, summary, justification, subject_name, explanation "
        "FROM alerts WHERE id = ?");
    if (!q.ok()) return q.status();
    sqlite3_bind_int64(q->get(), 1, id);
    Result<bool> row = impl_.Step(*q, "reading " + object);
    if (!row.ok()) return row.status();
    if (!*row) return Status::Internal(object + " vanished");
    const std::string subject_id(ColumnText(q->get(), 0));
    const std::string subject_json(ColumnText(q->get(), 1));
    const std::string summary(ColumnText(q->get(), 2));
    const std::string justification(ColumnText(q->get(), 3));
    const std::string subject_name(ColumnText(q->get(), 4));
    const std::string explanation(ColumnText(q->get(), 5));
    Result<std::vector<std::pair<int64_t, std::string>>> events =
        Children("SELECT id, detail FROM alert_events WHERE alert_id = ? ORDER BY id", id);
    if (!events.ok()) return events.status();
    Result<std::vector<std::pair<int64_t, std::string>>> shares =
        Children("SELECT id, fields FROM shares WHERE alert_id = ? ORDER BY id", id);
    if (!shares.ok()) return shares.status();

    Json original{{"subject_id", subject_id},     {"subject_json", subject_json},
                  {"subject_name", subject_name}, {"summary", summary},
                  {"explanation", explanation},   {"justification", justification},
                  {"events", Json::array()},      {"shares", Json::array()}};
    for (const auto& [eid, detail] : *events) {
      original["events"].push_back(Json{{"id", eid}, {"detail", detail}});
    }
    for (const auto& [sid, fields] : *shares) {
      original["shares"].push_back(Json{{"id", sid}, {"fields", fields}});
    }
    HUDUD_RETURN_IF_ERROR(
        Seal(object, original.dump(-1, ' ', false, Json::error_handler_t::replace)));

    const std::string new_subject_id = subject_id.rfind("traveller:", 0) == 0
                                           ? subject_id
                                           : "depersonalised:" + std::to_string(id);
    Result<Stmt> upd = impl_.Prepare(
        "UPDATE alerts SET subject_id = ?, subject_json = ?, summary = ?, justification = ?, "
        "subject_name = ?, explanation = ?, depersonalised_at = ? WHERE id = ?");
    if (!upd.ok()) return upd.status();
    const std::string masked_json = MaskJsonText(subject_json);
    const std::string masked_summary = Masked(summary);
    const std::string masked_justification = Masked(justification);
    const std::string masked_name = Masked(subject_name);
    const std::string masked_explanation = MaskExplanationText(explanation);
    BindText(*upd, 1, new_subject_id);
    BindText(*upd, 2, masked_json);
    BindText(*upd, 3, masked_summary);
    BindText(*upd, 4, masked_justification);
    BindText(*upd, 5, masked_name);
    BindText(*upd, 6, masked_explanation);
    BindText(*upd, 7, at);
    sqlite3_bind_int64(upd->get(), 8, id);
    HUDUD_RETURN_IF_ERROR(impl_.Run(*upd, "depersonalising " + object));
    for (const auto& [table, rows] :
         {std::pair<const char*, const std::vector<std::pair<int64_t, std::string>>*>{
              "UPDATE alert_events SET detail = ? WHERE id = ?", &*events},
          {"UPDATE shares SET fields = ? WHERE id = ?", &*shares}}) {
      Result<Stmt> u = impl_.Prepare(table);
      if (!u.ok()) return u.status();
      for (const auto& [rid, text] : *rows) {
        const std::string masked = MaskJsonText(text);
        BindText(*u, 1, masked);
        sqlite3_bind_int64(u->get(), 2, rid);
        HUDUD_RETURN_IF_ERROR(impl_.Run(*u, "depersonalising " + object));
      }
    }
    return Status::Ok();
  }

  // Whether alert `id` is (or was: retention deletes only those) an alert
  // on a traveller.
  Result<bool> TravellerAlert(std::string_view id) {
    Result<Stmt> q = impl_.Prepare(std::string("SELECT source IN ") + kTravellerSources +
                                   " FROM alerts WHERE id = CAST(? AS INTEGER)");
    if (!q.ok()) return q.status();
    BindText(*q, 1, id);
    Result<bool> row = impl_.Step(*q, "reading an alert's source");
    if (!row.ok()) return row.status();
    return !*row || sqlite3_column_int(q->get(), 0) != 0;
  }

  Result<int64_t> AuditWatermark() {
    Result<Stmt> q =
        impl_.Prepare("SELECT value FROM retention_state WHERE key = 'audit_scanned_through'");
    if (!q.ok()) return q.status();
    Result<bool> row = impl_.Step(*q, "reading retention progress");
    if (!row.ok()) return row.status();
    if (!*row) return int64_t{0};
    return static_cast<int64_t>(std::stoll(std::string(ColumnText(q->get(), 0))));
  }

  Status SetAuditWatermark(int64_t seq) {
    Result<Stmt> s = impl_.Prepare(
        "INSERT INTO retention_state (key, value) VALUES ('audit_scanned_through', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!s.ok()) return s.status();
    const std::string v = std::to_string(seq);
    BindText(*s, 1, v);
    return impl_.Run(*s, "recording retention progress");
  }

  Result<bool> DepersonaliseAudit() {
    Transaction tx(&impl_);
    HUDUD_RETURN_IF_ERROR(tx.Begin(true));
    Result<int64_t> from = AuditWatermark();
    if (!from.ok()) return from.status();
    const int scan = o_.batch_size * 5;
    Result<Stmt> q = impl_.Prepare(
        "SELECT seq, action, object, detail, masked_by FROM audit_log "
        "WHERE seq > ?1 AND at < ?2 ORDER BY seq LIMIT ?3");
    if (!q.ok()) return q.status();
    sqlite3_bind_int64(q->get(), 1, *from);
    BindText(*q, 2, r_.depersonalise_before);
    sqlite3_bind_int(q->get(), 3, scan);
    std::vector<AuditDetailMask> masks;
    std::vector<std::string> originals;
    int64_t last = *from;
    int scanned = 0;
    for (;;) {
      Result<bool> row = impl_.Step(*q, "reading the audit log for depersonalisation");
      if (!row.ok()) return row.status();
      if (!*row) break;
      sqlite3_stmt* s = q->get();
      ++scanned;
      last = sqlite3_column_int64(s, 0);
      const std::string_view action = ColumnText(s, 1), object = ColumnText(s, 2),
                             detail = ColumnText(s, 3);
      if (sqlite3_column_int64(s, 4) != 0 || action == "erasure" || !IsAuditObjectToMask(object)) {
        continue;
      }
      if (object.substr(0, 6) == "alert:") {
        // Only alerts on travellers: a held subject's is not traveller data.
        Result<bool> traveller = TravellerAlert(object.substr(6));
        if (!traveller.ok()) return traveller.status();
        if (!*traveller) continue;
      }
      std::string masked = MaskJsonText(detail);
      if (masked == detail) continue;  // nothing personal in it
      masks.push_back(AuditDetailMask{last, std::move(masked)});
      originals.emplace_back(detail);
      if (masks.size() >= static_cast<size_t>(o_.batch_size)) break;
    }
    sqlite3_reset(q->get());  // the masking below updates the rows it read
    if (scanned == 0) return false;
    r_.audit_scanned += scanned;
    for (size_t i = 0; i < masks.size(); ++i) {
      HUDUD_RETURN_IF_ERROR(Seal("audit:" + std::to_string(masks[i].seq), originals[i]));
    }
    if (!masks.empty()) {
      AuditEntry e;
      e.actor = o_.actor;
      e.role = o_.role;
      e.purpose = "retention";
      e.detail = Json{{"reason", "retention: personal query details depersonalised"},
                      {"before", r_.depersonalise_before},
                      {"run", r_.run_id}}
                     .dump();
      Result<int64_t> seq = MaskAuditDetails(store_, masks, e);
      if (!seq.ok()) return seq.status();
      r_.audit.depersonalised += static_cast<int64_t>(masks.size());
    }
    HUDUD_RETURN_IF_ERROR(SetAuditWatermark(last));
    HUDUD_RETURN_IF_ERROR(Heartbeat());
    HUDUD_RETURN_IF_ERROR(tx.Commit());
    return true;
  }

  Store& store_;
  Store::Impl& impl_;
  const VaultSource& source_;
  std::unique_ptr<Vault> vault_;
  const RetentionOptions& o_;
  RetentionReport r_;
  Status deferred_;  // an error that stopped one step only; the run fails with it at the end
};

Result<int64_t> Count(Store::Impl& impl, const std::string& sql,
                      const std::vector<std::string>& binds) {
  Result<Stmt> q = impl.Prepare(sql);
  if (!q.ok()) return q.status();
  for (size_t i = 0; i < binds.size(); ++i) BindText(*q, static_cast<int>(i + 1), binds[i]);
  Result<bool> row = impl.Step(*q, "counting for the retention status");
  if (!row.ok()) return row.status();
  return static_cast<int64_t>(sqlite3_column_int64(q->get(), 0));
}

}  // namespace

std::string RetentionReportJson(const RetentionReport& report) { return ReportJson(report).dump(); }

Result<RetentionReport> RunRetention(Store& store, const VaultSource& vault,
                                     const RetentionOptions& options,
                                     const RetentionStop& should_stop) {
  Runner runner(store, vault, options);
  return runner.Run(should_stop);
}

Result<RetentionReport> RunRetention(Store& store, const Vault& vault,
                                     const RetentionOptions& options,
                                     const RetentionStop& should_stop) {
  const VaultSource source = [&vault]() -> Result<Vault> { return vault; };
  return RunRetention(store, source, options, should_stop);
}

Result<RetentionStatus> ReadRetentionStatus(Store& store, const RetentionOptions& options,
                                            int runs) {
  RetentionStatus st;
  Result<std::string> now = ResolveNow(options.now);
  if (!now.ok()) return now.status();
  Result<std::string> dep = RetentionCutoff(*now, options.depersonalise_after);
  if (!dep.ok()) return dep.status();
  Result<std::string> del = RetentionCutoff(*now, options.delete_after);
  if (!del.ok()) return del.status();
  Result<std::string> audit = AuditCutoff(*now, options.audit_keep);
  if (!audit.ok()) return audit.status();
  st.now = *now;
  st.depersonalise_before = *dep;
  st.delete_before = *del;
  st.audit_before = *audit;
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(false));
  const std::string src = kTravellerSources;
  struct Item {
    int64_t* out;
    std::string sql;
    std::vector<std::string> binds;
  };
  const std::vector<Item> items = {
      {&st.manifests_to_depersonalise,
       "SELECT count(*) FROM manifests WHERE depersonalised_at = '' AND received_at < ?1 AND "
       "received_at >= ?2",
       {*dep, *del}},
      {&st.manifests_to_delete, "SELECT count(*) FROM manifests WHERE received_at < ?1", {*del}},
      {&st.alerts_to_depersonalise,
       "SELECT count(*) FROM alerts WHERE depersonalised_at = '' AND raised_at < ?1 AND "
       "raised_at >= ?2 AND source IN " +
           src,
       {*dep, *del}},
      {&st.alerts_to_delete,
       "SELECT count(*) FROM alerts WHERE raised_at < ?1 AND source IN " + src,
       {*del}},
      {&st.audit_to_scan,
       "SELECT count(*) FROM audit_log WHERE at < ?1 AND seq > COALESCE((SELECT CAST(value AS "
       "INTEGER) FROM retention_state WHERE key = 'audit_scanned_through'), 0)",
       {*dep}},
      {&st.audit_to_prune, "SELECT count(*) FROM audit_log WHERE at < ?1", {*audit}},
      {&st.manifests_depersonalised,
       "SELECT count(*) FROM manifests WHERE depersonalised_at <> ''",
       {}},
      {&st.alerts_depersonalised, "SELECT count(*) FROM alerts WHERE depersonalised_at <> ''", {}},
      {&st.audit_masked, "SELECT count(*) FROM audit_log WHERE masked_by <> 0", {}},
      {&st.sealed, "SELECT count(*) FROM sealed_originals", {}},
  };
  for (const Item& item : items) {
    Result<int64_t> n = Count(impl, item.sql, item.binds);
    if (!n.ok()) return n.status();
    *item.out = *n;
  }
  Result<Stmt> q = impl.Prepare(
      "SELECT id, trigger, actor, started_at, heartbeat_at, finished_at, state, now, "
      "depersonalise_before, delete_before, report, error FROM retention_runs "
      "ORDER BY id DESC LIMIT ?");
  if (!q.ok()) return q.status();
  sqlite3_bind_int(q->get(), 1, runs);
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading retention runs");
    if (!row.ok()) return row.status();
    if (!*row) break;
    sqlite3_stmt* s = q->get();
    RetentionRun r;
    r.id = sqlite3_column_int64(s, 0);
    r.trigger = ColumnText(s, 1);
    r.actor = ColumnText(s, 2);
    r.started_at = ColumnText(s, 3);
    r.heartbeat_at = ColumnText(s, 4);
    r.finished_at = ColumnText(s, 5);
    r.state = ColumnText(s, 6);
    r.now = ColumnText(s, 7);
    r.depersonalise_before = ColumnText(s, 8);
    r.delete_before = ColumnText(s, 9);
    r.report = ColumnText(s, 10);
    r.error = ColumnText(s, 11);
    st.runs.push_back(std::move(r));
  }
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return st;
}

Status RecordFailedRetentionRun(Store& store, const RetentionOptions& options,
                                const std::string& error) {
  HUDUD_RETURN_IF_ERROR(CheckKeepRuns(options.keep_runs));
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO retention_runs (trigger, actor, started_at, heartbeat_at, finished_at, state, "
      "now, depersonalise_before, delete_before, error) "
      "VALUES (?1, ?2, ?3, ?3, ?3, 'failed', ?4, '', '', ?5)");
  if (!ins.ok()) return ins.status();
  const std::string at = UtcNowIso8601();
  const std::string now = options.now.empty() ? at : options.now;
  BindText(*ins, 1, options.trigger);
  BindText(*ins, 2, options.actor);
  BindText(*ins, 3, at);
  BindText(*ins, 4, now);
  BindText(*ins, 5, error);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "recording a failed retention run"));
  Result<int64_t> pruned = PruneRuns(impl, sqlite3_last_insert_rowid(impl.db), options.keep_runs);
  if (!pruned.ok()) return pruned.status();
  return tx.Commit();
}

}  // namespace hudud::store
