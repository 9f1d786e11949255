// The good-practices library in SQLite with its FTS5 index
// (store/practices.h). The index is kept in step by triggers of schema
// migration 8 over the view practices_search_text, which folds Arabic as
// FoldArabicForSearch does here for queries: keep the two in step.
#include "store/practices.h"

#include <algorithm>
#include <utility>

#include "lists/csv.h"
#include "store/db.h"
#include "store/preferences.h"

namespace hudud::store {
namespace {

constexpr const char* kColumns =
    "id, group_key, language, region, topic, title, source, body, created_by, created_at, "
    "updated_at";

Practice FromRow(sqlite3_stmt* s) {
  Practice p;
  p.id = sqlite3_column_int64(s, 0);
  p.group = ColumnText(s, 1);
  p.language = ColumnText(s, 2);
  p.region = ColumnText(s, 3);
  p.topic = ColumnText(s, 4);
  p.title = ColumnText(s, 5);
  p.source = ColumnText(s, 6);
  p.body = ColumnText(s, 7);
  p.created_by = ColumnText(s, 8);
  p.created_at = ColumnText(s, 9);
  p.updated_at = ColumnText(s, 10);
  return p;
}

// Code points in valid UTF-8: the bytes that are not continuation bytes.
size_t CodePointCount(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// A text field of an article: valid UTF-8, `min` to `max` code points, not
// blank when required, and without control characters (`multi_line`: but
// line breaks and tabs).
Status CheckField(std::string_view name, std::string_view v, size_t min, size_t max,
                  bool multi_line) {
  const std::string field(name);
  if (!lists::IsValidUtf8(v)) return Status::InvalidArgument(field + " is not valid UTF-8");
  if (min > 0 && Blank(v)) return Status::InvalidArgument(field + " is required");
  const size_t n = CodePointCount(v);
  if (n < min || n > max) {
    return Status::InvalidArgument(field + " must be " + std::to_string(min) + " to " +
                                   std::to_string(max) + " characters, got " + std::to_string(n));
  }
  for (char c : v) {
    const auto u = static_cast<unsigned char>(c);
    const bool allowed = multi_line && (c == '\n' || c == '\r' || c == '\t');
    if ((u < 0x20 || u == 0x7F) && !allowed) {
      return Status::InvalidArgument(field + (multi_line ? " may not hold control characters"
                                                         : " must be one line without control "
                                                           "characters"));
    }
  }
  return Status::Ok();
}

bool ValidGroup(std::string_view g) {
  if (g.empty() || g.size() > 64) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(g.front())) return false;
  return std::all_of(g.begin(), g.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

// The id of `group`'s article in `language` other than `except_id`; 0 when
// there is none.
Result<int64_t> ArticleInLanguage(Store::Impl& impl, const std::string& group,
                                  const std::string& language, int64_t except_id) {
  Result<Stmt> q =
      impl.Prepare("SELECT id FROM practices WHERE group_key = ? AND language = ? AND id <> ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, group);
  BindText(*q, 2, language);
  sqlite3_bind_int64(q->get(), 3, except_id);
  Result<bool> row = impl.Step(*q, "reading the practices");
  if (!row.ok()) return row.status();
  return *row ? sqlite3_column_int64(q->get(), 0) : int64_t{0};
}

Status CheckNoTranslationClash(Store::Impl& impl, const std::string& group,
                               const std::string& language, int64_t except_id) {
  Result<int64_t> other = ArticleInLanguage(impl, group, language, except_id);
  if (!other.ok()) return other.status();
  if (*other != 0) {
    return Status::InvalidArgument("group '" + group + "' already has an article in " + language +
                                   " (id " + std::to_string(*other) + ")");
  }
  return Status::Ok();
}

Result<bool> GroupExists(Store::Impl& impl, const std::string& group) {
  Result<Stmt> q = impl.Prepare("SELECT 1 FROM practices WHERE group_key = ? LIMIT 1");
  if (!q.ok()) return q.status();
  BindText(*q, 1, group);
  return impl.Step(*q, "reading the practices");
}

Result<Practice> ReadPractice(Store::Impl& impl, int64_t id) {
  Result<Stmt> q = impl.Prepare(std::string("SELECT ") + kColumns + " FROM practices WHERE id = ?");
  if (!q.ok()) return q.status();
  sqlite3_bind_int64(q->get(), 1, id);
  Result<bool> row = impl.Step(*q, "reading a practice");
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no practice " + std::to_string(id));
  return FromRow(q->get());
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// An FTS5 query: every word of `query` (split on white space, Arabic
// folded) as a quoted prefix term, all required. Quoting keeps FTS5's
// operators (AND, NEAR, -, :, ^, parentheses) literal.
std::string MatchExpression(std::string_view query) {
  std::string out;
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && IsSpace(query[i])) ++i;
    size_t j = i;
    while (j < query.size() && !IsSpace(query[j])) ++j;
    if (j > i) {
      const std::string word = FoldArabicForSearch(query.substr(i, j - i));
      if (!out.empty()) out += ' ';
      out += '"';
      for (char c : word) {
        out += c;
        if (c == '"') out += '"';
      }
      out += "\"*";
    }
    i = j;
  }
  return out;
}

Result<std::vector<std::string>> Distinct(Store::Impl& impl, const char* column) {
  Result<Stmt> q =
      impl.Prepare(std::string("SELECT DISTINCT ") + column + " FROM practices ORDER BY " + column);
  if (!q.ok()) return q.status();
  std::vector<std::string> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading the practices");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.emplace_back(ColumnText(q->get(), 0));
  }
  return out;
}

}  // namespace

std::string FoldArabicForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    // Every folded letter and mark is a two-byte sequence of U+0600-U+06FF.
    if (lead >= 0xD8 && lead <= 0xDB && i + 1 < text.size()) {
      const auto trail = static_cast<unsigned char>(text[i + 1]);
      const char32_t c = (static_cast<char32_t>(lead & 0x1F) << 6) | (trail & 0x3F);
      if (c == 0x0640 || (c >= 0x064B && c <= 0x0655) || c == 0x0670) {
        ++i;  // tatweel, harakat, hamza and madda marks, superscript alef: dropped
        continue;
      }
      const char* to = nullptr;
      if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) to = "\u0627";  // alef
      if (c == 0x0649) to = "\u064A";                                               // ya
      if (c == 0x0629) to = "\u0647";                                               // ha
      if (to != nullptr) {
        out += to;
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

Status CheckPractice(const PracticeInput& in) {
  HUDUD_RETURN_IF_ERROR(CheckField("title", in.title, 3, 200, false));
  HUDUD_RETURN_IF_ERROR(CheckField("body", in.body, 20, 50000, true));
  if (!IsConsoleLanguage(in.language)) {
    return Status::InvalidArgument("language must be one of " + ConsoleLanguageNames() + ", got '" +
                                   in.language + "'");
  }
  HUDUD_RETURN_IF_ERROR(CheckField("region", in.region, 1, 100, false));
  HUDUD_RETURN_IF_ERROR(CheckField("topic", in.topic, 1, 100, false));
  HUDUD_RETURN_IF_ERROR(CheckField("source", in.source, 0, 500, false));
  if (!in.group.empty() && !ValidGroup(in.group)) {
    return Status::InvalidArgument(
        "group must be 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit, "
        "got '" +
        in.group + "'");
  }
  return Status::Ok();
}

Result<Practice> AddPractice(Store& store, const PracticeInput& in, const std::string& actor) {
  HUDUD_RETURN_IF_ERROR(CheckPractice(in));
  if (Blank(actor)) return Status::InvalidArgument("who is adding the practice?");
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  std::string group = in.group;
  if (group.empty()) {
    // "practice-<the id it will get>", unless someone named a group so.
    Result<Stmt> next = impl.Prepare("SELECT coalesce(max(id), 0) + 1 FROM practices");
    if (!next.ok()) return next.status();
    Result<bool> row = impl.Step(*next, "reading the practices");
    if (!row.ok()) return row.status();
    const std::string base = "practice-" + std::to_string(sqlite3_column_int64(next->get(), 0));
    group = base;
    for (int n = 2;; ++n) {
      Result<bool> taken = GroupExists(impl, group);
      if (!taken.ok()) return taken.status();
      if (!*taken) break;
      group = base + "-" + std::to_string(n);
    }
  } else {
    HUDUD_RETURN_IF_ERROR(CheckNoTranslationClash(impl, group, in.language, 0));
  }
  Result<Stmt> ins = impl.Prepare(
      "INSERT INTO practices (group_key, language, region, topic, title, source, body, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?9)");
  if (!ins.ok()) return ins.status();
  const std::string now = UtcNowIso8601();
  BindText(*ins, 1, group);
  BindText(*ins, 2, in.language);
  BindText(*ins, 3, in.region);
  BindText(*ins, 4, in.topic);
  BindText(*ins, 5, in.title);
  BindText(*ins, 6, in.source);
  BindText(*ins, 7, in.body);
  BindText(*ins, 8, actor);
  BindText(*ins, 9, now);
  HUDUD_RETURN_IF_ERROR(impl.Run(*ins, "storing a practice"));
  const int64_t id = sqlite3_last_insert_rowid(impl.db);
  Result<Practice> p = ReadPractice(impl, id);
  if (!p.ok()) return p.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return p;
}

Result<Practice> UpdatePractice(Store& store, int64_t id, const PracticeInput& in) {
  HUDUD_RETURN_IF_ERROR(CheckPractice(in));
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/true));
  Result<Practice> old = ReadPractice(impl, id);
  if (!old.ok()) return old.status();
  const std::string group = in.group.empty() ? old->group : in.group;
  HUDUD_RETURN_IF_ERROR(CheckNoTranslationClash(impl, group, in.language, id));
  Result<Stmt> up = impl.Prepare(
      "UPDATE practices SET group_key = ?, language = ?, region = ?, topic = ?, title = ?, "
      "source = ?, body = ?, updated_at = ? WHERE id = ?");
  if (!up.ok()) return up.status();
  const std::string now = UtcNowIso8601();
  BindText(*up, 1, group);
  BindText(*up, 2, in.language);
  BindText(*up, 3, in.region);
  BindText(*up, 4, in.topic);
  BindText(*up, 5, in.title);
  BindText(*up, 6, in.source);
  BindText(*up, 7, in.body);
  BindText(*up, 8, now);
  sqlite3_bind_int64(up->get(), 9, id);
  HUDUD_RETURN_IF_ERROR(impl.Run(*up, "updating a practice"));
  Result<Practice> p = ReadPractice(impl, id);
  if (!p.ok()) return p.status();
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return p;
}

Result<Practice> GetPractice(Store& store, int64_t id) { return ReadPractice(*store.impl(), id); }

Result<std::vector<PracticeTranslation>> PracticeTranslations(Store& store,
                                                              const std::string& group,
                                                              int64_t except_id) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT id, language, title FROM practices WHERE group_key = ? AND id <> ? ORDER BY "
      "CASE language WHEN 'ar' THEN 0 WHEN 'en' THEN 1 WHEN 'ru' THEN 2 WHEN 'fr' THEN 3 "
      "ELSE 4 END, id");
  if (!q.ok()) return q.status();
  BindText(*q, 1, group);
  sqlite3_bind_int64(q->get(), 2, except_id);
  std::vector<PracticeTranslation> out;
  for (;;) {
    Result<bool> row = impl.Step(*q, "reading the practices");
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({sqlite3_column_int64(q->get(), 0), std::string(ColumnText(q->get(), 1)),
                   std::string(ColumnText(q->get(), 2))});
  }
  return out;
}

