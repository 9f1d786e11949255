// The EDIFACT syntax layer: service characters, release, wrapped lines,
// transport headers, character-set decoding of values.
#include "travel/edifact.h"

#include <unicode/utf8.h>

#include <string>

namespace hudud::travel {
namespace {

bool IsUpperAlnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

// Where a segment may begin: at the start, or after a byte that cannot be
// part of a word (newline, space, control characters of Type-B envelopes).
bool AtSegmentBoundary(std::string_view s, size_t i) {
  if (i == 0) return true;
  const unsigned char prev = static_cast<unsigned char>(s[i - 1]);
  return prev <= ' ' || prev == '\'' || prev == 0x7f;
}

// A plausible UNA: six service characters, none a letter or digit, the
// component, element, release and terminator characters all distinct.
bool IsServiceAdvice(std::string_view s, size_t i) {
  if (s.compare(i, 3, "UNA") != 0 || i + 9 > s.size()) return false;
  for (size_t k = i + 3; k < i + 9; ++k) {
    if (IsUpperAlnum(s[k]) || (s[k] >= 'a' && s[k] <= 'z')) return false;
  }
  const char comp = s[i + 3], elem = s[i + 4], rel = s[i + 6], term = s[i + 8];
  return comp != elem && comp != term && elem != term && rel != term && rel != elem &&
         comp != ' ' && elem != ' ' && term != ' ';
}

bool IsHeaderStart(std::string_view s, size_t i, char element) {
  if (s.compare(i, 3, "UNB") != 0 || i + 3 >= s.size()) return false;
  return s[i + 3] == element || s[i + 3] == '+';
}

bool IsValidUtf8(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, cp, error);
  if (!error) out->append(buf, static_cast<size_t>(len));
}

enum class Charset { kUtf8, kLatin1, kCyrillic };

// ISO 8859-5 to Unicode: the Cyrillic block is laid out linearly from 0xA0.
uint32_t Iso8859_5(unsigned char b) {
  if (b < 0xA1) return b;
  if (b == 0xAD) return 0x00AD;
  if (b == 0xF0) return 0x2116;
  if (b == 0xFD) return 0x00A7;
  return 0x0400 + (b - 0xA0);
}

std::string Decode(const std::string& raw, Charset charset, bool* was_invalid, bool* was_utf8) {
  bool ascii = true;
  for (char c : raw) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return raw;
  // Senders label UTF-8 as UNOC or UNOE. Multi-byte UTF-8 sequences almost
  // never occur by chance in 8-bit text ("Ã¼" would be needed), so valid
  // UTF-8 is read as UTF-8.
  if (charset != Charset::kUtf8 && IsValidUtf8(raw)) {
    *was_utf8 = true;
    return raw;
  }
  if (charset == Charset::kUtf8) {
    if (IsValidUtf8(raw)) return raw;
    *was_invalid = true;  // declared UTF-8 or a 7-bit set, yet 8-bit bytes: read as Latin-1
    charset = Charset::kLatin1;
  }
  std::string out;
  out.reserve(raw.size() * 2);
  for (char ch : raw) {
    const auto b = static_cast<unsigned char>(ch);
    AppendUtf8(charset == Charset::kCyrillic ? Iso8859_5(b) : b, &out);
  }
  return out;
}

Charset CharsetOf(const std::string& syntax_id) {
  if (syntax_id == "UNOC" || syntax_id == "UNOD" || syntax_id == "UNOF") return Charset::kLatin1;
  if (syntax_id == "UNOE") return Charset::kCyrillic;
  return Charset::kUtf8;
}

std::string Describe(int number, int line) {
  return "segment " + std::to_string(number) + " (line " + std::to_string(line) + ")";
}

}  // namespace

const std::string& EdifactSegment::at(size_t e, size_t c) const {
  static const std::string kEmpty;
  if (e < 1 || e > elements.size() || c >= elements[e - 1].size()) return kEmpty;
  return elements[e - 1][c];
}

