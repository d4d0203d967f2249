// The (*SKIP) after a leading class run: added only where it cannot change a match, and where
// added, every match of the pattern stays the same.

#include "copydesk/vale/run_skip.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "copydesk/vale/check_types.hpp"
#include "copydesk/vale/pattern.hpp"

namespace copydesk::vale {
namespace {

std::vector<Span> matches(const std::string& source, std::string_view text, bool ignore_case) {
  const Pattern pattern(source, {.ignore_case = ignore_case, .origin = "test"});
  std::vector<Span> found;
  for_each_match(pattern, text, [&](const Groups& groups) { found.push_back(groups.spans[0]); });
  return found;
}

TEST(RunSkip, AddedAfterTheRunOfTheOxfordCommaAndUnitShapes) {
  EXPECT_EQ(skip_past_leading_run("(?m)\\b(?:(?:[^,]+,){1,}\\s\\w+\\s(?:and|or))\\b"),
            "(?m)\\b(?:(?:[^,]+(*SKIP),)(?:[^,]+,)*\\s\\w+\\s(?:and|or))\\b");
  EXPECT_EQ(skip_past_leading_run("(?:(?:[^\\s,]+,){1,} \\w+ (?:and|or) \\w+[.?!])"),
            "(?:(?:[^\\s,]+(*SKIP),)(?:[^\\s,]+,)* \\w+ (?:and|or) \\w+[.?!])");
  EXPECT_EQ(skip_past_leading_run("[a-zA-Z]+\\s(?m)\\b(?:cm|inches)\\b"),
            "[a-zA-Z]+(*SKIP)\\s(?m)\\b(?:cm|inches)\\b");
  EXPECT_EQ(skip_past_leading_run("[a-z]+,"), "[a-z]+(*SKIP),");
}

TEST(RunSkip, NotAddedWhereAStartInsideTheRunCouldMatch) {
  for (const std::string source : {
           "[^,]+,|ab",          // an alternative may begin inside the run
           "(?:[^,]+,|ab)x",     // the same inside the group
           "(?:[^,]+,){1,3}x",   // a later start would have repetitions left
           "(?:[^,]+,)?x",       // the run may be skipped altogether
           "(?:(?:[^,]+,)+x)+",  // a repeated group around a repeated group
           "[^,]+,?x",           // an optional follower
           "[a-z]+b",            // the follower is one of the class
           "[^,]+\\w",           // the follower may be a character of the run
           "([^,]+,)x",          // a capture group holds the run
           "(?:[^,]+,)+\\1",     // a back-reference
           "[^,]+?,",            // a lazy run
           "[^,]*,",             // a run that may be empty
           "\\w+,",              // not a bracket class
       }) {
    EXPECT_EQ(skip_past_leading_run(source), source);
  }
}

TEST(RunSkip, MatchesStayTheSame) {
  const std::vector<std::string> texts = {
      "We bought apples, pears, plums and figs.",
      "Red, green and blue, or none, or all",
      "a,b,c and d, e and f. g,h or i!",
      ",, , ,a, b and c.",
      "No commas here and there",
      "It weighs 5 kilograms and 3cm inches or 2 pounds\nmiles",
      "Caf\xc3\xa9, cr\xc3\xa8me and br\xc3\xbbl\xc3\xa9"
      "e.",
  };
  for (const std::string& source : {
           std::string("(?m)\\b(?:(?:[^,]+,){1,}\\s\\w+\\s(?:and|or))\\b"),
           std::string("(?:(?:[^\\s,]+,){1,} \\w+ (?:and|or) \\w+[.?!])"),
           std::string("[a-zA-Z]+\\s(?m)\\b(?:cm|inches|pounds|miles)\\b"),
       }) {
    const std::string skipping = skip_past_leading_run(source);
    ASSERT_NE(skipping, source);
    for (const std::string& text : texts) {
      for (const bool ignore_case : {false, true}) {
        EXPECT_EQ(matches(skipping, text, ignore_case), matches(source, text, ignore_case))
            << source << " on " << text;
      }
    }
  }
}

}  // namespace
}  // namespace copydesk::vale
