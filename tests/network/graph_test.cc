// The network graph (network/graph.h and its parts) over a real store with
// the PNRGOV and PAXLST fixtures kept in it: node ids, one message as a
// graph, the index of messages by node, breadth-first graphs with depth,
// types and limit, cards never in the clear, depersonalised messages shown
// masked, alerts tying travellers and held subjects to list entries, JSON
// and GraphML alike, and how long a graph takes over 200 kept messages.
#include "network/graph.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <pugixml.hpp>
#include <set>
#include <string>

#include "network/graph_format.h"
#include "network/message_graph.h"
#include "network/message_index.h"
#include "store/cases.h"
#include "store/manifests.h"
#include "store/monitoring.h"
#include "store/retention.h"
#include "store/vault.h"
#include "text/display_latin.h"
#include "travel/passenger_message.h"

namespace hudud::network {
namespace {

using Json = nlohmann::ordered_json;

std::string Fixture(const std::string& path) {
  std::ifstream in(std::string(HUDUD_TESTDATA_DIR) + "/travel/" + path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// sq602 with another record locator for its first booking and another
// interchange reference: a second PNR sharing the first one's phone,
// e-mail address and card.
std::string SecondBooking() {
  std::string s = Replace(Fixture("pnrgov/sq602_v11_1.edi"), "W9TEND", "Q4PHNE");
  s = Replace(s, "X7KQ2B", "Z8MM3C");
  return Replace(s, "020A07", "020A08");
}

class GraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("hudud-network-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Remove();
    auto s = store::Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  // Keeps `bytes` as a message received at `received_at` and returns its id.
  int64_t Keep(const std::string& bytes, const std::string& received_at = "") {
    auto parsed = travel::ParsePassengerMessage(bytes, "auto");
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    store::StoredManifest m;
    m.format = std::string(travel::ToString(parsed->format));
    m.flight = parsed->flights.empty() ? "" : parsed->flights.front().Id();
    m.departure = parsed->flights.empty() ? "" : parsed->flights.front().departure.date.ToString();
    m.travellers = static_cast<int>(parsed->travellers.size());
    m.sha256 = store::Sha256Hex(bytes);
    m.received_at = received_at;
    m.received_by = "amina";
    m.raw = bytes;
    auto id = store::SaveManifest(*store_, m);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  Graph Build(const std::string& node, int depth = 1, size_t limit = 200,
              std::set<NodeType> types = {}) {
    EXPECT_TRUE(index_.Refresh(*store_).ok());
    auto g = BuildGraph(*store_, index_, {node, depth, limit, std::move(types)});
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return g.ok() ? *g : Graph{};
  }

  static const Node* FindNode(const Graph& g, const std::string& id) {
    for (const Node& n : g.nodes) {
      if (n.id == id) return &n;
    }
    return nullptr;
  }
  static bool HasEdge(const Graph& g, const std::string& a, const std::string& b,
                      const std::string& type) {
    for (const Edge& e : g.edges) {
      if (e.type == type && ((e.source == a && e.target == b) || (e.source == b && e.target == a)))
        return true;
    }
    return false;
  }
  static size_t CountType(const Graph& g, NodeType type) {
    size_t n = 0;
    for (const Node& node : g.nodes) n += node.type == type;
    return n;
  }

  std::string path_;
  std::unique_ptr<store::Store> store_;
  MessageIndex index_{"test-card-key"};
};

TEST(NodeIdTest, ParsesEveryTypeAndRefusesWhatIsNotOne) {
  auto b = ParseNodeId("booking:w9tend");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->id, "booking:W9TEND");
  auto t = ParseNodeId("traveller:12:3");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->manifest, 12);
  EXPECT_EQ(t->index, 3);
  for (const char* ok : {"phone:96550012345", "email:A.B@Example.com", "card:VI-1234-0a1b2c3d",
                         "flight:SQ602/2013-05-27", "flight:SQ602", "document:KWT:K01234567",
                         "entity:un:111923", "alert:7", "subject:c-001"}) {
    EXPECT_TRUE(ParseNodeId(ok).ok()) << ok;
  }
  EXPECT_EQ(ParseNodeId("email:A.B@Example.com")->id, "email:a.b@example.com");
  for (const char* bad :
       {"planet:earth", "booking", "traveller:12", "traveller:x:1", "phone:12", "phone:+965",
        "email:nobody", "card:4111111111111111", "card:VI-1234-ZZZZZZZZ", "flight:SQ602/27MAY",
        "document:KWT", "entity:111923", "alert:seven", "booking:", "subject:a b"}) {
    auto r = ParseNodeId(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find("node"), std::string::npos) << bad;
    }
  }
  auto types = ParseNodeTypes("traveller, booking,phone");
  ASSERT_TRUE(types.ok());
  EXPECT_EQ(types->size(), 3u);
  EXPECT_FALSE(ParseNodeTypes("traveller,planet").ok());
}

TEST(NodeIdTest, ValuesBecomeIdsAndCardsNeverShowTheirNumber) {
  EXPECT_EQ(PhoneId("+965 5001-2345"), "phone:96550012345");
  EXPECT_EQ(PhoneId("0096550012345"), "phone:96550012345");
  EXPECT_EQ(PhoneId("12345"), "");
  EXPECT_EQ(EmailId("Ahmed.Al_Hashimi@EXAMPLE.COM"), "email:ahmed.al_hashimi@example.com");
  EXPECT_EQ(EmailId("no-at-sign"), "");
  EXPECT_EQ(DocumentId("D", "c01x-00t47"), "document:DEU:C01X00T47");
  EXPECT_EQ(FlightId("SQ602", "2013-05-27"), "flight:SQ602/2013-05-27");
  const std::string card = CardId("VI", "4111111111111111", "key-1");
  EXPECT_EQ(card.rfind("card:VI-1111-", 0), 0u) << card;
  EXPECT_EQ(card.find("411111"), std::string::npos);
  EXPECT_EQ(card, CardId("vi", "4111 1111 1111 1111", "key-1"));  // stable
  EXPECT_NE(card, CardId("VI", "4111111111111111", "key-2"));     // keyed
  EXPECT_TRUE(ParseNodeId(card).ok()) << card;
  EXPECT_EQ(CardId("VI", "4571XXXXXXXX1234", "k").substr(0, 13), "card:VI-1234-");
  EXPECT_EQ(CardId("", "", "k"), "");
}

TEST(NodeIdTest, NamesInAnotherScriptGetALatinForm) {
  NameForms arabic = FormsOf("فاطمة الصباح");
  ASSERT_TRUE(arabic.original);
  EXPECT_EQ(*arabic.original, "فاطمة الصباح");
  ASSERT_TRUE(arabic.latin);
  EXPECT_FALSE(arabic.latin->empty());
  // The same Latin form as everywhere else in the console.
  EXPECT_EQ(*arabic.latin, text::DisplayLatin("فاطمة الصباح"));
  NameForms cyrillic = FormsOf("ИРИНА ИВАНОВА");
  ASSERT_TRUE(cyrillic.latin);
  EXPECT_EQ(*cyrillic.latin, "Irina Ivanova");
  EXPECT_FALSE(FormsOf("AHMED AL HASHIMI").original);
}

TEST(MessageGraphTest, APnrAsAGraph) {
  auto m = travel::ParsePassengerMessage(Fixture("pnrgov/sq602_v11_1.edi"), "pnrgov");
  ASSERT_TRUE(m.ok());
  MessageGraph g = MessageGraph::Of(*m, {7, false, "k"});
  // Two travellers on booking X7KQ2B are co-travellers; the first booking's
  // contacts and card hang off it.
  ASSERT_NE(g.Find("booking:X7KQ2B"), nullptr);
  ASSERT_NE(g.Find("traveller:7:1"), nullptr);
  EXPECT_EQ(g.Find("traveller:7:1")->label, "FATEMEH KARIMI");
  bool co = false;
  for (const Edge* e : g.EdgesOf("traveller:7:1")) co = co || e->type == kCoTraveller;
  EXPECT_TRUE(co);
  ASSERT_NE(g.Find("phone:96550012345"), nullptr);
  ASSERT_NE(g.Find("email:ahmed.al_hashimi@example.com"), nullptr);
  ASSERT_NE(g.Find("flight:SQ602/2013-05-27"), nullptr);
  ASSERT_NE(g.Find("document:KWT:K01234567"), nullptr);
  std::string card;
  for (const Node& n : g.nodes()) {
    if (n.type == NodeType::kCard) card = n.id;
  }
  ASSERT_FALSE(card.empty());
  EXPECT_EQ(g.Find(card)->label, "VI card ending 1234");
  const std::vector<std::string> keys = g.Keys();
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "booking:W9TEND"), 1);
  for (const std::string& k : keys) EXPECT_NE(k.rfind("traveller:", 0), 0u) << k;
}

