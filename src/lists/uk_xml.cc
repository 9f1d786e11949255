// ParseUkXml (lists/list_file.h): the FCDO UK Sanctions List XML
// (<Designations>/<Designation>, one element per designation with its
// names, addresses and the person's, entity's or ship's details in nested
// groups) and the legacy OFSI XML (<ArrayOfFinancialSanctionsTarget>, one
// flat <FinancialSanctionsTarget> per name, grouped by <GroupID>). Both are
// read into UK rows for the builder the CSV forms share
// (lists/uk_record.h), so a designation is the same entity from any UK file.
//
// Choices the formats leave open:
// - Elements are known by their local name (a namespace prefix is ignored)
//   and by the same field names as the CSV columns (UkFieldKey); unknown
//   elements are ignored. <Name>, <NonLatinName>, <Address>,
//   <PassportDetail>, <NationalIdentifierDetail> and <Location> group the
//   values under them, as one CSV row groups its cells.
// - A <Designation> without <UniqueID>, a UniqueID used twice and a
//   <FinancialSanctionsTarget> without <GroupID> are errors naming the line.
// - generated_at is the root's DateGenerated attribute or <DateGenerated>
//   child, as written.
#include <algorithm>
#include <exception>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "lists/csv.h"
#include "lists/field_util.h"
#include "lists/list_file.h"
#include "lists/uk_record.h"

namespace hudud::lists {
namespace {

std::string_view LocalName(pugi::xml_node n) {
  std::string_view name = n.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool HasElementChildren(pugi::xml_node n) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element) return true;
  }
  return false;
}

// All the text directly in `n` (text and CDATA pieces joined).
std::string TextOf(pugi::xml_node n) {
  std::string out;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return TrimCopy(out);
}

// Elements whose children are the fields of one name, address, document
// or place, as the cells of one CSV row are.
bool IsGroup(std::string_view local) {
  return local == "Name" || local == "NonLatinName" || local == "Address" ||
         local == "PassportDetail" || local == "NationalIdentifierDetail" || local == "Location";
}

void Append(UkRow& into, UkRow&& from) {
  auto move_all = [](auto& to, auto& src) {
    for (auto& x : src) to.push_back(std::move(x));
  };
  move_all(into.names, from.names);
  move_all(into.non_latin_names, from.non_latin_names);
  move_all(into.addresses, from.addresses);
  move_all(into.passports, from.passports);
  move_all(into.national_ids, from.national_ids);
  move_all(into.births, from.births);
  move_all(into.fields, from.fields);
}

class UkXmlParser {
 public:
  static constexpr int kMaxDepth = 32;  // the FCDO file nests five deep

  UkXmlParser(std::string_view xml, std::string_view source)
      : xml_(xml), source_(source), lines_(xml) {}

  Result<ParsedList> Parse() {
    // Bytes that are not UTF-8 would travel into names; refuse them here
    // (UTF-16 files, with their byte-order mark, are converted by pugixml).
    const bool utf16 = xml_.size() >= 2 && ((xml_[0] == '\xFF' && xml_[1] == '\xFE') ||
                                            (xml_[0] == '\xFE' && xml_[1] == '\xFF'));
    size_t bad = 0;
    if (!utf16 && !IsValidUtf8(xml_, &bad)) {
      return Status::Corruption(Where(static_cast<ptrdiff_t>(bad)) + ": invalid UTF-8");
    }
    pugi::xml_document doc;
    // No parse_eol: it would shift node offsets on CRLF files, and the line
    // numbers in our errors come from those offsets.
    const unsigned options = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_wconv_attribute;
    pugi::xml_parse_result loaded =
        doc.load_buffer(xml_.data(), xml_.size(), options, pugi::encoding_auto);
    if (!loaded) {
      return Status::Corruption(Where(loaded.offset) + ": malformed XML: " + loaded.description());
    }
    pugi::xml_node root = doc.document_element();
    const std::string_view local = LocalName(root);
    if (local == "Designations") return ParseFcdo(root);
    if (local == "ArrayOfFinancialSanctionsTarget") return ParseOfsi(root);
    return Status::Corruption(At(root) + ": root element is <" + root.name() +
                              ">, expected <Designations> or <ArrayOfFinancialSanctionsTarget>");
  }

 private:
  std::string Where(ptrdiff_t offset) const {
    if (offset < 0) return source_ + ", unknown line";
    return source_ + ", line " + std::to_string(lines_.LineOf(offset));
  }
  std::string At(pugi::xml_node n) const { return Where(n.offset_debug()); }

