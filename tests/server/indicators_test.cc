// GET /v1/indicators end to end: flights sent through POST /v1/manifests
// and the alerts they raise decided through the API, then the counts per
// bucket, the rates by list, the CSV beside the JSON, the home airports'
// arriving and departing, bad parameters refused, and who may read them
// (no purpose: they name nobody).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "live_server.h"

namespace hudud::server {
namespace {

using api::Json;

std::string Fixture(const std::string& path) {
  std::ifstream in(std::string(HUDUD_TESTDATA_DIR) + "/travel/" + path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

class IndicatorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ServerOptions o;
    o.home_airports = {"KWI"};
    live_ = new LiveServer("indicators", o);
    // XX101 DYU-KWI 2024-11-04 (7, CNT+42:7; hits the UN list), XX777
    // DXB-KWI 2024-11-05 (5 read, CNT+42:6), KU117 KWI-LHR 2025-01-10 (3
    // crew, CNT+41:3).
    for (const char* f : {"cli/xx101-seven.edi", "paxlst/flawed.edi", "paxlst/d15b-crew.edi"}) {
      auto r = live_->Post("/v1/manifests", Fixture(f), "amina", "ct-investigation",
                           "application/edifact");
      ASSERT_TRUE(r);
      ASSERT_EQ(r->status, 200) << f << ": " << r->body;
    }
    // A border officer's refer: one more alert, from a screening.
    auto screened = live_->Post("/v1/screen", R"({"name":"Mokhtar Belmokhtar","dob":"1972"})",
                                "omar", "border-control");
    ASSERT_TRUE(screened);
    ASSERT_EQ(screened->status, 200) << screened->body;
    auto q = live_->Get("/v1/alerts?limit=1000", "amina", "ct-investigation");
    ASSERT_TRUE(q);
    alerts_ = LiveServer::Body(q)["alerts"];
    ASSERT_GE(alerts_.size(), 3u) << q->body;
    // One confirmed (and referred), one false positive, one inconclusive.
    const char* decisions[] = {"confirmed", "false-positive", "inconclusive"};
    for (int i = 0; i < 3; ++i) {
      const std::string id = std::to_string(alerts_[i]["id"].get<int64_t>());
      auto d = live_->Post("/v1/alerts/" + id + "/decide",
                           std::string(R"({"decision":")") + decisions[i] +
                               R"(","justification":"checked against the passport at secondary"})",
                           "karim", "ct-investigation");
      ASSERT_TRUE(d);
      ASSERT_EQ(d->status, 200) << d->body;
    }
    const std::string first = std::to_string(alerts_[0]["id"].get<int64_t>());
    auto o2 = live_->Post("/v1/alerts/" + first + "/outcome",
                          R"({"outcome":"refer","detail":"referred to the CT unit, file 311"})",
                          "karim", "ct-investigation");
    ASSERT_TRUE(o2);
    ASSERT_EQ(o2->status, 200) << o2->body;
  }
  static void TearDownTestSuite() { delete live_; }

  static Json Get(const std::string& query, const std::string& user = "amina") {
    auto r = live_->Get("/v1/indicators" + query, user, "");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << query << ": " << r->body;
    return LiveServer::Body(r);
  }

  static LiveServer* live_;
  static Json alerts_;
};

LiveServer* IndicatorsTest::live_ = nullptr;
Json IndicatorsTest::alerts_;

