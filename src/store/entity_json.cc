// Canonical JSON encoding of model::Entity for the store (see entity_json.h).
#include "store/entity_json.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <exception>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

namespace hudud::store {
namespace {

using Json = nlohmann::json;  // std::map objects: keys come out sorted, hence canonical

// ---- Enum codes. Stored in databases: append, never rename. ----

constexpr std::array<std::string_view, 5> kEntityKindCodes = {"person", "organization", "vessel",
                                                              "aircraft", "unknown"};
constexpr std::array<std::string_view, 5> kNameKindCodes = {"primary", "good-alias", "low-alias",
                                                            "original-script", "former"};
constexpr std::array<std::string_view, 6> kRoleCodes = {"given",  "family", "patronymic",
                                                        "middle", "whole",  "other"};
constexpr std::array<std::string_view, 3> kGenderCodes = {"unknown", "male", "female"};
constexpr std::array<std::string_view, 3> kDobKindCodes = {"exact", "approximate", "between"};

template <size_t N>
std::string_view CodeOf(const std::array<std::string_view, N>& codes, size_t index) {
  // An out-of-range value can only come from a cast bug; storing "?" keeps
  // EntityToJson total and makes the load fail loudly instead.
  return index < N ? codes[index] : std::string_view("?");
}

template <typename E, size_t N>
bool EnumOf(const std::array<std::string_view, N>& codes, std::string_view s, E* out) {
  for (size_t i = 0; i < N; ++i) {
    if (codes[i] == s) {
      *out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

// ---- Partial dates: "YYYY", "YYYY-MM", "YYYY-MM-DD"; "" when all unknown. ----
// Formatted here rather than with PartialDate::ToString so the stored form
// is fixed by this file and round-trips any value, even an odd one
// (month without year) a parser might produce.

std::string FormatDate(const model::PartialDate& d) {
  if (d.year == 0 && d.month == 0 && d.day == 0) return "";
  char buf[32];
  int n;
  if (d.day != 0) {
    n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else if (d.month != 0) {
    n = std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    n = std::snprintf(buf, sizeof buf, "%04d", d.year);
  }
  return std::string(buf, n > 0 ? static_cast<size_t>(n) : 0);
}

template <typename Int>
bool ParseInt(std::string_view s, Int* out) {
  if (s.empty()) return false;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return false;
  if (v < std::numeric_limits<Int>::min() || v > std::numeric_limits<Int>::max()) return false;
  *out = static_cast<Int>(v);
  return true;
}

bool ParseDate(std::string_view s, model::PartialDate* d) {
  *d = {};
  if (s.empty()) return true;
  // A negative year would start with '-': split on the separators after it.
  size_t first = s.find('-', 1);
  if (first == std::string_view::npos) return ParseInt(s, &d->year);
  if (!ParseInt(s.substr(0, first), &d->year)) return false;
  std::string_view rest = s.substr(first + 1);
  size_t second = rest.find('-');
  if (second == std::string_view::npos) return ParseInt(rest, &d->month);
  return ParseInt(rest.substr(0, second), &d->month) && ParseInt(rest.substr(second + 1), &d->day);
}

// ---- Encoding ----

void PutString(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

void PutStrings(Json& j, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) j[key] = values;
}

Json PlaceToJson(const model::Place& p) {
  Json j = Json::object();
  PutString(j, "street", p.street);
  PutString(j, "city", p.city);
  PutString(j, "state", p.state);
  PutString(j, "zip", p.zip);
  PutString(j, "country", p.country);
  PutString(j, "country_code", p.country_code);
  PutString(j, "note", p.note);
  return j;
}

template <typename T, typename F>
void PutArray(Json& j, const char* key, const std::vector<T>& values, F to_json) {
  if (values.empty()) return;
  Json a = Json::array();
  for (const T& v : values) a.push_back(to_json(v));
  j[key] = std::move(a);
}

// ---- Decoding ----
// A hand-written reader for the JSON above. Loading is on the path of every
// CLI run and of engines holding 10^6 entities; nlohmann's lexer alone
// costs ~13 ms for the UN list, this reader a fraction of that. It reads
// straight into the model, accepts any valid JSON (whitespace, escapes,
// unknown keys, any key order) and rejects invalid JSON without ever
// reading out of bounds.

class Reader {
 public:
  explicit Reader(std::string_view s) : begin_(s.data()), p_(s.data()), end_(s.data() + s.size()) {}

  // The first problem met, e.g. "names[2].kind: unknown code \"x\"".
  std::string error;

  bool AtEnd() {
    Ws();
    return p_ == end_ || Syntax();
  }

  // Reads an object, calling member(key) with the cursor on each value;
  // member must consume the value.
  template <typename F>
  bool Object(std::string_view what, F&& member) {
    Ws();
    if (p_ == end_ || *p_ != '{') return p_ == end_ ? Syntax() : Fail(what, "not an object");
    ++p_;
    if (++depth_ > kMaxDepth) return Fail(what, "nested too deeply");
    if (Consume('}')) {
      --depth_;
      return true;
    }
    do {
      if (!Peek('"')) return Syntax();
      key_.clear();
      if (!RawString(&key_)) return false;
      if (!Consume(':')) return Syntax();
      // Copied: member may read nested objects, which reuse key_.
      std::string key = key_;
      if (!member(std::string_view(key))) return false;
    } while (Consume(','));
    --depth_;
    return Consume('}') || Syntax();
  }

  bool String(std::string_view key, std::string* out) {
    if (!Peek('"')) return p_ == end_ ? Syntax() : Fail(key, "not a string");
    out->clear();
    return RawString(out);
  }

  bool Strings(std::string_view key, std::vector<std::string>* out) {
    return Array(key, [&](size_t) {
      out->emplace_back();
      if (!Peek('"')) return p_ == end_ ? Syntax() : Fail(key, "element not a string");
      return RawString(&out->back());
    });
  }

  template <typename E, size_t N>
  bool Enum(std::string_view key, const std::array<std::string_view, N>& codes, E* out) {
    if (!String(key, &scratch_)) return false;
    if (!EnumOf(codes, scratch_, out)) return Fail(key, "unknown code \"" + scratch_ + "\"");
    return true;
  }

  bool Date(std::string_view key, model::PartialDate* out) {
    if (!String(key, &scratch_)) return false;
    if (!ParseDate(scratch_, out)) return Fail(key, "bad date \"" + scratch_ + "\"");
    return true;
  }

  // Reads an array of objects, each with read_member(key, element).
  template <typename T, typename F>
  bool Objects(std::string_view key, std::vector<T>* out, F&& read_member) {
    return Array(key, [&](size_t i) {
      if (!Peek('{')) return p_ == end_ ? Syntax() : Fail(key, "element not an object");
      T& element = out->emplace_back();
      bool ok = Object(key, [&](std::string_view k) { return read_member(k, element); });
      if (!ok && !syntax_error_) {
        error = std::string(key) + "[" + std::to_string(i) + "]." + error;
      }
      return ok;
    });
  }

  // Skips any JSON value (for keys a newer writer added).
  bool Skip() {
    Ws();
    if (p_ == end_) return Syntax();
    switch (*p_) {
      case '"':
        scratch_.clear();
        return RawString(&scratch_);
      case '{':
        return Object("?", [this](std::string_view) { return Skip(); });
      case '[':
        return Array("?", [this](size_t) { return Skip(); });
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default: {
        const char* start = p_;
        while (p_ < end_ && (IsDigit(*p_) || *p_ == '-' || *p_ == '+' || *p_ == '.' || *p_ == 'e' ||
                             *p_ == 'E')) {
          ++p_;
        }
        return p_ != start || Syntax();
      }
    }
  }

  bool Fail(std::string_view key, std::string_view what) {
    error = std::string(key) + ": " + std::string(what);
    return false;
  }

 private:
  static constexpr int kMaxDepth = 64;  // bounds recursion on hostile input

  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  void Ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool Peek(char c) {
    Ws();
    return p_ < end_ && *p_ == c;
  }
  bool Consume(char c) {
    if (!Peek(c)) return false;
    ++p_;
    return true;
  }
  bool Syntax() {
    if (!syntax_error_) {
      syntax_error_ = true;
      error = "not valid JSON at byte " + std::to_string(p_ - begin_);
    }
    return false;
  }
  bool Literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) {
      return Syntax();
    }
    p_ += word.size();
    return true;
  }

  template <typename F>
  bool Array(std::string_view key, F&& element) {
    Ws();
    if (p_ == end_ || *p_ != '[') return p_ == end_ ? Syntax() : Fail(key, "not an array");
    ++p_;
    if (++depth_ > kMaxDepth) return Fail(key, "nested too deeply");
    if (Consume(']')) {
      --depth_;
      return true;
    }
    size_t i = 0;
    do {
      if (!element(i++)) return false;
    } while (Consume(','));
    --depth_;
    return Consume(']') || Syntax();
  }

  // Appends the string at the cursor (which is on its opening quote).
  bool RawString(std::string* out) {
    ++p_;
    while (true) {
      const char* q = p_;
      while (q < end_ && *q != '"' && *q != '\\' && static_cast<unsigned char>(*q) >= 0x20) ++q;
      out->append(p_, q);
      p_ = q;
      if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return Syntax();
      if (*p_++ == '"') return true;
      if (p_ == end_) return Syntax();
      switch (*p_++) {
        case '"':
          out->push_back('"');
          break;
        case '\\':
          out->push_back('\\');
          break;
        case '/':
          out->push_back('/');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return Syntax();
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            // A high surrogate must be followed by an escaped low one.
            uint32_t low;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return Syntax();
            p_ += 2;
            if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return Syntax();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return Syntax();
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          --p_;
          return Syntax();
      }
    }
  }

  bool Hex4(uint32_t* cp) {
    if (end_ - p_ < 4) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = *p_++;
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    *cp = v;
    return true;
  }

  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  int depth_ = 0;
  bool syntax_error_ = false;
  std::string key_;
  std::string scratch_;
};

bool ReadPlace(Reader& r, std::string_view k, model::Place& p) {
  if (k == "street") return r.String(k, &p.street);
  if (k == "city") return r.String(k, &p.city);
  if (k == "state") return r.String(k, &p.state);
  if (k == "zip") return r.String(k, &p.zip);
  if (k == "country") return r.String(k, &p.country);
  if (k == "country_code") return r.String(k, &p.country_code);
  if (k == "note") return r.String(k, &p.note);
  return r.Skip();
}

bool ReadName(Reader& r, std::string_view k, model::Name& n) {
  if (k == "full") return r.String(k, &n.full);
  if (k == "kind") return r.Enum(k, kNameKindCodes, &n.kind);
  if (k == "note") return r.String(k, &n.note);
  if (k == "parts") {
    return r.Objects(k, &n.parts, [&r](std::string_view pk, model::NamePart& part) {
      if (pk == "role") return r.Enum(pk, kRoleCodes, &part.role);
      if (pk == "text") return r.String(pk, &part.text);
      return r.Skip();
    });
  }
  return r.Skip();
}

bool ReadDob(Reader& r, std::string_view k, model::DateOfBirth& d) {
  if (k == "kind") return r.Enum(k, kDobKindCodes, &d.kind);
  if (k == "from") return r.Date(k, &d.from);
  if (k == "to") return r.Date(k, &d.to);
  if (k == "note") return r.String(k, &d.note);
  return r.Skip();
}

bool ReadDocument(Reader& r, std::string_view k, model::Document& d) {
  if (k == "type") return r.String(k, &d.type);
  if (k == "type2") return r.String(k, &d.type2);
  if (k == "number") return r.String(k, &d.number);
  if (k == "issuing_country") return r.String(k, &d.issuing_country);
  if (k == "country_code") return r.String(k, &d.country_code);
  if (k == "issue_date") return r.String(k, &d.issue_date);
  if (k == "issue_city") return r.String(k, &d.issue_city);
  if (k == "note") return r.String(k, &d.note);
  return r.Skip();
}

bool ReadNationality(Reader& r, std::string_view k, model::Nationality& n) {
  if (k == "text") return r.String(k, &n.text);
  if (k == "country_code") return r.String(k, &n.country_code);
  return r.Skip();
}

bool ReadEntityMember(Reader& r, std::string_view k, model::Entity& e) {
  // Ordered roughly by frequency; a miss costs a few short compares.
  if (k == "names")
    return r.Objects(k, &e.names,
                     [&r](std::string_view nk, model::Name& n) { return ReadName(r, nk, n); });
  if (k == "id") return r.String(k, &e.id);
  if (k == "list_id") return r.String(k, &e.list_id);
  if (k == "source_id") return r.String(k, &e.source_id);
  if (k == "reference") return r.String(k, &e.reference);
  if (k == "kind") return r.Enum(k, kEntityKindCodes, &e.kind);
  if (k == "dob")
    return r.Objects(k, &e.dates_of_birth, [&r](std::string_view dk, model::DateOfBirth& d) {
      return ReadDob(r, dk, d);
    });
  if (k == "pob")
    return r.Objects(k, &e.places_of_birth,
                     [&r](std::string_view pk, model::Place& p) { return ReadPlace(r, pk, p); });
  if (k == "nationalities") {
    return r.Objects(k, &e.nationalities, [&r](std::string_view nk, model::Nationality& n) {
      return ReadNationality(r, nk, n);
    });
  }
  if (k == "gender") return r.Enum(k, kGenderCodes, &e.gender);
  if (k == "documents") {
    return r.Objects(k, &e.documents, [&r](std::string_view dk, model::Document& d) {
      return ReadDocument(r, dk, d);
    });
  }
  if (k == "addresses")
    return r.Objects(k, &e.addresses,
                     [&r](std::string_view ak, model::Place& p) { return ReadPlace(r, ak, p); });
  if (k == "titles") return r.Strings(k, &e.titles);
  if (k == "designations") return r.Strings(k, &e.designations);
  if (k == "program") return r.String(k, &e.program);
  if (k == "list_types") return r.Strings(k, &e.list_types);
  if (k == "listed_on") return r.String(k, &e.listed_on);
  if (k == "last_updated") return r.Strings(k, &e.last_updated);
  if (k == "version") return r.String(k, &e.version);
  if (k == "comments") return r.String(k, &e.comments);
  return r.Skip();
}

}  // namespace

std::string_view EntityKindCode(model::EntityKind kind) {
  return CodeOf(kEntityKindCodes, static_cast<size_t>(kind));
}

std::string_view NameKindCode(model::NameKind kind) {
  return CodeOf(kNameKindCodes, static_cast<size_t>(kind));
}

std::string EntityToJson(const model::Entity& e) {
  Json j = Json::object();
  PutString(j, "id", e.id);
  PutString(j, "list_id", e.list_id);
  PutString(j, "source_id", e.source_id);
  PutString(j, "reference", e.reference);
  j["kind"] = EntityKindCode(e.kind);
  PutArray(j, "names", e.names, [](const model::Name& n) {
    Json o = Json::object();
    PutString(o, "full", n.full);
    if (!n.parts.empty()) {
      Json parts = Json::array();
      for (const model::NamePart& p : n.parts) {
        parts.push_back(
            {{"role", CodeOf(kRoleCodes, static_cast<size_t>(p.role))}, {"text", p.text}});
      }
      o["parts"] = std::move(parts);
    }
    o["kind"] = NameKindCode(n.kind);
    PutString(o, "note", n.note);
    return o;
  });
  PutArray(j, "dob", e.dates_of_birth, [](const model::DateOfBirth& d) {
    Json o = Json::object();
    o["kind"] = CodeOf(kDobKindCodes, static_cast<size_t>(d.kind));
    PutString(o, "from", FormatDate(d.from));
    PutString(o, "to", FormatDate(d.to));
    PutString(o, "note", d.note);
    return o;
  });
  PutArray(j, "pob", e.places_of_birth, PlaceToJson);
  PutArray(j, "nationalities", e.nationalities, [](const model::Nationality& n) {
    Json o = Json::object();
    PutString(o, "text", n.text);
    PutString(o, "country_code", n.country_code);
    return o;
  });
  if (e.gender != model::Gender::kUnknown) {
    j["gender"] = CodeOf(kGenderCodes, static_cast<size_t>(e.gender));
  }
  PutArray(j, "documents", e.documents, [](const model::Document& d) {
    Json o = Json::object();
    PutString(o, "type", d.type);
    PutString(o, "type2", d.type2);
    PutString(o, "number", d.number);
    PutString(o, "issuing_country", d.issuing_country);
    PutString(o, "country_code", d.country_code);
    PutString(o, "issue_date", d.issue_date);
    PutString(o, "issue_city", d.issue_city);
    PutString(o, "note", d.note);
    return o;
  });
  PutArray(j, "addresses", e.addresses, PlaceToJson);
  PutStrings(j, "titles", e.titles);
  PutStrings(j, "designations", e.designations);
  PutString(j, "program", e.program);
  PutStrings(j, "list_types", e.list_types);
  PutString(j, "listed_on", e.listed_on);
  PutStrings(j, "last_updated", e.last_updated);
  PutString(j, "version", e.version);
  PutString(j, "comments", e.comments);
  // replace, not strict: a stray invalid byte must not make an import throw.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<model::Entity> EntityFromJson(std::string_view json) {
  model::Entity e;
  Reader r(json);
  bool ok = r.Object("entity", [&](std::string_view k) { return ReadEntityMember(r, k, e); }) &&
            r.AtEnd();
  if (!ok) {
    return Status::Corruption("stored entity" + (e.id.empty() ? "" : " " + e.id) + ": " + r.error);
  }
  return e;
}

}  // namespace hudud::store
