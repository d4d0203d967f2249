// lowercase-sentence-start: a sentence that begins with a lowercase letter
// ("...energy security. this reliance...").
//
// The rule is only as good as the sentence boundaries it trusts, so it judges only the
// boundaries the segmenter is sure of: terminal punctuation in running text, and the start of a
// paragraph or heading that reads as a prose sentence. Line breaks, list items, table cells and
// colons are left alone.

#include <utf8proc.h>

#include <string>

#include "copydesk/dictionary.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/segmenter.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

// Marks that may open a sentence before its first word: quotes, brackets, Spanish marks.
bool is_opener(std::string_view text) {
  return text == "\"" || text == "'" || text == "(" || text == "[" ||
         text == "\xE2\x80\x9C" /* “ */ || text == "\xE2\x80\x98" /* ‘ */ ||
         text == "\xE2\x80\x9E" /* „ */ || text == "\xC2\xAB" /* « */ ||
         text == "\xC2\xBB" /* » */ || text == "\xE2\x80\xB9" /* ‹ */ ||
         text == "\xC2\xBF" /* ¿ */ || text == "\xC2\xA1" /* ¡ */;
}

bool is_dot_run(std::string_view text) {
  return text == "." || text == "..." || text == "\xE2\x80\xA6" /* … */;
}

bool is_closer(std::string_view text) {
  return text == "\"" || text == "'" || text == ")" || text == "]" ||
         text == "\xE2\x80\x9D" /* ” */ || text == "\xE2\x80\x99" /* ’ */ ||
         text == "\xC2\xBB" /* » */;
}

// Continuations that follow a question inside a run of questions ("is it a dog? or a cat?").
bool is_conjunction(std::string_view word) {
  return word == "and" || word == "or" || word == "but" || word == "nor";
}

class LowercaseSentenceStart final : public Rule {
 public:
  static constexpr RuleMeta kMeta{
      .id = "lowercase-sentence-start",
      .category = RuleCategory::Capitalization,
      .default_severity = Severity::Error,
      .summary = "A sentence that starts with a lowercase letter.",
      .has_fix = true,
      .languages = kEnglishOnly,
  };

  explicit LowercaseSentenceStart(const RuleContext& context)
      : spell_(context.spell),
        accepted_(context.accepted_words),
        exclamation_names_(context.lists->words("exclamation-names.txt")) {
    WordSet* current = &lowercase_names_;
    std::string_view data = context.lists->text("lowercase-sentence-starts.txt");
    while (!data.empty()) {
      const std::size_t newline = data.find('\n');
      const std::string_view line = data.substr(0, newline);
      data = newline == std::string_view::npos ? std::string_view{} : data.substr(newline + 1);
      if (line == "[names]")
        current = &lowercase_names_;
      else if (line == "[particles]")
        current = &particles_;
      else
        current->add_lines(line);
    }
  }

  const RuleMeta& meta() const override { return kMeta; }

