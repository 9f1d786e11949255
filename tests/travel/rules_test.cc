// Pins travel/rules.h and travel/airports.h: every operator, precedence and
// parentheses, list-any semantics, three-valued logic on missing data, every
// field of the catalogue on hand-built PNR and API manifests (one-way,
// return, same-day return, cash and card, infants, crew), explanations,
// parse errors with columns, and the refusal of sensitive attributes.
#include "travel/rules.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "model/country.h"
#include "travel/airports.h"

namespace hudud::travel {
namespace {

DateTime D(const char* iso) {
  DateTime d;
  d.raw = iso;
  d.date = *model::ParsePartialDate(iso);
  return d;
}

FlightLeg Leg(const char* carrier, const char* number, const char* from, const char* to,
              const char* departure, const char* arrival = nullptr) {
  FlightLeg leg;
  leg.carrier = carrier;
  leg.number = number;
  leg.origin = from;
  leg.destination = to;
  leg.departure = D(departure);
  if (arrival != nullptr) leg.arrival = D(arrival);
  return leg;
}

Payment Pay(const char* type, const char* vendor = "") {
  Payment p;
  p.type = type;
  p.card_vendor = vendor;
  return p;
}

Contact Mail(const char* address) { return Contact{"email", address, 0}; }

TravelDocument Doc(const char* type, const char* country, const char* expiry) {
  TravelDocument doc;
  doc.type = type;
  doc.issuing_country = country;
  if (expiry != nullptr) doc.expiry = D(expiry);
  return doc;
}

// A PNR push for KU118 IST-KWI on 2026-03-14:
//   0 young Syrian man, booking 0 (one-way, cash, booked 2 days ahead), no bags, lap infant
//   1 his infant daughter, booking 0, no document
//   2 British woman, booking 1 (LHR-IST-KWI-LGW return, card, booked 62 days ahead)
//   3 traveller without birth date or nationality, booking 2 (IST-KWI-SAW same day), UMNR
//   4 Kuwaiti crew member, no booking
Manifest PnrManifest() {
  Manifest m;
  m.format = MessageFormat::kPnrgov;
  m.flights = {Leg("KU", "0118", "IST", "KWI", "2026-03-14")};

  Booking b0;
  b0.locator = "ABC123";
  b0.created = D("2026-03-12");
  b0.agency = "Sunrise Travel Istanbul";
  b0.agency_type = "T";
  b0.agency_country = "TR";
  b0.itinerary = {Leg("KU", "118", "IST", "KWI", "2026-03-14")};
  b0.payments = {Pay("CA")};
  b0.contacts = {Mail("booking@GMAIL.COM")};
  b0.travellers = {0, 1};

  Booking b1;
  b1.locator = "DEF456";
  b1.created = D("2026-01-10");
  b1.agency = "KU HQ";
  b1.agency_type = "A";
  b1.agency_country = "Kuwait";
  b1.itinerary = {Leg("TK", "1980", "LHR", "IST", "2026-03-13"),
                  Leg("KU", "118", "IST", "KWI", "2026-03-14"),
                  Leg("KU", "101", "KWI", "LGW", "2026-03-20", "2026-03-20")};
  b1.payments = {Pay("CC", "VI")};
  b1.contacts = {Mail("res@travel.example")};
  b1.travellers = {2};

  Booking b2;
  b2.locator = "GHI789";
  b2.created = D("2026-03-14");
  b2.itinerary = {Leg("KU", "118", "IST", "KWI", "2026-03-14", "2026-03-14"),
                  Leg("KU", "117", "KWI", "SAW", "2026-03-14", "2026-03-14")};
  b2.payments = {Pay("CA")};
  // No traveller list: party size is counted from the travellers' booking index.
  m.bookings = {b0, b1, b2};

  Traveller t0;
  t0.passenger_type = "A";
  t0.gender = model::Gender::kMale;
  t0.gender_raw = "M";
  t0.birth_date = D("2001-05-20");
  t0.nationality = "SYR";
  t0.residence_country = "TR";
  t0.documents = {Doc("P", "SYR", "2026-04-01")};
  t0.bags = 0;
  t0.bag_weight_kg = 0;
  t0.with_infant = true;
  t0.checked_in = true;
  t0.services = {"INFT"};
  t0.booking = 0;
  t0.booking_locator = "ABC123";

  Traveller t1;
  t1.passenger_type = "IN";
  t1.gender_raw = "FI";
  t1.birth_date = D("2025-06-01");
  t1.nationality = "Syria";
  t1.booking = 0;

  Traveller t2;
  t2.passenger_type = "A";
  t2.gender = model::Gender::kFemale;
  t2.birth_date = D("1980-01-01");
  t2.nationality = "GBR";
  t2.residence_country = "GB";
  t2.documents = {Doc("P", "GBR", "2030-01-01"), Doc("V", "KWT", nullptr)};
  t2.frequent_flyer = "KU12345";
  t2.bags = 2;
  t2.bag_weight_kg = 41.5;
  t2.contacts = {Contact{"phone", "+44 20 7946 0000", 0}, Mail("jane@Example.CO.UK")};
  t2.booking = 1;

  Traveller t3;
  t3.passenger_type = "A";
  t3.services = {"UMNR"};
  t3.payments = {Pay("MS")};
  t3.booking = 2;

  Traveller t4;
  t4.role = TravellerRole::kCrew;
  t4.gender = model::Gender::kMale;
  t4.birth_date = D("1975-07-07");
  t4.nationality = "KWT";
  t4.documents = {Doc("P", "KWT", "2027-07-07")};

  m.travellers = {t0, t1, t2, t3, t4};
  return m;
}

// An API message (PAXLST) for a two-leg flight DYU-IST-KWI on 2026-03-10:
//   0 transit passenger from Dushanbe, 1 passenger embarked at an airport not
//   in the table ("XYZ").
Manifest ApiManifest() {
  Manifest m;
  m.format = MessageFormat::kPaxlst;
  m.flights = {Leg("KU", "170", "DYU", "IST", "2026-03-10"),
               Leg("KU", "170", "IST", "KWI", "2026-03-10")};
  Traveller t0;
  t0.role = TravellerRole::kTransitPassenger;
  t0.gender_raw = "X";
  t0.birth_date = D("1990-03-10");  // 36 on the day of the flight
  t0.nationality = "TJK";
  t0.embarkation = "DYU";
  t0.debarkation = "KWI";
  t0.documents = {Doc("P", "TJK", "2026-03-09")};  // expired the day before
  Traveller t1;
  t1.gender = model::Gender::kFemale;
  t1.birth_date = D("1990-03-11");  // 35: the birthday is the day after
  t1.nationality = "Absurdistan";
  t1.embarkation = "XYZ";
  t1.debarkation = "KWI";
  m.travellers = {t0, t1};
  return m;
}

RuleExpression MustParse(const std::string& text) {
  Result<RuleExpression> r = RuleExpression::Parse(text);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
  if (!r.ok()) return RuleExpression::Parse("age exists").value();
  return std::move(r).value();
}

bool Hit(const std::string& rule, const Manifest& m, size_t traveller) {
  RuleExpression e = MustParse(rule);
  const bool hit = e.Evaluate(m, traveller).hit;
  EXPECT_EQ(hit, e.Matches(m, traveller)) << rule << " traveller " << traveller;
  return hit;
}

// Which travellers of `m` the rule hits.
std::vector<size_t> Hits(const std::string& rule, const Manifest& m) {
  std::vector<size_t> out;
  for (size_t i = 0; i < m.travellers.size(); ++i) {
    if (Hit(rule, m, i)) out.push_back(i);
  }
  return out;
}

using V = std::vector<size_t>;

std::string ParseError(const std::string& text) {
  Result<RuleExpression> r = RuleExpression::Parse(text);
  EXPECT_FALSE(r.ok()) << text << " parsed";
  return r.ok() ? "" : r.status().message();
}

// ---- The examples of the issue ----

TEST(RuleExamplesTest, IssueExamples) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("age between 18 and 30 and route.countries in (SY, IQ, TR) and payment.type = CA "
                 "and booking.one_way",
                 m),
            V({0}));
  EXPECT_EQ(Hits("(booking.lead_days <= 2 or booking.same_day_return) and not traveller.role = "
                 "crew and bags.count = 0",
                 m),
            V({0}));
}

