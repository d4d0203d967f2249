#pragma once

// The layout of a precompiled word table, shared by the generator that writes it at build time
// (linter/tools/word_table_gen.cpp) and by WordTable, which reads it from the binary.
//
// A table answers Hunspell's spell() for the words of its domain (ASCII letters, digits,
// apostrophes and hyphens, perhaps a final period, at most kMaxWordBytes) without loading
// Hunspell. It holds keys with flags:
//   kExact    the key itself is accepted as written (keys that are lowercase or mixed case)
//   kInitial  the key with its first letter capitalized is accepted ("the" -> "The")
//   kUpper    the key in capitals is accepted ("nasa" -> "NASA")
// A key that is present carries every flag that applies to its shape, each computed by asking
// Hunspell itself at build time, so a present key's answer is Hunspell's answer.

#include <sys/stat.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace copydesk::word_table {

inline constexpr char kMagic[8] = {'C', 'D', 'W', 'O', 'R', 'D', 'S', '4'};
inline constexpr std::size_t kMaxWordBytes = 64;
inline constexpr std::size_t kSlotBytes = 16;
inline constexpr std::size_t kInlineKeyBytes = kSlotBytes - 2;
inline constexpr std::size_t kPadding = 8;  // after the slots and after the long keys

enum Flag : std::uint8_t { kExact = 1, kInitial = 2, kUpper = 4 };

// Followed by `slot_count` slots of kSlotBytes (an open-addressing hash table, probed linearly
// from slot_index()), each [key length (0: empty)][flags][the key, zero-padded] for keys of up to
// kInlineKeyBytes, so that most look-ups touch one cache line of memory, or [key length][flags]
// [32-bit offset of the key in the long keys][high half of its hash] for longer keys; then
// kPadding zero bytes, so that keys can be compared eight bytes at a time; then the long keys,
// from offset 1 on, and kPadding zero bytes; then the trigram bits (kTrigramBytes, see
// trigram_index()); then the rule section, text lines for what
// WordTable does as Hunspell does:
//   apostrophe '            the curly apostrophe is read as a straight one (ICONV)
// and the compounds of COMPOUNDRULE ("11th", "21st"), which no table can list:
//   min <COMPOUNDMIN>
//   rule <a COMPOUNDRULE pattern: flags, each perhaps followed by '*' or '?'>
//   root <a word that compounds join> <its flags that rules use>
// The letter trigrams that occur in the table's keys, case folded, with the word's edges as a
// letter of their own ("^ca", "cat", "at$"): a word with a trigram that no key has is no key,
// which a bit in a few kilobytes says without the trip to memory that a probe of the slots
// costs. Spelling suggestions try hundreds of one-edit variants of a word, most of them
// impossible letter sequences ("xqe").
inline constexpr std::size_t kTrigramClasses = 29;  // 26 letters, apostrophe, other, edge
inline constexpr std::size_t kTrigramEdge = 28;
inline constexpr std::size_t kTrigramBytes =
    (kTrigramClasses * kTrigramClasses * kTrigramClasses + 63) / 64 * 8;

inline constexpr auto kTrigramClassOf = [] {
  std::array<std::uint8_t, 256> classes{};
  classes.fill(27);
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = static_cast<std::uint8_t>(c - 'a');
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = static_cast<std::uint8_t>(c - 'A');
  classes['\''] = 26;
  return classes;
}();

// Calls `visit(index)` with the bit index of each trigram of `key`, edges included, until it
// returns false; returns whether it never did.
template <typename Visit>
bool for_each_trigram(std::string_view key, Visit&& visit) {
  std::size_t a = kTrigramEdge, b = kTrigramEdge;
  for (std::size_t i = 0; i <= key.size(); ++i) {
    const std::size_t c =
        i < key.size() ? kTrigramClassOf[static_cast<unsigned char>(key[i])] : kTrigramEdge;
    if (i > 0 && !visit((a * kTrigramClasses + b) * kTrigramClasses + c)) return false;
    a = b;
    b = c;
  }
  return true;
}

// A file's size and modification time. A dictionary file whose stamp is the one recorded when
// the table was built is taken to be that file without reading it: hashing the .aff and .dic
// (one to two megabytes) was a tenth of the start-up. A file with another stamp (copied,
// touched, from another package build) is compared by content.
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

