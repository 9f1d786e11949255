// Unmasking under four eyes: seeing again, for a while, the original of
// data retention has depersonalised (retention.h), while it is still sealed
// (vault.h) and not yet deleted.
//
//   1. A user whose role may request it (Permission::kUnmaskRequest: the
//      analyst) asks, for one object ("manifest:<id>", "alert:<id>" or
//      "audit:<seq>"), with a reason and the purpose of the work;
//   2. a user whose role may approve (kUnmaskApprove: the auditor, who is
//      the data-protection officer) approves or rejects it with a note, and
//      never their own request (checked here, whatever the caller);
//   3. once approved, the requester and no one else may read the original
//      until the approval expires (24 h by default); each read is an
//      'unmasking' audit record on the object.
// The data-protection officer's role is notified (notifications.h) of the
// request, of the decision and of every read. Each step, its audit record
// and its notification commit in one transaction.
//
// Who is acting: the actor names a user of the users table (the HTTP
// service passes the authenticated user; the CLI --actor or $HUDUD_USER);
// the user must exist, be enabled and hold the permission.
//
// Errors: InvalidArgument for the caller's mistakes and every refusal
// (naming the rule: four eyes, not the requester, expired, not pending,
// object not depersonalised); NotFound for an unknown request or an object
// that does not exist or was deleted; IOError for the database.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"
#include "store/vault.h"

namespace hudud::store {

// How long an approval lasts when none is given.
inline constexpr std::chrono::seconds kUnmaskValidity = std::chrono::hours(24);

struct UnmaskRequest {
  int64_t id = 0;
  std::string object;  // "manifest:12", "alert:7", "audit:311"
  std::string reason, purpose;
  std::string requested_by, requested_at;
  std::string state;  // "pending", "approved", "rejected"
  std::string decided_by, decided_at, decision_note;
  std::string expires_at;  // of an approval, UTC "YYYY-MM-DDTHH:MM:SSZ"
};

// Asks to unmask `object`. The reason has at least 10 characters (at most
// 2000) and is not blank; the purpose is required. Refused when the object
// is not depersonalised (it can be read as it is) and NotFound when it does
// not exist or was deleted.
Result<UnmaskRequest> RequestUnmask(Store& store, const std::string& object,
                                    const std::string& reason, const std::string& purpose,
                                    const std::string& actor);

// Approves (valid `validity` from now, 1 s to 7 days) or rejects a pending
// request, with a note (not blank, at most 2000 characters).
Result<UnmaskRequest> DecideUnmask(Store& store, int64_t id, bool approve, const std::string& note,
                                   const std::string& actor,
                                   std::chrono::seconds validity = kUnmaskValidity);

struct UnmaskedData {
  UnmaskRequest request;
  std::string kind;      // "manifest", "alert", "audit"
  std::string original;  // the message's bytes, the alert's fields as JSON, the audit detail
  std::string format;    // for a manifest: "paxlst" or "pnrgov"
};

// The original of an approved request's object, for its requester while
// the approval lasts.
Result<UnmaskedData> ReadUnmasked(Store& store, const Vault& vault, int64_t id,
                                  const std::string& actor);

Result<UnmaskRequest> GetUnmaskRequest(Store& store, int64_t id);

struct UnmaskFilter {
  std::string requested_by;  // "" = everyone's
  std::string state;         // "" = any
  std::string object;        // "" = any
  int64_t limit = 100;       // 1..1000
};

// The requests matching `filter`, newest first.
Result<std::vector<UnmaskRequest>> ListUnmaskRequests(Store& store, const UnmaskFilter& filter);

}  // namespace hudud::store
