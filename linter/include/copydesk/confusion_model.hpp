#pragma once

// Which member of a confusion set ("to/too/two", "its/it's") a context calls for, learned from
// clean text by linter/tools/train_confusions.cpp (`make model`) rather than listed by hand.
//
// The context is the sentence around the word with the word itself replaced by the set's first
// member, so what the writer put there cannot sway the verdict. Each set has three linear
// models, each asked only where the one before does not find the written word clearly right: a
// gate over the word before and the word after, a cheap model over the two words on each side,
// their shapes and suffixes, and a full one that adds the part-of-speech tags around the word
// and every word within reach. Most occurrences of "to" and "its" leave at the gate.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/linear_model.hpp"
#include "copydesk/ngram_model.hpp"
#include "copydesk/tagger.hpp"

namespace copydesk {

struct ConfusionSet {
  std::string_view name;                  // "to/too/two"
  std::vector<std::string_view> members;  // lowercase, straight apostrophes
  LinearModel gate_model;
  LinearModel words_model;
  LinearModel full_model;
  // The written member is taken as right when the gate's margin for another member (its score
  // above the written one's, in log-odds) is at most `gate_margin`, or the cheap model's is at
  // most `skip_margin`.
  float gate_margin = 0.0f;
  float skip_margin = 0.0f;
  // Another member is flagged when the full model prefers it by more than `flag_margin`, its
  // scores added to `ngram_weight` times each member's log10 likelihood under the n-gram model
  // (0: the set does not ask it), and when the full model alone prefers it by more than
  // `model_margin`.
  float flag_margin = 0.0f;
  float ngram_weight = 0.0f;
  float model_margin = 0.0f;
  // A set too rare in the training text for context models of its own ("council/counsel") is
  // judged by the n-gram model alone: another member is flagged when it is more than
  // `flag_margin` (log10) likelier in the window. Its three models are then empty.
  bool ngram_only = false;
};

// The words around one occurrence of a set member, as the models see them.
struct ConfusionContext {
  static constexpr std::size_t kReach = 4;  // words on each side
  std::array<std::string_view, 2 * kReach + 1> texts{};
  std::array<TaggerWord, 2 * kReach + 1> words{};
  // How much of each word is described: 0 nothing, 1 its lowercase form, 2 the basics, 3
  // everything.
  std::array<std::uint8_t, 2 * kReach + 1> described{};
  std::array<std::uint64_t, 2 * kReach + 1> tags{};
  std::size_t first = kReach;  // the context's real words: [first, last)
  std::size_t last = kReach + 1;
  bool tagged = false;
};

// Fills `context` for words[target] (a sentence's non-blank tokens), reading the target as
// `canonical`. Words are described as the stages need them.
void build_confusion_context(std::span<const std::string_view> words, std::size_t target,
                             std::string_view canonical, ConfusionContext& context);
void tag_confusion_context(const Tagger& tagger, ConfusionContext& context);

// The features of each model, written to `out`: the gate's (the words before and after), the
// cheap model's (two words on each side), then what the full model adds to the cheap model's
// (appended: tags, and every word within reach; the context must be tagged).
void confusion_gate_features(ConfusionContext& context, std::vector<std::uint64_t>& out);
void confusion_word_features(ConfusionContext& context, std::vector<std::uint64_t>& out);
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

  // The first, cheapest stage of judge() alone, which reads only the words just `before` and
  // `after` the target (empty: none): false when the written member is surely right there, so
  // that a caller need not gather a wider context.
  bool may_be_wrong(Member member, std::string_view before, std::string_view after) const;

  // Judges the written `member` of set `set` at words[target].
  ConfusionVerdict judge(Member member, std::span<const std::string_view> words, std::size_t target,
                         const Tagger& tagger, const NgramModel& ngrams) const;

 private:
  std::vector<ConfusionSet> sets_;
};

// The log10 likelihood under `ngrams` of the window around words[target] (a sentence's
// non-blank tokens; punctuation is skipped) with each of `members` put in its place.
void ngram_member_scores(const NgramModel& ngrams, std::span<const std::string_view> words,
                         std::size_t target, std::span<const std::string_view> members,
                         std::span<float> scores);

// Scores of every member under `model` for `features`, in trained units.
void score_members(const LinearModel& model, std::span<const std::uint64_t> features,
                   std::span<float> scores);

}  // namespace copydesk