TEST_F(GraphTest, CoTravellersOnOneBookingAreLinked) {
  const int64_t id = Keep(Fixture("pnrgov/sq602_v11_1.edi"));
  Graph g = Build("booking:X7KQ2B");
  EXPECT_EQ(g.node, "booking:X7KQ2B");
  const std::string fatemeh = TravellerId(id, 1), reza = TravellerId(id, 2);
  ASSERT_NE(FindNode(g, fatemeh), nullptr);
  ASSERT_NE(FindNode(g, reza), nullptr);
  EXPECT_TRUE(HasEdge(g, fatemeh, "booking:X7KQ2B", "booked-on"));
  EXPECT_TRUE(HasEdge(g, reza, "booking:X7KQ2B", "booked-on"));
  // Both at depth 1, and the edge between them is in the answer too.
  EXPECT_TRUE(HasEdge(g, fatemeh, reza, "co-traveller"));
  EXPECT_EQ(FindNode(g, reza)->properties["nationality"], "IRN");
  EXPECT_EQ(FindNode(g, reza)->properties["flight_date"], "2013-05-27");
  EXPECT_FALSE(g.truncated);
}

TEST_F(GraphTest, ASharedPhoneLinksTwoBookingsAndDepthReachesFurther) {
  Keep(Fixture("pnrgov/sq602_v11_1.edi"));
  Keep(SecondBooking());
  Graph one = Build("booking:W9TEND", 1);
  EXPECT_NE(FindNode(one, "phone:96550012345"), nullptr);
  EXPECT_EQ(FindNode(one, "booking:Q4PHNE"), nullptr);
  Graph two = Build("booking:W9TEND", 2);
  ASSERT_NE(FindNode(two, "booking:Q4PHNE"), nullptr);
  EXPECT_TRUE(HasEdge(two, "booking:W9TEND", "phone:96550012345", "contact"));
  EXPECT_TRUE(HasEdge(two, "booking:Q4PHNE", "phone:96550012345", "contact"));
  EXPECT_GT(two.nodes.size(), one.nodes.size());
  Graph three = Build("booking:W9TEND", 3);
  EXPECT_GT(three.nodes.size(), two.nodes.size());
  // The phone itself, from either side.
  Graph phone = Build("phone:96550012345");
  EXPECT_NE(FindNode(phone, "booking:W9TEND"), nullptr);
  EXPECT_NE(FindNode(phone, "booking:Q4PHNE"), nullptr);
}

