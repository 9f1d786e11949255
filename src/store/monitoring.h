// Persistence of what hudud monitors: the subjects an agency holds (bank
// customers, travellers with upcoming trips, visa applicants) and the
// alerts raised when a list change makes one of them match. The screening
// itself lives in monitor/; this file only stores and reads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/cases.h"
#include "store/store.h"

namespace hudud::store {

// A held subject as text fields; validation happens before it is stored.
struct Subject {
  std::string id;                  // the holder's own reference (customer number)
  std::vector<std::string> names;  // at least one
  std::string dob, nationality, document, document_country, gender, kind;
};

struct SubjectImport {
  int64_t added = 0, changed = 0, unchanged = 0;
};

struct AlertFilter {
  std::string status;      // "" = any
  std::string subject_id;  // "" = any
  std::string list_id;     // "" = any
  int64_t limit = 0;       // 0 = all
};

class Monitoring {
 public:
  explicit Monitoring(Store& store) : store_(store) {}

  // Adds or replaces subjects by id in one transaction.
  Result<SubjectImport> PutSubjects(const std::vector<Subject>& subjects,
                                    const std::string& source);
  // Every held subject, in the order first stored.
  Result<std::vector<Subject>> LoadSubjects();
  Result<int64_t> SubjectCount();
  // One held subject; NotFound when there is none with this id.
  Result<Subject> GetSubject(const std::string& id);

  // Stores the alerts whose (subject, entity) pair has no open alert yet
  // and is not a remembered false positive (Cases::Raise), in one
  // transaction, stamping raised_at; returns how many were stored.
  Result<int64_t> RaiseAlerts(const std::vector<NewAlert>& alerts);
  // Closes the open alerts on these entities (delisted) with `reason`;
  // returns how many were closed.
  Result<int64_t> CloseAlertsOnEntities(const std::vector<std::string>& entity_ids,
                                        const std::string& reason);
  // Alerts matching `filter`, newest first.
  Result<std::vector<Alert>> Alerts(const AlertFilter& filter);

 private:
  Store& store_;
};

}  // namespace hudud::store
