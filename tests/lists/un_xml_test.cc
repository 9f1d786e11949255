// Pins ParseUnXml (lists/un_xml.cc): the vendored UN Consolidated List is
// read completely (every record, alias, original-script name, date of birth,
// document, place and value, checked against an independent walk of the XML
// with pugixml and against counts taken with grep), real records come out
// exactly as written, and malformed input is an error naming the line.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "lists/list_file.h"
#include "model/entity.h"

namespace hudud::lists {
namespace {

using model::DateOfBirth;
using model::Entity;
using model::EntityKind;
using model::NameKind;
using model::NamePartRole;

const char kUnFile[] = HUDUD_DATA_DIR "/lists/un-consolidated-2026-02-27.xml";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Whitespace runs to one space, trimmed (written independently of the parser).
std::string Squeeze(const char* text) {
  std::istringstream in(text);
  std::string word, out;
  while (in >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}
std::string ChildText(pugi::xml_node n, const char* child) {
  return Squeeze(n.child(child).text().get());
}

class UnListTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    xml_ = new std::string(ReadFile(kUnFile));
    ASSERT_GT(xml_->size(), 1000000u) << "vendored list missing: " << kUnFile;
    Result<ParsedList> r = ParseUnXml(*xml_, kUnFile);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    list_ = new ParsedList(std::move(r).value());
    for (const Entity& e : list_->entities) by_ref_[e.reference] = &e;
    dom_ = new pugi::xml_document;
    ASSERT_TRUE(dom_->load_buffer(xml_->data(), xml_->size()));
  }
  static void TearDownTestSuite() {
    delete list_;
    delete dom_;
    delete xml_;
    by_ref_.clear();
  }

  static const Entity& Ref(const std::string& reference) {
    auto it = by_ref_.find(reference);
    if (it == by_ref_.end()) {
      ADD_FAILURE() << "no record " << reference;
      static const Entity kNone;
      return kNone;
    }
    return *it->second;
  }

  static std::vector<const model::Name*> NamesOf(const Entity& e, NameKind kind) {
    std::vector<const model::Name*> out;
    for (const model::Name& n : e.names) {
      if (n.kind == kind) out.push_back(&n);
    }
    return out;
  }

