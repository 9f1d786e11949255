// Turning what a user typed (command-line flags) or sent (one JSON object
// per batch line) into a validated match::Query. Both paths share one
// validator so a query means the same whichever way it arrives.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json.h"
#include "base/status.h"
#include "match/screener.h"

namespace hudud::api {

// A query's fields as text, before validation.
struct QueryFields {
  std::vector<std::string> names;
  std::string dob;
  std::string nationality;
  std::string doc;
  std::string doc_country;
  std::string gender;
  std::string type;
  std::optional<double> threshold;
  std::optional<int> limit;
};

// How error messages name the fields: "--doc-country" on the command line,
// "doc_country" in a batch line.
enum class FieldNaming { kFlags, kJson };

// Validates `fields` and builds the query; `default_threshold` and
// `default_limit` apply when the fields set none. Errors are InvalidArgument
// naming the field and the bad value ("invalid --dob '1975-13-01': ...").
Result<match::Query> BuildQuery(const QueryFields& fields, FieldNaming naming,
                                double default_threshold, int default_limit);

// Checks a threshold / limit given as defaults on the command line.
Status ValidateThreshold(double threshold, std::string_view field);
Status ValidateLimit(int limit, std::string_view field);

// One parsed batch line.
struct QueryLine {
  Json id;  // the line's "id" as given (any JSON value), null when absent
  match::Query query;
  std::string note;    // the optional "note" (used by the demo's sample file)
  std::string expect;  // the optional "expect": the entity id the line should hit
};

// Parses one JSON batch line ({"id":..,"name":..|"names":[..],"dob":..,...}).
// Unknown keys are ignored. On error, `id` (when not null) receives the
// line's id if it could be read, so the error line can still carry it.
Result<QueryLine> ParseQueryLine(std::string_view line, double default_threshold, int default_limit,
                                 Json* id);

}  // namespace hudud::api
