// The web console's files at "/" (server/console.h): index.html at / and
// for any console path (a reload of /alerts/12), assets cached for good,
// content types, security headers, no way out of the build directory, the
// 404 problem when the console is not built, and the API's paths left to
// the API.
#include "server/console.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "live_server.h"

namespace hudud::server {
namespace {

namespace fs = std::filesystem;

const char kIndex[] = "<!doctype html><title>hudud console</title><div id=app></div>";
const char kApp[] = "console.log('hudud');";

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// A fake build: index.html, assets/, and a secret beside (not in) it.
class ConsoleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("hudud-console-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    Write(dir_ / "dist" / "index.html", kIndex);
    Write(dir_ / "dist" / "assets" / "app-3f2a.js", kApp);
    Write(dir_ / "dist" / "assets" / "app-3f2a.css", "body{margin:0}");
    Write(dir_ / "dist" / "assets" / "font.woff2", "wOF2");
    Write(dir_ / "dist" / "logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
    Write(dir_ / "dist" / "favicon.ico", "ico");
    Write(dir_ / "secret.txt", "do not serve");
    fs::create_symlink(dir_ / "secret.txt", dir_ / "dist" / "assets" / "link.js");
    ServerOptions o;
    o.web_root = (dir_ / "dist").string();
    live_ = std::make_unique<LiveServer>("console", o);
  }
  void TearDown() override {
    live_.reset();
    fs::remove_all(dir_);
  }

  httplib::Result Get(const std::string& path) const { return live_->Get(path, "", ""); }

  // Sends `path` on a raw socket, byte for byte (no client normalising it),
  // and returns the status line and headers and body.
  std::string Raw(const std::string& path) const {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(Port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close(fd);
      return "";
    }
    const std::string req = "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    (void)!write(fd, req.data(), req.size());
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    close(fd);
    return out;
  }

  int Port() const { return live_->port(); }

  fs::path dir_;
  std::unique_ptr<LiveServer> live_;
};

void ExpectConsoleHeaders(const httplib::Result& r) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Content-Security-Policy"),
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r->get_header_value("Referrer-Policy"), "no-referrer");
}

void ExpectIndex(const httplib::Result& r) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, kIndex);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-cache");
  ExpectConsoleHeaders(r);
}

