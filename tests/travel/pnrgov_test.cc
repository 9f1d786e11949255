// Pins ParsePnrgov (travel/pnrgov.cc) on the fixtures of
// tests/data/travel/pnrgov (written from the IATA PNRGOV implementation
// guides, see the README there), one test per structure: envelope and pushed
// flight, PNR-level data, travellers and their documents, itineraries with
// codeshares, payments, contacts, check-in data, infants, groups, multi-part
// pushes, sensitive SSRs deleted on receipt, bad fields as findings, missing
// segments, and the errors and warnings of broken messages.
#include "travel/pnrgov.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace hudud::travel {
namespace {

using model::Gender;
using model::PartialDate;

std::string Fixture(const std::string& name) {
  const std::string path = std::string(HUDUD_TESTDATA_DIR) + "/travel/pnrgov/" + name;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  EXPECT_FALSE(s.str().empty()) << "missing fixture " << path;
  return s.str();
}

ParseOptions Options() {
  ParseOptions o;
  o.today = {2026, 3, 1};
  return o;
}

Manifest Parse(const std::string& bytes) {
  Result<Manifest> r = ParsePnrgov(bytes, Options());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : Manifest();
}

const Traveller* Named(const Manifest& m, const std::string& surname, const std::string& given) {
  for (const Traveller& t : m.travellers) {
    if (t.name.surname == surname && !t.name.given.empty() && t.name.given[0] == given) return &t;
  }
  return nullptr;
}

bool HasWarning(const Manifest& m, const std::string& field, const std::string& part,
                int segment = -1) {
  for (const Finding& f : m.warnings) {
    if (f.field == field && f.message.find(part) != std::string::npos &&
        (segment < 0 || f.segment == segment)) {
      return true;
    }
  }
  return false;
}

// Replaces the first occurrence of `from` (which must exist).
std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(PnrgovTest, AppendixBStyleEnvelopeAndPushedFlight) {
  const Manifest m = Parse(Fixture("sq602_v11_1.edi"));
  EXPECT_EQ(m.format, MessageFormat::kPnrgov);
  EXPECT_EQ(m.sender, "1A");
  EXPECT_EQ(m.recipient, "KRCUSTOMS");
  EXPECT_EQ(m.interchange_reference, "020A07");
  EXPECT_EQ(m.message_reference, "1");
  EXPECT_EQ(m.common_access_reference, "270513/0649/SQ/602");
  EXPECT_EQ(m.version, "11:1");
  EXPECT_EQ(m.document_type, "22");
  EXPECT_EQ(m.reporting_party, "1A:MUC");
  EXPECT_EQ(m.parts, 1);
  EXPECT_TRUE(m.complete);
  ASSERT_EQ(m.flights.size(), 1u);
  const FlightLeg& f = m.flights[0];
  EXPECT_EQ(f.Id(), "SQ602");
  EXPECT_EQ(f.origin, "SIN");
  EXPECT_EQ(f.destination, "ICN");
  EXPECT_EQ(f.departure.raw, "270513");  // day first
  EXPECT_EQ(f.departure.date, (PartialDate{2013, 5, 27}));
  EXPECT_EQ(f.departure.minutes, 14 * 60 + 30);
  EXPECT_EQ(f.arrival.minutes, 22 * 60 + 5);
  ASSERT_TRUE(m.declared_bookings.has_value());
  EXPECT_EQ(*m.declared_bookings, 2);
  EXPECT_EQ(m.bookings.size(), 2u);
  EXPECT_EQ(m.travellers.size(), 3u);
  EXPECT_TRUE(m.warnings.empty()) << m.warnings[0].message;
  EXPECT_EQ(m.sensitive_deleted, 0);
}

TEST(PnrgovTest, PnrLevelLocatorsDatesAgencyContacts) {
  const Manifest m = Parse(Fixture("sq602_v11_1.edi"));
  ASSERT_EQ(m.bookings.size(), 2u);
  const Booking& b = m.bookings[0];
  EXPECT_EQ(b.segment, 7);
  EXPECT_EQ(b.locator, "W9TEND");
  EXPECT_EQ(b.other_locators, (std::vector<std::string>{"1A:3PGZOV"}));
  EXPECT_EQ(b.created.date, (PartialDate{2013, 3, 23}));
  EXPECT_EQ(b.created.minutes, 14 * 60 + 15);
  EXPECT_EQ(b.last_modified.date, (PartialDate{2013, 5, 25}));
  EXPECT_EQ(b.ticketed.date, (PartialDate{2013, 5, 25}));
  EXPECT_EQ(b.ticketed.minutes, 9 * 60 + 35);
  EXPECT_EQ(b.agency, "91234567:SINXX2100");
  EXPECT_EQ(b.agency_type, "T");
  EXPECT_EQ(b.agency_country, "SG");
  ASSERT_EQ(b.contacts.size(), 3u);
  EXPECT_EQ(b.contacts[0].kind, "email");
  EXPECT_EQ(b.contacts[0].value, "AHMED.AL_HASHIMI@EXAMPLE.COM");  // CTCE: "//" and ".."
  EXPECT_EQ(b.contacts[1].kind, "phone");
  EXPECT_EQ(b.contacts[1].value, "96550012345");
  EXPECT_EQ(b.contacts[2].value, "+6561234567");  // ADD, '+' released with '?'
  ASSERT_FALSE(b.addresses.empty());
  EXPECT_EQ(b.addresses[0].kind, "contact");
  EXPECT_EQ(b.addresses[0].street, "12 ORCHARD ROAD");
  EXPECT_EQ(b.addresses[0].city, "SINGAPORE");
  EXPECT_EQ(b.addresses[0].country, "SG");
  EXPECT_EQ(b.addresses[0].postcode, "238826");
  EXPECT_EQ(b.travellers, (std::vector<size_t>{0}));
  ASSERT_EQ(b.itinerary.size(), 1u);
  EXPECT_EQ(b.itinerary[0].booking_class, "D");
  EXPECT_EQ(b.itinerary[0].status, "HK");
  // An airline office as originator: no agent id, type A.
  EXPECT_EQ(m.bookings[1].agency, "SINSQ08AA");
  EXPECT_EQ(m.bookings[1].agency_type, "A");
}

TEST(PnrgovTest, TravellerNameDocumentsAndPayment) {
  const Manifest m = Parse(Fixture("sq602_v11_1.edi"));
  const Traveller* t = Named(m, "AL HASHIMI", "AHMED");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->name.title, "MR");
  EXPECT_EQ(t->passenger_type, "A");
  EXPECT_EQ(t->traveller_ref, "1");
  EXPECT_EQ(t->booking, 0);
  EXPECT_EQ(t->booking_locator, "W9TEND");
  EXPECT_EQ(t->segment, 14);
  EXPECT_EQ(t->frequent_flyer, "SQ8794285757");
  EXPECT_EQ(t->passenger_reference, "001C451486DFF0CC");
  EXPECT_EQ(t->nationality, "KWT");
  EXPECT_EQ(t->birth_date.raw, "12JUL74");
  EXPECT_EQ(t->birth_date.date, (PartialDate{1974, 7, 12}));
  EXPECT_EQ(t->gender, Gender::kMale);
  ASSERT_EQ(t->documents.size(), 1u);
  const TravelDocument& d = t->documents[0];
  EXPECT_EQ(d.type, "P");
  EXPECT_EQ(d.number, "K01234567");
  EXPECT_EQ(d.issuing_country, "KWT");
  EXPECT_EQ(d.expiry.date, (PartialDate{2027, 8, 23}));
  EXPECT_EQ(d.holder.surname, "AL HASHIMI");
  EXPECT_EQ(d.segment, 18);
  EXPECT_EQ(t->residence_country, "KWT");  // DOCA R
  ASSERT_EQ(t->addresses.size(), 1u);
  EXPECT_EQ(t->addresses[0].kind, "residence");
  EXPECT_EQ(t->addresses[0].city, "KUWAIT CITY");
  ASSERT_EQ(t->contacts.size(), 1u);  // SSR CTCM
  EXPECT_EQ(t->contacts[0].value, "96550012345");
  EXPECT_EQ(t->tickets, (std::vector<std::string>{"6182230534212"}));
  ASSERT_EQ(t->payments.size(), 1u);
  const Payment& p = t->payments[0];
  EXPECT_EQ(p.type, "CC");
  EXPECT_EQ(p.card_vendor, "VI");
  EXPECT_EQ(p.account, "4571XXXXXXXX1234");
  EXPECT_EQ(p.MaskedAccount(), "XXXXXXXXXXXX1234");
  EXPECT_EQ(p.card_expiry, "0927");
  EXPECT_EQ(p.amount, "1320.50");
  EXPECT_EQ(p.payer, "AHMED AL HASHIMI");  // IFT 4:43 after FOP
  ASSERT_EQ(m.bookings[0].payments.size(), 1u);
  EXPECT_EQ(m.bookings[0].payments[0].payer, "AHMED AL HASHIMI");
  bool payer_address = false;
  for (const Address& a : m.bookings[0].addresses) payer_address |= a.kind == "payer";
  EXPECT_TRUE(payer_address);
  EXPECT_EQ(t->seat, "11D");  // flight SSR SEAT with 9944 ref 1
  EXPECT_EQ(t->services, (std::vector<std::string>{"DOCS", "DOCA", "CTCM", "SEAT"}));
  EXPECT_TRUE(t->findings.empty());
}

