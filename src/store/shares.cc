// Disclosures to partners in SQLite (store/shares.h).
#include "store/shares.h"

#include "store/cases.h"
#include "store/db.h"

namespace hudud::store {
namespace {

const char* kColumns = "id, partner, alert_id, fields, reason, shared_by, shared_at, revoked_at";

Share Read(sqlite3_stmt* s) {
  Share sh;
  sh.id = sqlite3_column_int64(s, 0);
  sh.partner = ColumnText(s, 1);
  sh.alert_id = sqlite3_column_int64(s, 2);
  sh.view = ColumnText(s, 3);
  sh.reason = ColumnText(s, 4);
  sh.shared_by = ColumnText(s, 5);
  sh.shared_at = ColumnText(s, 6);
  sh.revoked_at = ColumnText(s, 7);
  return sh;
}

Result<Share> GetIn(Store::Impl& impl, int64_t id) {
  Result<Stmt> q = impl.Prepare(std::string("SELECT ") + kColumns + " FROM shares WHERE id = ?");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  Result<bool> row = impl.Step(*q, "reading disclosure " + std::to_string(id));
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no disclosure " + std::to_string(id));
  return Read(q->get());
}

Result<std::vector<Share>> Query(Store::Impl& impl, const std::string& sql, const std::string& text,
                                 int64_t number) {
  Result<Stmt> q = impl.Prepare(sql);
  if (!q.ok()) return q.status();
  if (!text.empty()) BindText(*q, 1, text);
  if (number != 0) sqlite3_bind_int64(q->get(), 1, number);
  std::vector<Share> out;
  while (true) {
    Result<bool> row = impl.Step(*q, "reading disclosures");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(Read(q->get()));
  }
  return out;
}

}  // namespace

Result<Share> Shares::Disclose(int64_t alert_id, const std::string& partner,
                               const std::string& view, const std::string& reason,
                               const std::string& actor) {
  if (Blank(actor)) return Status::InvalidArgument("no user given (who discloses?)");
  if (Blank(reason) || reason.size() < 10) {
    return Status::InvalidArgument("a disclosure needs a reason of at least 10 characters");
  }
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Alert> alert = Cases(store_).Get(alert_id);
  if (!alert.ok()) return alert.status();
  if (alert->decision != "confirmed") {
    return Status::InvalidArgument("alert " + std::to_string(alert_id) +
                                   " is not a confirmed match: only what a person confirmed is "
                                   "disclosed to partners");
  }
  Result<Stmt> known =
      impl.Prepare("SELECT 1 FROM users WHERE partner = ? AND role = 'partner' LIMIT 1");
  if (!known.ok()) return known.status();
  BindText(*known, 1, partner);
  Result<bool> row = impl.Step(*known, "looking up partner " + partner);
  if (!row.ok()) return row.status();
  if (!*row) return Status::InvalidArgument("no partner organisation '" + partner + "'");
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO shares (partner, alert_id, fields, reason, shared_by, shared_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  const std::string now = UtcNowIso8601();
  BindText(*ins, 1, partner);
  sqlite3_bind_int64(ins->get(), 2, alert_id);
  BindText(*ins, 3, view);
  BindText(*ins, 4, reason);
  BindText(*ins, 5, actor);
  BindText(*ins, 6, now);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "recording a disclosure"));
  Result<Share> out = GetIn(impl, sqlite3_last_insert_rowid(impl.db));
  if (!out.ok()) return out.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<Share>> Shares::ForPartner(const std::string& partner) {
  if (partner.empty()) return std::vector<Share>();
  return Query(*store_.impl(),
               std::string("SELECT ") + kColumns +
                   " FROM shares WHERE partner = ? AND revoked_at = '' ORDER BY id DESC",
               partner, 0);
}

Result<std::vector<Share>> Shares::OfAlert(int64_t alert_id) {
  return Query(*store_.impl(),
               std::string("SELECT ") + kColumns + " FROM shares WHERE alert_id = ? ORDER BY id",
               "", alert_id);
}

Result<Share> Shares::Revoke(int64_t id, const std::string& actor) {
  if (Blank(actor)) return Status::InvalidArgument("no user given (who revokes?)");
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Share> s = GetIn(impl, id);
  if (!s.ok()) return s.status();
  if (!s->revoked_at.empty()) {
    return Status::InvalidArgument("disclosure " + std::to_string(id) + " was already revoked");
  }
  Result<Stmt> q = impl.Prepare("UPDATE shares SET revoked_at = ? WHERE id = ?");
  if (!q.ok()) return q.status();
  const std::string now = UtcNowIso8601();
  BindText(*q, 1, now);
  sqlite3_bind_int64(q->get(), 2, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*q, "revoking a disclosure"));
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  s->revoked_at = now;
  return s;
}

}  // namespace hudud::store
