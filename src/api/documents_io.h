// The register of lost, stolen and revoked documents as it arrives (a CSV:
// `hudud documents import`, POST /v1/documents) and as JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "api/json.h"
#include "base/status.h"
#include "store/documents.h"

namespace hudud::api {

// Reads a register: a header with number and country (and any of type,
// status, reported_on, reference, or their synonyms), comma- or
// tab-separated. Numbers are normalised, issuers made ISO alpha-2, types a
// document class. InvalidArgument "<source_name>, line N, field F: ..." for
// an unknown column, a row without a number or a known issuing state, an
// unknown document type.
Result<std::vector<store::LostDocument>> ParseDocumentRegister(std::string_view content,
                                                               const std::string& source_name);

// {"source","unchanged","documents","added","removed"}.
Json DocumentImportJson(const store::DocumentImportSummary& summary);

// {"source","documents","imported_at","imported_by","sha256"}.
Json DocumentSourceJson(const store::DocumentSource& source);

// {"number","raw_number","country","type","status","reported_on","reference","source","line"}.
Json LostDocumentJson(const store::LostDocument& document);

}  // namespace hudud::api