// ---- Each operator ----

TEST(RuleOperatorTest, Equals) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("age = 24", m), V({0}));
  EXPECT_EQ(Hits("traveller.nationality = SY", m), V({0, 1}));  // "SYR" and "Syria" resolve
  EXPECT_EQ(Hits("traveller.nationality == Syria", m), V({0, 1}));
  EXPECT_EQ(Hits("traveller.nationality = \"Syrian Arab Republic\"", m), V({0, 1}));
  EXPECT_EQ(Hits("traveller.nationality = Сирия", m), V({0, 1}));
  EXPECT_EQ(Hits("payment.type = ca", m), V({0, 1, 3}));          // codes in any case
  EXPECT_EQ(Hits("flight.number = 118", m), V({0, 1, 2, 3, 4}));  // "0118" sent
  EXPECT_EQ(Hits("booking.agency = \"sunrise travel istanbul\"", m), V({0, 1}));
}

TEST(RuleOperatorTest, NotEquals) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("traveller.nationality != SY", m), V({2, 4}));  // 3 has none: unknown
  EXPECT_EQ(Hits("age <> 24", m), V({1, 2, 4}));
}

TEST(RuleOperatorTest, LessThan) { EXPECT_EQ(Hits("age < 2", PnrManifest()), V({1})); }

TEST(RuleOperatorTest, LessOrEqual) { EXPECT_EQ(Hits("age <= 24", PnrManifest()), V({0, 1})); }

TEST(RuleOperatorTest, GreaterThan) {
  EXPECT_EQ(Hits("age > 24", PnrManifest()), V({2, 4}));
  EXPECT_EQ(Hits("bags.weight_kg > 41.4", PnrManifest()), V({2}));
}

TEST(RuleOperatorTest, GreaterOrEqual) {
  EXPECT_EQ(Hits("age >= 46", PnrManifest()), V({2, 4}));
  EXPECT_EQ(Hits("age >= 47", PnrManifest()), V({4}));
}

TEST(RuleOperatorTest, In) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("traveller.nationality in (SY, IQ, Iran)", m), V({0, 1}));
  EXPECT_EQ(Hits("age in (0, 46)", m), V({1, 2}));
  EXPECT_EQ(Hits("traveller.type IN (IN, C)", m), V({1}));  // the value IN is not a keyword
}

TEST(RuleOperatorTest, NotIn) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("traveller.nationality not in (SY, KW)", m), V({2}));
  EXPECT_EQ(Hits("route.countries not in (GB)", m), V({0, 1, 3, 4}));
}

TEST(RuleOperatorTest, BetweenNumbers) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("age between 24 and 46", m), V({0, 2}));     // inclusive at both ends
  EXPECT_EQ(Hits("age not between 1 and 49", m), V({1, 4}));  // crew member is 50
  EXPECT_EQ(Hits("document.expiry_days between -10 and 30", m), V({0}));
}

