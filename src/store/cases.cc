// Alert triage and the false-positive memory in SQLite (store/cases.h).
#include "store/cases.h"

#include <array>

#include "store/access.h"
#include "store/db.h"
#include "store/entity_json.h"
#include "text/normalize.h"
#include "text/romanize.h"

namespace hudud::store {
namespace {

constexpr std::array<std::string_view, 3> kDecisions = {"confirmed", "false-positive",
                                                        "inconclusive"};
constexpr std::array<std::string_view, 3> kOutcomes = {"refer", "deny-boarding", "freeze-report"};

constexpr size_t kMinJustification = 10;
constexpr size_t kMaxText = 4000;

const char* kAlertColumns =
    "id, subject_id, entity_id, list_id, version_id, score, summary, status, trigger, "
    "designated_at, imported_at, raised_at, coalesce(closed_at, ''), coalesce(closed_reason, ''), "
    "source, case_ref, subject_key, subject_json, subject_hash, entity_hash, flight, manifest_id, "
    "assignee, decision, justification, decided_by, decided_at, outcome, depersonalised_at, "
    "explanation, subject_name, listed_name";

// The queue's columns: the same, but without the explanations, which can be
// several kB each and are shown only with one alert (Get).
const std::string& QueueColumns() {
  static const std::string* columns = [] {
    auto* c = new std::string(kAlertColumns);
    c->replace(c->find("explanation"), std::string_view("explanation").size(), "''");
    return c;
  }();
  return *columns;
}

Alert ReadAlert(sqlite3_stmt* s) {
  Alert a;
  a.id = sqlite3_column_int64(s, 0);
  a.subject_id = ColumnText(s, 1);
  a.entity_id = ColumnText(s, 2);
  a.list_id = ColumnText(s, 3);
  a.version_id = sqlite3_column_int64(s, 4);
  a.score = sqlite3_column_double(s, 5);
  a.summary = ColumnText(s, 6);
  a.status = ColumnText(s, 7);
  a.trigger = ColumnText(s, 8);
  a.designated_at = ColumnText(s, 9);
  a.imported_at = ColumnText(s, 10);
  a.raised_at = ColumnText(s, 11);
  a.closed_at = ColumnText(s, 12);
  a.closed_reason = ColumnText(s, 13);
  a.source = ColumnText(s, 14);
  a.case_ref = ColumnText(s, 15);
  a.subject_key = ColumnText(s, 16);
  a.subject_json = ColumnText(s, 17);
  a.subject_hash = ColumnText(s, 18);
  a.entity_hash = ColumnText(s, 19);
  a.flight = ColumnText(s, 20);
  a.manifest_id = sqlite3_column_int64(s, 21);
  a.assignee = ColumnText(s, 22);
  a.decision = ColumnText(s, 23);
  a.justification = ColumnText(s, 24);
  a.decided_by = ColumnText(s, 25);
  a.decided_at = ColumnText(s, 26);
  a.outcome = ColumnText(s, 27);
  a.depersonalised_at = ColumnText(s, 28);
  a.explanation_json = ColumnText(s, 29);
  a.subject_name = ColumnText(s, 30);
  a.listed_name = ColumnText(s, 31);
  return a;
}

std::string KeyOf(const NewAlert& a) {
  return a.subject_key.empty() ? "subject:" + a.subject_id : a.subject_key;
}

Status AddEvent(Store::Impl& impl, int64_t alert_id, std::string_view action,
                const std::string& actor, const std::string& at, std::string_view detail) {
  Result<Stmt> q = impl.Prepare(
      "INSERT INTO alert_events (alert_id, action, actor, at, detail) VALUES (?, ?, ?, ?, ?)");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, alert_id);
  BindText(*q, 2, action);
  BindText(*q, 3, actor);
  BindText(*q, 4, at);
  BindText(*q, 5, detail);
  return impl.Run(*q, "recording what happened to alert " + std::to_string(alert_id));
}

Result<Alert> GetIn(Store::Impl& impl, int64_t id) {
  Result<Stmt> q =
      impl.Prepare(std::string("SELECT ") + kAlertColumns + " FROM alerts WHERE id = ?");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  Result<bool> row = impl.Step(*q, "reading alert " + std::to_string(id));
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no alert " + std::to_string(id));
  return ReadAlert(q->get());
}

// The entry's content hash in its list's active version, as the hex the
// false-positive memory stores ("" when not listed there): one statement,
// prepared once by the caller for a batch.
Result<Stmt> PrepareEntityHash(Store::Impl& impl) {
  return impl.Prepare(
      "SELECT lower(hex(e.content_hash)) FROM lists l JOIN entities e "
      "ON e.version_id = l.active_version WHERE l.list_id = ? AND e.entity_id = ?");
}

Result<std::string> EntityHash(Store::Impl& impl, const Stmt& q, const std::string& list_id,
                               const std::string& entity_id) {
  sqlite3_reset(q.get());
  BindText(q, 1, list_id);
  BindText(q, 2, entity_id);
  Result<bool> row = impl.Step(q, "reading the entry " + entity_id);
  if (!row.ok()) return row.status();
  std::string out = *row ? std::string(ColumnText(q.get(), 0)) : std::string();
  sqlite3_reset(q.get());
  return out;
}

// A name as the queue's name filter compares it: folded (text::FoldText:
// case, marks, punctuation and apostrophes aside) and its Latin words
// reduced to ASCII (text::Romanize), so "zawahiri" and "Al Zawahiri" find
// "AL-ZAWĀHIRĪ". Words of other scripts stay folded, so that a piece of one
// finds it ("ЗАВАХ" in "аз-Завахири").
std::string NameSearchForm(std::string_view name) {
  std::string out;
  for (const std::string& word : text::SplitWords(text::FoldText(name))) {
    if (!out.empty()) out += ' ';
    if (text::DetectScript(word) == text::Script::kLatin) {
      text::Romanized r = text::Romanize(word);
      out += r.latin.empty() ? word : r.latin;
    } else {
      out += word;
    }
  }
  return out;
}

// hudud_name_form(text): NameSearchForm in SQL.
void NameFormFunction(sqlite3_context* context, int, sqlite3_value** args) {
  const unsigned char* p = sqlite3_value_text(args[0]);
  if (p == nullptr) {
    sqlite3_result_null(context);
    return;
  }
  const std::string form = NameSearchForm(std::string_view(
      reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_value_bytes(args[0]))));
  sqlite3_result_text(context, form.data(), static_cast<int>(form.size()), SQLITE_TRANSIENT);
}

