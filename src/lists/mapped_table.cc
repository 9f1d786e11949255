// ParseMappedTable (lists/list_file.h): a national list kept as CSV or JSON
// lines, read through a column mapping (JSON) that says which column holds
// which field. The mapping format is documented in docs/LISTS.md, "Column
// mapping for national lists".
//
// Choices the format leaves open:
// - Rows with the same id are one entity: each row's name joins the names
//   (a good alias after the first row's primary name) and its other values
//   are added. Two rows that give one id different kinds or genders are an
//   error. Programs and references are joined with "; "; listed_on is the
//   earliest date.
// - A row whose cells are all empty (a spreadsheet's trailing rows) holds
//   no data and is skipped; any other row with an empty id or name, or a
//   value that does not read, is an error naming file, line and field.
// - Dates follow the mapping's date_order for day and month; a four-digit
//   year first is always year-month-day; "00" is an unknown day or month;
//   two years ("1968-1971") are a range.
#include <algorithm>
#include <exception>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lists/csv.h"
#include "lists/field_util.h"
#include "lists/json_lines.h"
#include "lists/list_file.h"
#include "model/country.h"
#include "model/date.h"

namespace hudud::lists {
namespace {

using model::DateOfBirth;
using model::Entity;
using model::NameKind;
using model::PartialDate;
using model::Place;
using nlohmann::json;

// Splits on the separator string (not on each of its characters), trimming
// and dropping empty pieces; an empty separator keeps the text whole.
std::vector<std::string> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  if (sep.empty()) {
    if (std::string t = TrimCopy(s); !t.empty()) out.push_back(std::move(t));
    return out;
  }
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    std::string piece =
        TrimCopy(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (!piece.empty()) out.push_back(std::move(piece));
    if (end == std::string_view::npos) break;
    start = end + sep.size();
  }
  return out;
}

void AddUnique(std::vector<std::string>* out, const std::string& v) {
  if (!v.empty() && std::find(out->begin(), out->end(), v) == out->end()) out->push_back(v);
}

// ---- The mapping.

// What the mapping says about one field.
struct FieldSpec {
  std::string key;                            // the mapping key ("aliases", "documents[0].number")
  std::vector<std::string> columns;           // CSV header names or JSON keys
  std::string separator;                      // splits a cell into values; "" keeps it whole
  std::map<std::string, std::string> values;  // cell text -> the value it means
  std::string default_value;                  // when every column is empty
  std::string date_order;                     // dates only: "ymd", "dmy" or "mdy"
  bool mapped() const { return !columns.empty() || !default_value.empty(); }
};

struct DocumentSpec {
  std::string type;  // constant text, when no type column
  FieldSpec type_column, number, country;
};

struct AddressSpec {
  FieldSpec text;  // the whole address in one column
  FieldSpec street, city, state, zip, country, note;
};

struct Mapping {
  std::string list_id;
  char delimiter = ',';
  std::string date_order = "ymd";
  FieldSpec id, kind, name, original_script, aliases, low_aliases, former_names, dob,
      place_of_birth, nationality, gender, program, reference, listed_on, comments, titles,
      designations;
  FieldSpec given, middle, patronymic, family;  // parts of the name
  std::vector<DocumentSpec> documents;
  std::vector<AddressSpec> addresses;

  // Every field with columns, for the header check.
  std::vector<const FieldSpec*> Fields() const {
    std::vector<const FieldSpec*> out = {
        &id,           &kind,       &name,           &original_script, &aliases,      &low_aliases,
        &former_names, &dob,        &place_of_birth, &nationality,     &gender,       &program,
        &reference,    &listed_on,  &comments,       &titles,          &designations, &given,
        &middle,       &patronymic, &family};
    for (const DocumentSpec& d : documents) {
      for (const FieldSpec* f : {&d.type_column, &d.number, &d.country}) out.push_back(f);
    }
    for (const AddressSpec& a : addresses) {
      for (const FieldSpec* f :
           {&a.text, &a.street, &a.city, &a.state, &a.zip, &a.country, &a.note}) {
        out.push_back(f);
      }
    }
    return out;
  }
};

// What a field's object form may hold.
enum Option : unsigned {
  kList = 1,        // several columns
  kSeparator = 2,   // several values in one cell
  kValues = 4,      // a map of cell values
  kDefault = 8,     // a value for empty cells
  kDateOrder = 16,  // a date field
};

class MappingReader {
 public:
  explicit MappingReader(std::string name) : name_(std::move(name)) {}

