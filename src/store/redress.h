// Redress: a person who believes they were wrongly matched (stopped at the
// border, a payment frozen) asks for a review. The request gets a public
// reference to give the person, is reviewed by the data-protection officer,
// and ends cleared (the match was wrong: the alerts it names become false
// positives, so the person is not stopped again for them), upheld (the
// match stands) or rejected (not admissible); every step is kept with who,
// when and why.
//
// States: received -> under-review -> cleared | upheld | rejected.
//
// Errors: unknown requests NotFound; bad fields and a step the state does
// not allow InvalidArgument naming the problem; database failures IOError.
// A failed call changes nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

struct RedressRequest {
  int64_t id = 0;
  std::string reference;  // "RDR-<id>"
  std::string requester;  // the person's name as they give it (any script)
  std::string contact;    // how to answer them
  std::string description;
  std::vector<int64_t> alert_ids;  // the alerts the request is about (may be none)
  std::string state;
  std::string received_at, received_by, handler, outcome, closed_at, depersonalised_at;
};

struct RedressEvent {
  int64_t id = 0;
  std::string action, actor, at, detail;
};

class Redress {
 public:
  explicit Redress(Store& store) : store_(store) {}

  // Records a request (requester, description at least 10 characters, and
  // alert ids that exist); state "received".
  Result<RedressRequest> File(const std::string& requester, const std::string& contact,
                              const std::string& description, const std::vector<int64_t>& alert_ids,
                              const std::string& actor);

  // `id_or_reference`: "17" or "RDR-17".
  Result<RedressRequest> Get(const std::string& id_or_reference);
  // Newest first; state "" = all.
  Result<std::vector<RedressRequest>> List(const std::string& state, int64_t limit);
  Result<std::vector<RedressEvent>> Events(int64_t id);

  // Takes the request under review (the actor becomes its handler).
  Result<RedressRequest> Review(int64_t id, const std::string& note, const std::string& actor);
  // Ends it: `state` cleared, upheld or rejected, with the outcome told to
  // the person (at least 10 characters). Cleared decides every alert it
  // names a false positive (reopening a confirmed one), in the same
  // transaction, with the outcome as the justification.
  Result<RedressRequest> Resolve(int64_t id, const std::string& state, const std::string& outcome,
                                 const std::string& actor);

 private:
  Store& store_;
};

}  // namespace hudud::store