  static pugi::xml_node Child(pugi::xml_node n, std::string_view local) {
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_element && LocalName(c) == local) return c;
    }
    return {};
  }

  // Every leaf element under `n` as a (key, value) field, in document order.
  Status Leaves(pugi::xml_node n, std::vector<std::pair<std::string, UkValue>>* fields,
                int depth = 0) const {
    HUDUD_RETURN_IF_ERROR(CheckDepth(n, depth));
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      if (HasElementChildren(c)) {
        HUDUD_RETURN_IF_ERROR(Leaves(c, fields, depth + 1));
        continue;
      }
      AddLeaf(c, fields);
    }
    return Status::Ok();
  }

  void AddLeaf(pugi::xml_node c, std::vector<std::pair<std::string, UkValue>>* fields) const {
    std::string key = UkFieldKey(LocalName(c));
    std::string text = TextOf(c);
    if (key.empty() || text.empty()) return;
    fields->emplace_back(std::move(key),
                         UkValue{std::move(text), "<" + std::string(LocalName(c)) + ">", At(c)});
  }

  // The walks recurse; a file nested deeper than any list is refused
  // rather than allowed to exhaust the stack.
  Status CheckDepth(pugi::xml_node n, int depth) const {
    if (depth <= kMaxDepth) return Status::Ok();
    return Status::Corruption(At(n) + ": <" + std::string(LocalName(n)) + "> nested more than " +
                              std::to_string(kMaxDepth) + " elements deep");
  }

  // A designation's own leaves go to `fields`; each group becomes a row of
  // its own, appended to `row` in document order.
  Status Walk(pugi::xml_node n, UkRow& row, std::vector<std::pair<std::string, UkValue>>* fields,
              int depth = 0) const {
    HUDUD_RETURN_IF_ERROR(CheckDepth(n, depth));
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      const bool children = HasElementChildren(c);
      if (children && IsGroup(LocalName(c))) {
        std::vector<std::pair<std::string, UkValue>> group;
        HUDUD_RETURN_IF_ERROR(Leaves(c, &group, depth + 1));
        Append(row, UkRowFromFields(At(c), row.id, group));
      } else if (children) {
        HUDUD_RETURN_IF_ERROR(Walk(c, row, fields, depth + 1));
      } else {
        AddLeaf(c, fields);
      }
    }
    return Status::Ok();
  }

  Result<ParsedList> ParseFcdo(pugi::xml_node root) {
    UkListBuilder builder("uk-xml");
    std::unordered_map<std::string, ptrdiff_t> seen;  // UniqueID -> offset of its element
    for (pugi::xml_node d : root.children()) {
      if (d.type() != pugi::node_element || LocalName(d) != "Designation") continue;
      UkRow row;
      row.where = At(d);
      row.id = TrimCopy(TextOf(Child(d, "UniqueID")));
      if (row.id.empty()) {
        return Status::Corruption(At(d) + ": <Designation> without <UniqueID>");
      }
      auto [it, fresh] = seen.emplace(row.id, d.offset_debug());
      if (!fresh) {
        return Status::Corruption(At(d) + ": <Designation> with UniqueID " + row.id +
                                  " already used on line " +
                                  std::to_string(lines_.LineOf(it->second)));
      }
      std::vector<std::pair<std::string, UkValue>> fields;
      HUDUD_RETURN_IF_ERROR(Walk(d, row, &fields));
      Append(row, UkRowFromFields(row.where, row.id, fields));
      HUDUD_RETURN_IF_ERROR(builder.Add(row));
    }
    ParsedList list = builder.Finish();
    list.generated_at = TrimCopy(root.attribute("DateGenerated").value());
    if (list.generated_at.empty()) list.generated_at = TextOf(Child(root, "DateGenerated"));
    return list;
  }

  Result<ParsedList> ParseOfsi(pugi::xml_node root) {
    UkListBuilder builder("uk-xml");
    for (pugi::xml_node t : root.children()) {
      if (t.type() != pugi::node_element || LocalName(t) != "FinancialSanctionsTarget") continue;
      const std::string id = TextOf(Child(t, "GroupID"));
      if (id.empty()) {
        return Status::Corruption(At(t) + ": <FinancialSanctionsTarget> without <GroupID>");
      }
      std::vector<std::pair<std::string, UkValue>> fields;
      HUDUD_RETURN_IF_ERROR(Leaves(t, &fields));
      HUDUD_RETURN_IF_ERROR(builder.Add(UkRowFromFields(At(t), id, fields)));
    }
    return builder.Finish();
  }

  std::string_view xml_;
  std::string source_;
  LineIndex lines_;
};

}  // namespace

Result<ParsedList> ParseUkXml(std::string_view xml, std::string_view source_name) {
  try {
    UkXmlParser parser(xml, source_name);
    return parser.Parse();
  } catch (const std::exception& e) {
    // Only allocation failure can throw here; keep it inside the library.
    return Status::Internal(std::string(source_name) + ": " + e.what());
  }
}

}  // namespace hudud::lists
