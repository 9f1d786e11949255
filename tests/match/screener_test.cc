// Screener: the index finds what an exhaustive scan finds; token frequencies
// and evidence move scores as documented.
#include "match/screener.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "match/evidence.h"

namespace hudud::match {
namespace {

using model::Entity;
using model::EntityKind;

Entity Person(std::string id, std::vector<std::string> names, std::string dob = "",
              std::string nationality = "", std::string passport = "",
              std::string passport_country = "") {
  Entity e;
  e.id = "t:" + id;
  e.list_id = "t";
  e.source_id = id;
  e.kind = EntityKind::kPerson;
  for (size_t i = 0; i < names.size(); ++i) {
    model::Name n;
    n.full = names[i];
    n.kind = i == 0 ? model::NameKind::kPrimary : model::NameKind::kGoodAlias;
    e.names.push_back(n);
  }
  if (!dob.empty()) {
    model::DateOfBirth d;
    d.from = *model::ParsePartialDate(dob);
    e.dates_of_birth.push_back(d);
  }
  if (!nationality.empty()) e.nationalities.push_back({nationality, nationality});
  if (!passport.empty()) {
    model::Document doc;
    doc.type = "Passport";
    doc.number = passport;
    doc.issuing_country = passport_country;
    doc.country_code = passport_country;
    e.documents.push_back(doc);
  }
  return e;
}

std::vector<Entity> SmallList() {
  std::vector<Entity> l;
  l.push_back(Person("1",
                     {"Abu Bakr al-Baghdadi", "Ibrahim Awad Ibrahim al-Badri", "أبو بكر البغدادي"},
                     "1971-07-28", "IQ"));
  l.push_back(Person("2", {"Usama Muhammed Awad bin Laden", "أسامة بن لادن"}, "1957-03-10", "SA",
                     "A1234567", "SA"));
  l.push_back(Person("3", {"Mohammed Ali"}, "1980-05-05"));
  l.push_back(Person("4", {"Ayman al-Zawahiri"}, "1951-06-19", "EG"));
  l.push_back(Person("5", {"Эмомали Шарипов"}, "1975", "TJ"));
  // Common names, so that "Mohammed" and "Ali" are frequent in this list.
  const char* given[] = {"Mohammed", "Muhammad", "Ali",    "Ahmed",
                         "Hassan",   "Omar",     "Khalid", "Yusuf"};
  const char* family[] = {"Haddad", "Nasser", "Saleh",   "Hamdan", "Jaber",
                          "Karimi", "Rahimi", "Sultani", "Qasemi", "Azizi"};
  int id = 100;
  for (const char* g : given)
    for (const char* f : family)
      l.push_back(Person(std::to_string(id++), {std::string(g) + " " + f}));
  Entity org;
  org.id = "t:org";
  org.list_id = "t";
  org.kind = EntityKind::kOrganization;
  org.names.push_back({"Al-Rashid Trust", {}, model::NameKind::kPrimary, ""});
  l.push_back(org);
  return l;
}

std::unique_ptr<Screener> BuildSmall(bool exhaustive = false) {
  ScreenerOptions o;
  o.exhaustive = exhaustive;
  auto s = Screener::Build(SmallList(), o);
  EXPECT_TRUE(s.ok());
  return std::move(s).value();
}

std::vector<Hit> Screen(const Screener& s, Query q) {
  auto r = s.Screen(q);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r.value() : std::vector<Hit>{};
}

Query Q(std::string name) {
  Query q;
  q.names = {std::move(name)};
  return q;
}

TEST(ScreenerTest, FindsListedPeopleAcrossScripts) {
  auto s = BuildSmall();
  for (const char* n : {"Abu Bakr al-Baghdadi", "ابو بكر البغدادي", "Abubakr al Baghdadi",
                        "Абу Бакр аль-Багдади"}) {
    auto hits = Screen(*s, Q(n));
    ASSERT_FALSE(hits.empty()) << n;
    EXPECT_EQ(hits[0].entity_id, "t:1") << n;
  }
  auto hits = Screen(*s, Q("Osama bin Ladin"));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entity_id, "t:2");
  EXPECT_FALSE(hits[0].explanation.tokens.empty());
  EXPECT_FALSE(hits[0].explanation.summary.empty());
}

TEST(ScreenerTest, CommonTokenAloneNeverMatchesRareOneCounts) {
  auto s = BuildSmall();
  EXPECT_TRUE(Screen(*s, Q("Mohammed")).empty());
  EXPECT_TRUE(Screen(*s, Q("Ali")).empty());
  // A rare token weighs more than a common one in the same position.
  Query common = Q("Mohammed Smith");
  Query rare = Q("Baghdadi Smith");
  common.threshold = rare.threshold = 0.0;
  common.limit = rare.limit = 1;
  auto c = Screen(*s, common);
  auto r = Screen(*s, rare);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].entity_id, "t:1");
  if (!c.empty()) {
    EXPECT_LT(c[0].score, r[0].score);
  }
}

