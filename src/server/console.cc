// Serving the web console's build at "/" (server/console.h).
#include "server/console.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>

#include "server/problem.h"

namespace hudud::server {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCsp =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'none'";
constexpr const char* kImmutable = "public, max-age=31536000, immutable";

bool HasIndex(const fs::path& dir) {
  std::error_code ec;
  return !dir.empty() && fs::is_regular_file(dir / "index.html", ec);
}

// The media type of a file by its extension (lower case, with the dot).
const char* ContentType(const std::string& ext) {
  struct Type {
    const char* ext;
    const char* type;
  };
  static constexpr Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  };
  for (const Type& t : kTypes) {
    if (ext == t.ext) return t.type;
  }
  return "application/octet-stream";
}

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return data;
}

class Console {
 public:
  explicit Console(const std::string& web_root) {
    if (web_root.empty()) return;
    std::error_code ec;
    root_ = fs::absolute(web_root, ec);
    if (ec) root_ = web_root;
    const fs::path real = fs::weakly_canonical(root_, ec);
    if (!ec) root_ = real;
    if (!root_.has_filename()) root_ = root_.parent_path();  // "dist/" -> "dist"
  }

  void Answer(const httplib::Request& req, httplib::Response& res) const {
    res.set_header("Content-Security-Policy", kCsp);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    // The path is percent-decoded already: "%2e%2e" arrives as "..".
    const std::string& path = req.path;
    std::string rel = path.substr(1);  // the pattern makes it start with '/'
    bool dotfile = false;
    for (size_t start = 0; start <= rel.size();) {
      size_t end = rel.find('/', start);
      if (end == std::string::npos) end = rel.size();
      const std::string_view seg = std::string_view(rel).substr(start, end - start);
      if (seg == "..") {
        SendProblem(res, MakeProblem("invalid-request", "the path may not contain '..' segments"),
                    path);
        return;
      }
      dotfile = dotfile || (!seg.empty() && seg.front() == '.');
      start = end + 1;
    }
    for (char c : rel) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '\\') {
        SendProblem(res,
                    MakeProblem("invalid-request",
                                "the path may not contain control characters or backslashes"),
                    path);
        return;
      }
    }
    if (!HasIndex(root_)) {
      // Where it was looked for is in the server's start-up log, not here.
      SendProblem(res,
                  MakeProblem("not-found", "the web console is not built: build it with `" +
                                               std::string(kConsoleBuildCommand) +
                                               "`, or give hudud serve a build with --web DIR"),
                  path);
      return;
    }
    const bool asset = rel.rfind("assets/", 0) == 0;
    const size_t slash = rel.rfind('/');
    const std::string_view last = slash == std::string::npos
                                      ? std::string_view(rel)
                                      : std::string_view(rel).substr(slash + 1);
    const bool has_extension = last.find('.') != std::string_view::npos;
    if (rel.empty() || rel == "index.html" || (!asset && !has_extension && !dotfile)) {
      SendFile(root_ / "index.html", "no-cache", path, res);
      return;
    }
    std::optional<fs::path> file = dotfile ? std::nullopt : Inside(root_ / rel);
    if (!file) {
      SendProblem(res, MakeProblem("not-found", "the console has no file " + path), path);
      return;
    }
    SendFile(*file, asset ? kImmutable : "no-cache", path, res);
  }

 private:
  // `p` when it is a regular file inside the root once links are resolved.
  std::optional<fs::path> Inside(const fs::path& p) const {
    std::error_code ec;
    const fs::path real = fs::canonical(p, ec);
    if (ec || !fs::is_regular_file(real, ec) || ec) return std::nullopt;
    const bool within =
        std::mismatch(root_.begin(), root_.end(), real.begin(), real.end()).first == root_.end();
    if (!within) return std::nullopt;
    return real;
  }

  static void SendFile(const fs::path& file, const char* cache, const std::string& path,
                       httplib::Response& res) {
    std::optional<std::string> data = ReadFile(file);
    if (!data) {
      SendProblem(res, MakeProblem("not-found", "the console has no file " + path), path);
      return;
    }
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    res.set_header("Cache-Control", cache);
    res.status = 200;
    res.set_content(std::move(*data), ContentType(ext));
  }

  fs::path root_;
};

}  // namespace

std::string DefaultWebRoot() {
  if (const char* env = std::getenv("HUDUD_WEB"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path dist = (exe.parent_path() / ".." / "web" / "dist").lexically_normal();
    if (HasIndex(dist)) return dist.string();
  }
  if (HasIndex("/usr/share/hudud/web")) return "/usr/share/hudud/web";
  return "";
}

bool ConsoleBuilt(const std::string& web_root) { return HasIndex(web_root); }

void RegisterConsole(httplib::Server& http, const std::string& web_root) {
  auto console = std::make_shared<const Console>(web_root);
  // Every path but the API's: the API's routes, and the not-found problem
  // of an unknown API path, stay theirs whatever was registered first.
  http.Get(R"((?!/(v1|match|healthz|readyz|metrics)(/|$))/.*)",
           [console](const httplib::Request& req, httplib::Response& res) {
             console->Answer(req, res);
           });
}

}  // namespace hudud::server
