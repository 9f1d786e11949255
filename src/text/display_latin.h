// The Latin form of a name shown to people beside the original script
// ("محمد الظواهري" -> "Mohamed al-Zwahri"), as opposed to the matching keys
// of romanize.h. Common forenames and surnames take the spelling most
// countries use for them (data/names, CC0); other words are romanised by
// rule and capitalised; the Arabic article becomes "al-".
#pragma once

#include <string>
#include <string_view>

namespace hudud::text {

// Words are separated by single spaces (punctuation goes); Latin words are
// reduced to ASCII and capitalised like the others; "" when `name` has no
// letters. Never fails (invalid UTF-8 is dropped). Thread-safe.
std::string DisplayLatin(std::string_view name);

}  // namespace hudud::text