TEST_F(GraphTest, CardsAreShownOnlyMasked) {
  const std::string bytes = Fixture("retention/pnrgov-cards-names.edi");
  ASSERT_NE(bytes.find("4111111111111111"), std::string::npos);
  Keep(bytes);
  Graph g = Build("booking:W9TQ7Z", 2);
  EXPECT_EQ(CountType(g, NodeType::kCard), 2u);
  const std::string json = GraphJson(g).dump();
  const std::string xml = GraphMl(g);
  for (const char* number : {"4111111111111111", "5500005555555559", "411111111111", "55555559"}) {
    EXPECT_EQ(json.find(number), std::string::npos) << number;
    EXPECT_EQ(xml.find(number), std::string::npos) << number;
  }
  EXPECT_NE(json.find("VI card ending 1111"), std::string::npos);
  // The traveller's Arabic name, with a Latin form beside it.
  const Node* fatima = nullptr;
  std::string originals;
  for (const Node& n : g.nodes) {
    if (n.type != NodeType::kTraveller || !n.original) continue;
    originals += *n.original + "; ";
    if (n.original->find("فاطمة") != std::string::npos) fatima = &n;
  }
  ASSERT_NE(fatima, nullptr) << originals;
  EXPECT_EQ(fatima->label, *fatima->original);
  ASSERT_TRUE(fatima->latin);
  EXPECT_FALSE(fatima->latin->empty());
}

