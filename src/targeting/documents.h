// Checks of the travel document itself, apart from who holds it: expired
// or expiring before the journey ends, reported lost, stolen or revoked
// (matched exactly on number, issuing state and type after normalisation),
// and, for a document read at the booth, failed MRZ check digits.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/date.h"
#include "travel/manifest.h"

namespace hudud::targeting {

// A document reported lost, stolen or revoked, as a register lists it.
struct ReportedDocument {
  std::string number;   // any form: "AB 123-456" and "ab123456" are the same number
  std::string country;  // issuing state: ISO alpha-2/alpha-3, ICAO code or a name
  std::string type;     // "P", "PP", "ID", "I", "V"... or "" when the register gives none
  std::string status;   // "lost", "stolen", "revoked", ...
  std::string source;   // which register
  std::string reference;
};

// Upper-case letters and digits only: spaces, hyphens, '<', '/', '.' go.
std::string NormalizeDocumentNumber(std::string_view number);
// The class of a document type code: "P" passports (P, PP, PD, PO, IP
// passport card...), "I" identity cards (I, ID, A, C, AC...), "V" visas,
// "" unknown or empty.
std::string DocumentClass(std::string_view type);
// The issuing state as ISO alpha-2 where it names one ("D", "DEU", "DE",
// "Germany" -> "DE"); otherwise the code upper-cased ("UNO", "XPO").
std::string CanonicalIssuer(std::string_view country);

// The lost and stolen register in memory: one hash lookup per document.
class ReportedDocumentIndex {
 public:
  ReportedDocumentIndex() = default;
  explicit ReportedDocumentIndex(std::vector<ReportedDocument> documents);

  // The records matching `number` issued by `country`: same normalised
  // number, same issuer, and same class unless either side has no type.
  std::vector<const ReportedDocument*> Find(std::string_view number, std::string_view country,
                                            std::string_view type) const;
  size_t size() const { return documents_.size(); }

 private:
  std::vector<ReportedDocument> documents_;
  std::unordered_multimap<std::string, size_t> by_key_;  // number|issuer -> index
};

struct DocumentFinding {
  // "expired", "expires-during-travel", "lost-stolen", "check-digit",
  // "no-expiry" (informational), "unknown-issuer" (informational)
  std::string code;
  std::string document;  // "P GBR 123456789"
  std::string detail;    // for a human: "expired on 2024-01-01, before departure on 2024-11-04"
  bool refer = false;    // whether this finding alone sends the traveller to secondary inspection
};

// The checks for one document. `travel_start` is the departure date of the
// journey (the check date when unknown: today), `travel_end` the last date of
// the itinerary (empty = same as start).
std::vector<DocumentFinding> CheckDocument(const travel::TravelDocument& document,
                                           const ReportedDocumentIndex& reported,
                                           const model::PartialDate& travel_start,
                                           const model::PartialDate& travel_end);

// "reported stolen in interpol-sltd (SLTD-77)": what the register says of
// `report`, for every kind of document check.
std::string DescribeReport(const ReportedDocument& report);

// "P GBR 123456789" for messages.
std::string DescribeDocument(std::string_view type, std::string_view country,
                             std::string_view number);

}  // namespace hudud::targeting
