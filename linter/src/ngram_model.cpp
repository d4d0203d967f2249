#include "copydesk/ngram_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "copydesk/linear_model.hpp"
#include "embedded_model.hpp"

namespace copydesk {
namespace {

constexpr std::uint32_t kMagic = 0x474e4443;  // "CDNG"
constexpr std::uint32_t kVersion = 1;
constexpr float kScale = 1000.0f;           // log10 values are stored in thousandths
constexpr float kUnknownLog10Prob = -8.0f;  // below the rarest word the model knows
constexpr std::string_view kSentenceStart = "<s>";
constexpr std::string_view kSentenceEnd = "</s>";

std::uint64_t mix(std::uint64_t value) {
  value ^= value >> 30;
  value *= 0xbf58476d1ce4e5b9ULL;
  value ^= value >> 27;
  value *= 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

std::uint64_t word_hash(std::string_view word) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return hash;
}

template <typename T>
std::span<const T> take(std::span<const std::byte>& bytes, std::size_t count) {
  if (bytes.size() < count * sizeof(T)) throw std::runtime_error("n-gram model is truncated");
  const std::span<const T> values(reinterpret_cast<const T*>(bytes.data()), count);
  bytes = bytes.subspan(count * sizeof(T));
  return values;
}

// The index of `key` in the sorted `keys`, or `keys.size()`.
std::size_t find_key(std::span<const std::uint64_t> keys, std::uint64_t key) {
  const auto found = std::lower_bound(keys.begin(), keys.end(), key);
  return found != keys.end() && *found == key ? static_cast<std::size_t>(found - keys.begin())
                                              : keys.size();
}

float from_stored(std::int16_t value) { return static_cast<float>(value) / kScale; }

std::int16_t to_stored(float log10_value) {
  return static_cast<std::int16_t>(std::lround(std::clamp(log10_value, -32.0f, 32.0f) * kScale));
}

}  // namespace

std::uint64_t NgramModel::key(std::span<const std::string_view> words) {
  std::uint64_t key = mix(words.size());
  for (const std::string_view word : words) key = mix(key ^ word_hash(word));
  return key;
}

const NgramModel& NgramModel::builtin() {
  static const NgramModel model = [] {
    const std::span<const std::byte> bytes = embedded_model("ngrams.bin");
    return bytes.empty() ? NgramModel() : read(bytes);
  }();
  return model;
}

NgramModel NgramModel::read(std::span<const std::byte> bytes) {
  if (read_u32(bytes) != kMagic) throw std::runtime_error("not a copydesk n-gram model");
  if (read_u32(bytes) != kVersion) throw std::runtime_error("n-gram model of another version");
  const std::uint32_t unigrams = read_u32(bytes);
  const std::uint32_t bigrams = read_u32(bytes);
  const std::uint32_t trigrams = read_u32(bytes);
  read_u32(bytes);  // padding: the keys start 8-aligned
  NgramModel model;
  model.unigram_keys_ = take<std::uint64_t>(bytes, unigrams);
  model.bigram_keys_ = take<std::uint64_t>(bytes, bigrams);
  model.trigram_keys_ = take<std::uint64_t>(bytes, trigrams);
  model.unigram_probs_ = take<std::int16_t>(bytes, unigrams);
  model.unigram_backoffs_ = take<std::int16_t>(bytes, unigrams);
  model.bigram_probs_ = take<std::int16_t>(bytes, bigrams);
  model.bigram_backoffs_ = take<std::int16_t>(bytes, bigrams);
  model.trigram_probs_ = take<std::int16_t>(bytes, trigrams);
  return model;
}

NgramModel::Entry NgramModel::unigram(std::string_view word) const {
  const std::array<std::string_view, 1> words{word};
  const std::size_t i = find_key(unigram_keys_, key(words));
  if (i == unigram_keys_.size()) return {.log10_prob = kUnknownLog10Prob};
  return {true, from_stored(unigram_probs_[i]), from_stored(unigram_backoffs_[i])};
}

NgramModel::Entry NgramModel::bigram(std::string_view first, std::string_view second) const {
  const std::array<std::string_view, 2> words{first, second};
  const std::size_t i = find_key(bigram_keys_, key(words));
  if (i == bigram_keys_.size()) return {};
  return {true, from_stored(bigram_probs_[i]), from_stored(bigram_backoffs_[i])};
}

// P(word | before2 before1), backing off as far as needed; `history` is how many of the two
// words before exist (0 to 2).
float NgramModel::log10_prob(std::string_view before2, std::string_view before1,
                             std::string_view word, std::size_t history) const {
  if (history == 2) {
    const std::array<std::string_view, 3> words{before2, before1, word};
    const std::size_t i = find_key(trigram_keys_, key(words));
    if (i != trigram_keys_.size()) return from_stored(trigram_probs_[i]);
    return bigram(before2, before1).log10_backoff + log10_prob({}, before1, word, 1);
  }
  if (history == 1) {
    const Entry pair = bigram(before1, word);
    if (pair.found) return pair.log10_prob;
    return unigram(before1).log10_backoff + unigram(word).log10_prob;
  }
  return unigram(word).log10_prob;
}

float NgramModel::window_log10(std::span<const std::string_view> words, std::size_t target) const {
  // Sentence start, the words, sentence end: position p of `at` is word p - 1.
  const auto at = [&](std::size_t p) {
    if (p == 0) return kSentenceStart;
    return p <= words.size() ? words[p - 1] : kSentenceEnd;
  };
  float total = 0.0f;
  const std::size_t first = target + 1;
  const std::size_t last = std::min(first + 2, words.size() + 1);
  for (std::size_t p = first; p <= last; ++p) {
    const std::size_t history = std::min<std::size_t>(p, 2);
    total += log10_prob(history == 2 ? at(p - 2) : std::string_view(), at(p - 1), at(p), history);
  }
  return total;
}

std::string NgramTables::write() {
  std::string out;
  const auto append_raw = [&out](const auto& value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof(value));
  };
  for (auto* rows : {&unigrams, &bigrams, &trigrams}) {
    std::sort(rows->begin(), rows->end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  }
  append_u32(out, kMagic);
  append_u32(out, kVersion);
  for (const auto* rows : {&unigrams, &bigrams, &trigrams}) {
    append_u32(out, static_cast<std::uint32_t>(rows->size()));
  }
  append_u32(out, 0);
  for (const auto* rows : {&unigrams, &bigrams, &trigrams}) {
    for (const Row& row : *rows) append_raw(row.key);
  }
  for (const Row& row : unigrams) append_raw(to_stored(row.log10_prob));
  for (const Row& row : unigrams) append_raw(to_stored(row.log10_backoff));
  for (const Row& row : bigrams) append_raw(to_stored(row.log10_prob));
  for (const Row& row : bigrams) append_raw(to_stored(row.log10_backoff));
  for (const Row& row : trigrams) append_raw(to_stored(row.log10_prob));
  return out;
}

}  // namespace copydesk
