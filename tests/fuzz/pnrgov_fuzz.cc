// libFuzzer target for the PNRGOV reader and the SSR free-text readers: any
// bytes must give a Manifest or an error, never a crash, a hang or undefined
// behaviour. Seed it with tests/data/travel/pnrgov/*.edi.
//
//   clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Isrc \
//     tests/fuzz/pnrgov_fuzz.cc src/travel/{edifact,manifest,travel_dates,pnrgov,ssr}.cc \
//     src/model/*.cc src/text/*.cc src/base/status.cc \
//     $(pkg-config --cflags --libs icu-uc icu-i18n) -o /tmp/pnrgov_fuzz
//   /tmp/pnrgov_fuzz -max_total_time=120 /tmp/corpus tests/data/travel/pnrgov
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "travel/pnrgov.h"
#include "travel/ssr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  hudud::travel::ParseOptions options;
  options.today = {2026, 3, 1};  // fixed, so a crash reproduces on any day
  hudud::Result<hudud::travel::Manifest> m = hudud::travel::ParsePnrgov(bytes, options);
  if (m.ok()) {
    // Touch what the parser built, so ASan sees any dangling index.
    for (const auto& b : m->bookings) {
      for (size_t t : b.travellers) {
        if (t >= m->travellers.size()) __builtin_trap();
      }
    }
    for (const auto& t : m->travellers) {
      if (t.booking >= static_cast<int>(m->bookings.size())) __builtin_trap();
    }
  }
  (void)hudud::travel::ParseDocs(bytes, options);
  (void)hudud::travel::ParseDoco(bytes, options);
  (void)hudud::travel::ParseDoca(bytes, options);
  (void)hudud::travel::ParseInft(bytes, options);
  return 0;
}
