// Countries: resolve what lists and travellers write ("Iraq", "Syrian Arab
// Republic", "IRQ", "Ирак", "العراق", "Russian Federation") to ISO 3166-1
// alpha-2 codes, so nationalities and issuing states compare as codes.
#pragma once

#include <string>
#include <string_view>

namespace hudud::model {

// Returns the ISO 3166-1 alpha-2 code ("IQ") for a country name in English,
// French, Russian or Arabic (ICU's region names plus the UN's official long
// forms and common variants), an alpha-2 or alpha-3 code, or an ICAO 9303
// document code ("D" = Germany). Case, accents and punctuation are ignored.
// Returns "" when the text names no country it knows.
// Thread-safe (the tables are built once, on first use).
std::string ResolveCountryCode(std::string_view text);

// The English short name for an alpha-2 code ("IQ" -> "Iraq"); "" if unknown.
std::string CountryName(std::string_view alpha2);

}  // namespace hudud::model
