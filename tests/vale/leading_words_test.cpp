// The literal-word prefilter of word-bounded token lists: which lists it serves, and that the
// matches it gives are exactly those of the plain scan.

#include "copydesk/vale/leading_words.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "copydesk/vale/check_types.hpp"

namespace copydesk::vale {
namespace {

std::string alternation_of(const std::vector<std::string>& tokens) {
  std::string joined;
  for (const std::string& token : tokens) joined += (joined.empty() ? "" : "|") + token;
  return vale_pattern(joined, "", {.word_bounded = true});
}

std::vector<Span> scanned(const Pattern& pattern, std::string_view text) {
  std::vector<Span> found;
  for_each_match(pattern, text, [&](const Groups& groups) { found.push_back(groups.spans[0]); });
  return found;
}

std::vector<Span> filtered(const Pattern& pattern, const LeadingWords& leading,
                           std::string_view text) {
  std::vector<Span> found;
  for_each_match(pattern, leading, text,
                 [&](const Groups& groups) { found.push_back(groups.spans[0]); });
  return found;
}

std::optional<LeadingWords> leading_of(const std::vector<std::string>& tokens) {
  return LeadingWords::of(alternation_of(tokens));
}

TEST(ValeLeadingWords, ServesPatternsThatBeginWithLiterals) {
  EXPECT_TRUE(leading_of({"utilize", "in order to", "(?:previous|prior) to"}));
  EXPECT_TRUE(leading_of({"colou?r", "a (?:large)? number of", "all of (?!a sudden)"}));
  EXPECT_TRUE(leading_of({"a\\.k\\.a|aka", "[\\.]+apk", "\\.NET"}));
  // A `raw` in front that begins at a word boundary, as in Google.Passive.
  EXPECT_TRUE(LeadingWords::of("\\b(am|is|was)\\b\\s*" +
                               vale_pattern("[\\w]+ed|been", "", {.word_bounded = true})));
}

TEST(ValeLeadingWords, RefusesPatternsThatMayBeginOtherwise) {
  EXPECT_FALSE(leading_of({"utilize", "\\w+ly"}));
  EXPECT_FALSE(leading_of({"[A-Z]{2,4}"}));
  EXPECT_FALSE(leading_of({"(?:large )?number"}));
  EXPECT_FALSE(leading_of({"(?i)number"}));
  EXPECT_FALSE(leading_of({"\\bme\\b"}));
  EXPECT_FALSE(leading_of({"a?b"}));
  EXPECT_FALSE(leading_of({"(?:a|)b"}));
  EXPECT_FALSE(leading_of({"[.]?apk"}));
  // Without word boundaries (`nonword`) a match may begin inside a word.
  EXPECT_FALSE(LeadingWords::of(vale_pattern("utilize", "", {.word_bounded = false})));
  EXPECT_FALSE(LeadingWords::of("\\ba|b"));
}

TEST(ValeLeadingWords, WordStartsThatSpellAPrefix) {
  const auto leading = leading_of({"in order to", "utilize", "colou?r"});
  ASSERT_TRUE(leading);
  const std::string text = "In order to utilise colours, within";
  EXPECT_TRUE(leading->may_start_at(text, 0));    // "In" begins "in order to"
  EXPECT_FALSE(leading->may_start_at(text, 1));   // inside "In"
  EXPECT_FALSE(leading->may_start_at(text, 3));   // "order"
  EXPECT_FALSE(leading->may_start_at(text, 12));  // "utilise" is not "utilize"
  EXPECT_TRUE(leading->may_start_at(text, 20));   // "colours" begins with "colo"
  EXPECT_FALSE(leading->may_start_at(text, 29));  // "within"
  // The prefixes run on past the first word: "in" alone is not enough.
  EXPECT_FALSE(leading->may_start_at("Inside, in order", 0));
  EXPECT_FALSE(leading->may_start_at("in orde", 0));
}

// Escaped punctuation is part of the literal: `e\.g\.` lets through words that begin with
// "e.g.", not every word that begins with an "e".
TEST(ValeLeadingWords, EscapedPunctuationIsPartOfThePrefix) {
  const auto leading = leading_of({"e\\.g\\.", "a\\.k\\.a|aka", "3\\-D", "x\\.?y"});
  ASSERT_TRUE(leading);
  const std::string text = "eg, e.g. an a.k.a. aka 3-D 3D xy x.y";
  EXPECT_FALSE(leading->may_start_at(text, 0));   // "eg"
  EXPECT_TRUE(leading->may_start_at(text, 4));    // "e.g."
  EXPECT_FALSE(leading->may_start_at(text, 9));   // "an"
  EXPECT_TRUE(leading->may_start_at(text, 12));   // "a.k.a."
  EXPECT_TRUE(leading->may_start_at(text, 19));   // "aka"
  EXPECT_TRUE(leading->may_start_at(text, 23));   // "3-D"
  EXPECT_FALSE(leading->may_start_at(text, 27));  // "3D"
  // The character before a quantifier may be absent, escaped or not.
  EXPECT_TRUE(leading->may_start_at(text, 30));  // "xy"
  EXPECT_TRUE(leading->may_start_at(text, 33));  // "x.y"
}

// Google.Units' kind of tokens: digits at a word start, Unicode digits included.
TEST(ValeLeadingWords, DigitsAtWordStarts) {
  const std::string source =
      vale_pattern("\\b\\d+(?:B|kB)|\\b\\d+(?:ns|ms)", "", {.word_bounded = false});
  const auto leading = LeadingWords::of(source);
  ASSERT_TRUE(leading);
  EXPECT_FALSE(LeadingWords::of(vale_pattern("\\b\\d?ms", "", {.word_bounded = false})));
  EXPECT_FALSE(LeadingWords::of(vale_pattern("\\d+ms", "", {.word_bounded = false})));
  const std::string text = "5ms x5ms \xD9\xA3kB";
  EXPECT_TRUE(leading->may_start_at(text, 0));   // "5ms"
  EXPECT_FALSE(leading->may_start_at(text, 5));  // the "5" of "x5ms"
  EXPECT_TRUE(leading->may_start_at(text, 9));   // an Arabic-Indic three
  const Pattern pattern(source, {.origin = "test.yml"});
  const Pattern anchored(source, {.origin = "test.yml", .anchored = true});
  for (const std::string_view text : {"5ms x5ms 10 kB 7kB 3\xD9\xA3ms \xD9\xA3kB \xC3\xA9"
                                      "5ms _5ms 12ns",
                                      "9", ""}) {
    EXPECT_EQ(filtered(anchored, *leading, text), scanned(pattern, text)) << text;
  }
  EXPECT_EQ(filtered(anchored, *leading, "5ms x5ms 7kB"), (std::vector<Span>{{0, 3}, {9, 12}}));
}

TEST(ValeLeadingWords, SameMatchesAsThePlainScan) {
  const std::vector<std::string> tokens = {"in order to", "(?:previous|prior) to",
                                           "colou?r",     "all of (?!a sudden)",
                                           "utilize",     "a\\.k\\.a|aka",
                                           "[\\.]+apk",   "e\\.g\\.",
                                           "3\\-D",       "x\\.?y"};
  const Pattern pattern(alternation_of(tokens), {.ignore_case = true, .origin = "test.yml"});
  const Pattern anchored(alternation_of(tokens),
                         {.ignore_case = true, .origin = "test.yml", .anchored = true});
  const auto leading = leading_of(tokens);
  ASSERT_TRUE(leading);
  for (const std::string_view text :
       {"In order to go, prior to that, all of a sudden all of them colour color colr.",
        "café·utilize, xutilize utilize_ UTILIZE; a.k.a. aka akan x.apk ..apk .apk",
        "E.g. e.g, eg. e.g.. 3-D 3-d 3D 3--D xy x.y x..y X.Y",
        "Caf\xC3\xA9in order to \xE2\x80\x9Cprevious to\xE2\x80\x9D éprior to",
        "a\xE2\x84\xAA"
        "a: a Kelvin sign is a k to a caseless pattern, \xC5\xBF an s",
        ""}) {
    EXPECT_EQ(filtered(anchored, *leading, text), scanned(pattern, text)) << text;
  }
  EXPECT_EQ(filtered(anchored, *leading, "In order to go, prior to that"),
            (std::vector<Span>{{0, 11}, {16, 24}}));
}

// Microsoft.FirstPerson's kind of tokens: a `nonword` rule whose alternatives say themselves
// where they begin, some at the whitespace before the word.
TEST(ValeLeadingWords, AlternativesWithTheirOwnBoundaries) {
  const std::string source =
      vale_pattern("(?:^|\\s)I(?=\\s)|(?:^|\\s)I(?=,\\s)|\\bI'm\\b|\\bme\\b|\\bmine\\b", "",
                   {.word_bounded = false});
  const auto leading = LeadingWords::of(source);
  ASSERT_TRUE(leading);
  EXPECT_FALSE(LeadingWords::of(vale_pattern("(?:^|\\s)\\w+", "", {.word_bounded = false})));
  EXPECT_FALSE(LeadingWords::of(vale_pattern("(?:\\s)?I", "", {.word_bounded = false})));
  const Pattern pattern(source, {.ignore_case = true, .origin = "test.yml"});
  const Pattern anchored(source, {.ignore_case = true, .origin = "test.yml", .anchored = true});
  for (const std::string_view text :
       {"I think so, and I, for one, agree with me; it is mine. I'm in.",
        "Inside it\tI\nam i i, me, xme meme",
        "\xC2\xA0I said \xE2\x80\x83I know \xE2\x80\x9CI\xE2\x80\x9D \xE3\x80\x80I am", "I", ""}) {
    EXPECT_EQ(filtered(anchored, *leading, text), scanned(pattern, text)) << text;
  }
  EXPECT_EQ(filtered(anchored, *leading, "I think I, me"),
            (std::vector<Span>{{0, 1}, {7, 9}, {11, 13}}));
}

}  // namespace
}  // namespace copydesk::vale
