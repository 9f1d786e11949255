// Reading IATA PADIS PNRGOV EDIFACT pushes (PNR data sent by a carrier to a
// state) into the shared Manifest model: one tolerant reader for the
// implementation guides 10.1 to 13.1 and later, and for the deviations of real
// traffic (missing RCI, IFT inside the ticket group, codeshare written either
// way, arrival date omitted, titles run into names).
#pragma once

#include <string_view>

#include "base/status.h"
#include "travel/manifest.h"

namespace hudud::travel {

// Reads every interchange in `bytes` (several may be concatenated, each with
// its own UNA/UNB..UNZ and transport header) and joins every PNRGOV message
// in them (the parts of a multi-part push, UNH S010 "01:C" .. "NN:F") into
// one Manifest: format kPnrgov, version from UNH S009 ("11:1"), document_type
// the MSG function ("22" push, "141" update), the pushed flight (level-0 TVL)
// in `flights`, the level-0 ORG in reporting_party, the level-0 EQN in
// declared_bookings, one Booking per SRC group and one Traveller per name in
// a TIF of the traveller group (group names and infants included; an infant
// named only in SSR INFT or in a DOCS with gender MI/FI gets a record of its
// own with passenger_type "IN"). `parts` counts the messages joined,
// `complete` says whether the final part was seen.
//
// Sensitive SSRs (meal, medical; see IsSensitiveSsrCode) are deleted on
// receipt: counted in sensitive_deleted, reported by a Finding that does not
// name the code, stored nowhere. Other SSR codes are listed in the
// traveller's `services`.
//
// Fails with the segment number and the reason when the input holds no
// EDIFACT interchange, a segment has no valid tag, or there is no PNRGOV
// message (no UNH, or only UNHs of other messages). Everything else is
// tolerated: a bad field of a traveller (a date, a DOCS with too few fields,
// a gender) is a Finding on that traveller, which is kept; a bad field of a
// booking or flight, a UNT or UNZ count that does not add up, an EQN that
// disagrees with the PNRs read, missing parts, an unknown or misplaced
// segment are Manifest warnings. Work is linear in the input size.
Result<Manifest> ParsePnrgov(std::string_view bytes, const ParseOptions& options = {});

}  // namespace hudud::travel
