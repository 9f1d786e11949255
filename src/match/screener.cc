// The screening index and the query path:
//   analyse query -> similar dictionary tokens per query token (exact, skeleton,
//   symmetric deletes) -> candidate names from the postings of the rarest
//   tokens only (a prefix filter that provably cannot drop a name able to reach
//   the threshold) -> optimal alignment per candidate -> evidence -> top hits.
#include "match/screener.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <string>
#include <thread>
#include <unordered_map>

#include "match/edit_kernel.h"
#include "match/evidence.h"
#include "match/flat_multimap.h"
#include "match/name_alignment.h"
#include "match/name_analysis.h"
#include "match/token_similarity.h"
#include "match/token_weights.h"

namespace hudud::match {
namespace {

double NameInformation(const NameAlignment& a) {
  return a.matched_weight + (a.complete ? kCompleteNameInformation : 0.0);
}

double NameKindFactor(model::NameKind kind) {
  return kind == model::NameKind::kLowAlias ? kLowAliasFactor : 1.0;
}

std::string DictKey(const NameToken& t) {
  std::string key;
  key.reserve(t.latin.size() + 3);
  key.push_back(static_cast<char>('0' + static_cast<int>(t.role)));
  key.push_back(t.abjad ? 'a' : '-');
  key.push_back(t.cross_script ? 'x' : '-');
  key += t.latin;
  return key;
}

struct DictToken {
  NameToken token;
  double weight = 0;
};

struct SimilarToken {
  uint32_t id;
  TokenSimilarity sim;
};

// One analysed query name with, per token, the dictionary tokens it resembles.
struct PreparedName {
  AnalyzedName analyzed;
  std::vector<const NameToken*> tokens;
  std::vector<double> weights;
  std::vector<std::vector<SimilarToken>> similar;  // sorted by id
};

std::string FormatScore(double s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

}  // namespace

namespace {

// What a query token needs from the index, remembered per thread: batches
// and re-screens of many people repeat the same given names and surnames,
// and the lookup (deletes, distances) is most of a query's cost.
struct TokenMemo {
  double weight = 0;
  std::vector<SimilarToken> similar;
};
struct TokenMemoTable {
  uint64_t owner = 0;
  uint64_t used = 0;   // last use, for replacing the least recently used table
  size_t similar = 0;  // SimilarToken entries held, for the memory bound
  std::unordered_map<std::string, TokenMemo> map;
};

// A few tables per thread, so work that alternates between screeners (a
// delta re-screen uses the whole index and a subset) keeps both warm.
TokenMemoTable& MemoFor(uint64_t instance) {
  thread_local std::array<TokenMemoTable, 4> tables;
  thread_local uint64_t clock = 0;
  TokenMemoTable* pick = &tables[0];
  for (TokenMemoTable& t : tables) {
    if (t.owner == instance) {
      pick = &t;
      break;
    }
    if (t.used < pick->used) pick = &t;
  }
  if (pick->owner != instance) {
    pick->map.clear();
    pick->similar = 0;
    pick->owner = instance;
  }
  pick->used = ++clock;
  return *pick;
}
// Bound the memo's memory per thread and table (~20 MB).
constexpr size_t kMaxMemoTokens = 1 << 17;
constexpr size_t kMaxMemoSimilar = 1 << 20;

}  // namespace

struct Screener::Impl {
  ScreenerOptions options;
  std::vector<model::Entity> entities;
  // Shared with the subsets built from this screener (BuildSubset), so a
  // subset scores exactly like its parent.
  std::shared_ptr<TokenFrequencies> freq_owner;
  const TokenFrequencies& freq;
  bool count_frequencies;  // false for a subset: the parent's counts apply
  // Distinguishes screeners for the per-thread token memo (an address
  // could be reused by the next screener; this number never is).
  const uint64_t instance;

  explicit Impl(std::shared_ptr<TokenFrequencies> shared = nullptr)
      : freq_owner(shared ? std::move(shared) : std::make_shared<TokenFrequencies>()),
        freq(*freq_owner),
        count_frequencies(freq_owner.use_count() == 1),
        instance(NextInstance()) {}

  static uint64_t NextInstance() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }

  std::vector<DictToken> dict;
  // Names: entity, which of its names, kind, tokens (ids into dict).
  std::vector<uint32_t> name_entity;
  std::vector<uint16_t> name_index;
  std::vector<uint32_t> name_tok_begin;     // size names + 1
  std::vector<uint32_t> entity_name_begin;  // size entities + 1: an entity's names are contiguous
  std::vector<uint32_t> name_tokens;
  // Postings: token id -> name ids.
  std::vector<uint32_t> post_begin;  // size dict + 1
  std::vector<uint32_t> postings;

  FlatMultiMap latin_map, skeleton_map, latin_deletes, skeleton_deletes, documents;

  size_t names() const { return name_entity.size(); }

  std::span<const uint32_t> Postings(uint32_t token) const {
    return {postings.data() + post_begin[token], post_begin[token + 1] - post_begin[token]};
  }

