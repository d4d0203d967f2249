// The counts and readability formulas of Vale's `metric` rules.

#include "copydesk/vale/readability.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace copydesk::vale {
namespace {

TEST(Syllables, CountsVowelGroups) {
  EXPECT_EQ(count_syllables("cat"), 1);
  EXPECT_EQ(count_syllables("garden"), 2);
  EXPECT_EQ(count_syllables("readability"), 5);
  EXPECT_EQ(count_syllables("beautiful"), 3);
  EXPECT_EQ(count_syllables("Hospital"), 3);
}

TEST(Syllables, SilentEndingsDoNotCount) {
  EXPECT_EQ(count_syllables("make"), 1);
  EXPECT_EQ(count_syllables("walked"), 1);
  EXPECT_EQ(count_syllables("takes"), 1);
  EXPECT_EQ(count_syllables("the"), 1);
}

TEST(Syllables, PronouncedEndingsCount) {
  EXPECT_EQ(count_syllables("table"), 2);
  EXPECT_EQ(count_syllables("wanted"), 2);
  EXPECT_EQ(count_syllables("boxes"), 2);
  EXPECT_EQ(count_syllables("free"), 1);
}

TEST(Syllables, LeadingYIsAConsonant) {
  EXPECT_EQ(count_syllables("yes"), 1);
  EXPECT_EQ(count_syllables("you"), 1);
  EXPECT_EQ(count_syllables("happy"), 2);
}

TEST(Syllables, WordsWithoutLettersHaveNone) {
  EXPECT_EQ(count_syllables("1984"), 0);
  EXPECT_EQ(count_syllables(""), 0);
  EXPECT_EQ(count_syllables("don't"), 1);
}

TEST(TextStatistics, CountsLongPolysyllabicAndComplexWords) {
  TextStatistics counts;
  for (std::string_view word : {"Editors", "revised", "the", "uncomfortable", "paragraphs"}) {
    counts.add_word(word);
  }
  EXPECT_EQ(counts.words, 5);
  EXPECT_EQ(counts.characters, 7 + 7 + 3 + 13 + 10);
  EXPECT_EQ(counts.long_words, 4);  // all but "the"
  EXPECT_EQ(counts.syllables, 3 + 2 + 1 + 5 + 3);
  EXPECT_EQ(counts.polysyllabic_words, 3);  // editors, uncomfortable, paragraphs
  EXPECT_EQ(counts.complex_words, 3);
}

TEST(TextStatistics, ComplexWordsIgnoreCommonSuffixes) {
  TextStatistics counts;
  counts.add_word("decorated");   // de-co-ra-ted: "decorat" keeps three
  counts.add_word("estimating");  // "estimat" keeps three
  counts.add_word("releases");    // re-lea-ses, "releas" two
  EXPECT_EQ(counts.polysyllabic_words, 3);
  EXPECT_EQ(counts.complex_words, 2);
}

TEST(TextStatistics, NonAsciiLettersCountAsCharacters) {
  TextStatistics counts;
  counts.add_word("café");
  EXPECT_EQ(counts.characters, 4);
  EXPECT_EQ(counts.long_words, 0);
}

TEST(TextStatistics, CountsWordsAndSentencesOfAParagraph) {
  TextStatistics counts;
  counts.add_paragraph("The desk's copy-editor checked it. Was it done? Yes, v1.2 shipped");
  EXPECT_EQ(counts.words, 12);  // "v1.2" is two
  EXPECT_EQ(counts.sentences, 3);
  EXPECT_EQ(counts.paragraphs, 1);
  counts.add_paragraph("  -- ");
  EXPECT_EQ(counts.paragraphs, 1);
  EXPECT_EQ(counts.sentences, 3);
}

TextStatistics sample() {
  TextStatistics counts;
  counts.words = 100;
  counts.sentences = 5;
  counts.syllables = 150;
  counts.characters = 480;
  counts.long_words = 20;
  counts.polysyllabic_words = 10;
  counts.complex_words = 8;
  return counts;
}

TEST(Formulas, ComputeTheClassicScores) {
  const TextStatistics counts = sample();
  EXPECT_NEAR(flesch_kincaid_grade(counts), 0.39 * 20 + 11.8 * 1.5 - 15.59, 1e-9);
  EXPECT_NEAR(flesch_reading_ease(counts), 206.835 - 1.015 * 20 - 84.6 * 1.5, 1e-9);
  EXPECT_NEAR(gunning_fog(counts), 0.4 * (20 + 8), 1e-9);
  EXPECT_NEAR(smog_grade(counts), 1.0430 * 7.745966692414834 + 3.1291, 1e-9);
  EXPECT_NEAR(coleman_liau(counts), 5.88 * 4.8 - 29.6 * 0.05 - 15.8, 1e-9);
  EXPECT_NEAR(automated_readability(counts), 4.71 * 4.8 + 0.5 * 20 - 21.43, 1e-9);
  EXPECT_NEAR(lix(counts), 20 + 20, 1e-9);
}

TEST(Formulas, GiveZeroWithoutWordsOrSentences) {
  TextStatistics counts;
  EXPECT_EQ(flesch_kincaid_grade(counts), 0.0);
  counts.words = 3;
  EXPECT_EQ(lix(counts), 0.0);
  EXPECT_EQ(smog_grade(counts), 0.0);
}

}  // namespace
}  // namespace copydesk::vale
