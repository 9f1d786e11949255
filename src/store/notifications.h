// Messages to the people holding a role: the data-protection officer
// (auditor role) is told of every unmasking request, every decision on one
// and every use of an approved one; the admin of a scheduled retention run
// that failed. A notification belongs to a role, not to a person: whoever
// of that role reads it first marks it read for all of them (read_by).
// Texts name users, objects and purposes, never the personal data itself.
//
// Errors: InvalidArgument for a blank role, kind, object or text; NotFound
// for an unknown notification or one of another role; IOError for the
// database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

struct Notification {
  int64_t id = 0;
  std::string role;  // "auditor", "admin", ...
  std::string at;    // UTC "YYYY-MM-DDTHH:MM:SSZ"
  std::string kind;  // "unmask-requested", "unmask-approved", "unmask-rejected", "unmask-used", ...
  std::string object;  // what it is about: "unmask-request:3"
  std::string text;
  std::string read_by, read_at;  // "" while unread
};

// Adds a notification for `role` and returns its id. Call inside the
// caller's write transaction so it commits with what it reports.
Result<int64_t> Notify(Store& store, const std::string& role, const std::string& kind,
                       const std::string& object, const std::string& text);

struct NotificationFilter {
  std::string role;  // required
  bool unread_only = false;
  int64_t after_id = 0;  // only ids above
  int64_t limit = 100;   // 1..1000
};

// The notifications of a role, newest first.
Result<std::vector<Notification>> ListNotifications(Store& store, const NotificationFilter& filter);

// Marks notification `id` of `role` read by `user` (reading it twice keeps
// the first reader). NotFound when it is not one of `role`'s.
Result<Notification> MarkNotificationRead(Store& store, int64_t id, const std::string& role,
                                          const std::string& user);

}  // namespace hudud::store
