#include "copydesk/markdown.hpp"

#include <md4c.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>

#include "byte_kinds.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

// The line that starts at `at`, without its line ending and trailing blanks; `next` receives
// the offset past the line ending.
std::string_view line_at(std::string_view text, std::size_t at, std::size_t& next) {
  std::size_t end = at;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  next = end;
  if (next < text.size() && text[next] == '\r') ++next;
  if (next < text.size() && text[next] == '\n') ++next;
  std::string_view line = text.substr(at, end - at);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

// The blocks whose text starts a sentence; quotes and lists start one through their paragraphs
// and items.
std::optional<SentenceStart> block_kind(MD_BLOCKTYPE type) {
  switch (type) {
    case MD_BLOCK_P:
      return SentenceStart::Block;
    case MD_BLOCK_H:
      return SentenceStart::Heading;
    case MD_BLOCK_LI:
      return SentenceStart::ListItem;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      return SentenceStart::TableCell;
    default:
      return std::nullopt;
  }
}

class ProseBuilder {
 public:
  // md4c reads `parsed`, which starts with `source` (and may go on past it).
  ProseBuilder(std::string_view source, std::string_view parsed, bool starts_document)
      : source_(source),
        parsed_(parsed),
        starts_document_(starts_document),
        kinds_(source.size(), ByteKind::Hidden) {}

  ProseView run() && {
    std::size_t begin = 0;
    if (starts_document_) begin = markdown_front_matter_end(source_, byte_order_mark_size(source_));
    cursor_ = static_cast<std::uint32_t>(begin);
    MD_PARSER parser{};
    // GitHub's dialect without its bare links: md4c 0.4.8 takes time quadratic in the number
    // of bare URLs in a paragraph (a 400 KB paragraph of them: 5 s). The tokenizer makes a bare
    // URL or e-mail address one non-word token anyway, as in plain text.
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
    parser.enter_block = [](MD_BLOCKTYPE type, void*, void* self) {
      return static_cast<ProseBuilder*>(self)->enter_block(type);
    };
    parser.leave_block = [](MD_BLOCKTYPE, void*, void* self) {
      return static_cast<ProseBuilder*>(self)->leave_block();
    };
    parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
      return static_cast<ProseBuilder*>(self)->enter_span(type, detail);
    };
    parser.leave_span = [](MD_SPANTYPE type, void* detail, void* self) {
      return static_cast<ProseBuilder*>(self)->leave_span(type, detail);
    };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
      return static_cast<ProseBuilder*>(self)->text(type, text, size);
    };
    const std::string_view body = parsed_.substr(begin);
    if (md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, this) != 0) {
      throw std::runtime_error("the Markdown parser failed");
    }
    compact_prose(source_, kinds_, view_);
    return std::move(view_);
  }

 private:
  // A link being read: if its text turns out to be its own address, it is an autolink.
  struct OpenLink {
    std::string href;
    std::string text;
    std::vector<Span> revealed;
  };

  int enter_block(MD_BLOCKTYPE type) {
    ++depth_;
    separated_ = true;
    const std::optional<SentenceStart> kind = block_kind(type);
    // A list item's own paragraph is still the list item: the outer block names the start.
    if (kind && !pending_start_) {
      pending_start_ = kind;
      pending_depth_ = depth_;
    }
    return 0;
  }

  int leave_block() {
    // A block without prose (an empty list item) starts nothing.
    if (pending_start_ && pending_depth_ == depth_) pending_start_.reset();
    --depth_;
    separated_ = true;
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_EM || type == MD_SPAN_STRONG) ++emphasis_;
    if (type == MD_SPAN_A) {
      const auto& href = static_cast<const MD_SPAN_A_DETAIL*>(detail)->href;
      links_.push_back(OpenLink{std::string(href.text, href.size), {}, {}});
    } else if ((type == MD_SPAN_CODE || type == MD_SPAN_IMG) && hidden_spans_++ == 0) {
      opener_ = type == MD_SPAN_CODE ? "`" : "![";
      placeholder_due_ = true;
    }
    return 0;
  }

  // md4c 0.4.8 can leave a link it never entered ("[![a](b[)](c)"): such a leave is ignored.
  int leave_span(MD_SPANTYPE type, void*) {
    if ((type == MD_SPAN_EM || type == MD_SPAN_STRONG) && emphasis_ > 0) --emphasis_;
    if (type == MD_SPAN_A && !links_.empty()) {
      leave_link();
    } else if ((type == MD_SPAN_CODE || type == MD_SPAN_IMG) && hidden_spans_ > 0 &&
               --hidden_spans_ == 0 && placeholder_due_) {
      place_placeholder(std::nullopt);  // "![](x.png)": no alt text
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    // Line breaks, the replacement for NUL and the like are md4c's own strings, not the source.
    const auto address = reinterpret_cast<std::uintptr_t>(text);
    const auto source = reinterpret_cast<std::uintptr_t>(source_.data());
    if (address < source || address - source + size > source_.size()) return 0;
    const auto offset = static_cast<std::uint32_t>(address - source);
    if (placeholder_due_) place_placeholder(offset);
    cursor_ = offset + size;
    if (type == MD_TEXT_CODE) view_.code.push_back(Span{offset, offset + size});
    // Entities stay as written ("&amp;"): the rules already know them from plain text.
    if ((type != MD_TEXT_NORMAL && type != MD_TEXT_ENTITY) || hidden_spans_ > 0) {
      separated_ = true;
      return 0;
    }
    // A block's first text starts with blanks only after characters md4c replaced (NUL).
    const std::size_t lead = std::string_view(text, size).find_first_not_of(" \t\f\v");
    if (lead != std::string_view::npos) begin_block_at(offset + static_cast<std::uint32_t>(lead));
    keep(offset, size, ByteKind::Prose);
    if (!links_.empty()) {
      links_.back().text.append(text, size);
      links_.back().revealed.push_back(Span{offset, offset + size});
    }
    return 0;
  }

  // "<https://example.com>", "<editor@example.com>", "[www.example.com](http://www.example.com)":
  // a link that shows its own address is an address, not prose. So is one whose text is the
  // last part of its address, the name of a package or a repository:
  // "[abstract-logging](https://www.npmjs.com/package/abstract-logging)".
  void leave_link() {
    OpenLink link = std::move(links_.back());
    links_.pop_back();
    const bool autolink =
        !link.revealed.empty() &&
        (link.href == link.text || link.href == "http://" + link.text ||
         link.href == "mailto:" + link.text || names_its_target(link.href, link.text));
    if (autolink) {
      for (const Span span : link.revealed) {
        std::fill(kinds_.begin() + span.begin, kinds_.begin() + span.end, ByteKind::Hidden);
      }
      kinds_[link.revealed.front().begin] = ByteKind::Placeholder;
    } else if (!links_.empty()) {
      OpenLink& outer = links_.back();
      outer.text += link.text;
      outer.revealed.insert(outer.revealed.end(), link.revealed.begin(), link.revealed.end());
    }
  }

  // Whether `text`, one run without spaces, is the last segment of the path of `href` (letter
  // case aside).
  static bool names_its_target(std::string_view href, std::string_view text) {
    if (text.size() < 2 || text.find_first_of(" \t\n") != std::string_view::npos) return false;
    href = href.substr(0, href.find_first_of("?#"));
    while (!href.empty() && href.back() == '/') href.remove_suffix(1);
    const std::size_t slash = href.rfind('/');
    return slash != std::string_view::npos &&
           equals_ignoring_ascii_case(href.substr(slash + 1), text);
  }

  // Marks inline code or an image with one placeholder on its opening delimiter, which md4c
  // does not report: the last one before the `content` (the code, the alt text), or without
  // content the first after the text md4c handed over before it. Searching forward from there
  // when there is content could land in a link destination ("[a](`x`) `y`").
  void place_placeholder(std::optional<std::uint32_t> content) {
    placeholder_due_ = false;
    std::size_t at = std::string_view::npos;
    if (content && *content >= opener_.size())
      at = source_.rfind(opener_, *content - opener_.size());
    if (at == std::string_view::npos || at < cursor_) at = source_.find(opener_, cursor_);
    if (at == std::string_view::npos) return;
    while (opener_ == "`" && at > cursor_ && source_[at - 1] == '`') --at;  // "``a`b``"
    begin_block_at(static_cast<std::uint32_t>(at));
    keep(static_cast<std::uint32_t>(at), 1, ByteKind::Placeholder);
    cursor_ = static_cast<std::uint32_t>(at + opener_.size());
  }

  // Marks `size` bytes at `offset` as `kind`; the hidden bytes since the last kept ones are
  // separating when a block boundary, a tag or code came between.
  void keep(std::uint32_t offset, std::uint32_t size, ByteKind kind) {
    if (separated_) {
      for (std::uint32_t i = kept_end_; i < offset; ++i) {
        if (kinds_[i] == ByteKind::Hidden) kinds_[i] = ByteKind::Separating;
      }
    }
    separated_ = false;
    std::fill(kinds_.begin() + offset, kinds_.begin() + offset + size, kind);
    kept_end_ = std::max(kept_end_, offset + size);
  }

  // A paragraph that opens with emphasis names a term, as a list item does ("**version:** must
  // be a number", "*async/await* is supported"): it is marked as one, so that its first word is
  // not judged as a sentence start.
  void begin_block_at(std::uint32_t offset) {
    if (!pending_start_) return;
    SentenceStart kind = *pending_start_;
    if (kind == SentenceStart::Block && emphasis_ > 0) kind = SentenceStart::ListItem;
    view_.block_starts.push_back(BlockStart{offset, kind});
    pending_start_.reset();
  }

  std::string_view source_;
  std::string_view parsed_;
  bool starts_document_;
  ProseView view_;
  int depth_ = 0;
  std::optional<SentenceStart> pending_start_;  // for the block entered at pending_depth_
  int pending_depth_ = 0;
  int hidden_spans_ = 0;     // inline code and images being read
  int emphasis_ = 0;         // emphasis and strong emphasis being read
  std::string_view opener_;  // of the outermost of them: "`" or "!["
  bool placeholder_due_ = false;
  std::uint32_t cursor_ = 0;  // past the last source text md4c has handed over
  std::vector<OpenLink> links_;
  std::vector<ByteKind> kinds_;  // one per source byte
  std::uint32_t kept_end_ = 0;   // past the last byte kept as prose or placeholder
  bool separated_ = false;       // a block boundary, tag or code since then
};

}  // namespace

std::size_t markdown_front_matter_end(std::string_view text, std::size_t begin) {
  std::size_t next = 0;
  const std::string_view opening = line_at(text, begin, next);
  if (opening != "---" && opening != "+++") return begin;
  std::size_t after = 0;
  if (next >= text.size() || line_at(text, next, after).empty()) return begin;
  while (next < text.size()) {
    const std::string_view line = line_at(text, next, next);
    if (line == opening || (opening == "---" && line == "...")) return next;
  }
  return begin;
}

ProseView markdown_prose(std::string_view source) {
  return ProseBuilder(source, source, true).run();
}

ProseView markdown_prose(std::string_view source, const MarkdownPiece& piece) {
  if (piece.definitions.empty()) return ProseBuilder(source, source, piece.starts_document).run();
  // After a blank line, so that the definitions start blocks of their own.
  std::string parsed;
  parsed.reserve(source.size() + piece.definitions.size() + 2);
  parsed.append(source).append("\n\n").append(piece.definitions);
  return ProseBuilder(std::string_view(parsed).substr(0, source.size()), parsed,
                      piece.starts_document)
      .run();
}

}  // namespace copydesk
