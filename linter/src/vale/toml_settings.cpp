// The [styles] table of copydesk.toml: the settings of a .vale.ini, written in TOML.
//
//   [styles]
//   path = "styles"              # StylesPath, relative to copydesk.toml
//   min-level = "suggestion"     # MinAlertLevel
//   based-on = ["House"]         # BasedOnStyles, for every file
//   rules = { "House.Percent" = "error", "House.Utilize" = false }
//   block-ignores = ["(?s)<div.*?</div>"]   # BlockIgnores (also in sections)
//   token-ignores = ['\$[^$]+\$']           # TokenIgnores (also in sections)
//   ignored-scopes = ["strong"]            # IgnoredScopes and SkippedScopes
//
//   [[styles.sections]]          # a .vale.ini glob section; later ones win
//   files = ["*.md"]
//   based-on = ["Microsoft"]
//   rules = { "Microsoft.We" = false }

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/styles.hpp"

namespace copydesk::vale {
namespace {

// 'key', built by appending: GCC 12 warns (-Wrestrict, wrongly) about "'" + std::string(...).
std::string quoted(std::string_view key) {
  std::string text;
  text.reserve(key.size() + 2);
  text += '\'';
  text += key;
  text += '\'';
  return text;
}

class TomlReader {
 public:
  explicit TomlReader(const std::filesystem::path& path) : path_(path) {}

  [[noreturn]] void fail(const toml::source_region& where, const std::string& problem) const {
    throw StyleError(path_.string() + ":" + std::to_string(where.begin.line) + ":" +
                     std::to_string(where.begin.column) + ": " + problem);
  }

  // Calls `each(text, item)` for every string of the list `key` (none when it is absent).
  template <typename Each>
  void for_each_string(const toml::table& table, std::string_view key, Each each) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return;
    const toml::array* array = node->as_array();
    if (array == nullptr) fail(node->source(), quoted(key) + " must be a list");
    for (const toml::node& item : *array) {
      const auto* text = item.as_string();
      if (text == nullptr) fail(item.source(), quoted(key) + " must hold strings");
      each(text->get(), item);
    }
  }

  std::vector<std::string> strings(const toml::table& table, std::string_view key) const {
    std::vector<std::string> result;
    for_each_string(table, key,
                    [&](const std::string& text, const toml::node&) { result.push_back(text); });
    return result;
  }

  std::vector<SettingsPattern> patterns(const toml::table& table, std::string_view key) const {
    std::vector<SettingsPattern> result;
    for_each_string(table, key, [&](const std::string& text, const toml::node& item) {
      result.push_back(SettingsPattern{.source = text, .line = item.source().begin.line});
    });
    return result;
  }

  std::map<std::string, std::string> rules(const toml::table& table) const {
    std::map<std::string, std::string> result;
    const toml::node* node = table.get("rules");
    if (node == nullptr) return result;
    const toml::table* rules = node->as_table();
    if (rules == nullptr) fail(node->source(), "'rules' must be a table");
    for (const auto& [key, value] : *rules) {
      if (const auto* on = value.as_boolean()) {
        result[std::string(key.str())] = on->get() ? "YES" : "NO";
      } else if (const auto* level = value.as_string();
                 level != nullptr && (level->get() == "suggestion" || level->get() == "warning" ||
                                      level->get() == "error")) {
        result[std::string(key.str())] = level->get();
      } else {
        fail(value.source(),
             quoted(key.str()) + " must be true, false, \"suggestion\", \"warning\" or \"error\"");
      }
    }
    return result;
  }

  StyleSection section(const toml::table& table, std::vector<std::string> files) const {
    StyleSection section{.header = files.empty() ? "*" : files.front()};
    if (files.empty()) files.push_back("*");
    for (const std::string& pattern : files) {
      try {
        section.files.emplace_back(pattern);
      } catch (const std::invalid_argument& error) {
        fail(table.source(), "bad glob '" + pattern + "': " + error.what());
      }
    }
    section.based_on = strings(table, "based-on");
    section.rules = rules(table);
    section.block_ignores = patterns(table, "block-ignores");
    section.token_ignores = patterns(table, "token-ignores");
    return section;
  }

