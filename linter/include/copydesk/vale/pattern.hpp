#pragma once

// A regular expression as Vale reads it (Go's regexp2: backtracking, with lookarounds), run by
// PCRE2 with its JIT. Vale's syntax and PCRE2's agree on what the packages use: `(?i)`, `(?m)`,
// lookarounds, `(?:...)`, named groups `(?P<name>...)` and `(?<name>...)`, `\b`, `\w`, `\d`,
// `\s`; with PCRE2_UCP these classes and `\b` are Unicode-aware as in regexp2. A match that
// hits the match limit ends the scan of that text with a warning naming the rule file, so a
// pathological user pattern cannot hang a run.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/span.hpp"

namespace copydesk::vale {

struct PatternOptions {
  bool ignore_case = false;
  // Where the pattern comes from, for the warning when a match hits a limit ("Style/Rule.yml").
  std::string origin;
  // Compile to machine code: for patterns that scan documents. Patterns only ever matched whole
  // against a short text (exceptions, replacements) skip it: PCRE2 runs anchored matches with
  // its interpreter anyway, and each JIT compilation costs start-up time.
  bool jit = true;
  // Matches only where a search starts (PCRE2_ANCHORED, JIT included): for a pattern tried at
  // the places a LeadingWords lets through rather than scanned.
  bool anchored = false;
};

// Capture groups of one match, as byte offsets into the searched text: group 0 is the whole
// match; a group that did not take part is {kNoOffset, kNoOffset}.
struct Groups {
  static constexpr std::uint32_t kNoOffset = UINT32_MAX;
  std::vector<Span> spans;
  bool participated(std::size_t group) const {
    return group < spans.size() && spans[group].begin != kNoOffset;
  }
};

class Pattern {
 public:
  // Compiles `source` once (with the JIT when available). Throws PatternError with the
  // offset of the problem in `source`.
  Pattern(std::string_view source, PatternOptions options);
  ~Pattern();
  Pattern(Pattern&&) noexcept;
  Pattern& operator=(Pattern&&) noexcept;

  // The next match at or after byte `from` of `text`, into `groups`; false when there is none
  // (or a limit was hit). Scanning on from the end of a match (one code point further after an
  // empty one) gives Go's FindAll.
  bool find(std::string_view text, std::size_t from, Groups& groups) const;
  // False when `text` lacks a character every match holds (PCRE2 tells which, for some
  // patterns): a cheap look before scanning a text that cannot match.
  bool may_match(std::string_view text) const;
  // Whether the pattern matches the whole of `text`.
  bool matches_whole(std::string_view text) const;
  // Where FindAll looks next after `match`: its end, or one code point on after an empty match.
  static std::size_t next_start(std::string_view text, Span match);

  std::uint32_t group_count() const;
  const std::string& source() const { return source_; }

  struct Compiled;  // PCRE2's compiled code, private to pattern.cpp

 private:
  std::string source_;
  PatternOptions options_;
  std::unique_ptr<Compiled> compiled_;
};

class PatternError : public std::runtime_error {
 public:
  PatternError(const std::string& message, std::size_t offset)
      : std::runtime_error(message), offset_(offset) {}
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

// The index of the ')' closing the group that opens at `open` (its '('), or npos; classes and
// escapes are skipped.
std::size_t group_end(std::string_view source, std::size_t open);

// `source` cut at its top-level '|' (outside groups and classes), or nothing when its
// parentheses do not balance.
std::optional<std::vector<std::string_view>> top_level_alternatives(std::string_view source);

// Every match of `pattern` in `text`, in order, as Go's FindAllStringSubmatchIndex gives them.
template <typename Visit>
void for_each_match(const Pattern& pattern, std::string_view text, Visit&& visit) {
  if (!pattern.may_match(text)) return;
  thread_local Groups groups;
  std::size_t from = 0;
  while (from <= text.size() && pattern.find(text, from, groups)) {
    const Span whole = groups.spans[0];
    visit(static_cast<const Groups&>(groups));
    from = Pattern::next_start(text, whole);
  }
}

}  // namespace copydesk::vale
