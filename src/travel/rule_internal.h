// Internals shared by the rule files (not part of the API; include rules.h):
// the tokens of rule text, the field catalogue with how each field is read
// from a Manifest, and the compiled program that Parse builds and Evaluate
// walks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/date.h"
#include "travel/manifest.h"
#include "travel/rules.h"

namespace hudud::travel::rule_internal {

// ---- Tokens (rule_parser.cc) ----

enum class TokenKind : uint8_t {
  kWord,    // a bare word, number, code or date: anything up to a space or punctuation
  kString,  // "quoted" or 'quoted'; `text` holds the unescaped content
  kLParen,
  kRParen,
  kComma,
  kOp,  // = == != <> < <= > >=; `text` holds the operator
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;   // unescaped for strings
  size_t offset = 0;  // byte offset of the first character in the rule text
  size_t length = 0;  // bytes in the rule text, quotes included
};

// Splits rule text into tokens, the last one kEnd. Fails on invalid UTF-8,
// control characters, a lone '!' and unterminated strings, naming the place.
Result<std::vector<Token>> Tokenize(std::string_view text);

// "column 7" or "line 2, column 7" for a byte offset (columns count
// characters, not bytes).
std::string Where(std::string_view text, size_t offset);
void LineColumn(std::string_view text, size_t offset, int* line, int* column);

// ---- Fields (rule_fields.cc) ----

enum class FieldId : uint8_t {
  kTravellerRole,
  kTravellerType,
  kTravellerGender,
  kAge,
  kTravellerNationality,
  kTravellerResidence,
  kTravellerCheckedIn,
  kTravellerFrequentFlyer,
  kTravellerWithInfant,
  kTravellerServices,
  kDocumentType,
  kDocumentIssuingCountry,
  kDocumentExpiryDays,
  kDocumentCount,
  kFlightCarrier,
  kFlightNumber,
  kFlightOrigin,
  kFlightDestination,
  kFlightOriginCountry,
  kFlightDestinationCountry,
  kFlightDepartureDate,
  kRouteAirports,
  kRouteCountries,
  kRouteLegs,
  kBookingLocator,
  kBookingAgency,
  kBookingAgencyType,
  kBookingAgencyCountry,
  kBookingCreated,
  kBookingLeadDays,
  kBookingOneWay,
  kBookingSameDayReturn,
  kBookingStayDays,
  kBookingPartySize,
  kBookingLegs,
  kPaymentType,
  kPaymentCardVendor,
  kPaymentCash,
  kBagsCount,
  kBagsWeightKg,
  kContactEmailDomain,
  kContactCount,
};
inline constexpr size_t kFieldCount = static_cast<size_t>(FieldId::kContactCount) + 1;

// How literal values for a field are normalised at parse time and compared.
enum class ValueKind : uint8_t {
  kText,     // free text: compared ignoring case
  kCode,     // a code: upper-cased ("ca" = "CA")
  kCountry,  // a country: names and alpha-3 resolved to alpha-2 ("Syria", "SYR" -> "SY")
  kAirport,  // an IATA airport code: upper-cased
  kGender,   // M, F, U, X (male/female accepted)
  kRole,     // passenger, crew, transit-passenger, transit-crew
  kNumber,
  kDate,  // compared as day numbers
  kBool,
};

enum class FieldType : uint8_t { kText, kNumber, kBool, kDate };
std::string_view ToString(FieldType type);  // "text", "number", "bool", "date"

struct FieldDef {
  FieldId id;
  std::string_view name;
  FieldType type;
  bool list;
  std::string_view meaning;
  ValueKind kind;
};

// Indexed by FieldId.
const FieldDef& Field(FieldId id);
// Case-insensitive; nullptr when unknown.
const FieldDef* FindField(std::string_view name);
// The closest known field name within a small edit distance, or "".
std::string_view SuggestField(std::string_view name);

// A field's values for one traveller.
struct FieldValues {
  // Text kinds: the values as shown (codes upper-cased, countries as
  // alpha-2) and, at the same index, their comparison keys (TextKey), each
  // key once. Number, date (day number) and bool (0/1) kinds: `numbers`.
  std::vector<std::string> texts;
  std::vector<std::string> keys;
  std::vector<double> numbers;
  std::string note;  // shown after the values: "no country known for XYZ"

  bool empty() const { return texts.empty() && numbers.empty(); }
};

// What a traveller's fields are read from, resolved once per evaluation.
struct TravellerData {
  const Manifest* manifest = nullptr;
  bool valid = false;                    // the traveller index was in range
  const Traveller* traveller = nullptr;  // never null (an empty one when out of range)
  const Booking* booking = nullptr;      // nullptr when the traveller has none
  int booking_index = -1;
  model::PartialDate reference;  // the first departure date, else the context's today
};
TravellerData ResolveTraveller(const Manifest& manifest, size_t traveller,
                               const RuleContext& context);

// Fills `out` (cleared first) with field `id` of `data`.
void ReadField(FieldId id, const TravellerData& data, FieldValues* out);

// The values as an officer reads them ("GB, TR", "24", "yes", "2026-03-01"),
// or "no value".
std::string ShowValues(const FieldDef& field, const FieldValues& values);

// Days since 1970-01-01 for a full date; nullopt otherwise.
std::optional<long> DayNumber(const model::PartialDate& date);
std::string DateFromDayNumber(long day);

// The comparison key of text: ASCII upper-cased and trimmed; text with other
// characters is folded (text::FoldText) and upper-cased in its ASCII part.
std::string TextKey(std::string_view text);
// Resolves a country as written to alpha-2, or its upper-cased form when it
// names no known country. Cached: cheap to call per traveller.
std::string CountryKey(std::string_view text);

// ---- The compiled program (rule_parser.cc builds it, rules.cc runs it) ----

enum class Op : uint8_t {
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,
  kNotIn,
  kBetween,
  kNotBetween,
  kContains,
  kNotContains,
  kExists,
  kEmpty,
  kIsTrue,  // a bare yes/no field
};

struct Literal {
  std::string key;    // text kinds: the comparison key
  double number = 0;  // number, date (day number) and bool kinds
};

struct Condition {
  FieldId field;
  Op op;
  std::vector<Literal> values;  // = etc.: 1; in: n; between: 2 (low, high)
  std::string source;           // normalised source text
};

struct Node {
  enum class Kind : uint8_t { kAnd, kOr, kNot, kLeaf };
  Kind kind = Kind::kLeaf;
  std::vector<int> children;  // node indices (kAnd, kOr: 2 or more; kNot: 1)
  int condition = -1;         // kLeaf: index into Program::conditions
  bool parenthesised = false;
};

}  // namespace hudud::travel::rule_internal

namespace hudud::travel {

struct RuleExpression::Program {
  std::string text;       // as given
  std::string canonical;  // see RuleExpression::Canonical
  std::vector<rule_internal::Condition> conditions;
  std::vector<rule_internal::Node> nodes;
  int root = -1;
  // The distinct fields used, in order of first use; Condition fields index
  // into per-evaluation value slots through `slot`.
  std::vector<rule_internal::FieldId> fields;
  std::vector<int> slot;  // by condition: index into `fields`
};

namespace rule_internal {
Result<std::shared_ptr<const RuleExpression::Program>> Compile(std::string_view text);
}  // namespace rule_internal

}  // namespace hudud::travel