  void FindSimilar(const NameToken& q, std::vector<SimilarToken>* out,
                   std::vector<uint64_t>* hashes, std::vector<uint32_t>* ids) const;
  PreparedName Prepare(const std::string& name, model::EntityKind kind) const;
  // The weight and similar listed tokens of query token `t`, from this
  // thread's memo or computed into it. `key` is scratch.
  const TokenMemo& Memo(TokenMemoTable& memo, const NameToken& t, std::string* key,
                        std::vector<uint64_t>* hashes, std::vector<uint32_t>* ids) const;
  Result<std::vector<Hit>> Screen(const Query& query) const;
  Explanation Explain(const PreparedName& q, uint32_t name_id, const QueryEvidence& ev,
                      double* final_score) const;
  // Aligns query name `q` with listed name `name`; `listed` and `weights`
  // receive the listed tokens and their weights.
  NameAlignment Align(const PreparedName& q, uint32_t name, bool want_pairs,
                      std::vector<const NameToken*>* listed, std::vector<double>* weights) const;
};

namespace {

class PreparedSimilarity : public TokenSimilaritySource {
 public:
  PreparedSimilarity(const PreparedName& q, const NameToken* const* listed, const uint32_t* ids)
      : q_(q), listed_(listed), ids_(ids) {}
  TokenSimilarity Similarity(int i, int j) const override {
    const NameToken& qt = *q_.tokens[i];
    const NameToken& lt = *listed_[j];
    // Initials are never looked up (they would match every token with that letter).
    // Legal forms compare by class (cheap, never looked up).
    if (qt.role == TokenRole::kInitial || lt.role == TokenRole::kInitial ||
        qt.role == TokenRole::kLegalForm || lt.role == TokenRole::kLegalForm) {
      return CompareTokens(qt, lt);
    }
    const auto& sims = q_.similar[i];
    auto it = std::lower_bound(sims.begin(), sims.end(), ids_[j],
                               [](const SimilarToken& s, uint32_t id) { return s.id < id; });
    if (it != sims.end() && it->id == ids_[j]) return it->sim;
    return {};
  }

 private:
  const PreparedName& q_;
  const NameToken* const* listed_;
  const uint32_t* ids_;
};

// Similarities computed directly, token by token: the exhaustive reference
// and CompareNames.
class DirectSimilarity : public TokenSimilaritySource {
 public:
  DirectSimilarity(const NameToken* const* query, const NameToken* const* listed)
      : query_(query), listed_(listed) {}
  TokenSimilarity Similarity(int i, int j) const override {
    return CompareTokens(*query_[i], *listed_[j]);
  }

