// ReadListFile (lists/list_file.h): reads a list file, detects its format
// when asked to, hands it to that format's parser and names the list.
#include "lists/list_file.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include "lists/field_util.h"

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

bool Contains(std::string_view s, std::string_view needle) {
  return s.find(needle) != std::string_view::npos;
}

std::string FormatList() {
  std::string out;
  for (const std::string& f : ListFormats()) out += (out.empty() ? "" : ", ") + f;
  return out;
}

// The file beside `sdn_path` called `name` (any case), or "" when absent.
std::string Sibling(const std::string& sdn_path, std::string_view name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::path(sdn_path).parent_path();
  if (dir.empty()) dir = ".";
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (AsciiLower(entry.path().filename().string()) == name) return entry.path().string();
  }
  return "";
}

Result<ParsedList> ReadOfacCsvSet(const std::string& sdn_path, const std::string& sdn) {
  // The files beside sdn.csv share its prefix when it has one (cons_prim.csv
  // has cons_alt.csv, cons_add.csv, cons_comments.csv).
  std::string base = AsciiLower(std::filesystem::path(sdn_path).filename().string());
  std::string prefix = base.rfind("cons_", 0) == 0 ? "cons_" : "";
  std::string add, alt, comments;
  OfacCsvSet set;
  set.sdn = sdn;
  set.sdn_name = sdn_path;
  struct Part {
    const char* name;
    std::string* content;
    std::string_view* view;
    std::string* display;
  } parts[] = {{"add.csv", &add, &set.add, &set.add_name},
               {"alt.csv", &alt, &set.alt, &set.alt_name},
               {prefix.empty() ? "sdn_comments.csv" : "comments.csv", &comments, &set.comments,
                &set.comments_name}};
  std::vector<std::string> files = {sdn_path};
  for (Part& p : parts) {
    std::string path = Sibling(sdn_path, prefix + p.name);
    if (path.empty()) continue;
    HUDUD_RETURN_IF_ERROR(ReadWholeFile(path, p.content));
    *p.view = *p.content;
    *p.display = path;
    files.push_back(path);
  }
  Result<ParsedList> list = ParseOfacCsv(set);
  if (list.ok()) list->files = std::move(files);
  return list;
}

// Entity ids become "<list_id>:<source id>" under a caller-chosen list id.
void RenameList(ParsedList* list, const std::string& list_id) {
  list->list_id = list_id;
  for (model::Entity& e : list->entities) {
    e.list_id = list_id;
    e.id = list_id + ":" + e.source_id;
  }
}

}  // namespace

const std::vector<std::string>& ListFormats() {
  static const std::vector<std::string> kFormats = {
      "un-xml", "ofac-csv", "ofac-xml", "eu-xml", "uk-csv", "uk-xml", "ftm-json", "csv", "json"};
  return kFormats;
}

std::string DefaultListId(std::string_view format) {
  if (format == "un-xml") return "un";
  if (format == "ofac-csv" || format == "ofac-xml") return "ofac-sdn";
  if (format == "eu-xml") return "eu";
  if (format == "uk-csv" || format == "uk-xml") return "uk";
  if (format == "ftm-json") return "opensanctions";
  return "";
}

