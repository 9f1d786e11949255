// The network graph as JSON and GraphML (network/graph_format.h).
#include "network/graph_format.h"

#include <pugixml.hpp>
#include <sstream>

namespace hudud::network {
namespace {

using Json = nlohmann::ordered_json;

Json OptionalText(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

void Key(pugi::xml_node graphml, const char* id, const char* for_what, const char* name,
         const char* type) {
  pugi::xml_node key = graphml.append_child("key");
  key.append_attribute("id") = id;
  key.append_attribute("for") = for_what;
  key.append_attribute("attr.name") = name;
  key.append_attribute("attr.type") = type;
}

void Data(pugi::xml_node parent, const char* key, const std::string& value) {
  pugi::xml_node d = parent.append_child("data");
  d.append_attribute("key") = key;
  d.text().set(value.c_str());
}

}  // namespace

Json GraphJson(const Graph& graph) {
  Json nodes = Json::array();
  for (const Node& n : graph.nodes) {
    nodes.push_back(Json{{"id", n.id},
                         {"type", std::string(ToString(n.type))},
                         {"label", n.label},
                         {"original", OptionalText(n.original)},
                         {"latin", OptionalText(n.latin)},
                         {"properties", n.properties},
                         {"masked", n.masked}});
  }
  Json edges = Json::array();
  for (const Edge& e : graph.edges) {
    edges.push_back(Json{{"source", e.source}, {"target", e.target}, {"type", e.type}});
  }
  return Json{{"node", graph.node},
              {"nodes", std::move(nodes)},
              {"edges", std::move(edges)},
              {"truncated", graph.truncated}};
}

std::string GraphMl(const Graph& graph) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = doc.append_child("graphml");
  root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  Key(root, "type", "node", "type", "string");
  Key(root, "label", "node", "label", "string");
  Key(root, "original", "node", "original", "string");
  Key(root, "latin", "node", "latin", "string");
  Key(root, "masked", "node", "masked", "boolean");
  Key(root, "properties", "node", "properties", "string");
  Key(root, "edge_type", "edge", "type", "string");
  Key(root, "start", "graph", "node", "string");
  Key(root, "truncated", "graph", "truncated", "boolean");
  pugi::xml_node g = root.append_child("graph");
  g.append_attribute("id") = "network";
  g.append_attribute("edgedefault") = "undirected";
  Data(g, "start", graph.node);
  Data(g, "truncated", graph.truncated ? "true" : "false");
  for (const Node& n : graph.nodes) {
    pugi::xml_node node = g.append_child("node");
    node.append_attribute("id") = n.id.c_str();
    Data(node, "type", std::string(ToString(n.type)));
    Data(node, "label", n.label);
    if (n.original) Data(node, "original", *n.original);
    if (n.latin) Data(node, "latin", *n.latin);
    Data(node, "masked", n.masked ? "true" : "false");
    Data(node, "properties", Dump(n.properties));
  }
  for (const Edge& e : graph.edges) {
    pugi::xml_node edge = g.append_child("edge");
    edge.append_attribute("source") = e.source.c_str();
    edge.append_attribute("target") = e.target.c_str();
    Data(edge, "edge_type", e.type);
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace hudud::network
