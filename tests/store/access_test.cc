// Pins store/access.cc and store/purposes.cc: the role-permission matrix
// cell by cell, argon2id password hashes and the password policy, the first
// user bootstrap, API tokens and console sessions (expiry, revocation,
// tampering), the Authenticator's cache (a second authentication does not
// re-hash; revocations are seen after Invalidate or within the re-check
// bound), and purpose codes.
#include "store/access.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "store/audit.h"
#include "store/purposes.h"
#include "store/store.h"

namespace hudud::store {
namespace {

using P = Permission;

int64_t RealNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool Contains(const Status& st, const std::string& text) {
  return st.message().find(text) != std::string::npos;
}

// The matrix of access.h, written out role by role (the code holds it
// permission by permission): every cell not listed here must be refused.
const std::map<Role, std::set<Permission>>& ExpectedGrants() {
  static const std::map<Role, std::set<Permission>> kGrants = {
      {Role::kAdmin, {P::kUsersManage, P::kRetentionRun, P::kIndicatorsRead}},
      {Role::kListManager,
       {P::kListsRead, P::kListsWrite, P::kDesignationsPropose, P::kDesignationsDecide,
        P::kSubjectsWrite, P::kDocumentsWrite, P::kIndicatorsRead, P::kPracticesWrite}},
      {Role::kAnalyst,
       {P::kScreen, P::kScreenDetail, P::kListsRead, P::kDesignationsPropose, P::kSubjectsRead,
        P::kManifestsUpload, P::kManifestsRead, P::kRulesWrite, P::kRulesActivate, P::kAlertsRead,
        P::kAlertsDecide, P::kUnmaskRequest, P::kShare, P::kIndicatorsRead}},
      {Role::kBorderOfficer, {P::kScreen, P::kManifestsUpload}},
      {Role::kAuditor,
       {P::kAuditRead, P::kListsRead, P::kUnmaskApprove, P::kRedressHandle, P::kIndicatorsRead}},
      {Role::kPartner, {P::kSharedRead}},
  };
  return kGrants;
}

TEST(AccessMatrix, EveryCellIsAsDocumented) {
  ASSERT_EQ(AllRoles().size(), 6u);
  ASSERT_EQ(AllPermissions().size(), static_cast<size_t>(kPermissionCount));
  for (Role role : AllRoles()) {
    const std::set<Permission>& granted = ExpectedGrants().at(role);
    std::vector<Permission> expected;
    for (Permission p : AllPermissions()) {
      EXPECT_EQ(Allows(role, p), granted.count(p) == 1) << ToString(role) << " x " << ToString(p);
      if (granted.count(p)) expected.push_back(p);
    }
    EXPECT_EQ(PermissionsOf(role), expected) << ToString(role);
  }
}

TEST(AccessMatrix, SeparationOfDuties) {
  const std::set<Permission> personal_data = {P::kScreen,       P::kScreenDetail,  P::kListsRead,
                                              P::kSubjectsRead, P::kManifestsRead, P::kAlertsRead,
                                              P::kAuditRead,    P::kSharedRead};
  for (Permission p : personal_data) EXPECT_FALSE(Allows(Role::kAdmin, p)) << ToString(p);
  // The border officer gets clear or refer, never the file.
  EXPECT_TRUE(Allows(Role::kBorderOfficer, P::kScreen));
  EXPECT_FALSE(Allows(Role::kBorderOfficer, P::kScreenDetail));
  // The auditor sees the trail, never screens; nobody screens and audits.
  EXPECT_FALSE(Allows(Role::kAuditor, P::kScreen));
  EXPECT_FALSE(Allows(Role::kAuditor, P::kScreenDetail));
  for (Role r : AllRoles()) {
    EXPECT_FALSE(Allows(r, P::kScreen) && Allows(r, P::kAuditRead)) << ToString(r);
    EXPECT_FALSE(Allows(r, P::kUnmaskRequest) && Allows(r, P::kUnmaskApprove)) << ToString(r);
  }
  EXPECT_EQ(PermissionsOf(Role::kPartner), std::vector<Permission>{P::kSharedRead});
}

TEST(AccessMatrix, NamesRoundTrip) {
  for (Role r : AllRoles()) {
    Result<Role> back = ParseRole(ToString(r));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, r);
  }
  EXPECT_EQ(ToString(Role::kBorderOfficer), "border-officer");
  EXPECT_EQ(ToString(Role::kListManager), "list-manager");
  Result<Role> bad = ParseRole("officer");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(Contains(bad.status(),
                       "admin, list-manager, analyst, border-officer, auditor, "
                       "partner"))
      << bad.status().message();
  for (Permission p : AllPermissions()) {
    Result<Permission> back = ParsePermission(ToString(p));
    ASSERT_TRUE(back.ok()) << ToString(p);
    EXPECT_EQ(*back, p);
  }
  EXPECT_EQ(ToString(P::kScreenDetail), "screen-detail");
  EXPECT_FALSE(ParsePermission("root").ok());
}

class AccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("hudud-access-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    std::filesystem::remove(path_);
    Result<std::unique_ptr<Store>> s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
    now_ = RealNow();
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  // An admin "root" (bootstrapped) and an analyst "amina" with a password.
  void AddUsers() {
    ASSERT_TRUE(AddUser(*store_, "root", Role::kAdmin, "", "The administrator", "", "").ok());
    Result<User> a =
        AddUser(*store_, "amina", Role::kAnalyst, kAminaPassword, "Amina K.", "", "root");
    ASSERT_TRUE(a.ok()) << a.status().ToString();
  }

  // An Authenticator on a Store of its own, on the test's clock.
  Authenticator& Auth() {
    if (!auth_) {
      Result<std::unique_ptr<Store>> s = Store::Open(path_);
      EXPECT_TRUE(s.ok());
      auth_store_ = std::move(*s);
      AuthenticatorOptions options;
      options.now = [this] { return now_.load(); };
      auth_ = std::make_unique<Authenticator>(*auth_store_, options);
    }
    return *auth_;
  }

  std::string Column(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != nullptr) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
  }

