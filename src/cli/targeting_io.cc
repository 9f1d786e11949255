// Shared loading and rendering for the traveller commands (cli/targeting_io.h).
#include "cli/targeting_io.h"

#include "cli/cli_util.h"

namespace hudud::cli {

Result<std::string> ReadMessageFiles(const std::vector<std::string>& paths) {
  std::string all;
  for (const std::string& path : paths) {
    std::string bytes;
    HUDUD_RETURN_IF_ERROR(ReadAll(path, &bytes));
    if (!all.empty()) all += '\n';
    all += bytes;
  }
  return all;
}

std::string DepartureDate(const travel::Manifest& m) {
  if (m.flights.empty()) return "";
  return m.flights.front().departure.date.ToString();
}

std::string DescribeFlight(const travel::Manifest& m) {
  if (m.flights.empty()) return "";
  const travel::FlightLeg& first = m.flights.front();
  const travel::FlightLeg& last = m.flights.back();
  std::string out = first.Id();
  if (!first.origin.empty() || !last.destination.empty()) {
    out += " " + first.origin + "-" + last.destination;
  }
  if (!first.departure.date.empty()) out += " " + first.departure.date.ToString();
  return out;
}

Json ReasonJson(const targeting::Reason& r) {
  return Json{{"code", r.code}, {"detail", r.detail}, {"refer", r.refer}};
}

Json DocumentJson(const travel::TravelDocument& d) {
  Json j = Json::object();
  j["type"] = d.type;
  j["number"] = d.number;
  j["issuing_country"] = d.issuing_country;
  if (!d.expiry.raw.empty())
    j["expiry"] = d.expiry.empty() ? d.expiry.raw : d.expiry.date.ToString();
  if (!d.issued.raw.empty())
    j["issued"] = d.issued.empty() ? d.issued.raw : d.issued.date.ToString();
  if (!d.holder.empty()) j["holder"] = d.holder.Full();
  return j;
}

Json FlightJson(const travel::FlightLeg& f) {
  Json j = Json::object();
  j["flight"] = f.Id();
  j["carrier"] = f.carrier;
  j["number"] = f.number;
  if (!f.operating_carrier.empty() || !f.operating_number.empty()) {
    j["operating"] = f.operating_carrier + f.operating_number;
  }
  j["origin"] = f.origin;
  j["destination"] = f.destination;
  auto when = [](const travel::DateTime& d) -> Json {
    if (d.raw.empty()) return nullptr;
    if (d.empty()) return d.raw;
    std::string s = d.date.ToString();
    if (d.minutes >= 0) {
      char hm[32];
      std::snprintf(hm, sizeof hm, "T%02d:%02d", d.minutes / 60, d.minutes % 60);
      s += hm;
    }
    return s;
  };
  j["departure"] = when(f.departure);
  j["arrival"] = when(f.arrival);
  return j;
}

Json FindingJson(const travel::Finding& f) {
  return Json{{"segment", f.segment}, {"field", f.field}, {"message", f.message}};
}

void AppendReasonsText(const std::vector<targeting::Reason>& reasons, const std::string& indent,
                       std::string* out) {
  for (const targeting::Reason& r : reasons) {
    *out += indent + (r.refer ? "! " : "- ") + r.code + ": " + r.detail + "\n";
  }
}

}  // namespace hudud::cli
