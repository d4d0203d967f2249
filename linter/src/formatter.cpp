#include "copydesk/formatter.hpp"

#include <iterator>

#include "formatters.hpp"

namespace copydesk {

static_assert(std::size(kFormatNames) == static_cast<std::size_t>(Format::Line) + 1,
              "one name per format, in the order of Format");

std::optional<Format> parse_format(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kFormatNames); ++i) {
    if (kFormatNames[i] == name) return static_cast<Format>(i);
  }
  return std::nullopt;
}

void count_into(Summary& summary, const FileResult& result) {
  if (starts_file(result)) ++summary.files;
  if (result.error && !result.skipped) ++summary.files_with_errors;
  for (const auto& diagnostic : result.diagnostics) {
    switch (diagnostic.severity) {
      case Severity::Error:
        ++summary.errors;
        break;
      case Severity::Warning:
        ++summary.warnings;
        break;
      case Severity::Info:
        ++summary.infos;
        break;
    }
  }
}

std::unique_ptr<Formatter> make_formatter(Format format, std::ostream& out,
                                          const FormatOptions& options) {
  switch (format) {
    case Format::Text:
      return make_text_formatter(out, options);
    case Format::Json:
      return make_json_formatter(out);
    case Format::Jsonl:
      return make_jsonl_formatter(out);
    case Format::Sarif:
      return make_sarif_formatter(out, options);
    case Format::Github:
      return make_github_formatter(out);
    case Format::Junit:
      return make_junit_formatter(out);
    case Format::Checkstyle:
      return make_checkstyle_formatter(out);
    case Format::Line:
      return make_line_formatter(out);
  }
  return make_text_formatter(out, options);
}

}  // namespace copydesk
