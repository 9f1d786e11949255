// Scalar, AVX2 and AVX-512 implementations of the batched OSA distance.
//
// All three run the same recurrence (Hyyrö 2003, as in the header), one
// column of the DP per text byte, with the pattern along the bits of a 64-bit
// word. The SIMD versions give each 64-bit lane its own text; to keep lanes
// busy, texts are counting-sorted by length in chunks so that a group of 4 or 8
// texts has (nearly) equal lengths, and a lane whose text has ended stops
// changing its score (its other state may run on: only the score is read).
// Each step's per-lane match masks are prepared before the step loop, so the
// loop itself is pure register arithmetic bound by the recurrence's latency.
//
// The SIMD functions carry __attribute__((target(...))) instead of needing
// per-file compiler flags, and are only called after __builtin_cpu_supports
// said yes, so the library still runs on CPUs without AVX.
#include "match/edit_kernel.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#define HUDUD_EDIT_KERNEL_X86 1
#include <immintrin.h>
#else
#define HUDUD_EDIT_KERNEL_X86 0
#endif

namespace hudud::match {
namespace {

// The bit-parallel kernels keep the whole pattern in one 64-bit word.
constexpr size_t kMaxWordLength = 64;

// Texts are length-sorted in chunks of this many, so the index buffer stays a
// small stack array (1 KiB) whatever the batch size; 512 is large enough that
// nearly every SIMD group in a chunk has one length.
constexpr size_t kSortChunk = 512;

inline uint8_t Clamp255(int64_t d) { return static_cast<uint8_t>(std::min<int64_t>(d, 255)); }

// peq[c] has bit i set iff pattern[i] == c. REQUIRES: pattern.size() <= 64.
void BuildMatchMasks(std::string_view pattern, uint64_t* peq) {
  std::memset(peq, 0, 256 * sizeof(uint64_t));
  for (size_t i = 0; i < pattern.size(); ++i) {
    peq[static_cast<unsigned char>(pattern[i])] |= uint64_t{1} << i;
  }
}

// One text against the pattern whose masks are `peq`, m = pattern length in
// 1..64. This is the reference recurrence the SIMD kernels transcribe lane by
// lane: vp/vn are the vertical +1/-1 deltas of the current DP column, d0 the
// diagonal-zero bits, and tr the cells where a transposition of text[j-1..j]
// with pattern[i-1..i] gives the diagonal its zero delta.
uint8_t OsaOne(const uint64_t* peq, size_t m, std::string_view text) {
  const uint64_t last = uint64_t{1} << (m - 1);
  uint64_t vp = ~uint64_t{0};
  uint64_t vn = 0;
  uint64_t d0 = 0;
  uint64_t pm_prev = 0;
  int64_t dist = static_cast<int64_t>(m);
  for (unsigned char c : text) {
    const uint64_t pm = peq[c];
    const uint64_t tr = (((~d0) & pm) << 1) & pm_prev;
    d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr;
    uint64_t hp = vn | ~(d0 | vp);
    uint64_t hn = d0 & vp;
    dist += (hp & last) != 0;
    dist -= (hn & last) != 0;
    hp = (hp << 1) | 1;
    hn = hn << 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    pm_prev = pm;
  }
  return Clamp255(dist);
}

// Textbook OSA DP with three rolling rows, for patterns too long for a word.
// Allocates (the header promises stack-only work for <= 64-byte patterns).
void OsaDpBatch(std::string_view a, std::span<const std::string_view> texts, uint8_t* out) {
  const size_t m = a.size();
  std::vector<int64_t> rows(3 * (m + 1));
  for (size_t t = 0; t < texts.size(); ++t) {
    const std::string_view b = texts[t];
    int64_t* prev2 = rows.data();
    int64_t* prev = prev2 + (m + 1);
    int64_t* cur = prev + (m + 1);
    for (size_t i = 0; i <= m; ++i) prev[i] = static_cast<int64_t>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[0] = static_cast<int64_t>(j);
      for (size_t i = 1; i <= m; ++i) {
        const int64_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
        int64_t d = std::min({prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + cost});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
          d = std::min(d, prev2[i - 2] + 1);
        }
        cur[i] = d;
      }
      int64_t* recycled = prev2;
      prev2 = prev;
      prev = cur;
      cur = recycled;
    }
    out[t] = Clamp255(prev[m]);
  }
}

