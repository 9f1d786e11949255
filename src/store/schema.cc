// The database schema as an ordered list of migrations (see db.h).
#include <array>

#include "store/db.h"

namespace hudud::store {
namespace {

// Schema migrations, applied in order; schema_version holds how many have
// run. Append only: a released database has run the earlier ones.
constexpr std::array kMigrations = {
    R"sql(
CREATE TABLE lists (
  list_id        TEXT PRIMARY KEY,
  active_version INTEGER REFERENCES list_versions(id)
);
CREATE TABLE list_versions (
  id           INTEGER PRIMARY KEY,
  list_id      TEXT NOT NULL REFERENCES lists(list_id),
  format       TEXT NOT NULL,
  source       TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  entities     INTEGER NOT NULL,
  names        INTEGER NOT NULL,
  documents    INTEGER NOT NULL
);
CREATE INDEX list_versions_by_list ON list_versions(list_id);
-- id is explicit so VACUUM cannot renumber it: it keeps the file's order.
CREATE TABLE entities (
  id           INTEGER PRIMARY KEY,
  version_id   INTEGER NOT NULL REFERENCES list_versions(id) ON DELETE CASCADE,
  entity_id    TEXT NOT NULL,
  kind         TEXT NOT NULL,
  json         TEXT NOT NULL,
  content_hash BLOB NOT NULL,
  UNIQUE (version_id, entity_id)
);
-- Entries of an index are ordered by (version_id, id): loading a version
-- in file order reads this index without sorting.
CREATE INDEX entities_by_version ON entities(version_id);
CREATE TABLE names (
  version_id INTEGER NOT NULL,
  entity_id  TEXT NOT NULL,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  FOREIGN KEY (version_id, entity_id) REFERENCES entities(version_id, entity_id)
    ON DELETE CASCADE
);
CREATE INDEX names_by_entity ON names(version_id, entity_id);
)sql",
    // 2: held subjects and the alerts raised on them (monitoring.h).
    R"sql(
-- Plain columns, not JSON: a re-screen reads every row, and 10^6 rows must
-- load in well under a second.
CREATE TABLE subjects (
  id               INTEGER PRIMARY KEY,
  subject_id       TEXT NOT NULL UNIQUE,
  names            TEXT NOT NULL,  -- one name per line
  dob              TEXT NOT NULL,
  nationality      TEXT NOT NULL,
  document         TEXT NOT NULL,
  document_country TEXT NOT NULL,
  gender           TEXT NOT NULL,
  kind             TEXT NOT NULL,
  source           TEXT NOT NULL,
  imported_at      TEXT NOT NULL
);
CREATE TABLE alerts (
  id            INTEGER PRIMARY KEY,
  subject_id    TEXT NOT NULL,
  entity_id     TEXT NOT NULL,
  list_id       TEXT NOT NULL,
  version_id    INTEGER NOT NULL,
  score         REAL NOT NULL,
  summary       TEXT NOT NULL,
  status        TEXT NOT NULL,
  trigger       TEXT NOT NULL,
  designated_at TEXT NOT NULL,
  imported_at   TEXT NOT NULL,
  raised_at     TEXT NOT NULL,
  closed_at     TEXT,
  closed_reason TEXT
);
-- At most one open alert per subject and listed entity.
CREATE UNIQUE INDEX alerts_open ON alerts(subject_id, entity_id) WHERE status = 'open';
CREATE INDEX alerts_by_entity ON alerts(entity_id);
)sql",
    // 3: national designations (designations.h).
    R"sql(
CREATE TABLE designation_proposals (
  id                INTEGER PRIMARY KEY,
  list_id           TEXT NOT NULL,
  entity_id         TEXT NOT NULL,
  action            TEXT NOT NULL,
  state             TEXT NOT NULL,
  entity_json       TEXT NOT NULL,
  reasons           TEXT NOT NULL,
  evidence          TEXT NOT NULL,
  proposed_by       TEXT NOT NULL,
  proposed_at       TEXT NOT NULL,
  decided_by        TEXT NOT NULL DEFAULT '',
  decided_at        TEXT NOT NULL DEFAULT '',
  decision_note     TEXT NOT NULL DEFAULT '',
  published_at      TEXT NOT NULL DEFAULT '',
  published_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX designation_proposals_by_list ON designation_proposals(list_id, state);
-- Append only: the history of every proposal.
CREATE TABLE designation_events (
  id          INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES designation_proposals(id),
  action      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  detail      TEXT NOT NULL
);
)sql",
    // 4: traveller data: lost and stolen documents, targeting rules,
    // passenger messages received (documents.h, rules.h, manifests.h).
    R"sql(
CREATE TABLE document_sources (
  source      TEXT PRIMARY KEY,
  sha256      TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  count       INTEGER NOT NULL
);
CREATE TABLE lost_documents (
  source      TEXT NOT NULL REFERENCES document_sources(source),
  number      TEXT NOT NULL,  -- normalised: A-Z 0-9 only
  country     TEXT NOT NULL,  -- ISO alpha-2, or the code as given when unknown
  type        TEXT NOT NULL,  -- P passport, I identity card, V visa, '' any
  status      TEXT NOT NULL,  -- lost, stolen, revoked, invalidated ...
  reported_on TEXT NOT NULL,
  reference   TEXT NOT NULL,
  raw_number  TEXT NOT NULL,
  line        INTEGER NOT NULL
);
CREATE INDEX lost_documents_by_number ON lost_documents(number, country);
CREATE INDEX lost_documents_by_source ON lost_documents(source);
CREATE TABLE rules (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  version       INTEGER NOT NULL,
  expression    TEXT NOT NULL,
  justification TEXT NOT NULL,
  owner         TEXT NOT NULL,
  state         TEXT NOT NULL,  -- draft, active, retired
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  activated_by  TEXT NOT NULL DEFAULT '',
  activated_at  TEXT NOT NULL DEFAULT '',
  retired_at    TEXT NOT NULL DEFAULT '',
  UNIQUE (name, version)
);
-- At most one active version per rule.
CREATE UNIQUE INDEX rules_active ON rules(name) WHERE state = 'active';
-- Append only: the history of every rule.
CREATE TABLE rule_events (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL,
  version INTEGER NOT NULL,
  action  TEXT NOT NULL,
  actor   TEXT NOT NULL,
  at      TEXT NOT NULL,
  detail  TEXT NOT NULL
);
CREATE TABLE manifests (
  id           INTEGER PRIMARY KEY,
  format       TEXT NOT NULL,
  flight       TEXT NOT NULL,  -- "XX101 DYU-KWI 2024-11-04"
  departure    TEXT NOT NULL,  -- YYYY-MM-DD, '' when unknown
  travellers   INTEGER NOT NULL,
  sha256       TEXT NOT NULL UNIQUE,
  received_at  TEXT NOT NULL,
  received_by  TEXT NOT NULL,
  raw          BLOB NOT NULL
);
CREATE INDEX manifests_by_departure ON manifests(departure);
)sql",
    // 5: access and accountability: users, API tokens, console sessions,
    // and the hash-chained audit log (access.h, audit.h).
    R"sql(
