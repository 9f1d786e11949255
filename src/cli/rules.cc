// `hudud rules ...`: targeting rules as analysts write them. save (a new
// draft version, refused when it uses a sensitive attribute), test (against
// the flights kept in the database, before activation), activate (by
// another user: four eyes), retire, list, show, fields.
#include "store/rules.h"

#include <fmt/core.h>

#include <algorithm>
#include <string>
#include <vector>

#include "api/rules_json.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "cli/targeting_io.h"
#include "travel/rules.h"

namespace hudud::cli {
namespace {

struct Options {
  std::string name;
  std::string expression;
  std::string justification;
  std::string owner;
  int version = 0;
  std::string from, to;
  bool all = false;
  bool json = false;
  std::string db;
  std::string user;
  int max_shown = 20;
};

std::string VersionText(const store::RuleVersion& v) {
  std::string out = fmt::format("{} v{} [{}] owner {}, written by {} on {}", v.name, v.version,
                                v.state, v.owner, v.created_by, v.created_at);
  if (!v.activated_by.empty())
    out += fmt::format(", activated by {} on {}", v.activated_by, v.activated_at);
  if (!v.retired_at.empty()) out += fmt::format(", retired {}", v.retired_at);
  out += "\n  when: " + v.expression + "\n  why:  " + v.justification + "\n";
  return out;
}

Result<std::unique_ptr<store::Store>> OpenDb(const Options& o) {
  return store::Store::Open(ResolveDbPath(o.db));
}

int Print(const std::string& out) {
  if (!WriteStdout(out)) return Fail(kExitRuntime, "cannot write to stdout");
  return kExitOk;
}

int RunSave(const Options& o) {
  Result<std::string> user = ResolveUser(o.user);
  if (!user.ok()) return Fail(kExitUsage, user.status().message());
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  store::RuleBook book(**db);
  Result<store::RuleVersion> v = book.Save(o.name, o.expression, o.justification, o.owner, *user);
  if (!v.ok()) return FailStatus(v.status());
  if (o.json) return Print(DumpJson(api::RuleVersionJson(*v)) + "\n");
  return Print(
      fmt::format("saved {} version {} as a draft; test it (hudud rules test {}) and "
                  "have another user activate it (hudud rules activate {})\n",
                  v->name, v->version, v->name, v->name));
}

int RunActivate(const Options& o, bool activate) {
  Result<std::string> user = ResolveUser(o.user);
  if (!user.ok()) return Fail(kExitUsage, user.status().message());
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  store::RuleBook book(**db);
  Result<store::RuleVersion> v =
      activate ? book.Activate(o.name, o.version, *user) : book.Retire(o.name, *user);
  if (!v.ok()) return FailStatus(v.status());
  if (o.json) return Print(DumpJson(api::RuleVersionJson(*v)) + "\n");
  return Print(fmt::format("{} version {} is {}\n", v->name, v->version, v->state));
}

int RunList(const Options& o) {
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  store::RuleBook book(**db);
  Result<std::vector<store::RuleVersion>> vs = o.all ? book.Versions("") : book.Active();
  if (!vs.ok()) return FailStatus(vs.status());
  if (o.json) {
    Json arr = Json::array();
    for (const auto& v : *vs) arr.push_back(api::RuleVersionJson(v));
    return Print(DumpJson(arr) + "\n");
  }
  if (vs->empty()) {
    return Print(o.all ? "No rules (hudud rules save NAME --when EXPR ...).\n"
                       : "No active rules (hudud rules list --all shows drafts).\n");
  }
  std::string out;
  for (const auto& v : *vs) out += VersionText(v);
  return Print(out);
}

int RunShow(const Options& o) {
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  store::RuleBook book(**db);
  Result<std::vector<store::RuleVersion>> vs = book.Versions(o.name);
  if (!vs.ok()) return FailStatus(vs.status());
  if (vs->empty()) return Fail(kExitUsage, "no rule '" + o.name + "'");
  Result<std::vector<store::RuleEvent>> events = book.Events(o.name);
  if (!events.ok()) return FailStatus(events.status());
  if (o.json) return Print(DumpJson(api::RuleHistoryJson(o.name, *vs, *events)) + "\n");
  std::string out;
  for (const auto& v : *vs) out += VersionText(v);
  out += "History:\n";
  for (const auto& e : *events) {
    out += fmt::format("  {} v{} {} by {}{}\n", e.at, e.version, e.action, e.actor,
                       e.detail.empty() || e.action == "saved" ? "" : " (" + e.detail + ")");
  }
  return Print(out);
}

int RunTest(const Options& o) {
  std::string text = o.expression, label = "expression";
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  if (text.empty()) {
    if (o.name.empty()) return Fail(kExitUsage, "give a rule NAME or --when EXPR to test");
    store::RuleBook book(**db);
    Result<store::RuleVersion> v = book.Get(o.name, o.version);
    if (!v.ok()) return FailStatus(v.status());
    text = v->expression;
    label = fmt::format("{} v{} [{}]", v->name, v->version, v->state);
  }
  Result<travel::RuleExpression> rule = travel::RuleExpression::Parse(text);
  if (!rule.ok()) return Fail(kExitUsage, rule.status().message());
  Result<api::RuleTest> test = api::TestRule(**db, *rule, o.from, o.to);
  if (!test.ok()) return FailStatus(test.status());
  if (o.json) return Print(DumpJson(api::RuleTestJson(label, text, *test)) + "\n");
  std::string out = fmt::format(
      "{} would have hit {} of {} travellers on {} of {} kept flights{}\n", label, test->hits,
      test->travellers, test->flights_hit, test->flights.size(),
      test->unreadable ? fmt::format(" ({} kept messages no longer readable)", test->unreadable)
                       : "");
  const size_t max_shown = static_cast<size_t>(std::max(o.max_shown, 0));
  for (const api::RuleTestFlight& f : test->flights) {
    if (f.hits.empty()) continue;
    out += fmt::format("  {} ({}, manifest {}): {} of {} travellers\n", f.flight, f.format,
                       f.manifest, f.hits.size(), f.travellers);
    for (size_t i = 0; i < f.hits.size() && i < max_shown; ++i) {
      out += fmt::format("    {}: {}\n", f.hits[i].traveller, f.hits[i].explanation);
    }
    if (f.hits.size() > max_shown) {
      out += fmt::format("    ... and {} more\n", f.hits.size() - max_shown);
    }
  }
  return Print(out);
}

int RunFields(const Options& o) {
  const std::vector<travel::FieldInfo>& fields = travel::RuleFields();
  if (o.json) return Print(DumpJson(api::RuleFieldsJson()) + "\n");
  std::string out;
  for (const auto& f : fields) {
    out += fmt::format("{:<26} {:<11} {}\n", f.name, std::string(f.type) + (f.list ? " list" : ""),
                       f.meaning);
  }
  return Print(out);
}

}  // namespace

CommandRunner AddRulesCommand(CLI::App& rules) {
  auto o = std::make_shared<Options>();
  rules.require_subcommand(1);
  CLI::App* save = rules.add_subcommand("save", "Save a new draft version of a rule");
  save->add_option("name", o->name, "Rule name ([a-z0-9._-])")->required();
  save->add_option("--when", o->expression, "The rule's conditions (see docs/RULES.md)")
      ->required();
  save->add_option("--justification", o->justification, "The threat it targets, and why")
      ->required();
  save->add_option("--owner", o->owner, "Who answers for it (a unit or a person)")->required();
  CLI::App* test = rules.add_subcommand(
      "test", "Run a rule (or --when EXPR) against the flights kept in the database");
  test->add_option("name", o->name, "Rule name");
  test->add_option("--when", o->expression, "An expression to test instead of a saved rule");
  test->add_option("--version", o->version, "Version to test (default: the latest)");
  test->add_option("--from", o->from, "First departure date (YYYY-MM-DD)");
  test->add_option("--to", o->to, "Last departure date (YYYY-MM-DD)");
  test->add_option("--show", o->max_shown, "Travellers shown per flight (default 20)");
  CLI::App* activate =
      rules.add_subcommand("activate", "Activate a version (by another user than its author)");
  activate->add_option("name", o->name, "Rule name")->required();
  activate->add_option("--version", o->version, "Version (default: the latest)");
  CLI::App* retire = rules.add_subcommand("retire", "Retire the active version of a rule");
  retire->add_option("name", o->name, "Rule name")->required();
  CLI::App* list = rules.add_subcommand("list", "Active rules (--all: every version)");
  list->add_flag("--all", o->all, "Every version, drafts and retired ones included");
  CLI::App* show = rules.add_subcommand("show", "A rule's versions and history");
  show->add_option("name", o->name, "Rule name")->required();
  CLI::App* fields = rules.add_subcommand("fields", "The fields a rule can use");
  for (CLI::App* a : {save, test, activate, retire, list, show, fields}) {
    a->add_flag("--json", o->json, "JSON instead of text");
    if (a != fields) a->add_option("--db", o->db, "Database (default: $HUDUD_DB or ./hudud.db)");
  }
  for (CLI::App* a : {save, activate, retire}) {
    a->add_option("--user", o->user, "The acting user (default: $HUDUD_USER)");
  }
  return [=]() {
    if (*save) return RunSave(*o);
    if (*test) return RunTest(*o);
    if (*activate) return RunActivate(*o, true);
    if (*retire) return RunActivate(*o, false);
    if (*list) return RunList(*o);
    if (*show) return RunShow(*o);
    if (*fields) return RunFields(*o);
    return Fail(kExitUsage, "no rules command");
  };
}

}  // namespace hudud::cli
