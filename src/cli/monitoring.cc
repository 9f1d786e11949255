// `hudud subjects import FILE`, `hudud subjects rescreen` and `hudud alerts
// list`: the subjects an agency holds for ongoing monitoring and the alerts
// raised on them.
#include "store/monitoring.h"

#include <fmt/core.h>

#include <fstream>
#include <memory>
#include <string>
#include <unordered_map>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "lists/csv.h"
#include "monitor/rescreen.h"

namespace hudud::cli {
namespace {

// The columns (CSV) or keys (JSON lines) of a subjects file, with the
// synonyms the screening batch format uses.
const std::unordered_map<std::string, std::string>& SubjectFields() {
  static const std::unordered_map<std::string, std::string> kFields = {
      {"id", "id"},
      {"name", "name"},
      {"names", "aliases"},
      {"aliases", "aliases"},
      {"dob", "dob"},
      {"nationality", "nationality"},
      {"doc", "document"},
      {"document", "document"},
      {"doc_country", "document_country"},
      {"document_country", "document_country"},
      {"gender", "gender"},
      {"type", "kind"},
      {"kind", "kind"}};
  return kFields;
}

// Adds `value` under the canonical field `field`; aliases are ';'-separated.
void SetField(store::Subject* s, const std::string& field, const std::string& value) {
  std::string_view v = Trim(value);
  if (v.empty()) return;
  if (field == "id") s->id = v;
  if (field == "name") s->names.insert(s->names.begin(), std::string(v));
  if (field == "aliases") {
    size_t start = 0;
    while (start <= v.size()) {
      size_t end = v.find(';', start);
      if (end == std::string_view::npos) end = v.size();
      std::string_view a = Trim(v.substr(start, end - start));
      if (!a.empty()) s->names.emplace_back(a);
      start = end + 1;
    }
  }
  if (field == "dob") s->dob = v;
  if (field == "nationality") s->nationality = v;
  if (field == "document") s->document = v;
  if (field == "document_country") s->document_country = v;
  if (field == "gender") s->gender = v;
  if (field == "kind") s->kind = v;
}

// Checks a subject the way a re-screen will read it.
Status Validate(const store::Subject& s, const std::string& where) {
  if (s.id.empty()) return Status::InvalidArgument(where + ": missing id");
  Result<match::Query> q = monitor::SubjectQuery(s, match::kDefaultThreshold);
  if (!q.ok()) return Status::InvalidArgument(where + ": " + q.status().message());
  return Status::Ok();
}

Result<std::vector<store::Subject>> ReadCsvSubjects(const std::string& path,
                                                    const std::string& content) {
  lists::CsvReader reader(content, path);
  std::vector<std::string> header, row;
  if (!reader.Next(&header)) {
    HUDUD_RETURN_IF_ERROR(reader.status());
    return Status::InvalidArgument(path + ": empty file (expected a header row)");
  }
  std::vector<std::string> fields;
  bool has_id = false, has_name = false;
  for (const std::string& h : header) {
    std::string key(Trim(h));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = SubjectFields().find(key);
    if (it == SubjectFields().end()) {
      return Status::InvalidArgument(
          path + ", line 1: unknown column \"" + std::string(Trim(h)) +
          "\" (expected: id, name, aliases, dob, nationality, document, document_country, "
          "gender, kind)");
    }
    has_id = has_id || it->second == "id";
    has_name = has_name || it->second == "name" || it->second == "aliases";
    fields.push_back(it->second);
  }
  if (!has_id || !has_name) {
    return Status::InvalidArgument(path + ", line 1: the header needs an id and a name column");
  }
  std::vector<store::Subject> out;
  while (reader.Next(&row)) {
    const std::string where = path + ", line " + std::to_string(reader.line());
    if (row.size() != fields.size()) {
      return Status::InvalidArgument(
          fmt::format("{}: {} fields, the header has {}", where, row.size(), fields.size()));
    }
    store::Subject s;
    for (size_t i = 0; i < row.size(); ++i) SetField(&s, fields[i], row[i]);
    HUDUD_RETURN_IF_ERROR(Validate(s, where));
    out.push_back(std::move(s));
  }
  HUDUD_RETURN_IF_ERROR(reader.status());
  return out;
}

Result<std::vector<store::Subject>> ReadJsonSubjects(const std::string& path,
                                                     const std::string& content) {
  std::vector<store::Subject> out;
  std::vector<std::string_view> lines = SplitLines(content);
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = Trim(lines[n]);
    if (line.empty()) continue;
    const std::string where = path + ", line " + std::to_string(n + 1);
    Json obj = Json::parse(line.begin(), line.end(), nullptr, false);
    if (obj.is_discarded() || !obj.is_object()) {
      return Status::InvalidArgument(where + ": not a JSON object");
    }
    store::Subject s;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      auto f = SubjectFields().find(it.key());
      if (f == SubjectFields().end() || it->is_null()) continue;  // other keys are the holder's
      if (f->second == "id" && it->is_number()) {
        s.id = it->dump();
      } else if (it->is_string()) {
        SetField(&s, f->second, it->get<std::string>());
      } else if (it->is_array() && f->second == "aliases") {
        for (const Json& a : *it) {
          if (!a.is_string()) return Status::InvalidArgument(where + ": names must be strings");
          s.names.push_back(a.get<std::string>());
        }
      } else {
        return Status::InvalidArgument(where + ": " + it.key() + " must be a string");
      }
    }
    HUDUD_RETURN_IF_ERROR(Validate(s, where));
    out.push_back(std::move(s));
  }
  return out;
}

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
  std::string format = opt.format;
  if (format == "auto") {
    std::string_view t = Trim(content);
    format = !t.empty() && t.front() == '{' ? "jsonl" : "csv";
  }
  Result<std::vector<store::Subject>> subjects =
      format == "csv" ? ReadCsvSubjects(opt.file, content) : ReadJsonSubjects(opt.file, content);
  if (!subjects.ok()) return Fail(kExitRuntime, subjects.status().message());
  // Duplicate ids in one file would silently overwrite each other.
  {
    std::unordered_map<std::string_view, size_t> seen;
    for (size_t i = 0; i < subjects->size(); ++i) {
      if (!seen.emplace((*subjects)[i].id, i).second) {
        return Fail(kExitRuntime,
                    opt.file + ": subject id \"" + (*subjects)[i].id + "\" appears twice");
      }
    }
  }
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
    Json j = {{"file", opt.file},
              {"subjects", subjects->size()},
              {"added", put->added},
              {"changed", put->changed},
              {"unchanged", put->unchanged},
              {"hits", report->hits},
              {"alerts_raised", report->alerts_raised},
              {"seconds", report->seconds}};
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

