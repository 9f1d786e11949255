// One kept message as a graph (network/message_graph.h).
#include "network/message_graph.h"

#include <map>

namespace hudud::network {
namespace {

using Json = nlohmann::ordered_json;

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::string DateOf(const travel::DateTime& d) { return d.empty() ? "" : d.date.ToString(); }

// The name of a group booking, which PNRGOV sends as a TIF of its own.
bool IsGroupName(const travel::Traveller& t) { return t.passenger_type == "G"; }

// Travellers in one booking of more than this are a group: they are tied
// through the booking node, not pair by pair.
constexpr size_t kMaxCoTravellers = 50;

}  // namespace

void MessageGraph::AddNode(Node node) {
  if (node.id.empty() || node_at_.count(node.id)) return;
  node_at_.emplace(node.id, nodes_.size());
  nodes_.push_back(std::move(node));
}

void MessageGraph::AddEdge(const std::string& source, const std::string& target,
                           std::string_view type) {
  if (source.empty() || target.empty() || source == target) return;
  for (size_t i : edges_at_[source]) {
    const Edge& e = edges_[i];
    if (e.type == type && ((e.source == source && e.target == target) ||
                           (e.source == target && e.target == source))) {
      return;
    }
  }
  edges_at_[source].push_back(edges_.size());
  edges_at_[target].push_back(edges_.size());
  edges_.push_back({source, target, std::string(type)});
}

const Node* MessageGraph::Find(const std::string& id) const {
  auto it = node_at_.find(id);
  return it == node_at_.end() ? nullptr : &nodes_[it->second];
}

std::vector<const Edge*> MessageGraph::EdgesOf(const std::string& id) const {
  std::vector<const Edge*> out;
  auto it = edges_at_.find(id);
  if (it == edges_at_.end()) return out;
  for (size_t i : it->second) out.push_back(&edges_[i]);
  return out;
}

std::vector<std::string> MessageGraph::Keys() const {
  std::vector<std::string> out;
  for (const Node& n : nodes_) {
    if (n.type != NodeType::kTraveller) out.push_back(n.id);
  }
  return out;
}

MessageGraph MessageGraph::Of(const travel::Manifest& m, const MessageContext& ctx) {
  MessageGraph g;
  const bool masked = ctx.masked;

  // The flights the message is about.
  std::vector<std::string> flights;
  for (const travel::FlightLeg& leg : m.flights) {
    const std::string date = DateOf(leg.departure);
    Node n;
    n.id = FlightId(leg.Id(), date);
    if (n.id.empty()) continue;
    n.type = NodeType::kFlight;
    n.label = leg.Id();
    if (!leg.origin.empty() || !leg.destination.empty()) {
      n.label += " " + leg.origin + "-" + leg.destination;
    }
    if (!date.empty()) n.label += " " + date;
    n.properties = {{"carrier", leg.carrier},
                    {"number", leg.number},
                    {"origin", TextOrNull(leg.origin)},
                    {"destination", TextOrNull(leg.destination)},
                    {"date", TextOrNull(date)}};
    flights.push_back(n.id);
    g.AddNode(std::move(n));
  }
  const std::string first_flight = m.flights.empty() ? "" : m.flights.front().Id();
  const std::string flight_date = m.flights.empty() ? "" : DateOf(m.flights.front().departure);

  auto contact = [&](const travel::Contact& c) -> std::string {
    if (masked) return "";
    Node n;
    if (c.kind == "phone" || c.kind == "fax") {
      n.id = PhoneId(c.value);
      n.type = NodeType::kPhone;
      n.label = c.value;
    } else if (c.kind == "email") {
      n.id = EmailId(c.value);
      n.type = NodeType::kEmail;
      n.label = n.id.empty() ? "" : n.id.substr(6);
    }
    const std::string id = n.id;
    g.AddNode(std::move(n));
    return id;
  };
  auto card = [&](const travel::Payment& p) -> std::string {
    if (masked || p.account.empty()) return "";
    Node n;
    n.id = CardId(p.card_vendor, p.account, ctx.card_key);
    if (n.id.empty()) return "";
    n.type = NodeType::kCard;
    // card:<issuer>-<last 4>-<hash>: the label from the id, never the number.
    const std::string key = n.id.substr(5);
    const std::string issuer = key.substr(0, key.find('-'));
    const std::string last4 = key.substr(issuer.size() + 1, 4);
    n.label = issuer + " card ending " + last4;
    n.properties = {{"issuer", issuer}, {"last4", last4}};
    const std::string id = n.id;
    g.AddNode(std::move(n));
    return id;
  };

  // Bookings (PNRGOV), with their contacts and payments.
  std::vector<std::string> booking_ids(m.bookings.size());
  for (size_t b = 0; b < m.bookings.size() && !masked; ++b) {
    const travel::Booking& booking = m.bookings[b];
    Node n;
    n.id = BookingId(booking.locator);
    if (n.id.empty()) continue;
    n.type = NodeType::kBooking;
    n.label = n.id.substr(8);
    // A TIF of a group booking may carry the group's name (":G"): the
    // booking's name, not a person's.
    std::string group_name;
    size_t people = 0;
    for (size_t t : booking.travellers) {
      if (t < m.travellers.size() && IsGroupName(m.travellers[t])) {
        if (group_name.empty()) group_name = m.travellers[t].name.Full();
      } else {
        ++people;
      }
    }
    n.properties = {{"created", TextOrNull(DateOf(booking.created))},
                    {"travellers", people},
                    {"group", TextOrNull(group_name)},
                    {"flight_date", TextOrNull(flight_date)}};
    booking_ids[b] = n.id;
    g.AddNode(std::move(n));
    for (const travel::Contact& c : booking.contacts)
      g.AddEdge(booking_ids[b], contact(c), kContact);
    for (const travel::Payment& p : booking.payments) g.AddEdge(booking_ids[b], card(p), kPaidWith);
  }

  // Travellers, and who shares a booking with whom.
  std::map<std::string, std::vector<std::string>> by_booking;
  for (size_t i = 0; i < m.travellers.size(); ++i) {
    const travel::Traveller& t = m.travellers[i];
    if (IsGroupName(t)) continue;
    Node n;
    n.id = TravellerId(ctx.manifest_id, i);
    n.type = NodeType::kTraveller;
    n.masked = masked;
    const std::string name = t.name.Full();
    if (masked) {
      n.label = "traveller " + std::to_string(i + 1) + " (masked)";
    } else {
      n.label = name.empty() ? "traveller " + std::to_string(i + 1) : name;
      NameForms forms = FormsOf(name);
      n.original = std::move(forms.original);
      n.latin = std::move(forms.latin);
    }
    const std::string dob = t.birth_date.empty() ? t.birth_date.raw : DateOf(t.birth_date);
    n.properties = {{"role", std::string(travel::ToString(t.role))},
                    {"nationality", TextOrNull(t.nationality)},
                    {"dob", TextOrNull(dob)},
                    {"gender", TextOrNull(t.gender_raw)},
                    {"flight", TextOrNull(first_flight)},
                    {"flight_date", TextOrNull(flight_date)},
                    {"manifest", ctx.manifest_id}};
    const std::string id = n.id;
    g.AddNode(std::move(n));
    for (const std::string& f : flights) g.AddEdge(id, f, kTravelsOn);

    std::string booking_node;
    std::string group;  // what ties the travellers of one booking within this message
    if (t.booking >= 0 && static_cast<size_t>(t.booking) < m.bookings.size()) {
      booking_node = booking_ids[static_cast<size_t>(t.booking)];
      group = "#" + std::to_string(t.booking);
    } else if (!t.booking_locator.empty()) {
      group = "@" + t.booking_locator;
      if (!masked) {
        Node b;
        b.id = BookingId(t.booking_locator);
        b.type = NodeType::kBooking;
        b.label = b.id.empty() ? "" : b.id.substr(8);
        b.properties = {{"created", nullptr},
                        {"travellers", nullptr},
                        {"flight_date", TextOrNull(flight_date)}};
        booking_node = b.id;
        g.AddNode(std::move(b));
      }
    }
    if (!group.empty()) by_booking[group].push_back(id);
    g.AddEdge(id, booking_node, kBookedOn);
    for (const travel::Contact& c : t.contacts) g.AddEdge(id, contact(c), kContact);
    for (const travel::Payment& p : t.payments) {
      // The traveller's ticket paid with the card: the booking paid with it.
      g.AddEdge(booking_node.empty() ? id : booking_node, card(p), kPaidWith);
    }
    if (!masked) {
      for (const travel::TravelDocument& d : t.documents) {
        Node doc;
        doc.id = DocumentId(d.issuing_country, d.number);
        if (doc.id.empty()) continue;
        doc.type = NodeType::kDocument;
        const std::string key = doc.id.substr(9);
        doc.label = (d.type.empty() ? "" : d.type + " ") + key.substr(0, key.find(':')) + " " +
                    key.substr(key.find(':') + 1);
        doc.properties = {{"type", TextOrNull(d.type)},
                          {"issuing_state", TextOrNull(d.issuing_country)},
                          {"expiry", TextOrNull(DateOf(d.expiry))}};
        const std::string doc_id = doc.id;
        g.AddNode(std::move(doc));
        g.AddEdge(id, doc_id, kHolds);
      }
    }
  }
  for (const auto& [group, who] : by_booking) {
    if (who.size() < 2 || who.size() > kMaxCoTravellers) continue;
    for (size_t a = 0; a < who.size(); ++a) {
      for (size_t b = a + 1; b < who.size(); ++b) g.AddEdge(who[a], who[b], kCoTraveller);
    }
  }
  return g;
}

}  // namespace hudud::network
