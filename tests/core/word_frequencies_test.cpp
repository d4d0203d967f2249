#include "copydesk/word_frequencies.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace copydesk {
namespace {

std::vector<std::pair<std::string, std::uint32_t>> listed_words() {
  std::ifstream in(COPYDESK_SOURCE_DIR "/dictionaries/word-frequencies.txt");
  std::vector<std::pair<std::string, std::uint32_t>> words;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream fields(line);
    std::string word;
    std::uint32_t count = 0;
    fields >> word >> count;
    words.emplace_back(word, count);
  }
  return words;
}

bool has_word(const std::vector<WordFrequencies::Near>& near, std::string_view word) {
  return std::any_of(near.begin(), near.end(),
                     [&](const WordFrequencies::Near& n) { return n.word == word; });
}

// The image compiled into the binary answers for every word of the list it was made from.
TEST(WordFrequencies, CountsEveryListedWordAsTheListSays) {
  const auto words = listed_words();
  ASSERT_GT(words.size(), 10000u);
  const WordFrequencies& frequencies = WordFrequencies::instance();
  for (const auto& [word, count] : words) {
    if (word.size() > 24) continue;  // not indexed
    ASSERT_EQ(frequencies.count(word), count) << word;
  }
  EXPECT_EQ(frequencies.count("qzxvj"), 0u);
}

TEST(WordFrequencies, FindsCommonAndRareWordsWithinTheDistanceAsked) {
  const WordFrequencies& frequencies = WordFrequencies::instance();
  EXPECT_TRUE(has_word(frequencies.near("teh", 1), "the"));
  EXPECT_FALSE(has_word(frequencies.near("teh", 1), "teh"));
  EXPECT_TRUE(has_word(frequencies.near("goverment", 1), "government"));
  EXPECT_FALSE(has_word(frequencies.near("ggovernmentt", 1), "government"));
  EXPECT_TRUE(has_word(frequencies.near("ggovernmentt", 2), "government"));
}

TEST(WordFrequencies, LeavesRareWordsOutWhenOnlyCommonOnesAreAsked) {
  const auto words = listed_words();
  const auto rare = std::find_if(words.begin(), words.end(), [](const auto& w) {
    return w.second < WordFrequencies::kCommon && w.first.size() >= 6;
  });
  ASSERT_NE(rare, words.end());
  const std::string typo = rare->first.substr(0, rare->first.size() - 1);
  EXPECT_TRUE(has_word(WordFrequencies::instance().near(typo, 1), rare->first)) << typo;
  EXPECT_FALSE(has_word(WordFrequencies::instance().near(typo, 1, false, true), rare->first))
      << typo;
}

// Every kind of slip the look-up promises to undo, made in words all over the list: the hashes
// of the edited keys must be the hashes of the edited texts.
TEST(WordFrequencies, UndoesEachKindOfSlipItPromises) {
  const auto words = listed_words();
  const WordFrequencies& frequencies = WordFrequencies::instance();
  int tried = 0;
  for (std::size_t k = 0; k < words.size(); k += 97) {
    const std::string& word = words[k].first;
    if (word.size() < 6 || word.size() > 12 ||
        word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) {
      continue;
    }
    ++tried;
    std::string substituted = word;
    substituted[2] = substituted[2] == 'q' ? 'j' : 'q';
    EXPECT_TRUE(has_word(frequencies.near(substituted, 1), word)) << substituted;
    const std::string two_added =
        word.substr(0, 1) + "q" + word.substr(1, 3) + "j" + word.substr(4);
    EXPECT_TRUE(has_word(frequencies.near(two_added, 2), word)) << two_added;
    const std::string two_dropped = word.substr(0, 1) + word.substr(2, 2) + word.substr(5);
    EXPECT_TRUE(has_word(frequencies.near(two_dropped, 2, true), word)) << two_dropped;
    std::string swapped_and_dropped = word.substr(0, word.size() - 1);
    std::swap(swapped_and_dropped[1], swapped_and_dropped[2]);
    if (swapped_and_dropped[1] != swapped_and_dropped[2]) {
      EXPECT_TRUE(has_word(frequencies.near(swapped_and_dropped, 2), word)) << swapped_and_dropped;
    }
  }
  EXPECT_GT(tried, 50);
}

// The sound index of the image finds every listed word under its own sound key.
TEST(WordFrequencies, FindsEveryListedWordByItsSound) {
  const auto words = listed_words();
  const WordFrequencies& frequencies = WordFrequencies::instance();
  for (std::size_t k = 0; k < words.size(); k += 53) {
    const std::string& word = words[k].first;
    // sounding_like() leaves the word itself out: a vowel changed keeps the sound of most words.
    const std::string other = word + "'";
    EXPECT_TRUE(has_word(frequencies.sounding_like(other), word)) << word;
  }
  EXPECT_TRUE(has_word(frequencies.sounding_like("naborhood"), "neighborhood"));
  EXPECT_FALSE(has_word(frequencies.sounding_like("naborhood"), "neighbor"));
}

TEST(WordFrequencies, CountsPairsWrittenTogetherWhoseLettersMakeNoWord) {
  const WordFrequencies& frequencies = WordFrequencies::instance();
  EXPECT_GT(frequencies.pair_count("a", "lot"), 100u);
  EXPECT_GT(frequencies.pair_count("each", "other"), 50u);
  EXPECT_EQ(frequencies.pair_count("some", "on"), 0u);  // seldom written
  EXPECT_EQ(frequencies.pair_count("lot", "a"), 0u);    // order counts
  EXPECT_EQ(frequencies.pair_count("any", "one"), 0u);  // "anyone" is a word
}

}  // namespace
}  // namespace copydesk
