// Which kept messages mention a booking, a phone, an e-mail address, a
// card, a flight or a document: an index in memory from node id to message
// ids, so that a graph request parses only the messages linked to the nodes
// it expands, never the whole store.
//
// Built from the kept messages on the first Refresh and brought up to date
// by every later one: a message kept since is read and added, one
// depersonalised since is read again (its values are pseudonyms now, so it
// no longer answers for them), one deleted is dropped. Refresh first
// compares a cheap fingerprint of the table (store/network_reads.h's
// ManifestsStamp) and does nothing when it is unchanged, so it can run
// before every request. The index holds node ids only; what a node shows is
// read from the message as it is kept when a graph is built.
//
// Thread-safe: Refresh and Lookup may be called from any thread.
#pragma once

#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace hudud::network {

class MessageIndex {
 public:
  // `card_key` keys the card hashes (CardId): a secret of this index,
  // random when empty.
  explicit MessageIndex(std::string card_key = "");

  // Brings the index up to date with `store`'s kept messages. A message
  // that cannot be read is indexed with no node (it links nothing).
  Status Refresh(store::Store& store);

  // The messages that mention node `id`, newest first.
  std::vector<int64_t> Lookup(const std::string& id) const;

  const std::string& card_key() const { return card_key_; }
  size_t messages() const;  // messages indexed

 private:
  struct Entry {
    bool masked = false;
    std::vector<std::string> keys;
  };
  void Drop(int64_t id, const Entry& entry);  // REQUIRES: mu_ held exclusively

  const std::string card_key_;
  std::mutex refresh_mu_;  // one refresh at a time
  mutable std::shared_mutex mu_;
  std::string stamp_;  // the fingerprint the index reflects
  std::unordered_map<int64_t, Entry> messages_;
  std::unordered_map<std::string, std::vector<int64_t>> by_key_;
};

}  // namespace hudud::network
