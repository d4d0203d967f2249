// `extends: readability` (Vale's older form of `metric`): the mean of the grade-level formulas
// named in `metrics` over the whole document, flagged once, at its start, when it is above
// `grade`. The message's `%s` is the mean, with two decimals as Vale prints it.

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/readability.hpp"
#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

using GradeFormula = double (*)(const TextStatistics&);

struct NamedFormula {
  std::string_view name;
  GradeFormula formula;
};

constexpr NamedFormula kFormulas[] = {
    {"Flesch-Kincaid", &flesch_kincaid_grade},
    {"Gunning Fog", &gunning_fog},
    {"Coleman-Liau", &coleman_liau},
    {"SMOG", &smog_grade},
    {"Automated Readability", &automated_readability},
};

std::vector<GradeFormula> formulas_of(const RuleFile& file) {
  std::vector<GradeFormula> formulas;
  for (const std::string& name : file.strings("metrics")) {
    const auto* known = std::find_if(std::begin(kFormulas), std::end(kFormulas),
                                     [&](const NamedFormula& named) { return named.name == name; });
    if (known == std::end(kFormulas)) {
      file.fail("metrics", "unknown metric '" + name +
                               "' (Flesch-Kincaid, Gunning Fog, Coleman-Liau, SMOG, "
                               "Automated Readability)");
    }
    formulas.push_back(known->formula);
  }
  if (formulas.empty()) file.fail("metrics", "a readability rule needs 'metrics'");
  return formulas;
}

double grade_of(const RuleFile& file) {
  if (!file.has("grade")) file.fail("extends", "a readability rule needs a 'grade'");
  try {
    return std::stod(file.string("grade"));
  } catch (const std::exception&) {
    file.fail("grade", "'grade' must be a number");
  }
}

class ReadabilityCheck : public Check {
 public:
  explicit ReadabilityCheck(const RuleFile& file)
      : formulas_(formulas_of(file)), grade_(grade_of(file)), message_(file.message()) {}

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    TextStatistics counts;
    for (const Block& block : blocks) {
      if (block.kind != BlockKind::Heading) counts.add_paragraph(block.text);
    }
    if (counts.words == 0) return;
    double sum = 0.0;
    for (const GradeFormula formula : formulas_) sum += formula(counts);
    const double mean = sum / static_cast<double>(formulas_.size());
    if (mean <= grade_) return;
    char printed[64];
    std::snprintf(printed, sizeof printed, "%.2f", mean);
    out.push_back(Alert{.span = {0, 0}, .message = format_message(message_, {printed})});
  }

 private:
  std::vector<GradeFormula> formulas_;
  double grade_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> make_readability_check(const RuleFile& file) {
  return std::make_unique<ReadabilityCheck>(file);
}

}  // namespace copydesk::vale
