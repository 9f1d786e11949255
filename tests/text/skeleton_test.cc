// Pins ConsonantSkeleton's rule table and the two distances.
#include "text/skeleton.h"

#include <gtest/gtest.h>

#include <string>

namespace hudud::text {
namespace {

TEST(ConsonantSkeletonTest, Vowels) {
  EXPECT_EQ(ConsonantSkeleton("muhammad"), "mhmd");
  EXPECT_EQ(ConsonantSkeleton("aeiou"), "");
  EXPECT_EQ(ConsonantSkeleton(""), "");
  EXPECT_EQ(ConsonantSkeleton("yusuf"), "ysf");   // leading y kept
  EXPECT_EQ(ConsonantSkeleton("husayn"), "hsn");  // inner y is a vowel
  EXPECT_EQ(ConsonantSkeleton("walid"), "wld");   // leading w kept
  EXPECT_EQ(ConsonantSkeleton("tawfiq"), "tfk");  // inner w is a vowel
  EXPECT_EQ(ConsonantSkeleton("toufic"), "tfk");
}

TEST(ConsonantSkeletonTest, Digraphs) {
  EXPECT_EQ(ConsonantSkeleton("khalid"), ConsonantSkeleton("halid"));  // kh = h
  EXPECT_EQ(ConsonantSkeleton("shcherbakov"), "Srbkw");
  EXPECT_EQ(ConsonantSkeleton("schmidt"), ConsonantSkeleton("shmidt"));
  EXPECT_EQ(ConsonantSkeleton("tchernov"), ConsonantSkeleton("chernov"));
  EXPECT_EQ(ConsonantSkeleton("tschechow"), "S");  // S e S collapse; inner w
  EXPECT_EQ(ConsonantSkeleton("dzhamal"), "jml");
  EXPECT_EQ(ConsonantSkeleton("djamel"), "jml");
  EXPECT_EQ(ConsonantSkeleton("gamal"), "jml");
  EXPECT_EQ(ConsonantSkeleton("ghani"), ConsonantSkeleton("gani"));
  EXPECT_EQ(ConsonantSkeleton("uthman"), ConsonantSkeleton("usman"));
  EXPECT_EQ(ConsonantSkeleton("dhahabi"), ConsonantSkeleton("zahabi"));
  EXPECT_EQ(ConsonantSkeleton("philip"), "flb");
  EXPECT_EQ(ConsonantSkeleton("zhukov"), ConsonantSkeleton("jukov"));
  EXPECT_EQ(ConsonantSkeleton("fudzita"), ConsonantSkeleton("fujita"));
  EXPECT_EQ(ConsonantSkeleton("blidz"), "bldz");  // no vowel after: stays dz
  EXPECT_EQ(ConsonantSkeleton("jackson"), "jksn");
}

TEST(ConsonantSkeletonTest, SingleLetterClasses) {
  EXPECT_EQ(ConsonantSkeleton("qasim"), ConsonantSkeleton("kasim"));
  EXPECT_EQ(ConsonantSkeleton("carlos"), ConsonantSkeleton("karlos"));
  EXPECT_EQ(ConsonantSkeleton("ivanov"), "wnw");
  EXPECT_EQ(ConsonantSkeleton("pervez"), ConsonantSkeleton("parviz"));
  EXPECT_EQ(ConsonantSkeleton("vladimir"), ConsonantSkeleton("wladimir"));
  EXPECT_EQ(ConsonantSkeleton("parwez"), "brz");  // inner w is a vowel
  EXPECT_EQ(ConsonantSkeleton("alexander"), ConsonantSkeleton("aleksandr"));
}

TEST(ConsonantSkeletonTest, DoublesAndFinalH) {
  EXPECT_EQ(ConsonantSkeleton("hassan"), "hsn");
  EXPECT_EQ(ConsonantSkeleton("mamdouh"), "md");  // = Arabic "mmduh"
  EXPECT_EQ(ConsonantSkeleton("mmduh"), "md");
  EXPECT_EQ(ConsonantSkeleton("abdullah"), ConsonantSkeleton("abdulla"));
  EXPECT_EQ(ConsonantSkeleton("fatimah"), "ftm");
  EXPECT_EQ(ConsonantSkeleton("sheikh"), "Sh");  // a final kh is not a lone h
}

TEST(ConsonantSkeletonTest, IgnoresOtherBytesAndUpperCase) {
  EXPECT_EQ(ConsonantSkeleton("Mohamed"), "mhmd");
  EXPECT_EQ(ConsonantSkeleton("al-qaida"), "lkd");
  EXPECT_EQ(ConsonantSkeleton("unit731"), "nt731");
}

TEST(BoundedEditDistanceTest, Basics) {
  EXPECT_EQ(BoundedEditDistance("", "", 2), 0);
  EXPECT_EQ(BoundedEditDistance("abc", "abc", 0), 0);
  EXPECT_EQ(BoundedEditDistance("abc", "", 3), 3);
  EXPECT_EQ(BoundedEditDistance("", "abc", 3), 3);
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 5), 3);
  EXPECT_EQ(BoundedEditDistance("ca", "ac", 2), 1);  // transposition
  EXPECT_EQ(BoundedEditDistance("mhmd", "mhdm", 2), 1);
  EXPECT_EQ(BoundedEditDistance("ca", "abc", 5), 3);  // OSA, not full Damerau
}

TEST(BoundedEditDistanceTest, Bounded) {
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 2), 3);
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 1), 2);
  EXPECT_EQ(BoundedEditDistance("abcdef", "a", 2), 3);  // length gap alone
  EXPECT_EQ(BoundedEditDistance("abc", "xyz", 0), 1);
  EXPECT_EQ(BoundedEditDistance("abc", "abd", -1), 1);  // negative max as 0
}

