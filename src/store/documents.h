// The register of lost, stolen and revoked travel documents (a national
// list or an INTERPOL SLTD-style extract), replaced source by source: each
// import of a source is its complete current content.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

struct LostDocument {
  std::string number;       // normalised: upper-case A-Z and 0-9 only
  std::string country;      // issuing state, ISO alpha-2 when known
  std::string type;         // "P" passport, "I" identity card, "V" visa, "" unknown
  std::string status;       // "lost", "stolen", "revoked", ... as given
  std::string reported_on;  // as given
  std::string reference;    // the source's record reference
  std::string raw_number;   // as given
  std::string source;
  int line = 0;  // line in the imported file
};

struct DocumentImportSummary {
  std::string source;
  bool unchanged = false;  // the same bytes were imported before
  size_t count = 0, added = 0, removed = 0;
};

// Replaces the records of `source` with `records` in one transaction (on
// error nothing changes). The same sha256 as the current import of the
// source changes nothing (unchanged = true). `actor` is who imported it.
Result<DocumentImportSummary> ImportLostDocuments(Store& store, const std::string& source,
                                                  const std::vector<LostDocument>& records,
                                                  const std::string& sha256,
                                                  const std::string& actor);

// Every record of every source.
Result<std::vector<LostDocument>> LoadLostDocuments(Store& store);

struct DocumentSource {
  std::string source, sha256, imported_at, imported_by;
  size_t count = 0;
};
Result<std::vector<DocumentSource>> DocumentSources(Store& store);

}  // namespace hudud::store
