// DesignationRegistry (store/designations.h): proposals, four-eyes decisions
// and publication of a national list, in SQLite.
#include "store/designations.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "store/db.h"
#include "store/entity_json.h"

namespace hudud::store {
namespace {

constexpr const char* kColumns =
    "id, list_id, entity_id, action, state, entity_json, reasons, evidence, proposed_by, "
    "proposed_at, decided_by, decided_at, decision_note, published_at, published_version";

Result<Proposal> FromRow(sqlite3_stmt* s) {
  Proposal p;
  p.id = sqlite3_column_int64(s, 0);
  p.list_id = ColumnText(s, 1);
  p.entity_id = ColumnText(s, 2);
  p.action = ColumnText(s, 3);
  p.state = ColumnText(s, 4);
  Result<model::Entity> e = EntityFromJson(ColumnText(s, 5));
  if (!e.ok()) {
    return Status::Corruption("designation proposal " + std::to_string(p.id) + ": " +
                              e.status().message());
  }
  p.entity = std::move(*e);
  p.reasons = ColumnText(s, 6);
  nlohmann::json ev = nlohmann::json::parse(ColumnText(s, 7), nullptr, false);
  if (ev.is_array()) {
    for (const auto& v : ev) {
      if (v.is_string()) p.evidence.push_back(v.get<std::string>());
    }
  }
  p.proposed_by = ColumnText(s, 8);
  p.proposed_at = ColumnText(s, 9);
  p.decided_by = ColumnText(s, 10);
  p.decided_at = ColumnText(s, 11);
  p.decision_note = ColumnText(s, 12);
  p.published_at = ColumnText(s, 13);
  p.published_version = sqlite3_column_int64(s, 14);
  return p;
}

Status CheckActor(const std::string& actor) {
  if (actor.empty()) return Status::InvalidArgument("no user given (who is acting?)");
  return Status::Ok();
}

// The list id part of "<list>:<n>".
std::string ListOf(const std::string& entity_id) {
  size_t colon = entity_id.find(':');
  return colon == std::string::npos ? "" : entity_id.substr(0, colon);
}

class Registry {
 public:
  explicit Registry(Store::Impl& impl) : impl_(impl) {}

  Result<Proposal> Get(int64_t id) {
    Result<Stmt> q = impl_.Prepare(std::string("SELECT ") + kColumns +
                                   " FROM designation_proposals WHERE id = ?");
    if (!q.ok()) return q.status();
    sqlite3_bind_int64(q->get(), 1, id);
    Result<bool> row = impl_.Step(*q, "reading a proposal");
    if (!row.ok()) return row.status();
    if (!*row) return Status::NotFound("no designation proposal " + std::to_string(id));
    return FromRow(q->get());
  }

  // The active content of a list: entity id -> entity.
  Result<std::map<std::string, model::Entity>> Active(const std::string& list_id) {
    std::map<std::string, model::Entity> out;
    Result<Stmt> q = impl_.Prepare(
        "SELECT e.entity_id, e.json FROM lists l JOIN entities e ON e.version_id = "
        "l.active_version WHERE l.list_id = ?");
    if (!q.ok()) return q.status();
    BindText(*q, 1, list_id);
    while (true) {
      Result<bool> row = impl_.Step(*q, "reading list " + list_id);
      if (!row.ok()) return row.status();
      if (!*row) break;
      Result<model::Entity> e = EntityFromJson(ColumnText(q->get(), 1));
      if (!e.ok()) return e.status();
      out.emplace(std::string(ColumnText(q->get(), 0)), std::move(*e));
    }
    return out;
  }

