// The formula and condition of Vale's `metric` rules: arithmetic, variables, Tengo's math
// functions, and clear errors with a column for what cannot be read.

#include "copydesk/vale/metric_formula.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace copydesk::vale {
namespace {

MetricValues counts() {
  MetricValues values{};
  values[static_cast<std::size_t>(MetricVariable::Words)] = 120;
  values[static_cast<std::size_t>(MetricVariable::Sentences)] = 8;
  values[static_cast<std::size_t>(MetricVariable::Syllables)] = 180;
  values[static_cast<std::size_t>(MetricVariable::HeadingH2)] = 3;
  return values;
}

double value_of(const std::string& formula) {
  const std::optional<double> value = MetricFormula(formula).evaluate(counts());
  EXPECT_TRUE(value.has_value()) << formula;
  return value.value_or(NAN);
}

TEST(MetricFormula, FollowsPrecedenceAndParentheses) {
  EXPECT_DOUBLE_EQ(value_of("1 + 2 * 3"), 7.0);
  EXPECT_DOUBLE_EQ(value_of("(1 + 2) * 3"), 9.0);
  EXPECT_DOUBLE_EQ(value_of("10 - 4 - 3"), 3.0);
  EXPECT_DOUBLE_EQ(value_of("8 / 4 / 2"), 1.0);
  EXPECT_DOUBLE_EQ(value_of("-2 * -3"), 6.0);
  EXPECT_DOUBLE_EQ(value_of("+.5"), 0.5);
}

TEST(MetricFormula, ReadsTheCountsOfTheDocument) {
  EXPECT_DOUBLE_EQ(value_of("words / sentences"), 15.0);
  EXPECT_DOUBLE_EQ(value_of("(0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59"),
                   0.39 * 15 + 11.8 * 1.5 - 15.59);
  EXPECT_DOUBLE_EQ(value_of("heading.h2"), 3.0);
  EXPECT_DOUBLE_EQ(value_of("heading_h2 * 2"), 6.0);
}

TEST(MetricFormula, CallsMathFunctions) {
  EXPECT_DOUBLE_EQ(value_of("math.sqrt(words * 30 / 100)"), 6.0);
  EXPECT_DOUBLE_EQ(value_of("math.pow(2, 10)"), 1024.0);
  EXPECT_DOUBLE_EQ(value_of("math.max(sentences, 3) + math.abs(-1)"), 9.0);
}

TEST(MetricFormula, SpansLines) { EXPECT_DOUBLE_EQ(value_of("words\n  / sentences\n"), 15.0); }

TEST(MetricFormula, GivesNoValueForACountTheDocumentLacks) {
  EXPECT_FALSE(MetricFormula("heading.h1 + 1").evaluate(counts()).has_value());
  EXPECT_FALSE(MetricFormula("list").evaluate(counts()).has_value());
}

TEST(MetricFormula, DivisionByZeroIsInfiniteNotAnError) {
  EXPECT_TRUE(std::isinf(value_of("words / 0")));
}

std::size_t error_column(const std::string& formula) {
  try {
    MetricFormula{formula};
  } catch (const FormulaError& error) {
    return error.column();
  }
  ADD_FAILURE() << "no error for: " << formula;
  return 0;
}

TEST(MetricFormula, NamesWhatItCannotRead) {
  EXPECT_EQ(error_column("words / sentense"), 9u);
  EXPECT_EQ(error_column("math.exp(1)"), 1u);
  EXPECT_EQ(error_column("(words"), 7u);
  EXPECT_EQ(error_column("words words"), 7u);
  EXPECT_EQ(error_column(""), 1u);
  EXPECT_EQ(error_column("1.2.3"), 1u);
  EXPECT_EQ(error_column("words % 2"), 7u);
  EXPECT_EQ(error_column("math.pow(2)"), 11u);
  EXPECT_THROW(MetricFormula("os.exit(1)"), FormulaError);
}

TEST(MetricFormula, RefusesFormulasPastItsBounds) {
  EXPECT_THROW(MetricFormula(std::string(40, '(') + "1" + std::string(40, ')')), FormulaError);
  EXPECT_THROW(MetricFormula(std::string(100, '-') + "1"), FormulaError);
  EXPECT_THROW(MetricFormula("1" + std::string(MetricFormula::kMaxLength, ' ')), FormulaError);
  EXPECT_DOUBLE_EQ(value_of(std::string(20, '(') + "1" + std::string(20, ')')), 1.0);
}

TEST(MetricCondition, ComparesWithItsThreshold) {
  EXPECT_TRUE(MetricCondition("> 8").holds(8.5));
  EXPECT_FALSE(MetricCondition("> 8").holds(8.0));
  EXPECT_TRUE(MetricCondition(">= 8.0").holds(8.0));
  EXPECT_TRUE(MetricCondition("< 70").holds(69.9));
  EXPECT_FALSE(MetricCondition("<= 70").holds(70.1));
  EXPECT_TRUE(MetricCondition("== 1.0").holds(1.0));
  EXPECT_TRUE(MetricCondition("!= 1").holds(2.0));
  EXPECT_TRUE(MetricCondition(">-1").holds(0.0));
}

TEST(MetricCondition, RefusesWhatIsNotAComparison) {
  EXPECT_THROW(MetricCondition(""), FormulaError);
  EXPECT_THROW(MetricCondition("8"), FormulaError);
  EXPECT_THROW(MetricCondition("> eight"), FormulaError);
  EXPECT_THROW(MetricCondition("> 8 words"), FormulaError);
  EXPECT_THROW(MetricCondition("=> 8"), FormulaError);
}

}  // namespace
}  // namespace copydesk::vale
