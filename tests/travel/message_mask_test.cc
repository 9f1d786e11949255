// Pins travel/message_mask.cc: a depersonalised PAXLST or PNRGOV message
// holds none of the fixture's names (Arabic, Cyrillic, Latin), card
// numbers, document numbers, phones, e-mail addresses or free text, still
// parses into the same flights, bookings and travellers, and gives every
// targeting-rule field the same value except the booking locator and a
// private e-mail domain; the pseudonyms are stable within a message. The
// sensitive requests removed on receipt: only they change, in place, and
// every fixture reads the same after.
#include "travel/message_mask.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include "travel/edifact.h"
#include "travel/paxlst.h"
#include "travel/pnrgov.h"
#include "travel/rules.h"
#include "travel/ssr.h"

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

// ---------------------------------------------------------------------------
// RemoveSensitiveRequests: the meal and medical SSRs deleted on receipt.

std::string Removed(const std::string& bytes) {
  Result<SensitiveRequestsRemoved> r = RemoveSensitiveRequests(bytes);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r->bytes : std::string();
}

std::string Text(const DateTime& d) { return d.raw + "@" + std::to_string(d.minutes); }

std::string Text(const PersonName& n) {
  std::string out = n.surname + "/";
  for (const std::string& g : n.given) out += g + " ";
  return out + "(" + n.title + ")";
}

std::string Text(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += "  finding " + std::to_string(f.segment) + " " + f.field + ": " + f.message + "\n";
  }
  return out;
}

std::string Text(const FlightLeg& l) {
  return l.Id() + " " + l.operating_carrier + l.operating_number + " " + l.origin + "-" +
         l.destination + " " + Text(l.departure) + " " + Text(l.arrival) + " " + l.booking_class +
         " " + l.status + " #" + std::to_string(l.segment);
}

std::string Text(const std::vector<Contact>& contacts, const std::vector<Address>& addresses,
                 const std::vector<Payment>& payments) {
  std::string out;
  for (const Contact& c : contacts) out += "  contact " + c.kind + " " + c.value + "\n";
  for (const Address& a : addresses) {
    out += "  address " + a.kind + " " + a.street + "|" + a.city + "|" + a.region + "|" +
           a.postcode + "|" + a.country + "\n";
  }
  for (const Payment& p : payments) {
    out += "  payment " + p.type + " " + p.card_vendor + " " + p.account + " " + p.card_expiry +
           " " + p.amount + " " + p.payer + "\n";
  }
  return out;
}

// Everything a reader made of a message, as text, to compare two readings.
std::string Text(const Manifest& m) {
  std::string out = std::string(ToString(m.format)) + " " + m.sender + ">" + m.recipient + " " +
                    m.interchange_reference + " " + m.message_reference + " " + m.version +
                    " parts " + std::to_string(m.parts) + (m.complete ? " complete" : "") +
                    " sensitive " + std::to_string(m.sensitive_deleted) + "\n";
  for (const FlightLeg& l : m.flights) out += "flight " + Text(l) + "\n";
  for (const Booking& b : m.bookings) {
    out += "booking " + b.locator + " " + Text(b.created) + " " + b.agency + "\n";
    for (const FlightLeg& l : b.itinerary) out += "  leg " + Text(l) + "\n";
    for (size_t t : b.travellers) out += "  traveller " + std::to_string(t) + "\n";
    out += Text(b.contacts, b.addresses, b.payments);
  }
  for (const Traveller& t : m.travellers) {
    out += "traveller " + std::string(ToString(t.role)) + " " + Text(t.name) + " " +
           t.passenger_type + " " + t.gender_raw + " " + Text(t.birth_date) + " " + t.nationality +
           " seat " + t.seat + " bags " + std::to_string(t.bags) + " ff " + t.frequent_flyer +
           " booking " + std::to_string(t.booking) + " ref " + t.traveller_ref + "\n";
    for (const TravelDocument& d : t.documents) {
      out += "  document " + d.type + " " + d.number + " " + d.issuing_country + " " +
             Text(d.expiry) + " " + Text(d.holder) + "\n";
    }
    out += Text(t.contacts, t.addresses, t.payments);
    for (const std::string& s : t.services) out += "  service " + s + "\n";
    for (const std::string& s : t.tickets) out += "  ticket " + s + "\n";
    for (const std::string& s : t.bag_tags) out += "  bag tag " + s + "\n";
    out += Text(t.findings);
  }
  return out + Text(m.warnings);
}

