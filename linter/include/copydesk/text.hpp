#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace copydesk {

// The UTF-8 byte-order mark. At the start of a file it is no part of the first line: not
// counted in columns, not linted, not the start of a line's text.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The bytes a byte-order mark takes at the start of `text` (0 or 3).
inline std::size_t byte_order_mark_size(std::string_view text) {
  return text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
}

// Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
// surrogates, truncated sequences and code points above U+10FFFF are invalid).
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Decodes the code point at `offset`; `length` receives its byte count. Text must be valid.
char32_t decode_at(std::string_view text, std::size_t offset, int& length);

// Decodes the code point that ends right before `offset`.
char32_t decode_before(std::string_view text, std::size_t offset, int& length);

bool is_letter(char32_t c);  // letters and combining marks, which continue a word
bool is_mark(char32_t c);    // combining marks (Mn, Mc, Me): never the start of a word
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_digit(char32_t c);
bool is_horizontal_space(char32_t c);
bool is_apostrophe(char32_t c);  // ' and ’
bool is_hyphen(char32_t c);      // - and U+2010 hyphen

// The word with curly apostrophes made straight; returns a view of `word` when nothing changes,
// otherwise of `scratch`.
std::string_view straighten_apostrophes(std::string_view word, std::string& scratch);

// Lowercases a word into `out` (full Unicode case folding of each code point).
void to_lower(std::string_view word, std::string& out);

// Whether `a` and `b` are the same bytes but for the case of ASCII letters ("We'RE", "we're").
bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);

// Classifications of a word's letters.
bool starts_upper(std::string_view word);
bool starts_lower(std::string_view word);
bool is_all_upper(std::string_view word);         // every letter is uppercase, at least two letters
bool has_inner_upper(std::string_view word);      // an uppercase letter after the first: "iPhone", "McDonald"
std::size_t count_letters(std::string_view word);
// Canonical lowercase Roman numerals ("ii", "xiv", "mcmxc"), not "dim" or "ic".
bool is_roman_numeral(std::string_view word);

// ASCII whitespace: space, tab, line feed, carriage return, form feed, vertical tab.
// An ASCII capital as its lowercase letter; every other byte as it is (UTF-8 bytes included).
constexpr char to_ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

inline bool is_ascii_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Whether a line ends with the byte at `at`: "\n", the "\n" of "\r\n", or a lone "\r". The one
// definition of a line that positions (SourceMap), pieces and excerpts of long files share.
inline bool ends_line_at(std::string_view text, std::size_t at) {
  return text[at] == '\n' || (text[at] == '\r' && (at + 1 == text.size() || text[at + 1] != '\n'));
}

// Of `candidates`, the one closest to `word` in edit distance, for "did you mean" messages;
// empty when none is close enough to be a slip of the keyboard.
std::string_view closest_spelling(std::string_view word,
                                  std::span<const std::string_view> candidates);

}  // namespace copydesk
