// The FollowTheMoney model tables shared by the FtM reader and writer
// (lists/ftm_model.h).
#include "lists/ftm_model.h"

#include <algorithm>
#include <iterator>

#include "model/country.h"

namespace hudud::lists::ftm {
namespace {

// Every schema of followthemoney 3.8.4.
// clang-format off
constexpr std::string_view kSchemata[] = {
    "Address", "Airplane", "Analyzable", "Article", "Assessment", "Asset", "Associate", "Audio",
    "BankAccount", "Call", "CallForTenders", "Company", "Contract", "ContractAward", "CourtCase",
    "CourtCaseParty", "CryptoWallet", "Debt", "Directorship", "Document", "Documentation",
    "EconomicActivity", "Email", "Employment", "Event", "Family", "Folder", "HyperText",
    "Identification", "Image", "Interest", "Interval", "LegalEntity", "License", "Membership",
    "Mention", "Message", "Note", "Occupancy", "Organization", "Ownership", "Package", "Page",
    "Pages", "Passport", "Payment", "Person", "PlainText", "Position", "Post", "Project",
    "ProjectParticipant", "PublicBody", "RealEstate", "Representation", "Sanction", "Security",
    "Similar", "Succession", "Table", "TaxRoll", "Thing", "Trip", "UnknownLink", "UserAccount",
    "Value", "Vehicle", "Vessel", "Video", "Workbook"};
// clang-format on

// The topic type's values.
// clang-format off
constexpr std::string_view kTopics[] = {
    "asset.frozen", "corp.disqual", "corp.offshore", "corp.public", "corp.shell", "crime",
    "crime.boss", "crime.cyber", "crime.env", "crime.fin", "crime.fraud", "crime.terror",
    "crime.theft", "crime.traffick", "crime.traffick.drug", "crime.traffick.human", "crime.war",
    "debarment", "export.control", "export.risk", "fin", "fin.adivsor", "fin.bank", "fin.fund",
    "forced.labor", "gov", "gov.admin", "gov.executive", "gov.financial", "gov.head", "gov.igo",
    "gov.judicial", "gov.legislative", "gov.muni", "gov.national", "gov.security", "gov.soe",
    "gov.state", "mil", "poi", "pol.party", "pol.union", "reg.action", "reg.warn", "rel",
    "role.acct", "role.act", "role.civil", "role.diplo", "role.journo", "role.judge",
    "role.lawyer", "role.lobby", "role.oligarch", "role.pep", "role.pol", "role.rca", "role.spy",
    "sanction", "sanction.counter", "sanction.linked", "wanted"};
// clang-format on

// Identifier properties by schema (inherited ones included).
constexpr std::string_view kLegalEntityIds[] = {
    "bvdId",         "dunsCode",  "idNumber",       "innCode",  "leiCode",
    "licenseNumber", "npiCode",   "ogrnCode",       "okpoCode", "registrationNumber",
    "swiftBic",      "taxNumber", "uniqueEntityId", "vatCode"};
constexpr std::string_view kPersonIds[] = {"passportNumber", "socialSecurityNumber"};
constexpr std::string_view kOrganizationIds[] = {"cageCode", "giiNumber", "imoNumber", "permId"};
constexpr std::string_view kCompanyIds[] = {
    "cikCode", "coatoCode", "fnsCode", "ibcRuc",    "ipoCode", "irsCode", "isinCode",
    "jibCode", "kppCode",   "mbsCode", "pfrNumber", "ricCode", "ticker",  "voenCode"};
constexpr std::string_view kVesselIds[] = {"callSign", "crsNumber", "imoNumber", "mmsi",
                                           "registrationNumber"};
constexpr std::string_view kAirplaneIds[] = {"registrationNumber", "serialNumber"};

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view v) {
  return std::find(std::begin(list), std::end(list), v) != std::end(list);
}

// The parent of a target schema, "" at the top.
std::string_view Parent(std::string_view schema) {
  if (schema == "Person" || schema == "Organization") return "LegalEntity";
  if (schema == "Company" || schema == "PublicBody") return "Organization";
  return "";
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::optional<model::EntityKind> TargetKind(std::string_view schema) {
  if (schema == "Person") return model::EntityKind::kPerson;
  if (schema == "Organization" || schema == "Company" || schema == "LegalEntity" ||
      schema == "PublicBody") {
    return model::EntityKind::kOrganization;
  }
  if (schema == "Vessel") return model::EntityKind::kVessel;
  if (schema == "Airplane") return model::EntityKind::kAircraft;
  return std::nullopt;
}

bool IsKnownSchema(std::string_view schema) { return In(kSchemata, schema); }

bool IsSchemaOrChild(std::string_view child, std::string_view parent) {
  for (std::string_view s = child; !s.empty(); s = Parent(s)) {
    if (s == parent) return true;
  }
  return false;
}

bool IsIdentifierProperty(std::string_view schema, std::string_view property) {
  if (schema == "Vessel") return In(kVesselIds, property);
  if (schema == "Airplane") return In(kAirplaneIds, property);
  if (!IsSchemaOrChild(schema, "LegalEntity")) return false;
  if (In(kLegalEntityIds, property)) return true;
  if (schema == "Person") return In(kPersonIds, property);
  if (IsSchemaOrChild(schema, "Organization") && In(kOrganizationIds, property)) return true;
  return schema == "Company" && In(kCompanyIds, property);
}

bool IsAnyIdentifierProperty(std::string_view property) {
  for (std::string_view schema : {"Person", "Company", "PublicBody", "Vessel", "Airplane"}) {
    if (IsIdentifierProperty(schema, property)) return true;
  }
  return false;
}

bool IsTopic(std::string_view value) { return In(kTopics, value); }

std::string CountryCode(std::string_view value) {
  std::string code = model::ResolveCountryCode(value);
  if (!code.empty()) return code;
  // OpenSanctions' own codes: "suhh", "csxx", "ge-ab", "ua-dpr", "x-so".
  size_t letters = 0;
  bool shaped = !value.empty() && IsLower(value.front()) && IsLower(value.back());
  for (char c : value) {
    if (IsLower(c)) {
      ++letters;
    } else if (c != '-') {
      shaped = false;
    }
  }
  if (!shaped || letters < 2 || value.size() > 8) return "";
  std::string out(value);
  for (char& c : out) {
    if (IsLower(c)) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::optional<model::PartialDate> ParseDate(std::string_view value) {
  if (value.size() > 10 && (value[10] == 'T' || value[10] == ' ')) value = value.substr(0, 10);
  // Only the ISO shapes: ParsePartialDate also reads "03/05/1971".
  const bool iso = value.size() == 4 || ((value.size() == 7 || value.size() == 10) &&
                                         value[4] == '-' && (value.size() == 7 || value[7] == '-'));
  if (!iso) return std::nullopt;
  return model::ParsePartialDate(value);
}

std::string CleanId(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) out.push_back(IsAlnum(c) || c == '.' || c == '-' ? c : '-');
  while (!out.empty() && !IsAlnum(out.back())) out.pop_back();
  size_t start = 0;
  while (start < out.size() && !IsAlnum(out[start])) ++start;
  out.erase(0, start);
  return out.empty() ? "x" : out;
}

}  // namespace hudud::lists::ftm
