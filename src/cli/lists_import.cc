// `hudud lists import FILE`: parse a watchlist file, store it as a new list
// version, print what changed, and re-screen the held subjects against the
// change (alerts raised, alerts closed by delisting).
#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "api/lists_json.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/engine_loader.h"
#include "cli/json.h"
#include "cli/output.h"
#include "monitor/rescreen.h"

namespace hudud::cli {

namespace {

struct ImportOptions {
  std::string file;
  std::string format = "auto";
  std::string list_id;
  std::string mapping;
  std::string db;
  bool json = false;
  int threads = 0;
};

int RunImport(const ImportOptions& opt) {
  if ((opt.format == "csv" || opt.format == "json") && opt.mapping.empty()) {
    return Fail(
        kExitUsage,
        "the " + opt.format + " format needs a column mapping: --mapping FILE (see docs/LISTS.md)");
  }
  const std::string db = ResolveDbPath(opt.db);
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(db);
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  lists::ReadOptions read;
  read.list_id = opt.list_id;
  read.mapping_path = opt.mapping;
  // Progress only for a person at a terminal, and only for big lists.
  store::ImportProgress progress;
  if (isatty(fileno(stderr))) {
    progress = [](int64_t done, int64_t total) {
      if (total < 20000) return;
      std::fprintf(stderr, "\rstoring entities: %lld / %lld", static_cast<long long>(done),
                   static_cast<long long>(total));
      if (done == total) std::fputc('\n', stderr);
    };
  }
  Result<store::ImportSummary> summary =
      ImportListFile(**store, opt.file, opt.format, read, progress);
  // A file that cannot be read or parsed is a runtime failure (exit 1), not
  // a usage error, whatever code the reader chose.
  if (!summary.ok()) return Fail(kExitRuntime, summary.status().message());

  // The list is imported and active; the re-screen comes after, so a failure
  // here is reported but does not undo the import.
  monitor::RescreenOptions ro;
  ro.threads = opt.threads;
  Result<monitor::RescreenReport> rescreen = monitor::RescreenAfterChange(**store, *summary, ro);
  if (!rescreen.ok()) {
    Warn("the list was imported, but re-screening the held subjects failed: " +
         rescreen.status().message() + " (run hudud subjects rescreen)");
  }

  if (opt.json) {
    Json j = {{"file", opt.file}, {"db", db}};
    j.update(api::ImportSummaryJson(*summary));
    if (rescreen.ok()) j["rescreen"] = api::RescreenJson(*rescreen);
    return WriteStdout(DumpJson(j) + "\n") ? kExitOk : kExitRuntime;
  }
  std::string out = FormatImportSummary(*summary, opt.file);
  if (rescreen.ok() && rescreen->mode != "none" && rescreen->subjects > 0) {
    out += fmt::format(
        "  re-screened {} held subjects against {} changed entries ({} in full): {} alerts raised, "
        "{} closed ({:.2f} s)\n",
        rescreen->subjects, rescreen->entities, rescreen->subjects_full, rescreen->alerts_raised,
        rescreen->alerts_closed, rescreen->seconds);
  }
  return WriteStdout(out) ? kExitOk : kExitRuntime;
}

}  // namespace

CommandRunner AddListsImportCommand(CLI::App& import) {
  auto opt = std::make_shared<ImportOptions>();
  import
      .add_option("FILE", opt->file,
                  "The list file to import (for ofac-csv: sdn.csv, with add.csv, alt.csv and "
                  "sdn_comments.csv read from beside it)")
      ->required();
  std::vector<std::string> formats = {"auto"};
  for (const std::string& f : lists::ListFormats()) formats.push_back(f);
  import.add_option("--format", opt->format, "File format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  import.add_option("--list-id", opt->list_id,
                    "The list's id (default: the source's usual name: un, ofac-sdn, eu, uk, ...)");
  import.add_option("--mapping", opt->mapping,
                    "Column mapping (JSON) for the generic csv and json formats");
  import.add_option("--db", opt->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  import.add_option("--threads", opt->threads, "Threads for re-screening held subjects (0 = all)");
  import.add_flag("--json", opt->json, "Print the summary as JSON");
  return [opt] { return RunImport(*opt); };
}

}  // namespace hudud::cli
