// `hudud serve --audit-key`: the audit chain head is signed while the
// server runs and once more when it stops, so every record it answered for
// is covered by a signature that verifies with the public key.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "live_server.h"
#include "store/audit.h"

namespace hudud::server {
namespace {

TEST(AuditSignerTest, TheServerSignsTheHeadPeriodicallyAndOnShutdown) {
  const std::string key =
      (std::filesystem::temp_directory_path() / ("hudud-audit-key-" + std::to_string(getpid())))
          .string();
  std::filesystem::remove(key);
  ServerOptions o;
  o.audit_key = key;
  o.audit_sign_interval_seconds = 1;
  o.retention_interval_seconds = 0;
  LiveServer live("signer", o);
  ASSERT_TRUE(std::filesystem::exists(key));
  EXPECT_EQ(std::filesystem::status(key).permissions() & std::filesystem::perms::group_all,
            std::filesystem::perms::none);
  Result<std::string> public_key = store::LoadAuditPublicKey(key);
  ASSERT_TRUE(public_key.ok());

  auto r = live.Post("/v1/screen", R"({"name":"Олим Назаров"})", "amina", "ct-investigation");
  ASSERT_TRUE(r && r->status == 200) << (r ? r->body : "");
  const int64_t seq = std::stoll(LiveServer::Body(r)["reference"].get<std::string>().substr(4));
  // Signed within a couple of intervals.
  int64_t signed_through = 0;
  for (int i = 0; i < 100 && signed_through < seq; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto store = store::Store::Open(live.db());
    ASSERT_TRUE(store.ok());
    auto v = store::VerifyAudit(**store, *public_key);
    ASSERT_TRUE(v.ok());
    // Not ok until the first signature: "no signature with the expected key".
    if (v->ok) signed_through = v->signed_through;
  }
  EXPECT_GE(signed_through, seq);

  // More records, then a stop: the last one is signed too.
  for (int i = 0; i < 5; ++i) {
    auto again =
        live.Post("/v1/screen", R"({"name":"Fatima Zahra Benali"})", "amina", "ct-investigation");
    ASSERT_TRUE(again && again->status == 200);
  }
  live.Stop();
  auto store = store::Store::Open(live.db());
  ASSERT_TRUE(store.ok());
  auto v = store::VerifyAudit(**store, *public_key);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
  EXPECT_EQ(v->signed_through, v->last_seq);
  std::filesystem::remove(key);
}

}  // namespace
}  // namespace hudud::server
