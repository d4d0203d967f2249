// JUnit XML, as Jenkins and GitLab read it: one <testsuite> per file, one failing <testcase> per
// finding, one passing <testcase> for a clean file, an <error> for a file that could not be
// linted. The totals go on <testsuites> at the top, so the suites are kept until the end, in a
// compact form (see CompactCase), their findings in a temporary file (see CaseLog).

#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <stdexcept>
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

// The findings of every suite, in order: a few thousand in memory, the rest written to an
// unnamed temporary file (std::tmpfile, removed however the program ends), so that memory does
// not grow with findings (24 bytes each: 10 million took 240 MB). Kept in memory when no
// temporary file can be made.
class CaseLog {
 public:
  void push(const CompactCase& found) {
    recent_.push_back(found);
    if (recent_.size() >= kBlock) spill();
  }
  // Calls `each` with every case pushed, in order.
  template <typename Each>
  void replay(Each each) {
    if (file_) {
      spill();
      std::rewind(file_.get());
      std::vector<CompactCase> block(kBlock);
      for (std::size_t got = 0;
           (got = std::fread(block.data(), sizeof(CompactCase), block.size(), file_.get())) > 0;) {
        for (std::size_t i = 0; i < got; ++i) each(block[i]);
      }
      if (std::ferror(file_.get()) != 0) {
        throw std::runtime_error("cannot read back the JUnit report's temporary file");
      }
    }
    for (const CompactCase& found : recent_) each(found);
  }

 private:
  static constexpr std::size_t kBlock = 4096;
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  void spill() {
    if (!tried_) {
      tried_ = true;
      file_.reset(std::tmpfile());
    }
    if (!file_) return;
    for (const CompactCase& found : recent_) {
      if (std::fwrite(&found, sizeof found, 1, file_.get()) != 1) {
        throw std::runtime_error("cannot write the JUnit report's temporary file");
      }
    }
    recent_.clear();
  }

  std::unique_ptr<std::FILE, Closer> file_;
  bool tried_ = false;
  std::deque<CompactCase> recent_;  // growing it never holds two copies, as a vector does
};

// A <testsuite>: a file, its input error if any, how many findings (in the CaseLog, in order).
struct CompactSuite {
  std::string path;  // escaped
  std::optional<std::string> error;
  bool skipped = false;
  std::size_t cases = 0;
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
      cases_.push(CompactCase{.line = start.line,
                              .column = start.column,
                              .rule = strings_.intern(xml_escape(diagnostic.rule)),
                              .message = strings_.intern(xml_escape(diagnostic.message)),
                              .suggestions = strings_.intern(std::move(suggestions)),
                              .severity = diagnostic.severity});
      ++suite.cases;
    }
  }

  void end(const Summary& summary) override {
    (void)summary;
    std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
    for (const auto& suite : suites_) {
      failures += suite.cases;
      tests += suite.cases + (suite.cases == 0 || suite.error ? 1 : 0);
      if (suite.error) ++(suite.skipped ? skipped : errors);
    }
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << "<testsuites name=\"copydesk\" tests=\"" << tests << "\" failures=\"" << failures
         << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\">\n";
    // The cases come back in the order of the suites: each suite takes its count of them.
    std::size_t next = 0, left = 0;
    const auto open_next = [&] {  // suites without findings whole, then one with findings open
      for (; next < suites_.size() && left == 0; ++next) {
        open_suite(suites_[next]);
        left = suites_[next].cases;
        if (left == 0) out_ << "  </testsuite>\n";
      }
    };
    open_next();
    cases_.replay([&](const CompactCase& found) {
      write_case(suites_[next - 1].path, found);
      if (--left > 0) return;
      out_ << "  </testsuite>\n";
      open_next();
    });
    out_ << "</testsuites>\n";
  }

 private:
  void open_case(const std::string& path, std::string_view name, std::uint32_t line) {
    out_ << "    <testcase classname=\"" << path << "\" name=\"" << name << "\" file=\"" << path
         << '"';
    if (line > 0) out_ << " line=\"" << line << '"';
  }

  // Opens a suite's <testsuite> and writes its input case (an error, or a clean file's).
  void open_suite(const CompactSuite& suite) {
    const std::string& path = suite.path;
    const bool input_case = suite.error || suite.cases == 0;
    const std::size_t error = suite.error && !suite.skipped ? 1 : 0;
    out_ << "  <testsuite name=\"" << path << "\" tests=\"" << suite.cases + input_case
         << "\" failures=\"" << suite.cases << "\" errors=\"" << error << "\" skipped=\""
         << (suite.error && suite.skipped ? 1 : 0) << "\">\n";
    if (suite.error) {
      open_case(path, "copydesk", 0);
      if (suite.skipped) {
        out_ << ">\n      <skipped message=\"" << *suite.error << "\"/>\n";
      } else {
        out_ << ">\n      <error message=\"" << *suite.error << "\" type=\"input-error\">" << path
             << ": " << *suite.error << "</error>\n";
      }
      out_ << "    </testcase>\n";
    } else if (suite.cases == 0) {
      open_case(path, "copydesk", 0);
      out_ << "/>\n";
    }
  }

  void write_case(const std::string& path, const CompactCase& found) {
    const std::string& rule = strings_[found.rule];
    const std::string& message = strings_[found.message];
    open_case(path, rule + " at " + std::to_string(found.line) + ':' + std::to_string(found.column),
              found.line);
    out_ << ">\n      <failure message=\"" << message << "\" type=\"" << rule << "\">" << path
         << ':' << found.line << ':' << found.column << ": " << to_string(found.severity) << ": "
         << message << " [" << rule << ']';
    if (const std::string& suggestions = strings_[found.suggestions]; !suggestions.empty()) {
      out_ << "&#10;suggestion: " << suggestions;
    }
    out_ << "</failure>\n    </testcase>\n";
  }

  std::ostream& out_;
  StringTable strings_;
  std::vector<CompactSuite> suites_;
  CaseLog cases_;
};

}  // namespace

std::unique_ptr<Formatter> make_junit_formatter(std::ostream& out) {
  return std::make_unique<JunitFormatter>(out);
}

}  // namespace copydesk
