// Name alignment: a subset DP over listed tokens, query tokens in order.
#include "match/name_alignment.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace hudud::match {
namespace {

constexpr int kMaxExact = 8;

enum class Move : uint8_t { kSkip, kOne, kJoinQuery, kJoinListed };

struct Cell {
  double gain = -1;
  Move move = Move::kSkip;
  int8_t l = -1;
  uint16_t prev_mask = 0;
};

// Cheap test before building a joined token: lengths must be compatible and
// the first letters equal, otherwise no similarity can be reached.
bool JoinPlausible(const NameToken& x, const NameToken& y, const NameToken& whole) {
  if (x.latin.empty() || whole.latin.empty() || x.latin[0] != whole.latin[0]) return false;
  int joined = static_cast<int>(x.latin.size() + y.latin.size());
  return std::abs(joined - static_cast<int>(whole.latin.size())) <= 2;
}

// A name token left over on both sides is a disagreement ("John Khalil" vs
// "Mahmoud Khalil"), not just missing information.
double WeakPairFactor(double similarity) {
  if (similarity >= kConfidentTokenSimilarity || similarity <= 0) return 1.0;
  double t = (similarity - kMinTokenSimilarity) / (kConfidentTokenSimilarity - kMinTokenSimilarity);
  return kConflictFactor + (1.0 - kConflictFactor) * std::clamp(t, 0.0, 1.0);
}

// The whole listed name is in the query: at least two listed tokens aligned,
// one of them a name (so "Abu Anas" counts, "Abu" alone does not), and no
// listed honorific-free name token left out (checked by the caller).
bool IsComplete(const NameSide& l, uint64_t used_mask) {
  int used = 0, names = 0;
  for (int j = 0; j < l.size && j < 64; ++j) {
    if (!(used_mask & (1ULL << j))) continue;
    ++used;
    names += l.tokens[j]->role == TokenRole::kName;
  }
  return used >= 2 && names >= 1;
}

double ConflictFactor(int unmatched_query, int unmatched_listed) {
  int conflicts = std::min(unmatched_query, unmatched_listed);
  double f = 1.0;
  for (int k = 0; k < conflicts; ++k) f *= kConflictFactor;
  return f;
}

}  // namespace

bool AffixAnchored(std::string_view whole, const NameToken& a, const NameToken& b) {
  return (a.latin.size() >= kMinAffix && whole.substr(0, a.latin.size()) == a.latin) ||
         (b.latin.size() >= kMinAffix && whole.size() >= b.latin.size() &&
          whole.substr(whole.size() - b.latin.size()) == b.latin);
}

