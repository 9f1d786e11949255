// Access control (store/access.h): the role-permission table, users,
// API tokens and console sessions in SQLite, argon2id via libsodium, and
// the Authenticator's verified-credential cache.
#include "store/access.h"

#include <sodium.h>
#include <sqlite3.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iterator>
#include <limits>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <unordered_map>
#include <utility>

#include "store/audit.h"
#include "store/db.h"

namespace hudud::store {
namespace {

// ---------------------------------------------------------------------------
// Roles and permissions.

constexpr std::array<std::string_view, 6> kRoleNames = {
    "admin", "list-manager", "analyst", "border-officer", "auditor", "partner"};

struct PermissionRow {
  Permission permission;
  std::string_view name;
  // One character per role, in Role order (admin, list-manager, analyst,
  // border-officer, auditor, partner): 'X' granted, '.' not.
  std::string_view grants;
};

// The matrix of access.h; keep the two in step.
constexpr PermissionRow kMatrix[] = {
    //                                                  adm lm an bo au pa
    {Permission::kScreen, "screen", "..XX.."},
    {Permission::kScreenDetail, "screen-detail", "..X..."},
    {Permission::kListsRead, "lists-read", ".XX.X."},
    {Permission::kListsWrite, "lists-write", ".X...."},
    {Permission::kDesignationsPropose, "designations-propose", ".XX..."},
    {Permission::kDesignationsDecide, "designations-decide", ".X...."},
    {Permission::kSubjectsRead, "subjects-read", "..X..."},
    {Permission::kSubjectsWrite, "subjects-write", ".X...."},
    {Permission::kManifestsUpload, "manifests-upload", "..XX.."},
    {Permission::kManifestsRead, "manifests-read", "..X..."},
    {Permission::kRulesWrite, "rules-write", "..X..."},
    {Permission::kRulesActivate, "rules-activate", "..X..."},
    {Permission::kDocumentsWrite, "documents-write", ".X...."},
    {Permission::kAlertsRead, "alerts-read", "..X..."},
    {Permission::kAlertsDecide, "alerts-decide", "..X..."},
    {Permission::kAuditRead, "audit-read", "....X."},
    {Permission::kUsersManage, "users-manage", "X....."},
    {Permission::kRetentionRun, "retention-run", "X....."},
    {Permission::kUnmaskRequest, "unmask-request", "..X..."},
    {Permission::kUnmaskApprove, "unmask-approve", "....X."},
    {Permission::kRedressHandle, "redress-handle", "....X."},
    {Permission::kShare, "share", "..X..."},
    {Permission::kSharedRead, "shared-read", ".....X"},
    {Permission::kIndicatorsRead, "indicators-read", "XXX.X."},
    {Permission::kPracticesWrite, "practices-write", ".X...."},
};

constexpr bool MatrixWellFormed() {
  if (std::size(kMatrix) != static_cast<size_t>(kPermissionCount)) return false;
  for (size_t i = 0; i < std::size(kMatrix); ++i) {
    if (static_cast<size_t>(kMatrix[i].permission) != i) return false;
    if (kMatrix[i].grants.size() != kRoleNames.size()) return false;
    for (char c : kMatrix[i].grants) {
      if (c != 'X' && c != '.') return false;
    }
  }
  return true;
}
static_assert(MatrixWellFormed(), "kMatrix: one row per Permission, in order, one column per Role");

std::string Joined(const auto& names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

// ---------------------------------------------------------------------------
// libsodium: argon2id, randomness, keyed BLAKE2b.

bool SodiumReady() {
  // sodium_init is thread-safe and idempotent; the static makes it run once.
  static const int kInit = sodium_init();
  return kInit >= 0;
}

Result<std::string> HashSecret(std::string_view secret) {
  if (!SodiumReady()) return Status::Internal("libsodium could not be initialised");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Internal("argon2id hashing failed (out of memory?)");
  }
  return std::string(out);
}

bool VerifySecret(const std::string& hash, std::string_view secret) {
  if (!SodiumReady()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

std::string RandomHex(size_t bytes) {
  SodiumReady();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::vector<char> hex(bytes * 2 + 1);
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  sodium_memzero(raw.data(), raw.size());
  return std::string(hex.data(), bytes * 2);
}

// A hash of a random secret nobody knows: an unknown user's password is
// verified against it, so that refusal takes as long as a wrong password.
const std::string& DummyHash() {
  static const std::string kHash = [] {
    Result<std::string> h = HashSecret(RandomHex(32));
    return h.ok() ? *h : std::string();
  }();
  return kHash;
}

// ---------------------------------------------------------------------------
// Time: UTC "YYYY-MM-DDTHH:MM:SSZ" and Unix seconds.

int64_t SystemNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string IsoOf(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf, n);
}

std::optional<int64_t> ParseIso(std::string_view s) {
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (s.size() != kShape.size()) return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool digit = s[i] >= '0' && s[i] <= '9';
    if (kShape[i] == 'd' ? !digit : s[i] != kShape[i]) return std::nullopt;
  }
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  std::tm tm{};
  tm.tm_year = num(0, 4) - 1900;
  tm.tm_mon = num(5, 2) - 1;
  tm.tm_mday = num(8, 2);
  tm.tm_hour = num(11, 2);
  tm.tm_min = num(14, 2);
  tm.tm_sec = num(17, 2);
  const int64_t t = timegm(&tm);
  // timegm normalises 2026-02-30 to March: the round trip refuses it.
  if (IsoOf(t) != s) return std::nullopt;
  return t;
}

// ---------------------------------------------------------------------------
// Checks on names and text.

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Status CheckIdentifier(std::string_view what, std::string_view name) {
  if (name.empty() || name.size() > 64) {
    return Status::InvalidArgument(std::string(what) + " must have 1 to 64 characters");
  }
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (char c : name) {
    if (!alnum(c) && c != '-' && c != '_' && c != '.') {
      return Status::InvalidArgument(std::string(what) + " '" + std::string(name) +
                                     "': use lower-case letters, digits, '-', '_' and '.'");
    }
  }
  if (!alnum(name.front())) {
    return Status::InvalidArgument(std::string(what) + " '" + std::string(name) +
                                   "' must start with a letter or digit");
  }
  return Status::Ok();
}

Status CheckFreeText(std::string_view what, std::string_view text) {
  if (CodePoints(text) > 128) {
    return Status::InvalidArgument(std::string(what) + " is too long (at most 128 characters)");
  }
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return Status::InvalidArgument(std::string(what) + " contains a control character");
    }
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Credentials: "<prefix><id>_<secret>".

constexpr std::string_view kTokenPrefix = "hud_";
constexpr std::string_view kSessionPrefix = "hus_";
constexpr size_t kIdBytes = 6;  // 12 hex characters
constexpr size_t kSecretBytes = 32;

struct CredentialParts {
  std::string_view id, secret;
};

bool LowerHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::optional<CredentialParts> SplitCredential(std::string_view value, std::string_view prefix) {
  constexpr size_t kIdLen = kIdBytes * 2, kSecretLen = kSecretBytes * 2;
  if (value.size() != prefix.size() + kIdLen + 1 + kSecretLen) return std::nullopt;
  if (value.substr(0, prefix.size()) != prefix) return std::nullopt;
  if (value[prefix.size() + kIdLen] != '_') return std::nullopt;
  CredentialParts parts{value.substr(prefix.size(), kIdLen),
                        value.substr(prefix.size() + kIdLen + 1)};
  if (!LowerHex(parts.id) || !LowerHex(parts.secret)) return std::nullopt;
  return parts;
}

// ---------------------------------------------------------------------------
// Users in the database.

constexpr const char* kUserColumns =
    "name, role, password_hash <> '', display_name, partner, created_at, created_by, disabled_at";

// Records a change to accounts or credentials in the audit trail, inside
// the caller's transaction: the change and its record commit together.
Status RecordChange(Store& store, const std::string& actor, AuditAction action,
                    const std::string& object, const std::string& detail) {
  AuditEntry e;
  e.actor = actor.empty() ? "(bootstrap)" : actor;
  e.purpose = "administration";
  e.action = action;
  e.object = object;
  e.detail = detail;
  Result<std::vector<int64_t>> seq = AppendAudit(store, {e});
  return seq.ok() ? Status::Ok() : seq.status();
}

Result<User> UserFromRow(sqlite3_stmt* s, int first) {
  User u;
  u.name = ColumnText(s, first);
  Result<Role> role = ParseRole(ColumnText(s, first + 1));
  if (!role.ok()) return Status::Corruption("user '" + u.name + "': " + role.status().message());
  u.role = *role;
  u.has_password = sqlite3_column_int(s, first + 2) != 0;
  u.display_name = ColumnText(s, first + 3);
  u.partner = ColumnText(s, first + 4);
  u.created_at = ColumnText(s, first + 5);
  u.created_by = ColumnText(s, first + 6);
  u.disabled_at = ColumnText(s, first + 7);
  return u;
}

Result<std::optional<User>> FindUser(Store::Impl& impl, std::string_view name) {
  Result<Stmt> q =
      impl.Prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE name = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, name);
  Result<bool> row = impl.Step(*q, "reading users");
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<User>();
  Result<User> u = UserFromRow(q->get(), 0);
  if (!u.ok()) return u.status();
  return std::optional<User>(std::move(*u));
}

Result<int64_t> CountUsers(Store::Impl& impl, const char* where) {
  Result<Stmt> q = impl.Prepare(std::string("SELECT count(*) FROM users ") + where);
  if (!q.ok()) return q.status();
  Result<bool> row = impl.Step(*q, "counting users");
  if (!row.ok()) return row.status();
  return static_cast<int64_t>(sqlite3_column_int64(q->get(), 0));
}

// OK when `actor` is an enabled user who may manage users, or (self_ok)
// is `subject` itself. `what` completes "only an admin may ...".
Status Authorize(Store::Impl& impl, const std::string& actor, const std::string& subject,
                 bool self_ok, const std::string& what) {
  if (Blank(actor))
    return Status::InvalidArgument("no acting user given: only an admin may " + what);
  Result<std::optional<User>> a = FindUser(impl, actor);
  if (!a.ok()) return a.status();
  if (!a->has_value()) return Status::InvalidArgument("acting user '" + actor + "' does not exist");
  const User& who = **a;
  if (!who.disabled_at.empty()) {
    return Status::InvalidArgument("acting user '" + actor + "' is disabled");
  }
  if (self_ok && actor == subject) return Status::Ok();
  if (!Allows(who.role, Permission::kUsersManage)) {
    return Status::InvalidArgument("'" + actor + "' (role " + std::string(ToString(who.role)) +
                                   ") may not do this: only an admin may " + what);
  }
  return Status::Ok();
}

Result<User> RequireEnabledUser(Store::Impl& impl, const std::string& name) {
  Result<std::optional<User>> u = FindUser(impl, name);
  if (!u.ok()) return u.status();
  if (!u->has_value()) return Status::NotFound("no user '" + name + "'");
  if (!(*u)->disabled_at.empty()) {
    return Status::InvalidArgument("user '" + name + "' is disabled");
  }
  return std::move(**u);
}

// ---------------------------------------------------------------------------
// The password policy's lists.

constexpr std::string_view kCommonPasswords[] = {
    "password", "passwort", "passw",    "motdepasse", "contrasena", "qwerty",   "qwertz",
    "azerty",   "letmein",  "welcome",  "admin",      "root",       "changeme", "iloveyou",
    "secret",   "monkey",   "dragon",   "master",     "login",      "hudud",    "abc",
    "test",     "user",     "guest",    "default",    "trustno",    "football", "sunshine",
    "princess", "shadow",   "superman", "hello",      "freedom",    "whatever", "access",
};

constexpr std::string_view kSequences[] = {
    "abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba", "qwertyuiopasdfghjklzxcvbnm",
    "mnbvcxzlkjhgfdsapoiuytrewq"};

}  // namespace

