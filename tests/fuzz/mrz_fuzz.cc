// Fuzz target for travel/mrz.h: any bytes, split into lines, must parse or be
// refused with a Status, never crash. Also drives the one-text entry point
// and the parsed document's accessors.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "travel/mrz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // A fixed reference date keeps runs reproducible.
  const hudud::model::PartialDate today{2026, 1, 15};

  std::vector<std::string> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  hudud::Result<hudud::travel::Mrz> r = hudud::travel::ParseMrz(lines, today);
  if (r.ok()) {
    const hudud::travel::Mrz& m = *r;
    (void)m.valid();
    (void)m.gender();
    (void)m.IsExpired(today);
    for (const hudud::travel::MrzCheck& c : m.checks) (void)m.check(c.field);
  }
  (void)hudud::travel::ParseMrzText(text, today);
  (void)hudud::travel::LookupIcaoCode(text.substr(0, 4));
  return 0;
}