TEST_F(GraphTest, TypesAndLimit) {
  Keep(Fixture("pnrgov/sq602_v11_1.edi"));
  Keep(SecondBooking());
  Graph all = Build("booking:W9TEND", 2);
  Graph some = Build("booking:W9TEND", 2, 200, {NodeType::kTraveller, NodeType::kBooking});
  EXPECT_LT(some.nodes.size(), all.nodes.size());
  for (const Node& n : some.nodes) {
    EXPECT_TRUE(n.type == NodeType::kTraveller || n.type == NodeType::kBooking) << n.id;
  }
  // Not passed through either: the other booking is reached only by the phone.
  EXPECT_EQ(FindNode(some, "booking:Q4PHNE"), nullptr);
  Graph few = Build("booking:W9TEND", 2, 3);
  EXPECT_EQ(few.nodes.size(), 3u);
  EXPECT_TRUE(few.truncated);
  EXPECT_FALSE(all.truncated);
  for (const Edge& e : few.edges) {
    EXPECT_NE(FindNode(few, e.source), nullptr);
    EXPECT_NE(FindNode(few, e.target), nullptr);
  }
}

TEST_F(GraphTest, GraphMlHasTheSameNodesAndEdges) {
  Keep(Fixture("pnrgov/sq602_v11_1.edi"));
  Keep(Fixture("retention/pnrgov-cards-names.edi"));
  Graph g = Build("flight:SQ602/2013-05-27", 2);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(GraphMl(g).c_str()));
  pugi::xml_node graph = doc.child("graphml").child("graph");
  size_t nodes = 0, edges = 0;
  for (pugi::xml_node n : graph.children("node")) {
    ++nodes;
    EXPECT_NE(FindNode(g, n.attribute("id").value()), nullptr);
  }
  for (pugi::xml_node e : graph.children("edge")) {
    ++edges;
    EXPECT_FALSE(std::string(e.child("data").text().get()).empty());
  }
  EXPECT_EQ(nodes, g.nodes.size());
  EXPECT_EQ(edges, g.edges.size());
  const Json j = GraphJson(g);
  EXPECT_EQ(j["nodes"].size(), nodes);
  EXPECT_EQ(j["edges"].size(), edges);
  EXPECT_EQ(j["node"], "flight:SQ602/2013-05-27");
}

TEST_F(GraphTest, DepersonalisedMessagesShowMaskedNodesWithoutNames) {
  const int64_t id = Keep(Fixture("pnrgov/sq602_v11_1.edi"), "2020-01-01T00:00:00Z");
  Graph before = Build("booking:X7KQ2B");
  ASSERT_NE(FindNode(before, TravellerId(id, 1)), nullptr);
  auto vault = store::Vault::FromHex(std::string(64, 'a'));
  ASSERT_TRUE(vault.ok());
  store::RetentionOptions options;
  options.now = "2020-08-01";
  auto run = store::RunRetention(*store_, *vault, options);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->manifests.depersonalised, 1);

  ASSERT_TRUE(index_.Refresh(*store_).ok());
  auto gone = BuildGraph(*store_, index_, {"booking:X7KQ2B", 1, 200, {}});
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.status().code(), Status::Code::kNotFound);
  Graph g = Build(TravellerId(id, 1));
  const Node* t = FindNode(g, TravellerId(id, 1));
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(t->masked);
  EXPECT_FALSE(t->original);
  EXPECT_EQ(t->label.find("KARIMI"), std::string::npos);
  EXPECT_EQ(t->properties["nationality"], "IRN");  // kept by the masking
  EXPECT_TRUE(HasEdge(g, TravellerId(id, 1), TravellerId(id, 2), "co-traveller"));
  EXPECT_NE(FindNode(g, "flight:SQ602/2013-05-27"), nullptr);
  for (const Node& n : g.nodes) {
    EXPECT_TRUE(n.type == NodeType::kTraveller || n.type == NodeType::kFlight) << n.id;
  }
  const std::string json = GraphJson(g).dump();
  EXPECT_EQ(json.find("KARIMI"), std::string::npos);
}

