#include "copydesk/source_map.hpp"

#include <algorithm>
#include <iterator>

#include "copydesk/text.hpp"

namespace copydesk {

SourceMap::SourceMap(std::string_view text, bool file_start)
    : text_(text), bom_(file_start && text.starts_with(kByteOrderMark)) {
  line_starts_.push_back(0);
  const auto size = static_cast<std::uint32_t>(text.size());
  std::uint32_t i = bom_ ? static_cast<std::uint32_t>(kByteOrderMark.size()) : 0;
  Checkpoint here;  // the position of byte i within its line
  std::uint32_t next_checkpoint = kCheckpointStride;
  while (i < size) {
    const char c = text[i];
    if (ends_line_at(text, i)) {
      line_starts_.push_back(i + 1);
      here = Checkpoint{};
      ++i;
      continue;
    }
    if (i >= next_checkpoint) {
      here.offset = i;
      checkpoints_.push_back(here);
      next_checkpoint = i + kCheckpointStride;
    }
    int length = 1;
    const char32_t cp = static_cast<unsigned char>(c) < 0x80 ? static_cast<char32_t>(c)
                                                              : decode_at(text, i, length);
    ++here.column;
    here.utf16 += cp >= 0x10000 ? 2 : 1;
    i += static_cast<std::uint32_t>(length);
  }
}

Position SourceMap::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<std::uint32_t>(after - line_starts_.begin() - 1);
  std::uint32_t at = line_starts_[line_index];
  if (at == 0 && bom_) {
    at = static_cast<std::uint32_t>(kByteOrderMark.size());
  }
  Position position;
  position.line = line_index + 1;
  position.offset = offset;
  // Start from the last checkpoint at or before `offset` when it lies on this line.
  const auto checkpoint = std::upper_bound(
      checkpoints_.begin(), checkpoints_.end(), offset,
      [](std::uint32_t value, const Checkpoint& c) { return value < c.offset; });
  if (checkpoint != checkpoints_.begin() && std::prev(checkpoint)->offset > at) {
    at = std::prev(checkpoint)->offset;
    position.column += std::prev(checkpoint)->column;
    position.utf16 = std::prev(checkpoint)->utf16;
  }
  // Only code points that end at or before `offset` count: an offset inside a character (or
  // inside the byte-order mark) gets that character's column.
  while (at < offset) {
    // Most text is ASCII: one byte, one column, one UTF-16 unit, no decoding.
    if (static_cast<unsigned char>(text_[at]) < 0x80) {
      ++at;
      ++position.column;
      ++position.utf16;
      continue;
    }
    int length = 0;
    const char32_t c = decode_at(text_, at, length);
    at += static_cast<std::uint32_t>(length);
    if (at > offset) break;
    ++position.column;
    position.utf16 += c >= 0x10000 ? 2 : 1;
  }
  return position;
}

std::string_view SourceMap::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::uint32_t begin = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  std::string_view result = text_.substr(begin, end - begin);
  if (begin == 0 && bom_) {
    result.remove_prefix(kByteOrderMark.size());
  }
  return result;
}

}  // namespace copydesk