struct AlertsOptions {
  std::string db;
  store::AlertFilter filter;
  bool json = false;
};

int RunAlerts(const AlertsOptions& opt) {
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(ResolveDbPath(opt.db));
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  store::Monitoring monitoring(**store);
  Result<std::vector<store::Alert>> alerts = monitoring.Alerts(opt.filter);
  if (!alerts.ok()) return Fail(kExitRuntime, alerts.status().message());
  if (opt.json) {
    Json out = Json::array();
    for (const store::Alert& a : *alerts) {
      out.push_back({{"id", a.id},
                     {"subject_id", a.subject_id},
                     {"entity_id", a.entity_id},
                     {"list", a.list_id},
                     {"version", a.version_id},
                     {"score", RoundScore(a.score)},
                     {"status", a.status},
                     {"trigger", a.trigger},
                     {"designated_at", a.designated_at},
                     {"imported_at", a.imported_at},
                     {"raised_at", a.raised_at},
                     {"closed_at", a.closed_at},
                     {"closed_reason", a.closed_reason},
                     {"summary", a.summary}});
    }
    return WriteStdout(DumpJson(out) + "\n") ? kExitOk : kExitRuntime;
  }
  std::string text;
  if (alerts->empty()) text = "no alerts\n";
  for (const store::Alert& a : *alerts) {
    text += fmt::format(
        "#{} {} subject {} ~ {} ({} v{}) score {} raised {} ({}){}\n    {}\n", a.id, a.status,
        a.subject_id, a.entity_id, a.list_id, a.version_id, FormatScore(a.score), a.raised_at,
        a.trigger,
        a.status == "closed" ? "; closed " + a.closed_at + ": " + a.closed_reason : std::string(),
        a.summary);
  }
  return WriteStdout(text) ? kExitOk : kExitRuntime;
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

CommandRunner AddAlertsCommand(CLI::App& alerts) {
  alerts.require_subcommand(1);
  auto opt = std::make_shared<AlertsOptions>();
  CLI::App* list = alerts.add_subcommand("list", "List alerts, newest first");
  list->add_option("--status", opt->filter.status, "open or closed")
      ->check(CLI::IsMember({"open", "closed"}));
  list->add_option("--subject", opt->filter.subject_id, "Only this subject's alerts");
  list->add_option("--list", opt->filter.list_id, "Only alerts on this list's entries");
  list->add_option("--limit", opt->filter.limit, "At most this many");
  list->add_option("--db", opt->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  list->add_flag("--json", opt->json, "Print as JSON");
  return [opt] { return RunAlerts(*opt); };
}

}  // namespace hudud::cli
