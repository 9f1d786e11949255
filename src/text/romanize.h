// Romanisation of one folded word to lower-case ASCII Latin.
//
// Arabic (with Persian, Urdu, Pashto letters), Cyrillic (Russian, Ukrainian,
// Belarusian, and the Tajik, Kazakh, Uzbek, Kyrgyz, Mongolian letters) and
// Greek use our own tables, tuned to how names are commonly romanised (ш->sh,
// ҷ->j, ث->th, خ->kh); other scripts go through ICU's Any-Latin then
// Latin-ASCII. Latin with diacritics is reduced to ASCII (ß->ss, æ->ae, ø->o).
#pragma once

#include <string>
#include <string_view>

#include "text/normalize.h"

namespace hudud::text {

struct Romanized {
  std::string latin;                 // lower-case a-z and 0-9 only; may be empty (e.g. punctuation)
  Script script = Script::kUnknown;  // script of the input word
  bool abjad = false;                // romanised from a script without short vowels
};

// REQUIRES: `word` was produced by FoldText/SplitWords (and RepairLookalikes).
// Thread-safe.
Romanized Romanize(std::string_view word);

}  // namespace hudud::text
