// Fuzz target for travel/rules.h: any bytes as a targeting rule must parse or
// be refused with a Status, never crash. A rule that parses is evaluated and
// explained for every traveller of a small fixed manifest (PNR data with a
// return itinerary, cash, an infant, a crew member, an unknown airport), and
// checked for two properties: Matches agrees with Evaluate, and the canonical
// text parses again to the same canonical text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "travel/rules.h"

namespace {

using hudud::travel::Booking;
using hudud::travel::DateTime;
using hudud::travel::FlightLeg;
using hudud::travel::Manifest;
using hudud::travel::Traveller;

DateTime Date(int16_t y, int8_t m, int8_t d) {
  DateTime out;
  out.date = {y, m, d};
  return out;
}

FlightLeg Leg(const char* from, const char* to, int8_t day) {
  FlightLeg leg;
  leg.carrier = "KU";
  leg.number = "118";
  leg.origin = from;
  leg.destination = to;
  leg.departure = Date(2026, 3, day);
  return leg;
}

Manifest MakeManifest() {
  Manifest m;
  m.format = hudud::travel::MessageFormat::kPnrgov;
  m.flights = {Leg("IST", "KWI", 14)};
  Booking b;
  b.locator = "ABC123";
  b.created = Date(2026, 3, 12);
  b.agency = "Sunrise Travel";
  b.agency_country = "TR";
  b.itinerary = {Leg("LHR", "IST", 13), Leg("IST", "KWI", 14), Leg("KWI", "LGW", 14),
                 Leg("LGW", "QQQ", 20)};
  b.payments = {{"CA"}, {"CC", "VI"}};
  b.contacts = {{"email", "a@example.com"}};
  b.travellers = {0, 1};
  m.bookings = {b};
  Traveller t0;
  t0.birth_date = Date(2001, 5, 20);
  t0.nationality = "SYR";
  t0.documents = {{"P", "1", "SYR", Date(2026, 4, 1)}};
  t0.services = {"UMNR"};
  t0.bags = 0;
  t0.booking = 0;
  Traveller t1;
  t1.passenger_type = "IN";
  t1.gender_raw = "FI";
  t1.birth_date = Date(2025, 6, 1);
  t1.booking = 0;
  Traveller t2;
  t2.role = hudud::travel::TravellerRole::kCrew;
  t2.nationality = "Absurdistan";
  t2.embarkation = "XYZ";
  m.travellers = {t0, t1, t2};
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Manifest manifest = MakeManifest();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)hudud::travel::FindSensitiveAttribute(text);
  hudud::Result<hudud::travel::RuleExpression> rule = hudud::travel::RuleExpression::Parse(text);
  if (!rule.ok()) return 0;
  hudud::travel::RuleContext context;
  context.today = {2026, 3, 1};
  // Index 3 is out of range on purpose.
  for (size_t i = 0; i <= manifest.travellers.size(); ++i) {
    const hudud::travel::RuleMatch match = rule->Evaluate(manifest, i, context);
    (void)match.Explain();
    if (match.hit != rule->Matches(manifest, i, context)) std::abort();
  }
  (void)rule->fields();
  const std::string canonical = rule->Canonical();
  hudud::Result<hudud::travel::RuleExpression> again =
      hudud::travel::RuleExpression::Parse(canonical);
  if (!again.ok() || again->Canonical() != canonical) std::abort();
  return 0;
}
