// JUnit XML, as Jenkins and GitLab read it: one <testsuite> per file, one failing <testcase> per
// finding, one passing <testcase> for a clean file, an <error> for a file that could not be
// linted. The totals go on <testsuites> at the top, so the suites are kept (as short XML
// strings, not file texts) until the end.

#include <sstream>

#include "formatters.hpp"

namespace copydesk {
namespace {

class JunitFormatter : public Formatter {
 public:
  explicit JunitFormatter(std::ostream& out) : out_(out) {}

  void file(const FileResult& result) override {
    const std::string path = xml_escape(result.path);
    std::ostringstream cases;
    std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
    const auto open_case = [&](std::string_view name, std::uint32_t line) {
      cases << "    <testcase classname=\"" << path << "\" name=\"" << name << "\" file=\"" << path
            << '"';
      if (line > 0) cases << " line=\"" << line << '"';
      ++tests;
    };
    if (result.error) {
      open_case("copydesk", 0);
      if (result.skipped) {
        cases << ">\n      <skipped message=\"" << xml_escape(*result.error) << "\"/>\n";
        ++skipped;
      } else {
        cases << ">\n      <error message=\"" << xml_escape(*result.error)
              << "\" type=\"input-error\">" << path << ": " << xml_escape(*result.error)
              << "</error>\n";
        ++errors;
      }
      cases << "    </testcase>\n";
    } else if (result.diagnostics.empty()) {
      open_case("copydesk", 0);
      cases << "/>\n";
    }
    if (!result.diagnostics.empty()) {
      const SourceView source(result);
      for (const auto& diagnostic : result.diagnostics) {
        const Position start = source.position(diagnostic.span.begin);
        const std::string rule = xml_escape(diagnostic.rule);
        const std::string message = xml_escape(diagnostic.message);
        open_case(rule + " at " + std::to_string(start.line) + ':' + std::to_string(start.column),
                  start.line);
        cases << ">\n      <failure message=\"" << message << "\" type=\"" << rule << "\">" << path
              << ':' << start.line << ':' << start.column << ": " << to_string(diagnostic.severity)
              << ": " << message << " [" << rule << ']';
        if (!diagnostic.suggestions.empty()) {
          cases << "&#10;suggestion: ";
          for (std::size_t i = 0; i < diagnostic.suggestions.size(); ++i) {
            cases << (i ? ", " : "") << xml_escape(diagnostic.suggestions[i]);
          }
        }
        cases << "</failure>\n    </testcase>\n";
        ++failures;
      }
    }
    std::ostringstream suite;
    suite << "  <testsuite name=\"" << path << "\" tests=\"" << tests << "\" failures=\""
          << failures << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\">\n"
          << cases.str() << "  </testsuite>\n";
    suites_.push_back(suite.str());
    tests_ += tests, failures_ += failures, errors_ += errors, skipped_ += skipped;
  }

  void end(const Summary& summary) override {
    (void)summary;
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << "<testsuites name=\"copydesk\" tests=\"" << tests_ << "\" failures=\"" << failures_
         << "\" errors=\"" << errors_ << "\" skipped=\"" << skipped_ << "\">\n";
    for (const auto& suite : suites_) out_ << suite;
    out_ << "</testsuites>\n";
  }

 private:
  std::ostream& out_;
  std::vector<std::string> suites_;
  std::size_t tests_ = 0, failures_ = 0, errors_ = 0, skipped_ = 0;
};

}  // namespace

std::unique_ptr<Formatter> make_junit_formatter(std::ostream& out) {
  return std::make_unique<JunitFormatter>(out);
}

}  // namespace copydesk
