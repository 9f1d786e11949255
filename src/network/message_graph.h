// One kept passenger message as a small graph: its travellers, bookings,
// phones, e-mail addresses, cards, flights and documents, and the edges
// between them. The network graph (graph.h) is these joined across messages
// through their shared node ids, plus the alerts.
//
// A depersonalised message (retention masked it in place: its names,
// locators, contacts, cards and document numbers are pseudonyms such as
// "XA", numbered anew in every message) gives masked traveller nodes with no
// name, its flights, and co-traveller edges between the travellers of one
// booking; no booking, phone, e-mail, card or document node, since a
// pseudonym would falsely join unrelated messages.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "network/node.h"
#include "travel/manifest.h"

namespace hudud::network {

struct MessageContext {
  int64_t manifest_id = 0;
  bool masked = false;   // depersonalised
  std::string card_key;  // CardId's key
};

class MessageGraph {
 public:
  // The graph of `manifest`, as read from kept message `context.manifest_id`.
  static MessageGraph Of(const travel::Manifest& manifest, const MessageContext& context);

  // The node with this id, or nullptr.
  const Node* Find(const std::string& id) const;
  // The edges touching node `id`, in the order they were added.
  std::vector<const Edge*> EdgesOf(const std::string& id) const;
  // The ids of every node but the travellers: what an index of many
  // messages looks a node up by.
  std::vector<std::string> Keys() const;

  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Edge>& edges() const { return edges_; }

 private:
  // Adds `node` unless a node with its id is there (the first one stays).
  void AddNode(Node node);
  // Adds the edge unless it is there or an end is "".
  void AddEdge(const std::string& source, const std::string& target, std::string_view type);

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::unordered_map<std::string, size_t> node_at_;
  std::unordered_map<std::string, std::vector<size_t>> edges_at_;
};

}  // namespace hudud::network
