// `hudud designations ...`: the national designation process from the
// command line: propose, amend, delist, approve, reject, publish, list, show.
// The acting user comes from --user or $HUDUD_USER (the service's sign-in
// replaces this later).
#include "store/designations.h"

#include <fmt/core.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "api/designations_json.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "monitor/rescreen.h"
#include "store/entity_json.h"

namespace hudud::cli {
namespace {

struct EntityFlags {
  std::string entity_file;
  std::string name;
  std::string kind = "person";
  std::string dob;
  std::string nationality;
  std::vector<std::string> aliases;
  std::vector<std::string> documents;
  std::string program;
};

struct Options {
  std::string db;
  std::string user;
  bool json = false;
  // propose / amend / delist
  std::string list;
  std::string entity_id;
  EntityFlags entity;
  std::string reason;
  std::vector<std::string> evidence;
  // approve / reject / show
  int64_t proposal = 0;
  std::string note;
  std::string state;
};

Result<model::Entity> EntityFrom(const EntityFlags& f) {
  if (!f.entity_file.empty()) {
    std::string text;
    HUDUD_RETURN_IF_ERROR(ReadAll(f.entity_file, &text));
    Result<model::Entity> e = store::EntityFromJson(text);
    if (!e.ok()) return Status::InvalidArgument(f.entity_file + ": " + e.status().message());
    return e;
  }
  api::EntityFields fields;
  fields.name = f.name;
  fields.kind = f.kind;
  fields.aliases = f.aliases;
  fields.dob = f.dob;
  fields.nationality = f.nationality;
  fields.documents = f.documents;
  fields.program = f.program;
  return api::EntityFromFields(fields, api::FieldNaming::kFlags);
}

std::string ProposalLine(const store::Proposal& p) {
  return fmt::format("#{} {} {} \"{}\" on {}: {} (by {} at {}){}\n", p.id, p.action, p.entity_id,
                     p.entity.names.empty() ? "" : p.entity.names[0].full, p.list_id, p.state,
                     p.proposed_by, p.proposed_at,
                     p.decided_by.empty() ? ""
                                          : std::string(p.state == "rejected" ? "; rejected by "
                                                                              : "; approved by ") +
                                                p.decided_by);
}

int Print(const Options& o, const store::Proposal& p) {
  if (o.json) return WriteStdout(DumpJson(api::ProposalJson(p)) + "\n") ? kExitOk : kExitRuntime;
  return WriteStdout(ProposalLine(p)) ? kExitOk : kExitRuntime;
}

Result<std::unique_ptr<store::Store>> OpenStore(const Options& o) {
  return store::Store::Open(ResolveDbPath(o.db));
}

enum class Action { kPropose, kAmend, kDelist, kApprove, kReject, kPublish, kList, kShow };

int Run(Action action, const Options& o) {
  // Who acts is checked first, so a usage error never creates a database.
  const bool acts = action != Action::kList && action != Action::kShow;
  Result<std::string> user = acts ? ResolveUser(o.user) : Result<std::string>(std::string());
  if (!user.ok()) return Fail(kExitUsage, user.status().message());
  Result<std::unique_ptr<store::Store>> store = OpenStore(o);
  if (!store.ok()) return Fail(kExitRuntime, store.status().message());
  store::DesignationRegistry registry(**store);
  if (action == Action::kList) {
    Result<std::vector<store::Proposal>> all = registry.Proposals(o.list, o.state);
    if (!all.ok()) return FailStatus(all.status());
    if (o.json) {
      Json out = Json::array();
      for (const store::Proposal& p : *all) out.push_back(api::ProposalJson(p));
      return WriteStdout(DumpJson(out) + "\n") ? kExitOk : kExitRuntime;
    }
    std::string text = all->empty() ? "no proposals\n" : "";
    for (const store::Proposal& p : *all) text += ProposalLine(p);
    return WriteStdout(text) ? kExitOk : kExitRuntime;
  }
  if (action == Action::kShow) {
    Result<store::Proposal> p = registry.Get(o.proposal);
    if (!p.ok()) return FailStatus(p.status());
    Result<std::vector<store::ProposalEvent>> events = registry.Events(o.proposal);
    if (!events.ok()) return FailStatus(events.status());
    if (o.json) {
      Json j = api::ProposalDetailJson(*p, *events);
      return WriteStdout(DumpJson(j) + "\n") ? kExitOk : kExitRuntime;
    }
    std::string text = ProposalLine(*p) + "  reasons: " + p->reasons + "\n";
    for (const std::string& e : p->evidence) text += "  evidence: " + e + "\n";
    for (const store::ProposalEvent& e : *events) {
      text += fmt::format("  {} {} by {}{}{}\n", e.at, e.action, e.actor,
                          e.detail.empty() ? "" : ": ", e.detail);
    }
    return WriteStdout(text) ? kExitOk : kExitRuntime;
  }

  switch (action) {
    case Action::kPropose:
    case Action::kAmend: {
      Result<model::Entity> e = EntityFrom(o.entity);
      if (!e.ok()) return FailStatus(e.status());
      Result<store::Proposal> p =
          action == Action::kPropose
              ? registry.ProposeDesignation(o.list, std::move(*e), o.reason, o.evidence, *user)
              : registry.ProposeAmendment(o.entity_id, std::move(*e), o.reason, o.evidence, *user);
      if (!p.ok()) return FailStatus(p.status());
      return Print(o, *p);
    }
    case Action::kDelist: {
      Result<store::Proposal> p =
          registry.ProposeDelisting(o.entity_id, o.reason, o.evidence, *user);
      if (!p.ok()) return FailStatus(p.status());
      return Print(o, *p);
    }
    case Action::kApprove:
    case Action::kReject: {
      Result<store::Proposal> p = action == Action::kApprove
                                      ? registry.Approve(o.proposal, *user, o.note)
                                      : registry.Reject(o.proposal, *user, o.note);
      if (!p.ok()) return FailStatus(p.status());
      return Print(o, *p);
    }
    case Action::kPublish: {
      Result<store::ImportSummary> s = registry.Publish(o.list, *user);
      if (!s.ok()) return FailStatus(s.status());
      Result<monitor::RescreenReport> r = monitor::RescreenAfterChange(**store, *s);
      if (!r.ok()) {
        Warn("published, but re-screening the held subjects failed: " + r.status().message());
      }
      if (o.json) {
        Json j = api::PublishJson(*s, r.ok() ? &*r : nullptr);
        return WriteStdout(DumpJson(j) + "\n") ? kExitOk : kExitRuntime;
      }
      std::string text;
      if (s->unchanged) {
        // The approved changes left the content as it was (an amendment
        // to the same record): the proposals are published, the version stays.
        text = fmt::format("published list '{}': content unchanged, version {} stays active\n",
                           s->version.list_id, s->version.id);
      } else {
        text = fmt::format(
            "published list '{}' version {}: {} entries ({} added, {} changed, {} removed)\n",
            s->version.list_id, s->version.id, s->version.entities, s->added, s->changed,
            s->removed);
      }
      for (const std::string& id : s->added_ids) text += "  added   " + id + "\n";
      for (const std::string& id : s->changed_ids) text += "  changed " + id + "\n";
      for (const std::string& id : s->removed_ids) text += "  removed " + id + "\n";
      if (r.ok() && r->subjects > 0) {
        text += fmt::format("  re-screened {} held subjects: {} alerts raised, {} closed\n",
                            r->subjects, r->alerts_raised, r->alerts_closed);
      }
      return WriteStdout(text) ? kExitOk : kExitRuntime;
    }
    default:
      return Fail(kExitUsage, "no designations command given");
  }
}

void Common(CLI::App* app, Options* o, bool with_user) {
  app->add_option("--db", o->db, "Database file (default: $HUDUD_DB or ./hudud.db)");
  if (with_user) app->add_option("--user", o->user, "The acting user (default: $HUDUD_USER)");
  app->add_flag("--json", o->json, "Print as JSON");
}

void EntityOptions(CLI::App* app, EntityFlags* f) {
  CLI::Option* file = app->add_option(
      "--entity", f->entity_file,
      "The full record as a JSON file (the stored entity form), instead of the flags below");
  // The record comes either from the file or from the flags, never a mix.
  for (CLI::Option* flag : {
           app->add_option("--name", f->name, "Primary name, any script"),
           app->add_option("--kind", f->kind, "person, organization, vessel or aircraft")
               ->capture_default_str(),
           app->add_option("--alias", f->aliases, "Another name (repeatable)"),
           app->add_option("--dob", f->dob, "Date of birth (YYYY, YYYY-MM, YYYY-MM-DD)"),
           app->add_option("--nationality", f->nationality,
                           "Nationality (any language or ISO code)"),
           app->add_option("--document", f->documents,
                           "Identity document NUMBER[:COUNTRY] (repeatable)"),
           app->add_option("--program", f->program, "The legal basis or regime"),
       }) {
    file->excludes(flag);
  }
}

}  // namespace

CommandRunner AddDesignationsCommand(CLI::App& d) {
  d.require_subcommand(1);
  d.footer(
      "A national list is kept here by four eyes: one user proposes (designate, amend or\n"
      "delist, with reasons and evidence references), a different user approves or rejects,\n"
      "and publish turns every approved change of the list into one new list version that\n"
      "screening uses. Every step is recorded with who and when (designations show N).\n"
      "The acting user is --user or $HUDUD_USER.");
  auto o = std::make_shared<Options>();
  CLI::App* propose = d.add_subcommand("propose", "Propose to designate a person or entity");
  propose->add_option("--list", o->list, "The national list's id")->required();
  EntityOptions(propose, &o->entity);
  propose->add_option("--reason", o->reason, "Why (the statement of reasons)")->required();
  propose->add_option("--evidence", o->evidence, "A reference to evidence (repeatable)");
  Common(propose, o.get(), true);

  CLI::App* amend = d.add_subcommand("amend", "Propose to replace a published entry's record");
  amend->add_option("ENTITY_ID", o->entity_id, "The entry, e.g. national:12")->required();
  EntityOptions(amend, &o->entity);
  amend->add_option("--reason", o->reason, "Why")->required();
  amend->add_option("--evidence", o->evidence, "A reference to evidence (repeatable)");
  Common(amend, o.get(), true);

  CLI::App* delist = d.add_subcommand("delist", "Propose to remove a published entry");
  delist->add_option("ENTITY_ID", o->entity_id, "The entry")->required();
  delist->add_option("--reason", o->reason, "Why (court ruling, death, review)")->required();
  delist->add_option("--evidence", o->evidence, "A reference to evidence (repeatable)");
  Common(delist, o.get(), true);

  CLI::App* approve = d.add_subcommand("approve", "Approve a proposal (not your own)");
  approve->add_option("PROPOSAL", o->proposal, "The proposal number")->required();
  approve->add_option("--note", o->note, "A note on the decision");
  Common(approve, o.get(), true);

  CLI::App* reject =
      d.add_subcommand("reject", "Reject a proposal (or an unpublished approval), with a note");
  reject->add_option("PROPOSAL", o->proposal, "The proposal number")->required();
  reject->add_option("--note", o->note, "Why")->required();
  Common(reject, o.get(), true);

  CLI::App* publish =
      d.add_subcommand("publish", "Publish every approved change as a new list version");
  publish->add_option("--list", o->list, "The national list's id")->required();
  Common(publish, o.get(), true);

  CLI::App* list = d.add_subcommand("list", "List proposals, newest first");
  list->add_option("--list", o->list, "Only this list");
  list->add_option("--state", o->state, "proposed, approved, rejected or published")
      ->check(CLI::IsMember({"proposed", "approved", "rejected", "published"}));
  Common(list, o.get(), false);

  CLI::App* show = d.add_subcommand("show", "A proposal with its history");
  show->add_option("PROPOSAL", o->proposal, "The proposal number")->required();
  Common(show, o.get(), false);

  return [o, propose, amend, delist, approve, reject, publish, list] {
    Action a = *propose   ? Action::kPropose
               : *amend   ? Action::kAmend
               : *delist  ? Action::kDelist
               : *approve ? Action::kApprove
               : *reject  ? Action::kReject
               : *publish ? Action::kPublish
               : *list    ? Action::kList
                          : Action::kShow;
    return Run(a, *o);
  };
}

}  // namespace hudud::cli