TEST(ScreenerTest, EvidenceRaisesAndLowersTheScore) {
  auto s = BuildSmall();
  Query base = Q("Ayman Zawahiri");
  base.threshold = 0;
  double plain = Screen(*s, base).at(0).score;
  Query agree = base;
  agree.dob = model::ParsePartialDate("1951-06-19");
  agree.nationality = "Egypt";
  Query conflict = base;
  conflict.dob = model::ParsePartialDate("1990-01-01");
  conflict.nationality = "NO";
  auto a = Screen(*s, agree);
  auto c = Screen(*s, conflict);
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(a[0].entity_id, "t:4");
  EXPECT_GT(a[0].score, plain);
  EXPECT_LT(c[0].score, plain - 0.2);
  bool saw_dob = false;
  for (const auto& e : a[0].explanation.evidence) {
    if (e.field == "dob") {
      saw_dob = true;
      EXPECT_EQ(e.verdict, "agrees");
      EXPECT_GT(e.delta, 0);
    }
  }
  EXPECT_TRUE(saw_dob);
}

TEST(ScreenerTest, CommonNamesNeedTheWholeListedNameOrEvidence) {
  auto s = BuildSmall();
  // "Mohammed Ali" is listed: the whole listed name is in the query, a hit.
  auto full = Screen(*s, Q("Mohammed Ali"));
  ASSERT_FALSE(full.empty());
  EXPECT_EQ(full[0].entity_id, "t:3");
  // "Mohammed Haddad" shares common tokens with "Mohammed Ali Haddad"-like
  // names only partly: "Ali Haddad" is listed as "Ali Haddad" but
  // "Yusuf Ali" is not; common tokens alone don't reach the threshold.
  EXPECT_TRUE(Screen(*s, Q("Yusuf Ali")).empty());
  // Partial common-name matches rise with an agreeing date of birth.
  Query partial = Q("Mohammed Haddad Omar");
  partial.threshold = 0;
  partial.limit = 1;
  double without = Screen(*s, partial).at(0).score;
  partial.dob = model::ParsePartialDate("1980-05-05");
  EXPECT_GE(Screen(*s, partial).at(0).score, without);
}

TEST(ScreenerTest, DocumentMatchIsNearDecisive) {
  auto s = BuildSmall();
  Query q = Q("U. Ladin");
  q.document = "a 1234567";
  q.document_country = "Saudi Arabia";
  auto hits = Screen(*s, q);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entity_id, "t:2");
  EXPECT_GE(hits[0].score, 0.9);
}

