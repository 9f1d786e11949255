// Reading rule text: tokens, then a recursive-descent parser that checks
// every field, operator and value against the catalogue and compiles the rule
// into the flat program that rules.cc evaluates.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "travel/rule_internal.h"

namespace hudud::travel::rule_internal {
namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool EndsWord(unsigned char c) {
  return IsSpace(c) || c == '(' || c == ')' || c == ',' || c == '=' || c == '!' || c == '<' ||
         c == '>' || c == '"' || c == '\'' || c < 0x20 || c == 0x7F;
}

// The byte offset of the first invalid UTF-8 sequence, or npos.
size_t InvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07;
    } else {
      return i;
    }
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return i;
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates, beyond U+10FFFF.
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += n + 1;
  }
  return std::string_view::npos;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsTextKind(ValueKind k) {
  return k != ValueKind::kNumber && k != ValueKind::kDate && k != ValueKind::kBool;
}

// -?digits[.digits], nothing else; within a sane range.
std::optional<double> ParseNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const size_t digits_from = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits_from || i - digits_from > 12) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const size_t frac_from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == frac_from || i - frac_from > 6) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// YYYY-MM-DD exactly, a real date.
std::optional<long> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t from[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t k = 0; k < len[p]; ++k) {
      const char c = s[from[p] + k];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  if (parts[0] < 1 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1) return std::nullopt;
  return DayNumber(model::PartialDate{static_cast<int16_t>(parts[0]), static_cast<int8_t>(parts[1]),
                                      static_cast<int8_t>(parts[2])});
}

