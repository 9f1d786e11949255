// Internal to lists/: reading OFAC's free-text remarks. OFAC packs the
// facts that identify a person (date and place of birth, nationality,
// gender, passports and other numbers, weak aliases) into one field of
// ';'-separated clauses: "DOB 23 Nov 1962; POB Caracas, Venezuela; citizen
// Venezuela; Gender Male; Cedula No. 5892464 (Venezuela); a.k.a. 'CHINO'."
// Shared by the CSV and the XML readers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "model/entity.h"

namespace hudud::lists {

// Parses an OFAC date as remarks and sdn.xml write it: "23 Nov 1962",
// "Nov 1962", "1962", "circa 1962", "1960 to 1962", "between 1960 and
// 1962". False when it is none of these.
bool ParseOfacDate(std::string_view text, model::DateOfBirth* out);

// Adds to `e` what the remarks say: dates of birth, places of birth,
// nationalities and citizenships, gender, identity documents (type,
// number, issuing country in parentheses, "issued"/"expires" kept in the
// note), "a.k.a." aliases (low quality: OFAC's weak aliases live only
// here) and "f.k.a." former names. Clauses it does not read (Linked To,
// Additional Sanctions Information, e-mail, ...) are left in the remarks,
// which the caller keeps whole in Entity::comments. Returns the number of
// DOB clauses that could not be read, so callers and tests can see loss.
int ApplyOfacRemarks(std::string_view remarks, model::Entity* e);

// "SURNAME, Given Names" as OFAC writes individuals: parts family + given.
void SetOfacNameParts(model::Name* name);

}  // namespace hudud::lists
