// The input layer: reads files and standard input for the engine, whole or, for a large
// plain-text file, a piece at a time.

#include "copydesk/input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <memory>
#include <system_error>

#include "copydesk/engine.hpp"
#include "copydesk/file_reading.hpp"
#include "copydesk/html.hpp"
#include "copydesk/markdown.hpp"
#include "copydesk/markup_pieces.hpp"
#include "copydesk/suppression.hpp"
#include "copydesk/text.hpp"
#include "pieces.hpp"

namespace copydesk {

std::string read_word_list(const std::filesystem::path& path) {
  // A directory opens as a stream that reads nothing, and a device or a pipe may never end:
  // say so rather than accept no words or hang.
  std::error_code status_error;
  const auto status = std::filesystem::status(path, status_error);
  if (std::filesystem::is_directory(status)) {
    throw ConfigError(path.string() + ": the word list is a directory");
  }
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    throw ConfigError(path.string() + ": the word list is not a regular file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigError(path.string() + ": cannot read the word list: " + std::strerror(errno));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw ConfigError(path.string() + ": cannot read the word list: read error");
  // Editors on Windows start files with one; it is no part of the first word.
  text.erase(0, byte_order_mark_size(text));
  if (const auto bad = find_invalid_utf8(text)) {
    throw ConfigError(path.string() + ": invalid UTF-8 at byte " + std::to_string(*bad));
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    throw ConfigError(path.string() + ": the word list is a binary file (NUL byte at byte " +
                      std::to_string(nul) + ")");
  }
  return text;
}

namespace {

// Set by guard_standard_input: descriptor 0 was closed and now holds /dev/null.
bool standard_input_closed = false;

// Appends up to `bytes` more of the stream to `text`, a block at a time (the character-by-
// character iterator costs about 40 instructions a byte). False on a read error; `at_end` tells
// whether the stream is exhausted.
bool read_more(std::istream& in, std::string& text, std::size_t bytes, bool& at_end) {
  while (bytes > 0 && !at_end) {
    const std::size_t old_size = text.size();
    const std::size_t block = std::min(bytes, kReadBlock);
    text.resize(old_size + block);
    in.read(text.data() + old_size, static_cast<std::streamsize>(block));
    const auto got = static_cast<std::size_t>(in.gcount());
    text.resize(old_size + got);
    if (in.bad()) return false;
    if (got < block) at_end = true;
    bytes -= got;
  }
  return true;
}

// Where a streamed file has been counted up to: line breaks as SourceMap counts them ("\n",
// "\r\n", a lone "\r"), code points, and the column in the current line, a leading byte-order
// mark not counted.
struct Cursor {
  std::uint64_t offset = 0;
  std::uint32_t line_breaks = 0;
  std::uint64_t chars = 0;
  std::uint32_t column = 0;
  std::uint32_t utf16 = 0;
};

// Counts on to file offset `to` in `text`, which starts at file offset `base` (at most the
// cursor's offset). `bom`: the size of the file's byte-order mark.
void advance(Cursor& cursor, std::string_view text, std::uint64_t base, std::uint64_t to,
             std::size_t bom) {
  for (; cursor.offset < to; ++cursor.offset) {
    const std::size_t at = cursor.offset - base;
    const auto byte = static_cast<unsigned char>(text[at]);
    if (cursor.offset < bom || (byte & 0xC0) == 0x80) continue;
    ++cursor.chars;
    if ((byte == '\n' || byte == '\r') && ends_line_at(text, at)) {
      ++cursor.line_breaks;
      cursor.column = 0;
      cursor.utf16 = 0;
      continue;
    }
    ++cursor.column;
    cursor.utf16 += byte >= 0xF0 ? 2 : 1;
  }
}

// How much of a long line an excerpt keeps each side of a finding: more than a report shows of
// it (see the text format) or a baseline key reads.
constexpr std::size_t kExcerptContext = 2048;

// The ends of the lines of a stretch of text, found in one pass, so that each finding's line is
// a binary search away however long the line is.
class LineEnds {
 public:
  explicit LineEnds(std::string_view text) : size_(text.size()) {
    // A plain loop: find_first_of("\r\n") asks memchr about the set at every byte.
    for (std::size_t at = 0; at < text.size(); ++at) {
      if ((text[at] != '\n' && text[at] != '\r') || !ends_line_at(text, at)) continue;
      // "\r\n" ends its line at the "\r": the line's text stops there.
      ends_.push_back(static_cast<std::uint32_t>(
          at > 0 && text[at] == '\n' && text[at - 1] == '\r' ? at - 1 : at));
      starts_.push_back(static_cast<std::uint32_t>(at + 1));
    }
  }
  // The start of the line that holds `at` (0 when it starts before the text).
  std::size_t start_of(std::size_t at) const {
    const auto after = std::upper_bound(starts_.begin(), starts_.end(), at);
    return after == starts_.begin() ? 0 : *std::prev(after);
  }
  // Where the text of the line that holds `at` ends (the text's end when it goes on past it).
  std::size_t end_of(std::size_t at) const {
    const auto next = std::lower_bound(ends_.begin(), ends_.end(), at);
    return next == ends_.end() ? size_ : *next;
  }

 private:
  std::size_t size_;
  // 32 bits: a window and what is read past it are a few MiB (a piece of 2 MiB of one-letter
  // lines has a million of them).
  std::vector<std::uint32_t> ends_;
  std::vector<std::uint32_t> starts_;
};

// The same for a whole text in memory, looking at most kExcerptContext bytes each way (all that
// kept_range reads): a table of the lines of a large text would grow with its lines.
class NearbyLines {
 public:
  explicit NearbyLines(std::string_view text) : text_(text) {}
  // LineEnds::start_of, or a value no later than `at` - kExcerptContext.
  std::size_t start_of(std::size_t at) const {
    const std::size_t low = at > kExcerptContext ? at - kExcerptContext : 0;
    for (std::size_t next = at; next > low; --next) {
      if (line_break_at(next - 1)) return next;
    }
    return low;
  }
  // LineEnds::end_of, or a value no earlier than `at` + kExcerptContext.
  std::size_t end_of(std::size_t at) const {
    const std::size_t high = std::min(text_.size(), at + kExcerptContext + 2);
    for (std::size_t next = at; next < high; ++next) {
      if (!line_break_at(next)) continue;
      const std::size_t end =
          next > 0 && text_[next] == '\n' && text_[next - 1] == '\r' ? next - 1 : next;
      if (end >= at) return end;
    }
    return std::min(text_.size(), at + kExcerptContext);
  }

 private:
  bool line_break_at(std::size_t at) const {
    return (text_[at] == '\n' || text_[at] == '\r') && ends_line_at(text_, at);
  }
  std::string_view text_;
};

// The stretch of `text` a finding's excerpt keeps: its lines, cut kExcerptContext bytes before
// and after it where a line is longer, at character boundaries.
template <typename Lines>
std::pair<std::size_t, std::size_t> kept_range(std::string_view text, const Lines& lines,
                                               const Diagnostic& diagnostic) {
  std::size_t low = diagnostic.span.begin;
  std::size_t high = diagnostic.span.end;
  if (diagnostic.fix) {
    for (const auto& edit : diagnostic.fix->edits) {
      low = std::min<std::size_t>(low, edit.span.begin);
      high = std::max<std::size_t>(high, edit.span.end);
    }
  }
  low = std::min(low, text.size());
  high = std::clamp(high, low, text.size());
  low = std::max(lines.start_of(low), low > kExcerptContext ? low - kExcerptContext : 0);
  high = std::min(lines.end_of(high), high + kExcerptContext);
  while (low < text.size() && is_continuation_byte(text[low])) ++low;
  while (high < text.size() && is_continuation_byte(text[high])) ++high;
  return {low, high};
}

// Keeps the lines (or, of a long line, the stretch) around `found`, findings sorted by position
// with spans into `text` (whose line ends are `lines`), as excerpts placed in the file: `text`
// starts at file offset `base`, where `cursor` stands or before; `at_end`: `text` holds the rest of
// the file.
template <typename Lines>
void keep_lines_of(std::string_view text, const Lines& lines, std::uint64_t base, bool at_end,
                   const std::vector<Diagnostic>& found, Cursor& cursor, std::size_t bom,
                   std::vector<SourceExcerpt>& excerpts) {
  for (const auto& diagnostic : found) {
    auto [low, high] = kept_range(text, lines, diagnostic);
    low = std::max<std::size_t>(low, cursor.offset - base);
    high = std::max(high, low);
    const bool cut_after = high < text.size() ? text[high] != '\n' && text[high] != '\r' : !at_end;
    if (!excerpts.empty()) {
      SourceExcerpt& last = excerpts.back();
      const std::uint64_t last_end = last.offset + last.text.size();
      if (base + low <= last_end) {  // overlaps the last excerpt: extend it
        if (base + high > last_end) {
          last.text.append(text.substr(last_end - base, base + high - last_end));
          last.cut_after = cut_after;
        }
        continue;
      }
    }
    advance(cursor, text, base, base + low, bom);
    excerpts.push_back(SourceExcerpt{.offset = static_cast<std::uint32_t>(base + low),
                                     .first_line = cursor.line_breaks + 1,
                                     .chars_before = cursor.chars,
                                     .text = std::string(text.substr(low, high - low)),
                                     .column_before = cursor.column,
                                     .utf16_before = cursor.utf16,
                                     .cut_after = cut_after});
  }
}

// The byte order of a text that starts like UTF-16: with its byte-order mark, or with ASCII
// characters of two bytes each, one of them NUL.
std::optional<std::string_view> utf16_byte_order(std::string_view text) {
  if (text.starts_with("\xFF\xFE")) return "little-endian";
  if (text.starts_with("\xFE\xFF")) return "big-endian";
  // Without a mark, four characters at least: "a\0b" is a binary file, not UTF-16.
  const std::size_t sample = std::min<std::size_t>(text.size(), 64) & ~std::size_t{1};
  if (sample < 8) return std::nullopt;
  bool little = true, big = true;
  for (std::size_t i = 0; i < sample; i += 2) {
    little = little && text[i] != '\0' && text[i + 1] == '\0';
    big = big && text[i] == '\0' && text[i + 1] != '\0';
  }
  if (little) return "little-endian";
  if (big) return "big-endian";
  return std::nullopt;
}

// An input error for a UTF-16 file (a walk does not skip it as binary: it is text, in the wrong
// encoding), with how to convert it.
std::optional<std::string> utf16_error(std::string_view text) {
  const auto order = utf16_byte_order(text);
  if (!order) return std::nullopt;
  return "UTF-16 text (" + std::string(*order) +
         "), not UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8";
}

std::string binary_file_error(const Input& input, std::uint64_t nul_offset, FileResult& failed) {
  failed.skipped = !input.explicit_path;
  return failed.skipped
             ? "binary file (contains NUL bytes), skipped"
             : "binary file (contains NUL bytes at byte " + std::to_string(nul_offset) + ")";
}

// Why a window of a streamed file cannot be linted, if it cannot: a NUL byte or invalid UTF-8
// (the windows before it were checked, so the offset is the first in the file).
std::optional<std::string> window_error(const Input& input, std::string_view window,
                                        std::uint64_t base, FileResult& result) {
  if (const std::size_t nul = window.find('\0'); nul != std::string::npos) {
    return binary_file_error(input, base + nul, result);
  }
  if (const auto bad = find_invalid_utf8(window)) {
    return "invalid UTF-8 at byte " + std::to_string(base + *bad);
  }
  return std::nullopt;
}

// A file too long to keep, read a window at a time (see piece_end and Window): only what a
// later window reads stays. `text` is the beginning already read; positions are counted on in
// a Cursor when `counting` (the pass that keeps excerpts needs them, the check does not).
class WindowReader {
 public:
  WindowReader(std::istream& in, std::string text, bool counting)
      : in_(in), text_(std::move(text)), bom_(byte_order_mark_size(text_)), counting_(counting) {}

  // Reads on to the next window; false at the end of the file or on an error (see error()).
  bool next() {
    if (!started_) {
      window_ = window_start(text_, 0);
      started_ = true;
    } else {
      if (window_.core_end == text_.size()) return false;
      // Drop what no later window reads.
      Window next = window_start(text_, window_.core_end);
      if (counting_) advance(cursor_, text_, base_, base_ + next.begin, bom_);
      text_.erase(0, next.begin);
      base_ += next.begin;
      next.core_begin -= next.begin;
      next.begin = 0;
      window_ = next;
    }
    for (;;) {
      window_.core_end = piece_end(text_, window_.core_begin, at_end_);
      window_.end = window_.core_end == std::string_view::npos
                        ? std::string_view::npos
                        : window_end(text_, window_.core_end, at_end_);
      // Excerpts read a little past the window (see kept_range).
      if (window_.end != std::string_view::npos &&
          (at_end_ || text_.size() > window_.end + kExcerptContext)) {
        break;
      }
      if (!read_more(in_, text_, kReadBlock, at_end_)) {
        error_ = "read error after byte " + std::to_string(read_size());
        return false;
      }
    }
    if (base_ + window_.end > std::numeric_limits<std::uint32_t>::max()) {  // 32-bit offsets
      error_ = "the file is too large (4 GiB or more)";
      return false;
    }
    return true;
  }

  const std::string& text() const { return text_; }  // from file offset base()
  std::uint64_t base() const { return base_; }
  const Window& window() const { return window_; }
  std::string_view seen() const {
    return std::string_view(text_).substr(window_.begin, window_.end - window_.begin);
  }
  bool at_end() const { return at_end_; }
  Cursor& cursor() { return cursor_; }
  std::size_t bom() const { return bom_; }
  const std::optional<std::string>& error() const { return error_; }
  std::uint64_t read_size() const { return base_ + text_.size(); }  // bytes of the file read

 private:
  std::istream& in_;
  std::string text_;
  std::size_t bom_;
  bool counting_;
  bool started_ = false;
  bool at_end_ = false;
  std::uint64_t base_ = 0;  // the file offset of text_[0]
  Window window_;
  Cursor cursor_;
  std::optional<std::string> error_;
};

// What a first pass over a large file found: whether it can be streamed. Its findings are
// handed out as they are found, so anything that would take them back must be known before:
// an error (a NUL byte, invalid UTF-8) reports the file with no findings, and a suppression
// directive or a [sic] may act on the whole file, which is then linted whole.
struct StreamCheck {
  std::optional<FileResult> failed;
  bool lint_whole = false;
  std::uint64_t size = 0;  // of the file as the check read it
};

StreamCheck check_stream(const Input& input, std::istream& in, std::string text) {
  StreamCheck check;
  FileResult failed;
  failed.path = input.display_path;
  WindowReader reader(in, std::move(text), false);
  while (reader.next()) {
    if (auto error =
            window_error(input, reader.seen(), reader.base() + reader.window().begin, failed)) {
      failed.error = std::move(error);
      break;
    }
    if (const Suppressions suppressions(reader.seen(), DirectiveSyntax::Lines);
        !suppressions.directives().empty() || !suppressions.sic_marks().empty()) {
      check.lint_whole = true;
      return check;
    }
  }
  if (!failed.error) failed.error = reader.error();
  if (failed.error) check.failed = std::move(failed);
  check.size = reader.read_size();
  return check;
}

// A file's findings handed out in parts (see FilePart) as they are found.
class PartsOut {
 public:
  PartsOut(const std::string& path, const ResultSink& consume) : consume_(consume) {
    part_.path = path;
  }
  FileResult& part() { return part_; }
  // Hands out the findings so far, the first part or a middle one.
  void hand_out() { hand_out(handed_out_ ? FilePart::Middle : FilePart::First); }
  // Hands out the last part (the only one, Whole, when there was none before).
  void finish() { hand_out(handed_out_ ? FilePart::Last : FilePart::Whole); }

 private:
  void hand_out(FilePart place) {
    part_.part = place;
    std::string path = part_.path;
    consume_(std::move(part_));
    part_ = FileResult{};
    part_.path = std::move(path);
    handed_out_ = true;
  }
  const ResultSink& consume_;
  FileResult part_;
  bool handed_out_ = false;
};

// Lints a large plain-text file that check_stream passed a piece at a time, keeping only the
// lines its findings touch, and hands the findings to `consume` as parts (see FilePart), a few
// thousand at a time. An error met on the way (a read error, or a file changed since the check:
// `size` is what the check read) ends the last part, after the findings before it.
void lint_stream(const Engine& engine, const Input& input, std::istream& in, std::string text,
                 std::uint64_t size, const ResultSink& consume) {
  PartsOut parts(input.display_path, consume);
  FileResult& part = parts.part();
  WindowReader reader(in, std::move(text), true);
  while (reader.next()) {
    const Window& window = reader.window();
    const std::uint64_t base = reader.base();
    if (auto error = window_error(input, reader.seen(), base + window.begin, part)) {
      part.error = std::move(error);
      break;
    }
    // Built when the piece has findings: most pieces of most files have none.
    std::optional<LineEnds> lines;
    engine.check_piece_sorted(
        part.path, reader.text(), window,
        window.continued ? std::vector{kContinuedPiece} : std::vector<BlockStart>{},
        [&](std::vector<Diagnostic>&& found) {
          if (!lines) lines.emplace(reader.text());
          keep_lines_of(reader.text(), *lines, base, reader.at_end(), found, reader.cursor(),
                        reader.bom(), part.excerpts);
          for (auto& diagnostic : found) shift(diagnostic, static_cast<std::uint32_t>(base));
          part.diagnostics = std::move(found);
          parts.hand_out();
        });
  }
  if (!part.error) part.error = reader.error();
  if (!part.error && reader.read_size() != size) {
    part.error = "the file changed while it was linted (" + std::to_string(size) + " bytes, then " +
                 std::to_string(reader.read_size()) + ")";
  }
  parts.finish();
}

// Lints a text read whole, a piece at a time (see Engine::lint_text_sorted), and hands its
// findings to `consume` in parts with the lines around them, as lint_stream does. False, having
// handed out nothing, when lint_text must lint it (a suppression directive or a [sic]).
bool lint_whole_in_parts(const Engine& engine, const Input& input, std::string_view text,
                         Syntax syntax, const ResultSink& consume) {
  PartsOut parts(input.display_path, consume);
  FileResult& part = parts.part();
  const NearbyLines lines(text);
  Cursor cursor;
  const std::size_t bom = byte_order_mark_size(text);
  const bool linted =
      engine.lint_text_sorted(part.path, text, syntax, [&](std::vector<Diagnostic>&& found) {
        keep_lines_of(text, lines, 0, true, found, cursor, bom, part.excerpts);
        part.diagnostics = std::move(found);
        parts.hand_out();
      });
  if (linted) parts.finish();
  return linted;
}

// What a first pass over a large Markdown or HTML file found: where it can be cut (see
// markup_pieces.hpp), or the error that reports it with no findings.
struct MarkupCheck {
  std::optional<FileResult> failed;
  MarkupPlan plan;
  std::uint64_t size = 0;  // of the file as the check read it
};

// Reads the file once, a block at a time, handing complete lines to a CutFinder and looking for
// what lint_text would report instead of findings: a NUL byte anywhere, then a size of 4 GiB or
// more, then invalid UTF-8 (in that order, as lint_or_stream and lint_text check a whole text).
MarkupCheck check_markup(const Input& input, std::istream& in, Syntax syntax) {
  MarkupCheck check;
  FileResult failed;
  failed.path = input.display_path;
  const auto finder = make_cut_finder(syntax);
  std::string text;  // from file offset `base`: the lines not yet handed to the finder
  std::uint64_t base = 0;
  std::optional<std::uint64_t> invalid;
  bool at_end = false;
  while (!at_end) {
    if (!read_more(in, text, kReadBlock, at_end)) {
      failed.error = "read error after byte " + std::to_string(base + text.size());
      check.failed = std::move(failed);
      return check;
    }
    if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
      failed.error = binary_file_error(input, base + nul, failed);
      check.failed = std::move(failed);
      return check;
    }
    // Up to the last line break that is surely one ("\r" may be the first half of "\r\n").
    std::size_t complete = at_end ? text.size() : 0;
    for (std::size_t at = text.size(); !at_end && at > 0; --at) {
      if (text[at - 1] == '\n' || (text[at - 1] == '\r' && at < text.size())) {
        complete = at;
        break;
      }
    }
    const std::string_view lines = std::string_view(text).substr(0, complete);
    if (!invalid) {
      if (const auto bad = find_invalid_utf8(lines)) invalid = base + *bad;
    }
    finder->read(lines, base);
    text.erase(0, complete);
    base += complete;
  }
  check.size = base;
  if (check.size > std::numeric_limits<std::uint32_t>::max()) {
    failed.error = "the file is too large (4 GiB or more)";
  } else if (invalid) {
    failed.error = "invalid UTF-8 at byte " + std::to_string(*invalid);
  }
  if (failed.error) check.failed = std::move(failed);
  check.plan = finder->finish();
  return check;
}

// The prose of a large Markdown or HTML file, parsed a piece at a time as its MarkupPlan cuts
// it and kept only from where the next window of the prose starts (with the source bytes that
// the excerpts of its findings may read): the concatenated views of the pieces are the view of
// the whole file, so that windows, findings and excerpts are the whole file's.
class MarkedUpProse {
 public:
  MarkedUpProse(std::istream& in, const MarkupCheck& check, Syntax syntax)
      : in_(in), plan_(check.plan), size_(check.size), syntax_(syntax) {}

  // Reads and parses the next piece; false at the end of the file or on an error (error()).
  bool read_piece() {
    if (all_in_ || error_) return false;
    const std::uint64_t begin = next_piece_ == 0 ? 0 : plan_.cuts[next_piece_ - 1];
    const std::uint64_t end = next_piece_ < plan_.cuts.size() ? plan_.cuts[next_piece_] : size_;
    const bool first = next_piece_ == 0;
    ++next_piece_;
    std::string piece;
    bool at_end = false;
    if (!read_more(in_, piece, end - begin, at_end)) {
      error_ = "read error after byte " + std::to_string(begin + piece.size());
      return false;
    }
    if (piece.size() != end - begin) return changed(begin + piece.size());
    if (end == size_) {
      std::string more;
      if (!read_more(in_, more, 1, at_end) || !more.empty()) return changed(size_ + more.size());
    }
    const ProseView view =
        syntax_ == Syntax::Html
            ? (first ? html_prose(piece) : html_prose(piece, plan_.doctype))
            : markdown_prose(
                  piece, MarkdownPiece{.starts_document = first, .definitions = plan_.definitions});
    const auto prose_at = static_cast<std::uint32_t>(prose_base_ + prose_.size());
    map_.append(view.map, prose_at, static_cast<std::uint32_t>(begin));
    for (const BlockStart& start : view.block_starts) {
      starts_.push_back(BlockStart{start.offset + prose_at, start.kind});
    }
    prose_ += view.text;
    source_ += piece;
    all_in_ = end == size_;
    return true;
  }

  // Whether the source read reaches far enough past prose offset `prose_end` (into prose())
  // for the excerpts of findings before it (see kept_range).
  bool source_reaches(std::size_t prose_end) const {
    if (all_in_) return true;
    return source_base_ + source_.size() > source_of(prose_end) + kExcerptContext + 2;
  }

  // The block starts in the window, relative to it (as for_each_window gives them).
  std::vector<BlockStart> starts_in(const Window& window) const {
    std::vector<BlockStart> in;
    if (window.continued) in.push_back(kContinuedPiece);
    const std::uint64_t begin = prose_base_ + window.begin;
    const std::uint64_t end = prose_base_ + window.end;
    for (const BlockStart& start : starts_) {
      if (start.offset < begin) continue;
      if (start.offset >= end) break;
      in.push_back(BlockStart{static_cast<std::uint32_t>(start.offset - begin), start.kind});
    }
    return in;
  }

  // Moves a finding from prose() into source(), as map_to_source does for a whole text.
  void place(Diagnostic& diagnostic) const {
    diagnostic.span = to_source(diagnostic.span);
    if (!diagnostic.fix) return;
    bool over_markup = false;
    for (Edit& edit : diagnostic.fix->edits) {
      const Span mapped = to_source(edit.span);
      if (mapped.in(source_) != edit.span.in(prose_)) over_markup = true;
      edit.span = mapped;
    }
    if (over_markup) diagnostic.fix.reset();
  }

  // Forgets the prose before `prose_begin` and the source no excerpt of a finding after it
  // reads, counting `cursor` on over it.
  void drop_before(std::size_t prose_begin, Cursor& cursor, std::size_t bom) {
    std::uint64_t keep =
        std::min<std::uint64_t>(source_of(prose_begin), source_base_ + source_.size());
    keep = std::max(keep > kExcerptContext + 2 ? keep - kExcerptContext - 2 : 0, source_base_);
    advance(cursor, source_, source_base_, keep, bom);
    source_.erase(0, keep - source_base_);
    source_base_ = keep;
    prose_.erase(0, prose_begin);
    prose_base_ += prose_begin;
    map_.drop_before(static_cast<std::uint32_t>(prose_base_));
    const auto first = std::find_if(starts_.begin(), starts_.end(), [&](const BlockStart& start) {
      return start.offset >= prose_base_;
    });
    starts_.erase(starts_.begin(), first);
  }

  const std::string& prose() const { return prose_; }
  const std::string& source() const { return source_; }  // from file offset source_base()
  std::uint64_t source_base() const { return source_base_; }
  bool all_in() const { return all_in_; }
  const std::optional<std::string>& error() const { return error_; }

 private:
  bool changed(std::uint64_t read) {
    error_ = "the file changed while it was linted (" + std::to_string(size_) + " bytes, then " +
             std::to_string(read) + ")";
    return false;
  }
  std::uint64_t source_of(std::size_t prose_offset) const {
    return map_.source_offset(static_cast<std::uint32_t>(prose_base_ + prose_offset),
                              static_cast<std::uint32_t>(size_));
  }
  Span to_source(Span span) const {
    const auto by = static_cast<std::uint32_t>(prose_base_);
    const Span mapped =
        map_.to_source(Span{span.begin + by, span.end + by}, static_cast<std::uint32_t>(size_));
    const auto base = static_cast<std::uint32_t>(source_base_);
    return Span{mapped.begin - base, mapped.end - base};
  }

  std::istream& in_;
  const MarkupPlan& plan_;
  std::uint64_t size_;
  Syntax syntax_;
  std::size_t next_piece_ = 0;
  bool all_in_ = false;
  std::optional<std::string> error_;
  std::string source_;
  std::uint64_t source_base_ = 0;
  std::string prose_;
  std::uint64_t prose_base_ = 0;
  ProseMap map_;                    // absolute prose offsets to absolute source offsets
  std::vector<BlockStart> starts_;  // absolute prose offsets
};

// Lints a large Markdown or HTML file that check_markup passed a piece of prose at a time, as
// lint_text_sorted lints the prose of a whole text, and hands the findings to `consume` in
// parts with the lines around them, as lint_stream does.
void lint_marked_up(const Engine& engine, const Input& input, std::istream& in,
                    const MarkupCheck& check, Syntax syntax, std::size_t bom,
                    const ResultSink& consume) {
  PartsOut parts(input.display_path, consume);
  FileResult& part = parts.part();
  MarkedUpProse prose(in, check, syntax);
  Cursor cursor;
  Window window = window_start("", 0);
  for (;;) {
    const std::string& text = prose.prose();
    // Reads pieces until the window of the piece at window.core_begin is known.
    bool ready = false;
    while (!(prose.all_in() && window.core_begin >= text.size())) {
      window.core_end = piece_end(text, window.core_begin, prose.all_in());
      window.end = window.core_end == std::string_view::npos
                       ? std::string_view::npos
                       : window_end(text, window.core_end, prose.all_in());
      ready = window.end != std::string_view::npos && prose.source_reaches(window.end);
      if (ready || !prose.read_piece()) break;
    }
    if (!ready) break;
    engine.check_piece_compact(
        part.path, text, window, prose.starts_in(window),
        [&](Diagnostic& diagnostic) { prose.place(diagnostic); },
        [&](std::vector<Diagnostic>&& found) {
          const NearbyLines lines(prose.source());
          keep_lines_of(prose.source(), lines, prose.source_base(), prose.all_in(), found, cursor,
                        bom, part.excerpts);
          for (auto& diagnostic : found) {
            shift(diagnostic, static_cast<std::uint32_t>(prose.source_base()));
          }
          part.diagnostics = std::move(found);
          parts.hand_out();
        });
    Window next = window_start(text, window.core_end);
    prose.drop_before(next.begin, cursor, bom);
    next.core_begin -= next.begin;
    next.begin = 0;
    window = next;
  }
  part.error = prose.error();
  parts.finish();
}

// Reads all of standard input into `text`; why it could not, if it could not. With a
// `whole_limit`, stops once more than that has come (`large`), leaving the rest to read.
std::optional<std::string> read_standard_input(
    std::string& text, std::size_t whole_limit = std::numeric_limits<std::size_t>::max(),
    bool* large = nullptr) {
  if (standard_input_closed) return "standard input is closed";
  const FileRead read = read_descriptor(STDIN_FILENO, text, whole_limit);
  if (read == FileRead::Directory) return "standard input is a directory";
  if (read == FileRead::ReadError) return std::string("read error: ") + std::strerror(errno);
  if (large != nullptr) *large = read == FileRead::Large;
  return std::nullopt;
}

// Reads a descriptor from an offset with pread, so that each pass over a spooled standard
// input has its own position.
class DescriptorBuffer : public std::streambuf {
 public:
  DescriptorBuffer(int fd, std::uint64_t offset) : fd_(fd), offset_(offset) {}

 private:
  int_type underflow() override {
    ssize_t got = 0;
    do {
      got = ::pread(fd_, buffer_.data(), buffer_.size(), static_cast<off_t>(offset_));
    } while (got < 0 && errno == EINTR);
    // An exception from the buffer sets the stream's badbit: a read error.
    if (got < 0) throw std::system_error(errno, std::generic_category());
    if (got == 0) return traits_type::eof();
    offset_ += static_cast<std::uint64_t>(got);
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return traits_type::to_int_type(buffer_[0]);
  }

  int fd_;
  std::uint64_t offset_;
  std::array<char, std::size_t{1} << 16> buffer_{};
};

class DescriptorStream : public std::istream {
 public:
  DescriptorStream(int fd, std::uint64_t offset) : std::istream(nullptr), buffer_(fd, offset) {
    rdbuf(&buffer_);
  }

 private:
  DescriptorBuffer buffer_;
};

// A large standard input kept in an unnamed temporary file, so that it can be checked and then
// streamed as a large file is (see check_stream): held in memory, its text and, worse, all its
// findings would stay. The file has no name from the start, so nothing is left behind however
// the program ends.
class Spool {
 public:
  // A spool in the temporary directory ($TMPDIR or /tmp); fd() is -1 when none can be made.
  Spool() {
    std::error_code error;
    const std::string folder = std::filesystem::temp_directory_path(error).string();
    if (error) return;
    fd_ = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd_ >= 0) return;
    // File systems without O_TMPFILE: a named file, unlinked at once.
    std::string name = folder + "/copydesk-stdin-XXXXXX";
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ >= 0) ::unlink(name.c_str());
  }
  ~Spool() {
    if (fd_ >= 0) ::close(fd_);
  }
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  int fd() const { return fd_; }

