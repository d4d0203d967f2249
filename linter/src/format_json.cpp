#include <charconv>

#include "formatters.hpp"

namespace copydesk {
namespace {

using Json = nlohmann::ordered_json;

// File names need not be valid UTF-8; JSON strings must be: invalid bytes become U+FFFD
// rather than aborting the report.
std::string dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The json and jsonl formats write each finding as Json::dump() would write its object
// (compact, keys in this order), but member by member into one string: a tree of Json values
// for each finding took about 25 allocations, a tenth of a jsonl run over the news directory.
// Strings with anything to escape or to check (control characters, quotes, bytes outside
// ASCII, which may not be UTF-8) still go to the library.
void append_string(std::string& out, std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\') {
      out += dump(Json(text));
      return;
    }
  }
  out += '"';
  out += text;
  out += '"';
}

void append_number(std::string& out, std::uint64_t number) {
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
  out.append(digits, end);
}

void append_position(std::string& out, const Position& position) {
  out += "{\"line\":";
  append_number(out, position.line);
  out += ",\"column\":";
  append_number(out, position.column);
  out += ",\"offset\":";
  append_number(out, position.offset);
  out += ",\"utf16\":";
  append_number(out, position.utf16);
  out += '}';
}

// What a formatter writes at once: a file's findings are written this many bytes at a time, so
// that a file with millions of them does not hold them all as text.
constexpr std::size_t kFlushBytes = std::size_t{64} << 10;

class JsonFormatter : public Formatter {
 public:
  explicit JsonFormatter(std::ostream& out) : out_(out) {}
  void begin() override { out_ << "{\"version\": 1, \"files\": ["; }
  // A file handed out in parts (see FilePart) is one object: its first part opens it, its last
  // closes it. An error met while streaming comes with the last part, after the findings, so
  // "error" always follows "diagnostics": one shape whichever path linted the file.
  void file(const FileResult& result) override {
    if (starts_file(result)) {
      entry_.assign(first_ ? "\n  " : ",\n  ");
      entry_ += "{\"path\":";
      append_string(entry_, result.path);
      entry_ += ",\"diagnostics\":[";
      first_diagnostic_ = true;
      first_ = false;
    }
    const SourceView source(result);
    for (const auto& diagnostic : result.diagnostics) {
      if (!first_diagnostic_) entry_ += ',';
      first_diagnostic_ = false;
      entry_ += '{';
      append_diagnostic_members(entry_, diagnostic, source);
      entry_ += '}';
      if (entry_.size() > kFlushBytes) flush();
    }
    if (ends_file(result)) {
      entry_ += ']';
      append_error(result);
      entry_ += '}';
    }
    flush();
  }
  void end(const Summary& summary) override {
    Json totals{{"files", summary.files},
                {"files_with_errors", summary.files_with_errors},
                {"diagnostics", summary.diagnostics()},
                {"errors", summary.errors},
                {"warnings", summary.warnings},
                {"infos", summary.infos}};
    if (summary.baseline_hidden) totals["baseline_hidden"] = *summary.baseline_hidden;
    out_ << (first_ ? "" : "\n") << "], \"summary\": " << dump(totals) << "}\n";
  }

 private:
  void append_error(const FileResult& result) {
    if (result.error) {
      entry_ += ",\"error\":";
      append_string(entry_, *result.error);
    }
    if (result.skipped) entry_ += ",\"skipped\":true";
  }
  void flush() {
    out_ << entry_;
    entry_.clear();
  }

  std::ostream& out_;
  bool first_ = true;
  bool first_diagnostic_ = true;  // of the file being written
  std::string entry_;             // kept between files for its capacity
};

class JsonLinesFormatter : public Formatter {
 public:
  explicit JsonLinesFormatter(std::ostream& out) : out_(out) {}
  // An error met while streaming a file comes with its last part: after the findings.
  void file(const FileResult& result) override {
    write_diagnostics(result);
    if (result.error) write_error(result);
  }

 private:
  void write_diagnostics(const FileResult& result) {
    if (result.diagnostics.empty()) return;
    const SourceView source(result);
    lines_.clear();
    for (const auto& diagnostic : result.diagnostics) {
      lines_ += "{\"path\":";
      append_string(lines_, result.path);
      lines_ += ',';
      append_diagnostic_members(lines_, diagnostic, source);
      lines_ += "}\n";
      if (lines_.size() > kFlushBytes) {
        out_ << lines_;
        lines_.clear();
      }
    }
    out_ << lines_;
  }

  // An input that could not be linted is a record of its own, so that a consumer of the stream
  // tells "no findings" from "not read": {"path":..., "error":..., "skipped":...}.
  void write_error(const FileResult& result) {
    lines_.assign("{\"path\":");
    append_string(lines_, result.path);
    lines_ += ",\"error\":";
    append_string(lines_, *result.error);
    lines_ += result.skipped ? ",\"skipped\":true}\n" : ",\"skipped\":false}\n";
    out_ << lines_;
  }

  std::ostream& out_;
  std::string lines_;  // kept between files for its capacity
};

}  // namespace

void append_diagnostic_members(std::string& out, const Diagnostic& diagnostic,
                               const SourceView& source) {
  out += "\"rule\":";
  append_string(out, diagnostic.rule);
  out += ",\"severity\":";
  append_string(out, to_string(diagnostic.severity));
  out += ",\"message\":";
  append_string(out, diagnostic.message);
  out += ",\"start\":";
  append_position(out, source.position(diagnostic.span.begin));
  out += ",\"end\":";
  append_position(out, source.position(diagnostic.span.end));
  out += ",\"text\":";
  append_string(out, source.slice(diagnostic.span));
  out += ",\"suggestions\":[";
  for (std::size_t i = 0; i < diagnostic.suggestions.size(); ++i) {
    if (i > 0) out += ',';
    append_string(out, diagnostic.suggestions[i]);
  }
  out += ']';
  if (!diagnostic.fix) return;
  out += ",\"fix\":{\"title\":";
  append_string(out, diagnostic.fix->title);
  out += diagnostic.fix->safe ? ",\"safe\":true" : ",\"safe\":false";
  out += ",\"edits\":[";
  for (std::size_t i = 0; i < diagnostic.fix->edits.size(); ++i) {
    const Edit& edit = diagnostic.fix->edits[i];
    out += i > 0 ? ",{\"start\":" : "{\"start\":";
    append_number(out, edit.span.begin);
    out += ",\"end\":";
    append_number(out, edit.span.end);
    out += ",\"replacement\":";
    append_string(out, edit.replacement);
    // The edit's place in every unit an editor may use, so that none has to convert.
    out += ",\"range\":{\"start\":";
    append_position(out, source.position(edit.span.begin));
    out += ",\"end\":";
    append_position(out, source.position(edit.span.end));
    out += "}}";
  }
  out += "]}";
}

std::unique_ptr<Formatter> make_json_formatter(std::ostream& out) {
  return std::make_unique<JsonFormatter>(out);
}

std::unique_ptr<Formatter> make_jsonl_formatter(std::ostream& out) {
  return std::make_unique<JsonLinesFormatter>(out);
}

}  // namespace copydesk
