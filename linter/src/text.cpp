#include "copydesk/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

namespace copydesk {
namespace {

// Length of a valid UTF-8 sequence starting at `offset`, or 0 when it is invalid.
std::size_t valid_sequence_length(std::string_view text, std::size_t offset) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + offset;
  utf8proc_int32_t code_point = 0;
  const auto remaining = static_cast<utf8proc_ssize_t>(text.size() - offset);
  const utf8proc_ssize_t length = utf8proc_iterate(bytes, remaining, &code_point);
  return length > 0 ? static_cast<std::size_t>(length) : 0;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    // Eight ASCII bytes at a time: most text is ASCII, and every file is checked.
    for (std::uint64_t block; offset + 8 <= text.size(); offset += 8) {
      std::memcpy(&block, text.data() + offset, sizeof block);
      if ((block & 0x8080808080808080ULL) != 0) break;
    }
    if (offset >= text.size()) break;
    if (static_cast<unsigned char>(text[offset]) < 0x80) {
      ++offset;
      continue;
    }
    const std::size_t length = valid_sequence_length(text, offset);
    if (length == 0) return offset;
    offset += length;
  }
  return std::nullopt;
}

char32_t decode_at(std::string_view text, std::size_t offset, int& length) {
  const auto byte = static_cast<unsigned char>(text[offset]);
  if (byte < 0x80) {
    length = 1;
    return byte;
  }
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + offset;
  utf8proc_int32_t code_point = 0;
  const auto n = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - offset),
                                  &code_point);
  if (n <= 0) {
    length = 1;
    return 0xFFFD;
  }
  length = static_cast<int>(n);
  return static_cast<char32_t>(code_point);
}

char32_t decode_before(std::string_view text, std::size_t offset, int& length) {
  std::size_t start = offset;
  do {
    --start;
  } while (start > 0 && offset - start < 4 &&
           (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80);
  return decode_at(text, start, length);
}

bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

bool is_mark(char32_t c) {
  if (c < 0x300) return false;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_horizontal_space(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return true;
  if (c < 0x80) return false;
  return c == 0xFEFF || utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS;
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

std::string_view straighten_apostrophes(std::string_view word, std::string& scratch) {
  static constexpr std::string_view kCurly = "\xE2\x80\x99";
  // A look for the first byte alone settles most words: a loop over a short word costs less
  // than a call to memchr.
  bool lead_byte = false;
  for (const char c : word) lead_byte = lead_byte || c == kCurly[0];
  if (!lead_byte || word.find(kCurly) == std::string_view::npos) return word;
  scratch.clear();
  for (std::size_t i = 0; i < word.size();) {
    if (word.compare(i, kCurly.size(), kCurly) == 0) {
      scratch.push_back('\'');
      i += kCurly.size();
    } else {
      scratch.push_back(word[i++]);
    }
  }
  return scratch;
}

void to_lower(std::string_view word, std::string& out) {
  out.clear();
  std::size_t ascii = 0;  // the ASCII start needs no decoding
  while (ascii < word.size() && static_cast<unsigned char>(word[ascii]) < 0x80) ++ascii;
  out.resize(ascii);
  for (std::size_t i = 0; i < ascii; ++i) {
    const char c = word[i];
    out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  for (std::size_t i = ascii; i < word.size();) {
    int length = 0;
    const char32_t c = decode_at(word, i, length);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else {
      utf8proc_uint8_t buffer[4];
      const auto lower = utf8proc_tolower(static_cast<utf8proc_int32_t>(c));
      const auto n = utf8proc_encode_char(lower, buffer);
      out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
    }
    i += static_cast<std::size_t>(length);
  }
}

namespace {

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Whether every byte is ASCII: the classifications below then need no decoding.
bool all_ascii(std::string_view word) {
  for (const char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

template <typename Visit>
void for_each_letter(std::string_view word, Visit visit) {
  for (std::size_t i = 0; i < word.size();) {
    int length = 0;
    const char32_t c = decode_at(word, i, length);
    if (is_letter(c) && !visit(c, i)) return;
    i += static_cast<std::size_t>(length);
  }
}

}  // namespace

bool starts_upper(std::string_view word) {
  if (!word.empty() && ascii_letter(word[0])) return ascii_upper(word[0]);
  bool upper = false;
  for_each_letter(word, [&](char32_t c, std::size_t) {
    upper = is_upper(c);
    return false;
  });
  return upper;
}

bool starts_lower(std::string_view word) {
  if (!word.empty() && ascii_letter(word[0])) return !ascii_upper(word[0]);
  bool lower = false;
  for_each_letter(word, [&](char32_t c, std::size_t) {
    lower = is_lower(c);
    return false;
  });
  return lower;
}

bool is_all_upper(std::string_view word) {
  if (all_ascii(word)) {
    int letters = 0;
    for (const char c : word) {
      if (!ascii_letter(c)) continue;
      if (!ascii_upper(c)) return false;
      ++letters;
    }
    return letters >= 2;
  }
  int letters = 0;
  bool all_upper = true;
  for_each_letter(word, [&](char32_t c, std::size_t) {
    ++letters;
    all_upper = all_upper && !is_lower(c);
    return all_upper;
  });
  return all_upper && letters >= 2;
}

bool has_inner_upper(std::string_view word) {
  if (all_ascii(word)) {
    bool first = true;
    for (const char c : word) {
      if (!ascii_letter(c)) continue;
      if (!first && ascii_upper(c)) return true;
      first = false;
    }
    return false;
  }
  bool first = true;
  bool inner = false;
  for_each_letter(word, [&](char32_t c, std::size_t) {
    if (!first && is_upper(c)) inner = true;
    first = false;
    return !inner;
  });
  return inner;
}

std::size_t count_letters(std::string_view word) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < word.size();) {
    int length = 0;
    if (is_letter(decode_at(word, i, length))) ++count;
    i += static_cast<std::size_t>(length);
  }
  return count;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string_view closest_spelling(std::string_view word,
                                  std::span<const std::string_view> candidates) {
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(3, word.size() / 3) + 1;
  for (const std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

bool is_roman_numeral(std::string_view word) {
  const auto value_of = [](char c) -> int {
    switch (c) {
      case 'i':
        return 1;
      case 'v':
        return 5;
      case 'x':
        return 10;
      case 'l':
        return 50;
      case 'c':
        return 100;
      case 'd':
        return 500;
      case 'm':
        return 1000;
      default:
        return 0;
    }
  };
  int total = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const int value = value_of(word[i]);
    if (value == 0) return false;
    const int next = i + 1 < word.size() ? value_of(word[i + 1]) : 0;
    total += next > value ? -value : value;
  }
  if (total <= 0 || total >= 4000) return false;
  // Re-encode and compare, so that "dim" or "ic" (not canonical numerals) do not pass.
  static constexpr std::pair<int, std::string_view> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::size_t at = 0;
  for (const auto& [value, digits] : kDigits) {
    while (total >= value) {
      if (word.compare(at, digits.size(), digits) != 0) return false;
      at += digits.size();
      total -= value;
    }
  }
  return at == word.size();
}

}  // namespace copydesk
