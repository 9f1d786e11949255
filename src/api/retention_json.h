// Retention and unmasking in the JSON shapes the CLI (--json) and the HTTP
// API share: a retention run's report, the retention status, unmasking
// requests, unmasked data and notifications.
#pragma once

#include "api/json.h"
#include "store/notifications.h"
#include "store/retention.h"
#include "store/unmask.h"

namespace hudud::api {

// {"run", "now", "depersonalise_after", "delete_after", "depersonalise_before",
//  "delete_before", "manifests": {"depersonalised", "deleted", "unreadable"},
//  "alerts": {...}, "audit_keep", "audit_before", "audit": {"depersonalised",
//  "deleted" (sealed details), "scanned", "pruned" (records)}, "runs_pruned",
//  "batches", "complete", "seconds"}
Json RetentionReportJson(const store::RetentionReport& report);

// {"now", "depersonalise_before", "delete_before", "audit_before", "due": {...,
//  "audit_to_prune"}, "done": {...},
//  "sealed", "runs": [{"id", "trigger", "actor", "state", "started_at",
//  "finished_at", "report", "error"}]}
Json RetentionStatusJson(const store::RetentionStatus& status);

// {"id", "object", "reason", "purpose", "requested_by", "requested_at",
//  "state", "decided_by", "decided_at", "decision_note", "expires_at"}
Json UnmaskRequestJson(const store::UnmaskRequest& request);

// {"request": {...}, "object", "kind", "format"?, and the original: "raw"
// (a manifest's message as text, or "raw_base64" when it is not UTF-8),
// "alert" (the alert's fields as they were: subject_id, subject,
// subject_name, summary, explanation (an object, or null), justification,
// events, shares; no subject_name nor explanation in originals sealed
// before alerts kept them) or "detail" (an audit detail)}
Json UnmaskedDataJson(const store::UnmaskedData& data);

// {"id", "role", "at", "kind", "object", "text", "read_by", "read_at"}
Json NotificationJson(const store::Notification& notification);

}  // namespace hudud::api
