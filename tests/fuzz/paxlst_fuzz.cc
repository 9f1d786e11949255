// libFuzzer target for ParsePaxlstFlights (travel/paxlst.cc) and, under it,
// the EDIFACT syntax layer: any bytes must give a result or an error, never
// a crash, a sanitizer report or unbounded work. Seed with
// tests/data/travel/paxlst/.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "travel/paxlst.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  hudud::travel::ParseOptions options;
  options.today = {2024, 11, 4};  // deterministic century rules
  hudud::Result<std::vector<hudud::travel::Manifest>> flights =
      hudud::travel::ParsePaxlstFlights(bytes, options);
  if (flights.ok()) {
    // Touch what callers read, so a bad object would be noticed.
    for (const hudud::travel::Manifest& m : *flights) {
      for (const hudud::travel::Traveller& t : m.travellers) (void)t.name.Full();
    }
  }
  (void)hudud::travel::ParsePaxlst(bytes, options);
  return 0;
}
