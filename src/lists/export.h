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

// FollowTheMoney JSON lines, one entity per line: a Person, Organization,
// Vessel or Airplane (LegalEntity for an unknown kind) with its names
// (name, alias, weakAlias, previousName; original-script names are
// aliases), name parts of the primary name, else of the first name that has
// them (firstName, secondName for the UN's unlabelled parts, middleName,
// fatherName, lastName), birth dates (partial
// dates stay partial; a range of years is every year in it, up to 20, else
// its two ends), birthPlace and birthCountry, nationalities (nationality for
// persons, flag for vessels, country otherwise), gender, document numbers
// (passportNumber, idNumber, or the FtM property a document was read from),
// titles, positions, program, notes, topics ("sanction" and any FtM topic
// in list_types) and last-updated dates (modifiedAt). After it come a
// Passport or Identification entity per numbered document (type, issuing
// country, issue date, note), an Address entity per address (referenced by
// addressEntity) and one Sanction entity (program, listingDate, and the
// reference as authorityId).
//
// Ids: FtM ids allow only letters, digits, '.' and '-', so an entity's id
// is "<list_id>-<source_id>" ("un-6908555"), with any other character made
// '-' and "-2", "-3" appended if two entities would share one; helpers are
// "<id>-doc-N", "<id>-addr-N" and "<id>-sanction". The list prefix keeps
// ids from different lists apart in a partner's merged data, and the
// entity's own source id stays readable in it.
//
// FtM has no place for: per-name and per-date notes, approximate vs exact
// dates (all become dates), country texts without an ISO code (FtM values
// are codes), documents without a number, a document's second type and
// city of issue, the record version, and a non-person's dates of birth,
// titles and positions. ParseFtmJson reads everything else back.
std::string WriteFtmJson(const std::vector<model::Entity>& entities);

// <CONSOLIDATED_LIST dateGenerated=...> with INDIVIDUALS (persons) and
// ENTITIES (everything else: the UN vocabulary has no vessels or aircraft,
// which read back as organisations) in the UN element vocabulary. A UN list
// written and read back with ParseUnXml gives equal entities in every
// field; a name with more than four parts, or parts that do not spell it,
// goes whole in FIRST_NAME. Characters XML 1.0 cannot hold are dropped.
std::string WriteListXml(const ParsedList& list);

// RFC 4180 CSV (CRLF line ends, quoted fields where needed): a header row,
// then one row per entity: id, kind, primary name, the other names
// (" | "-separated), dates of birth ("1971-05-03", "circa 1971",
// "1968..1971"), nationalities (codes, else text),
// documents ("<type> <number> (<country code>)"), program, reference,
// listed_on.
std::string WriteListCsv(const std::vector<model::Entity>& entities);

}  // namespace hudud::lists
