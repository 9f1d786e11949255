// `hudud documents import FILE` and `hudud documents list`: the register
// of lost, stolen and revoked travel documents (a national list or an
// INTERPOL SLTD-style extract) that every screened document is checked
// against, matched exactly on number, issuing state and type.
#include "store/documents.h"

#include <fmt/core.h>

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "lists/csv.h"
#include "targeting/documents.h"
#include "travel/icao_codes.h"

namespace hudud::cli {
namespace {

struct Options {
  std::string file;
  std::string source;
  std::string db;
  std::string user;
  bool json = false;
};

// Header names (lower case) -> canonical column.
const std::unordered_map<std::string, std::string>& Columns() {
  static const std::unordered_map<std::string, std::string> kColumns = {
      {"number", "number"},
      {"document_number", "number"},
      {"document", "number"},
      {"doc", "number"},
      {"country", "country"},
      {"issuing_country", "country"},
      {"issuing_state", "country"},
      {"issuer", "country"},
      {"type", "type"},
      {"document_type", "type"},
      {"doc_type", "type"},
      {"status", "status"},
      {"reported_on", "reported_on"},
      {"reported", "reported_on"},
      {"date", "reported_on"},
      {"reference", "reference"},
      {"ref", "reference"},
      {"id", "reference"}};
  return kColumns;
}

Result<std::vector<store::LostDocument>> ReadRegister(const std::string& path,
                                                      const std::string& content) {
  const char delimiter =
      content.find('\t') != std::string::npos &&
              content.substr(0, content.find('\n')).find(',') == std::string::npos
          ? '\t'
          : ',';
  lists::CsvReader reader(content, path, delimiter);
  std::vector<std::string> header, row;
  if (!reader.Next(&header)) {
    HUDUD_RETURN_IF_ERROR(reader.status());
    return Status::InvalidArgument(path + ": empty file (expected a header row)");
  }
  std::vector<std::string> columns;
  bool has_number = false, has_country = false;
  for (const std::string& h : header) {
    std::string key(Trim(h));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = Columns().find(key);
    if (it == Columns().end()) {
      return Status::InvalidArgument(path + ", line 1: unknown column \"" + std::string(Trim(h)) +
                                     "\" (expected: number, country, type, status, "
                                     "reported_on, reference)");
    }
    has_number = has_number || it->second == "number";
    has_country = has_country || it->second == "country";
    columns.push_back(it->second);
  }
  if (!has_number || !has_country) {
    return Status::InvalidArgument(path +
                                   ", line 1: the header needs a number and a country column");
  }
  std::vector<store::LostDocument> out;
  while (reader.Next(&row)) {
    const std::string where = path + ", line " + std::to_string(reader.line());
    if (row.size() != columns.size()) {
      return Status::InvalidArgument(
          fmt::format("{}: {} fields, the header has {}", where, row.size(), columns.size()));
    }
    store::LostDocument d;
    d.line = static_cast<int>(reader.line());
    std::string country_raw;
    for (size_t i = 0; i < row.size(); ++i) {
      const std::string v(Trim(row[i]));
      const std::string& c = columns[i];
      if (c == "number") d.raw_number = v;
      if (c == "country") country_raw = v;
      if (c == "type") d.type = v;
      if (c == "status") d.status = v;
      if (c == "reported_on") d.reported_on = v;
      if (c == "reference") d.reference = v;
    }
    d.number = targeting::NormalizeDocumentNumber(d.raw_number);
    if (d.number.empty()) {
      return Status::InvalidArgument(where + ", field number: no document number" +
                                     (d.raw_number.empty() ? "" : " in '" + d.raw_number + "'"));
    }
    if (country_raw.empty()) {
      return Status::InvalidArgument(where + ", field country: no issuing state");
    }
    d.country = targeting::CanonicalIssuer(country_raw);
    // An issuer must be a state or an ICAO issuing organisation: a typo
    // would make the record silently unmatchable.
    if (d.country.size() != 2 && !travel::LookupIcaoCode(country_raw)) {
      return Status::InvalidArgument(where + ", field country: unknown issuing state '" +
                                     country_raw + "'");
    }
    const std::string cls = targeting::DocumentClass(d.type);
    if (!d.type.empty() && cls.empty()) {
      return Status::InvalidArgument(where + ", field type: unknown document type '" + d.type +
                                     "' (expected a passport, identity card or visa code: P, "
                                     "I, ID, A, C, V...)");
    }
    d.type = cls;
    out.push_back(std::move(d));
  }
  HUDUD_RETURN_IF_ERROR(reader.status());
  return out;
}

int RunImport(const Options& o) {
  Result<std::string> user = ResolveUser(o.user);
  if (!user.ok()) return Fail(kExitUsage, user.status().message());
  std::string content;
  Status st = ReadAll(o.file, &content);
  if (!st.ok()) return FailStatus(st);
  Result<std::vector<store::LostDocument>> records = ReadRegister(o.file, content);
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
    out = DumpJson(Json{{"source", s->source},
                        {"unchanged", s->unchanged},
                        {"documents", s->count},
                        {"added", s->added},
                        {"removed", s->removed}}) +
          "\n";
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
      arr.push_back(Json{{"source", s.source},
                         {"documents", s.count},
                         {"imported_at", s.imported_at},
                         {"imported_by", s.imported_by},
                         {"sha256", s.sha256}});
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