// ---------------------------------------------------------------------------
// Roles and permissions.

std::string_view ToString(Role role) { return kRoleNames[static_cast<size_t>(role)]; }

Result<Role> ParseRole(std::string_view text) {
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == text) return static_cast<Role>(i);
  }
  return Status::InvalidArgument("unknown role '" + std::string(text) +
                                 "' (expected: " + Joined(kRoleNames) + ")");
}

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> kAll = [] {
    std::vector<Role> all;
    for (size_t i = 0; i < kRoleNames.size(); ++i) all.push_back(static_cast<Role>(i));
    return all;
  }();
  return kAll;
}

std::string_view ToString(Permission permission) {
  return kMatrix[static_cast<size_t>(permission)].name;
}

Result<Permission> ParsePermission(std::string_view text) {
  for (const PermissionRow& row : kMatrix) {
    if (row.name == text) return row.permission;
  }
  std::vector<std::string_view> names;
  for (const PermissionRow& row : kMatrix) names.push_back(row.name);
  return Status::InvalidArgument("unknown permission '" + std::string(text) +
                                 "' (expected: " + Joined(names) + ")");
}

const std::vector<Permission>& AllPermissions() {
  static const std::vector<Permission> kAll = [] {
    std::vector<Permission> all;
    for (const PermissionRow& row : kMatrix) all.push_back(row.permission);
    return all;
  }();
  return kAll;
}

