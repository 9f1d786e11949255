// ParseUkXml (lists/list_file.h): the FCDO UK Sanctions List XML
// (<Designations>/<Designation>, names under <Names>/<Name>, the person's
// facts in nested groups) and the legacy OFSI XML
// (<ArrayOfFinancialSanctionsTarget>, one flat element per name). Both are
// read as rows of named fields for the builder the CSV forms share, so the
// same designation gives the same entity from any UK file.
#include <pugixml.hpp>

#include "lists/field_util.h"
#include "lists/list_file.h"
#include "lists/uk_record.h"

namespace hudud::lists {
namespace {

// Collects the leaf elements under `n` (except under <Name>, which make
// rows of their own) as fields; repeated fields are joined with ';' in
// document order so numbers and their details stay paired.
void CollectLeaves(pugi::xml_node n, UkFields* f) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::string_view(c.name()) == "Name" || std::string_view(c.name()) == "Names") continue;
    if (c.first_child().type() == pugi::node_pcdata || !c.first_child()) {
      std::string key = UkFieldKey(c.name());
      std::string v = TrimCopy(c.text().get());
      if (key.empty() || v.empty()) continue;
      std::string& slot = (*f)[key];
      slot += (slot.empty() ? "" : ";") + v;
    } else {
      CollectLeaves(c, f);
    }
  }
}

}  // namespace

Result<ParsedList> ParseUkXml(std::string_view xml, std::string_view source_name) {
  const std::string src(source_name);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return Status::InvalidArgument(src + ", line " + std::to_string(LineAt(xml, parsed.offset)) +
                                   ": malformed XML: " + parsed.description());
  }
  auto where = [&](pugi::xml_node n) {
    return src + ", line " + std::to_string(LineAt(xml, n.offset_debug()));
  };
  UkListBuilder builder("uk-xml", src);
  if (pugi::xml_node root = doc.child("Designations")) {
    for (pugi::xml_node d : root.children("Designation")) {
      UkFields common;
      CollectLeaves(d, &common);
      if (!common.count("uniqueid")) {
        return Status::InvalidArgument(where(d) + ": <Designation> without <UniqueID>");
      }
      common.erase("groupid");
      bool any_name = false;
      for (pugi::xml_node name : d.child("Names").children("Name")) {
        UkFields row = common;
        for (pugi::xml_node c : name.children()) {
          std::string key = UkFieldKey(c.name());
          std::string v = TrimCopy(c.text().get());
          if (!key.empty() && !v.empty()) row[key] = v;
        }
        HUDUD_RETURN_IF_ERROR(builder.AddRow(row, where(name)));
        any_name = true;
      }
      if (!any_name) return Status::InvalidArgument(where(d) + ": <Designation> without <Names>");
    }
    ParsedList list = builder.Finish();
    list.generated_at = TrimCopy(root.attribute("DateGenerated").value());
    return list;
  }
  if (pugi::xml_node root = doc.child("ArrayOfFinancialSanctionsTarget")) {
    for (pugi::xml_node t : root.children("FinancialSanctionsTarget")) {
      UkFields row;
      CollectLeaves(t, &row);
      HUDUD_RETURN_IF_ERROR(builder.AddRow(row, where(t)));
    }
    return builder.Finish();
  }
  return Status::InvalidArgument(src +
                                 ": no <Designations> or <ArrayOfFinancialSanctionsTarget> root "
                                 "(not a UK sanctions list XML file)");
}

}  // namespace hudud::lists
