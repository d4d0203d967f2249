#pragma once

// The layout of the word-frequency image, shared by the generator that writes it at build time
// (linter/tools/word_frequency_gen.cpp, from dictionaries/word-frequencies.txt) and by
// WordFrequencies, which reads it in place from the binary: a run parses and indexes nothing.
//
// The words are kept in the list's order (by count, most frequent first). Each of two indexes
// (the words seen kCommon times or more, then the rest) holds, for each of its words and each of
// the word's one-letter deletions, the low bits of the hash and the word's number, grouped by
// bucket (the hash's top bits), with where each bucket starts: a look-up reads one bucket. A
// third index lists each word under the hash of its sound_key(), sorted by that hash.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "copydesk/sound_key.hpp"

namespace copydesk::word_frequency_format {

inline constexpr char kMagic[8] = {'C', 'D', 'W', 'F', 'R', 'E', 'Q', '2'};
inline constexpr std::size_t kLongest = 24;  // longer words are not indexed (DP tables stay small)
inline constexpr std::size_t kBuckets = std::size_t{1} << 16;
inline constexpr std::uint32_t kCommon = 20;

// Followed by counts[word_count], text offsets[word_count + 1], then the common index
// (buckets[kBuckets + 1], entries[common_entries]), the rare index (the same), the sound index
// (entries[word_count], by `check`), and the words' text. Every field is native-endian: the image
// is made and read by the same build.
struct Header {
  char magic[8];
  std::uint32_t word_count;
  std::uint32_t common_end;  // words [0, common_end) are seen kCommon times or more
  std::uint32_t common_entries;
  std::uint32_t rare_entries;
  std::uint32_t text_bytes;
  std::uint32_t reserved;  // 0
};

struct Entry {
  std::uint32_t check;  // the hash's low bits
  std::uint32_t id;     // the word's number
};

inline std::size_t bucket_of(std::uint64_t hash) { return hash >> 48; }

// A polynomial hash (mod 2^64), so that the hashes of all of a word's one-letter deletions
// come from its prefix and suffix sums without rehashing it each time; mixed at the end so that
// its top bits can pick the bucket.
inline constexpr std::uint64_t kBase = 0x100000001b3ull;

inline std::uint64_t mixed(std::uint64_t h) {
  h ^= h >> 31;
  h *= 0x7fb5d329728ea185ull;
  h ^= h >> 27;
  h *= 0x81dadef4bc2dd44dull;
  return h ^ (h >> 33);
}

// The hash of `text` without the bytes at `skip` and `skip2` (npos: none).
inline std::uint64_t hash_of(std::string_view text, std::size_t skip = std::string_view::npos,
                             std::size_t skip2 = std::string_view::npos) {
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == skip || i == skip2) continue;
    h = h * kBase + static_cast<unsigned char>(text[i]);
  }
  return mixed(h);
}

// Calls visit(hash) for `word` (at most kLongest bytes) and for each of its one-letter
// deletions (one for a run of the same letter), each as hash_of() would give it.
template <typename Visit>
void hash_deletions(std::string_view word, Visit visit) {
  const std::size_t n = word.size();
  std::array<std::uint64_t, kLongest + 1> prefix, suffix, power;
  prefix[0] = 0;
  suffix[n] = 0;
  power[0] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    prefix[i + 1] = prefix[i] * kBase + static_cast<unsigned char>(word[i]);
    power[i + 1] = power[i] * kBase;
  }
  // suffix[i]: the hash of word[i..], as the tail of a longer text.
  for (std::size_t i = n; i-- > 0;) {
    suffix[i] = suffix[i + 1] + static_cast<unsigned char>(word[i]) * power[n - 1 - i];
  }
  visit(mixed(prefix[n]));
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && word[i] == word[i - 1]) continue;  // the same deletion as the one before
    visit(mixed(prefix[i] * power[n - 1 - i] + suffix[i + 1]));
  }
}

