// A user's console preferences in the users table (store/preferences.h).
#include "store/preferences.h"

#include "store/db.h"

namespace hudud::store {

bool IsConsoleLanguage(std::string_view code) {
  for (std::string_view l : kConsoleLanguages) {
    if (l == code) return true;
  }
  return false;
}

std::string ConsoleLanguageNames() {
  std::string out;
  for (std::string_view l : kConsoleLanguages) {
    if (!out.empty()) out += ", ";
    out += l;
  }
  return out;
}

Result<std::optional<std::string>> UserLanguage(Store& store, const std::string& user) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare("SELECT language FROM users WHERE name = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, user);
  Result<bool> row = impl.Step(*q, "reading a user's language");
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no user '" + user + "'");
  if (sqlite3_column_type(q->get(), 0) == SQLITE_NULL) return std::optional<std::string>();
  return std::optional<std::string>(std::string(ColumnText(q->get(), 0)));
}

Status SetUserLanguage(Store& store, const std::string& user,
                       const std::optional<std::string>& language) {
  if (language && !IsConsoleLanguage(*language)) {
    return Status::InvalidArgument("language must be one of " + ConsoleLanguageNames() +
                                   " or null, got '" + *language + "'");
  }
  Store::Impl& impl = *store.impl();
  Result<Stmt> u = impl.Prepare("UPDATE users SET language = ? WHERE name = ?");
  if (!u.ok()) return u.status();
  if (language) {
    BindText(*u, 1, *language);
  } else {
    sqlite3_bind_null(u->get(), 1);
  }
  BindText(*u, 2, user);
  HUDUD_RETURN_IF_ERROR(impl.Run(*u, "setting a user's language"));
  if (sqlite3_changes(impl.db) == 0) return Status::NotFound("no user '" + user + "'");
  return Status::Ok();
}

}  // namespace hudud::store