TEST(RuleOperatorTest, BetweenDates) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("booking.created between 2026-03-01 and 2026-03-12", m), V({0, 1}));
  EXPECT_EQ(Hits("flight.departure_date between 2026-03-14 and 2026-03-14", m), V({0, 1, 2, 3, 4}));
  EXPECT_EQ(Hits("booking.created < 2026-03-13", m), V({0, 1, 2}));
  EXPECT_EQ(Hits("booking.created = 2026-03-14", m), V({3}));
}

TEST(RuleOperatorTest, Contains) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("booking.agency contains \"TRAVEL\"", m), V({0, 1}));
  EXPECT_EQ(Hits("booking.agency contains istanbul", m), V({0, 1}));
  EXPECT_EQ(Hits("contact.email_domain contains \"co.uk\"", m), V({2}));
  EXPECT_EQ(Hits("booking.agency not contains HQ", m), V({0, 1}));  // 3, 4: no agency
}

TEST(RuleOperatorTest, ExistsAndEmpty) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("exists traveller.frequent_flyer and traveller.frequent_flyer", m), V({2}));
  EXPECT_EQ(Hits("booking.locator exists", m), V({0, 1, 2, 3}));
  EXPECT_EQ(Hits("booking.locator is empty", m), V({4}));
  EXPECT_EQ(Hits("age is not empty", m), V({0, 1, 2, 4}));
  EXPECT_EQ(Hits("age is empty", m), V({3}));
  EXPECT_EQ(Hits("not exists booking.agency", m), V({3, 4}));  // booking 2 has no agency
}

TEST(RuleOperatorTest, BareBool) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("booking.one_way", m), V({0, 1}));
  EXPECT_EQ(Hits("booking.one_way = false", m), V({2, 3}));
  EXPECT_EQ(Hits("booking.one_way != yes", m), V({2, 3}));
  EXPECT_EQ(Hits("not booking.one_way", m), V({2, 3}));  // crew: no booking, unknown
  EXPECT_EQ(Hits("payment.cash", m), V({0, 1, 3}));
}

// ---- Logic ----

TEST(RuleLogicTest, NotBindsTighterThanAndTighterThanOr) {
  const Manifest m = PnrManifest();
  // a or b and c == a or (b and c)
  EXPECT_EQ(Hits("age < 2 or age > 40 and traveller.role = crew", m), V({1, 4}));
  EXPECT_EQ(Hits("(age < 2 or age > 40) and traveller.role = crew", m), V({4}));
  // not a and b == (not a) and b
  EXPECT_EQ(Hits("not age < 30 and traveller.gender = F", m), V({2}));
  EXPECT_EQ(Hits("not (age < 30 and traveller.gender = F)", m), V({0, 2, 4}));
  EXPECT_EQ(Hits("NOT NOT age < 2", m), V({1}));
  EXPECT_EQ(Hits("age < 2 OR age = 24 Or age = 46", m), V({0, 1, 2}));
}

TEST(RuleLogicTest, NestedParentheses) {
  const Manifest m = PnrManifest();
  EXPECT_EQ(Hits("((age > 20) and ((payment.cash) or (traveller.frequent_flyer)))", m), V({0, 2}));
}

TEST(RuleLogicTest, ListFieldsHoldWhenAnyValueDoes) {
  const Manifest m = PnrManifest();
  // Booking 1's route touches GB, TR and KW.
  EXPECT_TRUE(Hit("route.countries = TR", m, 2));
  EXPECT_TRUE(Hit("route.countries = GB", m, 2));
  EXPECT_TRUE(Hit("route.airports in (LGW, CDG)", m, 2));
  // A negated comparison holds when no value satisfies the positive one.
  EXPECT_FALSE(Hit("route.countries != TR", m, 2));
  EXPECT_TRUE(Hit("route.countries != FR", m, 2));
  EXPECT_TRUE(Hit("document.type = V and document.type = P", m, 2));
  EXPECT_TRUE(Hit("document.issuing_country = KW", m, 2));
  EXPECT_TRUE(Hit("payment.type = MS and payment.type = CA", m, 3));  // traveller and booking
}

TEST(RuleLogicTest, MissingDataIsNeverAHit) {
  const Manifest m = PnrManifest();
  // Traveller 3 has no birth date: every comparison on age is unknown, and so
  // is its negation.
  for (const char* rule : {"age < 200", "age >= 0", "not age < 18", "age != 30",
                           "age not between 0 and 10", "not (age > 1 and age < 2)"}) {
    EXPECT_FALSE(Hit(rule, m, 3)) << rule;
  }
  EXPECT_TRUE(Hit("age < 18 or booking.same_day_return", m, 3));
  EXPECT_FALSE(Hit("age < 18 and booking.same_day_return", m, 3));
  const RuleMatch match = MustParse("age < 18").Evaluate(m, 3);
  ASSERT_EQ(match.conditions.size(), 1u);
  EXPECT_FALSE(match.conditions[0].fired);
  EXPECT_FALSE(match.conditions[0].has_value);
  EXPECT_EQ(match.conditions[0].value, "no value");
  EXPECT_EQ(match.Explain(), "no hit: age < 18 (age: no value)");
}

TEST(RuleLogicTest, TravellerOutOfRangeHasNoValues) {
  const Manifest m = PnrManifest();
  RuleExpression e = MustParse("traveller.role = passenger or document.count = 0");
  EXPECT_FALSE(e.Evaluate(m, 99).hit);
  EXPECT_FALSE(e.Matches(m, 99));
  EXPECT_TRUE(MustParse("traveller.role is empty").Evaluate(m, 99).hit);
}

