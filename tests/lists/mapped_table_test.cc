// Pins ParseMappedTable (lists/mapped_table.cc): a national list in CSV or
// JSON lines read through a column mapping (fixtures written for hudud, see
// tests/data/lists/README.md; the format is docs/LISTS.md's "Column mapping
// for national lists"). Mapping mistakes name the mapping key; data errors
// name the file, the line and the field.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lists/list_file.h"

namespace hudud::lists {
namespace {

std::string Fixture(const char* name) { return std::string(HUDUD_TESTDATA_DIR "/lists/") + name; }

Result<ParsedList> Csv(const std::string& csv, const std::string& mapping) {
  return ParseMappedTable(csv, "x.csv", mapping, "m.json", false);
}

std::string CsvError(const std::string& csv, const std::string& mapping) {
  Result<ParsedList> r = Csv(csv, mapping);
  return r.ok() ? "(parsed)" : r.status().message();
}

const char kSmall[] =
    R"({"list_id": "x", "id": "id", "name": "name", "dob": "dob", "date_order": "dmy"})";

TEST(MappedTableTest, CsvNationalListWithArabicNames) {
  ReadOptions o;
  o.mapping_path = Fixture("national-list.mapping.json");
  Result<ParsedList> l = ReadListFile(Fixture("national-list.csv"), "auto", o);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->format, "csv");
  EXPECT_EQ(l->list_id, "kw-national");
  ASSERT_EQ(l->entities.size(), 3u);  // KW-002's two rows are one; the blank row is no entity

  const model::Entity& a = l->entities[0];
  EXPECT_EQ(a.id, "kw-national:KW-001");
  EXPECT_EQ(a.source_id, "KW-001");
  EXPECT_EQ(a.list_id, "kw-national");
  EXPECT_EQ(a.kind, model::EntityKind::kPerson);
  ASSERT_EQ(a.names.size(), 5u);
  EXPECT_EQ(a.names[0].full, "Abdullah Mohammed al-Ansari");
  EXPECT_EQ(a.names[0].kind, model::NameKind::kPrimary);
  EXPECT_EQ(a.names[1].full, "عبد الله محمد الأنصاري");
  EXPECT_EQ(a.names[1].kind, model::NameKind::kOriginalScript);
  EXPECT_EQ(a.names[2].full, "Abu Omar");  // ';'-separated aliases
  EXPECT_EQ(a.names[3].full, "Abdallah al-Ansari");
  EXPECT_EQ(a.names[3].kind, model::NameKind::kGoodAlias);
  EXPECT_EQ(a.names[4].full, "Abu Umar");
  EXPECT_EQ(a.names[4].kind, model::NameKind::kLowAlias);
  ASSERT_EQ(a.dates_of_birth.size(), 1u);
  EXPECT_EQ(a.dates_of_birth[0].from.ToString(), "1980-04-02");  // dd/mm/yyyy
  ASSERT_EQ(a.places_of_birth.size(), 1u);
  EXPECT_EQ(a.places_of_birth[0].city, "Jahra");
  EXPECT_EQ(a.places_of_birth[0].country_code, "KW");
  EXPECT_EQ(a.nationalities[0].country_code, "KW");
  EXPECT_EQ(a.gender, model::Gender::kMale);  // "ذكر" through the value map
  ASSERT_EQ(a.documents.size(), 2u);
  EXPECT_EQ(a.documents[0].type, "Passport");
  EXPECT_EQ(a.documents[0].number, "P123456789");
  EXPECT_EQ(a.documents[0].country_code, "KW");
  EXPECT_EQ(a.documents[1].type, "Civil ID");
  EXPECT_EQ(a.documents[1].number, "280040201234");
  ASSERT_EQ(a.addresses.size(), 1u);
  EXPECT_EQ(a.addresses[0].street, "Block 4 Street 12");
  EXPECT_EQ(a.addresses[0].city, "Jahra");
  EXPECT_EQ(a.addresses[0].country_code, "KW");
  EXPECT_EQ(a.program, "Decree 12/2026");
  EXPECT_EQ(a.reference, "D-12/1");
  EXPECT_EQ(a.listed_on, "2026-01-15");
  EXPECT_EQ(a.comments, "Financier of a \"charity\" front, named in Decree 12/2026");

