// GET /v1/network: the network around one node (a traveller, a booking, a
// phone, an e-mail address, a card, a flight, a document, a list entry, an
// alert or a held subject) for the analysts' console, as JSON or as GraphML
// for export (network/graph.h builds it, network/graph_format.h writes it).
// It links records about people, so a purpose is needed and each reading
// is recorded as a combination, with the start node and how many nodes it
// showed. The kept messages are found through an index in memory, brought
// up to date before each request (network/message_index.h).
#include <memory>
#include <string>

#include "network/graph.h"
#include "network/graph_format.h"
#include "network/message_index.h"
#include "server/endpoints.h"
#include "server/problem.h"

namespace hudud::server {
namespace {

void Invalid(const httplib::Request& req, httplib::Response& res, const std::string& detail) {
  SendProblem(res, MakeProblem("invalid-request", detail), req.path);
}

void Network(Service& service, network::MessageIndex& index, const httplib::Request& req,
             httplib::Response& res) {
  std::optional<Caller> caller = service.Admit(req, res, store::Permission::kManifestsRead, true);
  if (!caller) return;
  if (!req.has_param("node")) {
    Invalid(req, res,
            "node is required: a node id such as traveller:12:0, booking:W9TEND, "
            "phone:96550012345, email:a@example.com, flight:SQ602/2013-05-27, entity:un:111923");
    return;
  }
  network::GraphQuery query;
  Result<network::NodeId> node = network::ParseNodeId(req.get_param_value("node"));
  if (!node.ok()) {
    Invalid(req, res, node.status().message());
    return;
  }
  query.node = node->id;
  std::optional<int64_t> depth = IntParam(req, res, "depth", 1, 1, 3);
  if (!depth) return;
  std::optional<int64_t> limit = IntParam(req, res, "limit", 200, 1, 2000);
  if (!limit) return;
  query.depth = static_cast<int>(*depth);
  query.limit = static_cast<size_t>(*limit);
  if (req.has_param("types")) {
    Result<std::set<network::NodeType>> types =
        network::ParseNodeTypes(req.get_param_value("types"));
    if (!types.ok()) {
      Invalid(req, res, "types: " + types.status().message());
      return;
    }
    query.types = std::move(*types);
  }
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format != "json" && format != "graphml") {
    Invalid(req, res, "format must be json or graphml, got '" + format.substr(0, 40) + "'");
    return;
  }
  std::unique_ptr<store::Store> db = OpenStoreFor(service, req, res);
  if (!db) return;
  Status refreshed = index.Refresh(*db);
  if (!refreshed.ok()) {
    SendStatusProblem(req, res, refreshed);
    return;
  }
  Result<network::Graph> graph = network::BuildGraph(*db, index, query);
  if (!graph.ok()) {
    SendStatusProblem(req, res, graph.status());
    return;
  }
  // The start node may name a person (a phone, an address): the detail is
  // masked by retention with the other personal query details.
  if (!Record(service, *caller, store::AuditAction::kCombination, "network",
              api::Json{{"node", graph->node},
                        {"depth", query.depth},
                        {"nodes", graph->nodes.size()},
                        {"edges", graph->edges.size()},
                        {"truncated", graph->truncated},
                        {"format", format}},
              req, res)) {
    return;
  }
  if (format == "graphml") {
    res.set_header("Content-Disposition", "attachment; filename=\"network.graphml\"");
    res.set_content(network::GraphMl(*graph), "application/graphml+xml");
    return;
  }
  SendJson(res, network::GraphJson(*graph));
}

}  // namespace

void RegisterNetwork(httplib::Server& http, Service& service) {
  // The index lives as long as the routes that use it.
  auto index = std::make_shared<network::MessageIndex>();
  http.Get("/v1/network", [&service, index](const httplib::Request& req, httplib::Response& res) {
    Network(service, *index, req, res);
  });
}

}  // namespace hudud::server
