// The field catalogue of the rules language and how each field is read for
// one traveller of a Manifest: route, countries, age, booking lead time,
// one-way and same-day returns, payment, bags, contacts.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "model/country.h"
#include "text/normalize.h"
#include "travel/airports.h"
#include "travel/rule_internal.h"
#include "travel/travel_dates.h"

namespace hudud::travel {
namespace rule_internal {
namespace {

using FT = FieldType;
using VK = ValueKind;

// In FieldId order (checked by the tests through RuleFields()).
const FieldDef kFields[] = {
    {FieldId::kTravellerRole, "traveller.role", FT::kText, false,
     "passenger, crew, transit-passenger or transit-crew (PAXLST NAD; every PNR traveller is a "
     "passenger)",
     VK::kRole},
    {FieldId::kTravellerType, "traveller.type", FT::kText, false,
     "PNR passenger type as sent: A adult, C child, IN infant, G group", VK::kCode},
    {FieldId::kTravellerGender, "traveller.gender", FT::kText, false,
     "M, F, U (undisclosed) or X (unspecified)", VK::kGender},
    {FieldId::kAge, "age", FT::kNumber, false,
     "whole years on the departure date of the first flight (no value without a full birth "
     "date)",
     VK::kNumber},
    {FieldId::kTravellerNationality, "traveller.nationality", FT::kText, false,
     "nationality as ISO alpha-2 (names and alpha-3 codes accepted; as sent when unknown)",
     VK::kCountry},
    {FieldId::kTravellerResidence, "traveller.residence", FT::kText, false,
     "country of residence as ISO alpha-2", VK::kCountry},
    {FieldId::kTravellerCheckedIn, "traveller.checked_in", FT::kBool, false,
     "PNR check-in data present (PNR only)", VK::kBool},
    {FieldId::kTravellerFrequentFlyer, "traveller.frequent_flyer", FT::kBool, false,
     "a frequent-flyer number was given (PNR only)", VK::kBool},
    {FieldId::kTravellerWithInfant, "traveller.with_infant", FT::kBool, false,
     "travels with an infant on the lap (PNR only)", VK::kBool},
    {FieldId::kTravellerServices, "traveller.services", FT::kText, true,
     "special service codes kept on receipt (UMNR, CHLD, INFT, ...); meal and medical codes are "
     "deleted on receipt and cannot be used",
     VK::kCode},
    {FieldId::kDocumentType, "document.type", FT::kText, true,
     "travel document types: P passport, V visa, I/A/C cards", VK::kCode},
    {FieldId::kDocumentIssuingCountry, "document.issuing_country", FT::kText, true,
     "issuing states of the documents, ISO alpha-2", VK::kCountry},
    {FieldId::kDocumentExpiryDays, "document.expiry_days", FT::kNumber, true,
     "days from the departure date to each document's expiry (negative = expired)", VK::kNumber},
    {FieldId::kDocumentCount, "document.count", FT::kNumber, false,
     "number of travel documents given", VK::kNumber},
    {FieldId::kFlightCarrier, "flight.carrier", FT::kText, false,
     "carrier of the reported flight (\"SQ\")", VK::kCode},
    {FieldId::kFlightNumber, "flight.number", FT::kText, false,
     "flight number without the carrier (\"602\"; leading zeros ignored)", VK::kCode},
    {FieldId::kFlightOrigin, "flight.origin", FT::kText, false,
     "airport the reported flight departs from (IATA)", VK::kAirport},
    {FieldId::kFlightDestination, "flight.destination", FT::kText, false,
     "airport the reported flight finally arrives at (IATA)", VK::kAirport},
    {FieldId::kFlightOriginCountry, "flight.origin_country", FT::kText, false,
     "country of flight.origin, ISO alpha-2", VK::kCountry},
    {FieldId::kFlightDestinationCountry, "flight.destination_country", FT::kText, false,
     "country of flight.destination, ISO alpha-2", VK::kCountry},
    {FieldId::kFlightDepartureDate, "flight.departure_date", FT::kDate, false,
     "scheduled departure date of the reported flight (local)", VK::kDate},
    {FieldId::kRouteAirports, "route.airports", FT::kText, true,
     "every airport of the booking's itinerary; without a booking, the reported legs and the "
     "traveller's embarkation, debarkation and clearance airports",
     VK::kAirport},
    {FieldId::kRouteCountries, "route.countries", FT::kText, true,
     "countries of route.airports, ISO alpha-2 (airports not in the table have none)",
     VK::kCountry},
    {FieldId::kRouteLegs, "route.legs", FT::kNumber, false,
     "flight legs of the booking's itinerary (of the reported flight without one)", VK::kNumber},
    {FieldId::kBookingLocator, "booking.locator", FT::kText, false, "the booking's record locator",
     VK::kCode},
    {FieldId::kBookingAgency, "booking.agency", FT::kText, false,
     "travel agency or booking office that made the booking", VK::kText},
    {FieldId::kBookingAgencyType, "booking.agency_type", FT::kText, false,
     "A airline, T travel agent (as sent)", VK::kCode},
    {FieldId::kBookingAgencyCountry, "booking.agency_country", FT::kText, false,
     "country of the booking office, ISO alpha-2", VK::kCountry},
    {FieldId::kBookingCreated, "booking.created", FT::kDate, false, "date the booking was created",
     VK::kDate},
    {FieldId::kBookingLeadDays, "booking.lead_days", FT::kNumber, false,
     "days from booking creation to the first departure of the itinerary", VK::kNumber},
    {FieldId::kBookingOneWay, "booking.one_way", FT::kBool, false,
     "no leg of the itinerary arrives back in the city it started from", VK::kBool},
    {FieldId::kBookingSameDayReturn, "booking.same_day_return", FT::kBool, false,
     "the itinerary returns to the city it started from on the day it left", VK::kBool},
    {FieldId::kBookingStayDays, "booking.stay_days", FT::kNumber, false,
     "days from the first departure to the departure of the leg that returns (no value for "
     "one-way trips)",
     VK::kNumber},
    {FieldId::kBookingPartySize, "booking.party_size", FT::kNumber, false,
     "travellers in the booking, infants included", VK::kNumber},
    {FieldId::kBookingLegs, "booking.legs", FT::kNumber, false,
     "air segments in the booking's itinerary", VK::kNumber},
    {FieldId::kPaymentType, "payment.type", FT::kText, true,
     "forms of payment of the traveller and the booking: CC card, CA cash, CK cheque, MS misc, "
     "GR government",
     VK::kCode},
    {FieldId::kPaymentCardVendor, "payment.card_vendor", FT::kText, true,
     "card vendors (VI, AX, CA, ...)", VK::kCode},
    {FieldId::kPaymentCash, "payment.cash", FT::kBool, false,
     "some payment was made in cash (no value without payment data)", VK::kBool},
    {FieldId::kBagsCount, "bags.count", FT::kNumber, false, "checked bags", VK::kNumber},
    {FieldId::kBagsWeightKg, "bags.weight_kg", FT::kNumber, false,
     "checked bag weight in kilograms", VK::kNumber},
    {FieldId::kContactEmailDomain, "contact.email_domain", FT::kText, true,
     "domains of the traveller's and the booking's e-mail addresses (\"gmail.com\")", VK::kText},
    {FieldId::kContactCount, "contact.count", FT::kNumber, false,
     "contact entries (phone, e-mail, ...) of the traveller and the booking", VK::kNumber},
};
static_assert(std::size(kFields) == kFieldCount);

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Adds a text value with its key, once per key.
void AddText(const FieldDef& def, std::string_view raw, FieldValues* out) {
  raw = Trim(raw);
  if (raw.empty()) return;
  std::string key;
  std::string shown;
  switch (def.kind) {
    case VK::kCountry:
      key = CountryKey(raw);
      shown = key;
      break;
    case VK::kCode:
    case VK::kAirport:
      key = TextKey(raw);
      shown = IsAscii(raw) ? AsciiUpper(raw) : std::string(raw);
      break;
    default:
      key = TextKey(raw);
      shown = std::string(raw);
      break;
  }
  if (def.id == FieldId::kFlightNumber) {
    // "0602" and "602" are the same flight.
    const size_t nz = key.find_first_not_of('0');
    key = nz == std::string::npos ? "0" : key.substr(nz);
  }
  if (key.empty()) return;
  if (std::find(out->keys.begin(), out->keys.end(), key) != out->keys.end()) return;
  out->keys.push_back(std::move(key));
  out->texts.push_back(std::move(shown));
}

void AddNumber(double v, FieldValues* out) { out->numbers.push_back(v); }
void AddBool(bool v, FieldValues* out) { out->numbers.push_back(v ? 1 : 0); }
void AddDate(const model::PartialDate& d, FieldValues* out) {
  if (std::optional<long> n = DayNumber(d)) out->numbers.push_back(static_cast<double>(*n));
}

// The first full departure date of a list of legs.
model::PartialDate FirstDeparture(const std::vector<FlightLeg>& legs) {
  for (const FlightLeg& leg : legs) {
    if (leg.departure.date.full()) return leg.departure.date;
  }
  return {};
}

// How an itinerary goes out and comes back.
struct Trip {
  bool known = false;  // an itinerary with a first origin
  bool returns = false;
  const FlightLeg* first = nullptr;
  const FlightLeg* back = nullptr;  // the first leg arriving in the origin city
};

Trip AnalyseTrip(const Booking* booking) {
  Trip trip;
  if (booking == nullptr) return trip;
  for (const FlightLeg& leg : booking->itinerary) {
    // Open and ARNK segments carry no airports.
    if (Trim(leg.origin).empty() || Trim(leg.destination).empty()) continue;
    if (trip.first == nullptr) {
      trip.first = &leg;
      trip.known = true;
      continue;
    }
    if (SameCity(Trim(leg.destination), Trim(trip.first->origin))) {
      trip.returns = true;
      trip.back = &leg;
      break;
    }
  }
  return trip;
}

std::vector<std::string_view> RouteAirports(const TravellerData& d) {
  std::vector<std::string_view> out;
  auto add = [&out](std::string_view code) {
    code = Trim(code);
    if (!code.empty()) out.push_back(code);
  };
  if (d.booking != nullptr && !d.booking->itinerary.empty()) {
    for (const FlightLeg& leg : d.booking->itinerary) {
      add(leg.origin);
      add(leg.destination);
    }
    return out;
  }
  add(d.traveller->embarkation);
  for (const FlightLeg& leg : d.manifest->flights) {
    add(leg.origin);
    add(leg.destination);
  }
  add(d.traveller->clearance);
  add(d.traveller->debarkation);
  return out;
}

template <typename F>
void ForEachPayment(const TravellerData& d, F f) {
  for (const Payment& p : d.traveller->payments) f(p);
  if (d.booking != nullptr) {
    for (const Payment& p : d.booking->payments) f(p);
  }
}

template <typename F>
void ForEachContact(const TravellerData& d, F f) {
  for (const Contact& c : d.traveller->contacts) f(c);
  if (d.booking != nullptr) {
    for (const Contact& c : d.booking->contacts) f(c);
  }
}

void AddCountryOfAirport(const FieldDef& def, std::string_view airport, FieldValues* out,
                         std::vector<std::string>* unknown) {
  airport = Trim(airport);
  if (airport.empty()) return;
  std::string_view country = AirportCountry(airport);
  if (country.empty()) {
    std::string code = AsciiUpper(airport);
    if (std::find(unknown->begin(), unknown->end(), code) == unknown->end()) {
      unknown->push_back(std::move(code));
    }
    return;
  }
  AddText(def, country, out);
}

void NoteUnknownAirports(const std::vector<std::string>& unknown, FieldValues* out) {
  if (unknown.empty()) return;
  out->note = "no country known for ";
  for (size_t i = 0; i < unknown.size(); ++i) {
    if (i > 0) out->note += ", ";
    out->note += unknown[i];
  }
}

std::string FormatNumber(double v) {
  char buf[64];
  if (std::abs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
    // "41.50" -> "41.5"
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }
  return buf;
}

}  // namespace

const FieldDef& Field(FieldId id) { return kFields[static_cast<size_t>(id)]; }

const FieldDef* FindField(std::string_view name) {
  const std::string lower = AsciiLower(name);
  for (const FieldDef& f : kFields) {
    if (f.name == lower) return &f;
  }
  return nullptr;
}

std::string_view SuggestField(std::string_view name) {
  const std::string lower = AsciiLower(name);
  std::string_view best;
  size_t best_distance = 3;  // suggest only close misspellings
  for (const FieldDef& f : kFields) {
    size_t d = EditDistance(lower, f.name);
    // "agency" alone suggests "booking.agency".
    const size_t dot = f.name.find('.');
    if (dot != std::string_view::npos) {
      d = std::min(d, EditDistance(lower, f.name.substr(dot + 1)) + 1);
    }
    if (d < best_distance) {
      best_distance = d;
      best = f.name;
    }
  }
  return best;
}

std::optional<long> DayNumber(const model::PartialDate& date) {
  if (!date.full()) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(date.year),
                                        std::chrono::month(static_cast<unsigned>(date.month)),
                                        std::chrono::day(static_cast<unsigned>(date.day))};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

std::string DateFromDayNumber(long day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string TextKey(std::string_view text) {
  text = Trim(text);
  if (IsAscii(text)) return AsciiUpper(text);
  return AsciiUpper(text::FoldText(text));
}

std::string CountryKey(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return "";
  // Resolving goes through ICU; travellers repeat the same few codes.
  thread_local std::unordered_map<std::string, std::string> cache;
  std::string raw(text);
  auto it = cache.find(raw);
  if (it != cache.end()) return it->second;
  std::string code = model::ResolveCountryCode(text);
  if (code.empty()) code = TextKey(text);
  if (cache.size() >= 4096) cache.clear();
  cache.emplace(std::move(raw), code);
  return code;
}

TravellerData ResolveTraveller(const Manifest& manifest, size_t traveller,
                               const RuleContext& context) {
  static const Traveller kNobody;
  TravellerData d;
  d.manifest = &manifest;
  d.valid = traveller < manifest.travellers.size();
  d.traveller = d.valid ? &manifest.travellers[traveller] : &kNobody;
  const Traveller& t = *d.traveller;
  if (d.valid) {
    if (t.booking >= 0 && static_cast<size_t>(t.booking) < manifest.bookings.size()) {
      d.booking_index = t.booking;
    } else if (!Trim(t.booking_locator).empty()) {
      const std::string key = TextKey(t.booking_locator);
      for (size_t i = 0; i < manifest.bookings.size(); ++i) {
        if (TextKey(manifest.bookings[i].locator) == key) {
          d.booking_index = static_cast<int>(i);
          break;
        }
      }
    }
  }
  if (d.booking_index >= 0) d.booking = &manifest.bookings[static_cast<size_t>(d.booking_index)];
  d.reference = FirstDeparture(manifest.flights);
  if (!d.reference.full() && d.booking != nullptr)
    d.reference = FirstDeparture(d.booking->itinerary);
  if (!d.reference.full()) d.reference = context.today.full() ? context.today : TodayUtc();
  return d;
}

void ReadField(FieldId id, const TravellerData& d, FieldValues* out) {
  out->texts.clear();
  out->keys.clear();
  out->numbers.clear();
  out->note.clear();
  if (!d.valid) return;
  const FieldDef& def = Field(id);
  const Manifest& m = *d.manifest;
  const Traveller& t = *d.traveller;
  const Booking* b = d.booking;
  const bool pnr = m.format == MessageFormat::kPnrgov;
  switch (id) {
    case FieldId::kTravellerRole:
      AddText(def, ToString(t.role), out);
      break;
    case FieldId::kTravellerType:
      AddText(def, t.passenger_type, out);
      break;
    case FieldId::kTravellerGender:
      if (t.gender == model::Gender::kMale) {
        AddText(def, "M", out);
      } else if (t.gender == model::Gender::kFemale) {
        AddText(def, "F", out);
      } else {
        const std::string raw = AsciiUpper(Trim(t.gender_raw));
        if (raw == "MI" || raw == "FI") {
          AddText(def, raw.substr(0, 1), out);  // male / female infant
        } else {
          AddText(def, raw, out);
        }
      }
      break;
    case FieldId::kAge:
      if (t.birth_date.date.full()) {
        const int age = AgeOn(t.birth_date.date, d.reference);
        if (age >= 0) AddNumber(age, out);
      }
      break;
    case FieldId::kTravellerNationality:
      AddText(def, t.nationality, out);
      break;
    case FieldId::kTravellerResidence:
      AddText(def, t.residence_country, out);
      break;
    case FieldId::kTravellerCheckedIn:
      if (pnr) AddBool(t.checked_in, out);
      break;
    case FieldId::kTravellerFrequentFlyer:
      if (pnr) AddBool(!Trim(t.frequent_flyer).empty(), out);
      break;
    case FieldId::kTravellerWithInfant:
      if (pnr) AddBool(t.with_infant, out);
      break;
    case FieldId::kTravellerServices:
      for (const std::string& s : t.services) AddText(def, s, out);
      break;
    case FieldId::kDocumentType:
      for (const TravelDocument& doc : t.documents) AddText(def, doc.type, out);
      break;
    case FieldId::kDocumentIssuingCountry:
      for (const TravelDocument& doc : t.documents) AddText(def, doc.issuing_country, out);
      break;
    case FieldId::kDocumentExpiryDays:
      for (const TravelDocument& doc : t.documents) {
        if (doc.expiry.date.full()) AddNumber(DaysBetween(d.reference, doc.expiry.date), out);
      }
      break;
    case FieldId::kDocumentCount:
      AddNumber(static_cast<double>(t.documents.size()), out);
      break;
    case FieldId::kFlightCarrier:
      if (!m.flights.empty()) AddText(def, m.flights.front().carrier, out);
      break;
    case FieldId::kFlightNumber:
      if (!m.flights.empty()) AddText(def, m.flights.front().number, out);
      break;
    case FieldId::kFlightOrigin:
      if (!m.flights.empty()) AddText(def, m.flights.front().origin, out);
      break;
    case FieldId::kFlightDestination:
      if (!m.flights.empty()) AddText(def, m.flights.back().destination, out);
      break;
    case FieldId::kFlightOriginCountry:
    case FieldId::kFlightDestinationCountry:
      if (!m.flights.empty()) {
        std::vector<std::string> unknown;
        AddCountryOfAirport(def,
                            id == FieldId::kFlightOriginCountry ? m.flights.front().origin
                                                                : m.flights.back().destination,
                            out, &unknown);
        NoteUnknownAirports(unknown, out);
      }
      break;
    case FieldId::kFlightDepartureDate:
      if (!m.flights.empty()) AddDate(m.flights.front().departure.date, out);
      break;
    case FieldId::kRouteAirports:
      for (std::string_view a : RouteAirports(d)) AddText(def, a, out);
      break;
    case FieldId::kRouteCountries: {
      std::vector<std::string> unknown;
      for (std::string_view a : RouteAirports(d)) AddCountryOfAirport(def, a, out, &unknown);
      NoteUnknownAirports(unknown, out);
      break;
    }
    case FieldId::kRouteLegs: {
      const size_t legs =
          b != nullptr && !b->itinerary.empty() ? b->itinerary.size() : m.flights.size();
      if (legs > 0) AddNumber(static_cast<double>(legs), out);
      break;
    }
    case FieldId::kBookingLocator:
      AddText(def, b != nullptr && !Trim(b->locator).empty() ? b->locator : t.booking_locator, out);
      break;
    case FieldId::kBookingAgency:
      if (b != nullptr) AddText(def, b->agency, out);
      break;
    case FieldId::kBookingAgencyType:
      if (b != nullptr) AddText(def, b->agency_type, out);
      break;
    case FieldId::kBookingAgencyCountry:
      if (b != nullptr) AddText(def, b->agency_country, out);
      break;
    case FieldId::kBookingCreated:
      if (b != nullptr) AddDate(b->created.date, out);
      break;
    case FieldId::kBookingLeadDays:
      if (b != nullptr && b->created.date.full()) {
        model::PartialDate first = FirstDeparture(b->itinerary);
        if (!first.full()) first = FirstDeparture(m.flights);
        if (first.full()) AddNumber(DaysBetween(b->created.date, first), out);
      }
      break;
    case FieldId::kBookingOneWay: {
      const Trip trip = AnalyseTrip(b);
      if (trip.known) AddBool(!trip.returns, out);
      break;
    }
    case FieldId::kBookingSameDayReturn: {
      const Trip trip = AnalyseTrip(b);
      if (!trip.known) break;
      if (!trip.returns) {
        AddBool(false, out);
        break;
      }
      const model::PartialDate& left = trip.first->departure.date;
      const model::PartialDate& back =
          trip.back->arrival.date.full() ? trip.back->arrival.date : trip.back->departure.date;
      if (left.full() && back.full()) AddBool(left == back, out);
      break;
    }
    case FieldId::kBookingStayDays: {
      const Trip trip = AnalyseTrip(b);
      if (trip.returns && trip.first->departure.date.full() && trip.back->departure.date.full()) {
        AddNumber(DaysBetween(trip.first->departure.date, trip.back->departure.date), out);
      }
      break;
    }
    case FieldId::kBookingPartySize:
      if (b != nullptr) {
        size_t n = b->travellers.size();
        if (n == 0) {
          n = static_cast<size_t>(std::count_if(
              m.travellers.begin(), m.travellers.end(),
              [&d](const Traveller& other) { return other.booking == d.booking_index; }));
        }
        AddNumber(static_cast<double>(n), out);
      }
      break;
    case FieldId::kBookingLegs:
      if (b != nullptr) AddNumber(static_cast<double>(b->itinerary.size()), out);
      break;
    case FieldId::kPaymentType:
      ForEachPayment(d, [&](const Payment& p) { AddText(def, p.type, out); });
      break;
    case FieldId::kPaymentCardVendor:
      ForEachPayment(d, [&](const Payment& p) { AddText(def, p.card_vendor, out); });
      break;
    case FieldId::kPaymentCash: {
      bool any = false, cash = false;
      ForEachPayment(d, [&](const Payment& p) {
        if (Trim(p.type).empty()) return;
        any = true;
        cash = cash || AsciiUpper(Trim(p.type)) == "CA";
      });
      if (any) AddBool(cash, out);
      break;
    }
    case FieldId::kBagsCount:
      if (t.bags >= 0) AddNumber(t.bags, out);
      break;
    case FieldId::kBagsWeightKg:
      if (t.bag_weight_kg >= 0) AddNumber(t.bag_weight_kg, out);
      break;
    case FieldId::kContactEmailDomain:
      ForEachContact(d, [&](const Contact& c) {
        const size_t at = c.value.rfind('@');
        if (at == std::string::npos || at + 1 >= c.value.size()) return;
        const std::string_view domain = Trim(std::string_view(c.value).substr(at + 1));
        AddText(def, IsAscii(domain) ? AsciiLower(domain) : std::string(domain), out);
      });
      break;
    case FieldId::kContactCount: {
      size_t n = 0;
      ForEachContact(d, [&n](const Contact&) { ++n; });
      AddNumber(static_cast<double>(n), out);
      break;
    }
  }
}

std::string ShowValues(const FieldDef& field, const FieldValues& values) {
  std::string out;
  auto sep = [&out] {
    if (!out.empty()) out += ", ";
  };
  for (const std::string& t : values.texts) {
    sep();
    out += t;
  }
  for (double v : values.numbers) {
    sep();
    switch (field.kind) {
      case VK::kBool:
        out += v != 0 ? "yes" : "no";
        break;
      case VK::kDate:
        out += DateFromDayNumber(static_cast<long>(v));
        break;
      default:
        out += FormatNumber(v);
        break;
    }
  }
  if (out.empty()) out = "no value";
  if (!values.note.empty()) out += " (" + values.note + ")";
  return out;
}

std::string_view ToString(FieldType type) {
  switch (type) {
    case FieldType::kText:
      return "text";
    case FieldType::kNumber:
      return "number";
    case FieldType::kBool:
      return "bool";
    case FieldType::kDate:
      return "date";
  }
  return "text";
}

}  // namespace rule_internal

const std::vector<FieldInfo>& RuleFields() {
  static const std::vector<FieldInfo> infos = [] {
    std::vector<FieldInfo> v;
    for (const rule_internal::FieldDef& f : rule_internal::kFields) {
      v.push_back({f.name, rule_internal::ToString(f.type), f.list, f.meaning});
    }
    return v;
  }();
  return infos;
}

}  // namespace hudud::travel