void BatchScalar(const uint64_t* peq, size_t m, std::span<const std::string_view> texts,
                 uint8_t* out) {
  for (size_t i = 0; i < texts.size(); ++i) out[i] = OsaOne(peq, m, texts[i]);
}

// A SIMD group kernel: runs texts[idx[0..n)] (n <= lanes, all <= 64 bytes,
// sorted by ascending length so the last is the longest) and writes their
// distances to out[idx[l]].
using GroupKernel = void (*)(const uint64_t* peq, size_t m, const std::string_view* texts,
                             const uint16_t* idx, size_t n, uint8_t* out);

// Shared driver of the SIMD kernels: counting-sorts each chunk of texts by
// length (stable, by index) and hands groups of `lanes` to `kernel`. Texts
// longer than 64 bytes would not fit the transposed byte buffer; they take the
// scalar word kernel, which gives the same numbers.
void BatchGrouped(const uint64_t* peq, size_t m, std::span<const std::string_view> texts,
                  uint8_t* out, size_t lanes, GroupKernel kernel) {
  uint16_t order[kSortChunk];
  for (size_t base = 0; base < texts.size(); base += kSortChunk) {
    const size_t count = std::min(kSortChunk, texts.size() - base);
    const std::string_view* chunk = texts.data() + base;
    uint8_t* chunk_out = out + base;
    uint16_t starts[kMaxWordLength + 2] = {};
    for (size_t i = 0; i < count; ++i) {
      const size_t len = chunk[i].size();
      if (len > kMaxWordLength) {
        chunk_out[i] = OsaOne(peq, m, chunk[i]);
      } else {
        ++starts[len + 1];
      }
    }
    for (size_t len = 1; len < kMaxWordLength + 2; ++len) starts[len] += starts[len - 1];
    for (size_t i = 0; i < count; ++i) {
      const size_t len = chunk[i].size();
      if (len <= kMaxWordLength) order[starts[len]++] = static_cast<uint16_t>(i);
    }
    const size_t sorted = starts[kMaxWordLength];  // = number of short texts
    for (size_t g = 0; g < sorted; g += lanes) {
      kernel(peq, m, chunk, order + g, std::min(lanes, sorted - g), chunk_out);
    }
  }
}

#if HUDUD_EDIT_KERNEL_X86

