// Format detection in front of the PAXLST and PNRGOV readers.
#include "travel/passenger_message.h"

#include <string>

#include "travel/edifact.h"
#include "travel/paxlst.h"
#include "travel/pnrgov.h"

namespace hudud::travel {

Result<Manifest> ParsePassengerMessage(std::string_view bytes, std::string_view hint,
                                       const ParseOptions& options) {
  std::string format(hint);
  if (format == "auto" || format.empty()) {
    if (LooksLikeEdifactMessage(bytes, "PAXLST")) {
      format = "paxlst";
    } else if (LooksLikeEdifactMessage(bytes, "PNRGOV")) {
      format = "pnrgov";
    } else {
      return Status::InvalidArgument(
          "not a passenger message: no UNH header naming PAXLST or PNRGOV was found");
    }
  }
  if (format == "paxlst") return ParsePaxlst(bytes, options);
  if (format == "pnrgov") return ParsePnrgov(bytes, options);
  return Status::InvalidArgument("unknown message format '" + format +
                                 "' (expected auto, paxlst or pnrgov)");
}

}  // namespace hudud::travel
