// Pins the stored JSON form of entities: lossless, canonical, and strict
// about what it reads back.
#include "store/entity_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_entities.h"

namespace hudud::store {
namespace {

using testing_util::ExpectEntityEq;
using testing_util::FullEntity;

TEST(EntityJsonTest, EveryFieldRoundTrips) {
  model::Entity e = FullEntity();
  std::string json = EntityToJson(e);
  Result<model::Entity> back = EntityFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectEntityEq(e, *back);
  // Text is kept as UTF-8, not \u-escaped, so SQL inspection reads it.
  EXPECT_NE(json.find("أيمن"), std::string::npos);
  EXPECT_NE(json.find("Айман"), std::string::npos);
}

TEST(EntityJsonTest, DefaultEntityRoundTrips) {
  model::Entity e;
  Result<model::Entity> back = EntityFromJson(EntityToJson(e));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectEntityEq(e, *back);
}

TEST(EntityJsonTest, DatesUseIsoForms) {
  std::string json = EntityToJson(FullEntity());
  EXPECT_NE(json.find(R"("from":"1951-06-19")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("from":"1952-07")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("from":"1948","kind":"between")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("kind":"approximate")"), std::string::npos) << json;
}

TEST(EntityJsonTest, IsCanonical) {
  // Same entity, same bytes: the content hash relies on it.
  EXPECT_EQ(EntityToJson(FullEntity()), EntityToJson(FullEntity()));
  model::Entity changed = FullEntity();
  changed.documents[1].number = "19821";
  EXPECT_NE(EntityToJson(FullEntity()), EntityToJson(changed));
}

TEST(EntityJsonTest, InvalidUtf8IsReplacedNotThrown) {
  model::Entity e;
  e.id = "x:1";
  e.comments = std::string("bad \xff byte");
  std::string json = EntityToJson(e);
  Result<model::Entity> back = EntityFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->comments, "bad \xEF\xBF\xBD byte");
}

TEST(EntityJsonTest, IgnoresUnknownKeys) {
  Result<model::Entity> e = EntityFromJson(R"({"id":"un:1","kind":"vessel","future":[1,2]})");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->id, "un:1");
  EXPECT_EQ(e->kind, model::EntityKind::kVessel);
}

TEST(EntityJsonTest, RejectsMalformedInput) {
  Result<model::Entity> e = EntityFromJson("{not json");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kCorruption);

  e = EntityFromJson("[1]");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kCorruption);

  e = EntityFromJson(R"({"id":"un:7","names":[{"full":"A","kind":"nickname"}]})");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kCorruption);
  EXPECT_NE(e.status().message().find("un:7"), std::string::npos) << e.status().message();
  EXPECT_NE(e.status().message().find("names[0].kind"), std::string::npos) << e.status().message();

  e = EntityFromJson(R"({"id":"un:8","titles":"Dr"})");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("titles"), std::string::npos) << e.status().message();

  e = EntityFromJson(R"({"id":"un:9","dob":[{"kind":"exact","from":"19x1"}]})");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("dob[0].from"), std::string::npos) << e.status().message();
}

TEST(EntityJsonTest, ReadsAnyLayoutOfValidJson) {
  // Indented, \u-escaped (surrogate pairs for the emoji) and with keys in
  // another order: the reader must not depend on the writer's exact bytes.
  nlohmann::ordered_json reordered;
  nlohmann::json canonical = nlohmann::json::parse(EntityToJson(FullEntity()));
  for (auto it = canonical.rbegin(); it != canonical.rend(); ++it) {
    reordered[it.key()] = it.value();
  }
  std::string pretty = reordered.dump(2, ' ', /*ensure_ascii=*/true);
  ASSERT_NE(pretty.find("\\ud83d\\ude42"), std::string::npos);
  Result<model::Entity> back = EntityFromJson(pretty);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectEntityEq(FullEntity(), *back);
}

TEST(EntityJsonTest, WriterOutputIsCanonicalJson) {
  // Sorted keys and nlohmann's escaping: re-dumping changes nothing.
  std::string json = EntityToJson(FullEntity());
  EXPECT_EQ(nlohmann::json::parse(json).dump(), json);
}

TEST(EntityJsonTest, EveryTruncationFailsCleanly) {
  // Never reads past the end, never accepts half an entity.
  std::string json = EntityToJson(FullEntity());
  for (size_t n = 0; n < json.size(); ++n) {
    Result<model::Entity> e = EntityFromJson(std::string_view(json.data(), n));
    ASSERT_FALSE(e.ok()) << "prefix of " << n << " bytes was accepted";
    EXPECT_EQ(e.status().code(), Status::Code::kCorruption);
  }
  EXPECT_FALSE(EntityFromJson(json + "x").ok());
  EXPECT_TRUE(EntityFromJson(json + " \n").ok());
}

TEST(EntityJsonTest, RejectsBadEscapesAndDeepNesting) {
  EXPECT_FALSE(EntityFromJson(R"({"id":"a\q"})").ok());
  EXPECT_FALSE(EntityFromJson(R"({"id":"\ud83d"})").ok());  // lone high surrogate
  EXPECT_FALSE(EntityFromJson(R"({"id":"\ude42"})").ok());  // lone low surrogate
  EXPECT_FALSE(EntityFromJson("{\"id\":\"a\nb\"}").ok());   // raw control character
  std::string deep = R"({"future":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
  Result<model::Entity> e = EntityFromJson(deep);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("nested too deeply"), std::string::npos)
      << e.status().message();
}

TEST(EntityJsonTest, EnumCodesAreStable) {
  // These words are in existing databases: they must never change.
  EXPECT_EQ(EntityKindCode(model::EntityKind::kPerson), "person");
  EXPECT_EQ(EntityKindCode(model::EntityKind::kOrganization), "organization");
  EXPECT_EQ(EntityKindCode(model::EntityKind::kVessel), "vessel");
  EXPECT_EQ(EntityKindCode(model::EntityKind::kAircraft), "aircraft");
  EXPECT_EQ(EntityKindCode(model::EntityKind::kUnknown), "unknown");
  EXPECT_EQ(NameKindCode(model::NameKind::kPrimary), "primary");
  EXPECT_EQ(NameKindCode(model::NameKind::kGoodAlias), "good-alias");
  EXPECT_EQ(NameKindCode(model::NameKind::kLowAlias), "low-alias");
  EXPECT_EQ(NameKindCode(model::NameKind::kOriginalScript), "original-script");
  EXPECT_EQ(NameKindCode(model::NameKind::kFormerName), "former");
}

}  // namespace
}  // namespace hudud::store
