// Pins the enum names of model/entity.h and that they parse back.
#include "model/entity.h"

#include <gtest/gtest.h>

namespace hudud::model {
namespace {

TEST(EntityKindTest, RoundTripsAndAcceptsSynonyms) {
  for (EntityKind k : {EntityKind::kPerson, EntityKind::kOrganization, EntityKind::kVessel,
                       EntityKind::kAircraft, EntityKind::kUnknown}) {
    EXPECT_EQ(ParseEntityKind(ToString(k)), k) << ToString(k);
  }
  EXPECT_EQ(ToString(EntityKind::kPerson), "person");
  EXPECT_EQ(ToString(EntityKind::kOrganization), "organization");
  EXPECT_EQ(ParseEntityKind("Individual"), EntityKind::kPerson);
  EXPECT_EQ(ParseEntityKind("ENTITY"), EntityKind::kOrganization);
  EXPECT_EQ(ParseEntityKind("org"), EntityKind::kOrganization);
  EXPECT_EQ(ParseEntityKind("Company"), EntityKind::kOrganization);
  EXPECT_EQ(ParseEntityKind("Vessel"), EntityKind::kVessel);
  EXPECT_FALSE(ParseEntityKind("ship").has_value());
  EXPECT_FALSE(ParseEntityKind("").has_value());
}

TEST(GenderTest, ParsesMaleFemaleOnly) {
  EXPECT_EQ(ToString(Gender::kUnknown), "unknown");
  EXPECT_EQ(ToString(Gender::kMale), "male");
  EXPECT_EQ(ToString(Gender::kFemale), "female");
  EXPECT_EQ(ParseGender("Male"), Gender::kMale);
  EXPECT_EQ(ParseGender("F"), Gender::kFemale);
  EXPECT_EQ(ParseGender("m"), Gender::kMale);
  EXPECT_EQ(ParseGender("FEMALE"), Gender::kFemale);
  EXPECT_FALSE(ParseGender("unknown").has_value());
  EXPECT_FALSE(ParseGender("").has_value());
  EXPECT_FALSE(ParseGender("x").has_value());
}

TEST(NameKindTest, RoundTrips) {
  EXPECT_EQ(ToString(NameKind::kPrimary), "primary");
  EXPECT_EQ(ToString(NameKind::kGoodAlias), "good-alias");
  EXPECT_EQ(ToString(NameKind::kLowAlias), "low-alias");
  EXPECT_EQ(ToString(NameKind::kOriginalScript), "original-script");
  EXPECT_EQ(ToString(NameKind::kFormerName), "former");
  for (NameKind k : {NameKind::kPrimary, NameKind::kGoodAlias, NameKind::kLowAlias,
                     NameKind::kOriginalScript, NameKind::kFormerName}) {
    EXPECT_EQ(ParseNameKind(ToString(k)), k);
  }
  EXPECT_EQ(ParseNameKind("Good-Alias"), NameKind::kGoodAlias);
  EXPECT_FALSE(ParseNameKind("alias").has_value());
}

}  // namespace
}  // namespace hudud::model
