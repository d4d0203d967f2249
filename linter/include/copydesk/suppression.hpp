#pragma once

// Inline suppression: directives written in a document that silence findings, and the reports
// that keep them from rotting. The forms:
//
//   <!-- copydesk-disable -->  ...  <!-- copydesk-enable -->     every rule, in between
//   <!-- copydesk-disable misspelled-word, repeated-word -->      only these rules
//   <!-- copydesk-disable-next-line misspelled-word -->           the next line with text
//   copydesk-disable-next-line                                    plain text: a line of its own
//   teh [sic]                                                     the word before "[sic]"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/rule.hpp"
#include "copydesk/span.hpp"

namespace copydesk {

class Registry;

inline constexpr RuleMeta kUnusedSuppressionMeta{
    .id = "unused-suppression",
    .category = RuleCategory::Suppression,
    .default_severity = Severity::Warning,
    .summary = "A copydesk-disable directive that suppresses no finding.",
    .has_fix = true,
};
inline constexpr RuleMeta kInvalidSuppressionMeta{
    .id = "invalid-suppression",
    .category = RuleCategory::Suppression,
    .default_severity = Severity::Warning,
    .summary =
        "A copydesk directive that cannot act: a misspelled directive or rule id, an enable with "
        "no disable before it.",
    .has_fix = false,
};

// The rules above are reported by the engine (Suppressions::apply), which alone sees the
// findings of all the other rules; this class gives their ids a place in the registry, so that
// they have a severity, documentation, --list-rules and --explain entries, and --disable.
template <const RuleMeta& Meta>
class EngineReportedRule final : public Rule {
 public:
  static constexpr const RuleMeta& kMeta = Meta;
  explicit EngineReportedRule(const RuleContext&) {}
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Document&, Sink&) const override {}
};

// Where directives may be written.
enum class DirectiveSyntax : std::uint8_t {
  Comments,  // Markdown (and HTML): only in HTML comments, anywhere in the source
  Lines,     // plain text: in HTML comments, and bare on a line of their own
};

enum class DirectiveKind : std::uint8_t {
  Disable,          // from here to the next copydesk-enable (or the end of the file)
  Enable,           // ends the open disables: all, or those of the rule ids it names
  DisableNextLine,  // the next line that has something besides blanks and directives
  Unknown,          // starts like a directive but is none, e.g. "copydesk-disabel"
  Unclosed,         // "<!-- copydesk-..." with no "-->" before the next "<!--"
};

struct Directive {
  DirectiveKind kind = DirectiveKind::Unknown;
  Span span;                   // the comment "<!-- ... -->", or the directive's text on its line
  Span word;                   // "copydesk-disable" as written
  std::vector<Span> rule_ids;  // as written; none means every rule
  Span hidden;  // plain text: the bytes no rule may read, left out of the prose (hide_spans):
                // the directive's whole lines when it stands alone on them, with their line
                // break; empty in Markdown
};

// "[sic]" (also "[*sic*]", "*[sic]*" and the same with "_") and the text it vouches for: the
// word before it with whatever is attached to it ("teh", "\"alot\"", "end.This"), and itself.
struct SicMark {
  Span mark;
  Span covers;
};

// The directives and [sic] marks of one file, found in its original text.
class Suppressions {
 public:
  // Directives and [sic] marks that start inside `code` (sorted spans, such as ProseView::code)
  // are not read: they are quoted, not meant.
  Suppressions(std::string_view text, DirectiveSyntax syntax, const std::vector<Span>& code = {});

  const std::vector<Directive>& directives() const { return directives_; }  // by position
  const std::vector<SicMark>& sic_marks() const { return sic_marks_; }      // by position

  // Drops the findings that a directive or [sic] covers and adds the unused-suppression and
  // invalid-suppression reports about the directives, each only when `rule_enabled` says that
  // rule is on. `text` is the original text; `diagnostics` are sorted (diagnostic_less) and
  // stay so. A directive naming a rule that is off is never reported unused.
  // Rule ids are looked up in `registry`.
  void apply(std::string_view text, std::vector<Diagnostic>& diagnostics, const Registry& registry,
             const std::function<bool(std::string_view)>& rule_enabled) const;

 private:
  std::vector<Directive> directives_;
  std::vector<SicMark> sic_marks_;
};

}  // namespace copydesk