  static std::string* xml_;
  static ParsedList* list_;
  static pugi::xml_document* dom_;
  static std::map<std::string, const Entity*> by_ref_;
};

std::string* UnListTest::xml_ = nullptr;
ParsedList* UnListTest::list_ = nullptr;
pugi::xml_document* UnListTest::dom_ = nullptr;
std::map<std::string, const Entity*> UnListTest::by_ref_;

TEST_F(UnListTest, ListHeader) {
  EXPECT_EQ(list_->list_id, "un");
  EXPECT_EQ(list_->format, "un-xml");
  EXPECT_EQ(list_->generated_at, "2026-02-27T00:00:09.554Z");
}

// Hard numbers, taken from the file with grep/a separate script:
//   grep -c '<INDIVIDUAL>' = 730, grep -c '<ENTITY>' = 273;
//   <ALIAS_NAME> elements: 3043, of which 291 are empty (<ALIAS_NAME/>), so
//   2752 names: quality Good 1524, Low 615, a.k.a. 594, f.k.a. 19;
//   <NAME_ORIGINAL_SCRIPT>: 378, none empty;
//   <INDIVIDUAL_DATE_OF_BIRTH>: 919, of which 49 hold only an empty
//   <TYPE_OF_DATE/>, so 870 (EXACT 722, APPROXIMATELY 117, BETWEEN 31);
//   plus 58 <DATE_OF_BIRTH> inside aliases;
//   <INDIVIDUAL_DOCUMENT>: 921, of which 453 are empty, so 468;
//   <INDIVIDUAL_PLACE_OF_BIRTH> with content: 634, plus 51 aliases with a
//   CITY_ or COUNTRY_OF_BIRTH; addresses with content: 811;
//   non-empty VALUEs: NATIONALITY 652, TITLE 193, DESIGNATION 427,
//   LIST_TYPE 1003, LAST_DAY_UPDATED 1891.
TEST_F(UnListTest, CountsMatchTheFile) {
  size_t persons = 0, orgs = 0, good = 0, low = 0, former = 0, original = 0, primary = 0;
  size_t dobs = 0, exact = 0, approx = 0, between = 0, alias_dobs = 0, docs = 0, pobs = 0;
  size_t addresses = 0, nationalities = 0, titles = 0, designations = 0, list_types = 0,
         updated = 0;
  for (const Entity& e : list_->entities) {
    (e.kind == EntityKind::kPerson ? persons : orgs)++;
    for (const model::Name& n : e.names) {
      switch (n.kind) {
        case NameKind::kPrimary:
          ++primary;
          break;
        case NameKind::kGoodAlias:
          ++good;
          break;
        case NameKind::kLowAlias:
          ++low;
          break;
        case NameKind::kFormerName:
          ++former;
          break;
        case NameKind::kOriginalScript:
          ++original;
          break;
      }
    }
    for (const DateOfBirth& d : e.dates_of_birth) {
      if (d.note.rfind("alias", 0) == 0) {
        ++alias_dobs;
        continue;
      }
      ++dobs;
      if (d.kind == DateOfBirth::Kind::kExact) ++exact;
      if (d.kind == DateOfBirth::Kind::kApproximate) ++approx;
      if (d.kind == DateOfBirth::Kind::kBetween) ++between;
    }
    docs += e.documents.size();
    pobs += e.places_of_birth.size();
    addresses += e.addresses.size();
    nationalities += e.nationalities.size();
    titles += e.titles.size();
    designations += e.designations.size();
    list_types += e.list_types.size();
    updated += e.last_updated.size();
  }
  EXPECT_EQ(persons, 730u);
  EXPECT_EQ(orgs, 273u);
  EXPECT_EQ(primary, 1003u);
  EXPECT_EQ(good, 1524u + 594u);
  EXPECT_EQ(low, 615u);
  EXPECT_EQ(former, 19u);
  EXPECT_EQ(original, 378u);
  EXPECT_EQ(dobs, 870u);
  EXPECT_EQ(exact, 722u);
  EXPECT_EQ(approx, 117u);
  EXPECT_EQ(between, 31u);
  EXPECT_EQ(alias_dobs, 58u);
  EXPECT_EQ(docs, 468u);
  EXPECT_EQ(pobs, 634u + 51u);
  EXPECT_EQ(addresses, 811u);
  EXPECT_EQ(nationalities, 652u);
  EXPECT_EQ(titles, 193u);
  EXPECT_EQ(designations, 427u);
  EXPECT_EQ(list_types, 1003u);
  EXPECT_EQ(updated, 1891u);
}

// Walks the XML independently and checks that every record holds each of its
// values, in order.
TEST_F(UnListTest, EveryRecordHoldsEveryValueOfTheXml) {
  pugi::xml_node root = dom_->child("CONSOLIDATED_LIST");
  std::vector<pugi::xml_node> records;
  for (pugi::xml_node n : root.child("INDIVIDUALS").children("INDIVIDUAL")) records.push_back(n);
  for (pugi::xml_node n : root.child("ENTITIES").children("ENTITY")) records.push_back(n);
  ASSERT_EQ(records.size(), list_->entities.size());

  for (size_t i = 0; i < records.size(); ++i) {
    pugi::xml_node x = records[i];
    const Entity& e = list_->entities[i];
    const bool person = std::string(x.name()) == "INDIVIDUAL";
    SCOPED_TRACE(ChildText(x, "REFERENCE_NUMBER"));
    EXPECT_EQ(e.id, "un:" + ChildText(x, "DATAID"));
    EXPECT_EQ(e.source_id, ChildText(x, "DATAID"));
    EXPECT_EQ(e.list_id, "un");
    EXPECT_EQ(e.kind, person ? EntityKind::kPerson : EntityKind::kOrganization);
    EXPECT_EQ(e.reference, ChildText(x, "REFERENCE_NUMBER"));
    EXPECT_EQ(e.program, ChildText(x, "UN_LIST_TYPE"));
    EXPECT_EQ(e.version, ChildText(x, "VERSIONNUM"));
    EXPECT_EQ(e.listed_on, ChildText(x, "LISTED_ON").substr(0, 10));
    EXPECT_EQ(Squeeze(e.comments.c_str()), ChildText(x, "COMMENTS1"));

    // Names: primary (parts joined), original script, then aliases.
    std::vector<std::string> parts;
    for (const char* f : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
      if (!ChildText(x, f).empty()) parts.push_back(ChildText(x, f));
    }
    ASSERT_FALSE(e.names.empty());
    const model::Name& primary = e.names[0];
    EXPECT_EQ(primary.kind, NameKind::kPrimary);
    ASSERT_EQ(primary.parts.size(), parts.size());
    std::string full;
    for (size_t p = 0; p < parts.size(); ++p) {
      EXPECT_EQ(primary.parts[p].text, parts[p]);
      full += (p ? " " : "") + parts[p];
    }
    EXPECT_EQ(primary.full, full);
    size_t next = 1;
    if (!ChildText(x, "NAME_ORIGINAL_SCRIPT").empty()) {
      ASSERT_GT(e.names.size(), next);
      EXPECT_EQ(e.names[next].kind, NameKind::kOriginalScript);
      EXPECT_EQ(e.names[next].full, ChildText(x, "NAME_ORIGINAL_SCRIPT"));
      ++next;
    }
    size_t alias_dobs = 0, alias_pobs = 0;
    for (pugi::xml_node a : x.children(person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
      if (!ChildText(a, "DATE_OF_BIRTH").empty()) ++alias_dobs;
      if (!ChildText(a, "CITY_OF_BIRTH").empty() || !ChildText(a, "COUNTRY_OF_BIRTH").empty())
        ++alias_pobs;
      if (ChildText(a, "ALIAS_NAME").empty()) continue;
      ASSERT_GT(e.names.size(), next);
      const model::Name& n = e.names[next++];
      EXPECT_EQ(n.full, ChildText(a, "ALIAS_NAME"));
      EXPECT_EQ(n.note, ChildText(a, "NOTE"));
      const std::string q = ChildText(a, "QUALITY");
      const NameKind want = q == "Low"      ? NameKind::kLowAlias
                            : q == "f.k.a." ? NameKind::kFormerName
                                            : NameKind::kGoodAlias;
      EXPECT_EQ(n.kind, want) << n.full << " quality " << q;
    }
    EXPECT_EQ(e.names.size(), next);

    // Dates of birth: the record's own, then those given with aliases.
    size_t dobs = 0;
    for (pugi::xml_node d : x.children("INDIVIDUAL_DATE_OF_BIRTH")) {
      bool any = false;
      for (const char* f : {"DATE", "YEAR", "FROM_YEAR", "TO_YEAR", "NOTE"})
        any |= !ChildText(d, f).empty();
      if (!any) continue;
      ASSERT_GT(e.dates_of_birth.size(), dobs);
      const DateOfBirth& got = e.dates_of_birth[dobs++];
      EXPECT_EQ(got.note, ChildText(d, "NOTE"));
      const std::string type = ChildText(d, "TYPE_OF_DATE");
      if (!ChildText(d, "DATE").empty()) {
        EXPECT_EQ(got.from.ToString(), ChildText(d, "DATE"));
      } else if (!ChildText(d, "YEAR").empty()) {
        EXPECT_EQ(got.from.ToString(), ChildText(d, "YEAR"));
      } else if (!ChildText(d, "FROM_YEAR").empty()) {
        EXPECT_EQ(got.kind, DateOfBirth::Kind::kBetween);
        EXPECT_EQ(got.from.ToString(), ChildText(d, "FROM_YEAR"));
        EXPECT_EQ(got.to.ToString(), ChildText(d, "TO_YEAR"));
      }
      if (type == "APPROXIMATELY") {
        EXPECT_EQ(got.kind, DateOfBirth::Kind::kApproximate);
      }
      if (type == "EXACT") {
        EXPECT_EQ(got.kind, DateOfBirth::Kind::kExact);
      }
      if (type == "BETWEEN") {
        EXPECT_EQ(got.kind, DateOfBirth::Kind::kBetween);
      }
    }
    EXPECT_EQ(e.dates_of_birth.size(), dobs + alias_dobs);

    size_t docs = 0;
    for (pugi::xml_node d : x.children("INDIVIDUAL_DOCUMENT")) {
      bool any = false;
      for (pugi::xml_node c : d.children()) any |= !Squeeze(c.text().get()).empty();
      if (!any) continue;
      ASSERT_GT(e.documents.size(), docs);
      const model::Document& got = e.documents[docs++];
      EXPECT_EQ(got.type, ChildText(d, "TYPE_OF_DOCUMENT"));
      EXPECT_EQ(got.type2, ChildText(d, "TYPE_OF_DOCUMENT2"));
      EXPECT_EQ(got.number, ChildText(d, "NUMBER"));
      EXPECT_EQ(got.issue_date, ChildText(d, "DATE_OF_ISSUE"));
      EXPECT_EQ(got.issue_city, ChildText(d, "CITY_OF_ISSUE"));
      const std::string issuing = ChildText(d, "ISSUING_COUNTRY");
      EXPECT_EQ(got.issuing_country, issuing.empty() ? ChildText(d, "COUNTRY_OF_ISSUE") : issuing);
      if (!got.issuing_country.empty()) {
        EXPECT_EQ(got.country_code.size(), 2u) << got.issuing_country;
      }
      EXPECT_EQ(got.note.rfind(ChildText(d, "NOTE"), 0), 0u);
    }
    EXPECT_EQ(e.documents.size(), docs);

    size_t pobs = 0;
    for (pugi::xml_node p : x.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
      bool any = false;
      for (pugi::xml_node c : p.children()) any |= !Squeeze(c.text().get()).empty();
      if (!any) continue;
      ASSERT_GT(e.places_of_birth.size(), pobs);
      const model::Place& got = e.places_of_birth[pobs++];
      EXPECT_EQ(got.city, ChildText(p, "CITY"));
      EXPECT_EQ(got.state, ChildText(p, "STATE_PROVINCE"));
      EXPECT_EQ(got.country, ChildText(p, "COUNTRY"));
      EXPECT_EQ(got.street, ChildText(p, "STREET"));
      EXPECT_EQ(got.note, ChildText(p, "NOTE"));
    }
    EXPECT_EQ(e.places_of_birth.size(), pobs + alias_pobs);

    size_t addrs = 0;
    for (pugi::xml_node p : x.children(person ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
      bool any = false;
      for (pugi::xml_node c : p.children()) any |= !Squeeze(c.text().get()).empty();
      if (!any) continue;
      ASSERT_GT(e.addresses.size(), addrs);
      const model::Place& got = e.addresses[addrs++];
      EXPECT_EQ(got.street, ChildText(p, "STREET"));
      EXPECT_EQ(got.city, ChildText(p, "CITY"));
      EXPECT_EQ(got.state, ChildText(p, "STATE_PROVINCE"));
      EXPECT_EQ(got.zip, ChildText(p, "ZIP_CODE"));
      EXPECT_EQ(got.country, ChildText(p, "COUNTRY"));
      EXPECT_EQ(got.note, ChildText(p, "NOTE"));
    }
    EXPECT_EQ(e.addresses.size(), addrs);

    auto values = [&](const char* group) {
      std::vector<std::string> out;
      for (pugi::xml_node v : x.child(group).children("VALUE")) {
        if (!Squeeze(v.text().get()).empty()) out.push_back(Squeeze(v.text().get()));
      }
      return out;
    };
    EXPECT_EQ(e.titles, values("TITLE"));
    EXPECT_EQ(e.designations, values("DESIGNATION"));
    EXPECT_EQ(e.list_types, values("LIST_TYPE"));
    EXPECT_EQ(e.last_updated, values("LAST_DAY_UPDATED"));
    std::vector<std::string> nat_texts;
    for (const model::Nationality& n : e.nationalities) nat_texts.push_back(n.text);
    EXPECT_EQ(nat_texts, values("NATIONALITY"));
  }
}

// Every country the list writes resolves, except "former Soviet Union" (no
// current state) and "na" (not available).
TEST_F(UnListTest, CountriesResolve) {
  size_t unresolved = 0;
  auto check = [&](const std::string& text, const std::string& code) {
    if (text.empty()) return;
    if (code.empty()) {
      ++unresolved;
      EXPECT_TRUE(text == "former Soviet Union" || text == "na") << "unresolved: " << text;
    } else {
      EXPECT_EQ(code.size(), 2u) << text;
    }
  };
  for (const Entity& e : list_->entities) {
    for (const auto& n : e.nationalities) check(n.text, n.country_code);
    for (const auto& p : e.places_of_birth) check(p.country, p.country_code);
    for (const auto& p : e.addresses) check(p.country, p.country_code);
    for (const auto& d : e.documents) check(d.issuing_country, d.country_code);
  }
  EXPECT_EQ(unresolved, 2u);
}

TEST_F(UnListTest, FullRecordWithBetweenDates) {
  const Entity& e = Ref("TAi.002");
  EXPECT_EQ(e.id, "un:110577");
  EXPECT_EQ(e.kind, EntityKind::kPerson);
  EXPECT_EQ(e.program, "Taliban");
  EXPECT_EQ(e.listed_on, "2001-01-25");
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[0].full, "MOHAMMAD HASSAN AKHUND");
  ASSERT_EQ(e.names[0].parts.size(), 3u);
  EXPECT_EQ(e.names[0].parts[0].role, NamePartRole::kGiven);
  EXPECT_EQ(e.names[0].parts[0].text, "MOHAMMAD");
  EXPECT_EQ(e.names[0].parts[2].role, NamePartRole::kOther);
  EXPECT_EQ(e.names[0].parts[2].text, "AKHUND");
  EXPECT_EQ(e.names[1].kind, NameKind::kOriginalScript);
  EXPECT_EQ(e.names[1].full, "محمد حسن آخوند");
  EXPECT_EQ(e.titles, (std::vector<std::string>{"Mullah", "Haji"}));
  ASSERT_EQ(e.designations.size(), 4u);
  EXPECT_EQ(e.designations[3], "Political Advisor of Mullah Mohammed Omar");
  ASSERT_EQ(e.nationalities.size(), 1u);
  EXPECT_EQ(e.nationalities[0].country_code, "AF");
  EXPECT_EQ(e.last_updated, (std::vector<std::string>{"2003-09-03", "2005-12-20", "2007-07-09",
                                                      "2007-09-21", "2011-11-29"}));
  ASSERT_EQ(e.dates_of_birth.size(), 2u);
  EXPECT_EQ(e.dates_of_birth[0].kind, DateOfBirth::Kind::kBetween);
  EXPECT_EQ(e.dates_of_birth[0].ToString(), "1955..1958");
  EXPECT_EQ(e.dates_of_birth[0].note, "Approximately");
  EXPECT_EQ(e.dates_of_birth[1].ToString(), "1945..1950");
  ASSERT_EQ(e.places_of_birth.size(), 1u);
  EXPECT_EQ(e.places_of_birth[0].city, "Pashmul village, Panjwai District");
  EXPECT_EQ(e.places_of_birth[0].state, "Kandahar Province");
  EXPECT_EQ(e.places_of_birth[0].country_code, "AF");
  EXPECT_TRUE(e.addresses.empty());
  EXPECT_TRUE(e.documents.empty());
  EXPECT_EQ(e.comments.rfind(
                "A close associate of Mullah Mohammed Omar (TAi.004). Member of Taliban\n", 0),
            0u);
}

TEST_F(UnListTest, FullRecordWithApproximateDateAndArabicName) {
  const Entity& e = Ref("IQi.082");
  EXPECT_EQ(e.id, "un:6908394");
  EXPECT_EQ(e.program, "Iraq");
  ASSERT_EQ(e.names.size(), 6u);
  EXPECT_EQ(e.names[0].full, "OMAR SABAWI IBRAHIM HASAN AL-TIKRITI");
  EXPECT_EQ(e.names[0].parts.size(), 4u);
  EXPECT_EQ(e.names[0].parts[3].text, "HASAN AL-TIKRITI");
  EXPECT_EQ(e.names[1].kind, NameKind::kOriginalScript);
  EXPECT_EQ(e.names[1].full, "عمر سبعاوي إبراهيم حسن التكريتي");
  EXPECT_EQ(e.names[3].full, "Omar Sab’awi Ibrahim Hasan Al-Tikriti");
  EXPECT_EQ(e.names[5].full, "Umar Ahmad Ali Al-Alusi");
  EXPECT_EQ(e.names[5].kind, NameKind::kGoodAlias);
  EXPECT_EQ(e.names[5].note,
            "DPOB: 1970, Baghdad, Iraq, passport no. 2863795S, expires 23 Aug. 2005 (Iraq)");
  ASSERT_EQ(e.dates_of_birth.size(), 1u);
  EXPECT_EQ(e.dates_of_birth[0].kind, DateOfBirth::Kind::kApproximate);
  EXPECT_EQ(e.dates_of_birth[0].ToString(), "circa 1970");
  ASSERT_EQ(e.addresses.size(), 3u);
  EXPECT_EQ(e.addresses[1].street, "Al-Shahid Street");
  EXPECT_EQ(e.addresses[1].city, "Al-Mahata Neighborhood, Az Zabadani");
  EXPECT_EQ(e.addresses[1].state, "Az Zabadani");
  EXPECT_EQ(e.addresses[1].country_code, "SY");
  EXPECT_EQ(e.addresses[2].country_code, "YE");
  EXPECT_TRUE(e.last_updated.empty());  // <VALUE/> only
  EXPECT_TRUE(e.comments.empty());
}

TEST_F(UnListTest, FullRecordWithDocuments) {
  const Entity& e = Ref("QDi.096");
  EXPECT_EQ(e.id, "un:112042");
  EXPECT_EQ(e.names[0].full, "MOUSSA BEN OMAR BEN ALI ESSAADI");
  EXPECT_EQ(e.names[1].full, "موسى بن عمر بن علي السعدي");
  ASSERT_EQ(e.names.size(), 5u);
  for (size_t i = 2; i < 5; ++i) EXPECT_EQ(e.names[i].kind, NameKind::kLowAlias);
  EXPECT_EQ(e.names[2].full, "Dah Dah");
  ASSERT_EQ(e.documents.size(), 1u);
  const model::Document& d = e.documents[0];
  EXPECT_EQ(d.type, "Passport");
  EXPECT_EQ(d.number, "L335915");
  EXPECT_EQ(d.issuing_country, "Tunisia");
  EXPECT_EQ(d.country_code, "TN");
  EXPECT_EQ(d.issue_date, "1996-11-08");
  EXPECT_EQ(d.issue_city, "Milan");
  EXPECT_EQ(d.note, "expired on 7 Nov. 2001; issued in Italy");
  ASSERT_EQ(e.dates_of_birth.size(), 1u);
  EXPECT_EQ(e.dates_of_birth[0].ToString(), "1964-12-04");
  EXPECT_TRUE(e.dates_of_birth[0].from.full());
  EXPECT_EQ(e.places_of_birth[0].city, "Tabarka");
  EXPECT_EQ(e.last_updated.size(), 8u);

  const Entity& r = Ref("QDi.398");  // Russian passport, multi-line note
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].number, "Russian passport number 8208 No. 555627");
  EXPECT_EQ(
      r.documents[0].note,
      "issued by Leninskiy Office, Directorate of the Federal Migration Service of the Russian "
      "Federation for the Republic of Dagestan");
  EXPECT_EQ(r.gender, model::Gender::kMale);
  EXPECT_EQ(r.names[1].full, "Abu Muhammad (original script: Абу Мухаммад)");
  EXPECT_EQ(r.places_of_birth[0].country_code, "RU");

