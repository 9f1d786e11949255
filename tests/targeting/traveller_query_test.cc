// What of a traveller record goes into the watchlist query.
#include "targeting/traveller_query.h"

#include <gtest/gtest.h>

namespace hudud::targeting {
namespace {

travel::Traveller Booked(std::string surname, std::vector<std::string> given) {
  travel::Traveller t;
  t.name.surname = std::move(surname);
  t.name.given = std::move(given);
  return t;
}

travel::TravelDocument Doc(std::string type, std::string number, std::string country,
                           std::string surname, std::vector<std::string> given) {
  travel::TravelDocument d;
  d.type = std::move(type);
  d.number = std::move(number);
  d.issuing_country = std::move(country);
  d.holder.surname = std::move(surname);
  d.holder.given = std::move(given);
  return d;
}

TEST(TravellerQuery, TheSameNameInAnotherOrderIsAskedOnce) {
  travel::Traveller t = Booked("AL HASHIMI", {"AHMED", "YOUSEF"});
  t.documents.push_back(Doc("P", "K01234567", "KWT", "YOUSEF AL HASHIMI", {"AHMED"}));
  match::Query q = TravellerQuery(t, 0.8, 5);
  EXPECT_EQ(q.names, (std::vector<std::string>{"AHMED YOUSEF AL HASHIMI"}));
}

TEST(TravellerQuery, ShorterDocumentNameIsAskedToo) {
  // The listed entry may give one given name, as the passport does.
  travel::Traveller t = Booked("RAHIMOV", {"DILSHOD", "KARIMOVICH"});
  t.documents.push_back(Doc("P", "401234567", "TJK", "RAHIMOV", {"DILSHOD"}));
  match::Query q = TravellerQuery(t, 0.8, 5);
  EXPECT_EQ(q.names, (std::vector<std::string>{"DILSHOD KARIMOVICH RAHIMOV", "DILSHOD RAHIMOV"}));
}

TEST(TravellerQuery, DifferentSpellingsAreBothAsked) {
  travel::Traveller t = Booked("ALHASHIMI", {"AHMAD"});
  t.documents.push_back(Doc("P", "K01234567", "KWT", "AL-HASHIMI", {"AHMED"}));
  match::Query q = TravellerQuery(t, 0.8, 5);
  EXPECT_EQ(q.names.size(), 2u);
}

TEST(TravellerQuery, PassportIsTheDocumentAskedAndCodesResolve) {
  travel::Traveller t = Booked("MUELLER", {"JONAS"});
  t.nationality = "D";
  t.gender = model::Gender::kMale;
  t.birth_date.date = {1980, 1, 1};
  t.documents.push_back(Doc("V", "V777", "KWT", "", {}));
  t.documents.push_back(Doc("P", "C01X00T47", "D", "", {}));
  match::Query q = TravellerQuery(t, 0.7, 3);
  EXPECT_EQ(q.document, "C01X00T47");
  EXPECT_EQ(q.document_country, "DE");
  EXPECT_EQ(q.nationality, "DE");
  EXPECT_EQ(q.gender, model::Gender::kMale);
  ASSERT_TRUE(q.dob.has_value());
  EXPECT_EQ(q.dob->year, 1980);
  EXPECT_EQ(q.threshold, 0.7);
  EXPECT_EQ(q.limit, 3);
  EXPECT_EQ(q.kind, model::EntityKind::kPerson);
}

TEST(TravellerQuery, StatelessAndOrganisationCodesAreKeptAsSent) {
  travel::Traveller t = Booked("X", {"Y"});
  t.nationality = "XXA";
  EXPECT_EQ(TravellerQuery(t, 0.8, 5).nationality, "XXA");
}

}  // namespace
}  // namespace hudud::targeting
