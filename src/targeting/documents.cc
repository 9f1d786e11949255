// Document checks (targeting/documents.h).
#include "targeting/documents.h"

#include <cctype>

#include "model/country.h"
#include "travel/icao_codes.h"

namespace hudud::targeting {
namespace {

std::string Upper(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '<') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string Key(const std::string& number, const std::string& issuer) {
  return number + '|' + issuer;
}

// Compares full or partial dates: is `a` strictly before `b`? A partial
// expiry (year only) is valid through the end of that year.
bool Before(const model::PartialDate& a, const model::PartialDate& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month == 0 || b.month == 0) return false;
  if (a.month != b.month) return a.month < b.month;
  if (a.day == 0 || b.day == 0) return false;
  return a.day < b.day;
}

}  // namespace

std::string NormalizeDocumentNumber(std::string_view number) {
  std::string out;
  out.reserve(number.size());
  for (char c : number) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) out += static_cast<char>(std::toupper(u));
  }
  return out;
}

std::string DocumentClass(std::string_view type) {
  const std::string t = Upper(type);
  if (t.empty()) return "";
  if (t == "IP" || t == "PASSPORT" || t[0] == 'P') return "P";
  if (t[0] == 'V' || t == "VISA") return "V";
  if (t[0] == 'I' || t[0] == 'A' || t[0] == 'C' || t == "ID") return "I";
  return "";
}

std::string CanonicalIssuer(std::string_view country) {
  std::string alpha2 = travel::IcaoCodeToAlpha2(country);
  if (!alpha2.empty()) return alpha2;
  if (!travel::LookupIcaoCode(country)) {
    alpha2 = model::ResolveCountryCode(country);
    if (!alpha2.empty()) return alpha2;
  }
  return travel::NormalizeIcaoCode(country);
}

ReportedDocumentIndex::ReportedDocumentIndex(std::vector<ReportedDocument> documents)
    : documents_(std::move(documents)) {
  by_key_.reserve(documents_.size());
  for (size_t i = 0; i < documents_.size(); ++i) {
    const ReportedDocument& d = documents_[i];
    by_key_.emplace(Key(NormalizeDocumentNumber(d.number), CanonicalIssuer(d.country)), i);
  }
}

std::vector<const ReportedDocument*> ReportedDocumentIndex::Find(std::string_view number,
                                                                 std::string_view country,
                                                                 std::string_view type) const {
  std::vector<const ReportedDocument*> out;
  const std::string n = NormalizeDocumentNumber(number);
  if (n.empty() || by_key_.empty()) return out;
  const std::string cls = DocumentClass(type);
  auto [b, e] = by_key_.equal_range(Key(n, CanonicalIssuer(country)));
  for (auto it = b; it != e; ++it) {
    const ReportedDocument& d = documents_[it->second];
    const std::string dc = DocumentClass(d.type);
    if (!cls.empty() && !dc.empty() && cls != dc) continue;
    out.push_back(&d);
  }
  return out;
}

std::string DescribeReport(const ReportedDocument& report) {
  std::string out = "reported " + (report.status.empty() ? "lost or stolen" : report.status);
  if (!report.source.empty()) out += " in " + report.source;
  if (!report.reference.empty()) out += " (" + report.reference + ")";
  return out;
}

std::string DescribeDocument(std::string_view type, std::string_view country,
                             std::string_view number) {
  std::string out(type.empty() ? "document" : type);
  if (!country.empty()) out += " " + std::string(country);
  out += " " + std::string(number.empty() ? "(no number)" : number);
  return out;
}

std::vector<DocumentFinding> CheckDocument(const travel::TravelDocument& document,
                                           const ReportedDocumentIndex& reported,
                                           const model::PartialDate& travel_start,
                                           const model::PartialDate& travel_end) {
  std::vector<DocumentFinding> out;
  const std::string what =
      DescribeDocument(document.type, document.issuing_country, document.number);
  for (const ReportedDocument* r :
       reported.Find(document.number, document.issuing_country, document.type)) {
    out.push_back({"lost-stolen", what, DescribeReport(*r), true});
  }
  // Visas and other documents are checked for expiry the same way: an
  // expired visa matters as much at the border.
  const model::PartialDate& expiry = document.expiry.date;
  if (expiry.empty()) {
    if (!document.expiry.raw.empty()) {
      out.push_back(
          {"no-expiry", what, "expiry date '" + document.expiry.raw + "' unreadable", false});
    }
    return out;
  }
  if (!travel_start.empty() && Before(expiry, travel_start)) {
    out.push_back(
        {"expired", what,
         "expired on " + expiry.ToString() + ", before travel on " + travel_start.ToString(),
         true});
  } else if (!travel_end.empty() && Before(expiry, travel_end)) {
    out.push_back({"expires-during-travel", what,
                   "expires on " + expiry.ToString() + ", before the journey ends on " +
                       travel_end.ToString(),
                   true});
  }
  return out;
}

}  // namespace hudud::targeting
