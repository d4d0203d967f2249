// missing-space-after-punctuation: a comma, period, semicolon, colon, exclamation or question
// mark glued to the next word ("partnership,examining", "noteworthy.Korea").
//
// The tokenizer has already turned decimals, thousands, times, URLs, e-mail addresses, domains
// and file names into single tokens, so what is left to judge here is a punctuation token with a
// word right after it. Each mark gets its own evidence test because each has its own look-alikes
// (abbreviations for ".", "::" and emoticons for ":", brand names for "!").

#include <string>

#include "copydesk/dictionary.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/segmenter.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

bool is_closing_quote_or_bracket(std::string_view text) {
  return text == ")" || text == "]" || text == "\"" || text == "'" ||
         text == "\xE2\x80\x9D" /* ” */ || text == "\xE2\x80\x99" /* ’ */;
}

// Curly closing quotes only: a straight quote after a comma may just as well open a quotation
// ("he said,\"yes\""), so which side lacks the space cannot be told.
bool is_curly_closing_quote(std::string_view text) {
  return text == "\xE2\x80\x9D" /* ” */ || text == "\xE2\x80\x99" /* ’ */;
}

bool is_mark(std::string_view text) {
  return text == "," || text == "." || text == ";" || text == ":" || text == "!" || text == "?";
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

class MissingSpaceAfterPunctuation final : public Rule {
 public:
  static constexpr RuleMeta kMeta{
      .id = "missing-space-after-punctuation",
      .category = RuleCategory::Punctuation,
      .default_severity = Severity::Error,
      .summary = "Punctuation glued to the next word: \"partnership,examining\".",
      .has_fix = true,
  };

  explicit MissingSpaceAfterPunctuation(const RuleContext& context)
      : suffixes_(context.lists->words("file-name-suffixes.txt")),
        exclamation_names_(context.lists->words("exclamation-names.txt")) {}

  const RuleMeta& meta() const override { return kMeta; }

  void check(const Document& document, Sink& sink) const override {
    const auto& tokens = document.tokens();
    const std::uint32_t count = static_cast<std::uint32_t>(tokens.size());
    for (std::uint32_t i = 0; i + 1 < count; ++i) {
      if (tokens[i].kind != TokenKind::Punctuation) continue;
      const std::string_view mark = document.text_of(tokens[i]);
      if (!is_mark(mark)) continue;
      if (tokens[i + 1].kind == TokenKind::Word) {
        if (glued(document, i)) report(document, tokens[i].span, sink);
      } else if (i + 2 < count && tokens[i + 1].kind == TokenKind::Punctuation &&
                 is_curly_closing_quote(document.text_of(tokens[i + 1])) &&
                 tokens[i + 2].kind == TokenKind::Word && mark != ":" && mark != ";" &&
                 document.text_of(tokens[i + 2]) != "s" && word_before(document, i) >= 0) {
        // "Frank,”said": the quotation closes properly but the next word is glued to it. Not
        // "Inc.’s", "U.S.’s": an apostrophe and the "s" of a possessive.
        report(document, tokens[i + 1].span, sink);
      }
    }
  }

 private:
  // The word, number or closing quote/bracket right before the mark at `index`, or -1.
  static std::int64_t word_before(const Document& document, std::uint32_t index) {
    if (index == 0) return -1;
    const Token& before = document.tokens()[index - 1];
    if (before.kind == TokenKind::Word || before.kind == TokenKind::Number) return index - 1;
    if (before.kind == TokenKind::Punctuation &&
        is_closing_quote_or_bracket(document.text_of(before))) {
      return index - 1;
    }
    return -1;
  }

  // Whether the mark at `index`, followed directly by a word token, lacks its space.
  bool glued(const Document& document, std::uint32_t index) const {
    const auto& tokens = document.tokens();
    const std::string_view mark = document.text_of(tokens[index]);
    const std::string_view next = document.text_of(tokens[index + 1]);
    const std::int64_t before = word_before(document, index);
    if (before < 0) return false;
    const auto before_index = static_cast<std::uint32_t>(before);
    bool evidence = false;
    if (mark == ",") {
      evidence = !acronym_pair(document, index);
    } else if (mark == ";") {
      evidence = !html_entity(document, before_index) && !acronym_pair(document, index);
    } else if (mark == ":") {
      evidence = colon_glued(document, index);
    } else if (mark == "!" || mark == "?") {
      evidence = exclamation_glued(document, before_index, next);
    } else {
      evidence = period_glued(document, before_index, index);
    }
    // Last, as it reads the whole run: most glued marks ("U.S.", "e.g.") are settled above.
    return evidence && !in_code(document, index);
  }

  // "AUTHORS.{en,ru}.txt", "%(contents:size)", "man:journalctl(1)", "foo/bar:baz", "a=b,c=d",
  // "-n,m": a mark in a run of text without spaces that holds characters prose does not glue
  // to words, a pair of brackets, or that opens like a command-line option, is code in plain
  // text. "(see,for example)" still counts: its run has only the opening bracket.
  static bool in_code(const Document& document, std::uint32_t index) {
    const std::string_view run = document.glued_run(index);
    if (run.find_first_of("{}%$=\\|<>~^_/") != std::string_view::npos) return true;
    const auto both = [&](char open, char close) {
      return run.find(open) != std::string_view::npos && run.find(close) != std::string_view::npos;
    };
    if (both('(', ')') || both('[', ']')) return true;
    return run.size() > 1 && (run[0] == '-' || run[0] == '+') &&
           ((run[1] | 0x20) >= 'a' && (run[1] | 0x20) <= 'z');
  }

  // "TL;DR", "tl;dr", "GET,PUT,POST": capitals on both sides of the mark make one name or a
  // list of codes.
  static bool acronym_pair(const Document& document, std::uint32_t index) {
    const auto& tokens = document.tokens();
    const std::string_view before = document.text_of(tokens[index - 1]);
    const std::string_view after = document.text_of(tokens[index + 1]);
    if (is_all_upper(before) && is_all_upper(after)) return true;
    return before == "tl" && after == "dr";
  }

  // "caf&#233;d": a character reference left in the text by a careless export.
  static bool html_entity(const Document& document, std::uint32_t before) {
    const auto& tokens = document.tokens();
    std::uint32_t j = before;
    if (j > 0 && document.text_of(tokens[j - 1]) == "#") --j;
    return j > 0 && document.text_of(tokens[j - 1]) == "&";
  }

  // "Note:this". Not "::" (C++), not an emoticon (":D", ":P"), not a number ("5:pm", a ratio
  // or a verse), and not names built around a colon, which pair an acronym with another word
  // ("CSI:NY", "CD:UK", "SM:tv").
  static bool colon_glued(const Document& document, std::uint32_t index) {
    const auto& tokens = document.tokens();
    if (tokens[index - 1].kind != TokenKind::Word) return false;
    if (index >= 2 && document.text_of(tokens[index - 2]) == ":") return false;
    const std::string_view before = document.text_of(tokens[index - 1]);
    const std::string_view next = document.text_of(tokens[index + 1]);
    if (is_all_upper(before) || is_all_upper(next)) return false;
    // "connect:bodyParser": an inner capital marks an identifier.
    if (has_inner_upper(before) || has_inner_upper(next)) return false;
    return count_letters(before) >= 2 && count_letters(next) >= 2;
  }

  // "text!And", "why?Because". Not a run such as "?!" (the token before is then punctuation),
  // and not names that carry an exclamation mark ("Yahoo!", "P!nk").
  bool exclamation_glued(const Document& document, std::uint32_t before,
                         std::string_view next) const {
    const Token& previous = document.tokens()[before];
    if (previous.kind != TokenKind::Word) return false;
    const std::string_view word = document.text_of(previous);
    if (exclamation_names_.contains(word)) return false;
    if (count_letters(word) < 2) return false;
    return starts_upper(next) || count_letters(next) >= 2;
  }

  // "noteworthy.Korea". A period between letters is most often something else: an abbreviation
  // or initials ("U.S.", "Ph.D."), a dotted name ("ASP.NET", "System.IO"), or a domain the
  // tokenizer did not know ("node.js"). So only a word of two or more letters that is not an
  // abbreviation, followed by a capitalized word, counts; or a year or closing quote before it.
  bool period_glued(const Document& document, std::uint32_t before, std::uint32_t period) const {
    const auto& tokens = document.tokens();
    const std::uint32_t next_index = period + 1;
    const std::string_view next = document.text_of(tokens[next_index]);
    // One letter or an acronym after the period is a version or variant ("Zafi.D",
    // "Bagle.AT") far more often than the start of a sentence; "A" and "I" after a lowercase
    // word are the exception ("the sale.A private buyer").
    if (!starts_upper(next)) return false;
    const bool pronoun_or_article = next == "A" || next == "I";
    if (pronoun_or_article) {
      if (tokens[before].kind != TokenKind::Word ||
          !starts_lower(document.text_of(tokens[before]))) {
        return false;
      }
    } else if (count_letters(next) < 2 || is_all_upper(next) || has_inner_upper(next)) {
      // ... and an inner capital marks an identifier ("fastify.FastifyError").
      return false;
    }
    if (suffixes_.contains(next)) return false;
    // A dotted chain ("Foo.Bar.Baz", "e.g.The") is a name or an abbreviation, not two sentences.
    if (next_index + 1 < tokens.size() && document.text_of(tokens[next_index + 1]) == ".") {
      if (next_index + 2 < tokens.size() && !tokens[next_index + 2].is_blank()) return false;
      // "Ph.D.", "B.Sc.": the word after the period is itself abbreviated.
      const Span dotted{tokens[before].span.begin, tokens[next_index].span.end};
      if (count_letters(next) <= 2 || is_abbreviation(document.text_of(dotted))) return false;
    }
    const Token& previous = tokens[before];
    if (previous.kind == TokenKind::Number) {
      // "in 2004.The": a plain number ends the sentence; versions ("v2.Beta") do not qualify.
      return all_digits(document.text_of(previous)) && before > 0 &&
             tokens[before - 1].kind == TokenKind::Space;
    }
    if (previous.kind == TokenKind::Punctuation) {
      // 'he said".The' or "(in 2004).The": look at what the quote or bracket closes.
      return before > 0 && tokens[before - 1].kind == TokenKind::Word &&
             count_letters(document.text_of(tokens[before - 1])) >= 2;
    }
    const std::string_view word = document.text_of(previous);
    if (count_letters(word) < 2) return false;
    if (before > 0 && document.text_of(tokens[before - 1]) == ".") return false;
    if (is_abbreviation(word)) return false;
    // "One.Tel", "Amazon.Com": two capitalized parts make a name unless the second is a word
    // that typically opens a sentence ("Joy Division.Those guys").
    if (!starts_lower(word)) return is_sentence_opener(next);
    return true;
  }

  static void report(const Document& document, Span span, Sink& sink) {
    const std::string mark(document.text_of(span));
    Diagnostic diagnostic;
    diagnostic.span = span;
    diagnostic.message = "Add a space after `" + mark + "`.";
    diagnostic.suggestions.push_back(mark + " ");
    diagnostic.fix = Fix{"Insert a space", {Edit{Span{span.end, span.end}, " "}}, true};
    sink.report(std::move(diagnostic));
  }

  const WordSet& suffixes_;
  const WordSet& exclamation_names_;
};

}  // namespace

COPYDESK_REGISTER_RULE(MissingSpaceAfterPunctuation, "missing_space_after_punctuation");

}  // namespace copydesk
