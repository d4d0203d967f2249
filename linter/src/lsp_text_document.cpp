#include <algorithm>

#include "copydesk/lsp/text_document.hpp"

namespace copydesk::lsp {
namespace {

// The length in bytes of the UTF-8 sequence that `lead` starts; a stray byte counts as one.
std::uint32_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

std::uint32_t units_of(std::uint32_t length, PositionEncoding encoding) {
  if (encoding == PositionEncoding::Utf8) return length;
  return length == 4 ? 2 : 1;  // four bytes: outside the BMP, a surrogate pair
}

}  // namespace

TextDocument::TextDocument(std::string text) : text_(std::move(text)) { index_lines(); }

void TextDocument::assign(std::string text) {
  text_ = std::move(text);
  index_lines();
}

void TextDocument::index_lines() {
  line_starts_.assign(1, 0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
    if (text_[i] == '\n' || text_[i] == '\r') line_starts_.push_back(i + 1);
  }
}

std::uint32_t TextDocument::content_end(std::uint32_t line) const {
  std::uint32_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1]
                                                     : static_cast<std::uint32_t>(text_.size());
  if (end > line_starts_[line] && text_[end - 1] == '\n') --end;
  if (end > line_starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

std::uint32_t TextDocument::offset_of(LspPosition position, PositionEncoding encoding) const {
  if (position.line >= line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
  const std::uint32_t end = content_end(position.line);
  std::uint32_t offset = line_starts_[position.line];
  std::uint32_t units = 0;
  while (offset < end) {
    const std::uint32_t length =
        std::min(sequence_length(static_cast<unsigned char>(text_[offset])), end - offset);
    const std::uint32_t next = units + units_of(length, encoding);
    if (next > position.character) break;
    units = next;
    offset += length;
  }
  return offset;
}

LspPosition TextDocument::position_of(std::uint32_t offset, PositionEncoding encoding) const {
  offset = std::min(offset, static_cast<std::uint32_t>(text_.size()));
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(after - line_starts_.begin() - 1);
  const std::uint32_t end = std::min(offset, content_end(line));
  std::uint32_t units = 0;
  for (std::uint32_t at = line_starts_[line]; at < end;) {
    const std::uint32_t length =
        std::min(sequence_length(static_cast<unsigned char>(text_[at])), end - at);
    units += units_of(length, encoding);
    at += length;
  }
  return {.line = line, .character = units};
}

void TextDocument::replace(std::uint32_t begin, std::uint32_t end, std::string_view with) {
  end = std::min(end, static_cast<std::uint32_t>(text_.size()));
  begin = std::min(begin, end);
  text_.replace(begin, end - begin, with);
  index_lines();
}

}  // namespace copydesk::lsp
