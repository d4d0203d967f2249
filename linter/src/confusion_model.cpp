#include "copydesk/confusion_model.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

#include "copydesk/text.hpp"
#include "embedded_model.hpp"

namespace copydesk {
namespace {

constexpr std::uint32_t kMagic = 0x53434443;  // "CDCS"
constexpr std::uint32_t kVersion = 4;
constexpr std::size_t kMaxMembers = 8;

// Feature templates; the numbers are part of the trained model's format.
enum Template : std::uint32_t {
  kBias,
  kWordAt,  // with the position
  kShapeAt,
  kSuffixAt,
  kCasedAfter,
  kWordsAround,  // the words just before and after
  kWordsBefore,  // the two before
  kWordsAfter,   // the two after
  kBag,          // any word within reach
  kWordThenShape,
  kStart,
  kGateBefore,
  kGateAfter,
  kGateAround,
  kTagAt = 32,
  kTagsAround,
  kTagsAfter,
  kTagsBefore,
  kWordThenTag,
  kTagThenWord,
  kTagThenWordAfter,
  kTagsAfterThree,
  kTagsAroundAfter,
};

std::uint64_t position_value(std::size_t index) { return index + 1; }

}  // namespace

void build_confusion_context(std::span<const std::string_view> words, std::size_t target,
                             std::string_view canonical, ConfusionContext& context) {
  constexpr std::size_t reach = ConfusionContext::kReach;
  context.tagged = false;
  context.first = reach - std::min(reach, target);
  context.last = reach + 1 + std::min(reach, words.size() - target - 1);
  for (std::size_t i = context.first; i < context.last; ++i) {
    context.texts[i] = i == reach ? canonical : words[target + i - reach];
    context.described[i] = 0;
  }
}

namespace {

enum Described : std::uint8_t { kNothing, kLower, kBasics, kEverything };

// Describes the basics of the real words within `reach` of the target, where not yet done.
void describe_near(ConfusionContext& context, std::size_t reach) {
  thread_local std::string scratch;
  const std::size_t from = std::max(context.first, ConfusionContext::kReach - reach);
  const std::size_t to = std::min(context.last, ConfusionContext::kReach + reach + 1);
  for (std::size_t i = from; i < to; ++i) {
    if (context.described[i] >= kBasics) continue;
    context.words[i] = describe_word_basics(context.texts[i], scratch);
    context.described[i] = kBasics;
  }
}

// The gate's words: the lowercase forms of the two beside the target (the target is always read
// as its set's first member, so the gate needs nothing of it).
void describe_beside_target(ConfusionContext& context) {
  thread_local std::string scratch;
  for (const std::size_t i : {ConfusionContext::kReach - 1, ConfusionContext::kReach + 1}) {
    if (i < context.first || i >= context.last || context.described[i] >= kLower) continue;
    context.words[i].lower = describe_word_lower(context.texts[i], scratch);
    context.described[i] = kLower;
  }
}

}  // namespace

void tag_confusion_context(const Tagger& tagger, ConfusionContext& context) {
  thread_local std::string scratch;
  for (std::size_t i = context.first; i < context.last; ++i) {
    if (context.described[i] == kEverything) continue;
    context.words[i] = describe_word(context.texts[i], scratch);
    context.described[i] = kEverything;
  }
  std::array<std::uint8_t, 2 * ConfusionContext::kReach + 1> tags{};
  const std::span<const TaggerWord> real(context.words.data() + context.first,
                                         context.last - context.first);
  const std::size_t target = ConfusionContext::kReach - context.first;
  // Three words of left context are enough for the tags next to the target.
  const std::size_t from = target >= 3 ? target - 3 : 0;
  const std::size_t to = std::min(real.size(), target + 4);
  tagger.tag(real, from, to, tags);
  for (std::size_t i = 0; i < context.tags.size(); ++i) context.tags[i] = kStartTag;
  for (std::size_t i = from; i < to; ++i) context.tags[context.first + i] = tags[i] + 1u;
  context.tagged = true;
}

namespace {

constexpr std::uint64_t kEdgeValue = 0x5eed;

struct View {
  const ConfusionContext& context;
  bool real(int offset) const {
    const std::size_t i = ConfusionContext::kReach + static_cast<std::size_t>(offset);
    return i >= context.first && i < context.last;
  }
  std::uint64_t word(int offset) const {
    return real(offset) ? context.words[ConfusionContext::kReach + offset].lower : kEdgeValue;
  }
  std::uint64_t shape(int offset) const {
    return real(offset) ? context.words[ConfusionContext::kReach + offset].shape : kEdgeValue;
  }
  std::uint64_t suffix(int offset) const {
    return real(offset) ? context.words[ConfusionContext::kReach + offset].suffix3 : kEdgeValue;
  }
  std::uint64_t cased(int offset) const {
    return real(offset) ? context.words[ConfusionContext::kReach + offset].cased : kEdgeValue;
  }
  std::uint64_t tag(int offset) const {
    return real(offset) ? context.tags[ConfusionContext::kReach + offset] : kEdgeValue;
  }
};

}  // namespace

void confusion_gate_features(ConfusionContext& context, std::vector<std::uint64_t>& out) {
  describe_beside_target(context);
  const View at{context};
  out.clear();
  out.push_back(feature_key(kBias, 0));
  out.push_back(feature_key(kGateBefore, at.word(-1)));
  out.push_back(feature_key(kGateAfter, at.word(1)));
  out.push_back(feature_key(kGateAround, at.word(-1), at.word(1)));
}

void confusion_word_features(ConfusionContext& context, std::vector<std::uint64_t>& out) {
  describe_near(context, 2);
  const View at{context};
  out.clear();
  out.push_back(feature_key(kBias, 0));
  for (const int offset : {-2, -1, 1, 2}) {
    const std::uint64_t position = static_cast<std::uint64_t>(offset + 8);
    out.push_back(feature_key(kWordAt, position, at.word(offset)));
    out.push_back(feature_key(kShapeAt, position, at.shape(offset)));
    out.push_back(feature_key(kSuffixAt, position, at.suffix(offset)));
  }
  out.push_back(feature_key(kCasedAfter, at.cased(1)));
  out.push_back(feature_key(kWordsAround, at.word(-1), at.word(1)));
  out.push_back(feature_key(kWordsBefore, at.word(-2), at.word(-1)));
  out.push_back(feature_key(kWordsAfter, at.word(1), at.word(2)));
  out.push_back(feature_key(kWordThenShape, at.word(-1), at.shape(1)));
  out.push_back(feature_key(kStart, at.real(-1) ? 0 : 1, at.shape(0)));
}

void confusion_tag_features(const ConfusionContext& context, std::vector<std::uint64_t>& out) {
  const View at{context};
  for (int offset = -static_cast<int>(ConfusionContext::kReach);
       offset <= static_cast<int>(ConfusionContext::kReach); ++offset) {
    if (offset != 0 && at.real(offset)) out.push_back(feature_key(kBag, at.word(offset)));
  }
  for (const int offset : {-3, -2, -1, 1, 2, 3}) {
    out.push_back(
        feature_key(kTagAt, position_value(static_cast<std::size_t>(offset + 8)), at.tag(offset)));
  }
  out.push_back(feature_key(kTagsAround, at.tag(-1), at.tag(1)));
  out.push_back(feature_key(kTagsAfter, at.tag(1), at.tag(2)));
  out.push_back(feature_key(kTagsBefore, at.tag(-2), at.tag(-1)));
  out.push_back(feature_key(kWordThenTag, at.word(-1), at.tag(1)));
  out.push_back(feature_key(kTagThenWord, at.tag(-1), at.word(1)));
  out.push_back(feature_key(kTagThenWordAfter, at.tag(1), at.word(2)));
  out.push_back(feature_key(kTagsAfterThree, at.tag(1), feature_key(0, at.tag(2), at.tag(3))));
  out.push_back(feature_key(kTagsAroundAfter, at.tag(-1), feature_key(0, at.tag(1), at.tag(2))));
}

namespace {

// A word for the language model, which knows no punctuation: ASCII letters or digits, or a
// letter outside ASCII (UTF-8 lead bytes from 0xC3; 0xE2 starts dashes and curly quotes).
bool is_model_word(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return std::isalnum(byte) || (byte >= 0xc3 && byte != 0xe2);
  });
}

