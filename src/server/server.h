// `hudud serve`: the HTTP API over a Service. Runs until Stop() (or, from
// the CLI, SIGINT/SIGTERM), finishing the requests in flight.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "server/service.h"

namespace hudud::server {

class Server {
 public:
  // Builds the service (see Service::Open) and binds the listening socket.
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();

  int port() const;  // the bound port (useful with port 0)
  // Serves until Stop(); returns an error when the socket failed.
  Status Run();
  // Thread-safe; the requests in flight are answered first.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Every route the server answers, "{...}" standing for one path segment:
// the labels of its metrics, and what docs/openapi.json must describe.
const std::vector<std::string_view>& Routes();

}  // namespace hudud::server
