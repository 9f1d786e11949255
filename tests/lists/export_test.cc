// Pins the writers (lists/export.cc) by reading what they write back
// through the parsers: the real UN list through WriteListXml and ParseUnXml
// (every field the UN format has), through WriteFtmJson and ParseFtmJson
// (every field FtM has), and through WriteListCsv and CsvReader; the FtM
// fixture through WriteFtmJson and back.
#include "lists/export.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "lists/csv.h"
#include "lists/ftm_model.h"
#include "lists/list_file.h"

namespace hudud::lists {
namespace {

using model::DateOfBirth;
using model::Entity;
using model::NameKind;

const char kUnList[] = HUDUD_DATA_DIR "/lists/un-consolidated-2026-02-27.xml";

const ParsedList& UnList() {
  static const ParsedList* list = [] {
    Result<ParsedList> l = ReadListFile(kUnList, "un-xml");
    EXPECT_TRUE(l.ok()) << l.status().message();
    return new ParsedList(l.ok() ? *l : ParsedList{});
  }();
  return *list;
}

auto PlaceKey(const model::Place& p) {
  return std::tie(p.street, p.city, p.state, p.zip, p.country, p.country_code, p.note);
}

// Every field of the entity model, compared one by one so a failure says which.
void ExpectSameEntity(const Entity& a, const Entity& b) {
  SCOPED_TRACE(a.id);
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.list_id, b.list_id);
  EXPECT_EQ(a.source_id, b.source_id);
  EXPECT_EQ(a.reference, b.reference);
  EXPECT_EQ(a.kind, b.kind);
  ASSERT_EQ(a.names.size(), b.names.size());
  for (size_t i = 0; i < a.names.size(); ++i) {
    EXPECT_EQ(a.names[i].full, b.names[i].full);
    EXPECT_EQ(a.names[i].kind, b.names[i].kind) << a.names[i].full;
    EXPECT_EQ(a.names[i].note, b.names[i].note);
    ASSERT_EQ(a.names[i].parts.size(), b.names[i].parts.size()) << a.names[i].full;
    for (size_t k = 0; k < a.names[i].parts.size(); ++k) {
      EXPECT_EQ(a.names[i].parts[k].role, b.names[i].parts[k].role);
      EXPECT_EQ(a.names[i].parts[k].text, b.names[i].parts[k].text);
    }
  }
  ASSERT_EQ(a.dates_of_birth.size(), b.dates_of_birth.size());
  for (size_t i = 0; i < a.dates_of_birth.size(); ++i) {
    EXPECT_EQ(a.dates_of_birth[i].kind, b.dates_of_birth[i].kind);
    EXPECT_EQ(a.dates_of_birth[i].from, b.dates_of_birth[i].from);
    EXPECT_EQ(a.dates_of_birth[i].to, b.dates_of_birth[i].to);
    EXPECT_EQ(a.dates_of_birth[i].note, b.dates_of_birth[i].note);
  }
  ASSERT_EQ(a.places_of_birth.size(), b.places_of_birth.size());
  for (size_t i = 0; i < a.places_of_birth.size(); ++i) {
    EXPECT_EQ(PlaceKey(a.places_of_birth[i]), PlaceKey(b.places_of_birth[i]));
  }
  ASSERT_EQ(a.nationalities.size(), b.nationalities.size());
  for (size_t i = 0; i < a.nationalities.size(); ++i) {
    EXPECT_EQ(a.nationalities[i].text, b.nationalities[i].text);
    EXPECT_EQ(a.nationalities[i].country_code, b.nationalities[i].country_code);
  }
  EXPECT_EQ(a.gender, b.gender);
  ASSERT_EQ(a.documents.size(), b.documents.size());
  for (size_t i = 0; i < a.documents.size(); ++i) {
    const model::Document& x = a.documents[i];
    const model::Document& y = b.documents[i];
    EXPECT_EQ(std::tie(x.type, x.type2, x.number, x.issuing_country, x.country_code, x.issue_date,
                       x.issue_city, x.note),
              std::tie(y.type, y.type2, y.number, y.issuing_country, y.country_code, y.issue_date,
                       y.issue_city, y.note));
  }
  ASSERT_EQ(a.addresses.size(), b.addresses.size());
  for (size_t i = 0; i < a.addresses.size(); ++i) {
    EXPECT_EQ(PlaceKey(a.addresses[i]), PlaceKey(b.addresses[i]));
  }
  EXPECT_EQ(a.titles, b.titles);
  EXPECT_EQ(a.designations, b.designations);
  EXPECT_EQ(a.program, b.program);
  EXPECT_EQ(a.list_types, b.list_types);
  EXPECT_EQ(a.listed_on, b.listed_on);
  EXPECT_EQ(a.last_updated, b.last_updated);
  EXPECT_EQ(a.version, b.version);
  EXPECT_EQ(a.comments, b.comments);
}

TEST(ExportTest, UnListThroughXmlReadsBackEqual) {
  const ParsedList& un = UnList();
  ASSERT_GT(un.entities.size(), 900u);
  const std::string xml = WriteListXml(un);
  Result<ParsedList> back = ParseUnXml(xml, "export.xml");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->generated_at, un.generated_at);
  ASSERT_EQ(back->entities.size(), un.entities.size());
  for (size_t i = 0; i < un.entities.size(); ++i) {
    ExpectSameEntity(un.entities[i], back->entities[i]);
    if (HasFailure()) break;  // one entity's differences are enough to read
  }
}

