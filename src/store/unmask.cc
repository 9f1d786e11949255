// Four-eyes unmasking (store/unmask.h).
#include "store/unmask.h"

#include <ctime>
#include <nlohmann/json.hpp>

#include "lists/csv.h"
#include "store/access.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/notifications.h"

namespace hudud::store {
namespace {

using Json = nlohmann::ordered_json;

// The data-protection officer's role.
constexpr const char* kDpoRole = "auditor";

constexpr const char* kColumns =
    "id, object, reason, purpose, requested_by, requested_at, state, decided_by, decided_at, "
    "decision_note, expires_at";

UnmaskRequest FromRow(sqlite3_stmt* s) {
  UnmaskRequest r;
  r.id = sqlite3_column_int64(s, 0);
  r.object = ColumnText(s, 1);
  r.reason = ColumnText(s, 2);
  r.purpose = ColumnText(s, 3);
  r.requested_by = ColumnText(s, 4);
  r.requested_at = ColumnText(s, 5);
  r.state = ColumnText(s, 6);
  r.decided_by = ColumnText(s, 7);
  r.decided_at = ColumnText(s, 8);
  r.decision_note = ColumnText(s, 9);
  r.expires_at = ColumnText(s, 10);
  return r;
}

std::string UtcIn(std::chrono::seconds from_now) {
  const std::time_t t = std::time(nullptr) + from_now.count();
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  const size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf, n);
}

// The actor as a user allowed `permission`.
Result<User> Acting(Store& store, const std::string& actor, Permission permission) {
  if (Blank(actor)) return Status::InvalidArgument("who is acting? (no user given)");
  Result<User> u = GetUser(store, actor);
  if (!u.ok()) {
    if (u.status().code() == Status::Code::kNotFound) {
      return Status::InvalidArgument("no user '" + actor + "'");
    }
    return u.status();
  }
  if (!u->disabled_at.empty()) return Status::InvalidArgument("user '" + actor + "' is disabled");
  if (!Allows(u->role, permission)) {
    return Status::InvalidArgument("the " + std::string(ToString(u->role)) + " role of '" + actor +
                                   "' may not " + std::string(ToString(permission)));
  }
  return u;
}

Status CheckText(const std::string& what, const std::string& text, size_t min) {
  if (Blank(text)) return Status::InvalidArgument(what + " is required");
  if (text.size() < min) {
    return Status::InvalidArgument(what + " needs at least " + std::to_string(min) +
                                   " characters: say why");
  }
  if (text.size() > 2000) return Status::InvalidArgument(what + " is longer than 2000 bytes");
  if (!lists::IsValidUtf8(text)) return Status::InvalidArgument(what + " is not valid UTF-8");
  return Status::Ok();
}

struct ObjectRef {
  std::string kind;  // manifest, alert, audit
  int64_t id = 0;
};

Result<ObjectRef> ParseObject(const std::string& object) {
  const size_t colon = object.find(':');
  ObjectRef ref;
  if (colon != std::string::npos) {
    ref.kind = object.substr(0, colon);
    const std::string num = object.substr(colon + 1);
    bool digits = !num.empty() && num.size() <= 18;
    for (char c : num) digits = digits && c >= '0' && c <= '9';
    if (digits) ref.id = std::stoll(num);
  }
  if ((ref.kind != "manifest" && ref.kind != "alert" && ref.kind != "audit") || ref.id <= 0) {
    return Status::InvalidArgument("object '" + object +
                                   "' is not manifest:<id>, alert:<id> or audit:<seq>");
  }
  return ref;
}

// Checks the object exists and is depersonalised with its original sealed.
Status CheckMasked(Store& store, const std::string& object, const ObjectRef& ref) {
  Store::Impl& impl = *store.impl();
  const char* sql =
      ref.kind == "manifest" ? "SELECT depersonalised_at <> '' FROM manifests WHERE id = ?"
      : ref.kind == "alert"  ? "SELECT depersonalised_at <> '' FROM alerts WHERE id = ?"
                             : "SELECT masked_by <> 0 FROM audit_log WHERE seq = ?";
  Result<Stmt> q = impl.Prepare(sql);
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, ref.id);
  Result<bool> row = impl.Step(*q, "reading " + object);
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status::NotFound(object + " does not exist (or was deleted after its retention period)");
  }
  if (sqlite3_column_int(q->get(), 0) == 0) {
    return Status::InvalidArgument(object +
                                   " is not depersonalised: nothing to unmask, read it as it is");
  }
  Result<bool> sealed = IsSealed(store, object);
  if (!sealed.ok()) return sealed.status();
  if (!*sealed) {
    return Status::NotFound("the original of " + object +
                            " was deleted after its retention period");
  }
  return Status::Ok();
}