// '%text%' for LIKE, with LIKE's own characters escaped by '\'.
std::string LikeContaining(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

Status CheckActor(const std::string& actor) {
  if (Blank(actor)) return Status::InvalidArgument("no user given (who is acting?)");
  return Status::Ok();
}

}  // namespace

Status RegisterCaseFunctions(Store::Impl& impl) {
  if (sqlite3_create_function_v2(impl.db, "hudud_name_form", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                 nullptr, &NameFormFunction, nullptr, nullptr,
                                 nullptr) != SQLITE_OK) {
    return impl.Error("registering hudud_name_form");
  }
  return Status::Ok();
}

std::string_view ToString(Decision decision) { return kDecisions[static_cast<size_t>(decision)]; }

Result<Decision> ParseDecision(std::string_view text) {
  for (size_t i = 0; i < kDecisions.size(); ++i) {
    if (text == kDecisions[i]) return static_cast<Decision>(i);
  }
  return Status::InvalidArgument("decision '" + std::string(text) +
                                 "' is not one of: confirmed, false-positive, inconclusive");
}

std::string_view ToString(Outcome outcome) { return kOutcomes[static_cast<size_t>(outcome)]; }

Result<Outcome> ParseOutcome(std::string_view text) {
  for (size_t i = 0; i < kOutcomes.size(); ++i) {
    if (text == kOutcomes[i]) return static_cast<Outcome>(i);
  }
  return Status::InvalidArgument("outcome '" + std::string(text) +
                                 "' is not one of: refer, deny-boarding, freeze-report");
}

