// Pins ParseFtmJson (lists/ftm_json.cc) on a fixture written from the
// FollowTheMoney schema (tests/data/lists/README.md): persons named in
// Arabic, Persian, Russian and Tajik Cyrillic, a company given as two
// fragments, a vessel replaced by a MOD line, a deleted person, a
// non-target relative; Sanction, Passport, Identification and Address
// helpers folded in; and malformed lines reported with file and line.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "lists/list_file.h"

namespace hudud::lists {
namespace {

const char kSample[] = HUDUD_TESTDATA_DIR "/lists/ftm-sample.jsonl";

std::map<std::string, model::Entity> ById(const ParsedList& l) {
  std::map<std::string, model::Entity> out;
  for (const model::Entity& e : l.entities) out[e.id] = e;
  return out;
}

std::string Error(const std::string& text) {
  Result<ParsedList> r = ParseFtmJson(text, "x.jsonl");
  return r.ok() ? "(parsed)" : r.status().message();
}

class FtmSampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<ParsedList> l = ReadListFile(kSample, "auto");
    ASSERT_TRUE(l.ok()) << l.status().message();
    list_ = *l;
    byid_ = ById(list_);
  }
  ParsedList list_;
  std::map<std::string, model::Entity> byid_;
};

TEST_F(FtmSampleTest, KeepsTargetsInFileOrder) {
  EXPECT_EQ(list_.format, "ftm-json");
  EXPECT_EQ(list_.list_id, "opensanctions");
  std::vector<std::string> ids;
  for (const model::Entity& e : list_.entities) ids.push_back(e.id);
  // The deleted person and the relative that is not a target are gone.
  EXPECT_EQ(ids, (std::vector<std::string>{"opensanctions:NK-abu-1", "opensanctions:NK-rahimov",
                                           "opensanctions:NK-hosseini", "opensanctions:NK-volkov",
                                           "opensanctions:NK-bank", "opensanctions:NK-ship"}));
  EXPECT_EQ(byid_["opensanctions:NK-abu-1"].source_id, "NK-abu-1");
  EXPECT_EQ(byid_["opensanctions:NK-abu-1"].list_id, "opensanctions");
}

TEST_F(FtmSampleTest, ArabicNamedPersonWithHelpersFolded) {
  const model::Entity& abu = byid_["opensanctions:NK-abu-1"];
  EXPECT_EQ(abu.kind, model::EntityKind::kPerson);
  ASSERT_EQ(abu.names.size(), 4u);
  EXPECT_EQ(abu.names[0].full, "Abu Bakr al-Baghdadi");
  EXPECT_EQ(abu.names[0].kind, model::NameKind::kPrimary);
  EXPECT_EQ(abu.names[1].full, "أبو بكر البغدادي");
  EXPECT_EQ(abu.names[1].kind, model::NameKind::kGoodAlias);
  EXPECT_EQ(abu.names[3].full, "Abu Du'a");
  EXPECT_EQ(abu.names[3].kind, model::NameKind::kLowAlias);
  // firstName/fatherName/lastName spell the real name, an alias, not the
  // nom de guerre: they belong to it.
  EXPECT_TRUE(abu.names[0].parts.empty());
  ASSERT_EQ(abu.names[2].parts.size(), 3u);
  EXPECT_EQ(abu.names[2].parts[0].role, model::NamePartRole::kGiven);
  EXPECT_EQ(abu.names[2].parts[1].role, model::NamePartRole::kPatronymic);
  EXPECT_EQ(abu.names[2].parts[2].text, "al-Badri");

  ASSERT_EQ(abu.dates_of_birth.size(), 1u);
  EXPECT_EQ(abu.dates_of_birth[0].from.ToString(), "1971");
  ASSERT_EQ(abu.places_of_birth.size(), 1u);  // birthPlace and birthCountry, one place
  EXPECT_EQ(abu.places_of_birth[0].city, "Samarra");
  EXPECT_EQ(abu.places_of_birth[0].country_code, "IQ");
  ASSERT_EQ(abu.nationalities.size(), 1u);
  EXPECT_EQ(abu.nationalities[0].country_code, "IQ");
  EXPECT_EQ(abu.nationalities[0].text, "Iraq");
  EXPECT_EQ(abu.gender, model::Gender::kMale);
  // The Sanction names the person by a referent id.
  EXPECT_EQ(abu.program, "Al-Qaida");
  EXPECT_EQ(abu.reference, "QDi.299");
  EXPECT_EQ(abu.listed_on, "2011-10-05");
  EXPECT_NE(abu.comments.find("Leader of Al-Qaida in Iraq."), std::string::npos);
  EXPECT_EQ(abu.list_types, (std::vector<std::string>{"Al-Qaida", "sanction", "crime.terror"}));
  EXPECT_EQ(abu.last_updated, std::vector<std::string>{"2024-03-01"});
  ASSERT_EQ(abu.documents.size(), 1u);
  EXPECT_EQ(abu.documents[0].type, "Passport");
  EXPECT_EQ(abu.documents[0].number, "A1234567");
  EXPECT_EQ(abu.documents[0].country_code, "IQ");
  // The Address entity; the "address" text repeating it is not a second one.
  ASSERT_EQ(abu.addresses.size(), 1u);
  EXPECT_EQ(abu.addresses[0].city, "Mosul");
  EXPECT_EQ(abu.addresses[0].country_code, "IQ");
}

