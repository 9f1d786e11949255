// Airports to countries: which ISO 3166-1 state an IATA airport code lies in,
// and which airports serve the same city, so that targeting rules can speak
// of countries ("route.countries in (SY, IQ)") and of returns to the same
// city (LHR out, LGW back) when messages only carry airport codes.
//
// The table is compiled by hand for hudud from public IATA location codes. It
// is incomplete: about 780 airports, all capitals' main airports and the busy
// hubs, with emphasis on the Middle East, North Africa, the Sahel, Central
// Asia, Turkey, Europe and South Asia. Codes whose state was not certain were
// left out, as were airports in disputed territories. An airport not in the
// table has no country: conditions on its country are false and a rule's
// explanation says that no country is known for it.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace hudud::travel {

struct AirportInfo {
  std::string_view iata;     // "LHR"
  std::string_view country;  // ISO 3166-1 alpha-2 of the state it lies in: "GB"
  // IATA metropolitan-area code when the city has several airports in the
  // table ("LON" for LHR, LGW, STN, LTN, LCY, SEN); "" when it has one.
  std::string_view city;
};

// The airport with IATA code `iata` (three letters, any case, surrounding
// spaces ignored); nullopt when it is not in the table. Thread-safe.
std::optional<AirportInfo> LookupAirport(std::string_view iata);

// The ISO alpha-2 country of an airport ("IST" -> "TR"); "" when unknown.
std::string_view AirportCountry(std::string_view iata);

// True when `a` and `b` are the same airport (any case) or two airports of the
// same metropolitan area in the table (LHR and LGW, JFK and EWR, IST and SAW).
// Two unknown, different codes are different cities.
bool SameCity(std::string_view a, std::string_view b);

// Every airport in the table, sorted by code (for documentation and tests).
std::span<const AirportInfo> KnownAirports();

}  // namespace hudud::travel
