// `hudud compare`: how similar two names are, independent of any list —
// for an analyst asking why two spellings match. One pair from the command
// line, or many (tab-separated lines) in batch, scored in parallel.
#include <fmt/core.h>

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "model/entity.h"

namespace hudud::cli {

namespace {

struct CompareOptions {
  std::string name_a;
  std::string name_b;
  std::string type;
  bool json = false;
  bool explain = false;
  std::string batch;
  int threads = 0;
};

// Person unless told otherwise: most comparisons are of people's names.
Result<model::EntityKind> ParseKind(std::string_view text, std::string_view field) {
  std::string_view t = Trim(text);
  if (t.empty()) return model::EntityKind::kPerson;
  std::optional<model::EntityKind> kind = model::ParseEntityKind(t);
  if (!kind || *kind == model::EntityKind::kUnknown) {
    return Status::InvalidArgument(fmt::format(
        "invalid {} '{}': expected person, organization, vessel or aircraft", field, t));
  }
  return *kind;
}

int RunSingle(const CompareOptions& opt) {
  std::string_view a = Trim(opt.name_a);
  std::string_view b = Trim(opt.name_b);
  if (opt.name_a.empty() && opt.name_b.empty()) {
    return Fail(kExitUsage,
                "missing NAME_A and NAME_B: hudud compare NAME_A NAME_B (or --batch FILE)");
  }
  if (opt.name_b.empty()) return Fail(kExitUsage, "missing NAME_B: hudud compare NAME_A NAME_B");
  if (a.empty() || b.empty()) {
    return Fail(kExitUsage, a.empty() ? "empty NAME_A" : "empty NAME_B");
  }
  Result<model::EntityKind> kind = ParseKind(opt.type, "--type");
  if (!kind.ok()) return Fail(kExitUsage, kind.status().message());

  match::Explanation explanation;
  double score = match::CompareNames(std::string(a), std::string(b), *kind, &explanation);
  std::string out;
  if (opt.json) {
    Json j = {{"name_a", a},
              {"name_b", b},
              {"type", std::string(model::ToString(*kind))},
              {"score", RoundScore(score)},
              {"explanation", ExplanationJson(explanation)}};
    out = DumpJson(j) + "\n";
  } else {
    // The score alone on the first line, so scripts can read it; the
    // explanation only when asked for.
    out = FormatScore(score) + "\n";
    if (opt.explain) AppendExplanationText(explanation, "  ", &out);
  }
  return WriteStdout(out) ? kExitOk : kExitRuntime;
}

// Scores one "a<TAB>b[<TAB>type]" line; nullopt (with `error` set) for a bad one.
// Lines without a type use `default_kind` (--type, else person).
std::optional<double> CompareLine(std::string_view line, model::EntityKind default_kind,
                                  std::string* error) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  if (fields.size() < 2 || fields.size() > 3) {
    *error = fmt::format("expected name_a<TAB>name_b[<TAB>type], found {} field{}", fields.size(),
                         fields.size() == 1 ? "" : "s");
    return std::nullopt;
  }
  std::string_view a = Trim(fields[0]);
  std::string_view b = Trim(fields[1]);
  if (a.empty() || b.empty()) {
    *error = a.empty() ? "empty name_a" : "empty name_b";
    return std::nullopt;
  }
  Result<model::EntityKind> kind = default_kind;
  if (fields.size() == 3 && !Trim(fields[2]).empty()) kind = ParseKind(fields[2], "type");
  if (!kind.ok()) {
    *error = kind.status().message();
    return std::nullopt;
  }
  try {
    return match::CompareNames(std::string(a), std::string(b), *kind);
  } catch (const std::exception& e) {
    *error = std::string("internal error: ") + e.what();
  } catch (...) {
    *error = "internal error";
  }
  return std::nullopt;
}

int RunBatch(const CompareOptions& opt) {
  if (opt.threads < 0) return Fail(kExitUsage, fmt::format("invalid --threads {}", opt.threads));
  Result<model::EntityKind> default_kind = ParseKind(opt.type, "--type");
  if (!default_kind.ok()) return Fail(kExitUsage, default_kind.status().message());
  std::string input;
  if (Status st = ReadAll(opt.batch, &input); !st.ok()) return Fail(kExitRuntime, st.message());
  std::vector<std::string_view> lines = SplitLines(input);

  // One output line per input line, always: callers paste the output next
  // to the input. A bad line prints "nan" and is reported on stderr.
  std::vector<std::string> scores(lines.size());
  std::vector<std::string> errors(lines.size());
  ParallelFor(lines.size(), ResolveThreads(opt.threads), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      std::optional<double> score = CompareLine(lines[i], *default_kind, &errors[i]);
      scores[i] = score ? FormatScore(*score) : "nan";
    }
  });

  std::string out;
  out.reserve(lines.size() * 7);
  for (const std::string& s : scores) {
    out += s;
    out += '\n';
  }
  bool written = WriteStdout(out);
  for (size_t i = 0; i < errors.size(); ++i) {
    if (!errors[i].empty()) Warn(fmt::format("line {}: {}", i + 1, errors[i]));
  }
  return written ? kExitOk : kExitRuntime;
}

int RunCompare(const CompareOptions& opt) {
  if (!opt.batch.empty()) {
    if (!opt.name_a.empty() || !opt.name_b.empty()) {
      return Fail(kExitUsage, "compare --batch reads pairs from the file; do not also give names");
    }
    return RunBatch(opt);
  }
  return RunSingle(opt);
}

}  // namespace

CommandRunner AddCompareCommand(CLI::App& compare) {
  auto opt = std::make_shared<CompareOptions>();
  compare.add_option("NAME_A", opt->name_a, "First name");
  compare.add_option("NAME_B", opt->name_b, "Second name");
  compare.add_option("--type", opt->type,
                     "person (default), organization, vessel or aircraft; in batch, the default "
                     "for lines without a type");
  compare.add_flag("--json", opt->json, "Print the score and the explanation as JSON");
  compare.add_flag("--explain", opt->explain, "Print the explanation under the score");
  compare.add_option("--batch", opt->batch,
                     "Score name_a<TAB>name_b[<TAB>type] lines of FILE ('-' = stdin)");
  compare.add_option("--threads", opt->threads, "Batch threads (default: hardware threads)");
  return [opt] { return RunCompare(*opt); };
}

}  // namespace hudud::cli
