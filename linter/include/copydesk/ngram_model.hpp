#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

// A trigram back-off language model over lowercase words, cut down to what the confusion sets
// need: every n-gram that holds a member of a set, and the lower-order entries a comparison of
// members can reach. It answers one question: how likely a window of words is with one word
// put in the middle (see window_log10). Built by copydesk_extract_ngrams from CMU Sphinx's US
// English model (Debian's pocketsphinx-en-us); probabilities are log10.
class NgramModel {
 public:
  // The model compiled into the binary (dictionaries/models/ngrams.bin); empty when the build
  // had none.
  static const NgramModel& builtin();
  // Reads a model in the format NgramModelWriter writes; throws std::runtime_error when the
  // bytes are not one. The bytes must outlive the model and be aligned to 8.
  static NgramModel read(std::span<const std::byte> bytes);

  bool empty() const { return unigram_keys_.empty(); }

  // log10 of P(words[target]) P(words[target+1]) P(words[target+2]), each given the two words
  // before it; positions outside `words` are the sentence's start and end. The words are
  // lowercase with straight apostrophes.
  float window_log10(std::span<const std::string_view> words, std::size_t target) const;

  // The key of an n-gram of one to three words, as the tables store it.
  static std::uint64_t key(std::span<const std::string_view> words);

 private:
  struct Entry {
    bool found = false;
    float log10_prob = 0.0f;
    float log10_backoff = 0.0f;
  };
  Entry unigram(std::string_view word) const;
  Entry bigram(std::string_view first, std::string_view second) const;
  float log10_prob(std::string_view before2, std::string_view before1, std::string_view word,
                   std::size_t history) const;

  std::span<const std::uint64_t> unigram_keys_, bigram_keys_, trigram_keys_;
  std::span<const std::int16_t> unigram_probs_, unigram_backoffs_, bigram_probs_, bigram_backoffs_,
      trigram_probs_;
};

// Writes the format NgramModel::read takes: for copydesk_extract_ngrams and the tests.
struct NgramTables {
  struct Row {
    std::uint64_t key = 0;
    float log10_prob = 0.0f;
    float log10_backoff = 0.0f;
  };
  std::vector<Row> unigrams, bigrams, trigrams;
  // Sorts the rows by key and returns the model's bytes.
  std::string write();
};

}  // namespace copydesk