  Result<Mapping> Read(std::string_view text) {
    json j;
    try {
      j = json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {
      return Err(std::string("not valid JSON: ") + e.what());
    }
    if (!j.is_object()) return Err("the mapping must be a JSON object");
    Mapping m;
    for (auto it = j.begin(); it != j.end(); ++it) {
      HUDUD_RETURN_IF_ERROR(Key(it.key(), it.value(), m));
    }
    if (m.list_id.empty()) return Err("\"list_id\" is required");
    if (m.id.columns.empty()) return Err("\"id\" (the column of the list's own id) is required");
    if (!m.name.mapped() && !m.given.mapped() && !m.family.mapped() && !m.patronymic.mapped() &&
        !m.middle.mapped()) {
      return Err("\"name\" (or \"name_parts\") is required");
    }
    for (FieldSpec* f : {&m.dob, &m.listed_on}) {
      if (f->date_order.empty()) f->date_order = m.date_order;
    }
    return m;
  }

 private:
  Status Err(const std::string& what) const { return Status::InvalidArgument(name_ + ": " + what); }

  Status String(const std::string& key, const json& v, std::string* out) const {
    if (!v.is_string()) return Err("\"" + key + "\" must be a string");
    *out = v.get<std::string>();
    return Status::Ok();
  }

  static Status DateOrderOk(const std::string& v) {
    if (v == "ymd" || v == "dmy" || v == "mdy") return Status::Ok();
    return Status::InvalidArgument("must be \"ymd\", \"dmy\" or \"mdy\"");
  }

  Status Key(const std::string& key, const json& v, Mapping& m) {
    if (!key.empty() && key[0] == '_') return Status::Ok();  // "_comment": a note to readers
    if (key == "list_id") {
      HUDUD_RETURN_IF_ERROR(String(key, v, &m.list_id));
      for (char c : m.list_id) {
        if (c == ':' || c == ' ' || c == '\t' || c == '\n') {
          return Err("\"list_id\" must not contain ':' or spaces (entity ids are <list_id>:<id>)");
        }
      }
      return Status::Ok();
    }
    if (key == "delimiter") {
      std::string d;
      HUDUD_RETURN_IF_ERROR(String(key, v, &d));
      if (d == "tab" || d == "\\t") d = "\t";
      if (d.size() != 1 || d == "\"" || d == "\n" || d == "\r") {
        return Err("\"delimiter\" must be one character (or \"tab\")");
      }
      m.delimiter = d[0];
      return Status::Ok();
    }
    if (key == "encoding") {
      std::string enc;
      HUDUD_RETURN_IF_ERROR(String(key, v, &enc));
      const std::string e = AsciiLower(enc);
      if (e == "utf-8" || e == "utf8") return Status::Ok();
      return Err("\"encoding\" \"" + enc +
                 "\" is not read: convert the file to UTF-8 first (iconv -f " + enc +
                 " -t UTF-8) and say \"utf-8\"");
    }
    if (key == "date_order") {
      HUDUD_RETURN_IF_ERROR(String(key, v, &m.date_order));
      if (Status s = DateOrderOk(m.date_order); !s.ok()) {
        return Err("\"date_order\" " + s.message());
      }
      return Status::Ok();
    }
    if (key == "name_parts") return NameParts(v, m);
    if (key == "documents") return Documents(v, m);
    if (key == "address") return Addresses(v, m);
    struct Simple {
      const char* key;
      FieldSpec Mapping::*field;
      unsigned options;
      const char* separator;  // the default separator
    };
    static const Simple kSimple[] = {
        {"id", &Mapping::id, 0, ""},
        {"name", &Mapping::name, kList, ""},
        {"kind", &Mapping::kind, kValues | kDefault, ""},
        {"gender", &Mapping::gender, kValues | kDefault, ""},
        {"original_script", &Mapping::original_script, kList | kSeparator, ";"},
        {"aliases", &Mapping::aliases, kList | kSeparator, ";"},
        {"low_aliases", &Mapping::low_aliases, kList | kSeparator, ";"},
        {"former_names", &Mapping::former_names, kList | kSeparator, ";"},
        {"dob", &Mapping::dob, kList | kSeparator | kDateOrder, ";"},
        {"place_of_birth", &Mapping::place_of_birth, kList | kSeparator | kDefault, ""},
        {"nationality", &Mapping::nationality, kList | kSeparator | kValues | kDefault, ";"},
        {"titles", &Mapping::titles, kList | kSeparator, ";"},
        {"designations", &Mapping::designations, kList | kSeparator, ";"},
        {"program", &Mapping::program, kList | kDefault, ""},
        {"reference", &Mapping::reference, kList, ""},
        {"listed_on", &Mapping::listed_on, kDefault | kDateOrder, ""},
        {"comments", &Mapping::comments, kList, ""},
    };
    for (const Simple& s : kSimple) {
      if (key != s.key) continue;
      FieldSpec& f = m.*(s.field);
      f.separator = s.separator;
      return Field(key, v, s.options, f);
    }
    return Err("unknown key \"" + key +
               "\" (known: list_id, delimiter, encoding, date_order, id, kind, name, name_parts, "
               "original_script, aliases, low_aliases, former_names, dob, place_of_birth, "
               "nationality, gender, documents, address, program, reference, listed_on, "
               "comments, titles, designations)");
  }

  // A column name, a list of them, or {"column": ..., options}.
  Status Field(const std::string& key, const json& v, unsigned options, FieldSpec& f) const {
    f.key = key;
    if (v.is_string() || v.is_array()) return Columns(key, v, options, f);
    if (!v.is_object()) return Err("\"" + key + "\" must be a column name or an object");
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string& k = it.key();
      const json& x = it.value();
      const std::string path = key + "." + k;
      if (k == "column") {
        HUDUD_RETURN_IF_ERROR(Columns(path, x, options, f));
      } else if (k == "separator" && (options & kSeparator)) {
        HUDUD_RETURN_IF_ERROR(String(path, x, &f.separator));
        if (f.separator.empty()) return Err("\"" + path + "\" must not be empty");
      } else if (k == "values" && (options & kValues)) {
        if (!x.is_object()) return Err("\"" + path + "\" must be an object");
        for (auto e = x.begin(); e != x.end(); ++e) {
          if (!e->is_string()) return Err("\"" + path + "." + e.key() + "\" must be a string");
          f.values[e.key()] = e->get<std::string>();
        }
      } else if (k == "default" && (options & kDefault)) {
        HUDUD_RETURN_IF_ERROR(String(path, x, &f.default_value));
      } else if (k == "date_order" && (options & kDateOrder)) {
        HUDUD_RETURN_IF_ERROR(String(path, x, &f.date_order));
        if (Status s = DateOrderOk(f.date_order); !s.ok())
          return Err("\"" + path + "\" " + s.message());
      } else {
        return Err("unknown key \"" + k + "\" in \"" + key + "\"");
      }
    }
    if (!f.mapped()) return Err("\"" + key + "\" names no column");
    // Mapped kinds and genders must mean something.
    std::vector<std::string> meant;
    for (const auto& [cell, value] : f.values) meant.push_back(value);
    if (!f.default_value.empty()) meant.push_back(f.default_value);
    for (const std::string& value : meant) {
      if (key == "kind" && !model::ParseEntityKind(value)) {
        return Err("\"kind\": \"" + value + "\" is not person, organization, vessel or aircraft");
      }
      if (key == "gender" && !model::ParseGender(value)) {
        return Err("\"gender\": \"" + value + "\" is not male or female");
      }
    }
    return Status::Ok();
  }