TEST_F(FtmSampleTest, TajikCyrillicPersonAndIdentificationReplacesBareNumber) {
  const model::Entity& r = byid_["opensanctions:NK-rahimov"];
  EXPECT_EQ(r.names[0].full, "Абдулло Раҳимов");
  EXPECT_EQ(r.names[1].full, "Abdullo Rakhimov");
  EXPECT_EQ(r.names.back().full, "Абдулло Рахимов");
  EXPECT_EQ(r.names.back().kind, model::NameKind::kFormerName);
  EXPECT_EQ(r.dates_of_birth[0].from.ToString(), "1979-06");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].number, "400123456");
  EXPECT_EQ(r.documents[0].type, "Passport");
  EXPECT_EQ(r.documents[0].country_code, "TJ");
  ASSERT_EQ(r.nationalities.size(), 1u);
  EXPECT_EQ(r.nationalities[0].country_code, "TJ");
  // "country" is not a nationality: a country-only address.
  ASSERT_EQ(r.addresses.size(), 1u);
  EXPECT_EQ(r.addresses[0].country_code, "RU");
  EXPECT_TRUE(r.addresses[0].city.empty());
}

TEST_F(FtmSampleTest, PersianPersonNamedOnlyByParts) {
  const model::Entity& h = byid_["opensanctions:NK-hosseini"];
  ASSERT_EQ(h.names.size(), 2u);
  EXPECT_EQ(h.names[0].full, "محمد حسینی");
  EXPECT_EQ(h.names[0].kind, model::NameKind::kPrimary);
  ASSERT_EQ(h.names[0].parts.size(), 2u);
  EXPECT_EQ(h.names[0].parts[1].role, model::NamePartRole::kFamily);
  EXPECT_EQ(h.nationalities[0].country_code, "IR");  // citizenship
  EXPECT_EQ(h.designations, std::vector<std::string>{"Commander, IRGC Aerospace Force"});
  EXPECT_EQ(h.dates_of_birth[0].from.ToString(), "1965-03-21");
}

