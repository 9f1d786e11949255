// CsvReader (lists/csv.h).
#include "lists/csv.h"

namespace hudud::lists {

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    if (i + len > n) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        if (bad_offset) *bad_offset = i;
        return false;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

CsvReader::CsvReader(std::string_view content, std::string_view source_name, char delimiter)
    : in_(content), source_(source_name), delim_(delimiter) {
  if (in_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  size_t bad = 0;
  if (!IsValidUtf8(in_, &bad)) {
    size_t line = 1;
    for (size_t i = 0; i < bad; ++i) line += in_[i] == '\n';
    status_ = Status::InvalidArgument(
        source_ + ", line " + std::to_string(line) +
        ": not UTF-8 text (convert the file to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8)");
    pos_ = in_.size();
  }
}

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  if (!status_.ok()) return false;
  // Skip blank lines.
  while (pos_ < in_.size() && (in_[pos_] == '\n' || in_[pos_] == '\r')) {
    if (in_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= in_.size()) return false;
  record_line_ = line_;
  std::string field;
  bool quoted_field = false;
  while (true) {
    if (pos_ >= in_.size()) {
      fields->push_back(std::move(field));
      return true;
    }
    char c = in_[pos_];
    if (c == '\0') {
      status_ = Status::InvalidArgument(source_ + ", line " + std::to_string(line_) +
                                        ": NUL byte in a text file (binary or UTF-16 content?)");
      return false;
    }
    if (c == '"' && field.empty() && !quoted_field) {
      // Quoted field: read to the closing quote.
      quoted_field = true;
      size_t start_line = line_;
      ++pos_;
      while (true) {
        if (pos_ >= in_.size()) {
          status_ = Status::InvalidArgument(source_ + ", line " + std::to_string(start_line) +
                                            ": quoted field is never closed");
          return false;
        }
        char q = in_[pos_];
        if (q == '"') {
          if (pos_ + 1 < in_.size() && in_[pos_ + 1] == '"') {
            field.push_back('"');
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        if (q == '\0') {
          status_ =
              Status::InvalidArgument(source_ + ", line " + std::to_string(line_) +
                                      ": NUL byte in a text file (binary or UTF-16 content?)");
          return false;
        }
        if (q == '\n') ++line_;
        field.push_back(q);
        ++pos_;
      }
      continue;
    }
    if (c == delim_) {
      fields->push_back(std::move(field));
      field.clear();
      quoted_field = false;
      ++pos_;
      continue;
    }
    if (c == '\r' && pos_ + 1 < in_.size() && in_[pos_ + 1] == '\n') {
      ++pos_;
      continue;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      fields->push_back(std::move(field));
      return true;
    }
    field.push_back(c);
    ++pos_;
  }
}

}  // namespace hudud::lists
