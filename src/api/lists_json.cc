// List imports, versions and differences as JSON; list export (api/lists_json.h).
#include "api/lists_json.h"

#include <fmt/core.h>

#include <utility>
#include <vector>

#include "lists/export.h"

namespace hudud::api {

Json ImportSummaryJson(const store::ImportSummary& summary) {
  const store::ListVersion& v = summary.version;
  return Json{{"list", v.list_id},
              {"version", v.id},
              {"previous_version", summary.previous_version},
              {"format", v.format},
              {"generated_at", v.generated_at},
              {"sha256", v.sha256},
              {"entities", v.entities},
              {"names", v.names},
              {"documents", v.documents},
              {"unchanged", summary.unchanged},
              {"added", summary.added},
              {"changed", summary.changed},
              {"removed", summary.removed},
              {"names_added", summary.names_added},
              {"names_removed", summary.names_removed},
              {"documents_added", summary.documents_added},
              {"documents_removed", summary.documents_removed}};
}

Json RescreenJson(const monitor::RescreenReport& r) {
  return Json{{"mode", r.mode},
              {"subjects", r.subjects},
              {"entities", r.entities},
              {"subjects_screened_in_full", r.subjects_full},
              {"hits", r.hits},
              {"alerts_raised", r.alerts_raised},
              {"alerts_closed", r.alerts_closed},
              {"seconds", r.seconds}};
}

Json DiffJson(const store::ListDiff& diff) {
  Json changed = Json::array();
  for (const store::EntityChange& c : diff.changed) {
    changed.push_back({{"id", c.id}, {"fields", c.fields}});
  }
  return Json{{"list", diff.list_id}, {"from", diff.from},       {"to", diff.to},
              {"added", diff.added},  {"removed", diff.removed}, {"changed", std::move(changed)}};
}

Json ListVersionJson(const store::ListVersion& v) {
  return Json{{"version", v.id},
              {"format", v.format},
              {"source", v.source},
              {"sha256", v.sha256},
              {"generated_at", v.generated_at},
              {"imported_at", v.imported_at},
              {"entities", v.entities},
              {"names", v.names},
              {"documents", v.documents},
              {"active", v.active}};
}

Result<std::string> ExportListVersion(store::Store& store, const std::string& list_id,
                                      int64_t version, const std::string& format) {
  if (format != "ftm-json" && format != "xml" && format != "csv") {
    return Status::InvalidArgument("unknown export format \"" + format +
                                   "\" (expected ftm-json, xml or csv)");
  }
  Result<std::vector<store::ListInfo>> lists = store.Lists();
  if (!lists.ok()) return lists.status();
  const store::ListInfo* info = nullptr;
  for (const store::ListInfo& l : *lists) {
    if (l.list_id == list_id) info = &l;
  }
  if (info == nullptr) return Status::InvalidArgument("unknown list \"" + list_id + "\"");
  if (version == 0) version = info->active.id;
  Result<std::vector<store::ListVersion>> versions = store.ListVersions();
  if (!versions.ok()) return versions.status();
  const store::ListVersion* v = nullptr;
  for (const store::ListVersion& x : *versions) {
    if (x.id == version && x.list_id == list_id) v = &x;
  }
  if (v == nullptr) {
    return Status::InvalidArgument(
        fmt::format("version {} is not a version of list {}", version, list_id));
  }
  Result<std::vector<model::Entity>> entities = store.LoadVersionEntities(version);
  if (!entities.ok()) return entities.status();
  if (format == "ftm-json") return lists::WriteFtmJson(*entities);
  if (format == "csv") return lists::WriteListCsv(*entities);
  lists::ParsedList list;
  list.list_id = list_id;
  list.format = v->format;
  list.generated_at = v->generated_at.empty() ? v->imported_at : v->generated_at;
  list.entities = std::move(*entities);
  return lists::WriteListXml(list);
}

}  // namespace hudud::api
