#pragma once

#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace copydesk {

// How often English words occur in openly licensed text (dictionaries/word-frequencies.txt,
// made by linter/tools/word_frequencies.py), and the common words close to a misspelling: what
// ranks spelling suggestions by likelihood. Indexed at build time (cmake/word_frequencies.cmake)
// and read in place.
class WordFrequencies {
 public:
  struct Near {
    std::string_view word;  // lowercase
    std::uint32_t count;
  };

  static const WordFrequencies& instance();

  // Occurrences of `lower` (a lowercase word) in the counted text; 0 when unlisted.
  std::uint32_t count(std::string_view lower) const;

  // The listed words within `max_distance` (1 or 2) edits of `lower` (a lowercase word):
  // letters deleted, inserted, substituted, or two neighbours swapped. Words with two letters
  // more than `lower` only with `two_dropped` (a few hundred more look-ups); only words seen
  // kCommon times or more with `common_only` (their index is a fifth of the whole).
  std::vector<Near> near(std::string_view lower, int max_distance, bool two_dropped = false,
                         bool common_only = false) const;
  static constexpr std::uint32_t kCommon = 20;

  // The listed words that sound like `lower` (a lowercase word): those of the same sound_key(),
  // at most kSoundLengthGap letters longer or shorter. The slips of writing by ear ("naborhood",
  // "deliteful") are too many letter edits from the word for near().
  std::vector<Near> sounding_like(std::string_view lower) const;
  static constexpr std::size_t kSoundLengthGap = 4;

  // How often `left` and `right` (lowercase words) are written one after the other in the
  // counted text, when their letters joined make no word (dictionaries/word-pairs.txt): how
  // likely "alot" is to be "a lot". 0 when unlisted.
  std::uint32_t pair_count(std::string_view left, std::string_view right) const;

 private:
  WordFrequencies();
  std::string_view word(std::uint32_t id) const;
  // For each word of a range and each of its one-letter deletions, the low bits of its hash
  // and the word's number, grouped by bucket, and where each bucket starts: a look-up reads one
  // bucket. Hash collisions only cost a distance computation. Read in place from the image
  // compiled into the binary.
  struct Entry {
    std::uint32_t check;
    std::uint32_t id;
  };
  struct Index {
    std::span<const std::uint32_t> buckets;
    std::span<const Entry> entries;
    template <typename Visit>
    void each_with_key(std::uint64_t key, Visit visit) const;
  };
  std::span<const std::uint32_t> counts_;
  std::span<const std::uint32_t> offsets_;  // word i is text_[offsets_[i], offsets_[i + 1])
  const char* text_ = nullptr;
  Index common_;                   // the words seen kCommon times or more
  Index rare_;                     // the rest
  std::span<const Entry> sounds_;  // each word by the hash of its sound key, sorted
  // The hashes of the word pairs' "left right" and their counts, sorted, read on the first
  // pair_count(): a run that suggests no split never pays for it.
  mutable std::once_flag pairs_once_;
  mutable std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs_;
};

// How unlikely it is that a writer who meant `intended` typed `typed` (both lowercase): the
// cheapest sequence of edits, each weighed by how often such slips happen: a swapped pair, a
// doubled or dropped double letter, a missed apostrophe, a silent "h", a wrong vowel, a
// neighbouring key are cheap; other changes cost about 1 each.
double typo_cost(std::string_view typed, std::string_view intended);

// How likely `intended` (lowercase) is to be what was meant by `typed`: log word frequency
// less the cost of the slip times `weight`. Higher is likelier; comparable across candidates.
double correction_score(std::string_view typed, std::string_view intended, std::uint32_t count,
                        double weight);

// Weights of the slip against frequency: for ranking suggestions (chosen on EWT train's typos),
// and for the weaker question whether a common word is near at all (SpellChecker::
// typo_evidence, whose thresholds in misspelled-word were chosen with it).
constexpr double kRankingWeight = 6.0;
constexpr double kEvidenceWeight = 4.0;

}  // namespace copydesk
