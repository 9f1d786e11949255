// JSON of a screened flight (api/manifest_json.h).
#include "api/manifest_json.h"

#include <cstdio>

#include "api/output.h"

namespace hudud::api {

Json ReasonJson(const targeting::Reason& r) {
  return Json{{"code", r.code}, {"detail", r.detail}, {"refer", r.refer}};
}

Json DocumentJson(const travel::TravelDocument& d) {
  Json j = Json::object();
  j["type"] = d.type;
  j["number"] = d.number;
  j["issuing_country"] = d.issuing_country;
  if (!d.expiry.raw.empty())
    j["expiry"] = d.expiry.empty() ? d.expiry.raw : d.expiry.date.ToString();
  if (!d.issued.raw.empty())
    j["issued"] = d.issued.empty() ? d.issued.raw : d.issued.date.ToString();
  if (!d.holder.empty()) j["holder"] = d.holder.Full();
  return j;
}

Json FlightJson(const travel::FlightLeg& f) {
  Json j = Json::object();
  j["flight"] = f.Id();
  j["carrier"] = f.carrier;
  j["number"] = f.number;
  if (!f.operating_carrier.empty() || !f.operating_number.empty()) {
    j["operating"] = f.operating_carrier + f.operating_number;
  }
  j["origin"] = f.origin;
  j["destination"] = f.destination;
  auto when = [](const travel::DateTime& d) -> Json {
    if (d.raw.empty()) return nullptr;
    if (d.empty()) return d.raw;
    std::string s = d.date.ToString();
    if (d.minutes >= 0) {
      char hm[32];
      std::snprintf(hm, sizeof hm, "T%02d:%02d", d.minutes / 60, d.minutes % 60);
      s += hm;
    }
    return s;
  };
  j["departure"] = when(f.departure);
  j["arrival"] = when(f.arrival);
  return j;
}

Json FindingJson(const travel::Finding& f) {
  return Json{{"segment", f.segment}, {"field", f.field}, {"message", f.message}};
}

std::string DepartureDate(const travel::Manifest& m) {
  if (m.flights.empty()) return "";
  return m.flights.front().departure.date.ToString();
}

std::string DescribeFlight(const travel::Manifest& m) {
  if (m.flights.empty()) return "";
  const travel::FlightLeg& first = m.flights.front();
  const travel::FlightLeg& last = m.flights.back();
  std::string out = first.Id();
  if (!first.origin.empty() || !last.destination.empty()) {
    out += " " + first.origin + "-" + last.destination;
  }
  if (!first.departure.date.empty()) out += " " + first.departure.date.ToString();
  return out;
}

std::string Dob(const travel::Traveller& t) {
  if (!t.birth_date.empty()) return t.birth_date.date.ToString();
  return t.birth_date.raw;
}

const travel::TravelDocument* MainDocument(const travel::Traveller& t) {
  for (const auto& d : t.documents) {
    if (targeting::DocumentClass(d.type) == "P") return &d;
  }
  return t.documents.empty() ? nullptr : &t.documents.front();
}

std::string BookingOf(const travel::Manifest& m, const travel::Traveller& t) {
  if (t.booking >= 0 && static_cast<size_t>(t.booking) < m.bookings.size()) {
    return m.bookings[static_cast<size_t>(t.booking)].locator;
  }
  return t.booking_locator;
}

namespace {

Json TravellerJson(const travel::Manifest& m, const targeting::TravellerScreening& ts,
                   bool with_detail) {
  const travel::Traveller& t = m.travellers[ts.traveller];
  Json j = Json::object();
  j["role"] = std::string(travel::ToString(t.role));
  if (!t.passenger_type.empty()) j["passenger_type"] = t.passenger_type;
  j["name"] = t.name.Full();
  j["surname"] = t.name.surname;
  j["given_names"] = t.name.given;
  const travel::TravelDocument* doc = MainDocument(t);
  j["document"] = doc ? DocumentJson(*doc) : Json(nullptr);
  if (t.documents.size() > 1) {
    Json docs = Json::array();
    for (const auto& d : t.documents) docs.push_back(DocumentJson(d));
    j["documents"] = std::move(docs);
  }
  j["dob"] = Dob(t).empty() ? Json(nullptr) : Json(Dob(t));
  j["nationality"] = t.nationality.empty() ? Json(nullptr) : Json(t.nationality);
  j["gender"] = t.gender_raw.empty() ? Json(nullptr) : Json(t.gender_raw);
  const std::string booking = BookingOf(m, t);
  j["booking"] = booking.empty() ? Json(nullptr) : Json(booking);
  j["decision"] = std::string(targeting::ToString(ts.decision));
  Json reasons = Json::array();
  for (const auto& r : ts.reasons) {
    // Without the match detail, an officer learns that there is a possible
    // match, not whom it matches.
    if (r.code == "watchlist" && !with_detail) {
      reasons.push_back(ReasonJson({r.code, "possible watchlist match: refer for review", true}));
    } else if (r.code == "cleared" && !with_detail) {
      reasons.push_back(
          ReasonJson({r.code, "a possible match was reviewed and cleared before", false}));
    } else {
      reasons.push_back(ReasonJson(r));
    }
  }
  j["reasons"] = std::move(reasons);
  Json hits = Json::array();
  if (with_detail) {
    for (const auto& h : ts.hits) hits.push_back(HitJson(h, /*with_name_kind=*/true));
  }
  j["hits"] = std::move(hits);
  if (with_detail && !ts.cleared.empty()) {
    Json cleared = Json::array();
    for (const auto& c : ts.cleared) {
      Json h = HitJson(c.hit, /*with_name_kind=*/true);
      h["cleared_by_alert"] = c.alert;
      cleared.push_back(std::move(h));
    }
    j["cleared"] = std::move(cleared);
  }
  Json rules = Json::array();
  for (const auto& r : ts.rules) {
    Json conds = Json::array();
    for (const auto& c : r.conditions) {
      conds.push_back(Json{{"condition", c.condition}, {"fired", c.fired}, {"value", c.value}});
    }
    rules.push_back(Json{{"rule", r.name},
                         {"version", r.version},
                         {"explanation", r.explanation},
                         {"conditions", std::move(conds)}});
  }
  j["rules"] = std::move(rules);
  Json companions = Json::array();
  for (const auto& c : ts.companions) {
    companions.push_back(
        Json{{"traveller", m.travellers[c.other].name.Full()}, {"via", c.via}, {"value", c.value}});
  }
  j["companions"] = std::move(companions);
  Json findings = Json::array();
  for (const auto& f : t.findings) findings.push_back(FindingJson(f));
  j["findings"] = std::move(findings);
  return j;
}

}  // namespace

Json ManifestScreeningJson(const travel::Manifest& m, const targeting::FlightScreening& result,
                           bool with_detail, double parse_ms, double screen_ms) {
  const size_t crew = m.CrewCount(), passengers = m.travellers.size() - crew;
  Json j = Json::object();
  j["format"] = std::string(travel::ToString(m.format));
  Json flights = Json::array();
  for (const auto& f : m.flights) flights.push_back(FlightJson(f));
  j["flights"] = std::move(flights);
  Json travellers = Json::array();
  for (const auto& ts : result.travellers) travellers.push_back(TravellerJson(m, ts, with_detail));
  j["travellers"] = std::move(travellers);
  Json summary = Json::object();
  summary["travellers"] = m.travellers.size();
  summary["passengers"] = passengers;
  summary["crew"] = crew;
  summary["refer"] = result.referred;
  summary["clear"] = m.travellers.size() - result.referred;
  summary["watchlist_hits"] = result.watchlist_hits;
  summary["rule_hits"] = result.rule_hits;
  summary["document_hits"] = result.document_hits;
  if (m.declared_passengers) summary["declared_passengers"] = *m.declared_passengers;
  if (m.declared_crew) summary["declared_crew"] = *m.declared_crew;
  if (m.declared_bookings) summary["declared_bookings"] = *m.declared_bookings;
  summary["bookings"] = m.bookings.size();
  summary["parts"] = m.parts;
  summary["complete"] = m.complete;
  summary["sensitive_deleted"] = m.sensitive_deleted;
  summary["parse_ms"] = RoundScore(parse_ms);
  summary["screen_ms"] = RoundScore(screen_ms);
  j["summary"] = std::move(summary);
  Json warnings = Json::array();
  for (const auto& w : m.warnings) warnings.push_back(FindingJson(w));
  j["warnings"] = std::move(warnings);
  return j;
}

}  // namespace hudud::api
