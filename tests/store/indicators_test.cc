// The dashboard's indicators (store/indicators.h): kept messages counted by
// their flight's day with declared and screened travellers and the home
// airports' sides, alerts raised and decided in exactly the buckets of their
// times (day, ISO week, month), median and 90th-percentile handling times,
// rates by list, list versions and the re-screens they caused, what
// retention has left undone, bad ranges refused, and the time it takes over
// 10,000 alerts.
#include "store/indicators.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "store/audit.h"
#include "store/cases.h"
#include "store/manifests.h"
#include "travel/passenger_message.h"

namespace hudud::store {
namespace {

std::string Fixture(const std::string& path) {
  std::ifstream in(std::string(HUDUD_TESTDATA_DIR) + "/travel/" + path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class IndicatorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("hudud-indicators-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Remove();
    auto s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
    ASSERT_EQ(sqlite3_open(path_.c_str(), &raw_), SQLITE_OK);
    sqlite3_busy_timeout(raw_, 5000);
  }
  void TearDown() override {
    sqlite3_close(raw_);
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  void Sql(const std::string& sql) {
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(raw_, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK)
        << (err ? err : "") << "\n"
        << sql;
  }

  // Keeps a message as the server does; returns the travellers read.
  int Keep(const std::string& bytes, const std::string& received_at = "",
           bool no_departure = false) {
    auto m = travel::ParsePassengerMessage(bytes, "auto");
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    const travel::FlightLeg& first = m->flights.front();
    const travel::FlightLeg& last = m->flights.back();
    StoredManifest s;
    s.format = std::string(travel::ToString(m->format));
    s.departure = no_departure ? "" : first.departure.date.ToString();
    s.flight = first.Id() + " " + first.origin + "-" + last.destination + " " + s.departure;
    s.travellers = static_cast<int>(m->travellers.size());
    s.sha256 = Sha256Hex(bytes + received_at);
    s.received_at = received_at;
    s.received_by = "amina";
    s.raw = bytes;
    EXPECT_TRUE(SaveManifest(*store_, s).ok());
    return s.travellers;
  }

  // Raises an alert on a fresh subject, then sets its times and state.
  int64_t Alert(const std::string& list, const std::string& raised, const std::string& decided = "",
                const std::string& decision = "", const std::string& outcome = "") {
    NewAlert a;
    a.subject_id = "s" + std::to_string(++subjects_);
    a.entity_id = list + ":1";
    a.list_id = list;
    a.score = 0.9;
    auto r = Cases(*store_).Raise({a});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    const int64_t id = (*r)[0].alert_id;
    const bool closed = decision == "confirmed" || decision == "false-positive";
    Sql("UPDATE alerts SET raised_at = '" + raised + "', decided_at = '" + decided +
        "', decision = '" + decision + "', outcome = '" + outcome + "', status = '" +
        (closed ? "closed" : "open") + "' WHERE id = " + std::to_string(id));
    return id;
  }

  Indicators Compute(const std::string& from, const std::string& to, IndicatorBucket bucket,
                     std::vector<std::string> home = {}, const std::string& now = "") {
    IndicatorsQuery q;
    q.from = from;
    q.to = to;
    q.bucket = bucket;
    q.home_airports = std::move(home);
    q.now = now;
    auto r = ComputeIndicators(*store_, q);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : Indicators{};
  }

  static const PeriodIndicators& Period(const Indicators& in, const std::string& period) {
    for (const PeriodIndicators& p : in.series) {
      if (p.period == period) return p;
    }
    static const PeriodIndicators kNone;
    ADD_FAILURE() << "no period " << period;
    return kNone;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  sqlite3* raw_ = nullptr;
  int subjects_ = 0;
};

TEST_F(IndicatorsTest, KeptMessagesByTheirFlightsDay) {
  const int seven = Keep(Fixture("cli/xx101-seven.edi"));  // XX101 DYU-KWI 2024-11-04, CNT+42:7
  const int flawed = Keep(Fixture("paxlst/flawed.edi"));   // XX777 DXB-KWI 2024-11-05, CNT+42:6
  const int crew = Keep(Fixture("paxlst/d15b-crew.edi"));  // KU117 KWI-LHR 2025-01-10, CNT+41:3
  const int mixed = Keep(Fixture("paxlst/all-roles-fields.edi"));  // IST-JFK 2024-11-04, 42:2 41:2
  // No departure date: counted on the day it was received (a Sunday).
  const int pnr = Keep(Fixture("pnrgov/sq602_v11_1.edi"), "2024-11-10T08:00:00Z", true);
  ASSERT_EQ(seven, 7);
  ASSERT_EQ(flawed, 5);
  ASSERT_EQ(crew, 3);
  ASSERT_EQ(mixed, 4);
  ASSERT_EQ(pnr, 3);

  Indicators week = Compute("2024-11-01", "2024-11-30", IndicatorBucket::kWeek, {"kwi"});
  ASSERT_EQ(week.series.size(), 5u);
  EXPECT_EQ(week.series.front().period, "2024-10-28");
  EXPECT_EQ(week.series.back().period, "2024-11-25");
  const PeriodIndicators& w = Period(week, "2024-11-04");
  EXPECT_EQ(w.manifests, 4);
  EXPECT_EQ(w.travellers_screened, 7 + 5 + 4 + 3);
  EXPECT_EQ(w.travellers_declared, 7 + 6 + 4 + 3);  // flawed declares 6; PNRGOV: those read
  EXPECT_EQ(*w.arriving, 7 + 5);
  EXPECT_EQ(*w.departing, 0);
  EXPECT_EQ(Period(week, "2024-10-28").manifests, 0);
  EXPECT_EQ(week.coverage.travellers_declared, 20);
  EXPECT_EQ(week.coverage.travellers_screened, 19);
  EXPECT_DOUBLE_EQ(*week.coverage.ratio, 19.0 / 20.0);
  EXPECT_EQ(*week.coverage.arriving, 12);
  EXPECT_EQ(*week.coverage.departing, 0);

  Indicators day = Compute("2024-11-04", "2024-11-10", IndicatorBucket::kDay);
  ASSERT_EQ(day.series.size(), 7u);
  EXPECT_EQ(Period(day, "2024-11-04").manifests, 2);
  EXPECT_EQ(Period(day, "2024-11-05").travellers_declared, 6);
  EXPECT_EQ(Period(day, "2024-11-10").manifests, 1);
  EXPECT_FALSE(Period(day, "2024-11-04").arriving);  // no home airports: not known
  EXPECT_FALSE(day.coverage.departing);

  Indicators jan = Compute("2025-01-01", "2025-01-31", IndicatorBucket::kMonth, {"KWI"});
  ASSERT_EQ(jan.series.size(), 1u);
  EXPECT_EQ(jan.series[0].period, "2025-01-01");
  EXPECT_EQ(jan.series[0].travellers_declared, 3);
  EXPECT_EQ(*jan.series[0].departing, 3);
  EXPECT_EQ(*jan.series[0].arriving, 0);

  // The message received in 2024 is long past its depersonalisation date.
  EXPECT_EQ(week.retention.due_now, 1);
  EXPECT_FALSE(week.retention.compliant);
  EXPECT_FALSE(week.retention.last_run_at);
}

TEST_F(IndicatorsTest, AlertsAndDecisionsInTheBucketsOfTheirTimes) {
  Alert("un", "2024-11-04T10:00:00Z", "2024-11-04T12:00:00Z", "confirmed", "refer");  // 2 h
  Alert("un", "2024-11-05T00:00:00Z", "2024-11-06T00:00:00Z", "false-positive");      // 24 h
  Alert("ofac-sdn", "2024-11-12T00:00:00Z", "2024-11-12T06:00:00Z", "inconclusive");  // 6 h
  Alert("ofac-sdn", "2024-11-12T00:00:00Z");
  // Raised before the range, decided in it; raised in it, decided after it.
  Alert("un", "2024-10-31T00:00:00Z", "2024-11-01T00:00:00Z", "false-positive");  // 24 h
  Alert("un", "2024-11-20T00:00:00Z", "2024-12-02T00:00:00Z", "confirmed", "deny-boarding");

  Indicators week =
      Compute("2024-11-01", "2024-11-30", IndicatorBucket::kWeek, {}, "2024-11-12T12:00:00Z");
  const PeriodIndicators& w44 = Period(week, "2024-10-28");
  EXPECT_EQ(w44.alerts_raised, 0);
  EXPECT_EQ(w44.false_positive, 1);
  EXPECT_DOUBLE_EQ(*w44.median_handling_hours, 24.0);
  const PeriodIndicators& w45 = Period(week, "2024-11-04");
  EXPECT_EQ(w45.alerts_raised, 2);
  EXPECT_EQ(w45.confirmed, 1);
  EXPECT_EQ(w45.false_positive, 1);
  EXPECT_EQ(w45.refer, 1);
  EXPECT_DOUBLE_EQ(*w45.median_handling_hours, 13.0);  // of 2 and 24
  const PeriodIndicators& w46 = Period(week, "2024-11-11");
  EXPECT_EQ(w46.alerts_raised, 2);
  EXPECT_EQ(w46.inconclusive, 1);
  EXPECT_DOUBLE_EQ(*w46.median_handling_hours, 6.0);
  const PeriodIndicators& w47 = Period(week, "2024-11-18");
  EXPECT_EQ(w47.alerts_raised, 1);
  EXPECT_EQ(w47.confirmed, 0);  // decided in December
  EXPECT_EQ(w47.deny_boarding, 0);
  EXPECT_FALSE(w47.median_handling_hours);
  EXPECT_EQ(Period(week, "2024-11-25").alerts_raised, 0);

  // Decided in the range: 24, 2, 24, 6 hours.
  EXPECT_DOUBLE_EQ(*week.handling.median_hours, 15.0);
  EXPECT_DOUBLE_EQ(*week.handling.p90_hours, 24.0);
  EXPECT_EQ(week.handling.open, 2);
  EXPECT_DOUBLE_EQ(*week.handling.oldest_open_hours, 12.0);

  // By list: the alerts raised in the range, as they stand now.
  ASSERT_EQ(week.by_list.size(), 2u);
  const ListIndicators& ofac = week.by_list[0];
  EXPECT_EQ(ofac.list, "ofac-sdn");
  EXPECT_EQ(ofac.alerts, 2);
  EXPECT_EQ(ofac.inconclusive, 1);
  EXPECT_EQ(ofac.open, 2);
  EXPECT_FALSE(ofac.false_positive_rate);
  const ListIndicators& un = week.by_list[1];
  EXPECT_EQ(un.list, "un");
  EXPECT_EQ(un.alerts, 3);
  EXPECT_EQ(un.confirmed, 2);
  EXPECT_EQ(un.false_positive, 1);
  EXPECT_EQ(un.open, 0);
  EXPECT_DOUBLE_EQ(*un.false_positive_rate, 1.0 / 3.0);

  Indicators day = Compute("2024-11-04", "2024-11-06", IndicatorBucket::kDay);
  EXPECT_EQ(Period(day, "2024-11-04").alerts_raised, 1);
  EXPECT_EQ(Period(day, "2024-11-04").confirmed, 1);
  EXPECT_EQ(Period(day, "2024-11-05").alerts_raised, 1);
  EXPECT_EQ(Period(day, "2024-11-05").false_positive, 0);
  EXPECT_EQ(Period(day, "2024-11-06").false_positive, 1);

  Indicators month = Compute("2024-11-01", "2024-12-31", IndicatorBucket::kMonth);
  ASSERT_EQ(month.series.size(), 2u);
  const PeriodIndicators& nov = Period(month, "2024-11-01");
  EXPECT_EQ(nov.alerts_raised, 5);
  EXPECT_EQ(nov.confirmed, 1);
  EXPECT_EQ(nov.false_positive, 2);
  EXPECT_EQ(nov.inconclusive, 1);
  EXPECT_EQ(nov.refer, 1);
  const PeriodIndicators& dec = Period(month, "2024-12-01");
  EXPECT_EQ(dec.confirmed, 1);
  EXPECT_EQ(dec.deny_boarding, 1);
  EXPECT_DOUBLE_EQ(*dec.median_handling_hours, 12 * 24.0);
}

TEST_F(IndicatorsTest, ListVersionsAndTheReScreensTheyCaused) {
  lists::ParsedList list;
  list.list_id = "kw-national";
  list.format = "csv";
  list.generated_at = "2024-11-03T12:00:00Z";
  model::Entity e;
  e.id = "kw-national:1";
  e.list_id = "kw-national";
  e.source_id = "1";
  e.names.push_back({"Abdullah Mohammed al-Ansari"});
  list.entities.push_back(e);
  auto imported = store_->ImportList(list, "kw.csv", "sha-kw-1");
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  const int64_t version = imported->version.id;
  // The server's record of the re-screen, and the alert it raised.
  AuditEntry rescreen;
  rescreen.actor = "lena";
  rescreen.role = "list-manager";
  rescreen.purpose = "list-management";
  rescreen.action = AuditAction::kCombination;
  rescreen.object = "subjects";
  rescreen.detail = R"({"rescreen":"list:kw-national","version":)" + std::to_string(version) +
                    R"(,"hits":1,"alerts_raised":1,"alerts_closed":0})";
  ASSERT_TRUE(AppendAudit(*store_, {rescreen}).ok());
  NewAlert a;
  a.subject_id = "c-1";
  a.entity_id = "kw-national:1";
  a.list_id = "kw-national";
  a.version_id = version;
  a.trigger = "list-change";
  ASSERT_TRUE(Cases(*store_).Raise({a}).ok());

  Indicators in = Compute("", "", IndicatorBucket::kDay);  // the last 30 days
  EXPECT_EQ(in.series.size(), 30u);
  ASSERT_EQ(in.designations.size(), 1u);
  const DesignationIndicators& d = in.designations[0];
  EXPECT_EQ(d.list, "kw-national");
  EXPECT_EQ(d.version, version);
  EXPECT_EQ(d.generated_at, "2024-11-03T12:00:00Z");
  ASSERT_TRUE(d.hours_to_import);
  EXPECT_GT(*d.hours_to_import, 24.0);
  ASSERT_TRUE(d.rescreened_at);
  ASSERT_TRUE(d.seconds_to_rescreen);
  EXPECT_GE(*d.seconds_to_rescreen, -1.0);  // the same second, to the millisecond
  EXPECT_LT(*d.seconds_to_rescreen, 60.0);
  EXPECT_EQ(d.alerts_raised, 1);
  EXPECT_EQ(in.retention.due_now, 0);
  EXPECT_TRUE(in.retention.compliant);
}

TEST_F(IndicatorsTest, BadRangesAreRefused) {
  IndicatorsQuery q;
  for (auto [from, to] :
       std::vector<std::pair<std::string, std::string>>{{"2024-13-01", "2024-12-01"},
                                                        {"2024-02-30", "2024-03-01"},
                                                        {"yesterday", ""},
                                                        {"2024-11-02", "2024-11-01"},
                                                        {"2000-01-01", "2024-01-01"}}) {
    q.from = from;
    q.to = to;
    auto r = ComputeIndicators(*store_, q);
    EXPECT_FALSE(r.ok()) << from << ".." << to;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    }
  }
  EXPECT_TRUE(ParseIndicatorBucket("week").ok());
  EXPECT_FALSE(ParseIndicatorBucket("year").ok());
}

// 10,000 alerts over 30 days, most of them decided, and 100 kept flights.
TEST_F(IndicatorsTest, TenThousandAlerts) {
  std::vector<NewAlert> alerts;
  for (int i = 0; i < 10000; ++i) {
    NewAlert a;
    a.subject_id = "s" + std::to_string(i);
    a.entity_id = "un:" + std::to_string(i % 97);
    a.list_id = i % 3 == 0 ? "ofac-sdn" : "un";
    a.score = 0.8;
    alerts.push_back(std::move(a));
  }
  ASSERT_TRUE(Cases(*store_).Raise(alerts).ok());
  Sql("UPDATE alerts SET raised_at = strftime('%Y-%m-%dT%H:%M:%SZ', '2024-11-01', "
      "'+' || ((id * 259) % 2592000) || ' seconds')");
  Sql("UPDATE alerts SET decided_at = strftime('%Y-%m-%dT%H:%M:%SZ', raised_at, "
      "'+' || ((id * 37) % 200000) || ' seconds'), decision = CASE id % 3 WHEN 0 THEN 'confirmed' "
      "WHEN 1 THEN 'false-positive' ELSE 'inconclusive' END, outcome = CASE WHEN id % 3 = 0 "
      "THEN 'refer' ELSE '' END, status = CASE WHEN id % 3 = 2 THEN 'open' ELSE 'closed' END "
      "WHERE id % 10 <> 0");
  {
    const auto start = std::chrono::steady_clock::now();
    Indicators in = Compute("2024-11-01", "2024-11-30", IndicatorBucket::kDay);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("[ timing ] 10,000 alerts, no kept flight, by day: %.1f ms\n", ms);
    EXPECT_EQ(in.series.size(), 30u);
  }
  const std::string flight = Fixture("cli/xx101-seven.edi");
  for (int i = 0; i < 100; ++i) {
    char at[32];
    std::snprintf(at, sizeof at, "2024-11-10T%02d:%02d:00Z", i / 60, i % 60);
    Keep(flight, at);
  }

  // Decisions made after 30 November fall outside the range.
  sqlite3_stmt* late_query = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw_, "SELECT count(*) FROM alerts WHERE decided_at >= '2024-12-01'",
                               -1, &late_query, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(late_query), SQLITE_ROW);
  const int64_t late = sqlite3_column_int64(late_query, 0);
  sqlite3_finalize(late_query);

  for (IndicatorBucket bucket : {IndicatorBucket::kDay, IndicatorBucket::kWeek}) {
    const auto start = std::chrono::steady_clock::now();
    Indicators in = Compute("2024-11-01", "2024-11-30", bucket, {"KWI"});
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("[ timing ] 10,000 alerts, 100 kept flights, by %s: %.1f ms\n",
                std::string(ToString(bucket)).c_str(), ms);
    int64_t raised = 0, decided = 0;
    for (const PeriodIndicators& p : in.series) {
      raised += p.alerts_raised;
      decided += p.confirmed + p.false_positive + p.inconclusive;
    }
    EXPECT_EQ(raised, 10000);
    EXPECT_EQ(decided, 9000 - late);
    EXPECT_EQ(in.coverage.travellers_screened, 700);
    EXPECT_LT(ms, 2000.0);
  }
}

}  // namespace
}  // namespace hudud::store
