// travel_bench: the traveller benchmark (issue: travellers). Against the real
// UN and OFAC lists it measures, end to end from message bytes to decisions:
//   - a 500-passenger PAXLST parsed and every traveller screened (target 50 ms)
//   - a 1,000-traveller PNRGOV push parsed and screened (target 100 ms)
//   - one MRZ parsed, checked and its holder screened (target 1 ms)
// The messages are generated: travellers from the bundled name tables
// (romanised and upper-cased as carriers send them) with a share of disguised
// listed names, written in real EDIFACT. See docs/BENCHMARKS.md.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench_util.h"
#include "lists/list_file.h"
#include "query_generator.h"
#include "targeting/booth.h"
#include "targeting/flight_screening.h"
#include "text/normalize.h"
#include "text/romanize.h"
#include "travel/mrz.h"
#include "travel/passenger_message.h"
#include "watchlist_generator.h"

namespace hudud::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

struct Person {
  std::string surname;
  std::vector<std::string> given;
  model::PartialDate dob;
  std::string nationality;  // alpha-3
  char sex = 'M';
};

// Carrier style: folded, romanised, upper-case ASCII words.
std::vector<std::string> CarrierWords(const std::string& name) {
  std::vector<std::string> out;
  for (const std::string& w : text::SplitWords(text::FoldText(name))) {
    std::string latin = text::Romanize(w).latin;
    for (char& c : latin) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!latin.empty()) out.push_back(latin);
  }
  return out;
}

std::vector<Person> MakePeople(const NameData& names, const Watchlist& listed, size_t n,
                               double positive_share, uint64_t seed) {
  WatchlistOptions wo;
  wo.entities = n;
  wo.seed = seed;
  wo.organization_share = 0;
  Watchlist population = GenerateWatchlist(names, wo);
  QuerySetOptions qo;
  qo.queries = std::max<size_t>(1, static_cast<size_t>(static_cast<double>(n) * positive_share));
  qo.negative_share = 0;
  qo.seed = seed + 1;
  std::vector<BenchQuery> positives = GenerateQueries(names, listed, qo);
  static const char* kNat[] = {"TJK", "IRQ", "SYR", "KWT", "GBR", "RUS", "IRN", "EGY",
                               "PAK", "TUR", "FRA", "MAR", "UZB", "SAU", "DEU", "NGA"};
  std::mt19937_64 rng(seed);
  std::vector<Person> people;
  for (size_t i = 0; i < n; ++i) {
    std::string name;
    std::optional<model::PartialDate> dob;
    if (i < positives.size() && !positives[i].query.names.empty()) {
      name = positives[i].query.names[0];
      dob = positives[i].query.dob;
    } else {
      const model::Entity& e = population.entities[i];
      name = e.names.empty() ? "" : e.names[0].full;
      if (!e.dates_of_birth.empty()) dob = e.dates_of_birth[0].from;
    }
    std::vector<std::string> words = CarrierWords(name);
    if (words.empty()) words = {"UNKNOWN"};
    Person p;
    p.surname = words.back();
    words.pop_back();
    p.given = words.empty() ? std::vector<std::string>{"X"} : words;
    p.dob = dob && dob->full() ? *dob
                               : model::PartialDate{static_cast<int16_t>(1950 + rng() % 55),
                                                    static_cast<int8_t>(1 + rng() % 12),
                                                    static_cast<int8_t>(1 + rng() % 28)};
    p.nationality = kNat[rng() % 16];
    p.sex = rng() % 2 ? 'M' : 'F';
    people.push_back(std::move(p));
  }
  std::shuffle(people.begin(), people.end(), rng);
  return people;
}

std::string Two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v % 100);
  return b;
}

std::string YyMmDd(const model::PartialDate& d) { return Two(d.year) + Two(d.month) + Two(d.day); }

