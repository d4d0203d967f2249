// `path:line:column:Rule:message`, one finding a line, as Vale's `--output=line` prints it, so
// that scripts written for Vale keep working. Columns are 1-based code points.

#include "formatters.hpp"

namespace copydesk {
namespace {

// A message quotes the text it flags, which may hold line breaks or runs of spaces: each run of
// whitespace prints as one space, so that a finding stays on its line, as Vale prints it.
std::string one_line(std::string_view message) {
  std::string line;
  line.reserve(message.size());
  bool blank = false;
  for (const char c : message) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && blank) continue;
    line += space ? ' ' : c;
    blank = space;
  }
  return line;
}

class LineFormatter : public Formatter {
 public:
  explicit LineFormatter(std::ostream& out) : out_(out) {}

  void file(const FileResult& result) override {
    if (result.diagnostics.empty()) return;
    const SourceView source(result);
    // Vale names files found under "." without the "./" ("test.md"), and scripts expect that.
    std::string_view shown = result.path;
    while (shown.starts_with("./") && shown.size() > 2) shown.remove_prefix(2);
    const std::string path = visible(shown);
    for (const auto& diagnostic : result.diagnostics) {
      const Position start = source.position(diagnostic.span.begin);
      out_ << path << ':' << start.line << ':' << start.column << ':' << diagnostic.rule << ':'
           << visible(one_line(diagnostic.message)) << '\n';
    }
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Formatter> make_line_formatter(std::ostream& out) {
  return std::make_unique<LineFormatter>(out);
}

}  // namespace copydesk
