#pragma once

#include <bitset>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk {
namespace word_table {
enum class Shape;
}

// Hunspell's verdicts on the words of a dictionary, precompiled at build time into the binary
// (see linter/src/word_table_format.hpp), so that most words need no Hunspell at all: it costs
// about 60 ms to load and microseconds a word to ask. Covers words of ASCII letters, digits,
// apostrophes (curly ones too, when the dictionary reads them as straight ones) and hyphens,
// perhaps with a final period, up to 64 bytes, including Hunspell's
// capitalization rules, numbers, compounds by COMPOUNDRULE ("21st") and its splitting at
// hyphens; other words get no answer.
class WordTable {
 public:
  // A view of a table's bytes; throws std::runtime_error when they are not a table.
  explicit WordTable(std::string_view bytes);

  // The table embedded for `language`, when there is one and it was built from dictionary files
  // with exactly the content of these.
  static std::optional<WordTable> embedded(std::string_view language,
                                           const std::filesystem::path& aff,
                                           const std::filesystem::path& dic);

  // What Hunspell's spell() says of `word`, or nothing when the word is outside the table's
  // domain.
  std::optional<bool> accepts(std::string_view word) const;

  // Starts loading the memory that accepts(word) will read, so that the probes for a batch of
  // words overlap; no effect on any answer.
  void prefetch(std::string_view word) const;

 private:
  bool decide(std::string_view word) const;
  // `lowered`: the word lowercased and padded with zeros, as word_table::scan() leaves it.
  bool decide(std::string_view word, char* lowered, word_table::Shape shape) const;
  bool split_at_hyphens(std::string_view word) const;
  // Whether `word` (lowercase) joins two or more compound roots as some rule allows.
  bool compound(std::string_view word) const;
  bool compound_from(std::string_view rest, std::vector<const std::string*>& parts) const;
  void read_rules(std::string_view section);
  // The flags stored for the key of `size` bytes in the zero-padded `key`, or 0 when it is
  // absent.
  std::uint8_t flags_of(const char* key, std::size_t size) const;
  // False when `word` has a trigram that no key has (case folded), so that it cannot be a key.
  bool may_be_key(std::string_view word) const;

  const char* slots_ = nullptr;  // see word_table_format.hpp; read with memcpy
  const char* long_keys_ = nullptr;
  const char* trigrams_ = nullptr;  // word_table::kTrigramBytes bits
  std::uint32_t slot_count_ = 0;
  bool straightens_apostrophes_ = false;
  std::size_t compound_min_ = 1;
  std::vector<std::string> compound_rules_;
  std::map<std::string, std::string, std::less<>> compound_roots_;  // word -> its rule flags
  std::bitset<256> compound_starts_, compound_bytes_;  // first bytes of roots, and all their bytes
};

// The bytes of the table embedded for `language` (empty when none was built).
std::string_view embedded_word_table(std::string_view language);

}  // namespace copydesk
