#include "copydesk/vale/markdown_scopes.hpp"

#include <md4c.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "copydesk/markdown.hpp"
#include "copydesk/text.hpp"

namespace copydesk::vale {
namespace {

std::optional<MarkdownScope> block_scope(MD_BLOCKTYPE type) {
  switch (type) {
    case MD_BLOCK_P:
      return MarkdownScope::Paragraph;
    case MD_BLOCK_H:
      return MarkdownScope::Heading;
    case MD_BLOCK_LI:
      return MarkdownScope::ListItem;
    case MD_BLOCK_QUOTE:
      return MarkdownScope::Blockquote;
    case MD_BLOCK_TH:
      return MarkdownScope::TableHeader;
    case MD_BLOCK_TD:
      return MarkdownScope::TableCell;
    default:
      return std::nullopt;
  }
}

std::optional<MarkdownScope> span_scope(MD_SPANTYPE type) {
  switch (type) {
    case MD_SPAN_A:
      return MarkdownScope::Link;
    case MD_SPAN_IMG:
      return MarkdownScope::AltText;
    case MD_SPAN_STRONG:
      return MarkdownScope::Strong;
    case MD_SPAN_EM:
      return MarkdownScope::Emphasis;
    case MD_SPAN_CODE:
      return MarkdownScope::Code;
    default:
      return std::nullopt;
  }
}

// An element being read: its scope and the source runs of its text so far.
struct OpenElement {
  MarkdownScope scope;
  int heading_level = 0;
  std::vector<Span> runs;
  bool open = true;
};

class ScopeReader {
 public:
  explicit ScopeReader(std::string_view source) : source_(source) {}

  std::vector<ScopedText> run() && {
    std::size_t begin = byte_order_mark_size(source_);
    begin = markdown_front_matter_end(source_, begin);
    MD_PARSER parser{};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return static_cast<ScopeReader*>(self)->enter_block(type, detail);
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void*, void* self) {
      return static_cast<ScopeReader*>(self)->leave(block_scope(type));
    };
    parser.enter_span = [](MD_SPANTYPE type, void*, void* self) {
      return static_cast<ScopeReader*>(self)->enter(span_scope(type), 0);
    };
    parser.leave_span = [](MD_SPANTYPE type, void*, void* self) {
      return static_cast<ScopeReader*>(self)->leave(span_scope(type));
    };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
      return static_cast<ScopeReader*>(self)->text(type, text, size);
    };
    const std::string_view body = source_.substr(begin);
    if (md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, this) != 0) {
      throw std::runtime_error("the Markdown parser failed");
    }
    return finish();
  }

 private:
  int enter_block(MD_BLOCKTYPE type, void* detail) {
    const int level =
        type == MD_BLOCK_H ? static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level) : 0;
    return enter(block_scope(type), level);
  }

  int enter(std::optional<MarkdownScope> scope, int heading_level) {
    if (scope) elements_.push_back(OpenElement{*scope, heading_level, {}, true});
    return 0;
  }

  // md4c can leave a span it never entered ("[![a](b[)](c)"): such a leave finds no element.
  int leave(std::optional<MarkdownScope> scope) {
    if (!scope) return 0;
    for (auto it = elements_.rbegin(); it != elements_.rend(); ++it) {
      if (it->open && it->scope == *scope) {
        it->open = false;
        break;
      }
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    // Line breaks and the replacement for NUL are md4c's own strings: the gap they leave
    // between two runs reads as a space.
    const auto address = reinterpret_cast<std::uintptr_t>(text);
    const auto source = reinterpret_cast<std::uintptr_t>(source_.data());
    if (address < source || address - source + size > source_.size()) return 0;
    if (type != MD_TEXT_NORMAL && type != MD_TEXT_ENTITY && type != MD_TEXT_CODE) return 0;
    const auto offset = static_cast<std::uint32_t>(address - source);
    const Span run{offset, offset + static_cast<std::uint32_t>(size)};
    // The innermost of an image or inline code owns its text alone.
    for (auto it = elements_.rbegin(); it != elements_.rend(); ++it) {
      if (!it->open) continue;
      if (it->scope == MarkdownScope::AltText || it->scope == MarkdownScope::Code) {
        it->runs.push_back(run);
        return 0;
      }
    }
    for (OpenElement& element : elements_) {
      if (element.open) element.runs.push_back(run);
    }
    return 0;
  }

  std::vector<ScopedText> finish() {
    std::vector<ScopedText> scoped;
    for (OpenElement& element : elements_) {
      if (element.runs.empty()) continue;
      scoped.push_back(ScopedText{element.scope, element.heading_level, join(element.runs)});
    }
    // Elements were entered in document order; one that has text before its first child's
    // text can only start earlier, so a stable sort on the first source byte keeps nesting.
    std::stable_sort(scoped.begin(), scoped.end(), [](const ScopedText& a, const ScopedText& b) {
      return a.text.map.source_offset(0, 0) < b.text.map.source_offset(0, 0);
    });
    return scoped;
  }

  // A run that follows a line break reads after a space; a run's leading blanks after text
  // that already ends in one are left out: "[a link](x) and ![alt](y) or" reads "a link and or".
  ProseText join(const std::vector<Span>& runs) const {
    ProseText prose;
    std::uint32_t previous_end = 0;
    for (Span run : runs) {
      const bool after_blank = !prose.text.empty() && is_blank(prose.text.back());
      if (!prose.text.empty() && !after_blank && run.begin != previous_end &&
          source_.substr(previous_end, run.begin - previous_end).find('\n') !=
              std::string_view::npos) {
        prose.map.add(static_cast<std::uint32_t>(prose.text.size()), previous_end);
        prose.text.push_back(' ');
      }
      if (!prose.text.empty() && is_blank(prose.text.back())) {
        while (run.begin < run.end && is_blank(source_[run.begin])) ++run.begin;
      }
      for (std::uint32_t offset = run.begin; offset < run.end; ++offset) {
        prose.map.add(static_cast<std::uint32_t>(prose.text.size()), offset);
        prose.text.push_back(source_[offset]);
      }
      previous_end = run.end;
    }
    return prose;
  }

  static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  std::string_view source_;
  std::vector<OpenElement> elements_;
};

}  // namespace

