// Screening hits as alerts, and the false-positive memory in memory
// (screening/review.h).
#include "screening/review.h"

#include "match/explanation_json.h"
#include "store/cases.h"

namespace hudud::screening {
namespace {

std::string MemoryKey(std::string_view subject_key, std::string_view list_id,
                      std::string_view entity_id) {
  std::string k;
  k.reserve(subject_key.size() + list_id.size() + entity_id.size() + 2);
  k.append(subject_key).append("\n").append(list_id).append("\n").append(entity_id);
  return k;
}

}  // namespace

std::string TravellerHash(const match::Query& query) {
  return store::SubjectDataHash(query.names, query.dob ? query.dob->ToString() : "",
                                query.nationality, query.document, query.document_country,
                                query.gender ? model::ToString(*query.gender) : "",
                                query.kind ? model::ToString(*query.kind) : "");
}

std::string TravellerKey(const match::Query& query) { return "traveller:" + TravellerHash(query); }

Result<FalsePositiveMemory> FalsePositiveMemory::Load(store::Store& store) {
  Result<std::vector<store::FalsePositive>> all = store::Cases(store).CurrentFalsePositives();
  if (!all.ok()) return all.status();
  FalsePositiveMemory memory;
  for (const store::FalsePositive& fp : *all) {
    // Only travellers are screened by query; held subjects are known by id
    // and the store checks their memory when it raises alerts.
    if (fp.subject_key.rfind("traveller:", 0) != 0) continue;
    memory.alerts_[MemoryKey(fp.subject_key, fp.list_id, fp.entity_id)] = fp.alert_id;
  }
  return memory;
}

int64_t FalsePositiveMemory::ClearedBy(const match::Query& query, const match::Hit& hit) const {
  if (alerts_.empty()) return 0;
  auto it = alerts_.find(MemoryKey(TravellerKey(query), hit.list_id, hit.entity_id));
  return it == alerts_.end() ? 0 : it->second;
}

Result<std::vector<std::vector<int64_t>>> RaiseAlerts(store::Store& store,
                                                      const match::Screener& screener,
                                                      const ReviewContext& context,
                                                      const std::vector<ScreenedPerson>& people) {
  std::vector<store::NewAlert> alerts;
  for (const ScreenedPerson& p : people) {
    if (p.hits.empty()) continue;
    const std::string hash = TravellerHash(p.query);
    for (const match::Hit& h : p.hits) {
      const model::Entity& e = screener.entity(h.entity_index);
      store::NewAlert a;
      // One open alert per traveller and entry: a second screening of the
      // same person while the first is under review joins that case.
      a.subject_id = "traveller:" + hash.substr(0, 16);
      a.subject_key = "traveller:" + hash;
      a.subject_hash = hash;
      a.subject_json = p.subject_json;
      a.entity_id = h.entity_id;
      a.list_id = h.list_id;
      a.score = h.score;
      a.summary = h.explanation.summary;
      a.explanation_json = match::ExplanationJsonText(h.explanation);
      a.subject_name = p.query.names.empty() ? std::string() : p.query.names.front();
      a.listed_name = h.explanation.listed_name;
      a.trigger = "screening";
      a.designated_at = e.listed_on;
      a.source = context.source;
      a.case_ref = context.case_ref;
      a.flight = context.flight;
      a.manifest_id = context.manifest_id;
      alerts.push_back(std::move(a));
    }
  }
  std::vector<std::vector<int64_t>> out(people.size());
  if (alerts.empty()) {
    for (size_t i = 0; i < people.size(); ++i) out[i].assign(people[i].hits.size(), 0);
    return out;
  }
  Result<std::vector<store::RaiseResult>> raised = store::Cases(store).Raise(alerts);
  if (!raised.ok()) return raised.status();
  size_t k = 0;
  for (size_t i = 0; i < people.size(); ++i) {
    for (size_t j = 0; j < people[i].hits.size(); ++j) out[i].push_back((*raised)[k++].alert_id);
  }
  return out;
}

}  // namespace hudud::screening
