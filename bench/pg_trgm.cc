// The PostgreSQL pg_trgm baseline: a throwaway cluster, COPY, a GIN trigram
// index and prepared similarity queries over a unix socket. See pg_trgm.h.
#include "pg_trgm.h"

#include <libpq-fe.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace hudud::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

std::string FindBindir(const std::string& given) {
  if (!given.empty()) return given;
  for (int v = 18; v >= 12; --v) {
    std::string dir = "/usr/lib/postgresql/" + std::to_string(v) + "/bin";
    if (std::filesystem::exists(dir + "/initdb")) return dir;
  }
  return "";  // rely on PATH
}

// Runs a shell command (as 'postgres' when we are root); true on exit 0.
bool Run(const std::string& prefix, const std::string& cmd) {
  const std::string full = prefix + cmd;
  const int rc = std::system(full.c_str());
  return rc == 0;
}

std::string CopyEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Stops the server and removes the directory when it goes out of scope.
class Cluster {
 public:
  Cluster(std::string bin, std::string prefix, std::string dir, bool keep)
      : bin_(std::move(bin)), prefix_(std::move(prefix)), dir_(std::move(dir)), keep_(keep) {}
  ~Cluster() {
    if (started_) {
      Run(prefix_, Tool("pg_ctl") + " -D " + dir_ + "/data -m fast -w stop >/dev/null 2>&1");
    }
    if (!keep_ && !dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }
  std::string Tool(const std::string& name) const {
    return bin_.empty() ? name : bin_ + "/" + name;
  }
  const std::string& dir() const { return dir_; }
  const std::string& prefix() const { return prefix_; }
  bool started_ = false;

 private:
  std::string bin_, prefix_, dir_;
  bool keep_;
};

struct ConnCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultCloser {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultCloser>;

Status Exec(PGconn* conn, const std::string& sql) {
  ResultPtr r(PQexec(conn, sql.c_str()));
  const auto st = PQresultStatus(r.get());
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
    return Status::IOError(sql.substr(0, 60) + ": " + PQerrorMessage(conn));
  return Status::Ok();
}

long long QueryNumber(PGconn* conn, const std::string& sql) {
  ResultPtr r(PQexec(conn, sql.c_str()));
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || PQntuples(r.get()) < 1) return -1;
  return std::atoll(PQgetvalue(r.get(), 0, 0));
}

}  // namespace