  Status Columns(const std::string& key, const json& v, unsigned options, FieldSpec& f) const {
    if (v.is_string()) {
      if (v.get_ref<const std::string&>().empty()) return Err("\"" + key + "\" is empty");
      f.columns.push_back(TrimCopy(v.get_ref<const std::string&>()));
      return Status::Ok();
    }
    if (!v.is_array() || !(options & kList)) return Err("\"" + key + "\" must be a column name");
    for (const json& c : v) {
      if (!c.is_string() || c.get_ref<const std::string&>().empty()) {
        return Err("\"" + key + "\" must list column names");
      }
      f.columns.push_back(TrimCopy(c.get_ref<const std::string&>()));
    }
    return Status::Ok();
  }

  Status NameParts(const json& v, Mapping& m) const {
    if (!v.is_object()) return Err("\"name_parts\" must be an object");
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string& k = it.key();
      FieldSpec* f = k == "given"        ? &m.given
                     : k == "middle"     ? &m.middle
                     : k == "patronymic" ? &m.patronymic
                     : k == "family"     ? &m.family
                                         : nullptr;
      if (f == nullptr) {
        return Err("unknown key \"" + k +
                   "\" in \"name_parts\" (known: given, middle, patronymic, family)");
      }
      f->key = "name_parts." + k;
      HUDUD_RETURN_IF_ERROR(Columns(f->key, it.value(), kList, *f));
    }
    return Status::Ok();
  }

  Status Documents(const json& v, Mapping& m) const {
    if (!v.is_array()) return Err("\"documents\" must be a list of objects");
    for (size_t i = 0; i < v.size(); ++i) {
      const json& d = v[i];
      const std::string at = "documents[" + std::to_string(i) + "]";
      if (!d.is_object()) return Err("\"" + at + "\" must be an object");
      DocumentSpec spec;
      std::string separator;
      for (auto it = d.begin(); it != d.end(); ++it) {
        const std::string& k = it.key();
        const std::string path = at + "." + k;
        if (k == "type") {
          HUDUD_RETURN_IF_ERROR(String(path, it.value(), &spec.type));
        } else if (k == "type_column" || k == "number" || k == "country") {
          FieldSpec& f = k == "type_column" ? spec.type_column
                         : k == "number"    ? spec.number
                                            : spec.country;
          f.key = path;
          HUDUD_RETURN_IF_ERROR(Columns(path, it.value(), 0, f));
        } else if (k == "separator") {
          HUDUD_RETURN_IF_ERROR(String(path, it.value(), &separator));
        } else {
          return Err("unknown key \"" + k + "\" in \"" + at +
                     "\" (known: type, type_column, number, country, separator)");
        }
      }
      if (spec.number.columns.empty()) return Err("\"" + at + "\" needs a \"number\" column");
      spec.number.separator = separator;
      m.documents.push_back(std::move(spec));
    }
    return Status::Ok();
  }

