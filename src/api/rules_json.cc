// Targeting rules as JSON and tested on kept flights (api/rules_json.h).
#include "api/rules_json.h"

#include <utility>

#include "store/manifests.h"
#include "travel/passenger_message.h"
#include "travel/travel_dates.h"

namespace hudud::api {

Json RuleVersionJson(const store::RuleVersion& v) {
  return Json{{"name", v.name},
              {"version", v.version},
              {"state", v.state},
              {"expression", v.expression},
              {"justification", v.justification},
              {"owner", v.owner},
              {"created_by", v.created_by},
              {"created_at", v.created_at},
              {"activated_by", v.activated_by},
              {"activated_at", v.activated_at},
              {"retired_at", v.retired_at}};
}

Json RuleHistoryJson(const std::string& name, const std::vector<store::RuleVersion>& versions,
                     const std::vector<store::RuleEvent>& events) {
  Json vs = Json::array();
  for (const auto& v : versions) vs.push_back(RuleVersionJson(v));
  Json history = Json::array();
  for (const auto& e : events) {
    history.push_back(Json{{"version", e.version},
                           {"action", e.action},
                           {"actor", e.actor},
                           {"at", e.at},
                           {"detail", e.detail}});
  }
  return Json{{"name", name}, {"versions", std::move(vs)}, {"history", std::move(history)}};
}

Json RuleFieldsJson() {
  Json arr = Json::array();
  for (const auto& f : travel::RuleFields()) {
    arr.push_back(Json{{"name", std::string(f.name)},
                       {"type", std::string(f.type)},
                       {"list", f.list},
                       {"meaning", std::string(f.meaning)}});
  }
  return arr;
}

Result<RuleTest> TestRule(store::Store& store, const travel::RuleExpression& rule,
                          const std::string& from, const std::string& to) {
  Result<std::vector<store::StoredManifest>> manifests =
      store::LoadManifests(store, from, to, /*with_raw=*/true);
  if (!manifests.ok()) return manifests.status();
  travel::RuleContext context;
  context.today = travel::TodayUtc();
  RuleTest out;
  for (const store::StoredManifest& sm : *manifests) {
    Result<travel::Manifest> m = travel::ParsePassengerMessage(sm.raw, sm.format);
    if (!m.ok()) {
      ++out.unreadable;
      continue;
    }
    RuleTestFlight flight;
    flight.manifest = sm.id;
    flight.flight = sm.flight;
    flight.format = sm.format;
    flight.travellers = m->travellers.size();
    for (size_t i = 0; i < m->travellers.size(); ++i) {
      ++out.travellers;
      travel::RuleMatch match = rule.Evaluate(*m, i, context);
      if (!match.hit) continue;
      ++out.hits;
      flight.hits.push_back(RuleTestHit{m->travellers[i].name.Full(), match.Explain()});
    }
    out.flights_hit += !flight.hits.empty();
    out.flights.push_back(std::move(flight));
  }
  return out;
}

Json RuleTestJson(const std::string& label, const std::string& expression, const RuleTest& test) {
  Json flights = Json::array();
  for (const RuleTestFlight& f : test.flights) {
    Json hits = Json::array();
    for (const RuleTestHit& h : f.hits) {
      hits.push_back(Json{{"traveller", h.traveller}, {"explanation", h.explanation}});
    }
    flights.push_back(Json{{"manifest", f.manifest},
                           {"flight", f.flight},
                           {"format", f.format},
                           {"travellers", f.travellers},
                           {"hits", std::move(hits)}});
  }
  return Json{{"rule", label},
              {"expression", expression},
              {"flights", test.flights.size()},
              {"unreadable", test.unreadable},
              {"travellers", test.travellers},
              {"hits", test.hits},
              {"flights_hit", test.flights_hit},
              {"results", std::move(flights)}};
}

}  // namespace hudud::api
