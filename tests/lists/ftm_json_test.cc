// Pins ParseFtmJson (lists/ftm_json.cc) on a fixture written from the
// FollowTheMoney schema (tests/data/lists/README.md): targets in Arabic,
// Persian, Tajik Cyrillic and Latin; helper entities folded in; delta lines
// applied; errors naming the line. And the FtM writer (lists/export.cc)
// read back by the parser.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "lists/csv.h"
#include "lists/export.h"
#include "lists/list_file.h"

namespace hudud::lists {
namespace {

const char kSample[] = HUDUD_TESTDATA_DIR "/lists/ftm-sample.jsonl";

std::map<std::string, model::Entity> ById(const ParsedList& l) {
  std::map<std::string, model::Entity> out;
  for (const model::Entity& e : l.entities) out[e.id] = e;
  return out;
}

TEST(FtmJsonTest, ReadsTargetsAndFoldsHelpers) {
  Result<ParsedList> l = ReadListFile(kSample, "auto");
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l->format, "ftm-json");
  EXPECT_EQ(l->list_id, "opensanctions");
  auto e = ById(*l);
  ASSERT_EQ(e.size(), 5u);  // 5 targets; the deleted one is gone
  EXPECT_FALSE(e.count("opensanctions:NK-gone"));

  const model::Entity& abu = e["opensanctions:NK-abu-1"];
  EXPECT_EQ(abu.kind, model::EntityKind::kPerson);
  EXPECT_EQ(abu.names[0].full, "Abu Bakr al-Baghdadi");
  EXPECT_EQ(abu.names[0].parts.size(), 3u);
  ASSERT_EQ(abu.names.size(), 4u);
  EXPECT_EQ(abu.names[1].full, "أبو بكر البغدادي");
  EXPECT_EQ(abu.names[3].kind, model::NameKind::kLowAlias);
  ASSERT_EQ(abu.dates_of_birth.size(), 1u);
  EXPECT_EQ(abu.dates_of_birth[0].from.year, 1971);
  EXPECT_EQ(abu.nationalities[0].country_code, "IQ");
  EXPECT_EQ(abu.gender, model::Gender::kMale);
  EXPECT_EQ(abu.program, "Al-Qaida");  // from the Sanction entity
  EXPECT_EQ(abu.reference, "QDi.299");
  EXPECT_EQ(abu.listed_on, "2011-10-05");
  ASSERT_EQ(abu.documents.size(), 1u);  // from the Passport entity
  EXPECT_EQ(abu.documents[0].number, "A1234567");
  EXPECT_EQ(abu.documents[0].country_code, "IQ");
  ASSERT_EQ(abu.addresses.size(), 1u);  // from the Address entity
  EXPECT_EQ(abu.addresses[0].city, "Mosul");

  const model::Entity& rahimov = e["opensanctions:NK-rahimov"];
  EXPECT_EQ(rahimov.names[0].full, "Абдулло Раҳимов");
  EXPECT_EQ(rahimov.names.back().kind, model::NameKind::kFormerName);
  EXPECT_EQ(rahimov.dates_of_birth[0].from.ToString(), "1979-06");
  EXPECT_EQ(rahimov.documents[0].number, "400123456");