bool Allows(Role role, Permission permission) {
  const auto p = static_cast<size_t>(permission);
  const auto r = static_cast<size_t>(role);
  if (p >= std::size(kMatrix) || r >= kRoleNames.size()) return false;
  return kMatrix[p].grants[r] == 'X';
}

std::vector<Permission> PermissionsOf(Role role) {
  std::vector<Permission> out;
  for (const PermissionRow& row : kMatrix) {
    if (Allows(role, row.permission)) out.push_back(row.permission);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Users.

Status CheckPasswordPolicy(std::string_view user, std::string_view password) {
  if (CodePoints(password) < 12) {
    return Status::InvalidArgument("password too short: use at least 12 characters");
  }
  if (password.size() > 1024) {
    return Status::InvalidArgument("password too long: at most 1024 bytes");
  }
  std::set<std::string_view> distinct;
  bool digits_only = true;
  for (size_t i = 0; i < password.size();) {
    size_t len = 1;
    while (i + len < password.size() &&
           (static_cast<unsigned char>(password[i + len]) & 0xC0) == 0x80) {
      ++len;
    }
    distinct.insert(password.substr(i, len));
    digits_only = digits_only && password[i] >= '0' && password[i] <= '9';
    i += len;
  }
  if (distinct.size() < 5) {
    return Status::InvalidArgument("password too weak: it uses fewer than 5 different characters");
  }
  if (digits_only) return Status::InvalidArgument("password too weak: digits only");

  std::string lower;
  for (char c : password) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  std::string lower_user;
  for (char c : user) lower_user += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (lower_user.size() >= 3 && lower.find(lower_user) != std::string::npos) {
    return Status::InvalidArgument("password too weak: it contains the user name");
  }

  // The letters (and every non-ASCII byte), with look-alikes read as the
  // letters they stand for ("P@ssw0rd-1!" reads "passwordii"); `real` marks
  // what was a letter. Common words are looked for in the reading; what is
  // left of the real letters must still amount to something.
  std::string letters, reading;
  std::vector<bool> real;
  for (char c : lower) {
    const bool letter = (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    if (letter) letters += c;
    const char alike = c == '@' || c == '4'   ? 'a'
                       : c == '$' || c == '5' ? 's'
                       : c == '0'             ? 'o'
                       : c == '3'             ? 'e'
                       : c == '1' || c == '!' ? 'i'
                       : c == '7'             ? 't'
                                              : '\0';
    if (letter || alike != '\0') {
      reading += letter ? c : alike;
      real.push_back(letter);
    }
  }
  bool had_common = false;
  for (std::string_view word : kCommonPasswords) {
    for (size_t at = reading.find(word); at != std::string::npos; at = reading.find(word)) {
      reading.erase(at, word.size());
      real.erase(real.begin() + static_cast<std::ptrdiff_t>(at),
                 real.begin() + static_cast<std::ptrdiff_t>(at + word.size()));
      had_common = true;
    }
  }
  size_t left = 0;
  for (size_t i = 0; i < reading.size(); ++i) {
    left += real[i] && (static_cast<unsigned char>(reading[i]) & 0xC0) != 0x80;
  }
  if (had_common && left < 4) {
    return Status::InvalidArgument(
        "password too weak: it is a common password with digits or symbols around it");
  }
  if (letters.size() >= 4) {
    for (std::string_view seq : kSequences) {
      if (seq.find(letters) != std::string_view::npos) {
        return Status::InvalidArgument(
            "password too weak: its letters are a keyboard or alphabet sequence");
      }
    }
  }
  return Status::Ok();
}

Result<User> AddUser(Store& store, const std::string& name, Role role, const std::string& password,
                     const std::string& display_name, const std::string& partner,
                     const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckIdentifier("user name", name));
  if (role == Role::kPartner) {
    if (partner.empty()) {
      return Status::InvalidArgument("user '" + name +
                                     "' has the partner role: give their partner organisation");
    }
    HUDUD_RETURN_IF_ERROR(CheckIdentifier("partner organisation", partner));
  } else if (!partner.empty()) {
    return Status::InvalidArgument(
        "only users with the partner role belong to a partner "
        "organisation ('" +
        name + "' is to be " + std::string(ToString(role)) + ")");
  }
  HUDUD_RETURN_IF_ERROR(CheckFreeText("display name", display_name));
  std::string hash;
  if (!password.empty()) {
    HUDUD_RETURN_IF_ERROR(CheckPasswordPolicy(name, password));
    Result<std::string> h = HashSecret(password);
    if (!h.ok()) return h.status();
    hash = std::move(*h);
  }

  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<int64_t> users = CountUsers(impl, "");
  if (!users.ok()) return users.status();
  std::string created_by = actor;
  if (*users == 0) {
    // Bootstrap: nobody can authorise the first user, so it must be the
    // one who authorises the others.
    if (role != Role::kAdmin) {
      return Status::InvalidArgument(
          "the first user must be an admin (role admin), who then "
          "adds the others; '" +
          name + "' was to be " + std::string(ToString(role)));
    }
    // Not a valid user name, so it cannot be mistaken for one.
    if (Blank(created_by)) created_by = "(bootstrap)";
  } else {
    HUDUD_RETURN_IF_ERROR(Authorize(impl, actor, "", false, "add users"));
  }
  Result<std::optional<User>> existing = FindUser(impl, name);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) return Status::InvalidArgument("user '" + name + "' already exists");
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO users (name, role, password_hash, display_name, partner, created_at, "
      "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  const std::string at = UtcNowIso8601();
  BindText(*ins, 1, name);
  BindText(*ins, 2, ToString(role));
  BindText(*ins, 3, hash);
  BindText(*ins, 4, display_name);
  BindText(*ins, 5, partner);
  BindText(*ins, 6, at);
  BindText(*ins, 7, created_by);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "adding user " + name));
  HUDUD_RETURN_IF_ERROR(RecordChange(store, created_by, AuditAction::kChange, "user:" + name,
                                     "{\"added\":\"" + std::string(ToString(role)) + "\"}"));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return GetUser(store, name);
}

