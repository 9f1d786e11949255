// Who may do what: roles and the permissions each grants (one table), users
// with argon2id password hashes, API tokens and console sessions whose
// secrets are kept only as argon2id hashes, and the Authenticator the HTTP
// service asks on every request.
//
// Credentials. An API token reads "hud_<id>_<secret>" and a console
// session's cookie value "hus_<id>_<secret>": <id> is 12 lower-case hex
// characters, public (it names the row, shows in listings and logs), and
// <secret> 64 lower-case hex characters (32 random bytes) that exist only in
// the value handed out once; the database keeps crypto_pwhash_str (argon2id,
// OPSLIMIT/MEMLIMIT_INTERACTIVE) of the secret. Passwords are stored the same
// way. Nothing here ever logs or returns a secret after creation.
//
// Who is acting. Every change names an `actor`: the HTTP service passes the
// authenticated principal's user; the CLI trusts the name given (--actor or
// $HUDUD_USER), since whoever can write the database file can do anything
// anyway. Managing users and other users' tokens needs an enabled actor
// holding Permission::kUsersManage; a user may change their own password and
// create and revoke their own tokens.
//
// Bootstrapping. On a database without users, AddUser accepts any actor,
// even none, but only for a user with the admin role: the first account is
// always an admin. From then on the rule above applies, and the last enabled
// admin cannot be disabled, so the database never locks itself out.
//
// Errors: the caller's mistakes and every refusal are InvalidArgument naming
// the problem (never the secret), unknown users and tokens NotFound, and
// database failures IOError.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

// The auditor is also the data-protection officer.
enum class Role { kAdmin, kListManager, kAnalyst, kBorderOfficer, kAuditor, kPartner };

// "admin", "list-manager", "analyst", "border-officer", "auditor", "partner".
std::string_view ToString(Role role);
// The inverse of ToString; InvalidArgument listing the roles otherwise.
Result<Role> ParseRole(std::string_view text);
// Every role, in declaration order.
const std::vector<Role>& AllRoles();

// What a request may do. Names (ToString) are the enumerator's in kebab
// case: kScreen "screen", kScreenDetail "screen-detail", ...
enum class Permission {
  kScreen,               // screen a person: the answer is clear or refer with a case
                         // reference, never the listed person's file
  kScreenDetail,         // the match detail: scores, explanations, the listed entry
  kListsRead,            // list versions, diffs and published entries
  kListsWrite,           // import, activate and export lists
  kDesignationsPropose,  // propose a national designation, amendment or delisting
  kDesignationsDecide,   // approve, reject and publish proposals (not one's own)
  kSubjectsRead,         // the held subjects
  kSubjectsWrite,        // import held subjects
  kManifestsUpload,      // send a PAXLST/PNRGOV message for screening
  kManifestsRead,        // the passenger messages kept
  kRulesWrite,           // save and test targeting rules
  kRulesActivate,        // activate and retire them (not one's own)
  kDocumentsWrite,       // the lost and stolen documents register
  kAlertsRead,           // alerts raised on held subjects
  kAlertsDecide,         // close alerts as true or false matches
  kAuditRead,            // the audit trail
  kUsersManage,          // users, their tokens and sessions
  kRetentionRun,         // erase what is past its retention period
  kUnmaskRequest,        // ask to see data masked from one's view
  kUnmaskApprove,        // grant that (not one's own request)
  kRedressHandle,        // a person's complaint or request to be cleared
  kShare,                // disclose a case to a partner organisation
  kSharedRead,           // what was disclosed to one's own partner organisation
  kIndicatorsRead,       // the indicators dashboard: counts and times, no one named
  kPracticesWrite,       // add to and edit the good-practices library
};
inline constexpr int kPermissionCount = static_cast<int>(Permission::kPracticesWrite) + 1;

std::string_view ToString(Permission permission);
Result<Permission> ParsePermission(std::string_view text);
// Every permission, in declaration order.
const std::vector<Permission>& AllPermissions();