// ---- Fields ----

struct FieldCase {
  const char* field;
  size_t traveller;
  bool api;  // ApiManifest rather than PnrManifest
  const char* shown;
};

TEST(RuleFieldTest, ValuesAsShown) {
  const Manifest pnr = PnrManifest();
  const Manifest api = ApiManifest();
  const std::vector<FieldCase> cases = {
      {"traveller.role", 4, false, "crew"},
      {"traveller.role", 0, true, "transit-passenger"},
      {"traveller.type", 1, false, "IN"},
      {"traveller.gender", 0, false, "M"},
      {"traveller.gender", 1, false, "F"},  // "FI": female infant
      {"traveller.gender", 0, true, "X"},
      {"traveller.gender", 3, false, "no value"},
      {"age", 0, false, "24"},
      {"age", 1, false, "0"},
      {"age", 0, true, "36"},
      {"age", 1, true, "35"},
      {"traveller.nationality", 2, false, "GB"},
      {"traveller.nationality", 0, true, "TJ"},
      {"traveller.nationality", 1, true, "ABSURDISTAN"},  // unresolvable: as sent
      {"traveller.residence", 0, false, "TR"},
      {"traveller.checked_in", 0, false, "yes"},
      {"traveller.checked_in", 2, false, "no"},
      {"traveller.checked_in", 0, true, "no value"},  // API has no check-in status
      {"traveller.frequent_flyer", 2, false, "yes"},
      {"traveller.frequent_flyer", 0, false, "no"},
      {"traveller.with_infant", 0, false, "yes"},
      {"traveller.services", 3, false, "UMNR"},
      {"document.type", 2, false, "P, V"},
      {"document.issuing_country", 2, false, "GB, KW"},
      {"document.expiry_days", 0, false, "18"},
      {"document.expiry_days", 0, true, "-1"},
      {"document.count", 2, false, "2"},
      {"document.count", 1, false, "0"},
      {"flight.carrier", 0, false, "KU"},
      {"flight.number", 0, false, "0118"},
      {"flight.origin", 0, true, "DYU"},
      {"flight.destination", 0, true, "KWI"},
      {"flight.origin_country", 0, false, "TR"},
      {"flight.destination_country", 0, false, "KW"},
      {"flight.departure_date", 0, false, "2026-03-14"},
      {"route.airports", 2, false, "LHR, IST, KWI, LGW"},
      {"route.airports", 0, true, "DYU, IST, KWI"},
      {"route.airports", 4, false, "IST, KWI"},  // crew: no booking, the reported flight
      {"route.countries", 2, false, "GB, TR, KW"},
      {"route.countries", 1, true, "TJ, TR, KW (no country known for XYZ)"},
      {"route.legs", 2, false, "3"},
      {"route.legs", 0, true, "2"},
      {"booking.locator", 0, false, "ABC123"},
      {"booking.locator", 4, false, "no value"},
      {"booking.agency", 0, false, "Sunrise Travel Istanbul"},
      {"booking.agency_type", 2, false, "A"},
      {"booking.agency_country", 2, false, "KW"},  // "Kuwait"
      {"booking.created", 2, false, "2026-01-10"},
      {"booking.lead_days", 0, false, "2"},
      {"booking.lead_days", 2, false, "62"},
      {"booking.lead_days", 3, false, "0"},
      {"booking.one_way", 0, false, "yes"},
      {"booking.one_way", 2, false, "no"},           // back to London, at another airport
      {"booking.same_day_return", 3, false, "yes"},  // back to Istanbul, at SAW
      {"booking.same_day_return", 2, false, "no"},
      {"booking.same_day_return", 0, false, "no"},
      {"booking.stay_days", 2, false, "7"},
      {"booking.stay_days", 3, false, "0"},
      {"booking.stay_days", 0, false, "no value"},
      {"booking.party_size", 0, false, "2"},
      {"booking.party_size", 3, false, "1"},
      {"booking.legs", 2, false, "3"},
      {"payment.type", 3, false, "MS, CA"},
      {"payment.card_vendor", 2, false, "VI"},
      {"payment.cash", 2, false, "no"},
      {"payment.cash", 4, false, "no value"},
      {"bags.count", 2, false, "2"},
      {"bags.count", 1, false, "no value"},
      {"bags.weight_kg", 2, false, "41.5"},
      {"contact.email_domain", 2, false, "example.co.uk, travel.example"},
      {"contact.email_domain", 0, false, "gmail.com"},
      {"contact.count", 2, false, "3"},
  };
  std::set<std::string> seen;
  for (const FieldCase& c : cases) {
    const RuleExpression e = MustParse(std::string("exists ") + c.field);
    const RuleMatch match = e.Evaluate(c.api ? api : pnr, c.traveller);
    ASSERT_EQ(match.conditions.size(), 1u);
    EXPECT_EQ(match.conditions[0].value, c.shown)
        << c.field << " of traveller " << c.traveller << (c.api ? " (API)" : " (PNR)");
    EXPECT_EQ(match.hit, std::string(c.shown).substr(0, 8) != "no value") << c.field;
    seen.insert(c.field);
  }
  // Every field of the catalogue is pinned above.
  for (const FieldInfo& f : RuleFields()) {
    EXPECT_TRUE(seen.count(std::string(f.name))) << f.name << " not tested";
  }
}

