// GET /v1/lists: the watchlists with their active version and counts, as
// `hudud lists show --json` gives them.
#include "api/output.h"
#include "server/endpoints.h"
#include "server/problem.h"

namespace hudud::server {

void RegisterLists(httplib::Server& http, Service& service) {
  http.Get("/v1/lists", [&service](const httplib::Request& req, httplib::Response& res) {
    // List metadata names no person: no purpose needed.
    if (!service.Admit(req, res, store::Permission::kListsRead, false)) return;
    Result<std::unique_ptr<store::Store>> db = service.OpenStore();
    if (!db.ok()) {
      SendProblem(res, MakeProblem("unavailable", db.status().message()), req.path);
      return;
    }
    Result<std::vector<store::ListInfo>> lists = (*db)->Lists();
    if (!lists.ok()) {
      SendProblem(res, MakeProblem("internal", lists.status().message()), req.path);
      return;
    }
    api::Json out = api::Json::array();
    for (const store::ListInfo& l : *lists) {
      api::Json active = nullptr;
      if (l.active.id != 0) {
        active = api::Json{{"version", l.active.id},
                           {"format", l.active.format},
                           {"sha256", l.active.sha256},
                           {"generated_at", l.active.generated_at},
                           {"imported_at", l.active.imported_at},
                           {"entities", l.active.entities}};
      }
      out.push_back(api::Json{{"list", l.list_id}, {"versions", l.versions}, {"active", active}});
    }
    res.set_content(api::DumpJson(api::Json{{"lists", std::move(out)}}) + "\n", "application/json");
  });
}

}  // namespace hudud::server
