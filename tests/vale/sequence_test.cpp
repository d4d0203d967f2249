// The matching logic of Vale's sequence rules over tagged words, the words a sentence is
// split into, and the messages with "%[n]s".

#include "copydesk/vale/sequence.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace copydesk::vale {
namespace {

// "word/TAG word/TAG ..." as tagged words.
std::vector<SequenceWord> tagged(std::string_view text, std::vector<std::string>& storage) {
  storage.clear();
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    storage.emplace_back(text.substr(at, end - at));
    at = end + 1;
  }
  std::vector<SequenceWord> words;
  for (const std::string& item : storage) {
    const std::size_t slash = item.rfind('/');
    words.push_back(
        {std::string_view(item).substr(0, slash), std::string_view(item).substr(slash + 1)});
  }
  return words;
}

std::function<bool(std::string_view)> is(std::string_view expected) {
  return [expected = std::string(expected)](std::string_view value) {
    std::size_t at = 0;
    while (at <= expected.size()) {  // "A|B" alternatives
      const std::size_t bar = std::min(expected.find('|', at), expected.size());
      if (value == std::string_view(expected).substr(at, bar - at)) return true;
      at = bar + 1;
    }
    return false;
  };
}

// Each match as its words joined by spaces.
std::vector<std::string> matches(std::string_view text, const std::vector<SequenceToken>& tokens) {
  std::vector<std::string> storage;
  const std::vector<SequenceWord> words = tagged(text, storage);
  std::vector<std::string> found;
  for (const SequenceMatch& match : find_sequences(words, tokens)) {
    std::string joined;
    for (std::size_t i = match.first; i <= match.last; ++i) {
      if (i > match.first) joined += ' ';
      joined += words[i].text;
    }
    found.push_back(joined);
  }
  return found;
}

using Strings = std::vector<std::string>;

TEST(Sequence, AnchorExtendsBothWays) {
  const std::vector<SequenceToken> tokens{
      {.tag = is("MD")}, {.word = is("be")}, {.tag = is("JJ")}, {.tag = is("VB|VBN")}};
  EXPECT_EQ(matches("it/PRP might/MD be/VB ready/JJ ship/VB today/NN", tokens),
            Strings{"might be ready ship"});
  EXPECT_EQ(matches("it/PRP might/MD be/VB ready/JJ to/TO ship/VB", tokens), Strings{});
  EXPECT_EQ(matches("be/VB ready/JJ ship/VB", tokens), Strings{});
}

TEST(Sequence, SkipLetsWordsStandBetweenATokenAndTheAnchorSide) {
  const std::vector<SequenceToken> before{
      {.tag = is("JJS"), .skip = 2}, {.word = is("of")}, {.word = is("all")}};
  EXPECT_EQ(matches("the/DT finest/JJS desk/NN editor/NN of/IN all/DT", before),
            Strings{"finest desk editor of all"});
  EXPECT_EQ(matches("the/DT finest/JJS old/JJ desk/NN editor/NN of/IN all/DT", before), Strings{});
  const std::vector<SequenceToken> after{{.word = is("data"), .tag = is("NN")},
                                         {.tag = is("VBZ"), .skip = 2}};
  EXPECT_EQ(matches("data/NN for/IN it/PRP is/VBZ", after), Strings{"data for it is"});
  EXPECT_EQ(matches("data/NN for/IN all/DT of/IN it/PRP is/VBZ", after), Strings{});
}

TEST(Sequence, NegatedTokenHoldsWhereTheWordIsNotWhatItNames) {
  const std::vector<SequenceToken> tokens{{.word = is("following")},
                                          {.tag = is("NN|NNS"), .negate = true}};
  EXPECT_EQ(matches("the/DT following/VBG :/:", tokens), Strings{"following"});
  EXPECT_EQ(matches("the/DT following/JJ steps/NNS", tokens), Strings{});
  EXPECT_EQ(matches("read/VB the/DT following/VBG", tokens), Strings{"following"});
}

TEST(Sequence, MatchesDoNotOverlap) {
  const std::vector<SequenceToken> tokens{{.word = is("no")}, {.tag = is("DT")}};
  EXPECT_EQ(matches("no/DT no/DT no/DT", tokens), (Strings{"no no"}));
}

TEST(Sequence, WithoutAPatternNothingAnchors) {
  const std::vector<SequenceToken> tokens{{.tag = is("NN")}, {.tag = is("VBZ")}};
  EXPECT_EQ(sequence_anchor(tokens), 2u);
  EXPECT_EQ(matches("desk/NN works/VBZ", tokens), Strings{});
}

std::vector<std::string> split(std::string_view sentence) {
  std::vector<std::string> words;
  for (const Span span : sequence_words(sentence)) words.emplace_back(span.in(sentence));
  return words;
}

TEST(SequenceWords, SplitsCliticsAndPunctuation) {
  EXPECT_EQ(split("The endpoint's are ready, aren't they?"),
            (Strings{"The", "endpoint", "'s", "are", "ready", ",", "are", "n't", "they", "?"}));
  EXPECT_EQ(split("A well-known rock'n'roll act"),
            (Strings{"A", "well-known", "rock'n'roll", "act"}));
  EXPECT_EQ(split("Pelé won."), (Strings{"Pelé", "won", "."}));
}

TEST(SequenceMessage, FillsNumberedAndWholeMatchSlots) {
  const std::vector<std::string_view> words{"could", "be", "ready", "ship"};
  EXPECT_EQ(format_sequence_message("Use '%[2]s %[3]s to %[4]s' in '%s'.", words, "x y"),
            "Use 'be ready to ship' in 'x y'.");
  EXPECT_EQ(format_sequence_message("%[1]ss not %[1]s's; 100%%", words, ""),
            "coulds not could's; 100%");
  EXPECT_EQ(format_sequence_message("%[9]s|%[x]s|%d", words, ""), "|%[x]s|%d");
}

}  // namespace
}  // namespace copydesk::vale