  // Copies `head`, then the rest of standard input. Stops after a NUL byte (the input is
  // binary, and /dev/zero never ends) or past 4 GiB (too large to lint): the check that
  // follows reads no further. Why it could not, if it could not.
  std::optional<std::string> fill(std::string_view head) {
    if (!write_all(head)) return write_failed();
    std::vector<char> block(kReadBlock);
    for (std::uint64_t size = head.size(); size <= std::numeric_limits<std::uint32_t>::max();) {
      const ssize_t got = ::read(STDIN_FILENO, block.data(), block.size());
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return std::string("read error: ") + std::strerror(errno);
      if (got == 0) break;
      const std::string_view read(block.data(), static_cast<std::size_t>(got));
      if (!write_all(read)) return write_failed();
      if (read.find('\0') != std::string_view::npos) break;
      size += read.size();
    }
    return std::nullopt;
  }

 private:
  static std::string write_failed() {
    return std::string("cannot keep standard input in a temporary file: ") + std::strerror(errno);
  }
  bool write_all(std::string_view bytes) const {
    while (!bytes.empty()) {
      const ssize_t wrote = ::write(fd_, bytes.data(), bytes.size());
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote < 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(wrote));
    }
    return true;
  }
  int fd_ = -1;
};

// Reads a large input again from an offset (a file by its name, standard input from its spool).
// A stream that cannot be opened is bad: reading it is a read error.
using Reopen = std::function<std::unique_ptr<std::istream>(std::uint64_t offset)>;

