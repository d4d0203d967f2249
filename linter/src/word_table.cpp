#include "copydesk/word_table.hpp"

#include <algorithm>
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
  const std::size_t slot_bytes = std::size_t{header.slot_count} * wt::kSlotBytes + wt::kPadding;
  const std::size_t size =
      sizeof header + slot_bytes + header.long_key_bytes + wt::kTrigramBytes + header.rule_bytes;
  if (header.slot_count == 0 || bytes.size() != size || header.long_key_bytes < 1 + wt::kPadding) {
    throw std::runtime_error("word table: inconsistent sizes");
  }
  slots_ = bytes.data() + sizeof header;
  long_keys_ = slots_ + slot_bytes;
  trigrams_ = long_keys_ + header.long_key_bytes;
  slot_count_ = header.slot_count;
  read_rules(bytes.substr(size - header.rule_bytes));
}

void WordTable::read_rules(std::string_view section) {
  while (!section.empty()) {
    const std::size_t newline = section.find('\n');
    std::string_view line = section.substr(0, newline);
    section = newline == std::string_view::npos ? std::string_view{} : section.substr(newline + 1);
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) throw std::runtime_error("word table: bad rule line");
    const std::string_view kind = line.substr(0, space);
    const std::string_view value = line.substr(space + 1);
    if (kind == "apostrophe") {
      straightens_apostrophes_ = true;
    } else if (kind == "min") {
      compound_min_ = std::max<std::size_t>(1, std::stoul(std::string(value)));
    } else if (kind == "rule") {
      compound_rules_.emplace_back(value);
    } else if (kind == "root") {
      const std::size_t flags = value.find(' ');
      if (flags == std::string_view::npos)
        throw std::runtime_error("word table: bad compound root");
      const std::string_view root = value.substr(0, flags);
      if (root.empty()) throw std::runtime_error("word table: empty compound root");
      compound_roots_.emplace(root, value.substr(flags + 1));
      compound_starts_.set(static_cast<unsigned char>(root[0]));
      for (const char c : root) compound_bytes_.set(static_cast<unsigned char>(c));
    } else {
      throw std::runtime_error("word table: unknown rule line");
    }
  }
}