// The role-permission matrix, from one table in access.cc:
//
//   permission            admin list-mgr analyst border auditor partner
//   screen                  .      .       X       X      .       .
//   screen-detail           .      .       X       .      .       .
//   lists-read              .      X       X       .      X       .
//   lists-write             .      X       .       .      .       .
//   designations-propose    .      X       X       .      .       .
//   designations-decide     .      X       .       .      .       .
//   subjects-read           .      .       X       .      .       .
//   subjects-write          .      X       .       .      .       .
//   manifests-upload        .      .       X       X      .       .
//   manifests-read          .      .       X       .      .       .
//   rules-write             .      .       X       .      .       .
//   rules-activate          .      .       X       .      .       .
//   documents-write         .      X       .       .      .       .
//   alerts-read             .      .       X       .      .       .
//   alerts-decide           .      .       X       .      .       .
//   audit-read              .      .       .       .      X       .
//   users-manage            X      .       .       .      .       .
//   retention-run           X      .       .       .      .       .
//   unmask-request          .      .       X       .      .       .
//   unmask-approve          .      .       .       .      X       .
//   redress-handle          .      .       .       .      X       .
//   share                   .      .       X       .      .       .
//   shared-read             .      .       .       .      .       X
//   indicators-read         X      X       X       .      X       .
//   practices-write         .      X       .       .      .       .
//
// Indicators are counts and durations that name nobody, so the admin and
// the auditor (who checks coverage and retention) see them too.
//
// Why: the admin runs the service (accounts, retention) and reads no
// personal data at all, not even the lists or the audit trail; that an admin
// could create an analyst account for themselves is the residual risk, left
// visible (users.created_by; the service records user changes in the audit
// trail). The border officer gets an answer, not a file. An
// analyst who found the evidence may propose a designation, which a list
// manager decides. The auditor sees the audit trail and the published lists
// (to handle redress) but never screens. Four eyes (not one's own proposal,
// rule, unmasking request) is enforced where the action happens.
bool Allows(Role role, Permission permission);
// The permissions `role` holds, in declaration order.
std::vector<Permission> PermissionsOf(Role role);

struct User {
  std::string name;  // 1-64 characters [a-z0-9._-], starting with a letter or digit
  Role role = Role::kAnalyst;
  std::string display_name;  // free text, at most 128 characters
  std::string partner;  // the partner organisation ([a-z0-9._-]); only, and always, for kPartner
  bool has_password = false;  // false: token-only (a service account)
  std::string created_at, created_by;
  std::string disabled_at;  // "" while enabled
};

// Password policy: at least 12 characters (code points) and at most 1024
// bytes; refused when obviously weak: fewer than 5 distinct characters, only
// digits, containing the user name, letters that are a keyboard or alphabet
// run, or a common password ("password", "qwerty", "letmein", "changeme",
// ...), look-alikes included ("P@ssw0rd"), with fewer than 4 other letters
// around it. InvalidArgument saying which rule failed; `user` may be empty.
Status CheckPasswordPolicy(std::string_view user, std::string_view password);

// Adds a user. `password` empty = no password login (token-only); otherwise
// it must pass CheckPasswordPolicy and is stored as an argon2id hash.
// `partner` is required for the partner role and refused for others. See
// the file comment for who may act, and for the first user.
Result<User> AddUser(Store& store, const std::string& name, Role role, const std::string& password,
                     const std::string& display_name, const std::string& partner,
                     const std::string& actor);

// Sets (empty: removes) `name`'s password. The actor is the user or an admin;
// the HTTP service should check the old password first when it is the user.
Status SetPassword(Store& store, const std::string& name, const std::string& password,
                   const std::string& actor);

// Disables `name`: their password, tokens and sessions stop working (in an
// Authenticator within its recheck bound). Refused for the last enabled admin
// and for a user already disabled. There is no re-enabling: add a new user.
Status DisableUser(Store& store, const std::string& name, const std::string& actor);

// Every user, by name. No hashes.
Result<std::vector<User>> ListUsers(Store& store);
// NotFound when there is no such user.
Result<User> GetUser(Store& store, const std::string& name);

// The user, when `password` is theirs. Refused (InvalidArgument, one message
// for all three) for an unknown user, a user without a password and a wrong
// password; an unknown user still costs one argon2id verification (against a
// dummy hash), so timing does not tell whether a name exists. A disabled
// user is refused, and said to be disabled, only after the password matched.
Result<User> CheckPassword(Store& store, const std::string& name, const std::string& password);

// A token or session just made. `value` is the whole credential and exists
// only here: show it once, it cannot be recovered.
struct IssuedCredential {
  std::string value;  // "hud_<id>_<secret>" or "hus_<id>_<secret>"
  std::string id;
  std::string user;
  std::string expires_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ"
};

// An API token as listed: never its secret nor its hash.
struct TokenInfo {
  std::string id;
  std::string user;
  std::string label;
  std::string created_at, expires_at, revoked_at, last_used_at;  // "" when not (yet)
};

// The longest an API token may live, and its lifetime when none is given:
// every token expires, so a forgotten one dies within a year.
inline constexpr std::chrono::hours kMaxTokenLifetime{24 * 365};

