// `hudud demo`: the main job on bundled data, end to end — import the UN
// Consolidated List, screen the sample travellers and customers in
// data/sample/people.jsonl, and show every hit with its explanation.
#include <fmt/core.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/engine_loader.h"
#include "cli/output.h"
#include "cli/query_input.h"

#ifndef HUDUD_DEFAULT_DATA_DIR
#define HUDUD_DEFAULT_DATA_DIR "data"
#endif

namespace hudud::cli {

namespace {

constexpr const char* kListFile = "lists/un-consolidated-2026-02-27.xml";
constexpr const char* kPeopleFile = "sample/people.jsonl";

struct DemoOptions {
  std::string db;
  std::string data = HUDUD_DEFAULT_DATA_DIR;
  double threshold = match::kDefaultThreshold;
};

struct Tally {
  int people = 0, with_hits = 0, clear = 0, bad_lines = 0;
  int expected = 0, expected_found = 0;  // people the sample marks as listed
  int unexpected_alerts = 0;             // hits on people not marked as listed
};

// Screens one sample line and appends its report to `out`.
void DemoPerson(const match::Screener& screener, std::string_view line, size_t line_number,
                double threshold, Tally* tally, std::string* out) {
  Result<QueryLine> person = ParseQueryLine(line, threshold, /*default_limit=*/3, nullptr);
  if (!person.ok()) {
    ++tally->bad_lines;
    *out += fmt::format("\n-- line {}: skipped: {}\n", line_number, person.status().message());
    return;
  }
  ++tally->people;
  std::string id = person->id.is_string() ? person->id.get<std::string>() : person->id.dump();
  *out += fmt::format("\n-- {} ------------------------------------------------------------\n", id);
  *out += "person: " + DescribeQuery(person->query) + "\n";
  if (!person->note.empty()) *out += "note:   " + person->note + "\n";

  Result<std::vector<match::Hit>> hits = screener.Screen(person->query);
  if (!hits.ok()) {
    ++tally->bad_lines;
    *out += "error:  " + hits.status().message() + "\n";
    return;
  }
  if (!person->expect.empty()) {
    ++tally->expected;
    if (!hits->empty() && hits->front().entity_id == person->expect) ++tally->expected_found;
  } else if (!hits->empty()) {
    ++tally->unexpected_alerts;
  }
  if (hits->empty()) {
    ++tally->clear;
    *out += fmt::format("result: CLEAR (no listed entry scores {} or more)\n",
                        FormatThreshold(threshold));
    if (!person->expect.empty()) *out += "        expected " + person->expect + ": MISSED\n";
    return;
  }
  ++tally->with_hits;
  *out += fmt::format("result: {} HIT{}\n", hits->size(), hits->size() == 1 ? "" : "S");
  if (!person->expect.empty()) {
    *out += fmt::format(
        "        expected {}: {}\n", person->expect,
        hits->front().entity_id == person->expect ? "found as top hit" : "NOT the top hit");
  }
  int rank = 0;
  for (const match::Hit& hit : *hits) {
    AppendHitText(hit, screener.entity(hit.entity_index), ++rank, out);
  }
}

int RunDemo(const DemoOptions& opt) {
  if (Status st = ValidateThreshold(opt.threshold, "--threshold"); !st.ok()) {
    return Fail(kExitUsage, st.message());
  }
  const std::string db = ResolveDbPath(opt.db);
  const std::string list_path = opt.data + "/" + kListFile;
  const std::string people_path = opt.data + "/" + kPeopleFile;

  std::string people;
  if (Status st = ReadAll(people_path, &people); !st.ok()) {
    return Fail(kExitRuntime, st.message() + " (set the data directory with --data DIR)");
  }

  std::string out = fmt::format(
      "hudud demo: screening {} against the UN Consolidated List\n"
      "database: {}\n\n",
      people_path, db);
  Result<store::ImportSummary> imported = ImportListFile(db, list_path, "auto");
  if (!imported.ok()) return Fail(kExitRuntime, imported.status().message());
  out += FormatImportSummary(*imported, list_path);

  Result<Engine> engine = LoadEngine(db);
  if (!engine.ok()) return Fail(kExitRuntime, engine.status().message());
  const match::Screener& screener = *engine->screener;
  match::Screener::Stats stats = screener.stats();
  out += fmt::format("index: {} entries, {} names, {} distinct tokens, built in {:.0f} ms\n",
                     stats.entities, stats.names, stats.distinct_tokens, engine->load_ms);
  WriteStdout(out);
  out.clear();

  Tally tally;
  auto started = std::chrono::steady_clock::now();
  std::vector<std::string_view> lines = SplitLines(people);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (Trim(lines[i]).empty()) continue;
    DemoPerson(screener, lines[i], i + 1, opt.threshold, &tally, &out);
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  out += fmt::format(
      "\nsummary: screened {} people against {} listed entries in {:.1f} ms: {} with hits, {} "
      "clear; listed people found as top hit: {}/{}; alerts on people not listed: {}",
      tally.people, screener.size(), ms, tally.with_hits, tally.clear, tally.expected_found,
      tally.expected, tally.unexpected_alerts);
  if (tally.bad_lines > 0) out += fmt::format("; {} lines skipped", tally.bad_lines);
  out += "\n";
  return WriteStdout(out) ? kExitOk : kExitRuntime;
}

}  // namespace

CommandRunner AddDemoCommand(CLI::App& demo) {
  auto opt = std::make_shared<DemoOptions>();
  demo.add_option("--db", opt->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  demo.add_option("--data", opt->data, "The bundled data directory")->capture_default_str();
  demo.add_option("--threshold", opt->threshold, "Report hits scoring at least this (0..1)")
      ->capture_default_str();
  return [opt] { return RunDemo(*opt); };
}

}  // namespace hudud::cli
