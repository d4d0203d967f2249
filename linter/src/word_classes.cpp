#include "copydesk/word_classes.hpp"

#include <algorithm>
#include <cstddef>

namespace copydesk {

// Defined in the source cmake/word_classes.cmake generates.
std::string_view embedded_nouns();
std::string_view embedded_adjectives();

bool sorted_lines_contain(std::string_view lines, std::string_view word) {
  // [low, high) always starts at a line's start and ends after a '\n' (or at 0).
  std::size_t low = 0;
  std::size_t high = lines.size();
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    // The start of the line `middle` falls in: low is a line's start, so it is no earlier.
    std::size_t start = 0;
    if (middle > 0) {
      const std::size_t newline = lines.rfind('\n', middle - 1);
      if (newline != std::string_view::npos) start = newline + 1;
    }
    const std::size_t end = lines.find('\n', start);
    if (end == std::string_view::npos) return false;  // not a list of lines
    const int order = lines.substr(start, end - start).compare(word);
    if (order == 0) return true;
    if (order < 0) {
      low = end + 1;
    } else {
      high = start;
    }
  }
  return false;
}

namespace {

bool plain_word(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

bool word_classes_available() { return !embedded_nouns().empty(); }

bool is_plain_noun(std::string_view word) {
  return plain_word(word) && sorted_lines_contain(embedded_nouns(), word);
}

bool has_adjective_sense(std::string_view word) {
  return plain_word(word) && sorted_lines_contain(embedded_adjectives(), word);
}

}  // namespace copydesk