Result<PracticePage> SearchPractices(Store& store, const PracticeFilter& f) {
  if (f.limit < 1 || f.limit > 200) return Status::InvalidArgument("limit must be 1 to 200");
  if (f.after < 0) return Status::InvalidArgument("after must be an article id");
  if (f.query.size() > 500) return Status::InvalidArgument("q is longer than 500 bytes");
  if (!lists::IsValidUtf8(f.query)) return Status::InvalidArgument("q is not valid UTF-8");
  if (!f.language.empty() && !IsConsoleLanguage(f.language)) {
    return Status::InvalidArgument("language must be one of " + ConsoleLanguageNames() + ", got '" +
                                   f.language + "'");
  }
  const std::string match = MatchExpression(f.query);
  const bool ranked = !match.empty();
  Store::Impl& impl = *store.impl();
  Transaction tx(&impl);
  HUDUD_RETURN_IF_ERROR(tx.Begin(/*write=*/false));

  // Every match in order (a library is small: ids only), then the page.
  std::string sql = "SELECT p.id FROM practices p ";
  if (ranked) {
    sql +=
        "JOIN (SELECT rowid AS id, bm25(practices_fts, 5.0, 1.0) AS score FROM practices_fts "
        "WHERE practices_fts MATCH ?1) h ON h.id = p.id ";
  }
  sql +=
      "WHERE (?2 = '' OR p.language = ?2) AND (?3 = '' OR p.region = ?3) AND "
      "(?4 = '' OR p.topic = ?4) ";
  sql += ranked ? "ORDER BY h.score, p.id" : "ORDER BY p.id";
  Result<Stmt> q = impl.Prepare(sql);
  if (!q.ok()) return q.status();
  if (ranked) BindText(*q, 1, match);
  BindText(*q, 2, f.language);
  BindText(*q, 3, f.region);
  BindText(*q, 4, f.topic);
  std::vector<int64_t> ids;
  for (;;) {
    Result<bool> row = impl.Step(*q, "searching the practices");
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.push_back(sqlite3_column_int64(q->get(), 0));
  }

  PracticePage page;
  page.total = static_cast<int64_t>(ids.size());
  size_t start = 0;
  if (f.after > 0) {
    if (ranked) {
      // After the given article in relevance order (none when it no longer matches).
      const auto at = std::find(ids.begin(), ids.end(), f.after);
      start = at == ids.end() ? ids.size() : static_cast<size_t>(at - ids.begin()) + 1;
    } else {
      start = static_cast<size_t>(std::upper_bound(ids.begin(), ids.end(), f.after) - ids.begin());
    }
  }
  const size_t end = std::min(ids.size(), start + static_cast<size_t>(f.limit));
  Result<Stmt> one =
      impl.Prepare(std::string("SELECT ") + kColumns + " FROM practices WHERE id = ?");
  if (!one.ok()) return one.status();
  for (size_t i = start; i < end; ++i) {
    sqlite3_bind_int64(one->get(), 1, ids[i]);
    Result<bool> row = impl.Step(*one, "reading a practice");
    if (!row.ok()) return row.status();
    if (*row) page.practices.push_back(FromRow(one->get()));
    sqlite3_reset(one->get());
  }
  if (end < ids.size() && end > start) page.next = ids[end - 1];

  Result<std::vector<std::string>> regions = Distinct(impl, "region");
  if (!regions.ok()) return regions.status();
  Result<std::vector<std::string>> topics = Distinct(impl, "topic");
  if (!topics.ok()) return topics.status();
  page.regions = std::move(*regions);
  page.topics = std::move(*topics);
  HUDUD_RETURN_IF_ERROR(tx.Commit());
  return page;
}

std::string PracticeSummary(std::string_view body, size_t max_chars) {
  std::string flat;
  flat.reserve(std::min(body.size(), max_chars * 4 + 8));
  size_t chars = 0;
  bool space = false, cut = false;
  for (char c : body) {
    if (IsSpace(c)) {
      space = !flat.empty();
      continue;
    }
    const bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char && chars + (space ? 1 : 0) >= max_chars) {
      cut = true;
      break;
    }
    if (space && starts_char) {
      flat += ' ';
      ++chars;
      space = false;
    }
    flat += c;
    if (starts_char) ++chars;
  }
  if (!cut) return flat;
  // Back to the last word boundary, unless that loses more than half.
  const size_t last_space = flat.rfind(' ');
  if (last_space != std::string::npos && last_space > flat.size() / 2) flat.resize(last_space);
  while (!flat.empty() && std::string_view(",;:-").find(flat.back()) != std::string_view::npos) {
    flat.pop_back();
  }
  return flat + "…";
}

}  // namespace hudud::store
