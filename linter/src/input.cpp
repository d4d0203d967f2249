// The input layer: reads files and standard input for the engine, whole or, for a large
// plain-text file, a piece at a time.

#include "copydesk/input.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>

#include "copydesk/engine.hpp"
#include "copydesk/file_reading.hpp"
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

// Line breaks as SourceMap counts them ("\n", "\r\n", a lone "\r") and code points, a leading
// byte-order mark not counted: where the next stretch of a streamed file starts.
struct TextCount {
  std::uint32_t line_breaks = 0;
  std::uint64_t chars = 0;
};

TextCount count_text(std::string_view text, bool file_start) {
  TextCount count;
  std::size_t i = file_start ? byte_order_mark_size(text) : 0;
  for (; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80) ++count.chars;
    if (byte == '\n' || byte == '\r') count.line_breaks += ends_line_at(text, i) ? 1 : 0;
  }
  return count;
}

// The whole lines of `piece` that `diagnostics` (spans relative to the piece) touch, merged
// where they overlap, as excerpts placed in the file: the piece starts at byte `base`, after
// `before` line breaks and code points.
void keep_lines_of(std::string_view piece, const std::vector<Diagnostic>& diagnostics,
                   std::uint32_t base, TextCount before, std::vector<SourceExcerpt>& excerpts) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (const auto& diagnostic : diagnostics) {
    std::size_t low = diagnostic.span.begin;
    std::size_t high = diagnostic.span.end;
    if (diagnostic.fix) {
      for (const auto& edit : diagnostic.fix->edits) {
        low = std::min<std::size_t>(low, edit.span.begin);
        high = std::max<std::size_t>(high, edit.span.end);
      }
    }
    low = std::min(low, piece.size());
    high = std::clamp(high, low, piece.size());
    while (low > 0 && piece[low - 1] != '\n' && piece[low - 1] != '\r') --low;
    while (high < piece.size() && piece[high] != '\n' && piece[high] != '\r') ++high;
    ranges.emplace_back(low, high);
  }
  std::sort(ranges.begin(), ranges.end());
  std::size_t counted = 0;  // `before` covers the piece up to here
  for (std::size_t i = 0; i < ranges.size();) {
    auto [low, high] = ranges[i];
    for (++i; i < ranges.size() && ranges[i].first <= high; ++i)
      high = std::max(high, ranges[i].second);
    const TextCount step =
        count_text(piece.substr(counted, low - counted), base == 0 && counted == 0);
    before.line_breaks += step.line_breaks;
    before.chars += step.chars;
    counted = low;
    excerpts.push_back(SourceExcerpt{base + static_cast<std::uint32_t>(low), before.line_breaks + 1,
                                     before.chars, std::string(piece.substr(low, high - low))});
  }
}

std::string binary_file_error(const Input& input, std::uint64_t nul_offset, FileResult& failed) {
  failed.skipped = !input.explicit_path;
  return failed.skipped
             ? "binary file (contains NUL bytes), skipped"
             : "binary file (contains NUL bytes at byte " + std::to_string(nul_offset) + ")";
}

