#pragma once

// Batch records in the input layer: texts that come as JSON Lines records (a CMS export, a
// database dump) rather than as files, one JSON object a line with an id and the text. They are
// read as a stream and linted on threads through a bounded window of records, so that a stream
// of any length takes the memory of one window, and handed out in input order.

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "copydesk/record_result.hpp"
#include "copydesk/syntax.hpp"
#include "copydesk/workspace.hpp"

namespace copydesk {

class Engine;
class Registry;

// The member names a record's fields are read from (--id-field, --text-field...).
struct RecordFields {
  std::string id = "id";
  std::string text = "text";
  std::string syntax = "syntax";      // optional: "txt", "md" or "html"
  std::string language = "language";  // optional: a Hunspell dictionary name, "en_GB"
  std::string path = "path";          // optional: where the text lives, for configuration
};

// One record, read and checked.
struct Record {
  std::size_t line = 0;  // 1-based line of its input
  std::string id;        // the id as JSON: a string or an integer, written back as it came
  std::string text;
  std::optional<Syntax> syntax;  // absent: from the path's extension, else plain text
  std::optional<std::string> language;
  std::optional<std::string> path;
};

// Why a line is no usable record; `id` when the line had one.
struct RecordProblem {
  std::size_t line = 0;
  std::optional<std::string> id;
  std::string message;
};

// Reads one line of input as a record: a JSON object with a string or integer id and a string
// text, optional string syntax, language and path.
std::variant<Record, RecordProblem> parse_record(std::string_view line, std::size_t line_number,
                                                 const RecordFields& fields);

// Reads lines of at most `max_bytes`: a longer line is skipped to its end and reported, so that
// one runaway line cannot take the memory.
class LineReader {
 public:
  LineReader(std::istream& in, std::size_t max_bytes) : in_(in), max_bytes_(max_bytes) {}
  // The next line, without its "\n" (or "\r\n"), into `line`; false at the end of the input.
  // `too_long` tells that the line was longer than the bound (`line` is then empty).
  bool next(std::string& line, bool& too_long);
  std::size_t line_number() const { return line_number_; }
  bool failed() const { return in_.bad(); }

 private:
  bool refill();

  std::istream& in_;
  std::size_t max_bytes_;
  std::size_t line_number_ = 0;
  std::string buffer_;  // read ahead, a block at a time
  std::size_t position_ = 0;
};

// How a stream of records is read and linted.
struct RecordRunOptions {
  RecordFields fields;
  unsigned jobs = 0;  // threads (0: all cores; at most twice the cores), as for files
};

// The longest line read as a record (64 MiB); a longer one is an error record.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;

// Gives each record the engine of its configuration: the copydesk.toml that governs its path
// (the current directory's without one), with its language when it names one. Engines are built
// once per distinct configuration and language. Not thread-safe: called on the reading thread.
class RecordEngines {
 public:
  // `styles`: where the records' house styles are looked up (see Workspace); null: its own.
  RecordEngines(const Registry& registry, CommandLineSettings command_line,
                vale::StyleCatalog* styles = nullptr);
  ~RecordEngines();
  // Throws ConfigError: a broken configuration, an unknown dictionary.
  const Engine& engine_for(const Record& record);

 private:
  const Registry& registry_;
  CommandLineSettings command_line_;
  std::unique_ptr<vale::StyleCatalog> own_styles_;
  vale::StyleCatalog* styles_;
  std::map<std::string, std::unique_ptr<Workspace>, std::less<>> by_language_;
};

// Reads records from `in`, lints each with the engine `engines` gives it on `options.jobs`
// threads, and hands every line's outcome (findings, or the problem) to `consume` in input
// order. Blank lines are skipped. Memory is bounded by the window of records read ahead (see
// records.cpp), however long the stream.
void lint_records(std::istream& in, const RecordRunOptions& options, RecordEngines& engines,
                  const std::function<void(RecordResult&&)>& consume);

}  // namespace copydesk
