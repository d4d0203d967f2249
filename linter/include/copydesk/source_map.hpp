#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace copydesk {

struct Position {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in Unicode code points
  std::uint32_t offset = 0;  // 0-based UTF-8 byte offset
  std::uint32_t utf16 = 0;   // 0-based column in UTF-16 code units (LSP)
};

// Turns byte offsets into line and column positions. Lines end at "\n", "\r\n" or a lone "\r".
// A leading byte-order mark takes no column.
class SourceMap {
 public:
  explicit SourceMap(std::string_view text);

  Position position(std::uint32_t offset) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  // The text of the 1-based line, without its line ending.
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<std::uint32_t> line_starts_;
};

}  // namespace copydesk
