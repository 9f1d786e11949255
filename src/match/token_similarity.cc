// Token similarity: exact, romanised, skeleton (transliteration variant),
// fuzzy (typos), initial and legal-form matches.
#include "match/token_similarity.h"

#include <algorithm>

#include "text/skeleton.h"

namespace hudud::match {

namespace {
constexpr int kUnknownDistance = -1;
}  // namespace

bool StartsWithVowel(std::string_view latin) {
  return !latin.empty() && text::IsLatinVowel(latin[0]);
}

TokenSimilarity CompareTokens(const NameToken& a, const NameToken& b) {
  return CompareTokensWithDistance(a, b, kUnknownDistance);
}

TokenSimilarity CompareTokensWithDistance(const NameToken& a, const NameToken& b,
                                          int latin_distance) {
  const bool a_name = a.role == TokenRole::kName || a.role == TokenRole::kInitial;
  const bool b_name = b.role == TokenRole::kName || b.role == TokenRole::kInitial;
  if (a.role == TokenRole::kLegalForm || b.role == TokenRole::kLegalForm) {
    if (a.role != b.role) return {};
    // A company's legal form is often written otherwise or changes; it says
    // little about identity either way.
    return a.latin == b.latin ? TokenSimilarity{1.0, "exact"} : TokenSimilarity{0.8, "legal-form"};
  }
  if (a.latin == b.latin) {
    return {1.0,
            a.cross_script != b.cross_script || a.original != b.original ? "romanized" : "exact"};
  }
  if (a.role != b.role && !(a_name && b_name)) return {};
  if (a.role == TokenRole::kNumber || a.role == TokenRole::kHonorific ||
      a.role == TokenRole::kParticle) {
    return {};  // these match only exactly
  }
  if (a.role == TokenRole::kInitial || b.role == TokenRole::kInitial) {
    const NameToken& init = a.role == TokenRole::kInitial ? a : b;
    const NameToken& full = a.role == TokenRole::kInitial ? b : a;
    if (full.role == TokenRole::kInitial || full.latin.empty()) return {};
    return full.latin[0] == init.latin[0] ? TokenSimilarity{0.75, "initial"} : TokenSimilarity{};
  }

  const size_t min_len = std::min(a.latin.size(), b.latin.size());
  const size_t max_len = std::max(a.latin.size(), b.latin.size());
  const int budget = LatinEditBudget(min_len);
  if (latin_distance == kUnknownDistance)
    latin_distance = text::BoundedEditDistance(a.latin, b.latin, budget);
  const bool latin_near = latin_distance <= budget;
  const size_t min_sk = std::min(a.skeleton.size(), b.skeleton.size());
  // Two-consonant skeletons collide across unrelated Latin names (Omar, Amir,
  // Maria -> "mr"); they vouch for a match only when one side was written
  // without vowels, where the skeleton is all there is.
  // Skeletons drop vowels, so "eslami" and "salem" share one ("slm"); a name
  // that starts with a vowel (which Arabic writes too, as alef or ayn) is
  // only a variant of another that does.
  const bool same_onset = StartsWithVowel(a.latin) == StartsWithVowel(b.latin);
  const bool sk_equal = same_onset && a.skeleton == b.skeleton &&
                        (min_sk >= kMinSkeletonForNearMiss ||
                         (min_sk >= kMinSkeletonForEquality && (a.abjad || b.abjad)));
  const bool sk_near = !sk_equal && same_onset && min_sk >= kMinSkeletonForNearMiss &&
                       text::BoundedEditDistance(a.skeleton, b.skeleton, 1) <= 1;
  if (!latin_near && !sk_equal && !sk_near) return {};

  const double cost = text::TransliterationCost(a.latin, b.latin, a.abjad || b.abjad);
  const double latin_sim = std::max(0.0, 1.0 - cost / static_cast<double>(max_len));
  TokenSimilarity out{0.0, "fuzzy"};
  if (sk_equal) {
    // Same consonants: a transliteration variant. Closer spellings rank higher.
    out = {std::max(latin_sim, 0.88 + 0.1 * latin_sim), "skeleton"};
  } else if (latin_near) {
    out = {latin_sim, "fuzzy"};
    if (sk_near) out.score = std::max(out.score, 0.62 + 0.25 * latin_sim);
  } else {
    out = {std::min(0.85, 0.62 + 0.25 * latin_sim), "skeleton"};
  }
  if (out.score < kMinTokenSimilarity) return {};
  out.score = std::min(out.score, 0.99);  // only identical forms score 1
  return out;
}

}  // namespace hudud::match