Status SetPassword(Store& store, const std::string& name, const std::string& password,
                   const std::string& actor) {
  std::string hash;
  if (!password.empty()) {
    HUDUD_RETURN_IF_ERROR(CheckPasswordPolicy(name, password));
    Result<std::string> h = HashSecret(password);
    if (!h.ok()) return h.status();
    hash = std::move(*h);
  }
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  HUDUD_RETURN_IF_ERROR(Authorize(impl, actor, name, true, "set another user's password"));
  Result<User> user = RequireEnabledUser(impl, name);
  if (!user.ok()) return user.status();
  Result<Stmt> q = impl.Prepare("UPDATE users SET password_hash = ? WHERE name = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, hash);
  BindText(*q, 2, name);
  HUDUD_RETURN_IF_ERROR(impl.Run(*q, "setting the password of " + name));
  HUDUD_RETURN_IF_ERROR(
      RecordChange(store, actor, AuditAction::kChange, "user:" + name,
                   "{\"password\":\"" + std::string(hash.empty() ? "removed" : "set") + "\"}"));
  return tx.Commit();
}

Status DisableUser(Store& store, const std::string& name, const std::string& actor) {
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  HUDUD_RETURN_IF_ERROR(Authorize(impl, actor, "", false, "disable users"));
  Result<User> user = RequireEnabledUser(impl, name);
  if (!user.ok()) return user.status();
  if (Allows(user->role, Permission::kUsersManage)) {
    Result<int64_t> admins =
        CountUsers(impl, "WHERE role = 'admin' AND disabled_at = ''");  // kUsersManage's holders
    if (!admins.ok()) return admins.status();
    if (*admins <= 1) {
      return Status::InvalidArgument("'" + name +
                                     "' is the last enabled admin: add another admin first");
    }
  }
  Result<Stmt> q = impl.Prepare("UPDATE users SET disabled_at = ? WHERE name = ?");
  if (!q.ok()) return q.status();
  const std::string at = UtcNowIso8601();
  BindText(*q, 1, at);
  BindText(*q, 2, name);
  HUDUD_RETURN_IF_ERROR(impl.Run(*q, "disabling " + name));
  HUDUD_RETURN_IF_ERROR(
      RecordChange(store, actor, AuditAction::kChange, "user:" + name, "{\"disabled\":true}"));
  return tx.Commit();
}

Result<std::vector<User>> ListUsers(Store& store) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q =
      impl.Prepare(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY name");
  if (!q.ok()) return q.status();
  std::vector<User> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading users");
    if (!row.ok()) return row.status();
    if (!*row) break;
    Result<User> u = UserFromRow(q->get(), 0);
    if (!u.ok()) return u.status();
    out.push_back(std::move(*u));
  }
  return out;
}

