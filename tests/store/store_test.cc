// Pins the Store: schema setup and its errors, versioned imports with their
// added/changed/removed summary, atomicity of a failed import, and loading.
#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "test_entities.h"

namespace hudud::store {
namespace {

namespace fs = std::filesystem;
using testing_util::ExpectEntityEq;
using testing_util::FullEntity;
using testing_util::SmallEntity;

// A fresh directory per test, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           ("hudud_store_" + std::string(info->name()) + "_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "hudud.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> OpenOrDie() {
    Result<std::unique_ptr<Store>> s = Store::Open(db_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }

  // Runs one query returning a single integer, straight on the file.
  int64_t QueryInt(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    int64_t v = -1;
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
  }

  void ExecSql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }

  static lists::ParsedList MakeList(std::vector<model::Entity> entities,
                                    const std::string& list_id = "un") {
    lists::ParsedList list;
    list.list_id = list_id;
    list.format = "un-xml";
    list.generated_at = "2026-02-27T00:00:00Z";
    list.entities = std::move(entities);
    return list;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(StoreTest, Sha256HexMatchesKnownDigests) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(StoreTest, OpenCreatesSchemaInWalMode) {
  ASSERT_NE(OpenOrDie(), nullptr);
  // Every migration ran: the tables of the first and of the later ones exist.
  EXPECT_GE(QueryInt("SELECT version FROM schema_version"), 2);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                     "('lists', 'list_versions', 'entities', 'names', 'subjects', 'alerts')"),
            6);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "wal");
  sqlite3_finalize(s);
  sqlite3_close(db);
  // Opening again finds the schema current and changes nothing.
  ASSERT_NE(OpenOrDie(), nullptr);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM schema_version"), 1);
}

TEST_F(StoreTest, EmptyStoreLoadsNothing) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<std::vector<model::Entity>> all = store->LoadActiveEntities();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_TRUE(all->empty());
  Result<std::vector<ListVersion>> versions = store->ListVersions();
  ASSERT_TRUE(versions.ok());
  EXPECT_TRUE(versions->empty());
}

TEST_F(StoreTest, FullEntityRoundTripsThroughTheDatabase) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    Result<ImportSummary> r =
        store->ImportList(MakeList({FullEntity(), SmallEntity(1)}), "un.xml", Sha256Hex("v1"));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_FALSE(r->unchanged);
    EXPECT_EQ(r->added, 2);
    EXPECT_EQ(r->changed, 0);
    EXPECT_EQ(r->removed, 0);
    const ListVersion& v = r->version;
    EXPECT_GT(v.id, 0);
    EXPECT_EQ(v.list_id, "un");
    EXPECT_EQ(v.format, "un-xml");
    EXPECT_EQ(v.source, "un.xml");
    EXPECT_EQ(v.sha256, Sha256Hex("v1"));
    EXPECT_EQ(v.generated_at, "2026-02-27T00:00:00Z");
    EXPECT_EQ(v.imported_at.size(), 20u) << v.imported_at;  // 2026-03-01T12:00:00Z
    EXPECT_EQ(v.imported_at.back(), 'Z');
    EXPECT_EQ(v.entities, 2);
    EXPECT_EQ(v.names, 5 + 2);
    EXPECT_EQ(v.documents, 2 + 0);
    EXPECT_TRUE(v.active);
  }
  // A fresh connection reads what was committed.
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<std::vector<model::Entity>> all = store->LoadActiveEntities();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  ExpectEntityEq(FullEntity(), (*all)[0]);  // file order, not id order
  ExpectEntityEq(SmallEntity(1), (*all)[1]);

  // The names table mirrors the names, for SQL inspection.
  EXPECT_EQ(QueryInt("SELECT count(*) FROM names"), 7);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM names WHERE entity_id = 'un:6908555' AND "
                     "name = 'أيمن محمد ربيع الظواهري' AND kind = 'original-script'"),
            1);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM entities WHERE kind = 'person' AND "
                     "json_extract(json, '$.dob[3].to') = '1953'"),
            1);

  Result<std::vector<ListVersion>> versions = store->ListVersions();
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_TRUE((*versions)[0].active);
  EXPECT_EQ((*versions)[0].names, 7);
}

