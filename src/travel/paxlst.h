// Reading PAXLST, the UN/EDIFACT Advance Passenger Information message, into
// the passenger-message model: one Manifest per flight. One tolerant reader
// serves directories D02B, D05B and D15B alike, because it follows segment
// tags and qualifiers, never the version a message declares.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "travel/manifest.h"

namespace hudud::travel {

// At most this many person records (NAD+FL/FM/DDU/DDT) are read from one
// input; more is refused as hostile rather than read partly.
inline constexpr size_t kPaxlstMaxPersons = 100000;

// Reads every interchange in `bytes` (several may be concatenated, each with
// its own transport header and footer), each holding one or more UNH..UNT
// PAXLST messages, and returns one Manifest per flight, in the order the
// flights first appear.
//
// Joining: the parts of a multi-part message (UNH S010 "01:C", "02", ...,
// "NN:F", sharing the common access reference 0068) are joined into one
// Manifest, as are separate messages about the same flight (same first leg:
// flight id and departure date), e.g. a passenger list and a crew list.
// Legs repeated by each part are kept once; travellers are kept in message
// order; `parts` counts the messages joined; `complete` is false while a
// multi-part message lacks its final part (a message without S010 is
// complete). Header fields (sender, references, version "D:05B" from UNH
// S009 or else UNG, BGM document type and function, RFF+TN, NAD+MS) come from
// the first message of the flight.
//
// Tolerated and reported, never fatal:
//  - on the Manifest (`warnings`, each naming the segment number and line):
//    unknown or misplaced segments (kept there as sent), UNT/UNE/UNZ counts
//    or references that do not match, CNT+42/41 totals that differ from the
//    passenger/crew records read across all parts, missing parts, bad flight
//    dates, EDIFACT syntax warnings;
//  - on the Traveller (`findings`, field such as "DTM+329"): a bad or missing
//    field (date, gender, surname, document number, nationality), codes that
//    are not ICAO 9303 codes, references the model has no field for, a person
//    record before any flight leg. The traveller is always kept; a document
//    sent without a number is kept with an empty number.
//
// Fails, with the segment number, line and reason, when a message cannot be
// read at all: no interchange, an invalid segment tag, no UNH, a UNH that is
// not PAXLST, a message without BGM, or more than kPaxlstMaxPersons persons.
// Two-digit years are resolved against `options.today` (travel_dates.h).
// Never throws; work is linear in the input.
Result<std::vector<Manifest>> ParsePaxlstFlights(std::string_view bytes,
                                                 const ParseOptions& options = {});

// As ParsePaxlstFlights, for input about one flight (the CLI screens one
// flight per call): fails, naming the flights, when `bytes` holds more.
Result<Manifest> ParsePaxlst(std::string_view bytes, const ParseOptions& options = {});

}  // namespace hudud::travel
