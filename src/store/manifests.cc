// Received passenger messages (store/manifests.h) in SQLite.
#include "store/manifests.h"

#include "store/db.h"

namespace hudud::store {

Result<int64_t> SaveManifest(Store& store, const StoredManifest& m) {
  if (m.sha256.empty()) return Status::InvalidArgument("manifest without a sha256");
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<Stmt> q = impl.Prepare("SELECT id FROM manifests WHERE sha256 = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, m.sha256);
  Result<bool> row = impl.Step(*q, "looking up a manifest");
  if (!row.ok()) return row.status();
  if (*row) return static_cast<int64_t>(sqlite3_column_int64(q->get(), 0));
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO manifests (format, flight, departure, travellers, sha256, received_at, "
      "received_by, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  const std::string at = m.received_at.empty() ? UtcNowIso8601() : m.received_at;
  BindText(*ins, 1, m.format);
  BindText(*ins, 2, m.flight);
  BindText(*ins, 3, m.departure);
  sqlite3_bind_int(ins->get(), 4, m.travellers);
  BindText(*ins, 5, m.sha256);
  BindText(*ins, 6, at);
  BindText(*ins, 7, m.received_by);
  sqlite3_bind_blob64(ins->get(), 8, m.raw.data(), m.raw.size(), SQLITE_STATIC);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "storing a manifest"));
  const int64_t id = sqlite3_last_insert_rowid(impl.db);
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Result<std::vector<StoredManifest>> LoadManifests(Store& store, const std::string& from,
                                                  const std::string& to, bool with_raw) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(
      std::string("SELECT id, format, flight, departure, travellers, sha256, received_at, "
                  "received_by, depersonalised_at, ") +
      (with_raw ? "raw" : "''") +
      " FROM manifests WHERE (?1 = '' OR departure >= ?1) AND (?2 = '' OR departure <= ?2) "
      "ORDER BY departure, id");
  if (!q.ok()) return q.status();
  BindText(*q, 1, from);
  BindText(*q, 2, to);
  std::vector<StoredManifest> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading manifests");
    if (!row.ok()) return row.status();
    if (!*row) break;
    sqlite3_stmt* s = q->get();
    StoredManifest m;
    m.id = sqlite3_column_int64(s, 0);
    m.format = ColumnText(s, 1);
    m.flight = ColumnText(s, 2);
    m.departure = ColumnText(s, 3);
    m.travellers = sqlite3_column_int(s, 4);
    m.sha256 = ColumnText(s, 5);
    m.received_at = ColumnText(s, 6);
    m.received_by = ColumnText(s, 7);
    m.depersonalised_at = ColumnText(s, 8);
    if (with_raw) {
      const void* blob = sqlite3_column_blob(s, 9);
      const int n = sqlite3_column_bytes(s, 9);
      if (blob != nullptr) m.raw.assign(static_cast<const char*>(blob), static_cast<size_t>(n));
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace hudud::store
