// Internal to lists/: the parts of the FollowTheMoney data model that the FtM
// reader (ftm_json.cc) and writer (export.cc) share: which schemata exist,
// which are screening targets, which identifier properties each target
// schema has, the topic vocabulary, and FtM's country and date values.
// Taken from followthemoney 3.8.4's model (defaultModel.json, as shipped in
// the @alephdata/followthemoney npm package; MIT licence).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/date.h"
#include "model/entity.h"

namespace hudud::lists::ftm {

// Person -> person; Organization, Company, LegalEntity, PublicBody ->
// organization; Vessel -> vessel; Airplane -> aircraft; anything else nullopt.
std::optional<model::EntityKind> TargetKind(std::string_view schema);

// True for every schema of the FtM model (targets, helpers such as Sanction
// or Address, links such as Ownership, documents such as Article).
bool IsKnownSchema(std::string_view schema);

// True when `child` is `parent` or inherits from it among the target
// schemata (Company is an Organization is a LegalEntity).
bool IsSchemaOrChild(std::string_view child, std::string_view parent);

// True when `property` is an identifier property of `schema` that names a
// registry or document number (passportNumber, innCode, imoNumber, ...).
// programId, wikidataId and icaoCode (an aircraft model code) are not.
bool IsIdentifierProperty(std::string_view schema, std::string_view property);

// True when `property` is an identifier property of any target schema.
bool IsAnyIdentifierProperty(std::string_view property);

// True for the values of FtM's topic type ("sanction", "crime.terror", ...).
bool IsTopic(std::string_view value);

// An FtM country value ("iq", "suhh", "ua-dpr") as an upper-case code:
// the ISO alpha-2 code when it resolves, else the OpenSanctions code
// upper-cased ("SUHH"); "" when the value is no code at all.
std::string CountryCode(std::string_view value);

// An FtM date ("1971", "1971-01", "1971-01-22", possibly followed by a time
// "T10:00:00"), or nullopt when the value is not one.
std::optional<model::PartialDate> ParseDate(std::string_view value);

// `text` made a valid FtM entity id: letters, digits, '.' and '-' only,
// starting and ending with a letter or digit (other characters become '-').
std::string CleanId(std::string_view text);

}  // namespace hudud::lists::ftm
