#include "copydesk/word_table.hpp"

#include <bit>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "word_table_format.hpp"

namespace copydesk {
namespace wt = word_table;

WordTable::WordTable(std::string_view bytes) {
  wt::Header header;
  if (bytes.size() < sizeof header) throw std::runtime_error("word table: too short");
  std::memcpy(&header, bytes.data(), sizeof header);
  if (std::memcmp(header.magic, wt::kMagic, sizeof header.magic) != 0) {
    throw std::runtime_error("word table: not a word table");
  }
  const std::size_t slot_bytes = std::size_t{header.slot_count} * sizeof(std::uint64_t);
  const bool power_of_two = header.slot_count != 0 && (header.slot_count & (header.slot_count - 1)) == 0;
  if (!power_of_two || bytes.size() != sizeof header + slot_bytes + header.entry_bytes) {
    throw std::runtime_error("word table: inconsistent sizes");
  }
  if (header.entry_bytes < 1 + wt::kEntryPadding) throw std::runtime_error("word table: no entries");
  slots_ = bytes.data() + sizeof header;
  entries_ = bytes.data() + sizeof header + slot_bytes;
  mask_ = header.slot_count - 1;
  aff_fingerprint_ = header.aff_fingerprint;
  dic_fingerprint_ = header.dic_fingerprint;
}

namespace {

// One read of the whole file: it is paid by every run that spells.
std::optional<std::uint64_t> file_fingerprint(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in.tellg();
  if (!in || size < 0) return std::nullopt;
  std::string content(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(content.data(), size)) return std::nullopt;
  return wt::content_fingerprint(content);
}

}  // namespace

std::optional<WordTable> WordTable::embedded(std::string_view language,
                                             const std::filesystem::path& aff,
                                             const std::filesystem::path& dic) {
  const std::string_view bytes = embedded_word_table(language);
  if (bytes.empty()) return std::nullopt;
  WordTable table(bytes);
  // A dictionary updated or replaced since the build (or another one on DICPATH) would make
  // every answer suspect: Hunspell answers instead.
  if (file_fingerprint(aff) != table.aff_fingerprint_ ||
      file_fingerprint(dic) != table.dic_fingerprint_) {
    return std::nullopt;
  }
  return table;
}

namespace {

std::uint64_t load8(const char* bytes) {
  std::uint64_t value;
  std::memcpy(&value, bytes, sizeof value);
  return value;
}

// The first `size` bytes of `entry` and of the zero-padded `key` are equal. Eight bytes at a time:
// the table pads its entries so that the last load stays inside it.
bool same_key(const char* entry, const char* key, std::size_t size) {
  if constexpr (std::endian::native != std::endian::little) {
    return std::memcmp(entry, key, size) == 0;
  }
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    if (load8(entry + i) != load8(key + i)) return false;
  }
  if (i == size) return true;
  const std::uint64_t tail = (std::uint64_t{1} << (8 * (size - i))) - 1;
  return ((load8(entry + i) ^ load8(key + i)) & tail) == 0;
}

}  // namespace

std::uint8_t WordTable::flags_of(const char* key, std::size_t size) const {
  const std::uint64_t h = wt::hash_padded(key, size);
  const std::uint32_t tag = static_cast<std::uint32_t>(h >> 32);
  for (std::uint32_t slot = static_cast<std::uint32_t>(h) & mask_;; slot = (slot + 1) & mask_) {
    const std::uint64_t value = load8(slots_ + 8 * std::size_t{slot});
    const auto offset = static_cast<std::uint32_t>(value);
    if (offset == 0) return 0;
    if (static_cast<std::uint32_t>(value >> 32) != tag) continue;
    const char* entry = entries_ + offset;
    if (static_cast<unsigned char>(entry[0]) == size && same_key(entry + 2, key, size)) {
      return static_cast<std::uint8_t>(entry[1]);
    }
  }
}

std::optional<bool> WordTable::accepts(std::string_view word) const {
  wt::KeyBuffer lowered;
  wt::Shape shape = wt::Shape::Mixed;
  if (!wt::scan(word, lowered, shape)) return std::nullopt;
  return decide(word, lowered, shape);
}

bool WordTable::decide(std::string_view word) const {
  wt::KeyBuffer lowered;
  wt::Shape shape = wt::Shape::Mixed;
  wt::scan(word, lowered, shape);
  return decide(word, lowered, shape);
}

// Hunspell's spell() restricted to the domain: the capitalization classes pick the key and the
// flag, and a word that no key accepts may still pass without its final period, or as parts
// joined by hyphens.
bool WordTable::decide(std::string_view word, char* lowered, wt::Shape shape) const {
  std::uint8_t flags = 0;
  std::uint8_t wanted = wt::kExact;
  if (shape == wt::Shape::Mixed) {
    wt::KeyBuffer exact{};
    std::memcpy(exact, word.data(), word.size());
    flags = flags_of(exact, word.size());
  } else {
    flags = flags_of(lowered, word.size());
    if (shape == wt::Shape::Initial) wanted = wt::kInitial;
    if (shape == wt::Shape::Upper) wanted = wt::kUpper;
  }
  // A present key carries Hunspell's whole verdict, splitting included.
  if (flags != 0) return (flags & wanted) != 0;
  // No dictionary word ends with this period, so Hunspell judges the word without it.
  if (word.back() == '.') return decide(word.substr(0, word.size() - 1));
  if (word.find('-') == std::string_view::npos) return false;
  if (shape == wt::Shape::Lower || shape == wt::Shape::Mixed) return split_at_hyphens(word);
  // Hunspell splits the capitalized form of capitalized and capital words: "LONG-TERM" is
  // judged as "Long" and "term".
  if (wt::is_lower_ascii(lowered[0])) lowered[0] = static_cast<char>(lowered[0] - 32);
  return split_at_hyphens(std::string_view(lowered, word.size()));
}

// Hunspell's default BREAK patterns ("-", "^-", "-$") in the order it tries them.
bool WordTable::split_at_hyphens(std::string_view word) const {
  std::size_t hyphens = 0;
  for (const char c : word) hyphens += c == '-';
  if (hyphens >= 10) return false;
  const std::size_t n = word.size();
  if (n >= 2 && word.front() == '-' && decide(word.substr(1))) return true;
  if (n >= 2 && word.back() == '-' && decide(word.substr(0, n - 1))) return true;
  const auto both_sides = [&](std::size_t at) {
    return decide(word.substr(at + 1)) && decide(word.substr(0, at));
  };
  const std::size_t first = word.find('-');
  if (first == std::string_view::npos || first == 0 || first + 1 >= n) return false;
  // First at the second hyphen, so that dictionary words with a hyphen are found, then at the
  // first.
  const std::size_t second = word.find('-', first + 1);
  if (both_sides(second != std::string_view::npos && second + 1 < n ? second : first)) return true;
  return both_sides(first);
}

}  // namespace copydesk
