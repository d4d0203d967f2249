#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/dictionary.hpp"
#include "copydesk/rule.hpp"
#include "copydesk/source_view.hpp"

namespace copydesk {

// A problem with the options or configuration: reported with exit code 2.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct EngineOptions {
  std::string language = "en_US";
  std::vector<std::string> enable;   // rule ids to turn on (all default rules are on)
  std::vector<std::string> disable;  // rule ids to turn off
  std::vector<std::filesystem::path> word_files;  // the user's accepted words, one per line
  SuggestionMode suggestions = SuggestionMode::Fast;
  // From copydesk.toml (see config.hpp): texts in word-list format (one word a line).
  std::vector<std::string> accepted_lists;
  // Words misspelled-word flags although Hunspell knows them.
  std::vector<std::string> rejected_lists;
  std::map<std::string, Severity, std::less<>> severities;       // rule id -> severity to report
  std::map<std::string, RuleOptions, std::less<>> rule_options;  // rule id -> its options
};

// Whether `options` turn the rule on: on by default or enabled, and not disabled. What the
// engine runs and what --print-config shows.
bool rule_enabled(const RuleMeta& meta, const EngineOptions& options);

// The text of a word list (`--words`, `accept-files`...): throws ConfigError naming the file
// when it is not a readable regular file of valid UTF-8 text.
std::string read_word_list(const std::filesystem::path& path);

// How a file is read: as plain text, or as Markdown, of which only the prose is linted.
enum class Syntax : std::uint8_t { Text, Markdown };

// Markdown for names ending in ".md" or ".markdown" (in any case), plain text otherwise.
Syntax syntax_of(const std::filesystem::path& path);

// Whether a file found while walking a directory is linted when no configuration says which:
// .txt, .md and .markdown, in any case ("README.MD").
bool lintable_by_default(const std::filesystem::path& path);

// One input to lint: a file, or standard input when `from_stdin`.
struct Input {
  std::string display_path;  // as the user should see it
  std::filesystem::path path;  // for standard input, the name it was given (or empty): its syntax
  bool from_stdin = false;
  bool explicit_path = true;  // named on the command line rather than found in a directory
  std::optional<std::string> error;  // found unusable while collecting (e.g. no permission)
};

struct FileResult {
  std::string path;
  // What formatters read for source lines and positions (through a SourceView): the whole
  // text, or for a file linted as a stream, only the lines its findings touch.
  std::string text;
  std::vector<SourceExcerpt> excerpts;
  std::vector<Diagnostic> diagnostics;  // sorted by position
  std::optional<std::string> error;     // the file could not be linted: why
  bool skipped = false;                 // e.g. a binary file met while walking a directory
};

class Engine {
 public:
  // Throws ConfigError for an unknown rule id, a missing dictionary or an unreadable word list.
  // Engines of the same language may share one `spell` checker (and its loaded dictionary and
  // caches); without one the engine makes its own.
  explicit Engine(EngineOptions options, std::shared_ptr<SpellChecker> spell = nullptr);
  ~Engine();

  // Reads `text` as syntax_of(path) says.
  FileResult lint_text(std::string path, std::string text) const;
  FileResult lint_text(std::string path, std::string text, Syntax syntax) const;
  FileResult lint(const Input& input) const;

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }

 private:
  void run_rules(const std::string& path, std::string& text,
                 const std::vector<BlockStart>& block_starts, std::vector<Diagnostic>& out) const;
  std::optional<FileResult> lint_stream(const Input& input, std::istream& in, std::string text) const;
  // The severity reported for `rule`'s findings: the rule's default unless configured.
  Severity severity_of(const Rule& rule) const;

  EngineOptions options_;
  std::shared_ptr<SpellChecker> spell_;
  WordSet accepted_words_;
  WordSet rejected_words_;
  std::vector<RuleOptions> rule_options_;  // one per rule, alive as long as the rules
  std::vector<std::unique_ptr<Rule>> rules_;
};

// Where lint_all's inputs come from: a function called once, on the calling thread, with a
// function to give each input to, in the order of the report, with the engine that lints it.
using InputSink = std::function<void(Input&&, const Engine&)>;
using InputSource = std::function<void(const InputSink&)>;

// Lints the inputs `produce` gives on `jobs` threads (0: all cores; at most twice the cores),
// starting while `produce` is still finding them, and hands each result to `consume` in input
// order, as soon as it and all before it are done. Nothing is handed out before `produce`
// returns: if it throws (a broken configuration met on the way), linting stops, `consume` has
// seen nothing, and the exception is passed on.
void lint_all(const InputSource& produce, unsigned jobs,
              const std::function<void(FileResult&&)>& consume);

// Expands directories (recursing, skipping hidden entries) into inputs, giving each to `found`
// as soon as it is found, in the order of a sorted list: each directory's files in the byte
// order of their paths. Files found in a directory are kept when `wanted` says so (by default:
// *.txt, *.md and *.markdown). "-" is standard input, shown as `stdin_name` (which also gives
// its syntax) or "<stdin>". Paths that do not exist are kept so that linting reports them.
void walk_inputs(const std::vector<std::string>& paths,
                 const std::function<bool(const std::filesystem::path&)>& wanted,
                 const std::string& stdin_name, const std::function<void(Input&&)>& found);

// walk_inputs' inputs as a list.
std::vector<Input> collect_inputs(
    const std::vector<std::string>& paths,
    const std::function<bool(const std::filesystem::path&)>& wanted = {},
    const std::string& stdin_name = {});

}  // namespace copydesk