Result<PgRun> RunPgTrgm(const std::vector<std::pair<std::string, std::string>>& rows,
                        const std::vector<std::string>& queries, const PgOptions& options) {
  PgRun run;
  const std::string bin = FindBindir(options.bindir);
  std::string prefix;
  char tmpl[] = "/tmp/hudud-pg-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) return Status::IOError("mkdtemp failed");
  const std::string dir = tmpl;
  if (geteuid() == 0) {
    // The server refuses to run as root: hand the directory to 'postgres'.
    const passwd* pw = getpwnam("postgres");
    if (pw == nullptr) {
      std::filesystem::remove_all(dir);
      return Status::Unsupported("running as root and there is no 'postgres' user");
    }
    if (chown(dir.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      std::filesystem::remove_all(dir);
      return Status::IOError("chown " + dir + " failed");
    }
    prefix = "runuser -u postgres -- ";
  }
  chmod(dir.c_str(), 0700);
  Cluster cluster(bin, prefix, dir, options.keep);
  run.directory = dir;

  auto t0 = Clock::now();
  if (!Run(prefix, cluster.Tool("initdb") + " -D " + dir +
                       "/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >" + dir +
                       "/initdb.log 2>&1"))
    return Status::IOError("initdb failed; see " + dir + "/initdb.log (set --pg-keep to keep it)");
  auto t1 = Clock::now();
  run.initdb_seconds = Seconds(t0, t1);
  const std::string port = std::to_string(options.port);
  const std::string server_opts =
      "-k " + dir + " -p " + port +
      " -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
      " -c shared_buffers=512MB -c maintenance_work_mem=1GB -c work_mem=64MB";
  if (!Run(prefix, cluster.Tool("pg_ctl") + " -D " + dir + "/data -l " + dir +
                       "/server.log -w -o \"" + server_opts + "\" start >/dev/null 2>&1"))
    return Status::IOError("pg_ctl start failed; see " + dir + "/server.log");
  cluster.started_ = true;
  auto t2 = Clock::now();
  run.start_seconds = Seconds(t1, t2);

  const std::string conninfo = "host=" + dir + " port=" + port + " user=postgres dbname=postgres";
  std::unique_ptr<PGconn, ConnCloser> conn(PQconnectdb(conninfo.c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK)
    return Status::IOError(std::string("connect: ") + PQerrorMessage(conn.get()));
  PGconn* c = conn.get();
  run.server_version = std::to_string(PQserverVersion(c));
  HUDUD_RETURN_IF_ERROR(Exec(c, "CREATE EXTENSION pg_trgm"));
  HUDUD_RETURN_IF_ERROR(
      Exec(c, "CREATE TABLE names (entity_id text NOT NULL, name text NOT NULL)"));

  // Load with COPY.
  auto t3 = Clock::now();
  {
    ResultPtr r(PQexec(c, "COPY names (entity_id, name) FROM STDIN"));
    if (PQresultStatus(r.get()) != PGRES_COPY_IN)
      return Status::IOError(std::string("COPY: ") + PQerrorMessage(c));
  }
  std::string buf;
  for (const auto& [id, name] : rows) {
    buf += CopyEscape(id);
    buf += '\t';
    buf += CopyEscape(name);
    buf += '\n';
    if (buf.size() > (1 << 20)) {
      if (PQputCopyData(c, buf.data(), static_cast<int>(buf.size())) != 1)
        return Status::IOError(std::string("COPY data: ") + PQerrorMessage(c));
      buf.clear();
    }
  }
  if (!buf.empty() && PQputCopyData(c, buf.data(), static_cast<int>(buf.size())) != 1)
    return Status::IOError(std::string("COPY data: ") + PQerrorMessage(c));
  if (PQputCopyEnd(c, nullptr) != 1) return Status::IOError("COPY end failed");
  {
    ResultPtr r(PQgetResult(c));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK)
      return Status::IOError(std::string("COPY: ") + PQerrorMessage(c));
  }
  while (PGresult* r = PQgetResult(c)) PQclear(r);
  auto t4 = Clock::now();
  run.load_seconds = Seconds(t3, t4);
  run.rows = rows.size();

  HUDUD_RETURN_IF_ERROR(Exec(c, "CREATE INDEX names_trgm ON names USING gin (name gin_trgm_ops)"));
  auto t5 = Clock::now();
  run.index_seconds = Seconds(t4, t5);
  HUDUD_RETURN_IF_ERROR(Exec(c, "ANALYZE names"));
  auto t6 = Clock::now();
  run.analyze_seconds = Seconds(t5, t6);
  run.table_bytes = QueryNumber(c, "SELECT pg_relation_size('names')");
  run.index_bytes = QueryNumber(c, "SELECT pg_relation_size('names_trgm')");

  char limit[64];
  std::snprintf(limit, sizeof limit, "SET pg_trgm.similarity_threshold = %.3f",
                options.similarity_limit);
  HUDUD_RETURN_IF_ERROR(Exec(c, limit));
  const std::string sql =
      "SELECT entity_id, max(similarity(name, $1)) AS s FROM names WHERE name % $1 "
      "GROUP BY entity_id ORDER BY s DESC LIMIT " +
      std::to_string(options.limit);
  {
    ResultPtr r(PQprepare(c, "screen", sql.c_str(), 1, nullptr));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK)
      return Status::IOError(std::string("PREPARE: ") + PQerrorMessage(c));
  }

  auto execute = [&](const std::string& q, std::vector<PgHit>* hits) {
    const char* params[1] = {q.c_str()};
    ResultPtr r(PQexecPrepared(c, "screen", 1, params, nullptr, nullptr, 0));
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) return false;
    if (hits != nullptr) {
      const int n = PQntuples(r.get());
      for (int i = 0; i < n; ++i)
        hits->push_back({PQgetvalue(r.get(), i, 0), std::atof(PQgetvalue(r.get(), i, 1))});
    }
    return true;
  };
  for (int i = 0; i < options.warmup && i < static_cast<int>(queries.size()); ++i)
    execute(queries[i], nullptr);
  run.latency_us.reserve(queries.size());
  run.hits.resize(queries.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    auto a = Clock::now();
    const bool ok = execute(queries[i], &run.hits[i]);
    auto b = Clock::now();
    if (!ok) ++run.errors;
    run.latency_us.push_back(std::chrono::duration<double, std::micro>(b - a).count());
  }
  return run;
}

}  // namespace hudud::bench