  // Named only by its parts, in Persian.
  EXPECT_EQ(e["opensanctions:NK-hosseini"].names[0].full, "محمد حسینی");
  EXPECT_EQ(e["opensanctions:NK-bank"].kind, model::EntityKind::kOrganization);
  EXPECT_EQ(e["opensanctions:NK-bank"].nationalities[0].country_code, "SD");
  // The MOD line replaced the vessel.
  const model::Entity& ship = e["opensanctions:NK-ship"];
  EXPECT_EQ(ship.kind, model::EntityKind::kVessel);
  EXPECT_EQ(ship.names.size(), 2u);
}

TEST(FtmJsonTest, ErrorsNameTheLine) {
  auto parse = [](const std::string& text) { return ParseFtmJson(text, "x.jsonl"); };
  Result<ParsedList> r =
      parse("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n{oops\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x.jsonl, line 2"), std::string::npos);
  r = parse("{\"id\":\"a\",\"schema\":\"Spaceship\",\"properties\":{}}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("Spaceship"), std::string::npos);
  r = parse(
      "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"birthDate\":[\"yesterday\"],\"name\":["
      "\"A\"]}}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("birthDate"), std::string::npos);
  r = parse("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":\"A\"}}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("list of values"), std::string::npos);
  r = parse("{\"schema\":\"Person\"}\n");
  ASSERT_FALSE(r.ok());
}

TEST(FtmJsonTest, WriterRoundTripsThroughTheParser) {
  Result<ParsedList> un =
      ReadListFile(HUDUD_DATA_DIR "/lists/un-consolidated-2026-02-27.xml", "auto");
  ASSERT_TRUE(un.ok());
  Result<ParsedList> back = ParseFtmJson(WriteFtmJson(un->entities), "export");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->entities.size(), un->entities.size());
  for (size_t i = 0; i < un->entities.size(); ++i) {
    const model::Entity& a = un->entities[i];
    const model::Entity& b = back->entities[i];
    EXPECT_EQ(a.kind, b.kind) << a.id;
    EXPECT_EQ(a.names[0].full, b.names[0].full) << a.id;
    std::set<std::string> na, nb;
    for (const auto& n : a.names) na.insert(n.full);
    for (const auto& n : b.names) nb.insert(n.full);
    EXPECT_EQ(na, nb) << a.id;
    std::set<std::string> da, db;
    for (const auto& d : a.dates_of_birth) {
      if (!d.from.empty()) da.insert(d.from.ToString());
      if (d.kind == model::DateOfBirth::Kind::kBetween) da.insert(d.to.ToString());
    }
    for (const auto& d : b.dates_of_birth) db.insert(d.from.ToString());
    EXPECT_EQ(da, db) << a.id;
    std::set<std::string> ca, cb;
    for (const auto& n : a.nationalities) {
      if (!n.country_code.empty()) ca.insert(n.country_code);  // FtM carries codes only
    }
    for (const auto& n : b.nationalities) cb.insert(n.country_code);
    if (a.kind == model::EntityKind::kPerson) {
      EXPECT_EQ(ca, cb) << a.id;
    }
    std::set<std::string> pa, pb;
    for (const auto& d : a.documents) {
      if (!d.number.empty()) pa.insert(d.number);
    }
    for (const auto& d : b.documents) pb.insert(d.number);
    EXPECT_EQ(pa, pb) << a.id;
    EXPECT_EQ(a.reference, b.reference);
    EXPECT_EQ(a.listed_on, b.listed_on);
    EXPECT_EQ(a.program, b.program);
  }
}

TEST(ExportTest, UnStyleXmlAndCsvReadBack) {
  Result<ParsedList> un =
      ReadListFile(HUDUD_DATA_DIR "/lists/un-consolidated-2026-02-27.xml", "auto");
  ASSERT_TRUE(un.ok());
  Result<ParsedList> back = ParseUnXml(WriteListXml(*un), "export.xml");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->entities.size(), un->entities.size());
  for (size_t i = 0; i < un->entities.size(); ++i) {
    const model::Entity& a = un->entities[i];
    const model::Entity& b = back->entities[i];
    ASSERT_EQ(a.id, b.id);
    ASSERT_EQ(a.names.size(), b.names.size()) << a.id;
    for (size_t k = 0; k < a.names.size(); ++k) {
      EXPECT_EQ(a.names[k].full, b.names[k].full) << a.id;
    }
    EXPECT_EQ(a.documents.size(), b.documents.size()) << a.id;
    EXPECT_EQ(a.nationalities.size(), b.nationalities.size()) << a.id;
    EXPECT_EQ(a.reference, b.reference);
    EXPECT_EQ(a.listed_on, b.listed_on);
    EXPECT_EQ(a.comments, b.comments);
  }
  const std::string csv = WriteListCsv(un->entities);
  CsvReader reader(csv, "export.csv");
  std::vector<std::string> row;
  size_t rows = 0;
  while (reader.Next(&row)) {
    EXPECT_EQ(row.size(), 10u);
    ++rows;
  }
  EXPECT_TRUE(reader.status().ok());
  EXPECT_EQ(rows, un->entities.size() + 1);
}

}  // namespace
}  // namespace hudud::lists
