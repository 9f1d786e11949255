// Pins store/rules.cc, store/documents.cc and store/manifests.cc: targeting
// rules as versioned, four-eyes records (sensitive attributes refused at
// save time); the lost and stolen register replaced source by source; the
// passenger messages kept as received.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "store/documents.h"
#include "store/manifests.h"
#include "store/rules.h"
#include "store/store.h"
#include "store_fixture.h"

namespace hudud::store {
namespace {

using TravelRecordsTest = StoreFixture;

TEST_F(TravelRecordsTest, RuleVersionsNeedAnotherUserToActivate) {
  RuleBook book(*store_);
  Result<RuleVersion> v1 =
      book.Save("one-way-cash", "booking.one_way and payment.cash",
                "one-way cash tickets on the FTF route", "PIU targeting", "amina");
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  EXPECT_EQ(v1->version, 1);
  EXPECT_EQ(v1->state, "draft");
  Result<RuleVersion> self = book.Activate("one-way-cash", 0, "amina");
  ASSERT_FALSE(self.ok());
  EXPECT_NE(self.status().message().find("four eyes"), std::string::npos);
  Result<std::vector<RuleVersion>> active = book.Active();
  ASSERT_TRUE(active.ok());
  EXPECT_TRUE(active->empty());

  Result<RuleVersion> on = book.Activate("one-way-cash", 0, "karim");
  ASSERT_TRUE(on.ok()) << on.status().ToString();
  EXPECT_EQ(on->state, "active");
  EXPECT_EQ(on->activated_by, "karim");

  // A new version is a draft beside the active one until activated; then
  // the old one is retired.
  Result<RuleVersion> v2 =
      book.Save("one-way-cash", "booking.one_way and payment.cash and age < 40",
                "narrowed after review", "PIU targeting", "amina");
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2->version, 2);
  active = book.Active();
  ASSERT_EQ(active->size(), 1u);
  EXPECT_EQ(active->front().version, 1);
  ASSERT_TRUE(book.Activate("one-way-cash", 2, "karim").ok());
  Result<std::vector<RuleVersion>> all = book.Versions("one-way-cash");
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].state, "retired");
  EXPECT_EQ((*all)[1].state, "active");

  ASSERT_TRUE(book.Retire("one-way-cash", "karim").ok());
  EXPECT_TRUE(book.Active()->empty());
  EXPECT_EQ(book.Retire("one-way-cash", "karim").status().code(), Status::Code::kNotFound);

  Result<std::vector<RuleEvent>> events = book.Events("one-way-cash");
  ASSERT_TRUE(events.ok());
  std::vector<std::string> actions;
  for (const auto& e : *events) actions.push_back(e.action + ":" + e.actor);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"saved:amina", "activated:karim", "saved:amina",
                                      "retired:karim", "activated:karim", "retired:karim"}));
}

TEST_F(TravelRecordsTest, RulesWithSensitiveAttributesAreRefusedAtSaveTime) {
  RuleBook book(*store_);
  Result<RuleVersion> meal =
      book.Save("meals", "traveller.services in (MOML)", "x", "PIU", "amina");
  ASSERT_FALSE(meal.ok());
  EXPECT_EQ(meal.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(book.Versions("meals")->empty());
  Result<RuleVersion> ok = book.Save("unaccompanied", "traveller.services in (UMNR)",
                                     "unaccompanied minors on trafficking routes", "PIU", "amina");
  EXPECT_TRUE(ok.ok()) << ok.status().ToString();
}

TEST_F(TravelRecordsTest, RulesNeedAJustificationAnOwnerAValidNameAndExpression) {
  RuleBook book(*store_);
  EXPECT_FALSE(book.Save("r", "age > 30", "", "PIU", "amina").ok());
  EXPECT_FALSE(book.Save("r", "age > 30", "why", " ", "amina").ok());
  EXPECT_FALSE(book.Save("Bad Name", "age > 30", "why", "PIU", "amina").ok());
  EXPECT_FALSE(book.Save("r", "age >", "why", "PIU", "amina").ok());
  EXPECT_FALSE(book.Save("r", "age > 30", "why", "PIU", "").ok());
  EXPECT_TRUE(book.Versions("")->empty());
}

TEST_F(TravelRecordsTest, LostDocumentsReplaceTheirSourceOnly) {
  std::vector<LostDocument> sltd = {
      {"AB123", "IR", "P", "stolen", "2024-01-01", "S1", "AB 123", "", 2},
      {"CD456", "TJ", "", "lost", "", "S2", "CD456", "", 3}};
  Result<DocumentImportSummary> a = ImportLostDocuments(*store_, "sltd", sltd, "h1", "amina");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->added, 2u);
  std::vector<LostDocument> national = {{"ZZ9", "KW", "P", "revoked", "", "N1", "ZZ9", "", 2}};
  ASSERT_TRUE(ImportLostDocuments(*store_, "national", national, "h2", "amina").ok());
  Result<DocumentImportSummary> same = ImportLostDocuments(*store_, "sltd", sltd, "h1", "amina");
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->unchanged);

  sltd.pop_back();
  sltd.push_back({"EF789", "SY", "P", "stolen", "", "S3", "EF789", "", 3});
  Result<DocumentImportSummary> b = ImportLostDocuments(*store_, "sltd", sltd, "h3", "karim");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->added, 1u);
  EXPECT_EQ(b->removed, 1u);
  Result<std::vector<LostDocument>> all = LoadLostDocuments(*store_);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  std::set<std::string> numbers;
  for (const auto& d : *all) numbers.insert(d.number + "@" + d.source);
  EXPECT_EQ(numbers, (std::set<std::string>{"ZZ9@national", "AB123@sltd", "EF789@sltd"}));
  Result<std::vector<DocumentSource>> sources = DocumentSources(*store_);
  ASSERT_EQ(sources->size(), 2u);
  EXPECT_EQ((*sources)[1].imported_by, "karim");
}

TEST_F(TravelRecordsTest, ManifestsAreKeptOnceAndFoundByDeparture) {
  StoredManifest m;
  m.format = "paxlst";
  m.flight = "XX101 DYU-KWI 2024-11-04";
  m.departure = "2024-11-04";
  m.travellers = 3;
  m.sha256 = "aa";
  m.raw = std::string("UNB+UNOA:4'\0binary", 18);
  Result<int64_t> id = SaveManifest(*store_, m);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  Result<int64_t> again = SaveManifest(*store_, m);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *id);
  m.sha256 = "bb";
  m.departure = "2024-12-01";
  ASSERT_TRUE(SaveManifest(*store_, m).ok());
  Result<std::vector<StoredManifest>> nov =
      LoadManifests(*store_, "2024-11-01", "2024-11-30", true);
  ASSERT_TRUE(nov.ok());
  ASSERT_EQ(nov->size(), 1u);
  EXPECT_EQ(nov->front().raw.size(), 18u);  // bytes kept exactly, NUL included
  EXPECT_EQ(LoadManifests(*store_, "", "", false)->size(), 2u);
}

}  // namespace
}  // namespace hudud::store
