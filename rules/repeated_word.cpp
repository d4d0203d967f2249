// repeated-word: the same word twice in a row ("the the").

#include "copydesk/dictionary.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

class RepeatedWord final : public Rule {
 public:
  static constexpr RuleMeta kMeta{
      .id = "repeated-word",
      .category = RuleCategory::Grammar,
      .default_severity = Severity::Error,
      .summary = "The same word twice in a row: \"the the\".",
      .has_fix = true,
      .languages = kEnglishOnly,
  };

  explicit RepeatedWord(const RuleContext& context)
      : allowed_(context.lists->words("legitimate-doubles.txt")) {}

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
      // The texts first: they differ for almost every pair, and comparing them costs less than
      // finding the sentences of both words.
      if (first_text.size() != second_text.size() ||
          differ_in_ascii_start(first_text, second_text) ||
          document.block_between(static_cast<std::uint32_t>(previous), i)) {
        continue;
      }
      to_lower(first_text, first_lower);
      to_lower(second_text, second_lower);
      if (first_lower != second_lower) continue;
      if (legitimate(document, static_cast<std::uint32_t>(previous), i, first_lower)) continue;
      if (in_dotted_or_slashed_name(document, static_cast<std::uint32_t>(previous), i)) continue;
      if (table_columns(document, static_cast<std::uint32_t>(previous), i)) continue;
      const Span removal{first.span.end, tokens[i].span.end};
      Diagnostic diagnostic;
      diagnostic.span = tokens[i].span;
      // Built in steps: g++ 12 warns wrongly (-Wrestrict, GCC bug 105329) on "`" + std::string
      // and even on assigning "`" here.
      diagnostic.message.push_back('`');
      diagnostic.message += second_text;
      diagnostic.message += "` is repeated.";
      diagnostic.fix = Fix{"Remove the repeated word", {Edit{removal, ""}}, true};
      sink.report(std::move(diagnostic));
    }
  }

 private:
  // Whether two words of one length differ, ignoring case, in their ASCII start (where lowercasing
  // keeps every byte in place): settles most pairs without lowercasing them.
  static bool differ_in_ascii_start(std::string_view a, std::string_view b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
      if ((x | y) >= 0x80) return false;
      if (to_ascii_lower(a[i]) != to_ascii_lower(b[i])) return true;
    }
    return false;
  }

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

  // A tab or three spaces or more between the words, on one line: columns of a table laid out
  // in plain text ("never      never"), where a value repeats. Asked only of words that match.
  static bool table_columns(const Document& document, std::uint32_t first, std::uint32_t second) {
    const std::string_view between = document.text_of(
        Span{document.tokens()[first].span.end, document.tokens()[second].span.begin});
    if (between.find_first_of("\n\r") != std::string_view::npos) return false;
    return between.find("   ") != std::string_view::npos ||
           between.find('\t') != std::string_view::npos;
  }

  // "foo.git git init", "po/lt.po" above "po/sv.po": the first word ends a dotted or slashed name
  // ("lt.po"), or the second starts one ("po/sv.po"). Names in code and paths, not prose.
  static bool in_dotted_or_slashed_name(const Document& document, std::uint32_t first,
                                        std::uint32_t second) {
    // Tokens cover the text without gaps, so neighbouring tokens that are not blank touch.
    const auto& tokens = document.tokens();
    const auto joiner = [&](std::uint32_t at) {
      const std::string_view text = document.text_of(tokens[at]);
      return text == "." || text == "/";
    };
    const auto name_part = [&](std::uint32_t at) {
      return tokens[at].kind == TokenKind::Word || tokens[at].kind == TokenKind::Number;
    };
    if (first >= 2 && joiner(first - 1) && name_part(first - 2)) return true;
    return second + 2 < tokens.size() && joiner(second + 1) && name_part(second + 2);
  }

  // Whether a doubled word is correct English or a name rather than a slip.
  bool legitimate(const Document& document, std::uint32_t first, std::uint32_t second,
                  std::string_view lower) const {
    if (allowed_.contains(lower)) return true;
    const auto& tokens = document.tokens();
    const Sentence& sentence = document.sentences()[document.sentence_of(first)];
    const bool at_start = sentence.first == first;
    const bool first_upper = starts_upper(document.text_of(tokens[first]));
    const bool second_upper = starts_upper(document.text_of(tokens[second]));
    if (lower == "is") return wh_word_before(document, sentence.first, first);
    if (lower == "that") return !determiner_after(document, second);
    if (first_upper && second_upper) {
      // Mid-sentence, capitalized doubles are names and titles ("Duran Duran", "Spend Spend
      // Spend"); at a sentence start a verb can precede a name ("Will Will come?"). Single
      // letters are slips ("A A test").
      return lower.size() > 1;
    }
    if (second_upper) return true;              // "the law lord Lord Bingham": a name begins
    if (first_upper && !at_start) return true;  // "told May may go": a name, then the verb
    // "Will will come": a sentence cannot open with a doubled modal verb, so the first is a name.
    return first_upper && (lower == "will" || lower == "may" || lower == "can" || lower == "must");
  }

  // "What it is is a mystery": the doubled "is" closes a clause that a wh-word opened.
  static bool wh_word_before(const Document& document, std::uint32_t from, std::uint32_t to) {
    std::string lower;
    for (std::uint32_t i = from; i < to; ++i) {
      const Token& token = document.tokens()[i];
      if (token.kind != TokenKind::Word) continue;
      to_lower(document.text_of(token), lower);
      if (lower == "what" || lower == "whatever" || lower == "all" || lower == "how" ||
          lower == "why" || lower == "where" || lower == "who" || lower == "thing") {
        return true;
      }
    }
    return false;
  }

  // "that that decision" and "that that is" are fine; "that that the plan" is not, since the
  // second "that" can be neither a pronoun nor a determiner before another determiner.
  static bool determiner_after(const Document& document, std::uint32_t index) {
    const std::int64_t next = document.next_non_blank(index);
    if (next < 0 || document.tokens()[static_cast<std::size_t>(next)].kind != TokenKind::Word) {
      return false;
    }
    std::string lower;
    to_lower(document.text_of(document.tokens()[static_cast<std::size_t>(next)]), lower);
    return lower == "the" || lower == "a" || lower == "an" || lower == "this" || lower == "these" ||
           lower == "those";
  }

  const WordSet& allowed_;
};

}  // namespace

COPYDESK_REGISTER_RULE(RepeatedWord, "repeated_word");

}  // namespace copydesk
