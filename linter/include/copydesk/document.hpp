#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/span.hpp"
#include "copydesk/token.hpp"

namespace copydesk {

// How a sentence came to start: rules that judge sentence starts trust some boundaries more.
enum class SentenceStart : std::uint8_t {
  Block,          // start of the document, or of a paragraph after a blank line
  AfterTerminal,  // after ".", "!" or "?" followed by whitespace, in running text
  LineBreak,      // after a line break that ends a heading-like line
  ListItem,       // after a bullet or number marker ("* ", "- ", "1. "), a Markdown list item, or
                  // a Markdown paragraph that opens with emphasis ("**version:** must be set")
  Heading,        // a Markdown heading ("# Title", or a line underlined with "===")
  TableCell,      // a Markdown table cell
};

// Block starts outrank the segmenter's guesses: a paragraph, heading, list item or table cell
// that a front end (Markdown) found, or a blank line in plain text.
bool starts_block(SentenceStart start);

// Where a front end knows that a block begins: a sentence starts at the first token at or
// after `offset`, with `kind`.
struct BlockStart {
  std::uint32_t offset = 0;
  SentenceStart kind = SentenceStart::Block;
  friend bool operator==(const BlockStart&, const BlockStart&) = default;
};

struct Sentence {
  Span span;                // from the first to the last non-blank token
  std::uint32_t first = 0;  // index of the first token
  std::uint32_t last = 0;   // index one past the last token
  SentenceStart start = SentenceStart::Block;
  bool ends_with_terminal = false;  // ends with ".", "!", "?" (possibly before closing quotes)
};

struct Paragraph {
  Span span;
  std::uint32_t first_sentence = 0;
  std::uint32_t last_sentence = 0;  // one past the last
};

// One input file, analysed: its text, tokens, sentences and paragraphs. Immutable once built.
class Document {
 public:
  // `text` must be valid UTF-8 (see find_invalid_utf8); a leading BOM is kept so that offsets
  // stay those of the file. `block_starts` (sorted by offset) come from a front end that knows
  // the structure, such as markdown_prose; plain text has none.
  Document(std::string path, std::string text, const std::vector<BlockStart>& block_starts = {});

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  // Gives the text back (e.g. to a report) when the document is no longer needed.
  std::string take_text() && { return std::move(text_); }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }

  std::string_view text_of(Span span) const { return span.in(text_); }
  std::string_view text_of(const Token& token) const { return token.span.in(text_); }

  // Index of the sentence that contains token `index`.
  std::uint32_t sentence_of(std::uint32_t token_index) const;

  // The nearest token before/after `index` that is not whitespace; -1 when there is none.
  std::int64_t previous_non_blank(std::uint32_t index) const;
  std::int64_t next_non_blank(std::uint32_t index) const;

  // The text around token `index` up to the nearest space or line break on either side, as
  // far as 64 tokens each way: the run "cmake/modules/x.cmake" or "advise.statusHints" the token
  // belongs to, for rules that tell code and paths from prose. In a line that starts with '|'
  // (a table row, compact as "|cell|cell|"), a '|' ends the run as a space would.
  std::string_view glued_run(std::uint32_t index) const;

  // Whether a block (see starts_block) begins after token `before` and at or before token
  // `after`: words on either side, such as those of two table cells, do not read together.
  bool block_between(std::uint32_t before, std::uint32_t after) const;

 private:
  // Whether the line that holds byte `at` starts with '|' (after spaces and tabs).
  bool in_table_row(std::size_t at) const;

  std::string path_;
  std::string text_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<Paragraph> paragraphs_;
  std::vector<std::uint32_t> sentence_of_token_;
};

}  // namespace copydesk