// PNRGOV sends a group booking's name as a TIF of its own (":G"): it names
// the booking, it is not a person travelling with the others.
TEST_F(GraphTest, AGroupNameNamesTheBookingNotATraveller) {
  const int64_t id = Keep(Fixture("pnrgov/group_v11_1.edi"));
  Graph g = Build("booking:G7TRVL");
  const Node* booking = FindNode(g, "booking:G7TRVL");
  ASSERT_NE(booking, nullptr);
  EXPECT_EQ(booking->properties["group"], "SILK ROAD TOURS");
  EXPECT_EQ(booking->properties["travellers"], 3);
  EXPECT_EQ(FindNode(g, TravellerId(id, 0)), nullptr);
  for (const Node& n : g.nodes) EXPECT_EQ(n.label.find("SILK ROAD"), std::string::npos) << n.id;
  EXPECT_TRUE(HasEdge(g, TravellerId(id, 1), TravellerId(id, 2), "co-traveller"));
}

TEST_F(GraphTest, AlertsTieTravellersAndHeldSubjectsToListEntries) {
  const int64_t id = Keep(Fixture("cli/xx101-seven.edi"));
  store::Cases cases(*store_);
  store::NewAlert a;
  a.subject_id = "traveller:0123456789abcdef";
  a.subject_key = "traveller:0123456789abcdef0123";
  a.subject_json = R"({"names":["AYMAN AL-ZAWAHIRI"],"traveller":0})";
  a.entity_id = "un:111923";
  a.list_id = "un";
  a.score = 0.97;
  a.source = "manifest";
  a.manifest_id = id;
  ASSERT_TRUE(
      store::Monitoring(*store_)
          .PutSubjects({{"c-001", {"Ayman al-Zawahiri"}, "1951", "EG", "", "", "", "person"}},
                       "test")
          .ok());
  store::NewAlert held;
  held.subject_id = "c-001";
  held.entity_id = "un:111923";
  held.list_id = "un";
  held.score = 0.91;
  auto raised = cases.Raise({a, held});
  ASSERT_TRUE(raised.ok()) << raised.status().ToString();
  const std::string first = "alert:" + std::to_string((*raised)[0].alert_id);
  const std::string second = "alert:" + std::to_string((*raised)[1].alert_id);

  // traveller - alert - entry - the held subject's alert, three edges away.
  Graph g = Build(TravellerId(id, 0), 3);
  EXPECT_TRUE(HasEdge(g, TravellerId(id, 0), first, "hit"));
  EXPECT_TRUE(HasEdge(g, first, "entity:un:111923", "hit"));
  EXPECT_TRUE(HasEdge(g, "entity:un:111923", second, "hit"));
  EXPECT_EQ(FindNode(g, "subject:c-001"), nullptr);
  EXPECT_EQ(FindNode(g, first)->properties["score"], 0.97);
  Graph alert = Build(second);
  EXPECT_TRUE(HasEdge(alert, "subject:c-001", second, "hit"));
  EXPECT_TRUE(HasEdge(alert, second, "entity:un:111923", "hit"));
  EXPECT_EQ(FindNode(alert, "subject:c-001")->label, "Ayman al-Zawahiri");
  // Co-traveller on booking ZW1951 (PAXLST RFF+AVF).
  EXPECT_TRUE(HasEdge(g, TravellerId(id, 0), TravellerId(id, 1), "co-traveller"));
  EXPECT_TRUE(HasEdge(g, TravellerId(id, 0), "booking:ZW1951", "booked-on"));
  // From the entity and from the subject.
  Graph e = Build("entity:un:111923");
  EXPECT_EQ(e.nodes.size(), 3u);  // the entry and its two alerts
  EXPECT_FALSE(FindNode(e, "entity:un:111923")->properties["listed"].get<bool>());
  Graph s = Build("subject:c-001", 2);
  EXPECT_NE(FindNode(s, "entity:un:111923"), nullptr);
}

