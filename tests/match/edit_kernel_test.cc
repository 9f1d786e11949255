// Pins EditDistanceBatch to the textbook OSA DP on every ISA this machine can
// run, so a SIMD kernel can never drift from the scalar definition, and checks
// that ISA detection agrees with the CPU instead of assuming this machine.
#include "match/edit_kernel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace hudud::match {
namespace {

// Textbook optimal string alignment DP (full matrix), written independently of
// the kernel so the test does not grade the code against itself.
int ReferenceOsa(std::string_view a, std::string_view b) {
  const size_t m = a.size();
  const size_t n = b.size();
  std::vector<std::vector<int>> d(m + 1, std::vector<int>(n + 1));
  for (size_t i = 0; i <= m; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= n; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= m; ++i) {
    for (size_t j = 1; j <= n; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return std::min(d[m][n], 255);
}

std::vector<KernelIsa> SupportedIsas() {
  std::vector<KernelIsa> isas = {KernelIsa::kScalar};
  if (BestSupportedIsa() >= KernelIsa::kAvx2) isas.push_back(KernelIsa::kAvx2);
  if (BestSupportedIsa() >= KernelIsa::kAvx512) isas.push_back(KernelIsa::kAvx512);
  return isas;
}

// Runs one batch on every supported ISA and compares each entry with the DP.
void ExpectBatchMatchesReference(std::string_view pattern, const std::vector<std::string>& texts) {
  std::vector<std::string_view> views(texts.begin(), texts.end());
  for (KernelIsa isa : SupportedIsas()) {
    // Canary byte past the end catches a kernel writing out of bounds.
    std::vector<uint8_t> out(views.size() + 1, 0xAB);
    EditDistanceBatchWith(isa, pattern, views, out.data());
    for (size_t i = 0; i < views.size(); ++i) {
      ASSERT_EQ(out[i], ReferenceOsa(pattern, views[i]))
          << ToString(isa) << ": \"" << pattern << "\" vs \"" << views[i] << "\"";
    }
    ASSERT_EQ(out.back(), 0xAB) << ToString(isa) << " wrote past the end";
  }
}

TEST(EditKernelTest, ReferenceIsOsaNotFullDamerau) {
  // "ca" -> "abc" is 2 with unrestricted Damerau but 3 under OSA.
  EXPECT_EQ(ReferenceOsa("ca", "abc"), 3);
  EXPECT_EQ(ReferenceOsa("ab", "ba"), 1);
}

TEST(EditKernelTest, HandCases) {
  struct Case {
    const char* a;
    const char* b;
    int want;
  };
  const Case cases[] = {
      {"", "", 0},
      {"", "a", 1},
      {"a", "", 1},
      {"a", "a", 0},
      {"a", "b", 1},
      {"ab", "ba", 1},
      {"abcd", "acbd", 1},
      {"ca", "abc", 3},
      {"mohammed", "muhammad", 2},
      {"zawahiri", "zawahri", 1},
      {"baghdadi", "bagdhadi", 1},
      {"kitten", "sitting", 3},
  };
  for (const Case& c : cases) {
    ASSERT_EQ(ReferenceOsa(c.a, c.b), c.want) << c.a << " / " << c.b;
    for (KernelIsa isa : SupportedIsas()) {
      std::string_view text = c.b;
      uint8_t out = 0xFF;
      EditDistanceBatchWith(isa, c.a, std::span<const std::string_view>(&text, 1), &out);
      EXPECT_EQ(out, c.want) << ToString(isa) << ": " << c.a << " / " << c.b;
    }
  }
}

TEST(EditKernelTest, NamesBatchMixedLengths) {
  // One pattern against a batch that is not a multiple of any lane count and
  // mixes lengths, so groups have lanes that end early and padded lanes.
  const std::vector<std::string> texts = {
      "muhammad", "mohamed",  "",
      "m",        "mohammad", "zawahri",
      "bagdhadi", "ahmed",    "mohammedmohammedmohammedmohammedmohammedmohammedmohammedmohammed1",
      "dummahom", "mhmd",     "omhammed",
      "mohammde"};
  ExpectBatchMatchesReference("mohammed", texts);
  ExpectBatchMatchesReference("zawahiri", texts);
  ExpectBatchMatchesReference("", texts);
}

TEST(EditKernelTest, PatternLengthLimits) {
  // 64 uses every bit of the word (the bottom-row bit is bit 63); 65 and more
  // take the DP fallback; texts over 64 bytes take the scalar word kernel.
  const std::string p64(64, 'a');
  const std::string p65 = std::string(64, 'a') + "b";
  const std::vector<std::string> texts = {"",
                                          "a",
                                          std::string(63, 'a'),
                                          std::string(64, 'a'),
                                          std::string(65, 'a'),
                                          std::string(64, 'b'),
                                          std::string(300, 'b'),
                                          std::string(400, 'a'),
                                          std::string(32, 'a') + "ba" + std::string(30, 'a')};
  ExpectBatchMatchesReference(p64, texts);
  ExpectBatchMatchesReference(p65, texts);
  ExpectBatchMatchesReference("ab", texts);  // 300 'b's: distance clamps at 255
}

TEST(EditKernelTest, NonAsciiBytes) {
  // UTF-8 Arabic and bytes >= 0x80 index the upper half of the mask table.
  const std::vector<std::string> texts = {"محمد", "محمود", "\xff\x80", "\x80\xff", "x"};
  ExpectBatchMatchesReference("محمد", texts);
  ExpectBatchMatchesReference("\xff\x80\x01", texts);
  ExpectBatchMatchesReference(std::string_view("a\0b", 3), {std::string("b\0a", 3), "ab", ""});
}

// 100,000 random pairs over a 3-letter alphabet (so matches and transpositions
// are frequent), lengths 0..64, drawn to include equal lengths and very
// different lengths. Grouped in batches of varying size per pattern so every
// lane layout and sort-chunk boundary (512) is exercised.
TEST(EditKernelTest, RandomPairsAgreeWithReference) {
  std::mt19937 rng(20240611);
  auto random_string = [&rng](size_t len) {
    std::string s(len, 'a');
    for (char& c : s) c = static_cast<char>('a' + rng() % 3);
    return s;
  };
  auto random_len = [&rng]() { return static_cast<size_t>(rng() % 65); };
  size_t pairs = 0;
  const size_t batch_sizes[] = {1, 3, 4, 7, 8, 9, 17, 64, 513, 1100};
  for (size_t round = 0; pairs < 100000; ++round) {
    const size_t plen = random_len();
    const std::string pattern = random_string(plen);
    const size_t batch = batch_sizes[round % std::size(batch_sizes)];
    std::vector<std::string> texts;
    for (size_t i = 0; i < batch; ++i) {
      switch (rng() % 4) {
        case 0:  // equal length
          texts.push_back(random_string(plen));
          break;
        case 1:  // near: a few random edits of the pattern
        {
          std::string t = pattern;
          for (int e = static_cast<int>(rng() % 4); e > 0; --e) {
            const size_t pos = t.empty() ? 0 : rng() % t.size();
            switch (rng() % 4) {
              case 0:
                if (!t.empty()) t.erase(pos, 1);
                break;
              case 1:
                if (t.size() < 64) t.insert(pos, 1, static_cast<char>('a' + rng() % 3));
                break;
              case 2:
                if (!t.empty()) t[pos] = static_cast<char>('a' + rng() % 3);
                break;
              default:
                if (pos + 1 < t.size()) std::swap(t[pos], t[pos + 1]);
                break;
            }
          }
          texts.push_back(t);
          break;
        }
        case 2:  // very different length
          texts.push_back(random_string(plen < 32 ? 40 + rng() % 25 : rng() % 8));
          break;
        default:
          texts.push_back(random_string(random_len()));
          break;
      }
    }
    ExpectBatchMatchesReference(pattern, texts);
    if (HasFatalFailure()) return;
    pairs += batch;
  }
}

TEST(EditKernelTest, IsaDetectionAgreesWithCpu) {
  const KernelIsa best = BestSupportedIsa();
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  const bool avx2 = __builtin_cpu_supports("avx2");
  const bool avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                      __builtin_cpu_supports("avx512vl");
  EXPECT_EQ(best == KernelIsa::kAvx512, avx512);
  EXPECT_EQ(best == KernelIsa::kAvx2, avx2 && !avx512);
  EXPECT_EQ(best == KernelIsa::kScalar, !avx2 && !avx512);
#else
  EXPECT_EQ(best, KernelIsa::kScalar);
#endif
  std::printf("BestSupportedIsa: %s\n", std::string(ToString(best)).c_str());
}

TEST(EditKernelTest, SetKernelIsaClampsAndDispatches) {
  const KernelIsa best = BestSupportedIsa();
  SetKernelIsaForTesting(KernelIsa::kAvx512);
  EXPECT_EQ(ActiveKernelIsa(), best);  // never above what the CPU runs
  SetKernelIsaForTesting(KernelIsa::kScalar);
  EXPECT_EQ(ActiveKernelIsa(), KernelIsa::kScalar);
  const std::string_view texts[] = {"muhammad", "zawahri"};
  uint8_t out[2] = {0, 0};
  EditDistanceBatch("mohammed", texts, out);
  EXPECT_EQ(out[0], ReferenceOsa("mohammed", "muhammad"));
  EXPECT_EQ(out[1], ReferenceOsa("mohammed", "zawahri"));
  SetKernelIsaForTesting(best);
  EXPECT_EQ(ActiveKernelIsa(), best);
  EXPECT_EQ(ToString(KernelIsa::kScalar), "scalar");
  EXPECT_EQ(ToString(KernelIsa::kAvx2), "avx2");
  EXPECT_EQ(ToString(KernelIsa::kAvx512), "avx512");
}

}  // namespace
}  // namespace hudud::match
