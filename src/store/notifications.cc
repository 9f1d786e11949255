// Notifications to roles (store/notifications.h).
#include "store/notifications.h"

#include "store/db.h"

namespace hudud::store {
namespace {

constexpr const char* kColumns = "id, role, at, kind, object, text, read_by, read_at";

Notification FromRow(sqlite3_stmt* s) {
  Notification n;
  n.id = sqlite3_column_int64(s, 0);
  n.role = ColumnText(s, 1);
  n.at = ColumnText(s, 2);
  n.kind = ColumnText(s, 3);
  n.object = ColumnText(s, 4);
  n.text = ColumnText(s, 5);
  n.read_by = ColumnText(s, 6);
  n.read_at = ColumnText(s, 7);
  return n;
}

}  // namespace

Result<int64_t> Notify(Store& store, const std::string& role, const std::string& kind,
                       const std::string& object, const std::string& text) {
  if (Blank(role) || Blank(kind) || Blank(object) || Blank(text)) {
    return Status::InvalidArgument("a notification needs a role, a kind, an object and a text");
  }
  Store::Impl& impl = *store.impl();
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO notifications (role, at, kind, object, text) VALUES (?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  const std::string at = UtcNowIso8601();
  BindText(*ins, 1, role);
  BindText(*ins, 2, at);
  BindText(*ins, 3, kind);
  BindText(*ins, 4, object);
  BindText(*ins, 5, text);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "storing a notification"));
  return static_cast<int64_t>(sqlite3_last_insert_rowid(impl.db));
}

Result<std::vector<Notification>> ListNotifications(Store& store,
                                                    const NotificationFilter& filter) {
  if (Blank(filter.role)) return Status::InvalidArgument("notifications of which role?");
  if (filter.limit < 1 || filter.limit > 1000) {
    return Status::InvalidArgument("limit must be 1 to 1000");
  }
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(std::string("SELECT ") + kColumns +
                                " FROM notifications WHERE role = ?1 AND id > ?2 AND "
                                "(?3 = 0 OR read_at = '') ORDER BY id DESC LIMIT ?4");
  if (!q.ok()) return q.status();
  BindText(*q, 1, filter.role);
  sqlite3_bind_int64(q->get(), 2, filter.after_id);
  sqlite3_bind_int(q->get(), 3, filter.unread_only ? 1 : 0);
  sqlite3_bind_int64(q->get(), 4, filter.limit);
  std::vector<Notification> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading notifications");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(FromRow(q->get()));
  }
  return out;
}

Result<Notification> MarkNotificationRead(Store& store, int64_t id, const std::string& role,
                                          const std::string& user) {
  if (Blank(user)) return Status::InvalidArgument("who read the notification?");
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(true));
  Result<Stmt> upd = impl.Prepare(
      "UPDATE notifications SET read_by = ?1, read_at = ?2 "
      "WHERE id = ?3 AND role = ?4 AND read_at = ''");
  if (!upd.ok()) return upd.status();
  const std::string at = UtcNowIso8601();
  BindText(*upd, 1, user);
  BindText(*upd, 2, at);
  sqlite3_bind_int64(upd->get(), 3, id);
  BindText(*upd, 4, role);
  HUDUD_RETURN_IF_ERROR(impl.Run(*upd, "marking a notification read"));
  Result<Stmt> q = impl.Prepare(std::string("SELECT ") + kColumns +
                                " FROM notifications WHERE id = ? AND role = ?");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  BindText(*q, 2, role);
  Result<bool> row = impl.Step(*q, "reading a notification");
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status::NotFound("no notification " + std::to_string(id) + " for the " + role + " role");
  }
  Notification n = FromRow(q->get());
  sqlite3_reset(q->get());
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return n;
}

}  // namespace hudud::store
