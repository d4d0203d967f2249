#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/dictionary.hpp"
#include "copydesk/rule.hpp"

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
};

// How a file is read: as plain text, or as Markdown, of which only the prose is linted.
enum class Syntax : std::uint8_t { Text, Markdown };

// Markdown for names ending in ".md" or ".markdown" (in any case), plain text otherwise.
Syntax syntax_of(const std::filesystem::path& path);

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
  std::string text;  // kept for formatters that show source lines and positions
  std::vector<Diagnostic> diagnostics;  // sorted by position
  std::optional<std::string> error;     // the file could not be linted: why
  bool skipped = false;                 // e.g. a binary file met while walking a directory
};

class Engine {
 public:
  // Throws ConfigError for an unknown rule id, a missing dictionary or an unreadable word list.
  explicit Engine(EngineOptions options);
  ~Engine();

  // Reads `text` as syntax_of(path) says.
  FileResult lint_text(std::string path, std::string text) const;
  FileResult lint_text(std::string path, std::string text, Syntax syntax) const;
  FileResult lint(const Input& input) const;

  // Lints inputs on `jobs` threads (0: all cores) and hands each result to `consume` in input
  // order, as soon as it and all before it are done.
  void lint_all(const std::vector<Input>& inputs, unsigned jobs,
                const std::function<void(FileResult&&)>& consume) const;

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }

 private:
  EngineOptions options_;
  std::unique_ptr<SpellChecker> spell_;
  WordSet accepted_words_;
  std::vector<std::unique_ptr<Rule>> rules_;
};

// Expands directories (recursing into *.txt, *.md, *.markdown, skipping hidden entries) into a
// sorted list of inputs; "-" is standard input, shown as `stdin_name` (which also gives its
// syntax) or "<stdin>". Paths that do not exist are kept so that linting reports them.
std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  const std::string& stdin_name = {});

}  // namespace copydesk
