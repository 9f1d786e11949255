// Node types, node ids and name forms (network/node.h).
#include "network/node.h"

#include <array>
#include <cctype>

#include "store/store.h"
#include "text/display_latin.h"
#include "text/normalize.h"
#include "travel/icao_codes.h"

namespace hudud::network {
namespace {

constexpr std::array<std::string_view, 10> kTypes = {"traveller", "booking", "phone",    "email",
                                                     "card",      "flight",  "document", "entity",
                                                     "alert",     "subject"};

constexpr size_t kMaxKey = 256;

bool IsUpperAlnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Upper-cased letters and digits only: "k 0123-4567" -> "K01234567".
std::string UpperAlnum(std::string_view s) {
  std::string out;
  for (char c : s) {
    const char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (IsUpperAlnum(u)) out += u;
  }
  return out;
}

bool AllOf(std::string_view s, bool (*pred)(char)) {
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

bool IsLowerHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }
bool IsDigitOrX(char c) { return IsDigit(c) || c == 'X'; }

// No control characters, no spaces, valid as far as printing goes.
bool Printable(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u == 0x7f) return false;
  }
  return true;
}

std::optional<int64_t> Number(std::string_view s) {
  if (s.empty() || s.size() > 18 || !AllOf(s, IsDigit)) return std::nullopt;
  return std::stoll(std::string(s));
}

bool IsIsoDate(std::string_view s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && IsDigit(s[0]) && IsDigit(s[1]) &&
         IsDigit(s[2]) && IsDigit(s[3]) && IsDigit(s[5]) && IsDigit(s[6]) && IsDigit(s[8]) &&
         IsDigit(s[9]);
}

Status Bad(std::string_view text, std::string_view why) {
  return Status::InvalidArgument("node '" + std::string(text.substr(0, 80)) + "' " +
                                 std::string(why));
}

}  // namespace

std::string_view ToString(NodeType type) { return kTypes[static_cast<size_t>(type)]; }

Result<NodeType> ParseNodeType(std::string_view text) {
  for (size_t i = 0; i < kTypes.size(); ++i) {
    if (kTypes[i] == text) return static_cast<NodeType>(i);
  }
  std::string all;
  for (std::string_view t : kTypes) all += (all.empty() ? "" : ", ") + std::string(t);
  return Status::InvalidArgument("unknown node type '" + std::string(text.substr(0, 40)) +
                                 "' (one of " + all + ")");
}

Result<std::set<NodeType>> ParseNodeTypes(std::string_view text) {
  std::set<NodeType> out;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    std::string_view one = text.substr(0, comma);
    while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
    while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
    if (!one.empty()) {
      Result<NodeType> t = ParseNodeType(one);
      if (!t.ok()) return t.status();
      out.insert(*t);
    }
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

Result<NodeId> ParseNodeId(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    return Bad(text,
               "is not <type>:<key> (traveller:12:0, booking:W9TEND, phone:96550012345, ...)");
  }
  Result<NodeType> type = ParseNodeType(text.substr(0, colon));
  if (!type.ok()) return Bad(text, "has an " + type.status().message());
  const std::string_view key = text.substr(colon + 1);
  if (key.empty() || key.size() > kMaxKey) return Bad(text, "has an empty or overlong key");
  NodeId out;
  out.type = *type;
  std::string canonical;
  switch (*type) {
    case NodeType::kTraveller: {
      const size_t sep = key.find(':');
      const std::optional<int64_t> m = Number(key.substr(0, sep));
      const std::optional<int64_t> i =
          sep == std::string_view::npos ? std::nullopt : Number(key.substr(sep + 1));
      if (!m || !i) return Bad(text, "is not traveller:<manifest id>:<index>");
      out.manifest = *m;
      out.index = *i;
      canonical = std::to_string(*m) + ":" + std::to_string(*i);
      break;
    }
    case NodeType::kBooking:
      canonical = Upper(key);
      if (canonical.size() > 20 || !AllOf(canonical, IsUpperAlnum)) {
        return Bad(text, "is not a record locator (letters and digits)");
      }
      break;
    case NodeType::kPhone:
      if (key.size() < 7 || key.size() > 15 || !AllOf(key, IsDigit)) {
        return Bad(text, "is not a phone number of 7 to 15 digits");
      }
      canonical = key;
      break;
    case NodeType::kEmail:
      canonical = Lower(key);
      if (canonical.find('@') == std::string::npos || !Printable(canonical)) {
        return Bad(text, "is not an e-mail address");
      }
      break;
    case NodeType::kCard: {
      // <issuer>-<last 4>-<8 hex>
      const size_t a = key.find('-');
      const size_t b = a == std::string_view::npos ? a : key.find('-', a + 1);
      if (b == std::string_view::npos) return Bad(text, "is not card:<issuer>-<last 4>-<hash>");
      const std::string issuer = Upper(key.substr(0, a));
      const std::string last4 = Upper(key.substr(a + 1, b - a - 1));
      const std::string_view hash = key.substr(b + 1);
      if (issuer.empty() || issuer.size() > 3 || !AllOf(issuer, IsUpperAlnum) ||
          last4.size() != 4 || !AllOf(last4, IsDigitOrX) || hash.size() != 8 ||
          !AllOf(hash, IsLowerHex)) {
        return Bad(text, "is not card:<issuer>-<last 4>-<hash>");
      }
      canonical = issuer + "-" + last4 + "-" + std::string(hash);
      break;
    }
    case NodeType::kFlight: {
      const size_t slash = key.find('/');
      const std::string flight = Upper(key.substr(0, slash));
      if (flight.size() < 3 || flight.size() > 12 || !AllOf(flight, IsUpperAlnum)) {
        return Bad(text, "is not flight:<carrier+number>/<YYYY-MM-DD>");
      }
      canonical = flight;
      if (slash != std::string_view::npos) {
        const std::string_view date = key.substr(slash + 1);
        if (!IsIsoDate(date)) return Bad(text, "is not flight:<carrier+number>/<YYYY-MM-DD>");
        canonical += "/" + std::string(date);
      }
      break;
    }
    case NodeType::kDocument: {
      const size_t sep = key.find(':');
      if (sep == std::string_view::npos) return Bad(text, "is not document:<state>:<number>");
      const std::string state = Upper(key.substr(0, sep));
      const std::string number = Upper(key.substr(sep + 1));
      if (state.empty() || state.size() > 3 || !AllOf(state, IsUpperAlnum) || number.empty() ||
          number.size() > 40 || !AllOf(number, IsUpperAlnum)) {
        return Bad(text, "is not document:<state>:<number>");
      }
      canonical = state + ":" + number;
      break;
    }
    case NodeType::kEntity:
      if (key.find(':') == std::string_view::npos || !Printable(key)) {
        return Bad(text, "is not entity:<list>:<id> (entity:un:111923)");
      }
      canonical = key;
      break;
    case NodeType::kAlert: {
      const std::optional<int64_t> id = Number(key);
      if (!id) return Bad(text, "is not alert:<id>");
      out.index = *id;
      canonical = std::to_string(*id);
      break;
    }
    case NodeType::kSubject:
      if (!Printable(key)) return Bad(text, "is not subject:<id>");
      canonical = key;
      break;
  }
  out.key = canonical;
  out.id = std::string(ToString(*type)) + ":" + canonical;
  return out;
}

