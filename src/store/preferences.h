// A user's console preferences, kept with the user (users.language, schema
// 8): for now the language the console speaks to them. The languages are
// the console's four, which are also those of the good-practices library
// (practices.h).
//
// Errors: InvalidArgument for a language that is not one of the four,
// NotFound for an unknown user, IOError for the database.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

// The console's languages, as ISO 639-1 codes: Arabic, English, Russian,
// French.
inline constexpr std::array<std::string_view, 4> kConsoleLanguages = {"ar", "en", "ru", "fr"};

// Whether `code` is one of kConsoleLanguages (exactly: lower case).
bool IsConsoleLanguage(std::string_view code);

// "ar, en, ru, fr", for messages.
std::string ConsoleLanguageNames();

// The language `user` chose; nullopt when they chose none (the console then
// follows the browser).
Result<std::optional<std::string>> UserLanguage(Store& store, const std::string& user);

// Sets `user`'s language; nullopt clears the choice.
Status SetUserLanguage(Store& store, const std::string& user,
                       const std::optional<std::string>& language);

}  // namespace hudud::store