  const Entity& k = Ref("KPi.033");  // number written with a leading space
  ASSERT_EQ(k.documents.size(), 1u);
  EXPECT_EQ(k.documents[0].number, "381310014");
  EXPECT_TRUE(k.documents[0].issuing_country.empty());
  EXPECT_EQ(k.nationalities[0].country_code, "KP");
}

TEST_F(UnListTest, MultipleExactDatesAndUpdates) {
  const Entity& e = Ref("QDi.001");
  EXPECT_EQ(e.names[0].full, "MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE");
  EXPECT_EQ(e.names[1].full, "محمد صلاح الدين عبدالحليم زيدان");
  ASSERT_EQ(e.dates_of_birth.size(), 2u);
  EXPECT_EQ(e.dates_of_birth[0].ToString(), "1963-04-11");
  EXPECT_EQ(e.dates_of_birth[1].ToString(), "1960-04-11");
  EXPECT_EQ(e.places_of_birth[0].state, "Monufia Governate");
  EXPECT_EQ(e.nationalities[0].country_code, "EG");
  EXPECT_EQ(e.last_updated.size(), 6u);
  EXPECT_EQ(e.last_updated.back(), "2022-11-08");
}

TEST_F(UnListTest, QuirksOfTheExport) {
  // A date of birth given only as a note that is a date.
  const Entity& c = Ref("CDi.004");
  ASSERT_EQ(c.dates_of_birth.size(), 1u);
  EXPECT_EQ(c.dates_of_birth[0].from.ToString(), "1973-11");
  EXPECT_EQ(c.dates_of_birth[0].note, "Nov. 1973");
  // LISTED_ON with a time-zone suffix.
  EXPECT_EQ(Ref("QDi.352").listed_on, "2015-04-07");
  // YEAR only under EXACT.
  const Entity& u = Ref("TAi.004");
  ASSERT_EQ(u.dates_of_birth.size(), 3u);
  EXPECT_EQ(u.dates_of_birth[0].ToString(), "circa 1966");
  EXPECT_EQ(u.dates_of_birth[1].kind, DateOfBirth::Kind::kExact);
  EXPECT_EQ(u.dates_of_birth[1].ToString(), "1960");
  EXPECT_EQ(u.places_of_birth[1].street, "Noori village");
  // An empty <INDIVIDUAL_ALIAS> adds no name.
  EXPECT_EQ(Ref("CDi.001").names.size(), 1u);
  // Alias dates and places of birth are kept, noted with the alias.
  bool found = false;
  for (const Entity& e : list_->entities) {
    for (const DateOfBirth& d : e.dates_of_birth) {
      if (d.note == "alias: Lased Ben Heni") {
        found = true;
        EXPECT_EQ(d.ToString(), "1969-02-05");
      }
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(UnListTest, EntityRecord) {
  const Entity& e = Ref("CDe.001");
  EXPECT_EQ(e.id, "un:6908402");
  EXPECT_EQ(e.kind, EntityKind::kOrganization);
  ASSERT_EQ(e.names.size(), 5u);
  EXPECT_EQ(e.names[0].full, "ADF");
  ASSERT_EQ(e.names[0].parts.size(), 1u);
  EXPECT_EQ(e.names[0].parts[0].role, NamePartRole::kWhole);
  EXPECT_EQ(e.names[1].full, "Allied Democratic Forces");
  EXPECT_EQ(e.names[1].kind, NameKind::kGoodAlias);
  EXPECT_EQ(e.names[2].kind, NameKind::kFormerName);
  EXPECT_EQ(e.names[2].full,
            "Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda");
  ASSERT_EQ(e.addresses.size(), 1u);
  EXPECT_EQ(e.addresses[0].state, "North Kivu");
  EXPECT_EQ(e.addresses[0].country_code, "CD");
  EXPECT_EQ(e.last_updated, (std::vector<std::string>{"2016-10-19", "2020-08-19"}));
  EXPECT_TRUE(e.dates_of_birth.empty());
  EXPECT_EQ(e.gender, model::Gender::kUnknown);
}

TEST_F(UnListTest, IdsAreUnique) {
  std::map<std::string, int> seen;
  for (const Entity& e : list_->entities) EXPECT_EQ(++seen[e.id], 1) << e.id;
}

// --- Small hand-written inputs ---------------------------------------------

constexpr char kMinimal[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>JOHN</FIRST_NAME>
      <SECOND_NAME>DOE</SECOND_NAME>
      <LISTED_ON>2020-02-29</LISTED_ON>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Johnny &amp; Doe</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1971-05-03Z</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>X1</NUMBER><COUNTRY_OF_ISSUE>Iraq</COUNTRY_OF_ISSUE></INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>2</DATAID>
      <FIRST_NAME><![CDATA[ACME <Holdings>]]></FIRST_NAME>
      <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>Old Acme</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
)";

TEST(UnXmlTest, ParsesAMinimalList) {
  Result<ParsedList> r = ParseUnXml(kMinimal, "mini.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 2u);
  const Entity& p = r->entities[0];
  EXPECT_EQ(p.id, "un:1");
  EXPECT_EQ(p.names[0].full, "JOHN DOE");
  EXPECT_EQ(p.names[1].full, "Johnny & Doe");
  EXPECT_EQ(p.listed_on, "2020-02-29");
  EXPECT_EQ(p.dates_of_birth[0].ToString(), "1971-05-03");
  ASSERT_EQ(p.documents.size(), 1u);
  EXPECT_EQ(p.documents[0].issuing_country, "Iraq");
  EXPECT_EQ(p.documents[0].country_code, "IQ");
  const Entity& o = r->entities[1];
  EXPECT_EQ(o.kind, EntityKind::kOrganization);
  EXPECT_EQ(o.names[0].full, "ACME <Holdings>");
  EXPECT_EQ(o.names[1].kind, NameKind::kFormerName);
}

TEST(UnXmlTest, EmptyListIsFine) {
  Result<ParsedList> r = ParseUnXml("<CONSOLIDATED_LIST/>", "empty.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->entities.empty());
}

struct ErrorCase {
  const char* name;
  const char* xml;
  const char* want;  // substring of the message
};

TEST(UnXmlTest, ErrorsNameFileLineAndField) {
  const ErrorCase kCases[] = {
      {"bad xml",
       "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<DATAID>1</DATA>\n</INDIVIDUAL>\n",
       "bad.xml, line 4: malformed XML: "},
      // pugixml points at the element left open.
      {"unclosed", "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n", "bad.xml, line 2: malformed XML: "},
      {"empty input", "", "bad.xml, line 1: malformed XML: "},
      {"wrong root", "<?xml version=\"1.0\"?>\n<SDN_LIST/>\n",
       "bad.xml, line 2: root element is <SDN_LIST>, expected <CONSOLIDATED_LIST>"},
      {"missing DATAID",
       "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><DATAID>1</DATAID></INDIVIDUAL>\n"
       "<INDIVIDUAL>\n<FIRST_NAME>X</FIRST_NAME>\n</INDIVIDUAL>\n</INDIVIDUALS>\n</"
       "CONSOLIDATED_LIST>\n",
       "bad.xml, line 4: <INDIVIDUAL> without DATAID"},
      {"entity missing DATAID",
       "<CONSOLIDATED_LIST>\n<ENTITIES>\n\n<ENTITY><DATAID>  "
       "</DATAID></ENTITY>\n</ENTITIES>\n</CONSOLIDATED_LIST>\n",
       "bad.xml, line 4: <ENTITY> without DATAID"},
      {"duplicate DATAID",
       "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><DATAID>7</DATAID></INDIVIDUAL>\n</"
       "INDIVIDUALS>\n"
       "<ENTITIES>\n<ENTITY><DATAID>7</DATAID></ENTITY>\n</ENTITIES>\n</CONSOLIDATED_LIST>\n",
       "bad.xml, line 6: <ENTITY> with DATAID 7 already used on line 3"},
      {"bad DATE",
       "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<DATAID>5</"
       "DATAID>\n<INDIVIDUAL_DATE_OF_BIRTH>\n"
       "<TYPE_OF_DATE>EXACT</TYPE_OF_DATE>\n<DATE>1971-02-30</DATE>\n</INDIVIDUAL_DATE_OF_BIRTH>\n"
       "</INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n",
       "bad.xml, line 7: field DATE in <INDIVIDUAL_DATE_OF_BIRTH> of record 5: invalid date "
       "\"1971-02-30\""},
      {"bad YEAR",
       "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>5</DATAID>\n<INDIVIDUAL_DATE_OF_BIRTH>"
       "<TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE>\n\n<YEAR>19x1</YEAR></INDIVIDUAL_DATE_OF_BIRTH>"
       "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>",
       "bad.xml, line 4: field YEAR in <INDIVIDUAL_DATE_OF_BIRTH> of record 5: invalid date "
       "\"19x1\""},
      {"bad LISTED_ON",
       "<CONSOLIDATED_LIST>\n<ENTITIES>\n<ENTITY>\n<DATAID>9</DATAID>\n<LISTED_ON>2001-13-01</"
       "LISTED_ON>\n"
       "</ENTITY>\n</ENTITIES>\n</CONSOLIDATED_LIST>\n",
       "bad.xml, line 5: field LISTED_ON in <ENTITY> of record 9: invalid date \"2001-13-01\""},
      {"bad LAST_DAY_UPDATED",
       "<CONSOLIDATED_LIST>\n<ENTITIES>\n<ENTITY>\n<DATAID>9</DATAID>\n<LAST_DAY_UPDATED>\n"
       "<VALUE>2001-01-01</VALUE>\n<VALUE>yesterday</VALUE>\n</LAST_DAY_UPDATED>\n</ENTITY>\n</"
       "ENTITIES>\n"
       "</CONSOLIDATED_LIST>\n",
       "bad.xml, line 7: field VALUE in <LAST_DAY_UPDATED> of record 9: invalid date "
       "\"yesterday\""},
      {"bad alias DATE_OF_BIRTH",
       "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<DATAID>3</DATAID>\n<INDIVIDUAL_ALIAS>\n"
       "<QUALITY>Good</QUALITY><ALIAS_NAME>A</ALIAS_NAME>\n<DATE_OF_BIRTH>1969-02-31</"
       "DATE_OF_BIRTH>\n"
       "</INDIVIDUAL_ALIAS>\n</INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n",
       "bad.xml, line 7: field DATE_OF_BIRTH in <INDIVIDUAL_ALIAS> of record 3: invalid date "
       "\"1969-02-31\""},
      {"bad DATE_OF_ISSUE",
       "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<DATAID>3</"
       "DATAID>\n<INDIVIDUAL_DOCUMENT>\n"
       "<NUMBER>1</NUMBER>\n<DATE_OF_ISSUE>2005-00-01</DATE_OF_ISSUE>\n</INDIVIDUAL_DOCUMENT>\n"
       "</INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n",
       "bad.xml, line 7: field DATE_OF_ISSUE in <INDIVIDUAL_DOCUMENT> of record 3: invalid date"},
      {"unknown TYPE_OF_DATE",
       "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<DATAID>3</"
       "DATAID>\n<INDIVIDUAL_DATE_OF_BIRTH>\n"
       "<TYPE_OF_DATE>AROUND</TYPE_OF_DATE>\n<YEAR>1970</YEAR>\n</INDIVIDUAL_DATE_OF_BIRTH>\n"
       "</INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n",
       "bad.xml, line 6: field TYPE_OF_DATE in <INDIVIDUAL_DATE_OF_BIRTH> of record 3: unknown "
       "type of date "
       "\"AROUND\""},
      {"reversed range",
       "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<DATAID>3</"
       "DATAID>\n<INDIVIDUAL_DATE_OF_BIRTH>\n"
       "<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE>\n<FROM_YEAR>1970</FROM_YEAR>\n<TO_YEAR>1960</"
       "TO_YEAR>\n"
       "</INDIVIDUAL_DATE_OF_BIRTH>\n</INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n",
       "bad.xml, line 8: field TO_YEAR in <INDIVIDUAL_DATE_OF_BIRTH> of record 3: range ends "
       "(1960) before "
       "it starts (1970)"},
      {"unknown QUALITY",
       "<CONSOLIDATED_LIST>\n<ENTITIES>\n<ENTITY>\n<DATAID>4</DATAID>\n<ENTITY_ALIAS>\n"
       "<QUALITY>Medium</QUALITY>\n<ALIAS_NAME>B</ALIAS_NAME>\n</ENTITY_ALIAS>\n</ENTITY>\n</"
       "ENTITIES>\n"
       "</CONSOLIDATED_LIST>\n",
       "bad.xml, line 6: field QUALITY in <ENTITY_ALIAS> of record 4: unknown alias quality "
       "\"Medium\""},
  };
  for (const ErrorCase& c : kCases) {
    SCOPED_TRACE(c.name);
    Result<ParsedList> r = ParseUnXml(c.xml, "bad.xml");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
    EXPECT_NE(r.status().message().find(c.want), std::string::npos) << r.status().message();
  }
}

TEST(UnXmlTest, LineNumbersCountCrLfLines) {
  const std::string xml =
      "<CONSOLIDATED_LIST>\r\n<INDIVIDUALS>\r\n<INDIVIDUAL>\r\n<DATAID>5</DATAID>\r\n"
      "<LISTED_ON>1999-02-29</LISTED_ON>\r\n</INDIVIDUAL>\r\n</INDIVIDUALS>\r\n</"
      "CONSOLIDATED_LIST>\r\n";
  Result<ParsedList> r = ParseUnXml(xml, "crlf.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("crlf.xml, line 5: field LISTED_ON"), std::string::npos)
      << r.status().message();
}

TEST(UnXmlTest, CrLfFilesKeepPlainLineBreaksInComments) {
  const std::string xml =
      "<CONSOLIDATED_LIST>\r\n<ENTITIES>\r\n<ENTITY>\r\n<DATAID>5</DATAID>\r\n"
      "<FIRST_NAME>A\r\n B</FIRST_NAME>\r\n<COMMENTS1>one\r\ntwo\r\n</COMMENTS1>\r\n"
      "</ENTITY>\r\n</ENTITIES>\r\n</CONSOLIDATED_LIST>\r\n";
  Result<ParsedList> r = ParseUnXml(xml, "crlf.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities[0].comments, "one\ntwo");
  EXPECT_EQ(r->entities[0].names[0].full, "A B");
}

TEST(UnXmlTest, ErrorInTheRealFileNamesItsLine) {
  // Break one date deep in the vendored file: the message must name the
  // line grep finds it on.
  std::string xml = ReadFile(kUnFile);
  const std::string needle = "<LISTED_ON>2015-04-07-04:00</LISTED_ON>";
  size_t at = xml.find(needle);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, needle.size(), "<LISTED_ON>2015-04-31</LISTED_ON>");
  const size_t line =
      static_cast<size_t>(std::count(xml.begin(), xml.begin() + static_cast<ptrdiff_t>(at), '\n')) +
      1;
  Result<ParsedList> r = ParseUnXml(xml, "un.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("un.xml, line " + std::to_string(line) + ": field LISTED_ON"),
            std::string::npos)
      << r.status().message();
}

TEST(UnXmlTest, NeverCrashesOnTruncatedOrMangledInput) {
  // Every prefix of a valid document, and the document with each byte
  // replaced, must give a result or an error, never a crash.
  const std::string xml = kMinimal;
  for (size_t n = 0; n <= xml.size(); ++n) {
    Result<ParsedList> r = ParseUnXml(std::string_view(xml).substr(0, n), "cut.xml");
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
    }
  }
  for (size_t i = 0; i < xml.size(); ++i) {
    for (char c : {'\0', '<', '>', '&', '"', '\xff', 'x'}) {
      std::string m = xml;
      m[i] = c;
      Result<ParsedList> r = ParseUnXml(m, "mangled.xml");
      if (!r.ok()) {
        EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
      }
    }
  }
}

}  // namespace
}  // namespace hudud::lists