TEST(PnrgovTest, PnrLevelSsrsRoutedByTravellerReference) {
  const Manifest m = Parse(Fixture("sq602_v11_1.edi"));
  const Booking& b = m.bookings[1];
  EXPECT_EQ(b.locator, "X7KQ2B");
  ASSERT_EQ(b.travellers.size(), 2u);
  const Traveller& fatemeh = m.travellers[b.travellers[0]];
  const Traveller& reza = m.travellers[b.travellers[1]];
  EXPECT_EQ(fatemeh.name.surname, "KARIMI");
  EXPECT_EQ(fatemeh.name.given, (std::vector<std::string>{"FATEMEH"}));
  EXPECT_EQ(fatemeh.name.title, "MRS");
  // The DOCS came before the TIFs, in Gr1, each naming its traveller by 9944 ref.
  ASSERT_EQ(fatemeh.documents.size(), 1u);
  EXPECT_EQ(fatemeh.documents[0].number, "X98765432");
  EXPECT_EQ(fatemeh.gender, Gender::kFemale);
  EXPECT_EQ(fatemeh.birth_date.date, (PartialDate{1985, 2, 3}));
  ASSERT_EQ(reza.documents.size(), 1u);
  EXPECT_EQ(reza.documents[0].number, "X98765433");
  EXPECT_EQ(reza.birth_date.date, (PartialDate{1981, 9, 21}));
  // One SEAT SSR with two C332 elements.
  EXPECT_EQ(fatemeh.seat, "32A");
  EXPECT_EQ(reza.seat, "32B");
  // Cash, one FOP per ticket.
  ASSERT_EQ(reza.payments.size(), 1u);
  EXPECT_EQ(reza.payments[0].type, "CA");
  EXPECT_EQ(reza.payments[0].amount, "980.00");
  EXPECT_EQ(reza.payments[0].account, "");
  EXPECT_EQ(b.payments.size(), 2u);
}

