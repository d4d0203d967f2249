#pragma once

// One Vale rule, as its YAML file says it: the keys every type shares, read and checked here,
// and typed access to the type's own keys, whose errors name the file, line and column.

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/vale/check.hpp"
#include "copydesk/vale/pattern.hpp"
#include "copydesk/vale/yaml_tree.hpp"

namespace copydesk::vale {

// A style that cannot be loaded: "PATH:LINE:COLUMN: problem". Nothing is linted with it.
class StyleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class RuleFile {
 public:
  // Reads the keys every rule has (extends, message, level, scope, link, description,
  // ignorecase, nonword). Throws StyleError.
  // `accepted`: the words of the configured vocabularies (Vocab), which join every rule's
  // `exceptions` unless the rule says `vocab: false` or is `nonword`.
  RuleFile(std::filesystem::path path, std::string id, YamlNode root,
           std::vector<std::string> accepted = {});

  const std::filesystem::path& path() const { return path_; }
  const std::string& id() const { return id_; }  // "Style.Rule"
  const std::string& extends() const { return extends_; }
  const std::string& message() const { return message_; }
  const std::string& description() const { return description_; }
  const std::string& link() const { return link_; }
  Severity severity() const { return severity_; }
  Scope scope() const { return scope_.blocks; }
  const ScopeSelection& scope_selection() const { return scope_; }
  bool ignore_case() const { return ignore_case_; }
  const std::string& action() const { return action_; }  // `action: name:`, or empty

  bool has(std::string_view key) const;
  // The value under `key` as written (Absent if missing), for keys of a type's own shape
  // (sequence's token maps).
  const YamlNode& node(std::string_view key) const { return root_[key]; }
  std::string string(std::string_view key, std::string_view fallback = {}) const;
  bool boolean(std::string_view key, bool fallback) const;
  std::int64_t integer(std::string_view key, std::int64_t fallback) const;
  // A list of strings; a single string counts as a list of one.
  std::vector<std::string> strings(std::string_view key) const;
  // A mapping of strings in file order (substitution's `swap`).
  std::vector<std::pair<std::string, std::string>> string_pairs(std::string_view key) const;

  // Compiles `source`, written under `key`; a bad pattern is a StyleError at that key.
  Pattern pattern(std::string_view key, std::string_view source, bool ignore_case,
                  bool jit = true) const;
  // The same, compiled anchored (PatternOptions::anchored).
  Pattern anchored_pattern(std::string_view key, std::string_view source, bool ignore_case) const;
  // The rule's `exceptions` (or another list `key`) as one pattern that must match a whole
  // text; null when the list is empty.
  std::unique_ptr<Pattern> whole_word_list(std::string_view key, bool ignore_case) const;

  [[noreturn]] void fail(std::string_view key, const std::string& problem) const;

 private:
  Pattern compiled(std::string_view key, std::string_view source, PatternOptions options) const;

  std::filesystem::path path_;
  std::string id_;
  YamlNode root_;
  std::string extends_, message_, description_, link_;
  Severity severity_ = Severity::Warning;
  ScopeSelection scope_;
  bool ignore_case_ = false;
  std::string action_;
  std::vector<std::string> accepted_;
};

// Vale's `%s` filling: each `%s` of `format` takes the next of `values` (Go's Sprintf with
// string arguments; "%%" is a literal '%').
std::string format_message(std::string_view format, const std::vector<std::string_view>& values);

// Makes the capture groups of a pattern non-capturing, as Vale does for `swap` keys and
// `tokens`, so that group numbers stay those of the rule's own alternation.
std::string without_captures(std::string_view source);

}  // namespace copydesk::vale
