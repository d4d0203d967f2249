#include "copydesk/suppression.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <utility>

#include "copydesk/registry.hpp"
#include "copydesk/text.hpp"

namespace copydesk {
namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr std::string_view kDisable = "copydesk-disable";
constexpr std::string_view kEnable = "copydesk-enable";
constexpr std::string_view kDisableNextLine = "copydesk-disable-next-line";
constexpr std::uint32_t kEndOfFile = std::numeric_limits<std::uint32_t>::max();

bool horizontal_blank(char c) { return c == ' ' || c == '\t'; }
// Rule ids may be separated by commas, blanks or both.
bool separator(char c) { return is_ascii_blank(c) || c == ','; }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         equals_ignoring_ascii_case(text.substr(0, prefix.size()), prefix);
}

// `text` in backticks, as messages quote it. Built by appending: g++ 12 warns wrongly
// (-Wrestrict, GCC bug 105329) on "`" + std::string.
std::string code(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted.push_back('`');
  quoted.append(text);
  quoted.push_back('`');
  return quoted;
}

std::uint32_t offset(std::size_t at) { return static_cast<std::uint32_t>(at); }

// Whether `at` starts a line: lines end at "\n", "\r\n" or a lone "\r", as in SourceMap, and a
// leading byte-order mark is not part of the first line.
bool at_line_start(std::string_view text, std::size_t at) {
  return at == 0 || text[at - 1] == '\n' || text[at - 1] == '\r' ||
         (at == kByteOrderMark.size() && text.starts_with(kByteOrderMark));
}

std::size_t line_end(std::string_view text, std::size_t at) {
  return std::min(text.find_first_of("\r\n", at), text.size());
}

// Where the line after the one holding `at` starts; npos on the last line.
std::size_t next_line_start(std::string_view text, std::size_t at) {
  const std::size_t end = text.find_first_of("\r\n", at);
  if (end == npos) return npos;
  return end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
}

// The whole lines of `span`, with the line break after them, when only blanks share them.
std::optional<Span> lines_alone(std::string_view text, Span span) {
  std::size_t begin = span.begin;
  while (begin > 0 && horizontal_blank(text[begin - 1])) --begin;
  if (!at_line_start(text, begin)) return std::nullopt;
  std::size_t end = span.end;
  while (end < text.size() && horizontal_blank(text[end])) ++end;
  if (end < text.size() && text[end] != '\n' && text[end] != '\r') return std::nullopt;
  const std::size_t next = next_line_start(text, end);
  return Span{offset(begin), offset(next == npos ? text.size() : next)};
}

// What to delete to take a directive out: its lines when it stands alone on them, otherwise the
// directive and the blanks on one side of it, so that no double space is left behind.
Span removal(std::string_view text, Span span) {
  if (const auto lines = lines_alone(text, span)) return *lines;
  std::size_t begin = span.begin;
  while (begin > 0 && horizontal_blank(text[begin - 1])) --begin;
  if (!at_line_start(text, begin)) return Span{offset(begin), span.end};
  std::size_t end = span.end;
  while (end < text.size() && horizontal_blank(text[end])) ++end;
  return Span{span.begin, offset(end)};
}

// Reads the directive word and the rule ids after it from [begin, end).
void read_body(std::string_view text, std::size_t begin, std::size_t end, Directive& directive) {
  std::size_t at = begin;
  const auto next_item = [&] {
    while (at < end && separator(text[at])) ++at;
    const std::size_t item = at;
    while (at < end && !separator(text[at])) ++at;
    return Span{offset(item), offset(at)};
  };
  directive.word = next_item();
  for (Span id = next_item(); !id.empty(); id = next_item()) directive.rule_ids.push_back(id);
  const std::string_view word = directive.word.in(text);
  directive.kind = word == kDisable           ? DirectiveKind::Disable
                   : word == kEnable          ? DirectiveKind::Enable
                   : word == kDisableNextLine ? DirectiveKind::DisableNextLine
                                              : DirectiveKind::Unknown;
}

