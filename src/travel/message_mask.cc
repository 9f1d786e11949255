// Depersonalising PAXLST and PNRGOV messages (travel/message_mask.h): the
// mask table by segment tag, the pseudonyms, and writing the interchange
// back.
#include "travel/message_mask.h"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "travel/edifact.h"
#include "travel/message_text.h"
#include "travel/ssr.h"

namespace hudud::travel {
namespace {

// Public mail providers whose domain says nothing about the person (kept so
// the rule field contact.email_domain still works); any other domain may be
// the person's own and keeps only its top-level label.
constexpr std::array<std::string_view, 24> kPublicMailDomains = {
    "GMAIL.COM",  "GOOGLEMAIL.COM", "YAHOO.COM", "YAHOO.FR",       "YAHOO.CO.UK", "HOTMAIL.COM",
    "HOTMAIL.FR", "OUTLOOK.COM",    "LIVE.COM",  "MSN.COM",        "ICLOUD.COM",  "ME.COM",
    "AOL.COM",    "GMX.DE",         "GMX.NET",   "WEB.DE",         "MAIL.RU",     "YANDEX.RU",
    "BK.RU",      "INBOX.RU",       "LIST.RU",   "PROTONMAIL.COM", "PROTON.ME",   "QQ.COM"};

// PNR titles that may end a given name as a word of their own (ssr.h).
constexpr std::array<std::string_view, 16> kTitles = {"MR",   "MRS", "MS",   "MISS", "MSTR", "DR",
                                                      "PROF", "REV", "CAPT", "SIR",  "LADY", "MME",
                                                      "MLLE", "CHD", "INF",  "MSS"};

bool IsTitle(std::string_view word) {
  const std::string u = Upper(word);
  return std::find(kTitles.begin(), kTitles.end(), u) != kTitles.end();
}

// Pseudonyms for one input: the same value gets the same pseudonym.
class Pseudonyms {
 public:
  // The pseudonym of a whole value; "" stays "".
  std::string Value(std::string_view value) {
    const std::string key = Upper(Trim(value));
    if (key.empty()) return std::string(value);  // blanks carry nothing
    auto [it, added] = map_.try_emplace(key, "");
    if (added) it->second = MaskPseudonym(map_.size() - 1);
    ++masked_;
    return it->second;
  }

  // Each space-separated word of a name masked alone, so the same word in
  // a TIF and a DOCS gets the same pseudonym. With `keep_titles`, PNR titles
  // ending the value are kept, and a title run into the last word
  // ("CHARLESMR") is kept as a word of its own.
  std::string Name(std::string_view value, bool keep_titles) {
    std::vector<std::string> words;
    size_t start = 0;
    while (start < value.size()) {
      while (start < value.size() && IsSpace(value[start])) ++start;
      size_t end = start;
      while (end < value.size() && !IsSpace(value[end])) ++end;
      if (end > start) words.emplace_back(value.substr(start, end - start));
      start = end;
    }
    size_t keep_from = words.size();
    std::string run_in;
    if (keep_titles) {
      while (keep_from > 0 && words.size() - keep_from < 2 && IsTitle(words[keep_from - 1])) {
        --keep_from;
      }
      if (keep_from == words.size() && !words.empty()) {
        const PersonName n = ParsePnrName("", words.back());
        if (!n.title.empty() && !n.given.empty()) {
          run_in = n.title;
          words.back() = n.given.back();
        }
      }
    }
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
      if (!out.empty()) out += ' ';
      out += i < keep_from ? Value(words[i]) : words[i];
    }
    if (!run_in.empty()) out += " " + run_in;
    return out;
  }