  // A list hudud may manage: one it has never seen, one published from
  // designations, or one brought in from a spreadsheet (csv/json mapping) to
  // be kept here from now on. Lists maintained by others (UN, OFAC, ...) are
  // refused: a local change would silently vanish at their next import.
  Status CheckNational(const std::string& list_id) {
    Result<Stmt> q = impl_.Prepare(
        "SELECT v.format FROM lists l JOIN list_versions v ON v.id = l.active_version "
        "WHERE l.list_id = ?");
    if (!q.ok()) return q.status();
    BindText(*q, 1, list_id);
    Result<bool> row = impl_.Step(*q, "reading list " + list_id);
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    const std::string format(ColumnText(q->get(), 0));
    if (format == "national" || format == "csv" || format == "json") return Status::Ok();
    return Status::InvalidArgument("list " + list_id + " is imported from " + format +
                                   " files, not a national list kept in hudud");
  }

  // True when the entity has a proposal not yet published or rejected.
  Result<bool> Pending(const std::string& entity_id) {
    Result<Stmt> q = impl_.Prepare(
        "SELECT count(*) FROM designation_proposals WHERE entity_id = ? AND state IN "
        "('proposed', 'approved')");
    if (!q.ok()) return q.status();
    BindText(*q, 1, entity_id);
    Result<bool> row = impl_.Step(*q, "reading proposals");
    if (!row.ok()) return row.status();
    return sqlite3_column_int64(q->get(), 0) > 0;
  }

  // The next free number of a national list: past every number listed or proposed.
  Result<int64_t> NextNumber(const std::string& list_id,
                             const std::map<std::string, model::Entity>& active) {
    int64_t max = 0;
    auto consider = [&max](const std::string& id) {
      size_t colon = id.find(':');
      std::string n = colon == std::string::npos ? id : id.substr(colon + 1);
      if (n.empty() || n.size() > 15 ||
          !std::all_of(n.begin(), n.end(), [](char c) { return std::isdigit(c) != 0; }))
        return;
      max = std::max<int64_t>(max, std::stoll(n));
    };
    for (const auto& [id, e] : active) consider(id);
    Result<Stmt> q = impl_.Prepare("SELECT entity_id FROM designation_proposals WHERE list_id = ?");
    if (!q.ok()) return q.status();
    BindText(*q, 1, list_id);
    while (true) {
      Result<bool> row = impl_.Step(*q, "reading proposals");
      if (!row.ok()) return row.status();
      if (!*row) break;
      consider(std::string(ColumnText(q->get(), 0)));
    }
    return max + 1;
  }

