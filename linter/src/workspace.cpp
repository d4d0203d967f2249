// The Workspace: which configuration governs each file, the settings that result (with the
// command line over them), and one engine per distinct result.

#include "copydesk/workspace.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <sstream>

#include "copydesk/registry.hpp"
#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/styles.hpp"
#include "paths.hpp"

namespace copydesk {

namespace fs = std::filesystem;

namespace {

// `path` relative to the current directory when it lies inside it, as the user thinks of it.
fs::path for_display(const fs::path& path) {
  std::error_code error;
  const fs::path current = fs::current_path(error);
  if (error) return path;
  const fs::path relative = path.lexically_relative(current);
  if (relative.empty() || *relative.begin() == "..") return path;
  return relative;
}

void add_unique(std::vector<std::string>& ids, const std::string& id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

void remove(std::vector<std::string>& ids, const std::string& id) {
  ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
}

void apply(const ConfigLayer& layer, const Registry& registry, EngineOptions& options) {
  if (layer.language) options.language = *layer.language;
  for (const auto& [id, rule] : layer.rules) {
    if (rule.enabled) {
      remove(*rule.enabled ? options.disable : options.enable, id);
      add_unique(*rule.enabled ? options.enable : options.disable, id);
    }
    if (rule.severity) options.severities[id] = *rule.severity;
    if (rule.options.empty()) continue;
    const RuleEntry* entry = registry.find(id);
    if (entry == nullptr) continue;  // a style rule of another folder's styles
    auto [at, added] = options.rule_options.try_emplace(id);
    if (added) at->second = RuleOptions::defaults(entry->meta.options);
    for (const auto& [name, value] : rule.options) at->second.set(name, value);
  }
  options.accepted_lists.insert(options.accepted_lists.end(), layer.accepted_lists.begin(),
                                layer.accepted_lists.end());
  options.rejected_lists.insert(options.rejected_lists.end(), layer.rejected_lists.begin(),
                                layer.rejected_lists.end());
}

}  // namespace

Workspace::Workspace(const Registry& registry, CommandLineSettings command_line,
                     vale::StyleCatalog* styles)
    : registry_(registry),
      command_line_(std::move(command_line)),
      own_styles_(styles != nullptr ? nullptr : std::make_unique<vale::StyleCatalog>(registry)),
      styles_(styles != nullptr ? styles : own_styles_.get()) {}

Workspace::~Workspace() = default;

const vale::StyleSet* Workspace::styles_for(const Input& input) {
  try {
    if (command_line_.config_file) return styles_->for_settings_file(*command_line_.config_file);
    if (input.path.empty()) return styles_in(fs::current_path());
    // Cached by the directory as given, as config_for_file does.
    const std::string_view native = input.path.native();
    const std::size_t slash = native.rfind('/');
    std::string given(slash == std::string_view::npos ? std::string_view{}
                                                      : native.substr(0, slash + 1));
    if (const auto known = styles_by_given_directory_.find(given);
        known != styles_by_given_directory_.end()) {
      return known->second;
    }
    const vale::StyleSet* found = styles_in(absolute_normal(input.path).parent_path());
    styles_by_given_directory_.emplace(std::move(given), found);
    return found;
  } catch (const fs::filesystem_error& error) {
    throw ConfigError(error.what());
  }
}

const vale::StyleSet* Workspace::styles_in(const fs::path& directory) {
  try {
    return styles_->for_directory(directory);
  } catch (const vale::StyleError& error) {
    throw ConfigError(error.what());
  }
}

const Registry& Workspace::registry_in(const fs::path& directory) {
  const vale::StyleSet* styles = styles_in(directory);
  return styles != nullptr ? styles->registry : registry_;
}

const ProjectConfig* Workspace::config_for(const Input& input) {
  if (command_line_.config_file) {
    // A Vale configuration given to --config brings styles only (styles_for).
    if (vale::is_vale_config(*command_line_.config_file)) return nullptr;
    if (loaded_.empty()) {
      const vale::StyleSet* styles = styles_for(input);
      loaded_.push_back(std::make_unique<ProjectConfig>(ProjectConfig::load(
          *command_line_.config_file, styles != nullptr ? styles->registry : registry_)));
    }
    return loaded_.front().get();
  }
  // Standard input named with --stdin-filename is configured as the file it names.
  if (input.path.empty()) {
    std::error_code error;
    const fs::path start = fs::current_path(error);
    return error ? nullptr : discover(start);
  }
  return config_for_file(input.path);
}

const ProjectConfig* Workspace::config_for_file(const fs::path& file) {
  if (command_line_.config_file) return config_for(Input{});  // the same for every file
  // The directory as given, with its slash ("news/", "/", or "" for the current one).
  const std::string_view native = file.native();
  const std::size_t slash = native.rfind('/');
  std::string given(slash == std::string_view::npos ? std::string_view{}
                                                    : native.substr(0, slash + 1));
  if (const auto known = by_given_directory_.find(given); known != by_given_directory_.end()) {
    return known->second;
  }
  const ProjectConfig* found = discover(absolute_normal(file).parent_path());
  by_given_directory_.emplace(std::move(given), found);
  return found;
}

const ProjectConfig* Workspace::discover(const fs::path& directory) {
  std::vector<fs::path> visited;
  const ProjectConfig* found = nullptr;
  for (fs::path at = directory;; at = at.parent_path()) {
    if (const auto known = by_directory_.find(at); known != by_directory_.end()) {
      found = known->second;
      break;
    }
    visited.push_back(at);
    const fs::path candidate = at / kConfigFileName;
    std::error_code error;
    if (fs::is_regular_file(candidate, error)) {
      loaded_.push_back(std::make_unique<ProjectConfig>(
          ProjectConfig::load(for_display(candidate), registry_in(at))));
      found = loaded_.back().get();
      break;
    }
    if (at == at.parent_path()) break;
  }
  for (const auto& path : visited) by_directory_[path] = found;
  return found;
}

Resolution Workspace::resolve(const Input& input) {
  Resolution resolution;
  resolution.styles = styles_for(input);
  resolution.registry = resolution.styles != nullptr ? &resolution.styles->registry : &registry_;
  resolution.config = config_for(input);
  const EngineOptions& flags = command_line_.options;
  EngineOptions& options = resolution.options;
  options.suggestions = flags.suggestions;
  if (resolution.config != nullptr) {
    apply(resolution.config->settings, *resolution.registry, options);
    if (!input.path.empty()) resolution.overrides = resolution.config->overrides_for(input.path);
    for (const std::size_t index : resolution.overrides) {
      apply(resolution.config->overrides[index].settings, *resolution.registry, options);
    }
  }
  // A copydesk.toml may name style rules that nearer settings (a .vale.ini in a subfolder)
  // replace for this file: those are not this file's rules. The command line's are checked.
  const auto foreign = [&](const std::string& id) {
    return id.find('.') != std::string::npos && resolution.registry->find(id) == nullptr;
  };
  std::erase_if(options.enable, foreign);
  std::erase_if(options.disable, foreign);
  if (command_line_.language_given) options.language = flags.language;
  for (const auto& id : flags.enable) {
    remove(options.disable, id);
    add_unique(options.enable, id);
  }
  for (const auto& id : flags.disable) {
    remove(options.enable, id);
    add_unique(options.disable, id);
  }
  resolution.word_files = command_line_.word_files;
  if (resolution.styles != nullptr) options.finding_filter = &resolution.styles->ignores;
  return resolution;
}

bool Workspace::walks_into(const fs::path& file) {
  const ProjectConfig* config = config_for_file(file);
  if (config == nullptr) return lintable_by_default(file);
  return config->walks_into(file) && !config->names_word_list(file);
}

bool Workspace::word_list(const Input& input) {
  if (input.path.empty()) return false;
  const ProjectConfig* config = config_for(input);
  return config != nullptr && config->names_word_list(input.path);
}

bool Workspace::excluded(const Input& input) {
  if (input.path.empty()) return false;
  const ProjectConfig* config = config_for(input);
  return config != nullptr && config->excluded(input.path);
}

const Engine& Workspace::engine_for(const Input& input) {
  Resolution resolution = resolve(input);
  // Files with the same configuration file and the same matching overrides share an engine.
  std::string key;
  for (std::size_t i = 0; i < loaded_.size(); ++i) {
    if (loaded_[i].get() == resolution.config) key = std::to_string(i);
  }
  for (const std::size_t index : resolution.overrides) {
    key.push_back(',');
    key += std::to_string(index);
  }
  // ... and the same styles.
  if (resolution.styles != nullptr)
    key += '|' + resolution.styles->styles.settings().source.string();
  auto& engine = engines_[key];
  if (!engine) {
    auto& spell = spell_checkers_[resolution.options.language];
    if (!spell) {
      try {
        spell = std::make_shared<SpellChecker>(resolution.options.language,
                                               resolution.options.suggestions);
      } catch (const std::runtime_error& error) {
        throw ConfigError(error.what());
      }
    }
    for (const auto& file : resolution.word_files) {
      resolution.options.accepted_lists.push_back(read_word_list(file));
    }
    engine = std::make_unique<Engine>(*resolution.registry, std::move(resolution.options), spell);
  }
  return *engine;
}

namespace {

const char* vale_level(Severity severity) {
  return severity == Severity::Error     ? "error"
         : severity == Severity::Warning ? "warning"
                                         : "suggestion";
}

// The house-style settings in effect for `display_path`: the sections that match it merged in
// order, as the rules see them.
toml::table styles_table(const vale::StyleSettings& settings, std::string_view display_path) {
  toml::table styles;
  styles.insert("settings", settings.source.string());
  styles.insert("path", settings.styles_path.string());
  styles.insert("min-level", vale_level(settings.min_level));
  toml::array vocab;
  for (const auto& name : settings.vocabularies) vocab.push_back(name);
  styles.insert("vocab", std::move(vocab));
  std::vector<std::string> based_on;
  std::map<std::string, std::string> rules;
  toml::array sections;
  for (const vale::StyleSection* section : vale::sections_for(settings, display_path)) {
    sections.push_back(section->header);
    for (const auto& style : section->based_on) add_unique(based_on, style);
    for (const auto& [rule, value] : section->rules) rules[rule] = value;
  }
  styles.insert("sections", std::move(sections));
  toml::array styles_named;
  for (const auto& style : based_on) styles_named.push_back(style);
  styles.insert("based-on", std::move(styles_named));
  toml::table rule_settings;
  for (const auto& [rule, value] : rules) {
    if (value == "YES" || value == "NO") {
      rule_settings.insert(rule, value == "YES");
    } else {
      rule_settings.insert(rule, value);
    }
  }
  styles.insert("rules", std::move(rule_settings));
  return styles;
}

}  // namespace

std::string describe(const Registry& shown, const Resolution& resolution,
                     std::string_view display_path, bool excluded) {
  const Registry& registry = resolution.registry != nullptr ? *resolution.registry : shown;
  std::ostringstream out;
  const ProjectConfig* config = resolution.config;
  const EngineOptions& options = resolution.options;
  out << "# Effective configuration for " << display_path << '\n';
  out << "# Configuration file: "
      << (config != nullptr ? config->path.string() : "none (built-in defaults)") << '\n';
  if (config != nullptr) {
    if (resolution.overrides.empty()) out << "# Overrides applied: none\n";
    for (const std::size_t index : resolution.overrides) {
      const ConfigOverride& entry = config->overrides[index];
      out << "# Override applied: " << config->path.string() << ':' << entry.line << " (files =";
      for (const Glob& glob : entry.files) out << ' ' << glob.pattern();
      out << ")\n";
    }
  }
  if (resolution.styles != nullptr) {
    out << "# House styles: " << resolution.styles->styles.settings().source.string() << '\n';
  }
  if (excluded) {
    out << "# Excluded by [files] exclude: skipped in folders and with --force-exclude\n";
  }

  toml::table table;
  table.insert("language", options.language);
  toml::table words;
  std::vector<const ConfigLayer*> layers;
  if (config != nullptr) {
    layers.push_back(&config->settings);
    for (const std::size_t index : resolution.overrides) {
      layers.push_back(&config->overrides[index].settings);
    }
  }
  const auto collect = [&](auto member, toml::array& array) {
    for (const ConfigLayer* layer : layers) {
      for (const auto& item : layer->*member)
        array.push_back(toml::value<std::string>(fs::path(item).string()));
    }
  };
  toml::array accept, reject, accept_files, reject_files;
  collect(&ConfigLayer::accept, accept);
  collect(&ConfigLayer::reject, reject);
  collect(&ConfigLayer::accept_files, accept_files);
  for (const auto& file : resolution.word_files) accept_files.push_back(file.string());
  collect(&ConfigLayer::reject_files, reject_files);
  words.insert("accept", std::move(accept));
  words.insert("accept-files", std::move(accept_files));
  words.insert("reject", std::move(reject));
  words.insert("reject-files", std::move(reject_files));
  table.insert("words", std::move(words));

  toml::table rules;
  for (const RuleEntry* entry : registry.entries()) {
    const std::string id(entry->meta.id);
    toml::table rule;
    rule.insert("enabled", rule_enabled(entry->meta, options) &&
                               (resolution.styles == nullptr ||
                                resolution.styles->styles.runs_on(id, display_path)));
    const auto severity = options.severities.find(id);
    rule.insert("severity", std::string(to_string(severity != options.severities.end()
                                                      ? severity->second
                                                      : entry->meta.default_severity)));
    const auto configured = options.rule_options.find(id);
    const RuleOptions values = configured != options.rule_options.end()
                                   ? configured->second
                                   : RuleOptions::defaults(entry->meta.options);
    for (const auto& [option, value] : values.values()) {
      const std::string& name = option;  // a structured binding cannot be captured (clang 14)
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::vector<std::string>>) {
              toml::array array;
              for (const auto& s : v) array.push_back(s);
              rule.insert(name, std::move(array));
            } else {
              rule.insert(name, v);
            }
          },
          value);
    }
    rules.insert(id, std::move(rule));
  }
  table.insert("rules", std::move(rules));
  if (resolution.styles != nullptr) {
    table.insert("styles", styles_table(resolution.styles->styles.settings(), display_path));
  }
  out << toml::toml_formatter(table) << '\n';
  return out.str();
}

}  // namespace copydesk
