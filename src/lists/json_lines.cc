// JSON lines reading (lists/json_lines.h).
#include "lists/json_lines.h"

#include <exception>

#include "lists/csv.h"

namespace hudud::lists {
namespace {

// No list record nests deeper than this; refusing deeper input before
// parsing keeps a hostile line from costing unbounded memory or stack.
constexpr int kMaxDepth = 64;

bool TooDeep(std::string_view text) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxDepth) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// nlohmann's message without its exception tag and without "line 1" (each
// line is parsed on its own, so its own line count means nothing here).
std::string Reason(const std::string& what) {
  std::string s = what;
  if (size_t tag = s.find("] "); s.rfind("[json.exception", 0) == 0 && tag != std::string::npos) {
    s.erase(0, tag + 2);
  }
  const std::string kAt = "parse error at line 1, ";
  if (s.rfind(kAt, 0) == 0) s.erase(0, kAt.size());
  return s;
}

}  // namespace

JsonLinesReader::JsonLinesReader(std::string_view content, std::string_view source_name)
    : in_(content), source_(source_name) {
  if (in_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

std::string JsonLinesReader::Where() const { return source_ + ", line " + std::to_string(line_); }

bool JsonLinesReader::Next(nlohmann::json* value) {
  if (!status_.ok()) return false;
  while (pos_ < in_.size()) {
    size_t end = in_.find('\n', pos_);
    if (end == std::string_view::npos) end = in_.size();
    std::string_view text = in_.substr(pos_, end - pos_);
    pos_ = end + 1;
    line_ = next_line_++;
    if (IsBlank(text)) continue;
    size_t bad = 0;
    if (!IsValidUtf8(text, &bad)) {
      status_ = Status::Corruption(Where() + ": not UTF-8 (invalid byte at column " +
                                   std::to_string(bad + 1) + ")");
      return false;
    }
    if (TooDeep(text)) {
      status_ = Status::Corruption(Where() + ": JSON nested deeper than " +
                                   std::to_string(kMaxDepth) + " levels");
      return false;
    }
    try {
      *value = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::exception& e) {
      status_ = Status::Corruption(Where() + ": invalid JSON, " + Reason(e.what()));
      return false;
    } catch (const std::exception& e) {
      status_ = Status::Internal(Where() + ": " + e.what());
      return false;
    }
    return true;
  }
  return false;
}

}  // namespace hudud::lists