  // Two rows with one id: the second row's name is an alias, its values add up.
  const model::Entity& b = l->entities[1];
  EXPECT_EQ(b.id, "kw-national:KW-002");
  ASSERT_EQ(b.names.size(), 4u);
  EXPECT_EQ(b.names[0].full, "Hamid Yusuf al-Mutairi");
  EXPECT_EQ(b.names[3].full, "Hamed Youssef al-Mutairi");
  EXPECT_EQ(b.names[3].kind, model::NameKind::kGoodAlias);
  ASSERT_EQ(b.dates_of_birth.size(), 2u);
  EXPECT_EQ(b.dates_of_birth[0].from.ToString(), "1975");  // 00/00/1975
  EXPECT_EQ(b.dates_of_birth[1].from.ToString(), "1975-03");
  ASSERT_EQ(b.nationalities.size(), 2u);
  EXPECT_EQ(b.nationalities[1].country_code, "SA");
  EXPECT_EQ(b.program, "Decree 12/2026; Decree 14/2026");
  EXPECT_EQ(b.reference, "D-12/2; D-14/1");
  EXPECT_EQ(b.listed_on, "2026-01-15");  // the first designation
  EXPECT_EQ(b.comments, "Listed again under Decree 14/2026");
  EXPECT_TRUE(b.documents.empty());
  EXPECT_TRUE(b.addresses.empty());

  const model::Entity& c = l->entities[2];
  EXPECT_EQ(c.kind, model::EntityKind::kOrganization);
  EXPECT_EQ(c.names[1].full, "مؤسسة النور الخيرية");
  EXPECT_EQ(c.gender, model::Gender::kUnknown);
  ASSERT_EQ(c.addresses.size(), 1u);
  EXPECT_EQ(c.addresses[0].city, "Hawalli");
}

TEST(MappedTableTest, JsonLinesTajikList) {
  ReadOptions o;
  o.mapping_path = Fixture("national-list-jsonl.mapping.json");
  Result<ParsedList> l = ReadListFile(Fixture("national-list.jsonl"), "auto", o);
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->format, "json");
  EXPECT_EQ(l->list_id, "tj-national");
  ASSERT_EQ(l->entities.size(), 3u);
  const model::Entity& a = l->entities[0];
  EXPECT_EQ(a.names.size(), 3u);  // aliases as a JSON array
  EXPECT_EQ(a.names[0].full, "Абдулло Раҳимов");
  EXPECT_EQ(a.names[2].full, "Abdullo Rahimov");
  EXPECT_EQ(a.dates_of_birth[0].from.ToString(), "1979-06-01");
  ASSERT_EQ(a.documents.size(), 1u);
  EXPECT_EQ(a.documents[0].country_code, "TJ");
  EXPECT_EQ(a.listed_on, "2025-11-03");

  const model::Entity& b = l->entities[1];
  EXPECT_EQ(b.id, "tj-national:8");  // a numeric id
  ASSERT_EQ(b.names.size(), 3u);     // aliases as one ';'-separated string
  EXPECT_EQ(b.names[1].full, "Джамшид Каримов");
  ASSERT_EQ(b.nationalities.size(), 2u);
  EXPECT_EQ(b.nationalities[1].country_code, "UZ");

  // Named only by its parts, in the given-patronymic-family order.
  const model::Entity& c = l->entities[2];
  EXPECT_EQ(c.names[0].full, "Фарҳод Алиевич Назаров");
  ASSERT_EQ(c.names[0].parts.size(), 3u);
  EXPECT_EQ(c.names[0].parts[0].role, model::NamePartRole::kGiven);
  EXPECT_EQ(c.names[0].parts[1].role, model::NamePartRole::kPatronymic);
  EXPECT_EQ(c.names[0].parts[2].role, model::NamePartRole::kFamily);
  EXPECT_EQ(c.nationalities[0].country_code, "TJ");  // "Таджикистан"
  EXPECT_EQ(c.dates_of_birth[0].from.ToString(), "1990-02");
}

TEST(MappedTableTest, DateOrders) {
  auto dob = [](const std::string& value, const std::string& order) -> std::string {
    Result<ParsedList> r = Csv("id,name,dob\n1,Ali Hassan," + value + "\n",
                               R"({"list_id": "x", "id": "id", "name": "name", "dob": "dob",
                                   "date_order": ")" +
                                   order + "\"}");
    if (!r.ok()) return "error";
    return r->entities[0].dates_of_birth[0].ToString();
  };
  EXPECT_EQ(dob("02/04/1980", "dmy"), "1980-04-02");
  EXPECT_EQ(dob("2.4.1980", "dmy"), "1980-04-02");
  EXPECT_EQ(dob("02041980", "dmy"), "1980-04-02");
  EXPECT_EQ(dob("04/1980", "dmy"), "1980-04");
  EXPECT_EQ(dob("00/04/1980", "dmy"), "1980-04");
  EXPECT_EQ(dob("04/02/1980", "mdy"), "1980-04-02");
  EXPECT_EQ(dob("1980-04-02", "dmy"), "1980-04-02");  // year first is ISO whatever the order
  EXPECT_EQ(dob("1980/04/02", "ymd"), "1980-04-02");
  EXPECT_EQ(dob("02 Apr 1980", "ymd"), "1980-04-02");
  EXPECT_EQ(dob("1968-1971", "dmy"), "1968..1971");
  EXPECT_EQ(dob("02/04/1980", "ymd"), "error");  // day or month first? say date_order
  EXPECT_EQ(dob("02/04/80", "dmy"), "error");    // which century?
  EXPECT_EQ(dob("31/02/1970", "dmy"), "error");
  EXPECT_EQ(dob("04/00/1980", "mdy"), "1980-04");
  EXPECT_EQ(dob("1971-1968", "dmy"), "error");
}

