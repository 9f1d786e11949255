// `hudud users` and `hudud tokens`: the first user bootstraps as an admin
// without an acting user; afterwards only an admin adds or disables users
// (exit code 2 otherwise); passwords come from standard input only and are
// stored as argon2id; a token is printed once, works, is listed without its
// secret and stops working when revoked.
#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "hudud_runner.h"
#include "store/access.h"
#include "store/store.h"

namespace hudud::cli::testing {
namespace {

std::string FreshDb(const std::string& name) {
  const std::string db = Scratch().path() + "/" + name + ".db";
  std::filesystem::remove(db);
  return db;
}

std::string Column(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* s = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

// What the HTTP service would answer for `token`.
Result<store::Principal> Authenticate(const std::string& db, const std::string& token) {
  Result<std::unique_ptr<store::Store>> s = store::Store::Open(db);
  if (!s.ok()) return s.status();
  store::Authenticator auth(**s);
  return auth.AuthenticateToken(token);
}

TEST(UsersCli, FirstUserBootstrapsAsAdminThenAnAdminMustAct) {
  const std::string db = FreshDb("bootstrap");
  RunResult analyst =
      RunHudud({"users", "add", "amina", "--role", "analyst", "--no-password", "--db", db});
  EXPECT_EQ(analyst.exit_code, 2);
  EXPECT_NE(analyst.err.find("first user must be an admin"), std::string::npos) << analyst.err;
  EXPECT_TRUE(IsOneLine(analyst.err)) << analyst.err;

  RunResult root = RunHudud({"users", "add", "root", "--role", "admin", "--no-password",
                             "--display-name", "Service admin", "--db", db});
  ASSERT_EQ(root.exit_code, 0) << root.err;
  EXPECT_NE(root.out.find("added admin root"), std::string::npos) << root.out;
  EXPECT_NE(root.out.find("the first user"), std::string::npos) << root.out;

  RunResult nobody =
      RunHudud({"users", "add", "amina", "--role", "analyst", "--no-password", "--db", db});
  EXPECT_EQ(nobody.exit_code, 2);
  EXPECT_NE(nobody.err.find("--actor"), std::string::npos) << nobody.err;
  RunResult by_env = RunHudud(
      {"users", "add", "amina", "--role", "analyst", "--no-password", "--db", db, "--json"}, "",
      {"HUDUD_USER=root"});
  ASSERT_EQ(by_env.exit_code, 0) << by_env.err;
  nlohmann::json amina = nlohmann::json::parse(by_env.out);
  EXPECT_EQ(amina["role"], "analyst");
  EXPECT_EQ(amina["created_by"], "root");
  EXPECT_EQ(amina["password"], false);

  RunResult list = RunHudud({"users", "list", "--db", db, "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  nlohmann::json users = nlohmann::json::parse(list.out);
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[1]["name"], "root");
  EXPECT_EQ(users[1]["created_by"], "(bootstrap)");
  EXPECT_EQ(users[1]["display_name"], "Service admin");
}

TEST(UsersCli, OnlyAnAdminAddsOrDisablesUsers) {
  const std::string db = FreshDb("nonadmin");
  ASSERT_EQ(
      RunHudud({"users", "add", "root", "--role", "admin", "--no-password", "--db", db}).exit_code,
      0);
  ASSERT_EQ(RunHudud({"users", "add", "amina", "--role", "analyst", "--no-password", "--db", db,
                      "--actor", "root"})
                .exit_code,
            0);
  RunResult by_analyst = RunHudud({"users", "add", "karim", "--role", "admin", "--no-password",
                                   "--db", db, "--actor", "amina"});
  EXPECT_EQ(by_analyst.exit_code, 2);
  EXPECT_NE(by_analyst.err.find("only an admin may add users"), std::string::npos)
      << by_analyst.err;
  RunResult by_ghost = RunHudud({"users", "add", "karim", "--role", "analyst", "--no-password",
                                 "--db", db, "--actor", "mallory"});
  EXPECT_EQ(by_ghost.exit_code, 2);
  EXPECT_NE(by_ghost.err.find("does not exist"), std::string::npos) << by_ghost.err;

  EXPECT_EQ(RunHudud({"users", "disable", "root", "--db", db, "--actor", "amina"}).exit_code, 2);
  RunResult last = RunHudud({"users", "disable", "root", "--db", db, "--actor", "root"});
  EXPECT_EQ(last.exit_code, 2);
  EXPECT_NE(last.err.find("last enabled admin"), std::string::npos) << last.err;
  RunResult off = RunHudud({"users", "disable", "amina", "--db", db, "--actor", "root"});
  ASSERT_EQ(off.exit_code, 0) << off.err;
  RunResult list = RunHudud({"users", "list", "--db", db});
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_TRUE(std::regex_search(list.out, std::regex("amina +analyst +token-only +disabled 20")))
      << list.out;
  RunResult bad_role =
      RunHudud({"users", "add", "x", "--role", "officer", "--no-password", "--db", db});
  EXPECT_EQ(bad_role.exit_code, 2);
  EXPECT_NE(bad_role.err.find("border-officer"), std::string::npos) << bad_role.err;
}

TEST(UsersCli, PasswordsComeFromStandardInputAndAreHashed) {
  const std::string db = FreshDb("passwords");
  // Never on the command line.
  RunResult argv = RunHudud(
      {"users", "add", "root", "--role", "admin", "--password", "tall-cedar-river-97", "--db", db});
  EXPECT_EQ(argv.exit_code, 2);
  RunResult neither = RunHudud({"users", "add", "root", "--role", "admin", "--db", db});
  EXPECT_EQ(neither.exit_code, 2);
  EXPECT_NE(neither.err.find("--password-stdin"), std::string::npos) << neither.err;
  RunResult weak = RunHudud(
      {"users", "add", "root", "--role", "admin", "--password-stdin", "--db", db}, "Password1!\n");
  EXPECT_EQ(weak.exit_code, 2);
  EXPECT_NE(weak.err.find("too short"), std::string::npos) << weak.err;
  RunResult common =
      RunHudud({"users", "add", "root", "--role", "admin", "--password-stdin", "--db", db},
               "Password-2024!\n");
  EXPECT_EQ(common.exit_code, 2);
  EXPECT_NE(common.err.find("common password"), std::string::npos) << common.err;

  RunResult ok =
      RunHudud({"users", "add", "root", "--role", "admin", "--password-stdin", "--db", db},
               "tall-cedar-river-97\n");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const std::string hash = Column(db, "SELECT password_hash FROM users WHERE name = 'root'");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  {
    Result<std::unique_ptr<store::Store>> s = store::Store::Open(db);
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(store::CheckPassword(**s, "root", "tall-cedar-river-97").ok());
    EXPECT_FALSE(store::CheckPassword(**s, "root", "tall-cedar-river-97\n").ok());
  }

  RunResult changed =
      RunHudud({"users", "passwd", "root", "--password-stdin", "--db", db, "--actor", "root"},
               "olive-grove-at-dawn-4\n");
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  Result<std::unique_ptr<store::Store>> s = store::Store::Open(db);
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(store::CheckPassword(**s, "root", "tall-cedar-river-97").ok());
  EXPECT_TRUE(store::CheckPassword(**s, "root", "olive-grove-at-dawn-4").ok());
  RunResult two_lines =
      RunHudud({"users", "passwd", "root", "--password-stdin", "--db", db, "--actor", "root"},
               "olive-grove-at-dawn-4\nsecond line\n");
  EXPECT_EQ(two_lines.exit_code, 2);
}

TEST(UsersCli, TokenIsShownOnceWorksAndCanBeRevoked) {
  const std::string db = FreshDb("tokens");
  ASSERT_EQ(
      RunHudud({"users", "add", "root", "--role", "admin", "--no-password", "--db", db}).exit_code,
      0);
  ASSERT_EQ(RunHudud({"users", "add", "gate3", "--role", "border-officer", "--no-password", "--db",
                      db, "--actor", "root"})
                .exit_code,
            0);
  RunResult created = RunHudud(
      {"tokens", "create", "--user", "gate3", "--label", "booth 3", "--db", db, "--actor", "root"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  ASSERT_TRUE(IsOneLine(created.out)) << created.out;
  const std::string token = created.out.substr(0, created.out.size() - 1);
  ASSERT_TRUE(std::regex_match(token, std::regex("hud_[0-9a-f]{12}_[0-9a-f]{64}"))) << token;
  const std::string id = token.substr(4, 12);
  EXPECT_NE(created.err.find("cannot be shown again"), std::string::npos) << created.err;
  EXPECT_EQ(created.err.find(token.substr(17)), std::string::npos);  // the secret only on stdout

  Result<store::Principal> p = Authenticate(db, token);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->user, "gate3");
  EXPECT_EQ(p->role, store::Role::kBorderOfficer);

  // Listed by id, never with the secret.
  RunResult list = RunHudud({"tokens", "list", "--db", db});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find(id), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("booth 3"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("active"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find(token.substr(17)), std::string::npos);
  RunResult json = RunHudud({"tokens", "list", "--user", "gate3", "--db", db, "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  nlohmann::json listed = nlohmann::json::parse(json.out);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["id"], id);
  EXPECT_FALSE(listed[0].contains("token"));
  EXPECT_EQ(RunHudud({"tokens", "list", "--user", "root", "--db", db}).out, "No tokens.\n");

  // A border officer may not mint tokens for others; an unknown expiry is a usage error.
  EXPECT_EQ(
      RunHudud({"tokens", "create", "--user", "root", "--db", db, "--actor", "gate3"}).exit_code,
      2);
  EXPECT_EQ(RunHudud({"tokens", "create", "--user", "gate3", "--expires", "soon", "--db", db,
                      "--actor", "root"})
                .exit_code,
            2);

  RunResult revoked = RunHudud({"tokens", "revoke", id, "--db", db, "--actor", "root"});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  EXPECT_FALSE(Authenticate(db, token).ok());
  RunResult after = RunHudud({"tokens", "list", "--db", db, "--json"});
  EXPECT_EQ(nlohmann::json::parse(after.out)[0]["state"], "revoked");
  EXPECT_EQ(RunHudud({"tokens", "revoke", "000000000000", "--db", db, "--actor", "root"}).exit_code,
            2);  // an unknown id is the caller's mistake
}

TEST(UsersCli, UnknownSubcommandIsAUsageError) {
  RunResult r = RunHudud({"users", "frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(IsOneLine(r.err)) << r.err;
}

}  // namespace
}  // namespace hudud::cli::testing
