// `hudud redress file|list|show|review|resolve`: a person's request to be
// cleared of a wrong match, recorded and handled from the command line with
// the same store operations and JSON as /v1/redress. The acting user is
// --actor or $HUDUD_USER.
#include "store/redress.h"

#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

#include "api/alerts_json.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"

namespace hudud::cli {
namespace {

struct RedressOptions {
  std::string db, actor, reference, requester, contact, description, state, text;
  std::vector<int64_t> alerts;
  int64_t limit = 0;
  bool json = false;
};

std::string Line(const store::RedressRequest& r) {
  std::string alerts;
  for (int64_t a : r.alert_ids) alerts += (alerts.empty() ? "" : ",") + std::to_string(a);
  return fmt::format("{} {} from {} received {} by {}{}{}\n    {}\n", r.reference, r.state,
                     r.requester, r.received_at, r.received_by,
                     alerts.empty() ? "" : "; alerts " + alerts,
                     r.outcome.empty() ? "" : "; outcome: " + r.outcome, r.description);
}

int Print(const store::RedressRequest& r, bool json) {
  if (json) return WriteStdout(DumpJson(api::RedressJson(r)) + "\n") ? kExitOk : kExitRuntime;
  return WriteStdout(Line(r)) ? kExitOk : kExitRuntime;
}

int Fails(const Status& s) {
  return Fail(s.code() == Status::Code::kIOError ? kExitRuntime : kExitUsage, s.message());
}

enum class Command { kFile, kList, kShow, kReview, kResolve };

int Run(const RedressOptions& opt, Command command) {
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(ResolveDbPath(opt.db));
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  store::Redress redress(**store);
  if (command == Command::kList) {
    Result<std::vector<store::RedressRequest>> all = redress.List(opt.state, opt.limit);
    if (!all.ok()) return Fails(all.status());
    if (opt.json) {
      Json out = Json::array();
      for (const auto& r : *all) out.push_back(api::RedressJson(r));
      return WriteStdout(DumpJson(out) + "\n") ? kExitOk : kExitRuntime;
    }
    std::string text = all->empty() ? "no redress requests\n" : "";
    for (const auto& r : *all) text += Line(r);
    return WriteStdout(text) ? kExitOk : kExitRuntime;
  }
  if (command == Command::kShow) {
    Result<store::RedressRequest> r = redress.Get(opt.reference);
    if (!r.ok()) return Fails(r.status());
    Result<std::vector<store::RedressEvent>> events = redress.Events(r->id);
    if (!events.ok()) return Fails(events.status());
    if (opt.json) {
      Json out = api::RedressJson(*r);
      out["events"] = api::RedressEventsJson(*events);
      return WriteStdout(DumpJson(out) + "\n") ? kExitOk : kExitRuntime;
    }
    std::string text = Line(*r);
    for (const auto& e : *events) {
      text += fmt::format("    {} {} {}{}\n", e.at, e.actor, e.action,
                          e.detail.empty() ? "" : ": " + e.detail);
    }
    return WriteStdout(text) ? kExitOk : kExitRuntime;
  }
  Result<std::string> actor = ResolveUser(opt.actor);
  if (!actor.ok()) return Fail(kExitUsage, actor.status().message());
  Result<store::RedressRequest> r = Status::Internal("no command");
  if (command == Command::kFile) {
    r = redress.File(opt.requester, opt.contact, opt.description, opt.alerts, *actor);
  } else {
    r = redress.Get(opt.reference);
    if (r.ok()) {
      r = command == Command::kReview ? redress.Review(r->id, opt.text, *actor)
                                      : redress.Resolve(r->id, opt.state, opt.text, *actor);
    }
  }
  if (!r.ok()) return Fails(r.status());
  return Print(*r, opt.json);
}

}  // namespace

CommandRunner AddRedressCommand(CLI::App& app) {
  app.require_subcommand(1);
  auto opt = std::make_shared<RedressOptions>();
  auto common = [opt](CLI::App* c) {
    c->add_option("--db", opt->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
    c->add_flag("--json", opt->json, "Print as JSON");
  };
  CLI::App* file = app.add_subcommand("file", "Record a person's request to be cleared");
  file->add_option("--requester", opt->requester, "The person's name, as they give it")->required();
  file->add_option("--contact", opt->contact, "How to answer them");
  file->add_option("--description", opt->description, "What happened (at least 10 characters)")
      ->required();
  file->add_option("--alert", opt->alerts, "An alert the request is about (repeatable)");
  file->add_option("--actor", opt->actor, "Who records it (default: $HUDUD_USER)");
  common(file);
  CLI::App* list = app.add_subcommand("list", "Redress requests, newest first");
  list->add_option("--state", opt->state, "received, under-review, cleared, upheld or rejected");
  list->add_option("--limit", opt->limit, "At most this many");
  common(list);
  CLI::App* show = app.add_subcommand("show", "One request with its history");
  show->add_option("REFERENCE", opt->reference, "RDR-<n>")->required();
  common(show);
  CLI::App* review = app.add_subcommand("review", "Take a request under review");
  review->add_option("REFERENCE", opt->reference, "RDR-<n>")->required();
  review->add_option("--note", opt->text, "A note");
  review->add_option("--actor", opt->actor, "Who reviews (default: $HUDUD_USER)");
  common(review);
  CLI::App* resolve = app.add_subcommand(
      "resolve", "End a request: cleared (its alerts become false positives), upheld or rejected");
  resolve->add_option("REFERENCE", opt->reference, "RDR-<n>")->required();
  resolve->add_option("--state", opt->state, "cleared, upheld or rejected")->required();
  resolve->add_option("--outcome", opt->text, "What the person is told (at least 10 characters)")
      ->required();
  resolve->add_option("--actor", opt->actor, "Who resolves (default: $HUDUD_USER)");
  common(resolve);
  return [=] {
    if (*file) return Run(*opt, Command::kFile);
    if (*list) return Run(*opt, Command::kList);
    if (*show) return Run(*opt, Command::kShow);
    if (*review) return Run(*opt, Command::kReview);
    return Run(*opt, Command::kResolve);
  };
}

}  // namespace hudud::cli
