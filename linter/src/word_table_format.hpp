#pragma once

// The layout of a precompiled word table, shared by the generator that writes it at build time
// (linter/tools/word_table_gen.cpp) and by WordTable, which reads it from the binary.
//
// A table answers Hunspell's spell() for the words of its domain (ASCII letters, apostrophes and
// hyphens, perhaps a final period, at most kMaxWordBytes) without loading Hunspell. It holds keys with flags:
//   kExact    the key itself is accepted as written (keys that are lowercase or mixed case)
//   kInitial  the key with its first letter capitalized is accepted ("the" -> "The")
//   kUpper    the key in capitals is accepted ("nasa" -> "NASA")
// A key that is present carries every flag that applies to its shape, each computed by asking
// Hunspell itself at build time, so a present key's answer is Hunspell's answer.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace copydesk::word_table {

inline constexpr char kMagic[8] = {'C', 'D', 'W', 'O', 'R', 'D', 'S', '1'};
inline constexpr std::size_t kMaxWordBytes = 64;

enum Flag : std::uint8_t { kExact = 1, kInitial = 2, kUpper = 4 };

// Followed by `slot_count` 32-bit offsets into the entries (0: an empty slot), then the entries:
// [length byte][flags byte][the key's bytes], starting at offset 1.
struct Header {
  char magic[8];
  std::uint64_t aff_fingerprint;  // content_fingerprint() of the .aff the table was built from
  std::uint64_t dic_fingerprint;
  std::uint32_t slot_count;  // a power of two
  std::uint32_t key_count;
  std::uint32_t entry_bytes;
  std::uint32_t unused;
};

// Hunspell's capitalization classes (get_captype), for words of the table's domain: apostrophes,
// hyphens and the final period are neutral.
enum class Shape { Lower, Initial, Upper, Mixed };

inline bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// Also with one period at the end, which Hunspell strips before it judges the word and then
// tries again with ("etc.", "Mr.").
inline bool in_domain(std::string_view word) {
  if (word.size() > kMaxWordBytes) return false;
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.empty()) return false;
  for (const char c : word) {
    if (!is_upper_ascii(c) && !is_lower_ascii(c) && c != '\'' && c != '-') return false;
  }
  return true;
}

inline Shape shape_of(std::string_view word) {
  std::size_t capitals = 0, neutral = 0;
  for (const char c : word) {
    if (is_upper_ascii(c)) {
      ++capitals;
    } else if (!is_lower_ascii(c)) {
      ++neutral;
    }
  }
  if (capitals == 0) return Shape::Lower;
  const bool first = is_upper_ascii(word.front());
  if (capitals == 1 && first) return Shape::Initial;
  if (capitals + neutral == word.size()) return Shape::Upper;
  return Shape::Mixed;
}

// FNV-1a over 8-byte blocks: the words are short, so fewer multiplications than bytes matter.
inline std::uint64_t hash(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  std::uint64_t h = 0xcbf29ce484222325ULL ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t block;
    std::memcpy(&block, bytes.data() + i, 8);
    h = (h ^ block) * kPrime;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  h = (h ^ tail) * kPrime;
  return h ^ (h >> 32);
}

// Identifies a dictionary file's content, so that a table built from one file is never used
// with another.
inline std::uint64_t content_fingerprint(std::string_view content) {
  return hash(content) ^ (static_cast<std::uint64_t>(content.size()) << 40);
}

}  // namespace copydesk::word_table
