#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "copydesk/data_lists.hpp"
#include "copydesk/diagnostic.hpp"
#include "copydesk/document.hpp"

namespace copydesk {

class SpellChecker;
class WordSet;

// A setting a rule accepts in copydesk.toml (`[rules.<id>] name = value`). The configuration
// checks names, types and allowed values against these declarations before any rule is built.
enum class OptionType : std::uint8_t { Boolean, Integer, String, StringList };

struct OptionSpec {
  std::string_view name;  // kebab-case key
  OptionType type = OptionType::Boolean;
  std::string_view default_value;  // as TOML: "false", "3", "\"text\"", "[]"
  // The values a String or each entry of a StringList may take; null when any is fine.
  std::vector<std::string> (*choices)() = nullptr;
};

using OptionValue = std::variant<bool, std::int64_t, std::string, std::vector<std::string>>;

// A rule's option values: its declared defaults with the configuration's values over them.
class RuleOptions {
 public:
  // The declared defaults (throws std::logic_error when a declaration's default is not valid
  // TOML of its type: a programming error the registry test catches).
  static RuleOptions defaults(std::span<const OptionSpec> specs);

  void set(std::string_view name, OptionValue value);
  // Throw std::logic_error for a name the rule did not declare with that type.
  bool boolean(std::string_view name) const;
  std::int64_t integer(std::string_view name) const;
  const std::string& string(std::string_view name) const;
  const std::vector<std::string>& strings(std::string_view name) const;

  const std::map<std::string, OptionValue, std::less<>>& values() const { return values_; }
  friend bool operator==(const RuleOptions&, const RuleOptions&) = default;

 private:
  template <typename T>
  const T& get(std::string_view name) const;
  std::map<std::string, OptionValue, std::less<>> values_;
};

// What kind of problem a rule finds; shown by --list-rules and in SARIF.
enum class RuleCategory { Spelling, Grammar, Punctuation, Capitalization, Style, Suppression };

constexpr std::string_view to_string(RuleCategory category) {
  switch (category) {
    case RuleCategory::Spelling:
      return "spelling";
    case RuleCategory::Grammar:
      return "grammar";
    case RuleCategory::Punctuation:
      return "punctuation";
    case RuleCategory::Capitalization:
      return "capitalization";
    case RuleCategory::Style:
      return "style";
    case RuleCategory::Suppression:
      return "suppression";
  }
  return "";
}

struct RuleMeta {
  std::string_view id;  // kebab-case, names the problem; never changes once published
  RuleCategory category = RuleCategory::Grammar;
  Severity default_severity = Severity::Warning;
  std::string_view summary;  // one line, for --list-rules
  bool has_fix = false;      // some findings carry a Fix
  bool enabled_by_default = true;
  std::span<const OptionSpec> options{};  // what copydesk.toml may set under [rules.<id>]
  // The languages the rule knows ("en"), matched against the start of --lang ("en_GB"); empty:
  // every language. A rule that knows only English stays off for other languages unless
  // enabled by name.
  std::span<const std::string_view> languages{};
};

inline constexpr std::string_view kEnglishOnly[] = {"en"};

// Receives a rule's findings. The engine fills in the rule id and severity.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void report(Diagnostic diagnostic) = 0;
};

// Shared resources a rule may use, injected by the engine and shared by all documents.
struct RuleContext {
  const SpellChecker* spell = nullptr;  // the chosen language's dictionary
  const WordSet* accepted_words = nullptr;  // house list, the user's --words and config words
  // Words the house style forbids although the dictionary knows them ("alot", "judgement").
  const WordSet* rejected_words = nullptr;
  // This rule's options; the engine sets them for every rule it builds.
  const RuleOptions* options = nullptr;
  // The data files rules read (dictionaries/*.txt), each parsed once per process.
  const DataLists* lists = &DataLists::builtin();
};

// A check. Stateless after construction: `check` may run on many documents at once.
class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void check(const Document& document, Sink& sink) const = 0;
};

}  // namespace copydesk