Status Record(Store& store, const User& actor, const std::string& purpose, AuditAction action,
              const std::string& object, const Json& detail) {
  AuditEntry e;
  e.actor = actor.name;
  e.role = std::string(ToString(actor.role));
  e.purpose = purpose;
  e.action = action;
  e.object = object;
  e.detail = detail.dump();
  Result<std::vector<int64_t>> seq = AppendAudit(store, {e});
  return seq.ok() ? Status::Ok() : seq.status();
}

Result<UnmaskRequest> Load(Store::Impl& impl, int64_t id) {
  Result<Stmt> q =
      impl.Prepare(std::string("SELECT ") + kColumns + " FROM unmask_requests WHERE id = ?");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  Result<bool> row = impl.Step(*q, "reading unmasking request " + std::to_string(id));
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no unmasking request " + std::to_string(id));
  return FromRow(q->get());
}

}  // namespace

Result<UnmaskRequest> RequestUnmask(Store& store, const std::string& object,
                                    const std::string& reason, const std::string& purpose,
                                    const std::string& actor) {
  Result<ObjectRef> ref = ParseObject(object);
  if (!ref.ok()) return ref.status();
  HUDUD_RETURN_IF_ERROR(CheckText("a reason", reason, 10));
  if (Blank(purpose)) return Status::InvalidArgument("a purpose is required (why is it needed?)");
  if (purpose.size() > 64 || !lists::IsValidUtf8(purpose)) {
    return Status::InvalidArgument("the purpose must be a purpose code");
  }
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<User> user = Acting(store, actor, Permission::kUnmaskRequest);
  if (!user.ok()) return user.status();
  HUDUD_RETURN_IF_ERROR(CheckMasked(store, object, *ref));
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO unmask_requests (object, reason, purpose, requested_by, requested_at, state) "
      "VALUES (?, ?, ?, ?, ?, 'pending')");
  if (!ins.ok()) return ins.status();
  const std::string at = UtcNowIso8601();
  BindText(*ins, 1, object);
  BindText(*ins, 2, reason);
  BindText(*ins, 3, purpose);
  BindText(*ins, 4, actor);
  BindText(*ins, 5, at);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "storing an unmasking request"));
  const int64_t id = sqlite3_last_insert_rowid(impl.db);
  const std::string self = "unmask-request:" + std::to_string(id);
  HUDUD_RETURN_IF_ERROR(Record(store, *user, purpose, AuditAction::kChange, self,
                               Json{{"requested", object}, {"reason", reason}}));
  Result<int64_t> n =
      Notify(store, kDpoRole, "unmask-requested", self,
             actor + " asks to unmask " + object + " for " + purpose + ": " + reason +
                 " (approve or reject: unmasking request " + std::to_string(id) + ")");
  if (!n.ok()) return n.status();
  Result<UnmaskRequest> r = Load(impl, id);
  if (!r.ok()) return r.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return r;
}