  Status Addresses(const json& v, Mapping& m) const {
    if (v.is_array() && !v.empty() && v[0].is_object()) {
      for (size_t i = 0; i < v.size(); ++i) {
        HUDUD_RETURN_IF_ERROR(Address("address[" + std::to_string(i) + "]", v[i], m));
      }
      return Status::Ok();
    }
    return Address("address", v, m);
  }

  Status Address(const std::string& at, const json& v, Mapping& m) const {
    AddressSpec spec;
    if (v.is_string() || v.is_array()) {
      spec.text.key = at;
      HUDUD_RETURN_IF_ERROR(Columns(at, v, kList, spec.text));
      m.addresses.push_back(std::move(spec));
      return Status::Ok();
    }
    if (!v.is_object()) return Err("\"" + at + "\" must be a column name or an object");
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string& k = it.key();
      FieldSpec* f = k == "column"    ? &spec.text
                     : k == "street"  ? &spec.street
                     : k == "city"    ? &spec.city
                     : k == "state"   ? &spec.state
                     : k == "zip"     ? &spec.zip
                     : k == "country" ? &spec.country
                     : k == "note"    ? &spec.note
                                      : nullptr;
      if (f == nullptr) {
        return Err("unknown key \"" + k + "\" in \"" + at +
                   "\" (known: column, street, city, state, zip, country, note)");
      }
      f->key = at + "." + k;
      HUDUD_RETURN_IF_ERROR(Columns(f->key, it.value(), kList, *f));
    }
    m.addresses.push_back(std::move(spec));
    return Status::Ok();
  }

  std::string name_;
};

// ---- Dates.

// A date as `order` reads it; nullopt when it does not read.
std::optional<DateOfBirth> ReadDate(std::string_view text, const std::string& order) {
  const std::string t = TrimCopy(text);
  std::vector<std::string> groups;
  bool words = false;
  for (size_t i = 0; i < t.size();) {
    if (t[i] >= '0' && t[i] <= '9') {
      size_t j = i;
      while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
      groups.push_back(t.substr(i, j - i));
      i = j;
    } else if (t[i] == '/' || t[i] == '-' || t[i] == '.' || t[i] == ' ') {
      ++i;
    } else {
      words = true;
      break;
    }
  }
  DateOfBirth d;
  if (words || groups.empty()) {
    std::optional<PartialDate> p = model::ParsePartialDate(t);  // "02 Apr 1980", "Apr 1980"
    if (!p) return std::nullopt;
    d.from = *p;
    return d;
  }
  auto make = [](const std::string& y, const std::string& m, const std::string& dd) {
    const int month = m.empty() ? 0 : std::stoi(m);
    const int day = dd.empty() ? 0 : std::stoi(dd);
    std::string iso = y;
    if (month == 0 && day != 0) return std::optional<PartialDate>();  // a day needs a month
    if (month != 0) iso += (month < 10 ? "-0" : "-") + std::to_string(month);
    if (month != 0 && day != 0) iso += (day < 10 ? "-0" : "-") + std::to_string(day);
    return model::ParsePartialDate(iso);
  };
  std::vector<size_t> len;
  for (const std::string& g : groups) len.push_back(g.size());
  std::optional<PartialDate> p;
  const bool small0 = len[0] <= 2, small1 = len.size() > 1 && len[1] <= 2;
  if (len.size() == 1 && len[0] == 4) {
    p = make(groups[0], "", "");
  } else if (len.size() == 1 && len[0] == 8) {
    const std::string& g = groups[0];
    if (order == "dmy") p = make(g.substr(4), g.substr(2, 2), g.substr(0, 2));
    if (order == "mdy") p = make(g.substr(4), g.substr(0, 2), g.substr(2, 2));
    if (order == "ymd") p = make(g.substr(0, 4), g.substr(4, 2), g.substr(6, 2));
  } else if (len.size() == 2 && len[0] == 4 && len[1] == 4) {
    std::optional<PartialDate> from = make(groups[0], "", ""), to = make(groups[1], "", "");
    if (!from || !to || to->year < from->year) return std::nullopt;
    d.kind = DateOfBirth::Kind::kBetween;
    d.from = *from;
    d.to = *to;
    return d;
  } else if (len.size() == 2 && len[0] == 4 && small1) {
    p = make(groups[0], groups[1], "");
  } else if (len.size() == 2 && small0 && len[1] == 4) {
    p = make(groups[1], groups[0], "");
  } else if (len.size() == 3 && len[0] == 4 && small1 && len[2] <= 2) {
    p = make(groups[0], groups[1], groups[2]);
  } else if (len.size() == 3 && small0 && small1 && len[2] == 4) {
    if (order == "dmy") p = make(groups[2], groups[1], groups[0]);
    if (order == "mdy") p = make(groups[2], groups[0], groups[1]);
  }
  if (!p) return std::nullopt;
  d.from = *p;
  return d;
}

