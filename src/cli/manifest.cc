// `hudud manifest screen FILE...`: read a PAXLST or PNRGOV message (its
// parts may come in several files), screen every traveller, and print
// clear / refer per traveller with the reasons, then the flight summary.
#include <fmt/core.h>

#include <chrono>
#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/engine_loader.h"
#include "cli/json.h"
#include "cli/output.h"
#include "cli/targeting_io.h"
#include "store/manifests.h"
#include "targeting/flight_screening.h"
#include "travel/message_mask.h"
#include "travel/passenger_message.h"

namespace hudud::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string db;
  std::string format = "auto";
  double threshold = match::kDefaultThreshold;
  int limit = 5;
  bool json = false;
  bool keep = true;
  std::string user;
};

void AppendTravellerText(const travel::Manifest& m, const targeting::TravellerScreening& ts,
                         const match::Screener& screener, std::string* out) {
  const travel::Traveller& t = m.travellers[ts.traveller];
  std::string line = fmt::format("{:<5}  {:<17}  {}",
                                 ts.decision == targeting::Decision::kRefer ? "REFER" : "clear",
                                 travel::ToString(t.role), t.name.Full());
  if (!Dob(t).empty()) line += "  dob " + Dob(t);
  if (!t.nationality.empty()) line += "  " + t.nationality;
  if (const travel::TravelDocument* d = MainDocument(t)) {
    line += "  " + targeting::DescribeDocument(d->type, d->issuing_country, d->number);
  }
  if (std::string b = BookingOf(m, t); !b.empty()) line += "  booking " + b;
  *out += line + "\n";
  std::vector<targeting::Reason> other;
  for (const auto& r : ts.reasons) {
    if (r.code != "watchlist") other.push_back(r);
  }
  AppendReasonsText(other, "       ", out);
  int rank = 0;
  for (const match::Hit& hit : ts.hits) {
    std::string hit_text;
    AppendHitText(hit, screener.entity(hit.entity_index), ++rank, &hit_text);
    for (std::string_view l : SplitLines(hit_text)) *out += "       " + std::string(l) + "\n";
  }
}

