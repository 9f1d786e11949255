// Retention and unmasking as JSON (api/retention_json.h).
#include "api/retention_json.h"

#include <algorithm>
#include <cstdint>

#include "api/alerts_json.h"
#include "lists/csv.h"

namespace hudud::api {
namespace {

Json Parsed(const std::string& text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? Json(text) : j;
}

std::string Base64(const std::string& bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const size_t n = std::min<size_t>(3, bytes.size() - i);
    uint32_t v = 0;
    for (size_t k = 0; k < 3; ++k) {
      v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    }
    for (size_t k = 0; k < 4; ++k) {
      out += k <= n ? kAlphabet[(v >> (18 - 6 * k)) & 63] : '=';
    }
  }
  return out;
}

}  // namespace

Json RetentionReportJson(const store::RetentionReport& report) {
  return Json::parse(store::RetentionReportJson(report));
}

Json RetentionStatusJson(const store::RetentionStatus& s) {
  Json runs = Json::array();
  for (const store::RetentionRun& r : s.runs) {
    runs.push_back(Json{{"id", r.id},
                        {"trigger", r.trigger},
                        {"actor", r.actor},
                        {"state", r.state},
                        {"started_at", r.started_at},
                        {"heartbeat_at", r.heartbeat_at},
                        {"finished_at", r.finished_at},
                        {"now", r.now},
                        {"report", Parsed(r.report)},
                        {"error", r.error}});
  }
  return Json{{"now", s.now},
              {"depersonalise_before", s.depersonalise_before},
              {"delete_before", s.delete_before},
              {"audit_before", s.audit_before},
              {"due",
               {{"manifests_to_depersonalise", s.manifests_to_depersonalise},
                {"manifests_to_delete", s.manifests_to_delete},
                {"alerts_to_depersonalise", s.alerts_to_depersonalise},
                {"alerts_to_delete", s.alerts_to_delete},
                {"audit_to_scan", s.audit_to_scan},
                {"audit_to_prune", s.audit_to_prune}}},
              {"done",
               {{"manifests_depersonalised", s.manifests_depersonalised},
                {"alerts_depersonalised", s.alerts_depersonalised},
                {"audit_masked", s.audit_masked}}},
              {"sealed", s.sealed},
              {"runs", std::move(runs)}};
}

Json UnmaskRequestJson(const store::UnmaskRequest& r) {
  return Json{{"id", r.id},
              {"object", r.object},
              {"reason", r.reason},
              {"purpose", r.purpose},
              {"requested_by", r.requested_by},
              {"requested_at", r.requested_at},
              {"state", r.state},
              {"decided_by", r.decided_by},
              {"decided_at", r.decided_at},
              {"decision_note", r.decision_note},
              {"expires_at", r.expires_at}};
}

Json UnmaskedDataJson(const store::UnmaskedData& d) {
  Json j{{"request", UnmaskRequestJson(d.request)}, {"object", d.request.object}, {"kind", d.kind}};
  if (d.kind == "manifest") {
    j["format"] = d.format;
    if (lists::IsValidUtf8(d.original)) {
      j["raw"] = d.original;
    } else {
      j["raw_base64"] = Base64(d.original);
    }
  } else if (d.kind == "alert") {
    Json a = Parsed(d.original);
    // subject_json, explanation, events and shares are JSON texts themselves.
    if (a.is_object() && a.contains("subject_json") && a["subject_json"].is_string()) {
      a["subject"] = Parsed(a["subject_json"].get<std::string>());
      a.erase("subject_json");
    }
    // The explanation as GET /v1/alerts/{id} shows it (null when none was kept).
    if (a.is_object() && a.contains("explanation") && a["explanation"].is_string()) {
      a["explanation"] = ExplanationTextJson(a["explanation"].get<std::string>());
    }
    j["alert"] = std::move(a);
  } else {
    j["detail"] = Parsed(d.original);
  }
  return j;
}

Json NotificationJson(const store::Notification& n) {
  return Json{{"id", n.id},           {"role", n.role},      {"at", n.at},
              {"kind", n.kind},       {"object", n.object},  {"text", n.text},
              {"read_by", n.read_by}, {"read_at", n.read_at}};
}

}  // namespace hudud::api
