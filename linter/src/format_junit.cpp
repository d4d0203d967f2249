// JUnit XML, as Jenkins and GitLab read it: one <testsuite> per file, one failing <testcase> per
// finding, one passing <testcase> for a clean file, an <error> for a file that could not be
// linted. The totals go on <testsuites> at the top, so the suites are kept until the end, in a
// compact form (see CompactCase).

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "formatters.hpp"
#include "string_table.hpp"

namespace copydesk {
namespace {

// A finding as its <testcase> needs it, its strings escaped and interned: 24 bytes.
struct CompactCase {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t rule = 0;
  std::uint32_t message = 0;
  std::uint32_t suggestions = 0;  // the list as written after "suggestion: ", or empty
  Severity severity = Severity::Warning;
};

// A <testsuite>: a file, its input error if any, its findings.
struct CompactSuite {
  std::string path;  // escaped
  std::optional<std::string> error;
  bool skipped = false;
  std::deque<CompactCase> cases;  // growing it never holds two copies, as a vector does
};

// The totals go on <testsuites> at the top, so every suite waits for the end of the run, in
// compact form: no source text, a few bytes a finding.
class JunitFormatter : public Formatter {
 public:
  explicit JunitFormatter(std::ostream& out) : out_(out) {}

  void file(const FileResult& result) override {
    if (starts_file(result)) {
      suites_.emplace_back();
      suites_.back().path = xml_escape(result.path);
    }
    CompactSuite& suite = suites_.back();
    if (result.error) suite.error = xml_escape(*result.error);
    suite.skipped = suite.skipped || result.skipped;
    if (result.diagnostics.empty()) return;
    const SourceView source(result);
    for (const auto& diagnostic : result.diagnostics) {
      const Position start = source.position(diagnostic.span.begin);
      std::string suggestions;
      for (std::size_t i = 0; i < diagnostic.suggestions.size(); ++i) {
        suggestions += (i ? ", " : "") + xml_escape(diagnostic.suggestions[i]);
      }
      suite.cases.push_back(CompactCase{.line = start.line,
                                        .column = start.column,
                                        .rule = strings_.intern(xml_escape(diagnostic.rule)),
                                        .message = strings_.intern(xml_escape(diagnostic.message)),
                                        .suggestions = strings_.intern(std::move(suggestions)),
                                        .severity = diagnostic.severity});
    }
  }

  void end(const Summary& summary) override {
    (void)summary;
    std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
    for (const auto& suite : suites_) {
      failures += suite.cases.size();
      tests += suite.cases.size() + (suite.cases.empty() || suite.error ? 1 : 0);
      if (suite.error) ++(suite.skipped ? skipped : errors);
    }
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << "<testsuites name=\"copydesk\" tests=\"" << tests << "\" failures=\"" << failures
         << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\">\n";
    for (const auto& suite : suites_) write_suite(suite);
    out_ << "</testsuites>\n";
  }

 private:
  void write_suite(const CompactSuite& suite) {
    const std::string& path = suite.path;
    const bool input_case = suite.error || suite.cases.empty();
    const std::size_t error = suite.error && !suite.skipped ? 1 : 0;
    out_ << "  <testsuite name=\"" << path << "\" tests=\"" << suite.cases.size() + input_case
         << "\" failures=\"" << suite.cases.size() << "\" errors=\"" << error << "\" skipped=\""
         << (suite.error && suite.skipped ? 1 : 0) << "\">\n";
    const auto open_case = [&](std::string_view name, std::uint32_t line) {
      out_ << "    <testcase classname=\"" << path << "\" name=\"" << name << "\" file=\"" << path
           << '"';
      if (line > 0) out_ << " line=\"" << line << '"';
    };
    if (suite.error) {
      open_case("copydesk", 0);
      if (suite.skipped) {
        out_ << ">\n      <skipped message=\"" << *suite.error << "\"/>\n";
      } else {
        out_ << ">\n      <error message=\"" << *suite.error << "\" type=\"input-error\">" << path
             << ": " << *suite.error << "</error>\n";
      }
      out_ << "    </testcase>\n";
    } else if (suite.cases.empty()) {
      open_case("copydesk", 0);
      out_ << "/>\n";
    }
    for (const CompactCase& found : suite.cases) {
      const std::string& rule = strings_[found.rule];
      const std::string& message = strings_[found.message];
      open_case(rule + " at " + std::to_string(found.line) + ':' + std::to_string(found.column),
                found.line);
      out_ << ">\n      <failure message=\"" << message << "\" type=\"" << rule << "\">" << path
           << ':' << found.line << ':' << found.column << ": " << to_string(found.severity) << ": "
           << message << " [" << rule << ']';
      if (const std::string& suggestions = strings_[found.suggestions]; !suggestions.empty()) {
        out_ << "&#10;suggestion: " << suggestions;
      }
      out_ << "</failure>\n    </testcase>\n";
    }
    out_ << "  </testsuite>\n";
  }

  std::ostream& out_;
  StringTable strings_;
  std::vector<CompactSuite> suites_;
};

}  // namespace

std::unique_ptr<Formatter> make_junit_formatter(std::ostream& out) {
  return std::make_unique<JunitFormatter>(out);
}

}  // namespace copydesk