 private:
  const NameToken* const* query_;
  const NameToken* const* listed_;
};

// Per-thread scratch sized to the index, reused across queries.
struct Scratch {
  const void* owner = nullptr;
  uint32_t epoch = 0;
  std::vector<uint32_t> name_seen;  // epoch per name
  uint32_t tok_epoch = 0;
  std::vector<uint32_t> tok_stamp, tok_slot;        // per dictionary token
  std::vector<float> row_sim, row_w;                // slot x query token
  std::vector<float> bounds;                        // per candidate
  std::vector<std::pair<float, uint32_t>> ordered;  // (bound, name), best first
  std::vector<uint32_t> entity_seen;                // epoch per entity
  std::vector<uint32_t> entity_slot;                // index into best when seen
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> ids;
  std::vector<uint32_t> candidates;
};

Scratch& GetScratch(const void* owner, size_t names, size_t entities, size_t tokens) {
  thread_local Scratch s;
  if (s.owner != owner || s.name_seen.size() != names || s.entity_seen.size() != entities ||
      s.tok_stamp.size() != tokens) {
    s.tok_epoch = 0;
    s.tok_stamp.assign(tokens, 0);
    s.tok_slot.assign(tokens, 0);
    s.owner = owner;
    s.epoch = 0;
    s.name_seen.assign(names, 0);
    s.entity_seen.assign(entities, 0);
    s.entity_slot.assign(entities, 0);
  }
  if (++s.epoch == 0) {
    std::fill(s.name_seen.begin(), s.name_seen.end(), 0);
    std::fill(s.entity_seen.begin(), s.entity_seen.end(), 0);
    s.epoch = 1;
  }
  return s;
}

}  // namespace

void Screener::Impl::FindSimilar(const NameToken& q, std::vector<SimilarToken>* out,
                                 std::vector<uint64_t>* hashes, std::vector<uint32_t>* ids) const {
  out->clear();
  ids->clear();
  if (q.latin.empty() || q.role == TokenRole::kInitial) return;
  auto add = [&](std::span<const uint32_t> s) { ids->insert(ids->end(), s.begin(), s.end()); };
  add(latin_map.Find(HashBytes(q.latin)));
  if (q.role == TokenRole::kName) {
    if (q.skeleton.size() >= kMinSkeletonForEquality) add(skeleton_map.Find(HashBytes(q.skeleton)));
    hashes->clear();
    ForEachDelete(q.latin, LatinDeleteDepth(q.latin.size()), hashes);
    for (uint64_t h : *hashes) add(latin_deletes.Find(h));
    if (q.skeleton.size() >= kMinSkeletonForNearMiss) {
      hashes->clear();
      ForEachDelete(q.skeleton, 1, hashes);
      for (uint64_t h : *hashes) add(skeleton_deletes.Find(h));
    }
  }
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  // Latin distances for all candidates at once (SIMD where the CPU has it).
  thread_local std::vector<std::string_view> texts;
  thread_local std::vector<uint8_t> distances;
  texts.clear();
  for (uint32_t id : *ids) texts.push_back(dict[id].token.latin);
  distances.resize(texts.size());
  EditDistanceBatch(q.latin, texts, distances.data());
  for (size_t k = 0; k < ids->size(); ++k) {
    uint32_t id = (*ids)[k];
    TokenSimilarity s = CompareTokensWithDistance(q, dict[id].token, distances[k]);
    if (s.score > 0) out->push_back({id, s});
  }
}

const TokenMemo& Screener::Impl::Memo(TokenMemoTable& memo, const NameToken& t, std::string* key,
                                      std::vector<uint64_t>* hashes,
                                      std::vector<uint32_t>* ids) const {
  // The written form is part of the key: it decides "exact" against
  // "romanized" in explanations.
  *key = DictKey(t);
  key->push_back('\x1f');
  *key += t.original;
  auto [it, inserted] = memo.map.try_emplace(*key);
  if (inserted) {
    it->second.weight = freq.Weight(t);
    FindSimilar(t, &it->second.similar, hashes, ids);
    memo.similar += it->second.similar.size();
  }
  return it->second;
}

PreparedName Screener::Impl::Prepare(const std::string& name, model::EntityKind kind) const {
  TokenMemoTable& memo = MemoFor(instance);
  if (memo.map.size() >= kMaxMemoTokens || memo.similar >= kMaxMemoSimilar) {
    memo.map.clear();
    memo.similar = 0;
  }
  PreparedName p;
  p.analyzed = AnalyzeName(name, kind);
  const size_t n = std::min<size_t>(p.analyzed.tokens.size(), 64);
  p.tokens.reserve(n);
  p.weights.reserve(n);
  p.similar.resize(n);
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> ids;
  std::string key;
  for (size_t i = 0; i < n; ++i) {
    const NameToken& t = p.analyzed.tokens[i];
    p.tokens.push_back(&t);
    const TokenMemo& m = Memo(memo, t, &key, &hashes, &ids);
    p.weights.push_back(m.weight);
    p.similar[i] = m.similar;
  }
  return p;
}

Result<std::vector<Hit>> Screener::Impl::Screen(const Query& query) const {
  model::EntityKind kind = query.kind.value_or(model::EntityKind::kUnknown);
  std::vector<PreparedName> qnames;
  for (const std::string& n : query.names) {
    PreparedName p = Prepare(n, kind);
    if (!p.tokens.empty()) qnames.push_back(std::move(p));
  }
  if (qnames.empty())
    return Status::InvalidArgument("the query has no name with letters or digits");
  const double threshold = std::clamp(query.threshold, 0.0, 1.0);
  QueryEvidence ev = PrepareEvidence(query);

  Scratch& sc = GetScratch(this, names(), entities.size(), dict.size());
  struct Best {
    uint32_t entity;
    double score;  // combined, with evidence
    uint32_t name_id;
    uint16_t qname;
    EvidenceOutcome evidence;
  };
  std::vector<Best> best;

  auto consider_entity = [&](uint32_t e) -> Best* {
    if (query.kind && entities[e].kind != *query.kind &&
        entities[e].kind != model::EntityKind::kUnknown)
      return nullptr;
    if (sc.entity_seen[e] != sc.epoch) {
      sc.entity_seen[e] = sc.epoch;
      sc.entity_slot[e] = static_cast<uint32_t>(best.size());
      EvidenceOutcome ev_out = EvaluateEvidence(ev, entities[e], nullptr);
      best.push_back({e, CombineScore(0.0, 0.0, ev_out), UINT32_MAX, 0, ev_out});
    }
    return &best[sc.entity_slot[e]];
  };

  // The best `limit` entities so far (distinct), for the top-k exit.
  struct TopK {
    size_t limit;
    std::vector<std::pair<uint32_t, double>> items;  // entity, score
    double kth() const {
      if (limit == 0 || items.size() < limit) return -1.0;
      double m = 2.0;
      for (const auto& it : items) m = std::min(m, it.second);
      return m;
    }
    void Offer(uint32_t entity, double score) {
      if (limit == 0) return;
      for (auto& it : items) {
        if (it.first == entity) {
          it.second = std::max(it.second, score);
          return;
        }
      }
      if (items.size() < limit) {
        items.push_back({entity, score});
        return;
      }
      auto low = std::min_element(items.begin(), items.end(),
                                  [](const auto& x, const auto& y) { return x.second < y.second; });
      if (score > low->second) *low = {entity, score};
    }
  } top{query.limit > 0 ? static_cast<size_t>(query.limit) : 0, {}};

  // Entities holding the query's document: their names are always aligned,
  // since the document rule lifts whatever the name scores.
  std::span<const uint32_t> doc_entities;
  if (!ev.document.empty()) doc_entities = documents.Find(HashBytes(ev.document));

  std::vector<const NameToken*> listed;
  std::vector<double> lw;
  for (size_t qi = 0; qi < qnames.size(); ++qi) {
    const PreparedName& q = qnames[qi];
    const int nq = static_cast<int>(q.tokens.size());

    // Candidate channels per query token: its similar tokens, plus joined
    // (with a neighbour) and split forms. Cost = postings they would touch.
    struct ChannelToken {
      uint32_t id;
      float sim;   // the most similarity a name reached through it can have
      float wmax;  // the most listed weight it can align with
    };
    struct Channel {
      std::vector<ChannelToken> tokens;  // sorted by sim, best first, before use
      size_t cost = 0;
      double wmax = 0;  // max over tokens
    };
    std::vector<Channel> channels(nq);
    auto add = [&](Channel& c, uint32_t id, double sim, double wmax) {
      c.tokens.push_back({id, static_cast<float>(sim), static_cast<float>(wmax)});
      c.cost += post_begin[id + 1] - post_begin[id];
      c.wmax = std::max(c.wmax, wmax);
    };
    auto add_tokens = [&](Channel& c, const std::vector<SimilarToken>& sims) {
      for (const auto& s : sims) add(c, s.id, s.sim.score, dict[s.id].weight);
    };
    std::string key;
    for (int i = 0; i < nq; ++i) {
      add_tokens(channels[i], q.similar[i]);
      const NameToken& t = *q.tokens[i];
      // Initials and legal forms are compared directly, never looked up.
      if (t.role == TokenRole::kInitial) channels[i].wmax = kMaxTokenWeight;
      if (t.role == TokenRole::kLegalForm) channels[i].wmax = RoleWeight(TokenRole::kLegalForm, 0);
      if (i + 1 < nq && t.role != TokenRole::kInitial &&
          q.tokens[i + 1]->role != TokenRole::kInitial) {
        NameToken joined = JoinTokens(t, *q.tokens[i + 1]);
        const TokenMemo& m = Memo(MemoFor(instance), joined, &key, &sc.hashes, &sc.ids);
        add_tokens(channels[i], m.similar);
        add_tokens(channels[i + 1], m.similar);
      }
      if (t.role != TokenRole::kName) continue;
      // A listed initial matches any name token with its letter.
      for (uint32_t id : latin_map.Find(HashBytes(std::string_view(t.latin).substr(0, 1)))) {
        const NameToken& init = dict[id].token;
        if (init.role != TokenRole::kInitial) continue;
        TokenSimilarity st = CompareTokens(t, init);
        if (st.score > 0) add(channels[i], id, st.score, dict[id].weight);
      }
      // Split: a listed name may write this token as two ("al" "baghdadi");
      // the scorer accepts that only when a part is an exact prefix or suffix
      // (AffixAnchored), so the postings of those parts are the candidates.
      const std::string_view w(t.latin);
      for (size_t cut = kMinAffix; cut < w.size(); ++cut) {
        for (std::string_view part : {w.substr(0, cut), w.substr(w.size() - cut)}) {
          for (uint32_t id : latin_map.Find(HashBytes(part))) {
            if (dict[id].token.latin != part) continue;
            // Two listed tokens: this part and any other.
            add(channels[i], id, 1.0, dict[id].weight + kMaxTokenWeight);
          }
        }
      }
    }

    // Prefix filter. A name whose query tokens i align with similarity at
    // most s_i scores at most UB = (a + x) / (Q + x) * gate(a + evidence +
    // complete) + evidence bonus, with a = sum s_i * w_i, x = b * sum s_i *
    // wmax_i and Q the query's total weight (s_i = 1 for tokens we did not
    // look at). Tokens go into P, cheapest first, until UB with s = 0 on P
    // falls below the threshold: a name sharing nothing with P cannot reach
    // it, so only P's postings are read. Each candidate is then checked
    // against UB with the best similarity it reached for each token of P.
    const double max_info = MaxEvidenceInformation(ev);
    const double total_q = std::accumulate(q.weights.begin(), q.weights.end(), 0.0);
    auto bound = [&](double a, double x) {
      return (a + x) / (total_q + x) * InformationGate(a + max_info + kCompleteNameInformation) +
             kMaxEvidenceBonus;
    };
    std::vector<int> order(nq);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return channels[a].cost < channels[b].cost; });
    double out_a = total_q, out_x = 0;  // over tokens outside P, with s = 1
    for (int i = 0; i < nq; ++i) out_x += kListedTokenBeta * channels[i].wmax;
    // Initials and legal forms match what no lookup enumerates: never in P.
    order.erase(std::remove_if(order.begin(), order.end(),
                               [&](int i) {
                                 return q.tokens[i]->role == TokenRole::kInitial ||
                                        q.tokens[i]->role == TokenRole::kLegalForm;
                               }),
                order.end());
    std::vector<int> chosen;
    for (int i : order) {
      if (bound(out_a, out_x) < threshold) break;
      chosen.push_back(i);
      out_a -= q.weights[i];
      out_x -= kListedTokenBeta * channels[i].wmax;
    }