TEST(PnrgovTest, CodeshareBothStylesAndOddSegmentsV13) {
  const Manifest m = Parse(Fixture("codeshare_v13_1.edi"));
  EXPECT_EQ(m.version, "13:1");
  EXPECT_EQ(m.message_reference, "MSG0001");
  EXPECT_TRUE(m.warnings.empty()) << m.warnings[0].message;
  ASSERT_EQ(m.bookings.size(), 2u);
  const auto& legs = m.bookings[0].itinerary;
  ASSERT_EQ(legs.size(), 5u);
  // IG < 14.1: marketing KE:SQ, then TVL+++++608 with the operating flight.
  EXPECT_EQ(legs[0].Id(), "KE6012");
  EXPECT_EQ(legs[0].operating_carrier, "SQ");
  EXPECT_EQ(legs[0].operating_number, "608");
  EXPECT_EQ(legs[0].booking_class, "B");
  EXPECT_EQ(legs[0].arrival.date, (PartialDate{2025, 3, 16}));
  // IG >= 14.1 style: TRA.
  EXPECT_EQ(legs[1].Id(), "KE7035");
  EXPECT_EQ(legs[1].operating_carrier, "DL");
  EXPECT_EQ(legs[1].operating_number, "26");
  EXPECT_EQ(legs[1].origin, "ICN");
  EXPECT_EQ(legs[1].destination, "ATL");
  EXPECT_EQ(legs[1].departure.date, (PartialDate{2025, 3, 20}));
  // Arrival date left out: "210325:0900:1050".
  EXPECT_EQ(legs[2].Id(), "DL2231");
  EXPECT_EQ(legs[2].departure.minutes, 9 * 60);
  EXPECT_TRUE(legs[2].arrival.empty());
  EXPECT_EQ(legs[2].arrival.minutes, 10 * 60 + 50);
  EXPECT_TRUE(legs[2].operating_carrier.empty());
  // ARNK and OPEN: no dates, no finding.
  EXPECT_EQ(legs[3].number, "ARNK");
  EXPECT_TRUE(legs[3].departure.empty());
  EXPECT_EQ(legs[4].number, "OPEN");
  EXPECT_EQ(legs[4].origin, "IAD");
  EXPECT_TRUE(legs[4].departure.empty());

  const Traveller* r = Named(m, "RAHIMOV", "DILSHOD");
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->documents.size(), 2u);
  EXPECT_EQ(r->documents[0].type, "P");
  EXPECT_EQ(r->documents[0].issuing_country, "TJK");
  // DOCO: a visa, with its place and date of issue and the state it is for.
  const TravelDocument& visa = r->documents[1];
  EXPECT_EQ(visa.type, "V");
  EXPECT_EQ(visa.number, "K7512093");
  EXPECT_EQ(visa.issue_place, "ALMATY");
  EXPECT_EQ(visa.issued.date, (PartialDate{2025, 1, 10}));
  EXPECT_EQ(visa.issuing_country, "US");
  EXPECT_EQ(r->birth_place, "DUSHANBE TJ");
  ASSERT_EQ(r->addresses.size(), 1u);
  EXPECT_EQ(r->addresses[0].kind, "destination");
  EXPECT_EQ(r->addresses[0].region, "GA");
  EXPECT_TRUE(r->residence_country.empty());
  ASSERT_EQ(r->payments.size(), 1u);
  EXPECT_EQ(r->payments[0].card_vendor, "CA");

  // Secure-Flight DOCS: no document, but birth date and gender.
  const Traveller* a = Named(m, "AVDIU", "ILIR");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->documents.empty());
  EXPECT_EQ(a->birth_date.date, (PartialDate{1971, 7, 14}));
  EXPECT_EQ(a->gender, Gender::kMale);
  EXPECT_EQ(m.bookings[1].itinerary.size(), 2u);
  EXPECT_EQ(m.bookings[1].itinerary[0].operating_number, "608");
}