CREATE TABLE users (
  name          TEXT PRIMARY KEY,
  role          TEXT NOT NULL,  -- admin, list-manager, analyst, border-officer, auditor, partner
  password_hash TEXT NOT NULL,  -- argon2id (libsodium crypto_pwhash_str); '' = no password login
  display_name  TEXT NOT NULL DEFAULT '',
  partner       TEXT NOT NULL DEFAULT '',  -- the partner organisation, for the partner role
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  disabled_at   TEXT NOT NULL DEFAULT ''
);
CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,  -- the token's public part
  user_name    TEXT NOT NULL REFERENCES users(name),
  secret_hash  TEXT NOT NULL,     -- argon2id of the secret part
  label        TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL DEFAULT '',
  revoked_at   TEXT NOT NULL DEFAULT '',
  last_used_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,  -- the session's public part
  user_name    TEXT NOT NULL REFERENCES users(name),
  secret_hash  TEXT NOT NULL,     -- argon2id of the secret part
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT NOT NULL DEFAULT ''
);
-- Append only; each record's hash covers its fields and the previous hash.
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  role      TEXT NOT NULL,
  purpose   TEXT NOT NULL,
  action    TEXT NOT NULL,  -- collection, consultation, change, disclosure, combination, unmasking, erasure
  object    TEXT NOT NULL,
  detail    TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
