// `extends: consistency`: each pair of `either` is two spellings of one thing ("advisor" and
// "adviser"); once a document has used both, each block that uses either is flagged once, at
// its last use. The message's `%s` is the text flagged.

#include <string>
#include <utility>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/repetition.hpp"
#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

// Groups 1 and 2 tell which spelling matched. Built by appending: g++ 12 warns falsely
// (-Wrestrict) on "literal" + std::string.
std::string pair_pattern(const std::string& first, const std::string& second, bool word_bounded) {
  std::string pattern = word_bounded ? "(?m)\\b(?:(" : "(?:(";
  pattern += without_captures(first);
  pattern += ")|(";
  pattern += without_captures(second);
  pattern += word_bounded ? "))\\b" : "))";
  return pattern;
}

class ConsistencyCheck : public Check {
 public:
  explicit ConsistencyCheck(const RuleFile& file) : message_(file.message()) {
    const auto pairs = file.string_pairs("either");
    if (pairs.empty()) file.fail("either", "a consistency rule needs pairs under either");
    const bool word_bounded = !file.boolean("nonword", false);
    for (const auto& [first, second] : pairs) {
      patterns_.push_back(
          file.pattern("either", pair_pattern(first, second, word_bounded), file.ignore_case()));
    }
  }

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    std::vector<AlternativeMatch> matches;
    for (const Pattern& pattern : patterns_) {
      ConsistencyState state;
      for (const Block& block : blocks) {
        matches.clear();
        for_each_match(pattern, block.text, [&](const Groups& groups) {
          matches.push_back(
              {.alternative = groups.participated(1) ? 0 : 1, .span = groups.spans[0]});
        });
        const std::optional<Span> flagged = inconsistency_in_block(matches, state);
        if (!flagged) continue;
        out.push_back(Alert{.span = {block.offset + flagged->begin, block.offset + flagged->end},
                            .message = format_message(message_, {flagged->in(block.text)})});
      }
    }
  }

 private:
  std::vector<Pattern> patterns_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> make_consistency_check(const RuleFile& file) {
  return std::make_unique<ConsistencyCheck>(file);
}

}  // namespace copydesk::vale
