#include "copydesk/vale/metric_formula.hpp"

#include <charconv>
#include <cmath>
#include <utility>

namespace copydesk::vale {
namespace {

using Op = MetricFormula::Instruction::Op;

struct NamedVariable {
  std::string_view name;
  MetricVariable variable;
};

constexpr std::array<NamedVariable, kMetricVariableCount> kVariables{{
    {"words", MetricVariable::Words},
    {"sentences", MetricVariable::Sentences},
    {"paragraphs", MetricVariable::Paragraphs},
    {"syllables", MetricVariable::Syllables},
    {"characters", MetricVariable::Characters},
    {"long_words", MetricVariable::LongWords},
    {"polysyllabic_words", MetricVariable::PolysyllabicWords},
    {"complex_words", MetricVariable::ComplexWords},
    {"pre", MetricVariable::Pre},
    {"list", MetricVariable::List},
    {"blockquote", MetricVariable::Blockquote},
    {"heading_h1", MetricVariable::HeadingH1},
    {"heading_h2", MetricVariable::HeadingH2},
    {"heading_h3", MetricVariable::HeadingH3},
    {"heading_h4", MetricVariable::HeadingH4},
    {"heading_h5", MetricVariable::HeadingH5},
    {"heading_h6", MetricVariable::HeadingH6},
}};

// Tengo's math functions that a readability formula has use for, with their arity.
struct Function {
  std::string_view name;
  int arity;
};
constexpr std::array<Function, 9> kFunctions{{
    {"math.sqrt", 1},
    {"math.abs", 1},
    {"math.log", 1},
    {"math.log10", 1},
    {"math.floor", 1},
    {"math.ceil", 1},
    {"math.pow", 2},
    {"math.min", 2},
    {"math.max", 2},
}};

double call(std::size_t function, const double* arguments) {
  switch (function) {
    case 0:
      return std::sqrt(arguments[0]);
    case 1:
      return std::fabs(arguments[0]);
    case 2:
      return std::log(arguments[0]);
    case 3:
      return std::log10(arguments[0]);
    case 4:
      return std::floor(arguments[0]);
    case 5:
      return std::ceil(arguments[0]);
    case 6:
      return std::pow(arguments[0], arguments[1]);
    case 7:
      return std::fmin(arguments[0], arguments[1]);
    default:
      return std::fmax(arguments[0], arguments[1]);
  }
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.';
}

std::optional<double> read_number(std::string_view text, std::size_t& at) {
  const std::size_t begin = at;
  while (at < text.size() && ((text[at] >= '0' && text[at] <= '9') || text[at] == '.')) ++at;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data() + begin, text.data() + at, value);
  if (error != std::errc() || end != text.data() + at) return std::nullopt;
  return value;
}

// Recursive descent over expression := term (("+" | "-") term)*, term := unary (("*" | "/")
// unary)*, unary := "-" unary | "+" unary | primary, primary := number | name | name "(" args
// ")" | "(" expression ")"; emits postfix code.
class Parser {
 public:
  Parser(std::string_view text, std::vector<MetricFormula::Instruction>& program)
      : text_(text), program_(program) {}

  void parse() {
    expression(0);
    skip_blanks();
    if (at_ < text_.size()) fail("unexpected '" + std::string(1, text_[at_]) + "'");
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw FormulaError("formula: " + message, at_ + 1);
  }

  void skip_blanks() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }

  bool accept(char c) {
    skip_blanks();
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }

  void expression(int depth) {
    if (depth > MetricFormula::kMaxDepth) fail("nested too deeply");
    term(depth);
    for (;;) {
      if (accept('+')) {
        term(depth);
        emit(Op::Add);
      } else if (accept('-')) {
        term(depth);
        emit(Op::Subtract);
      } else {
        return;
      }
    }
  }

  void term(int depth) {
    unary(depth);
    for (;;) {
      if (accept('*')) {
        unary(depth);
        emit(Op::Multiply);
      } else if (accept('/')) {
        unary(depth);
        emit(Op::Divide);
      } else {
        return;
      }
    }
  }

  void unary(int depth) {
    if (depth > MetricFormula::kMaxDepth) fail("nested too deeply");
    if (accept('-')) {
      unary(depth + 1);
      emit(Op::Negate);
    } else if (accept('+')) {
      unary(depth + 1);
    } else {
      primary(depth);
    }
  }

  void primary(int depth) {
    skip_blanks();
    if (accept('(')) {
      expression(depth + 1);
      if (!accept(')')) fail("missing ')'");
      return;
    }
    if (at_ < text_.size() && ((text_[at_] >= '0' && text_[at_] <= '9') || text_[at_] == '.')) {
      const std::size_t begin = at_;
      const std::optional<double> number = read_number(text_, at_);
      if (!number) {
        at_ = begin;
        fail("bad number");
      }
      program_.push_back({.op = Op::Number, .number = *number});
      return;
    }
    const std::size_t begin = at_;
    while (at_ < text_.size() && is_name_char(text_[at_])) ++at_;
    if (at_ == begin) {
      if (at_ >= text_.size()) fail("expression ends too early");
      fail("unexpected '" + std::string(1, text_[at_]) + "'");
    }
    const std::string_view name = text_.substr(begin, at_ - begin);
    if (accept('(')) {
      call_function(name, begin, depth);
    } else {
      variable(name, begin);
    }
  }