std::string DetectListFormat(std::string_view head, std::string_view path) {
  if (Contains(head, "<CONSOLIDATED_LIST")) return "un-xml";
  if (Contains(head, "<sdnList") || Contains(head, "ADVANCED_XML") ||
      (Contains(head, "<Sanctions") && Contains(head, "DistinctParties")))
    return "ofac-xml";
  if (Contains(head, "fsd/export") || Contains(head, "<sanctionEntity")) return "eu-xml";
  if (Contains(head, "<Designations") || Contains(head, "<ArrayOfFinancialSanctionsTarget") ||
      Contains(head, "<FinancialSanctionsTarget"))
    return "uk-xml";
  // Skip a byte-order mark and leading blanks.
  std::string_view t = head;
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  while (!t.empty() &&
         (t.front() == ' ' || t.front() == '\n' || t.front() == '\r' || t.front() == '\t'))
    t.remove_prefix(1);
  if (!t.empty() && t.front() == '{' && Contains(head, "\"schema\"")) return "ftm-json";
  if (Contains(head, "Unique ID") && Contains(head, "Name 6")) return "uk-csv";
  if (Contains(head, "Name 6") && Contains(head, "Group ID")) return "uk-csv";
  std::string file = AsciiLower(std::filesystem::path(path).filename().string());
  // OFAC's legacy CSV: no header; rows start with a number then a quoted name.
  if (!t.empty() && std::isdigit(static_cast<unsigned char>(t.front()))) {
    size_t i = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (t.substr(i, 2) == ",\"" &&
        (file == "sdn.csv" || file == "cons_prim.csv" || file.find("sdn") != std::string::npos))
      return "ofac-csv";
  }
  return "";
}

Result<ParsedList> ReadListFile(const std::string& path, std::string_view format,
                                const ReadOptions& options) {
  try {
    std::string fmt(format);
    if (fmt != "auto") {
      bool known = false;
      for (const std::string& f : ListFormats()) known = known || f == fmt;
      if (!known) {
        return Status::Unsupported(path + ": unknown list format \"" + fmt +
                                   "\" (supported: auto, " + FormatList() + ")");
      }
    }
    std::string content;
    HUDUD_RETURN_IF_ERROR(ReadWholeFile(path, &content));
    if (fmt == "auto") {
      if (!options.mapping_path.empty()) {
        std::string_view t = content;
        while (!t.empty() && (t.front() == ' ' || t.front() == '\n' || t.front() == '\r'))
          t.remove_prefix(1);
        fmt = !t.empty() && t.front() == '{' ? "json" : "csv";
      } else {
        fmt = DetectListFormat(std::string_view(content).substr(0, 64 * 1024), path);
      }
      if (fmt.empty()) {
        return Status::Unsupported(
            path + ": unrecognised list format (give --format; supported: " + FormatList() + ")");
      }
    }
    if ((fmt == "csv" || fmt == "json") && options.mapping_path.empty()) {
      return Status::InvalidArgument(path + ": the " + fmt +
                                     " format needs a column mapping (--mapping FILE)");
    }

    Result<ParsedList> parsed = Status::Internal("unreachable");
    if (fmt == "un-xml") {
      parsed = ParseUnXml(content, path);
    } else if (fmt == "ofac-csv") {
      parsed = ReadOfacCsvSet(path, content);
    } else if (fmt == "ofac-xml") {
      parsed = ParseOfacXml(content, path);
    } else if (fmt == "eu-xml") {
      parsed = ParseEuXml(content, path);
    } else if (fmt == "uk-csv") {
      parsed = ParseUkCsv(content, path);
    } else if (fmt == "uk-xml") {
      parsed = ParseUkXml(content, path);
    } else if (fmt == "ftm-json") {
      parsed = ParseFtmJson(content, path);
    } else {
      std::string mapping;
      HUDUD_RETURN_IF_ERROR(ReadWholeFile(options.mapping_path, &mapping));
      parsed = ParseMappedTable(content, path, mapping, options.mapping_path, fmt == "json");
    }
    if (!parsed.ok()) return parsed.status();
    if (parsed->files.empty()) parsed->files.push_back(path);
    if (!options.mapping_path.empty() && (fmt == "csv" || fmt == "json")) {
      parsed->files.push_back(options.mapping_path);
    }
    if (!options.list_id.empty() && options.list_id != parsed->list_id) {
      RenameList(&*parsed, options.list_id);
    }
    if (parsed->list_id.empty()) {
      return Status::InvalidArgument(path + ": the list has no id (give --list-id)");
    }
    return parsed;
  } catch (const std::exception& e) {
    // Allocation failure on a huge file; keep it inside the library.
    return Status::IOError(path + ": " + e.what());
  }
}

}  // namespace hudud::lists
