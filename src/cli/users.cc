// `hudud users ...` and `hudud tokens ...`: the accounts and API tokens of
// the HTTP service. users add (the very first user of a database must be an
// admin and needs no acting user; after that an admin acts: --actor or
// $HUDUD_USER), list, disable, passwd; tokens create (the token is printed
// once), list, revoke. Passwords are read from standard input, never from
// the command line, where other users and shell histories would see them.
#include <fmt/core.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "cli/output.h"
#include "store/access.h"
#include "store/store.h"

namespace hudud::cli {
namespace {

struct Options {
  std::string name;  // users add|disable|passwd NAME
  std::string role;
  std::string display_name;
  std::string partner;
  bool password_stdin = false;
  bool no_password = false;
  std::string user;  // tokens create|list --user
  std::string label;
  std::string expires;
  std::string id;  // tokens revoke ID
  std::string actor;
  std::string db;
  bool json = false;
};

constexpr const char* kWhoActs = "who is acting? give --actor NAME (an admin) or set HUDUD_USER";

Result<std::unique_ptr<store::Store>> OpenDb(const Options& o) {
  return store::Store::Open(ResolveDbPath(o.db));
}

// --actor, else $HUDUD_USER; "" when neither is given.
std::string ActorOf(const Options& o) {
  Result<std::string> actor = ResolveUser(o.actor);
  return actor.ok() ? *actor : std::string();
}

// An unknown user or token is the caller's mistake (exit 2), like a bad flag.
int FailAccess(const Status& status) {
  if (status.code() == Status::Code::kNotFound) return Fail(kExitUsage, status.message());
  return FailStatus(status);
}

int Print(const std::string& out) {
  if (!WriteStdout(out)) return Fail(kExitRuntime, "cannot write to stdout");
  return kExitOk;
}

std::string NowIso() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  return std::string(buf, std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm));
}

// One line from the terminal with echo off (the prompt on stderr).
Result<std::string> PromptHidden(const char* prompt) {
  std::fputs(prompt, stderr);
  std::fflush(stderr);
  termios old{};
  const bool restore = tcgetattr(STDIN_FILENO, &old) == 0;
  if (restore) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (restore) tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::fputs("\n", stderr);
  if (!got) return Status::InvalidArgument("no password given");
  return line;
}

// The password on standard input: typed twice at a terminal, else the
// whole input, one line (a final newline is not part of it).
Result<std::string> ReadPassword() {
  std::string password;
  if (isatty(STDIN_FILENO)) {
    Result<std::string> first = PromptHidden("New password: ");
    if (!first.ok()) return first.status();
    Result<std::string> again = PromptHidden("Again: ");
    if (!again.ok()) return again.status();
    if (*first != *again) return Status::InvalidArgument("the two passwords differ");
    password = std::move(*first);
  } else {
    HUDUD_RETURN_IF_ERROR(ReadAll("-", &password));
    if (!password.empty() && password.back() == '\n') password.pop_back();
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (password.find('\n') != std::string::npos) {
      return Status::InvalidArgument("give the password as one line on standard input");
    }
  }
  if (password.empty()) {
    return Status::InvalidArgument(
        "no password on standard input (--no-password makes a token-only user)");
  }
  return password;
}

Json UserJson(const store::User& u) {
  return Json{{"name", u.name},
              {"role", std::string(store::ToString(u.role))},
              {"display_name", u.display_name},
              {"partner", u.partner},
              {"password", u.has_password},
              {"created_at", u.created_at},
              {"created_by", u.created_by},
              {"disabled_at", u.disabled_at}};
}

std::string TokenState(const store::TokenInfo& t, const std::string& now) {
  if (!t.revoked_at.empty()) return "revoked";
  if (!t.expires_at.empty() && t.expires_at <= now) return "expired";
  return "active";
}

Json TokenJson(const store::TokenInfo& t, const std::string& now) {
  return Json{{"id", t.id},
              {"user", t.user},
              {"label", t.label},
              {"state", TokenState(t, now)},
              {"created_at", t.created_at},
              {"expires_at", t.expires_at},
              {"revoked_at", t.revoked_at},
              {"last_used_at", t.last_used_at}};
}