constexpr std::size_t kWindowReach = 2;  // words each side: all a trigram window reads
using NgramWindow = std::array<std::string_view, 2 * kWindowReach + 1>;

// The lowercase words within reach of words[target], skipping punctuation; returns how many
// are before the target's slot and how many in all.
std::pair<std::size_t, std::size_t> gather_window(std::span<const std::string_view> words,
                                                  std::size_t target, NgramWindow& window) {
  thread_local std::array<std::string, 2 * kWindowReach + 1> lowered;
  thread_local std::string scratch;
  std::array<std::string_view, kWindowReach> left;
  std::size_t before = 0, after = 0;
  for (std::size_t i = target; i-- > 0 && before < kWindowReach;) {
    if (is_model_word(words[i])) left[before++] = words[i];
  }
  for (std::size_t k = 0; k < before; ++k) window[k] = left[before - 1 - k];
  for (std::size_t i = target + 1; i < words.size() && after < kWindowReach; ++i) {
    if (is_model_word(words[i])) window[before + 1 + after++] = words[i];
  }
  const std::size_t count = before + 1 + after;
  for (std::size_t k = 0; k < count; ++k) {
    if (k == before) continue;
    to_lower(straighten_apostrophes(window[k], scratch), lowered[k]);
    window[k] = lowered[k];
  }
  return {before, count};
}

}  // namespace

