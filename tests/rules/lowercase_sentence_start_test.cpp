#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

constexpr std::string_view kRule = "lowercase-sentence-start";

TEST(LowercaseSentenceStart, FlagsALowercaseStart) {
  for (std::string_view marked : {
           "The talks ended late. [[they]] resume on Monday.",
           "Oil prices fell sharply. [[analysts]] expect a rebound.",
           "Was the vote fair? [[critics]] say it was not.",
           "We won the cup! [[nobody]] expected it.",
           "[[the]] council met on Tuesday to discuss the budget.",
           "[[a]] new bridge opened today.",
           "[[what]] a day!",
           "“[[the]] match was cancelled,” the club said.",
           "\"[[this]] is not over.\"",
           "Turnout was low. [[officials]] blamed the weather.",
           "The fire spread quickly. ‘[[we]] had no warning,’ a resident said.",
           "Schools closed early. [[i]] stayed at home.",
           "The plan failed. [[élan]] alone was not enough.",
           "He resigned in May. [[his]] deputy took over.",
           "Rain is forecast.\n[[temperatures]] will fall overnight.",
           "She scored twice. [[however]], the team lost.",
           "‘[[nobody]] saw it coming,’ she said.",
           "The vote passed.\n\n[[critics]] were unimpressed by the result.",
       }) {
    expect_flags(kRule, marked);
  }
}

TEST(LowercaseSentenceStart, FlagsEachSentence) {
  expect_flags(kRule, "It rained. [[then]] it snowed. [[by]] noon the roads were shut.");
}

TEST(LowercaseSentenceStart, LeavesTrustedExceptionsAlone) {
  for (std::string_view clean : {
           "Bring a coat, e.g. a raincoat, i.e. something waterproof.",
           "They sold books, maps, etc. and some postcards.",
           "The meeting is at 9 a.m. tomorrow.",
           "Inflation rose to 3.5 percent in the year.",
           "He waited... then left without a word.",
           "She hesitated… and then signed.",
           "'Stop!' she shouted at the driver.",
           "“Why?” he asked the panel.",
           "The new iPhone sold out. iPhone sales rose. eBay listings doubled.",
           "Shares rose. pH levels in the lake were normal.",
           "The list includes:\nfirst, the budget; second, the schedule.",
           "There was one rule: everyone must vote.",
           "* apples are cheap this week.\n* pears are not.",
           "1. open the box.\n2. remove the packing.",
           "The results were in. 42 people voted.",
           "Prices rose. example.com reported the change first.",
           "Visit the site. www.example.org has the details.",
           "Questions? editor@example.com answers them.",
           "Heading without a full stop\nfollowed by lowercase text on the next line",
           "iv. The fourth item follows.",
           "a) The first option is cheaper.",
           "The painter visited Arles. van Gogh stayed there for a year.",
           "Fans sang along with Wham! until midnight.",
           "Who Wants to Be a Millionaire? is still on air.",
           "He asked about the dog? and about the cat?",
           "this",
           "no full stop here",
           "etc.",
           "Dr. smith is the surgeon on duty.",
           "The variable grows. x is then reset to zero.",
           "He met J. smith at the station.",
           "It was a strange game . . . momentum kept shifting.",
           "The launch was a flop.. a costly one, too.",
           "The gig reunited ex-Blur! members for one night.",
           "The final result came from\n\nthe judges after a long delay.",
           "Word count\n\nmatters less than clarity in a report.",
           "See you later. br /&gt;",
           "You must do the following.\n  a. retain the notice.\n  b. keep it as it is.",
           "The terms follow.\n  ii. a copyright notice must stay.\n  iii. a notice of changes.",
           "The tool is small. strace is free software.",
           "Use a renderer, eg. mjml, or ie. any other.",
       }) {
    expect_flags(kRule, clean);
  }
}

TEST(LowercaseSentenceStart, FlagsWordsTheDictionaryKnowsCapitalized) {
  // The check that lets "strace" pass still flags dictionary words, house words and names.
  expect_flags(kRule,
               "It was late. [[this]] reliance grew. We left. [[cybersecurity]] matters. "
               "They waited. [[john]] came later.");
  // A list letter in running text is a word: "a" opens the sentence.
  expect_flags(kRule, "The vote was close. [[a]]. recount followed.");
}

TEST(LowercaseSentenceStart, MessageSuggestionAndFix) {
  const std::string text = "The deal collapsed. talks will resume.";
  const auto found = findings(kRule, text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span, (Span{20, 25}));
  EXPECT_EQ(found[0].message, "Start the sentence with a capital: `Talks`.");
  ASSERT_EQ(found[0].suggestions.size(), 1u);
  EXPECT_EQ(found[0].suggestions[0], "Talks");
  ASSERT_TRUE(found[0].fix.has_value());
  EXPECT_TRUE(found[0].fix->safe);
  ASSERT_EQ(found[0].fix->edits.size(), 1u);
  EXPECT_EQ(found[0].fix->edits[0].span, (Span{20, 21}));
  EXPECT_EQ(found[0].fix->edits[0].replacement, "T");
}

TEST(LowercaseSentenceStart, FixUppercasesAnAccentedLetter) {
  const auto found = findings(kRule, "It was late. écoles were shut.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].suggestions[0], "Écoles");
  ASSERT_TRUE(found[0].fix.has_value());
  EXPECT_EQ(found[0].fix->edits[0].replacement, "É");
  EXPECT_EQ(found[0].fix->edits[0].span.size(), 2u);
}

}  // namespace
}  // namespace copydesk::testing