std::string DateShapes(const std::string& order) {
  if (order == "dmy") return "DD/MM/YYYY, MM/YYYY, YYYY or YYYY-MM-DD; 00 for an unknown part";
  if (order == "mdy") return "MM/DD/YYYY, MM/YYYY, YYYY or YYYY-MM-DD; 00 for an unknown part";
  return "YYYY-MM-DD, YYYY-MM or YYYY (set \"date_order\" for day-first or month-first dates)";
}

// ---- Rows.

// A row's cell: one text (CSV; split by the field's separator) or, from a
// JSON array, several values already apart.
struct Cell {
  std::vector<std::string> values;
  bool list = false;
};
using Row = std::unordered_map<std::string, Cell>;

struct Value {
  std::string text;
  const std::string* column;  // nullptr for a mapping default
};

// "<place>, Country": a trailing piece that names a country is the country.
Place TextPlace(const std::string& text, std::string Place::*rest) {
  Place p;
  std::string head = text;
  const size_t comma = text.rfind(',');
  const std::string tail =
      comma == std::string::npos ? text : TrimCopy(std::string_view(text).substr(comma + 1));
  if (std::string code = model::ResolveCountryCode(tail); !code.empty()) {
    p.country = tail;
    p.country_code = code;
    head = comma == std::string::npos ? "" : TrimCopy(std::string_view(text).substr(0, comma));
  }
  p.*rest = head;
  return p;
}

bool SamePlace(const Place& a, const Place& b) {
  return a.street == b.street && a.city == b.city && a.state == b.state && a.zip == b.zip &&
         a.country == b.country && a.note == b.note;
}

class TableParser {
 public:
  TableParser(const Mapping& m, std::string source) : m_(m), source_(std::move(source)) {}

  // Adds one row read on `line`; `blank` when every cell of it is empty.
  Status AddRow(const Row& row, size_t line, bool blank) {
    if (blank) return Status::Ok();
    line_ = line;
    where_ = source_ + ", line " + std::to_string(line);
    row_ = &row;

    const std::vector<Value> ids = Get(m_.id);
    if (ids.empty()) return FieldError(m_.id, m_.id.columns[0], "the id is empty");
    const std::string& id = ids[0].text;
    auto [at, fresh] = index_.emplace(id, list_.entities.size());
    if (fresh) {
      Entity e;
      e.list_id = m_.list_id;
      e.source_id = id;
      e.id = m_.list_id + ":" + id;
      e.kind = model::EntityKind::kPerson;
      list_.entities.push_back(std::move(e));
      extra_.emplace_back();
    }
    Entity& e = list_.entities[at->second];
    Extra& x = extra_[at->second];
    HUDUD_RETURN_IF_ERROR(Kind(e, x, fresh));
    HUDUD_RETURN_IF_ERROR(Names(e, fresh));
    for (const Value& v : Get(m_.dob)) {
      std::optional<DateOfBirth> d = ReadDate(v.text, m_.dob.date_order);
      if (!d) return DateError(m_.dob, v);
      bool seen = false;
      for (const DateOfBirth& o : e.dates_of_birth) {
        seen = seen || (o.kind == d->kind && o.from == d->from && o.to == d->to);
      }
      if (!seen) e.dates_of_birth.push_back(*d);
    }
    for (const Value& v : Get(m_.place_of_birth)) {
      AddPlace(&e.places_of_birth, TextPlace(v.text, &Place::city));
    }
    for (const Value& v : Get(m_.nationality)) AddNationality(&e, v.text);
    HUDUD_RETURN_IF_ERROR(Gender(e, x));
    for (const DocumentSpec& spec : m_.documents) Documents(spec, e);
    for (const AddressSpec& spec : m_.addresses) Address(spec, e);
    for (const Value& v : Get(m_.titles)) AddUnique(&e.titles, v.text);
    for (const Value& v : Get(m_.designations)) AddUnique(&e.designations, v.text);
    for (const Value& v : Get(m_.program)) AddUnique(&x.programs, v.text);
    for (const Value& v : Get(m_.reference)) AddUnique(&x.references, v.text);
    for (const Value& v : Get(m_.listed_on)) {
      std::optional<DateOfBirth> d = ReadDate(v.text, m_.listed_on.date_order);
      if (!d || d->kind != DateOfBirth::Kind::kExact) return DateError(m_.listed_on, v);
      const std::string iso = d->from.ToString();
      if (e.listed_on.empty() || iso < e.listed_on) e.listed_on = iso;
    }
    for (const Value& v : Get(m_.comments)) {
      if (e.comments.find(v.text) == std::string::npos) {
        e.comments += (e.comments.empty() ? "" : "\n") + v.text;
      }
    }
    return Status::Ok();
  }

