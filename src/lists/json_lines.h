// Internal to lists/: reading JSON lines (one JSON value per line) value by
// value, with the line each came from, so a parser can say
// "entities.ftm.json, line 412: ...". Shared by the FtM reader and the
// mapped-table reader.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/status.h"

namespace hudud::lists {

// Blank lines are skipped; a UTF-8 byte-order mark at the start is skipped;
// lines may end with LF or CRLF. A line that is not UTF-8, not JSON, or
// nested deeper than any list record needs stops the reader with an error
// naming the line (and the column, for JSON syntax errors). Never throws.
class JsonLinesReader {
 public:
  // `source_name` prefixes error messages. `content` must outlive the reader.
  JsonLinesReader(std::string_view content, std::string_view source_name);

  // Parses the next non-blank line into `value`. Returns false at the end
  // of input or on error; status() tells which.
  bool Next(nlohmann::json* value);

  // 1-based line of the value last returned by Next().
  size_t line() const { return line_; }
  // "<source>, line <N>" for messages about the value last returned.
  std::string Where() const;
  // Ok at a clean end; the error otherwise.
  const Status& status() const { return status_; }

 private:
  std::string_view in_;
  std::string source_;
  size_t pos_ = 0;
  size_t next_line_ = 1;
  size_t line_ = 0;
  Status status_;
};

}  // namespace hudud::lists
