#pragma once

// Project configuration: copydesk.toml (every key is described in docs/configuration.md), read
// and validated. Which file governs which input, and the settings that result, is the
// Workspace's (workspace.hpp).
//
// Precedence, lowest first: built-in defaults, the configuration file, its [[overrides]] whose
// globs match the file (in file order), then the command line (--lang, --enable, --disable,
// --words).

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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
  // Whether `file` is one of the word lists it names (accept-files, reject-files, at the top
  // level or in an override): data for the rules, never an article to lint.
  bool names_word_list(const std::filesystem::path& file) const;
  // Indexes of the overrides whose globs match `file`, in file order.
  std::vector<std::size_t> overrides_for(const std::filesystem::path& file) const;
};

// The commented starter configuration that `copydesk init` writes.
std::string_view starter_config();

}  // namespace copydesk
