// Opening the database and building the in-memory screening index from the
// active list versions, as every screening subcommand does at start.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "lists/list_file.h"
#include "match/screener.h"
#include "store/store.h"

namespace hudud::cli {

struct Engine {
  std::unique_ptr<match::Screener> screener;
  std::vector<store::ListVersion> active_versions;  // what the index was built from
  double load_ms = 0;                               // reading entities + building the index
};

// Opens the database at `db_path` and builds a Screener over its active
// entities. A database that does not exist, or holds no active list, is an
// error: screening against an empty list would report everyone clear.
Result<Engine> LoadEngine(const std::string& db_path);

// Reads the list file `path` as `format`, hashes its bytes (with the other
// files it was read with) and imports it into `store`. `progress` (may be
// null) is called as entities are stored.
Result<store::ImportSummary> ImportListFile(store::Store& store, const std::string& path,
                                            const std::string& format,
                                            const lists::ReadOptions& options = {},
                                            const store::ImportProgress& progress = nullptr);
// The same, opening (or creating) the database at `db_path`.
Result<store::ImportSummary> ImportListFile(const std::string& db_path, const std::string& path,
                                            const std::string& format);

// "un-consolidated.xml: list 'un' version 3, 1003 entities, ..." summary lines
// as `hudud lists import` and `hudud demo` print them.
std::string FormatImportSummary(const store::ImportSummary& summary, const std::string& path);

}  // namespace hudud::cli
