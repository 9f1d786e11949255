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

// Every method needs a non-empty `actor` (a user name; the sign-in service
// comes later) and records an event with the actor and the time. Lists
// imported from others' files (un-xml, ofac-*, eu-xml, uk-*, ftm-json) are
// refused: only new lists, published ones and national lists imported
// from a spreadsheet (csv/json mapping) are kept here. Errors of the
// caller's making are InvalidArgument; database failures IOError.
class DesignationRegistry {
 public:
  explicit DesignationRegistry(Store& store) : store_(store) {}

  // Proposes to designate `entity` (it needs a name) on national list
  // `list_id`. Its source id is kept when set (an error if that id is
  // listed or has a pending proposal), else it gets the list's next free
  // number, never reused; the entity id becomes "<list_id>:<source id>" and
  // listed_on defaults to today. Needs reasons.
  Result<Proposal> ProposeDesignation(const std::string& list_id, model::Entity entity,
                                      const std::string& reasons,
                                      const std::vector<std::string>& evidence,
                                      const std::string& actor);
  // Proposes to replace the published record `entity_id` with `entity` (its
  // ids are overwritten with the entry's). An error when `entity_id` is not
  // in the list's active version or already has a pending proposal.
  Result<Proposal> ProposeAmendment(const std::string& entity_id, model::Entity entity,
                                    const std::string& reasons,
                                    const std::vector<std::string>& evidence,
                                    const std::string& actor);
  // Proposes to remove the published record `entity_id`; same checks as an
  // amendment.
  Result<Proposal> ProposeDelisting(const std::string& entity_id, const std::string& reasons,
                                    const std::vector<std::string>& evidence,
                                    const std::string& actor);

  // Approves a proposal in state "proposed". Four eyes: InvalidArgument
  // ("four eyes: ...") when `actor` is the one who proposed it; a proposal
  // already approved, rejected or published is InvalidArgument too.
  Result<Proposal> Approve(int64_t proposal_id, const std::string& actor, const std::string& note);
  // Rejects a proposal, with a `note` saying why (required). Anyone may
  // reject, the proposer included (a withdrawal); an approved proposal can
  // still be rejected until it is published.
  Result<Proposal> Reject(int64_t proposal_id, const std::string& actor, const std::string& note);

  // Applies every approved proposal of `list_id` to its active content
  // (oldest first: designations and amendments put their record,
  // delistings remove it) and imports the result with Store::ImportList as
  // a new version (format "national", source "designations:<list_id>",
  // sha256 of the canonical content), in one transaction with marking them
  // published: on any failure nothing changes. InvalidArgument "nothing to
  // publish" when none is approved, and naming the proposal when one no
  // longer applies (its entry was listed or removed meanwhile).
  Result<ImportSummary> Publish(const std::string& list_id, const std::string& actor);

  // Proposals, newest first; "" filters match anything.
  Result<std::vector<Proposal>> Proposals(const std::string& list_id, const std::string& state);
  // One proposal; NotFound for an unknown id.
  Result<Proposal> Get(int64_t proposal_id);
  // The history of one proposal, oldest first (append only).
  Result<std::vector<ProposalEvent>> Events(int64_t proposal_id);

 private:
  Store& store_;
};

}  // namespace hudud::store