TEST(ExportTest, XmlEscapesAndDropsWhatXmlCannotHold) {
  ParsedList list;
  list.list_id = "x";
  list.generated_at = "2026-01-01";
  Entity e;
  e.id = "x:1";
  e.list_id = "x";
  e.source_id = "1";
  e.kind = model::EntityKind::kVessel;
  e.names.push_back({"<Al & \"Noor\">\x01", {}, NameKind::kPrimary, ""});
  e.comments = "a < b\nc";
  list.entities.push_back(e);
  Result<ParsedList> back = ParseUnXml(WriteListXml(list), "x.xml");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->entities.size(), 1u);
  EXPECT_EQ(back->entities[0].names[0].full, "<Al & \"Noor\">");
  EXPECT_EQ(back->entities[0].comments, "a < b\nc");
  // The UN vocabulary has individuals and entities only.
  EXPECT_EQ(back->entities[0].kind, model::EntityKind::kOrganization);
}

// What FtM can say about a UN entity, to compare before and after.
struct FtmView {
  std::string primary;
  std::set<std::pair<std::string, int>> names;  // text, 0 primary 1 alias 2 weak 3 former
  std::vector<std::pair<int, std::string>> parts;
  std::set<std::string> dobs, nationalities, documents, addresses;
  std::string program, reference, listed_on, comments;
  std::vector<std::string> titles, designations, last_updated;
  model::Gender gender;
  model::EntityKind kind;
  bool operator==(const FtmView&) const = default;
};

int NameClass(NameKind k) {
  switch (k) {
    case NameKind::kPrimary:
      return 0;
    case NameKind::kGoodAlias:
    case NameKind::kOriginalScript:  // FtM has no original-script names: an alias
      return 1;
    case NameKind::kLowAlias:
      return 2;
    case NameKind::kFormerName:
      return 3;
  }
  return -1;
}

FtmView View(const Entity& e, bool before) {
  FtmView v;
  v.kind = e.kind;
  v.gender = e.gender;
  // A text listed twice is read back once, with the strongest quality FtM
  // gave it (names, then aliases, weak aliases, previous names).
  std::map<std::string, int> best;
  for (const model::Name& n : e.names) {
    auto [it, fresh] = best.emplace(n.full, NameClass(n.kind));
    if (!fresh) it->second = std::min(it->second, NameClass(n.kind));
    if (n.kind == NameKind::kPrimary && v.primary.empty()) v.primary = n.full;
  }
  v.names.insert(best.begin(), best.end());
  for (const model::Name& n : e.names) {
    if (n.kind != NameKind::kPrimary) continue;
    for (const model::NamePart& p : n.parts) {
      // An entity's whole-name part is its name itself.
      if (p.role != model::NamePartRole::kWhole) v.parts.push_back({int(p.role), p.text});
    }
    break;
  }
  for (const DateOfBirth& d : e.dates_of_birth) {
    if (d.from.empty()) continue;
    v.dobs.insert(d.from.ToString());
    if (before && d.kind == DateOfBirth::Kind::kBetween && !d.to.empty()) {
      v.dobs.insert(d.to.ToString());
      if (d.from.month == 0 && d.to.month == 0 && d.to.year - d.from.year <= 20) {
        for (int y = d.from.year + 1; y < d.to.year; ++y) v.dobs.insert(std::to_string(y));
      }
    }
  }
  for (const model::Nationality& n : e.nationalities) {
    if (!n.country_code.empty()) v.nationalities.insert(n.country_code);  // FtM holds codes
  }
  for (const model::Document& d : e.documents) {
    if (!d.number.empty()) v.documents.insert(d.type + "|" + d.number + "|" + d.country_code);
  }
  for (const model::Place& p : e.addresses) {
    v.addresses.insert(p.street + "|" + p.city + "|" + p.state + "|" + p.zip + "|" +
                       p.country_code + "|" + p.note);
  }
  v.program = e.program;
  v.reference = e.reference;
  v.listed_on = e.listed_on;
  v.comments = e.comments;
  // FtM values are sets: a repeated value is written once.
  auto unique = [](const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const std::string& s : values) {
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    return out;
  };
  if (e.kind == model::EntityKind::kPerson) {
    v.titles = unique(e.titles);
    v.designations = unique(e.designations);
  }
  v.last_updated = unique(e.last_updated);
  return v;
}

