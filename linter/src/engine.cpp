#include "copydesk/engine.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>

#include "copydesk/document.hpp"
#include "copydesk/markdown.hpp"
#include "copydesk/file_reading.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/suppression.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

class CollectingSink : public Sink {
 public:
  CollectingSink(const RuleMeta& meta, Severity severity, std::vector<Diagnostic>& out)
      : meta_(meta), severity_(severity), out_(out) {}
  void report(Diagnostic diagnostic) override {
    diagnostic.rule = std::string(meta_.id);
    diagnostic.severity = severity_;
    out_.push_back(std::move(diagnostic));
  }

 private:
  const RuleMeta& meta_;
  Severity severity_;
  std::vector<Diagnostic>& out_;
};

}  // namespace

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

// Files longer than kWholeBytes are linted in pieces of about kPieceBytes (see piece_end), so
// that memory stays bounded (a Document takes about 16 bytes a byte of text besides the text).
// Files read from disk or standard input are also streamed a piece at a time, keeping only the
// lines around findings, so that a 100 MB file does not stay in memory.
constexpr std::size_t kWholeBytes = std::size_t{4} << 20;
constexpr std::size_t kPieceBytes = std::size_t{1} << 20;
constexpr std::size_t kReadBlock = std::size_t{1} << 20;

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

// The first sentence of a piece cut anywhere but at a blank line may be the middle of one: it
// starts like a sentence after a line break, which rules do not take for a paragraph start.
constexpr BlockStart kContinuedPiece{0, SentenceStart::LineBreak};

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
    for (++i; i < ranges.size() && ranges[i].first <= high; ++i) high = std::max(high, ranges[i].second);
    const TextCount step = count_text(piece.substr(counted, low - counted), base == 0 && counted == 0);
    before.line_breaks += step.line_breaks;
    before.chars += step.chars;
    counted = low;
    excerpts.push_back(SourceExcerpt{base + static_cast<std::uint32_t>(low), before.line_breaks + 1,
                                     before.chars, std::string(piece.substr(low, high - low))});
  }
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

void check_rule_ids(const std::vector<std::string>& ids, std::string_view option) {
  const Registry& registry = Registry::builtin();
  for (const auto& id : ids) {
    if (registry.find(id) != nullptr) continue;
    throw ConfigError("unknown rule id '" + id + "' in " + std::string(option) +
                      did_you_mean(registry.closest(id)) + " (see --list-rules)");
  }
}

// Sorts the findings and applies the inline suppressions to them: after all the pieces of a
// long file, so that a directive in one piece covers findings in another.
// The reports about directives come from here rather than a rule's sink, so their configured
// severity is applied here too.
void finish(FileResult& result, std::string text, const Suppressions& suppressions,
            const std::vector<std::unique_ptr<Rule>>& rules,
            const std::map<std::string, Severity, std::less<>>& severities) {
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  suppressions.restore(text);
  const std::size_t before = result.diagnostics.size();
  suppressions.apply(text, result.diagnostics, [&](std::string_view id) {
    return std::any_of(rules.begin(), rules.end(),
                       [&](const auto& rule) { return rule->meta().id == id; });
  });
  if (result.diagnostics.size() != before || !suppressions.directives().empty()) {
    for (auto& diagnostic : result.diagnostics) {
      if (const auto it = severities.find(diagnostic.rule); it != severities.end()) {
        diagnostic.severity = it->second;
      }
    }
  }
  result.text = std::move(text);
}

}  // namespace

bool rule_enabled(const RuleMeta& meta, const EngineOptions& options) {
  const auto listed = [&meta](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), meta.id) != ids.end();
  };
  return (meta.enabled_by_default || listed(options.enable)) && !listed(options.disable);
}

Engine::Engine(EngineOptions options, std::shared_ptr<SpellChecker> spell)
    : options_(std::move(options)), spell_(std::move(spell)) {
  check_rule_ids(options_.enable, "--enable");
  check_rule_ids(options_.disable, "--disable");
  if (!spell_) {
    try {
      spell_ = std::make_shared<SpellChecker>(options_.language, options_.suggestions);
    } catch (const std::runtime_error& error) {
      throw ConfigError(error.what());
    }
  }
  accepted_words_.add_lines(embedded_data("house-words.txt"));
  for (const auto& file : options_.word_files) accepted_words_.add_lines(read_word_list(file));
  for (const auto& list : options_.accepted_lists) accepted_words_.add_lines(list);
  for (const auto& list : options_.rejected_lists) rejected_words_.add_lines(list);

  std::vector<const RuleEntry*> enabled;
  for (const RuleEntry* entry : Registry::builtin().entries()) {
    if (rule_enabled(entry->meta, options_)) enabled.push_back(entry);
  }
  // Filled before any rule is built: rules keep a pointer to their options.
  rule_options_.reserve(enabled.size());
  for (const RuleEntry* entry : enabled) {
    const auto configured = options_.rule_options.find(entry->meta.id);
    rule_options_.push_back(configured != options_.rule_options.end()
                                ? configured->second
                                : RuleOptions::defaults(entry->meta.options));
  }
  for (std::size_t i = 0; i < enabled.size(); ++i) {
    const RuleContext context{spell_.get(), &accepted_words_, &rejected_words_, &rule_options_[i]};
    rules_.push_back(enabled[i]->make(context));
  }
}

Engine::~Engine() = default;

