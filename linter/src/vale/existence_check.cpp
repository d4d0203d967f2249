// `extends: existence`: flags every match of the rule's tokens (or raw pattern), except the
// listed exceptions. The message's `%s` is the matched text.

#include <string>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string result;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) result += separator;
    result += items[i];
  }
  return result;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

class ExistenceCheck : public Check {
 public:
  explicit ExistenceCheck(const RuleFile& file)
      : tokens_(token_pattern(file, "tokens", source_of(file))),
        exceptions_(file.whole_word_list("exceptions", file.ignore_case())),
        message_(file.message()) {}

  void join(LeadingSet& set) override { tokens_.join(set); }

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    for (const Block& block : blocks) {
      const auto report = [&](const Groups& groups) {
        const std::string_view matched = groups.spans[0].in(block.text);
        if (exceptions_ && exceptions_->matches_whole(trimmed(matched))) return;
        out.push_back(Alert{
            .span = {block.offset + groups.spans[0].begin, block.offset + groups.spans[0].end},
            .message = format_message(message_, {matched})});
      };
      tokens_.for_each_match(block, report);
    }
  }

 private:
  static std::string source_of(const RuleFile& file) {
    const std::vector<std::string> tokens = file.strings("tokens");
    const std::vector<std::string> raw = file.strings("raw");
    if (tokens.empty() && raw.empty()) file.fail("tokens", "an existence rule needs tokens or raw");
    const std::string raw_text = joined(raw, "");
    if (tokens.empty()) return raw_text;
    return vale_pattern(
        joined(tokens, "|"), raw_text,
        {.word_bounded = !file.boolean("nonword", false), .append = file.boolean("append", false)});
  }

  TokenPattern tokens_;
  std::unique_ptr<Pattern> exceptions_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> make_existence_check(const RuleFile& file) {
  return std::make_unique<ExistenceCheck>(file);
}

}  // namespace copydesk::vale
