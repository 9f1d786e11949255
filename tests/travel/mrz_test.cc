// Pins travel/mrz.h and travel/icao_codes.h: the ICAO Doc 9303 specimens
// literally, every format built with correct check digits, each check digit
// failing alone, document-number overflow, names, partial and century-less
// dates, special state codes, OCR look-alikes and input errors.
#include "travel/mrz.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "travel/icao_codes.h"

namespace hudud::travel {
namespace {

using model::PartialDate;

const PartialDate kToday{2026, 1, 15};

// Appends the check digit of `field` to it.
std::string WithCd(const std::string& field) { return field + MrzCheckDigit(field); }

// Pads `s` with fillers to `width`.
std::string Pad(std::string s, size_t width) {
  s.resize(width, '<');
  return s;
}

// A TD3 line 2 with every check digit right. `opt` is 14 characters or fewer.
std::string Td3Line2(const std::string& doc, const std::string& nat, const std::string& dob,
                     char sex, const std::string& exp, const std::string& opt) {
  std::string l =
      WithCd(Pad(doc, 9)) + Pad(nat, 3) + WithCd(dob) + sex + WithCd(exp) + WithCd(Pad(opt, 14));
  return l + MrzCheckDigit(l.substr(0, 10) + l.substr(13, 7) + l.substr(21, 22));
}

// A TD2 line 2 (36) with the composite. `doc_with_cd` is positions 1-10 (a
// document number and its check digit, or the first 9 characters and '<' for
// an overflow); `opt` is 7 characters or fewer.
std::string Td2Line2(const std::string& doc_with_cd, const std::string& nat, const std::string& dob,
                     char sex, const std::string& exp, const std::string& opt) {
  std::string l = doc_with_cd + Pad(nat, 3) + WithCd(dob) + sex + WithCd(exp) + Pad(opt, 7);
  return l + MrzCheckDigit(l.substr(0, 10) + l.substr(13, 7) + l.substr(21, 14));
}

// TD1 line 2 given line 1 (for the composite).
std::string Td1Line2(const std::string& line1, const std::string& dob, char sex,
                     const std::string& exp, const std::string& nat, const std::string& opt2) {
  std::string l = WithCd(dob) + sex + WithCd(exp) + Pad(nat, 3) + Pad(opt2, 11);
  return l +
         MrzCheckDigit(line1.substr(5, 25) + l.substr(0, 7) + l.substr(8, 7) + l.substr(18, 11));
}

// A French ID 1988-2021, both lines, all check digits right.
std::vector<std::string> FrenchId(const std::string& surname, const std::string& office,
                                  const std::string& number, const std::string& given,
                                  const std::string& dob, char sex) {
  const std::string l1 = "IDFRA" + Pad(surname, 25) + office;
  std::string l2 = WithCd(number) + Pad(given, 14) + WithCd(dob) + sex;
  l2 += MrzCheckDigit(l1 + l2);
  return {l1, l2};
}

Mrz ParseOk(const std::vector<std::string>& lines, const PartialDate& today = kToday) {
  Result<Mrz> r = ParseMrz(lines, today);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Mrz{};
}

std::vector<std::string> FailedChecks(const Mrz& m) {
  std::vector<std::string> out;
  for (const MrzCheck& c : m.checks) {
    if (!c.ok) out.push_back(c.field);
  }
  return out;
}

std::vector<std::string> CheckFields(const Mrz& m) {
  std::vector<std::string> out;
  for (const MrzCheck& c : m.checks) out.push_back(c.field);
  return out;
}

// ---------------------------------------------------------------- check digit

TEST(MrzCheckDigitTest, IcaoVectors) {
  EXPECT_EQ(MrzCheckDigit("L898902C3"), '6');
  EXPECT_EQ(MrzCheckDigit("740812"), '2');
  EXPECT_EQ(MrzCheckDigit("120415"), '9');
  EXPECT_EQ(MrzCheckDigit("ZE184226B<<<<<"), '1');
  EXPECT_EQ(MrzCheckDigit("L898902C36"
                          "7408122"
                          "1204159ZE184226B<<<<<1"),
            '0');
  EXPECT_EQ(MrzCheckDigit("520727"), '3');
  EXPECT_EQ(MrzCheckDigit("D23145890"), '7');
  EXPECT_EQ(MrzCheckDigit("007777779ZZ9"), '2');
}

TEST(MrzCheckDigitTest, FillersAndEmpty) {
  EXPECT_EQ(MrzCheckDigit(""), '0');
  EXPECT_EQ(MrzCheckDigit("<<<<<<<<<"), '0');
  EXPECT_EQ(MrzCheckDigit("A"), '0');    // 10 * 7 = 70
  EXPECT_EQ(MrzCheckDigit("<A"), '0');   // 10 * 3 = 30
  EXPECT_EQ(MrzCheckDigit("<<B"), '1');  // 11 * 1
  EXPECT_EQ(MrzCheckDigit("Z"), '5');    // 35 * 7 = 245
}

// ------------------------------------------------------------------- formats

TEST(MrzParseTest, Td3IcaoSpecimen) {
  Mrz m = ParseOk({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                   "L898902C36UTO7408122F1204159ZE184226B<<<<<10"});
  EXPECT_EQ(m.format, MrzFormat::kTd3);
  EXPECT_EQ(m.document_code, "P");
  EXPECT_EQ(m.issuing_state, "UTO");
  ASSERT_TRUE(m.issuing_state_code.has_value());
  EXPECT_EQ(m.issuing_state_code->kind, IcaoCodeKind::kSpecimen);
  EXPECT_EQ(m.nationality, "UTO");
  EXPECT_EQ(m.document_number, "L898902C3");
  EXPECT_EQ(m.surname, "ERIKSSON");
  EXPECT_EQ(m.given_names, "ANNA MARIA");
  EXPECT_EQ(m.name_raw, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
  EXPECT_FALSE(m.name_truncated);
  EXPECT_EQ(m.birth_date_raw, "740812");
  EXPECT_EQ(m.birth_date, (PartialDate{1974, 8, 12}));
  EXPECT_EQ(m.sex, 'F');
  EXPECT_EQ(m.gender(), model::Gender::kFemale);
  EXPECT_EQ(m.expiry_date_raw, "120415");
  EXPECT_EQ(m.expiry_date, (PartialDate{2012, 4, 15}));
  EXPECT_EQ(m.optional_data, "ZE184226B");
  EXPECT_TRUE(m.valid());
  EXPECT_TRUE(m.warnings.empty());
  EXPECT_TRUE(m.corrections.empty());
  EXPECT_EQ(CheckFields(m),
            (std::vector<std::string>{"document_number", "birth_date", "expiry_date",
                                      "optional_data", "composite"}));
  const std::string digits = "62910";
  for (size_t i = 0; i < m.checks.size(); ++i) {
    EXPECT_EQ(m.checks[i].expected, digits[i]) << m.checks[i].field;
    EXPECT_EQ(m.checks[i].found, digits[i]) << m.checks[i].field;
  }
  EXPECT_EQ(m.IsExpired(kToday), true);
  EXPECT_EQ(m.IsExpired(PartialDate{2012, 4, 15}), false);
  EXPECT_EQ(m.IsExpired(PartialDate{2012, 4, 16}), true);
}

TEST(MrzParseTest, Td1IcaoSpecimen) {
  Mrz m = ParseOk({"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                   "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"});
  EXPECT_EQ(m.format, MrzFormat::kTd1);
  EXPECT_EQ(m.document_code, "I");
  EXPECT_EQ(m.document_number, "D23145890");
  EXPECT_EQ(m.nationality, "UTO");
  EXPECT_EQ(m.birth_date, (PartialDate{1974, 8, 12}));
  EXPECT_EQ(m.expiry_date, (PartialDate{2012, 4, 15}));
  EXPECT_EQ(m.sex, 'F');
  EXPECT_EQ(m.surname, "ERIKSSON");
  EXPECT_EQ(m.given_names, "ANNA MARIA");
  EXPECT_EQ(m.optional_data, "");
  EXPECT_EQ(m.optional_data2, "");
  EXPECT_TRUE(m.valid());
  EXPECT_EQ(CheckFields(m), (std::vector<std::string>{"document_number", "birth_date",
                                                      "expiry_date", "composite"}));
  EXPECT_EQ(m.check("document_number")->expected, '7');
  EXPECT_EQ(m.check("composite")->expected, '6');
  EXPECT_EQ(m.check("optional_data"), nullptr);
}

TEST(MrzParseTest, Td2IcaoSpecimen) {
  Mrz m = ParseOk({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"});
  EXPECT_EQ(m.format, MrzFormat::kTd2);
  EXPECT_EQ(m.document_number, "D23145890");
  EXPECT_EQ(m.surname, "ERIKSSON");
  EXPECT_EQ(m.given_names, "ANNA MARIA");
  EXPECT_EQ(m.birth_date, (PartialDate{1974, 8, 12}));
  EXPECT_TRUE(m.valid());
  EXPECT_EQ(CheckFields(m), (std::vector<std::string>{"document_number", "birth_date",
                                                      "expiry_date", "composite"}));
  EXPECT_EQ(m.check("composite")->expected, '6');
}

TEST(MrzParseTest, MrvAIcaoSpecimen) {
  Mrz m = ParseOk({"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                   "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"});
  EXPECT_EQ(m.format, MrzFormat::kMrvA);
  EXPECT_EQ(m.document_code, "V");
  EXPECT_EQ(m.document_number, "L8988901C");
  EXPECT_EQ(m.nationality, "XXX");
  ASSERT_TRUE(m.nationality_code.has_value());
  EXPECT_EQ(m.nationality_code->kind, IcaoCodeKind::kNoNationality);
  EXPECT_EQ(m.birth_date, (PartialDate{1940, 9, 7}));
  EXPECT_EQ(m.expiry_date, (PartialDate{1996, 12, 10}));  // 2096 is > 50 years ahead
  EXPECT_EQ(m.optional_data, "6ZE184226B");
  EXPECT_TRUE(m.valid());
  EXPECT_EQ(CheckFields(m),
            (std::vector<std::string>{"document_number", "birth_date", "expiry_date"}));
  EXPECT_EQ(m.check("composite"), nullptr);
}

TEST(MrzParseTest, MrvB) {
  Mrz m = ParseOk({"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"});
  EXPECT_EQ(m.format, MrzFormat::kMrvB);
  EXPECT_EQ(m.document_number, "L8988901C");
  EXPECT_EQ(m.surname, "ERIKSSON");
  EXPECT_TRUE(m.valid());
  EXPECT_EQ(CheckFields(m),
            (std::vector<std::string>{"document_number", "birth_date", "expiry_date"}));
}

TEST(MrzParseTest, Td2SizedPassport) {
  const std::string l2 = Td2Line2(WithCd("SPECI2014"), "NLD", "650310", 'F', "240309", "");
  Mrz m = ParseOk({Pad("P<NLDDE<BRUIJN<<WILLEKE<LISELOTTE", 36), l2});
  EXPECT_EQ(m.format, MrzFormat::kTd2);
  EXPECT_EQ(m.document_code, "P");
  EXPECT_EQ(m.surname, "DE BRUIJN");
  EXPECT_EQ(m.given_names, "WILLEKE LISELOTTE");
  EXPECT_EQ(m.issuing_state_code->alpha2, "NL");
  EXPECT_TRUE(m.warnings.empty());
  EXPECT_TRUE(m.valid());
}

TEST(MrzParseTest, FrenchId) {
  Mrz m = ParseOk(
      FrenchId("DUPONT<DE<LA<MARE", "921025", "880692310285", "JEAN<<PIERRE", "651206", 'M'));
  EXPECT_EQ(m.format, MrzFormat::kFrenchId);
  EXPECT_EQ(ToString(m.format), "FR-ID");
  EXPECT_EQ(m.document_code, "ID");
  EXPECT_EQ(m.issuing_state, "FRA");
  EXPECT_EQ(m.nationality, "FRA");
  EXPECT_EQ(m.document_number, "880692310285");
  EXPECT_EQ(m.surname, "DUPONT DE LA MARE");
  EXPECT_EQ(m.given_names, "JEAN PIERRE");
  EXPECT_FALSE(m.name_truncated);
  EXPECT_EQ(m.birth_date, (PartialDate{1965, 12, 6}));
  EXPECT_EQ(m.sex, 'M');
  EXPECT_EQ(m.optional_data, "921025");
  EXPECT_FALSE(m.expiry_date.has_value());
  EXPECT_FALSE(m.IsExpired(kToday).has_value());
  EXPECT_TRUE(m.valid()) << testing::PrintToString(FailedChecks(m));
  EXPECT_EQ(CheckFields(m),
            (std::vector<std::string>{"document_number", "birth_date", "composite"}));
  EXPECT_EQ(m.check("document_number")->expected, '8');
  EXPECT_EQ(m.check("birth_date")->expected, '8');
}

TEST(MrzParseTest, FrenchIdTruncatedGivenNames) {
  Mrz m = ParseOk(FrenchId("MARTIN", "<<<<<<", "990175012345", "MARIE<<CHRISTI", "800101", 'F'));
  EXPECT_TRUE(m.name_truncated);
  EXPECT_EQ(m.given_names, "MARIE CHRISTI");
  EXPECT_TRUE(m.valid());
}

TEST(MrzParseTest, FormatNames) {
  EXPECT_EQ(ToString(MrzFormat::kTd1), "TD1");
  EXPECT_EQ(ToString(MrzFormat::kTd2), "TD2");
  EXPECT_EQ(ToString(MrzFormat::kTd3), "TD3");
  EXPECT_EQ(ToString(MrzFormat::kMrvA), "MRV-A");
  EXPECT_EQ(ToString(MrzFormat::kMrvB), "MRV-B");
}

// ------------------------------------------------------- each check failing

// A valid example of every format, with the positions of its check digits.
struct FormatCase {
  const char* name;
  std::vector<std::string> lines;
  std::vector<std::pair<std::string, std::pair<int, int>>>
      digits;  // field -> (line, column 0-based)
};

std::vector<FormatCase> ValidExamples() {
  const std::string td1_l1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
  const std::vector<std::string> fr =
      FrenchId("DUPONT", "921025", "880692310285", "JEAN", "651206", 'M');
  return {
      {"TD3",
       {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10"},
       {{"document_number", {1, 9}},
        {"birth_date", {1, 19}},
        {"expiry_date", {1, 27}},
        {"optional_data", {1, 42}},
        {"composite", {1, 43}}}},
      {"TD1",
       {td1_l1, "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"},
       {{"document_number", {0, 14}},
        {"birth_date", {1, 6}},
        {"expiry_date", {1, 14}},
        {"composite", {1, 29}}}},
      {"TD2",
       {"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"},
       {{"document_number", {1, 9}},
        {"birth_date", {1, 19}},
        {"expiry_date", {1, 27}},
        {"composite", {1, 35}}}},
      {"MRV-A",
       {"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"},
       {{"document_number", {1, 9}}, {"birth_date", {1, 19}}, {"expiry_date", {1, 27}}}},
      {"MRV-B",
       {"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"},
       {{"document_number", {1, 9}}, {"birth_date", {1, 19}}, {"expiry_date", {1, 27}}}},
      {"FR-ID",
       fr,
       {{"document_number", {1, 12}}, {"birth_date", {1, 33}}, {"composite", {1, 35}}}},
  };
}

// Recomputes the composite check digit of a valid example after an edit.
void Reseal(const std::string& format, std::vector<std::string>& l) {
  if (format == "TD3") {
    l[1][43] = MrzCheckDigit(l[1].substr(0, 10) + l[1].substr(13, 7) + l[1].substr(21, 22));
  } else if (format == "TD2") {
    l[1][35] = MrzCheckDigit(l[1].substr(0, 10) + l[1].substr(13, 7) + l[1].substr(21, 14));
  } else if (format == "TD1") {
    l[1][29] = MrzCheckDigit(l[0].substr(5, 25) + l[1].substr(0, 7) + l[1].substr(8, 7) +
                             l[1].substr(18, 11));
  } else if (format == "FR-ID") {
    l[1][35] = MrzCheckDigit(l[0] + l[1].substr(0, 35));
  }
}

TEST(MrzChecksTest, EveryExampleIsValid) {
  for (const FormatCase& f : ValidExamples()) {
    Mrz m = ParseOk(f.lines);
    EXPECT_EQ(ToString(m.format), f.name);
    EXPECT_TRUE(m.valid()) << f.name << ": " << testing::PrintToString(FailedChecks(m));
    EXPECT_EQ(m.checks.size(), f.digits.size()) << f.name;
  }
}

TEST(MrzChecksTest, EachCheckDigitFailsAlone) {
  for (const FormatCase& f : ValidExamples()) {
    for (const auto& [field, pos] : f.digits) {
      std::vector<std::string> lines = f.lines;
      char& c = lines[static_cast<size_t>(pos.first)][static_cast<size_t>(pos.second)];
      const char printed = c;
      ASSERT_TRUE(printed >= '0' && printed <= '9') << f.name << " " << field;
      c = static_cast<char>('0' + (printed - '0' + 1) % 10);
      const char wrong = c;
      if (field != "composite") Reseal(f.name, lines);
      Mrz m = ParseOk(lines);
      EXPECT_EQ(FailedChecks(m), std::vector<std::string>{field}) << f.name << " " << field;
      const MrzCheck* check = m.check(field);
      ASSERT_NE(check, nullptr);
      EXPECT_EQ(check->expected, printed) << f.name << " " << field;
      EXPECT_EQ(check->found, wrong) << f.name << " " << field;
      EXPECT_FALSE(m.valid());
      // Still parsed.
      EXPECT_FALSE(m.surname.empty()) << f.name;
      EXPECT_TRUE(m.birth_date.has_value()) << f.name;
    }
  }
}

TEST(MrzChecksTest, ChangedDataFailsFieldAndComposite) {
  // One letter of the document number misread: its own check and the
  // composite that covers it both fail.
  Mrz m = ParseOk({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                   "L898902C46UTO7408122F1204159ZE184226B<<<<<10"});
  EXPECT_EQ(FailedChecks(m), (std::vector<std::string>{"document_number", "composite"}));
  EXPECT_EQ(m.document_number, "L898902C4");
  // A changed name is covered by no check digit.
  m = ParseOk({"P<UTOERIKSSEN<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
               "L898902C36UTO7408122F1204159ZE184226B<<<<<10"});
  EXPECT_TRUE(m.valid());
  // TD1: the composite covers the optional data of line 1.
  m = ParseOk({"I<UTOD231458907ABC<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
               "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"});
  EXPECT_EQ(FailedChecks(m), (std::vector<std::string>{"composite"}));
  EXPECT_EQ(m.optional_data, "ABC");
}

TEST(MrzChecksTest, PersonalNumberFillerCheckDigit) {
  // All fillers: '<' and '0' are both accepted as the check digit.
  std::string l2 = Td3Line2("X1234567", "IRQ", "800101", 'M', "300101", "");
  ASSERT_EQ(l2[42], '0');
  const std::string l1 = Pad("P<IRQAL<RASHEED<<MOHAMMED<ABDULLAH", 44);
  EXPECT_TRUE(ParseOk({l1, l2}).valid());
  l2[42] = '<';
  l2[43] = MrzCheckDigit(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22));
  Mrz m = ParseOk({l1, l2});
  EXPECT_TRUE(m.valid()) << testing::PrintToString(FailedChecks(m));
  EXPECT_EQ(m.check("optional_data")->found, '<');
  // With a personal number, '<' is wrong.
  l2 = Td3Line2("X1234567", "IRQ", "800101", 'M', "300101", "12345");
  l2[42] = '<';
  l2[43] = MrzCheckDigit(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22));
  m = ParseOk({l1, l2});
  EXPECT_EQ(FailedChecks(m), std::vector<std::string>{"optional_data"});
  EXPECT_EQ(m.optional_data, "12345");
}

// ----------------------------------------------------------------- overflow

TEST(MrzOverflowTest, Td1PortugueseStyle) {
  const std::string l1 = "I<PRT007777779<ZZ92<<<<<<<<<<<";
  ASSERT_EQ(l1.size(), 30u);
  const std::string l2 = Td1Line2(l1, "820331", 'M', "310115", "PRT", "");
  Mrz m = ParseOk({l1, l2, Pad("DA<SILVA<<JOAO<PEDRO", 30)});
  EXPECT_EQ(m.document_number, "007777779ZZ9");
  EXPECT_EQ(m.check("document_number")->expected, '2');
  EXPECT_EQ(m.check("document_number")->found, '2');
  EXPECT_EQ(m.optional_data, "");
  EXPECT_EQ(m.surname, "DA SILVA");
  EXPECT_EQ(m.given_names, "JOAO PEDRO");
  EXPECT_TRUE(m.valid()) << testing::PrintToString(FailedChecks(m));
}

TEST(MrzOverflowTest, Td1WithOptionalDataAfter) {
  const std::string number = "AB1234567CDE12";
  const std::string l1 =
      Pad("I<UTO" + number.substr(0, 9) + "<" + WithCd(number).substr(9) + "<OPT99", 30);
  const std::string l2 = Td1Line2(l1, "900101", 'F', "300101", "UTO", "XYZ");
  Mrz m = ParseOk({l1, l2, Pad("DOE<<JANE", 30)});
  EXPECT_EQ(m.document_number, number);
  EXPECT_EQ(m.optional_data, "OPT99");
  EXPECT_EQ(m.optional_data2, "XYZ");
  EXPECT_TRUE(m.valid()) << testing::PrintToString(FailedChecks(m));
  // A wrong overflow check digit is reported against the whole number.
  std::string bad = l1;
  const size_t cd = 15 + number.size() - 9;
  bad[cd] = static_cast<char>('0' + (bad[cd] - '0' + 1) % 10);
  m = ParseOk({bad, Td1Line2(bad, "900101", 'F', "300101", "UTO", "XYZ"), Pad("DOE<<JANE", 30)});
  EXPECT_EQ(FailedChecks(m), std::vector<std::string>{"document_number"});
  EXPECT_EQ(m.document_number, number);
}

TEST(MrzOverflowTest, Td2) {
  const std::string number = "123456789ABC";
  const std::string opt = WithCd(number).substr(9) + "<";  // "ABC" + cd + "<"
  const std::string l2 = Td2Line2(number.substr(0, 9) + "<", "UTO", "850512", 'M', "290601", opt);
  Mrz m = ParseOk({Pad("I<UTORAHIMOV<<DILSHOD", 36), l2});
  EXPECT_EQ(m.format, MrzFormat::kTd2);
  EXPECT_EQ(m.document_number, number);
  EXPECT_EQ(m.check("document_number")->expected, MrzCheckDigit(number));
  EXPECT_EQ(m.optional_data, "");
  EXPECT_TRUE(m.valid()) << testing::PrintToString(FailedChecks(m));
}

TEST(MrzOverflowTest, NoOverflowWhenOptionalFieldEmpty) {
  // '<' in place of the check digit and nothing to continue: a failed check.
  Mrz m = ParseOk({"I<UTOD23145890<<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                   "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"});
  EXPECT_EQ(m.document_number, "D23145890");
  EXPECT_FALSE(m.check("document_number")->ok);
  EXPECT_EQ(m.check("document_number")->found, '<');
}

// -------------------------------------------------------------------- names

Mrz Td3WithName(const std::string& name) {
  return ParseOk(
      {Pad("P<UTO" + name, 44), Td3Line2("L898902C3", "UTO", "740812", 'F', "300415", "")});
}

TEST(MrzNameTest, NoPrimaryIdentifier) {
  Mrz m = Td3WithName("<<ANNA<MARIA");
  EXPECT_EQ(m.surname, "");
  EXPECT_EQ(m.given_names, "ANNA MARIA");
  m = ParseOk({"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
               Pad("<<ANNA<MARIA", 30)});
  EXPECT_EQ(m.surname, "");
  EXPECT_EQ(m.given_names, "ANNA MARIA");
}

TEST(MrzNameTest, OnlyPrimaryIdentifier) {
  Mrz m = Td3WithName("SUHARTO");
  EXPECT_EQ(m.surname, "SUHARTO");
  EXPECT_EQ(m.given_names, "");
  EXPECT_FALSE(m.name_truncated);
}

TEST(MrzNameTest, Truncated) {
  // 39 characters with a letter in the last position.
  const std::string name = "VANDERSTEENHOVEN<<MARIA<CHRISTINA<ALEXA";
  ASSERT_EQ(name.size(), 39u);
  Mrz m = Td3WithName(name);
  EXPECT_TRUE(m.name_truncated);
  EXPECT_EQ(m.surname, "VANDERSTEENHOVEN");
  EXPECT_EQ(m.given_names, "MARIA CHRISTINA ALEXA");
  // TD1: 30 characters.
  m = ParseOk({"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
               "ABDULRAHMANALKHATEEB<<MOHAMMED"});
  EXPECT_TRUE(m.name_truncated);
  EXPECT_EQ(m.surname, "ABDULRAHMANALKHATEEB");
  EXPECT_EQ(m.given_names, "MOHAMMED");
}

TEST(MrzNameTest, HyphenatedAndMultiPart) {
  Mrz m = Td3WithName("SMITH<JONES<<MARY<ANNE");
  EXPECT_EQ(m.surname, "SMITH JONES");
  EXPECT_EQ(m.given_names, "MARY ANNE");
  m = Td3WithName("DARTAGNAN<<CHARLES<DE<BATZ");
  EXPECT_EQ(m.surname, "DARTAGNAN");
  EXPECT_EQ(m.given_names, "CHARLES DE BATZ");
}

TEST(MrzNameTest, NamesOfSeveralOrigins) {
  Mrz m = Td3WithName("AL<RASHEED<<MOHAMMED<ABDULLAH");
  EXPECT_EQ(m.surname, "AL RASHEED");
  EXPECT_EQ(m.given_names, "MOHAMMED ABDULLAH");
  m = Td3WithName("IVANOV<<IURII");
  EXPECT_EQ(m.surname, "IVANOV");
  EXPECT_EQ(m.given_names, "IURII");
  m = Td3WithName("RAHIMOV<<DILSHOD");
  EXPECT_EQ(m.surname, "RAHIMOV");
  EXPECT_EQ(m.given_names, "DILSHOD");
  m = Td3WithName("MUELLER<<JUERGEN");  // Müller, Jürgen
  EXPECT_EQ(m.surname, "MUELLER");
  m = Td3WithName("XSHXAH<<MXHMD");  // Arabic X-scheme is kept as printed
  EXPECT_EQ(m.surname, "XSHXAH");
  EXPECT_EQ(m.given_names, "MXHMD");
}

// -------------------------------------------------------------------- dates

TEST(MrzDateTest, UnknownDayAndMonth) {
  std::string l2 = Td3Line2("L898902C3", "UTO", "74<<<<", 'X', "300415", "");
  Mrz m = ParseOk({Pad("P<UTOERIKSSON<<ANNA", 44), l2});
  EXPECT_EQ(m.birth_date_raw, "74<<<<");
  EXPECT_EQ(m.birth_date, (PartialDate{1974, 0, 0}));
  EXPECT_EQ(m.check("birth_date")->expected, MrzCheckDigit("74<<<<"));
  EXPECT_EQ(m.sex, 'X');
  EXPECT_EQ(m.gender(), model::Gender::kUnknown);
  EXPECT_TRUE(m.valid());
  EXPECT_TRUE(m.warnings.empty()) << testing::PrintToString(m.warnings);

  l2 = Td3Line2("L898902C3", "UTO", "7408<<", '<', "300415", "");
  m = ParseOk({Pad("P<UTOERIKSSON<<ANNA", 44), l2});
  EXPECT_EQ(m.birth_date, (PartialDate{1974, 8, 0}));

  l2 = Td3Line2("L898902C3", "UTO", "740000", 'M', "300415", "");
  m = ParseOk({Pad("P<UTOERIKSSON<<ANNA", 44), l2});
  EXPECT_EQ(m.birth_date, (PartialDate{1974, 0, 0}));

  l2 = Td3Line2("L898902C3", "UTO", "<<<<<<", 'M', "300415", "");
  m = ParseOk({Pad("P<UTOERIKSSON<<ANNA", 44), l2});
  EXPECT_FALSE(m.birth_date.has_value());
  EXPECT_EQ(m.birth_date_raw, "<<<<<<");
  EXPECT_TRUE(m.valid());
  ASSERT_EQ(m.warnings.size(), 1u);
  EXPECT_NE(m.warnings[0].find("birth date"), std::string::npos);
}

TEST(MrzDateTest, Century) {
  auto dates = [](const std::string& dob, const std::string& exp, const PartialDate& today) {
    Mrz m = ParseOk(
        {Pad("P<UTOERIKSSON<<ANNA", 44), Td3Line2("L898902C3", "UTO", dob, 'F', exp, "")}, today);
    return std::make_pair(m.birth_date.value_or(PartialDate{}),
                          m.expiry_date.value_or(PartialDate{}));
  };
  // Born earlier this month vs later this year.
  EXPECT_EQ(dates("260110", "300101", kToday).first, (PartialDate{2026, 1, 10}));
  EXPECT_EQ(dates("260116", "300101", kToday).first, (PartialDate{1926, 1, 16}));
  EXPECT_EQ(dates("000229", "300101", kToday).first, (PartialDate{2000, 2, 29}));
  EXPECT_EQ(dates("991231", "300101", kToday).first, (PartialDate{1999, 12, 31}));
  // Expiry: up to 50 years ahead, else last century.
  EXPECT_EQ(dates("800101", "360101", kToday).second, (PartialDate{2036, 1, 1}));
  EXPECT_EQ(dates("800101", "760101", kToday).second, (PartialDate{2076, 1, 1}));
  EXPECT_EQ(dates("800101", "770101", kToday).second, (PartialDate{1977, 1, 1}));
  EXPECT_EQ(dates("800101", "100101", kToday).second, (PartialDate{2010, 1, 1}));
  // Another reference date.
  EXPECT_EQ(dates("150101", "300101", PartialDate{2010, 6, 1}).first, (PartialDate{1915, 1, 1}));
}

TEST(MrzDateTest, ImpossibleDatesAreWarned) {
  Mrz m = ParseOk(
      {Pad("P<UTOERIKSSON<<ANNA", 44), Td3Line2("L898902C3", "UTO", "741332", 'F', "230229", "")});
  EXPECT_FALSE(m.birth_date.has_value());
  EXPECT_FALSE(m.expiry_date.has_value());  // 2023 is no leap year
  EXPECT_EQ(m.warnings.size(), 2u);
  EXPECT_TRUE(m.valid());  // the check digits themselves add up
  EXPECT_FALSE(m.IsExpired(kToday).has_value());
}

TEST(MrzDateTest, IsExpired) {
  Mrz m;
  EXPECT_FALSE(m.IsExpired(kToday).has_value());
  m.expiry_date = PartialDate{2026, 1, 15};
  EXPECT_EQ(m.IsExpired(kToday), false);
  EXPECT_EQ(m.IsExpired(PartialDate{2026, 1, 16}), true);
  EXPECT_EQ(m.IsExpired(PartialDate{2025, 12, 31}), false);
  EXPECT_EQ(m.IsExpired(PartialDate{2027, 0, 0}), true);
  EXPECT_FALSE(m.IsExpired(PartialDate{2026, 0, 0}).has_value());
  EXPECT_FALSE(m.IsExpired(PartialDate{}).has_value());
  m.expiry_date = PartialDate{2026, 0, 0};  // valid through 2026
  EXPECT_EQ(m.IsExpired(PartialDate{2026, 12, 31}), false);
  EXPECT_EQ(m.IsExpired(PartialDate{2027, 1, 1}), true);
}

// -------------------------------------------------------------------- codes

Mrz Td3WithCodes(const std::string& state, const std::string& nat) {
  return ParseOk({Pad("P<" + Pad(state, 3) + "DOE<<JOHN", 44),
                  Td3Line2("X1234567", nat, "800101", 'M', "300101", "")});
}

TEST(MrzCodeTest, Germany) {
  Mrz m = Td3WithCodes("D", "D");
  EXPECT_EQ(m.issuing_state, "D");
  EXPECT_EQ(m.nationality, "D");
  ASSERT_TRUE(m.nationality_code.has_value());
  EXPECT_EQ(m.nationality_code->alpha3, "DEU");
  EXPECT_EQ(m.nationality_code->alpha2, "DE");
  EXPECT_EQ(m.nationality_code->kind, IcaoCodeKind::kState);
  EXPECT_TRUE(m.warnings.empty());
}

TEST(MrzCodeTest, SpecialCodes) {
  Mrz m = Td3WithCodes("GBR", "GBD");
  EXPECT_EQ(m.nationality_code->kind, IcaoCodeKind::kBritishNational);
  EXPECT_EQ(m.nationality_code->alpha2, "GB");
  EXPECT_EQ(m.issuing_state_code->alpha2, "GB");
  m = Td3WithCodes("DEU", "XXA");
  EXPECT_EQ(m.nationality_code->kind, IcaoCodeKind::kNoNationality);
  EXPECT_EQ(m.nationality_code->alpha2, "");
  m = Td3WithCodes("UNO", "SYR");
  EXPECT_EQ(m.issuing_state_code->kind, IcaoCodeKind::kOrganization);
  EXPECT_EQ(m.nationality_code->alpha2, "SY");
  m = Td3WithCodes("XPO", "AFG");
  EXPECT_EQ(m.issuing_state_code->description, "INTERPOL");
  m = Td3WithCodes("EUE", "BEL");
  EXPECT_EQ(m.issuing_state_code->kind, IcaoCodeKind::kOrganization);
  EXPECT_EQ(m.nationality_code->alpha2, "BE");
  EXPECT_TRUE(m.warnings.empty());
}

TEST(MrzCodeTest, UnknownCodesAreWarned) {
  Mrz m = Td3WithCodes("ZZZ", "UAE");  // "UAE" is a name, not a code
  EXPECT_FALSE(m.issuing_state_code.has_value());
  EXPECT_FALSE(m.nationality_code.has_value());
  EXPECT_EQ(m.issuing_state, "ZZZ");
  EXPECT_EQ(m.warnings.size(), 2u);
  EXPECT_TRUE(m.valid());
}

TEST(MrzIcaoCodesTest, Lookup) {
  EXPECT_EQ(IcaoCodeToAlpha2("D<<"), "DE");
  EXPECT_EQ(IcaoCodeToAlpha2("d"), "DE");
  EXPECT_EQ(IcaoCodeToAlpha2("deu"), "DE");
  EXPECT_EQ(IcaoCodeToAlpha2("IRQ"), "IQ");
  EXPECT_EQ(IcaoCodeToAlpha2("TJK"), "TJ");
  EXPECT_EQ(IcaoCodeToAlpha2("GBN"), "GB");
  EXPECT_EQ(IcaoCodeToAlpha2("RKS"), "XK");
  EXPECT_EQ(IcaoCodeToAlpha2("XXK"), "XK");
  EXPECT_EQ(IcaoCodeToAlpha2("UNK"), "");
  EXPECT_EQ(IcaoCodeToAlpha2("UTO"), "");
  EXPECT_EQ(IcaoCodeToAlpha2("GB"), "");   // alpha-2 is not an ICAO code
  EXPECT_EQ(IcaoCodeToAlpha2("KSA"), "");  // nor an abbreviation
  EXPECT_EQ(IcaoCodeToAlpha2(""), "");
  EXPECT_EQ(IcaoCodeToAlpha2("<<<"), "");
  std::optional<IcaoCode> c = LookupIcaoCode("IRN");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->description, "Iran");
  EXPECT_EQ(c->alpha3, "IRN");
  for (const char* code : {"GBD", "GBN", "GBO", "GBP", "GBS", "EUE", "UNO", "UNA", "UNK",
                           "XBA", "XIM", "XCC", "XCE", "XCO", "XEC", "XPO", "XES", "XOM",
                           "XDC", "XXA", "XXB", "XXC", "XXX", "RKS", "XXK", "UTO"}) {
    c = LookupIcaoCode(code);
    ASSERT_TRUE(c.has_value()) << code;
    EXPECT_EQ(c->code, code);
    EXPECT_FALSE(c->description.empty()) << code;
  }
  EXPECT_EQ(ToString(LookupIcaoCode("XXB")->kind), "no-nationality");
  EXPECT_EQ(NormalizeIcaoCode(" d<< "), "D");
}

// -------------------------------------------------------------- sex, code

TEST(MrzFieldTest, SexAndDocumentCode) {
  Mrz m = ParseOk(
      {Pad("P<UTODOE<<JOHN", 44), Td3Line2("X1234567", "UTO", "800101", '<', "300101", "")});
  EXPECT_EQ(m.sex, '<');
  EXPECT_TRUE(m.warnings.empty());
  m = ParseOk(
      {Pad("P<UTODOE<<JOHN", 44), Td3Line2("X1234567", "UTO", "800101", 'Q', "300101", "")});
  EXPECT_EQ(m.sex, 'Q');
  EXPECT_EQ(m.warnings.size(), 1u);
  m = ParseOk(
      {Pad("PDUTODOE<<JOHN", 44), Td3Line2("X1234567", "UTO", "800101", 'M', "300101", "")});
  EXPECT_EQ(m.document_code, "PD");
  EXPECT_EQ(m.gender(), model::Gender::kMale);
  EXPECT_TRUE(m.warnings.empty());
  // An identity-card code on a passport-sized MRZ is parsed and warned.
  m = ParseOk(
      {Pad("I<UTODOE<<JOHN", 44), Td3Line2("X1234567", "UTO", "800101", 'M', "300101", "")});
  EXPECT_EQ(m.format, MrzFormat::kTd3);
  EXPECT_EQ(m.warnings.size(), 1u);
}

// ------------------------------------------------------------ OCR look-alikes

TEST(MrzOcrTest, LookalikeInDateIsCorrectedWhenItValidates) {
  std::string l2 = "L898902C36UTO74O8122F12O4159ZE184226B<<<<<10";
  Mrz m = ParseOk({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", l2});
  EXPECT_TRUE(m.valid()) << testing::PrintToString(FailedChecks(m));
  EXPECT_EQ(m.birth_date, (PartialDate{1974, 8, 12}));
  EXPECT_EQ(m.birth_date_raw, "740812");
  EXPECT_EQ(m.expiry_date, (PartialDate{2012, 4, 15}));
  ASSERT_EQ(m.corrections.size(), 2u);
  EXPECT_EQ(m.corrections[0].field, "birth_date");
  EXPECT_EQ(m.corrections[0].line, 2);
  EXPECT_EQ(m.corrections[0].column, 16);
  EXPECT_EQ(m.corrections[0].from, 'O');
  EXPECT_EQ(m.corrections[0].to, '0');
  EXPECT_EQ(m.corrections[1].field, "expiry_date");
  EXPECT_EQ(m.lines[1], l2);  // the input is kept as read
}

TEST(MrzOcrTest, LookalikeCheckDigit) {
  Mrz m = ParseOk({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                   "L898902C3GUTO7408122F1204159ZE184226B<<<<<1O"});
  EXPECT_TRUE(m.valid()) << testing::PrintToString(FailedChecks(m));
  ASSERT_EQ(m.corrections.size(), 2u);
  EXPECT_EQ(m.corrections[0].field, "document_number");
  EXPECT_EQ(m.corrections[1].field, "composite");
  // The document number itself is letters and digits: never corrected.
  m = ParseOk({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
               "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"});
  EXPECT_EQ(m.document_number, "L8989O2C3");
  EXPECT_TRUE(m.corrections.empty());
  EXPECT_EQ(FailedChecks(m), (std::vector<std::string>{"document_number", "composite"}));
}

TEST(MrzOcrTest, NoCorrectionWhenItDoesNotValidate) {
  // 'B' read as '8' gives 748812, whose check digit is not 2.
  Mrz m = ParseOk({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                   "L898902C36UTO74B8122F1204159ZE184226B<<<<<10"});
  EXPECT_TRUE(m.corrections.empty());
  EXPECT_FALSE(m.birth_date.has_value());
  EXPECT_EQ(m.birth_date_raw, "74B812");
  EXPECT_FALSE(m.check("birth_date")->ok);
}

// -------------------------------------------------------------------- input

TEST(MrzInputTest, LowerCaseAndWhitespace) {
  Mrz m = ParseOk({"  p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<\t",
                   "l898902c36uto7408122f1204159ze184226b<<<<<10\r\n"});
  EXPECT_EQ(m.surname, "ERIKSSON");
  EXPECT_EQ(m.lines[0], "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
  EXPECT_TRUE(m.valid());
}

TEST(MrzInputTest, OneTextWithNewlines) {
  Result<Mrz> r = ParseMrzText(
      "\nI<UTOD231458907<<<<<<<<<<<<<<<\r\n7408122F1204159UTO<<<<<<<<<<<6\r\n"
      "ERIKSSON<<ANNA<MARIA<<<<<<<<<<\n\n",
      kToday);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, MrzFormat::kTd1);
  EXPECT_TRUE(r->valid());
  r = ParseMrz({"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"},
               kToday);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, MrzFormat::kTd2);
}

TEST(MrzInputTest, OneUnbrokenLine) {
  Result<Mrz> r = ParseMrzText(
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10",
      kToday);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, MrzFormat::kTd3);
  EXPECT_TRUE(r->valid());
  EXPECT_EQ(r->lines.size(), 2u);
}

TEST(MrzInputTest, DefaultReferenceDate) {
  Result<Mrz> r = ParseMrz({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->birth_date, (PartialDate{1974, 8, 12}));
  // A partial reference date falls back to today.
  r = ParseMrz({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10"},
               PartialDate{2026, 0, 0});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->birth_date, (PartialDate{1974, 8, 12}));
}

void ExpectError(const std::vector<std::string>& lines, const std::string& fragment,
                 Status::Code code = Status::Code::kInvalidArgument) {
  Result<Mrz> r = ParseMrz(lines, kToday);
  ASSERT_FALSE(r.ok()) << fragment;
  EXPECT_EQ(r.status().code(), code) << r.status().ToString();
  EXPECT_NE(r.status().message().find(fragment), std::string::npos) << r.status().ToString();
}

TEST(MrzInputTest, Errors) {
  ExpectError({}, "empty");
  ExpectError({"", "  ", "\n"}, "empty");
  ExpectError({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
               "L898902C36UTO7408122F1204159ZE184226B<<<<<1"},
              "44 and 43 characters; expected 3 lines of 30");
  ExpectError({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"}, "1 line of 44 characters");
  ExpectError({"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
               "ERIKSSON<<ANNA<MARIA<<<<<<<<<<", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"},
              "4 lines");
  ExpectError({"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6"},
              "30 and 30 characters");
  ExpectError({"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
               "L898902C36UTO7408122F1204159ZE18#226B<<<<<10"},
              "line 2, column 33: '#' is not allowed");
  ExpectError({"P<UTOERIKSSON ANNA<MARIA<<<<<<<<<<<<<<<<<<<<",
               "L898902C36UTO7408122F1204159ZE184226B<<<<<10"},
              "line 1, column 14: byte 0x20");
  ExpectError({"P<UTOÉRIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<", "x"}, "line 1, column 6: byte 0xC3");
  ExpectError({"D1CH00000", "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6"},
              "Swiss driving licence", Status::Code::kUnsupported);
}

}  // namespace
}  // namespace hudud::travel