std::string KnownFields() {
  std::string out;
  for (const FieldInfo& f : RuleFields()) {
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens)
      : text_(text), tokens_(std::move(tokens)), role_(tokens_.size(), Role::kPlain) {
    program_ = std::make_shared<RuleExpression::Program>();
    program_->text = std::string(text);
  }

  Result<std::shared_ptr<const RuleExpression::Program>> Run() {
    if (Peek().kind == TokenKind::kEnd) return Error(0, "empty rule: expected a condition");
    Result<int> root = ParseOr(0);
    if (!root.ok()) return root.status();
    const Token& t = Peek();
    if (t.kind != TokenKind::kEnd) {
      if (t.kind == TokenKind::kRParen) return Error(t.offset, "')' without a matching '('");
      std::string msg = "expected 'and', 'or' or the end of the rule, found " + Describe(t);
      if (t.kind == TokenKind::kWord) msg += " (a value with spaces in it needs quotes)";
      return Error(t.offset, msg);
    }
    program_->root = *root;
    program_->canonical = Render(0, tokens_.size() - 1);
    return std::shared_ptr<const RuleExpression::Program>(std::move(program_));
  }

 private:
  enum class Role : uint8_t { kPlain, kKeyword, kField };

  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& Next() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool IsKeyword(const Token& t, std::string_view word) const {
    if (t.kind != TokenKind::kWord || t.text.size() != word.size()) return false;
    return Lower(t.text) == word;
  }
  // Consumes the keyword if it comes next.
  bool Accept(std::string_view word) {
    if (!IsKeyword(Peek(), word)) return false;
    role_[pos_] = Role::kKeyword;
    Next();
    return true;
  }

  Status Error(size_t offset, const std::string& message) const {
    return Status::InvalidArgument(Where(text_, offset) + ": " + message);
  }

  static std::string Describe(const Token& t) {
    switch (t.kind) {
      case TokenKind::kEnd:
        return "the end of the rule";
      case TokenKind::kString:
        return "\"" + t.text + "\"";
      default:
        return "'" + t.text + "'";
    }
  }

  int AddNode(Node node) {
    program_->nodes.push_back(std::move(node));
    return static_cast<int>(program_->nodes.size() - 1);
  }

  Result<int> ParseOr(int depth) {
    std::vector<int> children;
    do {
      Result<int> child = ParseAnd(depth);
      if (!child.ok()) return child.status();
      children.push_back(*child);
    } while (Accept("or"));
    if (children.size() == 1) return children[0];
    Node node;
    node.kind = Node::Kind::kOr;
    node.children = std::move(children);
    return AddNode(std::move(node));
  }

  Result<int> ParseAnd(int depth) {
    std::vector<int> children;
    do {
      Result<int> child = ParseUnary(depth);
      if (!child.ok()) return child.status();
      children.push_back(*child);
    } while (Accept("and"));
    if (children.size() == 1) return children[0];
    Node node;
    node.kind = Node::Kind::kAnd;
    node.children = std::move(children);
    return AddNode(std::move(node));
  }

  Result<int> ParseUnary(int depth) {
    const Token& t = Peek();
    if (IsKeyword(t, "not")) {
      if (depth >= kMaxRuleDepth) return TooDeep(t);
      Accept("not");
      Result<int> child = ParseUnary(depth + 1);
      if (!child.ok()) return child.status();
      Node node;
      node.kind = Node::Kind::kNot;
      node.children = {*child};
      return AddNode(std::move(node));
    }
    if (t.kind == TokenKind::kLParen) {
      if (depth >= kMaxRuleDepth) return TooDeep(t);
      const size_t open = t.offset;
      Next();
      Result<int> inner = ParseOr(depth + 1);
      if (!inner.ok()) return inner.status();
      if (Peek().kind != TokenKind::kRParen) {
        return Error(Peek().offset, "expected ')' to close the '(' at " + Where(text_, open) +
                                        ", found " + Describe(Peek()));
      }
      Next();
      program_->nodes[static_cast<size_t>(*inner)].parenthesised = true;
      return *inner;
    }
    return ParseCondition();
  }

  Status TooDeep(const Token& t) const {
    return Error(t.offset,
                 "nested deeper than " + std::to_string(kMaxRuleDepth) + " parentheses and NOTs");
  }

  Result<const FieldDef*> ParseField() {
    const Token& t = Peek();
    if (t.kind != TokenKind::kWord) {
      std::string msg = "expected a condition (a field name), found " + Describe(t);
      if (pos_ > 0) msg += " after '" + tokens_[pos_ - 1].text + "'";
      return Error(t.offset, msg);
    }
    const FieldDef* field = FindField(t.text);
    if (field == nullptr) {
      std::string msg = "unknown field '" + t.text + "'";
      const std::string_view suggestion = SuggestField(t.text);
      if (!suggestion.empty()) msg += "; did you mean '" + std::string(suggestion) + "'?";
      msg += "; known fields: " + KnownFields();
      return Error(t.offset, msg);
    }
    role_[pos_] = Role::kField;
    Next();
    return field;
  }

  Result<int> ParseCondition() {
    const size_t first = pos_;
    Condition cond;
    if (IsKeyword(Peek(), "exists") && Peek(1).kind == TokenKind::kWord) {
      Accept("exists");
      Result<const FieldDef*> field = ParseField();
      if (!field.ok()) return field.status();
      cond.field = (*field)->id;
      cond.op = Op::kExists;
      return AddCondition(std::move(cond), first);
    }
    if (IsKeyword(Peek(), "exists")) {
      return Error(Peek(1).offset,
                   "expected a field name after 'exists', found " + Describe(Peek(1)));
    }
    Result<const FieldDef*> field_or = ParseField();
    if (!field_or.ok()) return field_or.status();
    const FieldDef& field = **field_or;
    cond.field = field.id;
    const Token& t = Peek();
    const std::string name(field.name);

    if (t.kind == TokenKind::kOp) {
      const std::string op = t.text;
      const size_t op_offset = t.offset;
      Next();
      if (op == "=") {
        cond.op = Op::kEq;
      } else if (op == "!=") {
        cond.op = Op::kNe;
      } else {
        cond.op = op == "<" ? Op::kLt : op == "<=" ? Op::kLe : op == ">" ? Op::kGt : Op::kGe;
        HUDUD_RETURN_IF_ERROR(NeedOrdered(field, op, op_offset));
      }
      HUDUD_RETURN_IF_ERROR(ParseValue(field, "'" + op + "'", &cond));
      return AddCondition(std::move(cond), first);
    }

    bool negated = false;
    const size_t not_offset = t.offset;
    if (IsKeyword(t, "not")) {
      if (!IsKeyword(Peek(1), "in") && !IsKeyword(Peek(1), "between") &&
          !IsKeyword(Peek(1), "contains")) {
        return Error(Peek(1).offset, "expected 'in', 'between' or 'contains' after '" + name +
                                         " not', found " + Describe(Peek(1)) +
                                         " (to negate a condition, put 'not' before it)");
      }
      Accept("not");
      negated = true;
    }
    const Token& k = Peek();
    const size_t k_offset = k.offset;
    if (Accept("in")) {
      cond.op = negated ? Op::kNotIn : Op::kIn;
      if (field.kind == ValueKind::kBool) {
        return Error(k_offset, "'" + name + "' is yes/no: use '" + name + "' or 'not " + name +
                                   "' instead of 'in'");
      }
      const std::string after = negated ? "'not in ('" : "'in ('";
      if (Peek().kind != TokenKind::kLParen) {
        return Error(Peek().offset, "expected '(' after 'in', found " + Describe(Peek()));
      }
      Next();
      for (;;) {
        HUDUD_RETURN_IF_ERROR(ParseValue(field, cond.values.empty() ? after : "','", &cond));
        if (Peek().kind == TokenKind::kComma) {
          Next();
          continue;
        }
        if (Peek().kind == TokenKind::kRParen) {
          Next();
          break;
        }
        return Error(Peek().offset,
                     "expected ',' or ')' in the list after 'in', found " + Describe(Peek()));
      }
      return AddCondition(std::move(cond), first);
    }
    if (Accept("between")) {
      cond.op = negated ? Op::kNotBetween : Op::kBetween;
      HUDUD_RETURN_IF_ERROR(NeedOrdered(field, "between", k_offset));
      HUDUD_RETURN_IF_ERROR(ParseValue(field, "'between'", &cond));
      if (!Accept("and")) {
        return Error(Peek().offset, "expected 'and' after 'between " + tokens_[pos_ - 1].text +
                                        "', found " + Describe(Peek()));
      }
      HUDUD_RETURN_IF_ERROR(ParseValue(field, "'and'", &cond));
      if (cond.values[0].number > cond.values[1].number) {
        return Error(k_offset, "'between' needs the lower bound first: " + Render(first, pos_) +
                                   " can never hold");
      }
      return AddCondition(std::move(cond), first);
    }
    if (Accept("contains")) {
      cond.op = negated ? Op::kNotContains : Op::kContains;
      if (!IsTextKind(field.kind)) {
        return Error(k_offset, "'" + name + "' is a " + std::string(ToString(field.type)) +
                                   " field: 'contains' needs a text field");
      }
      HUDUD_RETURN_IF_ERROR(ParseValue(field, "'contains'", &cond));
      return AddCondition(std::move(cond), first);
    }
    if (negated) return Error(not_offset, "internal: 'not' without an operator");
    if (Accept("is")) {
      const bool is_not = Accept("not");
      if (!Accept("empty")) {
        return Error(Peek().offset, std::string("expected 'empty' after 'is") +
                                        (is_not ? " not'" : "'") + ", found " + Describe(Peek()));
      }
      cond.op = is_not ? Op::kExists : Op::kEmpty;
      return AddCondition(std::move(cond), first);
    }
    if (Accept("exists")) {
      cond.op = Op::kExists;
      return AddCondition(std::move(cond), first);
    }
    // A bare field: only a yes/no field is a condition by itself.
    const bool ends = t.kind == TokenKind::kEnd || t.kind == TokenKind::kRParen ||
                      IsKeyword(t, "and") || IsKeyword(t, "or");
    if (ends && field.kind == ValueKind::kBool) {
      cond.op = Op::kIsTrue;
      return AddCondition(std::move(cond), first);
    }
    std::string msg = "expected an operator after '" + name +
                      "' (=, !=, <, <=, >, >=, in, not in, between, contains, is empty), found " +
                      Describe(t);
    if (ends) msg += "; only yes/no fields stand alone";
    return Error(t.offset, msg);
  }

  Status NeedOrdered(const FieldDef& field, const std::string& op, size_t offset) const {
    if (field.kind == ValueKind::kNumber || field.kind == ValueKind::kDate) return Status::Ok();
    return Error(offset, "'" + std::string(field.name) + "' is a " +
                             std::string(ToString(field.type)) + " field: '" + op +
                             "' needs a number or date field");
  }

  // Reads one literal for `field` and appends it to `cond`.
  Status ParseValue(const FieldDef& field, const std::string& after, Condition* cond) {
    const Token& t = Peek();
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kString) {
      return Error(t.offset, "expected a value after " + after + ", found " + Describe(t));
    }
    const std::string name(field.name);
    const std::string shown = Describe(t);
    Literal lit;
    switch (field.kind) {
      case ValueKind::kNumber: {
        std::optional<double> v = ParseNumber(t.text);
        if (!v) return Error(t.offset, "'" + name + "' is a number; " + shown + " is not a number");
        lit.number = *v;
        break;
      }
      case ValueKind::kDate: {
        std::optional<long> v = ParseDate(t.text);
        if (!v) {
          return Error(t.offset,
                       "'" + name + "' is a date; write it YYYY-MM-DD (" + shown + " is not one)");
        }
        lit.number = static_cast<double>(*v);
        break;
      }
      case ValueKind::kBool: {
        const std::string v = Lower(t.text);
        if (v == "true" || v == "yes") {
          lit.number = 1;
        } else if (v == "false" || v == "no") {
          lit.number = 0;
        } else {
          return Error(t.offset, "'" + name + "' is yes/no; write true or false, not " + shown);
        }
        break;
      }
      case ValueKind::kGender: {
        const std::string v = Lower(t.text);
        if (v == "m" || v == "male") {
          lit.key = "M";
        } else if (v == "f" || v == "female") {
          lit.key = "F";
        } else if (v == "u" || v == "undisclosed" || v == "unknown") {
          lit.key = "U";
        } else if (v == "x" || v == "unspecified") {
          lit.key = "X";
        } else {
          return Error(t.offset, "'" + name + "' takes M, F, U or X, not " + shown);
        }
        break;
      }
      case ValueKind::kRole: {
        std::string v = Lower(t.text);
        std::replace(v.begin(), v.end(), '_', '-');
        if (v != "passenger" && v != "crew" && v != "transit-passenger" && v != "transit-crew") {
          return Error(t.offset, "'" + name +
                                     "' takes passenger, crew, transit-passenger or "
                                     "transit-crew, not " +
                                     shown);
        }
        lit.key = TextKey(v);
        break;
      }
      case ValueKind::kCountry:
        lit.key = CountryKey(t.text);
        break;
      case ValueKind::kText:
      case ValueKind::kCode:
      case ValueKind::kAirport:
        lit.key = TextKey(t.text);
        if (field.id == FieldId::kFlightNumber) {
          const size_t nz = lit.key.find_first_not_of('0');
          if (!lit.key.empty()) lit.key = nz == std::string::npos ? "0" : lit.key.substr(nz);
        }
        break;
    }
    if (IsTextKind(field.kind) && lit.key.empty()) {
      return Error(t.offset, "empty value for '" + name + "' (use 'is empty' to test for none)");
    }
    Next();
    cond->values.push_back(std::move(lit));
    return Status::Ok();
  }

  Result<int> AddCondition(Condition cond, size_t first) {
    cond.source = Render(first, pos_);
    auto& fields = program_->fields;
    auto it = std::find(fields.begin(), fields.end(), cond.field);
    program_->slot.push_back(static_cast<int>(it - fields.begin()));
    if (it == fields.end()) fields.push_back(cond.field);
    program_->conditions.push_back(std::move(cond));
    Node node;
    node.kind = Node::Kind::kLeaf;
    node.condition = static_cast<int>(program_->conditions.size() - 1);
    return AddNode(std::move(node));
  }

  // Tokens [from, to) as canonical text: single spaces, keywords and field
  // names in lower case, no space inside parentheses or before commas.
  std::string Render(size_t from, size_t to) const {
    std::string out;
    bool space = false;
    for (size_t i = from; i < to && i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.kind == TokenKind::kEnd) break;
      const bool glue_left = t.kind == TokenKind::kRParen || t.kind == TokenKind::kComma;
      if (space && !glue_left && !out.empty()) out += ' ';
      switch (t.kind) {
        case TokenKind::kWord:
          if (role_[i] == Role::kField) {
            out += FindField(t.text)->name;
          } else if (role_[i] == Role::kKeyword) {
            out += Lower(t.text);
          } else {
            out += t.text;
          }
          break;
        case TokenKind::kString:
        case TokenKind::kOp:
          out += text_.substr(t.offset, t.length);
          break;
        case TokenKind::kLParen:
          out += '(';
          break;
        case TokenKind::kRParen:
          out += ')';
          break;
        case TokenKind::kComma:
          out += ',';
          break;
        case TokenKind::kEnd:
          break;
      }
      space = t.kind != TokenKind::kLParen;
    }
    return out;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<Role> role_;
  size_t pos_ = 0;
  std::shared_ptr<RuleExpression::Program> program_;
};

}  // namespace

