#pragma once

// House styles written as Vale YAML rules: where their settings come from (.vale.ini, or the
// [styles] table of copydesk.toml), loading them, and the registry entries they become. A
// style rule's id is "Style.Rule"; it sits beside the built-in rules with everything they have
// (severity, enable and disable, suppression directives, --list-rules, --explain).

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/glob.hpp"
#include "copydesk/registry.hpp"
#include "copydesk/vale/ignores.hpp"
#include "copydesk/vale/leading_set.hpp"

namespace copydesk::vale {

// The names Vale reads its configuration under, in the order it tries them in one directory.
inline constexpr std::string_view kValeConfigNames[] = {".vale", "_vale", "vale.ini", ".vale.ini",
                                                        "_vale.ini"};
// The name that, in BasedOnStyles, turns copydesk's built-in rules on in a .vale.ini project.
inline constexpr std::string_view kBuiltinStyleName = "copydesk";

// A pattern written in the settings, with the line it is on (0 in copydesk.toml: its reader
// reports bad values itself), so that a bad one can be reported there.
struct SettingsPattern {
  std::string source;
  std::size_t line = 0;
};

// One glob section of the settings ("[*.md]"): the styles and rule settings for the files it
// matches. Later sections win over earlier ones.
struct StyleSection {
  std::string header;                            // "*.md", as written
  std::vector<Glob> files{};                     // braces expanded: "*.{md,rst}" is two globs
  std::vector<std::string> based_on{};           // style names
  std::map<std::string, std::string> rules{};    // "Style.Rule" -> "YES", "NO" or a level
  std::vector<SettingsPattern> block_ignores{};  // BlockIgnores (and its old name IgnorePatterns)
  std::vector<SettingsPattern> token_ignores{};  // TokenIgnores
};

struct StyleSettings {
  std::filesystem::path source;         // the .vale.ini or copydesk.toml they come from
  std::filesystem::path styles_path{};  // absolute
  Severity min_level = Severity::Info;  // MinAlertLevel
  std::vector<StyleSection> sections{};
  std::vector<std::string> vocabularies{};  // Vocab names
  // IgnoredScopes and SkippedScopes: HTML names of the elements whose text no style rule reads
  // ("strong", "blockquote", "h1"); Vale's defaults (code, tt, pre...) are never read anyway.
  std::vector<std::string> ignored_elements{};
  // Whether copydesk's own rules run too: in copydesk.toml yes; with a .vale.ini only when
  // BasedOnStyles names "copydesk", so that a Vale project gets what Vale gives.
  bool builtin_rules = true;
};

// Whether `file` is read as a Vale configuration: one of Vale's names, or any "*.ini".
bool is_vale_config(const std::filesystem::path& file);
// Reads a .vale.ini. Throws StyleError "PATH:LINE: problem".
StyleSettings parse_vale_ini(std::string_view text, const std::filesystem::path& path);
// The [styles] table of a copydesk.toml; nullopt when it has none (or is not valid TOML: the
// configuration's own loading reports that). Throws StyleError for a bad value.
std::optional<StyleSettings> toml_style_settings(std::string_view text,
                                                 const std::filesystem::path& path);
// The style settings in a settings file: a copydesk.toml's [styles] table (nullopt when it has
// none), or any other file read as a Vale configuration (.vale.ini, .vale, _vale...). Throws
// StyleError when the file cannot be read or is broken.
std::optional<StyleSettings> read_style_settings(const std::filesystem::path& file);
// The style settings of `directory` itself, not its parents: its copydesk.toml when that has
// [styles], else the first of Vale's names there. Throws StyleError when the file is broken.
std::optional<StyleSettings> style_settings_in(const std::filesystem::path& directory);
// The style settings that govern files in `directory`: walking up from it, the first
// copydesk.toml with a [styles] table or Vale configuration file (copydesk.toml first in one
// directory, then Vale's names in Vale's order); nullopt when there is none. Throws StyleError
// when the file is broken.
std::optional<StyleSettings> discover_style_settings(const std::filesystem::path& directory);

// The sections of `settings` whose globs match `document_path`, in order (later ones win).
std::vector<const StyleSection*> sections_for(const StyleSettings& settings,
                                              std::string_view document_path);

// Every rule of the styles the settings name, loaded, validated and compiled. Throws
// StyleError naming the rule file, line and column; nothing is half loaded.
class LoadedStyles {
 public:
  explicit LoadedStyles(const StyleSettings& settings);
  ~LoadedStyles();
  LoadedStyles(const LoadedStyles&) = delete;
  LoadedStyles& operator=(const LoadedStyles&) = delete;

  // `builtin` with an entry added per style rule, on by default where the settings enable it;
  // the built-in rules stay on by default only when the settings say so (builtin_rules). The
  // entries point into this object, which must outlive the registry's use.
  Registry with_style_rules(const Registry& builtin) const;
  const StyleSettings& settings() const { return settings_; }
  // Whether the settings' sections let rule `id` run on a file at `document_path` (true for a
  // rule that is not one of these styles'), for --print-config.
  bool runs_on(std::string_view id, std::string_view document_path) const;
  // The element tests of the rules scoped to Markdown elements, for StyleIgnores.
  ElementTests element_tests() const;

  struct LoadedRule;

 private:
  void load_rules();
  // Puts the rules' token lists that say where they begin in one set, matched once per document.
  void join_leading_literals();

  StyleSettings settings_;  // the rules' decisions point at its sections' globs
  std::vector<std::unique_ptr<LoadedRule>> rules_;
  LeadingSet leading_set_;
};

// One settings file's styles, loaded, and the registry they make with the built-in rules.
struct StyleSet {
  StyleSet(const StyleSettings& settings, const Registry& builtin)
      : styles(settings),
        registry(styles.with_style_rules(builtin)),
        ignores(styles.settings(), styles.element_tests()) {}
  LoadedStyles styles;
  Registry registry;     // its entries point into `styles`
  StyleIgnores ignores;  // the engine's finding filter for the files these styles govern
};

// The styles that govern each file, found the way copydesk.toml is (from the file's folder up:
// the nearest settings file wins) and loaded once per settings file, however many folders and
// files share it. Not thread-safe: look everything up before linting in parallel.
class StyleCatalog {
 public:
  explicit StyleCatalog(const Registry& builtin) : builtin_(builtin) {}
  // The styles for files in `directory` (see discover_style_settings); null when none govern
  // it. Throws StyleError for a broken settings file or style.
  const StyleSet* for_directory(const std::filesystem::path& directory);
  // The styles of one settings file (--config); null when it has none.
  const StyleSet* for_settings_file(const std::filesystem::path& file);

 private:
  const StyleSet* load(std::optional<StyleSettings> settings);

  const Registry& builtin_;
  std::map<std::filesystem::path, const StyleSet*> by_directory_;
  std::map<std::filesystem::path, std::unique_ptr<StyleSet>> by_source_;
};

}  // namespace copydesk::vale
