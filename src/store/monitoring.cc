// Monitoring (store/monitoring.h): held subjects and their alerts in SQLite.
#include "store/monitoring.h"

#include "store/db.h"

namespace hudud::store {
namespace {

std::string JoinLines(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += '\n';
    out += n;
  }
  return out;
}

std::vector<std::string> SplitLines(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) nl = s.size();
    if (nl > start) out.emplace_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// The columns ReadSubject reads, in its order.
constexpr char kSubjectColumns[] =
    "subject_id, names, dob, nationality, document, document_country, gender, kind";

Subject ReadSubject(sqlite3_stmt* s) {
  Subject subject;
  subject.id = ColumnText(s, 0);
  subject.names = SplitLines(ColumnText(s, 1));
  subject.dob = ColumnText(s, 2);
  subject.nationality = ColumnText(s, 3);
  subject.document = ColumnText(s, 4);
  subject.document_country = ColumnText(s, 5);
  subject.gender = ColumnText(s, 6);
  subject.kind = ColumnText(s, 7);
  return subject;
}

}  // namespace

Result<SubjectImport> Monitoring::PutSubjects(const std::vector<Subject>& subjects,
                                              const std::string& source) {
  Store::Impl& impl = *store_.impl();
  for (const Subject& s : subjects) {
    if (s.id.empty()) return Status::InvalidArgument("a subject has no id");
    if (s.names.empty()) return Status::InvalidArgument("subject " + s.id + " has no name");
  }
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Stmt> get = impl.Prepare(
      "SELECT names, dob, nationality, document, document_country, gender, kind FROM subjects "
      "WHERE subject_id = ?");
  if (!get.ok()) return get.status();
  Result<Stmt> put = impl.Prepare(
      "INSERT INTO subjects (subject_id, names, dob, nationality, document, document_country, "
      "gender, kind, source, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (subject_id) DO UPDATE SET names = excluded.names, dob = excluded.dob, "
      "nationality = excluded.nationality, document = excluded.document, "
      "document_country = excluded.document_country, gender = excluded.gender, "
      "kind = excluded.kind, source = excluded.source, imported_at = excluded.imported_at");
  if (!put.ok()) return put.status();
  const std::string now = UtcNowIso8601();
  SubjectImport out;
  for (const Subject& s : subjects) {
    const std::string names = JoinLines(s.names);
    sqlite3_reset(get->get());
    BindText(*get, 1, s.id);
    Result<bool> row = impl.Step(*get, "reading subject " + s.id);
    if (!row.ok()) return row.status();
    if (*row) {
      sqlite3_stmt* g = get->get();
      bool same = ColumnText(g, 0) == names && ColumnText(g, 1) == s.dob &&
                  ColumnText(g, 2) == s.nationality && ColumnText(g, 3) == s.document &&
                  ColumnText(g, 4) == s.document_country && ColumnText(g, 5) == s.gender &&
                  ColumnText(g, 6) == s.kind;
      if (same) {
        ++out.unchanged;
        continue;
      }
      ++out.changed;
    } else {
      ++out.added;
    }
    BindText(*put, 1, s.id);
    BindText(*put, 2, names);
    BindText(*put, 3, s.dob);
    BindText(*put, 4, s.nationality);
    BindText(*put, 5, s.document);
    BindText(*put, 6, s.document_country);
    BindText(*put, 7, s.gender);
    BindText(*put, 8, s.kind);
    BindText(*put, 9, source);
    BindText(*put, 10, now);
    HUDUD_RETURN_IF_ERROR(impl.Run(*put, "storing subject " + s.id));
  }
  sqlite3_reset(get->get());
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<Subject>> Monitoring::LoadSubjects() {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q =
      impl.Prepare(std::string("SELECT ") + kSubjectColumns + " FROM subjects ORDER BY id");
  if (!q.ok()) return q.status();
  std::vector<Subject> out;
  Result<int64_t> n = SubjectCount();
  if (n.ok()) out.reserve(static_cast<size_t>(*n));
  while (true) {
    Result<bool> row = impl.Step(*q, "loading subjects");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(ReadSubject(q->get()));
  }
  return out;
}

Result<Subject> Monitoring::GetSubject(const std::string& id) {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = impl.Prepare(std::string("SELECT ") + kSubjectColumns +
                                " FROM subjects WHERE subject_id = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, id);
  Result<bool> row = impl.Step(*q, "reading subject " + id);
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no held subject " + id);
  return ReadSubject(q->get());
}

Result<int64_t> Monitoring::SubjectCount() {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = impl.Prepare("SELECT count(*) FROM subjects");
  if (!q.ok()) return q.status();
  Result<bool> row = impl.Step(*q, "counting subjects");
  if (!row.ok()) return row.status();
  return static_cast<int64_t>(sqlite3_column_int64(q->get(), 0));
}

Result<int64_t> Monitoring::RaiseAlerts(const std::vector<NewAlert>& alerts) {
  Result<std::vector<RaiseResult>> r = Cases(store_).Raise(alerts);
  if (!r.ok()) return r.status();
  int64_t raised = 0;
  for (const RaiseResult& x : *r) raised += x.raised ? 1 : 0;
  return raised;
}

Result<int64_t> Monitoring::CloseAlertsOnEntities(const std::vector<std::string>& entity_ids,
                                                  const std::string& reason) {
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Stmt> q = impl.Prepare(
      "UPDATE alerts SET status = 'closed', closed_at = ?, closed_reason = ? "
      "WHERE entity_id = ? AND status = 'open'");
  if (!q.ok()) return q.status();
  const std::string now = UtcNowIso8601();
  int64_t closed = 0;
  for (const std::string& id : entity_ids) {
    BindText(*q, 1, now);
    BindText(*q, 2, reason);
    BindText(*q, 3, id);
    HUDUD_RETURN_IF_ERROR(impl.Run(*q, "closing the alerts on " + id));
    closed += sqlite3_changes(impl.db);
  }
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return closed;
}

Result<std::vector<Alert>> Monitoring::Alerts(const AlertFilter& filter) {
  AlertQuery q;
  q.status = filter.status;
  q.subject_id = filter.subject_id;
  q.list_id = filter.list_id;
  q.limit = filter.limit;
  Result<AlertPage> page = Cases(store_).Find(q);
  if (!page.ok()) return page.status();
  return std::move(page->alerts);
}

}  // namespace hudud::store