TEST_F(GraphTest, UnknownNodesAreNotFoundAndMalformedOnesRefused) {
  Keep(Fixture("pnrgov/sq602_v11_1.edi"));
  ASSERT_TRUE(index_.Refresh(*store_).ok());
  for (const char* missing : {"booking:NOPE99", "phone:1234567", "traveller:99:0", "traveller:1:99",
                              "alert:5", "entity:un:1", "subject:nobody"}) {
    auto g = BuildGraph(*store_, index_, {missing, 1, 200, {}});
    ASSERT_FALSE(g.ok()) << missing;
    EXPECT_EQ(g.status().code(), Status::Code::kNotFound) << missing;
  }
  auto bad = BuildGraph(*store_, index_, {"planet:mars", 1, 200, {}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
}

TEST_F(GraphTest, TheIndexFollowsTheStore) {
  ASSERT_TRUE(index_.Refresh(*store_).ok());
  EXPECT_EQ(index_.messages(), 0u);
  const int64_t id = Keep(Fixture("pnrgov/sq602_v11_1.edi"));
  ASSERT_TRUE(index_.Refresh(*store_).ok());
  EXPECT_EQ(index_.messages(), 1u);
  EXPECT_EQ(index_.Lookup("booking:W9TEND"), std::vector<int64_t>{id});
  const int64_t second = Keep(SecondBooking());
  ASSERT_TRUE(index_.Refresh(*store_).ok());
  EXPECT_EQ(index_.Lookup("phone:96550012345"), (std::vector<int64_t>{second, id}));
}

// ~200 kept PNRGOV pushes: a graph around a node must come well under 200 ms.
TEST_F(GraphTest, TwoHundredMessagesAnswerQuickly) {
  const std::string base = Fixture("pnrgov/sq602_v11_1.edi");
  for (int i = 0; i < 200; ++i) {
    char locator[8], phone[16], ref[8];
    std::snprintf(locator, sizeof locator, "L%05d", i);
    std::snprintf(ref, sizeof ref, "R%05d", i);
    // Every tenth booking shares a phone with the one before.
    std::snprintf(phone, sizeof phone, "9655%07d", i - (i % 10 == 0 && i > 0 ? 1 : 0));
    std::string m = Replace(base, "W9TEND", locator);
    m = Replace(m, "X7KQ2B", std::string("M") + (locator + 1));
    m = Replace(m, "96550012345", phone);
    m = Replace(m, "020A07", ref);
    Keep(m);
  }
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(index_.Refresh(*store_).ok());
  const double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(index_.messages(), 200u);
  for (int depth = 1; depth <= 3; ++depth) {
    const auto start = std::chrono::steady_clock::now();
    Graph g = Build("booking:L00010", depth);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf(
        "[ timing ] 200 PNRGOV kept: index built in %.1f ms; booking at depth %d: %zu "
        "nodes, %zu edges in %.2f ms\n",
        build_ms, depth, g.nodes.size(), g.edges.size(), ms);
    EXPECT_LT(ms, 200.0);
  }
  // The flight every message is about: 600 travellers, more than the limit.
  for (size_t limit : {size_t{200}, size_t{2000}}) {
    const auto start = std::chrono::steady_clock::now();
    Graph flight = Build("flight:SQ602/2013-05-27", 2, limit);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf(
        "[ timing ] the flight of 200 messages at depth 2, limit %zu: %zu nodes, %zu "
        "edges in %.2f ms\n",
        limit, flight.nodes.size(), flight.edges.size(), ms);
    if (limit == 200) {
      EXPECT_TRUE(flight.truncated);
      EXPECT_EQ(flight.nodes.size(), 200u);
    }
  }
}

}  // namespace
}  // namespace hudud::network