// A plain-text file too long to keep: read, checked and linted a piece at a time (see
// piece_end), keeping only the lines its findings touch. `text` is the beginning already read.
// Nothing when a piece holds a suppression directive or a [sic]: a directive may act on the
// whole file, so such a file is linted whole.
std::optional<FileResult> lint_stream(const Engine& engine, const Input& input, std::istream& in,
                                      std::string text) {
  FileResult result;
  result.path = input.display_path;
  // A file is either linted whole or reported as an error: findings so far are dropped.
  const auto fail = [&result](std::string message) {
    result.diagnostics.clear();
    result.excerpts.clear();
    result.error = std::move(message);
    return std::move(result);
  };
  std::uint64_t base = 0;  // the file offset of text[0]
  bool continued = false;  // the last piece did not end in a blank line
  TextCount before;        // line breaks and code points before `base`
  bool at_end = false;
  while (!text.empty() || !at_end) {
    std::size_t end = piece_end(text, 0, at_end);
    if (end == std::string_view::npos) {
      if (!read_more(in, text, kReadBlock, at_end)) return fail("read error");
      continue;
    }
    if (base + end > std::numeric_limits<std::uint32_t>::max()) {  // spans hold 32-bit offsets
      return fail("the file is too large (4 GiB or more)");
    }
    std::string piece = text.substr(0, end);
    text.erase(0, end);
    if (const std::size_t nul = piece.find('\0'); nul != std::string::npos) {
      return fail(binary_file_error(input, base + nul, result));
    }
    if (const auto bad = find_invalid_utf8(piece)) {
      return fail("invalid UTF-8 at byte " + std::to_string(base + *bad));
    }
    if (const Suppressions suppressions(piece, DirectiveSyntax::Lines);
        !suppressions.directives().empty() || !suppressions.sic_marks().empty()) {
      return std::nullopt;
    }
    std::vector<Diagnostic> found;
    engine.check(result.path, piece,
                 continued ? std::vector{kContinuedPiece} : std::vector<BlockStart>{}, found);
    continued = !ends_in_blank_line(piece);
    keep_lines_of(piece, found, static_cast<std::uint32_t>(base), before, result.excerpts);
    for (auto& diagnostic : found) {
      shift(diagnostic, static_cast<std::uint32_t>(base));
      result.diagnostics.push_back(std::move(diagnostic));
    }
    const TextCount counted = count_text(piece, base == 0);
    before.line_breaks += counted.line_breaks;
    before.chars += counted.chars;
    base += end;
  }
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  return result;
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

std::optional<FileResult> read_input_whole(const Input& input, std::string& text) {
  FileResult failed;
  failed.path = input.display_path;
  if (input.error) {
    failed.error = *input.error;
  } else if (input.from_stdin) {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (std::cin.bad()) failed.error = "read error";
  } else {
    const FileRead read = read_file(input.path, text);
    if (read == FileRead::OpenFailed) failed.error = open_failure(input.path, errno);
    if (read == FileRead::Directory) failed.error = "is a directory";
    if (read == FileRead::ReadError) failed.error = "read error";
  }
  if (const std::size_t nul = text.find('\0'); !failed.error && nul != std::string::npos) {
    failed.error = binary_file_error(input, nul, failed);
  }
  if (failed.error) return failed;
  return std::nullopt;
}

FileResult lint_input(const Engine& engine, const Input& input) {
  FileResult failed;
  failed.path = input.display_path;
  if (input.error) {
    failed.error = *input.error;
    return failed;
  }
  std::string text;
  if (input.from_stdin) {
    // Standard input cannot be read again (see lint_stream): it is read whole.
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (std::cin.bad()) {
      failed.error = "read error";
      return failed;
    }
  } else {
    // md4c needs the whole of a Markdown file; other large regular files are streamed.
    const FileRead read =
        read_file(input.path, text,
                  syntax_of(input.path) != Syntax::Text ? std::numeric_limits<std::size_t>::max()
                                                        : kWholeBytes);
    if (read == FileRead::Directory || read == FileRead::ReadError) {
      failed.error = read == FileRead::Directory ? "is a directory" : "read error";
      return failed;
    }
    if (read == FileRead::OpenFailed) {
      failed.error = open_failure(input.path, errno);
      return failed;
    }
    if (read == FileRead::Large) {
      std::ifstream file(input.path, std::ios::binary);
      bool at_end = false;
      if (!file || !read_more(file, text, kWholeBytes + 1, at_end)) {
        failed.error = "read error";
        return failed;
      }
      if (!at_end) {
        if (auto streamed = lint_stream(engine, input, file, std::move(text)))
          return std::move(*streamed);
        // The file has suppression directives: read it again, whole.
        if (read_file(input.path, text) != FileRead::Read) {
          failed.error = "read error";
          return failed;
        }
      }
    }
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    failed.error = binary_file_error(input, nul, failed);
    return failed;
  }
  return engine.lint_text(input.display_path, std::move(text), syntax_of(input.path));
}

}  // namespace copydesk
