// Checkstyle XML, which Jenkins (Warnings Next Generation), reviewdog and many CI dashboards
// read: a <file> per input with an <error> per finding, streamed finding by finding.

#include "formatters.hpp"

namespace copydesk {
namespace {

class CheckstyleFormatter : public Formatter {
 public:
  explicit CheckstyleFormatter(std::ostream& out) : out_(out) {}

  void begin() override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  }

  // A file handed out in parts (see FilePart) is one <file>, opened at its first error or
  // finding, closed with its last part.
  void file(const FileResult& result) override {
    if (starts_file(result)) open_ = false;
    if (!open_ && (result.error || !result.diagnostics.empty())) {
      out_ << "  <file name=\"" << xml_escape(result.path) << "\">\n";
      open_ = true;
    }
    if (result.error) {
      out_ << "    <error line=\"1\" severity=\"" << (result.skipped ? "info" : "error")
           << "\" message=\"" << xml_escape(*result.error) << "\" source=\"copydesk.input\"/>\n";
    }
    if (!result.diagnostics.empty()) {
      const SourceView source(result);
      for (const auto& diagnostic : result.diagnostics) {
        // Columns are 1-based code points, as in the text output.
        const Position start = source.position(diagnostic.span.begin);
        out_ << "    <error line=\"" << start.line << "\" column=\"" << start.column
             << "\" severity=\"" << to_string(diagnostic.severity) << "\" message=\""
             << xml_escape(diagnostic.message) << "\" source=\"copydesk."
             << xml_escape(diagnostic.rule) << "\"/>\n";
      }
    }
    if (!ends_file(result)) return;
    if (open_) {
      out_ << "  </file>\n";
    } else {
      out_ << "  <file name=\"" << xml_escape(result.path) << "\"/>\n";
    }
  }

  void end(const Summary& summary) override {
    (void)summary;
    out_ << "</checkstyle>\n";
  }

 private:
  std::ostream& out_;
  bool open_ = false;  // the <file> of the file being written is open
};

}  // namespace

std::unique_ptr<Formatter> make_checkstyle_formatter(std::ostream& out) {
  return std::make_unique<CheckstyleFormatter>(out);
}

}  // namespace copydesk
