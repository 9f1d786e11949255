// Information weights of name tokens: rare tokens weigh more than common
// ones, so "Mohammed" alone never makes a match while "Baghdadi" counts.
// Two sources: the loaded lists (inverse document frequency over listed
// names) and a built-in prior of the world's common forenames and surnames
// (data/names, CC0), both keyed by consonant skeleton so spelling variants
// share one frequency. The weight is the smaller of the two.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "match/name_analysis.h"

namespace hudud::match {

// Weight of a token whose frequency nothing tells (also the cap).
inline constexpr double kMaxTokenWeight = 8.0;

// Weight from the population prior alone; kMaxTokenWeight when the token is
// not a common name. Thread-safe.
double PriorWeight(const NameToken& token);

// Fixed weights by role; kName tokens get `name_weight`.
double RoleWeight(TokenRole role, double name_weight);

// Document frequencies over a list's names, keyed like the prior.
class TokenFrequencies {
 public:
  void AddName(const AnalyzedName& name);  // counts each key once per name
  // min(list IDF, prior), by role. With no names added, the prior alone.
  double Weight(const NameToken& token) const;
  size_t names() const { return names_; }

 private:
  std::unordered_map<std::string, uint32_t> df_;
  size_t names_ = 0;
};

// The key tokens are counted under: the skeleton (prefixed by "a" when the
// token starts with a vowel), or the Latin form when the skeleton is shorter
// than 2 (so "ali" and "ela" don't share counts).
std::string FrequencyKey(const NameToken& token);

}  // namespace hudud::match
