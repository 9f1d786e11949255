// Every endpoint against every role, driven by the API document itself:
// docs/openapi.json must describe exactly the routes the server answers,
// each with the permission it requires (x-hudud-permission); then every
// route is called as every role, and the answer must be 403 exactly when
// the role lacks the permission (store/access.h's one table), and 401
// without credentials. A route added without its document entry, or a
// handler asking for another permission than documented, fails here.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "live_server.h"
#include "store/purposes.h"

namespace hudud::server {
namespace {

using api::Json;

// A purpose the role may give (the first configured for it).
std::string PurposeFor(store::Role role) {
  for (const store::Purpose& p : store::DefaultPurposes()) {
    if (p.roles.empty()) return p.code;
    for (store::Role r : p.roles) {
      if (r == role) return p.code;
    }
  }
  return "";
}

// A concrete path for a documented route: placeholders become values that
// parse (the resource itself need not exist: 404 is an answer too).
std::string Concrete(std::string route) {
  const std::vector<std::pair<std::string, std::string>> values = {
      {"{id}", "1"}, {"{list}", "un"}, {"{name}", "no-such-rule"}, {"{dataset}", "default"}};
  for (const auto& [from, to] : values) {
    for (size_t at = route.find(from); at != std::string::npos; at = route.find(from)) {
      route.replace(at, from.size(), to);
    }
  }
  const size_t ref = route.find("{reference}");
  if (ref != std::string::npos) {
    route.replace(ref, 11, route.rfind("/v1/redress", 0) == 0 ? "RDR-1" : "HUD-1");
  }
  return route;
}

// The roles a documented permission admits: "a or b", "any signed-in user".
std::set<store::Role> Admitted(const std::string& documented) {
  std::set<store::Role> out;
  if (documented == "any signed-in user") {
    for (store::Role r : store::AllRoles()) out.insert(r);
    return out;
  }
  size_t start = 0;
  while (start <= documented.size()) {
    size_t end = documented.find(" or ", start);
    if (end == std::string::npos) end = documented.size();
    Result<store::Permission> p = store::ParsePermission(documented.substr(start, end - start));
    EXPECT_TRUE(p.ok()) << "x-hudud-permission '" << documented << "' names no permission";
    if (p.ok()) {
      for (store::Role r : store::AllRoles()) {
        if (store::Allows(r, *p)) out.insert(r);
      }
    }
    start = end + 4;
  }
  return out;
}

TEST(RoleMatrixTest, EveryRouteIsDocumentedAndRefusesEveryRoleItShould) {
  LiveServer live("matrix");
  auto doc = live.Get("/v1/openapi.json", "", "");
  ASSERT_TRUE(doc);
  const Json api = LiveServer::Body(doc);
  ASSERT_TRUE(api.is_object());

  std::set<std::string> documented, served;
  for (auto it = api["paths"].begin(); it != api["paths"].end(); ++it) documented.insert(it.key());
  for (std::string_view r : Routes()) served.insert(std::string(r));
  for (const std::string& r : served) EXPECT_TRUE(documented.count(r)) << r << " is undocumented";
  for (const std::string& r : documented) EXPECT_TRUE(served.count(r)) << r << " is not served";

  const std::vector<std::pair<std::string, store::Role>> users = {
      {"root", store::Role::kAdmin},    {"lena", store::Role::kListManager},
      {"amina", store::Role::kAnalyst}, {"omar", store::Role::kBorderOfficer},
      {"dpo", store::Role::kAuditor},   {"bank", store::Role::kPartner}};
  int checked = 0;
  for (auto path = api["paths"].begin(); path != api["paths"].end(); ++path) {
    for (auto op = path.value().begin(); op != path.value().end(); ++op) {
      const std::string method = op.key() == "get"      ? "GET"
                                 : op.key() == "post"   ? "POST"
                                 : op.key() == "put"    ? "PUT"
                                 : op.key() == "delete" ? "DELETE"
                                                        : "";
      ASSERT_FALSE(method.empty()) << op.key() << " " << path.key();
      const std::string where = method + " " + path.key();
      // OpenAPI: no security requirement (absent or []) = public.
      const bool is_public = !op.value().contains("security") || op.value()["security"].empty();
      if (is_public) {
        EXPECT_FALSE(op.value().contains("x-hudud-permission")) << where;
        continue;
      }
      ASSERT_TRUE(op.value().contains("x-hudud-permission")) << where << " documents no permission";
      bool bearer = false;
      for (const auto& scheme : op.value()["security"])
        bearer = bearer || scheme.contains("bearer");
      if (!bearer) continue;  // a console cookie only (sign-out): server_test signs in for it
      const std::set<store::Role> admitted = Admitted(op.value()["x-hudud-permission"]);
      const std::string target = Concrete(path.key());
      auto anonymous = live.Send(method, target, "{}", "", "");
      ASSERT_TRUE(anonymous) << where;
      EXPECT_EQ(anonymous->status, 401) << where << ": " << anonymous->body;
      for (const auto& [user, role] : users) {
        auto r = live.Send(method, target, "{}", user, PurposeFor(role));
        ASSERT_TRUE(r) << where << " as " << user;
        const Json body = LiveServer::Body(r);
        const std::string type =
            body.is_object() && body.contains("type") && body["type"].is_string()
                ? body["type"].get<std::string>()
                : "";
        if (admitted.count(role)) {
          EXPECT_NE(r->status, 401) << where << " as " << user << ": " << r->body;
          EXPECT_NE(type, "/v1/problems/forbidden") << where << " as " << user << ": " << r->body;
          EXPECT_LT(r->status, 500) << where << " as " << user << ": " << r->body;
        } else {
          EXPECT_EQ(r->status, 403) << where << " as " << user << ": " << r->body;
          EXPECT_EQ(type, "/v1/problems/forbidden") << where << " as " << user;
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 6 * 60);
}

}  // namespace
}  // namespace hudud::server
