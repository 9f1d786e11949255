// The PNRGOV grammar walk: envelope and message parts, the level-0 flight,
// and per PNR (Gr1) the travellers (Gr2) with tickets and payments (Gr3/Gr4),
// the itinerary (Gr5) with check-in data (Gr6/Gr7), split PNRs, non-air
// segments and history (Gr8-Gr10, read past), routed to the Manifest model.
//
// Groups are told apart by tag and by the group the walk is in, never by
// position alone: senders omit segments (RCI, DAT before check-in data) and
// move them (IFT inside the ticket group). SSRs of the PNR and traveller
// groups are resolved once the traveller group ends, so a 9944 reference to a
// traveller named later still finds them.
#include "travel/pnrgov.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "travel/edifact.h"
#include "travel/message_text.h"
#include "travel/ssr.h"
#include "travel/travel_dates.h"

namespace hudud::travel {
namespace {

constexpr int kMaxInterchanges = 100000;
constexpr size_t kMaxWarnings = 1000;
constexpr size_t kMaxFindingsPerTraveller = 64;
constexpr size_t kMaxTravellersPerBooking = 999;  // AIRIMP allows 99 names; 999 leaves room
constexpr size_t kMaxDocuments = 32;
constexpr size_t kMaxServices = 64;
constexpr size_t kMaxContacts = 64;
constexpr size_t kMaxBagTags = 64;
constexpr size_t kMaxTickets = 64;
constexpr size_t kMaxFlights = 64;
constexpr int kMaxConsecutiveTags = 20;
constexpr double kKgPerPound = 0.45359237;
constexpr char kSensitiveMessage[] =
    "a sensitive special-service request (meal/medical) was deleted on receipt";

// A decimal with '.' or ',' as the mark; nullopt otherwise.
std::optional<double> ToDecimal(std::string_view s) {
  std::string t = Trim(s);
  if (t.empty() || t.size() > 15) return std::nullopt;
  std::replace(t.begin(), t.end(), ',', '.');
  double v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || v < 0) return std::nullopt;
  return v;
}

// Components c.. of element e joined by ':': free text whose colons the
// sender did not release is put back together.
std::string JoinFrom(const EdifactSegment& s, size_t e, size_t c) {
  std::string out;
  if (!s.has(e)) return out;
  const auto& element = s.elements[e - 1];
  for (size_t k = c; k < element.size(); ++k) {
    if (k > c) out += ':';
    out += element[k];
  }
  return out;
}

bool ElementEmpty(const EdifactSegment& s, size_t e) {
  if (!s.has(e)) return true;
  for (const auto& c : s.elements[e - 1]) {
    if (!Trim(c).empty()) return false;
  }
  return true;
}

std::string NoSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!IsSpace(c)) out += c;
  }
  return Upper(out);
}

// Words of a name field, split on spaces (no title handling: documents carry none).
std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    const size_t start = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

std::string JoinNoSpaces(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += NoSpaces(w);
  return out;
}

// Flight numbers compare without leading zeros ("0602" is "602").
std::string FlightNumberKey(std::string_view n) {
  std::string t = Upper(Trim(n));
  size_t z = 0;
  while (z + 1 < t.size() && t[z] == '0') ++z;
  return t.substr(z);
}

// "011D" -> "11D": SSD pads the row, SSR SEAT does not.
std::string NormalizeSeat(std::string_view seat) {
  std::string t = Upper(Trim(seat));
  size_t z = 0;
  while (z + 1 < t.size() && t[z] == '0' && IsDigit(t[z + 1])) ++z;
  return t.substr(z);
}

// Adds 1 to a string of digits keeping its width; false on overflow.
bool IncrementDigits(std::string* digits) {
  for (size_t i = digits->size(); i-- > 0;) {
    if (!IsDigit((*digits)[i])) return false;
    if ((*digits)[i] != '9') {
      ++(*digits)[i];
      return true;
    }
    (*digits)[i] = '0';
  }
  return false;
}

bool IsInfantType(std::string_view type) {
  const std::string t = Upper(Trim(type));
  return t == "IN" || t == "INF";
}

// Contact codes of OSI text and SSRs: CTCE e-mail; CTCM mobile, CTCH home,
// CTCB business, CTCP phone, CTCT travel agent phone. CTCR (contact refused)
// carries nothing.
std::optional<std::string> ContactKind(char code) {
  switch (code) {
    case 'E':
      return "email";
    case 'M':
    case 'H':
    case 'B':
    case 'P':
    case 'T':
      return "phone";
    default:
      return std::nullopt;
  }
}

// An e-mail value: the first word holding an address marker, AIRIMP-decoded.
std::string EmailValue(std::string_view rest) {
  std::string t = Trim(rest);
  size_t start = 0;
  while (start < t.size()) {
    size_t end = t.find(' ', start);
    if (end == std::string::npos) end = t.size();
    const std::string word = t.substr(start, end - start);
    if (word.find("//") != std::string::npos || word.find('@') != std::string::npos ||
        Upper(word).find(".AT.") != std::string::npos) {
      return AirimpEmail(word);
    }
    start = end + 1;
  }
  return AirimpEmail(t);
}

// A contact in a line of OSI text: "CTCE MOLLY..LOBB//GMAIL.COM",
// "YY CTCM 447700900123", "CTCM/447700900123".
std::optional<Contact> ContactInText(std::string_view line, int segment) {
  const std::string u = Upper(line);
  for (size_t pos = u.find("CTC"); pos != std::string::npos; pos = u.find("CTC", pos + 1)) {
    if (pos > 0 && !IsSpace(u[pos - 1]) && u[pos - 1] != '/') continue;
    if (pos + 4 > u.size()) break;
    if (pos + 4 < u.size() && !IsSpace(u[pos + 4]) && u[pos + 4] != '/') continue;
    const std::optional<std::string> kind = ContactKind(u[pos + 3]);
    if (!kind) return std::nullopt;
    std::string_view rest = line.substr(pos + 4);
    while (!rest.empty() && (IsSpace(rest.front()) || rest.front() == '/')) rest.remove_prefix(1);
    Contact c;
    c.kind = *kind;
    c.value = *kind == "email" ? EmailValue(rest) : Trim(rest);
    c.segment = segment;
    if (c.value.empty()) return std::nullopt;
    return c;
  }
  return std::nullopt;
}

