// What a passenger message says about flights, bookings and the people on
// them: the one model that PAXLST (API) and PNRGOV (PNR) are both read into,
// and that document checks, targeting rules and screening read from.
//
// Values are kept as sent (codes, dates, names), next to their parsed form
// where one exists: an officer and an auditor must be able to see what the
// carrier actually transmitted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "model/entity.h"

namespace hudud::travel {

enum class MessageFormat { kPaxlst, kPnrgov };
std::string_view ToString(MessageFormat format);  // "paxlst", "pnrgov"

// Something wrong or odd in a message. The record it concerns is kept and
// carries the finding; nothing is dropped silently.
struct Finding {
  int segment = 0;      // 1-based segment number in the interchange; 0 = the whole message
  std::string field;    // what it concerns: "DTM+329", "SSR DOCS expiry", "CNT+42", "UNT"
  std::string message;  // what is wrong, for a human
};

// A date, and possibly a time of day, as a message gives it.
struct DateTime {
  std::string raw;          // as sent ("850317", "270513", "17MAR85"); "" when absent
  model::PartialDate date;  // empty when absent or unreadable (a Finding says which)
  int minutes = -1;         // minutes after midnight, -1 when no time was given

  bool empty() const { return date.empty(); }
};

struct PersonName {
  std::string surname;             // as sent, upper case in practice
  std::vector<std::string> given;  // given names in order (first, second, ...)
  std::string title;               // a title stripped off the given name ("MR", "MRS")

  bool empty() const { return surname.empty() && given.empty(); }
  // "GIVEN1 GIVEN2 SURNAME"
  std::string Full() const;
};

struct TravelDocument {
  std::string type;             // as sent: "P" passport, "V" visa, "I"/"A"/"C" id cards, ...
  std::string number;           // as sent
  std::string issuing_country;  // as sent: "GBR", "D", "GB", "UNO"
  DateTime expiry;
  DateTime issued;
  std::string issue_place;
  PersonName holder;  // the name printed on the document (PNR SSR DOCS), when given
  int segment = 0;
};

struct Contact {
  std::string kind;   // "phone", "email", "fax", "other"
  std::string value;  // as sent, with ".AT."/"//" already turned into "@" for e-mail
  int segment = 0;
};

struct Address {
  std::string kind;  // "residence", "destination", "contact", "payer", ... or the code sent
  std::string street, city, region, postcode, country;
  int segment = 0;
};

struct Payment {
  std::string type;         // "CC" card, "CA" cash, "CK" cheque, "MS" misc, "GR" government...
  std::string card_vendor;  // "VI", "AX", "CA" ...
  std::string account;      // as sent (often already masked by the carrier)
  std::string card_expiry;  // "MMYY"
  std::string amount;
  std::string payer;  // the payer's name, when sent
  int segment = 0;

  // The account with all but the last four characters hidden ("XXXXXXXXXXXX1234").
  std::string MaskedAccount() const;
};

struct FlightLeg {
  std::string carrier;  // marketing carrier ("SQ"); for PAXLST the reporting carrier
  std::string number;   // flight number without the carrier ("602")
  std::string operating_carrier, operating_number;  // codeshare: who flies it, when different
  std::string origin;                               // IATA airport code of departure
  std::string destination;                          // IATA airport code of arrival
  DateTime departure;                               // scheduled, local time at the airport
  DateTime arrival;
  std::string booking_class;  // PNR RBD
  std::string status;         // PNR RPI status ("HK")
  int segment = 0;

