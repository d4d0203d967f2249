// Penn Treebank tags, as Vale's sequence rules name them, from the universal tags of
// copydesk's tagger and the words' forms.

#include "copydesk/vale/penn_tags.hpp"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace copydesk::vale {
namespace {

TEST(PennTag, NounsTakeNumberFromTheirForm) {
  EXPECT_EQ(penn_tag("NOUN", "draft", "the"), "NN");
  EXPECT_EQ(penn_tag("NOUN", "drafts", "the"), "NNS");
  EXPECT_EQ(penn_tag("NOUN", "address", "the"), "NN");
  EXPECT_EQ(penn_tag("PROPN", "Reuters", ""), "NNPS");
  EXPECT_EQ(penn_tag("PROPN", "London", "in"), "NNP");
}

TEST(PennTag, VerbFormsFollowSuffixAndContext) {
  EXPECT_EQ(penn_tag("VERB", "editing", "is"), "VBG");
  EXPECT_EQ(penn_tag("VERB", "edited", "she"), "VBD");
  EXPECT_EQ(penn_tag("VERB", "edited", "was"), "VBN");
  EXPECT_EQ(penn_tag("VERB", "edit", "to"), "VB");
  EXPECT_EQ(penn_tag("VERB", "edit", "should"), "VB");
  EXPECT_EQ(penn_tag("VERB", "edits", "she"), "VBZ");
  EXPECT_EQ(penn_tag("VERB", "edit", "we"), "VBP");
  EXPECT_EQ(penn_tag("VERB", "edit", "editors"), "VBP");
  EXPECT_EQ(penn_tag("VERB", "write", "great"), "VB");
  EXPECT_EQ(penn_tag("AUX", "would", "it"), "MD");
  EXPECT_EQ(penn_tag("AUX", "is", "it"), "VBZ");
  EXPECT_EQ(penn_tag("AUX", "were", "they"), "VBD");
}

TEST(PennTag, PronounsDeterminersAndParticles) {
  EXPECT_EQ(penn_tag("PRON", "their", "of"), "PRP$");
  EXPECT_EQ(penn_tag("PRON", "they", ""), "PRP");
  EXPECT_EQ(penn_tag("PRON", "who", "editors"), "WP");
  EXPECT_EQ(penn_tag("DET", "the", ""), "DT");
  EXPECT_EQ(penn_tag("DET", "which", "of"), "WDT");
  EXPECT_EQ(penn_tag("PART", "to", "want"), "TO");
  EXPECT_EQ(penn_tag("PART", "not", "is"), "RB");
  EXPECT_EQ(penn_tag("ADP", "of", "most"), "IN");
}

TEST(PennTag, ComparisonOfAdjectivesAndAdverbs) {
  EXPECT_EQ(penn_tag("ADJ", "clear", "is"), "JJ");
  EXPECT_EQ(penn_tag("ADJ", "clearer", "is"), "JJR");
  EXPECT_EQ(penn_tag("ADJ", "clearest", "the"), "JJS");
  EXPECT_EQ(penn_tag("ADV", "quickly", "ran"), "RB");
  EXPECT_EQ(penn_tag("ADV", "when", ""), "WRB");
}

TEST(PennTag, OtherClasses) {
  EXPECT_EQ(penn_tag("NUM", "12", "of"), "CD");
  EXPECT_EQ(penn_tag("CCONJ", "and", "cats"), "CC");
  EXPECT_EQ(penn_tag("INTJ", "oh", ""), "UH");
  EXPECT_EQ(penn_tag("PUNCT", ",", "so"), ",");
}

TEST(PennTags, TagASentenceWithTheBuiltInTagger) {
  const std::vector<std::string_view> words{"The", "editors", "have", "checked",
                                            "the", "drafts",  "."};
  const std::vector<std::string_view> tags = penn_tags(words);
  ASSERT_EQ(tags.size(), words.size());
  EXPECT_EQ(tags[0], "DT");
  EXPECT_EQ(tags[1], "NNS");
  EXPECT_EQ(tags[3], "VBN");
  EXPECT_EQ(tags[5], "NNS");
  EXPECT_EQ(tags[6], ".");
}

}  // namespace
}  // namespace copydesk::vale
