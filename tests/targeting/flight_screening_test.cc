// Screening a flight and a booth document: decisions and their reasons.
#include "targeting/flight_screening.h"

#include <gtest/gtest.h>

#include "targeting/booth.h"
#include "travel/mrz.h"

namespace hudud::targeting {
namespace {

model::Entity Person(std::string id, std::vector<std::string> names, model::PartialDate dob,
                     std::string nationality_code) {
  model::Entity e;
  e.id = "un:" + id;
  e.list_id = "un";
  e.source_id = id;
  e.kind = model::EntityKind::kPerson;
  for (size_t i = 0; i < names.size(); ++i) {
    model::Name n;
    n.full = names[i];
    n.kind = i == 0 ? model::NameKind::kPrimary : model::NameKind::kOriginalScript;
    e.names.push_back(n);
  }
  model::DateOfBirth d;
  d.from = dob;
  e.dates_of_birth.push_back(d);
  e.nationalities.push_back({nationality_code, nationality_code});
  return e;
}

std::unique_ptr<match::Screener> Lists() {
  std::vector<model::Entity> es;
  es.push_back(Person("1", {"Abd al-Rahman Muhammad al-Hashimi", "عبد الرحمن محمد الهاشمي"},
                      {1975, 3, 1}, "IQ"));
  es.push_back(
      Person("2", {"Dilshod Karimovich Rahimov", "Дилшод Каримович Раҳимов"}, {1985, 3, 17}, "TJ"));
  es.push_back(
      Person("3", {"Ivan Petrovich Sidorov", "Иван Петрович Сидоров"}, {1970, 1, 1}, "RU"));
  es.push_back(Person("4", {"Fatima Zahra Benali"}, {1990, 6, 6}, "MA"));
  auto s = match::Screener::Build(std::move(es));
  EXPECT_TRUE(s.ok());
  return std::move(*s);
}

travel::Traveller Pax(std::string surname, std::vector<std::string> given, model::PartialDate dob,
                      std::string nationality) {
  travel::Traveller t;
  t.name.surname = std::move(surname);
  t.name.given = std::move(given);
  t.birth_date.date = dob;
  t.birth_date.raw = "x";
  t.nationality = std::move(nationality);
  return t;
}

travel::Manifest Flight() {
  travel::Manifest m;
  travel::FlightLeg leg;
  leg.carrier = "XX";
  leg.number = "101";
  leg.origin = "DYU";
  leg.destination = "KWI";
  leg.departure.date = {2024, 11, 4};
  m.flights.push_back(leg);
  return m;
}

const Reason* Find(const TravellerScreening& ts, const std::string& code) {
  for (const auto& r : ts.reasons) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

ScreeningOptions Options() {
  ScreeningOptions o;
  o.today = {2024, 11, 1};
  return o;
}

TEST(FlightScreening, ListedTravellerIsReferredWithTheHitOthersClear) {
  auto screener = Lists();
  travel::Manifest m = Flight();
  m.travellers.push_back(Pax("AL HASHIMI", {"ABDULRAHMAN", "MOHAMMED"}, {1975, 3, 1}, "IRQ"));
  m.travellers.push_back(Pax("SMITH-JONES", {"OLIVIA"}, {1992, 2, 2}, "GBR"));
  Result<FlightScreening> r = ScreenFlight(m, *screener, {}, {}, Options());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->travellers.size(), 2u);
  const TravellerScreening& a = r->travellers[0];
  EXPECT_EQ(a.decision, Decision::kRefer);
  ASSERT_FALSE(a.hits.empty());
  EXPECT_EQ(a.hits[0].entity_id, "un:1");
  ASSERT_NE(Find(a, "watchlist"), nullptr);
  EXPECT_NE(Find(a, "watchlist")->detail.find("un:1"), std::string::npos);
  EXPECT_EQ(r->travellers[1].decision, Decision::kClear);
  EXPECT_TRUE(r->travellers[1].reasons.empty());
  EXPECT_EQ(r->referred, 1u);
  EXPECT_EQ(r->watchlist_hits, 1u);
}

TEST(FlightScreening, TajikCyrillicListingMatchesCarrierLatin) {
  auto screener = Lists();
  travel::Manifest m = Flight();
  m.travellers.push_back(Pax("RAHIMOV", {"DILSHOD", "KARIMOVICH"}, {1985, 3, 17}, "TJK"));
  Result<FlightScreening> r = ScreenFlight(m, *screener, {}, {}, Options());
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->travellers[0].hits.empty());
  EXPECT_EQ(r->travellers[0].hits[0].entity_id, "un:2");
}

TEST(FlightScreening, CompanionOfAListedTravellerIsFlaggedWithTheLink) {
  auto screener = Lists();
  travel::Manifest m = Flight();
  m.bookings.resize(2);
  m.bookings[0].locator = "ABC123";
  m.bookings[1].locator = "QQQ999";
  m.travellers.push_back(Pax("AL HASHIMI", {"ABDULRAHMAN", "MOHAMMED"}, {1975, 3, 1}, "IRQ"));
  m.travellers.push_back(Pax("AL HASHIMI", {"NOOR"}, {2001, 5, 5}, "IRQ"));
  m.travellers.push_back(Pax("KARIMI", {"FATEMEH"}, {1988, 8, 8}, "IRN"));
  m.travellers.push_back(Pax("LEE", {"AMY"}, {1980, 1, 1}, "SGP"));
  m.travellers[0].booking = 0;
  m.travellers[1].booking = 0;
  m.travellers[2].booking = 1;
  m.travellers[2].contacts = {{"phone", "+964 770 123 4567", 0}};
  m.travellers[0].contacts = {{"phone", "07701234567", 0}};
  m.travellers[3].booking = 1;
  m.bookings[0].travellers = {0, 1};
  m.bookings[1].travellers = {2, 3};
  Result<FlightScreening> r = ScreenFlight(m, *screener, {}, {}, Options());
  ASSERT_TRUE(r.ok());
  const TravellerScreening& noor = r->travellers[1];
  EXPECT_TRUE(noor.hits.empty());
  EXPECT_EQ(noor.decision, Decision::kRefer);
  ASSERT_NE(Find(noor, "co-traveller"), nullptr);
  EXPECT_NE(Find(noor, "co-traveller")->detail.find("ABC123"), std::string::npos);
  const TravellerScreening& fatemeh = r->travellers[2];
  ASSERT_NE(Find(fatemeh, "co-traveller"), nullptr);
  EXPECT_EQ(fatemeh.companions[0].via, "phone");
  // Lee shares only a booking with Fatemeh, who did not hit: one hop only.
  EXPECT_EQ(r->travellers[3].decision, Decision::kClear);
}

TEST(FlightScreening, StolenAndExpiredDocumentsRefer) {
  auto screener = Lists();
  travel::Manifest m = Flight();
  travel::Traveller a = Pax("OKONKWO", {"CHIDI"}, {1983, 4, 4}, "NGA");
  travel::TravelDocument p;
  p.type = "P";
  p.number = "A0001234";
  p.issuing_country = "NGA";
  p.expiry.raw = "300101";
  p.expiry.date = {2030, 1, 1};
  a.documents.push_back(p);
  travel::Traveller b = Pax("SILVA", {"ANA"}, {1979, 9, 9}, "PRT");
  p.number = "CB12345";
  p.issuing_country = "PRT";
  p.expiry.date = {2024, 10, 1};
  b.documents.push_back(p);
  m.travellers = {a, b};
  ReportedDocumentIndex stolen({{"A0001234", "NG", "P", "stolen", "sltd", ""}});
  Result<FlightScreening> r = ScreenFlight(m, *screener, stolen, {}, Options());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->travellers[0].decision, Decision::kRefer);
  EXPECT_NE(Find(r->travellers[0], "lost-stolen"), nullptr);
  EXPECT_EQ(r->travellers[1].decision, Decision::kRefer);
  EXPECT_NE(Find(r->travellers[1], "expired"), nullptr);
  EXPECT_EQ(r->document_hits, 2u);
}