  static constexpr const char* kAminaPassword = "tall-cedar-river-97";
  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Store> auth_store_;
  std::unique_ptr<Authenticator> auth_;
  std::atomic<int64_t> now_{0};
};

TEST_F(AccessTest, FirstUserBootstrapsAsAdminThenOnlyAdminsAddUsers) {
  Result<User> analyst_first = AddUser(*store_, "amina", Role::kAnalyst, "", "", "", "");
  ASSERT_FALSE(analyst_first.ok());
  EXPECT_TRUE(Contains(analyst_first.status(), "first user must be an admin"));

  Result<User> root = AddUser(*store_, "root", Role::kAdmin, "", "", "", "");
  ASSERT_TRUE(root.ok()) << root.status().ToString();
  EXPECT_EQ(root->created_by, "(bootstrap)");
  EXPECT_EQ(root->role, Role::kAdmin);
  EXPECT_FALSE(root->has_password);

  // From now on, an existing, enabled admin must act.
  Result<User> nobody = AddUser(*store_, "amina", Role::kAnalyst, "", "", "", "");
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.status().code(), Status::Code::kInvalidArgument);
  Result<User> ghost = AddUser(*store_, "amina", Role::kAnalyst, "", "", "", "mallory");
  ASSERT_FALSE(ghost.ok());
  EXPECT_TRUE(Contains(ghost.status(), "'mallory' does not exist"));
  ASSERT_TRUE(AddUser(*store_, "amina", Role::kAnalyst, "", "", "", "root").ok());
  Result<User> by_analyst = AddUser(*store_, "karim", Role::kAdmin, "", "", "", "amina");
  ASSERT_FALSE(by_analyst.ok());
  EXPECT_TRUE(Contains(by_analyst.status(), "only an admin may add users"))
      << by_analyst.status().message();

  Result<User> again = AddUser(*store_, "amina", Role::kAnalyst, "", "", "", "root");
  ASSERT_FALSE(again.ok());
  EXPECT_TRUE(Contains(again.status(), "already exists"));
  EXPECT_FALSE(AddUser(*store_, "Amina", Role::kAnalyst, "", "", "", "root").ok());
  EXPECT_FALSE(AddUser(*store_, "", Role::kAnalyst, "", "", "", "root").ok());
  EXPECT_FALSE(AddUser(*store_, std::string(65, 'a'), Role::kAnalyst, "", "", "", "root").ok());
  EXPECT_FALSE(AddUser(*store_, "-dash", Role::kAnalyst, "", "", "", "root").ok());

  // A partner belongs to a partner organisation; nobody else does.
  EXPECT_FALSE(AddUser(*store_, "europol1", Role::kPartner, "", "", "", "root").ok());
  EXPECT_FALSE(AddUser(*store_, "omar", Role::kAnalyst, "", "", "europol", "root").ok());
  Result<User> partner = AddUser(*store_, "europol1", Role::kPartner, "", "", "europol", "root");
  ASSERT_TRUE(partner.ok()) << partner.status().ToString();
  EXPECT_EQ(partner->partner, "europol");

  Result<std::vector<User>> all = ListUsers(*store_);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].name, "amina");
  EXPECT_EQ((*all)[0].created_by, "root");
  EXPECT_EQ(GetUser(*store_, "nobody").status().code(), Status::Code::kNotFound);
}

