#include "rule_test_support.hpp"

namespace copydesk::testing {
namespace {

constexpr std::string_view kRule = "wrong-indefinite-article";

TEST(WrongIndefiniteArticle, FlagsAnBeforeConsonantSounds) {
  for (std::string_view marked : {
           "The mayor opened [[an]] bridge over the river.",
           "She took [[an]] university place in Leeds.",
           "Officials signed [[an]] union deal late on Friday.",
           "It was [[an]] unique chance to win the cup.",
           "The club sold [[an]] one-off shirt for charity.",
           "He praised [[an]] European approach to trade.",
           "Voters backed [[an]] NATO base near the coast.",
           "Staff prepared [[an]] NASA mission briefing.",
           "The firm hired [[an]] US soldier as a guard.",
           "It is [[an]] UK firm with offices in Lagos.",
           "Police stopped [[an]] 100m race after the crash.",
           "Engineers built [[an]] U-turn lane on the road.",
           "The band wrote [[an]] eulogy for their drummer.",
           "[[An]] user reported the fault on Tuesday.",
           "The farmer lost [[an]] ewe in the storm.",
           "She met [[an]] Ukrainian diplomat in Kyiv.",
           "The town chose [[an]] 1,000-strong choir for the event.",
       }) {
    expect_flags(kRule, marked, "en_GB");
  }
}

TEST(WrongIndefiniteArticle, FlagsABeforeVowelSounds) {
  for (std::string_view marked : {
           "The minister made [[a]] intentional error.",
           "We waited [[a]] hour for the bus.",
           "He is [[a]] honest broker in the talks.",
           "She was named [[a]] heir to the estate.",
           "It was [[a]] honour to serve the town.",
           "The team faced [[a]] unusual problem.",
           "It had [[a]] unintended effect on prices.",
           "That was [[a]] uninformed guess.",
           "She carried [[a]] umbrella to the match.",
           "Doctors ordered [[a]] X-ray of his knee.",
           "He became [[a]] MP in 2010.",
           "The suspect was [[a]] FBI agent.",
           "She earned [[a]] MBA in Boston.",
           "He drove [[a]] SUV into the river.",
           "It is run by [[a]] NHS trust in Kent.",
           "The lamp uses [[a]] LED bulb.",
           "Leaders met at [[a]] EU summit in Rome.",
           "The victim was [[a]] 8-year-old girl.",
           "The winner was [[a]] 11-year-old boy.",
           "They bought [[a]] 18th-century house.",
           "He lives in [[a]] 1800s house by the sea.",
           "The car reached [[a]] 80mph limit.",
           "[[A]] eagle nested on the cliff.",
       }) {
    expect_flags(kRule, marked, "en_GB");
  }
}

TEST(WrongIndefiniteArticle, ReadsANoBreakSpaceEntityAsASpace) {
  expect_flags(kRule, "He saw [[a]]&nbsp;owl in the barn.");
}

TEST(WrongIndefiniteArticle, LooksPastOpeningQuotesAndSpacedDashes) {
  expect_flags(kRule, "They called it [[a]] \"odd\" choice.");
  expect_flags(kRule,
               "He said it was [[a]] \xE2\x80\x9C"
               "awful\xE2\x80\x9D result.");
  expect_flags(kRule, "It was [[a]] - admittedly small - step.");
}

TEST(WrongIndefiniteArticle, ReadsAmountsAndCompounds) {
  expect_flags(kRule,
               "The board approved [[a]] \xC2\xA3"
               "8m loan and a $1bn bond.",
               "en_GB");
  expect_flags(kRule,
               "They raised [[an]] \xE2\x82\xAC"
               "15m fund.",
               "en_GB");
  expect_flags(kRule, "Inflation saw [[an]] 0.5% rise.", "en_GB");
  expect_flags(kRule, "It was an all-time high and a so-called reform.", "en_GB");
  expect_flags(kRule, "It was [[a]] all-out strike and [[an]] so-called reform.", "en_GB");
  expect_flags(kRule, "Voters were given [[a]] un-American choice.", "en_GB");
}

TEST(WrongIndefiniteArticle, AcceptsTheRightArticle) {
  for (std::string_view clean : {
           "It was an hour before the doors opened.",
           "An honest answer would help.",
           "A university spokesman declined to comment.",
           "A one-off payment was made to each family.",
           "A once-great club now sits bottom of the table.",
           "He gave a eulogy at the service.",
           "A useful lesson was learned by all.",
           "It was a usual Monday at the market.",
           "The utility bill rose, a utility firm said.",
           "An unusual, unintended and uninformed move.",
           "An X-ray, an MP, an FBI agent and an MBA graduate met.",
           "An SUV, an NHS trust, an LED screen and a URL were shown.",
           "A UN agency, a US soldier, a UK firm and an EU summit.",
           "A NATO base and a NASA mission were mentioned.",
           "An 8-year-old, an 11-year-old and an 18th-century house.",
           "A 1,000-strong crowd saw a 100m race and an 80mph crash.",
           "A euro coin was found next to a ewe.",
           "A Ukrainian singer won the contest.",
           "He made a U-turn on the motorway.",
           "An umbrella was left on the train.",
       }) {
    expect_flags(kRule, clean, "en_GB");
  }
}

TEST(WrongIndefiniteArticle, AcceptsBothArticlesBeforeAWeakH) {
  for (std::string_view clean : {
           "It was an historic win for the club.",
           "It was a historic win for the club.",
           "They stayed at an hotel near the beach.",
           "They stayed at a hotel near the beach.",
           "He bought a HD television.",
       }) {
    expect_flags(kRule, clean, "en_GB");
  }
}

TEST(WrongIndefiniteArticle, AcceptsBothArticlesBeforeSql) {
  expect_flags(kRule, "A SQL query, an SQL query, a SQLite file and an SQLite file.");
  expect_flags(kRule, "It ran on [[a]] MSSQL server.");
}

TEST(WrongIndefiniteArticle, LeavesLettersLabelsAndNonWordsAlone) {
  for (std::string_view clean : {
           "Vitamin A is found in carrots.",
           "She got grade A in every exam.",
           "If Plan A fails, we try Plan B.",
           "Choose type a or b on the form.",
           "Points a and b lie on the line.",
           "The chef served it a la carte.",
           "The letter a appears twice in the word.",
           "The answer is (a) above.",
           "Mark the box with an X before you sign.",
           "Section A outlines the budget.",
           "She spoke of a J. Smith from Leeds.",
           "They met a Mr Jones at the station.",
           "The town of Frankfurt an der Oder lies on the border.",
           "Il a obtenu un prix.",
           "He sent it to a/an address.",
           "Buy a £5 ticket at the door.",
           "He posted a 'ummm' in reply.",
           "A NEW ERA FOR THE CLUB",
           "He scored with a Mbappe-style run.",
           "It takes a 0800 number to call.",
       }) {
    expect_flags(kRule, clean, "en_GB");
  }
}

TEST(WrongIndefiniteArticle, ReadsAcronymsAsWordsOrLetters) {
  expect_flags(kRule, "It was [[an]] UNESCO site.", "en_GB");
  expect_flags(kRule, "A Unesco site and a Unicef worker were named.", "en_GB");
  expect_flags(kRule, "She led an OPEC meeting and an AIDS charity.", "en_GB");
  expect_flags(kRule, "He joined [[a]] OPEC meeting.", "en_GB");
  expect_flags(kRule, "An MoD spokesman and an iPhone user spoke.", "en_GB");
  expect_flags(kRule, "The SWAT team, a NICE ruling and an NICE ruling.", "en_GB");
}

TEST(WrongIndefiniteArticle, SuggestsTheArticleInTheSameCase) {
  const auto found = findings(kRule, "An university opened. It had a intentional plan.", "en_GB");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].message, "Use `A` before `university`.");
  EXPECT_EQ(found[0].suggestions, std::vector<std::string>{"A"});
  EXPECT_EQ(found[1].message, "Use `an` before `intentional`.");
  EXPECT_EQ(found[1].suggestions, std::vector<std::string>{"an"});
}

TEST(WrongIndefiniteArticle, FixReplacesOnlyTheArticleAndIsSafe) {
  const std::string text = "We waited a hour.";
  const auto found = findings(kRule, text, "en_GB");
  ASSERT_EQ(found.size(), 1U);
  ASSERT_TRUE(found[0].fix.has_value());
  EXPECT_TRUE(found[0].fix->safe);
  ASSERT_EQ(found[0].fix->edits.size(), 1U);
  EXPECT_EQ(found[0].fix->edits[0].span, (Span{10, 11}));
  EXPECT_EQ(found[0].fix->edits[0].replacement, "an");
  EXPECT_EQ(found[0].span, (Span{10, 11}));
}

TEST(WrongIndefiniteArticle, WorksInAmericanEnglishToo) {
  expect_flags(kRule, "He received [[a]] honorary degree and [[an]] university medal.");
  expect_flags(kRule, "She said it was an honor to be a user.");
}

}  // namespace
}  // namespace copydesk::testing
