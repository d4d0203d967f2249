#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

constexpr std::string_view kRule = "confused-word";

TEST(ConfusedWord, FlagsTheWrongWordOfEachPair) {
  for (std::string_view marked : {
           "The envoy flew [[too]] Baghdad on Tuesday.",
           "The talks took Minister Park Ji-won [[too]] Jakarta last week.",
           "She handed the keys [[too]] the caretaker.",
           "They want [[too]] leave before the storm.",
           "Prices climbed from 40 [[too]] 55 pence.",
           "It is [[to]] late to change the plan.",
           "There were far [[to]] many delays.",
           "The hall was [[to]] small for the crowd.",
           "Turnout was higher [[then]] in 2010.",
           "We spent more [[then]] we had planned.",
           "Many chose to rent rather [[then]] buy.",
           "Nothing has changed since [[than]].",
           "[[Than]] we drove home.",
           "[[Their]] is no easy answer.",
           "The players paid for [[there]] own tickets.",
           "The twins run the shop on [[they're]] own.",
           "[[Their]] going to win the league.",
           "[[Its]] been a long season.",
           "The council says [[its]] not responsible.",
           "The charity has [[it's]] own ambulance.",
           "I think [[your]] a fine writer.",
           "[[Your]] welcome.",
           "Bring [[you're]] own lunch.",
           "Fans fear they will [[loose]] the final.",
           "He wants to [[loose]] weight before summer.",
           "The dog was on the [[lose]] all night.",
           "The boat broke [[lose]] from its mooring.",
           "The ban had no [[affect]] on sales.",
           "Doctors listed the side [[affects]] of the drug.",
           "Farmers were badly [[effected]] by the floods.",
           "The cuts will adversely [[effect]] schools.",
           "Nobody knows [[weather]] or not the talks will resume.",
           "The match depends on the [[whether]].",
           "We should [[of]] left earlier.",
           "The unions agreed in [[principal]] to the deal.",
           "The new chair was given free [[reign]].",
           "Nobody switched [[of]] the lights.",
           "Prices doubled in the [[passed]] decade.",
           "We were glad to [[here]] from them.",
       }) {
    expect_flags(kRule, marked);
  }
}

TEST(ConfusedWord, LeavesCorrectUsesAlone) {
  for (std::string_view clean : {
           "The coach said she was tired, and me too.",
           "There was too much rain and too many cars.",
           "The dress was ruled too American for the festival.",
           "The party has become too PC for some voters.",
           "The film was released in the 1990s and felt too 1990s.",
           "It is raining, and it's cold.",
           "Their house faces the river.",
           "Sales rose more than expected, and then fell.",
           "It never came to much.",
           "He said he would not amount to much.",
           "The tax cuts lose money every year.",
           "Loose clothing is best in the heat.",
           "The effect of the ban was clear.",
           "Delays will affect the outcome.",
           "Ask whether or not the bridge is open.",
           "The weather was mild for March.",
           "You're right about the budget.",
           "Your book arrived today.",
           "The club and its A team both won.",
           "The album was ahead of its time.",
           "Only by using your right to vote can you change it.",
           "Its new boss starts on Monday.",
           "Most of all it's the noise that bothers residents.",
           "For all it's worth, the plan may still work.",
           "The reigns of the two kings overlapped.",
           "The might of the army was on display.",
           "They live close to here now.",
           "They moved to here from the coast.",
           "It is worth more, then again it may not sell.",
           "The Weather Channel and Their Finest Hour aired late.",
           "This is good whether you like it or not.",
           "The principal of the school retired.",
           "The minister will effect change quickly.",
       }) {
    expect_flags(kRule, clean);
  }
}

TEST(ConfusedWord, MessageNamesBothWords) {
  const auto found = findings(kRule, "They flew too Paris.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "`too` should probably be `to` here.");
  ASSERT_EQ(found[0].suggestions.size(), 1u);
  EXPECT_EQ(found[0].suggestions[0], "to");
}

TEST(ConfusedWord, FixIsUnsafeAndKeepsCapitalization) {
  const std::string text = "Its a fair point.";
  const auto found = findings(kRule, text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].suggestions[0], "It's");
  ASSERT_TRUE(found[0].fix.has_value());
  EXPECT_FALSE(found[0].fix->safe);
  ASSERT_EQ(found[0].fix->edits.size(), 1u);
  EXPECT_EQ(found[0].fix->edits[0].replacement, "It's");
  EXPECT_EQ(found[0].fix->edits[0].span.begin, 0u);
  EXPECT_EQ(found[0].fix->edits[0].span.end, 3u);
}

TEST(ConfusedWord, KeepsAllCapitalsAndCurlyApostrophes) {
  auto found = findings(kRule, "WE FLEW TOO THE COAST.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].suggestions[0], "TO");

  found = findings(kRule, "The firm has it\xE2\x80\x99s own lawyers.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].suggestions[0], "its");

  found = findings(kRule, "I think its a good idea.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "`its` should probably be `it's` here.");
}

TEST(ConfusedWord, MatchesCurlyApostrophesInTheText) {
  expect_flags(kRule, "The team travelled on [[they\xE2\x80\x99re]] own.");
}

}  // namespace
}  // namespace copydesk::testing
