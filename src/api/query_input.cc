// Validation of screening queries from flags and from JSON batch lines.
#include "api/query_input.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "model/date.h"
#include "model/entity.h"

namespace hudud::api {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// An upper bound on --limit: beyond it output is no longer something a
// person reviews, and the engine's candidate cap makes it meaningless.
constexpr int kMaxLimit = 10000;

std::string FieldName(FieldNaming naming, std::string_view json_name) {
  if (naming == FieldNaming::kJson) return std::string(json_name);
  std::string flag = "--" + std::string(json_name);
  for (char& c : flag) {
    if (c == '_') c = '-';
  }
  return flag;
}

// Quoted value for messages, shortened so one bad line cannot flood stderr.
std::string Quote(std::string_view value) {
  constexpr size_t kMax = 80;
  if (value.size() <= kMax) return fmt::format("'{}'", value);
  return fmt::format("'{}...'", value.substr(0, kMax));
}

// Reads an optional string member; null counts as absent.
Status GetString(const Json& obj, const char* key, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return Status::InvalidArgument(fmt::format("{} must be a string", key));
  *out = it->get_ref<const std::string&>();
  return Status::Ok();
}

// Strips nlohmann's "[json.exception.parse_error.101] " prefix: the reader
// wants the position and the reason, not the library's error id.
std::string JsonErrorText(const char* what) {
  std::string_view text(what);
  if (!text.empty() && text.front() == '[') {
    size_t close = text.find("] ");
    if (close != std::string_view::npos) text.remove_prefix(close + 2);
  }
  return std::string(text);
}

}  // namespace

Status ValidateThreshold(double threshold, std::string_view field) {
  if (!std::isfinite(threshold) || threshold < 0.0 || threshold > 1.0) {
    return Status::InvalidArgument(
        fmt::format("invalid {} {}: expected a number from 0 to 1", field, threshold));
  }
  return Status::Ok();
}

Status ValidateLimit(int limit, std::string_view field) {
  if (limit < 1 || limit > kMaxLimit) {
    return Status::InvalidArgument(
        fmt::format("invalid {} {}: expected 1 to {}", field, limit, kMaxLimit));
  }
  return Status::Ok();
}

Result<match::Query> BuildQuery(const QueryFields& fields, FieldNaming naming,
                                double default_threshold, int default_limit) {
  match::Query query;
  const std::string name_field = FieldName(naming, "name");
  for (const std::string& raw : fields.names) {
    std::string_view name = Trim(raw);
    if (name.empty()) return Status::InvalidArgument(fmt::format("empty {}", name_field));
    query.names.emplace_back(name);
  }
  if (query.names.empty()) return Status::InvalidArgument(fmt::format("missing {}", name_field));

  if (std::string_view dob = Trim(fields.dob); !dob.empty()) {
    std::optional<model::PartialDate> parsed = model::ParsePartialDate(dob);
    if (!parsed) {
      return Status::InvalidArgument(fmt::format(
          "invalid {} {}: expected YYYY, YYYY-MM, YYYY-MM-DD, DD/MM/YYYY or DD Mon YYYY",
          FieldName(naming, "dob"), Quote(dob)));
    }
    query.dob = *parsed;
  }
  query.nationality = std::string(Trim(fields.nationality));
  query.document = std::string(Trim(fields.doc));
  query.document_country = std::string(Trim(fields.doc_country));

  if (std::string_view gender = Trim(fields.gender); !gender.empty()) {
    std::optional<model::Gender> parsed = model::ParseGender(gender);
    if (!parsed) {
      return Status::InvalidArgument(fmt::format("invalid {} {}: expected male or female",
                                                 FieldName(naming, "gender"), Quote(gender)));
    }
    query.gender = *parsed;
  }
  if (std::string_view type = Trim(fields.type); !type.empty()) {
    std::optional<model::EntityKind> parsed = model::ParseEntityKind(type);
    if (!parsed || *parsed == model::EntityKind::kUnknown) {
      return Status::InvalidArgument(
          fmt::format("invalid {} {}: expected person, organization, vessel or aircraft",
                      FieldName(naming, "type"), Quote(type)));
    }
    query.kind = *parsed;
  }
  query.threshold = fields.threshold.value_or(default_threshold);
  HUDUD_RETURN_IF_ERROR(ValidateThreshold(query.threshold, FieldName(naming, "threshold")));
  query.limit = fields.limit.value_or(default_limit);
  HUDUD_RETURN_IF_ERROR(ValidateLimit(query.limit, FieldName(naming, "limit")));
  return query;
}

Result<QueryLine> ParseQueryLine(std::string_view line, double default_threshold, int default_limit,
                                 Json* id) {
  Json obj;
  try {
    obj = Json::parse(line.begin(), line.end());
  } catch (const Json::exception& e) {
    return Status::InvalidArgument("invalid JSON: " + JsonErrorText(e.what()));
  }
  if (!obj.is_object()) return Status::InvalidArgument("expected a JSON object");

  QueryLine out;
  if (auto it = obj.find("id"); it != obj.end()) out.id = *it;
  if (id != nullptr) *id = out.id;

  QueryFields fields;
  if (auto it = obj.find("name"); it != obj.end() && !it->is_null()) {
    if (!it->is_string()) return Status::InvalidArgument("name must be a string");
    fields.names.push_back(it->get_ref<const std::string&>());
  }
  if (auto it = obj.find("names"); it != obj.end() && !it->is_null()) {
    if (!it->is_array()) return Status::InvalidArgument("names must be an array of strings");
    for (const Json& n : *it) {
      if (!n.is_string()) return Status::InvalidArgument("names must be an array of strings");
      fields.names.push_back(n.get_ref<const std::string&>());
    }
  }
  HUDUD_RETURN_IF_ERROR(GetString(obj, "dob", &fields.dob));
  HUDUD_RETURN_IF_ERROR(GetString(obj, "nationality", &fields.nationality));
  HUDUD_RETURN_IF_ERROR(GetString(obj, "doc", &fields.doc));
  HUDUD_RETURN_IF_ERROR(GetString(obj, "doc_country", &fields.doc_country));
  HUDUD_RETURN_IF_ERROR(GetString(obj, "gender", &fields.gender));
  HUDUD_RETURN_IF_ERROR(GetString(obj, "type", &fields.type));
  HUDUD_RETURN_IF_ERROR(GetString(obj, "note", &out.note));
  HUDUD_RETURN_IF_ERROR(GetString(obj, "expect", &out.expect));
  if (auto it = obj.find("threshold"); it != obj.end() && !it->is_null()) {
    if (!it->is_number()) return Status::InvalidArgument("threshold must be a number");
    fields.threshold = it->get<double>();
  }
  if (auto it = obj.find("limit"); it != obj.end() && !it->is_null()) {
    if (!it->is_number_integer() && !it->is_number_unsigned()) {
      return Status::InvalidArgument("limit must be an integer");
    }
    // Clamp before narrowing so 1e12 reports as out of range, not as garbage.
    long long limit =
        it->is_number_unsigned()
            ? static_cast<long long>(std::min<uint64_t>(it->get<uint64_t>(), 1u << 30))
            : it->get<long long>();
    if (limit < -(1 << 30)) limit = -(1 << 30);
    if (limit > (1 << 30)) limit = 1 << 30;
    fields.limit = static_cast<int>(limit);
  }
  Result<match::Query> query =
      BuildQuery(fields, FieldNaming::kJson, default_threshold, default_limit);
  if (!query.ok()) return query.status();
  out.query = std::move(*query);
  return out;
}

}  // namespace hudud::api
