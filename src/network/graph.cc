// The network around one node (network/graph.h).
#include "network/graph.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "network/message_graph.h"
#include "store/cases.h"
#include "store/monitoring.h"
#include "store/network_reads.h"
#include "travel/passenger_message.h"

namespace hudud::network {
namespace {

using Json = nlohmann::ordered_json;

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// A neighbour of a node and the edge to it.
struct Link {
  Node other;
  Edge edge;
};

struct Expansion {
  std::vector<Link> links;
  bool capped = false;  // there was more than the limit lets the graph show
};

// The order in which a node's neighbours join the graph.
int Rank(NodeType type) {
  switch (type) {
    case NodeType::kTraveller:
    case NodeType::kSubject:
      return 0;
    case NodeType::kAlert:
    case NodeType::kEntity:
      return 1;
    case NodeType::kBooking:
      return 2;
    case NodeType::kDocument:
    case NodeType::kPhone:
    case NodeType::kEmail:
    case NodeType::kCard:
      return 3;
    case NodeType::kFlight:
      return 4;
  }
  return 5;
}

Node AlertNode(const store::AlertLink& a) {
  Node n;
  n.id = "alert:" + std::to_string(a.id);
  n.type = NodeType::kAlert;
  n.label = "alert " + std::to_string(a.id);
  n.masked = a.depersonalised;
  n.properties = {{"score", a.score},
                  {"status", a.status},
                  {"decision", TextOrNull(a.decision)},
                  {"outcome", TextOrNull(a.outcome)},
                  {"list", a.list_id},
                  {"source", a.source},
                  {"raised_at", a.raised_at}};
  return n;
}

// The name the label shows, and a name in another script beside it.
void SetNames(const std::vector<std::string>& names, Node* n) {
  if (names.empty()) return;
  n->label = names.front();
  const NameForms primary = FormsOf(names.front());
  if (primary.original) {
    n->original = primary.original;
    n->latin = primary.latin;
    for (const std::string& name : names) {
      if (!InAnotherScript(name)) {
        n->latin = name;  // a Latin name the list or holder gave: better than ours
        break;
      }
    }
    return;
  }
  for (const std::string& name : names) {
    NameForms forms = FormsOf(name);
    if (forms.original) {
      n->original = std::move(forms.original);
      n->latin = names.front();
      return;
    }
  }
}

class Builder {
 public:
  Builder(store::Store& store, const MessageIndex& index, size_t cap)
      : store_(store), index_(index), cap_(cap) {}

  Result<std::optional<Node>> Describe(const NodeId& id) {
    switch (id.type) {
      case NodeType::kTraveller: {
        Result<const MessageGraph*> g = Message(id.manifest);
        if (!g.ok()) return g.status();
        const Node* n = *g == nullptr ? nullptr : (*g)->Find(id.id);
        return n == nullptr ? std::optional<Node>() : std::optional<Node>(*n);
      }
      case NodeType::kAlert: {
        Result<std::optional<store::AlertLink>> a = store::AlertLinkById(store_, id.index);
        if (!a.ok()) return a.status();
        return *a ? std::optional<Node>(AlertNode(**a)) : std::optional<Node>();
      }
      case NodeType::kEntity: {
        Result<std::vector<store::AlertLink>> alerts = store::AlertLinksOfEntity(store_, id.key, 1);
        if (!alerts.ok()) return alerts.status();
        Result<std::optional<Node>> e = EntityNode(id.key.substr(0, id.key.find(':')), id.key);
        if (!e.ok()) return e.status();
        const bool listed = *e && (**e).properties.value("listed", false);
        return listed || !alerts->empty() ? *e : std::optional<Node>();
      }
      case NodeType::kSubject: {
        Result<std::vector<store::AlertLink>> alerts =
            store::AlertLinksOfSubject(store_, id.key, 1);
        if (!alerts.ok()) return alerts.status();
        Result<std::optional<Node>> s = SubjectNode(id.key);
        if (!s.ok()) return s.status();
        const bool held = *s && (**s).properties.value("held", false);
        return held || !alerts->empty() ? *s : std::optional<Node>();
      }
      default:
        for (int64_t m : index_.Lookup(id.id)) {
          Result<const MessageGraph*> g = Message(m);
          if (!g.ok()) return g.status();
          if (*g == nullptr) continue;
          if (const Node* n = (*g)->Find(id.id)) return std::optional<Node>(*n);
        }
        return std::optional<Node>();
    }
  }

