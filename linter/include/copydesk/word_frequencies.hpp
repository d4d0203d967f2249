#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace copydesk {

// How often English words occur in openly licensed text (dictionaries/word-frequencies.txt,
// made by linter/tools/word_frequencies.py), and the common words close to a misspelling: what
// ranks spelling suggestions by likelihood. Built on first use only, since only unknown words
// need it (about 20 ms).
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
  // kCommon times or more with `common_only` (their index is a fifth of the whole and built
  // first, so that a run that only weighs names never builds the rest).
  std::vector<Near> near(std::string_view lower, int max_distance, bool two_dropped = false,
                         bool common_only = false) const;
  static constexpr std::uint32_t kCommon = 20;

 private:
  WordFrequencies();
  std::vector<std::string_view> words_;
  std::vector<std::uint32_t> counts_;
  // For each word of a range and each of its one-letter deletions, the low bits of its hash
  // and the word's index, grouped by bucket (the hash's top bits), and where each bucket
  // starts: a look-up reads one bucket. Hash collisions only cost a distance computation.
  struct Index {
    struct Entry {
      std::uint32_t check;
      std::uint32_t id;
    };
    std::vector<Entry> deletions;
    std::vector<std::uint32_t> buckets;
    void build(const std::vector<std::string_view>& words, std::uint32_t first, std::uint32_t last);
    template <typename Visit>
    void each_with_key(std::uint64_t key, Visit visit) const;
  };
  static constexpr std::size_t kBuckets = std::size_t{1} << 16;
  static std::size_t bucket_of(std::uint64_t hash) { return hash >> 48; }
  // The rest of the words, indexed on first need.
  const Index& rare() const;
  std::uint32_t common_end_ = 0;  // words_[0, common_end_) are seen kCommon times or more
  Index common_;
  mutable std::once_flag rare_once_;
  mutable Index rare_;
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
