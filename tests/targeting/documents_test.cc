// Document checks: normalisation, the lost and stolen register, expiry.
#include "targeting/documents.h"

#include <gtest/gtest.h>

namespace hudud::targeting {
namespace {

travel::TravelDocument Doc(std::string type, std::string country, std::string number,
                           model::PartialDate expiry = {}) {
  travel::TravelDocument d;
  d.type = std::move(type);
  d.issuing_country = std::move(country);
  d.number = std::move(number);
  d.expiry.date = expiry;
  if (!expiry.empty()) d.expiry.raw = "x";
  return d;
}

TEST(DocumentNumber, NormalisationDropsSeparatorsAndCase) {
  EXPECT_EQ(NormalizeDocumentNumber("ab 123-456/7.8<"), "AB12345678");
  EXPECT_EQ(NormalizeDocumentNumber("  "), "");
}

TEST(DocumentNumber, ClassesOfTypeCodes) {
  EXPECT_EQ(DocumentClass("P"), "P");
  EXPECT_EQ(DocumentClass("PD"), "P");
  EXPECT_EQ(DocumentClass("IP"), "P");  // passport card
  EXPECT_EQ(DocumentClass("I"), "I");
  EXPECT_EQ(DocumentClass("ID"), "I");
  EXPECT_EQ(DocumentClass("AC"), "I");
  EXPECT_EQ(DocumentClass("C"), "I");
  EXPECT_EQ(DocumentClass("V"), "V");
  EXPECT_EQ(DocumentClass(""), "");
  EXPECT_EQ(DocumentClass("F"), "");
}

TEST(DocumentNumber, IssuersResolveToAlpha2) {
  EXPECT_EQ(CanonicalIssuer("D"), "DE");
  EXPECT_EQ(CanonicalIssuer("D<<"), "DE");
  EXPECT_EQ(CanonicalIssuer("DEU"), "DE");
  EXPECT_EQ(CanonicalIssuer("de"), "DE");
  EXPECT_EQ(CanonicalIssuer("TJK"), "TJ");
  EXPECT_EQ(CanonicalIssuer("Tajikistan"), "TJ");
  EXPECT_EQ(CanonicalIssuer("GBD"), "GB");
  EXPECT_EQ(CanonicalIssuer("UNO"), "UNO");  // an organisation, no state
  EXPECT_EQ(CanonicalIssuer("XPO"), "XPO");
}

TEST(ReportedDocuments, MatchExactlyOnNumberIssuerAndClass) {
  ReportedDocumentIndex index({
      {"401 234-567", "TJK", "P", "stolen", "national", "R-1"},
      {"X99", "Germany", "", "lost", "sltd", "S-2"},
      {"V555", "IRQ", "V", "revoked", "national", "R-3"},
  });
  EXPECT_EQ(index.size(), 3u);
  auto hit = index.Find("401234567", "TJ", "P");
  ASSERT_EQ(hit.size(), 1u);
  EXPECT_EQ(hit[0]->status, "stolen");
  EXPECT_EQ(index.Find("401234567", "TJK", "PP").size(), 1u);
  EXPECT_EQ(index.Find("401234567", "TJK", "").size(), 1u);  // the message gave no type
  EXPECT_TRUE(index.Find("401234567", "UZB", "P").empty());  // another issuer
  EXPECT_TRUE(index.Find("401234568", "TJK", "P").empty());  // another number
  EXPECT_TRUE(index.Find("401234567", "TJK", "I").empty());  // an identity card
  EXPECT_EQ(index.Find("x-99", "D", "ID").size(), 1u);       // the register gave no type
  EXPECT_TRUE(index.Find("V555", "IRQ", "P").empty());
  EXPECT_TRUE(index.Find("", "IRQ", "V").empty());
}

TEST(CheckDocument, ExpiredBeforeDepartureRefers) {
  ReportedDocumentIndex none;
  auto f = CheckDocument(Doc("P", "GBR", "123", {2024, 11, 3}), none, {2024, 11, 4}, {});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code, "expired");
  EXPECT_TRUE(f[0].refer);
  EXPECT_NE(f[0].detail.find("2024-11-03"), std::string::npos);
}

TEST(CheckDocument, ValidOnItsExpiryDay) {
  ReportedDocumentIndex none;
  EXPECT_TRUE(
      CheckDocument(Doc("P", "GBR", "123", {2024, 11, 4}), none, {2024, 11, 4}, {2024, 11, 4})
          .empty());
}

TEST(CheckDocument, ExpiringBeforeTheReturnFlightRefers) {
  ReportedDocumentIndex none;
  auto f =
      CheckDocument(Doc("P", "KWT", "K1", {2024, 11, 10}), none, {2024, 11, 4}, {2024, 11, 20});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code, "expires-during-travel");
  EXPECT_TRUE(f[0].refer);
}

TEST(CheckDocument, YearOnlyExpiryIsValidThroughTheYear) {
  ReportedDocumentIndex none;
  EXPECT_TRUE(CheckDocument(Doc("P", "GBR", "1", {2024, 0, 0}), none, {2024, 12, 31}, {}).empty());
  EXPECT_EQ(CheckDocument(Doc("P", "GBR", "1", {2023, 0, 0}), none, {2024, 1, 1}, {}).size(), 1u);
}

TEST(CheckDocument, LostOrStolenRefersAndNamesTheRegister) {
  ReportedDocumentIndex index({{"AB1234567", "IRN", "P", "stolen", "interpol-sltd", "SLTD-77"}});
  auto f = CheckDocument(Doc("P", "IRN", "AB1234567", {2030, 1, 1}), index, {2024, 11, 4}, {});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code, "lost-stolen");
  EXPECT_TRUE(f[0].refer);
  EXPECT_NE(f[0].detail.find("stolen"), std::string::npos);
  EXPECT_NE(f[0].detail.find("interpol-sltd"), std::string::npos);
  EXPECT_NE(f[0].detail.find("SLTD-77"), std::string::npos);
}

TEST(CheckDocument, UnreadableExpiryIsNotedNotReferred) {
  ReportedDocumentIndex none;
  travel::TravelDocument d = Doc("P", "GBR", "1");
  d.expiry.raw = "991399";
  auto f = CheckDocument(d, none, {2024, 11, 4}, {});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code, "no-expiry");
  EXPECT_FALSE(f[0].refer);
}

}  // namespace
}  // namespace hudud::targeting