TEST_F(ConsoleTest, ServesTheBuildWithTheSinglePageFallback) {
  ExpectIndex(Get("/"));
  ExpectIndex(Get("/index.html"));
  ExpectIndex(Get("/alerts/12"));
  ExpectIndex(Get("/practices"));
  ExpectIndex(Get("/alerts/12/"));

  auto js = Get("/assets/app-3f2a.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->body, kApp);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  ExpectConsoleHeaders(js);
  EXPECT_EQ(Get("/assets/app-3f2a.css")->get_header_value("Content-Type"),
            "text/css; charset=utf-8");
  EXPECT_EQ(Get("/assets/font.woff2")->get_header_value("Content-Type"), "font/woff2");
  auto svg = Get("/logo.svg");
  EXPECT_EQ(svg->get_header_value("Content-Type"), "image/svg+xml");
  EXPECT_EQ(svg->get_header_value("Cache-Control"), "no-cache");  // not under assets/
  EXPECT_EQ(Get("/favicon.ico")->get_header_value("Content-Type"), "image/x-icon");

  // HEAD: the headers without the body.
  httplib::Client c("127.0.0.1", Port());
  auto head = c.Head("/assets/app-3f2a.js");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->body, "");
  EXPECT_EQ(head->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");

  // A missing file with an extension, or under assets/, is not the page.
  LiveServer::ExpectProblem(Get("/assets/gone-1234.js"), 404, "not-found");
  LiveServer::ExpectProblem(Get("/assets/gone"), 404, "not-found");
  LiveServer::ExpectProblem(Get("/robots.txt"), 404, "not-found");

  // The build is read when asked for: a rebuild shows without a restart.
  Write(dir_ / "dist" / "assets" / "app-9c1d.js", "new");
  EXPECT_EQ(Get("/assets/app-9c1d.js")->body, "new");
}

TEST_F(ConsoleTest, TheApiPathsStayTheApis) {
  for (const char* path : {"/v1/unknown", "/v1", "/v1/alerts/x/y", "/match/", "/metrics/x"}) {
    auto r = Get(path);
    LiveServer::ExpectProblem(r, 404, "not-found");
    EXPECT_EQ(r->body.find("hudud console"), std::string::npos) << path;
  }
  auto health = Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  LiveServer::ExpectProblem(Get("/v1/me"), 401, "unauthenticated");
  // Only GET and HEAD.
  auto post = live_->Post("/", "{}", "", "");
  ASSERT_TRUE(post);
  EXPECT_GE(post->status, 400);
  EXPECT_EQ(post->body.find("hudud console"), std::string::npos);
}

TEST_F(ConsoleTest, NothingOutsideTheBuildIsServed) {
  for (const char* path :
       {"/assets/../../secret.txt", "/../secret.txt", "/assets/../../../../../../etc/passwd",
        "/assets/%2e%2e/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/assets/..%2f..%2fsecret.txt",
        "/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/.."}) {
    const std::string answer = Raw(path);
    EXPECT_NE(answer.rfind("HTTP/1.1 4", 0), std::string::npos) << path << ": " << answer;
    EXPECT_EQ(answer.find("do not serve"), std::string::npos) << path;
    EXPECT_EQ(answer.find("root:"), std::string::npos) << path;
    EXPECT_EQ(answer.find("hudud console"), std::string::npos) << path;
  }
  auto r = Get("/assets/%2e%2e/%2e%2e/secret.txt");
  LiveServer::ExpectProblem(r, 400, "invalid-request");
  ExpectConsoleHeaders(r);
  // A link inside the build to a file outside it.
  LiveServer::ExpectProblem(Get("/assets/link.js"), 404, "not-found");
  // An absolute path after the root's slash.
  EXPECT_EQ(Raw("//etc/passwd").find("root:"), std::string::npos);
  LiveServer::ExpectProblem(Get("//" + (dir_ / "secret.txt").string()), 404, "not-found");
}

TEST(ConsoleNotBuiltTest, AnswersAProblemSayingHowToBuildIt) {
  LiveServer live("console-none");  // no web root
  for (const char* path : {"/", "/alerts/12", "/assets/app.js"}) {
    auto r = live.Get(path, "", "");
    LiveServer::ExpectProblem(r, 404, "not-found");
    const std::string detail = LiveServer::Body(r)["detail"];
    EXPECT_NE(detail.find("not built"), std::string::npos) << detail;
    EXPECT_NE(detail.find("npm --prefix web install && npm --prefix web run build"),
              std::string::npos);
  }
  auto api = live.Get("/v1/practices", "amina", "");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200);

  // An empty directory is no build either.
  const fs::path empty =
      fs::temp_directory_path() / ("hudud-console-empty-" + std::to_string(getpid()));
  fs::create_directories(empty);
  EXPECT_FALSE(ConsoleBuilt(empty.string()));
  Write(empty / "index.html", kIndex);
  EXPECT_TRUE(ConsoleBuilt(empty.string()));
  fs::remove_all(empty);
}

TEST(ConsoleDefaultTest, HududWebWinsThenTheBuildBesideTheBinary) {
  ASSERT_EQ(setenv("HUDUD_WEB", "/some/where", 1), 0);
  EXPECT_EQ(DefaultWebRoot(), "/some/where");
  ASSERT_EQ(unsetenv("HUDUD_WEB"), 0);
  // The test binary has no ../web/dist beside it (nor, here, a system copy).
  const std::string found = DefaultWebRoot();
  EXPECT_TRUE(found.empty() || ConsoleBuilt(found)) << found;
}

}  // namespace
}  // namespace hudud::server
