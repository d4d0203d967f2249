// repeated-word: the same word twice in a row ("the the").

#include "copydesk/dictionary.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

class RepeatedWord final : public Rule {
 public:
  static constexpr RuleMeta kMeta{"repeated-word", "grammar", Severity::Error,
                                  "The same word twice in a row: \"the the\".", true};

  explicit RepeatedWord(const RuleContext&) { allowed_.add_lines(embedded_data("legitimate-doubles.txt")); }

  const RuleMeta& meta() const override { return kMeta; }

  void check(const Document& document, Sink& sink) const override {
    const auto& tokens = document.tokens();
    std::string first_lower, second_lower;
    for (std::uint32_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind != TokenKind::Word) continue;
      const std::int64_t previous = only_space_before(tokens, i);
      if (previous < 0) continue;
      const Token& first = tokens[static_cast<std::size_t>(previous)];
      const std::string_view first_text = document.text_of(first);
      const std::string_view second_text = document.text_of(tokens[i]);
      if (first_text.size() != second_text.size()) continue;
      to_lower(first_text, first_lower);
      to_lower(second_text, second_lower);
      if (first_lower != second_lower || allowed_.contains(first_lower)) continue;
      if (looks_like_name(document, static_cast<std::uint32_t>(previous), i)) continue;
      const Span removal{first.span.end, tokens[i].span.end};
      Diagnostic diagnostic;
      diagnostic.span = tokens[i].span;
      diagnostic.message = "`" + std::string(second_text) + "` is repeated.";
      diagnostic.fix = Fix{"Remove the repeated word", {Edit{removal, ""}}, true};
      sink.report(std::move(diagnostic));
    }
  }

 private:
  // The word before `index` when only horizontal space (or one line break) separates them.
  static std::int64_t only_space_before(const std::vector<Token>& tokens, std::uint32_t index) {
    int line_breaks = 0;
    std::int64_t j = static_cast<std::int64_t>(index) - 1;
    while (j >= 0 && tokens[static_cast<std::size_t>(j)].is_blank()) {
      if (tokens[static_cast<std::size_t>(j)].kind == TokenKind::Newline) ++line_breaks;
      --j;
    }
    if (j < 0 || j == static_cast<std::int64_t>(index) - 1 || line_breaks > 1) return -1;
    return tokens[static_cast<std::size_t>(j)].kind == TokenKind::Word ? j : -1;
  }

  // "Walla Walla", "Baden Baden": both capitalized, and the first is not just a sentence start.
  static bool looks_like_name(const Document& document, std::uint32_t first, std::uint32_t second) {
    const auto& tokens = document.tokens();
    if (!starts_upper(document.text_of(tokens[first])) ||
        !starts_upper(document.text_of(tokens[second]))) {
      return false;
    }
    const Sentence& sentence = document.sentences()[document.sentence_of(first)];
    return sentence.first != first;
  }

  WordSet allowed_;
};

}  // namespace

COPYDESK_REGISTER_RULE(RepeatedWord, "repeated_word");

}  // namespace copydesk
