#include "copydesk/word_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <hunspell/hunspell.hxx>
#include <iterator>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace copydesk {
namespace {

struct DictionaryFiles {
  std::filesystem::path aff, dic;
};

// The files SpellChecker would load, when the dictionary is installed.
std::optional<DictionaryFiles> installed(const std::string& language) {
  for (const char* directory : {"/usr/share/hunspell", "/usr/local/share/hunspell",
                                "/usr/share/myspell", "/usr/share/myspell/dicts"}) {
    const std::filesystem::path base = std::filesystem::path(directory) / language;
    DictionaryFiles files{base.string() + ".aff", base.string() + ".dic"};
    if (std::filesystem::exists(files.aff) && std::filesystem::exists(files.dic)) return files;
  }
  return std::nullopt;
}

std::string upper(std::string word) {
  for (char& c : word) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  return word;
}

std::string initial(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
  return word;
}

// Words of every kind the table decides: plain, inflected, with prefixes, names, mixed case,
// contractions, possessives, abbreviations with their period, hyphenated, and near misses.
const std::vector<std::string> kSeeds = {
    "harbour",
    "harbor",
    "harbours",
    "rewrote",
    "unkind",
    "unhappiness",
    "colour",
    "colours",
    "recolour",
    "theatre",
    "theater",
    "organise",
    "organize",
    "reorganised",
    "dogs",
    "dog's",
    "dogs'",
    "don't",
    "won't",
    "wouldn't",
    "it's",
    "o'clock",
    "Paris",
    "paris",
    "London",
    "McDonald",
    "iPhone",
    "NASA",
    "nasa",
    "OK",
    "etc.",
    "Mr.",
    "Mrs",
    "e.g.",
    "long-term",
    "well-known",
    "self-made",
    "co-op",
    "mother-in-law",
    "x-ray",
    "-ish",
    "anti-",
    "a",
    "I",
    "i",
    "zzzz",
    "recieve",
    "teh",
    "accomodate",
    "definately",
    "seperate",
    "wierd",
    "truely",
    "untill",
    "the",
    "The",
    "THE",
    "tHe",
    "quiet",
    "quite",
    "Quiet-Time",
    "QUIET-TIME",
    "state-of-the-art",
    "a-b-c-d-e-f-g-h-i-j-k",
    "--",
    "'tis",
    "rock'n'roll",
    "naïve",
    "cafe",
    "3D",
    "1st",
    // Numbers, ordinals (compounds of digits, by COMPOUNDRULE) and words with digits.
    "2024",
    "1-2",
    "21st",
    "11th",
    "112th",
    "11st",
    "1990s",
    "mid-1990s",
    "mid-2024",
    "over-65s",
    "4x4",
    "MP3",
    "3rd-party",
    "A4",
    "24-hour",
    "9-",
    "-9",
    "0800",
    // Curly apostrophes, which the dictionaries read as straight ones.
    "it\xE2\x80\x99s",
    "don\xE2\x80\x99t",
    "dog\xE2\x80\x99s",
    "\xE2\x80\x99tis",
    "o\xE2\x80\x99"
    "clock",
};

// Each seed, its case variants, with a final period, and its single-letter edits.
std::vector<std::string> sample_words() {
  std::set<std::string> words;
  for (const std::string& seed : kSeeds) {
    for (const std::string& word : {seed, upper(seed), initial(seed)}) {
      words.insert(word);
      words.insert(word + ".");
      words.insert(word + "..");
      for (std::size_t i = 0; i <= word.size(); ++i) {
        for (const char c : std::string("aeirst'-")) {
          std::string inserted = word;
          inserted.insert(i, 1, c);
          words.insert(inserted);
        }
        if (i < word.size()) {
          std::string deleted = word;
          deleted.erase(i, 1);
          words.insert(deleted);
        }
      }
    }
  }
  for (std::size_t i = 0; i + 1 < kSeeds.size(); ++i) {
    words.insert(kSeeds[i] + "-" + kSeeds[i + 1]);
    words.insert(upper(kSeeds[i]) + "-" + kSeeds[i + 1]);
  }
  return {words.begin(), words.end()};
}

class WordTableAgreement : public ::testing::TestWithParam<const char*> {};

TEST_P(WordTableAgreement, AnswersAsHunspellDoesForEveryWordOfItsDomain) {
  const auto files = installed(GetParam());
  if (!files) GTEST_SKIP() << GetParam() << " is not installed";
  const auto table = WordTable::embedded(GetParam(), files->aff, files->dic);
  if (!table) GTEST_SKIP() << "no word table was built for " << GetParam();
  Hunspell hunspell(files->aff.c_str(), files->dic.c_str());
  std::size_t decided = 0;
  for (const std::string& word : sample_words()) {
    const auto answer = table->accepts(word);
    if (!answer) continue;
    ++decided;
    EXPECT_EQ(*answer, hunspell.spell(word)) << "'" << word << "'";
  }
  EXPECT_GT(decided, 5000u);
}

INSTANTIATE_TEST_SUITE_P(Dictionaries, WordTableAgreement, ::testing::Values("en_US", "en_GB"));

TEST(WordTable, LeavesWordsOutsideItsDomainToHunspell) {
  const auto files = installed("en_US");
  if (!files) GTEST_SKIP() << "en_US is not installed";
  const auto table = WordTable::embedded("en_US", files->aff, files->dic);
  if (!table) GTEST_SKIP() << "no word table was built for en_US";
  for (const char* word :
       {"", "na\xC3\xAFve", "e.g.", "etc..", ".", "a_b", "x y", "1,000", "2.5"}) {
    EXPECT_EQ(table->accepts(word), std::nullopt) << "'" << word << "'";
  }
  EXPECT_EQ(table->accepts(std::string(65, 'a')), std::nullopt);
  EXPECT_NE(table->accepts(std::string(64, 'a')), std::nullopt);
  // Capitals count as letters however many there are.
  EXPECT_EQ(table->accepts("INTERNATIONALIZATION"), std::optional<bool>(true));
  EXPECT_EQ(table->accepts("the"), std::optional<bool>(true));
  EXPECT_EQ(table->accepts("teh"), std::optional<bool>(false));
  EXPECT_EQ(table->accepts("21st"), std::optional<bool>(true));
  EXPECT_EQ(table->accepts("21th"), std::optional<bool>(false));
}

TEST(WordTable, IsNotUsedWithDictionaryFilesOtherThanItsOwn) {
  const auto files = installed("en_US");
  if (!files) GTEST_SKIP() << "en_US is not installed";
  if (embedded_word_table("en_US").empty()) GTEST_SKIP() << "no word table was built for en_US";
  const auto changed = std::filesystem::temp_directory_path() / "copydesk_word_table_test.dic";
  {
    std::ifstream in(files->dic, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    content += "frobnicator\n";
    std::ofstream(changed, std::ios::binary) << content;
  }
  EXPECT_FALSE(WordTable::embedded("en_US", files->aff, changed).has_value());
  EXPECT_FALSE(WordTable::embedded("en_US", files->aff, "/nonexistent/en_US.dic").has_value());
  EXPECT_FALSE(WordTable::embedded("xx_XX", files->aff, files->dic).has_value());
  std::filesystem::remove(changed);
}

TEST(WordTable, IsUsedWithACopyOfItsDictionaryFiles) {
  // A copy has another modification time than the file the table was built from, so it is
  // recognized by its content, not by its size and time.
  const auto files = installed("en_US");
  if (!files) GTEST_SKIP() << "en_US is not installed";
  if (embedded_word_table("en_US").empty()) GTEST_SKIP() << "no word table was built for en_US";
  EXPECT_TRUE(WordTable::embedded("en_US", files->aff, files->dic).has_value());
  const auto copy = std::filesystem::temp_directory_path() / "copydesk_word_table_copy.dic";
  std::filesystem::copy_file(files->dic, copy, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::last_write_time(
      copy, std::filesystem::last_write_time(files->dic) + std::chrono::hours(1));
  EXPECT_TRUE(WordTable::embedded("en_US", files->aff, copy).has_value());
  std::filesystem::remove(copy);
}

TEST(WordTable, RejectsBytesThatAreNotATable) {
  EXPECT_THROW(WordTable(""), std::runtime_error);
  EXPECT_THROW(WordTable(std::string(200, 'x')), std::runtime_error);
  const std::string_view real = embedded_word_table("en_US");
  if (real.empty()) GTEST_SKIP() << "no word table was built for en_US";
  EXPECT_NO_THROW(WordTable{real});
  EXPECT_THROW(WordTable(real.substr(0, real.size() - 1)), std::runtime_error);
}

}  // namespace
}  // namespace copydesk
