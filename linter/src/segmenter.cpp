#include "copydesk/segmenter.hpp"

#include <optional>
#include <string>

#include "copydesk/embedded_data.hpp"
#include "copydesk/text.hpp"
#include "copydesk/word_set.hpp"

namespace copydesk {
namespace {

// Abbreviations come in three kinds (dictionaries/abbreviations.txt): titles and the like never
// end a sentence ("Dr."), some only abbreviate before a number ("No. 10"), and some may end one
// ("etc.", "U.S."), which we believe only when a typical sentence opener follows.
struct AbbreviationLists {
  WordSet never_final, before_number, maybe_final, sentence_openers;
  WordSet any;  // the three kinds together: most words before a period are none of them
};

const AbbreviationLists& abbreviations() {
  static const AbbreviationLists lists = [] {
    AbbreviationLists result;
    WordSet* current = &result.never_final;
    std::string_view data = embedded_data("abbreviations.txt");
    while (!data.empty()) {
      const std::size_t newline = data.find('\n');
      std::string_view line = data.substr(0, newline);
      data = newline == std::string_view::npos ? std::string_view{} : data.substr(newline + 1);
      if (line == "[never-final]") current = &result.never_final;
      else if (line == "[before-number]") current = &result.before_number;
      else if (line == "[maybe-final]") current = &result.maybe_final;
      else if (line == "[sentence-openers]") current = &result.sentence_openers;
      else {
        current->add_lines(line);
        if (current != &result.sentence_openers) result.any.add_lines(line);
      }
    }
    return result;
  }();
  return lists;
}

bool is_terminal(std::string_view token) {
  return token == "." || token == "!" || token == "?" || token == "..." || token == "\xE2\x80\xA6";
}

bool is_closing(std::string_view token) {
  return token == "\"" || token == "'" || token == ")" || token == "]" ||
         token == "\xE2\x80\x9D" /* ” */ || token == "\xE2\x80\x99" /* ’ */ ||
         token == "\xC2\xBB" /* » */;
}

bool is_bullet(std::string_view token) {
  return token == "*" || token == "-" || token == "+" || token == "\xE2\x80\xA2" /* • */ ||
         token == "\xE2\x80\x93" /* – */;
}

class Segmenter {
 public:
  Segmenter(std::string_view text, const std::vector<Token>& tokens,
            const std::vector<BlockStart>& block_starts)
      : text_(text), tokens_(tokens), block_starts_(block_starts) {}

  std::vector<Sentence> run() {
    const std::uint32_t count = static_cast<std::uint32_t>(tokens_.size());
    std::uint32_t first = skip_list_marker(0, start_);
    for (std::uint32_t i = first; i < count; ++i) {
      const Token& token = tokens_[i];
      if (const auto kind = reached_block_start(token)) {
        close(first, i);
        start_ = *kind;
        first = i;
        inner_newline_ = kNone;
      }
      if (token.kind == TokenKind::Newline) {
        const std::uint32_t after_blank = blank_line_end(i);
        if (after_blank != i) {
          close(first, after_blank);
          start_ = SentenceStart::Block;
          first = skip_list_marker(after_blank, start_);
          i = first - 1;
          continue;
        }
        if (const std::uint32_t next = line_break_boundary(first, i); next != 0) {
          close(first, i + 1);
          start_ = SentenceStart::LineBreak;
          first = skip_list_marker(next, start_);
          i = first - 1;
        } else {
          inner_newline_ = i;
        }
        continue;
      }
      if (token.kind != TokenKind::Punctuation || !is_terminal(text_of(i))) continue;
      std::uint32_t end = i + 1;
      while (end < count && tokens_[end].kind == TokenKind::Punctuation &&
             (is_closing(text_of(end)) || is_terminal(text_of(end)))) {
        ++end;
      }
      if (!ends_sentence(i, end)) {
        i = end - 1;  // the rest of "...." or ". . ." is part of the same mark, not a new one
        continue;
      }
      close(first, end);
      std::uint32_t next = end;
      int newlines = 0;
      while (next < count && tokens_[next].is_blank()) {
        newlines += tokens_[next].kind == TokenKind::Newline ? 1 : 0;
        ++next;
      }
      start_ = newlines >= 2 ? SentenceStart::Block : SentenceStart::AfterTerminal;
      first = skip_list_marker(next, start_);
      i = first - 1;
    }
    close(first, count);
    return std::move(sentences_);
  }

 private:
  std::string_view text_of(std::uint32_t index) const { return tokens_[index].span.in(text_); }

  // When `token` is the first at or past block starts not yet met: the kind of the nearest.
  std::optional<SentenceStart> reached_block_start(const Token& token) {
    std::optional<SentenceStart> kind;
    while (next_block_ < block_starts_.size() &&
           block_starts_[next_block_].offset <= token.span.begin) {
      kind = block_starts_[next_block_++].kind;
    }
    return kind;
  }

