#include "copydesk/vale/leading_words.hpp"

#include <algorithm>

namespace copydesk::vale {
namespace {

constexpr std::size_t kLongestPrefix = 64;

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_ascii_punctuation(char c) { return c > ' ' && c < 0x7F && !is_word_byte(c); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_quantifier(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

// A character that stands for itself in a pattern (outside a class).
bool is_literal(char c) {
  if (is_word_byte(c) || c == ' ') return true;
  return is_ascii_punctuation(c) &&
         std::string_view("\\.^$|?*+()[]{}#").find(c) == std::string_view::npos;
}

// `source` cut at its top-level '|', or nothing when its parentheses do not balance.
std::optional<std::vector<std::string_view>> top_level_alternatives(std::string_view source) {
  std::vector<std::string_view> alternatives;
  int depth = 0;
  bool in_class = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth < 0) {
      return std::nullopt;
    } else if (c == '|' && depth == 0) {
      alternatives.push_back(source.substr(start, i - start));
      start = i + 1;
    }
  }
  if (depth != 0 || in_class) return std::nullopt;
  alternatives.push_back(source.substr(start));
  return alternatives;
}

// The index of the ')' closing the group that opens at 0, in a balanced `source`.
std::size_t group_close(std::string_view source) {
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

// How the matches of a pattern may begin.
struct Starts {
  std::vector<std::string> prefixes;    // literal words' beginnings, in lower case
  std::array<bool, 256> punctuation{};  // ASCII punctuation a match may begin with
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

bool add_starts(std::string_view source, Starts& starts);

// A group that must take part (not followed by `?`, `*`, `{0,`): its alternatives begin it.
bool add_group_starts(std::string_view alternative, std::size_t open, Starts& starts) {
  const std::size_t close = group_close(alternative);
  if (close == std::string_view::npos) return false;
  if (close + 1 < alternative.size() && is_quantifier(alternative[close + 1])) return false;
  return add_starts(alternative.substr(open, close - open), starts);
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
// "all of " of "all of (?!a sudden)". The longer, the fewer places the pattern is tried at.
bool add_word_start(std::string_view alternative, Starts& starts) {
  if (alternative.empty() || !is_word_byte(alternative[0])) return false;
  std::size_t length = 0;
  while (length < alternative.size() && is_literal(alternative[length])) ++length;
  // "colou?r": the character before a quantifier may be absent.
  if (length < alternative.size() && is_quantifier(alternative[length])) --length;
  if (length == 0) return false;
  std::string prefix(alternative.substr(0, std::min(length, kLongestPrefix)));
  std::transform(prefix.begin(), prefix.end(), prefix.begin(), lower);
  starts.prefixes.push_back(std::move(prefix));
  return true;
}

// Adds how each alternative of `source` begins; false when one may begin otherwise than with
// something it spells out.
bool add_starts(std::string_view source, Starts& starts) {
  const auto alternatives = top_level_alternatives(source);
  if (!alternatives) return false;
  for (const std::string_view alternative : *alternatives) {
    bool added = false;
    if (alternative.starts_with("(?:")) {
      added = add_group_starts(alternative, 3, starts);
    } else if (alternative.starts_with("(") && !alternative.starts_with("(?")) {
      added = add_group_starts(alternative, 1, starts);
    } else if (alternative.starts_with("[") || (alternative.size() > 1 && alternative[0] == '\\' &&
                                                is_ascii_punctuation(alternative[1]))) {
      added = add_character_starts(alternative, starts);
    } else {
      added = add_word_start(alternative, starts);
    }
    if (!added) return false;
  }
  return true;
}

}  // namespace

std::optional<LeadingWords> LeadingWords::of(std::string_view pattern) {
  // Only a pattern whose matches begin at a word boundary: `(?m)\b(?:...)` as vale_pattern
  // writes word-bounded tokens, or a `raw` beginning with `\b`.
  if (pattern.starts_with("(?m)")) pattern.remove_prefix(4);
  if (!pattern.starts_with("\\b")) return std::nullopt;
  pattern.remove_prefix(2);
  const auto alternatives = top_level_alternatives(pattern);
  if (!alternatives || alternatives->size() != 1) return std::nullopt;
  Starts starts;
  if (!add_starts(pattern, starts)) return std::nullopt;
  std::sort(starts.prefixes.begin(), starts.prefixes.end());
  // Keep only the shortest of prefixes that begin alike: "in" serves "in order to" too. After
  // that, the only prefix a word can begin with is the greatest one not above it.
  LeadingWords leading;
  for (std::string& prefix : starts.prefixes) {
    if (!leading.prefixes_.empty() && prefix.starts_with(leading.prefixes_.back())) continue;
    leading.prefixes_.push_back(std::move(prefix));
  }
  for (const std::string& prefix : leading.prefixes_) {
    leading.first_bytes_[static_cast<unsigned char>(prefix[0])] = true;
    leading.longest_ = std::max(leading.longest_, prefix.size());
  }
  leading.punctuation_ = starts.punctuation;
  for (std::size_t byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(byte);
    leading.start_bytes_[byte] =
        leading.punctuation_[byte] ||
        (is_word_byte(c) && leading.first_bytes_[static_cast<unsigned char>(lower(c))]);
  }
  return leading;
}

bool LeadingWords::may_start_at(std::string_view text, std::size_t at) const {
  const char first = text[at];
  if (punctuation_[static_cast<unsigned char>(first)]) return true;
  if (!is_word_byte(first) || !first_bytes_[static_cast<unsigned char>(lower(first))]) {
    return false;
  }
  if (at > 0 && is_word_byte(text[at - 1])) return false;
  // The text from `at` in lower case, as far as the longest prefix reaches.
  std::array<char, kLongestPrefix> buffer;
  const std::size_t length = std::min(longest_, text.size() - at);
  for (std::size_t i = 0; i < length; ++i) buffer[i] = lower(text[at + i]);
  const std::string_view word(buffer.data(), length);
  const auto after =
      std::upper_bound(prefixes_.begin(), prefixes_.end(), word,
                       [](std::string_view a, const std::string& b) { return a < b; });
  return after != prefixes_.begin() && word.starts_with(*(after - 1));
}

bool LeadingWords::can_filter(std::string_view text) {
  // U+212A KELVIN SIGN and U+017F LATIN SMALL LETTER LONG S, in UTF-8.
  return text.find("\xE2\x84\xAA") == std::string_view::npos &&
         text.find("\xC5\xBF") == std::string_view::npos;
}

}  // namespace copydesk::vale
