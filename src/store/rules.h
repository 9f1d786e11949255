// Targeting rules as an agency keeps them: each rule a named series of
// versions with an owner and a justification, written by one person and
// activated by another (four eyes), never changed in place, every step
// recorded. The expression language itself is travel/rules.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

struct RuleVersion {
  int64_t id = 0;
  std::string name;  // [a-z0-9._-], at most 64 characters
  int version = 0;   // 1, 2, ... per name
  std::string expression;
  std::string justification;  // why the rule exists: the threat it targets
  std::string owner;          // who answers for it (a unit or a person)
  std::string state;          // "draft", "active", "retired"
  std::string created_by, created_at;
  std::string activated_by, activated_at;
  std::string retired_at;
};

struct RuleEvent {
  std::string name;
  int version = 0;
  std::string action;  // "saved", "activated", "retired"
  std::string actor, at, detail;
};

// Every method needs a non-empty `actor`. Errors of the caller's making are
// InvalidArgument naming the problem; database failures IOError.
class RuleBook {
 public:
  explicit RuleBook(Store& store) : store_(store) {}

  // Saves `expression` as the next version of rule `name`, as a draft.
  // Refused when the expression does not parse, uses a sensitive attribute
  // (race or ethnic origin, religion, political opinion, health, sex life or
  // orientation, trade-union membership) or lacks a justification or owner.
  Result<RuleVersion> Save(const std::string& name, const std::string& expression,
                           const std::string& justification, const std::string& owner,
                           const std::string& actor);

  // Makes `version` (0 = the latest) of `name` the active one, retiring the
  // version active before, in one transaction. Four eyes: refused when
  // `actor` wrote that version.
  Result<RuleVersion> Activate(const std::string& name, int version, const std::string& actor);

  // Retires the active version of `name`; NotFound when none is active.
  Result<RuleVersion> Retire(const std::string& name, const std::string& actor);

  // The active version of every rule, by name.
  Result<std::vector<RuleVersion>> Active();
  // Every version of `name` ("" = of every rule), by name then version.
  Result<std::vector<RuleVersion>> Versions(const std::string& name);
  // One version (0 = the latest); NotFound when absent.
  Result<RuleVersion> Get(const std::string& name, int version);
  // The history of `name`, oldest first.
  Result<std::vector<RuleEvent>> Events(const std::string& name);

 private:
  Store& store_;
};

}  // namespace hudud::store
