// Rendering of queries, hits and explanations, as JSON (for tools) and as
// text (for an officer at a terminal). The JSON shapes are a contract: other
// programs parse them.
#pragma once

#include <string>

#include "api/json.h"
#include "match/screener.h"
#include "model/entity.h"

namespace hudud::api {

// Formats a score the way every output shows it: "%.4f".
std::string FormatScore(double score);
// Formats a threshold for messages: "0.80".
std::string FormatThreshold(double threshold);
// Rounds to four decimals so JSON scores read like the text output.
double RoundScore(double score);

// One line of JSON. Invalid UTF-8 in user input is replaced (U+FFFD) rather
// than making the dump throw.
std::string DumpJson(const Json& value);

// {"names":[..],"dob":..,"nationality":..,"doc":..,"doc_country":..,
//  "gender":..,"type":..,"threshold":..,"limit":..}; unset fields omitted.
Json QueryJson(const match::Query& query);

// The full explanation: {"query_name","listed_name","listed_name_kind",
// "name_score","tokens":[..],"evidence":[..],"summary"}, as
// match::ExplanationToJson builds it (the shape alerts keep, too).
Json ExplanationJson(const match::Explanation& explanation);

// {"entity_id","list","score","matched_name",["name_kind",]"explanation"}.
// `with_name_kind` is set for `screen --json`; batch lines leave it out.
Json HitJson(const match::Hit& hit, bool with_name_kind);

// "“Ayman al-Zawahiri”; dob 1951-06-19; nationality EG" for headings.
std::string DescribeQuery(const match::Query& query);

// Appends a human-readable hit: rank, score, entity id, the listed entity,
// and its explanation (token alignments, evidence with deltas, summary).
void AppendHitText(const match::Hit& hit, const model::Entity& entity, int rank, std::string* out);

// Appends the explanation alone, each line prefixed with `indent`.
void AppendExplanationText(const match::Explanation& explanation, const std::string& indent,
                           std::string* out);

}  // namespace hudud::api