  void check(const Document& document, Sink& sink) const override {
    const auto& tokens = document.tokens();
    const auto& sentences = document.sentences();
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      const Sentence& sentence = sentences[s];
      if (!trusted_start(document, sentence)) continue;
      // A paragraph that follows one cut off mid-sentence may well continue it; one that follows
      // a heading or a table does not.
      if (sentence.start == SentenceStart::Block && s > 0 && !sentences[s - 1].ends_with_terminal &&
          sentences[s - 1].start != SentenceStart::Heading &&
          sentences[s - 1].start != SentenceStart::TableCell) {
        continue;
      }
      std::uint32_t first = sentence.first;
      while (first < sentence.last && tokens[first].kind == TokenKind::Punctuation &&
             is_opener(document.text_of(tokens[first]))) {
        ++first;
      }
      if (first >= sentence.last || tokens[first].kind != TokenKind::Word) continue;
      if (!lowercase_start(document, first, sentence.last)) continue;
      report(document, tokens[first].span, sink);
    }
  }

 private:
  bool trusted_start(const Document& document, const Sentence& sentence) const {
    switch (sentence.start) {
      case SentenceStart::AfterTerminal:
        return after_trusted_terminal(document, sentence);
      case SentenceStart::Block:
        return looks_like_prose(document, sentence);
      case SentenceStart::Heading:
        return looks_like_prose(document, sentence) && !names_a_function(document, sentence);
      case SentenceStart::LineBreak:
      case SentenceStart::ListItem:
      case SentenceStart::TableCell:  // "yes", "n/a": cells hold values more than sentences
        return false;
    }
    return false;
  }

  // "### new AxiosHeaders(headers?)", "## parse(text)": a heading of an API reference that
  // shows a call, a word glued to "(", names code and is no sentence.
  static bool names_a_function(const Document& document, const Sentence& sentence) {
    const auto& tokens = document.tokens();
    for (std::uint32_t i = sentence.first; i + 1 < sentence.last; ++i) {
      if (tokens[i].kind == TokenKind::Word && document.text_of(tokens[i + 1]) == "(") return true;
    }
    return false;
  }

  // A paragraph's first sentence is only a sentence when it reads like one: it ends with
  // terminal punctuation and has more than one word (a lone "iv." or "etc." is a label or a
  // fragment), unless it is an exclamation or a question ("this!").
  static bool looks_like_prose(const Document& document, const Sentence& sentence) {
    if (!sentence.ends_with_terminal) return false;
    const auto& tokens = document.tokens();
    std::size_t words = 0;
    std::string_view final_mark;
    for (std::uint32_t i = sentence.first; i < sentence.last; ++i) {
      if (tokens[i].kind == TokenKind::Word) ++words;
      const std::string_view text = document.text_of(tokens[i]);
      if (tokens[i].kind == TokenKind::Punctuation && !is_closer(text)) final_mark = text;
    }
    return words >= 2 || final_mark == "!" || final_mark == "?";
  }

  // After ".", "!" or "?": the segmenter already keeps abbreviations, initials, ellipses and
  // quoted speech ("'Stop!' she said") inside the sentence; what remains to doubt are titles
  // that end in "!" or "?" ("Wham! backing singers", "Who Wants to Be a Millionaire? on").
  bool after_trusted_terminal(const Document& document, const Sentence& sentence) const {
    const auto& tokens = document.tokens();
    std::int64_t mark = document.previous_non_blank(sentence.first);
    while (mark >= 0 && tokens[static_cast<std::size_t>(mark)].kind == TokenKind::Punctuation &&
           is_closer(document.text_of(tokens[static_cast<std::size_t>(mark)]))) {
      --mark;
    }
    if (mark < 0) return false;
    const auto mark_index = static_cast<std::uint32_t>(mark);
    if (!prose_sentence(document, sentence)) return false;
    // "  ii. a notice": the period numbers a list item and ends no sentence.
    if (mark_index > 0 && tokens[mark_index - 1].kind == TokenKind::Word &&
        list_enumerator(document, mark_index - 1, mark_index + 1)) {
      return false;
    }
    // ". . ." and ".." are ellipses however they are spaced, and do not end the sentence.
    const std::int64_t before_mark = document.previous_non_blank(mark_index);
    if (before_mark >= 0 &&
        is_dot_run(document.text_of(tokens[static_cast<std::size_t>(before_mark)]))) {
      return false;
    }
    const std::string_view mark_text = document.text_of(tokens[mark_index]);
    if (mark_text != "!" && mark_text != "?") return true;
    if (mark_index == 0) return true;
    const Token& before = tokens[mark_index - 1];
    if (before.kind != TokenKind::Word) return true;
    const std::string_view word = document.text_of(before);
    // Titles and names ending in the mark: "Wham!", "ex-Wham!", "Millionaire?".
    if (exclamation_names_.contains_exact(word) || !starts_lower(word) || has_inner_upper(word)) {
      return false;
    }
    std::uint32_t next = sentence.first;
    while (next < sentence.last && tokens[next].kind != TokenKind::Word) ++next;
    return next >= sentence.last || !is_conjunction(document.text_of(tokens[next]));
  }

  // Leftovers such as "br /&gt;" after a period are markup, not a sentence: a real one ends
  // with terminal punctuation, or runs to four words or more.
  static bool prose_sentence(const Document& document, const Sentence& sentence) {
    const auto& tokens = document.tokens();
    std::size_t words = 0;
    for (std::uint32_t i = sentence.first; i < sentence.last; ++i) {
      if (tokens[i].kind == TokenKind::Word) ++words;
    }
    if (sentence.ends_with_terminal) return words >= 1;
    return words >= 4;
  }

  // Whether the word at `index` is a lowercase start that should be capitalized.
  bool lowercase_start(const Document& document, std::uint32_t index, std::uint32_t end) const {
    const auto& tokens = document.tokens();
    const std::string_view word = document.text_of(tokens[index]);
    if (!starts_lower(word) || has_inner_upper(word)) return false;  // "iPhone", "eBay", "pH"
    // Variables and list letters ("x is", "b)"); "a" and "i" are real words.
    if (count_letters(word) == 1 && word != "a" && word != "i") return false;
    if (index + 1 < end) {
      const std::string_view after = document.text_of(tokens[index + 1]);
      if (after == ")") return false;  // "a) first item"
      // Dotted forms the tokenizer did not know: "e.g.", "node.js", "will.i.am".
      if (after == "." && index + 2 < end && !tokens[index + 2].is_blank()) return false;
      if (after == "." && is_abbreviation(word)) return false;
    }
    if (lowercase_names_.contains_exact(word)) return false;
    if (list_enumerator(document, index, end)) return false;
    // "strace is free software": a word that is no dictionary word, capitalized or not, is a
    // name written in lowercase, or a typo that misspelled-word reports.
    if (!capitalized_is_known(word)) return false;
    if (particles_.contains_exact(word)) {
      // "van Gogh", "de Gaulle": a name whose particle some writers keep lowercase.
      const std::int64_t next = document.next_non_blank(index);
      if (next >= 0 && tokens[static_cast<std::size_t>(next)].kind == TokenKind::Word &&
          starts_upper(document.text_of(tokens[static_cast<std::size_t>(next)]))) {
        return false;
      }
    }
    return true;
  }

  // Words with letters outside ASCII ("élan") are taken as they are, as misspelled-word takes
  // them: the dictionary cannot judge them.
  bool capitalized_is_known(std::string_view word) const {
    if (spell_ == nullptr) return true;
    for (const char c : word) {
      if (static_cast<unsigned char>(c) >= 0x80) return true;
    }
    if (accepted_ != nullptr && accepted_->contains(word)) return true;
    return spell_->correct(capitalized(word));
  }

  // "  ii. a notice", "b) keep it": a letter or a lowercase Roman numeral that opens a line and
  // is followed by "." or ")" numbers an item of a list; it is no sentence.
  static bool list_enumerator(const Document& document, std::uint32_t index, std::uint32_t end) {
    const auto& tokens = document.tokens();
    const std::string_view word = document.text_of(tokens[index]);
    if (index + 1 >= end) return false;
    const std::string_view after = document.text_of(tokens[index + 1]);
    if (after != "." && after != ")") return false;
    if (word.size() != 1 && !is_roman_numeral(word)) return false;
    const std::int64_t before = document.previous_non_blank(index);
    if (before < 0) return true;
    for (auto at = static_cast<std::uint32_t>(before) + 1; at < index; ++at) {
      if (tokens[at].kind == TokenKind::Newline) return true;
    }
    return false;
  }

  static std::string capitalized(std::string_view word) {
    int length = 0;
    const char32_t first = decode_at(word, 0, length);
    const auto upper = utf8proc_toupper(static_cast<utf8proc_int32_t>(first));
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t written = utf8proc_encode_char(upper, buffer);
    std::string result(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(written));
    result.append(word.substr(static_cast<std::size_t>(length)));
    return result;
  }

  static void report(const Document& document, Span span, Sink& sink) {
    const std::string_view word = document.text_of(span);
    const std::string replacement = capitalized(word);
    int length = 0;
    decode_at(word, 0, length);
    const std::string first_letter = replacement.substr(
        0, replacement.size() - (word.size() - static_cast<std::size_t>(length)));
    Diagnostic diagnostic;
    diagnostic.span = span;
    diagnostic.message = "Start the sentence with a capital: `" + replacement + "`.";
    diagnostic.suggestions.push_back(replacement);
    const Span letter{span.begin, span.begin + static_cast<std::uint32_t>(length)};
    diagnostic.fix = Fix{"Capitalize the first letter", {Edit{letter, first_letter}}, true};
    sink.report(std::move(diagnostic));
  }

  const SpellChecker* spell_;
  const WordSet* accepted_;  // house words and the user's: lowercase entries accept capitals
  WordSet lowercase_names_;
  WordSet particles_;
  const WordSet& exclamation_names_;
};

}  // namespace

COPYDESK_REGISTER_RULE(LowercaseSentenceStart, "lowercase_sentence_start");

}  // namespace copydesk