__attribute__((target("avx2"))) void GroupAvx2(const uint64_t* peq, size_t m,
                                               const std::string_view* texts, const uint16_t* idx,
                                               size_t n, uint8_t* out) {
  constexpr size_t L = 4;
  // Match masks per step, scattered by scalar code: with 4 lanes this measured
  // no slower than a byte transposition plus a gather per step, and AVX2 has
  // no byte-masked load for the in-register transposition AVX-512 uses.
  alignas(32) uint64_t masks[kMaxWordLength * L];
  alignas(32) int64_t lens[L];
  const size_t max_len = texts[idx[n - 1]].size();
  std::memset(masks, 0, max_len * L * sizeof(uint64_t));
  for (size_t l = 0; l < L; ++l) lens[l] = 0;
  for (size_t l = 0; l < n; ++l) {
    const std::string_view t = texts[idx[l]];
    lens[l] = static_cast<int64_t>(t.size());
    for (size_t j = 0; j < t.size(); ++j) masks[j * L + l] = peq[static_cast<uint8_t>(t[j])];
  }

  const __m256i ones = _mm256_set1_epi64x(-1);
  const __m256i one = _mm256_set1_epi64x(1);
  const __m256i last = _mm256_set1_epi64x(static_cast<long long>(uint64_t{1} << (m - 1)));
  const __m256i len_v = _mm256_load_si256(reinterpret_cast<const __m256i*>(lens));
  __m256i vp = ones;
  __m256i vn = _mm256_setzero_si256();
  __m256i d0 = _mm256_setzero_si256();
  __m256i pm_prev = _mm256_setzero_si256();
  __m256i dist = _mm256_set1_epi64x(static_cast<long long>(m));
  __m256i step = _mm256_setzero_si256();
  for (size_t j = 0; j < max_len; ++j) {
    const __m256i pm = _mm256_load_si256(reinterpret_cast<const __m256i*>(masks + j * L));
    const __m256i active = _mm256_cmpgt_epi64(len_v, step);
    // tr = ((~d0 & pm) << 1) & pm_prev
    const __m256i tr = _mm256_and_si256(_mm256_slli_epi64(_mm256_andnot_si256(d0, pm), 1), pm_prev);
    const __m256i pv = _mm256_and_si256(pm, vp);
    d0 = _mm256_xor_si256(_mm256_add_epi64(pv, vp), vp);
    d0 = _mm256_or_si256(_mm256_or_si256(d0, pm), _mm256_or_si256(vn, tr));
    __m256i hp = _mm256_or_si256(vn, _mm256_xor_si256(_mm256_or_si256(d0, vp), ones));
    __m256i hn = _mm256_and_si256(d0, vp);
    // cmpeq yields -1 where the bottom-row bit is set: subtracting adds 1.
    const __m256i up = _mm256_cmpeq_epi64(_mm256_and_si256(hp, last), last);
    const __m256i down = _mm256_cmpeq_epi64(_mm256_and_si256(hn, last), last);
    dist = _mm256_add_epi64(dist, _mm256_and_si256(_mm256_sub_epi64(down, up), active));
    hp = _mm256_or_si256(_mm256_slli_epi64(hp, 1), one);
    hn = _mm256_slli_epi64(hn, 1);
    vp = _mm256_or_si256(hn, _mm256_xor_si256(_mm256_or_si256(d0, hp), ones));
    vn = _mm256_and_si256(hp, d0);
    pm_prev = pm;
    step = _mm256_add_epi64(step, one);
  }
  alignas(32) int64_t result[L];
  _mm256_store_si256(reinterpret_cast<__m256i*>(result), dist);
  for (size_t l = 0; l < n; ++l) out[idx[l]] = Clamp255(result[l]);
}