std::string SubjectDataHash(const std::vector<std::string>& names, std::string_view dob,
                            std::string_view nationality, std::string_view document,
                            std::string_view document_country, std::string_view gender,
                            std::string_view kind) {
  // Fields separated by a byte no text field holds, names by another, so
  // no two different subjects share a canonical form.
  std::string canonical;
  for (const std::string& n : names) {
    canonical += n;
    canonical += '\x1e';
  }
  for (std::string_view f : {dob, nationality, document, document_country, gender, kind}) {
    canonical += '\x1f';
    canonical += f;
  }
  return Sha256Hex(canonical);
}

Result<std::vector<RaiseResult>> Cases::Raise(const std::vector<NewAlert>& alerts) {
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Stmt> open = impl.Prepare(
      "SELECT id FROM alerts WHERE subject_id = ? AND entity_id = ? AND status = 'open'");
  if (!open.ok()) return open.status();
  Result<Stmt> fp = impl.Prepare(
      "SELECT subject_hash, entity_hash, alert_id, decided_by FROM false_positives "
      "WHERE subject_key = ? AND list_id = ? AND entity_id = ?");
  if (!fp.ok()) return fp.status();
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO alerts (subject_id, entity_id, list_id, version_id, score, summary, status, "
      "trigger, designated_at, imported_at, raised_at, source, case_ref, subject_key, "
      "subject_json, subject_hash, entity_hash, flight, manifest_id, explanation, subject_name, "
      "listed_name) "
      "VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  Result<Stmt> hash = PrepareEntityHash(impl);
  if (!hash.ok()) return hash.status();
  std::vector<RaiseResult> out(alerts.size());
  for (size_t i = 0; i < alerts.size(); ++i) {
    const NewAlert& a = alerts[i];
    RaiseResult& r = out[i];
    sqlite3_reset(open->get());
    BindText(*open, 1, a.subject_id);
    BindText(*open, 2, a.entity_id);
    Result<bool> row = impl.Step(*open, "looking for an open alert on " + a.subject_id);
    if (!row.ok()) return row.status();
    if (*row) {
      r.alert_id = sqlite3_column_int64(open->get(), 0);
      continue;
    }
    std::string entity_hash = a.entity_hash;
    if (entity_hash.empty()) {
      Result<std::string> h = EntityHash(impl, *hash, a.list_id, a.entity_id);
      if (!h.ok()) return h.status();
      entity_hash = std::move(*h);
    }
    const std::string key = KeyOf(a);
    sqlite3_reset(fp->get());
    BindText(*fp, 1, key);
    BindText(*fp, 2, a.list_id);
    BindText(*fp, 3, a.entity_id);
    row = impl.Step(*fp, "reading the false-positive memory");
    if (!row.ok()) return row.status();
    if (*row && ColumnText(fp->get(), 0) == a.subject_hash &&
        ColumnText(fp->get(), 1) == entity_hash) {
      r.false_positive = sqlite3_column_int64(fp->get(), 2);
      r.remembered_by = ColumnText(fp->get(), 3);
      continue;
    }
    // Stamped per alert: the time the alert exists is what is measured.
    const std::string now = UtcNowIso8601();
    sqlite3_reset(ins->get());
    BindText(*ins, 1, a.subject_id);
    BindText(*ins, 2, a.entity_id);
    BindText(*ins, 3, a.list_id);
    sqlite3_bind_int64(ins->get(), 4, a.version_id);
    sqlite3_bind_double(ins->get(), 5, a.score);
    BindText(*ins, 6, a.summary);
    BindText(*ins, 7, a.trigger);
    BindText(*ins, 8, a.designated_at);
    BindText(*ins, 9, a.imported_at);
    BindText(*ins, 10, now);
    BindText(*ins, 11, a.source);
    BindText(*ins, 12, a.case_ref);
    BindText(*ins, 13, key);
    BindText(*ins, 14, a.subject_json);
    BindText(*ins, 15, a.subject_hash);
    BindText(*ins, 16, entity_hash);
    BindText(*ins, 17, a.flight);
    sqlite3_bind_int64(ins->get(), 18, a.manifest_id);
    BindText(*ins, 19, a.explanation_json);
    BindText(*ins, 20, a.subject_name);
    BindText(*ins, 21, a.listed_name);
    HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "storing an alert on subject " + a.subject_id));
    r.alert_id = sqlite3_last_insert_rowid(impl.db);
    r.raised = true;
  }
  sqlite3_reset(open->get());
  sqlite3_reset(fp->get());
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<Alert> Cases::Get(int64_t id) { return GetIn(*store_.impl(), id); }

