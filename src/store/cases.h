// Alerts and their triage: a hit becomes an alert in a queue; analysts
// assign it, comment on it and decide it (confirmed match, false positive,
// inconclusive), each decision with a justification. An adverse outcome
// (refer, deny-boarding notice, freeze report) can be recorded only on an
// alert a person confirmed. A false positive is remembered for that
// subject and that list entry: the pair raises no new alert while neither
// the subject's data nor the entry changes.
//
// Alert states: "open" (in the queue; also after an inconclusive
// decision, which keeps it there for follow-up) and "closed" (decided
// confirmed or false positive, or closed by a delisting). Every change is
// appended to alert_events with who and when; nothing is deleted here
// (retention does that, see retention.h).
//
// Errors: unknown alerts NotFound; the caller's mistakes (blank
// justification, deciding a closed alert, an outcome on an unconfirmed
// alert) InvalidArgument naming the problem; database
// failures IOError. A failed call changes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/entity.h"
#include "store/store.h"

namespace hudud::store {

// An alert to raise. subject_key is how the false-positive memory knows the
// subject: "subject:<id>" for a held subject (the default when empty) and
// "traveller:<subject_hash>" for a screened traveller, who has no id of ours.
struct NewAlert {
  std::string subject_id, entity_id, list_id;
  int64_t version_id = 0;  // the list version whose change raised it
  double score = 0;
  std::string summary;        // the match explanation in one line
  std::string trigger;        // "list-change", "rescreen", "subject-import", "screening" ...
  std::string designated_at;  // the entity's listing date as the list gives it
  std::string imported_at;    // when that list version was imported
  std::string source = "monitoring";  // monitoring, screening, booth, manifest
  std::string case_ref;               // "HUD-<n>": the alerts of one screening
  std::string subject_key;
  std::string subject_json;  // the subject as screened (JSON object)
  std::string subject_hash;  // SubjectDataHash of what was screened
  std::string entity_hash;   // "" = the active version's content hash, looked up
  std::string flight;
  int64_t manifest_id = 0;
  // The match as it was when raised, for the reviewer: the explanation as
  // JSON (match::ExplanationJsonText's shape; "" when none was kept, as on
  // alerts raised before it was), the name screened as given (the held
  // subject's or the traveller's primary name) and the listed name it
  // matched. Kept as given; retention masks a traveller's.
  std::string explanation_json;
  std::string subject_name;
  std::string listed_name;
};

struct Alert : NewAlert {
  int64_t id = 0;
  std::string status;  // "open", "closed"
  std::string raised_at, closed_at, closed_reason;
  std::string assignee;
  std::string decision;  // "", confirmed, false-positive, inconclusive
  std::string justification, decided_by, decided_at;
  std::string outcome;  // "", refer, deny-boarding, freeze-report
  std::string depersonalised_at;
};

// What happened to one NewAlert given to Raise.
struct RaiseResult {
  int64_t alert_id = 0;        // the new alert, or the open one the pair already had
  bool raised = false;         // a new alert was stored
  int64_t false_positive = 0;  // suppressed: the alert whose false positive it repeats
  std::string remembered_by;   // who decided that false positive
};

enum class Decision { kConfirmed, kFalsePositive, kInconclusive };
std::string_view ToString(Decision decision);  // "confirmed", "false-positive", "inconclusive"
Result<Decision> ParseDecision(std::string_view text);

enum class Outcome { kRefer, kDenyBoarding, kFreezeReport };
std::string_view ToString(Outcome outcome);  // "refer", "deny-boarding", "freeze-report"
Result<Outcome> ParseOutcome(std::string_view text);

// The queue, filtered and paged (newest first). Empty strings match all.
struct AlertQuery {
  std::string status, list_id, source, assignee, decision, flight, case_ref, subject_id;
  // A piece of the name screened or the listed name: a substring of either
  // as stored (ASCII case aside), or of its search form, the query's taken
  // alike: folded (text::FoldText: case, marks, punctuation and apostrophes
  // aside) with Latin words reduced to ASCII (text::Romanize), so
  // "al zawahiri" finds "AL-ZAWĀHIRĪ" and "ЗАВАХ" finds "аз-Завахири". A
  // scan of the rows the other filters leave (tens of thousands: fine).
  std::string name;
  int64_t manifest_id = 0;  // only the alerts of this kept manifest; 0 = any
  bool unassigned = false;  // only alerts nobody holds
  double min_score = 0;
  std::string raised_from, raised_to;  // "YYYY-MM-DD" or full timestamps, inclusive
  int64_t before_id = 0;               // paging: alerts older than this id; 0 = from the newest
  int64_t limit = 50;                  // 1..1000; 0 = all (the CLI)
};

struct AlertPage {
  std::vector<Alert> alerts;
  int64_t total = 0;  // alerts matching the query, all pages
  int64_t next = 0;   // before_id for the next page; 0 = no more
};

struct AlertEvent {
  int64_t id = 0, alert_id = 0;
  std::string action;  // raised, assigned, comment, decided, outcome, reopened, closed
  std::string actor, at, detail;
};

// A remembered false positive.
struct FalsePositive {
  std::string subject_key, list_id, entity_id, subject_hash, entity_hash;
  int64_t alert_id = 0;
  std::string decided_by, decided_at;
};

// A stable hash of a subject's identifying data (names, date of birth,
// nationality, document, gender, kind): hex SHA-256 of their canonical form.
// When it changes, a remembered false positive no longer applies.
std::string SubjectDataHash(const std::vector<std::string>& names, std::string_view dob,
                            std::string_view nationality, std::string_view document,
                            std::string_view document_country, std::string_view gender,
                            std::string_view kind);

class Cases {
 public:
  explicit Cases(Store& store) : store_(store) {}

