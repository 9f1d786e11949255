// `hudud documents import FILE` and `hudud documents list`: the register
// of lost, stolen and revoked travel documents (a national list or an
// INTERPOL SLTD-style extract) that every screened document is checked
// against, matched exactly on number, issuing state and type.
#include "store/documents.h"

#include <fmt/core.h>

#include <filesystem>
#include <string>
#include <vector>

#include "api/documents_io.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"

namespace hudud::cli {
namespace {

struct Options {
  std::string file;
  std::string source;
  std::string db;
  std::string user;
  bool json = false;
};

int RunImport(const Options& o) {
  Result<std::string> user = ResolveUser(o.user);
  if (!user.ok()) return Fail(kExitUsage, user.status().message());
  std::string content;
  Status st = ReadAll(o.file, &content);
  if (!st.ok()) return FailStatus(st);
  Result<std::vector<store::LostDocument>> records = api::ParseDocumentRegister(content, o.file);
  if (!records.ok()) return FailStatus(records.status());
  const std::string source =
      o.source.empty() ? std::filesystem::path(o.file).stem().string() : o.source;
  Result<std::unique_ptr<store::Store>> db = store::Store::Open(ResolveDbPath(o.db));
  if (!db.ok()) return FailStatus(db.status());
  Result<store::DocumentImportSummary> s =
      store::ImportLostDocuments(**db, source, *records, store::Sha256Hex(content), *user);
  if (!s.ok()) return FailStatus(s.status());
  std::string out;
  if (o.json) {
    out = DumpJson(api::DocumentImportJson(*s)) + "\n";
  } else if (s->unchanged) {
    out = fmt::format("{}: register '{}' unchanged ({} documents)\n", o.file, source, s->count);
  } else {
    out = fmt::format("{}: register '{}' now holds {} documents ({} added, {} removed)\n", o.file,
                      source, s->count, s->added, s->removed);
  }
  if (!WriteStdout(out)) return Fail(kExitRuntime, "cannot write to stdout");
  return kExitOk;
}

int RunList(const Options& o) {
  Result<std::unique_ptr<store::Store>> db = store::Store::Open(ResolveDbPath(o.db));
  if (!db.ok()) return FailStatus(db.status());
  Result<std::vector<store::DocumentSource>> sources = store::DocumentSources(**db);
  if (!sources.ok()) return FailStatus(sources.status());
  std::string out;
  if (o.json) {
    Json arr = Json::array();
    for (const auto& s : *sources) {
      arr.push_back(api::DocumentSourceJson(s));
    }
    out = DumpJson(arr) + "\n";
  } else if (sources->empty()) {
    out = "No lost or stolen document register imported (hudud documents import FILE).\n";
  } else {
    for (const auto& s : *sources) {
      out += fmt::format("{}: {} documents, imported {} by {}\n", s.source, s.count, s.imported_at,
                         s.imported_by);
    }
  }
  if (!WriteStdout(out)) return Fail(kExitRuntime, "cannot write to stdout");
  return kExitOk;
}

}  // namespace

CommandRunner AddDocumentsCommand(CLI::App& documents) {
  auto o = std::make_shared<Options>();
  documents.require_subcommand(1);
  CLI::App* import = documents.add_subcommand(
      "import", "Import a register of lost, stolen or revoked documents (CSV)");
  import
      ->add_option("file", o->file,
                   "CSV with columns number, country[, type, status, "
                   "reported_on, reference]")
      ->required()
      ->check(CLI::ExistingFile);
  import->add_option("--source", o->source,
                     "The register's name (default: the file name); an import replaces the "
                     "register's previous content");
  import->add_option("--user", o->user, "The acting user (default: $HUDUD_USER)");
  CLI::App* list = documents.add_subcommand("list", "The registers imported");
  for (CLI::App* a : {import, list}) {
    a->add_option("--db", o->db, "Database (default: $HUDUD_DB or ./hudud.db)");
    a->add_flag("--json", o->json, "JSON instead of text");
  }
  return [o, import, list]() {
    if (*import) return RunImport(*o);
    if (*list) return RunList(*o);
    return Fail(kExitUsage, "no documents command");
  };
}

}  // namespace hudud::cli
