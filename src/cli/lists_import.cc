// `hudud lists import FILE`: parse a watchlist file, store it as a new list
// version and print what changed.
#include <memory>
#include <string>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/engine_loader.h"
#include "cli/json.h"
#include "cli/output.h"

namespace hudud::cli {

namespace {

struct ImportOptions {
  std::string file;
  std::string format = "auto";
  std::string db;
  bool json = false;
};

int RunImport(const ImportOptions& opt) {
  const std::string db = ResolveDbPath(opt.db);
  Result<store::ImportSummary> summary = ImportListFile(db, opt.file, opt.format);
  // A file that cannot be read or parsed is a runtime failure (exit 1), not
  // a usage error, whatever code the reader chose.
  if (!summary.ok()) return Fail(kExitRuntime, summary.status().message());
  if (opt.json) {
    const store::ListVersion& v = summary->version;
    Json j = {{"file", opt.file},
              {"db", db},
              {"list", v.list_id},
              {"version", v.id},
              {"format", v.format},
              {"generated_at", v.generated_at},
              {"sha256", v.sha256},
              {"entities", v.entities},
              {"names", v.names},
              {"documents", v.documents},
              {"unchanged", summary->unchanged},
              {"added", summary->added},
              {"changed", summary->changed},
              {"removed", summary->removed}};
    return WriteStdout(DumpJson(j) + "\n") ? kExitOk : kExitRuntime;
  }
  return WriteStdout(FormatImportSummary(*summary, opt.file)) ? kExitOk : kExitRuntime;
}

}  // namespace

CommandRunner AddListsImportCommand(CLI::App& import) {
  auto opt = std::make_shared<ImportOptions>();
  import.add_option("FILE", opt->file, "The list file to import")->required();
  import.add_option("--format", opt->format, "File format")
      ->check(CLI::IsMember({"auto", "un-xml"}))
      ->capture_default_str();
  import.add_option("--db", opt->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  import.add_flag("--json", opt->json, "Print the summary as JSON");
  return [opt] { return RunImport(*opt); };
}

}  // namespace hudud::cli
