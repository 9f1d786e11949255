// ParseEuXml (lists/list_file.h): the EU consolidated financial sanctions
// list (xmlFullSanctionsList_1_1): <export generationDate=...> holding one
// <sanctionEntity> per listed person or organisation, with its names in
// many languages and scripts, birth dates, citizenships, identity
// documents, addresses and regulations as child elements with attributes.
#include <algorithm>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>

#include "lists/field_util.h"
#include "lists/list_file.h"
#include "model/country.h"

namespace hudud::lists {
namespace {

std::string Attr(pugi::xml_node n, const char* name) { return TrimCopy(n.attribute(name).value()); }

bool IsTrue(pugi::xml_node n, const char* name) { return Attr(n, name) == "true"; }

}  // namespace

Result<ParsedList> ParseEuXml(std::string_view xml, std::string_view source_name) {
  const std::string src(source_name);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return Status::InvalidArgument(src + ", line " + std::to_string(LineAt(xml, parsed.offset)) +
                                   ": malformed XML: " + parsed.description());
  }
  pugi::xml_node root = doc.child("export");
  if (!root) return Status::InvalidArgument(src + ": no <export> root (not an EU FSF XML file)");
  auto at = [&](pugi::xml_node n) {
    return src + ", line " + std::to_string(LineAt(xml, n.offset_debug())) + ": ";
  };

