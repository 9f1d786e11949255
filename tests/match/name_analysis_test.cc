#include "match/name_analysis.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hudud::match {
namespace {

using model::EntityKind;

std::vector<std::string> Latin(const AnalyzedName& a) {
  std::vector<std::string> out;
  for (const auto& t : a.tokens) out.push_back(t.latin);
  return out;
}

std::vector<TokenRole> Roles(const AnalyzedName& a) {
  std::vector<TokenRole> out;
  for (const auto& t : a.tokens) out.push_back(t.role);
  return out;
}

TEST(NameAnalysisTest, AbdCompoundsBecomeOneToken) {
  // Every common way of writing "servant of the Merciful" gives one token
  // whose skeleton is the same, whatever the script.
  const char* variants[] = {"Abdulrahman",  "Abd al-Rahman", "Abdurrahman", "Abdel Rahman",
                            "Abdul Rahman", "Abd ar-Rahman", "عبد الرحمن",  "عبدالرحمن"};
  std::string skeleton;
  for (const char* v : variants) {
    AnalyzedName a = AnalyzeName(v, EntityKind::kPerson);
    ASSERT_EQ(a.tokens.size(), 1u) << v;
    EXPECT_EQ(a.tokens[0].latin.substr(0, 3), "abd") << v;
    if (skeleton.empty()) skeleton = a.tokens[0].skeleton;
    EXPECT_EQ(a.tokens[0].skeleton, skeleton) << v << " -> " << a.tokens[0].latin;
  }
}

TEST(NameAnalysisTest, ArabicArticleIsSplitAsInLatin) {
  AnalyzedName ar = AnalyzeName("أبو بكر البغدادي", EntityKind::kPerson);
  AnalyzedName la = AnalyzeName("Abu Bakr al-Baghdadi", EntityKind::kPerson);
  ASSERT_EQ(ar.tokens.size(), 4u);
  ASSERT_EQ(la.tokens.size(), 4u);
  EXPECT_EQ(Roles(ar), Roles(la));
  EXPECT_EQ(ar.tokens[0].latin, "abu");
  EXPECT_EQ(ar.tokens[2].latin, "al");
  EXPECT_EQ(ar.tokens[3].skeleton, la.tokens[3].skeleton);  // bgdd
  EXPECT_TRUE(ar.tokens[3].abjad);
  EXPECT_TRUE(ar.tokens[3].cross_script);
}

TEST(NameAnalysisTest, ParticlesAreCanonical) {
  for (const char* n : {"Osama bin Laden", "Usama ibn Ladin", "أسامة بن لادن"}) {
    AnalyzedName a = AnalyzeName(n, EntityKind::kPerson);
    ASSERT_EQ(a.tokens.size(), 3u) << n;
    EXPECT_EQ(a.tokens[1].latin, "bin") << n;
    EXPECT_EQ(a.tokens[1].role, TokenRole::kParticle) << n;
  }
  // "Ben" opening a name is a given name.
  AnalyzedName ben = AnalyzeName("Ben Stiller", EntityKind::kPerson);
  EXPECT_EQ(ben.tokens[0].role, TokenRole::kName);
  AnalyzedName van = AnalyzeName("Ludwig van Beethoven", EntityKind::kPerson);
  EXPECT_EQ(Roles(van),
            (std::vector<TokenRole>{TokenRole::kName, TokenRole::kParticle, TokenRole::kName}));
}

TEST(NameAnalysisTest, HonorificsAreTagged) {
  for (const char* n : {"Sheikh Ahmed Yassin", "Mullah Mohammad Omar", "Haji Abdul Basir",
                        "Dr. Ayman al-Zawahiri", "الشيخ أحمد ياسين", "Мулла Мухаммад Омар"}) {
    AnalyzedName a = AnalyzeName(n, EntityKind::kPerson);
    ASSERT_FALSE(a.tokens.empty()) << n;
    // The Arabic article may come first ("al-Sheikh").
    size_t k = a.tokens[0].role == TokenRole::kParticle ? 1 : 0;
    ASSERT_LT(k, a.tokens.size());
    EXPECT_EQ(a.tokens[k].role, TokenRole::kHonorific) << n << " -> " << a.tokens[k].latin;
  }
}

TEST(NameAnalysisTest, LegalFormsShareAClassAcrossScripts) {
  AnalyzedName en = AnalyzeName("Al Rashid Trading LLC", EntityKind::kOrganization);
  AnalyzedName ru = AnalyzeName("ООО Аль Рашид Трейдинг", EntityKind::kOrganization);
  ASSERT_FALSE(en.tokens.empty());
  ASSERT_FALSE(ru.tokens.empty());
  EXPECT_EQ(en.tokens.back().role, TokenRole::kLegalForm);
  EXPECT_EQ(ru.tokens.front().role, TokenRole::kLegalForm);
  EXPECT_EQ(en.tokens.back().latin, ru.tokens.front().latin);
  AnalyzedName ar = AnalyzeName("شركة الرشيد", EntityKind::kOrganization);
  EXPECT_EQ(ar.tokens.front().role, TokenRole::kLegalForm);
  // A person's name is never a legal form ("Sa", "Co" can be names).
  AnalyzedName p = AnalyzeName("Kim Co", EntityKind::kPerson);
  EXPECT_EQ(p.tokens.back().role, TokenRole::kName);
}

TEST(NameAnalysisTest, SurnameCommaGivenIsReordered) {
  EXPECT_EQ(Latin(AnalyzeName("BIN LADEN, Usama", EntityKind::kPerson)),
            (std::vector<std::string>{"usama", "bin", "laden"}));
}

TEST(NameAnalysisTest, InitialsAndNumbers) {
  AnalyzedName a = AnalyzeName("J. R. Smith 3", EntityKind::kPerson);
  EXPECT_EQ(Roles(a), (std::vector<TokenRole>{TokenRole::kInitial, TokenRole::kInitial,
                                              TokenRole::kName, TokenRole::kNumber}));
}

TEST(NameAnalysisTest, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(AnalyzeName("", EntityKind::kPerson).tokens.empty());
  EXPECT_TRUE(AnalyzeName(" -- ,, ", EntityKind::kPerson).tokens.empty());
}

}  // namespace
}  // namespace hudud::match
