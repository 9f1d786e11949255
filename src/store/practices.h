// The good-practices library the Kuwait Declaration asks for: short
// articles on border security and counter-terrorist financing, each in one
// of the console's languages (preferences.h), searchable in all of them.
// They name nobody: reading needs no purpose, and they are not subject to
// retention.
//
// An article belongs to a group: the translations of one article share
// it, one article per language and group. The library comes with four
// articles in Arabic, English, Russian and French (schema migration 8,
// practices_seed.inc).
//
// Search. Title and body are kept in an SQLite FTS5 index (unicode61
// tokenizer, remove_diacritics 2) in step with the table in the same
// transaction. A query's words must all occur (each also as the start of a
// longer word: "passag" finds "passagers"), in any case and with or
// without Latin accents ("securite" finds "sécurité", "ИНТЕРПОЛА" finds
// "Интерпола"); Arabic is folded before indexing and searching: short
// vowels, shadda, sukun, hamza and madda marks and tatweel are ignored, and
// alef with hamza or madda, alef wasla, alef maqsura and ta marbuta read as
// alef, ya and ha ("الامم" finds "الأمم"). Results come by relevance (the
// title counts five times the body), without a query by id.
//
// Errors: InvalidArgument naming the field for an article that breaks the
// rules of CheckPractice, and "group G already has an article in L" for a
// second one in a language; NotFound for an unknown id; IOError for the
// database.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

struct Practice {
  int64_t id = 0;
  std::string group;     // ties the translations together: "api-pnr-human-review"
  std::string language;  // "ar", "en", "ru", "fr"
  std::string region;    // "global", "mena", "central-asia", "sahel", ...
  std::string topic;     // "api-pnr", "sanctions", "safeguards", "cooperation", ...
  std::string title;
  std::string source;  // what it draws on: "UNSCR 2396 (2017); Kuwait Declaration 2024"
  std::string body;    // plain text; paragraphs apart by a blank line, list items "- "
  std::string created_by, created_at, updated_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ"
};

// What a writer gives; the rest is the store's.
struct PracticeInput {
  std::string group;  // "" = a new group ("practice-<id>"); else 1-64 of [a-z0-9._-]
  std::string language, region, topic, title, source, body;
};

// The rules, in characters (code points) of valid UTF-8: title 3-200, body
// 20-50000, region and topic 1-100, source 0-500; language one of the
// console's; title, region, topic and source on one line (no control
// characters; the body may hold line breaks and tabs); none blank but the
// source. InvalidArgument naming the first field that breaks them.
Status CheckPractice(const PracticeInput& input);

// Adds an article written by `actor`.
Result<Practice> AddPractice(Store& store, const PracticeInput& input, const std::string& actor);

// Replaces article `id`'s fields with `input` (an empty group keeps its
// group); updated_at becomes now.
Result<Practice> UpdatePractice(Store& store, int64_t id, const PracticeInput& input);

Result<Practice> GetPractice(Store& store, int64_t id);

struct PracticeTranslation {
  int64_t id = 0;
  std::string language, title;
};

// The other articles of `group` than `except_id`, in language order (ar,
// en, ru, fr).
Result<std::vector<PracticeTranslation>> PracticeTranslations(Store& store,
                                                              const std::string& group,
                                                              int64_t except_id);

struct PracticeFilter {
  std::string query;  // words to find in title or body; blank = all (at most 500 bytes)
  std::string language, region, topic;  // "" = any
  int64_t limit = 50;                   // 1..200
  int64_t after = 0;                    // the `next` of the previous page; 0 = from the start
};

struct PracticePage {
  std::vector<Practice> practices;           // with their bodies; see PracticeSummary
  int64_t total = 0;                         // matching the filter, over every page
  int64_t next = 0;                          // `after` for the next page; 0 = this was the last
  std::vector<std::string> regions, topics;  // every one in the library, sorted
};

// One page of the library: the articles matching `filter`, by relevance
// when there is a query and by id otherwise.
Result<PracticePage> SearchPractices(Store& store, const PracticeFilter& filter);

// The start of `body` for a list: whitespace runs as one space, cut at a
// word boundary to at most `max_chars` code points, with "…" when cut.
std::string PracticeSummary(std::string_view body, size_t max_chars = 200);

// `text` folded as the index folds Arabic (see the file comment); exposed
// for tests.
std::string FoldArabicForSearch(std::string_view text);

}  // namespace hudud::store
