#pragma once

// What Vale keeps from its rules, read from the source rather than the prose: its comments in
// Markdown and HTML (`<!-- vale off -->` ... `<!-- vale on -->`, `<!-- vale Style.Rule = NO -->`,
// `<!-- vale Style = NO -->`, `<!-- vale Style.Rule["text"] = NO -->`, `<!-- vale styles = A, B
// -->`), and the settings' BlockIgnores, TokenIgnores and IgnoredScopes. Applied to the style
// rules' findings (ids "Style.Rule") once their spans are in the source: a finding that
// touches an ignored part, or that a comment turns off where it starts, is dropped. The same
// filter applies the element tests of rules scoped to Markdown elements (check.hpp).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/engine.hpp"
#include "copydesk/span.hpp"
#include "copydesk/vale/check.hpp"
#include "copydesk/vale/markdown_scopes.hpp"
#include "copydesk/vale/pattern.hpp"

namespace copydesk::vale {

struct StyleSettings;

// One `<!-- vale ... -->` comment: from its end on, what it says holds until another says
// otherwise.
struct ValeComment {
  enum class Kind : std::uint8_t {
    Off,     // vale off: no style rule
    On,      // vale on
    Rule,    // vale Style.Rule = YES|NO, or Style.Rule["a", "b"] = NO (those matches only)
    Style,   // vale Style = YES|NO
    Styles,  // vale style(s) = A, B: only these styles
  };
  Kind kind = Kind::Off;
  std::uint32_t from = 0;              // the end of the comment
  std::string name{};                  // Rule: "Style.Rule"; Style: "Style"
  bool enabled = false;                // Rule and Style: YES
  std::vector<std::string> matches{};  // Rule: the matched texts it names; empty: all
  std::vector<std::string> styles{};   // Styles
};

// The vale comments of a Markdown or HTML source, in order. Comments that are not Vale's are
// left alone; a `vale` comment that says nothing Vale understands is skipped, as Vale does.
std::vector<ValeComment> vale_comments(std::string_view source);

// Whether the comments before `at` turn rule `rule_id` off for a finding on `matched` text.
bool turned_off(const std::vector<ValeComment>& comments, std::string_view rule_id,
                std::uint32_t at, std::string_view matched);

// Rule id -> the element tests its findings must pass (only rules that have some).
using ElementTests = std::map<std::string, std::vector<ElementTest>, std::less<>>;

// The settings' ignore patterns and scopes, compiled once; the filter the engine applies.
class StyleIgnores : public FindingFilter {
 public:
  // Compiles every BlockIgnores and TokenIgnores pattern. Throws StyleError naming the
  // settings file and line of a bad pattern. IgnoredScopes and SkippedScopes names that are no
  // Markdown element (source-code scopes, "script") change nothing, as in Vale for Markdown.
  StyleIgnores(const StyleSettings& settings, ElementTests element_tests);
  ~StyleIgnores() override;

  void filter(std::string_view path, std::string_view source, Syntax syntax,
              std::vector<Diagnostic>& diagnostics) const override;

  // The source ranges (sorted, possibly overlapping) the settings keep from the rules in a
  // file at `path`.
  std::vector<Span> ignored(std::string_view path, std::string_view source, Syntax syntax) const;

 private:
  struct SectionPatterns;
  struct Element {  // an element of IgnoredScopes or SkippedScopes
    MarkdownScope scope = MarkdownScope::Strong;
    int heading_level = 0;  // h1..h6; 0: any
  };
  const StyleSettings& settings_;
  std::vector<SectionPatterns> sections_;  // one per settings section
  std::vector<Element> ignored_elements_;
  ElementTests element_tests_;
};

}  // namespace copydesk::vale
