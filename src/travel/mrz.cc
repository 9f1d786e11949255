// ICAO Doc 9303 MRZ parsing (travel/mrz.h): input clean-up, format detection,
// the field layouts of TD1, TD2, TD3, MRV-A, MRV-B and the French ID, check
// digits with look-alike correction, names, dates and codes.
#include "travel/mrz.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <utility>

namespace hudud::travel {
namespace {

constexpr std::string_view kShapes =
    "3 lines of 30 characters (TD1), 2 lines of 36 (TD2, MRV-B) or 2 lines of 44 (TD3, MRV-A)";

bool IsMrzChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A character for an error message: "'#'", or "byte 0xC3" when unprintable.
std::string Describe(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u < 0x7F) return std::string("'") + c + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "byte 0x%02X", u);
  return buf;
}

// The digit an OCR engine (or a typist) confuses with a letter; 0 if none.
char LookalikeDigit(char c) {
  switch (c) {
    case 'O':
      return '0';
    case 'I':
      return '1';
    case 'B':
      return '8';
    case 'S':
      return '5';
    case 'Z':
      return '2';
    case 'G':
      return '6';
    default:
      return 0;
  }
}

std::string StripFillers(std::string_view s) {
  while (!s.empty() && s.front() == '<') s.remove_prefix(1);
  while (!s.empty() && s.back() == '<') s.remove_suffix(1);
  return std::string(s);
}

std::string StripTrailingFillers(std::string_view s) {
  while (!s.empty() && s.back() == '<') s.remove_suffix(1);
  return std::string(s);
}

// The '<'-separated components of `s`, joined by single spaces.
std::string JoinComponents(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find('<', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) {
      if (!out.empty()) out += ' ';
      out.append(s.substr(i, j - i));
    }
    i = j + 1;
  }
  return out;
}

model::PartialDate TodayUtc() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd(now);
  return model::PartialDate{static_cast<int16_t>(static_cast<int>(ymd.year())),
                            static_cast<int8_t>(static_cast<unsigned>(ymd.month())),
                            static_cast<int8_t>(static_cast<unsigned>(ymd.day()))};
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads a two-character date part: a number, -1 for unknown ("<<"), or -2
// when it is neither.
int DatePart(std::string_view two) {
  if (two == "<<") return -1;
  if (!IsDigit(two[0]) || !IsDigit(two[1])) return -2;
  return (two[0] - '0') * 10 + (two[1] - '0');
}

enum class DateRole { kBirth, kExpiry };

// Reads YYMMDD with unknown parts ('<<', or "00" for month and day) and infers
// the century against `today` (see ParseMrz). Adds a warning and returns
// nullopt when there is no year or the date is impossible.
std::optional<model::PartialDate> ReadDate(std::string_view raw, DateRole role,
                                           const model::PartialDate& today,
                                           std::vector<std::string>* warnings) {
  const std::string_view what = role == DateRole::kBirth ? "birth date" : "expiry date";
  const int yy = DatePart(raw.substr(0, 2));
  int mm = DatePart(raw.substr(2, 2));
  int dd = DatePart(raw.substr(4, 2));
  if (yy == -2 || mm == -2 || dd == -2) {
    warnings->push_back(std::string(what) + " '" + std::string(raw) + "' is not a date");
    return std::nullopt;
  }
  if (yy == -1) {
    warnings->push_back(std::string(what) + " '" + std::string(raw) + "' gives no year");
    return std::nullopt;
  }
  if (mm <= 0) mm = 0;
  if (dd <= 0 || mm == 0) dd = 0;  // a day without its month says nothing
  const int century = today.year / 100 * 100;
  int year = century + yy;
  if (role == DateRole::kBirth) {
    // The latest century that does not put the birth after `today`; unknown
    // parts count as 0, so a birth this year with no month stays this century.
    const int key = year * 10000 + mm * 100 + dd;
    if (key > today.year * 10000 + today.month * 100 + today.day) year -= 100;
  } else if (year > today.year + 50) {
    year -= 100;  // documents run for years, not half a century
  }
  if (mm > 12 || (dd != 0 && dd > DaysInMonth(year, mm))) {
    warnings->push_back(std::string(what) + " '" + std::string(raw) + "' is not a valid date");
    return std::nullopt;
  }
  return model::PartialDate{static_cast<int16_t>(year), static_cast<int8_t>(mm),
                            static_cast<int8_t>(dd)};
}

