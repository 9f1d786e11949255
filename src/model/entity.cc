// Names of the entity model's enums, and parsing them back (model/entity.h).
#include "model/entity.h"

#include <string>

namespace hudud::model {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view ToString(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return "person";
    case EntityKind::kOrganization:
      return "organization";
    case EntityKind::kVessel:
      return "vessel";
    case EntityKind::kAircraft:
      return "aircraft";
    case EntityKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<EntityKind> ParseEntityKind(std::string_view s) {
  const std::string k = Lower(TrimSpaces(s));
  if (k == "person" || k == "individual") return EntityKind::kPerson;
  if (k == "organization" || k == "entity" || k == "org" || k == "company") {
    return EntityKind::kOrganization;
  }
  if (k == "vessel") return EntityKind::kVessel;
  if (k == "aircraft") return EntityKind::kAircraft;
  if (k == "unknown") return EntityKind::kUnknown;
  return std::nullopt;
}

std::string_view ToString(Gender g) {
  switch (g) {
    case Gender::kUnknown:
      return "unknown";
    case Gender::kMale:
      return "male";
    case Gender::kFemale:
      return "female";
  }
  return "unknown";
}

std::optional<Gender> ParseGender(std::string_view s) {
  const std::string k = Lower(TrimSpaces(s));
  if (k == "male" || k == "m") return Gender::kMale;
  if (k == "female" || k == "f") return Gender::kFemale;
  return std::nullopt;
}

std::string_view ToString(NameKind kind) {
  switch (kind) {
    case NameKind::kPrimary:
      return "primary";
    case NameKind::kGoodAlias:
      return "good-alias";
    case NameKind::kLowAlias:
      return "low-alias";
    case NameKind::kOriginalScript:
      return "original-script";
    case NameKind::kFormerName:
      return "former";
  }
  return "primary";
}

// Accepts the ToString forms in any case; nothing else, so that a stored
// kind always round-trips and a typo is caught rather than guessed.
std::optional<NameKind> ParseNameKind(std::string_view s) {
  const std::string k = Lower(TrimSpaces(s));
  if (k == "primary") return NameKind::kPrimary;
  if (k == "good-alias") return NameKind::kGoodAlias;
  if (k == "low-alias") return NameKind::kLowAlias;
  if (k == "original-script") return NameKind::kOriginalScript;
  if (k == "former") return NameKind::kFormerName;
  return std::nullopt;
}

}  // namespace hudud::model