inline std::optional<FileStamp> stamp_of(const char* path) {
  struct stat status;
  if (::stat(path, &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
  return FileStamp{
      static_cast<std::uint64_t>(status.st_size),
      static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec};
}

struct Header {
  char magic[8];
  std::uint64_t aff_fingerprint;  // content_fingerprint() of the .aff the table was built from
  std::uint64_t dic_fingerprint;
  FileStamp aff_stamp;  // stamp_of() the .aff the table was built from
  FileStamp dic_stamp;
  std::uint32_t slot_count;
  std::uint32_t key_count;
  std::uint32_t long_key_bytes;
  std::uint32_t rule_bytes;
};

// Hunspell's capitalization classes (get_captype), for words of the table's domain: apostrophes,
// hyphens, digits and the final period are neutral. The domain: ASCII letters, digits,
// apostrophes and hyphens, and perhaps one period at the end, which Hunspell strips before it
// judges the word and then tries again with ("etc.", "Mr.").
enum class Shape { Lower, Initial, Upper, Mixed };

inline bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// Room for a word of the domain, lowercased, and the zeros that pad it to a multiple of 8.
using KeyBuffer = char[kMaxWordBytes + 8];

// Whether `word` is in the domain; if so, its Shape, and the word lowercased and padded with
// zeros in `lowered`. One pass, since it runs for nearly every word of every document: each
// byte's entry in kBytes holds the bit that lowercases it in its low byte, and above that counts
// it as another character, a capital or a small letter (a byte each of the sum).
inline bool scan(std::string_view word, KeyBuffer& lowered, Shape& shape) {
  static constexpr std::uint32_t kOther = 1 << 8, kCapital = 1 << 16, kSmall = 1 << 24;
  static constexpr std::uint32_t kLowercase = 0x20;
  static constexpr auto kBytes = [] {
    std::array<std::uint32_t, 256> bytes{};
    bytes.fill(kOther);
    for (int c = 'a'; c <= 'z'; ++c) bytes[c] = kSmall;
    for (int c = 'A'; c <= 'Z'; ++c) bytes[c] = kCapital | kLowercase;
    bytes['\''] = bytes['-'] = 0;
    for (int c = '0'; c <= '9'; ++c) bytes[c] = 0;
    return bytes;
  }();
  const std::size_t size = word.size();
  if (size == 0 || size > kMaxWordBytes) return false;
  const std::size_t body = word[size - 1] == '.' ? size - 1 : size;
  if (body == 0) return false;
  // Zeros for the block the word ends in; the loop overwrites its start.
  std::memset(lowered + (body & ~std::size_t{7}), 0, 8);
  std::uint32_t counts = 0;
  for (std::size_t i = 0; i < body; ++i) {
    const std::uint32_t entry = kBytes[static_cast<unsigned char>(word[i])];
    counts += entry >> 8;
    lowered[i] = static_cast<char>(word[i] | (entry & kLowercase));
  }
  // No count overflows its byte: a word has at most 64 characters.
  if ((counts & 0xFF) != 0) return false;
  if (body < size) lowered[body] = '.';
  const std::uint32_t capitals = (counts >> 8) & 0xFF, small = counts >> 16;
  if (capitals == 0) {
    shape = Shape::Lower;
  } else if (capitals == 1 && is_upper_ascii(word[0])) {
    shape = Shape::Initial;
  } else {
    shape = small == 0 ? Shape::Upper : Shape::Mixed;
  }
  return true;
}

inline bool in_domain(std::string_view word) {
  KeyBuffer lowered;
  Shape shape;
  return scan(word, lowered, shape);
}

// Only for words in the domain.
inline Shape shape_of(std::string_view word) {
  KeyBuffer lowered;
  Shape shape = Shape::Mixed;
  scan(word, lowered, shape);
  return shape;
}

// FNV-1a over 8-byte blocks, the last one padded with zeros: words are short, so the number of
// multiplications matters more than their quality.
inline constexpr std::uint64_t kHashBasis = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kHashPrime = 0x100000001b3ULL;

inline std::uint64_t hash_step(std::uint64_t h, std::uint64_t block) {
  h = (h ^ block) * kHashPrime;
  return h ^ (h >> 29);
}

// `padded` holds `size` bytes and then zeros up to the next multiple of 8.
inline std::uint64_t hash_padded(const char* padded, std::size_t size) {
  std::uint64_t h = kHashBasis ^ size;
  for (std::size_t i = 0; i < size; i += 8) {
    std::uint64_t block;
    std::memcpy(&block, padded + i, 8);
    h = hash_step(h, block);
  }
  return h * kHashPrime;
}

// The same value as hash_padded() on a padded copy of `bytes`.
inline std::uint64_t hash(std::string_view bytes) {
  std::uint64_t h = kHashBasis ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t block;
    std::memcpy(&block, bytes.data() + i, 8);
    h = hash_step(h, block);
  }
  if (i < bytes.size()) {
    std::uint64_t block = 0;
    std::memcpy(&block, bytes.data() + i, bytes.size() - i);
    h = hash_step(h, block);
  }
  return h * kHashPrime;
}

// Where the probe for a key of hash `h` starts, among `slot_count` slots.
inline std::uint32_t slot_index(std::uint64_t h, std::uint32_t slot_count) {
  return static_cast<std::uint32_t>(
      (static_cast<std::uint64_t>(static_cast<std::uint32_t>(h)) * slot_count) >> 32);
}

// Identifies a dictionary file's content, so that a table built from one file is never used
// with another.
inline std::uint64_t content_fingerprint(std::string_view content) {
  return hash(content) ^ (static_cast<std::uint64_t>(content.size()) << 40);
}

}  // namespace copydesk::word_table