TEST(PnrgovTest, AmadeusUnaWithBackslashReleaseWrappedTelexV10) {
  const Manifest m = Parse(Fixture("amadeus_v10_1.edi"));
  EXPECT_EQ(m.version, "10:1");
  EXPECT_EQ(m.recipient, "DEPIU");
  EXPECT_TRUE(m.warnings.empty()) << m.warnings[0].message;
  ASSERT_EQ(m.flights.size(), 1u);
  EXPECT_EQ(m.flights[0].Id(), "TK1587");
  ASSERT_EQ(m.travellers.size(), 2u);
  // "D\'SOUZA": the apostrophe released with '\'; "CHARLESMR": title run in.
  const Traveller& c = m.travellers[0];
  EXPECT_EQ(c.name.surname, "D'SOUZA");
  EXPECT_EQ(c.name.given, (std::vector<std::string>{"CHARLES"}));
  EXPECT_EQ(c.name.title, "MR");
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.documents[0].holder.surname, "D'SOUZA");
  EXPECT_EQ(c.documents[0].issuing_country, "IND");
  const Traveller& i = m.travellers[1];
  EXPECT_EQ(i.name.surname, "IVANOVA");
  EXPECT_EQ(i.name.title, "MS");
  EXPECT_EQ(i.gender, Gender::kFemale);
  EXPECT_EQ(i.seat, "14B");
  const Booking& b = m.bookings[0];
  EXPECT_EQ(b.locator, "QX4L9Z");
  EXPECT_EQ(b.agency, "12345675:ISTTK28AA");
  EXPECT_EQ(b.agency_country, "TR");
  ASSERT_EQ(b.contacts.size(), 1u);
  EXPECT_EQ(b.contacts[0].value, "IRINA.IVANOVA@MAIL.RU");
  EXPECT_EQ(b.payments.size(), 2u);
  EXPECT_EQ(b.payments[0].card_vendor, "AX");
}

TEST(PnrgovTest, CheckInSeatBagsAndTags) {
  const Manifest m = Parse(Fixture("checkin_v11_1.edi"));
  EXPECT_TRUE(m.warnings.empty()) << m.warnings[0].message;
  const Traveller* emma = Named(m, "SMITH-JONES", "EMMA");
  const Traveller* olivia = Named(m, "SMITH-JONES", "OLIVIA");
  ASSERT_NE(emma, nullptr);
  ASSERT_NE(olivia, nullptr);
  EXPECT_EQ(olivia->name.title, "MISS");
  EXPECT_EQ(olivia->passenger_type, "C");
  EXPECT_TRUE(emma->checked_in);
  EXPECT_TRUE(olivia->checked_in);
  // SSD at check-in (023A, padded) beats the reserved SEAT (22A).
  EXPECT_EQ(emma->seat, "23A");
  EXPECT_EQ(olivia->seat, "23B");
  EXPECT_EQ(emma->bags, 2);
  EXPECT_DOUBLE_EQ(emma->bag_weight_kg, 46.0);
  EXPECT_EQ(emma->bag_tags, (std::vector<std::string>{"125123456", "125123457"}));
  EXPECT_EQ(olivia->bags, 1);
  EXPECT_NEAR(olivia->bag_weight_kg, 35 * 0.45359237, 1e-9);  // 701 = pounds
  EXPECT_EQ(olivia->bag_tags, (std::vector<std::string>{"125123458"}));
  // Both tickets paid by the mother's card.
  ASSERT_EQ(olivia->payments.size(), 1u);
  EXPECT_EQ(olivia->payments[0].payer, "EMMA SMITH-JONES");
  EXPECT_EQ(olivia->payments[0].amount, "1008.15");
  EXPECT_EQ(m.bookings[0].contacts.size(), 1u);
}