Result<AlertPage> Cases::Find(const AlertQuery& query) {
  if (query.limit < 0 || query.limit > 1000) {
    return Status::InvalidArgument("limit must be 1..1000, got " + std::to_string(query.limit));
  }
  Store::Impl& impl = *store_.impl();
  // Timestamps are "YYYY-MM-DDTHH:MM:SSZ": a bare date as the upper bound
  // means the whole day.
  std::string to = query.raised_to;
  if (to.size() == 10) to += "T99";
  std::string where =
      " WHERE (?1 = '' OR status = ?1) AND (?2 = '' OR list_id = ?2) AND (?3 = '' OR source = ?3)"
      " AND (?4 = '' OR assignee = ?4) AND (?5 = '' OR decision = ?5) AND (?6 = '' OR flight = ?6)"
      " AND (?7 = '' OR case_ref = ?7) AND (?8 = '' OR subject_id = ?8)"
      " AND (?9 = 0 OR assignee = '') AND score >= ?10 AND (?11 = '' OR raised_at >= ?11)"
      " AND (?12 = '' OR raised_at <= ?12) AND (?14 = 0 OR manifest_id = ?14)";
  // The name filter: as stored (LIKE: ASCII case aside) or in search form.
  const std::string folded = query.name.empty() ? std::string() : NameSearchForm(query.name);
  const std::string like = query.name.empty() ? std::string() : LikeContaining(query.name);
  if (!query.name.empty()) {
    where +=
        " AND (subject_name LIKE ?15 ESCAPE '\\' OR listed_name LIKE ?15 ESCAPE '\\'"
        " OR (?16 <> '' AND (instr(hudud_name_form(subject_name), ?16) > 0"
        " OR instr(hudud_name_form(listed_name), ?16) > 0)))";
  }
  auto bind = [&](const Stmt& q) {
    BindText(q, 1, query.status);
    BindText(q, 2, query.list_id);
    BindText(q, 3, query.source);
    BindText(q, 4, query.assignee);
    BindText(q, 5, query.decision);
    BindText(q, 6, query.flight);
    BindText(q, 7, query.case_ref);
    BindText(q, 8, query.subject_id);
    sqlite3_bind_int(q.get(), 9, query.unassigned ? 1 : 0);
    sqlite3_bind_double(q.get(), 10, query.min_score);
    BindText(q, 11, query.raised_from);
    BindText(q, 12, to);
    sqlite3_bind_int64(q.get(), 14, query.manifest_id);
    if (!query.name.empty()) {
      BindText(q, 15, like);
      BindText(q, 16, folded);
    }
  };
  AlertPage page;
  Result<Stmt> count = impl.Prepare("SELECT count(*) FROM alerts" + where);
  if (!count.ok()) return count.status();
  bind(*count);
  Result<bool> row = impl.Step(*count, "counting alerts");
  if (!row.ok()) return row.status();
  page.total = sqlite3_column_int64(count->get(), 0);

  std::string sql = "SELECT " + QueueColumns() + " FROM alerts" + where +
                    " AND (?13 = 0 OR id < ?13) ORDER BY id DESC";
  // One more than asked tells whether there is a next page.
  if (query.limit > 0) sql += " LIMIT " + std::to_string(query.limit + 1);
  Result<Stmt> q = impl.Prepare(sql);
  if (!q.ok()) return q.status();
  bind(*q);
  sqlite3_bind_int64(q->get(), 13, query.before_id);
  while (true) {
    row = impl.Step(*q, "reading alerts");
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (query.limit > 0 && static_cast<int64_t>(page.alerts.size()) == query.limit) {
      page.next = page.alerts.back().id;
      break;
    }
    page.alerts.push_back(ReadAlert(q->get()));
  }
  return page;
}

