// `extends: metric`: evaluates the rule's `formula` over the counts of the whole document
// (words, sentences, syllables...) and flags the document once, at its start, when `condition`
// holds. The message's `%s` is the value, with two decimals as Vale prints it.

#include <cstdio>
#include <string>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/metric_formula.hpp"
#include "copydesk/vale/readability.hpp"
#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

MetricFormula formula_of(const RuleFile& file) {
  try {
    return MetricFormula(file.string("formula"));
  } catch (const FormulaError& error) {
    file.fail("formula",
              std::string(error.what()) + " (column " + std::to_string(error.column()) + ")");
  }
}

MetricCondition condition_of(const RuleFile& file) {
  try {
    return MetricCondition(file.string("condition"));
  } catch (const FormulaError& error) {
    file.fail("condition", error.what());
  }
}

MetricValues values_of(const std::vector<Block>& blocks) {
  TextStatistics counts;
  std::int64_t list_items = 0;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::Heading) continue;
    if (block.kind == BlockKind::ListItem) ++list_items;
    counts.add_paragraph(block.text);
  }
  MetricValues values{};
  const auto set = [&](MetricVariable variable, std::int64_t value) {
    values[static_cast<std::size_t>(variable)] = static_cast<double>(value);
  };
  set(MetricVariable::Words, counts.words);
  set(MetricVariable::Sentences, counts.sentences);
  set(MetricVariable::Paragraphs, counts.paragraphs);
  set(MetricVariable::Syllables, counts.syllables);
  set(MetricVariable::Characters, counts.characters);
  set(MetricVariable::LongWords, counts.long_words);
  set(MetricVariable::PolysyllabicWords, counts.polysyllabic_words);
  set(MetricVariable::ComplexWords, counts.complex_words);
  // Structural counts exist only for what the document has, as in Vale; the blocks do not
  // tell heading levels apart, so heading.hN stays absent.
  if (list_items > 0) set(MetricVariable::List, list_items);
  return values;
}

class MetricCheck : public Check {
 public:
  explicit MetricCheck(const RuleFile& file)
      : formula_(formula_of(file)), condition_(condition_of(file)), message_(file.message()) {}

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    const MetricValues values = values_of(blocks);
    // Vale computes nothing for a document without words.
    if (values[static_cast<std::size_t>(MetricVariable::Words)] == 0.0) return;
    const std::optional<double> value = formula_.evaluate(values);
    if (!value || !condition_.holds(*value)) return;
    char printed[64];
    std::snprintf(printed, sizeof printed, "%.2f", *value);
    out.push_back(Alert{.span = {0, 0}, .message = format_message(message_, {printed})});
  }

 private:
  MetricFormula formula_;
  MetricCondition condition_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> make_metric_check(const RuleFile& file) {
  return std::make_unique<MetricCheck>(file);
}

}  // namespace copydesk::vale
