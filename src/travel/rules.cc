// Evaluating a compiled rule for one traveller, in three-valued logic, and
// explaining the outcome condition by condition.
#include "travel/rules.h"

#include <algorithm>
#include <optional>

#include "travel/rule_internal.h"

namespace hudud::travel {
namespace {

using rule_internal::Condition;
using rule_internal::FieldValues;
using rule_internal::Node;
using rule_internal::Op;
using rule_internal::ValueKind;

// Kleene logic: a condition on a field without a value is unknown, and
// unknown never becomes a hit, not even under NOT.
enum class Tri : uint8_t { kFalse, kTrue, kUnknown };

Tri FromBool(bool b) { return b ? Tri::kTrue : Tri::kFalse; }

Tri Not(Tri t) {
  return t == Tri::kUnknown ? Tri::kUnknown : t == Tri::kTrue ? Tri::kFalse : Tri::kTrue;
}

bool IsText(ValueKind k) {
  return k != ValueKind::kNumber && k != ValueKind::kDate && k != ValueKind::kBool;
}

// Whether some value satisfies the positive form of `op`.
bool AnyText(const Condition& c, const FieldValues& v, Op op) {
  for (const std::string& key : v.keys) {
    for (const rule_internal::Literal& lit : c.values) {
      if (op == Op::kContains ? key.find(lit.key) != std::string::npos : key == lit.key) {
        return true;
      }
    }
  }
  return false;
}

bool AnyNumber(const Condition& c, const FieldValues& v, Op op) {
  for (double x : v.numbers) {
    switch (op) {
      case Op::kEq:
      case Op::kIn:
        for (const rule_internal::Literal& lit : c.values) {
          if (x == lit.number) return true;
        }
        break;
      case Op::kLt:
        if (x < c.values[0].number) return true;
        break;
      case Op::kLe:
        if (x <= c.values[0].number) return true;
        break;
      case Op::kGt:
        if (x > c.values[0].number) return true;
        break;
      case Op::kGe:
        if (x >= c.values[0].number) return true;
        break;
      case Op::kBetween:
        if (x >= c.values[0].number && x <= c.values[1].number) return true;
        break;
      case Op::kIsTrue:
        if (x != 0) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

Tri EvalCondition(const Condition& c, const FieldValues& v) {
  if (c.op == Op::kExists) return FromBool(!v.empty());
  if (c.op == Op::kEmpty) return FromBool(v.empty());
  if (v.empty()) return Tri::kUnknown;
  // A negated operator holds when no value satisfies its positive form.
  Op positive = c.op;
  bool negate = false;
  switch (c.op) {
    case Op::kNe:
      positive = Op::kEq;
      negate = true;
      break;
    case Op::kNotIn:
      positive = Op::kIn;
      negate = true;
      break;
    case Op::kNotBetween:
      positive = Op::kBetween;
      negate = true;
      break;
    case Op::kNotContains:
      positive = Op::kContains;
      negate = true;
      break;
    default:
      break;
  }
  const bool any = IsText(rule_internal::Field(c.field).kind) ? AnyText(c, v, positive)
                                                              : AnyNumber(c, v, positive);
  return FromBool(any != negate);
}

// One evaluation: the traveller's data and the fields read so far.
class Evaluation {
 public:
  Evaluation(const RuleExpression::Program& program, const Manifest& manifest, size_t traveller,
             const RuleContext& context)
      : program_(program),
        data_(rule_internal::ResolveTraveller(manifest, traveller, context)),
        values_(program.fields.size()),
        loaded_(program.fields.size(), false),
        leaf_(program.conditions.size(), Tri::kUnknown) {}

  const FieldValues& Values(int condition) {
    const size_t slot = static_cast<size_t>(program_.slot[static_cast<size_t>(condition)]);
    if (!loaded_[slot]) {
      rule_internal::ReadField(program_.fields[slot], data_, &values_[slot]);
      loaded_[slot] = true;
    }
    return values_[slot];
  }

  // With `all`, every condition is evaluated (for explanations); without,
  // AND and OR stop at the first child that decides them. `results`, when
  // given, receives every node's outcome.
  Tri Eval(int n, bool all, std::vector<Tri>* results) {
    const Node& node = program_.nodes[static_cast<size_t>(n)];
    Tri out = Tri::kUnknown;
    switch (node.kind) {
      case Node::Kind::kLeaf: {
        const auto& c = program_.conditions[static_cast<size_t>(node.condition)];
        out = EvalCondition(c, Values(node.condition));
        leaf_[static_cast<size_t>(node.condition)] = out;
        break;
      }
      case Node::Kind::kNot:
        out = Not(Eval(node.children[0], all, results));
        break;
      case Node::Kind::kAnd:
      case Node::Kind::kOr: {
        // AND: false wins, then unknown. OR: true wins, then unknown.
        const Tri wins = node.kind == Node::Kind::kAnd ? Tri::kFalse : Tri::kTrue;
        const Tri otherwise = node.kind == Node::Kind::kAnd ? Tri::kTrue : Tri::kFalse;
        bool unknown = false, won = false;
        for (int child : node.children) {
          const Tri r = Eval(child, all, results);
          if (r == wins) {
            won = true;
            if (!all) break;
          }
          if (r == Tri::kUnknown) unknown = true;
        }
        out = won ? wins : unknown ? Tri::kUnknown : otherwise;
        break;
      }
    }
    if (results != nullptr) (*results)[static_cast<size_t>(n)] = out;
    return out;
  }

  Tri leaf(size_t condition) const { return leaf_[condition]; }

 private:
  const RuleExpression::Program& program_;
  rule_internal::TravellerData data_;
  std::vector<FieldValues> values_;
  std::vector<bool> loaded_;
  std::vector<Tri> leaf_;
};

// Marks the conditions that make up the reason for node `n`'s outcome: for a
// true AND all its children, for a false one those not true; for a true OR
// the true children, for a false one all of them.
void MarkDecisive(const RuleExpression::Program& p, int n, bool decisive, bool negated,
                  const std::vector<Tri>& results, std::vector<ConditionResult>* out) {
  const Node& node = p.nodes[static_cast<size_t>(n)];
  switch (node.kind) {
    case Node::Kind::kLeaf: {
      ConditionResult& c = (*out)[static_cast<size_t>(node.condition)];
      c.decisive = decisive;
      c.negated = negated;
      break;
    }
    case Node::Kind::kNot:
      MarkDecisive(p, node.children[0], decisive, !negated, results, out);
      break;
    case Node::Kind::kAnd:
    case Node::Kind::kOr: {
      const bool is_true = results[static_cast<size_t>(n)] == Tri::kTrue;
      for (int child : node.children) {
        const bool child_true = results[static_cast<size_t>(child)] == Tri::kTrue;
        bool d;
        if (node.kind == Node::Kind::kAnd) {
          d = is_true || !child_true;
        } else {
          d = !is_true || child_true;
        }
        MarkDecisive(p, child, decisive && d, negated, results, out);
      }
      break;
    }
  }
}

std::string Show(const ConditionResult& c) {
  std::string out = c.negated ? "NOT " : "";
  out += c.condition;
  out += " (" + c.field + ": " + c.value + ")";
  return out;
}

}  // namespace

std::string RuleMatch::Explain() const {
  std::string out;
  const std::string_view sep = hit ? " AND " : "; ";
  for (const ConditionResult& c : conditions) {
    if (!c.decisive) continue;
    if (!out.empty()) out += sep;
    out += Show(c);
  }
  if (!hit) out = out.empty() ? "no hit" : "no hit: " + out;
  return out;
}

Result<RuleExpression> RuleExpression::Parse(std::string_view text) {
  Result<std::shared_ptr<const Program>> program = rule_internal::Compile(text);
  if (!program.ok()) return program.status();
  return RuleExpression(std::move(program).value());
}

const std::string& RuleExpression::text() const { return program_->text; }

std::string RuleExpression::Canonical() const { return program_->canonical; }

std::vector<std::string> RuleExpression::fields() const {
  std::vector<std::string> out;
  for (rule_internal::FieldId id : program_->fields) {
    out.emplace_back(rule_internal::Field(id).name);
  }
  return out;
}

RuleMatch RuleExpression::Evaluate(const Manifest& manifest, size_t traveller,
                                   const RuleContext& context) const {
  const Program& p = *program_;
  Evaluation eval(p, manifest, traveller, context);
  std::vector<Tri> results(p.nodes.size(), Tri::kUnknown);
  RuleMatch match;
  match.hit = eval.Eval(p.root, /*all=*/true, &results) == Tri::kTrue;
  match.conditions.resize(p.conditions.size());
  for (size_t i = 0; i < p.conditions.size(); ++i) {
    const Condition& c = p.conditions[i];
    const rule_internal::FieldDef& def = rule_internal::Field(c.field);
    const FieldValues& v = eval.Values(static_cast<int>(i));
    ConditionResult& r = match.conditions[i];
    r.condition = c.source;
    r.field = std::string(def.name);
    r.fired = eval.leaf(i) == Tri::kTrue;
    r.has_value = !v.empty();
    r.value = rule_internal::ShowValues(def, v);
  }
  MarkDecisive(p, p.root, true, false, results, &match.conditions);
  return match;
}

bool RuleExpression::Matches(const Manifest& manifest, size_t traveller,
                             const RuleContext& context) const {
  Evaluation eval(*program_, manifest, traveller, context);
  return eval.Eval(program_->root, /*all=*/false, nullptr) == Tri::kTrue;
}

}  // namespace hudud::travel