int Run(const Options& o) {
  if (o.threshold <= 0 || o.threshold > 1) {
    return Fail(kExitUsage, "invalid --threshold: must be in (0, 1]");
  }
  Result<std::string> bytes = ReadMessageFiles(o.files);
  if (!bytes.ok()) return FailStatus(bytes.status());
  const auto started = std::chrono::steady_clock::now();
  Result<travel::Manifest> manifest = travel::ParsePassengerMessage(*bytes, o.format);
  if (!manifest.ok()) {
    return Fail(kExitUsage, (o.files.size() == 1 ? o.files[0] : std::string("message")) + ": " +
                                manifest.status().message());
  }
  const double parse_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();

  const std::string db_path = ResolveDbPath(o.db);
  Result<Engine> engine = LoadEngine(db_path);
  if (!engine.ok()) return Fail(kExitRuntime, engine.status().message());
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(db_path);
  if (!store.ok()) return FailStatus(store.status());
  Result<targeting::ReportedDocumentIndex> reported = LoadReportedDocuments(**store);
  if (!reported.ok()) return FailStatus(reported.status());
  Result<std::vector<targeting::TargetingRule>> rules = LoadActiveRules(**store);
  if (!rules.ok()) return FailStatus(rules.status());

  targeting::ScreeningOptions options;
  options.threshold = o.threshold;
  options.limit = o.limit;
  const auto screen_start = std::chrono::steady_clock::now();
  Result<targeting::FlightScreening> result =
      targeting::ScreenFlight(*manifest, *engine->screener, *reported, *rules, options);
  if (!result.ok()) return FailStatus(result.status());
  const double screen_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - screen_start)
          .count();

  // Kept as received, so rules can be tested against past flights; but the
  // sensitive requests (meal, medical) are deleted on receipt, in the bytes
  // too. The digest is of the bytes as received: sent again, kept once.
  if (o.keep) {
    Result<travel::SensitiveRequestsRemoved> kept = travel::RemoveSensitiveRequests(*bytes);
    if (!kept.ok()) {
      return Fail(kExitRuntime, "the message could not be kept: " + kept.status().message());
    }
    store::StoredManifest sm;
    sm.format = std::string(travel::ToString(manifest->format));
    sm.flight = DescribeFlight(*manifest);
    sm.departure = DepartureDate(*manifest);
    sm.travellers = static_cast<int>(manifest->travellers.size());
    sm.sha256 = store::Sha256Hex(*bytes);
    Result<std::string> user = ResolveUser(o.user);
    sm.received_by = user.ok() ? *user : "cli";
    sm.raw = std::move(kept->bytes);
    Result<int64_t> id = store::SaveManifest(**store, sm);
    if (!id.ok()) return FailStatus(id.status());
  }

  const travel::Manifest& m = *manifest;
  const size_t crew = m.CrewCount(), passengers = m.travellers.size() - crew;
  std::string out;
  if (o.json) {
    out = DumpJson(
              api::ManifestScreeningJson(m, *result, /*with_detail=*/true, parse_ms, screen_ms)) +
          "\n";
  } else {
    for (const auto& ts : result->travellers) {
      AppendTravellerText(m, ts, *engine->screener, &out);
    }
    out += "\n";
    std::string flight = DescribeFlight(m);
    out += fmt::format(
        "{} {}{}: {} traveller{} ({} passenger{}, {} crew), {} refer, {} clear",
        m.format == travel::MessageFormat::kPaxlst ? "PAXLST" : "PNRGOV",
        flight.empty() ? "(no flight)" : flight,
        m.bookings.empty()
            ? ""
            : fmt::format(", {} booking{}", m.bookings.size(), m.bookings.size() == 1 ? "" : "s"),
        m.travellers.size(), m.travellers.size() == 1 ? "" : "s", passengers,
        passengers == 1 ? "" : "s", crew, result->referred, m.travellers.size() - result->referred);
    out += fmt::format(" (watchlist {}, rules {}, documents {})\n", result->watchlist_hits,
                       result->rule_hits, result->document_hits);
    if (m.parts > 1 || !m.complete) {
      out += fmt::format("{} message parts joined{}\n", m.parts,
                         m.complete ? "" : "; the final part has not arrived");
    }
    if (m.sensitive_deleted > 0) {
      out += fmt::format("{} sensitive item{} (meal, medical) deleted on receipt\n",
                         m.sensitive_deleted, m.sensitive_deleted == 1 ? "" : "s");
    }
    for (const auto& w : m.warnings) {
      const bool placed = w.message.rfind("segment ", 0) == 0 || w.segment == 0;
      out += "warning: " +
             (placed ? (w.field.empty() ? "" : w.field + " ") + w.message
                     : "segment " + std::to_string(w.segment) + " " + w.field +
                           (w.field.empty() ? "" : ": ") + w.message) +
             "\n";
    }
  }
  if (!WriteStdout(out)) return Fail(kExitRuntime, "cannot write to stdout");
  return kExitOk;
}

}  // namespace

CommandRunner AddManifestCommand(CLI::App& manifest) {
  auto o = std::make_shared<Options>();
  manifest.require_subcommand(1);
  CLI::App* screen = manifest.add_subcommand(
      "screen", "Screen every traveller of a PAXLST or PNRGOV message: clear or refer");
  screen->add_option("files", o->files, "The message (its parts may be in several files)")
      ->required()
      ->check(CLI::ExistingFile);
  screen->add_option("--db", o->db, "Database (default: $HUDUD_DB or ./hudud.db)");
  screen->add_option("--format", o->format, "auto, paxlst or pnrgov (default: auto)")
      ->check(CLI::IsMember({"auto", "paxlst", "pnrgov"}));
  screen->add_option("--threshold", o->threshold, "Report watchlist hits scoring at least this");
  screen->add_option("--limit", o->limit, "At most this many hits per traveller")
      ->check(CLI::Range(1, 100));
  screen->add_flag("--json", o->json, "One JSON object instead of text");
  screen->add_flag("!--no-keep", o->keep,
                   "Do not keep the message in the database (it is kept by default, so that "
                   "rules can be tested against past flights)");
  screen->add_option("--user", o->user, "Who receives the message (default: $HUDUD_USER)");
  return [o, screen]() { return *screen ? Run(*o) : Fail(kExitUsage, "no manifest command"); };
}

}  // namespace hudud::cli
