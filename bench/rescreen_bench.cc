// rescreen_bench: the monitoring benchmark (issue: watchlists). Holds 10^6
// subjects in an embedded database beside the real UN and OFAC lists, then
// measures (1) a full re-screen of every subject against every entry and
// (2) the delta re-screen after a 1,000-entity change of a list, from the end
// of the import to the last alert stored. See docs/BENCHMARKS.md.
//
// Subjects are synthetic people (the names of a generated population from
// data/names, with dates of birth and nationalities) plus a share of
// disguised listed names, so that both re-screens raise real alerts.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "bench_util.h"
#include "lists/list_file.h"
#include "monitor/rescreen.h"
#include "query_generator.h"
#include "store/monitoring.h"
#include "store/store.h"
#include "watchlist_generator.h"

namespace hudud::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// A held subject from a generated person: primary name, first date of birth
// and nationality as a bank would hold them.
store::Subject FromEntity(const model::Entity& e, const std::string& id) {
  store::Subject s;
  s.id = id;
  s.names.push_back(e.names.empty() ? "" : e.names[0].full);
  if (!e.dates_of_birth.empty()) s.dob = e.dates_of_birth[0].from.ToString();
  if (!e.nationalities.empty()) s.nationality = e.nationalities[0].country_code;
  s.kind = std::string(model::ToString(e.kind));
  return s;
}

