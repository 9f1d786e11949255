// The dashboard's indicators from SQL aggregates (store/indicators.h).
#include "store/indicators.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "store/db.h"
#include "travel/passenger_message.h"

namespace hudud::store {
namespace {

constexpr std::array<std::string_view, 3> kBuckets = {"day", "week", "month"};

// Days since 1970-01-01 of a valid "YYYY-MM-DD" (proleptic Gregorian).
std::optional<int64_t> DayNumber(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const int y = std::stoi(std::string(s.substr(0, 4)));
  const int m = std::stoi(std::string(s.substr(5, 2)));
  const int d = std::stoi(std::string(s.substr(8, 2)));
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap ? 1 : 0)) {
    return std::nullopt;
  }
  // Howard Hinnant's days_from_civil.
  const int yy = y - (m <= 2 ? 1 : 0);
  const int era = yy / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + doe - 719468;
}

std::string DayString(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp + (mp < 10 ? 3 : -9);
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                static_cast<int>(d));
  return buf;
}

// The first day of the bucket holding day `n`.
int64_t BucketStart(int64_t n, IndicatorBucket bucket) {
  switch (bucket) {
    case IndicatorBucket::kDay:
      return n;
    case IndicatorBucket::kWeek:
      return n - (((n + 3) % 7) + 7) % 7;  // 1970-01-01 was a Thursday
    case IndicatorBucket::kMonth:
      return *DayNumber(DayString(n).substr(0, 8) + "01");
  }
  return n;
}

int64_t NextBucket(int64_t start, IndicatorBucket bucket) {
  switch (bucket) {
    case IndicatorBucket::kDay:
      return start + 1;
    case IndicatorBucket::kWeek:
      return start + 7;
    case IndicatorBucket::kMonth:
      return BucketStart(start + 31, bucket);
  }
  return start + 1;
}

// The SQL expression of the hours from timestamp `from` to `to`, to the
// second (julianday's floating point would make 13 hours 13.000000002).
std::string Hours(const std::string& from, const std::string& to) {
  return "(CAST(strftime('%s', " + to + ") AS INTEGER) - CAST(strftime('%s', " + from +
         ") AS INTEGER)) / 3600.0";
}

// The SQL expression of the bucket (its first day) of a date or timestamp
// column; the same buckets as BucketStart.
std::string BucketSql(IndicatorBucket bucket, const std::string& column) {
  switch (bucket) {
    case IndicatorBucket::kDay:
      return "substr(" + column + ", 1, 10)";
    case IndicatorBucket::kWeek:
      return "date(substr(" + column + ", 1, 10), 'weekday 0', '-6 days')";
    case IndicatorBucket::kMonth:
      return "substr(" + column + ", 1, 7) || '-01'";
  }
  return column;
}

