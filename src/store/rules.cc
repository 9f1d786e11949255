// RuleBook (store/rules.h): versioned targeting rules with four-eyes
// activation, in SQLite.
#include "store/rules.h"

#include "store/db.h"
#include "travel/rules.h"

namespace hudud::store {
namespace {

constexpr const char* kColumns =
    "id, name, version, expression, justification, owner, state, created_by, created_at, "
    "activated_by, activated_at, retired_at";

RuleVersion FromRow(sqlite3_stmt* s) {
  RuleVersion r;
  r.id = sqlite3_column_int64(s, 0);
  r.name = ColumnText(s, 1);
  r.version = sqlite3_column_int(s, 2);
  r.expression = ColumnText(s, 3);
  r.justification = ColumnText(s, 4);
  r.owner = ColumnText(s, 5);
  r.state = ColumnText(s, 6);
  r.created_by = ColumnText(s, 7);
  r.created_at = ColumnText(s, 8);
  r.activated_by = ColumnText(s, 9);
  r.activated_at = ColumnText(s, 10);
  r.retired_at = ColumnText(s, 11);
  return r;
}

Status CheckName(const std::string& name) {
  if (name.empty() || name.size() > 64) {
    return Status::InvalidArgument("rule name must have 1 to 64 characters");
  }
  for (char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) {
      return Status::InvalidArgument("rule name '" + name +
                                     "': use lower-case letters, digits, '-', '_' and '.'");
    }
  }
  return Status::Ok();
}

Result<std::vector<RuleVersion>> Query(Store::Impl& impl, const std::string& where,
                                       const std::string& arg) {
  Result<Stmt> q = impl.Prepare(std::string("SELECT ") + kColumns + " FROM rules " + where +
                                " ORDER BY name, version");
  if (!q.ok()) return q.status();
  if (!arg.empty()) BindText(*q, 1, arg);
  std::vector<RuleVersion> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading rules");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(FromRow(q->get()));
  }
  return out;
}

Status Record(Store::Impl& impl, const std::string& name, int version, const std::string& action,
              const std::string& actor, const std::string& at, const std::string& detail) {
  Result<Stmt> q = impl.Prepare(
      "INSERT INTO rule_events (name, version, action, actor, at, detail) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  if (!q.ok()) return q.status();
  BindText(*q, 1, name);
  sqlite3_bind_int(q->get(), 2, version);
  BindText(*q, 3, action);
  BindText(*q, 4, actor);
  BindText(*q, 5, at);
  BindText(*q, 6, detail);
  return impl.Run(*q, "recording a rule event");
}

Status SetState(Store::Impl& impl, int64_t id, const std::string& state, const std::string& actor,
                const std::string& at) {
  Result<Stmt> q = impl.Prepare(
      state == "active"
          ? "UPDATE rules SET state = 'active', activated_by = ?2, activated_at = ?3 WHERE id = ?1"
          : "UPDATE rules SET state = 'retired', retired_at = ?3 WHERE id = ?1");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  BindText(*q, 2, actor);
  BindText(*q, 3, at);
  return impl.Run(*q, "changing a rule's state");
}

}  // namespace

Result<RuleVersion> RuleBook::Save(const std::string& name, const std::string& expression,
                                   const std::string& justification, const std::string& owner,
                                   const std::string& actor) {
  if (Blank(actor)) return Status::InvalidArgument("no user given (who writes the rule?)");
  HUDUD_RETURN_IF_ERROR(CheckName(name));
  if (Blank(justification)) {
    return Status::InvalidArgument("rule '" + name +
                                   "' needs a justification: the threat it targets and why");
  }
  if (Blank(owner)) return Status::InvalidArgument("rule '" + name + "' needs an owner");
  Result<travel::RuleExpression> parsed = travel::RuleExpression::Parse(expression);
  if (!parsed.ok()) {
    return Status::InvalidArgument("rule '" + name + "': " + parsed.status().message());
  }
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<Stmt> q = impl.Prepare("SELECT COALESCE(MAX(version), 0) FROM rules WHERE name = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, name);
  Result<bool> row = impl.Step(*q, "reading rule versions");
  if (!row.ok()) return row.status();
  const int version = sqlite3_column_int(q->get(), 0) + 1;
  const std::string at = UtcNowIso8601();
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO rules (name, version, expression, justification, owner, state, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)");
  if (!ins.ok()) return ins.status();
  BindText(*ins, 1, name);
  sqlite3_bind_int(ins->get(), 2, version);
  BindText(*ins, 3, expression);
  BindText(*ins, 4, justification);
  BindText(*ins, 5, owner);
  BindText(*ins, 6, actor);
  BindText(*ins, 7, at);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "saving rule " + name));
  HUDUD_RETURN_IF_ERROR(Record(impl, name, version, "saved", actor, at, expression));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return Get(name, version);
}

