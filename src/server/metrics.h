// Request counters and latency histograms per route, rendered in the
// Prometheus text exposition format for /metrics.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace hudud::server {

class Metrics {
 public:
  // Records one answered request. `route` is the route pattern
  // ("/v1/screen"), never the raw path, so the label set stays bounded.
  void Observe(const std::string& route, int status, double seconds);
  // Prometheus text: hudud_http_requests_total{route,code},
  // hudud_http_request_duration_seconds (histogram), plus `extra` lines.
  std::string Render(const std::string& extra) const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02,
                                                      0.05,   0.1,   0.2,   0.5,   1,    5};
  struct Route {
    std::map<int, uint64_t> by_status;
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::string, Route> routes_;
};

}  // namespace hudud::server