std::string EdifactSegment::ToString() const {
  std::string out = tag;
  for (const auto& element : elements) {
    out += '+';
    for (size_t c = 0; c < element.size(); ++c) {
      if (c) out += ':';
      for (char ch : element[c]) {
        if (ch == '+' || ch == ':' || ch == '\'' || ch == '?') out += '?';
        out += ch;
      }
    }
  }
  return out;
}

Result<EdifactInterchange> ParseEdifact(std::string_view s) {
  EdifactInterchange ic;
  // Find the interchange: the first UNA or UNB at a segment boundary.
  size_t start = std::string_view::npos;
  for (size_t i = 0; i + 3 <= s.size(); ++i) {
    if (s[i] != 'U' || !AtSegmentBoundary(s, i)) continue;
    if (IsServiceAdvice(s, i)) {
      ic.had_una = true;
      EdifactSeparators& sep = ic.separators;
      sep.component = s[i + 3];
      sep.element = s[i + 4];
      sep.decimal = s[i + 5];
      sep.release = s[i + 6];
      sep.repetition = s[i + 7];
      sep.terminator = s[i + 8];
      start = i;
      break;
    }
    if (IsHeaderStart(s, i, ic.separators.element)) {
      start = i;
      break;
    }
  }
  if (start == std::string_view::npos) {
    return Status::InvalidArgument("no EDIFACT interchange: found neither UNA nor UNB");
  }
  ic.skipped_prefix_bytes = start;
  const EdifactSeparators sep = ic.separators;
  const bool strip_breaks = !IsLineBreak(sep.terminator) && !IsLineBreak(sep.element) &&
                            !IsLineBreak(sep.component) && !IsLineBreak(sep.release);

  int line = 1;
  for (size_t k = 0; k < start; ++k) line += s[k] == '\n';
  size_t i = start;
  if (ic.had_una) {
    // A service character may be a newline (UNA:+.? followed by LF).
    for (size_t k = start + 3; k < start + 9; ++k) line += s[k] == '\n';
    i += 9;
  }

  // A sender that ends segments with newlines only (no terminator at all)
  // would otherwise run the whole interchange into one segment.
  // Only the head of the interchange is looked at (bounded work when many
  // interchanges follow each other), and a released terminator (O?'NEIL)
  // does not count.
  bool newline_terminated = false;
  const std::string_view head = s.substr(i, 64 * 1024);
  bool has_terminator = false;
  for (size_t k = head.find(sep.terminator); k != std::string_view::npos;
       k = head.find(sep.terminator, k + 1)) {
    size_t releases = 0;
    while (releases < k && head[k - 1 - releases] == sep.release) ++releases;
    if (releases % 2 == 0) {
      has_terminator = true;
      break;
    }
  }
  if (strip_breaks && !has_terminator && head.find('\n') != std::string_view::npos) {
    newline_terminated = true;
    ic.warnings.push_back("no segment terminator '" + std::string(1, sep.terminator) +
                          "' in the interchange: reading one segment per line");
  }

  Charset charset = Charset::kUtf8;
  bool invalid_bytes_warned = false;
  bool utf8_warned = false;
  std::vector<std::string> raw_components;  // of the element being read
  EdifactSegment seg;
  std::string current;
  bool in_segment = false;
  bool seen_unz = false;
  int number = 0;

  auto finish_component = [&]() {
    raw_components.push_back(std::move(current));
    current.clear();
  };
  auto finish_element = [&]() {
    finish_component();
    seg.elements.push_back(std::move(raw_components));
    raw_components.clear();
  };
  // Validates the tag, decodes values, appends the segment.
  auto finish_segment = [&]() -> Status {
    finish_element();
    // The first "element" read is the tag itself.
    std::vector<std::string> tag_parts = std::move(seg.elements.front());
    seg.elements.erase(seg.elements.begin());
    std::string tag = tag_parts.empty() ? "" : tag_parts[0];
    // Whitespace before a tag is layout (indentation, wrapped lines), not data.
    size_t b = 0;
    while (b < tag.size() && (tag[b] == ' ' || tag[b] == '\t')) ++b;
    tag.erase(0, b);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.pop_back();
    for (char& c : tag) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    ++number;
    if (tag.size() != 3 || !IsUpperAlnum(tag[0]) || !IsUpperAlnum(tag[1]) ||
        !IsUpperAlnum(tag[2]) || tag_parts.size() > 1) {
      std::string shown = tag_parts.empty() ? "" : tag_parts[0];
      if (shown.size() > 20) shown = shown.substr(0, 20) + "...";
      return Status::InvalidArgument(Describe(number, seg.line) + ": invalid segment tag '" +
                                     shown + "'");
    }
    seg.tag = std::move(tag);
    seg.number = number;
    bool invalid = false, utf8 = false;
    for (auto& element : seg.elements) {
      for (auto& component : element) component = Decode(component, charset, &invalid, &utf8);
    }
    if (utf8 && !utf8_warned) {
      utf8_warned = true;
      ic.warnings.push_back(Describe(number, seg.line) +
                            ": UTF-8 text in an interchange declared as an 8-bit character set, "
                            "read as UTF-8");
    }
    if (invalid && !invalid_bytes_warned) {
      invalid_bytes_warned = true;
      ic.warnings.push_back(Describe(number, seg.line) +
                            ": bytes that are not valid in the declared character set, read as "
                            "ISO 8859-1");
    }
    if (seg.tag == "UNB") charset = CharsetOf(seg.at(1, 0));
    if (seg.tag == "UNZ") seen_unz = true;
    ic.segments.push_back(std::move(seg));
    seg = EdifactSegment();
    in_segment = false;
    return Status::Ok();
  };

  for (; i < s.size() && !seen_unz; ++i) {
    const char c = s[i];
    if (c == '\n') ++line;
    if (!in_segment) {
      // Between segments: skip layout.
      if (c == ' ' || c == '\t' || IsLineBreak(c) || c == '\0') continue;
      in_segment = true;
      seg.offset = i;
      seg.line = line;
    }
    if (newline_terminated && c == '\n') {
      HUDUD_RETURN_IF_ERROR(finish_segment());
      continue;
    }
    if (strip_breaks && IsLineBreak(c)) continue;  // a line wrapped inside a segment
    if (c == sep.release && i + 1 < s.size()) {
      size_t j = i + 1;
      // A release character at the end of a wrapped line releases the next data byte.
      while (strip_breaks && j < s.size() && IsLineBreak(s[j])) line += s[j++] == '\n';
      if (j < s.size()) {
        current += s[j];
        line += s[j] == '\n';  // a released newline is data, yet still a line
        i = j;
        continue;
      }
    }
    if (c == sep.terminator) {
      HUDUD_RETURN_IF_ERROR(finish_segment());
    } else if (c == sep.element) {
      finish_element();
    } else if (c == sep.component) {
      finish_component();
    } else {
      current += c;
    }
  }
  ic.end_offset = i;
  if (in_segment) {
    // The input ended without a terminator: keep the last segment if it is
    // whole enough to read (a missing final apostrophe is a common slip).
    const int line_of_tail = seg.line;
    Status st = finish_segment();
    if (!st.ok()) return st;
    ic.warnings.push_back(Describe(number, line_of_tail) + ": segment " + ic.segments.back().tag +
                          " has no terminator (input ends)");
  }
  if (ic.segments.empty()) return Status::InvalidArgument("empty EDIFACT interchange");
  if (ic.segments.front().tag != "UNB") {
    ic.warnings.push_back("segment 1 is " + ic.segments.front().tag + ", not UNB");
  }
  if (!seen_unz) ic.warnings.push_back("interchange has no UNZ trailer (truncated?)");
  return ic;
}

bool LooksLikeEdifactMessage(std::string_view bytes, std::string_view message) {
  // Only the first UNH matters; read at most the head of the file.
  const std::string_view head = bytes.substr(0, 64 * 1024);
  const size_t unh = head.find("UNH");
  if (unh == std::string_view::npos) return false;
  const size_t name = head.find(message, unh);
  return name != std::string_view::npos && name - unh < 40;
}

}  // namespace hudud::travel
