#include "copydesk/vale/run_skip.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <vector>

#include "copydesk/vale/pattern.hpp"

namespace copydesk::vale {
namespace {

// Constructs whose meaning depends on where a match began, or that this reading does not
// follow: back-references, recursion, conditions, verbs, callouts, lookbehinds, `\K`, `\G`,
// extended mode. Looked for anywhere in the pattern, which only ever refuses more.
bool has_unsafe_construct(std::string_view source) {
  for (const std::string_view bad : {"\\g", "\\k", "\\K", "\\G", "(?P=", "(?P>", "(?R", "(?&",
                                     "(?(", "(*", "(?C", "(?<", "(?x", "(?|"}) {
    if (source.find(bad) != std::string_view::npos) return true;
  }
  for (std::size_t at = source.find('\\'); at != std::string_view::npos;
       at = source.find('\\', at + 2)) {
    if (at + 1 < source.size() && source[at + 1] >= '1' && source[at + 1] <= '9') return true;
  }
  return false;
}

// Whether `part` (a pattern, or a group's inside) has a `|` of its own; a part whose
// parentheses do not balance counts as one, which only ever refuses more.
bool has_alternation(std::string_view part) {
  const auto alternatives = top_level_alternatives(part);
  return !alternatives || alternatives->size() > 1;
}

// How often a group that holds the run may match: once (no quantifier), or without bound (`+`,
// `{1,}`), whose first repetition is then written out on its own; nothing else is read here.
enum class Repeat { Once, Unbounded, Other };

Repeat repeat_of(std::string_view rest, std::size_t& length) {
  length = 0;
  if (rest.empty() || std::string_view("*?{+").find(rest.front()) == std::string_view::npos) {
    return Repeat::Once;
  }
  length = rest.starts_with("{1,}") ? 4 : rest.starts_with("+") ? 1 : 0;
  if (length == 0 || (rest.size() > length && (rest[length] == '?' || rest[length] == '+'))) {
    return Repeat::Other;
  }
  return Repeat::Unbounded;
}

// The ASCII characters of a bracket class body, or nothing when it holds anything else
// (escapes, characters beyond ASCII, POSIX names).
std::optional<std::array<bool, 128>> ascii_members(std::string_view body) {
  std::array<bool, 128> members{};
  for (std::size_t i = 0; i < body.size(); ++i) {
    const auto first = static_cast<unsigned char>(body[i]);
    if (first >= 0x80 || first == '\\' || first == '[') return std::nullopt;
    unsigned char last = first;
    if (i + 2 < body.size() && body[i + 1] == '-') {
      last = static_cast<unsigned char>(body[i + 2]);
      if (last >= 0x80 || last == '\\' || last == '[' || last < first) return std::nullopt;
      i += 2;
    }
    for (unsigned c = first; c <= last; ++c) members[c] = true;
  }
  return members;
}

// The items of a negated class body: single characters and two-character escapes.
std::vector<std::string_view> class_items(std::string_view body) {
  std::vector<std::string_view> items;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const std::size_t length = body[i] == '\\' && i + 1 < body.size() ? 2 : 1;
    items.push_back(body.substr(i, length));
    i += length - 1;
  }
  return items;
}

// The element after the run: a literal ASCII character, or `\s`.
struct Follower {
  char literal = 0;
  bool whitespace = false;
};

std::optional<Follower> follower_at(std::string_view source, std::size_t at) {
  if (at >= source.size()) return std::nullopt;
  const char c = source[at];
  // An optional follower (`,?`, `,*`, `,{0,1}`) lets something else follow the run.
  const std::size_t next = at + (c == '\\' ? 2 : 1);
  if (next < source.size() &&
      std::string_view("?*{").find(source[next]) != std::string_view::npos) {
    return std::nullopt;
  }
  if (c == '\\' && at + 1 < source.size()) {
    const char escaped = source[at + 1];
    if (escaped == 's') return Follower{.whitespace = true};
    if (std::ispunct(static_cast<unsigned char>(escaped)) != 0) return Follower{.literal = escaped};
    return std::nullopt;
  }
  if (static_cast<unsigned char>(c) >= 0x80 ||
      std::string_view(".^$|()[]{}*+?\\#").find(c) != std::string_view::npos) {
    return std::nullopt;
  }
  return Follower{.literal = c};
}

bool is_ascii_whitespace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Whether no character the class matches can be the follower, so that the run always ends
// where the class stops matching, whichever of its characters an attempt began at.
bool disjoint(std::string_view body, bool negated, const Follower& follower) {
  if (negated) {
    for (const std::string_view item : class_items(body)) {
      if (follower.whitespace && item == "\\s") return true;
      if (!follower.whitespace &&
          (item == std::string_view(&follower.literal, 1) ||
           (item.size() == 2 && item[0] == '\\' && item[1] == follower.literal))) {
        return true;
      }
      if (!follower.whitespace && is_ascii_whitespace(follower.literal) && item == "\\s")
        return true;
    }
    return false;
  }
  const auto members = ascii_members(body);
  if (!members) return false;
  if (follower.whitespace) {
    for (unsigned c = 0; c < 128; ++c) {
      if ((*members)[c] && is_ascii_whitespace(static_cast<char>(c))) return false;
    }
    return true;
  }
  // A letter follower could match a member in another case under `(?i)`.
  const auto literal = static_cast<unsigned char>(follower.literal);
  return std::isalpha(literal) == 0 && !(*members)[literal];
}

// Skips what may stand before the run: inline flags, `\b`, and the openings of non-capturing
// groups (whose positions go to `groups`). Returns where the run's class should begin.
std::size_t skip_prefix(std::string_view source, std::vector<std::size_t>& groups) {
  std::size_t at = 0;
  for (;;) {
    if (source.substr(at).starts_with("(?:")) {
      groups.push_back(at);
      at += 3;
    } else if (source.substr(at).starts_with("\\b")) {
      at += 2;
    } else if (source.substr(at).starts_with("(?") && at + 2 < source.size() &&
               std::isalpha(static_cast<unsigned char>(source[at + 2])) != 0) {
      const std::size_t close = source.find(')', at);
      if (close == std::string_view::npos) return std::string_view::npos;
      for (std::size_t i = at + 2; i < close; ++i) {
        if (std::string_view("ims").find(source[i]) == std::string_view::npos) {
          return std::string_view::npos;
        }
      }
      at = close + 1;
    } else {
      return at;
    }
  }
}

}  // namespace

