// Internal to lists/: small readers every list parser needs: trimming and
// splitting cell text, dates written with unknown parts as zeros, telling an
// original-script name from a Latin one, and the line of an XML node.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "model/entity.h"

namespace hudud::lists {

// `s` without surrounding ASCII white space.
std::string TrimCopy(std::string_view s);

// Splits on any of `seps`, trimming and dropping empty pieces.
std::vector<std::string> SplitAny(std::string_view s, std::string_view seps);

// "28/04/1937", "00/04/1937" (day unknown), "00/00/1937", "1937-04-28",
// "1937": a partial date, or nullopt.
std::optional<model::PartialDate> ParseDayFirstDate(std::string_view s);

// True when the text has letters outside the Latin script (Arabic,
// Cyrillic, Greek, Han, ...): such a name is kept as kOriginalScript.
bool HasNonLatinLetters(std::string_view utf8);

// `s` with ASCII letters lower-cased (other bytes unchanged).
std::string AsciiLower(std::string_view s);

// Maps byte offsets in a source text to 1-based line numbers, for errors
// that name the line of an XML node. Offsets past the end count as the last
// line; a negative offset (unknown) is line 0.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  size_t LineOf(ptrdiff_t offset) const;

 private:
  std::vector<size_t> newlines_;
};

// 1-based line of byte `offset` in `text`.
size_t LineAt(std::string_view text, ptrdiff_t offset);

// Adds a nationality (text resolved to an ISO code) unless already there.
void AddNationality(model::Entity* e, const std::string& text, const std::string& code = "");

// Adds a name unless the entity already has one with the same text.
void AddName(model::Entity* e, const std::string& full, model::NameKind kind);

}  // namespace hudud::lists
