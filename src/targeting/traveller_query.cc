// Building a screening query from a traveller record (targeting/traveller_query.h).
#include "targeting/traveller_query.h"

#include <algorithm>
#include <cctype>

#include "targeting/documents.h"
#include "travel/icao_codes.h"

namespace hudud::targeting {
namespace {

// The name's words, upper-cased, letters and digits only.
std::vector<std::string> Words(const std::string& name) {
  std::vector<std::string> words(1);
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      words.back() += static_cast<char>(std::toupper(u));
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  std::sort(words.begin(), words.end());
  return words;
}

// Adds `name` unless a name with the same words is there already. A name
// with fewer words than another is still asked: the document may carry one
// given name where the booking has three, and the listed entry may be
// short too; the fewer words then align better.
void AddName(const travel::PersonName& name, std::vector<std::string>* names) {
  std::string full = name.Full();
  if (full.empty()) return;
  const std::vector<std::string> words = Words(full);
  for (const std::string& n : *names) {
    if (Words(n) == words) return;
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
