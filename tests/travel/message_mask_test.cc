// Pins travel/message_mask.cc: a depersonalised PAXLST or PNRGOV message
// holds none of the fixture's names (Arabic, Cyrillic, Latin), card
// numbers, document numbers, phones, e-mail addresses or free text, still
// parses into the same flights, bookings and travellers, and gives every
// targeting-rule field the same value except the booking locator and a
// private e-mail domain; the pseudonyms are stable within a message.
#include "travel/message_mask.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include "travel/paxlst.h"
#include "travel/pnrgov.h"
#include "travel/rules.h"

namespace hudud::travel {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Fixture(const std::string& name) {
  return ReadFile(std::string(HUDUD_TESTDATA_DIR) + "/travel/" + name);
}

std::string Masked(const std::string& bytes) {
  Result<MaskedMessage> m = MaskPassengerMessage(bytes);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return m.ok() ? m->bytes : std::string();
}

bool IsPnrgov(const std::string& bytes) { return bytes.find("PNRGOV") != std::string::npos; }

std::vector<Manifest> ParseAll(const std::string& bytes) {
  if (IsPnrgov(bytes)) {
    Result<Manifest> m = ParsePnrgov(bytes);
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return m.ok() ? std::vector<Manifest>{*m} : std::vector<Manifest>{};
  }
  Result<std::vector<Manifest>> m = ParsePaxlstFlights(bytes);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return m.ok() ? *m : std::vector<Manifest>{};
}

std::vector<std::string> AllFixtures() {
  std::vector<std::string> out;
  for (const char* dir : {"paxlst", "pnrgov", "retention", "cli"}) {
    for (const auto& e :
         std::filesystem::directory_iterator(std::string(HUDUD_TESTDATA_DIR) + "/travel/" + dir)) {
      if (e.path().extension() == ".edi")
        out.push_back(std::string(dir) + "/" + e.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

const std::regex& PseudonymWord() {
  static const std::regex kWord("X[A-Z]+");
  return kWord;
}

// Every word of a masked name is a pseudonym (or a title the reader kept).
void ExpectPseudonymName(const PersonName& n, const std::string& where) {
  auto check = [&](const std::string& word) {
    EXPECT_TRUE(std::regex_match(word, PseudonymWord())) << where << ": '" << word << "'";
  };
  std::string all = n.surname;
  for (const std::string& g : n.given) all += " " + g;
  std::string w;
  for (char c : all + " ") {
    if (c == ' ') {
      if (!w.empty()) check(w);
      w.clear();
    } else {
      w += c;
    }
  }
}

TEST(MessageMaskTest, PseudonymsCountInLetters) {
  EXPECT_EQ(MaskPseudonym(0), "XA");
  EXPECT_EQ(MaskPseudonym(25), "XZ");
  EXPECT_EQ(MaskPseudonym(26), "XAA");
  EXPECT_EQ(MaskPseudonym(27), "XAB");
  EXPECT_EQ(MaskPseudonym(26 + 26 * 26), "XAAA");
}

TEST(MessageMaskTest, NoOriginalValueLeftInThePaxlst) {
  const std::string original = Fixture("retention/paxlst-unow-names.edi");
  ASSERT_FALSE(original.empty());
  const std::string masked = Masked(original);
  for (const char* value :
       {"الهاشمي",    "أحمد",       "عبد الله",    "الله",         "شارع الخليج", "مدينة الكويت",
        "الجهراء",    "РАХИМОВ",    "ДИЛШОД",      "КАРИМОВИЧ",    "ПРОСПЕКТ",    "ДУШАНБЕ",
        "CONNOR",     "SIOBHAN",    "QUAY STREET", "GALWAY",       "H91",         "K01234567",
        "401234567",  "PA9876543",  "96550012345", "992935551234", "965 1234567", "AHMED",
        "HASHIMI",    "EXAMPLE-KW", "RAHIMOV",     "QZ7K2M",       "XX777000001", "KTN4455667",
        "TRAVELLING", "BROTHER",    "JAHRA",       "XX778899",     "734025",      "13001",
        "SIOCHAIN",   "AIR OPS"}) {
    EXPECT_EQ(masked.find(value), std::string::npos) << "'" << value << "' left in:\n" << masked;
  }
  // What is kept: codes, dates, the flight, a public mail domain.
  for (const char* kept : {"XX777", "DYU", "KWI", "2501051200", "740712", "850317", "TJK", "KWT",
                           "CR2", "CNT+42:2", "MAIL.RU", "TE", "EM", "RFF+TN:XX7770105"}) {
    EXPECT_NE(masked.find(kept), std::string::npos) << kept << " lost:\n" << masked;
  }
}

TEST(MessageMaskTest, NoOriginalValueLeftInThePnrgov) {
  const std::string original = Fixture("retention/pnrgov-cards-names.edi");
  ASSERT_FALSE(original.empty());
  const std::string masked = Masked(original);
  for (const char* value : {"الصباح",
                            "فاطمة",
                            "ИВАНОВА",
                            "ИРИНА",
                            "FATIMA",
                            "ALSABAH",
                            "P77123456",
                            "751234567",
                            "4111111111111111",
                            "5500005555555559",
                            "1227",
                            "0328",
                            "96599887766",
                            "96522334455",
                            "221B",
                            "BAKER",
                            "NW16XE",
                            "LONDON",
                            "VGB123456",
                            "KUWAIT CITY",
                            "289031234567",
                            "7788990011",
                            "5512349876",
                            "2292230534212",
                            "2292230534213",
                            "W9TQ7Z",
                            "KHALID",
                            "UNCLE",
                            "ARRIVALS",
                            "NO PORK",
                            "KNEE",
                            "SURGERY",
                            "KSML",
                            "WCHR",
                            "BLOCK 5",
                            "SALMIYA",
                            "22001",
                            "001C451486AAA001",
                            "NM1ALSABAH"}) {
    EXPECT_EQ(masked.find(value), std::string::npos) << "'" << value << "' left in:\n" << masked;
  }
  for (const char* kept :
       {"TVL+060125:1430:060125:2205+KWI+LHR+KU+101", "GMAIL.COM", "CTCE", "CTCM", "DOCS",
        "FOP+CC::320.000:VI:", "11D", "03MAR90", "XXML", "MEDA", "MON+T:320.000:KWD"}) {
    EXPECT_NE(masked.find(kept), std::string::npos) << kept << " lost:\n" << masked;
  }
}

TEST(MessageMaskTest, MaskedPnrgovReadsTheSameBookingsWithoutNames) {
  const std::string original = Fixture("retention/pnrgov-cards-names.edi");
  const std::vector<Manifest> before = ParseAll(original);
  const std::vector<Manifest> after = ParseAll(Masked(original));
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(after.size(), 1u);
  const Manifest& m = after[0];
  ASSERT_EQ(m.travellers.size(), 2u);
  EXPECT_EQ(m.sensitive_deleted, before[0].sensitive_deleted);
  EXPECT_EQ(m.sensitive_deleted, 2);
  const Traveller& t = m.travellers[0];
  ExpectPseudonymName(t.name, "TIF 1");
  EXPECT_EQ(t.name.title, "MRS");
  ASSERT_EQ(t.documents.size(), before[0].travellers[0].documents.size());
  EXPECT_EQ(t.documents[0].type, "P");
  EXPECT_EQ(t.documents[0].issuing_country, "KWT");
  EXPECT_TRUE(std::regex_match(t.documents[0].number, PseudonymWord())) << t.documents[0].number;
  // The DOCS name is the TIF name's pseudonym: still tied to its traveller.
  EXPECT_EQ(t.documents[0].holder.surname, t.name.surname);
  EXPECT_EQ(t.birth_date.raw, before[0].travellers[0].birth_date.raw);
  ASSERT_EQ(t.payments.size(), 1u);
  EXPECT_EQ(t.payments[0].type, "CC");
  EXPECT_EQ(t.payments[0].card_vendor, "VI");
  EXPECT_TRUE(std::regex_match(t.payments[0].account, PseudonymWord()));
  EXPECT_TRUE(std::regex_match(t.payments[0].payer, PseudonymWord())) << t.payments[0].payer;
  for (const Contact& c : m.bookings[0].contacts) {
    if (c.kind == "email") {
      EXPECT_TRUE(std::regex_match(c.value, std::regex("X[A-Z]+@GMAIL\\.COM"))) << c.value;
    }
  }
}

// Every fixture: the same structure, and every rule field but two has the
// same value for every traveller.
TEST(MessageMaskTest, EveryFixtureParsesAlikeAndKeepsItsRuleFields) {
  std::vector<std::pair<std::string, RuleExpression>> fields;
  for (const FieldInfo& f : RuleFields()) {
    if (f.name == "booking.locator" || f.name == "contact.email_domain") continue;
    Result<RuleExpression> r = RuleExpression::Parse("exists " + std::string(f.name));
    ASSERT_TRUE(r.ok()) << f.name << ": " << r.status().ToString();
    fields.emplace_back(std::string(f.name), *r);
  }
  const std::vector<std::string> fixtures = AllFixtures();
  ASSERT_GE(fixtures.size(), 20u);
  RuleContext ctx;
  ctx.today = model::PartialDate{2025, 1, 1};
  for (const std::string& name : fixtures) {
    SCOPED_TRACE(name);
    const std::string original = Fixture(name);
    Result<MaskedMessage> masked = MaskPassengerMessage(original);
    ASSERT_TRUE(masked.ok()) << masked.status().ToString();
    EXPECT_EQ(Masked(original), masked->bytes) << "not deterministic";
    const std::vector<Manifest> before = ParseAll(original);
    const std::vector<Manifest> after = ParseAll(masked->bytes);
    ASSERT_EQ(before.size(), after.size());
    for (size_t f = 0; f < before.size(); ++f) {
      const Manifest& a = before[f];
      const Manifest& b = after[f];
      ASSERT_EQ(a.flights.size(), b.flights.size());
      for (size_t l = 0; l < a.flights.size(); ++l) {
        EXPECT_EQ(a.flights[l].Id(), b.flights[l].Id());
        EXPECT_EQ(a.flights[l].origin, b.flights[l].origin);
        EXPECT_EQ(a.flights[l].destination, b.flights[l].destination);
        EXPECT_EQ(a.flights[l].departure.raw, b.flights[l].departure.raw);
      }
      EXPECT_EQ(a.bookings.size(), b.bookings.size());
      EXPECT_EQ(a.declared_passengers, b.declared_passengers);
      EXPECT_EQ(a.sensitive_deleted, b.sensitive_deleted);
      ASSERT_EQ(a.travellers.size(), b.travellers.size());
      for (size_t t = 0; t < a.travellers.size(); ++t) {
        const Traveller& x = a.travellers[t];
        const Traveller& y = b.travellers[t];
        SCOPED_TRACE("traveller " + std::to_string(t));
        EXPECT_EQ(x.role, y.role);
        EXPECT_EQ(x.gender_raw, y.gender_raw);
        EXPECT_EQ(x.birth_date.raw, y.birth_date.raw);
        EXPECT_EQ(x.nationality, y.nationality);
        EXPECT_EQ(x.documents.size(), y.documents.size());
        EXPECT_EQ(x.contacts.size(), y.contacts.size());
        EXPECT_EQ(x.payments.size(), y.payments.size());
        EXPECT_EQ(x.bags, y.bags);
        EXPECT_EQ(x.seat, y.seat);
        EXPECT_EQ(x.checked_in, y.checked_in);
        EXPECT_EQ(x.services, y.services);
        EXPECT_EQ(x.booking, y.booking);
        if (!x.name.surname.empty()) {
          EXPECT_NE(x.name.surname, y.name.surname);
        }
        ExpectPseudonymName(y.name, name);
        for (size_t d = 0; d < std::min(x.documents.size(), y.documents.size()); ++d) {
          if (!x.documents[d].number.empty()) {
            EXPECT_NE(x.documents[d].number, y.documents[d].number);
          }
        }
        for (const auto& [field, rule] : fields) {
          const RuleMatch rx = rule.Evaluate(a, t, ctx);
          const RuleMatch ry = rule.Evaluate(b, t, ctx);
          ASSERT_EQ(rx.conditions.size(), 1u);
          EXPECT_EQ(rx.hit, ry.hit) << field;
          EXPECT_EQ(rx.conditions[0].value, ry.conditions[0].value) << field;
        }
      }
    }
  }
}

TEST(MessageMaskTest, UnreadableInputIsRefused) {
  EXPECT_FALSE(MaskPassengerMessage("").ok());
  EXPECT_FALSE(MaskPassengerMessage("no edifact here at all").ok());
}

TEST(MessageMaskTest, ServiceCharactersInPseudonymisedValuesStayReleased) {
  // O'CONNOR is released in the input; after masking no value holds an
  // unreleased separator, so the segment count is unchanged.
  const std::string original = Fixture("paxlst/una-star-hash.edi");
  Result<MaskedMessage> m = MaskPassengerMessage(original);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->bytes.find("NEIL"), std::string::npos) << m->bytes;
  const std::vector<Manifest> after = ParseAll(m->bytes);
  ASSERT_EQ(after.size(), 1u);
  for (const Finding& w : after[0].warnings) {
    EXPECT_EQ(w.message.find("UNT"), std::string::npos) << w.message;
  }
}

}  // namespace
}  // namespace hudud::travel
