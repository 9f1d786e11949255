// `hudud mrz check LINE1 LINE2 [LINE3]`: the booth. Parses a travel
// document's MRZ, validates every check digit, flags expiry and a lost or
// stolen document, screens the holder, and answers clear or refer.
#include "travel/mrz.h"

#include <fmt/core.h>

#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/engine_loader.h"
#include "cli/json.h"
#include "cli/output.h"
#include "cli/targeting_io.h"
#include "targeting/booth.h"
#include "travel/travel_dates.h"

namespace hudud::cli {
namespace {

struct Options {
  std::vector<std::string> lines;
  std::string db;
  double threshold = match::kDefaultThreshold;
  int limit = 5;
  bool json = false;
  bool screen = true;
  std::string today;
};

Json CodeJson(const std::string& raw, const std::optional<travel::IcaoCode>& code) {
  Json j = Json::object();
  j["code"] = raw;
  if (code) {
    j["alpha3"] = code->alpha3;
    j["country"] = code->alpha2.empty() ? Json(nullptr) : Json(code->alpha2);
    j["kind"] = std::string(travel::ToString(code->kind));
    j["description"] = code->description;
  }
  return j;
}

std::string DescribeCode(const std::string& raw, const std::optional<travel::IcaoCode>& code) {
  if (!code) return raw + " (unknown code)";
  return raw + " (" + code->description + ")";
}

int Run(const Options& o) {
  model::PartialDate today = travel::TodayUtc();
  if (!o.today.empty()) {
    std::optional<model::PartialDate> d = model::ParsePartialDate(o.today);
    if (!d || !d->full()) return Fail(kExitUsage, "invalid --today '" + o.today + "'");
    today = *d;
  }
  Result<travel::Mrz> mrz = travel::ParseMrz(o.lines, today);
  if (!mrz.ok()) return Fail(kExitUsage, "MRZ: " + mrz.status().message());

  std::optional<Engine> engine;
  targeting::ReportedDocumentIndex reported;
  targeting::ScreeningOptions options;
  options.threshold = o.threshold;
  options.limit = o.limit;
  options.today = today;
  if (o.screen) {
    const std::string db_path = ResolveDbPath(o.db);
    Result<Engine> loaded = LoadEngine(db_path);
    if (!loaded.ok()) return Fail(kExitRuntime, loaded.status().message());
    engine = std::move(*loaded);
    Result<std::unique_ptr<store::Store>> store = store::Store::Open(db_path);
    if (!store.ok()) return FailStatus(store.status());
    Result<targeting::ReportedDocumentIndex> r = LoadReportedDocuments(**store);
    if (!r.ok()) return FailStatus(r.status());
    reported = std::move(*r);
  }
  // With --no-screen there is no engine: document checks only.
  Result<targeting::BoothScreening> b =
      targeting::ScreenMrz(*mrz, engine ? engine->screener.get() : nullptr, reported, options);
  if (!b.ok()) return FailStatus(b.status());
  const targeting::BoothScreening& booth = *b;

  const travel::Mrz& m = *mrz;
  std::optional<bool> expired = m.IsExpired(today);
  std::string out;
  if (o.json) {
    Json j = Json::object();
    j["format"] = std::string(travel::ToString(m.format));
    j["document_code"] = m.document_code;
    j["issuing_state"] = CodeJson(m.issuing_state, m.issuing_state_code);
    j["document_number"] = m.document_number;
    j["surname"] = m.surname;
    j["given_names"] = m.given_names;
    j["name_truncated"] = m.name_truncated;
    j["nationality"] = CodeJson(m.nationality, m.nationality_code);
    j["dob"] = m.birth_date ? Json(m.birth_date->ToString()) : Json(m.birth_date_raw);
    j["sex"] = std::string(1, m.sex);
    j["expiry"] = m.expiry_date ? Json(m.expiry_date->ToString()) : Json(m.expiry_date_raw);
    j["expired"] = expired ? Json(*expired) : Json(nullptr);
    j["optional_data"] = m.optional_data;
    if (!m.optional_data2.empty()) j["optional_data2"] = m.optional_data2;
    Json checks = Json::array();
    for (const auto& c : m.checks) {
      checks.push_back(Json{{"field", c.field},
                            {"expected", std::string(1, c.expected)},
                            {"found", std::string(1, c.found)},
                            {"ok", c.ok}});
    }
    j["checks"] = std::move(checks);
    j["valid"] = m.valid();
    j["screened"] = o.screen;
    j["decision"] = std::string(targeting::ToString(booth.decision));
    Json reasons = Json::array();
    for (const auto& r : booth.reasons) reasons.push_back(ReasonJson(r));
    j["reasons"] = std::move(reasons);
    Json hits = Json::array();
    for (const auto& h : booth.hits) hits.push_back(HitJson(h, true));
    j["hits"] = std::move(hits);
    out = DumpJson(j) + "\n";
  } else {
    out += fmt::format("{} document {}, issued by {}, number {}\n", travel::ToString(m.format),
                       m.document_code, DescribeCode(m.issuing_state, m.issuing_state_code),
                       m.document_number);
    out += fmt::format("Holder: {}{}{}", m.surname.empty() ? "(no surname)" : m.surname,
                       m.given_names.empty() ? "" : ", " + m.given_names,
                       m.name_truncated ? " (name may be truncated)" : "");
    out += fmt::format("; born {}; sex {}; nationality {}\n",
                       m.birth_date ? m.birth_date->ToString() : m.birth_date_raw,
                       std::string(1, m.sex), DescribeCode(m.nationality, m.nationality_code));
    if (m.expiry_date) {
      out += fmt::format("Expires {}{}\n", m.expiry_date->ToString(),
                         expired && *expired ? ": EXPIRED" : "");
    }
    out += "Check digits:";
    for (const auto& c : m.checks) {
      out += fmt::format(
          " {} {}", c.field,
          c.ok ? "ok" : fmt::format("FAILED (found {}, expected {})", c.found, c.expected));
      out += ";";
    }
    out.back() = '\n';
    out +=
        fmt::format("Decision: {}{}\n",
                    booth.decision == targeting::Decision::kRefer ? "REFER to secondary" : "clear",
                    o.screen ? "" : " (document checks only: holder not screened)");
    std::vector<targeting::Reason> other;
    for (const auto& r : booth.reasons) {
      if (r.code != "watchlist") other.push_back(r);
    }
    AppendReasonsText(other, "  ", &out);
    int rank = 0;
    for (const match::Hit& hit : booth.hits) {
      AppendHitText(hit, engine->screener->entity(hit.entity_index), ++rank, &out);
    }
  }
  if (!WriteStdout(out)) return Fail(kExitRuntime, "cannot write to stdout");
  return kExitOk;
}

}  // namespace

CommandRunner AddMrzCommand(CLI::App& mrz) {
  auto o = std::make_shared<Options>();
  mrz.require_subcommand(1);
  CLI::App* check = mrz.add_subcommand(
      "check", "Check a travel document's MRZ and screen its holder: clear or refer");
  check->add_option("lines", o->lines, "The MRZ lines (2 or 3), each quoted")->required();
  check->add_option("--db", o->db, "Database (default: $HUDUD_DB or ./hudud.db)");
  check->add_option("--threshold", o->threshold, "Report watchlist hits scoring at least this");
  check->add_option("--limit", o->limit, "At most this many hits")->check(CLI::Range(1, 100));
  check->add_flag("--json", o->json, "One JSON object instead of text");
  check->add_flag("!--no-screen", o->screen,
                  "Check the document only (check digits, expiry); no database needed");
  check->add_option("--today", o->today, "The date to check expiry against (default: today)");
  return [o, check]() { return *check ? Run(*o) : Fail(kExitUsage, "no mrz command"); };
}

}  // namespace hudud::cli