-- Signatures of the chain head, made from time to time.
CREATE TABLE audit_signatures (
  seq        INTEGER PRIMARY KEY,  -- the audit record whose hash was signed
  at         TEXT NOT NULL,
  public_key TEXT NOT NULL,
  signature  TEXT NOT NULL
);
)sql",
    // 6: alert triage and cases, the false-positive memory, redress,
    // unmasking requests, notifications and disclosures to partners
    // (cases.h, redress.h, unmask.h, shares.h).
    R"sql(
-- Where the hit came from and what was screened, so a reviewer sees the
-- subject beside the listed entry and retention can mask it.
ALTER TABLE alerts ADD COLUMN source        TEXT NOT NULL DEFAULT 'monitoring';  -- monitoring, screening, booth, manifest
ALTER TABLE alerts ADD COLUMN case_ref      TEXT NOT NULL DEFAULT '';  -- "HUD-<n>": the alerts of one screening
ALTER TABLE alerts ADD COLUMN subject_key   TEXT NOT NULL DEFAULT '';  -- cases.h: whom the false-positive memory knows
ALTER TABLE alerts ADD COLUMN subject_json  TEXT NOT NULL DEFAULT '';  -- the subject as screened
ALTER TABLE alerts ADD COLUMN subject_hash  TEXT NOT NULL DEFAULT '';  -- of the subject's data
ALTER TABLE alerts ADD COLUMN entity_hash   TEXT NOT NULL DEFAULT '';  -- of the listed entry's data
ALTER TABLE alerts ADD COLUMN flight        TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN manifest_id   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN assignee      TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN decision      TEXT NOT NULL DEFAULT '';  -- confirmed, false-positive, inconclusive
ALTER TABLE alerts ADD COLUMN justification TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN decided_by    TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN decided_at    TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN outcome       TEXT NOT NULL DEFAULT '';  -- refer, deny-boarding, freeze-report: only once confirmed
ALTER TABLE alerts ADD COLUMN depersonalised_at TEXT NOT NULL DEFAULT '';
CREATE INDEX alerts_by_status ON alerts(status, id);
CREATE INDEX alerts_by_case ON alerts(case_ref);
-- Append only: the history of every alert.
CREATE TABLE alert_events (
  id       INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts(id),
  action   TEXT NOT NULL,  -- raised, assigned, comment, decided, reopened, closed
  actor    TEXT NOT NULL,
  at       TEXT NOT NULL,
  detail   TEXT NOT NULL
);
CREATE INDEX alert_events_by_alert ON alert_events(alert_id);
-- A false positive confirmed by a person: the pair raises no new alert
-- while both hashes stay the same.
CREATE TABLE false_positives (
  subject_key  TEXT NOT NULL,  -- "subject:<id>" or "traveller:<hash>"
  entity_id    TEXT NOT NULL,
  list_id      TEXT NOT NULL,
  subject_hash TEXT NOT NULL,
  entity_hash  TEXT NOT NULL,
  alert_id     INTEGER NOT NULL,
  decided_by   TEXT NOT NULL,
  decided_at   TEXT NOT NULL,
  PRIMARY KEY (subject_key, list_id, entity_id)
);
CREATE TABLE redress_requests (
  id          INTEGER PRIMARY KEY,
  reference   TEXT NOT NULL UNIQUE,  -- "RDR-<n>", given to the requester
  requester   TEXT NOT NULL,         -- the person's name as they give it
  contact     TEXT NOT NULL,
  description TEXT NOT NULL,
  alert_ids   TEXT NOT NULL,         -- comma-separated, may be empty
  state       TEXT NOT NULL,         -- received, under-review, cleared, upheld, rejected
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL,
  handler     TEXT NOT NULL DEFAULT '',
  outcome     TEXT NOT NULL DEFAULT '',
  closed_at   TEXT NOT NULL DEFAULT '',
  depersonalised_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE redress_events (
  id         INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES redress_requests(id),
  action     TEXT NOT NULL,
  actor      TEXT NOT NULL,
  at         TEXT NOT NULL,
  detail     TEXT NOT NULL
);
CREATE TABLE unmask_requests (
  id           INTEGER PRIMARY KEY,
  object       TEXT NOT NULL,  -- "manifest:<id>", "alert:<id>", "subject:<id>" ...
  reason       TEXT NOT NULL,
  purpose      TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  state        TEXT NOT NULL,  -- pending, approved, rejected
  decided_by   TEXT NOT NULL DEFAULT '',
  decided_at   TEXT NOT NULL DEFAULT '',
  decision_note TEXT NOT NULL DEFAULT '',
  expires_at   TEXT NOT NULL DEFAULT ''  -- an approval is good until then
);
-- Messages to people in a role (the data-protection officer is told of
-- every unmasking request and decision).
CREATE TABLE notifications (
  id        INTEGER PRIMARY KEY,
  role      TEXT NOT NULL,
  at        TEXT NOT NULL,
  kind      TEXT NOT NULL,
  object    TEXT NOT NULL,
  text      TEXT NOT NULL,
  read_by   TEXT NOT NULL DEFAULT '',
  read_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notifications_by_role ON notifications(role, id);
-- What was disclosed to a partner organisation: the partner sees only this.
CREATE TABLE shares (
  id          INTEGER PRIMARY KEY,
  partner     TEXT NOT NULL,
  alert_id    INTEGER NOT NULL REFERENCES alerts(id),
  fields      TEXT NOT NULL,  -- the disclosed view, JSON
  reason      TEXT NOT NULL,
  shared_by   TEXT NOT NULL,
  shared_at   TEXT NOT NULL,
  revoked_at  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX shares_by_partner ON shares(partner, id);
)sql",
    // 7: retention: depersonalisation and deletion on schedule, the sealed
    // originals four-eyes unmasking opens, and audit chain v2 so an audit
    // detail can be masked while the chain still verifies (retention.h,
    // vault.h, unmask.h, audit.h).
    R"sql(
ALTER TABLE manifests ADD COLUMN depersonalised_at TEXT NOT NULL DEFAULT '';
CREATE INDEX manifests_by_received ON manifests(received_at);
CREATE INDEX manifests_to_depersonalise ON manifests(depersonalised_at, received_at);
CREATE INDEX alerts_by_raised ON alerts(raised_at);
CREATE INDEX alerts_to_depersonalise ON alerts(depersonalised_at, raised_at);
-- The originals of depersonalised data, sealed with XChaCha20-Poly1305
-- under a key kept in a file apart from the database and bound to their
-- object: only an approved unmasking request opens one, and deletion after
-- the retention period removes it for good.
CREATE TABLE sealed_originals (
  object     TEXT PRIMARY KEY,  -- "manifest:<id>", "alert:<id>", "audit:<seq>"
  sealed_at  TEXT NOT NULL,
  key_id     TEXT NOT NULL,     -- fingerprint of the vault key that sealed it
  nonce      BLOB NOT NULL,
  ciphertext BLOB NOT NULL
);
-- Every retention run, with what it did (a JSON report); a run killed
-- midway stays 'running' until a later run marks it 'interrupted'.
CREATE TABLE retention_runs (
  id                   INTEGER PRIMARY KEY,
  trigger              TEXT NOT NULL,  -- cli, schedule, api
  actor                TEXT NOT NULL,
  started_at           TEXT NOT NULL,
  heartbeat_at         TEXT NOT NULL,
  finished_at          TEXT NOT NULL DEFAULT '',
  state                TEXT NOT NULL,  -- running, complete, failed, interrupted
  now                  TEXT NOT NULL,  -- the date the periods were counted from
  depersonalise_before TEXT NOT NULL,
  delete_before        TEXT NOT NULL,
  report               TEXT NOT NULL DEFAULT '{}',
  error                TEXT NOT NULL DEFAULT ''
);
-- Retention's bookmarks ("audit_scanned_through": the audit records up to
-- this seq were looked at for depersonalisation).
CREATE TABLE retention_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- Audit chain v2: a record's hash covers the SHA-256 of its detail
-- (detail_hash; '' for the v1 records before this migration), and masked_by
-- names the erasure record that masked the detail.
ALTER TABLE audit_log ADD COLUMN detail_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN masked_by   INTEGER NOT NULL DEFAULT 0;
)sql",
    // 8: a user's console language (preferences.h) and the good-practices
    // library with its full-text index (practices.h), seeded with four
    // articles in four languages (practices_seed.inc, appended below).
    R"sql(
