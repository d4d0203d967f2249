#pragma once

// The parts of a Markdown document that Vale rules can be scoped to (`scope: heading.h2`,
// `list`, `blockquote`, `table.cell`, `alt`, `link`...), read from md4c's parse so that every
// byte of a part's text maps back to the exact source byte it came from.

#include <cstdint>
#include <string_view>
#include <vector>

#include "copydesk/markdown.hpp"
#include "copydesk/prose.hpp"

namespace copydesk::vale {

enum class MarkdownScope : std::uint8_t {
  Paragraph,
  Heading,  // with its level
  ListItem,
  Blockquote,
  TableHeader,
  TableCell,
  Link,     // a link's text
  AltText,  // an image's alternative text
  Strong,
  Emphasis,
  Code,  // inline code, without its backticks
};

// One element of the document and its text. The text is source bytes only: a line break or
// markup between two runs of text reads as one space, mapped to the first byte of the gap.
struct ScopedText {
  MarkdownScope scope = MarkdownScope::Paragraph;
  int heading_level = 0;  // 1 to 6 for a heading, 0 otherwise
  ProseText text;
};

// Vale's name of a scope as a style writes it: "paragraph", "heading", "list", "blockquote",
// "table.header", "table.cell", "link", "alt", "strong", "emphasis", "code".
std::string_view scope_name(MarkdownScope scope);

// The elements of `source` (CommonMark with GitHub tables, after any front matter), in the
// order they start; nested elements each appear (a list item's paragraph is a paragraph and,
// with what else the item holds, a list item). Text in an image is alt text only, and inline
// code is code only: neither is part of the paragraph around it, as in Vale.
// Throws std::runtime_error when the parser fails (it can only run out of memory).
std::vector<ScopedText> markdown_scopes(std::string_view source);

// An element's place in the text the rules read (markdown_prose's view of the same source):
// from its first prose byte to just after its last. Link text, strong, emphasis and block
// elements have one; alt text and inline code are not in that text and get none.
struct ScopedSpan {
  MarkdownScope scope = MarkdownScope::Paragraph;
  int heading_level = 0;
  Span span;
};
std::vector<ScopedSpan> scopes_in_prose(const std::vector<ScopedText>& scoped,
                                        const ProseView& view, std::string_view source);

}  // namespace copydesk::vale
