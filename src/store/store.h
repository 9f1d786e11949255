// Persistence of lists, their versions and entities in an embedded SQLite
// database. The engine never sees SQL: it gets entities from here.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "lists/list_file.h"
#include "model/entity.h"

namespace hudud::store {

struct ListVersion {
  int64_t id = 0;
  std::string list_id;
  std::string format;
  std::string source;        // the file imported
  std::string sha256;        // hex digest of the file's bytes
  std::string generated_at;  // as the file states it
  std::string imported_at;   // UTC ISO 8601
  int64_t entities = 0, names = 0, documents = 0;
  bool active = false;
};

struct ImportSummary {
  ListVersion version;           // the active version after the import
  bool unchanged = false;        // the same file (same hash) was already the active version
  int64_t previous_version = 0;  // the version active before, 0 when none
  int64_t added = 0, changed = 0, removed = 0;  // entities, against the previous active version
  // Names and documents of added, removed and changed entities that appear
  // or disappear (a changed entity's unchanged names count in neither).
  int64_t names_added = 0, names_removed = 0, documents_added = 0, documents_removed = 0;
  std::vector<std::string> added_ids, changed_ids, removed_ids;  // entity ids, file order
};

// How one entity differs between two versions: the entity-model fields
// ("names", "dates_of_birth", "documents", ...) whose values differ.
struct EntityChange {
  std::string id;
  std::vector<std::string> fields;
};

struct ListDiff {
  std::string list_id;
  int64_t from = 0, to = 0;  // version ids
  std::vector<std::string> added, removed;
  std::vector<EntityChange> changed;
};

// A list with its active version (show).
struct ListInfo {
  std::string list_id;
  ListVersion active;  // id 0 when the list has no active version
  int64_t versions = 0;
};

// Called during long imports with the entities stored so far and the total.
using ImportProgress = std::function<void(int64_t done, int64_t total)>;

// One open database. Not thread-safe: use one Store per thread.
class Store {
 public:
  // Opens or creates the database at `path` and brings its schema up to date.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores `list` as a new version of list.list_id and makes it active, in
  // one transaction: on any error nothing changes and the previous version
  // stays active. Importing bytes whose sha256 equals the active version's
  // changes nothing and returns unchanged = true.
  Result<ImportSummary> ImportList(const lists::ParsedList& list, const std::string& source,
                                   const std::string& sha256,
                                   const ImportProgress& progress = nullptr);

  // Every entity of every list's active version, in a stable order.
  Result<std::vector<model::Entity>> LoadActiveEntities();

  // All versions of all lists, newest first.
  Result<std::vector<ListVersion>> ListVersions();

  // The entities of one version, in file order. NotFound for an unknown version.
  Result<std::vector<model::Entity>> LoadVersionEntities(int64_t version_id);

  // Every entity of every list's active version, except that the lists
  // named in `versions` use the version given there (0 = as if the list
  // were absent). For comparing what screening saw before a change.
  Result<std::vector<model::Entity>> LoadEntitiesAt(const std::map<std::string, int64_t>& versions);

  // Every list with its active version and how many versions it has.
  Result<std::vector<ListInfo>> Lists();

  // What changed in `list_id` from version `from` to `to` (ids of that
  // list's versions; 0 = the defaults: `to` the active version, `from` the
  // version before `to`). InvalidArgument naming the problem for an unknown
  // list, a version of another list, or a list with a single version and no `from`.
  Result<ListDiff> Diff(const std::string& list_id, int64_t from = 0, int64_t to = 0);

  // The connection behind this Store, for the other files of store/ (db.h).
  struct Impl;
  Impl* impl() { return impl_.get(); }

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Hex SHA-256 of a byte string.
std::string Sha256Hex(std::string_view bytes);

}  // namespace hudud::store
