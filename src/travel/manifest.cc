// Small accessors of the passenger-message model.
#include "travel/manifest.h"

namespace hudud::travel {

std::string_view ToString(MessageFormat format) {
  return format == MessageFormat::kPaxlst ? "paxlst" : "pnrgov";
}

std::string_view ToString(TravellerRole role) {
  switch (role) {
    case TravellerRole::kPassenger:
      return "passenger";
    case TravellerRole::kCrew:
      return "crew";
    case TravellerRole::kTransitPassenger:
      return "transit-passenger";
    case TravellerRole::kTransitCrew:
      return "transit-crew";
  }
  return "passenger";
}

std::string PersonName::Full() const {
  std::string out;
  for (const auto& g : given) {
    if (g.empty()) continue;
    if (!out.empty()) out += ' ';
    out += g;
  }
  if (!surname.empty()) {
    if (!out.empty()) out += ' ';
    out += surname;
  }
  return out;
}

std::string Payment::MaskedAccount() const {
  if (account.size() <= 4) return account;
  return std::string(account.size() - 4, 'X') + account.substr(account.size() - 4);
}

size_t Manifest::CrewCount() const {
  size_t crew = 0;
  for (const Traveller& t : travellers) crew += IsCrew(t.role);
  return crew;
}

std::string FlightLeg::Id() const { return carrier + number; }

}  // namespace hudud::travel
