// Evidence besides the name: date of birth, nationality, gender and identity
// documents raise the score when they agree with the listed entity, lower it
// when they conflict, and change nothing when either side is missing.
//
//   dob:         full date equal +0.06; same year (query or list year-only) +0.03;
//                inside an approximate (+-2 y) or BETWEEN range +0.02;
//                day/month swapped 0; same year, other day -0.08;
//                one year apart -0.12; further -0.20, down to -0.35 at 17+ years
//                (the best of the listed dates counts)
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

// A name match is only trusted as identity evidence once it carries
// kMinInformation (in the token weights' units, ~nats): one rare token, or
// two or three uncommon ones, or a common name plus an agreeing date of
// birth. Below it the name similarity is scaled by sqrt(information / it).
inline constexpr double kMinInformation = 5.0;
// Information credited when the whole listed name (two tokens or more) is
// found in the query: "Mohammed Ali" against a listed "Mohammed Ali" is a
// hit to review, "Mohammed Ali" against "Mohammed Ali Hassan" is not.
inline constexpr double kCompleteNameInformation = 2.5;
// A match through a low-quality alias is worth less.
inline constexpr double kLowAliasFactor = 0.9;

// Query fields normalised once per query.
struct QueryEvidence {
  std::optional<model::PartialDate> dob;
  std::string nationality;       // ISO alpha-2 or ""
  std::string nationality_text;  // as given
  std::optional<model::Gender> gender;
  std::string document;  // upper-case letters and digits only
  std::string document_text;
  std::string document_country;  // ISO alpha-2 or ""
};

QueryEvidence PrepareEvidence(const Query& query);

// Upper-case ASCII letters and digits of a document number ("A-123 456" -> "A123456").
std::string NormalizeDocumentNumber(std::string_view number);

// What the evidence fields did for one entity.
struct EvidenceOutcome {
  double delta = 0;        // added to the score
  double information = 0;  // identifying information of agreeing fields (dob full 4, year-month 2,
                           // year or range 1, nationality 0.7), counted by the information gate
  double keep = 1;         // a matching document: score -> 1 - (1 - score) * keep
  double bonus = 0;        // same document number, other issuing state
};

// Compares the query's evidence with the entity's, appending one Evidence
// per field compared to `out` (when not null; deltas there are filled by
// CombineScore's caller for the document).
EvidenceOutcome EvaluateEvidence(const QueryEvidence& q, const model::Entity& e,
                                 std::vector<Evidence>* out);

// The most information the query's evidence could add (for search bounds).
double MaxEvidenceInformation(const QueryEvidence& q);

// sqrt(min(1, information / kMinInformation)).
double InformationGate(double information);

// The final score: name_similarity * gate(matched_weight + evidence
// information) + evidence delta, clamped to [0,1], then the document rule.
double CombineScore(double name_similarity, double matched_weight, const EvidenceOutcome& ev);

}  // namespace hudud::match
