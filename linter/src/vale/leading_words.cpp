#include "copydesk/vale/leading_words.hpp"

#include <algorithm>

namespace copydesk::vale {
namespace {

constexpr std::size_t kLongestPrefix = 64;

bool is_word_byte(char c) { return LeadingWords::is_word_byte(c); }

bool is_ascii_punctuation(char c) { return c > ' ' && c < 0x7F && !is_word_byte(c); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_quantifier(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

// A character that stands for itself in a pattern (outside a class).
bool is_literal(char c) {
  if (is_word_byte(c) || c == ' ') return true;
  return is_ascii_punctuation(c) &&
         std::string_view("\\.^$|?*+()[]{}#").find(c) == std::string_view::npos;
}

// How the matches of a pattern may begin.
struct Starts {
  // Literal texts that follow a whitespace character or the start of the text, where the
  // match begins (`(?:^|\s)I\s`, in rules without word boundaries).
  std::vector<std::string> spaced;
  std::vector<std::string> prefixes;    // literal words' beginnings, in lower case
  std::array<bool, 256> punctuation{};  // ASCII punctuation a match may begin with
  bool digits = false;                  // a digit at a word start (`\b\d+`)
};

// The members of a class such as `[\.]` or `[.,]` at the start of `source`, and in `end` where
// it closes; nothing for a class with ranges, negation, class escapes or non-ASCII characters.
std::optional<std::string> class_members(std::string_view source, std::size_t& end) {
  std::string members;
  for (std::size_t i = 1; i < source.size(); ++i) {
    char c = source[i];
    if (c == ']' && i > 1) {
      end = i + 1;
      return members;
    }
    if (c == '\\' && i + 1 < source.size() && is_ascii_punctuation(source[i + 1])) {
      c = source[++i];
    } else if (c == '\\' || c == '^' || c == '-' || c == '[' ||
               static_cast<unsigned char>(c) >= 0x80) {
      return std::nullopt;
    }
    members += c;
  }
  return std::nullopt;
}

void add_members(std::string_view members, Starts& starts) {
  for (const char member : members) {
    if (is_word_byte(member)) {
      starts.prefixes.emplace_back(1, lower(member));
    } else {
      starts.punctuation[static_cast<unsigned char>(member)] = true;
    }
  }
}

// Whether each alternative must say itself where it begins (a `nonword` rule's tokens), or a
// `\b` in front of them all says it.
enum class Boundary { Given, PerAlternative };

bool add_starts(std::string_view source, Starts& starts, Boundary boundary);

// A group that must take part (not followed by `?`, `*`, `{0,`): its alternatives begin it.
bool add_group_starts(std::string_view alternative, std::size_t open, Starts& starts,
                      Boundary boundary) {
  const std::size_t close = group_end(alternative, 0);
  if (close == std::string_view::npos) return false;
  if (close + 1 < alternative.size() && is_quantifier(alternative[close + 1])) return false;
  return add_starts(alternative.substr(open, close - open), starts, boundary);
}

// One character of a few (`[\.]+apk`) or one escaped (`\.NET`), which must be there.
bool add_character_starts(std::string_view alternative, Starts& starts) {
  std::size_t end = 2;
  const std::optional<std::string> members =
      alternative[0] == '[' ? class_members(alternative, end) : std::string(1, alternative[1]);
  if (!members || members->empty()) return false;
  if (end < alternative.size() && alternative[end] != '+' && is_quantifier(alternative[end])) {
    return false;
  }
  add_members(*members, starts);
  return true;
}

// The literal text an alternative that begins with a word begins with: "the fact that",
// "all of " of "all of (?!a sudden)", "e.g." of `e\.g\.`. The longer, the fewer places the
// pattern is tried at ("e" alone would let every word that begins with an "e" through).
bool add_word_start(std::string_view alternative, std::vector<std::string>& prefixes) {
  if (alternative.empty() || !is_word_byte(alternative[0])) return false;
  std::string prefix;
  std::size_t at = 0;
  while (at < alternative.size() && prefix.size() < kLongestPrefix) {
    const char c = alternative[at];
    if (is_literal(c)) {
      prefix += lower(c);
      ++at;
    } else if (c == '\\' && at + 1 < alternative.size() &&
               is_ascii_punctuation(alternative[at + 1])) {
      prefix += alternative[at + 1];  // an escaped punctuation character stands for itself
      at += 2;
    } else {
      break;
    }
  }
  // "colou?r": the character before a quantifier may be absent.
  if (at < alternative.size() && is_quantifier(alternative[at])) prefix.pop_back();
  if (prefix.empty()) return false;
  prefixes.push_back(std::move(prefix));
  return true;
}

// `\d` that must be there (not `\d?`, `\d*`, `\d{0,}`), after the `\b` that says where
// all the alternatives begin: Google.Units' `\b\d+(?:B|kB|MB)`.
bool add_digit_start(std::string_view alternative, Starts& starts) {
  const std::string_view rest = alternative.substr(2);
  if (rest.starts_with("?") || rest.starts_with("*") || rest.starts_with("{0")) return false;
  starts.digits = true;
  return true;
}

// In a rule without word boundaries: `\bme\b`, or `(?:^|\s)I\s` (the match begins at the
// whitespace before the word).
bool add_own_boundary_starts(std::string_view alternative, Starts& starts) {
  constexpr std::string_view kSpaceOrStart = "(?:^|\\s)";
  if (alternative.starts_with("\\b")) {
    return add_starts(alternative.substr(2), starts, Boundary::Given);
  }
  if (alternative.starts_with(kSpaceOrStart)) {
    return add_word_start(alternative.substr(kSpaceOrStart.size()), starts.spaced);
  }
  if (alternative.starts_with("(?:")) {
    return add_group_starts(alternative, 3, starts, Boundary::PerAlternative);
  }
  return false;
}

// Adds how each alternative of `source` begins; false when one may begin otherwise than with
// something it spells out.
bool add_starts(std::string_view source, Starts& starts, Boundary boundary) {
  const auto alternatives = top_level_alternatives(source);
  if (!alternatives) return false;
  for (const std::string_view alternative : *alternatives) {
    bool added = false;
    if (boundary == Boundary::PerAlternative) {
      added = add_own_boundary_starts(alternative, starts);
    } else if (alternative.starts_with("(?:")) {
      added = add_group_starts(alternative, 3, starts, boundary);
    } else if (alternative.starts_with("(") && !alternative.starts_with("(?")) {
      added = add_group_starts(alternative, 1, starts, boundary);
    } else if (alternative.starts_with("[") || (alternative.size() > 1 && alternative[0] == '\\' &&
                                                is_ascii_punctuation(alternative[1]))) {
      added = add_character_starts(alternative, starts);
    } else if (alternative.starts_with("\\d")) {
      added = add_digit_start(alternative, starts);
    } else {
      added = add_word_start(alternative, starts.prefixes);
    }
    if (!added) return false;
  }
  return true;
}

// Sorted, keeping only the shortest of prefixes that begin alike ("in" serves "in order to"
// too). After that, the only prefix a text can begin with is the greatest one not above it.
std::vector<std::string> shortest_distinct(std::vector<std::string> prefixes) {
  std::sort(prefixes.begin(), prefixes.end());
  std::vector<std::string> kept;
  for (std::string& prefix : prefixes) {
    if (!kept.empty() && prefix.starts_with(kept.back())) continue;
    kept.push_back(std::move(prefix));
  }
  return kept;
}

}  // namespace

std::optional<LeadingWords> LeadingWords::of(std::string_view pattern) {
  if (pattern.starts_with("(?m)")) pattern.remove_prefix(4);
  // A `\b` in front (vale_pattern's word-bounded tokens, a `raw` that begins with it) says
  // where all matches begin; without it (a `nonword` rule) each alternative must say it.
  Boundary boundary = Boundary::PerAlternative;
  if (pattern.starts_with("\\b")) {
    pattern.remove_prefix(2);
    boundary = Boundary::Given;
  }
  const auto alternatives = top_level_alternatives(pattern);
  if (!alternatives || alternatives->size() != 1) return std::nullopt;
  Starts starts;
  if (!add_starts(pattern, starts, boundary)) return std::nullopt;
  LeadingWords leading;
  leading.prefixes_ = shortest_distinct(std::move(starts.prefixes));
  leading.spaced_ = shortest_distinct(std::move(starts.spaced));
  for (const auto* prefixes : {&leading.prefixes_, &leading.spaced_}) {
    for (const std::string& prefix : *prefixes) {
      leading.longest_ = std::max(leading.longest_, prefix.size());
    }
  }
  for (const std::string& prefix : leading.prefixes_) {
    leading.first_bytes_[static_cast<unsigned char>(prefix[0])] = true;
  }
  leading.punctuation_ = starts.punctuation;
  leading.digits_ = starts.digits;
  for (std::size_t byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(byte);
    leading.start_bytes_[byte] =
        leading.punctuation_[byte] || (leading.digits_ && may_begin_digit(c)) ||
        (is_word_byte(c) && leading.first_bytes_[static_cast<unsigned char>(lower(c))]) ||
        (!leading.spaced_.empty() && may_begin_whitespace(c));
  }
  return leading;
}

// ASCII whitespace, or a byte that begins one of Unicode's whitespace characters beyond ASCII
// (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000), all of which `\s` matches.
bool LeadingWords::may_begin_whitespace(char c) {
  switch (static_cast<unsigned char>(c)) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0xC2:
    case 0xE1:
    case 0xE2:
    case 0xE3:
      return true;
    default:
      return false;
  }
}

bool LeadingWords::may_begin_digit(char c) {
  // `\d` is Unicode-aware: a byte that begins a character beyond ASCII may begin a digit.
  return (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0xC0;
}

bool LeadingWords::digit_start_at(std::string_view text, std::size_t at) {
  const char c = text[at];
  if (!may_begin_digit(c)) return false;
  // After an ASCII letter or digit there is no word boundary before an ASCII digit.
  return static_cast<unsigned char>(c) >= 0x80 || at == 0 || !is_word_byte(text[at - 1]);
}

bool LeadingWords::may_start_at(std::string_view text, std::size_t at) const {
  const char first = text[at];
  if (punctuation_[static_cast<unsigned char>(first)]) return true;
  if (digits_ && digit_start_at(text, at)) return true;
  if (!spaced_.empty() && spaced_start_at(text, at)) return true;
  if (!is_word_byte(first) || !first_bytes_[static_cast<unsigned char>(lower(first))]) {
    return false;
  }
  if (at > 0 && is_word_byte(text[at - 1])) return false;
  return goes_on_with_one(prefixes_, text, at);
}

bool LeadingWords::spaced_start_at(std::string_view text, std::size_t at) const {
  if (at == 0) return true;  // `^`
  const char c = text[at];
  if (!may_begin_whitespace(c)) return false;
  // Beyond ASCII, `\s` is one of a few characters; these bytes begin each of them.
  if (static_cast<unsigned char>(c) >= 0x80) return true;
  return goes_on_with_one(spaced_, text, at + 1);
}

bool LeadingWords::goes_on_with_one(const std::vector<std::string>& prefixes, std::string_view text,
                                    std::size_t at) const {
  // The text from `at` in lower case, as far as the longest prefix reaches.
  std::array<char, kLongestPrefix> buffer;
  const std::size_t length = std::min(longest_, text.size() - at);
  for (std::size_t i = 0; i < length; ++i) buffer[i] = lower(text[at + i]);
  const std::string_view begun(buffer.data(), length);
  const auto after =
      std::upper_bound(prefixes.begin(), prefixes.end(), begun,
                       [](std::string_view a, const std::string& b) { return a < b; });
  return after != prefixes.begin() && begun.starts_with(*(after - 1));
}

bool LeadingWords::can_filter(std::string_view text) {
  // U+212A KELVIN SIGN and U+017F LATIN SMALL LETTER LONG S, in UTF-8.
  return text.find("\xE2\x84\xAA") == std::string_view::npos &&
         text.find("\xC5\xBF") == std::string_view::npos;
}

}  // namespace copydesk::vale
