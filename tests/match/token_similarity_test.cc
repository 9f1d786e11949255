#include "match/token_similarity.h"

#include <gtest/gtest.h>

namespace hudud::match {
namespace {

NameToken Tok(const char* s) {
  AnalyzedName a = AnalyzeName(s, model::EntityKind::kPerson);
  EXPECT_EQ(a.tokens.size(), 1u) << s;
  return a.tokens.empty() ? NameToken{} : a.tokens[0];
}

TEST(TokenSimilarityTest, MuhammadVariantsAcrossScripts) {
  const char* variants[] = {"Muhammad", "Mohamed",  "Mohammed", "Mohamad", "Muhammed",
                            "محمد",     "Мухаммад", "Мухаммед", "Муҳаммад"};
  for (const char* a : variants) {
    for (const char* b : variants) {
      TokenSimilarity s = CompareTokens(Tok(a), Tok(b));
      EXPECT_GE(s.score, 0.88) << a << " ~ " << b << " (" << s.how << ")";
    }
  }
}

TEST(TokenSimilarityTest, PersianAndArabicSpellingsOfCommonNames) {
  struct Case {
    const char* a;
    const char* b;
  } cases[] = {
      {"حسين", "Hussein"},  {"حسین", "Hossein"},  {"Husayn", "Hussein"}, {"یوسف", "Yusuf"},
      {"يوسف", "Youssef"},  {"Yousef", "Yusuf"},  {"عمر", "Omar"},       {"Umar", "Omar"},
      {"Usama", "Osama"},   {"أسامة", "Usama"},   {"Laden", "Ladin"},    {"خالد", "Khaled"},
      {"Khalid", "Khaled"}, {"Raḥmon", "Rahmon"}, {"Раҳмон", "Rahmon"},
  };
  for (const auto& c : cases) {
    EXPECT_GE(CompareTokens(Tok(c.a), Tok(c.b)).score, 0.8) << c.a << " ~ " << c.b;
  }
}

TEST(TokenSimilarityTest, TyposAreFuzzyMatches) {
  EXPECT_GE(CompareTokens(Tok("baghdadi"), Tok("bagdhadi")).score, 0.7);
  EXPECT_GE(CompareTokens(Tok("zawahiri"), Tok("zawahri")).score, 0.8);
  EXPECT_STREQ(CompareTokens(Tok("zawahiri"), Tok("zawahiri")).how, "exact");
}

TEST(TokenSimilarityTest, DifferentNamesDoNotMatch) {
  struct Case {
    const char* a;
    const char* b;
  } cases[] = {{"Ali", "Ela"},   {"Ahmed", "Mahmoud"}, {"Smith", "Jones"},
               {"Ivan", "Oleg"}, {"Omar", "Amir"},     {"Maria", "Omar"}};
  for (const auto& c : cases) {
    EXPECT_LT(CompareTokens(Tok(c.a), Tok(c.b)).score, 0.8) << c.a << " vs " << c.b;
  }
}

TEST(TokenSimilarityTest, Symmetric) {
  const char* words[] = {"Muhammad", "محمد", "Hussein", "Osama", "Laden", "Ладен", "Zawahiri"};
  for (const char* a : words)
    for (const char* b : words)
      EXPECT_DOUBLE_EQ(CompareTokens(Tok(a), Tok(b)).score, CompareTokens(Tok(b), Tok(a)).score);
}

TEST(TokenSimilarityTest, InitialMatchesItsName) {
  NameToken j = Tok("J");
  ASSERT_EQ(j.role, TokenRole::kInitial);
  EXPECT_GT(CompareTokens(j, Tok("John")).score, 0.6);
  EXPECT_EQ(CompareTokens(j, Tok("Peter")).score, 0.0);
}

}  // namespace
}  // namespace hudud::match
