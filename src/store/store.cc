// The SQLite-backed Store: schema migrations, versioned list imports and
// loading the active entities (see store.h).
//
// Layout: every import is a new row in list_versions holding the file's
// full entity set (entities, names), so any two versions can be compared
// later; lists.active_version points at the one the engine screens against.
#include "store/store.h"

#include <sodium.h>
#include <sqlite3.h>

#include <array>
#include <cstring>
#include <ctime>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "store/db.h"
#include "store/entity_json.h"

namespace hudud::store {
namespace {

constexpr size_t kContentHashBytes = 16;  // BLAKE2b-128: change detection, not security
using ContentHash = std::array<unsigned char, kContentHashBytes>;

void InitSodium() {
  // sodium_init picks the fastest implementations; idempotent and
  // thread-safe, but cheaper to call once.
  static const int kInit = sodium_init();
  (void)kInit;
}

ContentHash HashOf(std::string_view bytes) {
  InitSodium();
  ContentHash h;
  crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size(), nullptr, 0);
  return h;
}

}  // namespace

std::string UtcNowIso8601() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf, n);
}

namespace {

// The schema version, or -1 when the database has no schema_version table.
Result<int> SchemaVersion(Store::Impl& impl) {
  Result<Stmt> has = impl.Prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
  if (!has.ok()) return has.status();
  Result<bool> row = impl.Step(*has, "reading the schema");
  if (!row.ok()) return row.status();
  if (sqlite3_column_int(has->get(), 0) == 0) return -1;

  Result<Stmt> get = impl.Prepare("SELECT max(version) FROM schema_version");
  if (!get.ok()) return get.status();
  row = impl.Step(*get, "reading the schema version");
  if (!row.ok()) return row.status();
  return sqlite3_column_int(get->get(), 0);
}

}  // namespace

Status Store::Impl::Migrate() {
  Result<int> version = SchemaVersion(*this);
  if (!version.ok()) return version.status();
  if (*version == LatestSchema()) return Status::Ok();  // the common case: no write lock taken

  Transaction tx(this);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  // Read again under the lock: another process may have migrated meanwhile.
  version = SchemaVersion(*this);
  if (!version.ok()) return version.status();
  if (*version > LatestSchema()) {
    return Status::Unsupported(path + ": database schema version " + std::to_string(*version) +
                               " is newer than this hudud supports (" +
                               std::to_string(LatestSchema()) + "); use a newer hudud");
  }
  if (*version < 0) {
    // No schema_version: only an empty database may become ours; anything
    // else is some other program's data that we must not touch.
    Result<Stmt> tables =
        Prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
    if (!tables.ok()) return tables.status();
    Result<bool> row = Step(*tables, "reading the schema");
    if (!row.ok()) return row.status();
    if (sqlite3_column_int(tables->get(), 0) != 0) {
      return Status::InvalidArgument(
          path + ": not a hudud database (it has tables but no schema_version)");
    }
    HUDUD_RETURN_IF_ERROR(Exec("CREATE TABLE schema_version (version INTEGER NOT NULL)"));
    HUDUD_RETURN_IF_ERROR(Exec("INSERT INTO schema_version (version) VALUES (0)"));
    version = 0;
  }
  for (int v = *version; v < LatestSchema(); ++v) {
    if (sqlite3_exec(db, Migration(v), nullptr, nullptr, nullptr) != SQLITE_OK) {
      return Error("applying schema migration " + std::to_string(v + 1));
    }
  }
  Result<Stmt> set = Prepare("UPDATE schema_version SET version = ?");
  if (!set.ok()) return set.status();
  sqlite3_bind_int(set->get(), 1, LatestSchema());
  HUDUD_RETURN_IF_ERROR(Run(*set, "recording the schema version"));
  return tx.Commit();
}

namespace {

constexpr const char* kVersionColumns =
    "v.id, v.list_id, v.format, v.source, v.sha256, v.generated_at, v.imported_at, "
    "v.entities, v.names, v.documents, (l.active_version = v.id) ";

ListVersion VersionFromRow(sqlite3_stmt* s) {
  ListVersion v;
  v.id = sqlite3_column_int64(s, 0);
  v.list_id = ColumnText(s, 1);
  v.format = ColumnText(s, 2);
  v.source = ColumnText(s, 3);
  v.sha256 = ColumnText(s, 4);
  v.generated_at = ColumnText(s, 5);
  v.imported_at = ColumnText(s, 6);
  v.entities = sqlite3_column_int64(s, 7);
  v.names = sqlite3_column_int64(s, 8);
  v.documents = sqlite3_column_int64(s, 9);
  v.active = sqlite3_column_int(s, 10) != 0;
  return v;
}

}  // namespace