// HTML comments whose first word starts with "copydesk", in any case: a comment is never prose,
// so anything like a directive there was meant as one.
void find_comment_directives(std::string_view text, std::vector<Directive>& found) {
  for (std::size_t open = text.find("<!--"); open != npos;) {
    const std::size_t body = open + 4;
    const std::size_t next_open = text.find("<!--", body);
    // A directive that runs into the next comment lost its "-->": taking everything up to a
    // later one would read the text between as rule ids. Searching no further than the next
    // comment also keeps a file of many unclosed comments linear.
    const std::string_view before_next = text.substr(0, next_open);
    // From open + 2, so that "<!-->" is a whole (empty) comment, as in HTML.
    const std::size_t close = before_next.find("-->", open + 2);
    const bool closed = close != npos;
    std::size_t body_end = closed ? std::max(close, body) : line_end(before_next, body);
    while (!closed && body_end > body && is_ascii_blank(text[body_end - 1])) --body_end;
    Directive directive;
    read_body(text, body, body_end, directive);
    if (starts_with_ignoring_case(directive.word.in(text), "copydesk")) {
      directive.span = Span{offset(open), offset(closed ? close + 3 : body_end)};
      if (!closed) directive.kind = DirectiveKind::Unclosed;
      found.push_back(std::move(directive));
    }
    open = closed ? text.find("<!--", close + 3) : next_open;
  }
}

// Plain-text lines that start with "copydesk-" in lowercase: no sentence does, while a line
// starting "Copydesk-style ..." may be prose.
void find_line_directives(std::string_view text, std::vector<Directive>& found) {
  for (std::size_t at = text.find("copydesk-"); at != npos; at = text.find("copydesk-", at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && horizontal_blank(text[begin - 1])) --begin;
    if (!at_line_start(text, begin)) continue;
    std::size_t end = line_end(text, at);
    while (end > at && horizontal_blank(text[end - 1])) --end;
    Directive directive;
    directive.span = Span{offset(at), offset(end)};
    read_body(text, at, end, directive);
    found.push_back(std::move(directive));
    at = end;
  }
}

// The length of "[sic]", "[*sic*]" or "[_sic_]" at `at`, in any case; 0 when there is none.
std::size_t sic_length(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  const bool emphasis = i < text.size() && (text[i] == '*' || text[i] == '_');
  const char emphasis_mark = emphasis ? text[i] : '\0';
  if (emphasis) ++i;
  if (!starts_with_ignoring_case(text.substr(std::min(i, text.size())), "sic")) return 0;
  i += 3;
  if (emphasis && (i >= text.size() || text[i++] != emphasis_mark)) return 0;
  if (i >= text.size() || text[i] != ']') return 0;
  return i + 1 - at;
}

void find_sic_marks(std::string_view text, std::vector<SicMark>& found) {
  std::size_t previous_end = 0;
  for (std::size_t at = text.find('['); at != npos; at = text.find('[', at + 1)) {
    const std::size_t length = sic_length(text, at);
    if (length == 0) continue;
    std::size_t begin = at;
    std::size_t end = at + length;
    // "*[sic]*": the emphasis around the mark belongs to it.
    if (begin > previous_end && end < text.size() &&
        (text[begin - 1] == '*' || text[begin - 1] == '_') && text[end] == text[begin - 1]) {
      --begin;
      ++end;
    }
    const Span mark{offset(begin), offset(end)};
    while (begin > previous_end && horizontal_blank(text[begin - 1])) --begin;
    while (begin > previous_end && !is_ascii_blank(text[begin - 1])) --begin;
    found.push_back(SicMark{mark, Span{offset(begin), mark.end}});
    previous_end = end;
  }
}

bool covered_by_sic(const std::vector<SicMark>& marks, Span span) {
  const auto mark = std::partition_point(
      marks.begin(), marks.end(), [&](const SicMark& m) { return m.covers.end <= span.begin; });
  return mark != marks.end() && mark->covers.begin < std::max(span.end, span.begin + 1);
}

enum class IdState : std::uint8_t {
  Acts,     // names an enabled rule
  Used,     // ... and suppressed a finding of it
  RuleOff,  // names a rule that is off: it cannot be used, so it is never reported unused
  Invalid,  // not a rule id, or a rule that cannot be suppressed inline
};

// Where a directive, or one rule id of it, suppresses findings: those that start in
// [begin, end).
struct Scope {
  std::uint32_t begin = 0;
  std::uint32_t end = kEndOfFile;
  std::string_view rule;  // empty: every rule
  std::uint32_t directive = 0;
  std::uint32_t id = 0;  // index into the directive's rule ids, unless it covers every rule
};

