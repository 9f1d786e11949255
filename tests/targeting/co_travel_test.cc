// Co-travellers: shared bookings, phones, e-mails and cards.
#include "targeting/co_travel.h"

#include <gtest/gtest.h>

namespace hudud::targeting {
namespace {

travel::Traveller Person(std::string surname, std::string given) {
  travel::Traveller t;
  t.name.surname = std::move(surname);
  t.name.given = {std::move(given)};
  return t;
}

bool Linked(const std::vector<CoTravelLink>& links, size_t other, const std::string& via) {
  for (const auto& l : links) {
    if (l.other == other && l.via == via) return true;
  }
  return false;
}

TEST(CoTravel, SameBookingLinksEveryone) {
  travel::Manifest m;
  m.bookings.resize(2);
  m.bookings[0].locator = "ABC123";
  m.bookings[1].locator = "XYZ789";
  m.travellers = {Person("KARIMI", "FATEMEH"), Person("KARIMI", "ALI"),
                  Person("RAHIMOV", "DILSHOD")};
  m.travellers[0].booking = 0;
  m.travellers[1].booking = 0;
  m.travellers[2].booking = 1;
  auto links = FindCoTravellers(m);
  EXPECT_TRUE(Linked(links[0], 1, "booking"));
  EXPECT_TRUE(Linked(links[1], 0, "booking"));
  EXPECT_TRUE(links[2].empty());
}

TEST(CoTravel, PaxlstLocatorsLinkWithoutBookings) {
  travel::Manifest m;
  m.travellers = {Person("IVANOVA", "IRINA"), Person("IVANOV", "IURII"), Person("SMITH", "JO")};
  m.travellers[0].booking_locator = "Q7RT2L";
  m.travellers[1].booking_locator = "Q7RT2L";
  m.travellers[2].booking_locator = "ZZZZZZ";
  auto links = FindCoTravellers(m);
  EXPECT_TRUE(Linked(links[0], 1, "booking"));
  EXPECT_TRUE(links[2].empty());
}

TEST(CoTravel, PhonesCompareOnTheirLastDigitsAcrossBookings) {
  travel::Manifest m;
  m.travellers = {Person("AL HASHIMI", "AHMED"), Person("HASAN", "OMAR"), Person("LEE", "AMY")};
  m.travellers[0].contacts = {{"phone", "+965 5123 4567", 0}};
  m.travellers[1].contacts = {{"phone", "0096551234567", 0}};
  m.travellers[2].contacts = {{"phone", "+44 20 7946 0000", 0}};
  auto links = FindCoTravellers(m);
  EXPECT_TRUE(Linked(links[0], 1, "phone"));
  EXPECT_TRUE(links[2].empty());
}

TEST(CoTravel, EmailsCompareWithoutCaseAndBookingContactsCount) {
  travel::Manifest m;
  m.bookings.resize(2);
  m.bookings[0].contacts = {{"email", "Travel.Desk@Example.org", 0}};
  m.travellers = {Person("A", "B"), Person("C", "D")};
  m.travellers[0].booking = 0;
  m.travellers[1].booking = 1;
  m.travellers[1].contacts = {{"email", "travel.desk@example.org", 0}};
  auto links = FindCoTravellers(m);
  EXPECT_TRUE(Linked(links[0], 1, "email"));
  EXPECT_TRUE(Linked(links[1], 0, "email"));
}

TEST(CoTravel, CardsFullOrMaskedWithExpiry) {
  travel::Manifest m;
  m.travellers = {Person("A", "B"), Person("C", "D"), Person("E", "F"), Person("G", "H")};
  m.travellers[0].payments = {{"CC", "VI", "4111111111111111", "0127", "", "", 0}};
  m.travellers[1].payments = {{"CC", "VI", "4111111111111111", "0127", "", "", 0}};
  m.travellers[2].payments = {{"CC", "AX", "XXXXXXXXXXX4123", "1228", "", "", 0}};
  m.travellers[3].payments = {{"CC", "AX", "XXXXXXXXXXX4123", "1228", "", "", 0}};
  auto links = FindCoTravellers(m);
  EXPECT_TRUE(Linked(links[0], 1, "card"));
  EXPECT_TRUE(Linked(links[2], 3, "card"));
  EXPECT_FALSE(Linked(links[0], 2, "card"));
  // An analyst sees the card masked.
  for (const auto& l : links[0]) EXPECT_EQ(l.value.find("4111111111111111"), std::string::npos);
}

}  // namespace
}  // namespace hudud::targeting
