// Redress requests in SQLite (store/redress.h).
#include "store/redress.h"

#include "store/cases.h"
#include "store/db.h"

namespace hudud::store {
namespace {

constexpr size_t kMinText = 10;
constexpr size_t kMaxText = 8000;

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<int64_t> SplitIds(std::string_view s) {
  std::vector<int64_t> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    out.push_back(std::stoll(std::string(s.substr(start, comma - start))));
    start = comma + 1;
  }
  return out;
}

const char* kColumns =
    "id, reference, requester, contact, description, alert_ids, state, received_at, received_by, "
    "handler, outcome, closed_at, depersonalised_at";

RedressRequest Read(sqlite3_stmt* s) {
  RedressRequest r;
  r.id = sqlite3_column_int64(s, 0);
  r.reference = ColumnText(s, 1);
  r.requester = ColumnText(s, 2);
  r.contact = ColumnText(s, 3);
  r.description = ColumnText(s, 4);
  r.alert_ids = SplitIds(ColumnText(s, 5));
  r.state = ColumnText(s, 6);
  r.received_at = ColumnText(s, 7);
  r.received_by = ColumnText(s, 8);
  r.handler = ColumnText(s, 9);
  r.outcome = ColumnText(s, 10);
  r.closed_at = ColumnText(s, 11);
  r.depersonalised_at = ColumnText(s, 12);
  return r;
}

Result<RedressRequest> GetIn(Store::Impl& impl, int64_t id) {
  Result<Stmt> q =
      impl.Prepare(std::string("SELECT ") + kColumns + " FROM redress_requests WHERE id = ?");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  Result<bool> row = impl.Step(*q, "reading redress request " + std::to_string(id));
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no redress request RDR-" + std::to_string(id));
  return Read(q->get());
}

Status AddEvent(Store::Impl& impl, int64_t id, std::string_view action, const std::string& actor,
                const std::string& at, std::string_view detail) {
  Result<Stmt> q = impl.Prepare(
      "INSERT INTO redress_events (request_id, action, actor, at, detail) VALUES (?, ?, ?, ?, ?)");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  BindText(*q, 2, action);
  BindText(*q, 3, actor);
  BindText(*q, 4, at);
  BindText(*q, 5, detail);
  return impl.Run(*q, "recording a step of redress request " + std::to_string(id));
}

}  // namespace

Result<RedressRequest> Redress::File(const std::string& requester, const std::string& contact,
                                     const std::string& description,
                                     const std::vector<int64_t>& alert_ids,
                                     const std::string& actor) {
  if (Blank(actor)) return Status::InvalidArgument("no user given (who records the request?)");
  HUDUD_RETURN_IF_ERROR(CheckText("the requester's name", requester, 1, kMaxText));
  HUDUD_RETURN_IF_ERROR(CheckText("the description", description, kMinText, kMaxText));
  if (contact.size() > kMaxText) return Status::InvalidArgument("the contact is too long");
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Cases cases(store_);
  for (int64_t a : alert_ids) {
    Result<Alert> alert = cases.Get(a);
    if (!alert.ok()) return alert.status();
  }
  const std::string now = UtcNowIso8601();
  // The reference is derived from the id, known only after the insert.
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO redress_requests (reference, requester, contact, description, alert_ids, state, "
      "received_at, received_by) VALUES ('', ?, ?, ?, ?, 'received', ?, ?)");
  if (!ins.ok()) return ins.status();
  const std::string ids = JoinIds(alert_ids);
  BindText(*ins, 1, requester);
  BindText(*ins, 2, contact);
  BindText(*ins, 3, description);
  BindText(*ins, 4, ids);
  BindText(*ins, 5, now);
  BindText(*ins, 6, actor);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "recording a redress request"));
  const int64_t id = sqlite3_last_insert_rowid(impl.db);
  Result<Stmt> ref = impl.Prepare("UPDATE redress_requests SET reference = ? WHERE id = ?");
  if (!ref.ok()) return ref.status();
  const std::string reference = "RDR-" + std::to_string(id);
  BindText(*ref, 1, reference);
  sqlite3_bind_int64(ref->get(), 2, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ref, "numbering a redress request"));
  HUDUD_RETURN_IF_ERROR(AddEvent(impl, id, "received", actor, now, ""));
  Result<RedressRequest> out = GetIn(impl, id);
  if (!out.ok()) return out.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<RedressRequest> Redress::Get(const std::string& id_or_reference) {
  std::string digits = id_or_reference;
  if (digits.rfind("RDR-", 0) == 0) digits = digits.substr(4);
  if (digits.empty() || digits.size() > 18 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("'" + id_or_reference +
                                   "' is not a redress reference (RDR-<n> or <n>)");
  }
  return GetIn(*store_.impl(), std::stoll(digits));
}

