// unified_diff: what --diff prints, in the format of `diff -u`, so that `patch` applies it.

#include "copydesk/unified_diff.hpp"

#include <gtest/gtest.h>

#include <string>

namespace copydesk::testing {
namespace {

TEST(UnifiedDiff, ShowsOneChangedLineWithItsContext) {
  EXPECT_EQ(unified_diff("a.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nV\n6\n7\n8\n9\n"),
            "--- a.txt\n+++ a.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+V\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, SplitsDistantChangesIntoHunksAndJoinsCloseOnes) {
  std::string before;
  for (int line = 1; line <= 20; ++line) before += std::to_string(line) + "\n";
  std::string after = before;
  after.replace(after.find("2\n"), 2, "two\n");
  after.replace(after.find("9\n"), 2, "nine\n");
  after.replace(after.find("19\n"), 3, "nineteen\n");
  EXPECT_EQ(unified_diff("a.txt", before, after),
            "--- a.txt\n+++ a.txt\n"
            "@@ -1,12 +1,12 @@\n 1\n-2\n+two\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+nine\n 10\n 11\n 12\n"
            "@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
}

TEST(UnifiedDiff, MarksALastLineWithoutALineBreakAndKeepsCarriageReturns) {
  EXPECT_EQ(unified_diff("a.txt", "one\r\ntwo", "one\r\nTwo"),
            "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n one\r\n-two\n\\ No newline at end of file\n"
            "+Two\n\\ No newline at end of file\n");
}

TEST(UnifiedDiff, HandlesAddedAndRemovedLinesAndEmptyTexts) {
  EXPECT_EQ(unified_diff("a.txt", "same\n", "same\n"), "");
  EXPECT_EQ(unified_diff("a.txt", "", "new\n"), "--- a.txt\n+++ a.txt\n@@ -0,0 +1,1 @@\n+new\n");
  EXPECT_EQ(unified_diff("a.txt", "a\nb\nc\n", "a\nc\n"),
            "--- a.txt\n+++ a.txt\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
  EXPECT_EQ(unified_diff("a.txt", "a\nc\n", "a\nb\nc\n"),
            "--- a.txt\n+++ a.txt\n@@ -1,2 +1,3 @@\n a\n+b\n c\n");
}

}  // namespace
}  // namespace copydesk::testing