TEST_F(FtmSampleTest, RussianPersonWithTwoSanctionsAndOpenSanctionsCountryCode) {
  const model::Entity& v = byid_["opensanctions:NK-volkov"];
  EXPECT_EQ(v.names[0].full, "Игорь Сергеевич Волков");
  ASSERT_EQ(v.names[0].parts.size(), 3u);
  EXPECT_EQ(v.names[0].parts[1].role, model::NamePartRole::kPatronymic);
  EXPECT_EQ(v.names[0].parts[1].text, "Сергеевич");
  EXPECT_EQ(v.dates_of_birth[0].from.ToString(), "1968-11-02");  // time cut off
  ASSERT_EQ(v.nationalities.size(), 2u);
  EXPECT_EQ(v.nationalities[0].country_code, "SUHH");  // Soviet Union: no ISO code
  EXPECT_EQ(v.nationalities[1].country_code, "RU");
  EXPECT_EQ(v.program, "RUSSIA-EO14024; EU Russia");
  EXPECT_EQ(v.list_types, (std::vector<std::string>{"RUSSIA-EO14024", "EU Russia"}));
  EXPECT_EQ(v.reference, "OFAC-41234; EU.7412.33");
  EXPECT_EQ(v.listed_on, "2022-02-28");  // the earlier listing
  ASSERT_EQ(v.documents.size(), 2u);
  EXPECT_EQ(v.documents[0].type, "Passport");  // from the Passport entity, no "type"
  EXPECT_EQ(v.documents[0].number, "75 1234567");
  EXPECT_EQ(v.documents[0].issue_date, "2015-07-01");
  EXPECT_EQ(v.documents[1].type, "innCode");
  EXPECT_EQ(v.documents[1].number, "770123456789");
  EXPECT_EQ(v.comments, "Director of a defence procurement company.");
}

TEST_F(FtmSampleTest, FragmentsAndDeltas) {
  const model::Entity& bank = byid_["opensanctions:NK-bank"];
  EXPECT_EQ(bank.kind, model::EntityKind::kOrganization);
  ASSERT_EQ(bank.names.size(), 3u);  // both fragments' names
  EXPECT_EQ(bank.names[1].full, "شركة البشائر للتجارة");
  EXPECT_EQ(bank.names[2].full, "Al-Bashaer Trading");
  ASSERT_EQ(bank.nationalities.size(), 1u);  // jurisdiction
  EXPECT_EQ(bank.nationalities[0].country_code, "SD");
  ASSERT_EQ(bank.addresses.size(), 1u);
  EXPECT_EQ(bank.addresses[0].street, "Khartoum");
  EXPECT_EQ(bank.addresses[0].country_code, "SD");
  EXPECT_EQ(bank.program, "SDGT");
  ASSERT_EQ(bank.documents.size(), 1u);
  EXPECT_EQ(bank.documents[0].type, "registrationNumber");

  const model::Entity& ship = byid_["opensanctions:NK-ship"];
  EXPECT_EQ(ship.kind, model::EntityKind::kVessel);
  ASSERT_EQ(ship.names.size(), 2u);  // the MOD line's version
  EXPECT_EQ(ship.names[1].full, "Rassvet");
  EXPECT_EQ(ship.nationalities[0].country_code, "KP");  // flag
  EXPECT_EQ(ship.documents[0].type, "imoNumber");
}

TEST(FtmJsonTest, DeltaOperations) {
  const std::string add = R"({"op": "ADD", "entity": {"id": "a", "schema": "Person", )"
                          R"("properties": {"name": ["Ali Hassan"]}}})";
  const std::string mod = R"({"op": "MOD", "entity": {"id": "a", "schema": "Person", )"
                          R"("properties": {"name": ["Ali Hasan"]}}})";
  const std::string del = R"({"op": "DEL", "entity": {"id": "a"}})";
  Result<ParsedList> r = ParseFtmJson(add + "\n" + mod + "\n", "d.jsonl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entities.size(), 1u);
  ASSERT_EQ(r->entities[0].names.size(), 1u);  // MOD replaces, it does not merge
  EXPECT_EQ(r->entities[0].names[0].full, "Ali Hasan");
  r = ParseFtmJson(add + "\n" + del + "\n", "d.jsonl");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->entities.empty());
  // A DEL of an entity of an earlier version is no error.
  r = ParseFtmJson(del + "\r\n\r\n", "d.jsonl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->entities.empty());
}

TEST(FtmJsonTest, KnownNonTargetSchemataAreSkippedUnknownOnesAreErrors) {
  Result<ParsedList> r = ParseFtmJson(
      R"({"id": "x", "schema": "Family", "properties": {"person": ["a"], "relative": ["b"]}})"
      "\n"
      R"({"id": "y", "schema": "Article", "properties": {"title": ["News"]}})"
      "\n",
      "x.jsonl");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->entities.empty());
  const std::string e = Error(
      "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n"
      "{\"id\": \"b\", \"schema\": \"Spaceship\", \"properties\": {}}\n");
  EXPECT_NE(e.find("x.jsonl, line 2"), std::string::npos) << e;
  EXPECT_NE(e.find("\"Spaceship\""), std::string::npos) << e;
}

