// Test data for retention and unmasking: the retention fixtures kept as
// manifests received long ago, alerts raised on travellers (with events and
// a share) and on a held subject, and audit records of screenings, the
// booth and a manifest consultation with names in them; the original values
// a depersonalised database must no longer hold anywhere.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "store/audit.h"
#include "store/manifests.h"
#include "store/store.h"

namespace hudud::store::testing {

inline std::string TravelFixture(const std::string& name) {
  std::ifstream in(std::string(HUDUD_TESTDATA_DIR) + "/travel/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Raw SQL on the database file, as another program would.
inline void Sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK)
      << (err ? err : "") << " in " << sql;
  sqlite3_free(err);
  sqlite3_close(db);
}

// The first column of the first row of `sql`, as text ("" when none).
inline std::string SqlValue(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return "<open failed>";
  sqlite3_stmt* s = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(s, 0);
    if (t != nullptr) out.assign(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s, 0));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

// Every byte of every table, for "is this value anywhere?".
inline std::string Everything(const std::string& path) {
  std::string all;
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return all;
  std::vector<std::string> tables;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  }
  sqlite3_finalize(s);
  for (const std::string& t : tables) {
    sqlite3_prepare_v2(db, ("SELECT * FROM \"" + t + "\"").c_str(), -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const void* b = sqlite3_column_blob(s, c);
        if (b != nullptr) all.append(static_cast<const char*>(b), sqlite3_column_bytes(s, c));
        all += '\n';
      }
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return all;
}

inline const std::vector<std::string>& PaxlstValues() {
  static const std::vector<std::string> kValues = {"الهاشمي",
                                                   "أحمد",
                                                   "الجهراء",
                                                   "РАХИМОВ",
                                                   "ДИЛШОД",
                                                   "ДУШАНБЕ",
                                                   "CONNOR",
                                                   "SIOBHAN",
                                                   "GALWAY",
                                                   "K01234567",
                                                   "PA9876543",
                                                   "96550012345",
                                                   "992935551234",
                                                   "AHMED.HASHIMI",
                                                   "QZ7K2M",
                                                   "KTN4455667",
                                                   "TRAVELLING TO VISIT"};
  return kValues;
}

inline const std::vector<std::string>& PnrgovValues() {
  static const std::vector<std::string> kValues = {"الصباح",
                                                   "فاطمة",
                                                   "ИВАНОВА",
                                                   "ИРИНА",
                                                   "P77123456",
                                                   "751234567",
                                                   "4111111111111111",
                                                   "5500005555555559",
                                                   "96599887766",
                                                   "FATIMA.ALSABAH",
                                                   "BAKER STREET",
                                                   "NW16XE",
                                                   "VGB123456",
                                                   "MET BY HER UNCLE",
                                                   "KNEE SURGERY",
                                                   "2292230534212",
                                                   "W9TQ7Z"};
  return kValues;
}

// Values only in the alerts and the audit trail (the last three only in
// the traveller's side of the alerts' kept explanations).
inline const std::vector<std::string>& AlertAndAuditValues() {
  static const std::vector<std::string> kValues = {
      "Dilshod Rahimov",  "Фатима Ас-Сабах", "Ahmed Al-Hashimi", "Z9988776",
      "HASHIMI AHMED vs", "Рахимофф",        "rakhimoff",        "assabakh"};
  return kValues;
}

// The explanation alert 1 keeps (match/explanation_json.h's shape), and as
// retention masks it: the traveller's side masked, the date of birth, the
// listed side and the scores kept.
inline const std::string& TravellerExplanation() {
  static const std::string kJson =
      R"({"query_name":"Dilshod Rahimov","listed_name":"RAHIMOV DILSHOD KARIMOVICH",)"
      R"("listed_name_kind":"primary","name_score":0.93,"tokens":[{"query_token":"Дилшод",)"
      R"("listed_token":"DILSHOD","query_latin":"dilshod","listed_latin":"dilshod",)"
      R"("how":"romanized","similarity":1.0,"weight":0.4},{"query_token":"Рахимофф",)"
      R"("listed_token":"RAHIMOV","query_latin":"rakhimoff","listed_latin":"rahimov",)"
      R"("how":"skeleton","similarity":0.9,"weight":0.5},{"query_token":"",)"
      R"("listed_token":"KARIMOVICH","query_latin":"","listed_latin":"karimovich",)"
      R"("how":"unmatched-listed","similarity":0.0,"weight":0.1}],"evidence":[{"field":"dob",)"
      R"("query_value":"1985-03-17","listed_value":"1985-03-17","verdict":"agrees",)"
      R"("delta":0.06},{"field":"document","query_value":"Z9988776","listed_value":"",)"
      R"("verdict":"missing","delta":0.0}],"summary":"name 0.93 (rakhimoff~rahimov )"
      R"(skeleton); dob agrees +0.06"})";
  return kJson;
}
inline const std::string& MaskedTravellerExplanation() {
  static const std::string kJson =
      R"({"query_name":"[masked]","listed_name":"RAHIMOV DILSHOD KARIMOVICH",)"
      R"("listed_name_kind":"primary","name_score":0.93,"tokens":[{"query_token":"[masked]",)"
      R"("listed_token":"DILSHOD","query_latin":"[masked]","listed_latin":"dilshod",)"
      R"("how":"romanized","similarity":1.0,"weight":0.4},{"query_token":"[masked]",)"
      R"("listed_token":"RAHIMOV","query_latin":"[masked]","listed_latin":"rahimov",)"
      R"("how":"skeleton","similarity":0.9,"weight":0.5},{"query_token":"",)"
      R"("listed_token":"KARIMOVICH","query_latin":"","listed_latin":"karimovich",)"
      R"("how":"unmatched-listed","similarity":0.0,"weight":0.1}],"evidence":[{"field":"dob",)"
      R"("query_value":"1985-03-17","listed_value":"1985-03-17","verdict":"agrees",)"
      R"("delta":0.06},{"field":"document","query_value":"[masked]","listed_value":"",)"
      R"("verdict":"missing","delta":0.0}],"summary":"[masked]"})";
  return kJson;
}

