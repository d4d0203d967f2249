#include "pieces.hpp"

#include "copydesk/text.hpp"

namespace copydesk {

// Where the piece that starts at `begin` ends: right after the first blank line at least
// kPieceBytes on, where the next paragraph starts. Sentences, paragraphs and the rules that
// read them stop at a blank line, so the pieces give the findings of the whole, except that
// evidence gathered across a document comes from the piece alone (misspelled-word takes a
// capitalized word seen elsewhere in the document for a name). A piece never grows past
// 2 * kPieceBytes: without a blank line by then it ends after a line break, else after a space,
// else at a character boundary (see ends_in_blank_line). `at_end`: `text` holds the rest of the
// file; otherwise std::string_view::npos asks for more text when it cannot tell yet.
std::size_t piece_end(std::string_view text, std::size_t begin, bool at_end) {
  const std::size_t limit = begin + 2 * kPieceBytes;
  if (text.size() <= limit) {
    if (at_end) return text.size();
    return std::string_view::npos;
  }
  // A blank line: a line break, then only spaces and tabs, then another line break.
  for (std::size_t at = begin + kPieceBytes; at < limit; ++at) {
    if (!ends_line_at(text, at)) continue;
    std::size_t next = at + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
    if (next < text.size() && (text[next] == '\n' || text[next] == '\r')) {
      std::size_t start = next + 1;
      while (start < text.size() && is_ascii_blank(text[start])) ++start;
      if (start < text.size()) return start;
      // Blank to the end of what is read: more may show where the next paragraph starts, unless
      // the blank run alone is already longer than a piece.
      return at_end || text.size() > limit + kPieceBytes ? text.size() : std::string_view::npos;
    }
  }
  for (std::size_t at = limit; at > begin + kPieceBytes; --at) {
    if (ends_line_at(text, at - 1)) return at;
  }
  for (std::size_t at = limit; at > begin + kPieceBytes; --at) {
    if (text[at - 1] == ' ' || text[at - 1] == '\t') return at;
  }
  // Not inside a character (invalid UTF-8 with no lead byte ends at the limit: the check of the
  // piece reports it) nor between the two bytes of a CRLF.
  std::size_t at = limit;
  while (at > begin + kPieceBytes && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  if (at == begin + kPieceBytes) return limit;
  return text[at - 1] == '\r' && text[at] == '\n' ? at + 1 : at;
}

// Whether `text` ends with a blank line (and so a piece that follows starts a paragraph).
bool ends_in_blank_line(std::string_view text) {
  int line_breaks = 0;
  for (std::size_t at = text.size(); at > 0 && is_ascii_blank(text[at - 1]); --at) {
    if (ends_line_at(text, at - 1)) ++line_breaks;
  }
  return line_breaks >= 2;
}

namespace {

bool starts_paragraph(std::string_view text, std::size_t at) {
  return at == 0 || ends_in_blank_line(text.substr(0, at));
}

}  // namespace

// From the first line start in the margin before the piece; in a line longer than the margin,
// from its first space; else from a character boundary.
Window window_start(std::string_view text, std::size_t core_begin) {
  Window window{.begin = core_begin, .core_begin = core_begin};
  if (!starts_paragraph(text, core_begin)) {
    const std::size_t low = core_begin > kMarginBytes ? core_begin - kMarginBytes : 0;
    std::size_t at = low;
    while (at < core_begin && !(at > 0 && ends_line_at(text, at - 1))) ++at;
    if (at == core_begin) {
      at = low;
      while (at < core_begin && !(at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t'))) ++at;
    }
    if (at == core_begin) {
      at = low;
      while (at < core_begin && is_continuation_byte(text[at])) ++at;
    }
    window.begin = at;
  }
  window.continued = !starts_paragraph(text, window.begin);
  return window;
}

// After the last line break in the margin after the piece; in a line longer than the margin,
// after its last space; else at a character boundary.
std::size_t window_end(std::string_view text, std::size_t core_end, bool at_end) {
  if (core_end >= text.size() || starts_paragraph(text, core_end)) return core_end;
  const std::size_t high = core_end + kMarginBytes;
  // ends_line_at looks one byte past the margin (a CR before an LF).
  if (high >= text.size()) return at_end ? text.size() : std::string_view::npos;
  for (std::size_t at = high; at > core_end; --at) {
    if (ends_line_at(text, at - 1)) return at;
  }
  for (std::size_t at = high; at > core_end; --at) {
    if (text[at - 1] == ' ' || text[at - 1] == '\t') return at;
  }
  std::size_t at = high;
  while (at > core_end && is_continuation_byte(text[at])) --at;
  return at;
}

bool in_piece(const Window& window, std::size_t begin, bool last) {
  return begin >= window.core_begin && (begin < window.core_end || last);
}

void shift(Diagnostic& diagnostic, std::uint32_t by) {
  diagnostic.span.begin += by;
  diagnostic.span.end += by;
  if (!diagnostic.fix) return;
  for (Edit& edit : diagnostic.fix->edits) {
    edit.span.begin += by;
    edit.span.end += by;
  }
}

}  // namespace copydesk
