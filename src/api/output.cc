// JSON and text rendering of screening results.
#include "api/output.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

#include "match/explanation_json.h"
#include "model/date.h"

namespace hudud::api {

namespace {

// Terminal columns taken by a UTF-8 string, approximately: one per code
// point, none for combining marks (enough to line up Latin, Cyrillic and
// Arabic token tables).
size_t DisplayWidth(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 1;
    uint32_t cp = 0;
    if (len == 2 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    }
    // Combining diacritics (U+0300..036F) and Arabic harakat (U+064B..065F).
    bool combining = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x64B && cp <= 0x65F);
    if (!combining) ++width;
    i += len;
  }
  return width;
}

std::string PadRight(std::string_view s, size_t width) {
  std::string out(s);
  size_t w = DisplayWidth(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

void AddUnique(std::string value, std::vector<std::string>* values) {
  if (value.empty()) return;
  if (std::find(values->begin(), values->end(), value) == values->end()) {
    values->push_back(std::move(value));
  }
}

std::string Join(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += separator;
    out += values[i];
  }
  return out;
}

std::string SignedDelta(double delta) { return fmt::format("{:+.3f}", delta); }

}  // namespace

std::string FormatScore(double score) { return fmt::format("{:.4f}", score); }

std::string FormatThreshold(double threshold) { return fmt::format("{:.2f}", threshold); }

double RoundScore(double score) { return match::RoundScore(score); }

std::string DumpJson(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json QueryJson(const match::Query& query) {
  Json j = Json::object();
  j["names"] = query.names;
  if (query.dob) j["dob"] = query.dob->ToString();
  if (!query.nationality.empty()) j["nationality"] = query.nationality;
  if (!query.document.empty()) j["doc"] = query.document;
  if (!query.document_country.empty()) j["doc_country"] = query.document_country;
  if (query.gender) j["gender"] = std::string(model::ToString(*query.gender));
  if (query.kind) j["type"] = std::string(model::ToString(*query.kind));
  j["threshold"] = query.threshold;
  j["limit"] = query.limit;
  return j;
}

// One shape for hits and for the explanations alerts keep: built in match/.
Json ExplanationJson(const match::Explanation& e) { return match::ExplanationToJson(e); }

Json HitJson(const match::Hit& hit, bool with_name_kind) {
  Json j = Json::object();
  j["entity_id"] = hit.entity_id;
  j["list"] = hit.list_id;
  j["score"] = RoundScore(hit.score);
  j["matched_name"] = hit.explanation.listed_name;
  if (with_name_kind) {
    j["name_kind"] = std::string(model::ToString(hit.explanation.listed_name_kind));
  }
  j["explanation"] = ExplanationJson(hit.explanation);
  return j;
}

std::string DescribeQuery(const match::Query& query) {
  std::string out;
  for (size_t i = 0; i < query.names.size(); ++i) {
    if (i > 0) out += " / ";
    out += "\"" + query.names[i] + "\"";
  }
  if (query.dob) out += "; dob " + query.dob->ToString();
  if (!query.nationality.empty()) out += "; nationality " + query.nationality;
  if (!query.document.empty()) {
    out += "; doc " + query.document;
    if (!query.document_country.empty()) out += " (" + query.document_country + ")";
  }
  if (query.gender) out += "; " + std::string(model::ToString(*query.gender));
  if (query.kind) out += "; type " + std::string(model::ToString(*query.kind));
  return out;
}

void AppendExplanationText(const match::Explanation& e, const std::string& indent,
                           std::string* out) {
  *out +=
      fmt::format("{}matched \"{}\" ({}) with query \"{}\": name score {}\n", indent, e.listed_name,
                  model::ToString(e.listed_name_kind), e.query_name, FormatScore(e.name_score));
  if (!e.tokens.empty()) {
    size_t qw = 0, lw = 0;
    for (const match::TokenAlignment& t : e.tokens) {
      qw = std::max(qw, DisplayWidth(t.query_token.empty() ? "-" : t.query_token));
      lw = std::max(lw, DisplayWidth(t.listed_token.empty() ? "-" : t.listed_token));
    }
    *out += indent + "tokens:\n";
    for (const match::TokenAlignment& t : e.tokens) {
      std::string q = t.query_token.empty() ? "-" : t.query_token;
      std::string l = t.listed_token.empty() ? "-" : t.listed_token;
      std::string line =
          fmt::format("{}  {} ~ {}  {:<16} sim {:.2f}  weight {:.2f}", indent, PadRight(q, qw),
                      PadRight(l, lw), t.how, t.similarity, t.weight);
      // The romanised forms are what was actually compared; show them when
      // they differ from what is written, which is where a reviewer needs them.
      if ((!t.query_latin.empty() || !t.listed_latin.empty()) &&
          (t.query_latin != t.query_token || t.listed_latin != t.listed_token)) {
        line += fmt::format("  ({} / {})", t.query_latin.empty() ? "-" : t.query_latin,
                            t.listed_latin.empty() ? "-" : t.listed_latin);
      }
      *out += line + "\n";
    }
  }
  if (!e.evidence.empty()) {
    *out += indent + "evidence:\n";
    for (const match::Evidence& ev : e.evidence) {
      *out += fmt::format("{}  {:<12} {:<10} query {} / listed {}  {}\n", indent, ev.field,
                          ev.verdict, ev.query_value.empty() ? "-" : ev.query_value,
                          ev.listed_value.empty() ? "-" : ev.listed_value, SignedDelta(ev.delta));
    }
  }
  if (!e.summary.empty()) *out += fmt::format("{}summary: {}\n", indent, e.summary);
}

void AppendHitText(const match::Hit& hit, const model::Entity& entity, int rank, std::string* out) {
  const std::string primary = entity.names.empty() ? "(no name)" : entity.names.front().full;
  *out +=
      fmt::format("#{}  score {}  {}  {}\n", rank, FormatScore(hit.score), hit.entity_id, primary);
  std::string facts = fmt::format("list {}, {}", hit.list_id, model::ToString(entity.kind));
  if (!entity.reference.empty()) facts += ", " + entity.reference;
  if (!entity.program.empty()) facts += " (" + entity.program + ")";
  // Lists repeat dates and nationalities (the UN list gives some twice);
  // the officer needs each once.
  std::vector<std::string> dobs, nationalities;
  for (const model::DateOfBirth& dob : entity.dates_of_birth) AddUnique(dob.ToString(), &dobs);
  for (const model::Nationality& n : entity.nationalities) AddUnique(n.text, &nationalities);
  if (!dobs.empty()) facts += "; born " + Join(dobs, " or ");
  if (!nationalities.empty()) facts += "; nationality " + Join(nationalities, ", ");
  *out += "    " + facts + "\n";
  AppendExplanationText(hit.explanation, "    ", out);
}

}  // namespace hudud::api