// GCC 12's AVX-512 intrinsics read a deliberately uninitialised
// _mm512_undefined_epi32() and trip -Wmaybe-uninitialized once inlined (GCC
// PR 105593, fixed in 13); the warning is about the header, not this code.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
__attribute__((target("avx512f,avx512bw,avx512vl"))) void GroupAvx512(const uint64_t* peq, size_t m,
                                                                      const std::string_view* texts,
                                                                      const uint16_t* idx, size_t n,
                                                                      uint8_t* out) {
  constexpr size_t L = 8;
  alignas(64) uint64_t masks[kMaxWordLength * L];
  alignas(64) int64_t lens[L];
  const size_t max_len = texts[idx[n - 1]].size();
  for (size_t l = 0; l < L; ++l) lens[l] = l < n ? static_cast<int64_t>(texts[idx[l]].size()) : 0;
  if (max_len <= 16) {
    // The common case (name tokens): load each text with a byte-masked load,
    // which never touches bytes past the end (no fault, no over-read), and
    // transpose the 8 x 16 byte block in registers (three unpack levels), so
    // no byte-by-byte scatter and no store-forwarding stall. Then one gather
    // per column turns the bytes into match masks.
    __m128i r[L];
    for (size_t l = 0; l < L; ++l) {
      r[l] = l < n ? _mm_maskz_loadu_epi8(static_cast<__mmask16>((1u << lens[l]) - 1),
                                          texts[idx[l]].data())
                   : _mm_setzero_si128();
    }
    __m128i a[L], b[L];
    for (size_t k = 0; k < L; k += 2) {
      a[k] = _mm_unpacklo_epi8(r[k], r[k + 1]);      // columns 0-7, rows k, k+1
      a[k + 1] = _mm_unpackhi_epi8(r[k], r[k + 1]);  // columns 8-15
    }
    for (size_t k = 0; k < L; k += 4) {
      b[k] = _mm_unpacklo_epi16(a[k], a[k + 2]);      // columns 0-3, rows k..k+3
      b[k + 1] = _mm_unpackhi_epi16(a[k], a[k + 2]);  // columns 4-7
      b[k + 2] = _mm_unpacklo_epi16(a[k + 1], a[k + 3]);
      b[k + 3] = _mm_unpackhi_epi16(a[k + 1], a[k + 3]);
    }
    alignas(16) uint8_t chars[16 * L];  // column j at chars[j * 8], rows 0..7
    for (size_t k = 0; k < 4; ++k) {
      _mm_store_si128(reinterpret_cast<__m128i*>(chars + 32 * k),
                      _mm_unpacklo_epi32(b[k], b[k + 4]));
      _mm_store_si128(reinterpret_cast<__m128i*>(chars + 32 * k + 16),
                      _mm_unpackhi_epi32(b[k], b[k + 4]));
    }
    for (size_t j = 0; j < max_len; ++j) {
      const __m128i bytes = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(chars + j * L));
      _mm512_store_si512(masks + j * L,
                         _mm512_i64gather_epi64(_mm512_cvtepu8_epi64(bytes), peq, 8));
    }
  } else {
    // Longer texts: scatter the masks one byte at a time. Bytes past a lane's
    // end are zeroed only to keep the memory defined; those lanes no longer
    // count.
    std::memset(masks, 0, max_len * L * sizeof(uint64_t));
    for (size_t l = 0; l < n; ++l) {
      const std::string_view t = texts[idx[l]];
      for (size_t j = 0; j < t.size(); ++j) masks[j * L + l] = peq[static_cast<uint8_t>(t[j])];
    }
  }

  const __m512i one = _mm512_set1_epi64(1);
  const __m512i last = _mm512_set1_epi64(static_cast<long long>(uint64_t{1} << (m - 1)));
  const __m512i len_v = _mm512_load_si512(lens);
  __m512i vp = _mm512_set1_epi64(-1);
  __m512i vn = _mm512_setzero_si512();
  __m512i d0 = _mm512_setzero_si512();
  __m512i pm_prev = _mm512_setzero_si512();
  __m512i dist = _mm512_set1_epi64(static_cast<long long>(m));
  __m512i step = _mm512_setzero_si512();
  // Ternary-logic immediates are truth tables over (a, b, c) = bits 0xF0,
  // 0xCC, 0xAA; each replaces two or three plain logic ops.
  for (size_t j = 0; j < max_len; ++j) {
    const __m512i pm = _mm512_load_si512(masks + j * L);
    const __mmask8 active = _mm512_cmpgt_epi64_mask(len_v, step);
    // tr = ((~d0 & pm) << 1) & pm_prev
    const __m512i tr = _mm512_and_si512(_mm512_slli_epi64(_mm512_andnot_si512(d0, pm), 1), pm_prev);
    const __m512i sum = _mm512_add_epi64(_mm512_and_si512(pm, vp), vp);
    // d0 = (sum ^ vp) | pm | vn | tr: (a ^ b) | c, then | vn | tr.
    d0 = _mm512_ternarylogic_epi64(sum, vp, pm, 0xBE);
    d0 = _mm512_ternarylogic_epi64(d0, vn, tr, 0xFE);
    // hp = vn | ~(d0 | vp)
    __m512i hp = _mm512_ternarylogic_epi64(vn, d0, vp, 0xF1);
    __m512i hn = _mm512_and_si512(d0, vp);
    const __mmask8 up = _mm512_mask_test_epi64_mask(active, hp, last);
    const __mmask8 down = _mm512_mask_test_epi64_mask(active, hn, last);
    dist = _mm512_mask_add_epi64(dist, up, dist, one);
    dist = _mm512_mask_sub_epi64(dist, down, dist, one);
    hp = _mm512_or_si512(_mm512_slli_epi64(hp, 1), one);
    hn = _mm512_slli_epi64(hn, 1);
    // vp = hn | ~(d0 | hp)
    vp = _mm512_ternarylogic_epi64(hn, d0, hp, 0xF1);
    vn = _mm512_and_si512(hp, d0);
    pm_prev = pm;
    step = _mm512_add_epi64(step, one);
  }
  // Unsigned saturation to bytes is exactly min(d, 255) (d >= 0).
  alignas(16) uint8_t result[16];
  _mm_store_si128(reinterpret_cast<__m128i*>(result), _mm512_maskz_cvtusepi64_epi8(0xFF, dist));
  for (size_t l = 0; l < n; ++l) out[idx[l]] = result[l];
}
#pragma GCC diagnostic pop

