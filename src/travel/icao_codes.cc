// ICAO 9303 state and organisation codes (travel/icao_codes.h): a table of
// the codes ICAO adds to ISO 3166-1, and the ISO alpha-3 list itself, so that a
// code is recognised only if it is one (model::ResolveCountryCode also accepts
// names such as "UAE" or "KSA", which no document may carry).
#include "travel/icao_codes.h"

#include <algorithm>
#include <iterator>

#include "model/country.h"

namespace hudud::travel {
namespace {

struct SpecialCode {
  std::string_view code;
  std::string_view alpha3;
  std::string_view alpha2;
  IcaoCodeKind kind;
  std::string_view description;
};

// Doc 9303 Part 3, section 5 (codes beyond ISO 3166-1), plus the Kosovo
// codes in use and the withdrawn codes old documents still carry.
constexpr SpecialCode kSpecial[] = {
    {"D", "DEU", "DE", IcaoCodeKind::kState, "Germany"},
    {"GBD", "GBD", "GB", IcaoCodeKind::kBritishNational, "British Overseas Territories citizen"},
    {"GBN", "GBN", "GB", IcaoCodeKind::kBritishNational, "British National (Overseas)"},
    {"GBO", "GBO", "GB", IcaoCodeKind::kBritishNational, "British Overseas citizen"},
    {"GBP", "GBP", "GB", IcaoCodeKind::kBritishNational, "British protected person"},
    {"GBS", "GBS", "GB", IcaoCodeKind::kBritishNational, "British subject"},
    {"EUE", "EUE", "", IcaoCodeKind::kOrganization, "European Union"},
    {"UNO", "UNO", "", IcaoCodeKind::kOrganization, "United Nations Organization or its official"},
    {"UNA", "UNA", "", IcaoCodeKind::kOrganization, "Specialized agency of the United Nations"},
    {"UNK", "UNK", "", IcaoCodeKind::kOrganization, "Resident of Kosovo, document issued by UNMIK"},
    {"XBA", "XBA", "", IcaoCodeKind::kOrganization, "African Development Bank"},
    {"XIM", "XIM", "", IcaoCodeKind::kOrganization, "African Export-Import Bank"},
    {"XCC", "XCC", "", IcaoCodeKind::kOrganization, "Caribbean Community (CARICOM)"},
    {"XCE", "XCE", "", IcaoCodeKind::kOrganization, "Council of Europe"},
    {"XCO", "XCO", "", IcaoCodeKind::kOrganization,
     "Common Market for Eastern and Southern Africa (COMESA)"},
    {"XEC", "XEC", "", IcaoCodeKind::kOrganization,
     "Economic Community of West African States (ECOWAS)"},
    {"XPO", "XPO", "", IcaoCodeKind::kOrganization, "INTERPOL"},
    {"XES", "XES", "", IcaoCodeKind::kOrganization, "Organisation of Eastern Caribbean States"},
    {"XOM", "XOM", "", IcaoCodeKind::kOrganization, "Sovereign Military Order of Malta"},
    {"XDC", "XDC", "", IcaoCodeKind::kOrganization,
     "Southern African Development Community (SADC)"},
    {"XXA", "XXA", "", IcaoCodeKind::kNoNationality, "Stateless person (1954 Convention)"},
    {"XXB", "XXB", "", IcaoCodeKind::kNoNationality, "Refugee (1951 Convention, 1967 Protocol)"},
    {"XXC", "XXC", "", IcaoCodeKind::kNoNationality, "Refugee other than under XXB"},
    {"XXX", "XXX", "", IcaoCodeKind::kNoNationality, "Unspecified nationality"},
    // Kosovo has no ISO alpha-3 code; all three spellings join as RKS.
    {"RKS", "RKS", "XK", IcaoCodeKind::kState, "Kosovo (code not ICAO-endorsed)"},
    {"XXK", "RKS", "XK", IcaoCodeKind::kState, "Kosovo (EU temporary code)"},
    {"XKX", "RKS", "XK", IcaoCodeKind::kState, "Kosovo (user-assigned code)"},
    {"UTO", "UTO", "", IcaoCodeKind::kSpecimen, "Utopia (specimen documents only)"},
    {"ANT", "ANT", "", IcaoCodeKind::kDeprecated, "Netherlands Antilles (withdrawn)"},
    {"NTZ", "NTZ", "", IcaoCodeKind::kDeprecated, "Neutral Zone (withdrawn)"},
};

// ISO 3166-1 alpha-3, sorted for binary search.
constexpr std::string_view kIsoAlpha3[] = {
    "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF",
    "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS",
    "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF",
    "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM", "CPV",
    "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM", "DZA",
    "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM",
    "GAB", "GBR", "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD",
    "GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HMD", "HND", "HRV", "HTI", "HUN", "IDN", "IMN",
    "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ",
    "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE",
    "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX",
    "MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS",
    "MWI", "MYS", "MYT", "NAM", "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL",
    "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL", "PRI", "PRK",
    "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU", "SDN", "SEN", "SGP",
    "SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR",
    "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL",
    "TKM", "TLS", "TON", "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY",
    "USA", "UZB", "VAT", "VCT", "VEN", "VGB", "VIR", "VNM", "VUT", "WLF", "WSM", "YEM", "ZAF",
    "ZMB", "ZWE",
};

}  // namespace

std::string_view ToString(IcaoCodeKind kind) {
  switch (kind) {
    case IcaoCodeKind::kState:
      return "state";
    case IcaoCodeKind::kBritishNational:
      return "british-national";
    case IcaoCodeKind::kOrganization:
      return "organization";
    case IcaoCodeKind::kNoNationality:
      return "no-nationality";
    case IcaoCodeKind::kSpecimen:
      return "specimen";
    case IcaoCodeKind::kDeprecated:
      return "deprecated";
  }
  return "state";
}

std::string NormalizeIcaoCode(std::string_view raw) {
  auto filler = [](char c) { return c == '<' || c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!raw.empty() && filler(raw.front())) raw.remove_prefix(1);
  while (!raw.empty() && filler(raw.back())) raw.remove_suffix(1);
  std::string out(raw);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::optional<IcaoCode> LookupIcaoCode(std::string_view code) {
  const std::string key = NormalizeIcaoCode(code);
  for (const SpecialCode& s : kSpecial) {
    if (s.code == key) {
      return IcaoCode{key, std::string(s.alpha3), std::string(s.alpha2), s.kind,
                      std::string(s.description)};
    }
  }
  if (key.size() != 3 || !std::binary_search(std::begin(kIsoAlpha3), std::end(kIsoAlpha3), key)) {
    return std::nullopt;
  }
  std::string alpha2 = model::ResolveCountryCode(key);
  std::string name = model::CountryName(alpha2);
  return IcaoCode{key, key, std::move(alpha2), IcaoCodeKind::kState, std::move(name)};
}

std::string IcaoCodeToAlpha2(std::string_view code) {
  std::optional<IcaoCode> found = LookupIcaoCode(code);
  return found ? found->alpha2 : "";
}

}  // namespace hudud::travel
