// Reading the free text of the special-service requests (SSR) that carry a
// traveller's identity in a PNR, as AIRIMP and the PNRGOV guides lay them out:
// DOCS (travel document), DOCO (other document, usually a visa), DOCA
// (address), INFT (infant), plus the PNR name conventions (titles run into the
// given name) and the list of sensitive SSR codes that must not be stored.
// Shared by the PNRGOV EDIFACT reader and any other PNR reader.
//
// Free text is hostile input: every function is total, bounded (texts longer
// than kMaxSsrFreeText are refused) and never throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/entity.h"
#include "travel/manifest.h"

namespace hudud::travel {

inline constexpr size_t kMaxSsrFreeText = 1024;

// A field that was present but could not be read. The value is kept as sent
// next to the problem; the caller turns it into a Finding.
struct SsrProblem {
  std::string field;  // "date of birth", "gender", "expiry date", "issue date", "address type"
  std::string message;
};

// SSR DOCS: [/]type/issuing state/number/nationality/birth DDMMMYY/gender/
// expiry DDMMMYY/surname/given/middle[/H]. Every field may be empty.
struct DocsSsr {
  std::string document_type;    // as sent: "P", "I", "A", "C", "IP", "F", ...
  std::string issuing_country;  // as sent: "GBR", "GB", "D"
  std::string number;
  std::string nationality;  // as sent
  DateTime birth_date;      // century: not after today; 4-digit years accepted
  std::string gender;       // as sent, upper case: "M", "F", "MI", "FI", "U", "X"
  model::Gender gender_value = model::Gender::kUnknown;
  bool infant = false;  // gender MI or FI: the document is an infant's
  DateTime expiry;      // century: at most 50 years ahead
  std::string surname;  // runs of spaces squeezed
  std::string given;
  std::string middle;
  bool multi_passenger_holder = false;  // trailing "/H"
  std::vector<SsrProblem> problems;     // fields present but unreadable
};

// Reads DOCS free text. A leading "/", "DOCS" or a status like "HK1" before
// the first field is skipped; which slash starts the fields is decided by
// where the birth date and gender sit, so both "/P/GBR/..." and the
// Secure-Flight form "////14JUL71/M//AVDIU/ILIR" read right. Fails (naming
// the reason) when the text is empty, too long, or has fewer fields than
// type..surname; an unreadable date or gender is a problem, not a failure.
Result<DocsSsr> ParseDocs(std::string_view free_text, const ParseOptions& options = {});

// SSR DOCO: [/]birth place/type/number/issue place/issue date DDMMMYY/
// country of applicability[/I].
struct DocoSsr {
  std::string birth_place;
  std::string document_type;  // as sent: "V" visa, "K" known traveller, "R" redress, ...
  std::string number;
  std::string issue_place;
  DateTime issued;                 // century: not after today
  std::string applicable_country;  // as sent: the state the visa is for
  bool infant = false;             // trailing "/I"
  std::vector<SsrProblem> problems;
};

// Reads DOCO free text (leading "/", "DOCO", status skipped as for DOCS).
// Fails when empty, too long, or without at least birth place/type/number.
Result<DocoSsr> ParseDoco(std::string_view free_text, const ParseOptions& options = {});

// SSR DOCA: [/]type/country/street/city/state/postcode[/I].
struct DocaSsr {
  std::string address_type;  // as sent: "R" residence, "D" destination
  std::string country;       // as sent
  std::string street, city, region, postcode;
  bool infant = false;  // trailing "/I"
  std::vector<SsrProblem> problems;
};

// Reads DOCA free text. Fails when empty, too long, or without type and
// country; a type other than R or D is a problem.
Result<DocaSsr> ParseDoca(std::string_view free_text, const ParseOptions& options = {});

// SSR INFT: the infant's name and birth date, "SURNAME/GIVEN[ TITLE] DDMMMYY"
// (the date may also follow a "/").
struct InftSsr {
  PersonName name;  // title stripped as by ParsePnrName
  DateTime birth_date;
  std::vector<SsrProblem> problems;
};

// Fails when the text is empty, too long or names nobody.
Result<InftSsr> ParseInft(std::string_view free_text, const ParseOptions& options = {});

// A PNR name: `surname` as sent, `given_with_title` as TIF and INFT carry it
// ("MICHAEL MR", "CHARLESMR", "SOPHY"). A known title is stripped only at the
// end: as its own word (MR MRS MS MISS MSTR DR PROF REV CAPT SIR LADY MME
// MLLE CHD INF), or run into the last given name for MR MRS MS MISS MSTR CHD
// INF when at least three letters remain ("CHARLESMR" -> "CHARLES" + "MR"
// but "AMR", "NIMR" stay, and DR is never split off "ALEXANDR"). Given names
// are split on spaces; runs of spaces are squeezed.
PersonName ParsePnrName(std::string_view surname, std::string_view given_with_title);

// True for SSR codes that reveal health, religion or similar (EU Directive
// 2016/681 art. 13(4)): every meal code (any four-letter code ending "ML":
// MOML, KSML, HNML, VGML, AVML, ...) and the medical and disability codes
// (MEDA, MEQT, WCHR, WCHS, WCHC, WCBD, WCBW, WCMP, WCLB, WCOB, BLND, DEAF,
// DPNA, OXYG, POXY, STCR, LEGL, LEGR, PPOC, ESAN, SVAN). Any case.
bool IsSensitiveSsrCode(std::string_view code);

// An e-mail address written the AIRIMP way ("MOLLY..LOBB//GMAIL.COM") in its
// usual form: "//" -> "@", ".." -> "_", "./" -> "-", ".AT." -> "@".
std::string AirimpEmail(std::string_view text);

}  // namespace hudud::travel