  // The neighbours of `node`, computed once. For a `leaf` (a node of the
  // last level, expanded only for the edges to nodes already in the graph)
  // no further message is read: an edge between a leaf and a node that was
  // expanded is found from that node, and the messages that hold leaves
  // were read to find them.
  Result<const Expansion*> Expand(const Node& node, bool leaf) {
    auto cached = expanded_.find(node.id);
    if (cached != expanded_.end()) return &cached->second;
    Result<NodeId> id = ParseNodeId(node.id);
    if (!id.ok()) return id.status();
    Expansion out;
    switch (id->type) {
      case NodeType::kTraveller: {
        HUDUD_RETURN_IF_ERROR(FromMessage(id->id, id->manifest, &out));
        Result<const std::vector<store::AlertLink>*> alerts = AlertsOf(id->manifest);
        if (!alerts.ok()) return alerts.status();
        for (const store::AlertLink& a : **alerts) {
          if (a.traveller != id->index) continue;
          Node alert = AlertNode(a);
          Edge e{id->id, alert.id, std::string(kHit)};
          out.links.push_back({std::move(alert), std::move(e)});
        }
        break;
      }
      case NodeType::kAlert: {
        Result<std::optional<store::AlertLink>> a = store::AlertLinkById(store_, id->index);
        if (!a.ok()) return a.status();
        if (!*a) break;
        const store::AlertLink& link = **a;
        if (link.manifest_id > 0 && link.traveller >= 0) {
          Result<const MessageGraph*> g = Message(link.manifest_id);
          if (!g.ok()) return g.status();
          const Node* t =
              *g == nullptr
                  ? nullptr
                  : (*g)->Find(TravellerId(link.manifest_id, static_cast<size_t>(link.traveller)));
          if (t != nullptr) out.links.push_back({*t, {t->id, id->id, std::string(kHit)}});
        } else if (link.source == "monitoring") {
          Result<std::optional<Node>> s = SubjectNode(link.subject_id);
          if (!s.ok()) return s.status();
          if (*s) out.links.push_back({**s, {(*s)->id, id->id, std::string(kHit)}});
        }
        Result<std::optional<Node>> e = EntityNode(link.list_id, link.entity_id);
        if (!e.ok()) return e.status();
        if (*e) out.links.push_back({**e, {id->id, (*e)->id, std::string(kHit)}});
        break;
      }
      case NodeType::kEntity:
      case NodeType::kSubject: {
        const bool entity = id->type == NodeType::kEntity;
        Result<std::vector<store::AlertLink>> alerts =
            entity ? store::AlertLinksOfEntity(store_, id->key, static_cast<int64_t>(cap_) + 1)
                   : store::AlertLinksOfSubject(store_, id->key, static_cast<int64_t>(cap_) + 1);
        if (!alerts.ok()) return alerts.status();
        if (alerts->size() > cap_) {
          out.capped = true;
          alerts->resize(cap_);
        }
        for (const store::AlertLink& a : *alerts) {
          Node alert = AlertNode(a);
          Edge e = entity ? Edge{alert.id, id->id, std::string(kHit)}
                          : Edge{id->id, alert.id, std::string(kHit)};
          out.links.push_back({std::move(alert), std::move(e)});
        }
        break;
      }
      default: {
        std::vector<int64_t> messages = index_.Lookup(id->id);
        if (leaf) {
          std::erase_if(messages, [this](int64_t m) { return !messages_.count(m); });
        }
        if (messages.size() > cap_) {
          out.capped = true;
          messages.resize(cap_);
        }
        for (int64_t m : messages) HUDUD_RETURN_IF_ERROR(FromMessage(id->id, m, &out));
        break;
      }
    }
    // People and what ties them first: with a limit, they are what is kept.
    std::stable_sort(out.links.begin(), out.links.end(), [](const Link& a, const Link& b) {
      return Rank(a.other.type) < Rank(b.other.type);
    });
    return &expanded_.emplace(node.id, std::move(out)).first->second;
  }

 private:
  // The edges of node `id` in kept message `manifest`.
  Status FromMessage(const std::string& id, int64_t manifest, Expansion* out) {
    Result<const MessageGraph*> g = Message(manifest);
    if (!g.ok()) return g.status();
    if (*g == nullptr) return Status::Ok();
    for (const Edge* e : (*g)->EdgesOf(id)) {
      const Node* other = (*g)->Find(e->source == id ? e->target : e->source);
      if (other != nullptr) out->links.push_back({*other, *e});
    }
    return Status::Ok();
  }

  // Kept message `id` as a graph; nullptr when it is gone or does not read.
  Result<const MessageGraph*> Message(int64_t id) {
    auto it = messages_.find(id);
    if (it != messages_.end()) return it->second.get();
    Result<store::StoredManifest> m = store::LoadManifest(store_, id);
    std::unique_ptr<MessageGraph> g;
    if (m.ok()) {
      Result<travel::Manifest> parsed = travel::ParsePassengerMessage(m->raw, m->format);
      if (parsed.ok()) {
        g = std::make_unique<MessageGraph>(
            MessageGraph::Of(*parsed, {id, !m->depersonalised_at.empty(), index_.card_key()}));
      }
    } else if (m.status().code() != Status::Code::kNotFound) {
      return m.status();
    }
    return messages_.emplace(id, std::move(g)).first->second.get();
  }

