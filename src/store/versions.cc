// Reading list versions back: one version's entities, the entities screening
// saw at another moment, the lists with their active versions, and the
// field-level difference between two versions (see store.h).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "store/db.h"
#include "store/entity_json.h"
#include "store/store.h"

namespace hudud::store {
namespace {

// Appends the entities of `version_id` in file order.
Status AppendVersion(Store::Impl& impl, int64_t version_id, std::vector<model::Entity>* out) {
  Result<Stmt> q = impl.Prepare("SELECT json FROM entities WHERE version_id = ? ORDER BY id");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, version_id);
  while (true) {
    Result<bool> row = impl.Step(*q, "loading entities");
    if (!row.ok()) return row.status();
    if (!*row) break;
    Result<model::Entity> e = EntityFromJson(ColumnText(q->get(), 0));
    if (!e.ok()) {
      return Status::Corruption(impl.path + ", list version " + std::to_string(version_id) + ": " +
                                e.status().message());
    }
    out->push_back(std::move(*e));
  }
  return Status::Ok();
}

// entity id -> stored JSON for one version.
Result<std::unordered_map<std::string, std::string>> VersionJson(Store::Impl& impl,
                                                                 int64_t version_id,
                                                                 std::vector<std::string>* order) {
  Result<Stmt> q =
      impl.Prepare("SELECT entity_id, json FROM entities WHERE version_id = ? ORDER BY id");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, version_id);
  std::unordered_map<std::string, std::string> out;
  while (true) {
    Result<bool> row = impl.Step(*q, "reading a list version");
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string id(ColumnText(q->get(), 0));
    if (order) order->push_back(id);
    out.emplace(std::move(id), std::string(ColumnText(q->get(), 1)));
  }
  return out;
}

// The top-level fields whose values differ between two stored entities.
// The stored JSON omits empty fields, so a field present on one side only
// changed too.
Result<std::vector<std::string>> ChangedFields(const std::string& a, const std::string& b) {
  nlohmann::json ja = nlohmann::json::parse(a, nullptr, false);
  nlohmann::json jb = nlohmann::json::parse(b, nullptr, false);
  if (ja.is_discarded() || jb.is_discarded() || !ja.is_object() || !jb.is_object()) {
    return Status::Corruption("stored entity is not a JSON object");
  }
  std::set<std::string> keys;
  for (auto it = ja.begin(); it != ja.end(); ++it) keys.insert(it.key());
  for (auto it = jb.begin(); it != jb.end(); ++it) keys.insert(it.key());
  std::vector<std::string> out;
  for (const std::string& k : keys) {
    auto x = ja.find(k);
    auto y = jb.find(k);
    if (x == ja.end() || y == jb.end() || *x != *y) out.push_back(k);
  }
  return out;
}

}  // namespace

Result<std::vector<model::Entity>> Store::LoadVersionEntities(int64_t version_id) {
  Impl& impl = *impl_;
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/false));
  Result<ListVersion> v = impl.ReadVersion(version_id);
  if (!v.ok()) return Status::NotFound("list version " + std::to_string(version_id) + " not found");
  std::vector<model::Entity> out;
  out.reserve(static_cast<size_t>(v->entities));
  HUDUD_RETURN_IF_ERROR(AppendVersion(impl, version_id, &out));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<model::Entity>> Store::LoadEntitiesAt(
    const std::map<std::string, int64_t>& versions) {
  Impl& impl = *impl_;
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/false));
  std::vector<std::pair<std::string, int64_t>> chosen;
  {
    Result<Stmt> q =
        impl.Prepare("SELECT list_id, coalesce(active_version, 0) FROM lists ORDER BY list_id");
    if (!q.ok()) return q.status();
    while (true) {
      Result<bool> row = impl.Step(*q, "reading the lists");
      if (!row.ok()) return row.status();
      if (!*row) break;
      std::string list(ColumnText(q->get(), 0));
      int64_t v = sqlite3_column_int64(q->get(), 1);
      auto it = versions.find(list);
      if (it != versions.end()) v = it->second;
      if (v != 0) chosen.emplace_back(list, v);
    }
  }
  std::vector<model::Entity> out;
  size_t total = 0;
  for (const auto& [list, v] : chosen) {
    Result<ListVersion> version = impl.ReadVersion(v);
    if (!version.ok()) return version.status();
    total += static_cast<size_t>(version->entities);
  }
  out.reserve(total);
  for (const auto& [list, v] : chosen) HUDUD_RETURN_IF_ERROR(AppendVersion(impl, v, &out));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<ListInfo>> Store::Lists() {
  Impl& impl = *impl_;
  Result<Stmt> q = impl.Prepare(
      "SELECT l.list_id, coalesce(l.active_version, 0), "
      "(SELECT count(*) FROM list_versions v WHERE v.list_id = l.list_id) "
      "FROM lists l ORDER BY l.list_id");
  if (!q.ok()) return q.status();
  std::vector<ListInfo> out;
  while (true) {
    Result<bool> row = impl.Step(*q, "listing lists");
    if (!row.ok()) return row.status();
    if (!*row) break;
    ListInfo info;
    info.list_id = ColumnText(q->get(), 0);
    info.active.id = sqlite3_column_int64(q->get(), 1);
    info.versions = sqlite3_column_int64(q->get(), 2);
    out.push_back(std::move(info));
  }
  for (ListInfo& info : out) {
    if (info.active.id == 0) continue;
    Result<ListVersion> v = impl.ReadVersion(info.active.id);
    if (!v.ok()) return v.status();
    info.active = std::move(*v);
  }
  return out;
}