Result<ListVersion> Store::Impl::ReadVersion(int64_t version_id) {
  Result<Stmt> q = Prepare(std::string("SELECT ") + kVersionColumns +
                           "FROM list_versions v LEFT JOIN lists l ON l.list_id = v.list_id "
                           "WHERE v.id = ?");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, version_id);
  Result<bool> row = Step(*q, "reading list version");
  if (!row.ok()) return row.status();
  if (!*row)
    return Status::Internal(path + ": list version " + std::to_string(version_id) + " vanished");
  return VersionFromRow(q->get());
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  // NOMUTEX: a Store is single-threaded by contract.
  int rc =
      sqlite3_open_v2(path.c_str(), &impl->db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) return impl->Error("cannot open database");
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, 5000);

  // The first statement reads the file header: this is where a file that
  // is not a database is found out ("file is not a database").
  if (sqlite3_exec(impl->db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return impl->Error("cannot open database");
  }
  // NORMAL is durable enough in WAL mode (a power cut may lose the last
  // commit, never corrupt) and much faster for big imports.
  HUDUD_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys = ON"));
  HUDUD_RETURN_IF_ERROR(impl->Exec("PRAGMA synchronous = NORMAL"));
  // The default 2 MB page cache thrashes once the entity_id index of a big
  // list outgrows it; 64 MB is an upper bound, allocated only as used.
  HUDUD_RETURN_IF_ERROR(impl->Exec("PRAGMA cache_size = -65536"));
  HUDUD_RETURN_IF_ERROR(impl->Migrate());
  HUDUD_RETURN_IF_ERROR(RegisterCaseFunctions(*impl));
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<ImportSummary> Store::ImportList(const lists::ParsedList& list, const std::string& source,
                                        const std::string& sha256, const ImportProgress& progress) {
  Impl& impl = *impl_;
  if (list.list_id.empty()) return Status::InvalidArgument("import: the list has no list id");
  if (sha256.empty()) {
    return Status::InvalidArgument("import of list " + list.list_id + ": empty sha256");
  }
  // Checked before any write so the error names the culprit; the UNIQUE
  // constraint would only say "UNIQUE constraint failed".
  {
    std::unordered_set<std::string_view> seen;
    seen.reserve(list.entities.size());
    for (const model::Entity& e : list.entities) {
      if (e.id.empty()) {
        return Status::InvalidArgument("import of list " + list.list_id +
                                       ": an entity has no id (source id \"" + e.source_id + "\")");
      }
      if (!seen.insert(e.id).second) {
        return Status::InvalidArgument("import of list " + list.list_id +
                                       ": duplicate entity id \"" + e.id + "\"");
      }
    }
  }

  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));

  // The active version, if any.
  int64_t previous = 0;
  {
    Result<Stmt> q = impl.Prepare(
        "SELECT v.id, v.sha256 FROM lists l JOIN list_versions v ON v.id = l.active_version "
        "WHERE l.list_id = ?");
    if (!q.ok()) return q.status();
    BindText(*q, 1, list.list_id);
    Result<bool> row = impl.Step(*q, "reading the active version of " + list.list_id);
    if (!row.ok()) return row.status();
    if (*row) {
      previous = sqlite3_column_int64(q->get(), 0);
      if (ColumnText(q->get(), 1) == sha256) {
        ImportSummary summary;
        summary.unchanged = true;
        Result<ListVersion> v = impl.ReadVersion(previous);
        if (!v.ok()) return v.status();
        summary.version = std::move(*v);
        return summary;  // the transaction rolls back: nothing was written
      }
    }
  }

  // Content hashes of the previous version, to classify the new entities.
  std::unordered_map<std::string, ContentHash> before;
  if (previous != 0) {
    Result<Stmt> q =
        impl.Prepare("SELECT entity_id, content_hash FROM entities WHERE version_id = ?");
    if (!q.ok()) return q.status();
    sqlite3_bind_int64(q->get(), 1, previous);
    while (true) {
      Result<bool> row = impl.Step(*q, "reading the previous version of " + list.list_id);
      if (!row.ok()) return row.status();
      if (!*row) break;
      ContentHash h{};
      const void* blob = sqlite3_column_blob(q->get(), 1);
      if (blob != nullptr && sqlite3_column_bytes(q->get(), 1) == static_cast<int>(h.size())) {
        std::memcpy(h.data(), blob, h.size());
      }  // else: left zero, so the entity counts as changed, which is safe
      before.emplace(ColumnText(q->get(), 0), h);
    }
  }

  ImportSummary summary;
  summary.previous_version = previous;
  ListVersion& version = summary.version;
  version.list_id = list.list_id;
  version.format = list.format;
  version.source = source;
  version.sha256 = sha256;
  version.generated_at = list.generated_at;
  version.imported_at = UtcNowIso8601();
  version.entities = static_cast<int64_t>(list.entities.size());
  for (const model::Entity& e : list.entities) {
    version.names += static_cast<int64_t>(e.names.size());
    version.documents += static_cast<int64_t>(e.documents.size());
  }
  version.active = true;

  {
    Result<Stmt> q = impl.Prepare("INSERT OR IGNORE INTO lists (list_id) VALUES (?)");
    if (!q.ok()) return q.status();
    BindText(*q, 1, list.list_id);
    HUDUD_RETURN_IF_ERROR(impl.Run(*q, "registering list " + list.list_id));
  }
  {
    Result<Stmt> q = impl.Prepare(
        "INSERT INTO list_versions (list_id, format, source, sha256, generated_at, imported_at, "
        "entities, names, documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!q.ok()) return q.status();
    BindText(*q, 1, version.list_id);
    BindText(*q, 2, version.format);
    BindText(*q, 3, version.source);
    BindText(*q, 4, version.sha256);
    BindText(*q, 5, version.generated_at);
    BindText(*q, 6, version.imported_at);
    sqlite3_bind_int64(q->get(), 7, version.entities);
    sqlite3_bind_int64(q->get(), 8, version.names);
    sqlite3_bind_int64(q->get(), 9, version.documents);
    HUDUD_RETURN_IF_ERROR(impl.Run(*q, "adding a version of " + list.list_id));
    version.id = sqlite3_last_insert_rowid(impl.db);
  }

  if (!impl.insert_entity) {
    Result<Stmt> q = impl.Prepare(
        "INSERT INTO entities (version_id, entity_id, kind, json, content_hash) "
        "VALUES (?, ?, ?, ?, ?)",
        /*persistent=*/true);
    if (!q.ok()) return q.status();
    impl.insert_entity = std::move(*q);
  }
  if (!impl.insert_name) {
    Result<Stmt> q =
        impl.Prepare("INSERT INTO names (version_id, entity_id, name, kind) VALUES (?, ?, ?, ?)",
                     /*persistent=*/true);
    if (!q.ok()) return q.status();
    impl.insert_name = std::move(*q);
  }

  // The previous version's record of an entity, for counting the names
  // and documents a change adds or removes.
  Result<Stmt> old_json =
      impl.Prepare("SELECT json FROM entities WHERE version_id = ? AND entity_id = ?");
  if (!old_json.ok()) return old_json.status();
  auto load_old = [&](const std::string& id) -> Result<model::Entity> {
    sqlite3_reset(old_json->get());
    sqlite3_bind_int64(old_json->get(), 1, previous);
    BindText(*old_json, 2, id);
    Result<bool> row = impl.Step(*old_json, "reading entity " + id);
    if (!row.ok()) return row.status();
    if (!*row) return Status::Corruption(impl.path + ": entity " + id + " vanished");
    return EntityFromJson(ColumnText(old_json->get(), 0));
  };
  auto count_delta = [&summary](const model::Entity* before_e, const model::Entity* after_e) {
    std::unordered_multiset<std::string> names_before, docs_before;
    if (before_e) {
      for (const model::Name& n : before_e->names) names_before.insert(n.full);
      for (const model::Document& d : before_e->documents) docs_before.insert(d.number);
    }
    if (after_e) {
      for (const model::Name& n : after_e->names) {
        auto it = names_before.find(n.full);
        if (it == names_before.end()) {
          ++summary.names_added;
        } else {
          names_before.erase(it);
        }
      }
      for (const model::Document& d : after_e->documents) {
        auto it = docs_before.find(d.number);
        if (it == docs_before.end()) {
          ++summary.documents_added;
        } else {
          docs_before.erase(it);
        }
      }
    }
    summary.names_removed += static_cast<int64_t>(names_before.size());
    summary.documents_removed += static_cast<int64_t>(docs_before.size());
  };

  const int64_t total = static_cast<int64_t>(list.entities.size());
  int64_t done = 0;
  for (const model::Entity& e : list.entities) {
    const std::string json = EntityToJson(e);
    const ContentHash hash = HashOf(json);
    auto it = before.find(e.id);
    if (it == before.end()) {
      ++summary.added;
      summary.added_ids.push_back(e.id);
      count_delta(nullptr, &e);
    } else {
      if (it->second != hash) {
        ++summary.changed;
        summary.changed_ids.push_back(e.id);
        Result<model::Entity> old = load_old(e.id);
        if (!old.ok()) return old.status();
        count_delta(&*old, &e);
      }
      before.erase(it);
    }

    const Stmt& ins = impl.insert_entity;
    sqlite3_bind_int64(ins.get(), 1, version.id);
    BindText(ins, 2, e.id);
    BindText(ins, 3, EntityKindCode(e.kind));
    BindText(ins, 4, json);
    sqlite3_bind_blob(ins.get(), 5, hash.data(), static_cast<int>(hash.size()), SQLITE_STATIC);
    HUDUD_RETURN_IF_ERROR(impl.Run(ins, "storing entity " + e.id));

    for (const model::Name& n : e.names) {
      const Stmt& nq = impl.insert_name;
      sqlite3_bind_int64(nq.get(), 1, version.id);
      BindText(nq, 2, e.id);
      BindText(nq, 3, n.full);
      BindText(nq, 4, NameKindCode(n.kind));
      HUDUD_RETURN_IF_ERROR(impl.Run(nq, "storing a name of entity " + e.id));
    }
    if (progress && (++done % 4096 == 0 || done == total)) progress(done, total);
  }
  // Ids are unique on both sides, so what is left of `before` is gone.
  summary.removed = static_cast<int64_t>(before.size());
  {
    // In the previous version's file order, so the list reads naturally.
    Result<Stmt> q =
        impl.Prepare("SELECT entity_id, json FROM entities WHERE version_id = ? ORDER BY id");
    if (!q.ok()) return q.status();
    sqlite3_bind_int64(q->get(), 1, previous);
    size_t found = 0;
    while (found < before.size()) {
      Result<bool> row = impl.Step(*q, "reading the previous version of " + list.list_id);
      if (!row.ok()) return row.status();
      if (!*row) break;
      std::string id(ColumnText(q->get(), 0));
      if (before.count(id) == 0) continue;
      ++found;
      summary.removed_ids.push_back(id);
      Result<model::Entity> old = EntityFromJson(ColumnText(q->get(), 1));
      if (!old.ok()) return old.status();
      count_delta(&*old, nullptr);
    }
  }
  sqlite3_reset(old_json->get());

  {
    Result<Stmt> q = impl.Prepare("UPDATE lists SET active_version = ? WHERE list_id = ?");
    if (!q.ok()) return q.status();
    sqlite3_bind_int64(q->get(), 1, version.id);
    BindText(*q, 2, list.list_id);
    HUDUD_RETURN_IF_ERROR(impl.Run(*q, "activating the new version of " + list.list_id));
  }
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return summary;
}

Result<std::vector<model::Entity>> Store::LoadActiveEntities() { return LoadEntitiesAt({}); }

Result<std::vector<ListVersion>> Store::ListVersions() {
  Impl& impl = *impl_;
  Result<Stmt> q = impl.Prepare(std::string("SELECT ") + kVersionColumns +
                                "FROM list_versions v LEFT JOIN lists l ON l.list_id = v.list_id "
                                "ORDER BY v.id DESC");
  if (!q.ok()) return q.status();
  std::vector<ListVersion> out;
  while (true) {
    Result<bool> row = impl.Step(*q, "listing list versions");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(VersionFromRow(q->get()));
  }
  return out;
}

std::string Sha256Hex(std::string_view bytes) {
  InitSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, 2 * crypto_hash_sha256_BYTES);
}

}  // namespace hudud::store
