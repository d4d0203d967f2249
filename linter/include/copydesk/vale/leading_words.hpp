#pragma once

// Where a word-bounded token list can match, found without running its pattern. Most tokens of
// the style packages begin with a literal word ("absentmindedly", "in order to",
// "(?:previous|prior) to"); a match then starts at the start of a word that begins with one of
// those literals. Checking each word start of a text against the sorted literals is far cheaper
// than PCRE2 trying an alternation of hundreds of words at every position, and the pattern
// still decides, anchored at each such word start, so the matches stay exactly the same.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/vale/pattern.hpp"

namespace copydesk::vale {

class LeadingWords {
 public:
  // How the matches of `pattern` (as vale_pattern writes it, `raw` included) may begin: at a
  // word boundary with one of the literal texts its alternatives begin with ("in order to",
  // "colo" of "colou?r"), at one of the punctuation characters they begin with, or, for
  // `(?:^|\s)I\s`, at a whitespace character before the literal. Nothing when one of them may
  // begin otherwise (`\w`, an optional group, a lookaround): such a pattern scans every text.
  static std::optional<LeadingWords> of(std::string_view pattern);

  // Whether a match may start at `at`: a byte a match may begin with, whitespace (or the start)
  // before a spaced prefix, or a word start of `text` where it goes on with one of the
  // prefixes (compared in lower case, which only ever lets more through).
  bool may_start_at(std::string_view text, std::size_t at) const;
  // The first `at` from `from` on where a match may start, or npos.
  std::size_t next_start(std::string_view text, std::size_t from) const {
    for (std::size_t at = from; at < text.size(); ++at) {
      const bool start_of_text = at == 0 && !spaced_.empty();  // `^`
      if ((start_bytes_[static_cast<unsigned char>(text[at])] || start_of_text) &&
          may_start_at(text, at)) {
        return at;
      }
    }
    return std::string_view::npos;
  }
  // False for a text where the ASCII reading would be unsafe: it holds a character that a
  // caseless pattern matches to an ASCII letter (the Kelvin sign, the long s).
  static bool can_filter(std::string_view text);

  // What a LeadingSet reads to match many rules' literals at once.
  const std::vector<std::string>& prefixes() const { return prefixes_; }
  const std::vector<std::string>& spaced() const { return spaced_; }
  bool begins_at_punctuation(char c) const { return punctuation_[static_cast<unsigned char>(c)]; }
  // Whether a match may begin with a digit at a word start (see digit_start_at).
  bool begins_at_digits() const { return digits_; }
  // An ASCII digit at a word start, or a byte that begins a character beyond ASCII (which may
  // be a digit to the Unicode-aware `\d`).
  static bool digit_start_at(std::string_view text, std::size_t at);
  // ASCII letters, digits and '_': the bytes a word start is told by.
  static bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  // ASCII whitespace, or a byte that begins one of Unicode's whitespace characters beyond ASCII.
  static bool may_begin_whitespace(char c);

 private:
  static bool may_begin_digit(char c);
  bool spaced_start_at(std::string_view text, std::size_t at) const;
  bool goes_on_with_one(const std::vector<std::string>& prefixes, std::string_view text,
                        std::size_t at) const;

  std::vector<std::string> prefixes_;    // lower case, sorted, none a prefix of another
  std::vector<std::string> spaced_;      // the same, after whitespace or the start
  std::array<bool, 256> first_bytes_{};  // the first bytes of the prefixes
  std::array<bool, 256> punctuation_{};  // bytes a match may begin with wherever they are
  bool digits_ = false;                  // a match may begin with a digit
  std::array<bool, 256> start_bytes_{};  // the punctuation and the prefixes' first letters
  std::size_t longest_ = 0;
};

// Every match of `pattern` (compiled with `anchored`) in `text`, as for_each_match gives them
// for the same pattern unanchored: tried at each place `leading` lets through, in order. No
// match starts elsewhere, so the first that matches is the leftmost match.
template <typename Visit>
void for_each_match(const Pattern& pattern, const LeadingWords& leading, std::string_view text,
                    Visit&& visit) {
  if (!pattern.may_match(text)) return;
  const bool filter = LeadingWords::can_filter(text);
  const auto next = [&](std::size_t from) {
    if (filter) return leading.next_start(text, from);
    // Every code point: slow, for the rare text where the filter cannot be trusted.
    while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    return from <= text.size() ? from : std::string_view::npos;
  };
  thread_local Groups groups;
  for (std::size_t at = next(0); at != std::string_view::npos;) {
    if (!pattern.find(text, at, groups)) {
      at = at < text.size() ? next(at + 1) : std::string_view::npos;
      continue;
    }
    const Span whole = groups.spans[0];
    visit(static_cast<const Groups&>(groups));
    at = next(Pattern::next_start(text, whole));
  }
}

}  // namespace copydesk::vale