Result<RuleVersion> RuleBook::Activate(const std::string& name, int version,
                                       const std::string& actor) {
  if (Blank(actor)) return Status::InvalidArgument("no user given (who activates the rule?)");
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<RuleVersion> target = Get(name, version);
  if (!target.ok()) return target.status();
  if (target->state == "active") {
    return Status::InvalidArgument("rule '" + name + "' version " +
                                   std::to_string(target->version) + " is already active");
  }
  if (target->created_by == actor) {
    return Status::InvalidArgument("four eyes: " + actor + " wrote rule '" + name + "' version " +
                                   std::to_string(target->version) +
                                   "; another user must activate it");
  }
  // A version written before the current text was saved must still parse
  // (the language may have tightened since).
  Result<travel::RuleExpression> parsed = travel::RuleExpression::Parse(target->expression);
  if (!parsed.ok()) {
    return Status::InvalidArgument("rule '" + name + "': " + parsed.status().message());
  }
  const std::string at = UtcNowIso8601();
  Result<std::vector<RuleVersion>> active =
      Query(impl, "WHERE state = 'active' AND name = ?", name);
  if (!active.ok()) return active.status();
  for (const RuleVersion& old : *active) {
    HUDUD_RETURN_IF_ERROR(SetState(impl, old.id, "retired", actor, at));
    HUDUD_RETURN_IF_ERROR(Record(impl, name, old.version, "retired", actor, at,
                                 "replaced by version " + std::to_string(target->version)));
  }
  HUDUD_RETURN_IF_ERROR(SetState(impl, target->id, "active", actor, at));
  HUDUD_RETURN_IF_ERROR(Record(impl, name, target->version, "activated", actor, at, ""));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return Get(name, target->version);
}

Result<RuleVersion> RuleBook::Retire(const std::string& name, const std::string& actor) {
  if (Blank(actor)) return Status::InvalidArgument("no user given (who retires the rule?)");
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<std::vector<RuleVersion>> active =
      Query(impl, "WHERE state = 'active' AND name = ?", name);
  if (!active.ok()) return active.status();
  if (active->empty()) return Status::NotFound("rule '" + name + "' has no active version");
  const std::string at = UtcNowIso8601();
  const RuleVersion& old = active->front();
  HUDUD_RETURN_IF_ERROR(SetState(impl, old.id, "retired", actor, at));
  HUDUD_RETURN_IF_ERROR(Record(impl, name, old.version, "retired", actor, at, ""));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return Get(name, old.version);
}

Result<std::vector<RuleVersion>> RuleBook::Active() {
  return Query(*store_.impl(), "WHERE state = 'active'", "");
}

Result<std::vector<RuleVersion>> RuleBook::Versions(const std::string& name) {
  return name.empty() ? Query(*store_.impl(), "", "")
                      : Query(*store_.impl(), "WHERE name = ?", name);
}

Result<RuleVersion> RuleBook::Get(const std::string& name, int version) {
  Result<std::vector<RuleVersion>> all = Versions(name);
  if (!all.ok()) return all.status();
  if (all->empty()) return Status::NotFound("no rule '" + name + "'");
  if (version == 0) return all->back();
  for (const RuleVersion& r : *all) {
    if (r.version == version) return r;
  }
  return Status::NotFound("rule '" + name + "' has no version " + std::to_string(version));
}

Result<std::vector<RuleEvent>> RuleBook::Events(const std::string& name) {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT name, version, action, actor, at, detail FROM rule_events WHERE name = ? "
      "ORDER BY id");
  if (!q.ok()) return q.status();
  BindText(*q, 1, name);
  std::vector<RuleEvent> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading rule events");
    if (!row.ok()) return row.status();
    if (!*row) break;
    sqlite3_stmt* s = q->get();
    out.push_back(RuleEvent{std::string(ColumnText(s, 0)), sqlite3_column_int(s, 1),
                            std::string(ColumnText(s, 2)), std::string(ColumnText(s, 3)),
                            std::string(ColumnText(s, 4)), std::string(ColumnText(s, 5))});
  }
  return out;
}

}  // namespace hudud::store
