// Batched optimal-string-alignment distance: one pattern against many texts.
//
// The candidate verifier compares one query token with every dictionary token
// its lookups found (typically 10-2000 tokens of 3-16 bytes), so the pattern's
// bit masks are built once per call and the texts are streamed through
// Hyyrö's bit-parallel OSA recurrence (Myers 1999 extended with adjacent
// transpositions, Hyyrö 2003). On x86 the texts run several at a time in the
// 64-bit lanes of AVX2 (4 lanes) or AVX-512 (8 lanes) registers; the ISA is
// chosen at run time, so one binary serves machines with and without them.
//
// The distance is the textbook OSA DP (restricted Damerau-Levenshtein): unit
// cost insert, delete, substitute and adjacent transposition, where no
// substring is edited twice - the same contract as text::BoundedEditDistance,
// without its bound. Every ISA returns bit-identical results (they compute the
// same exact integers); the ISA only changes speed.
//
// Limits: patterns of up to 64 bytes use the bit-parallel kernels with only
// stack memory; longer patterns fall back to a scalar DP (which allocates).
// Texts of any length are accepted; texts longer than 64 bytes are done one
// at a time by the scalar bit-parallel kernel inside the SIMD paths.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace hudud::match {

// Instruction sets with a kernel. Ordered: a later one implies the earlier.
enum class KernelIsa { kScalar, kAvx2, kAvx512 };

// The best kernel this CPU (and OS) can run, from __builtin_cpu_supports at run
// time. kAvx512 needs AVX512F, AVX512BW and AVX512VL; kAvx2 needs AVX2.
// Always kScalar on non-x86 builds.
KernelIsa BestSupportedIsa();

// The kernel EditDistanceBatch uses: BestSupportedIsa() unless a test chose
// another with SetKernelIsaForTesting. Thread-safe.
KernelIsa ActiveKernelIsa();

// Makes EditDistanceBatch use `isa`, clamped to BestSupportedIsa() so a test
// cannot make the process execute unsupported instructions.
void SetKernelIsaForTesting(KernelIsa isa);

// "scalar", "avx2" or "avx512".
std::string_view ToString(KernelIsa isa);

// out[i] = min(OSA distance(pattern, texts[i]), 255) for every i. Pattern and
// texts are byte strings (UTF-8 is compared byte by byte). `out` must have room
// for texts.size() bytes. No heap allocation when pattern.size() <= 64.
void EditDistanceBatch(std::string_view pattern, std::span<const std::string_view> texts,
                       uint8_t* out);

// Same, forcing one implementation (for tests and benchmarks).
// REQUIRES: isa <= BestSupportedIsa().
void EditDistanceBatchWith(KernelIsa isa, std::string_view pattern,
                           std::span<const std::string_view> texts, uint8_t* out);

}  // namespace hudud::match
