// Nanoseconds per (pattern, text) pair of EditDistanceBatch on each ISA, for
// the batch sizes the candidate verifier sees (16, 256, 4096 dictionary tokens
// per query token). Tokens are real romanised Arabic/Persian names from
// arabic_names.inc, lower-cased, 3-12 bytes, so the length mix and the
// per-group length spread match production rather than a uniform random draw.
//
// Run: edit_kernel_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// The "ns_per_pair" counter is the figure to compare across ISAs.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "match/edit_kernel.h"

namespace hudud::bench_edit_kernel {
#include "arabic_names.inc"

// Every Latin variant, split on '|', ' ' and '-', lower-cased, length 3..12.
const std::vector<std::string>& NameTokens() {
  static const std::vector<std::string> tokens = [] {
    std::vector<std::string> out;
    for (const ScriptName& name : kScriptNames) {
      std::string token;
      for (const char* p = name.latin;; ++p) {
        if (*p == '\0' || *p == '|' || *p == ' ' || *p == '-') {
          if (token.size() >= 3 && token.size() <= 12) out.push_back(token);
          token.clear();
          if (*p == '\0') break;
        } else {
          token.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
        }
      }
    }
    return out;
  }();
  return tokens;
}

void BM_EditDistanceBatch(benchmark::State& state) {
  const auto isa = static_cast<match::KernelIsa>(state.range(0));
  const size_t batch = static_cast<size_t>(state.range(1));
  if (isa > match::BestSupportedIsa()) {
    state.SkipWithError("ISA not supported by this CPU");
    return;
  }
  state.SetLabel(std::string(match::ToString(isa)));
  const std::vector<std::string>& tokens = NameTokens();
  // A fixed pseudo-random draw of texts (with repetition, as a dictionary
  // lookup returns near-duplicates) and 64 patterns cycled over iterations so
  // the result does not hinge on one lucky query length.
  std::mt19937 rng(7);
  std::vector<std::string_view> texts(batch);
  for (auto& t : texts) t = tokens[rng() % tokens.size()];
  std::vector<std::string_view> patterns(64);
  for (auto& p : patterns) p = tokens[rng() % tokens.size()];
  std::vector<uint8_t> out(batch);
  size_t q = 0;
  for (auto _ : state) {
    match::EditDistanceBatchWith(isa, patterns[q++ % patterns.size()], texts, out.data());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  const double pairs = static_cast<double>(state.iterations()) * static_cast<double>(batch);
  state.SetItemsProcessed(static_cast<int64_t>(pairs));
  state.counters["ns_per_pair"] =
      benchmark::Counter(pairs * 1e-9, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

BENCHMARK(BM_EditDistanceBatch)
    ->ArgNames({"isa", "batch"})
    ->ArgsProduct({{static_cast<int64_t>(match::KernelIsa::kScalar),
                    static_cast<int64_t>(match::KernelIsa::kAvx2),
                    static_cast<int64_t>(match::KernelIsa::kAvx512)},
                   {16, 256, 4096}});

}  // namespace hudud::bench_edit_kernel

BENCHMARK_MAIN();