// A run of characters on one line (0-based line and position).
struct Span {
  int line;
  int pos;
  int len;
};

class Parser {
 public:
  Parser(std::vector<std::string> lines, MrzFormat format, const model::PartialDate& today)
      : w_(lines), today_(today) {
    m_.format = format;
    m_.lines = std::move(lines);
  }

  Mrz Run() {
    switch (m_.format) {
      case MrzFormat::kTd1:
        Td1();
        break;
      case MrzFormat::kTd2:
      case MrzFormat::kMrvB:
        TwoLine(36);
        break;
      case MrzFormat::kTd3:
      case MrzFormat::kMrvA:
        TwoLine(44);
        break;
      case MrzFormat::kFrenchId:
        FrenchId();
        break;
    }
    return std::move(m_);
  }

 private:
  std::string Get(Span s) const {
    return w_[static_cast<size_t>(s.line)].substr(static_cast<size_t>(s.pos),
                                                  static_cast<size_t>(s.len));
  }
  char At(int line, int pos) const {
    return w_[static_cast<size_t>(line)][static_cast<size_t>(pos)];
  }

  // Checks the digit at `cd` against the characters of `data`. When the
  // check fails or a digits-only span (`digits`, which should include `cd`)
  // holds a look-alike letter, the look-alikes are replaced by digits; the
  // replacement is kept only if the check then holds. `filler_zero`: a '<'
  // check digit over an all-filler field passes (TD3 personal number).
  void Check(std::string field, const std::vector<Span>& data, Span cd,
             const std::vector<Span>& digits, bool filler_zero = false) {
    auto evaluate = [&](const std::vector<std::string>& w, char* expected, char* found) {
      std::string joined;
      for (const Span& s : data) {
        joined += w[static_cast<size_t>(s.line)].substr(static_cast<size_t>(s.pos),
                                                        static_cast<size_t>(s.len));
      }
      *expected = MrzCheckDigit(joined);
      *found = w[static_cast<size_t>(cd.line)][static_cast<size_t>(cd.pos)];
      const bool all_filler = joined.find_first_not_of('<') == std::string::npos;
      return *found == *expected || (filler_zero && all_filler && *found == '<');
    };
    MrzCheck check{field, '0', '<', false};
    check.ok = evaluate(w_, &check.expected, &check.found);

    std::vector<std::string> trial = w_;
    std::vector<MrzCorrection> fixes;
    for (const Span& s : digits) {
      for (int p = s.pos; p < s.pos + s.len; ++p) {
        char& c = trial[static_cast<size_t>(s.line)][static_cast<size_t>(p)];
        if (const char d = LookalikeDigit(c)) {
          fixes.push_back(MrzCorrection{field, s.line + 1, p + 1, c, d});
          c = d;
        }
      }
    }
    if (!fixes.empty()) {
      MrzCheck fixed{field, '0', '<', false};
      fixed.ok = evaluate(trial, &fixed.expected, &fixed.found);
      if (fixed.ok) {
        w_ = std::move(trial);
        check = fixed;
        for (MrzCorrection& f : fixes) m_.corrections.push_back(std::move(f));
      }
    }
    m_.checks.push_back(std::move(check));
  }

  // The document number: 9 characters at (line, pos) and its check digit
  // after them. With `overflow` (TD1, TD2), a '<' in place of the check digit
  // means the number continues at the start of the optional field
  // [opt_begin, opt_end) on `opt_line`, followed by its check digit and a '<'.
  // Leaves the rest of the optional field in *optional.
  void DocumentNumber(int line, int pos, bool overflow, int opt_line, int opt_begin, int opt_end,
                      std::string* optional) {
    if (overflow && At(line, pos + 9) == '<' && At(opt_line, opt_begin) != '<') {
      int end = opt_begin;
      while (end < opt_end && At(opt_line, end) != '<') ++end;
      const Span cd{opt_line, end - 1, 1};
      const Span rest{opt_line, opt_begin, end - 1 - opt_begin};
      Check("document_number", {Span{line, pos, 9}, rest}, cd, {cd});
      m_.document_number = StripTrailingFillers(Get(Span{line, pos, 9}) + Get(rest));
      *optional = StripFillers(Get(Span{opt_line, end, opt_end - end}));
      return;
    }
    const Span cd{line, pos + 9, 1};
    Check("document_number", {Span{line, pos, 9}}, cd, {cd});
    m_.document_number = StripTrailingFillers(Get(Span{line, pos, 9}));
    *optional = StripTrailingFillers(Get(Span{opt_line, opt_begin, opt_end - opt_begin}));
  }

