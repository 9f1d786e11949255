// screening_bench: the whole-process benchmark of the screening engine.
//
// Generates a synthetic watchlist and a query set with known truth, then
// measures Screener::Build time, process memory, single-query latency on one
// thread, batch throughput on N threads, precision and recall at the default
// threshold, recall@10 ignoring the threshold, a precision/recall sweep over
// thresholds, and per-variant-class recall. With --pg it runs the same names
// and queries through PostgreSQL pg_trgm in the same process run and reports
// the ratios. See docs/BENCHMARKS.md.
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "bench_util.h"
#include "match/screener.h"
#include "query_generator.h"
#include "watchlist_generator.h"
#ifdef HUDUD_HAVE_LIBPQ
#include "pg_trgm.h"
#endif

namespace hudud::bench {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      auto p = line.find(':');
      if (p != std::string::npos) return line.substr(p + 2);
    }
  }
  return "unknown";
}

struct LatencySummary {
  double p50 = 0, p99 = 0, p999 = 0, mean = 0, max = 0;
};

LatencySummary Summarize(std::vector<double> v) {
  LatencySummary s;
  if (v.empty()) return s;
  double sum = 0;
  for (double x : v) sum += x;
  s.mean = sum / static_cast<double>(v.size());
  s.p50 = Percentile(v, 0.50);
  s.p99 = Percentile(v, 0.99);
  s.p999 = Percentile(v, 0.999);
  s.max = v.back();
  return s;
}

json ToJson(const LatencySummary& s) {
  return {{"p50_us", s.p50},
          {"p99_us", s.p99},
          {"p999_us", s.p999},
          {"mean_us", s.mean},
          {"max_us", s.max}};
}

// One reported hit reduced to what the metrics need.
struct ScoredHit {
  double score;
  bool truth;
};

// Quality over a query set from per-query hit lists.
struct Quality {
  size_t positives = 0, negatives = 0;
  size_t hits = 0, true_hits = 0;
  size_t found = 0;                // positives with a true hit
  size_t negatives_with_hits = 0;  // negatives with any hit
  double precision() const { return hits ? static_cast<double>(true_hits) / hits : 1.0; }
  double recall() const { return positives ? static_cast<double>(found) / positives : 0.0; }
  double false_alarm_rate() const {
    return negatives ? static_cast<double>(negatives_with_hits) / negatives : 0.0;
  }
};

Quality Evaluate(const std::vector<BenchQuery>& queries,
                 const std::vector<std::vector<ScoredHit>>& hits, double threshold,
                 const std::function<bool(const BenchQuery&)>& filter = nullptr) {
  Quality q;
  for (size_t i = 0; i < queries.size(); ++i) {
    if (filter && !filter(queries[i])) continue;
    const bool neg = IsNegative(queries[i].variant);
    (neg ? q.negatives : q.positives)++;
    bool found = false, any = false;
    for (const ScoredHit& h : hits[i]) {
      if (h.score < threshold) continue;
      any = true;
      ++q.hits;
      if (h.truth) {
        ++q.true_hits;
        found = true;
      }
    }
    if (!neg && found) ++q.found;
    if (neg && any) ++q.negatives_with_hits;
  }
  return q;
}

json ToJson(const Quality& q) {
  return {{"positives", q.positives},
          {"negatives", q.negatives},
          {"hits", q.hits},
          {"true_hits", q.true_hits},
          {"precision", q.precision()},
          {"recall", q.recall()},
          {"negatives_with_hits", q.negatives_with_hits},
          {"false_alarm_rate", q.false_alarm_rate()}};
}

bool InTruth(const BenchQuery& q, const std::string& id) {
  return std::find(q.truth.begin(), q.truth.end(), id) != q.truth.end();
}

struct Flags {
  size_t entities = 10000;
  size_t queries = 10000;
  uint64_t seed = 1;
  int threads = 2;
  bool pg = false;
  std::string out;
  std::string data_dir = DefaultDataDir();
  double batch_seconds = 3.0;
  double rank_threshold = 0.0;
  size_t warmup = 500;
  size_t max_candidates = 0;  // 0 = the engine's default
  int pg_port = 54329;
  std::string pg_bindir;
  double pg_limit = 0.3;
  bool pg_keep = false;
  bool samples = false;
  size_t dump = 0;  // print this many false hits and misses
};