TEST_F(IndicatorsTest, FlightsByWeekAndMonth) {
  Json w = Get("?from=2024-11-01&to=2024-11-30&bucket=week");
  EXPECT_EQ(w["from"], "2024-11-01");
  EXPECT_EQ(w["to"], "2024-11-30");
  EXPECT_EQ(w["bucket"], "week");
  ASSERT_EQ(w["series"].size(), 5u);
  EXPECT_EQ(w["series"][0]["period"], "2024-10-28");
  const Json& week = w["series"][1];
  EXPECT_EQ(week["period"], "2024-11-04");
  EXPECT_EQ(week["manifests"], 2);
  EXPECT_EQ(week["travellers_declared"], 13);
  EXPECT_EQ(week["travellers_screened"], 12);
  EXPECT_EQ(week["arriving"], 12);
  EXPECT_EQ(week["departing"], 0);
  EXPECT_EQ(w["coverage"]["travellers_declared"], 13);
  EXPECT_EQ(w["coverage"]["travellers_screened"], 12);
  EXPECT_DOUBLE_EQ(w["coverage"]["ratio"].get<double>(), 12.0 / 13.0);
  Json jan = Get("?from=2025-01-01&to=2025-01-31&bucket=month");
  ASSERT_EQ(jan["series"].size(), 1u);
  EXPECT_EQ(jan["series"][0]["period"], "2025-01-01");
  EXPECT_EQ(jan["series"][0]["departing"], 3);
  EXPECT_EQ(jan["series"][0]["arriving"], 0);
  EXPECT_EQ(jan["coverage"]["departing"], 3);
}

TEST_F(IndicatorsTest, AlertsAndDecisionsToday) {
  Json in = Get("");  // the last 30 days, by day
  EXPECT_EQ(in["bucket"], "day");
  ASSERT_EQ(in["series"].size(), 30u);
  const Json& today = in["series"][29];
  EXPECT_EQ(today["period"], in["to"]);
  EXPECT_EQ(today["alerts_raised"], alerts_.size());
  EXPECT_EQ(today["confirmed"], 1);
  EXPECT_EQ(today["false_positive"], 1);
  EXPECT_EQ(today["inconclusive"], 1);
  EXPECT_EQ(today["outcomes"]["refer"], 1);
  EXPECT_EQ(today["outcomes"]["deny-boarding"], 0);
  EXPECT_EQ(today["outcomes"]["freeze-report"], 0);
  ASSERT_TRUE(today["median_handling_hours"].is_number());
  EXPECT_GE(today["median_handling_hours"].get<double>(), 0.0);
  // The flights left in 2024: none today.
  EXPECT_EQ(today["manifests"], 0);
  ASSERT_EQ(in["by_list"].size(), 1u);
  const Json& un = in["by_list"][0];
  EXPECT_EQ(un["list"], "un");
  EXPECT_EQ(un["alerts"], alerts_.size());
  EXPECT_EQ(un["confirmed"], 1);
  EXPECT_EQ(un["false_positive"], 1);
  EXPECT_EQ(un["inconclusive"], 1);
  EXPECT_EQ(un["open"], alerts_.size() - 2);  // inconclusive stays open
  EXPECT_DOUBLE_EQ(un["false_positive_rate"].get<double>(), 0.5);
  EXPECT_EQ(in["handling"]["open"], alerts_.size() - 2);
  EXPECT_TRUE(in["handling"]["median_hours"].is_number());
  EXPECT_TRUE(in["handling"]["p90_hours"].is_number());
  // The UN list the server was started with, imported today.
  ASSERT_GE(in["designations"].size(), 1u);
  EXPECT_EQ(in["designations"][0]["list"], "un");
  EXPECT_EQ(in["designations"][0]["alerts_raised"], 0);
  EXPECT_EQ(in["retention"]["due_now"], 0);
  EXPECT_EQ(in["retention"]["compliant"], true);
  // Nobody is named.
  for (const char* name : {"ZAWAHIRI", "111923", "A01234567", "amina", "karim"}) {
    EXPECT_EQ(in.dump().find(name), std::string::npos) << name;
  }
}