Result<User> GetUser(Store& store, const std::string& name) {
  Result<std::optional<User>> u = FindUser(*store.impl(), name);
  if (!u.ok()) return u.status();
  if (!u->has_value()) return Status::NotFound("no user '" + name + "'");
  return std::move(**u);
}

Result<User> CheckPassword(Store& store, const std::string& name, const std::string& password) {
  // Made on the first call whoever it is for, so no refusal pays for it.
  const std::string& dummy = DummyHash();
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(std::string("SELECT password_hash, ") + kUserColumns +
                                " FROM users WHERE name = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, name);
  Result<bool> row = impl.Step(*q, "reading users");
  if (!row.ok()) return row.status();
  std::string hash;
  std::optional<User> user;
  if (*row) {
    hash = ColumnText(q->get(), 0);
    Result<User> u = UserFromRow(q->get(), 1);
    if (!u.ok()) return u.status();
    user = std::move(*u);
  }
  // Always one verification, whether or not the user exists or has a password.
  const bool match = VerifySecret(hash.empty() ? dummy : hash, password);
  if (!user || hash.empty() || !match) {
    return Status::InvalidArgument("wrong user name or password");
  }
  if (!user->disabled_at.empty()) return Status::InvalidArgument("user '" + name + "' is disabled");
  return std::move(*user);
}

// ---------------------------------------------------------------------------
// Tokens and sessions.

namespace {

// The expiry of a new token, from CreateToken's `expires_at`.
Result<int64_t> TokenExpiry(const std::string& text, int64_t now) {
  const int64_t max_lifetime =
      std::chrono::duration_cast<std::chrono::seconds>(kMaxTokenLifetime).count();
  if (text.empty()) return now + max_lifetime;
  std::optional<int64_t> t = text.size() == 10 ? ParseIso(text + "T23:59:59Z") : ParseIso(text);
  if (!t) {
    return Status::InvalidArgument("token expiry '" + text +
                                   "': use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)");
  }
  if (*t <= now) return Status::InvalidArgument("token expiry " + text + " is not in the future");
  if (*t > now + max_lifetime + 24 * 3600) {
    return Status::InvalidArgument("token expiry " + text +
                                   " is too far ahead: tokens live at most a year");
  }
  return *t;
}

Result<IssuedCredential> Issue(Store& store, std::string_view prefix, const char* table,
                               const std::string& user, const std::string& label, int64_t expires,
                               const std::string& actor, bool is_token) {
  const std::string id = RandomHex(kIdBytes);
  std::string secret = RandomHex(kSecretBytes);
  Result<std::string> hash = HashSecret(secret);
  if (!hash.ok()) return hash.status();

  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  if (is_token) {
    HUDUD_RETURN_IF_ERROR(Authorize(impl, actor, user, true, "create tokens for another user"));
  }
  Result<User> owner = RequireEnabledUser(impl, user);
  if (!owner.ok()) return owner.status();
  // Sessions have no label: their statement skips parameter 4.
  Result<Stmt> ins = impl.Prepare(
      is_token ? "INSERT INTO api_tokens (id, user_name, secret_hash, label, created_at, "
                 "expires_at) VALUES (?, ?, ?, ?, ?, ?)"
               : "INSERT INTO sessions (id, user_name, secret_hash, created_at, expires_at) "
                 "VALUES (?1, ?2, ?3, ?5, ?6)");
  if (!ins.ok()) return ins.status();
  const std::string at = UtcNowIso8601();
  const std::string expires_at = IsoOf(expires);
  BindText(*ins, 1, id);
  BindText(*ins, 2, user);
  BindText(*ins, 3, *hash);
  if (is_token) BindText(*ins, 4, label);
  BindText(*ins, 5, at);
  BindText(*ins, 6, expires_at);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, std::string("storing a new row in ") + table));
  HUDUD_RETURN_IF_ERROR(RecordChange(
      store, is_token ? actor : user, is_token ? AuditAction::kChange : AuditAction::kSignIn,
      (is_token ? "token:" : "session:") + id,
      "{\"user\":\"" + user + "\",\"expires_at\":\"" + expires_at + "\"}"));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  IssuedCredential out{std::string(prefix) + id + "_" + secret, id, user, expires_at};
  sodium_memzero(secret.data(), secret.size());
  return out;
}

}  // namespace