std::unique_ptr<std::istream> reopen_file(const std::filesystem::path& path, std::uint64_t offset) {
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in || !in->seekg(static_cast<std::streamoff>(offset))) in->setstate(std::ios::badbit);
  return in;
}

// What lint_large did with a large plain-text input.
enum class LargeInput {
  HandedOut,  // streamed, or its error reported, through `consume`
  ReadWhole,  // it must be linted whole (directives...): read whole into the text, for lint_text
};

// Reads a large input whole into `text` after all, for lint_text.
LargeInput read_whole_again(const Input& input, std::string& text, const Reopen& reopen,
                            const ResultSink& consume) {
  text.clear();
  bool at_end = false;
  if (!read_more(*reopen(0), text, std::numeric_limits<std::size_t>::max(), at_end)) {
    FileResult failed;
    failed.path = input.display_path;
    failed.error = "read error";
    consume(std::move(failed));
    return LargeInput::HandedOut;
  }
  return LargeInput::ReadWhole;
}

// Lints a plain-text input of more than kWholeBytes, `text` its first bytes, that `reopen`
// reads again from any offset: checked first (see check_stream), then streamed.
LargeInput lint_large(const Engine& engine, const Input& input, std::string& text,
                      const Reopen& reopen, const ResultSink& consume) {
  FileResult failed;
  failed.path = input.display_path;
  failed.error = utf16_error(text);
  StreamCheck check;
  if (!failed.error) check = check_stream(input, *reopen(text.size()), text);
  if (check.failed) failed = std::move(*check.failed);
  if (failed.error) {
    consume(std::move(failed));
    return LargeInput::HandedOut;
  }
  if (!check.lint_whole) {
    const auto in = reopen(text.size());
    lint_stream(engine, input, *in, std::move(text), check.size, consume);
    return LargeInput::HandedOut;
  }
  return read_whole_again(input, text, reopen, consume);
}

