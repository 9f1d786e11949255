// Designation proposals as JSON; records from short fields (api/designations_json.h).
#include "api/designations_json.h"

#include <optional>
#include <string_view>
#include <utility>

#include "api/text_util.h"
#include "model/country.h"
#include "model/date.h"
#include "store/entity_json.h"

namespace hudud::api {

Json ProposalJson(const store::Proposal& p) {
  return Json{{"id", p.id},
              {"list", p.list_id},
              {"entity_id", p.entity_id},
              {"action", p.action},
              {"state", p.state},
              {"name", p.entity.names.empty() ? "" : p.entity.names[0].full},
              {"reasons", p.reasons},
              {"evidence", p.evidence},
              {"proposed_by", p.proposed_by},
              {"proposed_at", p.proposed_at},
              {"decided_by", p.decided_by},
              {"decided_at", p.decided_at},
              {"decision_note", p.decision_note},
              {"published_at", p.published_at},
              {"published_version", p.published_version}};
}

Json ProposalDetailJson(const store::Proposal& p, const std::vector<store::ProposalEvent>& events) {
  Json j = ProposalJson(p);
  j["entity"] = Json::parse(store::EntityToJson(p.entity), nullptr, /*allow_exceptions=*/false);
  Json ev = Json::array();
  for (const store::ProposalEvent& e : events) {
    ev.push_back({{"action", e.action}, {"actor", e.actor}, {"at", e.at}, {"detail", e.detail}});
  }
  j["events"] = std::move(ev);
  return j;
}

Json PublishJson(const store::ImportSummary& s, const monitor::RescreenReport* rescreen) {
  Json j = {
      {"list", s.version.list_id},   {"version", s.version.id},  {"entities", s.version.entities},
      {"unchanged", s.unchanged},    {"added", s.added},         {"changed", s.changed},
      {"removed", s.removed},        {"added_ids", s.added_ids}, {"changed_ids", s.changed_ids},
      {"removed_ids", s.removed_ids}};
  if (rescreen != nullptr) {
    j["alerts_raised"] = rescreen->alerts_raised;
    j["alerts_closed"] = rescreen->alerts_closed;
  }
  return j;
}

Result<model::Entity> EntityFromFields(const EntityFields& f, FieldNaming naming) {
  const bool flags = naming == FieldNaming::kFlags;
  if (Trim(f.name).empty()) {
    return Status::InvalidArgument(flags ? "give --name or --entity FILE"
                                         : "give \"name\" or a full \"entity\" record");
  }
  model::Entity e;
  std::optional<model::EntityKind> kind = model::ParseEntityKind(f.kind);
  if (!kind) {
    return Status::InvalidArgument(std::string(flags ? "invalid --kind '" : "invalid kind '") +
                                   f.kind + "'");
  }
  e.kind = *kind;
  model::Name primary;
  primary.full = std::string(Trim(f.name));
  e.names.push_back(primary);
  for (const std::string& a : f.aliases) {
    model::Name n;
    n.full = std::string(Trim(a));
    n.kind = model::NameKind::kGoodAlias;
    if (!n.full.empty()) e.names.push_back(n);
  }
  if (!f.dob.empty()) {
    std::optional<model::PartialDate> d = model::ParsePartialDate(f.dob);
    if (!d) {
      return Status::InvalidArgument(std::string(flags ? "invalid --dob '" : "invalid dob '") +
                                     f.dob + "'");
    }
    model::DateOfBirth dob;
    dob.from = *d;
    e.dates_of_birth.push_back(dob);
  }
  if (!f.nationality.empty()) {
    e.nationalities.push_back({f.nationality, model::ResolveCountryCode(f.nationality)});
  }
  for (const std::string& doc : f.documents) {
    model::Document d;
    size_t colon = doc.find(':');
    d.number = doc.substr(0, colon);
    if (colon != std::string::npos) {
      d.issuing_country = doc.substr(colon + 1);
      d.country_code = model::ResolveCountryCode(d.issuing_country);
    }
    d.type = "Identity document";
    e.documents.push_back(d);
  }
  e.program = f.program;
  return e;
}

}  // namespace hudud::api