TEST_F(StoreTest, ReimportOfTheSameHashIsANoOp) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<ImportSummary> first =
      store->ImportList(MakeList({SmallEntity(1), SmallEntity(2)}), "a.xml", Sha256Hex("same"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();

  // Even different content under the same hash is not looked at: the hash
  // identifies the file.
  Result<ImportSummary> again =
      store->ImportList(MakeList({SmallEntity(3)}), "b.xml", Sha256Hex("same"));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(again->added + again->changed + again->removed, 0);
  EXPECT_EQ(again->version.id, first->version.id);
  EXPECT_EQ(again->version.source, "a.xml");
  EXPECT_TRUE(again->version.active);

  EXPECT_EQ(QueryInt("SELECT count(*) FROM list_versions"), 1);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM entities"), 2);
  Result<std::vector<model::Entity>> all = store->LoadActiveEntities();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
}

TEST_F(StoreTest, SecondVersionCountsAddedChangedRemoved) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  // v1: 1..5.
  std::vector<model::Entity> v1;
  for (int i = 1; i <= 5; ++i) v1.push_back(SmallEntity(i));
  Result<ImportSummary> r1 = store->ImportList(MakeList(v1), "v1.xml", Sha256Hex("v1"));
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  EXPECT_EQ(r1->added, 5);

  // v2: 1 and 2 unchanged, 3 changed, 4 and 5 removed, 6..8 added.
  std::vector<model::Entity> v2 = {SmallEntity(1), SmallEntity(2), SmallEntity(3, "un", 1),
                                   SmallEntity(6), SmallEntity(7), SmallEntity(8)};
  Result<ImportSummary> r2 = store->ImportList(MakeList(v2), "v2.xml", Sha256Hex("v2"));
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  EXPECT_FALSE(r2->unchanged);
  EXPECT_EQ(r2->added, 3);
  EXPECT_EQ(r2->changed, 1);
  EXPECT_EQ(r2->removed, 2);
  EXPECT_NE(r2->version.id, r1->version.id);

  Result<std::vector<model::Entity>> all = store->LoadActiveEntities();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), v2.size());
  for (size_t i = 0; i < v2.size(); ++i) ExpectEntityEq(v2[i], (*all)[i]);

  // Both versions keep their full entity sets, for diffs later.
  EXPECT_EQ(QueryInt("SELECT count(*) FROM entities WHERE version_id = " +
                     std::to_string(r1->version.id)),
            5);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM entities WHERE version_id = " +
                     std::to_string(r2->version.id)),
            6);

  Result<std::vector<ListVersion>> versions = store->ListVersions();
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].id, r2->version.id);  // newest first
  EXPECT_TRUE((*versions)[0].active);
  EXPECT_FALSE((*versions)[1].active);
  EXPECT_EQ((*versions)[1].source, "v1.xml");

  // Going back to the first file's bytes is a new version, diffed against v2.
  Result<ImportSummary> r3 = store->ImportList(MakeList(v1), "v1.xml", Sha256Hex("v1"));
  ASSERT_TRUE(r3.ok()) << r3.status().ToString();
  EXPECT_FALSE(r3->unchanged);
  EXPECT_EQ(r3->added, 2);    // 4, 5
  EXPECT_EQ(r3->changed, 1);  // 3
  EXPECT_EQ(r3->removed, 3);  // 6, 7, 8
}

