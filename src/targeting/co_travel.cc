// Links between travellers of one message (targeting/co_travel.h).
#include "targeting/co_travel.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace hudud::targeting {
namespace {

struct Key {
  std::string via, value, shown;
  bool operator<(const Key& o) const { return std::tie(via, value) < std::tie(o.via, o.value); }
};

std::string Digits(const std::string& s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d += c;
  }
  return d;
}

void AddContact(const travel::Contact& c, std::set<Key>* keys) {
  if (c.kind == "phone" || c.kind == "fax") {
    std::string d = Digits(c.value);
    if (d.size() < 7) return;  // too short to identify anyone
    if (d.size() > 9) d = d.substr(d.size() - 9);
    keys->insert({"phone", d, c.value});
  } else if (c.kind == "email") {
    std::string v;
    for (char ch : c.value) v += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (v.find('@') == std::string::npos) return;
    keys->insert({"email", v, c.value});
  }
}

void AddPayment(const travel::Payment& p, std::set<Key>* keys) {
  if (p.account.empty()) return;
  const std::string digits = Digits(p.account);
  const bool masked = digits.size() != p.account.size();
  if (!masked && digits.size() >= 12) {
    keys->insert({"card", digits, p.card_vendor + " " + p.MaskedAccount()});
  } else if (digits.size() >= 4 && !p.card_expiry.empty()) {
    const std::string last4 = digits.substr(digits.size() - 4);
    keys->insert({"card", p.card_vendor + "|" + last4 + "|" + p.card_expiry,
                  p.card_vendor + " card ending " + last4 + " expiring " + p.card_expiry});
  }
}

}  // namespace

std::vector<std::vector<CoTravelLink>> FindCoTravellers(const travel::Manifest& m) {
  const size_t n = m.travellers.size();
  std::vector<std::set<Key>> keys(n);
  for (size_t i = 0; i < n; ++i) {
    const travel::Traveller& t = m.travellers[i];
    if (t.booking >= 0) {
      const auto& b = m.bookings[static_cast<size_t>(t.booking)];
      const std::string loc = b.locator.empty() ? "#" + std::to_string(t.booking) : b.locator;
      keys[i].insert({"booking", loc, loc});
      for (const auto& c : b.contacts) AddContact(c, &keys[i]);
      for (const auto& p : b.payments) AddPayment(p, &keys[i]);
    } else if (!t.booking_locator.empty()) {
      keys[i].insert({"booking", t.booking_locator, t.booking_locator});
    }
    for (const auto& c : t.contacts) AddContact(c, &keys[i]);
    for (const auto& p : t.payments) AddPayment(p, &keys[i]);
  }
  std::map<Key, std::vector<size_t>> holders;
  for (size_t i = 0; i < n; ++i) {
    for (const Key& k : keys[i]) holders[k].push_back(i);
  }
  std::vector<std::vector<CoTravelLink>> out(n);
  for (const auto& [key, who] : holders) {
    if (who.size() < 2) continue;
    // A value shared by very many is a carrier's or agency's, not a person's.
    if (who.size() > 50 && key.via != "booking") continue;
    for (size_t a : who) {
      for (size_t b : who) {
        if (a != b) out[a].push_back({b, key.via, key.shown});
      }
    }
  }
  return out;
}

}  // namespace hudud::targeting