TEST(PnrgovTest, InfantsAsTheirOwnTifAndFromSsrs) {
  const Manifest m = Parse(Fixture("infant_v11_1.edi"));
  EXPECT_TRUE(m.warnings.empty()) << m.warnings[0].message;
  ASSERT_EQ(m.bookings.size(), 2u);
  // PNR 1: the infant has its own TIF (type IN); its DOCS (MI) came on the
  // mother's 9944 ref and goes to the infant.
  ASSERT_EQ(m.bookings[0].travellers.size(), 2u);
  const Traveller* malika = Named(m, "ABDULLAEVA", "MALIKA");
  const Traveller* timur = Named(m, "ABDULLAEV", "TIMUR");
  ASSERT_NE(malika, nullptr);
  ASSERT_NE(timur, nullptr);
  EXPECT_TRUE(malika->with_infant);
  EXPECT_EQ(timur->passenger_type, "IN");
  EXPECT_EQ(timur->gender_raw, "MI");
  EXPECT_EQ(timur->gender, Gender::kMale);
  EXPECT_EQ(timur->birth_date.date, (PartialDate{2024, 8, 3}));
  ASSERT_EQ(timur->documents.size(), 1u);
  EXPECT_EQ(timur->documents[0].number, "FA7654321");
  ASSERT_EQ(malika->documents.size(), 1u);
  EXPECT_EQ(malika->documents[0].number, "FA1234567");
  // PNR 2: the infant is named only in SSR INFT (and a DOCS FI): a record is
  // created for it in the PNR.
  const Booking& b = m.bookings[1];
  ASSERT_EQ(b.travellers.size(), 3u);
  const Traveller* yasmin = Named(m, "NAZARI", "YASMIN");
  ASSERT_NE(yasmin, nullptr);
  EXPECT_EQ(yasmin->passenger_type, "IN");
  EXPECT_EQ(yasmin->name.title, "MISS");
  EXPECT_EQ(yasmin->booking, 1);
  EXPECT_EQ(yasmin->booking_locator, "M4PR2C");
  EXPECT_EQ(yasmin->birth_date.date, (PartialDate{2025, 1, 12}));
  EXPECT_EQ(yasmin->gender, Gender::kFemale);
  ASSERT_EQ(yasmin->documents.size(), 1u);
  EXPECT_EQ(yasmin->documents[0].number, "P07654321");
  const Traveller* hamid = Named(m, "NAZARI", "HAMID");
  ASSERT_NE(hamid, nullptr);
  EXPECT_TRUE(hamid->with_infant);
  ASSERT_EQ(hamid->documents.size(), 1u);  // the infant's DOCS did not land here
  EXPECT_EQ(hamid->documents[0].number, "P01234567");
  EXPECT_EQ(hamid->gender, Gender::kMale);
  EXPECT_FALSE(Named(m, "NAZARI", "ZAHRA")->with_infant);
  EXPECT_EQ(m.travellers.size(), 5u);
}

TEST(PnrgovTest, GroupBookingWithGroupName) {
  const Manifest m = Parse(Fixture("group_v11_1.edi"));
  EXPECT_TRUE(m.warnings.empty()) << m.warnings[0].message;
  ASSERT_EQ(m.bookings.size(), 1u);
  const Booking& b = m.bookings[0];
  ASSERT_EQ(b.travellers.size(), 4u);
  const Traveller& group = m.travellers[b.travellers[0]];
  EXPECT_EQ(group.passenger_type, "G");
  EXPECT_EQ(group.name.surname, "SILK ROAD TOURS");
  EXPECT_TRUE(group.name.given.empty());
  EXPECT_EQ(m.travellers[b.travellers[3]].name.surname, "TURSUNOV");
  EXPECT_EQ(m.travellers[b.travellers[3]].documents.size(), 1u);
  // A PNR-level SSR with no 9944 reference: a request of the whole PNR.
  for (size_t t : b.travellers) {
    EXPECT_EQ(m.travellers[t].services.front(), "GRPS") << t;
  }
  EXPECT_EQ(b.agency, "77712345:TASHY0500");
  EXPECT_EQ(b.agency_type, "T");
  EXPECT_EQ(b.agency_country, "UZ");
  // FOP at PNR level (a deviation): on the booking only, with its payer.
  ASSERT_EQ(b.payments.size(), 1u);
  EXPECT_EQ(b.payments[0].type, "MS");
  EXPECT_EQ(b.payments[0].payer, "SILK ROAD TOURS LLC");
  for (size_t t : b.travellers) EXPECT_TRUE(m.travellers[t].payments.empty());
  ASSERT_EQ(b.addresses.size(), 1u);
  EXPECT_EQ(b.addresses[0].kind, "payer");
  EXPECT_EQ(b.addresses[0].city, "TASHKENT");
}

TEST(PnrgovTest, TwoPartPushJoinedAcrossInterchanges) {
  const Manifest m = Parse(Fixture("multipart_v13_1.edi"));
  EXPECT_EQ(m.parts, 2);
  EXPECT_TRUE(m.complete);
  EXPECT_TRUE(m.warnings.empty()) << m.warnings[0].message;
  EXPECT_EQ(m.interchange_reference, "0000771");  // the first interchange's
  EXPECT_EQ(m.message_reference, "1");
  EXPECT_EQ(m.flights.size(), 1u);  // the same flight in both parts
  ASSERT_EQ(m.bookings.size(), 2u);
  EXPECT_EQ(m.bookings[0].locator, "P1ART1");
  EXPECT_EQ(m.bookings[1].locator, "P2ART2");
  ASSERT_EQ(m.travellers.size(), 2u);
  EXPECT_EQ(m.travellers[0].name.surname, "AL-SABAH");
  EXPECT_EQ(m.travellers[0].booking, 0);
  EXPECT_EQ(m.travellers[1].name.surname, "HUSSEIN");
  EXPECT_EQ(m.travellers[1].booking, 1);
  EXPECT_EQ(m.bookings[1].travellers, (std::vector<size_t>{1}));
}

