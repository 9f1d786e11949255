// Screening one document read at the booth (targeting/booth.h).
#include "targeting/booth.h"

#include <algorithm>

#include "travel/icao_codes.h"
#include "travel/travel_dates.h"

namespace hudud::targeting {

Result<BoothScreening> ScreenMrz(const travel::Mrz& mrz, const match::Screener* screener,
                                 const ReportedDocumentIndex& reported,
                                 const ScreeningOptions& options) {
  BoothScreening out;
  const model::PartialDate today = options.today.full() ? options.today : travel::TodayUtc();
  const std::string what =
      DescribeDocument(mrz.document_code, mrz.issuing_state, mrz.document_number);
  for (const travel::MrzCheck& c : mrz.checks) {
    if (c.ok) continue;
    std::string detail =
        what + ": check digit of " + c.field + " is " + c.found + ", expected " + c.expected;
    out.documents.push_back({"check-digit", what, detail, true});
    out.reasons.push_back({"check-digit", detail, true});
  }
  if (std::optional<bool> expired = mrz.IsExpired(today); expired && *expired) {
    std::string detail = what + ": expired on " + mrz.expiry_date->ToString();
    out.documents.push_back({"expired", what, detail, true});
    out.reasons.push_back({"expired", detail, true});
  }
  for (const ReportedDocument* r :
       reported.Find(mrz.document_number, mrz.issuing_state, mrz.document_code)) {
    const std::string detail = what + ": " + DescribeReport(*r);
    out.documents.push_back({"lost-stolen", what, detail, true});
    out.reasons.push_back({"lost-stolen", detail, true});
  }
  for (const auto& c : mrz.corrections) {
    out.reasons.push_back({"data",
                           std::string("OCR correction in ") + c.field + ": '" + c.from +
                               "' read as '" + c.to + "' (line " + std::to_string(c.line) +
                               ", column " + std::to_string(c.column) + ")",
                           false});
  }
  for (const auto& w : mrz.warnings) out.reasons.push_back({"data", w, false});

  match::Query& q = out.query;
  q.kind = model::EntityKind::kPerson;
  q.threshold = options.threshold;
  q.limit = options.limit;
  std::string name = mrz.given_names;
  if (!mrz.surname.empty()) name += (name.empty() ? "" : " ") + mrz.surname;
  if (!name.empty()) q.names.push_back(name);
  if (mrz.name_truncated) {
    out.reasons.push_back(
        {"data", "the name fills the MRZ name field: the issuer may have truncated it", false});
  }
  if (mrz.birth_date) q.dob = *mrz.birth_date;
  if (mrz.gender() != model::Gender::kUnknown) q.gender = mrz.gender();
  const std::string nationality = travel::IcaoCodeToAlpha2(mrz.nationality);
  if (!nationality.empty()) q.nationality = nationality;
  q.document = mrz.document_number;
  q.document_country = CanonicalIssuer(mrz.issuing_state);
  if (q.names.empty()) {
    out.reasons.push_back({"data", "no name in the MRZ: not screened by name", true});
  } else if (screener != nullptr) {
    Result<std::vector<match::Hit>> hits = screener->Screen(q);
    if (!hits.ok()) return hits.status();
    SetAsideCleared(q, options.cleared, &*hits, &out.cleared);
    out.hits = std::move(*hits);
  }
  for (const ClearedHit& c : out.cleared)
    out.reasons.push_back({"cleared", ClearedReason(c), false});
  for (const match::Hit& hit : out.hits) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", hit.score);
    out.reasons.push_back(
        {"watchlist", hit.entity_id + " score " + score + ": " + hit.explanation.summary, true});
  }
  out.decision =
      std::any_of(out.reasons.begin(), out.reasons.end(), [](const Reason& r) { return r.refer; })
          ? Decision::kRefer
          : Decision::kClear;
  return out;
}

}  // namespace hudud::targeting