  StyleSettings read(const toml::table& styles) const {
    StyleSettings settings{.source = path_};
    settings.styles_path = (path_.parent_path() / "styles").lexically_normal();
    if (const auto path = styles["path"].value<std::string>()) {
      settings.styles_path = (path_.parent_path() / *path).lexically_normal();
    }
    if (const toml::node* level = styles.get("min-level")) {
      const auto name = level->value<std::string>();
      if (!name || (*name != "suggestion" && *name != "warning" && *name != "error")) {
        fail(level->source(), "'min-level' must be \"suggestion\", \"warning\" or \"error\"");
      }
      settings.min_level = *name == "suggestion" ? Severity::Info
                           : *name == "warning"  ? Severity::Warning
                                                 : Severity::Error;
    }
    settings.vocabularies = strings(styles, "vocab");
    settings.ignored_elements = strings(styles, "ignored-scopes");
    settings.sections.push_back(section(styles, {}));
    if (const toml::node* sections = styles.get("sections")) {
      const toml::array* array = sections->as_array();
      if (array == nullptr) fail(sections->source(), "'sections' must be an array of tables");
      for (const toml::node& item : *array) {
        const toml::table* table = item.as_table();
        if (table == nullptr) fail(item.source(), "each of 'sections' must be a table");
        settings.sections.push_back(section(*table, strings(*table, "files")));
      }
    }
    return settings;
  }

 private:
  const std::filesystem::path& path_;
};

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StyleError(path.string() + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::optional<StyleSettings> toml_style_settings(std::string_view text,
                                                 const std::filesystem::path& path) {
  toml::table root;
  try {
    root = toml::parse(text, path.string());
  } catch (const toml::parse_error& error) {
    // The configuration's own loading reports syntax errors; here there is nothing to read.
    return std::nullopt;
  }
  const toml::node* styles = root.get("styles");
  if (styles == nullptr) return std::nullopt;
  const toml::table* table = styles->as_table();
  const TomlReader reader(path);
  if (table == nullptr) reader.fail(styles->source(), "'styles' must be a table");
  return reader.read(*table);
}

bool is_vale_config(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  return file.extension() == ".ini" ||
         std::find(std::begin(kValeConfigNames), std::end(kValeConfigNames), name) !=
             std::end(kValeConfigNames);
}

std::optional<StyleSettings> read_style_settings(const std::filesystem::path& file) {
  if (is_vale_config(file)) return parse_vale_ini(read_text(file), file);
  std::error_code error;
  // A copydesk.toml that cannot be read: the configuration's own loading says so.
  if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
  return toml_style_settings(read_text(file), file);
}

std::optional<StyleSettings> style_settings_in(const std::filesystem::path& directory) {
  std::error_code error;
  const std::filesystem::path config = directory / "copydesk.toml";
  if (std::filesystem::is_regular_file(config, error)) {
    if (auto settings = toml_style_settings(read_text(config), config)) return settings;
  }
  for (const std::string_view name : kValeConfigNames) {
    const std::filesystem::path vale = directory / name;
    if (std::filesystem::is_regular_file(vale, error)) return parse_vale_ini(read_text(vale), vale);
  }
  return std::nullopt;
}

std::optional<StyleSettings> discover_style_settings(const std::filesystem::path& directory) {
  std::error_code error;
  for (std::filesystem::path at = std::filesystem::absolute(directory, error); !at.empty();
       at = at.parent_path()) {
    if (auto settings = style_settings_in(at)) return settings;
    if (at == at.root_path()) break;
  }
  return std::nullopt;
}

}  // namespace copydesk::vale