TEST(RuleFieldTest, CatalogueIsDocumented) {
  std::set<std::string_view> names;
  for (const FieldInfo& f : RuleFields()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    EXPECT_FALSE(f.meaning.empty()) << f.name;
    // Every field parses, and a name in capitals is the same field.
    std::string upper(f.name);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_TRUE(RuleExpression::Parse(upper + " is empty").ok()) << f.name;
  }
  EXPECT_GE(names.size(), 40u);
}

TEST(RuleFieldTest, RouteCountryOfUnknownAirportIsFalseAndSaidSo) {
  const Manifest api = ApiManifest();
  const RuleMatch match = MustParse("flight.origin_country = TJ").Evaluate(api, 0);
  EXPECT_TRUE(match.hit);
  Manifest odd = api;
  odd.flights[0].origin = "QQQ";
  const RuleMatch miss = MustParse("flight.origin_country = TJ").Evaluate(odd, 0);
  EXPECT_FALSE(miss.hit);
  EXPECT_EQ(miss.conditions[0].value, "no value (no country known for QQQ)");
}

TEST(RuleFieldTest, AgeUsesContextDateWithoutFlightDate) {
  Manifest m = PnrManifest();
  m.flights.clear();
  for (Booking& b : m.bookings) b.itinerary.clear();
  RuleContext ctx;
  ctx.today = model::PartialDate{2031, 6, 1};
  EXPECT_EQ(MustParse("exists age").Evaluate(m, 0, ctx).conditions[0].value, "30");
}

// ---- Explanations ----

TEST(RuleExplainTest, HitListsFiredConditionsWithValues) {
  const Manifest m = PnrManifest();
  const RuleMatch match = MustParse("age between 18 and 30 and payment.type = CA").Evaluate(m, 0);
  ASSERT_TRUE(match.hit);
  EXPECT_EQ(match.Explain(),
            "age between 18 and 30 (age: 24) AND payment.type = CA (payment.type: CA)");
  ASSERT_EQ(match.conditions.size(), 2u);
  EXPECT_TRUE(match.conditions[0].fired);
  EXPECT_EQ(match.conditions[0].condition, "age between 18 and 30");
  EXPECT_EQ(match.conditions[0].field, "age");
}

TEST(RuleExplainTest, OnlyTheBranchThatFiredExplainsAnOr) {
  const Manifest m = PnrManifest();
  const RuleMatch match = MustParse(
                              "(booking.lead_days <= 2 OR booking.same_day_return) AND NOT "
                              "traveller.role = crew AND bags.count = 0")
                              .Evaluate(m, 0);
  ASSERT_TRUE(match.hit);
  EXPECT_EQ(match.Explain(),
            "booking.lead_days <= 2 (booking.lead_days: 2) AND NOT traveller.role = crew "
            "(traveller.role: passenger) AND bags.count = 0 (bags.count: 0)");
  // Every condition is reported, fired or not.
  ASSERT_EQ(match.conditions.size(), 4u);
  EXPECT_EQ(match.conditions[1].condition, "booking.same_day_return");
  EXPECT_FALSE(match.conditions[1].fired);
  EXPECT_FALSE(match.conditions[1].decisive);
  EXPECT_EQ(match.conditions[1].value, "no");
  EXPECT_TRUE(match.conditions[2].negated);
  EXPECT_FALSE(match.conditions[2].fired);
}

TEST(RuleExplainTest, MissNamesWhatFailed) {
  const Manifest m = PnrManifest();
  const RuleMatch match =
      MustParse("age between 18 and 30 and route.countries in (SY, IQ)").Evaluate(m, 2);
  EXPECT_FALSE(match.hit);
  EXPECT_EQ(match.Explain(),
            "no hit: age between 18 and 30 (age: 46); route.countries in (SY, IQ) "
            "(route.countries: GB, TR, KW)");
}

TEST(RuleExplainTest, CanonicalTextAndFields) {
  const RuleExpression e =
      MustParse("  AGE  Between 18 AND 30\n and (Route.Countries IN(sy,iq ) or payment.cash)");
  EXPECT_EQ(e.Canonical(),
            "age between 18 and 30 and (route.countries in (sy, iq) or payment.cash)");
  EXPECT_EQ(e.fields(), (std::vector<std::string>{"age", "route.countries", "payment.cash"}));
  EXPECT_EQ(e.text(),
            "  AGE  Between 18 AND 30\n and (Route.Countries IN(sy,iq ) or payment.cash)");
}

// ---- Parse errors ----

TEST(RuleParseErrorTest, NamesColumnAndWhatWasExpected) {
  struct Case {
    const char* rule;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"route.countries in (", "column 21: expected a value after 'in (', found the end"},
      {"route.countries in (SY,", "column 24: expected a value after ','"},
      {"route.countries in (SY IQ)", "column 24: expected ',' or ')'"},
      {"route.countries in SY", "column 20: expected '(' after 'in'"},
      {"age between 18 30", "column 16: expected 'and' after 'between 18'"},
      {"age between 30 and 18", "column 5: 'between' needs the lower bound first"},
      {"age >", "column 6: expected a value after '>'"},
      {"age > 18 and", "column 13: expected a condition (a field name), found the end"},
      {"(age > 18", "column 10: expected ')' to close the '(' at column 1"},
      {"age > 18)", "column 9: ')' without a matching '('"},
      {"age > 18 payment.cash", "column 10: expected 'and', 'or' or the end of the rule"},
      {"age", "column 4: expected an operator after 'age'"},
      {"age 18", "column 5: expected an operator after 'age'"},
      {"age ! 18", "column 5: '!' must be followed by '='"},
      {"booking.agency = \"Sunrise", "column 18: unterminated quoted value"},
      {"", "empty rule"},
      {"   ", "empty rule"},
      {"age not 18", "column 9: expected 'in', 'between' or 'contains' after 'age not'"},
      {"booking.agency is 3", "column 19: expected 'empty' after 'is'"},
      {"exists (", "column 8: expected a field name after 'exists'"},
      {"age > 18 and\n  bags.count = x", "line 2, column 16: 'bags.count' is a number"},
      {"booking.agency = \"\"", "column 18: empty value"},
      {"age > 18 \x01", "column 10: unexpected control character"},
      {"age = \xff", "column 7: the rule is not valid UTF-8"},
      // Columns count characters: "البلد" is 5 characters, 10 bytes.
      {"booking.agency = \"البلد\" and", "column 29: expected a condition"},
  };
  for (const Case& c : cases) {
    const std::string msg = ParseError(c.rule);
    EXPECT_NE(msg.find(c.message), std::string::npos)
        << "rule: " << c.rule << "\nmessage: " << msg << "\nexpected: " << c.message;
  }
}

