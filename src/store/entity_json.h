// The stored form of a model::Entity: canonical, compact JSON.
//
// This is a persistence format, so its field names and enum codes are owned
// here and never change with display names elsewhere: a database written
// today must load tomorrow. "Canonical" means the same entity always yields
// the same bytes (keys sorted, empty fields omitted), so a hash of the JSON
// tells whether an entity changed between two list versions.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "model/entity.h"

namespace hudud::store {

// Serializes every field of `entity`. Never fails: invalid UTF-8 in a string
// is replaced (U+FFFD) rather than rejected, because the list parsers are
// the place to validate text.
std::string EntityToJson(const model::Entity& entity);

// Parses the output of EntityToJson. Unknown keys are ignored (a newer
// writer may add fields); a wrong type or unknown enum code is Corruption.
Result<model::Entity> EntityFromJson(std::string_view json);

// Storage codes of the enums, exposed so the store can fill its SQL columns
// (entities.kind, names.kind) with the same words the JSON uses.
std::string_view EntityKindCode(model::EntityKind kind);
std::string_view NameKindCode(model::NameKind kind);

}  // namespace hudud::store