    // Per query token, the best similarity and largest weight each dictionary
    // token can reach through its channel, in a direct-mapped table.
    if (++sc.tok_epoch == 0) {
      std::fill(sc.tok_stamp.begin(), sc.tok_stamp.end(), 0);
      sc.tok_epoch = 1;
    }
    uint32_t slots = 0;
    sc.row_sim.clear();
    sc.row_w.clear();
    for (int i = 0; i < nq; ++i) {
      for (const ChannelToken& ct : channels[i].tokens) {
        if (sc.tok_stamp[ct.id] != sc.tok_epoch) {
          sc.tok_stamp[ct.id] = sc.tok_epoch;
          sc.tok_slot[ct.id] = slots++;
          sc.row_sim.resize(static_cast<size_t>(slots) * nq, 0.0f);
          sc.row_w.resize(static_cast<size_t>(slots) * nq, 0.0f);
        }
        size_t cell = static_cast<size_t>(sc.tok_slot[ct.id]) * nq + i;
        sc.row_sim[cell] = std::max(sc.row_sim[cell], ct.sim);
        sc.row_w[cell] = std::max(sc.row_w[cell], ct.wmax);
      }
    }

    // Only initials and legal forms left, and they could reach the
    // threshold alone: nothing to look up, read every name.
    const bool scan_all = options.exhaustive || bound(out_a, out_x) >= threshold;

