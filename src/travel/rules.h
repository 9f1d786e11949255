// The targeting-rules language: the pre-determined criteria ("risk
// indicators", GTAS "user-defined rules") that analysts write over a
// traveller's API and PNR data, parsed once, evaluated against one traveller
// of a Manifest at a time, and explained condition by condition.
//
//   age between 18 and 30 and route.countries in (SY, IQ, TR)
//     and payment.type = CA and booking.one_way
//   (booking.lead_days <= 2 or booking.same_day_return)
//     and not traveller.role = crew and bags.count = 0
//
// Syntax (keywords in any case; docs/RULES.md is the analysts' guide):
//   rule      := or
//   or        := and { OR and }
//   and       := unary { AND unary }
//   unary     := NOT unary | '(' or ')' | condition
//   condition := field (= | != | < | <= | > | >=) value
//              | field [NOT] IN '(' value { ',' value } ')'
//              | field [NOT] BETWEEN value AND value      (inclusive)
//              | field [NOT] CONTAINS value                (text, any case)
//              | field IS [NOT] EMPTY | EXISTS field | field EXISTS
//              | field                                     (a yes/no field)
//   value     := number | YYYY-MM-DD | word | "quoted text" | true | false
// NOT binds tighter than AND, AND tighter than OR. Fields come from a closed
// catalogue (RuleFields()); an unknown field, an operator the field's type
// does not take, or a value of the wrong type is an error at parse time that
// names the line and column.
//
// Missing data never makes a rule hit. A condition on a field without a value
// is "unknown"; NOT of unknown is unknown, AND/OR follow three-valued
// (Kleene) logic, and a rule hits only when it is true. EXISTS / IS EMPTY are
// the only conditions that test for a value.
//
// List fields (route.countries, payment.type, ...) hold several values: a
// positive comparison (=, <, in, between, contains ...) holds when ANY value
// satisfies it; a negated one (!=, not in, not between, not contains) holds
// when NO value satisfies the positive form.
//
// What no rule can do, by design (EU PNR Directive 2016/681 art. 6(4); CJEU
// C-817/19): there is no field for race or ethnic origin, political opinions,
// religion or belief, trade-union membership, health, or sex life and sexual
// orientation, and a rule naming one of them, or a meal or medical service
// code that reveals them, is refused at parse time. There is no code path
// that learns a rule or a threshold from data: every rule and every number in
// it is written by a person.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/date.h"
#include "travel/manifest.h"

namespace hudud::travel {

// Hostile input cannot exhaust the stack or memory: longer or deeper rules
// are refused at parse time.
inline constexpr size_t kMaxRuleLength = 16384;  // bytes of rule text
inline constexpr int kMaxRuleDepth = 64;         // nested parentheses and NOTs

// One field of the catalogue.
struct FieldInfo {
  std::string_view name;     // "booking.lead_days"
  std::string_view type;     // "text", "number", "bool" (yes/no) or "date"
  bool list;                 // several values; comparisons hold for ANY of them
  std::string_view meaning;  // one line for analysts
};

// The closed catalogue of fields a rule may use, in documentation order.
const std::vector<FieldInfo>& RuleFields();

// The special categories of personal data that criteria may never be based
// on (EU PNR Directive art. 6(4), GDPR art. 9).
enum class SensitiveCategory : uint8_t {
  kRaceOrEthnicOrigin,
  kPoliticalOpinions,
  kReligionOrBelief,
  kTradeUnionMembership,
  kHealth,
  kSexLifeOrOrientation,
};
// "race or ethnic origin", "political opinions", "religion or belief",
// "trade-union membership", "health", "sex life or sexual orientation".
std::string_view ToString(SensitiveCategory category);

struct SensitiveFinding {
  SensitiveCategory category;
  std::string token;  // the offending word or code as written ("religion", "MOML")
  int line = 1;       // 1-based
  int column = 1;     // 1-based, in characters
  std::string why;    // "special meal code (Muslim meal)", "word for religion"
};

// The first place where `rule_text` touches a sensitive category, in field
// names, bare words or quoted text: words in English, French, Arabic and
// Russian for the six categories, meal codes (any four-letter code ending in
// ML: MOML, KSML, VGML ...) and medical or disability service codes (MEDA,
// WCHR, BLND, DEAF, OXYG, STCR, MAAS ...). A country name given as a value
// ("United Arab Emirates") is not read word by word. nullopt when clean.
std::optional<SensitiveFinding> FindSensitiveAttribute(std::string_view rule_text);

// OK, or InvalidArgument naming the category, the token and its column.
// RuleExpression::Parse calls it first, so a rule that fails here never
// parses; callers that store rules may call it again at save time.
Status CheckNoSensitiveAttributes(std::string_view rule_text);

struct RuleContext {
  // The date used when a traveller's flight has no departure date (age,
  // document expiry). Empty = today (UTC).
  model::PartialDate today;
};

// The outcome of one condition (a leaf of the expression) for one traveller.
struct ConditionResult {
  std::string condition;   // its source text, spaces normalised: "age between 18 and 30"
  std::string field;       // "age"
  bool fired = false;      // the condition itself held (before any NOT around it)
  bool has_value = false;  // the field had a value for this traveller
  // The value(s) seen, as shown to an officer ("24", "GB, TR, IQ", "yes"), or
  // "no value"; for route.countries also the airports without a known country.
  std::string value;
  bool negated = false;   // under an odd number of NOTs
  bool decisive = false;  // part of the reason for the rule's outcome
};

struct RuleMatch {
  bool hit = false;
  // Every condition of the rule, in source order, evaluated whether or not it
  // mattered, so an officer sees the whole picture.
  std::vector<ConditionResult> conditions;

  // One line: for a hit the decisive conditions joined by AND, each with the
  // value seen ("age between 18 and 30 (age: 24) AND payment.type = CA
  // (payment.type: CA, CC)"); for no hit "no hit: " and the conditions that
  // failed or had no value. A negated condition is prefixed "NOT ".
  std::string Explain() const;
};

// A parsed rule expression. Immutable and cheap to copy (shared state); safe
// to evaluate from many threads at once. Parsing resolves field names,
// operators and literal values once, so evaluation does no parsing.
class RuleExpression {
 public:
  // Parses `text`. Errors (InvalidArgument) name the line and column and what
  // was expected: "column 17: expected a value after 'in ('", "column 1:
  // unknown field 'foo'; did you mean ...; known fields: ...". Rules touching
  // a sensitive category are refused (see CheckNoSensitiveAttributes).
  static Result<RuleExpression> Parse(std::string_view text);

  // The text as given to Parse.
  const std::string& text() const;
  // The fields used, each once, in order of first use.
  std::vector<std::string> fields() const;
  // The canonical form: conditions with normalised spacing, keywords in lower
  // case, parentheses where the source had them.
  std::string Canonical() const;

  // Evaluates the rule for traveller `traveller` of `manifest` (an index into
  // manifest.travellers; out of range = every field without a value) with
  // every condition's outcome and value.
  RuleMatch Evaluate(const Manifest& manifest, size_t traveller,
                     const RuleContext& context = {}) const;
  // Evaluate(...).hit, without building explanations: for scanning many
  // travellers.
  bool Matches(const Manifest& manifest, size_t traveller, const RuleContext& context = {}) const;

  struct Program;  // the compiled form (rule_internal.h)

 private:
  explicit RuleExpression(std::shared_ptr<const Program> program) : program_(std::move(program)) {}
  std::shared_ptr<const Program> program_;
};

}  // namespace hudud::travel