TEST(RuleParseErrorTest, UnknownFieldSuggestsAndListsKnownFields) {
  const std::string msg = ParseError("age > 18 and booking.agncy = X");
  EXPECT_NE(msg.find("column 14: unknown field 'booking.agncy'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean 'booking.agency'?"), std::string::npos) << msg;
  EXPECT_NE(msg.find("known fields: traveller.role, "), std::string::npos) << msg;
  EXPECT_NE(ParseError("foo = 1").find("column 1: unknown field 'foo'"), std::string::npos);
  EXPECT_NE(ParseError("exists fooo").find("column 8: unknown field 'fooo'"), std::string::npos);
}

TEST(RuleParseErrorTest, TypeMismatches) {
  struct Case {
    const char* rule;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"age = abc", "column 7: 'age' is a number; 'abc' is not a number"},
      {"age in (18, x)", "column 13: 'age' is a number"},
      {"booking.created > 12/03/2026", "'booking.created' is a date; write it YYYY-MM-DD"},
      {"booking.created = 2026-02-30", "'booking.created' is a date"},
      {"booking.agency < 3", "column 16: 'booking.agency' is a text field: '<' needs a number"},
      {"traveller.role between a and b", "'traveller.role' is a text field: 'between'"},
      {"age contains 3", "column 5: 'age' is a number field: 'contains' needs a text field"},
      {"booking.one_way = maybe", "'booking.one_way' is yes/no; write true or false"},
      {"booking.one_way in (true)", "'booking.one_way' is yes/no"},
      {"traveller.gender = woman", "'traveller.gender' takes M, F, U or X"},
      {"traveller.role = pilot", "'traveller.role' takes passenger, crew"},
      {"age = 1e5", "'age' is a number"},
      {"age = 99999999999999999999", "'age' is a number"},
  };
  for (const Case& c : cases) {
    const std::string msg = ParseError(c.rule);
    EXPECT_NE(msg.find(c.message), std::string::npos)
        << "rule: " << c.rule << "\nmessage: " << msg << "\nexpected: " << c.message;
  }
  // And what the types do accept.
  for (const char* ok :
       {"traveller.gender = female", "traveller.role = transit_crew", "booking.one_way = no",
        "age = -0", "bags.weight_kg <= 23.5", "flight.number = \"0118\"", "age = \"24\""}) {
    EXPECT_TRUE(RuleExpression::Parse(ok).ok()) << ok;
  }
}

