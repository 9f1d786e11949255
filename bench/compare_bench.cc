// Google Benchmark micro-benchmarks for before/after comparisons of the
// matching code: CompareNames on typical pairs, and Screener::Screen on a
// generated 10^4-entity list (queries from the benchmark's query generator).
//
//   ./build-bench/compare_bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "match/screener.h"
#include "query_generator.h"
#include "watchlist_generator.h"

namespace hudud::bench {
namespace {

struct Pair {
  const char* a;
  const char* b;
  model::EntityKind kind;
};

const Pair kPairs[] = {
    {"Mohammed Abdul Rahman al-Tikriti", "Muhammad Abdulrahman Tikriti",
     model::EntityKind::kPerson},
    {"محمد عبد الرحمن", "Mohamed Abdel Rahman", model::EntityKind::kPerson},
    {"Александр Сергеевич Смирнов", "Aleksandr Sergeyevich Smirnov", model::EntityKind::kPerson},
    {"John Smith", "Jon Smyth", model::EntityKind::kPerson},
    {"Wang Ruoxi", "王若汐", model::EntityKind::kPerson},
    {"Vostok Neftegaz LLC", "OOO Vostok-Neftegaz", model::EntityKind::kOrganization},
};

void BM_CompareNames(benchmark::State& state) {
  const Pair& p = kPairs[state.range(0)];
  // The first call loads the engine's built-in tables: keep it out of the timing.
  double s = match::CompareNames(p.a, p.b, p.kind);
  for (auto _ : state) {
    s = match::CompareNames(p.a, p.b, p.kind);
    benchmark::DoNotOptimize(s);
  }
  state.SetLabel(std::string(p.a) + " ~ " + p.b);
  state.counters["score"] = s;
}
BENCHMARK(BM_CompareNames)->DenseRange(0, std::size(kPairs) - 1);

// A 10^4 list and 2,000 queries, built once.
struct Fixture {
  std::unique_ptr<match::Screener> screener;
  std::vector<BenchQuery> queries;
};

const Fixture& Get() {
  static const Fixture f = [] {
    Fixture fx;
    auto data = NameData::Load(DefaultDataDir());
    if (!data.ok()) {
      std::fprintf(stderr, "%s\n", data.status().ToString().c_str());
      std::abort();
    }
    WatchlistOptions wo;
    wo.entities = 10000;
    wo.seed = 1;
    Watchlist list = GenerateWatchlist(**data, wo);
    QuerySetOptions qo;
    qo.queries = 2000;
    qo.seed = 1;
    fx.queries = GenerateQueries(**data, list, qo);
    auto built = match::Screener::Build(std::move(list.entities));
    if (!built.ok()) {
      std::fprintf(stderr, "%s\n", built.status().ToString().c_str());
      std::abort();
    }
    fx.screener = std::move(built.value());
    return fx;
  }();
  return f;
}

// range(0): 0 = all queries, 1 = positives only, 2 = negatives only.
void BM_Screen10k(benchmark::State& state) {
  const Fixture& f = Get();
  std::vector<const match::Query*> qs;
  for (const BenchQuery& q : f.queries) {
    const bool neg = IsNegative(q.variant);
    if (state.range(0) == 0 || (state.range(0) == 1 && !neg) || (state.range(0) == 2 && neg))
      qs.push_back(&q.query);
  }
  size_t i = 0;
  for (auto _ : state) {
    auto r = f.screener->Screen(*qs[i]);
    benchmark::DoNotOptimize(r);
    if (++i == qs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(state.range(0) == 0 ? "all" : state.range(0) == 1 ? "positives" : "negatives");
}
BENCHMARK(BM_Screen10k)->Arg(0)->Arg(1)->Arg(2);

}  // namespace
}  // namespace hudud::bench

BENCHMARK_MAIN();
