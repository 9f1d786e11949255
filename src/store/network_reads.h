// What the network graph (network/graph.h) reads from the store: the kept
// passenger messages one at a time by id, a fingerprint that tells an index
// of them when it is stale, and the alerts that tie a traveller or a held
// subject to a list entry. Reads only: nothing here changes the database.
//
// Errors: NotFound for a message that is not kept (LoadManifest); IOError
// for the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/manifests.h"
#include "store/store.h"

namespace hudud::store {

// A kept message without its bytes: enough to tell what an index must
// (re-)read.
struct ManifestState {
  int64_t id = 0;
  std::string format;
  bool depersonalised = false;
};

// Every kept message, by id (oldest first).
Result<std::vector<ManifestState>> ManifestStates(Store& store);

// A cheap fingerprint of the kept messages: it changes when a message is
// kept, depersonalised or deleted.
Result<std::string> ManifestsStamp(Store& store);

// One kept message with its bytes (masked once depersonalised).
Result<StoredManifest> LoadManifest(Store& store, int64_t id);

// An alert as a link between what was screened and the entry it hit: no
// subject data, no summary, no justification.
struct AlertLink {
  int64_t id = 0;
  std::string entity_id, list_id;
  std::string source;      // monitoring, screening, booth, manifest
  std::string subject_id;  // the held subject's id (monitoring); "traveller:<hash>" otherwise
  int64_t manifest_id = 0;
  int traveller = -1;  // the traveller's index in the kept message; -1 when not known
  double score = 0;
  std::string status, decision, outcome, raised_at;
  bool depersonalised = false;
};

// The alert `id`; nullopt when there is none.
Result<std::optional<AlertLink>> AlertLinkById(Store& store, int64_t id);
// The alerts raised on the travellers of kept message `manifest_id`, by id.
Result<std::vector<AlertLink>> AlertLinksOfManifest(Store& store, int64_t manifest_id);
// The alerts on list entry `entity_id` ("un:111923"), newest first, at most
// `limit`.
Result<std::vector<AlertLink>> AlertLinksOfEntity(Store& store, const std::string& entity_id,
                                                  int64_t limit);
// The alerts on held subject `subject_id` (source monitoring), newest first,
// at most `limit`.
Result<std::vector<AlertLink>> AlertLinksOfSubject(Store& store, const std::string& subject_id,
                                                   int64_t limit);

}  // namespace hudud::store
