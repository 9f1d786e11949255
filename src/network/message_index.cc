// The index of kept messages by node id (network/message_index.h).
#include "network/message_index.h"

#include <algorithm>
#include <random>
#include <unordered_set>

#include "network/message_graph.h"
#include "store/network_reads.h"
#include "travel/passenger_message.h"

namespace hudud::network {
namespace {

std::string RandomKey() {
  std::random_device device;
  std::string key;
  const char* hex = "0123456789abcdef";
  for (int i = 0; i < 64; ++i) key += hex[device() % 16];
  return key;
}

}  // namespace

MessageIndex::MessageIndex(std::string card_key)
    : card_key_(card_key.empty() ? RandomKey() : std::move(card_key)) {}

void MessageIndex::Drop(int64_t id, const Entry& entry) {
  for (const std::string& key : entry.keys) {
    auto it = by_key_.find(key);
    if (it == by_key_.end()) continue;
    std::vector<int64_t>& ids = it->second;
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
    if (ids.empty()) by_key_.erase(it);
  }
}

Status MessageIndex::Refresh(store::Store& store) {
  std::lock_guard<std::mutex> one(refresh_mu_);
  Result<std::string> stamp = store::ManifestsStamp(store);
  if (!stamp.ok()) return stamp.status();
  {
    std::shared_lock<std::shared_mutex> read(mu_);
    if (*stamp == stamp_) return Status::Ok();
  }
  Result<std::vector<store::ManifestState>> states = store::ManifestStates(store);
  if (!states.ok()) return states.status();

  // What changed, read without holding the index so lookups go on.
  std::unordered_set<int64_t> kept;
  std::vector<std::pair<int64_t, Entry>> fresh;
  {
    std::vector<store::ManifestState> todo;
    {
      std::shared_lock<std::shared_mutex> read(mu_);
      for (const store::ManifestState& s : *states) {
        kept.insert(s.id);
        auto it = messages_.find(s.id);
        if (it == messages_.end() || it->second.masked != s.depersonalised) todo.push_back(s);
      }
    }
    for (const store::ManifestState& s : todo) {
      Entry entry;
      Result<store::StoredManifest> m = store::LoadManifest(store, s.id);
      if (!m.ok()) {
        if (m.status().code() == Status::Code::kNotFound) continue;  // deleted meanwhile
        return m.status();
      }
      entry.masked = !m->depersonalised_at.empty();
      Result<travel::Manifest> parsed = travel::ParsePassengerMessage(m->raw, m->format);
      if (parsed.ok()) {
        entry.keys = MessageGraph::Of(*parsed, {s.id, entry.masked, card_key_}).Keys();
      }
      fresh.emplace_back(s.id, std::move(entry));
    }
  }

  std::unique_lock<std::shared_mutex> write(mu_);
  for (auto it = messages_.begin(); it != messages_.end();) {
    if (kept.count(it->first)) {
      ++it;
      continue;
    }
    Drop(it->first, it->second);
    it = messages_.erase(it);
  }
  for (auto& [id, entry] : fresh) {
    auto it = messages_.find(id);
    if (it != messages_.end()) Drop(id, it->second);
    for (const std::string& key : entry.keys) by_key_[key].push_back(id);
    messages_[id] = std::move(entry);
  }
  stamp_ = *stamp;
  return Status::Ok();
}

std::vector<int64_t> MessageIndex::Lookup(const std::string& id) const {
  std::vector<int64_t> out;
  {
    std::shared_lock<std::shared_mutex> read(mu_);
    auto it = by_key_.find(id);
    if (it != by_key_.end()) out = it->second;
  }
  std::sort(out.begin(), out.end(), std::greater<int64_t>());
  return out;
}

size_t MessageIndex::messages() const {
  std::shared_lock<std::shared_mutex> read(mu_);
  return messages_.size();
}

}  // namespace hudud::network
