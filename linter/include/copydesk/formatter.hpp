#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/result.hpp"

namespace copydesk {

enum class Format { Text, Json, Jsonl, Sarif, Github, Junit, Checkstyle, Line };

// The names --format accepts, in the order of Format (and of --help); the one list of them.
inline constexpr std::string_view kFormatNames[] = {"text",   "json",  "jsonl",      "sarif",
                                                    "github", "junit", "checkstyle", "line"};

std::optional<Format> parse_format(std::string_view name);

struct FormatOptions {
  bool color = false;
  // The rules SARIF describes (see Registry::descriptions). Tests pass a fixed list so that
  // golden files do not change whenever a rule is added.
  std::vector<RuleDescription> rules;
  // The tool version SARIF reports; empty means copydesk's own (kVersion).
  std::string_view version;
};

// Writes a report file by file, so results can be streamed and freed. `file` is called once per
// result: for a large file streamed, once per part (see FilePart), in order, so a format that
// writes finding by finding needs nothing more; one that groups a file's findings reads
// starts_file and ends_file. No format keeps a file's findings until the end of the run.
class Formatter {
 public:
  virtual ~Formatter() = default;
  virtual void begin() {}
  virtual void file(const FileResult& result) = 0;
  virtual void end(const Summary& summary) { (void)summary; }
};

std::unique_ptr<Formatter> make_formatter(Format format, std::ostream& out,
                                          const FormatOptions& options);

// `text` (from a document or a file name) as a terminal may print it: controls (ESC, CR, ...)
// become their one-column pictures (U+2400 on), C1 controls, bidirectional controls and bytes
// that are not UTF-8 U+FFFD; tabs stay. For the text and github formats and the command line's
// messages, which people read on terminals.
std::string visible(std::string_view text);

}  // namespace copydesk