int Run(int argc, char** argv) {
  CLI::App app{"rescreen_bench: full and delta re-screening of held subjects"};
  size_t subjects_n = 1000000;
  size_t change = 1000;
  double positive_share = 0.001;
  int threads = 2;
  std::string data_dir = DefaultDataDir();
  std::string db_dir = "";
  app.add_option("--subjects", subjects_n, "Held subjects")->capture_default_str();
  app.add_option("--change", change, "Entities added by the list change")->capture_default_str();
  app.add_option("--positive-share", positive_share,
                 "Share of subjects that are disguised listed names")
      ->capture_default_str();
  app.add_option("--threads", threads, "Screening threads")->capture_default_str();
  app.add_option("--data", data_dir, "Directory with lists/ and names/")->capture_default_str();
  app.add_option("--dir", db_dir, "Directory for the database (default: a temporary one)");
  CLI11_PARSE(app, argc, argv);

  namespace fs = std::filesystem;
  fs::path dir = db_dir.empty()
                     ? fs::temp_directory_path() / ("hudud-rescreen-" + std::to_string(getpid()))
                     : fs::path(db_dir);
  fs::create_directories(dir);
  const std::string db_path = (dir / "bench.db").string();
  fs::remove(db_path);

  // The real lists.
  Result<lists::ParsedList> un =
      lists::ReadListFile(data_dir + "/lists/un-consolidated-2026-02-27.xml", "auto");
  if (!un.ok()) return std::fprintf(stderr, "%s\n", un.status().message().c_str()), 1;
  Result<lists::ParsedList> ofac =
      lists::ReadListFile(data_dir + "/lists/ofac-2025/sdn.csv", "ofac-csv");
  if (!ofac.ok()) {
    // Without the OFAC parser the UN list alone changes (a smaller change).
    std::fprintf(stderr, "%s: the UN list changes instead\n", ofac.status().message().c_str());
    ofac = *un;
    change = std::min(change, un->entities.size() / 4);
  }
  if (ofac->entities.size() <= change) {
    return std::fprintf(stderr, "the OFAC list has only %zu entities\n", ofac->entities.size()), 1;
  }
  // Version 1 of the OFAC list lacks `change` entities spread over the file;
  // version 2 adds them back.
  lists::ParsedList ofac_v1 = *ofac;
  ofac_v1.entities.clear();
  const size_t stride = ofac->entities.size() / change;
  size_t held_out = 0;
  for (size_t i = 0; i < ofac->entities.size(); ++i) {
    if (i % stride == 0 && held_out < change) {
      ++held_out;
      continue;
    }
    ofac_v1.entities.push_back(ofac->entities[i]);
  }

  // Subjects.
  Result<std::shared_ptr<const NameData>> names = NameData::Load(data_dir);
  if (!names.ok()) return std::fprintf(stderr, "%s\n", names.status().message().c_str()), 1;
  auto t0 = Clock::now();
  WatchlistOptions wo;
  wo.entities = subjects_n;
  wo.seed = 7;
  wo.organization_share = 0.05;
  Watchlist population = GenerateWatchlist(**names, wo);
  std::vector<store::Subject> subjects;
  subjects.reserve(subjects_n);
  for (size_t i = 0; i < population.entities.size(); ++i) {
    subjects.push_back(FromEntity(population.entities[i], "s" + std::to_string(i)));
  }
  population = Watchlist{};
  // Disguised listed names (from both lists, the held-out entries included).
  std::mt19937_64 rng(11);
  Watchlist listed;
  for (const auto* l : {&*un, &*ofac}) {
    for (const model::Entity& e : l->entities) listed.entities.push_back(e);
  }
  listed.persons.resize(listed.entities.size());
  QuerySetOptions qo;
  qo.queries = static_cast<size_t>(static_cast<double>(subjects_n) * positive_share);
  qo.negative_share = 0;
  qo.seed = 5;
  std::vector<BenchQuery> positives = GenerateQueries(**names, listed, qo);
  for (size_t i = 0; i < positives.size() && i < subjects.size(); ++i) {
    size_t slot = (rng() % subjects.size());
    store::Subject& s = subjects[slot];
    s.names = positives[i].query.names;
    s.dob = positives[i].query.dob ? positives[i].query.dob->ToString() : "";
    s.nationality = positives[i].query.nationality;
    s.kind = positives[i].query.kind ? std::string(model::ToString(*positives[i].query.kind)) : "";
  }
  std::unordered_set<std::string> distinct;
  for (const store::Subject& s : subjects) distinct.insert(s.names.empty() ? "" : s.names[0]);
  std::printf("generated %zu subjects (%zu disguised listed names, %zu distinct names) in %.1f s\n",
              subjects.size(), positives.size(), distinct.size(), Seconds(t0, Clock::now()));

  Result<std::unique_ptr<store::Store>> store = store::Store::Open(db_path);
  if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().message().c_str()), 1;
  auto import = [&](const lists::ParsedList& l, const std::string& tag) {
    return (*store)->ImportList(l, tag, store::Sha256Hex(tag));
  };
  if (ofac->list_id != un->list_id) {
    if (auto r = import(*un, "un"); !r.ok()) {
      return std::fprintf(stderr, "%s\n", r.status().message().c_str()), 1;
    }
  }
  if (auto r = import(ofac_v1, "ofac-v1"); !r.ok()) {
    return std::fprintf(stderr, "%s\n", r.status().message().c_str()), 1;
  }

  store::Monitoring monitoring(**store);
  t0 = Clock::now();
  Result<store::SubjectImport> put = monitoring.PutSubjects(subjects, "bench");
  if (!put.ok()) return std::fprintf(stderr, "%s\n", put.status().message().c_str()), 1;
  std::printf("stored %zu subjects in %.1f s\n", subjects.size(), Seconds(t0, Clock::now()));
  subjects = {};

  monitor::RescreenOptions ro;
  ro.threads = threads;
  Result<monitor::RescreenReport> full = monitor::RescreenAll(**store, "rescreen", ro);
  if (!full.ok()) return std::fprintf(stderr, "%s\n", full.status().message().c_str()), 1;
  std::printf(
      "full re-screen: %lld subjects x %lld entries on %d threads: %.2f s (%.0f subjects/s), "
      "%lld hits, %lld alerts\n",
      static_cast<long long>(full->subjects), static_cast<long long>(full->entities), threads,
      full->seconds, static_cast<double>(full->subjects) / full->seconds,
      static_cast<long long>(full->hits), static_cast<long long>(full->alerts_raised));

  t0 = Clock::now();
  Result<store::ImportSummary> v2 = import(*ofac, "ofac-v2");
  if (!v2.ok()) return std::fprintf(stderr, "%s\n", v2.status().message().c_str()), 1;
  const double import_s = Seconds(t0, Clock::now());
  Result<monitor::RescreenReport> delta = monitor::RescreenAfterChange(**store, *v2, ro);
  if (!delta.ok()) return std::fprintf(stderr, "%s\n", delta.status().message().c_str()), 1;
  std::printf(
      "list change: %lld added, %lld changed, %lld removed (import %.2f s)\n"
      "delta re-screen: %lld subjects x %lld entries (%lld subjects in full) on %d threads: "
      "%.2f s, %lld hits, %lld alerts raised\n",
      static_cast<long long>(v2->added), static_cast<long long>(v2->changed),
      static_cast<long long>(v2->removed), import_s, static_cast<long long>(delta->subjects),
      static_cast<long long>(delta->entities), static_cast<long long>(delta->subjects_full),
      threads, delta->seconds, static_cast<long long>(delta->hits),
      static_cast<long long>(delta->alerts_raised));
  std::printf("peak RSS %.0f MiB\n", static_cast<double>(ProcStatusKb("VmHWM")) / 1024.0);
  if (db_dir.empty()) fs::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace hudud::bench

int main(int argc, char** argv) { return hudud::bench::Run(argc, argv); }
