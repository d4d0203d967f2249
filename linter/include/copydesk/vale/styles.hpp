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
#include "copydesk/vale/leading_set.hpp"

namespace copydesk::vale {

inline constexpr std::string_view kValeIniName = ".vale.ini";
// The name that, in BasedOnStyles, turns copydesk's built-in rules on in a .vale.ini project.
inline constexpr std::string_view kBuiltinStyleName = "copydesk";

// One glob section of the settings ("[*.md]"): the styles and rule settings for the files it
// matches. Later sections win over earlier ones.
struct StyleSection {
  std::string header;                          // "*.md", as written
  std::vector<Glob> files{};                   // braces expanded: "*.{md,rst}" is two globs
  std::vector<std::string> based_on{};         // style names
  std::map<std::string, std::string> rules{};  // "Style.Rule" -> "YES", "NO" or a level
};

struct StyleSettings {
  std::filesystem::path source;         // the .vale.ini or copydesk.toml they come from
  std::filesystem::path styles_path{};  // absolute
  Severity min_level = Severity::Info;  // MinAlertLevel
  std::vector<StyleSection> sections{};
  std::vector<std::string> vocabularies{};  // Vocab names
  // Whether copydesk's own rules run too: in copydesk.toml yes; with a .vale.ini only when
  // BasedOnStyles names "copydesk", so that a Vale project gets what Vale gives.
  bool builtin_rules = true;
};

// Reads a .vale.ini. Throws StyleError "PATH:LINE: problem".
StyleSettings parse_vale_ini(std::string_view text, const std::filesystem::path& path);
// The [styles] table of a copydesk.toml; nullopt when it has none (or is not valid TOML: the
// configuration's own loading reports that). Throws StyleError for a bad value.
std::optional<StyleSettings> toml_style_settings(std::string_view text,
                                                 const std::filesystem::path& path);
// The style settings that govern a run started in `directory`: walking up from it, the first
// copydesk.toml with a [styles] table or .vale.ini (copydesk.toml first in one directory);
// nullopt when there is none. Throws StyleError when the file is broken.
std::optional<StyleSettings> discover_style_settings(const std::filesystem::path& directory);

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

  struct LoadedRule;

 private:
  void load_rules();
  // Puts the rules' token lists that say where they begin in one set, matched once per document.
  void join_leading_literals();

  StyleSettings settings_;  // the rules' decisions point at its sections' globs
  std::vector<std::unique_ptr<LoadedRule>> rules_;
  LeadingSet leading_set_;
};

}  // namespace copydesk::vale