  Status Event(int64_t proposal, const std::string& action, const std::string& actor,
               const std::string& at, const std::string& detail) {
    Result<Stmt> q = impl_.Prepare(
        "INSERT INTO designation_events (proposal_id, action, actor, at, detail) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!q.ok()) return q.status();
    sqlite3_bind_int64(q->get(), 1, proposal);
    BindText(*q, 2, action);
    BindText(*q, 3, actor);
    BindText(*q, 4, at);
    BindText(*q, 5, detail);
    return impl_.Run(*q, "recording a designation event");
  }

  Result<Proposal> Insert(const std::string& list_id, const std::string& entity_id,
                          const std::string& action, const model::Entity& entity,
                          const std::string& reasons, const std::vector<std::string>& evidence,
                          const std::string& actor) {
    const std::string now = UtcNowIso8601();
    Result<Stmt> q = impl_.Prepare(
        "INSERT INTO designation_proposals (list_id, entity_id, action, state, entity_json, "
        "reasons, evidence, proposed_by, proposed_at) VALUES (?, ?, ?, 'proposed', ?, ?, ?, ?, ?)");
    if (!q.ok()) return q.status();
    const std::string json = EntityToJson(entity);
    const std::string ev = nlohmann::json(evidence).dump();
    BindText(*q, 1, list_id);
    BindText(*q, 2, entity_id);
    BindText(*q, 3, action);
    BindText(*q, 4, json);
    BindText(*q, 5, reasons);
    BindText(*q, 6, ev);
    BindText(*q, 7, actor);
    BindText(*q, 8, now);
    HUDUD_RETURN_IF_ERROR(impl_.Run(*q, "storing a proposal"));
    int64_t id = sqlite3_last_insert_rowid(impl_.db);
    HUDUD_RETURN_IF_ERROR(
        Event(id, "proposed", actor, now, action + " " + entity_id + ": " + reasons));
    return Get(id);
  }

  Result<Proposal> Decide(int64_t id, const std::string& actor, const std::string& note,
                          bool approve) {
    HUDUD_RETURN_IF_ERROR(CheckActor(actor));
    Transaction tx(&impl_);
    HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
    Result<Proposal> p = Get(id);
    if (!p.ok()) return p.status();
    // An approval can still be withdrawn (rejected) until it is published,
    // e.g. when the list changed under it; nothing is decided twice otherwise.
    const bool open = p->state == "proposed" || (!approve && p->state == "approved");
    if (!open) {
      return Status::InvalidArgument("proposal " + std::to_string(id) + " is already " + p->state +
                                     (p->decided_by.empty() ? "" : " by " + p->decided_by));
    }
    if (approve && actor == p->proposed_by) {
      return Status::InvalidArgument("four eyes: " + actor + " made proposal " +
                                     std::to_string(id) +
                                     " and cannot approve it; another user must");
    }
    if (!approve && note.empty()) {
      return Status::InvalidArgument("a rejection needs a note saying why");
    }
    const std::string now = UtcNowIso8601();
    Result<Stmt> q = impl_.Prepare(
        "UPDATE designation_proposals SET state = ?, decided_by = ?, decided_at = ?, "
        "decision_note = ? WHERE id = ?");
    if (!q.ok()) return q.status();
    const std::string state = approve ? "approved" : "rejected";
    BindText(*q, 1, state);
    BindText(*q, 2, actor);
    BindText(*q, 3, now);
    BindText(*q, 4, note);
    sqlite3_bind_int64(q->get(), 5, id);
    HUDUD_RETURN_IF_ERROR(impl_.Run(*q, "deciding a proposal"));
    HUDUD_RETURN_IF_ERROR(Event(id, state, actor, now, note));
    HUDUD_RETURN_IF_ERROR(tx.Commit());
    return Get(id);
  }

 private:
  Store::Impl& impl_;
};

Status CheckProposal(const std::string& reasons, const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckActor(actor));
  if (reasons.empty()) return Status::InvalidArgument("a proposal needs its reasons");
  return Status::Ok();
}

}  // namespace

Result<Proposal> DesignationRegistry::ProposeDesignation(const std::string& list_id,
                                                         model::Entity entity,
                                                         const std::string& reasons,
                                                         const std::vector<std::string>& evidence,
                                                         const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckProposal(reasons, actor));
  if (list_id.empty() || list_id.find(':') != std::string::npos) {
    return Status::InvalidArgument("invalid list id \"" + list_id + "\"");
  }
  if (entity.names.empty() || entity.names[0].full.empty()) {
    return Status::InvalidArgument("a designation needs a name");
  }
  Store::Impl& impl = *store_.impl();
  Registry r(impl);
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  HUDUD_RETURN_IF_ERROR(r.CheckNational(list_id));
  Result<std::map<std::string, model::Entity>> active = r.Active(list_id);
  if (!active.ok()) return active.status();
  if (entity.source_id.empty()) {
    Result<int64_t> n = r.NextNumber(list_id, *active);
    if (!n.ok()) return n.status();
    entity.source_id = std::to_string(*n);
  }
  entity.list_id = list_id;
  entity.id = list_id + ":" + entity.source_id;
  if (active->count(entity.id)) {
    return Status::InvalidArgument(entity.id + " is already listed (propose an amendment)");
  }
  Result<bool> pending = r.Pending(entity.id);
  if (!pending.ok()) return pending.status();
  if (*pending) return Status::InvalidArgument(entity.id + " already has a pending proposal");
  if (entity.listed_on.empty()) entity.listed_on = UtcNowIso8601().substr(0, 10);
  Result<Proposal> p = r.Insert(list_id, entity.id, "designate", entity, reasons, evidence, actor);
  if (!p.ok()) return p.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return p;
}