Result<std::vector<AlertEvent>> Cases::Events(int64_t id) {
  Store::Impl& impl = *store_.impl();
  Result<Alert> a = GetIn(impl, id);
  if (!a.ok()) return a.status();
  Result<Stmt> q = impl.Prepare(
      "SELECT id, alert_id, action, actor, at, detail FROM alert_events WHERE alert_id = ? "
      "ORDER BY id");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  std::vector<AlertEvent> out;
  while (true) {
    Result<bool> row = impl.Step(*q, "reading the history of alert " + std::to_string(id));
    if (!row.ok()) return row.status();
    if (!*row) break;
    sqlite3_stmt* s = q->get();
    out.push_back(AlertEvent{sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
                             std::string(ColumnText(s, 2)), std::string(ColumnText(s, 3)),
                             std::string(ColumnText(s, 4)), std::string(ColumnText(s, 5))});
  }
  return out;
}

Result<Alert> Cases::Assign(int64_t id, const std::string& assignee, const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckActor(actor));
  if (!assignee.empty()) {
    Result<User> user = GetUser(store_, assignee);
    if (!user.ok()) return user.status();
    if (!user->disabled_at.empty()) {
      return Status::InvalidArgument("user " + assignee + " is disabled");
    }
    if (!Allows(user->role, Permission::kAlertsDecide)) {
      return Status::InvalidArgument("user " + assignee + " (" + std::string(ToString(user->role)) +
                                     ") may not decide alerts");
    }
  }
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Alert> a = GetIn(impl, id);
  if (!a.ok()) return a.status();
  if (a->status != "open") {
    return Status::InvalidArgument("alert " + std::to_string(id) + " is already closed");
  }
  Result<Stmt> q = impl.Prepare("UPDATE alerts SET assignee = ? WHERE id = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, assignee);
  sqlite3_bind_int64(q->get(), 2, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*q, "assigning alert " + std::to_string(id)));
  HUDUD_RETURN_IF_ERROR(AddEvent(impl, id, "assigned", actor, UtcNowIso8601(), assignee));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  a->assignee = assignee;
  return a;
}

Status Cases::Comment(int64_t id, const std::string& text, const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckActor(actor));
  HUDUD_RETURN_IF_ERROR(CheckText("a comment", text, 1, kMaxText));
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Alert> a = GetIn(impl, id);
  if (!a.ok()) return a.status();
  HUDUD_RETURN_IF_ERROR(AddEvent(impl, id, "comment", actor, UtcNowIso8601(), text));
  return tx.Commit();
}

