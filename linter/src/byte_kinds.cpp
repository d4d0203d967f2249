#include "byte_kinds.hpp"

#include "copydesk/text.hpp"

namespace copydesk {
namespace {

void append(ProseView& view, char c, std::size_t source_offset) {
  view.map.add(static_cast<std::uint32_t>(view.text.size()),
               static_cast<std::uint32_t>(source_offset));
  view.text.push_back(c);
}

// Separating markup dropped between two non-blanks must still keep the words apart.
bool placeholder_needed(const std::string& text, char next) {
  return !text.empty() && !is_ascii_blank(text.back()) && text.back() != kNonProsePlaceholder &&
         !is_ascii_blank(next);
}

}  // namespace

void compact_prose(std::string_view source, const std::vector<ByteKind>& kinds, ProseView& view) {
  view.text.reserve(source.size());
  std::size_t dropped = std::string_view::npos;  // the first byte of the run left out
  bool separating = false;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const ByteKind kind = kinds[i];
    char c = source[i];
    if (kind == ByteKind::Placeholder) {
      c = kNonProsePlaceholder;
    } else if (kind != ByteKind::Prose && !is_ascii_blank(c)) {
      if (dropped == std::string_view::npos) dropped = i;
      separating = separating || kind == ByteKind::Separating;
      continue;
    }
    if (dropped != std::string_view::npos) {
      if (separating && placeholder_needed(view.text, c)) {
        append(view, kNonProsePlaceholder, dropped);
      }
      dropped = std::string_view::npos;
      separating = false;
    }
    append(view, c, i);
  }
  const auto prose_size = static_cast<std::uint32_t>(view.text.size());
  for (BlockStart& start : view.block_starts) {
    start.offset = view.map.prose_offset(start.offset, prose_size);
  }
}

}  // namespace copydesk