TEST(FlightScreening, BadFieldsAreShownWithoutReferringAndNamelessRecordsRefer) {
  auto screener = Lists();
  travel::Manifest m = Flight();
  travel::Traveller a = Pax("NAZAROVA", {"MADINA"}, {}, "TJK");
  a.birth_date.raw = "851399";
  a.findings.push_back({14, "DTM+329", "date of birth '851399' is not a date"});
  travel::Traveller nameless;
  m.travellers = {a, nameless};
  Result<FlightScreening> r = ScreenFlight(m, *screener, {}, {}, Options());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->travellers[0].decision, Decision::kClear);
  ASSERT_NE(Find(r->travellers[0], "data"), nullptr);
  EXPECT_NE(Find(r->travellers[0], "data")->detail.find("segment 14"), std::string::npos);
  EXPECT_EQ(r->travellers[1].decision, Decision::kRefer);
}

TEST(FlightScreening, ActiveRulesReferAndSayWhichConditionsFired) {
  auto screener = Lists();
  travel::Manifest m = Flight();
  m.travellers.push_back(Pax("DUPONT", {"JEAN"}, {1995, 1, 1}, "FRA"));
  m.travellers.push_back(Pax("DUPONT", {"MARIE"}, {1960, 1, 1}, "FRA"));
  auto rule = travel::RuleExpression::Parse("age between 18 and 35 and flight.origin = DYU");
  ASSERT_TRUE(rule.ok()) << rule.status().ToString();
  std::vector<TargetingRule> rules;
  rules.push_back({"young-from-dyu", 3, std::move(*rule)});
  Result<FlightScreening> r = ScreenFlight(m, *screener, {}, rules, Options());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->travellers[0].decision, Decision::kRefer);
  ASSERT_EQ(r->travellers[0].rules.size(), 1u);
  EXPECT_EQ(r->travellers[0].rules[0].name, "young-from-dyu");
  EXPECT_EQ(r->travellers[0].rules[0].version, 3);
  ASSERT_NE(Find(r->travellers[0], "rule"), nullptr);
  EXPECT_NE(Find(r->travellers[0], "rule")->detail.find("age"), std::string::npos);
  EXPECT_EQ(r->travellers[1].decision, Decision::kClear);
  EXPECT_EQ(r->rule_hits, 1u);
}

