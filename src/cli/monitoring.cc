// `hudud subjects import FILE` and `hudud subjects rescreen`: the subjects
// an agency holds for ongoing monitoring and the alerts
// raised on them.
#include "store/monitoring.h"

#include <fmt/core.h>

#include <fstream>
#include <memory>
#include <string>
#include <unordered_map>

#include "api/subjects_io.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "monitor/rescreen.h"

namespace hudud::cli {
namespace {

struct SubjectsImportOptions {
  std::string file;
  std::string format = "auto";
  std::string db;
  int threads = 0;
  bool json = false;
};

int RunSubjectsImport(const SubjectsImportOptions& opt) {
  std::string content;
  if (Status st = ReadAll(opt.file, &content); !st.ok()) return Fail(kExitRuntime, st.message());
  Result<std::vector<store::Subject>> subjects = api::ParseSubjects(content, opt.format, opt.file);
  if (!subjects.ok()) return Fail(kExitRuntime, subjects.status().message());
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(ResolveDbPath(opt.db));
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  store::Monitoring monitoring(**store);
  Result<store::SubjectImport> put = monitoring.PutSubjects(*subjects, opt.file);
  if (!put.ok()) return Fail(kExitRuntime, put.status().message());

  // The file's subjects are screened now, against every active entry;
  // unchanged ones only re-find alerts that are already open.
  monitor::RescreenOptions ro;
  ro.threads = opt.threads;
  Result<monitor::RescreenReport> report =
      monitor::RescreenSubjects(**store, *subjects, "subject-import", ro);
  if (!report.ok()) {
    return Fail(kExitRuntime,
                "subjects stored, but screening them failed: " + report.status().message());
  }
  if (opt.json) {
    Json j = {{"file", opt.file}};
    j.update(api::SubjectsImportJson(subjects->size(), *put, *report));
    return WriteStdout(DumpJson(j) + "\n") ? kExitOk : kExitRuntime;
  }
  return WriteStdout(fmt::format(
             "{}: {} subjects ({} added, {} changed, {} unchanged); screened against {} "
             "entries: {} hits, {} alerts raised ({:.2f} s)\n",
             opt.file, subjects->size(), put->added, put->changed, put->unchanged, report->entities,
             report->hits, report->alerts_raised, report->seconds))
             ? kExitOk
             : kExitRuntime;
}

struct RescreenOptions {
  std::string db;
  int threads = 0;
  bool json = false;
};

int RunRescreen(const RescreenOptions& opt) {
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(ResolveDbPath(opt.db));
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  monitor::RescreenOptions ro;
  ro.threads = opt.threads;
  Result<monitor::RescreenReport> r = monitor::RescreenAll(**store, "rescreen", ro);
  if (!r.ok()) return Fail(kExitRuntime, r.status().message());
  if (opt.json) {
    Json j = {{"subjects", r->subjects},
              {"entities", r->entities},
              {"hits", r->hits},
              {"alerts_raised", r->alerts_raised},
              {"seconds", r->seconds}};
    return WriteStdout(DumpJson(j) + "\n") ? kExitOk : kExitRuntime;
  }
  return WriteStdout(fmt::format("re-screened {} subjects against {} entries: {} hits, {} alerts "
                                 "raised ({:.2f} s)\n",
                                 r->subjects, r->entities, r->hits, r->alerts_raised, r->seconds))
             ? kExitOk
             : kExitRuntime;
}

}  // namespace

CommandRunner AddSubjectsCommand(CLI::App& subjects) {
  subjects.require_subcommand(1);
  auto imp = std::make_shared<SubjectsImportOptions>();
  CLI::App* import = subjects.add_subcommand(
      "import", "Store subjects to monitor (CSV with a header, or JSON lines) and screen them");
  import
      ->add_option("FILE", imp->file,
                   "CSV (columns id, name, aliases, dob, nationality, document, "
                   "document_country, gender, kind) or JSON lines with the same keys")
      ->required();
  import->add_option("--format", imp->format, "auto, csv or jsonl")
      ->check(CLI::IsMember({"auto", "csv", "jsonl"}))
      ->capture_default_str();
  import->add_option("--db", imp->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  import->add_option("--threads", imp->threads, "Screening threads (0 = all)");
  import->add_flag("--json", imp->json, "Print the summary as JSON");

  auto rs = std::make_shared<RescreenOptions>();
  CLI::App* rescreen = subjects.add_subcommand(
      "rescreen", "Screen every held subject against every active list entry");
  rescreen->add_option("--db", rs->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  rescreen->add_option("--threads", rs->threads, "Screening threads (0 = all)");
  rescreen->add_flag("--json", rs->json, "Print the summary as JSON");
  return [imp, rs, import, rescreen] {
    if (*import) return RunSubjectsImport(*imp);
    return RunRescreen(*rs);
  };
}

}  // namespace hudud::cli