int RunAdd(const Options& o) {
  Result<store::Role> role = store::ParseRole(o.role);
  if (!role.ok()) return FailStatus(role.status());
  if (o.password_stdin == o.no_password) {
    return Fail(kExitUsage,
                "give --password-stdin (the password on standard input, never on the command "
                "line) or --no-password (a token-only user)");
  }
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<std::vector<store::User>> existing = store::ListUsers(**db);
  if (!existing.ok()) return FailStatus(existing.status());
  const bool first = existing->empty();
  const std::string actor = ActorOf(o);
  if (actor.empty() && !first) return Fail(kExitUsage, kWhoActs);
  std::string password;
  if (o.password_stdin) {
    Result<std::string> p = ReadPassword();
    if (!p.ok()) return FailStatus(p.status());
    password = std::move(*p);
  }
  Result<store::User> u =
      store::AddUser(**db, o.name, *role, password, o.display_name, o.partner, actor);
  if (!u.ok()) return FailAccess(u.status());
  if (o.json) return Print(DumpJson(UserJson(*u)) + "\n");
  std::string out = fmt::format("added {} {}{}", store::ToString(u->role), u->name,
                                u->has_password ? "" : " (no password: token-only)");
  if (first) {
    out +=
        fmt::format("\nthe first user: from now on an admin must act (--actor {} or HUDUD_USER={})",
                    u->name, u->name);
  }
  return Print(out + "\n");
}

int RunList(const Options& o) {
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<std::vector<store::User>> users = store::ListUsers(**db);
  if (!users.ok()) return FailStatus(users.status());
  if (o.json) {
    Json arr = Json::array();
    for (const store::User& u : *users) arr.push_back(UserJson(u));
    return Print(DumpJson(arr) + "\n");
  }
  if (users->empty()) {
    return Print("No users (the first: hudud users add NAME --role admin --password-stdin).\n");
  }
  std::string out;
  for (const store::User& u : *users) {
    std::string role(store::ToString(u.role));
    if (!u.partner.empty()) role += " (" + u.partner + ")";
    out += fmt::format("{:<20} {:<26} {:<10} {}{}\n", u.name, role,
                       u.has_password ? "password" : "token-only",
                       u.disabled_at.empty() ? "enabled" : "disabled " + u.disabled_at,
                       u.display_name.empty() ? "" : "  " + u.display_name);
  }
  return Print(out);
}

int RunDisable(const Options& o) {
  const std::string actor = ActorOf(o);
  if (actor.empty()) return Fail(kExitUsage, kWhoActs);
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  Status st = store::DisableUser(**db, o.name, actor);
  if (!st.ok()) return FailAccess(st);
  return Print(fmt::format(
      "disabled {}: their password, tokens and sessions no longer work (a running service "
      "notices within seconds)\n",
      o.name));
}

int RunPasswd(const Options& o) {
  const std::string actor = ActorOf(o);
  if (actor.empty()) return Fail(kExitUsage, "who is acting? give --actor NAME or set HUDUD_USER");
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<std::string> password = ReadPassword();
  if (!password.ok()) return FailStatus(password.status());
  Status st = store::SetPassword(**db, o.name, *password, actor);
  if (!st.ok()) return FailAccess(st);
  return Print(fmt::format("password of {} changed\n", o.name));
}

int RunTokenCreate(const Options& o) {
  const std::string actor = ActorOf(o);
  if (actor.empty()) return Fail(kExitUsage, kWhoActs);
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<store::IssuedCredential> t = store::CreateToken(**db, o.user, o.label, o.expires, actor);
  if (!t.ok()) return FailAccess(t.status());
  const std::string warning =
      "this is the only time the token is shown: store it now, it cannot be shown again";
  if (o.json) {
    return Print(DumpJson(Json{{"token", t->value},
                               {"id", t->id},
                               {"user", t->user},
                               {"label", o.label},
                               {"expires_at", t->expires_at},
                               {"warning", warning}}) +
                 "\n");
  }
  // The token alone on stdout, so that a script can capture it.
  Warn(fmt::format("token {} for {}, expires {}: {}", t->id, t->user, t->expires_at, warning));
  return Print(t->value + "\n");
}

int RunTokenList(const Options& o) {
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  Result<std::vector<store::TokenInfo>> tokens = store::ListTokens(**db, o.user);
  if (!tokens.ok()) return FailStatus(tokens.status());
  const std::string now = NowIso();
  if (o.json) {
    Json arr = Json::array();
    for (const store::TokenInfo& t : *tokens) arr.push_back(TokenJson(t, now));
    return Print(DumpJson(arr) + "\n");
  }
  if (tokens->empty()) return Print("No tokens.\n");
  std::string out;
  for (const store::TokenInfo& t : *tokens) {
    out += fmt::format("{}  {:<20} {:<8} expires {}  last used {}{}\n", t.id, t.user,
                       TokenState(t, now), t.expires_at,
                       t.last_used_at.empty() ? "never" : t.last_used_at,
                       t.label.empty() ? "" : "  " + t.label);
  }
  return Print(out);
}

