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
  if (dy > 1) return {-0.20, "conflicts"};
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
  if (!query.document_country.empty()) q.document_country = model::ResolveCountryCode(query.document_country);
  return q;
}

double ApplyEvidence(const QueryEvidence& q, const model::Entity& e, double score,
                     std::vector<Evidence>* out) {
  double delta = 0;
  auto note = [&](const char* field, std::string qv, std::string lv, const char* verdict, double d) {
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
      delta += best.delta;
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
      delta += d;
      note("nationality", q.nationality_text, listed, agree ? "agrees" : "conflicts", d);
    }
  }

  if (q.gender && *q.gender != model::Gender::kUnknown && e.gender != model::Gender::kUnknown) {
    bool agree = *q.gender == e.gender;
    double d = agree ? 0.01 : -0.15;
    delta += d;
    note("gender", std::string(model::ToString(*q.gender)), std::string(model::ToString(e.gender)),
         agree ? "agrees" : "conflicts", d);
  }

  score = std::clamp(score + delta, 0.0, 1.0);

  if (!q.document.empty()) {
    for (const auto& doc : e.documents) {
      if (NormalizeDocumentNumber(doc.number) != q.document) continue;
      std::string listed = doc.number + (doc.issuing_country.empty() ? "" : " (" + doc.issuing_country + ")");
      double before = score;
      const char* verdict = "agrees";
      if (!q.document_country.empty() && !doc.country_code.empty()) {
        if (q.document_country == doc.country_code) {
          score = 1.0 - (1.0 - score) * 0.1;
        } else {
          score = std::min(1.0, score + 0.05);
          verdict = "partial";
        }
      } else {
        score = 1.0 - (1.0 - score) * 0.3;
      }
      note("document", q.document_text, listed, verdict, score - before);
      break;
    }
  }
  return score;
}

}  // namespace hudud::match
