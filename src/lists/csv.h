// Reading delimited text (RFC 4180 CSV and its ';'- or tab-separated
// cousins) record by record, with the line each record starts on, so a
// parser can say "sdn.csv, line 412: ...".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace hudud::lists {

// Quoted fields may hold the delimiter, newlines and "" (one quote). Records
// end with LF or CRLF; a UTF-8 byte-order mark at the start is skipped. A
// quote inside an unquoted field is kept as a character (real files have
// them). Invalid UTF-8, a NUL byte or an unterminated quoted field stop the
// reader with an error naming the line.
class CsvReader {
 public:
  // `source_name` prefixes error messages. `content` must outlive the reader.
  CsvReader(std::string_view content, std::string_view source_name, char delimiter = ',');

  // Reads the next record into `fields` (cleared first). Returns false at
  // the end of input or on error; status() tells which. Blank lines are
  // skipped.
  bool Next(std::vector<std::string>* fields);

  // 1-based line on which the record last returned by Next() starts.
  size_t line() const { return record_line_; }
  // Ok at a clean end; the error otherwise.
  const Status& status() const { return status_; }

 private:
  std::string_view in_;
  std::string source_;
  char delim_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 0;
  Status status_;
};

// True when `s` is well-formed UTF-8. On false, `*bad_offset` is the byte
// offset of the first invalid sequence.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

}  // namespace hudud::lists
