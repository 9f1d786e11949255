// `hudud serve`: runs the HTTP API until SIGINT or SIGTERM, then finishes
// the requests in flight and exits 0.
#include <signal.h>

#include <cctype>
#include <cstdio>
#include <thread>

#include "api/json.h"
#include "api/output.h"
#include "cli/cli_util.h"
#include "cli/commands.h"
#include "server/console.h"
#include "server/server.h"

namespace hudud::cli {
namespace {

int Run(const server::ServerOptions& o) {
  // Signals are taken by one thread with sigwait, so Stop() runs outside a
  // signal handler; every thread made from here on inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Result<std::unique_ptr<server::Server>> srv = server::Server::Create(o);
  if (!srv.ok()) return FailStatus(srv.status());
  server::Server& s = **srv;
  std::fprintf(stderr, "{\"event\":\"listening\",\"listen\":\"%s\",\"port\":%d,\"tls\":%s}\n",
               o.listen.c_str(), s.port(), o.tls_cert.empty() ? "false" : "true");
  // Where the console was looked for: "/" answers it, or how to build it.
  std::fprintf(stderr, "{\"event\":\"console\",\"web\":%s,\"built\":%s}\n",
               api::DumpJson(api::Json(o.web_root)).c_str(),
               server::ConsoleBuilt(o.web_root) ? "true" : "false");
  std::thread waiter([&s, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    std::fprintf(stderr, "{\"event\":\"stopping\",\"signal\":%d}\n", sig);
    s.Stop();
  });
  Status st = s.Run();
  // Run returned without a signal (socket failure): release the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!st.ok()) return FailStatus(st);
  std::fprintf(stderr, "{\"event\":\"stopped\"}\n");
  return kExitOk;
}

}  // namespace

CommandRunner AddServeCommand(CLI::App& serve) {
  auto o = std::make_shared<server::ServerOptions>();
  serve.add_option("--db", o->db, "Database (default: $HUDUD_DB or ./hudud.db)");
  serve.add_option("--listen", o->listen, "ADDR:PORT to listen on (default 127.0.0.1:8080)");
  serve.add_option("--tls-cert", o->tls_cert, "TLS certificate (PEM)");
  serve.add_option("--tls-key", o->tls_key, "TLS private key (PEM)");
  serve.add_option("--purposes", o->purposes_file, "Purposes file (default: built-in list)");
  serve.add_option("--threads", o->threads,
                   "Request threads: one per open connection (default 64)");
  serve.add_option("--max-body", o->max_body_bytes, "Largest request body in bytes");
  serve.add_option("--max-import", o->max_import_bytes,
                   "Largest list, subjects or documents file uploaded, in bytes (default 256 MiB)");
  serve.add_option("--max-batch", o->max_batch, "Most queries in one batch request");
  serve.add_option("--retention-interval", o->retention_interval_seconds,
                   "Seconds between scheduled retention runs, the first at start (default 3600; "
                   "0 = off)");
  serve.add_option("--depersonalise-after", o->depersonalise_after,
                   "Depersonalise traveller data after this period (default 6m)");
  serve.add_option("--delete-after", o->delete_after,
                   "Delete traveller data after this period (default 5y)");
  serve.add_option("--audit-keep", o->audit_keep,
                   "Prune audit records older than this period (default 5y)");
  serve.add_option("--audit-key", o->audit_key,
                   "Sign the audit chain head with this ed25519 key file (created 0600 if "
                   "absent; verify with hudud audit verify --key)");
  serve.add_option("--audit-sign-interval", o->audit_sign_interval_seconds,
                   "Seconds between signatures of the audit chain head (default 60)");
  serve.add_option("--vault-key", o->vault_key,
                   "The vault key file sealing depersonalised originals (default: "
                   "<db>.vault-key, created mode 600 when absent)");
  serve
      .add_option("--home-airports", o->home_airports,
                  "The agency's own airports, IATA codes (KWI,DXB): the indicators tell "
                  "travellers arriving at them from those departing")
      ->delimiter(',')
      ->transform([](std::string code) {
        for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return code;
      })
      ->check(
          [](const std::string& code) -> std::string {
            bool ok = code.size() == 3;
            for (char c : code) ok = ok && c >= 'A' && c <= 'Z';
            return ok ? "" : "'" + code + "' is not an IATA airport code (three letters)";
          },
          "IATA");
  serve.add_option("--web", o->web_root,
                   "The web console's build (index.html, assets/) served at / (default: "
                   "$HUDUD_WEB, else ../web/dist beside the hudud binary, else "
                   "/usr/share/hudud/web)");
  return [o]() {
    server::ServerOptions opts = *o;
    opts.db = ResolveDbPath(o->db);
    if (opts.web_root.empty()) opts.web_root = server::DefaultWebRoot();
    return Run(opts);
  };
}

}  // namespace hudud::cli
