#include "copydesk/confusion_model.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "copydesk/linear_model.hpp"

namespace copydesk {
namespace {

std::span<const std::byte> bytes_of(const std::string& data) {
  return {reinterpret_cast<const std::byte*>(data.data()), data.size()};
}

// Writes a model with the given weights and reads it back: what the training tools do.
std::string written(std::vector<std::string> classes,
                    const std::vector<std::pair<std::uint64_t, std::vector<float>>>& weights) {
  LinearModelWriter writer(std::move(classes));
  for (const auto& [feature, row] : weights) writer.set(feature, row);
  std::string out;
  writer.write(out);
  return out;
}

TEST(LinearModel, SumsTheWeightsOfKnownFeatures) {
  // Two classes keep their weights in the buckets, seventeen in rows of their own.
  for (const std::size_t classes : {2u, 17u}) {
    std::vector<std::string> names;
    for (std::size_t c = 0; c < classes; ++c)
      names.push_back(std::string(1, 'c').append(std::to_string(c)));
    std::vector<float> first(classes, 0.0f), second(classes, 0.0f);
    first[0] = 2.0f;
    first[1] = -1.0f;
    second[1] = 4.0f;
    const std::string data =
        written(names, {{feature_key(1, 10), first}, {feature_key(2, 20), second}});
    std::span<const std::byte> view = bytes_of(data);
    const LinearModel model = LinearModel::read(view);
    EXPECT_TRUE(view.empty());
    ASSERT_EQ(model.class_count(), classes);
    EXPECT_EQ(model.class_index("c1"), 1);
    std::vector<std::int32_t> scores(classes, 0);
    const std::uint64_t features[] = {feature_key(1, 10), feature_key(2, 20), feature_key(3, 30)};
    model.add_all(features, scores);
    // Weights are stored in 16 bits: within a 30,000th of the largest.
    EXPECT_NEAR(static_cast<float>(scores[0]) * model.scale(), 2.0f, 1e-3f) << classes;
    EXPECT_NEAR(static_cast<float>(scores[1]) * model.scale(), 3.0f, 1e-3f) << classes;
    if (classes > 2) {
      EXPECT_EQ(scores[classes - 1], 0);
    }
  }
}

TEST(LinearModel, RefusesBytesThatAreNotAModel) {
  const std::string garbage = "not a model at all, just some text";
  std::span<const std::byte> view = bytes_of(garbage);
  EXPECT_THROW(LinearModel::read(view), std::runtime_error);
  const std::string model = written({"a", "b"}, {{feature_key(1, 1), {1.0f, 0.0f}}});
  std::span<const std::byte> truncated = bytes_of(model).first(model.size() - 8);
  EXPECT_THROW(LinearModel::read(truncated), std::runtime_error);
  EXPECT_THROW(ConfusionModel::read(bytes_of(garbage)), std::runtime_error);
}

TEST(ConfusionModel, TheBuiltInModelCoversTheCoreSets) {
  const ConfusionModel& model = ConfusionModel::builtin();
  for (const char* word : {"to", "too", "two", "its", "it's", "their", "there", "they're", "your",
                           "you're", "then", "than", "were", "where", "we're", "whose", "who's"}) {
    const auto member = model.find(word);
    ASSERT_TRUE(member.has_value()) << word;
    EXPECT_EQ(model.sets()[member->set].members[member->member], word);
  }
  EXPECT_FALSE(model.find("cat").has_value());
  EXPECT_FALSE(model.find("Too").has_value());  // the rule folds case before asking
}

// The verdict on words[target] of a sentence given as space-separated tokens.
ConfusionVerdict judge(const std::string& sentence, std::size_t target) {
  static std::vector<std::string> storage;
  storage.clear();
  for (std::size_t at = 0; at < sentence.size();) {
    const std::size_t space = sentence.find(' ', at);
    storage.push_back(sentence.substr(at, space - at));
    at = space == std::string::npos ? sentence.size() : space + 1;
  }
  const std::vector<std::string_view> words(storage.begin(), storage.end());
  const ConfusionModel& model = ConfusionModel::builtin();
  std::string lower = storage[target];
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return model.judge(*model.find(lower), words, target, Tagger::builtin(), NgramModel::builtin());
}

TEST(ConfusionModel, PrefersTheMemberTheContextCallsFor) {
  const ConfusionModel& model = ConfusionModel::builtin();
  const auto name = [&](const std::string& word) {
    const auto member = *model.find(word);
    return [&model, member](std::size_t index) {
      return std::string(model.sets()[member.set].members[index]);
    };
  };
  ConfusionVerdict verdict = judge("They want too leave before the storm .", 2);
  EXPECT_TRUE(verdict.flagged);
  EXPECT_EQ(name("too")(verdict.suggested), "to");
  verdict = judge("I would like to go too the park .", 5);
  EXPECT_TRUE(verdict.flagged);
  EXPECT_EQ(name("too")(verdict.suggested), "to");
  EXPECT_FALSE(judge("They want to leave before the storm .", 2).flagged);
  EXPECT_FALSE(judge("The hall was too small for the crowd .", 3).flagged);
  EXPECT_FALSE(judge("The charity has its own ambulance .", 3).flagged);
  EXPECT_FALSE(judge("Prices rose more than expected .", 3).flagged);
}

TEST(ConfusionModel, TheWrittenWordDoesNotSwayTheContext) {
  // The context reads the set's first member in place of the written one, so every member
  // written there gets the same scores, and each is judged against them.
  const ConfusionVerdict written_to = judge("They want to leave .", 2);
  const ConfusionVerdict written_too = judge("They want too leave .", 2);
  EXPECT_FALSE(written_to.flagged);
  EXPECT_TRUE(written_too.flagged);
}

// The rule asks the gate alone before gathering a wider context: it must pass everything the
// whole judgement would flag, and settle plain uses by itself.
TEST(ConfusionModel, TheGateAlonePassesWhatTheJudgementFlags) {
  const ConfusionModel& model = ConfusionModel::builtin();
  const auto gate = [&](std::string_view before, std::string_view word, std::string_view after) {
    return model.may_be_wrong(*model.find(word), before, after);
  };
  EXPECT_TRUE(judge("They want too leave before the storm .", 2).flagged);
  EXPECT_TRUE(gate("want", "too", "leave"));
  EXPECT_TRUE(judge("I would like to go too the park .", 5).flagged);
  EXPECT_TRUE(gate("go", "too", "the"));
  EXPECT_FALSE(gate("want", "to", "leave"));
  EXPECT_FALSE(gate("has", "its", "own"));
  EXPECT_FALSE(gate("", "their", "own"));  // no word before: the sentence's first
}

}  // namespace
}  // namespace copydesk