Result<ListDiff> Store::Diff(const std::string& list_id, int64_t from, int64_t to) {
  Impl& impl = *impl_;
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/false));
  // The list's versions, oldest first, and the active one.
  std::vector<int64_t> ids;
  int64_t active = 0;
  {
    Result<Stmt> q = impl.Prepare(
        "SELECT v.id, coalesce(l.active_version, 0) FROM list_versions v "
        "JOIN lists l ON l.list_id = v.list_id WHERE v.list_id = ? ORDER BY v.id");
    if (!q.ok()) return q.status();
    BindText(*q, 1, list_id);
    while (true) {
      Result<bool> row = impl.Step(*q, "reading the versions of " + list_id);
      if (!row.ok()) return row.status();
      if (!*row) break;
      ids.push_back(sqlite3_column_int64(q->get(), 0));
      active = sqlite3_column_int64(q->get(), 1);
    }
  }
  if (ids.empty()) return Status::InvalidArgument("unknown list \"" + list_id + "\"");
  auto known = [&ids](int64_t v) { return std::find(ids.begin(), ids.end(), v) != ids.end(); };
  if (to == 0) to = active != 0 ? active : ids.back();
  if (!known(to)) {
    return Status::InvalidArgument("version " + std::to_string(to) + " is not a version of list " +
                                   list_id);
  }
  if (from == 0) {
    auto it = std::find(ids.begin(), ids.end(), to);
    if (it == ids.begin()) {
      return Status::InvalidArgument("list " + list_id + " has no version before " +
                                     std::to_string(to) + " (give --from)");
    }
    from = *(it - 1);
  }
  if (!known(from)) {
    return Status::InvalidArgument("version " + std::to_string(from) +
                                   " is not a version of list " + list_id);
  }

  ListDiff diff;
  diff.list_id = list_id;
  diff.from = from;
  diff.to = to;
  std::vector<std::string> from_order, to_order;
  Result<std::unordered_map<std::string, std::string>> a = VersionJson(impl, from, &from_order);
  if (!a.ok()) return a.status();
  Result<std::unordered_map<std::string, std::string>> b = VersionJson(impl, to, &to_order);
  if (!b.ok()) return b.status();
  for (const std::string& id : to_order) {
    auto it = a->find(id);
    if (it == a->end()) {
      diff.added.push_back(id);
    } else if (it->second != b->at(id)) {
      Result<std::vector<std::string>> fields = ChangedFields(it->second, b->at(id));
      if (!fields.ok())
        return Status::Corruption(impl.path + ", entity " + id + ": " + fields.status().message());
      diff.changed.push_back({id, std::move(*fields)});
    }
  }
  for (const std::string& id : from_order) {
    if (b->find(id) == b->end()) diff.removed.push_back(id);
  }
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return diff;
}

}  // namespace hudud::store
