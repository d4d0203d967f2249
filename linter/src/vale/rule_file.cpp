#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

std::string position_of(const std::filesystem::path& path, YamlMark mark) {
  return path.string() + ":" + std::to_string(mark.line) + ":" + std::to_string(mark.column);
}

ScopeSelection parse_scope(const RuleFile& file, const std::string& name) {
  try {
    return parse_scope_selection(name);
  } catch (const std::invalid_argument& error) {
    file.fail("scope", error.what());
  }
}

Severity parse_level(const RuleFile& file, const std::string& level) {
  if (level.empty() || level == "warning") return Severity::Warning;
  if (level == "suggestion") return Severity::Info;
  if (level == "error") return Severity::Error;
  file.fail("level", "level '" + level + "' is not one of suggestion, warning, error");
}

}  // namespace

RuleFile::RuleFile(std::filesystem::path path, std::string id, YamlNode root,
                   std::vector<std::string> accepted)
    : path_(std::move(path)),
      id_(std::move(id)),
      root_(std::move(root)),
      accepted_(std::move(accepted)) {
  if (!root_.is_map()) {
    throw StyleError(position_of(path_, root_.mark()) + ": a rule file must be a YAML mapping");
  }
  extends_ = string("extends");
  if (extends_.empty()) fail("extends", "the rule has no 'extends' (its type)");
  message_ = string("message");
  description_ = string("description");
  link_ = string("link");
  severity_ = parse_level(*this, string("level"));
  // `scope` may be a list in Vale; the first entry decides here.
  const std::vector<std::string> scopes = strings("scope");
  scope_ = parse_scope(*this, scopes.empty() ? std::string() : scopes.front());
  ignore_case_ = boolean("ignorecase", false);
  if (const YamlNode& name = node("action")["name"]; name.is_scalar()) action_ = name.text();
}

bool RuleFile::has(std::string_view key) const { return static_cast<bool>(node(key)); }

void RuleFile::fail(std::string_view key, const std::string& problem) const {
  const YamlNode& at = node(key);
  throw StyleError(position_of(path_, at ? at.mark() : root_.mark()) + ": " + problem);
}

std::string RuleFile::string(std::string_view key, std::string_view fallback) const {
  const YamlNode& value = node(key);
  if (!value) return std::string(fallback);
  if (!value.is_scalar()) fail(key, "'" + std::string(key) + "' must be a string");
  return value.text();
}

bool RuleFile::boolean(std::string_view key, bool fallback) const {
  const YamlNode& value = node(key);
  if (!value) return fallback;
  const std::optional<bool> result = value.as_bool();
  if (!result) fail(key, "'" + std::string(key) + "' must be true or false");
  return *result;
}

std::int64_t RuleFile::integer(std::string_view key, std::int64_t fallback) const {
  const YamlNode& value = node(key);
  if (!value) return fallback;
  const std::optional<std::int64_t> result = value.as_integer();
  if (!result) fail(key, "'" + std::string(key) + "' must be a whole number");
  return *result;
}

std::vector<std::string> RuleFile::strings(std::string_view key) const {
  const YamlNode& value = node(key);
  if (!value || value.is_null()) return {};
  if (value.is_scalar()) return {value.text()};
  if (!value.is_sequence()) fail(key, "'" + std::string(key) + "' must be a list of strings");
  std::vector<std::string> result;
  for (const YamlNode& item : value.children()) {
    if (!item.is_scalar()) {
      throw StyleError(position_of(path_, item.mark()) + ": '" + std::string(key) +
                       "' must hold strings only");
    }
    result.push_back(item.text());
  }
  return result;
}

std::vector<std::pair<std::string, std::string>> RuleFile::string_pairs(
    std::string_view key) const {
  const YamlNode& value = node(key);
  if (!value || value.is_null()) return {};
  if (!value.is_map()) fail(key, "'" + std::string(key) + "' must be a mapping of strings");
  std::vector<std::pair<std::string, std::string>> result;
  for (std::size_t entry = 0; entry < value.entry_count(); ++entry) {
    const YamlNode& name = value.key_at(entry);
    const YamlNode& replacement = value.value_at(entry);
    if (!name.is_scalar() || !replacement.is_scalar()) {
      throw StyleError(position_of(path_, name.mark()) + ": '" + std::string(key) +
                       "' must map strings to strings");
    }
    result.emplace_back(name.text(), replacement.text());
  }
  return result;
}

Pattern RuleFile::pattern(std::string_view key, std::string_view source, bool ignore_case,
                          bool jit) const {
  return compiled(key, source, {.ignore_case = ignore_case, .origin = path_.string(), .jit = jit});
}

Pattern RuleFile::anchored_pattern(std::string_view key, std::string_view source,
                                   bool ignore_case) const {
  return compiled(key, source,
                  {.ignore_case = ignore_case, .origin = path_.string(), .anchored = true});
}

Pattern RuleFile::compiled(std::string_view key, std::string_view source,
                           PatternOptions options) const {
  try {
    return Pattern(source, std::move(options));
  } catch (const PatternError& error) {
    fail(key, "bad pattern '" + std::string(source) + "': " + error.what() + " at offset " +
                  std::to_string(error.offset()));
  }
}

std::unique_ptr<Pattern> RuleFile::whole_word_list(std::string_view key, bool ignore_case) const {
  std::vector<std::string> words = strings(key);
  if (key == "exceptions" && boolean("vocab", true) && !boolean("nonword", false)) {
    words.insert(words.end(), accepted_.begin(), accepted_.end());
  }
  if (words.empty()) return nullptr;
  std::string source = "(?:";
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) source += '|';
    source += words[i];
  }
  source += ')';
  return std::make_unique<Pattern>(pattern(key, source, ignore_case, false));
}

std::string format_message(std::string_view format, const std::vector<std::string_view>& values) {
  std::string result;
  result.reserve(format.size() + 16);
  std::size_t next = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '%' && i + 1 < format.size()) {
      if (format[i + 1] == 's') {
        if (next < values.size()) result += values[next++];
        ++i;
        continue;
      }
      if (format[i + 1] == '%') {
        result += '%';
        ++i;
        continue;
      }
    }
    result += format[i];
  }
  return result;
}

std::string without_captures(std::string_view source) {
  std::string result;
  result.reserve(source.size() + 8);
  bool in_class = false;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\' && i + 1 < source.size()) {
      result += c;
      result += source[++i];
      continue;
    }
    if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(' && (i + 1 >= source.size() || source[i + 1] != '?')) {
      result += "(?:";
      continue;
    }
    result += c;
  }
  return result;
}

}  // namespace copydesk::vale
