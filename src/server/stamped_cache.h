// A value read from the database and kept in memory for every request (the
// lost/stolen register, the false-positive memory), re-read only when a
// cheap fingerprint of its tables changed, checked at most once per
// `max_age`, or at once after Invalidate(). Thread-safe; readers share the
// value as a shared_ptr, so a re-read never disturbs a request using it.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "base/status.h"
#include "store/store.h"

namespace hudud::server {

template <typename T>
class StampedCache {
 public:
  using Stamp = std::function<Result<std::string>(store::Store&)>;
  using Load = std::function<Result<T>(store::Store&)>;
  using Open = std::function<Result<std::unique_ptr<store::Store>>()>;

  StampedCache(Stamp stamp, Load load) : stamp_(std::move(stamp)), load_(std::move(load)) {}

  // The value. When the database cannot be read: the last value read, or
  // an empty T before any.
  std::shared_ptr<const T> Get(const Open& open, std::chrono::seconds max_age) {
    std::lock_guard<std::mutex> lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    if (value_ && !stale_ && now - checked_ < max_age) return value_;
    checked_ = now;
    stale_ = false;
    Result<std::unique_ptr<store::Store>> db = open();
    if (db.ok()) {
      Result<std::string> stamp = stamp_(**db);
      if (stamp.ok() && value_ && *stamp == read_stamp_) return value_;
      Result<T> fresh = load_(**db);
      if (fresh.ok()) {
        value_ = std::make_shared<const T>(std::move(*fresh));
        read_stamp_ = stamp.ok() ? *stamp : "";
      }
    }
    if (!value_) value_ = std::make_shared<const T>();
    return value_;
  }

  // The next Get() re-reads (after a change made through the server).
  void Invalidate() {
    std::lock_guard<std::mutex> lock(mu_);
    stale_ = true;
  }

 private:
  Stamp stamp_;
  Load load_;
  std::mutex mu_;
  std::shared_ptr<const T> value_;
  std::string read_stamp_;  // what the tables looked like when read
  std::chrono::steady_clock::time_point checked_;
  bool stale_ = false;
};

}  // namespace hudud::server
