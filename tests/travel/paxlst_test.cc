// Pins ParsePaxlst and ParsePaxlstFlights (travel/paxlst.cc). The fixtures in
// tests/data/travel/paxlst/ were written for hudud from the segment layouts of
// the WCO/IATA/ICAO PAXLST implementation guide (D02B, D05B, D15B), not
// captured traffic (tests/data/travel/README.md). Every structure the reader
// knows is pinned by its values; bad fields are kept and flagged; messages
// that cannot be read fail naming the segment and line.
#include "travel/paxlst.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace hudud::travel {
namespace {

using model::Gender;
using model::PartialDate;

const PartialDate kToday{2024, 11, 4};

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(HUDUD_TESTDATA_DIR) + "/travel/paxlst/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ParseOptions Options() {
  ParseOptions o;
  o.today = kToday;
  return o;
}

Manifest Parse(const std::string& bytes) {
  Result<Manifest> r = ParsePaxlst(bytes, Options());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : Manifest{};
}

std::string Error(const std::string& bytes) {
  Result<Manifest> r = ParsePaxlst(bytes, Options());
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().message();
}

// A single-segment-per-line message around `body` (segments without
// terminator), with a correct UNT count.
std::string Message(const std::vector<std::string>& body, const std::string& s010 = "",
                    const std::string& ref = "1", const std::string& car = "XX101/041124/1200") {
  std::string out =
      "UNH+" + ref + "+PAXLST:D:05B:UN:IATA+" + car + (s010.empty() ? "" : "+" + s010) + "'\n";
  for (const std::string& s : body) out += s + "'\n";
  out += "UNT+" + std::to_string(body.size() + 2) + "+" + ref + "'\n";
  return out;
}

std::string Interchange(const std::string& messages, int count = 1,
                        const std::string& ref = "000000123") {
  return "UNA:+.? '\nUNB+UNOA:4+XXAIR:ZZ+KWTAPIS:ZZ+241104:0930+" + ref + "++APIS'\n" + messages +
         "UNZ+" + std::to_string(count) + "+" + ref + "'\n";
}

// The flight header every inline message uses.
std::vector<std::string> Header(const std::string& bgm = "BGM+745") {
  return {bgm,
          "NAD+MS+++XX AIR OPS",
          "TDT+20+XX101+++XX",
          "LOC+125+DYU",
          "DTM+189:2411041200:201",
          "LOC+87+KWI",
          "DTM+232:2411041530:201"};
}

std::vector<std::string> Person(const std::string& nad, const std::string& dob = "850317") {
  return {nad,         "ATT+2++M",        "DTM+329:" + dob,
          "NAT+2+TJK", "DOC+P+401234567", "DTM+36:300101",
          "LOC+91+TJK"};
}

std::vector<std::string> Join(std::vector<std::vector<std::string>> parts) {
  std::vector<std::string> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// All finding/warning messages joined, for "mentions" checks.
std::string Texts(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) out += f.field + " | " + f.message + "\n";
  return out;
}

