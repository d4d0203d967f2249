#include "copydesk/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "copydesk/registry.hpp"
#include "copydesk/text.hpp"
#include "option_values.hpp"
#include "paths.hpp"

namespace copydesk {

namespace fs = std::filesystem;

namespace {

// A configuration is a page of settings: anything far larger is not one, and parsing it would
// only cost time and memory.
constexpr std::uintmax_t kLargestConfig = std::uintmax_t{1} << 20;

std::string_view type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

// Appended rather than with operator+, on which g++ 12 warns wrongly (-Wrestrict, GCC bug
// 105329) once inlined.
std::string in_quotes(std::string_view text) {
  std::string quoted(1, '\'');
  return quoted.append(text).append(1, '\'');
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  return copydesk::did_you_mean(closest_name(word, candidates));
}

// Line and column (1-based, in code points) of byte `offset` in valid UTF-8 `text`.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

class Parser {
 public:
  Parser(const fs::path& path, const fs::path& directory, const Registry& registry)
      : path_(path), directory_(directory), registry_(registry) {}

  ProjectConfig parse(std::string_view text) {
    check_encoding(text);
    check_key_depth(text);
    toml::table root;
    try {
      root = toml::parse(text, path_.string());
    } catch (const toml::parse_error& error) {
      fail(error.source(), std::string(error.description()));
    }
    ProjectConfig config;
    config.path = path_;
    config.directory = directory_;
    // [styles] (house styles in Vale's format) is read by vale::discover_style_settings.
    check_keys(root, {"language", "words", "files", "rules", "overrides", "styles"});
    config.settings = layer(root);
    if (const toml::node* files = root.get("files")) {
      const toml::table& table = table_of(*files, "'files'");
      check_keys(table, {"include", "exclude"});
      if (const toml::node* include = table.get("include"))
        config.include = globs(*include, "'include'");
      if (const toml::node* exclude = table.get("exclude"))
        config.exclude = globs(*exclude, "'exclude'");
    }
    if (const toml::node* overrides = root.get("overrides")) {
      const toml::array* array = overrides->as_array();
      if (array == nullptr || (!array->empty() && !array->is_array_of_tables())) {
        const std::string_view found =
            array != nullptr ? "an array of other values" : type_name(overrides->type());
        fail(overrides->source(),
             "'overrides' must be an array of tables ([[overrides]]), not " + std::string(found));
      }
      for (const toml::node& element : *array) {
        const toml::table& table = *element.as_table();
        check_keys(table, {"files", "language", "words", "rules"});
        const toml::node* files = table.get("files");
        if (files == nullptr)
          fail(table.source(), "an override needs 'files', the globs it applies to");
        ConfigOverride entry;
        entry.files = globs(*files, "'files'");
        if (entry.files.empty()) fail(files->source(), "'files' of an override lists no glob");
        entry.settings = layer(table);
        entry.line = table.source().begin.line;
        config.overrides.push_back(std::move(entry));
      }
    }
    return config;
  }

 private:
  [[noreturn]] void fail(const toml::source_region& where, const std::string& problem) const {
    fail_at(where.begin.line, where.begin.column, problem);
  }

  [[noreturn]] void fail_at(std::size_t line, std::size_t column,
                            const std::string& problem) const {
    throw ConfigError(path_.string() + ":" + std::to_string(line) + ":" + std::to_string(column) +
                      ": " + problem);
  }

  void check_encoding(std::string_view text) const {
    if (const auto bad = find_invalid_utf8(text)) {
      const auto [line, column] = line_and_column(text, *bad);
      fail_at(line, column, "invalid UTF-8 (byte " + std::to_string(*bad) + ")");
    }
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
      const auto [line, column] = line_and_column(text, nul);
      fail_at(line, column, "a NUL byte: this is a binary file, not TOML");
    }
  }

  // toml++ builds a table per part of a dotted key ("a.b.c = 1") and recurses through them, so
  // a key of a hundred thousand parts overflows the stack. copydesk.toml needs four at most
  // ("overrides.rules.<id>.<key>"); a key of kDeepestKey parts or more is refused before
  // parsing. A light scan: strings and comments are skipped, and keys joined by dots counted.
  void check_key_depth(std::string_view text) const {
    constexpr std::size_t kDeepestKey = 16;
    const auto bare = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_' || c == '-';
    };
    std::size_t dots = 0;    // in the current run of keys
    bool after_key = false;  // the last token was a key or a string
    for (std::size_t i = 0; i < text.size();) {
      const char c = text[i];
      if (c == '#') {
        i = std::min(text.find('\n', i), text.size());
        continue;
      }
      if (c == '"' || c == '\'') {
        i = string_end(text, i);
        after_key = true;
        continue;
      }
      if (bare(c)) {
        while (i < text.size() && bare(text[i])) ++i;
        after_key = true;
        continue;
      }
      if (c == '.' && after_key) {
        if (++dots + 1 >= kDeepestKey) {
          const auto [line, column] = line_and_column(text, i);
          fail_at(line, column,
                  "a dotted key of " + std::to_string(kDeepestKey) +
                      " parts or more; copydesk.toml needs four at most");
        }
        after_key = false;
        ++i;
        continue;
      }
      if (c != ' ' && c != '\t') {
        dots = 0;
        after_key = false;
      }
      ++i;
    }
  }