void ngram_member_scores(const NgramModel& ngrams, std::span<const std::string_view> words,
                         std::size_t target, std::span<const std::string_view> members,
                         std::span<float> scores) {
  NgramWindow window;
  const auto [before, count] = gather_window(words, target, window);
  for (std::size_t m = 0; m < members.size(); ++m) {
    window[before] = members[m];
    scores[m] = ngrams.window_log10(std::span(window.data(), count), before);
  }
}

void score_members(const LinearModel& model, std::span<const std::uint64_t> features,
                   std::span<float> scores) {
  std::array<std::int32_t, kMaxMembers> sums{};
  const std::span<std::int32_t> used(sums.data(), model.class_count());
  model.add_all(features, used);
  for (std::size_t c = 0; c < used.size(); ++c)
    scores[c] = static_cast<float>(used[c]) * model.scale();
}

const ConfusionModel& ConfusionModel::builtin() {
  static const ConfusionModel model = [] {
    const std::span<const std::byte> bytes = embedded_model("confusion-sets.bin");
    return bytes.empty() ? ConfusionModel() : read(bytes);
  }();
  return model;
}

ConfusionModel ConfusionModel::read(std::span<const std::byte> bytes) {
  if (read_u32(bytes) != kMagic) throw std::runtime_error("not a copydesk confusion model");
  if (read_u32(bytes) != kVersion) throw std::runtime_error("confusion model of another version");
  ConfusionModel model;
  const std::uint32_t count = read_u32(bytes);
  for (std::uint32_t s = 0; s < count; ++s) {
    ConfusionSet set;
    set.name = read_name(bytes);
    const std::uint32_t members = read_u32(bytes);
    if (members < 2 || members > kMaxMembers) throw std::runtime_error("confusion set of bad size");
    for (std::uint32_t m = 0; m < members; ++m) set.members.push_back(read_name(bytes));
    set.ngram_only = read_u32(bytes) != 0;
    if (set.ngram_only) {
      set.flag_margin = read_f32(bytes);
      model.sets_.push_back(std::move(set));
      continue;
    }
    set.gate_margin = read_f32(bytes);
    set.skip_margin = read_f32(bytes);
    set.flag_margin = read_f32(bytes);
    set.ngram_weight = read_f32(bytes);
    set.model_margin = read_f32(bytes);
    set.gate_model = LinearModel::read(bytes);
    set.words_model = LinearModel::read(bytes);
    set.full_model = LinearModel::read(bytes);
    if (set.gate_model.class_count() != members || set.words_model.class_count() != members ||
        set.full_model.class_count() != members) {
      throw std::runtime_error("confusion set's models disagree on its members");
    }
    model.sets_.push_back(std::move(set));
  }
  return model;
}