struct DirectiveState {
  std::vector<IdState> ids;
  bool has_scope = false;               // a disable that could act
  bool used = false;                    // one without rule ids suppressed something
  std::vector<std::uint32_t> ended_by;  // a disable: the enables that ended its scopes
  std::vector<std::uint32_t> ended;     // an enable: the disables whose scopes it ended
};

// The scopes around a finding, by rule: (where each begins, its index), so that the last one
// is the nearest directive, which is the one a reader takes to be the reason.
using ActiveScopes =
    std::map<std::string_view, std::set<std::pair<std::uint32_t, std::uint32_t>>, std::less<>>;

// One run of Suppressions::apply. Every step is linear or n log n in the number of directives
// and findings, whatever the file holds.
class Application {
 public:
  Application(std::string_view text, const std::vector<Directive>& directives,
              const Registry& registry, const std::function<bool(std::string_view)>& rule_enabled)
      : text_(text), directives_(directives), states_(directives.size()) {
    for (std::size_t d = 0; d < directives.size(); ++d) {
      // The ids of a directive that is itself wrong are not read: one report says enough.
      const bool acts = directives[d].kind != DirectiveKind::Unknown &&
                        directives[d].kind != DirectiveKind::Unclosed;
      for (const Span id : directives[d].rule_ids) {
        states_[d].ids.push_back(acts ? classify(registry, id, rule_enabled) : IdState::Invalid);
      }
    }
  }

  void open_scopes() {
    for (std::uint32_t d = 0; d < directives_.size(); ++d) {
      const Directive& directive = directives_[d];
      switch (directive.kind) {
        case DirectiveKind::Disable:
          add_scopes(d, Span{directive.span.end, kEndOfFile}, true);
          break;
        case DirectiveKind::DisableNextLine:
          if (const auto line = next_line(directive)) {
            add_scopes(d, *line, false);
          } else {
            report_invalid(directive.span,
                           code(kDisableNextLine) + " has no line after it to cover.");
          }
          break;
        case DirectiveKind::Enable:
          end_scopes(d);
          break;
        case DirectiveKind::Unknown:
          report_unknown_word(directive.word);
          break;
        case DirectiveKind::Unclosed:
          report_invalid(directive.span,
                         "The comment of this copydesk directive is not closed with `-->`.");
          break;
      }
    }
  }

