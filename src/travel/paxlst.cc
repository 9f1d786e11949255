// The PAXLST grammar over the EDIFACT syntax layer: a stateful reader keyed
// on segment tag and qualifier (header, flight legs, persons, documents),
// then the joining of message parts into one Manifest per flight.
#include "travel/paxlst.h"

#include <charconv>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "travel/edifact.h"
#include "travel/icao_codes.h"
#include "travel/message_text.h"
#include "travel/travel_dates.h"

namespace hudud::travel {
namespace {

// Bounds against hostile input; real messages stay far below them.
constexpr size_t kMaxLegs = 1000;             // per message (the guide allows 10)
constexpr size_t kMaxDocuments = 100;         // per person
constexpr size_t kMaxFindings = 100;          // per person
constexpr size_t kMaxWarnings = 10000;        // per message and per flight
constexpr size_t kMaxRepeatedWarnings = 100;  // of an interchange, on each of its flights
constexpr int kMaxInterchanges = 100000;      // per input
constexpr int kMaxBagTagRun = 99;             // FTX+BAG consecutive tags expanded

bool IsLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Trimmed, upper-cased code.
std::string Code(std::string_view s) { return Upper(Trim(s)); }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// A decimal number with '.' or ',' as the mark ("31", "12.5", "12,5").
std::optional<double> ParseDecimal(std::string_view text) {
  std::string s = Trim(text);
  for (char& c : s) {
    if (c == ',') c = '.';
  }
  if (s.empty() || s.size() > 20) return std::nullopt;
  for (char c : s) {
    if (!IsDigit(c) && c != '.') return std::nullopt;
  }
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// "NAD+FL", "DTM+329", "DOC": the tag and its first qualifier.
std::string FieldOf(const EdifactSegment& s) {
  std::string q = Trim(s.at(1, 0));
  if (q.empty() || q.size() > 8) return s.tag;
  return s.tag + "+" + q;
}

// Where the reader is: which interchange of the input, and how many lines
// precede it, so positions in messages are those of the whole input.
struct Context {
  const ParseOptions* options = nullptr;
  int interchange = 1;
  int line_offset = 0;
};

std::string Where(const Context& ctx, const EdifactSegment& s) {
  std::string out;
  if (ctx.interchange > 1) out = "interchange " + std::to_string(ctx.interchange) + ", ";
  return out + "segment " + std::to_string(s.number) + " (line " +
         std::to_string(s.line + ctx.line_offset) + ")";
}

void AddWarning(std::vector<Finding>* warnings, Finding f) {
  if (warnings->size() < kMaxWarnings) {
    warnings->push_back(std::move(f));
  } else if (warnings->size() == kMaxWarnings) {
    warnings->push_back({0, "", "further warnings suppressed"});
  }
}

// A DTM value: YYMMDD, CCYYMMDD, YYMMDDHHMM (format 201) or CCYYMMDDHHMM
// (203), told apart by length (senders get the format code wrong more often
// than the digits). Sets `date` empty when unreadable.
DateTime ReadDate(std::string_view value, DateRole role, const model::PartialDate& today) {
  DateTime dt;
  dt.raw = Trim(value);
  const std::string& v = dt.raw;
  if (!AllDigits(v)) return dt;
  std::optional<model::PartialDate> date;
  std::string time;
  if (v.size() == 6 || v.size() == 10) {
    date = ParseYyMmDd(v.substr(0, 6), role, today);
    if (v.size() == 10) time = v.substr(6);
  } else if (v.size() == 8 || v.size() == 12) {
    std::optional<model::PartialDate> full = model::ParsePartialDate(v.substr(0, 8));
    if (full && full->full() && full->year >= 1800) date = full;
    if (v.size() == 12) time = v.substr(8);
  }
  if (!date) return dt;
  if (role == DateRole::kBirth) {
    const model::PartialDate ref = today.full() ? today : TodayUtc();
    auto key = [](const model::PartialDate& d) { return d.year * 10000 + d.month * 100 + d.day; };
    if (key(*date) > key(ref)) return dt;  // born in the future: only a 4-digit year can say so
  }
  if (!time.empty()) {
    std::optional<int> minutes = ParseHhMm(time);
    if (!minutes) return dt;
    dt.minutes = *minutes;
  }
  dt.date = *date;
  return dt;
}

// Splits a TDT conveyance reference ("XX101", "KAC0101", "9W123") into
// designator and number: two characters, three when the third is a letter
// (flight numbers begin with a digit, so that is an ICAO designator).
std::pair<std::string, std::string> SplitFlightId(const std::string& id) {
  if (id.size() <= 2) return {id, ""};
  const size_t n = id.size() >= 4 && IsLetter(id[2]) ? 3 : 2;
  return {id.substr(0, n), id.substr(n)};
}

bool SameLeg(const FlightLeg& a, const FlightLeg& b) {
  return a.carrier == b.carrier && a.number == b.number && a.origin == b.origin &&
         a.destination == b.destination && a.departure.raw == b.departure.raw &&
         a.arrival.raw == b.arrival.raw;
}

// One UNH..UNT message read on its own, before parts are joined.
struct MessagePart {
  Manifest manifest;       // this message alone
  bool multi = false;      // UNH S010 was given
  int sequence = 0;        // S010 0070; 0 when absent or unreadable
  bool final_part = true;  // S010 0073 "F", or no S010
  int interchange = 1;
  std::string where;         // of the UNH
  int segment = 0;           // of the UNH
  std::string cnt_where[2];  // of CNT+42 and CNT+41
  int cnt_segment[2] = {0, 0};
};

// Reads the segments between UNH and UNT of one message.
class MessageReader {
 public:
  MessageReader(const Context& ctx, MessagePart* part)
      : ctx_(ctx), part_(part), m_(part->manifest), today_(ctx.options->today) {}

  Status Read(const EdifactSegment& s);
  // Closes the last person; fails when the message had no BGM.
  Status Finish(const EdifactSegment& unh);

 private:
  enum class State { kHeader, kLeg, kPerson, kDocument, kTrailer };

  void Warn(const EdifactSegment& s, std::string text) {
    AddWarning(&m_.warnings, {s.number, FieldOf(s), Where(ctx_, s) + ": " + text});
  }
  void Flag(const EdifactSegment& s, const std::string& field, const std::string& text);
  void Flag(const EdifactSegment& s, const std::string& text) { Flag(s, FieldOf(s), text); }
  Traveller* person() { return person_ < 0 ? nullptr : &m_.travellers[person_]; }
  TravelDocument* document() {
    Traveller* p = person();
    return p == nullptr || document_ < 0 ? nullptr : &p->documents[document_];
  }
  FlightLeg* leg() { return leg_ < 0 ? nullptr : &m_.flights[leg_]; }
  // Appends a leg of the current flight (a progressive flight's next hop).
  FlightLeg* NextLeg(const EdifactSegment& s);
  void ClosePerson();

  void ReadBgm(const EdifactSegment& s);
  void ReadHeaderRff(const EdifactSegment& s);
  void ReadHeaderNad(const EdifactSegment& s);
  void ReadTdt(const EdifactSegment& s);
  void ReadLegLoc(const EdifactSegment& s);
  void ReadLegDtm(const EdifactSegment& s);
  Status ReadPersonNad(const EdifactSegment& s, TravellerRole role, bool known_role);
  void ReadAtt(const EdifactSegment& s);
  void ReadPersonDtm(const EdifactSegment& s);
  void ReadMea(const EdifactSegment& s);
  void ReadGei(const EdifactSegment& s);
  void ReadFtx(const EdifactSegment& s);
  void ReadPersonLoc(const EdifactSegment& s);
  void ReadCom(const EdifactSegment& s);
  void ReadEmp(const EdifactSegment& s);
  void ReadNat(const EdifactSegment& s);
  void ReadPersonRff(const EdifactSegment& s);
  void ReadDoc(const EdifactSegment& s);
  void ReadCnt(const EdifactSegment& s);

  const Context& ctx_;
  MessagePart* part_;
  Manifest& m_;
  const model::PartialDate today_;
  State state_ = State::kHeader;
  bool bgm_ = false;
  bool legs_full_warned_ = false;
  int leg_ = -1;
  int person_ = -1;
  int document_ = -1;
  std::string person_where_;
  int person_segment_ = 0;
  // What the open person record has sent, empty or not.
  bool dob_seen_ = false, gender_seen_ = false, nat_seen_ = false;
};

void MessageReader::Flag(const EdifactSegment& s, const std::string& field,
                         const std::string& text) {
  Traveller* p = person();
  if (p == nullptr) {
    AddWarning(&m_.warnings, {s.number, field, Where(ctx_, s) + ": " + text});
    return;
  }
  if (p->findings.size() < kMaxFindings) {
    p->findings.push_back({s.number, field, Where(ctx_, s) + ": " + text});
  } else if (p->findings.size() == kMaxFindings) {
    p->findings.push_back({s.number, "", "further findings suppressed"});
  }
}

FlightLeg* MessageReader::NextLeg(const EdifactSegment& s) {
  if (m_.flights.size() >= kMaxLegs) {
    if (!legs_full_warned_) Warn(s, "more than " + std::to_string(kMaxLegs) + " legs: ignored");
    legs_full_warned_ = true;
    return nullptr;
  }
  FlightLeg next;
  if (const FlightLeg* cur = leg()) {
    next.carrier = cur->carrier;
    next.number = cur->number;
    next.origin = cur->destination;
  }
  next.segment = s.number;
  m_.flights.push_back(std::move(next));
  leg_ = static_cast<int>(m_.flights.size()) - 1;
  return &m_.flights.back();
}

Status MessageReader::Read(const EdifactSegment& s) {
  const std::string& tag = s.tag;
  const bool in_person = (state_ == State::kPerson || state_ == State::kDocument) && person_ >= 0;
  if (tag == "BGM") {
    ReadBgm(s);
  } else if (tag == "TDT") {
    ClosePerson();
    if (state_ == State::kPerson || state_ == State::kDocument || state_ == State::kTrailer) {
      Warn(s, "TDT after the person records: read as a further leg");
    }
    ReadTdt(s);
    state_ = State::kLeg;
  } else if (tag == "NAD") {
    const std::string q = Code(s.at(1));
    if (q == "FL") return ReadPersonNad(s, TravellerRole::kPassenger, true);
    if (q == "FM") return ReadPersonNad(s, TravellerRole::kCrew, true);
    if (q == "DDU") return ReadPersonNad(s, TravellerRole::kTransitPassenger, true);
    if (q == "DDT") return ReadPersonNad(s, TravellerRole::kTransitCrew, true);
    if (q == "MS" || state_ == State::kHeader) {
      ReadHeaderNad(s);
      return Status::Ok();
    }
    // After the flight, any other party is a person: screening an odd
    // record is safer than dropping it.
    return ReadPersonNad(s, TravellerRole::kPassenger, false);
  } else if (tag == "CNT") {
    ClosePerson();
    ReadCnt(s);
    state_ = State::kTrailer;
  } else if (tag == "RFF") {
    if (in_person) {
      ReadPersonRff(s);
    } else {
      ReadHeaderRff(s);
    }
  } else if (tag == "DTM") {
    if (in_person) {
      ReadPersonDtm(s);
    } else if (state_ == State::kLeg) {
      ReadLegDtm(s);
    } else if (state_ != State::kHeader) {
      Warn(s, "DTM outside a flight leg or person record ignored: " + Shown(s.ToString()));
    }
    // Header DTM: message dates, which no field of the model holds.
  } else if (tag == "LOC") {
    if (in_person) {
      ReadPersonLoc(s);
    } else if (state_ == State::kLeg) {
      ReadLegLoc(s);
    } else {
      Warn(s, "LOC outside a flight leg ignored: " + Shown(s.ToString()));
    }
  } else if (tag == "COM" && in_person) {
    ReadCom(s);
  } else if ((tag == "COM" || tag == "CTA") &&
             (state_ == State::kHeader || state_ == State::kLeg)) {
    // The reporting party's contact (Gr1): not about a traveller, not kept.
  } else if (tag == "ATT" || tag == "MEA" || tag == "GEI" || tag == "FTX" || tag == "EMP" ||
             tag == "NAT" || tag == "DOC") {
    if (!in_person) {
      Warn(s, tag + " outside a person record ignored: " + Shown(s.ToString()));
    } else if (tag == "ATT") {
      ReadAtt(s);
    } else if (tag == "MEA") {
      ReadMea(s);
    } else if (tag == "GEI") {
      ReadGei(s);
    } else if (tag == "FTX") {
      ReadFtx(s);
    } else if (tag == "EMP") {
      ReadEmp(s);
    } else if (tag == "NAT") {
      ReadNat(s);
    } else {
      ReadDoc(s);
    }
  } else {
    Warn(s, "unexpected segment " + tag + " kept here: " + Shown(s.ToString()));
  }
  return Status::Ok();
}

Status MessageReader::Finish(const EdifactSegment& unh) {
  ClosePerson();
  if (!bgm_) {
    return Status::InvalidArgument(Where(ctx_, unh) +
                                   ": PAXLST message has no BGM (document type)");
  }
  if (m_.flights.empty()) {
    Warn(unh, "message has no TDT: the flight is unknown");
  }
  return Status::Ok();
}

void MessageReader::ReadBgm(const EdifactSegment& s) {
  if (bgm_) {
    Warn(s, "second BGM ignored");
    return;
  }
  bgm_ = true;
  if (state_ != State::kHeader) Warn(s, "BGM after the flight or person records");
  m_.document_type = Trim(s.at(1, 0));
  m_.document_function = Trim(s.at(2, 0));
}

void MessageReader::ReadHeaderRff(const EdifactSegment& s) {
  const std::string q = Code(s.at(1, 0));
  if (q == "TN" && m_.transaction_reference.empty()) {
    m_.transaction_reference = Trim(s.at(1, 1));
  } else {
    Warn(s, "reference kept here: " + Shown(s.ToString()));
  }
}

void MessageReader::ReadHeaderNad(const EdifactSegment& s) {
  const std::string q = Code(s.at(1));
  if (q != "MS") Warn(s, "party " + Shown(q) + " before the flight read as the reporting party");
  if (state_ != State::kHeader) {
    Warn(s, "reporting party after the flight");
    ClosePerson();  // what follows is not about the last person
  }
  if (!m_.reporting_party.empty()) return;
  std::string name;
  if (s.has(4)) {
    for (const std::string& c : s.elements[3]) {
      std::string part = Trim(c);
      if (part.empty()) continue;
      if (!name.empty()) name += ' ';
      name += part;
    }
  }
  m_.reporting_party = name.empty() ? Trim(s.at(2, 0)) : name;
}

void MessageReader::ReadTdt(const EdifactSegment& s) {
  std::string id;
  for (char c : Code(s.at(2, 0))) {
    if (c != ' ') id += c;
  }
  const std::string carrier = Code(s.at(5, 0));
  auto [prefix, number] = SplitFlightId(id);
  std::string leg_carrier = prefix;
  if (!carrier.empty()) {
    leg_carrier = carrier;
    if (id.compare(0, carrier.size(), carrier) == 0) {
      number = id.substr(carrier.size());
    } else if (!id.empty()) {
      Warn(s, "flight " + Shown(id) + " does not begin with the carrier " + Shown(carrier));
    }
  }
  if (number.empty()) Warn(s, "TDT gives no flight number: " + Shown(s.ToString()));
  leg_ = -1;  // a new flight, not a continuation of the previous leg
  FlightLeg* l = NextLeg(s);
  if (l == nullptr) return;
  l->carrier = leg_carrier;
  l->number = number;
}

void MessageReader::ReadLegLoc(const EdifactSegment& s) {
  FlightLeg* l = leg();
  if (l == nullptr) return;  // legs beyond the bound
  const std::string q = Trim(s.at(1));
  const std::string code = Code(s.at(2, 0));
  if (code.empty()) Warn(s, "LOC gives no place code: " + Shown(s.ToString()));
  if (q == "125") {
    if (!l->origin.empty() && (l = NextLeg(s)) == nullptr) return;
    l->origin = code;
  } else if (q == "87" || q == "130") {
    if (!l->destination.empty() && (l = NextLeg(s)) == nullptr) return;
    l->destination = code;
  } else if (q == "92") {
    // Progressive flights: each LOC+92 is the next airport of the flight.
    if (l->origin.empty()) {
      l->origin = code;
    } else if (l->destination.empty()) {
      l->destination = code;
    } else if ((l = NextLeg(s)) != nullptr) {
      l->destination = code;
    }
  } else if (q == "188" || q == "172") {
    Warn(s, std::string(q == "188" ? "filing" : "reporting") + " location " + Shown(code) +
                " (no field in the model)");
  } else {
    Warn(s, "flight location qualifier " + Shown(q) + " not read: " + Shown(s.ToString()));
  }
}

void MessageReader::ReadLegDtm(const EdifactSegment& s) {
  FlightLeg* l = leg();
  if (l == nullptr) return;
  const std::string q = Trim(s.at(1, 0));
  if (q != "189" && q != "232") {
    Warn(s, "flight date qualifier " + Shown(q) + " not read: " + Shown(s.ToString()));
    return;
  }
  DateTime dt = ReadDate(s.at(1, 1), DateRole::kEvent, today_);
  if (dt.empty()) Warn(s, "flight date " + Shown(dt.raw) + " is not a valid YYMMDDHHMM date");
  if (q == "189") {
    if (!l->departure.raw.empty()) {
      // A second departure after an intermediate arrival: the next hop leaves.
      if (l->destination.empty()) {
        Warn(s, "second departure time for one leg ignored");
        return;
      }
      if ((l = NextLeg(s)) == nullptr) return;
    }
    l->departure = std::move(dt);
  } else {
    if (!l->arrival.raw.empty()) {
      Warn(s, "second arrival time for one leg ignored");
      return;
    }
    l->arrival = std::move(dt);
  }
}

Status MessageReader::ReadPersonNad(const EdifactSegment& s, TravellerRole role, bool known_role) {
  ClosePerson();
  if (m_.travellers.size() >= kPaxlstMaxPersons) {
    return Status::InvalidArgument(Where(ctx_, s) + ": more than " +
                                   std::to_string(kPaxlstMaxPersons) +
                                   " person records in one message");
  }
  if (state_ == State::kTrailer) Warn(s, "person record after CNT");
  m_.travellers.emplace_back();
  person_ = static_cast<int>(m_.travellers.size()) - 1;
  document_ = -1;
  state_ = State::kPerson;
  person_where_ = Where(ctx_, s);
  person_segment_ = s.number;
  dob_seen_ = gender_seen_ = nat_seen_ = false;
  Traveller& p = m_.travellers.back();
  p.role = role;
  p.segment = s.number;
  if (!known_role) {
    Flag(s,
         "party qualifier " + Shown(Code(s.at(1))) + " is not FL/FM/DDU/DDT: read as a passenger");
  }
  if (m_.flights.empty()) Flag(s, "person record before any TDT (flight leg)");
  if (s.has(4)) {
    const auto& comps = s.elements[3];
    p.name.surname = Trim(comps[0]);
    for (size_t c = 1; c < comps.size(); ++c) {
      std::string given = Trim(comps[c]);
      if (!given.empty()) p.name.given.push_back(std::move(given));
    }
  }
  if (p.name.surname.empty()) {
    Flag(s, p.name.given.empty() ? "person record without a name" : "no surname");
  }
  Address a;
  a.kind = "residence";
  if (s.has(5)) {
    for (const std::string& c : s.elements[4]) {
      std::string line = Trim(c);
      if (line.empty()) continue;
      if (!a.street.empty()) a.street += ", ";
      a.street += line;
    }
  }
  a.city = Trim(s.at(6, 0));
  a.region = Trim(s.at(7, 3)).empty() ? Trim(s.at(7, 0)) : Trim(s.at(7, 3));
  a.postcode = Trim(s.at(8, 0));
  a.country = Code(s.at(9, 0));
  a.segment = s.number;
  if (!a.street.empty() || !a.city.empty() || !a.region.empty() || !a.postcode.empty() ||
      !a.country.empty()) {
    p.addresses.push_back(std::move(a));
  }
  return Status::Ok();
}

void MessageReader::ClosePerson() {
  Traveller* p = person();
  if (p != nullptr) {
    // The API core data (WCO/IATA/ICAO guidelines): say what is missing.
    auto missing = [&](const char* field, const std::string& what) {
      if (p->findings.size() < kMaxFindings) {
        p->findings.push_back({person_segment_, field, person_where_ + ": no " + what});
      }
    };
    if (!dob_seen_) missing("DTM+329", "date of birth (DTM+329)");
    if (!gender_seen_) missing("ATT+2", "gender (ATT+2)");
    if (!nat_seen_) missing("NAT+2", "nationality (NAT+2)");
    if (p->documents.empty()) missing("DOC", "travel document (DOC)");
  }
  person_ = -1;
  document_ = -1;
}

void MessageReader::ReadAtt(const EdifactSegment& s) {
  Traveller& p = *person();
  if (Trim(s.at(1)) != "2") {
    Flag(s, "attribute " + Shown(Trim(s.at(1))) + " not read: " + Shown(s.ToString()));
    return;
  }
  std::string raw = Trim(s.at(3, 0));
  if (raw.empty() && !Trim(s.at(2, 0)).empty()) {
    raw = Trim(s.at(2, 0));
    Flag(s, "gender sent in element 2 instead of 3");
  }
  if (gender_seen_) {
    if (raw != p.gender_raw) Flag(s, "second gender " + Shown(raw) + " ignored");
    return;
  }
  gender_seen_ = true;
  p.gender_raw = raw;
  const std::string g = Upper(raw);
  if (g == "M") {
    p.gender = model::Gender::kMale;
  } else if (g == "F") {
    p.gender = model::Gender::kFemale;
  } else if (g == "U" || g == "X") {
    p.gender = model::Gender::kUnknown;
  } else if (g == "1" || g == "2" || g == "0" || g == "9") {
    // Some generators emit ISO 5218 digits; read them so, but say so.
    p.gender = g == "1"   ? model::Gender::kMale
               : g == "2" ? model::Gender::kFemale
                          : model::Gender::kUnknown;
    Flag(s, "gender " + Shown(raw) + " is not M/F/U/X: read as ISO 5218 " +
                std::string(model::ToString(p.gender)));
  } else if (std::optional<model::Gender> word = model::ParseGender(g); word && g.size() > 1) {
    p.gender = *word;
    Flag(s, "gender " + Shown(raw) + " is not M/F/U/X: read as " +
                std::string(model::ToString(p.gender)));
  } else {
    p.gender = model::Gender::kUnknown;
    Flag(s, raw.empty() ? "gender (ATT+2) is empty" : "gender " + Shown(raw) + " is not M/F/U/X");
  }
}

void MessageReader::ReadPersonDtm(const EdifactSegment& s) {
  Traveller& p = *person();
  const std::string q = Trim(s.at(1, 0));
  const std::string& value = s.at(1, 1);
  if (q == "329") {
    DateTime dt = ReadDate(value, DateRole::kBirth, today_);
    if (dob_seen_) {
      if (dt.raw != p.birth_date.raw) Flag(s, "second date of birth " + Shown(dt.raw) + " ignored");
      return;
    }
    dob_seen_ = true;
    if (dt.empty()) {
      Flag(s, dt.raw.empty() ? "date of birth (DTM+329) is empty"
                             : "date of birth " + Shown(dt.raw) + " is not a valid YYMMDD date");
    }
    p.birth_date = std::move(dt);
    return;
  }
  if (q == "36" || q == "182") {
    TravelDocument* d = document();
    if (d == nullptr) {
      Flag(s, "document date before any DOC not read: " + Shown(s.ToString()));
      return;
    }
    const bool expiry = q == "36";
    DateTime dt = ReadDate(value, expiry ? DateRole::kExpiry : DateRole::kEvent, today_);
    if (dt.empty()) {
      Flag(s, std::string(expiry ? "expiry" : "issue") + " date " + Shown(dt.raw) +
                  " is not a valid YYMMDD date");
    }
    DateTime& slot = expiry ? d->expiry : d->issued;
    if (!slot.raw.empty()) {
      Flag(s, "second document date ignored: " + Shown(s.ToString()));
      return;
    }
    slot = std::move(dt);
    return;
  }
  Flag(s, "date qualifier " + Shown(q) + " not read: " + Shown(s.ToString()));
}

void MessageReader::ReadMea(const EdifactSegment& s) {
  Traveller& p = *person();
  const std::string q = Code(s.at(1));
  std::string unit = Code(s.at(3, 0));
  std::string value = Trim(s.at(3, 1));
  // Older generators put the value in the unit slot: MEA+CT++2.
  if (value.empty() && ParseDecimal(unit)) std::swap(value, unit);
  if (q == "CT") {
    std::optional<int> n = ParseCount(value);
    if (!n || *n > 999) {
      Flag(s, "bag count " + Shown(value) + " is not a number of bags");
      return;
    }
    p.bags = *n;
  } else if (q == "WT") {
    std::optional<double> w = ParseDecimal(value);
    if (!w || *w > 100000) {
      Flag(s, "bag weight " + Shown(value) + " is not a weight");
      return;
    }
    if (unit == "LBR") {
      p.bag_weight_kg = *w * 0.45359237;
    } else {
      if (!unit.empty() && unit != "KGM") {
        Flag(s, "weight unit " + Shown(unit) + " unknown: read as kilograms");
      }
      p.bag_weight_kg = *w;
    }
  } else {
    Flag(s, "measurement " + Shown(q) + " not read: " + Shown(s.ToString()));
  }
}

void MessageReader::ReadGei(const EdifactSegment& s) {
  const std::string q = Trim(s.at(1, 0));
  const std::string v = Trim(s.at(2, 0));
  if (q != "4" || (v != "173" && v != "174")) {
    Flag(s, "processing indicator not read: " + Shown(s.ToString()));
    return;
  }
  person()->verification = v;
}

void MessageReader::ReadFtx(const EdifactSegment& s) {
  Traveller& p = *person();
  if (Code(s.at(1)) != "BAG") {
    Flag(s, "free text kept here: " + Shown(s.ToString()));
    return;
  }
  const std::string first = Code(s.at(4, 0));
  if (first.empty() || first == "NULL") return;  // a placeholder some systems send
  int run = 1;
  if (!Trim(s.at(4, 1)).empty()) {
    std::optional<int> n = ParseCount(s.at(4, 1));
    if (!n || *n < 1 || *n > kMaxBagTagRun) {
      Flag(s, "bag tag count " + Shown(Trim(s.at(4, 1))) + " not read; first tag kept");
    } else {
      run = *n;
    }
  }
  // "ZZ012345:3" is three consecutive tags, ZZ012345 to ZZ012347.
  size_t digits = first.size();
  while (digits > 0 && IsDigit(first[digits - 1])) --digits;
  const size_t width = first.size() - digits;
  if (run > 1 && (width == 0 || width > 18)) {
    Flag(s, "bag tag " + Shown(first) + " has no serial number: only the first tag kept");
    run = 1;
  }
  unsigned long long serial = width == 0 ? 0 : std::stoull(first.substr(digits));
  for (int k = 0; k < run; ++k) {
    std::string n = std::to_string(serial + static_cast<unsigned long long>(k));
    if (n.size() > width && width > 0) break;  // the serial would overflow its width
    p.bag_tags.push_back(
        width == 0 ? first : first.substr(0, digits) + std::string(width - n.size(), '0') + n);
  }
}

void MessageReader::ReadPersonLoc(const EdifactSegment& s) {
  Traveller& p = *person();
  const std::string q = Trim(s.at(1));
  const std::string code = Code(s.at(2, 0));
  const std::string text = Trim(s.at(2, 3));
  if (q == "91") {
    TravelDocument* d = document();
    if (d == nullptr) {
      Flag(s, "issuing country before any DOC not read: " + Shown(s.ToString()));
      return;
    }
    d->issuing_country = code;
    d->issue_place = text;
    if (code.empty()) {
      Flag(s, "no issuing country code");
    } else if (!LookupIcaoCode(code)) {
      Flag(s, "issuing country " + Shown(code) + " is not an ICAO 9303 country code");
    }
    return;
  }
  std::string* slot = nullptr;
  if (q == "22") slot = &p.clearance;
  if (q == "174") slot = &p.residence_country;
  if (q == "178") slot = &p.embarkation;
  if (q == "179") slot = &p.debarkation;
  if (q == "180") {
    // Country code and/or free text: "GBR", ":::AMBER HILL", "GBR:::LONDON".
    p.birth_place = text.empty() ? code : code.empty() ? text : text + ", " + code;
    return;
  }
  if (slot == nullptr) {
    Flag(s, "location qualifier " + Shown(q) + " not read: " + Shown(s.ToString()));
    return;
  }
  *slot = code.empty() ? text : code;
  if (q == "174" && !code.empty() && !LookupIcaoCode(code)) {
    Flag(s, "country of residence " + Shown(code) + " is not an ICAO 9303 country code");
  }
}

void MessageReader::ReadCom(const EdifactSegment& s) {
  Traveller& p = *person();
  for (size_t e = 1; e <= 3 && e <= s.elements.size(); ++e) {
    Contact c;
    c.value = Trim(s.at(e, 0));
    if (c.value.empty()) continue;
    const std::string channel = Code(s.at(e, 1));
    c.kind = channel == "TE"   ? "phone"
             : channel == "FX" ? "fax"
             : channel == "EM" ? "email"
                               : "other";
    if (c.kind == "email") {
      // Level-A character sets have no '@': senders write ".AT." or "//".
      for (std::string_view at : {".AT.", ".at.", "//"}) {
        size_t k = c.value.find(at);
        while (k != std::string::npos) {
          c.value.replace(k, at.size(), "@");
          k = c.value.find(at, k + 1);
        }
      }
    }
    c.segment = s.number;
    p.contacts.push_back(std::move(c));
  }
}

void MessageReader::ReadEmp(const EdifactSegment& s) {
  Traveller& p = *person();
  const std::string code = Code(s.at(2, 0));
  p.crew_function = code;
  if (code.size() != 3 || code.compare(0, 2, "CR") != 0 || code[2] < '1' || code[2] > '5') {
    Flag(s, "crew function " + Shown(code) + " is not CR1..CR5");
  }
  if (!IsCrew(p.role)) Flag(s, "crew function on a passenger record");
}

void MessageReader::ReadNat(const EdifactSegment& s) {
  Traveller& p = *person();
  const std::string code = Code(s.at(2, 0));
  if (Trim(s.at(1)) != "2") Flag(s, "nationality qualifier " + Shown(Trim(s.at(1))) + " is not 2");
  if (nat_seen_) {
    if (code != p.nationality) Flag(s, "second nationality " + Shown(code) + " not kept");
    return;
  }
  nat_seen_ = true;
  p.nationality = code;
  if (code.empty()) {
    Flag(s, "nationality (NAT+2) is empty");
  } else if (!LookupIcaoCode(code)) {
    Flag(s, "nationality " + Shown(code) + " is not an ICAO 9303 code");
  }
}

void MessageReader::ReadPersonRff(const EdifactSegment& s) {
  Traveller& p = *person();
  const std::string q = Code(s.at(1, 0));
  const std::string v = Trim(s.at(1, 1));
  std::string* slot = nullptr;
  if (q == "AVF") slot = &p.booking_locator;
  if (q == "ABO") slot = &p.passenger_reference;
  if (q == "SEA") slot = &p.seat;
  if (slot == nullptr) {
    // AEA, CR, YZY...: national references; the model has no field for them.
    Flag(s, "reference kept here: " + Shown(s.ToString()));
  } else if (slot->empty()) {
    *slot = v;
  } else if (*slot != v) {
    Flag(s, "second reference " + Shown(s.ToString()) + " not kept");
  }
}

void MessageReader::ReadDoc(const EdifactSegment& s) {
  Traveller& p = *person();
  if (p.documents.size() >= kMaxDocuments) {
    Flag(s, "more than " + std::to_string(kMaxDocuments) + " documents: ignored");
    document_ = -1;
    return;
  }
  TravelDocument d;
  d.type = Code(s.at(1, 0));
  d.number = Trim(s.at(2, 0));
  d.segment = s.number;
  if (d.type.empty() && d.number.empty()) {
    Flag(s, "DOC", "document with neither type nor number");
  } else if (d.number.empty()) {
    Flag(s, "DOC", "document " + Shown(d.type) + " without a number");
  } else if (d.type.empty()) {
    Flag(s, "DOC", "document " + Shown(d.number) + " without a type");
  }
  p.documents.push_back(std::move(d));
  document_ = static_cast<int>(p.documents.size()) - 1;
  state_ = State::kDocument;
}

void MessageReader::ReadCnt(const EdifactSegment& s) {
  const std::string q = Trim(s.at(1, 0));
  std::optional<int> n = ParseCount(s.at(1, 1));
  if (q != "42" && q != "41") {
    Warn(s, "control total " + Shown(q) + " not read: " + Shown(s.ToString()));
    return;
  }
  if (!n) {
    Warn(s, "control total " + Shown(Trim(s.at(1, 1))) + " is not a number");
    return;
  }
  const int k = q == "42" ? 0 : 1;
  std::optional<int>& slot = k == 0 ? m_.declared_passengers : m_.declared_crew;
  if (slot && *slot != *n) {
    Warn(s, "second CNT+" + q + " (" + std::to_string(*n) + ") ignored");
    return;
  }
  slot = *n;
  part_->cnt_where[k] = Where(ctx_, s);
  part_->cnt_segment[k] = s.number;
}

// Opens a message on its UNH.
Status OpenMessage(const EdifactSegment& unh, const Context& ctx, const std::string& sender,
                   const std::string& recipient, const std::string& reference,
                   const std::string& group_version, MessagePart* part) {
  const std::string type = Code(unh.at(2, 0));
  if (type != "PAXLST") {
    return Status::InvalidArgument(Where(ctx, unh) + ": message type " + Shown(type) +
                                   " is not PAXLST");
  }
  Manifest& m = part->manifest;
  m.format = MessageFormat::kPaxlst;
  m.sender = sender;
  m.recipient = recipient;
  m.interchange_reference = reference;
  m.message_reference = Trim(unh.at(1, 0));
  m.common_access_reference = Trim(unh.at(3, 0));
  const std::string version = Code(unh.at(2, 1)), release = Code(unh.at(2, 2));
  m.version = version.empty() ? group_version : version + ":" + release;
  part->interchange = ctx.interchange;
  part->where = Where(ctx, unh);
  part->segment = unh.number;
  const std::string seq = Trim(unh.at(4, 0)), indicator = Code(unh.at(4, 1));
  if (!seq.empty() || !indicator.empty()) {
    part->multi = true;
    std::optional<int> n = ParseCount(seq);
    part->sequence = n && *n < 100000 ? *n : 0;
    if (part->sequence == 0) {
      AddWarning(&m.warnings,
                 {unh.number, "UNH", part->where + ": part number " + Shown(seq) + " not read"});
    }
    part->final_part = indicator == "F";
    if (!indicator.empty() && indicator != "F" && indicator != "C") {
      AddWarning(&m.warnings,
                 {unh.number, "UNH",
                  part->where + ": part indicator " + Shown(indicator) + " is neither C nor F"});
    }
  }
  return Status::Ok();
}

void CheckTrailer(const EdifactSegment& s, const Context& ctx, const char* what, int actual,
                  const std::string& reference, std::vector<Finding>* warnings,
                  const char* alternative = nullptr, int alternative_count = -1) {
  const std::string declared = Trim(s.at(1, 0));
  std::optional<int> n = ParseCount(declared);
  if (!n || (*n != actual && *n != alternative_count)) {
    std::string text = Where(ctx, s) + ": " + s.tag + " declares " +
                       (n ? std::to_string(*n) : Shown(declared)) + " " + what + ", counted " +
                       std::to_string(actual);
    if (alternative != nullptr) {
      text += " (" + std::to_string(alternative_count) + " " + alternative + ")";
    }
    AddWarning(warnings, {s.number, s.tag, text});
  }
  const std::string ref = Trim(s.at(2, 0));
  if (ref != reference) {
    AddWarning(warnings, {s.number, s.tag,
                          Where(ctx, s) + ": " + s.tag + " reference " + Shown(ref) +
                              " differs from the header's " + Shown(reference)});
  }
}

// Reads the messages of one interchange into `parts`; warnings about the
// interchange itself go to `warnings`.
Status ReadInterchange(const EdifactInterchange& ic, const Context& ctx,
                       std::vector<MessagePart>* parts, std::vector<Finding>* warnings) {
  for (const std::string& w : ic.warnings) {
    AddWarning(warnings,
               {0, "EDIFACT",
                (ctx.interchange > 1 ? "interchange " + std::to_string(ctx.interchange) + ", "
                                     : std::string()) +
                    w});
  }
  std::string sender, recipient, reference, group_reference, group_version;
  int messages = 0, groups = 0, group_messages = 0;
  std::optional<MessageReader> reader;
  size_t unh_index = 0;
  auto close_open = [&](const EdifactSegment& s) -> Status {
    if (!reader) return Status::Ok();
    MessagePart& part = parts->back();
    AddWarning(
        &part.manifest.warnings,
        {s.number, "UNT", Where(ctx, s) + ": the message begun at " + part.where + " has no UNT"});
    Status st = reader->Finish(ic.segments[unh_index]);
    reader.reset();
    return st;
  };
  for (size_t k = 0; k < ic.segments.size(); ++k) {
    const EdifactSegment& s = ic.segments[k];
    if (s.tag == "UNB") {
      if (k != 0) {
        AddWarning(warnings, {s.number, "UNB", Where(ctx, s) + ": second UNB ignored"});
        continue;
      }
      sender = Trim(s.at(2, 0));
      recipient = Trim(s.at(3, 0));
      reference = Trim(s.at(5, 0));
    } else if (s.tag == "UNG") {
      HUDUD_RETURN_IF_ERROR(close_open(s));
      ++groups;
      group_messages = 0;
      group_reference = Trim(s.at(5, 0));
      const std::string v = Code(s.at(7, 0));
      group_version = v.empty() ? "" : v + ":" + Code(s.at(7, 1));
    } else if (s.tag == "UNH") {
      HUDUD_RETURN_IF_ERROR(close_open(s));
      ++messages;
      ++group_messages;
      parts->emplace_back();
      HUDUD_RETURN_IF_ERROR(
          OpenMessage(s, ctx, sender, recipient, reference, group_version, &parts->back()));
      reader.emplace(ctx, &parts->back());
      unh_index = k;
    } else if (s.tag == "UNT") {
      if (!reader) {
        AddWarning(warnings, {s.number, "UNT", Where(ctx, s) + ": UNT without UNH ignored"});
        continue;
      }
      MessagePart& part = parts->back();
      CheckTrailer(s, ctx, "segments", static_cast<int>(k - unh_index + 1),
                   part.manifest.message_reference, &part.manifest.warnings);
      Status st = reader->Finish(ic.segments[unh_index]);
      reader.reset();
      HUDUD_RETURN_IF_ERROR(st);
    } else if (s.tag == "UNE") {
      HUDUD_RETURN_IF_ERROR(close_open(s));
      CheckTrailer(s, ctx, "messages", group_messages, group_reference, warnings);
    } else if (s.tag == "UNZ") {
      HUDUD_RETURN_IF_ERROR(close_open(s));
      // UNZ counts groups when UNG is used; senders often count messages anyway.
      if (groups > 0) {
        CheckTrailer(s, ctx, "groups", groups, reference, warnings, "messages", messages);
      } else {
        CheckTrailer(s, ctx, "messages", messages, reference, warnings);
      }
    } else if (reader) {
      HUDUD_RETURN_IF_ERROR(reader->Read(s));
    } else {
      AddWarning(warnings,
                 {s.number, s.tag,
                  Where(ctx, s) + ": segment outside any message ignored: " + Shown(s.ToString())});
    }
  }
  if (reader) {
    MessagePart& part = parts->back();
    AddWarning(&part.manifest.warnings,
               {part.segment, "UNT", part.where + ": the message has no UNT (truncated?)"});
    HUDUD_RETURN_IF_ERROR(reader->Finish(ic.segments[unh_index]));
  }
  if (messages == 0) {
    AddWarning(warnings,
               {0, "UNH", "interchange " + std::to_string(ctx.interchange) + " holds no message"});
  }
  return Status::Ok();
}

// "XX101/2024-11-04": the flight a message is about, from its first leg.
std::string FlightKey(const Manifest& m) {
  if (m.flights.empty()) {
    return m.common_access_reference.empty() ? "" : "ref " + m.common_access_reference;
  }
  const FlightLeg& leg = m.flights.front();
  const std::string date =
      leg.departure.empty() ? leg.departure.raw.substr(0, 6) : leg.departure.date.ToString();
  return leg.Id() + (date.empty() ? "" : "/" + date);
}

std::string Describe(const std::string& key) { return key.empty() ? "an unknown flight" : key; }

// The parts of one multi-part message seen so far.
struct PartSet {
  std::vector<int> sequences;
  bool multi = false;
  bool final_seen = false;
  int final_sequence = 0;
  std::string where;  // of the first part
  int segment = 0;
};

struct Flight {
  Manifest m;
  std::string key;
  int joined = 0;
  std::map<std::string, PartSet> sets;
  std::vector<std::string> set_order;
  std::set<int> interchanges;
  std::string cnt_where[2];
  int cnt_segment[2] = {0, 0};
};

std::string SetId(const MessagePart& p, size_t index) {
  const Manifest& m = p.manifest;
  if (!p.multi) return "#" + std::to_string(index);
  const std::string ref =
      m.common_access_reference.empty() ? FlightKey(m) : m.common_access_reference;
  return m.sender + '\x1f' + ref + '\x1f' + m.document_type + '\x1f' + m.document_function;
}

void Join(MessagePart&& part, const std::string& set_id, Flight* f) {
  Manifest& m = part.manifest;
  if (f->joined == 0) {
    f->key = FlightKey(m);
    f->m = std::move(m);
    for (int k = 0; k < 2; ++k) {
      f->cnt_where[k] = part.cnt_where[k];
      f->cnt_segment[k] = part.cnt_segment[k];
    }
  } else {
    Manifest& into = f->m;
    ++into.parts;
    for (Finding& w : m.warnings) AddWarning(&into.warnings, std::move(w));
    const std::string key = FlightKey(m);
    if (key != f->key && !m.flights.empty()) {
      AddWarning(&into.warnings, {part.segment, "TDT",
                                  part.where + ": this part names flight " + Describe(key) +
                                      ", joined to " + Describe(f->key)});
    }
    // A crew list joined to a passenger list is expected; a change message
    // (BGM 1004 "CP", "XR"...) joined to the full list may repeat persons.
    if (m.document_type != into.document_type || m.document_function != into.document_function) {
      auto bgm = [](const Manifest& x) {
        return Shown(x.document_type + (x.document_function.empty() ? "" : "+") +
                     x.document_function);
      };
      AddWarning(&into.warnings, {part.segment, "BGM",
                                  part.where + ": document type " + bgm(m) +
                                      " joined to the flight's " + bgm(into)});
    }
    for (FlightLeg& leg : m.flights) {
      bool seen = false;
      for (const FlightLeg& have : into.flights) seen = seen || SameLeg(have, leg);
      if (!seen && into.flights.size() < kMaxLegs) into.flights.push_back(std::move(leg));
    }
    for (Traveller& t : m.travellers) into.travellers.push_back(std::move(t));
    const std::optional<int>* declared[2] = {&m.declared_passengers, &m.declared_crew};
    std::optional<int>* have[2] = {&into.declared_passengers, &into.declared_crew};
    for (int k = 0; k < 2; ++k) {
      if (!declared[k]->has_value()) continue;
      if (!have[k]->has_value()) {
        *have[k] = *declared[k];
        f->cnt_where[k] = part.cnt_where[k];
        f->cnt_segment[k] = part.cnt_segment[k];
      } else if (**have[k] != **declared[k]) {
        AddWarning(&into.warnings, {part.cnt_segment[k], k == 0 ? "CNT+42" : "CNT+41",
                                    part.cnt_where[k] + ": total " + std::to_string(**declared[k]) +
                                        " differs from " + std::to_string(**have[k]) + " in " +
                                        f->cnt_where[k] + " (each part repeats the flight total)"});
      }
    }
  }
  ++f->joined;
  f->interchanges.insert(part.interchange);
  auto [it, fresh] = f->sets.try_emplace(set_id);
  PartSet& set = it->second;
  if (fresh) {
    f->set_order.push_back(set_id);
    set.where = part.where;
    set.segment = part.segment;
  }
  set.multi = part.multi;
  if (set.sequences.size() < 100000) set.sequences.push_back(part.sequence);
  if (part.final_part) {
    set.final_seen = true;
    set.final_sequence = part.sequence;
  }
}

// Completeness, missing parts and control totals, once every part is in.
void Finish(Flight* f, const std::vector<std::vector<Finding>>& interchange_warnings) {
  Manifest& m = f->m;
  m.parts = f->joined;
  m.complete = true;
  for (const std::string& id : f->set_order) {
    const PartSet& set = f->sets[id];
    if (!set.final_seen) {
      m.complete = false;
      AddWarning(&m.warnings, {set.segment, "UNH",
                               set.where + ": the final part (S010 ...:F) of this message was "
                                           "not received: the list is incomplete"});
    }
    if (!set.multi) continue;
    // Part numbers are listed up to a few, so a hostile "9999:F" stays small.
    constexpr int kListed = 20;
    std::set<int> seen;
    std::string duplicates;
    int duplicate_count = 0;
    for (int n : set.sequences) {
      if (n <= 0 || seen.insert(n).second) continue;
      if (++duplicate_count <= kListed) duplicates += " " + std::to_string(n);
    }
    if (duplicate_count > 0) {
      AddWarning(&m.warnings,
                 {set.segment, "UNH",
                  set.where + ": part(s)" + duplicates + (duplicate_count > kListed ? " ..." : "") +
                      " received more than once; the persons of every copy are kept"});
    }
    const int last = set.final_seen ? set.final_sequence : (seen.empty() ? 0 : *seen.rbegin());
    const int present =
        static_cast<int>(std::distance(seen.lower_bound(1), seen.upper_bound(last)));
    if (present < last) {
      std::string missing;
      for (int n = 1, listed = 0; n <= last && listed < kListed; ++n) {
        if (seen.count(n)) continue;
        missing += " " + std::to_string(n);
        ++listed;
      }
      if (last - present > kListed) missing += " ...";
      m.complete = false;
      AddWarning(&m.warnings, {set.segment, "UNH",
                               set.where + ": part(s)" + missing + " of " + std::to_string(last) +
                                   " missing: the list is incomplete"});
    }
  }
  int passengers = 0, crew = 0;
  for (const Traveller& t : m.travellers) (IsCrew(t.role) ? crew : passengers) += 1;
  const std::optional<int>* declared[2] = {&m.declared_passengers, &m.declared_crew};
  const int read[2] = {passengers, crew};
  for (int k = 0; k < 2; ++k) {
    if (!declared[k]->has_value() || **declared[k] == read[k]) continue;
    const char* who = k == 0 ? "passenger" : "crew";
    AddWarning(&m.warnings, {f->cnt_segment[k], k == 0 ? "CNT+42" : "CNT+41",
                             f->cnt_where[k] + ": CNT+" + (k == 0 ? "42" : "41") + " declares " +
                                 std::to_string(**declared[k]) + " " + who + (k == 0 ? "s" : "") +
                                 ", " + std::to_string(read[k]) + " " + who + " records were read" +
                                 (m.complete ? "" : " (the list is incomplete)")});
  }
  // Each flight repeats its interchanges' warnings: a bounded number of them.
  for (int ic : f->interchanges) {
    const std::vector<Finding>& from = interchange_warnings[ic - 1];
    for (size_t k = 0; k < from.size() && k < kMaxRepeatedWarnings; ++k) {
      AddWarning(&m.warnings, from[k]);
    }
    if (from.size() > kMaxRepeatedWarnings) {
      AddWarning(&m.warnings, {0, "",
                               "interchange " + std::to_string(ic) + ": " +
                                   std::to_string(from.size() - kMaxRepeatedWarnings) +
                                   " further warnings not repeated"});
    }
  }
}

// The syntax layer counts lines from where it was asked to start reading:
// "segment 5 (line 7): ..." becomes "segment 5 (line 25): ..." for the input.
std::string ShiftLine(const std::string& message, int offset) {
  const size_t at = message.find("(line ");
  if (at == std::string::npos) return message;
  const size_t begin = at + 6;
  size_t end = begin;
  while (end < message.size() && end - begin < 9 && IsDigit(message[end])) ++end;
  if (end == begin) return message;
  const int line = std::stoi(message.substr(begin, end - begin)) + offset;
  return message.substr(0, begin) + std::to_string(line) + message.substr(end);
}

// Where the next "UNH", "UNB" and "UNA" occur at or after a position. Each
// is searched again only once passed, so asking after every interchange of
// a long input costs one pass over it, not one per interchange.
class NextMarks {
 public:
  explicit NextMarks(std::string_view bytes) : bytes_(bytes) {}

  // Text after an interchange is a footer unless another interchange begins.
  bool HoldsMessage(size_t from) {
    return Next(0, "UNH", from) != std::string_view::npos &&
           (Next(1, "UNB", from) != std::string_view::npos ||
            Next(2, "UNA", from) != std::string_view::npos);
  }

 private:
  size_t Next(int k, std::string_view mark, size_t from) {
    if (!found_[k] || (pos_[k] != std::string_view::npos && pos_[k] < from)) {
      pos_[k] = bytes_.find(mark, from);
      found_[k] = true;
    }
    return pos_[k];
  }

  std::string_view bytes_;
  size_t pos_[3] = {0, 0, 0};
  bool found_[3] = {false, false, false};
};

}  // namespace

Result<std::vector<Manifest>> ParsePaxlstFlights(std::string_view bytes,
                                                 const ParseOptions& options) {
  std::vector<MessagePart> parts;
  std::vector<std::vector<Finding>> interchange_warnings;
  Context ctx;
  ctx.options = &options;
  size_t base = 0;
  NextMarks marks(bytes);
  for (int index = 1; base < bytes.size() && index <= kMaxInterchanges; ++index) {
    const std::string_view rest = bytes.substr(base);
    if (index > 1 && !marks.HoldsMessage(base)) break;  // a footer
    ctx.interchange = index;
    Result<EdifactInterchange> ic = ParseEdifact(rest);
    if (!ic.ok()) {
      if (index == 1) return ic.status();
      return Status::InvalidArgument("interchange " + std::to_string(index) + ", " +
                                     ShiftLine(ic.status().message(), ctx.line_offset));
    }
    interchange_warnings.emplace_back();
    HUDUD_RETURN_IF_ERROR(ReadInterchange(*ic, ctx, &parts, &interchange_warnings.back()));
    const size_t used = ic->end_offset;
    if (used == 0 || used > rest.size()) break;
    for (size_t k = 0; k < used; ++k) ctx.line_offset += rest[k] == '\n';
    base += used;
  }
  if (parts.empty()) return Status::InvalidArgument("no PAXLST message (UNH) in the input");

  std::vector<Flight> flights;
  std::map<std::string, size_t> key_to_flight, set_to_flight;
  std::vector<bool> used(interchange_warnings.size(), false);
  size_t persons = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    MessagePart& part = parts[i];
    persons += part.manifest.travellers.size();
    if (persons > kPaxlstMaxPersons) {
      return Status::InvalidArgument(part.where + ": more than " +
                                     std::to_string(kPaxlstMaxPersons) + " person records");
    }
    const std::string set_id = SetId(part, i);
    const std::string key = FlightKey(part.manifest);
    // Parts of one multi-part message belong together whatever they say;
    // otherwise messages join by flight.
    auto by_set = set_to_flight.find(set_id);
    auto by_key = key_to_flight.find(key);
    size_t index = flights.size();
    if (part.multi && by_set != set_to_flight.end()) {
      index = by_set->second;
    } else if (by_key != key_to_flight.end()) {
      index = by_key->second;
    } else {
      flights.emplace_back();
      key_to_flight.emplace(key, index);
    }
    set_to_flight.emplace(set_id, index);
    used[part.interchange - 1] = true;
    Join(std::move(part), set_id, &flights[index]);
  }
  // Warnings of an interchange that carried no message concern every flight.
  for (size_t ic = 0; ic < used.size(); ++ic) {
    if (used[ic]) continue;
    for (Flight& f : flights) f.interchanges.insert(static_cast<int>(ic) + 1);
  }
  std::vector<Manifest> out;
  out.reserve(flights.size());
  for (Flight& f : flights) {
    Finish(&f, interchange_warnings);
    out.push_back(std::move(f.m));
  }
  return out;
}

Result<Manifest> ParsePaxlst(std::string_view bytes, const ParseOptions& options) {
  Result<std::vector<Manifest>> flights = ParsePaxlstFlights(bytes, options);
  if (!flights.ok()) return flights.status();
  if (flights->size() != 1) {
    std::string names;
    for (const Manifest& m : *flights) {
      names += names.empty() ? "" : ", ";
      names += Describe(FlightKey(m));
    }
    return Status::InvalidArgument("the PAXLST input holds " + std::to_string(flights->size()) +
                                   " different flights (" + names +
                                   "); screen one flight per call");
  }
  return std::move(flights->front());
}

}  // namespace hudud::travel
