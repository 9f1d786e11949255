// Depersonalising a kept passenger message (PAXLST or PNRGOV EDIFACT) in
// place: every value that names, contacts, pays for or identifies a person,
// and every free text, is replaced by a pseudonym, while the message keeps
// its segments, elements and codes, so that it still parses into the same
// number of flights, bookings and travellers with the same route, dates,
// counts, codes, bags and seats. A targeting rule tested over past flights
// keeps working on a masked message; it sees no names.
//
// Pseudonyms. A masked value becomes "X" followed by capital letters ("XA",
// "XB", ..., "XAA"), numbered in the order values are first met in the
// input: the same value (compared trimmed and upper-cased) gets the same
// pseudonym everywhere in this input and nowhere else, so what the reader
// needs to tie a document to its name, check-in data to its traveller, or
// count contacts still works, and nothing of the value is left. Names are
// masked word by word (a PNR title such as MR or MRS at the end of a given
// name is kept, the readers strip it); an e-mail address keeps its domain
// when it is a large public mail provider's (gmail.com, mail.ru, ...; the
// rule field contact.email_domain), and only its top-level domain
// otherwise. Sensitive SSR codes (meal and medical, see ssr.h) become XXML
// or MEDA, so the count of deleted sensitive requests is unchanged but not
// the religion or the condition.
//
// The table (by segment tag; element numbers as the standards count them,
// components from 0; the justification of each line in message_mask.cc):
//
//   PAXLST  NAD      e2 party id, e3 name-and-address lines, e4 name (word
//                    by word), e5 street, e6 city, e7 region, e8 postcode
//                    (e1 the party qualifier and e9 the country kept); for
//                    every qualifier, the reporting party's (MS) included
//           COM      the number or address of every element (its channel
//                    code kept)
//           CTA      the contact's id and name
//           DOC      e2 c0 the document number (type, issuer kept)
//           RFF      e1 c1 the reference (booking locator AVF, passenger
//                    reference ABO, known traveller CR, ...) except the
//                    message's transaction number TN and the seat SEA
//           FTX      e4 the text (for FTX+BAG the bag tag, its count kept)
//           LOC      c3 (the place name) of e2 and later elements for the
//                    person's locations 22, 91, 174, 178, 179, 180: a birth
//                    or issue place (the codes kept)
//           EMP      e3 and later (the employer)
//   PNRGOV  TIF      e1 c0 surname, e2+ c0 given names (word by word)
//           SSR      the free text (e1 c8+): DOCS number and names, DOCO
//                    birth place, number and issue place, DOCA street, city,
//                    region and postcode, INFT name, CTCx contact, FOID
//                    number, every other code's text except SEAT, NSST,
//                    RQST and CHLD (a child's birth date)
//           IFT      every line but a fare calculation (4:15); a CTC line
//                    keeps its "CTCE"/"CTCM" shape with the contact masked
//           ADD      c1..c4 street, city, region, c6 postcode, c7 phone or
//                    e-mail (c0 purpose, c5 country kept), in e1 and e2
//           RCI      c1 of every element: the record locators
//           FTI      c1 of every element: the frequent-flyer number
//           REF      the passenger reference
//           TKT      e1 c0 the ticket number
//           FOP      c4 account (card number) and c5 card expiry of every
//                    element (type, amount, vendor kept)
//           TBD      c1 of e5+: the bag tags
//           LTS      all of it (history free text)
//   both    any tag this table does not know: every value; the service
//           segments (UNA, UNB, UNG, UNH, UNT, UNE, UNZ) are kept
//
// Not masked, on purpose: dates of birth (the rule field `age`), gender,
// nationality, country of residence, document type, issuing state and
// expiry, flights and itinerary, booking office, amounts, bags and seats.
//
// The output is the interchange written again with its own separators (and
// UNA when it had one), one segment per line, every service character in a
// value released; transport headers and footers around interchanges are
// dropped. Values are written as UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace hudud::travel {

struct MaskedMessage {
  std::string bytes;         // the depersonalised message
  int interchanges = 0;      // interchanges read
  int segments = 0;          // segments written
  int values_masked = 0;     // values replaced (a name word counts once per value)
  int unknown_segments = 0;  // segments of tags the table does not know: masked whole
};

// Deleting the sensitive special-service requests on receipt (EU Directive
// 2016/681 art. 13(4)), before a message is kept (store/manifests.h): every
// SSR segment whose code IsSensitiveSsrCode (meal and medical codes, ssr.h)
// gets XXML or MEDA for its code and a pseudonym for its free text (element
// 1, components 8 on), exactly as MaskPassengerMessage writes them, so the
// readers count the same number of deleted sensitive requests and the
// message reads into the same flights, bookings and travellers as before.
// Only those requests are removed: the rest of the message is left byte for
// byte as received (the request's own status, carrier, flight and traveller
// references too; headers, footers, separators and layout). Each changed
// interchange is read back and compared, segment by segment, with what it
// should hold; when an in-place change does not read back so (a layout the
// change does not follow), that interchange is written again whole, one
// segment a line as MaskPassengerMessage writes it, with only the sensitive
// requests changed (counted in `rewritten`).
struct SensitiveRequestsRemoved {
  std::string bytes;     // the message without the sensitive requests
  int interchanges = 0;  // interchanges read
  int requests = 0;      // sensitive SSR segments whose code was replaced
  int texts_masked = 0;  // of them, those whose free text was replaced too
  int rewritten = 0;     // interchanges written again whole
};

// Removes the sensitive SSRs from `bytes` (ParseEdifact's rules; SSR
// segments of any message, PNRGOV in practice). InvalidArgument, with
// ParseEdifact's reason, when the input holds no readable interchange, and
// for more interchanges than the readers take (100000): the caller should
// then keep nothing of the input. Deterministic; never throws; applied
// twice, the second time changes nothing.
Result<SensitiveRequestsRemoved> RemoveSensitiveRequests(std::string_view bytes);

// Masks `bytes`, which must hold at least one EDIFACT interchange
// (ParseEdifact's rules). Messages other than PAXLST and PNRGOV are masked
// as unknown segments are. InvalidArgument, with ParseEdifact's reason, when
// the input holds no readable interchange; the caller should then treat the
// whole input as personal data. Deterministic; never throws.
Result<MaskedMessage> MaskPassengerMessage(std::string_view bytes);

// The pseudonym of the n-th masked value (0-based): "XA", "XB", ... "XZ",
// "XAA", ...
std::string MaskPseudonym(size_t n);

}  // namespace hudud::travel