TEST_F(IndicatorsTest, CsvMatchesJson) {
  const std::string q = "?from=2024-11-01&to=2024-11-10";
  Json j = Get(q);
  auto r = live_->Get("/v1/indicators" + q + "&format=csv", "amina", "");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r->get_header_value("Content-Disposition"),
            "attachment; filename=\"indicators-2024-11-01-2024-11-10.csv\"");
  const std::vector<std::string> lines = Split(r->body, '\n');
  ASSERT_EQ(lines.size(), 1 + j["series"].size());
  const std::vector<std::string> header = Split(lines[0], ',');
  const std::vector<std::string> expected = {"period",
                                             "manifests",
                                             "travellers_declared",
                                             "travellers_screened",
                                             "arriving",
                                             "departing",
                                             "alerts_raised",
                                             "confirmed",
                                             "false_positive",
                                             "inconclusive",
                                             "outcome_refer",
                                             "outcome_deny_boarding",
                                             "outcome_freeze_report",
                                             "median_handling_hours"};
  EXPECT_EQ(header, expected);
  for (size_t i = 0; i < j["series"].size(); ++i) {
    const Json& p = j["series"][i];
    std::vector<std::string> row = Split(lines[i + 1], ',');
    row.resize(header.size());
    EXPECT_EQ(row[0], p["period"]);
    for (size_t c = 1; c < header.size(); ++c) {
      const std::string& key = header[c];
      Json v = key.rfind("outcome_", 0) == 0
                   ? p["outcomes"][key == "outcome_refer"           ? "refer"
                                   : key == "outcome_deny_boarding" ? "deny-boarding"
                                                                    : "freeze-report"]
                   : p[key];
      EXPECT_EQ(row[c], v.is_null() ? "" : v.dump()) << p["period"] << " " << key;
    }
  }
  EXPECT_EQ(Split(lines[4], ',')[1], "1");  // 2024-11-04: one flight
}

TEST_F(IndicatorsTest, BadParametersAreRefused) {
  const std::pair<const char*, const char*> bad[] = {{"?from=2024-13-01", "from"},
                                                     {"?to=2024-11-31", "to"},
                                                     {"?from=11/04/2024", "from"},
                                                     {"?bucket=year", "bucket"},
                                                     {"?from=2024-11-10&to=2024-11-01", "before"},
                                                     {"?format=xml", "format"},
                                                     {"?from=2000-01-01&to=2024-01-01", "days"}};
  for (const auto& [query, named] : bad) {
    auto r = live_->Get(std::string("/v1/indicators") + query, "amina", "");
    LiveServer::ExpectProblem(r, 400, "invalid-request");
    if (r) {
      EXPECT_NE(LiveServer::Body(r)["detail"].get<std::string>().find(named), std::string::npos)
          << query << ": " << r->body;
    }
  }
}

TEST_F(IndicatorsTest, WhoMayReadThem) {
  for (const char* user : {"root", "lena", "amina", "dpo"}) {
    auto r = live_->Get("/v1/indicators", user, "");  // no purpose needed
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << user << ": " << r->body;
  }
  for (const char* user : {"omar", "bank"}) {
    LiveServer::ExpectProblem(live_->Get("/v1/indicators", user, "border-control"), 403,
                              "forbidden");
  }
  LiveServer::ExpectProblem(live_->Get("/v1/indicators", "", ""), 401, "unauthenticated");
}

TEST(IndicatorsWithoutHomeAirportsTest, ArrivingAndDepartingAreUnknown) {
  LiveServer live("indicators-nohome");
  auto r = live.Post("/v1/manifests", Fixture("cli/xx101-seven.edi"), "omar", "border-control",
                     "application/edifact");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto g = live.Get("/v1/indicators?from=2024-11-04&to=2024-11-04", "root", "");
  ASSERT_TRUE(g);
  ASSERT_EQ(g->status, 200) << g->body;
  Json in = LiveServer::Body(g);
  EXPECT_EQ(in["series"][0]["travellers_screened"], 7);
  EXPECT_EQ(in["series"][0]["arriving"], nullptr);
  EXPECT_EQ(in["series"][0]["departing"], nullptr);
  EXPECT_EQ(in["coverage"]["travellers_screened"], 7);
  EXPECT_EQ(in["coverage"]["arriving"], nullptr);
}

}  // namespace
}  // namespace hudud::server