  // After a newline: the index past a blank line (newline, optional spaces, newline...), or
  // `index` itself when the line break is a single one.
  std::uint32_t blank_line_end(std::uint32_t index) const {
    std::uint32_t j = index + 1;
    bool blank = false;
    while (j < tokens_.size() && tokens_[j].is_blank()) {
      if (tokens_[j].kind == TokenKind::Newline) blank = true;
      ++j;
    }
    return blank ? j : index;
  }

  // A single line break ends a sentence when the line looks like a heading or a list item
  // follows: the line does not end in terminal punctuation and the next one starts with a
  // capital letter or a list marker. Returns the first token of the next line, or 0.
  std::uint32_t line_break_boundary(std::uint32_t first, std::uint32_t newline) const {
    std::uint32_t next = newline + 1;
    while (next < tokens_.size() && tokens_[next].kind == TokenKind::Space) ++next;
    if (next >= tokens_.size()) return 0;
    std::int64_t previous = static_cast<std::int64_t>(newline) - 1;
    while (previous >= first && tokens_[previous].is_blank()) --previous;
    if (previous < first) return 0;
    const std::string_view last = text_of(static_cast<std::uint32_t>(previous));
    if (is_terminal(last) || is_closing(last)) {
      // Terminal punctuation at a line end is an ordinary boundary; ends_sentence decides.
      return 0;
    }
    if (list_marker_length(next) > 0) return next;
    if (last == ":") return next;
    if (tokens_[next].kind == TokenKind::Word && starts_upper(text_of(next)) &&
        is_whole_line(first)) {
      return next;
    }
    return 0;
  }

  // A heading fills its line: the sentence so far began at a line start (or after a list
  // marker) and has not crossed a line break. Otherwise "...written by the Prime\nMinister"
  // in hard-wrapped prose would be cut in two.
  bool is_whole_line(std::uint32_t first) const {
    if (inner_newline_ != kNone && inner_newline_ >= first) return false;
    if (start_ == SentenceStart::ListItem) return true;
    std::uint32_t j = first;
    while (j > 0 && tokens_[j - 1].kind == TokenKind::Space) --j;
    return j == 0 || tokens_[j - 1].kind == TokenKind::Newline;
  }

  // Tokens that make up a list marker at `index` ("* ", "- ", "1. ", "2) "), or 0.
  std::uint32_t list_marker_length(std::uint32_t index) const {
    const std::uint32_t count = static_cast<std::uint32_t>(tokens_.size());
    if (index >= count) return 0;
    const bool at_line_start = index == 0 || tokens_[index - 1].kind == TokenKind::Newline ||
                               (tokens_[index - 1].kind == TokenKind::Space &&
                                (index == 1 || tokens_[index - 2].kind == TokenKind::Newline));
    if (!at_line_start) return 0;
    std::uint32_t j = index;
    if (tokens_[j].kind == TokenKind::Punctuation && is_bullet(text_of(j))) {
      ++j;
    } else if (tokens_[j].kind == TokenKind::Number && j + 1 < count &&
               (text_of(j + 1) == "." || text_of(j + 1) == ")") && text_of(j).size() <= 3) {
      j += 2;
    } else {
      return 0;
    }
    if (j >= count || tokens_[j].kind != TokenKind::Space) return 0;
    return j + 1 - index;
  }

  std::uint32_t skip_list_marker(std::uint32_t index, SentenceStart& start) const {
    while (index < tokens_.size() && tokens_[index].kind == TokenKind::Space) ++index;
    if (const std::uint32_t marker = list_marker_length(index); marker > 0) {
      start = SentenceStart::ListItem;
      return index + marker;
    }
    return index;
  }

  // The word before the period at `period`, with inner periods: "e.g", "U.S", "Dr".
  std::string_view word_before(std::uint32_t period) const {
    std::uint32_t begin = period;
    while (begin > 0) {
      const Token& before = tokens_[begin - 1];
      if (before.kind == TokenKind::Word) {
        --begin;
        if (begin > 0 && text_of(begin - 1) == "." && begin >= 2 &&
            tokens_[begin - 2].kind == TokenKind::Word) {
          --begin;
          continue;
        }
      }
      break;
    }
    if (begin == period) return {};
    return text_.substr(tokens_[begin].span.begin, tokens_[period].span.begin - tokens_[begin].span.begin);
  }

  // One of the periods of ". . .", an ellipsis typed with spaces.
  bool spaced_ellipsis(std::uint32_t period) const {
    if (text_of(period) != ".") return false;
    const auto dot_at = [&](std::int64_t space, std::int64_t dot) {
      return space >= 0 && dot >= 0 && static_cast<std::size_t>(dot) < tokens_.size() &&
             tokens_[static_cast<std::size_t>(space)].kind == TokenKind::Space &&
             text_of(static_cast<std::uint32_t>(dot)) == ".";
    };
    const std::int64_t at = period;
    return dot_at(at - 1, at - 2) || dot_at(at + 1, at + 2);
  }

