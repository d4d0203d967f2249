#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/dictionary.hpp"
#include "copydesk/errors.hpp"
#include "copydesk/result.hpp"
#include "copydesk/rule.hpp"
#include "copydesk/syntax.hpp"

namespace copydesk {

// Drops findings by what the source says around them, once the rules' spans are in the source:
// how house styles (vale/styles.hpp) apply their inline comments (<!-- vale off -->) and ignore
// patterns, which are written in the source and not in the prose the rules read.
class FindingFilter {
 public:
  virtual ~FindingFilter() = default;
  virtual void filter(std::string_view path, std::string_view source, Syntax syntax,
                      std::vector<Diagnostic>& diagnostics) const = 0;
};

struct EngineOptions {
  std::string language = "en_US";
  std::vector<std::string> enable;   // rule ids to turn on (all default rules are on)
  std::vector<std::string> disable;  // rule ids to turn off
  SuggestionMode suggestions = SuggestionMode::Fast;
  // From copydesk.toml (see config.hpp) and --words: texts in word-list format (one word a
  // line), read by the caller (see read_word_list).
  std::vector<std::string> accepted_lists;
  // Words misspelled-word flags although Hunspell knows them.
  std::vector<std::string> rejected_lists;
  std::map<std::string, Severity, std::less<>> severities;       // rule id -> severity to report
  std::map<std::string, RuleOptions, std::less<>> rule_options;  // rule id -> its options
  // Applied to every whole text the engine lints (lint_text); null: none. Outlives the engine.
  const FindingFilter* finding_filter = nullptr;
};

// Whether `options` turn the rule on: enabled by name, or on by default for a language the rule
// knows (see RuleMeta::languages); never when disabled. What the engine runs and what
// --print-config shows.
bool rule_enabled(const RuleMeta& meta, const EngineOptions& options);
// Whether the rule applies to `language` ("en_GB", "de_DE").
bool rule_knows_language(const RuleMeta& meta, std::string_view language);

class Registry;
class Document;
struct Window;

class Engine {
 public:
  // Runs the rules of `registry` that `options` enable; the registry must outlive it. Throws
  // ConfigError for an unknown rule id or a missing dictionary. Engines of the same language
  // may share one `spell` checker (and its loaded dictionary and caches); without one the
  // engine makes its own.
  Engine(const Registry& registry, EngineOptions options,
         std::shared_ptr<SpellChecker> spell = nullptr);
  ~Engine();

  // Lints a whole text: checks that it is UTF-8, reads it as `syntax` (by default as
  // syntax_of(path) says), runs the rules, applies the inline suppressions. It reads no file:
  // the input layer (input.hpp) does.
  FileResult lint_text(std::string path, std::string text) const;
  FileResult lint_text(std::string path, std::string text, Syntax syntax) const;

  // Runs the rules over `text`, plain prose without suppression directives (with its block
  // starts, see Document), and adds their findings to `out`, with spans into `text`; a long text
  // a piece at a time, as check_piece. A short `text` is moved into the document and back, not
  // copied.
  void check(const std::string& path, std::string& text,
             const std::vector<BlockStart>& block_starts, std::vector<Diagnostic>& out) const;
  // Lints the window of one piece of `text` (see Window) and adds the findings that start in the
  // piece to `out`, with spans into `text`: how the input layer streams a large file.
  void check_piece(const std::string& path, std::string_view text, const Window& window,
                   const std::vector<BlockStart>& block_starts, std::vector<Diagnostic>& out) const;
  // The same, handing the piece's findings to `consume` sorted (diagnostic_less), a few thousand
  // at a time: they wait in a compact form meanwhile (see compact_findings.hpp), so that a piece
  // with a finding on every line does not hold a million Diagnostics.
  void check_piece_sorted(const std::string& path, std::string_view text, const Window& window,
                          const std::vector<BlockStart>& block_starts,
                          const std::function<void(std::vector<Diagnostic>&&)>& consume) const;

  // Lints a whole text in memory as lint_text does, but hands its findings to `consume` as
  // check_piece_sorted does, piece by piece, with spans into `text`: a large Markdown or HTML
  // file, whose parser needs all of it, then holds its text but not all its findings at once.
  // `text` must be valid UTF-8 and under 4 GiB. Returns false, having consumed nothing, when
  // the text has a suppression directive or a [sic]: it may drop findings of any piece, so such
  // a text is linted by lint_text.
  bool lint_text_sorted(const std::string& path, std::string_view text, Syntax syntax,
                        const std::function<void(std::vector<Diagnostic>&&)>& consume) const;

  // check_piece_sorted with the findings of the window of one piece of `text` handed to
  // `place` (their spans already into `text`) to be moved to where they are reported (a prose
  // text's source) before they are sorted: how a large Markdown or HTML file is streamed.
  void check_piece_compact(const std::string& path, std::string_view text, const Window& window,
                           const std::vector<BlockStart>& block_starts,
                           const std::function<void(Diagnostic&)>& place,
                           const std::function<void(std::vector<Diagnostic>&&)>& consume) const;

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }

 private:
  // Every enabled rule over `document`.
  void run(const Document& document, std::vector<Diagnostic>& out) const;
  // The severity reported for the findings of rule `rule_id`: the rule's default unless
  // configured. The one place severity is decided, for rule findings and directive reports.
  Severity severity_for(std::string_view rule_id) const;

  const Registry& registry_;
  EngineOptions options_;
  std::shared_ptr<SpellChecker> spell_;
  WordSet accepted_words_;
  WordSet rejected_words_;
  std::vector<RuleOptions> rule_options_;  // one per rule, alive as long as the rules
  std::vector<std::unique_ptr<Rule>> rules_;
};

}  // namespace copydesk