// Stores both retention fixtures as received at `received_at`; returns
// their ids.
inline std::vector<int64_t> KeepFixtures(Store& store, const std::string& received_at) {
  std::vector<int64_t> ids;
  for (const char* name : {"retention/paxlst-unow-names.edi", "retention/pnrgov-cards-names.edi"}) {
    StoredManifest m;
    m.raw = TravelFixture(name);
    m.format = std::string(name).find("pnrgov") != std::string::npos ? "pnrgov" : "paxlst";
    m.flight = "XX777 DYU-KWI 2025-01-05";
    m.departure = "2025-01-05";
    m.travellers = 3;
    m.sha256 = Sha256Hex(m.raw);
    m.received_at = received_at;
    m.received_by = "omar";
    Result<int64_t> id = SaveManifest(store, m);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    ids.push_back(id.ok() ? *id : 0);
  }
  return ids;
}

// Alerts raised at `raised_at`: 1 and 2 on travellers (screening, manifest),
// 3 on a held subject (monitoring: not traveller data), each with the name
// screened, the listed name and an explanation; events on 1 and a share of 1.
inline void RaiseAlerts(const std::string& path, const std::string& raised_at) {
  const std::string cols =
      "INSERT INTO alerts (subject_id, entity_id, list_id, version_id, score, summary, status, "
      "trigger, designated_at, imported_at, raised_at, source, case_ref, subject_json, flight, "
      "manifest_id, justification, subject_name, listed_name, explanation) VALUES ";
  Sql(path,
      cols +
          "('Dilshod Rahimov', 'QDi.001', 'un', 1, 0.91, 'RAHIMOV DILSHOD vs RAHIMOV DILSHOD "
          "KARIMOVICH: surname exact', 'open', 'screening', '', '', '" +
          raised_at +
          "', 'screening', 'HUD-7', '{\"names\":[\"Dilshod Rahimov\",\"Дилшод Рахимов\"],"
          "\"dob\":\"1985-03-17\",\"nationality\":\"TJ\",\"doc\":\"Z9988776\"}', 'XX777', 0, "
          "'Same person as Ahmed Al-Hashimi''s contact', 'Dilshod Rahimov', "
          "'RAHIMOV DILSHOD KARIMOVICH', '" +
          TravellerExplanation() +
          "'),"
          "('traveller:0123abcd', 'QDi.002', 'un', 1, 0.88, 'HASHIMI AHMED vs AL-HASHIMI AHMAD', "
          "'closed', 'manifest', '', '', '" +
          raised_at +
          "', 'manifest', 'HUD-8', '{\"name\":\"Фатима Ас-Сабах\",\"gender\":\"F\"}', 'KU101', 1, "
          "'', 'Фатима Ас-Сабах', 'AL-SABAH FATIMA', '{\"query_name\":\"Фатима Ас-Сабах\","
          "\"tokens\":[{\"query_token\":\"Ас-Сабах\",\"listed_token\":\"AL-SABAH\","
          "\"query_latin\":\"assabakh\",\"listed_latin\":\"alsabah\"}],\"evidence\":[{"
          "\"field\":\"gender\",\"query_value\":\"female\",\"listed_value\":\"female\"}],"
          "\"summary\":\"name 0.88 (assabakh~alsabah)\"}'),"
          "('c17', 'QDi.003', 'un', 1, 0.85, 'held subject c17', 'open', 'rescreen', '', '', '" +
          raised_at +
          "', 'monitoring', '', '{\"names\":[\"Held Subject\"]}', '', 0, '', 'Held Subject', "
          "'HELD LISTED', '{\"query_name\":\"Held Subject\",\"summary\":\"Held Subject\"}');" +
          "INSERT INTO alert_events (alert_id, action, actor, at, detail) VALUES "
          "(1, 'comment', 'amina', '" +
          raised_at +
          "', 'called Ahmed Al-Hashimi''s employer'),"
          "(1, 'decided', 'amina', '" +
          raised_at +
          "', '{\"decision\":\"inconclusive\",\"justification\":\"Dilshod Rahimov travels "
          "often\"}');"
          "INSERT INTO shares (partner, alert_id, fields, reason, shared_by, shared_at) VALUES "
          "('interpol', 1, '{\"name\":\"Dilshod Rahimov\",\"list_id\":\"un\"}', 'case', 'amina', "
          "'" +
          raised_at + "');");
}