TEST_F(AccessTest, PasswordsAreStoredAsArgon2idAndChecked) {
  AddUsers();
  const std::string hash = Column("SELECT password_hash FROM users WHERE name = 'amina'");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_EQ(hash.find(kAminaPassword), std::string::npos);
  EXPECT_EQ(Column("SELECT password_hash FROM users WHERE name = 'root'"), "");

  Result<User> ok = CheckPassword(*store_, "amina", kAminaPassword);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->role, Role::kAnalyst);
  EXPECT_TRUE(ok->has_password);

  // Wrong password, unknown user, token-only user: one message for all.
  Result<User> wrong = CheckPassword(*store_, "amina", "tall-cedar-river-98");
  Result<User> unknown = CheckPassword(*store_, "zaid", kAminaPassword);
  Result<User> token_only = CheckPassword(*store_, "root", "");
  for (const Result<User>* r : {&wrong, &unknown, &token_only}) {
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->status().message(), "wrong user name or password");
  }

  // A changed password replaces the old one; another user may not change it.
  EXPECT_FALSE(SetPassword(*store_, "root", "another-long-phrase-1", "amina").ok());
  ASSERT_TRUE(SetPassword(*store_, "amina", "olive-grove-at-dawn-4", "amina").ok());
  EXPECT_FALSE(CheckPassword(*store_, "amina", kAminaPassword).ok());
  EXPECT_TRUE(CheckPassword(*store_, "amina", "olive-grove-at-dawn-4").ok());
  EXPECT_FALSE(SetPassword(*store_, "amina", "short", "root").ok());
}

TEST_F(AccessTest, PasswordPolicyRefusesObviouslyWeakOnes) {
  const char* weak[] = {
      "",
      "eleven-char",       // 11 characters
      "aaaaaaaaaaaaaaaa",  // one character
      "abababababab",      // two
      "123456789012",      // digits only
      "Password2024!",     // a common password dressed up
      "P@ssword-12345",
      "qwertyuiop123",     // a keyboard row
      "abcdefghijkl",      // the alphabet
      "xx-amina-2024-xx",  // the user name
  };
  for (const char* p : weak) {
    EXPECT_FALSE(CheckPasswordPolicy("amina", p).ok()) << "'" << p << "'";
  }
  const char* strong[] = {"tall-cedar-river-97", "correct horse battery staple",
                          "كلمة سر طويلة جدا", "Passwordless-orchid-tea-7"};
  for (const char* p : strong) {
    Status st = CheckPasswordPolicy("amina", p);
    EXPECT_TRUE(st.ok()) << "'" << p << "': " << st.message();
  }
  Status too_short = CheckPasswordPolicy("amina", "short-pass");
  EXPECT_TRUE(Contains(too_short, "at least 12 characters")) << too_short.message();
}

