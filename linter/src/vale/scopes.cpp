// How a document's prose is cut into the pieces Vale's scopes name. The Markdown front end
// already left out code, front matter and markup and marked where each block begins; a block
// is the run of sentences from one block start to the next, so findings keep their place in
// the document's text and the engine moves them back into the source.

#include <optional>
#include <stdexcept>
#include <string>

#include "copydesk/document.hpp"
#include "copydesk/vale/check.hpp"

namespace copydesk::vale {
namespace {

BlockKind kind_of(SentenceStart start) {
  switch (start) {
    case SentenceStart::Heading:
      return BlockKind::Heading;
    case SentenceStart::ListItem:
      return BlockKind::ListItem;
    case SentenceStart::TableCell:
      return BlockKind::TableCell;
    default:
      return BlockKind::Paragraph;
  }
}

Block block_of(const Document& document, Span span, BlockKind kind) {
  return Block{.text = document.text_of(span), .offset = span.begin, .kind = kind};
}

// Paragraphs, headings, list items and table cells, in order.
std::vector<Block> all_blocks(const Document& document) {
  std::vector<Block> blocks;
  const auto& sentences = document.sentences();
  for (std::size_t i = 0; i < sentences.size();) {
    std::size_t end = i + 1;
    while (end < sentences.size() && !starts_block(sentences[end].start)) ++end;
    const Span span{sentences[i].span.begin, sentences[end - 1].span.end};
    blocks.push_back(block_of(document, span, kind_of(sentences[i].start)));
    i = end;
  }
  return blocks;
}

std::vector<Block> blocks_of_kind(const Document& document, BlockKind kind) {
  std::vector<Block> blocks;
  for (const Block& block : all_blocks(document)) {
    if (block.kind == kind) blocks.push_back(block);
  }
  return blocks;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// What one term names: blocks of the prose, a Markdown element, or both (`heading.h2` reads
// the headings and keeps the findings in second-level ones).
struct Term {
  std::optional<Scope> blocks{};
  std::optional<ElementTest> element{};
};

// The markup formats Vale names after a scope that copydesk does not read.
constexpr std::string_view kOtherFormats[] = {".rst", ".adoc", ".asciidoc", ".org",
                                              ".tex", ".dita", ".xml"};

// A format after the scope ("text.html", "paragraph.md") taken off `name`: Markdown is HTML to
// Vale, so those keep the scope; whether it names another format.
bool strip_format(std::string_view& name) {
  for (const std::string_view format : {std::string_view(".html"), std::string_view(".md")}) {
    if (name.size() > format.size() && name.ends_with(format)) {
      name.remove_suffix(format.size());
      return false;
    }
  }
  for (const std::string_view format : kOtherFormats) {
    if (name.size() > format.size() && name.ends_with(format)) {
      name.remove_suffix(format.size());
      return true;
    }
  }
  return false;
}

Term read_term(std::string_view name) {
  if (name == "text" || name == "raw" || name == "summary") return {.blocks = Scope::Text};
  if (name == "heading") {
    return {.blocks = Scope::Heading, .element = ElementTest{.element = MarkdownScope::Heading}};
  }
  if (name.size() == 10 && name.starts_with("heading.h") && name[9] >= '1' && name[9] <= '6') {
    return {
        .blocks = Scope::Heading,
        .element = ElementTest{.element = MarkdownScope::Heading, .heading_level = name[9] - '0'}};
  }
  if (name == "sentence") return {.blocks = Scope::Sentence};
  if (name == "paragraph") {
    return {.blocks = Scope::Paragraph,
            .element = ElementTest{.element = MarkdownScope::Paragraph}};
  }
  if (name == "list") {
    return {.blocks = Scope::List, .element = ElementTest{.element = MarkdownScope::ListItem}};
  }
  if (name == "table.cell" || name == "table.header") {
    return {.blocks = Scope::TableCell,
            .element = ElementTest{.element = name == "table.header" ? MarkdownScope::TableHeader
                                                                     : MarkdownScope::TableCell}};
  }
  if (name == "blockquote") return {.element = ElementTest{.element = MarkdownScope::Blockquote}};
  if (name == "link") return {.element = ElementTest{.element = MarkdownScope::Link}};
  if (name == "strong") return {.element = ElementTest{.element = MarkdownScope::Strong}};
  if (name == "emphasis") return {.element = ElementTest{.element = MarkdownScope::Emphasis}};
  if (name == "alt" || name == "code") {
    throw std::invalid_argument(
        "scope '" + std::string(name) +
        "' is not supported: that text is not in the prose copydesk's rules read");
  }
  throw std::invalid_argument(
      "scope '" + std::string(name) +
      "' is not supported (text, heading, heading.h1 to heading.h6, sentence, paragraph, list, "
      "table.cell, table.header, blockquote, link, strong, emphasis; '~' and '&')");
}

}  // namespace

ScopeSelection parse_scope_selection(std::string_view written) {
  ScopeSelection selection;
  if (trimmed(written).empty()) return selection;
  std::optional<Scope> blocks{};
  for (std::size_t begin = 0; begin <= written.size();) {
    const std::size_t end = std::min(written.find('&', begin), written.size());
    std::string_view name = trimmed(written.substr(begin, end - begin));
    begin = end + 1;
    const bool negated = name.starts_with('~');
    if (negated) name = trimmed(name.substr(1));
    if (strip_format(name) && !negated) selection.other_format = true;
    const Term term = read_term(name);
    if (negated) {
      if (!term.element) {
        throw std::invalid_argument("scope '~" + std::string(name) + "' cannot be negated");
      }
      selection.elements.push_back(ElementTest{.element = term.element->element,
                                               .heading_level = term.element->heading_level,
                                               .inside = false});
      continue;
    }
    // A block scope reads only those blocks: its own element test is needed only where the
    // blocks are coarser than the element (heading.h2 among the headings).
    if (term.blocks && *term.blocks != Scope::Text) {
      if (blocks && *blocks != *term.blocks) {
        throw std::invalid_argument("scope '" + std::string(trimmed(written)) +
                                    "' joins two kinds of block");
      }
      blocks = term.blocks;
      if (term.element && term.element->heading_level > 0)
        selection.elements.push_back(*term.element);
    } else if (term.element) {
      selection.elements.push_back(*term.element);
    }
  }
  selection.blocks = blocks.value_or(Scope::Text);
  return selection;
}

std::vector<Block> blocks_in_scope(const Document& document, Scope scope) {
  switch (scope) {
    case Scope::Text:
      return all_blocks(document);
    case Scope::Heading:
      return blocks_of_kind(document, BlockKind::Heading);
    case Scope::Paragraph:
      return blocks_of_kind(document, BlockKind::Paragraph);
    case Scope::List:
      return blocks_of_kind(document, BlockKind::ListItem);
    case Scope::TableCell:
      return blocks_of_kind(document, BlockKind::TableCell);
    case Scope::Sentence: {
      std::vector<Block> sentences;
      for (const Sentence& sentence : document.sentences()) {
        sentences.push_back(block_of(document, sentence.span, kind_of(sentence.start)));
      }
      return sentences;
    }
  }
  return {};
}

}  // namespace copydesk::vale
