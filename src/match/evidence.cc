// Evidence rules; the weights are in evidence.h so callers can read them.
#include "match/evidence.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "model/country.h"

namespace hudud::match {
namespace {

struct DobVerdict {
  double delta;
  const char* verdict;
};

DobVerdict CompareDob(const model::PartialDate& q, const model::DateOfBirth& d) {
  using Kind = model::DateOfBirth::Kind;
  if (q.empty() || d.from.empty()) return {0, "missing"};
  if (d.kind == Kind::kBetween) {
    int lo = d.from.year, hi = d.to.empty() ? d.from.year : d.to.year;
    if (q.year >= lo && q.year <= hi) return {0.02, "agrees"};
    int gap = q.year < lo ? lo - q.year : q.year - hi;
    return gap <= 1 ? DobVerdict{0, "partial"} : DobVerdict{-0.20, "conflicts"};
  }
  int dy = std::abs(q.year - d.from.year);
  if (d.kind == Kind::kApproximate) {
    if (dy <= 2) return {0.02, "agrees"};
    return dy <= 5 ? DobVerdict{-0.05, "conflicts"} : DobVerdict{-0.20, "conflicts"};
  }
  // Far apart is stronger counter-evidence than a typo-sized gap: a father
  // and son share names, not decades.
  if (dy > 1) return {-0.20 - std::min(0.15, 0.01 * (dy - 2)), "conflicts"};
  if (dy == 1) return {-0.12, "conflicts"};
  // Same year.
  if (q.full() && d.from.full()) {
    if (q.month == d.from.month && q.day == d.from.day) return {0.06, "agrees"};
    if (q.month == d.from.day && q.day == d.from.month) return {0, "partial"};
    return {-0.08, "conflicts"};
  }
  if (q.month != 0 && d.from.month != 0 && q.month != d.from.month) {
    // Month known on both sides and different: a weak conflict.
    return {-0.04, "conflicts"};
  }
  return {0.03, "agrees"};
}

}  // namespace

std::string NormalizeDocumentNumber(std::string_view number) {
  std::string out;
  for (char c : number) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out.push_back(static_cast<char>(std::toupper(u)));
  }
  return out;
}

QueryEvidence PrepareEvidence(const Query& query) {
  QueryEvidence q;
  q.dob = query.dob;
  q.nationality_text = query.nationality;
  if (!query.nationality.empty()) q.nationality = model::ResolveCountryCode(query.nationality);
  q.gender = query.gender;
  q.document_text = query.document;
  q.document = NormalizeDocumentNumber(query.document);
  if (!query.document_country.empty())
    q.document_country = model::ResolveCountryCode(query.document_country);
  return q;
}

double InformationGate(double information) {
  return information >= kMinInformation ? 1.0
                                        : std::sqrt(std::max(0.0, information) / kMinInformation);
}

double MaxEvidenceInformation(const QueryEvidence& q) {
  double info = 0;
  if (q.dob && !q.dob->empty()) info += q.dob->full() ? 4.0 : (q.dob->month ? 2.0 : 1.0);
  if (!q.nationality.empty()) info += 0.7;
  return info;
}

double CombineScore(double name_similarity, double matched_weight, const EvidenceOutcome& ev) {
  double s = name_similarity * InformationGate(matched_weight + ev.information) + ev.delta;
  s = std::clamp(s, 0.0, 1.0);
  s = 1.0 - (1.0 - s) * ev.keep;
  return std::min(1.0, s + ev.bonus);
}

EvidenceOutcome EvaluateEvidence(const QueryEvidence& q, const model::Entity& e,
                                 std::vector<Evidence>* out) {
  EvidenceOutcome r;
  auto note = [&](const char* field, std::string qv, std::string lv, const char* verdict,
                  double d) {
    if (out) out->push_back(Evidence{field, std::move(qv), std::move(lv), verdict, d});
  };

  if (q.dob && !q.dob->empty() && !e.dates_of_birth.empty()) {
    DobVerdict best{-1, "missing"};
    const model::DateOfBirth* best_d = nullptr;
    for (const auto& d : e.dates_of_birth) {
      DobVerdict v = CompareDob(*q.dob, d);
      if (std::string_view(v.verdict) == "missing") continue;
      if (best_d == nullptr || v.delta > best.delta) best = v, best_d = &d;
    }
    if (best_d) {
      r.delta += best.delta;
      if (std::string_view(best.verdict) == "agrees") {
        const model::PartialDate& f = best_d->from;
        bool exact = best_d->kind == model::DateOfBirth::Kind::kExact;
        if (exact && q.dob->full() && f.full()) {
          r.information += 4.0;
        } else if (exact && q.dob->month != 0 && f.month != 0) {
          r.information += 2.0;
        } else {
          r.information += 1.0;
        }
      }
      note("dob", q.dob->ToString(), best_d->ToString(), best.verdict, best.delta);
    }
  }

  if (!q.nationality.empty()) {
    std::string listed;
    bool any = false, agree = false;
    for (const auto& n : e.nationalities) {
      if (n.country_code.empty()) continue;
      any = true;
      if (!listed.empty()) listed += ", ";
      listed += n.text;
      if (n.country_code == q.nationality) agree = true;
    }
    if (any) {
      double d = agree ? 0.03 : -0.06;
      r.delta += d;
      if (agree) r.information += 0.7;
      note("nationality", q.nationality_text, listed, agree ? "agrees" : "conflicts", d);
    }
  }

  if (q.gender && *q.gender != model::Gender::kUnknown && e.gender != model::Gender::kUnknown) {
    bool agree = *q.gender == e.gender;
    double d = agree ? 0.01 : -0.15;
    r.delta += d;
    note("gender", std::string(model::ToString(*q.gender)), std::string(model::ToString(e.gender)),
         agree ? "agrees" : "conflicts", d);
  }

  if (!q.document.empty()) {
    for (const auto& doc : e.documents) {
      if (NormalizeDocumentNumber(doc.number) != q.document) continue;
      std::string listed =
          doc.number + (doc.issuing_country.empty() ? "" : " (" + doc.issuing_country + ")");
      const char* verdict = "agrees";
      if (!q.document_country.empty() && !doc.country_code.empty()) {
        if (q.document_country == doc.country_code) {
          r.keep = 0.1;
        } else {
          r.bonus = 0.05;
          verdict = "partial";
        }
      } else {
        r.keep = 0.3;
      }
      note("document", q.document_text, listed, verdict, 0);
      break;
    }
  }
  return r;
}

}  // namespace hudud::match