  ParsedList Finish(bool json_lines) {
    for (size_t i = 0; i < list_.entities.size(); ++i) {
      Entity& e = list_.entities[i];
      for (const std::string& p : extra_[i].programs) {
        e.program += (e.program.empty() ? "" : "; ") + p;
      }
      for (const std::string& r : extra_[i].references) {
        e.reference += (e.reference.empty() ? "" : "; ") + r;
      }
    }
    list_.list_id = m_.list_id;
    list_.format = json_lines ? "json" : "csv";
    return std::move(list_);
  }

 private:
  // What an entity gathers over its rows besides its fields.
  struct Extra {
    bool kind_given = false, gender_given = false;
    size_t kind_line = 0, gender_line = 0;
    std::vector<std::string> programs, references;
  };

  Status FieldError(const FieldSpec& f, const std::string& column, const std::string& what) const {
    std::string at = where_ + ", field " + f.key;
    if (!column.empty()) at += " (column \"" + column + "\")";
    return Status::InvalidArgument(at + ": " + what);
  }

  Status DateError(const FieldSpec& f, const Value& v) const {
    return FieldError(
        f, v.column != nullptr ? *v.column : "",
        "invalid date \"" + v.text + "\" (expected " + DateShapes(f.date_order) + ")");
  }

  // The field's values in this row: split, mapped, trimmed, empty ones gone;
  // the default when there are none.
  std::vector<Value> Get(const FieldSpec& f) const {
    std::vector<Value> out;
    for (const std::string& column : f.columns) {
      auto it = row_->find(column);
      if (it == row_->end()) continue;
      for (const std::string& cell : it->second.values) {
        for (std::string& v : Split(cell, it->second.list ? "" : f.separator)) {
          if (!f.values.empty()) {
            if (auto m = f.values.find(v); m != f.values.end()) {
              v = m->second;
            } else {
              for (const auto& [from, to] : f.values) {
                if (AsciiLower(from) == AsciiLower(v)) v = to;
              }
            }
          }
          out.push_back({std::move(v), &column});
        }
      }
    }
    if (out.empty() && !f.default_value.empty()) out.push_back({f.default_value, nullptr});
    return out;
  }

  // The field's values joined into one text.
  std::string Text(const FieldSpec& f, const char* joiner) const {
    std::string out;
    for (const Value& v : Get(f)) out += (out.empty() ? "" : joiner) + v.text;
    return out;
  }

  Status Kind(Entity& e, Extra& x, bool fresh) {
    std::vector<Value> kinds = Get(m_.kind);
    if (kinds.empty()) return Status::Ok();  // a person
    const Value& v = kinds[0];
    // A later row's empty cell (the default) says nothing about the entity.
    if (!fresh && v.column == nullptr) return Status::Ok();
    std::optional<model::EntityKind> kind = model::ParseEntityKind(v.text);
    if (!kind) {
      return FieldError(m_.kind, v.column != nullptr ? *v.column : "",
                        "unknown kind \"" + v.text +
                            "\" (map it to person, organization, vessel or aircraft in "
                            "\"kind\".\"values\")");
    }
    if (!fresh && x.kind_given && *kind != e.kind) {
      return FieldError(m_.kind, v.column != nullptr ? *v.column : "",
                        "id " + e.source_id + " is " + std::string(model::ToString(e.kind)) +
                            " on line " + std::to_string(x.kind_line) + " but " +
                            std::string(model::ToString(*kind)) + " here");
    }
    if (fresh || !x.kind_given) {
      e.kind = *kind;
      x.kind_given = v.column != nullptr;
      x.kind_line = line_;
    }
    return Status::Ok();
  }

  Status Gender(Entity& e, Extra& x) {
    std::vector<Value> genders = Get(m_.gender);
    if (genders.empty()) return Status::Ok();
    const Value& v = genders[0];
    if (x.gender_given && v.column == nullptr) return Status::Ok();
    std::optional<model::Gender> g = model::ParseGender(v.text);
    if (!g) {
      return FieldError(m_.gender, v.column != nullptr ? *v.column : "",
                        "unknown gender \"" + v.text + "\" (map it in \"gender\".\"values\")");
    }
    if (x.gender_given && *g != e.gender) {
      return FieldError(m_.gender, v.column != nullptr ? *v.column : "",
                        "id " + e.source_id + " is " + std::string(model::ToString(e.gender)) +
                            " on line " + std::to_string(x.gender_line) + " but " +
                            std::string(model::ToString(*g)) + " here");
    }
    e.gender = *g;
    x.gender_given = v.column != nullptr;
    x.gender_line = line_;
    return Status::Ok();
  }

