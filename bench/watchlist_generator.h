// Synthetic watchlists for benchmarking the screening engine.
//
// The generator draws names from the vendored tables of common forenames and
// surnames by country (data/names/*.csv) with a Zipf-like weight on rank, so
// that common names are common, and assembles them by country convention:
// Arabic-world given + father's name + family name (with al-/bin particles),
// Russian and Central Asian given + patronymic + surname (Cyrillic original),
// Hispanic double surnames, Chinese and Korean family-name-first, and so on.
// A small table of Arabic-script and Persian-script forms of common Arabic and
// Persian names (arabic_names.inc) supplies what the CSV files lack: Arab
// family names and the Arabic script.
//
// The generator does not use the engine's own text code (romanisation,
// skeletons): transliteration variants here come from independent tables, so
// the benchmark does not grade the engine against itself.
//
// Output is deterministic for a given seed and entity count.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/entity.h"

namespace hudud::bench {

// How a country's person names are put together.
enum class NameConvention : uint8_t {
  kWestern,       // given [middle] surname
  kHispanic,      // given [second given] paternal maternal
  kArabic,        // given [bin] father [grandfather] [al-]family
  kPersian,       // given family (Persian script)
  kSouthAsian,    // given family
  kEastSlavic,    // given patronymic surname (Cyrillic original)
  kCentralAsian,  // given patronymic surname (Cyrillic original, Turkic names)
  kChinese,       // family given (Han characters)
  kKorean,        // family given (Hangul)
  kJapanese,      // given family in Latin, family-first in kanji
  kGreek,         // given surname (Greek)
};

// One name with its original-script form when it has one.
struct NameForm {
  std::string latin;  // romanised, as a Western list would write it
  std::string local;  // original script ("" when the country writes Latin)
  // Other romanisations of the same name ("Mohammed", "Muhammad", ...), from
  // the name tables; used for aliases and for query variants.
  std::vector<std::string> variants;
  bool male = true;
  bool article = false;  // an Arab nisba: written with al- ("al-Tikriti")
};

// The name pools of one country, each ordered by rank (most common first).
struct CountryPool {
  std::string code;  // ISO 3166-1 alpha-2
  NameConvention convention = NameConvention::kWestern;
  std::vector<NameForm> male, female, family;
  double weight = 1.0;  // share of listed persons from this country
};

// The name tables, loaded once and shared by the list and query generators.
class NameData {
 public:
  // Loads data/names/common-{forenames,surnames}-by-country.csv from `data_dir`
  // and the built-in Arabic/Persian tables.
  static Result<std::shared_ptr<const NameData>> Load(const std::string& data_dir);

  const std::vector<CountryPool>& countries() const { return countries_; }
  // Index of the country pool with this code, or -1.
  int Find(const std::string& code) const;

  std::vector<CountryPool> countries_;
};

// The directory with the vendored data (HUDUD_DATA_DIR at build time).
std::string DefaultDataDir();

struct WatchlistOptions {
  size_t entities = 10000;
  uint64_t seed = 1;
  double organization_share = 0.15;
  double zipf_exponent = 1.0;  // weight of rank r is 1/(r+1)^s
};

// What the generator remembers about each entity so the query generator can
// derive realistic variants without re-parsing names.
struct GeneratedPerson {
  int country = -1;                    // index into NameData::countries()
  std::vector<NameForm> tokens;        // the primary name's tokens in written order
  std::vector<uint8_t> roles;          // model::NamePartRole per token
  std::vector<std::string> particles;  // particle before each token ("al-", "bin", "" ...)
  bool local_primary = false;          // primary name written in the original script only
};

struct Watchlist {
  std::vector<model::Entity> entities;
  // Parallel to `entities`; empty `tokens` for organisations.
  std::vector<GeneratedPerson> persons;
};

// Generates `options.entities` entities with ids "synthetic:<n>".
Watchlist GenerateWatchlist(const NameData& data, const WatchlistOptions& options);

// ---- Helpers shared with the query generator ----

// The names of one generated organisation of this country (primary first).
std::vector<model::Name> MakeOrganizationNames(const CountryPool& pool, double zipf_exponent,
                                               std::mt19937_64& rng);

// A person name assembled from tokens, particles and an order.
std::string JoinName(const std::vector<std::string>& parts);

// Lower-case ASCII key of a name with particles and punctuation removed and
// tokens sorted: "Mohammed AL-HASSAN" and "hassan mohammed" share it.
std::string NameKey(const std::string& name);
// A coarser key: NameKey with each token reduced to a consonant skeleton
// (vowels, doubled letters, h after a consonant removed). Names that differ
// only by transliteration share it.
std::string SkeletonKey(const std::string& name);

// The name in its original script by the country's convention (family name
// first without spaces for Han/Hangul/kanji, al- as the Arabic article, and
// "Фамилия Имя Отчество" when `family_first`); "" when a token lacks one.
std::string LocalName(const std::vector<NameForm>& tokens, const std::vector<uint8_t>& roles,
                      const std::vector<std::string>& particles, NameConvention conv,
                      bool family_first);

// Romanises a Cyrillic string with one of several schemes (0: BGN/PCGN,
// 1: ICAO passport, 2: German-style); other characters pass through.
std::string RomanizeCyrillic(const std::string& text, int scheme);

// Strips Latin diacritics ("Ruòxī" -> "Ruoxi", "Ayşe" -> "Ayse") and Cyrillic
// stress marks; leaves other scripts alone.
std::string StripMarks(const std::string& text);

// Draws an index in [0, n) with weight 1/(i+1)^s.
class ZipfPicker {
 public:
  ZipfPicker() = default;
  ZipfPicker(size_t n, double s);
  size_t Pick(std::mt19937_64& rng) const;
  size_t size() const { return cdf_.size(); }

 private:
  std::vector<double> cdf_;
};

}  // namespace hudud::bench
