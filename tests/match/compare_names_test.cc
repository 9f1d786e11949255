// CompareNames: whole-name similarity on real names in several scripts.
#include <gtest/gtest.h>

#include "match/screener.h"

namespace hudud::match {
namespace {

using model::EntityKind;

struct Pair {
  const char* a;
  const char* b;
  EntityKind kind;
};

TEST(CompareNamesTest, SamePersonAcrossScriptsAndSpellings) {
  const Pair same[] = {
      {"محمد عبد الرحمن", "Mohammed Abdulrahman", EntityKind::kPerson},
      {"Muhammad Abd al-Rahman", "Mohamed Abdel Rahman", EntityKind::kPerson},
      {"Abdurrahman Mohamad", "Muhammad Abdulrahman", EntityKind::kPerson},
      {"Osama bin Laden", "Usama bin Ladin", EntityKind::kPerson},
      {"أسامة بن لادن", "Usama bin Laden", EntityKind::kPerson},
      {"Ayman al-Zawahiri", "Aiman al Zawahri", EntityKind::kPerson},
      {"أيمن الظواهري", "Ayman al-Zawahiri", EntityKind::kPerson},
      {"Abu Bakr al-Baghdadi", "Abubakr al Baghdadi", EntityKind::kPerson},
      {"Абу Бакр аль-Багдади", "Abu Bakr al-Baghdadi", EntityKind::kPerson},
      {"Эмомалӣ Раҳмон", "Emomali Rahmon", EntityKind::kPerson},
      {"Владимир Путин", "Vladimir Putin", EntityKind::kPerson},
      {"Олександр Шевченко", "Oleksandr Shevchenko", EntityKind::kPerson},
      {"پرویز مشرف", "Pervez Musharraf", EntityKind::kPerson},
      {"BIN LADEN, Usama", "Usama bin Laden", EntityKind::kPerson},
      {"Ivanov Ivan Ivanovich", "Ivan Ivanovich Ivanov", EntityKind::kPerson},
      {"Al-Rashid Trading Company LLC", "Al Rashid Trading Co. Ltd", EntityKind::kOrganization},
      {"ООО Ромашка", "Romashka LLC", EntityKind::kOrganization},
  };
  for (const auto& p : same) {
    Explanation ex;
    double s = CompareNames(p.a, p.b, p.kind, &ex);
    EXPECT_GE(s, 0.8) << p.a << " ~ " << p.b << ": " << ex.summary;
  }
}

TEST(CompareNamesTest, LookalikeLettersDoNotBreakAMatch) {
  // Cyrillic "а" and "о" typed inside Latin words, Latin "a", "o", "p" inside Cyrillic ones.
  EXPECT_GE(CompareNames("Vl\u0430dimir Put\u0456n", "Vladimir Putin", EntityKind::kPerson), 0.99);
  EXPECT_GE(CompareNames("\u0412\u043ba\u0434\u0438\u043c\u0438p \u041f\u0443\u0442\u0438\u043d",
                         "Владимир Путин", EntityKind::kPerson),
            0.99);
  EXPECT_GE(CompareNames("Usаmа bin Lаdin", "Usama bin Ladin", EntityKind::kPerson), 0.99);
}

TEST(CompareNamesTest, DifferentPeopleScoreLow) {
  const Pair different[] = {
      {"Mohammed Ali", "Mohammed Hassan Baghdadi", EntityKind::kPerson},
      {"John Smith", "Osama bin Laden", EntityKind::kPerson},
      {"Ivan Petrov", "Oleg Sidorov", EntityKind::kPerson},
      {"Ahmed Khalil", "Mahmoud Khalil", EntityKind::kPerson},
      {"Al Rashid Trading LLC", "Al Noor Shipping LLC", EntityKind::kOrganization},
  };
  for (const auto& p : different) {
    Explanation ex;
    double s = CompareNames(p.a, p.b, p.kind, &ex);
    EXPECT_LT(s, kDefaultThreshold) << p.a << " vs " << p.b << ": " << ex.summary;
  }
}

TEST(CompareNamesTest, MissingMiddleNamesCostLessThanExtraQueryNames) {
  double missing =
      CompareNames("Usama bin Laden", "Usama Muhammed Awad bin Laden", EntityKind::kPerson);
  double extra =
      CompareNames("Usama Muhammed Awad bin Laden", "Usama bin Laden", EntityKind::kPerson);
  EXPECT_GT(missing, extra);
  EXPECT_GE(missing, 0.75);
}

TEST(CompareNamesTest, ExplanationAlignsTokens) {
  Explanation ex;
  CompareNames("محمد", "Mohammed", EntityKind::kPerson, &ex);
  ASSERT_EQ(ex.tokens.size(), 1u);
  EXPECT_EQ(ex.tokens[0].query_token, "محمد");
  EXPECT_EQ(ex.tokens[0].listed_token, "mohammed");
  EXPECT_EQ(ex.tokens[0].how, "skeleton");
  EXPECT_GT(ex.tokens[0].similarity, 0.88);
}

TEST(CompareNamesTest, EmptyNameScoresZero) {
  EXPECT_EQ(CompareNames("", "Osama", EntityKind::kPerson), 0.0);
  EXPECT_EQ(CompareNames("...", "", EntityKind::kPerson), 0.0);
}

}  // namespace
}  // namespace hudud::match