namespace {

// One read of the whole file: paid by a run only when the file's stamp is not the recorded one.
std::optional<std::uint64_t> file_fingerprint(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in.tellg();
  if (!in || size < 0) return std::nullopt;
  std::string content(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(content.data(), size)) return std::nullopt;
  return wt::content_fingerprint(content);
}

// Hunspell's numbers: digits in groups separated by single hyphens (in the domain, where commas
// and inner periods do not occur).
bool is_number(std::string_view word) {
  bool digit_last = false;
  for (const char c : word) {
    if (c >= '0' && c <= '9') {
      digit_last = true;
    } else if (c == '-' && digit_last) {
      digit_last = false;
    } else {
      return false;
    }
  }
  return digit_last;
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
  const auto same_file = [](const std::filesystem::path& path, const wt::FileStamp& stamp,
                            std::uint64_t fingerprint) {
    return wt::stamp_of(path.c_str()) == stamp || file_fingerprint(path) == fingerprint;
  };
  wt::Header header;  // the constructor has checked that there is one
  std::memcpy(&header, bytes.data(), sizeof header);
  if (!same_file(aff, header.aff_stamp, header.aff_fingerprint) ||
      !same_file(dic, header.dic_stamp, header.dic_fingerprint)) {
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

// The first `size` bytes of `entry` and of the zero-padded `key` are equal. Eight bytes at a
// time: the table is padded so that the last load stays inside it.
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
  for (std::uint32_t slot = wt::slot_index(h, slot_count_);;
       slot = slot + 1 == slot_count_ ? 0 : slot + 1) {
    const char* at = slots_ + std::size_t{slot} * wt::kSlotBytes;
    const auto length = static_cast<unsigned char>(at[0]);
    if (length == 0) return 0;
    if (length != size) continue;
    if (size <= wt::kInlineKeyBytes) {
      if (same_key(at + 2, key, size)) return static_cast<std::uint8_t>(at[1]);
      continue;
    }
    std::uint32_t offset, tag;
    std::memcpy(&offset, at + 2, sizeof offset);
    std::memcpy(&tag, at + 6, sizeof tag);
    if (tag == static_cast<std::uint32_t>(h >> 32) && same_key(long_keys_ + offset, key, size)) {
      return static_cast<std::uint8_t>(at[1]);
    }
  }
}

std::optional<bool> WordTable::accepts(std::string_view word) const {
  wt::KeyBuffer lowered;
  wt::Shape shape = wt::Shape::Mixed;
  if (wt::scan(word, lowered, shape)) return decide(word, lowered, shape);
  // Hunspell reads "it’s" as "it's" when the dictionary says so (ICONV).
  static constexpr std::string_view kCurly = "\xE2\x80\x99";
  if (!straightens_apostrophes_ || word.find(kCurly) == std::string_view::npos) return std::nullopt;
  std::string straight;
  for (std::size_t at = 0; at < word.size();) {
    const bool curly = word.compare(at, kCurly.size(), kCurly) == 0;
    straight.push_back(curly ? '\'' : word[at]);
    at += curly ? kCurly.size() : 1;
  }
  if (!wt::scan(straight, lowered, shape)) return std::nullopt;
  return decide(straight, lowered, shape);
}

bool WordTable::decide(std::string_view word) const {
  wt::KeyBuffer lowered;
  wt::Shape shape = wt::Shape::Mixed;
  wt::scan(word, lowered, shape);
  return decide(word, lowered, shape);
}

namespace {

// The zero-padded key a word of `shape` is stored under: the word as written when its case is
// mixed (copied into `exact`), else lowercased (`lowered`, as scan() leaves it).
const char* key_of(std::string_view word, char* lowered, wt::Shape shape, wt::KeyBuffer& exact) {
  if (shape != wt::Shape::Mixed) return lowered;
  std::memset(exact, 0, sizeof exact);
  std::memcpy(exact, word.data(), word.size());
  return exact;
}

}  // namespace

void WordTable::prefetch(std::string_view word) const {
  wt::KeyBuffer lowered, exact;
  wt::Shape shape = wt::Shape::Mixed;
  if (!wt::scan(word, lowered, shape) || !may_be_key(word)) return;
  const std::uint64_t h = wt::hash_padded(key_of(word, lowered, shape, exact), word.size());
  __builtin_prefetch(slots_ + std::size_t{wt::slot_index(h, slot_count_)} * wt::kSlotBytes);
}

bool WordTable::may_be_key(std::string_view word) const {
  return wt::for_each_trigram(word, [this](std::size_t bit) {
    return (static_cast<unsigned char>(trigrams_[bit / 8]) >> (bit % 8) & 1) != 0;
  });
}

// Hunspell's spell() restricted to the domain: the capitalization classes pick the key and the
// flag, and a word that no key accepts may still pass without its final period, or as parts
// joined by hyphens.
bool WordTable::decide(std::string_view word, char* lowered, wt::Shape shape) const {
  std::uint8_t flags = 0;
  std::uint8_t wanted = wt::kExact;
  // The trigrams turn away most of the one-edit variants that suggestions try, and typos,
  // without probing the slots; such a word may still be a number, a compound or in parts.
  if (may_be_key(word)) {
    wt::KeyBuffer exact;
    flags = flags_of(key_of(word, lowered, shape, exact), word.size());
    if (shape == wt::Shape::Initial) wanted = wt::kInitial;
    if (shape == wt::Shape::Upper) wanted = wt::kUpper;
  }
  // A present key carries Hunspell's whole verdict, splitting included.
  if (flags != 0) return (flags & wanted) != 0;
  // No dictionary word ends with this period, so Hunspell judges the word without it.
  if (word.back() == '.') return decide(word.substr(0, word.size() - 1));
  if (is_number(word)) return true;
  // Compound roots are lowercase (the generator sees to it), so only a lowercase form of the
  // word, which Hunspell tries for all but mixed-case words, can be a compound.
  if (shape != wt::Shape::Mixed && compound(std::string_view(lowered, word.size()))) return true;
  if (word.find('-') == std::string_view::npos) return false;
  if (shape == wt::Shape::Lower || shape == wt::Shape::Mixed) return split_at_hyphens(word);
  // Hunspell splits the capitalized form of capitalized and capital words: "LONG-TERM" is
  // judged as "Long" and "term".
  if (wt::is_lower_ascii(lowered[0])) lowered[0] = static_cast<char>(lowered[0] - 32);
  return split_at_hyphens(std::string_view(lowered, word.size()));
}

bool WordTable::compound(std::string_view word) const {
  if (compound_rules_.empty() || word.size() < 2 * compound_min_) return false;
  // Most words fail at once: a compound starts as some root starts, and has only their letters.
  if (!compound_starts_.test(static_cast<unsigned char>(word[0]))) return false;
  for (const char c : word) {
    if (!compound_bytes_.test(static_cast<unsigned char>(c))) return false;
  }
  std::vector<const std::string*> parts;
  return compound_from(word, parts);
}

namespace {

// Whether the flags of `parts` (one string of flags per part) spell out `rule`, whose flags may
// be followed by '*' (any number) or '?' (at most one).
bool rule_matches(std::string_view rule, const std::vector<const std::string*>& parts,
                  std::size_t part) {
  if (rule.empty()) return part == parts.size();
  const char flag = rule[0];
  const char repeat = rule.size() > 1 && (rule[1] == '*' || rule[1] == '?') ? rule[1] : '\0';
  const std::string_view rest = rule.substr(repeat ? 2 : 1);
  const bool fits = part < parts.size() && parts[part]->find(flag) != std::string::npos;
  if (repeat == '*')
    return rule_matches(rest, parts, part) || (fits && rule_matches(rule, parts, part + 1));
  if (repeat == '?')
    return rule_matches(rest, parts, part) || (fits && rule_matches(rest, parts, part + 1));
  return fits && rule_matches(rest, parts, part + 1);
}

}  // namespace

// Every way to cut `rest` into compound roots of at least COMPOUNDMIN characters.
bool WordTable::compound_from(std::string_view rest, std::vector<const std::string*>& parts) const {
  for (std::size_t end = compound_min_; end <= rest.size(); ++end) {
    const auto root = compound_roots_.find(rest.substr(0, end));
    if (root == compound_roots_.end()) continue;
    parts.push_back(&root->second);
    if (end == rest.size()) {
      if (parts.size() >= 2) {
        for (const std::string& rule : compound_rules_) {
          if (rule_matches(rule, parts, 0)) return true;
        }
      }
    } else if (rest.size() - end >= compound_min_ && compound_from(rest.substr(end), parts)) {
      return true;
    }
    parts.pop_back();
  }
  return false;
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