// Runs the rules over `text` (with its block starts, see Document) and adds their findings to
// `out`. `text` is moved into the document and back, not copied. A long text is linted a piece
// at a time (see piece_end), so that only one piece's tokens and sentences exist at once.
void Engine::run_rules(const std::string& path, std::string& text,
                       const std::vector<BlockStart>& block_starts,
                       std::vector<Diagnostic>& out) const {
  const auto check = [&](const Document& document, std::uint32_t shift_by) {
    const std::size_t first = out.size();
    for (const auto& rule : rules_) {
      CollectingSink sink(rule->meta(), severity_of(*rule), out);
      rule->check(document, sink);
    }
    for (std::size_t i = first; i < out.size(); ++i) shift(out[i], shift_by);
  };
  if (piece_end(text, 0, true) == text.size()) {
    Document document(path, std::move(text), block_starts);
    check(document, 0);
    text = std::move(document).take_text();
    return;
  }
  std::vector<BlockStart> piece_starts;
  auto next_start = block_starts.begin();
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = piece_end(text, begin, true);
    piece_starts.clear();
    if (begin > 0 && !ends_in_blank_line(std::string_view(text).substr(0, begin))) {
      piece_starts.push_back(kContinuedPiece);
    }
    for (; next_start != block_starts.end() && next_start->offset < end; ++next_start) {
      piece_starts.push_back(
          BlockStart{next_start->offset - static_cast<std::uint32_t>(begin), next_start->kind});
    }
    check(Document(path, text.substr(begin, end - begin), piece_starts),
          static_cast<std::uint32_t>(begin));
    begin = end;
  }
}

Severity Engine::severity_of(const Rule& rule) const {
  const auto configured = options_.severities.find(rule.meta().id);
  return configured != options_.severities.end() ? configured->second
                                                 : rule.meta().default_severity;
}

FileResult Engine::lint_text(std::string path, std::string text) const {
  const Syntax syntax = syntax_of(path);
  return lint_text(std::move(path), std::move(text), syntax);
}

FileResult Engine::lint_text(std::string path, std::string text, Syntax syntax) const {
  FileResult result;
  result.path = path;
  // Spans hold 32-bit offsets.
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    result.error = "the file is too large (4 GiB or more)";
    return result;
  }
  if (const auto bad = find_invalid_utf8(text)) {
    result.error = "invalid UTF-8 at byte " + std::to_string(*bad);
    return result;
  }
  if (syntax == Syntax::Markdown) {
    // The rules read the prose view, whose offsets are the source's; reports show the source.
    // Its HTML comments, and so the directives, are blank there.
    ProseView prose = markdown_prose(text);
    const Suppressions suppressions(text, DirectiveSyntax::Comments, prose.code);
    run_rules(path, prose.text, prose.block_starts, result.diagnostics);
    drop_fixes_over_markup(result.diagnostics, text, prose.text);
    finish(result, std::move(text), suppressions, rules_, options_.severities);
    return result;
  }
  const Suppressions suppressions(text, DirectiveSyntax::Lines);
  if (suppressions.directives().empty()) {
    run_rules(path, text, {}, result.diagnostics);
  } else {
    // Directive lines are blank for the rules; a fix must not delete them either.
    const std::string source = text;
    suppressions.hide(text);
    run_rules(path, text, {}, result.diagnostics);
    drop_fixes_over_markup(result.diagnostics, source, text);
  }
  finish(result, std::move(text), suppressions, rules_, options_.severities);
  return result;
}

namespace {

std::string binary_file_error(const Input& input, std::uint64_t nul_offset, FileResult& failed) {
  failed.skipped = !input.explicit_path;
  return failed.skipped ? "binary file (contains NUL bytes), skipped"
                        : "binary file (contains NUL bytes at byte " + std::to_string(nul_offset) + ")";
}

}  // namespace

FileResult Engine::lint(const Input& input) const {
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
    const FileRead read = read_file(input.path, text,
                                    syntax_of(input.path) == Syntax::Markdown
                                        ? std::numeric_limits<std::size_t>::max()
                                        : kWholeBytes);
    if (read == FileRead::Directory || read == FileRead::ReadError) {
      failed.error = read == FileRead::Directory ? "is a directory" : "read error";
      return failed;
    }
    if (read == FileRead::OpenFailed) {  // why, in the words of the file system
      const int open_error = errno;
      std::error_code error;
      const auto status = std::filesystem::status(input.path, error);
      if (status.type() == std::filesystem::file_type::not_found) {
        failed.error = "no such file or directory";
      } else if (error) {  // e.g. a symbolic link loop, or a directory on the way without permission
        failed.error = error.message();
      } else {
        failed.error = std::string("cannot open the file: ") + std::strerror(open_error);
      }
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
        if (auto streamed = lint_stream(input, file, std::move(text))) return std::move(*streamed);
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
  return lint_text(input.display_path, std::move(text), syntax_of(input.path));
}

// A plain-text file too long to keep: read, checked and linted a piece at a time (see
// piece_end), keeping only the lines its findings touch. `text` is the beginning already read.
// Nothing when a piece holds a suppression directive or a [sic]: a directive may act on the
// whole file, so such a file is linted whole.
std::optional<FileResult> Engine::lint_stream(const Input& input, std::istream& in,
                                              std::string text) const {
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
    run_rules(result.path, piece, continued ? std::vector{kContinuedPiece} : std::vector<BlockStart>{},
              found);
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

}  // namespace copydesk
