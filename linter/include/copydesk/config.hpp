#pragma once

// Project configuration: copydesk.toml (every key is described in docs/configuration.md).
//
// Precedence, lowest first: built-in defaults, the configuration file, its [[overrides]] whose
// globs match the file (in file order), then the command line (--lang, --enable, --disable,
// --words).

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "copydesk/engine.hpp"
#include "copydesk/glob.hpp"
#include "copydesk/input.hpp"
#include "copydesk/registry.hpp"

namespace copydesk {

inline constexpr std::string_view kConfigFileName = "copydesk.toml";

// What one table of the configuration sets: the top level, or one [[overrides]] entry.
struct ConfigLayer {
  struct RuleSettings {
    std::optional<bool> enabled;
    std::optional<Severity> severity;
    std::map<std::string, OptionValue, std::less<>> options;  // only those written
  };
  std::optional<std::string> language;
  std::map<std::string, RuleSettings, std::less<>> rules;         // by rule id
  std::vector<std::string> accept, reject;                        // words written inline
  std::vector<std::filesystem::path> accept_files, reject_files;  // as resolved
  std::vector<std::string> accepted_lists, rejected_lists;        // the files' contents
};

struct ConfigOverride {
  std::vector<Glob> files;
  ConfigLayer settings;
  std::uint32_t line = 0;  // of its [[overrides]] header, for --print-config
};

struct ProjectConfig {
  std::filesystem::path path;       // as shown in messages
  std::filesystem::path directory;  // absolute: globs and word files are relative to it
  ConfigLayer settings;
  std::vector<Glob> include;  // empty: the default file types
  std::vector<Glob> exclude;
  std::vector<ConfigOverride> overrides;

  // Reads and validates a configuration file. Throws ConfigError "PATH:LINE:COLUMN: problem"
  // for a syntax error, an unknown key or rule, a wrong type or value, an invalid glob or an
  // unreadable word file.
  // Rule ids and options are checked against `registry`.
  static ProjectConfig load(const std::filesystem::path& path, const Registry& registry);
  // The same for text already read from `path`; `directory` is where globs start.
  static ProjectConfig parse(std::string_view text, const std::filesystem::path& path,
                             const std::filesystem::path& directory, const Registry& registry);

  // Whether a file found while walking a directory is linted: it matches `include` (by default
  // *.txt, *.md and *.markdown) and not `exclude`.
  bool walks_into(const std::filesystem::path& file) const;
  bool excluded(const std::filesystem::path& file) const;
  // Indexes of the overrides whose globs match `file`, in file order.
  std::vector<std::size_t> overrides_for(const std::filesystem::path& file) const;
};

// Settings from the command line; they win over every configuration file.
struct CommandLineSettings {
  EngineOptions options;  // --enable, --disable, --suggestions; --lang when given
  std::vector<std::filesystem::path> word_files;  // --words: the user's accepted words
  bool language_given = false;
  std::optional<std::filesystem::path> config_file;  // --config: used for every file
};

// The effective settings for one file, and where they came from.
struct Resolution {
  const ProjectConfig* config = nullptr;  // null: no configuration file
  std::vector<std::size_t> overrides;     // applied, in file order
  EngineOptions options;
  std::vector<std::filesystem::path> word_files;  // --words, read into the engine's accepted lists
};

// Finds, loads and caches the configuration of each file, and builds one engine per distinct
// effective configuration, so that dictionaries are loaded once however many files share it.
// Not thread-safe: resolve everything before linting in parallel.
class Workspace {
 public:
  // Configurations name, and engines run, the rules of `registry`, which must outlive it.
  Workspace(const Registry& registry, CommandLineSettings command_line);
  ~Workspace();

  // The configuration that governs `file` (standard input: the current directory): --config,
  // else the first copydesk.toml found walking up from the file's directory; null when none.
  // Throws ConfigError when that file is broken.
  const ProjectConfig* config_for(const Input& input);
  Resolution resolve(const Input& input);
  // For walk_inputs: a file found while walking a directory.
  bool walks_into(const std::filesystem::path& file);
  // A file named on the command line that its configuration excludes (for --force-exclude).
  bool excluded(const Input& input);
  // The engine for `input`, built the first time its configuration is met. Throws ConfigError.
  const Engine& engine_for(const Input& input);

 private:
  const ProjectConfig* discover(const std::filesystem::path& directory);
  // config_for() a file by its path (not empty).
  const ProjectConfig* config_for_file(const std::filesystem::path& file);

  const Registry& registry_;
  CommandLineSettings command_line_;
  std::vector<std::unique_ptr<ProjectConfig>> loaded_;
  std::map<std::filesystem::path, const ProjectConfig*> by_directory_;
  // The same answers by the directory as the input names it ("news/bbc"): files of one directory
  // are looked up without making their path absolute and normal each time (a system call and
  // a dozen allocations per file, a tenth of a large run's time before any file was linted).
  std::unordered_map<std::string, const ProjectConfig*> by_given_directory_;
  std::map<std::string, std::unique_ptr<Engine>> engines_;
  std::map<std::string, std::shared_ptr<SpellChecker>> spell_checkers_;  // by language
};

// The effective configuration of `display_path` as commented TOML, for --print-config.
std::string describe(const Registry& registry, const Resolution& resolution,
                     std::string_view display_path, bool excluded);

// The commented starter configuration that `copydesk init` writes.
std::string_view starter_config();

}  // namespace copydesk