  bool ends_sentence(std::uint32_t terminal, std::uint32_t end) const {
    const std::uint32_t count = static_cast<std::uint32_t>(tokens_.size());
    if (end >= count) return true;
    if (!tokens_[end].is_blank()) return false;  // "noteworthy.Korea" or "3.5": not a boundary
    std::uint32_t next = end;
    while (next < count && tokens_[next].is_blank()) ++next;
    if (next >= count) return true;
    // The first word of what follows, past opening quotes and brackets.
    std::uint32_t word = next;
    while (word < count && tokens_[word].kind == TokenKind::Punctuation) ++word;
    const bool next_is_word = word < count && tokens_[word].kind == TokenKind::Word;
    const bool next_lower = next_is_word && starts_lower(text_of(word));
    const bool closed_by_quote = end > terminal + 1;
    const std::string_view mark = text_of(terminal);
    if (spaced_ellipsis(terminal) && terminal + 2 < count && text_of(terminal + 2) == "." &&
        tokens_[terminal + 1].kind == TokenKind::Space) {
      return false;  // not the last period of ". . ."
    }
    if (mark == "..." || mark == "\xE2\x80\xA6" || closed_by_quote || spaced_ellipsis(terminal)) {
      // "He paused... then went on" and "'Stop!' she said" continue the sentence.
      return !next_lower;
    }
    if (mark != ".") return true;
    const std::string_view before = word_before(terminal);
    if (before.empty()) return true;
    const auto& lists = abbreviations();
    const bool initials = before.size() == 1 || (before.find('.') != std::string_view::npos &&
                                                 before.size() <= 8);
    const bool listed = lists.any.contains_exact(before);
    if (!listed && !initials) return true;  // "said.": one look-up for most periods
    const bool number_follows = next < count && tokens_[next].kind == TokenKind::Number;
    if (listed && lists.never_final.contains_exact(before)) return false;
    if (listed && lists.before_number.contains_exact(before) && number_follows) return false;
    const bool opener_follows =
        next_is_word && lists.sentence_openers.contains_exact(text_of(word));
    if (listed && lists.maybe_final.contains_exact(before)) return opener_follows;
    if (initials) return opener_follows;
    return true;
  }

  void close(std::uint32_t first, std::uint32_t end) {
    std::uint32_t begin = first;
    while (begin < end && tokens_[begin].is_blank()) ++begin;
    std::uint32_t last = end;
    while (last > begin && tokens_[last - 1].is_blank()) --last;
    if (begin == last) return;
    Sentence sentence;
    sentence.span = Span{tokens_[begin].span.begin, tokens_[last - 1].span.end};
    sentence.first = begin;
    sentence.last = last;
    sentence.start = start_;
    std::uint32_t final_mark = last - 1;
    while (final_mark > begin && is_closing(text_of(final_mark))) --final_mark;
    sentence.ends_with_terminal = tokens_[final_mark].kind == TokenKind::Punctuation &&
                                  is_terminal(text_of(final_mark));
    sentences_.push_back(sentence);
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<BlockStart>& block_starts_;
  std::size_t next_block_ = 0;  // the first of block_starts_ not yet reached
  std::vector<Sentence> sentences_;
  SentenceStart start_ = SentenceStart::Block;
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  std::uint32_t inner_newline_ = kNone;  // the last line break inside the current sentence
};

}  // namespace

bool is_sentence_opener(std::string_view word) {
  return abbreviations().sentence_openers.contains_exact(word);
}

bool is_abbreviation(std::string_view word) { return abbreviations().any.contains_exact(word); }

std::vector<Sentence> segment_sentences(std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<BlockStart>& block_starts) {
  return Segmenter(text, tokens, block_starts).run();
}

std::vector<Paragraph> group_paragraphs(std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<Sentence>& sentences) {
  // A paragraph ends at a blank line, i.e. two line breaks between one sentence and the next
  // (only blanks and list markers lie between sentences). The start kind cannot tell: a list
  // item after a blank line starts as ListItem, not Block. But a Block or Heading start with a
  // single line break before it is a Markdown block (a paragraph after a heading).
  std::vector<Paragraph> paragraphs;
  for (std::uint32_t s = 0; s < sentences.size(); ++s) {
    int newlines = 0;
    if (s > 0) {
      for (std::uint32_t t = sentences[s - 1].last; t < sentences[s].first && newlines < 2; ++t) {
        newlines += tokens[t].kind == TokenKind::Newline ? 1 : 0;
      }
    }
    const bool own_block = s > 0 && (sentences[s].start == SentenceStart::Block ||
                                     sentences[s].start == SentenceStart::Heading);
    if (paragraphs.empty() || newlines >= 2 || own_block) {
      paragraphs.push_back(Paragraph{sentences[s].span, s, s + 1});
    } else {
      paragraphs.back().span.end = sentences[s].span.end;
      paragraphs.back().last_sentence = s + 1;
    }
  }
  (void)text;
  return paragraphs;
}

}  // namespace copydesk
