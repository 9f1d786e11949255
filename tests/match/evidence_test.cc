// Each evidence rule of evidence.h, on its own.
#include "match/evidence.h"

#include <gtest/gtest.h>

namespace hudud::match {
namespace {

using model::DateOfBirth;
using model::Entity;

Entity WithDob(DateOfBirth::Kind kind, const char* from, const char* to = "") {
  Entity e;
  DateOfBirth d;
  d.kind = kind;
  d.from = *model::ParsePartialDate(from);
  if (*to) d.to = *model::ParsePartialDate(to);
  e.dates_of_birth.push_back(d);
  return e;
}

EvidenceOutcome Dob(const Entity& e, const char* query_dob, std::string* verdict = nullptr) {
  Query q;
  q.names = {"x"};
  q.dob = model::ParsePartialDate(query_dob);
  std::vector<Evidence> out;
  EvidenceOutcome r = EvaluateEvidence(PrepareEvidence(q), e, &out);
  if (verdict) *verdict = out.empty() ? "none" : out[0].verdict;
  return r;
}

TEST(EvidenceTest, DateOfBirthRules) {
  using K = DateOfBirth::Kind;
  struct Case {
    K kind;
    const char* from;
    const char* to;
    const char* query;
    double delta;
    const char* verdict;
  } cases[] = {
      {K::kExact, "1971-07-28", "", "1971-07-28", 0.06, "agrees"},
      {K::kExact, "1971-07-28", "", "1971-07-29", -0.08, "conflicts"},
      {K::kExact, "1971-07-08", "", "1971-08-07", 0.0, "partial"},  // day/month swapped
      {K::kExact, "1971-07-28", "", "1972-07-28", -0.12, "conflicts"},
      {K::kExact, "1971-07-28", "", "1975-07-28", -0.22, "conflicts"},
      {K::kExact, "1937-04-28", "", "1969", -0.35, "conflicts"},  // decades apart: capped
      {K::kExact, "1971", "", "1971-07-28", 0.03, "agrees"},      // year-only listing
      {K::kExact, "1971-07-28", "", "1971", 0.03, "agrees"},      // year-only query
      {K::kExact, "1971-07", "", "1971-03-01", -0.04, "conflicts"},
      {K::kApproximate, "1970", "", "1972-01-01", 0.02, "agrees"},
      {K::kApproximate, "1970", "", "1974-01-01", -0.05, "conflicts"},
      {K::kApproximate, "1970", "", "1990-01-01", -0.20, "conflicts"},
      {K::kBetween, "1968", "1971", "1969-05-05", 0.02, "agrees"},
      {K::kBetween, "1968", "1971", "1972", 0.0, "partial"},
      {K::kBetween, "1968", "1971", "1980", -0.20, "conflicts"},
  };
  for (const auto& c : cases) {
    std::string verdict;
    EvidenceOutcome r = Dob(WithDob(c.kind, c.from, c.to), c.query, &verdict);
    EXPECT_NEAR(r.delta, c.delta, 1e-9) << c.from << " vs " << c.query;
    EXPECT_EQ(verdict, c.verdict) << c.from << " vs " << c.query;
  }
}

TEST(EvidenceTest, AgreeingDatesAddInformation) {
  using K = DateOfBirth::Kind;
  EXPECT_DOUBLE_EQ(Dob(WithDob(K::kExact, "1971-07-28"), "1971-07-28").information, 4.0);
  EXPECT_DOUBLE_EQ(Dob(WithDob(K::kExact, "1971-07"), "1971-07-02").information, 2.0);
  EXPECT_DOUBLE_EQ(Dob(WithDob(K::kExact, "1971"), "1971-07-02").information, 1.0);
  EXPECT_DOUBLE_EQ(Dob(WithDob(K::kExact, "1971-07-28"), "1980-07-28").information, 0.0);
}

TEST(EvidenceTest, BestOfSeveralListedDatesCounts) {
  Entity e = WithDob(DateOfBirth::Kind::kExact, "1964-04-13");
  DateOfBirth other;
  other.from = *model::ParsePartialDate("1955");
  e.dates_of_birth.push_back(other);
  EXPECT_NEAR(Dob(e, "1964-04-13").delta, 0.06, 1e-9);
  EXPECT_NEAR(Dob(e, "1955-01-01").delta, 0.03, 1e-9);
}

TEST(EvidenceTest, MissingDataIsNeutral) {
  Entity e;  // nothing listed
  Query q;
  q.names = {"x"};
  q.dob = model::ParsePartialDate("1971-07-28");
  q.nationality = "Iraq";
  q.gender = model::Gender::kMale;
  std::vector<Evidence> out;
  EvidenceOutcome r = EvaluateEvidence(PrepareEvidence(q), e, &out);
  EXPECT_EQ(r.delta, 0.0);
  EXPECT_TRUE(out.empty());
  Entity listed = WithDob(DateOfBirth::Kind::kExact, "1971-07-28");
  Query none;
  none.names = {"x"};
  EXPECT_EQ(EvaluateEvidence(PrepareEvidence(none), listed, nullptr).delta, 0.0);
}

TEST(EvidenceTest, NationalityInAnyLanguageAndGender) {
  Entity e;
  e.nationalities.push_back({"Iraq", "IQ"});
  e.gender = model::Gender::kMale;
  for (const char* n : {"IQ", "IRQ", "Iraq", "العراق", "Ирак", "Irak"}) {
    Query q;
    q.names = {"x"};
    q.nationality = n;
    EXPECT_NEAR(EvaluateEvidence(PrepareEvidence(q), e, nullptr).delta, 0.03, 1e-9) << n;
  }
  Query q;
  q.names = {"x"};
  q.nationality = "Norway";
  q.gender = model::Gender::kFemale;
  EXPECT_NEAR(EvaluateEvidence(PrepareEvidence(q), e, nullptr).delta, -0.06 - 0.15, 1e-9);
}

TEST(EvidenceTest, DocumentNumberRules) {
  Entity e;
  model::Document d;
  d.number = "A-123 4567";
  d.issuing_country = "Saudi Arabia";
  d.country_code = "SA";
  e.documents.push_back(d);
  auto run = [&](const char* number, const char* country) {
    Query q;
    q.names = {"x"};
    q.document = number;
    q.document_country = country;
    return EvaluateEvidence(PrepareEvidence(q), e, nullptr);
  };
  EvidenceOutcome same = run("a1234567", "SAU");
  EXPECT_DOUBLE_EQ(same.keep, 0.1);
  EXPECT_NEAR(CombineScore(0.5, 10, same), 0.95, 1e-9);  // near-decisive
  EXPECT_DOUBLE_EQ(run("A1234567", "").keep, 0.3);       // state unknown
  EvidenceOutcome other_state = run("A1234567", "Yemen");
  EXPECT_DOUBLE_EQ(other_state.keep, 1.0);
  EXPECT_DOUBLE_EQ(other_state.bonus, 0.05);
  EXPECT_DOUBLE_EQ(run("B7654321", "SA").keep, 1.0);  // different number: nothing
}

TEST(EvidenceTest, InformationGate) {
  EXPECT_DOUBLE_EQ(InformationGate(kMinInformation), 1.0);
  EXPECT_DOUBLE_EQ(InformationGate(10), 1.0);
  EXPECT_NEAR(InformationGate(kMinInformation / 4), 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(InformationGate(0), 0.0);
  EvidenceOutcome none;
  EXPECT_NEAR(CombineScore(1.0, kMinInformation / 4, none), 0.5, 1e-12);
}

}  // namespace
}  // namespace hudud::match
