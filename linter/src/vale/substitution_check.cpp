// `extends: substitution`: each `swap` key is a pattern, its value what to write instead. All
// keys make one alternation with a capture group each, so a document is scanned once; the
// group that took part says which key matched.

#include <algorithm>
#include <memory>
#include <string>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

struct Replacement {
  std::string text;  // the swap value
  // With `action: replace` the value is literal text, options between unescaped '|'.
  std::vector<std::string> options{};
  // Otherwise the value read as a pattern, which an already-correct text matches; null when it
  // is not a valid pattern.
  std::unique_ptr<Pattern> accepts{};
  // A value that refers to the key's groups (`$1` to `$9`): the key with its groups, matched on
  // the text found to fill them in, as Vale does.
  std::unique_ptr<Pattern> key{};
};

bool refers_to_groups(std::string_view value) {
  for (std::size_t i = 0; i + 1 < value.size(); ++i) {
    if (value[i] == '$' && value[i + 1] >= '1' && value[i + 1] <= '9') return true;
  }
  return false;
}

// `value` with each `$N` replaced by what group N of `key` matched in `observed` (nothing when
// the group took no part).
std::string with_groups(std::string_view value, const Pattern& key, std::string_view observed) {
  Groups groups;
  if (!key.find(observed, 0, groups)) return std::string(value);
  std::string text;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '$' && i + 1 < value.size() && value[i + 1] >= '1' && value[i + 1] <= '9') {
      const auto group = static_cast<std::size_t>(value[++i] - '0');
      if (groups.participated(group)) text += groups.spans[group].in(observed);
    } else {
      text += value[i];
    }
  }
  return text;
}

// "a|b|c" -> a, b, c; "\|" is a literal '|'.
std::vector<std::string> options_of(std::string_view value) {
  std::vector<std::string> options;
  std::string option;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == '|') {
      option += '|';
      ++i;
    } else if (value[i] == '|') {
      if (!option.empty()) options.push_back(std::move(option));
      option.clear();
    } else {
      option += value[i];
    }
  }
  if (!option.empty()) options.push_back(std::move(option));
  return options;
}

// 'a'; 'a' or 'b'; 'a', 'b', or 'c': how Vale lists the options in a message.
std::string listed(const std::vector<std::string>& options) {
  std::string text;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (i > 0) text += options.size() == 2 ? " " : ", ";
    if (i > 0 && i + 1 == options.size()) text += "or ";
    text += "'" + options[i] + "'";
  }
  return text;
}

// A message that quotes both '%s' itself loses the first quotes: the options come quoted.
std::string unquote_first(std::string message) {
  for (const std::string_view quoted : {std::string_view("'%s'"), std::string_view("\"%s\"")}) {
    std::size_t count = 0;
    for (auto at = message.find(quoted); at != std::string::npos;
         at = message.find(quoted, at + 1)) {
      ++count;
    }
    if (count == 2) message.replace(message.find(quoted), quoted.size(), "%s");
  }
  return message;
}

std::string capitalized_first(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

class SubstitutionCheck : public Check {
 public:
  explicit SubstitutionCheck(const RuleFile& file)
      : swap_(token_pattern(file, "swap", source_of(file))),
        exceptions_(file.whole_word_list("exceptions", file.ignore_case())),
        replace_(file.action() == "replace"),
        capitalize_(file.boolean("capitalize", false)),
        message_(replace_ ? unquote_first(file.message()) : file.message()) {
    for (const auto& [key, value] : swaps(file)) {
      Replacement replacement{.text = value};
      if (refers_to_groups(value)) {
        replacement.key =
            std::make_unique<Pattern>(file.pattern("swap", key, file.ignore_case(), false));
      }
      if (replace_) {
        replacement.options = options_of(value);
      } else {
        try {
          replacement.accepts = std::make_unique<Pattern>(
              value, PatternOptions{.ignore_case = false, .origin = file.path(), .jit = false});
        } catch (const PatternError&) {
          // A plain phrase with a character that is special in patterns: compared as text.
        }
      }
      replacements_.push_back(std::move(replacement));
    }
  }

  void join(LeadingSet& set) override { swap_.join(set); }

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    for (const Block& block : blocks) {
      const auto report_match = [&](const Groups& groups) {
        for (std::size_t group = 1; group <= replacements_.size(); ++group) {
          if (!groups.participated(group)) continue;
          report(block, groups.spans[group], replacements_[group - 1], out);
          return;
        }
      };
      swap_.for_each_match(block, report_match);
    }
  }

 private:
  // The swap entries, longest key first as Vale orders them: where two keys match at the same
  // place, the longer wins.
  static std::vector<std::pair<std::string, std::string>> swaps(const RuleFile& file) {
    auto swap = file.string_pairs("swap");
    if (swap.empty()) file.fail("swap", "a substitution rule needs a 'swap' mapping");
    std::stable_sort(swap.begin(), swap.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return swap;
  }

  static std::string source_of(const RuleFile& file) {
    std::string alternation;
    for (const auto& [key, value] : swaps(file)) {
      if (!alternation.empty()) alternation += '|';
      alternation += '(';
      alternation += without_captures(key);
      alternation += ')';
    }
    return vale_pattern(
        alternation, "",
        {.word_bounded = !file.boolean("nonword", false), .append = file.boolean("append", false)});
  }

  void report(const Block& block, Span found, const Replacement& replacement,
              std::vector<Alert>& out) const {
    const std::string_view observed = trimmed(found.in(block.text));
    const std::string wanted = replacement.key
                                   ? with_groups(replacement.text, *replacement.key, observed)
                                   : replacement.text;
    if (already_right(replacement, wanted, observed)) return;
    if (exceptions_ && exceptions_->matches_whole(observed)) return;
    out.push_back(Alert{
        .span = {block.offset + found.begin, block.offset + found.end},
        .message = format_message(message_, {expected(replacement, wanted, observed), observed})});
  }

  // The options of an `action: replace` value, their groups filled in from `observed`.
  static std::vector<std::string> options_for(const Replacement& replacement,
                                              std::string_view observed) {
    std::vector<std::string> options = replacement.options;
    if (replacement.key) {
      for (std::string& option : options) option = with_groups(option, *replacement.key, observed);
    }
    return options;
  }

  bool already_right(const Replacement& replacement, std::string_view wanted,
                     std::string_view observed) const {
    if (replace_) {
      const std::vector<std::string> options = options_for(replacement, observed);
      return std::find(options.begin(), options.end(), observed) != options.end();
    }
    if (observed == wanted) return true;
    return replacement.accepts && replacement.accepts->matches_whole(observed);
  }

  // What the message proposes (`wanted`, the value with its groups filled in); with
  // `capitalize`, capitalised where the writer's text is.
  std::string expected(const Replacement& replacement, const std::string& wanted,
                       std::string_view observed) const {
    const bool capital =
        capitalize_ && !observed.empty() && observed[0] >= 'A' && observed[0] <= 'Z';
    if (!replace_) return capital ? capitalized_first(wanted) : wanted;
    std::vector<std::string> options = options_for(replacement, observed);
    if (capital) {
      for (std::string& option : options) option = capitalized_first(option);
    }
    return listed(options);
  }

  TokenPattern swap_;
  std::unique_ptr<Pattern> exceptions_;
  bool replace_;     // `action: replace`: the values are literal options
  bool capitalize_;  // `capitalize: true`
  std::string message_;
  std::vector<Replacement> replacements_;
};

}  // namespace

std::unique_ptr<Check> make_substitution_check(const RuleFile& file) {
  return std::make_unique<SubstitutionCheck>(file);
}

}  // namespace copydesk::vale
