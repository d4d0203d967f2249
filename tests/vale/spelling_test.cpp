// The pieces of Vale's spelling rules: words, default filters, ignore lists, custom
// dictionaries.

#include "copydesk/vale/spelling.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace copydesk::vale {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for (const Span span : spelling_words(text)) words.emplace_back(span.in(text));
  return words;
}

using Strings = std::vector<std::string>;

TEST(SpellingWords, SplitAtBlanksAndPunctuation) {
  EXPECT_EQ(words_of("The desk's 'final' re-edit (v2), done."),
            (Strings{"The", "desk's", "final", "re-edit", "v2", "done"}));
  EXPECT_EQ(words_of("see https://example.com/a"),
            (Strings{"see", "https", "example", "com", "a"}));
  EXPECT_EQ(words_of("''  ..."), Strings{});
}

TEST(DefaultFilters, LeaveCodeLikeWordsAlone) {
  EXPECT_TRUE(skipped_by_default_filters("v2"));
  EXPECT_TRUE(skipped_by_default_filters("re-edit"));
  EXPECT_TRUE(skipped_by_default_filters("HTTP"));
  EXPECT_TRUE(skipped_by_default_filters("JavaScript"));
  EXPECT_TRUE(skipped_by_default_filters("snake_case"));
  EXPECT_TRUE(skipped_by_default_filters("café"));
  EXPECT_FALSE(skipped_by_default_filters("Editor"));
  EXPECT_FALSE(skipped_by_default_filters("doesn't"));
  EXPECT_FALSE(skipped_by_default_filters("teh"));
  EXPECT_TRUE(skipped_by_default_filters("McCarthy"));  // camel case, as the filter reads it
  EXPECT_FALSE(skipped_by_default_filters("Copyedit"));
}

TEST(WordList, FollowsHunspellsCaseRule) {
  WordList list;
  list.add("nginx");
  list.add("HTTPie");
  EXPECT_TRUE(list.accepts("nginx"));
  EXPECT_TRUE(list.accepts("Nginx"));
  EXPECT_TRUE(list.accepts("NGINX"));
  EXPECT_FALSE(list.accepts("nGinx"));
  EXPECT_TRUE(list.accepts("HTTPie"));
  EXPECT_FALSE(list.accepts("httpie"));
  EXPECT_FALSE(list.accepts("Httpie"));
}

class SpellingFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    // Appending, not "literal" + string: g++ 12 warns falsely (-Wrestrict) on the latter.
    std::string name = "copydesk-vale-spelling-";
    name += ::testing::UnitTest::GetInstance()->current_test_info()->name();  // ctest -j
    folder_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }
  std::filesystem::path write(const std::string& name, const std::string& text) {
    std::ofstream(folder_ / name) << text;
    return folder_ / name;
  }
  std::filesystem::path folder_;
};

TEST_F(SpellingFiles, WordListReadsTrimmedLines) {
  WordList list;
  list.add_file(write("ignore.txt", "  copydesk \r\n\nmd4c\n"));
  EXPECT_TRUE(list.accepts("copydesk"));
  EXPECT_TRUE(list.accepts("Copydesk"));
  EXPECT_TRUE(list.accepts("md4c"));
  EXPECT_FALSE(list.accepts(""));
  EXPECT_THROW(list.add_file(folder_ / "missing.txt"), std::runtime_error);
}

TEST_F(SpellingFiles, CustomDictionariesAnyOneAccepts) {
  const DictionaryFiles first{write("a.aff", "SET UTF-8\n"), write("a.dic", "2\ndesk\nproof\n")};
  const DictionaryFiles second{write("b.aff", "SET UTF-8\n"), write("b.dic", "1\nsubeditor\n")};
  const ValeSpeller speller({first, second}, "en_US");
  EXPECT_TRUE(speller.correct("desk"));
  EXPECT_TRUE(speller.correct("subeditor"));
  EXPECT_TRUE(speller.correct("Desk"));
  EXPECT_FALSE(speller.correct("the"));  // only the custom dictionaries count
  EXPECT_FALSE(speller.correct("dsek"));
}

TEST(ValeSpeller, WithoutCustomDictionariesUsesCopydesks) {
  const ValeSpeller speller({}, "en_US");
  EXPECT_TRUE(speller.correct("newspaper"));
  EXPECT_FALSE(speller.correct("newspapre"));
}

}  // namespace
}  // namespace copydesk::vale
