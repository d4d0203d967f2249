#pragma once

// Configuration resolution, in one unit as ruff keeps it in its own crate: for each input, the
// copydesk.toml that governs it, its [[overrides]], the command line over them, and the engine
// for the result.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "copydesk/config.hpp"
#include "copydesk/engine.hpp"
#include "copydesk/input.hpp"

namespace copydesk {

class Registry;
namespace vale {
class StyleCatalog;
struct StyleSet;
}  // namespace vale

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
  const vale::StyleSet* styles = nullptr;  // the house styles that govern the file; null: none
  const Registry* registry = nullptr;      // the rules its engine runs: built-in and styles'
};

// Finds, loads and caches the configuration of each file, and builds one engine per distinct
// effective configuration, so that dictionaries are loaded once however many files share it.
// Not thread-safe: resolve everything before linting in parallel.
class Workspace {
 public:
  // Configurations name, and engines run, the rules of `registry` (the built-in rules), with
  // the rules of the house styles (vale/styles.hpp) that govern each file, looked up in
  // `styles` (shared with the caller, who may have looked some up already) or, when null, in a
  // catalog of the workspace's own. Both must outlive it.
  Workspace(const Registry& registry, CommandLineSettings command_line,
            vale::StyleCatalog* styles = nullptr);
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
  // A file its configuration names as a word list: never linted, even when named (pre-commit
  // passes a staged house/names.txt as it passes any *.txt).
  bool word_list(const Input& input);
  // The engine for `input`, built the first time its configuration is met. Throws ConfigError.
  const Engine& engine_for(const Input& input);
  // The house styles that govern `input` (--config, else found from its folder up as
  // copydesk.toml is); null when none. Throws ConfigError for a broken style.
  const vale::StyleSet* styles_for(const Input& input);

 private:
  const ProjectConfig* discover(const std::filesystem::path& directory);
  // config_for() a file by its path (not empty).
  const ProjectConfig* config_for_file(const std::filesystem::path& file);
  const vale::StyleSet* styles_in(const std::filesystem::path& directory);
  // The rules a configuration file found in `directory` may name.
  const Registry& registry_in(const std::filesystem::path& directory);

  const Registry& registry_;
  CommandLineSettings command_line_;
  std::unique_ptr<vale::StyleCatalog> own_styles_;
  vale::StyleCatalog* styles_;
  std::unordered_map<std::string, const vale::StyleSet*> styles_by_given_directory_;
  std::vector<std::unique_ptr<ProjectConfig>> loaded_;
  std::map<std::filesystem::path, const ProjectConfig*> by_directory_;
  // The same answers by the directory as the input names it ("news/bbc"): files of one directory
  // are looked up without making their path absolute and normal each time (a system call and
  // a dozen allocations per file, a tenth of a large run's time before any file was linted).
  std::unordered_map<std::string, const ProjectConfig*> by_given_directory_;
  std::map<std::string, std::unique_ptr<Engine>> engines_;
  std::map<std::string, std::shared_ptr<SpellChecker>> spell_checkers_;  // by language
};

// The effective configuration of `display_path` as commented TOML, for --print-config: the
// rules of `resolution.registry` (else of `registry`) and the house styles in effect.
std::string describe(const Registry& registry, const Resolution& resolution,
                     std::string_view display_path, bool excluded);

}  // namespace copydesk
