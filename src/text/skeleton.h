// Phonetic consonant skeletons and the weighted distances that compare
// romanised name tokens across transliteration conventions.
#pragma once

#include <string>
#include <string_view>

namespace hudud::text {

// True for the five Latin vowel letters a, e, i, o, u (lower case).
inline bool IsLatinVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// The consonant skeleton of a romanised token: vowels dropped ("y" and "w"
// count as vowels except as the first letter, where they are kept as
// consonants), digraphs folded to one class symbol (kh->h, sh/ch/tch/sch/
// shch->S, gh->j, th->s, dh->z, ph->f, dj/dzh/zh->j, dz before a vowel->j,
// ck/q/c->k, g->j, v->w, p->b, x->ks), equal adjacent symbols collapsed (also
// across a dropped vowel), and a final lone "h" dropped. Same rules for every
// origin, so "muhammad", "mohamed", "mohammed", Russian "mukhammad" and the
// Arabic "mhmd" all give "mhmd". The full rule table is in skeleton.cc.
// Returns lower-case ASCII letters and digits plus the class symbol 'S'.
// May be empty.
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