// Safe when: nothing before the run can consume a character (flags, `\b`, group openings); the
// run is a bracket class with a greedy `+`; what follows it cannot match a character of the
// class; no group around it has an alternative or a bounded repetition, and the pattern none at
// its top; nothing in the pattern looks back at where the match began. Then every attempt that
// begins inside a run reaches the run's end in the same state as the attempt from the run's
// first character, which failed: PCRE2 may go on from the run's end.
std::string skip_past_leading_run(std::string_view source) {
  const std::string unchanged(source);
  if (has_unsafe_construct(source) || has_alternation(source)) {
    return unchanged;
  }
  std::vector<std::size_t> groups;
  const std::size_t open = skip_prefix(source, groups);
  if (open == std::string_view::npos || open >= source.size() || source[open] != '[')
    return unchanged;
  const bool negated = source.substr(open).starts_with("[^");
  const std::size_t body_begin = open + (negated ? 2 : 1);
  if (body_begin >= source.size() || source[body_begin] == ']') return unchanged;
  std::size_t close = body_begin;
  while (close < source.size() && source[close] != ']') close += source[close] == '\\' ? 2 : 1;
  if (close + 1 >= source.size() || source[close + 1] != '+') return unchanged;
  const std::size_t after_plus = close + 2;
  if (after_plus < source.size() && (source[after_plus] == '?' || source[after_plus] == '+')) {
    return unchanged;
  }
  const auto follower = follower_at(source, after_plus);
  const std::string_view body = source.substr(body_begin, close - body_begin);
  if (!follower || !disjoint(body, negated, *follower)) return unchanged;
  // (*SKIP) acts when the match backtracks past it: it must stand where it is passed once per
  // attempt, so an unbounded group around the run has its first repetition written out,
  // `(?:X){1,}` as `(?:X)(?:X)*`, and the skip goes in that one.
  std::size_t repeated = std::string_view::npos;  // the group, if it is repeated
  std::size_t repeated_end = 0;
  std::size_t quantifier = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const std::size_t end = group_end(source, groups[i]);
    if (end == std::string_view::npos ||
        has_alternation(source.substr(groups[i] + 1, end - groups[i] - 1))) {
      return unchanged;
    }
    std::size_t length = 0;
    const Repeat repeat = repeat_of(source.substr(end + 1), length);
    if (repeat == Repeat::Other) return unchanged;
    if (repeat == Repeat::Unbounded) {
      if (i + 1 != groups.size()) return unchanged;  // only the innermost group may repeat
      repeated = groups[i];
      repeated_end = end;
      quantifier = length;
    }
  }
  const std::string skip = "(*SKIP)";
  if (repeated == std::string_view::npos) {
    return std::string(source.substr(0, after_plus)) + skip +
           std::string(source.substr(after_plus));
  }
  const std::string_view group = source.substr(repeated, repeated_end + 1 - repeated);
  return std::string(source.substr(0, after_plus)) + skip +
         std::string(source.substr(after_plus, repeated_end + 1 - after_plus)) +
         std::string(group) + "*" + std::string(source.substr(repeated_end + 1 + quantifier));
}

}  // namespace copydesk::vale
