#pragma once

// The `formula` and `condition` of a Vale `metric` rule: arithmetic over the document's counts
// ("(0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59"), with Tengo's
// `math.` functions that the packages use. Parsed once when the style loads, into a small
// stack program; bounded in length and nesting, so that a hostile style cannot exhaust the
// stack.

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk::vale {

// The counts a formula may name, as Vale names them ("heading.h1" and "heading_h1" alike).
enum class MetricVariable : std::size_t {
  Words,
  Sentences,
  Paragraphs,
  Syllables,
  Characters,
  LongWords,
  PolysyllabicWords,
  ComplexWords,
  Pre,
  List,
  Blockquote,
  HeadingH1,
  HeadingH2,
  HeadingH3,
  HeadingH4,
  HeadingH5,
  HeadingH6,
};
inline constexpr std::size_t kMetricVariableCount = 17;

// The value of each variable for one document; a structural count (headings, lists, quotes,
// code blocks) the document does not have is absent, and a formula naming it gives no value,
// as in Vale.
using MetricValues = std::array<std::optional<double>, kMetricVariableCount>;

// A formula or condition that cannot be read; `column` counts bytes from 1.
class FormulaError : public std::runtime_error {
 public:
  FormulaError(const std::string& message, std::size_t column)
      : std::runtime_error(message), column_(column) {}
  std::size_t column() const { return column_; }

 private:
  std::size_t column_;
};

class MetricFormula {
 public:
  static constexpr std::size_t kMaxLength = 2048;
  static constexpr int kMaxDepth = 32;

  // Throws FormulaError for bad syntax, an unknown variable or function, or a formula past the
  // bounds above.
  explicit MetricFormula(std::string_view text);

  // The formula's value, or nothing when it names a variable `values` lacks.
  std::optional<double> evaluate(const MetricValues& values) const;

  struct Instruction {
    enum class Op { Number, Variable, Add, Subtract, Multiply, Divide, Negate, Call };
    Op op = Op::Number;
    double number = 0.0;
    std::size_t index = 0;  // the variable, or the function
  };

 private:
  std::vector<Instruction> program_;  // postfix
};

// "> 8", "<= 70.0", "== 1": a comparison with a number.
class MetricCondition {
 public:
  // Throws FormulaError when `text` is not an operator followed by a number.
  explicit MetricCondition(std::string_view text);
  bool holds(double value) const;

 private:
  enum class Comparison { Greater, GreaterOrEqual, Less, LessOrEqual, Equal, NotEqual };
  Comparison comparison_ = Comparison::Greater;
  double threshold_ = 0.0;
};

}  // namespace copydesk::vale