#endif  // HUDUD_EDIT_KERNEL_X86

KernelIsa DetectIsa() {
#if HUDUD_EDIT_KERNEL_X86
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl")) {
    return KernelIsa::kAvx512;
  }
  if (__builtin_cpu_supports("avx2")) return KernelIsa::kAvx2;
#endif
  return KernelIsa::kScalar;
}

// -1 until first use; then a KernelIsa value. Relaxed is enough: the value is
// self-contained and every thread computing it gets the same answer.
std::atomic<int> g_active_isa{-1};

}  // namespace

KernelIsa BestSupportedIsa() {
  static const KernelIsa best = DetectIsa();
  return best;
}

KernelIsa ActiveKernelIsa() {
  const int v = g_active_isa.load(std::memory_order_relaxed);
  if (v >= 0) return static_cast<KernelIsa>(v);
  // Only replace "unset": a concurrent SetKernelIsaForTesting wins the race.
  int expected = -1;
  g_active_isa.compare_exchange_strong(expected, static_cast<int>(BestSupportedIsa()),
                                       std::memory_order_relaxed);
  return static_cast<KernelIsa>(g_active_isa.load(std::memory_order_relaxed));
}

void SetKernelIsaForTesting(KernelIsa isa) {
  const KernelIsa clamped = std::min(isa, BestSupportedIsa());
  g_active_isa.store(static_cast<int>(clamped), std::memory_order_relaxed);
}

std::string_view ToString(KernelIsa isa) {
  switch (isa) {
    case KernelIsa::kScalar:
      return "scalar";
    case KernelIsa::kAvx2:
      return "avx2";
    case KernelIsa::kAvx512:
      return "avx512";
  }
  return "unknown";
}

void EditDistanceBatch(std::string_view pattern, std::span<const std::string_view> texts,
                       uint8_t* out) {
  EditDistanceBatchWith(ActiveKernelIsa(), pattern, texts, out);
}

void EditDistanceBatchWith(KernelIsa isa, std::string_view pattern,
                           std::span<const std::string_view> texts, uint8_t* out) {
  if (texts.empty()) return;
  const size_t m = pattern.size();
  if (m == 0) {
    // Distance to the empty string is the text length; the word kernels
    // need m >= 1 for their bottom-row bit.
    for (size_t i = 0; i < texts.size(); ++i)
      out[i] = Clamp255(static_cast<int64_t>(texts[i].size()));
    return;
  }
  if (m > kMaxWordLength) {
    OsaDpBatch(pattern, texts, out);
    return;
  }
  alignas(64) uint64_t peq[256];
  BuildMatchMasks(pattern, peq);
  // A safety net for release builds: never execute instructions the CPU lacks,
  // even if a caller broke the REQUIRES.
  isa = std::min(isa, BestSupportedIsa());
  switch (isa) {
#if HUDUD_EDIT_KERNEL_X86
    case KernelIsa::kAvx512:
      BatchGrouped(peq, m, texts, out, 8, &GroupAvx512);
      return;
    case KernelIsa::kAvx2:
      BatchGrouped(peq, m, texts, out, 4, &GroupAvx2);
      return;
#endif
    default:
      BatchScalar(peq, m, texts, out);
      return;
  }
}

}  // namespace hudud::match