TEST(FtmJsonTest, MalformedLinesNameFileLineAndProperty) {
  std::string e = Error(
      "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n"
      "{oops\n");
  EXPECT_NE(e.find("x.jsonl, line 2: invalid JSON, column 2"), std::string::npos) << e;

  e = Error(
      "\n\n{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"],"
      "\"birthDate\":[\"22/01/1971\"]}}\n");
  EXPECT_NE(e.find("x.jsonl, line 3"), std::string::npos) << e;
  EXPECT_NE(e.find("\"birthDate\""), std::string::npos) << e;
  EXPECT_NE(e.find("22/01/1971"), std::string::npos) << e;

  e = Error("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":\"A\"}}\n");
  EXPECT_NE(e.find("line 1: property \"name\" of a is not a list of strings"), std::string::npos)
      << e;
  e = Error("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\", 7]}}\n");
  EXPECT_NE(e.find("property \"name\""), std::string::npos) << e;
  e = Error("{\"schema\":\"Person\"}\n");
  EXPECT_NE(e.find("line 1: entity without an \"id\""), std::string::npos) << e;
  e = Error("{\"id\":\"a\",\"properties\":{}}\n");
  EXPECT_NE(e.find("without a \"schema\""), std::string::npos) << e;
  e = Error("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{}}\n");
  EXPECT_NE(e.find("line 1: Person a has no name"), std::string::npos) << e;
  e = Error("{\"op\":\"UPSERT\",\"entity\":{\"id\":\"a\"}}\n");
  EXPECT_NE(e.find("line 1: \"op\" must be"), std::string::npos) << e;
  e = Error("[1, 2]\n");
  EXPECT_NE(e.find("line 1: expected a JSON object, found array"), std::string::npos) << e;
  e = Error("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"\xC3\x28\"]}}\n");
  EXPECT_NE(e.find("line 1: not UTF-8"), std::string::npos) << e;
  // Fragments of one id cannot be two unrelated things.
  e = Error(
      "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n"
      "{\"id\":\"a\",\"schema\":\"Vessel\",\"properties\":{\"name\":[\"A\"]}}\n");
  EXPECT_NE(e.find("line 2: entity a is a Vessel here but a Person on line 1"), std::string::npos)
      << e;
}

TEST(FtmJsonTest, NeverCrashesOnMangledInput) {
  std::ifstream in(kSample, std::ios::binary);
  ASSERT_TRUE(in);
  const std::string sample((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_TRUE(ParseFtmJson(sample, "whole.jsonl").ok());
  // Every prefix, and every line with one byte changed, parses or fails
  // with a message; nothing throws or crashes.
  for (size_t cut = 0; cut < sample.size(); cut += 7) {
    Result<ParsedList> r = ParseFtmJson(std::string_view(sample).substr(0, cut), "cut.jsonl");
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find("cut.jsonl"), std::string::npos);
    }
  }
  for (size_t i = 0; i < sample.size(); i += 13) {
    std::string mangled = sample;
    mangled[i] = static_cast<char>(mangled[i] ^ 0x5B);
    Result<ParsedList> r = ParseFtmJson(mangled, "m.jsonl");
    if (!r.ok()) {
      EXPECT_FALSE(r.status().message().empty());
    }
  }
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_NE(Error(deep).find("nested deeper"), std::string::npos);
}

}  // namespace
}  // namespace hudud::lists
