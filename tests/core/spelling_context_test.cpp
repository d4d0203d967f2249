#include "copydesk/spelling_context.hpp"

#include <gtest/gtest.h>

namespace copydesk {
namespace {

// The model is compiled in from dictionaries/models/spelling-ngrams.bin, which is committed.
TEST(SpellingContextTest, TheModelIsCompiledIn) { EXPECT_TRUE(has_spelling_model()); }

TEST(SpellingContextTest, PrefersTheWordThatFitsBetweenItsNeighbours) {
  const WordContext before_noun{.before = {"is", "this"}, .after = {"car"}};
  EXPECT_GT(context_log10(before_noun, "your"), context_log10(before_noun, "you're"));
  const WordContext before_adjective{.before = {"i", "think"}, .after = {"right", "about"}};
  EXPECT_GT(context_log10(before_adjective, "you're"), context_log10(before_adjective, "your"));
  const WordContext before_verb{.before = {"i", "want"}, .after = {"go", "home"}};
  EXPECT_GT(context_log10(before_verb, "to"), context_log10(before_verb, "of"));
}

// A missing space is scored as its two words, with the same words after it as a single word.
TEST(SpellingContextTest, ScoresTwoWordsAsAPhrase) {
  const WordContext context{.before = {"i", "have"}, .after = {"of", "work"}};
  EXPECT_GT(context_log10(context, "a lot"), context_log10(context, "allot"));
  EXPECT_LT(context_log10(context, "a lot"), 0.0);
}

// At a sentence's start and end the model's boundary marks stand in for the missing words.
TEST(SpellingContextTest, WorksWithoutNeighbours) {
  const WordContext alone;
  EXPECT_GT(context_log10(alone, "the"), context_log10(alone, "thy"));
}

}  // namespace
}  // namespace copydesk