std::optional<ConfusionModel::Member> ConfusionModel::find(std::string_view folded) const {
  for (std::size_t s = 0; s < sets_.size(); ++s) {
    const auto& members = sets_[s].members;
    const auto found = std::find(members.begin(), members.end(), folded);
    if (found != members.end()) {
      return Member{static_cast<std::uint16_t>(s),
                    static_cast<std::uint16_t>(found - members.begin())};
    }
  }
  return std::nullopt;
}

bool ConfusionModel::may_be_wrong(Member member, std::string_view before,
                                  std::string_view after) const {
  std::array<std::string_view, 3> around;
  std::size_t count = 0, target = 0;
  if (!before.empty()) around[count++] = before;
  target = count++;
  if (!after.empty()) around[count++] = after;
  const ConfusionSet& set = sets_[member.set];
  if (set.ngram_only) return true;
  thread_local ConfusionContext context;
  thread_local std::vector<std::uint64_t> features;
  build_confusion_context(std::span(around.data(), count), target, set.members[0], context);
  std::array<float, kMaxMembers> scores{};
  confusion_gate_features(context, features);
  score_members(set.gate_model, features, scores);
  for (std::size_t m = 0; m < set.members.size(); ++m) {
    if (m != member.member && scores[m] - scores[member.member] > set.gate_margin) return true;
  }
  return false;
}

namespace {

ConfusionVerdict judge_by_ngrams(const ConfusionSet& set, ConfusionModel::Member member,
                                 std::span<const std::string_view> words, std::size_t target,
                                 const NgramModel& ngrams) {
  ConfusionVerdict verdict{member.member, 0.0f, false};
  if (ngrams.empty()) return verdict;
  std::array<float, kMaxMembers> likelihoods{};
  ngram_member_scores(ngrams, words, target, set.members,
                      std::span(likelihoods.data(), set.members.size()));
  verdict.margin = -1e30f;
  for (std::size_t m = 0; m < set.members.size(); ++m) {
    const float margin = likelihoods[m] - likelihoods[member.member];
    if (m != member.member && margin > verdict.margin) verdict = {m, margin, false};
  }
  verdict.flagged = verdict.margin > set.flag_margin;
  return verdict;
}

}  // namespace

ConfusionVerdict ConfusionModel::judge(Member member, std::span<const std::string_view> words,
                                       std::size_t target, const Tagger& tagger,
                                       const NgramModel& ngrams) const {
  const ConfusionSet& set = sets_[member.set];
  if (set.ngram_only) return judge_by_ngrams(set, member, words, target, ngrams);
  thread_local ConfusionContext context;
  thread_local std::vector<std::uint64_t> features;
  build_confusion_context(words, target, set.members[0], context);
  std::array<float, kMaxMembers> scores{};
  const auto best_other = [&] {
    ConfusionVerdict verdict;
    verdict.margin = -1e30f;
    for (std::size_t m = 0; m < set.members.size(); ++m) {
      if (m == member.member) continue;
      const float margin = scores[m] - scores[member.member];
      if (margin > verdict.margin) verdict = {m, margin, false};
    }
    return verdict;
  };
  const ConfusionVerdict right_as_written{member.member, 0.0f, false};
  confusion_gate_features(context, features);
  score_members(set.gate_model, features, scores);
  if (best_other().margin <= set.gate_margin) return right_as_written;
  confusion_word_features(context, features);
  score_members(set.words_model, features, scores);
  if (best_other().margin <= set.skip_margin) return right_as_written;
  tag_confusion_context(tagger, context);
  confusion_tag_features(context, features);
  score_members(set.full_model, features, scores);
  const std::array<float, kMaxMembers> model_scores = scores;
  if (set.ngram_weight > 0.0f && !ngrams.empty()) {
    std::array<float, kMaxMembers> likelihoods{};
    const std::span<float> used(likelihoods.data(), set.members.size());
    ngram_member_scores(ngrams, words, target, set.members, used);
    for (std::size_t m = 0; m < used.size(); ++m) scores[m] += set.ngram_weight * used[m];
  }
  ConfusionVerdict verdict = best_other();
  // Two kinds of evidence must agree: the n-gram model alone never outvotes the context model.
  verdict.flagged =
      verdict.margin > set.flag_margin &&
      model_scores[verdict.suggested] - model_scores[member.member] > set.model_margin;
  return verdict;
}

}  // namespace copydesk
