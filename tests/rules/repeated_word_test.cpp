#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

constexpr std::string_view kRule = "repeated-word";

TEST(RepeatedWord, FlagsTheSecondCopyOfADoubledWord) {
  for (std::string_view marked : {
           "The council approved the [[the]] budget on Monday.",
           "She walked in [[in]] silence.",
           "It is a [[a]] rare sight.",
           "They said it would rain and [[and]] it did.",
           "Prices rose by [[by]] ten percent.",
           "We will [[will]] see.",
           "The report was published on [[on]] Friday.",
           "The minister of [[of]] defence resigned.",
           "The [[the]] first train left early.",
           "This is the end of the\n[[the]] line.",
           "It was very [[very]] cold.",
           "A [[a]] new hope.",
           "Officials said that [[that]] the plan had failed.",
           "This [[this]] is the last train.",
           "A [[A]] test of the system.",
           "The report is [[is]] late.",
           "Voters went to [[to]] the polls.",
           "Ahn’s visit was [[was]] short.",
           "Café owners said their [[their]] costs rose.",
       }) {
    expect_flags(kRule, marked);
  }
}

TEST(RepeatedWord, FlagsEveryExtraCopy) { expect_flags(kRule, "It was [[was]] [[was]] late."); }

TEST(RepeatedWord, LeavesLegitimateDoublesAlone) {
  for (std::string_view clean : {
           "She had had enough of the delays.",
           "He argued that that decision was wrong.",
           "What the plan is is a mystery.",
           "Where it is is not clear.",
           "What they do do well is listen.",
           "The campaign visited Walla Walla in May.",
           "Guests said bye bye to the hosts.",
           "It was very, very cold.",
           "The end.\n\nThe next chapter begins here.",
           "They met in the spring; in the autumn they married.",
           "The team won 2 2 times?",
           "Ha ha, said the critic.",
           "He knocked: knock knock.",
           "The word “the” appears often.",
           "Prices went up and up.",
           "Officials from Baden Baden attended.",
           "Duran Duran played the final show.",
           "She starred in the musical Spend Spend Spend last year.",
           "The law lord Lord Hale spoke.",
           "Will will chair the meeting.",
           "The can can hold a litre.",
           "The the-word debate continued.",
           "We didn't do so so far.",
       }) {
    EXPECT_TRUE(findings(kRule, clean).empty()) << clean;
  }
}

TEST(RepeatedWord, LeavesPathsDottedNamesAndColumnsAlone) {
  for (std::string_view clean : {
           "Files:\n  po/lt.po\n  po/sv.po\n",
           "Run GIT_DIR=foo.git git init to start.",
           "See m4/host.m4 m4/lib.m4 for the macros.",
           "Name      never      never      Yes\n",
           "Column\tvalue\tvalue\n",
       }) {
    EXPECT_TRUE(findings(kRule, clean).empty()) << clean;
  }
  // Prose still counts, also across a no-break space written as an entity.
  expect_flags(kRule, "He saw the&nbsp;[[the]] harbour.");
  // Prose still counts, also with two spaces between the words or the repeat before a period.
  expect_flags(kRule, "They read the  [[the]] report.");
  expect_flags(kRule, "It was the best of [[of]].\nThe files are in po/lt.po and [[and]] more.");
}

TEST(RepeatedWord, OffersAFixThatRemovesTheCopyAndItsSpace) {
  const std::string text = "Sales fell in the the north.";
  const auto found = findings(kRule, text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "`the` is repeated.");
  ASSERT_TRUE(found[0].fix.has_value());
  EXPECT_TRUE(found[0].fix->safe);
  ASSERT_EQ(found[0].fix->edits.size(), 1u);
  const Edit& edit = found[0].fix->edits[0];
  std::string fixed = text;
  fixed.replace(edit.span.begin, edit.span.size(), edit.replacement);
  EXPECT_EQ(fixed, "Sales fell in the north.");
}

}  // namespace
}  // namespace copydesk::testing