TEST_F(StoreTest, ListsAreIndependentAndLoadInListOrder) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->ImportList(MakeList({SmallEntity(2, "un"), SmallEntity(1, "un")}, "un"),
                               "un.xml", Sha256Hex("un"))
                  .ok());
  ASSERT_TRUE(
      store->ImportList(MakeList({SmallEntity(9, "eu")}, "eu"), "eu.xml", Sha256Hex("eu")).ok());
  // A new un version removes nothing from eu.
  Result<ImportSummary> r =
      store->ImportList(MakeList({SmallEntity(2, "un")}, "un"), "un2.xml", Sha256Hex("un2"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->removed, 1);

  Result<std::vector<model::Entity>> all = store->LoadActiveEntities();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, "eu:9");
  EXPECT_EQ((*all)[1].id, "un:2");
}

TEST_F(StoreTest, DuplicateIdIsRejectedAndThePreviousVersionStays) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->ImportList(MakeList({SmallEntity(1)}), "v1.xml", Sha256Hex("v1")).ok());

  Result<ImportSummary> bad =
      store->ImportList(MakeList({SmallEntity(2), SmallEntity(3), SmallEntity(2, "un", 1)}),
                        "v2.xml", Sha256Hex("v2"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("un:2"), std::string::npos) << bad.status().message();

  EXPECT_EQ(QueryInt("SELECT count(*) FROM list_versions"), 1);
  Result<std::vector<model::Entity>> all = store->LoadActiveEntities();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  ExpectEntityEq(SmallEntity(1), (*all)[0]);
}

TEST_F(StoreTest, FailureMidImportRollsBackEverything) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(
        store->ImportList(MakeList({SmallEntity(1), SmallEntity(2)}), "v1.xml", Sha256Hex("v1"))
            .ok());
  }
  // Make sqlite fail on the third entity's name, after the version row and
  // two entities of the new version have been written.
  ExecSql(
      "CREATE TRIGGER fail_import BEFORE INSERT ON names WHEN NEW.entity_id = 'un:30' "
      "BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END");

  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<ImportSummary> bad = store->ImportList(
      MakeList({SmallEntity(10), SmallEntity(20), SmallEntity(30)}), "v2.xml", Sha256Hex("v2"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kIOError);
  EXPECT_NE(bad.status().message().find(db_), std::string::npos) << bad.status().message();
  EXPECT_NE(bad.status().message().find("simulated disk failure"), std::string::npos)
      << bad.status().message();
  EXPECT_NE(bad.status().message().find("un:30"), std::string::npos) << bad.status().message();

  EXPECT_EQ(QueryInt("SELECT count(*) FROM list_versions"), 1);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM entities"), 2);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM names"), 4);
  Result<std::vector<model::Entity>> all = store->LoadActiveEntities();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  ExpectEntityEq(SmallEntity(1), (*all)[0]);
  ExpectEntityEq(SmallEntity(2), (*all)[1]);

  // The same Store recovers: once the cause is gone the import goes through.
  ExecSql("DROP TRIGGER fail_import");
  Result<ImportSummary> good = store->ImportList(
      MakeList({SmallEntity(10), SmallEntity(20), SmallEntity(30)}), "v2.xml", Sha256Hex("v2"));
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(good->added, 3);
  EXPECT_EQ(good->removed, 2);
}

TEST_F(StoreTest, ReadOnlyDatabaseFailsAndKeepsThePreviousVersion) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->ImportList(MakeList({SmallEntity(1)}), "v1.xml", Sha256Hex("v1")).ok());
  }
  fs::permissions(db_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  Result<std::unique_ptr<Store>> store = Store::Open(db_);
  if (store.ok()) {
    Result<ImportSummary> bad =
        (*store)->ImportList(MakeList({SmallEntity(2)}), "v2.xml", Sha256Hex("v2"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), Status::Code::kIOError);
    EXPECT_NE(bad.status().message().find(db_), std::string::npos) << bad.status().message();
  } else {
    EXPECT_EQ(store.status().code(), Status::Code::kIOError);
  }
  fs::permissions(db_, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM list_versions"), 1);
}

TEST_F(StoreTest, RejectsMissingListIdOrEntityId) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<ImportSummary> r = store->ImportList(MakeList({SmallEntity(1)}, ""), "x", "abc");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);

  model::Entity no_id = SmallEntity(1);
  no_id.id.clear();
  r = store->ImportList(MakeList({no_id}), "x", "abc");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);

  r = store->ImportList(MakeList({SmallEntity(1)}), "x", "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
}