  ParsedList list;
  list.list_id = "eu";
  list.format = "eu-xml";
  list.generated_at = Attr(root, "generationDate");
  std::unordered_map<std::string, size_t> seen;
  for (pugi::xml_node s : root.children("sanctionEntity")) {
    model::Entity e;
    e.source_id = Attr(s, "logicalId");
    if (e.source_id.empty())
      return Status::InvalidArgument(at(s) + "<sanctionEntity> without logicalId");
    if (!seen.emplace(e.source_id, list.entities.size()).second) {
      return Status::InvalidArgument(at(s) + "logicalId " + e.source_id + " appears twice");
    }
    e.id = "eu:" + e.source_id;
    e.list_id = "eu";
    e.reference = Attr(s, "euReferenceNumber");
    const std::string code = Attr(s.child("subjectType"), "code");
    e.kind = code == "person"       ? model::EntityKind::kPerson
             : code == "enterprise" ? model::EntityKind::kOrganization
                                    : model::EntityKind::kUnknown;
    std::string comments;
    if (std::string un = Attr(s, "unitedNationId"); !un.empty()) comments = "UN reference " + un;
    if (std::string details = Attr(s, "designationDetails"); !details.empty()) {
      comments += (comments.empty() ? "" : "\n") + details;
    }
    for (pugi::xml_node r : s.children("remark")) {
      std::string t = TrimCopy(r.text().get());
      if (!t.empty()) comments += (comments.empty() ? "" : "\n") + t;
    }
    e.comments = comments;

    for (pugi::xml_node r : s.children("regulation")) {
      std::string programme = Attr(r, "programme");
      if (!programme.empty() && e.program.empty()) e.program = programme;
      if (!programme.empty() &&
          std::find(e.list_types.begin(), e.list_types.end(), programme) == e.list_types.end()) {
        e.list_types.push_back(programme);
      }
      std::string published = Attr(r, "publicationDate");
      if (!published.empty()) {
        std::optional<model::PartialDate> d = model::ParsePartialDate(published.substr(0, 10));
        if (!d)
          return Status::InvalidArgument(at(r) + "publicationDate \"" + published +
                                         "\" is not a date");
        if (e.listed_on.empty() || d->ToString() < e.listed_on) e.listed_on = d->ToString();
      }
    }

    for (pugi::xml_node a : s.children("nameAlias")) {
      std::string whole = Attr(a, "wholeName");
      if (whole.empty()) {
        for (const char* k : {"firstName", "middleName", "lastName"}) {
          std::string p = Attr(a, k);
          if (!p.empty()) whole += (whole.empty() ? "" : " ") + p;
        }
      }
      if (whole.empty()) continue;
      model::NameKind kind =
          e.names.empty() ? model::NameKind::kPrimary : model::NameKind::kGoodAlias;
      if (HasNonLatinLetters(whole)) kind = model::NameKind::kOriginalScript;
      if (Attr(a, "strong") == "false") kind = model::NameKind::kLowAlias;
      bool dup = false;
      for (const model::Name& n : e.names) dup |= n.full == whole;
      if (!dup) {
        model::Name n;
        n.full = whole;
        n.kind = kind;
        n.note = Attr(a, "nameLanguage");
        if (std::string f = Attr(a, "firstName"); !f.empty())
          n.parts.push_back({model::NamePartRole::kGiven, f});
        if (std::string m = Attr(a, "middleName"); !m.empty())
          n.parts.push_back({model::NamePartRole::kMiddle, m});
        if (std::string l = Attr(a, "lastName"); !l.empty())
          n.parts.push_back({model::NamePartRole::kFamily, l});
        e.names.push_back(std::move(n));
      }
      if (std::string g = Attr(a, "gender"); !g.empty()) {
        if (auto parsed_g = model::ParseGender(g)) e.gender = *parsed_g;
      }
      if (std::string f = Attr(a, "function");
          !f.empty() &&
          std::find(e.designations.begin(), e.designations.end(), f) == e.designations.end()) {
        e.designations.push_back(f);
      }
      if (std::string t = Attr(a, "title");
          !t.empty() && std::find(e.titles.begin(), e.titles.end(), t) == e.titles.end()) {
        e.titles.push_back(t);
      }
    }
    // A primary name must exist: promote the first name if all are aliases.
    if (!e.names.empty() && e.names[0].kind != model::NameKind::kPrimary &&
        e.names[0].kind != model::NameKind::kOriginalScript) {
      e.names[0].kind = model::NameKind::kPrimary;
    }

    for (pugi::xml_node c : s.children("citizenship")) {
      AddNationality(&e, Attr(c, "countryDescription"), Attr(c, "countryIso2Code"));
    }
    for (pugi::xml_node b : s.children("birthdate")) {
      model::DateOfBirth d;
      const std::string full = Attr(b, "birthdate");
      const std::string from = Attr(b, "yearRangeFrom"), to = Attr(b, "yearRangeTo");
      if (!full.empty()) {
        std::optional<model::PartialDate> p = model::ParsePartialDate(full);
        if (!p) return Status::InvalidArgument(at(b) + "birthdate \"" + full + "\" is not a date");
        d.from = *p;
      } else if (!from.empty() || !to.empty()) {
        auto f = model::ParsePartialDate(from.empty() ? to : from);
        auto t = model::ParsePartialDate(to.empty() ? from : to);
        if (!f || !t)
          return Status::InvalidArgument(at(b) + "year range \"" + from + "-" + to +
                                         "\" is not a range of years");
        d.kind = model::DateOfBirth::Kind::kBetween;
        d.from = *f;
        d.to = *t;
      } else if (std::string y = Attr(b, "year"); !y.empty()) {
        std::string iso = y;
        std::string m = Attr(b, "monthOfYear");
        if (!m.empty() && m != "0") iso += (m.size() == 1 ? "-0" : "-") + m;
        std::optional<model::PartialDate> p = model::ParsePartialDate(iso);
        if (!p) return Status::InvalidArgument(at(b) + "year \"" + y + "\" is not a year");
        d.from = *p;
      }
      if (IsTrue(b, "circa") && d.kind == model::DateOfBirth::Kind::kExact) {
        d.kind = model::DateOfBirth::Kind::kApproximate;
      }
      if (!d.from.empty()) e.dates_of_birth.push_back(d);
      model::Place pob;
      pob.city = Attr(b, "city");
      pob.state = Attr(b, "region");
      if (pob.city.empty()) pob.city = Attr(b, "place");
      pob.country = Attr(b, "countryDescription");
      pob.country_code = Attr(b, "countryIso2Code");
      if (pob.country_code == "00") pob.country_code.clear();
      if (!pob.city.empty() || !pob.country_code.empty()) e.places_of_birth.push_back(pob);
    }
    for (pugi::xml_node i : s.children("identification")) {
      model::Document d;
      d.number = Attr(i, "number");
      if (d.number.empty()) d.number = Attr(i, "latinNumber");
      if (d.number.empty()) continue;
      d.type = Attr(i, "identificationTypeDescription");
      if (d.type.empty()) d.type = Attr(i, "identificationTypeCode");
      d.type2 = Attr(i, "identificationTypeCode");
      d.issuing_country = Attr(i, "countryDescription");
      d.country_code = Attr(i, "countryIso2Code");
      if (d.country_code == "00") d.country_code.clear();
      d.issue_date = Attr(i, "issuedDate");
      std::string note;
      for (const char* flag :
           {"diplomatic", "knownExpired", "knownFalse", "reportedLost", "revokedByIssuer"}) {
        if (IsTrue(i, flag)) note += (note.empty() ? "" : ", ") + std::string(flag);
      }
      if (std::string v = Attr(i, "validTo"); !v.empty())
        note += (note.empty() ? "valid to " : ", valid to ") + v;
      d.note = note;
      e.documents.push_back(d);
    }
    for (pugi::xml_node a : s.children("address")) {
      model::Place p;
      p.street = Attr(a, "street");
      p.city = Attr(a, "city");
      p.zip = Attr(a, "zipCode");
      p.state = Attr(a, "region");
      p.country = Attr(a, "countryDescription");
      p.country_code = Attr(a, "countryIso2Code");
      if (p.country_code == "00") p.country_code.clear();
      p.note = Attr(a, "place");
      if (p.street.empty() && p.city.empty() && p.country.empty() && p.zip.empty()) continue;
      e.addresses.push_back(p);
    }
    if (e.names.empty())
      return Status::InvalidArgument(at(s) + "sanctionEntity " + e.source_id + " has no name");
    list.entities.push_back(std::move(e));
  }
  return list;
}

}  // namespace hudud::lists
