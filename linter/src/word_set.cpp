#include "copydesk/word_set.hpp"

#include "copydesk/text.hpp"

namespace copydesk {

void WordSet::add_lines(std::string_view text) {
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    add(line);
  }
}

std::size_t WordSet::sketch_bit(std::string_view word) {
  if (word.empty()) return 0;
  const auto first = static_cast<unsigned char>(word.front());
  const auto last = static_cast<unsigned char>(word.back());
  return (first * 131u + last * 31u + word.size() * 7u) % 4096u;
}

void WordSet::add(std::string_view word) {
  std::string scratch;
  const std::string_view straight = straighten_apostrophes(word, scratch);
  sketch_.set(sketch_bit(straight));
  words_.emplace(straight);
}

bool WordSet::contains_exact(std::string_view word) const {
  return sketch_.test(sketch_bit(word)) && words_.find(word) != words_.end();
}

bool WordSet::contains(std::string_view word) const {
  std::string scratch;
  const std::string_view straight = straighten_apostrophes(word, scratch);
  if (contains_exact(straight)) return true;
  if (!starts_upper(straight)) return false;
  std::string lower;
  to_lower(straight, lower);
  return contains_exact(lower);
}

}  // namespace copydesk
