#pragma once

// The rule types a style may extend, each implemented in linter/src/vale/<type>_check.cpp.

#include <memory>
#include <string>
#include <string_view>

#include "copydesk/vale/check.hpp"
#include "copydesk/vale/leading_set.hpp"
#include "copydesk/vale/leading_words.hpp"

namespace copydesk::vale {

// The factory for `extends: name`; null for a type copydesk does not know.
CheckFactory check_factory(std::string_view name);

// Vale's way of turning `tokens` (or `swap` keys) into one pattern: with word boundaries around
// the alternation unless `nonword`, `raw` before it (after it with `append`), `(?i)` in front
// with `ignorecase`. One alternation for a whole token list is the set matcher: a document is
// scanned once per rule, not once per token.
struct PatternShape {
  bool word_bounded = true;
  bool append = false;
};
std::string vale_pattern(std::string_view alternation, std::string_view raw,
                         const PatternShape& shape);

// A rule's token pattern (from vale_pattern) and, when its alternatives say where matches may
// begin, those places: the pattern is then compiled anchored and tried only there, instead of
// PCRE2 trying every alternative at every position of every block.
// With a member number in the styles' LeadingSet, the places come from the document's one pass
// over all rules' literals.
struct TokenPattern {
  std::optional<LeadingWords> leading;
  Pattern pattern;
  std::uint32_t member = LeadingSet::kNoMember;

  void join(LeadingSet& set) {
    if (leading) member = set.add(*leading);
  }

  template <typename Visit>
  void for_each_match(const Block& block, Visit&& visit) const {
    if (leading && member != LeadingSet::kNoMember && block.starts != nullptr &&
        block.starts->usable) {
      vale::for_each_match(pattern, *leading, block.text, block.offset,
                           block.starts->of_member[member], visit);
    } else if (leading) {
      vale::for_each_match(pattern, *leading, block.text, visit);
    } else {
      vale::for_each_match(pattern, block.text, visit);
    }
  }
};

// Compiles `source`, written under `key` of `file`, as a TokenPattern.
TokenPattern token_pattern(const RuleFile& file, std::string_view key, const std::string& source);

// The factories of the types, one per file.
std::unique_ptr<Check> make_existence_check(const RuleFile& file);
std::unique_ptr<Check> make_substitution_check(const RuleFile& file);
std::unique_ptr<Check> make_occurrence_check(const RuleFile& file);
std::unique_ptr<Check> make_conditional_check(const RuleFile& file);
std::unique_ptr<Check> make_capitalization_check(const RuleFile& file);
std::unique_ptr<Check> make_repetition_check(const RuleFile& file);
std::unique_ptr<Check> make_consistency_check(const RuleFile& file);
std::unique_ptr<Check> make_metric_check(const RuleFile& file);
std::unique_ptr<Check> make_readability_check(const RuleFile& file);
std::unique_ptr<Check> make_spelling_check(const RuleFile& file);
std::unique_ptr<Check> make_sequence_check(const RuleFile& file);

}  // namespace copydesk::vale
