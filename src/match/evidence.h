// Evidence besides the name: date of birth, nationality, gender and identity
// documents raise the score when they agree with the listed entity, lower it
// when they conflict, and change nothing when either side is missing.
//
//   dob:         full date equal +0.06; same year (query or list year-only) +0.03;
//                inside an approximate (+-2 y) or BETWEEN range +0.02;
//                day/month swapped 0; same year, other day -0.08;
//                one year apart -0.12; further -0.20 (the best of the listed dates counts)
//   nationality: one of the listed nationalities +0.03; none of them -0.06
//   gender:      equal +0.01; different -0.15
//   document:    same number and issuing state: score -> 1 - (1 - score) * 0.1;
//                same number, state unknown on a side: 1 - (1 - score) * 0.3;
//                same number, other state +0.05
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "match/screener.h"
#include "model/entity.h"

namespace hudud::match {

// The most evidence can add to a name score (used to bound candidate search).
inline constexpr double kMaxEvidenceBonus = 0.10;

// Query fields normalised once per query.
struct QueryEvidence {
  std::optional<model::PartialDate> dob;
  std::string nationality;       // ISO alpha-2 or ""
  std::string nationality_text;  // as given
  std::optional<model::Gender> gender;
  std::string document;          // upper-case letters and digits only
  std::string document_text;
  std::string document_country;  // ISO alpha-2 or ""
};

QueryEvidence PrepareEvidence(const Query& query);

// Upper-case ASCII letters and digits of a document number ("A-123 456" -> "A123456").
std::string NormalizeDocumentNumber(std::string_view number);

// Returns the final score for an entity whose name scored `name_score`,
// appending one Evidence per field compared to `out` (when not null).
double ApplyEvidence(const QueryEvidence& q, const model::Entity& e, double name_score,
                     std::vector<Evidence>* out);

}  // namespace hudud::match