TEST(RuleParseErrorTest, HostileInputIsBounded) {
  std::string deep(kMaxRuleDepth + 1, '(');
  deep += "age > 1";
  deep += std::string(kMaxRuleDepth + 1, ')');
  EXPECT_NE(ParseError(deep).find("nested deeper than 64"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 100; ++i) nots += "not ";
  EXPECT_NE(ParseError(nots + "payment.cash").find("nested deeper"), std::string::npos);
  std::string ok_deep(kMaxRuleDepth, '(');
  ok_deep += "age > 1" + std::string(kMaxRuleDepth, ')');
  EXPECT_TRUE(RuleExpression::Parse(ok_deep).ok());
  EXPECT_NE(ParseError(std::string(kMaxRuleLength + 1, ' ')).find("at most 16384"),
            std::string::npos);
  // Long flat rules are fine (AND and OR are n-ary, not nested).
  std::string flat = "age > 1";
  for (int i = 0; i < 1000; ++i) flat += " and age > 1";
  const RuleExpression e = MustParse(flat);
  EXPECT_TRUE(e.Evaluate(PnrManifest(), 0).hit);
}

// ---- Sensitive attributes ----

TEST(RuleSensitiveTest, RefusesEachCategory) {
  struct Case {
    const char* rule;
    SensitiveCategory category;
    const char* token;
    int column;
  };
  const std::vector<Case> cases = {
      // Field names that do not exist, and would not be allowed to.
      {"traveller.religion = X", SensitiveCategory::kReligionOrBelief, "traveller.religion", 1},
      {"age > 18 and ethnicity in (A, B)", SensitiveCategory::kRaceOrEthnicOrigin, "ethnicity", 14},
      {"traveller.race = X", SensitiveCategory::kRaceOrEthnicOrigin, "traveller.race", 1},
      {"political_opinion = left", SensitiveCategory::kPoliticalOpinions, "political_opinion", 1},
      {"traveller.health exists", SensitiveCategory::kHealth, "traveller.health", 1},
      {"sexual_orientation = x", SensitiveCategory::kSexLifeOrOrientation, "sexual_orientation", 1},
      {"traveller.trade_union = X", SensitiveCategory::kTradeUnionMembership,
       "traveller.trade_union", 1},
      // Values.
      {"booking.agency contains \"Hajj and Umrah\"", SensitiveCategory::kReligionOrBelief,
       "Hajj and Umrah", 25},
      {"booking.agency contains \"trade union travel\"", SensitiveCategory::kTradeUnionMembership,
       "trade union travel", 25},
      {"contact.email_domain = gay.example", SensitiveCategory::kSexLifeOrOrientation,
       "gay.example", 24},
      {"booking.agency = \"Kurdish Tours\"", SensitiveCategory::kRaceOrEthnicOrigin,
       "Kurdish Tours", 18},
      // Meal and medical service codes, in services or anywhere.
      {"traveller.services in (UMNR, MOML)", SensitiveCategory::kReligionOrBelief, "MOML", 30},
      {"traveller.services = ksml", SensitiveCategory::kReligionOrBelief, "ksml", 22},
      {"traveller.services = VGML", SensitiveCategory::kReligionOrBelief, "VGML", 22},
      {"traveller.services = DBML", SensitiveCategory::kHealth, "DBML", 22},
      {"traveller.services = CHML", SensitiveCategory::kHealth, "CHML", 22},  // any *ML
      {"traveller.services = WCHR", SensitiveCategory::kHealth, "WCHR", 22},
      {"traveller.services in (MEDA, BLND)", SensitiveCategory::kHealth, "MEDA", 24},
      {"booking.agency = \"x DEAF y\"", SensitiveCategory::kHealth, "x DEAF y", 18},
      {"traveller.services=OXYG", SensitiveCategory::kHealth, "OXYG", 20},
      {"traveller.services = STCR or traveller.services = MAAS", SensitiveCategory::kHealth, "STCR",
       22},
      {"traveller.services = DPNA", SensitiveCategory::kHealth, "DPNA", 22},
      // Other languages.
      {"booking.agency = \"الدين\"", SensitiveCategory::kReligionOrBelief, "الدين", 18},
      {"traveller.مذهب = x", SensitiveCategory::kReligionOrBelief, "traveller.مذهب", 1},
      {"booking.agency contains \"национальность\"", SensitiveCategory::kRaceOrEthnicOrigin,
       "национальность", 25},
      {"booking.agency = \"Вероисповедание\"", SensitiveCategory::kReligionOrBelief,
       "Вероисповедание", 18},
      {"booking.agency = \"parti politique\"", SensitiveCategory::kPoliticalOpinions,
       "parti politique", 18},
      {"booking.agency = \"Santé\"", SensitiveCategory::kHealth, "Santé", 18},
      {"booking.agency = \"syndicat\"", SensitiveCategory::kTradeUnionMembership, "syndicat", 18},
      {"booking.agency = \"профсоюз\"", SensitiveCategory::kTradeUnionMembership, "профсоюз", 18},
      {"booking.agency = \"مثلي\"", SensitiveCategory::kSexLifeOrOrientation, "مثلي", 18},
      {"booking.agency = \"حزب\"", SensitiveCategory::kPoliticalOpinions, "حزب", 18},
      {"booking.agency = \"مريض\"", SensitiveCategory::kHealth, "مريض", 18},
      {"booking.agency = \"قبيلة\"", SensitiveCategory::kRaceOrEthnicOrigin, "قبيلة", 18},
      {"booking.agency = \"نقابة\"", SensitiveCategory::kTradeUnionMembership, "نقابة", 18},
  };
  for (const Case& c : cases) {
    const std::optional<SensitiveFinding> f = FindSensitiveAttribute(c.rule);
    ASSERT_TRUE(f.has_value()) << c.rule;
    EXPECT_EQ(f->category, c.category) << c.rule << ": " << ToString(f->category);
    EXPECT_EQ(f->token, c.token) << c.rule;
    EXPECT_EQ(f->column, c.column) << c.rule;
    const Result<RuleExpression> r = RuleExpression::Parse(c.rule);
    ASSERT_FALSE(r.ok()) << c.rule;
    const std::string msg = r.status().message();
    EXPECT_NE(msg.find("column " + std::to_string(c.column) + ": refused"), std::string::npos)
        << msg;
    EXPECT_NE(msg.find(std::string(ToString(c.category))), std::string::npos) << msg;
    EXPECT_NE(msg.find(c.token), std::string::npos) << msg;
    EXPECT_NE(msg.find("art. 6(4)"), std::string::npos) << msg;
    EXPECT_FALSE(CheckNoSensitiveAttributes(c.rule).ok()) << c.rule;
  }
}

TEST(RuleSensitiveTest, MessageSaysWhy) {
  const Status s = CheckNoSensitiveAttributes("traveller.services = MOML");
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("MOML is a special service code: Muslim meal"), std::string::npos)
      << s.message();
}

