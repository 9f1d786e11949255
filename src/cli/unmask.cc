// `hudud unmask ...`: four-eyes unmasking of depersonalised data
// (store/unmask.h). request (an analyst, with a reason and a purpose),
// approve / reject (the data-protection officer, never their own request),
// read (the requester, while the approval lasts: prints the original),
// list, show, and notifications (the acting user's role's). The acting
// user is --actor (or --user), else $HUDUD_USER.
#include "store/unmask.h"

#include <fmt/core.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <system_error>

#include "api/retention_json.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "store/access.h"
#include "store/notifications.h"
#include "store/purposes.h"
#include "store/vault.h"

namespace hudud::cli {
namespace {

struct Options {
  std::string db;
  std::string actor;
  std::string object;
  int64_t id = 0;
  std::string reason, purpose, purposes_file;
  std::string note;
  std::string valid_for = "24h";
  std::string state;
  bool mine = false;
  bool unread = false;
  int64_t mark_read = 0;
  std::string vault_key;
  std::string out;
  bool json = false;
};

int Print(const std::string& out) {
  if (!WriteStdout(out)) return Fail(kExitRuntime, "cannot write to stdout");
  return kExitOk;
}

Result<std::unique_ptr<store::Store>> OpenExisting(const Options& o) {
  const std::string path = ResolveDbPath(o.db);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound(fmt::format("database '{}' does not exist", path));
  }
  return store::Store::Open(path);
}

// The acting user, as a known user of the database.
Result<store::User> Actor(store::Store& db, const Options& o) {
  Result<std::string> name = ResolveUser(o.actor);
  if (!name.ok()) {
    return Status::InvalidArgument("who is acting? give --actor NAME or set HUDUD_USER");
  }
  Result<store::User> u = store::GetUser(db, *name);
  if (!u.ok() && u.status().code() == Status::Code::kNotFound) {
    return Status::InvalidArgument("no user '" + *name + "' (hudud users list)");
  }
  return u;
}

// "24h", "30m", "2d", "90s" or plain seconds.
Result<std::chrono::seconds> ParseDuration(const std::string& text) {
  size_t used = 0;
  long long n = -1;
  try {
    n = std::stoll(text, &used);
  } catch (const std::exception&) {
  }
  const std::string unit = used < text.size() ? text.substr(used) : "s";
  const long long scale = unit == "s"   ? 1
                          : unit == "m" ? 60
                          : unit == "h" ? 3600
                          : unit == "d" ? 86400
                                        : -1;
  if (n <= 0 || scale < 0) {
    return Status::InvalidArgument("--valid-for '" + text + "' is not a duration (24h, 30m, 2d)");
  }
  return std::chrono::seconds(n * scale);
}

std::string RequestText(const store::UnmaskRequest& r) {
  std::string out = fmt::format("unmasking request {} [{}]: {} asked on {} to unmask {} for {}\n",
                                r.id, r.state, r.requested_by, r.requested_at, r.object, r.purpose);
  out += "  reason: " + r.reason + "\n";
  if (!r.decided_by.empty()) {
    out +=
        fmt::format("  {} by {} on {}: {}\n", r.state, r.decided_by, r.decided_at, r.decision_note);
  }
  if (!r.expires_at.empty()) out += "  the requester may read it until " + r.expires_at + "\n";
  return out;
}

int PrintRequest(const Options& o, const store::UnmaskRequest& r, const std::string& next) {
  if (o.json) return Print(DumpJson(api::UnmaskRequestJson(r)) + "\n");
  return Print(RequestText(r) + next);
}

int RunRequest(const Options& o) {
  Result<std::unique_ptr<store::Store>> db = OpenExisting(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<store::User> actor = Actor(**db, o);
  if (!actor.ok()) return FailStatus(actor.status());
  Result<store::PurposeList> purposes = store::LoadPurposes(o.purposes_file);
  if (!purposes.ok()) return FailStatus(purposes.status());
  Status purpose = store::CheckPurpose(*purposes, o.purpose, actor->role);
  if (!purpose.ok()) return Fail(kExitUsage, "--purpose: " + purpose.message());
  Result<store::UnmaskRequest> r =
      store::RequestUnmask(**db, o.object, o.reason, o.purpose, actor->name);
  if (!r.ok()) return FailStatus(r.status());
  return PrintRequest(o, *r,
                      "the data-protection officer has been notified; once approved, read it "
                      "with hudud unmask read " +
                          std::to_string(r->id) + "\n");
}

int RunDecide(const Options& o, bool approve) {
  Result<std::unique_ptr<store::Store>> db = OpenExisting(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<store::User> actor = Actor(**db, o);
  if (!actor.ok()) return FailStatus(actor.status());
  Result<std::chrono::seconds> valid = ParseDuration(o.valid_for);
  if (!valid.ok()) return FailStatus(valid.status());
  Result<store::UnmaskRequest> r =
      store::DecideUnmask(**db, o.id, approve, o.note, actor->name, *valid);
  if (!r.ok()) return FailStatus(r.status());
  return PrintRequest(o, *r, "");
}

// An analyst sees their own requests, the data-protection officer all.
Status MaySee(const store::User& actor, const store::UnmaskRequest* r) {
  if (store::Allows(actor.role, store::Permission::kUnmaskApprove)) return Status::Ok();
  if (store::Allows(actor.role, store::Permission::kUnmaskRequest) &&
      (r == nullptr || r->requested_by == actor.name)) {
    return Status::Ok();
  }
  return Status::InvalidArgument("the " + std::string(store::ToString(actor.role)) + " role of '" +
                                 actor.name + "' may not see " +
                                 (r == nullptr ? std::string("unmasking requests")
                                               : "unmasking request " + std::to_string(r->id)));
}

int RunList(const Options& o) {
  Result<std::unique_ptr<store::Store>> db = OpenExisting(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<store::User> actor = Actor(**db, o);
  if (!actor.ok()) return FailStatus(actor.status());
  if (Status st = MaySee(*actor, nullptr); !st.ok()) return FailStatus(st);
  store::UnmaskFilter f;
  f.state = o.state;
  f.object = o.object;
  if (o.mine || !store::Allows(actor->role, store::Permission::kUnmaskApprove)) {
    f.requested_by = actor->name;
  }
  Result<std::vector<store::UnmaskRequest>> rs = store::ListUnmaskRequests(**db, f);
  if (!rs.ok()) return FailStatus(rs.status());
  if (o.json) {
    Json arr = Json::array();
    for (const auto& r : *rs) arr.push_back(api::UnmaskRequestJson(r));
    return Print(DumpJson(Json{{"requests", std::move(arr)}}) + "\n");
  }
  if (rs->empty()) return Print("no unmasking requests\n");
  std::string out;
  for (const auto& r : *rs) out += RequestText(r);
  return Print(out);
}

int RunShow(const Options& o) {
  Result<std::unique_ptr<store::Store>> db = OpenExisting(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<store::User> actor = Actor(**db, o);
  if (!actor.ok()) return FailStatus(actor.status());
  Result<store::UnmaskRequest> r = store::GetUnmaskRequest(**db, o.id);
  if (!r.ok()) return FailStatus(r.status());
  if (Status st = MaySee(*actor, &*r); !st.ok()) return FailStatus(st);
  return PrintRequest(o, *r, "");
}

int RunRead(const Options& o) {
  const std::string path = ResolveDbPath(o.db);
  Result<std::unique_ptr<store::Store>> db = OpenExisting(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<store::User> actor = Actor(**db, o);
  if (!actor.ok()) return FailStatus(actor.status());
  Result<store::Vault> vault =
      store::Vault::Load(o.vault_key.empty() ? store::DefaultVaultKeyPath(path) : o.vault_key);
  if (!vault.ok()) return FailStatus(vault.status());
  Result<store::UnmaskedData> d = store::ReadUnmasked(**db, *vault, o.id, actor->name);
  if (!d.ok()) return FailStatus(d.status());
  if (!o.out.empty()) {
    std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
    out << (o.json ? DumpJson(api::UnmaskedDataJson(*d)) + "\n" : d->original);
    if (!out) return Fail(kExitRuntime, "cannot write " + o.out);
    return kExitOk;
  }
  if (o.json) return Print(DumpJson(api::UnmaskedDataJson(*d)) + "\n");
  return Print(d->original + (d->original.empty() || d->original.back() == '\n' ? "" : "\n"));
}

int RunNotifications(const Options& o) {
  Result<std::unique_ptr<store::Store>> db = OpenExisting(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<store::User> actor = Actor(**db, o);
  if (!actor.ok()) return FailStatus(actor.status());
  const std::string role(store::ToString(actor->role));
  if (o.mark_read > 0) {
    Result<store::Notification> n =
        store::MarkNotificationRead(**db, o.mark_read, role, actor->name);
    if (!n.ok()) return FailStatus(n.status());
    if (o.json) return Print(DumpJson(api::NotificationJson(*n)) + "\n");
    return Print(fmt::format("notification {} read by {}\n", n->id, n->read_by));
  }
  store::NotificationFilter f;
  f.role = role;
  f.unread_only = o.unread;
  Result<std::vector<store::Notification>> ns = store::ListNotifications(**db, f);
  if (!ns.ok()) return FailStatus(ns.status());
  if (o.json) {
    Json arr = Json::array();
    for (const auto& n : *ns) arr.push_back(api::NotificationJson(n));
    return Print(DumpJson(Json{{"notifications", std::move(arr)}}) + "\n");
  }
  if (ns->empty()) return Print("no notifications for the " + role + " role\n");
  std::string out;
  for (const auto& n : *ns) {
    out += fmt::format("{} {} [{}{}] {}\n", n.id, n.at, n.kind,
                       n.read_by.empty() ? ", unread" : ", read by " + n.read_by, n.text);
  }
  return Print(out);
}

}  // namespace

CommandRunner AddUnmaskCommand(CLI::App& unmask) {
  auto o = std::make_shared<Options>();
  unmask.require_subcommand(1);
  CLI::App* request =
      unmask.add_subcommand("request", "Ask to see a depersonalised object (analyst)");
  request->add_option("object", o->object, "manifest:<id>, alert:<id> or audit:<seq>")->required();
  request->add_option("--reason", o->reason, "Why it is needed (at least 10 characters)")
      ->required();
  request->add_option("--purpose", o->purpose, "The purpose code (ct-investigation, ...)")
      ->required();
  request->add_option("--purposes", o->purposes_file, "Purposes file (default: built-in list)");
  CLI::App* approve =
      unmask.add_subcommand("approve", "Approve a request (data-protection officer)");
  approve->add_option("--valid-for", o->valid_for,
                      "How long the requester may read it: 24h (default), 30m, 2d");
  CLI::App* reject = unmask.add_subcommand("reject", "Reject a request (data-protection officer)");
  for (CLI::App* a : {approve, reject}) {
    a->add_option("id", o->id, "The request")->required();
    a->add_option("--note", o->note, "The reason for the decision")->required();
  }
  CLI::App* read = unmask.add_subcommand(
      "read", "Print the original of an approved request (its requester; recorded)");
  read->add_option("id", o->id, "The request")->required();
  read->add_option("--vault-key", o->vault_key, "The vault key file (default: <db>.vault-key)");
  read->add_option("--out", o->out, "Write it to this file instead of stdout");
  CLI::App* list = unmask.add_subcommand(
      "list", "Unmasking requests: an analyst's own, all for the data-protection officer");
  list->add_option("--state", o->state, "pending, approved or rejected");
  list->add_option("--object", o->object, "Only requests for this object");
  list->add_flag("--mine", o->mine, "Only the acting user's requests");
  CLI::App* show = unmask.add_subcommand("show", "One request");
  show->add_option("id", o->id, "The request")->required();
  CLI::App* notes =
      unmask.add_subcommand("notifications", "The notifications of the acting user's role");
  notes->add_flag("--unread", o->unread, "Only those nobody has read");
  notes->add_option("--read", o->mark_read, "Mark notification ID read");
  for (CLI::App* a : {request, approve, reject, read, list, show, notes}) {
    a->add_option("--actor,--user", o->actor, "The acting user (default: $HUDUD_USER)");
    a->add_flag("--json", o->json, "JSON instead of text");
    a->add_option("--db", o->db, "Database (default: $HUDUD_DB or ./hudud.db)");
  }
  return [=]() {
    if (*request) return RunRequest(*o);
    if (*approve) return RunDecide(*o, true);
    if (*reject) return RunDecide(*o, false);
    if (*read) return RunRead(*o);
    if (*list) return RunList(*o);
    if (*show) return RunShow(*o);
    if (*notes) return RunNotifications(*o);
    return Fail(kExitUsage, "no unmask command");
  };
}

}  // namespace hudud::cli
