// Reading the machine-readable zone (MRZ) of a travel document, ICAO Doc 9303:
// passports (TD3), identity cards (TD1, TD2), visas (MRV-A, MRV-B), and the
// French national identity card of 1988-2021, which looks like TD2 but is not.
//
// The lines come from a document reader or from an officer's keyboard. A
// document whose check digits do not add up is still parsed: every check is
// reported with what was expected and found, so the document-check layer
// decides what a failed check means (a misread, a forgery, an issuer's bug).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/date.h"
#include "model/entity.h"
#include "travel/icao_codes.h"

namespace hudud::travel {

enum class MrzFormat {
  kTd1,       // identity card, 3 lines of 30
  kTd2,       // identity card or passport, 2 lines of 36
  kTd3,       // passport, 2 lines of 44
  kMrvA,      // visa, 2 lines of 44, no composite check digit
  kMrvB,      // visa, 2 lines of 36, no composite check digit
  kFrenchId,  // French national identity card 1988-2021: 2 lines of 36 starting "IDFRA"
};
std::string_view ToString(MrzFormat format);  // "TD1", "TD2", "TD3", "MRV-A", "MRV-B", "FR-ID"

// One check digit of the document, as computed and as printed.
struct MrzCheck {
  // "document_number", "birth_date", "expiry_date", "optional_data" (TD3
  // personal number) or "composite".
  std::string field;
  char expected = '0';  // computed over the field as read (after any OCR correction)
  char found = '<';     // printed on the document (after any OCR correction)
  bool ok = false;      // TD3 only: a '<' over an all-filler personal number counts as 0
};

// A character of a digits-only field (date, check digit) read as a look-alike
// letter and corrected because the field then validates ('O' -> '0').
struct MrzCorrection {
  std::string field;  // as in MrzCheck ("birth_date", "composite", ...)
  int line = 0;       // 1-based
  int column = 0;     // 1-based
  char from = 0;
  char to = 0;
};

// The fields below `lines` are read after OCR corrections (see `corrections`).
struct Mrz {
  MrzFormat format = MrzFormat::kTd3;
  std::vector<std::string> lines;  // as read: trimmed and upper-cased, before OCR corrections

  std::string document_code;  // fillers stripped: "P", "PD", "I", "ID", "AC", "V"
  std::string issuing_state;  // as printed, fillers stripped: "D", "UTO", "GBR", "XPO"
  std::optional<IcaoCode> issuing_state_code;  // nullopt when not an ICAO code (and warned)
  std::string nationality;                     // as printed, fillers stripped
  std::optional<IcaoCode> nationality_code;    // nullopt when not an ICAO code (and warned)
  // Fillers stripped; a TD1/TD2 number longer than 9 characters is joined
  // from its two parts ("007777779ZZ9").
  std::string document_number;

  // The name field as printed, fillers included. French ID: surname field,
  // "<<", given-names field.
  std::string name_raw;
  std::string surname;      // primary identifier, components joined by spaces; "" when none
  std::string given_names;  // secondary identifier, components joined by spaces
  // A letter in the last position of the name field: the issuer may have cut
  // the name, so it should be matched as a prefix.
  bool name_truncated = false;

  std::string birth_date_raw;  // "740812", "74<<<<"
  // Unknown parts ('<' or "00") left 0: "74<<<<" is year-only. nullopt when
  // the year is unknown or the date impossible (a warning says which).
  std::optional<model::PartialDate> birth_date;
  char sex = '<';               // 'M', 'F', 'X' or '<' (unspecified); anything else is warned
  std::string expiry_date_raw;  // "" for the French ID, which has none
  std::optional<model::PartialDate> expiry_date;

  // Issuer-defined data, fillers at the end stripped. TD1: line 1 (after any
  // document-number overflow); TD2, MRV: line 2; TD3: the personal number;
  // French ID: the issuing department and office.
  std::string optional_data;
  std::string optional_data2;  // TD1 only: line 2

  std::vector<MrzCheck> checks;  // every check digit of the format, in document order
  std::vector<MrzCorrection> corrections;
  std::vector<std::string> warnings;  // unknown codes, impossible dates, odd sex or document code

  // True when every check digit matches.
  bool valid() const;
  // The check of `field`, or nullptr when the format has none.
  const MrzCheck* check(std::string_view field) const;
  model::Gender gender() const;  // M -> male, F -> female, anything else unknown
  // Whether the document has expired on `on` (it is valid through its expiry
  // day; a year-only expiry through the end of that year). nullopt when
  // either date is unknown.
  std::optional<bool> IsExpired(const model::PartialDate& on) const;
};

// Parses an MRZ given as its lines. Each line is trimmed of surrounding
// whitespace and upper-cased; blank lines are skipped; a single line holding
// newlines is split; a single line of 72, 88 or 90 characters (a reader that
// sends no line breaks) is cut into 2x36, 2x44 or 3x30.
// The format follows from the line count and length, then the first letter
// (V: visa; "IDFRA" on 2x36: French ID). `today` is the reference for
// two-digit years: a birth date is in the latest century that does not put
// it after `today`; an expiry date is 20YY unless that is more than 50 years
// after `today`, then 19YY. When `today` is not a full date, today's UTC date
// is used.
// Errors (InvalidArgument): no lines, a wrong number of lines or wrong
// lengths (the message lists the lengths expected), a character other than
// A-Z, 0-9 and '<' (the message names line and column, counted from the first
// non-blank character). Failed check digits are not errors: see Mrz::checks.
Result<Mrz> ParseMrz(const std::vector<std::string>& lines, const model::PartialDate& today);
Result<Mrz> ParseMrz(const std::vector<std::string>& lines);  // today = today's UTC date
// The same for the MRZ as one text, lines separated by "\n" or "\r\n".
Result<Mrz> ParseMrzText(std::string_view text, const model::PartialDate& today);

// The Doc 9303 check digit of `field`: weights 7, 3, 1 over 0-9 -> 0-9,
// A-Z -> 10-35, '<' -> 0; returns '0'..'9'. Any other character counts as 0.
char MrzCheckDigit(std::string_view field);

}  // namespace hudud::travel
