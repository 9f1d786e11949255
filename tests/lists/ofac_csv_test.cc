// Pins ParseOfacCsv (lists/ofac_csv.cc, ofac_remarks.cc) on the vendored
// OFAC SDN CSV set: every row of every file is read (counted independently
// of the parser), real records come out with the facts their remarks state,
// and malformed input is an error naming the file and the line.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "lists/csv.h"
#include "lists/list_file.h"
#include "lists/ofac_remarks.h"

namespace hudud::lists {
namespace {

const std::string kDir = HUDUD_DATA_DIR "/lists/ofac-2025/";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Lines that start a record: a digit at the start of a line (ent_num).
size_t CountRecords(const std::string& content) {
  size_t n = 0;
  bool line_start = true;
  bool in_quote = false;
  for (char c : content) {
    if (line_start && !in_quote && std::isdigit(static_cast<unsigned char>(c))) ++n;
    if (c == '"') in_quote = !in_quote;
    line_start = c == '\n';
  }
  return n;
}

const ParsedList& Ofac() {
  static const ParsedList list = [] {
    Result<ParsedList> r = ReadListFile(kDir + "sdn.csv", "auto");
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? std::move(*r) : ParsedList{};
  }();
  return list;
}

const model::Entity* Find(const std::string& id) {
  for (const model::Entity& e : Ofac().entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

TEST(OfacCsvTest, DetectsTheSetAndReadsEveryRowOfEveryFile) {
  const ParsedList& l = Ofac();
  EXPECT_EQ(l.format, "ofac-csv");
  EXPECT_EQ(l.list_id, "ofac-sdn");
  EXPECT_EQ(l.files.size(), 4u);
  EXPECT_EQ(l.entities.size(), CountRecords(ReadFile(kDir + "sdn.csv")));
  size_t names = 0, addresses = 0, good_or_former = 0;
  for (const model::Entity& e : l.entities) {
    names += e.names.size();
    addresses += e.addresses.size();
    for (const model::Name& n : e.names) {
      good_or_former +=
          n.kind == model::NameKind::kGoodAlias || n.kind == model::NameKind::kFormerName;
    }
  }
  // alt.csv gives exactly one alias per row; remarks add weak ones on top.
  size_t alt_rows = CountRecords(ReadFile(kDir + "alt.csv"));
  EXPECT_GE(good_or_former, alt_rows);
  EXPECT_GE(names, l.entities.size() + alt_rows);
  // Rows of add.csv with every field null carry no address.
  EXPECT_LE(addresses, CountRecords(ReadFile(kDir + "add.csv")));
  EXPECT_GT(addresses, CountRecords(ReadFile(kDir + "add.csv")) * 8 / 10);
}

TEST(OfacCsvTest, NearlyEveryDateOfBirthInTheRemarksIsRead) {
  size_t stated = 0, read = 0;
  std::vector<std::string> missed;
  for (const model::Entity& e : Ofac().entities) {
    size_t dob_clauses = 0;
    for (size_t p = e.comments.find("DOB "); p != std::string::npos;
         p = e.comments.find("DOB ", p + 1))
      ++dob_clauses;
    stated += dob_clauses;
    read += std::min(dob_clauses, e.dates_of_birth.size());
    if (e.dates_of_birth.size() < dob_clauses && missed.size() < 10) missed.push_back(e.comments);
  }
  EXPECT_GT(stated, 4000u);
  const bool enough = static_cast<double>(read) >= 0.995 * static_cast<double>(stated);
  EXPECT_TRUE(enough) << read << " of " << stated << " DOB clauses read";
  if (!enough) {
    for (const std::string& m : missed) ADD_FAILURE() << "unread DOB in: " << m.substr(0, 300);
  }
}

TEST(OfacCsvTest, AnIndividualWithEverythingInTheRemarks) {
  // ent_num 306 is an organisation; find a real individual with DOB, POB,
  // nationality, gender and a passport by content, then check its parts.
  const model::Entity* found = nullptr;
  for (const model::Entity& e : Ofac().entities) {
    if (e.kind == model::EntityKind::kPerson && !e.dates_of_birth.empty() &&
        !e.places_of_birth.empty() && !e.nationalities.empty() &&
        e.gender != model::Gender::kUnknown && e.comments.find("Passport") != std::string::npos) {
      found = &e;
      break;
    }
  }
  ASSERT_NE(found, nullptr);
  bool passport = false;
  for (const model::Document& d : found->documents) passport |= d.type == "Passport";
  EXPECT_TRUE(passport) << found->comments;
  // "SURNAME, Given": parts family then given.
  ASSERT_EQ(found->names[0].parts.size(), 2u) << found->names[0].full;
  EXPECT_EQ(found->names[0].parts[0].role, model::NamePartRole::kFamily);
}

TEST(OfacCsvTest, RealRecordsComeOutAsWritten) {
  // sdn.csv line 3: BANCO NACIONAL DE CUBA, CUBA program, a.k.a. 'BNC' in
  // remarks; alt.csv: NATIONAL BANK OF CUBA; add.csv: Zurich.
  const model::Entity* bnc = Find("ofac-sdn:306");
  ASSERT_NE(bnc, nullptr);
  EXPECT_EQ(bnc->kind, model::EntityKind::kOrganization);
  EXPECT_EQ(bnc->names[0].full, "BANCO NACIONAL DE CUBA");
  EXPECT_EQ(bnc->program, "CUBA");
  std::map<std::string, model::NameKind> names;
  for (const model::Name& n : bnc->names) names[n.full] = n.kind;
  EXPECT_EQ(names["NATIONAL BANK OF CUBA"], model::NameKind::kGoodAlias);
  ASSERT_TRUE(names.count("BNC"));
  EXPECT_EQ(names["BNC"], model::NameKind::kLowAlias);
  bool zurich = false;
  for (const model::Place& p : bnc->addresses) zurich |= p.country_code == "CH";
  EXPECT_TRUE(zurich);

  // Vessels: the call sign and the IMO number identify them, the flag is
  // their state.
  size_t vessels = 0, identified = 0, flagged = 0;
  for (const model::Entity& e : Ofac().entities) {
    if (e.kind != model::EntityKind::kVessel) continue;
    ++vessels;
    bool id = false;
    for (const model::Document& d : e.documents) {
      id |= d.type == "Call Sign" || d.type.find("IMO") != std::string::npos;
    }
    identified += id;
    flagged += !e.nationalities.empty();
  }
  EXPECT_GT(vessels, 100u);
  EXPECT_GT(identified, vessels * 9 / 10);
  EXPECT_GT(flagged, vessels / 2);
}

TEST(OfacRemarksTest, ClausesOfEveryKind) {
  model::Entity e;
  e.kind = model::EntityKind::kPerson;
  int unread = ApplyOfacRemarks(
      "DOB 23 Nov 1962; alt. DOB circa 1960; DOB 1958 to 1961; POB Caracas, Venezuela; citizen "
      "Venezuela; nationality Iran; Gender Male; Cedula No. 5892464 (Venezuela); Passport "
      "C2596542 (Venezuela) expires 21 Apr 2020; a.k.a. 'EL CHINO'; f.k.a. 'PEREZ, Juan'; "
      "Linked To: SOME CARTEL; Email: x@y.com.",
      &e);
  EXPECT_EQ(unread, 0);
  ASSERT_EQ(e.dates_of_birth.size(), 3u);
  EXPECT_EQ(e.dates_of_birth[0].from.ToString(), "1962-11-23");
  EXPECT_EQ(e.dates_of_birth[1].kind, model::DateOfBirth::Kind::kApproximate);
  EXPECT_EQ(e.dates_of_birth[2].kind, model::DateOfBirth::Kind::kBetween);
  EXPECT_EQ(e.dates_of_birth[2].to.year, 1961);
  ASSERT_EQ(e.places_of_birth.size(), 1u);
  EXPECT_EQ(e.places_of_birth[0].city, "Caracas");
  EXPECT_EQ(e.places_of_birth[0].country_code, "VE");
  ASSERT_EQ(e.nationalities.size(), 2u);
  EXPECT_EQ(e.nationalities[1].country_code, "IR");
  EXPECT_EQ(e.gender, model::Gender::kMale);
  ASSERT_EQ(e.documents.size(), 2u);
  EXPECT_EQ(e.documents[0].type, "Cedula No");
  EXPECT_EQ(e.documents[0].number, "5892464");
  EXPECT_EQ(e.documents[1].type, "Passport");
  EXPECT_EQ(e.documents[1].number, "C2596542");
  EXPECT_EQ(e.documents[1].country_code, "VE");
  EXPECT_EQ(e.documents[1].note, "expires 21 Apr 2020");
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[0].full, "EL CHINO");
  EXPECT_EQ(e.names[0].kind, model::NameKind::kLowAlias);
  EXPECT_EQ(e.names[1].kind, model::NameKind::kFormerName);
  EXPECT_EQ(e.names[1].parts.size(), 2u);
}

OfacCsvSet Set(const std::string& sdn, const std::string& alt = "") {
  static std::string s, a;
  s = sdn;
  a = alt;
  OfacCsvSet set;
  set.sdn = s;
  set.alt = a;
  set.sdn_name = "sdn.csv";
  set.alt_name = "alt.csv";
  return set;
}

TEST(OfacCsvTest, MalformedRowsNameFileAndLine) {
  const std::string good =
      "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
  Result<ParsedList> r = ParseOfacCsv(Set(good + "37,\"X\",-0-\r\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("sdn.csv, line 2"), std::string::npos)
      << r.status().message();
  r = ParseOfacCsv(
      Set(good + "abc,\"X\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("ent_num"), std::string::npos);
  r = ParseOfacCsv(Set(good + "38,\"UNCLOSED,-0- \r\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos) << r.status().message();
  r = ParseOfacCsv(Set(good, "99,12,\"aka\",\"NOBODY\",-0- \r\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("alt.csv, line 1"), std::string::npos)
      << r.status().message();
  r = ParseOfacCsv(
      Set(good + "39,\"CAF\xC9\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("UTF-8"), std::string::npos) << r.status().message();
  r = ParseOfacCsv(Set(good));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->entities.size(), 1u);
}

}  // namespace
}  // namespace hudud::lists