Result<IssuedCredential> CreateToken(Store& store, const std::string& user,
                                     const std::string& label, const std::string& expires_at,
                                     const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckFreeText("token label", label));
  Result<int64_t> expires = TokenExpiry(expires_at, SystemNow());
  if (!expires.ok()) return expires.status();
  return Issue(store, kTokenPrefix, "api_tokens", user, label, *expires, actor, true);
}

Status RevokeToken(Store& store, const std::string& id, const std::string& actor) {
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<Stmt> q = impl.Prepare("SELECT user_name, revoked_at FROM api_tokens WHERE id = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, id);
  Result<bool> row = impl.Step(*q, "reading tokens");
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no token '" + id + "'");
  const std::string owner(ColumnText(q->get(), 0));
  const bool revoked = !ColumnText(q->get(), 1).empty();
  q = Stmt();
  HUDUD_RETURN_IF_ERROR(Authorize(impl, actor, owner, true, "revoke another user's token"));
  if (revoked) return Status::InvalidArgument("token " + id + " is already revoked");
  Result<Stmt> upd = impl.Prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ?");
  if (!upd.ok()) return upd.status();
  const std::string at = UtcNowIso8601();
  BindText(*upd, 1, at);
  BindText(*upd, 2, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*upd, "revoking token " + id));
  HUDUD_RETURN_IF_ERROR(RecordChange(store, actor, AuditAction::kChange, "token:" + id,
                                     "{\"revoked\":true,\"user\":\"" + owner + "\"}"));
  return tx.Commit();
}

Result<std::vector<TokenInfo>> ListTokens(Store& store, const std::string& user) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT id, user_name, label, created_at, expires_at, revoked_at, last_used_at "
      "FROM api_tokens WHERE ?1 = '' OR user_name = ?1 ORDER BY user_name, created_at, id");
  if (!q.ok()) return q.status();
  BindText(*q, 1, user);
  std::vector<TokenInfo> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading tokens");
    if (!row.ok()) return row.status();
    if (!*row) break;
    sqlite3_stmt* s = q->get();
    out.push_back(TokenInfo{std::string(ColumnText(s, 0)), std::string(ColumnText(s, 1)),
                            std::string(ColumnText(s, 2)), std::string(ColumnText(s, 3)),
                            std::string(ColumnText(s, 4)), std::string(ColumnText(s, 5)),
                            std::string(ColumnText(s, 6))});
  }
  return out;
}

