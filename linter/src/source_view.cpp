#include "copydesk/source_view.hpp"

#include <algorithm>

#include "copydesk/result.hpp"

namespace copydesk {

SourceView::SourceView(const FileResult& result) {
  if (result.excerpts.empty()) {
    chunks_.push_back(Chunk{0, 1, 0, result.text});
  } else {
    for (const auto& excerpt : result.excerpts) {
      chunks_.push_back(Chunk{.offset = excerpt.offset,
                              .first_line = excerpt.first_line,
                              .chars_before = excerpt.chars_before,
                              .text = excerpt.text,
                              .column_before = excerpt.column_before,
                              .utf16_before = excerpt.utf16_before,
                              .cut_after = excerpt.cut_after});
    }
  }
  maps_.resize(chunks_.size());
}

const SourceMap& SourceView::map_of(std::size_t index) const {
  std::optional<SourceMap>& map = maps_[index];
  if (!map) map.emplace(chunks_[index].text, chunks_[index].offset == 0);
  return *map;
}

std::size_t SourceView::index_of(std::uint32_t offset) const {
  const auto after = std::upper_bound(
      chunks_.begin(), chunks_.end(), offset,
      [](std::uint32_t value, const Chunk& chunk) { return value < chunk.offset; });
  return after == chunks_.begin() ? 0 : static_cast<std::size_t>(after - chunks_.begin() - 1);
}

const SourceView::Chunk& SourceView::chunk_of(std::uint32_t offset) const {
  return chunks_[index_of(offset)];
}

Position SourceView::position(std::uint32_t offset) const {
  const std::size_t index = index_of(offset);
  const Chunk& chunk = chunks_[index];
  Position position = map_of(index).position(offset - std::min(offset, chunk.offset));
  // A chunk starts at a line start, or inside a long line at the column it records.
  if (position.line == 1) {
    position.column += chunk.column_before;
    position.utf16 += chunk.utf16_before;
  }
  position.line += chunk.first_line - 1;
  position.offset = offset;
  return position;
}

SourceView::Line SourceView::line_at(std::uint32_t offset) const {
  const std::size_t index = index_of(offset);
  const Chunk& chunk = chunks_[index];
  const SourceMap& map = map_of(index);
  const std::uint32_t line = map.position(offset - std::min(offset, chunk.offset)).line;
  const std::string_view text = map.line_text(line);
  return Line{.text = text,
              .begin = chunk.offset + static_cast<std::uint32_t>(text.data() - chunk.text.data()),
              .cut_before = line == 1 && chunk.column_before > 0,
              .cut_after = line == map.line_count() && chunk.cut_after};
}

std::string_view SourceView::slice(Span span) const {
  const Chunk& chunk = chunk_of(span.begin);
  const std::size_t begin =
      std::min<std::size_t>(span.begin - std::min(span.begin, chunk.offset), chunk.text.size());
  const std::size_t end = std::clamp<std::size_t>(span.end - std::min(span.end, chunk.offset),
                                                  begin, chunk.text.size());
  return chunk.text.substr(begin, end - begin);
}

}  // namespace copydesk