TEST(ScreenerTest, DocumentMatchKeepsTheNameScore) {
  // A weak name plus the document still scores by the name too: the
  // aligned name lifts the near-decisive document score further.
  auto s = BuildSmall();
  Query with_name = Q("Usama bin Ladin");
  with_name.document = "A1234567";
  with_name.document_country = "SA";
  Query other_name = Q("John Smith");
  other_name.document = "A1234567";
  other_name.document_country = "SA";
  auto a = Screen(*s, with_name);
  auto b = Screen(*s, other_name);
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  EXPECT_EQ(b[0].entity_id, "t:2");
  EXPECT_GE(b[0].score, 0.9);
  EXPECT_GT(a[0].score, b[0].score);
}

TEST(ScreenerTest, KindFilterAndThreshold) {
  auto s = BuildSmall();
  Query q = Q("Al Rashid Trust");
  EXPECT_FALSE(Screen(*s, q).empty());
  q.kind = EntityKind::kPerson;
  EXPECT_TRUE(Screen(*s, q).empty());
  Query strict = Q("Abu Bakr Baghdady");
  strict.threshold = 0.999;
  EXPECT_TRUE(Screen(*s, strict).empty());
}

TEST(ScreenerTest, CandidateCapKeepsTheMostPromisingNames) {
  ScreenerOptions o;
  o.max_candidates = 1;
  auto s = Screener::Build(SmallList(), o);
  ASSERT_TRUE(s.ok());
  auto hits = Screen(**s, Q("Abu Bakr al-Baghdadi"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].entity_id, "t:1");
}

TEST(ScreenerTest, EmptyQueryIsAnError) {
  auto s = BuildSmall();
  EXPECT_FALSE(s->Screen(Q("  ")).ok());
  EXPECT_FALSE(s->Screen(Query{}).ok());
}

// The index must not lose a name the scorer would accept: compare it with
// the exhaustive reference on perturbed queries.
TEST(IndexVsExhaustive, FindsWhatExhaustiveScanFinds) {
  std::vector<Entity> list = SmallList();
  list.push_back(Person("init", {"J. R. Haddad"}));
  list.push_back(
      Person("long", {"Ahmed Ali Hassan Omar Khalid Yusuf Saleh Jaber Nasser Azizi Karimi Rahimi "
                      "Sultani Hamdan"}));
  ScreenerOptions fo, so;
  so.exhaustive = true;
  auto fast = std::move(Screener::Build(list, fo)).value();
  auto slow = std::move(Screener::Build(list, so)).value();
  std::vector<Entity> all = list;
  std::mt19937 rng(42);
  std::vector<std::string> names;
  for (const auto& e : all)
    for (const auto& n : e.names) names.push_back(n.full);
  names.push_back("John Haddad");
  names.push_back("Mohammed Ali");
  names.push_back("Ali Mohammed Haddad");
  names.push_back("Hassan Haddadnasser");
  auto perturb = [&](std::string n) {
    std::uniform_int_distribution<int> op(0, 3);
    if (n.size() < 4) return n;
    std::uniform_int_distribution<size_t> pos(1, n.size() - 2);
    size_t p = pos(rng);
    if (static_cast<unsigned char>(n[p]) >= 0x80) return n;  // keep UTF-8 valid
    switch (op(rng)) {
      case 0:
        n.erase(p, 1);
        break;
      case 1:
        n.insert(p, 1, 'e');
        break;
      case 2:
        n[p] = 'o';
        break;
      default:
        break;
    }
    return n;
  };
  int checked = 0;
  for (int round = 0; round < 3; ++round) {
    for (const auto& n : names) {
      Query q = Q(perturb(n));
      q.threshold = round == 1 ? 0.8 : 0.5;
      q.limit = round == 2 ? 2 : 50;  // a small limit exercises the top-k exit
      auto a = Screen(*fast, q);
      auto b = Screen(*slow, q);
      ASSERT_EQ(a.size(), b.size()) << q.names[0];
      for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].entity_id, b[i].entity_id) << q.names[0];
        EXPECT_NEAR(a[i].score, b[i].score, 1e-9) << q.names[0];
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 200);
}

}  // namespace
}  // namespace hudud::match
