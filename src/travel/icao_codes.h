// The state and organisation codes of ICAO Doc 9303 (issuing state,
// nationality): ISO 3166-1 alpha-3 plus the codes ICAO adds ("D" for Germany,
// British nationality classes, UN, EU and other organisations, stateless
// persons and refugees, Kosovo, the specimen state Utopia). Shared by the MRZ,
// PAXLST and PNRGOV readers so that all of them resolve codes the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hudud::travel {

enum class IcaoCodeKind : uint8_t {
  kState,            // an ISO 3166-1 alpha-3 state code, "D" (Germany), or Kosovo's RKS/XXK
  kBritishNational,  // GBD, GBN, GBO, GBP, GBS: a class of British nationality (country GB)
  kOrganization,     // EUE, UNO, UNA, UNK, XPO, XBA, ...: an issuing organisation, no state
  kNoNationality,    // XXA stateless, XXB and XXC refugees, XXX unspecified
  kSpecimen,         // UTO (Utopia): only on specimen documents
  kDeprecated,       // ANT, NTZ: withdrawn codes that old documents may still carry
};
std::string_view ToString(IcaoCodeKind kind);  // "state", "british-national", "organization", ...

struct IcaoCode {
  std::string code;    // normalised: upper case, fillers stripped ("D", "GBD", "DEU")
  std::string alpha3;  // canonical three-letter form for joins: "DEU" for "D", else `code`
  std::string alpha2;  // ISO 3166-1 alpha-2 of the state; "" when none (UNO, XXA, UTO)
  IcaoCodeKind kind = IcaoCodeKind::kState;
  std::string description;  // "Germany", "British Overseas Territories citizen", "INTERPOL"
};

// Upper-cases `raw` and strips fillers ('<') and whitespace at both ends:
// "D<<" -> "D", " gbr " -> "GBR". Characters inside are kept as they are.
std::string NormalizeIcaoCode(std::string_view raw);

// Looks up an ICAO 9303 code as it appears in a document or message, with or
// without fillers and in any case ("D<<", "deu", "XXA"). Returns nullopt for
// anything that is not an ISO alpha-3 code or one of ICAO's additional codes
// (two-letter ISO codes included: they are not ICAO codes; use
// model::ResolveCountryCode for those). Thread-safe.
std::optional<IcaoCode> LookupIcaoCode(std::string_view code);

// The ISO 3166-1 alpha-2 code of the state an ICAO code stands for ("D<<" ->
// "DE", "GBD" -> "GB", "IRQ" -> "IQ", "RKS" -> "XK"); "" when the code names
// no state (UNO, XXA, UTO) or is unknown.
std::string IcaoCodeToAlpha2(std::string_view code);

}  // namespace hudud::travel