TEST_F(AccessTest, DisabledUsersAreRefusedAndTheLastAdminStays) {
  AddUsers();
  Status last = DisableUser(*store_, "root", "root");
  ASSERT_FALSE(last.ok());
  EXPECT_TRUE(Contains(last, "last enabled admin")) << last.message();
  EXPECT_FALSE(DisableUser(*store_, "root", "amina").ok());  // not an admin

  Result<IssuedCredential> token = CreateToken(*store_, "amina", "ci", "", "amina");
  ASSERT_TRUE(token.ok()) << token.status().ToString();
  ASSERT_TRUE(Auth().AuthenticateToken(token->value).ok());

  ASSERT_TRUE(DisableUser(*store_, "amina", "root").ok());
  EXPECT_FALSE(DisableUser(*store_, "amina", "root").ok());  // already
  Result<User> check = CheckPassword(*store_, "amina", kAminaPassword);
  ASSERT_FALSE(check.ok());
  EXPECT_TRUE(Contains(check.status(), "disabled"));
  EXPECT_TRUE(GetUser(*store_, "amina")->disabled_at.size() > 0);

  Auth().Invalidate();
  const uint64_t hashed = Auth().hash_verifications();
  Result<Principal> after = Auth().AuthenticateToken(token->value);
  ASSERT_FALSE(after.ok());
  EXPECT_TRUE(Contains(after.status(), "disabled"));
  EXPECT_EQ(Auth().hash_verifications(), hashed);  // refused from the row, no argon2id
  EXPECT_FALSE(CreateToken(*store_, "amina", "", "", "root").ok());
  EXPECT_FALSE(CreateSession(*store_, "amina").ok());
}

TEST_F(AccessTest, TokensAuthenticateFromMemoryAfterOneHash) {
  AddUsers();
  Result<IssuedCredential> t = CreateToken(*store_, "amina", "batch screening", "", "amina");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(std::regex_match(t->value, std::regex("hud_[0-9a-f]{12}_[0-9a-f]{64}"))) << t->value;
  EXPECT_EQ(t->value.substr(4, 12), t->id);
  // Only the argon2id hash of the secret is kept.
  const std::string secret = t->value.substr(17);
  const std::string stored =
      Column("SELECT secret_hash FROM api_tokens WHERE id = '" + t->id + "'");
  EXPECT_EQ(stored.rfind("$argon2id$", 0), 0u) << stored;
  EXPECT_EQ(stored.find(secret), std::string::npos);

  Result<Principal> p = Auth().AuthenticateToken(t->value);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->user, "amina");
  EXPECT_EQ(p->role, Role::kAnalyst);
  EXPECT_EQ(p->via, "token:" + t->id);
  EXPECT_EQ(Auth().hash_verifications(), 1u);
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(Auth().AuthenticateToken(t->value).ok());
  EXPECT_EQ(Auth().hash_verifications(), 1u);

  // Past the re-check interval the row is read again, still without a hash.
  now_ += 10;
  ASSERT_TRUE(Auth().AuthenticateToken(t->value).ok());
  Auth().Invalidate();
  ASSERT_TRUE(Auth().AuthenticateToken(t->value).ok());
  EXPECT_EQ(Auth().hash_verifications(), 1u);

  Result<std::vector<TokenInfo>> listed = ListTokens(*store_, "amina");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, t->id);
  EXPECT_EQ((*listed)[0].label, "batch screening");
  EXPECT_EQ((*listed)[0].expires_at, t->expires_at);
  EXPECT_FALSE((*listed)[0].last_used_at.empty());
  EXPECT_TRUE(ListTokens(*store_, "root")->empty());
  EXPECT_EQ(ListTokens(*store_)->size(), 1u);
}

TEST_F(AccessTest, RevokedTokensAreRefusedAfterInvalidateOrWithinTheBound) {
  AddUsers();
  Result<IssuedCredential> t1 = CreateToken(*store_, "amina", "one", "", "root");
  Result<IssuedCredential> t2 = CreateToken(*store_, "amina", "two", "", "amina");
  ASSERT_TRUE(t1.ok() && t2.ok());
  ASSERT_TRUE(Auth().AuthenticateToken(t1->value).ok());
  ASSERT_TRUE(Auth().AuthenticateToken(t2->value).ok());

  // Another user's token: only an admin or its owner may revoke it.
  ASSERT_TRUE(AddUser(*store_, "omar", Role::kAnalyst, "", "", "", "root").ok());
  EXPECT_FALSE(RevokeToken(*store_, t1->id, "omar").ok());
  EXPECT_EQ(RevokeToken(*store_, "000000000000", "root").code(), Status::Code::kNotFound);
  ASSERT_TRUE(RevokeToken(*store_, t1->id, "amina").ok());
  ASSERT_TRUE(RevokeToken(*store_, t2->id, "root").ok());
  EXPECT_FALSE(RevokeToken(*store_, t2->id, "root").ok());  // already revoked

  // Revoked elsewhere: refused at the latest once recheck_after (5 s) passed.
  now_ += 5;
  Result<Principal> r1 = Auth().AuthenticateToken(t1->value);
  ASSERT_FALSE(r1.ok());
  EXPECT_TRUE(Contains(r1.status(), "revoked")) << r1.status().message();
  // After Invalidate(): at once.
  Auth().Invalidate();
  EXPECT_FALSE(Auth().AuthenticateToken(t2->value).ok());
  EXPECT_EQ(Auth().hash_verifications(), 2u);
  EXPECT_FALSE(ListTokens(*store_, "amina")->front().revoked_at.empty());
}