-- The language the console speaks to the user (ar, en, ru, fr); NULL: not chosen.
ALTER TABLE users ADD COLUMN language TEXT;
-- Articles of the good-practices library; the translations of one article
-- share a group, one per language.
CREATE TABLE practices (
  id         INTEGER PRIMARY KEY,
  group_key  TEXT NOT NULL,
  language   TEXT NOT NULL CHECK (language IN ('ar', 'en', 'ru', 'fr')),
  region     TEXT NOT NULL,  -- "global", "mena", "central-asia", "sahel", ...
  topic      TEXT NOT NULL,  -- "api-pnr", "sanctions", "safeguards", "cooperation", ...
  title      TEXT NOT NULL,
  source     TEXT NOT NULL DEFAULT '',
  body       TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (group_key, language)
);
-- Title and body as the index reads them, folded as FoldArabicForSearch
-- (practices.cc) folds a query: tatweel (U+0640), harakat, madda and hamza
-- marks (U+064B-U+0655) and superscript alef (U+0670) dropped; alef with
-- madda or hamza and alef wasla (U+0622, U+0623, U+0625, U+0671) read as
-- alef, alef maqsura (U+0649) as ya, ta marbuta (U+0629) as ha. Case and
-- Latin accents are the tokenizer's.
CREATE VIEW practices_search_text (id, title, body) AS
SELECT id,
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(replace(replace(replace(replace(replace(title,
    char(0x640), ''), char(0x64B), ''), char(0x64C), ''), char(0x64D), ''), char(0x64E), ''),
    char(0x64F), ''), char(0x650), ''), char(0x651), ''), char(0x652), ''), char(0x653), ''),
    char(0x654), ''), char(0x655), ''), char(0x670), ''), char(0x622), char(0x627)),
    char(0x623), char(0x627)), char(0x625), char(0x627)), char(0x671), char(0x627)),
    char(0x649), char(0x64A)), char(0x629), char(0x647)),
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
  replace(replace(replace(replace(replace(replace(replace(replace(replace(body,
    char(0x640), ''), char(0x64B), ''), char(0x64C), ''), char(0x64D), ''), char(0x64E), ''),
    char(0x64F), ''), char(0x650), ''), char(0x651), ''), char(0x652), ''), char(0x653), ''),
    char(0x654), ''), char(0x655), ''), char(0x670), ''), char(0x622), char(0x627)),
    char(0x623), char(0x627)), char(0x625), char(0x627)), char(0x671), char(0x627)),
    char(0x649), char(0x64A)), char(0x629), char(0x647))
