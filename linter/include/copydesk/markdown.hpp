#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/document.hpp"
#include "copydesk/prose.hpp"

namespace copydesk {

// What the rules read of a Markdown file: `text` is the prose as a reader sees it rendered,
// made of source bytes only. Prose is copied; of the rest (markup, code, raw HTML, link
// destinations, front matter) only the whitespace stays, so that lines and blank lines stay
// where they were. Inline code, an image or an autolink leaves one kNonProsePlaceholder on its
// first byte; so does markup that separates two words with no whitespace between them (a
// table's "|", a tag, a block boundary). Emphasis, links and escapes separate nothing: "the
// **the**" reads "the the", "risks,**examining**" reads "risks,examining". `map` leads every
// byte back to the source, where findings are reported.
struct ProseView : ProseText {
  // Where a paragraph, heading, list item or table cell begins, in order, as offsets into
  // `text`: a sentence starts there even without punctuation.
  std::vector<BlockStart> block_starts;
  // The code spans and code blocks of the source, in order: a directive or "[sic]" written inside
  // code is an example of one, not one.
  std::vector<Span> code;
};

// Parses CommonMark with GitHub's tables, strikethrough and task lists, and YAML (`---`) or
// TOML (`+++`) front matter at the very start. `source` is valid UTF-8. Bare URLs and e-mail
// addresses stay in the view: the tokenizer reads each as one token that no rule takes for a
// word.
// Throws std::runtime_error when the parser fails (it can only run out of memory).
ProseView markdown_prose(std::string_view source);

// A piece of a larger Markdown file, parsed on its own (how a large file is linted in bounded
// memory): whether it starts the file (and so may have a byte-order mark and front matter), and
// the file's link reference definitions, read after it so that its references resolve as in
// the whole file. The view's offsets are into the piece; what the definitions hold is left out.
struct MarkdownPiece {
  bool starts_document = true;
  std::string_view definitions;
};
ProseView markdown_prose(std::string_view source, const MarkdownPiece& piece);

// Front matter as static site generators and Pandoc read it: "---" (YAML) or "+++" (TOML) on
// the first line, not followed by a blank line, up to a closing line of "---" or "..." (YAML)
// or "+++" (TOML). Returns the offset past the closing line, or `begin` when there is none.
std::size_t markdown_front_matter_end(std::string_view source, std::size_t begin);

}  // namespace copydesk
