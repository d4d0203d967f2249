#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "copydesk/dictionary.hpp"
#include "copydesk/file_reading.hpp"

namespace copydesk {
namespace {

bool installed(const char* language) {
  const auto names = available_dictionaries();
  return std::find(names.begin(), names.end(), language) != names.end();
}

// Each thread keeps recent verdicts in front of the word table; two checkers in turn on one
// thread must never see each other's.
TEST(SpellChecker, CheckersUsedInTurnKeepTheirOwnVerdicts) {
  if (!installed("en_US") || !installed("en_GB")) GTEST_SKIP() << "en_US and en_GB needed";
  const SpellChecker american("en_US");
  const SpellChecker british("en_GB");
  for (int round = 0; round < 3; ++round) {
    EXPECT_TRUE(american.correct("color"));
    EXPECT_FALSE(british.correct("color"));
    EXPECT_FALSE(american.correct("colour"));
    EXPECT_TRUE(british.correct("colour"));
  }
}

TEST(SpellChecker, AsksHunspellForWordsOutsideTheWordTable) {
  if (!installed("en_US") || !installed("en_GB")) GTEST_SKIP() << "en_US and en_GB needed";
  // Letters outside ASCII: no table answers them, Hunspell does.
  EXPECT_TRUE(SpellChecker("en_GB").correct("caf\xC3\xA9"));
  EXPECT_FALSE(SpellChecker("en_US").correct("caf\xC3\xA9"));
  EXPECT_FALSE(SpellChecker("en_GB").correct("Z\xC3\xBCrich"));
}

TEST(SpellChecker, JudgesNumbersOrdinalsAndCurlyApostrophes) {
  if (!installed("en_US")) GTEST_SKIP() << "en_US needed";
  const SpellChecker checker("en_US");
  EXPECT_TRUE(checker.correct("1990"));
  EXPECT_TRUE(checker.correct("21st"));
  EXPECT_FALSE(checker.correct("21th"));
  EXPECT_FALSE(checker.correct("1990s"));
  EXPECT_TRUE(checker.correct("mid-2024"));
  EXPECT_TRUE(checker.correct("don\xE2\x80\x99t"));
  EXPECT_FALSE(checker.correct("dont"));
}

TEST(SpellChecker, SuggestsDictionaryWordsOneEditAway) {
  if (!installed("en_US")) GTEST_SKIP() << "en_US needed";
  const SpellChecker checker("en_US");
  const auto suggestions = checker.suggest("recieve");
  EXPECT_NE(std::find(suggestions.begin(), suggestions.end(), "receive"), suggestions.end());
  EXPECT_TRUE(checker.has_single_edit_neighbour("recieve"));
  EXPECT_FALSE(checker.has_single_edit_neighbour("zqxvwpk"));
  EXPECT_TRUE(checker.suggest("zqxvwpk").empty());
}

class FileReading : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("copydesk_file_reading_" + std::to_string(::getpid()));
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  std::filesystem::path write(const std::string& name, const std::string& content) {
    const auto path = directory_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::filesystem::path directory_;
};

TEST_F(FileReading, ReadsWholeFilesOfAnySize) {
  std::string text = "left over";
  EXPECT_EQ(read_file(write("empty.txt", ""), text), FileRead::Read);
  EXPECT_EQ(text, "");
  const std::string big(300000, 'x');
  EXPECT_EQ(read_file(write("big.txt", big), text), FileRead::Read);
  EXPECT_EQ(text, big);
  EXPECT_EQ(read_file(write("nul.txt", std::string("a\0b", 3)), text), FileRead::Read);
  EXPECT_EQ(text, std::string("a\0b", 3));
}

TEST_F(FileReading, TellsDirectoriesAndMissingFilesApart) {
  std::string text;
  EXPECT_EQ(read_file(directory_, text), FileRead::Directory);
  EXPECT_EQ(read_file(directory_ / "missing.txt", text), FileRead::OpenFailed);
}

TEST_F(FileReading, ReadsFilesThatAreNotRegularToTheirEnd) {
  std::string text;
  EXPECT_EQ(read_file("/dev/null", text), FileRead::Read);
  EXPECT_EQ(text, "");
}

// A thread's cache of recent verdicts grows once it has remembered some 20,000: verdicts asked
// before, during and after must stay each word's own.
TEST(SpellChecker, VerdictsStayRightAsTheRecentCacheGrows) {
  if (!installed("en_US")) GTEST_SKIP() << "en_US needed";
  const SpellChecker checker("en_US");
  const auto made_up = [](int number) {  // "zqa", "zqb", ...: no dictionary word
    std::string word = "zq";
    for (; number > 0; number /= 26) word.push_back(static_cast<char>('a' + number % 26));
    return word;
  };
  for (int i = 1; i <= 30000; ++i) {
    ASSERT_FALSE(checker.correct(made_up(i))) << made_up(i);
    if (i % 997 == 0) {
      ASSERT_TRUE(checker.correct("house")) << i;
      ASSERT_TRUE(checker.correct("Harbor")) << i;
      ASSERT_FALSE(checker.correct("houze")) << i;
    }
  }
  for (int i = 1; i <= 100; ++i) EXPECT_FALSE(checker.correct(made_up(i))) << made_up(i);
  EXPECT_TRUE(checker.correct("house"));
  EXPECT_FALSE(checker.correct("houze"));
}

// The set's bit sketch turns lookups away early: it must never turn away a word the set holds,
// whatever its length or bytes, nor let in one that differs only inside.
TEST(WordSet, FindsEveryWordItHoldsAndNoOther) {
  WordSet set;
  std::vector<std::string> held;
  for (int i = 0; i < 3000; ++i) {
    std::string word = std::to_string(i * 7919);
    word.insert(word.begin(), 'w');
    word.push_back(static_cast<char>('a' + i % 26));
    held.push_back(word);
    set.add(word);
  }
  for (const std::string& word : held) {
    EXPECT_TRUE(set.contains_exact(word)) << word;
    std::string inside = word;
    inside[1] = 'x';  // same length, first and last bytes
    EXPECT_FALSE(set.contains_exact(inside)) << inside;
  }
  EXPECT_FALSE(set.contains_exact(""));
  EXPECT_EQ(set.size(), held.size());
}

TEST(WordSet, LowercaseEntriesAcceptCapitalsAndCurlyApostrophesAreStraightened) {
  WordSet set;
  set.add_lines("# a comment\nonline\nNASA\n  rock\u2019n\u2019roll  \n\n");
  EXPECT_TRUE(set.contains("online"));
  EXPECT_TRUE(set.contains("Online"));
  EXPECT_FALSE(set.contains_exact("Online"));
  EXPECT_TRUE(set.contains("NASA"));
  EXPECT_FALSE(set.contains("nasa"));
  EXPECT_TRUE(set.contains_exact("rock'n'roll"));
  EXPECT_TRUE(set.contains("rock\u2019n\u2019roll"));
  EXPECT_FALSE(set.contains("# a comment"));
  EXPECT_EQ(set.size(), 3u);
}

}  // namespace
}  // namespace copydesk