  // The offset past the string that starts at `begin` (basic or literal, on one line or
  // several); an unterminated one ends at its line's end, and the parser reports it.
  static std::size_t string_end(std::string_view text, std::size_t begin) {
    const char quote = text[begin];
    const std::string triple(3, quote);
    const bool multi_line = text.substr(begin, 3) == triple;
    std::size_t at = begin + (multi_line ? 3 : 1);
    while (at < text.size()) {
      if (quote == '"' && text[at] == '\\') {
        at += 2;
      } else if (multi_line ? text.substr(at, 3) == triple : text[at] == quote) {
        return at + (multi_line ? 3 : 1);
      } else if (!multi_line && text[at] == '\n') {
        return at;
      } else {
        ++at;
      }
    }
    return text.size();
  }

  void check_keys(const toml::table& table, const std::vector<std::string_view>& allowed) const {
    for (const auto& [key, value] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
      fail(key.source(), "unknown key " + in_quotes(key.str()) + did_you_mean(key.str(), allowed));
    }
  }

  const toml::table& table_of(const toml::node& node, std::string_view what) const {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      fail(node.source(),
           std::string(what) + " must be a table, not " + std::string(type_name(node.type())));
    }
    return *table;
  }

  const std::string& string_of(const toml::node& node, std::string_view what) const {
    if (!node.is_string()) {
      fail(node.source(),
           std::string(what) + " must be a string, not " + std::string(type_name(node.type())));
    }
    return node.as_string()->get();
  }

  const toml::array& array_of(const toml::node& node, std::string_view what) const {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      fail(node.source(), std::string(what) + " must be an array of strings, not " +
                              std::string(type_name(node.type())));
    }
    return *array;
  }

  std::vector<Glob> globs(const toml::node& node, std::string_view what) const {
    std::vector<Glob> result;
    for (const toml::node& element : array_of(node, what)) {
      try {
        result.emplace_back(string_of(element, "a glob"));
      } catch (const std::invalid_argument& error) {
        fail(element.source(),
             "invalid glob " + in_quotes(element.as_string()->get()) + ": " + error.what());
      }
    }
    return result;
  }

  ConfigLayer layer(const toml::table& table) const {
    ConfigLayer layer;
    if (const toml::node* language = table.get("language")) {
      const std::string& name = string_of(*language, "'language'");
      if (!dictionaries_) dictionaries_ = available_dictionaries();
      const std::vector<std::string>& available = *dictionaries_;
      if (std::find(available.begin(), available.end(), name) == available.end()) {
        std::string list;
        for (const auto& known : available) list += (list.empty() ? "" : ", ") + known;
        std::vector<std::string_view> candidates(available.begin(), available.end());
        fail(language->source(), "no Hunspell dictionary " + in_quotes(name) +
                                     did_you_mean(name, candidates) +
                                     " (installed: " + (list.empty() ? "none" : list) + ")");
      }
      layer.language = name;
    }
    if (const toml::node* words = table.get("words"))
      read_words(table_of(*words, "'words'"), layer);
    if (const toml::node* rules = table.get("rules"))
      read_rules(table_of(*rules, "'rules'"), layer);
    return layer;
  }

  void read_words(const toml::table& table, ConfigLayer& layer) const {
    check_keys(table, {"accept", "reject", "accept-files", "reject-files"});
    const auto inline_words = [&](std::string_view key, std::vector<std::string>& words,
                                  std::vector<std::string>& lists) {
      const toml::node* node = table.get(key);
      if (node == nullptr) return;
      std::string list;
      for (const toml::node& element : array_of(*node, in_quotes(key))) {
        const std::string& word = string_of(element, "a word");
        const bool blank = word.find_first_of(" \t\r\n\f\v") != std::string::npos;
        if (word.empty() || blank) {
          fail(element.source(), "a word must be one word without spaces, not " + in_quotes(word));
        }
        if (word.front() == '#') fail(element.source(), "a word cannot start with '#'");
        words.push_back(word);
        list.append(word).push_back('\n');
      }
      lists.push_back(std::move(list));
    };
    inline_words("accept", layer.accept, layer.accepted_lists);
    inline_words("reject", layer.reject, layer.rejected_lists);
    const auto files = [&](std::string_view key, std::vector<fs::path>& paths,
                           std::vector<std::string>& lists) {
      const toml::node* node = table.get(key);
      if (node == nullptr) return;
      for (const toml::node& element : array_of(*node, in_quotes(key))) {
        const std::string& name = string_of(element, "a word file");
        if (name.empty()) fail(element.source(), "the word file name is empty");
        // Relative to the configuration's folder, reached through the path the configuration
        // was named by, so that messages show a path the user can type.
        const fs::path path = path_.parent_path() / name;
        try {
          lists.push_back(read_word_list(path));
        } catch (const ConfigError& error) {
          fail(element.source(), error.what());
        }
        paths.push_back(path);
      }
    };
    files("accept-files", layer.accept_files, layer.accepted_lists);
    files("reject-files", layer.reject_files, layer.rejected_lists);
  }

  void read_rules(const toml::table& table, ConfigLayer& layer) const {
    const Registry& registry = registry_;
    for (const auto& [key, node] : table) {
      const RuleEntry* entry = registry.find(key.str());
      if (entry == nullptr) {
        fail(key.source(), "unknown rule " + in_quotes(key.str()) +
                               copydesk::did_you_mean(registry.closest(key.str())) +
                               " (see copydesk --list-rules)");
      }
      if (node.is_boolean()) {
        fail(node.source(), "a rule takes a table of settings: write 'enabled = " +
                                std::string(node.as_boolean()->get() ? "true" : "false") +
                                "' under [rules." + std::string(key.str()) + "]");
      }
      const toml::table& settings = table_of(node, "the settings of rule " + in_quotes(key.str()));
      std::vector<std::string_view> allowed{"enabled", "severity"};
      for (const OptionSpec& option : entry->meta.options) allowed.push_back(option.name);
      check_keys(settings, allowed);
      ConfigLayer::RuleSettings& rule = layer.rules[std::string(key.str())];
      if (const toml::node* enabled = settings.get("enabled")) {
        if (!enabled->is_boolean()) {
          fail(enabled->source(),
               "'enabled' must be true or false, not " + std::string(type_name(enabled->type())));
        }
        rule.enabled = enabled->as_boolean()->get();
      }
      if (const toml::node* severity = settings.get("severity")) {
        const std::string& name = string_of(*severity, "'severity'");
        rule.severity = parse_severity(name);
        if (!rule.severity) {
          fail(severity->source(), "'severity' must be \"error\", \"warning\" or \"info\", not " +
                                       in_quotes(name) +
                                       did_you_mean(name, {"error", "warning", "info"}));
        }
      }
      for (const OptionSpec& option : entry->meta.options) {
        if (const toml::node* value = settings.get(option.name)) {
          rule.options[std::string(option.name)] = option_value(*value, option);
        }
      }
    }
  }

  OptionValue option_value(const toml::node& node, const OptionSpec& option) const {
    std::optional<OptionValue> value = to_option_value(node, option.type);
    if (!value) {
      fail(node.source(), in_quotes(option.name) + " must be " +
                              std::string(type_name(option.type)) + ", not " +
                              std::string(type_name(node.type())));
    }
    if (option.choices == nullptr) return *value;
    // Computed once per file: a rule may have to read its data to know them.
    auto [cached, added] = choices_.try_emplace(&option);
    if (added) cached->second = option.choices();
    const std::vector<std::string>& choices = cached->second;
    const std::vector<std::string_view> candidates(choices.begin(), choices.end());
    const auto check = [&](const toml::node& at, const std::string& chosen) {
      if (std::find(choices.begin(), choices.end(), chosen) != choices.end()) return;
      fail(at.source(), in_quotes(chosen) + " is not a value of " + in_quotes(option.name) +
                            did_you_mean(chosen, candidates));
    };
    if (node.is_string()) check(node, node.as_string()->get());
    if (const toml::array* array = node.as_array()) {
      for (const toml::node& element : *array) check(element, element.as_string()->get());
    }
    return *value;
  }

  fs::path path_;
  fs::path directory_;
  const Registry& registry_;
  // Looked up on first need, once however many tables ask.
  mutable std::optional<std::vector<std::string>> dictionaries_;
  mutable std::map<const OptionSpec*, std::vector<std::string>> choices_;
};

