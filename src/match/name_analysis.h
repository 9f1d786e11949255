// Name analysis: turns a name as written into comparable tokens. Folds and
// romanises every word, splits the Arabic article, joins "abd" compounds
// (Abdul Rahman, Abd al-Rahman, Abdurrahman, عبد الرحمن -> one token
// "abd"+stem), tags particles (bin, ibn, al, abu, van, de ...), honorifics
// (sheikh, mullah, haji, dr ...), legal forms (LLC, Ltd, ООО, شركة ...),
// initials and numbers, and reorders "SURNAME, Given".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/entity.h"

namespace hudud::match {

enum class TokenRole : uint8_t {
  kName,       // carries identity
  kParticle,   // al, bin, ibn, abu, van, de ...: little information
  kHonorific,  // sheikh, mullah, haji, dr, mr ...: almost none
  kLegalForm,  // LLC, ООО, GmbH, شركة ...: canonicalised to a class
  kInitial,    // a single letter
  kNumber,     // digits
};
std::string_view ToString(TokenRole role);

struct NameToken {
  std::string original;  // the word(s) as written (after folding)
  std::string latin;     // romanised, a-z0-9 (legal forms: their class, e.g. "llc")
  std::string skeleton;  // text::ConsonantSkeleton(latin)
  TokenRole role = TokenRole::kName;
  bool abjad = false;         // romanised from a script without short vowels
  bool cross_script = false;  // original was not Latin
};

struct AnalyzedName {
  std::string original;
  std::vector<NameToken> tokens;  // in written order (after SURNAME, Given reordering)
};

// Never fails; a name with no letters or digits gives no tokens.
AnalyzedName AnalyzeName(std::string_view name, model::EntityKind kind);

// The token that would result from writing `a` and `b` as one word
// ("abu"+"bakr" -> "abubakr"); role kName.
NameToken JoinTokens(const NameToken& a, const NameToken& b);

}  // namespace hudud::match