    sc.candidates.clear();
    auto take = [&](uint32_t name) {
      if (sc.name_seen[name] == sc.epoch) return;
      sc.name_seen[name] = sc.epoch;
      sc.candidates.push_back(name);
    };
    if (scan_all) {
      for (uint32_t n = 0; n < names(); ++n) sc.candidates.push_back(n);
      chosen.clear();
    }
    for (int i : chosen) {
      for (const ChannelToken& ct : channels[i].tokens) {
        for (uint32_t name : Postings(ct.id)) take(name);
      }
    }
    // The next query name may reach the same names again.
    for (uint32_t name : sc.candidates) sc.name_seen[name] = 0;
    sc.bounds.resize(sc.candidates.size());
    if (!options.exhaustive) {
      // Verify each candidate's bound with what its tokens can really match:
      // every single, joined or split match of query token i goes through a
      // token of i's channel, so s_i is the best channel similarity among the
      // name's tokens (and 0 if none is there).
      size_t kept = 0;
      std::array<float, 64> best_sim, best_w;
      for (uint32_t name : sc.candidates) {
        const uint32_t* ids = name_tokens.data() + name_tok_begin[name];
        const uint32_t nl = name_tok_begin[name + 1] - name_tok_begin[name];
        std::fill_n(best_sim.begin(), nq, 0.0f);
        std::fill_n(best_w.begin(), nq, 0.0f);
        for (uint32_t j = 0; j < nl; ++j) {
          if (sc.tok_stamp[ids[j]] != sc.tok_epoch) continue;
          const size_t row = static_cast<size_t>(sc.tok_slot[ids[j]]) * nq;
          for (int i = 0; i < nq; ++i) {
            if (sc.row_sim[row + i] > best_sim[i]) {
              best_sim[i] = sc.row_sim[row + i];
              best_w[i] = sc.row_w[row + i];
            }
          }
        }
        double a = 0, x = 0;
        for (int i = 0; i < nq; ++i) {
          const TokenRole role = q.tokens[i]->role;
          if (role == TokenRole::kInitial || role == TokenRole::kLegalForm) {
            a += q.weights[i];  // compared directly: assume the best
            x += kListedTokenBeta * channels[i].wmax;
            continue;
          }
          a += best_sim[i] * q.weights[i];
          x += best_sim[i] * kListedTokenBeta * best_w[i];
        }
        // A hair of slack so rounding never drops a true match.
        const double ub = bound(a, x) + 1e-6;
        if (ub >= threshold) {
          sc.bounds[kept] = static_cast<float>(ub);
          sc.candidates[kept++] = name;
        }
      }
      sc.candidates.resize(kept);
    }
    // Best bound first; over budget, the names with the highest bounds are
    // kept (documented in ScreenerOptions: the one place search may lose a
    // match). Names of entities holding the query's document come first.
    constexpr float kNoBound = std::numeric_limits<float>::infinity();
    auto& ranked_names = sc.ordered;
    ranked_names.clear();
    for (size_t k = 0; k < sc.candidates.size(); ++k) {
      ranked_names.push_back({options.exhaustive ? kNoBound : sc.bounds[k], sc.candidates[k]});
    }
    std::sort(ranked_names.begin(), ranked_names.end(), [](const auto& x, const auto& y) {
      return x.first > y.first || (x.first == y.first && x.second < y.second);
    });
    if (!options.exhaustive && ranked_names.size() > options.max_candidates) {
      ranked_names.resize(options.max_candidates);
    }
    for (uint32_t e : doc_entities) {
      for (uint32_t name = entity_name_begin[e]; name < entity_name_begin[e + 1]; ++name) {
        ranked_names.insert(ranked_names.begin(), {kNoBound, name});
      }
    }
    for (const auto& [ub, name] : ranked_names) {
      // Top-k exit: no remaining name can enter the best `limit` entities.
      if (!options.exhaustive && ub < top.kth()) break;
      uint32_t e = name_entity[name];
      Best* b = consider_entity(e);
      if (b == nullptr) continue;
      NameAlignment a = Align(q, name, false, &listed, &lw);
      const auto& nm = entities[e].names[name_index[name]];
      double s = CombineScore(a.score * NameKindFactor(nm.kind), NameInformation(a), b->evidence);
      if (s > b->score || b->name_id == UINT32_MAX) {
        b->score = s;
        b->name_id = name;
        b->qname = static_cast<uint16_t>(qi);
      }
      if (b->score >= threshold) top.Offer(e, b->score);
    }
  }

  // Document channel: a matching document number is near-decisive whatever the name.
  for (uint32_t e : doc_entities) consider_entity(e);

  std::vector<Hit> hits;
  std::vector<std::pair<double, size_t>> ranked;
  for (size_t i = 0; i < best.size(); ++i) {
    const Best& b = best[i];
    if (b.score >= threshold && b.score > 0) ranked.push_back({b.score, i});
  }
  std::sort(ranked.begin(), ranked.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first > y.first;
    return best[x.second].entity < best[y.second].entity;
  });
  if (query.limit >= 0 && ranked.size() > static_cast<size_t>(query.limit))
    ranked.resize(query.limit);
  for (const auto& [score, i] : ranked) {
    const Best& b = best[i];
    Hit h;
    h.entity_index = b.entity;
    h.entity_id = entities[b.entity].id;
    h.list_id = entities[b.entity].list_id;
    double final_score = score;
    if (b.name_id != UINT32_MAX) {
      h.explanation = Explain(qnames[b.qname], b.name_id, ev, &final_score);
    } else {
      h.explanation.query_name = qnames[0].analyzed.original;
      EvaluateEvidence(ev, entities[b.entity], &h.explanation.evidence);
    }
    h.score = score;
    std::string summary = "name " + FormatScore(h.explanation.name_score);
    for (const auto& ev_item : h.explanation.evidence) {
      summary += "; " + ev_item.field + " " + ev_item.verdict;
      if (ev_item.delta != 0)
        summary += (ev_item.delta > 0 ? " +" : " ") + FormatScore(ev_item.delta);
    }
    h.explanation.summary = summary;
    hits.push_back(std::move(h));
  }
  return hits;
}