// Creates an API token for `user` (an enabled user; the actor is that user
// or an admin). `expires_at` is "YYYY-MM-DD" (valid through that day, UTC),
// "YYYY-MM-DDTHH:MM:SSZ" or "" (= kMaxTokenLifetime from now); it must lie
// in the future and at most kMaxTokenLifetime (plus a day) ahead. `label`
// says what the token is for (at most 128 characters).
Result<IssuedCredential> CreateToken(Store& store, const std::string& user,
                                     const std::string& label, const std::string& expires_at,
                                     const std::string& actor);

// Revokes token `id` (the actor is its user or an admin). NotFound for an
// unknown id; InvalidArgument when already revoked.
Status RevokeToken(Store& store, const std::string& id, const std::string& actor);

// The tokens of `user` ("" = of everyone), by user, then creation time.
Result<std::vector<TokenInfo>> ListTokens(Store& store, const std::string& user = "");

inline constexpr std::chrono::seconds kDefaultSessionLifetime = std::chrono::hours(8);
inline constexpr std::chrono::seconds kMaxSessionLifetime = std::chrono::hours(24);

// Opens a console session for `user` (an enabled user, after the server has
// checked the password) expiring `ttl` from now, absolutely: use does not
// extend it. `ttl` is between 1 s and kMaxSessionLifetime.
Result<IssuedCredential> CreateSession(Store& store, const std::string& user,
                                       std::chrono::seconds ttl = kDefaultSessionLifetime);

// Ends session `id` (log out). NotFound for an unknown id; revoking twice is
// not an error.
Status RevokeSession(Store& store, const std::string& id);

// Who a request comes from, once authenticated.
struct Principal {
  std::string user;
  Role role = Role::kAnalyst;
  std::string partner;  // the user's partner organisation, for kPartner
  std::string via;      // "token:<id>" or "session:<id>"
};

struct AuthenticatorOptions {
  // How long a verified credential is trusted from memory before its row
  // (revoked? expired? user disabled? role?) is read again. This is the
  // bound on how long a revoke or disable made elsewhere (another process,
  // the CLI) may go unnoticed. A re-check reads one row; it never re-hashes.
  std::chrono::seconds recheck_after{5};
  // Cached credentials kept at most; beyond, the expired ones and then all
  // are dropped (costing a re-hash on their next use).
  size_t max_cached = 100000;
  // The clock, in Unix seconds; empty = the system clock. For tests.
  std::function<int64_t()> now;
};

// Authenticates the credentials of HTTP requests at thousands a second.
//
// argon2id costs tens of milliseconds and 64 MiB, so it runs once per
// credential: the first time a token or cookie value is seen its row is
// read, its state checked and its secret verified; then the principal is
// kept in memory under a keyed BLAKE2b hash of the whole value (the key is
// random per process, so neither values nor attackable hashes are kept).
// Later requests with the same value are a hash and a map lookup under a
// shared lock, plus a one-row re-check every `recheck_after`. A revoked
// token or session, or a disabled user, is therefore refused:
//   - at once by an Authenticator after its Invalidate() returned (the
//     server calls it after every change it makes to users and credentials);
//   - within `recheck_after` (default 5 s) when the change was made
//     elsewhere;
// and an expired credential is refused at its expiry, cached or not.
//
// A value with an unknown id is refused without hashing (ids are not
// secret), so a flood of made-up tokens costs no argon2id. Failures are not
// cached; the server should rate-limit repeated failures, and bounds the
// argon2id memory in use by its own thread count.
//
// Thread-safe. Give it a Store of its own: it serializes its use of that
// Store, and nothing else may use the Store at the same time. A token's
// last_used_at is written when it is verified and then at most once a
// minute, best effort: a write that would wait for another writer (an
// import) is skipped rather than delay the request.
//
// Errors: IOError when the database failed (answer 503); anything else is a
// refusal (answer 401), with a message for the log that names the credential
// by id only.
class Authenticator {
 public:
  explicit Authenticator(Store& store, AuthenticatorOptions options = {});
  ~Authenticator();
  Authenticator(const Authenticator&) = delete;
  Authenticator& operator=(const Authenticator&) = delete;

  // `bearer` is the token alone ("hud_..."), without "Bearer ".
  Result<Principal> AuthenticateToken(std::string_view bearer);
  Result<Principal> AuthenticateSession(std::string_view cookie_value);

  // Every cached credential is re-checked against the database on its next
  // use (a row read, no re-hash).
  void Invalidate();

  // How many argon2id verifications this Authenticator has run: stays put
  // while requests are answered from memory.
  uint64_t hash_verifications() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hudud::store
