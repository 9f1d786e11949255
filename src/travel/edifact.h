// Reading a UN/EDIFACT interchange (ISO 9735) as real traffic delivers it:
// the syntax layer shared by PAXLST and PNRGOV. It turns bytes into segments,
// elements and components and knows nothing of either message's grammar.
//
// Tolerated, because carriers and gateways send it: Type-B/telex headers and
// footers around the interchange, a UNA service string advice with any
// separators, the release character, CR/LF between segments and lines wrapped
// at a fixed width inside segments, trailing text after UNZ.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace hudud::travel {

// The six service characters; defaults are those of ISO 9735 without UNA.
struct EdifactSeparators {
  char component = ':';
  char element = '+';
  char decimal = '.';
  char release = '?';
  char repetition = ' ';  // ' ' = none declared
  char terminator = '\'';
};

struct EdifactSegment {
  std::string tag;  // "NAD", upper case
  // elements[i][j] is component j of element i+1 (the tag is not an element),
  // releases resolved. An element given empty holds one empty component.
  std::vector<std::vector<std::string>> elements;
  int number = 0;     // 1-based position in the interchange, UNA not counted
  size_t offset = 0;  // byte offset of the tag in the input
  int line = 0;       // 1-based input line of the tag

  // Component `c` (0-based) of element `e` (1-based, as the standards number
  // them); "" when absent.
  const std::string& at(size_t e, size_t c = 0) const;
  bool has(size_t e) const { return e >= 1 && e <= elements.size(); }
  // "NAD+FL+++DOE:JOHN" with the default separators, for messages and audit.
  std::string ToString() const;
};

struct EdifactInterchange {
  EdifactSeparators separators;
  bool had_una = false;
  size_t skipped_prefix_bytes = 0;       // telex/transport header before UNA/UNB
  std::vector<EdifactSegment> segments;  // UNB .. UNZ inclusive
  std::vector<std::string> warnings;     // recoverable oddities, with segment numbers
  size_t end_offset =
      0;  // byte offset just after UNZ (or the end): where a next interchange may start
};

// Reads the interchange in `bytes`. Starts at the first "UNA" or "UNB" that
// begins a segment (everything before is a transport header), stops after
// UNZ (anything after is a footer). Fails with the segment number and the
// reason when no interchange is found, a segment has no valid tag, or the
// input ends inside a segment that is not the last. Never throws; bounded
// work per byte.
Result<EdifactInterchange> ParseEdifact(std::string_view bytes);

// True when `bytes` holds an interchange whose first UNH names `message`
// ("PAXLST", "PNRGOV"): a cheap check for format detection.
bool LooksLikeEdifactMessage(std::string_view bytes, std::string_view message);

}  // namespace hudud::travel
