#include "copydesk/word_table.hpp"

#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
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
  const std::size_t slot_bytes = std::size_t{header.slot_count} * sizeof(std::uint32_t);
  const bool power_of_two = header.slot_count != 0 && (header.slot_count & (header.slot_count - 1)) == 0;
  if (!power_of_two || bytes.size() != sizeof header + slot_bytes + header.entry_bytes) {
    throw std::runtime_error("word table: inconsistent sizes");
  }
  slots_ = reinterpret_cast<const std::uint32_t*>(bytes.data() + sizeof header);
  entries_ = bytes.data() + sizeof header + slot_bytes;
  mask_ = header.slot_count - 1;
  aff_fingerprint_ = header.aff_fingerprint;
  dic_fingerprint_ = header.dic_fingerprint;
}

namespace {

std::optional<std::uint64_t> file_fingerprint(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
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

std::uint8_t WordTable::flags_of(std::string_view key) const {
  for (std::uint32_t slot = static_cast<std::uint32_t>(wt::hash(key)) & mask_;; slot = (slot + 1) & mask_) {
    std::uint32_t offset;
    std::memcpy(&offset, slots_ + slot, sizeof offset);
    if (offset == 0) return 0;
    const char* entry = entries_ + offset;
    const auto length = static_cast<unsigned char>(entry[0]);
    if (length == key.size() && std::memcmp(entry + 2, key.data(), length) == 0) {
      return static_cast<std::uint8_t>(entry[1]);
    }
  }
}

std::optional<bool> WordTable::accepts(std::string_view word) const {
  if (!wt::in_domain(word)) return std::nullopt;
  return decide(word);
}

// Hunspell's spell() restricted to the domain: the capitalization classes pick the key and the
// flag, and a word that no key accepts may still pass as parts joined by hyphens.
bool WordTable::decide(std::string_view word) const {
  std::array<char, wt::kMaxWordBytes> buffer;
  const auto lowered = [&] {
    for (std::size_t i = 0; i < word.size(); ++i) {
      buffer[i] = wt::is_upper_ascii(word[i]) ? static_cast<char>(word[i] + 32) : word[i];
    }
    return std::string_view(buffer.data(), word.size());
  };
  const wt::Shape shape = wt::shape_of(word);
  std::uint8_t flags = 0;
  std::uint8_t wanted = wt::kExact;
  if (shape == wt::Shape::Lower || shape == wt::Shape::Mixed) {
    flags = flags_of(word);
  } else {
    flags = flags_of(lowered());
    wanted = shape == wt::Shape::Initial ? wt::kInitial : wt::kUpper;
  }
  // A present key carries Hunspell's whole verdict, splitting included.
  if (flags != 0) return (flags & wanted) != 0;
  // No dictionary word ends with this period, so Hunspell judges the word without it.
  if (word.back() == '.') return decide(word.substr(0, word.size() - 1));
  if (word.find('-') == std::string_view::npos) return false;
  if (shape == wt::Shape::Lower || shape == wt::Shape::Mixed) return split_at_hyphens(word);
  // Hunspell splits the capitalized form of capitalized and capital words: "LONG-TERM" is
  // judged as "Long" and "term".
  std::string_view capitalized = lowered();
  if (wt::is_lower_ascii(buffer[0])) buffer[0] = static_cast<char>(buffer[0] - 32);
  return split_at_hyphens(capitalized);
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