  Status Names(Entity& e, bool fresh) {
    model::Name n;
    n.full = Text(m_.name, " ");
    static const std::pair<FieldSpec Mapping::*, model::NamePartRole> kParts[] = {
        {&Mapping::given, model::NamePartRole::kGiven},
        {&Mapping::middle, model::NamePartRole::kMiddle},
        {&Mapping::patronymic, model::NamePartRole::kPatronymic},
        {&Mapping::family, model::NamePartRole::kFamily}};
    std::string joined;
    for (const auto& [field, role] : kParts) {
      for (const Value& v : Get(m_.*field)) {
        n.parts.push_back({role, v.text});
        joined += (joined.empty() ? "" : " ") + v.text;
      }
    }
    if (n.full.empty()) n.full = joined;
    if (n.full.empty()) {
      std::string columns;
      for (const FieldSpec* f : {&m_.name, &m_.given, &m_.middle, &m_.patronymic, &m_.family}) {
        for (const std::string& c : f->columns) columns += (columns.empty() ? "" : ", ") + c;
      }
      const FieldSpec& f = m_.name.mapped() ? m_.name : m_.given.mapped() ? m_.given : m_.family;
      return Status::InvalidArgument(where_ + ", field " + (f.key.empty() ? "name" : f.key) +
                                     " (columns " + columns + "): the name is empty");
    }
    bool known = false;
    for (const model::Name& o : e.names) known = known || o.full == n.full;
    if (!known) {
      n.kind = fresh ? NameKind::kPrimary : NameKind::kGoodAlias;
      e.names.push_back(std::move(n));
    }
    for (const Value& v : Get(m_.original_script)) AddName(&e, v.text, NameKind::kOriginalScript);
    for (const Value& v : Get(m_.aliases)) AddName(&e, v.text, NameKind::kGoodAlias);
    for (const Value& v : Get(m_.low_aliases)) AddName(&e, v.text, NameKind::kLowAlias);
    for (const Value& v : Get(m_.former_names)) AddName(&e, v.text, NameKind::kFormerName);
    return Status::Ok();
  }

  void Documents(const DocumentSpec& spec, Entity& e) const {
    std::string type = Text(spec.type_column, " ");
    if (type.empty()) type = spec.type.empty() ? "Identity document" : spec.type;
    const std::string country = Text(spec.country, " ");
    for (const Value& v : Get(spec.number)) {
      bool seen = false;
      for (const model::Document& o : e.documents) {
        seen = seen || (o.number == v.text && o.type == type);
      }
      if (seen) continue;
      model::Document d;
      d.type = type;
      d.number = v.text;
      d.issuing_country = country;
      d.country_code = model::ResolveCountryCode(country);
      e.documents.push_back(std::move(d));
    }
  }

  void Address(const AddressSpec& spec, Entity& e) const {
    Place p;
    if (std::string text = Text(spec.text, ", "); !text.empty())
      p = TextPlace(text, &Place::street);
    if (std::string street = Text(spec.street, ", "); !street.empty()) p.street = street;
    for (const auto& [field, part] :
         {std::pair{&spec.city, &Place::city}, std::pair{&spec.state, &Place::state},
          std::pair{&spec.zip, &Place::zip}, std::pair{&spec.note, &Place::note}}) {
      if (std::string v = Text(*field, ", "); !v.empty()) p.*part = v;
    }
    if (std::string country = Text(spec.country, " "); !country.empty()) {
      p.country = country;
      p.country_code = model::ResolveCountryCode(country);
    }
    if (p.street.empty() && p.city.empty() && p.state.empty() && p.zip.empty() &&
        p.country.empty() && p.note.empty()) {
      return;
    }
    AddPlace(&e.addresses, std::move(p));
  }

  static void AddPlace(std::vector<Place>* places, Place p) {
    for (const Place& o : *places) {
      if (SamePlace(o, p)) return;
    }
    places->push_back(std::move(p));
  }

  const Mapping& m_;
  std::string source_;
  std::string where_;  // "<source>, line <N>" of the row being added
  size_t line_ = 0;
  const Row* row_ = nullptr;
  ParsedList list_;
  std::vector<Extra> extra_;
  std::unordered_map<std::string, size_t> index_;
};

// "name (column "Full Name")" for each field naming `column`.
std::string FieldsOf(const Mapping& m, const std::string& column) {
  std::string out;
  for (const FieldSpec* f : m.Fields()) {
    if (std::find(f->columns.begin(), f->columns.end(), column) != f->columns.end()) {
      out += (out.empty() ? "" : ", ") + f->key;
    }
  }
  return out;
}

