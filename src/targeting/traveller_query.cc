// Building a screening query from a traveller record (targeting/traveller_query.h).
#include "targeting/traveller_query.h"

#include <algorithm>
#include <cctype>

#include "targeting/documents.h"
#include "travel/icao_codes.h"

namespace hudud::targeting {
namespace {

std::string Key(const std::string& name) {
  std::string k;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      k += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return k;
}

void AddName(const travel::PersonName& name, std::vector<std::string>* names) {
  std::string full = name.Full();
  if (full.empty()) return;
  const std::string key = Key(full);
  for (const auto& n : *names) {
    if (Key(n) == key) return;
  }
  names->push_back(std::move(full));
}

}  // namespace

match::Query TravellerQuery(const travel::Traveller& t, double threshold, int limit) {
  match::Query q;
  q.kind = model::EntityKind::kPerson;
  q.threshold = threshold;
  q.limit = limit;
  AddName(t.name, &q.names);
  for (const auto& d : t.documents) AddName(d.holder, &q.names);
  if (!t.birth_date.empty()) q.dob = t.birth_date.date;
  if (t.gender != model::Gender::kUnknown) q.gender = t.gender;
  // ICAO codes (D, GBD, XXA...) are resolved here; the screener knows
  // country names and ISO codes.
  if (!t.nationality.empty()) {
    const std::string alpha2 = travel::IcaoCodeToAlpha2(t.nationality);
    q.nationality = alpha2.empty() ? t.nationality : alpha2;
  }
  const travel::TravelDocument* main = nullptr;
  for (const auto& d : t.documents) {
    if (d.number.empty()) continue;
    if (main == nullptr || (DocumentClass(d.type) == "P" && DocumentClass(main->type) != "P")) {
      main = &d;
    }
  }
  if (main != nullptr) {
    q.document = main->number;
    q.document_country = CanonicalIssuer(main->issuing_country);
  }
  return q;
}

}  // namespace hudud::targeting
