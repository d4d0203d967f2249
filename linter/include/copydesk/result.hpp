#pragma once

// What a run produces, as plain data: the findings and errors of each input, the totals, and
// what reports say about the rules. Formatters and baselines read only this; they know nothing
// of the engine, the rules or the dictionaries.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "copydesk/diagnostic.hpp"

namespace copydesk {

// Whole lines of a file kept after linting it as a stream, for the findings on them.
// A line too long to keep whole (see kExcerptContext) is cut: the excerpt then starts or ends
// inside it.
struct SourceExcerpt {
  std::uint32_t offset = 0;         // byte offset of its first byte in the file
  std::uint32_t first_line = 1;     // 1-based number of its first line
  std::uint64_t chars_before = 0;   // code points before it, a leading byte-order mark not counted
  std::string text;                 // the lines, without the last one's line ending
  std::uint32_t column_before = 0;  // code points of its first line before it (0: a line start)
  std::uint32_t utf16_before = 0;   // the same in UTF-16 code units
  bool cut_after = false;           // its last line goes on after it
};

// How much of its file a FileResult holds. A large file linted as a stream is handed out in
// parts as it is linted (First, Middle..., Last), in order, each with the findings of a stretch
// of the file and its own excerpts, so that its findings never all exist at once; a consumer
// that needs the whole file (a JSON object per file, JUnit's counts) joins them. Any other
// input is one Whole result.
enum class FilePart : std::uint8_t { Whole, First, Middle, Last };

struct FileResult {
  std::string path;
  // What formatters read for source lines and positions (through a SourceView): the whole
  // text, or for a file linted as a stream, only the lines its findings touch.
  std::string text;
  std::vector<SourceExcerpt> excerpts;
  std::vector<Diagnostic> diagnostics;  // sorted by position
  std::optional<std::string> error;     // the file could not be linted: why
  bool skipped = false;                 // e.g. a binary file met while walking a directory
  FilePart part = FilePart::Whole;
};

// Whether `result` is the first (or only) result of its file, and the last.
inline bool starts_file(const FileResult& result) {
  return result.part == FilePart::Whole || result.part == FilePart::First;
}
inline bool ends_file(const FileResult& result) {
  return result.part == FilePart::Whole || result.part == FilePart::Last;
}

struct Summary {
  std::size_t files = 0;
  std::size_t files_with_errors = 0;  // files that could not be linted
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  // Findings that --baseline hid; empty when the run had no baseline.
  std::optional<std::size_t> baseline_hidden;
  std::size_t diagnostics() const { return errors + warnings + infos; }
};

// Adds a file's findings and errors to the totals (a file handed out in parts counts once).
void count_into(Summary& summary, const FileResult& result);

// A rule as reports describe it (SARIF's rule metadata), copied out of a Registry.
struct RuleDescription {
  std::string id;
  std::string category;
  std::string summary;
  std::string doc;  // the rule's Markdown documentation
  Severity default_severity = Severity::Warning;
  bool has_fix = false;
  bool enabled_by_default = true;
};

}  // namespace copydesk