TEST(FlightScreening, ResultDoesNotDependOnThreadCount) {
  auto screener = Lists();
  travel::Manifest m = Flight();
  for (int i = 0; i < 40; ++i) {
    m.travellers.push_back(
        i % 10 == 3 ? Pax("RAHIMOV", {"DILSHOD"}, {1985, 3, 17}, "TJK")
                    : Pax("PASSENGER", {"NUMBER" + std::to_string(i)}, {1990, 1, 1}, "GBR"));
  }
  ScreeningOptions one = Options(), four = Options();
  one.threads = 1;
  four.threads = 4;
  auto a = ScreenFlight(m, *screener, {}, {}, one);
  auto b = ScreenFlight(m, *screener, {}, {}, four);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->referred, 4u);
  for (size_t i = 0; i < m.travellers.size(); ++i) {
    EXPECT_EQ(a->travellers[i].decision, b->travellers[i].decision);
    EXPECT_EQ(a->travellers[i].hits.size(), b->travellers[i].hits.size());
  }
}

// A valid TD3 MRZ for the holder given, built with the check digits.
std::vector<std::string> Td3(const std::string& state, const std::string& name,
                             const std::string& number, const std::string& nationality,
                             const std::string& dob, char sex, const std::string& expiry) {
  std::string l1 = "P<" + state + name;
  l1.resize(44, '<');
  std::string num = number;
  num.resize(9, '<');
  std::string personal(14, '<');
  std::string l2 = num + travel::MrzCheckDigit(num) + nationality + dob +
                   travel::MrzCheckDigit(dob) + sex + expiry + travel::MrzCheckDigit(expiry) +
                   personal + '<';
  std::string composite = l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22);
  l2 += travel::MrzCheckDigit(composite);
  return {l1, l2};
}

TEST(Booth, ListedHolderIsReferred) {
  auto screener = Lists();
  auto mrz = travel::ParseMrz(
      Td3("TJK", "RAHIMOV<<DILSHOD<KARIMOVICH", "401234567", "TJK", "850317", 'M', "300101"),
      {2024, 11, 4});
  ASSERT_TRUE(mrz.ok()) << mrz.status().ToString();
  ASSERT_TRUE(mrz->valid());
  auto b = ScreenMrz(*mrz, screener.get(), {}, Options());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->decision, Decision::kRefer);
  ASSERT_FALSE(b->hits.empty());
  EXPECT_EQ(b->hits[0].entity_id, "un:2");
}

TEST(Booth, UnlistedValidDocumentIsClear) {
  auto screener = Lists();
  auto mrz = travel::ParseMrz(
      Td3("UTO", "ERIKSSON<<ANNA<MARIA", "L898902C3", "UTO", "740812", 'F', "300415"),
      {2024, 11, 4});
  ASSERT_TRUE(mrz.ok());
  auto b = ScreenMrz(*mrz, screener.get(), {}, Options());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->decision, Decision::kClear);
  EXPECT_TRUE(b->hits.empty());
  EXPECT_EQ(b->query.names.at(0), "ANNA MARIA ERIKSSON");
}

TEST(Booth, FailedCheckDigitExpiryAndStolenEachRefer) {
  auto screener = Lists();
  auto lines = Td3("UTO", "ERIKSSON<<ANNA<MARIA", "L898902C3", "UTO", "740812", 'F', "300415");
  lines[1][9] = lines[1][9] == '1' ? '2' : '1';  // document number check digit
  auto bad = travel::ParseMrz(lines, {2024, 11, 4});
  ASSERT_TRUE(bad.ok());
  auto b = ScreenMrz(*bad, screener.get(), {}, Options());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->decision, Decision::kRefer);
  EXPECT_EQ(b->reasons.at(0).code, "check-digit");

  auto old = travel::ParseMrz(
      Td3("UTO", "ERIKSSON<<ANNA<MARIA", "L898902C3", "UTO", "740812", 'F', "120415"),
      {2024, 11, 4});
  ASSERT_TRUE(old.ok());
  auto e = ScreenMrz(*old, screener.get(), {}, Options());
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->decision, Decision::kRefer);
  EXPECT_EQ(e->reasons.at(0).code, "expired");

  auto good = travel::ParseMrz(
      Td3("D<<", "MUELLER<<JONAS", "C01X00T47", "D<<", "800101", 'M', "300101"), {2024, 11, 4});
  ASSERT_TRUE(good.ok());
  ReportedDocumentIndex stolen({{"C01X00T47", "DEU", "P", "stolen", "sltd", "S-1"}});
  auto s = ScreenMrz(*good, screener.get(), stolen, Options());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->decision, Decision::kRefer);
  EXPECT_EQ(s->reasons.at(0).code, "lost-stolen");
}

}  // namespace
}  // namespace hudud::targeting
