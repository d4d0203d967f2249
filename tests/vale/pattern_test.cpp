// Vale's pattern syntax (Go's regexp2) as PCRE2 runs it: what the style packages rely on.

#include "copydesk/vale/pattern.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace copydesk::vale {
namespace {

// Every match of `source` in `text`, as [begin, end) offsets.
std::vector<Span> matches(std::string_view source, std::string_view text,
                          bool ignore_case = false) {
  const Pattern pattern(source, {.ignore_case = ignore_case, .origin = "test.yml"});
  std::vector<Span> found;
  for_each_match(pattern, text, [&](const Groups& groups) { found.push_back(groups.spans[0]); });
  return found;
}

TEST(ValePattern, CaseInsensitiveFlagInlineOrAsOption) {
  EXPECT_EQ(matches("(?i)utilize", "Utilize it; UTILIZE it."),
            (std::vector<Span>{{0, 7}, {12, 19}}));
  EXPECT_EQ(matches("utilize", "Utilize it; UTILIZE it.", true),
            (std::vector<Span>{{0, 7}, {12, 19}}));
  EXPECT_TRUE(matches("utilize", "Utilize it; UTILIZE it.").empty());
}

// A text without a character every match holds is not scanned; the matches elsewhere are the
// same. Letters, which a caseless pattern reads in either case, never rule a text out.
TEST(ValePattern, ATextWithoutARequiredCharacterCannotMatch) {
  const std::string oxford = "(?:[^,]+,){1,}\\s\\w+\\s(?:and|or)";
  const Pattern pattern(oxford, {.origin = "test.yml"});
  EXPECT_FALSE(pattern.may_match("Red green and blue."));
  EXPECT_TRUE(pattern.may_match("Red, green and blue."));
  EXPECT_EQ(matches(oxford, "Red, green and blue."), (std::vector<Span>{{0, 14}}));
  EXPECT_TRUE(matches(oxford, "Red green and blue.").empty());
  const Pattern semicolon(";\\s+\\w", {.origin = "test.yml"});
  EXPECT_FALSE(semicolon.may_match("no semicolon here"));
  const Pattern letters("(?i)utilize", {.origin = "test.yml"});
  EXPECT_TRUE(letters.may_match("UTILIZE"));
  EXPECT_TRUE(letters.may_match("nothing"));
}

TEST(ValePattern, WordBoundariesAreUnicodeAware) {
  // "é" is a letter: no boundary between "caf" and "é", one after it.
  EXPECT_EQ(matches("\\bcafé\\b", "un café noir"), (std::vector<Span>{{3, 8}}));
  EXPECT_TRUE(matches("\\bcaf\\b", "un café noir").empty());
  EXPECT_EQ(matches("\\w+", "naïve"), (std::vector<Span>{{0, 6}}));
}

TEST(ValePattern, NamedGroupsInBothSpellings) {
  const Pattern go_style("(?P<word>a)(b)", {});
  const Pattern net_style("(?<word>a)(b)", {});
  EXPECT_EQ(go_style.group_count(), 2U);
  EXPECT_EQ(net_style.group_count(), 2U);
}

TEST(ValePattern, FixedLengthLookaroundsRunNatively) {
  EXPECT_EQ(matches("(?<!\\.)it is(?!\\.)", "It is. So it is here"), (std::vector<Span>{{10, 15}}));
}

// Google.Colons: PCRE2 10.42 refuses a lookbehind of varying length; it runs as a callout.
TEST(ValePattern, VaryingLengthLookbehindIsEmulated) {
  const std::string colons = "(?<!:[^ ]+?):\\s[A-Z]";
  EXPECT_EQ(matches(colons, "Note: This"), (std::vector<Span>{{4, 7}}));
  // "http:x" before the colon: the lookbehind holds, so no match.
  EXPECT_TRUE(matches(colons, "see http:x: Y").empty());
  EXPECT_EQ(matches("(?<=\\b[a-z]+ )dog", "a big dog, 9 dog"), (std::vector<Span>{{6, 9}}));
}

TEST(ValePattern, EmptyMatchesAdvanceByACodePoint) {
  EXPECT_EQ(matches("x*", "é"), (std::vector<Span>{{0, 0}, {2, 2}}));
}

TEST(ValePattern, MatchesWholeIsAnchoredAtBothEnds) {
  const Pattern exceptions("(?:API|CLI)", {});
  EXPECT_TRUE(exceptions.matches_whole("API"));
  EXPECT_FALSE(exceptions.matches_whole("APIs"));
  EXPECT_FALSE(exceptions.matches_whole("XAPI"));
}

TEST(ValePattern, ABadPatternSaysWhereItIsWrong) {
  try {
    Pattern("abc(", {});
    FAIL() << "no error";
  } catch (const PatternError& error) {
    EXPECT_EQ(error.offset(), 4U);
    EXPECT_NE(std::string(error.what()), "");
  }
}

// A catastrophic pattern gives up at the match limit instead of running for hours; the scan of
// that text stops (with a warning on standard error naming the rule file).
TEST(ValePattern, CatastrophicBacktrackingStopsAtTheLimit) {
  const std::string text = std::string(40, 'a') + "!";
  EXPECT_TRUE(matches("(a+)+$", text).empty());
  EXPECT_TRUE(matches("(?:a|aa)+$", text).empty());
}

}  // namespace
}  // namespace copydesk::vale
