// Screening every traveller of a message (targeting/flight_screening.h).
#include "targeting/flight_screening.h"

#include <algorithm>
#include <thread>

#include "targeting/traveller_query.h"
#include "targeting/worker_pool.h"
#include "travel/travel_dates.h"

namespace hudud::targeting {
namespace {

bool Later(const model::PartialDate& a, const model::PartialDate& b) {
  return std::tie(a.year, a.month, a.day) > std::tie(b.year, b.month, b.day);
}

void Widen(const travel::FlightLeg& leg, model::PartialDate* start, model::PartialDate* end) {
  for (const auto* d : {&leg.departure.date, &leg.arrival.date}) {
    if (d->empty()) continue;
    if (start->empty() || Later(*start, *d)) *start = *d;
    if (end->empty() || Later(*d, *end)) *end = *d;
  }
}

std::string Summarize(const match::Hit& hit, const model::Entity& entity) {
  char score[16];
  std::snprintf(score, sizeof score, "%.2f", hit.score);
  std::string name = entity.names.empty() ? hit.explanation.listed_name : entity.names[0].full;
  return hit.entity_id + " '" + name + "' score " + score + ": " + hit.explanation.summary;
}

}  // namespace

std::string_view ToString(Decision decision) {
  return decision == Decision::kRefer ? "refer" : "clear";
}

void TravelDates(const travel::Manifest& m, size_t traveller, model::PartialDate* start,
                 model::PartialDate* end) {
  *start = {};
  *end = {};
  const travel::Traveller& t = m.travellers[traveller];
  if (t.booking >= 0 && static_cast<size_t>(t.booking) < m.bookings.size()) {
    for (const auto& leg : m.bookings[static_cast<size_t>(t.booking)].itinerary) {
      Widen(leg, start, end);
    }
  }
  for (const auto& leg : m.flights) Widen(leg, start, end);
}

void SetAsideCleared(const match::Query& query, const ClearedHits* cleared,
                     std::vector<match::Hit>* hits, std::vector<ClearedHit>* out) {
  if (cleared == nullptr) return;
  size_t kept = 0;
  for (size_t j = 0; j < hits->size(); ++j) {
    const int64_t alert = cleared->ClearedBy(query, (*hits)[j]);
    if (alert != 0) {
      out->push_back({std::move((*hits)[j]), alert});
    } else {
      if (kept != j) (*hits)[kept] = std::move((*hits)[j]);
      ++kept;
    }
  }
  hits->resize(kept);
}

std::string ClearedReason(const ClearedHit& cleared) {
  return cleared.hit.entity_id + " cleared as a false positive (alert " +
         std::to_string(cleared.alert) + ")";
}

Result<FlightScreening> ScreenFlight(const travel::Manifest& manifest,
                                     const match::Screener& screener,
                                     const ReportedDocumentIndex& reported,
                                     const std::vector<TargetingRule>& rules,
                                     const ScreeningOptions& options) {
  const size_t n = manifest.travellers.size();
  FlightScreening out;
  out.travellers.resize(n);
  const model::PartialDate today = options.today.full() ? options.today : travel::TodayUtc();

  // Watchlists: the costly part, in parallel. The screener is thread-safe.
  std::vector<Status> errors(n);
  auto screen_one = [&](size_t i) {
    TravellerScreening& ts = out.travellers[i];
    ts.traveller = i;
    ts.query = TravellerQuery(manifest.travellers[i], options.threshold, options.limit);
    if (ts.query.names.empty()) return;
    Result<std::vector<match::Hit>> hits = screener.Screen(ts.query);
    if (!hits.ok()) {
      errors[i] = hits.status();
      return;
    }
    SetAsideCleared(ts.query, options.cleared, &*hits, &ts.cleared);
    ts.hits = std::move(*hits);
  };
  const size_t threads = options.threads > 0 ? static_cast<size_t>(options.threads)
                                             : std::max(1u, std::thread::hardware_concurrency());
  ParallelFor(n, threads, screen_one);

  travel::RuleContext rule_context;
  rule_context.today = today;
  for (size_t i = 0; i < n; ++i) {
    TravellerScreening& ts = out.travellers[i];
    ts.traveller = i;
    const travel::Traveller& t = manifest.travellers[i];
    if (!errors[i].ok()) {
      if (errors[i].code() != Status::Code::kInvalidArgument) return errors[i];
      ts.reasons.push_back({"data", "name not screenable: " + errors[i].message(), false});
    }
    if (t.name.empty() && std::all_of(t.documents.begin(), t.documents.end(),
                                      [](const auto& d) { return d.holder.empty(); })) {
      ts.reasons.push_back({"data", "no name in the record: not screened by name", true});
    }
    for (const match::Hit& hit : ts.hits) {
      ts.reasons.push_back({"watchlist", Summarize(hit, screener.entity(hit.entity_index)), true});
    }
    for (const ClearedHit& c : ts.cleared) {
      ts.reasons.push_back({"cleared", ClearedReason(c), false});
    }
    model::PartialDate start, end;
    TravelDates(manifest, i, &start, &end);
    if (start.empty()) start = today;
    for (const auto& doc : t.documents) {
      for (DocumentFinding& f : CheckDocument(doc, reported, start, end)) {
        ts.reasons.push_back({f.code, f.document + ": " + f.detail, f.refer});
        ts.documents.push_back(std::move(f));
      }
    }
    for (const TargetingRule& rule : rules) {
      travel::RuleMatch match = rule.expression.Evaluate(manifest, i, rule_context);
      if (!match.hit) continue;
      RuleHit rh{rule.name, rule.version, match.conditions, match.Explain()};
      ts.reasons.push_back(
          {"rule", rule.name + " v" + std::to_string(rule.version) + ": " + rh.explanation, true});
      ts.rules.push_back(std::move(rh));
    }
    for (const travel::Finding& f : t.findings) {
      // Parsers usually say where already ("segment 26 (line 27): ...").
      const bool placed = f.message.rfind("segment ", 0) == 0 || f.segment == 0;
      ts.reasons.push_back(
          {"data",
           placed ? f.field + " " + f.message
                  : "segment " + std::to_string(f.segment) + " " + f.field + ": " + f.message,
           false});
    }
  }

  // Companions of those who hit a watchlist (one hop, not transitive).
  const std::vector<std::vector<CoTravelLink>> links = FindCoTravellers(manifest);
  for (size_t i = 0; i < n; ++i) {
    for (const CoTravelLink& link : links[i]) {
      const TravellerScreening& other = out.travellers[link.other];
      if (other.hits.empty()) continue;
      out.travellers[i].companions.push_back(link);
      // Whom the companion matched is in the companion's own hits; the
      // reason stays free of it so a view without match detail can show it.
      out.travellers[i].reasons.push_back({"co-traveller",
                                           "shares " + link.via + " " + link.value + " with " +
                                               manifest.travellers[link.other].name.Full() +
                                               ", who matched a watchlist",
                                           true});
    }
  }

  for (TravellerScreening& ts : out.travellers) {
    const bool refer =
        std::any_of(ts.reasons.begin(), ts.reasons.end(), [](const Reason& r) { return r.refer; });
    ts.decision = refer ? Decision::kRefer : Decision::kClear;
    out.referred += refer;
    out.watchlist_hits += !ts.hits.empty();
    out.rule_hits += !ts.rules.empty();
    out.document_hits += std::any_of(ts.documents.begin(), ts.documents.end(),
                                     [](const DocumentFinding& f) { return f.refer; });
  }
  return out;
}

}  // namespace hudud::targeting