Result<Proposal> DesignationRegistry::ProposeAmendment(const std::string& entity_id,
                                                       model::Entity entity,
                                                       const std::string& reasons,
                                                       const std::vector<std::string>& evidence,
                                                       const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckProposal(reasons, actor));
  if (entity.names.empty() || entity.names[0].full.empty()) {
    return Status::InvalidArgument("an amendment needs the record's name");
  }
  Store::Impl& impl = *store_.impl();
  Registry r(impl);
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  const std::string list_id = ListOf(entity_id);
  HUDUD_RETURN_IF_ERROR(r.CheckNational(list_id));
  Result<std::map<std::string, model::Entity>> active = r.Active(list_id);
  if (!active.ok()) return active.status();
  auto it = active->find(entity_id);
  if (it == active->end()) {
    return Status::InvalidArgument(entity_id + " is not a published entry of a national list");
  }
  Result<bool> pending = r.Pending(entity_id);
  if (!pending.ok()) return pending.status();
  if (*pending) return Status::InvalidArgument(entity_id + " already has a pending proposal");
  entity.list_id = list_id;
  entity.source_id = it->second.source_id;
  entity.id = entity_id;
  if (entity.listed_on.empty()) entity.listed_on = it->second.listed_on;
  Result<Proposal> p = r.Insert(list_id, entity_id, "amend", entity, reasons, evidence, actor);
  if (!p.ok()) return p.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return p;
}

Result<Proposal> DesignationRegistry::ProposeDelisting(const std::string& entity_id,
                                                       const std::string& reasons,
                                                       const std::vector<std::string>& evidence,
                                                       const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckProposal(reasons, actor));
  Store::Impl& impl = *store_.impl();
  Registry r(impl);
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  const std::string list_id = ListOf(entity_id);
  HUDUD_RETURN_IF_ERROR(r.CheckNational(list_id));
  Result<std::map<std::string, model::Entity>> active = r.Active(list_id);
  if (!active.ok()) return active.status();
  auto it = active->find(entity_id);
  if (it == active->end()) {
    return Status::InvalidArgument(entity_id + " is not a published entry of a national list");
  }
  Result<bool> pending = r.Pending(entity_id);
  if (!pending.ok()) return pending.status();
  if (*pending) return Status::InvalidArgument(entity_id + " already has a pending proposal");
  Result<Proposal> p = r.Insert(list_id, entity_id, "delist", it->second, reasons, evidence, actor);
  if (!p.ok()) return p.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return p;
}

Result<Proposal> DesignationRegistry::Approve(int64_t proposal_id, const std::string& actor,
                                              const std::string& note) {
  return Registry(*store_.impl()).Decide(proposal_id, actor, note, /*approve=*/true);
}

Result<Proposal> DesignationRegistry::Reject(int64_t proposal_id, const std::string& actor,
                                             const std::string& note) {
  return Registry(*store_.impl()).Decide(proposal_id, actor, note, /*approve=*/false);
}

