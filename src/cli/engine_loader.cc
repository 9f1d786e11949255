// Store -> entities -> Screener, and list import with hashing.
#include "cli/engine_loader.h"

#include <fmt/core.h>

#include <chrono>
#include <filesystem>
#include <system_error>
#include <utility>

#include "cli/cli_util.h"

namespace hudud::cli {

Result<Engine> LoadEngine(const std::string& db_path) {
  // Store::Open would create an empty database and every query would then
  // come back clear; refusing is the safe answer for a screening tool.
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) {
    return Status::NotFound(fmt::format(
        "database '{}' does not exist; import a list first: hudud lists import FILE --db {}",
        db_path, db_path));
  }
  auto started = std::chrono::steady_clock::now();
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(db_path);
  if (!store.ok()) return store.status();

  Result<std::vector<store::ListVersion>> versions = (*store)->ListVersions();
  if (!versions.ok()) return versions.status();
  Engine engine;
  for (store::ListVersion& v : *versions) {
    if (v.active) engine.active_versions.push_back(std::move(v));
  }

  Result<std::vector<model::Entity>> entities = (*store)->LoadActiveEntities();
  if (!entities.ok()) return entities.status();
  if (entities->empty()) {
    return Status::NotFound(fmt::format(
        "database '{}' holds no active list; import one first: hudud lists import FILE --db {}",
        db_path, db_path));
  }
  Result<std::unique_ptr<match::Screener>> screener = match::Screener::Build(std::move(*entities));
  if (!screener.ok()) return screener.status();
  engine.screener = std::move(*screener);
  engine.load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return engine;
}

Result<store::ImportSummary> ImportListFile(store::Store& store, const std::string& path,
                                            const std::string& format,
                                            const lists::ReadOptions& options,
                                            const store::ImportProgress& progress) {
  Result<lists::ParsedList> parsed = lists::ReadListFile(path, format, options);
  if (!parsed.ok()) return parsed.status();
  // The hash identifies the exact bytes imported, so re-importing the same
  // file is recognised as "unchanged". A list read from several files (the
  // OFAC CSV set, a table and its mapping) hashes the files' hashes.
  std::string sha256;
  for (const std::string& file : parsed->files) {
    std::string bytes;
    HUDUD_RETURN_IF_ERROR(ReadAll(file, &bytes));
    std::string h = store::Sha256Hex(bytes);
    sha256 = parsed->files.size() == 1 ? h : sha256 + h;
  }
  if (parsed->files.size() > 1) sha256 = store::Sha256Hex(sha256);
  return store.ImportList(*parsed, path, sha256, progress);
}

Result<store::ImportSummary> ImportListFile(const std::string& db_path, const std::string& path,
                                            const std::string& format) {
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(db_path);
  if (!store.ok()) return store.status();
  return ImportListFile(**store, path, format);
}

std::string FormatImportSummary(const store::ImportSummary& summary, const std::string& path) {
  const store::ListVersion& v = summary.version;
  std::string out;
  if (summary.unchanged) {
    out += fmt::format("{}: unchanged: list '{}' version {} is already this file (sha256 {})\n",
                       path, v.list_id, v.id, v.sha256.substr(0, 16));
  } else {
    out +=
        fmt::format("{}: imported list '{}' as version {} (format {}, generated {})\n", path,
                    v.list_id, v.id, v.format, v.generated_at.empty() ? "unknown" : v.generated_at);
  }
  out += fmt::format("  {} entities, {} names, {} documents\n", v.entities, v.names, v.documents);
  if (!summary.unchanged) {
    out += fmt::format("  entities: {} added, {} changed, {} removed\n", summary.added,
                       summary.changed, summary.removed);
    out += fmt::format("  names: {} added, {} removed; documents: {} added, {} removed\n",
                       summary.names_added, summary.names_removed, summary.documents_added,
                       summary.documents_removed);
  }
  return out;
}

}  // namespace hudud::cli
