// The good-practices library's store (store/practices.h) and a user's
// console language (store/preferences.h): the seed of migration 8, the
// Arabic folding shared by the index and queries, the rules in characters,
// summaries, and the index kept in step by edits.
#include "store/practices.h"

#include <gtest/gtest.h>

#include "store/access.h"
#include "store/preferences.h"
#include "store_fixture.h"

namespace hudud::store {
namespace {

class PracticesTest : public StoreFixture {};

PracticeInput Input(const std::string& title, const std::string& language) {
  PracticeInput in;
  in.title = title;
  in.language = language;
  in.region = "sahel";
  in.topic = "documents";
  in.body = "Check every travel document against the zebrafinch register of lost documents.";
  return in;
}

TEST(PracticesFoldTest, ArabicFoldsAsTheIndexDoes) {
  // Short vowels, shadda, sukun, tatweel dropped.
  EXPECT_EQ(FoldArabicForSearch("المُسَافِرِينَ"), "المسافرين");
  EXPECT_EQ(FoldArabicForSearch("مـــكافحة"), "مكافحه");
  EXPECT_EQ(FoldArabicForSearch("الشَّبكات"), "الشبكات");
  // Alef forms, alef maqsura, ta marbuta.
  EXPECT_EQ(FoldArabicForSearch("الأمم إعلان آسيا"), "الامم اعلان اسيا");
  EXPECT_EQ(FoldArabicForSearch("على الحدودية"), "علي الحدوديه");
  // Other scripts and bytes as they are.
  EXPECT_EQ(FoldArabicForSearch("Sécurité ПАССАЖИР"), "Sécurité ПАССАЖИР");
  EXPECT_EQ(FoldArabicForSearch("a\xD8"), "a\xD8");
}

TEST(PracticesFoldTest, SummaryCutsAtAWordWithinTheLimit) {
  EXPECT_EQ(PracticeSummary("Short  text\n\nwith paragraphs."), "Short text with paragraphs.");
  const std::string s = PracticeSummary(
      std::string(50, 'a') + " " + std::string(50, 'b') + " " + std::string(150, 'c'), 200);
  EXPECT_EQ(s, std::string(50, 'a') + " " + std::string(50, 'b') + "…");
  // Characters, not bytes: 250 Arabic letters are cut to 200.
  std::string arabic;
  for (int i = 0; i < 250; ++i) arabic += "ب";
  EXPECT_EQ(PracticeSummary(arabic, 200), std::string(arabic, 0, 400) + "…");
}

TEST_F(PracticesTest, TheSeedIsThereInFourLanguages) {
  PracticeFilter all;
  all.limit = 200;
  Result<PracticePage> page = SearchPractices(*store_, all);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 16);
  for (const std::string lang : {"ar", "en", "ru", "fr"}) {
    PracticeFilter f;
    f.language = lang;
    EXPECT_EQ(SearchPractices(*store_, f)->total, 4) << lang;
  }
  for (const Practice& p : page->practices) {
    EXPECT_TRUE(
        CheckPractice({p.group, p.language, p.region, p.topic, p.title, p.source, p.body}).ok())
        << p.id;
    EXPECT_EQ(PracticeTranslations(*store_, p.group, p.id)->size(), 3u) << p.id;
  }
}

TEST_F(PracticesTest, SearchFoldsArabicCaseAndAccents) {
  auto total = [&](const std::string& q) {
    PracticeFilter f;
    f.query = q;
    Result<PracticePage> page = SearchPractices(*store_, f);
    EXPECT_TRUE(page.ok()) << q;
    return page.ok() ? page->total : -1;
  };
  EXPECT_GE(total("الإنتربول"), 1);
  EXPECT_EQ(total("الانتربول"), total("الإنتربول"));
  EXPECT_EQ(total("الإِنْتَرْبُول"), total("الإنتربول"));
  EXPECT_EQ(total("интерпола"), 1);
  EXPECT_EQ(total("ИНТЕРПОЛА"), 1);
  EXPECT_EQ(total("securite"), total("SÉCURITÉ"));
  EXPECT_GE(total("securite"), 1);
  EXPECT_EQ(total("\"unbalanced ( NEAR"), 0);
}

TEST_F(PracticesTest, RulesCountCharactersAndNameTheField) {
  EXPECT_TRUE(CheckPractice(Input("أمن", "ar")).ok());  // 3 letters, 6 bytes
  Status st = CheckPractice(Input("ab", "en"));
  EXPECT_NE(st.message().find("title"), std::string::npos) << st.message();
  PracticeInput in = Input("Fine title", "en");
  in.body = "Line one.\n\n\tLine two is long enough.";
  EXPECT_TRUE(CheckPractice(in).ok());
  in.body = std::string("bell \a in the body of the article");
  EXPECT_NE(CheckPractice(in).message().find("body"), std::string::npos);
  in = Input("Fine title", "en");
  in.source = "bad \xC3";
  EXPECT_NE(CheckPractice(in).message().find("source is not valid UTF-8"), std::string::npos);
  in = Input("Fine title", "en");
  in.group = "-x";
  EXPECT_NE(CheckPractice(in).message().find("group"), std::string::npos);
}

TEST_F(PracticesTest, EditsReindexAndGroupsHoldOneArticleALanguage) {
  Result<Practice> a = AddPractice(*store_, Input("Gate checks", "en"), "lena");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->group, "practice-17");
  PracticeInput fr = Input("Contrôles aux portes", "fr");
  fr.group = a->group;
  ASSERT_TRUE(AddPractice(*store_, fr, "lena").ok());
  Result<Practice> again = AddPractice(*store_, fr, "lena");
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find(" already "), std::string::npos);

  PracticeInput edit = Input("Gate checks", "en");
  edit.body = "Every passport is read against the quuxian register.";
  ASSERT_TRUE(UpdatePractice(*store_, a->id, edit).ok());
  PracticeFilter f;
  f.query = "quuxian";
  EXPECT_EQ(SearchPractices(*store_, f)->total, 1);
  f.query = "zebrafinch";
  f.language = "en";
  EXPECT_EQ(SearchPractices(*store_, f)->total, 0);
  EXPECT_EQ(UpdatePractice(*store_, 999, edit).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(GetPractice(*store_, 999).status().code(), Status::Code::kNotFound);
}

TEST_F(PracticesTest, AUserLanguageIsKeptWithTheUser) {
  ASSERT_TRUE(AddUser(*store_, "root", Role::kAdmin, "", "", "", "").ok());
  EXPECT_FALSE(UserLanguage(*store_, "root")->has_value());
  ASSERT_TRUE(SetUserLanguage(*store_, "root", "fr").ok());
  EXPECT_EQ(UserLanguage(*store_, "root")->value_or(""), "fr");
  EXPECT_FALSE(SetUserLanguage(*store_, "root", "de").ok());
  ASSERT_TRUE(SetUserLanguage(*store_, "root", std::nullopt).ok());
  EXPECT_FALSE(UserLanguage(*store_, "root")->has_value());
  EXPECT_EQ(UserLanguage(*store_, "nobody").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(SetUserLanguage(*store_, "nobody", "ar").code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace hudud::store
