// ReadListFile (lists/list_file.h): reads a list file and hands it to the
// parser of its format, detected from the content when asked to.
#include "lists/list_file.h"

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace hudud::lists {
namespace {

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::IOError(path + ": is a directory, not a list file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad() || buf.bad())
    return Status::IOError(path + ": read failed: " + std::strerror(errno));
  *out = std::move(buf).str();
  return Status::Ok();
}

// The format a list's content is in, or "" when none we know.
std::string DetectFormat(std::string_view content) {
  if (content.find("<CONSOLIDATED_LIST") != std::string_view::npos) return "un-xml";
  return "";
}

}  // namespace

Result<ParsedList> ReadListFile(const std::string& path, std::string_view format) {
  try {
    std::string fmt(format);
    if (fmt != "auto" && fmt != "un-xml") {
      return Status::Unsupported(path + ": unknown list format \"" + fmt +
                                 "\" (supported: auto, un-xml)");
    }
    std::string content;
    HUDUD_RETURN_IF_ERROR(ReadWholeFile(path, &content));
    if (fmt == "auto") {
      fmt = DetectFormat(content);
      if (fmt.empty()) {
        return Status::Unsupported(path +
                                   ": unrecognised list format (supported: un-xml, the UN Security "
                                   "Council Consolidated List with a <CONSOLIDATED_LIST> root)");
      }
    }
    return ParseUnXml(content, path);
  } catch (const std::exception& e) {
    // Allocation failure on a huge file; keep it inside the library.
    return Status::IOError(path + ": " + e.what());
  }
}

}  // namespace hudud::lists
