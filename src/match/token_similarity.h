// Similarity of two name tokens, the unit everything above is built from.
//
// A pair of tokens is comparable only when it is *reachable*: their Latin
// forms are within a small edit budget, or their consonant skeletons are equal
// (length >= 2) or one edit apart (length >= 3). The candidate index finds
// exactly the reachable pairs (symmetric deletes on both keys), so the index
// never loses a pair this function would score above zero.
#pragma once

#include <cstddef>
#include <string_view>

#include "match/name_analysis.h"

namespace hudud::match {

struct TokenSimilarity {
  double score = 0;      // 0 (no match) or in [kMinTokenSimilarity, 1]
  const char* how = "";  // "exact", "romanized", "skeleton", "fuzzy", "initial", "legal-form"
};

inline constexpr double kMinTokenSimilarity = 0.6;

// Edit budget on Latin forms for a pair whose shorter form has `min_len` bytes.
inline int LatinEditBudget(size_t min_len) { return min_len <= 4 ? 1 : 2; }
// Deletes a dictionary (or query) token of `len` bytes must generate so that
// every pair within LatinEditBudget is found.
inline int LatinDeleteDepth(size_t len) { return len <= 4 ? 1 : 2; }
inline constexpr size_t kMinSkeletonForEquality = 2;
inline constexpr size_t kMinSkeletonForNearMiss = 3;

// True when a romanised token begins with a, e, i, o or u.
bool StartsWithVowel(std::string_view latin);

// Symmetric. Pure function of the two tokens.
TokenSimilarity CompareTokens(const NameToken& a, const NameToken& b);

// The same, given the OSA distance of the Latin forms (or any value above
// LatinEditBudget when it exceeds it), as computed in bulk by
// EditDistanceBatch. Gives exactly CompareTokens(a, b).
TokenSimilarity CompareTokensWithDistance(const NameToken& a, const NameToken& b,
                                          int latin_distance);

}  // namespace hudud::match
