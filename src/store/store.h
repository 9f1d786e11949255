// Persistence of lists, their versions and entities in an embedded SQLite
// database. The engine never sees SQL: it gets entities from here.
#pragma once

#include <cstdint>
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
  ListVersion version;     // the active version after the import
  bool unchanged = false;  // the same file (same hash) was already the active version
  int64_t added = 0, changed = 0, removed = 0;  // entities, against the previous active version
};

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
                                   const std::string& sha256);

  // Every entity of every list's active version, in a stable order.
  Result<std::vector<model::Entity>> LoadActiveEntities();

  // All versions of all lists, newest first.
  Result<std::vector<ListVersion>> ListVersions();

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
