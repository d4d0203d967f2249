#pragma once

// Private to the library: how a long text is cut into pieces that are linted one at a time, so
// that memory stays bounded. Shared by the engine (a long text in memory) and the input layer
// (a large file streamed from disk).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "copydesk/diagnostic.hpp"
#include "copydesk/document.hpp"

namespace copydesk {

inline bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Plain-text inputs longer than kWholeBytes are read and linted as a stream (see lint_input), a
// piece of about kPieceBytes at a time (see piece_end), keeping only the lines around their
// findings and handing the findings on as they are found, so that neither a 100 MB file nor its
// findings stay in memory: a file of one-letter lines has a finding every two bytes, and a
// Diagnostic takes a few hundred. Markdown and HTML inputs that long are parsed a piece at a
// time (see markup_pieces.hpp) and their prose linted in the same windows. Shorter inputs and texts
// in memory are linted whole, in pieces when long (a Document takes about 16 bytes a byte of text
// besides the text).
constexpr std::size_t kWholeBytes = std::size_t{256} << 10;
constexpr std::size_t kPieceBytes = std::size_t{1} << 20;
constexpr std::size_t kReadBlock = std::size_t{1} << 20;

// Where the piece that starts at `begin` ends: right after the first blank line at least
// kPieceBytes on, where the next paragraph starts (see pieces.cpp). `at_end`: `text` holds the
// rest of the file; otherwise std::string_view::npos asks for more text when it cannot tell yet.
std::size_t piece_end(std::string_view text, std::size_t begin, bool at_end);

// Whether `text` ends with a blank line (and so a piece that follows starts a paragraph).
bool ends_in_blank_line(std::string_view text);

// The first sentence of a piece cut anywhere but at a blank line may be the middle of one: it
// starts like a sentence after a line break, which rules do not take for a paragraph start.
constexpr BlockStart kContinuedPiece{0, SentenceStart::LineBreak};

// A piece cut anywhere but at a blank line is linted with some of the text around it (a margin
// of about kMarginBytes each side), so that a sentence or a repeated word across the cut is seen
// whole; findings that start in the piece are its own, the margins' belong to its neighbours.
constexpr std::size_t kMarginBytes = std::size_t{16} << 10;

// A piece [core_begin, core_end) of a text and the stretch [begin, end) linted with it.
struct Window {
  std::size_t begin = 0;
  std::size_t core_begin = 0;
  std::size_t core_end = 0;
  std::size_t end = 0;
  bool continued = false;  // `begin` is not a paragraph start (see kContinuedPiece)
};

// Where the window of the piece that starts at `core_begin` starts; reads at most
// kMarginBytes (and the blank lines) before `core_begin`. Sets begin and continued.
Window window_start(std::string_view text, std::size_t core_begin);

// Where the window of a piece that ends at `core_end` ends; std::string_view::npos asks for more
// text when `text` does not yet reach a margin past it.
std::size_t window_end(std::string_view text, std::size_t core_end, bool at_end);

// Whether a finding starting at `begin` belongs to the window's piece; `last`: the piece ends the
// text, so a finding at its very end is its own too.
bool in_piece(const Window& window, std::size_t begin, bool last);

// Moves a finding's span and its fix's edits `by` bytes on: from a piece into its file.
void shift(Diagnostic& diagnostic, std::uint32_t by);

}  // namespace copydesk
