// Query sets with known truth: disguised listed names and verified
// non-listed namesakes. See query_generator.h.
#include "query_generator.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

namespace hudud::bench {
namespace {

using model::NamePartRole;

uint64_t Hash(const std::string& s) {
  // FNV-1a, 64 bit: stable across runs and platforms.
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

bool Chance(std::mt19937_64& rng, double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

std::string LowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string UpperAscii(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool IsAscii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Copies the capitalisation pattern (first letter, all-caps) of `like`.
std::string Recase(std::string s, const std::string& like) {
  if (like.size() > 1 && UpperAscii(like) == like) return UpperAscii(s);
  if (!s.empty() && !like.empty() && like[0] >= 'A' && like[0] <= 'Z' && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

bool Vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool IsLegalForm(const std::string& w);
std::vector<std::string> Words(const std::string& s);

// Sorted hash sets built once over the list.
struct ListIndex {
  std::vector<std::pair<uint64_t, uint32_t>> name_key;  // NameKey hash -> entity
  std::vector<uint64_t> skeleton_key;                   // SkeletonKey hashes
  std::vector<uint64_t> pairs;                          // skeleton token pairs

  static uint64_t PairHash(const std::string& a, const std::string& b) {
    return a < b ? Hash(a + "|" + b) : Hash(b + "|" + a);
  }

  void Build(const Watchlist& list) {
    for (size_t i = 0; i < list.entities.size(); ++i) {
      for (const model::Name& n : list.entities[i].names) {
        if (n.kind == model::NameKind::kLowAlias) continue;
        name_key.push_back({Hash(NameKey(n.full)), static_cast<uint32_t>(i)});
        const std::string sk = SkeletonKey(n.full);
        skeleton_key.push_back(Hash(sk));
        std::vector<std::string> toks;
        size_t b = 0;
        while (b <= sk.size()) {
          size_t e = sk.find(' ', b);
          if (e == std::string::npos) e = sk.size();
          if (e > b) toks.push_back(sk.substr(b, e - b));
          b = e + 1;
        }
        if (toks.size() > 8) continue;
        for (size_t x = 0; x < toks.size(); ++x)
          for (size_t y = x + 1; y < toks.size(); ++y) pairs.push_back(PairHash(toks[x], toks[y]));
      }
    }
    std::sort(name_key.begin(), name_key.end());
    std::sort(skeleton_key.begin(), skeleton_key.end());
    skeleton_key.erase(std::unique(skeleton_key.begin(), skeleton_key.end()), skeleton_key.end());
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  }

  // Persons by the tokens of their name as drawn from the tables (spelling
  // independent: "Hossein Mousavi" and "Hussein Moosavi" share them), and
  // organisations by their name without the legal form.
  std::unordered_map<std::string, std::vector<uint32_t>> token_postings;
  std::vector<std::pair<uint64_t, uint32_t>> org_core;

  // The keys under which a token is known: its original-script form and each
  // of its spellings. Two tokens sharing any key are the same name.
  static std::vector<std::string> TokenKeys(const NameForm& f) {
    std::vector<std::string> k;
    if (!f.local.empty()) k.push_back("L:" + f.local);
    k.push_back("R:" + LowerAscii(f.latin));
    for (const std::string& v : f.variants) k.push_back("R:" + LowerAscii(v));
    return k;
  }

  static std::string OrgCore(const std::string& name);

  void BuildCanonical(const Watchlist& list) {
    for (size_t i = 0; i < list.entities.size(); ++i) {
      const GeneratedPerson& gp = list.persons[i];
      if (gp.tokens.empty()) {
        for (const model::Name& n : list.entities[i].names)
          org_core.push_back({Hash(OrgCore(n.full)), static_cast<uint32_t>(i)});
        continue;
      }
      std::set<std::string> seen;
      for (const NameForm& f : gp.tokens)
        for (const std::string& key : TokenKeys(f))
          if (seen.insert(key).second) token_postings[key].push_back(static_cast<uint32_t>(i));
    }
    std::sort(org_core.begin(), org_core.end());
  }

  // Persons whose name contains all of `tokens` in any spelling or script: a
  // query made of these tokens fits them as well as the source.
  void Compatible(const std::vector<NameForm>& tokens, std::set<uint32_t>* out) const {
    std::vector<std::vector<uint32_t>> lists;
    for (const NameForm& f : tokens) {
      std::vector<uint32_t> any;
      for (const std::string& key : TokenKeys(f)) {
        auto it = token_postings.find(key);
        if (it == token_postings.end()) continue;
        std::vector<uint32_t> merged;
        std::set_union(any.begin(), any.end(), it->second.begin(), it->second.end(),
                       std::back_inserter(merged));
        any.swap(merged);
      }
      if (any.empty()) return;
      lists.push_back(std::move(any));
    }
    if (lists.empty()) return;
    std::sort(lists.begin(), lists.end(),
              [](const auto& a, const auto& b) { return a.size() < b.size(); });
    std::vector<uint32_t> cur = lists[0];
    for (size_t k = 1; k < lists.size() && !cur.empty(); ++k) {
      std::vector<uint32_t> next;
      std::set_intersection(cur.begin(), cur.end(), lists[k].begin(), lists[k].end(),
                            std::back_inserter(next));
      cur.swap(next);
    }
    out->insert(cur.begin(), cur.end());
  }

  void SameOrganization(const std::string& name, std::set<uint32_t>* out) const {
    const uint64_t h = Hash(OrgCore(name));
    auto it = std::lower_bound(org_core.begin(), org_core.end(), std::make_pair(h, uint32_t{0}));
    for (; it != org_core.end() && it->first == h; ++it) out->insert(it->second);
  }

  void Namesakes(const std::string& name, std::set<uint32_t>* out) const {
    const uint64_t h = Hash(NameKey(name));
    auto it = std::lower_bound(name_key.begin(), name_key.end(), std::make_pair(h, uint32_t{0}));
    for (; it != name_key.end() && it->first == h; ++it) out->insert(it->second);
  }

  // True when a name like this (same tokens, same skeletons, or the same
  // given/family pair) is listed.
  bool Listed(const std::string& name, const std::string& given, const std::string& family) const {
    if (std::binary_search(skeleton_key.begin(), skeleton_key.end(), Hash(SkeletonKey(name))))
      return true;
    std::set<uint32_t> same;
    Namesakes(name, &same);
    if (!same.empty()) return true;
    if (!given.empty() && !family.empty()) {
      const std::string g = SkeletonKey(given), f = SkeletonKey(family);
      if (std::binary_search(pairs.begin(), pairs.end(), PairHash(g, f))) return true;
    }
    return false;
  }
};

std::string ListIndex::OrgCore(const std::string& name) {
  std::vector<std::string> w = Words(name);
  std::vector<std::string> core;
  for (const std::string& x : w)
    if (!IsLegalForm(x)) core.push_back(x);
  return NameKey(JoinName(core));
}

// The Latin tokens of a generated person's primary name with their particles.
std::vector<std::string> LatinTokens(const GeneratedPerson& p) {
  std::vector<std::string> out;
  for (size_t i = 0; i < p.tokens.size(); ++i) {
    const std::string& part = p.particles[i];
    std::string w = p.tokens[i].latin;
    if (!part.empty()) w = part.back() == '-' ? part + w : part + " " + w;
    out.push_back(w);
  }
  return out;
}

const char* KeyboardNeighbours(char c) {
  static const std::map<char, const char*> k = {
      {'q', "wa"},  {'w', "qes"}, {'e', "wrd"}, {'r', "etf"}, {'t', "ryg"}, {'y', "tuh"},
      {'u', "yij"}, {'i', "uok"}, {'o', "ipl"}, {'p', "ol"},  {'a', "qsz"}, {'s', "adw"},
      {'d', "sfe"}, {'f', "dgr"}, {'g', "fht"}, {'h', "gjy"}, {'j', "hku"}, {'k', "jli"},
      {'l', "ko"},  {'z', "xa"},  {'x', "zcs"}, {'c', "xvd"}, {'v', "cbf"}, {'b', "vng"},
      {'n', "bmh"}, {'m', "nj"}};
  auto it = k.find(static_cast<char>(c | 0x20));
  return it == k.end() ? "e" : it->second;
}

std::string ApplyTypo(std::string s, std::mt19937_64& rng) {
  if (s.size() < 3) return s;
  const size_t pos = 1 + rng() % (s.size() - 1);  // keep the first letter
  const bool upper = s[pos] >= 'A' && s[pos] <= 'Z';
  auto neighbour = [&](char c) {
    const char* n = KeyboardNeighbours(c);
    char r = n[rng() % std::char_traits<char>::length(n)];
    return upper ? static_cast<char>(r - 'a' + 'A') : r;
  };
  switch (rng() % 4) {
    case 0:
      s[pos] = neighbour(s[pos]);
      break;
    case 1:
      s.erase(pos, 1);
      break;
    case 2:
      s.insert(pos, 1, rng() % 2 ? s[pos] : neighbour(s[pos]));
      break;
    default:
      if (pos + 1 < s.size()) {
        std::swap(s[pos], s[pos + 1]);
      } else {
        s.erase(pos, 1);
      }
      break;
  }
  return s;
}

bool IsLegalForm(const std::string& w) {
  static const std::set<std::string> k = {
      "llc", "ltd",  "limited", "plc",     "gmbh", "ag", "inc", "corp", "sarl", "sa", "sas",
      "fze", "fzco", "co",      "company", "jsc",  "sl", "cv",  "de",   "kg",   "as", "sti"};
  std::string l;
  for (char c : LowerAscii(w))
    if (c != '.' && c != ',') l += c;
  return k.count(l) > 0;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> w;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(' ', b);
    if (e == std::string::npos) e = s.size();
    if (e > b) w.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return w;
}

// Legal form dropped or changed, or the Russian form spelled otherwise.
std::string OrgVariant(const std::string& name, std::mt19937_64& rng) {
  static const std::vector<std::string> kForms = {"LLC",     "Ltd",  "Limited", "Co.",
                                                  "Company", "Inc.", "GmbH",    "Trading Co."};
  for (const char* lead : {"Limited Liability Company \"", "Joint Stock Company \""}) {
    const std::string l = lead;
    if (name.rfind(l, 0) == 0 && name.back() == '"') {
      std::string core = name.substr(l.size(), name.size() - l.size() - 1);
      const bool llc = l[0] == 'L';
      switch (rng() % 3) {
        case 0:
          return core + (llc ? " LLC" : " JSC");
        case 1:
          return (llc ? "OOO " : "AO ") + core;
        default:
          return (llc ? "LLC \"" : "JSC \"") + core + "\"";
      }
    }
  }
  std::vector<std::string> w = Words(name);
  size_t n = w.size();
  while (n > 1 && IsLegalForm(w[n - 1])) --n;
  if (n == w.size() || n == 0) {
    // No legal form: add one.
    return name + " " + kForms[rng() % kForms.size()];
  }
  std::vector<std::string> core(w.begin(), w.begin() + n);
  if (Chance(rng, 0.5) || core.size() < 2) core.push_back(kForms[rng() % kForms.size()]);
  return JoinName(core);
}

// Arabic particle games on a person's Latin tokens; "" if none applies.
std::string ParticleVariant(const GeneratedPerson& p, std::mt19937_64& rng) {
  std::vector<std::function<std::string()>> ops;
  std::vector<std::string> base = LatinTokens(p);
  const size_t last = p.tokens.size() - 1;
  if (!p.particles[last].empty()) {
    ops.push_back([&] {  // al-Tamimi -> Tamimi / el Tamimi / Altamimi
      std::vector<std::string> t = base;
      const std::string& w = p.tokens[last].latin;
      switch (rng() % 3) {
        case 0:
          t[last] = w;
          break;
        case 1:
          t[last] = (p.particles[last] == "al-" ? "el " : "al ") + w;
          break;
        default:
          t[last] = "Al" + LowerAscii(w);
          break;
      }
      return JoinName(t);
    });
  } else if (p.tokens[last].article) {
    ops.push_back([&] {
      std::vector<std::string> t = base;
      t[last] = (Chance(rng, 0.5) ? "al-" : "Al ") + p.tokens[last].latin;
      return JoinName(t);
    });
  }
  if (p.tokens.size() >= 3 && static_cast<NamePartRole>(p.roles[1]) == NamePartRole::kPatronymic) {
    ops.push_back([&] {  // bin added or removed
      std::vector<std::string> t = base;
      if (p.particles[1].empty()) {
        t[1] = (Chance(rng, 0.5) ? "bin " : "ibn ") + p.tokens[1].latin;
      } else {
        t[1] = p.tokens[1].latin;
      }
      return JoinName(t);
    });
  }
  for (size_t i = 0; i < p.tokens.size(); ++i) {
    const std::string& w = p.tokens[i].latin;
    if (w.size() > 6 && (w.rfind("Abdul", 0) == 0 || w.rfind("Abdel", 0) == 0 ||
                         w.rfind("Abdur", 0) == 0 || w.rfind("Abdal", 0) == 0)) {
      ops.push_back([&, i] {  // Abdulrahman -> Abdul Rahman / Abd al-Rahman
        std::vector<std::string> t = base;
        std::string rest = p.tokens[i].latin.substr(5);
        if (rest[0] == ' ') rest.erase(0, 1);
        if (rest.empty()) return std::string();
        rest[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rest[0])));
        switch (rng() % 3) {
          case 0:
            t[i] = "Abdul " + rest;
            break;
          case 1:
            t[i] = "Abd al-" + rest;
            break;
          default:
            t[i] = "Abdel " + rest;
            break;
        }
        return JoinName(t);
      });
    }
    if (w.find(' ') != std::string::npos && w.rfind("Abd", 0) == 0) {
      ops.push_back([&, i] {  // Abdul Rahman -> Abdulrahman
        std::vector<std::string> t = base;
        std::string joined;
        for (char c : p.tokens[i].latin)
          if (c != ' ') joined += c;
        t[i] = Recase(LowerAscii(joined), "A");
        return JoinName(t);
      });
    }
  }
  if (ops.empty()) return "";
  return ops[rng() % ops.size()]();
}

}  // namespace

std::string_view ToString(VariantClass c) {
  switch (c) {
    case VariantClass::kExact:
      return "exact";
    case VariantClass::kTranslit:
      return "translit";
    case VariantClass::kTypo:
      return "typo";
    case VariantClass::kDroppedToken:
      return "dropped_token";
    case VariantClass::kReordered:
      return "reordered";
    case VariantClass::kParticle:
      return "particle";
    case VariantClass::kCrossScript:
      return "cross_script";
    case VariantClass::kOrgVariant:
      return "org_variant";
    case VariantClass::kNegSameForename:
      return "neg_same_forename";
    case VariantClass::kNegCommonName:
      return "neg_common_name";
    case VariantClass::kNegOrganization:
      return "neg_organization";
    case VariantClass::kCount:
      break;
  }
  return "?";
}

std::string TranslitVariant(const std::string& token, std::mt19937_64& rng) {
  struct Rule {
    const char* from;
    const char* to;
    bool interior;  // not at the start of the word
  };
  static const Rule kRules[] = {
      {"ou", "u", false}, {"u", "ou", true},   {"kh", "h", false},  {"kh", "k", false},
      {"ss", "s", true},  {"mm", "m", true},   {"ll", "l", true},   {"dd", "d", true},
      {"nn", "n", true},  {"tt", "t", true},   {"rr", "r", true},   {"y", "i", false},
      {"i", "y", true},   {"j", "dzh", false}, {"dzh", "j", false}, {"zh", "j", false},
      {"ph", "f", false}, {"e", "i", true},    {"i", "e", true},    {"o", "u", false},
      {"u", "o", true},   {"a", "e", true},    {"e", "a", true},    {"ei", "ey", true},
      {"ai", "ay", true}, {"ya", "ia", false}, {"yu", "iu", false}, {"ks", "x", true},
      {"x", "ks", true},  {"q", "k", false},   {"w", "v", false},   {"v", "w", false},
      {"ts", "tz", true}, {"sh", "ch", false}, {"ch", "sh", false}, {"ie", "iye", true},
  };
  const std::string low = LowerAscii(token);
  struct Site {
    size_t pos;
    const Rule* rule;
  };
  std::vector<Site> sites;
  for (const Rule& r : kRules) {
    const std::string from = r.from;
    for (size_t p = low.find(from); p != std::string::npos; p = low.find(from, p + 1)) {
      if (r.interior && p == 0) continue;
      sites.push_back({p, &r});
    }
  }
  // Doubling a single consonant between vowels ("Hasan" -> "Hassan").
  for (size_t p = 1; p + 1 < low.size(); ++p) {
    if (!Vowel(low[p]) && low[p] != 'h' && low[p] != 'y' && Vowel(low[p - 1]) && Vowel(low[p + 1]))
      sites.push_back({p, nullptr});
  }
  if (sites.empty()) return token;
  const Site& s = sites[rng() % sites.size()];
  std::string out = low;
  if (s.rule == nullptr) {
    out.insert(s.pos, 1, low[s.pos]);
  } else {
    out.replace(s.pos, std::char_traits<char>::length(s.rule->from), s.rule->to);
  }
  return Recase(out, token);
}

std::string Typo(const std::string& token, std::mt19937_64& rng) { return ApplyTypo(token, rng); }

std::vector<BenchQuery> GenerateQueries(const NameData& data, const Watchlist& list,
                                        const QuerySetOptions& options) {
  std::vector<BenchQuery> out;
  if (list.entities.empty()) return out;
  std::mt19937_64 rng(options.seed * 0x9E3779B97F4A7C15ULL + 99);
  ListIndex index;
  index.Build(list);
  index.BuildCanonical(list);
  const auto& countries = data.countries();
  std::vector<double> weights;
  for (const CountryPool& p : countries) weights.push_back(p.weight);
  std::discrete_distribution<size_t> pick_country(weights.begin(), weights.end());
  std::unordered_map<const void*, ZipfPicker> zipf_cache;
  auto zipf_pick = [&](const std::vector<NameForm>& pool, bool uniform) -> const NameForm& {
    if (uniform) return pool[rng() % pool.size()];
    auto it = zipf_cache.find(&pool);
    if (it == zipf_cache.end()) it = zipf_cache.emplace(&pool, ZipfPicker(pool.size(), 1.0)).first;
    return pool[it->second.Pick(rng)];
  };

  auto add_facts = [&](BenchQuery* q, const model::Entity* e, const std::string& country) {
    if (Chance(rng, options.dob_share)) {
      if (e != nullptr && !e->dates_of_birth.empty()) {
        q->query.dob = e->dates_of_birth[0].from;
      } else if (e == nullptr) {
        model::PartialDate d;
        d.year = static_cast<int16_t>(1940 + rng() % 64);
        d.month = static_cast<int8_t>(1 + rng() % 12);
        d.day = static_cast<int8_t>(1 + rng() % 28);
        q->query.dob = d;
      }
    }
    if (Chance(rng, options.nationality_share)) {
      if (e != nullptr && !e->nationalities.empty()) {
        q->query.nationality = e->nationalities[0].country_code;
      } else if (e == nullptr) {
        q->query.nationality = country;
      }
    }
  };

  const size_t negatives =
      static_cast<size_t>(static_cast<double>(options.queries) * options.negative_share);
  const size_t positives = options.queries - negatives;

  // ---- Positives ----
  size_t guard = 0;
  while (out.size() < positives && guard++ < positives * 20) {
    const size_t ei = rng() % list.entities.size();
    const model::Entity& e = list.entities[ei];
    const GeneratedPerson& gp = list.persons[ei];
    if (e.names.empty()) continue;
    const bool person = e.kind == model::EntityKind::kPerson && !gp.tokens.empty();
    const CountryPool& pool = countries[gp.country];
    BenchQuery q;
    std::string source = e.names[0].full;
    std::vector<VariantClass> classes;
    std::string local;
    if (person) {
      local = LocalName(gp.tokens, gp.roles, gp.particles, pool.convention, Chance(rng, 0.5));
      if (gp.local_primary) {
        classes = {VariantClass::kExact, VariantClass::kCrossScript};
      } else {
        classes = {VariantClass::kExact, VariantClass::kTranslit, VariantClass::kTypo,
                   VariantClass::kReordered};
        if (gp.tokens.size() >= 3) classes.push_back(VariantClass::kDroppedToken);
        if (pool.convention == NameConvention::kArabic) classes.push_back(VariantClass::kParticle);
        if (!local.empty()) classes.push_back(VariantClass::kCrossScript);
      }
    } else {
      classes = {VariantClass::kExact, VariantClass::kTypo, VariantClass::kOrgVariant};
    }
    q.variant = classes[rng() % classes.size()];
    std::string name;
    size_t dropped = static_cast<size_t>(-1);  // token left out (kDroppedToken)
    switch (q.variant) {
      case VariantClass::kExact: {
        const model::Name& n = e.names[rng() % e.names.size()];
        if (n.kind == model::NameKind::kLowAlias) continue;
        source = n.full;
        name = n.full;
        break;
      }
      case VariantClass::kTranslit: {
        std::vector<std::string> t = LatinTokens(gp);
        size_t edits = Chance(rng, 0.3) ? 2 : 1;
        std::vector<size_t> order(t.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::shuffle(order.begin(), order.end(), rng);
        for (size_t k = 0; k < order.size() && edits > 0; ++k) {
          const size_t i = order[k];
          const NameForm& f = gp.tokens[i];
          std::string w = f.latin;
          if (!f.variants.empty() && Chance(rng, 0.6)) {
            w = f.variants[rng() % f.variants.size()];
          } else {
            w = TranslitVariant(w, rng);
          }
          if (w == f.latin) continue;
          const std::string& part = gp.particles[i];
          t[i] = part.empty() ? w : (part.back() == '-' ? part + w : part + " " + w);
          --edits;
        }
        name = JoinName(t);
        break;
      }
      case VariantClass::kTypo: {
        std::vector<std::string> w = Words(source);
        std::vector<size_t> cand;
        for (size_t i = 0; i < w.size(); ++i)
          if (w[i].size() >= 4 && IsAscii(w[i]) && !IsLegalForm(w[i])) cand.push_back(i);
        if (cand.empty()) continue;
        const int edits = Chance(rng, 0.3) ? 2 : 1;
        for (int k = 0; k < edits; ++k) {
          size_t i = cand[rng() % cand.size()];
          w[i] = ApplyTypo(w[i], rng);
        }
        name = JoinName(w);
        break;
      }
      case VariantClass::kDroppedToken: {
        std::vector<std::string> t = LatinTokens(gp);
        std::vector<size_t> middle;
        for (size_t i = 1; i + 1 < t.size(); ++i)
          if (static_cast<NamePartRole>(gp.roles[i]) != NamePartRole::kFamily) middle.push_back(i);
        if (middle.empty()) continue;
        dropped = middle[rng() % middle.size()];
        t.erase(t.begin() + dropped);
        name = JoinName(t);
        break;
      }
      case VariantClass::kReordered: {
        std::vector<std::string> t = LatinTokens(gp);
        std::vector<std::string> fam, rest;
        for (size_t i = 0; i < t.size(); ++i) {
          (static_cast<NamePartRole>(gp.roles[i]) == NamePartRole::kFamily ? fam : rest)
              .push_back(t[i]);
        }
        if (fam.empty() || rest.empty()) continue;
        if (pool.convention == NameConvention::kChinese ||
            pool.convention == NameConvention::kKorean) {
          name = JoinName(rest) + " " + JoinName(fam);  // given name first
        } else if (Chance(rng, 0.5)) {
          name = UpperAscii(JoinName(fam)) + ", " + JoinName(rest);
        } else {
          name = UpperAscii(JoinName(fam)) + " " + JoinName(rest);
        }
        break;
      }
      case VariantClass::kParticle:
        name = ParticleVariant(gp, rng);
        break;
      case VariantClass::kCrossScript: {
        if (gp.local_primary) {
          std::vector<std::string> t;
          for (size_t i = 0; i < gp.tokens.size(); ++i) {
            const NameForm& f = gp.tokens[i];
            std::string w = !f.variants.empty() && Chance(rng, 0.5)
                                ? f.variants[rng() % f.variants.size()]
                                : f.latin;
            const std::string& part = gp.particles[i];
            t.push_back(part.empty() ? w : (part.back() == '-' ? part + w : part + " " + w));
          }
          name = JoinName(t);
        } else {
          name = local;
        }
        break;
      }
      case VariantClass::kOrgVariant:
        name = OrgVariant(source, rng);
        break;
      default:
        break;
    }
    if (name.empty()) continue;
    q.query.names = {name};
    q.source_name = source;
    if (person) {
      q.query.kind = Chance(rng, 0.5) ? std::optional(model::EntityKind::kPerson) : std::nullopt;
    }
    add_facts(&q, &e, pool.code);
    std::set<uint32_t> truth = {static_cast<uint32_t>(ei)};
    index.Namesakes(source, &truth);
    index.Namesakes(name, &truth);
    if (person) {
      std::vector<NameForm> used = gp.tokens;
      if (dropped < used.size()) used.erase(used.begin() + dropped);
      index.Compatible(used, &truth);
    } else {
      index.SameOrganization(source, &truth);
    }
    for (uint32_t t : truth) q.truth.push_back(list.entities[t].id);
    out.push_back(std::move(q));
  }

  // ---- Negatives ----
  guard = 0;
  const size_t target = out.size() + negatives;
  while (out.size() < target && guard++ < negatives * 50) {
    BenchQuery q;
    const double r = std::uniform_real_distribution<double>(0, 1)(rng);
    const bool uniform = guard > negatives * 10;  // fall back to the rarer names
    std::string name, given, family, country;
    if (r < 0.15) {
      q.variant = VariantClass::kNegOrganization;
      const CountryPool& p = countries[pick_country(rng)];
      country = p.code;
      auto names = MakeOrganizationNames(p, 1.0, rng);
      name = names[0].full;
      if (index.Listed(name, "", "")) continue;
      std::set<uint32_t> same;
      index.SameOrganization(name, &same);
      if (!same.empty()) continue;
      q.query.kind =
          Chance(rng, 0.5) ? std::optional(model::EntityKind::kOrganization) : std::nullopt;
    } else if (r < 0.6) {
      // A listed person's forename with another surname of the same country.
      q.variant = VariantClass::kNegSameForename;
      const size_t ei = rng() % list.entities.size();
      const GeneratedPerson& gp = list.persons[ei];
      if (gp.tokens.empty()) continue;
      const CountryPool& p = countries[gp.country];
      country = p.code;
      size_t gi = 0;
      size_t fi = gp.tokens.size() - 1;
      for (size_t i = 0; i < gp.tokens.size(); ++i) {
        if (static_cast<NamePartRole>(gp.roles[i]) == NamePartRole::kGiven) gi = i;
        if (static_cast<NamePartRole>(gp.roles[i]) == NamePartRole::kFamily) fi = i;
      }
      gi = std::min(gi, gp.tokens.size() - 1);
      given = gp.tokens[gi].latin;
      const NameForm& f = zipf_pick(p.family, uniform);
      if (f.latin == gp.tokens[fi].latin) continue;
      family = f.article && Chance(rng, 0.7) ? "al-" + f.latin : f.latin;
      if (p.convention == NameConvention::kChinese || p.convention == NameConvention::kKorean) {
        name = family + " " + given;
      } else if (p.convention == NameConvention::kArabic ||
                 p.convention == NameConvention::kEastSlavic) {
        // Keep the father's name / patronymic: a realistic three-part name.
        std::vector<std::string> t = LatinTokens(gp);
        t[fi] = family;
        name = JoinName(t);
      } else {
        name = given + " " + family;
      }
      if (index.Listed(name, given, f.latin)) continue;
    } else {
      // A common full name from the top of the country's tables.
      q.variant = VariantClass::kNegCommonName;
      const CountryPool& p = countries[pick_country(rng)];
      country = p.code;
      const bool male = Chance(rng, 0.8);
      given = zipf_pick(male ? p.male : p.female, uniform).latin;
      const NameForm& f = zipf_pick(p.family, uniform);
      family = f.article ? "al-" + f.latin : f.latin;
      if (p.convention == NameConvention::kChinese || p.convention == NameConvention::kKorean) {
        name = family + " " + given;
      } else if (p.convention == NameConvention::kArabic) {
        name = given + " " + zipf_pick(p.male, uniform).latin + " " + family;
      } else {
        name = given + " " + family;
      }
      if (index.Listed(name, given, f.latin)) continue;
    }
    q.query.names = {name};
    if (q.variant == VariantClass::kNegOrganization) {
      if (Chance(rng, options.nationality_share)) q.query.nationality = country;
    } else {
      add_facts(&q, nullptr, country);
    }
    out.push_back(std::move(q));
  }
  // Interleave positives and negatives deterministically.
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

}  // namespace hudud::bench