TEST(PnrgovTest, MissingFinalPartMakesThePushIncomplete) {
  const std::string both = Fixture("multipart_v13_1.edi");
  const std::string first = both.substr(0, both.find("UNA", 5));
  const Manifest m = Parse(first);
  EXPECT_EQ(m.parts, 1);
  EXPECT_FALSE(m.complete);
  EXPECT_TRUE(HasWarning(m, "UNH S010", "final part"));
  EXPECT_TRUE(HasWarning(m, "EQN", "declares 2 PNRs, 1 read"));
}

TEST(PnrgovTest, SensitiveSsrsDeletedOnReceipt) {
  const std::string bytes = Fixture("sensitive_v11_1.edi");
  const Manifest m = Parse(bytes);
  // MEDA (PNR level), MOML, VGML (traveller), WCHR, KSML (flight), AVML (history).
  EXPECT_EQ(m.sensitive_deleted, 6);
  const Traveller* rustam = Named(m, "OMAROV", "RUSTAM");
  const Traveller* ali = Named(m, "OMAROV", "ALI");
  ASSERT_NE(rustam, nullptr);
  ASSERT_NE(ali, nullptr);
  std::vector<int> rustam_segments, ali_segments;
  for (const Finding& f : rustam->findings) {
    EXPECT_EQ(f.field, "SSR");
    rustam_segments.push_back(f.segment);
  }
  for (const Finding& f : ali->findings) ali_segments.push_back(f.segment);
  EXPECT_EQ(rustam_segments, (std::vector<int>{9, 11, 18}));
  EXPECT_EQ(ali_segments, (std::vector<int>{14, 19}));
  EXPECT_TRUE(HasWarning(m, "SSR", "deleted on receipt", 24));
  // Non-sensitive requests are kept.
  EXPECT_EQ(rustam->services, (std::vector<std::string>{"DOCS", "SEAT"}));
  EXPECT_EQ(ali->services, (std::vector<std::string>{"CHLD"}));
  EXPECT_EQ(ali->birth_date.date, (PartialDate{2014, 5, 5}));
  EXPECT_EQ(rustam->seat, "31C");
  // Nothing of the deleted requests survives anywhere: neither the codes nor
  // the free text that came with them.
  std::vector<std::string> strings;
  for (const Finding& f : m.warnings) strings.push_back(f.field + " " + f.message);
  for (const Traveller& t : m.travellers) {
    for (const Finding& f : t.findings) strings.push_back(f.field + " " + f.message);
    for (const std::string& s : t.services) strings.push_back(s);
    for (const Contact& c : t.contacts) strings.push_back(c.value);
  }
  for (const Booking& b : m.bookings) {
    for (const Contact& c : b.contacts) strings.push_back(c.value);
  }
  for (const std::string& s : strings) {
    for (const char* code : {"MEDA", "MOML", "VGML", "WCHR", "KSML", "AVML", "CLEARANCE"}) {
      EXPECT_EQ(s.find(code), std::string::npos) << s;
    }
  }
}

TEST(PnrgovTest, BadDocsFieldsAreFindingsOnAKeptTraveller) {
  const Manifest m = Parse(Fixture("bad_docs_v11_1.edi"));
  ASSERT_EQ(m.travellers.size(), 3u);
  const Traveller* imran = Named(m, "QURESHI", "IMRAN");
  ASSERT_NE(imran, nullptr);
  ASSERT_EQ(imran->findings.size(), 2u);
  EXPECT_EQ(imran->findings[0].segment, 10);
  EXPECT_EQ(imran->findings[0].field, "SSR DOCS date of birth");
  EXPECT_NE(imran->findings[0].message.find("31FEB85"), std::string::npos);
  EXPECT_EQ(imran->findings[1].field, "SSR DOCS gender");
  EXPECT_EQ(imran->birth_date.raw, "31FEB85");  // kept as sent
  EXPECT_TRUE(imran->birth_date.empty());
  EXPECT_EQ(imran->gender, Gender::kUnknown);
  ASSERT_EQ(imran->documents.size(), 1u);  // the rest of the DOCS is kept
  EXPECT_EQ(imran->documents[0].number, "AB1234567");

  const Traveller* nasreen = Named(m, "BEGUM", "NASREEN");
  ASSERT_NE(nasreen, nullptr);
  ASSERT_EQ(nasreen->findings.size(), 1u);
  EXPECT_EQ(nasreen->findings[0].segment, 12);
  EXPECT_EQ(nasreen->findings[0].field, "SSR DOCS");
  EXPECT_NE(nasreen->findings[0].message.find("too few"), std::string::npos);
  EXPECT_TRUE(nasreen->documents.empty());

  const Traveller* yousuf = Named(m, "KHAN", "YOUSUF");
  ASSERT_NE(yousuf, nullptr);
  ASSERT_EQ(yousuf->findings.size(), 1u);
  EXPECT_EQ(yousuf->findings[0].field, "SSR DOCS expiry date");
  EXPECT_EQ(yousuf->birth_date.date, (PartialDate{1977, 7, 7}));

  // A bad itinerary date is a warning naming the TVL; the leg is kept.
  EXPECT_TRUE(HasWarning(m, "TVL departure date", "320825", 17));
  ASSERT_EQ(m.bookings[0].itinerary.size(), 2u);
  EXPECT_EQ(m.bookings[0].itinerary[1].departure.raw, "320825");
  EXPECT_TRUE(m.bookings[0].itinerary[1].departure.empty());
}

