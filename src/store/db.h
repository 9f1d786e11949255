// Internal to store/: the open SQLite connection behind a Store and the
// small RAII wrappers every store file uses. Not part of the public API.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <utility>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

// True when `s` holds nothing but spaces, tabs and line breaks: a required
// field (actor, purpose, justification) given as blanks is not given.
inline bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// A required free text (a justification, a reason, a description): not
// blank, at least `min` and at most `max` bytes. InvalidArgument naming
// `what` ("a justification must be at least 10 characters") otherwise.
inline Status CheckText(std::string_view what, std::string_view text, size_t min, size_t max) {
  if (Blank(text)) return Status::InvalidArgument(std::string(what) + " is required");
  if (text.size() < min) {
    return Status::InvalidArgument(std::string(what) + " must be at least " + std::to_string(min) +
                                   " characters");
  }
  if (text.size() > max) {
    return Status::InvalidArgument(std::string(what) + " is longer than " + std::to_string(max) +
                                   " bytes");
  }
  return Status::Ok();
}

// Now, UTC, as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNowIso8601();

inline std::string_view ColumnText(sqlite3_stmt* s, int col) {
  const unsigned char* p = sqlite3_column_text(s, col);
  if (p == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(p),
                          static_cast<size_t>(sqlite3_column_bytes(s, col)));
}

// A prepared statement. Reset (not finalized) between uses, so statements
// on hot paths are prepared once per Store.
class Stmt {
 public:
  Stmt() = default;
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(Stmt&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  Stmt& operator=(Stmt&& o) noexcept {
    if (this != &o) {
      sqlite3_finalize(s_);
      s_ = std::exchange(o.s_, nullptr);
    }
    return *this;
  }
  sqlite3_stmt* get() const { return s_; }
  explicit operator bool() const { return s_ != nullptr; }

 private:
  sqlite3_stmt* s_ = nullptr;
};

struct Store::Impl {
  sqlite3* db = nullptr;
  std::string path;
  // Statements used once per entity or name; prepared on first use.
  Stmt insert_entity, insert_name;

  ~Impl() {
    // Statements must be finalized before the connection closes.
    insert_entity = Stmt();
    insert_name = Stmt();
    sqlite3_close_v2(db);
  }

  // Every sqlite failure is an IOError naming the file, what we were doing
  // and sqlite's own words.
  Status Error(std::string_view what) const {
    return Status::IOError(path + ": " + std::string(what) + ": " +
                           (db ? sqlite3_errmsg(db) : "out of memory"));
  }

  Status Exec(const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      // sqlite3_exec's statement text is a good enough "what" for DDL;
      // keep it to the first line so messages stay readable.
      std::string_view s(sql);
      while (!s.empty() && (s.front() == '\n' || s.front() == ' ')) s.remove_prefix(1);
      return Error(s.substr(0, s.find('\n')));
    }
    return Status::Ok();
  }

  Result<Stmt> Prepare(std::string_view sql, bool persistent = false) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                           persistent ? SQLITE_PREPARE_PERSISTENT : 0, &s, nullptr) != SQLITE_OK) {
      sqlite3_finalize(s);
      return Error("preparing \"" + std::string(sql) + "\"");
    }
    return Stmt(s);
  }

  // Steps `s`: true = a row is ready, false = done.
  Result<bool> Step(const Stmt& s, std::string_view what) {
    int rc = sqlite3_step(s.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Error(what);
  }

  // Runs a statement that returns no rows, then resets it for reuse.
  Status Run(const Stmt& s, std::string_view what) {
    int rc = sqlite3_step(s.get());
    Status st = rc == SQLITE_DONE ? Status::Ok() : Error(what);
    sqlite3_reset(s.get());
    sqlite3_clear_bindings(s.get());
    return st;
  }

  Status Migrate();
  Result<ListVersion> ReadVersion(int64_t version_id);
};

// Makes the SQL functions the alert queue filters with known to a new
// connection (cases.cc: hudud_name_form); Store::Open calls it.
Status RegisterCaseFunctions(Store::Impl& impl);

inline void BindText(const Stmt& s, int i, std::string_view v) {
  // SQLITE_STATIC: every bound string outlives the step that reads it.
  sqlite3_bind_text(s.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}

// Rolls back unless Commit() succeeded, so an early error return from an
// import leaves the database as it was.
class Transaction {
 public:
  explicit Transaction(Store::Impl* impl) : impl_(impl) {}
  ~Transaction() {
    if (!open_) return;
    if (nested_) {
      sqlite3_exec(impl_->db, "ROLLBACK TO hudud_nested; RELEASE hudud_nested", nullptr, nullptr,
                   nullptr);
    } else {
      sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // IMMEDIATE takes the write lock up front: two importers serialize here
  // instead of one failing with SQLITE_BUSY halfway through. Inside an
  // outer transaction this one is a savepoint, so a store operation can
  // be part of a larger one (publishing designations imports a version).
  Status Begin(bool write) {
    nested_ = sqlite3_get_autocommit(impl_->db) == 0;
    if (nested_) {
      HUDUD_RETURN_IF_ERROR(impl_->Exec("SAVEPOINT hudud_nested"));
    } else {
      HUDUD_RETURN_IF_ERROR(impl_->Exec(write ? "BEGIN IMMEDIATE" : "BEGIN"));
    }
    open_ = true;
    return Status::Ok();
  }
  Status Commit() {
    HUDUD_RETURN_IF_ERROR(impl_->Exec(nested_ ? "RELEASE hudud_nested" : "COMMIT"));
    open_ = false;
    return Status::Ok();
  }

 private:
  Store::Impl* impl_;
  bool open_ = false;
  bool nested_ = false;
};

// The schema migrations, applied in order (schema.cc).
int LatestSchema();
const char* Migration(int index);

}  // namespace hudud::store
