// Reading watchlist files into the entity model. One entry point detects the
// format and names the list; each format has its own parser file (un_xml.cc,
// ofac_csv.cc, ...). Every parser keeps every field the model has a place
// for, and rejects malformed input with the file, the line (or record) and
// the reason; none ever crashes on any input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/entity.h"

namespace hudud::lists {

struct ParsedList {
  std::string list_id;       // "un", "ofac-sdn", "eu", "uk", ...
  std::string format;        // "un-xml", "ofac-csv", ...
  std::string generated_at;  // as the file states it (UN dateGenerated, OFAC Publish_Date), or ""
  std::vector<model::Entity> entities;
  // Every file read to make this list (for the OFAC CSV set: sdn.csv and
  // the siblings found), so a version's hash can cover all of them.
  std::vector<std::string> files;
};

// The formats ReadListFile knows, in the order `auto` tries them.
// "un-xml", "ofac-csv", "ofac-xml", "eu-xml", "uk-csv", "uk-xml", "ftm-json",
// "csv" and "json" (the last two need a column mapping).
const std::vector<std::string>& ListFormats();

// The list id a format's entities get unless the caller names another:
// un, ofac-sdn, eu, uk, opensanctions (ftm-json); "" for csv/json (the
// mapping file or --list-id must name it).
std::string DefaultListId(std::string_view format);

struct ReadOptions {
  // Overrides the format's usual list id; entity ids become "<list_id>:<source id>".
  std::string list_id;
  // Column-mapping file (JSON) for the generic "csv" and "json" formats.
  std::string mapping_path;
};

// Reads `path` and parses it as `format` ("auto" detects from the content;
// for "ofac-csv", `path` is sdn.csv and add.csv, alt.csv and
// sdn_comments.csv are read from beside it when present). An unknown
// format, an unreadable file or malformed content is an error naming the file.
Result<ParsedList> ReadListFile(const std::string& path, std::string_view format,
                                const ReadOptions& options = {});

// The format of a file from its first bytes and its name, or "" when none
// we know. Used by ReadListFile's "auto".
std::string DetectListFormat(std::string_view head, std::string_view path);

// ---- One parser per format. `source_name` (usually the file path) prefixes
// every error message. Entity ids are "<default list id>:<the list's own
// id>"; ReadListFile rewrites them when ReadOptions::list_id is set.

// UN Security Council Consolidated List XML. Every individual and entity,
// every name part, alias (with its quality), original-script name, date of
// birth (EXACT, APPROXIMATELY, BETWEEN, year only), place of birth,
// nationality, document, address, title, designation, list type, reference
// number, listed-on date and comment is kept. Ids "un:<DATAID>".
// Errors name the line and element: "un.xml, line 412: <INDIVIDUAL> without DATAID".
Result<ParsedList> ParseUnXml(std::string_view xml, std::string_view source_name);

// OFAC's legacy CSV set (no header rows; "-0-" is null). `sdn` is required,
// the others may be empty. Remarks (with their sdn_comments.csv
// continuations) are parsed for DOB, POB, nationality/citizenship, gender,
// passports and other identity numbers, and a.k.a./f.k.a. aliases (strong
// and weak). alt.csv aliases keep their type (aka good alias, fka former,
// nka good alias). Ids "ofac-sdn:<ent_num>".
struct OfacCsvSet {
  std::string_view sdn, add, alt, comments;                 // file contents
  std::string sdn_name, add_name, alt_name, comments_name;  // for messages
};
Result<ParsedList> ParseOfacCsv(const OfacCsvSet& set);

// OFAC's SDN XML: the classic sdn.xml (<sdnList>/<sdnEntry>) and the
// Advanced XML (<Sanctions> with DistinctParties). Ids "ofac-sdn:<uid>"
// (classic) or "ofac-sdn:<FixedRef>" (advanced), which are the same numbers.
Result<ParsedList> ParseOfacXml(std::string_view xml, std::string_view source_name);

// EU consolidated financial sanctions list XML (<export> with
// <sanctionEntity> elements, schema xmlFullSanctionsList_1_1). Ids "eu:<logicalId>".
Result<ParsedList> ParseEuXml(std::string_view xml, std::string_view source_name);

// UK sanctions list: the FCDO "UK Sanctions List" CSV (one row per name,
// grouped by Unique ID) and the legacy OFSI ConList CSV (grouped by Group ID).
// Ids "uk:<Unique ID or Group ID>".
Result<ParsedList> ParseUkCsv(std::string_view csv, std::string_view source_name);

// UK sanctions list XML (FCDO <Designations>/<Designation>, and the OFSI
// <ArrayOfFinancialSanctionsTarget>). Ids "uk:<Unique ID or Group ID>".
Result<ParsedList> ParseUkXml(std::string_view xml, std::string_view source_name);

// OpenSanctions FollowTheMoney JSON lines (one entity per line; also the
// {"op": ..., "entity": ...} delta lines). Person, Organization, Company,
// LegalEntity, Vessel, Airplane are targets; Sanction, Identification,
// Passport and Address entities are folded into the entity they refer to.
// Ids "opensanctions:<FtM id>".
Result<ParsedList> ParseFtmJson(std::string_view jsonl, std::string_view source_name);

// A national list in CSV (or JSON lines when `json_lines`) described by a
// column-mapping file (JSON; see docs/LISTS.md). Ids "<mapping list_id>:<id column>".
Result<ParsedList> ParseMappedTable(std::string_view content, std::string_view source_name,
                                    std::string_view mapping_json, std::string_view mapping_name,
                                    bool json_lines);

}  // namespace hudud::lists
