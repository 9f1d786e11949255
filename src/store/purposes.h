// The purposes for which personal data may be read or changed: a
// configurable list of codes, each with a description and optionally the
// roles that may invoke it. The HTTP service refuses every request that
// reads or changes personal data without a purpose from this list, and the
// audit trail records the purpose given.
//
// File format (UTF-8 text, one purpose a line):
//
//   # comment lines and blank lines are ignored
//   border-control | Checking travellers at the border and before travel | border-officer, analyst
//   fiu-analysis   | Financial-intelligence analysis
//
// Fields are separated by '|' and trimmed: the code (1-64 characters
// [a-z0-9-], starting with a letter), a non-empty description without '|',
// and optionally the roles (access.h names, comma-separated) that may use
// it; no roles = every role. A file must define at least one purpose and
// no code twice. Errors name the file and the line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/access.h"

namespace hudud::store {

struct Purpose {
  std::string code;
  std::string description;
  std::vector<Role> roles;  // who may invoke it; empty = every role
};

using PurposeList = std::vector<Purpose>;

// The built-in list, used when no file is configured: border-control,
// ct-investigation, fiu-analysis, sanctions-compliance, list-management,
// international-cooperation, redress, audit, data-protection, retention.
// Every role holding a permission on personal data has at least one.
const PurposeList& DefaultPurposes();

// Parses the text of a purposes file; `source` names it in errors
// ("purposes.txt, line 3: unknown role 'officer' ...").
Result<PurposeList> ParsePurposes(std::string_view text, std::string_view source);

// Reads and parses the file at `path`; "" = DefaultPurposes(). IOError when
// the file cannot be read, InvalidArgument for its content.
Result<PurposeList> LoadPurposes(const std::string& path);

// OK when `code` is one of `purposes`; else InvalidArgument "purpose 'x' is
// not one of: a, b, c" (or "a purpose is required (one of: ...)" for "").
Status CheckPurpose(const PurposeList& purposes, std::string_view code);

// As above, and `role` must be among the purpose's roles (when it names any).
Status CheckPurpose(const PurposeList& purposes, std::string_view code, Role role);

}  // namespace hudud::store
