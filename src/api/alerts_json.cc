// Alerts as JSON (api/alerts_json.h).
#include "api/alerts_json.h"

#include "api/output.h"
#include "lists/export.h"

namespace hudud::api {
namespace {

// Alert and redress histories have the same shape.
template <typename Event>
Json EventsJson(const std::vector<Event>& events) {
  Json out = Json::array();
  for (const Event& e : events) {
    out.push_back(Json{{"id", e.id},
                       {"action", e.action},
                       {"actor", e.actor},
                       {"at", e.at},
                       {"detail", e.detail}});
  }
  return out;
}

}  // namespace

Json AlertJson(const store::Alert& a) {
  Json subject = nullptr;
  if (!a.subject_json.empty()) {
    subject = Json::parse(a.subject_json, nullptr, /*allow_exceptions=*/false);
    if (subject.is_discarded()) subject = a.subject_json;  // masked or free text: as stored
  }
  auto opt = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return Json{{"id", a.id},
              {"status", a.status},
              {"source", a.source},
              {"case", opt(a.case_ref)},
              {"subject_id", a.subject_id},
              {"subject_name", a.subject_name},
              {"subject", std::move(subject)},
              {"list", a.list_id},
              {"entity_id", a.entity_id},
              {"listed_name", a.listed_name},
              {"version", a.version_id == 0 ? Json(nullptr) : Json(a.version_id)},
              {"score", RoundScore(a.score)},
              {"summary", a.summary},
              {"trigger", a.trigger},
              {"designated_at", opt(a.designated_at)},
              {"imported_at", opt(a.imported_at)},
              {"raised_at", a.raised_at},
              {"closed_at", opt(a.closed_at)},
              {"closed_reason", opt(a.closed_reason)},
              {"assignee", opt(a.assignee)},
              {"decision", opt(a.decision)},
              {"justification", opt(a.justification)},
              {"decided_by", opt(a.decided_by)},
              {"decided_at", opt(a.decided_at)},
              {"outcome", opt(a.outcome)},
              {"flight", opt(a.flight)},
              {"manifest", a.manifest_id == 0 ? Json(nullptr) : Json(a.manifest_id)},
              {"depersonalised", !a.depersonalised_at.empty()}};
}

Json ExplanationTextJson(std::string_view text) {
  if (text.empty()) return nullptr;
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_object() ? j : Json(nullptr);
}

Json AlertExplanationJson(const store::Alert& a) { return ExplanationTextJson(a.explanation_json); }

Json FtmEntityJson(const model::Entity& entity) {
  const std::string lines = lists::WriteFtmJson({entity});
  Json j = Json::parse(lines.substr(0, lines.find('\n')), nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? Json::object() : j;
}

Json AlertEventsJson(const std::vector<store::AlertEvent>& events) { return EventsJson(events); }

Json RedressJson(const store::RedressRequest& r) {
  auto opt = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return Json{{"id", r.id},
              {"reference", r.reference},
              {"requester", r.requester},
              {"contact", r.contact},
              {"description", r.description},
              {"alerts", r.alert_ids},
              {"state", r.state},
              {"received_at", r.received_at},
              {"received_by", r.received_by},
              {"handler", opt(r.handler)},
              {"outcome", opt(r.outcome)},
              {"closed_at", opt(r.closed_at)}};
}

Json RedressEventsJson(const std::vector<store::RedressEvent>& events) {
  return EventsJson(events);
}

Json ShareJson(const store::Share& s) {
  Json view = Json::parse(s.view, nullptr, /*allow_exceptions=*/false);
  if (view.is_discarded()) view = s.view;
  return Json{{"id", s.id},
              {"partner", s.partner},
              {"alert", s.alert_id},
              {"view", std::move(view)},
              {"reason", s.reason},
              {"shared_by", s.shared_by},
              {"shared_at", s.shared_at},
              {"revoked_at", s.revoked_at.empty() ? Json(nullptr) : Json(s.revoked_at)}};
}

}  // namespace hudud::api