// The known PNRGOV segment tags (IG 10.1-17.1) and the envelope.
bool KnownTag(std::string_view tag) {
  static constexpr std::array<std::string_view, 36> kTags = {
      "UNA", "UNB", "UNG", "UNH", "UNT", "UNE", "UNZ", "MSG", "ORG", "TVL", "EQN", "SRC",
      "RCI", "SSR", "DAT", "IFT", "ADD", "EBD", "TIF", "FTI", "REF", "FAR", "TKT", "MON",
      "PTK", "TXD", "FOP", "TRA", "RPI", "APD", "TRI", "SSD", "TBD", "ABI", "SAC", "LTS"};
  return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

// Where the walk is inside a message.
enum class Zone {
  kHeader,      // level 0: MSG ORG TVL EQN, before the first SRC
  kBooking,     // Gr1 head: RCI SSR DAT IFT ORG ADD EBD
  kTraveller,   // Gr2: TIF FTI IFT REF EBD FAR SSR ADD
  kTicket,      // Gr3: TKT MON PTK TXD DAT
  kPayment,     // Gr4: FOP IFT ADD
  kLeg,         // Gr5: TVL TRA RPI APD SSR RCI IFT
  kCheckIn,     // Gr6: DAT ORG
  kCheckInPax,  // Gr7: TRI TIF SSD TBD
  kSplit,       // Gr8: EQN RCI
  kNonAir,      // Gr9: MSG TVL ...
  kHistory,     // Gr10-12 and LTS
};

bool InTravellerZone(Zone z) {
  return z == Zone::kTraveller || z == Zone::kTicket || z == Zone::kPayment;
}
bool InLegZone(Zone z) { return z == Zone::kLeg || z == Zone::kCheckIn || z == Zone::kCheckInPax; }

class Reader {
 public:
  explicit Reader(const ParseOptions& options) : options_(options) {
    m_.format = MessageFormat::kPnrgov;
    m_.parts = 0;
  }

  Status ReadInterchange(const EdifactInterchange& ic, int number);
  Result<Manifest> Finish();

 private:
  // A Gr1/Gr2 SSR waiting for the traveller group to end.
  struct PendingSsr {
    const EdifactSegment* seg;
    int context;  // traveller of the Gr2 it came in, -1 for the PNR level
    bool pushed;  // its board/off points are those of the pushed flight
  };
  // What the walk knows of the PNR (Gr1) being read.
  struct OpenBooking {
    int index = -1;  // into m_.bookings
    bool has_rci = false;
    bool has_org = false;
    bool travellers_open = true;  // Gr2 may still follow; SSRs wait
    bool travellers_capped = false;
    std::unordered_map<std::string, int> by_ref;                   // 9944 -> traveller
    std::unordered_map<std::string, std::vector<int>> by_surname;  // key surname -> travellers
    std::vector<int> awaiting_infant;  // adults flagged "with infant", none linked yet
    std::vector<PendingSsr> pending;
    int traveller = -1;  // the Gr2 traveller being read
    int leg = -1;        // into itinerary: the Gr5 leg being read
    int checkin = -1;    // the Gr7 traveller
    int fop_segment = 0;
    int fop_traveller = -1;
    size_t fop_booking_from = 0;    // the last FOP's payments: booking.payments[from..]
    size_t fop_traveller_from = 0;  // and travellers[fop_traveller].payments[from..]
  };
  // Parser-side facts about a traveller, parallel to m_.travellers.
  struct TravellerState {
    int seat_rank = 0;  // 4 SSD on the pushed leg, 3 SEAT pushed, 2 SSD other, 1 SEAT other
    bool bags_pushed = false;
    int infant = -1;      // the infant travelling with this adult
    int adult = -1;       // for an infant: the adult it travels with
    std::string key;      // SURNAME/GIVEN without spaces, for name look-ups
    bool capped = false;  // findings beyond kMaxFindingsPerTraveller dropped
  };

  // Envelope.
  void BeginMessage(const EdifactSegment& s);
  void EndMessage(const EdifactSegment* unt);
  void OnBody(const EdifactSegment& s);
  void OnHeader(const EdifactSegment& s);

  // PNR groups.
  void StartBooking(const EdifactSegment& s);
  void FinishBooking();
  void FlushPending();
  void OnRci(const EdifactSegment& s);
  void OnDat(const EdifactSegment& s);
  void OnOrg(const EdifactSegment& s);
  void OnIft(const EdifactSegment& s);
  void OnAdd(const EdifactSegment& s);
  void OnTif(const EdifactSegment& s);
  void OnCheckInTif(const EdifactSegment& s);
  void OnFop(const EdifactSegment& s);
  void OnTvl(const EdifactSegment& s);
  void OnTri(const EdifactSegment& s);
  void OnTbd(const EdifactSegment& s);
  void OnSsr(const EdifactSegment& s);

  // SSR routing and application.
  void ResolveSsr(const EdifactSegment& s, int context, bool pushed);
  void ApplyPnrLevelSsr(const EdifactSegment& s, const std::string& code);
  void ApplySsr(int t, size_t element, const EdifactSegment& s, const std::string& code,
                bool pushed);
  int ApplyDocs(int t, const DocsSsr& d, int segment);
  void ApplyDoco(int t, const DocoSsr& d, int segment);
  void ApplyDoca(int t, const DocaSsr& d, int segment);
  int InfantOf(int adult, const PersonName& name, int segment);

  // Helpers.
  Booking& CurrentBooking() { return m_.bookings[static_cast<size_t>(bk_.index)]; }
  int NewTraveller(int segment, PersonName name);
  int FindByRef(const std::string& ref) const;
  int FindByName(const PersonName& name, bool infants_only) const;
  int SoleAdult() const;
  bool LegIsPushed(const FlightLeg& leg) const;
  bool PointsArePushed(const EdifactSegment& s) const;
  FlightLeg ReadTvl(const EdifactSegment& s);
  DateTime ReadDate(std::string_view date, std::string_view time, int segment,
                    const std::string& field);
  void SetSeat(int t, const std::string& seat, int rank);
  void AddService(int t, const std::string& code);
  void AddContact(std::vector<Contact>* list, Contact c);
  void AddFinding(int t, int segment, std::string field, std::string message);
  void Warn(int segment, std::string field, std::string message);
  std::string Prefix() const {
    return interchange_ > 1 ? "interchange " + std::to_string(interchange_) + ": " : "";
  }

  const ParseOptions& options_;
  Manifest m_;
  std::vector<TravellerState> state_;
  bool warnings_capped_ = false;
  int interchange_ = 0;

  // Across messages.
  int pnr_messages_ = 0;
  std::string first_refusal_;  // why the first non-PNRGOV UNH was not read
  std::vector<int> part_numbers_;
  bool any_part_indicator_ = false;
  bool final_seen_ = false;

  // The message being read.
  bool in_message_ = false;
  bool skipping_ = false;  // a UNH of another message type: read past
  int message_segment_ = 0;
  int message_count_ = 0;  // segments counted for UNT, UNH included
  std::string message_ref_;
  int pushed_flight_ = -1;  // into m_.flights
  Zone zone_ = Zone::kHeader;
  OpenBooking bk_;
};

Status Reader::ReadInterchange(const EdifactInterchange& ic, int number) {
  interchange_ = number;
  for (const std::string& w : ic.warnings) Warn(0, "EDIFACT", w);
  int messages = 0, groups = 0;
  for (const EdifactSegment& s : ic.segments) {
    const std::string& tag = s.tag;
    if (tag == "UNB") {
      if (&s != &ic.segments.front()) {
        Warn(s.number, "UNB", "a second UNB inside the interchange: the one before has no UNZ");
      }
      if (m_.sender.empty() && m_.recipient.empty()) {
        m_.sender = s.at(2);
        m_.recipient = s.at(3);
        m_.interchange_reference = s.at(5);
      }
      continue;
    }
    if (tag == "UNG") {
      ++groups;
      continue;
    }
    if (tag == "UNE") continue;
    if (tag == "UNZ") {
      if (in_message_) {
        Warn(message_segment_, "UNT", "message has no UNT trailer");
        EndMessage(nullptr);
      }
      const std::optional<int> declared = ParseCount(s.at(1));
      const int read = groups > 0 ? groups : messages;
      if (declared && *declared != read) {
        Warn(s.number, "UNZ",
             "declares " + std::to_string(*declared) + (groups > 0 ? " groups" : " messages") +
                 ", " + std::to_string(read) + " read");
      }
      continue;
    }
    if (tag == "UNH") {
      ++messages;
      if (in_message_) {
        Warn(message_segment_, "UNT", "message has no UNT trailer before the next UNH");
        EndMessage(nullptr);
      }
      BeginMessage(s);
      continue;
    }
    if (tag == "UNT") {
      if (!in_message_) {
        Warn(s.number, "UNT", "UNT without UNH, ignored");
        continue;
      }
      EndMessage(&s);
      continue;
    }
    if (!in_message_) {
      Warn(s.number, tag, "segment outside a message (no UNH before it), ignored");
      continue;
    }
    ++message_count_;
    if (!skipping_) OnBody(s);
  }
  if (in_message_) {
    Warn(message_segment_, "UNT", "message has no UNT trailer (truncated?)");
    EndMessage(nullptr);
  }
  return Status::Ok();
}

void Reader::BeginMessage(const EdifactSegment& s) {
  in_message_ = true;
  message_segment_ = s.number;
  message_count_ = 1;
  message_ref_ = s.at(1);
  zone_ = Zone::kHeader;
  bk_ = OpenBooking();
  pushed_flight_ = -1;
  const std::string type = Upper(Trim(s.at(2, 0)));
  if (type != "PNRGOV") {
    skipping_ = true;
    const std::string why = "segment " + std::to_string(s.number) + " (line " +
                            std::to_string(s.line) + "): UNH names a " +
                            (type.empty() ? std::string("nameless") : Shown(type)) +
                            " message, not PNRGOV";
    if (first_refusal_.empty()) first_refusal_ = Prefix() + why;
    Warn(s.number, "UNH", "message " + Shown(type) + " is not PNRGOV, skipped");
    return;
  }
  skipping_ = false;
  ++pnr_messages_;
  const std::string version = s.at(2, 1) + (s.at(2, 2).empty() ? "" : ":" + s.at(2, 2));
  const std::string access = s.at(3);
  if (pnr_messages_ == 1) {
    m_.message_reference = message_ref_;
    m_.version = version;
    m_.common_access_reference = access;
  } else {
    if (version != m_.version) {
      Warn(s.number, "UNH S009",
           "version " + Shown(version) + " differs from the first part's " + Shown(m_.version));
    }
    if (access != m_.common_access_reference) {
      Warn(s.number, "UNH 0068",
           "common access reference " + Shown(access) + " differs from the first part's " +
               Shown(m_.common_access_reference) + " (another flight or push?)");
    }
  }
  const std::string seq = s.at(4, 0), indicator = Upper(Trim(s.at(4, 1)));
  if (!seq.empty() || !indicator.empty()) {
    const std::optional<int> n = ParseCount(seq);
    if (n) part_numbers_.push_back(*n);
    if (!seq.empty() && !n) Warn(s.number, "UNH S010", "part number " + Shown(seq) + " unreadable");
    if (indicator == "C" || indicator == "F") any_part_indicator_ = true;
    if (indicator == "F") final_seen_ = true;
  }
}

void Reader::EndMessage(const EdifactSegment* unt) {
  FinishBooking();
  in_message_ = false;
  if (unt == nullptr) return;
  ++message_count_;
  const std::optional<int> declared = ParseCount(unt->at(1));
  if (!declared) {
    Warn(unt->number, "UNT", "segment count " + Shown(unt->at(1)) + " unreadable");
  } else if (*declared != message_count_) {
    Warn(unt->number, "UNT",
         "declares " + std::to_string(*declared) + " segments, the message has " +
             std::to_string(message_count_));
  }
  if (unt->at(2) != message_ref_) {
    Warn(unt->number, "UNT",
         "reference " + Shown(unt->at(2)) + " does not match UNH " + Shown(message_ref_));
  }
  skipping_ = false;
}

void Reader::OnHeader(const EdifactSegment& s) {
  const std::string& tag = s.tag;
  if (tag == "MSG") {
    const std::string function = Trim(s.at(1, 1).empty() ? s.at(1, 0) : s.at(1, 1));
    if (m_.document_type.empty()) {
      m_.document_type = function;
    } else if (function != m_.document_type) {
      Warn(s.number, "MSG",
           "message function " + Shown(function) + " differs from " + Shown(m_.document_type));
    }
  } else if (tag == "ORG") {
    if (m_.reporting_party.empty()) m_.reporting_party = JoinFrom(s, 1, 0);
  } else if (tag == "TVL") {
    FlightLeg leg = ReadTvl(s);
    for (size_t i = 0; i < m_.flights.size(); ++i) {
      const FlightLeg& f = m_.flights[i];
      if (f.carrier == leg.carrier && FlightNumberKey(f.number) == FlightNumberKey(leg.number) &&
          f.origin == leg.origin && f.departure.raw == leg.departure.raw) {
        pushed_flight_ = static_cast<int>(i);
        return;
      }
    }
    if (!m_.flights.empty()) {
      Warn(s.number, "TVL",
           "pushed flight " + Shown(leg.Id()) + " differs from the first part's " +
               Shown(m_.flights.front().Id()));
    }
    if (m_.flights.size() >= kMaxFlights) return;
    m_.flights.push_back(std::move(leg));
    pushed_flight_ = static_cast<int>(m_.flights.size()) - 1;
  } else if (tag == "EQN") {
    const std::optional<int> n = ParseCount(s.at(1));
    if (!n) {
      Warn(s.number, "EQN", "number of PNRs " + Shown(s.at(1)) + " unreadable");
    } else if (!m_.declared_bookings) {
      m_.declared_bookings = *n;
    } else if (*m_.declared_bookings != *n) {
      Warn(s.number, "EQN",
           "declares " + std::to_string(*n) + " PNRs, an earlier part " +
               std::to_string(*m_.declared_bookings));
    }
  } else if (tag == "TIF") {
    Warn(s.number, "SRC", "TIF before any SRC: a PNR is opened for it");
    StartBooking(s);
    OnTif(s);
  } else if (tag == "SSR" && IsSensitiveSsrCode(s.at(1, 0))) {
    ++m_.sensitive_deleted;
    Warn(s.number, "SSR", kSensitiveMessage);
  } else if (KnownTag(tag)) {
    Warn(s.number, tag, "segment before the first PNR (SRC), ignored");
  } else {
    Warn(s.number, tag, "unknown segment, ignored");
  }
}

void Reader::OnBody(const EdifactSegment& s) {
  const std::string& tag = s.tag;
  if (tag == "SRC") {
    FinishBooking();
    StartBooking(s);
    return;
  }
  if (zone_ == Zone::kHeader) {
    OnHeader(s);
    return;
  }
  if (tag == "SSR") {
    OnSsr(s);
    return;
  }
  if (zone_ == Zone::kHistory || zone_ == Zone::kNonAir || zone_ == Zone::kSplit) {
    // History, non-air segments and split-PNR references are read past.
    if (tag == "ABI" || tag == "SAC" || tag == "LTS") zone_ = Zone::kHistory;
    if (tag == "MSG" && zone_ != Zone::kHistory) zone_ = Zone::kNonAir;
    if (tag == "TVL" && zone_ == Zone::kSplit) {
      OnTvl(s);  // tolerated: an itinerary after the split-PNR group
      return;
    }
    if (!KnownTag(tag)) Warn(s.number, tag, "unknown segment, ignored");
    return;
  }
  const bool traveller_zone = InTravellerZone(zone_);
  const bool leg_zone = InLegZone(zone_);
  const int t = traveller_zone ? bk_.traveller : -1;
  if (tag == "RCI") {
    OnRci(s);
  } else if (tag == "DAT") {
    OnDat(s);
  } else if (tag == "ORG") {
    OnOrg(s);
  } else if (tag == "IFT") {
    OnIft(s);
  } else if (tag == "ADD") {
    OnAdd(s);
  } else if (tag == "TIF") {
    if (leg_zone) {
      OnCheckInTif(s);
    } else {
      OnTif(s);
    }
  } else if (tag == "FTI") {
    if (t < 0) {
      Warn(s.number, "FTI", "frequent-flyer data outside a traveller group, ignored");
    } else if (m_.travellers[t].frequent_flyer.empty()) {
      m_.travellers[t].frequent_flyer = Trim(s.at(1, 0)) + Trim(s.at(1, 1));
    }
  } else if (tag == "REF") {
    const std::string ref = Trim(s.at(1, 1).empty() ? s.at(1, 0) : s.at(1, 1));
    if (t < 0) {
      Warn(s.number, "REF", "passenger reference outside a traveller group, ignored");
    } else if (m_.travellers[t].passenger_reference.empty()) {
      m_.travellers[t].passenger_reference = ref;
    }
  } else if (tag == "TKT") {
    if (t < 0) {
      Warn(s.number, "TKT", "ticket outside a traveller group, ignored");
      return;
    }
    zone_ = Zone::kTicket;
    const std::string number = Trim(s.at(1, 0));
    auto& tickets = m_.travellers[t].tickets;
    if (!number.empty() && tickets.size() < kMaxTickets &&
        std::find(tickets.begin(), tickets.end(), number) == tickets.end()) {
      tickets.push_back(number);
    }
  } else if (tag == "FOP") {
    OnFop(s);
  } else if (tag == "TVL") {
    OnTvl(s);
  } else if (tag == "TRA" || tag == "RPI" || tag == "APD") {
    if (!leg_zone || bk_.leg < 0) {
      Warn(s.number, tag, "flight data outside an itinerary segment, ignored");
      return;
    }
    FlightLeg& leg = CurrentBooking().itinerary[static_cast<size_t>(bk_.leg)];
    if (tag == "TRA") {
      const std::string carrier = Trim(s.at(1, 0)), number = Trim(s.at(2, 0));
      if (carrier != leg.carrier || FlightNumberKey(number) != FlightNumberKey(leg.number)) {
        if (!carrier.empty()) leg.operating_carrier = carrier;
        if (!number.empty()) leg.operating_number = number;
      }
    } else if (tag == "RPI") {
      leg.status = Trim(s.at(2));
    }
  } else if (tag == "TRI") {
    OnTri(s);
  } else if (tag == "SSD") {
    if (!leg_zone || bk_.checkin < 0) {
      Warn(s.number, "SSD", "seat outside the check-in data of a known traveller, ignored");
      return;
    }
    const std::string seat = NormalizeSeat(s.at(1, 0));
    const FlightLeg* leg =
        bk_.leg >= 0 ? &CurrentBooking().itinerary[static_cast<size_t>(bk_.leg)] : nullptr;
    if (!seat.empty()) SetSeat(bk_.checkin, seat, leg && LegIsPushed(*leg) ? 4 : 2);
  } else if (tag == "TBD") {
    OnTbd(s);
  } else if (tag == "EQN") {
    FlushPending();
    zone_ = Zone::kSplit;
  } else if (tag == "MSG") {
    FlushPending();
    zone_ = Zone::kNonAir;
  } else if (tag == "ABI" || tag == "SAC" || tag == "LTS") {
    FlushPending();
    zone_ = Zone::kHistory;
  } else if (tag == "EBD" || tag == "FAR" || tag == "MON" || tag == "PTK" || tag == "TXD") {
    // Excess bags, fares, amounts, pricing and taxes: not in the model.
  } else if (KnownTag(tag)) {
    Warn(s.number, tag, "segment misplaced inside a PNR, ignored");
  } else {
    Warn(s.number, tag, "unknown segment, ignored");
  }
}

void Reader::StartBooking(const EdifactSegment& s) {
  Booking b;
  b.segment = s.number;
  m_.bookings.push_back(std::move(b));
  bk_ = OpenBooking();
  bk_.index = static_cast<int>(m_.bookings.size()) - 1;
  zone_ = Zone::kBooking;
}

void Reader::FinishBooking() {
  if (bk_.index < 0) return;
  FlushPending();
  Booking& b = CurrentBooking();
  for (size_t t : b.travellers) m_.travellers[t].booking_locator = b.locator;
  if (!bk_.has_rci) {
    Warn(b.segment, "RCI", "PNR without RCI: no record locator");
  }
  bk_ = OpenBooking();
  zone_ = Zone::kHeader;
}

void Reader::FlushPending() {
  if (bk_.index < 0 || !bk_.travellers_open) return;
  bk_.travellers_open = false;
  std::vector<PendingSsr> pending = std::move(bk_.pending);
  bk_.pending.clear();
  for (const PendingSsr& p : pending) ResolveSsr(*p.seg, p.context, p.pushed);
}

void Reader::OnRci(const EdifactSegment& s) {
  if (InLegZone(zone_)) return;  // flight-level locators (Gr5)
  if (bk_.has_rci && zone_ != Zone::kBooking) return;
  bk_.has_rci = true;
  Booking& b = CurrentBooking();
  for (size_t e = 1; e <= s.elements.size(); ++e) {
    const std::string system = Trim(s.at(e, 0)), locator = Trim(s.at(e, 1));
    if (locator.empty()) continue;
    if (b.locator.empty()) {
      b.locator = locator;
    } else {
      b.other_locators.push_back(system + ":" + locator);
    }
    if (b.created.raw.empty() && !s.at(e, 3).empty()) {
      b.created = ReadDate(s.at(e, 3), s.at(e, 4), s.number, "RCI creation");
    }
  }
}

void Reader::OnDat(const EdifactSegment& s) {
  if (InLegZone(zone_)) {
    zone_ = Zone::kCheckIn;  // Gr6 opens check-in data
    return;
  }
  Booking& b = CurrentBooking();
  for (size_t e = 1; e <= s.elements.size(); ++e) {
    const std::string q = Trim(s.at(e, 0));
    if (q == "700" && zone_ == Zone::kBooking) {
      b.last_modified = ReadDate(s.at(e, 1), s.at(e, 2), s.number, "DAT 700");
    } else if (q == "710" || (zone_ == Zone::kTicket && q.empty())) {
      if (b.ticketed.raw.empty()) {
        b.ticketed = ReadDate(s.at(e, 1), s.at(e, 2), s.number, "DAT 710");
      }
    }
  }
}

void Reader::OnOrg(const EdifactSegment& s) {
  if (InLegZone(zone_)) {
    zone_ = Zone::kCheckIn;  // Gr6: the check-in agent
    return;
  }
  if (bk_.has_org) return;
  bk_.has_org = true;
  Booking& b = CurrentBooking();
  const std::string agent = Trim(s.at(2, 0)), office = Trim(s.at(2, 1));
  b.agency = agent.empty() || office.empty() ? agent + office : agent + ":" + office;
  b.agency_type = Trim(s.at(5, 0));
  b.agency_country = Trim(s.at(6, 0));
}

void Reader::OnIft(const EdifactSegment& s) {
  if (InLegZone(zone_)) return;  // flight-level remarks
  const std::string type = Trim(s.at(1, 1));
  std::vector<std::string> lines;
  for (size_t e = 2; e <= s.elements.size(); ++e) lines.push_back(JoinFrom(s, e, 0));
  if (zone_ == Zone::kPayment && type == "43") {
    std::string payer;
    for (const auto& l : lines) {
      const std::string t = Trim(l);
      if (t.empty()) continue;
      if (!payer.empty()) payer += ' ';
      payer += t;
    }
    auto set_payer = [&](std::vector<Payment>* payments, size_t from) {
      for (size_t i = from; i < payments->size(); ++i) {
        if ((*payments)[i].segment == bk_.fop_segment) (*payments)[i].payer = payer;
      }
    };
    set_payer(&CurrentBooking().payments, bk_.fop_booking_from);
    if (bk_.fop_traveller >= 0) {
      set_payer(&m_.travellers[bk_.fop_traveller].payments, bk_.fop_traveller_from);
    }
    return;
  }
  if (type == "15") return;  // fare calculation
  const int t = InTravellerZone(zone_) ? bk_.traveller : -1;
  for (const auto& line : lines) {
    std::optional<Contact> c = ContactInText(line, s.number);
    if (!c) continue;
    AddContact(t >= 0 ? &m_.travellers[t].contacts : &CurrentBooking().contacts, std::move(*c));
  }
}

void Reader::OnAdd(const EdifactSegment& s) {
  if (InLegZone(zone_)) return;
  // C031 is element 2; some senders put it in element 1.
  const size_t e = s.has(2) ? 2 : 1;
  Address a;
  a.street = Trim(s.at(e, 1));
  a.city = Trim(s.at(e, 2));
  a.region = Trim(s.at(e, 3).empty() ? s.at(e, 4) : s.at(e, 3));
  a.country = Trim(s.at(e, 5));
  a.postcode = Trim(s.at(e, 6));
  a.segment = s.number;
  const std::string reach = Trim(s.at(e, 7));
  const bool payer = zone_ == Zone::kPayment;
  a.kind = payer ? "payer" : "contact";
  const int t = InTravellerZone(zone_) && !payer ? bk_.traveller : -1;
  Booking& b = CurrentBooking();
  if (!a.street.empty() || !a.city.empty() || !a.region.empty() || !a.country.empty() ||
      !a.postcode.empty()) {
    if (t >= 0) {
      m_.travellers[t].addresses.push_back(a);
    } else {
      b.addresses.push_back(a);
    }
  }
  if (!reach.empty()) {
    Contact c;
    const bool email = reach.find('@') != std::string::npos ||
                       reach.find("//") != std::string::npos ||
                       Upper(reach).find(".AT.") != std::string::npos;
    c.kind = email ? "email" : "phone";
    c.value = email ? AirimpEmail(reach) : reach;
    c.segment = s.number;
    AddContact(t >= 0 ? &m_.travellers[t].contacts : &b.contacts, std::move(c));
  }
}

int Reader::NewTraveller(int segment, PersonName name) {
  Booking& b = CurrentBooking();
  Traveller tr;
  tr.role = TravellerRole::kPassenger;
  tr.name = std::move(name);
  tr.booking = bk_.index;
  tr.booking_locator = b.locator;
  tr.segment = segment;
  TravellerState st;
  st.key = NoSpaces(tr.name.surname) + "/" + JoinNoSpaces(tr.name.given);
  const int idx = static_cast<int>(m_.travellers.size());
  bk_.by_surname[NoSpaces(tr.name.surname)].push_back(idx);
  m_.travellers.push_back(std::move(tr));
  state_.push_back(std::move(st));
  b.travellers.push_back(static_cast<size_t>(idx));
  return idx;
}

void Reader::OnTif(const EdifactSegment& s) {
  if (!bk_.travellers_open) {
    // A traveller group after the itinerary: tolerated, its SSRs apply at once.
    Warn(s.number, "TIF", "traveller group after the itinerary or check-in data");
  }
  zone_ = Zone::kTraveller;
  if (CurrentBooking().travellers.size() >= kMaxTravellersPerBooking) {
    if (!bk_.travellers_capped) {
      Warn(s.number, "TIF",
           "more than " + std::to_string(kMaxTravellersPerBooking) +
               " names in one PNR: the rest are not read");
    }
    bk_.travellers_capped = true;
    bk_.traveller = -1;
    return;
  }
  const std::string surname = s.at(1, 0);
  const bool group = Upper(Trim(s.at(1, 1))) == "G";
  const size_t names = s.elements.size() >= 2 ? s.elements.size() - 1 : 1;
  int first = -1;
  for (size_t k = 0; k < names; ++k) {
    const size_t e = k + 2;
    const int t = NewTraveller(s.number, ParsePnrName(surname, s.at(e, 0)));
    Traveller& tr = m_.travellers[t];
    tr.passenger_type = Trim(s.at(e, 1));
    if (tr.passenger_type.empty() && group) tr.passenger_type = "G";
    tr.traveller_ref = Trim(s.at(e, 2));
    const std::string flag = Upper(Trim(s.at(e, 3)));
    tr.with_infant = flag == "1" || flag == "Y";
    if (!tr.traveller_ref.empty()) {
      if (bk_.by_ref.count(tr.traveller_ref)) {
        AddFinding(t, s.number, "TIF traveller reference",
                   "reference " + Shown(tr.traveller_ref) + " is used by another traveller");
      } else {
        bk_.by_ref[tr.traveller_ref] = t;
      }
    }
    if (tr.name.empty()) AddFinding(t, s.number, "TIF", "no name");
    if (IsInfantType(tr.passenger_type)) {
      // The adult flagged "with infant" most recently, in this TIF or an earlier one.
      auto& waiting = bk_.awaiting_infant;
      while (!waiting.empty() && state_[waiting.back()].infant >= 0) waiting.pop_back();
      if (!waiting.empty()) {
        state_[waiting.back()].infant = t;
        state_[t].adult = waiting.back();
        waiting.pop_back();
      }
    } else {
      if (first < 0) first = t;
      if (tr.with_infant) bk_.awaiting_infant.push_back(t);
    }
  }
  bk_.traveller = first >= 0 ? first : static_cast<int>(m_.travellers.size()) - 1;
}

void Reader::OnCheckInTif(const EdifactSegment& s) {
  const std::string ref = Trim(s.at(2, 2));
  int t = ref.empty() ? -1 : FindByRef(ref);
  if (t < 0) t = FindByName(ParsePnrName(s.at(1, 0), s.at(2, 0)), false);
  if (t < 0) {
    if (zone_ == Zone::kLeg) {
      OnTif(s);  // not check-in data after all: a late traveller group
      return;
    }
    Warn(s.number, "TIF", "check-in data names no traveller of the PNR, ignored");
    bk_.checkin = -1;
    zone_ = Zone::kCheckInPax;
    return;
  }
  bk_.checkin = t;
  m_.travellers[t].checked_in = true;
  zone_ = Zone::kCheckInPax;
}

void Reader::OnTri(const EdifactSegment& s) {
  if (!InLegZone(zone_) || bk_.leg < 0) {
    Warn(s.number, "TRI", "check-in data outside an itinerary segment, ignored");
    return;
  }
  zone_ = Zone::kCheckInPax;
  bk_.checkin = -1;
  const std::string ref = Trim(s.at(2, 3));
  if (ref.empty()) return;  // a TIF follows
  const int t = FindByRef(ref);
  if (t < 0) {
    Warn(s.number, "TRI", "traveller reference " + Shown(ref) + " is not in the PNR");
    return;
  }
  bk_.checkin = t;
  m_.travellers[t].checked_in = true;
}

void Reader::OnTbd(const EdifactSegment& s) {
  if (!InLegZone(zone_) || bk_.checkin < 0 || bk_.leg < 0) {
    Warn(s.number, "TBD", "baggage outside the check-in data of a known traveller, ignored");
    return;
  }
  const int t = bk_.checkin;
  Traveller& tr = m_.travellers[t];
  const FlightLeg& leg = CurrentBooking().itinerary[static_cast<size_t>(bk_.leg)];
  const bool pushed = LegIsPushed(leg);
  const bool take = pushed || !state_[t].bags_pushed;
  if (pushed) state_[t].bags_pushed = true;
  const std::string pieces_raw = s.at(2, 0), weight_raw = s.at(2, 1);
  const std::string unit = Trim(s.at(2, 2));
  if (!Trim(pieces_raw).empty()) {
    const std::optional<int> pieces = ParseCount(pieces_raw);
    if (!pieces || *pieces > 999) {
      AddFinding(t, s.number, "TBD pieces", Shown(pieces_raw) + " is not a number of bags");
    } else if (take || tr.bags < 0) {
      tr.bags = *pieces;
    }
  }
  if (!Trim(weight_raw).empty()) {
    std::optional<double> weight = ToDecimal(weight_raw);
    // 700 kilograms (also when no unit is sent), 701 pounds, 702 no weight.
    if (unit == "701" && weight) *weight *= kKgPerPound;
    if (!weight || *weight > 10000) {
      AddFinding(t, s.number, "TBD weight", Shown(weight_raw) + " is not a weight");
    } else if (unit != "700" && unit != "701" && !unit.empty()) {
      if (unit != "702") AddFinding(t, s.number, "TBD unit", Shown(unit) + " is not 700 or 701");
    } else if (take || tr.bag_weight_kg < 0) {
      tr.bag_weight_kg = *weight;
    }
  }
  for (size_t e = 5; e <= s.elements.size(); ++e) {
    const std::string carrier = Trim(s.at(e, 0));
    std::string tag = Trim(s.at(e, 1));
    if (tag.empty()) continue;
    const std::optional<int> count_opt = ParseCount(s.at(e, 2));
    const int count = std::clamp(count_opt.value_or(1), 1, kMaxConsecutiveTags);
    for (int k = 0; k < count && tr.bag_tags.size() < kMaxBagTags; ++k) {
      const std::string full = tag.size() >= 10 ? tag : carrier + tag;
      if (std::find(tr.bag_tags.begin(), tr.bag_tags.end(), full) == tr.bag_tags.end()) {
        tr.bag_tags.push_back(full);
      }
      if (!IncrementDigits(&tag)) break;
    }
  }
}

void Reader::OnFop(const EdifactSegment& s) {
  const int t = InTravellerZone(zone_) ? bk_.traveller : -1;
  zone_ = Zone::kPayment;
  bk_.fop_segment = s.number;
  bk_.fop_traveller = t;
  bk_.fop_booking_from = CurrentBooking().payments.size();
  bk_.fop_traveller_from = t >= 0 ? m_.travellers[t].payments.size() : 0;
  for (size_t e = 1; e <= s.elements.size(); ++e) {
    Payment p;
    p.type = Trim(s.at(e, 0));
    p.amount = Trim(s.at(e, 2));
    p.card_vendor = Trim(s.at(e, 3));
    p.account = Trim(s.at(e, 4));
    p.card_expiry = Trim(s.at(e, 5));
    p.segment = s.number;
    if (p.type.empty() && p.amount.empty() && p.account.empty()) continue;
    if (t >= 0) m_.travellers[t].payments.push_back(p);
    CurrentBooking().payments.push_back(std::move(p));
  }
}

FlightLeg Reader::ReadTvl(const EdifactSegment& s) {
  FlightLeg leg;
  leg.segment = s.number;
  const std::string dep_date = s.at(1, 0), dep_time = s.at(1, 1);
  std::string arr_date = s.at(1, 2), arr_time = s.at(1, 3);
  // "280918:1220:1505": the arrival date left out, the third value is a time.
  if (arr_time.empty() && Trim(arr_date).size() == 4) std::swap(arr_date, arr_time);
  leg.departure = ReadDate(dep_date, dep_time, s.number, "TVL departure");
  leg.arrival = ReadDate(arr_date, arr_time, s.number, "TVL arrival");
  leg.origin = Trim(s.at(2, 0));
  leg.destination = Trim(s.at(3, 0));
  leg.carrier = Trim(s.at(4, 0));
  const std::string operating = Trim(s.at(4, 1));
  if (!operating.empty() && operating != leg.carrier) leg.operating_carrier = operating;
  leg.number = Trim(s.at(5, 0));
  leg.booking_class = Trim(s.at(5, 1));
  return leg;
}

void Reader::OnTvl(const EdifactSegment& s) {
  FlushPending();
  // IG < 14.1 codeshare: "TVL+++++303:Y" right after the marketing flight
  // carries the operating flight number only.
  const bool operating_only = ElementEmpty(s, 1) && ElementEmpty(s, 2) && ElementEmpty(s, 3) &&
                              ElementEmpty(s, 4) && IsDigit(Trim(s.at(5, 0)).c_str()[0]);
  Booking& b = CurrentBooking();
  if (operating_only && zone_ == Zone::kLeg && bk_.leg >= 0) {
    FlightLeg& leg = b.itinerary[static_cast<size_t>(bk_.leg)];
    if (leg.operating_number.empty()) {
      leg.operating_number = Trim(s.at(5, 0));
      return;
    }
  }
  b.itinerary.push_back(ReadTvl(s));
  bk_.leg = static_cast<int>(b.itinerary.size()) - 1;
  bk_.checkin = -1;
  zone_ = Zone::kLeg;
}

void Reader::OnSsr(const EdifactSegment& s) {
  if (InTravellerZone(zone_) || zone_ == Zone::kBooking) {
    const int context = InTravellerZone(zone_) ? bk_.traveller : -1;
    if (bk_.travellers_open) {
      bk_.pending.push_back({&s, context, PointsArePushed(s)});
    } else {
      ResolveSsr(s, context, PointsArePushed(s));
    }
    return;
  }
  if (InLegZone(zone_) && bk_.leg >= 0) {
    ResolveSsr(s, -1, LegIsPushed(CurrentBooking().itinerary[static_cast<size_t>(bk_.leg)]));
    return;
  }
  // History, non-air and split groups: nothing is stored, sensitive codes are counted.
  if (IsSensitiveSsrCode(s.at(1, 0))) {
    ++m_.sensitive_deleted;
    Warn(s.number, "SSR", kSensitiveMessage);
  }
}

void Reader::ResolveSsr(const EdifactSegment& s, int context, bool pushed) {
  const std::string code = Upper(Trim(s.at(1, 0)));
  if (code.empty()) {
    Warn(s.number, "SSR", "no SSR code, ignored");
    return;
  }
  // Travellers named by 9944 references, with the element that names them.
  std::vector<std::pair<int, size_t>> targets;
  std::unordered_set<int> seen;
  std::string unknown_ref;
  for (size_t e = 2; e <= s.elements.size(); ++e) {
    const std::string ref = Trim(s.at(e, 2));
    if (ref.empty()) continue;
    const int t = FindByRef(ref);
    if (t < 0) {
      unknown_ref = ref;
    } else if (seen.insert(t).second) {
      targets.emplace_back(t, e);
    }
  }
  if (targets.empty()) {
    const int t = context >= 0 ? context : SoleAdult();
    if (t >= 0) targets.emplace_back(t, 0);
  }
  if (IsSensitiveSsrCode(code)) {
    ++m_.sensitive_deleted;
    if (targets.empty()) {
      Warn(s.number, "SSR", kSensitiveMessage);
    } else {
      for (const auto& [t, e] : targets) AddFinding(t, s.number, "SSR", kSensitiveMessage);
    }
    return;
  }
  if (!unknown_ref.empty()) {
    Warn(s.number, "SSR " + code,
         "traveller reference " + Shown(unknown_ref) + " is not in the PNR");
  }
  if (targets.empty()) {
    ApplyPnrLevelSsr(s, code);
    return;
  }
  for (const auto& [t, e] : targets) ApplySsr(t, e, s, code, pushed);
}

// An SSR naming no traveller in a PNR of several: personal data is attached
// only where a name says whose it is.
void Reader::ApplyPnrLevelSsr(const EdifactSegment& s, const std::string& code) {
  const std::string text = JoinFrom(s, 1, 8);
  Booking& b = CurrentBooking();
  if (code == "DOCS") {
    Result<DocsSsr> d = ParseDocs(text, options_);
    if (!d.ok()) {
      Warn(s.number, "SSR DOCS", d.status().message() + " (at PNR level, not attached)");
      return;
    }
    {
      PersonName holder;
      holder.surname = d->surname;
      holder.given = SplitWords(d->given + " " + d->middle);
      const int t = FindByName(holder, d->infant);
      if (t >= 0 || d->infant) {
        const int target = ApplyDocs(t, *d, s.number);
        if (target >= 0) AddService(target, code);
        return;
      }
    }
    Warn(s.number, "SSR DOCS", "names no traveller of the PNR, not attached");
    return;
  }
  if (code == "INFT") {
    Result<InftSsr> inft = ParseInft(text, options_);
    if (inft.ok()) {
      const int t = InfantOf(-1, inft->name, s.number);
      if (t >= 0 && m_.travellers[t].birth_date.raw.empty()) {
        m_.travellers[t].birth_date = inft->birth_date;
      }
      if (t >= 0) return;
    }
    Warn(s.number, "SSR INFT", "names no traveller of the PNR, not attached");
    return;
  }
  if (code.size() == 4 && code.compare(0, 3, "CTC") == 0) {
    std::optional<Contact> c = ContactInText(code + " " + text, s.number);
    if (c) AddContact(&b.contacts, std::move(*c));
    return;
  }
  static constexpr std::array<std::string_view, 8> kPersonal = {"DOCO", "DOCA", "FOID", "FQTV",
                                                                "TKNE", "SEAT", "CHLD", "UMNR"};
  if (std::find(kPersonal.begin(), kPersonal.end(), code) != kPersonal.end()) {
    Warn(s.number, "SSR " + code,
         "names no traveller and the PNR has several (" + std::to_string(b.travellers.size()) +
             "), not attached");
    return;
  }
  // A request for the whole PNR.
  for (size_t t : b.travellers) AddService(static_cast<int>(t), code);
}

void Reader::ApplySsr(int t, size_t element, const EdifactSegment& s, const std::string& code,
                      bool pushed) {
  const std::string text = JoinFrom(s, 1, 8);
  const std::string field = "SSR " + code;
  int target = t;
  if (code == "DOCS") {
    Result<DocsSsr> d = ParseDocs(text, options_);
    if (!d.ok()) {
      AddFinding(t, s.number, field, d.status().message());
    } else {
      target = ApplyDocs(t, *d, s.number);
      if (target < 0) return;
    }
  } else if (code == "DOCO" || code == "DOCA") {
    // "/I" at the end: the data is the infant's travelling with `t`.
    auto infant_target = [&](bool infant) {
      if (!infant || IsInfantType(m_.travellers[t].passenger_type)) return t;
      if (state_[t].infant < 0) {
        AddFinding(t, s.number, field, "for an infant, but the PNR names no infant with them");
      }
      return state_[t].infant;
    };
    if (code == "DOCO") {
      Result<DocoSsr> o = ParseDoco(text, options_);
      if (!o.ok()) {
        AddFinding(t, s.number, field, o.status().message());
      } else {
        target = infant_target(o->infant);
        if (target < 0) return;
        ApplyDoco(target, *o, s.number);
      }
    } else {
      Result<DocaSsr> a = ParseDoca(text, options_);
      if (!a.ok()) {
        AddFinding(t, s.number, field, a.status().message());
      } else {
        target = infant_target(a->infant);
        if (target < 0) return;
        ApplyDoca(target, *a, s.number);
      }
    }
  } else if (code == "INFT") {
    Result<InftSsr> inft = ParseInft(text, options_);
    if (!inft.ok()) {
      AddFinding(t, s.number, field, inft.status().message());
    } else {
      const int infant = InfantOf(t, inft->name, s.number);
      if (infant >= 0) {
        for (const SsrProblem& p : inft->problems) {
          AddFinding(infant, s.number, field + " " + p.field, p.message);
        }
        Traveller& tr = m_.travellers[infant];
        if (tr.birth_date.raw.empty()) tr.birth_date = inft->birth_date;
      }
    }
  } else if (code == "FOID") {
    // "PP123456789": a passport or national identity card given as the form of id.
    std::string id = Trim(text);
    while (!id.empty() && id.front() == '/') id.erase(0, 1);
    const std::string kind = Upper(id.substr(0, 2));
    if ((kind == "PP" || kind == "NI") && id.size() > 2) {
      TravelDocument doc;
      doc.type = kind == "PP" ? "P" : "I";
      doc.number = Trim(id.substr(2));
      doc.segment = s.number;
      Traveller& tr = m_.travellers[t];
      const bool known = std::any_of(tr.documents.begin(), tr.documents.end(),
                                     [&](auto& x) { return x.number == doc.number; });
      if (!known && tr.documents.size() < kMaxDocuments) tr.documents.push_back(std::move(doc));
    }
  } else if (code.size() == 4 && code.compare(0, 3, "CTC") == 0) {
    std::optional<Contact> c = ContactInText(code + " " + text, s.number);
    if (c) AddContact(&m_.travellers[t].contacts, std::move(*c));
  } else if (code == "FQTV") {
    if (m_.travellers[t].frequent_flyer.empty()) {
      std::string ff = NoSpaces(text);
      while (!ff.empty() && ff.front() == '/') ff.erase(0, 1);
      m_.travellers[t].frequent_flyer = ff;
    }
  } else if (code == "TKNE") {
    std::string digits;
    for (char c : text) {
      if (IsDigit(c)) {
        digits += c;
      } else if (!digits.empty() || (c != '/' && !IsSpace(c))) {
        break;
      }
    }
    auto& tickets = m_.travellers[t].tickets;
    if (digits.size() >= 13 && tickets.size() < kMaxTickets) {
      digits.resize(13);
      if (std::find(tickets.begin(), tickets.end(), digits) == tickets.end()) {
        tickets.push_back(digits);
      }
    }
  } else if (code == "SEAT" || code == "NSST" || code == "RQST") {
    const std::string seat = NormalizeSeat(s.at(element > 0 ? element : 2, 0));
    if (!seat.empty()) SetSeat(t, seat, pushed ? 3 : 1);
  } else if (code == "CHLD") {
    // Often "/12MAR15" or "12MAR15": the child's birth date.
    std::string dob = Trim(text);
    while (!dob.empty() && dob.front() == '/') dob.erase(0, 1);
    Traveller& tr = m_.travellers[t];
    if (!dob.empty() && tr.birth_date.raw.empty()) {
      const std::optional<model::PartialDate> d =
          ParseDdMmmYy(dob, DateRole::kBirth, options_.today);
      if (d) {
        tr.birth_date.raw = dob;
        tr.birth_date.date = *d;
      }
    }
  }
  AddService(target, code);
}

// Applies a parsed DOCS to traveller `t` (-1: not known), or to the infant
// travelling with them when the gender is MI/FI. Returns the traveller the
// document went to, -1 when none.
int Reader::ApplyDocs(int t, const DocsSsr& d, int segment) {
  PersonName holder;
  holder.surname = d.surname;
  holder.given = SplitWords(d.given + " " + d.middle);
  int target = t;
  if (d.infant && (t < 0 || !IsInfantType(m_.travellers[t].passenger_type))) {
    target = InfantOf(t, holder, segment);
    if (target < 0) {
      if (t >= 0) {
        AddFinding(t, segment, "SSR DOCS",
                   "an infant's document (gender " + d.gender + ") names no infant");
      }
      return -1;
    }
  }
  if (target < 0) return -1;
  Traveller& tr = m_.travellers[target];
  for (const SsrProblem& p : d.problems) {
    AddFinding(target, segment, "SSR DOCS " + p.field, p.message);
  }
  // Spaces that are line-break artefacts ("BEL T"): when the document's name
  // equals the TIF name but for spaces, the TIF spelling is taken.
  if (!holder.surname.empty() && NoSpaces(holder.surname) == NoSpaces(tr.name.surname)) {
    holder.surname = tr.name.surname;
  }
  if (!holder.given.empty() && JoinNoSpaces(holder.given) == JoinNoSpaces(tr.name.given)) {
    holder.given = tr.name.given;
  }
  if (!d.number.empty() || !d.document_type.empty()) {
    TravelDocument doc;
    doc.type = d.document_type;
    doc.number = d.number;
    doc.issuing_country = d.issuing_country;
    doc.expiry = d.expiry;
    doc.holder = holder;
    doc.segment = segment;
    const bool known = std::any_of(tr.documents.begin(), tr.documents.end(), [&](auto& x) {
      return x.type == doc.type && x.number == doc.number &&
             x.issuing_country == doc.issuing_country;
    });
    if (!known && tr.documents.size() < kMaxDocuments) tr.documents.push_back(std::move(doc));
  }
  if (tr.nationality.empty()) tr.nationality = d.nationality;
  if (!d.birth_date.raw.empty()) {
    if (tr.birth_date.raw.empty()) {
      tr.birth_date = d.birth_date;
    } else if (!tr.birth_date.empty() && !d.birth_date.empty() &&
               !(tr.birth_date.date == d.birth_date.date)) {
      AddFinding(
          target, segment, "SSR DOCS date of birth",
          Shown(d.birth_date.raw) + " differs from " + Shown(tr.birth_date.raw) + " given earlier");
    }
  }
  if (tr.gender_raw.empty() && !d.gender.empty()) {
    tr.gender_raw = d.gender;
    tr.gender = d.gender_value;
  }
  return target;
}

void Reader::ApplyDoco(int t, const DocoSsr& d, int segment) {
  for (const SsrProblem& p : d.problems) AddFinding(t, segment, "SSR DOCO " + p.field, p.message);
  Traveller& tr = m_.travellers[t];
  TravelDocument doc;
  doc.type = d.document_type;
  doc.number = d.number;
  doc.issuing_country = d.applicable_country;  // a visa is issued by the state it is for
  doc.issue_place = d.issue_place;
  doc.issued = d.issued;
  doc.segment = segment;
  const bool known = std::any_of(tr.documents.begin(), tr.documents.end(), [&](auto& x) {
    return x.type == doc.type && x.number == doc.number && x.issuing_country == doc.issuing_country;
  });
  if (!known && tr.documents.size() < kMaxDocuments && (!doc.number.empty() || !doc.type.empty())) {
    tr.documents.push_back(std::move(doc));
  }
  if (tr.birth_place.empty()) tr.birth_place = d.birth_place;
}

void Reader::ApplyDoca(int t, const DocaSsr& d, int segment) {
  for (const SsrProblem& p : d.problems) AddFinding(t, segment, "SSR DOCA " + p.field, p.message);
  Traveller& tr = m_.travellers[t];
  Address addr;
  addr.kind = d.address_type == "R"   ? "residence"
              : d.address_type == "D" ? "destination"
                                      : d.address_type;
  addr.street = d.street;
  addr.city = d.city;
  addr.region = d.region;
  addr.postcode = d.postcode;
  addr.country = d.country;
  addr.segment = segment;
  const bool known = std::any_of(tr.addresses.begin(), tr.addresses.end(), [&](auto& x) {
    return x.kind == addr.kind && x.street == addr.street && x.city == addr.city &&
           x.country == addr.country && x.postcode == addr.postcode;
  });
  if (!known && tr.addresses.size() < kMaxDocuments) tr.addresses.push_back(std::move(addr));
  if (d.address_type == "R" && tr.residence_country.empty()) tr.residence_country = d.country;
}

// The infant travelling with `adult` (-1: unknown) named `name`: the one
// already known, else a record created for it. -1 when there is no name to
// create one from.
int Reader::InfantOf(int adult, const PersonName& name, int segment) {
  if (adult >= 0 && state_[adult].infant >= 0) {
    const int known = state_[adult].infant;
    if (name.empty() || FindByName(name, true) == known || FindByName(name, true) < 0) {
      return known;
    }
  }
  int t = name.empty() ? -1 : FindByName(name, true);
  if (t < 0) {
    if (name.empty()) return -1;
    if (CurrentBooking().travellers.size() >= kMaxTravellersPerBooking) return -1;
    t = NewTraveller(segment, name);
    m_.travellers[t].passenger_type = "IN";
  }
  if (adult >= 0 && state_[adult].infant < 0 && state_[t].adult < 0) {
    state_[adult].infant = t;
    state_[t].adult = adult;
    m_.travellers[adult].with_infant = true;
  }
  return t;
}

int Reader::FindByRef(const std::string& ref) const {
  const auto it = bk_.by_ref.find(ref);
  return it == bk_.by_ref.end() ? -1 : it->second;
}

// A traveller of the open PNR by name: the same surname and given names
// (spaces ignored), else the only one whose given names start like these.
int Reader::FindByName(const PersonName& name, bool infants_only) const {
  if (bk_.index < 0 || name.surname.empty()) return -1;
  const std::string surname = NoSpaces(name.surname);
  const auto same = bk_.by_surname.find(surname);
  if (same == bk_.by_surname.end()) return -1;
  const std::string given = JoinNoSpaces(name.given);
  const std::string key = surname + "/" + given;
  int prefix_match = -1, prefix_matches = 0;
  for (int i : same->second) {
    if (infants_only && !IsInfantType(m_.travellers[i].passenger_type)) continue;
    const std::string& k = state_[i].key;
    if (k == key) return i;
    const std::string other = k.substr(std::min(k.size(), surname.size() + 1));
    if (!given.empty() && !other.empty() &&
        (other.compare(0, given.size(), given) == 0 ||
         given.compare(0, other.size(), other) == 0)) {
      prefix_match = i;
      ++prefix_matches;
    }
  }
  return prefix_matches == 1 ? prefix_match : -1;
}

// The only traveller of the open PNR who is not an infant, or -1.
int Reader::SoleAdult() const {
  if (bk_.index < 0) return -1;
  int found = -1;
  for (size_t i : m_.bookings[static_cast<size_t>(bk_.index)].travellers) {
    if (IsInfantType(m_.travellers[i].passenger_type)) continue;
    if (found >= 0) return -1;
    found = static_cast<int>(i);
  }
  return found;
}

bool Reader::LegIsPushed(const FlightLeg& leg) const {
  if (pushed_flight_ < 0) return true;  // no level-0 flight: every leg counts
  const FlightLeg& f = m_.flights[static_cast<size_t>(pushed_flight_)];
  if (!leg.origin.empty() && !f.origin.empty() && leg.origin != f.origin) return false;
  const std::string n = FlightNumberKey(f.number);
  return (leg.carrier == f.carrier && FlightNumberKey(leg.number) == n) ||
         (!leg.operating_carrier.empty() && leg.operating_carrier == f.carrier &&
          FlightNumberKey(leg.operating_number) == n);
}

// SSR C334 board and off points (components 7 and 8) name the pushed flight's.
bool Reader::PointsArePushed(const EdifactSegment& s) const {
  if (pushed_flight_ < 0) return true;
  const FlightLeg& f = m_.flights[static_cast<size_t>(pushed_flight_)];
  return !f.origin.empty() && Trim(s.at(1, 6)) == f.origin && Trim(s.at(1, 7)) == f.destination;
}

DateTime Reader::ReadDate(std::string_view date, std::string_view time, int segment,
                          const std::string& field) {
  DateTime dt;
  dt.raw = Trim(date);
  if (!dt.raw.empty()) {
    const std::optional<model::PartialDate> d =
        ParseDdMmYy(dt.raw, DateRole::kEvent, options_.today);
    if (d) {
      dt.date = *d;
    } else {
      Warn(segment, field + " date", Shown(dt.raw) + " is not a DDMMYY date");
    }
  }
  const std::string t = Trim(time);
  if (!t.empty()) {
    const std::optional<int> minutes = ParseHhMm(t);
    if (minutes) {
      dt.minutes = *minutes;
    } else {
      Warn(segment, field + " time", Shown(t) + " is not an HHMM time");
    }
  }
  return dt;
}

void Reader::SetSeat(int t, const std::string& seat, int rank) {
  if (rank <= state_[t].seat_rank) return;
  state_[t].seat_rank = rank;
  m_.travellers[t].seat = seat;
}

void Reader::AddService(int t, const std::string& code) {
  auto& services = m_.travellers[t].services;
  if (services.size() >= kMaxServices) return;
  if (std::find(services.begin(), services.end(), code) == services.end()) {
    services.push_back(code);
  }
}

void Reader::AddContact(std::vector<Contact>* list, Contact c) {
  if (list->size() >= kMaxContacts) return;
  for (const Contact& x : *list) {
    if (x.kind == c.kind && x.value == c.value) return;
  }
  list->push_back(std::move(c));
}

void Reader::AddFinding(int t, int segment, std::string field, std::string message) {
  Traveller& tr = m_.travellers[t];
  if (tr.findings.size() >= kMaxFindingsPerTraveller) {
    if (!state_[t].capped) {
      state_[t].capped = true;
      tr.findings.push_back({segment, "findings", "further findings on this traveller dropped"});
    }
    return;
  }
  tr.findings.push_back({segment, std::move(field), Prefix() + std::move(message)});
}

void Reader::Warn(int segment, std::string field, std::string message) {
  if (m_.warnings.size() >= kMaxWarnings) {
    if (!warnings_capped_) {
      warnings_capped_ = true;
      m_.warnings.push_back({0, "warnings", "further warnings dropped"});
    }
    return;
  }
  m_.warnings.push_back({segment, std::move(field), Prefix() + std::move(message)});
}

Result<Manifest> Reader::Finish() {
  if (pnr_messages_ == 0) {
    if (!first_refusal_.empty()) return Status::InvalidArgument("PNRGOV: " + first_refusal_);
    return Status::InvalidArgument("PNRGOV: no message in the input (no UNH segment)");
  }
  m_.parts = pnr_messages_;
  if (any_part_indicator_ && !final_seen_) {
    m_.complete = false;
    Warn(0, "UNH S010",
         "the final part (F) of the push was not received: " + std::to_string(pnr_messages_) +
             " part(s) read");
  }
  if (!part_numbers_.empty()) {
    std::vector<int> sorted = part_numbers_;
    std::sort(sorted.begin(), sorted.end());
    bool consecutive = true;
    for (size_t i = 0; i < sorted.size(); ++i) consecutive &= sorted[i] == static_cast<int>(i) + 1;
    if (!consecutive) {
      std::string list;
      for (int n : part_numbers_) list += (list.empty() ? "" : ", ") + std::to_string(n);
      m_.complete = false;
      Warn(0, "UNH S010", "part numbers " + list + ": a part is missing or repeated");
    }
  }
  if (m_.flights.empty()) Warn(0, "TVL", "no pushed flight (level-0 TVL)");
  if (m_.declared_bookings && static_cast<size_t>(*m_.declared_bookings) != m_.bookings.size()) {
    Warn(0, "EQN",
         "declares " + std::to_string(*m_.declared_bookings) + " PNRs, " +
             std::to_string(m_.bookings.size()) + " read" +
             (m_.complete ? "" : " (the push is incomplete)"));
  }
  return std::move(m_);
}

}  // namespace

Result<Manifest> ParsePnrgov(std::string_view bytes, const ParseOptions& options) {
  Reader reader(options);
  size_t offset = 0;
  for (int n = 1; offset < bytes.size(); ++n) {
    if (n > kMaxInterchanges) {
      return Status::InvalidArgument("PNRGOV: more than " + std::to_string(kMaxInterchanges) +
                                     " interchanges in one input");
    }
    const std::string_view rest = bytes.substr(offset);
    Result<EdifactInterchange> ic = ParseEdifact(rest);
    if (!ic.ok()) {
      // After the first interchange, text without another one is a footer.
      if (n > 1 && ic.status().message().rfind("no EDIFACT interchange", 0) == 0) break;
      return Status::InvalidArgument("PNRGOV" + (n > 1 ? " interchange " + std::to_string(n) : "") +
                                     ": " + ic.status().message());
    }
    HUDUD_RETURN_IF_ERROR(reader.ReadInterchange(*ic, n));
    if (ic->end_offset == 0 || ic->end_offset > rest.size()) break;
    offset += ic->end_offset;
  }
  return reader.Finish();
}

}  // namespace hudud::travel
