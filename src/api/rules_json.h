// Targeting rules as JSON (`hudud rules list/show/fields --json`, GET
// /v1/rules...) and a rule tried against the flights kept in the database
// (`hudud rules test`, POST /v1/rules/{name}/test).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "api/json.h"
#include "base/status.h"
#include "store/rules.h"
#include "store/store.h"
#include "travel/rules.h"

namespace hudud::api {

// {"name","version","state","expression","justification","owner",
//  "created_by","created_at","activated_by","activated_at","retired_at"}.
Json RuleVersionJson(const store::RuleVersion& version);

// `rules show --json`: {"name","versions":[..],"history":[{"version",
// "action","actor","at","detail"}]}.
Json RuleHistoryJson(const std::string& name, const std::vector<store::RuleVersion>& versions,
                     const std::vector<store::RuleEvent>& events);

// `rules fields --json`: [{"name","type","list","meaning"}].
Json RuleFieldsJson();

// What a rule would have done on the flights kept.
struct RuleTestHit {
  std::string traveller;    // the name as the message gives it
  std::string explanation;  // the conditions that held, with the values seen
};
struct RuleTestFlight {
  int64_t manifest = 0;
  std::string flight, format;
  size_t travellers = 0;
  std::vector<RuleTestHit> hits;
};
struct RuleTest {
  std::vector<RuleTestFlight> flights;  // every readable flight, oldest departure first
  size_t unreadable = 0;                // kept messages that no longer parse
  size_t travellers = 0, hits = 0, flights_hit = 0;
};

// Evaluates `rule` on every traveller of the flights kept whose departure
// lies in [from, to] ("YYYY-MM-DD", "" = open).
Result<RuleTest> TestRule(store::Store& store, const travel::RuleExpression& rule,
                          const std::string& from, const std::string& to);

// `rules test --json`: {"rule","expression","flights","unreadable",
// "travellers","hits","flights_hit","results":[{"manifest","flight",
// "format","travellers","hits":[{"traveller","explanation"}]}]}.
Json RuleTestJson(const std::string& label, const std::string& expression, const RuleTest& test);

}  // namespace hudud::api
