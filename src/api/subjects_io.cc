// Reading held subjects from CSV and JSON lines (api/subjects_io.h).
#include "api/subjects_io.h"

#include <fmt/core.h>

#include <cctype>
#include <unordered_map>
#include <utility>

#include "api/text_util.h"
#include "lists/csv.h"

namespace hudud::api {
namespace {

// The columns (CSV) or keys (JSON lines) of a subjects file, with the
// synonyms the screening batch format uses.
const std::unordered_map<std::string, std::string>& SubjectFields() {
  static const std::unordered_map<std::string, std::string> kFields = {
      {"id", "id"},
      {"name", "name"},
      {"names", "aliases"},
      {"aliases", "aliases"},
      {"dob", "dob"},
      {"nationality", "nationality"},
      {"doc", "document"},
      {"document", "document"},
      {"doc_country", "document_country"},
      {"document_country", "document_country"},
      {"gender", "gender"},
      {"type", "kind"},
      {"kind", "kind"}};
  return kFields;
}

// Adds `value` under the canonical field `field`; aliases are ';'-separated.
void SetField(store::Subject* s, const std::string& field, const std::string& value) {
  std::string_view v = Trim(value);
  if (v.empty()) return;
  if (field == "id") s->id = v;
  if (field == "name") s->names.insert(s->names.begin(), std::string(v));
  if (field == "aliases") {
    size_t start = 0;
    while (start <= v.size()) {
      size_t end = v.find(';', start);
      if (end == std::string_view::npos) end = v.size();
      std::string_view a = Trim(v.substr(start, end - start));
      if (!a.empty()) s->names.emplace_back(a);
      start = end + 1;
    }
  }
  if (field == "dob") s->dob = v;
  if (field == "nationality") s->nationality = v;
  if (field == "document") s->document = v;
  if (field == "document_country") s->document_country = v;
  if (field == "gender") s->gender = v;
  if (field == "kind") s->kind = v;
}

// Checks a subject the way a re-screen will read it.
Status Validate(const store::Subject& s, const std::string& where) {
  if (s.id.empty()) return Status::InvalidArgument(where + ": missing id");
  Result<match::Query> q = monitor::SubjectQuery(s, match::kDefaultThreshold);
  if (!q.ok()) return Status::InvalidArgument(where + ": " + q.status().message());
  return Status::Ok();
}

Result<std::vector<store::Subject>> ReadCsvSubjects(std::string_view content,
                                                    const std::string& path) {
  lists::CsvReader reader(content, path);
  std::vector<std::string> header, row;
  if (!reader.Next(&header)) {
    HUDUD_RETURN_IF_ERROR(reader.status());
    return Status::InvalidArgument(path + ": empty file (expected a header row)");
  }
  std::vector<std::string> fields;
  bool has_id = false, has_name = false;
  for (const std::string& h : header) {
    std::string key(Trim(h));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = SubjectFields().find(key);
    if (it == SubjectFields().end()) {
      return Status::InvalidArgument(
          path + ", line 1: unknown column \"" + std::string(Trim(h)) +
          "\" (expected: id, name, aliases, dob, nationality, document, document_country, "
          "gender, kind)");
    }
    has_id = has_id || it->second == "id";
    has_name = has_name || it->second == "name" || it->second == "aliases";
    fields.push_back(it->second);
  }
  if (!has_id || !has_name) {
    return Status::InvalidArgument(path + ", line 1: the header needs an id and a name column");
  }
  std::vector<store::Subject> out;
  while (reader.Next(&row)) {
    const std::string where = path + ", line " + std::to_string(reader.line());
    if (row.size() != fields.size()) {
      return Status::InvalidArgument(
          fmt::format("{}: {} fields, the header has {}", where, row.size(), fields.size()));
    }
    store::Subject s;
    for (size_t i = 0; i < row.size(); ++i) SetField(&s, fields[i], row[i]);
    HUDUD_RETURN_IF_ERROR(Validate(s, where));
    out.push_back(std::move(s));
  }
  HUDUD_RETURN_IF_ERROR(reader.status());
  return out;
}

Result<std::vector<store::Subject>> ReadJsonSubjects(std::string_view content,
                                                     const std::string& path) {
  std::vector<store::Subject> out;
  std::vector<std::string_view> lines = SplitLines(content);
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = Trim(lines[n]);
    if (line.empty()) continue;
    const std::string where = path + ", line " + std::to_string(n + 1);
    Json obj = Json::parse(line.begin(), line.end(), nullptr, false);
    if (obj.is_discarded() || !obj.is_object()) {
      return Status::InvalidArgument(where + ": not a JSON object");
    }
    store::Subject s;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      auto f = SubjectFields().find(it.key());
      if (f == SubjectFields().end() || it->is_null()) continue;  // other keys are the holder's
      if (f->second == "id" && it->is_number()) {
        s.id = it->dump();
      } else if (it->is_string()) {
        SetField(&s, f->second, it->get<std::string>());
      } else if (it->is_array() && f->second == "aliases") {
        for (const Json& a : *it) {
          if (!a.is_string()) return Status::InvalidArgument(where + ": names must be strings");
          s.names.push_back(a.get<std::string>());
        }
      } else {
        return Status::InvalidArgument(where + ": " + it.key() + " must be a string");
      }
    }
    HUDUD_RETURN_IF_ERROR(Validate(s, where));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Result<std::vector<store::Subject>> ParseSubjects(std::string_view content,
                                                  const std::string& format,
                                                  const std::string& source_name) {
  std::string f = format;
  if (f == "auto") {
    std::string_view t = Trim(content);
    f = !t.empty() && t.front() == '{' ? "jsonl" : "csv";
  }
  if (f != "csv" && f != "jsonl") {
    return Status::InvalidArgument("unknown subjects format \"" + format +
                                   "\" (expected auto, csv or jsonl)");
  }
  Result<std::vector<store::Subject>> subjects =
      f == "csv" ? ReadCsvSubjects(content, source_name) : ReadJsonSubjects(content, source_name);
  if (!subjects.ok()) return subjects;
  // Duplicate ids in one file would silently overwrite each other.
  std::unordered_map<std::string_view, size_t> seen;
  for (size_t i = 0; i < subjects->size(); ++i) {
    if (!seen.emplace((*subjects)[i].id, i).second) {
      return Status::InvalidArgument(source_name + ": subject id \"" + (*subjects)[i].id +
                                     "\" appears twice");
    }
  }
  return subjects;
}

Json SubjectsImportJson(size_t subjects, const store::SubjectImport& stored,
                        const monitor::RescreenReport& screened) {
  return Json{{"subjects", subjects},       {"added", stored.added},
              {"changed", stored.changed},  {"unchanged", stored.unchanged},
              {"hits", screened.hits},      {"alerts_raised", screened.alerts_raised},
              {"seconds", screened.seconds}};
}

Json SubjectJson(const store::Subject& s) {
  return Json{{"id", s.id},
              {"names", s.names},
              {"dob", s.dob},
              {"nationality", s.nationality},
              {"document", s.document},
              {"document_country", s.document_country},
              {"gender", s.gender},
              {"kind", s.kind}};
}

}  // namespace hudud::api