  Result<const std::vector<store::AlertLink>*> AlertsOf(int64_t manifest) {
    auto it = alerts_.find(manifest);
    if (it != alerts_.end()) return &it->second;
    Result<std::vector<store::AlertLink>> a = store::AlertLinksOfManifest(store_, manifest);
    if (!a.ok()) return a.status();
    return &alerts_.emplace(manifest, std::move(*a)).first->second;
  }

  // The list entry as its list's active version has it; its id alone
  // (listed: false) when it is no longer listed.
  Result<std::optional<Node>> EntityNode(const std::string& list_id, const std::string& entity_id) {
    const std::string node_id = "entity:" + entity_id;
    auto it = entities_.find(node_id);
    if (it != entities_.end()) return std::optional<Node>(it->second);
    Result<std::optional<model::Entity>> e = store::Cases(store_).ActiveEntity(list_id, entity_id);
    if (!e.ok()) return e.status();
    Node n;
    n.id = node_id;
    n.type = NodeType::kEntity;
    n.label = entity_id;
    if (*e) {
      std::vector<std::string> names;
      for (const model::Name& name : (*e)->names) names.push_back(name.full);
      SetNames(names, &n);
      n.properties = {{"list", list_id},
                      {"listed", true},
                      {"kind", std::string(model::ToString((*e)->kind))},
                      {"program", TextOrNull((*e)->program)},
                      {"listed_on", TextOrNull((*e)->listed_on)}};
    } else {
      n.properties = {{"list", list_id}, {"listed", false}};
    }
    return std::optional<Node>(entities_.emplace(node_id, std::move(n)).first->second);
  }

  // A held subject; its id alone (held: false) when it is no longer held.
  Result<std::optional<Node>> SubjectNode(const std::string& subject_id) {
    const std::string node_id = "subject:" + subject_id;
    auto it = subjects_.find(node_id);
    if (it != subjects_.end()) return std::optional<Node>(it->second);
    Result<store::Subject> s = store::Monitoring(store_).GetSubject(subject_id);
    Node n;
    n.id = node_id;
    n.type = NodeType::kSubject;
    n.label = subject_id;
    if (s.ok()) {
      SetNames(s->names, &n);
      n.properties = {{"held", true},
                      {"nationality", TextOrNull(s->nationality)},
                      {"dob", TextOrNull(s->dob)},
                      {"kind", TextOrNull(s->kind)}};
    } else if (s.status().code() == Status::Code::kNotFound) {
      n.properties = {{"held", false}};
    } else {
      return s.status();
    }
    return std::optional<Node>(subjects_.emplace(node_id, std::move(n)).first->second);
  }

  store::Store& store_;
  const MessageIndex& index_;
  const size_t cap_;
  std::unordered_map<int64_t, std::unique_ptr<MessageGraph>> messages_;
  std::unordered_map<int64_t, std::vector<store::AlertLink>> alerts_;
  std::unordered_map<std::string, Expansion> expanded_;
  std::unordered_map<std::string, Node> entities_, subjects_;
};

}  // namespace

Result<Graph> BuildGraph(store::Store& store, const MessageIndex& index, const GraphQuery& query) {
  if (query.depth < 1 || query.depth > 3) {
    return Status::InvalidArgument("depth must be 1, 2 or 3");
  }
  if (query.limit < 1) return Status::InvalidArgument("limit must be at least 1");
  Result<NodeId> start = ParseNodeId(query.node);
  if (!start.ok()) return start.status();
  Builder builder(store, index, query.limit);
  Result<std::optional<Node>> first = builder.Describe(*start);
  if (!first.ok()) return first.status();
  if (!*first) {
    return Status::NotFound("node " + start->id +
                            " is in no kept message, alert, held subject or active list");
  }

  Graph g;
  g.node = start->id;
  std::unordered_map<std::string, size_t> at;
  std::vector<int> depth;
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  at.emplace(start->id, 0);
  g.nodes.push_back(std::move(**first));
  depth.push_back(0);
  // Breadth first; the nodes of the last level are expanded too, but only
  // for the edges between nodes already in the graph.
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const int d = depth[i];
    const Node node = g.nodes[i];
    Result<const Expansion*> ex = builder.Expand(node, d >= query.depth);
    if (!ex.ok()) return ex.status();
    if ((*ex)->capped && d < query.depth) g.truncated = true;
    for (const Link& link : (*ex)->links) {
      if (!query.types.empty() && !query.types.count(link.other.type)) continue;
      if (!at.count(link.other.id)) {
        if (d >= query.depth) continue;
        if (g.nodes.size() >= query.limit) {
          g.truncated = true;
          continue;
        }
        at.emplace(link.other.id, g.nodes.size());
        g.nodes.push_back(link.other);
        depth.push_back(d + 1);
      }
      const Edge& e = link.edge;
      const auto key = e.source < e.target ? std::make_tuple(e.type, e.source, e.target)
                                           : std::make_tuple(e.type, e.target, e.source);
      if (edges.insert(key).second) g.edges.push_back(e);
    }
  }
  return g;
}

}  // namespace hudud::network
