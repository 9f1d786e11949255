// Disclosures to partner organisations (another state's PIU, a bank, an
// FIU): what was given to whom, why and by whom. A partner sees only what
// was disclosed to it, as it was disclosed; a disclosure can be revoked,
// after which the partner no longer sees it (what it already copied is
// outside our reach, which is why only confirmed matches are shared).
//
// Errors: unknown alerts and shares NotFound; an unconfirmed alert, an
// unknown partner or a blank reason InvalidArgument; database failures
// IOError.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

struct Share {
  int64_t id = 0;
  std::string partner;
  int64_t alert_id = 0;
  std::string view;  // the disclosed view, JSON, fixed at disclosure time
  std::string reason, shared_by, shared_at, revoked_at;
};

class Shares {
 public:
  explicit Shares(Store& store) : store_(store) {}

  // Discloses `view` of a confirmed alert to `partner` (an organisation at
  // least one partner user belongs to) with a reason (at least 10 characters).
  Result<Share> Disclose(int64_t alert_id, const std::string& partner, const std::string& view,
                         const std::string& reason, const std::string& actor);
  // What `partner` may see: its disclosures not revoked, newest first.
  Result<std::vector<Share>> ForPartner(const std::string& partner);
  // Every disclosure of an alert, revoked ones included.
  Result<std::vector<Share>> OfAlert(int64_t alert_id);
  Result<Share> Revoke(int64_t id, const std::string& actor);

 private:
  Store& store_;
};

}  // namespace hudud::store