  // A phone number or an e-mail address; an address keeps its domain when
  // it is a public mail provider's, its top-level label otherwise. The
  // address may be written with "@", "//" (AIRIMP) or ".AT.".
  std::string Contact(std::string_view value) {
    const std::string t = Trim(value);
    const std::string u = Upper(t);
    size_t at = std::string::npos, len = 0;
    for (std::string_view marker : {"@", "//", ".AT."}) {
      const size_t k = u.find(marker);
      if (k != std::string::npos && k < at) {
        at = k;
        len = marker.size();
      }
    }
    if (at == std::string::npos) return Value(t);
    const std::string domain = t.substr(at + len);
    const std::string udomain = Upper(domain);
    std::string kept;
    if (std::find(kPublicMailDomains.begin(), kPublicMailDomains.end(), udomain) !=
        kPublicMailDomains.end()) {
      kept = domain;
    } else {
      const size_t dot = domain.rfind('.');
      kept = dot == std::string::npos ? Value(domain)
                                      : Value(domain.substr(0, dot)) + domain.substr(dot);
    }
    return Value(t.substr(0, at)) + t.substr(at, len) + kept;
  }

  int masked() const { return masked_; }

 private:
  std::unordered_map<std::string, std::string> map_;
  int masked_ = 0;
};

using Elements = std::vector<std::vector<std::string>>;

// Component `c` of element `e` (1-based), when present.
std::string* At(Elements& el, size_t e, size_t c) {
  if (e < 1 || e > el.size() || c >= el[e - 1].size()) return nullptr;
  return &el[e - 1][c];
}

void MaskValue(Pseudonyms& p, Elements& el, size_t e, size_t c) {
  if (std::string* v = At(el, e, c)) *v = p.Value(*v);
}
void MaskName(Pseudonyms& p, Elements& el, size_t e, size_t c, bool keep_titles) {
  if (std::string* v = At(el, e, c)) *v = p.Name(*v, keep_titles);
}
void MaskContact(Pseudonyms& p, Elements& el, size_t e, size_t c) {
  if (std::string* v = At(el, e, c)) *v = p.Contact(*v);
}
// Every component of element `e`.
void MaskElement(Pseudonyms& p, Elements& el, size_t e) {
  if (e < 1 || e > el.size()) return;
  for (std::string& v : el[e - 1]) v = p.Value(v);
}
// Free text spread over the components of element `e` from `c` on (an
// unreleased ':' in free text splits it): joined, masked as one value into
// component `c`, the rest dropped.
void MaskTextFrom(Pseudonyms& p, Elements& el, size_t e, size_t c,
                  const std::function<std::string(std::string_view)>& mask) {
  if (e < 1 || e > el.size() || c >= el[e - 1].size()) return;
  std::vector<std::string>& comps = el[e - 1];
  std::string text;
  for (size_t k = c; k < comps.size(); ++k) {
    if (k > c) text += ':';
    text += comps[k];
  }
  comps.resize(c + 1);
  comps[c] = mask ? mask(text) : p.Value(text);
}

bool IsServiceTag(std::string_view tag) {
  return tag == "UNA" || tag == "UNB" || tag == "UNG" || tag == "UNH" || tag == "UNT" ||
         tag == "UNE" || tag == "UNZ";
}

// ---------------------------------------------------------------------------
// PAXLST (WCO/IATA/ICAO API guidelines, D02B-D15B). Why each line of the
// table: NAD holds the person's (or reporting contact's) name and address;
// COM and CTA the phone, fax and e-mail; DOC the document number, the one
// value that identifies the holder on its own; RFF the booking locator,
// passenger and known-traveller references, each a key to the person
// elsewhere; FTX free text (bag tags included: they tie a bag to its owner);
// LOC the birth and issue places written out; EMP an employer.

bool MaskPaxlst(Pseudonyms& p, const std::string& tag, Elements& el) {
  if (tag == "NAD") {
    MaskElement(p, el, 2);
    for (size_t e : {size_t{3}, size_t{4}}) {
      if (e <= el.size()) {
        for (size_t c = 0; c < el[e - 1].size(); ++c) MaskName(p, el, e, c, false);
      }
    }
    for (size_t e = 5; e <= 8; ++e) MaskElement(p, el, e);
  } else if (tag == "COM") {
    for (size_t e = 1; e <= el.size(); ++e) MaskContact(p, el, e, 0);
  } else if (tag == "CTA") {
    MaskValue(p, el, 2, 0);
    MaskName(p, el, 2, 1, false);
  } else if (tag == "DOC") {
    MaskValue(p, el, 2, 0);
  } else if (tag == "RFF") {
    const std::string q = Upper(Trim(el.empty() || el[0].empty() ? "" : el[0][0]));
    if (q != "TN" && q != "SEA") MaskValue(p, el, 1, 1);
  } else if (tag == "FTX") {
    const std::string q = Upper(Trim(el.empty() || el[0].empty() ? "" : el[0][0]));
    if (q == "BAG") {
      MaskValue(p, el, 4, 0);  // c1, the number of consecutive tags, is no one's
    } else {
      MaskElement(p, el, 4);
    }
  } else if (tag == "LOC") {
    const std::string q = Trim(el.empty() || el[0].empty() ? "" : el[0][0]);
    if (q == "22" || q == "91" || q == "174" || q == "178" || q == "179" || q == "180") {
      for (size_t e = 2; e <= el.size(); ++e) MaskValue(p, el, e, 3);
    }
  } else if (tag == "EMP") {
    for (size_t e = 3; e <= el.size(); ++e) MaskElement(p, el, e);
  } else if (tag == "BGM" || tag == "TDT" || tag == "DTM" || tag == "ATT" || tag == "MEA" ||
             tag == "GEI" || tag == "NAT" || tag == "CNT") {
    // Codes, dates, counts, flights: kept.
  } else {
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// PNRGOV (IATA PADIS implementation guides 10.1-17.1). Why: TIF is the name;
// SSR free text carries documents (DOCS, DOCO, FOID), addresses (DOCA),
// infants' names (INFT), contacts (CTCx), frequent-flyer and ticket numbers,
// and for other codes remarks about the person; IFT lines are OSI remarks,
// contacts and the payer's name (4:43); ADD the address and reach; RCI the
// record locators, FTI frequent-flyer numbers, REF the carrier's passenger
// reference and TKT the ticket number, each a key to the person in the
// carrier's systems; FOP the card number and expiry; TBD bag tags; LTS the
// PNR history as free text.

// A DOCS/DOCO/DOCA text: the '/'-separated fields equal to a parsed
// personal value are masked (names word by word), the others kept.
std::string MaskSlashFields(Pseudonyms& p, std::string_view text,
                            const std::vector<std::string>& values,
                            const std::vector<std::string>& names) {
  std::string out;
  size_t start = 0;
  for (;;) {
    const size_t slash = text.find('/', start);
    const std::string_view field = text.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    const std::string key = Upper(Trim(field));
    auto squeezed = [](std::string_view s) {
      std::string o;
      for (char c : Upper(Trim(s))) {
        if (c == ' ' && !o.empty() && o.back() == ' ') continue;
        o += c;
      }
      return o;
    };
    bool done = false;
    if (!key.empty()) {
      for (const std::string& v : values) {
        if (!v.empty() && Upper(Trim(v)) == key) {
          out += p.Value(field);
          done = true;
          break;
        }
      }
      for (size_t i = 0; !done && i < names.size(); ++i) {
        if (!names[i].empty() && squeezed(names[i]) == squeezed(field)) {
          out += p.Name(field, false);
          done = true;
        }
      }
    }
    if (!done) out += field;
    if (slash == std::string_view::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

// An SSR's free text, by its code.
std::string MaskSsrText(Pseudonyms& p, const std::string& code, std::string_view text) {
  if (Trim(text).empty()) return std::string(text);
  if (code == "DOCS") {
    Result<DocsSsr> d = ParseDocs(text);
    if (!d.ok()) return p.Value(text);
    return MaskSlashFields(p, text, {d->number}, {d->surname, d->given, d->middle});
  }
  if (code == "DOCO") {
    Result<DocoSsr> d = ParseDoco(text);
    if (!d.ok()) return p.Value(text);
    return MaskSlashFields(p, text, {d->birth_place, d->number, d->issue_place}, {});
  }
  if (code == "DOCA") {
    Result<DocaSsr> d = ParseDoca(text);
    if (!d.ok()) return p.Value(text);
    return MaskSlashFields(p, text, {d->street, d->city, d->region, d->postcode}, {});
  }
  if (code == "INFT") {
    // "SURNAME/GIVEN[ TITLE] DDMMMYY": every word but the date and titles.
    std::string out;
    std::string word;
    auto flush = [&] {
      const bool date = word.size() == 7 && IsDigit(word[0]) && IsDigit(word[1]) &&
                        IsDigit(word[5]) && IsDigit(word[6]);
      out += word.empty() || date || IsTitle(word) ? word : p.Value(word);
      word.clear();
    };
    for (char c : text) {
      if (c == '/' || IsSpace(c)) {
        flush();
        out += c;
      } else {
        word += c;
      }
    }
    flush();
    return out;
  }
  if (code.size() == 4 && code.compare(0, 3, "CTC") == 0) {
    size_t lead = 0;
    while (lead < text.size() && (text[lead] == '/' || IsSpace(text[lead]))) ++lead;
    return std::string(text.substr(0, lead)) + p.Contact(text.substr(lead));
  }
  if (code == "FOID") {
    size_t lead = 0;
    while (lead < text.size() && (text[lead] == '/' || IsSpace(text[lead]))) ++lead;
    const std::string_view id = text.substr(lead);
    const std::string kind = Upper(id.substr(0, 2));
    if ((kind == "PP" || kind == "NI") && id.size() > 2) {
      return std::string(text.substr(0, lead + 2)) + p.Value(id.substr(2));
    }
    return p.Value(text);
  }
  if (code == "SEAT" || code == "NSST" || code == "RQST" || code == "CHLD") {
    return std::string(text);  // a seat; a child's birth date (kept, as every birth date)
  }
  return p.Value(text);
}

// An IFT line: a contact keeps its "CTCx" shape, anything else is masked.
std::string MaskIftLine(Pseudonyms& p, std::string_view line) {
  const std::string u = Upper(line);
  for (size_t pos = u.find("CTC"); pos != std::string::npos; pos = u.find("CTC", pos + 1)) {
    if (pos > 0 && !IsSpace(u[pos - 1]) && u[pos - 1] != '/') continue;
    if (pos + 4 > u.size()) break;
    size_t rest = pos + 4;
    while (rest < line.size() && (IsSpace(line[rest]) || line[rest] == '/')) ++rest;
    // The carrier prefix before "CTC" ("SQ CTCM") is a code; after the
    // contact, anything more is free text and goes into the pseudonym.
    std::string_view value = line.substr(rest);
    const size_t space = value.find(' ');
    std::string out(line.substr(0, rest));
    if (space == std::string_view::npos) return out + p.Contact(value);
    return out + p.Contact(value.substr(0, space)) + " " + p.Value(value.substr(space + 1));
  }
  return p.Value(line);
}

// The code itself tells religion or health: a neutral one of the same kind
// (still sensitive to the readers) keeps the count of deleted sensitive
// requests. `code` upper case and trimmed.
std::string NeutralSensitiveCode(const std::string& code) {
  return code.size() == 4 && code.compare(2, 2, "ML") == 0 ? "XXML" : "MEDA";
}

bool MaskPnrgov(Pseudonyms& p, const std::string& tag, Elements& el) {
  if (tag == "TIF") {
    MaskName(p, el, 1, 0, false);
    for (size_t e = 2; e <= el.size(); ++e) MaskName(p, el, e, 0, true);
  } else if (tag == "SSR") {
    if (el.empty() || el[0].empty()) return true;
    const std::string code = Upper(Trim(el[0][0]));
    if (IsSensitiveSsrCode(code)) {
      el[0][0] = NeutralSensitiveCode(code);
      MaskTextFrom(p, el, 1, 8, nullptr);
      return true;
    }
    MaskTextFrom(p, el, 1, 8, [&](std::string_view text) { return MaskSsrText(p, code, text); });
  } else if (tag == "IFT") {
    const std::string type = el.empty() || el[0].size() < 2 ? "" : Trim(el[0][1]);
    if (type == "15") return true;  // a fare calculation: no one's
    for (size_t e = 2; e <= el.size(); ++e) {
      MaskTextFrom(p, el, e, 0, [&](std::string_view line) { return MaskIftLine(p, line); });
    }
  } else if (tag == "ADD") {
    for (size_t e = 1; e <= std::min<size_t>(2, el.size()); ++e) {
      for (size_t c : {1, 2, 3, 4, 6}) MaskValue(p, el, e, c);
      MaskContact(p, el, e, 7);
    }
  } else if (tag == "RCI" || tag == "FTI") {
    for (size_t e = 1; e <= el.size(); ++e) MaskValue(p, el, e, 1);
  } else if (tag == "REF") {
    MaskValue(p, el, 1, 0);
    MaskValue(p, el, 1, 1);
  } else if (tag == "TKT") {
    MaskValue(p, el, 1, 0);
  } else if (tag == "FOP") {
    for (size_t e = 1; e <= el.size(); ++e) {
      MaskValue(p, el, e, 4);
      MaskValue(p, el, e, 5);
    }
  } else if (tag == "TBD") {
    for (size_t e = 5; e <= el.size(); ++e) MaskValue(p, el, e, 1);
  } else if (tag == "LTS") {
    for (size_t e = 1; e <= el.size(); ++e) MaskElement(p, el, e);
  } else if (tag == "MSG" || tag == "ORG" || tag == "TVL" || tag == "EQN" || tag == "SRC" ||
             tag == "DAT" || tag == "TRA" || tag == "RPI" || tag == "APD" || tag == "TRI" ||
             tag == "SSD" || tag == "EBD" || tag == "FAR" || tag == "MON" || tag == "PTK" ||
             tag == "TXD" || tag == "ABI" || tag == "SAC") {
    // Flights, dates, codes, amounts, seats, the booking office: kept.
  } else {
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Writing segments back.

class Writer {
 public:
  explicit Writer(const EdifactSeparators& sep) : sep_(sep) {
    for (char c : {sep.component, sep.element, sep.release, sep.terminator}) specials_ += c;
    if (sep.repetition != ' ') specials_ += sep.repetition;
    newline_ = !(sep.terminator == '\n' || sep.terminator == '\r' || sep.element == '\n' ||
                 sep.component == '\n' || sep.release == '\n');
  }

  void Una(std::string* out) const {
    *out += "UNA";
    for (char c : {sep_.component, sep_.element, sep_.decimal, sep_.release, sep_.repetition,
                   sep_.terminator}) {
      *out += c;
    }
    if (newline_) *out += '\n';
  }

  void Segment(const std::string& tag, const Elements& el, std::string* out) const {
    *out += tag;
    for (const auto& element : el) {
      *out += sep_.element;
      for (size_t c = 0; c < element.size(); ++c) {
        if (c) *out += sep_.component;
        Value(element[c], out);
      }
    }
    *out += sep_.terminator;
    if (newline_) *out += '\n';
  }

  // One value with its service characters released, and line breaks, which
  // the reader would take for wrapping.
  void Value(std::string_view value, std::string* out) const {
    for (char ch : value) {
      if (specials_.find(ch) != std::string::npos || ch == '\n' || ch == '\r') {
        *out += sep_.release;
      }
      *out += ch;
    }
  }

 private:
  EdifactSeparators sep_;
  std::string specials_;
  bool newline_ = true;
};

// Whether another interchange may follow (else what is left is a footer).
bool HoldsInterchange(std::string_view rest) {
  return rest.find("UNB") != std::string_view::npos || rest.find("UNA") != std::string_view::npos;
}

// ---------------------------------------------------------------------------
// Removing the sensitive SSRs in place.

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }
// What ParseEdifact skips between segments.
bool IsLayout(char c) { return c == ' ' || c == '\t' || IsLineBreak(c) || c == '\0'; }

// Where, in the bytes of one SSR segment ([begin, end) of `s`, the segment
// and the layout after it), its code (element 1, component 0) and its free
// text (element 1, component 8 to the element's end) lie, read as
// ParseEdifact reads them. nullopt without an element 1.
struct SsrSpans {
  size_t code_begin = std::string_view::npos, code_end = std::string_view::npos;
  size_t text_begin = std::string_view::npos, element_end = std::string_view::npos;
};

std::optional<SsrSpans> FindSsrSpans(std::string_view s, size_t begin, size_t end,
                                     const EdifactSeparators& sep) {
  const bool strip_breaks = !IsLineBreak(sep.terminator) && !IsLineBreak(sep.element) &&
                            !IsLineBreak(sep.component) && !IsLineBreak(sep.release);
  constexpr size_t npos = std::string_view::npos;
  SsrSpans out;
  size_t element = 0, component = 0;
  size_t segment_end = npos;
  for (size_t i = begin; i < end;) {
    const char c = s[i];
    if (strip_breaks && IsLineBreak(c)) {  // a line wrapped inside the segment
      ++i;
      continue;
    }
    if (c == sep.release && i + 1 < end) {
      size_t j = i + 1;
      while (strip_breaks && j < end && IsLineBreak(s[j])) ++j;
      if (j < end) {
        i = j + 1;
        continue;
      }
    }
    if (c == sep.terminator) {
      segment_end = i;
      break;
    }
    if (c == sep.element) {
      if (element == 1) {
        if (out.code_end == npos) out.code_end = i;
        out.element_end = i;
      }
      ++element;
      component = 0;
      if (element == 1) out.code_begin = i + 1;
    } else if (c == sep.component && element == 1) {
      if (component == 0) out.code_end = i;
      if (++component == 8) out.text_begin = i + 1;
    }
    ++i;
  }
  if (segment_end == npos) {
    // No terminator (segments ended by line breaks, or the input's end): the
    // layout after the segment is not its own.
    segment_end = end;
    while (segment_end > begin && IsLayout(s[segment_end - 1])) --segment_end;
  }
  if (out.code_begin == npos) return std::nullopt;
  if (out.code_end == npos) out.code_end = segment_end;
  if (out.element_end == npos) out.element_end = segment_end;
  if (out.text_begin != npos && out.text_begin > out.element_end) out.text_begin = out.element_end;
  return out;
}

bool SameSegments(const std::vector<EdifactSegment>& a, const std::vector<EdifactSegment>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].tag != b[i].tag || a[i].elements != b[i].elements) return false;
  }
  return true;
}

}  // namespace

Result<SensitiveRequestsRemoved> RemoveSensitiveRequests(std::string_view bytes) {
  SensitiveRequestsRemoved out;
  Pseudonyms p;
  size_t base = 0;                          // where the next interchange is looked for
  size_t copied = 0;                        // bytes[0, copied) are in out.bytes
  constexpr int kMaxInterchanges = 100000;  // as the readers
  while (base < bytes.size()) {
    const std::string_view rest = bytes.substr(base);
    if (out.interchanges > 0 && !HoldsInterchange(rest)) break;  // a footer
    Result<EdifactInterchange> ic = ParseEdifact(rest);
    if (!ic.ok()) {
      if (out.interchanges == 0) return ic.status();
      break;  // trailing text that only looked like an interchange: left as it is
    }
    if (++out.interchanges > kMaxInterchanges) {
      return Status::InvalidArgument("more than " + std::to_string(kMaxInterchanges) +
                                     " interchanges in one input");
    }
    const size_t used = ic->end_offset;
    const size_t ic_begin = base + ic->skipped_prefix_bytes;
    const size_t ic_end = base + std::min(used, rest.size());

    // The segments as they should read afterwards, and the in-place edits.
    struct Edit {
      size_t begin, end;
      std::string with;
    };
    std::vector<Edit> edits;
    std::vector<EdifactSegment>& segments = ic->segments;
    const Writer w(ic->separators);
    bool in_place = true;
    for (size_t k = 0; k < segments.size(); ++k) {
      EdifactSegment& seg = segments[k];
      Elements& el = seg.elements;
      if (seg.tag != "SSR" || el.empty() || el[0].empty() || !IsSensitiveSsrCode(el[0][0])) {
        continue;
      }
      ++out.requests;
      const std::string code = NeutralSensitiveCode(Upper(Trim(el[0][0])));
      el[0][0] = code;
      std::string text;
      bool masked = false;
      if (el[0].size() > 8) {
        for (size_t c = 8; c < el[0].size(); ++c) text += (c > 8 ? ":" : "") + el[0][c];
        if (!Trim(text).empty()) {
          masked = true;
          ++out.texts_masked;
          el[0].resize(9);
          el[0][8] = p.Value(text);
        }
      }
      if (!in_place) continue;
      const size_t begin = base + seg.offset;
      const size_t end = k + 1 < segments.size() ? base + segments[k + 1].offset : ic_end;
      std::optional<SsrSpans> at = FindSsrSpans(bytes, begin, end, ic->separators);
      if (!at || (masked && at->text_begin == std::string_view::npos)) {
        in_place = false;
        continue;
      }
      std::string with(bytes.substr(begin, at->code_begin - begin));
      w.Value(code, &with);
      if (masked) {
        with += bytes.substr(at->code_end, at->text_begin - at->code_end);
        w.Value(el[0][8], &with);
      } else {
        with += bytes.substr(at->code_end, at->element_end - at->code_end);
      }
      with += bytes.substr(at->element_end, end - at->element_end);
      edits.push_back(Edit{begin, end, std::move(with)});
    }

    std::string interchange;
    if (!edits.empty() || !in_place) {
      if (in_place) {
        size_t at = ic_begin;
        for (const Edit& e : edits) {
          interchange += bytes.substr(at, e.begin - at);
          interchange += e.with;
          at = e.end;
        }
        interchange += bytes.substr(at, ic_end - at);
        // Read back: the same segments as the original but for the requests.
        Result<EdifactInterchange> back = ParseEdifact(interchange);
        in_place = back.ok() && back->end_offset == interchange.size() &&
                   SameSegments(back->segments, segments);
      }
      if (!in_place) {
        interchange.clear();
        if (ic->had_una) w.Una(&interchange);
        for (const EdifactSegment& seg : segments) w.Segment(seg.tag, seg.elements, &interchange);
        ++out.rewritten;
      }
      out.bytes += bytes.substr(copied, ic_begin - copied);
      out.bytes += interchange;
      copied = ic_end;
    }
    if (used == 0 || used > rest.size()) break;
    base += used;
  }
  if (out.interchanges == 0) {
    return Status::InvalidArgument("no EDIFACT interchange: found neither UNA nor UNB");
  }
  out.bytes += bytes.substr(copied);
  return out;
}

std::string MaskPseudonym(size_t n) {
  // Bijective base 26: A..Z, AA..AZ, BA...
  std::string letters;
  for (size_t k = n + 1; k > 0; k = (k - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (k - 1) % 26));
  }
  return "X" + letters;
}

Result<MaskedMessage> MaskPassengerMessage(std::string_view bytes) {
  MaskedMessage out;
  Pseudonyms p;
  size_t base = 0;
  constexpr int kMaxInterchanges = 10000;
  while (base < bytes.size() && out.interchanges < kMaxInterchanges) {
    const std::string_view rest = bytes.substr(base);
    if (out.interchanges > 0 && !HoldsInterchange(rest)) break;  // a footer
    Result<EdifactInterchange> ic = ParseEdifact(rest);
    if (!ic.ok()) {
      if (out.interchanges == 0) return ic.status();
      break;  // trailing text that only looked like an interchange: dropped
    }
    ++out.interchanges;
    const Writer w(ic->separators);
    if (ic->had_una) w.Una(&out.bytes);
    std::string message;  // "PAXLST", "PNRGOV" or another type: from the UNH
    for (EdifactSegment& s : ic->segments) {
      if (s.tag == "UNH") message = Upper(Trim(s.at(2, 0)));
      bool known = IsServiceTag(s.tag);
      if (!known && message == "PAXLST") known = MaskPaxlst(p, s.tag, s.elements);
      if (!known && message == "PNRGOV") known = MaskPnrgov(p, s.tag, s.elements);
      if (!known) {
        ++out.unknown_segments;
        for (size_t e = 1; e <= s.elements.size(); ++e) MaskElement(p, s.elements, e);
      }
      w.Segment(s.tag, s.elements, &out.bytes);
      ++out.segments;
    }
    const size_t used = ic->end_offset;
    if (used == 0 || used > rest.size()) break;
    base += used;
  }
  if (out.interchanges == 0) {
    return Status::InvalidArgument("no EDIFACT interchange: found neither UNA nor UNB");
  }
  out.values_masked = p.masked();
  return out;
}

}  // namespace hudud::travel