void PrintRow(const char* label, const std::string& value) {
  std::printf("  %-44s %s\n", label, value.c_str());
}

std::string Fmt(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

int Main(const Flags& f) {
  json report;
  report["machine"] = {{"cpu", CpuModel()},
                       {"hardware_threads", std::thread::hardware_concurrency()}};
  report["config"] = {{"entities", f.entities},
                      {"queries", f.queries},
                      {"seed", f.seed},
                      {"threads", f.threads},
                      {"default_threshold", match::kDefaultThreshold},
                      {"rank_threshold", f.rank_threshold},
                      {"batch_seconds", f.batch_seconds}};

  // ---- Data ----
  auto t0 = Clock::now();
  auto data = NameData::Load(f.data_dir);
  if (!data.ok()) {
    std::fprintf(stderr, "loading name data: %s\n", data.status().ToString().c_str());
    return 1;
  }
  WatchlistOptions wo;
  wo.entities = f.entities;
  wo.seed = f.seed;
  Watchlist list = GenerateWatchlist(**data, wo);
  auto t1 = Clock::now();
  QuerySetOptions qo;
  qo.queries = f.queries;
  qo.seed = f.seed;
  std::vector<BenchQuery> queries = GenerateQueries(**data, list, qo);
  auto t2 = Clock::now();
  size_t persons = 0, names = 0;
  for (const model::Entity& e : list.entities) {
    persons += e.kind == model::EntityKind::kPerson;
    names += e.names.size();
  }
  size_t positives = 0;
  for (const BenchQuery& q : queries) positives += !IsNegative(q.variant);
  report["generation"] = {{"entities", list.entities.size()},
                          {"persons", persons},
                          {"organizations", list.entities.size() - persons},
                          {"names", names},
                          {"queries", queries.size()},
                          {"positive_queries", positives},
                          {"negative_queries", queries.size() - positives},
                          {"list_seconds", Seconds(t0, t1)},
                          {"queries_seconds", Seconds(t1, t2)}};
  std::printf("hudud screening benchmark: %zu entities (%zu names), %zu queries, seed %llu\n",
              list.entities.size(), names, queries.size(), static_cast<unsigned long long>(f.seed));
  std::printf("  generated in %.2f s (list) + %.2f s (queries)\n", Seconds(t0, t1),
              Seconds(t1, t2));
  if (f.samples) {
    for (size_t i = 0; i < std::min<size_t>(10, list.entities.size()); ++i) {
      std::printf("  entity %s:", list.entities[i].id.c_str());
      for (const auto& n : list.entities[i].names) std::printf(" [%s]", n.full.c_str());
      std::printf("\n");
    }
    for (size_t i = 0; i < std::min<size_t>(20, queries.size()); ++i)
      std::printf("  query %-18s %s  (from: %s)\n",
                  std::string(ToString(queries[i].variant)).c_str(),
                  queries[i].query.names[0].c_str(), queries[i].source_name.c_str());
  }

  // ---- Build ----
  list.persons.clear();
  list.persons.shrink_to_fit();
  malloc_trim(0);
  const uint64_t rss_before = ProcStatusKb("VmRSS");
  match::ScreenerOptions so;
  if (f.max_candidates > 0) so.max_candidates = f.max_candidates;
  auto t3 = Clock::now();
  auto built = match::Screener::Build(std::move(list.entities), so);
  auto t4 = Clock::now();
  if (!built.ok()) {
    std::fprintf(stderr, "Build failed: %s\n", built.status().ToString().c_str());
    return 1;
  }
  const match::Screener& screener = **built;
  const double build_s = Seconds(t3, t4);
  const uint64_t rss_after = ProcStatusKb("VmRSS");
  const uint64_t hwm = ProcStatusKb("VmHWM");
  const auto stats = screener.stats();
  report["build"] = {{"seconds", build_s},         {"entities", stats.entities},
                     {"names", stats.names},       {"distinct_tokens", stats.distinct_tokens},
                     {"postings", stats.postings}, {"index_bytes", stats.index_bytes}};
  report["memory"] = {{"rss_before_build_kb", rss_before},
                      {"rss_after_build_kb", rss_after},
                      {"hwm_after_build_kb", hwm}};

  // ---- Single-thread latency at the default threshold ----
  for (size_t i = 0; i < std::min(f.warmup, queries.size()); ++i)
    (void)screener.Screen(queries[i].query);
  std::vector<double> lat;
  lat.reserve(queries.size());
  std::vector<std::vector<ScoredHit>> hits(queries.size());
  size_t errors = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    auto a = Clock::now();
    auto r = screener.Screen(queries[i].query);
    auto b = Clock::now();
    lat.push_back(std::chrono::duration<double, std::micro>(b - a).count());
    if (!r.ok()) {
      ++errors;
      continue;
    }
    for (const match::Hit& h : *r) hits[i].push_back({h.score, InTruth(queries[i], h.entity_id)});
  }
  if (f.dump > 0) {
    // Re-run a few queries to show what went wrong (not timed).
    size_t shown_fp = 0, shown_miss = 0;
    for (size_t i = 0; i < queries.size() && (shown_fp < f.dump || shown_miss < f.dump); ++i) {
      const BenchQuery& bq = queries[i];
      bool fp = false, found = false;
      for (const ScoredHit& h : hits[i]) {
        fp = fp || !h.truth;
        found = found || h.truth;
      }
      const bool miss = !IsNegative(bq.variant) && !found;
      if (!((fp && shown_fp < f.dump) || (miss && shown_miss < f.dump))) continue;
      (fp ? shown_fp : shown_miss)++;
      std::printf("  %s %-17s q=\"%s\" dob=%s nat=%s (from \"%s\", truth:",
                  fp ? "FALSE-HIT" : "MISS     ", std::string(ToString(bq.variant)).c_str(),
                  bq.query.names[0].c_str(), bq.query.dob ? bq.query.dob->ToString().c_str() : "-",
                  bq.query.nationality.c_str(), bq.source_name.c_str());
      for (const std::string& t : bq.truth) std::printf(" %s", t.c_str());
      std::printf(")\n");
      match::Query q = bq.query;
      q.threshold = miss ? 0.0 : q.threshold;
      q.limit = 5;
      auto r = screener.Screen(q);
      if (!r.ok()) continue;
      for (const match::Hit& h : *r)
        std::printf("      %s %.3f %s  %s\n", InTruth(bq, h.entity_id) ? "T" : "F", h.score,
                    h.entity_id.c_str(), h.explanation.summary.c_str());
    }
  }
  const LatencySummary ls = Summarize(lat);
  double lat_total_s = 0;
  for (double x : lat) lat_total_s += x / 1e6;
  const Quality qd = Evaluate(queries, hits, 0.0);
  const uint64_t hwm_after_queries = ProcStatusKb("VmHWM");
  report["latency_1_thread"] = ToJson(ls);
  report["latency_1_thread"]["errors"] = errors;
  report["latency_1_thread"]["queries_per_second"] = queries.size() / std::max(lat_total_s, 1e-9);
  report["quality_default_threshold"] = ToJson(qd);
  report["memory"]["hwm_after_queries_kb"] = hwm_after_queries;

  // ---- Ranking pass: threshold ignored, top 10 ----
  std::vector<std::vector<ScoredHit>> ranked(queries.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    match::Query q = queries[i].query;
    q.threshold = f.rank_threshold;
    q.limit = 10;
    auto r = screener.Screen(q);
    if (!r.ok()) continue;
    for (const match::Hit& h : *r) ranked[i].push_back({h.score, InTruth(queries[i], h.entity_id)});
  }
  const Quality q10 = Evaluate(queries, ranked, 0.0);
  report["recall_at_10"] = q10.recall();
  json sweep = json::array();
  for (double t = 0.50; t < 0.995; t += 0.05) {
    Quality s = Evaluate(queries, ranked, t);
    sweep.push_back({{"threshold", t},
                     {"precision", s.precision()},
                     {"recall", s.recall()},
                     {"false_alarm_rate", s.false_alarm_rate()}});
  }
  report["threshold_sweep"] = sweep;

  // ---- Per variant class ----
  json classes = json::array();
  std::vector<std::tuple<std::string, size_t, double, double, double>> class_rows;
  for (int c = 0; c < static_cast<int>(VariantClass::kCount); ++c) {
    const VariantClass vc = static_cast<VariantClass>(c);
    auto filter = [vc](const BenchQuery& q) { return q.variant == vc; };
    Quality a = Evaluate(queries, hits, 0.0, filter);
    Quality b = Evaluate(queries, ranked, 0.0, filter);
    const size_t n = a.positives + a.negatives;
    if (n == 0) continue;
    json row = {{"class", ToString(vc)}, {"queries", n}};
    if (IsNegative(vc)) {
      row["false_alarm_rate"] = a.false_alarm_rate();
      class_rows.emplace_back(std::string(ToString(vc)), n, -1, -1, a.false_alarm_rate());
    } else {
      row["recall"] = a.recall();
      row["recall_at_10"] = b.recall();
      row["precision"] = a.precision();
      class_rows.emplace_back(std::string(ToString(vc)), n, a.recall(), b.recall(), a.precision());
    }
    classes.push_back(row);
  }
  report["per_class"] = classes;

  // ---- Batch throughput ----
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> done{0};
  std::vector<std::thread> workers;
  const int threads = std::max(1, f.threads);
  auto tb0 = Clock::now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      const size_t lo = queries.size() * t / threads, hi = queries.size() * (t + 1) / threads;
      uint64_t n = 0;
      while (!stop.load(std::memory_order_relaxed) && hi > lo) {
        for (size_t i = lo; i < hi && !stop.load(std::memory_order_relaxed); ++i) {
          auto r = screener.Screen(queries[i].query);
          if (r.ok()) ++n;
        }
      }
      done += n;
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(f.batch_seconds));
  stop = true;
  for (auto& w : workers) w.join();
  const double batch_s = Seconds(tb0, Clock::now());
  const double qps = static_cast<double>(done.load()) / batch_s;
  report["throughput"] = {{"threads", threads},
                          {"seconds", batch_s},
                          {"queries", done.load()},
                          {"queries_per_second", qps}};

  // ---- Report ----
  std::printf("\nmachine: %s, %u hardware threads\n", CpuModel().c_str(),
              std::thread::hardware_concurrency());
  std::printf("\n%-46s %s\n", "hudud", "value");
  PrintRow("index build (Screener::Build)", Fmt("%.3f s", build_s));
  PrintRow("names / distinct tokens / postings", std::to_string(stats.names) + " / " +
                                                     std::to_string(stats.distinct_tokens) + " / " +
                                                     std::to_string(stats.postings));
  PrintRow("index bytes (engine's own count)", Fmt("%.1f MiB", stats.index_bytes / 1048576.0));
  PrintRow("VmRSS before build (list + queries)", Fmt("%.1f MiB", rss_before / 1024.0));
  PrintRow("VmRSS after build", Fmt("%.1f MiB", rss_after / 1024.0));
  PrintRow("VmHWM after build / after queries",
           Fmt("%.1f MiB", hwm / 1024.0) + " / " + Fmt("%.1f MiB", hwm_after_queries / 1024.0));
  PrintRow("latency 1 thread p50", Fmt("%.1f us", ls.p50));
  PrintRow("latency 1 thread p99", Fmt("%.1f us", ls.p99));
  PrintRow("latency 1 thread p99.9", Fmt("%.1f us", ls.p999));
  PrintRow("latency 1 thread mean / max", Fmt("%.1f us", ls.mean) + " / " + Fmt("%.1f us", ls.max));
  PrintRow(("throughput " + std::to_string(threads) + " threads").c_str(),
           Fmt("%.0f queries/s", qps));
  PrintRow("errors", std::to_string(errors));
  PrintRow("precision @ default threshold", Fmt("%.4f", qd.precision()));
  PrintRow("recall @ default threshold", Fmt("%.4f", qd.recall()));
  PrintRow("negatives with any hit", Fmt("%.4f", qd.false_alarm_rate()));
  PrintRow("recall@10 (threshold ignored)", Fmt("%.4f", q10.recall()));
  std::printf("\n  %-20s %8s %10s %12s %16s\n", "class", "queries", "recall", "recall@10",
              "precision/FAR");
  for (const auto& [name, n, r, r10, p] : class_rows) {
    if (r < 0) {
      std::printf("  %-20s %8zu %10s %12s %16.4f\n", name.c_str(), n, "-", "-", p);
    } else {
      std::printf("  %-20s %8zu %10.4f %12.4f %16.4f\n", name.c_str(), n, r, r10, p);
    }
  }
  std::printf("\n  %-10s %10s %10s %10s\n", "threshold", "precision", "recall", "FAR");
  for (const auto& s : sweep)
    std::printf("  %-10.2f %10.4f %10.4f %10.4f\n", s["threshold"].get<double>(),
                s["precision"].get<double>(), s["recall"].get<double>(),
                s["false_alarm_rate"].get<double>());

  // ---- PostgreSQL pg_trgm ----
  if (f.pg) {
#ifdef HUDUD_HAVE_LIBPQ
    std::vector<std::pair<std::string, std::string>> rows;
    for (size_t i = 0; i < screener.size(); ++i) {
      const model::Entity& e = screener.entity(i);
      for (const model::Name& n : e.names) rows.emplace_back(e.id, n.full);
    }
    std::vector<std::string> qnames;
    for (const BenchQuery& q : queries) qnames.push_back(q.query.names[0]);
    PgOptions po;
    po.port = f.pg_port;
    po.bindir = f.pg_bindir;
    po.similarity_limit = f.pg_limit;
    po.keep = f.pg_keep;
    std::printf("\nPostgreSQL pg_trgm: loading %zu names ...\n", rows.size());
    std::fflush(stdout);
    auto pg = RunPgTrgm(rows, qnames, po);
    if (!pg.ok()) {
      std::fprintf(stderr, "pg_trgm run failed: %s\n", pg.status().ToString().c_str());
      report["pg_trgm"] = {{"error", pg.status().ToString()}};
    } else {
      std::vector<std::vector<ScoredHit>> pg_hits(queries.size());
      for (size_t i = 0; i < queries.size(); ++i)
        for (const PgHit& h : pg->hits[i])
          pg_hits[i].push_back({h.similarity, InTruth(queries[i], h.entity_id)});
      const Quality pq = Evaluate(queries, pg_hits, 0.0);
      const LatencySummary pl = Summarize(pg->latency_us);
      json pgj = {{"server_version", pg->server_version},   {"rows", pg->rows},
                  {"similarity_threshold", f.pg_limit},     {"initdb_seconds", pg->initdb_seconds},
                  {"load_seconds", pg->load_seconds},       {"index_seconds", pg->index_seconds},
                  {"analyze_seconds", pg->analyze_seconds}, {"table_bytes", pg->table_bytes},
                  {"index_bytes", pg->index_bytes},         {"errors", pg->errors},
                  {"latency_1_connection", ToJson(pl)},     {"quality", ToJson(pq)}};
      json pclasses = json::array();
      for (int c = 0; c < static_cast<int>(VariantClass::kCount); ++c) {
        const VariantClass vc = static_cast<VariantClass>(c);
        Quality a =
            Evaluate(queries, pg_hits, 0.0, [vc](const BenchQuery& q) { return q.variant == vc; });
        if (a.positives + a.negatives == 0) continue;
        pclasses.push_back({{"class", ToString(vc)},
                            {IsNegative(vc) ? "false_alarm_rate" : "recall",
                             IsNegative(vc) ? a.false_alarm_rate() : a.recall()}});
      }
      pgj["per_class"] = pclasses;
      json psweep = json::array();
      for (double t = 0.30; t < 0.995; t += 0.05) {
        Quality s = Evaluate(queries, pg_hits, t);
        psweep.push_back({{"threshold", t},
                          {"precision", s.precision()},
                          {"recall", s.recall()},
                          {"false_alarm_rate", s.false_alarm_rate()}});
      }
      pgj["threshold_sweep"] = psweep;
      report["pg_trgm"] = pgj;
      report["ratio_pg_over_hudud"] = {
          {"p50_latency", pl.p50 / std::max(ls.p50, 1e-9)},
          {"p99_latency", pl.p99 / std::max(ls.p99, 1e-9)},
          {"index_build", pg->index_seconds / std::max(build_s, 1e-9)}};
      std::printf("\n  %-36s %14s %14s %10s\n", "", "hudud", "pg_trgm", "pg/hudud");
      auto row = [](const char* l, double a, double b, const char* fmt) {
        std::printf("  %-36s %14s %14s %10s\n", l, Fmt(fmt, a).c_str(), Fmt(fmt, b).c_str(),
                    Fmt("%.2fx", b / std::max(a, 1e-12)).c_str());
      };
      row("index build (s)", build_s, pg->index_seconds, "%.3f");
      row("latency p50 (us)", ls.p50, pl.p50, "%.1f");
      row("latency p99 (us)", ls.p99, pl.p99, "%.1f");
      row("latency mean (us)", ls.mean, pl.mean, "%.1f");
      std::printf("  %-36s %14.4f %14.4f\n", "precision (reported hits)", qd.precision(),
                  pq.precision());
      std::printf("  %-36s %14.4f %14.4f\n", "recall (reported hits)", qd.recall(), pq.recall());
      std::printf("  %-36s %14.4f %14.4f\n", "negatives with any hit", qd.false_alarm_rate(),
                  pq.false_alarm_rate());
      std::printf("\n  pg_trgm by similarity cut-off (same top-10 results):\n");
      std::printf("  %-10s %10s %10s %10s\n", "similarity", "precision", "recall", "FAR");
      for (const auto& s : psweep)
        std::printf("  %-10.2f %10.4f %10.4f %10.4f\n", s["threshold"].get<double>(),
                    s["precision"].get<double>(), s["recall"].get<double>(),
                    s["false_alarm_rate"].get<double>());
      std::printf(
          "  (pg_trgm: similarity threshold %.2f, top 10 per query, COPY load %.2f s, "
          "table %.1f MiB, index %.1f MiB)\n",
          f.pg_limit, pg->load_seconds, pg->table_bytes / 1048576.0, pg->index_bytes / 1048576.0);
    }
#else
    std::fprintf(stderr, "--pg: built without libpq\n");
    report["pg_trgm"] = {{"error", "built without libpq"}};
#endif
  }

  if (!f.out.empty()) {
    std::ofstream o(f.out);
    o << report.dump(2) << "\n";
    if (!o) {
      std::fprintf(stderr, "cannot write %s\n", f.out.c_str());
      return 1;
    }
    std::printf("\nwrote %s\n", f.out.c_str());
  }
  return 0;
}

}  // namespace
}  // namespace hudud::bench