TEST_F(AccessTest, RevocationIsSeenAtOnceAfterInvalidate) {
  AddUsers();
  Result<IssuedCredential> t = CreateToken(*store_, "amina", "", "", "amina");
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(Auth().AuthenticateToken(t->value).ok());
  ASSERT_TRUE(RevokeToken(*store_, t->id, "root").ok());
  Auth().Invalidate();
  EXPECT_FALSE(Auth().AuthenticateToken(t->value).ok());
}

TEST_F(AccessTest, ExpiredTokensAreRefused) {
  AddUsers();
  EXPECT_FALSE(CreateToken(*store_, "amina", "", "2020-01-01", "amina").ok());
  EXPECT_FALSE(CreateToken(*store_, "amina", "", "2999-01-01", "amina").ok());
  EXPECT_FALSE(CreateToken(*store_, "amina", "", "next week", "amina").ok());
  EXPECT_FALSE(CreateToken(*store_, "amina", "", "2026-02-30", "amina").ok());
  EXPECT_FALSE(CreateToken(*store_, "amina", "", "", "omar").ok());  // no such actor

  // Valid through tomorrow (UTC).
  std::time_t tomorrow = static_cast<std::time_t>(RealNow() + 24 * 3600);
  std::tm tm{};
  gmtime_r(&tomorrow, &tm);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
  Result<IssuedCredential> t = CreateToken(*store_, "amina", "", date, "amina");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->expires_at, std::string(date) + "T23:59:59Z");
  ASSERT_TRUE(Auth().AuthenticateToken(t->value).ok());
  now_ += 2 * 24 * 3600;  // cached, yet refused at its expiry
  Result<Principal> late = Auth().AuthenticateToken(t->value);
  ASSERT_FALSE(late.ok());
  EXPECT_TRUE(Contains(late.status(), "expired"));
  EXPECT_FALSE(Auth().AuthenticateToken(t->value).ok());  // and from the row

  // No expiry given: a year.
  Result<IssuedCredential> year = CreateToken(*store_, "amina", "", "", "amina");
  ASSERT_TRUE(year.ok());
  now_ = RealNow() + 364 * 24 * 3600;
  EXPECT_TRUE(Auth().AuthenticateToken(year->value).ok());
  now_ = RealNow() + 366 * 24 * 3600;
  EXPECT_FALSE(Auth().AuthenticateToken(year->value).ok());
}

TEST_F(AccessTest, TamperedAndMalformedTokensAreRefused) {
  AddUsers();
  Result<IssuedCredential> t = CreateToken(*store_, "amina", "", "", "amina");
  ASSERT_TRUE(t.ok());
  std::string tampered = t->value;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  Result<Principal> r = Auth().AuthenticateToken(tampered);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Contains(r.status(), "wrong secret for token " + t->id));
  EXPECT_EQ(r.status().message().find(tampered.substr(17)), std::string::npos);  // never logged
  EXPECT_EQ(Auth().hash_verifications(), 1u);

  // Malformed values and unknown ids cost no argon2id.
  std::string unknown = t->value;
  unknown[4] = unknown[4] == 'a' ? 'b' : 'a';
  for (const std::string& bad : {std::string(""), std::string("Bearer ") + t->value, t->value + "0",
                                 t->value.substr(1), "hus_" + t->value.substr(4), unknown}) {
    EXPECT_FALSE(Auth().AuthenticateToken(bad).ok()) << bad;
  }
  EXPECT_EQ(Auth().hash_verifications(), 1u);
  // The genuine token still works, and a session cookie is no token.
  EXPECT_TRUE(Auth().AuthenticateToken(t->value).ok());
  EXPECT_FALSE(Auth().AuthenticateSession(t->value).ok());
}

