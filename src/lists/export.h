// Writing entities out for partners and banks: FollowTheMoney JSON lines
// (the open interchange format), an XML shaped like the UN Consolidated List,
// and a flat CSV. What is written reads back through the matching parser
// (ParseFtmJson, ParseUnXml) with nothing lost that the format can carry.
#pragma once

#include <string>
#include <vector>

#include "lists/list_file.h"
#include "model/entity.h"

namespace hudud::lists {

// One FtM entity per line (Person/Organization/Vessel/Airplane with its
// names, dates, countries, identifiers, addresses), plus a Sanction entity
// per listed entity carrying program, listing date and reference.
std::string WriteFtmJson(const std::vector<model::Entity>& entities);

// <CONSOLIDATED_LIST dateGenerated=...> with INDIVIDUALS and ENTITIES in
// the UN element vocabulary.
std::string WriteListXml(const ParsedList& list);

// A header row, then one row per entity: id, kind, primary name, aliases
// (" | "-separated), dates of birth, nationalities, documents, program,
// reference, listed_on.
std::string WriteListCsv(const std::vector<model::Entity>& entities);

}  // namespace hudud::lists
