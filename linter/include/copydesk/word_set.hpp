#pragma once

#include <bitset>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace copydesk {

// Transparent hashing so that lookups by string_view do not allocate.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A set of words, matched exactly or case-insensitively for lowercase entries.
class WordSet {
 public:
  WordSet() = default;
  // One word per line; blank lines and lines starting with '#' are ignored.
  void add_lines(std::string_view text);
  void add(std::string_view word);
  // True when `word` is in the set as written, or when its lowercase form is and the entry is
  // lowercase (so "online" accepts "Online" but "NASA" does not accept "nasa").
  bool contains(std::string_view word) const;
  bool contains_exact(std::string_view word) const;
  std::size_t size() const { return words_.size(); }

 private:
  // One bit per (length, first byte, last byte) class, set for the classes of the words held.
  // Most lookups are of words the set does not hold (every word before a period is looked up
  // among the abbreviations): one bit test turns most of them away without hashing the word.
  static std::size_t sketch_bit(std::string_view word);
  std::bitset<4096> sketch_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> words_;
};

}  // namespace copydesk