TEST_F(AccessTest, SessionsExpireAbsolutelyAndCanBeEnded) {
  AddUsers();
  EXPECT_FALSE(CreateSession(*store_, "amina", std::chrono::seconds(0)).ok());
  EXPECT_FALSE(CreateSession(*store_, "amina", std::chrono::hours(25)).ok());
  EXPECT_FALSE(CreateSession(*store_, "nobody").ok());

  now_ = RealNow();
  Result<IssuedCredential> s = CreateSession(*store_, "amina", std::chrono::seconds(60));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE(std::regex_match(s->value, std::regex("hus_[0-9a-f]{12}_[0-9a-f]{64}")));
  Result<Principal> p = Auth().AuthenticateSession(s->value);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->via, "session:" + s->id);
  EXPECT_FALSE(Auth().AuthenticateToken(s->value).ok());

  now_ += 30;  // use does not extend it
  EXPECT_TRUE(Auth().AuthenticateSession(s->value).ok());
  now_ += 40;
  Result<Principal> late = Auth().AuthenticateSession(s->value);
  ASSERT_FALSE(late.ok());
  EXPECT_TRUE(Contains(late.status(), "expired"));

  // Logging out.
  now_ = RealNow();
  Result<IssuedCredential> s2 = CreateSession(*store_, "amina");
  ASSERT_TRUE(s2.ok());
  ASSERT_TRUE(Auth().AuthenticateSession(s2->value).ok());
  ASSERT_TRUE(RevokeSession(*store_, s2->id).ok());
  ASSERT_TRUE(RevokeSession(*store_, s2->id).ok());  // twice is fine
  EXPECT_EQ(RevokeSession(*store_, "ffffffffffff").code(), Status::Code::kNotFound);
  Auth().Invalidate();
  EXPECT_FALSE(Auth().AuthenticateSession(s2->value).ok());
}

TEST_F(AccessTest, PartnerPrincipalCarriesItsOrganisation) {
  AddUsers();
  ASSERT_TRUE(AddUser(*store_, "fiu-jo", Role::kPartner, "", "", "jordan-fiu", "root").ok());
  Result<IssuedCredential> t = CreateToken(*store_, "fiu-jo", "exchange", "", "root");
  ASSERT_TRUE(t.ok());
  Result<Principal> p = Auth().AuthenticateToken(t->value);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->role, Role::kPartner);
  EXPECT_EQ(p->partner, "jordan-fiu");
  // A partner may not mint tokens for others.
  EXPECT_FALSE(CreateToken(*store_, "amina", "", "", "fiu-jo").ok());
}

TEST_F(AccessTest, ConcurrentAuthenticationHashesOnlyOnFirstSight) {
  AddUsers();
  Result<IssuedCredential> t = CreateToken(*store_, "amina", "", "", "amina");
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(Auth().AuthenticateToken(t->value).ok());
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      for (int n = 0; n < 2000; ++n) {
        if (!Auth().AuthenticateToken(t->value).ok()) ++failures;
        if (i == 0 && n % 500 == 0) Auth().Invalidate();  // forces row re-checks
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Auth().hash_verifications(), 1u);
}

TEST(AccessPurposes, DefaultsCoverEveryRoleThatTouchesPersonalData) {
  const PurposeList& defaults = DefaultPurposes();
  ASSERT_GE(defaults.size(), 7u);
  for (const char* code : {"border-control", "ct-investigation", "fiu-analysis",
                           "sanctions-compliance", "redress", "audit", "data-protection"}) {
    EXPECT_TRUE(CheckPurpose(defaults, code).ok()) << code;
  }
  for (Role role : AllRoles()) {
    bool any = false;
    for (const Purpose& p : defaults) any = any || CheckPurpose(defaults, p.code, role).ok();
    EXPECT_TRUE(any) << ToString(role);
  }
  EXPECT_TRUE(CheckPurpose(defaults, "border-control", Role::kBorderOfficer).ok());
  Status audit_by_officer = CheckPurpose(defaults, "audit", Role::kBorderOfficer);
  ASSERT_FALSE(audit_by_officer.ok());
  EXPECT_TRUE(Contains(audit_by_officer, "not open to the border-officer role"))
      << audit_by_officer.message();
}

