// FlatMultiMap and the symmetric-delete generator.
#include "match/flat_multimap.h"

#include <algorithm>
#include <string>

namespace hudud::match {

uint64_t HashBytes(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h == 0 ? 1 : h;
}

void FlatMultiMap::Build(std::vector<std::pair<uint64_t, uint32_t>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  values_.clear();
  values_.reserve(pairs.size());
  keys_ = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i == 0 || pairs[i].first != pairs[i - 1].first) ++keys_;
  }
  size_t cap = 16;
  while (cap < keys_ * 2) cap <<= 1;
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    uint32_t begin = static_cast<uint32_t>(values_.size());
    while (j < pairs.size() && pairs[j].first == pairs[i].first)
      values_.push_back(pairs[j++].second);
    uint64_t pos = pairs[i].first & mask_;
    while (slots_[pos].key != 0) pos = (pos + 1) & mask_;
    slots_[pos] = Slot{pairs[i].first, begin, static_cast<uint32_t>(values_.size())};
    i = j;
  }
}

std::span<const uint32_t> FlatMultiMap::Find(uint64_t key) const {
  if (slots_.empty()) return {};
  uint64_t pos = key & mask_;
  while (true) {
    const Slot& s = slots_[pos];
    if (s.key == key) return {values_.data() + s.begin, s.end - s.begin};
    if (s.key == 0) return {};
    pos = (pos + 1) & mask_;
  }
}

namespace {

void Deletes(std::string& buf, size_t from, int depth, std::vector<uint64_t>* out) {
  if (depth == 0 || buf.size() <= 1) return;
  for (size_t i = from; i < buf.size(); ++i) {
    // Deleting one of a run of equal bytes gives the same string: skip repeats.
    if (i > from && buf[i] == buf[i - 1]) continue;
    char c = buf[i];
    buf.erase(i, 1);
    out->push_back(HashBytes(buf));
    Deletes(buf, i, depth - 1, out);
    buf.insert(buf.begin() + static_cast<std::ptrdiff_t>(i), c);
  }
}

}  // namespace

void ForEachDelete(std::string_view s, int depth, std::vector<uint64_t>* out) {
  size_t start = out->size();
  out->push_back(HashBytes(s));
  std::string buf(s);
  Deletes(buf, 0, depth, out);
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(start), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(start), out->end()),
             out->end());
}

}  // namespace hudud::match