  void DateCheck(std::string field, int line, int pos) {
    const Span date{line, pos, 6};
    const Span cd{line, pos + 6, 1};
    Check(std::move(field), {date}, cd, {date, cd});
  }

  // Reads what the checks may have corrected: dates, sex, codes.
  void ReadDates(Span birth, Span expiry) {
    m_.birth_date_raw = Get(birth);
    m_.birth_date = ReadDate(m_.birth_date_raw, DateRole::kBirth, today_, &m_.warnings);
    if (expiry.len > 0) {
      m_.expiry_date_raw = Get(expiry);
      m_.expiry_date = ReadDate(m_.expiry_date_raw, DateRole::kExpiry, today_, &m_.warnings);
    }
  }

  void ReadSex(int line, int pos) {
    m_.sex = At(line, pos);
    if (m_.sex != 'M' && m_.sex != 'F' && m_.sex != 'X' && m_.sex != '<') {
      m_.warnings.push_back("sex '" + std::string(1, m_.sex) + "' is not M, F, X or '<'");
    }
  }

  void ReadCodes(Span code, Span state, Span nationality) {
    m_.document_code = StripFillers(Get(code));
    m_.issuing_state = StripFillers(Get(state));
    m_.issuing_state_code = LookupIcaoCode(m_.issuing_state);
    if (!m_.issuing_state_code) {
      m_.warnings.push_back("issuing state '" + m_.issuing_state + "' is not an ICAO code");
    }
    if (nationality.len == 0) return;
    m_.nationality = StripFillers(Get(nationality));
    m_.nationality_code = LookupIcaoCode(m_.nationality);
    if (!m_.nationality_code) {
      m_.warnings.push_back("nationality '" + m_.nationality + "' is not an ICAO code");
    }
  }

  void ExpectCode(std::string_view letters) {
    const char first = At(0, 0);
    if (letters.find(first) == std::string_view::npos) {
      m_.warnings.push_back("document code '" + Get(Span{0, 0, 2}) + "' is unusual for " +
                            std::string(ToString(m_.format)));
    }
  }

  // Primary identifier "<<" secondary identifier, components split by '<'.
  void ReadName(Span field) {
    m_.name_raw = Get(field);
    m_.name_truncated = m_.name_raw.back() != '<';
    const std::string name = StripTrailingFillers(m_.name_raw);
    const size_t split = name.find("<<");
    if (split == std::string::npos) {
      m_.surname = JoinComponents(name);
      return;
    }
    m_.surname = JoinComponents(std::string_view(name).substr(0, split));
    m_.given_names = JoinComponents(std::string_view(name).substr(split + 2));
  }

  void Td1() {
    ExpectCode("IAC");
    DocumentNumber(0, 5, true, 0, 15, 30, &m_.optional_data);
    DateCheck("birth_date", 1, 0);
    DateCheck("expiry_date", 1, 8);
    Check("composite", {Span{0, 5, 25}, Span{1, 0, 7}, Span{1, 8, 7}, Span{1, 18, 11}},
          Span{1, 29, 1}, {Span{1, 29, 1}});
    ReadCodes(Span{0, 0, 2}, Span{0, 2, 3}, Span{1, 15, 3});
    ReadDates(Span{1, 0, 6}, Span{1, 8, 6});
    ReadSex(1, 7);
    m_.optional_data2 = StripTrailingFillers(Get(Span{1, 18, 11}));
    ReadName(Span{2, 0, 30});
  }

