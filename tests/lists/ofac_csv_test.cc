// Pins ParseOfacCsv (lists/ofac_csv.cc, ofac_remarks.cc) on the vendored
// OFAC SDN CSV set (data/lists/ofac-2025): every row of every file is read
// (counted per entity by a reader written here, independent of the
// parser), real records come out with every fact their row, aliases,
// addresses and remarks state, nearly every date of birth in the remarks
// is read, and malformed input is an error naming the file and the line.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lists/list_file.h"
#include "lists/ofac_remarks.h"

namespace hudud::lists {
namespace {

using model::DateOfBirth;
using model::Entity;
using model::EntityKind;
using model::NameKind;

const std::string kDir = HUDUD_DATA_DIR "/lists/ofac-2025/";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The records of one file of the set as (ent_num, the rest of the line),
// found without a CSV parser: a record starts on a line that begins with
// digits and a comma outside a quoted field.
std::vector<std::pair<std::string, std::string>> Records(const std::string& content) {
  std::vector<std::pair<std::string, std::string>> out;
  bool in_quote = false;
  size_t line_start = 0;
  for (size_t i = 0; i <= content.size(); ++i) {
    if (i == content.size() || (content[i] == '\n' && !in_quote)) {
      std::string line = content.substr(line_start, i - line_start);
      size_t comma = line.find(',');
      bool digits = comma != std::string::npos && comma > 0 &&
                    std::all_of(line.begin(), line.begin() + static_cast<ptrdiff_t>(comma),
                                [](char c) { return c >= '0' && c <= '9'; });
      if (digits) {
        out.emplace_back(line.substr(0, comma), line.substr(comma + 1));
      } else if (!out.empty()) {
        out.back().second += "\n" + line;  // a record continued over lines
      }
      line_start = i + 1;
      continue;
    }
    if (content[i] == '"') in_quote = !in_quote;
  }
  return out;
}

const ParsedList& Ofac() {
  static const ParsedList list = [] {
    Result<ParsedList> r = ReadListFile(kDir + "sdn.csv", "auto");
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? std::move(*r) : ParsedList{};
  }();
  return list;
}

const Entity& Get(const std::string& id) {
  static const Entity kNone;
  for (const Entity& e : Ofac().entities) {
    if (e.id == id) return e;
  }
  ADD_FAILURE() << id << " not found";
  return kNone;
}

std::map<std::string, NameKind> Names(const Entity& e) {
  std::map<std::string, NameKind> out;
  for (const model::Name& n : e.names) out[n.full] = n.kind;
  return out;
}

// "type|number|country code" for each document.
std::set<std::string> Documents(const Entity& e) {
  std::set<std::string> out;
  for (const model::Document& d : e.documents) {
    out.insert(d.type + "|" + d.number + "|" + d.country_code);
  }
  return out;
}

std::vector<std::string> Dates(const Entity& e) {
  std::vector<std::string> out;
  for (const DateOfBirth& d : e.dates_of_birth) out.push_back(d.ToString());
  return out;
}

TEST(OfacCsvTest, DetectsTheSetAndReadsItsSiblings) {
  const ParsedList& l = Ofac();
  EXPECT_EQ(l.format, "ofac-csv");
  EXPECT_EQ(l.list_id, "ofac-sdn");
  ASSERT_EQ(l.files.size(), 4u);
  EXPECT_EQ(l.files[0], kDir + "sdn.csv");
  std::set<std::string> siblings(l.files.begin() + 1, l.files.end());
  EXPECT_EQ(siblings,
            (std::set<std::string>{kDir + "add.csv", kDir + "alt.csv", kDir + "sdn_comments.csv"}));
}

TEST(OfacCsvTest, EverySdnRowIsOneEntity) {
  const auto rows = Records(ReadFile(kDir + "sdn.csv"));
  ASSERT_GT(rows.size(), 8000u);
  ASSERT_EQ(Ofac().entities.size(), rows.size());
  // In file order, one for one.
  for (size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(Ofac().entities[i].id, "ofac-sdn:" + rows[i].first) << "row " << i;
    ASSERT_EQ(Ofac().entities[i].list_id, "ofac-sdn");
  }
}

TEST(OfacCsvTest, EveryAltRowIsANameOfItsEntity) {
  std::map<std::string, size_t> alt_rows;  // ent_num -> rows
  for (const auto& [ent, rest] : Records(ReadFile(kDir + "alt.csv"))) ++alt_rows["ofac-sdn:" + ent];
  size_t total = 0, checked = 0;
  for (const Entity& e : Ofac().entities) {
    // alt.csv names are the good aliases and former names not read from
    // the remarks.
    size_t from_alt = 0;
    for (const model::Name& n : e.names) {
      from_alt += n.kind != NameKind::kPrimary && n.note.find("from remarks") == std::string::npos;
    }
    EXPECT_EQ(from_alt, alt_rows[e.id]) << e.id;
    total += from_alt;
    checked += alt_rows[e.id];
  }
  EXPECT_GT(total, 11000u);
  EXPECT_EQ(total, checked);
}

TEST(OfacCsvTest, EveryAddRowWithAValueIsAnAddressOfItsEntity) {
  std::map<std::string, size_t> add_rows;
  size_t empty_rows = 0;
  for (const auto& [ent, rest] : Records(ReadFile(kDir + "add.csv"))) {
    // "Add_num,-0- ,-0- ,-0- ,-0- ": OFAC's "no address".
    std::string fields = rest.substr(rest.find(',') + 1);
    fields.erase(std::remove_if(fields.begin(), fields.end(),
                                [](char c) { return c == ' ' || c == '\r' || c == '\n'; }),
                 fields.end());
    if (fields == "-0-,-0-,-0-,-0-") {
      ++empty_rows;
      continue;
    }
    ++add_rows["ofac-sdn:" + ent];
  }
  size_t total = 0;
  for (const Entity& e : Ofac().entities) {
    EXPECT_EQ(e.addresses.size(), add_rows[e.id]) << e.id;
    total += e.addresses.size();
  }
  EXPECT_GT(total, 11000u);
  EXPECT_GT(empty_rows, 0u);
}

TEST(OfacCsvTest, NearlyEveryDateOfBirthInTheRemarksIsRead) {
  size_t stated = 0, read = 0, entities_stating = 0, entities_read = 0;
  std::vector<std::string> missed;
  for (const Entity& e : Ofac().entities) {
    // "DOB 23 Nov 1962" and "alt. DOB ..." clauses.
    size_t clauses = 0;
    for (size_t p = e.comments.find("DOB "); p != std::string::npos;
         p = e.comments.find("DOB ", p + 1)) {
      clauses += p == 0 || e.comments[p - 1] == ' ';
    }
    stated += clauses;
    read += std::min(clauses, e.dates_of_birth.size());
    entities_stating += clauses > 0;
    entities_read += clauses > 0 && !e.dates_of_birth.empty();
    if (e.dates_of_birth.size() < clauses)
      missed.push_back(e.id + ": " + e.comments.substr(0, 300));
  }
  EXPECT_GT(stated, 4900u);
  EXPECT_GT(entities_stating, 4400u);
  EXPECT_EQ(entities_read, entities_stating);
  const bool enough = static_cast<double>(read) >= 0.999 * static_cast<double>(stated);
  EXPECT_TRUE(enough) << read << " of " << stated << " DOB clauses read";
  if (!enough) {
    for (size_t i = 0; i < missed.size() && i < 20; ++i)
      ADD_FAILURE() << "unread DOB in " << missed[i];
  }
}

TEST(OfacCsvTest, AnIndividualWithEverythingInTheRemarks) {
  // sdn.csv: 12625,"KOLBAYEV, Kamchybek Asanbekovich","individual","SDNTK] [TCO",...,
  // "DOB 03 Aug 1974; alt. DOB 01 Jan 1973; POB Cholpon-Ata, Kyrgyzstan;
  // nationality Kyrgyzstan; Gender Male; Passport AC2499982 (Kyrgyzstan); alt.
  // Passport AC732709 (Kyrgyzstan); Identification Number 20308197410028
  // (Kyrgyzstan); alt. Identification Number 1002001 (Kyrgyzstan); a.k.a.
  // 'KAMCHI BISHKEKSKIY'; a.k.a. 'KOLYA-KYRGYZ'; Linked To: THIEVES-IN-LAW."
  const Entity& e = Get("ofac-sdn:12625");
  EXPECT_EQ(e.kind, EntityKind::kPerson);
  EXPECT_EQ(e.source_id, "12625");
  ASSERT_FALSE(e.names.empty());
  EXPECT_EQ(e.names[0].full, "KOLBAYEV, Kamchybek Asanbekovich");
  EXPECT_EQ(e.names[0].kind, NameKind::kPrimary);
  ASSERT_EQ(e.names[0].parts.size(), 2u);
  EXPECT_EQ(e.names[0].parts[0].role, model::NamePartRole::kFamily);
  EXPECT_EQ(e.names[0].parts[0].text, "KOLBAYEV");
  EXPECT_EQ(e.names[0].parts[1].role, model::NamePartRole::kGiven);
  EXPECT_EQ(e.names[0].parts[1].text, "Kamchybek Asanbekovich");
  EXPECT_EQ(e.program, "SDNTK; TCO");
  EXPECT_EQ(e.list_types, (std::vector<std::string>{"SDNTK", "TCO"}));
  std::map<std::string, NameKind> names = Names(e);
  EXPECT_EQ(names.size(), 11u);  // primary, 8 from alt.csv, 2 from the remarks
  EXPECT_EQ(names["KOLBAEV, Kamchibek"], NameKind::kGoodAlias);
  EXPECT_EQ(names["KAMCHI, Asanbeka"], NameKind::kGoodAlias);
  EXPECT_EQ(names["KAMCHI BISHKEKSKIY"], NameKind::kLowAlias);
  EXPECT_EQ(names["KOLYA-KYRGYZ"], NameKind::kLowAlias);
  EXPECT_EQ(Dates(e), (std::vector<std::string>{"1974-08-03", "1973-01-01"}));
  ASSERT_EQ(e.places_of_birth.size(), 1u);
  EXPECT_EQ(e.places_of_birth[0].city, "Cholpon-Ata");
  EXPECT_EQ(e.places_of_birth[0].country, "Kyrgyzstan");
  EXPECT_EQ(e.places_of_birth[0].country_code, "KG");
  ASSERT_EQ(e.nationalities.size(), 1u);
  EXPECT_EQ(e.nationalities[0].country_code, "KG");
  EXPECT_EQ(e.gender, model::Gender::kMale);
  EXPECT_EQ(Documents(e), (std::set<std::string>{"Passport|AC2499982|KG", "Passport|AC732709|KG",
                                                 "Identification Number|20308197410028|KG",
                                                 "Identification Number|1002001|KG"}));
  ASSERT_EQ(e.addresses.size(), 2u);
  EXPECT_EQ(e.addresses[0].street, "Bahar 1 Sector, C09-T02 Tower, Apartment 3203");
  EXPECT_EQ(e.addresses[0].city, "Dubai 31672");
  EXPECT_EQ(e.addresses[0].country_code, "AE");
  EXPECT_NE(e.comments.find("Linked To: THIEVES-IN-LAW"), std::string::npos);
  EXPECT_EQ(e.comments.rfind("DOB 03 Aug 1974;", 0), 0u);  // the remarks, whole
}

TEST(OfacCsvTest, AVesselWithItsIdentifiersAndFlag) {
  // 15036,"ARTAVIL","vessel","IRAN",-0- ,"T2EU4","Crude/Oil Products Tanker",
  // "99,144","56,068","Iran",-0- ,"Former Vessel Flag Malta; ... Vessel
  // Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA';
  // Linked To: NATIONAL IRANIAN TANKER COMPANY."; alt.csv: fka ABADAN, SHONA.
  const Entity& e = Get("ofac-sdn:15036");
  EXPECT_EQ(e.kind, EntityKind::kVessel);
  EXPECT_EQ(e.program, "IRAN");
  EXPECT_EQ(Names(e), (std::map<std::string, NameKind>{{"ARTAVIL", NameKind::kPrimary},
                                                       {"ABADAN", NameKind::kFormerName},
                                                       {"SHONA", NameKind::kFormerName},
                                                       {"ALPHA", NameKind::kFormerName}}));
  EXPECT_TRUE(e.names[0].parts.empty());
  EXPECT_EQ(Documents(e),
            (std::set<std::string>{"Call Sign|T2EU4|", "IMO|9187629|", "MMSI|572469210|"}));
  // The flag is the vessel's state; former flags are not.
  ASSERT_EQ(e.nationalities.size(), 1u);
  EXPECT_EQ(e.nationalities[0].country_code, "IR");
  EXPECT_TRUE(e.addresses.empty());  // its add.csv row is all null
  EXPECT_TRUE(e.dates_of_birth.empty());
  for (const char* fact : {"Vessel Type: Crude/Oil Products Tanker", "Tonnage: 99,144",
                           "GRT: 56,068", "Former Vessel Flag Malta"}) {
    EXPECT_NE(e.comments.find(fact), std::string::npos) << fact;
  }
}

TEST(OfacCsvTest, AnOrganisationWithAliasesAndRegistrationNumbers) {
  // 8244,"AERO CONTINENTE S.A",-0- ,"SDNTK",...,"NIT # 8300720300 (Colombia);
  // US FEIN 55-2197267; RUC # 20108363101 (Peru); Business Registration
  // Document # F01000003035 (United States)."; alt.csv: 4 aka, 3 nka.
  const Entity& e = Get("ofac-sdn:8244");
  EXPECT_EQ(e.kind, EntityKind::kOrganization);
  std::map<std::string, NameKind> names = Names(e);
  EXPECT_EQ(names.size(), 8u);
  EXPECT_EQ(names["AEROCONTINENTE S.A."], NameKind::kGoodAlias);
  EXPECT_EQ(names["NUEVO CONTINENTE S.A."], NameKind::kGoodAlias);
  for (const model::Name& n : e.names) {
    if (n.full == "NUEVO CONTINENTE S.A.") {
      EXPECT_EQ(n.note, "now known as");
    }
    EXPECT_TRUE(n.parts.empty()) << n.full;  // no "SURNAME, Given" for organisations
  }
  EXPECT_EQ(Documents(e), (std::set<std::string>{
                              "NIT #|8300720300|CO", "US FEIN|55-2197267|", "RUC #|20108363101|PE",
                              "Business Registration Document #|F01000003035|US"}));
  EXPECT_GT(e.addresses.size(), 40u);

  // 306,"BANCO NACIONAL DE CUBA",...,"a.k.a. 'BNC'."; alt.csv: NATIONAL BANK OF CUBA.
  const Entity& bnc = Get("ofac-sdn:306");
  EXPECT_EQ(bnc.kind, EntityKind::kOrganization);
  EXPECT_EQ(bnc.program, "CUBA");
  EXPECT_EQ(Names(bnc),
            (std::map<std::string, NameKind>{{"BANCO NACIONAL DE CUBA", NameKind::kPrimary},
                                             {"NATIONAL BANK OF CUBA", NameKind::kGoodAlias},
                                             {"BNC", NameKind::kLowAlias}}));
  ASSERT_FALSE(bnc.addresses.empty());
  EXPECT_EQ(bnc.addresses[0].street, "Zweierstrasse 35");
  EXPECT_EQ(bnc.addresses[0].country_code, "CH");
}

TEST(OfacCsvTest, AnAircraftAndATitle) {
  // 15431,"EP-GOM","aircraft",...,"Aircraft Construction Number (also called
  // L/N or S/N or F/N) 8401; Aircraft Manufacture Date 1992; Aircraft Model
  // IL76-TD; Aircraft Operator YAS AIR; Aircraft Manufacturer's Serial Number
  // (MSN) 1023409321; Linked To: POUYA AIR."
  const Entity& plane = Get("ofac-sdn:15431");
  EXPECT_EQ(plane.kind, EntityKind::kAircraft);
  EXPECT_EQ(
      Documents(plane),
      (std::set<std::string>{"Aircraft Construction Number (also called L/N or S/N or F/N)|8401|",
                             "Aircraft Manufacturer's Serial Number (MSN)|1023409321|"}));
  EXPECT_TRUE(plane.dates_of_birth.empty());

  // 2676,"AL ZAWAHIRI, Dr. Ayman","individual","SDGT","Operational and
  // Military Leader of JIHAD GROUP",...,"DOB 19 Jun 1951; POB Giza, Egypt;
  // Passport 1084010 (Egypt); alt. Passport 19820215; ..."
  const Entity& z = Get("ofac-sdn:2676");
  EXPECT_EQ(z.titles, (std::vector<std::string>{"Operational and Military Leader of JIHAD GROUP"}));
  EXPECT_EQ(Dates(z), (std::vector<std::string>{"1951-06-19"}));
  EXPECT_EQ(Documents(z), (std::set<std::string>{"Passport|1084010|EG", "Passport|19820215|"}));
  ASSERT_EQ(z.places_of_birth.size(), 1u);
  EXPECT_EQ(z.places_of_birth[0].city, "Giza");
  EXPECT_EQ(z.places_of_birth[0].country_code, "EG");
}

TEST(OfacCsvTest, RemarksContinueInSdnComments) {
  // sdn.csv cuts 28263's remarks at "a.k.a. 'snowsjo" and sdn_comments.csv
  // goes on with "hn'; Linked To: LAZARUS GROUP."; 28264's at "; P" and
  // "hone Number ...; Identification Number 210302198701102136 (China); ...".
  const Entity& a = Get("ofac-sdn:28263");
  EXPECT_EQ(Names(a)["snowsjohn"], NameKind::kLowAlias);
  EXPECT_NE(a.comments.find("Linked To: LAZARUS GROUP."), std::string::npos);
  const Entity& b = Get("ofac-sdn:28264");
  EXPECT_NE(b.comments.find("; Phone Number 8613314257947;"), std::string::npos);
  EXPECT_TRUE(Documents(b).count("Identification Number|210302198701102136|CN"));
  EXPECT_EQ(Names(b)["khaleesi"], NameKind::kLowAlias);
}

TEST(OfacCsvTest, DocumentsAreOnlyIdentityNumbers) {
  size_t documents = 0, passports = 0;
  for (const Entity& e : Ofac().entities) {
    for (const model::Document& d : e.documents) {
      ++documents;
      passports += d.type == "Passport";
      EXPECT_FALSE(d.number.empty()) << e.id;
      // Contact points, dates and positions are not documents.
      for (const char* word : {"Phone", "Telephone", "Website", "Email", "Date", "arrested",
                               "Linked To", "Chairperson", "Commander"}) {
        EXPECT_EQ(d.type.find(word), std::string::npos) << e.id << ": " << d.type;
      }
    }
  }
  EXPECT_GT(documents, 6500u);
  EXPECT_GT(passports, 1400u);
}

TEST(OfacRemarksTest, ClausesOfEveryKind) {
  model::Entity e;
  e.kind = EntityKind::kPerson;
  RemarksLoss loss = ApplyOfacRemarks(
      "DOB 23 Nov 1962; alt. DOB circa 1960; DOB 1958 to 1961; alt. DOB 01 Jan 1961 to 31 Dec "
      "1962; DOB Nov 1962; POB Culiacan, Sinaloa, Mexico; citizen Venezuela; nationality Iran; "
      "alt. nationality Iran; Gender Male; Cedula No. 5892464 (Venezuela); Passport C2596542 "
      "(Venezuela) issued 02 Jan 2015 expires 21 Apr 2020; alt. Passport RL 1794375 (Lebanon); "
      "a.k.a. 'EL CHINO'; f.k.a. 'PEREZ, Juan'; a.k.a. ''ABD AL-RAHMAN'; Linked To: SOME "
      "CARTEL; Email: x@y.com; Phone Number 982188526300; arrested 23 Apr 2002; Vice-Chairperson, "
      "13th National People's Congress.",
      &e);
  EXPECT_EQ(loss.unread_dobs, 0);
  ASSERT_EQ(e.dates_of_birth.size(), 5u);
  EXPECT_EQ(e.dates_of_birth[0].ToString(), "1962-11-23");
  EXPECT_EQ(e.dates_of_birth[1].kind, DateOfBirth::Kind::kApproximate);
  EXPECT_EQ(e.dates_of_birth[1].from.year, 1960);
  EXPECT_EQ(e.dates_of_birth[2].kind, DateOfBirth::Kind::kBetween);
  EXPECT_EQ(e.dates_of_birth[2].ToString(), "1958..1961");
  EXPECT_EQ(e.dates_of_birth[3].ToString(), "1961-01-01..1962-12-31");
  EXPECT_EQ(e.dates_of_birth[4].ToString(), "1962-11");
  ASSERT_EQ(e.places_of_birth.size(), 1u);
  EXPECT_EQ(e.places_of_birth[0].city, "Culiacan, Sinaloa");
  EXPECT_EQ(e.places_of_birth[0].country_code, "MX");
  ASSERT_EQ(e.nationalities.size(), 2u);  // Iran once
  EXPECT_EQ(e.nationalities[0].country_code, "VE");
  EXPECT_EQ(e.nationalities[1].country_code, "IR");
  EXPECT_EQ(e.gender, model::Gender::kMale);
  ASSERT_EQ(e.documents.size(), 3u);
  EXPECT_EQ(e.documents[0].type, "Cedula No.");
  EXPECT_EQ(e.documents[0].number, "5892464");
  EXPECT_EQ(e.documents[0].country_code, "VE");
  EXPECT_EQ(e.documents[1].type, "Passport");
  EXPECT_EQ(e.documents[1].number, "C2596542");
  EXPECT_EQ(e.documents[1].issuing_country, "Venezuela");
  EXPECT_EQ(e.documents[1].issue_date, "02 Jan 2015");
  EXPECT_EQ(e.documents[1].note, "expires 21 Apr 2020");
  EXPECT_EQ(e.documents[2].type, "Passport");  // the series belongs to the number
  EXPECT_EQ(e.documents[2].number, "RL 1794375");
  EXPECT_EQ(e.documents[2].country_code, "LB");
  ASSERT_EQ(e.names.size(), 3u);
  EXPECT_EQ(e.names[0].full, "EL CHINO");
  EXPECT_EQ(e.names[0].kind, NameKind::kLowAlias);
  EXPECT_EQ(e.names[1].full, "PEREZ, Juan");
  EXPECT_EQ(e.names[1].kind, NameKind::kFormerName);
  EXPECT_EQ(e.names[1].parts.size(), 2u);
  EXPECT_EQ(e.names[2].full, "'ABD AL-RAHMAN");  // the ayn stays
}

TEST(OfacRemarksTest, VesselsAndRegisters) {
  model::Entity e;
  e.kind = EntityKind::kOrganization;
  ApplyOfacRemarks(
      "Vessel Registration Identification IMO 9187629; Company Number IMO 5055293; Nationality "
      "of Registration Panama; Other Vessel Call Sign 9HDQ9; Other Vessel Flag None Identified; "
      "BIK (RU) 044525607; V.A.T. Number BG 121024920 (Bulgaria); Tax ID No. RIF J-31069374-9 "
      "(Venezuela); Organization Established Date 17 Dec 2016; Chinese Commercial Code 1728 4320",
      &e);
  std::vector<std::string> docs;
  for (const model::Document& d : e.documents) docs.push_back(d.type + "|" + d.number);
  EXPECT_EQ(docs,
            (std::vector<std::string>{
                "IMO|9187629", "Company Number IMO|5055293", "Call Sign|9HDQ9", "BIK|044525607",
                "V.A.T. Number|BG 121024920", "Tax ID No. RIF|J-31069374-9"}));
  ASSERT_EQ(e.nationalities.size(), 1u);
  EXPECT_EQ(e.nationalities[0].country_code, "PA");
}

TEST(OfacRemarksTest, UnreadDatesAreCountedNeverGuessed) {
  model::Entity e;
  RemarksLoss loss = ApplyOfacRemarks("DOB unknown; DOB 31 Feb 1970; DOB 1970", &e);
  EXPECT_EQ(loss.unread_dobs, 2);
  ASSERT_EQ(e.dates_of_birth.size(), 1u);
  EXPECT_EQ(e.dates_of_birth[0].ToString(), "1970");
  DateOfBirth d;
  EXPECT_TRUE(ParseOfacDate("circa 1979-1982", &d));
  EXPECT_EQ(d.ToString(), "1979..1982");
  EXPECT_TRUE(ParseOfacDate("between 1960 and 1962", &d));
  EXPECT_TRUE(ParseOfacDate("Mar 1962 to Feb 1963", &d));
  EXPECT_EQ(d.ToString(), "1962-03..1963-02");
  EXPECT_FALSE(ParseOfacDate("", &d));
  EXPECT_FALSE(ParseOfacDate("1962 to", &d));
}

// Owns the contents an OfacCsvSet points into.
struct Files {
  std::string sdn, add, alt, comments;
  OfacCsvSet Set() const {
    OfacCsvSet set;
    set.sdn = sdn;
    set.add = add;
    set.alt = alt;
    set.comments = comments;
    set.sdn_name = "sdn.csv";
    set.add_name = "add.csv";
    set.alt_name = "alt.csv";
    set.comments_name = "sdn_comments.csv";
    return set;
  }
};

std::string ErrorOf(const Files& f) {
  Result<ParsedList> r = ParseOfacCsv(f.Set());
  return r.ok() ? "ok" : r.status().message();
}

TEST(OfacCsvTest, MalformedInputNamesFileLineAndField) {
  const std::string good =
      "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
  const std::string row2 = ",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
  struct Case {
    Files files;
    const char* expected;
  } cases[] = {
      {{good + "37,\"X\",-0-\r\n"}, "sdn.csv, line 2: 3 fields, expected 12"},
      {{good + "abc,\"X\"" + row2}, "sdn.csv, line 2: ent_num \"abc\" is not a number"},
      {{good + "38,\"UNCLOSED" + row2}, "sdn.csv, line 2"},
      {{good + "39,\"CAF\xC9\"" + row2}, "sdn.csv, line 2"},
      {{good + "40,-0- " + row2}, "sdn.csv, line 2: SDN_Name is empty"},
      {{good + "36,\"AGAIN\"" + row2}, "sdn.csv, line 2: ent_num 36 appears twice"},
      {{good, "", "36,12,\"aka\",\"X\",-0- \r\n99,13,\"aka\",\"NOBODY\",-0- \r\n"},
       "alt.csv, line 2: ent_num 99 is not in sdn.csv"},
      {{good, "", "36,12,\"aka\",-0- ,-0- \r\n"}, "alt.csv, line 1: alt_name is empty"},
      {{good, "98,1,-0- ,\"Havana\",\"Cuba\",-0- \r\n"}, "add.csv, line 1: ent_num 98 is not in"},
      {{good, "36,1,\"Calle\",\"Havana\"\r\n"}, "add.csv, line 1: 4 fields, expected 6"},
      {{good, "", "", "97,\"more\"\r\n"}, "sdn_comments.csv, line 1: ent_num 97 is not in"},
      {{good, "", "", "36,\"more\xFF\"\r\n"}, "sdn_comments.csv, line 1"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParseOfacCsv(c.files.Set()).status().code(), Status::Code::kCorruption);
    const std::string message = ErrorOf(c.files);
    EXPECT_NE(message.find(c.expected), std::string::npos)
        << "expected \"" << c.expected << "\", got \"" << message << "\"";
  }
  // The encoding error says what is wrong, not only where.
  EXPECT_NE(ErrorOf({good + "39,\"CAF\xC9\"" + row2}).find("UTF-8"), std::string::npos);
  // A good set, with the DOS end-of-file mark OFAC leaves: one entity.
  Result<ParsedList> r = ParseOfacCsv(Files{good + "\x1a"}.Set());
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].id, "ofac-sdn:36");
  EXPECT_EQ(r->entities[0].kind, EntityKind::kOrganization);
}

TEST(OfacCsvTest, NeverCrashesOnDamagedInput) {
  // The first rows of the real set, cut and with bytes changed at random
  // (seeded): each parse is an entity list or an error, never a crash.
  const std::string sdn = ReadFile(kDir + "sdn.csv").substr(0, 40000);
  const std::string alt = ReadFile(kDir + "alt.csv").substr(0, 20000);
  std::mt19937 rng(20251120);
  for (int i = 0; i < 300; ++i) {
    Files f{sdn, "", alt, ""};
    std::string* target = i % 2 ? &f.sdn : &f.alt;
    target->resize(rng() % target->size());
    for (int k = 0; k < 5 && !target->empty(); ++k) {
      (*target)[rng() % target->size()] = static_cast<char>(rng() % 256);
    }
    Result<ParsedList> r = ParseOfacCsv(f.Set());
    if (!r.ok()) {
      EXPECT_FALSE(r.status().message().empty());
    }
  }
}

}  // namespace
}  // namespace hudud::lists