// One index over words [first, last): bucket starts, then entries grouped by bucket.
struct BuiltIndex {
  std::vector<std::uint32_t> buckets;
  std::vector<Entry> entries;
};

inline BuiltIndex build_index(const std::vector<std::string_view>& words, std::uint32_t first,
                              std::uint32_t last) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> hashed;
  for (std::uint32_t id = first; id < last; ++id) {
    if (words[id].size() > kLongest) continue;
    hash_deletions(words[id], [&](std::uint64_t h) { hashed.emplace_back(h, id); });
  }
  BuiltIndex index;
  index.buckets.assign(kBuckets + 1, 0);
  for (const auto& [h, id] : hashed) ++index.buckets[bucket_of(h) + 1];
  for (std::size_t b = 1; b <= kBuckets; ++b) index.buckets[b] += index.buckets[b - 1];
  index.entries.resize(hashed.size());
  std::vector<std::uint32_t> next(index.buckets.begin(), index.buckets.end() - 1);
  for (const auto& [h, id] : hashed) {
    index.entries[next[bucket_of(h)]++] = {static_cast<std::uint32_t>(h), id};
  }
  return index;
}

template <typename T>
void append_bytes(std::string& image, const std::vector<T>& values) {
  image.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

// The image for the text of dictionaries/word-frequencies.txt: "word count" lines sorted by
// count, most frequent first; '#' lines are comments.
inline std::string build_image(std::string_view list) {
  std::vector<std::string_view> words;
  std::vector<std::uint32_t> counts;
  while (!list.empty()) {
    const std::size_t newline = list.find('\n');
    const std::string_view line = list.substr(0, newline);
    list = newline == std::string_view::npos ? std::string_view{} : list.substr(newline + 1);
    const std::size_t space = line.find(' ');
    if (line.empty() || line.front() == '#' || space == std::string_view::npos) continue;
    std::uint32_t count = 0;
    const auto parsed = std::from_chars(line.data() + space + 1, line.data() + line.size(), count);
    if (parsed.ec != std::errc{}) throw std::runtime_error("bad count in: " + std::string(line));
    if (!counts.empty() && count > counts.back()) {
      throw std::runtime_error("the list is not sorted by count at: " + std::string(line));
    }
    words.push_back(line.substr(0, space));
    counts.push_back(count);
  }
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.word_count = static_cast<std::uint32_t>(words.size());
  while (header.common_end < counts.size() && counts[header.common_end] >= kCommon) {
    ++header.common_end;
  }
  const BuiltIndex common = build_index(words, 0, header.common_end);
  const BuiltIndex rare = build_index(words, header.common_end, header.word_count);
  std::vector<Entry> sounds;
  for (std::uint32_t id = 0; id < header.word_count; ++id) {
    sounds.push_back({static_cast<std::uint32_t>(hash_of(sound_key(words[id]))), id});
  }
  std::sort(sounds.begin(), sounds.end(), [](const Entry& a, const Entry& b) {
    return a.check != b.check ? a.check < b.check : a.id < b.id;
  });
  header.common_entries = static_cast<std::uint32_t>(common.entries.size());
  header.rare_entries = static_cast<std::uint32_t>(rare.entries.size());
  std::vector<std::uint32_t> offsets{0};
  std::string text;
  for (const std::string_view word : words) {
    text += word;
    offsets.push_back(static_cast<std::uint32_t>(text.size()));
  }
  header.text_bytes = static_cast<std::uint32_t>(text.size());
  std::string image(reinterpret_cast<const char*>(&header), sizeof header);
  append_bytes(image, counts);
  append_bytes(image, offsets);
  append_bytes(image, common.buckets);
  append_bytes(image, common.entries);
  append_bytes(image, rare.buckets);
  append_bytes(image, rare.entries);
  append_bytes(image, sounds);
  image += text;
  return image;
}

}  // namespace copydesk::word_frequency_format
