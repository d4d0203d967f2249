// `extends: capitalization`: each block of the scope (usually headings) must follow `match`:
// $sentence, $lower, $upper, $title, or a pattern. The message's `%s` is the block's text.

#include <utf8proc.h>

#include <string>
#include <vector>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

enum class Case : std::uint8_t { Sentence, Title, Lower, Upper, Pattern };

enum class LetterCase : std::uint8_t { None, Upper, Lower };

// The case of the first letter of `word`; None when it has no letter.
LetterCase first_letter_case(std::string_view word) {
  std::size_t at = 0;
  while (at < word.size()) {
    utf8proc_int32_t code = 0;
    const auto length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data() + at),
                         static_cast<utf8proc_ssize_t>(word.size() - at), &code);
    if (length <= 0) return LetterCase::None;
    if (utf8proc_isupper(code)) return LetterCase::Upper;
    if (utf8proc_islower(code)) return LetterCase::Lower;
    const auto category = utf8proc_category(code);
    if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) {
      return LetterCase::None;
    }
    at += static_cast<std::size_t>(length);
  }
  return LetterCase::None;
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto begin = text.find_first_not_of(" \t\r\n", at);
    if (begin == std::string_view::npos) break;
    const auto end = std::min(text.find_first_of(" \t\r\n", begin), text.size());
    words.push_back(text.substr(begin, end - begin));
    at = end;
  }
  return words;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

class CapitalizationCheck : public Check {
 public:
  explicit CapitalizationCheck(const RuleFile& file)
      : exceptions_(file.whole_word_list("exceptions", false)),
        indicators_(file.strings("indicators")),
        message_(file.message()) {
    const std::string match = file.string("match");
    if (match == "$sentence") {
      case_ = Case::Sentence;
    } else if (match == "$title") {
      case_ = Case::Title;
    } else if (match == "$lower") {
      case_ = Case::Lower;
    } else if (match == "$upper") {
      case_ = Case::Upper;
    } else if (!match.empty()) {
      case_ = Case::Pattern;
      pattern_ = std::make_unique<Pattern>(file.pattern("match", match, file.ignore_case(), false));
    } else {
      file.fail("match", "a capitalization rule needs 'match'");
    }
  }

  void run(const std::vector<Block>& blocks, std::vector<Alert>& out) const override {
    for (const Block& block : blocks) {
      const std::string_view text = trimmed(block.text);
      if (text.empty() || follows(text)) continue;
      const auto begin = static_cast<std::uint32_t>(text.data() - block.text.data());
      out.push_back(Alert{.span = {block.offset + begin,
                                   block.offset + begin + static_cast<std::uint32_t>(text.size())},
                          .message = format_message(message_, {text})});
    }
  }

 private:
  bool excepted(std::string_view word) const {
    return exceptions_ && exceptions_->matches_whole(word);
  }

  bool ends_with_indicator(std::string_view word) const {
    for (const std::string& indicator : indicators_) {
      if (word.ends_with(indicator)) return true;
    }
    return false;
  }

  // Sentence case: the first word with a letter, and the first after an indicator (':'),
  // start with a capital; no other word does unless it is an exception.
  bool sentence_case(std::string_view text) const {
    bool starts = true;
    for (const std::string_view word : words_of(text)) {
      const LetterCase letter = first_letter_case(word);
      const bool start = starts;
      if (letter != LetterCase::None) starts = false;
      if (ends_with_indicator(word)) starts = true;
      if (letter == LetterCase::None || excepted(word)) continue;
      if (start && letter == LetterCase::Lower) return false;
      if (!start && letter == LetterCase::Upper) return false;
    }
    return true;
  }

  // Title case, simply: every word of four letters or more starts with a capital.
  bool title_case(std::string_view text) const {
    for (const std::string_view word : words_of(text)) {
      if (word.size() < 4 || excepted(word)) continue;
      if (first_letter_case(word) == LetterCase::Lower) return false;
    }
    return true;
  }

  bool all_letters(std::string_view text, LetterCase wanted) const {
    for (const std::string_view word : words_of(text)) {
      if (excepted(word)) continue;
      for (std::size_t at = 0; at < word.size(); ++at) {
        const LetterCase letter = first_letter_case(word.substr(at, 1));
        if (letter != LetterCase::None && letter != wanted) return false;
      }
    }
    return true;
  }

  bool follows(std::string_view text) const {
    switch (case_) {
      case Case::Sentence:
        return sentence_case(text);
      case Case::Title:
        return title_case(text);
      case Case::Lower:
        return all_letters(text, LetterCase::Lower);
      case Case::Upper:
        return all_letters(text, LetterCase::Upper);
      case Case::Pattern:
        return pattern_->matches_whole(text);
    }
    return true;
  }

  Case case_ = Case::Sentence;
  std::unique_ptr<Pattern> pattern_;
  std::unique_ptr<Pattern> exceptions_;
  std::vector<std::string> indicators_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Check> make_capitalization_check(const RuleFile& file) {
  return std::make_unique<CapitalizationCheck>(file);
}

}  // namespace copydesk::vale
