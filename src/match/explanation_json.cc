// The JSON form of a match explanation (match/explanation_json.h).
#include "match/explanation_json.h"

#include <cmath>
#include <utility>

namespace hudud::match {
namespace {

using Json = nlohmann::ordered_json;

}  // namespace

double RoundScore(double score) { return std::round(score * 10000.0) / 10000.0; }

Json ExplanationToJson(const Explanation& e) {
  Json tokens = Json::array();
  for (const TokenAlignment& t : e.tokens) {
    tokens.push_back({{"query_token", t.query_token},
                      {"listed_token", t.listed_token},
                      {"query_latin", t.query_latin},
                      {"listed_latin", t.listed_latin},
                      {"how", t.how},
                      {"similarity", RoundScore(t.similarity)},
                      {"weight", RoundScore(t.weight)}});
  }
  Json evidence = Json::array();
  for (const Evidence& ev : e.evidence) {
    evidence.push_back({{"field", ev.field},
                        {"query_value", ev.query_value},
                        {"listed_value", ev.listed_value},
                        {"verdict", ev.verdict},
                        {"delta", RoundScore(ev.delta)}});
  }
  return {{"query_name", e.query_name},
          {"listed_name", e.listed_name},
          {"listed_name_kind", std::string(model::ToString(e.listed_name_kind))},
          {"name_score", RoundScore(e.name_score)},
          {"tokens", std::move(tokens)},
          {"evidence", std::move(evidence)},
          {"summary", e.summary}};
}

std::string ExplanationJsonText(const Explanation& e) {
  return ExplanationToJson(e).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace hudud::match