std::string TravellerId(int64_t manifest, size_t index) {
  return "traveller:" + std::to_string(manifest) + ":" + std::to_string(index);
}

std::string BookingId(std::string_view locator) {
  std::string l = Upper(locator);
  while (!l.empty() && l.back() == ' ') l.pop_back();
  while (!l.empty() && l.front() == ' ') l.erase(l.begin());
  if (l.empty() || l.size() > 20 || !AllOf(l, IsUpperAlnum)) return "";
  return "booking:" + l;
}

std::string PhoneId(std::string_view number) {
  std::string digits;
  for (char c : number) {
    if (IsDigit(c)) digits += c;
  }
  if (digits.rfind("00", 0) == 0) digits.erase(0, 2);
  if (digits.size() < 7 || digits.size() > 15) return "";
  return "phone:" + digits;
}

std::string EmailId(std::string_view address) {
  std::string a = Lower(address);
  while (!a.empty() && a.back() == ' ') a.pop_back();
  while (!a.empty() && a.front() == ' ') a.erase(a.begin());
  const size_t at = a.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == a.size() || a.size() > kMaxKey ||
      !Printable(a)) {
    return "";
  }
  return "email:" + a;
}

std::string CardId(std::string_view issuer, std::string_view account, std::string_view key) {
  // The number as sent, digits and the carrier's masking X only.
  std::string number;
  for (char c : Upper(account)) {
    if (IsDigitOrX(c)) number += c;
  }
  if (number.size() < 4 || !IsDigit(number.back())) return "";
  std::string code = UpperAlnum(issuer);
  if (code.empty() || code.size() > 3) code = "CC";
  const std::string hash = store::Sha256Hex(std::string(key) + "\n" + number).substr(0, 8);
  return "card:" + code + "-" + number.substr(number.size() - 4) + "-" + hash;
}

std::string FlightId(std::string_view carrier_and_number, std::string_view date) {
  const std::string f = UpperAlnum(carrier_and_number);
  if (f.size() < 3 || f.size() > 12) return "";
  return "flight:" + f + (IsIsoDate(date) ? "/" + std::string(date) : "");
}

std::string DocumentId(std::string_view issuing_state, std::string_view number) {
  const std::string n = UpperAlnum(number);
  if (n.empty() || n.size() > 40) return "";
  std::string state;
  if (std::optional<travel::IcaoCode> code = travel::LookupIcaoCode(issuing_state)) {
    state = code->alpha3;
  } else {
    state = UpperAlnum(issuing_state);
  }
  if (state.empty() || state.size() > 3) state = "XXX";  // ICAO: unspecified
  return "document:" + state + ":" + n;
}

bool InAnotherScript(std::string_view name) {
  for (const std::string& w : text::SplitWords(text::FoldText(name))) {
    const text::Script script = text::DetectScript(text::RepairLookalikes(w));
    if (script != text::Script::kLatin && script != text::Script::kUnknown) return true;
  }
  return false;
}

NameForms FormsOf(std::string_view name) {
  NameForms out;
  if (InAnotherScript(name)) {
    out.original = std::string(name);
    out.latin = text::DisplayLatin(name);
  }
  return out;
}

}  // namespace hudud::network