  // "SQ602"
  std::string Id() const;
};

enum class TravellerRole {
  kPassenger,         // PAXLST NAD+FL, every PNR traveller
  kCrew,              // NAD+FM
  kTransitPassenger,  // NAD+DDU
  kTransitCrew,       // NAD+DDT
};
std::string_view ToString(TravellerRole role);  // "passenger", "crew", "transit-passenger", ...
// Crew, on duty or in transit.
inline bool IsCrew(TravellerRole role) {
  return role == TravellerRole::kCrew || role == TravellerRole::kTransitCrew;
}

struct Traveller {
  TravellerRole role = TravellerRole::kPassenger;
  PersonName name;             // NAD / TIF name
  std::string passenger_type;  // PNR TIF: "A" adult, "C" child, "IN" infant, "G" group
  bool with_infant = false;    // PNR: accompanied by an infant
  model::Gender gender = model::Gender::kUnknown;
  std::string gender_raw;  // as sent ("M", "F", "U", "X", "MI", "FI")
  DateTime birth_date;
  std::string birth_place;
  std::string nationality;        // as sent
  std::string residence_country;  // as sent (LOC+174, DOCA R)
  std::vector<TravelDocument> documents;
  std::vector<Contact> contacts;
  std::vector<Address> addresses;
  std::vector<Payment> payments;    // PNR forms of payment for this traveller's tickets
  std::string booking_locator;      // RFF+AVF / PNR RCI record locator
  std::string passenger_reference;  // RFF+ABO / PNR REF: joins API and PNR
  std::string traveller_ref;        // PNR 9944 reference within the booking ("2")
  std::string seat;
  int bags = -1;  // checked bags, -1 when not sent
  double bag_weight_kg = -1;
  std::vector<std::string> bag_tags;
  std::string frequent_flyer;
  std::vector<std::string> tickets;
  // Special service codes kept ("UMNR", "CHLD", "INFT", "WCHR" is NOT kept):
  // meal, medical and other codes revealing religion or health are deleted on
  // receipt (EU PNR Directive art. 13(4)); the Manifest counts them.
  std::vector<std::string> services;
  std::string embarkation;        // LOC+178: where the journey began
  std::string debarkation;        // LOC+179: where it ends
  std::string clearance;          // LOC+22: first arrival / customs clearance
  std::string crew_function;      // EMP: CR1..CR5
  std::string verification;       // GEI: "173" verified, "174" not
  bool checked_in = false;        // PNR check-in data present
  int booking = -1;               // index into Manifest::bookings, -1 for none
  int segment = 0;                // the NAD or TIF segment that opened the record
  std::vector<Finding> findings;  // bad or missing fields of this record
};

// A PNR: one reservation with its itinerary, travellers and who paid.
struct Booking {
  std::string locator;                      // the carrier's record locator
  std::vector<std::string> other_locators;  // system:locator of other systems (RCI)
  DateTime created;
  DateTime last_modified;   // DAT 700
  DateTime ticketed;        // DAT 710
  std::string agency;       // travel agency / booking office id (ORG)
  std::string agency_type;  // "A" airline, "T" travel agent, as sent
  std::string agency_country;
  std::vector<Contact> contacts;
  std::vector<Address> addresses;
  std::vector<Payment> payments;
  std::vector<FlightLeg> itinerary;  // every air segment of the booking, in order
  std::vector<size_t> travellers;    // indices into Manifest::travellers
  int segment = 0;                   // the SRC segment
};

// A flight's passenger data, joined from every message part that carried it.
struct Manifest {
  MessageFormat format = MessageFormat::kPaxlst;
  std::string sender, recipient;           // UNB
  std::string interchange_reference;       // UNB 0020
  std::string message_reference;           // UNH 0062 (of the first part)
  std::string common_access_reference;     // UNH 0068
  std::string version;                     // "D:05B", "11:1"
  std::string document_type;               // PAXLST BGM 1001 ("745", "250"); PNRGOV MSG function
  std::string document_function;           // PAXLST BGM 1004 ("CL", "CP"...)
  std::string transaction_reference;       // RFF+TN
  std::string reporting_party;             // NAD+MS name or profile id
  int parts = 1;                           // message parts joined
  bool complete = true;                    // the final part (…:F) was seen
  std::vector<FlightLeg> flights;          // PAXLST legs; PNRGOV the pushed flight
  std::vector<Booking> bookings;           // PNRGOV only
  std::vector<Traveller> travellers;       // every person record, in message order
  std::optional<int> declared_passengers;  // CNT+42
  std::optional<int> declared_crew;        // CNT+41
  std::optional<int> declared_bookings;    // PNRGOV EQN
  std::vector<Finding> warnings;           // about the message as a whole
  int sensitive_deleted = 0;               // sensitive SSR/remarks deleted on receipt

  // The crew members among `travellers` (the others are passengers).
  size_t CrewCount() const;
};

// Options shared by the message parsers.
struct ParseOptions {
  // The date two-digit years are resolved against: a birth date is never
  // after it, an expiry date is within 50 years after it. Empty = today (UTC).
  model::PartialDate today;
};

}  // namespace hudud::travel