std::string Text(const std::vector<Manifest>& all) {
  std::string out;
  for (const Manifest& m : all) out += Text(m) + "----\n";
  return out;
}

TEST(SensitiveRequestsTest, MealAndMedicalRequestsGoTheRestStaysByteForByte) {
  const std::string original = Fixture("retention/pnrgov-meal-medical.edi");
  ASSERT_FALSE(original.empty());
  Result<SensitiveRequestsRemoved> r = RemoveSensitiveRequests(original);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->interchanges, 1);
  EXPECT_EQ(r->requests, 3);
  EXPECT_EQ(r->texts_masked, 3);
  EXPECT_EQ(r->rewritten, 0);
  // Exactly the three requests changed, in place; their status, carrier,
  // cities and traveller reference kept.
  std::string expected = original;
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"SSR+MOML:HK:1:KU:::KWI:CDG:HALAL ONLY?: NO ALCOHOL IN ANY DISH'",
            "SSR+XXML:HK:1:KU:::KWI:CDG:XA'"},
           {"SSR+MEDA:HK:1:KU:::KWI:CDG:TYPE 1 DIABETIC CARRIES INSULIN PEN'",
            "SSR+MEDA:HK:1:KU:::KWI:CDG:XB'"},
           {"SSR+WCHC:HK:1:KU:::KWI:CDG:PARAPLEGIC NEEDS AISLE CHAIR AT GATE AND LIFT\n TO "
            "SEAT+::2'",
            "SSR+MEDA:HK:1:KU:::KWI:CDG:XC+::2'"}}) {
    const size_t at = expected.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    expected.replace(at, from.size(), to);
  }
  EXPECT_EQ(r->bytes, expected);
  for (const char* gone :
       {"MOML", "WCHC", "HALAL", "ALCOHOL", "DIABETIC", "INSULIN", "PARAPLEGIC", "AISLE", "LIFT"}) {
    EXPECT_EQ(r->bytes.find(gone), std::string::npos) << gone;
  }
  // The same travellers, the same count of deleted requests, the same
  // findings: the reader deleted them anyway.
  const std::vector<Manifest> before = ParseAll(original);
  const std::vector<Manifest> after = ParseAll(r->bytes);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].sensitive_deleted, 3);
  EXPECT_EQ(Text(after), Text(before));
  // Applied again, nothing changes.
  EXPECT_EQ(Removed(r->bytes), r->bytes);
}

TEST(SensitiveRequestsTest, EveryFixtureReadsTheSameAndOnlyItsRequestsChange) {
  int with_requests = 0;
  for (const std::string& name : AllFixtures()) {
    SCOPED_TRACE(name);
    const std::string original = Fixture(name);
    Result<SensitiveRequestsRemoved> r = RemoveSensitiveRequests(original);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->rewritten, 0) << "not changed in place";
    if (r->requests == 0) {
      EXPECT_EQ(r->bytes, original);
      continue;
    }
    ++with_requests;
    EXPECT_EQ(Text(ParseAll(r->bytes)), Text(ParseAll(original)));
    EXPECT_EQ(Removed(r->bytes), r->bytes);
    // No sensitive code is left but the two neutral ones.
    Result<EdifactInterchange> ic = ParseEdifact(r->bytes);
    ASSERT_TRUE(ic.ok());
    int neutral = 0;
    for (const EdifactSegment& s : ic->segments) {
      if (s.tag != "SSR" || !IsSensitiveSsrCode(s.at(1, 0))) continue;
      EXPECT_TRUE(s.at(1, 0) == "XXML" || s.at(1, 0) == "MEDA") << s.ToString();
      EXPECT_TRUE(s.at(1, 8).empty() || std::regex_match(s.at(1, 8), PseudonymWord()))
          << s.ToString();
      ++neutral;
    }
    EXPECT_EQ(neutral, r->requests);
  }
  EXPECT_GE(with_requests, 3);  // sensitive_v11_1, pnrgov-cards-names, pnrgov-meal-medical
}

