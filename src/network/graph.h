// The network around one node: who travelled with whom, booked together,
// shared a phone, an e-mail address or a card, held which document, flew on
// which flight, and which alerts tie a traveller or a held subject to a
// list entry. Read from the kept passenger messages (through a
// MessageIndex: only the messages linked to the nodes expanded are parsed)
// and from the alerts; for the analysts' console, which expands a node by
// asking again for that node at depth 1 and merging.
//
// The graph is breadth first from the start node to `depth` edges, with
// the edges between its nodes that the messages and alerts read for it
// hold (two travellers found on the same booking are co-travellers in the
// answer; the nodes of the last level cause no further message to be
// read). `types` restricts the
// node types: nodes of the others are neither shown nor passed through
// (the start node is always shown). At most `limit` nodes: once the limit
// is met no further node is added and `truncated` is set; it is set too
// when a node is in more kept messages, or on more alerts, than the limit
// lets the graph show.
//
// Errors: InvalidArgument (the message names "node") for a malformed id or
// an unknown type; NotFound when the start node is in no kept message,
// alert, held subject or active list; IOError for the database.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "network/message_index.h"
#include "network/node.h"
#include "store/store.h"

namespace hudud::network {

struct GraphQuery {
  std::string node;          // the start node's id
  int depth = 1;             // 1..3
  size_t limit = 200;        // nodes, the start included (1..2000)
  std::set<NodeType> types;  // empty = every type
};

struct Graph {
  std::string node;  // the start node's canonical id
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  bool truncated = false;
};

// The graph of `query` from `store`; `index` must have been refreshed from
// it (the caller refreshes before each request).
Result<Graph> BuildGraph(store::Store& store, const MessageIndex& index, const GraphQuery& query);

}  // namespace hudud::network