TEST_F(StoreTest, GarbageFileIsNotADatabase) {
  {
    std::ofstream out(db_, std::ios::binary);
    for (int i = 0; i < 200; ++i) out << "this is not a sqlite database, just text. ";
  }
  Result<std::unique_ptr<Store>> s = Store::Open(db_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kIOError);
  EXPECT_NE(s.status().message().find(db_), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("not a database"), std::string::npos) << s.status().message();
}

TEST_F(StoreTest, DirectoryPathFailsClearly) {
  Result<std::unique_ptr<Store>> s = Store::Open(dir_.string());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kIOError);
  EXPECT_NE(s.status().message().find(dir_.string()), std::string::npos);
}

TEST_F(StoreTest, ForeignSqliteDatabaseIsLeftAlone) {
  ExecSql("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)");
  Result<std::unique_ptr<Store>> s = Store::Open(db_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("not a hudud database"), std::string::npos)
      << s.status().message();
  EXPECT_EQ(QueryInt("SELECT count(*) FROM sqlite_master WHERE name = 'lists'"), 0);
}

TEST_F(StoreTest, NewerSchemaVersionIsRefused) {
  ASSERT_NE(OpenOrDie(), nullptr);
  ExecSql("UPDATE schema_version SET version = 99");
  Result<std::unique_ptr<Store>> s = Store::Open(db_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(s.status().message().find("99"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find(db_), std::string::npos) << s.status().message();
}

TEST_F(StoreTest, CorruptStoredJsonIsReportedNotCrashed) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->ImportList(MakeList({SmallEntity(1)}), "v1.xml", Sha256Hex("v1")).ok());
  }
  ExecSql("UPDATE entities SET json = '{\"id\":\"un:1\",\"kind\":\"dragon\"}'");
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<std::vector<model::Entity>> all = store->LoadActiveEntities();
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.status().code(), Status::Code::kCorruption);
  EXPECT_NE(all.status().message().find("un:1"), std::string::npos) << all.status().message();
}

// A list the size of the UN one (~1,000 entities) loads back whole. Its
// speed is measured in bench/, not here.
TEST_F(StoreTest, LoadsAUnSizedList) {
  std::vector<model::Entity> entities;
  for (int i = 0; i < 1003; ++i) {
    model::Entity e = i % 10 == 0 ? FullEntity() : SmallEntity(i);
    e.id = "un:" + std::to_string(i);
    entities.push_back(std::move(e));
  }
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->ImportList(MakeList(entities), "un.xml", Sha256Hex("un")).ok());
  auto reopened = OpenOrDie();
  ASSERT_NE(reopened, nullptr);
  Result<std::vector<model::Entity>> all = reopened->LoadActiveEntities();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), entities.size());
  for (size_t i = 0; i < entities.size(); ++i) ExpectEntityEq(entities[i], (*all)[i]);
}

// The vendored UN list, when the parser is available: every entity survives
// the database unchanged.
TEST_F(StoreTest, VendoredUnListRoundTrips) {
  const std::string path = std::string(HUDUD_DATA_DIR) + "/lists/un-consolidated-2026-02-27.xml";
  if (!fs::exists(path)) GTEST_SKIP() << path << " not found";
  Result<lists::ParsedList> list = lists::ReadListFile(path, "auto");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  Result<ImportSummary> r = store->ImportList(*list, path, Sha256Hex(list->generated_at + path));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->added, static_cast<int64_t>(list->entities.size()));
  Result<std::vector<model::Entity>> all = store->LoadActiveEntities();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), list->entities.size());
  for (size_t i = 0; i < all->size(); ++i) ExpectEntityEq(list->entities[i], (*all)[i]);
}

}  // namespace
}  // namespace hudud::store
