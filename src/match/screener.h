// The screening engine's front door: build an in-memory index over watchlist
// entities, then ask whether a person or an organisation is on it.
//
// Usage:
//   auto screener = hudud::match::Screener::Build(std::move(entities));
//   hudud::match::Query q;
//   q.names = {"محمد عبد الرحمن"};
//   q.dob = hudud::model::ParsePartialDate("1975-03-01");
//   for (const Hit& hit : (*screener)->Screen(q)) { ... hit.score, hit.explanation ... }
//
// A Screener is immutable after Build and safe to use from many threads at
// once. It knows nothing of files, SQL or HTTP.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/date.h"
#include "model/entity.h"

namespace hudud::match {

// The score at or above which a hit is reported when the query sets none.
inline constexpr double kDefaultThreshold = 0.80;

struct Query {
  std::vector<std::string> names;  // at least one non-empty name, any script
  std::optional<model::PartialDate> dob;
  std::string nationality;       // a country name or ISO code, any language
  std::string document;          // identity document number
  std::string document_country;  // its issuing state, if known
  std::optional<model::Gender> gender;
  std::optional<model::EntityKind> kind;  // restricts hits to this kind when set
  double threshold = kDefaultThreshold;   // report hits scoring >= threshold
  int limit = 10;                         // at most this many hits, best first
};

// How one query token was aligned with one listed token.
struct TokenAlignment {
  std::string query_token;   // as written in the query
  std::string listed_token;  // as written in the list ("" when unmatched)
  std::string query_latin;   // romanised forms that were compared
  std::string listed_latin;
  // "exact", "romanized" (same Latin form from different scripts),
  // "skeleton" (same consonant skeleton: a transliteration variant),
  // "fuzzy" (a few edits), "compound" (joined or split tokens),
  // "initial", "unmatched-query", "unmatched-listed".
  std::string how;
  double similarity = 0;  // 0..1
  double weight = 0;      // the token's information weight (rare tokens weigh more)
};

// One piece of evidence besides the name and what it did to the score.
struct Evidence {
  std::string field;  // "dob", "nationality", "gender", "document"
  std::string query_value;
  std::string listed_value;  // the listed value it was compared with
  std::string verdict;       // "agrees", "conflicts", "partial", "missing"
  double delta = 0;          // added to the score (negative lowers it)
};

struct Explanation {
  std::string query_name;   // the query name that matched best
  std::string listed_name;  // the listed name (primary or alias) it matched
  model::NameKind listed_name_kind = model::NameKind::kPrimary;
  double name_score = 0;  // name similarity alone, 0..1
  std::vector<TokenAlignment> tokens;
  std::vector<Evidence> evidence;
  // One line a human reads: "name 0.93 ('mohammed'~'muhammad' skeleton, ...); dob agrees +0.05".
  std::string summary;
};

struct Hit {
  size_t entity_index = 0;  // index into the entities given to Build
  std::string entity_id;
  std::string list_id;
  double score = 0;  // 0..1
  Explanation explanation;
};

struct ScreenerOptions {
  // Cap on candidate names aligned per query, after the lossless filters:
  // beyond it only the names with the highest score bounds are aligned.
  // Protects p99 against queries made only of very common names; the one
  // place where search may lose a match the scorer would accept.
  size_t max_candidates = 20000;
  // Score every listed name with directly computed token similarities,
  // bypassing the index: slow, obviously complete; the reference the index
  // is tested against.
  bool exhaustive = false;
};

class Screener {
 public:
  // Builds the index. Entities without any usable name are kept (for
  // document matches) but never match by name. Fails only on internal errors.
  static Result<std::unique_ptr<Screener>> Build(std::vector<model::Entity> entities,
                                                 ScreenerOptions options = {});
  ~Screener();

  // A screener over some of `full`'s entities (indices into it) that scores
  // every query exactly as `full` scores those entities: it shares `full`'s
  // token statistics instead of counting its own. For re-screening held
  // subjects against only the entries a list change touched. The subset's
  // entity_index values index `entity_indices`, not `full`.
  static Result<std::unique_ptr<Screener>> BuildSubset(const Screener& full,
                                                       const std::vector<size_t>& entity_indices);

  // Hits scoring >= query.threshold, best first, at most query.limit.
  // A query without a usable name is an InvalidArgument error.
  Result<std::vector<Hit>> Screen(const Query& query) const;

  size_t size() const;  // number of entities
  const model::Entity& entity(size_t index) const;

  struct Stats {
    size_t entities = 0, names = 0, distinct_tokens = 0, postings = 0, index_bytes = 0;
  };
  Stats stats() const;

  struct Impl;

 private:
  friend class WeightShift;
  explicit Screener(std::unique_ptr<Impl> impl);
  static Result<std::unique_ptr<Screener>> BuildIndex(std::unique_ptr<Impl> impl,
                                                      std::vector<model::Entity> entities);
  std::unique_ptr<Impl> impl_;
};

// What a change of the lists did to scoring beyond the changed entries.
// Token weights come from the lists' token statistics, so when a list
// changes, an unchanged listed entity may score differently (its tokens
// weigh more or less), and so may a query whose tokens moved. A re-screen
// that looks only at changed entries must also look at these to find
// exactly what a full re-screen finds.
class WeightShift {
 public:
  // Compares the token weights of the screener before and after the change.
  WeightShift(const Screener& before, const Screener& after);
  ~WeightShift();
  WeightShift(WeightShift&&) noexcept;

  // Indices into `after` of the entities with a name token whose weight
  // differs between the two, ascending.
  const std::vector<size_t>& entities() const { return entities_; }

  // True when a token of one of the query's names weighs differently under
  // the two: such a query may score differently against any entity.
  bool Affects(const Query& query) const;

 private:
  struct Weights;
  std::unique_ptr<Weights> weights_;
  std::vector<size_t> entities_;
};

// Name-to-name similarity in [0,1], independent of any list: for analysts
// asking "why do these two match". Token weights come from a built-in prior
// of common names (no list frequencies). Fills `explanation` when given.
double CompareNames(const std::string& a, const std::string& b, model::EntityKind kind,
                    Explanation* explanation = nullptr);

}  // namespace hudud::match