Result<IssuedCredential> CreateSession(Store& store, const std::string& user,
                                       std::chrono::seconds ttl) {
  if (ttl < std::chrono::seconds(1) || ttl > kMaxSessionLifetime) {
    return Status::InvalidArgument("a session lasts between 1 second and 24 hours");
  }
  return Issue(store, kSessionPrefix, "sessions", user, "", SystemNow() + ttl.count(), "", false);
}

Status RevokeSession(Store& store, const std::string& id) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare("SELECT revoked_at FROM sessions WHERE id = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, id);
  Result<bool> row = impl.Step(*q, "reading sessions");
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no session '" + id + "'");
  if (!ColumnText(q->get(), 0).empty()) return Status::Ok();
  Result<Stmt> upd = impl.Prepare("UPDATE sessions SET revoked_at = ? WHERE id = ?");
  if (!upd.ok()) return upd.status();
  const std::string at = UtcNowIso8601();
  BindText(*upd, 1, at);
  BindText(*upd, 2, id);
  return impl.Run(*upd, "ending session " + id);
}

// ---------------------------------------------------------------------------
// The Authenticator.

namespace {

enum class Kind { kToken, kSession };

using CacheKey = std::array<unsigned char, 32>;

struct CacheKeyHash {
  // The key is already a keyed BLAKE2b digest: any 8 bytes of it are uniform.
  size_t operator()(const CacheKey& k) const {
    size_t h;
    std::memcpy(&h, k.data(), sizeof h);
    return h;
  }
};

// A credential's row joined with its user.
struct CredentialRow {
  std::string user, secret_hash, expires_at, revoked_at, role, partner, disabled_at;
};

struct CacheEntry {
  Principal principal;
  std::string secret_hash;  // the row's, when verified: a re-check compares it
  int64_t expires = 0;
  int64_t checked_at = 0;
  uint64_t generation = 0;
  int64_t last_used_written = std::numeric_limits<int64_t>::min() / 2;  // tokens only
};

// How often a token's last_used_at is written, at most.
constexpr int64_t kLastUsedEvery = 60;
// store.cc's busy timeout, restored after a write that must not wait.
constexpr int kStoreBusyTimeoutMs = 5000;

}  // namespace

struct Authenticator::Impl {
  Store& store;
  AuthenticatorOptions options;
  std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
  std::mutex db_mu;  // the Store is not thread-safe
  std::shared_mutex cache_mu;
  std::unordered_map<CacheKey, CacheEntry, CacheKeyHash> cache;
  std::atomic<uint64_t> generation{1};
  std::atomic<uint64_t> verifications{0};

  Impl(Store& s, AuthenticatorOptions o) : store(s), options(std::move(o)) {
    SodiumReady();
    crypto_generichash_keygen(key.data());
  }
  ~Impl() { sodium_memzero(key.data(), key.size()); }

  int64_t Now() const { return options.now ? options.now() : SystemNow(); }

  CacheKey KeyOf(std::string_view value) const {
    CacheKey k;
    crypto_generichash(k.data(), k.size(), reinterpret_cast<const unsigned char*>(value.data()),
                       value.size(), key.data(), key.size());
    return k;
  }

  Result<std::optional<CredentialRow>> LoadRow(Kind kind, const std::string& id) {
    std::lock_guard<std::mutex> lock(db_mu);
    Store::Impl& impl = *store.impl();
    Result<Stmt> q = impl.Prepare(
        kind == Kind::kToken
            ? "SELECT t.user_name, t.secret_hash, t.expires_at, t.revoked_at, u.role, u.partner, "
              "u.disabled_at FROM api_tokens t JOIN users u ON u.name = t.user_name WHERE t.id = ?"
            : "SELECT t.user_name, t.secret_hash, t.expires_at, t.revoked_at, u.role, u.partner, "
              "u.disabled_at FROM sessions t JOIN users u ON u.name = t.user_name WHERE t.id = ?");
    if (!q.ok()) return q.status();
    BindText(*q, 1, id);
    Result<bool> row = impl.Step(*q, "reading credentials");
    if (!row.ok()) return row.status();
    if (!*row) return std::optional<CredentialRow>();
    sqlite3_stmt* s = q->get();
    return std::optional<CredentialRow>(CredentialRow{
        std::string(ColumnText(s, 0)), std::string(ColumnText(s, 1)), std::string(ColumnText(s, 2)),
        std::string(ColumnText(s, 3)), std::string(ColumnText(s, 4)), std::string(ColumnText(s, 5)),
        std::string(ColumnText(s, 6))});
  }