// Lints a Markdown or HTML input of more than kWholeBytes, `text` its first bytes, that
// `reopen` reads again from any offset: checked and planned first (see check_markup), then
// parsed and linted a piece at a time. When the plan says to parse it whole (a directive, a
// label defined twice...), it is read whole into `text` for lint_or_stream, as before.
LargeInput lint_large_marked_up(const Engine& engine, const Input& input, std::string& text,
                                const Reopen& reopen, Syntax syntax, const ResultSink& consume) {
  FileResult failed;
  failed.path = input.display_path;
  failed.error = utf16_error(text);
  MarkupCheck check;
  if (!failed.error) check = check_markup(input, *reopen(0), syntax);
  if (check.failed) failed = std::move(*check.failed);
  if (failed.error) {
    consume(std::move(failed));
    return LargeInput::HandedOut;
  }
  if (!check.plan.whole) {
    lint_marked_up(engine, input, *reopen(0), check, syntax, byte_order_mark_size(text), consume);
    return LargeInput::HandedOut;
  }
  return read_whole_again(input, text, reopen, consume);
}

// Why a file could not be opened, in the words of the file system.
std::string open_failure(const std::filesystem::path& path, int open_error) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) return "no such file or directory";
  // e.g. a symbolic link loop, or a directory on the way without permission
  if (error) return error.message();
  return std::string("cannot open the file: ") + std::strerror(open_error);
}

}  // namespace

