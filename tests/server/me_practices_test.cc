// GET /v1/me and PUT /v1/me/preferences (me_endpoint.cc), and the
// good-practices library (practices_endpoint.cc, store/practices.h): the
// seed in four languages, search in Arabic, Russian and French, filters,
// pages, writes by list managers only, validation naming the field, edits
// visible in search, translations.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "live_server.h"
#include "store/practices.h"

namespace hudud::server {
namespace {

using api::Json;

std::string Q(const std::string& text) { return httplib::detail::encode_query_param(text); }

std::vector<std::string> Strings(const Json& arr) {
  std::vector<std::string> out;
  for (const Json& v : arr) out.push_back(v.get<std::string>());
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> PurposeCodes(const Json& me) {
  std::vector<std::string> out;
  for (const Json& p : me["purposes"]) {
    EXPECT_TRUE(p["description"].is_string() && !p["description"].get<std::string>().empty());
    out.push_back(p["code"].get<std::string>());
  }
  return out;
}

TEST(MeTest, EachRoleSeesItsPermissionsPurposesAndOrganisation) {
  LiveServer live("me");
  auto analyst = live.Get("/v1/me", "amina", "");  // no purpose needed
  ASSERT_TRUE(analyst);
  ASSERT_EQ(analyst->status, 200) << analyst->body;
  Json me = LiveServer::Body(analyst);
  EXPECT_EQ(me["user"], "amina");
  EXPECT_EQ(me["role"], "analyst");
  EXPECT_TRUE(me["organisation"].is_null());
  EXPECT_TRUE(me["language"].is_null());
  std::vector<std::string> perms = Strings(me["permissions"]);
  EXPECT_TRUE(Contains(perms, "screen"));
  EXPECT_TRUE(Contains(perms, "alerts-decide"));
  EXPECT_FALSE(Contains(perms, "users-manage"));
  EXPECT_FALSE(Contains(perms, "practices-write"));
  std::vector<std::string> purposes = PurposeCodes(me);
  EXPECT_TRUE(Contains(purposes, "border-control"));
  EXPECT_TRUE(Contains(purposes, "ct-investigation"));
  EXPECT_FALSE(Contains(purposes, "audit"));
  EXPECT_FALSE(Contains(purposes, "retention"));

  me = LiveServer::Body(live.Get("/v1/me", "omar", ""));
  EXPECT_EQ(me["role"], "border-officer");
  EXPECT_EQ(Strings(me["permissions"]), (std::vector<std::string>{"screen", "manifests-upload"}));
  EXPECT_EQ(PurposeCodes(me), std::vector<std::string>{"border-control"});

  me = LiveServer::Body(live.Get("/v1/me", "bank", ""));
  EXPECT_EQ(me["role"], "partner");
  EXPECT_EQ(me["organisation"], "bank-a");
  EXPECT_EQ(Strings(me["permissions"]), std::vector<std::string>{"shared-read"});
  EXPECT_EQ(PurposeCodes(me), std::vector<std::string>{"international-cooperation"});

  me = LiveServer::Body(live.Get("/v1/me", "lena", ""));
  EXPECT_EQ(me["role"], "list-manager");
  EXPECT_TRUE(Contains(Strings(me["permissions"]), "practices-write"));

  me = LiveServer::Body(live.Get("/v1/me", "root", ""));
  EXPECT_EQ(me["role"], "admin");
  EXPECT_EQ(PurposeCodes(me), std::vector<std::string>{"retention"});

  LiveServer::ExpectProblem(live.Get("/v1/me", "", ""), 401, "unauthenticated");
}

TEST(MeTest, LanguagePreferenceRoundTripsAndRefusesOthers) {
  LiveServer live("me-lang");
  auto put = live.Send("PUT", "/v1/me/preferences", R"({"language": "ar"})", "amina", "");
  ASSERT_TRUE(put);
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(LiveServer::Body(put)["language"], "ar");
  EXPECT_EQ(LiveServer::Body(put)["user"], "amina");
  EXPECT_EQ(LiveServer::Body(live.Get("/v1/me", "amina", ""))["language"], "ar");
  // Another user's choice is theirs.
  EXPECT_TRUE(LiveServer::Body(live.Get("/v1/me", "karim", ""))["language"].is_null());

  // Absent: unchanged; null: cleared.
  put = live.Send("PUT", "/v1/me/preferences", "{}", "amina", "");
  EXPECT_EQ(LiveServer::Body(put)["language"], "ar");
  put = live.Send("PUT", "/v1/me/preferences", R"({"language": "ru"})", "amina", "");
  EXPECT_EQ(LiveServer::Body(put)["language"], "ru");
  put = live.Send("PUT", "/v1/me/preferences", R"({"language": null})", "amina", "");
  EXPECT_TRUE(LiveServer::Body(put)["language"].is_null());
  EXPECT_TRUE(LiveServer::Body(live.Get("/v1/me", "amina", ""))["language"].is_null());

  auto bad = live.Send("PUT", "/v1/me/preferences", R"({"language": "de"})", "amina", "");
  LiveServer::ExpectProblem(bad, 400, "invalid-request");
  EXPECT_NE(LiveServer::Body(bad)["detail"].get<std::string>().find("language"), std::string::npos);
  LiveServer::ExpectProblem(
      live.Send("PUT", "/v1/me/preferences", R"({"language": "EN"})", "amina", ""), 400,
      "invalid-request");
  LiveServer::ExpectProblem(
      live.Send("PUT", "/v1/me/preferences", R"({"language": 1})", "amina", ""), 400,
      "invalid-request");
  bad =
      live.Send("PUT", "/v1/me/preferences", R"({"language": "fr", "theme": "dark"})", "amina", "");
  LiveServer::ExpectProblem(bad, 400, "invalid-request");
  EXPECT_NE(LiveServer::Body(bad)["detail"].get<std::string>().find("theme"), std::string::npos);
  // A refused request changed nothing.
  EXPECT_TRUE(LiveServer::Body(live.Get("/v1/me", "amina", ""))["language"].is_null());
  LiveServer::ExpectProblem(live.Send("PUT", "/v1/me/preferences", R"({"language": "fr"})", "", ""),
                            401, "unauthenticated");
}

// The ids of a /v1/practices answer.
std::vector<int64_t> Ids(const Json& page) {
  std::vector<int64_t> out;
  for (const Json& p : page["practices"]) out.push_back(p["id"].get<int64_t>());
  return out;
}

std::set<std::string> Languages(const Json& page) {
  std::set<std::string> out;
  for (const Json& p : page["practices"]) out.insert(p["language"].get<std::string>());
  return out;
}

Json Search(const LiveServer& live, const std::string& query, const std::string& user = "omar") {
  auto r = live.Get("/v1/practices" + query, user, "");
  EXPECT_TRUE(r);
  if (!r) return Json();
  EXPECT_EQ(r->status, 200) << query << ": " << r->body;
  return LiveServer::Body(r);
}

TEST(PracticesTest, SeedSearchFiltersAndPages) {
  LiveServer live("practices-read");
  // Every role reads; no purpose.
  Json all = Search(live, "?limit=200", "bank");
  ASSERT_EQ(all["total"], 16);
  ASSERT_EQ(all["practices"].size(), 16u);
  EXPECT_TRUE(all["next"].is_null());
  EXPECT_EQ(Languages(all), (std::set<std::string>{"ar", "en", "ru", "fr"}));
  std::map<std::string, std::set<std::string>> groups;
  for (const Json& p : all["practices"]) {
    groups[p["group"]].insert(p["language"]);
    EXPECT_FALSE(p.contains("body"));
    const std::string summary = p["summary"];
    EXPECT_GT(summary.size(), 50u);
    EXPECT_LE(store::PracticeSummary(summary).size(), summary.size());
    EXPECT_NE(p["source"].get<std::string>(), "");
    EXPECT_EQ(p["created_by"], "hudud");
  }
  ASSERT_EQ(groups.size(), 4u);
  for (const auto& [group, langs] : groups) EXPECT_EQ(langs.size(), 4u) << group;
  EXPECT_EQ(Strings(all["regions"]), (std::vector<std::string>{"central-asia", "global", "mena"}));
  EXPECT_EQ(Strings(all["topics"]),
            (std::vector<std::string>{"api-pnr", "cooperation", "safeguards", "sanctions"}));

  // Arabic: a word of the body, and the same without its hamza.
  Json ar = Search(live, "?q=" + Q("الإنتربول"));
  ASSERT_GE(ar["total"].get<int>(), 1);
  EXPECT_EQ(Languages(ar), std::set<std::string>{"ar"});
  EXPECT_EQ(Search(live, "?q=" + Q("الانتربول"))["total"], ar["total"]);
  // With short vowels written.
  EXPECT_GE(Search(live, "?q=" + Q("المُسافرين"))["total"].get<int>(), 1);
  // Russian in capitals finds the lower-case word.
  Json ru = Search(live, "?q=" + Q("ИНТЕРПОЛА"));
  ASSERT_EQ(ru["total"], 1);
  EXPECT_EQ(Languages(ru), std::set<std::string>{"ru"});
  // French with and without accents.
  Json fr = Search(live, "?q=" + Q("Déclaration Koweït"));
  ASSERT_GE(fr["total"].get<int>(), 2);
  EXPECT_EQ(Languages(fr), std::set<std::string>{"fr"});
  EXPECT_EQ(Ids(Search(live, "?q=declaration%20koweit")), Ids(fr));
  // A word's start; FTS operators are words like any other.
  EXPECT_GE(Search(live, "?q=translitt")["total"].get<int>(), 1);
  EXPECT_EQ(Search(live, "?q=goAML")["total"], 4);
  EXPECT_LE(Search(live, "?q=" + Q("goaml OR NOT \"x ("))["total"].get<int>(), 4);
  EXPECT_EQ(Search(live, "?q=zzzqqq")["total"], 0);

  // Filters, alone and with a query.
  Json en = Search(live, "?language=en");
  EXPECT_EQ(en["total"], 4);
  EXPECT_EQ(Languages(en), std::set<std::string>{"en"});
  Json sanctions = Search(live, "?topic=sanctions&region=mena");
  EXPECT_EQ(sanctions["total"], 4);
  EXPECT_EQ(Search(live, "?topic=sanctions&region=global")["total"], 0);
  Json goaml_ru = Search(live, "?q=goaml&language=ru");
  EXPECT_EQ(goaml_ru["total"], 1);
  EXPECT_EQ(goaml_ru["practices"][0]["topic"], "cooperation");

  // Pages: 16 by 5, then by relevance over a query.
  std::vector<int64_t> seen;
  std::string after;
  for (int page = 0; page < 5; ++page) {
    Json p = Search(live, "?limit=5" + after);
    EXPECT_EQ(p["total"], 16);
    for (int64_t id : Ids(p)) seen.push_back(id);
    if (p["next"].is_null()) break;
    after = "&after=" + std::to_string(p["next"].get<int64_t>());
  }
  EXPECT_EQ(seen, Ids(all));
  Json ranked = Search(live, "?q=goaml&limit=200");
  Json first = Search(live, "?q=goaml&limit=3");
  ASSERT_EQ(first["practices"].size(), 3u);
  Json second =
      Search(live, "?q=goaml&limit=3&after=" + std::to_string(first["next"].get<int64_t>()));
  std::vector<int64_t> paged = Ids(first);
  for (int64_t id : Ids(second)) paged.push_back(id);
  EXPECT_EQ(paged, Ids(ranked));
  EXPECT_TRUE(second["next"].is_null());

  // One article, with its three translations.
  const int64_t id = all["practices"][1]["id"];
  auto one = live.Get("/v1/practices/" + std::to_string(id), "dpo", "");
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  Json article = LiveServer::Body(one);
  EXPECT_GE(article["body"].get<std::string>().size(), 500u);
  ASSERT_EQ(article["translations"].size(), 3u);
  std::set<std::string> others;
  for (const Json& t : article["translations"]) {
    others.insert(t["language"]);
    EXPECT_NE(t["id"], article["id"]);
    EXPECT_FALSE(t["title"].get<std::string>().empty());
  }
  others.insert(article["language"]);
  EXPECT_EQ(others, (std::set<std::string>{"ar", "en", "ru", "fr"}));

  LiveServer::ExpectProblem(live.Get("/v1/practices/999", "omar", ""), 404, "not-found");
  LiveServer::ExpectProblem(live.Get("/v1/practices?language=de", "omar", ""), 400,
                            "invalid-request");
  LiveServer::ExpectProblem(live.Get("/v1/practices?limit=201", "omar", ""), 400,
                            "invalid-request");
  LiveServer::ExpectProblem(live.Get("/v1/practices", "", ""), 401, "unauthenticated");
}

std::string Article(const std::string& title, const std::string& language,
                    const std::string& extra = "") {
  return Json{{"title", title},
              {"language", language},
              {"region", "sahel"},
              {"topic", "documents"},
              {"source", "INTERPOL SLTD"},
              {"body",
               "Check every travel document against the register of stolen and lost documents "
               "before the traveller reaches the booth."}}
      .dump()
      .insert(1, extra);
}

void ExpectFieldProblem(const httplib::Result& r, const std::string& field) {
  LiveServer::ExpectProblem(r, 400, "invalid-request");
  if (r) {
    EXPECT_NE(LiveServer::Body(r)["detail"].get<std::string>().find(field), std::string::npos)
        << r->body;
  }
}

TEST(PracticesTest, ListManagersWriteAndEveryWriteIsCheckedAndRecorded) {
  LiveServer live("practices-write");
  auto created =
      live.Post("/v1/practices", Article("Check documents at the booth", "en"), "lena", "");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  Json a = LiveServer::Body(created);
  const int64_t id = a["id"];
  EXPECT_EQ(a["group"], "practice-" + std::to_string(id));
  EXPECT_EQ(a["created_by"], "lena");
  EXPECT_EQ(a["translations"].size(), 0u);
  EXPECT_EQ(Search(live, "?q=booth&language=en")["practices"][0]["id"], id);
  EXPECT_EQ(Strings(Search(live, "")["regions"]),
            (std::vector<std::string>{"central-asia", "global", "mena", "sahel"}));

  // Its French translation, in the same group.
  auto fr = live.Post("/v1/practices",
                      Article("Contrôler les documents au guichet", "fr",
                              "\"group\": \"" + a["group"].get<std::string>() + "\", "),
                      "lena", "");
  ASSERT_TRUE(fr);
  ASSERT_EQ(fr->status, 201) << fr->body;
  const int64_t fr_id = LiveServer::Body(fr)["id"];
  Json shown = LiveServer::Body(live.Get("/v1/practices/" + std::to_string(id), "amina", ""));
  ASSERT_EQ(shown["translations"].size(), 1u);
  EXPECT_EQ(shown["translations"][0]["id"], fr_id);
  EXPECT_EQ(shown["translations"][0]["language"], "fr");
  EXPECT_EQ(shown["translations"][0]["title"], "Contrôler les documents au guichet");
  // A second French one in the group is a conflict.
  LiveServer::ExpectProblem(
      live.Post("/v1/practices",
                Article("Encore une fois", "fr",
                        "\"group\": \"" + a["group"].get<std::string>() + "\", "),
                "lena", ""),
      409, "conflict");

  // Only list managers write.
  for (const char* user : {"amina", "omar", "dpo", "root", "bank"}) {
    LiveServer::ExpectProblem(live.Post("/v1/practices", Article("Not mine", "en"), user, ""), 403,
                              "forbidden");
  }
  LiveServer::ExpectProblem(live.Send("PUT", "/v1/practices/" + std::to_string(id),
                                      Article("Not mine", "en"), "amina", ""),
                            403, "forbidden");

  // Refusals name the field.
  ExpectFieldProblem(live.Post("/v1/practices", Article("ab", "en"), "lena", ""), "title");
  ExpectFieldProblem(live.Post("/v1/practices", Article(std::string(201, 'x'), "en"), "lena", ""),
                     "title");
  ExpectFieldProblem(live.Post("/v1/practices", Article("Fine title", "de"), "lena", ""),
                     "language");
  Json short_body = Json::parse(Article("Fine title", "en"));
  short_body["body"] = "too short";
  ExpectFieldProblem(live.Post("/v1/practices", short_body.dump(), "lena", ""), "body");
  Json no_region = Json::parse(Article("Fine title", "en"));
  no_region["region"] = "";
  ExpectFieldProblem(live.Post("/v1/practices", no_region.dump(), "lena", ""), "region");
  Json long_topic = Json::parse(Article("Fine title", "en"));
  long_topic["topic"] = std::string(101, 't');
  ExpectFieldProblem(live.Post("/v1/practices", long_topic.dump(), "lena", ""), "topic");
  Json long_source = Json::parse(Article("Fine title", "en"));
  long_source["source"] = std::string(501, 's');
  ExpectFieldProblem(live.Post("/v1/practices", long_source.dump(), "lena", ""), "source");
  Json two_lines = Json::parse(Article("Fine title", "en"));
  two_lines["title"] = "Fine\ntitle";
  ExpectFieldProblem(live.Post("/v1/practices", two_lines.dump(), "lena", ""), "title");
  // Invalid UTF-8 is not even JSON.
  LiveServer::ExpectProblem(
      live.Post("/v1/practices",
                "{\"title\": \"Fine \xff title\", \"body\": \"" + std::string(30, 'b') +
                    "\", \"language\": \"en\", \"region\": \"r\", \"topic\": \"t\"}",
                "lena", ""),
      400, "invalid-json");
  ExpectFieldProblem(
      live.Post("/v1/practices", Article("Fine title", "en", "\"author\": \"x\", "), "lena", ""),
      "author");
  Json missing = Json::parse(Article("Fine title", "en"));
  missing.erase("topic");
  ExpectFieldProblem(live.Post("/v1/practices", missing.dump(), "lena", ""), "topic");
  ExpectFieldProblem(
      live.Post("/v1/practices", Article("Fine title", "en", "\"group\": \"Bad Group\", "), "lena",
                ""),
      "group");
  // Characters, not bytes: 3 Arabic letters are a title.
  auto arabic = live.Post("/v1/practices", Article("أمن", "ar"), "lena", "");
  ASSERT_TRUE(arabic);
  EXPECT_EQ(arabic->status, 201) << arabic->body;

  // An edit is searchable at once, and the old words are gone.
  Json edit = Json::parse(Article("Check documents at the gate", "en"));
  edit["body"] = "Verify every passport against the zanzibarian register before boarding.";
  auto put = live.Send("PUT", "/v1/practices/" + std::to_string(id), edit.dump(), "lena", "");
  ASSERT_TRUE(put);
  ASSERT_EQ(put->status, 200) << put->body;
  Json edited = LiveServer::Body(put);
  EXPECT_EQ(edited["title"], "Check documents at the gate");
  EXPECT_EQ(edited["group"], a["group"]);  // kept without a group
  EXPECT_EQ(edited["created_at"], a["created_at"]);
  EXPECT_EQ(edited["translations"].size(), 1u);
  EXPECT_EQ(Ids(Search(live, "?q=zanzibarian")), std::vector<int64_t>{id});
  EXPECT_EQ(Search(live, "?q=booth&language=en")["total"], 0);
  LiveServer::ExpectProblem(
      live.Send("PUT", "/v1/practices/9999", Article("Fine title", "en"), "lena", ""), 404,
      "not-found");
  ExpectFieldProblem(live.Send("PUT", "/v1/practices/" + std::to_string(id), "{}", "lena", ""),
                     "title");
  // Moving it into French would give its group two French articles.
  LiveServer::ExpectProblem(live.Send("PUT", "/v1/practices/" + std::to_string(id),
                                      Article("Check documents", "fr"), "lena", ""),
                            409, "conflict");

  // The writes are in the audit trail as changes.
  auto audit = live.Get("/v1/audit?action=change&object=practice:", "dpo", "audit");
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->status, 200) << audit->body;
  int adds = 0, edits = 0;
  const Json records = LiveServer::Body(audit)["records"];
  for (const Json& r : records) {
    EXPECT_EQ(r["actor"], "lena");
    const Json detail =
        r["detail"].is_string() ? Json::parse(r["detail"].get<std::string>()) : r["detail"];
    if (detail["action"] == "add") ++adds;
    if (detail["action"] == "edit") ++edits;
  }
  EXPECT_EQ(adds, 3);
  EXPECT_EQ(edits, 1);
}

}  // namespace
}  // namespace hudud::server