  // TD2, TD3, MRV-B, MRV-A: the same line 2 up to the optional data.
  void TwoLine(int width) {
    const bool visa = m_.format == MrzFormat::kMrvA || m_.format == MrzFormat::kMrvB;
    const bool td3 = m_.format == MrzFormat::kTd3;
    ExpectCode(visa ? "V" : td3 ? "P" : "PIAC");
    // The optional field runs to the end of the line, less the composite
    // check digit (TD2, TD3) and the personal number's check digit (TD3).
    const int opt_end = width - (visa ? 0 : 1) - (td3 ? 1 : 0);
    DocumentNumber(1, 0, m_.format == MrzFormat::kTd2, 1, 28, opt_end, &m_.optional_data);
    DateCheck("birth_date", 1, 13);
    DateCheck("expiry_date", 1, 21);
    if (td3) {
      const Span cd{1, 42, 1};
      Check("optional_data", {Span{1, 28, 14}}, cd, {cd}, /*filler_zero=*/true);
    }
    if (!visa) {
      const Span cd{1, width - 1, 1};
      Check("composite", {Span{1, 0, 10}, Span{1, 13, 7}, Span{1, 21, width - 22}}, cd, {cd});
    }
    ReadCodes(Span{0, 0, 2}, Span{0, 2, 3}, Span{1, 10, 3});
    ReadDates(Span{1, 13, 6}, Span{1, 21, 6});
    ReadSex(1, 20);
    ReadName(Span{0, 5, width - 5});
  }

  // Line 1: "IDFRA", surname (25), department and office (6). Line 2:
  // document number (12) and check digit, given names (14), birth date and
  // check digit, sex, composite over line 1 and line 2 up to the sex.
  void FrenchId() {
    const Span cd{1, 12, 1};
    Check("document_number", {Span{1, 0, 12}}, cd, {cd});
    m_.document_number = StripTrailingFillers(Get(Span{1, 0, 12}));
    DateCheck("birth_date", 1, 27);
    const Span composite{1, 35, 1};
    Check("composite", {Span{0, 0, 36}, Span{1, 0, 35}}, composite, {composite});
    ReadCodes(Span{0, 0, 2}, Span{0, 2, 3}, Span{0, 0, 0});
    // Only French citizens hold the card; the MRZ does not repeat it.
    m_.nationality = "FRA";
    m_.nationality_code = LookupIcaoCode("FRA");
    ReadDates(Span{1, 27, 6}, Span{0, 0, 0});
    ReadSex(1, 34);
    m_.optional_data = StripTrailingFillers(Get(Span{0, 30, 6}));
    const std::string surname = Get(Span{0, 5, 25});
    const std::string given = Get(Span{1, 13, 14});
    m_.name_raw = surname + "<<" + given;
    m_.name_truncated = surname.back() != '<' || given.back() != '<';
    m_.surname = JoinComponents(surname);
    m_.given_names = JoinComponents(given);
  }

  Mrz m_;
  std::vector<std::string> w_;  // the lines with OCR corrections applied
  model::PartialDate today_;
};

// Splits, trims, upper-cases and validates the characters; cuts a single
// unbroken line into the lines of its format.
Result<std::vector<std::string>> CleanLines(const std::vector<std::string>& input) {
  std::vector<std::string> lines;
  for (const std::string& item : input) {
    size_t begin = 0;
    while (begin <= item.size()) {
      size_t end = item.find('\n', begin);
      if (end == std::string::npos) end = item.size();
      std::string_view line = std::string_view(item).substr(begin, end - begin);
      while (!line.empty() && IsSpace(line.front())) line.remove_prefix(1);
      while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
      if (!line.empty()) lines.emplace_back(line);
      begin = end + 1;
    }
  }
  if (lines.empty())
    return Status::InvalidArgument("MRZ is empty; expected " + std::string(kShapes));
  for (size_t i = 0; i < lines.size(); ++i) {
    for (size_t j = 0; j < lines[i].size(); ++j) {
      char& c = lines[i][j];
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (!IsMrzChar(c)) {
        return Status::InvalidArgument("MRZ line " + std::to_string(i + 1) + ", column " +
                                       std::to_string(j + 1) + ": " + Describe(c) +
                                       " is not allowed (only A-Z, 0-9 and '<')");
      }
    }
  }
  if (lines.size() == 1) {
    const size_t n = lines[0].size();
    const size_t width = n == 90 ? 30 : n == 72 ? 36 : n == 88 ? 44 : 0;
    if (width != 0) {
      const std::string all = std::move(lines[0]);
      lines.clear();
      for (size_t i = 0; i < n; i += width) lines.push_back(all.substr(i, width));
    }
  }
  return lines;
}

std::string LengthsOf(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += i + 1 == lines.size() ? " and " : ", ";
    out += std::to_string(lines[i].size());
  }
  return out;
}