Result<std::vector<RedressRequest>> Redress::List(const std::string& state, int64_t limit) {
  Store::Impl& impl = *store_.impl();
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM redress_requests WHERE (?1 = '' OR state = ?1) ORDER BY id DESC";
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  Result<Stmt> q = impl.Prepare(sql);
  if (!q.ok()) return q.status();
  BindText(*q, 1, state);
  std::vector<RedressRequest> out;
  while (true) {
    Result<bool> row = impl.Step(*q, "reading redress requests");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(Read(q->get()));
  }
  return out;
}

Result<std::vector<RedressEvent>> Redress::Events(int64_t id) {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT id, action, actor, at, detail FROM redress_events WHERE request_id = ? ORDER BY id");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  std::vector<RedressEvent> out;
  while (true) {
    Result<bool> row = impl.Step(*q, "reading the history of a redress request");
    if (!row.ok()) return row.status();
    if (!*row) break;
    sqlite3_stmt* s = q->get();
    out.push_back(RedressEvent{sqlite3_column_int64(s, 0), std::string(ColumnText(s, 1)),
                               std::string(ColumnText(s, 2)), std::string(ColumnText(s, 3)),
                               std::string(ColumnText(s, 4))});
  }
  return out;
}

Result<RedressRequest> Redress::Review(int64_t id, const std::string& note,
                                       const std::string& actor) {
  if (Blank(actor)) return Status::InvalidArgument("no user given (who reviews the request?)");
  if (note.size() > kMaxText) return Status::InvalidArgument("the note is too long");
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<RedressRequest> r = GetIn(impl, id);
  if (!r.ok()) return r.status();
  if (r->state != "received") {
    return Status::InvalidArgument(r->reference + " is already " + r->state);
  }
  Result<Stmt> q =
      impl.Prepare("UPDATE redress_requests SET state = 'under-review', handler = ? WHERE id = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, actor);
  sqlite3_bind_int64(q->get(), 2, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*q, "taking a redress request under review"));
  HUDUD_RETURN_IF_ERROR(AddEvent(impl, id, "under-review", actor, UtcNowIso8601(), note));
  Result<RedressRequest> out = GetIn(impl, id);
  if (!out.ok()) return out.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<RedressRequest> Redress::Resolve(int64_t id, const std::string& state,
                                        const std::string& outcome, const std::string& actor) {
  if (Blank(actor)) return Status::InvalidArgument("no user given (who resolves the request?)");
  if (state != "cleared" && state != "upheld" && state != "rejected") {
    return Status::InvalidArgument("state '" + state +
                                   "' is not one of: cleared, upheld, rejected");
  }
  HUDUD_RETURN_IF_ERROR(CheckText("the outcome", outcome, kMinText, kMaxText));
  Store::Impl& impl = *store_.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<RedressRequest> r = GetIn(impl, id);
  if (!r.ok()) return r.status();
  if (r->state != "under-review") {
    return Status::InvalidArgument(
        r->reference + " is " + r->state +
        (r->state == "received" ? ": review it first" : ": it was already resolved"));
  }
  if (state == "cleared") {
    // The person was wrongly matched: each alert becomes a remembered
    // false positive, so the same data against the same entry refers no more.
    Cases cases(store_);
    const std::string why = r->reference + ": " + outcome;
    for (int64_t a : r->alert_ids) {
      Result<Alert> alert = cases.Get(a);
      if (!alert.ok()) return alert.status();
      if (alert->decision == "false-positive") continue;
      if (alert->status == "closed") {
        Result<Alert> reopened = cases.Reopen(a, why, actor);
        if (!reopened.ok()) return reopened.status();
      }
      Result<Alert> decided = cases.Decide(a, Decision::kFalsePositive, why, actor);
      if (!decided.ok()) return decided.status();
    }
  }
  const std::string now = UtcNowIso8601();
  Result<Stmt> q = impl.Prepare(
      "UPDATE redress_requests SET state = ?, outcome = ?, closed_at = ? WHERE id = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, state);
  BindText(*q, 2, outcome);
  BindText(*q, 3, now);
  sqlite3_bind_int64(q->get(), 4, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*q, "resolving a redress request"));
  HUDUD_RETURN_IF_ERROR(AddEvent(impl, id, state, actor, now, outcome));
  Result<RedressRequest> out = GetIn(impl, id);
  if (!out.ok()) return out.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return out;
}

}  // namespace hudud::store
