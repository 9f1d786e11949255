// Pins ParseMappedTable (lists/mapped_table.cc): a national list in CSV or
// JSON lines read through a column mapping (fixtures written for hudud, see
// tests/data/lists/README.md); mapping and data errors name the file, the
// line and the field.
#include <gtest/gtest.h>

#include <map>

#include "lists/list_file.h"

namespace hudud::lists {
namespace {

std::string Fixture(const char* name) { return std::string(HUDUD_TESTDATA_DIR "/lists/") + name; }

TEST(MappedTableTest, CsvWithMapping) {
  ReadOptions o;
  o.mapping_path = Fixture("national-list.mapping.json");
  Result<ParsedList> l = ReadListFile(Fixture("national-list.csv"), "auto", o);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->format, "csv");
  EXPECT_EQ(l->list_id, "kw-national");
  ASSERT_EQ(l->entities.size(), 3u);
  const model::Entity& a = l->entities[0];
  EXPECT_EQ(a.id, "kw-national:KW-001");
  EXPECT_EQ(a.kind, model::EntityKind::kPerson);
  ASSERT_EQ(a.names.size(), 3u);
  EXPECT_EQ(a.names[0].full, "Abdullah Mohammed al-Ansari");
  EXPECT_EQ(a.names[1].full, "عبد الله محمد الأنصاري");
  EXPECT_EQ(a.names[1].kind, model::NameKind::kOriginalScript);
  EXPECT_EQ(a.names[2].kind, model::NameKind::kGoodAlias);
  EXPECT_EQ(a.dates_of_birth[0].from.ToString(), "1980-04-02");
  EXPECT_EQ(a.nationalities[0].country_code, "KW");
  ASSERT_EQ(a.documents.size(), 1u);
  EXPECT_EQ(a.documents[0].country_code, "KW");
  EXPECT_EQ(a.listed_on, "2026-01-15");
  EXPECT_EQ(a.program, "Decree 12/2026");
  EXPECT_EQ(l->entities[1].dates_of_birth[0].from.ToString(), "1975");
  EXPECT_EQ(l->entities[2].kind, model::EntityKind::kOrganization);
}

TEST(MappedTableTest, JsonLinesWithMapping) {
  ReadOptions o;
  o.mapping_path = Fixture("national-list-jsonl.mapping.json");
  Result<ParsedList> l = ReadListFile(Fixture("national-list.jsonl"), "auto", o);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->format, "json");
  ASSERT_EQ(l->entities.size(), 2u);
  EXPECT_EQ(l->entities[0].names.size(), 3u);
  EXPECT_EQ(l->entities[0].names[0].full, "Абдулло Раҳимов");
  EXPECT_EQ(l->entities[1].id, "tj-national:8");
  EXPECT_EQ(l->entities[1].nationalities[0].country_code, "TJ");
}

TEST(MappedTableTest, ErrorsNameFileLineAndField) {
  const std::string mapping =
      R"({"list_id": "x", "id": "id", "name": "name", "dob": "dob", "date_order": "dmy"})";
  Result<ParsedList> r =
      ParseMappedTable("id,name,dob\n1,Ali Hassan,31/02/1970\n", "x.csv", mapping, "m.json", false);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x.csv, line 2: field dob"), std::string::npos)
      << r.status().message();
  r = ParseMappedTable("id,fullname\n1,Ali\n", "x.csv", mapping, "m.json", false);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("\"name\" is not in the header"), std::string::npos)
      << r.status().message();
  r = ParseMappedTable("id,name,dob\n,Ali,\n", "x.csv", mapping, "m.json", false);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos);
  r = ParseMappedTable("id,name\n1,Ali\n", "x.csv",
                       R"({"list_id": "x", "id": "id", "nom": "name"})", "m.json", false);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("unknown mapping key \"nom\""), std::string::npos);
  r = ParseMappedTable("{\"id\": 1, \"name\": \"A\"}\n{bad\n", "x.jsonl", mapping, "m.json", true);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x.jsonl, line 2"), std::string::npos);
}

}  // namespace
}  // namespace hudud::lists
