// An immutable hash multimap from 64-bit keys to 32-bit values, built once:
// one open-addressing table of distinct keys pointing into one value array.
// A lookup is one or two cache misses; no allocation after Build.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace hudud::match {

// 64-bit hash of a byte string (FNV-1a with a final avalanche). Never 0.
uint64_t HashBytes(std::string_view s);

class FlatMultiMap {
 public:
  // Takes (key, value) pairs in any order; duplicates are merged.
  void Build(std::vector<std::pair<uint64_t, uint32_t>> pairs);
  // Values stored under `key`, ascending; empty if none.
  std::span<const uint32_t> Find(uint64_t key) const;
  size_t keys() const { return keys_; }
  size_t bytes() const { return slots_.size() * sizeof(Slot) + values_.size() * sizeof(uint32_t); }

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty
    uint32_t begin = 0, end = 0;
  };
  std::vector<Slot> slots_;
  std::vector<uint32_t> values_;
  uint64_t mask_ = 0;
  size_t keys_ = 0;
};

// Calls f(hash) for `s` and every string obtained by deleting up to `depth`
// bytes from it, each distinct string once (symmetric-delete spelling
// correction: two strings within edit distance k share a delete of depth k).
void ForEachDelete(std::string_view s, int depth, std::vector<uint64_t>* out);

}  // namespace hudud::match
