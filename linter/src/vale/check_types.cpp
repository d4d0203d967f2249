#include "copydesk/vale/check_types.hpp"

#include <array>
#include <utility>

#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/run_skip.hpp"

namespace copydesk::vale {
namespace {

// `extends:` -> implementation. Adding a rule type is one line here and one file.
constexpr std::array<std::pair<std::string_view, CheckFactory>, 11> kCheckTypes{{
    {"capitalization", &make_capitalization_check},
    {"conditional", &make_conditional_check},
    {"consistency", &make_consistency_check},
    {"existence", &make_existence_check},
    {"metric", &make_metric_check},
    {"occurrence", &make_occurrence_check},
    {"readability", &make_readability_check},
    {"repetition", &make_repetition_check},
    {"sequence", &make_sequence_check},
    {"spelling", &make_spelling_check},
    {"substitution", &make_substitution_check},
}};

}  // namespace

CheckFactory check_factory(std::string_view name) {
  for (const auto& [type, factory] : kCheckTypes) {
    if (type == name) return factory;
  }
  return nullptr;
}

TokenPattern token_pattern(const RuleFile& file, std::string_view key, const std::string& source) {
  std::optional<LeadingWords> leading = LeadingWords::of(source);
  if (leading) {
    return {.leading = std::move(leading),
            .pattern = file.anchored_pattern(key, source, file.ignore_case())};
  }
  // A pattern that compiles compiles with the (*SKIP) too; otherwise the source as written
  // reports the error, at its own offsets.
  const std::string skipping = skip_past_leading_run(source);
  if (skipping != source) {
    try {
      return {.leading = std::nullopt,
              .pattern = Pattern(
                  skipping, {.ignore_case = file.ignore_case(), .origin = file.path().string()})};
    } catch (const PatternError&) {
    }
  }
  return {.leading = std::nullopt, .pattern = file.pattern(key, source, file.ignore_case())};
}

std::string vale_pattern(std::string_view alternation, std::string_view raw,
                         const PatternShape& shape) {
  std::string body = shape.word_bounded ? "(?m)\\b(?:" + std::string(alternation) + ")\\b"
                                        : "(?:" + std::string(alternation) + ")";
  return shape.append ? body + std::string(raw) : std::string(raw) + body;
}

}  // namespace copydesk::vale
