#include <utf8proc.h>

#include <algorithm>

#include "copydesk/text.hpp"
#include "formatters.hpp"

namespace copydesk {
namespace {

std::string_view severity_colour(Severity severity) {
  switch (severity) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;33m";
    case Severity::Info: return "\x1b[1;36m";
  }
  return "";
}

// Terminal columns a code point takes: 2 for wide characters, 0 for combining marks.
std::size_t columns_of(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return 1;
  return static_cast<std::size_t>(
      std::max(0, utf8proc_charwidth(static_cast<utf8proc_int32_t>(c))));
}

// Spaces that line up with `prefix` on a terminal: tabs stay tabs, wide characters take two.
std::string padding_for(std::string_view prefix) {
  std::string padding;
  for (std::size_t i = 0; i < prefix.size();) {
    int length = 0;
    const char32_t c = decode_at(prefix, i, length);
    if (c == '\t') {
      padding.push_back('\t');
    } else {
      padding.append(columns_of(c), ' ');
    }
    i += static_cast<std::size_t>(length);
  }
  return padding;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    // Most text is printable ASCII, one column a byte: no decoding, no table lookup. (This runs
    // over a finding's whole line, and news paragraphs are lines of hundreds of bytes.)
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++width;
      ++i;
      continue;
    }
    int length = 0;
    const char32_t c = decode_at(text, i, length);
    width += c == '\t' ? 1 : columns_of(c);
    i += static_cast<std::size_t>(length);
  }
  return width;
}

// The part of a long line shown under a finding: about kShownColumns columns, starting a
// little before the flagged span, cut at code point boundaries.
struct Excerpt {
  std::size_t begin = 0, end = 0;  // byte offsets into the line
};

constexpr std::size_t kShownColumns = 100;
constexpr std::size_t kColumnsBeforeSpan = 30;

Excerpt excerpt_around(std::string_view line, std::size_t span_begin, std::size_t span_bytes) {
  Excerpt excerpt{span_begin, span_begin + span_bytes};
  for (std::size_t columns = 0; excerpt.begin > 0 && columns < kColumnsBeforeSpan; ++columns) {
    int length = 0;
    decode_before(line, excerpt.begin, length);
    excerpt.begin -= static_cast<std::size_t>(length);
  }
  std::size_t width = display_width(line.substr(excerpt.begin, excerpt.end - excerpt.begin));
  while (excerpt.end < line.size() && width < kShownColumns) {
    int length = 0;
    decode_at(line, excerpt.end, length);
    excerpt.end += static_cast<std::size_t>(length);
    ++width;
  }
  return excerpt;
}

// Whether `text` takes more than `columns` on a terminal; stops counting there, so that a
// finding on a line of megabytes does not measure all of it.
bool wider_than(std::string_view text, std::size_t columns) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size() && width <= columns;) {
    int length = 0;
    const char32_t c = decode_at(text, i, length);
    width += c == '\t' ? 1 : columns_of(c);
    i += static_cast<std::size_t>(length);
  }
  return width > columns;
}

Excerpt excerpt_around(const SourceView::Line& line, std::size_t span_begin, std::size_t span_bytes) {
  if (!line.cut_before && !line.cut_after && !wider_than(line.text, kShownColumns))
    return {0, line.text.size()};
  return excerpt_around(line.text, span_begin, span_bytes);
}

class TextFormatter : public Formatter {
 public:
  TextFormatter(std::ostream& out, const FormatOptions& options) : out_(out), color_(options.color) {}

  void file(const FileResult& result) override {
    if (result.diagnostics.empty()) return;
    const SourceView source(result);
    for (const auto& diagnostic : result.diagnostics) write(result, source, diagnostic);
  }

  void end(const Summary& summary) override {
    const std::size_t hidden = summary.baseline_hidden.value_or(0);
    if (summary.diagnostics() == 0 && hidden == 0) return;
    out_ << summary.diagnostics() << (summary.diagnostics() == 1 ? " problem" : " problems")
         << " (" << summary.errors << (summary.errors == 1 ? " error, " : " errors, ")
         << summary.warnings << (summary.warnings == 1 ? " warning, " : " warnings, ")
         << summary.infos << (summary.infos == 1 ? " info" : " infos") << ") in "
         << summary.files << (summary.files == 1 ? " file" : " files");
    // A baseline that hides findings must say so, or a gate looks cleaner than the text is.
    if (hidden > 0) out_ << "; " << hidden << " hidden by the baseline";
    out_ << '\n';
  }

 private:
  std::string_view paint(std::string_view code) const { return color_ ? code : ""; }

  void write(const FileResult& result, const SourceView& source, const Diagnostic& diagnostic) {
    const Position start = source.position(diagnostic.span.begin);
    const std::string_view reset = paint("\x1b[0m");
    // Text from the document and the file name is shown through visible(): an ESC sequence in
    // an article must not clear the reader's screen. Widths are measured on what is shown.
    out_ << paint("\x1b[1m") << visible(result.path) << ':' << start.line << ':' << start.column << ": "
         << reset << paint(severity_colour(diagnostic.severity)) << to_string(diagnostic.severity)
         << reset << ": " << visible(diagnostic.message) << " [" << diagnostic.rule << "]\n";

    const SourceView::Line kept = source.line_at(diagnostic.span.begin);
    const std::string_view line = kept.text;
    const std::size_t column_bytes = diagnostic.span.begin - kept.begin;
    const std::size_t span_end = std::min<std::size_t>(diagnostic.span.end, kept.begin + line.size());
    const std::size_t span_bytes =
        span_end > diagnostic.span.begin ? span_end - diagnostic.span.begin : 0;
    const Excerpt excerpt = excerpt_around(kept, column_bytes, span_bytes);
    const std::string_view shown = line.substr(excerpt.begin, excerpt.end - excerpt.begin);
    const std::string_view ellipsis = "\xE2\x80\xA6";
    const bool cut_before = excerpt.begin > 0 || kept.cut_before;
    out_ << "  " << (cut_before ? ellipsis : "") << visible(shown)
         << (excerpt.end < line.size() || kept.cut_after ? ellipsis : "") << '\n';
    out_ << "  " << (cut_before ? " " : "")
         << padding_for(visible(line.substr(excerpt.begin, column_bytes - excerpt.begin)))
         << paint("\x1b[1;32m") << '^'
         << std::string(std::max<std::size_t>(display_width(visible(line.substr(column_bytes, span_bytes))), 1) - 1, '~')
         << reset << '\n';
    if (!diagnostic.suggestions.empty()) {
      out_ << "  suggestion: ";
      for (std::size_t i = 0; i < diagnostic.suggestions.size(); ++i) {
        out_ << (i ? ", " : "") << visible(diagnostic.suggestions[i]);
      }
      out_ << '\n';
    }
  }

  std::ostream& out_;
  bool color_;
};

}  // namespace

std::unique_ptr<Formatter> make_text_formatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<TextFormatter>(out, options);
}

}  // namespace copydesk
