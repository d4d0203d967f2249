// `extends: conditional`: every match of `first` must have been met as group 1 of `second`
// earlier in the document or in the same block ("WHO" needs "World Health Organization (WHO)").

#include <set>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

// The text Vale reports for a match: its first capture group that took part, else all of it.
Span reported_part(const Groups& groups) {
  for (std::size_t group = 1; group < groups.spans.size(); ++group) {
    if (groups.participated(group)) return groups.spans[group];
  }
  return groups.spans[0];
}

class ConditionalCheck : public Check {
 public:
  explicit ConditionalCheck(const RuleFile& file)
      : first_(file.pattern("first", file.string("first"), file.ignore_case())),
        second_(file.pattern("second", file.string("second"), file.ignore_case())),
        exceptions_(file.whole_word_list("exceptions", file.ignore_case())),
        message_(file.message()) {}

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    std::set<std::string, std::less<>> defined;
    for (const Block& block : blocks) {
      for_each_match(second_, block.text, [&](const Groups& groups) {
        if (groups.participated(1)) defined.emplace(groups.spans[1].in(block.text));
      });
      for_each_match(first_, block.text, [&](const Groups& groups) {
        const std::string_view used = reported_part(groups).in(block.text);
        if (defined.contains(used)) return;
        if (exceptions_ && exceptions_->matches_whole(used)) return;
        out.push_back(Alert{
            .span = {block.offset + groups.spans[0].begin, block.offset + groups.spans[0].end},
            .message = format_message(message_, {used})});
      });
    }
  }

 private:
  Pattern first_;
  Pattern second_;
  std::unique_ptr<Pattern> exceptions_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> make_conditional_check(const RuleFile& file) {
  return std::make_unique<ConditionalCheck>(file);
}

}  // namespace copydesk::vale