void guard_standard_input() {
  if (::fcntl(STDIN_FILENO, F_GETFD) != -1 || errno != EBADF) return;
  standard_input_closed = ::open("/dev/null", O_RDONLY) == STDIN_FILENO;
}

std::optional<FileResult> read_input_whole(const Input& input, std::string& text) {
  FileResult failed;
  failed.path = input.display_path;
  if (input.error) {
    failed.error = *input.error;
  } else if (input.from_stdin) {
    failed.error = read_standard_input(text);
  } else {
    const FileRead read = read_file(input.path, text);
    if (read == FileRead::OpenFailed) failed.error = open_failure(input.path, errno);
    if (read == FileRead::Directory) failed.error = "is a directory";
    if (read == FileRead::ReadError) failed.error = "read error";
  }
  if (!failed.error) failed.error = utf16_error(text);
  if (const std::size_t nul = text.find('\0'); !failed.error && nul != std::string::npos) {
    failed.error = binary_file_error(input, nul, failed);
  }
  if (failed.error) return failed;
  return std::nullopt;
}

namespace {

// Reads `input` into `text`, whole or, for an input of more than kWholeBytes, its first bytes (sets
// `reopen` to read it again from any offset). Why it could not, if it could not. Standard input,
// which cannot be read twice, is then copied into `spool`.
std::optional<std::string> read_input(const Input& input, std::string& text, Reopen& reopen,
                                      std::optional<Spool>& spool) {
  const std::size_t whole_limit = kWholeBytes;
  if (input.from_stdin) {
    bool large = false;
    if (auto error = read_standard_input(text, whole_limit, &large)) return error;
    if (!large) return std::nullopt;
    spool.emplace();
    if (spool->fd() < 0) {  // no temporary file: the rest is read into memory
      std::string rest;
      if (auto error = read_standard_input(rest)) return error;
      text += rest;
      return std::nullopt;
    }
    if (auto error = spool->fill(text)) return error;
    const int fd = spool->fd();
    reopen = [fd](std::uint64_t offset) { return std::make_unique<DescriptorStream>(fd, offset); };
    return std::nullopt;
  }
  const FileRead read = read_file(input.path, text, whole_limit);
  if (read == FileRead::Directory) return "is a directory";
  if (read == FileRead::ReadError) return "read error";
  if (read == FileRead::OpenFailed) return open_failure(input.path, errno);
  if (read != FileRead::Large) return std::nullopt;
  bool at_end = false;
  if (!read_more(*reopen_file(input.path, 0), text, kWholeBytes + 1, at_end)) return "read error";
  // A file that shrank meanwhile is read whole.
  if (!at_end) {
    const std::filesystem::path path = input.path;
    reopen = [path](std::uint64_t offset) { return reopen_file(path, offset); };
  }
  return std::nullopt;
}

// Lints `input` (see lint_input): returns its result, or for a large input, hands it to
// `consume` in parts as it is linted and returns nothing.
std::optional<FileResult> lint_or_stream(const Engine& engine, const Input& input,
                                         const ResultSink& consume) {
  FileResult failed;
  failed.path = input.display_path;
  if (input.error) {
    failed.error = *input.error;
    return failed;
  }
  std::string text;
  Reopen reopen;
  std::optional<Spool> spool;
  failed.error = read_input(input, text, reopen, spool);
  if (failed.error) return failed;
  const Syntax syntax = syntax_of(input.path);
  if (reopen && (syntax == Syntax::Text ? lint_large(engine, input, text, reopen, consume)
                                        : lint_large_marked_up(engine, input, text, reopen, syntax,
                                                               consume)) == LargeInput::HandedOut) {
    return std::nullopt;
  }
  failed.error = utf16_error(text);
  if (const std::size_t nul = text.find('\0'); !failed.error && nul != std::string::npos) {
    failed.error = binary_file_error(input, nul, failed);
  }
  if (failed.error) return failed;
  // Without an error that lint_text would report, a large text's findings are handed out in
  // parts too (a Markdown or HTML file, a plain-text one with directives aside).
  if (text.size() > kWholeBytes && text.size() <= std::numeric_limits<std::uint32_t>::max() &&
      !find_invalid_utf8(text) && lint_whole_in_parts(engine, input, text, syntax, consume)) {
    return std::nullopt;
  }
  return engine.lint_text(input.display_path, std::move(text), syntax);
}

// Adds a part of a file to the parts before it (see FilePart): excerpts that overlap (a line
// across two pieces) become one, so that each offset lies in one of them.
void join_part(FileResult& whole, FileResult&& part) {
  if (starts_file(part)) {
    whole = std::move(part);
    whole.part = FilePart::Whole;
    return;
  }
  for (auto& excerpt : part.excerpts) {
    if (!whole.excerpts.empty()) {
      SourceExcerpt& last = whole.excerpts.back();
      const std::uint64_t last_end = last.offset + last.text.size();
      if (excerpt.offset <= last_end) {
        const std::uint64_t end = excerpt.offset + excerpt.text.size();
        if (end > last_end) {
          last.text.append(excerpt.text, last_end - excerpt.offset);
          last.cut_after = excerpt.cut_after;
        }
        continue;
      }
    }
    whole.excerpts.push_back(std::move(excerpt));
  }
  std::move(part.diagnostics.begin(), part.diagnostics.end(),
            std::back_inserter(whole.diagnostics));
  if (part.error) whole.error = std::move(part.error);
  whole.skipped = whole.skipped || part.skipped;
}

}  // namespace

bool streams_in_parts(const Input& input) {
  if (input.error) return false;
  if (input.from_stdin) return true;  // its size is not known before it is read
  // One stat call: this runs for every file of a run.
  struct stat status {};
  if (::stat(input.path.c_str(), &status) != 0 || !S_ISREG(status.st_mode) ||
      static_cast<std::uint64_t>(status.st_size) <= kWholeBytes) {
    return false;
  }
  return true;
}

void lint_input(const Engine& engine, const Input& input, const ResultSink& consume) {
  if (auto whole = lint_or_stream(engine, input, consume)) consume(std::move(*whole));
}

FileResult lint_input(const Engine& engine, const Input& input) {
  FileResult whole;
  lint_input(engine, input, [&whole](FileResult&& part) { join_part(whole, std::move(part)); });
  return whole;
}

}  // namespace copydesk