TEST(ExportTest, UnListThroughFtmReadsBackEqual) {
  const ParsedList& un = UnList();
  const std::string ftm = WriteFtmJson(un.entities);
  Result<ParsedList> back = ParseFtmJson(ftm, "export.jsonl");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->entities.size(), un.entities.size());
  size_t partial_dobs = 0;
  for (size_t i = 0; i < un.entities.size(); ++i) {
    const Entity& a = un.entities[i];
    const Entity& b = back->entities[i];
    SCOPED_TRACE(a.id);
    EXPECT_EQ(b.id, "opensanctions:un-" + a.source_id);
    const FtmView va = View(a, true), vb = View(b, false);
    EXPECT_EQ(va.kind, vb.kind);
    EXPECT_EQ(va.primary, vb.primary);
    EXPECT_EQ(va.names, vb.names);
    EXPECT_EQ(va.parts, vb.parts);
    EXPECT_EQ(va.dobs, vb.dobs);
    EXPECT_EQ(va.nationalities, vb.nationalities);
    EXPECT_EQ(va.documents, vb.documents);
    EXPECT_EQ(va.addresses, vb.addresses);
    EXPECT_EQ(va.program, vb.program);
    EXPECT_EQ(va.reference, vb.reference);
    EXPECT_EQ(va.listed_on, vb.listed_on);
    EXPECT_EQ(va.comments, vb.comments);
    EXPECT_EQ(va.gender, vb.gender);
    EXPECT_EQ(va.titles, vb.titles);
    EXPECT_EQ(va.designations, vb.designations);
    EXPECT_EQ(va.last_updated, vb.last_updated);
    for (const DateOfBirth& d : b.dates_of_birth) partial_dobs += d.from.full() ? 0 : 1;
    if (HasFailure()) break;
  }
  EXPECT_GT(partial_dobs, 100u);  // year-only dates stay year-only
}

TEST(ExportTest, FtmFixtureThroughFtmReadsBackEqual) {
  Result<ParsedList> sample =
      ReadListFile(HUDUD_TESTDATA_DIR "/lists/ftm-sample.jsonl", "ftm-json");
  ASSERT_TRUE(sample.ok()) << sample.status().message();
  Result<ParsedList> back = ParseFtmJson(WriteFtmJson(sample->entities), "again.jsonl");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->entities.size(), sample->entities.size());
  for (size_t i = 0; i < sample->entities.size(); ++i) {
    Entity a = sample->entities[i];
    Entity b = back->entities[i];
    EXPECT_EQ(b.id, "opensanctions:opensanctions-" + a.source_id);
    // Ids change (the list prefix); several programs go as one value; every
    // exported entity has the topic "sanction". Everything else reads back
    // as it was.
    b.id = a.id;
    b.source_id = a.source_id;
    std::vector<std::string> types;
    if (!a.program.empty()) types.push_back(a.program);
    types.push_back("sanction");
    for (const std::string& t : a.list_types) {
      if (ftm::IsTopic(t) && t != "sanction") types.push_back(t);
    }
    a.list_types = types;
    ExpectSameEntity(a, b);
  }
}

TEST(ExportTest, FtmIdsAreValidAndUnique) {
  std::vector<Entity> entities(3);
  for (Entity& e : entities) {
    e.list_id = "kw national";
    e.source_id = "KW/001";
    e.kind = model::EntityKind::kPerson;
    e.names.push_back({"Ali Hassan", {}, NameKind::kPrimary, ""});
  }
  Result<ParsedList> back = ParseFtmJson(WriteFtmJson(entities), "ids.jsonl");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->entities.size(), 3u);
  EXPECT_EQ(back->entities[0].source_id, "kw-national-KW-001");
  EXPECT_EQ(back->entities[1].source_id, "kw-national-KW-001-2");
  EXPECT_EQ(back->entities[2].source_id, "kw-national-KW-001-3");
}