std::string Paxlst(const std::vector<Person>& people) {
  std::string s =
      "UNA:+.? '\nUNB+UNOA:4+XXAIR:ZZ+KWTAPIS:ZZ+241104:0930+000000123++APIS'\n"
      "UNG+PAXLST+XXAIR+KWTAPIS+241104:0930+123+UN+D:05B'\n"
      "UNH+1+PAXLST:D:05B:UN:IATA+XX101/041124/1200+01:F'\nBGM+745'\nRFF+TN:XX1011104:::1'\n"
      "NAD+MS+++XX AIR OPS'\nCOM+965 1234567:TE'\nTDT+20+XX101+++XX'\nLOC+125+DYU'\n"
      "DTM+189:2411041200:201'\nLOC+87+KWI'\nDTM+232:2411041530:201'\n";
  int segments = 11;
  int n = 0;
  for (const Person& p : people) {
    ++n;
    std::string given;
    for (size_t i = 0; i < p.given.size() && i < 2; ++i) given += ":" + p.given[i];
    s += "NAD+FL+++" + p.surname + given + "'\n";
    s += std::string("ATT+2++") + p.sex + "'\n";
    s += "DTM+329:" + YyMmDd(p.dob) + "'\n";
    s += "LOC+178+DYU'\nLOC+179+KWI'\nNAT+2+" + p.nationality + "'\n";
    s += "RFF+AVF:BK" + std::to_string(100000 + n / 2) + "'\n";
    s += "DOC+P:110:111+P" + std::to_string(40000000 + n) + "'\nDTM+36:300101'\nLOC+91+" +
         p.nationality + "'\n";
    segments += 11;
  }
  s += "CNT+42:" + std::to_string(people.size()) + "'\n";
  segments += 2;
  s += "UNT+" + std::to_string(segments) + "+1'\nUNE+1+123'\nUNZ+1+000000123'\n";
  return s;
}

std::string DdMmmYy(const model::PartialDate& d) {
  static const char* kMon[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                               "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  return Two(d.day) + kMon[(d.month + 11) % 12] + Two(d.year);
}

std::string Pnrgov(const std::vector<Person>& people, std::mt19937_64& rng) {
  std::string s =
      "UNA:+.?*'\nUNB+IATA:1+XX+KWTPNR+241102:0649+1++PNRGOV'\n"
      "UNH+1+PNRGOV:11:1:IA+041124/0649/XX/101+01:F'\nMSG+:22'\nORG+XX:DYU'\n"
      "TVL+041124:1200:041124:1530+DYU+KWI+XX+101'\n";
  size_t bookings = 0;
  std::string body;
  for (size_t i = 0; i < people.size();) {
    const size_t party = std::min<size_t>(1 + rng() % 4, people.size() - i);
    ++bookings;
    const std::string loc = "L" + std::to_string(100000 + bookings);
    body += "SRC'\nRCI+XX:" + loc + "::011024:1015'\nDAT+700:011024:1016'\n";
    body += "ORG+XX:DYU+12345678:DYUXX0001+DYU+XX:DYU+A+TJ+AGENT'\n";
    for (size_t k = 0; k < party; ++k, ++i) {
      const Person& p = people[i];
      std::string given;
      for (const auto& g : p.given) given += (given.empty() ? "" : " ") + g;
      body += "TIF+" + p.surname + "+" + given + (p.sex == 'M' ? " MR" : " MRS") +
              ":A:" + std::to_string(k + 1) + "'\n";
      // DOCS carries surname / given / middle, as AIRIMP has it.
      body += "SSR+DOCS:HK:1:XX:::::/P/" + p.nationality + "/P" + std::to_string(50000000 + i) +
              "/" + p.nationality + "/" + DdMmmYy(p.dob) + "/" + p.sex + "/01JAN30/" + p.surname +
              "/" + (p.given.empty() ? "" : p.given[0]) +
              (p.given.size() > 1 ? "/" + p.given[1] : "") + "+::" + std::to_string(k + 1) + "'\n";
      body += "TKT+1234567890" + std::to_string(100 + i) + ":T:1'\n";
      body += rng() % 5 == 0 ? "FOP+CA:::800.00'\n" : "FOP+CC::800.00:VI:XXXXXXXXXXXX1111:0127'\n";
    }
    body += "TVL+041124:1200:041124:1530+DYU+KWI+XX+101:Y'\nRPI+1+HK'\n";
    if (rng() % 2) body += "TVL+141124:1700:141124:1930+KWI+DYU+XX+102:Y'\nRPI+1+HK'\n";
  }
  s += "EQN+" + std::to_string(bookings) + "'\n" + body;
  const size_t segs = static_cast<size_t>(std::count(s.begin(), s.end(), '\n')) - 2 + 1;
  s += "UNT+" + std::to_string(segs) + "+1'\nUNZ+1+1'\n";
  return s;
}

std::vector<std::string> Mrz(const Person& p, int i) {
  std::string name = p.surname + "<<";
  for (size_t k = 0; k < p.given.size(); ++k) name += (k ? "<" : "") + p.given[k];
  std::string l1 = "P<" + p.nationality + name;
  l1.resize(44, '<');
  std::string num = "M" + std::to_string(10000000 + i);
  num.resize(9, '<');
  const std::string dob = YyMmDd(p.dob), exp = "300101";
  std::string l2 = num + travel::MrzCheckDigit(num) + p.nationality + dob +
                   travel::MrzCheckDigit(dob) + p.sex + exp + travel::MrzCheckDigit(exp) +
                   std::string(14, '<') + '<';
  l2 += travel::MrzCheckDigit(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22));
  return {l1, l2};
}

