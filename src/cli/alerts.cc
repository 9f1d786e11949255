// `hudud alerts list|show|assign|comment|decide|outcome|reopen`: the alert
// queue and its triage from the command line, the same store operations
// and JSON as /v1/alerts. The acting user is --actor or $HUDUD_USER.
#include <fmt/core.h>

#include <memory>
#include <string>

#include "api/alerts_json.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "store/cases.h"

namespace hudud::cli {
namespace {

struct AlertsOptions {
  std::string db, actor;
  store::AlertQuery query;
  int64_t id = 0;
  std::string assignee, text, decision, outcome;
  bool json = false;
};

std::string Line(const store::Alert& a) {
  std::string state = a.status;
  if (!a.decision.empty()) state += " " + a.decision;
  if (!a.outcome.empty()) state += " → " + a.outcome;
  return fmt::format("#{} {} [{}{}] subject {} ~ {} ({}) score {} raised {} ({}){}{}\n    {}\n",
                     a.id, state, a.source, a.case_ref.empty() ? "" : " " + a.case_ref,
                     a.subject_id, a.entity_id, a.list_id, FormatScore(a.score), a.raised_at,
                     a.trigger, a.assignee.empty() ? std::string() : "; assigned to " + a.assignee,
                     a.status == "closed" && a.decision.empty()
                         ? "; closed " + a.closed_at + ": " + a.closed_reason
                         : std::string(),
                     a.summary);
}

int Print(const store::Alert& a, bool json) {
  if (json) return WriteStdout(DumpJson(api::AlertJson(a)) + "\n") ? kExitOk : kExitRuntime;
  return WriteStdout(Line(a)) ? kExitOk : kExitRuntime;
}

int RunList(const AlertsOptions& opt) {
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(ResolveDbPath(opt.db));
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  Result<store::AlertPage> page = store::Cases(**store).Find(opt.query);
  if (!page.ok()) return Fail(kExitUsage, page.status().message());
  if (opt.json) {
    Json out = Json::array();
    for (const store::Alert& a : page->alerts) out.push_back(api::AlertJson(a));
    return WriteStdout(DumpJson(out) + "\n") ? kExitOk : kExitRuntime;
  }
  std::string text;
  if (page->alerts.empty()) text = "no alerts\n";
  for (const store::Alert& a : page->alerts) text += Line(a);
  if (page->next != 0) {
    text += fmt::format("({} of {}; more with --before {})\n", page->alerts.size(), page->total,
                        page->next);
  }
  return WriteStdout(text) ? kExitOk : kExitRuntime;
}

int RunShow(const AlertsOptions& opt) {
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(ResolveDbPath(opt.db));
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  store::Cases cases(**store);
  Result<store::Alert> a = cases.Get(opt.id);
  if (!a.ok()) return Fail(kExitUsage, a.status().message());
  Result<std::vector<store::AlertEvent>> events = cases.Events(opt.id);
  if (!events.ok()) return Fail(kExitRuntime, events.status().message());
  if (opt.json) {
    Json out = api::AlertJson(*a);
    out["explanation"] = api::AlertExplanationJson(*a);
    out["events"] = api::AlertEventsJson(*events);
    return WriteStdout(DumpJson(out) + "\n") ? kExitOk : kExitRuntime;
  }
  std::string text = Line(*a);
  if (!a->subject_name.empty() || !a->listed_name.empty()) {
    text +=
        fmt::format("    screened as \"{}\", listed as \"{}\"\n", a->subject_name, a->listed_name);
  }
  if (!a->subject_json.empty()) text += "    subject: " + a->subject_json + "\n";
  text += a->explanation_json.empty() ? "    no explanation kept for this alert\n"
                                      : "    explanation: " + a->explanation_json + "\n";
  if (!a->justification.empty()) {
    text += fmt::format("    decided {} by {} at {}: {}\n", a->decision, a->decided_by,
                        a->decided_at, a->justification);
  }
  for (const store::AlertEvent& e : *events) {
    text += fmt::format("    {} {} {}{}\n", e.at, e.actor, e.action,
                        e.detail.empty() ? "" : ": " + e.detail);
  }
  return WriteStdout(text) ? kExitOk : kExitRuntime;
}

enum class Change { kAssign, kComment, kDecide, kOutcome, kReopen };

int RunChange(const AlertsOptions& opt, Change change) {
  Result<std::string> actor = ResolveUser(opt.actor);
  if (!actor.ok()) return Fail(kExitUsage, actor.status().message());
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(ResolveDbPath(opt.db));
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  store::Cases cases(**store);
  Result<store::Alert> a = Status::Internal("no change");
  switch (change) {
    case Change::kAssign:
      a = cases.Assign(opt.id, opt.assignee, *actor);
      break;
    case Change::kComment: {
      Status st = cases.Comment(opt.id, opt.text, *actor);
      a = st.ok() ? cases.Get(opt.id) : Result<store::Alert>(st);
      break;
    }
    case Change::kDecide: {
      Result<store::Decision> d = store::ParseDecision(opt.decision);
      if (!d.ok()) return Fail(kExitUsage, d.status().message());
      a = cases.Decide(opt.id, *d, opt.text, *actor);
      break;
    }
    case Change::kOutcome: {
      Result<store::Outcome> o = store::ParseOutcome(opt.outcome);
      if (!o.ok()) return Fail(kExitUsage, o.status().message());
      a = cases.RecordOutcome(opt.id, *o, opt.text, *actor);
      break;
    }
    case Change::kReopen:
      a = cases.Reopen(opt.id, opt.text, *actor);
      break;
  }
  if (!a.ok()) {
    return Fail(a.status().code() == Status::Code::kIOError ? kExitRuntime : kExitUsage,
                a.status().message());
  }
  return Print(*a, opt.json);
}

}  // namespace

CommandRunner AddAlertsCommand(CLI::App& alerts) {
  alerts.require_subcommand(1);
  auto opt = std::make_shared<AlertsOptions>();
  auto common = [opt](CLI::App* c) {
    c->add_option("--db", opt->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
    c->add_flag("--json", opt->json, "Print as JSON");
  };
  auto acting = [opt, common](CLI::App* c) {
    c->add_option("ID", opt->id, "The alert")->required();
    c->add_option("--actor", opt->actor, "Who acts (default: $HUDUD_USER)");
    common(c);
  };
  CLI::App* list = alerts.add_subcommand("list", "List alerts, newest first");
  store::AlertQuery& q = opt->query;
  q.limit = 0;
  list->add_option("--status", q.status, "open or closed")
      ->check(CLI::IsMember({"open", "closed"}));
  list->add_option("--subject", q.subject_id, "Only this subject's alerts");
  list->add_option("--list", q.list_id, "Only alerts on this list's entries");
  list->add_option("--source", q.source, "monitoring, screening, booth or manifest");
  list->add_option("--assignee", q.assignee, "Only alerts assigned to this user");
  list->add_flag("--unassigned", q.unassigned, "Only alerts nobody holds");
  list->add_option("--decision", q.decision, "confirmed, false-positive or inconclusive");
  list->add_option("--flight", q.flight, "Only this flight's alerts");
  list->add_option("--case", q.case_ref, "Only this case's alerts (HUD-<n>)");
  list->add_option("--name", q.name,
                   "Only alerts whose screened or listed name contains this (any case, accents "
                   "aside)");
  list->add_option("--manifest", q.manifest_id, "Only the alerts of this kept manifest");
  list->add_option("--min-score", q.min_score, "Only alerts scoring at least this");
  list->add_option("--from", q.raised_from, "Raised on or after (YYYY-MM-DD)");
  list->add_option("--to", q.raised_to, "Raised on or before (YYYY-MM-DD)");
  list->add_option("--before", q.before_id, "Only alerts older than this id (paging)");
  list->add_option("--limit", q.limit, "At most this many (1..1000; default all)");
  common(list);

  CLI::App* show = alerts.add_subcommand("show", "One alert with its history");
  show->add_option("ID", opt->id, "The alert")->required();
  common(show);

  CLI::App* assign = alerts.add_subcommand("assign", "Give an alert to an analyst");
  assign->add_option("--to", opt->assignee, "The analyst (empty: back to the queue)")->required();
  acting(assign);
  CLI::App* comment = alerts.add_subcommand("comment", "Comment on an alert");
  comment->add_option("TEXT", opt->text, "The comment")->required();
  acting(comment);
  CLI::App* decide = alerts.add_subcommand(
      "decide", "Decide an alert: confirmed, false-positive or inconclusive, with why");
  decide->add_option("--decision", opt->decision, "confirmed, false-positive or inconclusive")
      ->required();
  decide->add_option("--justification", opt->text, "Why (at least 10 characters)")->required();
  acting(decide);
  CLI::App* outcome =
      alerts.add_subcommand("outcome",
                            "Record an adverse outcome of a confirmed alert (refer, deny-boarding, "
                            "freeze-report)");
  outcome->add_option("--outcome", opt->outcome, "refer, deny-boarding or freeze-report")
      ->required();
  outcome->add_option("--detail", opt->text, "What was done (at least 10 characters)")->required();
  acting(outcome);
  CLI::App* reopen = alerts.add_subcommand("reopen", "Reopen a decided alert, saying why");
  reopen->add_option("--reason", opt->text, "Why (at least 10 characters)")->required();
  acting(reopen);

  return [=] {
    if (*list) return RunList(*opt);
    if (*show) return RunShow(*opt);
    if (*assign) return RunChange(*opt, Change::kAssign);
    if (*comment) return RunChange(*opt, Change::kComment);
    if (*decide) return RunChange(*opt, Change::kDecide);
    if (*outcome) return RunChange(*opt, Change::kOutcome);
    return RunChange(*opt, Change::kReopen);
  };
}

}  // namespace hudud::cli
