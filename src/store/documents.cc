// The lost and stolen documents register (store/documents.h) in SQLite.
#include "store/documents.h"

#include <set>
#include <tuple>

#include "store/db.h"

namespace hudud::store {
namespace {

using Key = std::tuple<std::string, std::string, std::string>;

}  // namespace

Result<DocumentImportSummary> ImportLostDocuments(Store& store, const std::string& source,
                                                  const std::vector<LostDocument>& records,
                                                  const std::string& sha256,
                                                  const std::string& actor) {
  if (source.empty()) return Status::InvalidArgument("no document source name given");
  if (actor.empty()) return Status::InvalidArgument("no user given (who is importing?)");
  Store::Impl& impl = *store.impl();
  DocumentImportSummary summary;
  summary.source = source;
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));

  std::set<Key> before;
  {
    Result<Stmt> q = impl.Prepare("SELECT sha256 FROM document_sources WHERE source = ?");
    if (!q.ok()) return q.status();
    BindText(*q, 1, source);
    Result<bool> row = impl.Step(*q, "reading document source " + source);
    if (!row.ok()) return row.status();
    if (*row && ColumnText(q->get(), 0) == sha256) {
      summary.unchanged = true;
      summary.count = records.size();
      return summary;
    }
    Result<Stmt> r =
        impl.Prepare("SELECT number, country, type FROM lost_documents WHERE source = ?");
    if (!r.ok()) return r.status();
    BindText(*r, 1, source);
    for (;;) {
      Result<bool> more = impl.Step(*r, "reading lost documents");
      if (!more.ok()) return more.status();
      if (!*more) break;
      before.emplace(std::string(ColumnText(r->get(), 0)), std::string(ColumnText(r->get(), 1)),
                     std::string(ColumnText(r->get(), 2)));
    }
  }
  {
    Result<Stmt> d = impl.Prepare("DELETE FROM lost_documents WHERE source = ?");
    if (!d.ok()) return d.status();
    BindText(*d, 1, source);
    HUDUD_RETURN_IF_ERROR(impl.Run(*d, "removing the previous documents of " + source));
    Result<Stmt> u = impl.Prepare(
        "INSERT INTO document_sources (source, sha256, imported_at, imported_by, count) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET sha256 = excluded.sha256, "
        "imported_at = excluded.imported_at, imported_by = excluded.imported_by, "
        "count = excluded.count");
    if (!u.ok()) return u.status();
    const std::string now = UtcNowIso8601();
    BindText(*u, 1, source);
    BindText(*u, 2, sha256);
    BindText(*u, 3, now);
    BindText(*u, 4, actor);
    sqlite3_bind_int64(u->get(), 5, static_cast<int64_t>(records.size()));
    HUDUD_RETURN_IF_ERROR(impl.Run(*u, "recording document source " + source));
  }
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO lost_documents (source, number, country, type, status, reported_on, "
      "reference, raw_number, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  std::set<Key> after;
  for (const LostDocument& d : records) {
    BindText(*ins, 1, source);
    BindText(*ins, 2, d.number);
    BindText(*ins, 3, d.country);
    BindText(*ins, 4, d.type);
    BindText(*ins, 5, d.status);
    BindText(*ins, 6, d.reported_on);
    BindText(*ins, 7, d.reference);
    BindText(*ins, 8, d.raw_number);
    sqlite3_bind_int(ins->get(), 9, d.line);
    HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "storing lost document " + d.raw_number));
    after.emplace(d.number, d.country, d.type);
  }
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  summary.count = records.size();
  for (const Key& k : after) summary.added += before.count(k) == 0;
  for (const Key& k : before) summary.removed += after.count(k) == 0;
  return summary;
}

Result<std::vector<LostDocument>> LoadLostDocuments(Store& store) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT number, country, type, status, reported_on, reference, raw_number, source, line "
      "FROM lost_documents ORDER BY source, line");
  if (!q.ok()) return q.status();
  std::vector<LostDocument> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading lost documents");
    if (!row.ok()) return row.status();
    if (!*row) break;
    sqlite3_stmt* s = q->get();
    LostDocument d;
    d.number = ColumnText(s, 0);
    d.country = ColumnText(s, 1);
    d.type = ColumnText(s, 2);
    d.status = ColumnText(s, 3);
    d.reported_on = ColumnText(s, 4);
    d.reference = ColumnText(s, 5);
    d.raw_number = ColumnText(s, 6);
    d.source = ColumnText(s, 7);
    d.line = sqlite3_column_int(s, 8);
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<DocumentSource>> DocumentSources(Store& store) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT source, sha256, imported_at, imported_by, count FROM document_sources "
      "ORDER BY source");
  if (!q.ok()) return q.status();
  std::vector<DocumentSource> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading document sources");
    if (!row.ok()) return row.status();
    if (!*row) break;
    sqlite3_stmt* s = q->get();
    out.push_back(DocumentSource{std::string(ColumnText(s, 0)), std::string(ColumnText(s, 1)),
                                 std::string(ColumnText(s, 2)), std::string(ColumnText(s, 3)),
                                 static_cast<size_t>(sqlite3_column_int64(s, 4))});
  }
  return out;
}

}  // namespace hudud::store
