#include "copydesk/ngram_model.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace copydesk {
namespace {

float window(const NgramModel& model, std::vector<std::string_view> words, std::size_t target) {
  return model.window_log10(words, target);
}

// A hand-made model: the words "a", "b", "c" and a few n-grams over them.
struct SmallModel {
  std::vector<std::uint64_t> storage;
  NgramModel model;
  SmallModel() {
    const auto key = [](std::initializer_list<std::string_view> words) {
      return NgramModel::key(std::vector<std::string_view>(words));
    };
    NgramTables tables;
    tables.unigrams = {{key({"<s>"}), -99.0f, -0.5f},
                       {key({"</s>"}), -1.0f, 0.0f},
                       {key({"a"}), -1.0f, -0.25f},
                       {key({"b"}), -2.0f, -0.125f},
                       {key({"c"}), -3.0f, 0.0f}};
    tables.bigrams = {{key({"a", "b"}), -0.5f, -0.75f}, {key({"<s>", "a"}), -0.25f, 0.0f}};
    tables.trigrams = {{key({"<s>", "a", "b"}), -0.125f, 0.0f}};
    const std::string bytes = tables.write();
    storage.resize((bytes.size() + 7) / 8);
    std::memcpy(storage.data(), bytes.data(), bytes.size());
    model = NgramModel::read({reinterpret_cast<const std::byte*>(storage.data()), bytes.size()});
  }
};

TEST(NgramModel, ScoresAWindowWithBackOff) {
  const SmallModel small;
  // P(a | <s>) + P(b | <s> a) + P(c | a b) = -0.25 + -0.125 + (bo(a b) + bo(b) + P(c)).
  EXPECT_NEAR(window(small.model, {"a", "b", "c"}, 0), -0.25f - 0.125f - 0.75f - 0.125f - 3.0f,
              1e-3f);
  // P(b | c a) backs off to P(b | a), as bo(c a) is unknown (0); then the sentence's end.
  EXPECT_NEAR(window(small.model, {"c", "a", "b"}, 2), -0.5f + (-0.75f - 0.125f - 1.0f), 1e-3f);
  // An unknown word gets a floor below every known one.
  EXPECT_NEAR(window(small.model, {"zzz"}, 0), -0.5f - 8.0f - 1.0f, 1e-3f);
}

TEST(NgramModel, RefusesBytesThatAreNotAModel) {
  const std::array<std::uint64_t, 4> garbage{1, 2, 3, 4};
  EXPECT_THROW(NgramModel::read({reinterpret_cast<const std::byte*>(garbage.data()), 32}),
               std::runtime_error);
}

TEST(NgramModel, TheBuiltInModelPrefersTheRightMember) {
  const NgramModel& model = NgramModel::builtin();
  ASSERT_FALSE(model.empty());
  EXPECT_GT(window(model, {"we", "went", "to", "the", "market"}, 2),
            window(model, {"we", "went", "too", "the", "market"}, 2));
  EXPECT_GT(window(model, {"it", "is", "too", "late"}, 2),
            window(model, {"it", "is", "to", "late"}, 2));
  EXPECT_GT(window(model, {"bigger", "than", "ever"}, 1),
            window(model, {"bigger", "then", "ever"}, 1));
  EXPECT_GT(window(model, {"they", "lost", "their", "keys"}, 2),
            window(model, {"they", "lost", "there", "keys"}, 2));
}

}  // namespace
}  // namespace copydesk
