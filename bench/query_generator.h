// Query sets with known truth for the screening benchmark.
//
// Positive queries take a listed entity's name (usually the primary name,
// sometimes an alias) and disguise it the way real screening input differs
// from the list: another transliteration, typing errors, a dropped middle or
// father's name, the family name first or "SURNAME, Given", Arabic particles
// added or removed, or the other script (Cyrillic, Arabic, Han, Hangul for a
// Latin listing, and Latin for a listing in the original script). Half carry
// the listed date of birth, half the nationality.
//
// Negative queries are people who are not listed but share common names with
// listed people: the same forename and country with another surname, and
// common full names. Each is checked against every listed name (token keys
// and consonant skeletons, and the given-name/family-name pair) so that a hit
// on a negative is a genuine false positive.
//
// Each query carries the ids of the entities that count as true hits: the
// source entity, any entity listed under exactly the same name, and any person
// whose name contains all the name tokens the query was made from, in any
// spelling (for "Umar Omarov" both "Umar Bilalovich Omarov" and "Umar
// Nurislamovich Omarov"; for "Hossein Mousavi" also "Hussein Moosavi"):
// namesakes that no name matcher can or should tell apart. For organisations,
// any organisation with the same name once legal forms are removed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "match/screener.h"
#include "watchlist_generator.h"

namespace hudud::bench {

enum class VariantClass : uint8_t {
  kExact,            // a listed name as written
  kTranslit,         // another romanisation (vowels, kh/h, ou/u, doubled letters, y/i, j/dzh)
  kTypo,             // one or two typing errors
  kDroppedToken,     // a middle/father's name left out
  kReordered,        // family name first, or "SURNAME, Given"
  kParticle,         // al-/el-/bin added or removed, Abdul split or joined
  kCrossScript,      // queried in the other script
  kOrgVariant,       // organisation: legal form dropped or changed
  kNegSameForename,  // not listed: same forename and country, other surname
  kNegCommonName,    // not listed: a common full name
  kNegOrganization,  // not listed: an organisation name from the same word lists
  kCount,
};

std::string_view ToString(VariantClass c);
inline bool IsNegative(VariantClass c) { return c >= VariantClass::kNegSameForename; }

struct BenchQuery {
  match::Query query;
  std::vector<std::string> truth;  // entity ids; empty for negatives
  VariantClass variant = VariantClass::kExact;
  std::string source_name;  // the listed name the query was derived from ("" for negatives)
};

struct QuerySetOptions {
  size_t queries = 10000;
  uint64_t seed = 1;
  double negative_share = 0.25;
  double dob_share = 0.5;          // positives (and negatives) carrying a date of birth
  double nationality_share = 0.5;  // ... carrying a nationality
};

// Deterministic in (list, options).
std::vector<BenchQuery> GenerateQueries(const NameData& data, const Watchlist& list,
                                        const QuerySetOptions& options);

// Exposed for tests and samples: the disguises applied to one Latin token.
std::string TranslitVariant(const std::string& token, std::mt19937_64& rng);
std::string Typo(const std::string& token, std::mt19937_64& rng);

}  // namespace hudud::bench
