#pragma once

// The input layer: where a large Markdown or HTML file can be cut into pieces that are
// parsed one at a time and give, joined, the prose view of the whole (see lint_marked_up in
// input.cpp), so that neither md4c's nor gumbo's memory grows with the file.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/syntax.hpp"

namespace copydesk {

// A piece is cut at the first safe place at least this far past the start of the one before.
constexpr std::size_t kMarkupPieceBytes = std::size_t{1} << 20;

// How to parse a file a piece at a time.
struct MarkupPlan {
  std::vector<std::uint64_t> cuts;  // file offsets where the pieces after the first start
  // Markdown: the file's link reference definitions, which md4c reads after each piece so that
  // references resolve wherever they are defined.
  std::string definitions;
  // HTML: the page's doctype, which gumbo reads before each piece after the first so that it
  // parses each in the page's mode (standards or quirks).
  std::string doctype;
  // Not safe to cut (a label defined twice, a definition the scanner cannot place, a directive
  // or a [sic] that may act across pieces): the file is parsed whole, as before.
  bool whole = false;
};

// Reads a Markdown or HTML file a few lines at a time and finds where it can be cut.
class CutFinder {
 public:
  virtual ~CutFinder() = default;
  // The next complete lines (each with its line break, except maybe the file's last), starting
  // at file offset `offset`.
  virtual void read(std::string_view lines, std::uint64_t offset) = 0;
  virtual MarkupPlan finish() = 0;
};

// Markdown: a cut starts a line that follows a blank line outside fenced code and HTML blocks
// of types 1 to 5 (whose content may hold blank lines), is not indented (so it continues no
// list item, indented code or container) and does not start a list item (which would join the
// list before it). Link reference definitions are collected where a definition can start (after
// a blank line, a heading, a break, a fence or another definition).
// HTML: a cut starts a line that opens a block element (p, div, h1, table...) where no element
// but html, body and a paragraph it closes is open, outside comments, raw text (script, style)
// and tags; never after a formatting element (b, code...) was closed implicitly, since gumbo
// reopens those in the blocks that follow.
std::unique_ptr<CutFinder> make_cut_finder(Syntax syntax);

}  // namespace copydesk
