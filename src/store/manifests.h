// Passenger messages as received (PAXLST, PNRGOV), kept raw so that what a
// carrier sent can be shown and re-read later: to test a targeting rule
// against past flights before it is activated, or to answer an audit.
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
  std::string sha256;
  std::string received_at, received_by;
  std::string raw;  // the bytes as received (empty when not asked for)
};

// Stores `manifest` (its sha256 must be set) and returns its id; the same
// bytes stored before return the existing id and change nothing.
Result<int64_t> SaveManifest(Store& store, const StoredManifest& manifest);

// Manifests whose departure is within [from, to] (inclusive "YYYY-MM-DD";
// "" = open), oldest departure first; with their bytes when `with_raw`.
Result<std::vector<StoredManifest>> LoadManifests(Store& store, const std::string& from,
                                                  const std::string& to, bool with_raw);

}  // namespace hudud::store