FROM practices;
-- The full-text index, rowid = practices.id, kept in step by the triggers
-- within the writing transaction.
CREATE VIRTUAL TABLE practices_fts USING fts5(
  title, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER practices_fts_insert AFTER INSERT ON practices BEGIN
  INSERT INTO practices_fts (rowid, title, body)
    SELECT id, title, body FROM practices_search_text WHERE id = new.id;
END;
CREATE TRIGGER practices_fts_update AFTER UPDATE OF title, body ON practices BEGIN
  DELETE FROM practices_fts WHERE rowid = old.id;
  INSERT INTO practices_fts (rowid, title, body)
    SELECT id, title, body FROM practices_search_text WHERE id = new.id;
END;
CREATE TRIGGER practices_fts_delete AFTER DELETE ON practices BEGIN
  DELETE FROM practices_fts WHERE rowid = old.id;
END;
)sql"
#include "store/practices_seed.inc"
    ,
    // 9: what an alert keeps of the match (cases.h): the explanation as it
    // was when raised, and the names side by side for the queue.
    R"sql(
-- The match explanation as JSON (match/explanation_json.h's shape); '' for
-- the alerts raised before this migration. Retention masks the traveller's
-- parts of it, as of subject_json.
ALTER TABLE alerts ADD COLUMN explanation  TEXT NOT NULL DEFAULT '';
-- The name screened, as given (the held subject's or the traveller's
-- primary name), and the listed name it matched.
ALTER TABLE alerts ADD COLUMN subject_name TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN listed_name  TEXT NOT NULL DEFAULT '';
)sql",
};

}  // namespace

int LatestSchema() { return static_cast<int>(kMigrations.size()); }
const char* Migration(int index) { return kMigrations[static_cast<size_t>(index)]; }

}  // namespace hudud::store
