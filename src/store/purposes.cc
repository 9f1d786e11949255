// Purpose codes (store/purposes.h): the built-in list, the file format's
// parser, and the check every personal-data request passes.
#include "store/purposes.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace hudud::store {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    size_t end = s.find(sep, start);
    out.push_back(Trim(s.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

Status CheckCode(std::string_view code) {
  if (code.empty() || code.size() > 64)
    return Status::InvalidArgument("a purpose code has 1 to 64 characters");
  if (code.front() < 'a' || code.front() > 'z') {
    return Status::InvalidArgument("purpose code '" + std::string(code) +
                                   "' must start with a lower-case letter");
  }
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return Status::InvalidArgument("purpose code '" + std::string(code) +
                                     "': use lower-case letters, digits and '-'");
    }
  }
  return Status::Ok();
}

std::string Codes(const PurposeList& purposes) {
  std::string out;
  for (const Purpose& p : purposes) {
    if (!out.empty()) out += ", ";
    out += p.code;
  }
  return out;
}

const Purpose* Find(const PurposeList& purposes, std::string_view code) {
  for (const Purpose& p : purposes) {
    if (p.code == code) return &p;
  }
  return nullptr;
}

// The default list in the file format, so it is parsed by the same code.
constexpr std::string_view kDefaultText = R"(
border-control | Checking travellers at the border and before travel (API, PNR, the booth) | border-officer, analyst
ct-investigation | Counter-terrorism investigation of a person or network | analyst
fiu-analysis | Financial-intelligence analysis of reports and customers | analyst
sanctions-compliance | Applying sanctions: screening customers and payments | analyst, list-manager
list-management | Keeping the watchlists, national designations and the document register | list-manager, analyst
international-cooperation | Exchanging cases with partner organisations | analyst, partner
redress | A person's complaint or request to be cleared | auditor, analyst
audit | Auditing the use of the system | auditor
data-protection | Data-protection supervision: access requests, unmasking, erasure | auditor
retention | Erasing what is past its retention period | admin
)";

}  // namespace

const PurposeList& DefaultPurposes() {
  static const PurposeList kDefault = [] {
    Result<PurposeList> parsed = ParsePurposes(kDefaultText, "built-in purposes");
    // The text above is fixed: a failure here is a bug caught by the tests.
    return parsed.ok() ? *parsed : PurposeList();
  }();
  return kDefault;
}

Result<PurposeList> ParsePurposes(std::string_view text, std::string_view source) {
  PurposeList out;
  size_t line_no = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    auto error = [&](const std::string& message) {
      return Status::InvalidArgument(std::string(source) + ", line " + std::to_string(line_no) +
                                     ": " + message);
    };
    std::vector<std::string_view> fields = Split(line, '|');
    if (fields.size() < 2) return error("expected 'code | description [| roles]'");
    if (fields.size() > 3)
      return error("too many fields (expected 'code | description [| roles]')");
    Purpose p;
    if (Status st = CheckCode(fields[0]); !st.ok()) return error(st.message());
    p.code = fields[0];
    if (fields[1].empty()) return error("purpose '" + p.code + "' has no description");
    p.description = fields[1];
    if (fields.size() == 3) {
      for (std::string_view name : Split(fields[2], ',')) {
        if (name.empty()) return error("an empty role in '" + std::string(fields[2]) + "'");
        Result<Role> role = ParseRole(name);
        if (!role.ok()) return error(role.status().message());
        if (std::find(p.roles.begin(), p.roles.end(), *role) == p.roles.end()) {
          p.roles.push_back(*role);
        }
      }
    }
    if (Find(out, p.code) != nullptr) return error("purpose '" + p.code + "' is defined twice");
    out.push_back(std::move(p));
  }
  if (out.empty()) return Status::InvalidArgument(std::string(source) + " defines no purpose");
  return out;
}

Result<PurposeList> LoadPurposes(const std::string& path) {
  if (path.empty()) return DefaultPurposes();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot read the purposes file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IOError(path + ": cannot read the purposes file");
  return ParsePurposes(text, path);
}

Status CheckPurpose(const PurposeList& purposes, std::string_view code) {
  if (code.empty()) {
    return Status::InvalidArgument("a purpose is required (one of: " + Codes(purposes) + ")");
  }
  if (Find(purposes, code) == nullptr) {
    return Status::InvalidArgument("purpose '" + std::string(code) +
                                   "' is not one of: " + Codes(purposes));
  }
  return Status::Ok();
}

Status CheckPurpose(const PurposeList& purposes, std::string_view code, Role role) {
  HUDUD_RETURN_IF_ERROR(CheckPurpose(purposes, code));
  const Purpose& p = *Find(purposes, code);
  if (p.roles.empty() || std::find(p.roles.begin(), p.roles.end(), role) != p.roles.end()) {
    return Status::Ok();
  }
  std::string roles;
  for (Role r : p.roles) {
    if (!roles.empty()) roles += ", ";
    roles += ToString(r);
  }
  return Status::InvalidArgument("purpose '" + std::string(code) + "' is not open to the " +
                                 std::string(ToString(role)) + " role (it is for: " + roles + ")");
}

}  // namespace hudud::store