TEST(SensitiveRequestsTest, SegmentsEndedByLineBreaksAndSplitInterchanges) {
  // The sensitive fixture without its UNA and its terminators: one segment a
  // line, as some gateways send it; twice, as two interchanges with a
  // transport header and footer around each.
  std::string lines;
  const std::string original = Fixture("pnrgov/sensitive_v11_1.edi");
  for (size_t start = original.find('\n') + 1; start < original.size();) {
    const size_t end = original.find('\n', start);
    std::string line = original.substr(start, end - start);
    if (!line.empty() && line.back() == '\'') line.pop_back();
    lines += line + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  const std::string two = "ZCZC 0421\n" + lines + "NNNN\nZCZC 0422\n" + lines + "NNNN\n";
  ASSERT_TRUE(ParsePnrgov(two).ok());
  Result<SensitiveRequestsRemoved> r = RemoveSensitiveRequests(two);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->interchanges, 2);
  EXPECT_EQ(r->requests, 12);
  EXPECT_EQ(r->rewritten, 0);
  EXPECT_EQ(r->bytes.find("CLEARANCE"), std::string::npos) << r->bytes;
  EXPECT_EQ(r->bytes.find("MOML"), std::string::npos) << r->bytes;
  EXPECT_EQ(r->bytes.rfind("ZCZC 0421\n", 0), 0u) << r->bytes;
  EXPECT_NE(r->bytes.find("NNNN\nZCZC 0422\n"), std::string::npos) << r->bytes;
  EXPECT_EQ(r->bytes.substr(r->bytes.size() - 5), "NNNN\n");
  EXPECT_EQ(Text(ParseAll(r->bytes)), Text(ParseAll(two)));
  // Only the request lines differ.
  const std::string& out = r->bytes;
  size_t a = 0, b = 0;
  int changed = 0;
  while (a < two.size() && b < out.size()) {
    const size_t ea = two.find('\n', a), eb = out.find('\n', b);
    const std::string la = two.substr(a, ea - a), lb = out.substr(b, eb - b);
    if (la != lb) {
      ++changed;
      EXPECT_EQ(la.rfind("SSR+", 0), 0u) << la;
      EXPECT_TRUE(IsSensitiveSsrCode(la.substr(4, 4))) << la;
    }
    a = ea + 1;
    b = eb + 1;
  }
  EXPECT_EQ(changed, 12);  // MEDA (its text), MOML, VGML, WCHR, KSML, AVML, twice
}

TEST(SensitiveRequestsTest, WrittenAgainWholeWhenTheChangeWouldNotReadBack) {
  // Trailing spaces in the free text of a request on a line without a
  // terminator: the in-place change cannot tell them from layout, so the
  // interchange is written again, one segment a line, with only the
  // requests changed.
  const std::string message =
      "UNB+IATA:1+1A+DEPIU+250702:1800+0004410++PNRGOV\n"
      "UNH+1+PNRGOV:11:1:IA+030725/0615/LH/631+01:F\n"
      "MSG+:22\n"
      "ORG+1A:MUC\n"
      "TVL+030725:0615:030725:1240+FRA+KWI+LH+631\n"
      "EQN+1\n"
      "SRC\n"
      "RCI+LH:S3NS1T::010625:1000\n"
      "TIF+OMAROV:I+RUSTAM MR:A:1\n"
      "SSR+DOCS:HK:1:LH:::FRA:KWI:/P/RUS/720123456/RUS/11NOV66/M/10NOV29/OMAROV/RUSTAM\n"
      "SSR+MOML:HK:1:LH:::FRA:KWI:NO PORK   \n"
      "UNT+10+1\n"
      "UNZ+1+0004410\n";
  Result<Manifest> before = ParsePnrgov(message);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  Result<SensitiveRequestsRemoved> r = RemoveSensitiveRequests(message);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->requests, 1);
  EXPECT_EQ(r->rewritten, 1);
  EXPECT_EQ(r->bytes.find("NO PORK"), std::string::npos) << r->bytes;
  EXPECT_EQ(r->bytes.find("MOML"), std::string::npos) << r->bytes;
  EXPECT_NE(r->bytes.find("SSR+XXML:HK:1:LH:::FRA:KWI:XA'\n"), std::string::npos) << r->bytes;
  Result<Manifest> after = ParsePnrgov(r->bytes);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(after->sensitive_deleted, 1);
  ASSERT_EQ(after->travellers.size(), 1u);
  EXPECT_EQ(Text(after->travellers[0].name), Text(before->travellers[0].name));
  ASSERT_EQ(after->travellers[0].documents.size(), 1u);
  EXPECT_EQ(after->travellers[0].documents[0].number, "720123456");
}

TEST(SensitiveRequestsTest, UnreadableInputIsRefused) {
  EXPECT_FALSE(RemoveSensitiveRequests("").ok());
  EXPECT_FALSE(RemoveSensitiveRequests("no edifact here at all").ok());
}

}  // namespace
}  // namespace hudud::travel