Result<UnmaskRequest> DecideUnmask(Store& store, int64_t id, bool approve, const std::string& note,
                                   const std::string& actor, std::chrono::seconds validity) {
  HUDUD_RETURN_IF_ERROR(CheckText("a decision note", note, 1));
  if (validity < std::chrono::seconds(1) || validity > std::chrono::hours(24 * 7)) {
    return Status::InvalidArgument("an approval lasts 1 second to 7 days");
  }
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<User> user = Acting(store, actor, Permission::kUnmaskApprove);
  if (!user.ok()) return user.status();
  Result<UnmaskRequest> r = Load(impl, id);
  if (!r.ok()) return r.status();
  if (r->requested_by == actor) {
    return Status::InvalidArgument("four eyes: " + actor +
                                   " may not decide their own unmasking request " +
                                   std::to_string(id));
  }
  if (r->state != "pending") {
    return Status::InvalidArgument("unmasking request " + std::to_string(id) + " was already " +
                                   r->state + " by " + r->decided_by);
  }
  const std::string at = UtcNowIso8601();
  const std::string expires = approve ? UtcIn(validity) : "";
  Result<Stmt> upd = impl.Prepare(
      "UPDATE unmask_requests SET state = ?, decided_by = ?, decided_at = ?, decision_note = ?, "
      "expires_at = ? WHERE id = ? AND state = 'pending'");
  if (!upd.ok()) return upd.status();
  const char* state = approve ? "approved" : "rejected";
  BindText(*upd, 1, state);
  BindText(*upd, 2, actor);
  BindText(*upd, 3, at);
  BindText(*upd, 4, note);
  BindText(*upd, 5, expires);
  sqlite3_bind_int64(upd->get(), 6, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*upd, "deciding unmasking request " + std::to_string(id)));
  const std::string self = "unmask-request:" + std::to_string(id);
  Json detail{{"decision", state}, {"object", r->object}, {"requested_by", r->requested_by}};
  if (approve) detail["expires_at"] = expires;
  HUDUD_RETURN_IF_ERROR(
      Record(store, *user, "data-protection", AuditAction::kChange, self, detail));
  Result<int64_t> n =
      Notify(store, kDpoRole, approve ? "unmask-approved" : "unmask-rejected", self,
             actor + " " + state + " " + r->requested_by + "'s request to unmask " + r->object +
                 (approve ? " until " + expires : std::string()) + ": " + note);
  if (!n.ok()) return n.status();
  Result<UnmaskRequest> out = Load(impl, id);
  if (!out.ok()) return out.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<UnmaskedData> ReadUnmasked(Store& store, const Vault& vault, int64_t id,
                                  const std::string& actor) {
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<UnmaskRequest> r = Load(impl, id);
  if (!r.ok()) return r.status();
  if (r->requested_by != actor) {
    return Status::InvalidArgument("only " + r->requested_by +
                                   ", who asked for it, may read what unmasking request " +
                                   std::to_string(id) + " unmasks");
  }
  Result<User> user = Acting(store, actor, Permission::kUnmaskRequest);
  if (!user.ok()) return user.status();
  if (r->state != "approved") {
    return Status::InvalidArgument("unmasking request " + std::to_string(id) + " is " + r->state +
                                   (r->state == "pending" ? ": the data-protection officer has not "
                                                            "decided it yet"
                                                          : ""));
  }
  const std::string now = UtcNowIso8601();
  if (now >= r->expires_at) {
    return Status::InvalidArgument("the approval of unmasking request " + std::to_string(id) +
                                   " expired at " + r->expires_at + "; ask again");
  }
  Result<ObjectRef> ref = ParseObject(r->object);
  if (!ref.ok()) return ref.status();
  HUDUD_RETURN_IF_ERROR(CheckMasked(store, r->object, *ref));
  Result<std::string> original = vault.Open(store, r->object);
  if (!original.ok()) return original.status();
  UnmaskedData out;
  out.request = *r;
  out.kind = ref->kind;
  out.original = std::move(*original);
  if (ref->kind == "manifest") {
    Result<Stmt> q = impl.Prepare("SELECT format FROM manifests WHERE id = ?");
    if (!q.ok()) return q.status();
    sqlite3_bind_int64(q->get(), 1, ref->id);
    Result<bool> row = impl.Step(*q, "reading " + r->object);
    if (!row.ok()) return row.status();
    if (*row) out.format = ColumnText(q->get(), 0);
  }
  HUDUD_RETURN_IF_ERROR(Record(store, *user, r->purpose, AuditAction::kUnmasking, r->object,
                               Json{{"request", id}, {"approved_by", r->decided_by}}));
  Result<int64_t> n = Notify(store, kDpoRole, "unmask-used", "unmask-request:" + std::to_string(id),
                             actor + " read the original of " + r->object + " (unmasking request " +
                                 std::to_string(id) + ", approved by " + r->decided_by + ")");
  if (!n.ok()) return n.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<UnmaskRequest> GetUnmaskRequest(Store& store, int64_t id) { return Load(*store.impl(), id); }

Result<std::vector<UnmaskRequest>> ListUnmaskRequests(Store& store, const UnmaskFilter& filter) {
  if (filter.limit < 1 || filter.limit > 1000) {
    return Status::InvalidArgument("limit must be 1 to 1000");
  }
  if (!filter.state.empty() && filter.state != "pending" && filter.state != "approved" &&
      filter.state != "rejected") {
    return Status::InvalidArgument("state must be pending, approved or rejected");
  }
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(std::string("SELECT ") + kColumns +
                                " FROM unmask_requests WHERE (?1 = '' OR requested_by = ?1) AND "
                                "(?2 = '' OR state = ?2) AND (?3 = '' OR object = ?3) "
                                "ORDER BY id DESC LIMIT ?4");
  if (!q.ok()) return q.status();
  BindText(*q, 1, filter.requested_by);
  BindText(*q, 2, filter.state);
  BindText(*q, 3, filter.object);
  sqlite3_bind_int64(q->get(), 4, filter.limit);
  std::vector<UnmaskRequest> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading unmasking requests");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(FromRow(q->get()));
  }
  return out;
}

}  // namespace hudud::store