namespace {

void FillTokens(const AnalyzedName& q, const AnalyzedName& l, const NameAlignment& a,
                const std::vector<double>& qw, const std::vector<double>& lw, Explanation* out) {
  auto join = [](const AnalyzedName& n, int b, int e, bool latin) {
    std::string s;
    for (int k = b; k < e; ++k) {
      if (!s.empty()) s += ' ';
      s += latin ? n.tokens[k].latin : n.tokens[k].original;
    }
    return s;
  };
  for (const AlignedPair& p : a.pairs) {
    TokenAlignment t;
    t.how = p.how;
    t.similarity = p.similarity;
    if (p.q_begin >= 0) {
      t.query_token = join(q, p.q_begin, p.q_end, false);
      t.query_latin = join(q, p.q_begin, p.q_end, true);
      for (int k = p.q_begin; k < p.q_end; ++k) t.weight += qw[k];
    }
    if (p.l_begin >= 0) {
      t.listed_token = join(l, p.l_begin, p.l_end, false);
      t.listed_latin = join(l, p.l_begin, p.l_end, true);
      if (p.q_begin < 0) {
        for (int k = p.l_begin; k < p.l_end; ++k) t.weight += lw[k];
      }
    }
    out->tokens.push_back(std::move(t));
  }
}

}  // namespace

NameAlignment Screener::Impl::Align(const PreparedName& q, uint32_t name, bool want_pairs,
                                    std::vector<const NameToken*>* listed,
                                    std::vector<double>* weights) const {
  const uint32_t* ids = name_tokens.data() + name_tok_begin[name];
  const int nl =
      static_cast<int>(std::min<uint32_t>(name_tok_begin[name + 1] - name_tok_begin[name], 64));
  listed->clear();
  weights->clear();
  for (int j = 0; j < nl; ++j) {
    listed->push_back(&dict[ids[j]].token);
    weights->push_back(dict[ids[j]].weight);
  }
  PreparedSimilarity indexed(q, listed->data(), ids);
  DirectSimilarity direct(q.tokens.data(), listed->data());
  const TokenSimilaritySource& sims =
      options.exhaustive ? static_cast<const TokenSimilaritySource&>(direct) : indexed;
  const int nq = static_cast<int>(q.tokens.size());
  return AlignNames({q.tokens.data(), q.weights.data(), nq}, {listed->data(), weights->data(), nl},
                    sims, want_pairs);
}

Explanation Screener::Impl::Explain(const PreparedName& q, uint32_t name_id,
                                    const QueryEvidence& ev, double* final_score) const {
  Explanation out;
  const model::Entity& e = entities[name_entity[name_id]];
  const model::Name& nm = e.names[name_index[name_id]];
  out.query_name = q.analyzed.original;
  out.listed_name = nm.full;
  out.listed_name_kind = nm.kind;

  std::vector<const NameToken*> listed;
  std::vector<double> lw;
  NameAlignment a = Align(q, name_id, true, &listed, &lw);
  const int nl = static_cast<int>(listed.size());
  out.name_score = a.score * NameKindFactor(nm.kind);
  // Re-analyse the listed name for the words as the list wrote them.
  AnalyzedName listed_analyzed = AnalyzeName(nm.full, e.kind);
  if (static_cast<int>(listed_analyzed.tokens.size()) < nl) {
    listed_analyzed.tokens.clear();
    for (const NameToken* t : listed) listed_analyzed.tokens.push_back(*t);
  }
  FillTokens(q.analyzed, listed_analyzed, a, q.weights, lw, &out);
  EvidenceOutcome outcome = EvaluateEvidence(ev, e, &out.evidence);
  double gate = InformationGate(NameInformation(a) + outcome.information);
  *final_score = CombineScore(out.name_score, NameInformation(a), outcome);
  if (gate < 1.0) {
    out.evidence.push_back(Evidence{"information", "", "", "too common to identify alone", 0});
    out.evidence.back().delta = out.name_score * gate - out.name_score;
  }
  for (auto& item : out.evidence) {
    if (item.field == "document") {
      item.delta = *final_score - std::clamp(out.name_score * gate + outcome.delta, 0.0, 1.0);
    }
  }
  return out;
}