struct Timing {
  std::vector<double> ms;
  size_t referred = 0, travellers = 0;
};

void Report(const char* what, Timing& t, double target_ms) {
  const double p50 = Percentile(t.ms, 0.5), p90 = Percentile(t.ms, 0.9);
  std::printf(
      "%-34s median %8.3f ms  p90 %8.3f ms  (target %g ms: %s)  travellers %zu, referred %zu\n",
      what, p50, p90, target_ms, p50 <= target_ms ? "met" : "MISSED", t.travellers, t.referred);
}

int Run(int argc, char** argv) {
  CLI::App app{"travel_bench: PAXLST, PNRGOV and MRZ screened against UN + OFAC"};
  int runs = 21, threads = 0, mrz_runs = 2000;
  double positive_share = 0.01;
  std::string data_dir = DefaultDataDir();
  app.add_option("--runs", runs, "Timed runs per message")->capture_default_str();
  app.add_option("--mrz", mrz_runs, "MRZs screened")->capture_default_str();
  app.add_option("--threads", threads, "Screening threads (0 = cores)")->capture_default_str();
  app.add_option("--positive-share", positive_share, "Share of disguised listed travellers")
      ->capture_default_str();
  app.add_option("--data", data_dir, "Directory with lists/ and names/")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto t0 = Clock::now();
  std::vector<model::Entity> entities;
  for (const auto& [path, format] : std::vector<std::pair<std::string, std::string>>{
           {data_dir + "/lists/un-consolidated-2026-02-27.xml", "un-xml"},
           {data_dir + "/lists/ofac-2025/sdn.csv", "ofac-csv"}}) {
    Result<lists::ParsedList> l = lists::ReadListFile(path, format);
    if (!l.ok()) return std::fprintf(stderr, "%s\n", l.status().message().c_str()), 1;
    for (auto& e : l->entities) entities.push_back(std::move(e));
  }
  Watchlist listed;
  listed.entities = entities;
  listed.persons.resize(listed.entities.size());
  Result<std::unique_ptr<match::Screener>> screener = match::Screener::Build(std::move(entities));
  if (!screener.ok()) return std::fprintf(stderr, "%s\n", screener.status().message().c_str()), 1;
  std::printf("lists: %zu entries (UN + OFAC), index built in %.0f ms\n", (*screener)->size(),
              Ms(t0, Clock::now()));

  Result<std::shared_ptr<const NameData>> names = NameData::Load(data_dir);
  if (!names.ok()) return std::fprintf(stderr, "%s\n", names.status().message().c_str()), 1;
  // Every timed run screens a different flight: replaying one flight would
  // measure the screener's per-thread token memos, not screening.
  std::mt19937_64 rng(3);
  const size_t flights = static_cast<size_t>(std::max(1, runs));
  std::vector<Person> pax_people = MakePeople(**names, listed, 500 * flights, positive_share, 11);
  std::vector<Person> pnr_people = MakePeople(**names, listed, 1000 * flights, positive_share, 12);
  std::vector<std::string> paxlst, pnrgov;
  for (size_t f = 0; f < flights; ++f) {
    paxlst.push_back(Paxlst({pax_people.begin() + static_cast<long>(500 * f),
                             pax_people.begin() + static_cast<long>(500 * (f + 1))}));
    pnrgov.push_back(Pnrgov({pnr_people.begin() + static_cast<long>(1000 * f),
                             pnr_people.begin() + static_cast<long>(1000 * (f + 1))},
                            rng));
  }
  std::printf(
      "messages: %zu PAXLST of 500 passengers (%zu bytes each), %zu PNRGOV of 1000 "
      "travellers (%zu bytes each)\n",
      flights, paxlst[0].size(), flights, pnrgov[0].size());

  targeting::ReportedDocumentIndex reported({{"P40000017", "TJK", "P", "stolen", "bench", ""},
                                             {"P50000042", "IRQ", "P", "lost", "bench", ""}});
  std::vector<targeting::TargetingRule> rules;
  for (const char* text : {"age between 18 and 30 and booking.one_way and payment.cash",
                           "flight.origin in (DYU, IST) and bags.count = 0 and age < 40"}) {
    Result<travel::RuleExpression> e = travel::RuleExpression::Parse(text);
    if (!e.ok()) return std::fprintf(stderr, "rule: %s\n", e.status().message().c_str()), 1;
    rules.push_back({"bench", 1, std::move(*e)});
  }
  targeting::ScreeningOptions options;
  options.threads = threads;
  options.today = {2024, 11, 1};
  travel::ParseOptions parse_options;
  parse_options.today = {2024, 11, 1};

  for (const auto& [label, messages, target] :
       std::vector<std::tuple<const char*, const std::vector<std::string>*, double>>{
           {"PAXLST 500 passengers", &paxlst, 50.0}, {"PNRGOV 1000 travellers", &pnrgov, 100.0}}) {
    Timing t;
    std::vector<double> parse_ms;
    for (const std::string& bytes : *messages) {
      auto a = Clock::now();
      Result<travel::Manifest> m = travel::ParsePassengerMessage(bytes, "auto", parse_options);
      if (!m.ok()) return std::fprintf(stderr, "%s: %s\n", label, m.status().message().c_str()), 1;
      auto b = Clock::now();
      Result<targeting::FlightScreening> s =
          targeting::ScreenFlight(*m, **screener, reported, rules, options);
      if (!s.ok()) return std::fprintf(stderr, "%s\n", s.status().message().c_str()), 1;
      auto c = Clock::now();
      parse_ms.push_back(Ms(a, b));
      t.ms.push_back(Ms(a, c));
      t.referred = s->referred;
      t.travellers = m->travellers.size();
    }
    Report(label, t, target);
    std::printf("%-34s parse median %.3f ms\n", "", Percentile(parse_ms, 0.5));
  }

  std::vector<Person> holders =
      MakePeople(**names, listed, static_cast<size_t>(mrz_runs), positive_share, 13);
  Timing t;
  for (int i = 0; i < mrz_runs; ++i) {
    const std::vector<std::string> lines = Mrz(holders[static_cast<size_t>(i)], i);
    auto a = Clock::now();
    Result<travel::Mrz> mrz = travel::ParseMrz(lines, options.today);
    if (!mrz.ok()) return std::fprintf(stderr, "mrz: %s\n", mrz.status().message().c_str()), 1;
    Result<targeting::BoothScreening> b =
        targeting::ScreenMrz(*mrz, screener->get(), reported, options);
    if (!b.ok()) return std::fprintf(stderr, "%s\n", b.status().message().c_str()), 1;
    t.ms.push_back(Ms(a, Clock::now()));
    t.referred += b->decision == targeting::Decision::kRefer;
    ++t.travellers;
  }
  Report("MRZ parse+check+screen (one)", t, 1.0);
  std::printf("%-34s p99 %.3f ms\n", "", Percentile(t.ms, 0.99));
  return 0;
}

}  // namespace
}  // namespace hudud::bench

int main(int argc, char** argv) { return hudud::bench::Run(argc, argv); }
