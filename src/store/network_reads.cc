// The store's reads for the network graph (store/network_reads.h).
#include "store/network_reads.h"

#include "store/db.h"

namespace hudud::store {
namespace {

// Every column AlertLink needs, and no subject data. A subject_json that is
// not JSON (empty, or masked whole) gives no traveller index.
constexpr const char* kLinkColumns =
    "id, entity_id, list_id, source, subject_id, manifest_id, "
    "CASE WHEN json_valid(subject_json) THEN json_extract(subject_json, '$.traveller') END, "
    "score, status, decision, outcome, raised_at, depersonalised_at";

AlertLink ReadLink(sqlite3_stmt* s) {
  AlertLink a;
  a.id = sqlite3_column_int64(s, 0);
  a.entity_id = ColumnText(s, 1);
  a.list_id = ColumnText(s, 2);
  a.source = ColumnText(s, 3);
  a.subject_id = ColumnText(s, 4);
  a.manifest_id = sqlite3_column_int64(s, 5);
  a.traveller = sqlite3_column_type(s, 6) == SQLITE_INTEGER ? sqlite3_column_int(s, 6) : -1;
  a.score = sqlite3_column_double(s, 7);
  a.status = ColumnText(s, 8);
  a.decision = ColumnText(s, 9);
  a.outcome = ColumnText(s, 10);
  a.raised_at = ColumnText(s, 11);
  a.depersonalised = !ColumnText(s, 12).empty();
  return a;
}

// Runs `sql` (kLinkColumns ... with one text or integer parameter and
// optionally a limit) and reads every row.
Result<std::vector<AlertLink>> Links(Store& store, const std::string& sql, const std::string* text,
                                     int64_t number, int64_t limit) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(sql);
  if (!q.ok()) return q.status();
  if (text != nullptr) {
    BindText(*q, 1, *text);
  } else {
    sqlite3_bind_int64(q->get(), 1, number);
  }
  if (limit > 0) sqlite3_bind_int64(q->get(), 2, limit);
  std::vector<AlertLink> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading alerts");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(ReadLink(q->get()));
  }
  return out;
}

}  // namespace

Result<std::vector<ManifestState>> ManifestStates(Store& store) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q =
      impl.Prepare("SELECT id, format, depersonalised_at <> '' FROM manifests ORDER BY id");
  if (!q.ok()) return q.status();
  std::vector<ManifestState> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading manifests");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({sqlite3_column_int64(q->get(), 0), std::string(ColumnText(q->get(), 1)),
                   sqlite3_column_int(q->get(), 2) != 0});
  }
  return out;
}

Result<std::string> ManifestsStamp(Store& store) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || "
      "(SELECT count(*) FROM manifests WHERE depersonalised_at <> '') || ':' || "
      "(SELECT coalesce(max(depersonalised_at), '') FROM manifests) FROM manifests");
  if (!q.ok()) return q.status();
  Result<bool> row = impl.Step(*q, "reading the manifests' fingerprint");
  if (!row.ok()) return row.status();
  return std::string(ColumnText(q->get(), 0));
}

Result<StoredManifest> LoadManifest(Store& store, int64_t id) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT id, format, flight, departure, travellers, sha256, received_at, received_by, "
      "depersonalised_at, raw FROM manifests WHERE id = ?");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  Result<bool> row = impl.Step(*q, "reading manifest " + std::to_string(id));
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no manifest " + std::to_string(id));
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
  const void* blob = sqlite3_column_blob(s, 9);
  const int n = sqlite3_column_bytes(s, 9);
  if (blob != nullptr) m.raw.assign(static_cast<const char*>(blob), static_cast<size_t>(n));
  return m;
}

Result<std::optional<AlertLink>> AlertLinkById(Store& store, int64_t id) {
  Result<std::vector<AlertLink>> found = Links(
      store, std::string("SELECT ") + kLinkColumns + " FROM alerts WHERE id = ?1", nullptr, id, 0);
  if (!found.ok()) return found.status();
  if (found->empty()) return std::optional<AlertLink>();
  return std::optional<AlertLink>(std::move(found->front()));
}

Result<std::vector<AlertLink>> AlertLinksOfManifest(Store& store, int64_t manifest_id) {
  return Links(store,
               std::string("SELECT ") + kLinkColumns +
                   " FROM alerts WHERE manifest_id = ?1 AND manifest_id <> 0 ORDER BY id",
               nullptr, manifest_id, 0);
}

Result<std::vector<AlertLink>> AlertLinksOfEntity(Store& store, const std::string& entity_id,
                                                  int64_t limit) {
  return Links(store,
               std::string("SELECT ") + kLinkColumns +
                   " FROM alerts WHERE entity_id = ?1 ORDER BY id DESC LIMIT ?2",
               &entity_id, 0, limit);
}

Result<std::vector<AlertLink>> AlertLinksOfSubject(Store& store, const std::string& subject_id,
                                                   int64_t limit) {
  return Links(store,
               std::string("SELECT ") + kLinkColumns +
                   " FROM alerts WHERE subject_id = ?1 AND source = 'monitoring' "
                   "ORDER BY id DESC LIMIT ?2",
               &subject_id, 0, limit);
}

}  // namespace hudud::store
