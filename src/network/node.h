// The nodes and edges of the network graph, and their ids: what a node id
// looks like for each type, how a value read from a message becomes one
// (phone numbers, e-mail addresses and document numbers normalised, card
// numbers never in the clear), and a name in its original script beside its
// Latin transliteration.
//
// Node ids (the type, a colon, the key):
//   traveller:<manifest id>:<index>   a person on a kept PAXLST/PNRGOV message
//   booking:<record locator>          a PNR (upper case A-Z 0-9)
//   phone:<digits>                    7 to 15 digits, a leading 00 dropped
//   email:<address>                   lower case
//   card:<issuer>-<last 4>-<hash>     the issuer code (VI, CA, ...; CC when
//                                     none was sent), the last four digits
//                                     and 8 hex digits of a keyed SHA-256 of
//                                     the whole number: the number itself is
//                                     in no id, label or property
//   flight:<carrier+number>/<date>    "flight:SQ602/2013-05-27"; without
//                                     "/<date>" when the message gave none
//   document:<state>:<number>         the issuing state as an ICAO alpha-3
//                                     code when it is one, the number upper
//                                     case A-Z 0-9
//   entity:<list entry id>            "entity:un:111923"
//   alert:<id>
//   subject:<held subject id>
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace hudud::network {

enum class NodeType {
  kTraveller,
  kBooking,
  kPhone,
  kEmail,
  kCard,
  kFlight,
  kDocument,
  kEntity,
  kAlert,
  kSubject,
};
// "traveller", "booking", "phone", "email", "card", "flight", "document",
// "entity", "alert", "subject".
std::string_view ToString(NodeType type);
// The inverse; InvalidArgument naming the types otherwise.
Result<NodeType> ParseNodeType(std::string_view text);
// A comma-separated list of types ("traveller,booking"); empty = none
// given. InvalidArgument naming the first unknown type.
Result<std::set<NodeType>> ParseNodeTypes(std::string_view text);

// The edge types.
inline constexpr std::string_view kBookedOn = "booked-on";        // traveller - booking
inline constexpr std::string_view kContact = "contact";           // booking/traveller - phone/email
inline constexpr std::string_view kPaidWith = "paid-with";        // booking (or traveller) - card
inline constexpr std::string_view kTravelsOn = "travels-on";      // traveller - flight
inline constexpr std::string_view kCoTraveller = "co-traveller";  // traveller - traveller
inline constexpr std::string_view kHolds = "holds";               // traveller - document
inline constexpr std::string_view kHit = "hit";  // traveller/subject - alert, alert - entity

struct Node {
  std::string id;
  NodeType type = NodeType::kTraveller;
  std::string label;  // for a person: the name as the message or list wrote it
  // A name in a non-Latin script as written, and its transliteration;
  // nullopt for names written in Latin letters and for nodes that are not
  // people.
  std::optional<std::string> original, latin;
  nlohmann::ordered_json properties = nlohmann::ordered_json::object();
  bool masked = false;  // depersonalised by retention: no name is shown
};

// Undirected, typed; source and target in the order the comments on the
// edge types above give.
struct Edge {
  std::string source, target, type;
  bool operator==(const Edge&) const = default;
};

// A node id taken apart.
struct NodeId {
  NodeType type = NodeType::kTraveller;
  std::string id;        // canonical: "booking:W9TEND" for "booking:w9tend"
  std::string key;       // what follows "<type>:"
  int64_t manifest = 0;  // traveller: the kept message
  int64_t index = 0;     // traveller: the traveller's index in it; alert: the id
};

// Parses a node id. InvalidArgument saying what is wrong for an unknown
// type or a key that cannot be one of that type.
Result<NodeId> ParseNodeId(std::string_view text);

// The ids of what a message carries; "" when the value cannot make one (a
// phone number of fewer than 7 digits, an address without '@', a locator
// or document number with no letter or digit).
std::string TravellerId(int64_t manifest, size_t index);
std::string BookingId(std::string_view locator);
std::string PhoneId(std::string_view number);
std::string EmailId(std::string_view address);
// `key` is a secret of the process (MessageIndex's): the short hash cannot
// be brute-forced back into the number from the issuer and last four.
std::string CardId(std::string_view issuer, std::string_view account, std::string_view key);
std::string FlightId(std::string_view carrier_and_number, std::string_view date);
std::string DocumentId(std::string_view issuing_state, std::string_view number);

// Whether a name has a word in a script other than Latin.
bool InAnotherScript(std::string_view name);

// A name's original script and Latin transliteration: both set when the
// name is InAnotherScript (the transliteration the console shows everywhere,
// text::DisplayLatin); both nullopt otherwise.
struct NameForms {
  std::optional<std::string> original, latin;
};
NameForms FormsOf(std::string_view name);

}  // namespace hudud::network
