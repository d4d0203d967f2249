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
