// Pins model/date.h: the accepted date forms, validation (leap years,
// month lengths) and the printed forms.
#include "model/date.h"

#include <gtest/gtest.h>

#include <string>

namespace hudud::model {
namespace {

struct ValidCase {
  const char* text;
  int year, month, day;
};

TEST(ParsePartialDateTest, AcceptsEveryDocumentedForm) {
  const ValidCase kCases[] = {
      {"1971", 1971, 0, 0},         {"1971-05", 1971, 5, 0},       {"1971-05-03", 1971, 5, 3},
      {"19710503", 1971, 5, 3},     {"03/05/1971", 1971, 5, 3},    {"3/5/1971", 1971, 5, 3},
      {"03.05.1971", 1971, 5, 3},   {"3 May 1971", 1971, 5, 3},    {"03 may 1971", 1971, 5, 3},
      {"May 1971", 1971, 5, 0},     {"11 Apr. 1963", 1963, 4, 11}, {"Nov. 1973", 1973, 11, 0},
      {"August 1961", 1961, 8, 0},  {"1 SEPT 1950", 1950, 9, 1},   {"  1971-05-03 \n", 1971, 5, 3},
      {"2000-02-29", 2000, 2, 29},  {"29/02/2024", 2024, 2, 29},   {"1600-02-29", 1600, 2, 29},
      {"1999-12-31", 1999, 12, 31}, {"31 Dec 1999", 1999, 12, 31}, {"0001", 1, 0, 0},
  };
  for (const ValidCase& c : kCases) {
    SCOPED_TRACE(c.text);
    std::optional<PartialDate> d = ParsePartialDate(c.text);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->year, c.year);
    EXPECT_EQ(d->month, c.month);
    EXPECT_EQ(d->day, c.day);
  }
}

TEST(ParsePartialDateTest, RejectsImpossibleAndMalformedDates) {
  const char* kCases[] = {
      "",
      "   ",
      "0000",
      "197",
      "19711",
      "1971-13",
      "1971-00",
      "1971-05-00",
      "1971-5-3",
      "1971-02-30",
      "1900-02-29",
      "2023-02-29",
      "1971-04-31",
      "31/04/1971",
      "29.02.2023",
      "32/01/1971",
      "00/01/1971",
      "1/13/1971",
      "19711301",
      "19710230",
      "Foo 1971",
      "31 Feb 1971",
      "0 May 1971",
      "May",
      "1971 May",
      "1971-05-03x",
      "abcd",
      "12/1971",
      "1971-05-03-04:00",
      "24/06/1402 (Hijri Calendar)",
      "Between Aug. and Sep. 1977",
      "30-35 years old",
      "-1971",
      "+1971",
      "19 71",
  };
  for (const char* text : kCases) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(ParsePartialDate(text).has_value());
  }
}

TEST(PartialDateTest, ToStringPrintsKnownPartsOnly) {
  EXPECT_EQ(PartialDate{}.ToString(), "");
  EXPECT_EQ((PartialDate{1971, 0, 0}).ToString(), "1971");
  EXPECT_EQ((PartialDate{1971, 5, 0}).ToString(), "1971-05");
  EXPECT_EQ((PartialDate{1971, 5, 3}).ToString(), "1971-05-03");
  EXPECT_EQ((PartialDate{987, 1, 2}).ToString(), "0987-01-02");
  EXPECT_TRUE(PartialDate{}.empty());
  EXPECT_TRUE((PartialDate{1971, 5, 3}).full());
  EXPECT_FALSE((PartialDate{1971, 5, 0}).full());
}

TEST(PartialDateTest, RoundTripsThroughToString) {
  for (const char* text : {"1971", "1971-05", "1971-05-03", "2000-02-29"}) {
    std::optional<PartialDate> d = ParsePartialDate(text);
    ASSERT_TRUE(d.has_value()) << text;
    EXPECT_EQ(d->ToString(), text);
    EXPECT_EQ(ParsePartialDate(d->ToString()), d);
  }
}

TEST(DateOfBirthTest, ToStringByKind) {
  DateOfBirth exact;
  exact.from = {1971, 5, 3};
  EXPECT_EQ(exact.ToString(), "1971-05-03");

  DateOfBirth approx;
  approx.kind = DateOfBirth::Kind::kApproximate;
  approx.from = {1971, 0, 0};
  EXPECT_EQ(approx.ToString(), "circa 1971");

  DateOfBirth between;
  between.kind = DateOfBirth::Kind::kBetween;
  between.from = {1968, 0, 0};
  between.to = {1971, 0, 0};
  EXPECT_EQ(between.ToString(), "1968..1971");

  EXPECT_EQ(DateOfBirth{}.ToString(), "");
  DateOfBirth empty_approx;
  empty_approx.kind = DateOfBirth::Kind::kApproximate;
  EXPECT_EQ(empty_approx.ToString(), "");
}

TEST(DateOfBirthTest, KindNames) {
  EXPECT_EQ(ToString(DateOfBirth::Kind::kExact), "exact");
  EXPECT_EQ(ToString(DateOfBirth::Kind::kApproximate), "approximate");
  EXPECT_EQ(ToString(DateOfBirth::Kind::kBetween), "between");
}

}  // namespace
}  // namespace hudud::model
