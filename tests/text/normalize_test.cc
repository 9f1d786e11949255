// Pins FoldText, SplitWords, RepairLookalikes and DetectScript on the kinds of
// name spellings found in sanctions lists.
#include "text/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hudud::text {
namespace {

TEST(FoldTextTest, AsciiPunctuationAndCase) {
  EXPECT_EQ(FoldText("AL-QA'IDA"), "al qaida");
  EXPECT_EQ(FoldText("Ben Laden, Oussama"), "ben laden oussama");
  EXPECT_EQ(FoldText("  O'Brien   (a.k.a. \"OB\") "), "obrien a k a ob");
  EXPECT_EQ(FoldText("Qa`ida"), "qaida");
  EXPECT_EQ(FoldText("Unit 731"), "unit 731");
  EXPECT_EQ(FoldText(""), "");
  EXPECT_EQ(FoldText(" -- "), "");
}

TEST(FoldTextTest, UnicodeApostrophesAreRemoved) {
  EXPECT_EQ(FoldText("Qa\u2019ida"), "qaida");    // ’
  EXPECT_EQ(FoldText("Qa\u02BCida"), "qaida");    // ʼ
  EXPECT_EQ(FoldText("Ma\u02BBruf"), "maruf");    // ʻ
  EXPECT_EQ(FoldText("Isma\u02BFil"), "ismail");  // ʿ (scholarly ayn)
  EXPECT_EQ(FoldText("Qa\u00B4ida"), "qaida");    // ´ (NFKC would make it a space)
}

TEST(FoldTextTest, CaseFoldingKeepsPrecomposedLetters) {
  EXPECT_EQ(FoldText("MÜLLER"), "müller");
  EXPECT_EQ(FoldText("Mu\u0308ller"), "müller");  // decomposed input composes
  EXPECT_EQ(FoldText("STRAẞE Straße"), "strasse strasse");
  EXPECT_EQ(FoldText("ŁUKASZ"), "łukasz");
  EXPECT_EQ(FoldText("İSTANBUL"), "istanbul");      // i + U+0307 -> mark removed
  EXPECT_EQ(FoldText("ЙОШКАР-ОЛА"), "йошкар ола");  // й is not и + breve
  EXPECT_EQ(FoldText("ΤΣΊΠΡΑΣ"), "τσίπρασ");        // final sigma folds to σ
}

TEST(FoldTextTest, FullWidthAndCompatibilityForms) {
  EXPECT_EQ(FoldText("ＭＵＨＡＭＭＡＤ　ＡＬＩ"), "muhammad ali");
  EXPECT_EQ(FoldText("\uFB01sher"), "fisher");  // ﬁ ligature
  EXPECT_EQ(FoldText("Louis Ⅻ"), "louis xii");
}

TEST(FoldTextTest, ArabicHarakatAndTatweel) {
  EXPECT_EQ(FoldText("مُحَمَّد"), "محمد");
  EXPECT_EQ(FoldText("محـــمد"), "محمد");
  EXPECT_EQ(FoldText("عَبْدُ ٱللَّٰه"), "عبد ٱلله");
  // Presentation forms go back to the base letters.
  EXPECT_EQ(FoldText("\uFEE3\uFEA4\uFEE4\uFEAA"), "محمد");
  // Arabic comma separates words.
  EXPECT_EQ(FoldText("أسامة، بن لادن"), "أسامة بن لادن");
}

TEST(FoldTextTest, ZeroWidthNonJoinerDoesNotSplitPersianWords) {
  EXPECT_EQ(FoldText("خامنه\u200Cای"), "خامنهای");
}

TEST(FoldTextTest, HebrewNiqqudRemoved) { EXPECT_EQ(FoldText("מֹשֶׁה"), "משה"); }

TEST(FoldTextTest, IndicVowelSignsKept) {
  // Dropping the marks would turn Singh into "सह".
  EXPECT_EQ(FoldText("सिंह"), "सिंह");
}

TEST(FoldTextTest, InvalidUtf8IsDropped) {
  EXPECT_EQ(FoldText(std::string("Ab\xFF"
                                 "d\xC3",
                                 5)),
            "abd");
  EXPECT_EQ(FoldText(std::string("\xE2\x82 Ali", 6)), "ali");
}

TEST(SplitWordsTest, SplitsOnSpaces) {
  EXPECT_EQ(SplitWords("ben laden oussama"), (std::vector<std::string>{"ben", "laden", "oussama"}));
  EXPECT_TRUE(SplitWords("").empty());
  EXPECT_EQ(SplitWords(" a  b "), (std::vector<std::string>{"a", "b"}));
}

TEST(DetectScriptTest, MajorityOfLetters) {
  EXPECT_EQ(DetectScript("putin"), Script::kLatin);
  EXPECT_EQ(DetectScript("путин"), Script::kCyrillic);
  EXPECT_EQ(DetectScript("محمد"), Script::kArabic);
  EXPECT_EQ(DetectScript("پرویز"), Script::kArabic);
  EXPECT_EQ(DetectScript("τσίπρασ"), Script::kGreek);
  EXPECT_EQ(DetectScript("משה"), Script::kHebrew);
  EXPECT_EQ(DetectScript("习近平"), Script::kHan);
  EXPECT_EQ(DetectScript("김정은"), Script::kHangul);
  EXPECT_EQ(DetectScript("やまだ"), Script::kKana);
  EXPECT_EQ(DetectScript("सिंह"), Script::kDevanagari);
  EXPECT_EQ(DetectScript("ทักษิณ"), Script::kThai);
  EXPECT_EQ(DetectScript("საკაშვილი"), Script::kGeorgian);
  EXPECT_EQ(DetectScript("հայաստան"), Script::kArmenian);
  EXPECT_EQ(DetectScript("ꦗꦮ"), Script::kOther);     // Javanese
  EXPECT_EQ(DetectScript("рutin"), Script::kLatin);  // 4 Latin, 1 Cyrillic
  EXPECT_EQ(DetectScript("1234"), Script::kUnknown);
  EXPECT_EQ(DetectScript(""), Script::kUnknown);
}

TEST(ScriptTest, NamesAndAbjad) {
  EXPECT_EQ(ToString(Script::kCyrillic), "cyrillic");
  EXPECT_EQ(ToString(Script::kArabic), "arabic");
  EXPECT_TRUE(IsAbjad(Script::kArabic));
  EXPECT_TRUE(IsAbjad(Script::kHebrew));
  EXPECT_FALSE(IsAbjad(Script::kLatin));
  EXPECT_FALSE(IsAbjad(Script::kCyrillic));
}

TEST(RepairLookalikesTest, CyrillicLettersInLatinWord) {
  EXPECT_EQ(RepairLookalikes("рutin"), "putin");        // Cyrillic р
  EXPECT_EQ(RepairLookalikes("оsаmа"), "osama");        // Cyrillic о, а
  EXPECT_EQ(RepairLookalikes("vlаdimir"), "vladimir");  // Cyrillic а
  EXPECT_EQ(RepairLookalikes("ѕаddам"), "saddam");      // ѕ а м (М looks like M)
  EXPECT_EQ(RepairLookalikes("сосо"), "сосо");          // one script: unchanged
  EXPECT_EQ(RepairLookalikes("сocо"), "coco");          // all twins: Latin
}

TEST(RepairLookalikesTest, LatinLettersInCyrillicWord) {
  EXPECT_EQ(RepairLookalikes("пyтин"), "путин");  // Latin y for у
  // Upper-case Latin H, T, K, M, B typed into a capitalised Cyrillic name.
  EXPECT_EQ(RepairLookalikes(FoldText("ПУТИH")), "путин");
  EXPECT_EQ(RepairLookalikes(FoldText("KАЛАШНИКОВ")), "калашников");
  EXPECT_EQ(RepairLookalikes(FoldText("BЛАДИМИР")), "владимир");
  EXPECT_EQ(RepairLookalikes("мoхаммeд"), "мохаммед");
  // A Latin "P" in a Cyrillic word is the Cyrillic Р (r), not p.
  EXPECT_EQ(RepairLookalikes("pутин"), "рутин");
}

TEST(RepairLookalikesTest, LettersWithoutLookalikeStay) {
  EXPECT_EQ(RepairLookalikes("иванov"), "иваноv");
}

TEST(RepairLookalikesTest, SingleScriptWordsUnchanged) {
  EXPECT_EQ(RepairLookalikes("kot"), "kot");
  EXPECT_EQ(RepairLookalikes("кот"), "кот");
  EXPECT_EQ(RepairLookalikes("müller"), "müller");
  EXPECT_EQ(RepairLookalikes("محمد"), "محمد");
  EXPECT_EQ(RepairLookalikes(""), "");
  // Only twins on both sides: read as Latin.
  EXPECT_EQ(RepairLookalikes("аo"), "ao");
  // One anchor each side and equal totals: no way to tell, left alone.
  EXPECT_EQ(RepairLookalikes("дz"), "дz");
}

}  // namespace
}  // namespace hudud::text
