#include "copydesk/tagger.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace copydesk {
namespace {

// Tags a sentence given as space-separated words and writes it back as "word/TAG ...".
std::string tagged(const Tagger& tagger, const std::string& sentence) {
  std::istringstream in(sentence);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  std::vector<TaggerWord> described;
  std::string scratch;
  for (const std::string& word : words) described.push_back(describe_word(word, scratch));
  std::vector<std::uint8_t> tags(words.size());
  tagger.tag(described, 0, described.size(), tags);
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += (i ? " " : "") + words[i] + "/" + std::string(tagger.tag_name(tags[i]));
  }
  return out;
}

TEST(Tagger, TheBuiltInModelGivesUniversalTags) {
  const Tagger& tagger = Tagger::builtin();
  EXPECT_EQ(tagger.tag_count(), 17u);
  for (const char* tag : {"NOUN", "VERB", "AUX", "ADP", "PART", "DET", "PRON", "PROPN", "PUNCT"}) {
    EXPECT_GE(tagger.tag_index(tag), 0) << tag;
  }
  EXPECT_EQ(tagger.tag_index("NN"), -1);
}

TEST(Tagger, TagsPlainSentences) {
  const Tagger& tagger = Tagger::builtin();
  EXPECT_EQ(tagged(tagger, "The cat sat on the mat ."),
            "The/DET cat/NOUN sat/VERB on/ADP the/DET mat/NOUN ./PUNCT");
  EXPECT_EQ(tagged(tagger, "She wants to go home ."),
            "She/PRON wants/VERB to/PART go/VERB home/ADV ./PUNCT");
  EXPECT_EQ(tagged(tagger, "They have been working hard for years ."),
            "They/PRON have/AUX been/AUX working/VERB hard/ADV for/ADP years/NOUN ./PUNCT");
  EXPECT_EQ(tagged(tagger, "Its roof was damaged by the storm ."),
            "Its/PRON roof/NOUN was/AUX damaged/VERB by/ADP the/DET storm/NOUN ./PUNCT");
  EXPECT_EQ(tagged(tagger, "He quickly read three books ."),
            "He/PRON quickly/ADV read/VERB three/NUM books/NOUN ./PUNCT");
}

TEST(Tagger, ARangeIsTaggedAsIfTheSentenceStartedThere) {
  const Tagger& tagger = Tagger::builtin();
  std::string scratch;
  std::vector<TaggerWord> words;
  for (const char* word : {"We", "will", "meet", "the", "new", "manager"}) {
    words.push_back(describe_word(word, scratch));
  }
  std::vector<std::uint8_t> tags(words.size(), 0xEE);
  tagger.tag(words, 2, 4, tags);
  EXPECT_EQ(tags[0], 0xEE);  // outside the range: untouched
  EXPECT_EQ(tagger.tag_name(tags[2]), "VERB");
  EXPECT_EQ(tagger.tag_name(tags[3]), "DET");
  EXPECT_EQ(tags[4], 0xEE);
}

// The confusion model's cheap stage describes words with the short path: it must give the very
// hashes the full description gives, or the two stages would read different words.
TEST(Tagger, BasicDescriptionsAgreeWithFullOnes) {
  std::string a, b;
  for (const char* word : {"the", "The", "THE", "it's", "it’s", "1990s", "42", "3.5", "café",
                           "CAFÉ", "Gyu-back", "e-mail", "x", "", "...", "don't", "U.S."}) {
    const TaggerWord full = describe_word(word, a);
    const TaggerWord basics = describe_word_basics(word, b);
    EXPECT_EQ(full.lower, basics.lower) << word;
    EXPECT_EQ(full.lower, describe_word_lower(word, b)) << word;
    EXPECT_EQ(full.cased, basics.cased) << word;
    EXPECT_EQ(full.shape, basics.shape) << word;
    EXPECT_EQ(full.suffix3, basics.suffix3) << word;
  }
  EXPECT_EQ(describe_word("Road", a).lower, describe_word("road", b).lower);
  EXPECT_NE(describe_word("Road", a).cased, describe_word("road", b).cased);
  EXPECT_EQ(describe_word("1970", a).lower, describe_word("2024", b).lower);  // numbers alike
}

}  // namespace
}  // namespace copydesk