TEST(MappedTableTest, KindDefaultsAndValueMaps) {
  const std::string mapping = R"({"list_id": "x", "id": "id", "name": "name",
      "kind": {"column": "t", "values": {"P": "person", "O": "organization"},
               "default": "organization"}})";
  Result<ParsedList> r =
      Csv("id,name,t\n1,Ali Hassan,p\n2,Noor Trading,\n3,Dawn Star,vessel\n", mapping);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities[0].kind, model::EntityKind::kPerson);  // values match without case
  EXPECT_EQ(r->entities[1].kind, model::EntityKind::kOrganization);
  EXPECT_EQ(r->entities[2].kind, model::EntityKind::kVessel);  // a kind by its own name
  // A tab-separated file with its delimiter named.
  r = Csv("id\tname\n1\tAli, Hassan\n",
          R"({"list_id": "x", "delimiter": "tab", "id": "id", "name": "name"})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entities[0].names[0].full, "Ali, Hassan");
  EXPECT_EQ(r->entities[0].kind, model::EntityKind::kPerson);  // no kind column: a person
}

TEST(MappedTableTest, MappingMistakesNameTheKey) {
  const std::string csv = "id,name\n1,Ali\n";
  std::string e = CsvError(csv, R"({"list_id": "x", "id": "id", "nom": "name"})");
  EXPECT_NE(e.find("m.json: unknown key \"nom\""), std::string::npos) << e;
  e = CsvError(csv, R"({"list_id": "x", "id": "id", "name": "name",
                        "aliases": {"colum": "a"}})");
  EXPECT_NE(e.find("unknown key \"colum\" in \"aliases\""), std::string::npos) << e;
  e = CsvError(csv, R"({"list_id": "x", "id": "id", "name": "name",
                        "documents": [{"number": "n", "issuer": "c"}]})");
  EXPECT_NE(e.find("unknown key \"issuer\" in \"documents[0]\""), std::string::npos) << e;
  e = CsvError(csv, R"({"id": "id", "name": "name"})");
  EXPECT_NE(e.find("\"list_id\" is required"), std::string::npos) << e;
  e = CsvError(csv, R"({"list_id": "x", "name": "name"})");
  EXPECT_NE(e.find("\"id\""), std::string::npos) << e;
  e = CsvError(csv, R"({"list_id": "x", "id": "id"})");
  EXPECT_NE(e.find("\"name\" (or \"name_parts\") is required"), std::string::npos) << e;
  e = CsvError(csv, R"({"list_id": "x", "id": "id", "name": "name",
                        "kind": {"column": "k", "values": {"I": "human"}}})");
  EXPECT_NE(e.find("\"human\" is not person"), std::string::npos) << e;
  e = CsvError(csv, R"({"list_id": "x", "id": "id", "name": "name", "encoding": "windows-1256"})");
  EXPECT_NE(e.find("\"encoding\" \"windows-1256\""), std::string::npos) << e;
  e = CsvError(csv, R"({"list_id": "x", "id": "id", "name": "name", "date_order": "dym"})");
  EXPECT_NE(e.find("\"date_order\""), std::string::npos) << e;
  e = CsvError(csv, "{\"list_id\": ");
  EXPECT_NE(e.find("m.json: not valid JSON"), std::string::npos) << e;
  // Keys starting with '_' are notes to readers.
  EXPECT_EQ(CsvError(csv, R"({"_comment": "x", "list_id": "x", "id": "id", "name": "name"})"),
            "(parsed)");
}

