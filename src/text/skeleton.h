// Phonetic consonant skeletons and the weighted distances that compare
// romanised name tokens across transliteration conventions.
#pragma once

#include <string>
#include <string_view>

namespace hudud::text {

// The consonant skeleton of a romanised token: vowels dropped (a leading "y"
// or "w" is kept as a consonant), digraphs folded to one class symbol
// (kh->x, sh/ch/tch->S, gh->G, th->s, dh->z, ph->f, dj/dzh/zh->j,
// ck/q/c->k, g->j, v->w, p->b, z->z ...), doubled letters collapsed, and a
// final "h" dropped. Same rules for every origin, so "muhammad", "mohamed",
// "mohammed" and the Arabic "mhmd" all give "mhmd".
// Returns lower-case ASCII plus the class symbols 'S', 'G'. May be empty.
std::string ConsonantSkeleton(std::string_view latin);

// Damerau-Levenshtein distance (optimal string alignment) between byte
// strings, or max_distance + 1 if it exceeds max_distance.
int BoundedEditDistance(std::string_view a, std::string_view b, int max_distance);

// An edit cost between two romanised tokens where transliteration
// differences are cheap: vowel-for-vowel substitution 0.3, inserting or
// deleting a vowel 0.5 (0.15 when `abjad`, since one side wrote no short
// vowels), a doubled letter or an 'h' in a digraph 0.3, confusable consonants
// (c/k, k/q, s/z, i/y, j/y, v/w, f/p, d/t) 0.6, anything else 1.0,
// transposition 1.0. Symmetric.
double TransliterationCost(std::string_view a, std::string_view b, bool abjad);

}  // namespace hudud::text
