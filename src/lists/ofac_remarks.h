// Internal to lists/: reading what OFAC writes as free text. OFAC packs the
// facts that identify a party (date and place of birth, nationality,
// gender, passports and other numbers, weak aliases) into one remarks field
// of ';'-separated clauses: "DOB 23 Nov 1962; POB Caracas, Venezuela;
// citizen Venezuela; Gender Male; Cedula No. 5892464 (Venezuela); a.k.a.
// 'CHINO'." The legacy CSV set has nothing else; the XML forms write the
// same dates, places and numbers in their own elements. Shared by
// ofac_csv.cc and ofac_xml.cc so both forms give the same entity.
#pragma once

#include <string_view>

#include "model/date.h"
#include "model/entity.h"

namespace hudud::lists {

// Parses an OFAC date of birth as remarks and sdn.xml write it: "23 Nov
// 1962", "Nov 1962", "1962", "circa 1962", "1960 to 1962", "01 Jan 1961 to
// 31 Dec 1962", "1979-1982", "between 1960 and 1962". False (and `out`
// untouched) when it is none of these or names an impossible date.
bool ParseOfacDate(std::string_view text, model::DateOfBirth* out);

// A place as OFAC writes it, "Culiacan, Sinaloa, Mexico": the last
// comma-separated part is the country when model::ResolveCountryCode knows
// it (city = the rest); otherwise the whole text is the city.
model::Place ParseOfacPlace(std::string_view text);

// "SURNAME, Given Names" as OFAC writes individuals: parts family + given.
// Leaves `name` without parts when there is no comma.
void SetOfacNameParts(model::Name* name);

// An identity document in OFAC's words, made uniform across the CSV and
// XML forms: a number written "IMO 9187629" loses its "IMO" prefix to the
// type, and a vessel's "Vessel Registration Identification IMO" becomes
// type "IMO". Sets country_code from issuing_country when unset.
void NormalizeOfacDocument(model::Document* d);

// Applies one fact that the XML forms give as a type and a value (an
// sdn.xml <id>, an Advanced XML IDRegDocument), so it lands where
// the same words in the remarks would: "Gender" sets the gender,
// "Nationality of Registration" and "(Other) Vessel Flag" add a
// nationality, "(Other) Vessel Call Sign" is a "Call Sign" document.
// Narrative types (Linked To, Website, Email Address, sanctions
// information, "... Date", ...) return false: the caller keeps them as
// comment text. Anything else is an identity document (normalised as
// above) and returns true.
bool ApplyOfacTypedFact(const model::Document& fact, model::Entity* e);

// What ApplyOfacRemarks could not read, so callers and tests can see loss.
struct RemarksLoss {
  int unread_dobs = 0;  // "DOB ..." clauses whose date is none of ParseOfacDate's forms
};

// Adds to `e` what the remarks say, clause by clause ("alt." prefixes
// dropped): dates of birth, places of birth, nationalities and
// citizenships (and an organisation's "Nationality of Registration"),
// gender, identity documents (type as written, number, issuing country in
// parentheses, "issued" date in issue_date, "expires" in note), other call
// signs of a vessel, "a.k.a." aliases as kLowAlias (OFAC's weak aliases
// live only here) and "f.k.a." as kFormerName. A clause is a document only
// when it has a digit and either a country in parentheses or a word that
// names a number ("Passport", "No.", "Number", "ID", ...), so positions
// ("Vice-Chairperson, 13th National People's Congress") and events
// ("arrested 23 Apr 2002") are not. Clauses it does not read (Linked To,
// Additional Sanctions Information, e-mail, titles, ...) are left alone:
// the caller keeps the remarks whole in Entity::comments. Never fails.
RemarksLoss ApplyOfacRemarks(std::string_view remarks, model::Entity* e);

}  // namespace hudud::lists