NameAlignment AlignNames(const NameSide& q, const NameSide& l, const TokenSimilaritySource& sims,
                         bool want_pairs) {
  NameAlignment out;
  const int nq = q.size, nl = l.size;
  double total = 0;
  for (int i = 0; i < nq; ++i) total += q.weights[i];
  for (int j = 0; j < nl; ++j) total += kListedTokenBeta * l.weights[j];
  if (nq == 0 || nl == 0 || total <= 0) return out;

  // Similarity matrices: one-to-one, joined query pairs, joined listed pairs.
  // Per-thread buffers: this runs once per candidate name, so no allocation.
  thread_local std::vector<TokenSimilarity> one_vec, jq_mat, jl_mat;
  thread_local std::vector<Cell> dp;
  one_vec.assign(nq * nl, TokenSimilarity{});
  TokenSimilarity* one = one_vec.data();
  for (int i = 0; i < nq; ++i)
    for (int j = 0; j < nl; ++j) one[i * nl + j] = sims.Similarity(i, j);

  auto joined_query = [&](int i, int j) -> TokenSimilarity {
    const NameToken& a = *q.tokens[i];
    const NameToken& b = *q.tokens[i + 1];
    if (a.role == TokenRole::kInitial || b.role == TokenRole::kInitial) return {};
    if (!JoinPlausible(a, b, *l.tokens[j])) return {};
    TokenSimilarity s = CompareTokens(JoinTokens(a, b), *l.tokens[j]);
    return s.score > 0 ? TokenSimilarity{s.score, "compound"} : s;
  };
  auto joined_listed = [&](int i, int j) -> TokenSimilarity {
    const NameToken& a = *l.tokens[j];
    const NameToken& b = *l.tokens[j + 1];
    if (!JoinPlausible(a, b, *q.tokens[i]) || !AffixAnchored(q.tokens[i]->latin, a, b)) return {};
    TokenSimilarity s = CompareTokens(*q.tokens[i], JoinTokens(a, b));
    return s.score > 0 ? TokenSimilarity{s.score, "compound"} : s;
  };

  // Joined-token similarities, computed once (they allocate).
  jq_mat.assign(std::max(0, nq - 1) * nl, TokenSimilarity{});
  jl_mat.assign(nq * std::max(0, nl - 1), TokenSimilarity{});
  for (int i = 0; i + 1 < nq; ++i)
    for (int j = 0; j < nl; ++j) jq_mat[i * nl + j] = joined_query(i, j);
  for (int i = 0; i < nq; ++i)
    for (int j = 0; j + 1 < nl; ++j) jl_mat[i * (nl - 1) + j] = joined_listed(i, j);

  auto gain_one = [&](int i, int j, double s) {
    return s * (q.weights[i] + kListedTokenBeta * l.weights[j]);
  };

  if (nq <= kMaxExact && nl <= kMaxExact) {
    const int masks = 1 << nl;
    // dp[i][mask]: best gain having decided query tokens < i, listed tokens in mask used.
    dp.assign((nq + 1) * masks, Cell{});
    auto at = [&](int i, int m) -> Cell& { return dp[i * masks + m]; };
    at(0, 0).gain = 0;
    for (int i = 0; i < nq; ++i) {
      for (int m = 0; m < masks; ++m) {
        const Cell& cur = at(i, m);
        if (cur.gain < 0) continue;
        auto relax = [&](int ni, int nm, double g, Move mv, int j) {
          Cell& c = at(ni, nm);
          if (g > c.gain) c = Cell{g, mv, static_cast<int8_t>(j), static_cast<uint16_t>(m)};
        };
        relax(i + 1, m, cur.gain, Move::kSkip, -1);
        for (int j = 0; j < nl; ++j) {
          if (m & (1 << j)) continue;
          double s = one[i * nl + j].score;
          if (s > 0) relax(i + 1, m | (1 << j), cur.gain + gain_one(i, j, s), Move::kOne, j);
          if (i + 1 < nq) {
            const TokenSimilarity& jq = jq_mat[i * nl + j];
            if (jq.score > 0) {
              double g =
                  jq.score * (q.weights[i] + q.weights[i + 1] + kListedTokenBeta * l.weights[j]);
              relax(i + 2, m | (1 << j), cur.gain + g, Move::kJoinQuery, j);
            }
          }
          if (j + 1 < nl && !(m & (1 << (j + 1)))) {
            const TokenSimilarity& jl = jl_mat[i * (nl - 1) + j];
            if (jl.score > 0) {
              double g =
                  jl.score * (q.weights[i] + kListedTokenBeta * (l.weights[j] + l.weights[j + 1]));
              relax(i + 1, m | (3 << j), cur.gain + g, Move::kJoinListed, j);
            }
          }
        }
      }
    }
    int best_mask = 0;
    for (int m = 0; m < masks; ++m)
      if (at(nq, m).gain > at(nq, best_mask).gain) best_mask = m;
    out.score = std::clamp(at(nq, best_mask).gain / total, 0.0, 1.0);
    int unmatched_q = 0, unmatched_l = 0;
    double weak = 1.0;
    int aligned = 0;

    // Walk back to recover the pairs (needed for matched_weight too).
    std::vector<AlignedPair> pairs;
    int i = nq, m = best_mask;
    while (i > 0) {
      const Cell& c = at(i, m);
      AlignedPair p;
      int pi = i - 1;
      switch (c.move) {
        case Move::kSkip:
          unmatched_q += q.tokens[pi]->role == TokenRole::kName;
          p = {static_cast<int8_t>(pi), static_cast<int8_t>(pi + 1), -1, -1, 0, "unmatched-query"};
          break;
        case Move::kOne: {
          TokenSimilarity s = one[pi * nl + c.l];
          const bool names =
              q.tokens[pi]->role == TokenRole::kName && l.tokens[c.l]->role == TokenRole::kName;
          p = {static_cast<int8_t>(pi),
               static_cast<int8_t>(pi + 1),
               c.l,
               static_cast<int8_t>(c.l + 1),
               s.score,
               s.how};
          out.matched_weight += s.score * q.weights[pi];
          if (names) weak *= WeakPairFactor(s.score);
          ++aligned;
          break;
        }
        case Move::kJoinQuery: {
          pi = i - 2;
          TokenSimilarity s = jq_mat[pi * nl + c.l];
          p = {static_cast<int8_t>(pi),
               static_cast<int8_t>(pi + 2),
               c.l,
               static_cast<int8_t>(c.l + 1),
               s.score,
               s.how};
          out.matched_weight += s.score * (q.weights[pi] + q.weights[pi + 1]);
          weak *= WeakPairFactor(s.score);
          ++aligned;
          break;
        }
        case Move::kJoinListed: {
          TokenSimilarity s = jl_mat[pi * (nl - 1) + c.l];
          p = {static_cast<int8_t>(pi),
               static_cast<int8_t>(pi + 1),
               c.l,
               static_cast<int8_t>(c.l + 2),
               s.score,
               s.how};
          out.matched_weight += s.score * q.weights[pi];
          weak *= WeakPairFactor(s.score);
          ++aligned;
          break;
        }
      }
      if (want_pairs) pairs.push_back(p);
      i = pi;
      m = c.prev_mask;
    }
    for (int j = 0; j < nl; ++j) {
      unmatched_l += !(best_mask & (1 << j)) && l.tokens[j]->role == TokenRole::kName;
    }
    // A lone pair's similarity already is the score; weakness only needs
    // correcting where a strong token would otherwise carry a weak one.
    if (aligned < 2) weak = 1.0;
    out.score *= ConflictFactor(unmatched_q, unmatched_l) * weak;
    out.complete = unmatched_l == 0 && IsComplete(l, best_mask);
    if (want_pairs) {
      std::reverse(pairs.begin(), pairs.end());
      for (int j = 0; j < nl; ++j) {
        if (!(best_mask & (1 << j))) {
          pairs.push_back(
              {-1, -1, static_cast<int8_t>(j), static_cast<int8_t>(j + 1), 0, "unmatched-listed"});
        }
      }
      out.pairs = std::move(pairs);
    }
    return out;
  }

  // Greedy for long names: take the best remaining one-to-one pair each time.
  std::vector<bool> q_used(nq), l_used(nl);
  double gain = 0, weak = 1.0;
  int aligned = 0;
  while (true) {
    int bi = -1, bj = -1;
    double bg = 0;
    for (int i = 0; i < nq; ++i) {
      if (q_used[i]) continue;
      for (int j = 0; j < nl; ++j) {
        if (l_used[j]) continue;
        double s = one[i * nl + j].score;
        if (s > 0 && gain_one(i, j, s) > bg) bg = gain_one(i, j, s), bi = i, bj = j;
      }
    }
    if (bi < 0) break;
    q_used[bi] = l_used[bj] = true;
    gain += bg;
    TokenSimilarity s = one[bi * nl + bj];
    out.matched_weight += s.score * q.weights[bi];
    if (q.tokens[bi]->role == TokenRole::kName && l.tokens[bj]->role == TokenRole::kName) {
      weak *= WeakPairFactor(s.score);
    }
    ++aligned;
    if (want_pairs)
      out.pairs.push_back({static_cast<int8_t>(bi), static_cast<int8_t>(bi + 1),
                           static_cast<int8_t>(bj), static_cast<int8_t>(bj + 1), s.score, s.how});
  }
  if (want_pairs) {
    for (int i = 0; i < nq; ++i)
      if (!q_used[i])
        out.pairs.push_back(
            {static_cast<int8_t>(i), static_cast<int8_t>(i + 1), -1, -1, 0, "unmatched-query"});
    for (int j = 0; j < nl; ++j)
      if (!l_used[j])
        out.pairs.push_back(
            {-1, -1, static_cast<int8_t>(j), static_cast<int8_t>(j + 1), 0, "unmatched-listed"});
  }
  int unmatched_q = 0, unmatched_l = 0;
  for (int i = 0; i < nq; ++i) unmatched_q += !q_used[i] && q.tokens[i]->role == TokenRole::kName;
  for (int j = 0; j < nl; ++j) unmatched_l += !l_used[j] && l.tokens[j]->role == TokenRole::kName;
  if (aligned < 2) weak = 1.0;
  out.score = std::clamp(gain / total, 0.0, 1.0) * ConflictFactor(unmatched_q, unmatched_l) * weak;
  uint64_t used_mask = 0;
  for (int j = 0; j < nl && j < 64; ++j) used_mask |= l_used[j] ? (1ULL << j) : 0;
  out.complete = unmatched_l == 0 && IsComplete(l, used_mask);
  return out;
}

}  // namespace hudud::match