std::string_view scope_name(MarkdownScope scope) {
  switch (scope) {
    case MarkdownScope::Paragraph:
      return "paragraph";
    case MarkdownScope::Heading:
      return "heading";
    case MarkdownScope::ListItem:
      return "list";
    case MarkdownScope::Blockquote:
      return "blockquote";
    case MarkdownScope::TableHeader:
      return "table.header";
    case MarkdownScope::TableCell:
      return "table.cell";
    case MarkdownScope::Link:
      return "link";
    case MarkdownScope::AltText:
      return "alt";
    case MarkdownScope::Strong:
      return "strong";
    case MarkdownScope::Emphasis:
      return "emphasis";
    case MarkdownScope::Code:
      return "code";
  }
  return "text";
}

std::vector<ScopedText> markdown_scopes(std::string_view source) {
  return ScopeReader(source).run();
}

std::vector<ScopedSpan> scopes_in_prose(const std::vector<ScopedText>& scoped,
                                        const ProseView& view, std::string_view source) {
  std::vector<ScopedSpan> spans;
  const auto source_size = static_cast<std::uint32_t>(source.size());
  const auto prose_size = static_cast<std::uint32_t>(view.text.size());
  for (const ScopedText& element : scoped) {
    if (element.scope == MarkdownScope::AltText || element.scope == MarkdownScope::Code) continue;
    const auto last = static_cast<std::uint32_t>(element.text.text.size() - 1);
    const std::uint32_t first_byte = element.text.map.source_offset(0, source_size);
    const std::uint32_t last_byte = element.text.map.source_offset(last, source_size);
    const Span span{view.map.prose_offset(first_byte, prose_size),
                    view.map.prose_offset(last_byte, prose_size) + 1};
    if (span.begin < span.end && span.end <= prose_size) {
      spans.push_back(ScopedSpan{element.scope, element.heading_level, span});
    }
  }
  return spans;
}

}  // namespace copydesk::vale
