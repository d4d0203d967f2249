#include "copydesk/word_classes.hpp"

#include <gtest/gtest.h>

namespace copydesk {
namespace {

TEST(SortedLines, FindsWholeLinesOnly) {
  constexpr std::string_view kLines = "apple\nbanana\ncherry\ndate\nfig\n";
  for (std::string_view word : {"apple", "banana", "cherry", "date", "fig"}) {
    EXPECT_TRUE(sorted_lines_contain(kLines, word)) << word;
  }
  for (std::string_view word : {"", "a", "app", "apples", "bananas", "coconut", "zebra", "aardvark",
                                "fig\n", "date\nfig"}) {
    EXPECT_FALSE(sorted_lines_contain(kLines, word)) << word;
  }
}

TEST(SortedLines, HandlesEdgeCases) {
  EXPECT_FALSE(sorted_lines_contain("", "word"));
  EXPECT_TRUE(sorted_lines_contain("word\n", "word"));
  EXPECT_FALSE(sorted_lines_contain("word\n", "ward"));
  EXPECT_FALSE(sorted_lines_contain("word", "word"));     // no final newline: not a list
  EXPECT_TRUE(sorted_lines_contain("\nword\n", "word"));  // an empty first line
  EXPECT_TRUE(sorted_lines_contain("\nword\n", ""));
}

// These hold for WordNet 3.0 (Debian's wordnet-base), which the build uses.
TEST(WordClasses, NounsAreWordsThatCannotBeReadAsAnythingElseAfterItIs) {
  if (!word_classes_available()) GTEST_SKIP() << "built without WordNet (wordnet-base)";
  // Plurals and listed plurals count, and so do nouns that are also verbs ("it is" + "captain"
  // is no verb phrase).
  // WordNet lists "owner" and "player" as their own inflections in adj.exc, and "broker" looks
  // like a comparative of "broke": nouns all the same.
  for (std::string_view noun : {"veranda", "clauses", "presence", "mice", "news", "captain",
                                "owner", "player", "customer", "broker", "god"}) {
    EXPECT_TRUE(is_plain_noun(noun)) << noun;
  }
  // Adjectives ("welcome"), adverbs, participles ("building", "done"), closed-class words
  // (WordNet's "at" is astatine, "does" a plural of "doe"), names and anything not lowercase
  // ASCII.
  for (std::string_view other : {"welcome", "home", "building", "done", "does", "has", "at", "or",
                                 "the", "Veranda", "it's", "old-school", "caf\xC3\xA9", ""}) {
    EXPECT_FALSE(is_plain_noun(other)) << other;
  }
}

TEST(WordClasses, AdjectivesIncludeComparativesAndSuperlatives) {
  if (!word_classes_available()) GTEST_SKIP() << "built without WordNet (wordnet-base)";
  for (std::string_view adjective :
       {"happy", "happier", "reddest", "odorless", "own", "best", "bigger", "cheapest"}) {
    EXPECT_TRUE(has_adjective_sense(adjective)) << adjective;
  }
  for (std::string_view other : {"veranda", "quickly", "the", "Happy", "owner", "broker"}) {
    EXPECT_FALSE(has_adjective_sense(other)) << other;
  }
}

}  // namespace
}  // namespace copydesk
