// The PostgreSQL pg_trgm baseline for screening_bench --pg.
//
// Creates a throwaway cluster in a temporary directory (initdb, then pg_ctl
// start listening only on a unix socket in that directory; as the 'postgres'
// user through runuser when running as root), loads one row per listed name
// with COPY, builds a GIN trigram index, and runs each query once through a
// prepared statement on one connection:
//
//   SELECT entity_id, max(similarity(name, $1)) AS s FROM names
//   WHERE name % $1 GROUP BY entity_id ORDER BY s DESC LIMIT 10
//
// with pg_trgm.similarity_threshold set to `similarity_limit`. The cluster is
// stopped and removed afterwards (unless `keep`).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/status.h"

namespace hudud::bench {

struct PgOptions {
  std::string bindir;  // where initdb/pg_ctl live; "" = search /usr/lib/postgresql/*/bin
  int port = 54329;
  double similarity_limit = 0.3;  // pg_trgm's default
  int limit = 10;
  int warmup = 200;   // queries run once before timing
  bool keep = false;  // leave the cluster directory for inspection
};

struct PgHit {
  std::string entity_id;
  double similarity = 0;
};

struct PgRun {
  std::string server_version;
  std::string directory;
  size_t rows = 0;
  double initdb_seconds = 0, start_seconds = 0, load_seconds = 0, index_seconds = 0,
         analyze_seconds = 0;
  long long table_bytes = 0, index_bytes = 0;
  std::vector<double> latency_us;        // per query, client round trip
  std::vector<std::vector<PgHit>> hits;  // per query, best first
  size_t errors = 0;
};

// `rows` are (entity id, name) pairs; `queries` one name each.
Result<PgRun> RunPgTrgm(const std::vector<std::pair<std::string, std::string>>& rows,
                        const std::vector<std::string>& queries, const PgOptions& options);

}  // namespace hudud::bench
