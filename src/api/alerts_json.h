// The JSON of alerts and their history, redress requests and disclosures
// to partners, shared by the CLI (`hudud alerts`, `hudud redress`) and the
// HTTP API (/v1/alerts, /v1/redress, /v1/shared).
#pragma once

#include <vector>

#include "api/json.h"
#include "store/cases.h"
#include "store/redress.h"
#include "store/shares.h"

namespace hudud::api {

// One alert: {"id", "status", "source", "case", "subject_id",
// "subject_name" (the name screened, as given: the held subject's or the
// traveller's primary name; "" on alerts raised before it was kept),
// "subject" (the subject as screened, an object, or null), "list",
// "entity_id", "listed_name" (the listed name that matched; "" likewise),
// "version", "score", "summary", "trigger", "designated_at", "imported_at",
// "raised_at", "closed_at", "closed_reason", "assignee", "decision",
// "justification", "decided_by", "decided_at", "outcome", "flight",
// "manifest", "depersonalised"}. The queue's items; not the explanation.
Json AlertJson(const store::Alert& alert);

// The match explanation the alert kept when it was raised (ExplanationJson's
// shape, output.h; on a depersonalised traveller's alert with the
// traveller's parts masked), or null when none was kept.
Json AlertExplanationJson(const store::Alert& alert);
// The same from the stored text (Alert::explanation_json): null when empty
// or not a JSON object.
Json ExplanationTextJson(std::string_view text);

// The listed entity as FollowTheMoney JSON (the first line of
// lists::WriteFtmJson: the entity itself), as yente returns it.
Json FtmEntityJson(const model::Entity& entity);

// {"id", "action", "actor", "at", "detail"}, in order.
Json AlertEventsJson(const std::vector<store::AlertEvent>& events);

// {"id", "reference", "requester", "contact", "description", "alerts",
// "state", "received_at", "received_by", "handler", "outcome", "closed_at"}.
Json RedressJson(const store::RedressRequest& request);
// {"id", "action", "actor", "at", "detail"}, in order.
Json RedressEventsJson(const std::vector<store::RedressEvent>& events);

// {"id", "partner", "alert", "view" (the object disclosed), "reason",
// "shared_by", "shared_at", "revoked_at"}.
Json ShareJson(const store::Share& share);

}  // namespace hudud::api
