// The JSON form of a match explanation: {"query_name", "listed_name",
// "listed_name_kind", "name_score", "tokens": [{"query_token",
// "listed_token", "query_latin", "listed_latin", "how", "similarity",
// "weight"}], "evidence": [{"field", "query_value", "listed_value",
// "verdict", "delta"}], "summary"}, numbers rounded to four decimals.
//
// One shape, built here only: the API answers it with every hit
// (api::ExplanationJson forwards here), and an alert keeps it as it was
// when raised (store::NewAlert::explanation_json, filled by monitor/ and
// screening/, which see the engine but not api/). The shape is a contract:
// the console and other programs parse it, and retention masks the
// traveller's parts of a kept one by these key names.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "match/screener.h"

namespace hudud::match {

// A score as every output shows it: rounded to four decimals.
double RoundScore(double score);

// The explanation as a JSON object (keys in the order above).
nlohmann::ordered_json ExplanationToJson(const Explanation& explanation);

// The same, as one line of JSON text; invalid UTF-8 in a name is replaced
// (U+FFFD) rather than failing.
std::string ExplanationJsonText(const Explanation& explanation);

}  // namespace hudud::match