Result<Alert> Cases::Decide(int64_t id, Decision decision, const std::string& justification,
                            const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckActor(actor));
  HUDUD_RETURN_IF_ERROR(CheckText("a justification", justification, kMinJustification, kMaxText));
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Alert> a = GetIn(impl, id);
  if (!a.ok()) return a.status();
  if (a->status != "open") {
    return Status::InvalidArgument("alert " + std::to_string(id) + " is already closed (" +
                                   (a->decision.empty() ? a->closed_reason : a->decision) +
                                   "); reopen it first");
  }
  const std::string now = UtcNowIso8601();
  const bool closes = decision != Decision::kInconclusive;
  Result<Stmt> q = impl.Prepare(
      "UPDATE alerts SET decision = ?, justification = ?, decided_by = ?, decided_at = ?, "
      "status = ?, closed_at = CASE WHEN ? THEN ? ELSE closed_at END, "
      "closed_reason = CASE WHEN ? THEN ? ELSE closed_reason END WHERE id = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, ToString(decision));
  BindText(*q, 2, justification);
  BindText(*q, 3, actor);
  BindText(*q, 4, now);
  BindText(*q, 5, closes ? "closed" : "open");
  sqlite3_bind_int(q->get(), 6, closes);
  BindText(*q, 7, now);
  sqlite3_bind_int(q->get(), 8, closes);
  BindText(*q, 9, ToString(decision));
  sqlite3_bind_int64(q->get(), 10, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*q, "deciding alert " + std::to_string(id)));
  if (decision == Decision::kFalsePositive) {
    // Remembered with the data as screened: any change to either side
    // makes the pair new again.
    std::string entity_hash = a->entity_hash;
    if (entity_hash.empty()) {
      Result<std::string> h = ActiveEntityHash(a->list_id, a->entity_id);
      if (!h.ok()) return h.status();
      entity_hash = std::move(*h);
    }
    Result<Stmt> fp = impl.Prepare(
        "INSERT INTO false_positives (subject_key, entity_id, list_id, subject_hash, entity_hash, "
        "alert_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (subject_key, list_id, entity_id) DO UPDATE SET "
        "subject_hash = excluded.subject_hash, entity_hash = excluded.entity_hash, "
        "alert_id = excluded.alert_id, decided_by = excluded.decided_by, "
        "decided_at = excluded.decided_at");
    if (!fp.ok()) return fp.status();
    const std::string key = KeyOf(*a);  // bound SQLITE_STATIC: must outlive the step
    BindText(*fp, 1, key);
    BindText(*fp, 2, a->entity_id);
    BindText(*fp, 3, a->list_id);
    BindText(*fp, 4, a->subject_hash);
    BindText(*fp, 5, entity_hash);
    sqlite3_bind_int64(fp->get(), 6, id);
    BindText(*fp, 7, actor);
    BindText(*fp, 8, now);
    HUDUD_RETURN_IF_ERROR(
        impl.Run(*fp, "remembering the false positive of alert " + std::to_string(id)));
  }
  HUDUD_RETURN_IF_ERROR(AddEvent(impl, id, "decided", actor, now,
                                 std::string(ToString(decision)) + ": " + justification));
  Result<Alert> out = GetIn(impl, id);
  if (!out.ok()) return out.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<Alert> Cases::RecordOutcome(int64_t id, Outcome outcome, const std::string& detail,
                                   const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckActor(actor));
  HUDUD_RETURN_IF_ERROR(CheckText("the outcome's detail", detail, kMinJustification, kMaxText));
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Alert> a = GetIn(impl, id);
  if (!a.ok()) return a.status();
  if (a->decision != "confirmed") {
    return Status::InvalidArgument(
        "alert " + std::to_string(id) + " is " +
        (a->decision.empty() ? std::string("undecided") : "decided " + a->decision) +
        ": an adverse outcome needs a person's confirmed decision first");
  }
  Result<Stmt> q = impl.Prepare("UPDATE alerts SET outcome = ? WHERE id = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, ToString(outcome));
  sqlite3_bind_int64(q->get(), 2, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*q, "recording the outcome of alert " + std::to_string(id)));
  HUDUD_RETURN_IF_ERROR(AddEvent(impl, id, "outcome", actor, UtcNowIso8601(),
                                 std::string(ToString(outcome)) + ": " + detail));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  a->outcome = ToString(outcome);
  return a;
}

Result<Alert> Cases::Reopen(int64_t id, const std::string& reason, const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckActor(actor));
  HUDUD_RETURN_IF_ERROR(CheckText("a reason", reason, kMinJustification, kMaxText));
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Alert> a = GetIn(impl, id);
  if (!a.ok()) return a.status();
  if (a->status == "open" && a->decision.empty()) {
    return Status::InvalidArgument("alert " + std::to_string(id) + " is open and undecided");
  }
  // Another open alert on the same pair would break "one open alert per
  // pair": the newer one carries the case on.
  Result<Stmt> other = impl.Prepare(
      "SELECT id FROM alerts WHERE subject_id = ? AND entity_id = ? AND status = 'open' AND id <> "
      "?");
  if (!other.ok()) return other.status();
  BindText(*other, 1, a->subject_id);
  BindText(*other, 2, a->entity_id);
  sqlite3_bind_int64(other->get(), 3, id);
  Result<bool> row = impl.Step(*other, "looking for an open alert on the same pair");
  if (!row.ok()) return row.status();
  if (*row) {
    return Status::InvalidArgument("alert " +
                                   std::to_string(sqlite3_column_int64(other->get(), 0)) +
                                   " is open on the same subject and entry; work on that one");
  }
  Result<Stmt> q = impl.Prepare(
      "UPDATE alerts SET status = 'open', decision = '', justification = '', decided_by = '', "
      "decided_at = '', outcome = '', closed_at = NULL, closed_reason = NULL WHERE id = ?");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*q, "reopening alert " + std::to_string(id)));
  Result<Stmt> forget = impl.Prepare("DELETE FROM false_positives WHERE alert_id = ?");
  if (!forget.ok()) return forget.status();
  sqlite3_bind_int64(forget->get(), 1, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*forget, "forgetting a false positive"));
  HUDUD_RETURN_IF_ERROR(AddEvent(impl, id, "reopened", actor, UtcNowIso8601(), reason));
  Result<Alert> out = GetIn(impl, id);
  if (!out.ok()) return out.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::optional<FalsePositive>> Cases::RememberedFalsePositive(const std::string& subject_key,
                                                                    const std::string& list_id,
                                                                    const std::string& entity_id) {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT subject_hash, entity_hash, alert_id, decided_by, decided_at FROM false_positives "
      "WHERE subject_key = ? AND list_id = ? AND entity_id = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, subject_key);
  BindText(*q, 2, list_id);
  BindText(*q, 3, entity_id);
  Result<bool> row = impl.Step(*q, "reading the false-positive memory");
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<FalsePositive>();
  sqlite3_stmt* s = q->get();
  FalsePositive fp;
  fp.subject_key = subject_key;
  fp.list_id = list_id;
  fp.entity_id = entity_id;
  fp.subject_hash = ColumnText(s, 0);
  fp.entity_hash = ColumnText(s, 1);
  fp.alert_id = sqlite3_column_int64(s, 2);
  fp.decided_by = ColumnText(s, 3);
  fp.decided_at = ColumnText(s, 4);
  return std::optional<FalsePositive>(std::move(fp));
}