TEST(RuleSensitiveTest, HarmlessLookAlikesAreAccepted) {
  for (const char* rule : {
           "traveller.services in (UMNR)",
           "traveller.services in (UMNR, CHLD, INFT)",
           "traveller.nationality = \"Islamic Republic of Iran\"",
           "traveller.nationality in (\"United Arab Emirates\", \"Iran, Islamic Republic of\")",
           "route.airports in (ISB, CHC)",
           "booking.agency contains \"Islamabad\"",
           "booking.agency contains \"Christchurch Travel\"",
           "booking.agency contains \"Churchill\"",
           "booking.party_size > 4",  // "party" alone is no political party
           "traveller.gender = F",    // the document's sex marker is an API field
           "document.issuing_country = \"European Union\"",
           "flight.origin = MED and booking.agency contains \"medina\"",
           "contact.email_domain = \"mail.ru\"",
           "booking.agency = \"حجز\"",             // "booking", not "hajj"
           "traveller.nationality = \"الجنسية\"",  // "nationality", not "sexual"
           "traveller.type in (A, C, IN)",
           "booking.agency contains \"Castellana\"",
       }) {
    EXPECT_FALSE(FindSensitiveAttribute(rule).has_value())
        << rule << ": " << FindSensitiveAttribute(rule)->token;
    EXPECT_TRUE(RuleExpression::Parse(rule).ok())
        << rule << ": " << RuleExpression::Parse(rule).status().message();
  }
}

TEST(RuleSensitiveTest, CatalogueHasNoSensitiveField) {
  for (const FieldInfo& f : RuleFields()) {
    EXPECT_FALSE(FindSensitiveAttribute(f.name).has_value()) << f.name;
  }
}

// ---- Evaluation from many threads ----

TEST(RuleConcurrencyTest, OneExpressionManyThreads) {
  const Manifest m = PnrManifest();
  const RuleExpression e =
      MustParse("traveller.nationality in (SY, GB) and route.countries = TR and age > 1");
  std::vector<std::thread> threads;
  std::vector<int> hits(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        for (size_t p = 0; p < m.travellers.size(); ++p) hits[t] += e.Matches(m, p) ? 1 : 0;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int h : hits) EXPECT_EQ(h, 1000);  // travellers 0 and 2
}

// ---- Airports ----

TEST(AirportTest, LooksUpCodesInAnyCase) {
  EXPECT_EQ(AirportCountry("KWI"), "KW");
  EXPECT_EQ(AirportCountry("ist"), "TR");
  EXPECT_EQ(AirportCountry(" DYU "), "TJ");
  EXPECT_EQ(AirportCountry("BGW"), "IQ");
  EXPECT_EQ(AirportCountry("NIM"), "NE");
  EXPECT_EQ(AirportCountry("MLH"), "FR");
  EXPECT_EQ(AirportCountry("PRN"), "XK");
  EXPECT_EQ(AirportCountry("XYZ"), "");
  EXPECT_EQ(AirportCountry("KW"), "");
  EXPECT_EQ(AirportCountry(""), "");
  EXPECT_EQ(AirportCountry("K1I"), "");
  ASSERT_TRUE(LookupAirport("lgw").has_value());
  EXPECT_EQ(LookupAirport("lgw")->city, "LON");
  EXPECT_EQ(LookupAirport("KWI")->city, "");
}

TEST(AirportTest, SameCity) {
  EXPECT_TRUE(SameCity("LHR", "LGW"));
  EXPECT_TRUE(SameCity("ist", "SAW"));
  EXPECT_TRUE(SameCity("JFK", "EWR"));
  EXPECT_TRUE(SameCity("KWI", "kwi"));
  EXPECT_TRUE(SameCity("QQQ", "QQQ"));  // unknown but the same code
  EXPECT_FALSE(SameCity("LHR", "MAN"));
  EXPECT_FALSE(SameCity("IST", "ESB"));
  EXPECT_FALSE(SameCity("QQQ", "QQR"));
  EXPECT_FALSE(SameCity("", ""));
}

TEST(AirportTest, TableIsSortedUniqueAndUsesRealCountries) {
  const std::span<const AirportInfo> all = KnownAirports();
  EXPECT_GE(all.size(), 400u);
  std::set<std::string_view> cities;
  for (size_t i = 0; i < all.size(); ++i) {
    const AirportInfo& a = all[i];
    ASSERT_EQ(a.iata.size(), 3u);
    for (char c : a.iata) EXPECT_TRUE(c >= 'A' && c <= 'Z') << a.iata;
    if (i > 0) {
      EXPECT_LT(all[i - 1].iata, a.iata) << "duplicate or unsorted " << a.iata;
    }
    EXPECT_FALSE(model::CountryName(a.country).empty()) << a.iata << " " << a.country;
    if (!a.city.empty()) cities.insert(a.city);
  }
  // A metropolitan code groups at least two airports.
  for (std::string_view city : cities) {
    int n = 0;
    for (const AirportInfo& a : all) n += a.city == city ? 1 : 0;
    EXPECT_GE(n, 2) << city;
  }
  // Every capital of the regions the table emphasises.
  for (const char* code :
       {"KWI", "RUH", "DOH", "BAH", "MCT", "AUH", "SAH", "AMM", "BEY", "DAM", "BGW", "IKA",
        "CAI", "KRT", "TIP", "TUN", "ALG", "RBA", "NKC", "BKO", "NIM", "OUA", "NDJ", "DKR",
        "MGQ", "ADD", "JIB", "ASM", "ESB", "TAS", "ALA", "NQZ", "FRU", "DYU", "ASB", "KBL",
        "ISB", "DEL", "DAC", "CMB", "KTM", "MLE", "GYD", "EVN", "TBS", "SVO", "KBP", "MSQ",
        "KIV", "BRU", "CDG", "BER", "FCO", "MAD", "LIS", "ATH", "VIE", "WAW", "BUD", "OTP",
        "SOF", "BEG", "SJJ", "TIA", "SKP", "PRN", "TGD", "ZAG", "LJU"}) {
    EXPECT_TRUE(LookupAirport(code).has_value()) << code;
  }
}

}  // namespace
}  // namespace hudud::travel
