// GitHub Actions workflow commands: one `::error file=...,line=...::message` line per finding,
// which the runner turns into annotations on the pull request's diff.

#include "formatters.hpp"

namespace copydesk {
namespace {

// The escaping the runner undoes: '%', CR and LF in the message; also ':' and ',' in property
// values, which would otherwise end the value.
std::string escape(std::string_view text, bool property) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%': escaped += "%25"; break;
      case '\r': escaped += "%0D"; break;
      case '\n': escaped += "%0A"; break;
      case ':': escaped += property ? "%3A" : ":"; break;
      case ',': escaped += property ? "%2C" : ","; break;
      default: escaped.push_back(c);
    }
  }
  return escaped;
}

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "warning";
}

class GithubFormatter : public Formatter {
 public:
  explicit GithubFormatter(std::ostream& out) : out_(out) {}

  void file(const FileResult& result) override {
    // Shown on terminals too (a local run, a CI log): no control reaches one raw.
    const std::string file = visible(escape(result.path, true));
    if (result.error) {
      out_ << "::" << (result.skipped ? "notice" : "error") << " file=" << file
           << ",title=copydesk::" << visible(escape(*result.error, false)) << '\n';
    }
    if (result.diagnostics.empty()) return;
    const SourceView source(result);
    for (const auto& diagnostic : result.diagnostics) {
      // Columns are 1-based code points, as in the text output.
      const Position start = source.position(diagnostic.span.begin);
      const Position end = source.position(diagnostic.span.end);
      out_ << "::" << command(diagnostic.severity) << " file=" << file << ",line=" << start.line
           << ",col=" << start.column << ",endLine=" << end.line << ",endColumn=" << end.column
           << ",title=" << escape(diagnostic.rule, true) << "::"
           << visible(escape(diagnostic.message, false)) << '\n';
    }
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Formatter> make_github_formatter(std::ostream& out) {
  return std::make_unique<GithubFormatter>(out);
}

}  // namespace copydesk
