// Re-screening held subjects after a list change, and in full (rescreen.h).
#include "monitor/rescreen.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "match/explanation_json.h"
#include "model/date.h"
#include "model/entity.h"

namespace hudud::monitor {
namespace {

using Clock = std::chrono::steady_clock;

// Hits per subject beyond which the rest are not alerts anyone reviews; a
// limit the full and the delta re-screen share so they agree.
constexpr int kHitsPerSubject = 100;

int Threads(int requested) {
  if (requested > 0) return std::min(requested, 256);
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// Calls fn(i) for i in [0, n) on `threads` threads, in chunks.
template <typename Fn>
void ParallelFor(size_t n, int threads, Fn&& fn) {
  std::atomic<size_t> next{0};
  constexpr size_t kChunk = 256;
  auto work = [&] {
    for (size_t b; (b = next.fetch_add(kChunk)) < n;) {
      for (size_t i = b; i < std::min(n, b + kChunk); ++i) fn(i);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
}

struct VersionInfo {
  int64_t id = 0;
  std::string imported_at;
};

Result<std::unordered_map<std::string, VersionInfo>> ActiveVersions(store::Store& store) {
  Result<std::vector<store::ListInfo>> lists = store.Lists();
  if (!lists.ok()) return lists.status();
  std::unordered_map<std::string, VersionInfo> out;
  for (const store::ListInfo& l : *lists) out[l.list_id] = {l.active.id, l.active.imported_at};
  return out;
}

// `query` is the subject's (SubjectQuery): its first name is the subject's
// primary name.
store::NewAlert MakeAlert(const std::string& subject_id, const std::string& subject_hash,
                          const match::Query& query, const match::Hit& hit,
                          const model::Entity& entity, const std::string& trigger,
                          const std::unordered_map<std::string, VersionInfo>& versions) {
  store::NewAlert a;
  a.subject_id = subject_id;
  a.subject_name = query.names.empty() ? std::string() : query.names.front();
  a.listed_name = hit.explanation.listed_name;
  a.explanation_json = match::ExplanationJsonText(hit.explanation);
  a.entity_id = entity.id;
  a.list_id = entity.list_id;
  auto it = versions.find(entity.list_id);
  if (it != versions.end()) {
    a.version_id = it->second.id;
    a.imported_at = it->second.imported_at;
  }
  a.score = hit.score;
  a.summary = hit.explanation.summary;
  a.trigger = trigger;
  a.designated_at = entity.listed_on;
  a.subject_hash = subject_hash;
  return a;
}

// Screens every subject against the screener `pick` chooses for its query
// (nullptr: nothing to screen it against), on the configured threads, and
// stores the hits as alerts in one transaction. Fills report->hits and
// report->alerts_raised.
template <typename Pick>
Status ScreenAndRaise(const std::vector<store::Subject>& subjects, const RescreenOptions& options,
                      const std::string& trigger,
                      const std::unordered_map<std::string, VersionInfo>& versions,
                      store::Monitoring& monitoring, Pick&& pick, RescreenReport* report) {
  std::vector<std::vector<store::NewAlert>> found(subjects.size());
  std::vector<Status> errors(subjects.size());
  ParallelFor(subjects.size(), Threads(options.threads), [&](size_t i) {
    const store::Subject& subject = subjects[i];
    Result<match::Query> q = SubjectQuery(subject, options.threshold);
    if (!q.ok()) {
      errors[i] = q.status();
      return;
    }
    const match::Screener* s = pick(*q);
    if (s == nullptr) return;
    Result<std::vector<match::Hit>> hits = s->Screen(*q);
    if (!hits.ok()) {
      errors[i] = hits.status();
      return;
    }
    const std::string hash =
        store::SubjectDataHash(subject.names, subject.dob, subject.nationality, subject.document,
                               subject.document_country, subject.gender, subject.kind);
    for (const match::Hit& h : *hits) {
      found[i].push_back(
          MakeAlert(subject.id, hash, *q, h, s->entity(h.entity_index), trigger, versions));
    }
  });
  for (const Status& e : errors) HUDUD_RETURN_IF_ERROR(e);
  std::vector<store::NewAlert> alerts;
  for (auto& f : found) {
    for (store::NewAlert& a : f) alerts.push_back(std::move(a));
  }
  report->hits = static_cast<int64_t>(alerts.size());
  Result<int64_t> raised = monitoring.RaiseAlerts(alerts);
  if (!raised.ok()) return raised.status();
  report->alerts_raised = *raised;
  return Status::Ok();
}

}  // namespace

Result<match::Query> SubjectQuery(const store::Subject& subject, double threshold) {
  match::Query q;
  for (const std::string& n : subject.names) {
    if (!n.empty()) q.names.push_back(n);
  }
  if (q.names.empty()) {
    return Status::InvalidArgument("subject " + subject.id + ": no name");
  }
  if (!subject.dob.empty()) {
    q.dob = model::ParsePartialDate(subject.dob);
    if (!q.dob) {
      return Status::InvalidArgument("subject " + subject.id + ": invalid dob '" + subject.dob +
                                     "' (expected YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY)");
    }
  }
  q.nationality = subject.nationality;
  q.document = subject.document;
  q.document_country = subject.document_country;
  if (!subject.gender.empty()) {
    q.gender = model::ParseGender(subject.gender);
    if (!q.gender) {
      return Status::InvalidArgument("subject " + subject.id + ": invalid gender '" +
                                     subject.gender + "' (expected male or female)");
    }
  }
  if (!subject.kind.empty()) {
    q.kind = model::ParseEntityKind(subject.kind);
    if (!q.kind) {
      return Status::InvalidArgument("subject " + subject.id + ": invalid kind '" + subject.kind +
                                     "' (expected person, organization, vessel or aircraft)");
    }
  }
  q.threshold = threshold;
  q.limit = kHitsPerSubject;
  return q;
}

Result<RescreenReport> RescreenAll(store::Store& store, const std::string& trigger,
                                   const RescreenOptions& options) {
  Result<std::vector<store::Subject>> subjects = store::Monitoring(store).LoadSubjects();
  if (!subjects.ok()) return subjects.status();
  return RescreenSubjects(store, *subjects, trigger, options);
}

Result<RescreenReport> RescreenSubjects(store::Store& store,
                                        const std::vector<store::Subject>& subjects,
                                        const std::string& trigger,
                                        const RescreenOptions& options) {
  const auto start = Clock::now();
  RescreenReport report;
  report.mode = "full";
  store::Monitoring monitoring(store);
  report.subjects = static_cast<int64_t>(subjects.size());
  Result<std::vector<model::Entity>> entities = store.LoadActiveEntities();
  if (!entities.ok()) return entities.status();
  report.entities = static_cast<int64_t>(entities->size());
  Result<std::unordered_map<std::string, VersionInfo>> versions = ActiveVersions(store);
  if (!versions.ok()) return versions.status();
  if (subjects.empty() || entities->empty()) {
    report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return report;
  }
  Result<std::unique_ptr<match::Screener>> screener = match::Screener::Build(std::move(*entities));
  if (!screener.ok()) return screener.status();
  const match::Screener& s = **screener;

  HUDUD_RETURN_IF_ERROR(ScreenAndRaise(
      subjects, options, trigger, *versions, monitoring,
      [&s](const match::Query&) -> const match::Screener* { return &s; }, &report));
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return report;
}

Result<RescreenReport> RescreenAfterChange(store::Store& store, const store::ImportSummary& summary,
                                           const RescreenOptions& options) {
  const auto start = Clock::now();
  RescreenReport report;
  report.mode = "none";
  if (summary.unchanged ||
      (summary.added_ids.empty() && summary.changed_ids.empty() && summary.removed_ids.empty())) {
    return report;
  }
  report.mode = "delta";
  store::Monitoring monitoring(store);
  const std::string& list_id = summary.version.list_id;

  if (!summary.removed_ids.empty()) {
    Result<int64_t> closed = monitoring.CloseAlertsOnEntities(
        summary.removed_ids,
        "delisted: not in " + list_id + " version " + std::to_string(summary.version.id));
    if (!closed.ok()) return closed.status();
    report.alerts_closed = *closed;
  }

  Result<std::vector<store::Subject>> subjects = monitoring.LoadSubjects();
  if (!subjects.ok()) return subjects.status();
  report.subjects = static_cast<int64_t>(subjects->size());
  if (subjects->empty()) {
    report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return report;
  }

  // What screening saw before the change and sees now.
  Result<std::vector<model::Entity>> before_entities =
      store.LoadEntitiesAt({{list_id, summary.previous_version}});
  if (!before_entities.ok()) return before_entities.status();
  Result<std::vector<model::Entity>> after_entities = store.LoadActiveEntities();
  if (!after_entities.ok()) return after_entities.status();
  Result<std::unordered_map<std::string, VersionInfo>> versions = ActiveVersions(store);
  if (!versions.ok()) return versions.status();

  Result<std::unique_ptr<match::Screener>> before =
      match::Screener::Build(std::move(*before_entities));
  if (!before.ok()) return before.status();
  Result<std::unique_ptr<match::Screener>> after =
      match::Screener::Build(std::move(*after_entities));
  if (!after.ok()) return after.status();
  const match::Screener& full = **after;

  match::WeightShift shift(**before, full);
  before->reset();  // only its token statistics are needed, and `shift` keeps them

  // The delta: added and changed entries, and those whose weights moved.
  std::unordered_set<std::string> touched(summary.added_ids.begin(), summary.added_ids.end());
  touched.insert(summary.changed_ids.begin(), summary.changed_ids.end());
  std::vector<size_t> delta = shift.entities();
  for (size_t i = 0; i < full.size(); ++i) {
    if (touched.count(full.entity(i).id)) delta.push_back(i);
  }
  std::sort(delta.begin(), delta.end());
  delta.erase(std::unique(delta.begin(), delta.end()), delta.end());
  report.entities = static_cast<int64_t>(delta.size());
  Result<std::unique_ptr<match::Screener>> subset = match::Screener::BuildSubset(full, delta);
  if (!subset.ok()) return subset.status();
  const match::Screener& part = **subset;

  std::atomic<int64_t> subjects_full{0};
  HUDUD_RETURN_IF_ERROR(ScreenAndRaise(
      *subjects, options, "list-change", *versions, monitoring,
      [&](const match::Query& q) -> const match::Screener* {
        if (shift.Affects(q)) {
          subjects_full.fetch_add(1, std::memory_order_relaxed);
          return &full;
        }
        return part.size() == 0 ? nullptr : &part;
      },
      &report));
  report.subjects_full = subjects_full.load();
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return report;
}

}  // namespace hudud::monitor
