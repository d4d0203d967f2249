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
// A leading byte-order mark takes no column. An offset inside a character gets that character's
// column. A query costs O(log n) plus at most kCheckpointStride bytes of decoding, however
// long the line (minified or single-line files).
class SourceMap {
 public:
  // `file_start`: `text` starts the file, so a byte-order mark there is one (elsewhere U+FEFF
  // is a character like any other, e.g. where files with BOMs were joined).
  explicit SourceMap(std::string_view text, bool file_start = true);

  Position position(std::uint32_t offset) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  // The text of the 1-based line, without its line ending.
  std::string_view line_text(std::uint32_t line) const;

  static constexpr std::uint32_t kCheckpointStride = 1024;

 private:
  // The column (0-based, code points) and UTF-16 column of a code point boundary inside a line.
  struct Checkpoint {
    std::uint32_t offset = 0;
    std::uint32_t column = 0;
    std::uint32_t utf16 = 0;
  };

  std::string_view text_;
  bool bom_ = false;
  std::vector<std::uint32_t> line_starts_;
  std::vector<Checkpoint> checkpoints_;  // about one per kCheckpointStride bytes, by offset
};

}  // namespace copydesk
