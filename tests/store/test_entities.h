// Entities for the store tests: one with every field set, small synthetic
// ones, and a field-by-field comparison (model types have no operator==).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "model/entity.h"

namespace hudud::store::testing_util {

// Every field of the model set, with Arabic and Cyrillic text, partial,
// approximate and between dates, documents and addresses.
inline model::Entity FullEntity() {
  model::Entity e;
  e.id = "un:6908555";
  e.list_id = "un";
  e.source_id = "6908555";
  e.reference = "QDi.015";
  e.kind = model::EntityKind::kPerson;

  model::Name primary;
  primary.full = "Ayman Muhammed Rabi al-Zawahiri";
  primary.kind = model::NameKind::kPrimary;
  primary.parts = {{model::NamePartRole::kGiven, "Ayman"},
                   {model::NamePartRole::kPatronymic, "Muhammed Rabi"},
                   {model::NamePartRole::kFamily, "al-Zawahiri"}};
  model::Name arabic;
  arabic.full = "أيمن محمد ربيع الظواهري";
  arabic.kind = model::NameKind::kOriginalScript;
  model::Name cyrillic;
  cyrillic.full = "Айман Мухаммед Раби аз-Завахири";
  cyrillic.kind = model::NameKind::kGoodAlias;
  cyrillic.note = "Russian transliteration";
  cyrillic.parts = {{model::NamePartRole::kWhole, "Айман Мухаммед Раби аз-Завахири"}};
  model::Name low;
  low.full = "Abu Muhammad";
  low.kind = model::NameKind::kLowAlias;
  model::Name former;
  former.full = "Ayman al-Zawahri";
  former.kind = model::NameKind::kFormerName;
  former.parts = {{model::NamePartRole::kMiddle, "x"}, {model::NamePartRole::kOther, ""}};
  e.names = {primary, arabic, cyrillic, low, former};

  model::DateOfBirth exact;
  exact.kind = model::DateOfBirth::Kind::kExact;
  exact.from = {1951, 6, 19};
  model::DateOfBirth year_month;
  year_month.kind = model::DateOfBirth::Kind::kExact;
  year_month.from = {1952, 7, 0};
  model::DateOfBirth circa;
  circa.kind = model::DateOfBirth::Kind::kApproximate;
  circa.from = {1950, 0, 0};
  circa.note = "approximately";
  model::DateOfBirth between;
  between.kind = model::DateOfBirth::Kind::kBetween;
  between.from = {1948, 0, 0};
  between.to = {1953, 0, 0};
  e.dates_of_birth = {exact, year_month, circa, between};

  e.places_of_birth = {{"", "Giza", "", "", "Egypt", "EG", ""}};
  e.nationalities = {{"Egypt", "EG"}, {"Российская Федерация", "RU"}, {"unresolved", ""}};
  e.gender = model::Gender::kMale;

  model::Document passport;
  passport.type = "Passport";
  passport.type2 = "Diplomatic";
  passport.number = "1084010";
  passport.issuing_country = "Egypt";
  passport.country_code = "EG";
  passport.issue_date = "1995-03-01";
  passport.issue_city = "القاهرة";
  passport.note = "expired";
  model::Document id_card;
  id_card.type = "National Identification Number";
  id_card.number = "19820";
  e.documents = {passport, id_card};

  e.addresses = {
      {"12 Main St", "Kabul", "Kabul Province", "1001", "Afghanistan", "AF", "last known"}, {}};
  e.titles = {"Doctor", "Шейх"};
  e.designations = {"Leader of Al-Qaida", "\"quoted\" \\ backslash\nnewline"};
  e.program = "Al-Qaida";
  e.list_types = {"UN List", "Al-Qaida"};
  e.listed_on = "2001-01-25";
  e.last_updated = {"2011-06-07", "2012-04-26"};
  e.version = "1";
  e.comments = "Mother's name: Umayma Azzam. 🙂";
  return e;
}

// A small entity whose content depends on `n` and `variant`.
inline model::Entity SmallEntity(int n, const std::string& list_id = "un", int variant = 0) {
  model::Entity e;
  e.list_id = list_id;
  e.source_id = std::to_string(n);
  e.id = list_id + ":" + e.source_id;
  e.kind = n % 3 == 0 ? model::EntityKind::kOrganization : model::EntityKind::kPerson;
  model::Name name;
  name.full = "Person Number " + std::to_string(n);
  e.names.push_back(name);
  model::Name alias;
  alias.full = "Алиас " + std::to_string(n);
  alias.kind = model::NameKind::kGoodAlias;
  e.names.push_back(alias);
  if (n % 2 == 0) {
    model::Document d;
    d.type = "Passport";
    d.number = "P" + std::to_string(n * 7919);
    e.documents.push_back(d);
  }
  model::DateOfBirth dob;
  dob.from = {static_cast<int16_t>(1940 + n % 50), static_cast<int8_t>(1 + n % 12), 0};
  e.dates_of_birth.push_back(dob);
  e.nationalities.push_back({"Iraq", "IQ"});
  e.version = std::to_string(variant);
  return e;
}

inline void ExpectPlaceEq(const model::Place& a, const model::Place& b) {
  EXPECT_EQ(a.street, b.street);
  EXPECT_EQ(a.city, b.city);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.zip, b.zip);
  EXPECT_EQ(a.country, b.country);
  EXPECT_EQ(a.country_code, b.country_code);
  EXPECT_EQ(a.note, b.note);
}

// Compares every field; on a mismatch the failure names the entity.
inline void ExpectEntityEq(const model::Entity& a, const model::Entity& b) {
  SCOPED_TRACE("entity " + a.id);
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.list_id, b.list_id);
  EXPECT_EQ(a.source_id, b.source_id);
  EXPECT_EQ(a.reference, b.reference);
  EXPECT_EQ(a.kind, b.kind);
  ASSERT_EQ(a.names.size(), b.names.size());
  for (size_t i = 0; i < a.names.size(); ++i) {
    EXPECT_EQ(a.names[i].full, b.names[i].full);
    EXPECT_EQ(a.names[i].kind, b.names[i].kind);
    EXPECT_EQ(a.names[i].note, b.names[i].note);
    ASSERT_EQ(a.names[i].parts.size(), b.names[i].parts.size());
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
    ExpectPlaceEq(a.places_of_birth[i], b.places_of_birth[i]);
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
    EXPECT_EQ(x.type, y.type);
    EXPECT_EQ(x.type2, y.type2);
    EXPECT_EQ(x.number, y.number);
    EXPECT_EQ(x.issuing_country, y.issuing_country);
    EXPECT_EQ(x.country_code, y.country_code);
    EXPECT_EQ(x.issue_date, y.issue_date);
    EXPECT_EQ(x.issue_city, y.issue_city);
    EXPECT_EQ(x.note, y.note);
  }
  ASSERT_EQ(a.addresses.size(), b.addresses.size());
  for (size_t i = 0; i < a.addresses.size(); ++i) ExpectPlaceEq(a.addresses[i], b.addresses[i]);
  EXPECT_EQ(a.titles, b.titles);
  EXPECT_EQ(a.designations, b.designations);
  EXPECT_EQ(a.program, b.program);
  EXPECT_EQ(a.list_types, b.list_types);
  EXPECT_EQ(a.listed_on, b.listed_on);
  EXPECT_EQ(a.last_updated, b.last_updated);
  EXPECT_EQ(a.version, b.version);
  EXPECT_EQ(a.comments, b.comments);
}

}  // namespace hudud::store::testing_util