// `file` relative to `directory`, '/'-separated; nullopt when it is not inside it.
std::optional<std::string> relative_inside(const fs::path& directory, const fs::path& file) {
  const fs::path relative = absolute_normal(file).lexically_relative(directory);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative.generic_string();
}

bool any_matches(const std::vector<Glob>& globs, std::string_view path) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const Glob& glob) { return glob.matches(path); });
}

}  // namespace

ProjectConfig ProjectConfig::load(const fs::path& path, const Registry& registry) {
  std::error_code error;
  const auto status = fs::status(path, error);
  if (!fs::exists(status)) throw ConfigError(path.string() + ": no such configuration file");
  if (!fs::is_regular_file(status)) {
    throw ConfigError(path.string() + ": the configuration is not a regular file");
  }
  const std::uintmax_t size = fs::file_size(path, error);
  if (!error && size > kLargestConfig) {
    throw ConfigError(path.string() + ": the configuration is too large (" + std::to_string(size) +
                      " bytes; the limit is 1 MiB)");
  }
  std::ifstream in(path, std::ios::binary);
  std::string text;
  if (in) {
    // At most one byte past the limit, should the file grow after the size was taken.
    text.resize(static_cast<std::size_t>(kLargestConfig) + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (!in && !in.eof()) {
    throw ConfigError(path.string() + ": cannot read the configuration: " +
                      std::error_code(errno, std::generic_category()).message());
  }
  if (text.size() > kLargestConfig) {
    throw ConfigError(path.string() + ": the configuration is too large (the limit is 1 MiB)");
  }
  return parse(text, path, absolute_normal(path).parent_path(), registry);
}

ProjectConfig ProjectConfig::parse(std::string_view text, const fs::path& path,
                                   const fs::path& directory, const Registry& registry) {
  return Parser(path, directory, registry).parse(text);
}

bool ProjectConfig::walks_into(const fs::path& file) const {
  const auto relative = relative_inside(directory, file);
  if (!relative) return lintable_by_default(file);
  return (include.empty() ? lintable_by_default(file) : any_matches(include, *relative)) &&
         !any_matches(exclude, *relative);
}

bool ProjectConfig::excluded(const fs::path& file) const {
  const auto relative = relative_inside(directory, file);
  return relative && any_matches(exclude, *relative);
}

bool ProjectConfig::names_word_list(const fs::path& file) const {
  std::vector<const fs::path*> lists;
  const auto add = [&](const ConfigLayer& layer) {
    for (const auto& path : layer.accept_files) lists.push_back(&path);
    for (const auto& path : layer.reject_files) lists.push_back(&path);
  };
  add(settings);
  for (const auto& entry : overrides) add(entry.settings);
  // Names first: most walks meet no file named like a word list, and then need no system call.
  const fs::path name = file.filename();
  return std::any_of(lists.begin(), lists.end(), [&](const fs::path* list) {
    return list->filename() == name && absolute_normal(*list) == absolute_normal(file);
  });
}

std::vector<std::size_t> ProjectConfig::overrides_for(const fs::path& file) const {
  std::vector<std::size_t> matching;
  const auto relative = relative_inside(directory, file);
  if (!relative) return matching;
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    if (any_matches(overrides[i].files, *relative)) matching.push_back(i);
  }
  return matching;
}

std::string_view starter_config() {
  return R"(# copydesk.toml: settings for the articles in this folder and the folders below it.
# copydesk uses the first copydesk.toml it finds walking up from each file's folder (or the
# file given with --config). Command-line flags (--lang, --enable, --disable, --words) win
# over this file. Every key is described in docs/configuration.md of copydesk.
# Paths and globs below are relative to the folder of this file.

# The Hunspell dictionary to spell-check against: the edition's spelling.
language = "en_US"
# language = "en_GB"

[words]
# Names and terms of the house that the dictionary lacks. A lowercase entry also accepts the
# capitalized word; a capitalized entry matches only as written.
# accept = ["copydesk", "Brexiteer"]
# Word lists, one word a line, '#' starting a comment.
# accept-files = ["house-names.txt"]
# Words the house style forbids although the dictionary knows them: misspelled-word flags them.
# reject = ["alot", "judgement"]
# reject-files = ["banned-words.txt"]

[files]
# Which files a directory walk lints (named files are always linted, unless --force-exclude).
# A glob without '/' matches a name in any folder; one with '/' starts at this folder; '**'
# stands for any number of folders. A matching folder takes everything in it along.
# include = ["*.md", "*.txt"]
# exclude = ["drafts", "archive/**/*.txt"]

# Each rule can be switched on or off, given another severity ("error", "warning" or "info")
# and, where it has any, options. `copydesk --list-rules` lists the rules and
# `copydesk --explain RULE` documents each, options included.
[rules.misspelled-word]
# severity = "warning"

[rules.confused-word]
# enabled = false
# Pairs of the rule's word list that this desk wants left alone.
# skip-pairs = ["loose->lose"]

[rules.repeated-word]
# severity = "error"

# Overrides: settings for the files that match `files`; later overrides win over earlier ones.
# [[overrides]]
# files = ["news/**"]
# language = "en_GB"
# [overrides.rules.confused-word]
# severity = "error"
)";
}

}  // namespace copydesk
