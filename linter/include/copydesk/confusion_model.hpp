#pragma once

// Which member of a confusion set ("to/too/two", "its/it's") a context calls for, learned from
// clean text by linter/tools/train_confusions.cpp (`make model`) rather than listed by hand.
//
// The context is the sentence around the word with the word itself replaced by the set's first
// member, so what the writer put there cannot sway the verdict. Each set has two linear models:
// a cheap one over the neighbouring words, their shapes and suffixes, and a full one that adds
// the part-of-speech tags of the neighbours. The tagger runs only where the cheap model does not
// find the written word clearly right.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/linear_model.hpp"
#include "copydesk/tagger.hpp"

namespace copydesk {

struct ConfusionSet {
  std::string_view name;                  // "to/too/two"
  std::vector<std::string_view> members;  // lowercase, straight apostrophes
  LinearModel words_model;
  LinearModel full_model;
  // The written member is taken as right when the cheap model's margin for another member
  // (its score above the written one's, in trained units) is at most `skip_margin`.
  float skip_margin = 0.0f;
  // Another member is flagged when the full model prefers it by more than `flag_margin`.
  float flag_margin = 0.0f;
};

// The words around one occurrence of a set member, as the models see them.
struct ConfusionContext {
  static constexpr std::size_t kReach = 4;       // words on each side
  static constexpr std::size_t kCheapReach = 2;  // words described for the cheap stage
  std::array<std::string_view, 2 * kReach + 1> texts{};
  std::array<TaggerWord, 2 * kReach + 1> words{};
  std::array<std::uint64_t, 2 * kReach + 1> tags{};
  std::size_t first = kReach;  // the context's real words: [first, last)
  std::size_t last = kReach + 1;
  bool tagged = false;
};

// Fills `context` for words[target] (a sentence's non-blank tokens), reading the target as
// `canonical`. Only the nearest words are described until the context is tagged.
void build_confusion_context(std::span<const std::string_view> words, std::size_t target,
                             std::string_view canonical, ConfusionContext& context);
void tag_confusion_context(const Tagger& tagger, ConfusionContext& context);

// The features of each model: the cheap ones (neighbouring words), then the rest (tags, and
// every word within reach).
void confusion_word_features(const ConfusionContext& context, std::vector<std::uint64_t>& out);
void confusion_tag_features(const ConfusionContext& context, std::vector<std::uint64_t>& out);

struct ConfusionVerdict {
  std::size_t suggested = 0;  // the member the context calls for
  float margin = 0.0f;        // how far it outscores the written member (trained units)
  bool flagged = false;
};

class ConfusionModel {
 public:
  // The model compiled into copydesk (dictionaries/models/confusion-sets.bin); no sets when
  // the build had none.
  static const ConfusionModel& builtin();
  // Throws std::runtime_error for bytes that are not a model; keeps views into `bytes`.
  static ConfusionModel read(std::span<const std::byte> bytes);

  const std::vector<ConfusionSet>& sets() const { return sets_; }

  struct Member {
    std::uint16_t set = 0;
    std::uint16_t member = 0;
  };
  // The set and member a lowercase word with straight apostrophes is, if any.
  std::optional<Member> find(std::string_view folded) const;

  // Judges the written `member` of set `set` at words[target].
  ConfusionVerdict judge(Member member, std::span<const std::string_view> words, std::size_t target,
                         const Tagger& tagger) const;

 private:
  std::vector<ConfusionSet> sets_;
};

// Scores of every member under `model` for `features`, in trained units.
void score_members(const LinearModel& model, std::span<const std::uint64_t> features,
                   std::span<float> scores);

}  // namespace copydesk
