// Token weights: list IDF and the common-name prior.
#include "match/token_weights.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "match/token_similarity.h"

namespace hudud::match {
namespace {

struct PriorEntry {
  const char* token;
  float commonness;
};
constexpr PriorEntry kPrior[] = {
#include "match/name_prior_data.inc"
};

const std::unordered_map<std::string, double>& PriorTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, double>;
    for (const PriorEntry& e : kPrior) {
      AnalyzedName a = AnalyzeName(e.token, model::EntityKind::kPerson);
      for (const NameToken& tok : a.tokens) {
        if (tok.role != TokenRole::kName) continue;
        (*t)[FrequencyKey(tok)] += e.commonness;
      }
    }
    // Commonness -> weight: the world's most common names (c ~ 10-20) end
    // near 1.3; a name in one country's top 50 near 5.
    for (auto& [key, c] : *t) {
      c = std::clamp(6.0 - 1.2 * std::log1p(5.0 * c), 1.0, kMaxTokenWeight);
    }
    return t;
  }();
  return *table;
}

constexpr double kPatronymicWeight = 2.0;

bool IsPatronymic(std::string_view latin) {
  constexpr std::string_view kSuffixes[] = {"ovich", "evich", "ovych", "evych", "ovna",
                                            "evna",  "ogly",  "oglu",  "ugli",  "kyzy",
                                            "qizi",  "ovic",  "evic"};
  for (std::string_view s : kSuffixes) {
    if (latin.size() > s.size() + 2 && latin.substr(latin.size() - s.size()) == s) return true;
  }
  return false;
}

}  // namespace

std::string FrequencyKey(const NameToken& token) {
  if (token.skeleton.size() < 2) return token.latin;
  // Same onset rule as token similarity: "eslami" is not counted as "salem".
  return StartsWithVowel(token.latin) ? "a" + token.skeleton : token.skeleton;
}

double PriorWeight(const NameToken& token) {
  const auto& table = PriorTable();
  auto it = table.find(FrequencyKey(token));
  return it == table.end() ? kMaxTokenWeight : it->second;
}

double RoleWeight(TokenRole role, double name_weight) {
  switch (role) {
    case TokenRole::kName:
      return name_weight;
    case TokenRole::kNumber:
      return std::max(2.0, name_weight);
    case TokenRole::kInitial:
      return 0.8;
    case TokenRole::kParticle:
      return 0.25;
    case TokenRole::kLegalForm:
      return 0.4;
    case TokenRole::kHonorific:
      return 0.1;
  }
  return name_weight;
}

void TokenFrequencies::AddName(const AnalyzedName& name) {
  ++names_;
  std::unordered_set<std::string> seen;
  for (const NameToken& t : name.tokens) {
    if (t.role != TokenRole::kName) continue;
    std::string key = FrequencyKey(t);
    if (seen.insert(key).second) ++df_[key];
  }
}

double TokenFrequencies::Weight(const NameToken& token) const {
  double prior = PriorWeight(token);
  double w = prior;
  if (token.role == TokenRole::kName && names_ > 0) {
    auto it = df_.find(FrequencyKey(token));
    double df = it == df_.end() ? 0.0 : it->second;
    // Smoothed IDF; a list of a few thousand names gives ~8 to a token seen
    // once. Quantised twice so that a list change moves few weights (and a
    // re-screen after it can stay small; monitor/rescreen.h): the name
    // count is rounded up to a power of two, and the IDF down to a quarter.
    const double n = std::exp2(std::ceil(std::log2(static_cast<double>(names_) + 1.0)));
    double idf = std::floor(4.0 * std::log(n / (df + 0.5))) / 4.0;
    w = std::min(prior, std::clamp(idf, 1.0, kMaxTokenWeight));
  }
  // Very short tokens carry little information whatever their frequency.
  if (token.latin.size() <= 2) w = std::min(w, 2.0);
  // Patronymics (Khamatovich, Sergeevna, Aliyevich, Mammad oglu) are
  // routinely left out of travel documents and manifests; rare as they
  // look, missing one must not sink a match.
  if (token.role == TokenRole::kName && IsPatronymic(token.latin))
    w = std::min(w, kPatronymicWeight);
  return RoleWeight(token.role, w);
}

}  // namespace hudud::match
