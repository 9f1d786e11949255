// The national designation process (a TFTC-style list kept inside hudud):
// a user proposes to designate, amend or delist an individual or entity,
// with reasons and evidence references; a different user approves or
// rejects (four eyes); publishing turns every approved change into one new
// version of the national list, which screening then uses. Every step is
// recorded with who and when.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/entity.h"
#include "store/store.h"

namespace hudud::store {

struct Proposal {
  int64_t id = 0;
  std::string list_id;
  std::string entity_id;  // "<list_id>:<n>"
  std::string action;     // "designate", "amend", "delist"
  std::string state;      // "proposed", "approved", "rejected", "published"
  model::Entity entity;   // the record proposed (for a delisting: the record delisted)
  std::string reasons;
  std::vector<std::string> evidence;  // references to the evidence (file numbers, reports)
  std::string proposed_by, proposed_at;
  std::string decided_by, decided_at, decision_note;
  std::string published_at;
  int64_t published_version = 0;
};

struct ProposalEvent {
  int64_t proposal_id = 0;
  std::string action;  // "proposed", "approved", "rejected", "published"
  std::string actor, at, detail;
};

class DesignationRegistry {
 public:
  explicit DesignationRegistry(Store& store) : store_(store) {}

  // Proposes to designate `entity` on national list `list_id`. Its source id
  // is kept when set (an error if that id is listed or has a pending
  // proposal), else the next free number. Needs reasons and an actor.
  Result<Proposal> ProposeDesignation(const std::string& list_id, model::Entity entity,
                                      const std::string& reasons,
                                      const std::vector<std::string>& evidence,
                                      const std::string& actor);
  // Proposes to replace the published record `entity_id` with `entity`.
  Result<Proposal> ProposeAmendment(const std::string& entity_id, model::Entity entity,
                                    const std::string& reasons,
                                    const std::vector<std::string>& evidence,
                                    const std::string& actor);
  // Proposes to remove the published record `entity_id`.
  Result<Proposal> ProposeDelisting(const std::string& entity_id, const std::string& reasons,
                                    const std::vector<std::string>& evidence,
                                    const std::string& actor);

  // Four eyes: refused (PermissionDenied-like InvalidArgument) when `actor`
  // proposed it; only a proposal in state "proposed" can be decided.
  Result<Proposal> Approve(int64_t proposal_id, const std::string& actor, const std::string& note);
  Result<Proposal> Reject(int64_t proposal_id, const std::string& actor, const std::string& note);

  // Applies every approved proposal of `list_id` to its active content and
  // imports the result as a new version, in one transaction with marking
  // them published: on any failure nothing changes. "Nothing to publish"
  // when none is approved.
  Result<ImportSummary> Publish(const std::string& list_id, const std::string& actor);

  // Proposals, newest first; "" filters match anything.
  Result<std::vector<Proposal>> Proposals(const std::string& list_id, const std::string& state);
  Result<Proposal> Get(int64_t proposal_id);
  Result<std::vector<ProposalEvent>> Events(int64_t proposal_id);

 private:
  Store& store_;
};

}  // namespace hudud::store