int RunTokenRevoke(const Options& o) {
  const std::string actor = ActorOf(o);
  if (actor.empty()) return Fail(kExitUsage, kWhoActs);
  Result<std::unique_ptr<store::Store>> db = OpenDb(o);
  if (!db.ok()) return FailStatus(db.status());
  Status st = store::RevokeToken(**db, o.id, actor);
  if (!st.ok()) return FailAccess(st);
  return Print(
      fmt::format("revoked token {} (a running service refuses it within seconds)\n", o.id));
}

void AddCommonOptions(CLI::App* a, Options* o, bool json) {
  a->add_option("--db", o->db, "Database (default: $HUDUD_DB or ./hudud.db)");
  if (json) a->add_flag("--json", o->json, "JSON instead of text");
}

}  // namespace

CommandRunner AddUsersCommand(CLI::App& users) {
  auto o = std::make_shared<Options>();
  users.require_subcommand(1);
  CLI::App* add =
      users.add_subcommand("add", "Add a user (the first user of a database must be an admin)");
  add->add_option("name", o->name, "User name ([a-z0-9._-])")->required();
  add->add_option("--role", o->role,
                  "admin, list-manager, analyst, border-officer, auditor or partner")
      ->required();
  add->add_option("--display-name", o->display_name, "The person's name, for display");
  add->add_option("--partner", o->partner, "The partner organisation (partner role only)");
  CLI::Option* stdin_flag =
      add->add_flag("--password-stdin", o->password_stdin,
                    "Read the password from standard input (typed twice at a terminal)");
  CLI::Option* none_flag =
      add->add_flag("--no-password", o->no_password, "No password: the user signs in by token");
  stdin_flag->excludes(none_flag);
  CLI::App* list = users.add_subcommand("list", "The users, their roles and state");
  CLI::App* disable =
      users.add_subcommand("disable", "Disable a user: password, tokens and sessions stop");
  disable->add_option("name", o->name, "User name")->required();
  CLI::App* passwd = users.add_subcommand("passwd", "Set a user's password (admin or the user)");
  passwd->add_option("name", o->name, "User name")->required();
  passwd
      ->add_flag("--password-stdin", o->password_stdin,
                 "Read the password from standard input (typed twice at a terminal)")
      ->required();
  for (CLI::App* a : {add, list, disable, passwd})
    AddCommonOptions(a, o.get(), a == add || a == list);
  for (CLI::App* a : {add, disable, passwd}) {
    a->add_option("--actor", o->actor, "The acting admin (default: $HUDUD_USER)");
  }
  return [=]() {
    if (*add) return RunAdd(*o);
    if (*list) return RunList(*o);
    if (*disable) return RunDisable(*o);
    if (*passwd) return RunPasswd(*o);
    return Fail(kExitUsage, "no users command");
  };
}

CommandRunner AddTokensCommand(CLI::App& tokens) {
  auto o = std::make_shared<Options>();
  tokens.require_subcommand(1);
  CLI::App* create =
      tokens.add_subcommand("create", "Create an API token (printed once, never again)");
  create->add_option("--user", o->user, "The user the token acts as")->required();
  create->add_option("--label", o->label, "What the token is for");
  create->add_option("--expires", o->expires,
                     "Last day it works, YYYY-MM-DD (UTC; default and longest: a year)");
  CLI::App* list = tokens.add_subcommand("list", "API tokens (never their secrets)");
  list->add_option("--user", o->user, "Only this user's tokens");
  CLI::App* revoke = tokens.add_subcommand("revoke", "Revoke an API token");
  revoke->add_option("id", o->id, "The token's id (the 12 characters after hud_)")->required();
  for (CLI::App* a : {create, list, revoke}) AddCommonOptions(a, o.get(), a != revoke);
  for (CLI::App* a : {create, revoke}) {
    a->add_option("--actor", o->actor, "The acting user: an admin, or the token's user");
  }
  return [=]() {
    if (*create) return RunTokenCreate(*o);
    if (*list) return RunTokenList(*o);
    if (*revoke) return RunTokenRevoke(*o);
    return Fail(kExitUsage, "no tokens command");
  };
}

}  // namespace hudud::cli
