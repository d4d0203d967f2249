#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/document.hpp"

namespace copydesk {

// Stands for a piece of non-prose that sits inside a sentence: inline code, an image, an
// autolink ("<https://example.com>"). It makes a token of its own (a Symbol), so that rules which look at the next word
// do not join the words around it: "an `int` value" must not read as "an value". An ASCII
// control character, because the shortest such piece ("`x`") leaves room for only one byte on
// its first line, and no writer types one.
inline constexpr char kNonProsePlaceholder = '\x1A';

// What the rules read of a Markdown file.
struct ProseView {
  // As long as the source, byte for byte: prose is copied, line breaks ("\n", "\r") are kept,
  // everything else (markup, code, raw HTML, link destinations, front matter) is a space, or
  // kNonProsePlaceholder where it stood inside a sentence. Offsets, lines and columns are
  // therefore those of the source.
  std::string text;
  // Where a paragraph, heading, list item or table cell begins, in order: a sentence starts
  // there even without punctuation.
  std::vector<BlockStart> block_starts;
  // The code spans and code blocks, in order: a directive or "[sic]" written inside code is
  // an example of one, not one.
  std::vector<Span> code;
};

// Parses CommonMark with GitHub's tables, strikethrough and task lists, and YAML (`---`) or
// TOML (`+++`) front matter at the very start. `source` is valid UTF-8. Bare URLs and e-mail
// addresses stay in the view: the tokenizer reads each as one token that no rule takes for a
// word.
// Throws std::runtime_error when the parser fails (it can only run out of memory).
ProseView markdown_prose(std::string_view source);

// Drops the fixes whose edits would change bytes that the prose view hid: a fix computed on
// "the **the**" would delete the emphasis markers with the word. The findings stay.
void drop_fixes_over_markup(std::vector<Diagnostic>& diagnostics, std::string_view source,
                            std::string_view prose);

}  // namespace copydesk
