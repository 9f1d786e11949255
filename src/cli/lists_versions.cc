// `hudud lists show`, `hudud lists diff` and `hudud lists export`: what the
// database holds, what changed between two versions of a list, and a list
// written out for partners (FtM JSON, UN-style XML, CSV).
#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>

#include "api/lists_json.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "store/store.h"

namespace hudud::cli {
namespace {

Result<std::unique_ptr<store::Store>> OpenExisting(const std::string& db) {
  // Reading commands must not create an empty database where none was.
  std::ifstream probe(db);
  if (!probe) return Status::NotFound(db + ": no database here (import a list first)");
  return store::Store::Open(db);
}

struct ShowOptions {
  std::string db;
  bool json = false;
};

int RunShow(const ShowOptions& opt) {
  Result<std::unique_ptr<store::Store>> store = OpenExisting(ResolveDbPath(opt.db));
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  Result<std::vector<store::ListInfo>> lists = (*store)->Lists();
  if (!lists.ok()) return Fail(kExitRuntime, lists.status().message());
  if (opt.json) {
    Json out = Json::array();
    for (const store::ListInfo& l : *lists) {
      const store::ListVersion& v = l.active;
      out.push_back({{"list", l.list_id},
                     {"versions", l.versions},
                     {"active_version", v.id},
                     {"format", v.format},
                     {"source", v.source},
                     {"sha256", v.sha256},
                     {"generated_at", v.generated_at},
                     {"imported_at", v.imported_at},
                     {"entities", v.entities},
                     {"names", v.names},
                     {"documents", v.documents}});
    }
    return WriteStdout(DumpJson(out) + "\n") ? kExitOk : kExitRuntime;
  }
  std::string text;
  if (lists->empty()) text = "no lists (import one with hudud lists import FILE)\n";
  for (const store::ListInfo& l : *lists) {
    const store::ListVersion& v = l.active;
    text += fmt::format(
        "{}: version {} of {} ({}, generated {}, imported {}): {} entities, {} names, {} "
        "documents\n",
        l.list_id, v.id, l.versions, v.format, v.generated_at.empty() ? "unknown" : v.generated_at,
        v.imported_at, v.entities, v.names, v.documents);
  }
  return WriteStdout(text) ? kExitOk : kExitRuntime;
}

struct DiffOptions {
  std::string list;
  int64_t from = 0, to = 0;
  std::string db;
  bool json = false;
};

int RunDiff(const DiffOptions& opt) {
  Result<std::unique_ptr<store::Store>> store = OpenExisting(ResolveDbPath(opt.db));
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  Result<store::ListDiff> diff = (*store)->Diff(opt.list, opt.from, opt.to);
  if (!diff.ok()) return FailStatus(diff.status());
  if (opt.json) return WriteStdout(DumpJson(api::DiffJson(*diff)) + "\n") ? kExitOk : kExitRuntime;
  std::string text = fmt::format("{}: version {} -> {}: {} added, {} changed, {} removed\n",
                                 diff->list_id, diff->from, diff->to, diff->added.size(),
                                 diff->changed.size(), diff->removed.size());
  for (const std::string& id : diff->added) text += "  + " + id + "\n";
  for (const store::EntityChange& c : diff->changed) {
    std::string fields;
    for (const std::string& f : c.fields) fields += (fields.empty() ? "" : ", ") + f;
    text += "  ~ " + c.id + " (" + fields + ")\n";
  }
  for (const std::string& id : diff->removed) text += "  - " + id + "\n";
  return WriteStdout(text) ? kExitOk : kExitRuntime;
}

struct ExportOptions {
  std::string list;
  std::string format;
  std::string out;
  int64_t version = 0;
  std::string db;
};

int RunExport(const ExportOptions& opt) {
  Result<std::unique_ptr<store::Store>> store = OpenExisting(ResolveDbPath(opt.db));
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  Result<std::string> exported = api::ExportListVersion(**store, opt.list, opt.version, opt.format);
  if (!exported.ok()) return FailStatus(exported.status());
  const std::string& data = *exported;
  if (opt.out.empty() || opt.out == "-") return WriteStdout(data) ? kExitOk : kExitRuntime;
  // Write beside, then rename: a reader never sees half a file.
  const std::string tmp = opt.out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return Fail(kExitRuntime, tmp + ": cannot write: " + std::strerror(errno));
    f.write(data.data(), static_cast<std::streamsize>(data.size()));
    f.close();
    if (!f) return Fail(kExitRuntime, tmp + ": write failed: " + std::strerror(errno));
  }
  if (std::rename(tmp.c_str(), opt.out.c_str()) != 0) {
    return Fail(kExitRuntime, opt.out + ": cannot write: " + std::strerror(errno));
  }
  return kExitOk;
}

}  // namespace

CommandRunner AddListsShowCommand(CLI::App& show) {
  auto opt = std::make_shared<ShowOptions>();
  show.add_option("--db", opt->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  show.add_flag("--json", opt->json, "Print as JSON");
  return [opt] { return RunShow(*opt); };
}

CommandRunner AddListsDiffCommand(CLI::App& diff) {
  auto opt = std::make_shared<DiffOptions>();
  diff.add_option("LIST", opt->list, "The list id (un, ofac-sdn, ...)")->required();
  diff.add_option("--from", opt->from, "The older version (default: the one before --to)");
  diff.add_option("--to", opt->to, "The newer version (default: the active one)");
  diff.add_option("--db", opt->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  diff.add_flag("--json", opt->json, "Print as JSON");
  return [opt] { return RunDiff(*opt); };
}

CommandRunner AddListsExportCommand(CLI::App& exp) {
  auto opt = std::make_shared<ExportOptions>();
  exp.add_option("LIST", opt->list, "The list id")->required();
  exp.add_option("--format", opt->format, "ftm-json, xml (UN-style) or csv")
      ->required()
      ->check(CLI::IsMember({"ftm-json", "xml", "csv"}));
  exp.add_option("--version", opt->version, "A version id (default: the active one)");
  exp.add_option("--out", opt->out, "Output file (default: stdout)");
  exp.add_option("--db", opt->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  return [opt] { return RunExport(*opt); };
}

}  // namespace hudud::cli