TEST(BoundedEditDistanceTest, MatchesUnboundedReference) {
  // Compare against a plain OSA table on many pseudo-random strings,
  // including ones longer than the 64-byte stack rows.
  auto reference = [](const std::string& a, const std::string& b) {
    const size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
    for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
    for (size_t i = 1; i <= n; ++i) {
      for (size_t j = 1; j <= m; ++j) {
        d[i][j] = std::min(
            {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[n][m];
  };
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (int iter = 0; iter < 2000; ++iter) {
    std::string a, b;
    const size_t la = next() % (iter % 10 == 0 ? 90 : 12);
    const size_t lb = next() % (iter % 10 == 0 ? 90 : 12);
    for (size_t i = 0; i < la; ++i) a.push_back(static_cast<char>('a' + next() % 4));
    for (size_t i = 0; i < lb; ++i) b.push_back(static_cast<char>('a' + next() % 4));
    const int want = reference(a, b);
    for (int max : {0, 1, 2, 3, 5, 100}) {
      const int got = BoundedEditDistance(a, b, max);
      ASSERT_EQ(got, want <= max ? want : max + 1) << a << " / " << b << " max " << max;
    }
  }
}

TEST(TransliterationCostTest, DocumentedCosts) {
  EXPECT_DOUBLE_EQ(TransliterationCost("mohamed", "mohamed", false), 0.0);
  EXPECT_DOUBLE_EQ(TransliterationCost("mohamed", "muhamed", false), 0.3);   // o/u
  EXPECT_DOUBLE_EQ(TransliterationCost("mhmd", "mhmad", false), 0.5);        // vowel indel
  EXPECT_DOUBLE_EQ(TransliterationCost("mhmd", "mhmad", true), 0.15);        // abjad side
  EXPECT_DOUBLE_EQ(TransliterationCost("mohamed", "mohammed", false), 0.3);  // doubled
  EXPECT_DOUBLE_EQ(TransliterationCost("khalid", "kalid", false), 0.3);      // h of kh
  EXPECT_DOUBLE_EQ(TransliterationCost("qasim", "kasim", false), 0.6);
  EXPECT_DOUBLE_EQ(TransliterationCost("karim", "carim", false), 0.6);
  EXPECT_DOUBLE_EQ(TransliterationCost("aziz", "asis", false), 1.2);
  EXPECT_DOUBLE_EQ(TransliterationCost("yusuf", "iusuf", false), 0.6);
  EXPECT_DOUBLE_EQ(TransliterationCost("yusuf", "jusuf", false), 0.6);
  EXPECT_DOUBLE_EQ(TransliterationCost("ivanov", "iwanow", false), 1.2);
  EXPECT_DOUBLE_EQ(TransliterationCost("farid", "parid", false), 0.6);
  EXPECT_DOUBLE_EQ(TransliterationCost("ahmad", "ahmat", false), 0.6);
  EXPECT_DOUBLE_EQ(TransliterationCost("ab", "ba", false), 1.0);  // transposition
  EXPECT_DOUBLE_EQ(TransliterationCost("bob", "rob", false), 1.0);
  EXPECT_DOUBLE_EQ(TransliterationCost("", "b", false), 1.0);
  EXPECT_DOUBLE_EQ(TransliterationCost("", "", false), 0.0);
}

TEST(TransliterationCostTest, RealNames) {
  // Arabic "mhmd" against common Latin spellings: only vowels and a double.
  EXPECT_NEAR(TransliterationCost("mhmd", "muhammad", true), 0.15 * 3 + 0.3, 1e-9);
  EXPECT_LT(TransliterationCost("mhmd", "mohamed", true), 0.5);
  // kh against h is a plain deletion of k: the documented costs have no
  // cheap rule for it (the skeleton does equate them).
  EXPECT_DOUBLE_EQ(TransliterationCost("mukhammad", "muhammad", false), 1.0);
  EXPECT_LT(TransliterationCost("hossein", "hussein", false), 0.5);
  // A different name costs much more.
  EXPECT_GT(TransliterationCost("mhmd", "ahmad", true), 0.9);
  // An abjad skeleton cannot tell Muhammad from Mahmoud by vowels alone.
  EXPECT_NEAR(TransliterationCost("mhmd", "mahmoud", true), 0.45, 1e-9);
  EXPECT_GT(TransliterationCost("hassan", "hussain", false), 0.5);
  EXPECT_GT(TransliterationCost("putin", "rutin", false), 0.9);
}

TEST(TransliterationCostTest, Symmetric) {
  const char* words[] = {"muhammad", "mhmd",    "mohamed",     "khalid",      "halid",
                         "yusuf",    "youssef", "abdulrahman", "abdurrahman", "shcherbakov",
                         "",         "aa",      "ahh"};
  for (const char* a : words) {
    for (const char* b : words) {
      for (bool abjad : {false, true}) {
        EXPECT_DOUBLE_EQ(TransliterationCost(a, b, abjad), TransliterationCost(b, a, abjad))
            << a << " / " << b;
      }
    }
  }
}

TEST(TransliterationCostTest, LongStrings) {
  const std::string a(100, 'a');
  const std::string b = std::string(50, 'a') + std::string(50, 'b');
  // Cheaper than 50 substitutions: deleting 50 doubled a's and inserting 50
  // doubled b's at 0.3 each.
  EXPECT_NEAR(TransliterationCost(a, b, false), 30.0, 1e-9);
  EXPECT_NEAR(TransliterationCost(b, a, false), 30.0, 1e-9);
  const std::string c(100, 'b');
  EXPECT_NEAR(TransliterationCost(std::string(100, 'k'), c, false), 60.0, 1e-9);
}

}  // namespace
}  // namespace hudud::text
