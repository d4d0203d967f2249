#include "copydesk/source_map.hpp"

#include <algorithm>

#include "copydesk/text.hpp"

namespace copydesk {

namespace {
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
}

SourceMap::SourceMap(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      line_starts_.push_back(i + 1);
    }
  }
}

Position SourceMap::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<std::uint32_t>(after - line_starts_.begin() - 1);
  std::uint32_t at = line_starts_[line_index];
  if (at == 0 && text_.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    at = static_cast<std::uint32_t>(kByteOrderMark.size());
  }
  Position position;
  position.line = line_index + 1;
  position.offset = offset;
  // Only code points that end at or before `offset` count: an offset inside a character (or
  // inside the byte-order mark) gets that character's column.
  while (at < offset) {
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
  if (begin == 0 && result.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    result.remove_prefix(kByteOrderMark.size());
  }
  return result;
}

}  // namespace copydesk