TEST(PnrgovTest, MissingRciAndDocsAreTolerated) {
  const Manifest m = Parse(Fixture("no_rci_v11_1.edi"));
  ASSERT_EQ(m.bookings.size(), 1u);
  EXPECT_EQ(m.bookings[0].locator, "");
  EXPECT_TRUE(HasWarning(m, "RCI", "no record locator", 7));
  ASSERT_EQ(m.travellers.size(), 1u);
  const Traveller& t = m.travellers[0];
  EXPECT_EQ(t.name.surname, "GELASHVILI");
  EXPECT_EQ(t.name.title, "MS");
  EXPECT_TRUE(t.documents.empty());
  EXPECT_TRUE(t.birth_date.empty());
  EXPECT_TRUE(t.findings.empty());
  EXPECT_EQ(t.tickets, (std::vector<std::string>{"4862100099887"}));
  EXPECT_EQ(m.bookings[0].itinerary.size(), 1u);
}

TEST(PnrgovTest, UnparseableMessagesAreErrorsNamingTheSegment) {
  // No interchange at all.
  Result<Manifest> none = ParsePnrgov("hello", Options());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(ParsePnrgov("", Options()).ok());
  // An interchange without a message.
  Result<Manifest> no_unh = ParsePnrgov("UNB+IATA:1+1A+X+130527:0649+1'UNZ+0+1'", Options());
  ASSERT_FALSE(no_unh.ok());
  EXPECT_NE(no_unh.status().message().find("no UNH"), std::string::npos);
  // A PAXLST is not a PNRGOV.
  Result<Manifest> paxlst = ParsePnrgov(
      "UNB+UNOA:4+APIS*ABE+USADHS+130527:0649+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'"
      "UNZ+1+1'",
      Options());
  ASSERT_FALSE(paxlst.ok());
  EXPECT_NE(paxlst.status().message().find("segment 2"), std::string::npos);
  EXPECT_NE(paxlst.status().message().find("PAXLST"), std::string::npos);
  // An invalid segment tag.
  const std::string bad = Replace(Fixture("sq602_v11_1.edi"), "MSG+:22'", "M$G+:22'");
  Result<Manifest> tag = ParsePnrgov(bad, Options());
  ASSERT_FALSE(tag.ok());
  EXPECT_NE(tag.status().message().find("segment 3"), std::string::npos);
  EXPECT_NE(tag.status().message().find("invalid segment tag"), std::string::npos);
}

TEST(PnrgovTest, CountMismatchesAndUnknownSegmentsAreWarnings) {
  std::string bytes = Replace(Fixture("sq602_v11_1.edi"), "UNT+53+1'", "UNT+50+1'");
  bytes = Replace(bytes, "EQN+2'", "EQN+3'");
  bytes = Replace(bytes, "UNZ+1+020A07'", "UNZ+2+020A07'");
  bytes = Replace(bytes, "APD+333'", "APD+333'XYZ+1'");
  const Manifest m = Parse(bytes);
  EXPECT_TRUE(HasWarning(m, "UNT", "declares 50 segments, the message has 54"));
  EXPECT_TRUE(HasWarning(m, "EQN", "declares 3 PNRs, 2 read"));
  EXPECT_TRUE(HasWarning(m, "UNZ", "declares 2 messages, 1 read"));
  EXPECT_TRUE(HasWarning(m, "XYZ", "unknown segment", 32));
  // The data is read all the same.
  EXPECT_EQ(m.travellers.size(), 3u);
  EXPECT_EQ(m.bookings[0].itinerary.size(), 1u);
}

TEST(PnrgovTest, InterchangeWithoutUnzBeforeTheNextIsAWarning) {
  const std::string both = Fixture("multipart_v13_1.edi");
  // Drop the first UNZ and the second UNA: the second UNB now sits inside
  // the first interchange.
  std::string bytes = Replace(both, "UNZ+1+0000771'", "");
  bytes = Replace(bytes, "UNA:+.? '\nUNB+IATA:1+1A+KWPIU+250601:0231",
                  "UNB+IATA:1+1A+KWPIU+250601:0231");
  const Manifest m = Parse(bytes);
  EXPECT_EQ(m.parts, 2);
  EXPECT_EQ(m.bookings.size(), 2u);
  EXPECT_TRUE(HasWarning(m, "UNB", "has no UNZ", 14));
  EXPECT_TRUE(HasWarning(m, "UNZ", "declares 1 messages, 2 read"));
}