Result<ParsedList> ParseCsv(const Mapping& m, std::string_view content, const std::string& src) {
  CsvReader reader(content, src, m.delimiter);
  std::vector<std::string> header, fields;
  if (!reader.Next(&header)) {
    HUDUD_RETURN_IF_ERROR(reader.status());
    return Status::InvalidArgument(src + ": empty file (expected a header row)");
  }
  const size_t header_line = reader.line();
  for (std::string& h : header) h = TrimCopy(h);
  std::set<std::string> mapped;
  for (const FieldSpec* f : m.Fields()) mapped.insert(f->columns.begin(), f->columns.end());
  for (const std::string& c : mapped) {
    const auto n = std::count(header.begin(), header.end(), c);
    if (n == 0) {
      std::string have;
      for (const std::string& h : header) have += (have.empty() ? "" : ", ") + h;
      return Status::InvalidArgument(src + ", line " + std::to_string(header_line) + ": column \"" +
                                     c + "\" (field " + FieldsOf(m, c) +
                                     ") is not in the header (" + have + ")");
    }
    if (n > 1) {
      return Status::InvalidArgument(src + ", line " + std::to_string(header_line) + ": column \"" +
                                     c + "\" (field " + FieldsOf(m, c) + ") appears " +
                                     std::to_string(n) + " times in the header");
    }
  }
  TableParser parser(m, src);
  while (reader.Next(&fields)) {
    if (fields.size() != header.size()) {
      return Status::InvalidArgument(src + ", line " + std::to_string(reader.line()) + ": " +
                                     std::to_string(fields.size()) + " fields, the header has " +
                                     std::to_string(header.size()));
    }
    Row row;
    bool blank = true;
    for (size_t i = 0; i < header.size(); ++i) {
      blank = blank && TrimCopy(fields[i]).empty();
      if (mapped.count(header[i])) row[header[i]].values.push_back(std::move(fields[i]));
    }
    HUDUD_RETURN_IF_ERROR(parser.AddRow(row, reader.line(), blank));
  }
  HUDUD_RETURN_IF_ERROR(reader.status());
  return parser.Finish(false);
}

// One JSON scalar as cell text; false for objects and arrays.
bool Scalar(const json& v, std::string* out) {
  if (v.is_string()) {
    *out = v.get<std::string>();
  } else if (v.is_number() || v.is_boolean()) {
    *out = v.dump();
  } else if (v.is_null()) {
    out->clear();
  } else {
    return false;
  }
  return true;
}

Result<ParsedList> ParseJsonLines(const Mapping& m, std::string_view content,
                                  const std::string& src) {
  std::set<std::string> mapped;
  for (const FieldSpec* f : m.Fields()) mapped.insert(f->columns.begin(), f->columns.end());
  TableParser parser(m, src);
  JsonLinesReader reader(content, src);
  json record;
  while (reader.Next(&record)) {
    if (!record.is_object()) {
      return Status::InvalidArgument(reader.Where() + ": expected a JSON object, found " +
                                     record.type_name());
    }
    Row row;
    bool blank = true;
    for (auto it = record.begin(); it != record.end(); ++it) {
      blank = blank && (it->is_null() ||
                        (it->is_string() && TrimCopy(it->get_ref<const std::string&>()).empty()) ||
                        ((it->is_array() || it->is_object()) && it->empty()));
      if (!mapped.count(it.key())) continue;
      Cell& cell = row[it.key()];
      std::string text;
      if (it->is_array()) {
        cell.list = true;
        for (const json& v : *it) {
          if (!Scalar(v, &text)) {
            return Status::InvalidArgument(reader.Where() + ", field " + FieldsOf(m, it.key()) +
                                           " (key \"" + it.key() +
                                           "\"): a list may hold only strings and numbers");
          }
          cell.values.push_back(text);
        }
      } else if (Scalar(*it, &text)) {
        cell.values.push_back(text);
      } else {
        return Status::InvalidArgument(reader.Where() + ", field " + FieldsOf(m, it.key()) +
                                       " (key \"" + it.key() +
                                       "\"): an object is not a value (give a string or a list)");
      }
    }
    HUDUD_RETURN_IF_ERROR(parser.AddRow(row, reader.line(), blank));
  }
  HUDUD_RETURN_IF_ERROR(reader.status());
  return parser.Finish(true);
}

}  // namespace

Result<ParsedList> ParseMappedTable(std::string_view content, std::string_view source_name,
                                    std::string_view mapping_json, std::string_view mapping_name,
                                    bool json_lines) {
  try {
    Result<Mapping> m = MappingReader(std::string(mapping_name)).Read(mapping_json);
    if (!m.ok()) return m.status();
    const std::string src(source_name);
    return json_lines ? ParseJsonLines(*m, content, src) : ParseCsv(*m, content, src);
  } catch (const std::exception& e) {
    // Only allocation failure can get here; keep it inside the library.
    return Status::Internal(std::string(source_name) + ": " + e.what());
  }
}

}  // namespace hudud::lists
