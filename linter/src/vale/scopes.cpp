// How a document's prose is cut into the pieces Vale's scopes name. The Markdown front end
// already left out code, front matter and markup and marked where each block begins; a block
// is the run of sentences from one block start to the next, so findings keep their place in
// the document's text and the engine moves them back into the source.

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

}  // namespace

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