  void call_function(std::string_view name, std::size_t begin, int depth) {
    for (std::size_t index = 0; index < kFunctions.size(); ++index) {
      if (kFunctions[index].name != name) continue;
      for (int argument = 0; argument < kFunctions[index].arity; ++argument) {
        if (argument > 0 && !accept(',')) fail("'" + std::string(name) + "' needs more arguments");
        expression(depth + 1);
      }
      if (!accept(')')) fail("missing ')' after the arguments of '" + std::string(name) + "'");
      program_.push_back({.op = Op::Call, .index = index});
      return;
    }
    at_ = begin;
    fail("unknown function '" + std::string(name) + "'");
  }

  void variable(std::string_view name, std::size_t begin) {
    std::string normalized(name);
    if (normalized.starts_with("heading.")) normalized[7] = '_';
    for (const NamedVariable& known : kVariables) {
      if (known.name != normalized) continue;
      program_.push_back({.op = Op::Variable, .index = static_cast<std::size_t>(known.variable)});
      return;
    }
    at_ = begin;
    fail("unknown variable '" + std::string(name) + "'");
  }

  void emit(Op op) { program_.push_back({.op = op}); }

  std::string_view text_;
  std::vector<MetricFormula::Instruction>& program_;
  std::size_t at_ = 0;
};

int arity_of(const MetricFormula::Instruction& instruction) {
  switch (instruction.op) {
    case Op::Number:
    case Op::Variable:
      return 0;
    case Op::Negate:
      return 1;
    case Op::Call:
      return kFunctions[instruction.index].arity;
    default:
      return 2;
  }
}

double apply(const MetricFormula::Instruction& instruction, const double* operands) {
  switch (instruction.op) {
    case Op::Add:
      return operands[0] + operands[1];
    case Op::Subtract:
      return operands[0] - operands[1];
    case Op::Multiply:
      return operands[0] * operands[1];
    case Op::Divide:
      return operands[0] / operands[1];
    case Op::Negate:
      return -operands[0];
    default:
      return call(instruction.index, operands);
  }
}

}  // namespace

MetricFormula::MetricFormula(std::string_view text) {
  if (text.size() > kMaxLength) {
    throw FormulaError("formula: longer than " + std::to_string(kMaxLength) + " bytes", 1);
  }
  Parser(text, program_).parse();
}

std::optional<double> MetricFormula::evaluate(const MetricValues& values) const {
  std::vector<double> stack;
  stack.reserve(program_.size());
  for (const Instruction& instruction : program_) {
    if (instruction.op == Op::Number) {
      stack.push_back(instruction.number);
    } else if (instruction.op == Op::Variable) {
      if (!values[instruction.index]) return std::nullopt;
      stack.push_back(*values[instruction.index]);
    } else {
      const auto arity = static_cast<std::size_t>(arity_of(instruction));
      const double result = apply(instruction, stack.data() + stack.size() - arity);
      stack.resize(stack.size() - arity);
      stack.push_back(result);
    }
  }
  return stack.back();
}

MetricCondition::MetricCondition(std::string_view text) {
  constexpr std::array<std::pair<std::string_view, Comparison>, 6> kOperators{{
      {">=", Comparison::GreaterOrEqual},
      {"<=", Comparison::LessOrEqual},
      {"==", Comparison::Equal},
      {"!=", Comparison::NotEqual},
      {">", Comparison::Greater},
      {"<", Comparison::Less},
  }};
  std::size_t at = text.find_first_not_of(" \t");
  if (at == std::string_view::npos) throw FormulaError("condition: empty", 1);
  bool found = false;
  for (const auto& [symbol, comparison] : kOperators) {
    if (text.substr(at, symbol.size()) != symbol) continue;
    comparison_ = comparison;
    at += symbol.size();
    found = true;
    break;
  }
  if (!found) throw FormulaError("condition: expected >, >=, <, <=, == or !=", at + 1);
  at = text.find_first_not_of(" \t", at);
  if (at == std::string_view::npos) throw FormulaError("condition: no number", text.size() + 1);
  const bool negative = text[at] == '-';
  if (negative) ++at;
  const std::size_t number_at = at;
  const std::optional<double> number = read_number(text, at);
  if (!number || at == number_at ||
      text.find_first_not_of(" \t\r\n", at) != std::string_view::npos) {
    throw FormulaError("condition: bad number", number_at + 1);
  }
  threshold_ = negative ? -*number : *number;
}

bool MetricCondition::holds(double value) const {
  switch (comparison_) {
    case Comparison::Greater:
      return value > threshold_;
    case Comparison::GreaterOrEqual:
      return value >= threshold_;
    case Comparison::Less:
      return value < threshold_;
    case Comparison::LessOrEqual:
      return value <= threshold_;
    case Comparison::Equal:
      return value == threshold_;
    case Comparison::NotEqual:
      return value != threshold_;
  }
  return false;
}

}  // namespace copydesk::vale
