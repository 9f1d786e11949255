// The watchlist entity model: who or what is listed, under which names, with
// which identifying facts. Plain data; parsing lives in lists/, matching in
// match/, persistence in store/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"

namespace hudud::model {

enum class EntityKind : uint8_t { kPerson, kOrganization, kVessel, kAircraft, kUnknown };
std::string_view ToString(
    EntityKind kind);  // "person", "organization", "vessel", "aircraft", "unknown"
// Accepts the ToString forms and "individual", "entity", "org", "company" (any case).
std::optional<EntityKind> ParseEntityKind(std::string_view s);

enum class Gender : uint8_t { kUnknown, kMale, kFemale };
std::string_view ToString(Gender g);  // "unknown", "male", "female"
// Accepts male/female/m/f (any case); anything else is nullopt.
std::optional<Gender> ParseGender(std::string_view s);

enum class NameKind : uint8_t {
  kPrimary,         // the name the list designates the entity by
  kGoodAlias,       // a.k.a. of good quality: as strong as the primary name
  kLowAlias,        // low-quality a.k.a. (UN "Low", OFAC "weak"): a match alone is weak
  kOriginalScript,  // the name in its original script (UN NAME_ORIGINAL_SCRIPT)
  kFormerName,      // f.k.a.
};
std::string_view ToString(
    NameKind kind);  // "primary", "good-alias", "low-alias", "original-script", "former"
std::optional<NameKind> ParseNameKind(std::string_view s);

enum class NamePartRole : uint8_t { kGiven, kFamily, kPatronymic, kMiddle, kWhole, kOther };

struct NamePart {
  NamePartRole role = NamePartRole::kOther;
  std::string text;
};

struct Name {
  std::string full;             // as written by the list, UTF-8
  std::vector<NamePart> parts;  // when the list gives them (UN FIRST_NAME..FOURTH_NAME)
  NameKind kind = NameKind::kPrimary;
  std::string note;
};

// A place (of birth) or an address; any field may be empty.
struct Place {
  std::string street;
  std::string city;
  std::string state;
  std::string zip;
  std::string country;       // as written by the list
  std::string country_code;  // ISO 3166-1 alpha-2 when resolved, else empty
  std::string note;
};

struct Document {
  std::string type;             // as written ("Passport", "National Identification Number", ...)
  std::string type2;            // UN TYPE_OF_DOCUMENT2
  std::string number;           // as written
  std::string issuing_country;  // as written
  std::string country_code;     // ISO alpha-2 of the issuing country when resolved
  std::string issue_date;       // as written
  std::string issue_city;
  std::string note;
};

struct Nationality {
  std::string text;          // as written ("Iraq", "Syrian Arab Republic")
  std::string country_code;  // ISO alpha-2 when resolved
};

struct Entity {
  std::string id;         // unique across lists: "<list_id>:<source id>", e.g. "un:6907993"
  std::string list_id;    // "un", "ofac-sdn", ...
  std::string source_id;  // the list's own record id (UN DATAID)
  std::string reference;  // the list's reference number (UN REFERENCE_NUMBER, e.g. "QDi.001")
  EntityKind kind = EntityKind::kUnknown;
  std::vector<Name> names;  // names[0] is the primary name when the list has one
  std::vector<DateOfBirth> dates_of_birth;
  std::vector<Place> places_of_birth;
  std::vector<Nationality> nationalities;
  Gender gender = Gender::kUnknown;
  std::vector<Document> documents;
  std::vector<Place> addresses;
  std::vector<std::string> titles;        // "Mullah", "Haji", ...
  std::vector<std::string> designations;  // functions/positions
  std::string program;                    // sanctions regime (UN_LIST_TYPE: "Al-Qaida", "DRC", ...)
  std::vector<std::string> list_types;    // UN LIST_TYPE values
  std::string listed_on;                  // ISO date "YYYY-MM-DD" or empty
  std::vector<std::string> last_updated;  // ISO dates
  std::string version;                    // the list's record version (UN VERSIONNUM)
  std::string comments;
};

}  // namespace hudud::model