Result<std::vector<FalsePositive>> Cases::CurrentFalsePositives() {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT f.subject_key, f.list_id, f.entity_id, f.subject_hash, f.entity_hash, f.alert_id, "
      "f.decided_by, f.decided_at FROM false_positives f JOIN lists l ON l.list_id = f.list_id "
      "JOIN entities e ON e.version_id = l.active_version AND e.entity_id = f.entity_id "
      "WHERE lower(hex(e.content_hash)) = f.entity_hash");
  if (!q.ok()) return q.status();
  std::vector<FalsePositive> out;
  while (true) {
    Result<bool> row = impl.Step(*q, "reading the false-positive memory");
    if (!row.ok()) return row.status();
    if (!*row) break;
    sqlite3_stmt* s = q->get();
    FalsePositive fp;
    fp.subject_key = ColumnText(s, 0);
    fp.list_id = ColumnText(s, 1);
    fp.entity_id = ColumnText(s, 2);
    fp.subject_hash = ColumnText(s, 3);
    fp.entity_hash = ColumnText(s, 4);
    fp.alert_id = sqlite3_column_int64(s, 5);
    fp.decided_by = ColumnText(s, 6);
    fp.decided_at = ColumnText(s, 7);
    out.push_back(std::move(fp));
  }
  return out;
}

Result<std::string> Cases::FalsePositivesStamp() {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT (SELECT count(*) || ':' || coalesce(max(decided_at), '') || ':' || "
      "coalesce(sum(alert_id), 0) FROM false_positives) || '/' || "
      "(SELECT coalesce(group_concat(list_id || '=' || coalesce(active_version, 0)), '') "
      "FROM lists)");
  if (!q.ok()) return q.status();
  Result<bool> row = impl.Step(*q, "reading the false-positive memory's stamp");
  if (!row.ok()) return row.status();
  return std::string(ColumnText(q->get(), 0));
}

Result<std::optional<model::Entity>> Cases::ActiveEntity(const std::string& list_id,
                                                         const std::string& entity_id) {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT e.json FROM lists l JOIN entities e ON e.version_id = l.active_version "
      "WHERE l.list_id = ? AND e.entity_id = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, list_id);
  BindText(*q, 2, entity_id);
  Result<bool> row = impl.Step(*q, "reading the entry " + entity_id);
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<model::Entity>();
  Result<model::Entity> e = EntityFromJson(ColumnText(q->get(), 0));
  if (!e.ok()) return e.status();
  return std::optional<model::Entity>(std::move(*e));
}

Result<std::string> Cases::ActiveEntityHash(const std::string& list_id,
                                            const std::string& entity_id) {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = PrepareEntityHash(impl);
  if (!q.ok()) return q.status();
  return EntityHash(impl, *q, list_id, entity_id);
}

}  // namespace hudud::store
