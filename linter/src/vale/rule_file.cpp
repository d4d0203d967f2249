#include "copydesk/vale/rule_file.hpp"

namespace copydesk::vale {
namespace {

std::string position_of(const std::filesystem::path& path, const YAML::Mark& mark) {
  // yaml-cpp counts from 0; a mark of -1 means "unknown".
  const int line = mark.line >= 0 ? mark.line + 1 : 1;
  const int column = mark.column >= 0 ? mark.column + 1 : 1;
  return path.string() + ":" + std::to_string(line) + ":" + std::to_string(column);
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

RuleFile::RuleFile(std::filesystem::path path, std::string id, YAML::Node root,
                   std::vector<std::string> accepted)
    : path_(std::move(path)),
      id_(std::move(id)),
      root_(std::move(root)),
      accepted_(std::move(accepted)) {
  if (!root_.IsMap()) {
    throw StyleError(position_of(path_, root_.Mark()) + ": a rule file must be a YAML mapping");
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
  if (const YAML::Node action = node("action");
      action && action.IsMap() && action["name"] && action["name"].IsScalar()) {
    action_ = action["name"].Scalar();
  }
}

YAML::Node RuleFile::node(std::string_view key) const { return root_[std::string(key)]; }

bool RuleFile::has(std::string_view key) const { return static_cast<bool>(node(key)); }

void RuleFile::fail(std::string_view key, const std::string& problem) const {
  const YAML::Node at = node(key);
  throw StyleError(position_of(path_, at ? at.Mark() : root_.Mark()) + ": " + problem);
}

std::string RuleFile::string(std::string_view key, std::string_view fallback) const {
  const YAML::Node value = node(key);
  if (!value) return std::string(fallback);
  if (!value.IsScalar()) fail(key, "'" + std::string(key) + "' must be a string");
  return value.Scalar();
}

bool RuleFile::boolean(std::string_view key, bool fallback) const {
  const YAML::Node value = node(key);
  if (!value) return fallback;
  bool result = false;
  if (!value.IsScalar() || !YAML::convert<bool>::decode(value, result)) {
    fail(key, "'" + std::string(key) + "' must be true or false");
  }
  return result;
}

std::int64_t RuleFile::integer(std::string_view key, std::int64_t fallback) const {
  const YAML::Node value = node(key);
  if (!value) return fallback;
  long long result = 0;
  if (!value.IsScalar() || !YAML::convert<long long>::decode(value, result)) {
    fail(key, "'" + std::string(key) + "' must be a whole number");
  }
  return result;
}

std::vector<std::string> RuleFile::strings(std::string_view key) const {
  const YAML::Node value = node(key);
  if (!value || value.IsNull()) return {};
  if (value.IsScalar()) return {value.Scalar()};
  if (!value.IsSequence()) fail(key, "'" + std::string(key) + "' must be a list of strings");
  std::vector<std::string> result;
  for (const YAML::Node& item : value) {
    if (!item.IsScalar()) {
      throw StyleError(position_of(path_, item.Mark()) + ": '" + std::string(key) +
                       "' must hold strings only");
    }
    result.push_back(item.Scalar());
  }
  return result;
}

std::vector<std::pair<std::string, std::string>> RuleFile::string_pairs(
    std::string_view key) const {
  const YAML::Node value = node(key);
  if (!value || value.IsNull()) return {};
  if (!value.IsMap()) fail(key, "'" + std::string(key) + "' must be a mapping of strings");
  std::vector<std::pair<std::string, std::string>> result;
  for (const auto& item : value) {
    if (!item.first.IsScalar() || !item.second.IsScalar()) {
      throw StyleError(position_of(path_, item.first.Mark()) + ": '" + std::string(key) +
                       "' must map strings to strings");
    }
    result.emplace_back(item.first.Scalar(), item.second.Scalar());
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
