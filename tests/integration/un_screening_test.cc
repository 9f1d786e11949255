// The engine on real data: every listed person and entity of the vendored UN
// list is found by its own primary and original-script names, and real
// cross-script name pairs score as matches while shuffled pairs do not.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lists/list_file.h"
#include "match/screener.h"

namespace hudud {
namespace {

const std::string kUnList = std::string(HUDUD_DATA_DIR) + "/lists/un-consolidated-2026-02-27.xml";

TEST(UnScreeningTest, EveryPrimaryAndOriginalScriptNameFindsItsEntity) {
  Result<lists::ParsedList> list = lists::ReadListFile(kUnList, "auto");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  std::vector<model::Entity> entities = list->entities;
  auto screener = match::Screener::Build(entities);
  ASSERT_TRUE(screener.ok());
  int checked = 0, found = 0;
  std::vector<std::string> missed;
  for (const model::Entity& e : entities) {
    for (const model::Name& n : e.names) {
      if (n.kind != model::NameKind::kPrimary && n.kind != model::NameKind::kOriginalScript)
        continue;
      match::Query q;
      q.names = {n.full};
      q.limit = 50;
      auto hits = (*screener)->Screen(q);
      ASSERT_TRUE(hits.ok()) << n.full;
      ++checked;
      bool ok = false;
      for (const auto& h : *hits) ok |= h.entity_id == e.id;
      found += ok;
      if (!ok) missed.push_back(e.id + " " + n.full);
    }
  }
  EXPECT_GT(checked, 1300);
  // Measured: all 1,003 primary and 378 original-script names.
  EXPECT_EQ(found, checked) << "first miss: " << (missed.empty() ? "" : missed[0]);
}

struct Pair {
  std::string a, b;
};

// tests/data/translit: "arabic<TAB>latin" (Google) or "latin<TAB>s p a c e d<TAB>count" (Wikidata).
std::vector<Pair> LoadPairs(const std::string& file, bool google) {
  std::ifstream in(std::string(HUDUD_TESTDATA_DIR) + "/translit/" + file);
  std::vector<Pair> out;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    if (f.size() < 2) continue;
    if (google) {
      out.push_back({f[0], f[1]});
    } else {
      std::string joined;
      for (char c : f[1])
        if (c != ' ') joined += c;
      out.push_back({joined, f[0]});
    }
  }
  return out;
}

TEST(CrossScriptPairsTest, RealPairsMatchShuffledPairsDoNot) {
  struct Corpus {
    const char* file;
    bool google;
    double floor;  // measured share of pairs scoring >= 0.8, minus a margin
  } corpora[] = {
      // Measured at this commit: 0.886, 0.861, 0.792; shuffled 0.009, 0, 0.
      {"google-ar2en.sample.tsv", true, 0.86},
      {"wikidata-en-ar.sample.tsv", false, 0.84},
      {"wikidata-en-ru.sample.tsv", false, 0.77},
  };
  for (const auto& c : corpora) {
    std::vector<Pair> pairs = LoadPairs(c.file, c.google);
    ASSERT_GT(pairs.size(), 300u) << c.file;
    int match = 0, false_match = 0;
    for (size_t i = 0; i < pairs.size(); ++i) {
      match += match::CompareNames(pairs[i].a, pairs[i].b, model::EntityKind::kPerson) >= 0.8;
      const Pair& other = pairs[(i + 7) % pairs.size()];
      false_match += match::CompareNames(pairs[i].a, other.b, model::EntityKind::kPerson) >= 0.8;
    }
    double recall = static_cast<double>(match) / pairs.size();
    double fp = static_cast<double>(false_match) / pairs.size();
    std::printf("[ corpus   ] %s: %.3f of real pairs >= 0.8, %.3f of shuffled pairs\n", c.file,
                recall, fp);
    EXPECT_GE(recall, c.floor) << c.file;
    EXPECT_LE(fp, 0.015) << c.file;
  }
}

}  // namespace
}  // namespace hudud