TEST(PnrgovTest, SplitNonAirAndHistoryGroupsAreReadPast) {
  const std::string extra =
      "EQN+1'RCI+SQ:Z9SPLT'"                          // Gr8 split PNR
      "MSG+8'TVL+270513++SIN++SQ'"                    // Gr9 non-air (hotel)
      "ABI+1+:SQSIN+SIN'DAT+ZT:200513:0815'SAC+++X'"  // Gr10 history
      "TIF+AL HASHIMI+AHMED MR'SSR+DOCS:HK:1:SQ:::::/P/KWT/X/KWT/01JAN70/M//OLD/NAME'"
      "TVL+280513:1430:280513:2205+SIN+ICN+SQ+602:Y'RPI+1+XX'"
      "LTS+0/O/25MAY 0930Z HISTORY LINE'";
  std::string bytes = Replace(Fixture("sq602_v11_1.edi"), "LTS+", extra + "LTS+");
  bytes = Replace(bytes, "UNT+53+1'", "UNT+65+1'");
  const Manifest m = Parse(bytes);
  EXPECT_TRUE(m.warnings.empty()) << m.warnings[0].message;
  const Booking& b = m.bookings[0];
  EXPECT_EQ(b.itinerary.size(), 1u);  // no hotel, no history segment
  EXPECT_EQ(b.other_locators.size(), 1u);
  EXPECT_EQ(m.bookings.size(), 2u);
  const Traveller* t = Named(m, "AL HASHIMI", "AHMED");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->documents.size(), 1u);  // the history DOCS is not the traveller's
  EXPECT_EQ(m.travellers.size(), 3u);
}

TEST(PnrgovTest, DocsNameSpacesThatAreLineBreakArtefacts) {
  std::string bytes =
      Replace(Fixture("sq602_v11_1.edi"), "/P/IRN/X98765432/IRN/03FEB85/F/14NOV29/KARIMI/FATEMEH",
              "/P/IRN/X98765432/IRN/03FEB85/F/14NOV29/KAR IMI/FATE MEH");
  const Manifest m = Parse(bytes);
  const Traveller* t = Named(m, "KARIMI", "FATEMEH");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->documents.size(), 1u);
  EXPECT_EQ(t->documents[0].holder.surname, "KARIMI");
  EXPECT_EQ(t->documents[0].holder.given, (std::vector<std::string>{"FATEMEH"}));
}

TEST(PnrgovTest, TitlesRunIntoTifNamesAndNamesThatLookLikeTitles) {
  std::string bytes = Replace(Fixture("sq602_v11_1.edi"), "TIF+KARIMI:I+FATEMEH MRS:A:1'",
                              "TIF+KARIMI:I+FATEMEHMRS:A:1'");
  bytes = Replace(bytes, "TIF+KARIMI:I+REZA MR:A:2'", "TIF+KHALED:I+AMR:A:2'");
  const Manifest m = Parse(bytes);
  const Traveller* f = Named(m, "KARIMI", "FATEMEH");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name.title, "MRS");
  const Traveller* a = Named(m, "KHALED", "AMR");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->name.title, "");
}

TEST(PnrgovTest, ContactsFromSsrsWithAirimpEncoding) {
  const std::string bytes =
      Replace(Fixture("sq602_v11_1.edi"), "SSR+CTCM:HK:1:SQ:::::/96550012345'",
              "SSR+CTCM:HK:1:SQ:::::/96550012345'SSR+CTCE:HK:1:SQ:::::/A./HASHIMI//MAIL.COM'");
  const std::string fixed = Replace(bytes, "UNT+53+1'", "UNT+54+1'");
  const Manifest m = Parse(fixed);
  EXPECT_TRUE(m.warnings.empty()) << m.warnings[0].message;
  const Traveller* t = Named(m, "AL HASHIMI", "AHMED");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->contacts.size(), 2u);
  EXPECT_EQ(t->contacts[1].kind, "email");
  EXPECT_EQ(t->contacts[1].value, "A-HASHIMI@MAIL.COM");
}

TEST(PnrgovTest, EveryTruncationAndCorruptionIsHandled) {
  // Cut the fixtures at every length and flip bytes: errors or manifests,
  // never a crash (run under the sanitizers by the fuzz target too).
  for (const char* name : {"sq602_v11_1.edi", "amadeus_v10_1.edi", "checkin_v11_1.edi",
                           "infant_v11_1.edi", "multipart_v13_1.edi"}) {
    const std::string bytes = Fixture(name);
    for (size_t n = 0; n <= bytes.size(); n += 7) {
      Result<Manifest> r = ParsePnrgov(bytes.substr(0, n), Options());
      if (r.ok()) {
        EXPECT_GE(r->parts, 1);
      }
    }
    std::string flipped = bytes;
    for (size_t i = 11; i < flipped.size(); i += 13) {
      flipped[i] = static_cast<char>(flipped[i] ^ 0x2b);
      (void)ParsePnrgov(flipped, Options());
    }
  }
}

}  // namespace
}  // namespace hudud::travel
