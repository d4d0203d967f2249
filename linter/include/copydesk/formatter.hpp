#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

#include "copydesk/engine.hpp"

namespace copydesk {

enum class Format { Text, Json, Jsonl, Sarif, Github, Junit, Checkstyle };

// The names --format accepts, in the order --help lists them.
inline constexpr std::string_view kFormatNames[] = {"text",   "json",  "jsonl",     "sarif",
                                                   "github", "junit", "checkstyle"};

std::optional<Format> parse_format(std::string_view name);

struct Summary {
  std::size_t files = 0;
  std::size_t files_with_errors = 0;  // files that could not be linted
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t diagnostics() const { return errors + warnings + infos; }
};

class Registry;

struct FormatOptions {
  bool color = false;
  // Where SARIF takes its rule metadata from; null means Registry::builtin(). Tests pass a fixed
  // registry so that golden files do not change whenever a rule is added.
  const Registry* registry = nullptr;
  // The tool version SARIF reports; empty means copydesk's own (kVersion).
  std::string_view version;
};

// Writes a report file by file, so results can be streamed and freed.
class Formatter {
 public:
  virtual ~Formatter() = default;
  virtual void begin() {}
  virtual void file(const FileResult& result) = 0;
  virtual void end(const Summary& summary) { (void)summary; }
};

std::unique_ptr<Formatter> make_formatter(Format format, std::ostream& out,
                                          const FormatOptions& options);

// Adds a file's findings and errors to the totals.
void count_into(Summary& summary, const FileResult& result);

}  // namespace copydesk