// Audit records with personal query details, and one without; `at` moved
// to `at` afterwards (re-hashed, as if appended then) is not possible, so
// the caller controls time with RetentionOptions::now instead.
inline void AuditScreenings(Store& store) {
  std::vector<AuditEntry> entries;
  auto add = [&](std::string object, std::string detail, AuditAction action) {
    AuditEntry e;
    e.actor = "amina";
    e.role = "analyst";
    e.purpose = "border-control";
    e.action = action;
    e.object = std::move(object);
    e.detail = std::move(detail);
    entries.push_back(std::move(e));
  };
  add("screening",
      R"({"query":{"names":["Ahmed Al-Hashimi"],"dob":"1974-07-12","doc":"K01234567","nationality":"KW","threshold":0.8,"limit":10},"hits":["QDi.001"]})",
      AuditAction::kConsultation);
  add("mrz",
      R"({"query":{"names":["Фатима Ас-Сабах"],"dob":"1990-03-03"},"document":"P77123456","decision":"refer","hits":[]})",
      AuditAction::kConsultation);
  add("manifest:1", R"({"referred":["Dilshod Rahimov"]})", AuditAction::kConsultation);
  add("manifest:1", R"({"flight":"XX777","travellers":3,"sha256":"ab"})", AuditAction::kCollection);
  add("subject:c17", R"({"names":["Held Subject"]})", AuditAction::kChange);
  Result<std::vector<int64_t>> seqs = AppendAudit(store, entries);
  ASSERT_TRUE(seqs.ok()) << seqs.status().ToString();
}

}  // namespace hudud::store::testing