Result<MrzFormat> DetectFormat(const std::vector<std::string>& lines) {
  auto all_of_width = [&](size_t width) {
    for (const std::string& l : lines) {
      if (l.size() != width) return false;
    }
    return true;
  };
  if (lines.size() == 3 && all_of_width(30)) return MrzFormat::kTd1;
  if (lines.size() == 2 && all_of_width(44)) {
    return lines[0][0] == 'V' ? MrzFormat::kMrvA : MrzFormat::kTd3;
  }
  if (lines.size() == 2 && all_of_width(36)) {
    if (lines[0].compare(0, 5, "IDFRA") == 0) return MrzFormat::kFrenchId;
    return lines[0][0] == 'V' ? MrzFormat::kMrvB : MrzFormat::kTd2;
  }
  if (lines.size() == 3 && lines[0].size() == 9 && lines[1].size() == 30 && lines[2].size() == 30) {
    return Status::Unsupported(
        "MRZ of 3 lines of 9, 30 and 30 characters is a Swiss driving licence, not a Doc 9303 "
        "travel document");
  }
  if (lines.size() < 2 || lines.size() > 3) {
    return Status::InvalidArgument(
        "MRZ has " + std::to_string(lines.size()) + (lines.size() == 1 ? " line" : " lines") +
        " of " + LengthsOf(lines) + " characters; expected " + std::string(kShapes));
  }
  return Status::InvalidArgument("MRZ lines have " + LengthsOf(lines) + " characters; expected " +
                                 std::string(kShapes));
}

}  // namespace

std::string_view ToString(MrzFormat format) {
  switch (format) {
    case MrzFormat::kTd1:
      return "TD1";
    case MrzFormat::kTd2:
      return "TD2";
    case MrzFormat::kTd3:
      return "TD3";
    case MrzFormat::kMrvA:
      return "MRV-A";
    case MrzFormat::kMrvB:
      return "MRV-B";
    case MrzFormat::kFrenchId:
      return "FR-ID";
  }
  return "TD3";
}

char MrzCheckDigit(std::string_view field) {
  static constexpr int kWeights[] = {7, 3, 1};
  int sum = 0;
  for (size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    int v = 0;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      v = c - 'A' + 10;
    }
    sum = (sum + v * kWeights[i % 3]) % 10;
  }
  return static_cast<char>('0' + sum);
}

bool Mrz::valid() const {
  for (const MrzCheck& c : checks) {
    if (!c.ok) return false;
  }
  return true;
}

const MrzCheck* Mrz::check(std::string_view field) const {
  for (const MrzCheck& c : checks) {
    if (c.field == field) return &c;
  }
  return nullptr;
}

model::Gender Mrz::gender() const {
  if (sex == 'M') return model::Gender::kMale;
  if (sex == 'F') return model::Gender::kFemale;
  return model::Gender::kUnknown;
}

std::optional<bool> Mrz::IsExpired(const model::PartialDate& on) const {
  if (!expiry_date || expiry_date->empty() || on.empty()) return std::nullopt;
  const int expiry[] = {expiry_date->year, expiry_date->month, expiry_date->day};
  const int date[] = {on.year, on.month, on.day};
  for (int i = 0; i < 3; ++i) {
    // The document runs to the end of a period the expiry leaves open.
    if (expiry[i] == 0) return false;
    if (date[i] == 0) return std::nullopt;
    if (date[i] != expiry[i]) return date[i] > expiry[i];
  }
  return false;  // the expiry day itself
}

Result<Mrz> ParseMrz(const std::vector<std::string>& lines, const model::PartialDate& today) {
  Result<std::vector<std::string>> clean = CleanLines(lines);
  if (!clean.ok()) return clean.status();
  Result<MrzFormat> format = DetectFormat(*clean);
  if (!format.ok()) return format.status();
  return Parser(std::move(clean).value(), *format, today.full() ? today : TodayUtc()).Run();
}

Result<Mrz> ParseMrz(const std::vector<std::string>& lines) { return ParseMrz(lines, TodayUtc()); }

Result<Mrz> ParseMrzText(std::string_view text, const model::PartialDate& today) {
  return ParseMrz(std::vector<std::string>{std::string(text)}, today);
}

}  // namespace hudud::travel
