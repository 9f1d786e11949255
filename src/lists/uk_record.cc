// UkListBuilder (lists/uk_record.h).
#include "lists/uk_record.h"

#include <algorithm>
#include <cctype>

#include "lists/field_util.h"
#include "model/country.h"

namespace hudud::lists {
namespace {

std::string Canon(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// Cells listing several values: "(1) 12345 (2) 67890", or separated by
// newlines or semicolons.
std::vector<std::string> Values(const std::string& cell) {
  std::string t;
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '(' && i + 2 < cell.size() &&
        std::isdigit(static_cast<unsigned char>(cell[i + 1]))) {
      size_t close = cell.find(')', i);
      if (close != std::string::npos && close - i <= 3) {
        t += ';';
        i = close;
        continue;
      }
    }
    t += cell[i];
  }
  return SplitAny(t, ";\n|");
}

std::string Get(const UkFields& f, const char* key) {
  auto it = f.find(key);
  return it == f.end() ? "" : TrimCopy(it->second);
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

std::string UkFieldKey(std::string_view header) {
  static const std::unordered_map<std::string, std::string> kSynonyms = {
      {"uniqueid", "uniqueid"},
      {"groupid", "groupid"},
      {"ofsigroupid", "groupid"},
      {"unreferencenumber", "unreference"},
      {"name1", "name1"},
      {"name2", "name2"},
      {"name3", "name3"},
      {"name4", "name4"},
      {"name5", "name5"},
      {"name6", "name6"},
      {"nametype", "nametype"},
      {"aliastype", "nametype"},
      {"aliasstrength", "aliasstrength"},
      {"aliasquality", "aliasstrength"},
      {"title", "title"},
      {"namenonlatinscript", "nonlatin"},
      {"regimename", "regime"},
      {"regime", "regime"},
      {"entitytype", "type"},
      {"grouptype", "type"},
      {"individualentityship", "type"},
      {"designationtype", "type"},
      {"otherinformation", "other"},
      {"ukstatementofreasons", "reasons"},
      {"statementofreasons", "reasons"},
      {"addressline1", "address1"},
      {"addressline2", "address2"},
      {"addressline3", "address3"},
      {"addressline4", "address4"},
      {"addressline5", "address5"},
      {"addressline6", "address6"},
      {"address1", "address1"},
      {"address2", "address2"},
      {"address3", "address3"},
      {"address4", "address4"},
      {"address5", "address5"},
      {"address6", "address6"},
      {"addresspostalcode", "postcode"},
      {"postzipcode", "postcode"},
      {"addresscountry", "country"},
      {"country", "country"},
      {"datedesignated", "designated"},
      {"uksanctionslistdatedesignated", "designated"},
      {"listedon", "listedon"},
      {"dob", "dob"},
      {"nationalityies", "nationality"},
      {"nationality", "nationality"},
      {"nationalities", "nationality"},
      {"nationalidentifiernumber", "nationalid"},
      {"nationalidentificationnumber", "nationalid"},
      {"nationalidentifieradditionalinformation", "nationaliddetails"},
      {"nationalidentificationdetails", "nationaliddetails"},
      {"passportnumber", "passport"},
      {"passportadditionalinformation", "passportdetails"},
      {"passportdetails", "passportdetails"},
      {"position", "position"},
      {"gender", "gender"},
      {"townofbirth", "townofbirth"},
      {"countryofbirth", "countryofbirth"},
      {"businessregistrationnumbers", "registration"},
      {"imonumber", "imo"},
      {"lastupdated", "lastupdated"},
  };
  auto it = kSynonyms.find(Canon(header));
  return it == kSynonyms.end() ? "" : it->second;
}

Status UkListBuilder::AddRow(const UkFields& f, const std::string& where) {
  std::string id = Get(f, "uniqueid");
  if (id.empty()) id = Get(f, "groupid");
  if (id.empty()) return Status::InvalidArgument(where + ": no Unique ID (or Group ID)");
  auto [it, fresh] = index_.emplace(id, entities_.size());
  if (fresh) {
    model::Entity e;
    e.source_id = id;
    e.id = "uk:" + id;
    e.list_id = "uk";
    std::string type = Canon(Get(f, "type"));
    e.kind = type == "individual"                    ? model::EntityKind::kPerson
             : type == "ship"                        ? model::EntityKind::kVessel
             : type == "entity" || type == "company" ? model::EntityKind::kOrganization
                                                     : model::EntityKind::kUnknown;
    entities_.push_back(std::move(e));
  }
  model::Entity& e = entities_[it->second];

  // The name: Name 1..5 are given and middle names, Name 6 the surname (or
  // an entity's whole name).
  model::Name n;
  static constexpr const char* kParts[] = {"name1", "name2", "name3", "name4", "name5", "name6"};
  for (int k = 0; k < 6; ++k) {
    std::string p = Get(f, kParts[k]);
    if (p.empty()) continue;
    n.full += (n.full.empty() ? "" : " ") + p;
    n.parts.push_back({k == 5   ? model::NamePartRole::kFamily
                       : k == 0 ? model::NamePartRole::kGiven
                                : model::NamePartRole::kMiddle,
                       p});
  }
  const std::string name_type = Canon(Get(f, "nametype"));
  const std::string strength = Canon(Get(f, "aliasstrength"));
  if (!n.full.empty()) {
    if (name_type.rfind("primaryname", 0) == 0 && name_type != "primarynamevariation") {
      n.kind = model::NameKind::kPrimary;
    } else {
      n.kind = strength.rfind("low", 0) == 0 || strength == "weak" ? model::NameKind::kLowAlias
                                                                   : model::NameKind::kGoodAlias;
    }
    bool dup = false;
    for (const model::Name& o : e.names) dup |= o.full == n.full;
    if (!dup) {
      if (n.kind == model::NameKind::kPrimary) {
        e.names.insert(e.names.begin(), std::move(n));
      } else {
        e.names.push_back(std::move(n));
      }
    }
  }
  for (const std::string& v : Values(Get(f, "nonlatin"))) {
    AddName(&e, v, model::NameKind::kOriginalScript);
  }
  if (!e.names.empty() && e.names[0].kind != model::NameKind::kPrimary) {
    // No row said "Primary Name" yet: the first name stands in for it.
    bool any = false;
    for (const model::Name& o : e.names) any |= o.kind == model::NameKind::kPrimary;
    if (!any && e.names[0].kind == model::NameKind::kGoodAlias)
      e.names[0].kind = model::NameKind::kPrimary;
  }

  if (e.reference.empty()) e.reference = Get(f, "unreference");
  if (e.program.empty()) e.program = Get(f, "regime");
  for (const std::string& t : Values(Get(f, "title"))) {
    if (!Has(e.titles, t)) e.titles.push_back(t);
  }
  for (const std::string& p : Values(Get(f, "position"))) {
    if (!Has(e.designations, p)) e.designations.push_back(p);
  }
  if (auto g = model::ParseGender(Get(f, "gender"))) e.gender = *g;
  for (const char* key : {"designated", "listedon"}) {
    std::string v = Get(f, key);
    if (v.empty()) continue;
    std::optional<model::PartialDate> d = ParseDayFirstDate(v);
    if (!d)
      return Status::InvalidArgument(where + ": field " + key + ": invalid date \"" + v + "\"");
    if (e.listed_on.empty() || d->ToString() < e.listed_on) e.listed_on = d->ToString();
  }
  for (const std::string& v : SplitAny(Get(f, "dob"), ";\n|,")) {
    std::string t = v;
    if (t.size() > 3 && t[0] == '(' && t[2] == ')') t = TrimCopy(t.substr(3));
    std::optional<model::PartialDate> d = ParseDayFirstDate(t);
    if (!d) return Status::InvalidArgument(where + ": field DOB: invalid date \"" + v + "\"");
    bool dup = false;
    for (const model::DateOfBirth& o : e.dates_of_birth) dup |= o.from == *d;
    if (!dup) {
      model::DateOfBirth dob;
      dob.from = *d;
      e.dates_of_birth.push_back(dob);
    }
  }
  for (const std::string& v : Values(Get(f, "nationality"))) AddNationality(&e, v);
  {
    model::Place pob;
    pob.city = Get(f, "townofbirth");
    pob.country = Get(f, "countryofbirth");
    pob.country_code = model::ResolveCountryCode(pob.country);
    bool dup = false;
    for (const model::Place& o : e.places_of_birth)
      dup |= o.city == pob.city && o.country == pob.country;
    if (!dup && (!pob.city.empty() || !pob.country.empty())) e.places_of_birth.push_back(pob);
  }
  auto add_docs = [&](const char* key, const char* details, const char* type) {
    std::vector<std::string> numbers = Values(Get(f, key));
    std::vector<std::string> notes = Values(Get(f, details));
    for (size_t k = 0; k < numbers.size(); ++k) {
      bool dup = false;
      for (const model::Document& o : e.documents) dup |= o.number == numbers[k];
      if (dup) continue;
      model::Document d;
      d.type = type;
      d.number = numbers[k];
      if (k < notes.size()) {
        d.note = notes[k];
        // "Iraqi passport issued ..." / "(Iraq)": find the issuing state.
        d.country_code = model::ResolveCountryCode(d.note);
        if (d.country_code.empty()) {
          for (const std::string& w : SplitAny(d.note, " ,.()")) {
            std::string c = model::ResolveCountryCode(w);
            if (!c.empty() && w.size() > 3) {
              d.country_code = c;
              d.issuing_country = w;
              break;
            }
          }
        } else {
          d.issuing_country = d.note;
        }
      }
      e.documents.push_back(d);
    }
  };
  add_docs("passport", "passportdetails", "Passport");
  add_docs("nationalid", "nationaliddetails", "National Identification Number");
  add_docs("imo", "", "IMO");
  add_docs("registration", "", "Business Registration Number");
  {
    model::Place a;
    std::string street;
    for (const char* k : {"address1", "address2", "address3", "address4", "address5"}) {
      std::string v = Get(f, k);
      if (!v.empty()) street += (street.empty() ? "" : ", ") + v;
    }
    a.street = street;
    a.city = Get(f, "address6");
    a.zip = Get(f, "postcode");
    a.country = Get(f, "country");
    a.country_code = model::ResolveCountryCode(a.country);
    bool dup = false;
    for (const model::Place& o : e.addresses) {
      dup |= o.street == a.street && o.city == a.city && o.country == a.country && o.zip == a.zip;
    }
    if (!dup && (!a.street.empty() || !a.city.empty() || !a.country.empty()))
      e.addresses.push_back(a);
  }
  std::string other = Get(f, "other");
  if (!other.empty() && e.comments.find(other) == std::string::npos) {
    e.comments += (e.comments.empty() ? "" : "\n") + other;
  }
  if (std::string u = Get(f, "lastupdated"); !u.empty()) {
    if (std::optional<model::PartialDate> d = ParseDayFirstDate(u)) {
      if (!Has(e.last_updated, d->ToString())) e.last_updated.push_back(d->ToString());
    }
  }
  return Status::Ok();
}

ParsedList UkListBuilder::Finish() {
  ParsedList list;
  list.list_id = "uk";
  list.format = format_;
  list.entities = std::move(entities_);
  return list;
}

}  // namespace hudud::lists