int main(int argc, char** argv) {
  hudud::bench::Flags f;
  CLI::App app{"hudud whole-process screening benchmark (docs/BENCHMARKS.md)"};
  app.add_option("--entities", f.entities, "listed entities to generate")->capture_default_str();
  app.add_option("--queries", f.queries, "queries (75% positive, 25% negative)")
      ->capture_default_str();
  app.add_option("--seed", f.seed, "generator seed")->capture_default_str();
  app.add_option("--threads", f.threads, "threads for batch throughput")->capture_default_str();
  app.add_flag("--pg", f.pg, "also run PostgreSQL pg_trgm on the same names and queries");
  app.add_option("--out", f.out, "write the results as JSON to this file");
  app.add_option("--data-dir", f.data_dir, "the repository's data/ directory")
      ->capture_default_str();
  app.add_option("--batch-seconds", f.batch_seconds, "duration of the throughput run")
      ->capture_default_str();
  app.add_option("--rank-threshold", f.rank_threshold, "threshold for the recall@10 / sweep pass")
      ->capture_default_str();
  app.add_option("--warmup", f.warmup, "untimed queries before the latency run")
      ->capture_default_str();
  app.add_option("--max-candidates", f.max_candidates,
                 "ScreenerOptions::max_candidates (0: default)");
  app.add_option("--pg-port", f.pg_port, "port of the throwaway cluster")->capture_default_str();
  app.add_option("--pg-bindir", f.pg_bindir, "PostgreSQL bin directory (default: search)");
  app.add_option("--pg-limit", f.pg_limit, "pg_trgm similarity threshold")->capture_default_str();
  app.add_flag("--pg-keep", f.pg_keep, "keep the cluster directory");
  app.add_flag("--samples", f.samples, "print sample entities and queries");
  app.add_option("--dump", f.dump, "print this many false hits and misses with explanations");
  CLI11_PARSE(app, argc, argv);
  return hudud::bench::Main(f);
}