  // Best effort: never waits for another writer, ignores failure.
  void TouchToken(const std::string& id, int64_t now) {
    std::lock_guard<std::mutex> lock(db_mu);
    Store::Impl& impl = *store.impl();
    Result<Stmt> q = impl.Prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
    if (!q.ok()) return;
    const std::string at = IsoOf(now);
    BindText(*q, 1, at);
    BindText(*q, 2, id);
    sqlite3_busy_timeout(impl.db, 0);
    (void)impl.Run(*q, "recording a token's use");
    sqlite3_busy_timeout(impl.db, kStoreBusyTimeoutMs);
  }

  void Erase(const CacheKey& k) {
    std::unique_lock<std::shared_mutex> lock(cache_mu);
    cache.erase(k);
  }

  void Insert(const CacheKey& k, CacheEntry entry, int64_t now) {
    std::unique_lock<std::shared_mutex> lock(cache_mu);
    if (cache.size() >= options.max_cached && cache.find(k) == cache.end()) {
      std::erase_if(cache, [now](const auto& kv) { return now >= kv.second.expires; });
      if (cache.size() >= options.max_cached) cache.clear();
    }
    cache[k] = std::move(entry);
  }

  Result<Principal> Authenticate(Kind kind, std::string_view value);
};

Result<Principal> Authenticator::Impl::Authenticate(Kind kind, std::string_view value) {
  const std::string what = kind == Kind::kToken ? "token" : "session";
  std::optional<CredentialParts> parts =
      SplitCredential(value, kind == Kind::kToken ? kTokenPrefix : kSessionPrefix);
  if (!parts) return Status::InvalidArgument("malformed " + what);
  const std::string id(parts->id);
  const std::string named = what + " " + id;
  const CacheKey k = KeyOf(value);
  const int64_t now = Now();
  // Read before the row: an Invalidate() racing with this check leaves the
  // entry stale, never wrongly fresh.
  const uint64_t gen = generation.load();

  std::optional<CacheEntry> cached;
  {
    std::shared_lock<std::shared_mutex> lock(cache_mu);
    auto it = cache.find(k);
    if (it != cache.end()) cached = it->second;
  }
  if (cached) {
    if (now >= cached->expires) {
      Erase(k);
      return Status::InvalidArgument(named + " has expired");
    }
    if (cached->generation == gen && now - cached->checked_at < options.recheck_after.count()) {
      return cached->principal;
    }
  }

  // First sight, or a re-check.
  Result<std::optional<CredentialRow>> loaded = LoadRow(kind, id);
  if (!loaded.ok()) return loaded.status();
  auto refuse = [&](std::string message) -> Result<Principal> {
    if (cached) Erase(k);
    return Status::InvalidArgument(std::move(message));
  };
  if (!loaded->has_value()) return refuse("unknown " + named);
  const CredentialRow& row = **loaded;
  if (!row.revoked_at.empty()) return refuse(named + " was revoked");
  int64_t expires = std::numeric_limits<int64_t>::max();  // '' only in a hand-made token row
  if (!row.expires_at.empty() || kind == Kind::kSession) {
    std::optional<int64_t> t = ParseIso(row.expires_at);
    if (!t) return refuse(named + " has an unreadable expiry");
    expires = *t;
  }
  if (now >= expires) return refuse(named + " has expired");
  if (!row.disabled_at.empty()) return refuse("user '" + row.user + "' is disabled");
  Result<Role> role = ParseRole(row.role);
  if (!role.ok()) return refuse("user '" + row.user + "': " + role.status().message());

  CacheEntry entry;
  if (cached && cached->secret_hash == row.secret_hash) {
    entry = *cached;  // verified before: a re-check needs no argon2id
  } else {
    verifications.fetch_add(1, std::memory_order_relaxed);
    if (!VerifySecret(row.secret_hash, parts->secret)) return refuse("wrong secret for " + named);
    entry.secret_hash = row.secret_hash;
  }
  entry.principal =
      Principal{row.user, *role, row.partner, (kind == Kind::kToken ? "token:" : "session:") + id};
  entry.expires = expires;
  entry.checked_at = now;
  entry.generation = gen;
  if (kind == Kind::kToken && now - entry.last_used_written >= kLastUsedEvery) {
    TouchToken(id, now);
    entry.last_used_written = now;
  }
  Principal principal = entry.principal;
  Insert(k, std::move(entry), now);
  return principal;
}

Authenticator::Authenticator(Store& store, AuthenticatorOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {}

Authenticator::~Authenticator() = default;

Result<Principal> Authenticator::AuthenticateToken(std::string_view bearer) {
  return impl_->Authenticate(Kind::kToken, bearer);
}

Result<Principal> Authenticator::AuthenticateSession(std::string_view cookie_value) {
  return impl_->Authenticate(Kind::kSession, cookie_value);
}

void Authenticator::Invalidate() { impl_->generation.fetch_add(1); }

uint64_t Authenticator::hash_verifications() const { return impl_->verifications.load(); }

}  // namespace hudud::store
