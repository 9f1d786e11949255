// Passenger messages as received (PAXLST, PNRGOV), kept raw so that what a
// carrier sent can be shown and re-read later: to test a targeting rule
// against past flights before it is activated, or to answer an audit. The
// callers keep them without their sensitive special-service requests (meal
// and medical codes and their free text, deleted on receipt:
// travel/message_mask.h's RemoveSensitiveRequests); retention depersonalises
// them later in place (store/retention.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

struct StoredManifest {
  int64_t id = 0;
  std::string format;     // "paxlst", "pnrgov"
  std::string flight;     // "XX101 DYU-KWI"
  std::string departure;  // "YYYY-MM-DD", "" when unknown
  int travellers = 0;
  // The hex SHA-256 of the bytes as received (before the sensitive requests
  // were removed from `raw`): what tells a message sent again.
  std::string sha256;
  std::string received_at, received_by;
  // When retention depersonalised `raw` ("" = not yet; read only: SaveManifest
  // ignores it).
  std::string depersonalised_at;
  // The bytes as received but for the sensitive requests (the caller removes
  // them), masked once depersonalised (empty when not asked for).
  std::string raw;
};

// Stores `manifest` (its sha256 must be set) and returns its id; a manifest
// with the same sha256 stored before (the same bytes received again) returns
// the existing id and changes nothing.
Result<int64_t> SaveManifest(Store& store, const StoredManifest& manifest);

// Manifests whose departure is within [from, to] (inclusive "YYYY-MM-DD";
// "" = open), oldest departure first, with when each was depersonalised;
// with their bytes when `with_raw`.
Result<std::vector<StoredManifest>> LoadManifests(Store& store, const std::string& from,
                                                  const std::string& to, bool with_raw);

}  // namespace hudud::store
