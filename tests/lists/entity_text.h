// Test helper for the list parser tests: every field of a model::Entity as
// text, one line per value and only non-empty fields, so a test can pin a
// whole record with one comparison and a failure shows the line that
// differs.
#pragma once

#include <string>

#include "model/entity.h"

namespace hudud::lists::testing {

inline std::string EntityText(const model::Entity& e) {
  std::string out;
  auto line = [&out](const std::string& key, const std::string& value) {
    if (!value.empty()) out += key + ": " + value + "\n";
  };
  auto place = [](const model::Place& p) {
    std::string s;
    for (const auto& [k, v] : {std::pair<const char*, const std::string*>{"street", &p.street},
                               {"city", &p.city},
                               {"state", &p.state},
                               {"zip", &p.zip},
                               {"country", &p.country},
                               {"code", &p.country_code},
                               {"note", &p.note}}) {
      if (!v->empty()) s += std::string(s.empty() ? "" : " | ") + k + "=" + *v;
    }
    return s;
  };
  line("id", e.id);
  line("list", e.list_id);
  line("source_id", e.source_id);
  line("reference", e.reference);
  line("kind", std::string(model::ToString(e.kind)));
  for (const model::Name& n : e.names) {
    std::string s = std::string(model::ToString(n.kind)) + " \"" + n.full + "\"";
    for (const model::NamePart& p : n.parts) {
      static const char* const kRoles[] = {"given",  "family", "patronymic",
                                           "middle", "whole",  "other"};
      s += std::string(" ") + kRoles[static_cast<int>(p.role)] + "=" + p.text;
    }
    if (!n.note.empty()) s += " (" + n.note + ")";
    line("name", s);
  }
  for (const model::DateOfBirth& d : e.dates_of_birth) {
    line("dob", std::string(model::ToString(d.kind)) + " " + d.ToString() +
                    (d.note.empty() ? "" : " (" + d.note + ")"));
  }
  for (const model::Place& p : e.places_of_birth) line("pob", place(p));
  for (const model::Nationality& n : e.nationalities)
    line("nationality", n.text + " [" + n.country_code + "]");
  if (e.gender != model::Gender::kUnknown) line("gender", std::string(model::ToString(e.gender)));
  for (const model::Document& d : e.documents) {
    std::string s = d.type + (d.type2.empty() ? "" : " / " + d.type2) + " \"" + d.number + "\"";
    if (!d.issuing_country.empty() || !d.country_code.empty()) {
      s += " " + d.issuing_country + " [" + d.country_code + "]";
    }
    if (!d.issue_date.empty()) s += " issued " + d.issue_date;
    if (!d.issue_city.empty()) s += " in " + d.issue_city;
    if (!d.note.empty()) s += " (" + d.note + ")";
    line("document", s);
  }
  for (const model::Place& p : e.addresses) line("address", place(p));
  for (const std::string& t : e.titles) line("title", t);
  for (const std::string& d : e.designations) line("designation", d);
  line("program", e.program);
  for (const std::string& t : e.list_types) line("list_type", t);
  line("listed_on", e.listed_on);
  for (const std::string& u : e.last_updated) line("last_updated", u);
  line("version", e.version);
  line("comments", e.comments);
  return out;
}

}  // namespace hudud::lists::testing
