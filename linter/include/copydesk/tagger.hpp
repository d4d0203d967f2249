#pragma once

// A part-of-speech tagger: a greedy, left-to-right averaged perceptron over features of the
// word (its lowercase form, suffixes, shape), its neighbours and the two tags before it. The
// built-in model gives Universal Dependencies tags (NOUN, VERB, AUX, ADP, PART, ...) and is
// trained on the English Web Treebank by linter/tools/train_tagger.cpp (`make model`).

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "copydesk/linear_model.hpp"

namespace copydesk {

// What the tagger needs of one word, computed once: hashes of its forms.
struct TaggerWord {
  std::uint64_t lower = 0;  // lowercase, straight apostrophes; numbers all alike
  std::uint64_t cased = 0;  // as written
  std::uint64_t prefix1 = 0;
  std::uint64_t prefix3 = 0;
  std::uint64_t suffix1 = 0;
  std::uint64_t suffix2 = 0;
  std::uint64_t suffix3 = 0;
  std::uint64_t suffix4 = 0;
  std::uint64_t shape = 0;  // "Xx", "x", "X.X.", "d,d": letters, digits and marks, runs collapsed
};

// Describes `text` (one token). `scratch` is reused between calls to avoid allocating.
TaggerWord describe_word(std::string_view text, std::string& scratch);
// Only the lowercase form, the case as written, the shape and the three-letter suffix: what
// the confusion model's cheap stage reads.
TaggerWord describe_word_basics(std::string_view text, std::string& scratch);
// Only the lowercase form (the `lower` of the descriptions above): what the confusion model's
// gate reads of the words beside its target.
std::uint64_t describe_word_lower(std::string_view text, std::string& scratch);

// The value a tag takes in features; the sentence start has its own.
inline constexpr std::uint64_t kStartTag = 0xFF;

class Tagger {
 public:
  static constexpr std::size_t kFeatureCount = 32;
  using Features = std::array<std::uint64_t, kFeatureCount>;

  explicit Tagger(LinearModel model);
  // The model compiled into copydesk (dictionaries/models/pos-tagger.bin).
  static const Tagger& builtin();

  std::size_t tag_count() const { return model_.class_count(); }
  std::string_view tag_name(std::uint8_t tag) const { return model_.class_name(tag); }
  // The tag's number, or -1 when the model has no such tag.
  int tag_index(std::string_view name) const { return model_.class_index(name); }

  // Tags words[from, to) left to right into tags[from, to). Words outside the range are read
  // as context; the range's first word is tagged as if the sentence started there.
  void tag(std::span<const TaggerWord> words, std::size_t from, std::size_t to,
           std::span<std::uint8_t> tags) const;

  // The features of word `index` given the two tags before it (kStartTag at the start): the
  // same for training and tagging.
  static void features(std::span<const TaggerWord> words, std::size_t index, std::uint64_t previous,
                       std::uint64_t before_previous, Features& out);

 private:
  LinearModel model_;
};

}  // namespace copydesk