void LineColumn(std::string_view text, size_t offset, int* line, int* column) {
  *line = 1;
  *column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++*line;
      *column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++*column;  // count characters, not UTF-8 continuation bytes
    }
  }
}

std::string Where(std::string_view text, size_t offset) {
  int line = 1, column = 1;
  LineColumn(text, offset, &line, &column);
  std::string out = line > 1 ? "line " + std::to_string(line) + ", " : "";
  return out + "column " + std::to_string(column);
}

Result<std::vector<Token>> Tokenize(std::string_view text) {
  auto error = [text](size_t offset, const std::string& msg) {
    return Status::InvalidArgument(Where(text, offset) + ": " + msg);
  };
  if (const size_t bad = InvalidUtf8(text); bad != std::string_view::npos) {
    return error(bad, "the rule is not valid UTF-8");
  }
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      i += 2;  // no-break space, as pasted from documents
      continue;
    }
    if (c < 0x20 || c == 0x7F) return error(i, "unexpected control character");
    Token t;
    t.offset = i;
    if (c == '(' || c == ')' || c == ',') {
      t.kind = c == '(' ? TokenKind::kLParen : c == ')' ? TokenKind::kRParen : TokenKind::kComma;
      t.text = std::string(1, static_cast<char>(c));
      ++i;
    } else if (c == '=' || c == '!' || c == '<' || c == '>') {
      t.kind = TokenKind::kOp;
      const char n = i + 1 < text.size() ? text[i + 1] : '\0';
      if (c == '=') {
        t.text = "=";
        i += n == '=' ? 2 : 1;  // "==" is "="
      } else if (c == '!') {
        if (n != '=') return error(i, "'!' must be followed by '=' (to negate, write 'not')");
        t.text = "!=";
        i += 2;
      } else if (c == '<') {
        if (n == '=') {
          t.text = "<=";
          i += 2;
        } else if (n == '>') {
          t.text = "!=";  // "<>" is "!="
          i += 2;
        } else {
          t.text = "<";
          ++i;
        }
      } else {
        t.text = n == '=' ? ">=" : ">";
        i += n == '=' ? 2 : 1;
      }
    } else if (c == '"' || c == '\'') {
      t.kind = TokenKind::kString;
      size_t j = i + 1;
      bool closed = false;
      while (j < text.size()) {
        const char d = text[j];
        if (d == '\\' && j + 1 < text.size()) {
          t.text += text[j + 1];
          j += 2;
          continue;
        }
        if (d == static_cast<char>(c)) {
          closed = true;
          ++j;
          break;
        }
        t.text += d;
        ++j;
      }
      if (!closed) return error(i, "unterminated quoted value (no closing quote)");
      i = j;
    } else {
      t.kind = TokenKind::kWord;
      size_t j = i;
      while (j < text.size() && !EndsWord(static_cast<unsigned char>(text[j]))) ++j;
      t.text = std::string(text.substr(i, j - i));
      i = j;
    }
    t.length = i - t.offset;
    tokens.push_back(std::move(t));
  }
  Token end;
  end.kind = TokenKind::kEnd;
  end.offset = text.size();
  tokens.push_back(std::move(end));
  return tokens;
}

Result<std::shared_ptr<const RuleExpression::Program>> Compile(std::string_view text) {
  if (text.size() > kMaxRuleLength) {
    return Status::InvalidArgument("the rule is " + std::to_string(text.size()) +
                                   " bytes long; at most " + std::to_string(kMaxRuleLength) +
                                   " are accepted");
  }
  // Refused before anything else, so that "religion = X" says why it is
  // refused rather than that the field is unknown or a quote is missing.
  HUDUD_RETURN_IF_ERROR(CheckNoSensitiveAttributes(text));
  Result<std::vector<Token>> tokens = Tokenize(text);
  if (!tokens.ok()) return tokens.status();
  Parser parser(text, std::move(tokens).value());
  return parser.Run();
}

}  // namespace hudud::travel::rule_internal
