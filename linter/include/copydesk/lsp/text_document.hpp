#pragma once

// An open document's text as the client edits it, and the conversion between the client's
// positions (line, character in the negotiated unit) and UTF-8 byte offsets.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk::lsp {

// The unit of a position's character: UTF-16 code units (the protocol's default) or UTF-8 bytes.
enum class PositionEncoding : std::uint8_t { Utf16, Utf8 };

struct LspPosition {
  std::uint32_t line = 0;       // 0-based
  std::uint32_t character = 0;  // 0-based, in the negotiated unit
  friend bool operator==(LspPosition, LspPosition) = default;
};

class TextDocument {
 public:
  explicit TextDocument(std::string text);

  const std::string& text() const { return text_; }
  // The byte offset of `position`. As the protocol says, a character past the end of its line
  // means the line's end, and a line past the last means the end of the text; a position inside
  // a character means that character's start.
  std::uint32_t offset_of(LspPosition position, PositionEncoding encoding) const;
  LspPosition position_of(std::uint32_t offset, PositionEncoding encoding) const;
  // Replaces the bytes [begin, end) (an incremental change).
  void replace(std::uint32_t begin, std::uint32_t end, std::string_view with);
  void assign(std::string text);

 private:
  void index_lines();
  // Where the line's text ends, before its line break.
  std::uint32_t content_end(std::uint32_t line) const;

  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

}  // namespace copydesk::lsp