Screener::Screener(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Screener::~Screener() = default;

Result<std::unique_ptr<Screener>> Screener::Build(std::vector<model::Entity> entities,
                                                  ScreenerOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  return BuildIndex(std::move(impl), std::move(entities));
}

Result<std::unique_ptr<Screener>> Screener::BuildSubset(const Screener& full,
                                                        const std::vector<size_t>& entity_indices) {
  std::vector<model::Entity> entities;
  entities.reserve(entity_indices.size());
  for (size_t i : entity_indices) {
    if (i >= full.size()) {
      return Status::InvalidArgument("BuildSubset: entity index " + std::to_string(i) +
                                     " out of range");
    }
    entities.push_back(full.entity(i));
  }
  auto impl = std::make_unique<Impl>(full.impl_->freq_owner);
  impl->options = full.impl_->options;
  return BuildIndex(std::move(impl), std::move(entities));
}

Result<std::unique_ptr<Screener>> Screener::BuildIndex(std::unique_ptr<Impl> impl,
                                                       std::vector<model::Entity> entities) {
  impl->entities = std::move(entities);
  Impl& x = *impl;

  // 1. Analyse every name (in parallel: it is most of the build time).
  struct NameRef {
    uint32_t entity;
    uint16_t index;
  };
  std::vector<NameRef> refs;
  for (uint32_t e = 0; e < x.entities.size(); ++e) {
    const auto& names = x.entities[e].names;
    for (size_t k = 0; k < names.size() && k < UINT16_MAX; ++k) {
      if (!names[k].full.empty()) refs.push_back({e, static_cast<uint16_t>(k)});
    }
  }
  std::vector<AnalyzedName> analyzed(refs.size());
  {
    unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
    std::atomic<size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&] {
        for (size_t i; (i = next.fetch_add(1024)) < refs.size();) {
          for (size_t k = i; k < std::min(refs.size(), i + 1024); ++k) {
            const auto& ent = x.entities[refs[k].entity];
            analyzed[k] = AnalyzeName(ent.names[refs[k].index].full, ent.kind);
          }
        }
      });
    }
    for (auto& th : pool) th.join();
  }

  // 2. Intern tokens, count frequencies, lay names out contiguously.
  std::unordered_map<std::string, uint32_t> intern;
  x.name_tok_begin.push_back(0);
  for (size_t k = 0; k < refs.size(); ++k) {
    AnalyzedName& a = analyzed[k];
    if (a.tokens.empty()) continue;
    if (x.count_frequencies) x.freq_owner->AddName(a);
    x.name_entity.push_back(refs[k].entity);
    x.name_index.push_back(refs[k].index);
    for (NameToken& t : a.tokens) {
      auto [it, inserted] = intern.try_emplace(DictKey(t), static_cast<uint32_t>(x.dict.size()));
      if (inserted) x.dict.push_back({std::move(t), 0.0});
      x.name_tokens.push_back(it->second);
    }
    x.name_tok_begin.push_back(static_cast<uint32_t>(x.name_tokens.size()));
    a = AnalyzedName{};
  }
  analyzed.clear();
  analyzed.shrink_to_fit();
  x.entity_name_begin.assign(x.entities.size() + 1, 0);
  for (uint32_t e : x.name_entity) ++x.entity_name_begin[e + 1];
  std::partial_sum(x.entity_name_begin.begin(), x.entity_name_begin.end(),
                   x.entity_name_begin.begin());
  intern.clear();
  for (DictToken& d : x.dict) d.weight = x.freq.Weight(d.token);

  // 3. Postings (each name once per token): count, then fill.
  auto for_each_distinct_token = [&x](size_t n, auto&& f) {
    for (uint32_t p = x.name_tok_begin[n]; p < x.name_tok_begin[n + 1]; ++p) {
      uint32_t* first = x.name_tokens.data() + x.name_tok_begin[n];
      if (std::find(first, x.name_tokens.data() + p, x.name_tokens[p]) ==
          x.name_tokens.data() + p) {
        f(x.name_tokens[p]);
      }
    }
  };
  std::vector<uint32_t> counts(x.dict.size() + 1, 0);
  for (size_t n = 0; n < x.names(); ++n)
    for_each_distinct_token(n, [&](uint32_t t) { ++counts[t + 1]; });
  std::partial_sum(counts.begin(), counts.end(), counts.begin());
  x.post_begin = counts;
  x.postings.assign(counts.back(), 0);
  std::vector<uint32_t> fill(counts.begin(), counts.end() - 1);
  for (size_t n = 0; n < x.names(); ++n) {
    for_each_distinct_token(n,
                            [&](uint32_t t) { x.postings[fill[t]++] = static_cast<uint32_t>(n); });
  }

  // 4. Lookup maps.
  std::vector<std::pair<uint64_t, uint32_t>> latin, skel, ldel, sdel;
  std::vector<uint64_t> hashes;
  for (uint32_t id = 0; id < x.dict.size(); ++id) {
    const NameToken& t = x.dict[id].token;
    latin.push_back({HashBytes(t.latin), id});
    if (t.role != TokenRole::kName) continue;
    if (t.skeleton.size() >= kMinSkeletonForEquality) skel.push_back({HashBytes(t.skeleton), id});
    hashes.clear();
    ForEachDelete(t.latin, LatinDeleteDepth(t.latin.size()), &hashes);
    for (uint64_t h : hashes) ldel.push_back({h, id});
    if (t.skeleton.size() >= kMinSkeletonForNearMiss) {
      hashes.clear();
      ForEachDelete(t.skeleton, 1, &hashes);
      for (uint64_t h : hashes) sdel.push_back({h, id});
    }
  }
  x.latin_map.Build(std::move(latin));
  x.skeleton_map.Build(std::move(skel));
  x.latin_deletes.Build(std::move(ldel));
  x.skeleton_deletes.Build(std::move(sdel));

  std::vector<std::pair<uint64_t, uint32_t>> docs;
  for (uint32_t e = 0; e < x.entities.size(); ++e) {
    for (const auto& d : x.entities[e].documents) {
      std::string n = NormalizeDocumentNumber(d.number);
      if (n.size() >= 4) docs.push_back({HashBytes(n), e});
    }
  }
  x.documents.Build(std::move(docs));
  return std::unique_ptr<Screener>(new Screener(std::move(impl)));
}