std::optional<double> OptionalDouble(sqlite3_stmt* s, int col) {
  if (sqlite3_column_type(s, col) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(s, col);
}

std::optional<std::string> OptionalText(sqlite3_stmt* s, int col) {
  if (sqlite3_column_type(s, col) == SQLITE_NULL) return std::nullopt;
  return std::string(ColumnText(s, col));
}

// Runs `sql` with text parameters ?1.. and calls `row` for each row.
template <typename Row>
Status ForEachRow(Store::Impl& impl, const std::string& sql, const std::vector<std::string>& binds,
                  Row&& row) {
  Result<Stmt> q = impl.Prepare(sql);
  if (!q.ok()) return q.status();
  for (size_t i = 0; i < binds.size(); ++i) BindText(*q, static_cast<int>(i) + 1, binds[i]);
  for (;;) {
    Result<bool> more = impl.Step(*q, "computing indicators");
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
    row(q->get());
  }
}

// The route of a kept flight ("XX101 DYU-KWI 2024-11-04": its first
// departure and last arrival airports), empty when it has none.
std::pair<std::string, std::string> Route(std::string_view flight) {
  size_t start = 0;
  while (start < flight.size()) {
    size_t end = flight.find(' ', start);
    if (end == std::string_view::npos) end = flight.size();
    const std::string_view word = flight.substr(start, end - start);
    const size_t dash = word.find('-');
    if (dash >= 3 && dash <= 4 && word.size() - dash - 1 >= 3 && word.size() - dash - 1 <= 4 &&
        word.find('-', dash + 1) == std::string_view::npos) {
      return {std::string(word.substr(0, dash)), std::string(word.substr(dash + 1))};
    }
    start = end + 1;
  }
  return {};
}

// The travellers a kept message declares: its control totals (PAXLST
// CNT+42 and CNT+41), each replaced by the records read when not sent;
// nullopt when it declares none or does not read.
std::optional<int64_t> Declared(std::string_view raw, std::string_view format) {
  if (raw.empty()) return std::nullopt;
  Result<travel::Manifest> m = travel::ParsePassengerMessage(raw, format);
  if (!m.ok() || (!m->declared_passengers && !m->declared_crew)) return std::nullopt;
  const int64_t crew = static_cast<int64_t>(m->CrewCount());
  const int64_t passengers = static_cast<int64_t>(m->travellers.size()) - crew;
  return m->declared_passengers.value_or(passengers) + m->declared_crew.value_or(crew);
}

// The seq of the first audit record at or after `at` (records are appended
// in time order); one past the last when there is none. A binary search of
// point lookups: the audit log has no index on time.
Result<int64_t> FirstAuditSeqFrom(Store::Impl& impl, const std::string& at) {
  Result<Stmt> bounds =
      impl.Prepare("SELECT coalesce(min(seq), 1), coalesce(max(seq), 0) FROM audit_log");
  if (!bounds.ok()) return bounds.status();
  Result<bool> row = impl.Step(*bounds, "reading the audit log's bounds");
  if (!row.ok()) return row.status();
  int64_t lo = sqlite3_column_int64(bounds->get(), 0);
  int64_t hi = sqlite3_column_int64(bounds->get(), 1) + 1;
  Result<Stmt> probe =
      impl.Prepare("SELECT seq, at >= ?2 FROM audit_log WHERE seq >= ?1 ORDER BY seq LIMIT 1");
  if (!probe.ok()) return probe.status();
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo) / 2;
    sqlite3_reset(probe->get());
    sqlite3_bind_int64(probe->get(), 1, mid);
    BindText(*probe, 2, at);
    Result<bool> found = impl.Step(*probe, "searching the audit log");
    if (!found.ok()) return found.status();
    if (!*found) {
      hi = mid;
      continue;
    }
    const int64_t seq = sqlite3_column_int64(probe->get(), 0);
    if (sqlite3_column_int(probe->get(), 1) != 0) {
      hi = mid;
    } else {
      lo = seq + 1;
    }
  }
  return lo;
}

}  // namespace

std::string_view ToString(IndicatorBucket bucket) { return kBuckets[static_cast<size_t>(bucket)]; }

Result<IndicatorBucket> ParseIndicatorBucket(std::string_view text) {
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (kBuckets[i] == text) return static_cast<IndicatorBucket>(i);
  }
  return Status::InvalidArgument("bucket must be day, week or month, got '" +
                                 std::string(text.substr(0, 40)) + "'");
}

