// Validation of queries from flags and from JSON batch lines, tested in
// process (the other tests here drive the binary).
#include "cli/query_input.h"

#include <gtest/gtest.h>

namespace hudud::cli {
namespace {

TEST(QueryInputTest, BuildsQueryFromFlags) {
  QueryFields f;
  f.names = {"  Ayman al-Zawahiri ", "أيمن الظواهري"};
  f.dob = "1951-06-19";
  f.nationality = "EG";
  f.gender = "male";
  f.type = "person";
  Result<match::Query> q = BuildQuery(f, FieldNaming::kFlags, 0.8, 10);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->names[0], "Ayman al-Zawahiri");
  ASSERT_TRUE(q->dob.has_value());
  EXPECT_EQ(q->dob->year, 1951);
  EXPECT_EQ(q->gender, model::Gender::kMale);
  EXPECT_EQ(q->kind, model::EntityKind::kPerson);
  EXPECT_DOUBLE_EQ(q->threshold, 0.8);
  EXPECT_EQ(q->limit, 10);
}

TEST(QueryInputTest, NamesTheBadFlag) {
  QueryFields f;
  EXPECT_EQ(BuildQuery(f, FieldNaming::kFlags, 0.8, 10).status().message(), "missing --name");
  f.names = {" "};
  EXPECT_EQ(BuildQuery(f, FieldNaming::kFlags, 0.8, 10).status().message(), "empty --name");
  f.names = {"Ali"};
  f.dob = "1975-02-30";
  Result<match::Query> q = BuildQuery(f, FieldNaming::kFlags, 0.8, 10);
  EXPECT_EQ(q.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(q.status().message().find("--dob '1975-02-30'"), std::string::npos);
  f.dob.clear();
  f.doc_country = "IQ";
  f.threshold = 2.0;
  EXPECT_NE(BuildQuery(f, FieldNaming::kFlags, 0.8, 10).status().message().find("--threshold"),
            std::string::npos);
}

TEST(QueryInputTest, ParsesBatchLine) {
  Json id;
  Result<QueryLine> line = ParseQueryLine(
      R"({"id":"x1","names":["A B","C"],"name":"D","dob":"1970","nationality":"IQ",)"
      R"("doc":"123","doc_country":"IQ","gender":"f","type":"organization","threshold":0.5,)"
      R"("limit":3,"note":"n","expect":"un:1","extra":true})",
      0.8, 10, &id);
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  EXPECT_EQ(id, "x1");
  EXPECT_EQ(line->id, "x1");
  EXPECT_EQ(line->query.names.size(), 3u);
  EXPECT_EQ(line->query.document, "123");
  EXPECT_EQ(line->query.document_country, "IQ");
  EXPECT_EQ(line->query.gender, model::Gender::kFemale);
  EXPECT_EQ(line->query.kind, model::EntityKind::kOrganization);
  EXPECT_DOUBLE_EQ(line->query.threshold, 0.5);
  EXPECT_EQ(line->query.limit, 3);
  EXPECT_EQ(line->note, "n");
  EXPECT_EQ(line->expect, "un:1");
}

TEST(QueryInputTest, BatchLineErrorsKeepTheId) {
  Json id;
  Result<QueryLine> line = ParseQueryLine(R"({"id":42,"name":"Ali","dob":"soon"})", 0.8, 10, &id);
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(id, 42);
  EXPECT_NE(line.status().message().find("dob"), std::string::npos);

  EXPECT_FALSE(ParseQueryLine(R"({"id":1,"name":7})", 0.8, 10, &id).ok());
  EXPECT_FALSE(ParseQueryLine(R"({"id":1,"names":"Ali"})", 0.8, 10, &id).ok());
  EXPECT_FALSE(ParseQueryLine(R"({"id":1,"name":"Ali","limit":1.5})", 0.8, 10, &id).ok());
  EXPECT_FALSE(ParseQueryLine(R"({"id":1,"name":"Ali","limit":99999999999})", 0.8, 10, &id).ok());
  EXPECT_FALSE(ParseQueryLine(R"(["Ali"])", 0.8, 10, &id).ok());
  Result<QueryLine> broken = ParseQueryLine("{\"id\":", 0.8, 10, &id);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().message().rfind("invalid JSON: ", 0), 0u) << broken.status().message();
}

}  // namespace
}  // namespace hudud::cli
