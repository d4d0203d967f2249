#include "copydesk/html.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "byte_kinds.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

// Elements whose content is not prose: metadata, programs, code and what a reader never sees.
bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
      return true;
    default:
      return false;
  }
}

// Skipped elements that sit inside a sentence ("run <code>make</code> first"): they stand
// between words as inline code does in Markdown.
bool inline_skipped(GumboTag tag) {
  return tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_KBD || tag == GUMBO_TAG_SAMP ||
         tag == GUMBO_TAG_VAR || tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH;
}

// The elements that begin a block of text, and the sentence start their text makes.
std::optional<SentenceStart> block_kind(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return SentenceStart::Heading;
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_NAV:  // menus of labels ("home", "news"), not sentences
      return SentenceStart::ListItem;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return SentenceStart::TableCell;
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HGROUP:
      return SentenceStart::Block;
    default:
      return std::nullopt;
  }
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

class HtmlProseBuilder {
 public:
  // gumbo reads `parsed`, which ends with `source` (what comes before is not the page's own).
  HtmlProseBuilder(std::string_view source, std::string_view parsed)
      : source_(source), parsed_(parsed), kinds_(source.size(), ByteKind::Hidden) {}

  ProseView run() && {
    const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, parsed_.data(), parsed_.size()));
    if (!output) throw std::runtime_error("the HTML parser failed");
    walk(output->root);
    compact_prose(source_, kinds_, view_);
    return std::move(view_);
  }

 private:
  struct Frame {
    const GumboNode* node = nullptr;
    unsigned next_child = 0;
  };

  // Depth first without recursion: gumbo builds trees as deep as the page nests its tags.
  void walk(const GumboNode* root) {
    std::vector<Frame> stack;
    if (enter(root)) stack.push_back(Frame{.node = root});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const GumboVector& children = frame.node->v.element.children;
      if (frame.next_child == children.length) {
        leave(frame.node->v.element);
        stack.pop_back();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
      if (child->type == GUMBO_NODE_TEXT) text(child->v.text.original_text);
      if (child->type == GUMBO_NODE_ELEMENT && enter(child)) stack.push_back(Frame{.node = child});
    }
  }

  // Marks an element's tags and attributes; true when its children are to be read.
  bool enter(const GumboNode* node) {
    const GumboElement& element = node->v.element;
    if (skipped(element.tag)) {
      skip(element);
      return false;
    }
    const std::optional<SentenceStart> kind = block_kind(element.tag);
    if (kind || element.tag == GUMBO_TAG_BR) mark(element.original_tag, ByteKind::Separating);
    if (kind) pending_start_ = *kind;
    read_attributes(element);
    return true;
  }

  void leave(const GumboElement& element) {
    if (!block_kind(element.tag)) return;
    mark(element.original_end_tag, ByteKind::Separating);
    pending_start_ = SentenceStart::Block;  // text after a block in its parent starts anew
  }

  // `alt` and `title` are read by people (a missing image, a tooltip): blocks of their own.
  void read_attributes(const GumboElement& element) {
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      const std::string_view name = attribute->name;
      if (name != "alt" && name != "title") continue;
      GumboStringPiece value = attribute->original_value;
      if (value.length >= 2 && (value.data[0] == '"' || value.data[0] == '\'')) {
        ++value.data;
        value.length -= 2;
      }
      mark(element.original_tag, ByteKind::Separating);
      const std::optional<SentenceStart> outer = pending_start_;
      pending_start_ = SentenceStart::ListItem;  // a label, often no sentence
      text(value);
      pending_start_ = outer;  // the element's own text goes on as it would have
    }
  }

  // An inline code element leaves a placeholder on its first byte; a code block separates.
  void skip(const GumboElement& element) {
    const auto begin = offset_of(element.original_tag);
    const auto end = offset_of(element.original_end_tag);
    if (begin && end) {
      view_.code.push_back(
          Span{*begin, *end + static_cast<std::uint32_t>(element.original_end_tag.length)});
    }
    if (inline_skipped(element.tag) && begin) {
      kinds_[*begin] = ByteKind::Placeholder;
      return;
    }
    mark(element.original_tag, ByteKind::Separating);
    mark(element.original_end_tag, ByteKind::Separating);
    if (element.tag == GUMBO_TAG_PRE) pending_start_ = SentenceStart::Block;
  }

  // The bytes of a text node (or attribute value) as written: entities stay undecoded.
  void text(GumboStringPiece piece) {
    piece.length = text_length(piece);
    const auto offset = offset_of(piece);
    if (!offset || piece.length == 0) return;
    std::fill(kinds_.begin() + *offset, kinds_.begin() + *offset + piece.length, ByteKind::Prose);
    if (!pending_start_) return;
    const std::size_t lead =
        std::string_view(piece.data, piece.length).find_first_not_of(" \t\r\n\f");
    if (lead == std::string_view::npos) return;
    view_.block_starts.push_back(
        BlockStart{.offset = *offset + static_cast<std::uint32_t>(lead), .kind = *pending_start_});
    pending_start_.reset();
  }

  // gumbo stretches a text node's original_text over tags it ignores ("Hi</body>"); in text a
  // '<' before a letter, '/', '!' or '?' always opens markup, so the text ends there.
  static std::size_t text_length(GumboStringPiece piece) {
    const std::string_view text(piece.data, piece.length);
    for (std::size_t at = text.find('<'); at != std::string_view::npos;
         at = text.find('<', at + 1)) {
      if (at + 1 == text.size()) break;
      const char next = text[at + 1];
      const bool letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
      if (letter || next == '/' || next == '!' || next == '?') return at;
    }
    return piece.length;
  }

  void mark(GumboStringPiece piece, ByteKind kind) {
    const auto offset = offset_of(piece);
    if (!offset) return;
    for (std::size_t i = *offset; i < *offset + piece.length; ++i) {
      if (kinds_[i] == ByteKind::Hidden) kinds_[i] = kind;
    }
  }

  // Where `piece` starts in the source; nullopt for what gumbo made up (an implied tag).
  std::optional<std::uint32_t> offset_of(GumboStringPiece piece) const {
    const auto address = reinterpret_cast<std::uintptr_t>(piece.data);
    const auto source = reinterpret_cast<std::uintptr_t>(source_.data());
    if (piece.data == nullptr || piece.length == 0 || address < source ||
        address - source + piece.length > source_.size()) {
      return std::nullopt;
    }
    return static_cast<std::uint32_t>(address - source);
  }

  std::string_view source_;
  std::string_view parsed_;
  ProseView view_;
  std::vector<ByteKind> kinds_;  // one per source byte
  std::optional<SentenceStart> pending_start_ = SentenceStart::Block;
};

}  // namespace

ProseView html_prose(std::string_view source) { return HtmlProseBuilder(source, source).run(); }

ProseView html_prose(std::string_view source, std::string_view doctype) {
  if (doctype.empty()) return html_prose(source);
  std::string parsed;
  parsed.reserve(doctype.size() + source.size());
  parsed.append(doctype).append(source);
  return HtmlProseBuilder(std::string_view(parsed).substr(doctype.size()), parsed).run();
}

}  // namespace copydesk
