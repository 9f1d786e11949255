// National designation proposals as JSON (`hudud designations list/show/
// publish --json`, GET/POST /v1/designations), and a record built from the
// few fields a proposal usually needs (the CLI's --name/--dob/... flags,
// the API's "name"/"dob"/... keys).
#pragma once

#include <string>
#include <vector>

#include "api/json.h"
#include "api/query_input.h"
#include "base/status.h"
#include "model/entity.h"
#include "monitor/rescreen.h"
#include "store/designations.h"

namespace hudud::api {

// {"id","list","entity_id","action","state","name","reasons","evidence",
//  "proposed_by","proposed_at","decided_by","decided_at","decision_note",
//  "published_at","published_version"}.
Json ProposalJson(const store::Proposal& proposal);

// The proposal with "entity" (the record in its stored form) and "events"
// ([{"action","actor","at","detail"}], oldest first).
Json ProposalDetailJson(const store::Proposal& proposal,
                        const std::vector<store::ProposalEvent>& events);

// {"list","version","entities","unchanged","added","changed","removed",
//  "added_ids","changed_ids","removed_ids"} and, when `rescreen` is given,
// "alerts_raised" and "alerts_closed".
Json PublishJson(const store::ImportSummary& summary, const monitor::RescreenReport* rescreen);

// A person or organisation in the few fields a proposal usually needs.
struct EntityFields {
  std::string name;  // any script; required
  std::string kind = "person";
  std::vector<std::string> aliases;
  std::string dob;  // YYYY, YYYY-MM or YYYY-MM-DD
  std::string nationality;
  std::vector<std::string> documents;  // NUMBER[:COUNTRY]
  std::string program;
};

// The record `fields` describe. InvalidArgument naming the field the way
// `naming` says (--dob or "dob") for a missing name, an unknown kind or a
// date that does not read.
Result<model::Entity> EntityFromFields(const EntityFields& fields, FieldNaming naming);

}  // namespace hudud::api
