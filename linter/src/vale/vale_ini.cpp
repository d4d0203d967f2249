// .vale.ini: Vale's project settings, read the way Vale reads them (found in the working
// directory or a parent; StylesPath relative to the file).

#include "copydesk/vale/rule_file.hpp"
#include "copydesk/vale/styles.hpp"

namespace copydesk::vale {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> comma_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find(',', begin), text.size());
    const std::string_view item = trimmed(text.substr(begin, end - begin));
    if (!item.empty()) items.emplace_back(item);
    begin = end + 1;
  }
  return items;
}

// A list of patterns: split at the commas outside groups, classes and braces, so that
// "(a|b), (c{1,2})" is two patterns.
std::vector<std::string> pattern_list(std::string_view text) {
  std::vector<std::string> patterns;
  int depth = 0;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ',';
    if (c == '\\') {
      ++i;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && (depth == 0 || i == text.size())) {  // the end closes the last
      if (const std::string_view item = trimmed(text.substr(begin, i - begin)); !item.empty()) {
        patterns.emplace_back(item);
      }
      begin = i + 1;
    }
  }
  return patterns;
}

// "*.{md,rst}" -> "*.md", "*.rst": Vale's globs have braces, ours do not.
std::vector<std::string> expand_braces(const std::string& pattern) {
  const auto open = pattern.find('{');
  const auto close = pattern.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {pattern};
  std::vector<std::string> expanded;
  for (const std::string& choice : comma_list(pattern.substr(open + 1, close - open - 1))) {
    for (std::string& rest :
         expand_braces(pattern.substr(0, open) + choice + pattern.substr(close + 1))) {
      expanded.push_back(std::move(rest));
    }
  }
  return expanded;
}

std::optional<Severity> parse_vale_level(std::string_view level) {
  if (level == "suggestion") return Severity::Info;
  if (level == "warning") return Severity::Warning;
  if (level == "error") return Severity::Error;
  return std::nullopt;
}

[[noreturn]] void fail(const std::filesystem::path& path, std::size_t line,
                       const std::string& problem) {
  throw StyleError(path.string() + ":" + std::to_string(line) + ": " + problem);
}

struct IniReader {
  const std::filesystem::path& path;
  StyleSettings& settings;
  StyleSection* section = nullptr;  // null: the top level
  std::size_t line = 0;

  void header(std::string_view name) {
    if (name == "formats" || name == "adoc" || name == "asciidoctor") {
      section = nullptr;  // sections of options copydesk has no use for
      return;
    }
    StyleSection added{.header = std::string(name)};
    for (const std::string& pattern : expand_braces(added.header)) {
      try {
        added.files.emplace_back(pattern);
      } catch (const std::invalid_argument& error) {
        fail(path, line, "bad glob '" + pattern + "': " + error.what());
      }
    }
    settings.sections.push_back(std::move(added));
    section = &settings.sections.back();
  }

  void top_level(std::string_view key, std::string_view value) {
    if (key == "StylesPath") {
      settings.styles_path = (path.parent_path() / std::string(value)).lexically_normal();
    } else if (key == "MinAlertLevel") {
      const auto level = parse_vale_level(value);
      if (!level) fail(path, line, "MinAlertLevel must be suggestion, warning or error");
      settings.min_level = *level;
    } else if (key == "Vocab") {
      settings.vocabularies = comma_list(value);
    } else if (key == "IgnoredScopes" || key == "SkippedScopes") {
      for (std::string& name : comma_list(value)) settings.ignored_elements.push_back(name);
    }
    // Other keys (Packages, IgnoredScopes, WordTemplate...) change nothing copydesk does.
  }

  void in_section(std::string_view key, std::string_view value) {
    if (key == "BlockIgnores" || key == "IgnorePatterns" || key == "TokenIgnores") {
      auto& list = key == "TokenIgnores" ? section->token_ignores : section->block_ignores;
      for (std::string& pattern : pattern_list(value)) {
        list.push_back(SettingsPattern{.source = std::move(pattern), .line = line});
      }
    } else if (key == "BasedOnStyles") {
      for (std::string& style : comma_list(value)) {
        if (style == kBuiltinStyleName) settings.builtin_rules = true;
        section->based_on.push_back(std::move(style));
      }
    } else if (key.find('.') != std::string_view::npos) {
      if (value != "YES" && value != "NO" && !parse_vale_level(value)) {
        fail(path, line,
             "'" + std::string(key) + "' must be YES, NO, suggestion, warning or error");
      }
      section->rules[std::string(key)] = std::string(value);
    }
  }

  void read(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
      const std::size_t end = std::min(text.find('\n', begin), text.size());
      ++line;
      const std::string_view content = trimmed(text.substr(begin, end - begin));
      begin = end + 1;
      if (content.empty() || content[0] == '#' || content[0] == ';') continue;
      if (content.front() == '[' && content.back() == ']') {
        header(trimmed(content.substr(1, content.size() - 2)));
        continue;
      }
      const auto equals = content.find('=');
      if (equals == std::string_view::npos) fail(path, line, "expected 'key = value'");
      const std::string_view key = trimmed(content.substr(0, equals));
      const std::string_view value = trimmed(content.substr(equals + 1));
      if (section != nullptr) {
        in_section(key, value);
      } else {
        top_level(key, value);
      }
    }
  }
};

}  // namespace

StyleSettings parse_vale_ini(std::string_view text, const std::filesystem::path& path) {
  StyleSettings settings{.source = path, .builtin_rules = false};
  settings.styles_path = path.parent_path();
  IniReader{.path = path, .settings = settings}.read(text);
  return settings;
}

}  // namespace copydesk::vale
