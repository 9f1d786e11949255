// Reading the lost/stolen documents register (api/documents_io.h).
#include "api/documents_io.h"

#include <fmt/core.h>

#include <cctype>
#include <unordered_map>
#include <utility>

#include "api/text_util.h"
#include "lists/csv.h"
#include "targeting/documents.h"
#include "travel/icao_codes.h"

namespace hudud::api {
namespace {

// Header names (lower case) -> canonical column.
const std::unordered_map<std::string, std::string>& Columns() {
  static const std::unordered_map<std::string, std::string> kColumns = {
      {"number", "number"},
      {"document_number", "number"},
      {"document", "number"},
      {"doc", "number"},
      {"country", "country"},
      {"issuing_country", "country"},
      {"issuing_state", "country"},
      {"issuer", "country"},
      {"type", "type"},
      {"document_type", "type"},
      {"doc_type", "type"},
      {"status", "status"},
      {"reported_on", "reported_on"},
      {"reported", "reported_on"},
      {"date", "reported_on"},
      {"reference", "reference"},
      {"ref", "reference"},
      {"id", "reference"}};
  return kColumns;
}

}  // namespace

Result<std::vector<store::LostDocument>> ParseDocumentRegister(std::string_view content,
                                                               const std::string& path) {
  const std::string_view first_line = content.substr(0, content.find('\n'));
  const char delimiter =
      content.find('\t') != std::string_view::npos && first_line.find(',') == std::string_view::npos
          ? '\t'
          : ',';
  lists::CsvReader reader(content, path, delimiter);
  std::vector<std::string> header, row;
  if (!reader.Next(&header)) {
    HUDUD_RETURN_IF_ERROR(reader.status());
    return Status::InvalidArgument(path + ": empty file (expected a header row)");
  }
  std::vector<std::string> columns;
  bool has_number = false, has_country = false;
  for (const std::string& h : header) {
    std::string key(Trim(h));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = Columns().find(key);
    if (it == Columns().end()) {
      return Status::InvalidArgument(path + ", line 1: unknown column \"" + std::string(Trim(h)) +
                                     "\" (expected: number, country, type, status, "
                                     "reported_on, reference)");
    }
    has_number = has_number || it->second == "number";
    has_country = has_country || it->second == "country";
    columns.push_back(it->second);
  }
  if (!has_number || !has_country) {
    return Status::InvalidArgument(path +
                                   ", line 1: the header needs a number and a country column");
  }
  std::vector<store::LostDocument> out;
  while (reader.Next(&row)) {
    const std::string where = path + ", line " + std::to_string(reader.line());
    if (row.size() != columns.size()) {
      return Status::InvalidArgument(
          fmt::format("{}: {} fields, the header has {}", where, row.size(), columns.size()));
    }
    store::LostDocument d;
    d.line = static_cast<int>(reader.line());
    std::string country_raw;
    for (size_t i = 0; i < row.size(); ++i) {
      const std::string v(Trim(row[i]));
      const std::string& c = columns[i];
      if (c == "number") d.raw_number = v;
      if (c == "country") country_raw = v;
      if (c == "type") d.type = v;
      if (c == "status") d.status = v;
      if (c == "reported_on") d.reported_on = v;
      if (c == "reference") d.reference = v;
    }
    d.number = targeting::NormalizeDocumentNumber(d.raw_number);
    if (d.number.empty()) {
      return Status::InvalidArgument(where + ", field number: no document number" +
                                     (d.raw_number.empty() ? "" : " in '" + d.raw_number + "'"));
    }
    if (country_raw.empty()) {
      return Status::InvalidArgument(where + ", field country: no issuing state");
    }
    d.country = targeting::CanonicalIssuer(country_raw);
    // An issuer must be a state or an ICAO issuing organisation: a typo
    // would make the record silently unmatchable.
    if (d.country.size() != 2 && !travel::LookupIcaoCode(country_raw)) {
      return Status::InvalidArgument(where + ", field country: unknown issuing state '" +
                                     country_raw + "'");
    }
    const std::string cls = targeting::DocumentClass(d.type);
    if (!d.type.empty() && cls.empty()) {
      return Status::InvalidArgument(where + ", field type: unknown document type '" + d.type +
                                     "' (expected a passport, identity card or visa code: P, "
                                     "I, ID, A, C, V...)");
    }
    d.type = cls;
    out.push_back(std::move(d));
  }
  HUDUD_RETURN_IF_ERROR(reader.status());
  return out;
}

Json DocumentImportJson(const store::DocumentImportSummary& s) {
  return Json{{"source", s.source},
              {"unchanged", s.unchanged},
              {"documents", s.count},
              {"added", s.added},
              {"removed", s.removed}};
}

Json DocumentSourceJson(const store::DocumentSource& s) {
  return Json{{"source", s.source},
              {"documents", s.count},
              {"imported_at", s.imported_at},
              {"imported_by", s.imported_by},
              {"sha256", s.sha256}};
}

Json LostDocumentJson(const store::LostDocument& d) {
  return Json{
      {"number", d.number},       {"raw_number", d.raw_number}, {"country", d.country},
      {"type", d.type},           {"status", d.status},         {"reported_on", d.reported_on},
      {"reference", d.reference}, {"source", d.source},         {"line", d.line}};
}

}  // namespace hudud::api
