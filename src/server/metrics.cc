// Prometheus metrics of the HTTP API (server/metrics.h).
#include "server/metrics.h"

#include <fmt/core.h>

namespace hudud::server {

void Metrics::Observe(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  Route& r = routes_[route];
  ++r.by_status[status];
  ++r.count;
  r.sum += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++r.buckets[i];
  }
}

std::string Metrics::Render(const std::string& extra) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out =
      "# HELP hudud_http_requests_total HTTP requests answered, by route and status.\n"
      "# TYPE hudud_http_requests_total counter\n";
  for (const auto& [route, r] : routes_) {
    for (const auto& [status, n] : r.by_status) {
      out += fmt::format("hudud_http_requests_total{{route=\"{}\",code=\"{}\"}} {}\n", route,
                         status, n);
    }
  }
  out +=
      "# HELP hudud_http_request_duration_seconds Time to answer, by route.\n"
      "# TYPE hudud_http_request_duration_seconds histogram\n";
  for (const auto& [route, r] : routes_) {
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out +=
          fmt::format("hudud_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      route, kBuckets[i], r.buckets[i]);
    }
    out +=
        fmt::format("hudud_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                    route, r.count);
    out +=
        fmt::format("hudud_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route, r.sum);
    out += fmt::format("hudud_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route,
                       r.count);
  }
  return out + extra;
}

}  // namespace hudud::server