TEST(MappedTableTest, DataErrorsNameFileLineAndField) {
  std::string e = CsvError("id,name,dob\n1,Ali Hassan,02/04/1980\n2,Omar Ali,31/02/1970\n", kSmall);
  EXPECT_NE(e.find("x.csv, line 3, field dob (column \"dob\"): invalid date \"31/02/1970\""),
            std::string::npos)
      << e;
  e = CsvError("id,fullname,dob\n1,Ali,\n", kSmall);
  EXPECT_NE(e.find("x.csv, line 1: column \"name\" (field name) is not in the header"),
            std::string::npos)
      << e;
  e = CsvError("id,name,dob\n1,Ali,\n,Omar,\n", kSmall);
  EXPECT_NE(e.find("x.csv, line 3, field id (column \"id\"): the id is empty"), std::string::npos)
      << e;
  e = CsvError("id,name,dob\n1,,01/01/1970\n", kSmall);
  EXPECT_NE(e.find("x.csv, line 2, field name (columns name): the name is empty"),
            std::string::npos)
      << e;
  e = CsvError("id,name,dob\n1,Ali\n", kSmall);
  EXPECT_NE(e.find("x.csv, line 2: 2 fields, the header has 3"), std::string::npos) << e;
  e = CsvError("id,name\n1,Ali \xFF\n", R"({"list_id": "x", "id": "id", "name": "name"})");
  EXPECT_NE(e.find("x.csv"), std::string::npos) << e;
  EXPECT_NE(e.find("line 2"), std::string::npos) << e;
  e = CsvError("id,name,k\n1,Ali,I\n1,Ali Hasan,E\n",
               R"({"list_id": "x", "id": "id", "name": "name",
                   "kind": {"column": "k", "values": {"I": "person", "E": "organization"}}})");
  EXPECT_NE(e.find("x.csv, line 3, field kind (column \"k\"): id 1 is person on line 2 but "
                   "organization here"),
            std::string::npos)
      << e;
  e = CsvError("id,name,k\n1,Ali,X\n",
               R"({"list_id": "x", "id": "id", "name": "name", "kind": "k"})");
  EXPECT_NE(e.find("x.csv, line 2, field kind (column \"k\"): unknown kind \"X\""),
            std::string::npos)
      << e;
  e = CsvError("id,name,g\n1,Ali,unknown\n",
               R"({"list_id": "x", "id": "id", "name": "name", "gender": "g"})");
  EXPECT_NE(e.find("field gender (column \"g\")"), std::string::npos) << e;
  e = CsvError("id,name,listed\n1,Ali,1970-1971\n",
               R"({"list_id": "x", "id": "id", "name": "name", "listed_on": "listed"})");
  EXPECT_NE(e.find("line 2, field listed_on (column \"listed\")"), std::string::npos) << e;
  e = CsvError("id,name,id\n1,Ali,2\n", R"({"list_id": "x", "id": "id", "name": "name"})");
  EXPECT_NE(e.find("column \"id\" (field id) appears 2 times"), std::string::npos) << e;
}

TEST(MappedTableTest, JsonLinesErrorsNameFileLineAndField) {
  auto error = [](const std::string& jsonl) {
    Result<ParsedList> r = ParseMappedTable(jsonl, "x.jsonl", kSmall, "m.json", true);
    return r.ok() ? std::string("(parsed)") : r.status().message();
  };
  std::string e = error("{\"id\": 1, \"name\": \"Ali\"}\n{bad\n");
  EXPECT_NE(e.find("x.jsonl, line 2: invalid JSON"), std::string::npos) << e;
  e = error("{\"id\": 1, \"name\": \"Ali\", \"dob\": \"1970-13-01\"}\n");
  EXPECT_NE(e.find("x.jsonl, line 1, field dob (column \"dob\"): invalid date"), std::string::npos)
      << e;
  e = error("\n{\"id\": 1, \"name\": {\"first\": \"Ali\"}}\n");
  EXPECT_NE(e.find("x.jsonl, line 2, field name (key \"name\")"), std::string::npos) << e;
  e = error("{\"id\": null, \"name\": \"Ali\"}\n");
  EXPECT_NE(e.find("x.jsonl, line 1, field id"), std::string::npos) << e;
  e = error("[1]\n");
  EXPECT_NE(e.find("x.jsonl, line 1: expected a JSON object"), std::string::npos) << e;
  // A record with nothing in it is no row; keys the mapping does not name are ignored.
  EXPECT_EQ(error("{}\n{\"id\": 1, \"name\": \"Ali\", \"extra\": {\"a\": 1}}\n"), "(parsed)");
}

TEST(MappedTableTest, NeverCrashesOnMangledInput) {
  const std::string csv = "id,name,dob\n1,\"Ali \"\"Abu\"\" Hassan\",02/04/1980\n2,Omar,1980\n";
  for (size_t cut = 0; cut <= csv.size(); ++cut) {
    Result<ParsedList> r = Csv(csv.substr(0, cut), kSmall);
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find("x.csv"), std::string::npos);
    }
  }
  const std::string mapping = kSmall;
  for (size_t cut = 0; cut <= mapping.size(); ++cut) {
    Result<ParsedList> r = Csv(csv, mapping.substr(0, cut));
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find("m.json"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace hudud::lists