TEST(AccessPurposes, CheckPurposeNamesTheChoices) {
  Result<PurposeList> list = ParsePurposes("a-one | First\nb-two | Second | auditor\n", "p.txt");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_TRUE(CheckPurpose(*list, "a-one").ok());
  Status missing = CheckPurpose(*list, "");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(missing.message(), "a purpose is required (one of: a-one, b-two)");
  Status unknown = CheckPurpose(*list, "curiosity");
  EXPECT_EQ(unknown.message(), "purpose 'curiosity' is not one of: a-one, b-two");
  EXPECT_TRUE(CheckPurpose(*list, "a-one", Role::kPartner).ok());  // no roles: everyone
  EXPECT_TRUE(CheckPurpose(*list, "b-two", Role::kAuditor).ok());
  EXPECT_FALSE(CheckPurpose(*list, "b-two", Role::kAnalyst).ok());
}

TEST(AccessPurposes, FileErrorsNameTheLine) {
  Result<PurposeList> good = ParsePurposes(
      "# purposes of the unit\n"
      "\n"
      "  border-control |  At the border  | border-officer , analyst\r\n"
      "fiu-analysis | FIU work\n",
      "purposes.txt");
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  ASSERT_EQ(good->size(), 2u);
  EXPECT_EQ((*good)[0].code, "border-control");
  EXPECT_EQ((*good)[0].description, "At the border");
  EXPECT_EQ((*good)[0].roles, (std::vector<Role>{Role::kBorderOfficer, Role::kAnalyst}));
  EXPECT_TRUE((*good)[1].roles.empty());

  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"ok | fine\n\nno description here\n", "purposes.txt, line 3: expected 'code | description"},
      {"Bad-Code | x\n", "purposes.txt, line 1: purpose code 'Bad-Code'"},
      {"a | x\nb |  \n", "purposes.txt, line 2: purpose 'b' has no description"},
      {"a | x | officer\n", "purposes.txt, line 1: unknown role 'officer'"},
      {"a | x | analyst,,auditor\n", "purposes.txt, line 1: an empty role"},
      {"a | x\n# c\na | y\n", "purposes.txt, line 3: purpose 'a' is defined twice"},
      {"a | x | analyst | more\n", "purposes.txt, line 1: too many fields"},
      {"# only comments\n", "purposes.txt defines no purpose"},
  };
  for (const Case& c : cases) {
    Result<PurposeList> r = ParsePurposes(c.text, "purposes.txt");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(r.status().message().rfind(c.message, 0), 0u)
        << "got: " << r.status().message() << "\nwant: " << c.message;
  }
}

TEST(AccessPurposes, LoadPurposesReadsAFileOrTheDefaults) {
  Result<PurposeList> defaults = LoadPurposes("");
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->size(), DefaultPurposes().size());

  const std::string path = (std::filesystem::temp_directory_path() /
                            ("hudud-purposes-" + std::to_string(getpid()) + ".txt"))
                               .string();
  {
    std::ofstream out(path);
    out << "sanctions-compliance | Screening customers and payments | analyst\n";
  }
  Result<PurposeList> loaded = LoadPurposes(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), 1u);
  EXPECT_EQ(loaded->front().code, "sanctions-compliance");

  Result<PurposeList> missing = LoadPurposes(path);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kIOError);
}

}  // namespace
}  // namespace hudud::store

namespace hudud::store {
namespace {

TEST_F(AccessTest, AccountAndCredentialChangesAreAudited) {
  AddUsers();
  Result<IssuedCredential> token = CreateToken(*store_, "amina", "batch", "", "root");
  ASSERT_TRUE(token.ok());
  ASSERT_TRUE(RevokeToken(*store_, token->id, "root").ok());
  ASSERT_TRUE(DisableUser(*store_, "amina", "root").ok());
  AuditFilter f;
  f.newest_first = false;
  Result<std::vector<AuditRecord>> records = ReadAudit(*store_, f);
  ASSERT_TRUE(records.ok());
  std::vector<std::string> seen;
  for (const AuditRecord& r : *records) seen.push_back(r.actor + " " + r.object);
  EXPECT_EQ(seen, (std::vector<std::string>{"(bootstrap) user:root", "root user:amina",
                                            "root token:" + token->id, "root token:" + token->id,
                                            "root user:amina"}));
  for (const AuditRecord& r : *records) {
    EXPECT_EQ(r.detail.find(token->value.substr(17)), std::string::npos);  // never the secret
  }
  Result<AuditVerification> v = VerifyAudit(*store_);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
}

}  // namespace
}  // namespace hudud::store