  void drop_covered(std::vector<Diagnostic>& diagnostics, const std::vector<SicMark>& marks) {
    std::vector<std::uint32_t> by_begin(scopes_.size());
    std::iota(by_begin.begin(), by_begin.end(), 0u);
    std::vector<std::uint32_t> by_end = by_begin;
    std::stable_sort(by_begin.begin(), by_begin.end(),
                     [&](auto a, auto b) { return scopes_[a].begin < scopes_[b].begin; });
    std::stable_sort(by_end.begin(), by_end.end(),
                     [&](auto a, auto b) { return scopes_[a].end < scopes_[b].end; });
    ActiveScopes active;
    std::size_t next_begin = 0, next_end = 0, kept = 0;
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
      const std::uint32_t at = diagnostics[i].span.begin;
      for (; next_begin < by_begin.size() && scopes_[by_begin[next_begin]].begin <= at;
           ++next_begin) {
        const Scope& scope = scopes_[by_begin[next_begin]];
        active[scope.rule].emplace(scope.begin, by_begin[next_begin]);
      }
      for (; next_end < by_end.size() && scopes_[by_end[next_end]].end <= at; ++next_end) {
        const Scope& scope = scopes_[by_end[next_end]];
        active[scope.rule].erase({scope.begin, by_end[next_end]});
      }
      if (covered_by_sic(marks, diagnostics[i].span) || suppress(active, diagnostics[i].rule)) {
        continue;
      }
      if (kept != i) diagnostics[kept] = std::move(diagnostics[i]);
      ++kept;
    }
    diagnostics.resize(kept);
  }

  void report_unused() {
    for (std::uint32_t d = 0; d < directives_.size(); ++d) {
      const DirectiveState& state = states_[d];
      if (!state.has_scope) continue;  // an enable, or a directive reported as invalid
      if (directives_[d].rule_ids.empty()) {
        if (!state.used) report_unused_directive(d);
        continue;
      }
      const auto unused = std::count(state.ids.begin(), state.ids.end(), IdState::Acts);
      if (unused == 0) continue;
      if (static_cast<std::size_t>(unused) == state.ids.size()) {
        report_unused_directive(d);
      } else {
        report_unused_ids(d);
      }
    }
  }

  // The reports of the rules that are on.
  std::vector<Diagnostic> take_reports(
      const std::function<bool(std::string_view)>& rule_enabled) && {
    std::erase_if(reports_, [&](const Diagnostic& report) { return !rule_enabled(report.rule); });
    return std::move(reports_);
  }

 private:
  IdState classify(const Registry& registry, Span id,
                   const std::function<bool(std::string_view)>& rule_enabled) {
    const std::string_view name = id.in(text_);
    if (name == kUnusedSuppressionMeta.id || name == kInvalidSuppressionMeta.id) {
      // A directive must not hide the reports that keep directives from rotting.
      report_invalid(id, code(name) + " cannot be suppressed by a directive; turn it off with " +
                             code("--disable " + std::string(name)) + ".");
      return IdState::Invalid;
    }
    if (registry.find(name) == nullptr) {
      Diagnostic& report = report_invalid(id, code(name) + " is not a copydesk rule id.");
      if (std::string close = registry.closest(name); !close.empty()) {
        report.suggestions.push_back(std::move(close));
      }
      return IdState::Invalid;
    }
    return rule_enabled(name) ? IdState::Acts : IdState::RuleOff;
  }

  // The scopes of directive `d` over `range`: one for every rule, or one per usable rule id. A
  // directive whose ids are all invalid covers nothing rather than everything.
  void add_scopes(std::uint32_t d, Span range, bool until_enabled) {
    const Directive& directive = directives_[d];
    const auto add = [&](std::string_view rule, std::uint32_t id) {
      if (until_enabled) open_[rule].push_back(static_cast<std::uint32_t>(scopes_.size()));
      scopes_.push_back(Scope{range.begin, range.end, rule, d, id});
      states_[d].has_scope = true;
    };
    if (directive.rule_ids.empty()) add({}, 0);
    for (std::uint32_t id = 0; id < directive.rule_ids.size(); ++id) {
      if (states_[d].ids[id] != IdState::Invalid) add(directive.rule_ids[id].in(text_), id);
    }
  }

  void end_scopes(std::uint32_t enable) {
    const Directive& directive = directives_[enable];
    const std::string no_disable = "No " + code(kDisable);
    const std::string to_end = " is open here for this " + code(kEnable) + " to end.";
    if (directive.rule_ids.empty()) {
      bool any = false;
      for (auto& [rule, scopes] : open_) any = end_all(scopes, enable) || any;
      if (!any) report_invalid(directive.span, no_disable + to_end);
    }
    for (std::uint32_t id = 0; id < directive.rule_ids.size(); ++id) {
      if (states_[enable].ids[id] == IdState::Invalid) continue;
      const std::string_view rule = directive.rule_ids[id].in(text_);
      const auto open = open_.find(rule);
      if (open == open_.end() || !end_all(open->second, enable)) {
        report_invalid(directive.rule_ids[id], no_disable + " of " + code(rule) + to_end);
      }
    }
    auto& ended = states_[enable].ended;
    std::sort(ended.begin(), ended.end());
    ended.erase(std::unique(ended.begin(), ended.end()), ended.end());
  }

  // Ends the open `scopes` at `enable`; whether there were any.
  bool end_all(std::vector<std::uint32_t>& scopes, std::uint32_t enable) {
    for (const std::uint32_t s : scopes) {
      Scope& scope = scopes_[s];
      scope.end = directives_[enable].span.begin;
      auto& ended_by = states_[scope.directive].ended_by;
      if (ended_by.empty() || ended_by.back() != enable) ended_by.push_back(enable);
      states_[enable].ended.push_back(scope.directive);
    }
    const bool any = !scopes.empty();
    scopes.clear();
    return any;
  }

  // The line a disable-next-line covers: the next one with something besides blanks and
  // directives, so that directives can be stacked and a blank line can follow them.
  std::optional<Span> next_line(const Directive& directive) {
    if (line_starts_.empty()) index_lines();
    const std::size_t line = line_of(directive.span.end);
    if (line + 1 >= line_starts_.size()) return std::nullopt;
    const std::size_t content = first_content(line_starts_[line + 1]);
    if (content >= text_.size()) return std::nullopt;
    const std::size_t target = line_of(content);
    return Span{line_starts_[target],
                target + 1 < line_starts_.size() ? line_starts_[target + 1] : offset(text_.size())};
  }

  // The first byte at or after `from` that is neither blank nor part of a directive.
  std::size_t first_content(std::size_t from) {
    // Everything between a query and its answer is blank or directive, so stacked directives
    // share one walk instead of each crossing the same stretch again.
    if (last_query_ <= from && from <= last_answer_) return last_answer_;
    std::size_t at = from;
    while (at < text_.size()) {
      if (is_ascii_blank(text_[at])) {
        ++at;
        continue;
      }
      const auto other = std::lower_bound(
          directives_.begin(), directives_.end(), at,
          [](const Directive& d, std::size_t offset) { return d.span.begin < offset; });
      if (other == directives_.end() || other->span.begin != at) break;
      at = other->span.end;
    }
    last_query_ = from;
    last_answer_ = at;
    return at;
  }

  void index_lines() {
    line_starts_.push_back(0);
    for (std::size_t at = next_line_start(text_, 0); at != npos; at = next_line_start(text_, at)) {
      line_starts_.push_back(offset(at));
    }
  }

  std::size_t line_of(std::size_t at) const {
    return static_cast<std::size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), at) -
                                    line_starts_.begin()) -
           1;
  }

  bool suppress(const ActiveScopes& active, std::string_view rule) {
    const std::pair<std::uint32_t, std::uint32_t>* nearest = nullptr;
    for (const std::string_view key : {rule, std::string_view{}}) {
      const auto scopes = active.find(key);
      if (scopes == active.end() || scopes->second.empty()) continue;
      const auto& last = *scopes->second.rbegin();
      if (nearest == nullptr || *nearest < last) nearest = &last;
    }
    if (nearest == nullptr) return false;
    const Scope& scope = scopes_[nearest->second];
    DirectiveState& state = states_[scope.directive];
    if (scope.rule.empty()) {
      state.used = true;
    } else if (state.ids[scope.id] == IdState::Acts) {
      state.ids[scope.id] = IdState::Used;
    }
    return true;
  }

  // "copydesk-disable misspelled-word, repeated-word", whatever separated the ids.
  std::string normalized(const Directive& directive) const {
    std::string text(directive.word.in(text_));
    for (std::size_t id = 0; id < directive.rule_ids.size(); ++id) {
      text += id == 0 ? " " : ", ";
      text += directive.rule_ids[id].in(text_);
    }
    return text;
  }

  void report_unused_directive(std::uint32_t d) {
    const Directive& directive = directives_[d];
    Diagnostic& report = add_report(kUnusedSuppressionMeta, directive.span,
                                    code(normalized(directive)) + " suppresses no finding.");
    Fix fix{"Remove the unused directive", {Edit{removal(text_, directive.span), ""}}, false};
    // An enable that ended only this disable would be left ending nothing.
    for (const std::uint32_t enable : states_[d].ended_by) {
      if (states_[enable].ended.size() != 1) continue;
      fix.title = "Remove the unused directive and its " + code(kEnable);
      fix.edits.push_back(Edit{removal(text_, directives_[enable].span), ""});
    }
    report.fix = std::move(fix);
  }

  void report_unused_ids(std::uint32_t d) {
    const Directive& directive = directives_[d];
    const DirectiveState& state = states_[d];
    // The list keeps every id but the unused ones. An enable that names ids would be left
    // ending ids no longer disabled, so then there is no fix.
    const bool enables_name_ids =
        std::any_of(state.ended_by.begin(), state.ended_by.end(),
                    [&](std::uint32_t enable) { return !directives_[enable].rule_ids.empty(); });
    std::optional<Fix> fix;
    if (!enables_name_ids) {
      const Span list{directive.rule_ids.front().begin, directive.rule_ids.back().end};
      const bool commas = list.in(text_).find(',') != npos;
      std::string kept;
      for (std::size_t id = 0; id < directive.rule_ids.size(); ++id) {
        if (state.ids[id] == IdState::Acts) continue;
        if (!kept.empty()) kept += commas ? ", " : " ";
        kept += directive.rule_ids[id].in(text_);
      }
      fix = Fix{"Remove the rule ids that suppress nothing", {Edit{list, kept}}, false};
    }
    for (std::size_t id = 0; id < directive.rule_ids.size(); ++id) {
      if (state.ids[id] != IdState::Acts) continue;
      const std::string_view rule = directive.rule_ids[id].in(text_);
      Diagnostic& report =
          add_report(kUnusedSuppressionMeta, directive.rule_ids[id],
                     code(rule) + " in " + code(normalized(directive)) + " suppresses no finding.");
      report.fix = fix;
    }
  }

  void report_unknown_word(Span word) {
    const std::string_view as_written = word.in(text_);
    const std::string_view directives[] = {kDisable, kDisableNextLine, kEnable};
    const std::string_view close = closest_spelling(as_written, directives);
    if (close.empty()) {
      report_invalid(word, code(as_written) + " is not a copydesk directive: use " +
                               code(kDisable) + ", " + code(kEnable) + " or " +
                               code(kDisableNextLine) + ".");
      return;
    }
    report_invalid(word, code(as_written) + " is not a copydesk directive.")
        .suggestions.emplace_back(close);
  }

  Diagnostic& report_invalid(Span span, std::string message) {
    return add_report(kInvalidSuppressionMeta, span, std::move(message));
  }

  Diagnostic& add_report(const RuleMeta& meta, Span span, std::string message) {
    Diagnostic report;
    report.rule = std::string(meta.id);
    report.severity = meta.default_severity;
    report.span = span;
    report.message = std::move(message);
    return reports_.emplace_back(std::move(report));
  }

  std::string_view text_;
  const std::vector<Directive>& directives_;
  std::vector<DirectiveState> states_;
  std::vector<Scope> scopes_;
  // The scopes of disables that no enable has ended yet, by rule (empty: every rule).
  std::map<std::string_view, std::vector<std::uint32_t>, std::less<>> open_;
  std::vector<std::uint32_t> line_starts_;  // built on the first disable-next-line
  std::size_t last_query_ = npos;
  std::size_t last_answer_ = 0;
  std::vector<Diagnostic> reports_;
};

}  // namespace