const Finding* FindField(const std::vector<Finding>& findings, const std::string& field) {
  for (const Finding& f : findings) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

TEST(PaxlstTest, AnnotatedD05bExample) {
  Manifest m = Parse(Fixture("d05b-annotated.edi"));
  EXPECT_EQ(m.format, MessageFormat::kPaxlst);
  EXPECT_EQ(m.sender, "XXAIR");
  EXPECT_EQ(m.recipient, "KWTAPIS");
  EXPECT_EQ(m.interchange_reference, "000000123");
  EXPECT_EQ(m.message_reference, "1");
  EXPECT_EQ(m.common_access_reference, "XX101/041124/1200");
  EXPECT_EQ(m.version, "D:05B");
  EXPECT_EQ(m.document_type, "745");
  EXPECT_EQ(m.document_function, "");
  EXPECT_EQ(m.transaction_reference, "XX1011104");
  EXPECT_EQ(m.reporting_party, "XX AIR OPS");
  EXPECT_EQ(m.parts, 1);
  EXPECT_TRUE(m.complete);
  EXPECT_EQ(m.declared_passengers, 1);
  EXPECT_FALSE(m.declared_crew.has_value());
  EXPECT_TRUE(m.warnings.empty()) << Texts(m.warnings);

  ASSERT_EQ(m.flights.size(), 1u);
  const FlightLeg& leg = m.flights[0];
  EXPECT_EQ(leg.Id(), "XX101");
  EXPECT_EQ(leg.carrier, "XX");
  EXPECT_EQ(leg.number, "101");
  EXPECT_EQ(leg.origin, "DYU");
  EXPECT_EQ(leg.destination, "KWI");
  EXPECT_EQ(leg.departure.raw, "2411041200");
  EXPECT_EQ(leg.departure.date, (PartialDate{2024, 11, 4}));
  EXPECT_EQ(leg.departure.minutes, 12 * 60);
  EXPECT_EQ(leg.arrival.date, (PartialDate{2024, 11, 4}));
  EXPECT_EQ(leg.arrival.minutes, 15 * 60 + 30);
  EXPECT_EQ(leg.segment, 8);

  ASSERT_EQ(m.travellers.size(), 1u);
  const Traveller& t = m.travellers[0];
  EXPECT_EQ(t.role, TravellerRole::kPassenger);
  EXPECT_EQ(t.segment, 13);
  EXPECT_EQ(t.name.surname, "RAHIMOV");
  EXPECT_EQ(t.name.given, (std::vector<std::string>{"DILSHOD", "KARIMOVICH"}));
  EXPECT_EQ(t.name.Full(), "DILSHOD KARIMOVICH RAHIMOV");
  EXPECT_EQ(t.gender, Gender::kMale);
  EXPECT_EQ(t.gender_raw, "M");
  EXPECT_EQ(t.birth_date.raw, "850317");
  EXPECT_EQ(t.birth_date.date, (PartialDate{1985, 3, 17}));
  EXPECT_EQ(t.embarkation, "DYU");
  EXPECT_EQ(t.debarkation, "KWI");
  EXPECT_EQ(t.clearance, "KWI");
  EXPECT_EQ(t.residence_country, "TJK");
  EXPECT_EQ(t.nationality, "TJK");
  EXPECT_EQ(t.booking_locator, "ABC123");
  EXPECT_EQ(t.passenger_reference, "XX101000123");
  ASSERT_EQ(t.documents.size(), 1u);
  EXPECT_EQ(t.documents[0].type, "P");
  EXPECT_EQ(t.documents[0].number, "401234567");
  EXPECT_EQ(t.documents[0].issuing_country, "TJK");
  EXPECT_EQ(t.documents[0].expiry.date, (PartialDate{2030, 1, 1}));
  EXPECT_EQ(t.documents[0].segment, 23);
  EXPECT_TRUE(t.findings.empty()) << Texts(t.findings);
}

TEST(PaxlstTest, D02bUsStyleShortDocAndProgressiveLegs) {
  Manifest m = Parse(Fixture("d02b-us-progressive.edi"));
  EXPECT_EQ(m.version, "D:02B");
  EXPECT_EQ(m.sender, "APIS*ABE");
  EXPECT_EQ(m.recipient, "USADHS");
  EXPECT_EQ(m.message_reference, "PAX001");
  EXPECT_EQ(m.transaction_reference, "");
  EXPECT_EQ(m.reporting_party, "UA APIS DESK");
  EXPECT_TRUE(m.warnings.empty()) << Texts(m.warnings);

  ASSERT_EQ(m.flights.size(), 2u);
  EXPECT_EQ(m.flights[0].Id(), "UA123");
  EXPECT_EQ(m.flights[0].origin, "YVR");
  EXPECT_EQ(m.flights[0].destination, "SEA");
  EXPECT_EQ(m.flights[1].Id(), "UA123");
  EXPECT_EQ(m.flights[1].origin, "SEA");
  EXPECT_EQ(m.flights[1].destination, "JFK");
  EXPECT_EQ(m.flights[1].departure.date, (PartialDate{2024, 3, 15}));
  EXPECT_EQ(m.flights[1].departure.minutes, 17 * 60 + 30);
  EXPECT_EQ(m.flights[1].arrival.date, (PartialDate{2024, 3, 16}));
  EXPECT_EQ(m.flights[1].arrival.minutes, 60 + 50);

  ASSERT_EQ(m.travellers.size(), 3u);
  const Traveller& karimi = m.travellers[0];
  EXPECT_EQ(karimi.name.surname, "KARIMI");
  EXPECT_EQ(karimi.name.given, (std::vector<std::string>{"FATEMEH"}));
  EXPECT_EQ(karimi.gender, Gender::kFemale);
  EXPECT_EQ(karimi.birth_date.date, (PartialDate{1979, 8, 23}));
  EXPECT_EQ(karimi.nationality, "IRN");
  EXPECT_EQ(karimi.residence_country, "CAN");
  EXPECT_EQ(karimi.clearance, "SEA");
  ASSERT_EQ(karimi.addresses.size(), 1u);
  EXPECT_EQ(karimi.addresses[0].kind, "residence");
  EXPECT_EQ(karimi.addresses[0].street, "350 FIFTH AVENUE");
  EXPECT_EQ(karimi.addresses[0].city, "NEW YORK");
  EXPECT_EQ(karimi.addresses[0].region, "NY");
  EXPECT_EQ(karimi.addresses[0].postcode, "10118");
  EXPECT_EQ(karimi.addresses[0].country, "USA");
  ASSERT_EQ(karimi.documents.size(), 1u);
  EXPECT_EQ(karimi.documents[0].type, "P");  // short form DOC+P+num
  EXPECT_EQ(karimi.documents[0].number, "X48213377");
  EXPECT_EQ(karimi.documents[0].expiry.date, (PartialDate{2026, 9, 30}));

  const Traveller& petrov = m.travellers[1];
  EXPECT_EQ(petrov.name.given, (std::vector<std::string>{"SERGEI", "ALEKSANDROVICH"}));
  EXPECT_EQ(petrov.birth_date.date, (PartialDate{1966, 1, 12}));
  ASSERT_EQ(petrov.documents.size(), 2u);
  EXPECT_EQ(petrov.documents[1].type, "V");
  EXPECT_EQ(petrov.documents[1].number, "E4417732");
  EXPECT_EQ(petrov.documents[1].issuing_country, "USA");
  EXPECT_EQ(petrov.documents[1].expiry.date, (PartialDate{2027, 1, 1}));
  EXPECT_EQ(petrov.documents[0].issuing_country, "RUS");

  // Born 04 Nov 2001, read on 04 Nov 2024: this century, not 1901.
  EXPECT_EQ(m.travellers[2].birth_date.date, (PartialDate{2001, 11, 4}));
  EXPECT_EQ(m.travellers[2].documents[0].expiry.date, (PartialDate{2033, 6, 10}));
  for (const Traveller& t : m.travellers) EXPECT_TRUE(t.findings.empty()) << Texts(t.findings);
}

TEST(PaxlstTest, D15bCrewList) {
  Manifest m = Parse(Fixture("d15b-crew.edi"));
  EXPECT_EQ(m.version, "D:15B");
  EXPECT_EQ(m.document_type, "250");
  EXPECT_EQ(m.document_function, "C");
  EXPECT_EQ(m.transaction_reference, "KU1171001");
  EXPECT_EQ(m.declared_crew, 3);
  EXPECT_FALSE(m.declared_passengers.has_value());
  EXPECT_TRUE(m.warnings.empty()) << Texts(m.warnings);
  ASSERT_EQ(m.flights.size(), 1u);
  EXPECT_EQ(m.flights[0].Id(), "KU117");
  EXPECT_EQ(m.flights[0].departure.date, (PartialDate{2025, 1, 10}));

  ASSERT_EQ(m.travellers.size(), 3u);
  const Traveller& purser = m.travellers[0];
  EXPECT_EQ(purser.role, TravellerRole::kCrew);
  EXPECT_EQ(purser.name.surname, "AL-SAYED");
  EXPECT_EQ(purser.crew_function, "CR2");
  ASSERT_EQ(purser.documents.size(), 1u);
  EXPECT_EQ(purser.documents[0].issued.raw, "190302");
  EXPECT_EQ(purser.documents[0].issued.date, (PartialDate{2019, 3, 2}));
  EXPECT_EQ(purser.documents[0].expiry.date, (PartialDate{2029, 3, 1}));

  const Traveller& captain = m.travellers[1];
  EXPECT_EQ(captain.name.surname, "AL-HASHIMI");
  EXPECT_EQ(captain.name.given, (std::vector<std::string>{"AHMED", "YOUSEF"}));
  EXPECT_EQ(captain.crew_function, "CR1");
  EXPECT_EQ(captain.birth_date.date, (PartialDate{1975, 6, 30}));
  ASSERT_EQ(captain.documents.size(), 2u);
  EXPECT_EQ(captain.documents[1].type, "AC");  // crew member certificate
  EXPECT_EQ(captain.documents[1].number, "KUCR0042");
  EXPECT_EQ(captain.documents[1].expiry.date, (PartialDate{2026, 12, 31}));
  EXPECT_TRUE(captain.documents[1].issued.raw.empty());

  const Traveller& positioning = m.travellers[2];
  EXPECT_EQ(positioning.role, TravellerRole::kTransitCrew);
  EXPECT_EQ(positioning.name.surname, "SHARIPOVA");
  EXPECT_EQ(positioning.crew_function, "CR5");
  EXPECT_EQ(positioning.documents[0].issued.date, (PartialDate{2020, 1, 16}));
  for (const Traveller& t : m.travellers) EXPECT_TRUE(t.findings.empty()) << Texts(t.findings);
}

TEST(PaxlstTest, NonDefaultSeparatorsAllOnOneLine) {
  Manifest m = Parse(Fixture("una-star-hash.edi"));
  EXPECT_TRUE(m.warnings.empty()) << Texts(m.warnings);
  EXPECT_EQ(m.flights[0].origin, "IKA");
  EXPECT_TRUE(m.complete);  // no S010: a single complete message
  ASSERT_EQ(m.travellers.size(), 2u);
  const Traveller& oneil = m.travellers[0];
  EXPECT_EQ(oneil.name.surname, "O'NEIL");  // the apostrophe is data under UNA:*.? #
  EXPECT_EQ(oneil.birth_date.date, (PartialDate{1980, 2, 29}));
  ASSERT_EQ(oneil.addresses.size(), 1u);
  EXPECT_EQ(oneil.addresses[0].street, "FLAT 3#4*B");  // released terminator and separator
  EXPECT_EQ(oneil.addresses[0].city, "DUBLIN");
  EXPECT_EQ(m.travellers[1].name.given, (std::vector<std::string>{"MOHAMMAD", "ALI"}));
  EXPECT_EQ(m.travellers[1].segment, 17);
}

TEST(PaxlstTest, BackslashReleaseCharacterAndCrLf) {
  Manifest m = Parse(Fixture("una-backslash.edi"));
  EXPECT_TRUE(m.warnings.empty()) << Texts(m.warnings);
  EXPECT_EQ(m.sender, "APIS*XX");  // '*' is the declared repetition character, kept as data
  ASSERT_EQ(m.travellers.size(), 1u);
  const Traveller& t = m.travellers[0];
  EXPECT_EQ(t.name.surname, "O'NEIL");
  EXPECT_EQ(t.name.given, (std::vector<std::string>{"Siobhan"}));  // kept as sent
  EXPECT_EQ(t.addresses[0].street, "UNIT 10+11 QUAY ST");
  EXPECT_EQ(t.passenger_reference, "XX207\\0042");
  EXPECT_EQ(t.gender, Gender::kFemale);
}

TEST(PaxlstTest, TelexEnvelopeAndLinesWrappedAt64Columns) {
  const std::string bytes = Fixture("telex-wrapped-64.edi");
  ASSERT_EQ(bytes.substr(0, 11), "\x01QP GBRRMOK");
  Manifest m = Parse(bytes);
  EXPECT_TRUE(m.warnings.empty()) << Texts(m.warnings);
  EXPECT_EQ(m.reporting_party, "XX AIR OPS CONTROL CENTRE KUWAIT");
  ASSERT_EQ(m.flights.size(), 1u);
  EXPECT_EQ(m.flights[0].origin, "SVO");
  EXPECT_EQ(m.flights[0].arrival.minutes, 22 * 60 + 30);
  ASSERT_EQ(m.travellers.size(), 3u);
  EXPECT_EQ(m.travellers[0].name.surname, "IVANOVA");
  EXPECT_EQ(m.travellers[0].birth_date.date, (PartialDate{1989, 7, 4}));  // "8907" / "04"
  EXPECT_EQ(m.travellers[1].name.given, (std::vector<std::string>{"ANDREI", "PAVLOVICH"}));
  // "O?" ends a wrapped line: the release applies across the line break.
  EXPECT_EQ(m.travellers[2].name.surname, "O'CONNOR");
  EXPECT_EQ(m.travellers[2].documents[0].number, "PC1112223");
  EXPECT_EQ(m.declared_passengers, 3);
  // Positions are lines of the file: the header takes two lines.
  EXPECT_EQ(m.travellers[0].segment, 11);
}

TEST(PaxlstTest, ThreePartsAcrossTwoInterchangesJoinIntoOneFlight) {
  Result<std::vector<Manifest>> flights = ParsePaxlstFlights(Fixture("multipart-3.edi"), Options());
  ASSERT_TRUE(flights.ok()) << flights.status().ToString();
  ASSERT_EQ(flights->size(), 1u);
  const Manifest& m = flights->front();
  EXPECT_EQ(m.parts, 3);
  EXPECT_TRUE(m.complete);
  EXPECT_EQ(m.message_reference, "P1");
  EXPECT_EQ(m.common_access_reference, "XX301/041124/0905");
  EXPECT_EQ(m.declared_passengers, 5);
  ASSERT_EQ(m.flights.size(), 1u);  // each part repeats the leg; kept once
  EXPECT_EQ(m.flights[0].Id(), "XX301");
  std::vector<std::string> names;
  for (const Traveller& t : m.travellers) names.push_back(t.name.surname);
  EXPECT_EQ(names,
            (std::vector<std::string>{"RAHIMOVA", "ABDULLAEV", "NAZAROVA", "KUZNETSOV", "O'NEIL"}));
  EXPECT_EQ(m.travellers[2].birth_date.date, (PartialDate{2001, 2, 3}));
  EXPECT_TRUE(m.warnings.empty()) << Texts(m.warnings);
}

TEST(PaxlstTest, MultiPartWithoutFinalPartIsIncomplete) {
  std::string bytes = Fixture("multipart-3.edi");
  bytes = bytes.substr(0, bytes.find("UNB", bytes.find("UNZ")));  // drop interchange 2 (part 3)
  Manifest m = Parse(bytes);
  EXPECT_EQ(m.parts, 2);
  EXPECT_FALSE(m.complete);
  EXPECT_EQ(m.travellers.size(), 4u);
  const std::string w = Texts(m.warnings);
  EXPECT_NE(w.find("segment 2 (line 3): the final part (S010 ...:F) of this message was not "
                   "received"),
            std::string::npos)
      << w;
  EXPECT_NE(w.find("CNT+42 declares 5 passengers, 4 passenger records were read (the list is "
                   "incomplete)"),
            std::string::npos)
      << w;
}

TEST(PaxlstTest, MultiPartMissingMiddlePart) {
  const auto part = [](const std::string& ref, const std::string& s010, const std::string& name) {
    return Message(Join({Header(), Person("NAD+FL+++" + name), {"CNT+42:3"}}), s010, ref);
  };
  Manifest m = Parse(
      Interchange(part("1", "01:C", "KARIMI:FATEMEH") + part("3", "03:F", "IVANOVA:IRINA"), 2));
  EXPECT_EQ(m.parts, 2);
  EXPECT_FALSE(m.complete);
  const std::string w = Texts(m.warnings);
  EXPECT_NE(w.find("part(s) 2 of 3 missing"), std::string::npos) << w;
  EXPECT_NE(w.find("CNT+42 declares 3 passengers, 2 passenger records"), std::string::npos) << w;
}

TEST(PaxlstTest, EveryRoleAndEveryPersonField) {
  Manifest m = Parse(Fixture("all-roles-fields.edi"));
  EXPECT_EQ(m.reporting_party, "XX AIR OPS DESK");
  EXPECT_EQ(m.transaction_reference, "XX4011104");
  EXPECT_EQ(m.declared_passengers, 2);
  EXPECT_EQ(m.declared_crew, 2);
  // LOC+130: the flight goes on in the country; LOC+188/172 are reported.
  ASSERT_EQ(m.flights.size(), 2u);
  EXPECT_EQ(m.flights[0].origin, "IST");
  EXPECT_EQ(m.flights[0].destination, "JFK");
  EXPECT_EQ(m.flights[1].Id(), "XX401");
  EXPECT_EQ(m.flights[1].origin, "JFK");
  EXPECT_EQ(m.flights[1].destination, "ORD");
  ASSERT_EQ(m.warnings.size(), 2u) << Texts(m.warnings);
  EXPECT_EQ(m.warnings[0].field, "LOC+188");
  EXPECT_EQ(m.warnings[0].segment, 9);
  EXPECT_EQ(m.warnings[0].message,
            "segment 9 (line 10): filing location 'IST' (no field in the model)");
  EXPECT_EQ(m.warnings[1].field, "LOC+172");

  ASSERT_EQ(m.travellers.size(), 4u);
  const Traveller& p = m.travellers[0];
  EXPECT_EQ(p.role, TravellerRole::kPassenger);
  ASSERT_EQ(p.addresses.size(), 1u);
  EXPECT_EQ(p.addresses[0].street, "12 RUDAKI AVENUE, APT 4");
  EXPECT_EQ(p.addresses[0].city, "DUSHANBE");
  EXPECT_EQ(p.addresses[0].region, "DUSHANBE CITY");
  EXPECT_EQ(p.addresses[0].postcode, "734025");
  EXPECT_EQ(p.addresses[0].country, "TJK");
  EXPECT_EQ(p.bags, 2);
  EXPECT_DOUBLE_EQ(p.bag_weight_kg, 31.5);
  EXPECT_EQ(p.verification, "173");
  EXPECT_EQ(p.bag_tags, (std::vector<std::string>{"XX012345", "XX012346"}));
  EXPECT_EQ(p.clearance, "JFK");
  EXPECT_EQ(p.residence_country, "TJK");
  EXPECT_EQ(p.embarkation, "DYU");
  EXPECT_EQ(p.debarkation, "ORD");
  EXPECT_EQ(p.birth_place, "DUSHANBE, TJK");
  ASSERT_EQ(p.contacts.size(), 2u);
  EXPECT_EQ(p.contacts[0].kind, "phone");
  EXPECT_EQ(p.contacts[0].value, "992 93 5551234");
  EXPECT_EQ(p.contacts[1].kind, "email");
  EXPECT_EQ(p.contacts[1].value, "D.RAHIMOV@EXAMPLE.TJ");
  EXPECT_EQ(p.booking_locator, "QX7Z2M");
  EXPECT_EQ(p.passenger_reference, "XX401000101");
  EXPECT_EQ(p.seat, "23A");
  ASSERT_EQ(p.documents.size(), 2u);
  EXPECT_EQ(p.documents[0].issue_place, "DUSHANBE");
  EXPECT_EQ(p.documents[0].issued.date, (PartialDate{2020, 1, 2}));
  EXPECT_EQ(p.documents[1].type, "V");
  EXPECT_EQ(p.documents[1].issuing_country, "USA");
  EXPECT_EQ(p.documents[1].expiry.date, (PartialDate{2025, 6, 1}));
  // An RFF qualifier the model has no field for is kept as a finding.
  ASSERT_EQ(p.findings.size(), 1u) << Texts(p.findings);
  EXPECT_EQ(p.findings[0].field, "RFF+CR");
  EXPECT_EQ(p.findings[0].segment, 33);
  EXPECT_NE(p.findings[0].message.find("KTN998877"), std::string::npos);

  const Traveller& transit = m.travellers[1];
  EXPECT_EQ(transit.role, TravellerRole::kTransitPassenger);
  EXPECT_EQ(transit.bags, 1);             // MEA+CT++1, the older layout
  EXPECT_TRUE(transit.bag_tags.empty());  // FTX+BAG+++NULL
  EXPECT_EQ(transit.verification, "174");
  EXPECT_EQ(transit.birth_place, "TEHRAN");
  EXPECT_EQ(transit.embarkation, "THR");
  EXPECT_EQ(transit.debarkation, "YYZ");
  EXPECT_TRUE(transit.findings.empty()) << Texts(transit.findings);

  EXPECT_EQ(m.travellers[2].role, TravellerRole::kCrew);
  EXPECT_EQ(m.travellers[2].name.surname, "IVANOVA");
  EXPECT_EQ(m.travellers[2].crew_function, "CR2");
  EXPECT_EQ(m.travellers[3].role, TravellerRole::kTransitCrew);
  EXPECT_EQ(m.travellers[3].documents[0].type, "AC");
}

TEST(PaxlstTest, BadFieldsAreKeptAndFlagged) {
  Manifest m = Parse(Fixture("flawed.edi"));
  ASSERT_EQ(m.travellers.size(), 5u);

  // No DTM+329, no DOC: kept, both missing fields named.
  const Traveller& nazarova = m.travellers[0];
  EXPECT_EQ(nazarova.name.surname, "NAZAROVA");
  EXPECT_TRUE(nazarova.birth_date.empty());
  EXPECT_TRUE(nazarova.documents.empty());
  ASSERT_EQ(nazarova.findings.size(), 2u) << Texts(nazarova.findings);
  EXPECT_EQ(nazarova.findings[0].field, "DTM+329");
  EXPECT_EQ(nazarova.findings[0].segment, 10);
  EXPECT_EQ(nazarova.findings[0].message, "segment 10 (line 11): no date of birth (DTM+329)");
  EXPECT_EQ(nazarova.findings[1].field, "DOC");

  // 32 March: the raw value is kept, the date is empty, the finding names it.
  const Traveller& abdullaev = m.travellers[1];
  EXPECT_EQ(abdullaev.birth_date.raw, "851332");
  EXPECT_TRUE(abdullaev.birth_date.empty());
  ASSERT_EQ(abdullaev.findings.size(), 1u) << Texts(abdullaev.findings);
  EXPECT_EQ(abdullaev.findings[0].field, "DTM+329");
  EXPECT_EQ(abdullaev.findings[0].message,
            "segment 15 (line 16): date of birth '851332' is not a valid YYMMDD date");
  EXPECT_EQ(abdullaev.documents[0].number, "FA1234567");

  const Traveller& hassan = m.travellers[2];
  EXPECT_EQ(hassan.gender_raw, "Q");
  EXPECT_EQ(hassan.gender, Gender::kUnknown);
  EXPECT_EQ(hassan.documents[0].issuing_country, "LIM");  // kept as sent
  ASSERT_EQ(hassan.findings.size(), 2u) << Texts(hassan.findings);
  EXPECT_EQ(hassan.findings[0].field, "ATT+2");
  EXPECT_NE(hassan.findings[0].message.find("segment 21"), std::string::npos);
  EXPECT_EQ(hassan.findings[1].field, "LOC+91");
  EXPECT_NE(hassan.findings[1].message.find("'LIM' is not an ICAO 9303 country code"),
            std::string::npos);

  // ATT+2++2: numeric junk read as ISO 5218 and flagged; DOC++ kept, flagged.
  const Traveller& farsi = m.travellers[3];
  EXPECT_EQ(farsi.gender, Gender::kFemale);
  EXPECT_EQ(farsi.gender_raw, "2");
  ASSERT_EQ(farsi.documents.size(), 1u);
  EXPECT_EQ(farsi.documents[0].number, "");
  EXPECT_EQ(farsi.documents[0].expiry.date, (PartialDate{2030, 1, 1}));
  ASSERT_EQ(farsi.findings.size(), 2u) << Texts(farsi.findings);
  EXPECT_NE(farsi.findings[0].message.find("read as ISO 5218 female"), std::string::npos);
  EXPECT_EQ(farsi.findings[1].field, "DOC");
  EXPECT_EQ(farsi.findings[1].segment, 31);

  // No surname; a DOB with spaces is trimmed.
  const Traveller& john = m.travellers[4];
  EXPECT_EQ(john.name.surname, "");
  EXPECT_EQ(john.name.given, (std::vector<std::string>{"JOHN"}));
  EXPECT_EQ(john.birth_date.date, (PartialDate{1988, 8, 8}));
  ASSERT_EQ(john.findings.size(), 1u) << Texts(john.findings);
  EXPECT_EQ(john.findings[0].message, "segment 33 (line 34): no surname");

  ASSERT_EQ(m.warnings.size(), 4u) << Texts(m.warnings);
  EXPECT_EQ(m.warnings[0].field, "XYZ+1");
  EXPECT_EQ(m.warnings[0].message,
            "segment 40 (line 41): unexpected segment XYZ kept here: 'XYZ+1+2'");
  EXPECT_EQ(m.warnings[1].field, "UNT");
  EXPECT_EQ(m.warnings[1].message, "segment 42 (line 43): UNT declares 99 segments, counted 41");
  EXPECT_EQ(m.warnings[2].field, "CNT+42");
  EXPECT_EQ(m.warnings[2].segment, 41);
  EXPECT_EQ(m.warnings[2].message,
            "segment 41 (line 42): CNT+42 declares 6 passengers, 5 passenger records were read");
  EXPECT_EQ(m.warnings[3].field, "UNZ");
  EXPECT_EQ(m.warnings[3].message, "segment 43 (line 44): UNZ declares 2 messages, counted 1");
}

TEST(PaxlstTest, UnocLatin1NamesAreDecoded) {
  Manifest m = Parse(Fixture("unoc-latin1.edi"));
  EXPECT_TRUE(m.warnings.empty()) << Texts(m.warnings);
  ASSERT_EQ(m.travellers.size(), 2u);
  EXPECT_EQ(m.travellers[0].name.surname, "MÜLLER");
  EXPECT_EQ(m.travellers[0].name.given, (std::vector<std::string>{"JÜRGEN"}));
  EXPECT_EQ(m.travellers[0].nationality, "D");  // ICAO code for Germany: no finding
  EXPECT_EQ(m.travellers[1].name.surname, "ÖZTÜRK");
  EXPECT_EQ(m.travellers[1].name.given, (std::vector<std::string>{"GÖKÇE"}));
  for (const Traveller& t : m.travellers) EXPECT_TRUE(t.findings.empty()) << Texts(t.findings);
}

TEST(PaxlstTest, TwoFlightsAreTwoManifests) {
  const std::string bytes = Fixture("two-flights.edi");
  Result<std::vector<Manifest>> flights = ParsePaxlstFlights(bytes, Options());
  ASSERT_TRUE(flights.ok()) << flights.status().ToString();
  ASSERT_EQ(flights->size(), 2u);
  EXPECT_EQ((*flights)[0].flights[0].Id(), "XX501");
  EXPECT_EQ((*flights)[0].travellers[0].name.surname, "RAHIMOV");
  EXPECT_EQ((*flights)[0].interchange_reference, "000000501");
  EXPECT_EQ((*flights)[1].flights[0].Id(), "YY602");
  EXPECT_EQ((*flights)[1].travellers[0].name.surname, "KARIMI");
  EXPECT_EQ((*flights)[1].interchange_reference, "000000502");
  EXPECT_TRUE((*flights)[1].warnings.empty()) << Texts((*flights)[1].warnings);

  const std::string error = Error(bytes);
  EXPECT_NE(error.find("2 different flights (XX501/2024-11-04, YY602/2024-11-05)"),
            std::string::npos)
      << error;
}

TEST(PaxlstTest, PassengerAndCrewListsOfOneFlightJoin) {
  const std::string pax =
      Message(Join({Header(), Person("NAD+FL+++KARIMI:FATEMEH"), {"CNT+42:1"}}), "", "1");
  const std::string crew = Message(
      Join({Header("BGM+250"), Person("NAD+FM+++IVANOVA:IRINA"), {"EMP+1+CR2", "CNT+41:1"}}), "",
      "2", "XX101/041124/1200C");
  Manifest m = Parse(Interchange(pax + crew, 2));
  EXPECT_EQ(m.parts, 2);
  EXPECT_TRUE(m.complete);
  ASSERT_EQ(m.flights.size(), 1u);
  ASSERT_EQ(m.travellers.size(), 2u);
  EXPECT_EQ(m.travellers[1].role, TravellerRole::kCrew);
  EXPECT_EQ(m.declared_passengers, 1);
  EXPECT_EQ(m.declared_crew, 1);
  EXPECT_EQ(m.document_type, "745");
  ASSERT_EQ(m.warnings.size(), 1u) << Texts(m.warnings);
  EXPECT_EQ(m.warnings[0].field, "BGM");
  EXPECT_NE(m.warnings[0].message.find("document type '250' joined to the flight's '745'"),
            std::string::npos);
}

TEST(PaxlstTest, ChangeMessageJoinedToItsFlightIsFlagged) {
  const std::string full = Message(Join({Header(),
                                         Person("NAD+FL+++KARIMI:FATEMEH"),
                                         Person("NAD+FL+++IVANOVA:IRINA"),
                                         {"CNT+42:2"}}),
                                   "", "1");
  const std::string change =
      Message(Join({Header("BGM+745+CP"), Person("NAD+FL+++IVANOVA:IRINA"), {"CNT+42:2"}}), "", "2",
              "XX101/041124/1200/2");
  Manifest m = Parse(Interchange(full + change, 2));
  EXPECT_EQ(m.parts, 2);
  EXPECT_EQ(m.travellers.size(), 3u);  // kept: screening a person twice is harmless
  ASSERT_EQ(m.warnings.size(), 2u) << Texts(m.warnings);
  EXPECT_EQ(m.warnings[0].message,
            "segment 26 (line 27): document type '745+CP' joined to the flight's '745'");
  EXPECT_EQ(m.warnings[1].message,
            "segment 24 (line 25): CNT+42 declares 2 passengers, 3 passenger records were read");
}

TEST(PaxlstTest, UnreadableMessagesFailNamingSegmentAndLine) {
  // Not EDIFACT at all.
  EXPECT_NE(Error("NAD+FL+++DOE").find("no EDIFACT interchange"), std::string::npos);
  // An interchange without a message.
  EXPECT_NE(Error(Interchange("", 0)).find("no PAXLST message (UNH)"), std::string::npos);
  // Another message type.
  const std::string pnr = Interchange("UNH+1+PNRGOV:11:1:IA+XX101'\nMSG+:22'\nUNT+3+1'\n");
  EXPECT_EQ(Error(pnr), "segment 2 (line 3): message type 'PNRGOV' is not PAXLST");
  // No BGM.
  std::vector<std::string> body = Join({Header(), Person("NAD+FL+++KARIMI:FATEMEH")});
  body.erase(body.begin());
  EXPECT_EQ(Error(Interchange(Message(body))),
            "segment 2 (line 3): PAXLST message has no BGM (document type)");
  // An invalid tag.
  const std::string bad = Interchange(Message({"BGM+745", "TDT+20+XX101", "N-D+FL+++DOE"}));
  EXPECT_NE(Error(bad).find("segment 5 (line 6): invalid segment tag 'N-D'"), std::string::npos);
  // In a second interchange: which one, and the line in the whole input.
  const std::string good = Interchange(Message(Join({Header(), Person("NAD+FL+++DOE:JOHN")})));
  const std::string second = Error(good + bad);
  EXPECT_NE(second.find("interchange 2, segment 5 (line 25): invalid segment tag"),
            std::string::npos)
      << second;
}

TEST(PaxlstTest, PersonBeforeAnyLegIsKeptWithAFinding) {
  Manifest m = Parse(Interchange(
      Message(Join({{"BGM+745"}, Person("NAD+FL+++AL-HASHIMI:AHMED:YOUSEF"), {"CNT+42:1"}}))));
  ASSERT_EQ(m.travellers.size(), 1u);
  EXPECT_EQ(m.travellers[0].name.surname, "AL-HASHIMI");
  ASSERT_EQ(m.travellers[0].findings.size(), 1u) << Texts(m.travellers[0].findings);
  EXPECT_EQ(m.travellers[0].findings[0].message,
            "segment 4 (line 5): person record before any TDT (flight leg)");
  EXPECT_TRUE(m.flights.empty());
  EXPECT_NE(Texts(m.warnings).find("message has no TDT"), std::string::npos);
}

TEST(PaxlstTest, ProgressiveFlightInOneLegGroup) {
  Manifest m = Parse(Interchange(Message(Join(
      {{"BGM+745", "TDT+20+XX101+++XX", "LOC+92+DYU", "DTM+189:2411040600:201", "LOC+92+TAS",
        "DTM+232:2411040715:201", "DTM+189:2411040815:201", "LOC+92+KWI", "DTM+232:2411041010:201"},
       Person("NAD+FL+++RAHIMOV:DILSHOD")}))));
  ASSERT_EQ(m.flights.size(), 2u) << Texts(m.warnings);
  EXPECT_EQ(m.flights[0].origin, "DYU");
  EXPECT_EQ(m.flights[0].destination, "TAS");
  EXPECT_EQ(m.flights[0].arrival.minutes, 7 * 60 + 15);
  EXPECT_EQ(m.flights[1].Id(), "XX101");
  EXPECT_EQ(m.flights[1].origin, "TAS");
  EXPECT_EQ(m.flights[1].destination, "KWI");
  EXPECT_EQ(m.flights[1].departure.minutes, 8 * 60 + 15);
  EXPECT_EQ(m.flights[1].arrival.minutes, 10 * 60 + 10);
}

TEST(PaxlstTest, FlightIdentifiers) {
  struct Case {
    std::string tdt, carrier, number;
    bool warned;
  } cases[] = {
      {"TDT+20+XX101+++XX", "XX", "101", false},
      {"TDT+20+XX101", "XX", "101", false},
      {"TDT+20+9W0123", "9W", "0123", false},
      {"TDT+20+KAC0101", "KAC", "0101", false},  // ICAO designator, no C040
      {"TDT+20+KAC0101+++KAC:172:ICAO", "KAC", "0101", false},
      {"TDT+20+XX 101+++XX", "XX", "101", false},
      {"TDT+20+XX101+++YY", "YY", "101", true},  // carrier differs from the flight id
      {"TDT+20++++XX", "XX", "", true},
  };
  for (const Case& c : cases) {
    Manifest m = Parse(Interchange(Message(
        Join({{"BGM+745", c.tdt, "LOC+125+DYU", "LOC+87+KWI"}, Person("NAD+FL+++DOE:JOHN")}))));
    ASSERT_EQ(m.flights.size(), 1u) << c.tdt;
    EXPECT_EQ(m.flights[0].carrier, c.carrier) << c.tdt;
    EXPECT_EQ(m.flights[0].number, c.number) << c.tdt;
    EXPECT_EQ(FindField(m.warnings, "TDT+20") != nullptr, c.warned) << c.tdt << Texts(m.warnings);
  }
}

TEST(PaxlstTest, GenderCodes) {
  struct Case {
    std::string att;
    Gender gender;
    bool flagged;
  } cases[] = {
      {"ATT+2++M", Gender::kMale, false},    {"ATT+2++F", Gender::kFemale, false},
      {"ATT+2++U", Gender::kUnknown, false}, {"ATT+2++X", Gender::kUnknown, false},
      {"ATT+2++f", Gender::kFemale, false},  {"ATT+2++1", Gender::kMale, true},
      {"ATT+2++2", Gender::kFemale, true},   {"ATT+2++0", Gender::kUnknown, true},
      {"ATT+2++MALE", Gender::kMale, true},  {"ATT+2++Q", Gender::kUnknown, true},
      {"ATT+2++", Gender::kUnknown, true},   {"ATT+2+F", Gender::kFemale, true},
  };
  for (const Case& c : cases) {
    std::vector<std::string> person = Person("NAD+FL+++DOE:JOHN");
    person[1] = c.att;
    Manifest m = Parse(Interchange(Message(Join({Header(), person}))));
    ASSERT_EQ(m.travellers.size(), 1u);
    EXPECT_EQ(m.travellers[0].gender, c.gender) << c.att;
    EXPECT_EQ(FindField(m.travellers[0].findings, "ATT+2") != nullptr, c.flagged)
        << c.att << Texts(m.travellers[0].findings);
  }
}

TEST(PaxlstTest, DateLayouts) {
  Manifest m = Parse(Interchange(
      Message(Join({{"BGM+745", "TDT+20+XX101+++XX", "LOC+125+DYU", "DTM+189:202411041200:203",
                     "LOC+87+KWI", "DTM+232: 2411041530:201"},
                    {"NAD+FL+++DOE:JOHN", "ATT+2++M", "DTM+329:19850317:102", "NAT+2+GBR",
                     "DOC+P+123", "DTM+36:20300101:102"},
                    {"NAD+FL+++DOE:JANE", "ATT+2++F", "DTM+329:300101", "NAT+2+GBR", "DOC+P+124",
                     "DTM+36:491231"},
                    {"NAD+FL+++DOE:BABY", "ATT+2++F", "DTM+329:20300101:102", "NAT+2+GBR",
                     "DOC+P+125", "DTM+36:2412"}}))));
  EXPECT_EQ(m.flights[0].departure.date, (PartialDate{2024, 11, 4}));
  EXPECT_EQ(m.flights[0].departure.minutes, 12 * 60);
  EXPECT_EQ(m.flights[0].arrival.raw, "2411041530");  // spaces trimmed, as the guide's own example
  EXPECT_EQ(m.flights[0].arrival.minutes, 15 * 60 + 30);
  ASSERT_EQ(m.travellers.size(), 3u);
  EXPECT_EQ(m.travellers[0].birth_date.date, (PartialDate{1985, 3, 17}));
  EXPECT_EQ(m.travellers[0].documents[0].expiry.date, (PartialDate{2030, 1, 1}));
  // Two-digit years: a birth is in the past, an expiry within 50 years ahead.
  EXPECT_EQ(m.travellers[1].birth_date.date, (PartialDate{1930, 1, 1}));
  EXPECT_EQ(m.travellers[1].documents[0].expiry.date, (PartialDate{2049, 12, 31}));
  // Born in 2030: impossible, flagged; a 4-digit expiry is no date.
  EXPECT_TRUE(m.travellers[2].birth_date.empty());
  EXPECT_EQ(m.travellers[2].birth_date.raw, "20300101");
  EXPECT_TRUE(m.travellers[2].documents[0].expiry.empty());
  const std::string f = Texts(m.travellers[2].findings);
  EXPECT_NE(f.find("date of birth '20300101' is not a valid"), std::string::npos) << f;
  EXPECT_NE(f.find("expiry date '2412' is not a valid"), std::string::npos) << f;
}

TEST(PaxlstTest, BaggageAndContacts) {
  Manifest m = Parse(Interchange(
      Message(Join({Header(),
                    Person("NAD+FL+++KARIMI:FATEMEH"),
                    {"MEA+WT++LBR:22", "MEA+CT++:X", "FTX+BAG+++XX000098:3", "FTX+BAG+++YY1:250",
                     "COM+F.KARIMI//MAIL.IR:EM+98 21 5550000:FX+123:ZZ", "GEI+4+999"}}))));
  const Traveller& t = m.travellers[0];
  EXPECT_NEAR(t.bag_weight_kg, 9.979, 0.001);
  EXPECT_EQ(t.bags, -1);  // "X" is not a count
  EXPECT_EQ(t.bag_tags, (std::vector<std::string>{"XX000098", "XX000099", "XX000100", "YY1"}));
  ASSERT_EQ(t.contacts.size(), 3u);
  EXPECT_EQ(t.contacts[0].kind, "email");
  EXPECT_EQ(t.contacts[0].value, "F.KARIMI@MAIL.IR");
  EXPECT_EQ(t.contacts[1].kind, "fax");
  EXPECT_EQ(t.contacts[2].kind, "other");
  EXPECT_EQ(t.verification, "");
  const std::string f = Texts(t.findings);
  EXPECT_NE(f.find("MEA+CT | segment 18 (line 19): bag count 'X'"), std::string::npos) << f;
  EXPECT_NE(f.find("bag tag count '250' not read"), std::string::npos) << f;
  EXPECT_NE(f.find("GEI+4 | "), std::string::npos) << f;
}

TEST(PaxlstTest, MisplacedAndRepeatedSegments) {
  Manifest m = Parse(Interchange(
      Message(Join({Header(),
                    {"ATT+2++M", "NAD+FL+++IVANOVA:IRINA", "ATT+2++F", "ATT+2++M", "DTM+36:300101",
                     "LOC+91+RUS", "NAT+2+RUS", "NAT+2+UKR", "DTM+329:890704", "DOC+P+721234567",
                     "DTM+329:890704", "DTM+36:320202", "LOC+91+RUS", "RFF+AVF:ABC123",
                     "RFF+AVF:XYZ999", "CNT+42:1", "NAD+FL+++LATE:PERSON"}}))));
  ASSERT_EQ(m.travellers.size(), 2u);
  const Traveller& t = m.travellers[0];
  EXPECT_EQ(t.gender, Gender::kFemale);  // the first value is kept
  EXPECT_EQ(t.nationality, "RUS");
  EXPECT_EQ(t.birth_date.date, (PartialDate{1989, 7, 4}));  // DTM+329 after DOC is the person's
  EXPECT_EQ(t.documents[0].expiry.date, (PartialDate{2032, 2, 2}));
  EXPECT_EQ(t.booking_locator, "ABC123");
  const std::string f = Texts(t.findings);
  EXPECT_NE(f.find("second gender 'M' ignored"), std::string::npos) << f;
  EXPECT_NE(f.find("document date before any DOC"), std::string::npos) << f;
  EXPECT_NE(f.find("issuing country before any DOC"), std::string::npos) << f;
  EXPECT_NE(f.find("second nationality 'UKR' not kept"), std::string::npos) << f;
  EXPECT_NE(f.find("second reference"), std::string::npos) << f;
  const std::string w = Texts(m.warnings);
  EXPECT_NE(w.find("ATT outside a person record ignored"), std::string::npos) << w;
  EXPECT_NE(w.find("person record after CNT"), std::string::npos) << w;
  EXPECT_NE(w.find("CNT+42 declares 1 passengers, 2 passenger records"), std::string::npos) << w;
}

TEST(PaxlstTest, VersionFromGroupHeaderAndTrailerReferences) {
  const std::string bytes =
      "UNB+UNOA:4+XXAIR+KWTAPIS+241104:0930+77'\n"
      "UNG+PAXLST+XXAIR+KWTAPIS+241104:0930+5+UN+D:02B'\n"
      "UNH+1+PAXLST'\nBGM+745'\nTDT+20+XX101'\nNAD+FL+++DOE:JOHN'\nUNT+5+2'\n"
      "UNE+3+5'\nUNZ+1+78'\n";
  Manifest m = Parse(bytes);
  EXPECT_EQ(m.version, "D:02B");
  const std::string w = Texts(m.warnings);
  EXPECT_NE(w.find("UNT reference '2' differs from the header's '1'"), std::string::npos) << w;
  EXPECT_NE(w.find("UNE declares 3 messages, counted 1"), std::string::npos) << w;
  EXPECT_NE(w.find("UNZ reference '78' differs from the header's '77'"), std::string::npos) << w;
  EXPECT_EQ(w.find("UNZ declares"), std::string::npos) << w;  // 1 group
}

TEST(PaxlstTest, TruncatedMessageIsKeptWithWarnings) {
  std::string bytes = Fixture("d05b-annotated.edi");
  bytes = bytes.substr(0, bytes.find("DOC+P"));
  Manifest m = Parse(bytes);
  ASSERT_EQ(m.travellers.size(), 1u);
  EXPECT_EQ(m.travellers[0].booking_locator, "ABC123");
  const std::string w = Texts(m.warnings);
  EXPECT_NE(w.find("the message has no UNT (truncated?)"), std::string::npos) << w;
  EXPECT_NE(w.find("no UNZ"), std::string::npos) << w;
}

TEST(PaxlstTest, TooManyPersonsIsAnError) {
  std::string body = "BGM+745'TDT+20+XX101'";
  for (size_t i = 0; i <= kPaxlstMaxPersons; ++i) body += "NAD+FL+++X'";
  const std::string error = Error("UNB+UNOA:4+X+Y+1:1+1'UNH+1+PAXLST'" + body + "UNT+1+1'");
  EXPECT_NE(error.find("more than 100000 person records"), std::string::npos) << error;
}

TEST(PaxlstTest, EveryPrefixOfEveryFixtureIsReadOrRefused) {
  for (const char* name :
       {"d05b-annotated.edi", "multipart-3.edi", "telex-wrapped-64.edi", "una-star-hash.edi",
        "una-backslash.edi", "flawed.edi", "unoc-latin1.edi", "all-roles-fields.edi"}) {
    const std::string bytes = Fixture(name);
    for (size_t n = 0; n <= bytes.size(); ++n) {
      Result<std::vector<Manifest>> r =
          ParsePaxlstFlights(std::string_view(bytes).substr(0, n), Options());
      if (r.ok()) {
        EXPECT_FALSE(r->empty());
      } else {
        EXPECT_FALSE(r.status().message().empty());
      }
    }
  }
}

}  // namespace
}  // namespace hudud::travel