  // Stores the alerts in one transaction, each unless its pair already has
  // an open alert or is a remembered false positive whose hashes are
  // unchanged; one RaiseResult per alert, in order.
  Result<std::vector<RaiseResult>> Raise(const std::vector<NewAlert>& alerts);

  Result<Alert> Get(int64_t id);
  // The queue's alerts come without explanation_json (empty): Get has it.
  Result<AlertPage> Find(const AlertQuery& query);
  Result<std::vector<AlertEvent>> Events(int64_t id);

  // Gives the alert to `assignee` (an enabled user whose role may decide
  // alerts; "" = back to the queue).
  Result<Alert> Assign(int64_t id, const std::string& assignee, const std::string& actor);
  // Adds a comment (1..4000 characters, not blank).
  Status Comment(int64_t id, const std::string& text, const std::string& actor);
  // Records the decision with its justification (at least 10 characters, not
  // blank) on an open alert. Confirmed and false positive close it; a false
  // positive is remembered for the pair with the hashes the alert recorded.
  Result<Alert> Decide(int64_t id, Decision decision, const std::string& justification,
                       const std::string& actor);
  // Records an adverse outcome: only on a confirmed alert, with a detail.
  Result<Alert> RecordOutcome(int64_t id, Outcome outcome, const std::string& detail,
                              const std::string& actor);
  // Reopens a decided alert (new information) with a reason; a false
  // positive it had recorded is forgotten.
  Result<Alert> Reopen(int64_t id, const std::string& reason, const std::string& actor);

  // The remembered false positive for the pair, if any (whatever its hashes).
  Result<std::optional<FalsePositive>> RememberedFalsePositive(const std::string& subject_key,
                                                               const std::string& list_id,
                                                               const std::string& entity_id);
  // Every remembered false positive that still holds for the entry as its
  // list's active version has it (the entry unchanged since the decision).
  Result<std::vector<FalsePositive>> CurrentFalsePositives();
  // A cheap fingerprint of the memory and the active versions: when it is
  // unchanged, CurrentFalsePositives() would return the same.
  Result<std::string> FalsePositivesStamp();

  // The entry as its list's active version has it; nullopt when it is no
  // longer listed there.
  Result<std::optional<model::Entity>> ActiveEntity(const std::string& list_id,
                                                    const std::string& entity_id);

  // The content hash of the entry in its list's active version; "" when it
  // is not listed there.
  Result<std::string> ActiveEntityHash(const std::string& list_id, const std::string& entity_id);

 private:
  Store& store_;
};

}  // namespace hudud::store