Suppressions::Suppressions(std::string_view text, DirectiveSyntax syntax,
                           const std::vector<Span>& code) {
  find_comment_directives(text, directives_);
  const auto in_code = [&](std::uint32_t offset) {
    const auto after =
        std::upper_bound(code.begin(), code.end(), offset,
                         [](std::uint32_t value, const Span& span) { return value < span.begin; });
    return after != code.begin() && offset < std::prev(after)->end;
  };
  std::erase_if(directives_,
                [&](const Directive& directive) { return in_code(directive.span.begin); });
  if (syntax == DirectiveSyntax::Lines) {
    find_line_directives(text, directives_);
    std::stable_sort(
        directives_.begin(), directives_.end(),
        [](const Directive& a, const Directive& b) { return a.span.begin < b.span.begin; });
    // A comment inside a directive line ("copydesk-disable <!-- ... -->") is part of it.
    std::vector<Directive> apart;
    for (Directive& directive : directives_) {
      if (!apart.empty() && directive.span.begin < apart.back().span.end) continue;
      apart.push_back(std::move(directive));
    }
    directives_ = std::move(apart);
    for (Directive& directive : directives_) {
      directive.hidden = lines_alone(text, directive.span).value_or(directive.span);
    }
  }
  find_sic_marks(text, sic_marks_);
  std::erase_if(sic_marks_, [&](const SicMark& sic) { return in_code(sic.mark.begin); });
}

void Suppressions::apply(std::string_view text, std::vector<Diagnostic>& diagnostics,
                         const Registry& registry,
                         const std::function<bool(std::string_view)>& rule_enabled) const {
  if (directives_.empty() && sic_marks_.empty()) return;
  Application application(text, directives_, registry, rule_enabled);
  application.open_scopes();
  application.drop_covered(diagnostics, sic_marks_);
  application.report_unused();
  std::vector<Diagnostic> reports = std::move(application).take_reports(rule_enabled);
  std::sort(reports.begin(), reports.end(), diagnostic_less);
  const auto middle = static_cast<std::ptrdiff_t>(diagnostics.size());
  std::move(reports.begin(), reports.end(), std::back_inserter(diagnostics));
  std::inplace_merge(diagnostics.begin(), diagnostics.begin() + middle, diagnostics.end(),
                     diagnostic_less);
}

}  // namespace copydesk