Result<std::vector<Hit>> Screener::Screen(const Query& query) const { return impl_->Screen(query); }

size_t Screener::size() const { return impl_->entities.size(); }

const model::Entity& Screener::entity(size_t index) const { return impl_->entities[index]; }

Screener::Stats Screener::stats() const {
  const Impl& x = *impl_;
  Stats s;
  s.entities = x.entities.size();
  s.names = x.names();
  s.distinct_tokens = x.dict.size();
  s.postings = x.postings.size();
  s.index_bytes = x.postings.size() * 4 + x.name_tokens.size() * 4 + x.names() * 10 +
                  x.latin_map.bytes() + x.skeleton_map.bytes() + x.latin_deletes.bytes() +
                  x.skeleton_deletes.bytes() + x.documents.bytes() +
                  x.dict.size() * sizeof(DictToken);
  return s;
}

struct WeightShift::Weights {
  std::shared_ptr<TokenFrequencies> before, after;
};

WeightShift::WeightShift(const Screener& before, const Screener& after)
    : weights_(
          std::make_unique<Weights>(Weights{before.impl_->freq_owner, after.impl_->freq_owner})) {
  const Screener::Impl& a = *after.impl_;
  std::vector<char> moved(a.dict.size(), 0);
  bool any = false;
  for (size_t t = 0; t < a.dict.size(); ++t) {
    // Exact comparison on purpose: any difference may move a score across
    // the threshold, and equal statistics give bit-identical weights.
    if (weights_->before->Weight(a.dict[t].token) != a.dict[t].weight) moved[t] = any = true;
  }
  if (!any) return;
  for (size_t e = 0; e < a.entities.size(); ++e) {
    bool hit = false;
    for (uint32_t n = a.entity_name_begin[e]; n < a.entity_name_begin[e + 1] && !hit; ++n) {
      for (uint32_t p = a.name_tok_begin[n]; p < a.name_tok_begin[n + 1]; ++p) {
        if (moved[a.name_tokens[p]]) {
          hit = true;
          break;
        }
      }
    }
    if (hit) entities_.push_back(e);
  }
}

WeightShift::~WeightShift() = default;
WeightShift::WeightShift(WeightShift&&) noexcept = default;

bool WeightShift::Affects(const Query& query) const {
  const model::EntityKind kind = query.kind.value_or(model::EntityKind::kUnknown);
  for (const std::string& name : query.names) {
    AnalyzedName analyzed = AnalyzeName(name, kind);
    const size_t n = std::min<size_t>(analyzed.tokens.size(), 64);
    for (size_t i = 0; i < n; ++i) {
      const NameToken& t = analyzed.tokens[i];
      if (weights_->before->Weight(t) != weights_->after->Weight(t)) return true;
    }
  }
  return false;
}

double CompareNames(const std::string& a, const std::string& b, model::EntityKind kind,
                    Explanation* explanation) {
  AnalyzedName qa = AnalyzeName(a, kind);
  AnalyzedName la = AnalyzeName(b, kind);
  const int nq = static_cast<int>(std::min<size_t>(qa.tokens.size(), 64));
  const int nl = static_cast<int>(std::min<size_t>(la.tokens.size(), 64));
  TokenFrequencies prior_only;
  std::vector<const NameToken*> qt, lt;
  std::vector<double> qw, lw;
  for (int i = 0; i < nq; ++i)
    qt.push_back(&qa.tokens[i]), qw.push_back(prior_only.Weight(qa.tokens[i]));
  for (int j = 0; j < nl; ++j)
    lt.push_back(&la.tokens[j]), lw.push_back(prior_only.Weight(la.tokens[j]));
  DirectSimilarity sims(qt.data(), lt.data());
  NameAlignment al = AlignNames({qt.data(), qw.data(), nq}, {lt.data(), lw.data(), nl}, sims,
                                explanation != nullptr);
  if (explanation) {
    *explanation = Explanation{};
    explanation->query_name = a;
    explanation->listed_name = b;
    explanation->name_score = al.score;
    FillTokens(qa, la, al, qw, lw, explanation);
    explanation->summary = "name " + FormatScore(al.score);
  }
  return al.score;
}

}  // namespace hudud::match