Result<Indicators> ComputeIndicators(Store& store, const IndicatorsQuery& query) {
  const std::string now = query.now.empty() ? UtcNowIso8601() : query.now;
  const std::optional<int64_t> today = DayNumber(now.substr(0, 10));
  if (!today) return Status::InvalidArgument("now must be an ISO date-time, got '" + now + "'");
  const std::optional<int64_t> last = query.to.empty() ? today : DayNumber(query.to);
  if (!last) {
    return Status::InvalidArgument("to must be a date YYYY-MM-DD, got '" + query.to + "'");
  }
  const std::optional<int64_t> first =
      query.from.empty() ? std::optional<int64_t>(*last - 29) : DayNumber(query.from);
  if (!first) {
    return Status::InvalidArgument("from must be a date YYYY-MM-DD, got '" + query.from + "'");
  }
  if (*last < *first) {
    return Status::InvalidArgument("to (" + DayString(*last) + ") is before from (" +
                                   DayString(*first) + ")");
  }
  if (*last - *first + 1 > kMaxIndicatorDays) {
    return Status::InvalidArgument("at most " + std::to_string(kMaxIndicatorDays) +
                                   " days from from to to");
  }
  const std::string from = DayString(*first);
  const std::string end = DayString(*last + 1);  // the range is [from, end)
  const IndicatorBucket bucket = query.bucket;
  std::set<std::string> home;
  for (const std::string& a : query.home_airports) {
    std::string code;
    for (char c : a) code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!code.empty()) home.insert(code);
  }
  const bool sides = !home.empty();

  Indicators out;
  out.from = from;
  out.to = DayString(*last);
  out.bucket = bucket;
  std::map<std::string, size_t> at;
  for (int64_t d = BucketStart(*first, bucket); d <= *last; d = NextBucket(d, bucket)) {
    PeriodIndicators p;
    p.period = DayString(d);
    if (sides) p.arriving = p.departing = 0;
    at.emplace(p.period, out.series.size());
    out.series.push_back(std::move(p));
  }
  auto period = [&](sqlite3_stmt* s) -> PeriodIndicators* {
    auto it = at.find(std::string(ColumnText(s, 0)));
    return it == at.end() ? nullptr : &out.series[it->second];
  };

  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);  // one snapshot for every figure
  HUDUD_RETURN_IF_ERROR(tx.Begin(false));
  const std::vector<std::string> range = {from, end};

  // Kept messages, by their flight's day; the bytes of PAXLST messages only.
  HUDUD_RETURN_IF_ERROR(ForEachRow(
      impl,
      "SELECT " + BucketSql(bucket, "d") +
          ", format, travellers, flight, CASE WHEN format = 'paxlst' THEN raw END FROM "
          "(SELECT format, travellers, flight, raw, CASE WHEN departure <> '' THEN departure "
          "ELSE substr(received_at, 1, 10) END AS d FROM manifests "
          "WHERE (departure >= ?1 AND departure < ?2) OR "
          "(departure = '' AND received_at >= ?1 AND received_at < ?2))",
      range, [&](sqlite3_stmt* s) {
        PeriodIndicators* p = period(s);
        if (p == nullptr) return;
        const int64_t travellers = sqlite3_column_int64(s, 2);
        const void* blob = sqlite3_column_blob(s, 4);
        const std::string_view raw =
            blob == nullptr ? std::string_view()
                            : std::string_view(static_cast<const char*>(blob),
                                               static_cast<size_t>(sqlite3_column_bytes(s, 4)));
        ++p->manifests;
        p->travellers_screened += travellers;
        p->travellers_declared += Declared(raw, ColumnText(s, 1)).value_or(travellers);
        if (sides) {
          const auto [origin, destination] = Route(ColumnText(s, 3));
          if (home.count(destination)) *p->arriving += travellers;
          if (home.count(origin)) *p->departing += travellers;
        }
      }));

  // Alerts raised, and decisions and outcomes by the day they were made.
  HUDUD_RETURN_IF_ERROR(ForEachRow(impl,
                                   "SELECT " + BucketSql(bucket, "raised_at") +
                                       ", count(*) FROM alerts WHERE raised_at >= ?1 AND "
                                       "raised_at < ?2 GROUP BY 1",
                                   range, [&](sqlite3_stmt* s) {
                                     if (PeriodIndicators* p = period(s)) {
                                       p->alerts_raised = sqlite3_column_int64(s, 1);
                                     }
                                   }));
  HUDUD_RETURN_IF_ERROR(ForEachRow(
      impl,
      "SELECT " + BucketSql(bucket, "decided_at") +
          ", sum(decision = 'confirmed'), sum(decision = 'false-positive'), "
          "sum(decision = 'inconclusive'), sum(outcome = 'refer'), sum(outcome = 'deny-boarding'), "
          "sum(outcome = 'freeze-report') FROM alerts WHERE decided_at >= ?1 AND decided_at < ?2 "
          "GROUP BY 1",
      range, [&](sqlite3_stmt* s) {
        PeriodIndicators* p = period(s);
        if (p == nullptr) return;
        p->confirmed = sqlite3_column_int64(s, 1);
        p->false_positive = sqlite3_column_int64(s, 2);
        p->inconclusive = sqlite3_column_int64(s, 3);
        p->refer = sqlite3_column_int64(s, 4);
        p->deny_boarding = sqlite3_column_int64(s, 5);
        p->freeze_report = sqlite3_column_int64(s, 6);
      }));
  // Hours from raised to decided: the median per bucket and over the range.
  const std::string handled =
      "WITH d AS (SELECT " + BucketSql(bucket, "decided_at") + " AS p, " +
      Hours("raised_at", "decided_at") +
      " AS h FROM alerts WHERE decided_at >= ?1 AND decided_at < ?2 AND "
      "strftime('%s', decided_at) IS NOT NULL AND strftime('%s', raised_at) IS NOT NULL), ";
  HUDUD_RETURN_IF_ERROR(ForEachRow(
      impl,
      handled + "r AS (SELECT p, h, row_number() OVER (PARTITION BY p ORDER BY h) AS rn, "
                "count(*) OVER (PARTITION BY p) AS n FROM d) "
                "SELECT p, avg(h) FROM r WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY p",
      range, [&](sqlite3_stmt* s) {
        if (PeriodIndicators* p = period(s)) p->median_handling_hours = OptionalDouble(s, 1);
      }));
  HUDUD_RETURN_IF_ERROR(ForEachRow(
      impl,
      handled +
          "r AS (SELECT h, row_number() OVER (ORDER BY h) AS rn, count(*) OVER () AS n FROM d) "
          "SELECT (SELECT avg(h) FROM r WHERE rn IN ((n + 1) / 2, (n + 2) / 2)), "
          "(SELECT h FROM r WHERE rn = (9 * n + 9) / 10)",
      range, [&](sqlite3_stmt* s) {
        out.handling.median_hours = OptionalDouble(s, 0);
        out.handling.p90_hours = OptionalDouble(s, 1);
      }));
  HUDUD_RETURN_IF_ERROR(ForEachRow(
      impl,
      "SELECT count(*), " + Hours("min(raised_at)", "?1") + " FROM alerts WHERE status = 'open'",
      {now}, [&](sqlite3_stmt* s) {
        out.handling.open = sqlite3_column_int64(s, 0);
        out.handling.oldest_open_hours = OptionalDouble(s, 1);
      }));

  // By list: the alerts raised in the range and where they stand.
  HUDUD_RETURN_IF_ERROR(ForEachRow(
      impl,
      "SELECT list_id, count(*), sum(decision = 'confirmed'), sum(decision = 'false-positive'), "
      "sum(decision = 'inconclusive'), sum(status = 'open') FROM alerts "
      "WHERE raised_at >= ?1 AND raised_at < ?2 GROUP BY list_id ORDER BY list_id",
      range, [&](sqlite3_stmt* s) {
        ListIndicators l;
        l.list = ColumnText(s, 0);
        l.alerts = sqlite3_column_int64(s, 1);
        l.confirmed = sqlite3_column_int64(s, 2);
        l.false_positive = sqlite3_column_int64(s, 3);
        l.inconclusive = sqlite3_column_int64(s, 4);
        l.open = sqlite3_column_int64(s, 5);
        if (l.confirmed + l.false_positive > 0) {
          l.false_positive_rate = static_cast<double>(l.false_positive) /
                                  static_cast<double>(l.confirmed + l.false_positive);
        }
        out.by_list.push_back(std::move(l));
      }));

  // List versions imported in the range, the re-screens they caused.
  HUDUD_RETURN_IF_ERROR(ForEachRow(
      impl,
      "SELECT id, list_id, generated_at, imported_at, " + Hours("generated_at", "imported_at") +
          " FROM list_versions "
          "WHERE imported_at >= ?1 AND imported_at < ?2 ORDER BY imported_at, id",
      range, [&](sqlite3_stmt* s) {
        DesignationIndicators d;
        d.version = sqlite3_column_int64(s, 0);
        d.list = ColumnText(s, 1);
        d.generated_at = ColumnText(s, 2);
        d.imported_at = ColumnText(s, 3);
        d.hours_to_import = OptionalDouble(s, 4);
        out.designations.push_back(std::move(d));
      }));
  if (!out.designations.empty()) {
    std::map<int64_t, DesignationIndicators*> by_version;
    for (DesignationIndicators& d : out.designations) by_version[d.version] = &d;
    std::map<int64_t, std::string> last_raised;
    HUDUD_RETURN_IF_ERROR(ForEachRow(
        impl,
        "SELECT version_id, count(*), max(raised_at) FROM alerts WHERE trigger = 'list-change' "
        "AND version_id IN (SELECT id FROM list_versions WHERE imported_at >= ?1 AND "
        "imported_at < ?2) GROUP BY version_id",
        range, [&](sqlite3_stmt* s) {
          auto it = by_version.find(sqlite3_column_int64(s, 0));
          if (it == by_version.end()) return;
          it->second->alerts_raised = sqlite3_column_int64(s, 1);
          last_raised[it->first] = ColumnText(s, 2);
        }));
    for (DesignationIndicators& d : out.designations) {
      // The server records each re-screen after a list change in the audit
      // trail, moments after the import: look within the hour after it.
      std::optional<std::string> window_from, window_to;
      HUDUD_RETURN_IF_ERROR(ForEachRow(impl,
                                       "SELECT strftime('%Y-%m-%dT%H:%M:%S', ?1, '-1 minute'), "
                                       "strftime('%Y-%m-%dT%H:%M:%S', ?1, '+1 hour')",
                                       {d.imported_at}, [&](sqlite3_stmt* s) {
                                         window_from = OptionalText(s, 0);
                                         window_to = OptionalText(s, 1);
                                       }));
      if (window_from && window_to) {
        Result<int64_t> lo = FirstAuditSeqFrom(impl, *window_from);
        if (!lo.ok()) return lo.status();
        Result<int64_t> hi = FirstAuditSeqFrom(impl, *window_to);
        if (!hi.ok()) return hi.status();
        HUDUD_RETURN_IF_ERROR(ForEachRow(
            impl,
            "SELECT min(at) FROM audit_log WHERE seq >= CAST(?1 AS INTEGER) AND "
            "seq < CAST(?2 AS INTEGER) AND "
            "action = 'combination' AND object = 'subjects' AND "
            "json_valid(detail) AND json_extract(detail, '$.version') = CAST(?3 AS INTEGER)",
            {std::to_string(*lo), std::to_string(*hi), std::to_string(d.version)},
            [&](sqlite3_stmt* s) { d.rescreened_at = OptionalText(s, 0); }));
      }
      if (!d.rescreened_at) {
        auto it = last_raised.find(d.version);
        if (it != last_raised.end()) d.rescreened_at = it->second;
      }
      if (d.rescreened_at) {
        HUDUD_RETURN_IF_ERROR(
            ForEachRow(impl, "SELECT round((julianday(?1) - julianday(?2)) * 86400.0, 3)",
                       {*d.rescreened_at, d.imported_at},
                       [&](sqlite3_stmt* s) { d.seconds_to_rescreen = OptionalDouble(s, 0); }));
      }
    }
  }

  // Retention: the last run and what is overdue.
  RetentionOptions policy = query.retention;
  Result<RetentionStatus> status = ReadRetentionStatus(store, policy, 1);
  if (!status.ok()) return status.status();
  out.retention.due_now = status->manifests_to_depersonalise + status->manifests_to_delete +
                          status->alerts_to_depersonalise + status->alerts_to_delete +
                          status->audit_to_prune;
  out.retention.compliant = out.retention.due_now == 0;
  if (!status->runs.empty()) {
    const RetentionRun& run = status->runs.front();
    out.retention.last_run_at = run.finished_at.empty() ? run.started_at : run.finished_at;
    out.retention.last_run_ok = run.state == "complete";
  }

  for (const PeriodIndicators& p : out.series) {
    out.coverage.travellers_declared += p.travellers_declared;
    out.coverage.travellers_screened += p.travellers_screened;
    if (sides) {
      out.coverage.arriving = out.coverage.arriving.value_or(0) + *p.arriving;
      out.coverage.departing = out.coverage.departing.value_or(0) + *p.departing;
    }
  }
  if (out.coverage.travellers_declared > 0) {
    out.coverage.ratio = static_cast<double>(out.coverage.travellers_screened) /
                         static_cast<double>(out.coverage.travellers_declared);
  }
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

}  // namespace hudud::store