// Whatever an entity holds, each writer's output reads back.
TEST(ExportTest, EveryWriterReadsBackWhateverTheEntityHolds) {
  Entity odd;  // no id, no list, no names, unknown kind
  Entity e;
  e.id = "x:1";
  e.list_id = "x";
  e.source_id = "1";
  static const char kOdd[] = "bad \xFF utf-8 \0nul\x07";
  e.names.push_back({std::string(kOdd, sizeof kOdd - 1), {}, NameKind::kLowAlias, ""});
  e.names.push_back({"", {}, NameKind::kPrimary, ""});
  e.dates_of_birth.push_back({DateOfBirth::Kind::kBetween, {1960, 0, 0}, {1990, 5, 0}, ""});
  e.dates_of_birth.push_back({DateOfBirth::Kind::kApproximate, {}, {}, "about 40"});
  e.listed_on = "sometime in 2001";
  e.last_updated = {"2020-01-01", "yesterday"};
  model::Document d;
  d.type = "Passport";
  d.number = "A 1";
  d.issue_date = "(expired)";
  e.documents.push_back(d);
  e.nationalities.push_back({"Atlantis", ""});
  e.addresses.push_back({});
  const std::vector<Entity> entities = {odd, e};
  Result<ParsedList> ftm = ParseFtmJson(WriteFtmJson(entities), "odd.jsonl");
  EXPECT_TRUE(ftm.ok()) << ftm.status().message();
  ParsedList list;
  list.entities = entities;
  Result<ParsedList> xml = ParseUnXml(WriteListXml(list), "odd.xml");
  ASSERT_TRUE(xml.ok()) << xml.status().message();
  EXPECT_EQ(xml->entities[1].documents[0].note, "issued (expired)");
  const std::string csv = WriteListCsv(entities);
  CsvReader reader(csv, "odd.csv");
  std::vector<std::string> row;
  size_t rows = 0;
  while (reader.Next(&row)) ++rows;
  EXPECT_TRUE(reader.status().ok()) << reader.status().message();
  EXPECT_EQ(rows, 3u);
}

TEST(ExportTest, CsvReadsBackOneRowPerEntity) {
  const ParsedList& un = UnList();
  const std::string csv = WriteListCsv(un.entities);
  CsvReader reader(csv, "export.csv");
  std::vector<std::string> row;
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(row, (std::vector<std::string>{"id", "kind", "name", "aliases", "dates_of_birth",
                                           "nationalities", "documents", "program", "reference",
                                           "listed_on"}));
  size_t i = 0;
  while (reader.Next(&row)) {
    ASSERT_LT(i, un.entities.size());
    const Entity& e = un.entities[i++];
    ASSERT_EQ(row.size(), 10u) << e.id;
    EXPECT_EQ(row[0], e.id);
    EXPECT_EQ(row[1], model::ToString(e.kind));
    EXPECT_EQ(row[7], e.program);
    EXPECT_EQ(row[8], e.reference);
    EXPECT_EQ(row[9], e.listed_on);
    // The names, primary first, the others " | "-separated.
    std::string names = row[2];
    if (!row[3].empty()) names += " | " + row[3];
    std::string expected;
    for (const model::Name& n : e.names) expected += (expected.empty() ? "" : " | ") + n.full;
    if (e.names.empty() || e.names[0].kind == NameKind::kPrimary) {
      EXPECT_EQ(names, expected);
    }
  }
  EXPECT_TRUE(reader.status().ok()) << reader.status().message();
  EXPECT_EQ(i, un.entities.size());

  // Quotes, delimiters and line breaks survive quoting.
  Entity e;
  e.id = "x:1";
  e.names.push_back({"Al \"Noor\", Inc.", {}, NameKind::kPrimary, ""});
  e.names.push_back({"line\nbreak", {}, NameKind::kGoodAlias, ""});
  const std::string one = WriteListCsv({e});
  CsvReader r1(one, "one.csv");
  ASSERT_TRUE(r1.Next(&row));
  ASSERT_TRUE(r1.Next(&row));
  EXPECT_EQ(row[2], "Al \"Noor\", Inc.");
  EXPECT_EQ(row[3], "line\nbreak");
  EXPECT_FALSE(r1.Next(&row));
  EXPECT_TRUE(r1.status().ok());
}

}  // namespace
}  // namespace hudud::lists