Result<ImportSummary> DesignationRegistry::Publish(const std::string& list_id,
                                                   const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckActor(actor));
  Store::Impl& impl = *store_.impl();
  Registry r(impl);
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<std::vector<Proposal>> approved = Proposals(list_id, "approved");
  if (!approved.ok()) return approved.status();
  if (approved->empty()) {
    return Status::InvalidArgument("nothing to publish: list " + list_id +
                                   " has no approved proposal");
  }
  HUDUD_RETURN_IF_ERROR(r.CheckNational(list_id));
  Result<std::map<std::string, model::Entity>> content = r.Active(list_id);
  if (!content.ok()) return content.status();
  std::reverse(approved->begin(), approved->end());  // oldest first
  for (const Proposal& p : *approved) {
    // The list may have changed since the proposal (an import of the
    // national list's spreadsheet): a change that no longer applies stops
    // the publication rather than silently re-adding or overwriting.
    const bool listed = content->count(p.entity_id) != 0;
    if (p.action == "designate" ? listed : !listed) {
      return Status::InvalidArgument(
          "proposal " + std::to_string(p.id) + " (" + p.action + " " + p.entity_id + ") " +
          (listed ? "no longer applies: the entry is listed already"
                  : "no longer applies: the entry is not listed any more") +
          "; reject it, then publish");
    }
    if (p.action == "delist") {
      content->erase(p.entity_id);
    } else {
      (*content)[p.entity_id] = p.entity;
    }
  }
  lists::ParsedList list;
  list.list_id = list_id;
  list.format = "national";
  const std::string now = UtcNowIso8601();
  list.generated_at = now;
  std::string canonical;
  for (auto& [id, e] : *content) {
    canonical += EntityToJson(e);
    canonical += '\n';
    list.entities.push_back(std::move(e));
  }
  // The hash of the content, not of the time: publishing the same content
  // twice is "unchanged".
  Result<ImportSummary> summary =
      store_.ImportList(list, "designations:" + list_id, Sha256Hex(canonical));
  if (!summary.ok()) return summary.status();
  Result<Stmt> q = impl.Prepare(
      "UPDATE designation_proposals SET state = 'published', published_at = ?, "
      "published_version = ? WHERE id = ?");
  if (!q.ok()) return q.status();
  for (const Proposal& p : *approved) {
    BindText(*q, 1, now);
    sqlite3_bind_int64(q->get(), 2, summary->version.id);
    sqlite3_bind_int64(q->get(), 3, p.id);
    HUDUD_RETURN_IF_ERROR(impl.Run(*q, "marking proposal " + std::to_string(p.id) + " published"));
    HUDUD_RETURN_IF_ERROR(
        r.Event(p.id, "published", actor, now, "version " + std::to_string(summary->version.id)));
  }
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return summary;
}

Result<std::vector<Proposal>> DesignationRegistry::Proposals(const std::string& list_id,
                                                             const std::string& state) {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = impl.Prepare(std::string("SELECT ") + kColumns +
                                " FROM designation_proposals WHERE (?1 = '' OR list_id = ?1) "
                                "AND (?2 = '' OR state = ?2) ORDER BY id DESC");
  if (!q.ok()) return q.status();
  BindText(*q, 1, list_id);
  BindText(*q, 2, state);
  std::vector<Proposal> out;
  while (true) {
    Result<bool> row = impl.Step(*q, "reading proposals");
    if (!row.ok()) return row.status();
    if (!*row) break;
    Result<Proposal> p = FromRow(q->get());
    if (!p.ok()) return p.status();
    out.push_back(std::move(*p));
  }
  return out;
}

Result<Proposal> DesignationRegistry::Get(int64_t proposal_id) {
  return Registry(*store_.impl()).Get(proposal_id);
}

Result<std::vector<ProposalEvent>> DesignationRegistry::Events(int64_t proposal_id) {
  Store::Impl& impl = *store_.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT proposal_id, action, actor, at, detail FROM designation_events WHERE proposal_id = ? "
      "ORDER BY id");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, proposal_id);
  std::vector<ProposalEvent> out;
  while (true) {
    Result<bool> row = impl.Step(*q, "reading designation events");
    if (!row.ok()) return row.status();
    if (!*row) break;
    ProposalEvent e;
    e.proposal_id = sqlite3_column_int64(q->get(), 0);
    e.action = ColumnText(q->get(), 1);
    e.actor = ColumnText(q->get(), 2);
    e.at = ColumnText(q->get(), 3);
    e.detail = ColumnText(q->get(), 4);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace hudud::store
