// `extends: occurrence`: counts the matches of `token` in each block of the scope and flags a
// block with more than `max` (or fewer than `min`), from its first match to its last.

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

class OccurrenceCheck : public Check {
 public:
  explicit OccurrenceCheck(const RuleFile& file)
      : pattern_(file.pattern("token", file.string("token"), file.ignore_case())),
        max_(file.integer("max", 0)),
        min_(file.integer("min", 0)),
        message_(file.message()) {
    if (file.string("token").empty()) file.fail("token", "an occurrence rule needs a 'token'");
    if (max_ <= 0 && min_ <= 0) file.fail("max", "an occurrence rule needs 'max' or 'min'");
  }

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    for (const Block& block : blocks) {
      std::int64_t count = 0;
      Span first{}, last{};
      for_each_match(pattern_, block.text, [&](const Groups& groups) {
        if (count++ == 0) first = groups.spans[0];
        last = groups.spans[0];
      });
      if (!((max_ > 0 && count > max_) || (min_ > 0 && count < min_))) continue;
      const Span found = count == 0 ? Span{0, static_cast<std::uint32_t>(block.text.size())}
                                    : Span{first.begin, last.end};
      out.push_back(Alert{.span = {block.offset + found.begin, block.offset + found.end},
                          .message = format_message(message_, {found.in(block.text)})});
    }
  }

 private:
  Pattern pattern_;
  std::int64_t max_;
  std::int64_t min_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> make_occurrence_check(const RuleFile& file) {
  return std::make_unique<OccurrenceCheck>(file);
}

}  // namespace copydesk::vale
