// `extends: repetition`: flags a token match equal to the one just before it ("the the"),
// with Vale's `alpha` and `max`. The message's `%s` is the repeated text.

#include <memory>
#include <string>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/repetition.hpp"
#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

std::string alternation(const RuleFile& file) {
  const std::vector<std::string> tokens = file.strings("tokens");
  if (tokens.empty()) file.fail("tokens", "a repetition rule needs tokens");
  std::string joined;
  for (const std::string& token : tokens) {
    if (!joined.empty()) joined += '|';
    joined += without_captures(token);
  }
  // Vale puts no word boundaries around repetition tokens: `[^\s]+` must match "--" too.
  return "(?:" + joined + ")";
}

class RepetitionCheck : public Check {
 public:
  explicit RepetitionCheck(const RuleFile& file)
      : pattern_(file.pattern("tokens", alternation(file), file.ignore_case())),
        options_{.ignore_case = file.ignore_case(),
                 .alpha = file.boolean("alpha", false),
                 .max = static_cast<int>(file.integer("max", 0))},
        exceptions_(file.whole_word_list("exceptions", file.ignore_case())),
        message_(file.message()) {}

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    std::vector<Span> matches;
    for (const Block& block : blocks) {
      matches.clear();
      for_each_match(pattern_, block.text,
                     [&](const Groups& groups) { matches.push_back(groups.spans[0]); });
      for (const Repetition& repetition : find_repetitions(block.text, matches, options_)) {
        // `exceptions`, and the Vocab's accepted words with them, may repeat.
        if (exceptions_ && exceptions_->matches_whole(repetition.text)) continue;
        out.push_back(Alert{
            .span = {block.offset + repetition.span.begin, block.offset + repetition.span.end},
            .message = format_message(message_, {repetition.text})});
      }
    }
  }

 private:
  Pattern pattern_;
  RepetitionOptions options_;
  std::unique_ptr<Pattern> exceptions_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> make_repetition_check(const RuleFile& file) {
  return std::make_unique<RepetitionCheck>(file);
}

}  // namespace copydesk::vale
