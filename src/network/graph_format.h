// The network graph written out: as the JSON the console reads, and as
// GraphML for export to graph tools (Gephi, yEd, Cytoscape, igraph).
//
// JSON: {"node": the start node's id,
//        "nodes": [{"id", "type", "label", "original", "latin",
//                   "properties": {...}, "masked"}],
//        "edges": [{"source", "target", "type"}],
//        "truncated": bool}
// with original and latin null unless the name is in a non-Latin script.
//
// GraphML: one undirected <graph>, node keys "type", "label", "original",
// "latin", "masked" and "properties" (the properties as a JSON object
// text), the edge key "type" (attr.name "type", id "edge_type"), the graph
// keys "node" (the start) and "truncated"; original and latin are left out
// where null. The same nodes and edges as the JSON, in the same order.
#pragma once

#include <string>

#include "network/graph.h"

namespace hudud::network {

nlohmann::ordered_json GraphJson(const Graph& graph);

std::string GraphMl(const Graph& graph);

}  // namespace hudud::network
