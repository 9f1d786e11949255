// Optimal alignment of a query name's tokens with a listed name's tokens.
//
// Score = sum over aligned pairs of sim * (w_query + beta * w_listed)
//         / (sum of w_query + beta * sum of w_listed),
// where w are information weights and beta < 1 makes listed tokens missing
// from the query (middle names, patronymics) cost less than query tokens
// missing from the list. Pairs may be one-to-one, two query tokens written
// as one listed token ("abu bakr" ~ "abubakr") or the reverse. Order is free
// ("SURNAME Given" aligns with "Given SURNAME"). Each pair of name tokens
// left unmatched on both sides multiplies the score by kConflictFactor, and
// weakly similar pairs of name tokens by a factor between that and 1. The alignment is exact
// (dynamic programming over subsets) for names of up to 8 tokens a side and
// greedy beyond.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "match/name_analysis.h"
#include "match/token_similarity.h"

namespace hudud::match {

inline constexpr double kListedTokenBeta = 0.3;
// Factor per pair of name tokens left unmatched on both sides (a conflict).
inline constexpr double kConflictFactor = 0.75;
// Aligned name tokens less similar than this are partly a disagreement:
// their factor rises linearly from kConflictFactor (at the minimum token
// similarity) to 1 (here).
inline constexpr double kConfidentTokenSimilarity = 0.9;

struct AlignedPair {
  int8_t q_begin = -1, q_end = -1;  // query tokens [q_begin, q_end), or -1: none
  int8_t l_begin = -1, l_end = -1;  // listed tokens [l_begin, l_end), or -1: none
  double similarity = 0;
  const char* how = "";
};

struct NameAlignment {
  double score = 0;           // 0..1
  double matched_weight = 0;  // sum of sim * w_query over aligned pairs: the information matched
  // Every listed name token aligned, at least two listed tokens aligned and
  // one of them a name ("Abu Anas"): the whole listed name is in the query.
  bool complete = false;
  std::vector<AlignedPair> pairs;  // filled only when asked; unmatched tokens included
};

// Supplies token similarities; implementations may cache.
class TokenSimilaritySource {
 public:
  virtual ~TokenSimilaritySource() = default;
  virtual TokenSimilarity Similarity(int q, int l) const = 0;
};

struct NameSide {
  const NameToken* const* tokens;
  const double* weights;
  int size;
};

// A query token may match two listed tokens written apart ("albaghdadi" ~
// "al" "baghdadi") only if it begins with the first or ends with the second
// exactly (at least kMinAffix letters): the index finds such names through
// the token's prefixes and suffixes, so this keeps search lossless.
inline constexpr size_t kMinAffix = 3;
bool AffixAnchored(std::string_view whole, const NameToken& first, const NameToken& second);

// REQUIRES: query.size, listed.size <= 64.
NameAlignment AlignNames(const NameSide& query, const NameSide& listed,
                         const TokenSimilaritySource& sims, bool want_pairs);

}  // namespace hudud::match
