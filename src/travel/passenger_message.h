// Reading a passenger message whatever it is: PAXLST (API) or PNRGOV (PNR),
// told apart by the message type in its first UNH.
#pragma once

#include <string_view>

#include "base/status.h"
#include "travel/manifest.h"

namespace hudud::travel {

// "auto" (detect), "paxlst" or "pnrgov". InvalidArgument for another hint,
// for bytes that hold neither message, and for a message that cannot be
// read (the parsers' errors name the segment).
Result<Manifest> ParsePassengerMessage(std::string_view bytes, std::string_view format_hint,
                                       const ParseOptions& options = {});

}  // namespace hudud::travel
