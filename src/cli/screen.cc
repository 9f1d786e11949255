// `hudud screen`: screen one query given as flags, or a batch of JSON
// queries (one per line) on several threads with output in input order.
#include <fmt/core.h>

#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/engine_loader.h"
#include "cli/json.h"
#include "cli/output.h"
#include "cli/query_input.h"

namespace hudud::cli {

namespace {

struct ScreenOptions {
  std::string db;
  QueryFields fields;
  double threshold = match::kDefaultThreshold;
  int limit = 10;
  bool json = false;
  std::string batch;
  int threads = 0;
};

bool HasQueryFlags(const QueryFields& f) {
  return !f.names.empty() || !f.dob.empty() || !f.nationality.empty() || !f.doc.empty() ||
         !f.doc_country.empty() || !f.gender.empty() || !f.type.empty();
}

int RunSingle(const ScreenOptions& opt) {
  Result<match::Query> query =
      BuildQuery(opt.fields, FieldNaming::kFlags, opt.threshold, opt.limit);
  if (!query.ok()) return Fail(kExitUsage, query.status().message());

  Result<Engine> engine = LoadEngine(ResolveDbPath(opt.db));
  if (!engine.ok()) return Fail(kExitRuntime, engine.status().message());
  const match::Screener& screener = *engine->screener;

  Result<std::vector<match::Hit>> hits = screener.Screen(*query);
  if (!hits.ok()) return FailStatus(hits.status());

  std::string out;
  if (opt.json) {
    Json matches = Json::array();
    for (const match::Hit& hit : *hits) matches.push_back(HitJson(hit, /*with_name_kind=*/true));
    Json j = {{"query", QueryJson(*query)}, {"matches", std::move(matches)}};
    out = DumpJson(j) + "\n";
  } else {
    out = "Query: " + DescribeQuery(*query) + "\n";
    if (hits->empty()) {
      out += fmt::format("No hits at or above {} among {} listed entries.\n",
                         FormatThreshold(query->threshold), screener.size());
    } else {
      out += fmt::format("{} hit{} at or above {}:\n", hits->size(), hits->size() == 1 ? "" : "s",
                         FormatThreshold(query->threshold));
      int rank = 0;
      for (const match::Hit& hit : *hits) {
        out += "\n";
        AppendHitText(hit, screener.entity(hit.entity_index), ++rank, &out);
      }
    }
  }
  return WriteStdout(out) ? kExitOk : kExitRuntime;
}

// The result line for one batch line; never throws, so one bad line cannot
// take the batch (or a worker thread) down.
std::string ScreenBatchLine(const match::Screener& screener, std::string_view line,
                            size_t line_number, const ScreenOptions& opt) {
  Json id;
  auto error_line = [&](const std::string& message) {
    Json j = {{"id", id}, {"line", line_number}, {"error", message}};
    return DumpJson(j);
  };
  try {
    Result<QueryLine> parsed = ParseQueryLine(line, opt.threshold, opt.limit, &id);
    if (!parsed.ok()) return error_line(parsed.status().message());
    Result<std::vector<match::Hit>> hits = screener.Screen(parsed->query);
    if (!hits.ok()) return error_line(hits.status().message());
    Json matches = Json::array();
    for (const match::Hit& hit : *hits) matches.push_back(HitJson(hit, /*with_name_kind=*/false));
    Json j = {{"id", parsed->id}, {"matches", std::move(matches)}};
    return DumpJson(j);
  } catch (const std::exception& e) {
    return error_line(std::string("internal error: ") + e.what());
  } catch (...) {
    return error_line("internal error");
  }
}

int RunBatch(const ScreenOptions& opt) {
  if (opt.threads < 0) return Fail(kExitUsage, fmt::format("invalid --threads {}", opt.threads));
  std::string input;
  if (Status st = ReadAll(opt.batch, &input); !st.ok()) return Fail(kExitRuntime, st.message());

  Result<Engine> engine = LoadEngine(ResolveDbPath(opt.db));
  if (!engine.ok()) return Fail(kExitRuntime, engine.status().message());
  const match::Screener& screener = *engine->screener;

  // Blank lines carry no query and get no result line; every other line
  // gets exactly one, in input order.
  std::vector<std::string_view> lines = SplitLines(input);
  std::vector<size_t> todo;
  todo.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!Trim(lines[i]).empty()) todo.push_back(i);
  }
  std::vector<std::string> results(todo.size());
  ParallelFor(todo.size(), ResolveThreads(opt.threads), [&](size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      results[k] = ScreenBatchLine(screener, lines[todo[k]], todo[k] + 1, opt);
    }
  });

  size_t total = 0;
  for (const std::string& r : results) total += r.size() + 1;
  std::string out;
  out.reserve(total);
  for (std::string& r : results) {
    out += r;
    out += '\n';
    r = std::string();
  }
  return WriteStdout(out) ? kExitOk : kExitRuntime;
}

int RunScreen(const ScreenOptions& opt) {
  if (Status st = ValidateThreshold(opt.threshold, "--threshold"); !st.ok()) {
    return Fail(kExitUsage, st.message());
  }
  if (Status st = ValidateLimit(opt.limit, "--limit"); !st.ok())
    return Fail(kExitUsage, st.message());
  if (!opt.batch.empty()) {
    if (HasQueryFlags(opt.fields)) {
      return Fail(kExitUsage,
                  "--batch reads its queries from the file; do not combine it with --name, "
                  "--dob, --nationality, --doc, --doc-country, --gender or --type");
    }
    return RunBatch(opt);
  }
  return RunSingle(opt);
}

}  // namespace

CommandRunner AddScreenCommand(CLI::App& screen) {
  auto opt = std::make_shared<ScreenOptions>();
  screen.add_option("--db", opt->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  // One value per --name: "--name Ali Hassan" unquoted must fail, not
  // silently become two names.
  screen.add_option("--name", opt->fields.names, "A name to screen, any script (repeatable)")
      ->allow_extra_args(false);
  screen.add_option("--dob", opt->fields.dob, "Date of birth: YYYY, YYYY-MM or YYYY-MM-DD");
  screen.add_option("--nationality", opt->fields.nationality, "Nationality (name or ISO code)");
  screen.add_option("--doc", opt->fields.doc, "Identity document number");
  screen.add_option("--doc-country", opt->fields.doc_country, "The document's issuing state");
  screen.add_option("--gender", opt->fields.gender, "male or female");
  screen.add_option("--type", opt->fields.type, "person, organization, vessel or aircraft");
  screen.add_option("--threshold", opt->threshold, "Report hits scoring at least this (0..1)")
      ->capture_default_str();
  screen.add_option("--limit", opt->limit, "At most this many hits per query")
      ->capture_default_str();
  screen.add_flag("--json", opt->json, "Print JSON");
  screen.add_option("--batch", opt->batch,
                    "Screen one JSON query per line of FILE ('-' = stdin); prints JSON lines");
  screen.add_option("--threads", opt->threads, "Batch threads (default: hardware threads)");
  return [opt] { return RunScreen(*opt); };
}

}  // namespace hudud::cli
